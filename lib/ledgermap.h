/* ledgermap: the ingest map that turns a county ledger's columns and
 * values into canonical ones, and the per-row plan built from it.
 *
 * A map is a JSON object; every key is optional:
 *   "fields":  {"raw header": "canonical_name", ...}; several raw headers
 *              may give one name (templates of other years): a file then
 *              has exactly one of them
 *   "drop":    ["raw header", ...]          columns left out (absent ones ignored)
 *   "values":  {"canonical": {"raw value": "code", "*": "default"}, ...}
 *   "dates":   ["canonical", ...] or {"canonical": {"excel": 1900|1904,
 *                                                "time": "drop"}}
 *   "datetimes": the same (without "time"): YYYY-MM-DDTHH:MM:SS, a date
 *              alone at 00:00:00
 *   "drop_rows": {"canonical": ["小计", "合计"]}   rows left out, counted
 *   "numbers": ["canonical", ...]
 *   "skip", "header_rows", "footer", "encoding": the ledger's layout, as
 *              the options of the same names (the command line wins).
 * Any other key, or a value of the wrong kind, is an error: a map that
 * silently does less than its author meant would publish wrong figures. */
#ifndef GS_LEDGERMAP_H
#define GS_LEDGERMAP_H

#include <stddef.h>

#include "buf.h"
#include "reason.h"
#include "records.h"

typedef struct gs_map gs_map;

/* Load the map at PATH. On error prints "PROG: PATH: ..." and returns NULL
 * (the caller exits GS_USAGE). */
gs_map *gs_map_load(const char *path);

/* The same from TEXT[0..LEN); PATH names it in messages. */
gs_map *gs_map_load_text(const char *path, const char *text, size_t len);

/* The layout the map gives: -1, 0 or NULL when it gives none. */
long gs_map_skip(const gs_map *m);
int gs_map_header_rows(const gs_map *m);
const char *const *gs_map_footer(const gs_map *m, size_t *n);
const char *gs_map_encoding(const gs_map *m);

void gs_map_free(gs_map *m);

typedef struct gs_plan gs_plan;

/* Plan the output for a stream whose header is RAW[0..N): which columns
 * stay, their names and their transformations. M may be NULL (columns pass
 * as they are); M records which of its "drop" columns the header has, for
 * gs_map_warn_drops. TRIM trims every value. Returns NULL after printing
 * "PROG: FILE:LINE: ..." (LINE where the header starts) when the header
 * does not fit the map (GS_IO). */
gs_plan *gs_plan_new(gs_map *m, const gs_field *raw, size_t n, int trim, const char *file,
                     long line);

/* How the header RAW[0..N) looks when gs_plan_new found it does not fit
 * M, for a hint that the file was read in the wrong encoding:
 * GS_MISREAD_TEXT when a name holds a character no ledger's header has
 * (U+FFFD, a control character, the private use area where GBK's and
 * Big5's user-defined codes land), GS_MISREAD_NONE when not one of the
 * columns M names (renames, rules, drop_rows) is there and the header is
 * not all ASCII (which reads the same in every encoding a ledger comes
 * in), else 0. */
enum { GS_MISREAD_TEXT = 1, GS_MISREAD_NONE = 2 };
int gs_map_misread(const gs_map *m, const gs_field *raw, size_t n);

/* Output column names; valid while the plan lives. */
size_t gs_plan_columns(const gs_plan *p, const gs_field **names);

/* Transform ROW into *OUT (valid until the next call). Returns 0, or -1
 * with the reason, naming the field, appended to WHY; *OUT then holds
 * the row as far as it could be transformed (the bad cell as it was
 * read). */
int gs_plan_apply(gs_plan *p, const gs_row *row, gs_field **out, gs_reason *why);

/* 1 when ROW is one of the rows the map's drop_rows leaves out (a
 * subtotal, a total): its cell in a listed field, trimmed, is one of the
 * listed values. */
int gs_plan_drop(const gs_plan *p, const gs_row *row);

/* 1 when the map has drop_rows (the summary then counts drops). */
int gs_map_has_drop_rows(const gs_map *m);

/* Warn, on stderr, of every "drop" name no plan's header had: after the
 * last file, a typo that kept a column shows. */
void gs_map_warn_drops(const gs_map *m);

void gs_plan_free(gs_plan *p);

#endif
