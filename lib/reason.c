#include "reason.h"
#include "i18n.h"

#include <stdarg.h>
#include <stdlib.h>

/* Both texts from one list of arguments: the English format into en, the
 * translation into shown. */
static void vprint2(gs_reason *r, const char *en, const char *shown, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	gs_buf_vprintf(&r->en, en, ap);
	gs_buf_vprintf(&r->shown, shown, again);
	va_end(again);
}

void gs_reason_printf(gs_reason *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprint2(r, fmt, _(fmt), ap);
	va_end(ap);
}

void gs_reason_vprintf(gs_reason *r, const char *fmt, va_list ap)
{
	vprint2(r, fmt, _(fmt), ap);
}

void gs_reason_nprintf(gs_reason *r, unsigned long n, const char *one, const char *many, ...)
{
	va_list ap;
	va_start(ap, many);
	vprint2(r, n == 1 ? one : many, dngettext(GS_DOMAIN, one, many, n), ap);
	va_end(ap);
}

void gs_reason_say(gs_reason *r, const char *msg)
{
	gs_buf_adds(&r->en, msg);
	gs_buf_adds(&r->shown, _(msg));
}

void gs_reason_add(gs_reason *r, const char *s, size_t n)
{
	gs_buf_add(&r->en, s, n);
	gs_buf_add(&r->shown, s, n);
}

void gs_reason_cat(gs_reason *r, const gs_reason *from)
{
	gs_buf_add(&r->en, from->en.p, from->en.len);
	gs_buf_add(&r->shown, from->shown.p, from->shown.len);
}

void gs_reason_prefix(gs_reason *r, const char *fmt, ...)
{
	gs_reason front = {{0}, {0}};
	va_list ap;
	va_start(ap, fmt);
	vprint2(&front, fmt, _(fmt), ap);
	va_end(ap);
	gs_reason_cat(&front, r);
	gs_reason_free(r);
	*r = front;
}

void gs_reason_copy(gs_reason *r, const gs_reason *from)
{
	gs_reason_clear(r);
	gs_reason_cat(r, from);
}

void gs_reason_clear(gs_reason *r)
{
	gs_buf_clear(&r->en);
	gs_buf_clear(&r->shown);
}

void gs_reason_free(gs_reason *r)
{
	gs_buf_free(&r->en);
	gs_buf_free(&r->shown);
}
