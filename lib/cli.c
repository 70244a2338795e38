#include "cli.h"
#include "diag.h"
#include "manifest.h"
#include "records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

static char **saved;
static int nsaved;

void gs_cli_init(int argc, char **argv, const char *tool)
{
	gs_prog = tool;
	saved = gs_xmalloc(((size_t)argc + 1) * sizeof *saved);
	for (int i = 0; i < argc; i++)
		saved[i] = argv[i];   /* the strings: keep_commas replaces, never edits */
	saved[argc] = NULL;
	nsaved = argc;
	argv[0] = (char *)tool;
}

char **gs_cli_args(int *argc)
{
	*argc = nsaved;
	return saved;
}

void gs_print_version(void)
{
	printf("%s (govstat) %s\n", gs_prog, GS_VERSION);
	exit(gs_close_stdout(GS_OK));
}

void gs_print_help(void (*print_help)(void))
{
	print_help();
	exit(gs_close_stdout(GS_OK));
}

void gs_bad_usage(void)
{
	fprintf(stderr, "Try '%s --help' for more information.\n", gs_prog);
	exit(GS_USAGE);
}

/* The input of INPUTS[0..N) (NULL ones skipped; "-" is standard input)
 * that is the same file as ST, or NULL. */
static const char *same_file(const struct stat *st, char *const *inputs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct stat in;
		if (!inputs[i])
			continue;
		int ok = strcmp(inputs[i], "-") ? stat(inputs[i], &in) : fstat(0, &in);
		if (ok == 0 && in.st_dev == st->st_dev && in.st_ino == st->st_ino)
			return gs_display_name(inputs[i]);
	}
	return NULL;
}

void gs_cli_check_outputs(char *const *files, size_t nfiles, const char *const *side, size_t nside,
                          const gs_output *outs, size_t nout)
{
	static char *dash[] = {"-"};
	if (!nfiles) {
		files = dash;
		nfiles = 1;
	}
	struct stat st;
	for (size_t k = 0; k <= nout + 1; k++) {
		const char *what, *path;
		if (k < nout) {
			what = outs[k].what;
			path = outs[k].path;
		} else if (k == nout) {
			what = "the manifest";
			path = gs_manifest_path();
		} else {
			what = "standard output";
			path = NULL;
			if (fstat(1, &st) != 0 || !S_ISREG(st.st_mode))
				continue;
		}
		if (path && stat(path, &st) != 0)
			continue;
		if (!path && k <= nout)
			continue;
		const char *in = same_file(&st, files, nfiles);
		if (!in)
			in = same_file(&st, (char *const *)side, nside);
		if (in && k == nout) {
			/* its line would be written into the input */
			path = gs_xstrndup(path, strlen(path));
			gs_manifest_abandon();
		}
		if (in)
			gs_die(GS_USAGE, path, 0, "%s is the input %s: writing it would destroy what is read",
			       what, in);
	}
}

int gs_parse_input_format(const char *value)
{
	int f = gs_format_parse(value);
	if (f < 0)
		gs_usage_error("--input-format: unknown format '%s' (csv, tsv or json; xlsx or xls to read a workbook)", value);
	return f;
}

int gs_parse_output_format(const char *value)
{
	int f = gs_format_parse(value);
	if (f < 0 || gs_format_is_workbook(f))
		gs_usage_error("--output-format: unknown format '%s' (csv, tsv or json)", value);
	return f;
}

/* The long option ARGOPTS names by NAME[0..N) (exactly, or as the unique
 * prefix of one): its entry, or NULL. */
static const char *find_long(const char *argopts, const char *name, size_t n, int *ambiguous)
{
	const char *found = NULL;
	int count = 0;
	*ambiguous = 0;
	for (const char *p = argopts; *p;) {
		const char *e = strchr(p, ' ');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		const char *lname = p + 2;
		size_t ln = len - 2;
		if (ln == n && !memcmp(lname, name, n))
			return p;          /* an exact match wins */
		if (n < ln && !memcmp(lname, name, n)) {
			found = p;
			count++;
		}
		p += len;
		while (*p == ' ')
			p++;
	}
	*ambiguous = count > 1;
	return count == 1 ? found : NULL;
}

static int is_target(const char *entry, const char *target)
{
	size_t tl = strlen(target);
	return !strncmp(entry + 2, target, tl) && (entry[2 + tl] == ' ' || entry[2 + tl] == 0);
}

static char *escaped(const char *s)
{
	gs_buf b = {0};
	for (; *s; s++) {
		if (*s == ',')
			gs_buf_addc(&b, '\\');
		gs_buf_addc(&b, *s);
	}
	if (!b.p)
		gs_buf_adds(&b, "");
	return b.p;   /* lives as long as the program: argv is the caller's */
}

void gs_cli_keep_commas(int argc, char **argv, const char *argopts, const char *target)
{
	char tshort = 0;
	for (const char *p = argopts; *p; p++)
		if ((p == argopts || p[-1] == ' ') && p[1] == ':' && is_target(p, target))
			tshort = p[0] == '-' ? 0 : p[0];
	for (int i = 1; i < argc; i++) {
		char *a = argv[i];
		if (!strcmp(a, "--"))
			return;
		if (a[0] != '-' || !a[1])
			continue;
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t n = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
			int amb;
			const char *e = find_long(argopts, a + 2, n, &amb);
			if (!e)
				continue;
			if (eq) {
				if (is_target(e, target)) {
					char *v = escaped(eq + 1);
					gs_buf b = {0};
					gs_buf_add(&b, a, (size_t)(eq + 1 - a));
					gs_buf_adds(&b, v);
					free(v);
					argv[i] = b.p;
				}
			} else if (i + 1 < argc) {
				if (is_target(e, target))
					argv[i + 1] = escaped(argv[i + 1]);
				i++;
			}
			continue;
		}
		/* a cluster of short options: the first that takes a value takes
		 * the rest of the word, or the next word */
		for (char *c = a + 1; *c; c++) {
			const char *e = NULL;
			for (const char *p = argopts; *p; p++)
				if ((p == argopts || p[-1] == ' ') && p[0] == *c && p[1] == ':') {
					e = p;
					break;
				}
			if (!e)
				continue;
			if (c[1]) {
				if (*c == tshort) {
					gs_buf b = {0};
					gs_buf_add(&b, a, (size_t)(c + 1 - a));
					char *v = escaped(c + 1);
					gs_buf_adds(&b, v);
					free(v);
					argv[i] = b.p;
				}
			} else if (i + 1 < argc) {
				if (*c == tshort)
					argv[i + 1] = escaped(argv[i + 1]);
				i++;
			}
			break;
		}
	}
}

void gs_split_list(const char *s, char ***out, size_t *n)
{
	const char *p = s;
	for (;;) {
		const char *c = strchr(p, ',');
		size_t len = c ? (size_t)(c - p) : strlen(p);
		const char *q = p;
		while (len && *q == ' ') {
			q++;
			len--;
		}
		while (len && q[len - 1] == ' ')
			len--;
		if (len) {
			*out = gs_xrealloc(*out, (*n + 1) * sizeof **out);
			(*out)[(*n)++] = gs_xstrndup(q, len);
		}
		if (!c)
			break;
		p = c + 1;
	}
}
