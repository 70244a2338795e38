#include "agg.h"
#include "diag.h"
#include "i18n.h"
#include "writer.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const struct { const char *name; int kind; int args; } fns[] = {
	{"count", GS_A_COUNT, -1}, {"sum", GS_A_SUM, 1}, {"mean", GS_A_MEAN, 1},
	{"min", GS_A_MIN, 1}, {"max", GS_A_MAX, 1}, {"distinct", GS_A_DISTINCT, 1},
	{"ratio", GS_A_RATIO, 2}, {"one", GS_A_ONE, 1}, {"events", GS_A_EVENTS, 4},
	{"deduction", GS_A_DEDUCTION, 4}, {"add", GS_A_ADD, -1},
};

struct aparser {
	const char *s;
	size_t pos;
	gs_reason *err;
	size_t errpos;
};

static void skip_ws(struct aparser *p)
{
	while (p->s[p->pos] == ' ' || p->s[p->pos] == '\t')
		p->pos++;
}

/* MSG is an English message (N_). */
static int afail(struct aparser *p, size_t at, const char *msg)
{
	p->errpos = at;
	gs_reason_clear(p->err);
	gs_reason_say(p->err, msg);
	return -1;
}

static void agg_free(gs_agg *a)
{
	if (!a)
		return;
	gs_expr_free(a->arg);
	gs_expr_free(a->id);
	gs_expr_free(a->order);
	gs_expr_free(a->sens);
	agg_free(a->x);
	agg_free(a->y);
	for (size_t i = 0; i < a->nparts; i++)
		agg_free(a->parts[i]);
	free(a->parts);
	free(a);
}

static gs_agg *parse_agg(struct aparser *p)
{
	skip_ws(p);
	size_t at = p->pos;
	size_t i = p->pos;
	while ((p->s[i] >= 'a' && p->s[i] <= 'z'))
		i++;
	size_t k;
	for (k = 0; k < sizeof fns / sizeof fns[0]; k++)
		if (strlen(fns[k].name) == i - at && !memcmp(fns[k].name, p->s + at, i - at))
			break;
	if (k == sizeof fns / sizeof fns[0]) {
		afail(p, at, N_("expected count, sum, mean, min, max, distinct, ratio, one, events, deduction or add"));
		return NULL;
	}
	p->pos = i;
	skip_ws(p);
	if (p->s[p->pos] != '(') {
		afail(p, p->pos, N_("expected '('"));
		return NULL;
	}
	p->pos++;
	gs_agg *a = calloc(1, sizeof *a);
	if (!a)
		gs_die(GS_IO, NULL, 0, "out of memory");
	a->kind = fns[k].kind;
	a->slot = -1;
	skip_ws(p);
	if (a->kind == GS_A_RATIO) {
		if (!(a->x = parse_agg(p)))
			goto bad;
		skip_ws(p);
		if (p->s[p->pos] != ',') {
			afail(p, p->pos, N_("expected ',' between the two aggregates of ratio"));
			goto bad;
		}
		p->pos++;
		if (!(a->y = parse_agg(p)))
			goto bad;
	} else if (a->kind == GS_A_EVENTS) {
		gs_expr **e[4] = {&a->arg, &a->id, &a->order, &a->sens};
		for (int k = 0; k < 4; k++) {
			if (k) {
				skip_ws(p);
				if (p->s[p->pos] != ',') {
					afail(p, p->pos, N_("events takes four arguments: CONDITION, ID, ORDER, SENSITIVE"));
					goto bad;
				}
				p->pos++;
			}
			size_t pos = p->pos;
			*e[k] = gs_expr_parse(p->s, &pos, 0, p->err);
			if (!*e[k]) {
				p->errpos = pos;
				goto bad;
			}
			p->pos = pos;
		}
	} else if (a->kind == GS_A_DEDUCTION) {
		gs_num *n[3] = {&a->pts, &a->rep, &a->smul};
		for (int k = 0; k < 3; k++) {
			skip_ws(p);
			size_t b = p->pos;
			while (p->s[p->pos] && strchr("0123456789.", p->s[p->pos]))
				p->pos++;
			if (gs_num_parse(p->s + b, p->pos - b, n[k]) < 0) {
				afail(p, b, N_("deduction takes POINTS, REPEAT and SENSITIVE as numbers, then events(...)"));
				goto bad;
			}
			skip_ws(p);
			if (p->s[p->pos] != ',') {
				afail(p, p->pos, N_("expected ',' in deduction"));
				goto bad;
			}
			p->pos++;
		}
		if (!(a->x = parse_agg(p)))
			goto bad;
		if (a->x->kind != GS_A_EVENTS) {
			afail(p, p->pos, N_("deduction's last argument is events(...)"));
			goto bad;
		}
	} else if (a->kind == GS_A_ADD) {
		while (p->s[p->pos] != ')') {
			if (a->nparts) {
				if (p->s[p->pos] != ',') {
					afail(p, p->pos, N_("expected ',' between the aggregates of add"));
					goto bad;
				}
				p->pos++;
			}
			gs_agg *x = parse_agg(p);
			if (!x)
				goto bad;
			a->parts = gs_xrealloc(a->parts, (a->nparts + 1) * sizeof *a->parts);
			a->parts[a->nparts++] = x;
			skip_ws(p);
		}
	} else if (!(a->kind == GS_A_COUNT && p->s[p->pos] == ')')) {
		size_t pos = p->pos;
		a->arg = gs_expr_parse(p->s, &pos, 0, p->err);
		if (!a->arg) {
			p->errpos = pos;
			goto bad;
		}
		p->pos = pos;
	}
	skip_ws(p);
	if (p->s[p->pos] != ')') {
		afail(p, p->pos, N_("expected ')'"));
		goto bad;
	}
	p->pos++;
	return a;
bad:
	agg_free(a);
	return NULL;
}

