/* rank: rank units by indicators, with ties, groups, scores and the veto.
 *
 * Ranking needs every row, so memory grows with rows: the rows are kept
 * in one buffer, their key values parsed once, and sorted with a stable
 * merge sort on exact values (never on rounded display). */
#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "manifest.h"
#include "expr.h"
#include "hash.h"
#include "i18n.h"
#include "jsonfile.h"
#include "num.h"
#include "rank_cmd.h"
#include "rejects.h"
#include "stream.h"
#include "writer.h"

enum method { M_COMPETITION, M_DENSE, M_ORDINAL, M_AVERAGE };
enum norm { N_NONE, N_MINMAX, N_ZSCORE };

/* The score column, and where its values are kept. */
enum score_kind {
	SCORE_NONE,              /* no score: keys only */
	SCORE_EXACT,             /* weights, exact (rank.score) */
	SCORE_APPROX,            /* weights in long double (rank.zscore): z-scores,
	                            or values beyond exact arithmetic */
	SCORE_SHEET              /* a score sheet's points, exact (rank.score) */
};

/* How a key's values compare. */
enum kv_kind {
	KV_TEXT,                 /* bytes */
	KV_INT,                  /* exact 64-bit integers at one scale (iv) */
	KV_NUM,                  /* exact fractions (nv) */
	KV_DIGITS                /* numbers of any size, as text (gs_numtext_cmp) */
};

struct key {
	char *field;
	long col;                /* -1 for the score */
	int desc;
};

struct weight {
	char *field;
	long col;
	gs_num w;
	long double lw;          /* the same, approximately */
};

struct item {                /* a score sheet's work item */
	char *name, *field;
	long col;
	gs_num points, cap;
};

struct row {
	const char *enc;         /* the encoded input columns, in the arena */
	unsigned enc_len;
	unsigned group;          /* in order of first appearance */
	long line;
	const char *file;        /* the input it came from, in the arena */
	unsigned char vetoed, score_na;
	double rank;
};

/* A key's values, parsed once: exact 64-bit integers at one common scale
 * when they fit (counts and rates do), else numbers compared as text of
 * any size (gs_numtext_cmp), else text. */
struct kvals {
	enum kv_kind kind;
	long long *iv;
	gs_num *nv;
	unsigned char *nan;      /* KV_NUM, KV_DIGITS: the value is not a number */
	const char **text;       /* the value as read, in the arena */
	size_t *tlen;            /* (size_t)-1 for empty */
};

struct rank {
	/* what to rank by, from the options */
	enum method method;
	enum norm norm;
	struct key *keys;
	size_t nkeys;
	struct weight *w;        /* --weight */
	size_t nw;
	struct item *items;      /* --score-sheet */
	size_t nitems;
	enum score_kind score_kind;
	gs_expr *veto, *where;
	char **by;               /* --by fields, and their columns */
	long *bycol;
	size_t nby;

	/* the rows */
	gs_arena data;           /* encoded rows and key values */
	struct row *rows;
	size_t nrows, caprows;
	struct row *unr;         /* rows --where leaves unranked */
	size_t nunr, capunr;
	struct kvals *kv;        /* per key */
	gs_num **wv;             /* per weight and row: the field's value, */
	unsigned char **wna;     /*   1 empty, 2 beyond gs_num, */
	long double **wl;        /*   and the value approximately */
	gs_num *score;           /* per row, with a score */
	long double *zscore;
	unsigned *order;         /* the rows, sorted */

	/* while reading */
	gs_hash *groups;         /* encoded --by values -> group number */
	const char *last_file;   /* in the arena */
	gs_buf enc, gkey;
	gs_reason err;

	long nread, nwritten, ncut;
};

static const struct rank *R;

/* A plain decimal ([-]digits[.digits], at most 18 digits) as a 64-bit
 * mantissa and a scale: the common case, read without 128-bit work.
 * Returns 0, or -1 for anything else (which gs_num_parse then reads). */
static int quick_decimal(const char *s, size_t n, long long *m, int *scale)
{
	size_t i = 0;
	int neg = 0, digits = 0, sc = 0, dot = 0;
	long long v = 0;
	if (i < n && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	for (; i < n; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			if (++digits > 18)
				return -1;
			v = v * 10 + (c - '0');
			sc += dot;
		} else if (c == '.' && !dot)
			dot = 1;
		else
			return -1;
	}
	if (!digits)
		return -1;
	*m = neg ? -v : v;
	*scale = sc;
	return 0;
}

/* Compare rows I and J by veto and keys. Ties are left at 0: the
 * stable sort keeps them in input order. */
