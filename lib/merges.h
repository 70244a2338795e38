/* merges: a sheet's merged cell ranges, filled as its rows stream by
 * (ingest --fill-merged). Internal to the workbook readers.
 *
 * A spreadsheet keeps a merged range's value in its first (top-left)
 * cell and leaves the others empty. Given the ranges up front, each row
 * in turn records the values of the ranges that start in it and, when
 * asked, gives every other cell of the ranges that cover it that value.
 * Memory grows with the number of ranges, not of rows. */
#ifndef GS_MERGES_H
#define GS_MERGES_H

#include <stddef.h>

#include "records_impl.h"

typedef struct gs_merges gs_merges;

gs_merges *gs_merges_new(void);

/* Add the range rows R1..R2, columns C1..C2 (from 1). -1 (not added)
 * past a million ranges or for a range that is not one. */
int gs_merges_add(gs_merges *ms, unsigned long r1, unsigned long r2, unsigned c1, unsigned c2);

/* Row ROW (from 1, rows in increasing order; rows may be left out) has
 * its cells in r->fields[0..N). Ranges starting in this row take their
 * value from it, and will fill later rows only if FILL is set (it is not
 * for title and header rows); with FILL, the row's cells covered by a
 * range take its value (r->fields grows as needed). Returns the row's
 * width, trailing empty cells left out. */
size_t gs_merges_row(gs_merges *ms, gs_records *r, unsigned long row, size_t n, int fill);

void gs_merges_free(gs_merges *ms);

#endif
