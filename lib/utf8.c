#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <uniwidth.h>

size_t gs_utf8_valid_prefix(const char *str, size_t n, int *incomplete)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	*incomplete = 0;
	while (i < n) {
		unsigned c = s[i];
		if (c < 0x80) {
			/* ASCII runs are the common case: skip them eight at a time */
			while (i + 8 <= n) {
				unsigned long long w;
				memcpy(&w, s + i, 8);
				if (w & 0x8080808080808080ULL)
					break;
				i += 8;
			}
			while (i < n && s[i] < 0x80)
				i++;
			continue;
		}
		size_t len;
		unsigned lo = 0x80, hi = 0xBF; /* allowed range of the 2nd byte */
		if (c >= 0xC2 && c <= 0xDF)
			len = 2;
		else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			if (c == 0xE0)
				lo = 0xA0;          /* no overlong forms */
			else if (c == 0xED)
				hi = 0x9F;          /* no surrogates */
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;          /* nothing above U+10FFFF */
		} else
			return i;
		for (size_t k = 1; k < len; k++) {
			if (i + k >= n) {
				*incomplete = 1;
				return i;
			}
			unsigned b = s[i + k];
			if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF))
				return i;
		}
		i += len;
	}
	return i;
}

static int is_ascii_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* U+3000 in UTF-8 */
static int is_ideo_space(const unsigned char *p, size_t avail)
{
	return avail >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80;
}

void gs_trim(const char **sp, size_t *np)
{
	const unsigned char *s = (const unsigned char *)*sp;
	size_t n = *np;
	for (;;) {
		if (n && is_ascii_space(*s)) {
			s++;
			n--;
		} else if (is_ideo_space(s, n)) {
			s += 3;
			n -= 3;
		} else
			break;
	}
	for (;;) {
		if (n && is_ascii_space(s[n - 1]))
			n--;
		else if (n >= 3 && is_ideo_space(s + n - 3, 3))
			n -= 3;
		else
			break;
	}
	*sp = (const char *)s;
	*np = n;
}

void gs_fold_fullwidth(gs_buf *out, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		/* U+FF01..U+FF5E is EF BC 81..EF BC BF, EF BD 80..EF BD 9E */
		if (s[i] == 0xEF && i + 2 < n) {
			unsigned b1 = s[i + 1], b2 = s[i + 2];
			unsigned cp = 0;
			if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF)
				cp = 0xFF00 + (b2 - 0x80);
			else if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E)
				cp = 0xFF40 + (b2 - 0x80);
			if (cp) {
				gs_buf_addc(out, (char)(cp - 0xFF00 + 0x20));
				i += 3;
				continue;
			}
		} else if (is_ideo_space(s + i, n - i)) {
			gs_buf_addc(out, ' ');
			i += 3;
			continue;
		}
		gs_buf_addc(out, (char)s[i]);
		i++;
	}
}

void gs_fold_trim(gs_buf *out, const char *s, size_t n, const char **p, size_t *len)
{
	gs_buf_clear(out);
	gs_fold_fullwidth(out, s, n);
	*p = out->p ? out->p : "";
	*len = out->len;
	gs_trim(p, len);
}

/* Display widths come from libunistring's uc_width (Unicode's East Asian
 * Width and nonspacing data, kept up to date by its maintainers). Its
 * "encoding" argument carries the rule for characters of ambiguous width:
 * with a CJK encoding, characters from U+00A1 to U+FF60 that Unicode does
 * not call narrow count two, as in GB18030 terminals and CJK fonts. */
static int ambiguous = -1;   /* 1 wide, 0 narrow, -1 not yet decided */

void gs_set_ambiguous_wide(int wide)
{
	ambiguous = wide < 0 ? -1 : wide != 0;
}

int gs_ambiguous_wide(void)
{
	if (ambiguous >= 0)
		return ambiguous;
	const char *e = getenv("GOVSTAT_AMBIGUOUS");
	if (e && !strcmp(e, "wide"))
		return ambiguous = 1;
	if (e && !strcmp(e, "narrow"))
		return ambiguous = 0;
	/* the locale's language, as setlocale would find it */
	const char *loc = NULL;
	static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
	for (size_t i = 0; i < 3 && !loc; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			loc = v;
	}
	ambiguous = loc && (!strncmp(loc, "zh", 2) || !strncmp(loc, "ja", 2) || !strncmp(loc, "ko", 2)) &&
	            (!loc[2] || loc[2] == '_' || loc[2] == '.' || loc[2] == '@');
	return ambiguous;
}

size_t gs_display_width(const char *str, size_t n)
{
	const uint8_t *s = (const uint8_t *)str;
	const char *enc = gs_ambiguous_wide() ? "GBK" : "UTF-8";
	size_t w = 0, i = 0;
	while (i < n) {
		ucs4_t cp;
		i += (size_t)u8_mbtouc(&cp, s + i, n - i);
		int cw = uc_width(cp, enc);
		if (cw > 0)
			w += (size_t)cw;   /* controls (-1) and combining marks (0) take none */
	}
	return w;
}

size_t gs_utf8_char_len(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	return len < n ? len : n;
}
