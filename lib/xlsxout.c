#include "xlsxout.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "jsonfile.h"
#include "num.h"
#include "utf8.h"

/* Excel's number format for D decimals: "0.00", "0.00%"; -1: General. */
static void num_format(char *f, size_t n, int decimals, int percent)
{
	if (decimals < 0)
		decimals = percent ? 2 : -1;
	if (decimals < 0) {
		snprintf(f, n, "General");
		return;
	}
	size_t k = 0;
	f[k++] = '0';
	if (decimals > 0 && k + 1 < n)
		f[k++] = '.';
	for (int i = 0; i < decimals && k + 2 < n; i++)
		f[k++] = '0';
	if (percent)
		f[k++] = '%';
	f[k] = 0;
}

static int as_number(const char *s, double *d)
{
	gs_num v;
	if (!*s || gs_num_parse(s, strlen(s), &v) != 0)
		return 0;
	*d = strtod(s, NULL);
	return 1;
}

int gs_xlsx_table(gs_buf *out, const gs_xlsx_meta *m, const gs_xlsx_col *cols, size_t ncols,
                  const char *const *cells, size_t nrows, const unsigned char *bold, gs_buf *why)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/govstat-xlsx.XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		gs_buf_printf(why, "cannot make a temporary file in %s: %s", dir && *dir ? dir : "/tmp",
		              strerror(errno));
		return -1;
	}
	close(fd);
	lxw_workbook_options wo = {.constant_memory = LXW_FALSE, .tmpdir = dir && *dir ? (char *)dir : NULL};
	lxw_workbook *wb = workbook_new_opt(path, &wo);
	if (!wb) {
		unlink(path);
		gs_buf_adds(why, "cannot start the workbook");
		return -1;
	}
	lxw_doc_properties props = {.title = (char *)(m->title ? m->title : ""),
	                            .created = m->created};
	workbook_set_properties(wb, &props);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	lxw_col_t last = ncols ? (lxw_col_t)(ncols - 1) : 0;

	lxw_format *f_title = workbook_add_format(wb);
	format_set_bold(f_title);
	format_set_font_size(f_title, 16);
	format_set_align(f_title, LXW_ALIGN_CENTER);
	format_set_align(f_title, LXW_ALIGN_VERTICAL_CENTER);
	lxw_format *f_unit = workbook_add_format(wb);
	format_set_align(f_unit, LXW_ALIGN_RIGHT);
	lxw_format *f_head = workbook_add_format(wb);
	format_set_bold(f_head);
	format_set_border(f_head, LXW_BORDER_THIN);
	format_set_align(f_head, LXW_ALIGN_CENTER);
	format_set_align(f_head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(f_head);
	format_set_bg_color(f_head, 0xEEF2F6);
	lxw_format *f_plain = workbook_add_format(wb);
	format_set_align(f_plain, LXW_ALIGN_LEFT);
	lxw_format *f_note = workbook_add_format(wb);
	format_set_align(f_note, LXW_ALIGN_LEFT);

	/* one text format and one number format per column, plain and bold */
	lxw_format **fc = calloc(2 * ncols + 1, sizeof *fc);
	for (size_t c = 0; c < ncols; c++)
		for (int b = 0; b < 2; b++) {
			lxw_format *f = workbook_add_format(wb);
			format_set_border(f, LXW_BORDER_THIN);
			if (b)
				format_set_bold(f);
			if (cols[c].kind == GS_XC_TEXT)
				format_set_num_format(f, "@");
			else {
				char nf[48];
				num_format(nf, sizeof nf, cols[c].decimals, cols[c].kind == GS_XC_PERCENT);
				format_set_num_format(f, nf);
			}
			fc[2 * c + b] = f;
		}

	lxw_row_t row = 0;
	if (m->title) {
		if (ncols > 1)
			worksheet_merge_range(ws, row, 0, row, last, m->title, f_title);
		else
			worksheet_write_string(ws, row, 0, m->title, f_title);
		worksheet_set_row(ws, row, 28, NULL);
		row++;
	}
	if (m->unit_line) {
		if (ncols > 1)
			worksheet_merge_range(ws, row, 0, row, last, m->unit_line, f_unit);
		else
			worksheet_write_string(ws, row, 0, m->unit_line, f_unit);
		row++;
	}
	lxw_row_t head = row;
	double *width = calloc(ncols + 1, sizeof *width);
	for (size_t c = 0; c < ncols; c++) {
		worksheet_write_string(ws, row, (lxw_col_t)c, cols[c].label, f_head);
		width[c] = (double)gs_display_width(cols[c].label, strlen(cols[c].label));
	}
	row++;
	for (size_t r = 0; r < nrows; r++, row++)
		for (size_t c = 0; c < ncols; c++) {
			const char *v = cells[r * ncols + c];
			lxw_format *f = fc[2 * c + (bold && bold[r])];
			double d;
			size_t w = gs_display_width(v, strlen(v));
			if (!*v)
				worksheet_write_blank(ws, row, (lxw_col_t)c, f);
			else if (cols[c].kind != GS_XC_TEXT && as_number(v, &d)) {
				worksheet_write_number(ws, row, (lxw_col_t)c, d, f);
				w = cols[c].kind == GS_XC_PERCENT ? 8 : w;
			} else
				worksheet_write_string(ws, row, (lxw_col_t)c, v, f);
			if ((double)w > width[c])
				width[c] = (double)w;
		}
	for (size_t c = 0; c < ncols; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c] + 2 < 8 ? 8 : width[c] + 2, NULL);

	if (m->note) {
		row++;
		worksheet_write_string(ws, row++, 0, m->note, f_note);
	}
	/* the signature line: 填报单位、制表人、审核人 and the date */
	gs_buf foot = {0};
	const char *lab[4] = {"填报单位：", "制表人：", "审核人：", "报表日期："};
	const char *val[4] = {m->filled_by, m->prepared_by, m->checked_by, m->date};
	for (int i = 0; i < 4; i++)
		if (val[i]) {
			if (foot.len)
				gs_buf_adds(&foot, "　　");
			gs_buf_adds(&foot, lab[i]);
			gs_buf_adds(&foot, val[i]);
		}
	if (foot.len) {
		row++;
		if (ncols > 1)
			worksheet_merge_range(ws, row, 0, row, last, foot.p, f_plain);
		else
			worksheet_write_string(ws, row, 0, foot.p, f_plain);
		row++;
	}
	gs_buf_free(&foot);

	/* A4, the header on every page, fitted to the page's width */
	worksheet_freeze_panes(ws, head + 1, 0);
	worksheet_set_paper(ws, 9);
	worksheet_set_portrait(ws);
	worksheet_set_margins(ws, 0.6, 0.6, 0.8, 0.8);
	worksheet_repeat_rows(ws, head, head);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_center_horizontally(ws);
	worksheet_print_area(ws, 0, 0, row ? row - 1 : 0, last);
	worksheet_set_footer(ws, "&C第 &P 页，共 &N 页");

	lxw_error e = workbook_close(wb);
	free(fc);
	free(width);
	if (e != LXW_NO_ERROR) {
		gs_buf_printf(why, "cannot write the workbook: %s", lxw_strerror(e));
		unlink(path);
		return -1;
	}
	size_t len;
	char *bytes = gs_file_bytes(path, &len);
	int saved = errno;
	unlink(path);
	if (!bytes) {
		gs_buf_printf(why, "cannot read the workbook back: %s", strerror(saved));
		return -1;
	}
	gs_buf_add(out, bytes, len);
	free(bytes);
	return 0;
}
