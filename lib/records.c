/* records: reading text into records, shared by every format; the
 * formats themselves are records_csv.c and records_jsonl.c (see
 * records_impl.h). */
#include "records.h"
#include "diag.h"
#include "records_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct format {
	const char *name, *alias;
	int id;
	int (*next)(gs_records *r, gs_row *row);
	void (*free)(gs_records *r);
	int (*open)(gs_records *r);                 /* workbooks only */
	size_t (*sheets)(gs_records *r, const char *const **names);
} formats[] = {
	{"csv", NULL, GS_FMT_CSV, gs_csv_next, gs_csv_free, NULL, NULL},
	{"tsv", NULL, GS_FMT_TSV, gs_csv_next, gs_csv_free, NULL, NULL},
	{"json", "jsonl", GS_FMT_JSON, gs_jsonl_next, gs_jsonl_free, NULL, NULL},
	{"xlsx", NULL, GS_FMT_XLSX, gs_xlsx_next, gs_xlsx_free, gs_xlsx_open, gs_xlsx_sheets},
	{"xls", NULL, GS_FMT_XLS, gs_xls_next, gs_xls_free, gs_xls_open, gs_xls_sheets},
};

static const struct format *format_of(int id)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (formats[i].id == id)
			return &formats[i];
	return &formats[0];
}

long gs_field_find(const gs_field *names, size_t n, const char *want)
{
	size_t len = strlen(want);
	for (size_t i = 0; i < n; i++)
		if (names[i].p && names[i].n == len && !memcmp(names[i].p, want, len))
			return (long)i;
	return -1;
}

int gs_format_parse(const char *name)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (!strcmp(name, formats[i].name) ||
		    (formats[i].alias && !strcmp(name, formats[i].alias)))
			return formats[i].id;
	return -1;
}

int gs_format_is_workbook(int format)
{
	return format_of(format)->open != NULL && format != GS_FMT_AUTO;
}

gs_records *gs_records_open(gs_input *in, int format, long skip)
{
	gs_records *r = gs_xcalloc(1, sizeof *r);
	r->in = in;
	r->format = format;
	r->skip = skip;
	r->line = 1;
	r->at_line_start = 1;
	return r;
}

const gs_reason *gs_records_reason(const gs_records *r)
{
	return &r->err;
}

void gs_records_raw(const gs_records *r, const char **p, size_t *n)
{
	*p = r->raw_p;
	*n = r->raw_p ? r->raw_n : 0;
}

void gs_rec_raw_from(gs_records *r, const gs_buf *b)
{
	size_t n = b->len;
	if (n && b->p[n - 1] == '\n')
		n--;
	if (n && b->p[n - 1] == '\r')
		n--;
	r->raw_p = b->p ? b->p : "";
	r->raw_n = n;
}

long gs_records_line(const gs_records *r)
{
	return gs_input_read_failed(r->in) ? 0 : r->line;
}

int gs_records_format(const gs_records *r)
{
	return r->format;
}

int gs_rec_more(gs_records *r)
{
	if (r->left)
		return 1;
	if (r->eof)
		return 0;
	ssize_t n = gs_input_read(r->in, &r->chunk);
	if (n < 0) {
		gs_reason_copy(&r->err, gs_input_reason(r->in));
		return -1;
	}
	if (n == 0) {
		r->eof = 1;
		return 0;
	}
	r->left = (size_t)n;
	return 1;
}

void gs_rec_consume(gs_records *r, size_t n)
{
	r->chunk += n;
	r->left -= n;
}

size_t gs_rec_line_end(const char *p, size_t n, int *ends_in_cr)
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

int gs_rec_eat_split_lf(gs_records *r, void (*feed)(gs_records *r, const char *p, size_t n))
{
	if (!r->prev_cr)
		return 0;
	r->prev_cr = 0;
	if (r->left && r->chunk[0] == '\n') {
		if (r->in_record && feed)
			feed(r, "\n", 1);
		gs_rec_consume(r, 1);
		return 1;
	}
	return 0;
}

