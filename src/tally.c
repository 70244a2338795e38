/* tally: group, count and compute exact sums, means and ratios.
 *
 * Rows are folded into one state per group as they stream by (memory
 * grows with groups, not rows). At the end the universe adds the groups
 * no row reached, rollups merge leaf states into subtotals (from the
 * exact states, never from rounded figures), and the groups are sorted
 * and printed. --partial prints the states instead; --merge reads them
 * back, so that tallying shards and merging gives the single-pass result.
 * Expressions are lib/expr, aggregates and their states lib/agg. */
/* sched_getaffinity and CPU_COUNT */
#define _GNU_SOURCE
#include <cjson/cJSON.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agg.h"
#include "buf.h"
#include "catalogue.h"
#include "cli.h"
#include "dates.h"
#include "diag.h"
#include "i18n.h"
#include "manifest.h"
#include "expr.h"
#include "hash.h"
#include "i18n.h"
#include "input.h"
#include "keyset.h"
#include "lines.h"
#include "rejects.h"
#include "sha256.h"
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
	size_t recent[64];       /* groups + 1 by a print of their keys */

	/* the universe: non-period keys in the register's order */
	gs_hash *uni;            /* encoded key -> order + 1 */
	gs_hash *uniprefix;      /* encoded prefix -> first order + 1 */
	gs_buf unikeys;          /* encoded keys, one after another */
	size_t *unioff, nuni;
	const char *uni_path;
	char **bare;             /* --level village: the register's townships */
	size_t nbare;            /*   without a village, for --rollup's rows */

	int speculative;         /* a piece's state (see fold_split): a conflict */
	int failed;              /*   sets failed instead of ending the tool */
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
static int same_key(const struct group *g, const gs_field *key, size_t n, int rolled)
{
	if (g->rolled != rolled)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (g->key[i].n != key[i].n || (key[i].n && memcmp(g->key[i].p, key[i].p, key[i].n)))
			return 0;
	return 1;
}

/* A print of KEY[0..N) and ROLLED from each value's length and its first
 * and last four bytes: less than a hash, enough to tell a county's
 * townships or villages apart. */
static uint64_t key_print(const gs_field *key, size_t n, int rolled)
{
	uint64_t h = (uint64_t)rolled << 56 | n;
	for (size_t i = 0; i < n; i++) {
		const char *p = key[i].p;
		size_t m = key[i].n;
		uint32_t a = 0, b = 0;
		if (m >= 4) {
			memcpy(&a, p, 4);
			memcpy(&b, p + m - 4, 4);
		} else {
			for (size_t j = 0; j < m; j++)
				a = a << 8 | (unsigned char)p[j];
		}
		h = (h ^ m ^ a ^ (uint64_t)b << 32) * 0x9E3779B97F4A7C15u;
	}
	return h;
}

/* Most rows fall in one of a few dozen groups: a small table of recent
 * groups by key_print, each hit checked value by value, spares most rows
 * the key's encoding and the hash. The index is the truth; the check
 * against ngroups keeps a copied or emptied state from reading past its
 * groups. */
static size_t find_group(struct tally *t, const gs_field *key, int rolled)
{
	size_t n = t->nkey - (size_t)rolled;
	size_t *slot = &t->recent[key_print(key, n, rolled) >> 58];
	if (*slot && *slot <= t->ngroups && same_key(&t->groups[*slot - 1], key, n, rolled))
		return *slot - 1;
	encode(&t->scratch, key, n);
	gs_buf_addc(&t->scratch, (char)rolled);
	void *v = gs_hash_get(t->index, t->scratch.p, t->scratch.len);
	if (v) {
		*slot = (size_t)v;
		return (size_t)v - 1;
	}
	gs_hash_put(t->index, t->scratch.p, t->scratch.len, (void *)(t->ngroups + 1));
	add_group(t, key, rolled);
	*slot = t->ngroups;
	return t->ngroups - 1;
}

/* ---- options ---- */

static void add_agg(struct tally *t, const char *name, const char *src, const char *where,
                    int decimals, const char *what)
{
	gs_reason err = {0};
	if (gs_aggset_add(&t->aggs, name, src, where, decimals, &err) < 0)
		gs_usage_error("%s '%s': %s", what, src, gs_reason_shown(&err));
	gs_reason_free(&err);
}

/* ---- the universe ---- */

/* Add the unit KEY (nby values) to the universe, once. */
static void uni_add(struct tally *t, const gs_field *key, gs_buf *enc)
{
	encode(enc, key, t->nby);
	if (gs_hash_get(t->uni, enc->p, enc->len))
		return;    /* a unit listed twice counts once */
	gs_hash_put(t->uni, enc->p, enc->len, (void *)(t->nuni + 1));
	t->unioff = gs_xrealloc(t->unioff, (t->nuni + 2) * sizeof *t->unioff);
	t->unioff[t->nuni] = t->unikeys.len;
	gs_buf_add(&t->unikeys, enc->p, enc->len);
	t->unioff[t->nuni + 1] = t->unikeys.len;
	for (size_t j = 1; j <= t->nby; j++) {
		encode(enc, key, j);
		if (!gs_hash_get(t->uniprefix, enc->p, enc->len))
			gs_hash_put(t->uniprefix, enc->p, enc->len, (void *)(t->nuni + 1));
	}
	t->nuni++;
}

/* The universe: the units in the file PATH's columns of the --by fields,
 * in its order. */
static void load_universe(struct tally *t, const char *path, const gs_stream_opts *so0)
{
	gs_keyset *ks = gs_keyset_open(path, so0, (const char *const *)t->by, t->nby);
	long miss = gs_keyset_missing(ks);
	if (miss >= 0)
		gs_die(GS_IO, path, 0, "the universe has no column '%s'", t->by[miss]);
	t->uni = gs_hash_new();
	t->uniprefix = gs_hash_new();
	t->uni_path = path;
	gs_buf enc = {0};
	const gs_field *key;
	while (gs_keyset_next(ks, &key, NULL))
		uni_add(t, key, &enc);
	gs_buf_free(&enc);
	gs_keyset_close(ks);
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

/* 1 when KEY (nby values, no period) is a unit of T's universe; ENC is
 * scratch. */
static int in_universe(const struct tally *t, const gs_field *key, gs_buf *enc)
{
	encode(enc, key, t->nby);
	return gs_hash_get(t->uni, enc->p, enc->len) != NULL;
}

/* Why KEY (nby values) is refused, appended to ERR: the one wording for a
 * row read and a group merged. */
static void outside_why(const struct tally *t, const gs_field *key, gs_reason *err)
{
	gs_reason_printf(err, "not in the universe %s:", t->uni_path);
	for (size_t i = 0; i < t->nby; i++) {
		gs_reason_add(err, " ", 1);
		gs_reason_add(err, t->by[i], strlen(t->by[i]));
		gs_reason_add(err, " '", 2);
		gs_reason_add(err, key[i].p, key[i].n);
		gs_reason_add(err, "'", 1);
	}
}

/* ---- the unit register ---- */

/* The register in its shipped shape: code, name, level, parent and
 * township (other columns ignored), in its order. A unit's township is
 * its township column; when that is empty, its own name on a township
 * row, else its parent's township (registers leave the column empty on
 * township rows, and sometimes below them). */
struct reg {
	size_t n;
	char **code, **name, **level, **parent, **town;
	long *line;
	const char *path;
};

static char *field_dup(const gs_field *f)
{
	return gs_xstrndup(f->p ? f->p : "", f->n);
}

static void load_register(struct reg *g, const char *path, const gs_stream_opts *so0)
{
	static const char *const want[] = {"code", "name", "level", "parent", "township"};
	gs_keyset *ks = gs_keyset_open(path, so0, want, 5);
	long miss = gs_keyset_missing(ks);
	if (miss >= 0 && miss < 4)   /* township may be absent */
		gs_die(GS_IO, path, 0, "a unit register needs the columns code, name, level and "
		       "parent (and township); it has no '%s'", want[miss]);
	memset(g, 0, sizeof *g);
	g->path = path;
	const gs_field *f;
	long line;
	size_t cap = 0;
	while (gs_keyset_next(ks, &f, &line)) {
		if (g->n == cap) {
			cap = cap ? 2 * cap : 64;
			char ***v[] = {&g->code, &g->name, &g->level, &g->parent, &g->town};
			for (size_t i = 0; i < 5; i++)
				*v[i] = gs_xrealloc(*v[i], cap * sizeof **v[i]);
			g->line = gs_xrealloc(g->line, cap * sizeof *g->line);
		}
		g->code[g->n] = field_dup(&f[0]);
		g->name[g->n] = field_dup(&f[1]);
		g->level[g->n] = field_dup(&f[2]);
		g->parent[g->n] = field_dup(&f[3]);
		g->town[g->n] = field_dup(&f[4]);   /* "" when the column is absent */
		g->line[g->n] = line;
		g->n++;
	}
	gs_manifest_stream(gs_keyset_stream(ks), "universe");
	gs_keyset_close(ks);
	/* townships from parents, up the register (a few levels at most) */
	gs_hash *bycode = gs_hash_new();
	for (size_t i = 0; i < g->n; i++)
		if (!gs_hash_get(bycode, g->code[i], strlen(g->code[i])))
			gs_hash_put(bycode, g->code[i], strlen(g->code[i]), (void *)(i + 1));
	for (size_t i = 0; i < g->n; i++) {
		if (*g->town[i] || !strcmp(g->level[i], "county"))
			continue;
		if (!strcmp(g->level[i], "township")) {
			free(g->town[i]);
			g->town[i] = gs_xstrndup(g->name[i], strlen(g->name[i]));
			continue;
		}
		size_t u = i;
		const char *found = NULL;
		for (int depth = 0; depth < 8 && !found; depth++) {
			size_t pu = (size_t)gs_hash_get(bycode, g->parent[u], strlen(g->parent[u]));
			if (!pu)
				break;
			u = pu - 1;
			if (*g->town[u])
				found = g->town[u];
			else if (!strcmp(g->level[u], "township"))
				found = g->name[u];
		}
		if (found) {
			free(g->town[i]);
			g->town[i] = gs_xstrndup(found, strlen(found));
		}
		if (!*g->town[i])
			gs_die(GS_IO, path, g->line[i], "unit %s (%s): its township is empty and its parent "
			       "'%s' leads to no township row", g->code[i], g->name[i], g->parent[i]);
	}
	gs_hash_free(bycode);
}

static int is_level(const char *have, const char *level)
{
	if (!strcmp(level, "village"))
		return !strcmp(have, "village") || !strcmp(have, "community");
	return !strcmp(have, level);
}

/* The universe of LEVEL's units: key township, or township and village.
 * For village, the townships rank in the register's order (their first
 * row, township or village), and those with no village are kept in
 * t->bare: a village table's rollup still has a row for each, as a
 * township table has. */
static void universe_from_register(struct tally *t, const struct reg *g, const char *level)
{
	t->uni = gs_hash_new();
	t->uniprefix = gs_hash_new();
	t->uni_path = g->path;
	gs_buf enc = {0};
	int village = !strcmp(level, "village");
	gs_hash *hasvillage = gs_hash_new();
	size_t ntown = 0;
	for (size_t i = 0; village && i < g->n; i++) {
		if (!is_level(g->level[i], "township") && !is_level(g->level[i], "village"))
			continue;
		gs_field town = {g->town[i], strlen(g->town[i])};
		encode(&enc, &town, 1);
		if (!gs_hash_get(t->uniprefix, enc.p, enc.len))
			gs_hash_put(t->uniprefix, enc.p, enc.len, (void *)++ntown);
		if (is_level(g->level[i], "village"))
			gs_hash_put(hasvillage, enc.p, enc.len, (void *)1);
	}
	for (size_t i = 0; i < g->n; i++) {
		if (!is_level(g->level[i], level))
			continue;
		gs_field key[2] = {{g->town[i], strlen(g->town[i])}, {g->name[i], strlen(g->name[i])}};
		uni_add(t, key, &enc);
	}
	for (size_t i = 0; village && i < g->n; i++) {
		if (!is_level(g->level[i], "township"))
			continue;
		gs_field town = {g->town[i], strlen(g->town[i])};
		encode(&enc, &town, 1);
		if (gs_hash_get(hasvillage, enc.p, enc.len))
			continue;
		gs_hash_put(hasvillage, enc.p, enc.len, (void *)1);   /* listed twice, kept once */
		t->bare = gs_xrealloc(t->bare, (t->nbare + 1) * sizeof *t->bare);
		t->bare[t->nbare++] = gs_xstrndup(town.p, town.n);
	}
	gs_hash_free(hasvillage);
	gs_buf_free(&enc);
}

static void free_register(struct reg *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->code[i]); free(g->name[i]); free(g->level[i]); free(g->parent[i]); free(g->town[i]);
	}
	free(g->code); free(g->name); free(g->level); free(g->parent); free(g->town); free(g->line);
}

