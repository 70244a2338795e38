/* ledgernum: the number spellings of county ledgers made canonical.
 *
 * A canonical number is an optional '-', at least one integer digit with
 * no leading zeros, and optionally '.' and fraction digits, kept as
 * written: the scale of "1.50" is part of the value an auditor sees. */
#ifndef GS_LEDGERNUM_H
#define GS_LEDGERNUM_H

#include <stddef.h>

#include "buf.h"

/* Append the canonical form of S[0..N) to OUT. Accepted: surrounding
 * spaces (ASCII and U+3000), full-width digits and signs, a leading '+'
 * or '-', grouping commas in groups of three ("1,234,567"), a decimal
 * point with digits on either side, an exponent ("1.23E+11", as
 * spreadsheets write big numbers; at most 40), and a trailing '%', which
 * divides by 100 exactly ("97.5%" -> "0.975"). An empty value stays
 * empty. Returns 0, or -1 with *WHY set to a fixed English message
 * (reason.h: gs_reason_say shows it translated). */
int gs_number_normalize(gs_buf *out, const char *s, size_t n, const char **why);

#endif
