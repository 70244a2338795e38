#include "i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef GS_LOCALEDIR
#define GS_LOCALEDIR "/usr/local/share/locale"
#endif

/* The directory of the catalogues: GOVSTAT_LOCALEDIR; else beside the
 * executable, so that an installed tree can move and the tools in a
 * source tree's bin/ find the catalogues the build made (build/locale);
 * else the one compiled in. A directory counts when it holds the zh_CN
 * catalogue, the translation govstat ships. */
static const char *locale_dir(char *buf, size_t size)
{
	const char *env = getenv("GOVSTAT_LOCALEDIR");
	if (env && *env)
		return env;
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = 0;
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = 0;
			/* PREFIX/bin/TOOL; the tree's bin/TOOL; build/san/bin/TOOL */
			static const char *const rel[] = {"/../share/locale", "/../build/locale", "/../../locale"};
			for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
				struct stat st;
				snprintf(buf, size, "%s%s/zh_CN/LC_MESSAGES/" GS_DOMAIN ".mo", exe, rel[i]);
				if (stat(buf, &st) == 0) {
					snprintf(buf, size, "%s%s", exe, rel[i]);
					return buf;
				}
			}
		}
	}
	return GS_LOCALEDIR;
}

void gs_i18n_init(void)
{
	setlocale(LC_MESSAGES, "");
	setlocale(LC_CTYPE, "");
	char buf[PATH_MAX + 64];
	bindtextdomain(GS_DOMAIN, locale_dir(buf, sizeof buf));
	textdomain(GS_DOMAIN);
}

int gs_fprintf_translated(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfprintf(fp, _(fmt), ap);
	va_end(ap);
	return n;
}
