/* The .xls record scanner (lib/biff.c: the compound file walk and the
 * records FreeXL does not report) on any bytes. FreeXL itself is not
 * fuzzed here: it is Debian's. The first byte picks the sheet and the
 * number of sheets expected; the rest is the file. */
#include <stdlib.h>

#include "biff.h"
#include "common.h"
#include "merges.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	gs_merges *ms = gs_merges_new();
	gs_biff_cell *cells = NULL;
	size_t n = 0;
	char err[160];
	if (gs_biff_scan(data + 1, size - 1, data[0] & 3, (data[0] >> 2 & 3) + 1, ms, &cells, &n, err,
	                 sizeof err) == 0) {
		size_t total = 0;
		for (size_t i = 0; i < n; i++)
			total += cells[i].row + cells[i].col + (size_t)cells[i].kind + cells[i].text[0];
		(void)total;
	}
	free(cells);
	gs_merges_free(ms);
	return 0;
}
