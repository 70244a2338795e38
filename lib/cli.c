#include "cli.h"
#include "diag.h"
#include "i18n.h"
#include "manifest.h"
#include "progress.h"
#include "records.h"
#include "rejects.h"
#include "writer.h"

#include <iconv.h>

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
	gs_i18n_init();
	saved = gs_xmalloc(((size_t)argc + 1) * sizeof *saved);
	for (int i = 0; i < argc; i++)
		saved[i] = argv[i];
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

/* The texts of the tool's gengetopt parser, which prints them untranslated:
 * weak, so that a program without a parser (the unit tests) still links. */
extern const char *gengetopt_args_info_purpose __attribute__((weak));
extern const char *gengetopt_args_info_usage __attribute__((weak));
extern const char *gengetopt_args_info_description __attribute__((weak));
extern const char *gengetopt_args_info_help[] __attribute__((weak));

void gs_print_help(void (*print_help)(void))
{
	if (!&gengetopt_args_info_usage || !gengetopt_args_info_help) {
		print_help();
		exit(gs_close_stdout(GS_OK));
	}
	/* the layout of gengetopt's cmdline_parser_print_help, each text
	 * translated */
	const char *usage = gengetopt_args_info_usage, *purpose = gengetopt_args_info_purpose;
	const char *description = gengetopt_args_info_description;
	if (*usage)
		printf("%s\n", _(usage));
	if (*purpose)
		printf("%s\n", _(purpose));
	if (*usage || *purpose)
		printf("\n");
	if (*description)
		printf("%s\n\n", _(description));
	for (size_t i = 0; gengetopt_args_info_help[i]; i++)
		printf("%s\n", _(gengetopt_args_info_help[i]));
	exit(gs_close_stdout(GS_OK));
}

void gs_bad_usage(void)
{
	fprintf(stderr, _("Try '%s --help' for more information.\n"), gs_prog);
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
			what = N_("the manifest");
			path = gs_manifest_path();
		} else {
			what = N_("standard output");
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
			       _(what), in);
	}
}

void gs_cli_outputs(const gs_cli *c, const char *const *side, size_t nside,
                    const gs_output *outs, size_t nout)
{
	gs_output *all = gs_xmalloc((nout + 1) * sizeof *all);
	all[0] = (gs_output){N_("the rejects file"), c->rejects};
	for (size_t i = 0; i < nout; i++)
		all[i + 1] = outs[i];
	gs_cli_check_outputs(c->files, c->nfiles, side, nside, all, nout + 1);
	free(all);
}

gs_cli gs_cli_start(int parsed, void (*print_help)(void), gs_cli c)
{
	if (parsed != 0)
		gs_bad_usage();
	gs_progress_mode = gs_progress_option(c.progress, c.no_progress);
	if (c.help)
		gs_print_help(print_help);
	if (c.version)
		gs_print_version();
	gs_manifest_begin(c.manifest);
	/* the parser let through only the values= of src/common/options.ggo */
	c.in_format = c.input_format ? gs_format_parse(c.input_format) : GS_FMT_AUTO;
	c.out_format = c.output_format ? gs_format_parse(c.output_format) : -1;
	if (!c.encoding_opt)   /* a parser with neither group: excel, recode */
		c.encoding_opt = "--encoding";
	if (c.encoding) {
		iconv_t cd = iconv_open(c.encoding, "UTF-8");
		if (cd == (iconv_t)-1)
			gs_usage_error("%s: iconv knows no encoding '%s'", c.encoding_opt, c.encoding);
		iconv_close(cd);
	}
	if (c.bom && !gs_bom_encoding(c.encoding) && gs_encoding_chinese(c.encoding))
		gs_usage_error("--bom goes with UTF-8 or UTF-16, not with %s %s: Excel on a Chinese "
		               "Windows reads GB18030 as it is, without a mark",
		               c.encoding_opt, c.encoding);
	if (c.bom && !gs_bom_encoding(c.encoding))
		gs_usage_error("--bom goes with UTF-8 or UTF-16, not with %s %s", c.encoding_opt, c.encoding);
	/* JSON output asked for by name is refused now, not after the input */
	if (c.out_format >= 0 && c.out_format != GS_FMT_CSV && c.out_format != GS_FMT_TSV)
		gs_cli_output_encoding(&c, NULL, c.out_format, "-o");
	/* a person opens the rejects file in Excel to mend its rows */
	gs_rejects_encoding(c.encoding, c.bom);
	return c;
}

void gs_cli_output_encoding(const gs_cli *c, gs_writer *w, int format, const char *flag)
{
	if (!c->encoding && !c->bom)
		return;
	if (format != GS_FMT_CSV && format != GS_FMT_TSV)
		gs_usage_error("--bom and %s go with %s csv or tsv", c->encoding_opt, flag);
	if (w && gs_writer_encoding(w, c->encoding, c->bom) < 0)
		gs_usage_error("%s: iconv knows no encoding '%s'", c->encoding_opt, c->encoding);
}

/* The house words for the values of the format options, which say what
 * the formats are; the list of values in them (the second %s), as every
 * other option's, is the parser's values= (src/common/options.ggo), the
 * one place where the formats are named. */
static const struct {
	const char *opt, *msg;
} value_msgs[] = {
	{"input-format", N_("unknown format '%s' (%s; json and jsonl are JSON lines, xlsx and xls workbooks)")},
	{"output-format", N_("unknown format '%s' (%s; json and jsonl are JSON lines)")},
};

void gs_cli_bad_value(const char *long_opt, const char *value, const char *values[], int ambiguous)
{
	/* an ambiguous start lists what it could be, else every value */
	const char *pick[64];
	size_t n = 0, len = strlen(value);
	for (size_t i = 0; values[i] && n < 64; i++)
		if (!ambiguous || !strncmp(values[i], value, len))
			pick[n++] = values[i];
	gs_buf list = {0}, b = {0};
	for (size_t i = 0; i < n; i++)
		gs_buf_printf(&list, "%s%s", i == 0 ? "" : i + 1 < n ? _(", ") : _(" or "), pick[i]);
	for (size_t i = 0; i < sizeof value_msgs / sizeof *value_msgs; i++)
		if (!ambiguous && !strcmp(long_opt, value_msgs[i].opt))
			gs_buf_printf(&b, _(value_msgs[i].msg), value, list.p);
	if (!b.len)
		gs_buf_printf(&b, ambiguous ? _("'%s' could be %s") : _("'%s' is not %s"), value, list.p);
	gs_msg(NULL, 0, "--%s: %s", long_opt, b.p);
	gs_buf_free(&list);
	gs_buf_free(&b);
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
