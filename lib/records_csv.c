/* records_csv: CSV and TSV records through libcsv (see records.h for the
 * rules). libcsv's callbacks stay in this file.
 *
 * The text is fed to libcsv one physical line at a time, so that the line
 * where each record starts is known: a record starts on the first line fed
 * after the previous one ended, and libcsv ends a record only at a line
 * end, so one fed line completes at most one record.
 *
 * Most records of a ledger are one physical line that lies whole in the
 * chunk at hand, and their quotes, if any, are whole fields. Such a line
 * is split right here in one pass that looks at sixteen bytes at a time
 * for the delimiter, quotes and line ends; its fields point into the chunk
 * (which stays valid until the next call), or, for a quoted field with a
 * doubled quote, into r->data. libcsv would give the same fields at
 * several times the cost, since it calls back for every field and tests
 * every byte. Anything else (a quote inside an unquoted field, text after
 * a closing quote, a line end inside quotes, a line the chunk cuts) goes
 * to libcsv, which decides it as before. */
#include "diag.h"
#include "i18n.h"
#include "records_impl.h"

#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int gs_csv_fast_path = 1;

struct csv_state {
	struct csv_parser p;
	size_t *off, *len;       /* field positions in r->data */
	size_t nf, capf;
	int row_done;            /* libcsv ended a record */
};

static int no_space(unsigned char c)
{
	(void)c;
	return 0;   /* unquoted fields keep their spaces */
}

static void cb_field(void *s, size_t n, void *data)
{
	gs_records *r = data;
	struct csv_state *c = r->state;
	if (c->nf == c->capf) {
		c->capf = c->capf ? 2 * c->capf : 64;
		c->off = gs_xrealloc(c->off, c->capf * sizeof *c->off);
		c->len = gs_xrealloc(c->len, c->capf * sizeof *c->len);
	}
	c->off[c->nf] = r->data.len;
	c->len[c->nf] = n;
	c->nf++;
	if (n)
		gs_buf_add(&r->data, s, n);
}

static void cb_row(int ch, void *data)
{
	(void)ch;
	((struct csv_state *)((gs_records *)data)->state)->row_done = 1;
}

static void start(gs_records *r, struct csv_state *c)
{
	csv_init(&c->p, CSV_STRICT | CSV_STRICT_FINI);
	/* libcsv grows a field's buffer by a fixed block, 128 bytes unless
	 * told: a field of many megabytes then costs a realloc every 128
	 * bytes, quadratic wherever realloc copies (sanitizers, valgrind) */
	csv_set_blk_size(&c->p, (size_t)4 << 20);
	csv_set_space_func(&c->p, no_space);
	if (r->format == GS_FMT_TSV)
		csv_set_delim(&c->p, '\t');
}

static void feed(gs_records *r, const char *p, size_t n)
{
	struct csv_state *c = r->state;
	gs_buf_add(&r->raw, p, n);
	csv_parse(&c->p, p, n, cb_field, cb_row, r);
}

static void make_row(gs_records *r, gs_row *row)
{
	struct csv_state *c = r->state;
	gs_rec_fields(r, c->nf);
	for (size_t i = 0; i < c->nf; i++) {
		r->fields[i].p = r->data.p ? r->data.p + c->off[i] : "";
		r->fields[i].n = c->len[i];
	}
	row->f = r->fields;
	row->n = c->nf;
	row->line = r->rec_line;
}

/* After a misplaced quote: drop the rest of the physical line. */
static void skip_rest_of_line(gs_records *r)
{
	while (gs_rec_more(r) > 0) {
		int cr;
		size_t e = gs_rec_line_end(r->chunk, r->left, &cr);
		if (!e) {
			gs_buf_add(&r->raw, r->chunk, r->left);
			gs_rec_consume(r, r->left);
			continue;
		}
		gs_buf_add(&r->raw, r->chunk, e);
		gs_rec_consume(r, e);
		r->prev_cr = cr;
		r->line++;
		break;
	}
	r->at_line_start = 1;
}

/* A bit for each of P[0..16) that is DELIM, '"', CR or LF (P has 16
 * bytes). */
static inline unsigned specials16(const char *p, char delim)
{
#if defined(__SSE2__)
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(delim)),
	                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
	                         _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
	                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
	return (unsigned)_mm_movemask_epi8(m);
#else
	unsigned m = 0;
	for (int i = 0; i < 16; i++) {
		char c = p[i];
		m |= (unsigned)(c == delim || c == '"' || c == '\n' || c == '\r') << i;
	}
	return m;
