/* tally: group, count and compute exact sums, means and ratios.
 *
 * Rows are folded into one state per group as they stream by (memory
 * grows with groups, not rows). At the end the universe adds the groups
 * no row reached, rollups merge leaf states into subtotals (from the
 * exact states, never from rounded figures), and the groups are sorted
 * and printed. --partial prints the states instead; --merge reads them
 * back, so that tallying shards and merging gives the single-pass result.
 * Expressions are lib/expr, aggregates and their states lib/agg. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agg.h"
#include "buf.h"
#include "catalogue.h"
#include "cli.h"
#include "dates.h"
#include "diag.h"
#include "manifest.h"
#include "expr.h"
#include "hash.h"
#include "input.h"
#include "rejects.h"
#include "stream.h"
#include "tally_cmd.h"
#include "writer.h"

struct group {
	gs_field *key;           /* nkey values (NULL p where rolled up) */
	char *keybytes;
	int rolled;              /* trailing key columns rolled up */
	gs_slot *slots;
	long *rank;              /* universe order of each key prefix */
};

struct tally {
	gs_aggset aggs;
	char **by;               /* group fields */
	size_t nby;
	int period;              /* -1, or enum gs_period */
	char *date_field;
	size_t nkey;             /* (period ? 1 : 0) + nby */
	gs_hash *index;          /* encoded key -> group + 1 */
	struct group *groups;
	size_t ngroups, capgroups;
	gs_buf scratch;

	/* the universe: non-period keys in the register's order */
	gs_hash *uni;            /* encoded key -> order + 1 */
	gs_hash *uniprefix;      /* encoded prefix -> first order + 1 */
	gs_buf unikeys;          /* encoded keys, one after another */
	size_t *unioff, nuni;
	const char *uni_path;
};

/* ---- keys ---- */

/* Encode KEY[0..N) into B: for each value its length (4 bytes) and bytes. */
static void encode(gs_buf *b, const gs_field *key, size_t n)
{
	gs_buf_clear(b);
	for (size_t i = 0; i < n; i++)
		gs_key_add(b, key[i].p, key[i].n);
}

static struct group *add_group(struct tally *t, const gs_field *key, int rolled)
{
	if (t->ngroups == t->capgroups) {
		t->capgroups = t->capgroups ? 2 * t->capgroups : 256;
		t->groups = gs_xrealloc(t->groups, t->capgroups * sizeof *t->groups);
	}
	struct group *g = &t->groups[t->ngroups++];
	size_t total = 0;
	for (size_t i = 0; i < t->nkey; i++)
		total += key[i].n;
	g->keybytes = gs_xmalloc(total + 1);
	g->key = gs_xmalloc((t->nkey + 1) * sizeof *g->key);
	size_t at = 0;
	for (size_t i = 0; i < t->nkey; i++) {
		if (i >= t->nkey - (size_t)rolled) {
			g->key[i] = (gs_field){NULL, 0};
			continue;
		}
		memcpy(g->keybytes + at, key[i].p, key[i].n);
		g->key[i] = (gs_field){g->keybytes + at, key[i].n};
		at += key[i].n;
	}
	g->rolled = rolled;
	g->slots = gs_slots_new(&t->aggs);
	g->rank = NULL;
	return g;
}

/* The group for KEY (leaf, or rolled up over its last ROLLED values),
 * made when new. Groups move when the array grows: use the index. */
static size_t find_group(struct tally *t, const gs_field *key, int rolled)
{
	encode(&t->scratch, key, t->nkey - (size_t)rolled);
	gs_buf_addc(&t->scratch, (char)rolled);
	void *v = gs_hash_get(t->index, t->scratch.p, t->scratch.len);
	if (v)
		return (size_t)v - 1;
	gs_hash_put(t->index, t->scratch.p, t->scratch.len, (void *)(t->ngroups + 1));
	add_group(t, key, rolled);
	return t->ngroups - 1;
}

/* ---- options ---- */

static void add_agg(struct tally *t, const char *name, const char *src, const char *where,
                    int decimals, const char *what)
{
	gs_buf err = {0};
	if (gs_aggset_add(&t->aggs, name, src, where, decimals, &err) < 0)
		gs_usage_error("%s '%s': %s", what, src, err.p);
	gs_buf_free(&err);
}