static void assign_slots(gs_aggset *set, gs_agg *a, gs_expr *where)
{
	if (a->kind == GS_A_RATIO) {
		assign_slots(set, a->x, where);
		assign_slots(set, a->y, where);
		return;
	}
	if (a->kind == GS_A_DEDUCTION) {
		assign_slots(set, a->x, where);
		return;
	}
	if (a->kind == GS_A_ADD) {
		for (size_t i = 0; i < a->nparts; i++)
			assign_slots(set, a->parts[i], where);
		return;
	}
	set->slots = gs_xrealloc(set->slots, (set->nslots + 1) * sizeof *set->slots);
	set->slots[set->nslots] = (gs_slotdef){a->kind, a->arg, where, a->id, a->order, a->sens};
	a->slot = (int)set->nslots++;
}

static int is_name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '_' || (unsigned char)c >= 0x80;
}

int gs_aggset_add(gs_aggset *set, const char *name, const char *src,
                  const char *where_src, int decimals, gs_reason *err)
{
	struct aparser p = {src, 0, err, 0};
	gs_buf nm = {0};
	if (!name) {
		/* NAME= : any letters, digits, '_' or non-ASCII */
		while (is_name_char(src[p.pos]))
			p.pos++;
		if (p.pos == 0 || src[p.pos] != '=' || src[p.pos + 1] == '=') {
			afail(&p, p.pos, N_("expected NAME=AGGREGATE"));
			goto bad;
		}
		gs_buf_add(&nm, src, p.pos);
		p.pos++;
	} else
		gs_buf_adds(&nm, name);
	size_t aggstart = p.pos;
	gs_agg *a = parse_agg(&p);
	if (!a)
		goto bad;
	skip_ws(&p);
	if (src[p.pos]) {
		agg_free(a);
		afail(&p, p.pos, N_("unexpected text after the aggregate"));
		goto bad;
	}
	gs_expr *where = NULL;
	if (where_src) {
		size_t pos = 0;
		where = gs_expr_parse(where_src, &pos, 1, err);
		if (!where) {
			agg_free(a);
			gs_reason_prefix(err, "where, column %zu: ", pos + 1);
			gs_buf_free(&nm);
			return -1;
		}
	}
	set->cols = gs_xrealloc(set->cols, (set->ncols + 1) * sizeof *set->cols);
	gs_aggcol *c = &set->cols[set->ncols++];
	c->name = gs_xstrndup(nm.p, nm.len);
	c->src = gs_xstrndup(src + aggstart, strlen(src + aggstart));
	c->where_src = where_src ? gs_xstrndup(where_src, strlen(where_src)) : NULL;
	c->agg = a;
	c->where = where;
	c->decimals = decimals;
	assign_slots(set, a, where);
	gs_buf_free(&nm);
	return 0;
bad:
	gs_buf_free(&nm);
	if (gs_reason_empty(err))
		gs_reason_say(err, N_("bad aggregate"));
	gs_reason_prefix(err, "column %zu: ", p.errpos + 1);
	return -1;
}

