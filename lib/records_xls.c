/* records_xls: Excel 97-2003 and Excel 5.0/95 workbooks (.xls, BIFF8
 * and BIFF5) as records.
 *
 * biff.c reads the sheet's cells from the workbook's records (older
 * BIFF2-4 files it names and refuses); here they become rows, each cell's
 * text as the .xlsx reader gives it (workbook.c): dates and times by
 * their number format, in the workbook's date system, booleans and
 * errors as shown, a formula as the value it was saved with. A .xls
 * bounds a sheet (65,536 rows by 256 columns), so it is read whole. A
 * record's line is its row number. */
#include "biff.h"
#include "diag.h"
#include "i18n.h"
#include "jsonfile.h"
#include "records_impl.h"
#include "workbook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct xls {
	gs_biff *b;
	const gs_biff_cell *cells;   /* the sheet's, by row and column */
	size_t ncells, next;         /* the next cell to hand out */
	unsigned long row;           /* the next row, from 0 */
	size_t *off;                 /* a row's cells in r->data */
	size_t capoff;
	long emitted;                /* rows handed out */
	gs_merges *merges;           /* with --fill-merged */
} xls;

int gs_xls_open(gs_records *r)
{
	xls *x = gs_xcalloc(1, sizeof *x);
	r->state = x;
	const void *mem;
	size_t n = 0;
	char *data = NULL;
	if (gs_input_memory(r->in, &mem, &n) < 0) {
		const char *path;
		if (gs_input_whole(r->in, &path) < 0) {
			gs_reason_copy(&r->err, gs_input_reason(r->in));
			return -1;
		}
		if (!(data = gs_file_bytes(path, &n))) {
			gs_reason_say(&r->err, N_("cannot read the workbook again"));
			return -1;
		}
		mem = data;
	}
	x->b = gs_biff_open(mem, n, &r->err);
	free(data);
	if (!x->b) {
		gs_reason_prefix(&r->err, "not a readable .xls workbook: ");
		return -1;
	}
	const char *const *names;
	size_t nsheets = gs_biff_sheets(x->b, &names);
	int i = gs_sheet_pick(names, nsheets, r->sheet_spec, &r->err);
	if (i < 0)
		return -1;
	r->sheet = names[i];
	if (r->fill_merged)
		x->merges = gs_merges_new();
	if (gs_biff_sheet(x->b, (size_t)i, x->merges, &x->cells, &x->ncells, &r->err) < 0) {
		gs_reason_prefix(&r->err, "sheet '%s': ", names[i]);
		return -1;
	}
	return 0;
}

/* Append cell C's text to r->data; *WHY (a fixed English message) says
 * what is wrong when it holds no value this can show. */
static void cell_text(gs_records *r, const xls *x, const gs_biff_cell *c, const char **why)
{
	size_t len;
	const char *s, *sw;
	switch (c->type) {
	case GS_BIFF_BADTEXT:
		*why = N_("the text has bytes that are not in the workbook's code page (shown as U+FFFD)");
		/* fall through */
	case GS_BIFF_TEXT:
		s = gs_biff_text(x->b, c, &len);
		gs_buf_add(&r->data, s, len);
		break;
	default:
		if (c->kind != GS_NUM_PLAIN &&
		    gs_cell_serial(&r->data, c->v.num, gs_biff_date1904(x->b), c->kind, &sw) == 0)
			break;
		if (c->kind != GS_NUM_PLAIN)
			*why = sw;
		if (gs_cell_number(&r->data, c->v.num) < 0)
			*why = N_("a number cell holds no finite number");
	}
}

int gs_xls_next(gs_records *r, gs_row *row)
{
	xls *x = r->state;
	while (x->next < x->ncells) {
		/* with --fill-merged every row, for the ranges that cover rows
		 * with no cells of their own; else the rows that have cells */
		unsigned long rowno = (x->merges ? x->row : x->cells[x->next].row) + 1UL;
		x->row = rowno;
		size_t end = x->next;
		while (end < x->ncells && x->cells[end].row == rowno - 1)
			end++;
		size_t cols = end > x->next ? x->cells[end - 1].col + 1u : 0;
		const gs_biff_cell *c = &x->cells[x->next], *stop = x->cells + end;
		x->next = end;
		if ((long)rowno <= r->skip)
			continue;
		gs_buf_clear(&r->data);
		if (x->capoff < 2 * cols) {
			x->capoff = 2 * cols;
			x->off = gs_xrealloc(x->off, x->capoff * sizeof *x->off);
		}
		const char *why = NULL;
		size_t bad_col = 0;
		for (size_t col = 0; col < cols; col++) {
			x->off[2 * col] = r->data.len;
			const char *w = NULL;
			if (c < stop && c->col == col)
				cell_text(r, x, c++, &w);
			if (w && !why) {
				why = w;
				bad_col = col;
			}
			gs_buf_add(&r->data, "", 0);
			x->off[2 * col + 1] = r->data.len - x->off[2 * col];
		}
		gs_rec_fields(r, cols);
		for (size_t col = 0; col < cols; col++)
			r->fields[col] = (gs_field){r->data.p + x->off[2 * col], x->off[2 * col + 1]};
		size_t width = cols;
		while (width && r->fields[width - 1].n == 0)
			width--;
		if (x->merges)      /* title and header rows do not fill */
			width = gs_merges_row(x->merges, r, rowno, width, x->emitted < r->header_rows ? 0 : 1);
		if (width == 0)
			continue;
		x->emitted++;
		row->f = r->fields;
		row->n = width;
		row->line = (long)rowno;
		if (why) {
			char ref[24];
			gs_cell_name(ref, sizeof ref, (unsigned)bad_col + 1, rowno);
			gs_reason_clear(&r->err);
			gs_reason_printf(&r->err, "cell %s: ", ref);
			gs_reason_say(&r->err, why);
			return GS_REC_BAD;
		}
		return GS_REC_ROW;
	}
	return GS_REC_EOF;
}

size_t gs_xls_sheets(gs_records *r, const char *const **names)
{
	xls *x = r->state;
	if (!x->b) {
		*names = NULL;
		return 0;
	}
	return gs_biff_sheets(x->b, names);
}

void gs_xls_free(gs_records *r)
{
	xls *x = r->state;
	gs_biff_close(x->b);
	gs_merges_free(x->merges);
	free(x->off);
	free(x);
	r->state = NULL;
}
