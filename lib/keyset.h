/* keyset: the key columns of a reference table, read row by row.
 *
 * A reference table is a file beside the inputs that lists the units a
 * run must know: tally's universe and unit register, the table a foreign
 * key of a schema points to. gs_keyset_open reads PATH through the
 * stream API with the caller's options, except that the file keeps its
 * own format (detected) and its own header, and finds the columns
 * NAMES[0..N) in that header; gs_keyset_next then hands out each data
 * row's values of those columns, in the order of NAMES, with the row's
 * line, for the caller to add to its set (each caller keys its set its
 * own way: raw values in order, or values made canonical by a schema).
 * A reference table is read whole or not at all: an unusable header, a
 * malformed row ("PROG: PATH:LINE: why") or a failed read ends the tool
 * with GS_IO. A name the header lacks is the caller's to report, in its
 * own words and with its own status (gs_keyset_missing); its value is
 * {NULL, 0} in every row. The strings of NAMES and of the options must
 * live until gs_keyset_close. */
#ifndef GS_KEYSET_H
#define GS_KEYSET_H

#include <stddef.h>

#include "stream.h"

typedef struct gs_keyset gs_keyset;

/* Open PATH and find NAMES[0..N) in its header; SO may be NULL for the
 * default options. Exits on an unusable header. */
gs_keyset *gs_keyset_open(const char *path, const gs_stream_opts *so, const char *const *names, size_t n);

/* The index in NAMES of the first name the header lacks, or -1. */
long gs_keyset_missing(const gs_keyset *k);

/* The next data row's key: 1 with *KEY (N values, valid until the next
 * call) and *LINE (may be NULL) set, or 0 at the end of the table. */
int gs_keyset_next(gs_keyset *k, const gs_field **key, long *line);

/* The stream being read, for the audit manifest. */
gs_stream *gs_keyset_stream(gs_keyset *k);

void gs_keyset_close(gs_keyset *k);

#endif
