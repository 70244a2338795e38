#include "diag.h"
#include "i18n.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *gs_prog = "govstat";
int gs_quiet;
void (*gs_msg_hook)(void);

static int stdout_errno;   /* why the first write to stdout failed */

int gs_flush_stdout(void)
{
	int saved = errno;
	errno = 0;
	if (fflush(stdout) != 0 && !stdout_errno)
		stdout_errno = errno;
	errno = saved;
	return ferror(stdout) ? -1 : 0;
}

static void emit(const char *file, long line, const char *fmt, va_list ap)
{
	if (gs_msg_hook)
		gs_msg_hook();
	gs_flush_stdout(); /* keep stdout and stderr in order on a terminal */
	fprintf(stderr, "%s: ", gs_prog);
	if (file) {
		if (line > 0)
			fprintf(stderr, "%s:%ld: ", file, line);
		else
			fprintf(stderr, "%s: ", file);
	}
	vfprintf(stderr, _(fmt), ap);
	fputc('\n', stderr);
}

void gs_vmsg(const char *file, long line, const char *fmt, va_list ap)
{
	if (!gs_quiet)
		emit(file, line, fmt, ap);
}

void gs_msg(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gs_vmsg(file, line, fmt, ap);
	va_end(ap);
}

void gs_die(int status, const char *file, long line, const char *fmt, ...)
{
	/* the end of the run is said even when messages are muted (tally's
	 * speculative pieces): a silent non-zero status would leave a cron
	 * job's reader guessing */
	va_list ap;
	va_start(ap, fmt);
	emit(file, line, fmt, ap);
	va_end(ap);
	exit(status);
}

void gs_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gs_vmsg(NULL, 0, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), gs_prog);
	exit(GS_USAGE);
}

size_t gs_fwrite(const void *p, size_t n, FILE *fp)
{
	if (!n)
		return 0;
	errno = 0;
	if (fwrite(p, 1, n, fp) == n)
		return n;
	if (fp == stdout && !stdout_errno)
		stdout_errno = errno;
	return 0;
}

int gs_close_stdout(int status)
{
	int bad = ferror(stdout);
	errno = 0;
	if (fclose(stdout) != 0 || bad) {
		int e = errno ? errno : stdout_errno;
		if (e)
			gs_msg(NULL, 0, "write error: %s", strerror(e));
		else
			gs_msg(NULL, 0, "write error");
		return GS_IO;
	}
	return status;
}

void *gs_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		gs_die(GS_IO, NULL, 0, "out of memory");
	return p;
}

void *gs_xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		gs_die(GS_IO, NULL, 0, "out of memory");
	return p;
}

void *gs_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		gs_die(GS_IO, NULL, 0, "out of memory");
	return p;
}

char *gs_xstrndup(const char *s, size_t n)
{
	char *d = gs_xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

const char *gs_display_name(const char *path)
{
	return (!path || strcmp(path, "-") == 0) ? "-" : path;
}
