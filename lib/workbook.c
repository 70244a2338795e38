/* workbook: cell text shared by the .xlsx and .xls readers (see
 * workbook.h). */
#include "workbook.h"
#include "dates.h"
#include "i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int gs_numfmt_kind(int id, const char *code)
{
	if (!code) {
		if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 ||
		    (id >= 50 && id <= 54) || id == 57 || id == 58)
			return GS_NUM_DATE;
		if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || id == 45 ||
		    id == 47 || id == 55 || id == 56)
			return GS_NUM_TIME;
		if (id == 22)
			return GS_NUM_DATETIME;
		if (id == 46)
			return GS_NUM_ELAPSED;
		return GS_NUM_PLAIN;
	}
	int date = 0, month = 0, time = 0, elapsed = 0;
	for (const char *p = code; *p && *p != ';'; p++) {
		switch (*p) {
		case '"':
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
			break;
		case '\\': case '_': case '*':
			if (p[1])
				p++;
			break;
		case '[': {
			const char *e = strchr(p, ']');
			if (!e)
				return GS_NUM_PLAIN;
			size_t n = (size_t)(e - p - 1);
			if (n && strspn(p + 1, "hHmMsS") == n) {
				elapsed = 1;
				time = 1;
			}
			p = e;
			break;
		}
		case 'G': case 'g':
			if (!strncasecmp(p, "General", 7))
				p += 6;
			break;
		case 'y': case 'Y': case 'd': case 'D':
			date = 1;
			break;
		case 'e': case 'E':
			if (p[1] != '+' && p[1] != '-')
				date = 1;   /* era year; E+ is scientific notation */
			break;
		case 'm': case 'M':
			month = 1;
			break;
		case 'h': case 'H': case 's': case 'S':
			time = 1;
			break;
		case 'a': case 'A':
			if (!strncasecmp(p, "AM/PM", 5) || !strncasecmp(p, "A/P", 3))
				time = 1;
			break;
		default:
			if (!strncmp(p, "上午", 6) || !strncmp(p, "下午", 6))
				time = 1;
		}
	}
	if (elapsed)
		return GS_NUM_ELAPSED;
	if (date && time)
		return GS_NUM_DATETIME;
	if (time)
		return GS_NUM_TIME;
	if (date || month)
		return GS_NUM_DATE;
	return GS_NUM_PLAIN;
}

int gs_cell_number(gs_buf *out, double v)
{
	if (!isfinite(v))
		return -1;
	if (v == 0) {
		gs_buf_addc(out, '0');
		return 0;
	}
	char s[64];
	snprintf(s, sizeof s, "%.14e", v);    /* 15 significant digits */
	const char *p = s;
	if (*p == '-') {
		gs_buf_addc(out, '-');
		p++;
	}
	char d[16];
	size_t k = 0;
	for (; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9')
			d[k++] = *p;
	long e = strtol(p + 1, NULL, 10);
	while (k > 1 && d[k - 1] == '0')
		k--;
	if (e >= (long)k - 1) {
		gs_buf_add(out, d, k);
		for (long i = 0; i < e - ((long)k - 1); i++)
			gs_buf_addc(out, '0');
	} else if (e >= 0) {
		gs_buf_add(out, d, (size_t)e + 1);
		gs_buf_addc(out, '.');
		gs_buf_add(out, d + e + 1, k - (size_t)e - 1);
	} else {
		gs_buf_add(out, "0.", 2);
		for (long i = 0; i < -e - 1; i++)
			gs_buf_addc(out, '0');
		gs_buf_add(out, d, k);
	}
	return 0;
}

/* A decimal Excel would show as written: -?digits(.digits)?, no leading
 * zero before other digits, no trailing zero after the point, at most 15
 * significant digits. */
static int short_decimal(const char *s, size_t n)
{
	size_t i = 0, sig = 0, lead = 1;
	if (i < n && s[i] == '-')
		i++;
	size_t start = i;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
		if (s[i] != '0' || !lead) {
			lead = 0;
			sig++;
		}
	}
	size_t intlen = i - start;
	if (intlen == 0 || (intlen > 1 && s[start] == '0'))
		return 0;
	if (i < n && s[i] == '.') {
		size_t f = ++i;
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			if (s[i] != '0' || !lead) {
				lead = 0;
				sig++;
			}
		if (i == f || s[i - 1] == '0')
			return 0;
	}
	if (i != n || sig > 15 || (n == 2 && s[0] == '-' && s[1] == '0'))
		return 0;
	return !(s[0] == '-' && lead);     /* "-0" and "-0.0..." are not */
}