/* ---- sorting ---- */

static const struct tally *sort_t;

/* The output order of two groups of sort_t, key column by key column: a
 * rolled-up value after every value of its column; a key of the universe
 * by its rank there (the register's order); otherwise by bytes. Two groups compare equal only
 * when they are the same key. */
static int cmp_groups(const void *pa, const void *pb)
{
	const struct group *a = *(struct group *const *)pa, *b = *(struct group *const *)pb;
	const struct tally *t = sort_t;
	size_t off = t->nkey - t->nby;    /* the period column comes first */
	for (size_t i = 0; i < t->nkey; i++) {
		int ra = i >= t->nkey - (size_t)a->rolled, rb = i >= t->nkey - (size_t)b->rolled;
		if (ra || rb)
			return ra - rb;
		int c = 0;
		if (t->uni && i >= off) {
			long x = a->rank[i - off], y = b->rank[i - off];
			c = (x > y) - (x < y);
		}
		/* without a universe, byte order: qsort must not be left to
		 * order what compares equal */
		if (!c) {
			size_t n = a->key[i].n < b->key[i].n ? a->key[i].n : b->key[i].n;
			c = n ? memcmp(a->key[i].p, b->key[i].p, n) : 0;
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

/* What a partial stream covers and was made from. An input's identity is
 * the SHA-256 of its bytes; a merged partial covers the union of what its
 * partials covered, so an input is never counted twice however deep the
 * merging goes. */
struct prov {
	cJSON *first;            /* the first partial header read (--merge) */
	gs_hash *seen;           /* identity -> index + 1 in origin */
	char **ids;              /* the identities covered */
	size_t nids;
	char **origin;           /* where each identity came from, for messages */
	gs_buf from;             /* the items of the header's "from" */
	size_t nfrom;
};

static int cmp_id(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Record identity ID (from ORIGIN). Returns NULL, or where ID was already
 * seen. */
static const char *prov_cover(struct prov *pv, const char *id, const char *origin)
{
	if (!pv->seen)
		pv->seen = gs_hash_new();
	void *v = gs_hash_get(pv->seen, id, strlen(id));
	if (v)
		return pv->origin[(size_t)v - 1];
	pv->ids = gs_xrealloc(pv->ids, (pv->nids + 1) * sizeof *pv->ids);
	pv->origin = gs_xrealloc(pv->origin, (pv->nids + 1) * sizeof *pv->origin);
	pv->ids[pv->nids] = gs_xstrndup(id, strlen(id));
	pv->origin[pv->nids] = gs_xstrndup(origin, strlen(origin));
	gs_hash_put(pv->seen, id, strlen(id), (void *)(++pv->nids));
	return NULL;
}

static void prov_from(struct prov *pv, const char *role, const char *name, const char *sha,
                      unsigned long long bytes, long rows)
{
	gs_buf *b = &pv->from;
	gs_buf_adds(b, pv->nfrom++ ? ",{\"role\":" : "{\"role\":");
	gs_json_string(b, role, strlen(role));
	gs_buf_adds(b, ",\"name\":");
	gs_json_string(b, name, strlen(name));
	gs_buf_adds(b, ",\"sha256\":");
	gs_json_string(b, sha, strlen(sha));
	gs_buf_printf(b, ",\"bytes\":%llu,\"rows\":%ld}", bytes, rows);
}

/* The files stream ST read, each one input covered (but one without data
 * rows, which counts nothing). Returns 0, or -1 when two inputs have the
 * same bytes (reported): a partial covers each input once. */
static int prov_stream(struct prov *pv, const gs_stream *st)
{
	size_t n;
	int ret = 0;
	const gs_file_stat *fs = gs_stream_files(st, &n);
	for (size_t i = 0; i < n; i++) {
		const char *was = fs[i].rows ? prov_cover(pv, fs[i].sha256, fs[i].name) : NULL;
		if (was) {
			gs_msg(fs[i].name, 0, "the same bytes as %s, already read: a partial stream "
			       "covers each input once", was);
			ret = -1;
		}
		prov_from(pv, "input", fs[i].name, fs[i].sha256, fs[i].bytes, fs[i].rows);
	}
	return ret;
}

static void prov_free(struct prov *pv)
{
	for (size_t i = 0; i < pv->nids; i++) {
		free(pv->ids[i]);
		free(pv->origin[i]);
	}
	free(pv->ids);
	free(pv->origin);
	gs_hash_free(pv->seen);
	gs_buf_free(&pv->from);
	cJSON_Delete(pv->first);
}

static void partial_header(const struct tally *t, struct prov *pv, gs_buf *b)
{
	static const char *pnames[] = {"day", "week", "month", "quarter", "year"};
	gs_buf_adds(b, "{\"govstat_partial\":2,\"by\":[");
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
	/* sorted: the same inputs give the same header in any order */
	char **ids = gs_xmalloc((pv->nids + 1) * sizeof *ids);
	if (pv->nids)
		memcpy(ids, pv->ids, pv->nids * sizeof *ids);
	qsort(ids, pv->nids, sizeof *ids, cmp_id);
	gs_buf_adds(b, "],\"covers\":[");
	for (size_t i = 0; i < pv->nids; i++) {
		if (i)
			gs_buf_addc(b, ',');
		gs_json_string(b, ids[i], strlen(ids[i]));
	}
	free(ids);
	gs_buf_adds(b, "],\"from\":[");
	if (pv->from.len)
		gs_buf_add(b, pv->from.p, pv->from.len);
	gs_buf_adds(b, "]}\n");
}

/* Set up T from the first partial header O; exits on a malformed column. */
static void merge_setup(struct tally *t, const cJSON *o, const char *name, long lineno)
{
	gs_reason err = {0};
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
			gs_msg(name, lineno, "column %s: %s", nm->valuestring, gs_reason_shown(&err));
			exit(GS_IO);
		}
	}
	gs_reason_free(&err);
}

/* 1 when partial headers A and B were made with the same options. */
static int same_options(const cJSON *a, const cJSON *b)
{
	static const char *keys[] = {"by", "period", "columns"};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (!cJSON_Compare(cJSON_GetObjectItemCaseSensitive(a, keys[i]),
		                   cJSON_GetObjectItemCaseSensitive(b, keys[i]), 1))
			return 0;
	return 1;
}

/* Take the identities partial header O covers, all or none. Returns 0, or
 * -1 when one is malformed or was covered already (reported). */
static int merge_covers(struct prov *pv, const cJSON *o, const char *name, long lineno)
{
	const cJSON *cov = cJSON_GetObjectItemCaseSensitive(o, "covers"), *e;
	if (!cJSON_IsArray(cov)) {
		gs_msg(name, lineno, "a partial stream's header has no \"covers\"");
		return -1;
	}
	gs_buf here = {0};
	gs_buf_printf(&here, "%s:%ld", name, lineno);
	gs_hash *mine = gs_hash_new();
	int ret = 0;
	cJSON_ArrayForEach(e, cov) {
		const char *id = cJSON_IsString(e) ? e->valuestring : NULL;
		size_t n = id ? strlen(id) : 0;
		if (n != 64 || strspn(id, "0123456789abcdef") != 64) {
			gs_msg(name, lineno, "a partial stream's \"covers\" holds something other than SHA-256 digests");
			ret = -1;
			break;
		}
		void *v = pv->seen ? gs_hash_get(pv->seen, id, n) : NULL;
		const char *was = v ? pv->origin[(size_t)v - 1] : gs_hash_get(mine, id, n) ? here.p : NULL;
		if (was) {
			gs_msg(name, lineno, "covers input %.16s…, already merged from %s: "
			       "merged again it would be counted twice", id, was);
			ret = -1;
			break;
		}
		gs_hash_put(mine, id, n, (void *)1);
	}
	/* checked first, so that a refused partial adds nothing */
	if (ret == 0)
		cJSON_ArrayForEach(e, cov)
			prov_cover(pv, e->valuestring, here.p);
	gs_hash_free(mine);
	gs_buf_free(&here);
	return ret;
}

/* What a --merge shares over its partial streams: --universe, and the
 * groups outside it, rejected as one pass rejects their rows. */
struct merge_run {
	const char *universe;    /* --universe, loaded with the first header */
	const char *rejects;     /* --rejects, or NULL: on stderr */
	int format;              /* of the rejects */
	gs_rejects *rj;          /* opened with the first header */
	long ngroups, nmerged;   /* group lines read, merged */
	long noutside;           /* outside the universe, counting nothing */
};

/* Where merge_file is in one partial stream. */
struct merging {
	const char *name;
	long line;
	int have_header;
	long ngroups;            /* group lines read */
	gs_field *key;
	gs_slot *tmp;            /* the states of the group line at hand */
	gs_reason err;
	gs_buf enc;
	struct merge_run *run;
};

/* Once the first header has set up T's keys: the universe, and the
 * rejects, whose rows are the keys of the groups refused and the partial
 * (_file) they came from, with its _line. */
static void merge_start(struct tally *t, struct merge_run *mr)
{
	if (mr->universe) {
		gs_stream_opts uso = {0};
		load_universe(t, mr->universe, &uso);
	}
	gs_field *names = gs_xmalloc((t->nkey + 2) * sizeof *names);
	size_t c = 0;
	if (t->period >= 0)
		names[c++] = (gs_field){"period", 6};
	for (size_t i = 0; i < t->nby; i++)
		names[c++] = (gs_field){t->by[i], strlen(t->by[i])};
	names[c++] = (gs_field){"_file", 5};
	mr->rj = gs_rejects_open(mr->rejects, mr->format);
	gs_rejects_header(mr->rj, names, c, 1);
	free(names);
}

/* 1 when a group's rows with the states SLOTS were taken by some column,
 * as gs_aggset_wanted says of a row: a column without a where of its own
 * takes every row; else the rows its where took left a state. (A row its
 * where took but whose value was empty left none: one pass would refuse
 * it, a merge cannot see it.) */
static int slots_wanted(const gs_aggset *set, const gs_slot *slots)
{
	for (size_t i = 0; i < set->ncols; i++)
		if (!set->cols[i].where)
			return 1;
	for (size_t i = 0; i < set->nslots; i++)
		if (slots[i].count || slots[i].has || (slots[i].set && gs_hash_count(slots[i].set)))
			return 1;
	return 0;
}

/* A header line O (taken): checked, and the first sets up T. Returns
 * GS_OK, or GS_IO (reported). */
static int merge_header(struct tally *t, struct prov *pv, struct merging *m, cJSON *o)
{
	const cJSON *tag = cJSON_GetObjectItemCaseSensitive(o, "govstat_partial");
	const char *why = NULL;
	if (o && cJSON_IsNumber(tag) && tag->valueint == 1)
		why = N_("a partial stream of an older tally, which does not say what it covers: make it again");
	else if (!o || !cJSON_IsNumber(tag) || tag->valueint != 2)
		why = N_("not a partial stream of tally --partial");
	else if (pv->first && !same_options(pv->first, o))
		why = N_("this partial stream was made with other options than the first");
	if (why)
		gs_msg(m->name, m->line, "%s", _(why));
	if (why || merge_covers(pv, o, m->name, m->line) < 0) {
		cJSON_Delete(o);
		return GS_IO;
	}
	if (!pv->first) {
		merge_setup(t, o, m->name, m->line);
		m->key = gs_xrealloc(m->key, (t->nkey + 1) * sizeof *m->key);
		pv->first = o;
		merge_start(t, m->run);
	} else
		cJSON_Delete(o);
	m->have_header = 1;
	if (!m->tmp)
		m->tmp = gs_slots_new(&t->aggs);
	return GS_OK;
}

/* A group line O: its states merged into its group. Returns GS_OK, or
 * GS_IO (reported). */
static int merge_group(struct tally *t, struct merging *m, const cJSON *o)
{
	const cJSON *k = cJSON_GetObjectItemCaseSensitive(o, "k");
	const cJSON *sl = cJSON_GetObjectItemCaseSensitive(o, "s");
	int ok = o && cJSON_IsArray(k) && (size_t)cJSON_GetArraySize(k) == t->nkey;
	for (size_t i = 0; ok && i < t->nkey; i++) {
		const cJSON *e = cJSON_GetArrayItem(k, (int)i);
		ok = cJSON_IsString(e);
		if (ok)
			m->key[i] = (gs_field){e->valuestring, strlen(e->valuestring)};
	}
	if (ok) {
		gs_slots_free(&t->aggs, m->tmp);
		m->tmp = gs_slots_new(&t->aggs);
		ok = gs_slots_read(&t->aggs, m->tmp, sl, &m->err) == 0;
	}
	if (!ok) {
		gs_msg(m->name, m->line, "not a group of this partial stream");
		return GS_IO;
	}
	m->run->ngroups++;
	/* a group outside the universe is refused as its rows would be in one
	 * pass, named by its partial's file and line; one whose rows every
	 * column's where left out is no error */
	size_t koff = t->period >= 0;
	if (t->uni && !in_universe(t, m->key + koff, &m->enc)) {
		if (!slots_wanted(&t->aggs, m->tmp)) {
			m->run->noutside++;
			return GS_OK;
		}
		gs_reason_clear(&m->err);
		outside_why(t, m->key + koff, &m->err);
		m->key[t->nkey] = (gs_field){m->name, strlen(m->name)};
		gs_rejects_add(m->run->rj, m->name, m->line, m->key, t->nkey + 1, &m->err);
		return GS_OK;
	}
	m->run->nmerged++;
	size_t gi = find_group(t, m->key, 0);
	if (gs_slots_merge(&t->aggs, t->groups[gi].slots, m->tmp, &m->err) < 0) {
		gs_msg(m->name, m->line, "%s", gs_reason_shown(&m->err));
		return GS_IO;
	}
	m->ngroups++;
	return GS_OK;
}

/* Read one partial stream into the groups. The first header sets up T;
 * later ones must have the same options and cover other inputs. Returns
 * GS_OK or GS_IO (reported). */
static int merge_file(struct tally *t, struct prov *pv, const char *path, struct merge_run *mr)
{
	const char *why;
	struct merging m = {gs_display_name(path), 0, 0, 0, NULL, NULL, {{0}, {0}}, {0}, mr};
	gs_input *in = gs_input_open(path, "utf-8", &why);
	if (!in) {
		gs_msg(m.name, 0, "cannot open: %s", why);
		return GS_IO;
	}
	gs_input_hash(in);
	m.key = gs_xmalloc((t->nkey + 1) * sizeof *m.key);
	gs_json_lines *jl = gs_json_lines_open(in);
	int status = GS_OK;
	enum gs_json_line got;
	cJSON *o;
	/* an empty line is skipped, and a tab after the value is space:
	 * Hadoop Streaming hands a reducer each line as KEY TAB VALUE, the
	 * whole partial line the key and the value empty */
	while (status == GS_OK && (got = gs_json_lines_next(jl, &o)) != GS_JSONL_EOF) {
		if (got == GS_JSONL_FAIL) {
			gs_msg(m.name, gs_input_read_failed(in) ? 0 : gs_json_lines_number(jl) + 1, "%s",
			       gs_reason_shown(gs_input_reason(in)));
			status = GS_IO;
			break;
		}
		m.line = gs_json_lines_number(jl);
		if (got == GS_JSONL_EMPTY)
			continue;
		/* partial streams may be concatenated (parallel --pipe does): a
		 * header can come again, with the same options */
		if (!m.have_header || cJSON_GetObjectItemCaseSensitive(o, "govstat_partial"))
			status = merge_header(t, pv, &m, o);
		else {
			status = merge_group(t, &m, o);
			cJSON_Delete(o);
		}
	}
	if (!m.have_header && status == GS_OK) {
		gs_msg(m.name, 0, "empty input: not a partial stream");
		status = GS_IO;
	}
	/* the audit trail: what was read of this partial, and its digest */
	char sha[65];
	gs_input_sha256(in, sha);
	prov_from(pv, "partial", m.name, sha, gs_input_bytes(in), m.ngroups);
	gs_manifest_written(m.name, "partial", sha, gs_input_bytes(in), m.ngroups);
	gs_slots_free(&t->aggs, m.tmp);
	free(m.key);
	gs_reason_free(&m.err);
	gs_buf_free(&m.enc);
	gs_json_lines_close(jl);
	gs_input_close(in);
	return status;
}

/* --header-from FILE: the header names of FILE, read with SO, for
 * headerless splits of it; set in SO, their bytes kept in HB and NAMES,
 * and named in PV. */
static void header_from(const char *path, gs_stream_opts *so, gs_buf *hb, gs_field **names,
                        struct prov *pv)
{
	char *files[1] = {(char *)path};
	gs_stream_opts hso = *so;
	gs_stream *st = gs_stream_open(files, 1, &hso);
	const gs_field *nm;
	size_t n;
	if (gs_stream_header(st, &nm, &n) < 0)
		exit(gs_close_stdout(GS_IO));
	if (gs_stream_format(st) == GS_FMT_JSON)
		gs_usage_error("--header-from: %s is JSON lines, which name their fields in every "
		               "line: a split of it needs no header", path);
	size_t *off = gs_xmalloc((n + 1) * sizeof *off);
	for (size_t i = 0; i < n; i++) {
		off[i] = hb->len;
		gs_buf_add(hb, nm[i].p, nm[i].n);
	}
	*names = gs_xmalloc((n + 1) * sizeof **names);
	for (size_t i = 0; i < n; i++)
		(*names)[i] = (gs_field){hb->p ? hb->p + off[i] : "", nm[i].n};
	free(off);
	gs_stream_close(st);
	so->header = *names;
	so->nheader = n;
	/* the partial names the header it was read with */
	gs_buf *b = &pv->from;
	gs_buf_adds(b, pv->nfrom++ ? ",{\"role\":\"header\",\"name\":" : "{\"role\":\"header\",\"name\":");
	gs_json_string(b, path, strlen(path));
	gs_buf_adds(b, ",\"names\":");
	write_json_strings(b, *names, n);
	gs_buf_addc(b, '}');
}

/* ---- inputs, their rows, and the tallies they feed ---- */

/* A part: one aggregation (a record type's columns at one level). */
struct part {
	struct tally *t;
	gs_slot *blank;          /* the state of a group no row reached */
};

/* How one input's rows reach one part. */
struct sink {
	struct part *p;
	long *keycol;
	long datecol;
	int all_one;             /* a table of given values: a row may be a total's */
	gs_delta *deltas;
	gs_field *key;
	int rolled;              /* of the row at hand */
	int state;               /* of the row at hand: enum row */
	gs_buf pbuf, enc;
};

/* An input: a record type's files (or the FILE arguments), read once for
 * every part that needs them. */
struct input {
	const char *record;      /* NULL: the FILE arguments */
	char **files;
	size_t nfiles;
	gs_expr *filter;         /* --filter RECORD=EXPR */
	struct sink sinks[2];
	size_t nsinks;
	gs_rejects *rj;
	long nread, nused, noutside;
	long nwhere, nfilter;    /* left out by --where, by --filter */
	long nidle;              /* read by no column (a --from record none reads) */
	long ndropped;           /* blank rows the stream left out (counted in nread) */
};

enum row { ROW_TAKEN, ROW_FILTERED, ROW_OUTSIDE, ROW_REJECT };

struct run {                 /* what every input shares */
	const gs_expr *where;
	const char *label;       /* --rollup's label, or NULL without --rollup */
	const char *rejects;     /* --rejects, "{record}" replaced */
	int out_format;          /* -1 until the first input's is known */
	struct prov *pv;         /* --partial: what the inputs were */
	const char *where_src;   /* --where as written, for each thread's own */
	int jobs;                /* --jobs */
	struct watch *watch;     /* a thread's piece of a file (below), or NULL */
};

static void sink_bind(struct sink *k, const gs_field *names, size_t n, const char *record)
{
	struct tally *t = k->p->t;
	gs_reason err = {0};
	k->keycol = gs_xmalloc((t->nkey + 1) * sizeof *k->keycol);
	k->datecol = -1;
	for (size_t i = 0; i <= t->nby; i++) {
		const char *want = i < t->nby ? t->by[i] : t->date_field;
		if (!want)
			continue;
		long c = gs_field_find(names, n, want);
		if (c < 0 && record)
			gs_usage_error("%s: no field '%s' in the input of %s", i < t->nby ? "--by" : "--date", want,
			               record);
		if (c < 0)
			gs_usage_error("%s: no field '%s' in the input", i < t->nby ? "--by" : "--date", want);
		if (i < t->nby)
			k->keycol[i] = c;
		else
			k->datecol = c;
	}
	if (gs_aggset_bind(&t->aggs, names, n, &err) < 0) {
		if (record)
			gs_usage_error("%s: %s", record, gs_reason_shown(&err));
		gs_usage_error("%s", gs_reason_shown(&err));
	}
	k->all_one = gs_aggset_all_one(&t->aggs);
	k->deltas = gs_xmalloc((t->aggs.nslots + 1) * sizeof *k->deltas);
	k->key = gs_xmalloc((t->nkey + 1) * sizeof *k->key);
	gs_reason_free(&err);
}

static void sink_free(struct sink *k)
{
	free(k->keycol);
	free(k->deltas);
	free(k->key);
	gs_buf_free(&k->pbuf);
	gs_buf_free(&k->enc);
}

/* Find what ROW gives sink K, changing nothing yet. */
static int row_prepare(struct sink *k, const struct run *run, const gs_field *f, gs_reason *err)
{
	struct tally *t = k->p->t;
	size_t koff = t->period >= 0;
	if (t->period >= 0) {
		int y, m, d;
		const char *why;
		const gs_field *df = &f[k->datecol];
		if (gs_date_part(df->p, df->n, &y, &m, &d, &why) < 0) {
			gs_reason_printf(err, "field '%s': '%.*s' is not a date (", t->date_field, (int)df->n, df->p);
			gs_reason_say(err, why);
			gs_reason_add(err, ")", 1);
			return ROW_REJECT;
		}
		gs_buf_clear(&k->pbuf);
		gs_period_format(&k->pbuf, t->period, y, m, d);
		k->key[0] = (gs_field){k->pbuf.p, k->pbuf.len};
	}
	for (size_t i = 0; i < t->nby; i++)
		k->key[koff + i] = f[k->keycol[i]];
	k->rolled = 0;
	/* a table of given values may give a subtotal's own row: its last
	 * keys are the rollup label */
	if (run->label && k->all_one) {
		size_t ln = strlen(run->label);
		while ((size_t)k->rolled < t->nby) {
			const gs_field *v = &k->key[t->nkey - 1 - (size_t)k->rolled];
			if (v->n != ln || memcmp(v->p, run->label, ln))
				break;
			k->rolled++;
		}
	}
	if (t->uni && !k->rolled && !in_universe(t, k->key + koff, &k->enc)) {
		/* a row that every column's own filter leaves out is no error */
		int w = gs_aggset_wanted(&t->aggs, f, err);
		if (w <= 0)
			return w < 0 ? ROW_REJECT : ROW_OUTSIDE;
		outside_why(t, k->key + koff, err);
		return ROW_REJECT;
	}
	if (gs_aggset_eval(&t->aggs, f, k->deltas, err) < 0)
		return ROW_REJECT;
	return ROW_TAKEN;
}

/* Apply what row_prepare found. Dies naming the unit on a conflict. */
static void row_commit(struct sink *k, const char *file, long line, gs_reason *err)
{
	struct tally *t = k->p->t;
	size_t gi = find_group(t, k->key, k->rolled);
	if (gs_slots_apply(&t->aggs, t->groups[gi].slots, k->deltas, err) < 0) {
		if (t->speculative) {
			t->failed = 1;
			return;
		}
		gs_buf unit = {0};
		size_t koff = t->period >= 0;
		for (size_t i = 0; i < t->nkey - (size_t)k->rolled; i++)
			gs_buf_printf(&unit, "%s%s '%.*s'", i ? _(", ") : "", i < koff ? _("period") : t->by[i - koff],
			              (int)k->key[i].n, k->key[i].p);
		if (unit.len)
			gs_msg(file, line, "%s: %s", unit.p, gs_reason_shown(err));
		else
			gs_msg(file, line, "%s", gs_reason_shown(err));
		exit(gs_close_stdout(GS_IO));
	}
}

/* One row for every sink of IN: taken, or left out and counted, or
 * ROW_REJECT with ERR saying why, for the caller to reject (once). */
static enum row feed_row(struct input *in, const struct run *run, const char *file, long line,
                         const gs_field *f, gs_reason *err)
{
	in->nread++;
	gs_reason_clear(err);
	const gs_expr *w[2] = {run->where, in->filter};
	for (int i = 0; i < 2; i++) {
		if (!w[i])
			continue;
		int ok = gs_expr_test(w[i], f, err);
		if (ok < 0)
			return ROW_REJECT;
		if (!ok) {
			++*(i ? &in->nfilter : &in->nwhere);
			return ROW_FILTERED;
		}
	}
	int taken = 0, outside = 0;
	for (size_t i = 0; i < in->nsinks; i++) {
		struct sink *k = &in->sinks[i];
		k->state = row_prepare(k, run, f, err);
		if (k->state == ROW_REJECT)
			return ROW_REJECT;
		taken |= k->state == ROW_TAKEN;
		outside |= k->state == ROW_OUTSIDE;
	}
	for (size_t i = 0; i < in->nsinks; i++)
		if (in->sinks[i].state == ROW_TAKEN)
			row_commit(&in->sinks[i], file, line, err);
	if (taken)
		in->nused++;
	else if (outside)
		in->noutside++;
	else
		in->nidle++;
	return taken ? ROW_TAKEN : outside ? ROW_OUTSIDE : ROW_FILTERED;
}

static void input_rejects(struct input *in, struct run *run, const gs_field *names, size_t n)
{
	gs_buf path = {0};
	if (run->rejects) {
		const char *at = strstr(run->rejects, "{record}");
		if (at && in->record)
			gs_buf_printf(&path, "%.*s%s%s", (int)(at - run->rejects), run->rejects, in->record,
			              at + strlen("{record}"));
		else
			gs_buf_adds(&path, run->rejects);
	}
	in->rj = gs_rejects_open(path.p, run->out_format);
	gs_rejects_header(in->rj, names, n, 1);
	gs_buf_free(&path);
}

/* Fold the rows of ST into the groups of IN's sinks, rejecting to IN's
 * rejects and counting in IN: the one loop over records. What it changes
 * is IN's alone (its sinks' parts and counts), so that a stream over one
 * byte range of a file can be folded into a state of its own. */
/* The processors this process may run on (its affinity mask, which a
 * container or taskset narrows), for --jobs' default. */
static int cores(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
		return CPU_COUNT(&set);
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

static int watch_row(struct watch *w, const struct input *in);

static void tally_rows(struct input *in, const struct run *run, gs_stream *st)
{
	gs_reason err = {0};
	gs_rejects_stream(in->rj, st);
	for (;;) {
		gs_row r;
		int k = gs_stream_next(st, &r);
		if (k == GS_REC_EOF)
			break;
		if (k == GS_REC_BAD) {
			in->nread++;
			gs_rejects_row(in->rj, &r, NULL);
		} else if (feed_row(in, run, gs_stream_file(st), r.line, r.f, &err) == ROW_REJECT)
			gs_rejects_row(in->rj, &r, &err);
		if (run->watch && watch_row(run->watch, in))
			break;
	}
	in->ndropped += gs_stream_empty_rows(st);
	in->nread += gs_stream_empty_rows(st);
	gs_reason_free(&err);
}

static void share_universe(struct tally *t, const struct tally *from);
static void free_tally(struct tally *t, int own_universe);

/* ---- one file on several threads ----
 *
 * A regular CSV or TSV file is cut at '\n's outside quotes (a quoted field
 * may hold line ends): first at guessed cuts, which the pieces verify, then,
 * when they fail, at cuts after an even number of quotes counted from the
 * start of the file. Each piece is folded by a
 * thread into a state of its own, made with the same options, and the
 * states are merged in the file's order by the algebra of --merge: groups
 * are made in the order of their first row, as in one pass. The pieces
 * are speculative: when any of them meets what one pass reports or stops
 * at (a rejected row, a value in conflict, text that is not UTF-8), they
 * are thrown away and the file is read again on one thread, so that
 * messages, rejects and their line numbers are those of one pass. */

/* One thread's share of the file, and the state it folds into. */
struct piece {
	const char *path;
	unsigned long long off, len;   /* its bytes in the file */
	int first;               /* it holds the file's header */
	const char *file;        /* the name in messages */
	int format;
	const gs_field *names;   /* the file's header */
	size_t nnames;
	struct tally t;
	struct part part;
	struct input in;
	gs_expr *where;
	struct run run;
	struct watch *watch;
	int ok;                  /* folded, and nothing to report */
};

/* What a piece's thread watches as it folds: its own first failure (a
 * rejected row, a value in conflict), and whether another piece has
 * failed, which makes the rest of its work useless. Where its first
 * failure falls tells whether a cut may be at fault: a cut inside a
 * quoted field makes the piece before it end on a bad row and can make
 * the piece after it start on one. */
struct watch {
	atomic_int *stop;        /* shared: some piece failed */
	long rows;               /* rows folded so far */
	long failed_at;          /* the row of the first failure, from 1; 0: none */
	long failures;           /* rejected rows and conflicts seen */
	int at_end;              /* the failure was the piece's last row, or
	                            its stream failed */
};

/* 1 when P[0..N) holds an odd number of quotes. */
static int odd_quotes(const char *p, size_t n)
{
	int odd = 0;
	const char *e = p + n;
	while (p < e && (p = memchr(p, '"', (size_t)(e - p)))) {
		odd ^= 1;
		p++;
	}
	return odd;
}

/* Cut the N bytes of FD into at most NP pieces after '\n's outside
 * quotes, in one read of it: CUT[0..k] their bounds. Returns k, the number
 * of pieces, or 0 when FD cannot be read. */
static size_t cut_pieces(int fd, unsigned long long n, size_t np, unsigned long long *cut)
{
	enum { BLOCK = 1 << 20 };
	char *buf = gs_xmalloc(BLOCK);
	size_t k = 0;
	unsigned long long at = 0, target = n / np;   /* at: the next byte to read */
	int inq = 0;
	cut[0] = 0;
	while (k + 1 < np && at < n) {
		ssize_t got = read(fd, buf, BLOCK);
		if (got <= 0) {
			free(buf);
			return 0;
		}
		const char *p = buf, *e = buf + got;
		while (p < e && k + 1 < np) {
			unsigned long long pos = at + (unsigned long long)(p - buf);
			if (pos < target) {
				size_t m = (size_t)(target - pos) < (size_t)(e - p) ? (size_t)(target - pos) : (size_t)(e - p);
				inq ^= odd_quotes(p, m);
				p += m;
				continue;
			}
			const char *nl = memchr(p, '\n', (size_t)(e - p));
			inq ^= odd_quotes(p, (size_t)((nl ? nl : e) - p));
			if (!nl) {
				p = e;
				break;
			}
			p = nl + 1;
			if (!inq) {
				unsigned long long c = at + (unsigned long long)(p - buf);
				if (c >= n)
					goto out;
				cut[++k] = c;
				target = n / np * (k + 1);
			}
		}
		at += (unsigned long long)got;
	}
out:
	free(buf);
	cut[++k] = n;
	return k;
}

static void piece_init(struct piece *pc, const struct tally *t, const struct run *run,
                       const gs_field *names, size_t nnames)
{
	gs_reason err = {0};
	pc->t.index = gs_hash_new();
	pc->t.by = t->by;
	pc->t.nby = t->nby;
	pc->t.period = t->period;
	pc->t.date_field = t->date_field;
	pc->t.nkey = t->nkey;
	pc->t.speculative = 1;
	share_universe(&pc->t, t);
	for (size_t i = 0; i < t->aggs.ncols; i++) {
		const gs_aggcol *c = &t->aggs.cols[i];
		if (gs_aggset_add(&pc->t.aggs, c->name, c->src, c->where_src, c->decimals, &err) < 0)
			gs_die(GS_IO, NULL, 0, "%s", gs_reason_shown(&err));
	}
	pc->part.t = &pc->t;
	pc->in.sinks[0].p = &pc->part;
	pc->in.nsinks = 1;
	sink_bind(&pc->in.sinks[0], names, nnames, NULL);
	pc->run = *run;
	pc->run.where = NULL;
	if (run->where_src) {
		size_t pos = 0;
		pc->where = gs_expr_parse(run->where_src, &pos, 1, &err);
		if (!pc->where || gs_expr_bind(pc->where, names, nnames, &err) < 0)
			gs_die(GS_IO, NULL, 0, "%s", gs_reason_shown(&err));
		pc->run.where = pc->where;
	}
	/* a rejected row sends the file back to one pass: count, keep nothing */
	pc->in.rj = gs_rejects_open("/dev/null", pc->format);
	gs_rejects_header(pc->in.rj, names, nnames, 1);
	pc->names = names;
	pc->nnames = nnames;
	gs_reason_free(&err);
}

static void piece_free(struct piece *pc)
{
	sink_free(&pc->in.sinks[0]);
	gs_rejects_close(pc->in.rj);
	gs_expr_free(pc->where);
	free_tally(&pc->t, 0);
}

static int piece_failures(const struct input *in)
{
	return (int)gs_rejects_count(in->rj) + (in->sinks[0].p->t->failed != 0);
}

/* After each row of a piece: 1 when the piece is to stop. */
static int watch_row(struct watch *w, const struct input *in)
{
	w->rows++;
	long f = piece_failures(in);
	if (f != w->failures) {
		if (!w->failed_at)
			w->failed_at = w->rows;
		w->failures = f;
		atomic_store_explicit(w->stop, 1, memory_order_relaxed);
		return 1;
	}
	return (w->rows & 255) == 0 && atomic_load_explicit(w->stop, memory_order_relaxed);
}

static void *fold_piece(void *arg)
{
	struct piece *pc = arg;
	/* read as UTF-8: a file that is not is read by one pass, which judges
	 * its encoding */
	gs_stream *st = gs_stream_open_range(pc->path, pc->file, pc->off, pc->len, pc->format,
	                                     pc->first ? NULL : pc->names, pc->nnames);
	struct watch *w = pc->watch;
	pc->run.watch = w;
	tally_rows(&pc->in, &pc->run, st);
	if (w->failed_at == w->rows && w->failed_at) {
		gs_row r;
		w->at_end = gs_stream_next(st, &r) == GS_REC_EOF;
	}
	if (gs_stream_status(st) != GS_OK) {
		w->at_end = 1;
		if (!w->failed_at)
			w->failed_at = w->rows + 1;
	}
	pc->ok = !w->failed_at && !atomic_load_explicit(w->stop, memory_order_relaxed);
	if (!pc->ok)
		atomic_store_explicit(w->stop, 1, memory_order_relaxed);
	gs_stream_close(st);
	return NULL;
}

/* After a failed fold: 1 when a cut may have been inside a quoted field
 * (a piece but the last failed on its last row, or a piece but the first
 * on its first), so that cutting again outside quotes may succeed; 0 when
 * the failure is the file's own and one pass is all that is left. */
static int cut_suspect(const struct piece *pc, size_t np)
{
	for (size_t i = 0; i < np; i++) {
		const struct watch *w = pc[i].watch;
		if (!w->failed_at)
			continue;
		if ((i > 0 && w->failed_at == 1) || (i + 1 < np && w->at_end))
			return 1;
	}
	return 0;
}

/* Merge FROM's groups into INTO's, in FROM's order. 0, or -1 on a
 * conflict. */
static int merge_tally(struct tally *into, const struct tally *from, gs_reason *err)
{
	for (size_t i = 0; i < from->ngroups; i++) {
		const struct group *g = &from->groups[i];
		size_t gi = find_group(into, g->key, g->rolled);
		if (gs_slots_merge(&into->aggs, into->groups[gi].slots, g->slots, err) < 0)
			return -1;
	}
	return 0;
}

/* Fold the pieces PC[0..NP) on threads; merged into IN's one part. 1 when
 * done, 0 when IN is to be read in one pass (nothing of it changed). */
static int fold_pieces(struct input *in, struct piece *pc, size_t np)
{
	pthread_t *th = gs_xcalloc(np, sizeof *th);
	int quiet = gs_quiet;
	gs_quiet = 1;              /* one pass says what is wrong, once */
	size_t started = 1;
	for (size_t i = 1; i < np; i++, started++)
		if (pthread_create(&th[i], NULL, fold_piece, &pc[i]))
			break;
	fold_piece(&pc[0]);
	for (size_t i = 1; i < started; i++)
		pthread_join(th[i], NULL);
	gs_quiet = quiet;
	free(th);
	int ok = started == np;
	for (size_t i = 0; ok && i < np; i++)
		ok = pc[i].ok;
	gs_reason err = {0};
	for (size_t i = 1; ok && i < np; i++)
		ok = merge_tally(&pc[0].t, &pc[i].t, &err) == 0;
	if (ok && merge_tally(in->sinks[0].p->t, &pc[0].t, &err) < 0)
		gs_die(GS_IO, NULL, 0, "%s", gs_reason_shown(&err));   /* into no groups: cannot be */
	gs_reason_free(&err);
	for (size_t i = 0; ok && i < np; i++) {
		in->nread += pc[i].in.nread;
		in->nused += pc[i].in.nused;
		in->nwhere += pc[i].in.nwhere;
		in->nfilter += pc[i].in.nfilter;
		in->nidle += pc[i].in.nidle;
		in->noutside += pc[i].in.noutside;
		in->ndropped += pc[i].in.ndropped;
	}
	return ok;
}

/* The file IN reads, when it can be folded on JOBS threads: a regular
 * CSV or TSV file, the only one, read with the header it starts with, for
 * one part, nothing of it to hash, no progress line to draw (it counts
 * what one stream reads). */
static int can_split(const struct input *in, const struct run *run, const gs_stream_opts *so,
                     gs_stream *st)
{
	int f = gs_stream_format(st);
	return run->jobs > 1 && in->nfiles == 1 && strcmp(in->files[0], "-") && in->nsinks == 1 &&
	       !in->filter && !so->header && !so->hash && !run->pv && (f == GS_FMT_CSV || f == GS_FMT_TSV) &&
	       !gs_stream_shows_progress(st) &&
	       !strcmp(gs_stream_file(st), gs_display_name(in->files[0]));    /* not a workbook's sheet */
}

/* Guess the cuts: the first '\n' after each Nth of the N bytes of FD, a
 * few small reads, no counting of quotes. A guess inside a quoted field
 * gives itself away: the piece before it ends inside the quotes, which
 * one pass would not do, and is refused (fold_piece). Returns the number
 * of pieces, 0 on a read error. */
static size_t guess_cuts(int fd, unsigned long long n, size_t np, unsigned long long *cut)
{
	char buf[1 << 16];
	size_t k = 0;
	cut[0] = 0;
	for (size_t i = 1; i < np; i++) {
		unsigned long long at = n / np * i;
		if (at < cut[k])
			at = cut[k];
		const char *nl = NULL;
		ssize_t got;
		while (at < n && !nl) {
			if ((got = pread(fd, buf, sizeof buf, (off_t)at)) <= 0)
				return 0;
			nl = memchr(buf, '\n', (size_t)got);
			at += nl ? (unsigned long long)(nl - buf) + 1 : (unsigned long long)got;
		}
		if (!nl || at >= n)
			break;
		cut[++k] = at;
	}
	cut[++k] = n;
	return k;
}

/* Fold IN's file cut at CUT[0..NP] on threads. 1 when done, 0 when not;
 * then *SUSPECT says whether cutting elsewhere may succeed. */
static int fold_cuts(struct input *in, const struct run *run, gs_stream *st, const gs_field *names,
                     size_t nnames, const unsigned long long *cut, size_t np, int *suspect)
{
	if (np < 2)
		return 0;
	struct piece *pc = gs_xcalloc(np, sizeof *pc);
	struct watch *w = gs_xcalloc(np, sizeof *w);
	atomic_int stop;
	atomic_init(&stop, 0);
	for (size_t i = 0; i < np; i++) {
		pc[i] = (struct piece){.path = in->files[0], .off = cut[i], .len = cut[i + 1] - cut[i],
		                       .first = i == 0, .file = gs_stream_file(st),
		                       .format = gs_stream_format(st), .watch = &w[i]};
		w[i].stop = &stop;
		piece_init(&pc[i], in->sinks[0].p->t, run, names, nnames);
	}
	int done = fold_pieces(in, pc, np);
	*suspect = !done && cut_suspect(pc, np);
	for (size_t i = 0; i < np; i++)
		piece_free(&pc[i]);
	free(pc);
	free(w);
	return done;
}

/* Fold IN's one file on threads when it can be (see above): at guessed
 * cuts, and when they fail at cuts outside quotes counted from the
 * start, when those differ. 1 when done, 0 when it is to be read in one
 * pass. */
static int fold_split(struct input *in, const struct run *run, const gs_stream_opts *so,
                      gs_stream *st, const gs_field *names, size_t nnames)
{
	if (!can_split(in, run, so, st))
		return 0;
	int fd = open(in->files[0], O_RDONLY);
	struct stat sb;
	char sig[4];
	/* a workbook is read whole, never split */
	if (fd < 0 || fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode) || sb.st_size < 4 ||
	    read(fd, sig, 4) != 4 || !memcmp(sig, "PK\3\4", 4) || !memcmp(sig, "\xD0\xCF\x11\xE0", 4) ||
	    lseek(fd, 0, SEEK_SET) < 0) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	size_t nc = (size_t)run->jobs + 1;
	unsigned long long *guess = gs_xmalloc(nc * sizeof *guess), *cut = gs_xmalloc(nc * sizeof *cut);
	unsigned long long size = (unsigned long long)sb.st_size;
	size_t ng = guess_cuts(fd, size, (size_t)run->jobs, guess);
	int suspect = 0;
	int done = fold_cuts(in, run, st, names, nnames, guess, ng, &suspect);
	if (!done && suspect) {
		size_t np = cut_pieces(fd, size, (size_t)run->jobs, cut);
		if (np != ng || memcmp(cut, guess, (np + 1) * sizeof *cut))
			done = fold_cuts(in, run, st, names, nnames, cut, np, &suspect);
	}
	close(fd);
	free(guess);
	free(cut);
	return done;
}

/* Read one input through its sinks. Returns the stream's status. */
static int read_input(struct input *in, struct run *run, const gs_stream_opts *so)
{
	gs_stream *st = gs_stream_open(in->files, in->nfiles, so);
	const gs_field *names;
	size_t nnames;
	if (gs_stream_header(st, &names, &nnames) < 0)
		exit(gs_close_stdout(gs_stream_status(st)));
	if (run->out_format < 0)
		run->out_format = gs_stream_format(st);
	gs_reason err = {0};
	if (run->where && gs_expr_bind((gs_expr *)run->where, names, nnames, &err) < 0) {
		if (in->record)
			gs_usage_error("--where, on %s: %s", in->record, gs_reason_shown(&err));
		gs_usage_error("--where: %s", gs_reason_shown(&err));
	}
	if (in->filter && gs_expr_bind(in->filter, names, nnames, &err) < 0)
		gs_usage_error("--filter %s: %s", in->record, gs_reason_shown(&err));
	for (size_t i = 0; i < in->nsinks; i++)
		sink_bind(&in->sinks[i], names, nnames, in->record);
	input_rejects(in, run, names, nnames);
	if (!fold_split(in, run, so, st, names, nnames))
		tally_rows(in, run, st);
	int status = gs_stream_status(st);
	gs_manifest_stream(st, "input");
	if (run->pv && prov_stream(run->pv, st) < 0)
		exit(gs_close_stdout(GS_IO));
	gs_rejects_stream(in->rj, NULL);
	gs_stream_close(st);
	gs_reason_free(&err);
	return status;
}

/* The output columns: part and column of each, in the order asked. */
struct colref {
	struct part *p;
	size_t c;
};

typedef void (*row_fn)(void *arg, const gs_field *row, size_t n);

static const gs_slot *group_slots(struct part *p, const struct group *g)
{
	struct tally *t = p->t;
	encode(&t->scratch, g->key, t->nkey - (size_t)g->rolled);
	gs_buf_addc(&t->scratch, (char)g->rolled);
	void *v = gs_hash_get(t->index, t->scratch.p, t->scratch.len);
	return v ? t->groups[(size_t)v - 1].slots : p->blank;
}

/* The periods any part's groups have, in the order first seen: the
 * universe's units appear in each. */
static char **periods_seen(struct part *parts, size_t np, size_t *nper)
{
	char **periods = NULL;
	*nper = 0;
	gs_hash *seen = gs_hash_new();
	for (size_t p = 0; p < np; p++)
		for (size_t i = 0; i < parts[p].t->ngroups; i++) {
			const gs_field *f = &parts[p].t->groups[i].key[0];
			if (f->p && !gs_hash_get(seen, f->p, f->n)) {
				gs_hash_put(seen, f->p, f->n, (void *)1);
				periods = gs_xrealloc(periods, (*nper + 1) * sizeof *periods);
				periods[(*nper)++] = gs_xstrndup(f->p, f->n);
			}
		}
	gs_hash_free(seen);
	return periods;
}

/* The universe: a group for every unit of SHAPE's, in every period of
 * PERIODS (or once without a period), so that no row is no row; with
 * ROLLUP, the subtotals of SHAPE's townships without a unit too, and the
 * totals above them. */
static void add_universe(struct tally *t, const struct tally *shape, char **periods, size_t nper,
                         int rollup)
{
	size_t koff = shape->period >= 0;
	gs_field *key = gs_xmalloc((shape->nkey + 1) * sizeof *key);
	for (size_t pi = 0; pi < (koff ? nper : 1); pi++) {
		if (koff)
			key[0] = (gs_field){periods[pi], strlen(periods[pi])};
		for (size_t u = 0; u < shape->nuni; u++) {
			universe_key(shape, u, key + koff);
			find_group(t, key, 0);
		}
		for (size_t b = 0; rollup && b < shape->nbare; b++) {
			key[koff] = (gs_field){shape->bare[b], strlen(shape->bare[b])};
			for (int r = 1; r <= (int)shape->nkey; r++)
				find_group(t, key, r);
		}
	}
	free(key);
}

/* Rollups, merged from the leaves' exact states. */
static void add_rollups(struct tally *t)
{
	gs_reason err = {0};
	size_t nleaf = t->ngroups;
	for (size_t i = 0; i < nleaf; i++) {
		if (t->groups[i].rolled)
			continue;
		for (int r = 1; r <= (int)t->nkey; r++) {
			size_t gi = find_group(t, t->groups[i].key, r);
			if (gs_slots_rollup(&t->aggs, t->groups[gi].slots, t->groups[i].slots, &err) < 0)
				gs_die(GS_IO, NULL, 0, "%s", gs_reason_shown(&err));
		}
	}
	gs_reason_free(&err);
}

/* The result: every part's groups (the universe's units in every period
 * seen, the rollups), one row per key in SHAPE's order, each column from
 * its part's group of that key. */
static void result_rows(struct part *parts, size_t np, const struct tally *shape,
                        const struct colref *cols, size_t ncols, int rollup, const char *label,
                        row_fn fn, void *arg)
{
	size_t koff = shape->period >= 0;
	char **periods = NULL;
	size_t nper = 0;
	if (koff && shape->uni)
		periods = periods_seen(parts, np, &nper);
	for (size_t p = 0; p < np; p++) {
		if (shape->uni)
			add_universe(parts[p].t, shape, periods, nper, rollup);
		/* a table without keys is one row even over no rows, as SQL's
		 * aggregate without GROUP BY, and so is a rollup's grand total
		 * (GROUP BY ROLLUP): a week without disputes is a count of 0,
		 * not a missing line */
		if (parts[p].t->ngroups == 0 && (shape->nkey == 0 || (rollup && !koff))) {
			gs_field none = {"", 0};
			find_group(parts[p].t, &none, (int)shape->nkey);
		}
		if (rollup)
			add_rollups(parts[p].t);
		parts[p].blank = gs_slots_new(&parts[p].t->aggs);
	}
	for (size_t i = 0; i < nper; i++)
		free(periods[i]);
	free(periods);

	/* every key any part has, in order */
	struct tally m = *shape;
	m.index = gs_hash_new();
	m.groups = NULL;
	m.ngroups = m.capgroups = 0;
	m.aggs = (gs_aggset){0};
	m.scratch = (gs_buf){0};
	for (size_t p = 0; p < np; p++)
		for (size_t i = 0; i < parts[p].t->ngroups; i++)
			find_group(&m, parts[p].t->groups[i].key, parts[p].t->groups[i].rolled);
	if (m.uni) {
		gs_buf enc = {0};
		for (size_t i = 0; i < m.ngroups; i++) {
			struct group *g = &m.groups[i];
			g->rank = gs_xmalloc((m.nby + 1) * sizeof *g->rank);
			for (size_t j = 0; j < m.nby; j++) {
				if (koff + j >= m.nkey - (size_t)g->rolled) {
					g->rank[j] = 0;
					continue;
				}
				encode(&enc, g->key + koff, j + 1);
				g->rank[j] = (long)(size_t)gs_hash_get(m.uniprefix, enc.p, enc.len);
			}
		}
		gs_buf_free(&enc);
	}
	struct group **order = gs_xmalloc((m.ngroups + 1) * sizeof *order);
	for (size_t i = 0; i < m.ngroups; i++)
		order[i] = &m.groups[i];
	sort_t = &m;
	qsort(order, m.ngroups, sizeof *order, cmp_groups);

	size_t nout = m.nkey + ncols;
	gs_field *row = gs_xmalloc((nout + 1) * sizeof *row);
	size_t *voff = gs_xmalloc((nout + 1) * sizeof *voff);
	gs_buf line = {0};
	for (size_t i = 0; i < m.ngroups; i++) {
		const struct group *g = order[i];
		for (size_t k = 0; k < m.nkey; k++)
			row[k] = g->key[k].p ? g->key[k] : (gs_field){label, strlen(label)};
		gs_buf_clear(&line);
		for (size_t k = 0; k < ncols; k++) {
			const gs_slot *sl = group_slots(cols[k].p, g);
			voff[k] = line.len;
			if (!gs_aggcol_format(&cols[k].p->t->aggs, cols[k].c, sl, &line))
				voff[k] = (size_t)-1;
			row[m.nkey + k].n = voff[k] == (size_t)-1 ? 0 : line.len - voff[k];
		}
		for (size_t k = 0; k < ncols; k++)
			row[m.nkey + k].p = voff[k] == (size_t)-1 ? NULL : line.p + voff[k];
		fn(arg, row, nout);
	}
	gs_buf_free(&line);
	free(row);
	free(voff);
	free(order);
	for (size_t i = 0; i < m.ngroups; i++) {
		gs_slots_free(&m.aggs, m.groups[i].slots);
		free(m.groups[i].key);
		free(m.groups[i].keybytes);
		free(m.groups[i].rank);
	}
	free(m.groups);
	gs_hash_free(m.index);
	gs_buf_free(&m.scratch);
}

static void write_row(void *arg, const gs_field *row, size_t n)
{
	gs_writer_row(arg, row, n);
}

/* The lower level's rows go to the part of the indicators over it. */
struct over_feed {
	struct input *in;
	const struct run *run;
	gs_reason err;
};

static void over_row(void *arg, const gs_field *row, size_t n)
{
	struct over_feed *o = arg;
	long line = (long)o->in->nread + 2;
	/* the villages' table is made here, read from no stream for
	 * gs_rejects_row to name: the message names it */
	if (feed_row(o->in, o->run, "(villages)", line, row, &o->err) == ROW_REJECT)
		gs_rejects_add(o->in->rj, "(villages)", line, row, n, &o->err);
}

static struct tally *new_tally(const struct tally *shape, char **by, size_t nby)
{
	struct tally *t = gs_xcalloc(1, sizeof *t);
	t->index = gs_hash_new();
	t->by = by;
	t->nby = nby;
	t->period = shape->period;
	t->date_field = shape->date_field;
	t->nkey = nby + (t->period >= 0);
	return t;
}

static void share_universe(struct tally *t, const struct tally *from)
{
	t->uni = from->uni;
	t->uniprefix = from->uniprefix;
	t->unikeys = from->unikeys;
	t->unioff = from->unioff;
	t->nuni = from->nuni;
	t->uni_path = from->uni_path;
	t->bare = from->bare;
	t->nbare = from->nbare;
}

static void free_tally(struct tally *t, int own_universe)
{
	for (size_t i = 0; i < t->ngroups; i++) {
		gs_slots_free(&t->aggs, t->groups[i].slots);
		free(t->groups[i].key);
		free(t->groups[i].keybytes);
		free(t->groups[i].rank);
	}
	free(t->groups);
	t->groups = NULL;
	t->ngroups = 0;
	gs_hash_free(t->index);
	t->index = NULL;
	if (own_universe) {
		gs_hash_free(t->uni);
		gs_hash_free(t->uniprefix);
		gs_buf_free(&t->unikeys);
		free(t->unioff);
		for (size_t i = 0; i < t->nbare; i++)
			free(t->bare[i]);
		free(t->bare);
	}
	gs_buf_free(&t->scratch);
	gs_aggset_free(&t->aggs);
}

/* The row counts of IN, on stderr when rows were rejected or VERBOSE:
 * each way a row can go, --where and --filter only when given, so that
 * the counts add up to the rows read. */
static void summary(const struct input *in, const struct run *run, int verbose)
{
	long nrej = in->rj ? gs_rejects_count(in->rj) : 0;
	if (!nrej && !verbose)
		return;
	gs_buf sum = {0};
	if (in->record)
		gs_buf_printf(&sum, "%s: ", in->record);
	gs_buf_printf(&sum, _("%ld rows read, %ld tallied"), in->nread, in->nused);
	if (run->where)
		gs_buf_printf(&sum, _(", %ld left out by --where"), in->nwhere);
	if (in->filter)
		gs_buf_printf(&sum, _(", %ld left out by --filter"), in->nfilter);
	if (in->noutside)
		gs_buf_printf(&sum, _(", %ld outside the universe and left out by every column's where"),
		              in->noutside);
	if (in->nidle)
		gs_buf_printf(&sum, _(", %ld read by no column"), in->nidle);
	gs_buf_printf(&sum, _(", %ld rejected"), nrej);
	gs_buf_adds(&sum, gs_dropped_note(in->ndropped));
	gs_msg(NULL, 0, "%s", sum.p);
	gs_buf_free(&sum);
}

struct fieldlist {
	const gs_catalogue *cat;
	const char **ids;
	size_t n;
};

static void note_field(const char *name, void *arg)
{
	struct fieldlist *l = arg;
	const gs_indicator *ind = gs_catalogue_find(l->cat, name);
	if (!ind)
		return;
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->ids[i], name))
			return;
	l->ids = gs_xrealloc(l->ids, (l->n + 1) * sizeof *l->ids);
	l->ids[l->n++] = ind->id;
}