static int cmp_keys(unsigned i, unsigned j)
{
	const struct rank *r = R;
	const struct row *a = &r->rows[i], *b = &r->rows[j];
	if (a->vetoed != b->vetoed)
		return a->vetoed - b->vetoed;
	for (size_t k = 0; k < r->nkeys; k++) {
		const struct key *key = &r->keys[k];
		int c;
		if (key->col < 0) {       /* the score */
			if (a->score_na || b->score_na) {
				if (a->score_na != b->score_na)
					return a->score_na - b->score_na;
				continue;
			}
			if (r->score_kind == SCORE_APPROX)
				c = (r->zscore[i] > r->zscore[j]) - (r->zscore[i] < r->zscore[j]);
			else
				c = gs_num_cmp(r->score[i], r->score[j]);
		} else {
			const struct kvals *v = &r->kv[k];
			size_t na = v->tlen[i], nb = v->tlen[j];
			if (na == (size_t)-1 || nb == (size_t)-1) {   /* empty ranks last */
				if ((na == (size_t)-1) != (nb == (size_t)-1))
					return na == (size_t)-1 ? 1 : -1;
				continue;
			}
			if (v->kind >= KV_NUM && (v->nan[i] || v->nan[j])) {
				/* not a number: after the numbers, whichever the direction */
				if (v->nan[i] != v->nan[j])
					return v->nan[i] ? 1 : -1;
				continue;
			}
			if (v->kind == KV_INT)
				c = (v->iv[i] > v->iv[j]) - (v->iv[i] < v->iv[j]);
			else if (v->kind == KV_NUM)
				c = gs_num_cmp(v->nv[i], v->nv[j]);
			else if (v->kind == KV_DIGITS)
				c = gs_numtext_cmp(v->text[i], na, v->text[j], nb);
			else {
				const char *pa = v->text[i], *pb = v->text[j];
				c = memcmp(pa, pb, na < nb ? na : nb);
				if (!c)
					c = (na > nb) - (na < nb);
				c = (c > 0) - (c < 0);
			}
		}
		if (c)
			return key->desc ? -c : c;
	}
	return 0;
}

static int cmp_rows(unsigned i, unsigned j)
{
	unsigned ga = R->rows[i].group, gb = R->rows[j].group;
	if (ga != gb)
		return ga < gb ? -1 : 1;
	return cmp_keys(i, j);
}

/* A stable merge sort of row indexes: ties keep their input order. The
 * halves are sorted into the other buffer and merged back, so nothing is
 * copied back level by level. SRC and DST hold the same indexes; the
 * result is in DST. */
static void merge_sort(unsigned *src, unsigned *dst, size_t n)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	merge_sort(dst, src, h);
	merge_sort(dst + h, src + h, n - h);
	/* the sorted halves are now in src */
	size_t i = 0, j = h, k = 0;
	if (cmp_rows(src[h - 1], src[h]) <= 0) {
		memcpy(dst, src, n * sizeof *dst);
		return;
	}
	while (i < h && j < n)
		dst[k++] = cmp_rows(src[j], src[i]) < 0 ? src[j++] : src[i++];
	while (i < h)
		dst[k++] = src[i++];
	while (j < n)
		dst[k++] = src[j++];
}

/* The fast path's record: group, veto and emptiness, then the key. */
struct rec {
	unsigned long long hi, key;
	unsigned idx;
};

static int rec_before(const struct rec *a, const struct rec *b)
{
	return a->hi != b->hi ? a->hi < b->hi : a->key < b->key;
}

/* Stable merge sort of records, as merge_sort (result in DST). */
static void rec_sort(struct rec *src, struct rec *dst, size_t n)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	rec_sort(dst, src, h);
	rec_sort(dst + h, src + h, n - h);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		dst[k++] = rec_before(&src[j], &src[i]) ? src[j++] : src[i++];
	while (i < h)
		dst[k++] = src[i++];
	while (j < n)
		dst[k++] = src[j++];
}

static int parse_number_arg(const char *s, gs_num *out)
{
	return gs_num_parse(s, strlen(s), out);
}

static struct item *load_sheet(const char *path, size_t *nitems)
{
	cJSON *root = gs_json_load(path, N_("score sheet"));
	if (!root)
		exit(GS_USAGE);
	const cJSON *items = cJSON_GetObjectItemCaseSensitive(root, "items");
	if (!cJSON_IsArray(items) || !cJSON_GetArraySize(items))
		gs_die(GS_USAGE, path, 0, "a score sheet is a JSON object with a non-empty \"items\" list");
	const cJSON *o, *v;
	cJSON_ArrayForEach(v, root)
		if (strcmp(v->string, "items") && strcmp(v->string, "comment") && v->string[0] != '_')
			gs_die(GS_USAGE, path, 0, "unknown key '%s'", v->string);
	struct item *it = gs_xcalloc((size_t)cJSON_GetArraySize(items) + 1, sizeof *it);
	size_t k = 0;
	cJSON_ArrayForEach(o, items) {
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(o, "name");
		const cJSON *pts = cJSON_GetObjectItemCaseSensitive(o, "points");
		const cJSON *ded = cJSON_GetObjectItemCaseSensitive(o, "deduction");
		const cJSON *cap = cJSON_GetObjectItemCaseSensitive(o, "cap");
		cJSON_ArrayForEach(v, o)
			if (strcmp(v->string, "name") && strcmp(v->string, "points") && strcmp(v->string, "deduction") &&
			    strcmp(v->string, "cap") && strcmp(v->string, "comment") && v->string[0] != '_')
				gs_die(GS_USAGE, path, 0, "item: unknown key '%s'", v->string);
		if (!cJSON_IsString(name) || !cJSON_IsNumber(pts) || !cJSON_IsString(ded))
			gs_die(GS_USAGE, path, 0, "each item needs \"name\", \"points\" and \"deduction\" (the field)");
		char buf[64];
		snprintf(buf, sizeof buf, "%.15g", pts->valuedouble);
		if (parse_number_arg(buf, &it[k].points) || pts->valuedouble < 0)
			gs_die(GS_USAGE, path, 0, "item %s: points must be a number of 0 or more", name->valuestring);
		it[k].cap = it[k].points;
		if (cap) {
			snprintf(buf, sizeof buf, "%.15g", cap->valuedouble);
			if (!cJSON_IsNumber(cap) || parse_number_arg(buf, &it[k].cap) || cap->valuedouble < 0)
				gs_die(GS_USAGE, path, 0, "item %s: cap must be a number of 0 or more", name->valuestring);
		}
		it[k].name = gs_xstrndup(name->valuestring, strlen(name->valuestring));
		it[k].field = gs_xstrndup(ded->valuestring, strlen(ded->valuestring));
		k++;
	}
	cJSON_Delete(root);
	*nitems = k;
	return it;
}

