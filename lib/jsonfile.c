#include "jsonfile.h"
#include "buf.h"
#include "diag.h"
#include "input.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *gs_file_bytes(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	gs_buf text = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		gs_buf_add(&text, chunk, n);
	int bad = ferror(fp);
	fclose(fp);
	if (bad) {
		gs_buf_free(&text);
		errno = EIO;
		return NULL;
	}
	gs_buf_reserve(&text, 0);   /* a buffer, even for an empty file */
	text.p[text.len] = '\0';
	*len = text.len;
	return text.p;
}

char *gs_read_file(const char *path, size_t *len, const char *what)
{
	char *p = gs_file_bytes(path, len);
	if (!p)
		gs_msg(path, 0, "cannot %s %s: %s", errno == EIO ? "read" : "open", what, strerror(errno));
	return p;
}

/* The first key repeated within one object of the tree, or NULL. */
static const char *repeated_key(const cJSON *node)
{
	for (const cJSON *a = node ? node->child : NULL; a; a = a->next) {
		if (cJSON_IsObject(node))
			for (const cJSON *b = a->next; b; b = b->next)
				if (a->string && b->string && !strcmp(a->string, b->string))
					return a->string;
		const char *k = repeated_key(a);
		if (k)
			return k;
	}
	return NULL;
}

cJSON *gs_json_parse(const char *path, const char *t, size_t len, const char *what)
{
	if (len >= 3 && !memcmp(t, "\xEF\xBB\xBF", 3)) {
		t += 3;
		len -= 3;
	}
	cJSON *root = cJSON_ParseWithLengthOpts(t, len, NULL, 0);
	if (!root) {
		const char *at = cJSON_GetErrorPtr();
		long line = 1;
		for (const char *p = t; at && p < at && p < t + len; p++)
			line += *p == '\n';
		gs_msg(path, line, "the %s is not valid JSON", what);
		return NULL;
	}
	/* which of two values a setting means is a guess: refuse it */
	const char *k = repeated_key(root);
	if (k) {
		gs_msg(path, 0, "the %s gives the key '%s' twice in one object", what, k);
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

cJSON *gs_json_load(const char *path, const char *what)
{
	size_t len;
	char *text = gs_read_file(path, &len, what);
	if (!text)
		return NULL;
	cJSON *root = gs_json_parse(path, text, len, what);
	free(text);
	return root;
}

struct gs_json_lines {
	gs_input *in;
	gs_buf line;             /* text read, the lines not handed out yet */
	size_t done;             /* bytes of LINE already handed out */
	int eof;
	long lineno;
};

gs_json_lines *gs_json_lines_open(const char *path, const char *encoding, const char **why)
{
	gs_input *in = gs_input_open(path, encoding, why);
	if (!in)
		return NULL;
	gs_json_lines *r = gs_xcalloc(1, sizeof *r);
	r->in = in;
	return r;
}

int gs_json_lines_next(gs_json_lines *r, cJSON **obj)
{
	*obj = NULL;
	for (;;) {
		size_t left = r->line.len - r->done;
		char *s = left ? r->line.p + r->done : NULL;
		char *nl = left ? memchr(s, '\n', left) : NULL;
		if (nl || (r->eof && left)) {
			size_t len = nl ? (size_t)(nl - s) : left;
			r->done += len + (nl ? 1 : 0);
			r->lineno++;
			*obj = cJSON_ParseWithLength(s, len);
			return 1;
		}
		if (r->eof)
			return 0;
		const char *text;
		ssize_t n = gs_input_read(r->in, &text);
		if (n < 0)
			return -1;
		if (n == 0) {
			r->eof = 1;
			continue;
		}
		/* keep only the unfinished line before adding the next chunk */
		if (r->done) {
			memmove(r->line.p, r->line.p + r->done, left);
			r->line.len = left;
			r->done = 0;
		}
		gs_buf_add(&r->line, text, (size_t)n);
	}
}

long gs_json_lines_line(const gs_json_lines *r)
{
	return r->lineno;
}

const char *gs_json_lines_error(const gs_json_lines *r)
{
	return gs_input_error(r->in);
}

void gs_json_lines_close(gs_json_lines *r)
{
	if (!r)
		return;
	gs_input_close(r->in);
	gs_buf_free(&r->line);
	free(r);
}
