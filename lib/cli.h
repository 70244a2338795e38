/* cli: what every tool's main does the same way around its gengetopt
 * parser: --help and --version on stdout, the checked exit. */
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

/* Print "TOOL (govstat) VERSION" and exit through gs_close_stdout. */
void gs_print_version(void) __attribute__((noreturn));

/* Run PRINT_HELP (the generated parser's) and exit through
 * gs_close_stdout, so that a failed write is reported. */
void gs_print_help(void (*print_help)(void)) __attribute__((noreturn));

/* After the generated parser failed (it printed why): print the hint and
 * exit GS_USAGE. */
void gs_bad_usage(void) __attribute__((noreturn));

/* gengetopt splits the value of an option declared "multiple" at each
 * comma, but an aggregate such as ratio(count(),count()) must stay whole.
 * Before parsing, escape the commas (gengetopt's "\,") of every value of
 * the long option TARGET. ARGOPTS names each option that takes a value as
 * "c:long" ("-:long" when it has no short form), separated by spaces, so
 * that argv is walked as getopt will: values of other options and
 * operands after "--" are left alone; short clusters and unique prefixes
 * of long names are understood. The strings of ARGV are replaced, not
 * changed in place. */
void gs_cli_keep_commas(int argc, char **argv, const char *argopts, const char *target);

/* An output file a tool writes: WHAT names it in messages ("the
 * rejects file"), PATH NULL when not given. */
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

/* Split the comma-separated list S (field names, indicator ids) and append
 * the items, trimmed of spaces, to *OUT (*N of them); empty items are left
 * out. The strings are the caller's: free them and *OUT. */
void gs_split_list(const char *s, char ***out, size_t *n);

/* The value of --input-format (any format, workbooks included) or of
 * --output-format (workbooks are read, never written), or exit GS_USAGE. */
int gs_parse_input_format(const char *value);
int gs_parse_output_format(const char *value);

#endif