/* Bind the expressions of A and of its parts: -1 with ERR on an unknown
 * field. */
static int bind_agg(const gs_agg *a, const gs_field *names, size_t n, gs_reason *err)
{
	if (!a)
		return 0;
	if (gs_expr_bind(a->arg, names, n, err) || gs_expr_bind(a->id, names, n, err) ||
	    gs_expr_bind(a->order, names, n, err) || gs_expr_bind(a->sens, names, n, err) ||
	    bind_agg(a->x, names, n, err) || bind_agg(a->y, names, n, err))
		return -1;
	for (size_t i = 0; i < a->nparts; i++)
		if (bind_agg(a->parts[i], names, n, err))
			return -1;
	return 0;
}

int gs_aggset_bind(gs_aggset *set, const gs_field *names, size_t n, gs_reason *err)
{
	for (size_t i = 0; i < set->nslots; i++)
		if (gs_expr_bind(set->slots[i].arg, names, n, err) ||
		    gs_expr_bind(set->slots[i].where, names, n, err) ||
		    gs_expr_bind(set->slots[i].id, names, n, err) ||
		    gs_expr_bind(set->slots[i].order, names, n, err) ||
		    gs_expr_bind(set->slots[i].sens, names, n, err)) {
			/* name the column the field is missing from, as written */
			for (size_t c = 0; c < set->ncols; c++) {
				const gs_aggcol *col = &set->cols[c];
				if (gs_expr_bind(col->where, names, n, err) || bind_agg(col->agg, names, n, err)) {
					if (col->where_src)
						gs_reason_prefix(err, "%s=%s where %s: ", col->name, col->src, col->where_src);
					else
						gs_reason_prefix(err, "%s=%s: ", col->name, col->src);
					break;
				}
			}
			return -1;
		}
	return 0;
}

