/* i18n: messages in the user's language through GNU gettext (libintl is
 * part of glibc). English is the source language and the default; the
 * translations are the "govstat" domain, po/LANG.po.
 *
 * Strings are translated where they are printed (gs_msg and the other
 * functions of diag.h call gettext on their format), so a call site
 * writes a plain literal; _() is for words printed some other way, N_()
 * marks a literal for extraction that is translated later. */
#ifndef GS_I18N_H
#define GS_I18N_H

#include <libintl.h>
#include <stdio.h>

#define GS_DOMAIN "govstat"

/* gettext("") is the catalogue's header, not an empty string */
#define _(s) gs_gettext(s)
#define N_(s) (s)

/* format_arg: gcc checks the arguments of printf(_("..."), ...) against
 * the English format */
static inline __attribute__((format_arg(1))) const char *gs_gettext(const char *s)
{
	return s && *s ? dgettext(GS_DOMAIN, s) : s;
}

/* C_(CTX, S): S translated in the context CTX, for a text that reads
 * differently in another language by what it counts (rows or groups:
 * "，拒收 %ld 行" or "，拒收 %ld 组"); S itself when there is no
 * translation. */
#define C_(ctx, s) gs_pgettext(ctx "\004" s, s)

static inline __attribute__((format_arg(2))) const char *gs_pgettext(const char *ctx_s, const char *s)
{
	const char *t = dgettext(GS_DOMAIN, ctx_s);
	return t == ctx_s ? s : t;
}

/* Take the user's language and character set from the environment
 * (LC_MESSAGES and LC_CTYPE only: numbers, sorting and dates stay in the C
 * locale, so that every output stream is the same in any language) and
 * find the translations. */
void gs_i18n_init(void);

/* fprintf with FMT translated (i18n_gen.h). */
int gs_fprintf_translated(FILE *fp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
