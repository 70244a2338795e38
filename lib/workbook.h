/* workbook: what the .xlsx and .xls readers share: cell values turned
 * into the text a person sees in the spreadsheet, and picking a sheet.
 *
 * Numbers come out as Excel shows them in the formula bar: at most 15
 * significant digits, no exponent, no float noise (0.1 stays 0.1,
 * 123456789012 stays whole). Number formats are not applied except to
 * tell dates and times, which come out as ISO 8601: YYYY-MM-DD,
 * HH:MM:SS, or both joined by a space (a date-time at midnight is the
 * date alone, as a ledger's date typed into a date-time cell). */
#ifndef GS_WORKBOOK_H
#define GS_WORKBOOK_H

#include <stddef.h>

#include "buf.h"
#include "reason.h"

/* What a number format shows. */
enum gs_numkind { GS_NUM_PLAIN, GS_NUM_DATE, GS_NUM_TIME, GS_NUM_DATETIME, GS_NUM_ELAPSED };

/* The kind of number format ID, whose format code is CODE (NULL for a
 * built-in format). Built-in ids follow ECMA-376 and the Chinese
 * (zh-CN) built-ins 27-36 and 50-58 that Chinese Excel uses for
 * yyyy"年"m"月"d"日" and the like. A custom code is a date when its first
 * section holds y, d or a month m outside quotes, escapes and brackets;
 * a time when it holds h, s or AM/PM (or 上午/下午); [h], [m] or [s]
 * make it an elapsed time. */
int gs_numfmt_kind(int id, const char *code);

/* Append the number V as text. -1 (nothing appended) when V is not
 * finite. */
int gs_cell_number(gs_buf *out, double v);

/* Append the number written S[0..N) as gs_cell_number would, copying it
 * when it is already a short decimal. -1 when it is not a number. */
int gs_cell_number_text(gs_buf *out, const char *s, size_t n);

/* Append the serial day number V in the 1900 or 1904 date system
 * (DATE1904) shown as KIND. Times are rounded to the second. -1 with
 * *WHY set (a fixed English message: reason.h, gs_reason_say), nothing
 * appended, for a serial that is no date: negative,
 * after 9999-12-31, 0 or 60 in the 1900 system (1900-01-00 and the
 * 1900-02-29 that Excel counts and the calendar does not). */
int gs_cell_serial(gs_buf *out, double v, int date1904, int kind, const char **why);

/* The A1-style name of the cell at COL and ROW (both from 1), as "BC12",
 * into OUT (N bytes; 24 are enough). */
void gs_cell_name(char *out, size_t n, unsigned col, unsigned long row);

/* Pick the sheet SPEC names among NAMES[0..N): an exact name first, else
 * a number from 1. NULL or "" picks the first. The index, or -1 with a
 * reason appended to ERR naming the sheets there are. */
int gs_sheet_pick(const char *const *names, size_t n, const char *spec, gs_reason *err);

#endif
