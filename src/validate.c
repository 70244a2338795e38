/* validate: check records against a Frictionless Table Schema.
 *
 * The schema and the check of one cell are lib/schema; this file matches
 * the header to the schema, checks each row in full (every error of a row
 * is listed, in Frictionless's codes), keeps the keys that must be unique
 * (memory grows with them and with the referenced tables only), and
 * writes the valid rows, the rejects, the counts and the JSON report. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "manifest.h"
#include "hash.h"
#include "i18n.h"
#include "input.h"
#include "keyset.h"
#include "rejects.h"
#include "schema.h"
#include "stream.h"
#include "utf8.h"
#include "validate_cmd.h"
#include "writer.h"

/* One error, as the report lists it. */
struct verr {
	const char *code;
	size_t file;             /* the input, the report's task, it is in */
	long row;                /* rowNumber: the line; 0 for the header */
	long field_number;       /* 1-based column, 0 when none */
	char *field;             /* or NULL */
	char *cell;              /* or NULL */
	char *message;           /* English, as the report is */
	char *shown;             /* of the header's: in the user's language */
};

struct ctx {
	gs_schema *sc;
	long *col;               /* schema field -> header column, -1 absent */
	size_t nh;               /* header columns */
	const gs_field *hnames;
	gs_hash **uniq_field;    /* per field with unique: canonical -> place */
	gs_hash *pk;             /* canonical tuple -> place (place_of) */
	gs_hash **uniq_keys;
	gs_hash **fk;            /* per foreign key: canonical tuple -> 1 */
	struct verr *errs;       /* for the report */
	size_t nerrs, caperrs;
	size_t file;             /* the input being checked: its index among
	                            the stream's files (gs_stream_files) */
	gs_stream *st;
	struct fcount {          /* per stream file: where its rows went */
		long valid, invalid, unchecked;
		int other_header;    /* left out: its header differs */
	} *fc;
	size_t nfcount;
	long total_errors;
	int keep;                /* keep row errors for --report */
	gs_reason rowerr;        /* the current row's "_errors" text */
	int row_bad;
	gs_reason scratch;
	gs_buf key;
	int *ok;                 /* per field: the current row's value is valid */
	int *lineage;            /* per header column: _file or _line, unchecked */
	size_t *logical;         /* the header columns that are not lineage */
	gs_field *values;        /* the row's values in field order, for the rules */
	long rule_line;
	long nread, nvalid;       /* rows read, rows written */
	long nunchecked;         /* rows --max-errors left unchecked */
};

static const char *titles[][2] = {
	{"type-error", "Type Error"}, {"constraint-error", "Constraint Error"},
	{"missing-cell", "Missing Cell"}, {"extra-cell", "Extra Cell"},
	{"unique-error", "Unique Error"}, {"primary-key", "Primary Key Error"},
	{"foreign-key", "Foreign Key Error"}, {"blank-row", "Blank Row"},
	{"missing-label", "Missing Label"}, {"extra-label", "Extra Label"},
	{"duplicate-label", "Duplicate Label"}, {"blank-label", "Blank Label"},
	{"incorrect-label", "Incorrect Label"}, {"source-error", "Source Error"},
	{"row-constraint", "Row Constraint"},
};

static const char *title_of(const char *code)
{
	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
		if (!strcmp(titles[i][0], code))
			return titles[i][1];
	return code;
}

/* Record an error of the current row (or of the header when ROW is 0). */
static void add_error(struct ctx *c, const char *code, long row, long fnum, const char *field,
                      const char *cell, size_t celln, const gs_reason *msg)
{
	c->total_errors++;
	if (c->row_bad++)
		gs_reason_add(&c->rowerr, "; ", 2);
	gs_reason_add(&c->rowerr, code, strlen(code));
	gs_reason_add(&c->rowerr, ":", 1);
	gs_reason_add(&c->rowerr, field ? field : "", field ? strlen(field) : 0);
	gs_reason_add(&c->rowerr, ":", 1);
	gs_reason_cat(&c->rowerr, msg);
	if (row && !c->keep)
		return;   /* only a report needs every error kept */
	if (c->nerrs == c->caperrs) {
		c->caperrs = c->caperrs ? 2 * c->caperrs : 64;
		c->errs = gs_xrealloc(c->errs, c->caperrs * sizeof *c->errs);
	}
	struct verr *e = &c->errs[c->nerrs++];
	e->code = code;
	e->file = c->file;
	e->row = row;
	e->field_number = fnum;
	e->field = field ? gs_xstrndup(field, strlen(field)) : NULL;
	/* a huge cell is kept as its first bytes, cut at a character */
	if (cell && celln > GS_QUOTE_MAX) {
		celln = GS_QUOTE_MAX;
		while (celln > 0 && ((unsigned char)cell[celln] & 0xC0) == 0x80)
			celln--;
	}
	e->cell = cell ? gs_xstrndup(cell, celln) : NULL;
	e->message = gs_xstrndup(gs_reason_en(msg), msg->en.len);
	e->shown = row ? NULL : gs_xstrndup(gs_reason_shown(msg), msg->shown.len);
}

/* add_error for the fixed English message MSG. */
static void add_error_say(struct ctx *c, const char *code, long row, long fnum, const char *field,
                          const char *cell, size_t celln, const char *msg)
{
	gs_reason m = {0};
	gs_reason_say(&m, msg);
	add_error(c, code, row, fnum, field, cell, celln, &m);
	gs_reason_free(&m);
}

/* The three key rules of a table: the primary key and each unique key
 * must not repeat an earlier valid row's, a foreign key must be in its
 * table. */
enum key_rule { K_PRIMARY, K_UNIQUE, K_FOREIGN };

/* ---- the header ---- */

/* 1 when header column I is a lineage column (_file or _line, as ingest
 * --lineage adds them) that is not a field of the schema: it passes
 * through unchecked, whatever fieldsMatch says. */
static int lineage_column(const gs_schema *sc, const gs_field *h)
{
	return ((h->n == 5 && !memcmp(h->p, "_file", 5)) || (h->n == 5 && !memcmp(h->p, "_line", 5))) &&
	       gs_schema_field(sc, h->p, h->n) < 0;
}

/* Match the header to the schema; header errors are recorded. Names are
 * looked up in hashes, so a header of N columns costs N lookups. */