int gs_aggset_eval(const gs_aggset *set, const gs_field *row, gs_delta *d, gs_reason *err)
{
	const gs_expr *last_where = NULL;
	int last_ok = 1;
	for (size_t i = 0; i < set->nslots; i++) {
		const gs_slotdef *s = &set->slots[i];
		d[i].use = 0;
		if (s->where) {
			/* slots of one column share its filter: test it once */
			if (s->where != last_where) {
				int t = gs_expr_test(s->where, row, err);
				if (t < 0)
					return -1;
				last_where = s->where;
				last_ok = t;
			}
			if (!last_ok)
				continue;
		}
		if (s->kind == GS_A_COUNT) {
			if (!s->arg)
				d[i].use = 1;
			else {
				int t = gs_expr_test(s->arg, row, err);
				if (t < 0)
					return -1;
				d[i].use = t;
			}
			continue;
		}
		gs_value v;
		if (s->kind == GS_A_EVENTS) {
			int t = gs_expr_test(s->arg, row, err);
			if (t <= 0) {
				if (t < 0)
					return -1;
				continue;
			}
			if (gs_expr_eval(s->id, row, &v, err))
				return -1;
			if (v.type == GS_V_NA || v.type == GS_V_BOOL) {
				gs_reason_clear(err);
				const char *f = gs_expr_field_name(s->id);
				if (f)
					gs_reason_printf(err, "an event with no id (field '%s' is empty)", f);
				else
					gs_reason_say(err, N_("an event with no id"));
				return -1;
			}
			d[i].s = v.s;
			d[i].n = v.n;
			if (gs_expr_eval(s->order, row, &v, err))
				return -1;
			d[i].o = v.type == GS_V_NA || v.type == GS_V_BOOL ? "" : v.s;
			d[i].on = v.type == GS_V_NA || v.type == GS_V_BOOL ? 0 : v.n;
			if ((t = gs_expr_test(s->sens, row, err)) < 0)
				return -1;
			d[i].sens = t;
			d[i].use = 1;
			continue;
		}
		if (gs_expr_eval(s->arg, row, &v, err))
			return -1;
		if (v.type == GS_V_NA)
			continue;
		if (s->kind == GS_A_DISTINCT) {
			if (v.type == GS_V_BOOL) {
				v.s = v.b ? "true" : "false";
				v.n = strlen(v.s);
			}
			d[i].use = 1;
			d[i].s = v.s;
			d[i].n = v.n;
			continue;
		}
		int k = gs_value_number(&v, &d[i].num);
		if (k < 0) {
			gs_reason_clear(err);
			const char *f = gs_expr_field_name(s->arg);
			if (f)
				gs_reason_printf(err, "field '%s': '%.*s' is not a number", f, (int)v.n, v.s);
			else
				gs_reason_printf(err, "'%.*s' is not a number", (int)v.n, v.s);
			return -1;
		}
		d[i].use = k;
	}
	return 0;
}

/* events: take one row's sight of event ID */
static void event_see(gs_hash *set, const char *id, size_t n, const char *o, size_t on, int sens)
{
	gs_event *e = gs_hash_get(set, id, n);
	if (!e) {
		e = gs_xmalloc(sizeof *e);
		e->order = gs_xstrndup(o, on);
		e->sensitive = sens;
		gs_hash_put(set, id, n, e);
		return;
	}
	size_t en = strlen(e->order);
	int c = memcmp(o, e->order, on < en ? on : en);
	if (c < 0 || (c == 0 && on < en)) {
		free(e->order);
		e->order = gs_xstrndup(o, on);
	}
	e->sensitive |= sens;
}

static void one_conflict(gs_reason *err, gs_num a, gs_num b)
{
	gs_buf ta = {0}, tb = {0};
	gs_num_format(&ta, a, 4);
	gs_num_format(&tb, b, 4);
	gs_reason_clear(err);
	gs_reason_printf(err, "one() has two different values, %s and %s", ta.p, tb.p);
	gs_buf_free(&ta);
	gs_buf_free(&tb);
}

static int overflow(gs_reason *err)
{
	gs_reason_clear(err);
	gs_reason_say(err, N_("sum out of range (the limit is about 1.7e38 in units of its last decimal)"));
	return -1;
}

int gs_slots_apply(const gs_aggset *set, gs_slot *slots, const gs_delta *d, gs_reason *err)
{
	for (size_t i = 0; i < set->nslots; i++) {
		if (!d[i].use)
			continue;
		gs_slot *s = &slots[i];
		switch (set->slots[i].kind) {
		case GS_A_COUNT:
			s->count++;
			break;
		case GS_A_SUM:
		case GS_A_MEAN:
			if (gs_num_add(s->acc, d[i].num, &s->acc) < 0)
				return overflow(err);
			s->count++;
			break;
		case GS_A_MIN:
		case GS_A_MAX: {
			int c = s->has ? gs_num_cmp(d[i].num, s->acc) : 0;
			if (!s->has || (set->slots[i].kind == GS_A_MIN ? c < 0 : c > 0))
				s->acc = d[i].num;
			s->has = 1;
			break;
		}
		case GS_A_DISTINCT:
			if (!gs_hash_get(s->set, d[i].s, d[i].n))
				gs_hash_put(s->set, d[i].s, d[i].n, (void *)1);
			break;
		case GS_A_ONE:
			if (s->has && gs_num_cmp(d[i].num, s->acc)) {
				one_conflict(err, s->acc, d[i].num);
				return -1;
			}
			if (!s->has || d[i].num.scale > s->acc.scale)
				s->acc = d[i].num;
			s->has = 1;
			break;
		case GS_A_EVENTS:
			event_see(s->set, d[i].s, d[i].n, d[i].o, d[i].on, d[i].sens);
			break;
		}
	}
	return 0;
}

