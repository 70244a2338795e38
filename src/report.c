/* report: the table people read, and the record auditors check.
 *
 * The table is small (townships, villages, periods), so it is read whole;
 * the work is presentation: display widths for aligned text, escaping for
 * Markdown and HTML, an inline SVG chart, target marks, the comparison
 * with the previous period, and a provenance footer. Nothing depends on
 * the clock or the machine, so the same inputs give the same bytes. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unilbrk.h>

#include "buf.h"
#include "catalogue.h"
#include "cli.h"
#include "dates.h"
#include "diag.h"
#include "i18n.h"
#include "expr.h"
#include "hash.h"
#include "lines.h"
#include "manifest.h"
#include "num.h"
#include "report_cmd.h"
#include "shquote.h"
#include "stream.h"
#include "utf8.h"
#include "writer.h"
#include "xlsxout.h"

enum fmt { F_TEXT, F_MARKDOWN, F_HTML, F_JSON, F_CSV, F_XLSX, F_TSV };
enum kind { K_PLAIN, K_NUM, K_PERCENT, K_MARK };

/* A table read whole. */
struct table {
	size_t ncols, nrows;
	char **names;
	gs_hash *index;          /* name -> column + 1 */
	char ***cells;           /* [row][col], "" for empty */
	char sha[65];
	long rows_read;
	long rows_bad;           /* unreadable, left out (named on stderr) */
	long rows_where;         /* left out by --where */
	char *source;
};

/* A column as shown. */
struct col {
	char *name;              /* machine name */
	char *label;             /* display name */
	int kind;                /* enum kind */
	int numeric;             /* a number column (right-aligned) */
	int decimals;            /* shown with these decimals (-1: as written) */
	char **val;              /* raw value per output row ("" = NA) */
	char **shown;            /* display text per output row */
};

/* TRANSLATORS: the title of a page, and the name of a workbook's sheet,
 * made without --title: one word in the reader's language */
static const char *const default_title = N_("Report");

static char *dup(const char *s)
{
	return gs_xstrndup(s, strlen(s));
}

static int in_list(char **l, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(l[i], s))
			return 1;
	return 0;
}

/* Index T's column names; a repeated name finds its first column. */
static void set_index(struct table *t)
{
	t->index = gs_hash_new();
	for (size_t i = 0; i < t->ncols; i++)
		if (!gs_hash_get(t->index, t->names[i], strlen(t->names[i])))
			gs_hash_put(t->index, t->names[i], strlen(t->names[i]), (void *)(i + 1));
}

/* Read T whole; with WHERE, keep only the rows where it holds. */
static void read_table(struct table *t, char **files, size_t nfiles, int format, int *status,
                       const char *where)
{
	gs_stream_opts so = {0};
	so.format = format;
	so.hash = 1;
	gs_stream *st = gs_stream_open(files, nfiles, &so);
	const gs_field *names;
	size_t n;
	if (gs_stream_header(st, &names, &n) < 0)
		exit(gs_close_stdout(gs_stream_status(st) ? gs_stream_status(st) : GS_IO));
	t->ncols = n;
	t->names = gs_xmalloc((n + 1) * sizeof *t->names);
	for (size_t i = 0; i < n; i++)
		t->names[i] = gs_xstrndup(names[i].p, names[i].n);
	set_index(t);
	gs_expr *wh = NULL;
	gs_reason err = {0};
	if (where) {
		size_t pos = 0;
		if (!(wh = gs_expr_parse(where, &pos, 1, &err)))
			gs_usage_error("--where '%s': column %zu: %s", where, pos + 1, gs_reason_shown(&err));
		if (gs_expr_bind(wh, names, n, &err) < 0)
			gs_usage_error("--where: %s (in %s)", gs_reason_shown(&err), nfiles ? files[0] : "-");
	}
	gs_row r;
	int k;
	size_t cap = 0;
	while ((k = gs_stream_next(st, &r)) != GS_REC_EOF) {
		t->rows_read++;
		if (k == GS_REC_BAD) {
			gs_msg(gs_stream_file(st), r.line, "%s", gs_reason_shown(gs_stream_reason(st)));
			*status = GS_REJECT;
			t->rows_bad++;
			continue;
		}
		if (wh) {
			gs_reason_clear(&err);
			int keep = gs_expr_test(wh, r.f, &err);
			if (keep < 0) {
				gs_msg(gs_stream_file(st), r.line, "--where: %s", gs_reason_shown(&err));
				*status = GS_REJECT;
				t->rows_bad++;
				continue;
			}
			if (!keep) {
				t->rows_where++;
				continue;
			}
		}
		if (t->nrows == cap) {
			cap = cap ? 2 * cap : 64;
			t->cells = gs_xrealloc(t->cells, cap * sizeof *t->cells);
		}
		char **row = gs_xmalloc((n + 1) * sizeof *row);
		for (size_t i = 0; i < n; i++)
			row[i] = gs_xstrndup(r.f[i].p, r.f[i].n);
		t->cells[t->nrows++] = row;
	}
	if (gs_stream_status(st) > *status)
		*status = gs_stream_status(st);
	size_t nf;
	const gs_file_stat *fs = gs_stream_files(st, &nf);
	t->source = dup(nf ? fs[0].name : "-");
	if (nf == 1)
		memcpy(t->sha, fs[0].sha256, 65);
	gs_manifest_stream(st, "input");
	gs_stream_close(st);
	gs_expr_free(wh);
	gs_reason_free(&err);
}

/* Free T's names, cells and index, keeping what it says of its source. */
static void free_cells(struct table *t)
{
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t i = 0; i < t->ncols; i++)
			free(t->cells[r][i]);
		free(t->cells[r]);
	}
	for (size_t i = 0; i < t->ncols; i++)
		free(t->names[i]);
	free(t->cells);
	free(t->names);
	gs_hash_free(t->index);
}

static void free_table(struct table *t)
{
	free_cells(t);
	free(t->source);
}

static void free_list(char **l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

/* The column NAME of T, or -1: by the index, so that a table of many
 * columns costs no more per column than one of a few. */
static long col_index(const struct table *t, const char *name)
{
	void *v = t->index ? gs_hash_get(t->index, name, strlen(name)) : NULL;
	return v ? (long)((size_t)v - 1) : -1;
}

static int is_number(const char *s, gs_num *v)
{
	gs_num tmp;
	return *s && gs_num_parse(s, strlen(s), v ? v : &tmp) == 0;
}

/* The first column of T, other than SKIP, with a value that is not a
 * number (the units' names), or -1. */
static long first_text_column(const struct table *t, long skip)
{
	for (size_t i = 0; i < t->ncols; i++)
		for (size_t r = 0; r < t->nrows && (long)i != skip; r++)
			if (*t->cells[r][i] && !is_number(t->cells[r][i], NULL))
				return (long)i;
	return -1;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The values of column C of T, sorted, each once (the periods): *N of
 * them, pointing into T. */
static char **sorted_values(const struct table *t, long c, size_t *n)
{
	char **v = gs_xmalloc((t->nrows + 1) * sizeof *v);
	for (size_t r = 0; r < t->nrows; r++)
		v[r] = t->cells[r][c];
	qsort(v, t->nrows, sizeof *v, cmp_str);
	size_t u = 0;
	for (size_t i = 0; i < t->nrows; i++)
		if (!u || strcmp(v[i], v[u - 1]))
			v[u++] = v[i];
	*n = u;
	return v;
}

/* Without --decimals, numbers are shown as written up to this many
 * decimals, and rounded to it beyond (an exact ratio from tally). */
#define SHOW_DECIMALS 4

/* Display a raw value: percentages, rounding, NA. */
static char *show(const char *raw, int kind, int decimals, const char *na)
{
	gs_num v;
	if (!*raw)
		return dup(na);
	if (kind == K_NUM && decimals < 0 && is_number(raw, &v) && (v.scale < 0 || v.scale > SHOW_DECIMALS))
		decimals = SHOW_DECIMALS;
	if ((kind == K_NUM && decimals >= 0) || kind == K_PERCENT) {
		if (!is_number(raw, &v))
			return dup(raw);
		gs_buf b = {0};
		if (kind == K_PERCENT) {
			gs_num_mul(v, gs_num_int(100), &v);
			gs_num_format_round(&b, v, decimals >= 0 ? decimals : 2);
			gs_buf_addc(&b, '%');
		} else
			gs_num_format_round(&b, v, decimals);
		return b.p;
	}
	return dup(raw);
}

/* A change, signed: "+1.25", "-3", "0"; in percentage points for percents,
 * their unit in the reader's language. */
static char *show_change(const char *raw, int kind, int decimals, const char *na)
{
	gs_num v;
	if (!*raw || !is_number(raw, &v))
		return dup(na);
	gs_buf b = {0};
	if (v.num > 0)
		gs_buf_addc(&b, '+');
	if (kind == K_PERCENT) {
		gs_num_mul(v, gs_num_int(100), &v);
		gs_num_format_round(&b, v, decimals >= 0 ? decimals : 2);
		/* TRANSLATORS: percentage points, written right after a change
		 * of a percentage: +1.58pp (a Chinese bulletin: +1.58个百分点) */
		gs_buf_adds(&b, _("pp"));
	} else if (decimals >= 0)
		gs_num_format_round(&b, v, decimals);
	else if (v.scale < 0 || v.scale > SHOW_DECIMALS)
		gs_num_format_round(&b, v, SHOW_DECIMALS);
	else
		gs_num_format(&b, v, SHOW_DECIMALS);
	return b.p;
}

/* ---- output helpers ---- */

static void html_escape(gs_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': gs_buf_adds(b, "&amp;"); break;
		case '<': gs_buf_adds(b, "&lt;"); break;
		case '>': gs_buf_adds(b, "&gt;"); break;
		case '"': gs_buf_adds(b, "&quot;"); break;
		case '\'': gs_buf_adds(b, "&#39;"); break;
		default: gs_buf_addc(b, *s);
		}
	}
}

/* Whether S, just after an '&', would make an HTML entity of it
 * (&amp; &#62; &#x3e;): a name or number and a ';'. */
static int entity_after(const char *s)
{
	size_t i = *s == '#' ? 1 : 0;
	if (i && (s[i] == 'x' || s[i] == 'X'))
		i++;
	size_t from = i;
	while ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))
		i++;
	return i > from && s[i] == ';';
}

/* Text in Markdown (CommonMark, GitHub's pipe tables): a character that
 * would mark it up is escaped with a backslash, which a renderer drops
 * and a reader of the file reads past; never an HTML entity, which the
 * file would show as &gt;. < is escaped because it may open a tag, & only
 * where it would begin an entity; > and the other characters are text in
 * the middle of a line. A line break is <br>, the one break a table cell
 * can hold. */
static void md_escape(gs_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '|': case '\\': case '*': case '_': case '`': case '[': case ']': case '<':
			gs_buf_addc(b, '\\');
			gs_buf_addc(b, *s);
			break;
		case '&':
			if (entity_after(s + 1))
				gs_buf_addc(b, '\\');
			gs_buf_addc(b, '&');
			break;
		case '\n': gs_buf_adds(b, "<br>"); break;
		case '\r': break;
		default: gs_buf_addc(b, *s);
		}
	}
}

/* A paragraph of Markdown (the caption, the target's line): md_escape's
 * text, and a first character that would make it a heading, a quote, a
 * list or a rule (# > - + = ~, or the . or ) of "1.") escaped too. */
static void md_paragraph(gs_buf *b, const char *s)
{
	size_t d = strspn(s, "0123456789");
	if (*s && strchr("#>-+=~", *s)) {
		gs_buf_addc(b, '\\');
		gs_buf_addc(b, *s++);
	} else if (d && d <= 9 && (s[d] == '.' || s[d] == ')')) {
		gs_buf_add(b, s, d);
		gs_buf_addc(b, '\\');
		gs_buf_addc(b, s[d]);
		s += d + 1;
	}
	md_escape(b, s);
}

/* S as a Markdown code span: fenced by one backtick more than the longest
 * run of them in S (a command of --where '`镇街` != "全县"'), and spaced
 * from a fence it would run into; the renderer shows S as it is. */
static void md_code(gs_buf *b, const char *s)
{
	size_t longest = 0, run = 0;
	for (const char *p = s; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	size_t n = strlen(s);
	int spaced = longest && (s[0] == '`' || s[n - 1] == '`');
	for (size_t i = 0; i <= longest; i++)
		gs_buf_addc(b, '`');
	if (spaced)
		gs_buf_addc(b, ' ');
	gs_buf_adds(b, s);
	if (spaced)
		gs_buf_addc(b, ' ');
	for (size_t i = 0; i <= longest; i++)
		gs_buf_addc(b, '`');
}

static size_t width_of(const char *s)
{
	return gs_display_width(s, strlen(s));
}

/* Append S (N bytes) cut to W display columns (W >= 1), ending with '~'
 * when cut. */
static void put_cut(gs_buf *b, const char *s, size_t n, size_t w)
{
	size_t used = 0, i = 0;
	if (gs_display_width(s, n) <= w) {
		gs_buf_add(b, s, n);
		return;
	}
	while (i < n) {
		size_t len = gs_utf8_char_len(s + i, n - i);
		size_t cw = gs_display_width(s + i, len);
		if (used + cw > w - 1)
			break;
		gs_buf_add(b, s + i, len);
		used += cw;
		i += len;
	}
	gs_buf_addc(b, '~');
	used++;
	while (used++ < w)
		gs_buf_addc(b, ' ');
}

static void pad(gs_buf *b, size_t n)
{
	while (n--)
		gs_buf_addc(b, ' ');
}

/* Whether S is a date written YYYY-MM-DD that the calendar has (not
 * 2026-02-30): the one form the page shows, so that a date is never
 * printed as something people would misread or a typo would leave. */
static int is_iso_date(const char *s)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return 0;
	return !s[10] && gs_date_valid(atoi(s), atoi(s + 5), atoi(s + 8));
}

