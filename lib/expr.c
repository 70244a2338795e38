#include "expr.h"
#include "diag.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

enum op {
	E_NUM, E_STR, E_FIELD, E_NOT, E_NEG, E_AND, E_OR,
	E_EQ, E_NE, E_LT, E_LE, E_GT, E_GE, E_IN,
	E_ADD, E_SUB, E_MUL, E_DIV, E_EMPTY
};

struct gs_expr {
	enum op op;
	gs_expr *a, *b;        /* operands */
	gs_expr **list;        /* E_IN: the items */
	size_t nlist;
	char *text;            /* E_STR, E_NUM: the literal; E_FIELD: the name */
	size_t len;
	gs_num num;            /* E_NUM */
	long col;              /* E_FIELD: bound column, -1 before */
};

/* ---- lexer ---- */

enum tok { T_END, T_NUM, T_STR, T_NAME, T_OP, T_BAD };

struct parser {
	const char *s;
	size_t pos;            /* next byte */
	size_t tpos;           /* start of the current token */
	enum tok t;
	char op[3];            /* T_OP: the operator */
	gs_buf text;           /* T_STR, T_NAME, T_NUM: the token's text */
	int quoted;            /* T_NAME in backticks */
	gs_reason *err;
	size_t errpos;
	int failed;
};

int gs_expr_scan_quoted(const char *s, size_t *pos, gs_buf *out)
{
	char q = s[*pos];
	size_t i = *pos + 1;
	for (;;) {
		char c = s[i];
		if (!c)
			return -1;
		if (c == q) {
			*pos = i + 1;
			return 0;
		}
		if (c == '\\' && (s[i + 1] == q || s[i + 1] == '\\')) {
			gs_buf_addc(out, s[i + 1]);
			i += 2;
			continue;
		}
		gs_buf_addc(out, c);
		i++;
	}
}

/* The first error at byte AT wins; MSG is an English message (N_). */
static void fail(struct parser *p, size_t at, const char *msg)
{
	if (p->failed)
		return;
	p->failed = 1;
	p->errpos = at;
	gs_reason_clear(p->err);
	gs_reason_say(p->err, msg);
}

