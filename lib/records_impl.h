/* records_impl: what the record parsers of each format share. Internal
 * to the record readers (records.c, records_*.c) and to merges.c, which
 * fills a workbook's rows in place; the tests reach gs_csv_fast_path
 * here too. Tools use records.h.
 *
 * A format is one file (records_csv.c, records_jsonl.c) with a next and
 * a free function; records.c reads the text, skips lines, keeps the
 * physical line count and dispatches. A workbook format (records_xlsx.c,
 * records_xls.c) reads the raw bytes instead and has an open function
 * too: it skips rows by their number and its lines are row numbers. A new
 * source format is one more file and one more entry in records.c's
 * table. */
#ifndef GS_RECORDS_IMPL_H
#define GS_RECORDS_IMPL_H

#include "buf.h"
#include "records.h"

struct gs_records {
	gs_input *in;
	int format;
	long skip;               /* physical lines still to drop */
	const char *chunk;       /* input text not yet consumed */
	size_t left;
	int eof;

	long line;               /* physical line being read, from 1 */
	long rec_line;           /* line where the current record started */
	int at_line_start;
	int prev_cr;             /* the last byte consumed was a CR */
	int in_record;           /* bytes of an unfinished record were consumed */

	gs_buf data;             /* field bytes of the current record */
	gs_buf raw;              /* the current record's text, when it is not */
	const char *raw_p;       /*   one line of the chunk (raw_p into it) */
	size_t raw_n;
	gs_field *fields;        /* the row handed out */
	size_t capfields;

	/* workbooks (records.h: gs_records_sheet_options) */
	const char *sheet_spec;
	int fill_merged, header_rows;
	const char *sheet;       /* the sheet being read, once started */
	int started;

	void *state;             /* the format's own */
	gs_reason err;           /* why, of GS_REC_BAD, GS_REC_FAIL, a failed start */
};

/* Make sure some input text is at hand: 1, 0 at the end, -1 on error
 * (r->err says why). A format sets r->err with gs_reason_clear and
 * gs_reason_printf (reason.h). */
int gs_rec_more(gs_records *r);

/* Drop N bytes of the pending text. */
void gs_rec_consume(gs_records *r, size_t n);

/* Length of the pending text's first physical line, terminator included
 * (CR, LF, or CRLF within the chunk), or 0 when it has no terminator yet;
 * *ENDS_IN_CR is set when it ends in a CR that is the chunk's last byte
 * (its LF, if any, comes with the next chunk). */
size_t gs_rec_line_end(const char *p, size_t n, int *ends_in_cr);

/* Consume the LF of a CRLF split across chunks, if it is there; returns
 * 1 when one was consumed. FEED, when not NULL, is given the LF (a
 * record in progress keeps it). */
int gs_rec_eat_split_lf(gs_records *r, void (*feed)(gs_records *r, const char *p, size_t n));

/* The record handed out is the text of B (which must stay as it is
 * until the next record), less its final line end (records.h:
 * gs_records_raw). A format may instead point raw_p into the chunk. */
void gs_rec_raw_from(gs_records *r, const gs_buf *b);

/* Make room for N fields in r->fields. */
void gs_rec_fields(gs_records *r, size_t n);

/* 0 turns off records_csv.c's fast path for lines without quotes, so that
 * tests can compare it with libcsv's result. */
extern int gs_csv_fast_path;

/* The formats. */
int gs_csv_next(gs_records *r, gs_row *row);
void gs_csv_free(gs_records *r);
int gs_jsonl_next(gs_records *r, gs_row *row);
void gs_jsonl_free(gs_records *r);

/* Workbooks: open (the sheet picked, ready to read; -1 with r->err set)
 * and list the sheets. */
int gs_xlsx_open(gs_records *r);
int gs_xlsx_next(gs_records *r, gs_row *row);
void gs_xlsx_free(gs_records *r);
size_t gs_xlsx_sheets(gs_records *r, const char *const **names);
int gs_xls_open(gs_records *r);
int gs_xls_next(gs_records *r, gs_row *row);
void gs_xls_free(gs_records *r);
size_t gs_xls_sheets(gs_records *r, const char *const **names);

#endif
