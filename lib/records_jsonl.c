/* records_jsonl: JSON-lines records (see records.h for the rules).
 *
 * A scanner of flat objects rather than a JSON tree: numbers keep their
 * exact text (a tree library would turn them into doubles), and a nested
 * value is refused at its first bracket instead of being recursed into. */
#include "diag.h"
#include "hash.h"
#include "records_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct json_state {
	int have_header;
	char **keys;             /* column names from the first object */
	size_t nkeys;
	gs_hash *keyidx;         /* name -> column + 1 */
	size_t *pos, *plen;      /* per column: value in r->data, or (size_t)-1 */
	int *seen;
	int pending_values;      /* the first object's values are still to come */
	size_t *koff, *klen, *voff, *vlen, kcap; /* members of the current line */
	gs_buf jline;            /* the current line, gathered across chunks */
};


static const char *ws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

static void put_utf8(gs_buf *b, unsigned cp)
{
	char u[4];
	if (cp < 0x80) {
		gs_buf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		gs_buf_add(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		gs_buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		gs_buf_add(b, u, 4);
	}
}

static int hex4(const char *p, const char *e, unsigned *v)
{
	if (e - p < 4)
		return -1;
	*v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		unsigned d;
		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		else
			return -1;
		*v = *v * 16 + d;
	}
	return 0;
}

/* Decode the JSON string starting at P (at the opening quote) into B.
 * Returns the position after the closing quote, or NULL. */
static const char *json_string(const char *p, const char *e, gs_buf *b)
{
	p++;
	while (p < e) {
		const char *q = p;
		while (q < e && *q != '"' && *q != '\\' && (unsigned char)*q >= 0x20)
			q++;
		gs_buf_add(b, p, (size_t)(q - p));
		p = q;
		if (p >= e || (unsigned char)*p < 0x20)
			return NULL;
		if (*p == '"')
			return p + 1;
		if (++p >= e)
			return NULL;
		unsigned cp;
		switch (*p++) {
		case '"': gs_buf_addc(b, '"'); break;
		case '\\': gs_buf_addc(b, '\\'); break;
		case '/': gs_buf_addc(b, '/'); break;
		case 'b': gs_buf_addc(b, '\b'); break;
		case 'f': gs_buf_addc(b, '\f'); break;
		case 'n': gs_buf_addc(b, '\n'); break;
		case 'r': gs_buf_addc(b, '\r'); break;
		case 't': gs_buf_addc(b, '\t'); break;
		case 'u':
			if (hex4(p, e, &cp))
				return NULL;
			p += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				unsigned lo;
				if (e - p < 6 || p[0] != '\\' || p[1] != 'u' ||
				    hex4(p + 2, e, &lo) || lo < 0xDC00 || lo > 0xDFFF)
					return NULL;
				p += 6;
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			} else if (cp >= 0xDC00 && cp <= 0xDFFF)
				return NULL;
			if (cp == 0)
				return NULL;  /* NUL has no place in a text field */
			put_utf8(b, cp);
			break;
		default:
			return NULL;
		}
	}
	return NULL;
}

/* A JSON number per RFC 8259; returns its end or NULL. */
static const char *json_number(const char *p, const char *e)
{
	if (p < e && *p == '-')
		p++;
	if (p >= e)
		return NULL;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (p < e && *p >= '0' && *p <= '9')
			p++;
	else
		return NULL;
	if (p < e && *p == '.') {
		p++;
		if (p >= e || *p < '0' || *p > '9')
			return NULL;
		while (p < e && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < e && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < e && (*p == '+' || *p == '-'))
			p++;
		if (p >= e || *p < '0' || *p > '9')
			return NULL;
		while (p < e && *p >= '0' && *p <= '9')
			p++;
	}
	return p;
}