static void match_header(struct ctx *c)
{
	gs_schema *sc = c->sc;
	gs_reason m = {0};
	gs_hash *seen = gs_hash_new();
	for (size_t i = 0; i < c->nh; i++) {
		gs_reason_clear(&m);
		const gs_field *h = &c->hnames[i];
		c->lineage[i] = lineage_column(sc, h);
		if (!h->n) {
			gs_reason_printf(&m, "the label in the header at position %zu is blank", i + 1);
			add_error(c, "blank-label", 0, (long)i + 1, NULL, NULL, 0, &m);
		} else if (gs_hash_get(seen, h->p, h->n)) {
			char *name = gs_xstrndup(h->p, h->n);
			gs_reason_printf(&m, "the label '%s' at position %zu repeats position %zu", name, i + 1,
			                 (size_t)gs_hash_get(seen, h->p, h->n));
			add_error(c, "duplicate-label", 0, (long)i + 1, name, NULL, 0, &m);
			free(name);
		} else
			gs_hash_put(seen, h->p, h->n, (void *)(i + 1));
	}
	/* exact maps the fields, in order, to the columns that are not
	 * lineage; the other rules map them by name */
	size_t nlog = 0;
	for (size_t i = 0; i < c->nh; i++)
		if (!c->lineage[i])
			c->logical[nlog++] = i;
	for (size_t f = 0; f < sc->nfields; f++) {
		if (sc->match == GS_M_EXACT)
			c->col[f] = f < nlog ? (long)c->logical[f] : -1;
		else {
			const char *name = sc->fields[f].name;
			void *at = gs_hash_get(seen, name, strlen(name));
			c->col[f] = at ? (long)(size_t)at - 1 : -1;
		}
	}
	gs_hash_free(seen);
	int need_all = sc->match == GS_M_EXACT || sc->match == GS_M_EQUAL || sc->match == GS_M_SUBSET;
	int no_extra = sc->match == GS_M_EXACT || sc->match == GS_M_EQUAL || sc->match == GS_M_SUPERSET;
	if (sc->match == GS_M_EXACT) {
		for (size_t f = 0; f < sc->nfields && f < nlog; f++) {
			const char *want = sc->fields[f].name;
			const gs_field *h = &c->hnames[c->logical[f]];
			if (h->n != strlen(want) || memcmp(h->p, want, h->n)) {
				gs_reason_clear(&m);
				gs_reason_printf(&m, "the label '%.*s' at position %zu is not the field name '%s'",
				                 (int)h->n, h->p, c->logical[f] + 1, want);
				add_error(c, "incorrect-label", 0, (long)c->logical[f] + 1, want, NULL, 0, &m);
			}
		}
	}
	/* superset and partial let a field's column be absent, unless the
	 * field is required (a primary key's fields are): its every value
	 * would be missing */
	for (size_t f = 0; f < sc->nfields; f++) {
		int in_pk = 0;
		for (size_t k = 0; k < sc->npk; k++)
			in_pk |= sc->pk[k] == f;
		if (c->col[f] < 0 && !need_all && (sc->fields[f].required || in_pk)) {
			gs_reason_clear(&m);
			gs_reason_printf(&m, "the header has no column for field '%s', which is required", sc->fields[f].name);
			add_error(c, "missing-label", 0, (long)f + 1, sc->fields[f].name, NULL, 0, &m);
		}
	}
	for (size_t f = 0; f < sc->nfields && need_all; f++)
		if (c->col[f] < 0) {
			gs_reason_clear(&m);
			gs_reason_printf(&m, "the header has no column for field '%s'", sc->fields[f].name);
			add_error(c, "missing-label", 0, (long)f + 1, sc->fields[f].name, NULL, 0, &m);
		}
	for (size_t k = 0; k < nlog && no_extra; k++) {
		size_t i = c->logical[k];
		const gs_field *h = &c->hnames[i];
		int extra = sc->match == GS_M_EXACT ? k >= sc->nfields : gs_schema_field(sc, h->p, h->n) < 0;
		if (extra && h->n) {
			gs_reason_clear(&m);
			gs_reason_printf(&m, "the label '%.*s' at position %zu is not a field of the schema",
			                 (int)h->n, h->p, i + 1);
			char *name = gs_xstrndup(h->p, h->n);
			add_error(c, "extra-label", 0, (long)i + 1, name, NULL, 0, &m);
			free(name);
		}
	}
	if (sc->match == GS_M_PARTIAL) {
		int any = 0;
		for (size_t f = 0; f < sc->nfields; f++)
			any |= c->col[f] >= 0;
		if (!any)
			add_error_say(c, "missing-label", 0, 0, NULL, NULL, 0,
			              N_("the header has no column for any field of the schema"));
	}
	gs_reason_free(&m);
}

/* ---- keys ---- */

/* A key set's value: the file (index among the stream's files) and line
 * of the row that registered the key, in one word, so that the sets cost
 * no more than lines did. Lines below 2^40 and 2^23 files are far past
 * any ledger. */
#define PLACE_LINE_BITS 40
static void *place_of(size_t file, long line)
{
	return (void *)(((uintptr_t)file << PLACE_LINE_BITS) | (uintptr_t)line);
}

/* " repeats the WHAT of line N" onto M for the earlier row at PLACE, or,
 * when that row is in another file than the current one, " ... of
 * FILE:N", since a line number alone would point into the wrong file.
 * WHAT is the primary key for K_PRIMARY, else the unique key NAMES or,
 * NAMES NULL, the value of a unique field. */
static void say_repeat(struct ctx *c, gs_reason *m, enum key_rule rule, const char *names, void *place)
{
	size_t file = (size_t)((uintptr_t)place >> PLACE_LINE_BITS);
	long line = (long)((uintptr_t)place & (((uintptr_t)1 << PLACE_LINE_BITS) - 1));
	size_t nf;
	const gs_file_stat *fs = gs_stream_files(c->st, &nf);
	if (file == c->file || file >= nf) {
		if (rule == K_PRIMARY)
			gs_reason_printf(m, " repeats the primary key of line %ld", line);
		else if (names)
			gs_reason_printf(m, " repeats the unique key (%s) of line %ld", names, line);
		else
			gs_reason_printf(m, " repeats the value of line %ld", line);
	} else if (rule == K_PRIMARY)
		gs_reason_printf(m, " repeats the primary key of %s:%ld", fs[file].name, line);
	else if (names)
		gs_reason_printf(m, " repeats the unique key (%s) of %s:%ld", names, fs[file].name, line);
	else
		gs_reason_printf(m, " repeats the value of %s:%ld", fs[file].name, line);
}

/* The canonical tuple of FIELDS of a row into c->key; 0 when some value is
 * missing (keys with a missing part are not checked). */
static int key_of(struct ctx *c, const gs_row *r, const size_t *fields, size_t n)
{
	gs_buf_clear(&c->key);
	for (size_t i = 0; i < n; i++) {
		long col = c->col[fields[i]];
		if (col < 0 || (size_t)col >= r->n)
			return 0;
		const gs_field *v = &r->f[col];
		if (!c->ok[fields[i]] || gs_schema_is_missing(c->sc, v->p, v->n))
			return 0;
		size_t at = gs_key_open(&c->key);
		gs_schema_canon(&c->sc->fields[fields[i]], v->p, v->n, &c->key);
		gs_key_close(&c->key, at);
	}
	return 1;
}