#endif
}

/* The same for P[0..N), N < 16. */
static inline unsigned specials_tail(const char *p, size_t n, char delim)
{
	unsigned m = 0;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		m |= (unsigned)(c == delim || c == '"' || c == '\n' || c == '\r') << i;
	}
	return m;
}

/* Append the field P[0..N) to r->fields, through the caller's copies of
 * the array and its room (FL, CAP): kept in registers, they need not be
 * read again after every store. */
static inline void add_field(gs_records *r, gs_field **fl, size_t *cap, size_t *nf,
                             const char *p, size_t n)
{
	if (*nf + 1 >= *cap) {
		gs_rec_fields(r, *nf + 1);
		*fl = r->fields;
		*cap = r->capfields;
	}
	(*fl)[*nf].p = p;
	(*fl)[*nf].n = n;
	(*nf)++;
}

/* The quoted field whose opening quote is at P + I, in P[0..N): its end
 * (the index after the closing quote) or 0 when libcsv must decide it (a
 * line end inside the quotes, the chunk ends first, text after the
 * closing quote). The field is *FP[0..*FN); one with a doubled quote is
 * unescaped into r->data, *ESC is set and *FP is its offset there. */
static size_t quoted_field(gs_records *r, const char *p, size_t n, size_t i, char delim,
                           const char **fp, size_t *fn, int *esc)
{
	size_t s = i + 1;
	int escaped = 0;
	size_t at = 0;
	for (;;) {
		const char *q = memchr(p + s, '"', n - s);
		if (!q)
			return 0;
		size_t j = (size_t)(q - p);
		if (memchr(p + s, '\n', j - s) || memchr(p + s, '\r', j - s))
			return 0;
		if (j + 1 >= n)
			return 0;
		char c = p[j + 1];
		if (c == '"') {
			if (!escaped) {
				escaped = 1;
				at = r->data.len;
			}
			gs_buf_add(&r->data, p + s, j + 1 - s);
			s = j + 2;
			continue;
		}
		if (c != delim && c != '\n' && c != '\r')
			return 0;
		if (escaped) {
			gs_buf_add(&r->data, p + s, j - s);
			*fp = (const char *)(uintptr_t)at;
			*fn = r->data.len - at;
		} else {
			*fp = p + i + 1;
			*fn = j - i - 1;
		}
		*esc |= escaped;
		return j + 1;
	}
}

/* The fast path: the record is the physical line at r->chunk, whole in
 * it, and its quotes (if any) are whole fields on the line. Returns 1
 * with ROW made and the line consumed, or 0 (nothing consumed) when
 * libcsv must read it. */
static int split_line(gs_records *r, struct csv_state *c, gs_row *row)
{
	const char *p = r->chunk;
	size_t n = r->left;
	char delim = r->format == GS_FMT_TSV ? '\t' : ',';
	size_t nf = 0, start = 0, i = 0;
	size_t nesc = 0;            /* fields in r->data: their indices in c->off */
	gs_field *fl = r->fields;
	size_t cap = r->capfields;
	size_t end = 0;             /* of the line's text */
	for (;;) {
		if (i >= n)
			goto libcsv;       /* the chunk ends inside the line */
		unsigned m = i + 16 <= n ? specials16(p + i, delim) : specials_tail(p + i, n - i, delim);
		while (m) {
			size_t j = i + (size_t)__builtin_ctz(m);
			m &= m - 1;
			char ch = p[j];
			if (ch == delim) {
				add_field(r, &fl, &cap, &nf, p + start, j - start);
				start = j + 1;
				continue;
			}
			if (ch == '"') {
				const char *fp;
				size_t fn;
				int e = 0;
				if (j != start)
					goto libcsv;   /* a quote inside an unquoted field */
				size_t k = quoted_field(r, p, n, j, delim, &fp, &fn, &e);
				if (!k)
					goto libcsv;
				if (e) {
					/* its pointer is an offset in r->data, made a pointer
					 * once r->data stops moving */
					if (nesc == c->capf) {
						c->capf = c->capf ? 2 * c->capf : 64;
						c->off = gs_xrealloc(c->off, c->capf * sizeof *c->off);
						c->len = gs_xrealloc(c->len, c->capf * sizeof *c->len);
					}
					c->off[nesc++] = nf;
				}
				add_field(r, &fl, &cap, &nf, fp, fn);
				if (p[k] == delim) {
					start = k + 1;
					i = k + 1;
					goto next_block;
				}
				end = k;
				goto line_end;
			}
			/* CR or LF */
			add_field(r, &fl, &cap, &nf, p + start, j - start);
			end = j;
			goto line_end;
		}
		i += 16;
		continue;
	next_block:
		;
	}
line_end:;
	size_t k = end + 1;
	int cr = 0;
	if (p[end] == '\r') {
		if (k < n && p[k] == '\n')
			k++;
		else if (k == n)
			cr = 1;
	}
	for (size_t f = 0; f < nesc; f++)
		r->fields[c->off[f]].p = r->data.p + (uintptr_t)r->fields[c->off[f]].p;
	r->raw_p = p;
	r->raw_n = end;
	gs_rec_consume(r, k);
	r->line++;
	r->prev_cr = cr;
	r->at_line_start = 1;
	r->in_record = 0;
	row->f = r->fields;
	row->n = nf;
	row->line = r->rec_line;
	return 1;
libcsv:
	gs_buf_clear(&r->data);
	return 0;
}