/* SOURCE_DATE_EPOCH in *S: 1 when it is set, 0 when not. A value that is
 * not whole seconds from 1970 to the end of 9999 is a usage error, as the
 * reproducible-builds convention asks, never a date silently left out. */
static int source_date_epoch(long long *s)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (!e || !*e)
		return 0;
	char *end;
	errno = 0;
	*s = strtoll(e, &end, 10);
	if (*end || errno || *e < '0' || *e > '9' || *s > 253402300799LL)
		gs_usage_error("SOURCE_DATE_EPOCH '%s' is not a number of seconds since 1970-01-01 (up to 9999-12-31)", e);
	return 1;
}

/* The date shown: --date, else SOURCE_DATE_EPOCH, else none. */
static char *shown_date(const char *opt)
{
	if (opt)
		return dup(opt);
	long long s;
	if (!source_date_epoch(&s))
		return NULL;
	int y, m, d;
	gs_civil_from_days((long)(s / 86400 - (s % 86400 < 0)), &y, &m, &d);
	gs_buf b = {0};
	gs_date_format(&b, y, m, d);
	return b.p;
}

/* The command line, for the footer. */
static void options_used(gs_buf *b)
{
	int argc;
	char **argv = gs_cli_args(&argc);
	gs_buf_adds(b, "report");
	for (int i = 1; i < argc; i++) {
		gs_buf_addc(b, ' ');
		gs_shell_quote(b, argv[i]);
	}
}

/* ---- the manifest appendix ---- */

struct step {
	char *line;              /* "tool args" */
	int status;
	char **files;            /* "role name sha256 bytes rows" */
	size_t nfiles;
};

/* The roles the tools give their files in the manifest, as the appendix
 * names them. */
static const char *const roles[] = {
	/* TRANSLATORS: input, output and the others of this list: the role of
	 * a file in the appendix "How these figures were computed" (input
	 * t.csv, sha256 …) */
	N_("input"), N_("output"), N_("rejects"), N_("map"), N_("schema"), N_("reference"), N_("catalogue"),
	N_("manifest"), N_("previous"), N_("universe"), N_("header"), N_("partial"), N_("report"),
	N_("score sheet"),
};

/* ROLE in the reader's language; a role the list does not know as it is. */
static const char *role_word(const char *role)
{
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
		if (!strcmp(role, roles[i]))
			return _(roles[i]);
	return role;
}

/* One line of the manifest as the appendix shows it, or -1 when O is no
 * manifest line. */
static int read_step(const cJSON *o, struct step *s)
{
	const cJSON *tool = cJSON_GetObjectItemCaseSensitive(o, "tool");
	const cJSON *args = cJSON_GetObjectItemCaseSensitive(o, "args");
	const cJSON *files = cJSON_GetObjectItemCaseSensitive(o, "files");
	const cJSON *st = cJSON_GetObjectItemCaseSensitive(o, "status");
	if (!cJSON_IsString(tool) || !cJSON_IsArray(args) || !cJSON_IsArray(files))
		return -1;
	memset(s, 0, sizeof *s);
	gs_buf b = {0};
	gs_buf_adds(&b, tool->valuestring);
	const cJSON *e;
	cJSON_ArrayForEach(e, args) {
		if (!cJSON_IsString(e))
			continue;
		gs_buf_addc(&b, ' ');
		gs_shell_quote(&b, e->valuestring);
	}
	s->line = b.p;
	s->status = cJSON_IsNumber(st) ? st->valueint : 0;
	cJSON_ArrayForEach(e, files) {
		const cJSON *role = cJSON_GetObjectItemCaseSensitive(e, "role");
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(e, "name");
		const cJSON *sha = cJSON_GetObjectItemCaseSensitive(e, "sha256");
		const cJSON *bytes = cJSON_GetObjectItemCaseSensitive(e, "bytes");
		const cJSON *rows = cJSON_GetObjectItemCaseSensitive(e, "rows");
		gs_buf f = {0};
		/* TRANSLATORS: a file in the appendix: its role, name, digest and size */
		gs_buf_printf(&f, _("%s %s, sha256 %s, %.0f bytes"),
		              cJSON_IsString(role) ? role_word(role->valuestring) : "?",
		              cJSON_IsString(name) ? name->valuestring : "?",
		              cJSON_IsString(sha) ? sha->valuestring : "-",
		              cJSON_IsNumber(bytes) ? bytes->valuedouble : 0.0);
		if (cJSON_IsNumber(rows))
			gs_buf_printf(&f, _(", %.0f rows"), rows->valuedouble);
		s->files = gs_xrealloc(s->files, (s->nfiles + 1) * sizeof *s->files);
		s->files[s->nfiles++] = f.p;
	}
	return 0;
}

static struct step *read_manifest(const char *path, size_t *n)
{
	const char *why;
	/* a file, "-" too: standard input is the table's */
	gs_input *in = gs_input_open(strcmp(path, "-") ? path : "./-", "utf-8", &why);
	if (!in)
		gs_die(GS_IO, path, 0, "cannot open the manifest");
	/* its names are the bytes each tool was given, in any encoding */
	gs_input_raw(in);
	gs_json_lines *jl = gs_json_lines_open(in);
	struct step *steps = NULL;
	*n = 0;
	cJSON *o;
	enum gs_json_line k;
	while ((k = gs_json_lines_next(jl, &o)) != GS_JSONL_EOF && k != GS_JSONL_FAIL) {
		if (k == GS_JSONL_EMPTY)
			continue;
		steps = gs_xrealloc(steps, (*n + 1) * sizeof *steps);
		if (read_step(o, &steps[*n]) < 0)
			gs_die(GS_IO, path, gs_json_lines_number(jl), "not a govstat manifest line");
		(*n)++;
		cJSON_Delete(o);
	}
	if (k == GS_JSONL_FAIL)   /* the bytes are not decoded: no line to name */
		gs_die(GS_IO, path, 0, "%s", gs_reason_shown(gs_input_reason(in)));
	gs_json_lines_close(jl);
	gs_input_close(in);
	return steps;
}

/* ---- the pivot: units down, periods across ---- */

/* Turn the long table T (one row a unit and period) into the layout of a
 * statistical table: one row a unit (the columns that are not numbers, in
 * the order first met), one column a value of ACROSS (sorted), the cells
 * VALUE (summed exactly where a unit and period meet more than once), then
 * a total column and a total row, both summed exactly from the long table.
 * TOTAL names both. A table with no text column (the county's own, period
 * and value) has one unit: its one row is the total row. */
static void pivot_table(struct table *t, const char *across, const char *value, const char *total)
{
	long ac = col_index(t, across);
	if (ac < 0)
		gs_usage_error("--pivot: no field '%s' in the input", across);
	long vc = -1;
	if (value) {
		if ((vc = col_index(t, value)) < 0)
			gs_usage_error("--pivot-value: no field '%s' in the input", value);
	}
	/* keys: the text columns; the value: the first number column */
	size_t *key = gs_xmalloc((t->ncols + 1) * sizeof *key), nkey = 0;
	for (size_t i = 0; i < t->ncols; i++) {
		if ((long)i == ac)
			continue;
		int numeric = 1, any = 0;
		for (size_t r = 0; r < t->nrows; r++)
			if (*t->cells[r][i]) {
				any = 1;
				numeric &= is_number(t->cells[r][i], NULL);
			}
		if (!(numeric && any))
			key[nkey++] = i;
		else if (!value && vc < 0)
			vc = (long)i;
	}
	if (vc < 0)
		gs_usage_error("--pivot: no number column to spread across '%s'; name one with --pivot-value", across);
	for (size_t k = 0; k < nkey; k++)
		if ((long)key[k] == vc)
			gs_usage_error("--pivot-value: '%s' is not a number column", t->names[vc]);
	size_t nper;
	char **per = sorted_values(t, ac, &nper);
	/* the units, in the order first met; sums per unit and period */
	size_t nunit = 0;
	long *unit_of = gs_xmalloc((t->nrows + 1) * sizeof *unit_of);
	size_t *first = gs_xmalloc((t->nrows + 1) * sizeof *first);
	for (size_t r = 0; r < t->nrows; r++) {
		size_t k;
		for (k = 0; k < nunit; k++) {
			size_t j = 0;
			while (j < nkey && !strcmp(t->cells[r][key[j]], t->cells[first[k]][key[j]]))
				j++;
			if (j == nkey)
				break;
		}
		if (k == nunit)
			first[nunit++] = r;
		unit_of[r] = (long)k;
	}
	size_t w = nper + 1;     /* the periods, then the total */
	gs_num *sum = gs_xcalloc((nunit + 1) * w + 1, sizeof *sum);
	unsigned char *have = gs_xcalloc((nunit + 1) * w + 1, 1);
	for (size_t r = 0; r < t->nrows; r++) {
		const char *v = t->cells[r][vc];
		if (!*v)
			continue;
		gs_num x;
		if (!is_number(v, &x))
			gs_die(GS_USAGE, t->source, 0, "--pivot: '%s' in %s is not a number", v, t->names[vc]);
		char **hit = bsearch(&t->cells[r][ac], per, nper, sizeof *per, cmp_str);
		size_t pc = (size_t)(hit - per);
		size_t cells[4] = {(size_t)unit_of[r] * w + pc, (size_t)unit_of[r] * w + nper,
		                   nunit * w + pc, nunit * w + nper};
		for (int c = 0; c < 4; c++) {
			if (!have[cells[c]])
				sum[cells[c]] = gs_num_int(0);
			if (gs_num_add(sum[cells[c]], x, &sum[cells[c]]) < 0)
				gs_die(GS_USAGE, t->source, 0, "--pivot: the sum of %s overflows", t->names[vc]);
			have[cells[c]] = 1;
		}
	}
	/* the new table */
	size_t ncols = nkey + w;
	char **names = gs_xmalloc((ncols + 1) * sizeof *names);
	for (size_t k = 0; k < nkey; k++)
		names[k] = dup(t->names[key[k]]);
	for (size_t p = 0; p < nper; p++)
		names[nkey + p] = dup(per[p]);
	names[nkey + nper] = dup(total);
	/* with no text column the one unit is the whole table: its row would
	 * repeat the total's, so the total row stands alone */
	size_t from = nkey ? 0 : nunit;
	char ***cells = gs_xmalloc((nunit + 2) * sizeof *cells);
	for (size_t k = from; k <= nunit; k++) {
		char **row = gs_xmalloc((ncols + 1) * sizeof *row);
		for (size_t j = 0; j < nkey; j++)
			row[j] = k < nunit ? dup(t->cells[first[k]][key[j]]) : dup(j ? "" : total);
		for (size_t p = 0; p < w; p++) {
			gs_buf b = {0};
			if (have[k * w + p])
				gs_num_format(&b, sum[k * w + p], 4);
			row[nkey + p] = b.p ? b.p : dup("");
		}
		cells[k - from] = row;
	}
	free_cells(t);
	t->names = names;
	t->cells = cells;
	t->ncols = ncols;
	t->nrows = nunit + 1 - from;
	set_index(t);
	free(key);
	free(per);
	free(unit_of);
	free(first);
	free(sum);
	free(have);
}

/* ---- the catalogue ---- */

/* Indicator names in English when the messages' locale (the first of
 * LC_ALL, LC_MESSAGES, LANG that is set) is English; in Chinese otherwise. */
static int english_names(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return !strncmp(v, "en", 2) && (!v[2] || strchr("_.@", v[2]));
	}
	return 0;
}

/* FIELD's display name: the indicator's name, else FIELD. */
/* The name people read for one of govstat's own columns (the keys tally
 * writes, rank's column) in the user's language; FIELD itself for any
 * other. */
static const char *own_column_word(const char *field)
{
	/* TRANSLATORS: the header of the column of township names */
	if (!strcmp(field, "township"))
		return C_("column", "township");
	/* TRANSLATORS: the header of the column of village and community names */
	if (!strcmp(field, "village"))
		return C_("column", "village");
	/* TRANSLATORS: the header of tally's period column (2020-W01, 2020-03 ...) */
	if (!strcmp(field, "period"))
		return C_("column", "period");
	/* TRANSLATORS: the header of rank's column */
	if (!strcmp(field, "rank"))
		return C_("column", "rank");
	return field;
}

static char *catalogue_label(const gs_catalogue *cat, const char *field)
{
	const gs_indicator *in = cat ? gs_catalogue_find(cat, field) : NULL;
	if (!in)
		return dup(own_column_word(field));
	const char *name = english_names() && in->name_en ? in->name_en : in->name_zh ? in->name_zh : in->name_en;
	return dup(name ? name : field);
}

/* FIELD's decimals: the indicator's (a ratio's 4 decimals are a percent's
 * 2), unless --decimals is given. */
