#include "ledgermap.h"
#include "dates.h"
#include "diag.h"
#include "hash.h"
#include "i18n.h"
#include "jsonfile.h"
#include "ledgernum.h"
#include "stream.h"
#include "utf8.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { K_NONE, K_VALUES, K_DATE, K_DATETIME, K_NUMBER };

/* What the map says about one canonical field. */
struct rule {
	char *field;
	enum kind kind;
	gs_hash *values;   /* raw value -> code (char *) */
	char *dflt;        /* the "*" entry, or NULL */
	int excel;         /* date, datetime: GS_EXCEL_* */
	int drop_time;     /* date: {"time": "drop"} keeps the date of a date-time */
};

/* One entry of "fields", in the map's order. */
struct rename {
	const char *raw, *canon;
};

/* One entry of "drop_rows": rows whose FIELD is one of VALUES are left out. */
struct droprow {
	char *field;
	gs_hash *values;   /* trimmed value -> (void *)1 */
};

struct gs_map {
	char *path;
	gs_hash *fields;   /* raw -> canonical (char *) */
	struct rename *renames;
	size_t nrenames;
	gs_hash *drop;     /* raw -> (void *)1 */
	char **drops;      /* the "drop" list, in order */
	size_t ndrops;
	gs_hash *drop_seen; /* drop names some file's header had */
	struct droprow *droprows;
	size_t ndroprows;
	struct rule *rules;
	size_t nrules;
	long skip;
	int header_rows;
	char **footer;
	size_t nfooter;
	char *encoding;
	char **owned;      /* strings to free */
	size_t nowned;
};

static char *keep(gs_map *m, const char *s)
{
	m->owned = gs_xrealloc(m->owned, (m->nowned + 1) * sizeof *m->owned);
	return m->owned[m->nowned++] = gs_xstrndup(s, strlen(s));
}