static void key_text(const struct ctx *c, const gs_row *r, const size_t *fields, size_t n, gs_buf *out)
{
	for (size_t i = 0; i < n; i++) {
		const gs_field *v = &r->f[c->col[fields[i]]];
		gs_buf_printf(out, "%s%.*s", i ? ", " : "", (int)v->n, v->p);
	}
}

static void field_names(const gs_schema *sc, const size_t *fields, size_t n, gs_buf *out)
{
	for (size_t i = 0; i < n; i++)
		gs_buf_printf(out, "%s%s", i ? "," : "", sc->fields[fields[i]].name);
}

/* Load a foreign key's referenced table into a set of canonical tuples. */
static gs_hash *load_reference(struct ctx *c, const gs_fkey *fk)
{
	FILE *probe = fopen(fk->path, "rb");
	if (!probe)
		gs_die(GS_IO, c->sc->path, 0, "foreign key: cannot open %s (the resource %s): %s; name the file with --resource %s=FILE",
		       fk->path, fk->resource, strerror(errno), fk->resource);
	fclose(probe);
	gs_keyset *ks = gs_keyset_open(fk->path, NULL, (const char *const *)fk->ref_fields, fk->n);
	long miss = gs_keyset_missing(ks);
	if (miss >= 0)
		gs_die(GS_USAGE, c->sc->path, 0, "foreign key: %s has no column '%s'",
		       fk->resource, fk->ref_fields[miss]);
	gs_hash *set = gs_hash_new();
	const gs_field *v;
	while (gs_keyset_next(ks, &v, NULL)) {
		gs_buf_clear(&c->key);
		for (size_t i = 0; i < fk->n; i++) {
			size_t at = gs_key_open(&c->key);
			gs_schema_canon(&c->sc->fields[fk->fields[i]], v[i].p, v[i].n, &c->key);
			gs_key_close(&c->key, at);
		}
		gs_hash_put(set, c->key.p, c->key.len, (void *)1);
	}
	gs_keyset_close(ks);
	return set;
}

/* ---- one row ---- */

static void rule_broken(const char *rule, const gs_reason *why, void *arg)
{
	struct ctx *c = arg;
	gs_reason m = {0};
	if (why) {
		gs_reason_printf(&m, "the rule '%s' cannot be checked on this row: ", rule);
		gs_reason_cat(&m, why);
	} else
		gs_reason_printf(&m, "the row breaks the rule '%s'", rule);
	add_error(c, "row-constraint", c->rule_line, 0, NULL, NULL, 0, &m);
	gs_reason_free(&m);
}

/* Check the key FIELDS[0..N) of row R against SET (of earlier rows' keys,
 * or of the referenced table's for FK); a key with a missing part is not
 * checked. */
static void check_key(struct ctx *c, const gs_row *r, enum key_rule rule, const size_t *fields, size_t n,
                      const gs_hash *set, const gs_fkey *fk)
{
	if (!key_of(c, r, fields, n))
		return;
	void *prev = gs_hash_get(set, c->key.p, c->key.len);
	if (rule == K_FOREIGN ? prev != NULL : prev == NULL)
		return;
	gs_reason *m = &c->scratch;
	gs_buf names = {0}, vals = {0};
	field_names(c->sc, fields, n, &names);
	key_text(c, r, fields, n, &vals);
	gs_reason_clear(m);
	gs_quote_value(m, vals.p, vals.len);
	const char *code = "unique-error";
	switch (rule) {
	case K_PRIMARY:
		say_repeat(c, m, K_PRIMARY, NULL, prev);
		code = "primary-key";
		break;
	case K_UNIQUE:
		say_repeat(c, m, K_UNIQUE, names.p, prev);
		break;
	case K_FOREIGN:
		gs_reason_printf(m, " is not in %s (", fk->resource);
		for (size_t i = 0; i < fk->n; i++) {
			if (i)
				gs_reason_add(m, ",", 1);
			gs_reason_add(m, fk->ref_fields[i], strlen(fk->ref_fields[i]));
		}
		gs_reason_add(m, ")", 1);
		code = "foreign-key";
		break;
	}
	add_error(c, code, r->line, c->col[fields[0]] + 1, names.p, vals.p, vals.len, m);
	gs_buf_free(&names);
	gs_buf_free(&vals);
}

/* The cells of R: extra ones, missing ones, and each value against its
 * field; c->ok says which values are valid. */
static void check_cells(struct ctx *c, const gs_row *r)
{
	gs_schema *sc = c->sc;
	gs_reason *m = &c->scratch;
	long line = r->line;
	for (size_t i = c->nh; i < r->n; i++) {
		gs_reason_clear(m);
		gs_reason_printf(m, "the row has an extra cell at position %zu", i + 1);
		add_error(c, "extra-cell", line, (long)i + 1, NULL, r->f[i].p, r->f[i].n, m);
	}
	for (size_t f = 0; f < sc->nfields; f++)
		c->ok[f] = 1;
	for (size_t f = 0; f < sc->nfields; f++) {
		const gs_sfield *sf = &sc->fields[f];
		long col = c->col[f];
		if (col < 0)
			continue;
		if ((size_t)col >= r->n) {
			c->ok[f] = 0;
			add_error_say(c, "missing-cell", line, col + 1, sf->name, NULL, 0,
			              N_("the row has no cell for this field"));
			continue;
		}
		const gs_field *v = &r->f[col];
		if (gs_schema_is_missing(sc, v->p, v->n)) {
			int in_pk = 0;
			for (size_t k = 0; k < sc->npk; k++)
				in_pk |= sc->pk[k] == f;
			if (sf->required || in_pk)
				add_error_say(c, "constraint-error", line, col + 1, sf->name, v->p, v->n,
				              N_("a value is required"));
			continue;
		}
		gs_reason_clear(m);
		enum gs_check k = gs_schema_check(sf, v->p, v->n, m);
		c->ok[f] = k == GS_CHECK_OK;
		if (k != GS_CHECK_OK)
			add_error(c, k == GS_CHECK_TYPE ? "type-error" : "constraint-error", line, col + 1, sf->name,
			          v->p, v->n, m);
	}
}

/* The keys of R, checked when their own values are valid (a key of
 * values that are not means nothing) against the keys of earlier valid
 * rows and the referenced tables. */
