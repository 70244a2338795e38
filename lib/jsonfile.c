#include "jsonfile.h"
#include "buf.h"
#include "diag.h"
#include "i18n.h"

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
	if (p)
		return p;
	if (errno == EIO)
		gs_msg(path, 0, "cannot read %s: %s", _(what), strerror(errno));
	else
		gs_msg(path, 0, "cannot open %s: %s", _(what), strerror(errno));
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
		gs_msg(path, line, "the %s is not valid JSON", _(what));
		return NULL;
	}
	/* which of two values a setting means is a guess: refuse it */
	const char *k = repeated_key(root);
	if (k) {
		gs_msg(path, 0, "the %s gives the key '%s' twice in one object", _(what), k);
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