static int catalogue_decimals(const gs_catalogue *cat, const char *field, int kind, int coldec, int given)
{
	const gs_indicator *in = cat && !given ? gs_catalogue_find(cat, field) : NULL;
	if (!in || in->decimals < 0 || (kind != K_NUM && kind != K_PERCENT))
		return coldec;
	if (kind == K_PERCENT)
		return in->decimals > 2 ? in->decimals - 2 : 0;
	return in->decimals;
}

/* Ratios are percentages; the targets of the shown indicators become
 * --target (and the chart's --chart-target) unless these are given. */
static void catalogue_apply(const gs_catalogue *cat, const struct table *t, char ***pct, size_t *npct,
                            char **pick, size_t npick, struct gengetopt_args_info *a)
{
	for (size_t i = 0; i < t->ncols; i++) {
		const gs_indicator *in = gs_catalogue_find(cat, t->names[i]);
		if (in && in->unit && !strcmp(in->unit, "ratio") && !in_list(*pct, *npct, t->names[i])) {
			*pct = gs_xrealloc(*pct, (*npct + 1) * sizeof **pct);
			(*pct)[(*npct)++] = dup(t->names[i]);
		}
	}
	if (!a->target_given) {
		gs_buf e = {0};
		for (size_t p = 0; p < npick; p++) {
			const gs_indicator *in = gs_catalogue_find(cat, pick[p]);
			if (!in || !in->target)
				continue;
			gs_buf_printf(&e, "%s%s %s %s", e.len ? " && " : "", pick[p],
			              in->direction && !strcmp(in->direction, "down") ? "<=" : ">=", in->target);
		}
		if (e.len) {
			a->target_given = 1;
			a->target_arg = e.p;   /* freed with the options */
		}
	}
	if ((a->chart_given || a->trend_given) && !a->chart_target_given) {
		const gs_indicator *in = gs_catalogue_find(cat, a->chart_given ? a->chart_arg : a->trend_arg);
		if (in && in->target) {
			a->chart_target_given = 1;
			a->chart_target_arg = dup(in->target);
		}
	}
}

/* ---- options ---- */

/* --decimals N and --decimals COL=N. */
struct decs {
	int all;                 /* -1 when not given */
	char **col;
	int *n;
	size_t ncol;
};

static int decimals_value(const char *opt, const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < 0 || v > 30)
		gs_usage_error("--decimals '%s': give a number from 0 to 30, or COL=N", opt);
	return (int)v;
}

static void parse_decimals(struct decs *d, char **args, unsigned n)
{
	d->all = -1;
	for (unsigned i = 0; i < n; i++) {
		const char *eq = strrchr(args[i], '=');
		if (!eq) {
			d->all = decimals_value(args[i], args[i]);
			continue;
		}
		if (eq == args[i])
			gs_usage_error("--decimals '%s': give N or COL=N", args[i]);
		d->col = gs_xrealloc(d->col, (d->ncol + 1) * sizeof *d->col);
		d->n = gs_xrealloc(d->n, (d->ncol + 1) * sizeof *d->n);
		d->col[d->ncol] = gs_xstrndup(args[i], (size_t)(eq - args[i]));
		d->n[d->ncol++] = decimals_value(args[i], eq + 1);
	}
}

/* The decimals of column NAME: its own, else the global ones for numbers
 * with fractions (counts stay whole), else -1 (as written, up to
 * SHOW_DECIMALS). */
static int decimals_of(const struct decs *d, const char *name, int kind, int fraction)
{
	for (size_t i = d->ncol; i-- > 0;)
		if (!strcmp(d->col[i], name))
			return d->n[i];
	return kind == K_NUM && !fraction ? -1 : d->all;
}

/* Whether --decimals speaks of column NAME (its own or the global N). */
static int decimals_named(const struct decs *d, const char *name)
{
	for (size_t i = 0; i < d->ncol; i++)
		if (!strcmp(d->col[i], name))
			return 1;
	return d->all >= 0;
}

/* --label FIELD=LABEL: the label of column NAME, or DEFAULT. A label for a
 * column not shown is no error: one set of labels serves several tables
 * (check_labels has made sure each names a column there is). */
static char *label_of(char **args, unsigned n, const char *name, const char *def)
{
	const char *l = def;
	for (unsigned i = 0; i < n; i++) {
		const char *eq = strchr(args[i], '=');
		if (eq && (size_t)(eq - args[i]) == strlen(name) && !strncmp(args[i], name, strlen(name))) {
			l = eq + 1;
		}
	}
	return dup(l);
}

/* ---- the report: one run's state, phase by phase ---- */

struct report {
	struct gengetopt_args_info *a; /* the options (the catalogue may set the targets) */
	const gs_cli *cli;       /* the shared ones */
	int fmt;                 /* enum fmt */
	struct decs decs;        /* --decimals */
	int status;              /* the exit status so far */
	const char *where;       /* --where, or NULL */
	struct table cur, prev;  /* the table; the previous period's (--compare) */
	char **pick, **pct;      /* the columns shown; those shown as percents */
	size_t npick, npct;
	char **keys, **up, **down; /* --key, --up, --down */
	size_t nkeys, nup, ndown;
	gs_catalogue *cat;       /* --catalogue, or NULL */
	long *kcur, *kprev;      /* the --key columns in cur and in prev */
	size_t nout;             /* rows shown: cur's, then units only prev has */
	long *cur_of, *prev_of;  /* per row shown: its row in cur, in prev, or -1 */
	struct col *cols;        /* the columns shown */
	size_t ncols;
	const char *na;          /* how a missing value is shown */
	gs_expr *target;         /* --target, or NULL */
	int cat_target;          /* the target is the catalogue's, not on the command line */
	char *missed;            /* per row shown: 1 when it misses the target */
	long nmissed, njudged, nna; /* rows judged; not judged, a value the target reads empty */
	char *date;              /* the date shown, or NULL */
	gs_buf prov;             /* the provenance footer */
	gs_buf tsum;             /* "N of M rows miss the target ...", with --target */
	struct step *steps;      /* --manifest-in, for the appendix */
	size_t nsteps;
	gs_buf out;              /* the page, for the formats written whole */
};

/* The name people read for the column NAME: its header when it is shown,
 * else its --label, else its catalogue name, else NAME (a target or a
 * chart can read a column the table does not show). The caller frees it. */
static char *field_label(const struct report *r, const char *name)
{
	for (size_t i = 0; i < r->ncols; i++)
		if (!strcmp(r->cols[i].name, name))
			return dup(r->cols[i].label);
	char *cl = catalogue_label(r->cat, name);
	char *l = label_of(r->a->label_arg, r->a->label_given, name, cl);
	free(cl);
	return l;
}

/* The table (with --compare the previous period's too), pivoted when
 * --pivot asks. */
static void read_tables(struct report *r)
{
	struct gengetopt_args_info *a = r->a;
	/* the parser took only the formats gs_format_parse knows */
	int in_format = a->input_format_given ? gs_format_parse(a->input_format_arg) : GS_FMT_AUTO;
	r->where = a->where_given ? a->where_arg : NULL;
	read_table(&r->cur, a->inputs, a->inputs_num, in_format, &r->status, r->where);
	if (a->compare_given) {
		char *pf[1] = {a->compare_arg};
		read_table(&r->prev, pf, 1, GS_FMT_AUTO, &r->status, r->where);
	}
	if (a->pivot_given && a->trend_given)
		gs_usage_error("--trend draws the long table: give it without --pivot");
	if (a->pivot_given) {
		const char *value = a->pivot_value_given ? a->pivot_value_arg : NULL;
		pivot_table(&r->cur, a->pivot_arg, value, a->pivot_total_arg);
		if (a->compare_given)
			pivot_table(&r->prev, a->pivot_arg, value, a->pivot_total_arg);
	}
}

/* Whether NAME is a column report can show of T: one of T's, target,
 * all_met, or COL_prev, COL_change or COL_met of a column COL of T. */
static int known_column(const struct table *t, const char *name)
{
	static const char *const derived[] = {"_prev", "_change", "_met"};
	if (col_index(t, name) >= 0 || !strcmp(name, "target") || !strcmp(name, "all_met"))
		return 1;
	size_t n = strlen(name);
	for (size_t i = 0; i < sizeof derived / sizeof *derived; i++) {
		size_t k = strlen(derived[i]);
		if (n > k && !strcmp(name + n - k, derived[i])) {
			char *col = gs_xstrndup(name, n - k);
			int known = col_index(t, col) >= 0;
			free(col);
			if (known)
				return 1;
		}
	}
	return 0;
}

/* --label and --decimals COL=N name columns of the table (or of what
 * report makes of them) as --percent and --chart do: a misspelt field is a
 * usage error, not a label or rounding silently left undone. */
static void check_labels(const struct report *r)
{
	const struct gengetopt_args_info *a = r->a;
	for (unsigned i = 0; i < a->label_given; i++) {
		const char *l = a->label_arg[i], *eq = strchr(l, '=');
		if (!eq)
			gs_usage_error("--label '%s': give FIELD=LABEL", l);
		char *f = gs_xstrndup(l, (size_t)(eq - l));
		if (!known_column(&r->cur, f) && a->pivot_given)
			gs_usage_error("--label: no column '%s' in the table --pivot makes of the input", f);
		if (!known_column(&r->cur, f))
			gs_usage_error("--label: no field '%s' in the input", f);
		free(f);
	}
	for (size_t i = 0; i < r->decs.ncol; i++)
		if (col_index(&r->cur, r->decs.col[i]) < 0 && a->pivot_given)
			gs_usage_error("--decimals: no column '%s' in the table --pivot makes of the input",
			               r->decs.col[i]);
		else if (col_index(&r->cur, r->decs.col[i]) < 0)
			gs_usage_error("--decimals: no field '%s' in the input", r->decs.col[i]);
}

/* The columns asked for (--columns, else all), the percents, the
 * catalogue's words on them, the keys and directions, all checked against
 * the table. */
static void choose_columns(struct report *r)
{
	struct gengetopt_args_info *a = r->a;
	if (a->columns_given)
		gs_split_list(a->columns_arg, &r->pick, &r->npick);
	else
		for (size_t i = 0; i < r->cur.ncols; i++) {
			r->pick = gs_xrealloc(r->pick, (r->npick + 1) * sizeof *r->pick);
			r->pick[r->npick++] = dup(r->cur.names[i]);
		}
	if (a->percent_given)
		gs_split_list(a->percent_arg, &r->pct, &r->npct);
	if (a->catalogue_given) {
		if (!(r->cat = gs_catalogue_load(a->catalogue_arg)))
			exit(gs_close_stdout(GS_USAGE));
		gs_manifest_file(a->catalogue_arg, "catalogue");
		int given = a->target_given;
		catalogue_apply(r->cat, &r->cur, &r->pct, &r->npct, r->pick, r->npick, a);
		r->cat_target = !given && a->target_given;
	}
	if (a->key_given)
		gs_split_list(a->key_arg, &r->keys, &r->nkeys);
	if (a->up_given)
		gs_split_list(a->up_arg, &r->up, &r->nup);
	if (a->down_given)
		gs_split_list(a->down_arg, &r->down, &r->ndown);
	for (size_t i = 0; i < r->npick; i++)
		if (col_index(&r->cur, r->pick[i]) < 0)
			gs_usage_error("--columns: no field '%s' in the input", r->pick[i]);
	for (size_t i = 0; i < r->npct; i++)
		if (col_index(&r->cur, r->pct[i]) < 0)
			gs_usage_error("--percent: no field '%s' in the input", r->pct[i]);
	check_labels(r);
	for (size_t i = 0; i < r->nup + r->ndown; i++) {
		const char *f = i < r->nup ? r->up[i] : r->down[i - r->nup];
		if (col_index(&r->cur, f) < 0)
			gs_usage_error("--%s: no field '%s' in the input", i < r->nup ? "up" : "down", f);
	}
	r->kcur = gs_xmalloc((r->nkeys + 1) * sizeof *r->kcur);
	r->kprev = gs_xmalloc((r->nkeys + 1) * sizeof *r->kprev);
	for (size_t i = 0; i < r->nkeys; i++) {
		r->kcur[i] = col_index(&r->cur, r->keys[i]);
		r->kprev[i] = col_index(&r->prev, r->keys[i]);
		if (r->kcur[i] < 0)
			gs_usage_error("--key: no field '%s' in the input", r->keys[i]);
		if (r->kprev[i] < 0)
			gs_usage_error("--key: no field '%s' in %s", r->keys[i], a->compare_arg);
	}
}

/* The rows shown: the current ones, each with the first previous row of
 * the same keys not matched yet, then the units found only in the
 * previous period. */
static void match_previous(struct report *r)
{
	const struct table *cur = &r->cur, *prev = &r->prev;
	r->nout = cur->nrows;
	r->prev_of = gs_xmalloc((cur->nrows + prev->nrows + 1) * sizeof *r->prev_of);
	r->cur_of = gs_xmalloc((cur->nrows + prev->nrows + 1) * sizeof *r->cur_of);
	for (size_t i = 0; i < cur->nrows; i++) {
		r->cur_of[i] = (long)i;
		r->prev_of[i] = -1;
	}
	if (!r->a->compare_given)
		return;
	char *used = gs_xcalloc(prev->nrows + 1, 1);
	for (size_t i = 0; i < cur->nrows; i++)
		for (size_t j = 0; j < prev->nrows; j++) {
			int same = !used[j];
			for (size_t k = 0; k < r->nkeys && same; k++)
				same = !strcmp(cur->cells[i][r->kcur[k]], prev->cells[j][r->kprev[k]]);
			if (same) {
				r->prev_of[i] = (long)j;
				used[j] = 1;
				break;
			}
		}
	for (size_t j = 0; j < prev->nrows; j++)
		if (!used[j]) {
			r->cur_of[r->nout] = -1;
			r->prev_of[r->nout++] = (long)j;
		}
	free(used);
}