/* Say what is wrong with the map (FMT is English, as for gs_msg); -1. */
static int bad(const gs_map *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int bad(const gs_map *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gs_vmsg(m->path, 0, fmt, ap);
	va_end(ap);
	return -1;
}

static struct rule *rule_for(gs_map *m, const char *field, enum kind k)
{
	for (size_t i = 0; i < m->nrules; i++)
		if (!strcmp(m->rules[i].field, field)) {
			if (m->rules[i].kind != k)
				return NULL;   /* two kinds of rule for one field */
			return &m->rules[i];
		}
	m->rules = gs_xrealloc(m->rules, (m->nrules + 1) * sizeof *m->rules);
	struct rule *r = &m->rules[m->nrules++];
	memset(r, 0, sizeof *r);
	r->field = keep(m, field);
	r->kind = k;
	return r;
}

static int load_string_list(gs_map *m, const cJSON *v, const char *key,
                            char ***out, size_t *n)
{
	if (!cJSON_IsArray(v))
		return bad(m, "must be a list of strings: '%s'", key);
	const cJSON *e;
	cJSON_ArrayForEach(e, v) {
		if (!cJSON_IsString(e))
			return bad(m, "must be a list of strings: '%s'", key);
		*out = gs_xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = keep(m, e->valuestring);
	}
	return 0;
}

/* "dates" or "datetimes" (KEY): a list of fields, or field -> options. */
static int load_dates(gs_map *m, const cJSON *v, const char *key, enum kind kind)
{
	if (cJSON_IsArray(v)) {
		const cJSON *e;
		cJSON_ArrayForEach(e, v) {
			if (!cJSON_IsString(e))
				return kind == K_DATE ? bad(m, "dates: must list field names")
				                      : bad(m, "datetimes: must list field names");
			if (!rule_for(m, e->valuestring, kind))
				return bad(m, "more than one of values, dates, datetimes and numbers for '%s'", e->valuestring);
		}
		return 0;
	}
	if (!cJSON_IsObject(v))
		return bad(m, "must be a list of fields or an object: '%s'", key);
	const cJSON *f;
	cJSON_ArrayForEach(f, v) {
		struct rule *r = rule_for(m, f->string, kind);
		if (!r)
			return bad(m, "more than one of values, dates, datetimes and numbers for '%s'", f->string);
		if (!cJSON_IsObject(f)) {
			return bad(m, "%s: the options must be an object for '%s'", key, f->string);
		}
		const cJSON *o;
		cJSON_ArrayForEach(o, f) {
			if (!strcmp(o->string, "excel")) {
				if (!cJSON_IsNumber(o) || (o->valueint != 1900 && o->valueint != 1904)) {
					return bad(m, "%s: \"excel\" must be 1900 or 1904 for '%s'", key, f->string);
				}
				r->excel = o->valueint;
			} else if (kind == K_DATE && !strcmp(o->string, "time")) {
				if (!cJSON_IsString(o) || strcmp(o->valuestring, "drop"))
					return bad(m, "dates: \"time\" can only be \"drop\" for '%s'", f->string);
				r->drop_time = 1;
			} else {
				return bad(m, "%s: unknown option '%s'", key, o->string);
			}
		}
	}
	return 0;
}

static int load(gs_map *m, const cJSON *root)
{
	if (!cJSON_IsObject(root))
		return bad(m, "a map must be a JSON object");
	const cJSON *v;
	cJSON_ArrayForEach(v, root) {
		const char *k = v->string;
		if (!strcmp(k, "fields")) {
			if (!cJSON_IsObject(v))
				return bad(m, "must be an object of raw header -> name: '%s'", k);
			const cJSON *e;
			cJSON_ArrayForEach(e, v) {
				if (!cJSON_IsString(e) || !*e->valuestring)
					return bad(m, "fields: the new name must be a non-empty string for '%s'", e->string);
				char *canon = keep(m, e->valuestring);
				gs_hash_put(m->fields, e->string, strlen(e->string), canon);
				m->renames = gs_xrealloc(m->renames, (m->nrenames + 1) * sizeof *m->renames);
				m->renames[m->nrenames++] = (struct rename){keep(m, e->string), canon};
			}
		} else if (!strcmp(k, "drop")) {
			char **l = NULL;
			size_t n = 0;
			if (load_string_list(m, v, k, &l, &n))
				return free(l), -1;
			for (size_t i = 0; i < n; i++) {
				gs_hash_put(m->drop, l[i], strlen(l[i]), (void *)1);
				m->drops = gs_xrealloc(m->drops, (m->ndrops + 1) * sizeof *m->drops);
				m->drops[m->ndrops++] = l[i];
			}
			free(l);
		} else if (!strcmp(k, "drop_rows")) {
			if (!cJSON_IsObject(v))
				return bad(m, "must be an object of field -> [values]: '%s'", k);
			const cJSON *f;
			cJSON_ArrayForEach(f, v) {
				char **l = NULL;
				size_t n = 0;
				if (!cJSON_IsArray(f) || load_string_list(m, f, f->string, &l, &n)) {
					free(l);
					return bad(m, "drop_rows: must be a list of values for '%s'", f->string);
				}
				m->droprows = gs_xrealloc(m->droprows, (m->ndroprows + 1) * sizeof *m->droprows);
				struct droprow *d = &m->droprows[m->ndroprows++];
				d->field = keep(m, f->string);
				d->values = gs_hash_new();
				for (size_t i = 0; i < n; i++) {
					const char *t = l[i];
					size_t tn = strlen(t);
					gs_trim(&t, &tn);
					gs_hash_put(d->values, t, tn, (void *)1);
				}
				free(l);
			}
		} else if (!strcmp(k, "values")) {
			if (!cJSON_IsObject(v))
				return bad(m, "must be an object of field -> {raw value: code}: '%s'", k);
			const cJSON *f;
			cJSON_ArrayForEach(f, v) {
				if (!cJSON_IsObject(f))
					return bad(m, "values: must be an object of raw value -> code: '%s'", f->string);
				struct rule *r = rule_for(m, f->string, K_VALUES);
				if (!r)
					return bad(m, "more than one of values, dates, datetimes and numbers for '%s'", f->string);
				if (!r->values)
					r->values = gs_hash_new();
				const cJSON *e;
				cJSON_ArrayForEach(e, f) {
					if (!cJSON_IsString(e))
						return bad(m, "values: codes must be strings, see '%s'", e->string);
					if (!strcmp(e->string, "*"))
						r->dflt = keep(m, e->valuestring);
					else {
						const char *raw = e->string;
						size_t rn = strlen(raw);
						gs_trim(&raw, &rn);
						gs_hash_put(r->values, raw, rn, keep(m, e->valuestring));
					}
				}
			}
		} else if (!strcmp(k, "dates") || !strcmp(k, "datetimes")) {
			if (load_dates(m, v, k, !strcmp(k, "dates") ? K_DATE : K_DATETIME))
				return -1;
		} else if (!strcmp(k, "numbers")) {
			if (!cJSON_IsArray(v))
				return bad(m, "must be a list of field names: '%s'", k);
			const cJSON *e;
			cJSON_ArrayForEach(e, v) {
				if (!cJSON_IsString(e))
					return bad(m, "numbers: must list field names");
				if (!rule_for(m, e->valuestring, K_NUMBER))
					return bad(m, "more than one of values, dates, datetimes and numbers for '%s'", e->valuestring);
			}
		} else if (!strcmp(k, "skip")) {
			if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble != (double)v->valueint)
				return bad(m, "must be a whole number of lines: '%s'", k);
			m->skip = v->valueint;
		} else if (!strcmp(k, "header_rows")) {
			if (!cJSON_IsNumber(v) || v->valueint < 1 || v->valueint > GS_HEADER_ROWS_MAX ||
			    v->valuedouble != (double)v->valueint) {
				gs_msg(m->path, 0, "must be a whole number from 1 to %d: '%s'", GS_HEADER_ROWS_MAX, k);
				return -1;
			}
			m->header_rows = v->valueint;
		} else if (!strcmp(k, "footer")) {
			if (cJSON_IsString(v)) {
				m->footer = gs_xrealloc(m->footer, (m->nfooter + 1) * sizeof *m->footer);
				m->footer[m->nfooter++] = keep(m, v->valuestring);
			} else if (load_string_list(m, v, k, &m->footer, &m->nfooter))
				return -1;
		} else if (!strcmp(k, "encoding")) {
			if (!cJSON_IsString(v))
				return bad(m, "must be a string: '%s'", k);
			m->encoding = keep(m, v->valuestring);
		} else if (!strcmp(k, "comment") || k[0] == '_') {
			/* notes for the people who keep the map */
		} else
			return bad(m, "unknown key '%s'", k);
	}
	return 0;
}

