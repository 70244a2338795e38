/* escape: text as a CSV or TSV field and as a JSON string. */
#include "escape.h"

#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#if defined(__SSE2__)
/* Nonzero when a byte of V is DELIM, a quote, CR or LF. */
static inline int special16(__m128i v, char delim)
{
	__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(delim)),
	                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
	                         _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
	                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
	return _mm_movemask_epi8(m);
}
#endif

/* Whether P[0..N) holds DELIM, a quote, CR or LF. Fields are mostly
 * short: below 16 bytes two overlapping loads of 8 (or 4) bytes make one
 * block, so that no load reaches past the field. */
static inline int needs_quotes(const char *p, size_t n, char delim)
{
#if defined(__SSE2__)
	if (n >= 16) {
		size_t i = 0;
		for (; i + 16 <= n; i += 16)
			if (special16(_mm_loadu_si128((const __m128i *)(const void *)(p + i)), delim))
				return 1;
		return i < n && special16(_mm_loadu_si128((const __m128i *)(const void *)(p + n - 16)), delim);
	}
	if (n >= 8) {
		__m128i a = _mm_loadl_epi64((const __m128i *)(const void *)p);
		__m128i b = _mm_loadl_epi64((const __m128i *)(const void *)(p + n - 8));
		return special16(_mm_unpacklo_epi64(a, b), delim);
	}
	if (n >= 4) {
		int32_t a, b;
		memcpy(&a, p, 4);
		memcpy(&b, p + n - 4, 4);
		return special16(_mm_set_epi32(a, b, a, b), delim);
	}
#endif
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (c == delim || c == '"' || c == '\n' || c == '\r')
			return 1;
	}
	return 0;
}

void gs_csv_field(gs_buf *b, const char *p, size_t n, char delim)
{
#if defined(__SSE2__)
	/* 4 to 15 bytes, most fields: the words loaded for the test are
	 * stored as they are, where a call of memcpy would cost more */
	if (n - 4 < 12) {
		if (b->len + n + 1 > b->cap)
			gs_buf_reserve(b, n);
		char *d = b->p + b->len;
		if (n >= 8) {
			__m128i a = _mm_loadl_epi64((const __m128i *)(const void *)p);
			__m128i z = _mm_loadl_epi64((const __m128i *)(const void *)(p + n - 8));
			if (special16(_mm_unpacklo_epi64(a, z), delim))
				goto quoted;
			_mm_storel_epi64((__m128i *)(void *)d, a);
			_mm_storel_epi64((__m128i *)(void *)(d + n - 8), z);
		} else {
			int32_t a, z;
			memcpy(&a, p, 4);
			memcpy(&z, p + n - 4, 4);
			if (special16(_mm_set_epi32(a, z, a, z), delim))
				goto quoted;
			memcpy(d, &a, 4);
			memcpy(d + n - 4, &z, 4);
		}
		b->len += n;
		d[n] = '\0';
		return;
	}
#endif
	if (!needs_quotes(p, n, delim)) {
		gs_buf_add(b, p, n);
		return;
	}
#if defined(__SSE2__)
quoted:
#endif
	gs_buf_addc(b, '"');
	const char *q;
	while ((q = memchr(p, '"', n))) {
		size_t k = (size_t)(q - p) + 1;
		gs_buf_add(b, p, k);
		gs_buf_addc(b, '"');
		p += k;
		n -= k;
	}
	gs_buf_add(b, p, n);
	gs_buf_addc(b, '"');
}

void gs_json_string(gs_buf *b, const char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	gs_buf_addc(b, '"');
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		gs_buf_add(b, p + start, i - start);
		start = i + 1;
		switch (c) {
		case '"': gs_buf_add(b, "\\\"", 2); break;
		case '\\': gs_buf_add(b, "\\\\", 2); break;
		case '\n': gs_buf_add(b, "\\n", 2); break;
		case '\r': gs_buf_add(b, "\\r", 2); break;
		case '\t': gs_buf_add(b, "\\t", 2); break;
		case '\b': gs_buf_add(b, "\\b", 2); break;
		case '\f': gs_buf_add(b, "\\f", 2); break;
		default: {
			char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
			gs_buf_add(b, u, 6);
		}
		}
	}
	gs_buf_add(b, p + start, n - start);
	gs_buf_addc(b, '"');
}
