#include "manifest.h"
#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "sha256.h"
#include "writer.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#ifndef GS_VERSION
#define GS_VERSION "0.0.0"
#endif

static char *mpath;
static int mfd = -1;         /* opened at the start, written at the end */
static gs_buf args, files;
static int nfiles;

int gs_manifest_begin(const char *path)
{
	int argc;
	char **argv = gs_cli_args(&argc);
	if (!path || !*path)
		path = getenv("GOVSTAT_MANIFEST");
	if (!path || !*path)
		return 0;
	mpath = gs_xstrndup(path, strlen(path));
	/* opened now, so that a manifest that cannot be written stops the
	 * tool before it writes anything */
	mfd = open(mpath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (mfd < 0)
		gs_die(GS_IO, mpath, 0, "cannot append to the manifest: %s", strerror(errno));
	gs_buf_addc(&args, '[');
	for (int i = 1; i < argc; i++) {
		if (i > 1)
			gs_buf_addc(&args, ',');
		gs_json_string(&args, argv[i], strlen(argv[i]));
	}
	gs_buf_addc(&args, ']');
	return 1;
}

const char *gs_manifest_path(void)
{
	return mpath;
}

int gs_manifest_on(void)
{
	return mpath != NULL;
}

static void add_file(const char *role, const char *name, const char *sha, unsigned long long bytes,
                     long rows)
{
	if (!mpath)
		return;
	gs_buf_adds(&files, nfiles++ ? ",{\"role\":" : "{\"role\":");
	gs_json_string(&files, role, strlen(role));
	gs_buf_adds(&files, ",\"name\":");
	gs_json_string(&files, name, strlen(name));
	gs_buf_adds(&files, ",\"sha256\":");
	if (sha && *sha)
		gs_json_string(&files, sha, strlen(sha));
	else
		gs_buf_adds(&files, "null");
	gs_buf_printf(&files, ",\"bytes\":%llu,\"rows\":", bytes);
	if (rows >= 0)
		gs_buf_printf(&files, "%ld}", rows);
	else
		gs_buf_adds(&files, "null}");
}

void gs_manifest_stream(const gs_stream *st, const char *role)
{
	size_t n;
	const gs_file_stat *fs = gs_stream_files(st, &n);
	for (size_t i = 0; i < n; i++)
		add_file(role, fs[i].name, fs[i].sha256, fs[i].bytes, fs[i].rows);
}

void gs_manifest_file(const char *path, const char *role)
{
	if (!mpath || !path)
		return;
	FILE *fp = fopen(path, "rb");
	gs_sha256 c;
	gs_sha256_init(&c);
	char buf[65536], hex[65] = "";
	size_t n;
	unsigned long long bytes = 0;
	if (fp) {
		while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
			gs_sha256_update(&c, buf, n);
			bytes += n;
		}
		fclose(fp);
		gs_sha256_hex(&c, hex);
	}
	add_file(role, path, hex, bytes, -1);
}

void gs_manifest_output(gs_writer *w)
{
	if (!mpath || !w)
		return;
	char sha[65];
	unsigned long long bytes;
	long rows;
	gs_writer_digest(w, sha, &bytes, &rows);
	add_file("output", "-", sha, bytes, rows);
}

void gs_manifest_written(const char *name, const char *role, const char *sha256,
                         unsigned long long bytes, long rows)
{
	add_file(role, name, sha256, bytes, rows);
}

int gs_manifest_end(int status)
{
	if (!mpath)
		return status;
	gs_buf line = {0};
	gs_buf_adds(&line, "{\"tool\":");
	gs_json_string(&line, gs_prog, strlen(gs_prog));
	gs_buf_printf(&line, ",\"version\":\"%s\",\"args\":", GS_VERSION);
	gs_buf_add(&line, args.p, args.len);
	gs_buf_printf(&line, ",\"status\":%d,\"files\":[", status);
	if (files.len)
		gs_buf_add(&line, files.p, files.len);
	gs_buf_adds(&line, "]}\n");
	int fd = mfd;
	mfd = -1;
	int ok = fd >= 0;
	if (ok) {
		/* one write under a lock: lines of tools side by side never mix */
		flock(fd, LOCK_EX);
		ok = write(fd, line.p, line.len) == (ssize_t)line.len;
		flock(fd, LOCK_UN);
		ok = close(fd) == 0 && ok;
	}
	if (!ok) {
		gs_msg(mpath, 0, "cannot append to the manifest: %s", strerror(errno));
		status = GS_IO;
	}
	gs_buf_free(&line);
	gs_buf_free(&args);
	gs_buf_free(&files);
	free(mpath);
	mpath = NULL;
	return status;
}
