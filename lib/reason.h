/* reason: why something is wrong, in English and in the user's language.
 *
 * A reason that lib/ builds may be written to a record stream (a rejects
 * file's _error, validate's --report JSON), which is the same bytes in
 * every language and so keeps the English, and it may be printed on
 * stderr, which a person reads in the language of LC_MESSAGES (i18n.h).
 * A gs_reason holds both texts, built side by side: gs_reason_printf
 * formats its English FMT into en and FMT's translation, from the same
 * arguments (va_copy), into shown; gs_reason_say does so for a message
 * without arguments; gs_reason_add appends what is the same in both (a
 * value, a name); gs_reason_cat appends another reason, gs_reason_prefix
 * puts a formatted context in front of one. An argument of a format is
 * never a reason itself (its English would show in the translation): a
 * reason from elsewhere goes in with gs_reason_cat or gs_reason_prefix.
 * Every function appends; gs_reason_clear empties. A zeroed gs_reason is
 * empty, and gs_reason_free releases one. The formats are English
 * messages, taken into po/ by xgettext through the keywords of POT_KEYS
 * in the Makefile, with c-format so that msgfmt -c checks that each
 * translation takes the English's arguments. */
#ifndef GS_REASON_H
#define GS_REASON_H

#include <stdarg.h>
#include <stddef.h>

#include "buf.h"

typedef struct gs_reason {
	gs_buf en;       /* English: for record streams */
	gs_buf shown;    /* in the user's language: for stderr */
} gs_reason;

/* Append FMT formatted to en, and its translation formatted to shown. */
void gs_reason_printf(gs_reason *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* gs_reason_printf with the arguments in AP (for a function that takes
 * a format of its own: give it __attribute__((format(printf, ...))) and a
 * keyword in POT_KEYS). */
void gs_reason_vprintf(gs_reason *r, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/* gs_reason_printf with the English format ONE when N is 1, else MANY,
 * and the translation the plural form of N in the user's language. */
void gs_reason_nprintf(gs_reason *r, unsigned long n, const char *one, const char *many, ...)
	__attribute__((format(printf, 3, 5), format(printf, 4, 5)));

/* Append the English message MSG to en and its translation to shown. */
void gs_reason_say(gs_reason *r, const char *msg);

/* Append S[0..N) to both texts as it is. */
void gs_reason_add(gs_reason *r, const char *s, size_t n);

/* Append FROM's texts to R's (FROM is not R). */
void gs_reason_cat(gs_reason *r, const gs_reason *from);

/* Put FMT formatted (its translation in shown) in front of R's texts:
 * context such as "cell A1: " before what went wrong there. */
void gs_reason_prefix(gs_reason *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* R's texts become FROM's (FROM is not R). */
void gs_reason_copy(gs_reason *r, const gs_reason *from);

void gs_reason_clear(gs_reason *r);
void gs_reason_free(gs_reason *r);

/* The texts, "" when empty; valid until R changes. */
static inline const char *gs_reason_en(const gs_reason *r)
{
	return r->en.p ? r->en.p : "";
}

static inline const char *gs_reason_shown(const gs_reason *r)
{
	return r->shown.p ? r->shown.p : "";
}

static inline int gs_reason_empty(const gs_reason *r)
{
	return r->en.len == 0;
}

#endif