/* A new column of R named NAME, labelled LABEL (both taken), its values
 * to be filled in. Pointers to R's columns do not outlive the call. */
static struct col *new_col(struct report *r, char *name, char *label, int kind)
{
	r->cols = gs_xrealloc(r->cols, (r->ncols + 1) * sizeof *r->cols);
	struct col *c = &r->cols[r->ncols++];
	memset(c, 0, sizeof *c);
	c->name = name;
	c->label = label;
	c->kind = kind;
	c->val = gs_xmalloc((r->nout + 1) * sizeof *c->val);
	c->shown = gs_xmalloc((r->nout + 1) * sizeof *c->shown);
	return c;
}

/* A column derived from NAME: named NAME SUFFIX, labelled "LABEL WORD"
 * unless --label names it. */
static void new_derived(struct report *r, const char *name, const char *suffix, const char *label,
                        const char *word, int kind)
{
	gs_buf nm = {0}, lb = {0};
	gs_buf_printf(&nm, "%s%s", name, suffix);
	gs_buf_printf(&lb, "%s %s", label, _(word));
	new_col(r, nm.p, label_of(r->a->label_arg, r->a->label_given, nm.p, lb.p), kind);
	gs_buf_free(&lb);
}

/* After the number column NAME (CI in cur, PI in prev): its previous
 * value, the change with an arrow, and with --up or --down whether it
 * moved that way. */
static void add_change(struct report *r, const char *name, const char *label, long ci, long pi, int kind,
                       int dec)
{
	int want_up = in_list(r->up, r->nup, name);
	int judged = want_up || in_list(r->down, r->ndown, name);
	size_t first = r->ncols;
	new_derived(r, name, "_prev", label, N_("prev"), kind);
	new_derived(r, name, "_change", label, N_("change"), kind);
	if (judged)
		new_derived(r, name, "_met", label, want_up ? N_("up") : N_("down"), K_MARK);
	struct col *pv = &r->cols[first], *ch = &r->cols[first + 1], *mk = judged ? &r->cols[first + 2] : NULL;
	pv->numeric = ch->numeric = 1;
	pv->decimals = ch->decimals = dec;
	for (size_t i = 0; i < r->nout; i++) {
		const char *pvv = r->prev_of[i] >= 0 ? r->prev.cells[r->prev_of[i]][pi] : "";
		const char *cvv = r->cur_of[i] >= 0 ? r->cur.cells[r->cur_of[i]][ci] : "";
		pv->val[i] = dup(pvv);
		pv->shown[i] = show(pvv, kind, dec, r->na);
		gs_num x, y, d;
		gs_buf cb = {0};
		int have = is_number(cvv, &x) && is_number(pvv, &y) && gs_num_sub(x, y, &d) == 0;
		if (have)
			gs_num_format(&cb, d, 4);
		ch->val[i] = dup(have ? cb.p : "");
		char *sc = show_change(have ? cb.p : "", kind, dec, r->na);
		gs_buf sb = {0};
		gs_buf_adds(&sb, sc);
		if (have)
			gs_buf_adds(&sb, d.num > 0 ? " ↑" : d.num < 0 ? " ↓" : " →");
		free(sc);
		ch->shown[i] = sb.p;
		gs_buf_free(&cb);
		if (mk) {
			int met = have && (want_up ? d.num > 0 : d.num < 0);
			mk->val[i] = dup(have ? (met ? "1" : "0") : "");
			mk->shown[i] = dup(have ? (met ? "✓" : "✗") : r->na);
		}
	}
}

/* The picked column NAME as shown, then, with --compare, when it is a
 * number and not a key, its comparison. */
static void add_picked(struct report *r, const char *name)
{
	struct gengetopt_args_info *a = r->a;
	long ci = col_index(&r->cur, name);
	int numeric = 1, any = 0, fraction = 0;
	for (size_t i = 0; i < r->cur.nrows; i++) {
		const char *v = r->cur.cells[i][ci];
		gs_num x;
		if (*v) {
			any = 1;
			numeric &= is_number(v, &x);
			fraction |= numeric && x.scale > 0;
		}
	}
	numeric &= any;
	int kind = in_list(r->pct, r->npct, name) ? K_PERCENT : numeric ? K_NUM : K_PLAIN;
	/* --decimals rounds numbers with fractions; counts stay whole unless
	 * their column is named; the catalogue's decimals serve where
	 * --decimals says nothing of the column */
	int dec = decimals_of(&r->decs, name, kind, fraction);
	dec = catalogue_decimals(r->cat, name, kind, dec, decimals_named(&r->decs, name));
	char *clabel = catalogue_label(r->cat, name);
	char *label = label_of(a->label_arg, a->label_given, name, clabel);
	free(clabel);
	int is_key = in_list(r->keys, r->nkeys, name);
	long pi = a->compare_given ? col_index(&r->prev, name) : -1;
	struct col *c = new_col(r, dup(name), label, kind);
	c->numeric = kind != K_PLAIN;
	c->decimals = dec;
	for (size_t i = 0; i < r->nout; i++) {
		/* a unit only the previous period has shows its keys from there */
		const char *v = r->cur_of[i] >= 0 ? r->cur.cells[r->cur_of[i]][ci] :
		                is_key && pi >= 0 && r->prev_of[i] >= 0 ? r->prev.cells[r->prev_of[i]][pi] : "";
		c->val[i] = dup(v);
		c->shown[i] = show(v, kind, dec, r->na);
	}
	if (a->compare_given && numeric && !is_key && pi >= 0)
		add_change(r, name, label, ci, pi, kind, dec);
}

/* all_met: 1 when every --up and --down column met its direction (an
 * unchanged or missing value is missed), else 0. */
static void add_all_met(struct report *r)
{
	size_t nm = r->ncols;
	struct col *c = new_col(r, dup("all_met"), label_of(r->a->label_arg, r->a->label_given, "all_met", _("all_met")),
	                        K_MARK);
	for (size_t i = 0; i < r->nout; i++) {
		int all = 1;
		for (size_t k = 0; k < nm; k++)
			if (r->cols[k].kind == K_MARK && strcmp(r->cols[k].val[i], "1"))
				all = 0;
		c->val[i] = dup(all ? "1" : "0");
		c->shown[i] = dup(all ? "✓" : "✗");
	}
}

static void build_columns(struct report *r)
{
	r->na = r->fmt == F_TEXT ? "-" : "—";
	for (size_t p = 0; p < r->npick; p++)
		add_picked(r, r->pick[p]);
	if (r->a->up_given || r->a->down_given)
		add_all_met(r);
}

/* The columns of T the target reads. */
struct target_reads {
	const struct table *t;
	char *reads;
};

static void mark_read(const char *name, void *arg)
{
	struct target_reads *tr = arg;
	long k = col_index(tr->t, name);
	if (k >= 0)
		tr->reads[k] = 1;
}

/* --target: a column of marks, and which rows missed it. */
static void judge_target(struct report *r)
{
	struct gengetopt_args_info *a = r->a;
	const struct table *cur = &r->cur;
	r->missed = gs_xcalloc(r->nout + 1, 1);
	if (!a->target_given)
		return;
	gs_reason err = {0};
	size_t pos = 0;
	if (!(r->target = gs_expr_parse(a->target_arg, &pos, 1, &err)))
		gs_usage_error("--target '%s': column %zu: %s", a->target_arg, pos + 1, gs_reason_shown(&err));
	gs_field *names = gs_xmalloc((cur->ncols + 1) * sizeof *names);
	for (size_t i = 0; i < cur->ncols; i++)
		names[i] = (gs_field){cur->names[i], strlen(cur->names[i])};
	if (gs_expr_bind(r->target, names, cur->ncols, &err) < 0)
		gs_usage_error("--target: %s", gs_reason_shown(&err));
	gs_field *row = gs_xmalloc((cur->ncols + 1) * sizeof *row);
	struct target_reads tr = {cur, gs_xcalloc(cur->ncols + 1, 1)};
	gs_expr_fields(r->target, mark_read, &tr);
	char *reads = tr.reads;
	struct col *c = new_col(r, dup("target"), label_of(a->label_arg, a->label_given, "target", _("target")), K_MARK);
	for (size_t i = 0; i < r->nout; i++) {
		if (r->cur_of[i] < 0) {
			c->val[i] = dup("");
			c->shown[i] = dup(r->na);
			continue;
		}
		char **cells = cur->cells[r->cur_of[i]];
		int na = 0;
		for (size_t k = 0; k < cur->ncols; k++) {
			row[k] = (gs_field){cells[k], strlen(cells[k])};
			na |= reads[k] && !*cells[k];
		}
		/* an empty value is not applicable (a zero denominator): the
		 * row neither meets nor misses the target, where a comparison
		 * with NA would call it missed */
		if (na) {
			r->nna++;
			c->val[i] = dup("");
			c->shown[i] = dup(r->na);
			continue;
		}
		int t = gs_expr_test(r->target, row, &err);
		if (t < 0)
			gs_die(GS_USAGE, NULL, 0, "--target: %s", gs_reason_shown(&err));
		r->njudged++;
		r->missed[i] = !t;
		r->nmissed += !t;
		c->val[i] = dup(t ? "1" : "0");
		c->shown[i] = dup(t ? "✓" : "✗");
	}
	free(row);
	free(reads);
	free(names);
	gs_reason_free(&err);
}

/* ---- the target as people read it ---- */

/* The number NUM[0..N) as a percent, exact, no trailing zeros: 0.95 is
 * 95%, 0.9758 is 97.58%. */
static void percent_of(gs_buf *out, const char *num, size_t n)
{
	gs_num v;
	gs_buf b = {0};
	if (gs_num_parse(num, n, &v) < 0 || gs_num_mul(v, gs_num_int(100), &v) < 0) {
		gs_buf_add(out, num, n);
		return;
	}
	gs_num_format_exact(&b, v, 0);
	if (strchr(b.p, '.')) {
		while (b.p[b.len - 1] == '0')
			b.len--;
		if (b.p[b.len - 1] == '.')
			b.len--;
	}
	gs_buf_add(out, b.p, b.len);
	gs_buf_addc(out, '%');
	gs_buf_free(&b);
}

/* The style of the target as people read it: a column by the name
 * they read (field_label), a number compared with a percent column as a
 * percent. */
static void target_field(void *arg, const char *name, gs_buf *out)
{
	char *l = field_label(arg, name);
	gs_buf_adds(out, l);
	free(l);
}

static void target_number(void *arg, const char *text, const char *field, gs_buf *out)
{
	const struct report *r = arg;
	if (field && in_list(r->pct, r->npct, field))
		percent_of(out, text, strlen(text));
	else
		gs_buf_adds(out, text);
}

/* Append to OUT the target as the page says it to people: in the style
 * above, the comparisons as ≥ ≤ ≠ =, && and || as words of their
 * language. The exact expression is the auditor's, in the footer. */
static void target_words(const struct report *r, gs_buf *out)
{
	gs_expr_style st = {
		.field = target_field, .number = target_number, .arg = (void *)r,
		.ge = "≥", .le = "≤", .ne = "≠", .eq = "=",
		/* TRANSLATORS: && and || of a target as the footnote says it:
		 * 矛盾纠纷化解率 ≥ 95% and 否决事件 = 0 */
		.and_op = _("and"), .or_op = _("or"),
	};
	gs_expr_show(r->target, &st, out);
}

/* What the page says of itself: the date, the provenance footer, the
 * target's summary line, the appendix from --manifest-in. */
static void provenance(struct report *r)
{
	struct gengetopt_args_info *a = r->a;
	const struct table *cur = &r->cur;
	r->date = shown_date(a->date_arg);
	gs_buf opts = {0};
	options_used(&opts);
	gs_buf_printf(&r->prov, _("govstat %s; input %s, sha256 %s, %ld rows"), GS_VERSION, cur->source,
	              cur->sha[0] ? cur->sha : "-", cur->rows_read);
	/* the page says what it leaves out */
	if (cur->rows_bad || cur->rows_where) {
		gs_buf_printf(&r->prov, _(", %zu shown"), cur->nrows);
		if (cur->rows_bad)
			gs_buf_printf(&r->prov, _(", %ld unreadable and left out (see the messages on standard error)"),
			              cur->rows_bad);
		if (cur->rows_where)
			gs_buf_printf(&r->prov, _(", %ld left out by --where"), cur->rows_where);
	}
	/* the command line holds --target as given; one from the catalogue
	 * is said here, exactly, for the auditor */
	if (r->cat_target)
		gs_buf_printf(&r->prov, _("; the catalogue's target: %s"), a->target_arg);
	gs_buf_printf(&r->prov, _("; %s"), opts.p);
	gs_buf_free(&opts);
	if (r->target) {
		gs_buf words = {0};
		target_words(r, &words);
		gs_buf_printf(&r->tsum, _("%ld of %ld rows miss the target %s"), r->nmissed, r->njudged, words.p);
		gs_buf_free(&words);
	}
	if (r->target && r->nna)
		gs_buf_printf(&r->tsum, _("; %ld not applicable (a value it reads is empty), left out"), r->nna);
	if (a->manifest_in_given) {
		r->steps = read_manifest(a->manifest_in_arg, &r->nsteps);
		gs_manifest_file(a->manifest_in_arg, "manifest");
	}
	if (a->compare_given)
		gs_manifest_file(a->compare_arg, "previous");
}