static int is_name_start(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static void next(struct parser *p)
{
	const char *s = p->s;
	while (s[p->pos] == ' ' || s[p->pos] == '\t' || s[p->pos] == '\n' || s[p->pos] == '\r')
		p->pos++;
	p->tpos = p->pos;
	gs_buf_clear(&p->text);
	p->quoted = 0;
	char c = s[p->pos];
	if (!c) {
		p->t = T_END;
		return;
	}
	if (is_digit(c) || (c == '.' && is_digit(s[p->pos + 1]))) {
		size_t i = p->pos;
		while (is_digit(s[i]) || s[i] == '.')
			i++;
		if ((s[i] == 'e' || s[i] == 'E') &&
		    (is_digit(s[i + 1]) || ((s[i + 1] == '+' || s[i + 1] == '-') && is_digit(s[i + 2])))) {
			i += 2;
			while (is_digit(s[i]))
				i++;
		}
		gs_buf_add(&p->text, s + p->pos, i - p->pos);
		p->pos = i;
		p->t = T_NUM;
		return;
	}
	if (c == '"' || c == '`') {
		size_t i = p->pos;
		if (gs_expr_scan_quoted(s, &i, &p->text) < 0) {
			fail(p, p->pos, c == '"' ? N_("string not closed") : N_("name in backticks not closed"));
			p->t = T_BAD;
			return;
		}
		p->pos = i;
		p->t = c == '"' ? T_STR : T_NAME;
		p->quoted = c == '`';
		return;
	}
	if (is_name_start(c)) {
		size_t i = p->pos;
		while (is_name_start(s[i]) || is_digit(s[i]))
			i++;
		gs_buf_add(&p->text, s + p->pos, i - p->pos);
		p->pos = i;
		p->t = T_NAME;
		return;
	}
	static const char *two[] = {"==", "!=", "<=", ">=", "&&", "||"};
	for (size_t k = 0; k < sizeof two / sizeof two[0]; k++)
		if (c == two[k][0] && s[p->pos + 1] == two[k][1]) {
			memcpy(p->op, two[k], 3);
			p->pos += 2;
			p->t = T_OP;
			return;
		}
	if (strchr("<>!+-*/(),", c)) {
		p->op[0] = c;
		p->op[1] = 0;
		p->pos++;
		p->t = T_OP;
		return;
	}
	if (c == '=') {
		fail(p, p->pos, N_("'=' is not an operator (compare with '==')"));
		p->t = T_BAD;
		return;
	}
	fail(p, p->pos, N_("unexpected character"));
	p->t = T_BAD;
}

static int is_op(const struct parser *p, const char *op)
{
	return p->t == T_OP && !strcmp(p->op, op);
}

/* ---- parser ---- */

static gs_expr *node(enum op op, gs_expr *a, gs_expr *b)
{
	gs_expr *e = calloc(1, sizeof *e);
	if (!e)
		gs_die(GS_IO, NULL, 0, "out of memory");
	e->op = op;
	e->a = a;
	e->b = b;
	e->col = -1;
	return e;
}

static gs_expr *parse_or(struct parser *p);

static gs_expr *parse_primary(struct parser *p)
{
	if (p->failed)
		return NULL;
	size_t at = p->tpos;
	if (p->t == T_NUM) {
		gs_expr *e = node(E_NUM, NULL, NULL);
		e->text = gs_xstrndup(p->text.p, p->text.len);
		e->len = p->text.len;
		if (gs_num_parse(e->text, e->len, &e->num) < 0) {
			fail(p, at, N_("not a number"));
			gs_expr_free(e);
			return NULL;
		}
		next(p);
		return e;
	}
	if (p->t == T_STR) {
		gs_expr *e = node(E_STR, NULL, NULL);
		e->text = gs_xstrndup(p->text.p ? p->text.p : "", p->text.len);
		e->len = p->text.len;
		next(p);
		return e;
	}
	if (p->t == T_NAME) {
		if (!p->quoted && !strcmp(p->text.p, "empty")) {
			next(p);
			if (!is_op(p, "(")) {
				fail(p, p->tpos, N_("expected '(' after empty"));
				return NULL;
			}
			next(p);
			gs_expr *a = parse_or(p);
			if (!a)
				return NULL;
			if (!is_op(p, ")")) {
				fail(p, p->tpos, N_("expected ')'"));
				gs_expr_free(a);
				return NULL;
			}
			next(p);
			return node(E_EMPTY, a, NULL);
		}
		if (!p->quoted && !strcmp(p->text.p, "in")) {
			fail(p, at, N_("'in' needs a value on its left"));
			return NULL;
		}
		gs_expr *e = node(E_FIELD, NULL, NULL);
		e->text = gs_xstrndup(p->text.p ? p->text.p : "", p->text.len);
		e->len = p->text.len;
		next(p);
		if (!p->quoted && is_op(p, "(")) {
			fail(p, at, N_("unknown function"));
			gs_expr_free(e);
			return NULL;
		}
		return e;
	}
	if (is_op(p, "(")) {
		next(p);
		gs_expr *e = parse_or(p);
		if (!e)
			return NULL;
		if (!is_op(p, ")")) {
			fail(p, p->tpos, N_("expected ')'"));
			gs_expr_free(e);
			return NULL;
		}
		next(p);
		return e;
	}
	if (p->t == T_END)
		fail(p, at, N_("expression ends too soon"));
	else
		fail(p, at, N_("expected a value"));
	return NULL;
}

static gs_expr *parse_unary(struct parser *p)
{
	if (is_op(p, "!") || is_op(p, "-")) {
		enum op op = is_op(p, "!") ? E_NOT : E_NEG;
		next(p);
		gs_expr *a = parse_unary(p);
		return a ? node(op, a, NULL) : NULL;
	}
	return parse_primary(p);
}

static gs_expr *parse_mul(struct parser *p)
{
	gs_expr *a = parse_unary(p);
	while (a && (is_op(p, "*") || is_op(p, "/"))) {
		enum op op = is_op(p, "*") ? E_MUL : E_DIV;
		next(p);
		gs_expr *b = parse_unary(p);
		if (!b) {
			gs_expr_free(a);
			return NULL;
		}
		a = node(op, a, b);
	}
	return a;
}

static gs_expr *parse_add(struct parser *p)
{
	gs_expr *a = parse_mul(p);
	while (a && (is_op(p, "+") || is_op(p, "-"))) {
		enum op op = is_op(p, "+") ? E_ADD : E_SUB;
		next(p);
		gs_expr *b = parse_mul(p);
		if (!b) {
			gs_expr_free(a);
			return NULL;
		}
		a = node(op, a, b);
	}
	return a;
}

static gs_expr *parse_cmp(struct parser *p)
{
	gs_expr *a = parse_add(p);
	if (!a)
		return NULL;
	static const struct { const char *s; enum op op; } ops[] = {
		{"==", E_EQ}, {"!=", E_NE}, {"<", E_LT}, {"<=", E_LE}, {">", E_GT}, {">=", E_GE},
	};
	for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
		if (is_op(p, ops[k].s)) {
			next(p);
			gs_expr *b = parse_add(p);
			if (!b) {
				gs_expr_free(a);
				return NULL;
			}
			return node(ops[k].op, a, b);
		}
	if (p->t == T_NAME && !p->quoted && !strcmp(p->text.p, "in")) {
		next(p);
		if (!is_op(p, "(")) {
			fail(p, p->tpos, N_("expected '(' after in"));
			gs_expr_free(a);
			return NULL;
		}
		gs_expr *e = node(E_IN, a, NULL);
		do {
			next(p);
			gs_expr *item = parse_add(p);
			if (!item) {
				gs_expr_free(e);
				return NULL;
			}
			e->list = gs_xrealloc(e->list, (e->nlist + 1) * sizeof *e->list);
			e->list[e->nlist++] = item;
		} while (is_op(p, ","));
		if (!is_op(p, ")")) {
			fail(p, p->tpos, N_("expected ',' or ')'"));
			gs_expr_free(e);
			return NULL;
		}
		next(p);
		return e;
	}
	return a;
}

static gs_expr *parse_and(struct parser *p)
{
	gs_expr *a = parse_cmp(p);
	while (a && is_op(p, "&&")) {
		next(p);
		gs_expr *b = parse_cmp(p);
		if (!b) {
			gs_expr_free(a);
			return NULL;
		}
		a = node(E_AND, a, b);
	}
	return a;
}

static gs_expr *parse_or(struct parser *p)
{
	gs_expr *a = parse_and(p);
	while (a && is_op(p, "||")) {
		next(p);
		gs_expr *b = parse_and(p);
		if (!b) {
			gs_expr_free(a);
			return NULL;
		}
		a = node(E_OR, a, b);
	}
	return a;
}

gs_expr *gs_expr_parse(const char *src, size_t *pos, int whole, gs_reason *err)
{
	struct parser p = {0};
	p.s = src;
	p.pos = *pos;
	p.err = err;
	next(&p);
	gs_expr *e = parse_or(&p);
	if (e && p.failed) {        /* the lexer failed on a token after it */
		gs_expr_free(e);
		e = NULL;
	}
	if (e && whole && p.t != T_END) {
		fail(&p, p.tpos, is_op(&p, ")") ? N_("unmatched ')'") : N_("unexpected text after the expression"));
		gs_expr_free(e);
		e = NULL;
	}
	if (!e && !p.failed)
		fail(&p, p.tpos, N_("bad expression"));
	*pos = e ? p.tpos : p.errpos;
	gs_buf_free(&p.text);
	return e;
}

int gs_expr_bind(gs_expr *e, const gs_field *names, size_t n, gs_reason *err)
{
	if (!e)
		return 0;
	if (e->op == E_FIELD) {
		for (size_t i = 0; i < n; i++)
			if (names[i].n == e->len && !memcmp(names[i].p, e->text, e->len)) {
				e->col = (long)i;
				return 0;
			}
		gs_reason_clear(err);
		gs_reason_printf(err, "no field '%s'", e->text);
		return -1;
	}
	if (gs_expr_bind(e->a, names, n, err) || gs_expr_bind(e->b, names, n, err))
		return -1;
	for (size_t i = 0; i < e->nlist; i++)
		if (gs_expr_bind(e->list[i], names, n, err))
			return -1;
	return 0;
}

void gs_expr_fields(const gs_expr *e, void (*fn)(const char *name, void *arg), void *arg)
{
	if (!e)
		return;
	if (e->op == E_FIELD)
		fn(e->text, arg);
	gs_expr_fields(e->a, fn, arg);
	gs_expr_fields(e->b, fn, arg);
	for (size_t i = 0; i < e->nlist; i++)
		gs_expr_fields(e->list[i], fn, arg);
}

/* ---- evaluation ---- */

int gs_value_number(const gs_value *v, gs_num *out)
{
	switch (v->type) {
	case GS_V_NUM:
		*out = v->num;
		return 1;
	case GS_V_NA:
		return 0;
	case GS_V_BOOL:
		*out = gs_num_int(v->b);
		return 1;
	default:
		return gs_num_parse(v->s, v->n, out) == 0 ? 1 : -1;
	}
}

static int truth(const gs_value *v)
{
	switch (v->type) {
	case GS_V_BOOL: return v->b;
	case GS_V_NUM: return !gs_num_is_zero(v->num);
	case GS_V_STR: return v->n > 0;
	default: return 0;
	}
}

static void set_bool(gs_value *v, int b)
{
	v->type = GS_V_BOOL;
	v->b = b;
	v->s = NULL;
	v->n = 0;
	v->field = 0;
}

/* Numeric when both are numbers: literals, or field text that parses. */
static int numeric_pair(const gs_value *a, const gs_value *b, gs_num *x, gs_num *y)
{
	int an = a->type == GS_V_NUM || (a->type == GS_V_STR && a->field) || a->type == GS_V_BOOL;
	int bn = b->type == GS_V_NUM || (b->type == GS_V_STR && b->field) || b->type == GS_V_BOOL;
	if (!an || !bn)
		return 0;
	return gs_value_number(a, x) == 1 && gs_value_number(b, y) == 1;
}

static void text_of(const gs_value *v, const char **s, size_t *n)
{
	if (v->type == GS_V_BOOL) {
		*s = v->b ? "true" : "false";
		*n = strlen(*s);
	} else {
		*s = v->s ? v->s : "";
		*n = v->n;
	}
}

/* 1 when S[0..N) is YYYY-MM-DD, and (TIME) followed by THH:MM:SS. */
static int iso_shape(const char *s, size_t n, int time)
{
	static const char date[] = "dddd-dd-dd", dt[] = "dddd-dd-ddTdd:dd:dd";
	const char *shape = time ? dt : date;
	if (n != strlen(shape))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
			return 0;
	return 1;
}

static int compare(const gs_value *a, const gs_value *b)
{
	gs_num x, y;
	if (numeric_pair(a, b, &x, &y))
		return gs_num_cmp(x, y);
	const char *s, *t;
	size_t n, m;
	text_of(a, &s, &n);
	text_of(b, &t, &m);
	/* a date-time compared with a date: its date decides, so that
	 * date <= "2020-03-08" holds all day on 2020-03-08 */
	if (n == 19 && m == 10 && iso_shape(s, n, 1) && iso_shape(t, m, 0))
		n = m;
	else if (n == 10 && m == 19 && iso_shape(s, n, 0) && iso_shape(t, m, 1))
		m = n;
	int c = memcmp(s, t, n < m ? n : m);
	if (c)
		return c < 0 ? -1 : 1;
	return (n > m) - (n < m);
}

static int arith_operand(const gs_expr *e, const gs_value *v, gs_num *out, gs_reason *err)
{
	int k = gs_value_number(v, out);
	if (k >= 0)
		return k;
	gs_reason_clear(err);
	const char *name = gs_expr_field_name(e);
	if (name)
		gs_reason_printf(err, "field '%s': '%.*s' is not a number", name, (int)v->n, v->s);
	else
		gs_reason_printf(err, "'%.*s' is not a number", (int)v->n, v->s);
	return -1;
}

int gs_expr_eval(const gs_expr *e, const gs_field *row, gs_value *out, gs_reason *err)
{
	gs_value a, b;
	/* what every value has; each kind sets its own part (a row's
	 * evaluation clears no more than it must: it runs for every row) */
	out->type = GS_V_NA;
	out->s = NULL;
	out->n = 0;
	out->b = 0;
	out->field = 0;
	switch (e->op) {
	case E_NUM:
		out->type = GS_V_NUM;
		out->num = e->num;
		out->s = e->text;
		out->n = e->len;
		return 0;
	case E_STR:
		out->type = GS_V_STR;
		out->s = e->text;
		out->n = e->len;
		return 0;
	case E_FIELD: {
		const gs_field *f = &row[e->col];
		if (!f->p || f->n == 0) {
			out->type = GS_V_NA;
			return 0;
		}
		out->type = GS_V_STR;
		out->s = f->p;
		out->n = f->n;
		out->field = 1;
		return 0;
	}
	case E_EMPTY:
		if (gs_expr_eval(e->a, row, &a, err))
			return -1;
		set_bool(out, a.type == GS_V_NA);
		return 0;
	case E_NOT:
		if (gs_expr_eval(e->a, row, &a, err))
			return -1;
		set_bool(out, !truth(&a));
		return 0;
	case E_AND:
	case E_OR: {
		if (gs_expr_eval(e->a, row, &a, err))
			return -1;
		int t = truth(&a);
		if (e->op == E_AND ? !t : t) {
			set_bool(out, t);
			return 0;
		}
		if (gs_expr_eval(e->b, row, &b, err))
			return -1;
		set_bool(out, truth(&b));
		return 0;
	}
	case E_EQ: case E_NE: case E_LT: case E_LE: case E_GT: case E_GE: {
		if (gs_expr_eval(e->a, row, &a, err) || gs_expr_eval(e->b, row, &b, err))
			return -1;
		if (a.type == GS_V_NA || b.type == GS_V_NA) {
			set_bool(out, 0);
			return 0;
		}
		int c = compare(&a, &b);
		int r = e->op == E_EQ ? c == 0 : e->op == E_NE ? c != 0 : e->op == E_LT ? c < 0 :
		        e->op == E_LE ? c <= 0 : e->op == E_GT ? c > 0 : c >= 0;
		set_bool(out, r);
		return 0;
	}
	case E_IN: {
		if (gs_expr_eval(e->a, row, &a, err))
			return -1;
		int found = 0;
		for (size_t i = 0; i < e->nlist && !found && a.type != GS_V_NA; i++) {
			if (gs_expr_eval(e->list[i], row, &b, err))
				return -1;
			found = b.type != GS_V_NA && compare(&a, &b) == 0;
		}
		set_bool(out, found);
		return 0;
	}
	case E_NEG: {
		if (gs_expr_eval(e->a, row, &a, err))
			return -1;
		gs_num x;
		int k = arith_operand(e->a, &a, &x, err);
		if (k < 0)
			return -1;
		if (k == 0) {
			out->type = GS_V_NA;
			return 0;
		}
		if (gs_num_sub(gs_num_int(0), x, &out->num) < 0) {
			gs_reason_clear(err);
			gs_reason_say(err, N_("arithmetic overflow"));
			return -1;
		}
		out->num.scale = x.scale;
		out->type = GS_V_NUM;
		return 0;
	}
	case E_ADD: case E_SUB: case E_MUL: case E_DIV: {
		if (gs_expr_eval(e->a, row, &a, err) || gs_expr_eval(e->b, row, &b, err))
			return -1;
		gs_num x, y;
		int ka = arith_operand(e->a, &a, &x, err);
		if (ka < 0)
			return -1;
		int kb = arith_operand(e->b, &b, &y, err);
		if (kb < 0)
			return -1;
		if (!ka || !kb || (e->op == E_DIV && gs_num_is_zero(y))) {
			out->type = GS_V_NA;
			return 0;
		}
		int r = e->op == E_ADD ? gs_num_add(x, y, &out->num) :
		        e->op == E_SUB ? gs_num_sub(x, y, &out->num) :
		        e->op == E_MUL ? gs_num_mul(x, y, &out->num) : gs_num_div(x, y, &out->num);
		if (r < 0) {
			gs_reason_clear(err);
			gs_reason_say(err, N_("arithmetic overflow"));
			return -1;
		}
		out->type = GS_V_NUM;
		return 0;
	}
	}
	return 0;
}

int gs_expr_test(const gs_expr *e, const gs_field *row, gs_reason *err)
{
	gs_value v;
	if (gs_expr_eval(e, row, &v, err))
		return -1;
	return truth(&v);
}

/* ---- showing ---- */

/* How tightly each kind binds, as the parser reads them. */
static int level(enum op op)
{
	switch (op) {
	case E_OR: return 1;
	case E_AND: return 2;
	case E_EQ: case E_NE: case E_LT: case E_LE: case E_GT: case E_GE: case E_IN: return 3;
	case E_ADD: case E_SUB: return 4;
	case E_MUL: case E_DIV: return 5;
	case E_NOT: case E_NEG: return 6;
	default: return 7;
	}
}

/* S[0..N) between Q quotes, a backslash before Q and before a backslash
 * that gs_expr_scan_quoted would otherwise read as an escape. */
static void show_quoted(gs_buf *out, char q, const char *s, size_t n)
{
	gs_buf_addc(out, q);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == q || (s[i] == '\\' && (i + 1 == n || s[i + 1] == q || s[i + 1] == '\\')))
			gs_buf_addc(out, '\\');
		gs_buf_addc(out, s[i]);
	}
	gs_buf_addc(out, q);
}