/* ---- the universe ---- */

static void load_universe(struct tally *t, const char *path, const gs_stream_opts *so0)
{
	gs_stream_opts so = *so0;
	so.format = GS_FMT_AUTO;
	char *files[1] = {(char *)path};
	gs_stream *st = gs_stream_open(files, 1, &so);
	const gs_field *names;
	size_t n;
	if (gs_stream_header(st, &names, &n) < 0)
		exit(gs_close_stdout(GS_IO));
	size_t *col = gs_xmalloc((t->nby + 1) * sizeof *col);
	for (size_t i = 0; i < t->nby; i++) {
		size_t k;
		for (k = 0; k < n; k++)
			if (names[k].n == strlen(t->by[i]) && !memcmp(names[k].p, t->by[i], names[k].n))
				break;
		if (k == n)
			gs_die(GS_IO, path, 0, "the universe has no column '%s'", t->by[i]);
		col[i] = k;
	}
	t->uni = gs_hash_new();
	t->uniprefix = gs_hash_new();
	t->uni_path = path;
	gs_field *key = gs_xmalloc((t->nby + 1) * sizeof *key);
	gs_buf enc = {0};
	gs_row r;
	int k;
	while ((k = gs_stream_next(st, &r)) != GS_REC_EOF) {
		if (k == GS_REC_BAD)
			gs_die(GS_IO, path, r.line, "%s", gs_stream_error(st));
		for (size_t i = 0; i < t->nby; i++)
			key[i] = r.f[col[i]];
		encode(&enc, key, t->nby);
		if (gs_hash_get(t->uni, enc.p, enc.len))
			continue;    /* a unit listed twice counts once */
		gs_hash_put(t->uni, enc.p, enc.len, (void *)(t->nuni + 1));
		t->unioff = gs_xrealloc(t->unioff, (t->nuni + 2) * sizeof *t->unioff);
		t->unioff[t->nuni] = t->unikeys.len;
		gs_buf_add(&t->unikeys, enc.p, enc.len);
		t->unioff[t->nuni + 1] = t->unikeys.len;
		for (size_t j = 1; j <= t->nby; j++) {
			encode(&enc, key, j);
			if (!gs_hash_get(t->uniprefix, enc.p, enc.len))
				gs_hash_put(t->uniprefix, enc.p, enc.len, (void *)(t->nuni + 1));
		}
		t->nuni++;
	}
	if (gs_stream_status(st))
		exit(gs_close_stdout(GS_IO));
	gs_buf_free(&enc);
	free(key);
	free(col);
	gs_stream_close(st);
}

/* Decode universe key I into KEY (pointing into t->unikeys). */
static void universe_key(const struct tally *t, size_t i, gs_field *key)
{
	const unsigned char *p = (const unsigned char *)t->unikeys.p + t->unioff[i];
	for (size_t j = 0; j < t->nby; j++) {
		size_t n = ((size_t)p[0] << 24) | ((size_t)p[1] << 16) | ((size_t)p[2] << 8) | p[3];
		key[j] = (gs_field){(const char *)p + 4, n};
		p += 4 + n;
	}
}

/* ---- sorting ---- */

static const struct tally *sort_t;

static int cmp_groups(const void *pa, const void *pb)
{
	const struct group *a = *(struct group *const *)pa, *b = *(struct group *const *)pb;
	const struct tally *t = sort_t;
	size_t off = t->nkey - t->nby;    /* the period column comes first */
	for (size_t i = 0; i < t->nkey; i++) {
		int ra = i >= t->nkey - (size_t)a->rolled, rb = i >= t->nkey - (size_t)b->rolled;
		if (ra || rb)
			return ra - rb;
		int c;
		if (t->uni && i >= off) {
			long x = a->rank[i - off], y = b->rank[i - off];
			c = (x > y) - (x < y);
		} else {
			size_t n = a->key[i].n < b->key[i].n ? a->key[i].n : b->key[i].n;
			c = memcmp(a->key[i].p, b->key[i].p, n);
			if (!c)
				c = (a->key[i].n > b->key[i].n) - (a->key[i].n < b->key[i].n);
		}
		if (c)
			return c;
	}
	return 0;
}

