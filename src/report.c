/* report: the table people read, and the record auditors check.
 *
 * The table is small (townships, villages, periods), so it is read whole;
 * the work is presentation: display widths for aligned text, escaping for
 * Markdown and HTML, an inline SVG chart, target marks, the comparison
 * with the previous period, and a provenance footer. Nothing depends on
 * the clock or the machine, so the same inputs give the same bytes. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "catalogue.h"
#include "cli.h"
#include "dates.h"
#include "diag.h"
#include "expr.h"
#include "hash.h"
#include "jsonfile.h"
#include "manifest.h"
#include "num.h"
#include "report_cmd.h"
#include "sha256.h"
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
	gs_buf hdr;
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
	t->index = gs_hash_new();
	for (size_t i = 0; i < n; i++) {
		t->names[i] = gs_xstrndup(names[i].p, names[i].n);
		if (!gs_hash_get(t->index, names[i].p, names[i].n))
			gs_hash_put(t->index, names[i].p, names[i].n, (void *)(i + 1));
	}
	gs_expr *wh = NULL;
	gs_buf err = {0};
	if (where) {
		size_t pos = 0;
		if (!(wh = gs_expr_parse(where, &pos, 1, &err)))
			gs_usage_error("--where '%s': column %zu: %s", where, pos + 1, err.p);
		if (gs_expr_bind(wh, names, n, &err) < 0)
			gs_usage_error("--where: %s (in %s)", err.p, nfiles ? files[0] : "-");
	}
	gs_row r;
	int k;
	size_t cap = 0;
	while ((k = gs_stream_next(st, &r)) != GS_REC_EOF) {
		t->rows_read++;
		if (k == GS_REC_BAD) {
			gs_msg(gs_stream_file(st), r.line, "%s", gs_stream_error(st));
			*status = GS_REJECT;
			t->rows_bad++;
			continue;
		}
		if (wh) {
			gs_buf_clear(&err);
			int keep = gs_expr_test(wh, r.f, &err);
			if (keep < 0) {
				gs_msg(gs_stream_file(st), r.line, "--where: %s", err.p);
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
	gs_buf_free(&err);
}

static void free_table(struct table *t)
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

/* A change, signed: "+1.25", "-3", "0"; in percentage points for percents. */
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
		gs_buf_adds(&b, "pp");
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

static void md_escape(gs_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '|': gs_buf_adds(b, "\\|"); break;
		case '\\': gs_buf_adds(b, "\\\\"); break;
		case '<': gs_buf_adds(b, "&lt;"); break;
		case '>': gs_buf_adds(b, "&gt;"); break;
		case '*': case '_': case '`': case '[': case ']':
			gs_buf_addc(b, '\\');
			gs_buf_addc(b, *s);
			break;
		case '\n': gs_buf_adds(b, "<br>"); break;
		case '\r': break;
		default: gs_buf_addc(b, *s);
		}
	}
}

static size_t width_of(const char *s)
{
	return gs_display_width(s, strlen(s));
}

