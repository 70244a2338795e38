/* lines: see lines.h. */
#include "lines.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"

struct gs_lines {
	gs_input *in;
	gs_buf buf;              /* text read, from DONE on not handed out */
	size_t done;
	long line;
	int eof;
};

gs_lines *gs_lines_open(gs_input *in)
{
	gs_lines *r = gs_xcalloc(1, sizeof *r);
	r->in = in;
	return r;
}

int gs_lines_next(gs_lines *r, const char **p, size_t *n)
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

long gs_lines_number(const gs_lines *r)
{
	return r->line;
}

void gs_lines_close(gs_lines *r)
{
	if (!r)
		return;
	gs_buf_free(&r->buf);
	free(r);
}
