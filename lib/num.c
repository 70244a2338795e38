#include "num.h"

#include <string.h>

#define MAX_SCALE 30

static const __int128 I128_MAX = (__int128)(((unsigned __int128)1 << 127) - 1);

static __int128 pow10i(int k)
{
	__int128 p = 1;
	while (k-- > 0)
		p *= 10;
	return p;
}

/* Greatest common divisor of |A| and B (> 0), in unsigned arithmetic: -A
 * does not exist for the most negative A. */
static __int128 gcd(__int128 a, __int128 b)
{
	unsigned __int128 x = a < 0 ? (unsigned __int128)0 - (unsigned __int128)a : (unsigned __int128)a;
	unsigned __int128 y = (unsigned __int128)b;
	while (y) {
		unsigned __int128 t = x % y;
		x = y;
		y = t;
	}
	return (__int128)x;   /* at most b, so it fits */
}

/* Keep decimals as they are (their scale is part of the value); reduce
 * quotients. */
static void normalize(gs_num *r)
{
	if (r->scale >= 0)
		return;
	__int128 g = gcd(r->num, r->den);
	if (g > 1) {
		r->num /= g;
		r->den /= g;
	}
}

gs_num gs_num_int(long long v)
{
	gs_num r = {v, 1, 0};
	return r;
}

int gs_num_is_zero(gs_num a)
{
	return a.num == 0;
}

