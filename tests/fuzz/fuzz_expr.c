/* The expression parser and evaluator, and the aggregate parser, on any
 * text, evaluated on rows with numbers, text, empty values and zeros. */
#include <stdlib.h>
#include <string.h>

#include "agg.h"
#include "common.h"
#include "expr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *src = malloc(size + 1);
	memcpy(src, data, size);
	src[size] = 0;
	static const gs_field names[] = {{"a", 1}, {"b", 1}, {"status", 6}, {"化解", 6}};
	static const gs_field rows[][4] = {
		{{"1", 1}, {"0", 1}, {"resolved", 8}, {"是", 3}},
		{{"", 0}, {"2.50", 4}, {"", 0}, {"x", 1}},
		{{"-3", 2}, {"abc", 3}, {"failed", 6}, {"1e3", 3}},
		{{"170141183460469231731687303715884105727", 39}, {"0.0000000000000000000000000001", 30}, {"a", 1}, {"", 0}},
	};
	gs_reason err = {0};
	size_t pos = 0;
	gs_expr *e = gs_expr_parse(src, &pos, 1, &err);
	if (e && gs_expr_bind(e, names, 4, &err) == 0)
		for (size_t r = 0; r < 4; r++) {
			gs_value v;
			gs_reason_clear(&err);
			gs_expr_eval(e, rows[r], &v, &err);
		}
	gs_expr_free(e);
	gs_aggset set = {0};
	if (gs_aggset_add(&set, NULL, src, NULL, 4, &err) == 0 &&
	    gs_aggset_bind(&set, names, 4, &err) == 0) {
		gs_slot *s = gs_slots_new(&set);
		gs_delta d[64];
		for (size_t r = 0; r < 4 && set.nslots <= 64; r++)
			if (gs_aggset_eval(&set, rows[r], d, &err) == 0)
				gs_slots_apply(&set, s, d, &err);
		gs_buf out = {0};
		for (size_t c = 0; c < set.ncols; c++)
			gs_aggcol_format(&set, c, s, &out);
		gs_buf_free(&out);
		gs_slots_free(&set, s);
	}
	gs_aggset_free(&set);
	gs_reason_free(&err);
	free(src);
	return 0;
}
