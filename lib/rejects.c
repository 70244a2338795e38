#include "rejects.h"
#include "buf.h"
#include "diag.h"
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
	gs_field *row;
	long count;
};

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

void gs_rejects_header(gs_rejects *rj, const gs_field *names, size_t n, int add_line)
{
	rj->ncols = n;
	rj->add_line = add_line;
	rj->row = gs_xmalloc((n + 2) * sizeof *rj->row);
	if (!rj->fp)
		return;
	gs_field *h = gs_xmalloc((n + 2) * sizeof *h);
	memcpy(h, names, n * sizeof *h);
	size_t k = n;
	if (add_line)
		h[k++] = (gs_field){"_line", 5};
	const char *ec = rj->errcol ? rj->errcol : "_error";
	h[k++] = (gs_field){ec, strlen(ec)};
	rj->w = gs_writer_new(rj->fp, rj->format);
	if (gs_manifest_on())
		gs_writer_hash(rj->w);
	gs_writer_header(rj->w, h, k, NULL);
	free(h);
}

void gs_rejects_add(gs_rejects *rj, const char *file, long line,
                    const gs_field *f, size_t n, const char *why)
{
	rj->count++;
	if (!rj->fp) {
		gs_msg(file, line, "%s", why);
		return;
	}
	char num[32];
	size_t k = 0;
	for (; k < rj->ncols; k++)
		rj->row[k] = k < n ? f[k] : (gs_field){"", 0};
	if (rj->add_line) {
		int len = snprintf(num, sizeof num, "%ld", line);
		rj->row[k++] = (gs_field){num, (size_t)len};
	}
	rj->row[k++] = (gs_field){why, strlen(why)};
	gs_writer_row(rj->w, rj->row, k);
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
	free(rj->row);
	free(rj);
	return status;
}

void gs_summary(long read, long written, long rejected)
{
	gs_msg(NULL, 0, "%ld rows read, %ld written, %ld rejected", read, written, rejected);
}