/* Append S cut to W display columns, ending with '~' when cut. */
static void put_cut(gs_buf *b, const char *s, size_t w)
{
	size_t used = 0, i = 0, n = strlen(s);
	if (width_of(s) <= w) {
		gs_buf_adds(b, s);
		return;
	}
	while (i < n) {
		size_t len = 1;
		unsigned char c = (unsigned char)s[i];
		if (c >= 0xF0) len = 4;
		else if (c >= 0xE0) len = 3;
		else if (c >= 0xC0) len = 2;
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

/* The date shown: --date, else SOURCE_DATE_EPOCH, else none. */
static char *shown_date(const char *opt)
{
	if (opt)
		return dup(opt);
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (!e || !*e)
		return NULL;
	char *end;
	long long s = strtoll(e, &end, 10);
	if (*end)
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
		gs_buf_printf(&f, "%s %s, sha256 %s, %.0f bytes",
		              cJSON_IsString(role) ? role->valuestring : "?",
		              cJSON_IsString(name) ? name->valuestring : "?",
		              cJSON_IsString(sha) ? sha->valuestring : "-",
		              cJSON_IsNumber(bytes) ? bytes->valuedouble : 0.0);
		if (cJSON_IsNumber(rows))
			gs_buf_printf(&f, ", %.0f rows", rows->valuedouble);
		s->files = gs_xrealloc(s->files, (s->nfiles + 1) * sizeof *s->files);
		s->files[s->nfiles++] = f.p;
	}
	return 0;
}

static struct step *read_manifest(const char *path, size_t *n)
{
	const char *why;
	/* a file, "-" too: standard input is the table's */
	gs_json_lines *jl = gs_json_lines_open(strcmp(path, "-") ? path : "./-", "auto", &why);
	if (!jl)
		gs_die(GS_IO, path, 0, "cannot open the manifest");
	struct step *steps = NULL;
	*n = 0;
	cJSON *o;
	int k;
	while ((k = gs_json_lines_next(jl, &o)) > 0) {
		steps = gs_xrealloc(steps, (*n + 1) * sizeof *steps);
		if (read_step(o, &steps[*n]) < 0)
			gs_die(GS_IO, path, gs_json_lines_line(jl), "not a govstat manifest line");
		(*n)++;
		cJSON_Delete(o);
	}
	if (k < 0)
		gs_die(GS_IO, path, gs_json_lines_line(jl) + 1, "%s", gs_json_lines_error(jl));
	gs_json_lines_close(jl);
	return steps;
}

/* ---- the pivot: units down, periods across ---- */

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Turn the long table T (one row a unit and period) into the layout of a
 * statistical table: one row a unit (the columns that are not numbers, in
 * the order first met), one column a value of ACROSS (sorted), the cells
 * VALUE (summed exactly where a unit and period meet more than once), then
 * a total column and a total row, both summed exactly from the long table.
 * TOTAL names both. */
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
	/* the periods, sorted and unique */
	char **per = gs_xmalloc((t->nrows + 1) * sizeof *per);
	size_t nper = 0;
	for (size_t r = 0; r < t->nrows; r++)
		per[nper++] = t->cells[r][ac];
	qsort(per, nper, sizeof *per, cmp_str);
	size_t u = 0;
	for (size_t i = 0; i < nper; i++)
		if (!u || strcmp(per[i], per[u - 1]))
			per[u++] = per[i];
	nper = u;
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
	gs_num *sum = calloc((nunit + 1) * w + 1, sizeof *sum);
	unsigned char *have = calloc((nunit + 1) * w + 1, 1);
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
	char ***cells = gs_xmalloc((nunit + 2) * sizeof *cells);
	for (size_t k = 0; k <= nunit; k++) {
		char **row = gs_xmalloc((ncols + 1) * sizeof *row);
		for (size_t j = 0; j < nkey; j++)
			row[j] = k < nunit ? dup(t->cells[first[k]][key[j]]) : dup(j ? "" : total);
		for (size_t p = 0; p < w; p++) {
			gs_buf b = {0};
			if (have[k * w + p])
				gs_num_format(&b, sum[k * w + p], 4);
			row[nkey + p] = b.p ? b.p : dup("");
		}
		cells[k] = row;
	}
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t i = 0; i < t->ncols; i++)
			free(t->cells[r][i]);
		free(t->cells[r]);
	}
	for (size_t i = 0; i < t->ncols; i++)
		free(t->names[i]);
	free(t->cells);
	free(t->names);
	t->names = names;
	t->cells = cells;
	t->ncols = ncols;
	t->nrows = nunit + 1;
	/* the index follows the new columns */
	gs_hash_free(t->index);
	t->index = gs_hash_new();
	for (size_t i = 0; i < ncols; i++)
		if (!gs_hash_get(t->index, names[i], strlen(names[i])))
			gs_hash_put(t->index, names[i], strlen(names[i]), (void *)(i + 1));
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
static char *catalogue_label(const gs_catalogue *cat, const char *field)
{
	const gs_indicator *in = cat ? gs_catalogue_find(cat, field) : NULL;
	if (!in)
		return dup(field);
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

/* ---- the chart ---- */

/* The value where the bars start. --chart-floor, else 0, unless the values
 * (and the target) are all positive and clustered, their spread less than
 * half the largest: then a round number below the smallest, at half the
 * spread under it, so that 91% and 97% do not draw bars of nearly the same
 * length. */
static double chart_floor(const struct table *t, long vc, const gs_num *tv, const char *opt)
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
		if (r == t->nrows ? !tv : !is_number(t->cells[r][vc], &v))
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

/* A horizontal bar chart of the field --chart as inline SVG: one bar a
 * row, labelled with its unit and value, missed rows red, the axis from
 * its floor (shown under the axis) to the largest value, a labelled target
 * line. */
static void html_chart(gs_buf *out, const struct table *cur, const struct gengetopt_args_info *a,
                       int is_pct, int decimals, const char *missed, const struct col *cols, size_t ncols)
{
	long vc = col_index(cur, a->chart_arg);
	if (vc < 0)
		gs_usage_error("--chart: no field '%s' in the input", a->chart_arg);
	long lc = -1;
	if (a->chart_label_given) {
		if ((lc = col_index(cur, a->chart_label_arg)) < 0)
			gs_usage_error("--chart-label: no field '%s' in the input", a->chart_label_arg);
	} else
		for (size_t i = 0; i < cur->ncols && lc < 0; i++) {
			int txt = 0;
			for (size_t r = 0; r < cur->nrows && !txt; r++)
				txt = *cur->cells[r][i] && !is_number(cur->cells[r][i], NULL);
			if (txt)
				lc = (long)i;
		}
	double maxv = 0;
	gs_num tv;
	int has_t = a->chart_target_given && is_number(a->chart_target_arg, &tv);
	if (a->chart_target_given && !has_t)
		gs_usage_error("--chart-target: '%s' is not a number", a->chart_target_arg);
	for (size_t r = 0; r < cur->nrows; r++) {
		gs_num v;
		if (is_number(cur->cells[r][vc], &v) && gs_num_to_double(v) > maxv)
			maxv = gs_num_to_double(v);
	}
	if (has_t && gs_num_to_double(tv) > maxv)
		maxv = gs_num_to_double(tv);
	double floor = chart_floor(cur, vc, has_t ? &tv : NULL, a->chart_floor_given ? a->chart_floor_arg : NULL);
	if (floor < 0)
		floor = 0;
	if (maxv <= floor)
		maxv = floor > 0 ? floor * 1.1 : 1;
	const double range = maxv - floor;
	const int bar_h = 22, gap = 6, left = 140, right = 90, plot = 420, top = 26;
	int axis_y = top + (int)cur->nrows * (bar_h + gap);
	int hgt = axis_y + 24;
	gs_buf_printf(out, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	              "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", left + plot + right, hgt,
	              left + plot + right, hgt);
	html_escape(out, a->chart_arg);
	gs_buf_adds(out, "\">\n");
	for (size_t r = 0; r < cur->nrows; r++) {
		gs_num v;
		int y = top + (int)r * (bar_h + gap);
		const char *lab = lc >= 0 ? cur->cells[r][lc] : "";
		gs_buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", left - 8, y + bar_h - 6);
		html_escape(out, lab);
		gs_buf_adds(out, "</text>\n");
		int ok = is_number(cur->cells[r][vc], &v);
		int wbar = ok ? (int)((gs_num_to_double(v) - floor) / range * plot + 0.5) : 0;
		if (wbar < 0)
			wbar = 0;
		gs_buf_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n",
		              left, y, wbar, bar_h, missed[r] ? "#d9534f" : "#4a78a8");
		char *sv = show(cur->cells[r][vc], is_pct ? K_PERCENT : K_NUM, decimals, "—");
		gs_buf_printf(out, "<text x=\"%d\" y=\"%d\">", left + wbar + 6, y + bar_h - 6);
		html_escape(out, sv);
		gs_buf_adds(out, "</text>\n");
		free(sv);
	}
	/* the axis, from its floor to the largest value */
	gs_buf_printf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>\n",
	              left, axis_y, left + plot, axis_y);
	gs_buf_printf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>\n", left, top - 4, left, axis_y);
	for (int end = 0; end < 2; end++) {
		char num[64];
		snprintf(num, sizeof num, "%.10g", end ? maxv : floor);
		char *s = show(num, is_pct ? K_PERCENT : K_NUM, is_pct ? (decimals >= 0 ? decimals : 2) : decimals, "");
		gs_buf_printf(out, "<text class=\"axis-%s\" x=\"%d\" y=\"%d\" text-anchor=\"%s\" fill=\"#555\">",
		              end ? "max" : "floor", end ? left + plot : left, axis_y + 16, end ? "end" : "start");
		html_escape(out, s);
		gs_buf_adds(out, "</text>\n");
		free(s);
	}
	if (has_t) {
		int x = left + (int)((gs_num_to_double(tv) - floor) / range * plot + 0.5);
		if (x < left)
			x = left;
		char *st = show(a->chart_target_arg, is_pct ? K_PERCENT : K_NUM, decimals, "");
		gs_buf_printf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#b00020\" "
		              "stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n", x, top - 6, x, axis_y);
		gs_buf_printf(out, "<text class=\"target\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#b00020\">target ", x, top - 10);
		html_escape(out, st);
		gs_buf_adds(out, "</text>\n");
		free(st);
	}
	gs_buf_adds(out, "</svg>\n<figcaption>");
	const char *cap = a->chart_arg;
	for (size_t i = 0; i < ncols; i++)
		if (!strcmp(cols[i].name, a->chart_arg))
			cap = cols[i].label;
	html_escape(out, cap);
	if (floor > 0) {
		char num[64];
		snprintf(num, sizeof num, "%.10g", floor);
		char *s = show(num, is_pct ? K_PERCENT : K_NUM, is_pct ? (decimals >= 0 ? decimals : 2) : decimals, "");
		gs_buf_adds(out, " (the axis starts at ");
		html_escape(out, s);
		gs_buf_adds(out, ", not 0)");
		free(s);
	}
	gs_buf_adds(out, "</figcaption>\n</figure>\n");
}

