/* The .xls reader (lib/records_xls.c over lib/biff.c: the compound file walk,
 * the workbook globals, the sheet's records) on any bytes, through the
 * records API as the tools call it. The first byte's bit 0 picks the
 * second sheet, bit 1 turns on --fill-merged, bits 2-3 give the header
 * rows, bits 4-5 the rows to skip; the rest is the file. */
#include <string.h>

#include "common.h"
#include "input.h"
#include "records.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	gs_input *in = gs_input_from_memory(data + 1, size - 1, "utf-8");
	gs_records *r = gs_records_open(in, GS_FMT_XLS, data[0] >> 4 & 3);
	gs_records_sheet_options(r, data[0] & 1 ? "2" : NULL, data[0] >> 1 & 1, data[0] >> 2 & 3);
	if (gs_records_start(r) == 0) {
		const char *const *names;
		size_t k = gs_records_sheets(r, &names);
		for (size_t i = 0; i < k; i++)
			(void)strlen(names[i]);
		gs_row row;
		int s;
		while ((s = gs_records_next(r, &row)) == GS_REC_ROW || s == GS_REC_BAD) {
			size_t total = 0;
			for (size_t i = 0; i < row.n; i++)
				total += row.f[i].n + (row.f[i].n ? (unsigned char)row.f[i].p[0] : 0);
			(void)total;
		}
	}
	gs_records_close(r);
	gs_input_close(in);
	return 0;
}
