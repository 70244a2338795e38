/* buf: a growable byte buffer.
 *
 * The buffer owns its memory. Pointers into it are invalidated by any call
 * that appends; keep offsets while building and take pointers at the end. */
#ifndef GS_BUF_H
#define GS_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct gs_buf {
	char *p;     /* bytes; p[len] is always '\0' once anything was added */
	size_t len;  /* bytes in use */
	size_t cap;  /* bytes allocated */
} gs_buf;

/* Make room for N more bytes (plus the terminating NUL). */
void gs_buf_reserve(gs_buf *b, size_t n);

/* Append N bytes from S (S may be NULL when N is 0: an empty gs_buf's p). */
static inline void gs_buf_add(gs_buf *b, const void *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		gs_buf_reserve(b, n);
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static inline void gs_buf_addc(gs_buf *b, char c)
{
	if (b->len + 2 > b->cap)
		gs_buf_reserve(b, 1);
	b->p[b->len++] = c;
	b->p[b->len] = '\0';
}

void gs_buf_adds(gs_buf *b, const char *s);

/* Append printf-formatted text. */
void gs_buf_printf(gs_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* gs_buf_printf with the arguments in AP, which it uses up as vsnprintf
 * does (to format them again, va_copy AP first). */
void gs_buf_vprintf(gs_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Empty the buffer, keeping its memory. */
static inline void gs_buf_clear(gs_buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

void gs_buf_free(gs_buf *b);

#endif
