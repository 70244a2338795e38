/* rejects: where rows a tool cannot take go, and the count that proves
 * none was lost.
 *
 * With a path, rejected rows are written there in the output's format with
 * two more columns, _line (the physical line where the row starts; left
 * out when the row already carries one) and _error (why). Without a path
 * each rejected row is reported on stderr as "TOOL: FILE:LINE: why". */
#ifndef GS_REJECTS_H
#define GS_REJECTS_H

#include <stddef.h>

#include "records.h"

typedef struct gs_rejects gs_rejects;

/* Open PATH for rejected rows in FORMAT; PATH NULL reports on stderr. An
 * unwritable path ends the tool (GS_IO). */
gs_rejects *gs_rejects_open(const char *path, int format);

/* Name the reason column NAME instead of _error (validate lists several
 * errors in _errors). Call before gs_rejects_header. */
void gs_rejects_error_column(gs_rejects *rj, const char *name);

/* The columns of the rows to come. ADD_LINE adds the _line column. */
void gs_rejects_header(gs_rejects *rj, const gs_field *names, size_t n, int add_line);

/* Reject a row read from FILE at LINE, with its cells F[0..N). */
void gs_rejects_add(gs_rejects *rj, const char *file, long line,
                    const gs_field *f, size_t n, const char *why);

long gs_rejects_count(const gs_rejects *rj);

/* Close the rejects file. Returns GS_OK, or GS_IO after reporting a write
 * error. */
int gs_rejects_close(gs_rejects *rj);

/* Print "TOOL: N rows read, N written, N rejected" on stderr. */
void gs_summary(long read, long written, long rejected);

#endif