static void unite_events(const char *key, size_t n, void *value, void *arg)
{
	const gs_event *e = value;
	event_see(arg, key, n, e->order, strlen(e->order), e->sensitive);
}

static void unite(const char *key, size_t n, void *value, void *arg)
{
	(void)value;
	gs_hash *into = arg;
	if (!gs_hash_get(into, key, n))
		gs_hash_put(into, key, n, (void *)1);
}

static int merge(const gs_aggset *set, gs_slot *into, const gs_slot *from, int rollup, gs_reason *err)
{
	for (size_t i = 0; i < set->nslots; i++) {
		gs_slot *s = &into[i];
		const gs_slot *f = &from[i];
		switch (set->slots[i].kind) {
		case GS_A_ONE:
			if (rollup || !f->has)
				break;
			if (s->has && gs_num_cmp(f->acc, s->acc)) {
				one_conflict(err, s->acc, f->acc);
				return -1;
			}
			if (!s->has || f->acc.scale > s->acc.scale)
				s->acc = f->acc;
			s->has = 1;
			break;
		case GS_A_EVENTS:
			gs_hash_each(f->set, unite_events, s->set);
			break;
		case GS_A_COUNT:
			s->count += f->count;
			break;
		case GS_A_SUM:
		case GS_A_MEAN:
			if (gs_num_add(s->acc, f->acc, &s->acc) < 0)
				return overflow(err);
			s->count += f->count;
			break;
		case GS_A_MIN:
		case GS_A_MAX:
			if (f->has) {
				int c = s->has ? gs_num_cmp(f->acc, s->acc) : 0;
				if (!s->has || (set->slots[i].kind == GS_A_MIN ? c < 0 : c > 0))
					s->acc = f->acc;
				s->has = 1;
			}
			break;
		case GS_A_DISTINCT:
			gs_hash_each(f->set, unite, s->set);
			break;
		}
	}
	return 0;
}

int gs_slots_merge(const gs_aggset *set, gs_slot *into, const gs_slot *from, gs_reason *err)
{
	return merge(set, into, from, 0, err);
}

int gs_slots_rollup(const gs_aggset *set, gs_slot *into, const gs_slot *from, gs_reason *err)
{
	return merge(set, into, from, 1, err);
}

int gs_aggset_wanted(const gs_aggset *set, const gs_field *row, gs_reason *err)
{
	for (size_t i = 0; i < set->ncols; i++) {
		if (!set->cols[i].where)
			return 1;
		int t = gs_expr_test(set->cols[i].where, row, err);
		if (t)
			return t;
	}
	return 0;
}

int gs_aggset_all_one(const gs_aggset *set)
{
	for (size_t i = 0; i < set->ncols; i++)
		if (set->cols[i].agg->kind != GS_A_ONE)
			return 0;
	return set->ncols > 0;
}

void gs_aggset_fields(const gs_aggset *set, void (*fn)(const char *name, void *arg), void *arg)
{
	for (size_t i = 0; i < set->nslots; i++) {
		gs_expr_fields(set->slots[i].arg, fn, arg);
		gs_expr_fields(set->slots[i].where, fn, arg);
		gs_expr_fields(set->slots[i].id, fn, arg);
		gs_expr_fields(set->slots[i].order, fn, arg);
		gs_expr_fields(set->slots[i].sens, fn, arg);
	}
}

