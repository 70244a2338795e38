/* csvparse: CSV and TSV records through libcsv (see records.h for the
 * rules). libcsv's callbacks stay in this file.
 *
 * The text is fed to libcsv one physical line at a time, so that the line
 * where each record starts is known: a record starts on the first line fed
 * after the previous one ended, and libcsv ends a record only at a line
 * end, so one fed line completes at most one record.
 *
 * Most lines of a ledger hold no quote at all. Such a line, when it starts
 * a record and lies whole in the chunk at hand, is split at the delimiter
 * right here, its fields pointing into the chunk (which stays valid until
 * the next call): libcsv would give the same fields, at several times the
 * cost, since it calls back for every field and tests every byte. */
#include "diag.h"
#include "records_impl.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The fast path: the record is the whole physical line of K bytes at
 * r->chunk, which holds no quote. */
static void split_line(gs_records *r, gs_row *row, size_t k, int cr)
{
	const char *p = r->chunk, *end = p + k;
	char delim = r->format == GS_FMT_TSV ? '\t' : ',';
	/* leave out the terminator: CRLF, CR or LF */
	if (end > p && end[-1] == '\n')
		end--;
	if (end > p && end[-1] == '\r')
		end--;
	r->raw_p = p;
	r->raw_n = (size_t)(end - p);
	size_t n = 0;
	for (;;) {
		const char *q = memchr(p, delim, (size_t)(end - p));
		gs_rec_fields(r, n + 1);
		r->fields[n].p = p;
		r->fields[n].n = (size_t)((q ? q : end) - p);
		n++;
		if (!q)
			break;
		p = q + 1;
	}
	gs_rec_consume(r, k);
	r->line++;
	r->prev_cr = cr;
	r->at_line_start = 1;
	r->in_record = 0;
	row->f = r->fields;
	row->n = n;
	row->line = r->rec_line;
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
				snprintf(r->err, sizeof r->err,
				         "quoted field not closed: the record from line %ld runs to the end of input "
				         "(%ld line%s)", r->rec_line, lines, lines == 1 ? "" : "s");
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
		size_t k = gs_rec_line_end(r->chunk, r->left, &cr);
		if (k && starts && gs_csv_fast_path && !memchr(r->chunk, '"', k)) {
			split_line(r, row, k, cr);
			return GS_REC_ROW;
		}
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
			snprintf(r->err, sizeof r->err,
			         "misplaced quote (a quote inside an unquoted field, or text after a closing quote)");
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
