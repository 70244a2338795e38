/* expr: the expression language of tally, rank and report.
 *
 *   literals   12, 0.5, "田园镇" (with \" and \\ escapes)
 *   fields     status, `化解情况` (any header name in backticks)
 *   operators  ! - (unary), * /, + -, == != < <= > >=, in ("a", "b"),
 *              &&, ||, parentheses; empty(X)
 *
 * Values read from a field are text, and also a number when the text is
 * one. A comparison is numeric when both sides are numbers, else it
 * compares the texts byte by byte (a string literal is always text, so
 * code == "001" compares texts). An empty field is NA: arithmetic with NA
 * is NA, a comparison with NA is false, and so !(x > 1) is true for an
 * empty x. Division by zero is NA. Arithmetic on text that is not a number
 * is an error naming the field. Conditions take NA and false as false,
 * numbers as true when not zero, text as true when not empty.
 *
 * The tree owns its strings; gs_expr_free frees it all. */
#ifndef GS_EXPR_H
#define GS_EXPR_H

#include <stddef.h>

#include "buf.h"
#include "num.h"
#include "reason.h"
#include "records.h"

typedef struct gs_expr gs_expr;

enum gs_vtype { GS_V_NA, GS_V_NUM, GS_V_STR, GS_V_BOOL };

typedef struct gs_value {
	int type;         /* enum gs_vtype */
	gs_num num;       /* GS_V_NUM */
	const char *s;    /* GS_V_STR: the text (also a number's own text) */
	size_t n;
	int b;            /* GS_V_BOOL */
	int field;        /* the text came from a field: it may be a number */
} gs_value;

/* Parse an expression from SRC starting at *POS. With WHOLE the rest of
 * SRC must be the expression; otherwise parsing stops before the first
 * token that cannot continue it (a ',' or an unmatched ')'), and *POS is
 * left there. On error returns NULL with *POS at the byte where it went
 * wrong and the reason in ERR. */
gs_expr *gs_expr_parse(const char *src, size_t *pos, int whole, gs_reason *err);

/* Resolve field names to columns of NAMES[0..N). Returns 0, or -1 with
 * "no field 'X'" in ERR. */
int gs_expr_bind(gs_expr *e, const gs_field *names, size_t n, gs_reason *err);

/* Evaluate on the fields of a row. Returns 0, or -1 with the reason
 * (naming the field) in ERR. OUT may point into ROW or into the tree. */
int gs_expr_eval(const gs_expr *e, const gs_field *row, gs_value *out, gs_reason *err);

/* 1 when E is true on ROW, 0 when not, -1 on error (reason in ERR). */
int gs_expr_test(const gs_expr *e, const gs_field *row, gs_reason *err);

/* The value as a number: 1 and *OUT set, 0 when it is NA, -1 when it is
 * text that is not a number. */
int gs_value_number(const gs_value *v, gs_num *out);

/* The name of the field E is, or NULL. */
const char *gs_expr_field_name(const gs_expr *e);

/* Call FN for each field name E reads (repeats included). */
void gs_expr_fields(const gs_expr *e, void (*fn)(const char *name, void *arg), void *arg);

/* How gs_expr_show spells what it shows. FIELD appends a field's NAME as
 * the reader knows it. NUMBER appends a number literal TEXT (as written);
 * FIELD is the name of the field the literal is compared with (the other
 * side of == != < <= > >=, or the left of the in it is an item of, through
 * any unary minus), else NULL. Both are called with ARG; when NULL, the
 * language's own spelling is used. The operator words, when not NULL,
 * replace ==, !=, <, <=, >, >=, && and ||. */
typedef struct gs_expr_style {
	void (*field)(void *arg, const char *name, gs_buf *out);
	void (*number)(void *arg, const char *text, const char *field, gs_buf *out);
	const char *eq, *ne, *lt, *le, *gt, *ge, *and_op, *or_op;
	void *arg;
} gs_expr_style;

/* Append E to OUT as text, in STYLE (NULL: the language's own). A binary
 * operator has one space either side, a unary one none; parentheses are
 * where precedence needs them, and around && under || (people do not all
 * know which binds first), nowhere else. Strings are in double quotes,
 * and names that are not plain words in backticks, with a backslash
 * before the quote and before a backslash reading would take for an
 * escape. In the language's own style the text parses back to the same
 * tree, so it means what E means. */
void gs_expr_show(const gs_expr *e, const gs_expr_style *style, gs_buf *out);

void gs_expr_free(gs_expr *e);

/* Scan a quoted string or backticked name starting at SRC[*POS] (the
 * opening quote), decoding escapes into OUT. Returns 0 and moves *POS past
 * the closing quote, or -1. Shared with the aggregate parser. */
int gs_expr_scan_quoted(const char *src, size_t *pos, gs_buf *out);

#endif