int gs_num_parse(const char *s, size_t n, gs_num *out)
{
	const char *p = s, *e = s + n;
	int neg = 0;
	if (p < e && (*p == '+' || *p == '-'))
		neg = *p++ == '-';
	__int128 v = 0;
	int digits = 0, scale = 0, dot = 0;
	for (; p < e; p++) {
		if (*p >= '0' && *p <= '9') {
			int d = *p - '0';
			/* a 128-bit division per digit costs more than the rest of
			 * the parse: only a number near the limit needs it */
			if (v > (I128_MAX - 9) / 10 && v > (I128_MAX - d) / 10)
				return -1;
			v = v * 10 + d;
			digits++;
			if (dot && ++scale > MAX_SCALE)
				return -1;
		} else if (*p == '.' && !dot)
			dot = 1;
		else
			break;
	}
	if (!digits)
		return -1;
	if (p < e && (*p == 'e' || *p == 'E')) {
		p++;
		int eneg = 0, ex = 0, exd = 0;
		if (p < e && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		for (; p < e && *p >= '0' && *p <= '9'; p++) {
			ex = ex * 10 + (*p - '0');
			exd++;
			if (ex > 60)
				return -1;
		}
		if (!exd)
			return -1;
		if (eneg)
			scale += ex;
		else {
			int shift = ex < scale ? ex : scale;
			scale -= shift;
			for (int i = shift; i < ex; i++) {
				if (v > I128_MAX / 10)
					return -1;
				v *= 10;
			}
		}
		if (scale > MAX_SCALE)
			return -1;
	}
	if (p != e)
		return -1;
	out->num = neg ? -v : v;
	out->den = pow10i(scale);
	out->scale = scale;
	return 0;
}

static int mul_ovf(__int128 a, __int128 b, __int128 *r)
{
	return __builtin_mul_overflow(a, b, r);
}

static int addsub(gs_num a, gs_num b, gs_num *r, int sub)
{
	if (sub) {
		if (b.num == -I128_MAX - 1)
			return -1;
		b.num = -b.num;
	}
	gs_num t;
	if (a.den == b.den) {
		if (__builtin_add_overflow(a.num, b.num, &t.num))
			return -1;
		t.den = a.den;
	} else if (a.scale >= 0 && b.scale >= 0) {
		/* decimals: bring both to the larger scale */
		if (a.scale < b.scale) {
			gs_num s = a;
			a = b;
			b = s;
		}
		__int128 f = pow10i(a.scale - b.scale), bn;
		if (mul_ovf(b.num, f, &bn) || __builtin_add_overflow(a.num, bn, &t.num))
			return -1;
		t.den = a.den;
	} else {
		__int128 x, y;
		if (mul_ovf(a.num, b.den, &x) || mul_ovf(b.num, a.den, &y) ||
		    __builtin_add_overflow(x, y, &t.num) || mul_ovf(a.den, b.den, &t.den))
			return -1;
	}
	t.scale = a.scale < 0 || b.scale < 0 ? -1 : (a.scale > b.scale ? a.scale : b.scale);
	normalize(&t);
	*r = t;
	return 0;
}

int gs_num_add(gs_num a, gs_num b, gs_num *r)
{
	return addsub(a, b, r, 0);
}

int gs_num_sub(gs_num a, gs_num b, gs_num *r)
{
	return addsub(a, b, r, 1);
}

int gs_num_mul(gs_num a, gs_num b, gs_num *r)
{
	gs_num t;
	if (mul_ovf(a.num, b.num, &t.num) || mul_ovf(a.den, b.den, &t.den))
		return -1;
	t.scale = a.scale < 0 || b.scale < 0 || a.scale + b.scale > MAX_SCALE ? -1 : a.scale + b.scale;
	normalize(&t);
	*r = t;
	return 0;
}

int gs_num_div(gs_num a, gs_num b, gs_num *r)
{
	if (b.num == 0)
		return -1;
	gs_num t;
	if (mul_ovf(a.num, b.den, &t.num) || mul_ovf(a.den, b.num, &t.den))
		return -1;
	if (t.num == -I128_MAX - 1 || t.den == -I128_MAX - 1)
		return -1;   /* its sign cannot be flipped */
	if (t.den < 0) {
		t.num = -t.num;
		t.den = -t.den;
	}
	t.scale = -1;
	normalize(&t);
	*r = t;
	return 0;
}

int gs_num_cmp(gs_num a, gs_num b)
{
	if (a.den == b.den)
		return (a.num > b.num) - (a.num < b.num);
	int sa = (a.num > 0) - (a.num < 0), sb = (b.num > 0) - (b.num < 0);
	if (sa != sb)
		return (sa > sb) - (sa < sb);
	__int128 x, y;
	if (!mul_ovf(a.num, b.den, &x) && !mul_ovf(b.num, a.den, &y))
		return (x > y) - (x < y);
	/* compare the integer parts, then the remainders, as continued
	 * fractions do: exact without a wider type */
	for (;;) {
		__int128 qa = a.num / a.den, ra = a.num % a.den;
		__int128 qb = b.num / b.den, rb = b.num % b.den;
		if (ra < 0) {
			qa--;
			ra += a.den;
		}
		if (rb < 0) {
			qb--;
			rb += b.den;
		}
		if (qa != qb)
			return (qa > qb) - (qa < qb);
		if (ra == 0 || rb == 0)
			return (ra > rb) - (ra < rb);
		/* a - q = ra/a.den, compare reciprocals the other way round */
		gs_num na = {b.den, rb, -1}, nb = {a.den, ra, -1};
		a = na;
		b = nb;
	}
}

static void put_int(gs_buf *out, unsigned __int128 v)
{
	char d[48];
	int k = 0;
	do {
		d[k++] = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v);
	while (k)
		gs_buf_addc(out, d[--k]);
}

void gs_num_format_round(gs_buf *out, gs_num a, int decimals)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > MAX_SCALE)
		decimals = MAX_SCALE;
	int neg = a.num < 0;
	unsigned __int128 n = neg ? (unsigned __int128)0 - (unsigned __int128)a.num
	                          : (unsigned __int128)a.num;
	unsigned __int128 d = (unsigned __int128)a.den;
	unsigned __int128 ip = n / d, rem = n % d;
	/* the fraction digits one by one, then round on the remainder */
	char frac[MAX_SCALE + 1];
	/* rem * 10 must fit: only a quotient of quotients has a denominator
	 * this large, and its digits past the 37th are then approximate */
	while (d >> 123) {
		d >>= 1;
		rem >>= 1;
	}
	for (int i = 0; i < decimals; i++) {
		rem *= 10;
		frac[i] = (char)('0' + (int)(rem / d));
		rem %= d;
	}
	int up = rem * 2 >= d && rem != 0;
	if (up) {
		int i = decimals - 1;
		while (i >= 0 && frac[i] == '9')
			frac[i--] = '0';
		if (i >= 0)
			frac[i]++;
		else
			ip++;
	}
	int zero = ip == 0;
	for (int i = 0; i < decimals; i++)
		zero = zero && frac[i] == '0';
	if (neg && !zero)
		gs_buf_addc(out, '-');
	put_int(out, ip);
	if (decimals) {
		gs_buf_addc(out, '.');
		gs_buf_add(out, frac, (size_t)decimals);
	}
}

