/* ingest: raw county ledgers in, canonical UTF-8 records out.
 *
 * The reading (encodings, CSV/TSV/JSON, workbooks, headers, footers) is
 * lib/stream;
 * the map and its transformations are lib/ledgermap; this file wires them
 * to the command line and keeps the count read = written + rejected. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "manifest.h"
#include "ingest_cmd.h"
#include "input.h"
#include "ledgermap.h"
#include "records.h"
#include "rejects.h"
#include "stream.h"
#include "writer.h"

/* --list-sheets: each FILE's sheet names on stdout, one a line (after
 * "FILE<TAB>" when there are several files). The exit status. */
static int list_sheets(char **files, size_t nfiles, int format)
{
	static char *dash[] = {"-"};
	int status = GS_OK;
	if (!nfiles) {
		files = dash;
		nfiles = 1;
	}
	for (size_t f = 0; f < nfiles; f++) {
		const char *why, *name = gs_display_name(files[f]);
		gs_input *in = gs_input_open(files[f], "auto", &why);
		if (!in) {
			gs_msg(name, 0, "cannot open: %s", why);
			status = GS_IO;
			continue;
		}
		gs_records *r = gs_records_open(in, format, 0);
		const char *const *names;
		size_t n = 0;
		if (gs_records_start(r) < 0) {
			gs_msg(name, 0, "%s", gs_records_error(r));
			status = GS_IO;
		} else if (!gs_format_is_workbook(gs_records_format(r))) {
			gs_msg(name, 0, "not a workbook (.xlsx or .xls): it has no sheets");
			status = GS_IO;
		} else
			n = gs_records_sheets(r, &names);
		for (size_t i = 0; i < n; i++)
			printf(nfiles > 1 ? "%s\t%s\n" : "%.0s%s\n", name, names[i]);
		gs_records_close(r);
		gs_input_close(in);
	}
	return status;
}

