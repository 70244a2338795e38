/* The record reader (CSV, TSV, JSON lines) on any bytes. The first byte
 * picks the format and the rest is the input. */
#include <string.h>

#include "common.h"
#include "input.h"
#include "records.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	static const int formats[] = {GS_FMT_AUTO, GS_FMT_CSV, GS_FMT_TSV, GS_FMT_JSON};
	int format = formats[data[0] & 3];
	/* workbooks have their own targets (fuzz_xlsx, fuzz_xls) */
	if (size >= 3 && (!memcmp(data + 1, "PK", 2) || data[1] == 0xD0))
		return 0;
	gs_input *in = gs_input_from_memory(data + 1, size - 1, "utf-8");
	gs_records *r = gs_records_open(in, format, data[0] >> 6);
	gs_row row;
	int k;
	while ((k = gs_records_next(r, &row)) == GS_REC_ROW || k == GS_REC_BAD) {
		size_t total = 0;
		for (size_t i = 0; i < row.n; i++)
			total += row.f[i].n;   /* touch every field */
		(void)total;
	}
	gs_records_close(r);
	gs_input_close(in);
	return 0;
}
