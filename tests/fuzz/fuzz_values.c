/* Numbers, dates and exact arithmetic on any text: parse, normalise,
 * format, and check that formatting and parsing agree. */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "dates.h"
#include "num.h"
#include "ledgernum.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	gs_buf b = {0};
	const char *why;
	gs_number_normalize(&b, s, size, &why);
	int y, m, d;
	static const int systems[] = {GS_EXCEL_NONE, GS_EXCEL_1900, GS_EXCEL_1904};
	for (int i = 0; i < 3; i++)
		if (gs_date_parse(s, size, systems[i], &y, &m, &d, &why) == 0 && !gs_date_valid(y, m, d))
			abort();
	gs_num v;
	if (gs_num_parse(s, size, &v) == 0) {
		/* an exact decimal prints and reads back as itself */
		gs_buf_clear(&b);
		gs_num_format(&b, v, 0);
		gs_num w;
		if (gs_num_parse(b.p, b.len, &w) || gs_num_cmp(v, w) != 0)
			abort();
		gs_num q;
		if (gs_num_div(v, gs_num_int(7), &q) == 0) {
			gs_buf_clear(&b);
			gs_num_format_round(&b, q, 6);
		}
	}
	gs_buf_free(&b);
	return 0;
}