int main(int argc, char **argv)
{
	struct gengetopt_args_info a;
	gs_cli_init(argc, argv, "ingest");
	if (cmdline_parser(argc, argv, &a) != 0)
		gs_bad_usage();
	if (a.help_given)
		gs_print_help(cmdline_parser_print_help);
	if (a.version_given)
		gs_print_version();
	gs_manifest_begin(a.manifest_given ? a.manifest_arg : NULL);
	{
		const char *side[] = {a.map_given ? a.map_arg : NULL};
		gs_output outs[] = {{"the rejects file", a.rejects_given ? a.rejects_arg : NULL}};
		gs_cli_check_outputs(a.inputs, a.inputs_num, side, sizeof side / sizeof *side,
		                     outs, sizeof outs / sizeof *outs);
	}

	int in_format = a.input_format_given ? gs_parse_input_format(a.input_format_arg) : GS_FMT_AUTO;
	int out_format = a.output_format_given ? gs_parse_output_format(a.output_format_arg) : -1;
	if (a.skip_given && a.skip_arg < 0)
		gs_usage_error("--skip: the number of lines must not be negative");
	if (a.header_rows_given && (a.header_rows_arg < 1 || a.header_rows_arg > 16))
		gs_usage_error("--header-rows: give a number from 1 to 16");

	if (a.encoding_given && !gs_encoding_known(a.encoding_arg))
		gs_usage_error("--encoding: unknown encoding '%s'", a.encoding_arg);
	if (a.list_sheets_given) {
		int st = list_sheets(a.inputs, a.inputs_num, in_format);
		cmdline_parser_free(&a);
		exit(gs_close_stdout(st));
	}

	gs_map *map = NULL;
	if (a.map_given && !(map = gs_map_load(a.map_arg)))
		exit(GS_USAGE);

	/* the command line wins over the map's layout */
	gs_stream_opts so = {0};
	so.format = in_format;
	so.encoding = a.encoding_given || !gs_map_encoding(map) ? a.encoding_arg : gs_map_encoding(map);
	so.skip = a.skip_given ? a.skip_arg : gs_map_skip(map) > 0 ? gs_map_skip(map) : 0;
	so.header_rows = a.header_rows_given ? a.header_rows_arg : gs_map_header_rows(map);
	if (a.footer_given) {
		so.footer = (const char *const *)a.footer_arg;
		so.nfooter = a.footer_given;
	} else
		so.footer = gs_map_footer(map, &so.nfooter);
	so.sheet = a.sheet_given ? a.sheet_arg : NULL;
	so.fill_merged = a.fill_merged_given;
	so.hash = gs_manifest_on();
	if (!gs_encoding_known(so.encoding))
		gs_die(GS_USAGE, a.map_arg, 0, "unknown encoding '%s'", so.encoding);

	gs_stream *st = gs_stream_open(a.inputs, a.inputs_num, &so);
	const gs_field *raw;
	size_t nraw;
	if (gs_stream_header(st, &raw, &nraw) < 0) {
		int s = gs_stream_status(st);
		gs_stream_close(st);
		exit(gs_close_stdout(s ? s : GS_IO));
	}
	gs_plan *plan = gs_plan_new(map, raw, nraw, a.trim_given, gs_stream_file(st));
	if (!plan)
		exit(gs_close_stdout(GS_IO));
	const gs_field *cols;
	size_t ncols = gs_plan_columns(plan, &cols);
	if (out_format < 0)
		out_format = gs_stream_format(st);

	/* output columns: the plan's, then the lineage */
	size_t nout = ncols + (a.lineage_given ? 2 : 0);
	gs_field *names = gs_xmalloc((nout + 1) * sizeof *names);
	memcpy(names, cols, ncols * sizeof *names);
	if (a.lineage_given) {
		names[ncols] = (gs_field){"_file", 5};
		names[ncols + 1] = (gs_field){"_line", 5};
	}
	gs_writer *w = gs_writer_new(stdout, out_format);
	if (gs_manifest_on())
		gs_writer_hash(w);
	gs_writer_header(w, names, nout, NULL);
	gs_rejects *rj = gs_rejects_open(a.rejects_given ? a.rejects_arg : NULL, out_format);
	gs_rejects_stream(rj, st);
	gs_rejects_header(rj, names, nout, !a.lineage_given);

	gs_field *row = gs_xmalloc((nout + 1) * sizeof *row);
	gs_buf why = {0};
	long nread = 0, nwritten = 0;
	char linebuf[32];
	for (;;) {
		gs_row r;
		int k = gs_stream_next(st, &r);
		if (k == GS_REC_EOF)
			break;
		nread++;
		gs_field *out;
		gs_buf_clear(&why);
		int bad = gs_plan_apply(plan, &r, &out, &why) < 0;
		memcpy(row, out, ncols * sizeof *row);
		if (a.lineage_given) {
			const char *f = gs_stream_file(st);
			row[ncols] = (gs_field){f, strlen(f)};
			int n = snprintf(linebuf, sizeof linebuf, "%ld", r.line);
			row[ncols + 1] = (gs_field){linebuf, (size_t)n};
		}
		if (k == GS_REC_BAD) {
			gs_buf_clear(&why);
			gs_buf_adds(&why, gs_stream_error(st));
			bad = 1;
		}
		if (bad) {
			gs_rejects_add(rj, gs_stream_file(st), r.line, row, nout, why.p);
			continue;
		}
		gs_writer_row(w, row, nout);
		nwritten++;
	}
	if (a.map_given)
		gs_manifest_file(a.map_arg, "map");
	gs_manifest_stream(st, "input");
	gs_manifest_output(w);
	gs_writer_free(w);

	long nrej = gs_rejects_count(rj);
	int status = nrej ? GS_REJECT : GS_OK;
	if (gs_stream_status(st) > status)
		status = gs_stream_status(st);
	long ndropped = gs_stream_empty_rows(st);
	nread += ndropped;
	if (nrej || a.verbose_given)
		gs_summary(nread, nwritten, nrej, ndropped);
	if (a.verbose_given && (gs_stream_empty_rows(st) || gs_stream_footer_rows(st)))
		gs_msg(NULL, 0, "%ld empty rows skipped, %ld footer rows left out",
		       gs_stream_empty_rows(st), gs_stream_footer_rows(st));
	int rs = gs_rejects_close(rj);
	if (rs > status)
		status = rs;
	status = gs_manifest_end(status);
	gs_buf_free(&why);
	free(row);
	free(names);
	gs_plan_free(plan);
	gs_stream_close(st);
	gs_map_free(map);
	cmdline_parser_free(&a);
	return gs_close_stdout(status);
}