static void check_keys(struct ctx *c, const gs_row *r)
{
	gs_schema *sc = c->sc;
	gs_reason *m = &c->scratch;
	long line = r->line;
	for (size_t f = 0; f < sc->nfields; f++) {
		if (!c->uniq_field[f] || !key_of(c, r, &f, 1))
			continue;
		void *prev = gs_hash_get(c->uniq_field[f], c->key.p, c->key.len);
		if (prev) {
			const gs_field *v = &r->f[c->col[f]];
			gs_reason_clear(m);
			gs_quote_value(m, v->p, v->n);
			say_repeat(c, m, K_UNIQUE, NULL, prev);
			add_error(c, "unique-error", line, c->col[f] + 1, sc->fields[f].name, v->p, v->n, m);
		}
	}
	if (sc->npk)
		check_key(c, r, K_PRIMARY, sc->pk, sc->npk, c->pk, NULL);
	for (size_t u = 0; u < sc->nuniq; u++)
		check_key(c, r, K_UNIQUE, sc->uniq[u], sc->nuniq_fields[u], c->uniq_keys[u], NULL);
	for (size_t k = 0; k < sc->nfks; k++)
		check_key(c, r, K_FOREIGN, sc->fks[k].fields, sc->fks[k].n, c->fk[k], &sc->fks[k]);
}

/* The row rules, on rows whose values are all of their types (a rule
 * over a value that is not means nothing); an absent column or a missing
 * value is empty, which the expression language reads as NA. */
static void check_rules(struct ctx *c, const gs_row *r)
{
	gs_schema *sc = c->sc;
	int typed = 1;
	for (size_t f = 0; f < sc->nfields && typed; f++)
		typed = c->ok[f];
	if (sc->nrules && typed) {
		for (size_t f = 0; f < sc->nfields; f++) {
			long col = c->col[f];
			const gs_field *v = col >= 0 && (size_t)col < r->n ? &r->f[col] : NULL;
			c->values[f] = v && !gs_schema_is_missing(sc, v->p, v->n) ? *v : (gs_field){"", 0};
		}
		c->rule_line = r->line;
		gs_schema_rules(sc, c->values, rule_broken, c);
	}
}

/* A valid row registers its keys, for the rows after it. */
static void keep_keys(struct ctx *c, const gs_row *r)
{
	gs_schema *sc = c->sc;
	void *place = place_of(c->file, r->line);
	for (size_t f = 0; f < sc->nfields; f++)
		if (c->uniq_field[f] && key_of(c, r, &f, 1))
			gs_hash_put(c->uniq_field[f], c->key.p, c->key.len, place);
	if (sc->npk && key_of(c, r, sc->pk, sc->npk))
		gs_hash_put(c->pk, c->key.p, c->key.len, place);
	for (size_t u = 0; u < sc->nuniq; u++)
		if (key_of(c, r, sc->uniq[u], sc->nuniq_fields[u]))
			gs_hash_put(c->uniq_keys[u], c->key.p, c->key.len, place);
}

/* Every error of row R (BAD: the stream found it malformed, for BAD_WHY;
 * BAD_WIDTH: only its number of cells is wrong, which the cells' checks
 * name) goes into c->rowerr. */
static void check_row(struct ctx *c, const gs_row *r, int bad, const gs_reason *bad_why, int bad_width)
{
	gs_schema *sc = c->sc;
	long line = r->line;
	if (bad && !bad_width) {
		add_error(c, "source-error", line, 0, NULL, NULL, 0, bad_why);
		return;
	}
	int blank = 1;
	for (size_t i = 0; i < r->n && blank; i++)
		blank = (i < c->nh && c->lineage[i]) || gs_schema_is_missing(sc, r->f[i].p, r->f[i].n);
	if (blank) {
		add_error_say(c, "blank-row", line, 0, NULL, NULL, 0, N_("the row is blank"));
		return;
	}
	check_cells(c, r);
	check_keys(c, r);
	check_rules(c, r);
	if (!c->row_bad)
		keep_keys(c, r);
}

/* ---- the report ---- */

static void json_str(gs_buf *b, const char *s)
{
	if (!s)
		gs_buf_adds(b, "null");
	else
		gs_json_string(b, s, strlen(s));
}

/* The errors of the task FILE onto B as JSON array items, after *N
 * items already there (which it counts on); FILE SIZE_MAX: every error.
 * Returns how many it wrote. */
static long write_error_items(gs_buf *b, const struct ctx *c, size_t file, long *n)
{
	long mine = 0;
	for (size_t i = 0; i < c->nerrs; i++) {
		const struct verr *e = &c->errs[i];
		if (file != SIZE_MAX && e->file != file)
			continue;
		mine++;
		gs_buf_adds(b, (*n)++ ? ",\n    {" : "\n    {");
		gs_buf_adds(b, "\"type\":");
		json_str(b, e->code);
		gs_buf_adds(b, ",\"code\":");
		json_str(b, e->code);
		gs_buf_adds(b, ",\"title\":");
		json_str(b, title_of(e->code));
		gs_buf_adds(b, ",\"message\":");
		json_str(b, e->message);
		gs_buf_adds(b, ",\"note\":");
		json_str(b, e->message);
		if (e->row)
			gs_buf_printf(b, ",\"rowNumber\":%ld", e->row);
		if (e->field_number)
			gs_buf_printf(b, ",\"fieldNumber\":%ld", e->field_number);
		gs_buf_adds(b, ",\"fieldName\":");
		json_str(b, e->field);
		gs_buf_adds(b, ",\"cell\":");
		json_str(b, e->cell);
		gs_buf_addc(b, '}');
	}
	return mine;
}

/* The task id of the input that could not be opened, J-th of them:
 * counted down from the top, apart from the stream's files. */
#define MISSING_TASK(j) (SIZE_MAX - 1 - (j))

/* One task of the report: an input, with what was read of it (F NULL
 * when nothing was finished: a header that did not fit, or a file that
 * could not be opened) and ID, the file of its errors (struct verr). */
struct task {
	const char *name;
	const gs_file_stat *f;
	size_t id;
	int opened;              /* it is one of the stream's files */
};

/* The tasks, in the order of the inputs INPUTS[0..NINPUTS) as given
 * (MISSING[I] set for one that could not be opened), into *TASKS;
 * returns how many. The stream's files are the inputs that could be
 * opened, in order, and, when HEADER_OPEN, the one whose header did not
 * fit, last. */
static size_t list_tasks(gs_stream *st, int header_open, char **inputs, size_t ninputs, char **missing,
                         struct task **tasks)
{
	size_t nf = 0;
	const gs_file_stat *fs = st ? gs_stream_files(st, &nf) : NULL;
	size_t nstream = nf + (header_open ? 1 : 0), k = 0, j = 0, n = 0;
	struct task *t = gs_xmalloc((nstream + ninputs + 1) * sizeof *t);
	for (size_t i = 0; i <= ninputs; i++) {
		int end = i == ninputs;
		while (k < nstream && (end || !missing[i])) {
			t[n++] = (struct task){k < nf ? fs[k].name : gs_stream_file(st), k < nf ? &fs[k] : NULL, k, 1};
			k++;
			if (!end)
				break;
		}
		if (!end && missing[i]) {
			t[n++] = (struct task){gs_display_name(inputs[i]), NULL, MISSING_TASK(j), 0};
			j++;
		}
	}
	*tasks = t;
	return n;
}

