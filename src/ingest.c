/* ingest: raw county ledgers in, canonical UTF-8 records out.
 *
 * The reading (encodings, CSV/TSV/JSON, workbooks, headers, footers) is
 * lib/stream;
 * the map and its transformations are lib/ledgermap; this file wires them
 * to the command line and keeps the count read = written + rejected +
 * dropped. Each file is read as a stream of its own with a plan for its
 * own header, so files of different templates (the map renames each
 * template's headers) make one output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "hash.h"
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
			gs_msg(name, 0, "%s", gs_reason_shown(gs_records_reason(r)));
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

/* One ingest run: the output, shared by every file. */
struct run {
	const struct gengetopt_args_info *a;
	const gs_cli *cli;
	gs_map *map;            /* each plan marks the dropped columns it met */
	gs_writer *w;
	gs_rejects *rj;
	gs_field *names;         /* output columns (canonical, then lineage) */
	gs_buf namebuf;
	size_t ncols, nout;
	int format;
	long nread, nwritten, ndropped, nempty, nfooter;
	int status;
};

/* Start the output from the first usable file's plan P. */
static void start_output(struct run *u, const gs_plan *p, const gs_stream *st)
{
	const gs_field *cols;
	u->ncols = gs_plan_columns(p, &cols);
	u->nout = u->ncols + (u->a->lineage_given ? 2 : 0);
	u->names = gs_xmalloc((u->nout + 1) * sizeof *u->names);
	size_t *off = gs_xmalloc((u->ncols + 1) * sizeof *off);
	for (size_t i = 0; i < u->ncols; i++) {
		off[i] = u->namebuf.len;
		gs_buf_add(&u->namebuf, cols[i].p, cols[i].n);
	}
	for (size_t i = 0; i < u->ncols; i++)
		u->names[i] = (gs_field){u->namebuf.p + off[i], cols[i].n};
	free(off);
	if (u->a->lineage_given) {
		u->names[u->ncols] = (gs_field){"_file", 5};
		u->names[u->ncols + 1] = (gs_field){"_line", 5};
	}
	if (u->format < 0)
		u->format = gs_stream_format(st);
	u->w = gs_writer_new(stdout, u->format);
	gs_cli_output_encoding(u->cli, u->w, u->format, "-o");
	gs_writer_header(u->w, u->names, u->nout, NULL);
	u->rj = gs_rejects_open(u->a->rejects_given ? u->a->rejects_arg : NULL, u->format);
	gs_rejects_header(u->rj, u->names, u->nout, !u->a->lineage_given);
}

/* Where each output column is in plan P's columns (PERM[0..ncols)), when P
 * gives the first file's columns, in any order. 0, or -1 after saying how
 * the file differs. */
static int match_columns(const struct run *u, const gs_plan *p, size_t *perm, const char *file,
                         long line)
{
	const gs_field *cols;
	size_t n = gs_plan_columns(p, &cols), i;
	int same = n == u->ncols;
	for (i = 0; same && i < n; i++) {
		same = cols[i].n == u->names[i].n && !memcmp(cols[i].p, u->names[i].p, cols[i].n);
		perm[i] = i;
	}
	if (same)
		return 0;
	if (n == u->ncols) {
		/* the same columns in another order (another template) */
		gs_hash *at = gs_hash_new();
		for (i = 0; i < n; i++)
			gs_hash_put(at, cols[i].p, cols[i].n, (void *)(i + 1));
		for (i = 0; i < n; i++) {
			size_t k = (size_t)gs_hash_get(at, u->names[i].p, u->names[i].n);
			if (!k)
				break;
			perm[i] = k - 1;
		}
		gs_hash_free(at);
		if (i == n)
			return 0;
	}
	size_t j = 0;
	while (j < n && j < u->ncols && cols[j].n == u->names[j].n &&
	       !memcmp(cols[j].p, u->names[j].p, cols[j].n))
		j++;
	if (j < n && j < u->ncols)
		gs_msg(file, line, "header differs from the first file's: column %zu is '%.*s', expected '%.*s'",
		       j + 1, (int)cols[j].n, cols[j].p, (int)u->names[j].n, u->names[j].p);
	else
		gs_msg(file, line, "header differs from the first file's: %zu columns, expected %zu", n, u->ncols);
	return -1;
}

/* One line saying that the file may have been read in the wrong encoding
 * (ENCODING, NULL: auto) when its header RAW[0..N) looks so to the map M
 * (gs_map_misread) as WHEN says: GS_MISREAD_NONE before the map is
 * tried, so that the hint comes first and not after a "no column" line
 * for every column; GS_MISREAD_TEXT after the map failed. */