/* A number's text as a long double (the text is a valid number). */
static long double ld_of(const char *p, size_t n)
{
	char small[128], *b = n < sizeof small ? small : gs_xmalloc(n + 1);
	memcpy(b, p, n);
	b[n] = 0;
	long double v = strtold(b, NULL);
	if (b != small)
		free(b);
	return v;
}

/* Add W times one field's values, normalised, to the exact scores.
 * Returns 1, or 0 when a step overflows (the caller starts over in long
 * double). */
static int exact_scores(struct rank *r, enum norm norm, const gs_num *v, const unsigned char *na, gs_num w)
{
	gs_num lo = gs_num_int(0), hi = gs_num_int(0), range;
	long cnt = 0;
	for (size_t j = 0; j < r->nrows; j++) {
		if (na[j])
			continue;
		if (!cnt || gs_num_cmp(v[j], lo) < 0)
			lo = v[j];
		if (!cnt || gs_num_cmp(v[j], hi) > 0)
			hi = v[j];
		cnt++;
	}
	if (gs_num_sub(hi, lo, &range))
		return 0;
	for (size_t j = 0; j < r->nrows; j++) {
		if (na[j]) {
			r->rows[j].score_na = 1;   /* an empty value leaves no score */
			continue;
		}
		gs_num t = v[j];
		if (norm == N_MINMAX) {
			/* a constant field cannot separate units: it adds 0 */
			if (gs_num_is_zero(range))
				t = gs_num_int(0);
			else if (gs_num_sub(v[j], lo, &t) || gs_num_div(t, range, &t))
				return 0;
		}
		if (gs_num_mul(t, w, &t) || gs_num_add(r->score[j], t, &r->score[j]))
			return 0;
	}
	return 1;
}

/* The same in long double, z-scores too. */
static void approx_scores(struct rank *r, enum norm norm, const long double *v, const unsigned char *na, long double w)
{
	long double lo = 0, hi = 0, lsum = 0, lsq = 0;
	long cnt = 0;
	for (size_t j = 0; j < r->nrows; j++) {
		if (na[j] == 1)
			continue;
		if (!cnt || v[j] < lo)
			lo = v[j];
		if (!cnt || v[j] > hi)
			hi = v[j];
		lsum += v[j];
		cnt++;
	}
	long double mean = cnt ? lsum / cnt : 0;
	for (size_t j = 0; j < r->nrows; j++)
		if (na[j] != 1)
			lsq += (v[j] - mean) * (v[j] - mean);
	long double sd = cnt ? sqrtl(lsq / cnt) : 0;
	for (size_t j = 0; j < r->nrows; j++) {
		if (na[j] == 1) {
			r->rows[j].score_na = 1;
			continue;
		}
		long double t = v[j];
		/* a constant field has no spread: it adds 0 */
		if (norm == N_ZSCORE)
			t = sd > 0 ? (v[j] - mean) / sd : 0;
		else if (norm == N_MINMAX)
			t = hi > lo ? (v[j] - lo) / (hi - lo) : 0;
		r->zscore[j] += t * w;
	}
}

/* Append a rank: whole, or with .5 for the average of an even tie. */
static void put_rank(gs_buf *b, double r)
{
	if (r == (double)(long)r)
		gs_buf_printf(b, "%ld", (long)r);
	else
		gs_buf_printf(b, "%.1f", r);
}

/* ---- the options ---- */

/* --method and --normalize. */
static void parse_choices(const struct gengetopt_args_info *a, enum method *method, enum norm *norm)
{
	static const enum method methods[] = {
		[method_arg_competition] = M_COMPETITION, [method_arg_dense] = M_DENSE,
		[method_arg_ordinal] = M_ORDINAL, [method_arg_average] = M_AVERAGE,
	};
	static const enum norm norms[] = {
		[normalize_arg_none] = N_NONE, [normalize_arg_minmax] = N_MINMAX, [normalize_arg_zscore] = N_ZSCORE,
	};
	*method = methods[a->method_arg];
	*norm = norms[a->normalize_arg];
}

/* What the rows are ranked by: the keys, the weights or the score sheet,
 * and the score itself as the key when no key is given. */
static void parse_scoring(struct rank *r, const struct gengetopt_args_info *a)
{
	for (unsigned i = 0; i < a->key_given; i++) {
		char *s = a->key_arg[i];
		char *colon = strrchr(s, ':');
		int desc = 1;
		size_t n = strlen(s);
		if (colon && (!strcmp(colon, ":desc") || !strcmp(colon, ":asc"))) {
			desc = !strcmp(colon, ":desc");
			n = (size_t)(colon - s);
		} else if (colon && colon[1] && !strchr(colon, '`'))
			gs_usage_error("--key '%s': the direction is desc or asc", s);
		if (!n)
			gs_usage_error("--key '%s': no field", s);
		r->keys = gs_xrealloc(r->keys, (r->nkeys + 1) * sizeof *r->keys);
		r->keys[r->nkeys++] = (struct key){gs_xstrndup(s, n), 0, desc};
	}
	for (unsigned i = 0; i < a->weight_given; i++) {
		char *eq = strrchr(a->weight_arg[i], '=');
		if (!eq || eq == a->weight_arg[i])
			gs_usage_error("--weight '%s': give FIELD=W", a->weight_arg[i]);
		r->w = gs_xrealloc(r->w, (r->nw + 1) * sizeof *r->w);
		struct weight *w = &r->w[r->nw];
		w->field = gs_xstrndup(a->weight_arg[i], (size_t)(eq - a->weight_arg[i]));
		if (parse_number_arg(eq + 1, &w->w))
			gs_usage_error("--weight '%s': the weight is not a number", a->weight_arg[i]);
		w->lw = ld_of(eq + 1, strlen(eq + 1));
		r->nw++;
	}
	if (a->score_sheet_given)
		r->items = load_sheet(a->score_sheet_arg, &r->nitems);
	r->score_kind = r->nw ? (r->norm == N_ZSCORE ? SCORE_APPROX : SCORE_EXACT) :
	                r->nitems ? SCORE_SHEET : SCORE_NONE;
	if (r->score_kind && !a->key_given) {
		/* rank by the score */
		r->keys = gs_xrealloc(r->keys, (r->nkeys + 1) * sizeof *r->keys);
		r->keys[r->nkeys++] = (struct key){gs_xstrndup("score", 5), -1, 1};
	}
}

