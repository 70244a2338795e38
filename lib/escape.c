/* escape: text as a CSV or TSV field and as a JSON string. */
#include "escape.h"

#include <string.h>

void gs_csv_field(gs_buf *b, const char *p, size_t n, char delim)
{
	/* a byte can need quoting only if it is one of four ASCII bytes; the
	 * table makes that one load a byte */
	static unsigned char special[2][256];
	int t = delim == '\t';
	if (!special[t]['"']) {
		special[t]['"'] = special[t]['\n'] = special[t]['\r'] = 1;
		special[t][(unsigned char)delim] = 1;
	}
	int quote = 0;
	for (size_t i = 0; i < n; i++)
		if (special[t][(unsigned char)p[i]]) {
			quote = 1;
			break;
		}
	if (!quote) {
		gs_buf_add(b, p, n);
		return;
	}
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
