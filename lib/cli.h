/* cli: what every tool's main does the same way around its gengetopt
 * parser: --help and --version on stdout, the checked exit. */
#ifndef GS_CLI_H
#define GS_CLI_H

#ifndef GS_VERSION
#define GS_VERSION "0.0.0"
#endif

/* Name the tool: the prefix of every message, including those of
 * getopt, which takes it from ARGV[0]. */
void gs_cli_init(char **argv, const char *tool);

/* Print "TOOL (govstat) VERSION" and exit through gs_close_stdout. */
void gs_print_version(void) __attribute__((noreturn));

/* Run PRINT_HELP (the generated parser's) and exit through
 * gs_close_stdout, so that a failed write is reported. */
void gs_print_help(void (*print_help)(void)) __attribute__((noreturn));

/* After the generated parser failed (it printed why): print the hint and
 * exit GS_USAGE. */
void gs_bad_usage(void) __attribute__((noreturn));

/* Parse a format name for option OPT, or exit GS_USAGE. */
int gs_parse_format_option(const char *opt, const char *value);

#endif
