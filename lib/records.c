#include "records.h"
#include "buf.h"
#include "diag.h"
#include "hash.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct gs_records {
	gs_input *in;
	int format;
	long skip;               /* physical lines still to drop */
	const char *chunk;       /* input text not yet consumed */
	size_t left;
	int eof;

	long line;               /* physical line being read, from 1 */
	long rec_line;           /* line where the current record started */
	int at_line_start;
	int prev_cr;             /* the last byte consumed was a CR */
	int in_record;           /* bytes of an unfinished record were fed */

	/* CSV and TSV */
	struct csv_parser csv;
	int csv_ready;
	gs_buf data;             /* field bytes of the current record */
	size_t *off, *len;       /* field positions in data */
	size_t nf, capf;
	int row_done;            /* libcsv ended a record */
	gs_field *fields;
	size_t capfields;

	/* JSON lines */
	gs_buf jline;            /* the current line, gathered across chunks */
	int have_header;
	char **keys;             /* column names from the first object */
	size_t nkeys;
	gs_hash *keyidx;         /* name -> column */
	size_t *pos, *plen;      /* per column: value in data, or (size_t)-1 */
	int *seen;
	int pending_values;      /* first object's values still to return */
	size_t *koff, *klen, *voff, *vlen, kcap; /* members of the line */

	char err[256];
};

int gs_format_parse(const char *name)
{
	if (!strcmp(name, "csv"))
		return GS_FMT_CSV;
	if (!strcmp(name, "tsv"))
		return GS_FMT_TSV;
	if (!strcmp(name, "json") || !strcmp(name, "jsonl"))
		return GS_FMT_JSON;
	return -1;
}

