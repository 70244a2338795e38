#include "stream.h"
#include "buf.h"
#include "diag.h"
#include "i18n.h"
#include "hash.h"
#include "input.h"
#include "manifest.h"
#include "progress.h"
#include "utf8.h"
#include "writer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct gs_stream {
	char *const *files;
	size_t nfiles, next_file;
	gs_stream_opts o;
	char *stdin_name[1];

	gs_input *in;
	gs_records *rec;
	const char *cur;         /* display name of the current file */
	gs_buf curbuf;           /*   (FILE[SHEET] for a workbook) */
	gs_field *pad;           /* a short workbook row, filled out */
	size_t cappad;
	int format;              /* of the first file with a header */

	int have_header;
	long header_line;        /* where the current file's header starts */
	gs_buf hbuf;             /* header names' bytes */
	gs_field *names;
	size_t ncols;

	int status;
	long empty_rows, footer_rows;
	long skipped_before;     /* empty + footer rows of the files closed */
	gs_file_stat *stats;     /* files finished */
	size_t nstats;
	long cur_rows;
	int bad_width;
	int last_bad;            /* the row handed out was GS_REC_BAD */
	gs_row bad;              /*   its cells */
	gs_buf rawbuf;           /*   its text, made from them (workbook) */
	int complete;            /* the current file reached its end */
	gs_progress *progress;   /* NULL when no line is to be shown */
	unsigned long long done_bytes;   /* raw bytes of the files closed */
	unsigned long calls;     /* of gs_stream_next */
	gs_reason err;           /* why the last GS_REC_BAD row is bad */
	gs_reason fail_why;      /* why the current file is being left, */
	long fail_col;           /*   and where its header parts, for its stat */
};

/* The bytes of FILES[0..N) together when every one is a regular file,
 * else 0 (unknown). */
static unsigned long long total_size(char *const *files, size_t n)
{
	unsigned long long t = 0;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		int r = strcmp(files[i], "-") ? stat(files[i], &st) : fstat(0, &st);
		if (r != 0 || !S_ISREG(st.st_mode))
			return 0;
		t += (unsigned long long)st.st_size;
	}
	return t;
}

static void progress(gs_stream *s)
{
	long rows = s->cur_rows + s->empty_rows + s->footer_rows;
	for (size_t i = 0; i < s->nstats; i++)
		rows += s->stats[i].rows;
	gs_progress_update(s->progress, s->done_bytes + (s->in ? gs_input_bytes(s->in) : 0), rows);
}

gs_stream *gs_stream_open(char *const *files, size_t nfiles, const gs_stream_opts *o)
{
	gs_stream *s = calloc(1, sizeof *s);
	if (!s)
		gs_die(GS_IO, NULL, 0, "out of memory");
	s->stdin_name[0] = "-";
	s->files = nfiles ? files : s->stdin_name;
	s->nfiles = nfiles ? nfiles : 1;
	s->o = *o;
	if (s->o.header_rows > GS_HEADER_ROWS_MAX)
		gs_die(GS_USAGE, NULL, 0, "%d header rows: at most %d are read", s->o.header_rows,
		       GS_HEADER_ROWS_MAX);
	if (s->o.header_rows < 1)
		s->o.header_rows = 1;
	s->format = o->format;
	if (!o->no_progress)
		s->progress = gs_progress_new(total_size(s->files, s->nfiles));
	gs_manifest_watch(s);
	return s;
}

static void close_file(gs_stream *s)
{
	if (s->in) {
		s->stats = gs_xrealloc(s->stats, (s->nstats + 1) * sizeof *s->stats);
		gs_file_stat *f = &s->stats[s->nstats++];
		f->name = gs_xstrndup(s->cur, strlen(s->cur));
		f->bytes = gs_input_bytes(s->in);
		f->sha256[0] = 0;
		if (s->o.hash)
			gs_input_sha256(s->in, f->sha256);
		f->rows = s->cur_rows;
		f->skipped = s->empty_rows + s->footer_rows - s->skipped_before;
		s->skipped_before = s->empty_rows + s->footer_rows;
		f->complete = s->rec && s->complete;
		f->why = s->fail_why;
		f->other_header = s->fail_col;
		s->fail_why = (gs_reason){0};
		s->done_bytes += f->bytes;
	}
	s->fail_col = 0;
	s->complete = 0;
	s->cur_rows = 0;
	gs_records_close(s->rec);
	gs_input_close(s->in);
	s->rec = NULL;
	s->in = NULL;
}

