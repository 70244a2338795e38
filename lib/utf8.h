/* utf8: validation and the small text clean-ups county ledgers need.
 *
 * All functions work on byte ranges (pointer + length) and never need a
 * terminating NUL. */
#ifndef GS_UTF8_H
#define GS_UTF8_H

#include <stddef.h>

#include "buf.h"

/* Length of the longest prefix of S[0..N) made of complete, valid UTF-8
 * sequences. If a sequence is cut off by the end of the range, *INCOMPLETE
 * is set to 1 (the caller may complete it with more input); if an invalid
 * byte stops the scan, it is set to 0. The return equals N when all is
 * valid. Overlong forms, surrogates and code points above U+10FFFF are
 * invalid. */
size_t gs_utf8_valid_prefix(const char *s, size_t n, int *incomplete);

/* Shrink [*S, *S+*N) to leave out leading and trailing ASCII white space
 * (space, tab, CR, LF) and U+3000 IDEOGRAPHIC SPACE. */
void gs_trim(const char **s, size_t *n);

/* Append S[0..N) to OUT with full-width ASCII forms (U+FF01..U+FF5E,
 * e.g. full-width digits, "．", "－", "％", "，") replaced by their ASCII
 * equivalents and U+3000 replaced by a space. */
void gs_fold_fullwidth(gs_buf *out, const char *s, size_t n);

/* A ledger cell as the value readers (ledgernum.h, dates.h) take it:
 * S[0..N) folded (gs_fold_fullwidth) into OUT, which is emptied first,
 * then trimmed (gs_trim); *P and *LEN give the result, inside OUT ("" and
 * 0 for an empty one). Typed-in figures come with full-width digits and
 * spaces of either width around them, which mean nothing. */
void gs_fold_trim(gs_buf *out, const char *s, size_t n, const char **p, size_t *len);

/* The length in bytes of the UTF-8 character that S[0..N) begins with
 * (N >= 1): 1 to 4 by its lead byte, never past N. For cutting valid
 * text at a character's edge, not for checking it (gs_utf8_valid_prefix). */
size_t gs_utf8_char_len(const char *s, size_t n);

/* Number of terminal columns S[0..N) takes (libunistring's uc_width):
 * East Asian wide and full-width characters, emoji among them, count two;
 * combining marks, zero-width characters and controls none. Characters of
 * ambiguous width (↑ ↓ → × √ ① ℃ ✓) count two when gs_ambiguous_wide()
 * says so, one otherwise. */
size_t gs_display_width(const char *s, size_t n);

/* Whether ambiguous-width characters are wide: as set by
 * gs_set_ambiguous_wide, else GOVSTAT_AMBIGUOUS ("wide" or "narrow"), else
 * wide when the locale (the first of LC_ALL, LC_CTYPE, LANG that is set)
 * is Chinese, Japanese or Korean (zh, ja, ko), narrow otherwise.
 * gs_set_ambiguous_wide(-1) decides again from the environment. */
int gs_ambiguous_wide(void);
void gs_set_ambiguous_wide(int wide);

#endif
