/* xls: Excel 97-2003 and older workbooks (.xls, BIFF2 to BIFF8) as
 * records, read with FreeXL.
 *
 * FreeXL converts the workbook's code page (CP936 for the GBK-era files
 * of Chinese Windows) to UTF-8 and tells date cells from numbers by their
 * format, in the workbook's date system. It reads a sheet whole, which a
 * .xls bounds (65,536 rows by 256 columns). What it does not report,
 * merged ranges and boolean and error cells, biff.c reads from the
 * records. A record's line is its row number. */
#include "dates.h"
#include "diag.h"
#include "jsonfile.h"
#include "biff.h"
#include "records_impl.h"
#include "workbook.h"

#include <freexl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct xls {
	const void *h;
	char **names;
	size_t nsheets;
	unsigned int rows, row;      /* next row, from 0 */
	unsigned short cols;
	size_t *off;                 /* a row's cells in r->data */
	long emitted;                /* rows handed out */
	gs_merges *merges;           /* with --fill-merged */
	gs_biff_cell *bc;            /* cells FreeXL misreads, by row */
	size_t nbc, nextbc;
	int date1904;
} xls;

static int by_position(const void *a, const void *b)
{
	const gs_biff_cell *p = a, *q = b;
	if (p->row != q->row)
		return p->row < q->row ? -1 : 1;
	return p->col < q->col ? -1 : p->col > q->col;
}

static const char *why_freexl(int rc)
{
	switch (rc) {
	case FREEXL_INSUFFICIENT_MEMORY: return "out of memory";
	case FREEXL_INVALID_CFBF_HEADER: case FREEXL_CFBF_INVALID_SIGNATURE:
	case FREEXL_CFBF_INVALID_SECTOR_SIZE:
		return "not an OLE2 compound file";
	case FREEXL_CFBF_READ_ERROR: case FREEXL_CFBF_SEEK_ERROR:
		return "the file is truncated or cannot be read";
	case FREEXL_CFBF_EMPTY_FAT_CHAIN: case FREEXL_CFBF_ILLEGAL_FAT_ENTRY:
		return "the compound file's allocation table is corrupt";
	case FREEXL_BIFF_INVALID_BOF: return "the workbook stream does not start with a BOF record";
	case FREEXL_BIFF_INVALID_SST: case FREEXL_BIFF_ILLEGAL_SST_INDEX:
		return "the shared string table is corrupt";
	case FREEXL_BIFF_WORKBOOK_NOT_FOUND: return "the compound file holds no workbook stream";
	case FREEXL_BIFF_ILLEGAL_SHEET_INDEX: return "no such sheet";
	default: return "the workbook is corrupt";
	}
}