/* ---- partial streams ---- */

static void write_json_strings(gs_buf *b, const gs_field *f, size_t n)
{
	gs_buf_addc(b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			gs_buf_addc(b, ',');
		gs_json_string(b, f[i].p, f[i].n);
	}
	gs_buf_addc(b, ']');
}

static void partial_header(const struct tally *t, gs_buf *b)
{
	static const char *pnames[] = {"day", "week", "month", "quarter", "year"};
	gs_buf_adds(b, "{\"govstat_partial\":1,\"by\":[");
	for (size_t i = 0; i < t->nby; i++) {
		if (i)
			gs_buf_addc(b, ',');
		gs_json_string(b, t->by[i], strlen(t->by[i]));
	}
	gs_buf_adds(b, "],\"period\":");
	if (t->period >= 0)
		gs_buf_printf(b, "\"%s\"", pnames[t->period]);
	else
		gs_buf_adds(b, "null");
	gs_buf_adds(b, ",\"columns\":[");
	for (size_t i = 0; i < t->aggs.ncols; i++) {
		const gs_aggcol *c = &t->aggs.cols[i];
		gs_buf_adds(b, i ? ",{\"name\":" : "{\"name\":");
		gs_json_string(b, c->name, strlen(c->name));
		gs_buf_adds(b, ",\"agg\":");
		gs_json_string(b, c->src, strlen(c->src));
		gs_buf_adds(b, ",\"where\":");
		if (c->where_src)
			gs_json_string(b, c->where_src, strlen(c->where_src));
		else
			gs_buf_adds(b, "null");
		gs_buf_printf(b, ",\"decimals\":%d}", c->decimals);
	}
	gs_buf_adds(b, "]}\n");
}

/* Read one partial stream into the groups. The first header sets up T;
 * later ones must be the same. Returns GS_OK or GS_IO (reported). */
