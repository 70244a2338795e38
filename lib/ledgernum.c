#include "ledgernum.h"
#include "i18n.h"
#include "utf8.h"

#include <string.h>

#define MAX_EXP 40

int gs_number_normalize(gs_buf *out, const char *s0, size_t n0, const char **why)
{
	gs_buf b = {0}, dig = {0};
	int ret = -1;
	const char *s;
	size_t n;
	gs_fold_trim(&b, s0, n0, &s, &n);
	const char *p = s, *e = s + n;
	*why = N_("not a number");
	if (n == 0) {
		ret = 0;
		goto out;
	}
	int neg = 0, percent = 0;
	if (e > p && e[-1] == '%') {
		percent = 1;
		e--;
	}
	if (p < e && (*p == '+' || *p == '-'))
		neg = *p++ == '-';
	/* integer part, with optional grouping commas */
	long intdigits = 0;
	int group = 0, grouped = 0;
	while (p < e) {
		if (*p >= '0' && *p <= '9') {
			gs_buf_addc(&dig, *p++);
			intdigits++;
			group++;
			if (grouped && group > 3)
				goto out;
		} else if (*p == ',') {
			if (group == 0 || group > 3 || (grouped && group != 3))
				goto out;
			grouped = 1;
			group = 0;
			p++;
		} else
			break;
	}
	if (grouped && group != 3) {
		*why = N_("grouping commas must separate groups of three digits");
		goto out;
	}
	long fracdigits = 0;
	if (p < e && *p == '.') {
		p++;
		while (p < e && *p >= '0' && *p <= '9') {
			gs_buf_addc(&dig, *p++);
			fracdigits++;
		}
	}
	if (intdigits + fracdigits == 0)
		goto out;
	long exp = 0;
	if (p < e && (*p == 'e' || *p == 'E')) {
		p++;
		int eneg = 0;
		if (p < e && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		if (p >= e)
			goto out;
		while (p < e && *p >= '0' && *p <= '9') {
			exp = exp * 10 + (*p++ - '0');
			if (exp > MAX_EXP) {
				*why = N_("exponent out of range");
				goto out;
			}
		}
		if (eneg)
			exp = -exp;
	}
	if (p != e)
		goto out;
	/* digits D with the decimal point after POINT of them (POINT may lie
	 * outside D: zeros fill in) */
	long point = intdigits + exp - (percent ? 2 : 0);
	long nd = (long)dig.len;
	gs_buf ip = {0}, fp = {0};
	for (long i = 0; i < point; i++)
		gs_buf_addc(&ip, i < nd ? dig.p[i] : '0');
	for (long i = point; i < nd; i++)
		gs_buf_addc(&fp, i >= 0 ? dig.p[i] : '0');
	const char *ipp = ip.p ? ip.p : "0";
	size_t il = ip.len ? ip.len : 1;
	while (il > 1 && *ipp == '0') {
		ipp++;
		il--;
	}
	int zero = !(il > 1 || *ipp != '0');
	for (size_t i = 0; zero && i < fp.len; i++)
		zero = fp.p[i] == '0';
	if (neg && !zero)
		gs_buf_addc(out, '-');
	gs_buf_add(out, ipp, il);
	if (fp.len) {
		gs_buf_addc(out, '.');
		gs_buf_add(out, fp.p, fp.len);
	}
	gs_buf_free(&ip);
	gs_buf_free(&fp);
	ret = 0;
out:
	gs_buf_free(&b);
	gs_buf_free(&dig);
	return ret;
}