/* --veto, --where and --by. */
static void parse_filters(struct rank *r, const struct gengetopt_args_info *a)
{
	if (a->veto_given) {
		size_t pos = 0;
		r->veto = gs_expr_parse(a->veto_arg, &pos, 1, &r->err);
		if (!r->veto)
			gs_usage_error("--veto '%s': column %zu: %s", a->veto_arg, pos + 1, gs_reason_shown(&r->err));
	}
	if (a->where_given) {
		size_t pos = 0;
		r->where = gs_expr_parse(a->where_arg, &pos, 1, &r->err);
		if (!r->where)
			gs_usage_error("--where '%s': column %zu: %s", a->where_arg, pos + 1, gs_reason_shown(&r->err));
	}
	if (a->by_given)
		gs_split_list(a->by_arg, &r->by, &r->nby);
}

/* Find every field the options name in the input's header NAMES. */
static void bind_columns(struct rank *r, const struct gengetopt_args_info *a, const gs_field *names,
                         size_t nnames)
{
	for (size_t k = 0; k < r->nkeys; k++) {
		if (r->keys[k].col < 0)
			continue;   /* the score, the key when none is given */
		r->keys[k].col = gs_field_find(names, nnames, r->keys[k].field);
		if (r->keys[k].col < 0) {
			if (r->score_kind && !strcmp(r->keys[k].field, "score"))
				continue;   /* -k score: the computed one */
			gs_usage_error("--key: no field '%s' in the input", r->keys[k].field);
		}
	}
	for (size_t i = 0; i < r->nw; i++)
		if ((r->w[i].col = gs_field_find(names, nnames, r->w[i].field)) < 0)
			gs_usage_error("--weight: no field '%s' in the input", r->w[i].field);
	for (size_t i = 0; i < r->nitems; i++)
		if ((r->items[i].col = gs_field_find(names, nnames, r->items[i].field)) < 0)
			gs_die(GS_USAGE, a->score_sheet_arg, 0, "item %s: no field '%s' in the input",
			       r->items[i].name, r->items[i].field);
	r->bycol = gs_xmalloc((r->nby + 1) * sizeof *r->bycol);
	for (size_t i = 0; i < r->nby; i++)
		if ((r->bycol[i] = gs_field_find(names, nnames, r->by[i])) < 0)
			gs_usage_error("--by: no field '%s' in the input", r->by[i]);
	if (r->veto && gs_expr_bind(r->veto, names, nnames, &r->err) < 0)
		gs_usage_error("--veto: %s", gs_reason_shown(&r->err));
	if (r->where && gs_expr_bind(r->where, names, nnames, &r->err) < 0)
		gs_usage_error("--where: %s", gs_reason_shown(&r->err));
}

/* The output's columns: the input's, then score, vetoed and rank. */
static void write_header(const struct rank *r, const char *rank_name, gs_writer *wr, const gs_field *names,
                         size_t nnames)
{
	size_t nout = nnames + (r->score_kind ? 1 : 0) + (r->veto ? 1 : 0) + 1;
	gs_field *hdr = gs_xmalloc((nout + 1) * sizeof *hdr);
	unsigned char *numeric = gs_xcalloc(nout + 1, 1);
	memcpy(hdr, names, nnames * sizeof *hdr);
	size_t c = nnames;
	if (r->score_kind) {
		numeric[c] = 1;
		hdr[c++] = (gs_field){"score", 5};
	}
	if (r->veto) {
		numeric[c] = 1;
		hdr[c++] = (gs_field){"vetoed", 6};
	}
	numeric[c] = 1;
	hdr[c++] = (gs_field){rank_name, strlen(rank_name)};
	gs_writer_header(wr, hdr, nout, numeric);
	free(hdr);
	free(numeric);
}

/* ---- reading ---- */

/* The numbers the score needs must be numbers: each weighted field's,
 * each deduction; a score sheet's points are added up into *SHEET.
 * Returns 0, or -1 with the reason in r->err. */
