#include "rejects.h"
#include "i18n.h"
#include "buf.h"
#include "diag.h"
#include "hash.h"
#include "manifest.h"
#include "writer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct gs_rejects {
	char *path;
	FILE *fp;
	int format;
	gs_writer *w;
	size_t ncols;
	int add_line;
	const char *errcol;
	char *own[3];            /* the names of _line, _error and _raw */
	gs_stream *st;           /* where bad rows' text comes from */
	gs_field *row;
	long count;
};

/* gs_rejects_encoding's, for every rejects file of the run */
static const char *out_encoding;
static int out_bom;

void gs_rejects_encoding(const char *encoding, int bom)
{
	out_encoding = encoding;
	out_bom = bom;
}

/* BASE, or BASE with "_reject" in front as often as needed for a name
 * that is none of the input's NAMES[0..N): a column of the input (the
 * _line of ingest --lineage, the columns of a rejects file read again)
 * keeps its name, and the reject's own columns never repeat one. The
 * bases differ in their ends, so the names made stay apart. Returns a
 * new string. */
static char *own_name(const char *base, const gs_field *names, size_t n)
{
	gs_buf b = {0};
	gs_buf_adds(&b, base);
	for (;;) {
		int clash = 0;
		for (size_t i = 0; i < n && !clash; i++)
			clash = names[i].n == b.len && !memcmp(names[i].p, b.p, b.len);
		if (!clash)
			break;
		gs_buf c = {0};
		gs_buf_adds(&c, "_reject");
		gs_buf_add(&c, b.p, b.len);
		gs_buf_free(&b);
		b = c;
	}
	char *r = gs_xstrndup(b.p, b.len);
	gs_buf_free(&b);
	return r;
}

gs_rejects *gs_rejects_open(const char *path, int format)
{
	FILE *fp = NULL;
	if (path && !(fp = fopen(path, "w")))
		gs_die(GS_IO, path, 0, "cannot write rejects: %s", strerror(errno));
	gs_rejects *rj = calloc(1, sizeof *rj);
	if (!rj)
		gs_die(GS_IO, NULL, 0, "out of memory");
	rj->format = format;
	rj->fp = fp;
	if (path)
		rj->path = gs_xstrndup(path, strlen(path));
	return rj;
}

void gs_rejects_error_column(gs_rejects *rj, const char *name)
{
	rj->errcol = name;
}

void gs_rejects_stream(gs_rejects *rj, gs_stream *st)
{
	rj->st = st;
}

void gs_rejects_header(gs_rejects *rj, const gs_field *names, size_t n, int add_line)
{
	rj->ncols = n;
	rj->add_line = add_line;
	rj->row = gs_xmalloc((n + 3) * sizeof *rj->row);
	if (!rj->fp)
		return;
	const char *base[3] = {"_line", rj->errcol ? rj->errcol : "_error", "_raw"};
	for (int i = 0; i < 3; i++)
		if (i || add_line)
			rj->own[i] = own_name(base[i], names, n);
	gs_field *h = gs_xmalloc((n + 3) * sizeof *h);
	memcpy(h, names, n * sizeof *h);
	size_t k = n;
	for (int i = 0; i < 3; i++)
		if (rj->own[i])
			h[k++] = (gs_field){rj->own[i], strlen(rj->own[i])};
	rj->w = gs_writer_new(rj->fp, rj->format);
	gs_writer_name(rj->w, rj->path);
	if ((rj->format == GS_FMT_CSV || rj->format == GS_FMT_TSV) &&
	    gs_writer_encoding(rj->w, out_encoding, out_bom) < 0)
		gs_die(GS_USAGE, rj->path, 0, "unknown encoding '%s'", out_encoding);
	gs_writer_header(rj->w, h, k, NULL);
	free(h);
}

void gs_rejects_add(gs_rejects *rj, const char *file, long line,
                    const gs_field *f, size_t n, const gs_reason *reason)
{
	rj->count++;
	if (!rj->fp) {
		gs_msg(file, line, "%s", gs_reason_shown(reason));   /* a file keeps the English */
		return;
	}
	const char *why = gs_reason_en(reason);
	char num[32];
	size_t k = 0;
	for (; k < rj->ncols; k++)
		rj->row[k] = k < n ? f[k] : (gs_field){"", 0};
	if (rj->add_line) {
		int len = snprintf(num, sizeof num, "%ld", line);
		rj->row[k++] = (gs_field){num, (size_t)len};
	}
	rj->row[k++] = (gs_field){why, strlen(why)};
	const char *raw = NULL;
	size_t nraw = 0;
	if (rj->st)
		gs_stream_raw(rj->st, &raw, &nraw);
	rj->row[k++] = (gs_field){raw ? raw : "", nraw};
	gs_writer_row(rj->w, rj->row, k);
}

void gs_rejects_row(gs_rejects *rj, const gs_row *r, const gs_reason *why)
{
	gs_reason malformed = {0};
	if (!why && rj->st)
		why = gs_stream_reason(rj->st);
	else if (!why) {
		gs_reason_say(&malformed, N_("malformed row"));
		why = &malformed;
	}
	gs_rejects_add(rj, rj->st ? gs_stream_file(rj->st) : NULL, r->line, r->f, r->n, why);
	gs_reason_free(&malformed);
}

long gs_rejects_count(const gs_rejects *rj)
{
	return rj->count;
}

int gs_rejects_close(gs_rejects *rj)
{
	int status = GS_OK;
	if (rj->fp) {
		if (rj->w && gs_manifest_on()) {
			char sha[65];
			unsigned long long bytes;
			long rows;
			gs_writer_digest(rj->w, sha, &bytes, &rows);
			gs_manifest_written(rj->path, "rejects", sha, bytes, rows);
		}
		gs_writer_free(rj->w);
		errno = 0;
		if (ferror(rj->fp) | (fclose(rj->fp) != 0)) {
			gs_msg(rj->path, 0, "write error: %s", errno ? strerror(errno) : "unknown");
			status = GS_IO;
		}
	}
	free(rj->path);
	for (int i = 0; i < 3; i++)
		free(rj->own[i]);
	free(rj->row);
	free(rj);
	return status;
}

const char *gs_dropped_note(long dropped)
{
	static char note[48];
	note[0] = 0;
	if (dropped)
		snprintf(note, sizeof note, _(", %ld dropped"), dropped);
	return note;
}

void gs_summary(long read, long written, long rejected, long dropped)
{
	gs_msg(NULL, 0, "%ld rows read, %ld written, %ld rejected%s", read, written, rejected,
	       gs_dropped_note(dropped));
}