static void encoding_hint(const gs_map *m, const gs_field *raw, size_t n, const char *encoding,
                          const gs_stream *st, int when)
{
	int k = gs_map_misread(m, raw, n);
	if (k != when)
		return;
	const char *e = encoding ? encoding : "auto";
	if (k == GS_MISREAD_TEXT)
		gs_msg(gs_stream_file(st), gs_stream_header_line(st),
		       "the header has characters no ledger's has (U+FFFD, control or private use): the "
		       "encoding may be wrong (-e %s); give the file's with -e (-e gb18030 for GBK and GB2312)", e);
	else if (k == GS_MISREAD_NONE)
		gs_msg(gs_stream_file(st), gs_stream_header_line(st),
		       "the header has none of the map's columns: the encoding may be wrong (-e %s); give the "
		       "file's with -e (-e gb18030 for GBK and GB2312)", e);
}

/* Read one file (PATH) into the run's output. */
static void ingest_file(struct run *u, char *path, const gs_stream_opts *so)
{
	char *files[1] = {path};
	gs_stream *st = gs_stream_open(files, 1, so);
	const gs_field *raw;
	size_t nraw;
	gs_plan *plan = NULL;
	size_t *perm = NULL;
	if (gs_stream_header(st, &raw, &nraw) < 0) {
		if (u->status < GS_IO)
			u->status = GS_IO;
		goto done;
	}
	encoding_hint(u->map, raw, nraw, so->encoding, st, GS_MISREAD_NONE);
	plan = gs_plan_new(u->map, raw, nraw, u->a->trim_given, gs_stream_file(st),
	                   gs_stream_header_line(st));
	if (!plan) {
		encoding_hint(u->map, raw, nraw, so->encoding, st, GS_MISREAD_TEXT);
		/* left out unread: the manifest names it by its whole bytes */
		gs_manifest_file(strcmp(path, "-") ? path : NULL, "input");
		u->status = GS_IO;
		goto done;
	}
	if (!u->w)
		start_output(u, plan, st);
	gs_rejects_stream(u->rj, st);
	perm = gs_xmalloc((u->ncols + 1) * sizeof *perm);
	if (match_columns(u, plan, perm, gs_stream_file(st), gs_stream_header_line(st)) < 0) {
		gs_manifest_file(strcmp(path, "-") ? path : NULL, "input");
		u->status = GS_IO;
		goto done;
	}
	gs_field *row = gs_xmalloc((u->nout + 1) * sizeof *row);
	gs_reason why = {0};
	char linebuf[32];
	for (;;) {
		gs_row r;
		int k = gs_stream_next(st, &r);
		if (k == GS_REC_EOF)
			break;
		u->nread++;
		/* a total row the map drops is dropped also when its total is
		 * a formula the reader could not read */
		if ((k != GS_REC_BAD || gs_stream_bad_cell(st)) && gs_plan_drop(plan, &r)) {
			u->ndropped++;
			continue;
		}
		gs_field *out;
		gs_reason_clear(&why);
		int bad = gs_plan_apply(plan, &r, &out, &why) < 0;
		for (size_t i = 0; i < u->ncols; i++)
			row[i] = out[perm[i]];
		if (u->a->lineage_given) {
			const char *f = gs_stream_file(st);
			row[u->ncols] = (gs_field){f, strlen(f)};
			int n = snprintf(linebuf, sizeof linebuf, "%ld", r.line);
			row[u->ncols + 1] = (gs_field){linebuf, (size_t)n};
		}
		if (k == GS_REC_BAD) {
			gs_reason_copy(&why, gs_stream_reason(st));
			bad = 1;
		}
		if (bad) {
			gs_rejects_row(u->rj, &(gs_row){row, u->nout, r.line}, &why);
			continue;
		}
		gs_writer_row(u->w, row, u->nout);
		u->nwritten++;
	}
	gs_reason_free(&why);
	free(row);
done:
	if (gs_stream_status(st) > u->status)
		u->status = gs_stream_status(st);
	u->nempty += gs_stream_empty_rows(st) - gs_stream_footer_rows(st);
	u->nfooter += gs_stream_footer_rows(st);
	gs_manifest_stream(st, "input");
	free(perm);
	gs_plan_free(plan);
	if (u->rj)
		gs_rejects_stream(u->rj, NULL);
	gs_stream_close(st);
}