/* 1 when the task T was read whole and every row of it was checked and
 * valid (NERR its errors). */
static int task_valid(const struct ctx *c, const struct task *t, long nerr)
{
	return !nerr && t->f && t->f->complete && (t->id >= c->nfcount || !c->fc[t->id].unchecked);
}

/* The row counts of task T onto B: rows read, and where each went. */
static void task_rows(gs_buf *b, const struct ctx *c, const struct task *t, long sum[5])
{
	long v[5] = {0};
	if (t->f) {
		v[0] = t->f->rows + t->f->skipped;
		v[4] = t->f->skipped;
	}
	if (t->id < c->nfcount) {
		v[1] = c->fc[t->id].valid;
		v[2] = c->fc[t->id].invalid;
		v[3] = c->fc[t->id].unchecked;
	}
	gs_buf_printf(b, "\"rows\": %ld, \"validRows\": %ld, \"invalidRows\": %ld, \"uncheckedRows\": %ld, "
	              "\"blankRows\": %ld", v[0], v[1], v[2], v[3], v[4]);
	for (int i = 0; i < 5; i++)
		sum[i] += v[i];
}

/* The report of a run over the stream ST (NULL when no input could be
 * opened) onto FP (PATH in messages; closed): frictionless's shape, with
 * one task per input (its own name, rows, bytes, sha256 and errors)
 * though the inputs are checked as one table (keys span them). INPUTS:
 * as given, MISSING[I] set for those that could not be opened;
 * HEADER_OPEN: the header did not fit, and no row was read. STATUS: the
 * run's so far, which a valid report must agree with. The exit status. */
static int write_report(FILE *fp, const char *path, const struct ctx *c, gs_stream *st, double seconds,
                        const char *schema_path, int header_open, char **inputs, size_t ninputs,
                        char **missing, int status)
{
	struct task *tasks;
	size_t ntasks = list_tasks(st, header_open, inputs, ninputs, missing, &tasks);
	unsigned long long bytes = 0;
	gs_buf b = {0}, errs = {0}, body = {0};
	int valid = status == GS_OK && c->total_errors == 0;
	long sum[5] = {0};
	for (size_t t = 0; t < ntasks; t++) {
		const struct task *k = &tasks[t];
		const gs_file_stat *f = k->f;
		long n = 0, nerr = write_error_items(&errs, c, k->id, &n);
		int ok = task_valid(c, k, nerr);
		valid &= ok;
		gs_buf_adds(&b, t ? ",\n    {\"name\": " : "{\"name\": ");
		json_str(&b, k->name);
		gs_buf_printf(&b, ", \"type\": \"table\", \"valid\": %s, \"place\": ", ok ? "true" : "false");
		json_str(&b, k->name);
		gs_buf_adds(&b, ", \"schema\": ");
		json_str(&b, schema_path);
		gs_buf_adds(&b, ",\n    \"labels\": [");
		/* the labels are the stream's header, which a file left out
		 * for another header does not have */
		int labelled = k->opened && !(k->id < c->nfcount && c->fc[k->id].other_header);
		for (size_t i = 0; labelled && i < c->nh; i++) {
			if (i)
				gs_buf_addc(&b, ',');
			gs_json_string(&b, c->hnames[i].p, c->hnames[i].n);
		}
		gs_buf_printf(&b, "],\n    \"stats\": {\"errors\": %ld, \"warnings\": 0, \"seconds\": %.3f, \"sha256\": ",
		              nerr, seconds);
		/* a digest of the part read would pass for the file's */
		json_str(&b, f && f->complete && f->sha256[0] ? f->sha256 : NULL);
		gs_buf_printf(&b, ", \"bytes\": %llu, \"fields\": %zu, ", f ? f->bytes : 0, labelled ? c->nh : 0);
		task_rows(&b, c, k, sum);
		gs_buf_adds(&b, "},\n    \"warnings\": [],\n    \"errors\": [");
		gs_buf_add(&b, errs.p, errs.len);
		gs_buf_adds(&b, nerr ? "\n  ]}" : "]}");
		gs_buf_clear(&errs);
		bytes += f ? f->bytes : 0;
	}
	/* the top level repeats rows, bytes, sha256 (of a single input) and
	 * the errors, in the tasks' order, for readers that do not walk the
	 * tasks */
	long n = 0;
	for (size_t t = 0; t < ntasks; t++)
		write_error_items(&errs, c, tasks[t].id, &n);
	gs_buf_printf(&body, "{\n  \"valid\": %s,\n  \"stats\": {\"tasks\": %zu, \"errors\": %ld, \"warnings\": 0, "
	              "\"seconds\": %.3f, ", valid ? "true" : "false", ntasks, c->total_errors, seconds);
	const gs_file_stat *one = ntasks == 1 ? tasks[0].f : NULL;
	gs_buf_printf(&body, "\"rows\": %ld, \"validRows\": %ld, \"invalidRows\": %ld, \"uncheckedRows\": %ld, "
	              "\"blankRows\": %ld, \"bytes\": %llu, \"sha256\": ", sum[0], sum[1], sum[2], sum[3], sum[4], bytes);
	json_str(&body, one && one->complete && one->sha256[0] ? one->sha256 : NULL);
	gs_buf_adds(&body, "},\n  \"warnings\": [],\n  \"errors\": [");
	gs_buf_add(&body, errs.p, errs.len);
	gs_buf_adds(&body, n ? "\n  ]" : "]");
	gs_buf_adds(&body, ",\n  \"tasks\": [");
	gs_buf_add(&body, b.p, b.len);
	gs_buf_adds(&body, "]\n}\n");
	int st_out = GS_OK;
	errno = 0;
	if ((fwrite(body.p, 1, body.len, fp) != body.len) | (fclose(fp) != 0)) {
		gs_msg(path, 0, "cannot write the report: %s", errno ? strerror(errno) : "write error");
		st_out = GS_IO;
	}
	free(tasks);
	gs_buf_free(&b);
	gs_buf_free(&errs);
	gs_buf_free(&body);
	return st_out;
}

/* ---- --infer ---- */

enum { I_BOOL = 1, I_INT = 2, I_NUM = 4, I_DATE = 8, I_DATETIME = 16, I_YM = 32 };