/* ---- the charts ---- */

/* Whether S names a total row: 合计, 全县 and the other fixed words, the
 * rollup label * of tally(1), or a --total-label. */
static int is_total_label(const char *s, const struct gengetopt_args_info *a)
{
	static const char *const fixed[] = {"合计", "总计", "小计", "全县", "全区", "全市", "全镇", "全乡", "*"};
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
		if (!strcmp(s, fixed[i]))
			return 1;
	for (unsigned i = 0; i < a->total_label_given; i++)
		if (!strcmp(s, a->total_label_arg[i]))
			return 1;
	return 0;
}

/* Whether row I of T is a total (rollup) row: one of its cells names a
 * total (is_total_label). */
static int is_total_row(const struct table *t, size_t i, const struct gengetopt_args_info *a)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (*t->cells[i][c] && is_total_label(t->cells[i][c], a))
			return 1;
	return 0;
}

/* The value where the bars start. --chart-floor, else 0, unless the values
 * (and the target) are all positive and clustered, their spread less than
 * half the largest: then a round number below the smallest, at half the
 * spread under it, so that 91% and 97% do not draw bars of nearly the same
 * length. */
static double chart_floor(const struct table *t, long vc, const char *skip, const gs_num *tv, const char *opt)
{
	gs_num f;
	if (opt) {
		if (!is_number(opt, &f))
			gs_usage_error("--chart-floor: '%s' is not a number", opt);
		return gs_num_to_double(f);
	}
	double lo = 0, hi = 0;
	int any = 0;
	for (size_t r = 0; r <= t->nrows; r++) {
		gs_num v;
		if (r == t->nrows ? !tv : (skip && skip[r]) || !is_number(t->cells[r][vc], &v))
			continue;
		double x = gs_num_to_double(r == t->nrows ? *tv : v);
		if (!any || x < lo)
			lo = x;
		if (!any || x > hi)
			hi = x;
		any = 1;
	}
	if (!any || lo <= 0 || hi - lo >= hi / 2)
		return 0;
	double span = hi - lo, step = 1;
	if (span > 0) {
		while (step > span)
			step /= 10;
		while (step * 10 <= span)
			step *= 10;
	} else
		step = hi / 10;
	double fl = (double)(long long)((lo - (span > 0 ? span : step) / 2) / step) * step;
	return fl > 0 ? fl : 0;
}

/* What the bar chart and the trend share: the scale of the values, how
 * they are labelled, the target. */
struct chart {
	gs_buf *out;
	int is_pct;              /* the values are shown as percents */
	int decimals;            /* --decimals N, or -1 */
	gs_num tv;               /* --chart-target, when HAS_T */
	int has_t;
	double floor, maxv;      /* the value axis runs from FLOOR to MAXV */
};

/* Set C up for the values of column VC of T but the rows SKIP marks (NULL:
 * none): the target, then the axis from its floor to the largest value (or
 * the target, when larger). */
static void chart_scale(struct chart *c, struct report *r, const struct table *t, long vc, const char *skip,
                        int is_pct)
{
	const struct gengetopt_args_info *a = r->a;
	c->out = &r->out;
	c->is_pct = is_pct;
	c->decimals = r->decs.all;
	c->has_t = a->chart_target_given && is_number(a->chart_target_arg, &c->tv);
	if (a->chart_target_given && !c->has_t)
		gs_usage_error("--chart-target: '%s' is not a number", a->chart_target_arg);
	c->maxv = 0;
	for (size_t i = 0; i < t->nrows; i++) {
		gs_num v;
		if (!(skip && skip[i]) && is_number(t->cells[i][vc], &v) && gs_num_to_double(v) > c->maxv)
			c->maxv = gs_num_to_double(v);
	}
	if (c->has_t && gs_num_to_double(c->tv) > c->maxv)
		c->maxv = gs_num_to_double(c->tv);
	c->floor = chart_floor(t, vc, skip, c->has_t ? &c->tv : NULL,
	                       a->chart_floor_given ? a->chart_floor_arg : NULL);
	if (c->floor < 0)
		c->floor = 0;
	if (c->maxv <= c->floor)
		c->maxv = c->floor > 0 ? c->floor * 1.1 : 1;
}

/* RAW as the chart labels a value (NA when it is none). */
static char *chart_text(const struct chart *c, const char *raw, const char *na)
{
	return show(raw, c->is_pct ? K_PERCENT : K_NUM, c->decimals, na);
}

static char *chart_number(const struct chart *c, double v)
{
	char num[64];
	snprintf(num, sizeof num, "%.10g", v);
	return chart_text(c, num, "");
}

/* The SVG element of a chart WID by HGT, named LABEL for screen readers. */
static void chart_open(const struct chart *c, int wid, int hgt, const char *label)
{
	gs_buf_printf(c->out, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	              "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", wid, hgt, wid, hgt);
	html_escape(c->out, label);
	gs_buf_adds(c->out, "\">\n");
}

/* Where an end of the value axis is labelled. */
struct axis_label {
	int x, y;
	const char *anchor;      /* SVG text-anchor */
};

/* The axes: a line at Y from X0 to X1, one up at X0 from Y_TOP, and the
 * value axis's two ends labelled, its floor at LAB[0], its largest value
 * at LAB[1]. */
static void chart_axes(const struct chart *c, int x0, int x1, int y, int y_top, const struct axis_label lab[2])
{
	gs_buf_printf(c->out, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>\n",
	              x0, y, x1, y);
	gs_buf_printf(c->out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>\n", x0, y_top, x0, y);
	for (int end = 0; end < 2; end++) {
		char *s = chart_number(c, end ? c->maxv : c->floor);
		gs_buf_printf(c->out, "<text class=\"axis-%s\" x=\"%d\" y=\"%d\" text-anchor=\"%s\" fill=\"#555\">",
		              end ? "max" : "floor", lab[end].x, lab[end].y, lab[end].anchor);
		html_escape(c->out, s);
		gs_buf_adds(c->out, "</text>\n");
		free(s);
	}
}

/* The target as a dashed line from (X1, Y1) to (X2, Y2), labelled at
 * (TX, TY) (text-anchor ANCHOR, or none). */
static void chart_target(const struct chart *c, const char *target, int x1, int y1, int x2, int y2, int tx, int ty,
                         const char *anchor)
{
	char *st = chart_text(c, target, "");
	gs_buf_printf(c->out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#b00020\" "
	              "stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n", x1, y1, x2, y2);
	gs_buf_printf(c->out, "<text class=\"target\" x=\"%d\" y=\"%d\"", tx, ty);
	if (anchor)
		gs_buf_printf(c->out, " text-anchor=\"%s\"", anchor);
	gs_buf_adds(c->out, " fill=\"#b00020\">");
	gs_buf lab = {0};
	/* TRANSLATORS: the label of the target line in a chart: target 95.00% */
	gs_buf_printf(&lab, _("target %s"), st);
	html_escape(c->out, lab.p);
	gs_buf_adds(c->out, "</text>\n");
	gs_buf_free(&lab);
	free(st);
}

/* The rollup row I of the bar chart (全县, 合计), named NAME, when its
 * value V lies on the axis: a dotted line across the bars at X from TOP
 * to AXIS_Y, labelled with the name and value under the axis, apart from
 * the bars and the target's red dashes. */
static void chart_rollup(const struct chart *c, const char *name, const char *raw, int x, int top, int axis_y)
{
	char *sv = chart_text(c, raw, "");
	gs_buf lab = {0};
	gs_buf_printf(&lab, "%s %s", name, sv);
	gs_buf_printf(c->out, "<line class=\"rollup\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\" "
	              "stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>\n", x, top - 4, x, axis_y);
	gs_buf_printf(c->out, "<text class=\"rollup\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">", x,
	              axis_y + 32);
	html_escape(c->out, lab.p);
	gs_buf_adds(c->out, "</text>\n");
	gs_buf_free(&lab);
	free(sv);
}

/* A horizontal bar chart of the field --chart as inline SVG: one bar a
 * unit, labelled with its name and value, missed rows red, the axis from
 * its floor (shown under the axis) to the largest value, a labelled target
 * line. A rollup row (全县, 合计: is_total_row) is no unit: it is left out
 * of the bars and of the axis's scale, where a county's total would dwarf
 * its townships; its value is drawn as a reference line across the bars
 * when it lies on the axis (a county ratio among its townships'), else
 * said in the caption. */
static void html_chart(struct report *r)
{
	const struct gengetopt_args_info *a = r->a;
	const struct table *cur = &r->cur;
	long vc = col_index(cur, a->chart_arg);
	if (vc < 0)
		gs_usage_error("--chart: no field '%s' in the input", a->chart_arg);
	long lc = -1;
	if (a->chart_label_given) {
		if ((lc = col_index(cur, a->chart_label_arg)) < 0)
			gs_usage_error("--chart-label: no field '%s' in the input", a->chart_label_arg);
	} else
		lc = first_text_column(cur, -1);
	/* the rollups; a table of totals only has nothing else to draw */
	char *rollup = gs_xcalloc(cur->nrows + 1, 1);
	size_t nroll = 0;
	for (size_t i = 0; i < cur->nrows; i++)
		nroll += rollup[i] = (char)is_total_row(cur, i, a);
	if (nroll == cur->nrows) {
		memset(rollup, 0, cur->nrows);
		nroll = 0;
	}
	size_t nbars = cur->nrows - nroll;
	struct chart c;
	chart_scale(&c, r, cur, vc, rollup, in_list(r->pct, r->npct, a->chart_arg));
	gs_buf *out = c.out;
	const double range = c.maxv - c.floor;
	const int bar_h = 22, gap = 6, left = 140, right = 90, plot = 420, top = 26;
	int axis_y = top + (int)nbars * (bar_h + gap);
	char *label = field_label(r, a->chart_arg);
	chart_open(&c, left + plot + right, axis_y + 24 + (nroll ? 16 : 0), label);
	for (size_t i = 0, b = 0; i < cur->nrows; i++) {
		if (rollup[i])
			continue;
		gs_num v;
		int y = top + (int)b++ * (bar_h + gap);
		gs_buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", left - 8, y + bar_h - 6);
		html_escape(out, lc >= 0 ? cur->cells[i][lc] : "");
		gs_buf_adds(out, "</text>\n");
		int ok = is_number(cur->cells[i][vc], &v);
		int wbar = ok ? (int)((gs_num_to_double(v) - c.floor) / range * plot + 0.5) : 0;
		if (wbar < 0)
			wbar = 0;
		gs_buf_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n",
		              left, y, wbar, bar_h, r->missed[i] ? "#d9534f" : "#4a78a8");
		char *sv = chart_text(&c, cur->cells[i][vc], "—");
		gs_buf_printf(out, "<text x=\"%d\" y=\"%d\">", left + wbar + 6, y + bar_h - 6);
		html_escape(out, sv);
		gs_buf_adds(out, "</text>\n");
		free(sv);
	}
	chart_axes(&c, left, left + plot, axis_y, top - 4,
	           (struct axis_label[2]){{left, axis_y + 16, "start"}, {left + plot, axis_y + 16, "end"}});
	if (c.has_t) {
		int x = left + (int)((gs_num_to_double(c.tv) - c.floor) / range * plot + 0.5);
		if (x < left)
			x = left;
		chart_target(&c, a->chart_target_arg, x, top - 6, x, axis_y, x, top - 10, "middle");
	}
	/* the rollups off the axis, for the caption */
	gs_buf off = {0};
	for (size_t i = 0; i < cur->nrows; i++) {
		gs_num v;
		if (!rollup[i] || !is_number(cur->cells[i][vc], &v))
			continue;
		const char *name = lc >= 0 && *cur->cells[i][lc] ? cur->cells[i][lc] : "*";
		double d = gs_num_to_double(v);
		if (d >= c.floor && d <= c.maxv)
			chart_rollup(&c, name, cur->cells[i][vc], left + (int)((d - c.floor) / range * plot + 0.5), top,
			             axis_y);
		else {
			char *sv = chart_text(&c, cur->cells[i][vc], "");
			/* TRANSLATORS: in a bar chart's caption, a total (全县) too
			 * large for the axis of its units: 全县 48 */
			gs_buf_printf(&off, _("; %s %s, beyond the axis"), name, sv);
			free(sv);
		}
	}
	gs_buf_adds(out, "</svg>\n<figcaption>");
	html_escape(out, label);
	if (c.floor > 0) {
		char *s = chart_number(&c, c.floor);
		gs_buf note = {0};
		gs_buf_printf(&note, _(" (the axis starts at %s, not 0)"), s);
		html_escape(out, note.p);
		gs_buf_free(&note);
		free(s);
	}
	if (off.len)
		html_escape(out, off.p);
	gs_buf_adds(out, "</figcaption>\n</figure>\n");
	gs_buf_free(&off);
	free(label);
	free(rollup);
}

/* The trend's data and where it is drawn. */
struct trend {
	const struct table *t;
	long vc, pc, bc;         /* the value, the period and the unit columns (bc -1: one line) */
	char **per;              /* the periods, sorted */
	size_t nper;
	int left, plot_w, axis_y, plot_h; /* the plot's left edge, width, bottom and height */
};