/* A name the lexer reads bare as a field: a word, not in or empty. */
static int plain_name(const char *s)
{
	if (!is_name_start(*s) || !strcmp(s, "in") || !strcmp(s, "empty"))
		return 0;
	while (is_name_start(*s) || is_digit(*s))
		s++;
	return !*s;
}

static const char *op_word(const gs_expr_style *st, enum op op)
{
	static const char *const own[] = {
		[E_EQ] = "==", [E_NE] = "!=", [E_LT] = "<", [E_LE] = "<=", [E_GT] = ">", [E_GE] = ">=",
		[E_AND] = "&&", [E_OR] = "||", [E_ADD] = "+", [E_SUB] = "-", [E_MUL] = "*", [E_DIV] = "/",
	};
	const char *w = NULL;
	if (st)
		w = op == E_EQ ? st->eq : op == E_NE ? st->ne : op == E_LT ? st->lt : op == E_LE ? st->le :
		    op == E_GT ? st->gt : op == E_GE ? st->ge : op == E_AND ? st->and_op :
		    op == E_OR ? st->or_op : NULL;
	return w ? w : own[op];
}

static void show(const gs_expr *e, const gs_expr_style *st, const char *ctx, gs_buf *out);

/* E as an operand that must bind tighter than MIN (or needs parentheses
 * for people: && under ||), compared with the field CTX. */