static int infer_value(const char *s, size_t n)
{
	static gs_sfield f;
	int k = 0;
	static const char *bools[] = {"true", "false", "True", "False", "TRUE", "FALSE"};
	for (int i = 0; i < 6; i++)
		if (strlen(bools[i]) == n && !memcmp(bools[i], s, n))
			k |= I_BOOL;
	gs_reason why = {0};
	static const struct { int t, bit; } tries[] = {
		{GS_T_INTEGER, I_INT}, {GS_T_NUMBER, I_NUM}, {GS_T_DATE, I_DATE},
		{GS_T_DATETIME, I_DATETIME}, {GS_T_YEARMONTH, I_YM},
	};
	for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
		memset(&f, 0, sizeof f);
		f.type = tries[i].t;
		f.min_len = f.max_len = -1;
		gs_reason_clear(&why);
		if (gs_schema_check(&f, s, n, &why) == GS_CHECK_OK)
			k |= tries[i].bit;
	}
	gs_reason_free(&why);
	return k;
}

/* A schema from the input: each column's narrowest type. The header must
 * be one validate -s can take (no blank or repeated label); a malformed
 * row is reported and left out of the scan, and makes the status 1. The
 * schema is standard output's, recorded in the manifest after the input
 * as a record stream's would be. */
static int infer(gs_stream *st)
{
	const gs_field *names;
	size_t n;
	if (gs_stream_header(st, &names, &n) < 0) {
		gs_manifest_stream(st, "input");
		return gs_stream_status(st) ? gs_stream_status(st) : GS_IO;
	}
	gs_hash *seen = gs_hash_new();
	int bad_header = 0;
	for (size_t i = 0; i < n; i++) {
		if (!names[i].n) {
			gs_msg(gs_stream_file(st), 0, "blank-label::the label in the header at position %zu is blank; "
			       "name the column before inferring a schema", i + 1);
			bad_header = 1;
		} else if (gs_hash_get(seen, names[i].p, names[i].n)) {
			gs_msg(gs_stream_file(st), 0, "duplicate-label:%.*s:the label '%.*s' at position %zu repeats position %zu; "
			       "rename one before inferring a schema", (int)names[i].n, names[i].p, (int)names[i].n,
			       names[i].p, i + 1, (size_t)gs_hash_get(seen, names[i].p, names[i].n));
			bad_header = 1;
		} else
			gs_hash_put(seen, names[i].p, names[i].n, (void *)(i + 1));
	}
	gs_hash_free(seen);
	if (bad_header) {
		gs_manifest_stream(st, "input");
		return GS_IO;
	}
	int *can = gs_xmalloc((n + 1) * sizeof *can), *missing = gs_xcalloc(n + 1, sizeof *missing);
	int *seenv = gs_xcalloc(n + 1, sizeof *seenv);
	for (size_t i = 0; i < n; i++)
		can[i] = I_BOOL | I_INT | I_NUM | I_DATE | I_DATETIME | I_YM;
	gs_row r;
	int k;
	long nread = 0, nbad = 0;
	while ((k = gs_stream_next(st, &r)) != GS_REC_EOF) {
		nread++;
		if (k == GS_REC_BAD) {
			gs_msg(gs_stream_file(st), r.line, "%s; the row is left out of the inference",
			       gs_reason_shown(gs_stream_reason(st)));
			nbad++;
			continue;
		}
		for (size_t i = 0; i < n && i < r.n; i++) {
			if (!r.f[i].n) {
				missing[i] = 1;
				continue;
			}
			seenv[i] = 1;
			if (can[i])
				can[i] &= infer_value(r.f[i].p, r.f[i].n);
		}
	}
	gs_manifest_stream(st, "input");
	gs_buf b = {0};
	gs_buf_adds(&b, "{\n  \"fields\": [\n");
	int first = 1;
	for (size_t i = 0; i < n; i++) {
		/* the lineage ingest --lineage adds is no field: validate
		 * passes it unchecked, and a schema requiring it would refuse
		 * the same records without it */
		if (names[i].n == 5 && (!memcmp(names[i].p, "_file", 5) || !memcmp(names[i].p, "_line", 5)))
			continue;
		if (!first)
			gs_buf_adds(&b, ",\n");
		first = 0;
		int c = seenv[i] ? can[i] : 0;
		const char *type = c & I_BOOL ? "boolean" : c & I_INT ? "integer" : c & I_NUM ? "number" :
		                   c & I_DATE ? "date" : c & I_DATETIME ? "datetime" : c & I_YM ? "yearmonth" : "string";
		gs_buf_adds(&b, "    {\"name\": ");
		gs_json_string(&b, names[i].p, names[i].n);
		gs_buf_printf(&b, ", \"type\": \"%s\"", type);
		if (seenv[i] && !missing[i])
			gs_buf_adds(&b, ", \"constraints\": {\"required\": true}");
		gs_buf_adds(&b, "}");
	}
	gs_buf_adds(&b, first ? "" : "\n");
	gs_buf_adds(&b, "  ],\n  \"missingValues\": [\"\"]\n}\n");
	gs_write_stdout(b.p, b.len, -1);
	gs_buf_free(&b);
	free(can);
	free(missing);
	free(seenv);
	if (nbad)
		gs_msg(NULL, 0, "%ld rows read, %ld used for the schema, %ld rejected (malformed, left out)",
		       nread, nread - nbad, nbad);
	int status = gs_stream_status(st);
	return status ? status : nbad ? GS_REJECT : GS_OK;
}

/* ---- the run ---- */

/* --resource NAME=FILE: the file of the resource NAME, for each foreign
 * key of SC that refers to it. */
static void name_resources(gs_schema *sc, char **args, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		const char *eq = strchr(args[i], '=');
		if (!eq || eq == args[i] || !eq[1])
			gs_usage_error("--resource: give NAME=FILE (the resource as the schema names it, and its file)");
		size_t nl = (size_t)(eq - args[i]);
		int used = 0;
		for (size_t k = 0; k < sc->nfks; k++)
			if (strlen(sc->fks[k].resource) == nl && !memcmp(sc->fks[k].resource, args[i], nl)) {
				free(sc->fks[k].path);
				sc->fks[k].path = gs_xstrndup(eq + 1, strlen(eq + 1));
				used = 1;
			}
		if (!used)
			gs_usage_error("--resource: no foreign key of the schema refers to the resource '%.*s'", (int)nl,
			               args[i]);
	}
}

/* The state of a run against SC: the per-field arrays, the key sets, and
 * the referenced tables, loaded now. KEEP: keep every error for the
 * report. */
static void ctx_init(struct ctx *c, gs_schema *sc, int keep)
{
	c->sc = sc;
	c->keep = keep;
	c->col = gs_xmalloc((sc->nfields + 1) * sizeof *c->col);
	c->ok = gs_xcalloc(sc->nfields + 1, sizeof *c->ok);
	c->values = gs_xmalloc((sc->nfields + 1) * sizeof *c->values);
	c->uniq_field = gs_xcalloc(sc->nfields + 1, sizeof *c->uniq_field);
	for (size_t f = 0; f < sc->nfields; f++)
		if (sc->fields[f].unique)
			c->uniq_field[f] = gs_hash_new();
	c->pk = gs_hash_new();
	c->uniq_keys = gs_xcalloc(sc->nuniq + 1, sizeof *c->uniq_keys);
	for (size_t u = 0; u < sc->nuniq; u++)
		c->uniq_keys[u] = gs_hash_new();
	c->fk = gs_xcalloc(sc->nfks + 1, sizeof *c->fk);
	for (size_t k = 0; k < sc->nfks; k++)
		c->fk[k] = load_reference(c, &sc->fks[k]);
}