/* The x of period P. */
static int trend_x(const struct trend *tr, size_t p)
{
	return tr->left + (tr->nper > 1 ? (int)(p * (size_t)tr->plot_w / (tr->nper - 1)) : tr->plot_w / 2);
}

/* The line of UNIT over the periods, in COLOUR, labelled at its end. */
static void trend_line(const struct chart *c, const struct trend *tr, const char *unit, const char *colour)
{
	const struct table *t = tr->t;
	gs_buf pts = {0};
	int lx = 0, ly = 0;
	for (size_t p = 0; p < tr->nper; p++)
		for (size_t i = 0; i < t->nrows; i++) {
			gs_num v;
			if (strcmp(t->cells[i][tr->pc], tr->per[p]) || strcmp(tr->bc >= 0 ? t->cells[i][tr->bc] : "", unit) ||
			    !is_number(t->cells[i][tr->vc], &v))
				continue;
			double f = (gs_num_to_double(v) - c->floor) / (c->maxv - c->floor);
			if (f < 0)
				f = 0;
			lx = trend_x(tr, p);
			ly = tr->axis_y - (int)(f * tr->plot_h + 0.5);
			gs_buf_printf(&pts, "%s%d,%d", pts.len ? " " : "", lx, ly);
			break;
		}
	if (pts.len) {
		gs_buf_printf(c->out, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n",
		              pts.p, colour);
		if (tr->bc >= 0) {
			gs_buf_printf(c->out, "<text x=\"%d\" y=\"%d\" fill=\"%s\">", lx + 6, ly + 4, colour);
			html_escape(c->out, unit);
			gs_buf_adds(c->out, "</text>\n");
		}
	}
	gs_buf_free(&pts);
}

/* A line chart of --trend over the sorted values of --trend-period, one
 * line a unit (--trend-by, default the first text column other than the
 * period; none: one line), the axis from chart_floor's start, the target
 * as a dashed labelled line, in the bar chart's self-contained SVG. */
static void html_trend(struct report *r)
{
	const struct gengetopt_args_info *a = r->a;
	const struct table *t = &r->cur;
	long vc = col_index(t, a->trend_arg);
	if (vc < 0)
		gs_usage_error("--trend: no field '%s' in the input", a->trend_arg);
	long pc = col_index(t, a->trend_period_arg);
	if (pc < 0)
		gs_usage_error("--trend-period: no field '%s' in the input", a->trend_period_arg);
	long bc = -1;
	if (a->trend_by_given) {
		/* none: one line, unless the table has a field of that name */
		if ((bc = col_index(t, a->trend_by_arg)) < 0 && strcmp(a->trend_by_arg, "none"))
			gs_usage_error("--trend-by: no field '%s' in the input", a->trend_by_arg);
	} else
		bc = first_text_column(t, pc);
	struct chart c;
	chart_scale(&c, r, t, vc, NULL, in_list(r->pct, r->npct, a->trend_arg));
	gs_buf *out = c.out;
	const int right = 130, top = 26;
	struct trend tr = {.t = t, .vc = vc, .pc = pc, .bc = bc, .left = 70, .plot_w = 440, .plot_h = 220};
	tr.axis_y = top + tr.plot_h;
	/* the periods (sorted) and the units (in the order first met) */
	tr.per = sorted_values(t, pc, &tr.nper);
	size_t nunit = 0;
	char **unit = gs_xmalloc((t->nrows + 1) * sizeof *unit);
	for (size_t i = 0; i < t->nrows; i++) {
		const char *un = bc >= 0 ? t->cells[i][bc] : "";
		if (!in_list(unit, nunit, un))
			unit[nunit++] = (char *)un;
	}
	static const char *const colour[] = {"#4a78a8", "#e08a2c", "#3c9a5f", "#8a5cb8", "#b5563e", "#5a9bb0",
	                                     "#c4648c", "#7f7f3a"};
	char *vl = field_label(r, a->trend_arg), *pl = field_label(r, a->trend_period_arg);
	char *bl = bc >= 0 ? field_label(r, t->names[bc]) : NULL;
	chart_open(&c, tr.left + tr.plot_w + right, top + tr.plot_h + 40, vl);
	chart_axes(&c, tr.left, tr.left + tr.plot_w, tr.axis_y, top,
	           (struct axis_label[2]){{tr.left - 6, tr.axis_y + 4, "end"}, {tr.left - 6, top + 4, "end"}});
	/* period labels: all when few, else about eight */
	size_t every = tr.nper > 8 ? (tr.nper + 7) / 8 : 1;
	for (size_t p = 0; p < tr.nper; p++) {
		if (p % every && p + 1 != tr.nper)
			continue;
		gs_buf_printf(out, "<text class=\"period\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">",
		              trend_x(&tr, p), tr.axis_y + 18);
		html_escape(out, tr.per[p]);
		gs_buf_adds(out, "</text>\n");
	}
	for (size_t k = 0; k < nunit; k++)
		trend_line(&c, &tr, unit[k], colour[k % (sizeof colour / sizeof *colour)]);
	if (c.has_t) {
		double f = (gs_num_to_double(c.tv) - c.floor) / (c.maxv - c.floor);
		int y = tr.axis_y - (int)((f < 0 ? 0 : f) * tr.plot_h + 0.5);
		chart_target(&c, a->chart_target_arg, tr.left, y, tr.left + tr.plot_w, y, tr.left + tr.plot_w + 6, y - 6,
		             NULL);
	}
	gs_buf_adds(out, "</svg>\n<figcaption>");
	gs_buf cap = {0};
	if (bl)
		/* TRANSLATORS: the caption of a trend chart: the value by the
		 * period, a line for each unit: rate by week, one line for each
		 * township */
		gs_buf_printf(&cap, _("%s by %s, one line for each %s"), vl, pl, bl);
	else
		/* TRANSLATORS: the caption of a trend chart: the value by the period, rate by period */
		gs_buf_printf(&cap, _("%s by %s"), vl, pl);
	html_escape(out, cap.p);
	gs_buf_free(&cap);
	free(vl);
	free(pl);
	free(bl);
	gs_buf_adds(out, "</figcaption>\n</figure>\n");
	free(tr.per);
	free(unit);
}

/* ---- the xlsx 报表 ---- */

/* A column of whole numbers is a code, kept as text, when a value starts
 * with 0 or has 12 digits or more (行政区划代码, 身份证号): a spreadsheet
 * would drop the zeros or round the digits past the 15th. */
static int looks_like_code(const struct col *c, size_t nout)
{
	for (size_t r = 0; r < nout; r++) {
		const char *v = c->val[r];
		size_t n = strspn(v, "0123456789");
		if (*v && !v[n] && ((v[0] == '0' && n > 1) || n >= 12))
			return 1;
	}
	return 0;
}

static time_t created_time(const char *date)
{
	long long s;
	if (source_date_epoch(&s))
		return (time_t)s;
	int y, m, d;
	const char *why;
	if (date && gs_date_parse(date, strlen(date), 0, &y, &m, &d, &why) == 0)
		return (time_t)gs_days_from_civil(y, m, d) * 86400;
	return (time_t)315532800; /* 1980-01-01, the zip format's first day */
}

/* The name of the workbook's sheet: the title, as Excel takes a sheet's
 * name: each run of []:*?/\, the control characters it refuses and
 * spaces one space, spaces and the quotes it refuses at either end trimmed, cut to 31
 * characters (UTF-16 units, as Excel counts them); when nothing is left,
 * the default title's word (报表). */
static char *sheet_name(const char *title)
{
	gs_buf b = {0};
	size_t units = 0;
	for (const unsigned char *p = (const unsigned char *)title; *p;) {
		size_t len = gs_utf8_char_len((const char *)p, strnlen((const char *)p, 4));
		size_t u = len == 4 ? 2 : 1;
		int gap = *p < 0x20 || *p == ' ' || strchr("[]:*?/\\", *p);
		if (units + u > 31)
			break;
		if (!gap)
			gs_buf_add(&b, (const char *)p, len);
		else if (b.len && b.p[b.len - 1] != ' ')
			gs_buf_addc(&b, ' ');
		else
			u = 0;       /* a space ends the name already, or it is empty */
		units += u;
		p += len;
	}
	size_t from = 0;
	while (from < b.len && (b.p[from] == ' ' || b.p[from] == '\''))
		from++;
	while (b.len > from && (b.p[b.len - 1] == ' ' || b.p[b.len - 1] == '\''))
		b.len--;
	if (b.p)
		b.p[b.len] = 0;
	/* History is the name of a sheet Excel keeps for itself */
	char *name = b.len > from && strcasecmp(b.p + from, "History") ? gs_xstrndup(b.p + from, b.len - from) :
	             dup(_(default_title));
	gs_buf_free(&b);
	return name;
}

/* The workbook: numbers as numbers of the decimals shown, codes as text,
 * the rollup rows bold, the target's summary as a note. */
static void render_xlsx(struct report *r)
{
	const struct gengetopt_args_info *a = r->a;
	size_t ncols = r->ncols, nout = r->nout;
	gs_xlsx_col *xc = gs_xmalloc((ncols + 1) * sizeof *xc);
	const char **cells = gs_xmalloc((ncols * nout + 1) * sizeof *cells);
	unsigned char *bold = gs_xcalloc(nout + 1, 1);
	for (size_t i = 0; i < ncols; i++) {
		const struct col *c = &r->cols[i];
		xc[i].label = c->label;
		xc[i].kind = c->kind == K_PERCENT ? GS_XC_PERCENT :
		             c->kind == K_NUM && !looks_like_code(c, nout) ? GS_XC_NUM : GS_XC_TEXT;
		/* the decimals the page shows, catalogue and --decimals applied */
		xc[i].decimals = c->kind == K_PERCENT && c->decimals < 0 ? 2 : c->decimals;
		for (size_t k = 0; k < nout; k++) {
			/* marks as people read them; everything else raw and exact */
			cells[k * ncols + i] = c->kind == K_MARK && *c->val[k] ? c->shown[k] : c->val[k];
			if (c->kind == K_PLAIN && is_total_label(c->val[k], a))
				bold[k] = 1;
		}
	}
	char *sheet = sheet_name(a->title_given ? a->title_arg : _(default_title));
	gs_xlsx_meta m = {
		.sheet = sheet,
		.title = a->title_given ? a->title_arg : NULL,
		.unit_line = a->unit_line_given ? a->unit_line_arg : NULL,
		.note = r->target ? r->tsum.p : NULL,
		.filled_by = a->filled_by_given ? a->filled_by_arg : NULL,
		.prepared_by = a->prepared_by_given ? a->prepared_by_arg : NULL,
		.checked_by = a->checked_by_given ? a->checked_by_arg : NULL,
		.date = r->date,
		.created = created_time(r->date),
	};
	gs_reason why = {0};
	if (gs_xlsx_table(&r->out, &m, xc, ncols, cells, nout, bold, &why) < 0)
		gs_die(GS_IO, NULL, 0, "%s", gs_reason_shown(&why));
	gs_reason_free(&why);
	free(sheet);
	free(xc);
	free(cells);
	free(bold);
}

/* ---- the other formats ---- */

/* The writer's format of F (enum fmt): csv and tsv are its own, the
 * others none of its text formats (GS_FMT_AUTO). */
static int stream_format(int f)
{
	return f == F_JSON ? GS_FMT_JSON : f == F_CSV ? GS_FMT_CSV : f == F_TSV ? GS_FMT_TSV : GS_FMT_AUTO;
}

/* JSON lines, CSV, TSV: the raw values, exact, through the writer. */
static void render_stream(struct report *r)
{
	size_t ncols = r->ncols;
	int format = stream_format(r->fmt);
	gs_writer *w = gs_writer_new(stdout, format);
	gs_cli_output_encoding(r->cli, w, format, "-f");
	gs_field *h = gs_xmalloc((ncols + 1) * sizeof *h);
	unsigned char *num = gs_xcalloc(ncols + 1, 1);
	for (size_t i = 0; i < ncols; i++) {
		h[i] = (gs_field){r->cols[i].name, strlen(r->cols[i].name)};
		num[i] = r->cols[i].numeric || r->cols[i].kind == K_MARK;
	}
	gs_writer_header(w, h, ncols, num);
	gs_field *row = gs_xmalloc((ncols + 1) * sizeof *row);
	for (size_t k = 0; k < r->nout; k++) {
		for (size_t i = 0; i < ncols; i++) {
			const char *v = r->cols[i].val[k];
			/* text columns keep "" in JSON; numbers and marks are null */
			row[i] = !*v && num[i] ? (gs_field){NULL, 0} : (gs_field){v, strlen(v)};
		}
		gs_writer_row(w, row, ncols);
	}
	gs_manifest_output(w);
	gs_writer_free(w);
	free(h);
	free(num);
	free(row);
}

/* Numbers and marks are aligned right, and never cut. */
static int right_aligned(const struct col *c)
{
	return c->numeric || c->kind == K_MARK;
}

/* Lines of text, each its own allocation. */
struct lines {
	char **l;
	size_t n;
};

static void lines_add(struct lines *ls, const char *s, size_t n)
{
	ls->l = gs_xrealloc(ls->l, (ls->n + 1) * sizeof *ls->l);
	ls->l[ls->n++] = gs_xstrndup(s, n);
}

static void lines_free(struct lines *ls)
{
	free_list(ls->l, ls->n);
	ls->l = NULL;
	ls->n = 0;
}