/* Stop reading the current file for WHY, said on stderr at LINE and kept
 * in the file's gs_file_stat (for a report that names every input). */
static void file_failed_reason(gs_stream *s, long line, const gs_reason *why)
{
	gs_msg(s->cur, line, "%s", gs_reason_shown(why));
	gs_reason_copy(&s->fail_why, why);
	s->status = GS_IO;
	close_file(s);
}

static void file_failed(gs_stream *s, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void file_failed(gs_stream *s, long line, const char *fmt, ...)
{
	gs_reason why = {0};
	va_list ap;
	va_start(ap, fmt);
	gs_reason_vprintf(&why, fmt, ap);
	va_end(ap);
	file_failed_reason(s, line, &why);
	gs_reason_free(&why);
}

/* Join NROWS raw header rows (row R has ROWN[R] cells, cell K at
 * ROWS[R].p + COFF[R][K], COFF[R][K] bytes long) into NCOLS names: an empty
 * cell of an upper row takes the value to its left (a merged cell), and
 * the non-empty parts are joined with '/'. */
static void build_header(gs_buf *out, gs_buf *rows, size_t nrows, size_t ncols,
                         size_t *const *coff, size_t *const *clen, const size_t *rown,
                         size_t *off, size_t *len)
{
	for (size_t c = 0; c < ncols; c++) {
		off[c] = out->len;
		int parts = 0;
		for (size_t r = 0; r < nrows; r++) {
			const char *p = NULL;
			size_t n = 0;
			for (size_t k = c;; k--) {
				if (k < rown[r]) {
					p = rows[r].p + coff[r][k];
					n = clen[r][k];
					gs_trim(&p, &n);
				}
				/* only upper rows fill from the left */
				if (n || r + 1 == nrows || k == 0)
					break;
			}
			if (!n)
				continue;
			if (parts++)
				gs_buf_addc(out, '/');
			gs_buf_add(out, p, n);
		}
		len[c] = out->len - off[c];
	}
}

/* Check NAMES[0..N): none empty, none repeated. Returns 0 or -1 (reported). */
static int check_names(gs_stream *s, const gs_field *names, size_t n)
{
	gs_hash *seen = gs_hash_new();
	int ret = 0;
	for (size_t i = 0; i < n && ret == 0; i++) {
		void *prev = gs_hash_get(seen, names[i].p, names[i].n);
		if (names[i].n == 0) {
			file_failed(s, s->header_line, "header: column %zu has an empty name", i + 1);
			ret = -1;
		} else if (prev) {
			file_failed(s, s->header_line, "header: column %zu repeats the name '%.*s' of column %zu", i + 1,
			            (int)names[i].n, names[i].p, (size_t)prev);
			ret = -1;
		} else
			gs_hash_put(seen, names[i].p, names[i].n, (void *)(i + 1));
	}
	gs_hash_free(seen);
	return ret;
}

/* Read the header of the current file into NAMES (bytes in HB). Returns
 * the number of columns, or -1 (reported). */
static long read_header(gs_stream *s, gs_buf *hb, gs_field **names)
{
	size_t nrows = (size_t)s->o.header_rows;
	gs_buf rows[GS_HEADER_ROWS_MAX] = {{0}};
	size_t *coff[GS_HEADER_ROWS_MAX] = {0}, *clen[GS_HEADER_ROWS_MAX] = {0};
	size_t rown[GS_HEADER_ROWS_MAX] = {0};
	size_t ncols = 0;
	long ret = -1;
	for (size_t r = 0; r < nrows; r++) {
		gs_row row;
		int k = gs_records_next(s->rec, &row);
		if (k == GS_REC_FAIL) {
			file_failed_reason(s, gs_records_line(s->rec), gs_records_reason(s->rec));
			goto out;
		}
		if (k == GS_REC_EOF) {
			if (r)
				file_failed(s, 0, "input ends inside the header");
			else
				file_failed(s, 0, "empty input: no header");
			goto out;
		}
		if (r == 0)
			s->header_line = row.line;
		if (k == GS_REC_BAD) {
			gs_reason why = {0};
			gs_reason_copy(&why, gs_records_reason(s->rec));
			gs_reason_prefix(&why, "header: ");
			file_failed_reason(s, row.line, &why);
			gs_reason_free(&why);
			goto out;
		}
		if (r && gs_records_format(s->rec) == GS_FMT_JSON) {
			file_failed(s, 0, "JSON lines have a one-row header (the first object's keys)");
			goto out;
		}
		if (row.n > ncols)
			ncols = row.n;
		rown[r] = row.n;
		coff[r] = gs_xmalloc((row.n + 1) * sizeof(size_t));
		clen[r] = gs_xmalloc((row.n + 1) * sizeof(size_t));
		for (size_t i = 0; i < row.n; i++) {
			coff[r][i] = rows[r].len;
			clen[r][i] = row.f[i].n;
			gs_buf_add(&rows[r], row.f[i].p, row.f[i].n);
		}
	}
	size_t *off = gs_xmalloc((ncols + 1) * sizeof *off);
	size_t *len = gs_xmalloc((ncols + 1) * sizeof *len);
	gs_buf_clear(hb);
	build_header(hb, rows, nrows, ncols, coff, clen, rown, off, len);
	*names = gs_xrealloc(*names, (ncols + 1) * sizeof **names);
	for (size_t i = 0; i < ncols; i++) {
		(*names)[i].p = hb->p ? hb->p + off[i] : "";
		(*names)[i].n = len[i];
	}
	free(off);
	free(len);
	if (s->o.any_names || check_names(s, *names, ncols) == 0)
		ret = (long)ncols;
out:
	for (size_t r = 0; r < nrows; r++) {
		gs_buf_free(&rows[r]);
		free(coff[r]);
		free(clen[r]);
	}
	return ret;
}

/* Open the next file and read its header. 1 when a file is ready, 0 when
 * there are no more files. */
static int open_next(gs_stream *s)
{
	while (s->next_file < s->nfiles) {
		const char *path = s->files[s->next_file++];
		const char *why;
		s->cur = gs_display_name(path);
		s->in = gs_input_open(path, s->o.encoding, &why);
		if (!s->in) {
			gs_msg(s->cur, 0, "cannot open: %s", why);
			s->status = GS_IO;
			continue;
		}
		if (s->o.hash)
			gs_input_hash(s->in);
		s->rec = gs_records_open(s->in, s->o.format, s->o.skip);
		gs_records_sheet_options(s->rec, s->o.sheet, s->o.fill_merged, s->o.header_rows);
		if (gs_records_start(s->rec) < 0) {
			file_failed_reason(s, 0, gs_records_reason(s->rec));
			continue;
		}
		const char *sheet = gs_records_sheet(s->rec);
		if (!sheet && (s->o.sheet || s->o.fill_merged)) {
			if (s->o.sheet)
				file_failed(s, 0, "not a workbook (.xlsx or .xls), so --sheet cannot apply");
			else
				file_failed(s, 0, "not a workbook (.xlsx or .xls), so --fill-merged cannot apply");
			continue;
		}
		if (sheet) {
			gs_buf_clear(&s->curbuf);
			gs_buf_printf(&s->curbuf, "%s[%s]", s->cur, sheet);
			s->cur = s->curbuf.p;
		}
		if (s->o.header) {
			/* a split of a file: the header comes with the options */
			if (!s->have_header) {
				s->names = gs_xmalloc((s->o.nheader + 1) * sizeof *s->names);
				memcpy(s->names, s->o.header, s->o.nheader * sizeof *s->names);
				s->ncols = s->o.nheader;
				s->have_header = 1;
				s->format = gs_records_format(s->rec);
			}
			return 1;
		}
		if (!s->have_header) {
			long n = read_header(s, &s->hbuf, &s->names);
			if (n < 0)
				continue;
			s->ncols = (size_t)n;
			s->have_header = 1;
			s->format = gs_records_format(s->rec);
			return 1;
		}
		gs_buf hb = {0};
		gs_field *names = NULL;
		long n = read_header(s, &hb, &names);
		int same = n == (long)s->ncols;
		for (size_t i = 0; same && i < s->ncols; i++)
			same = names[i].n == s->names[i].n &&
			       !memcmp(names[i].p, s->names[i].p, names[i].n);
		if (n >= 0 && !same) {
			size_t i = 0;
			while (i < (size_t)n && i < s->ncols && names[i].n == s->names[i].n &&
			       !memcmp(names[i].p, s->names[i].p, names[i].n))
				i++;
			s->fail_col = (long)i + 1;
			if (i < (size_t)n && i < s->ncols)
				file_failed(s, s->header_line, "header differs from the first file's: column %zu is '%.*s', "
				            "expected '%.*s'", i + 1, (int)names[i].n, names[i].p, (int)s->names[i].n,
				            s->names[i].p);
			else
				file_failed(s, s->header_line, "header differs from the first file's: %ld columns, expected %zu",
				            n, s->ncols);
		}
		gs_buf_free(&hb);
		free(names);
		if (n >= 0 && same)
			return 1;
	}
	return 0;
}

int gs_stream_header(gs_stream *s, const gs_field **names, size_t *n)
{
	if (!s->have_header && !s->rec && !open_next(s))
		return -1;
	*names = s->names;
	*n = s->ncols;
	return 0;
}

static int all_empty(const gs_row *row)
{
	for (size_t i = 0; i < row->n; i++) {
		const char *p = row->f[i].p;
		size_t n = row->f[i].n;
		gs_trim(&p, &n);
		if (n)
			return 0;
	}
	return 1;
}

/* 1 when ROW holds the names of the given header (the first line of the
 * file that a split was cut from). */
static int is_header(const gs_stream *s, const gs_row *row)
{
	if (!s->o.header || row->n != s->ncols)
		return 0;
	for (size_t i = 0; i < row->n; i++) {
		const char *p = row->f[i].p;
		size_t n = row->f[i].n;
		gs_trim(&p, &n);
		if (n != s->names[i].n || memcmp(p, s->names[i].p, n))
			return 0;
	}
	return 1;
}

static int is_footer(const gs_stream *s, const gs_row *row)
{
	if (!s->o.nfooter)
		return 0;
	for (size_t i = 0; i < row->n; i++) {
		const char *p = row->f[i].p;
		size_t n = row->f[i].n;
		gs_trim(&p, &n);
		if (!n)
			continue;
		for (size_t k = 0; k < s->o.nfooter; k++) {
			size_t fl = strlen(s->o.footer[k]);
			if (fl <= n && !memcmp(p, s->o.footer[k], fl))
				return 1;
		}
		return 0;
	}
	return 0;
}

int gs_stream_next(gs_stream *s, gs_row *row)
{
	s->last_bad = 0;
	if (s->progress && !(++s->calls & 255))
		progress(s);
	for (;;) {
		if (!s->rec && !open_next(s)) {
			gs_progress_end(s->progress);
			s->progress = NULL;
			return GS_REC_EOF;
		}
		int k = gs_records_next(s->rec, row);
		if (s->o.header && gs_records_format(s->rec) == GS_FMT_JSON) {
			file_failed(s, 0, "JSON lines name their fields in every line: "
			            "a header from another file is for CSV and TSV");
			continue;
		}
		if (k == GS_REC_EOF) {
			s->complete = 1;
			close_file(s);
			continue;
		}
		if (k == GS_REC_FAIL) {
			file_failed_reason(s, gs_records_line(s->rec), gs_records_reason(s->rec));
			continue;
		}
		if (k == GS_REC_BAD) {
			gs_reason_copy(&s->err, gs_records_reason(s->rec));
			s->bad_width = 0;
			s->last_bad = 1;
			s->bad = *row;
			s->cur_rows++;
			return GS_REC_BAD;
		}
		if (is_header(s, row))
			continue;
		if (is_footer(s, row)) {
			/* the rest of the file is footer: count its records, and
			 * say where one looks like data (a footer line put above
			 * the last rows cuts them off) */
			long at = row->line, first = 0, ndata = 0;
			s->footer_rows++;
			gs_row rest;
			int j;
			while ((j = gs_records_next(s->rec, &rest)) == GS_REC_ROW || j == GS_REC_BAD) {
				s->footer_rows++;
				if (j == GS_REC_BAD || (!all_empty(&rest) && !is_footer(s, &rest))) {
					if (!ndata++)
						first = rest.line;
				}
			}
			if (ndata)
				gs_msg(s->cur, first, "%ld rows after the footer line %ld are not footer text: "
				       "left out with the footer", ndata, at);
			if (j == GS_REC_FAIL) {
				file_failed_reason(s, gs_records_line(s->rec), gs_records_reason(s->rec));
				continue;
			}
			s->complete = 1;
			close_file(s);
			continue;
		}
		if (all_empty(row)) {
			s->empty_rows++;
			continue;
		}
		s->cur_rows++;
		if (row->n < s->ncols && gs_format_is_workbook(gs_records_format(s->rec))) {
			if (s->cappad < s->ncols) {
				s->cappad = s->ncols;
				s->pad = gs_xrealloc(s->pad, s->cappad * sizeof *s->pad);
			}
			memcpy(s->pad, row->f, row->n * sizeof *s->pad);
			for (size_t i = row->n; i < s->ncols; i++)
				s->pad[i] = (gs_field){"", 0};
			row->f = s->pad;
			row->n = s->ncols;
		}
		if (row->n != s->ncols) {
			gs_reason_clear(&s->err);
			gs_reason_printf(&s->err, "row has %zu fields, the header has %zu", row->n, s->ncols);
			s->bad_width = 1;
			s->last_bad = 1;
			s->bad = *row;
			return GS_REC_BAD;
		}
		return GS_REC_ROW;
	}
}

const gs_reason *gs_stream_reason(const gs_stream *s)
{
	return &s->err;
}

const char *gs_stream_file(const gs_stream *s)
{
	return s->cur ? s->cur : "-";
}

int gs_stream_status(const gs_stream *s)
{
	return s->status;
}

const gs_file_stat *gs_stream_files(const gs_stream *s, size_t *n)
{
	*n = s->nstats;
	return s->stats;
}

int gs_stream_raw(gs_stream *s, const char **p, size_t *n)
{
	*p = NULL;
	*n = 0;
	if (!s->last_bad || !s->rec)
		return 0;
	gs_records_raw(s->rec, p, n);
	if (!*p && !s->bad_width)
		return 0;   /* a workbook's cell that is wrong: the cells are whole */
	if (!*p) {
		/* a workbook's row longer than its header: its cells, as a CSV line */
		gs_buf_clear(&s->rawbuf);
		for (size_t i = 0; i < s->bad.n; i++) {
			if (i)
				gs_buf_addc(&s->rawbuf, ',');
			gs_csv_field(&s->rawbuf, s->bad.f[i].p, s->bad.f[i].n, ',');
		}
		*p = s->rawbuf.p ? s->rawbuf.p : "";
		*n = s->rawbuf.len;
	}
	return 1;
}

long gs_stream_header_line(const gs_stream *s)
{
	return s->header_line;
}

int gs_stream_bad_width(const gs_stream *s)
{
	return s->bad_width;
}

int gs_stream_bad_cell(const gs_stream *s)
{
	return s->last_bad && !s->bad_width && s->rec &&
	       gs_format_is_workbook(gs_records_format(s->rec));
}

long gs_stream_empty_rows(const gs_stream *s)
{
	return s->empty_rows + s->footer_rows;
}

long gs_stream_footer_rows(const gs_stream *s)
{
	return s->footer_rows;
}

int gs_stream_format(const gs_stream *s)
{
	return s->format == GS_FMT_AUTO || gs_format_is_workbook(s->format) ? GS_FMT_CSV : s->format;
}

void gs_stream_close(gs_stream *s)
{
	if (!s)
		return;
	close_file(s);
	gs_progress_end(s->progress);
	gs_manifest_unwatch(s);
	for (size_t i = 0; i < s->nstats; i++) {
		free(s->stats[i].name);
		gs_reason_free(&s->stats[i].why);
	}
	gs_reason_free(&s->fail_why);
	free(s->stats);
	gs_buf_free(&s->hbuf);
	gs_buf_free(&s->curbuf);
	gs_buf_free(&s->rawbuf);
	gs_reason_free(&s->err);
	free(s->pad);
	free(s->names);
	free(s);
}

gs_stream *gs_stream_open_range(const char *path, const char *name, unsigned long long off,
                                unsigned long long len, int format, const gs_field *names,
                                size_t ncols)
{
	gs_stream *s = gs_xcalloc(1, sizeof *s);
	s->stdin_name[0] = (char *)path;
	s->files = s->stdin_name;
	s->nfiles = s->next_file = 1;    /* open_next has nothing more to open */
	s->o.format = s->format = format;
	s->o.header_rows = 1;
	s->cur = name;
	const char *why;
	s->in = gs_input_open_range(path, off, len, "utf-8", &why);
	if (!s->in) {
		gs_msg(s->cur, 0, "cannot open: %s", why);
		s->status = GS_IO;
		return s;
	}
	s->rec = gs_records_open(s->in, format, 0);
	if (gs_records_start(s->rec) < 0) {
		file_failed_reason(s, 0, gs_records_reason(s->rec));
		return s;
	}
	if (names) {
		s->names = gs_xmalloc((ncols + 1) * sizeof *s->names);
		memcpy(s->names, names, ncols * sizeof *s->names);
		s->ncols = ncols;
	} else {
		long k = read_header(s, &s->hbuf, &s->names);
		if (k < 0)
			return s;
		s->ncols = (size_t)k;
	}
	s->have_header = 1;
	return s;
}

int gs_stream_shows_progress(const gs_stream *s)
{
	return s->progress != NULL;
}