void gs_rec_fields(gs_records *r, size_t n)
{
	if (r->capfields < n + 1) {
		r->capfields = n + 1;
		r->fields = gs_xrealloc(r->fields, r->capfields * sizeof *r->fields);
	}
}

/* Drop the lines asked for by skip. 1 when done, else from gs_rec_more. */
static int skip_lines(gs_records *r)
{
	while (r->skip > 0) {
		int m = gs_rec_more(r);
		if (m <= 0)
			return m;
		if (gs_rec_eat_split_lf(r, NULL))
			continue;
		int cr;
		size_t k = gs_rec_line_end(r->chunk, r->left, &cr);
		if (k == 0) {
			gs_rec_consume(r, r->left);
			continue;
		}
		gs_rec_consume(r, k);
		r->prev_cr = cr;
		r->line++;
		r->skip--;
	}
	return 1;
}

void gs_records_sheet_options(gs_records *r, const char *sheet, int fill_merged, int header_rows)
{
	r->sheet_spec = sheet;
	r->fill_merged = fill_merged;
	r->header_rows = header_rows < 1 ? 1 : header_rows;
}

int gs_records_start(gs_records *r)
{
	if (r->started)
		return r->started < 0 ? -1 : 0;
	r->started = 1;
	if (r->format == GS_FMT_AUTO) {
		/* binary formats by their signature, before any decoding */
		size_t n;
		const unsigned char *b = gs_input_peek(r->in, 8, &n);
		if (n >= 4 && !memcmp(b, "PK\3\4", 4))
			r->format = GS_FMT_XLSX;
		else if (n >= 8 && !memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
			r->format = GS_FMT_XLS;
		else if (n >= 4 && b[0] == 0x09 && (b[1] == 0 || b[1] == 2 || b[1] == 4) &&
		         (b[2] == 4 || b[2] == 6) && b[3] == 0)
			r->format = GS_FMT_XLS;  /* Excel 2.x-4.0: a bare BIFF stream's BOF */
	}
	const struct format *f = format_of(r->format);
	if (f->open && r->format != GS_FMT_AUTO) {
		r->line = 0;
		if (f->open(r) < 0) {
			r->started = -1;
			return -1;
		}
	}
	return 0;
}

const char *gs_records_sheet(const gs_records *r)
{
	return r->started > 0 && gs_format_is_workbook(r->format) ? r->sheet : NULL;
}

size_t gs_records_sheets(gs_records *r, const char *const **names)
{
	*names = NULL;
	if (r->started <= 0 || !gs_format_is_workbook(r->format))
		return 0;
	return format_of(r->format)->sheets(r, names);
}

int gs_records_next(gs_records *r, gs_row *row)
{
	row->f = NULL;
	row->n = 0;
	row->line = r->line;
	r->raw_p = NULL;
	r->raw_n = 0;
	if (gs_records_start(r) < 0)
		return GS_REC_FAIL;
	if (gs_format_is_workbook(r->format))
		return format_of(r->format)->next(r, row);
	int s = skip_lines(r);
	if (s < 0)
		return GS_REC_FAIL;
	if (s == 0)
		return GS_REC_EOF;
	if (r->format == GS_FMT_AUTO) {
		int m = gs_rec_more(r);
		if (m < 0)
			return GS_REC_FAIL;
		r->format = (m > 0 && r->chunk[0] == '{') ? GS_FMT_JSON : GS_FMT_CSV;
	}
	return format_of(r->format)->next(r, row);
}

void gs_records_close(gs_records *r)
{
	if (!r)
		return;
	if (r->state)
		format_of(r->format)->free(r);
	gs_buf_free(&r->data);
	gs_buf_free(&r->raw);
	gs_reason_free(&r->err);
	free(r->fields);
	free(r);
}