/* ---- main ---- */

/* One run of tally: the options, and what main builds from them. */
struct tool {
	struct gengetopt_args_info *a;
	const gs_cli *cli;       /* the shared options */
	struct tally t;          /* the output's keys, aggregates and universe */
	gs_stream_opts so;       /* how the inputs (and reference tables) are read */
	struct prov pv;          /* --partial and --merge: what is covered */
	gs_buf hfbytes;          /* --header-from: the names' bytes */
	gs_field *hfnames;
	struct reg reg;          /* --universe with --level: the unit register */
	int have_reg;
	const char *level;       /* --level, or NULL */
	int round;               /* round means and ratios for reading */
	gs_catalogue *cat;
	struct input *ins;       /* the FILE arguments, or one per --from record */
	size_t nins;
	struct part *parts;      /* at the output's level */
	size_t nparts;
	struct part *lower;      /* at the village level, for "over" indicators */
	size_t nlower;
	struct colref *cols;     /* the output's aggregate columns */
	size_t ncols;
	struct tally vshape;     /* the village level's keys and universe */
	struct part over;        /* the indicators over the villages */
	struct input over_in;    /* the villages' table, as their input */
	struct fieldlist lowids; /* the village-level indicators they read */
	gs_expr *where;
	struct run run;
	struct part single;      /* without --from: the one part, over t */
	struct merge_run merge;  /* --merge */
	int out_format;          /* --output-format, or -1 */
	int status;
};

