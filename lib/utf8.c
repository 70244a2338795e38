#include "utf8.h"

#include <string.h>

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

/* Decode one UTF-8 sequence (input already valid); returns its length. */
static size_t decode1(const unsigned char *s, size_t n, unsigned *cp)
{
	unsigned c = s[0];
	if (c < 0x80 || n < 2) {
		*cp = c;
		return 1;
	}
	if (c < 0xE0) {
		*cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (c < 0xF0 || n < 4) {
		if (n < 3) {
			*cp = c;
			return 1;
		}
		*cp = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		return 3;
	}
	*cp = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) |
	      (s[3] & 0x3F);
	return 4;
}

/* East Asian Width W or F ranges (Unicode 15, condensed to the blocks a
 * governance table can meet) and zero-width combining ranges. */
static int is_wide(unsigned cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	       (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	       (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

static int is_zero_width(unsigned cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
}

size_t gs_display_width(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t w = 0, i = 0;
	while (i < n) {
		unsigned cp;
		i += decode1(s + i, n - i, &cp);
		if (is_zero_width(cp) || cp < 0x20)
			continue;
		w += is_wide(cp) ? 2 : 1;
	}
	return w;
}