/* FMT (English, as for gs_reason_printf) is why the record is bad; -1. */
static int json_bad(gs_records *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int json_bad(gs_records *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gs_reason_clear(&r->err);
	gs_reason_vprintf(&r->err, fmt, ap);
	va_end(ap);
	return -1;
}

/* Parse one object. Each key goes to B, then its value; KOFF/VOFF collect
 * the offsets (value offset (size_t)-1 for null). Returns the number of
 * members or -1 (r->err says why). */
static long json_object(gs_records *r, const char *p, const char *e,
                        size_t **koff, size_t **klen, size_t **voff, size_t **vlen,
                        size_t *cap)
{
	long n = 0;
	gs_buf *b = &r->data;
	p = ws(p, e);
	if (p >= e || *p != '{')
		return json_bad(r, "not a JSON object");
	p = ws(p + 1, e);
	if (p < e && *p == '}') {
		p = ws(p + 1, e);
		return p == e ? 0 : json_bad(r, "text after the JSON object");
	}
	for (;;) {
		if ((size_t)n == *cap) {
			*cap = *cap ? 2 * *cap : 64;
			*koff = gs_xrealloc(*koff, *cap * sizeof **koff);
			*klen = gs_xrealloc(*klen, *cap * sizeof **klen);
			*voff = gs_xrealloc(*voff, *cap * sizeof **voff);
			*vlen = gs_xrealloc(*vlen, *cap * sizeof **vlen);
		}
		if (p >= e || *p != '"')
			return json_bad(r, "invalid JSON: expected a key");
		(*koff)[n] = b->len;
		if (!(p = json_string(p, e, b)))
			return json_bad(r, "invalid JSON string");
		(*klen)[n] = b->len - (*koff)[n];
		p = ws(p, e);
		if (p >= e || *p != ':')
			return json_bad(r, "invalid JSON: expected ':'");
		p = ws(p + 1, e);
		if (p >= e)
			return json_bad(r, "invalid JSON: expected a value");
		size_t vo = b->len;
		if (*p == '"') {
			if (!(p = json_string(p, e, b)))
				return json_bad(r, "invalid JSON string");
		} else if (*p == '{' || *p == '[') {
			gs_buf key = {0};
			gs_buf_add(&key, b->p + (*koff)[n], (*klen)[n]);
			json_bad(r, "nested value in field '%s' (records must be flat)", key.p);
			gs_buf_free(&key);
			return -1;
		} else if (e - p >= 4 && !memcmp(p, "null", 4)) {
			p += 4;
			vo = (size_t)-1;
		} else if (e - p >= 4 && !memcmp(p, "true", 4)) {
			gs_buf_add(b, p, 4);
			p += 4;
		} else if (e - p >= 5 && !memcmp(p, "false", 5)) {
			gs_buf_add(b, p, 5);
			p += 5;
		} else {
			const char *q = json_number(p, e);
			if (!q)
				return json_bad(r, "invalid JSON value");
			gs_buf_add(b, p, (size_t)(q - p));
			p = q;
		}
		(*voff)[n] = vo;
		(*vlen)[n] = vo == (size_t)-1 ? 0 : b->len - vo;
		n++;
		p = ws(p, e);
		if (p < e && *p == ',') {
			p = ws(p + 1, e);
			continue;
		}
		if (p < e && *p == '}') {
			p = ws(p + 1, e);
			if (p != e)
				return json_bad(r, "text after the JSON object");
			return n;
		}
		return json_bad(r, "invalid JSON: expected ',' or '}'");
	}
}

/* Gather the next non-blank line into jl-> 1, 0 at EOF, -1 error. */
static int json_line(gs_records *r)
{
	gs_buf *jl = &((struct json_state *)r->state)->jline;
	for (;;) {
		gs_buf_clear(jl);
		int got = 0;
		for (;;) {
			int m = gs_rec_more(r);
			if (m < 0)
				return -1;
			if (m == 0) {
				if (!got && jl->len == 0)
					return 0;
				break;
			}
			if (gs_rec_eat_split_lf(r, NULL))
				continue;
			if (!got) {
				r->rec_line = r->line;
				got = 1;
			}
			int cr;
			size_t k = gs_rec_line_end(r->chunk, r->left, &cr);
			if (!k) {
				gs_buf_add(jl, r->chunk, r->left);
				gs_rec_consume(r, r->left);
				continue;
			}
			gs_buf_add(jl, r->chunk, k);
			gs_rec_consume(r, k);
			r->prev_cr = cr;
			r->line++;
			break;
		}
		const char *p = jl->p ? jl->p : "";
		if (ws(p, p + jl->len) != p + jl->len)
			return 1;
		if (r->eof && !r->left)
			return 0;
	}
}

int gs_jsonl_next(gs_records *r, gs_row *row)
{
	struct json_state *j = r->state;
	if (!j) {
		j = r->state = gs_xcalloc(1, sizeof *j);
	}
	size_t **koff = &j->koff, **klen = &j->klen, **voff = &j->voff, **vlen = &j->vlen;
	if (j->pending_values) {
		/* the first object's values, already aligned in pos/plen */
		j->pending_values = 0;
		goto emit;
	}
	for (;;) {
		int m = json_line(r);
		if (m < 0)
			return GS_REC_FAIL;
		if (m == 0)
			return GS_REC_EOF;
		gs_buf_clear(&r->data);
		long n = json_object(r, j->jline.p, j->jline.p + j->jline.len,
		                     koff, klen, voff, vlen, &j->kcap);
		if (!j->have_header) {
			if (n < 0)
				goto bad;
			j->have_header = 1;
			j->nkeys = 0;   /* counted as they are stored: an error may stop us */
			j->keys = gs_xcalloc((size_t)n + 1, sizeof *j->keys);
			j->keyidx = gs_hash_new();
			j->pos = gs_xmalloc((size_t)n * sizeof *j->pos + 1);
			j->plen = gs_xmalloc((size_t)n * sizeof *j->plen + 1);
			j->seen = gs_xmalloc((size_t)n * sizeof *j->seen + 1);
			for (long i = 0; i < n; i++) {
				j->keys[i] = gs_xstrndup(r->data.p + (*koff)[i], (*klen)[i]);
				j->nkeys = (size_t)i + 1;
				if (gs_hash_get(j->keyidx, j->keys[i], (*klen)[i])) {
					json_bad(r, "key '%s' appears twice", j->keys[i]);
					n = -1;
					goto bad;
				}
				gs_hash_put(j->keyidx, j->keys[i], (*klen)[i], (void *)(i + 1));
				j->pos[i] = (*voff)[i];
				j->plen[i] = (*vlen)[i];
			}
			/* the keys make the header record; the values follow */
			gs_rec_fields(r, j->nkeys);
			for (size_t i = 0; i < j->nkeys; i++) {
				r->fields[i].p = j->keys[i];
				r->fields[i].n = (*klen)[i];
			}
			row->f = r->fields;
			row->n = j->nkeys;
			row->line = r->rec_line;
			j->pending_values = 1;
			return GS_REC_ROW;
		}
		if (n < 0)
			goto bad;
		for (size_t i = 0; i < j->nkeys; i++) {
			j->pos[i] = (size_t)-1;
			j->seen[i] = 0;
		}
		for (long i = 0; i < n; i++) {
			size_t col;
			if ((size_t)i < j->nkeys && (*klen)[i] == strlen(j->keys[i]) &&
			    !memcmp(r->data.p + (*koff)[i], j->keys[i], (*klen)[i]))
				col = (size_t)i;
			else {
				void *v = gs_hash_get(j->keyidx, r->data.p + (*koff)[i], (*klen)[i]);
				if (!v) {
					gs_buf key = {0};
					gs_buf_add(&key, r->data.p + (*koff)[i], (*klen)[i]);
					json_bad(r, "key '%s' is not a column (the first record has no such key)", key.p);
					gs_buf_free(&key);
					n = -1;
					goto bad;
				}
				col = (size_t)v - 1;
			}
			if (j->seen[col]) {
				json_bad(r, "key '%s' appears twice", j->keys[col]);
				n = -1;
				goto bad;
			}
			j->seen[col] = 1;
			j->pos[col] = (*voff)[i];
			j->plen[col] = (*vlen)[i];
		}
		goto emit;
	bad:
		gs_rec_raw_from(r, &j->jline);
		row->f = r->fields;
		row->n = 0;
		row->line = r->rec_line;
		return GS_REC_BAD;
	}
emit:
	gs_rec_raw_from(r, &j->jline);
	gs_rec_fields(r, j->nkeys);
	for (size_t i = 0; i < j->nkeys; i++) {
		if (j->pos[i] == (size_t)-1) {
			r->fields[i].p = "";
			r->fields[i].n = 0;
		} else {
			r->fields[i].p = r->data.p + j->pos[i];
			r->fields[i].n = j->plen[i];
		}
	}
	row->f = r->fields;
	row->n = j->nkeys;
	row->line = r->rec_line;
	return GS_REC_ROW;
}

void gs_jsonl_free(gs_records *r)
{
	struct json_state *j = r->state;
	for (size_t i = 0; i < j->nkeys; i++)
		free(j->keys[i]);
	free(j->keys);
	gs_hash_free(j->keyidx);
	free(j->pos);
	free(j->plen);
	free(j->seen);
	free(j->koff);
	free(j->klen);
	free(j->voff);
	free(j->vlen);
	gs_buf_free(&j->jline);
	free(j);
	r->state = NULL;
}
