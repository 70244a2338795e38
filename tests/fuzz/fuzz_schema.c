/* The Table Schema loader on any text, and the loaded schema's checks on a
 * few values: each field's, and the row constraints on rows of them. */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "schema.h"

static void broken(const char *rule, const gs_reason *why, void *arg)
{
	(void)rule;
	(void)why;
	(void)arg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gs_schema *sc = gs_schema_load_text("fuzz.json", (const char *)data, size);
	if (!sc)
		return 0;
	static const char *vals[] = {"", "1", "-2.5", "2020-03-05", "2020-03-05T08:00:00Z", "true",
	                             "田园镇", "2020-13", "1e999", "a@b.cn"};
	gs_reason why = {0};
	gs_buf canon = {0};
	for (size_t f = 0; f < sc->nfields; f++)
		for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
			gs_reason_clear(&why);
			gs_buf_clear(&canon);
			if (!gs_schema_is_missing(sc, vals[i], strlen(vals[i])) &&
			    gs_schema_check(&sc->fields[f], vals[i], strlen(vals[i]), &why) == 0)
				gs_schema_canon(&sc->fields[f], vals[i], strlen(vals[i]), &canon);
		}
	size_t nv = sizeof vals / sizeof vals[0];
	gs_field *row = calloc(sc->nfields + 1, sizeof *row);
	for (size_t i = 0; i < nv && row; i++) {
		for (size_t f = 0; f < sc->nfields; f++)
			row[f] = (gs_field){vals[(i + f) % nv], strlen(vals[(i + f) % nv])};
		gs_schema_rules(sc, row, broken, NULL);
	}
	free(row);
	gs_reason_free(&why);
	gs_buf_free(&canon);
	gs_schema_free(sc);
	return 0;
}