/* The options that exclude or need each other. */
static void check_options(const struct gengetopt_args_info *a, const gs_cli *cli)
{
	if (a->decimals_arg < 0 || a->decimals_arg > 30)
		gs_usage_error("--decimals: give a number from 0 to 30");
	if (a->header_from_given && a->merge_given)
		gs_usage_error("--header-from is for the tally of a split, not for --merge");
	if (a->header_from_given && a->from_given)
		gs_usage_error("--header-from is for the tally of a split, given as FILE arguments, not --from");
	if (a->merge_given && (a->by_given || a->agg_given || a->indicator_given || a->where_given ||
	                       a->period_given || a->date_given || a->catalogue_given || a->from_given ||
	                       a->level_given))
		gs_usage_error("--merge takes the keys and aggregates from the partial streams; "
		               "give only output options with it");
	if (a->partial_given && (a->rollup_given || a->universe_given))
		gs_usage_error("give --rollup and --universe to the --merge step, not to --partial");
	if (a->partial_given && (cli->bom || cli->encoding))
		gs_usage_error("--bom and --encoding are for the result people open, not for --partial");
	if (a->partial_given && a->from_given)
		gs_usage_error("--partial reads one record type: give FILE arguments, not --from");
	if (a->from_given && a->inputs_num)
		gs_usage_error("with --from, every input is named by its record type: "
		               "give --from RECORD=FILE instead of FILE arguments");
	if (a->from_given && a->agg_given)
		gs_usage_error("with --from, give catalogue indicators (-k): each reads the input of its record");
	if (a->filter_given && !a->from_given)
		gs_usage_error("--filter goes with --from");
	if (a->jobs_given && (a->jobs_arg < 1 || a->jobs_arg > 1024))
		gs_usage_error("--jobs: give a number of threads from 1 to 1024");
}

