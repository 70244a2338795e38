#include "gb18030.h"
#include "diag.h"

#include <iconv.h>
#include <string.h>

struct gs_gb18030 {
	unsigned char len;       /* UTF-8 bytes, 0 when iconv refuses the pair */
	char utf8[3];
};
#define GB_LEADS 126
#define GB_TRAILS 191

const gs_gb18030 *gs_gb18030_table(void)
{
	static gs_gb18030 *tab;
	if (tab)
		return tab;
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return NULL;
	tab = gs_xcalloc(GB_LEADS * GB_TRAILS, sizeof *tab);
	for (int l = 0; l < GB_LEADS; l++)
		for (int t = 0; t < GB_TRAILS; t++) {
			if (t + 0x40 == 0x7F)
				continue;
			char in[2] = {(char)(l + 0x81), (char)(t + 0x40)}, out[8];
			char *ip = in, *op = out;
			size_t il = 2, ol = sizeof out;
			if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0 &&
			    sizeof out - ol <= 3) {
				tab[l * GB_TRAILS + t].len = (unsigned char)(sizeof out - ol);
				memcpy(tab[l * GB_TRAILS + t].utf8, out, sizeof out - ol);
			}
		}
	iconv_close(cd);
	return tab;
}

size_t gs_gb18030_decode(const gs_gb18030 *tab, const char **src, const char *end,
                         char *out, size_t room)
{
	const unsigned char *s = (const unsigned char *)*src;
	const unsigned char *e = (const unsigned char *)end;
	char *o = out, *oe = out + room - 3;
	while (s < e && o < oe) {
		unsigned c = *s;
		if (c < 0x80) {
			*o++ = (char)c;
			s++;
			continue;
		}
		if (c == 0x80 || c == 0xFF || s + 1 >= e)
			break;
		unsigned t = s[1];
		if (t < 0x40 || t == 0x7F || t == 0xFF)
			break;
		const gs_gb18030 *g = &tab[(c - 0x81) * GB_TRAILS + (t - 0x40)];
		if (!g->len)
			break;
		/* all 3 bytes: the length says how many count */
		memcpy(o, g->utf8, 3);
		o += g->len;
		s += 2;
	}
	*src = (const char *)s;
	return (size_t)(o - out);
}