static int merge_file(struct tally *t, const char *path, gs_buf *first_header)
{
	const char *why, *name = gs_display_name(path);
	gs_input *in = gs_input_open(path, "utf-8", &why);
	if (!in) {
		gs_msg(name, 0, "cannot open: %s", why);
		return GS_IO;
	}
	gs_buf line = {0}, err = {0};
	long lineno = 0;
	int status = GS_OK, have_header = 0;
	gs_field *key = gs_xmalloc((t->nkey + 8) * sizeof *key);
	gs_slot *tmp = NULL;
	const char *text;
	ssize_t n;
	size_t done = 0;
	int eof = 0;
	for (;;) {
		/* gather a line */
		char *nl = line.p ? memchr(line.p + done, '\n', line.len - done) : NULL;
		if (!nl && !eof) {
			n = gs_input_read(in, &text);
			if (n < 0) {
				gs_msg(name, lineno + 1, "%s", gs_input_error(in));
				status = GS_IO;
				break;
			}
			if (n == 0)
				eof = 1;
			else {
				if (done) {
					memmove(line.p, line.p + done, line.len - done);
					line.len -= done;
					done = 0;
				}
				gs_buf_add(&line, text, (size_t)n);
			}
			continue;
		}
		size_t len = nl ? (size_t)(nl - (line.p + done)) : line.len - done;
		if (!nl && len == 0)
			break;
		char *s = line.p + done;
		done += len + (nl ? 1 : 0);
		lineno++;
		if (len == 0)
			continue;
		cJSON *o = cJSON_ParseWithLength(s, len);
		const cJSON *tag = cJSON_GetObjectItemCaseSensitive(o, "govstat_partial");
		/* partial streams may be concatenated (parallel --pipe does): a
		 * header can come again, and must be the same */
		if (!have_header || tag) {
			if (!o || !cJSON_IsNumber(tag) || tag->valueint != 1) {
				gs_msg(name, lineno, "not a partial stream of tally --partial");
				cJSON_Delete(o);
				status = GS_IO;
				break;
			}
			if (!first_header->len) {
				gs_buf_add(first_header, s, len);
				const cJSON *by = cJSON_GetObjectItemCaseSensitive(o, "by"), *e;
				cJSON_ArrayForEach(e, by) {
					if (!cJSON_IsString(e))
						continue;
					t->by = gs_xrealloc(t->by, (t->nby + 1) * sizeof *t->by);
					t->by[t->nby++] = gs_xstrndup(e->valuestring, strlen(e->valuestring));
				}
				const cJSON *p = cJSON_GetObjectItemCaseSensitive(o, "period");
				t->period = cJSON_IsString(p) ? gs_period_parse(p->valuestring) : -1;
				t->nkey = t->nby + (t->period >= 0);
				key = gs_xrealloc(key, (t->nkey + 1) * sizeof *key);
				const cJSON *cols = cJSON_GetObjectItemCaseSensitive(o, "columns"), *c;
				cJSON_ArrayForEach(c, cols) {
					const cJSON *nm = cJSON_GetObjectItemCaseSensitive(c, "name");
					const cJSON *ag = cJSON_GetObjectItemCaseSensitive(c, "agg");
					const cJSON *wh = cJSON_GetObjectItemCaseSensitive(c, "where");
					const cJSON *dc = cJSON_GetObjectItemCaseSensitive(c, "decimals");
					if (!cJSON_IsString(nm) || !cJSON_IsString(ag) || !cJSON_IsNumber(dc)) {
						gs_msg(name, lineno, "a partial stream's column is malformed");
						exit(GS_IO);
					}
					if (gs_aggset_add(&t->aggs, nm->valuestring, ag->valuestring,
					                  cJSON_IsString(wh) ? wh->valuestring : NULL,
					                  dc->valueint, &err) < 0) {
						gs_msg(name, lineno, "column %s: %s", nm->valuestring, err.p);
						exit(GS_IO);
					}
				}
			} else if (first_header->len != len || memcmp(first_header->p, s, len)) {
				gs_msg(name, lineno, "this partial stream was made with other options than the first");
				cJSON_Delete(o);
				status = GS_IO;
				break;
			}
			have_header = 1;
			cJSON_Delete(o);
			if (!tmp && t->aggs.nslots + 1)
				tmp = gs_slots_new(&t->aggs);
			continue;
		}
		const cJSON *k = cJSON_GetObjectItemCaseSensitive(o, "k");
		const cJSON *sl = cJSON_GetObjectItemCaseSensitive(o, "s");
		int ok = o && cJSON_IsArray(k) && (size_t)cJSON_GetArraySize(k) == t->nkey;
		for (size_t i = 0; ok && i < t->nkey; i++) {
			const cJSON *e = cJSON_GetArrayItem(k, (int)i);
			ok = cJSON_IsString(e);
			if (ok)
				key[i] = (gs_field){e->valuestring, strlen(e->valuestring)};
		}
		if (ok) {
			gs_slots_free(&t->aggs, tmp);
			tmp = gs_slots_new(&t->aggs);
			ok = gs_slots_read(&t->aggs, tmp, sl, &err) == 0;
		}
		if (ok) {
			size_t gi = find_group(t, key, 0);
			ok = gs_slots_merge(&t->aggs, t->groups[gi].slots, tmp, &err) == 0;
			if (!ok) {
				gs_msg(name, lineno, "%s", err.p);
				cJSON_Delete(o);
				status = GS_IO;
				break;
			}
		}
		cJSON_Delete(o);
		if (!ok) {
			gs_msg(name, lineno, "not a group of this partial stream");
			status = GS_IO;
			break;
		}
	}
	if (!have_header && status == GS_OK) {
		gs_msg(name, 0, "empty input: not a partial stream");
		status = GS_IO;
	}
	gs_slots_free(&t->aggs, tmp);
	free(key);
	gs_buf_free(&line);
	gs_buf_free(&err);
	gs_input_close(in);
	return status;
}

/* ---- main ---- */