gs_slot *gs_slots_new(const gs_aggset *set)
{
	gs_slot *s = calloc(set->nslots + 1, sizeof *s);
	if (!s)
		gs_die(GS_IO, NULL, 0, "out of memory");
	for (size_t i = 0; i < set->nslots; i++) {
		s[i].acc = gs_num_int(0);
		if (set->slots[i].kind == GS_A_DISTINCT || set->slots[i].kind == GS_A_EVENTS)
			s[i].set = gs_hash_new();
	}
	return s;
}

static void free_event(const char *key, size_t n, void *value, void *arg)
{
	(void)key;
	(void)n;
	(void)arg;
	gs_event *e = value;
	free(e->order);
	free(e);
}

void gs_slots_free(const gs_aggset *set, gs_slot *slots)
{
	if (!slots)
		return;
	for (size_t i = 0; i < set->nslots; i++) {
		if (set->slots[i].kind == GS_A_EVENTS)
			gs_hash_each(slots[i].set, free_event, NULL);
		gs_hash_free(slots[i].set);
	}
	free(slots);
}

struct evlist {
	const char **id;
	const gs_event **ev;
	size_t n;
};

static void collect_events(const char *key, size_t n, void *value, void *arg)
{
	(void)n;
	struct evlist *l = arg;
	l->id[l->n] = key;
	l->ev[l->n++] = value;
}

static const struct evlist *sort_ev;

static int cmp_ev(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c = strcmp(sort_ev->ev[a]->order, sort_ev->ev[b]->order);
	return c ? c : strcmp(sort_ev->id[a], sort_ev->id[b]);
}

/* deduction(P, R, M, events): P for the first event in order, P * R for
 * each later one, times M for a sensitive one. Keys of the hash are the
 * ids as stored (NUL-terminated copies). */
static int deduction_of(const gs_agg *a, const gs_slot *s, gs_num *out)
{
	size_t n = gs_hash_count(s->set);
	struct evlist l = {gs_xmalloc((n + 1) * sizeof *l.id), gs_xmalloc((n + 1) * sizeof *l.ev), 0};
	gs_hash_each(s->set, collect_events, &l);
	size_t *ix = gs_xmalloc((n + 1) * sizeof *ix);
	for (size_t i = 0; i < n; i++)
		ix[i] = i;
	sort_ev = &l;
	qsort(ix, n, sizeof *ix, cmp_ev);
	gs_num sum = gs_num_int(0);
	int ok = 1;
	for (size_t k = 0; k < n && ok; k++) {
		gs_num p = a->pts;
		if (k > 0)
			ok &= gs_num_mul(p, a->rep, &p) == 0;
		if (l.ev[ix[k]]->sensitive)
			ok &= gs_num_mul(p, a->smul, &p) == 0;
		ok &= gs_num_add(sum, p, &sum) == 0;
	}
	free(ix);
	free(l.id);
	free(l.ev);
	*out = sum;
	return ok;
}

/* The exact value of an aggregate: 1 and *OUT, or 0 for NA. */
static int value_of(const gs_agg *a, const gs_slot *slots, gs_num *out)
{
	const gs_slot *s = a->slot >= 0 ? &slots[a->slot] : NULL;
	switch (a->kind) {
	case GS_A_COUNT:
		*out = gs_num_int(s->count);
		return 1;
	case GS_A_DISTINCT:
		*out = gs_num_int((long long)gs_hash_count(s->set));
		return 1;
	case GS_A_SUM:
		*out = s->acc;
		return 1;
	case GS_A_MEAN:
		if (!s->count)
			return 0;
		return gs_num_div(s->acc, gs_num_int(s->count), out) == 0;
	case GS_A_MIN:
	case GS_A_MAX:
	case GS_A_ONE:
		*out = s->acc;
		return s->has;
	case GS_A_EVENTS:
		*out = gs_num_int((long long)gs_hash_count(s->set));
		return 1;
	case GS_A_DEDUCTION:
		return deduction_of(a, &slots[a->x->slot], out);
	case GS_A_ADD: {
		gs_num sum = gs_num_int(0), x;
		for (size_t i = 0; i < a->nparts; i++)
			if (!value_of(a->parts[i], slots, &x) || gs_num_add(sum, x, &sum) < 0)
				return 0;
		*out = sum;
		return 1;
	}
	case GS_A_RATIO: {
		gs_num x, y;
		if (!value_of(a->x, slots, &x) || !value_of(a->y, slots, &y) || gs_num_is_zero(y))
			return 0;
		return gs_num_div(x, y, out) == 0;
	}
	}
	return 0;
}

