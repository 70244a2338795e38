/* writer: records out as CSV, TSV or JSON lines.
 *
 * CSV: LF line ends, a field quoted only when it holds the delimiter, a
 * quote, CR or LF, quotes doubled. TSV: the same rules with TAB. JSON
 * lines: one object a record, keys in column order; text values are JSON
 * strings, columns marked numeric are JSON numbers, NA (a field whose p is
 * NULL) is null in JSON and empty in CSV and TSV.
 *
 * The writer buffers; gs_writer_flush (or gs_writer_free) hands the bytes
 * to the FILE, whose errors the caller checks (gs_close_stdout). */
#ifndef GS_WRITER_H
#define GS_WRITER_H

#include <stdio.h>

#include "buf.h"
#include "escape.h"
#include "records.h"

typedef struct gs_writer gs_writer;

/* A writer of FORMAT onto FP; it hashes what it writes when a manifest
 * is on (gs_writer_hash). */
gs_writer *gs_writer_new(FILE *fp, int format);

/* Set the columns and write the header line (CSV and TSV). NUMERIC, when
 * not NULL, marks columns whose values are written as JSON numbers. The
 * names are copied. */
void gs_writer_header(gs_writer *w, const gs_field *names, size_t n,
                      const unsigned char *numeric);

/* Write one record of N fields (N should equal the header's count; missing
 * fields are written empty, extra ones are left out). */
void gs_writer_row(gs_writer *w, const gs_field *f, size_t n);

/* Append to OUT the encoding of F[0..N) as the row's columns FROM ..
 * FROM+N-1 (separators included, no line end, for JSON no braces): rank
 * keeps rows this way, encoded once, and writes them later. */
void gs_writer_encode(const gs_writer *w, size_t from, const gs_field *f, size_t n, gs_buf *out);

/* Write a row whose first K columns were encoded by gs_writer_encode as
 * ENC[0..LEN), followed by the fields REST[0..NREST). */
void gs_writer_row_encoded(gs_writer *w, const char *enc, size_t len, size_t k,
                           const gs_field *rest, size_t nrest);

/* Hash and count what the writer writes from now on; gs_writer_digest
 * gives the SHA-256, bytes and rows after the last flush. A writer made
 * while a manifest is recorded (gs_manifest_begin before gs_writer_new)
 * hashes from its start without being asked; asking again changes
 * nothing. */
void gs_writer_hash(gs_writer *w);
void gs_writer_digest(gs_writer *w, char sha[65], unsigned long long *bytes, long *rows);

/* Write in ENCODING (an iconv(3) name such as gb18030; NULL or utf-8:
 * UTF-8) and, with BOM, begin with a byte-order mark (U+FEFF in that
 * encoding), for spreadsheets on Windows that open a file as it is: BOM
 * only where gs_bom_encoding allows it (the caller checks). UTF-16 with
 * neither LE nor BE gets the one mark iconv writes, with BOM or without.
 * Returns -1 when iconv knows no such encoding. A character the encoding
 * cannot hold stops the tool with an output error (status 3). */
int gs_writer_encoding(gs_writer *w, const char *encoding, int bom);

/* 1 when a byte-order mark may begin output in ENCODING (NULL: UTF-8):
 * UTF-8 and UTF-16, whose marks Excel knows. Excel takes GB18030's own
 * mark (84 31 95 33) for text, and needs none: on a Chinese Windows it
 * reads GB18030 as it is. */
int gs_bom_encoding(const char *encoding);

/* 1 when ENCODING is one of the Chinese national encodings (GB18030 and
 * the GBK and GB2312 it extends), whatever its spelling or iconv suffix. */
int gs_encoding_chinese(const char *encoding);

/* Name the file W writes (NAME is kept, not copied), for the message
 * that stops the tool on a character the encoding cannot hold; a writer
 * without a name writes the output. */
void gs_writer_name(gs_writer *w, const char *name);

void gs_writer_flush(gs_writer *w);

/* Write the whole document P[0..N), which is no record stream (the schema
 * of validate --infer), on standard output through gs_fwrite, so that
 * gs_close_stdout reports a failed write with its reason, and record it
 * in the manifest as the output: its SHA-256, bytes and ROWS (-1: it has
 * no rows). */
void gs_write_stdout(const char *p, size_t n, long rows);

/* Flush and free; the FILE stays open. */
void gs_writer_free(gs_writer *w);

#endif
