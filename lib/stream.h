/* stream: the records of several files read in order as one stream.
 *
 * A workbook (.xlsx, .xls) is one sheet of it: its display name is
 * FILE[SHEET], its lines are row numbers, and rows shorter than the
 * header (a spreadsheet leaves trailing empty cells out) are filled with
 * empty cells.
 *
 * Each file is decoded (input.h) and parsed (records.h); its first record
 * (or first HEADER_ROWS records, joined as Excel writes merged header
 * cells) is its header. Header names are trimmed of ASCII and U+3000
 * spaces; an empty or repeated name, or a header that differs from the
 * first file's, makes that file unusable. Problems with a file (cannot
 * open, cannot decode, unusable header) are reported on stderr as they
 * happen, the stream goes on with the next file, and gs_stream_status
 * becomes GS_IO. Bad rows are handed to the caller, which must reject
 * them: the stream never drops a data row.
 *
 * A long read shows its progress on stderr (progress.h), counted in the
 * raw bytes of all the files and the records read, until the stream's
 * end (GS_REC_EOF) or gs_stream_close. */
#ifndef GS_STREAM_H
#define GS_STREAM_H

#include <stddef.h>

#include "progress.h"
#include "records.h"

/* The most records a header may be made of (ingest --header-rows, a
 * map's header_rows): a ledger's header is a few rows, and they are
 * joined in arrays of this size. */
#define GS_HEADER_ROWS_MAX 16

typedef struct gs_stream_opts {
	const char *encoding;        /* "auto" when NULL */
	int format;                  /* GS_FMT_AUTO to detect */
	long skip;                   /* lines dropped before each header */
	int header_rows;             /* records that make the header, at most
	                                GS_HEADER_ROWS_MAX (0 = 1) */
	const char *const *footer;   /* a row whose first non-empty cell */
	size_t nfooter;              /*   starts with one of these ends a file */
	int hash;                    /* keep each file's SHA-256 (gs_stream_files) */
	int any_names;               /* let empty and repeated header names through
	                                (the caller checks them) */
	const char *sheet;           /* of a workbook: name or number; NULL first */
	int fill_merged;             /* of a workbook: fill merged data cells */
	const gs_field *header;      /* the header names, from elsewhere: every */
	size_t nheader;              /*   file is data only (CSV, TSV), and a row
	                                equal to this header is left out */
	int no_progress;             /* never a progress line (progress.h), as for
	                                one part of an input read by several threads */
} gs_stream_opts;

/* What was read of one file: for reports and the audit manifest. */
typedef struct gs_file_stat {
	char *name;                  /* as given ("-" for standard input) */
	unsigned long long bytes;    /* raw bytes read */
	char sha256[65];             /* "" unless opts.hash */
	long rows;                   /* data rows (good and bad) */
	long skipped;                /* blank and footer rows left out */
	int complete;                /* read to the end */
	gs_reason why;               /* when the stream left it early: why (its
	                                header, a byte it cannot decode...), as
	                                stderr said; else empty */
	long other_header;           /* when it was left for a header other than
	                                the first file's: the column where they
	                                part (1 on); else 0 */
} gs_file_stat;

typedef struct gs_stream gs_stream;

/* FILES[0..NFILES) ("-" is standard input; NFILES 0 means standard
 * input). The options are copied; the strings they point to must live as
 * long as the stream. More than GS_HEADER_ROWS_MAX header rows is the
 * caller's error: reported, and the tool ends with GS_USAGE (tools check
 * their options first, with a message of their own). */
gs_stream *gs_stream_open(char *const *files, size_t nfiles, const gs_stream_opts *o);

/* The header of the stream: the first file that has a usable one. Returns
 * 0, or -1 when no file had a header (already reported). The names stay
 * valid until gs_stream_close. */
int gs_stream_header(gs_stream *s, const gs_field **names, size_t *n);

/* The next data row: GS_REC_ROW, GS_REC_BAD (gs_stream_reason says why;
 * the caller rejects it) or GS_REC_EOF. The row is valid until the next
 * call. */
int gs_stream_next(gs_stream *s, gs_row *row);

/* Why the last GS_REC_BAD row is bad (reason.h: the English for a rejects
 * file, the user's language for stderr); valid until the next call. */
const gs_reason *gs_stream_reason(const gs_stream *s);

/* The display name of the file being read ("-" for standard input). */
const char *gs_stream_file(const gs_stream *s);

/* GS_IO once any file could not be read whole, else GS_OK. */
int gs_stream_status(const gs_stream *s);

/* Rows the stream never hands out, for every tool alike, and which a
 * tool counts as read and dropped: those where every cell was empty or
 * blank (spaces, tabs, U+3000; a JSON {}), and the footer rows that ended
 * a file with every record after them, which are not data (a record
 * after the footer line that is neither blank nor footer text is named
 * in a warning). gs_stream_footer_rows: how many of them are footer. */
long gs_stream_empty_rows(const gs_stream *s);
long gs_stream_footer_rows(const gs_stream *s);

/* The files finished so far, in order. */
const gs_file_stat *gs_stream_files(const gs_stream *s, size_t *n);

/* When the row last handed out was GS_REC_BAD: 1, and its text as read
 * in *P[0..*N) (records.h: gs_records_raw; of a workbook, its cells as a
 * CSV line), valid until the next call. Else 0. */
int gs_stream_raw(gs_stream *s, const char **p, size_t *n);

/* The line where the header of the file being read starts (its first
 * header row), for diagnostics about the header; 0 before one was read. */
long gs_stream_header_line(const gs_stream *s);

/* 1 when the last GS_REC_BAD row was bad only for its number of fields. */
int gs_stream_bad_width(const gs_stream *s);

/* 1 when the last row handed out was GS_REC_BAD for a cell a workbook
 * reader could not read (a formula with no value saved, a bad date):
 * its other cells are as read, so that a caller may still judge the row
 * by them (ingest's drop_rows). A text row that could not be split is
 * not: its cells are not the header's. */
int gs_stream_bad_cell(const gs_stream *s);

/* The format for output like the input: that of the first file whose
 * header was read ("auto" resolved), CSV for a workbook; before any
 * header, the format asked for (CSV for "auto"). */
int gs_stream_format(const gs_stream *s);

/* 1 when a progress line may be drawn for S (progress.h: forced, or
 * stderr a terminal), else 0. */
int gs_stream_shows_progress(const gs_stream *s);

/* A stream over the bytes [OFF, OFF + LEN) of the regular file PATH, a
 * piece of it cut at a record boundary, read as UTF-8 (gs_input_open_range)
 * in FORMAT (CSV or TSV) and named NAME in messages (PATH and NAME are not
 * copied). With NAMES NULL the piece starts with the file's header; else
 * it is data only, under the file's header NAMES[0..NCOLS) (copied; their
 * bytes must outlive the stream), and every row is kept. Line numbers
 * count from the piece's start. Not watched by the manifest: the file's
 * own stream is. */
gs_stream *gs_stream_open_range(const char *path, const char *name, unsigned long long off,
                                unsigned long long len, int format, const gs_field *names,
                                size_t ncols);

void gs_stream_close(gs_stream *s);

#endif