int gs_aggcol_format(const gs_aggset *set, size_t c, const gs_slot *slots, gs_buf *out)
{
	const gs_aggcol *col = &set->cols[c];
	gs_num v;
	if (!value_of(col->agg, slots, &v))
		return 0;
	if (col->decimals < 0)   /* for the next tool: nothing rounded away */
		gs_num_format_exact(out, v, -1 - col->decimals);
	else if (col->agg->kind == GS_A_MEAN || col->agg->kind == GS_A_RATIO)
		gs_num_format_round(out, v, col->decimals);
	else
		gs_num_format(out, v, col->decimals);
	return 1;
}

/* Exact text of a number: a decimal as it is, a quotient as "p/q". */
static void num_text(gs_buf *out, gs_num a)
{
	if (a.scale >= 0) {
		gs_num_format(out, a, 0);
		return;
	}
	gs_num p = {a.num, 1, 0}, q = {a.den, 1, 0};
	gs_num_format(out, p, 0);
	gs_buf_addc(out, '/');
	gs_num_format(out, q, 0);
}

static int text_num(const char *s, gs_num *out)
{
	const char *slash = strchr(s, '/');
	if (!slash)
		return gs_num_parse(s, strlen(s), out);
	gs_num p, q;
	if (gs_num_parse(s, (size_t)(slash - s), &p) || gs_num_parse(slash + 1, strlen(slash + 1), &q) ||
	    p.scale != 0 || q.scale != 0 || q.num <= 0)
		return -1;
	out->num = p.num;
	out->den = q.num;
	out->scale = -1;
	return 0;
}

struct strlist {
	char **v;
	size_t n;
};