/* ---- the trend: a line chart over the periods ---- */

/* A line chart of --trend over the sorted values of --trend-period, one
 * line a unit (--trend-by, default the first text column other than the
 * period; none: one line), the axis from chart_floor's start, the target
 * as a dashed labelled line, in the bar chart's self-contained SVG. */
static void html_trend(gs_buf *out, const struct table *t, const struct gengetopt_args_info *a,
                       int is_pct, int decimals)
{
	long vc = col_index(t, a->trend_arg);
	if (vc < 0)
		gs_usage_error("--trend: no field '%s' in the input", a->trend_arg);
	long pc = col_index(t, a->trend_period_arg);
	if (pc < 0)
		gs_usage_error("--trend-period: no field '%s' in the input", a->trend_period_arg);
	long bc = -1;
	if (a->trend_by_given) {
		if ((bc = col_index(t, a->trend_by_arg)) < 0)
			gs_usage_error("--trend-by: no field '%s' in the input", a->trend_by_arg);
	} else
		for (size_t i = 0; i < t->ncols && bc < 0; i++) {
			int txt = 0;
			for (size_t r = 0; r < t->nrows && !txt && (long)i != pc; r++)
				txt = *t->cells[r][i] && !is_number(t->cells[r][i], NULL);
			if (txt)
				bc = (long)i;
		}
	gs_num tv;
	int has_t = a->chart_target_given && is_number(a->chart_target_arg, &tv);
	if (a->chart_target_given && !has_t)
		gs_usage_error("--chart-target: '%s' is not a number", a->chart_target_arg);
	/* the periods (sorted) and the units (in the order first met) */
	char **per = gs_xmalloc((t->nrows + 1) * sizeof *per), **unit = gs_xmalloc((t->nrows + 1) * sizeof *unit);
	size_t nper = 0, nunit = 0;
	for (size_t r = 0; r < t->nrows; r++)
		per[nper++] = t->cells[r][pc];
	qsort(per, nper, sizeof *per, cmp_str);
	size_t u = 0;
	for (size_t i = 0; i < nper; i++)
		if (!u || strcmp(per[i], per[u - 1]))
			per[u++] = per[i];
	nper = u;
	for (size_t r = 0; r < t->nrows; r++) {
		const char *un = bc >= 0 ? t->cells[r][bc] : "";
		if (!in_list(unit, nunit, un))
			unit[nunit++] = (char *)un;
	}
	double maxv = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		gs_num v;
		if (is_number(t->cells[r][vc], &v) && gs_num_to_double(v) > maxv)
			maxv = gs_num_to_double(v);
	}
	if (has_t && gs_num_to_double(tv) > maxv)
		maxv = gs_num_to_double(tv);
	double floor = chart_floor(t, vc, has_t ? &tv : NULL, a->chart_floor_given ? a->chart_floor_arg : NULL);
	if (floor < 0)
		floor = 0;
	if (maxv <= floor)
		maxv = floor > 0 ? floor * 1.1 : 1;
	static const char *const colour[] = {"#4a78a8", "#e08a2c", "#3c9a5f", "#8a5cb8", "#b5563e", "#5a9bb0",
	                                     "#c4648c", "#7f7f3a"};
	const int left = 70, right = 130, plot_w = 440, top = 26, plot_h = 220;
	int wid = left + plot_w + right, hgt = top + plot_h + 40;
	gs_buf_printf(out, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	              "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", wid, hgt, wid, hgt);
	html_escape(out, a->trend_arg);
	gs_buf_adds(out, "\">\n");
	int axis_y = top + plot_h;
	gs_buf_printf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>\n",
	              left, axis_y, left + plot_w, axis_y);
	gs_buf_printf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>\n", left, top, left, axis_y);
	for (int end = 0; end < 2; end++) {
		char num[64];
		snprintf(num, sizeof num, "%.10g", end ? maxv : floor);
		char *sv = show(num, is_pct ? K_PERCENT : K_NUM, is_pct ? (decimals >= 0 ? decimals : 2) : decimals, "");
		gs_buf_printf(out, "<text class=\"axis-%s\" x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\">",
		              end ? "max" : "floor", left - 6, end ? top + 4 : axis_y + 4);
		html_escape(out, sv);
		gs_buf_adds(out, "</text>\n");
		free(sv);
	}
	/* period labels: all when few, else about eight */
	size_t every = nper > 8 ? (nper + 7) / 8 : 1;
	for (size_t p = 0; p < nper; p++) {
		int x = left + (nper > 1 ? (int)(p * (size_t)plot_w / (nper - 1)) : plot_w / 2);
		if (p % every && p + 1 != nper)
			continue;
		gs_buf_printf(out, "<text class=\"period\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">", x,
		              axis_y + 18);
		html_escape(out, per[p]);
		gs_buf_adds(out, "</text>\n");
	}
	for (size_t k = 0; k < nunit; k++) {
		gs_buf pts = {0};
		int lx = 0, ly = 0;
		for (size_t p = 0; p < nper; p++)
			for (size_t r = 0; r < t->nrows; r++) {
				gs_num v;
				if (strcmp(t->cells[r][pc], per[p]) || strcmp(bc >= 0 ? t->cells[r][bc] : "", unit[k]) ||
				    !is_number(t->cells[r][vc], &v))
					continue;
				double f = (gs_num_to_double(v) - floor) / (maxv - floor);
				if (f < 0)
					f = 0;
				lx = left + (nper > 1 ? (int)(p * (size_t)plot_w / (nper - 1)) : plot_w / 2);
				ly = axis_y - (int)(f * plot_h + 0.5);
				gs_buf_printf(&pts, "%s%d,%d", pts.len ? " " : "", lx, ly);
				break;
			}
		const char *c = colour[k % (sizeof colour / sizeof *colour)];
		if (pts.len) {
			gs_buf_printf(out, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n", pts.p, c);
			if (bc >= 0) {
				gs_buf_printf(out, "<text x=\"%d\" y=\"%d\" fill=\"%s\">", lx + 6, ly + 4, c);
				html_escape(out, unit[k]);
				gs_buf_adds(out, "</text>\n");
			}
		}
		gs_buf_free(&pts);
	}
	if (has_t) {
		double f = (gs_num_to_double(tv) - floor) / (maxv - floor);
		int y = axis_y - (int)((f < 0 ? 0 : f) * plot_h + 0.5);
		char *st = show(a->chart_target_arg, is_pct ? K_PERCENT : K_NUM, decimals, "");
		gs_buf_printf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#b00020\" "
		              "stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n", left, y, left + plot_w, y);
		gs_buf_printf(out, "<text class=\"target\" x=\"%d\" y=\"%d\" fill=\"#b00020\">target ", left + plot_w + 6, y - 6);
		html_escape(out, st);
		gs_buf_adds(out, "</text>\n");
		free(st);
	}
	gs_buf_adds(out, "</svg>\n<figcaption>");
	html_escape(out, a->trend_arg);
	gs_buf_adds(out, " by ");
	html_escape(out, a->trend_period_arg);
	gs_buf_adds(out, "</figcaption>\n</figure>\n");
	free(per);
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

