/* biff: the cells of a .xls sheet, read from the workbook's records.
 * Internal to the .xls reader (records_xls.c).
 *
 * Reads BIFF8 (Excel 97-2003) and BIFF5/7 (Excel 5.0/95) workbooks in an
 * OLE2 compound file: shared strings, text (BIFF5's in the workbook's code
 * page, converted to UTF-8 with iconv), numbers and their formats (to tell
 * dates and times), booleans, errors, the value a formula was saved with,
 * the 1904 date system and merged ranges. Older files (BIFF2-4, Excel 2.x
 * to 4.0) are named and refused.
 *
 * Every length, offset, sector number and chain is checked against the
 * file, and every loop is bounded by its size, so a corrupt or hostile
 * file gives an error in time linear in its size, never a read outside
 * it. Records whose length the format fixes (cells, rows, XFs, strings
 * that end their record), a shared string table that does not hold the
 * strings it counts, and a sheet or globals without their EOF are errors
 * too: a record whose length was changed puts every later one out of
 * step, and this is how that shows. */
#ifndef GS_BIFF_H
#define GS_BIFF_H

#include <stddef.h>
#include <stdint.h>

#include "merges.h"
#include "reason.h"

/* What a cell holds. */
enum gs_biff_type {
	GS_BIFF_TEXT,                /* text, or a boolean or error as shown */
	GS_BIFF_NUM,                 /* a number, shown as its format's kind */
	GS_BIFF_BADTEXT              /* text with bytes its code page does not
	                                have (replaced by U+FFFD) */
};

typedef struct gs_biff_cell {
	uint32_t row;                /* from 0 */
	uint16_t col;                /* from 0 */
	uint8_t type;                /* enum gs_biff_type */
	uint8_t kind;                /* GS_BIFF_NUM: the gs_numkind of its format */
	uint32_t seq;                /* record order, for a stable sort */
	union {
		double num;
		struct { uint32_t off, len; } s;   /* in the workbook's text */
	} v;
} gs_biff_cell;

typedef struct gs_biff gs_biff;

/* Read the workbook globals of the .xls in DATA[0..N) (not kept: the
 * workbook stream is copied). NULL with the reason appended to ERR when
 * it is not a workbook this reads. */
gs_biff *gs_biff_open(const unsigned char *data, size_t n, gs_reason *err);

/* The worksheets' names (UTF-8, owned by B), in the workbook's order;
 * chart sheets and macro sheets are not listed. */
size_t gs_biff_sheets(const gs_biff *b, const char *const **names);

/* 1 for the 1904 date system. */
int gs_biff_date1904(const gs_biff *b);

/* Read sheet I (from 0 of gs_biff_sheets) into *CELLS (*NCELLS of them,
 * sorted by row then column, one a position; owned by B until the next
 * call), its merged ranges into MERGES unless NULL. 0, or -1 with the
 * reason appended to ERR. */
int gs_biff_sheet(gs_biff *b, size_t i, gs_merges *merges, const gs_biff_cell **cells,
                  size_t *ncells, gs_reason *err);

/* The text of a GS_BIFF_TEXT or GS_BIFF_BADTEXT cell: *LEN bytes. */
const char *gs_biff_text(const gs_biff *b, const gs_biff_cell *c, size_t *len);

void gs_biff_close(gs_biff *b);

#endif
