/* dates: calendar arithmetic and the date spellings of county ledgers.
 *
 * Dates are proleptic Gregorian, years 1000 to 9999. A *WHY is a fixed
 * English message (reason.h: gs_reason_say shows it translated). */
#ifndef GS_DATES_H
#define GS_DATES_H

#include <stddef.h>

#include "buf.h"

/* Excel date systems for gs_date_normalize. */
enum { GS_EXCEL_NONE = 0, GS_EXCEL_1900 = 1900, GS_EXCEL_1904 = 1904 };

/* 1 if Y-M-D is a real date. */
int gs_date_valid(int y, int m, int d);

/* Days since 1970-01-01 (negative before), and back. */
long gs_days_from_civil(int y, int m, int d);
void gs_civil_from_days(long days, int *y, int *m, int *d);

/* Read a date written as 2020-03-05, 2020-3-5, 2020/3/5, 2020.3.5,
 * 2020年3月5日 (日 may be left out), 20200305, with full-width digits
 * allowed, surrounding spaces ignored and an optional midnight time
 * ("2020/3/5 0:00", "2020-03-05 00:00:00", "...T00:00:00") as spreadsheet
 * exports write. With EXCEL set, a whole number of at most 7 digits (an
 * optional ".0..." allowed) is an Excel serial day in that date system;
 * the 1900 system's phantom 1900-02-29 (serial 60) is refused. On success
 * stores Y, M, D and returns 0; else returns -1 and *WHY says what is
 * wrong. */
int gs_date_parse(const char *s, size_t n, int excel, int *y, int *m, int *d,
                  const char **why);

/* A date with its time of day. */
typedef struct gs_datetime {
	int y, m, d;
	int hh, mi, ss;
	int has_time;        /* the text gave a time (00:00 included) */
} gs_datetime;

/* Read a date and an optional time of day after it: every date form of
 * gs_date_parse, then (after spaces, a T, or directly after 日 or 号)
 * 14:30, 14:30:05, 14:30:05.000, 14时30分, 14时30分05秒 or 14点30分,
 * full-width digits and colons and U+3000 spaces allowed. With EXCEL, an
 * Excel serial may carry a fraction of a day (rounded to the second). An
 * hour above 23 or a minute or second above 59 is refused ("no such time
 * of day"). A date without a time is 00:00:00 with HAS_TIME 0. 0, or -1
 * with *WHY. */
int gs_datetime_parse(const char *s, size_t n, int excel, gs_datetime *t, const char **why);

/* Append T as YYYY-MM-DDTHH:MM:SS. */
void gs_datetime_format(gs_buf *out, const gs_datetime *t);

/* The date of a date or a date-time (no Excel serials): what decides the
 * period of a record. 0, or -1 with *WHY. */
int gs_date_part(const char *s, size_t n, int *y, int *m, int *d, const char **why);

enum gs_period { GS_P_DAY, GS_P_WEEK, GS_P_MONTH, GS_P_QUARTER, GS_P_YEAR };

/* "day", "week", "month", "quarter", "year" to enum gs_period; -1 else. */
int gs_period_parse(const char *name);

/* Append the period holding Y-M-D: 2020-03-05, 2020-W10 (ISO 8601 week:
 * weeks start on Monday and belong to the year of their Thursday, so
 * 2021-01-03 is in 2020-W53 and 2019-12-30 in 2020-W01), 2020-03,
 * 2020-Q1, 2020. */
void gs_period_format(gs_buf *out, int period, int y, int m, int d);

/* Append Y-M-D as YYYY-MM-DD. */
void gs_date_format(gs_buf *out, int y, int m, int d);

#endif
