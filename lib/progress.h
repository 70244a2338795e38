/* progress: one line on stderr about a long read, for a person watching.
 *
 * When stderr is a terminal and a stream has been read for 2 seconds, a
 * line such as
 *
 *   tally: 120.5 MB, 1420000 rows, 60.2 MB/s, 35%, 4 s left
 *
 * is drawn on stderr and rewritten in place (a carriage return, the text,
 * an erase to the end of the line) at most four times a second. The share
 * done and the time left are shown when every input is a regular file
 * (their sizes are known). The line is erased at the end of the stream,
 * and before any message (gs_msg), which then stands on its own line.
 * Never when stderr is not a terminal (a pipe, a file, cron), unless
 * forced.
 *
 * gs_progress_mode forces it: main sets it from --progress and
 * --no-progress; when it is left at GS_PROGRESS_AUTO, the environment
 * variable GOVSTAT_PROGRESS=1 (or "on") forces it on and =0 (or "off")
 * off. Forced on, the line is drawn from the start, not after 2 seconds,
 * whatever stderr is. */
#ifndef GS_PROGRESS_H
#define GS_PROGRESS_H

enum { GS_PROGRESS_OFF = -1, GS_PROGRESS_AUTO = 0, GS_PROGRESS_ON = 1 };

extern int gs_progress_mode;

/* The mode from a tool's --progress and --no-progress (the second wins
 * when both are given). */
int gs_progress_option(int progress_given, int no_progress_given);

typedef struct gs_progress gs_progress;

/* A progress line for a read of TOTAL bytes (0 when not known), or NULL
 * when none is to be shown (the mode, stderr not a terminal). */
gs_progress *gs_progress_new(unsigned long long total);

/* BYTES and ROWS read so far. Looks at the clock: call it every few
 * hundred rows, not for every one. */
void gs_progress_update(gs_progress *p, unsigned long long bytes, long rows);

/* Erase the line if it is shown, and free P (NULL is allowed). */
void gs_progress_end(gs_progress *p);

#endif
