/* jsonfile: reading the JSON setting files (maps, schemas, catalogues,
 * score sheets), with one way of reporting what is wrong. WHAT names the
 * file's kind in the messages: an English noun marked N_("map"), printed
 * in the user's language. */
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

#endif
