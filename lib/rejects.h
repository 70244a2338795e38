/* rejects: where rows a tool cannot take go, and the count that proves
 * none was lost.
 *
 * With a path, rejected rows are written there in the output's format with
 * three more columns: _line (the physical line of the tool's input where
 * the row starts; ingest leaves it out when its --lineage gives it),
 * _error (why) and _raw (the row's text as read, when it could not be
 * split into the header's cells: a misplaced or unclosed quote, a wrong
 * number of cells, a JSON record that is not a flat object of the
 * header's keys; else empty). A name the input already has stays the
 * input's: the reject's own column then gets "_reject" in front
 * (_reject_line ...), so that a rejects file never repeats a column name
 * and every tool reads it. Without a path each rejected row is reported
 * on stderr as "TOOL: FILE:LINE: why". */
#ifndef GS_REJECTS_H
#define GS_REJECTS_H

#include <stddef.h>

#include "reason.h"
#include "records.h"
#include "stream.h"

typedef struct gs_rejects gs_rejects;

/* Open PATH for rejected rows in FORMAT; PATH NULL reports on stderr. An
 * unwritable path ends the tool (GS_IO). */
gs_rejects *gs_rejects_open(const char *path, int format);

/* Write the CSV and TSV rejects files opened from now on in ENCODING (an
 * iconv(3) name, NULL: UTF-8) and, with BOM, with a byte-order mark, as
 * gs_writer_encoding does: the tool's --encoding (--output-encoding) and
 * --bom, which gs_cli_start hands on, so that a rejects file opens in
 * Excel as the output does. ENCODING is kept, not copied (an argument).
 * JSON lines rejects stay UTF-8; the tools refuse both options for JSON
 * output. */
void gs_rejects_encoding(const char *encoding, int bom);

/* Name the reason column NAME instead of _error (validate lists several
 * errors in _errors). Call before gs_rejects_header. */
void gs_rejects_error_column(gs_rejects *rj, const char *name);

/* Take the text of bad rows (gs_stream_raw) from ST, for the _raw column
 * of the row rejected next after ST handed out a bad one. */
void gs_rejects_stream(gs_rejects *rj, gs_stream *st);

/* The columns of the rows to come. ADD_LINE adds the _line column. */
void gs_rejects_header(gs_rejects *rj, const gs_field *names, size_t n, int add_line);

/* Reject a row read from FILE at LINE, with its cells F[0..N), for WHY:
 * its English in the file, its translation on stderr (reason.h). */
void gs_rejects_add(gs_rejects *rj, const char *file, long line,
                    const gs_field *f, size_t n, const gs_reason *why);

/* Reject the row R the stream of gs_rejects_stream handed out, for WHY;
 * WHY NULL: the stream's own reason for a bad row (gs_stream_reason).
 * The one call for a row that a tool cannot take. */
void gs_rejects_row(gs_rejects *rj, const gs_row *r, const gs_reason *why);

long gs_rejects_count(const gs_rejects *rj);

/* Close the rejects file. Returns GS_OK, or GS_IO after reporting a write
 * error. */
int gs_rejects_close(gs_rejects *rj);

/* Print "TOOL: N rows read, N written, N rejected" on stderr, and
 * ", N dropped" when DROPPED (blank rows: gs_stream_empty_rows) is not 0.
 * READ counts the dropped rows too. */
void gs_summary(long read, long written, long rejected, long dropped);

/* ", N dropped", or "" when DROPPED is 0: for a tool whose summary line
 * says more (valid until the next call). */
const char *gs_dropped_note(long dropped);

#endif
