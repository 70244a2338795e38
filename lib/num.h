/* num: exact numbers for counts, sums and ratios.
 *
 * A value is the fraction NUM/DEN in 128-bit integers, DEN > 0. Values
 * read from text are decimals: DEN is 10^SCALE and SCALE says how many
 * fraction digits the exact value carries (1.50 has scale 2); a quotient
 * has SCALE -1. Nothing is ever rounded until it is formatted, and then
 * half away from zero (0.125 at 2 decimals is 0.13, -0.125 is -0.13).
 *
 * Limits: a numerator or denominator beyond +-2^127 (about 1.7e38) is an
 * overflow; every operation reports it (returns -1) instead of wrapping.
 * Text is read with at most 30 fraction digits. */
#ifndef GS_NUM_H
#define GS_NUM_H

#include <stddef.h>

#include "buf.h"

typedef struct gs_num {
	__int128 num;
	__int128 den;
	int scale;      /* fraction digits of a decimal; -1 for a quotient */
} gs_num;

/* The integer V. */
gs_num gs_num_int(long long v);

/* Parse S[0..N): an optional sign, digits with an optional '.' and
 * fraction, an optional exponent (1e3, 1.5E-2). Surrounding spaces are not
 * allowed. Returns 0, or -1 when it is not a number or is too large. */
int gs_num_parse(const char *s, size_t n, gs_num *out);

/* R = A op B. Return 0, or -1 on overflow (or division by zero for div).
 * The scale of a sum or difference is the larger of the two; of a product,
 * their sum; of a quotient, -1. */
int gs_num_add(gs_num a, gs_num b, gs_num *r);
int gs_num_sub(gs_num a, gs_num b, gs_num *r);
int gs_num_mul(gs_num a, gs_num b, gs_num *r);
int gs_num_div(gs_num a, gs_num b, gs_num *r);

/* -1, 0 or 1 as A is less than, equal to or greater than B. Exact. */
int gs_num_cmp(gs_num a, gs_num b);

int gs_num_is_zero(gs_num a);

/* Append A: a decimal with its own scale exactly ("1.50"); a quotient
 * rounded to DECIMALS places. */
void gs_num_format(gs_buf *out, gs_num a, int decimals);

/* Append A exactly enough for another tool to decide on it: a decimal with
 * its own scale; a quotient with at least MIN_DECIMALS places, more when
 * its digits go on: every digit when it ends within GS_NUM_EXACT_DECIMALS
 * places (1/8 at 2 is 0.125, 3/5 at 4 is 0.6000), else rounded to that
 * many (121/124 is 0.97580645161290322581). Two quotients whose
 * denominators are below 10^9 (any count of rows) that differ still differ
 * in this form, and equal ones are the same text. */
#define GS_NUM_EXACT_DECIMALS 20
void gs_num_format_exact(gs_buf *out, gs_num a, int min_decimals);

/* Append A rounded half away from zero to DECIMALS places (0 to 30). */
void gs_num_format_round(gs_buf *out, gs_num a, int decimals);

/* Numbers as text, of any size: [+-]digits[.digits][(e|E)[+-]digits], as
 * gs_num_parse reads them but with no limit on digits or exponent (up to
 * 9 exponent digits). gs_numtext_valid says whether S[0..N) is one;
 * gs_numtext_cmp compares two valid ones exactly, on sign, then the
 * position of the first significant digit, then the digits: 1e39 is above
 * 2e38, 1E-39 below 0.25, 0.9760 equal to 0.976. */
int gs_numtext_valid(const char *s, size_t n);
int gs_numtext_cmp(const char *a, size_t na, const char *b, size_t nb);

/* The value as a double, for scaling that need not be exact (z-scores). */
double gs_num_to_double(gs_num a);

#endif