/* Room in the per-file counts for the stream's file FILE. */
static void count_room(struct ctx *c, size_t file)
{
	if (file < c->nfcount)
		return;
	size_t n = 2 * file + 4;
	c->fc = gs_xrealloc(c->fc, n * sizeof *c->fc);
	memset(c->fc + c->nfcount, 0, (n - c->nfcount) * sizeof *c->fc);
	c->nfcount = n;
}

/* Check every row of ST: valid ones to W, the others to RJ. After MAX
 * errors (when MAX > 0) rows are read and counted, not checked. */
static void check_rows(struct ctx *c, gs_stream *st, gs_writer *w, gs_rejects *rj, long max)
{
	for (;;) {
		gs_row r;
		int k = gs_stream_next(st, &r);
		if (k == GS_REC_EOF)
			break;
		c->nread++;
		gs_stream_files(st, &c->file);   /* those before the row's */
		count_room(c, c->file);
		if (max > 0 && c->total_errors >= max) {
			c->nunchecked++;
			c->fc[c->file].unchecked++;
			continue;
		}
		gs_reason_clear(&c->rowerr);
		c->row_bad = 0;
		check_row(c, &r, k == GS_REC_BAD, gs_stream_reason(st), gs_stream_bad_width(st));
		if (c->row_bad) {
			gs_rejects_row(rj, &r, &c->rowerr);
			c->fc[c->file].invalid++;
		} else {
			gs_writer_row(w, r.f, r.n);
			c->nvalid++;
			c->fc[c->file].valid++;
		}
	}
}

/* The exit status from STATUS and the counts, which are printed when
 * rows were rejected or left unchecked, or when VERBOSE. */
static int counts(struct ctx *c, gs_stream *st, gs_rejects *rj, int verbose, int status)
{
	if (gs_stream_status(st) > status)
		status = gs_stream_status(st);
	long nrej = rj ? gs_rejects_count(rj) : 0;
	long ndropped = gs_stream_empty_rows(st);
	c->nread += ndropped;
	if ((nrej || c->nunchecked) && status < GS_REJECT)
		status = GS_REJECT;
	if (rj && (nrej || c->nunchecked || verbose)) {
		if (c->nunchecked)
			gs_msg(NULL, 0, "%ld rows read, %ld valid, %ld rejected, %ld not checked after %ld errors (--max-errors)%s",
			       c->nread, c->nvalid, nrej, c->nunchecked, c->total_errors, gs_dropped_note(ndropped));
		else
			gs_summary(c->nread, c->nvalid, nrej, ndropped);
	}
	return status;
}

static void ctx_free(struct ctx *c)
{
	const gs_schema *sc = c->sc;
	for (size_t i = 0; i < c->nerrs; i++) {
		free(c->errs[i].field);
		free(c->errs[i].cell);
		free(c->errs[i].message);
		free(c->errs[i].shown);
	}
	free(c->errs);
	free(c->fc);
	for (size_t f = 0; f < sc->nfields; f++)
		gs_hash_free(c->uniq_field[f]);
	free(c->uniq_field);
	gs_hash_free(c->pk);
	for (size_t u = 0; u < sc->nuniq; u++)
		gs_hash_free(c->uniq_keys[u]);
	free(c->uniq_keys);
	for (size_t k = 0; k < sc->nfks; k++)
		gs_hash_free(c->fk[k]);
	free(c->fk);
	free(c->col);
	free(c->ok);
	free(c->values);
	free(c->lineage);
	free(c->logical);
	gs_reason_free(&c->rowerr);
	gs_reason_free(&c->scratch);
	gs_buf_free(&c->key);
}

/* ---- inputs left out ---- */

/* The report's errors for the inputs that were not read whole: each of
 * ST's files that was not, in order, with the reason the stream kept (a
 * header other than the first file's is an incorrect-label), and each of
 * the NINPUTS inputs as given that could not be opened (WHYS[I] set), so
 * that each has a task that says why it is not valid. */
static void left_out_errors(struct ctx *c, gs_stream *st, size_t ninputs, char **whys)
{
	size_t nf = 0;
	const gs_file_stat *fs = st ? gs_stream_files(st, &nf) : NULL;
	gs_reason m = {0};
	for (size_t k = 0; k < nf; k++) {
		if (fs[k].complete)
			continue;
		c->file = k;
		count_room(c, k);
		if (fs[k].other_header) {
			c->fc[k].other_header = 1;
			add_error(c, "incorrect-label", 0, fs[k].other_header, NULL, NULL, 0, &fs[k].why);
		} else if (fs[k].why.en.len)
			add_error(c, "source-error", 0, 0, NULL, NULL, 0, &fs[k].why);
		else
			add_error_say(c, "source-error", 0, 0, NULL, NULL, 0,
			              N_("the file could not be read to its end (standard error says why): "
			                 "its rows after those counted are neither checked nor counted"));
	}
	for (size_t i = 0, j = 0; i < ninputs; i++)
		if (whys[i]) {
			c->file = MISSING_TASK(j);
			j++;
			gs_reason_clear(&m);
			gs_reason_printf(&m, "cannot open: %s", whys[i]);
			add_error(c, "source-error", 0, 0, NULL, NULL, 0, &m);
		}
	gs_reason_free(&m);
}

/* ---- main ---- */

/* What the report needs of the run besides its context. */
struct run {
	FILE *report_fp;
	const char *report_path, *schema_path;
	const struct timespec *t0;
	char **given;            /* the inputs as given, */
	size_t ngiven;
	char **whys;             /*   why each that could not be opened */
};

/* Write the report of the run R over ST (NULL when no input could be
 * opened), its status so far STATUS; HEADER_OPEN as write_report. The
 * report's write status. */
static int report_run(const struct run *r, struct ctx *c, gs_stream *st, int header_open, int status)
{
	struct timespec t1;
	if (!header_open)   /* else the stream stopped at a header that did not fit */
		left_out_errors(c, st, r->ngiven, r->whys);
	else
		left_out_errors(c, NULL, r->ngiven, r->whys);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - r->t0->tv_sec) + (double)(t1.tv_nsec - r->t0->tv_nsec) / 1e9;
	return write_report(r->report_fp, r->report_path, c, st, secs, r->schema_path, header_open, r->given,
	                    r->ngiven, r->whys, status);
}