static time_t created_time(const char *date)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end;
	if (e && *e) {
		long long s = strtoll(e, &end, 10);
		if (!*end)
			return (time_t)s;
	}
	int y, m, d;
	const char *why;
	if (date && gs_date_parse(date, strlen(date), 0, &y, &m, &d, &why) == 0)
		return (time_t)gs_days_from_civil(y, m, d) * 86400;
	return (time_t)315532800; /* 1980-01-01, the zip format's first day */
}

static void render_xlsx(gs_buf *out, const struct col *cols, size_t ncols, size_t nout,
                        const struct gengetopt_args_info *a, const char *date, const char *note)
{
	gs_xlsx_col *xc = gs_xmalloc((ncols + 1) * sizeof *xc);
	const char **cells = gs_xmalloc((ncols * nout + 1) * sizeof *cells);
	unsigned char *bold = calloc(nout + 1, 1);
	for (size_t i = 0; i < ncols; i++) {
		const struct col *c = &cols[i];
		xc[i].label = c->label;
		xc[i].kind = c->kind == K_PERCENT ? GS_XC_PERCENT :
		             c->kind == K_NUM && !looks_like_code(c, nout) ? GS_XC_NUM : GS_XC_TEXT;
		/* the decimals the page shows, catalogue and --decimals applied */
		xc[i].decimals = c->kind == K_PERCENT && c->decimals < 0 ? 2 : c->decimals;
		for (size_t r = 0; r < nout; r++) {
			/* marks as people read them; everything else raw and exact */
			cells[r * ncols + i] = c->kind == K_MARK && *c->val[r] ? c->shown[r] : c->val[r];
			if (c->kind == K_PLAIN && is_total_label(c->val[r], a))
				bold[r] = 1;
		}
	}
	gs_xlsx_meta m = {
		.title = a->title_given ? a->title_arg : NULL,
		.unit_line = a->unit_line_given ? a->unit_line_arg : NULL,
		.note = note,
		.filled_by = a->filled_by_given ? a->filled_by_arg : NULL,
		.prepared_by = a->prepared_by_given ? a->prepared_by_arg : NULL,
		.checked_by = a->checked_by_given ? a->checked_by_arg : NULL,
		.date = date,
		.created = created_time(date),
	};
	gs_buf why = {0};
	if (gs_xlsx_table(out, &m, xc, ncols, cells, nout, bold, &why) < 0)
		gs_die(GS_IO, NULL, 0, "%s", why.p);
	gs_buf_free(&why);
	free(xc);
	free(cells);
	free(bold);
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
 * column not shown is no error: one set of labels serves several tables. */
static char *label_of(char **args, unsigned n, const char *name, const char *def)
{
	const char *l = def;
	for (unsigned i = 0; i < n; i++) {
		const char *eq = strchr(args[i], '=');
		if (!eq)
			gs_usage_error("--label '%s': give FIELD=LABEL", args[i]);
		if ((size_t)(eq - args[i]) == strlen(name) && !strncmp(args[i], name, strlen(name))) {
			l = eq + 1;
		}
	}
	return dup(l);
}

/* ---- main ---- */

int main(int argc, char **argv)
{
	struct gengetopt_args_info a;
	gs_cli_init(argc, argv, "report");
	if (cmdline_parser(argc, argv, &a) != 0)
		gs_bad_usage();
	gs_progress_mode = gs_progress_option(a.progress_given, a.no_progress_given);
	if (a.help_given)
		gs_print_help(cmdline_parser_print_help);
	if (a.version_given)
		gs_print_version();
	gs_manifest_begin(a.manifest_given ? a.manifest_arg : NULL);
	{
		/* --manifest-in may be the manifest this run appends to */
		const char *side[] = {a.compare_given ? a.compare_arg : NULL};
		gs_cli_check_outputs(a.inputs, a.inputs_num, side, sizeof side / sizeof *side, NULL, 0);
	}

	static const char *fnames[] = {"text", "markdown", "html", "json", "csv", "xlsx", "tsv"};
	int fmt = -1;
	for (int i = 0; i < 7; i++)
		if (!strcmp(a.format_arg, fnames[i]))
			fmt = i;
	if (fmt < 0)
		gs_usage_error("--format: '%s' is not text, markdown, html, json, csv, tsv or xlsx", a.format_arg);
	if ((a.bom_given || a.encoding_given) && fmt != F_CSV && fmt != F_TSV)
		gs_usage_error("--bom and --encoding go with -f csv or tsv");
	struct decs decs = {0};
	parse_decimals(&decs, a.decimals_arg, a.decimals_given);
	if (a.width_arg < 20)
		gs_usage_error("--width: give 20 or more");
	if ((a.up_given || a.down_given || a.key_given) && !a.compare_given)
		gs_usage_error("--key, --up and --down go with --compare");
	if (a.compare_given && !a.key_given)
		gs_usage_error("--compare needs --key FIELDS to match the rows");
	if (a.ambiguous_given) {
		if (strcmp(a.ambiguous_arg, "wide") && strcmp(a.ambiguous_arg, "narrow"))
			gs_usage_error("--ambiguous: '%s' is not wide or narrow", a.ambiguous_arg);
		gs_set_ambiguous_wide(!strcmp(a.ambiguous_arg, "wide"));
	}
	int decimals = decs.all;
	int in_format = a.input_format_given ? gs_parse_input_format(a.input_format_arg) : GS_FMT_AUTO;
	int status = GS_OK;

	struct table cur = {0}, prev = {0};
	const char *where = a.where_given ? a.where_arg : NULL;
	read_table(&cur, a.inputs, a.inputs_num, in_format, &status, where);
	if (a.compare_given) {
		char *pf[1] = {a.compare_arg};
		read_table(&prev, pf, 1, GS_FMT_AUTO, &status, where);
	}
	if (a.pivot_given && a.trend_given)
		gs_usage_error("--trend draws the long table: give it without --pivot");
	if (a.pivot_given) {
		pivot_table(&cur, a.pivot_arg, a.pivot_value_given ? a.pivot_value_arg : NULL, a.pivot_total_arg);
		if (a.compare_given)
			pivot_table(&prev, a.pivot_arg, a.pivot_value_given ? a.pivot_value_arg : NULL, a.pivot_total_arg);
	}

	/* the columns shown */
	char **pick = NULL, **pct = NULL, **keys = NULL, **up = NULL, **down = NULL;
	size_t npick = 0, npct = 0, nkeys = 0, nup = 0, ndown = 0;
	if (a.columns_given)
		gs_split_list(a.columns_arg, &pick, &npick);
	else
		for (size_t i = 0; i < cur.ncols; i++) {
			pick = gs_xrealloc(pick, (npick + 1) * sizeof *pick);
			pick[npick++] = dup(cur.names[i]);
		}
	if (a.percent_given)
		gs_split_list(a.percent_arg, &pct, &npct);
	gs_catalogue *cat = NULL;
	if (a.catalogue_given) {
		if (!(cat = gs_catalogue_load(a.catalogue_arg)))
			exit(gs_close_stdout(GS_USAGE));
		gs_manifest_file(a.catalogue_arg, "catalogue");
		catalogue_apply(cat, &cur, &pct, &npct, pick, npick, &a);
	}
	if (a.key_given)
		gs_split_list(a.key_arg, &keys, &nkeys);
	if (a.up_given)
		gs_split_list(a.up_arg, &up, &nup);
	if (a.down_given)
		gs_split_list(a.down_arg, &down, &ndown);
	for (size_t i = 0; i < npick; i++)
		if (col_index(&cur, pick[i]) < 0)
			gs_usage_error("--columns: no field '%s' in the input", pick[i]);
	for (size_t i = 0; i < npct; i++)
		if (col_index(&cur, pct[i]) < 0)
			gs_usage_error("--percent: no field '%s' in the input", pct[i]);
	for (size_t i = 0; i < nup + ndown; i++) {
		const char *f = i < nup ? up[i] : down[i - nup];
		if (col_index(&cur, f) < 0)
			gs_usage_error("--%s: no field '%s' in the input", i < nup ? "up" : "down", f);
	}
	long *kcur = gs_xmalloc((nkeys + 1) * sizeof *kcur), *kprev = gs_xmalloc((nkeys + 1) * sizeof *kprev);
	for (size_t i = 0; i < nkeys; i++) {
		kcur[i] = col_index(&cur, keys[i]);
		kprev[i] = col_index(&prev, keys[i]);
		if (kcur[i] < 0 || kprev[i] < 0)
			gs_usage_error("--key: no field '%s' in %s", keys[i], kcur[i] < 0 ? "the input" : a.compare_arg);
	}

	/* rows: the current ones, then units found only in the previous period */
	size_t nout = cur.nrows;
	long *prev_of = gs_xmalloc((cur.nrows + prev.nrows + 1) * sizeof *prev_of);
	long *cur_of = gs_xmalloc((cur.nrows + prev.nrows + 1) * sizeof *cur_of);
	for (size_t i = 0; i < cur.nrows; i++) {
		cur_of[i] = (long)i;
		prev_of[i] = -1;
	}
	if (a.compare_given) {
		char *used = calloc(prev.nrows + 1, 1);
		for (size_t i = 0; i < cur.nrows; i++)
			for (size_t j = 0; j < prev.nrows; j++) {
				int same = !used[j];
				for (size_t k = 0; k < nkeys && same; k++)
					same = !strcmp(cur.cells[i][kcur[k]], prev.cells[j][kprev[k]]);
				if (same) {
					prev_of[i] = (long)j;
					used[j] = 1;
					break;
				}
			}
		for (size_t j = 0; j < prev.nrows; j++)
			if (!used[j]) {
				cur_of[nout] = -1;
				prev_of[nout++] = (long)j;
			}
		free(used);
	}

	/* build the shown columns */
	struct col *cols = NULL;
	size_t ncols = 0;
	const char *na = fmt == F_TEXT ? "-" : "—";
	int any_target = 0;
	for (size_t p = 0; p < npick; p++) {
		long ci = col_index(&cur, pick[p]);
		int numeric = 1, any = 0, fraction = 0;
		for (size_t r = 0; r < cur.nrows; r++) {
			const char *v = cur.cells[r][ci];
			gs_num x;
			if (*v) {
				any = 1;
				numeric &= is_number(v, &x);
				fraction |= numeric && x.scale > 0;
			}
		}
		numeric &= any;
		int kind = in_list(pct, npct, pick[p]) ? K_PERCENT : numeric ? K_NUM : K_PLAIN;
		/* --decimals rounds numbers with fractions; counts stay whole
		 * unless their column is named; the catalogue's decimals serve
		 * where --decimals says nothing of the column */
		int coldec = decimals_of(&decs, pick[p], kind, fraction);
		coldec = catalogue_decimals(cat, pick[p], kind, coldec, decimals_named(&decs, pick[p]));
		char *clabel = catalogue_label(cat, pick[p]);
		char *label = label_of(a.label_arg, a.label_given, pick[p], clabel);
		free(clabel);
		int is_key = in_list(keys, nkeys, pick[p]);
		long pi = a.compare_given ? col_index(&prev, pick[p]) : -1;
		size_t base = ncols;
		int extra = a.compare_given && numeric && !is_key && pi >= 0;
		int judged = extra && (in_list(up, nup, pick[p]) || in_list(down, ndown, pick[p]));
		size_t add = 1 + (extra ? 2 : 0) + (judged ? 1 : 0);
		cols = gs_xrealloc(cols, (ncols + add) * sizeof *cols);
		for (size_t k = 0; k < add; k++) {
			struct col *c = &cols[ncols + k];
			memset(c, 0, sizeof *c);
			c->val = gs_xmalloc((nout + 1) * sizeof *c->val);
			c->shown = gs_xmalloc((nout + 1) * sizeof *c->shown);
		}
		struct col *c = &cols[base];
		c->name = dup(pick[p]);
		c->label = label;
		c->kind = kind;
		c->numeric = kind != K_PLAIN;
		c->decimals = coldec;
		for (size_t r = 0; r < nout; r++) {
			const char *v = cur_of[r] >= 0 ? cur.cells[cur_of[r]][ci] :
			                (is_key || pi < 0) && prev_of[r] >= 0 && pi >= 0 ? prev.cells[prev_of[r]][pi] : "";
			c->val[r] = dup(v);
			c->shown[r] = show(v, kind, coldec, na);
		}
		ncols++;
		if (!extra)
			continue;
		struct col *pv = &cols[ncols], *ch = &cols[ncols + 1];
		gs_buf nm = {0};
		gs_buf_printf(&nm, "%s_prev", pick[p]);
		pv->name = nm.p;
		pv->decimals = ch->decimals = coldec;
		gs_buf lb = {0};
		gs_buf_printf(&lb, "%s prev", label);
		pv->label = label_of(a.label_arg, a.label_given, nm.p, lb.p);
		gs_buf_free(&lb);
		pv->kind = kind;
		pv->numeric = 1;
		nm = (gs_buf){0};
		gs_buf_printf(&nm, "%s_change", pick[p]);
		ch->name = nm.p;
		lb = (gs_buf){0};
		gs_buf_printf(&lb, "%s change", label);
		ch->label = label_of(a.label_arg, a.label_given, nm.p, lb.p);
		gs_buf_free(&lb);
		ch->kind = kind;
		ch->numeric = 1;
		struct col *mk = judged ? &cols[ncols + 2] : NULL;
		int want_up = in_list(up, nup, pick[p]);
		if (mk) {
			nm = (gs_buf){0};
			gs_buf_printf(&nm, "%s_met", pick[p]);
			mk->name = nm.p;
			lb = (gs_buf){0};
			gs_buf_printf(&lb, "%s %s", label, want_up ? "up" : "down");
			mk->label = label_of(a.label_arg, a.label_given, nm.p, lb.p);
			gs_buf_free(&lb);
			mk->kind = K_MARK;
		}
		for (size_t r = 0; r < nout; r++) {
			const char *pvv = prev_of[r] >= 0 ? prev.cells[prev_of[r]][pi] : "";
			const char *cvv = cur_of[r] >= 0 ? cur.cells[cur_of[r]][ci] : "";
			pv->val[r] = dup(pvv);
			pv->shown[r] = show(pvv, kind, coldec, na);
			gs_num x, y, d;
			gs_buf cb = {0};
			int have = is_number(cvv, &x) && is_number(pvv, &y) && gs_num_sub(x, y, &d) == 0;
			if (have)
				gs_num_format(&cb, d, 4);
			ch->val[r] = dup(have ? cb.p : "");
			char *sc = show_change(have ? cb.p : "", kind, coldec, na);
			/* the arrow */
			gs_buf sb = {0};
			gs_buf_adds(&sb, sc);
			if (have)
				gs_buf_adds(&sb, d.num > 0 ? " ↑" : d.num < 0 ? " ↓" : " →");
			free(sc);
			ch->shown[r] = sb.p;
			gs_buf_free(&cb);
			if (mk) {
				int met = have && (want_up ? d.num > 0 : d.num < 0);
				mk->val[r] = dup(have ? (met ? "1" : "0") : "");
				mk->shown[r] = dup(have ? (met ? "✓" : "✗") : na);
			}
		}
		ncols += add - 1;
	}
	/* all_met: 1 when every --up and --down column met its direction (an
	 * unchanged or missing value is missed), else 0 */
	if (a.up_given || a.down_given) {
		size_t nm = ncols;
		cols = gs_xrealloc(cols, (ncols + 1) * sizeof *cols);
		struct col *c = &cols[ncols++];
		memset(c, 0, sizeof *c);
		c->name = dup("all_met");
		c->label = dup("all_met");
		c->kind = K_MARK;
		c->val = gs_xmalloc((nout + 1) * sizeof *c->val);
		c->shown = gs_xmalloc((nout + 1) * sizeof *c->shown);
		for (size_t r = 0; r < nout; r++) {
			int all = 1;
			for (size_t k = 0; k < nm; k++)
				if (cols[k].kind == K_MARK && strcmp(cols[k].val[r], "1"))
					all = 0;
			c->val[r] = dup(all ? "1" : "0");
			c->shown[r] = dup(all ? "✓" : "✗");
		}
	}

	/* the target */
	gs_expr *target = NULL;
	gs_buf err = {0};
	char *missed = calloc(nout + 1, 1);
	long nmissed = 0, njudged = 0;
	if (a.target_given) {
		size_t pos = 0;
		target = gs_expr_parse(a.target_arg, &pos, 1, &err);
		if (!target)
			gs_usage_error("--target '%s': column %zu: %s", a.target_arg, pos + 1, err.p);
		gs_field *names = gs_xmalloc((cur.ncols + 1) * sizeof *names);
		for (size_t i = 0; i < cur.ncols; i++)
			names[i] = (gs_field){cur.names[i], strlen(cur.names[i])};
		if (gs_expr_bind(target, names, cur.ncols, &err) < 0)
			gs_usage_error("--target: %s", err.p);
		gs_field *row = gs_xmalloc((cur.ncols + 1) * sizeof *row);
		cols = gs_xrealloc(cols, (ncols + 1) * sizeof *cols);
		struct col *c = &cols[ncols++];
		memset(c, 0, sizeof *c);
		c->name = dup("target");
		c->label = label_of(a.label_arg, a.label_given, "target", "target");
		c->kind = K_MARK;
		c->val = gs_xmalloc((nout + 1) * sizeof *c->val);
		c->shown = gs_xmalloc((nout + 1) * sizeof *c->shown);
		for (size_t r = 0; r < nout; r++) {
			if (cur_of[r] < 0) {
				c->val[r] = dup("");
				c->shown[r] = dup(na);
				continue;
			}
			for (size_t i = 0; i < cur.ncols; i++)
				row[i] = (gs_field){cur.cells[cur_of[r]][i], strlen(cur.cells[cur_of[r]][i])};
			int t = gs_expr_test(target, row, &err);
			if (t < 0)
				gs_die(GS_USAGE, NULL, 0, "--target: %s", err.p);
			njudged++;
			missed[r] = !t;
			nmissed += !t;
			c->val[r] = dup(t ? "1" : "0");
			c->shown[r] = dup(t ? "✓" : "✗");
		}
		free(row);
		free(names);
		any_target = 1;
	}

	/* output */
	char *date = shown_date(a.date_arg);
	gs_buf out = {0}, opts = {0};
	options_used(&opts);
	gs_buf prov = {0};
	gs_buf_printf(&prov, "govstat %s; input %s, sha256 %s, %ld rows", GS_VERSION, cur.source,
	              cur.sha[0] ? cur.sha : "-", cur.rows_read);
	/* the page says what it leaves out */
	if (cur.rows_bad || cur.rows_where) {
		gs_buf_printf(&prov, ", %zu shown", cur.nrows);
		if (cur.rows_bad)
			gs_buf_printf(&prov, ", %ld unreadable and left out (see the messages on standard error)",
			              cur.rows_bad);
		if (cur.rows_where)
			gs_buf_printf(&prov, ", %ld left out by --where", cur.rows_where);
	}
	gs_buf_printf(&prov, "; %s", opts.p);
	gs_buf tsum = {0};
	if (any_target)
		gs_buf_printf(&tsum, "%ld of %ld rows miss the target %s", nmissed, njudged, a.target_arg);
	size_t nsteps = 0;
	struct step *steps = a.manifest_in_given ? read_manifest(a.manifest_in_arg, &nsteps) : NULL;
	if (a.manifest_in_given)
		gs_manifest_file(a.manifest_in_arg, "manifest");
	if (a.compare_given)
		gs_manifest_file(a.compare_arg, "previous");

	if (fmt == F_JSON || fmt == F_CSV || fmt == F_TSV) {
		gs_writer *w = gs_writer_new(stdout, fmt == F_JSON ? GS_FMT_JSON : fmt == F_TSV ? GS_FMT_TSV : GS_FMT_CSV);
		if (gs_writer_encoding(w, a.encoding_given ? a.encoding_arg : NULL, a.bom_given) < 0)
			gs_usage_error("--encoding: iconv knows no encoding '%s'", a.encoding_arg);
		if (gs_manifest_on())
			gs_writer_hash(w);
		gs_field *h = gs_xmalloc((ncols + 1) * sizeof *h);
		unsigned char *num = calloc(ncols + 1, 1);
		for (size_t i = 0; i < ncols; i++) {
			h[i] = (gs_field){cols[i].name, strlen(cols[i].name)};
			num[i] = cols[i].numeric || cols[i].kind == K_MARK;
		}
		gs_writer_header(w, h, ncols, num);
		gs_field *row = gs_xmalloc((ncols + 1) * sizeof *row);
		for (size_t r = 0; r < nout; r++) {
			for (size_t i = 0; i < ncols; i++) {
				const char *v = cols[i].val[r];
				/* text columns keep "" in JSON; numbers and marks are null */
				row[i] = !*v && (cols[i].numeric || cols[i].kind == K_MARK) ? (gs_field){NULL, 0}
				                                                           : (gs_field){v, strlen(v)};
			}
			gs_writer_row(w, row, ncols);
		}
		gs_manifest_output(w);
		gs_writer_free(w);
		free(h);
		free(num);
		free(row);
	} else if (fmt == F_XLSX) {
		render_xlsx(&out, cols, ncols, nout, &a, date, any_target ? tsum.p : NULL);
	} else if (fmt == F_TEXT) {
		size_t *wd = gs_xmalloc((ncols + 1) * sizeof *wd);
		size_t *minw = gs_xmalloc((ncols + 1) * sizeof *minw);
		size_t total = 0;
		for (size_t i = 0; i < ncols; i++) {
			wd[i] = width_of(cols[i].label);
			for (size_t r = 0; r < nout; r++) {
				size_t x = width_of(cols[i].shown[r]);
				if (x > wd[i])
					wd[i] = x;
			}
			total += wd[i] + (i ? 2 : 0);
		}
		/* too wide: narrow the widest text column, step by step; numbers
		 * and marks are never cut, so a table of many numbers may stay
		 * wider than --width */
		for (size_t i = 0; i < ncols; i++)
			if (cols[i].numeric || cols[i].kind == K_MARK) {
				size_t need = 0;
				for (size_t r = 0; r < nout; r++)
					if (width_of(cols[i].shown[r]) > need)
						need = width_of(cols[i].shown[r]);
				minw[i] = need > 1 ? need : 1;
			} else
				minw[i] = 6;
		while (total > (size_t)a.width_arg) {
			size_t wi = (size_t)-1;
			for (size_t i = 0; i < ncols; i++)
				if (wd[i] > minw[i] && (wi == (size_t)-1 || wd[i] - minw[i] > wd[wi] - minw[wi]))
					wi = i;
			if (wi == (size_t)-1)
				break;     /* cannot narrow more: the lines will be long */
			wd[wi]--;
			total--;
		}
		if (a.title_given) {
			gs_buf_adds(&out, a.title_arg);
			gs_buf_addc(&out, '\n');
		}
		if (date)
			gs_buf_printf(&out, "%s\n", date);
		if (a.caption_given)
			gs_buf_printf(&out, "%s\n", a.caption_arg);
		if (a.title_given || date || a.caption_given)
			gs_buf_addc(&out, '\n');
		for (int pass = 0; pass < 2; pass++) {
			/* header, then rows */
			size_t nr = pass ? nout : 1;
			for (size_t r = 0; r < nr; r++) {
				gs_buf line = {0};
				for (size_t i = 0; i < ncols; i++) {
					const char *s = pass ? cols[i].shown[r] : cols[i].label;
					size_t sw = width_of(s);
					if (i)
						gs_buf_adds(&line, "  ");
					if (sw > wd[i])
						put_cut(&line, s, wd[i]);
					else if (cols[i].numeric || cols[i].kind == K_MARK) {
						pad(&line, wd[i] - sw);
						gs_buf_adds(&line, s);
					} else {
						gs_buf_adds(&line, s);
						if (i + 1 < ncols)
							pad(&line, wd[i] - sw);
					}
				}
				/* no trailing spaces */
				while (line.len && line.p[line.len - 1] == ' ')
					line.len--;
				gs_buf_add(&out, line.p ? line.p : "", line.len);
				gs_buf_addc(&out, '\n');
				gs_buf_free(&line);
			}
			if (!pass) {
				size_t rule = 0;
				for (size_t i = 0; i < ncols; i++)
					rule += wd[i] + (i ? 2 : 0);
				for (size_t i = 0; i < rule; i++)
					gs_buf_addc(&out, '-');
				gs_buf_addc(&out, '\n');
			}
		}
		gs_buf_addc(&out, '\n');
		if (any_target)
			gs_buf_printf(&out, "%s\n", tsum.p);
		if (nsteps) {
			gs_buf_adds(&out, "How these figures were computed:\n");
			for (size_t s = 0; s < nsteps; s++) {
				gs_buf_printf(&out, "%zu. %s (status %d)\n", s + 1, steps[s].line, steps[s].status);
				for (size_t f = 0; f < steps[s].nfiles; f++)
					gs_buf_printf(&out, "   %s\n", steps[s].files[f]);
			}
		}
		gs_buf_printf(&out, "%s\n", prov.p);
		free(wd);
		free(minw);
	} else if (fmt == F_MARKDOWN) {
		if (a.title_given) {
			gs_buf_adds(&out, "# ");
			md_escape(&out, a.title_arg);
			gs_buf_adds(&out, "\n\n");
		}
		if (date)
			gs_buf_printf(&out, "%s\n\n", date);
		if (a.caption_given) {
			md_escape(&out, a.caption_arg);
			gs_buf_adds(&out, "\n\n");
		}
		gs_buf_addc(&out, '|');
		for (size_t i = 0; i < ncols; i++) {
			gs_buf_addc(&out, ' ');
			md_escape(&out, cols[i].label);
			gs_buf_adds(&out, " |");
		}
		gs_buf_adds(&out, "\n|");
		for (size_t i = 0; i < ncols; i++)
			gs_buf_adds(&out, cols[i].numeric || cols[i].kind == K_MARK ? " ---: |" : " --- |");
		gs_buf_addc(&out, '\n');
		for (size_t r = 0; r < nout; r++) {
			gs_buf_addc(&out, '|');
			for (size_t i = 0; i < ncols; i++) {
				gs_buf_addc(&out, ' ');
				md_escape(&out, cols[i].shown[r]);
				gs_buf_adds(&out, " |");
			}
			gs_buf_addc(&out, '\n');
		}
		gs_buf_addc(&out, '\n');
		if (any_target) {
			md_escape(&out, tsum.p);
			gs_buf_adds(&out, "\n\n");
		}
		if (nsteps) {
			gs_buf_adds(&out, "## How these figures were computed\n\n");
			for (size_t s = 0; s < nsteps; s++) {
				gs_buf_printf(&out, "%zu. `%s` (status %d)\n", s + 1, steps[s].line, steps[s].status);
				for (size_t f = 0; f < steps[s].nfiles; f++) {
					gs_buf_adds(&out, "   - ");
					md_escape(&out, steps[s].files[f]);
					gs_buf_addc(&out, '\n');
				}
			}
			gs_buf_addc(&out, '\n');
		}
		gs_buf_adds(&out, "<small>");
		md_escape(&out, prov.p);
		gs_buf_adds(&out, "</small>\n");
	} else {
		const char *title = a.title_given ? a.title_arg : "govstat report";
		gs_buf_adds(&out, "<!DOCTYPE html>\n<html lang=\"");
		html_escape(&out, a.lang_arg);
		gs_buf_adds(&out, "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
		html_escape(&out, title);
		gs_buf_adds(&out, "</title>\n<style>\n"
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
		html_escape(&out, title);
		gs_buf_adds(&out, "</h1>\n");
		if (date) {
			gs_buf_adds(&out, "<p class=\"date\">");
			html_escape(&out, date);
			gs_buf_adds(&out, "</p>\n");
		}
		if (a.caption_given) {
			gs_buf_adds(&out, "<p class=\"caption\">");
			html_escape(&out, a.caption_arg);
			gs_buf_adds(&out, "</p>\n");
		}
		gs_buf_adds(&out, "<table>\n<thead>\n<tr>");
		for (size_t i = 0; i < ncols; i++) {
			gs_buf_adds(&out, "<th scope=\"col\">");
			html_escape(&out, cols[i].label);
			gs_buf_adds(&out, "</th>");
		}
		gs_buf_adds(&out, "</tr>\n</thead>\n<tbody>\n");
		for (size_t r = 0; r < nout; r++) {
			gs_buf_adds(&out, missed[r] ? "<tr class=\"missed\">" : "<tr>");
			for (size_t i = 0; i < ncols; i++) {
				const char *cls = cols[i].kind == K_MARK ?
				                  (!strcmp(cols[i].val[r], "0") ? "mark missed" : !strcmp(cols[i].val[r], "1") ? "mark met" : "mark") :
				                  cols[i].numeric ? "num" : NULL;
				if (cls)
					gs_buf_printf(&out, "<td class=\"%s\">", cls);
				else
					gs_buf_adds(&out, "<td>");
				html_escape(&out, cols[i].shown[r]);
				gs_buf_adds(&out, "</td>");
			}
			gs_buf_adds(&out, "</tr>\n");
		}
		gs_buf_adds(&out, "</tbody>\n</table>\n");
		if (any_target) {
			gs_buf_adds(&out, "<p><span class=\"missed\">✗</span> ");
			html_escape(&out, tsum.p);
			gs_buf_adds(&out, "</p>\n");
		}
		if (a.chart_given)
			html_chart(&out, &cur, &a, in_list(pct, npct, a.chart_arg), decimals, missed, cols, ncols);
		if (a.trend_given)
			html_trend(&out, &cur, &a, in_list(pct, npct, a.trend_arg), decimals);
		if (nsteps) {
			gs_buf_adds(&out, "<section>\n<h2>How these figures were computed</h2>\n<ol>\n");
			for (size_t s = 0; s < nsteps; s++) {
				gs_buf_adds(&out, "<li><code>");
				html_escape(&out, steps[s].line);
				gs_buf_printf(&out, "</code> (status %d)\n<ul>\n", steps[s].status);
				for (size_t f = 0; f < steps[s].nfiles; f++) {
					gs_buf_adds(&out, "<li>");
					html_escape(&out, steps[s].files[f]);
					gs_buf_adds(&out, "</li>\n");
				}
				gs_buf_adds(&out, "</ul>\n</li>\n");
			}
			gs_buf_adds(&out, "</ol>\n</section>\n");
		}
		gs_buf_adds(&out, "<footer>");
		html_escape(&out, prov.p);
		gs_buf_adds(&out, "</footer>\n</body>\n</html>\n");
	}
	if (out.len) {
		gs_fwrite(out.p, out.len, stdout);
		if (gs_manifest_on()) {
			gs_sha256 c;
			char hex[65];
			gs_sha256_init(&c);
			gs_sha256_update(&c, out.p, out.len);
			gs_sha256_hex(&c, hex);
			gs_manifest_written("-", "output", hex, out.len, (long)nout);
		}
	}
	/* the summary govstat(7) promises: read = written + rejected (+ left
	 * out by --where) */
	if (cur.rows_bad || prev.rows_bad || a.verbose_given) {
		gs_buf sum = {0};
		gs_buf_printf(&sum, "%ld rows read, %zu written", cur.rows_read, cur.nrows);
		if (where)
			gs_buf_printf(&sum, ", %ld left out by --where", cur.rows_where);
		gs_buf_printf(&sum, ", %ld rejected", cur.rows_bad);
		if (a.compare_given)
			gs_buf_printf(&sum, "; previous period: %ld read, %ld rejected", prev.rows_read, prev.rows_bad);
		gs_msg(NULL, 0, "%s", sum.p);
		gs_buf_free(&sum);
	}
	status = gs_manifest_end(status);
	for (size_t i = 0; i < ncols; i++) {
		for (size_t r = 0; r < nout; r++) {
			free(cols[i].val[r]);
			free(cols[i].shown[r]);
		}
		free(cols[i].val);
		free(cols[i].shown);
		free(cols[i].name);
		free(cols[i].label);
	}
	free(cols);
	for (size_t s2 = 0; s2 < nsteps; s2++) {
		free(steps[s2].line);
		free_list(steps[s2].files, steps[s2].nfiles);
	}
	free(steps);
	free_table(&cur);
	free_table(&prev);
	gs_catalogue_free(cat);
	free_list(pick, npick);
	free_list(pct, npct);
	free_list(keys, nkeys);
	free_list(up, nup);
	free_list(down, ndown);
	free(kcur);
	free(kprev);
	free(prev_of);
	free(cur_of);
	free(missed);
	free(date);
	free_list(decs.col, decs.ncol);
	free(decs.n);
	gs_expr_free(target);
	gs_buf_free(&err);
	gs_buf_free(&out);
	gs_buf_free(&opts);
	gs_buf_free(&prov);
	gs_buf_free(&tsum);
	cmdline_parser_free(&a);
	return gs_close_stdout(status);
}
