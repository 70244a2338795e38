#include "buf.h"
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void gs_buf_reserve(gs_buf *b, size_t n)
{
	size_t need = b->len + n + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	b->p = gs_xrealloc(b->p, cap);
	b->cap = cap;
}

void gs_buf_adds(gs_buf *b, const char *s)
{
	gs_buf_add(b, s, strlen(s));
}

void gs_buf_vprintf(gs_buf *b, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	if (n >= 0) {
		gs_buf_reserve(b, (size_t)n);
		vsnprintf(b->p + b->len, (size_t)n + 1, fmt, again);
		b->len += (size_t)n;
	}
	va_end(again);
}

void gs_buf_printf(gs_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gs_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void gs_buf_free(gs_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
