#include "xlsxout.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "diag.h"
#include "i18n.h"
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

/* One sheet being written: the workbook, its formats and where the next
 * row goes. */
struct sheet {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_col_t last;          /* the table's last column */
	lxw_row_t row;           /* the next row to write */
	lxw_format *title, *unit, *head, *plain, *note;
	lxw_format **cell;       /* per column: [2c] plain, [2c + 1] bold */
};

static lxw_format *new_format(lxw_workbook *wb, int bold, uint8_t align)
{
	lxw_format *f = workbook_add_format(wb);
	if (bold)
		format_set_bold(f);
	format_set_align(f, align);
	return f;
}

/* The formats of the sheet's parts, and one text or number format per
 * column, plain and bold, so that a ratio keeps its percent format in the
 * rollup row too. */
static void add_formats(struct sheet *s, const gs_xlsx_col *cols, size_t ncols)
{
	s->title = new_format(s->wb, 1, LXW_ALIGN_CENTER);
	format_set_font_size(s->title, 16);
	format_set_align(s->title, LXW_ALIGN_VERTICAL_CENTER);
	s->unit = new_format(s->wb, 0, LXW_ALIGN_RIGHT);
	s->head = new_format(s->wb, 1, LXW_ALIGN_CENTER);
	format_set_border(s->head, LXW_BORDER_THIN);
	format_set_align(s->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(s->head);
	format_set_bg_color(s->head, 0xEEF2F6);
	s->plain = new_format(s->wb, 0, LXW_ALIGN_LEFT);
	s->note = new_format(s->wb, 0, LXW_ALIGN_LEFT);
	s->cell = gs_xcalloc(2 * ncols + 1, sizeof *s->cell);
	for (size_t c = 0; c < ncols; c++)
		for (int b = 0; b < 2; b++) {
			lxw_format *f = workbook_add_format(s->wb);
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
			s->cell[2 * c + b] = f;
		}
}

/* TEXT on the next row, merged across the table when it has several
 * columns. */
static void write_across(struct sheet *s, const char *text, lxw_format *f)
{
	if (s->last > 0)
		worksheet_merge_range(s->ws, s->row, 0, s->row, s->last, text, f);
	else
		worksheet_write_string(s->ws, s->row, 0, text, f);
	s->row++;
}

/* The header row and the body; each column as wide as its widest cell
 * (display width: a Chinese character counts two). */
static void write_table(struct sheet *s, const gs_xlsx_col *cols, size_t ncols,
                        const char *const *cells, size_t nrows, const unsigned char *bold)
{
	double *width = gs_xcalloc(ncols + 1, sizeof *width);
	for (size_t c = 0; c < ncols; c++) {
		worksheet_write_string(s->ws, s->row, (lxw_col_t)c, cols[c].label, s->head);
		width[c] = (double)gs_display_width(cols[c].label, strlen(cols[c].label));
	}
	s->row++;
	for (size_t r = 0; r < nrows; r++, s->row++)
		for (size_t c = 0; c < ncols; c++) {
			const char *v = cells[r * ncols + c];
			lxw_format *f = s->cell[2 * c + (bold && bold[r])];
			double d;
			size_t w = gs_display_width(v, strlen(v));
			if (!*v)
				worksheet_write_blank(s->ws, s->row, (lxw_col_t)c, f);
			else if (cols[c].kind != GS_XC_TEXT && as_number(v, &d)) {
				worksheet_write_number(s->ws, s->row, (lxw_col_t)c, d, f);
				w = cols[c].kind == GS_XC_PERCENT ? 8 : w;
			} else
				worksheet_write_string(s->ws, s->row, (lxw_col_t)c, v, f);
			if ((double)w > width[c])
				width[c] = (double)w;
		}
	for (size_t c = 0; c < ncols; c++)
		worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, width[c] + 2 < 8 ? 8 : width[c] + 2,
		                     NULL);
	free(width);
}

/* The signature line: 填报单位、制表人、审核人 and the date, those given. */
static void write_signatures(struct sheet *s, const gs_xlsx_meta *m)
{
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
		s->row++;
		write_across(s, foot.p, s->plain);
	}
	gs_buf_free(&foot);
}

/* A4 portrait, the header row HEAD frozen and on every page, fitted to the
 * page's width, page numbers in the footer. */
static void set_up_print(struct sheet *s, lxw_row_t head)
{
	worksheet_freeze_panes(s->ws, head + 1, 0);
	worksheet_set_paper(s->ws, 9);
	worksheet_set_portrait(s->ws);
	worksheet_set_margins(s->ws, 0.6, 0.6, 0.8, 0.8);
	worksheet_repeat_rows(s->ws, head, head);
	worksheet_fit_to_pages(s->ws, 1, 0);
	worksheet_center_horizontally(s->ws);
	worksheet_print_area(s->ws, 0, 0, s->row ? s->row - 1 : 0, s->last);
	worksheet_set_footer(s->ws, "&C第 &P 页，共 &N 页");
}

/* Close the workbook at PATH and append its bytes to OUT; PATH is
 * removed. libxlsxwriter writes only to a file, hence the detour. */
static int finish(lxw_workbook *wb, const char *path, gs_buf *out, gs_reason *why)
{
	lxw_error e = workbook_close(wb);
	if (e != LXW_NO_ERROR) {
		gs_reason_printf(why, "cannot write the workbook: %s", lxw_strerror(e));
		unlink(path);
		return -1;
	}
	size_t len;
	char *bytes = gs_file_bytes(path, &len);
	int saved = errno;
	unlink(path);
	if (!bytes) {
		gs_reason_printf(why, "cannot read the workbook back: %s", strerror(saved));
		return -1;
	}
	gs_buf_add(out, bytes, len);
	free(bytes);
	return 0;
}

int gs_xlsx_table(gs_buf *out, const gs_xlsx_meta *m, const gs_xlsx_col *cols, size_t ncols,
                  const char *const *cells, size_t nrows, const unsigned char *bold, gs_reason *why)
{
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	char path[4096];
	snprintf(path, sizeof path, "%s/govstat-xlsx.XXXXXX", dir);
	int fd = mkstemp(path);
	if (fd < 0) {
		gs_reason_printf(why, "cannot make a temporary file in %s: %s", dir, strerror(errno));
		return -1;
	}
	close(fd);
	lxw_workbook_options wo = {.constant_memory = LXW_FALSE, .tmpdir = (char *)dir};
	struct sheet s = {.wb = workbook_new_opt(path, &wo)};
	if (!s.wb) {
		unlink(path);
		gs_reason_say(why, N_("cannot start the workbook"));
		return -1;
	}
	lxw_doc_properties props = {.title = (char *)(m->title ? m->title : ""), .created = m->created};
	workbook_set_properties(s.wb, &props);
	if (!m->sheet || !(s.ws = workbook_add_worksheet(s.wb, m->sheet)))
		s.ws = workbook_add_worksheet(s.wb, NULL);
	s.last = ncols ? (lxw_col_t)(ncols - 1) : 0;
	add_formats(&s, cols, ncols);

	if (m->title) {
		worksheet_set_row(s.ws, s.row, 28, NULL);
		write_across(&s, m->title, s.title);
	}
	if (m->unit_line)
		write_across(&s, m->unit_line, s.unit);
	lxw_row_t head = s.row;
	write_table(&s, cols, ncols, cells, nrows, bold);
	if (m->note) {
		s.row++;
		worksheet_write_string(s.ws, s.row++, 0, m->note, s.note);
	}
	write_signatures(&s, m);
	set_up_print(&s, head);
	free(s.cell);
	return finish(s.wb, path, out, why);
}
