/* xls: Excel 97-2003 and older workbooks (.xls, BIFF2 to BIFF8) as
 * records, read with FreeXL.
 *
 * FreeXL converts the workbook's code page (CP936 for the GBK-era files
 * of Chinese Windows) to UTF-8 and tells date cells from numbers by their
 * format, in the workbook's date system. It reads a sheet whole, which a
 * .xls bounds (65,536 rows by 256 columns). It does not report merged
 * ranges, so --fill-merged has no effect here; header rows still fill
 * across by the stream's rule. A record's line is its row number. */
#include "dates.h"
#include "diag.h"
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
} xls;

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
	return 0;
}

int gs_xls_next(gs_records *r, gs_row *row)
{
	xls *x = r->state;
	for (; x->row < x->rows; x->row++) {
		if ((long)x->row < r->skip)
			continue;
		gs_buf_clear(&r->data);
		size_t *off = gs_xmalloc(((size_t)x->cols + 1) * 2 * sizeof *off);
		size_t width = 0;
		const char *why = NULL;
		unsigned short bad_col = 0;
		for (unsigned short c = 0; c < x->cols; c++) {
			FreeXL_CellValue v;
			off[2 * c] = r->data.len;
			if (freexl_get_cell_value(x->h, x->row, c, &v) != FREEXL_OK)
				v.type = FREEXL_CELL_NULL;
			char num[32];
			switch (v.type) {
			case FREEXL_CELL_INT:
				snprintf(num, sizeof num, "%d", v.value.int_value);
				gs_buf_adds(&r->data, num);
				break;
			case FREEXL_CELL_DOUBLE:
				if (gs_cell_number(&r->data, v.value.double_value) < 0 && !why) {
					why = "holds no finite number";
					bad_col = c;
				}
				break;
			case FREEXL_CELL_DATE: case FREEXL_CELL_DATETIME: {
				/* FreeXL counts Excel's phantom 1900-02-29 as a day */
				int y, m, d;
				const char *t = v.value.text_value ? v.value.text_value : "";
				if ((sscanf(t, "%4d-%2d-%2d", &y, &m, &d) != 3 || !gs_date_valid(y, m, d)) && !why) {
					why = "is a day that does not exist (serial 60 of the 1900 date system is Excel's 1900 leap-year bug)";
					bad_col = c;
				}
				gs_buf_adds(&r->data, t);
				break;
			}
			case FREEXL_CELL_TEXT: case FREEXL_CELL_SST_TEXT: case FREEXL_CELL_TIME:
				if (v.value.text_value)
					gs_buf_adds(&r->data, v.value.text_value);
				break;
			default:
				break;
			}
			gs_buf_add(&r->data, "", 0);
			off[2 * c + 1] = r->data.len - off[2 * c];
			if (off[2 * c + 1])
				width = (size_t)c + 1;
		}
		if (width == 0) {
			free(off);
			continue;
		}
		gs_rec_fields(r, width);
		for (size_t c = 0; c < width; c++)
			r->fields[c] = (gs_field){r->data.p + off[2 * c], off[2 * c + 1]};
		row->f = r->fields;
		row->n = width;
		row->line = (long)x->row + 1;
		if (why) {
			char ref[24];
			gs_cell_name(ref, sizeof ref, (unsigned)bad_col + 1, (unsigned long)x->row + 1);
			snprintf(r->err, sizeof r->err, "cell %s: %.*s %s", ref, (int)(off[2 * bad_col + 1] > 40 ? 40 : off[2 * bad_col + 1]), r->data.p + off[2 * bad_col], why);
		}
		free(off);
		x->row++;
		if (why)
			return GS_REC_BAD;
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
	for (size_t i = 0; i < x->nsheets; i++)
		free(x->names[i]);
	free(x->names);
	free(x);
	r->state = NULL;
}
