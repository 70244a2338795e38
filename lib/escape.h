/* escape: text as a CSV or TSV field and as a JSON string, appended to a
 * buffer. The writer, the manifest and the rejects' _raw column share
 * these, so that every file govstat writes quotes alike. */
#ifndef GS_ESCAPE_H
#define GS_ESCAPE_H

#include <stddef.h>

#include "buf.h"

/* Append P[0..N) to B as a CSV field with delimiter DELIM, quoted only
 * when it holds DELIM, a quote, CR or LF (quotes doubled). */
void gs_csv_field(gs_buf *b, const char *p, size_t n, char delim);

/* Append P[0..N) as a JSON string, quotes included. */
void gs_json_string(gs_buf *b, const char *p, size_t n);

#endif
