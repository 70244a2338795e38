/* input: a file or standard input, decoded to UTF-8 text in chunks.
 *
 * Encodings: "auto" sniffs a UTF-8, UTF-16LE or UTF-16BE byte-order mark;
 * without one it judges the first 64 KiB: valid UTF-8 is read as UTF-8,
 * else bytes that read as Chinese in GB18030 (mostly GB2312's common
 * characters) as GB18030, else the input is UTF-8 and its first invalid
 * byte an error that names the encoding options. Past the first 64 KiB,
 * an invalid byte after only ASCII switches to GB18030 (exact: ASCII reads
 * the same in both) when what follows reads as Chinese; after UTF-8 text
 * it is an error (a file that mixes encodings).
 * Any other name is given to iconv. The byte-order mark never reaches the
 * caller. NUL bytes are an error: text ledgers never hold them. */
#ifndef GS_INPUT_H
#define GS_INPUT_H

#include <sys/types.h>

#include "reason.h"

typedef struct gs_input gs_input;

/* 1 if ENCODING is "auto" or a name iconv knows, else 0. */
int gs_encoding_known(const char *encoding);

/* Open PATH ("-" or NULL is standard input) to be read in ENCODING.
 * Returns NULL when the file cannot be opened or the encoding is unknown;
 * *WHY then points to a static description in the user's language (it is
 * only ever shown, never written to a stream). */
gs_input *gs_input_open(const char *path, const char *encoding, const char **why);

/* Open the bytes [OFF, OFF + LEN) of the regular file PATH only, read as
 * if they were the whole file: a piece of it cut at a line end, for
 * reading on threads. NULL as gs_input_open. */
gs_input *gs_input_open_range(const char *path, unsigned long long off, unsigned long long len,
                              const char *encoding, const char **why);

/* Read N bytes at DATA (not copied: they must outlive IN) as if they were
 * a file, in ENCODING; for tests and fuzzing. NULL for an unknown
 * encoding. */
gs_input *gs_input_from_memory(const void *data, size_t n, const char *encoding);

/* Next chunk of UTF-8 text, valid until the next call. Returns its length
 * (> 0), 0 at the end of input, or -1 when the input cannot be read or
 * decoded; gs_input_reason then says why. All text before a decoding error
 * has been returned by earlier calls. */
ssize_t gs_input_read(gs_input *in, const char **text);

/* Look at the first WANT raw bytes (at most 256 KiB) before anything is
 * decoded, to tell a binary format by its signature. *GOT says how many
 * are there (fewer at the end of the input or on an error). */
const unsigned char *gs_input_peek(gs_input *in, size_t want, size_t *got);

/* For readers that need random access (a workbook): read the input to its
 * end (so that gs_input_bytes and gs_input_sha256 cover the whole file)
 * and point *PATH at a name that opens all of it: the file itself when it
 * is a regular file read from its start, else a temporary copy (standard
 * input, a pipe) that is removed when IN is closed. Text already taken
 * with gs_input_read is not in the copy: call before reading. 0, or -1
 * with gs_input_reason set. */
int gs_input_whole(gs_input *in, const char **path);

/* For an input made by gs_input_from_memory: its bytes. 0, else -1. */
int gs_input_memory(const gs_input *in, const void **data, size_t *n);

/* Why the last gs_input_read returned -1. */
const gs_reason *gs_input_reason(const gs_input *in);

/* 1 if the last error was in reading the bytes (no line to name), 0 if
 * it was in decoding them. */
int gs_input_read_failed(const gs_input *in);

/* Hand out the bytes as they are, in the chunks read, instead of text:
 * nothing decoded, no byte-order mark taken off, NUL bytes let through
 * (call before the first read). For a file whose bytes are its meaning:
 * a manifest keeps each argument's bytes as the tool was given them,
 * whatever their encoding. */
void gs_input_raw(gs_input *in);

/* Hash the raw bytes as they are read (call before the first read). */
void gs_input_hash(gs_input *in);

/* The bytes read so far, and (after gs_input_hash) their SHA-256 as hex:
 * of the whole file once gs_input_read has returned 0. */
unsigned long long gs_input_bytes(const gs_input *in);
void gs_input_sha256(gs_input *in, char out[65]);

/* Close the file (not standard input) and free IN. NULL is allowed. */
void gs_input_close(gs_input *in);

#endif
