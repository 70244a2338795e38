/* records: one input's bytes turned into records, with line numbers.
 *
 * A pull parser (the tools never see libcsv's callbacks): each call to
 * gs_records_next hands back one record whose fields stay valid until the
 * next call. CSV follows RFC 4180 with CRLF, LF or lone CR line ends;
 * TSV is the same with TAB as the delimiter (the quoting Excel writes in
 * its "Unicode text" exports). Unquoted fields keep their spaces. Empty
 * lines between records are skipped. JSON lines: one flat object a line;
 * the first object's keys are the columns and come back as the first
 * record; later objects are aligned to them (a missing key is empty; an
 * extra or repeated key, a nested value or invalid JSON is a bad record).
 * Numbers keep their exact text; null is empty. */
#ifndef GS_RECORDS_H
#define GS_RECORDS_H

#include <stddef.h>

#include "input.h"

enum gs_format { GS_FMT_AUTO, GS_FMT_CSV, GS_FMT_TSV, GS_FMT_JSON, GS_FMT_XLSX, GS_FMT_XLS };

/* "csv", "tsv", "json" (also "jsonl"), "xlsx" or "xls"; -1 for anything
 * else. */
int gs_format_parse(const char *name);

/* A field: bytes P[0..N). P is NULL for "not applicable" (computed NA). */
typedef struct gs_field {
	const char *p;
	size_t n;
} gs_field;

/* The index of the first of NAMES[0..N) equal to WANT (a C string), or
 * -1: the one lookup of a column by its name in a header. */
long gs_field_find(const gs_field *names, size_t n, const char *want);

/* A record: its fields and the physical line on which it starts. */
typedef struct gs_row {
	gs_field *f;
	size_t n;
	long line;
} gs_row;

enum gs_rec_result {
	GS_REC_ROW,   /* a record */
	GS_REC_BAD,   /* a malformed record: ROW holds what could be read */
	GS_REC_EOF,   /* end of input */
	GS_REC_FAIL   /* the input cannot be read or decoded further */
};

typedef struct gs_records gs_records;

/* 1 for the spreadsheet formats, which are read, never written. */
int gs_format_is_workbook(int format);

/* Parse IN (which the parser does not own) as FORMAT; GS_FMT_AUTO picks
 * a workbook by its signature (a zip archive is .xlsx, an OLE2 compound
 * file .xls), JSON lines when the first byte is '{', else CSV. SKIP
 * physical lines are dropped first (title rows); in a workbook, the rows
 * numbered up to SKIP. */
gs_records *gs_records_open(gs_input *in, int format, long skip);

/* For a workbook (call before gs_records_start): the sheet to read (a
 * name, or a number from 1; NULL for the first), whether to fill merged
 * ranges in data rows with their first cell's value, and how many rows
 * make the header (merged ranges starting in them are not filled). */
void gs_records_sheet_options(gs_records *r, const char *sheet, int fill_merged, int header_rows);

/* Settle the format and open a workbook (gs_records_next does it when
 * not called). 0, or -1 when the input is not what it should be
 * (gs_records_reason says why). */
int gs_records_start(gs_records *r);

/* For a started workbook: the sheet being read, and all of them in
 * order (*NAMES valid until gs_records_close). NULL and 0 for text. */
const char *gs_records_sheet(const gs_records *r);
size_t gs_records_sheets(gs_records *r, const char *const **names);

/* Next record into *ROW. On GS_REC_BAD and GS_REC_FAIL, gs_records_reason
 * says why and ROW->line (or gs_records_line) says where. */
int gs_records_next(gs_records *r, gs_row *row);

/* Why the last record was bad, the input failed or the start failed. */
const gs_reason *gs_records_reason(const gs_records *r);

/* The text of the record last handed out, as read (decoded, its line end
 * left out; a record spanning lines keeps the line ends inside it), for
 * a rejects file to keep what could not be split into cells: *P NULL and
 * *N 0 for a workbook, whose rows are cells already. Valid until the
 * next call. */
void gs_records_raw(const gs_records *r, const char **p, size_t *n);

/* The physical line the parser has reached, for an error of the input;
 * 0 when the error was in reading (no line is to blame). */
long gs_records_line(const gs_records *r);

/* The format in use, once the first record was read. */
int gs_records_format(const gs_records *r);

void gs_records_close(gs_records *r);

#endif
