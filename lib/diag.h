/* diag: diagnostics, exit status and the checked close of stdout.
 *
 * Every govstat tool reports problems as "TOOL: FILE:LINE: message" on
 * stderr and ends with one of the statuses below; the numbers are part of
 * the user interface and documented in govstat(7). */
#ifndef GS_DIAG_H
#define GS_DIAG_H

#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>

enum gs_status {
	GS_OK = 0,      /* success */
	GS_REJECT = 1,  /* some rows were rejected or a check failed */
	GS_USAGE = 2,   /* bad option, expression, schema or map file */
	GS_IO = 3       /* input or output failure, unusable header */
};

/* The tool's name, used as the prefix of every message. Set once in main. */
extern const char *gs_prog;

/* When set, gs_msg prints nothing (fuzz targets: bad input is expected
 * there, and printing it would hide the fuzzer's own reports; tally's
 * threads, whose findings one pass reports again). gs_die still says why
 * it ends the run. */
extern int gs_quiet;

/* When set, called before a message is printed (progress.h: a progress
 * line is erased, so that the message stands on its own line). */
extern void (*gs_msg_hook)(void);

/* Print "PROG: FILE:LINE: message\n" on stderr, the message translated
 * into the user's language (i18n.h). FILE NULL omits the place;
 * LINE <= 0 omits the line number. */
void gs_msg(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* gs_msg with the arguments in AP. FMT is English: it is translated
 * (i18n.h) before it is formatted. */
void gs_vmsg(const char *file, long line, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* gs_msg, then exit with STATUS. */
void gs_die(int status, const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5), noreturn));

/* Print the one-line usage hint ("Try 'PROG --help'") and exit GS_USAGE. */
void gs_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

/* fwrite P[0..N) to FP, keeping the reason of the first failed write
 * to stdout for gs_close_stdout (by then errno no longer says it: with
 * SIGPIPE ignored, the write that met the closed pipe is long past).
 * Returns N, or 0 on failure. */
size_t gs_fwrite(const void *p, size_t n, FILE *fp);

/* Flush stdout, keeping the reason of a failure as gs_fwrite does (a
 * message flushes it too). 0, or -1 once any write to stdout failed. */
int gs_flush_stdout(void);

/* Flush and close stdout; on any write error report it and return GS_IO,
 * else return STATUS unchanged. Call as the last step of main. */
int gs_close_stdout(int status);

/* Allocation that never returns NULL: out of memory ends the tool, GS_IO. */
void *gs_xmalloc(size_t n);
void *gs_xrealloc(void *p, size_t n);
/* NMEMB zeroed items of SIZE bytes; an overflowing product is out of
 * memory too. */
void *gs_xcalloc(size_t nmemb, size_t size);
char *gs_xstrndup(const char *s, size_t n);

/* Display name of an input: "-" for standard input. */
const char *gs_display_name(const char *path);

#endif