static int row_numbers(struct rank *r, const gs_row *row, gs_num *sheet)
{
	*sheet = gs_num_int(0);
	for (size_t i = 0; i < r->nw; i++) {
		gs_num x;
		const gs_field *f = &row->f[r->w[i].col];
		if (f->n && gs_num_parse(f->p, f->n, &x) && !gs_numtext_valid(f->p, f->n)) {
			gs_reason_printf(&r->err, "field '%s': '%.*s' is not a number", r->w[i].field, (int)f->n, f->p);
			return -1;
		}
	}
	for (size_t i = 0; i < r->nitems; i++) {
		const struct item *it = &r->items[i];
		gs_num d = gs_num_int(0), t;
		const gs_field *f = &row->f[it->col];
		if (f->n && (gs_num_parse(f->p, f->n, &d) || d.num < 0)) {
			gs_reason_printf(&r->err, "field '%s': '%.*s' is not a deduction (a number of 0 or more)",
			                 it->field, (int)f->n, f->p);
			return -1;
		}
		/* an empty deduction is none; 减完为止: an item never goes below 0 */
		if (gs_num_cmp(d, it->cap) > 0)
			d = it->cap;
		if (gs_num_sub(it->points, d, &t) || gs_num_cmp(t, gs_num_int(0)) < 0)
			t = gs_num_int(0);
		if (gs_num_add(*sheet, t, sheet)) {
			gs_reason_say(&r->err, N_("score out of range"));
			return -1;
		}
	}
	return 0;
}

/* A row --where leaves out: kept, after the ranked rows, rank empty. */
static void keep_unranked(struct rank *r, const gs_writer *wr, const gs_row *row, size_t nnames, int vetoed)
{
	if (r->nunr == r->capunr) {
		r->capunr = r->capunr ? 2 * r->capunr : 64;
		r->unr = gs_xrealloc(r->unr, r->capunr * sizeof *r->unr);
	}
	gs_buf_clear(&r->enc);
	gs_writer_encode(wr, 0, row->f, nnames, &r->enc);
	r->unr[r->nunr].enc = gs_arena_add(&r->data, r->enc.p, r->enc.len);
	r->unr[r->nunr].enc_len = (unsigned)r->enc.len;
	r->unr[r->nunr++].vetoed = (unsigned char)vetoed;
}

static void grow_rows(struct rank *r)
{
	size_t cap = r->caprows = r->caprows ? 2 * r->caprows : 4096;
	r->rows = gs_xrealloc(r->rows, cap * sizeof *r->rows);
	for (size_t k = 0; k < r->nkeys; k++) {
		r->kv[k].text = gs_xrealloc(r->kv[k].text, cap * sizeof *r->kv[k].text);
		r->kv[k].tlen = gs_xrealloc(r->kv[k].tlen, cap * sizeof *r->kv[k].tlen);
	}
	if (r->score_kind)
		r->score = gs_xrealloc(r->score, cap * sizeof *r->score);
	for (size_t i = 0; i < r->nw; i++) {
		r->wv[i] = gs_xrealloc(r->wv[i], cap * sizeof *r->wv[i]);
		r->wna[i] = gs_xrealloc(r->wna[i], cap);
		r->wl[i] = gs_xrealloc(r->wl[i], cap * sizeof *r->wl[i]);
	}
}

/* A row to rank, from FILE: encoded once for output, its keys' and
 * weighted fields' values kept apart, its group numbered. */
static void add_row(struct rank *r, const char *file, const gs_writer *wr, const gs_row *row, size_t nnames,
                    int vetoed, gs_num sheet)
{
	if (r->nrows == r->caprows)
		grow_rows(r);
	size_t ri = r->nrows;
	struct row *rw = &r->rows[ri];
	memset(rw, 0, sizeof *rw);
	rw->line = row->line;
	if (!r->last_file || strcmp(r->last_file, file))
		r->last_file = gs_arena_add(&r->data, file, strlen(file) + 1);
	rw->file = r->last_file;
	rw->vetoed = (unsigned char)vetoed;
	gs_buf_clear(&r->enc);
	gs_writer_encode(wr, 0, row->f, nnames, &r->enc);
	rw->enc = gs_arena_add(&r->data, r->enc.p, r->enc.len);
	rw->enc_len = (unsigned)r->enc.len;
	for (size_t k = 0; k < r->nkeys; k++) {
		if (r->keys[k].col < 0)
			continue;
		const gs_field *f = &row->f[r->keys[k].col];
		r->kv[k].text[ri] = gs_arena_add(&r->data, f->p, f->n);
		r->kv[k].tlen[ri] = f->n ? f->n : (size_t)-1;
	}
	if (r->score_kind)
		r->score[ri] = sheet;
	for (size_t i = 0; i < r->nw; i++) {
		const gs_field *f = &row->f[r->w[i].col];
		r->wna[i][ri] = !f->n;
		if (f->n && gs_num_parse(f->p, f->n, &r->wv[i][ri]))
			r->wna[i][ri] = 2;
		r->wl[i][ri] = f->n ? ld_of(f->p, f->n) : 0;
	}
	gs_buf_clear(&r->gkey);
	for (size_t i = 0; i < r->nby; i++) {
		gs_buf_printf(&r->gkey, "%zu:", row->f[r->bycol[i]].n);
		gs_buf_add(&r->gkey, row->f[r->bycol[i]].p, row->f[r->bycol[i]].n);
	}
	void *g = gs_hash_get(r->groups, r->gkey.p ? r->gkey.p : "", r->gkey.len);
	if (!g) {
		g = (void *)(gs_hash_count(r->groups) + 1);
		gs_hash_put(r->groups, r->gkey.p ? r->gkey.p : "", r->gkey.len, g);
	}
	rw->group = (unsigned)(size_t)g;
	r->nrows++;
}

