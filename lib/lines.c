/* lines: see lines.h. */
#include "lines.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"

struct gs_json_lines {
	gs_input *in;
	gs_buf buf;              /* text read, from DONE on not handed out */
	size_t done;
	long line;
	int eof;
};

gs_json_lines *gs_json_lines_open(gs_input *in)
{
	gs_json_lines *r = gs_xcalloc(1, sizeof *r);
	r->in = in;
	return r;
}

/* The next line into *P[0..*N), its '\n' left out: 1, 0 at the end, -1
 * when IN fails. */
static int next_line(gs_json_lines *r, const char **p, size_t *n)
{
	for (;;) {
		size_t left = r->buf.len - r->done;
		char *s = left ? r->buf.p + r->done : NULL;
		char *nl = left ? memchr(s, '\n', left) : NULL;
		if (nl || (r->eof && left)) {
			*p = s;
			*n = nl ? (size_t)(nl - s) : left;
			r->done += *n + (nl != NULL);
			r->line++;
			return 1;
		}
		if (r->eof)
			return 0;
		const char *text;
		ssize_t got = gs_input_read(r->in, &text);
		if (got < 0)
			return -1;
		if (got == 0) {
			r->eof = 1;
			continue;
		}
		/* keep only the unfinished line before adding to it */
		if (r->done) {
			memmove(r->buf.p, r->buf.p + r->done, left);
			r->buf.len = left;
			r->done = 0;
		}
		gs_buf_add(&r->buf, text, (size_t)got);
	}
}

/* JSON's white space (RFC 8259), which may surround a value. */
static size_t skip_space(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	return i;
}

enum gs_json_line gs_json_lines_next(gs_json_lines *r, cJSON **obj)
{
	*obj = NULL;
	const char *p;
	size_t n;
	int k = next_line(r, &p, &n);
	if (k <= 0)
		return k < 0 ? GS_JSONL_FAIL : GS_JSONL_EOF;
	if (skip_space(p, n) == n)
		return GS_JSONL_EMPTY;
	/* cJSON stops after the value: what follows it must be space, or
	 * two values run together would pass for the first */
	const char *end = NULL;
	cJSON *o = cJSON_ParseWithLengthOpts(p, n, &end, 0);
	if (!o)
		return GS_JSONL_BAD;
	size_t used = (size_t)(end - p);
	if (used + skip_space(end, n - used) != n) {
		cJSON_Delete(o);
		return GS_JSONL_BAD;
	}
	*obj = o;
	return GS_JSONL_VALUE;
}

long gs_json_lines_number(const gs_json_lines *r)
{
	return r->line;
}

void gs_json_lines_close(gs_json_lines *r)
{
	if (!r)
		return;
	gs_buf_free(&r->buf);
	free(r);
}
