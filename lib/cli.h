/* cli: what every tool's main does the same way around its gengetopt
 * parser: the shared options (src/common/options.ggo), --help and
 * --version on stdout, the checked exit, the check that no output
 * overwrites an input. */
#ifndef GS_CLI_H
#define GS_CLI_H

#include <stddef.h>

#ifndef GS_VERSION
#define GS_VERSION "0.0.0"
#endif

/* Name the tool: the prefix of every message, including those of
 * getopt, which takes it from ARGV[0]. Keeps a copy of the arguments as
 * given, for the manifest (gs_cli_args). */
void gs_cli_init(int argc, char **argv, const char *tool);

/* The arguments as the user gave them. */
char **gs_cli_args(int *argc);

/* The shared options of src/common/options.ggo, as a tool's parser gave them
 * (GS_CLI_START fills it): those of the groups the tool does not take
 * stay empty. */
typedef struct gs_cli {
	int help, version;
	const char *manifest;      /* --manifest FILE, NULL: GOVSTAT_MANIFEST */
	const char *input_format;  /* as given, NULL: detected */
	const char *output_format; /* as given, NULL: the input's */
	const char *rejects;       /* --rejects FILE, NULL: on stderr */
	const char *encoding;      /* the encoding of CSV/TSV output, NULL: UTF-8 */
	const char *encoding_opt;  /* the option that gives it, for messages:
	                            * --encoding, or --output-encoding where -e
	                            * is the input's (set by gs_cli_start) */
	int bom;                   /* --bom */
	int verbose;
	int progress, no_progress; /* --progress, --no-progress */
	char **files;              /* the operands */
	size_t nfiles;

	/* what gs_cli_start makes of them */
	int in_format;             /* GS_FMT_*, GS_FMT_AUTO when not given */
	int out_format;            /* GS_FMT_*, -1 when not given */
} gs_cli;

/* What every main does first, with the parser gengetopt made for the tool
 * (cmdline_parser, filling A, its struct gengetopt_args_info): name the
 * tool (gs_cli_init), parse ARGV, then gs_cli_start with the shared
 * options into the gs_cli C. The Makefile defines GS_COMMON_<GROUP> for
 * each group of src/common/options.ggo the tool's .ggo takes besides "all", so
 * that the fields read are those its parser has. */
#define GS_CLI_START(c, a, tool, argc, argv)                                     \
	do {                                                                     \
		gs_cli_init((argc), (argv), (tool));                               \
		int parsed_ = cmdline_parser((argc), (argv), &(a));                 \
		(c) = gs_cli_start(parsed_, cmdline_parser_print_help,              \
		                   (gs_cli){GS_CLI_ALL_(a) GS_CLI_OUTPUT_(a) GS_CLI_EXCEL_(a)    \
		                            GS_CLI_RECODE_(a)});                     \
	} while (0)

#define GS_CLI_ALL_(a)                                                           \
	.help = (a).help_given, .version = (a).version_given,                      \
	.manifest = (a).manifest_given ? (a).manifest_arg : NULL,                  \
	.input_format = (a).input_format_given ? (a).input_format_arg : NULL,      \
	.verbose = (a).verbose_given, .progress = (a).progress_given,             \
	.bom = (a).bom_given,                                                      \
	.no_progress = (a).no_progress_given, .files = (a).inputs, .nfiles = (a).inputs_num,
#ifdef GS_COMMON_OUTPUT
#define GS_CLI_OUTPUT_(a)                                                        \
	.output_format = (a).output_format_given ? (a).output_format_arg : NULL,   \
	.rejects = (a).rejects_given ? (a).rejects_arg : NULL,
#else
#define GS_CLI_OUTPUT_(a)
#endif
#ifdef GS_COMMON_EXCEL
#define GS_CLI_EXCEL_(a)                                                         \
	.encoding = (a).encoding_given ? (a).encoding_arg : NULL, .encoding_opt = "--encoding",
#else
#define GS_CLI_EXCEL_(a)
#endif
#ifdef GS_COMMON_RECODE
#define GS_CLI_RECODE_(a)                                                        \
	.encoding = (a).output_encoding_given ? (a).output_encoding_arg : NULL,    \
	.encoding_opt = "--output-encoding",
#else
#define GS_CLI_RECODE_(a)
#endif

/* After the parser ran (PARSED its return, not 0 when it printed why):
 * end a bad command line (GS_USAGE), set the progress line's mode,
 * answer --help (by PRINT_HELP) and
 * --version, begin the manifest, and resolve the formats and the output
 * encoding (an encoding iconv does not know is a usage error, and so is
 * --bom with one gs_bom_encoding refuses), which the rejects files take
 * too (gs_rejects_encoding). Returns C with in_format
 * and out_format set. */
gs_cli gs_cli_start(int parsed, void (*print_help)(void), gs_cli c);

/* Called by the generated parser (src/common/gengetopt.sed) for a VALUE of the
 * option LONG_OPT that is none of VALUES (NULL-terminated), or, when
 * AMBIGUOUS, the start of more than one: says so on stderr. */
void gs_cli_bad_value(const char *long_opt, const char *value, const char *values[], int ambiguous);

/* Begin the output of W (csv or tsv) with a byte-order mark or write it
 * in another encoding, as C's --bom and --encoding (--output-encoding)
 * ask; FLAG names the option that chose the format, for the message that
 * refuses both with another FORMAT ("-o" ...). W NULL only checks, for a
 * tool that judges its options before it reads. */
struct gs_writer;
void gs_cli_output_encoding(const gs_cli *c, struct gs_writer *w, int format, const char *flag);

/* Print "TOOL (govstat) VERSION" and exit through gs_close_stdout. */
void gs_print_version(void) __attribute__((noreturn));

/* Run PRINT_HELP (the generated parser's) and exit through
 * gs_close_stdout, so that a failed write is reported. */
void gs_print_help(void (*print_help)(void)) __attribute__((noreturn));

/* After the generated parser failed (it printed why): print the hint and
 * exit GS_USAGE. */
void gs_bad_usage(void) __attribute__((noreturn));

/* An output file a tool writes: WHAT names it in messages (English,
 * marked N_("the rejects file"), shown translated), PATH NULL when not
 * given. */
typedef struct gs_output {
	const char *what;
	const char *path;
} gs_output;

/* Before anything is written: end the tool with GS_USAGE when an output
 * is the same file (device and inode) as an input, which it would
 * overwrite. The inputs are FILES[0..NFILES) (none, or "-": standard
 * input) and the settings files SIDE[0..NSIDE) (map, schema ...; NULL
 * ones skipped); the outputs OUTS[0..NOUT), the manifest
 * (gs_manifest_begin first) and standard output when it is a regular
 * file. An output that does not exist yet is no input. */
void gs_cli_check_outputs(char *const *files, size_t nfiles, const char *const *side, size_t nside,
                          const gs_output *outs, size_t nout);

/* gs_cli_check_outputs for the tool's inputs (C's files), settings
 * files SIDE[0..NSIDE), its rejects file (C's) and the other outputs
 * OUTS[0..NOUT). */
void gs_cli_outputs(const gs_cli *c, const char *const *side, size_t nside,
                    const gs_output *outs, size_t nout);

/* Split the comma-separated list S (field names, indicator ids) and append
 * the items, trimmed of spaces, to *OUT (*N of them); empty items are left
 * out. The strings are the caller's: free them and *OUT. */
void gs_split_list(const char *s, char ***out, size_t *n);

#endif
