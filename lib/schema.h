/* schema: a Frictionless Table Schema, the subset govstat supports, and
 * the check of one cell against its field.
 *
 * Supported, fully: field types string (formats default, email, uri,
 * uuid), integer, number, boolean (trueValues, falseValues), date
 * (default ISO, "any", or a strptime pattern), datetime, year, yearmonth;
 * constraints required, unique, minimum, maximum, exclusiveMinimum,
 * exclusiveMaximum, minLength, maxLength, pattern (a Perl-compatible
 * regular expression read by PCRE2 in UTF and Unicode-property modes,
 * matching the whole value, as Frictionless reads XML Schema patterns),
 * enum; at the schema level missingValues, primaryKey, uniqueKeys,
 * foreignKeys (reference.resource a CSV path relative to the schema file),
 * fieldsMatch (exact, equal, subset, superset, partial) and
 * rowConstraints (govstat's: conditions on a whole row written in the
 * expression language of expr.h over the field names). Anything else is
 * refused when the schema is loaded, naming it: a property that was
 * silently ignored would let bad rows through. Fields may carry title,
 * description, example and rdfType, which document and change nothing. */
#ifndef GS_SCHEMA_H
#define GS_SCHEMA_H

#include <stddef.h>

#include "buf.h"
#include "expr.h"
#include "hash.h"
#include "num.h"
#include "reason.h"

enum gs_ftype { GS_T_STRING, GS_T_INTEGER, GS_T_NUMBER, GS_T_BOOLEAN, GS_T_DATE,
                GS_T_DATETIME, GS_T_YEAR, GS_T_YEARMONTH };

/* a field's format: the string formats, and the date formats other than
 * the default ISO one ("any", a strptime pattern in the field's format) */
enum gs_fformat { GS_F_DEFAULT, GS_F_EMAIL, GS_F_URI, GS_F_UUID, GS_F_ANY, GS_F_PATTERN };

enum gs_fmatch { GS_M_EXACT, GS_M_EQUAL, GS_M_SUBSET, GS_M_SUPERSET, GS_M_PARTIAL };

typedef struct gs_sfield {
	char *name;
	enum gs_ftype type;
	char *format;            /* as written; NULL for default */
	enum gs_fformat fmt;
	char **truev, **falsev;
	size_t ntrue, nfalse;
	int required, unique;
	int has_min, has_max, excl_min, excl_max;
	gs_num min, max;         /* typed bounds (dates as days, ...) */
	char *min_text, *max_text;
	long min_len, max_len;   /* -1 when not set */
	void *pattern;           /* the compiled PCRE2 pattern, or NULL */
	char *pattern_text;
	char **enums;            /* as written */
	size_t *enum_len;
	size_t nenum;
	gs_num *enum_num;        /* typed, for non-string types */
} gs_sfield;

typedef struct gs_fkey {
	size_t *fields;          /* indexes into the schema's fields */
	size_t n;
	char *resource;          /* as written */
	char *path;              /* resolved against the schema's folder */
	char **ref_fields;
} gs_fkey;

typedef struct gs_schema {
	char *path;
	gs_sfield *fields;
	size_t nfields;
	char **missing;          /* missingValues */
	size_t *missing_len;
	size_t nmissing;
	size_t *pk;              /* primaryKey field indexes */
	size_t npk;
	size_t **uniq;           /* uniqueKeys */
	size_t *nuniq_fields;
	size_t nuniq;
	gs_fkey *fks;
	size_t nfks;
	enum gs_fmatch match;
	gs_expr **rules;         /* rowConstraints, bound to the fields' order */
	char **rule_text;        /*   as written */
	size_t nrules;
	gs_hash *by_name;        /* field name -> index + 1 */
} gs_schema;

/* Load PATH. On error prints "PROG: PATH: ..." naming what is wrong or
 * unsupported and returns NULL (a usage error). */
gs_schema *gs_schema_load(const char *path);

/* The same from TEXT[0..LEN) (PATH names it in messages and resolves the
 * foreign keys' resources). */
gs_schema *gs_schema_load_text(const char *path, const char *text, size_t len);

/* The index of the field named NAME[0..N), or -1. */
long gs_schema_field(const gs_schema *sc, const char *name, size_t n);

/* Check the row constraints on the values of a row, given in the schema's
 * field order (VALUES[0..nfields), a missing value as an empty field).
 * Calls BROKEN(RULE, WHY, ARG) for each rule the row breaks (WHY NULL) or
 * that cannot be evaluated on it (WHY says why). Returns how many. */
size_t gs_schema_rules(const gs_schema *sc, const gs_field *values,
                       void (*broken)(const char *rule, const gs_reason *why, void *arg), void *arg);

/* Append S[0..N) to OUT as messages quote a value: whole when short, else
 * its first GS_QUOTE_MAX bytes (cut at a character) and how long it is. */
enum { GS_QUOTE_MAX = 200 };
void gs_quote_value(gs_reason *out, const char *s, size_t n);

/* 1 when S[0..N) is one of the schema's missing values. */
int gs_schema_is_missing(const gs_schema *sc, const char *s, size_t n);

/* Check one present (not missing) value against field F. Returns
 * GS_CHECK_OK when it is valid; else GS_CHECK_TYPE for a value that is
 * not of the field's type (or format) or GS_CHECK_CONSTRAINT for one that
 * breaks a constraint, with the message in WHY. */
enum gs_check { GS_CHECK_OK, GS_CHECK_TYPE, GS_CHECK_CONSTRAINT };
enum gs_check gs_schema_check(const gs_sfield *f, const char *s, size_t n, gs_reason *why);

/* Append the canonical text of a valid value of F to OUT, so that keys
 * compare typed values: "01" and "1" are one integer, "1.50" and "1.5"
 * one number, "TRUE" and "true" one boolean. */
void gs_schema_canon(const gs_sfield *f, const char *s, size_t n, gs_buf *out);

/* The name of a type, for messages and --infer. */
const char *gs_ftype_name(int type);

void gs_schema_free(gs_schema *sc);

#endif
