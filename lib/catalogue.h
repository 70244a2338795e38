/* catalogue: named indicators a county computes, kept in a JSON file so
 * that a county edits the catalogue, not the code.
 *
 *   {"indicators": [{
 *      "id": "dispute_resolution_ratio",          required, [A-Za-z0-9_]
 *      "name_zh": "矛盾纠纷化解率", "name_en": "Dispute resolution ratio",
 *      "agg": "ratio(count(status==\"resolved\"),count())",   required
 *      "where": "category != \"other\"",           optional filter
 *      "record": "disputes", "level": "township", "unit": "ratio",
 *      "decimals": 4, "direction": "up" | "down", "target": 0.95,
 *      "description": "...",
 *      "negative": {"item": 1, "source": "province", "deduction": 10,
 *                   "veto": true, "name": "homicide"}}],
 *    "checks": [...]}             read by people and scripts, not by tally
 *
 * Keys beginning with "_" and "comment" are notes; any other unknown key
 * is an error, so a misspelt "wehre" cannot silently count every row. */
#ifndef GS_CATALOGUE_H
#define GS_CATALOGUE_H

#include <stddef.h>

typedef struct gs_indicator {
	char *id, *name_zh, *name_en, *agg, *where, *record, *level, *unit;
	char *direction;         /* "up", "down" or NULL */
	char *target;            /* the number as written, or NULL */
	int decimals;            /* -1 when not given */
} gs_indicator;

typedef struct gs_catalogue {
	gs_indicator *v;
	size_t n;
} gs_catalogue;

/* Load PATH. On error prints "PROG: PATH[:LINE]: ..." and returns NULL
 * (a usage error). */
gs_catalogue *gs_catalogue_load(const char *path);

/* The indicator with this id, or NULL. */
const gs_indicator *gs_catalogue_find(const gs_catalogue *c, const char *id);

void gs_catalogue_free(gs_catalogue *c);

#endif