/* Read every row of ST: ranked, unranked (--where) or rejected. */
static void read_rows(struct rank *r, gs_stream *st, const gs_writer *wr, gs_rejects *rj, size_t nnames)
{
	r->groups = gs_hash_new();
	r->kv = gs_xcalloc(r->nkeys + 1, sizeof *r->kv);
	r->wv = gs_xcalloc(r->nw + 1, sizeof *r->wv);
	r->wna = gs_xcalloc(r->nw + 1, sizeof *r->wna);
	r->wl = gs_xcalloc(r->nw + 1, sizeof *r->wl);
	for (;;) {
		gs_row row;
		int k = gs_stream_next(st, &row);
		if (k == GS_REC_EOF)
			break;
		r->nread++;
		if (k == GS_REC_BAD) {
			gs_rejects_row(rj, &row, NULL);
			continue;
		}
		gs_reason_clear(&r->err);
		int vetoed = 0;
		if (r->veto) {
			vetoed = gs_expr_test(r->veto, row.f, &r->err);
			if (vetoed < 0) {
				gs_rejects_row(rj, &row, &r->err);
				continue;
			}
		}
		if (r->where) {
			int in = gs_expr_test(r->where, row.f, &r->err);
			if (in < 0) {
				gs_rejects_row(rj, &row, &r->err);
				continue;
			}
			if (!in) {
				keep_unranked(r, wr, &row, nnames, vetoed);
				continue;
			}
		}
		gs_num sheet;
		if (row_numbers(r, &row, &sheet) < 0) {
			gs_rejects_row(rj, &row, &r->err);
			continue;
		}
		add_row(r, gs_stream_file(st), wr, &row, nnames, vetoed, sheet);
	}
	gs_buf_free(&r->gkey);
	gs_hash_free(r->groups);
	r->groups = NULL;
}

/* ---- typing the keys ---- */

/* Key K's values, parsed once. A key whose values are all plain decimals
 * that fit 64 bits at the column's largest scale compares as integers;
 * else a key mostly of numbers compares them exactly (as fractions when
 * every one fits gs_num, else as digits) and ranks its few other values
 * (n/a, 待核实) after the numbers, each named; else it is text, and
 * said to be when some of its values are numbers. */
static void type_key(struct rank *r, size_t k)
{
	struct kvals *v = &r->kv[k];
	long long *iv = gs_xmalloc((r->nrows + 1) * sizeof *iv);
	unsigned char *sc = gs_xmalloc(r->nrows + 1);
	int maxscale = 0, quick = 1;
	for (size_t i = 0; i < r->nrows && quick; i++) {
		int s2;
		if (v->tlen[i] == (size_t)-1)
			continue;
		if (quick_decimal(v->text[i], v->tlen[i], &iv[i], &s2))
			quick = 0;
		else {
			sc[i] = (unsigned char)s2;
			if (s2 > maxscale)
				maxscale = s2;
		}
	}
	for (size_t i = 0; i < r->nrows && quick; i++) {
		if (v->tlen[i] == (size_t)-1)
			continue;
		for (int s2 = sc[i]; s2 < maxscale && quick; s2++)
			quick = !__builtin_mul_overflow(iv[i], 10LL, &iv[i]);
	}
	free(sc);
	if (quick) {
		v->kind = KV_INT;
		v->iv = iv;
		return;
	}
	free(iv);
	unsigned char *nan = gs_xmalloc(r->nrows + 1);
	size_t nnum = 0, nnot = 0;
	for (size_t i = 0; i < r->nrows; i++) {
		nan[i] = v->tlen[i] != (size_t)-1 && !gs_numtext_valid(v->text[i], v->tlen[i]);
		if (v->tlen[i] != (size_t)-1)
			nan[i] ? nnot++ : nnum++;
	}
	if (nnum <= nnot) {
		/* one rule for the column keeps the order total; a column with
		 * numbers ranked as text puts 100 after 95, so it is said */
		for (size_t i = 0; i < r->nrows && nnum; i++)
			if (nan[i]) {
				gs_msg(r->rows[i].file, r->rows[i].line,
				       "field '%s': ranked as text, byte by byte: %zu of %zu values are not numbers, "
				       "such as '%.*s' here (a key ranks as numbers when most of its values are)",
				       r->keys[k].field, nnot, nnot + nnum, (int)(v->tlen[i] > 64 ? 64 : v->tlen[i]),
				       v->text[i]);
				break;
			}
		free(nan);
		return;
	}
	gs_num *nv = gs_xmalloc((r->nrows + 1) * sizeof *nv);
	v->kind = KV_NUM;
	for (size_t i = 0; i < r->nrows && v->kind == KV_NUM; i++)
		if (v->tlen[i] != (size_t)-1 && !nan[i] && gs_num_parse(v->text[i], v->tlen[i], &nv[i]))
			v->kind = KV_DIGITS;
	if (v->kind == KV_NUM)
		v->nv = nv;
	else
		free(nv);
	v->nan = nan;
	for (size_t i = 0; i < r->nrows; i++)
		if (nan[i])
			gs_msg(r->rows[i].file, r->rows[i].line,
			       "field '%s': '%.*s' is not a number; ranked after the numbers",
			       r->keys[k].field, (int)(v->tlen[i] > 64 ? 64 : v->tlen[i]), v->text[i]);
}

static void type_keys(struct rank *r)
{
	for (size_t k = 0; k < r->nkeys; k++)
		if (r->keys[k].col >= 0)
			type_key(r, k);
}

/* ---- scoring ---- */

/* Weighted scores, normalised over every row: exact while the values
 * and every step fit gs_num, else in long double (as z-scores are). */
