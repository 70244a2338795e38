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
static pid_t mpid;         /* the process that began the run, not a child */
static gs_buf args, files, counts;
static int nfiles;

/* The streams open now, and whether the tool recorded them; and the files
 * of streams closed unrecorded: a run that ends early lists them. */
static const gs_stream **watched;
static int *recorded;
static size_t nwatched;
static gs_buf pending;
static int npending;

static int write_line(int status);
static void add_to(gs_buf *b, int *n, const char *role, const char *name, const char *sha,
                   unsigned long long bytes, long rows, long skipped);

static void add_stream_to(gs_buf *b, int *n, const gs_stream *st, const char *role)
{
	size_t k;
	const gs_file_stat *fs = gs_stream_files(st, &k);
	for (size_t i = 0; i < k; i++)
		add_to(b, n, role, fs[i].name, fs[i].sha256, fs[i].bytes, fs[i].rows, fs[i].skipped);
}

/* A run that ends any other way than through gs_manifest_end (a usage
 * error, an unreadable header, gs_die) still leaves its line, with the
 * status it exits with and the files it had recorded. */
static void at_exit(int status, void *arg)
{
	(void)arg;
	if (!mpath || getpid() != mpid)
		return;
	for (size_t i = 0; i < nwatched; i++)
		if (!recorded[i])
			add_stream_to(&files, &nfiles, watched[i], "input");
	if (pending.len) {
		if (nfiles++)
			gs_buf_addc(&files, ',');
		gs_buf_add(&files, pending.p, pending.len);
	}
	write_line(status);
}

void gs_manifest_watch(const gs_stream *st)
{
	if (!mpath)
		return;
	watched = gs_xrealloc(watched, (nwatched + 1) * sizeof *watched);
	recorded = gs_xrealloc(recorded, (nwatched + 1) * sizeof *recorded);
	watched[nwatched] = st;
	recorded[nwatched++] = 0;
}

void gs_manifest_unwatch(const gs_stream *st)
{
	for (size_t i = 0; mpath && i < nwatched; i++)
		if (watched[i] == st) {
			if (!recorded[i])
				add_stream_to(&pending, &npending, st, "input");
			watched[i] = watched[nwatched - 1];
			recorded[i] = recorded[nwatched - 1];
			nwatched--;
			return;
		}
}

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
	mpid = getpid();
	on_exit(at_exit, NULL);
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

/* One file's item: ROWS null when negative; "skipped" (the blank and
 * footer rows the reading left out, which the run's "counts" count as
 * read and dropped) only when there were any, so that the rows and
 * skipped of the inputs add up to the run's read. */
static void add_to(gs_buf *b, int *n, const char *role, const char *name, const char *sha,
                   unsigned long long bytes, long rows, long skipped)
{
	if (!mpath)
		return;
	gs_buf_adds(b, (*n)++ ? ",{\"role\":" : "{\"role\":");
	gs_json_string(b, role, strlen(role));
	gs_buf_adds(b, ",\"name\":");
	gs_json_string(b, name, strlen(name));
	gs_buf_adds(b, ",\"sha256\":");
	if (sha && *sha)
		gs_json_string(b, sha, strlen(sha));
	else
		gs_buf_adds(b, "null");
	gs_buf_printf(b, ",\"bytes\":%llu,\"rows\":", bytes);
	if (rows >= 0)
		gs_buf_printf(b, "%ld", rows);
	else
		gs_buf_adds(b, "null");
	if (skipped > 0)
		gs_buf_printf(b, ",\"skipped\":%ld", skipped);
	gs_buf_addc(b, '}');
}

static void add_file(const char *role, const char *name, const char *sha, unsigned long long bytes,
                     long rows, long skipped)
{
	add_to(&files, &nfiles, role, name, sha, bytes, rows, skipped);
}

void gs_manifest_stream(const gs_stream *st, const char *role)
{
	for (size_t i = 0; i < nwatched; i++)
		if (watched[i] == st)
			recorded[i] = 1;
	size_t n;
	const gs_file_stat *fs = gs_stream_files(st, &n);
	for (size_t i = 0; i < n; i++)
		add_file(role, fs[i].name, fs[i].sha256, fs[i].bytes, fs[i].rows, fs[i].skipped);
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
	add_file(role, path, hex, bytes, -1, 0);
}

void gs_manifest_output(gs_writer *w)
{
	if (!mpath || !w)
		return;
	char sha[65];
	unsigned long long bytes;
	long rows;
	gs_writer_digest(w, sha, &bytes, &rows);
	add_file("output", "-", sha, bytes, rows, 0);
}

void gs_manifest_written(const char *name, const char *role, const char *sha256,
                         unsigned long long bytes, long rows)
{
	add_file(role, name, sha256, bytes, rows, 0);
}

void gs_manifest_counts(long read, long written, long rejected, long dropped)
{
	if (!mpath)
		return;
	gs_buf_clear(&counts);
	gs_buf_printf(&counts, ",\"counts\":{\"read\":%ld,\"written\":%ld,\"rejected\":%ld,"
	              "\"dropped\":%ld}", read, written, rejected, dropped);
}

int gs_manifest_end(int status)
{
	if (!mpath)
		return status;
	/* The line must say how the run ends: output that cannot reach
	 * standard output (a full disk) makes it fail, so learn that now,
	 * before the status is written; gs_close_stdout reports it. */
	if ((fflush(stdout) != 0 || ferror(stdout)) && status < GS_IO)
		status = GS_IO;
	return write_line(status) < 0 ? GS_IO : status;
}

static void forget(void)
{
	gs_buf_free(&args);
	gs_buf_free(&files);
	gs_buf_free(&counts);
	gs_buf_free(&pending);
	free(watched);
	free(recorded);
	watched = NULL;
	recorded = NULL;
	nwatched = 0;
	free(mpath);
	mpath = NULL;
}

void gs_manifest_abandon(void)
{
	if (!mpath)
		return;
	if (mfd >= 0)
		close(mfd);
	mfd = -1;
	forget();
}

/* Write the line and forget the run. Returns 0, or -1 when the line could
 * not be written (reported). */
static int write_line(int status)
{
	gs_buf line = {0};
	gs_buf_adds(&line, "{\"tool\":");
	gs_json_string(&line, gs_prog, strlen(gs_prog));
	gs_buf_printf(&line, ",\"version\":\"%s\",\"args\":", GS_VERSION);
	gs_buf_add(&line, args.p, args.len);
	gs_buf_printf(&line, ",\"status\":%d", status);
	if (counts.len)
		gs_buf_add(&line, counts.p, counts.len);
	gs_buf_adds(&line, ",\"files\":[");
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
	if (!ok)
		gs_msg(mpath, 0, "cannot append to the manifest: %s", strerror(errno));
	gs_buf_free(&line);
	forget();
	return ok ? 0 : -1;
}
