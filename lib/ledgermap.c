#include "ledgermap.h"
#include "dates.h"
#include "diag.h"
#include "hash.h"
#include "jsonfile.h"
#include "numbers.h"
#include "utf8.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { K_NONE, K_VALUES, K_DATE, K_NUMBER };

/* What the map says about one canonical field. */
struct rule {
	char *field;
	enum kind kind;
	gs_hash *values;   /* raw value -> code (char *) */
	char *dflt;        /* the "*" entry, or NULL */
	int excel;         /* date: GS_EXCEL_* */
	int used;          /* some output column has this name */
};

struct gs_map {
	char *path;
	gs_hash *fields;   /* raw -> canonical (char *) */
	gs_hash *drop;     /* raw -> (void *)1 */
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

static int bad(const gs_map *m, const char *what, const char *name)
{
	if (name)
		gs_msg(m->path, 0, "%s '%s'", what, name);
	else
		gs_msg(m->path, 0, "%s", what);
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
		return bad(m, "must be a list of strings:", key);
	const cJSON *e;
	cJSON_ArrayForEach(e, v) {
		if (!cJSON_IsString(e))
			return bad(m, "must be a list of strings:", key);
		*out = gs_xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = keep(m, e->valuestring);
	}
	return 0;
}

static int load(gs_map *m, const cJSON *root)
{
	if (!cJSON_IsObject(root))
		return bad(m, "a map must be a JSON object", NULL);
	const cJSON *v;
	cJSON_ArrayForEach(v, root) {
		const char *k = v->string;
		if (!strcmp(k, "fields")) {
			if (!cJSON_IsObject(v))
				return bad(m, "must be an object of raw header -> name:", k);
			const cJSON *e;
			cJSON_ArrayForEach(e, v) {
				if (!cJSON_IsString(e) || !*e->valuestring)
					return bad(m, "fields: the new name must be a non-empty string for", e->string);
				gs_hash_put(m->fields, e->string, strlen(e->string), keep(m, e->valuestring));
			}
		} else if (!strcmp(k, "drop")) {
			char **l = NULL;
			size_t n = 0;
			if (load_string_list(m, v, k, &l, &n))
				return free(l), -1;
			for (size_t i = 0; i < n; i++)
				gs_hash_put(m->drop, l[i], strlen(l[i]), (void *)1);
			free(l);
		} else if (!strcmp(k, "values")) {
			if (!cJSON_IsObject(v))
				return bad(m, "must be an object of field -> {raw value: code}:", k);
			const cJSON *f;
			cJSON_ArrayForEach(f, v) {
				if (!cJSON_IsObject(f))
					return bad(m, "values: must be an object of raw value -> code:", f->string);
				struct rule *r = rule_for(m, f->string, K_VALUES);
				if (!r)
					return bad(m, "more than one of values, dates and numbers for", f->string);
				if (!r->values)
					r->values = gs_hash_new();
				const cJSON *e;
				cJSON_ArrayForEach(e, f) {
					if (!cJSON_IsString(e))
						return bad(m, "values: codes must be strings, see", e->string);
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
		} else if (!strcmp(k, "dates")) {
			if (cJSON_IsArray(v)) {
				const cJSON *e;
				cJSON_ArrayForEach(e, v) {
					if (!cJSON_IsString(e))
						return bad(m, "dates: must list field names", NULL);
					if (!rule_for(m, e->valuestring, K_DATE))
						return bad(m, "more than one of values, dates and numbers for", e->valuestring);
				}
			} else if (cJSON_IsObject(v)) {
				const cJSON *f;
				cJSON_ArrayForEach(f, v) {
					struct rule *r = rule_for(m, f->string, K_DATE);
					if (!r)
						return bad(m, "more than one of values, dates and numbers for", f->string);
					if (!cJSON_IsObject(f))
						return bad(m, "dates: the options must be an object for", f->string);
					const cJSON *o;
					cJSON_ArrayForEach(o, f) {
						if (strcmp(o->string, "excel"))
							return bad(m, "dates: unknown option", o->string);
						if (!cJSON_IsNumber(o) || (o->valueint != 1900 && o->valueint != 1904))
							return bad(m, "dates: \"excel\" must be 1900 or 1904 for", f->string);
						r->excel = o->valueint;
					}
				}
			} else
				return bad(m, "must be a list of fields or an object:", k);
		} else if (!strcmp(k, "numbers")) {
			if (!cJSON_IsArray(v))
				return bad(m, "must be a list of field names:", k);
			const cJSON *e;
			cJSON_ArrayForEach(e, v) {
				if (!cJSON_IsString(e))
					return bad(m, "numbers: must list field names", NULL);
				if (!rule_for(m, e->valuestring, K_NUMBER))
					return bad(m, "more than one of values, dates and numbers for", e->valuestring);
			}
		} else if (!strcmp(k, "skip")) {
			if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble != (double)v->valueint)
				return bad(m, "must be a whole number of lines:", k);
			m->skip = v->valueint;
		} else if (!strcmp(k, "header_rows")) {
			if (!cJSON_IsNumber(v) || v->valueint < 1 || v->valueint > 16 ||
			    v->valuedouble != (double)v->valueint)
				return bad(m, "must be a whole number from 1 to 16:", k);
			m->header_rows = v->valueint;
		} else if (!strcmp(k, "footer")) {
			if (cJSON_IsString(v)) {
				m->footer = gs_xrealloc(m->footer, (m->nfooter + 1) * sizeof *m->footer);
				m->footer[m->nfooter++] = keep(m, v->valuestring);
			} else if (load_string_list(m, v, k, &m->footer, &m->nfooter))
				return -1;
		} else if (!strcmp(k, "encoding")) {
			if (!cJSON_IsString(v))
				return bad(m, "must be a string:", k);
			m->encoding = keep(m, v->valuestring);
		} else if (!strcmp(k, "comment") || k[0] == '_') {
			/* notes for the people who keep the map */
		} else
			return bad(m, "unknown key", k);
	}
	return 0;
}

gs_map *gs_map_load(const char *path)
{
	size_t len;
	char *text = gs_read_file(path, &len, "map");
	if (!text)
		return NULL;
	gs_map *m = gs_map_load_text(path, text, len);
	free(text);
	return m;
}

gs_map *gs_map_load_text(const char *path, const char *t, size_t len)
{
	cJSON *root = gs_json_parse(path, t, len, "map");
	if (!root)
		return NULL;
	gs_map *m = calloc(1, sizeof *m);
	if (!m)
		gs_die(GS_IO, NULL, 0, "out of memory");
	m->path = gs_xstrndup(path, strlen(path));
	m->fields = gs_hash_new();
	m->drop = gs_hash_new();
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
	gs_hash_free(m->fields);
	gs_hash_free(m->drop);
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
};

struct missing {
	gs_hash *found;      /* raw header names present */
	const char *file, *map;
	int ok;
};

static void report_missing(const char *raw, size_t n, void *value, void *arg)
{
	struct missing *ms = arg;
	(void)value;
	if (gs_hash_get(ms->found, raw, n))
		return;
	gs_msg(ms->file, 0, "no column '%.*s', which the map %s renames", (int)n, raw, ms->map);
	ms->ok = 0;
}

gs_plan *gs_plan_new(const gs_map *m, const gs_field *raw, size_t n, int trim,
                     const char *file)
{
	gs_plan *p = calloc(1, sizeof *p);
	if (!p)
		gs_die(GS_IO, NULL, 0, "out of memory");
	p->trim = trim;
	p->cols = gs_xmalloc((n + 1) * sizeof *p->cols);
	size_t *noff = gs_xmalloc((n + 1) * sizeof *noff), *nlen = gs_xmalloc((n + 1) * sizeof *nlen);
	gs_hash *found = gs_hash_new(), *outnames = gs_hash_new();
	int ok = 1;
	for (size_t i = 0; i < n; i++) {
		gs_hash_put(found, raw[i].p, raw[i].n, (void *)1);
		if (m && gs_hash_get(m->drop, raw[i].p, raw[i].n))
			continue;
		const char *name = m ? gs_hash_get(m->fields, raw[i].p, raw[i].n) : NULL;
		size_t nn = name ? strlen(name) : raw[i].n;
		if (!name)
			name = raw[i].p;
		void *prev = gs_hash_get(outnames, name, nn);
		if (prev) {
			gs_buf msg = {0};
			gs_buf_adds(&msg, "two columns would be named '");
			gs_buf_add(&msg, name, nn);
			gs_buf_printf(&msg, "' (columns %zu and %zu)", (size_t)prev, i + 1);
			gs_msg(file, 0, "%s", msg.p);
			gs_buf_free(&msg);
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
				m->rules[r].used = 1;
			}
		noff[p->ncols] = p->namebuf.len;
		nlen[p->ncols] = nn;
		gs_buf_add(&p->namebuf, name, nn);
		p->ncols++;
	}
	/* every column the map renames, and every field it has rules for,
	 * must be there: a map that misses its ledger is a wrong map */
	if (ok && m) {
		struct missing ms = {found, file, m->path, 1};
		gs_hash_each(m->fields, report_missing, &ms);
		ok = ms.ok;
	}
	for (size_t r = 0; m && r < m->nrules; r++)
		if (!m->rules[r].used) {
			gs_msg(file, 0, "no column '%s', which the map %s has rules for",
			       m->rules[r].field, m->path);
			ok = 0;
		}
	for (size_t r = 0; m && r < m->nrules; r++)
		m->rules[r].used = 0;
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
			*why = "not in the map's values";
			return -1;
		}
		gs_buf_adds(cells, code);
		return 0;
	}
	if (r->kind == K_DATE) {
		if (tn == 0)
			return 0;
		int y, mo, d;
		if (gs_date_parse(t, tn, r->excel, &y, &mo, &d, why) < 0)
			return -1;
		gs_date_format(cells, y, mo, d);
		return 0;
	}
	return gs_number_normalize(cells, t, tn, why);
}

int gs_plan_apply(gs_plan *p, const gs_row *row, gs_field **out, gs_buf *why)
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
					gs_buf_adds(why, "; ");
				gs_buf_adds(why, "field '");
				gs_buf_add(why, p->names[i].p, p->names[i].n);
				gs_buf_adds(why, "': '");
				gs_buf_add(why, v, n);
				gs_buf_adds(why, "': ");
				gs_buf_adds(why, w);
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
	free(p);
}
