/* The fast path (lines split sixteen bytes a step, quoted fields whole on
 * their line included) against libcsv alone: the same
 * records, fields and line numbers. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "common.h"
#include "input.h"
#include "records_impl.h"

static void transcript(const uint8_t *data, size_t size, gs_buf *out)
{
	gs_input *in = gs_input_from_memory(data, size, "utf-8");
	gs_records *r = gs_records_open(in, GS_FMT_CSV, 0);
	gs_row row;
	int k;
	while ((k = gs_records_next(r, &row)) == GS_REC_ROW || k == GS_REC_BAD) {
		gs_buf_printf(out, "%d@%ld:", k, row.line);
		for (size_t i = 0; i < row.n; i++) {
			gs_buf_printf(out, "%zu:", row.f[i].n);
			gs_buf_add(out, row.f[i].p, row.f[i].n);
		}
		gs_buf_addc(out, '\n');
	}
	gs_buf_printf(out, "end %d\n", k);
	gs_records_close(r);
	gs_input_close(in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gs_buf a = {0}, b = {0};
	gs_csv_fast_path = 1;
	transcript(data, size, &a);
	gs_csv_fast_path = 0;
	transcript(data, size, &b);
	gs_csv_fast_path = 1;
	if (a.len != b.len || memcmp(a.p, b.p, a.len))
		abort();
	gs_buf_free(&a);
	gs_buf_free(&b);
	return 0;
}