static void show_operand(const gs_expr *e, int min, int clarify, const gs_expr_style *st, const char *ctx,
                         gs_buf *out)
{
	int paren = level(e->op) < min || (clarify && e->op == E_AND);
	if (paren)
		gs_buf_addc(out, '(');
	show(e, st, ctx, out);
	if (paren)
		gs_buf_addc(out, ')');
}

static void show(const gs_expr *e, const gs_expr_style *st, const char *ctx, gs_buf *out)
{
	int l = level(e->op);
	switch (e->op) {
	case E_NUM:
		if (st && st->number)
			st->number(st->arg, e->text, ctx, out);
		else
			gs_buf_add(out, e->text, e->len);
		return;
	case E_STR:
		show_quoted(out, '"', e->text, e->len);
		return;
	case E_FIELD:
		if (st && st->field)
			st->field(st->arg, e->text, out);
		else if (plain_name(e->text))
			gs_buf_add(out, e->text, e->len);
		else
			show_quoted(out, '`', e->text, e->len);
		return;
	case E_EMPTY:
		gs_buf_adds(out, "empty(");
		show(e->a, st, NULL, out);
		gs_buf_addc(out, ')');
		return;
	case E_NOT: case E_NEG:
		gs_buf_addc(out, e->op == E_NOT ? '!' : '-');
		show_operand(e->a, l, 0, st, e->op == E_NEG ? ctx : NULL, out);
		return;
	case E_IN:
		show_operand(e->a, l + 1, 0, st, NULL, out);
		gs_buf_adds(out, " in (");
		for (size_t i = 0; i < e->nlist; i++) {
			if (i)
				gs_buf_adds(out, ", ");
			show_operand(e->list[i], l + 1, 0, st, gs_expr_field_name(e->a), out);
		}
		gs_buf_addc(out, ')');
		return;
	default: {
		/* comparisons do not chain: both sides bind tighter; the others
		 * group to the left */
		int cmp = l == 3;
		show_operand(e->a, cmp ? l + 1 : l, e->op == E_OR, st, cmp ? gs_expr_field_name(e->b) : NULL, out);
		gs_buf_addc(out, ' ');
		gs_buf_adds(out, op_word(st, e->op));
		gs_buf_addc(out, ' ');
		show_operand(e->b, l + 1, e->op == E_OR, st, cmp ? gs_expr_field_name(e->a) : NULL, out);
	}
	}
}

void gs_expr_show(const gs_expr *e, const gs_expr_style *style, gs_buf *out)
{
	show(e, style, NULL, out);
}

const char *gs_expr_field_name(const gs_expr *e)
{
	return e && e->op == E_FIELD ? e->text : NULL;
}

void gs_expr_free(gs_expr *e)
{
	if (!e)
		return;
	gs_expr_free(e->a);
	gs_expr_free(e->b);
	for (size_t i = 0; i < e->nlist; i++)
		gs_expr_free(e->list[i]);
	free(e->list);
	free(e->text);
	free(e);
}