/* The keys: the period, then --by or --level's. */
static void set_keys(struct tool *tl)
{
	const struct gengetopt_args_info *a = tl->a;
	struct tally *t = &tl->t;
	if (a->period_given) {
		t->period = gs_period_parse(a->period_arg);
		if (t->period < 0)
			gs_usage_error("--period: '%s' is not day, week, month, quarter or year", a->period_arg);
		if (!a->date_given)
			gs_usage_error("--period needs --date FIELD");
		t->date_field = a->date_arg;
	} else if (a->date_given)
		gs_usage_error("--date goes with --period");
	tl->level = a->level_given ? a->level_arg : NULL;
	const char *level = tl->level;
	if (level) {
		if (strcmp(level, "township") && strcmp(level, "village") && strcmp(level, "county"))
			gs_usage_error("--level: '%s' is not county, township or village", level);
		if (a->by_given)
			gs_usage_error("--level sets the keys (none, township, or township,village): give no --by");
		if (strcmp(level, "county"))
			gs_split_list(strcmp(level, "village") ? "township" : "township,village", &t->by, &t->nby);
	} else if (a->by_given)
		gs_split_list(a->by_arg, &t->by, &t->nby);
	t->nkey = t->nby + (t->period >= 0);
}

/* How inputs are read, and the files beside them: --header-from, the
 * register of --level, the catalogue. */
