/* shquote: quoting for sh(1) (see shquote.h). */
#include "shquote.h"

#include <string.h>

static int plain_word(const char *s)
{
	if (!*s)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x80 && !strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.,/=:+",
		                         *p))
			return 0;
	return 1;
}

void gs_shell_quote(gs_buf *b, const char *s)
{
	if (plain_word(s)) {
		gs_buf_adds(b, s);
		return;
	}
	gs_buf_addc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			gs_buf_adds(b, "'\\''");
		else
			gs_buf_addc(b, *s);
	}
	gs_buf_addc(b, '\'');
}