static void collect(const char *key, size_t n, void *value, void *arg)
{
	(void)value;
	struct strlist *l = arg;
	l->v[l->n++] = gs_xstrndup(key, n);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void gs_slots_write(const gs_aggset *set, const gs_slot *slots, gs_buf *out)
{
	gs_buf_addc(out, '[');
	for (size_t i = 0; i < set->nslots; i++) {
		const gs_slot *s = &slots[i];
		if (i)
			gs_buf_addc(out, ',');
		switch (set->slots[i].kind) {
		case GS_A_COUNT:
			/* counts as text: a JSON reader may hold numbers as doubles */
			gs_buf_printf(out, "\"%lld\"", s->count);
			break;
		case GS_A_SUM:
		case GS_A_MEAN:
			gs_buf_printf(out, "[\"%lld\",\"", s->count);
			num_text(out, s->acc);
			gs_buf_adds(out, "\"]");
			break;
		case GS_A_EVENTS: {
			/* [[id, order, sensitive], ...] sorted by id */
			struct strlist l = {gs_xmalloc((gs_hash_count(s->set) + 1) * sizeof(char *)), 0};
			gs_hash_each(s->set, collect, &l);
			qsort(l.v, l.n, sizeof *l.v, cmp_str);
			gs_buf_addc(out, '[');
			for (size_t k = 0; k < l.n; k++) {
				const gs_event *e = gs_hash_get(s->set, l.v[k], strlen(l.v[k]));
				gs_buf_adds(out, k ? ",[" : "[");
				gs_json_string(out, l.v[k], strlen(l.v[k]));
				gs_buf_addc(out, ',');
				gs_json_string(out, e->order, strlen(e->order));
				gs_buf_adds(out, e->sensitive ? ",1]" : ",0]");
				free(l.v[k]);
			}
			gs_buf_addc(out, ']');
			free(l.v);
			break;
		}
		case GS_A_MIN:
		case GS_A_MAX:
		case GS_A_ONE:
			if (!s->has)
				gs_buf_adds(out, "null");
			else {
				gs_buf_addc(out, '"');
				num_text(out, s->acc);
				gs_buf_addc(out, '"');
			}
			break;
		case GS_A_DISTINCT: {
			/* sorted, so that a partial stream is the same on every run */
			struct strlist l = {gs_xmalloc((gs_hash_count(s->set) + 1) * sizeof(char *)), 0};
			gs_hash_each(s->set, collect, &l);
			qsort(l.v, l.n, sizeof *l.v, cmp_str);
			gs_buf_addc(out, '[');
			for (size_t k = 0; k < l.n; k++) {
				if (k)
					gs_buf_addc(out, ',');
				gs_json_string(out, l.v[k], strlen(l.v[k]));
				free(l.v[k]);
			}
			gs_buf_addc(out, ']');
			free(l.v);
			break;
		}
		}
	}
	gs_buf_addc(out, ']');
}

static int read_count(const cJSON *v, long long *out)
{
	if (!cJSON_IsString(v))
		return -1;
	char *end;
	errno = 0;
	long long c = strtoll(v->valuestring, &end, 10);
	if (errno || *end || end == v->valuestring || c < 0)
		return -1;
	*out = c;
	return 0;
}

int gs_slots_read(const gs_aggset *set, gs_slot *slots, const cJSON *arr, gs_reason *err)
{
	if (!cJSON_IsArray(arr) || (size_t)cJSON_GetArraySize(arr) != set->nslots)
		goto bad;
	for (size_t i = 0; i < set->nslots; i++) {
		const cJSON *v = cJSON_GetArrayItem(arr, (int)i);
		gs_slot *s = &slots[i];
		switch (set->slots[i].kind) {
		case GS_A_COUNT:
			if (read_count(v, &s->count))
				goto bad;
			break;
		case GS_A_SUM:
		case GS_A_MEAN: {
			const cJSON *n = cJSON_GetArrayItem(v, 0), *t = cJSON_GetArrayItem(v, 1);
			if (read_count(n, &s->count) || !cJSON_IsString(t) || text_num(t->valuestring, &s->acc))
				goto bad;
			break;
		}
		case GS_A_EVENTS: {
			if (!cJSON_IsArray(v))
				goto bad;
			const cJSON *e;
			cJSON_ArrayForEach(e, v) {
				const cJSON *id = cJSON_GetArrayItem(e, 0), *o = cJSON_GetArrayItem(e, 1);
				const cJSON *sn = cJSON_GetArrayItem(e, 2);
				if (!cJSON_IsString(id) || !cJSON_IsString(o) || !cJSON_IsNumber(sn))
					goto bad;
				event_see(s->set, id->valuestring, strlen(id->valuestring), o->valuestring,
				          strlen(o->valuestring), sn->valueint != 0);
			}
			break;
		}
		case GS_A_MIN:
		case GS_A_MAX:
		case GS_A_ONE:
			if (cJSON_IsNull(v))
				break;
			if (!cJSON_IsString(v) || text_num(v->valuestring, &s->acc))
				goto bad;
			s->has = 1;
			break;
		case GS_A_DISTINCT: {
			if (!cJSON_IsArray(v))
				goto bad;
			const cJSON *e;
			cJSON_ArrayForEach(e, v) {
				if (!cJSON_IsString(e))
					goto bad;
				gs_hash_put(s->set, e->valuestring, strlen(e->valuestring), (void *)1);
			}
			break;
		}
		}
	}
	return 0;
bad:
	gs_reason_clear(err);
	gs_reason_say(err, N_("not a state of these aggregates"));
	return -1;
}

void gs_aggset_free(gs_aggset *set)
{
	for (size_t i = 0; i < set->ncols; i++) {
		free(set->cols[i].name);
		free(set->cols[i].src);
		free(set->cols[i].where_src);
		agg_free(set->cols[i].agg);
		gs_expr_free(set->cols[i].where);
	}
	free(set->cols);
	free(set->slots);
	set->cols = NULL;
	set->slots = NULL;
	set->ncols = set->nslots = 0;
}