/* Move CUR, the line being filled, to LS. */
static void flush_line(struct lines *ls, gs_buf *cur)
{
	if (cur->len)
		lines_add(ls, cur->p, cur->len);
	gs_buf_clear(cur);
}

/* Where a line may break in S (N bytes), by Unicode's line breaking rules
 * (UAX #14, from libunistring, whose widths report uses too): such as
 * between two Han characters, after a space or a hyphen, never inside a
 * Latin word or a number. P[i] is UC_BREAK_POSSIBLE when a break may come
 * before byte i. The caller frees P. */
static char *break_points(const char *s, size_t n)
{
	char *p = gs_xmalloc(n + 1);
	/* the encoding gives characters of ambiguous class the rule the widths follow */
	u8_possible_linebreaks((const uint8_t *)s, n, gs_ambiguous_wide() ? "GBK" : "UTF-8", p);
	return p;
}

/* The end of the piece of S (N bytes, break points P) that starts at I:
 * the next break point, or N. */
static size_t piece_end(const char *p, size_t i, size_t n)
{
	for (i++; i < n && p[i] != UC_BREAK_POSSIBLE; i++)
		;
	return i;
}

/* Lay the word S (N bytes, no space) out after CUR in lines of at most W
 * columns, broken at its break points; a piece wider than W (a Latin word)
 * is cut with '~'. The last line is left in CUR. */
static void break_word(struct lines *ls, gs_buf *cur, const char *s, size_t n, size_t w)
{
	char *p = break_points(s, n);
	for (size_t i = 0, j; i < n; i = j) {
		j = piece_end(p, i, n);
		size_t pw = gs_display_width(s + i, j - i);
		if (cur->len && gs_display_width(cur->p, cur->len) + pw > w)
			flush_line(ls, cur);
		if (pw > w) {
			put_cut(cur, s + i, j - i, w);
			flush_line(ls, cur);
		} else
			gs_buf_add(cur, s + i, j - i);
	}
	free(p);
}

/* The header LABEL in lines of at most W columns (W >= 1), added to LS:
 * one line when it fits; else broken at its spaces, and a word still wider
 * than W broken by break_word. */
static void wrap_label(struct lines *ls, const char *s, size_t w)
{
	size_t n = strlen(s);
	if (width_of(s) <= w) {
		lines_add(ls, s, n);
		return;
	}
	gs_buf cur = {0};
	for (size_t i = 0, j; i < n; i = j) {
		while (i < n && s[i] == ' ')
			i++;
		for (j = i; j < n && s[j] != ' '; j++)
			;
		if (j == i)
			break;
		size_t ww = gs_display_width(s + i, j - i);
		if (cur.len && gs_display_width(cur.p, cur.len) + 1 + ww <= w) {
			gs_buf_addc(&cur, ' ');
			gs_buf_add(&cur, s + i, j - i);
			continue;
		}
		flush_line(ls, &cur);
		if (ww <= w)
			gs_buf_add(&cur, s + i, j - i);
		else {
			/* the tail of a broken word ends its line: 有效 / 警情 /
			 * 上期, never 有效警 / 情 上期 */
			break_word(ls, &cur, s + i, j - i, w);
			flush_line(ls, &cur);
		}
	}
	flush_line(ls, &cur);
	gs_buf_free(&cur);
}

/* The widest line of LABEL wrapped at W; *NLINES, how many lines. */
static size_t wrapped_width(const char *label, size_t w, size_t *nlines)
{
	struct lines ls = {0};
	wrap_label(&ls, label, w);
	size_t m = 0;
	for (size_t i = 0; i < ls.n; i++)
		if (width_of(ls.l[i]) > m)
			m = width_of(ls.l[i]);
	*nlines = ls.n;
	lines_free(&ls);
	return m;
}

/* The widest piece of S between its break points: how narrow its lines
 * can be with nothing cut. */
static size_t widest_piece(const char *s)
{
	size_t n = strlen(s), m = 0;
	char *p = break_points(s, n);
	for (size_t i = 0, j; i < n; i = j) {
		j = piece_end(p, i, n);
		/* the spaces a piece ends with are where a line ends */
		size_t e = j;
		while (e > i && s[e - 1] == ' ')
			e--;
		size_t w = gs_display_width(s + i, e - i);
		if (w > m)
			m = w;
	}
	free(p);
	return m;
}

/* The widest of the words of S between its spaces. */
static size_t widest_word(const char *s)
{
	size_t m = 0, n = strlen(s);
	for (size_t i = 0, j; i < n; i = j + 1) {
		for (j = i; j < n && s[j] != ' '; j++)
			;
		size_t w = gs_display_width(s + i, j - i);
		if (w > m)
			m = w;
	}
	return m;
}

/* The column of WD with the most room above its LEAST, or -1 when none
 * has any. */
static long roomiest(const size_t *wd, const size_t *least, size_t ncols)
{
	long wi = -1;
	for (size_t i = 0; i < ncols; i++)
		if (wd[i] > least[i] && (wi < 0 || wd[i] - least[i] > wd[wi] - least[wi]))
			wi = (long)i;
	return wi;
}

/* The column of WD to narrow next with nothing cut: of those wider than
 * LEAST, the one whose header then takes the fewest lines, of those the
 * one with the most room; -1 when none. *NW: its width then, its header
 * wrapped one column narrower. */
static long narrow_header(const struct report *r, const size_t *wd, const size_t *least, size_t *nw)
{
	long wi = -1;
	size_t best = 0;
	for (size_t i = 0; i < r->ncols; i++) {
		if (wd[i] <= least[i])
			continue;
		size_t lines, w = wrapped_width(r->cols[i].label, wd[i] - 1, &lines);
		/* as narrow as that many lines can be, so that a word breaks
		 * into even parts (纠纷 / 数量, not 纠纷数 / 量) */
		for (size_t l2, w2; w > least[i] && w > 1; w = w2)
			if ((w2 = wrapped_width(r->cols[i].label, w - 1, &l2)) >= w || l2 != lines)
				break;
		if (w < least[i])
			w = least[i];
		if (wi < 0 || lines < best || (lines == best && wd[i] - least[i] > wd[wi] - least[wi])) {
			wi = (long)i;
			best = lines;
			*nw = w;
		}
	}
	return wi;
}

/* The width of each column: its widest cell or header, the header on one
 * line. A table wider than --width is narrowed in rounds. First every
 * header wider than its cells is wrapped onto more lines at its spaces
 * (纠纷数 上期 over two lines), its column as narrow as its widest word
 * and its widest cell allow: nothing is cut, and a group of columns reads
 * as one. When that is not enough and narrowing can be, headers are broken
 * inside their words too where Unicode allows (between Han characters,
 * after the hyphen of 2020-W01; not inside a Latin word or a number such as
 * 2020-01), a column at a time, the header that then takes the
 * fewest lines first, down to the column's cells (2 columns at least, one
 * Han character). Last, text columns are cut with '~', the widest first, to
 * 6 columns at least, their headers too. The numbers, the marks and the
 * headers that name them are never cut: a table of many numbers that
 * cannot fit keeps its lines long and every header whole. */
static size_t *text_widths(const struct report *r)
{
	size_t ncols = r->ncols, total = 0, budget = (size_t)r->a->width_arg;
	size_t *wd = gs_xmalloc((ncols + 1) * sizeof *wd);
	size_t *need = gs_xmalloc((ncols + 1) * sizeof *need);
	size_t *whole = gs_xmalloc((ncols + 1) * sizeof *whole);
	size_t *least = gs_xmalloc((ncols + 1) * sizeof *least);
	size_t least_total = 0;
	for (size_t i = 0; i < ncols; i++) {
		const struct col *c = &r->cols[i];
		need[i] = 0;
		for (size_t k = 0; k < r->nout; k++)
			if (width_of(c->shown[k]) > need[i])
				need[i] = width_of(c->shown[k]);
		wd[i] = width_of(c->label) > need[i] ? width_of(c->label) : need[i];
		total += wd[i] + (i ? 2 : 0);
		whole[i] = widest_piece(c->label) > need[i] ? widest_piece(c->label) : need[i];
		if (whole[i] < 2)
			whole[i] = 2;
		least[i] = right_aligned(c) ? whole[i] : 6;
	}
	/* every header wraps at its spaces, or none */
	for (size_t i = 0, over = total > budget; i < ncols && over; i++) {
		size_t nw = widest_word(r->cols[i].label);
		if (nw < need[i])
			nw = need[i];
		total -= wd[i] - nw;
		wd[i] = nw;
	}
	/* breaking words and cutting cells only for a table that then fits */
	for (size_t i = 0; i < ncols; i++)
		least_total += (wd[i] < least[i] ? wd[i] : least[i]) + (i ? 2 : 0);
	long wi;
	size_t nw;
	while (total > budget && least_total <= budget && (wi = narrow_header(r, wd, whole, &nw)) >= 0) {
		total -= wd[wi] - nw;
		wd[wi] = nw;
	}
	while (total > budget && least_total <= budget && (wi = roomiest(wd, least, ncols)) >= 0) {
		wd[wi]--;
		total--;
	}
	free(need);
	free(whole);
	free(least);
	return wd;
}

/* A line of the text table, cell I of it CELL[I] in WD[I] columns; no
 * trailing spaces. */
static void text_line(gs_buf *out, const struct report *r, const size_t *wd, const char *const *cell)
{
	gs_buf line = {0};
	for (size_t i = 0; i < r->ncols; i++) {
		const struct col *c = &r->cols[i];
		const char *s = cell[i];
		size_t sw = width_of(s);
		if (i)
			gs_buf_adds(&line, "  ");
		if (sw > wd[i])
			put_cut(&line, s, strlen(s), wd[i]);
		else if (right_aligned(c)) {
			pad(&line, wd[i] - sw);
			gs_buf_adds(&line, s);
		} else {
			gs_buf_adds(&line, s);
			if (i + 1 < r->ncols)
				pad(&line, wd[i] - sw);
		}
	}
	while (line.len && line.p[line.len - 1] == ' ')
		line.len--;
	gs_buf_add(out, line.p ? line.p : "", line.len);
	gs_buf_addc(out, '\n');
	gs_buf_free(&line);
}

/* The header of the text table: each label wrapped to its column, the
 * lines of a shorter one at the bottom, beside the rule. */
static void text_header(gs_buf *out, const struct report *r, const size_t *wd)
{
	struct lines *hl = gs_xcalloc(r->ncols + 1, sizeof *hl);
	const char **cell = gs_xmalloc((r->ncols + 1) * sizeof *cell);
	size_t nh = 1;
	for (size_t i = 0; i < r->ncols; i++) {
		wrap_label(&hl[i], r->cols[i].label, wd[i]);
		if (hl[i].n > nh)
			nh = hl[i].n;
	}
	for (size_t k = 0; k < nh; k++) {
		for (size_t i = 0; i < r->ncols; i++)
			cell[i] = k >= nh - hl[i].n ? hl[i].l[k - (nh - hl[i].n)] : "";
		text_line(out, r, wd, cell);
	}
	for (size_t i = 0; i < r->ncols; i++)
		lines_free(&hl[i]);
	free(hl);
	free(cell);
}

/* ---- the appendix: the manifest, in the three formats for people ---- */

/* How a format writes the appendix: its HEADING (a msgid) between HEAD and
 * HEAD_END, then each step, numbered "N. " when NUMBERED: STEP, its
 * command written by CODE, CODE_END, its status, FILES, each file between
 * FILE and FILE_END, STEP_END; END closes the appendix. ESC writes the
 * words. */
struct appendix_style {
	const char *heading, *head, *head_end;
	int numbered;
	const char *step, *code_end, *files, *file, *file_end, *step_end, *end;
	void (*esc)(gs_buf *b, const char *s);
	void (*code)(gs_buf *b, const char *s);
};

static const struct appendix_style text_appendix = {
	N_("How these figures were computed:"), "", "\n", 1,
	"", "", "\n", "   ", "\n", "", "", gs_buf_adds, gs_buf_adds,
};

static const struct appendix_style markdown_appendix = {
	N_("How these figures were computed"), "## ", "\n\n", 1,
	"", "", "\n", "   - ", "\n", "", "\n", md_escape, md_code,
};

static const struct appendix_style html_appendix = {
	N_("How these figures were computed"), "<section>\n<h2>", "</h2>\n<ol>\n", 0,
	"<li><code>", "</code>", "\n<ul>\n", "<li>", "</li>\n", "</ul>\n</li>\n", "</ol>\n</section>\n",
	html_escape, html_escape,
};

/* The appendix of --manifest-in, if any, in the style ST: the steps and
 * their files (read_step), the words translated here once for the three
 * formats. */
static void render_appendix(gs_buf *out, const struct report *r, const struct appendix_style *st)
{
	if (!r->nsteps)
		return;
	gs_buf_adds(out, st->head);
	st->esc(out, _(st->heading));
	gs_buf_adds(out, st->head_end);
	gs_buf status = {0};
	for (size_t s = 0; s < r->nsteps; s++) {
		const struct step *p = &r->steps[s];
		if (st->numbered)
			gs_buf_printf(out, "%zu. ", s + 1);
		gs_buf_adds(out, st->step);
		st->code(out, p->line);
		gs_buf_adds(out, st->code_end);
		gs_buf_clear(&status);
		/* TRANSLATORS: after a step's command in the appendix: its exit
		 * status (the space parts it from the command) */
		gs_buf_printf(&status, _(" (status %d)"), p->status);
		st->esc(out, status.p);
		gs_buf_adds(out, st->files);
		for (size_t f = 0; f < p->nfiles; f++) {
			gs_buf_adds(out, st->file);
			st->esc(out, p->files[f]);
			gs_buf_adds(out, st->file_end);
		}
		gs_buf_adds(out, st->step_end);
	}
	gs_buf_adds(out, st->end);
	gs_buf_free(&status);
}

