/* The ingest map loader on any text, then a plan over a fixed header and
 * a few rows. */
#include "common.h"
#include "ledgermap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gs_map *m = gs_map_load_text("fuzz.json", (const char *)data, size);
	if (!m)
		return 0;
	static const gs_field hdr[] = {{"乡镇", 6}, {"a", 1}, {"b", 1}, {"d", 1}, {"n", 1}};
	static const gs_field cells[][5] = {
		{{"田园镇", 9}, {"x", 1}, {"", 0}, {"2020年2月30日", 17}, {"1,234", 5}},
		{{"", 0}, {"已化解", 9}, {"y", 1}, {"43895", 5}, {"97.5%", 5}},
		{{"小计", 6}, {"z", 1}, {"2020年3月5日14:30", 20}, {"43895.6", 7}, {"", 0}},
	};
	gs_plan *p = gs_plan_new(m, hdr, 5, 1, "fuzz", 1);
	if (p) {
		gs_reason why = {0};
		for (size_t r = 0; r < 3; r++) {
			gs_row row = {(gs_field *)cells[r], 5, 2};
			gs_field *out;
			if (gs_plan_drop(p, &row))
				continue;
			gs_reason_clear(&why);
			gs_plan_apply(p, &row, &out, &why);
		}
		gs_reason_free(&why);
		gs_plan_free(p);
	}
	gs_map_free(m);
	return 0;
}
