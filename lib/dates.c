#include "dates.h"
#include "i18n.h"
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

/* A time of day at [P, E) after a date: "14:30", "14:30:05", "14:30:05.000",
 * "14时30分", "14时30分05秒", "14点30分", "14时". SEP_OPTIONAL when the date
 * ended in 日 or 号 (2020年3月5日14:30); else one or more spaces or a T
 * must come first. Nothing at all is no time. 0 ok, -1 not (*WHY is set
 * only when the time is readable but impossible). */
static int time_of_day(const char *p, const char *e, int sep_optional, gs_datetime *t,
                       const char **why)
{
	t->has_time = 0;
	t->hh = t->mi = t->ss = 0;
	if (p == e)
		return 0;
	const char *s0 = p;
	while (p < e && *p == ' ')
		p++;
	if (p == s0 && p < e && *p == 'T')
		p++;
	if (p == s0 && !sep_optional)
		return -1;
	long h = digits(&p, e, 1, 2), mi = 0, sec = 0;
	if (h < 0)
		return -1;
	if (lit(&p, e, ":")) {
		mi = digits(&p, e, 2, 2);
		if (mi >= 0 && lit(&p, e, ":")) {
			sec = digits(&p, e, 2, 2);
			/* a fraction of a second is kept only when it is zero */
			if (sec >= 0 && lit(&p, e, ".")) {
				const char *f = p;
				while (p < e && *p == '0')
					p++;
				if (p == f || (p < e && *p >= '1' && *p <= '9')) {
					*why = N_("fractions of a second are not kept");
					return -1;
				}
			}
		}
	} else if (lit(&p, e, "时") || lit(&p, e, "点")) {
		if (p < e && *p >= '0' && *p <= '9') {
			mi = digits(&p, e, 1, 2);
			if (mi >= 0 && lit(&p, e, "分") && p < e && *p >= '0' && *p <= '9') {
				sec = digits(&p, e, 1, 2);
				if (sec >= 0)
					lit(&p, e, "秒");
			}
		}
	} else
		return -1;
	if (mi < 0 || sec < 0 || p != e)
		return -1;
	if (h > 23 || mi > 59 || sec > 59) {
		*why = N_("no such time of day");
		return -1;
	}
	t->hh = (int)h;
	t->mi = (int)mi;
	t->ss = (int)sec;
	t->has_time = 1;
	return 0;
}

/* The fraction of a day after an Excel serial's point, F[0..N) digits, to
 * whole seconds, rounded to the nearest (Excel stores times as binary
 * fractions: 14:30 is 0.604166666666667). */
static long day_seconds(const char *f, size_t n)
{
	unsigned long long v = 0, scale = 1;
	for (size_t i = 0; i < n && i < 14; i++) {
		v = v * 10 + (unsigned)(f[i] - '0');
		scale *= 10;
	}
	return (long)((v * 86400 + scale / 2) / scale);
}

int gs_datetime_parse(const char *s0, size_t n0, int excel, gs_datetime *t, const char **why)
{
	gs_buf b = {0};
	int ret = -1;
	const char *s;
	size_t n;
	gs_fold_trim(&b, s0, n0, &s, &n);
	const char *p = s, *e = s + n;
	long Y, M = -1, D = -1;
	memset(t, 0, sizeof *t);
	*why = N_("not a date");
	if (n == 0) {
		*why = N_("empty");
		goto out;
	}
	/* all digits: YYYYMMDD or an Excel serial (with a time: a fraction) */
	const char *q = p;
	while (q < e && *q >= '0' && *q <= '9')
		q++;
	size_t nd = (size_t)(q - p);
	const char *frac = NULL;
	size_t nfrac = 0;
	if (q < e && *q == '.') {
		const char *f = q + 1;
		while (f < e && *f >= '0' && *f <= '9')
			f++;
		if (f == e && f > q + 1) {
			frac = q + 1;
			nfrac = (size_t)(e - frac);
		}
	}
	if (nd == 8 && q == e) {
		Y = digits(&p, p + 4, 4, 4);
		M = digits(&p, p + 2, 2, 2);
		D = digits(&p, p + 2, 2, 2);
	} else if (nd >= 1 && nd <= 7 && (q == e || frac)) {
		if (!excel) {
			*why = N_("a bare number is not a date (the map can allow Excel serial numbers)");
			goto out;
		}
		long v = digits(&p, q, 1, 7);
		long secs = frac ? day_seconds(frac, nfrac) : 0;
		if (secs >= 86400) {      /* 23:59:59.5 and after round up */
			v++;
			secs -= 86400;
		}
		long base;
		if (excel == GS_EXCEL_1904)
			base = gs_days_from_civil(1904, 1, 1);
		else if (v == 60) {
			*why = N_("Excel serial 60 is 1900-02-29, a day that did not exist");
			goto out;
		} else
			base = gs_days_from_civil(1899, 12, v < 60 ? 31 : 30);
		if (excel == GS_EXCEL_1900 && v < 1) {
			*why = N_("Excel serial numbers start at 1");
			goto out;
		}
		int yy, mm, dd;
		gs_civil_from_days(base + v, &yy, &mm, &dd);
		Y = yy, M = mm, D = dd;
		if (!gs_date_valid(yy, mm, dd)) {
			*why = N_("Excel serial number out of range");
			goto out;
		}
		for (size_t i = 0; i < nfrac; i++)
			if (frac[i] != '0')
				t->has_time = 1;
		t->hh = (int)(secs / 3600);
		t->mi = (int)(secs / 60 % 60);
		t->ss = (int)(secs % 60);
	} else {
		int cjk = 0;
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
			cjk = lit(&p, e, "日") || lit(&p, e, "号");
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
		if (time_of_day(p, e, cjk, t, why) < 0)
			goto out;
	}
	if (Y < 0 || M < 0 || D < 0)
		goto out;
	if (!gs_date_valid((int)Y, (int)M, (int)D)) {
		*why = N_("no such date");
		goto out;
	}
	t->y = (int)Y;
	t->m = (int)M;
	t->d = (int)D;
	ret = 0;
out:
	gs_buf_free(&b);
	return ret;
}

int gs_date_parse(const char *s, size_t n, int excel, int *y, int *m, int *d,
                  const char **why)
{
	gs_datetime t;
	if (gs_datetime_parse(s, n, excel, &t, why) < 0)
		return -1;
	if (t.hh || t.mi || t.ss) {
		*why = N_("has a time of day (only dates are read here)");
		return -1;
	}
	*y = t.y;
	*m = t.m;
	*d = t.d;
	return 0;
}

int gs_date_part(const char *s, size_t n, int *y, int *m, int *d, const char **why)
{
	gs_datetime t;
	if (gs_datetime_parse(s, n, 0, &t, why) < 0)
		return -1;
	*y = t.y;
	*m = t.m;
	*d = t.d;
	return 0;
}

void gs_datetime_format(gs_buf *out, const gs_datetime *t)
{
	gs_buf_printf(out, "%04d-%02d-%02dT%02d:%02d:%02d", t->y, t->m, t->d, t->hh, t->mi, t->ss);
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
