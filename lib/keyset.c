/* keyset: the key columns of a reference table (keyset.h). */
#include "keyset.h"

#include <stdlib.h>

#include "diag.h"

struct gs_keyset {
	const char *path;
	gs_stream *st;
	long *col;               /* per name: header column, -1 when absent */
	gs_field *key;
	size_t n;
};

gs_keyset *gs_keyset_open(const char *path, const gs_stream_opts *so, const char *const *names, size_t n)
{
	gs_stream_opts o = {0};
	if (so)
		o = *so;
	o.format = GS_FMT_AUTO;
	o.header = NULL;
	o.nheader = 0;
	char *files[1] = {(char *)path};
	gs_keyset *k = gs_xcalloc(1, sizeof *k);
	k->path = path;
	k->st = gs_stream_open(files, 1, &o);
	const gs_field *hdr;
	size_t nh;
	if (gs_stream_header(k->st, &hdr, &nh) < 0)
		exit(gs_close_stdout(GS_IO));
	k->n = n;
	k->col = gs_xcalloc(n + 1, sizeof *k->col);
	k->key = gs_xcalloc(n + 1, sizeof *k->key);
	for (size_t i = 0; i < n; i++)
		k->col[i] = gs_field_find(hdr, nh, names[i]);
	return k;
}

long gs_keyset_missing(const gs_keyset *k)
{
	for (size_t i = 0; i < k->n; i++)
		if (k->col[i] < 0)
			return (long)i;
	return -1;
}

int gs_keyset_next(gs_keyset *k, const gs_field **key, long *line)
{
	gs_row r;
	int s = gs_stream_next(k->st, &r);
	if (s == GS_REC_EOF) {
		if (gs_stream_status(k->st))
			exit(gs_close_stdout(GS_IO));
		return 0;
	}
	if (s == GS_REC_BAD)
		gs_die(GS_IO, k->path, r.line, "%s", gs_reason_shown(gs_stream_reason(k->st)));
	/* a good row has every header column (the stream fills a
	 * workbook's short rows, and a short text row is bad) */
	for (size_t i = 0; i < k->n; i++)
		k->key[i] = k->col[i] >= 0 ? r.f[k->col[i]] : (gs_field){NULL, 0};
	*key = k->key;
	if (line)
		*line = r.line;
	return 1;
}

gs_stream *gs_keyset_stream(gs_keyset *k)
{
	return k->st;
}

void gs_keyset_close(gs_keyset *k)
{
	if (!k)
		return;
	gs_stream_close(k->st);
	free(k->col);
	free(k->key);
	free(k);
}