static void open_references(struct tool *tl)
{
	const struct gengetopt_args_info *a = tl->a;
	tl->so.hash = gs_manifest_on() || a->partial_given;   /* a partial names its inputs' digests */
	if (a->header_from_given)
		header_from(a->header_from_arg, &tl->so, &tl->hfbytes, &tl->hfnames, &tl->pv);
	if (tl->level && a->universe_given) {
		load_register(&tl->reg, a->universe_arg, &tl->so);
		if (strcmp(tl->level, "county"))
			universe_from_register(&tl->t, &tl->reg, tl->level);
		tl->have_reg = 1;
	}
	/* rounding is for people, when asked: a stream another tool reads
	 * carries means and ratios exactly enough to decide on (-1 - D: at
	 * least D places, more where the digits go on) */
	tl->round = a->round_given || a->decimals_given;
	if (a->indicator_given && !a->catalogue_given)
		gs_usage_error("--indicator needs --catalogue FILE");
	if (a->from_given && !a->indicator_given)
		gs_usage_error("--from needs --catalogue FILE and --indicator IDS");
	if (a->catalogue_given && !(tl->cat = gs_catalogue_load(a->catalogue_arg)))
		exit(GS_USAGE);
}

/* The input of RECORD, or NULL. */
static struct input *find_input(struct tool *tl, const char *record, size_t len)
{
	for (size_t k = 0; k < tl->nins; k++)
		if (strlen(tl->ins[k].record) == len && !strncmp(tl->ins[k].record, record, len))
			return &tl->ins[k];
	return NULL;
}