/* The inputs FILES[0..N) that can be opened, into KEPT (room for N),
 * *NKEPT of them; each that cannot is named on stderr now, before the
 * schema and its resources are loaded, so that a missing input is not
 * hidden behind a missing resource (which ends the run), and its reason
 * kept in WHY[I] (room for N; NULL for the others) for the report.
 * Standard input ("-") is kept. Returns how many were left out. */
static size_t openable_inputs(char **files, size_t n, char **kept, size_t *nkept, char **whys)
{
	size_t left = 0;
	*nkept = 0;
	for (size_t i = 0; i < n; i++) {
		const char *why;
		gs_input *in = strcmp(files[i], "-") ? gs_input_open(files[i], "auto", &why) : NULL;
		whys[i] = NULL;
		if (strcmp(files[i], "-") && !in) {
			gs_msg(gs_display_name(files[i]), 0, "cannot open: %s", why);
			whys[i] = gs_xstrndup(why, strlen(why));
			left++;
			continue;
		}
		gs_input_close(in);
		kept[(*nkept)++] = files[i];
	}
	return left;
}

int main(int argc, char **argv)
{
	struct gengetopt_args_info a;
	gs_cli cli;
	GS_CLI_START(cli, a, "validate", argc, argv);
	{
		const char *side[] = {a.schema_given ? a.schema_arg : NULL};
		gs_output outs[] = {{N_("the report"), a.report_given ? a.report_arg : NULL}};
		gs_cli_outputs(&cli, side, sizeof side / sizeof *side, outs, sizeof outs / sizeof *outs);
	}
	if (a.infer_given && (cli.bom || cli.encoding))
		gs_usage_error("--infer writes a JSON schema: --bom and %s are for CSV and TSV records",
		               cli.encoding_opt);
	if (cli.out_format >= 0)
		gs_cli_output_encoding(&cli, NULL, cli.out_format, "-o");
	/* the report is opened now, so that one that cannot be written stops
	 * the run before anything is written */
	FILE *report_fp = NULL;
	if (a.report_given && !a.infer_given && !(report_fp = fopen(a.report_arg, "w")))
		gs_die(GS_IO, a.report_arg, 0, "cannot write the report: %s", strerror(errno));
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);

	int in_format = cli.in_format;
	int out_format = cli.out_format;
	gs_stream_opts so = {0};
	so.format = in_format;
	so.hash = a.report_given || gs_manifest_on();   /* digests cost a third of the time */
	so.any_names = 1;
	if (a.infer_given) {
		if (a.schema_given)
			gs_usage_error("--infer writes a schema; it does not take one");
		gs_stream *st = gs_stream_open(a.inputs, a.inputs_num, &so);
		int s = gs_manifest_end(infer(st));
		gs_stream_close(st);
		cmdline_parser_free(&a);
		return gs_close_stdout(s);
	}
	if (!a.schema_given)
		gs_usage_error("give the schema with -s FILE (or --infer to write one)");
	if (a.max_errors_given && a.max_errors_arg < 1)
		gs_usage_error("--max-errors: give a number of 1 or more");
	char **inputs = gs_xmalloc((a.inputs_num + 1) * sizeof *inputs);
	char **whys = gs_xmalloc((a.inputs_num + 1) * sizeof *whys);
	size_t ninputs, nmissing = openable_inputs(a.inputs, a.inputs_num, inputs, &ninputs, whys);
	struct run run = {report_fp, a.report_arg, a.schema_arg, &t0, a.inputs, a.inputs_num, whys};
	gs_schema *sc = gs_schema_load(a.schema_arg);
	if (!sc)
		exit(GS_USAGE);

	name_resources(sc, a.resource_arg, a.resource_given);
	struct ctx c = {0};
	ctx_init(&c, sc, a.report_given);
	if (nmissing && !ninputs) {   /* none left: no standard input instead */
		if (report_fp)
			report_run(&run, &c, NULL, 0, GS_IO);
		exit(gs_close_stdout(GS_IO));
	}

	gs_stream *st = gs_stream_open(inputs, ninputs, &so);
	c.st = st;
	if (gs_stream_header(st, &c.hnames, &c.nh) < 0) {
		int s = gs_stream_status(st) ? gs_stream_status(st) : GS_IO;
		if (report_fp)
			report_run(&run, &c, st, 0, s);
		exit(gs_close_stdout(s));
	}
	if (out_format < 0)
		out_format = gs_stream_format(st);
	c.lineage = gs_xcalloc(c.nh + 1, sizeof *c.lineage);
	c.logical = gs_xmalloc((c.nh + 1) * sizeof *c.logical);
	gs_stream_files(st, &c.file);   /* the header's, after any that failed */
	match_header(&c);
	int header_open = c.nerrs > 0;
	int status = GS_OK;
	gs_rejects *rj = NULL;
	if (c.nerrs) {
		/* no row can be trusted under a header that does not fit */
		for (size_t i = 0; i < c.nerrs; i++)
			gs_msg(gs_stream_file(st), gs_stream_header_line(st), "%s:%s:%s", c.errs[i].code,
			       c.errs[i].field ? c.errs[i].field : "", c.errs[i].shown);
		status = GS_IO;
	} else {
		gs_writer *w = gs_writer_new(stdout, out_format);
		gs_cli_output_encoding(&cli, w, out_format, "-o");
		gs_writer_header(w, c.hnames, c.nh, NULL);
		rj = gs_rejects_open(a.rejects_given ? a.rejects_arg : NULL, out_format);
		gs_rejects_error_column(rj, "_errors");
		gs_rejects_stream(rj, st);
		gs_rejects_header(rj, c.hnames, c.nh, 1);
		check_rows(&c, st, w, rj, a.max_errors_given ? a.max_errors_arg : -1);
		gs_manifest_output(w);
		gs_writer_free(w);
	}
	status = counts(&c, st, rj, a.verbose_given, nmissing ? GS_IO : status);
	if (rj) {
		int rs = gs_rejects_close(rj);
		if (rs > status)
			status = rs;
	}
	gs_manifest_file(a.schema_arg, "schema");
	for (size_t k = 0; k < sc->nfks; k++)
		gs_manifest_file(sc->fks[k].path, "reference");
	gs_manifest_stream(st, "input");
	if (a.report_given) {
		int rs = report_run(&run, &c, st, header_open, status);
		if (rs > status)
			status = rs;
		gs_manifest_file(a.report_arg, "report");
	}
	status = gs_manifest_end(status);
	ctx_free(&c);
	gs_stream_close(st);
	gs_schema_free(sc);
	for (size_t i = 0; i < a.inputs_num; i++)
		free(whys[i]);
	free(whys);
	free(inputs);
	cmdline_parser_free(&a);
	return gs_close_stdout(status);
}