static void score_rows(struct rank *r)
{
	if (r->nw) {
		int exact = r->score_kind == SCORE_EXACT;
		for (size_t i = 0; i < r->nw && exact; i++)
			for (size_t j = 0; j < r->nrows && exact; j++)
				exact = r->wna[i][j] != 2;
		for (size_t j = 0; j < r->nrows; j++)
			r->score[j] = gs_num_int(0);
		for (size_t i = 0; i < r->nw && exact; i++)
			exact = exact_scores(r, r->norm, r->wv[i], r->wna[i], r->w[i].w);
		if (!exact) {
			if (r->score_kind == SCORE_EXACT)
				gs_msg(NULL, 0, "--weight: values or scores beyond exact arithmetic (about 1.7e38 in "
				       "units of the last decimal); the score is computed in long double");
			r->score_kind = SCORE_APPROX;
			r->zscore = gs_xcalloc(r->nrows + 1, sizeof *r->zscore);
			for (size_t i = 0; i < r->nw; i++)
				approx_scores(r, r->norm, r->wl[i], r->wna[i], r->w[i].lw);
		}
		for (size_t i = 0; i < r->nw; i++) {
			free(r->wv[i]);
			free(r->wna[i]);
			free(r->wl[i]);
		}
	}
	free(r->wl);
	free(r->wv);
	free(r->wna);
	r->wl = NULL;
	r->wv = NULL;
	r->wna = NULL;
}

/* ---- sorting and ranking ---- */

/* r->order: the rows by group, veto and keys, ties in input order. */
static void sort_rows(struct rank *r)
{
	unsigned *order = r->order = gs_xmalloc((r->nrows + 1) * sizeof *order);
	unsigned *tmp = gs_xmalloc((r->nrows + 1) * sizeof *tmp);
	if (r->nkeys == 1 && r->keys[0].col >= 0 && r->kv[0].kind == KV_INT) {
		/* the common case, one numeric key: sort compact records */
		struct rec *rec = gs_xmalloc((r->nrows + 1) * sizeof *rec);
		struct rec *rtmp = gs_xmalloc((r->nrows + 1) * sizeof *rtmp);
		for (size_t i = 0; i < r->nrows; i++) {
			const struct row *rw = &r->rows[i];
			int na = r->kv[0].tlen[i] == (size_t)-1;
			long long x = na ? 0 : r->kv[0].iv[i];
			rec[i].hi = (unsigned long long)rw->group << 2 | (unsigned long long)rw->vetoed << 1 | (unsigned)na;
			/* ascending order of key: flip for desc; biased to unsigned */
			if (r->keys[0].desc)
				x = x == LLONG_MIN ? LLONG_MAX : -x;
			rec[i].key = (unsigned long long)x ^ (1ULL << 63);
			rec[i].idx = (unsigned)i;
			rtmp[i] = rec[i];
		}
		rec_sort(rtmp, rec, r->nrows);
		for (size_t i = 0; i < r->nrows; i++)
			order[i] = rec[i].idx;
		free(rec);
		free(rtmp);
	} else {
		for (size_t i = 0; i < r->nrows; i++)
			order[i] = tmp[i] = (unsigned)i;
		merge_sort(tmp, order, r->nrows);
	}
	free(tmp);
}

/* Each row's rank within its group, by --method. */
static void assign_ranks(struct rank *r)
{
	const unsigned *order = r->order;
	for (size_t i = 0; i < r->nrows;) {
		size_t g0 = i, g1 = i;    /* one group */
		while (g1 < r->nrows && r->rows[order[g1]].group == r->rows[order[g0]].group)
			g1++;
		long dense = 0;
		for (size_t t0 = g0; t0 < g1;) {
			size_t t1 = t0 + 1;
			while (t1 < g1 && cmp_keys(order[t0], order[t1]) == 0)
				t1++;
			dense++;
			for (size_t k = t0; k < t1; k++) {
				double rk;
				switch (r->method) {
				case M_COMPETITION: rk = (double)(t0 - g0 + 1); break;
				case M_DENSE: rk = (double)dense; break;
				case M_ORDINAL: rk = (double)(k - g0 + 1); break;
				default: rk = ((double)(t0 - g0 + 1) + (double)(t1 - g0)) / 2; break;
				}
				r->rows[order[k]].rank = rk;
			}
			t0 = t1;
		}
		i = g1;
	}
}

/* ---- writing ---- */

/* The ranked rows in order (those within --top), then the unranked. */
static void write_rows(struct rank *r, const struct gengetopt_args_info *a, gs_writer *wr, size_t nnames)
{
	gs_field extra[3];
	gs_buf vb = {0};
	for (size_t i = 0; i < r->nrows; i++) {
		unsigned ri = r->order[i];
		struct row *rw = &r->rows[ri];
		if (a->top_given && rw->rank > (double)a->top_arg) {
			r->ncut++;
			continue;
		}
		gs_buf_clear(&vb);
		size_t ne = 0, offs[3];
		if (r->score_kind) {
			offs[ne] = vb.len;
			if (!rw->score_na) {
				if (r->score_kind == SCORE_APPROX)
					gs_buf_printf(&vb, "%.*Lf", a->decimals_arg, r->zscore[ri]);
				else if (r->score_kind == SCORE_SHEET)
					gs_num_format(&vb, r->score[ri], a->decimals_arg);
				else if (a->decimals_given)   /* rounded for reading, when asked */
					gs_num_format_round(&vb, r->score[ri], a->decimals_arg);
				else   /* exact enough for report's targets (govstat(7)) */
					gs_num_format_exact(&vb, r->score[ri], a->decimals_arg);
			}
			extra[ne++] = (gs_field){rw->score_na ? NULL : "", 0};
		}
		if (r->veto) {
			offs[ne] = vb.len;
			gs_buf_addc(&vb, rw->vetoed ? '1' : '0');
			extra[ne++] = (gs_field){"", 0};
		}
		offs[ne] = vb.len;
		put_rank(&vb, rw->rank);
		extra[ne++] = (gs_field){"", 0};
		for (size_t e = 0; e < ne; e++) {
			size_t end = e + 1 < ne ? offs[e + 1] : vb.len;
			if (extra[e].p)
				extra[e] = (gs_field){vb.p + offs[e], end - offs[e]};
		}
		gs_writer_row_encoded(wr, rw->enc, rw->enc_len, nnames, extra, ne);
		r->nwritten++;
	}
	for (size_t i = 0; i < r->nunr; i++) {
		size_t ne = 0;
		if (r->score_kind)
			extra[ne++] = (gs_field){NULL, 0};
		if (r->veto)
			extra[ne++] = (gs_field){r->unr[i].vetoed ? "1" : "0", 1};
		extra[ne++] = (gs_field){NULL, 0};
		gs_writer_row_encoded(wr, r->unr[i].enc, r->unr[i].enc_len, nnames, extra, ne);
		r->nwritten++;
	}
	gs_buf_free(&vb);
}