/* --from RECORD=FILE and --filter RECORD=EXPR: one input per record. */
static void from_inputs(struct tool *tl)
{
	const struct gengetopt_args_info *a = tl->a;
	tl->ins = gs_xcalloc(a->from_given + 1, sizeof *tl->ins);
	tl->parts = gs_xcalloc(a->from_given + 2, sizeof *tl->parts);
	tl->lower = gs_xcalloc(a->from_given + 1, sizeof *tl->lower);
	for (unsigned i = 0; i < a->from_given; i++) {
		const char *eq = strchr(a->from_arg[i], '=');
		if (!eq || eq == a->from_arg[i] || !eq[1])
			gs_usage_error("--from '%s': give RECORD=FILE", a->from_arg[i]);
		struct input *in = find_input(tl, a->from_arg[i], (size_t)(eq - a->from_arg[i]));
		if (!in) {
			in = &tl->ins[tl->nins++];
			in->record = gs_xstrndup(a->from_arg[i], (size_t)(eq - a->from_arg[i]));
		}
		in->files = gs_xrealloc(in->files, (in->nfiles + 1) * sizeof *in->files);
		in->files[in->nfiles++] = (char *)eq + 1;
	}
	for (unsigned i = 0; i < a->filter_given; i++) {
		const char *eq = strchr(a->filter_arg[i], '=');
		struct input *in = eq ? find_input(tl, a->filter_arg[i], (size_t)(eq - a->filter_arg[i])) : NULL;
		if (!in)
			gs_usage_error("--filter '%s': give RECORD=EXPR for a record of --from", a->filter_arg[i]);
		gs_reason err = {0};
		size_t pos = 0;
		in->filter = gs_expr_parse(eq + 1, &pos, 1, &err);
		if (!in->filter)
			gs_usage_error("--filter '%s': column %zu: %s", eq + 1, pos + 1, gs_reason_shown(&err));
		gs_reason_free(&err);
	}
	if (a->universe_given && !tl->have_reg)
		load_universe(&tl->t, a->universe_arg, &tl->so);
}

/* The tally indicator IND goes into: with --from, the part of its
 * record's input (or the part over the villages), else the one tally. */
static struct tally *indicator_part(struct tool *tl, const gs_indicator *ind)
{
	const struct gengetopt_args_info *a = tl->a;
	struct tally *t = &tl->t;
	if (!a->from_given)
		return t;
	if (ind->over) {
		if (!tl->have_reg || !strcmp(tl->level, "village"))
			gs_usage_error("indicator %s counts the villages of the unit register: "
			               "give --universe REGISTER --level township or county", ind->id);
		if (t->period >= 0)
			gs_usage_error("indicator %s counts villages: it does not go with --period", ind->id);
		if (!tl->over.t) {
			tl->over.t = new_tally(t, t->by, t->nby);
			share_universe(tl->over.t, t);
		}
		return tl->over.t;
	}
	if (!ind->record)
		gs_usage_error("indicator %s names no \"record\" in %s", ind->id, a->catalogue_arg);
	struct input *in = find_input(tl, ind->record, strlen(ind->record));
	if (!in)
		gs_usage_error("indicator %s reads the %s record: give --from %s=FILE",
		               ind->id, ind->record, ind->record);
	if (!in->nsinks || in->sinks[0].p->t->nby != t->nby) {
		/* the input's first part at the output's level */
		struct part *p = &tl->parts[tl->nparts++];
		p->t = new_tally(t, t->by, t->nby);
		share_universe(p->t, t);
		memmove(&in->sinks[1], &in->sinks[0], in->nsinks * sizeof in->sinks[0]);
		memset(&in->sinks[0], 0, sizeof in->sinks[0]);
		in->sinks[0].p = p;
		in->nsinks++;
	}
	return in->sinks[0].p->t;
}

/* Catalogue indicator IND as a column, in the order asked. */
static void add_indicator(struct tool *tl, const gs_indicator *ind)
{
	const struct gengetopt_args_info *a = tl->a;
	gs_buf what = {0};
	gs_reason err = {0};
	gs_buf_printf(&what, _("indicator %s"), ind->id);
	struct tally *into = indicator_part(tl, ind);
	int d = ind->decimals >= 0 ? ind->decimals : a->decimals_arg;
	add_agg(into, ind->id, ind->agg, ind->where, tl->round ? d : -1 - d, what.p);
	if (into != &tl->t) {
		tl->cols = gs_xrealloc(tl->cols, (tl->ncols + 1) * sizeof *tl->cols);
		struct colref *c = &tl->cols[tl->ncols++];
		c->c = into->aggs.ncols - 1;
		c->p = &tl->over;
		for (size_t q = 0; q < tl->nparts; q++)
			if (tl->parts[q].t == into)
				c->p = &tl->parts[q];
	}
	if (into == tl->over.t) {
		gs_aggset tmp = {0};
		gs_aggset_add(&tmp, ind->id, ind->agg, ind->where, 0, &err);
		gs_aggset_fields(&tmp, note_field, &tl->lowids);
		gs_aggset_free(&tmp);
	}
	gs_buf_free(&what);
	gs_reason_free(&err);
}

/* NAME is taken in SEEN as a column of the header; exits naming it when
 * it was taken already (WAS 1: by a key column). */
static void claim_name(gs_hash *seen, const char *name, int key)
{
	void *was = gs_hash_get(seen, name, strlen(name));
	if (was && key)
		gs_usage_error("--by: the field '%s' is given twice", name);
	if (was == (void *)1)
		gs_usage_error("the output column '%s' is a key column too: give it another name", name);
	if (was)
		gs_usage_error("the output column '%s' is given twice: give each column a name of its own",
		               name);
	gs_hash_put(seen, name, strlen(name), (void *)(size_t)(key ? 1 : 2));
}

/* Each column of the header a name of its own, the keys' (period, --by
 * or --level's) and the columns' of --agg and --indicator: a header that
 * names a column twice (township,x,x) cannot be read by name, by report,
 * rank or another tally. */
static void check_names(const struct tool *tl)
{
	const struct tally *t = &tl->t;
	gs_hash *seen = gs_hash_new();
	if (t->period >= 0)
		claim_name(seen, "period", 1);
	for (size_t i = 0; i < t->nby; i++)
		claim_name(seen, t->by[i], 1);
	if (tl->a->from_given)
		for (size_t i = 0; i < tl->ncols; i++)
			claim_name(seen, tl->cols[i].p->t->aggs.cols[tl->cols[i].c].name, 0);
	else
		for (size_t i = 0; i < t->aggs.ncols; i++)
			claim_name(seen, t->aggs.cols[i].name, 0);
	gs_hash_free(seen);
}

/* --agg and --indicator, in the order given. */
static void add_columns(struct tool *tl)
{
	const struct gengetopt_args_info *a = tl->a;
	for (unsigned i = 0; i < a->agg_given; i++)
		add_agg(&tl->t, NULL, a->agg_arg[i], NULL, tl->round ? a->decimals_arg : -1 - a->decimals_arg,
		        "--agg");
	tl->lowids.cat = tl->cat;
	for (unsigned i = 0; i < a->indicator_given; i++) {
		char **ids = NULL;
		size_t nids = 0;
		gs_split_list(a->indicator_arg[i], &ids, &nids);
		for (size_t k = 0; k < nids; k++) {
			const gs_indicator *ind = gs_catalogue_find(tl->cat, ids[k]);
			if (!ind)
				gs_usage_error("--indicator: no indicator '%s' in %s", ids[k], a->catalogue_arg);
			add_indicator(tl, ind);
			free(ids[k]);
		}
		free(ids);
	}
	if (!a->merge_given && tl->t.aggs.ncols == 0 && !a->from_given)
		gs_usage_error("give at least one --agg or --indicator");
	check_names(tl);
}

/* The village level under the "over" indicators: a part per record
 * input that a village-level indicator reads. */
static void village_level(struct tool *tl)
{
	struct tally *vs = &tl->vshape;
	vs->period = -1;
	gs_split_list("township,village", &vs->by, &vs->nby);
	vs->nkey = vs->nby;
	universe_from_register(vs, &tl->reg, "village");
	if (!tl->lowids.n)
		gs_usage_error("the indicators over the villages name no village-level indicator");
	for (size_t k = 0; k < tl->lowids.n; k++) {
		const gs_indicator *ind = gs_catalogue_find(tl->cat, tl->lowids.ids[k]);
		struct input *in = ind->record ? find_input(tl, ind->record, strlen(ind->record)) : NULL;
		if (!in)
			gs_usage_error("indicator %s reads the %s record: give --from %s=FILE", ind->id,
			               ind->record ? ind->record : "(no)", ind->record ? ind->record : "RECORD");
		struct part *p = NULL;
		for (size_t s = 0; s < in->nsinks; s++)
			if (in->sinks[s].p->t->nby == 2)
				p = in->sinks[s].p;
		if (!p) {
			p = &tl->lower[tl->nlower++];
			p->t = new_tally(vs, vs->by, vs->nby);
			share_universe(p->t, vs);
			memset(&in->sinks[in->nsinks], 0, sizeof in->sinks[0]);
			in->sinks[in->nsinks++].p = p;
		}
		gs_reason err = {0};
		/* a village's value decides what is counted, never read: exact */
		int d = ind->decimals >= 0 ? ind->decimals : tl->a->decimals_arg;
		if (gs_aggset_add(&p->t->aggs, ind->id, ind->agg, ind->where, -1 - d, &err) < 0)
			gs_usage_error("indicator %s '%s': %s", ind->id, ind->agg, gs_reason_shown(&err));
		gs_reason_free(&err);
	}
}

/* --where, what every input shares, and the one input of the FILE
 * arguments. */
static void set_run(struct tool *tl)
{
	const struct gengetopt_args_info *a = tl->a;
	if (a->where_given) {
		gs_reason err = {0};
		size_t pos = 0;
		tl->where = gs_expr_parse(a->where_arg, &pos, 1, &err);
		if (!tl->where)
			gs_usage_error("--where '%s': column %zu: %s", a->where_arg, pos + 1, gs_reason_shown(&err));
		gs_reason_free(&err);
	}
	tl->run = (struct run){tl->where, a->rollup_given ? a->rollup_label_arg : NULL,
	                       a->rejects_given ? a->rejects_arg : NULL,
	                       tl->out_format,
	                       a->partial_given ? &tl->pv : NULL,
	                       a->where_given ? a->where_arg : NULL,
	                       a->jobs_given ? a->jobs_arg : cores(), NULL};
	/* the progress line counts what one stream reads: threads asked for
	 * by name win over a line drawn only because stderr is a terminal */
	if (tl->run.jobs > 1 && a->jobs_given && gs_progress_mode == GS_PROGRESS_AUTO)
		gs_progress_mode = GS_PROGRESS_OFF;
	tl->single = (struct part){&tl->t, NULL};
	if (!a->from_given && !a->merge_given) {
		tl->ins = gs_xcalloc(2, sizeof *tl->ins);
		tl->nins = 1;
		tl->ins[0].files = a->inputs;
		tl->ins[0].nfiles = a->inputs_num;
		tl->ins[0].sinks[0].p = &tl->single;
		tl->ins[0].nsinks = 1;
		if (a->universe_given && !a->partial_given && !tl->have_reg)
			load_universe(&tl->t, a->universe_arg, &tl->so);
	}
	if (a->from_given && a->rejects_given && tl->nins > 1 && !strstr(a->rejects_arg, "{record}"))
		gs_usage_error("--rejects with several --from records: put {record} in the file name "
		               "(rejects-{record}.csv), one file a record");
}