gs_map *gs_map_load(const char *path)
{
	size_t len;
	char *text = gs_read_file(path, &len, N_("map"));
	if (!text)
		return NULL;
	gs_map *m = gs_map_load_text(path, text, len);
	free(text);
	return m;
}

gs_map *gs_map_load_text(const char *path, const char *t, size_t len)
{
	cJSON *root = gs_json_parse(path, t, len, N_("map"));
	if (!root)
		return NULL;
	gs_map *m = gs_xcalloc(1, sizeof *m);
	m->path = gs_xstrndup(path, strlen(path));
	m->fields = gs_hash_new();
	m->drop = gs_hash_new();
	m->drop_seen = gs_hash_new();
	m->skip = -1;
	int ok = load(m, root) == 0;
	cJSON_Delete(root);
	if (!ok) {
		gs_map_free(m);
		return NULL;
	}
	return m;
}

long gs_map_skip(const gs_map *m) { return m ? m->skip : -1; }
int gs_map_header_rows(const gs_map *m) { return m ? m->header_rows : 0; }
const char *gs_map_encoding(const gs_map *m) { return m ? m->encoding : NULL; }

const char *const *gs_map_footer(const gs_map *m, size_t *n)
{
	*n = m ? m->nfooter : 0;
	return m ? (const char *const *)m->footer : NULL;
}

void gs_map_free(gs_map *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nrules; i++)
		gs_hash_free(m->rules[i].values);
	free(m->rules);
	for (size_t i = 0; i < m->ndroprows; i++)
		gs_hash_free(m->droprows[i].values);
	free(m->droprows);
	gs_hash_free(m->fields);
	free(m->renames);
	gs_hash_free(m->drop);
	gs_hash_free(m->drop_seen);
	free(m->drops);
	for (size_t i = 0; i < m->nowned; i++)
		free(m->owned[i]);
	free(m->owned);
	free(m->footer);
	free(m->path);
	free(m);
}

/* ---- the plan ---- */

struct col {
	size_t src;          /* raw column */
	struct rule *rule;   /* or NULL */
};