void gs_num_format(gs_buf *out, gs_num a, int decimals)
{
	gs_num_format_round(out, a, a.scale >= 0 ? a.scale : decimals);
}

void gs_num_format_exact(gs_buf *out, gs_num a, int min_decimals)
{
	if (a.scale >= 0) {
		gs_num_format_round(out, a, a.scale);
		return;
	}
	if (min_decimals > GS_NUM_EXACT_DECIMALS)
		min_decimals = GS_NUM_EXACT_DECIMALS;
	gs_num_format_round(out, a, GS_NUM_EXACT_DECIMALS);
	/* the zeros after the last digit of a quotient that ends say nothing,
	 * past the places asked for */
	size_t n = out->len, keep = (size_t)(GS_NUM_EXACT_DECIMALS - (min_decimals > 0 ? min_decimals : 0));
	while (keep && out->p[n - 1] == '0') {
		n--;
		keep--;
	}
	if (out->p[n - 1] == '.')
		n--;
	out->len = n;
	out->p[n] = '\0';
}

double gs_num_to_double(gs_num a)
{
	return (double)a.num / (double)a.den;
}

/* A number's text read as sign, exponent and significant digits: the value
 * is 0.D1D2D3... times 10^EXP, the digits running from P to E skipping the
 * decimal point, the first of them nonzero (SIGN 0 for zero). */
struct numtext {
	int sign;
	long exp;
	const char *p, *e;
};

static int numtext_read(const char *s, size_t n, struct numtext *t)
{
	const char *p = s, *e = s + n;
	int neg = 0, dot = 0, digits = 0;
	if (p < e && (*p == '+' || *p == '-'))
		neg = *p++ == '-';
	const char *m0 = p;
	long intd = 0, lead = 0;   /* integer digits after leading zeros; fraction zeros before the first nonzero */
	const char *first = NULL;
	for (; p < e; p++) {
		if (*p >= '0' && *p <= '9') {
			digits++;
			if (!first && *p != '0')
				first = p;
			if (!dot && first)
				intd++;
			else if (dot && !first)
				lead++;
		} else if (*p == '.' && !dot)
			dot = 1;
		else
			break;
	}
	const char *m1 = p;
	(void)m0;
	if (!digits)
		return -1;
	long ex = 0;
	if (p < e && (*p == 'e' || *p == 'E')) {
		p++;
		int eneg = 0, exd = 0;
		if (p < e && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		for (; p < e && *p >= '0' && *p <= '9'; p++) {
			if (++exd > 9)
				return -1;
			ex = ex * 10 + (*p - '0');
		}
		if (!exd)
			return -1;
		if (eneg)
			ex = -ex;
	}
	if (p != e)
		return -1;
	if (!first) {
		*t = (struct numtext){0, 0, m1, m1};
		return 0;
	}
	t->sign = neg ? -1 : 1;
	t->exp = (intd ? intd : -lead) + ex;
	t->p = first;
	t->e = m1;
	return 0;
}

int gs_numtext_valid(const char *s, size_t n)
{
	struct numtext t;
	return numtext_read(s, n, &t) == 0;
}

static int next_digit(const char **p, const char *e)
{
	while (*p < e && **p == '.')
		(*p)++;
	return *p < e ? *(*p)++ - '0' : 0;
}

int gs_numtext_cmp(const char *a, size_t na, const char *b, size_t nb)
{
	struct numtext x, y;
	if (numtext_read(a, na, &x) || numtext_read(b, nb, &y))
		return 0;
	if (x.sign != y.sign)
		return x.sign < y.sign ? -1 : 1;
	if (!x.sign)
		return 0;
	int c = 0;
	if (x.exp != y.exp)
		c = x.exp < y.exp ? -1 : 1;
	else
		while (!c && (x.p < x.e || y.p < y.e)) {
			int dx = next_digit(&x.p, x.e), dy = next_digit(&y.p, y.e);
			c = (dx > dy) - (dx < dy);
		}
	return x.sign < 0 ? -c : c;
}