int gs_csv_next(gs_records *r, gs_row *row)
{
	struct csv_state *c = r->state;
	if (!c) {
		c = r->state = calloc(1, sizeof *c);
		if (!c)
			gs_die(GS_IO, NULL, 0, "out of memory");
		start(r, c);
	}
	c->nf = 0;
	c->row_done = 0;
	r->in_record = 0;
	gs_buf_clear(&r->data);
	gs_buf_clear(&r->raw);
	for (;;) {
		int m = gs_rec_more(r);
		if (m < 0)
			return GS_REC_FAIL;
		if (m == 0) {
			if (!r->in_record)
				return GS_REC_EOF;
			int bad = csv_fini(&c->p, cb_field, cb_row, r) != 0 ||
			          csv_error(&c->p) != CSV_SUCCESS;
			r->in_record = 0;
			make_row(r, row);
			gs_rec_raw_from(r, &r->raw);
			if (bad) {
				/* the rest of the input is this one record: say how much
				 * of it, so that no line is lost unseen (the rejects keep
				 * its text) */
				long lines = r->line - r->rec_line + (r->at_line_start ? 0 : 1);
				gs_reason_clear(&r->err);
				gs_reason_nprintf(&r->err, (unsigned long)lines,
				                  "quoted field not closed: the record from line %ld runs to the end of input "
				                  "(%ld line)",
				                  "quoted field not closed: the record from line %ld runs to the end of input "
				                  "(%ld lines)", r->rec_line, lines);
				return GS_REC_BAD;
			}
			return GS_REC_ROW;
		}
		if (gs_rec_eat_split_lf(r, feed))
			continue;
		int cr;
		int starts = r->at_line_start && !r->in_record;
		if (starts) {
			char ch = r->chunk[0];
			if (ch == '\n' || ch == '\r') {   /* an empty line */
				gs_rec_consume(r, gs_rec_line_end(r->chunk, r->left, &cr));
				r->prev_cr = cr;
				r->line++;
				continue;
			}
			r->rec_line = r->line;
			r->in_record = 1;
		}
		if (starts && gs_csv_fast_path && split_line(r, c, row))
			return GS_REC_ROW;
		size_t k = gs_rec_line_end(r->chunk, r->left, &cr);
		size_t n = k ? k : r->left;
		gs_buf_add(&r->raw, r->chunk, n);
		size_t done = csv_parse(&c->p, r->chunk, n, cb_field, cb_row, r);
		gs_rec_consume(r, n);
		r->at_line_start = k != 0;
		if (k) {
			r->line++;
			r->prev_cr = cr;
		}
		if (done < n) {
			/* strict mode found a stray quote: drop the partial record and
			 * start afresh at the next line */
			csv_fini(&c->p, NULL, NULL, NULL);
			csv_free(&c->p);
			start(r, c);
			if (!k)
				skip_rest_of_line(r);
			make_row(r, row);
			gs_rec_raw_from(r, &r->raw);
			r->in_record = 0;
			gs_reason_clear(&r->err);
			gs_reason_say(&r->err, N_("misplaced quote (a quote inside an unquoted field, or text after a closing quote)"));
			return GS_REC_BAD;
		}
		if (c->row_done) {
			r->in_record = 0;
			make_row(r, row);
			gs_rec_raw_from(r, &r->raw);
			return GS_REC_ROW;
		}
	}
}

void gs_csv_free(gs_records *r)
{
	struct csv_state *c = r->state;
	csv_free(&c->p);
	free(c->off);
	free(c->len);
	free(c);
	r->state = NULL;
}