struct gs_plan {
	struct col *cols;
	size_t ncols;
	gs_field *names;
	gs_buf namebuf;
	int trim;
	gs_field *out;
	gs_buf cells;        /* transformed values of the current row */
	size_t *coff;        /* offset in cells, or (size_t)-1: use the raw field */
	size_t *dropcol;     /* per map->droprows: the raw column it tests */
	const gs_map *map;
};

/* The renames to CANON after entry I, and before it: a field several raw
 * headers map to (template drift) needs exactly one of them per file. */
static size_t renames_to(const gs_map *m, const char *canon)
{
	size_t k = 0;
	for (size_t i = 0; i < m->nrenames; i++)
		k += !strcmp(m->renames[i].canon, canon);
	return k;
}

/* Every raw header the map renames must be there; of several that give
 * one canonical field, one. 1 if so, else 0 after saying what is not. */
static int check_renames(const gs_map *m, gs_hash *found, const char *file, long line)
{
	int ok = 1;
	for (size_t i = 0; i < m->nrenames; i++) {
		const struct rename *r = &m->renames[i];
		size_t k = renames_to(m, r->canon);
		if (k == 1) {
			if (!gs_hash_get(found, r->raw, strlen(r->raw))) {
				gs_msg(file, line, "no column '%s', which the map %s renames", r->raw, m->path);
				ok = 0;
			}
			continue;
		}
		size_t first = 0;
		while (strcmp(m->renames[first].canon, r->canon))
			first++;
		if (first != i)
			continue;   /* the group was checked at its first entry */
		gs_buf names = {0};
		size_t have = 0, j = 0;
		for (size_t e = i; e < m->nrenames; e++)
			if (!strcmp(m->renames[e].canon, r->canon)) {
				if (gs_hash_get(found, m->renames[e].raw, strlen(m->renames[e].raw)))
					have++;
				gs_buf_adds(&names, j++ ? (j == k ? _(" or ") : _(", ")) : "");
				gs_buf_printf(&names, _("'%s'"), m->renames[e].raw);
			}
		if (!have) {
			gs_msg(file, line, "no column %s, one of which the map %s renames to '%s'",
			       names.p, m->path, r->canon);
			ok = 0;
		}
		gs_buf_free(&names);
	}
	return ok;
}