int gs_xls_open(gs_records *r)
{
	xls *x = calloc(1, sizeof *x);
	if (!x)
		gs_die(GS_IO, NULL, 0, "out of memory");
	r->state = x;
	const char *path;
	if (gs_input_whole(r->in, &path) < 0) {
		snprintf(r->err, sizeof r->err, "%s", gs_input_error(r->in));
		return -1;
	}
	int rc = freexl_open(path, &x->h);
	if (rc != FREEXL_OK) {
		snprintf(r->err, sizeof r->err, "not a readable .xls workbook: %s", why_freexl(rc));
		return -1;
	}
	unsigned int info = 0;
	if (freexl_get_info(x->h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
	    info == FREEXL_BIFF_OBFUSCATED) {
		snprintf(r->err, sizeof r->err, "the workbook is protected by a password");
		return -1;
	}
	if (freexl_get_info(x->h, FREEXL_BIFF_SHEET_COUNT, &info) != FREEXL_OK)
		info = 0;
	x->names = gs_xmalloc((info + 1) * sizeof *x->names);
	for (unsigned short i = 0; i < info; i++) {
		const char *n = NULL;
		if (freexl_get_worksheet_name(x->h, i, &n) != FREEXL_OK || !n)
			n = "";
		x->names[x->nsheets++] = gs_xstrndup(n, strlen(n));
	}
	int i = gs_sheet_pick((const char *const *)x->names, x->nsheets, r->sheet_spec, r->err, sizeof r->err);
	if (i < 0)
		return -1;
	r->sheet = x->names[i];
	rc = freexl_select_active_worksheet(x->h, (unsigned short)i);
	if (rc == FREEXL_OK)
		rc = freexl_worksheet_dimensions(x->h, &x->rows, &x->cols);
	if (rc != FREEXL_OK) {
		snprintf(r->err, sizeof r->err, "sheet '%s': %s", x->names[i], why_freexl(rc));
		return -1;
	}
	/* merged ranges and booleans from the records themselves; without
	 * them booleans read as 1 and 0, which only --fill-merged cannot
	 * do without */
	size_t n = 0;
	unsigned char *data = (unsigned char *)gs_file_bytes(path, &n);
	char err[160] = "cannot read the file again";
	if (r->fill_merged)
		x->merges = gs_merges_new();
	int sc = data ? gs_biff_scan(data, n, i, (int)x->nsheets, x->merges, &x->bc, &x->nbc, err, sizeof err) : -1;
	free(data);
	if (sc < 0 && r->fill_merged) {
		snprintf(r->err, sizeof r->err, "--fill-merged: cannot read the merged ranges: %s", err);
		return -1;
	}
	if (x->nbc)
		qsort(x->bc, x->nbc, sizeof *x->bc, by_position);
	unsigned int mode = 0;
	x->date1904 = freexl_get_info(x->h, FREEXL_BIFF_DATEMODE, &mode) == FREEXL_OK &&
	              mode == FREEXL_BIFF_DATEMODE_1904;
	return 0;
}

/* Append the text of FreeXL's value V to r->data; WHY (N bytes) says
 * what is wrong when the value is not one. */
static void cell_text(gs_records *r, const FreeXL_CellValue *v, char *why, size_t n)
{
	char num[32];
	switch (v->type) {
	case FREEXL_CELL_INT:
		snprintf(num, sizeof num, "%d", v->value.int_value);
		gs_buf_adds(&r->data, num);
		break;
	case FREEXL_CELL_DOUBLE:
		if (gs_cell_number(&r->data, v->value.double_value) < 0)
			snprintf(why, n, "a number cell holds no finite number");
		break;
	case FREEXL_CELL_DATE: case FREEXL_CELL_DATETIME: {
		/* FreeXL counts Excel's phantom 1900-02-29 as a day */
		int y, m, d;
		const char *t = v->value.text_value ? v->value.text_value : "";
		if (sscanf(t, "%4d-%2d-%2d", &y, &m, &d) != 3 || !gs_date_valid(y, m, d))
			snprintf(why, n, "%.20s is a day that does not exist (serial 60 of the 1900 date system is Excel's 1900 leap-year bug)", t);
		gs_buf_adds(&r->data, t);
		break;
	}
	case FREEXL_CELL_TEXT: case FREEXL_CELL_SST_TEXT: case FREEXL_CELL_TIME:
		if (v->value.text_value)
			gs_buf_adds(&r->data, v->value.text_value);
		break;
	default:
		break;
	}
}

int gs_xls_next(gs_records *r, gs_row *row)
{
	xls *x = r->state;
	size_t cols = x->cols;
	for (; x->row < x->rows; x->row++) {
		if ((long)x->row < r->skip)
			continue;
		gs_buf_clear(&r->data);
		x->off = gs_xrealloc(x->off, (cols + 1) * 2 * sizeof *x->off);
		size_t *off = x->off;
		char why[200] = "";
		size_t bad_col = 0;
		/* what biff.c found in this row, in column order */
		while (x->nextbc < x->nbc && x->bc[x->nextbc].row < x->row)
			x->nextbc++;
		for (size_t c = 0; c < cols; c++) {
			FreeXL_CellValue v;
			off[2 * c] = r->data.len;
			if (freexl_get_cell_value(x->h, x->row, (unsigned short)c, &v) != FREEXL_OK)
				v.type = FREEXL_CELL_NULL;
			const gs_biff_cell *b = NULL;
			while (x->nextbc < x->nbc && x->bc[x->nextbc].row == x->row && x->bc[x->nextbc].col < c)
				x->nextbc++;
			if (x->nextbc < x->nbc && x->bc[x->nextbc].row == x->row && x->bc[x->nextbc].col == c)
				b = &x->bc[x->nextbc];
			char w[200] = "";
			const char *sw;
			if (b && !b->kind)          /* a boolean or an error */
				gs_buf_adds(&r->data, b->text);
			else if (b && (v.type == FREEXL_CELL_INT || v.type == FREEXL_CELL_DOUBLE)) {
				/* a number in a Chinese built-in date format */
				double d = v.type == FREEXL_CELL_INT ? v.value.int_value : v.value.double_value;
				if (gs_cell_serial(&r->data, d, x->date1904, b->kind, &sw) < 0) {
					snprintf(w, sizeof w, "%s", sw);
					cell_text(r, &v, w, sizeof w);
				}
			} else
				cell_text(r, &v, w, sizeof w);
			if (*w && !*why) {
				memcpy(why, w, sizeof why);
				bad_col = c;
			}
			gs_buf_add(&r->data, "", 0);
			off[2 * c + 1] = r->data.len - off[2 * c];
		}
		gs_rec_fields(r, cols);
		for (size_t c = 0; c < cols; c++)
			r->fields[c] = (gs_field){r->data.p + off[2 * c], off[2 * c + 1]};
		size_t width = cols;
		while (width && r->fields[width - 1].n == 0)
			width--;
		if (x->merges)      /* title and header rows do not fill */
			width = gs_merges_row(x->merges, r, x->row + 1UL, width, x->emitted < r->header_rows ? 0 : 1);
		if (width == 0)
			continue;
		x->emitted++;
		row->f = r->fields;
		row->n = width;
		row->line = (long)x->row + 1;
		x->row++;
		if (*why) {
			char ref[24];
			gs_cell_name(ref, sizeof ref, (unsigned)bad_col + 1, (unsigned long)x->row);
			snprintf(r->err, sizeof r->err, "cell %s: %s", ref, why);
			return GS_REC_BAD;
		}
		return GS_REC_ROW;
	}
	return GS_REC_EOF;
}

size_t gs_xls_sheets(gs_records *r, const char *const **names)
{
	xls *x = r->state;
	*names = (const char *const *)x->names;
	return x->nsheets;
}

void gs_xls_free(gs_records *r)
{
	xls *x = r->state;
	if (x->h)
		freexl_close(x->h);
	gs_merges_free(x->merges);
	free(x->bc);
	free(x->off);
	for (size_t i = 0; i < x->nsheets; i++)
		free(x->names[i]);
	free(x->names);
	free(x);
	r->state = NULL;
}
