#include "dates.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int gs_date_valid(int y, int m, int d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && leap(y));
}

/* Howard Hinnant's days_from_civil */
long gs_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void gs_civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

void gs_date_format(gs_buf *out, int y, int m, int d)
{
	gs_buf_printf(out, "%04d-%02d-%02d", y, m, d);
}

/* Read 1..MAX digits at *P; returns the value or -1. */
static long digits(const char **p, const char *e, int min, int max)
{
	long v = 0;
	int k = 0;
	while (*p < e && **p >= '0' && **p <= '9' && k < max) {
		v = v * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	if (k < min || (*p < e && **p >= '0' && **p <= '9'))
		return -1;
	return v;
}

static int lit(const char **p, const char *e, const char *s)
{
	size_t n = strlen(s);
	if ((size_t)(e - *p) >= n && !memcmp(*p, s, n)) {
		*p += n;
		return 1;
	}
	return 0;
}

/* An optional time of day that must be midnight. 0 ok, -1 not. */
static int midnight(const char *p, const char *e, const char **why)
{
	if (p == e)
		return 0;
	if (*p != ' ' && *p != 'T') {
		*why = "not a date";
		return -1;
	}
	while (p < e && (*p == ' ' || *p == 'T'))
		p++;
	long h = digits(&p, e, 1, 2), mi = -1, sec = 0;
	if (h >= 0 && lit(&p, e, ":"))
		mi = digits(&p, e, 2, 2);
	if (mi >= 0 && lit(&p, e, ":"))
		sec = digits(&p, e, 2, 2);
	if (h < 0 || mi < 0 || sec < 0 || p != e) {
		*why = "not a date";
		return -1;
	}
	if (h || mi || sec) {
		*why = "has a time of day (only dates are read here)";
		return -1;
	}
	return 0;
}

int gs_date_parse(const char *s0, size_t n0, int excel, int *y, int *m, int *d,
                  const char **why)
{
	gs_buf b = {0};
	int ret = -1;
	gs_fold_fullwidth(&b, s0, n0);
	const char *s = b.p ? b.p : "";
	size_t n = b.len;
	gs_trim(&s, &n);
	const char *p = s, *e = s + n;
	long Y, M = -1, D = -1;
	*why = "not a date";
	if (n == 0) {
		*why = "empty";
		goto out;
	}
	/* all digits: YYYYMMDD or an Excel serial */
	const char *q = p;
	while (q < e && *q >= '0' && *q <= '9')
		q++;
	size_t nd = (size_t)(q - p);
	int serial_tail = q < e && *q == '.';
	if (serial_tail) {
		const char *t = q + 1;
		while (t < e && *t == '0')
			t++;
		serial_tail = t == e;
	}
	if (nd == 8 && q == e) {
		Y = digits(&p, p + 4, 4, 4);
		M = digits(&p, p + 2, 2, 2);
		D = digits(&p, p + 2, 2, 2);
	} else if (nd >= 1 && nd <= 7 && (q == e || serial_tail)) {
		if (!excel) {
			*why = "a bare number is not a date (the map can allow Excel serial numbers)";
			goto out;
		}
		long v = digits(&p, q, 1, 7);
		long base;
		if (excel == GS_EXCEL_1904)
			base = gs_days_from_civil(1904, 1, 1);
		else if (v == 60) {
			*why = "Excel serial 60 is 1900-02-29, a day that did not exist";
			goto out;
		} else
			base = gs_days_from_civil(1899, 12, v < 60 ? 31 : 30);
		if (excel == GS_EXCEL_1900 && v < 1) {
			*why = "Excel serial numbers start at 1";
			goto out;
		}
		int yy, mm, dd;
		gs_civil_from_days(base + v, &yy, &mm, &dd);
		Y = yy, M = mm, D = dd;
		if (!gs_date_valid(yy, mm, dd)) {
			*why = "Excel serial number out of range";
			goto out;
		}
	} else {
		Y = digits(&p, e, 4, 4);
		if (Y < 0)
			goto out;
		if (lit(&p, e, "年")) {
			M = digits(&p, e, 1, 2);
			if (M < 0 || !lit(&p, e, "月"))
				goto out;
			D = digits(&p, e, 1, 2);
			if (D < 0)
				goto out;
			if (!lit(&p, e, "日"))
				lit(&p, e, "号");
		} else if (p < e && (*p == '-' || *p == '/' || *p == '.')) {
			char sep = *p++;
			M = digits(&p, e, 1, 2);
			if (M < 0 || p >= e || *p != sep)
				goto out;
			p++;
			D = digits(&p, e, 1, 2);
			if (D < 0)
				goto out;
		} else
			goto out;
		if (midnight(p, e, why) < 0)
			goto out;
	}
	if (Y < 0 || M < 0 || D < 0)
		goto out;
	if (!gs_date_valid((int)Y, (int)M, (int)D)) {
		*why = "no such date";
		goto out;
	}
	*y = (int)Y;
	*m = (int)M;
	*d = (int)D;
	ret = 0;
out:
	gs_buf_free(&b);
	return ret;
}

int gs_period_parse(const char *name)
{
	static const char *names[] = {"day", "week", "month", "quarter", "year"};
	for (int i = 0; i < 5; i++)
		if (!strcmp(name, names[i]))
			return i;
	return -1;
}

void gs_period_format(gs_buf *out, int period, int y, int m, int d)
{
	switch (period) {
	case GS_P_DAY:
		gs_date_format(out, y, m, d);
		break;
	case GS_P_WEEK: {
		long z = gs_days_from_civil(y, m, d);
		/* 1970-01-01 was a Thursday: Monday = 0 */
		long wd = ((z + 3) % 7 + 7) % 7;
		long thursday = z - wd + 3;
		int ty, tm, td;
		gs_civil_from_days(thursday, &ty, &tm, &td);
		long week = (thursday - gs_days_from_civil(ty, 1, 1)) / 7 + 1;
		gs_buf_printf(out, "%04d-W%02ld", ty, week);
		break;
	}
	case GS_P_MONTH:
		gs_buf_printf(out, "%04d-%02d", y, m);
		break;
	case GS_P_QUARTER:
		gs_buf_printf(out, "%04d-Q%d", y, (m - 1) / 3 + 1);
		break;
	default:
		gs_buf_printf(out, "%04d", y);
	}
}