gs_plan *gs_plan_new(gs_map *m, const gs_field *raw, size_t n, int trim, const char *file,
                     long line)
{
	gs_plan *p = gs_xcalloc(1, sizeof *p);
	p->trim = trim;
	p->map = m;
	p->cols = gs_xmalloc((n + 1) * sizeof *p->cols);
	size_t *noff = gs_xmalloc((n + 1) * sizeof *noff), *nlen = gs_xmalloc((n + 1) * sizeof *nlen);
	gs_hash *found = gs_hash_new(), *outnames = gs_hash_new();
	/* the rules some output column has, by index */
	char *used = gs_xcalloc(m ? m->nrules + 1 : 1, 1);
	int ok = 1;
	for (size_t i = 0; i < n; i++) {
		gs_hash_put(found, raw[i].p, raw[i].n, (void *)(i + 1));
		if (m && gs_hash_get(m->drop, raw[i].p, raw[i].n)) {
			gs_hash_put(m->drop_seen, raw[i].p, raw[i].n, (void *)1);
			continue;
		}
		const char *name = m ? gs_hash_get(m->fields, raw[i].p, raw[i].n) : NULL;
		size_t nn = name ? strlen(name) : raw[i].n;
		if (!name)
			name = raw[i].p;
		void *prev = gs_hash_get(outnames, name, nn);
		if (prev && m && gs_hash_get(m->fields, raw[i].p, raw[i].n) &&
		    gs_hash_get(m->fields, raw[(size_t)prev - 1].p, raw[(size_t)prev - 1].n) &&
		    renames_to(m, name) > 1) {
			/* two templates' names for one field, both in one file */
			gs_msg(file, line, "columns '%.*s' (column %zu) and '%.*s' (column %zu) are both "
			       "renamed to '%s' by the map %s: a file may have only one of them",
			       (int)raw[(size_t)prev - 1].n, raw[(size_t)prev - 1].p, (size_t)prev,
			       (int)raw[i].n, raw[i].p, i + 1, name, m->path);
			ok = 0;
			continue;
		}
		if (prev) {
			gs_msg(file, line, "two columns would be named '%.*s' (columns %zu and %zu)", (int)nn, name,
			       (size_t)prev, i + 1);
			ok = 0;
			break;
		}
		gs_hash_put(outnames, name, nn, (void *)(i + 1));
		struct col *c = &p->cols[p->ncols];
		c->src = i;
		c->rule = NULL;
		for (size_t r = 0; m && r < m->nrules; r++)
			if (strlen(m->rules[r].field) == nn && !memcmp(m->rules[r].field, name, nn)) {
				c->rule = &m->rules[r];
				used[r] = 1;
			}
		noff[p->ncols] = p->namebuf.len;
		nlen[p->ncols] = nn;
		gs_buf_add(&p->namebuf, name, nn);
		p->ncols++;
	}
	/* every column the map renames, and every field it has rules for,
	 * must be there: a map that misses its ledger is a wrong map */
	if (ok && m)
		ok = check_renames(m, found, file, line);
	for (size_t r = 0; m && r < m->nrules; r++)
		if (!used[r]) {
			gs_msg(file, line, "no column '%s', which the map %s has rules for",
			       m->rules[r].field, m->path);
			ok = 0;
		}
	free(used);
	/* the columns drop_rows looks at, by their canonical names */
	p->dropcol = gs_xmalloc((m ? m->ndroprows : 0) * sizeof *p->dropcol + 1);
	for (size_t d = 0; ok && m && d < m->ndroprows; d++) {
		size_t dn = strlen(m->droprows[d].field), c = 0;
		while (c < p->ncols && (nlen[c] != dn ||
		                        memcmp(p->namebuf.p + noff[c], m->droprows[d].field, dn)))
			c++;
		if (c == p->ncols) {
			gs_msg(file, line, "no column '%s', which the map %s has drop_rows for",
			       m->droprows[d].field, m->path);
			ok = 0;
		} else
			p->dropcol[d] = p->cols[c].src;
	}
	gs_hash_free(found);
	gs_hash_free(outnames);
	p->names = gs_xmalloc((p->ncols + 1) * sizeof *p->names);
	for (size_t i = 0; i < p->ncols; i++) {
		p->names[i].p = p->namebuf.p + noff[i];
		p->names[i].n = nlen[i];
	}
	free(noff);
	free(nlen);
	p->out = gs_xmalloc((p->ncols + 1) * sizeof *p->out);
	p->coff = gs_xmalloc((p->ncols + 1) * sizeof *p->coff);
	if (!ok) {
		gs_plan_free(p);
		return NULL;
	}
	return p;
}

/* 1 when S[0..N), valid UTF-8, holds a character of gs_map_misread's
 * GS_MISREAD_TEXT. */
static int misread_text(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned long u = p[i];
		size_t k = u < 0x80 ? 1 : u < 0xE0 ? 2 : u < 0xF0 ? 3 : 4;
		if (k > 1)
			u &= 0x7F >> k;
		for (size_t j = 1; j < k && i + j < n; j++)
			u = u << 6 | (p[i + j] & 0x3F);
		i += k;
		if (u == 0xFFFD || (u < 0x20 && u != '\t') || (u >= 0x7F && u < 0xA0) ||
		    (u >= 0xE000 && u <= 0xF8FF))
			return 1;
	}
	return 0;
}

int gs_map_misread(const gs_map *m, const gs_field *raw, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (misread_text(raw[i].p, raw[i].n))
			return GS_MISREAD_TEXT;
	int ascii = 1;
	for (size_t i = 0; i < n && ascii; i++)
		for (size_t j = 0; j < raw[i].n && ascii; j++)
			ascii = (unsigned char)raw[i].p[j] < 0x80;
	if (ascii || !m || (!m->nrenames && !m->nrules && !m->ndroprows))
		return 0;
	/* a column the map names: renamed, or by its own name a field of
	 * rules or drop_rows */
	for (size_t i = 0; i < n; i++) {
		if (gs_hash_get(m->fields, raw[i].p, raw[i].n))
			return 0;
		for (size_t r = 0; r < m->nrules; r++)
			if (strlen(m->rules[r].field) == raw[i].n && !memcmp(m->rules[r].field, raw[i].p, raw[i].n))
				return 0;
		for (size_t d = 0; d < m->ndroprows; d++)
			if (strlen(m->droprows[d].field) == raw[i].n &&
			    !memcmp(m->droprows[d].field, raw[i].p, raw[i].n))
				return 0;
	}
	return GS_MISREAD_NONE;
}