int gs_cell_number_text(gs_buf *out, const char *s, size_t n)
{
	if (short_decimal(s, n)) {
		gs_buf_add(out, s, n);
		return 0;
	}
	char tmp[64];
	if (n == 0 || n >= sizeof tmp)
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = 0;
	char *end;
	double v = strtod(tmp, &end);
	if (*end || end == tmp || tmp[0] == ' ' || tmp[0] == '\t')
		return -1;
	return gs_cell_number(out, v);
}

int gs_cell_serial(gs_buf *out, double v, int date1904, int kind, const char **why)
{
	if (!isfinite(v) || v < 0) {
		*why = N_("a negative number is no date or time");
		return -1;
	}
	if (v >= 1e7) {      /* past 9999-12-31 either way; checked exactly below */
		*why = N_("the serial number is after 9999-12-31");
		return -1;
	}
	long day = (long)floor(v);
	long secs = lround((v - (double)day) * 86400.0);
	if (secs >= 86400) {
		day++;
		secs -= 86400;
	}
	char tbuf[40];
	if (kind == GS_NUM_ELAPSED) {
		long h = day * 24 + secs / 3600;
		snprintf(tbuf, sizeof tbuf, "%02ld:%02ld:%02ld", h, secs / 60 % 60, secs % 60);
		gs_buf_adds(out, tbuf);
		return 0;
	}
	if (kind != GS_NUM_DATE)
		snprintf(tbuf, sizeof tbuf, "%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
	if (kind == GS_NUM_TIME) {
		gs_buf_adds(out, tbuf);
		return 0;
	}
	long days;
	if (date1904)
		days = gs_days_from_civil(1904, 1, 1) + day;
	else if (day == 0) {
		*why = N_("serial 0 is 1900-01-00, a day that does not exist");
		return -1;
	} else if (day == 60) {
		*why = N_("serial 60 is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug)");
		return -1;
	} else
		days = gs_days_from_civil(1899, 12, day < 60 ? 31 : 30) + day;
	int y, m, d;
	gs_civil_from_days(days, &y, &m, &d);
	if (y > 9999) {
		*why = N_("the serial number is after 9999-12-31");
		return -1;
	}
	gs_date_format(out, y, m, d);
	if (kind == GS_NUM_DATETIME && secs) {     /* midnight is the date alone */
		gs_buf_addc(out, ' ');
		gs_buf_adds(out, tbuf);
	}
	return 0;
}

int gs_sheet_pick(const char *const *names, size_t n, const char *spec, gs_reason *err)
{
	if (n == 0) {
		gs_reason_say(err, N_("the workbook has no sheets"));
		return -1;
	}
	if (!spec || !*spec)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i], spec))
			return (int)i;
	if (strspn(spec, "0123456789") == strlen(spec) && strlen(spec) < 9) {
		long k = atol(spec);
		if (k >= 1 && (size_t)k <= n)
			return (int)(k - 1);
	}
	gs_reason_printf(err, "no sheet '%s'; the workbook has ", spec);
	for (size_t i = 0; i < n; i++) {
		if (i)
			gs_reason_say(err, N_(", "));
		/* TRANSLATORS: a name quoted in a message */
		gs_reason_printf(err, "'%s'", names[i]);
	}
	return -1;
}

void gs_cell_name(char *out, size_t n, unsigned col, unsigned long row)
{
	char letters[8];
	int k = 0;
	while (col && k < 8) {
		letters[k++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	size_t j = 0;
	while (k && j + 1 < n)
		out[j++] = letters[--k];
	snprintf(out + j, n - j, "%lu", row);
}
