#include "cli.h"
#include "diag.h"
#include "records.h"

#include <stdio.h>
#include <stdlib.h>

void gs_cli_init(char **argv, const char *tool)
{
	gs_prog = tool;
	argv[0] = (char *)tool;
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

int gs_parse_format_option(const char *opt, const char *value)
{
	int f = gs_format_parse(value);
	if (f < 0)
		gs_usage_error("%s: unknown format '%s' (csv, tsv or json)", opt, value);
	return f;
}