size_t gs_plan_columns(const gs_plan *p, const gs_field **names)
{
	*names = p->names;
	return p->ncols;
}

static int apply_rule(const struct rule *r, const char *v, size_t n, gs_buf *cells,
                      const char **why)
{
	const char *t = v;
	size_t tn = n;
	gs_trim(&t, &tn);
	if (r->kind == K_VALUES) {
		if (tn == 0)
			return 0;
		const char *code = gs_hash_get(r->values, t, tn);
		if (!code)
			code = r->dflt;
		if (!code) {
			*why = N_("not in the map's values");
			return -1;
		}
		gs_buf_adds(cells, code);
		return 0;
	}
	if (r->kind == K_DATE || r->kind == K_DATETIME) {
		if (tn == 0)
			return 0;
		gs_datetime dt;
		if (gs_datetime_parse(t, tn, r->excel, &dt, why) < 0)
			return -1;
		if (r->kind == K_DATETIME)
			gs_datetime_format(cells, &dt);
		else if ((dt.hh || dt.mi || dt.ss) && !r->drop_time) {
			*why = N_("has a time of day (a \"dates\" field keeps dates only: list it under "
			          "\"datetimes\", or give it {\"time\": \"drop\"})");
			return -1;
		} else
			gs_date_format(cells, dt.y, dt.m, dt.d);
		return 0;
	}
	return gs_number_normalize(cells, t, tn, why);
}

int gs_plan_drop(const gs_plan *p, const gs_row *row)
{
	const gs_map *m = p->map;
	for (size_t d = 0; m && d < m->ndroprows; d++) {
		size_t c = p->dropcol[d];
		if (c >= row->n)
			continue;
		const char *v = row->f[c].p;
		size_t n = row->f[c].n;
		gs_trim(&v, &n);
		if (gs_hash_get(m->droprows[d].values, v, n))
			return 1;
	}
	return 0;
}

int gs_map_has_drop_rows(const gs_map *m)
{
	return m && m->ndroprows > 0;
}

void gs_map_warn_drops(const gs_map *m)
{
	for (size_t i = 0; m && i < m->ndrops; i++)
		if (!gs_hash_get(m->drop_seen, m->drops[i], strlen(m->drops[i])))
			gs_msg(m->path, 0, "warning: drop: no file has a column '%s'", m->drops[i]);
}

int gs_plan_apply(gs_plan *p, const gs_row *row, gs_field **out, gs_reason *why)
{
	int ret = 0;
	gs_buf_clear(&p->cells);
	for (size_t i = 0; i < p->ncols; i++) {
		const struct col *c = &p->cols[i];
		const char *v = c->src < row->n ? row->f[c->src].p : "";
		size_t n = c->src < row->n ? row->f[c->src].n : 0;
		p->coff[i] = (size_t)-1;
		if (c->rule) {
			const char *w = NULL;
			size_t at = p->cells.len;
			if (apply_rule(c->rule, v, n, &p->cells, &w) < 0) {
				p->cells.len = at;
				p->out[i].p = v;   /* the bad cell as it was read */
				p->out[i].n = n;
				if (ret)
					gs_reason_add(why, "; ", 2);
				gs_reason_printf(why, "field '%.*s': '%.*s': ", (int)p->names[i].n, p->names[i].p,
				                 (int)n, v);
				gs_reason_say(why, w);
				ret = -1;
			} else {
				p->coff[i] = at;
				p->out[i].n = p->cells.len - at;
			}
			continue;
		}
		if (p->trim)
			gs_trim(&v, &n);
		p->out[i].p = v;
		p->out[i].n = n;
	}
	for (size_t i = 0; i < p->ncols; i++)
		if (p->coff[i] != (size_t)-1)
			p->out[i].p = p->cells.p ? p->cells.p + p->coff[i] : "";
	*out = p->out;
	return ret;
}

void gs_plan_free(gs_plan *p)
{
	if (!p)
		return;
	free(p->cols);
	free(p->names);
	gs_buf_free(&p->namebuf);
	gs_buf_free(&p->cells);
	free(p->out);
	free(p->coff);
	free(p->dropcol);
	free(p);
}
