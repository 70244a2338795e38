/* lines: a text input read one line at a time, for the JSON-lines files
 * whose values nest (tally's partial streams, the audit manifest), which
 * the flat JSON reader of records.h refuses on purpose. */
#ifndef GS_LINES_H
#define GS_LINES_H

#include <stddef.h>

#include "input.h"

typedef struct gs_lines gs_lines;

/* Lines of IN, which the reader does not own. */
gs_lines *gs_lines_open(gs_input *in);

/* The next line, its '\n' left out (a '\r' before it is kept: JSON reads
 * it as space), into *P[0..*N), valid until the next call. Empty lines
 * are handed out too; a last line without '\n' is one when not empty.
 * Returns 1, 0 at the end of input, or -1 when IN cannot be read or
 * decoded (gs_input_error says why). */
int gs_lines_next(gs_lines *r, const char **p, size_t *n);

/* The number of the line last handed out (0 before the first). */
long gs_lines_number(const gs_lines *r);

void gs_lines_close(gs_lines *r);

#endif
