#include "progress.h"
#include "diag.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

int gs_progress_mode = GS_PROGRESS_AUTO;

/* a line shows up only on a run long enough to be waited for */
#define DELAY 2.0
#define PERIOD 0.25

struct gs_progress {
	double start, last;      /* seconds, monotonic */
	double delay;
	unsigned long long total;
	int tty_out;             /* stdout is a terminal too */
	int shown;               /* the line is on the screen */
};

static gs_progress *on_screen;   /* the one whose line is shown */

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int gs_progress_option(int progress_given, int no_progress_given)
{
	return no_progress_given ? GS_PROGRESS_OFF : progress_given ? GS_PROGRESS_ON : GS_PROGRESS_AUTO;
}

static int mode(void)
{
	if (gs_progress_mode != GS_PROGRESS_AUTO)
		return gs_progress_mode;
	const char *e = getenv("GOVSTAT_PROGRESS");
	if (e && (!strcmp(e, "1") || !strcasecmp(e, "on")))
		return GS_PROGRESS_ON;
	if (e && (!strcmp(e, "0") || !strcasecmp(e, "off")))
		return GS_PROGRESS_OFF;
	return GS_PROGRESS_AUTO;
}

static void erase(void)
{
	if (on_screen && on_screen->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		on_screen->shown = 0;
	}
	on_screen = NULL;
	gs_msg_hook = NULL;
}

gs_progress *gs_progress_new(unsigned long long total)
{
	int m = mode();
	if (m == GS_PROGRESS_OFF || gs_quiet || (m == GS_PROGRESS_AUTO && !isatty(2)))
		return NULL;
	gs_progress *p = gs_xcalloc(1, sizeof *p);
	p->start = now();
	p->last = -1;
	p->delay = m == GS_PROGRESS_ON ? 0 : DELAY;
	p->total = total;
	p->tty_out = isatty(1);
	return p;
}

void gs_progress_update(gs_progress *p, unsigned long long bytes, long rows)
{
	if (!p)
		return;
	double t = now(), el = t - p->start;
	if (el < p->delay || (p->last >= 0 && t - p->last < PERIOD))
		return;
	p->last = t;
	char line[160];
	double mb = (double)bytes / 1e6;
	int k = snprintf(line, sizeof line, "\r");
	k += snprintf(line + k, sizeof line - (size_t)k, _("%s: %.1f MB, %ld rows"), gs_prog, mb, rows);
	if (el > 0.05)
		k += snprintf(line + k, sizeof line - (size_t)k, _(", %.1f MB/s"), mb / el);
	if (p->total && bytes <= p->total && bytes > 0) {
		double share = (double)bytes / (double)p->total;
		k += snprintf(line + k, sizeof line - (size_t)k, _(", %d%%"), (int)(share * 100));
		if (el > 0.5) {
			long left = (long)(el / share - el + 0.5);
			if (left < 60)
				k += snprintf(line + k, sizeof line - (size_t)k, _(", %ld s left"), left);
			else
				k += snprintf(line + k, sizeof line - (size_t)k, _(", %ld min %02ld s left"),
				              left / 60, left % 60);
		}
	}
	snprintf(line + k, sizeof line - (size_t)k, "\033[K");
	if (on_screen && on_screen != p)
		erase();
	if (p->tty_out)
		fflush(stdout);  /* what the tool wrote to the screen comes first */
	fputs(line, stderr);
	fflush(stderr);
	p->shown = 1;
	on_screen = p;
	gs_msg_hook = erase;
}

void gs_progress_end(gs_progress *p)
{
	if (!p)
		return;
	if (on_screen == p)
		erase();
	free(p);
}
