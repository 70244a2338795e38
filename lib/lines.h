/* lines: a file of JSON lines, one value a line, whose values may nest
 * (tally's partial streams, the audit manifest), which the flat JSON
 * reader of records.h refuses on purpose. */
#ifndef GS_LINES_H
#define GS_LINES_H

#include <stddef.h>

#include "input.h"

struct cJSON;

typedef struct gs_json_lines gs_json_lines;

/* The lines of IN, which the reader does not own: IN decodes (or, after
 * gs_input_raw, passes the bytes through) and may hash what is read. */
gs_json_lines *gs_json_lines_open(gs_input *in);

enum gs_json_line {
	GS_JSONL_VALUE,   /* a line that is one JSON value */
	GS_JSONL_EMPTY,   /* a line of JSON white space only, or nothing */
	GS_JSONL_BAD,     /* a line that is not one JSON value */
	GS_JSONL_EOF,     /* the end of the input */
	GS_JSONL_FAIL     /* IN cannot be read or decoded further: gs_input_reason */
};

/* The next line: GS_JSONL_VALUE with *OBJ its value, the caller's
 * (cJSON_Delete); else *OBJ is NULL. A line ends at '\n'; white space
 * around the value (a '\r' before the '\n', the tab of KEY TAB VALUE)
 * is no part of it, and anything else after it makes the line bad. A
 * last line without '\n' counts; a line may be of any length. */
enum gs_json_line gs_json_lines_next(gs_json_lines *r, struct cJSON **obj);

/* The number of the line last handed out (0 before the first). */
long gs_json_lines_number(const gs_json_lines *r);

void gs_json_lines_close(gs_json_lines *r);

#endif