/* How to read each file: the command line wins over the map's layout. */
static gs_stream_opts stream_options(const struct gengetopt_args_info *a, const gs_map *map, int format)
{
	gs_stream_opts so = {0};
	so.format = format;
	so.encoding = a->encoding_given || !gs_map_encoding(map) ? a->encoding_arg : gs_map_encoding(map);
	so.skip = a->skip_given ? a->skip_arg : gs_map_skip(map) > 0 ? gs_map_skip(map) : 0;
	so.header_rows = a->header_rows_given ? a->header_rows_arg : gs_map_header_rows(map);
	if (a->footer_given) {
		so.footer = (const char *const *)a->footer_arg;
		so.nfooter = a->footer_given;
	} else
		so.footer = gs_map_footer(map, &so.nfooter);
	so.sheet = a->sheet_given ? a->sheet_arg : NULL;
	so.fill_merged = a->fill_merged_given;
	so.hash = gs_manifest_on();
	if (!gs_encoding_known(so.encoding))
		gs_die(GS_USAGE, a->map_arg, 0, "unknown encoding '%s'", so.encoding);
	return so;
}

/* After the last file: the counts (manifest and stderr) and the rejects
 * file closed. The exit status. */
static int finish(struct run *u)
{
	long nrej = u->rj ? gs_rejects_count(u->rj) : 0;
	int status = nrej ? GS_REJECT : GS_OK;
	if (u->status > status)
		status = u->status;
	/* blank and footer rows the stream left out count as read and
	 * dropped, like the rows the map's drop_rows leaves out */
	long left = u->nempty + u->nfooter;
	long nread = u->nread + left, ndropped = u->ndropped + left;
	int verbose = u->a->verbose_given;
	gs_manifest_counts(nread, u->nwritten, nrej, ndropped);
	/* after a failed write no summary claims the rows written:
	 * gs_close_stdout says why they were not */
	int written = gs_flush_stdout() == 0;
	if (written && gs_map_has_drop_rows(u->map) && (nrej || ndropped || verbose))
		gs_msg(NULL, 0, "%ld rows read, %ld written, %ld rejected, %ld dropped", nread,
		       u->nwritten, nrej, ndropped);
	else if (written && (nrej || verbose))
		gs_summary(nread, u->nwritten, nrej, ndropped);
	/* the parts of "N dropped", adding up to it */
	if (verbose && gs_map_has_drop_rows(u->map) && ndropped)
		gs_msg(NULL, 0, "%ld empty rows skipped, %ld footer rows left out, %ld rows dropped by the map's drop_rows",
		       u->nempty, u->nfooter, u->ndropped);
	else if (verbose && (u->nempty || u->nfooter))
		gs_msg(NULL, 0, "%ld empty rows skipped, %ld footer rows left out", u->nempty, u->nfooter);
	int rs = u->rj ? gs_rejects_close(u->rj) : GS_OK;
	return rs > status ? rs : status;
}

int main(int argc, char **argv)
{
	struct gengetopt_args_info a;
	gs_cli cli;
	GS_CLI_START(cli, a, "ingest", argc, argv);
	{
		const char *side[] = {a.map_given ? a.map_arg : NULL};
		gs_cli_outputs(&cli, side, sizeof side / sizeof *side, NULL, 0);
	}

	if (a.skip_given && a.skip_arg < 0)
		gs_usage_error("--skip: the number of lines must not be negative");
	if (a.header_rows_given && (a.header_rows_arg < 1 || a.header_rows_arg > 16))
		gs_usage_error("--header-rows: give a number from 1 to 16");
	if (a.encoding_given && !gs_encoding_known(a.encoding_arg))
		gs_usage_error("--encoding: unknown encoding '%s'", a.encoding_arg);
	if (cli.out_format >= 0)
		gs_cli_output_encoding(&cli, NULL, cli.out_format, "-o");
	if (a.list_sheets_given) {
		int st = list_sheets(a.inputs, a.inputs_num, cli.in_format);
		cmdline_parser_free(&a);
		exit(gs_close_stdout(st));
	}

	gs_map *map = NULL;
	if (a.map_given && !(map = gs_map_load(a.map_arg)))
		exit(GS_USAGE);
	if (a.map_given)
		gs_manifest_file(a.map_arg, "map");
	gs_stream_opts so = stream_options(&a, map, cli.in_format);

	struct run u = {0};
	u.a = &a;
	u.cli = &cli;
	u.map = map;
	u.format = cli.out_format;
	static char *dash[] = {"-"};
	char **files = a.inputs_num ? a.inputs : dash;
	size_t nfiles = a.inputs_num ? a.inputs_num : 1;
	for (size_t f = 0; f < nfiles; f++)
		ingest_file(&u, files[f], &so);
	if (u.w)
		gs_map_warn_drops(map);
	gs_manifest_output(u.w);
	gs_writer_free(u.w);

	int status = gs_manifest_end(finish(&u));
	free(u.names);
	gs_buf_free(&u.namebuf);
	gs_map_free(map);
	cmdline_parser_free(&a);
	return gs_close_stdout(status);
}
