/* jsonfile: reading the JSON setting files (maps, schemas, catalogues,
 * score sheets), with one way of reporting what is wrong. */
#ifndef GS_JSONFILE_H
#define GS_JSONFILE_H

#include <stddef.h>

struct cJSON;

/* Parse TEXT[0..LEN) (a UTF-8 byte-order mark is skipped). On a syntax
 * error prints "PROG: PATH:LINE: the WHAT is not valid JSON" and returns
 * NULL; so it does when an object gives a key twice (JSON leaves which one
 * counts open). The caller owns the tree (cJSON_Delete). */
struct cJSON *gs_json_parse(const char *path, const char *text, size_t len, const char *what);

/* Read PATH whole and parse it as above; "cannot open WHAT" when it cannot
 * be read. */
struct cJSON *gs_json_load(const char *path, const char *what);

/* Read PATH whole into a new NUL-terminated buffer (*LEN bytes). NULL
 * with errno set (EIO for a failed read), printing nothing. */
char *gs_file_bytes(const char *path, size_t *len);

/* gs_file_bytes, but a failure is reported: "PROG: PATH: cannot open WHAT:
 * why" (or "cannot read"). */
char *gs_read_file(const char *path, size_t *len, const char *what);

/* A file of JSON lines, one value a line, whose values may nest (a
 * manifest); records.h reads flat objects as records instead. */
typedef struct gs_json_lines gs_json_lines;

/* Open PATH ("-" is standard input). The bytes are taken as they are,
 * not decoded: JSON is UTF-8, and a manifest keeps each argument's bytes
 * as the tool was given them. NULL when it cannot be opened: *WHY says
 * why. */
gs_json_lines *gs_json_lines_open(const char *path, const char **why);

/* The next line, parsed: 1 with *OBJ the caller's tree (cJSON_Delete), or
 * NULL when the line is not valid JSON (an empty line is not); 0 at the
 * end of the input; -1 when it cannot be read further (gs_json_lines_error
 * says why). A last line without a line end counts; a line may be of any
 * length. */
int gs_json_lines_next(gs_json_lines *r, struct cJSON **obj);

/* The number of the line last handed out, from 1. */
long gs_json_lines_line(const gs_json_lines *r);

const char *gs_json_lines_error(const gs_json_lines *r);

void gs_json_lines_close(gs_json_lines *r);

#endif