const char *gs_format_name(int format)
{
	return format == GS_FMT_TSV ? "tsv" : format == GS_FMT_JSON ? "json" : "csv";
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

gs_records *gs_records_open(gs_input *in, int format, long skip)
{
	gs_records *r = calloc(1, sizeof *r);
	if (!r)
		gs_die(GS_IO, NULL, 0, "out of memory");
	r->in = in;
	r->format = format;
	r->skip = skip;
	r->line = 1;
	r->at_line_start = 1;
	return r;
}

const char *gs_records_error(const gs_records *r)
{
	return r->err;
}

long gs_records_line(const gs_records *r)
{
	return gs_input_read_failed(r->in) ? 0 : r->line;
}

int gs_records_format(const gs_records *r)
{
	return r->format;
}

/* Make sure some input text is at hand. Returns 1, 0 at EOF, -1 on error. */
static int more(gs_records *r)
{
	if (r->left)
		return 1;
	if (r->eof)
		return 0;
	ssize_t n = gs_input_read(r->in, &r->chunk);
	if (n < 0) {
		snprintf(r->err, sizeof r->err, "%s", gs_input_error(r->in));
		return -1;
	}
	if (n == 0) {
		r->eof = 1;
		return 0;
	}
	r->left = (size_t)n;
	return 1;
}

static void consume(gs_records *r, size_t n)
{
	r->chunk += n;
	r->left -= n;
}

/* Find the end of the physical line in the pending chunk: returns the
 * length up to and including the terminator (CR, LF or CRLF in one chunk),
 * or 0 when the chunk holds no terminator. */
static size_t line_end(const char *p, size_t n, int *ends_in_cr)
{
	const char *lf = memchr(p, '\n', n);
	size_t scan = lf ? (size_t)(lf - p) : n;
	const char *cr = memchr(p, '\r', scan);
	*ends_in_cr = 0;
	if (cr) {
		size_t k = (size_t)(cr - p);
		if (k + 1 < n && cr[1] == '\n')
			return k + 2;
		if (k + 1 == n)
			*ends_in_cr = 1;
		return k + 1;
	}
	return lf ? scan + 1 : 0;
}

/* The LF of a CRLF split across chunks. Returns 1 if one was consumed. */
static int eat_split_lf(gs_records *r)
{
	if (!r->prev_cr)
		return 0;
	r->prev_cr = 0;
	if (r->left && r->chunk[0] == '\n') {
		if (r->in_record && r->format != GS_FMT_JSON)
			csv_parse(&r->csv, "\n", 1, NULL, NULL, NULL);
		consume(r, 1);
		return 1;
	}
	return 0;
}

/* Drop the lines asked for by skip. Returns 1 when done, 0/-1 from more. */
static int skip_lines(gs_records *r)
{
	while (r->skip > 0) {
		int m = more(r);
		if (m <= 0)
			return m;
		if (eat_split_lf(r))
			continue;
		int cr;
		size_t k = line_end(r->chunk, r->left, &cr);
		if (k == 0) {
			consume(r, r->left);
			continue;
		}
		consume(r, k);
		r->prev_cr = cr;
		r->line++;
		r->skip--;
	}
	return 1;
}

/* ---- CSV and TSV ---- */

static void cb_field(void *s, size_t n, void *data)
{
	gs_records *r = data;
	if (r->nf == r->capf) {
		r->capf = r->capf ? 2 * r->capf : 64;
		r->off = gs_xrealloc(r->off, r->capf * sizeof *r->off);
		r->len = gs_xrealloc(r->len, r->capf * sizeof *r->len);
	}
	r->off[r->nf] = r->data.len;
	r->len[r->nf] = n;
	r->nf++;
	if (n)
		gs_buf_add(&r->data, s, n);
}

static void cb_row(int c, void *data)
{
	(void)c;
	((gs_records *)data)->row_done = 1;
}

static void csv_start(gs_records *r)
{
	csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_space_func(&r->csv, no_space);
	if (r->format == GS_FMT_TSV)
		csv_set_delim(&r->csv, '\t');
	r->csv_ready = 1;
}

static void make_row(gs_records *r, gs_row *row)
{
	if (r->capfields < r->nf) {
		r->capfields = r->nf;
		r->fields = gs_xrealloc(r->fields, r->capfields * sizeof *r->fields);
	}
	for (size_t i = 0; i < r->nf; i++) {
		r->fields[i].p = r->data.p ? r->data.p + r->off[i] : "";
		r->fields[i].n = r->len[i];
	}
	row->f = r->fields;
	row->n = r->nf;
	row->line = r->rec_line;
}

static void reset_record(gs_records *r)
{
	r->nf = 0;
	gs_buf_clear(&r->data);
	r->row_done = 0;
	r->in_record = 0;
}

static int csv_next(gs_records *r, gs_row *row)
{
	reset_record(r);
	for (;;) {
		int m = more(r);
		if (m < 0)
			return GS_REC_FAIL;
		if (m == 0) {
			if (!r->in_record)
				return GS_REC_EOF;
			int bad = csv_fini(&r->csv, cb_field, cb_row, r) != 0 ||
			          csv_error(&r->csv) != CSV_SUCCESS;
			r->in_record = 0;
			make_row(r, row);
			if (bad) {
				snprintf(r->err, sizeof r->err,
				         "quoted field not closed at end of input");
				return GS_REC_BAD;
			}
			return GS_REC_ROW;
		}
		if (eat_split_lf(r))
			continue;
		if (r->at_line_start && !r->in_record) {
			char c = r->chunk[0];
			if (c == '\n' || c == '\r') {   /* an empty line */
				int cr;
				size_t k = line_end(r->chunk, r->left, &cr);
				consume(r, k);
				r->prev_cr = cr;
				r->line++;
				continue;
			}
			r->rec_line = r->line;
			r->in_record = 1;
		}
		int cr;
		size_t k = line_end(r->chunk, r->left, &cr);
		size_t feed = k ? k : r->left;
		size_t done = csv_parse(&r->csv, r->chunk, feed, cb_field, cb_row, r);
		consume(r, feed);
		r->at_line_start = k != 0;
		if (k) {
			r->line++;
			r->prev_cr = cr;
		}
		if (done < feed) {
			/* strict mode found a stray quote: drop the partial record,
			 * start afresh at the next line */
			csv_fini(&r->csv, NULL, NULL, NULL);
			csv_free(&r->csv);
			csv_start(r);
			long at = r->rec_line;
			if (!k) {      /* skip the rest of the line */
				while (more(r) > 0) {
					size_t e = line_end(r->chunk, r->left, &cr);
					if (!e) {
						consume(r, r->left);
						continue;
					}
					consume(r, e);
					r->prev_cr = cr;
					r->line++;
					break;
				}
				r->at_line_start = 1;
			}
			make_row(r, row);
			row->line = at;
			r->in_record = 0;
			snprintf(r->err, sizeof r->err,
			         "misplaced quote (a quote inside an unquoted field, or text after a closing quote)");
			return GS_REC_BAD;
		}
		if (r->row_done) {
			r->in_record = 0;
			make_row(r, row);
			return GS_REC_ROW;
		}
	}
}

/* ---- JSON lines ---- */

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

static int json_bad(gs_records *r, const char *fmt, const char *arg)
{
	snprintf(r->err, sizeof r->err, fmt, arg);
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
		return json_bad(r, "%s", "not a JSON object");
	p = ws(p + 1, e);
	if (p < e && *p == '}') {
		p = ws(p + 1, e);
		return p == e ? 0 : json_bad(r, "%s", "text after the JSON object");
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
			return json_bad(r, "%s", "invalid JSON: expected a key");
		(*koff)[n] = b->len;
		if (!(p = json_string(p, e, b)))
			return json_bad(r, "%s", "invalid JSON string");
		(*klen)[n] = b->len - (*koff)[n];
		p = ws(p, e);
		if (p >= e || *p != ':')
			return json_bad(r, "%s", "invalid JSON: expected ':'");
		p = ws(p + 1, e);
		if (p >= e)
			return json_bad(r, "%s", "invalid JSON: expected a value");
		size_t vo = b->len;
		if (*p == '"') {
			if (!(p = json_string(p, e, b)))
				return json_bad(r, "%s", "invalid JSON string");
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
				return json_bad(r, "%s", "invalid JSON value");
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
				return json_bad(r, "%s", "text after the JSON object");
			return n;
		}
		return json_bad(r, "%s", "invalid JSON: expected ',' or '}'");
	}
}

/* Gather the next non-blank line into r->jline. 1, 0 at EOF, -1 error. */
static int json_line(gs_records *r)
{
	for (;;) {
		gs_buf_clear(&r->jline);
		int got = 0;
		for (;;) {
			int m = more(r);
			if (m < 0)
				return -1;
			if (m == 0) {
				if (!got && r->jline.len == 0)
					return 0;
				break;
			}
			if (eat_split_lf(r))
				continue;
			if (!got) {
				r->rec_line = r->line;
				got = 1;
			}
			int cr;
			size_t k = line_end(r->chunk, r->left, &cr);
			if (!k) {
				gs_buf_add(&r->jline, r->chunk, r->left);
				consume(r, r->left);
				continue;
			}
			gs_buf_add(&r->jline, r->chunk, k);
			consume(r, k);
			r->prev_cr = cr;
			r->line++;
			break;
		}
		const char *p = r->jline.p ? r->jline.p : "";
		if (ws(p, p + r->jline.len) != p + r->jline.len)
			return 1;
		if (r->eof && !r->left)
			return 0;
	}
}

static int json_next(gs_records *r, gs_row *row)
{
	size_t **koff = &r->koff, **klen = &r->klen, **voff = &r->voff, **vlen = &r->vlen;
	if (r->pending_values) {
		/* the first object's values, already aligned in pos/plen */
		r->pending_values = 0;
		goto emit;
	}
	for (;;) {
		int m = json_line(r);
		if (m < 0)
			return GS_REC_FAIL;
		if (m == 0)
			return GS_REC_EOF;
		gs_buf_clear(&r->data);
		long n = json_object(r, r->jline.p, r->jline.p + r->jline.len,
		                     koff, klen, voff, vlen, &r->kcap);
		if (!r->have_header) {
			if (n < 0)
				goto bad;
			r->have_header = 1;
			r->nkeys = (size_t)n;
			r->keys = gs_xmalloc((size_t)n * sizeof *r->keys + 1);
			r->keyidx = gs_hash_new();
			r->pos = gs_xmalloc((size_t)n * sizeof *r->pos + 1);
			r->plen = gs_xmalloc((size_t)n * sizeof *r->plen + 1);
			r->seen = gs_xmalloc((size_t)n * sizeof *r->seen + 1);
			for (long i = 0; i < n; i++) {
				r->keys[i] = gs_xstrndup(r->data.p + (*koff)[i], (*klen)[i]);
				if (gs_hash_get(r->keyidx, r->keys[i], (*klen)[i])) {
					json_bad(r, "key '%s' appears twice", r->keys[i]);
					n = -1;
					goto bad;
				}
				gs_hash_put(r->keyidx, r->keys[i], (*klen)[i], (void *)(i + 1));
				r->pos[i] = (*voff)[i];
				r->plen[i] = (*vlen)[i];
			}
			/* the keys make the header record; the values follow */
			if (r->capfields < r->nkeys + 1) {
				r->capfields = r->nkeys + 1;
				r->fields = gs_xrealloc(r->fields, r->capfields * sizeof *r->fields);
			}
			for (size_t i = 0; i < r->nkeys; i++) {
				r->fields[i].p = r->keys[i];
				r->fields[i].n = (*klen)[i];
			}
			row->f = r->fields;
			row->n = r->nkeys;
			row->line = r->rec_line;
			r->pending_values = 1;
			return GS_REC_ROW;
		}
		if (n < 0)
			goto bad;
		for (size_t i = 0; i < r->nkeys; i++) {
			r->pos[i] = (size_t)-1;
			r->seen[i] = 0;
		}
		for (long i = 0; i < n; i++) {
			size_t col;
			if ((size_t)i < r->nkeys && (*klen)[i] == strlen(r->keys[i]) &&
			    !memcmp(r->data.p + (*koff)[i], r->keys[i], (*klen)[i]))
				col = (size_t)i;
			else {
				void *v = gs_hash_get(r->keyidx, r->data.p + (*koff)[i], (*klen)[i]);
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
			if (r->seen[col]) {
				json_bad(r, "key '%s' appears twice", r->keys[col]);
				n = -1;
				goto bad;
			}
			r->seen[col] = 1;
			r->pos[col] = (*voff)[i];
			r->plen[col] = (*vlen)[i];
		}
		goto emit;
	bad:
		row->f = r->fields;
		row->n = 0;
		row->line = r->rec_line;
		return GS_REC_BAD;
	}
emit:
	if (r->capfields < r->nkeys + 1) {
		r->capfields = r->nkeys + 1;
		r->fields = gs_xrealloc(r->fields, r->capfields * sizeof *r->fields);
	}
	for (size_t i = 0; i < r->nkeys; i++) {
		if (r->pos[i] == (size_t)-1) {
			r->fields[i].p = "";
			r->fields[i].n = 0;
		} else {
			r->fields[i].p = r->data.p + r->pos[i];
			r->fields[i].n = r->plen[i];
		}
	}
	row->f = r->fields;
	row->n = r->nkeys;
	row->line = r->rec_line;
	return GS_REC_ROW;
}

int gs_records_next(gs_records *r, gs_row *row)
{
	row->f = NULL;
	row->n = 0;
	row->line = r->line;
	int s = skip_lines(r);
	if (s < 0)
		return GS_REC_FAIL;
	if (s == 0)
		return GS_REC_EOF;
	if (r->format == GS_FMT_AUTO) {
		int m = more(r);
		if (m < 0)
			return GS_REC_FAIL;
		r->format = (m > 0 && r->chunk[0] == '{') ? GS_FMT_JSON : GS_FMT_CSV;
	}
	if (r->format == GS_FMT_JSON)
		return json_next(r, row);
	if (!r->csv_ready)
		csv_start(r);
	return csv_next(r, row);
}

void gs_records_close(gs_records *r)
{
	if (!r)
		return;
	if (r->csv_ready)
		csv_free(&r->csv);
	gs_buf_free(&r->data);
	gs_buf_free(&r->jline);
	free(r->off);
	free(r->len);
	free(r->fields);
	for (size_t i = 0; i < r->nkeys; i++)
		free(r->keys[i]);
	free(r->keys);
	gs_hash_free(r->keyidx);
	free(r->pos);
	free(r->plen);
	free(r->seen);
	free(r->koff);
	free(r->klen);
	free(r->voff);
	free(r->vlen);
	free(r);
}