static void rank_free(struct rank *r)
{
	for (size_t k = 0; k < r->nkeys; k++) {
		if (r->kv) {
			free(r->kv[k].iv);
			free(r->kv[k].nan);
			free(r->kv[k].nv);
			free(r->kv[k].text);
			free(r->kv[k].tlen);
		}
		free(r->keys[k].field);
	}
	free(r->kv);
	free(r->keys);
	free(r->rows);
	free(r->score);
	free(r->zscore);
	free(r->order);
	gs_arena_free(&r->data);
	gs_buf_free(&r->enc);
	for (size_t i = 0; i < r->nw; i++)
		free(r->w[i].field);
	free(r->w);
	for (size_t i = 0; i < r->nitems; i++) {
		free(r->items[i].name);
		free(r->items[i].field);
	}
	free(r->items);
	for (size_t i = 0; i < r->nby; i++)
		free(r->by[i]);
	free(r->by);
	free(r->bycol);
	gs_expr_free(r->veto);
	gs_expr_free(r->where);
	free(r->unr);
	gs_reason_free(&r->err);
}

int main(int argc, char **argv)
{
	struct gengetopt_args_info a;
	gs_cli cli;
	GS_CLI_START(cli, a, "rank", argc, argv);
	{
		const char *side[] = {a.score_sheet_given ? a.score_sheet_arg : NULL};
		gs_cli_outputs(&cli, side, sizeof side / sizeof *side, NULL, 0);
	}

	int in_format = cli.in_format;
	int out_format = cli.out_format;
	struct rank r = {0};
	R = &r;
	parse_choices(&a, &r.method, &r.norm);
	if (a.decimals_arg < 0 || a.decimals_arg > 30)
		gs_usage_error("--decimals: give a number from 0 to 30");
	if (a.top_given && a.top_arg < 1)
		gs_usage_error("--top: give a number of 1 or more");
	if (a.weight_given && a.score_sheet_given)
		gs_usage_error("--weight and --score-sheet are two ways to score; give one");
	if (!a.key_given && !a.weight_given && !a.score_sheet_given)
		gs_usage_error("give --key, --weight or --score-sheet");
	parse_scoring(&r, &a);
	parse_filters(&r, &a);

	gs_stream_opts so = {0};
	so.format = in_format;
	so.hash = gs_manifest_on();
	gs_stream *st = gs_stream_open(a.inputs, a.inputs_num, &so);
	const gs_field *names;
	size_t nnames;
	if (gs_stream_header(st, &names, &nnames) < 0)
		exit(gs_close_stdout(gs_stream_status(st) ? gs_stream_status(st) : GS_IO));
	if (out_format < 0)
		out_format = gs_stream_format(st);
	bind_columns(&r, &a, names, nnames);
	gs_writer *wr = gs_writer_new(stdout, out_format);
	gs_cli_output_encoding(&cli, wr, out_format, "-o");
	write_header(&r, a.name_arg, wr, names, nnames);

	gs_rejects *rj = gs_rejects_open(a.rejects_given ? a.rejects_arg : NULL, out_format);
	gs_rejects_stream(rj, st);
	gs_rejects_header(rj, names, nnames, 1);
	read_rows(&r, st, wr, rj, nnames);
	int status = gs_stream_status(st);
	long ndropped = gs_stream_empty_rows(st);
	r.nread += ndropped;
	type_keys(&r);
	score_rows(&r);
	sort_rows(&r);
	assign_ranks(&r);
	write_rows(&r, &a, wr, nnames);

	gs_manifest_stream(st, "input");
	if (a.score_sheet_given)
		gs_manifest_file(a.score_sheet_arg, "score sheet");
	gs_manifest_output(wr);
	gs_writer_free(wr);
	long nrej = gs_rejects_count(rj);
	if (nrej && status < GS_REJECT)
		status = GS_REJECT;
	if (nrej || a.verbose_given) {
		/* --where and --top are named only when given, as tally's line does */
		gs_buf sum = {0};
		gs_buf_printf(&sum, _("%ld rows read, %ld written"), r.nread, r.nwritten);
		if (r.where)
			gs_buf_printf(&sum, _(" (%zu not ranked: --where)"), r.nunr);
		if (a.top_given)
			gs_buf_printf(&sum, _(", %ld below --top"), r.ncut);
		gs_buf_printf(&sum, _(", %ld rejected"), nrej);
		gs_buf_adds(&sum, gs_dropped_note(ndropped));
		gs_msg(NULL, 0, "%s", sum.p);
		gs_buf_free(&sum);
	}
	int rs = gs_rejects_close(rj);
	if (rs > status)
		status = rs;
	status = gs_manifest_end(status);
	rank_free(&r);
	gs_stream_close(st);
	cmdline_parser_free(&a);
	return gs_close_stdout(status);
}
