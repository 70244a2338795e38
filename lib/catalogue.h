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
 *                   "veto": true, "name": "homicide"},
 *      "over": "village",                          see below
 *      "negative_list": "hits" | "veto" | "deduction"},   see below
 *    ...],
 *    "negative_list": {"event": "event_id", "order": "date",
 *                      "sensitive": "sensitive == 1",
 *                      "repeat": 2, "sensitive_period": 2},
 *    "checks": [...]}             read by people and scripts, not by tally
 *
 * A negative-list item (an indicator with "negative") is the events its
 * "where" selects. An indicator with "negative_list" has no "agg": it is
 * made from the items, as add(events(WHERE, EVENT, ORDER, SENSITIVE), ...)
 * over every item ("hits"), over the veto items ("veto"), or as
 * add(deduction(POINTS, REPEAT, SENSITIVE_PERIOD, events(...)), ...)
 * ("deduction"): the first event of an item takes its points, each later
 * one REPEAT times them, an event in a sensitive period SENSITIVE_PERIOD
 * times (both: the product). The settings default to the values above.
 *
 * "over": "village" makes an indicator aggregate the rows of a lower
 * level: one row per village of the unit register, with township,
 * village and the village-level indicators its agg names as fields
 * (tally --from with --universe). Without --from, the input is that
 * table.
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
	char *over;              /* the lower level it aggregates, or NULL */
	char *negative_list;     /* "hits", "veto", "deduction", or NULL */
	int negative;            /* a negative-list item */
	char *deduction;         /* its points, as written */
	int veto;
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