/* Plain text aligned by display width, for a terminal or a mail. */
static void render_text(struct report *r)
{
	const struct gengetopt_args_info *a = r->a;
	gs_buf *out = &r->out;
	size_t *wd = text_widths(r);
	if (a->title_given) {
		gs_buf_adds(out, a->title_arg);
		gs_buf_addc(out, '\n');
	}
	if (r->date)
		gs_buf_printf(out, "%s\n", r->date);
	if (a->caption_given)
		gs_buf_printf(out, "%s\n", a->caption_arg);
	if (a->title_given || r->date || a->caption_given)
		gs_buf_addc(out, '\n');
	text_header(out, r, wd);
	size_t rule = 0;
	for (size_t i = 0; i < r->ncols; i++)
		rule += wd[i] + (i ? 2 : 0);
	for (size_t i = 0; i < rule; i++)
		gs_buf_addc(out, '-');
	gs_buf_addc(out, '\n');
	const char **cell = gs_xmalloc((r->ncols + 1) * sizeof *cell);
	for (size_t k = 0; k < r->nout; k++) {
		for (size_t i = 0; i < r->ncols; i++)
			cell[i] = r->cols[i].shown[k];
		text_line(out, r, wd, cell);
	}
	free(cell);
	gs_buf_addc(out, '\n');
	if (r->target)
		gs_buf_printf(out, "%s\n", r->tsum.p);
	render_appendix(out, r, &text_appendix);
	gs_buf_printf(out, "%s\n", r->prov.p);
	free(wd);
}

static void render_markdown(struct report *r)
{
	const struct gengetopt_args_info *a = r->a;
	gs_buf *out = &r->out;
	if (a->title_given) {
		gs_buf_adds(out, "# ");
		md_escape(out, a->title_arg);
		gs_buf_adds(out, "\n\n");
	}
	if (r->date)
		gs_buf_printf(out, "%s\n\n", r->date);
	if (a->caption_given) {
		md_paragraph(out, a->caption_arg);
		gs_buf_adds(out, "\n\n");
	}
	gs_buf_addc(out, '|');
	for (size_t i = 0; i < r->ncols; i++) {
		gs_buf_addc(out, ' ');
		md_escape(out, r->cols[i].label);
		gs_buf_adds(out, " |");
	}
	gs_buf_adds(out, "\n|");
	for (size_t i = 0; i < r->ncols; i++)
		gs_buf_adds(out, right_aligned(&r->cols[i]) ? " ---: |" : " --- |");
	gs_buf_addc(out, '\n');
	for (size_t k = 0; k < r->nout; k++) {
		gs_buf_addc(out, '|');
		for (size_t i = 0; i < r->ncols; i++) {
			gs_buf_addc(out, ' ');
			md_escape(out, r->cols[i].shown[k]);
			gs_buf_adds(out, " |");
		}
		gs_buf_addc(out, '\n');
	}
	gs_buf_addc(out, '\n');
	if (r->target) {
		md_paragraph(out, r->tsum.p);
		gs_buf_adds(out, "\n\n");
	}
	render_appendix(out, r, &markdown_appendix);
	gs_buf_adds(out, "<small>");
	md_escape(out, r->prov.p);
	gs_buf_adds(out, "</small>\n");
}

/* The page's head and its style, up to the title. */
static void html_head(gs_buf *out, const char *lang, const char *title)
{
	gs_buf_adds(out, "<!DOCTYPE html>\n<html lang=\"");
	html_escape(out, lang);
	gs_buf_adds(out, "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	html_escape(out, title);
	gs_buf_adds(out, "</title>\n<style>\n"
	            "body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", sans-serif; margin: 2em; color: #222; }\n"
	            "h1 { font-size: 1.4em; margin: 0 0 .2em; }\n"
	            "p.date, p.caption { margin: .2em 0; color: #555; }\n"
	            "table { border-collapse: collapse; margin: 1em 0; }\n"
	            "th, td { border: 1px solid #bbb; padding: .25em .6em; }\n"
	            "th { background: #eef2f6; }\n"
	            "td.num { text-align: right; font-variant-numeric: tabular-nums; }\n"
	            "td.mark { text-align: center; }\n"
	            "tr.missed td { background: #fde8e8; }\n"
	            "td.missed, span.missed { color: #b00020; font-weight: bold; }\n"
	            "td.met { color: #1b6e20; }\n"
	            "figure { margin: 1em 0; }\n"
	            "figure svg text { font-size: 13px; }\n"
	            "footer { margin-top: 2em; font-size: .8em; color: #666; word-break: break-all; }\n"
	            /* printed: an A4 document, the header row on every page, no
	             * row or chart cut across pages, the colours kept */
	            "@page { size: A4; margin: 15mm 12mm; }\n"
	            "@media print {\n"
	            "  body { margin: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
	            "  thead { display: table-header-group; }\n"
	            "  tr, figure, svg, footer { break-inside: avoid; page-break-inside: avoid; }\n"
	            "  h1, p.date, p.caption { break-after: avoid; page-break-after: avoid; }\n"
	            "}\n"
	            "</style>\n</head>\n<body>\n<h1>");
	html_escape(out, title);
	gs_buf_adds(out, "</h1>\n");
}

static void html_table(struct report *r)
{
	gs_buf *out = &r->out;
	gs_buf_adds(out, "<table>\n<thead>\n<tr>");
	for (size_t i = 0; i < r->ncols; i++) {
		gs_buf_adds(out, "<th scope=\"col\">");
		html_escape(out, r->cols[i].label);
		gs_buf_adds(out, "</th>");
	}
	gs_buf_adds(out, "</tr>\n</thead>\n<tbody>\n");
	for (size_t k = 0; k < r->nout; k++) {
		gs_buf_adds(out, r->missed[k] ? "<tr class=\"missed\">" : "<tr>");
		for (size_t i = 0; i < r->ncols; i++) {
			const struct col *c = &r->cols[i];
			const char *cls = c->kind == K_MARK ?
			                  (!strcmp(c->val[k], "0") ? "mark missed" : !strcmp(c->val[k], "1") ? "mark met" : "mark") :
			                  c->numeric ? "num" : NULL;
			if (cls)
				gs_buf_printf(out, "<td class=\"%s\">", cls);
			else
				gs_buf_adds(out, "<td>");
			html_escape(out, c->shown[k]);
			gs_buf_adds(out, "</td>");
		}
		gs_buf_adds(out, "</tr>\n");
	}
	gs_buf_adds(out, "</tbody>\n</table>\n");
}

/* A self-contained page: the table, the charts, the appendix. */
static void render_html(struct report *r)
{
	const struct gengetopt_args_info *a = r->a;
	gs_buf *out = &r->out;
	/* TRANSLATORS: the language of this translation as the lang of an
	 * HTML page (BCP 47: zh-CN), so that a page says the language its
	 * words are in */
	const char *lang = a->lang_given ? a->lang_arg : _("en");
	html_head(out, lang, a->title_given ? a->title_arg : _(default_title));
	if (r->date) {
		gs_buf_adds(out, "<p class=\"date\">");
		html_escape(out, r->date);
		gs_buf_adds(out, "</p>\n");
	}
	if (a->caption_given) {
		gs_buf_adds(out, "<p class=\"caption\">");
		html_escape(out, a->caption_arg);
		gs_buf_adds(out, "</p>\n");
	}
	html_table(r);
	if (r->target) {
		gs_buf_adds(out, "<p><span class=\"missed\">✗</span> ");
		html_escape(out, r->tsum.p);
		gs_buf_adds(out, "</p>\n");
	}
	if (a->chart_given)
		html_chart(r);
	if (a->trend_given)
		html_trend(r);
	render_appendix(out, r, &html_appendix);
	gs_buf_adds(out, "<footer>");
	html_escape(out, r->prov.p);
	gs_buf_adds(out, "</footer>\n</body>\n</html>\n");
}

/* ---- the run ---- */

/* -f: each format (the parser's enum) and its renderer. */
static const struct {
	enum fmt fmt;
	void (*render)(struct report *r);
} formats[] = {
	[format_arg_text] = {F_TEXT, render_text},
	[format_arg_markdown] = {F_MARKDOWN, render_markdown},
	[format_arg_html] = {F_HTML, render_html},
	[format_arg_json] = {F_JSON, render_stream},
	[format_arg_csv] = {F_CSV, render_stream},
	[format_arg_xlsx] = {F_XLSX, render_xlsx},
	[format_arg_tsv] = {F_TSV, render_stream},
};

/* The options that are checked before anything is read. */
static void check_options(struct report *r)
{
	struct gengetopt_args_info *a = r->a;
	r->fmt = formats[a->format_arg].fmt;
	gs_cli_output_encoding(r->cli, NULL, stream_format(r->fmt), "-f");
	parse_decimals(&r->decs, a->decimals_arg, a->decimals_given);
	if (a->date_given && !is_iso_date(a->date_arg))
		gs_usage_error("--date '%s': not a real date written YYYY-MM-DD (such as 2026-02-28)", a->date_arg);
	if (a->width_arg < 20)
		gs_usage_error("--width: give 20 or more");
	if ((a->up_given || a->down_given || a->key_given) && !a->compare_given)
		gs_usage_error("--key, --up and --down go with --compare");
	if (a->compare_given && !a->key_given)
		gs_usage_error("--compare needs --key FIELDS to match the rows");
	if (a->ambiguous_given) {
		if (strcmp(a->ambiguous_arg, "wide") && strcmp(a->ambiguous_arg, "narrow"))
			gs_usage_error("--ambiguous: '%s' is not wide or narrow", a->ambiguous_arg);
		gs_set_ambiguous_wide(!strcmp(a->ambiguous_arg, "wide"));
	}
}

/* The page of the formats written whole (text, Markdown, HTML, xlsx), on
 * standard output the way every tool writes a document: a failed write
 * is told with its reason (status 3), the manifest records its hash. */
static void write_page(const struct report *r)
{
	if (r->out.len)
		gs_write_stdout(r->out.p, r->out.len, (long)r->nout);
}

/* The summary govstat(7) promises: read = written + rejected (+ left out
 * by --where). */
static void summary(const struct report *r)
{
	const struct table *cur = &r->cur, *prev = &r->prev;
	if (!cur->rows_bad && !prev->rows_bad && !r->a->verbose_given)
		return;
	gs_buf sum = {0};
	gs_buf_printf(&sum, _("%ld rows read, %zu written"), cur->rows_read, cur->nrows);
	if (r->where)
		gs_buf_printf(&sum, _(", %ld left out by --where"), cur->rows_where);
	gs_buf_printf(&sum, _(", %ld rejected"), cur->rows_bad);
	if (r->a->compare_given)
		gs_buf_printf(&sum, _("; previous period: %ld read, %ld rejected"), prev->rows_read, prev->rows_bad);
	gs_msg(NULL, 0, "%s", sum.p);
	gs_buf_free(&sum);
}

static void free_report(struct report *r)
{
	for (size_t i = 0; i < r->ncols; i++) {
		for (size_t k = 0; k < r->nout; k++) {
			free(r->cols[i].val[k]);
			free(r->cols[i].shown[k]);
		}
		free(r->cols[i].val);
		free(r->cols[i].shown);
		free(r->cols[i].name);
		free(r->cols[i].label);
	}
	free(r->cols);
	for (size_t s = 0; s < r->nsteps; s++) {
		free(r->steps[s].line);
		free_list(r->steps[s].files, r->steps[s].nfiles);
	}
	free(r->steps);
	free_table(&r->cur);
	free_table(&r->prev);
	gs_catalogue_free(r->cat);
	free_list(r->pick, r->npick);
	free_list(r->pct, r->npct);
	free_list(r->keys, r->nkeys);
	free_list(r->up, r->nup);
	free_list(r->down, r->ndown);
	free(r->kcur);
	free(r->kprev);
	free(r->prev_of);
	free(r->cur_of);
	free(r->missed);
	free(r->date);
	free_list(r->decs.col, r->decs.ncol);
	free(r->decs.n);
	gs_expr_free(r->target);
	gs_buf_free(&r->out);
	gs_buf_free(&r->prov);
	gs_buf_free(&r->tsum);
}

int main(int argc, char **argv)
{
	struct gengetopt_args_info a;
	gs_cli cli;
	GS_CLI_START(cli, a, "report", argc, argv);
	{
		/* --manifest-in may be the manifest this run appends to */
		const char *side[] = {a.compare_given ? a.compare_arg : NULL};
		gs_cli_outputs(&cli, side, sizeof side / sizeof *side, NULL, 0);
	}

	struct report r = {.a = &a, .cli = &cli, .status = GS_OK};
	check_options(&r);
	read_tables(&r);
	choose_columns(&r);
	match_previous(&r);
	build_columns(&r);
	judge_target(&r);
	provenance(&r);
	formats[a.format_arg].render(&r);
	write_page(&r);
	summary(&r);
	r.status = gs_manifest_end(r.status);
	free_report(&r);
	cmdline_parser_free(&a);
	return gs_close_stdout(r.status);
}