int main(int argc, char **argv)
{
	struct gengetopt_args_info a;
	gs_cli_init(argc, argv, "tally");
	gs_cli_keep_commas(argc, argv, "g:by a:agg w:where p:period d:date -:rollup-label "
	                   "-:universe I:catalogue k:indicator -:decimals i:input-format "
	                   "o:output-format r:rejects", "agg");
	if (cmdline_parser(argc, argv, &a) != 0)
		gs_bad_usage();
	if (a.help_given)
		gs_print_help(cmdline_parser_print_help);
	if (a.version_given)
		gs_print_version();
	gs_manifest_begin(a.manifest_given ? a.manifest_arg : NULL);
	{
		const char *side[] = {a.universe_given ? a.universe_arg : NULL, a.catalogue_given ? a.catalogue_arg : NULL};
		gs_output outs[] = {{"the rejects file", a.rejects_given ? a.rejects_arg : NULL}};
		gs_cli_check_outputs(a.inputs, a.inputs_num, side, sizeof side / sizeof *side,
		                     outs, sizeof outs / sizeof *outs);
	}

	struct tally t = {0};
	t.index = gs_hash_new();
	t.period = -1;
	int in_format = a.input_format_given ? gs_parse_input_format(a.input_format_arg) : GS_FMT_AUTO;
	int out_format = a.output_format_given ? gs_parse_output_format(a.output_format_arg) : -1;
	if (a.decimals_arg < 0 || a.decimals_arg > 30)
		gs_usage_error("--decimals: give a number from 0 to 30");
	if (a.partial_given && a.merge_given)
		gs_usage_error("--partial and --merge do not go together");
	if (a.merge_given && (a.by_given || a.agg_given || a.indicator_given || a.where_given ||
	                      a.period_given || a.date_given || a.catalogue_given))
		gs_usage_error("--merge takes the keys and aggregates from the partial streams; "
		               "give only output options with it");
	if (a.partial_given && (a.rollup_given || a.universe_given))
		gs_usage_error("give --rollup and --universe to the --merge step, not to --partial");
	if (a.period_given) {
		t.period = gs_period_parse(a.period_arg);
		if (t.period < 0)
			gs_usage_error("--period: '%s' is not day, week, month, quarter or year", a.period_arg);
		if (!a.date_given)
			gs_usage_error("--period needs --date FIELD");
		t.date_field = a.date_arg;
	} else if (a.date_given)
		gs_usage_error("--date goes with --period");
	if (a.by_given)
		gs_split_list(a.by_arg, &t.by, &t.nby);
	t.nkey = t.nby + (t.period >= 0);

	for (unsigned i = 0; i < a.agg_given; i++)
		add_agg(&t, NULL, a.agg_arg[i], NULL, a.decimals_arg, "--agg");
	gs_catalogue *cat = NULL;
	if (a.indicator_given && !a.catalogue_given)
		gs_usage_error("--indicator needs --catalogue FILE");
	if (a.catalogue_given && !(cat = gs_catalogue_load(a.catalogue_arg)))
		exit(GS_USAGE);
	for (unsigned i = 0; i < a.indicator_given; i++) {
		char **ids = NULL;
		size_t nids = 0;
		gs_split_list(a.indicator_arg[i], &ids, &nids);
		for (size_t k = 0; k < nids; k++) {
			const gs_indicator *ind = gs_catalogue_find(cat, ids[k]);
			if (!ind)
				gs_usage_error("--indicator: no indicator '%s' in %s", ids[k], a.catalogue_arg);
			gs_buf what = {0};
			gs_buf_printf(&what, "indicator %s", ind->id);
			add_agg(&t, ind->id, ind->agg, ind->where,
			        ind->decimals >= 0 ? ind->decimals : a.decimals_arg, what.p);
			gs_buf_free(&what);
			free(ids[k]);
		}
		free(ids);
	}
	if (!a.merge_given && t.aggs.ncols == 0)
		gs_usage_error("give at least one --agg or --indicator");

	gs_stream_opts so = {0};
	so.format = in_format;
	so.hash = gs_manifest_on();
	gs_expr *where = NULL;
	gs_buf err = {0};
	if (a.where_given) {
		size_t pos = 0;
		where = gs_expr_parse(a.where_arg, &pos, 1, &err);
		if (!where)
			gs_usage_error("--where '%s': column %zu: %s", a.where_arg, pos + 1, err.p);
	}

	int status = GS_OK;
	long nread = 0, nused = 0, nfiltered = 0, ndropped = 0;
	gs_rejects *rj = NULL;
	if (a.merge_given) {
		gs_buf first = {0};
		size_t nf = a.inputs_num ? a.inputs_num : 1;
		for (size_t i = 0; i < nf; i++) {
			int s = merge_file(&t, a.inputs_num ? a.inputs[i] : "-", &first);
			if (s > status)
				status = s;
		}
		gs_buf_free(&first);
		if (out_format < 0)
			out_format = GS_FMT_CSV;
		if (!t.aggs.ncols)
			exit(gs_close_stdout(GS_IO));
	} else {
		gs_stream *st = gs_stream_open(a.inputs, a.inputs_num, &so);
		const gs_field *names;
		size_t nnames;
		if (gs_stream_header(st, &names, &nnames) < 0)
			exit(gs_close_stdout(gs_stream_status(st)));
		if (out_format < 0)
			out_format = gs_stream_format(st);
		long *keycol = gs_xmalloc((t.nkey + 1) * sizeof *keycol);
		long datecol = -1;
		for (size_t i = 0; i <= t.nby; i++) {
			const char *want = i < t.nby ? t.by[i] : t.date_field;
			if (!want)
				continue;
			long c = -1;
			for (size_t k = 0; k < nnames; k++)
				if (names[k].n == strlen(want) && !memcmp(names[k].p, want, names[k].n))
					c = (long)k;
			if (c < 0)
				gs_usage_error("%s: no field '%s' in the input", i < t.nby ? "--by" : "--date", want);
			if (i < t.nby)
				keycol[i] = c;
			else
				datecol = c;
		}
		if (gs_aggset_bind(&t.aggs, names, nnames, &err) < 0)
			gs_usage_error("%s", err.p);
		if (where && gs_expr_bind(where, names, nnames, &err) < 0)
			gs_usage_error("--where: %s", err.p);
		if (a.universe_given)
			load_universe(&t, a.universe_arg, &so);

		rj = gs_rejects_open(a.rejects_given ? a.rejects_arg : NULL, out_format);
		gs_rejects_stream(rj, st);
		gs_rejects_header(rj, names, nnames, 1);
		gs_delta *deltas = gs_xmalloc((t.aggs.nslots + 1) * sizeof *deltas);
		gs_field *key = gs_xmalloc((t.nkey + 1) * sizeof *key);
		gs_buf pbuf = {0}, enc = {0};
		size_t koff = t.period >= 0;
		for (;;) {
			gs_row r;
			int k = gs_stream_next(st, &r);
			if (k == GS_REC_EOF)
				break;
			nread++;
			gs_buf_clear(&err);
			if (k == GS_REC_BAD) {
				gs_rejects_add(rj, gs_stream_file(st), r.line, r.f, r.n, gs_stream_error(st));
				continue;
			}
			if (where) {
				int w = gs_expr_test(where, r.f, &err);
				if (w < 0) {
					gs_rejects_add(rj, gs_stream_file(st), r.line, r.f, r.n, err.p);
					continue;
				}
				if (!w) {
					nfiltered++;
					continue;
				}
			}
			if (t.period >= 0) {
				int y, m, d;
				const char *why;
				const gs_field *df = &r.f[datecol];
				if (gs_date_parse(df->p, df->n, 0, &y, &m, &d, &why) < 0) {
					gs_buf_printf(&err, "field '%s': '%.*s' is not a date (%s)",
					              t.date_field, (int)df->n, df->p, why);
					gs_rejects_add(rj, gs_stream_file(st), r.line, r.f, r.n, err.p);
					continue;
				}
				gs_buf_clear(&pbuf);
				gs_period_format(&pbuf, t.period, y, m, d);
				key[0] = (gs_field){pbuf.p, pbuf.len};
			}
			for (size_t i = 0; i < t.nby; i++)
				key[koff + i] = r.f[keycol[i]];
			if (t.uni) {
				encode(&enc, key + koff, t.nby);
				if (!gs_hash_get(t.uni, enc.p, enc.len)) {
					gs_buf_adds(&err, "not in the universe ");
					gs_buf_adds(&err, t.uni_path);
					gs_buf_adds(&err, ":");
					for (size_t i = 0; i < t.nby; i++)
						gs_buf_printf(&err, " %s '%.*s'", t.by[i], (int)key[koff + i].n, key[koff + i].p);
					gs_rejects_add(rj, gs_stream_file(st), r.line, r.f, r.n, err.p);
					continue;
				}
			}
			if (gs_aggset_eval(&t.aggs, r.f, deltas, &err) < 0) {
				gs_rejects_add(rj, gs_stream_file(st), r.line, r.f, r.n, err.p);
				continue;
			}
			size_t gi = find_group(&t, key, 0);
			if (gs_slots_apply(&t.aggs, t.groups[gi].slots, deltas, &err) < 0) {
				gs_msg(gs_stream_file(st), r.line, "%s", err.p);
				exit(gs_close_stdout(GS_IO));
			}
			nused++;
		}
		if (gs_stream_status(st) > status)
			status = gs_stream_status(st);
		gs_manifest_stream(st, "input");
		ndropped = gs_stream_empty_rows(st);
		nread += ndropped;
		gs_buf_free(&pbuf);
		gs_buf_free(&enc);
		free(key);
		free(deltas);
		free(keycol);
		gs_stream_close(st);
	}

	/* leaf groups, sorted by key, before rollups are added */
	size_t nleaf = t.ngroups;
	gs_buf line = {0};
	if (a.partial_given) {
		struct group **order = gs_xmalloc((nleaf + 1) * sizeof *order);
		for (size_t i = 0; i < nleaf; i++)
			order[i] = &t.groups[i];
		sort_t = &t;
		qsort(order, nleaf, sizeof *order, cmp_groups);
		partial_header(&t, &line);
		fwrite(line.p, 1, line.len, stdout);
		for (size_t i = 0; i < nleaf; i++) {
			gs_buf_clear(&line);
			gs_buf_adds(&line, "{\"k\":");
			write_json_strings(&line, order[i]->key, t.nkey);
			gs_buf_adds(&line, ",\"s\":");
			gs_slots_write(&t.aggs, order[i]->slots, &line);
			gs_buf_adds(&line, "}\n");
			fwrite(line.p, 1, line.len, stdout);
		}
		free(order);
	} else {
		if (a.universe_given && !t.uni) {
			gs_stream_opts uso = {0};
			load_universe(&t, a.universe_arg, &uso);
		}
		/* the universe: every unit, in every period seen */
		if (t.uni) {
			size_t koff = t.period >= 0;
			gs_field *key = gs_xmalloc((t.nkey + 1) * sizeof *key);
			char **periods = NULL;
			size_t np = 0;
			if (koff) {
				gs_hash *seen = gs_hash_new();
				for (size_t i = 0; i < nleaf; i++) {
					const gs_field *p = &t.groups[i].key[0];
					if (!gs_hash_get(seen, p->p, p->n)) {
						gs_hash_put(seen, p->p, p->n, (void *)1);
						periods = gs_xrealloc(periods, (np + 1) * sizeof *periods);
						periods[np++] = gs_xstrndup(p->p, p->n);
					}
				}
				gs_hash_free(seen);
			}
			for (size_t pi = 0; pi < (koff ? np : 1); pi++)
				for (size_t u = 0; u < t.nuni; u++) {
					if (koff)
						key[0] = (gs_field){periods[pi], strlen(periods[pi])};
					universe_key(&t, u, key + koff);
					find_group(&t, key, 0);
				}
			for (size_t i = 0; i < np; i++)
				free(periods[i]);
			free(periods);
			free(key);
			nleaf = t.ngroups;
		}
		/* rollups, merged from the leaves' exact states */
		if (a.rollup_given) {
			for (size_t i = 0; i < nleaf; i++)
				for (int r = 1; r <= (int)t.nkey; r++) {
					size_t gi = find_group(&t, t.groups[i].key, r);
					if (gs_slots_merge(&t.aggs, t.groups[gi].slots, t.groups[i].slots, &err) < 0)
						gs_die(GS_IO, NULL, 0, "%s", err.p);
				}
		}
		if (t.uni) {
			size_t koff = t.period >= 0;
			gs_buf enc = {0};
			for (size_t i = 0; i < t.ngroups; i++) {
				struct group *g = &t.groups[i];
				g->rank = gs_xmalloc((t.nby + 1) * sizeof *g->rank);
				for (size_t j = 0; j < t.nby; j++) {
					if (koff + j >= t.nkey - (size_t)g->rolled) {
						g->rank[j] = 0;
						continue;
					}
					encode(&enc, g->key + koff, j + 1);
					g->rank[j] = (long)(size_t)gs_hash_get(t.uniprefix, enc.p, enc.len);
				}
			}
			gs_buf_free(&enc);
		}
		struct group **order = gs_xmalloc((t.ngroups + 1) * sizeof *order);
		for (size_t i = 0; i < t.ngroups; i++)
			order[i] = &t.groups[i];
		sort_t = &t;
		qsort(order, t.ngroups, sizeof *order, cmp_groups);

		size_t ncol = t.nkey + t.aggs.ncols;
		gs_field *names = gs_xmalloc((ncol + 1) * sizeof *names);
		unsigned char *numeric = calloc(ncol + 1, 1);
		size_t c = 0;
		if (t.period >= 0)
			names[c++] = (gs_field){"period", 6};
		for (size_t i = 0; i < t.nby; i++)
			names[c++] = (gs_field){t.by[i], strlen(t.by[i])};
		for (size_t i = 0; i < t.aggs.ncols; i++) {
			numeric[c] = 1;
			names[c++] = (gs_field){t.aggs.cols[i].name, strlen(t.aggs.cols[i].name)};
		}
		gs_writer *w = gs_writer_new(stdout, out_format);
		if (gs_manifest_on())
			gs_writer_hash(w);
		gs_writer_header(w, names, ncol, numeric);
		gs_field *row = gs_xmalloc((ncol + 1) * sizeof *row);
		size_t *voff = gs_xmalloc((ncol + 1) * sizeof *voff);
		const char *label = a.rollup_label_arg;
		for (size_t i = 0; i < t.ngroups; i++) {
			const struct group *g = order[i];
			for (size_t k = 0; k < t.nkey; k++)
				row[k] = g->key[k].p ? g->key[k] : (gs_field){label, strlen(label)};
			gs_buf_clear(&line);
			for (size_t k = 0; k < t.aggs.ncols; k++) {
				voff[k] = line.len;
				if (!gs_aggcol_format(&t.aggs, k, g->slots, &line))
					voff[k] = (size_t)-1;
				row[t.nkey + k].n = line.len - (voff[k] == (size_t)-1 ? line.len : voff[k]);
			}
			for (size_t k = 0; k < t.aggs.ncols; k++)
				row[t.nkey + k].p = voff[k] == (size_t)-1 ? NULL : line.p + voff[k];
			gs_writer_row(w, row, ncol);
		}
		gs_manifest_output(w);
		gs_writer_free(w);
		free(row);
		free(voff);
		free(names);
		free(numeric);
		free(order);
	}
	gs_buf_free(&line);

	long nrej = rj ? gs_rejects_count(rj) : 0;
	if (nrej && status < GS_REJECT)
		status = GS_REJECT;
	if (!a.merge_given && (nrej || a.verbose_given))
		gs_msg(NULL, 0, "%ld rows read, %ld tallied, %ld left out by --where, %ld rejected%s",
		       nread, nused, nfiltered, nrej, gs_dropped_note(ndropped));
	if (rj) {
		int rs = gs_rejects_close(rj);
		if (rs > status)
			status = rs;
	}
	if (a.catalogue_given)
		gs_manifest_file(a.catalogue_arg, "catalogue");
	if (a.universe_given)
		gs_manifest_file(a.universe_arg, "universe");
	if (a.merge_given)
		for (size_t i = 0; i < a.inputs_num; i++)
			gs_manifest_file(a.inputs[i], "partial");
	status = gs_manifest_end(status);
	for (size_t i = 0; i < t.ngroups; i++) {
		gs_slots_free(&t.aggs, t.groups[i].slots);
		free(t.groups[i].key);
		free(t.groups[i].keybytes);
		free(t.groups[i].rank);
	}
	free(t.groups);
	gs_hash_free(t.index);
	gs_hash_free(t.uni);
	gs_hash_free(t.uniprefix);
	gs_buf_free(&t.unikeys);
	free(t.unioff);
	gs_buf_free(&t.scratch);
	gs_buf_free(&err);
	for (size_t i = 0; i < t.nby; i++)
		free(t.by[i]);
	free(t.by);
	gs_expr_free(where);
	gs_aggset_free(&t.aggs);
	gs_catalogue_free(cat);
	cmdline_parser_free(&a);
	return gs_close_stdout(status);
}