/* --merge: the partial streams (standard input without FILE) into t. */
static void merge_inputs(struct tool *tl)
{
	const struct gengetopt_args_info *a = tl->a;
	size_t nf = a->inputs_num ? a->inputs_num : 1;
	if (tl->run.out_format < 0)
		tl->run.out_format = GS_FMT_CSV;
	struct merge_run *mr = &tl->merge;
	mr->universe = a->universe_given ? a->universe_arg : NULL;
	mr->rejects = tl->run.rejects;
	mr->format = tl->run.out_format;
	for (size_t i = 0; i < nf; i++) {
		int s = merge_file(&tl->t, &tl->pv, a->inputs_num ? a->inputs[i] : "-", mr);
		if (s > tl->status)
			tl->status = s;
	}
	if (!tl->t.aggs.ncols)
		exit(gs_close_stdout(GS_IO));
}

/* --merge's counts, as summary's for the rows of a pass. */
static void merge_summary(const struct merge_run *mr, int verbose)
{
	long nrej = gs_rejects_count(mr->rj);
	if (!nrej && !verbose)
		return;
	gs_buf sum = {0};
	gs_buf_printf(&sum, _("%ld groups read from the partial streams, %ld merged"), mr->ngroups,
	              mr->nmerged);
	if (mr->noutside)
		gs_buf_printf(&sum, C_("groups", ", %ld outside the universe and left out by every column's where"),
		              mr->noutside);
	gs_buf_printf(&sum, C_("groups", ", %ld rejected"), nrej);
	gs_msg(NULL, 0, "%s", sum.p);
	gs_buf_free(&sum);
}

/* The villages' table of the lower parts, fed as an input to the part of
 * the indicators over it. */
static void tally_villages(struct tool *tl)
{
	size_t nlc = 0;
	struct colref *lc = NULL;
	const struct fieldlist *ids = &tl->lowids;
	gs_field *lnames = gs_xmalloc((2 + ids->n + 1) * sizeof *lnames);
	lnames[0] = (gs_field){"township", 8};
	lnames[1] = (gs_field){"village", 7};
	for (size_t k = 0; k < ids->n; k++) {
		for (size_t q = 0; q < tl->nlower; q++)
			for (size_t c = 0; c < tl->lower[q].t->aggs.ncols; c++)
				if (!strcmp(tl->lower[q].t->aggs.cols[c].name, ids->ids[k])) {
					lc = gs_xrealloc(lc, (nlc + 1) * sizeof *lc);
					lc[nlc++] = (struct colref){&tl->lower[q], c};
				}
		lnames[2 + k] = (gs_field){ids->ids[k], strlen(ids->ids[k])};
	}
	struct input *in = &tl->over_in;
	in->record = "villages";
	in->sinks[0].p = &tl->over;
	in->nsinks = 1;
	sink_bind(&in->sinks[0], lnames, 2 + nlc, "the villages' table");
	in->rj = gs_rejects_open(NULL, GS_FMT_CSV);
	gs_rejects_header(in->rj, lnames, 2 + nlc, 1);
	struct run orun = {.out_format = tl->run.out_format};
	struct over_feed of = {in, &orun, {{0}, {0}}};
	result_rows(tl->lower, tl->nlower, &tl->vshape, lc, nlc, 0, "*", over_row, &of);
	gs_reason_free(&of.err);
	free(lc);
	free(lnames);
	tl->parts[tl->nparts++] = tl->over;
	for (size_t k = 0; k < tl->ncols; k++)
		if (tl->cols[k].p == &tl->over)
			tl->cols[k].p = &tl->parts[tl->nparts - 1];
}

/* Without --from: the one part, every column of t. */
static void single_part(struct tool *tl)
{
	tl->parts = gs_xcalloc(2, sizeof *tl->parts);
	tl->parts[0] = tl->single;
	tl->nparts = 1;
	free(tl->cols);
	tl->ncols = tl->t.aggs.ncols;
	tl->cols = gs_xmalloc((tl->ncols + 1) * sizeof *tl->cols);
	for (size_t k = 0; k < tl->ncols; k++)
		tl->cols[k] = (struct colref){&tl->parts[0], k};
}

/* --partial: the header, then the leaf groups' states sorted by key. */
static void write_partial(struct tool *tl)
{
	struct tally *t = &tl->t;
	size_t nleaf = t->ngroups;
	struct group **order = gs_xmalloc((nleaf + 1) * sizeof *order);
	for (size_t i = 0; i < nleaf; i++)
		order[i] = &t->groups[i];
	sort_t = t;
	qsort(order, nleaf, sizeof *order, cmp_groups);
	gs_sha256 sc;
	gs_sha256_init(&sc);
	unsigned long long nbytes = 0;
	gs_buf line = {0};
	partial_header(t, &tl->pv, &line);
	for (size_t i = 0; i <= nleaf; i++) {
		if (i) {
			gs_buf_clear(&line);
			gs_buf_adds(&line, "{\"k\":");
			write_json_strings(&line, order[i - 1]->key, t->nkey);
			gs_buf_adds(&line, ",\"s\":");
			gs_slots_write(&t->aggs, order[i - 1]->slots, &line);
			gs_buf_adds(&line, "}\n");
		}
		fwrite(line.p, 1, line.len, stdout);
		gs_sha256_update(&sc, line.p, line.len);
		nbytes += line.len;
	}
	char sha[65];
	gs_sha256_hex(&sc, sha);
	gs_manifest_written("-", "output", sha, nbytes, (long)nleaf);
	gs_buf_free(&line);
	free(order);
}

/* The result table: keys, then the columns, one row per group. */
static void write_table(struct tool *tl)
{
	const struct tally *t = &tl->t;
	size_t ncol = t->nkey + tl->ncols;
	gs_field *names = gs_xmalloc((ncol + 1) * sizeof *names);
	unsigned char *numeric = gs_xcalloc(ncol + 1, 1);
	size_t c = 0;
	if (t->period >= 0)
		names[c++] = (gs_field){"period", 6};
	for (size_t i = 0; i < t->nby; i++)
		names[c++] = (gs_field){t->by[i], strlen(t->by[i])};
	for (size_t i = 0; i < tl->ncols; i++) {
		numeric[c] = 1;
		const char *nm = tl->cols[i].p->t->aggs.cols[tl->cols[i].c].name;
		names[c++] = (gs_field){nm, strlen(nm)};
	}
	gs_writer *w = gs_writer_new(stdout, tl->run.out_format);
	gs_cli_output_encoding(tl->cli, w, tl->run.out_format, "-o");
	gs_writer_header(w, names, ncol, numeric);
	result_rows(tl->parts, tl->nparts, t, tl->cols, tl->ncols, tl->a->rollup_given,
	            tl->a->rollup_label_arg, write_row, w);
	gs_manifest_output(w);
	gs_writer_free(w);
	free(names);
	free(numeric);
}

/* The row counts, the rejects closed, the manifest's record; the status. */
static int finish(struct tool *tl)
{
	const struct gengetopt_args_info *a = tl->a;
	int status = tl->status;
	for (size_t i = 0; i < tl->nins; i++) {
		struct input *in = &tl->ins[i];
		long nrej = in->rj ? gs_rejects_count(in->rj) : 0;
		if (nrej && status < GS_REJECT)
			status = GS_REJECT;
		summary(in, &tl->run, a->verbose_given);
		if (in->rj) {
			int rs = gs_rejects_close(in->rj);
			if (rs > status)
				status = rs;
		}
	}
	if (tl->over_in.rj) {
		if (gs_rejects_count(tl->over_in.rj) && status < GS_REJECT)
			status = GS_REJECT;
		gs_rejects_close(tl->over_in.rj);
	}
	if (tl->merge.rj) {
		if (gs_rejects_count(tl->merge.rj) && status < GS_REJECT)
			status = GS_REJECT;
		merge_summary(&tl->merge, a->verbose_given);
		int rs = gs_rejects_close(tl->merge.rj);
		if (rs > status)
			status = rs;
	}
	if (a->catalogue_given)
		gs_manifest_file(a->catalogue_arg, "catalogue");
	if (a->universe_given && !tl->have_reg)
		gs_manifest_file(a->universe_arg, "universe");
	if (a->header_from_given)
		gs_manifest_file(a->header_from_arg, "header");
	return gs_manifest_end(status);
}

static void free_tool(struct tool *tl)
{
	struct tally *t = &tl->t;
	for (size_t i = 0; i < tl->nins; i++) {
		struct input *in = &tl->ins[i];
		for (size_t k = 0; k < in->nsinks; k++)
			sink_free(&in->sinks[k]);
		if (tl->a->from_given) {
			free((char *)in->record);
			free(in->files);
		}
		gs_expr_free(in->filter);
	}
	if (tl->over_in.rj)
		sink_free(&tl->over_in.sinks[0]);
	free(tl->ins);
	for (size_t i = 0; i < tl->nparts; i++) {
		gs_slots_free(&tl->parts[i].t->aggs, tl->parts[i].blank);
		if (tl->parts[i].t != t) {
			free_tally(tl->parts[i].t, 0);
			free(tl->parts[i].t);
		}
	}
	for (size_t i = 0; i < tl->nlower; i++) {
		gs_slots_free(&tl->lower[i].t->aggs, tl->lower[i].blank);
		free_tally(tl->lower[i].t, 0);
		free(tl->lower[i].t);
	}
	free(tl->parts);
	free(tl->lower);
	free(tl->cols);
	free(tl->lowids.ids);
	if (tl->vshape.by) {
		for (size_t i = 0; i < tl->vshape.nby; i++)
			free(tl->vshape.by[i]);
		free(tl->vshape.by);
		free_tally(&tl->vshape, 1);
	}
	free_register(&tl->reg);
	free_tally(t, 1);
	for (size_t i = 0; i < t->nby; i++)
		free(t->by[i]);
	free(t->by);
	gs_expr_free(tl->where);
	gs_catalogue_free(tl->cat);
	prov_free(&tl->pv);
	gs_buf_free(&tl->hfbytes);
	free(tl->hfnames);
}

int main(int argc, char **argv)
{
	struct gengetopt_args_info a;
	gs_cli cli;
	GS_CLI_START(cli, a, "tally", argc, argv);
	{
		const char *side[] = {a.universe_given ? a.universe_arg : NULL, a.catalogue_given ? a.catalogue_arg : NULL,
		                      a.header_from_given ? a.header_from_arg : NULL};
		gs_cli_outputs(&cli, side, sizeof side / sizeof *side, NULL, 0);
	}

	struct tool tl = {0};
	tl.a = &a;
	tl.t.index = gs_hash_new();
	tl.t.period = -1;
	tl.cli = &cli;
	tl.so.format = cli.in_format;
	tl.out_format = cli.out_format;
	check_options(&a, &cli);
	set_keys(&tl);
	open_references(&tl);
	if (a.from_given)
		from_inputs(&tl);
	add_columns(&tl);
	if (tl.over.t)
		village_level(&tl);
	set_run(&tl);
	if (a.merge_given)
		merge_inputs(&tl);
	for (size_t i = 0; i < tl.nins; i++) {
		int s = read_input(&tl.ins[i], &tl.run, &tl.so);
		if (s > tl.status)
			tl.status = s;
	}
	if (tl.over.t)
		tally_villages(&tl);
	if (!a.from_given)
		single_part(&tl);
	if (tl.run.out_format < 0)
		tl.run.out_format = GS_FMT_CSV;
	if (a.partial_given)
		write_partial(&tl);
	else
		write_table(&tl);
	int status = finish(&tl);
	free_tool(&tl);
	cmdline_parser_free(&a);
	return gs_close_stdout(status);
}
