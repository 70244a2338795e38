/* xlsxout: a table written as a county 报表 workbook (.xlsx), for the
 * tables that go upward: a title merged across the table, a unit line, the
 * header frozen and repeated on every printed page, numbers stored as
 * numbers, codes as text, total rows bold, a signature footer and A4 print
 * set-up. Written with libxlsxwriter. */
#ifndef GS_XLSXOUT_H
#define GS_XLSXOUT_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "reason.h"

enum { GS_XC_TEXT, GS_XC_NUM, GS_XC_PERCENT };

typedef struct {
	const char *label;   /* the header cell */
	int kind;            /* GS_XC_*: TEXT cells are strings, whatever they hold */
	int decimals;        /* NUM and PERCENT: decimals shown; -1 as stored */
} gs_xlsx_col;

typedef struct {
	const char *sheet;       /* the sheet's name, as Excel takes it (at most 31
	                          * characters, none of []:*?/\); NULL or a name
	                          * it refuses: Sheet1 */
	const char *title;       /* merged across the table; NULL: no title row */
	const char *unit_line;   /* e.g. "单位：件、%"; NULL: none */
	const char *note;        /* a line under the table; NULL: none */
	const char *filled_by;   /* 填报单位 */
	const char *prepared_by; /* 制表人 */
	const char *checked_by;  /* 审核人 */
	const char *date;        /* 报表日期 */
	time_t created;          /* the workbook's creation time (no clock) */
} gs_xlsx_meta;

/* Append the workbook for NROWS rows of NCOLS columns to OUT. CELLS[r *
 * NCOLS + c] is a raw value ("" empty; NUM and PERCENT cells that are not
 * numbers are written as text); BOLD[r] marks a total row. TMPDIR (or
 * /tmp) holds the file while it is assembled. Returns 0, or -1 with a
 * reason appended to WHY. */
int gs_xlsx_table(gs_buf *out, const gs_xlsx_meta *m, const gs_xlsx_col *cols, size_t ncols,
                  const char *const *cells, size_t nrows, const unsigned char *bold, gs_reason *why);

#endif
