#define _XOPEN_SOURCE 700   /* strptime */
#include "schema.h"
#include "dates.h"
#include "diag.h"
#include "i18n.h"
#include "jsonfile.h"
#include "utf8.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <stdarg.h>
#include <cjson/cJSON.h>
#include <pcre2.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *type_names[] = {"string", "integer", "number", "boolean", "date",
                                   "datetime", "year", "yearmonth"};

const char *gs_ftype_name(int type)
{
	return type >= 0 && type < 8 ? type_names[type] : "?";
}

/* ---- typed values ---- */

static int all_digits(const char *s, size_t n)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static long num_of(const char *s, size_t n)
{
	long v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* strptime on a bounded string; 0 and the date when the whole matches */
static int by_pattern(const char *fmt, const char *s, size_t n, struct tm *tm)
{
	char buf[256];
	if (n >= sizeof buf)
		return -1;
	memcpy(buf, s, n);
	buf[n] = 0;
	memset(tm, 0, sizeof *tm);
	tm->tm_mday = 1;
	const char *end = strptime(buf, fmt, tm);
	return end && !*end ? 0 : -1;
}

/* hh:mm:ss at S (mm and ss two digits, hh two, or one when LOOSE), with
 * ":ss" optional when LOOSE; the bytes read, or 0. */
static size_t clock_of(const char *s, size_t n, int loose, int *h, int *mi, int *sec)
{
	size_t i = 0;
	while (i < n && i < 2 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i != 2 && !(loose && i == 1))
		return 0;
	*h = (int)num_of(s, i);
	if (i + 3 > n || s[i] != ':' || !all_digits(s + i + 1, 2))
		return 0;
	*mi = (int)num_of(s + i + 1, 2);
	i += 3;
	*sec = 0;
	if (i + 3 <= n && s[i] == ':' && all_digits(s + i + 1, 2)) {
		*sec = (int)num_of(s + i + 1, 2);
		i += 3;
	} else if (!loose)
		return 0;
	return i;
}

/* A datetime as the Table Schema's default format reads it (XML Schema's
 * dateTime: YYYY-MM-DDThh:mm:ss, an optional fraction of a second, an
 * optional Z or +hh:mm / -hh:mm offset up to 14:00; 24:00:00 is the end of
 * the day, the next day's midnight) into seconds since 1970 in UTC. With
 * ANY also a space for the T, no seconds, and any date spelling ingest
 * reads followed by a space and h:mm[:ss] (2020/3/5 21:20), or that date
 * alone (its midnight). 0, or -1. */
static int datetime_of(const char *s, size_t n, int any, gs_num *v)
{
	int y, mo, d, h, mi, sec;
	size_t i;
	if (n >= 11 && s[4] == '-' && s[7] == '-' && all_digits(s, 4) && all_digits(s + 5, 2) &&
	    all_digits(s + 8, 2) && (s[10] == 'T' || (any && s[10] == ' '))) {
		y = (int)num_of(s, 4), mo = (int)num_of(s + 5, 2), d = (int)num_of(s + 8, 2);
		size_t k = clock_of(s + 11, n - 11, 0, &h, &mi, &sec);
		if (!k && any)
			k = clock_of(s + 11, n - 11, 1, &h, &mi, &sec);
		if (!k)
			return -1;
		i = 11 + k;
	} else if (any && !gs_date_parse(s, n, 0, &y, &mo, &d, &(const char *){NULL})) {
		/* a date alone is that day at 00:00:00, as ingest's datetimes
		 * write it: a ledger may record the day only */
		h = mi = sec = 0;
		i = n;
	} else if (any) {
		/* the date ends at the last space before the clock */
		const char *sp = NULL;
		for (size_t k = n; k > 0; k--)
			if (s[k - 1] == ' ') {
				sp = s + k - 1;
				break;
			}
		const char *why;
		if (!sp || gs_date_parse(s, (size_t)(sp - s), 0, &y, &mo, &d, &why))
			return -1;
		i = (size_t)(sp + 1 - s);
		size_t k = clock_of(s + i, n - i, 1, &h, &mi, &sec);
		if (!k || i + k != n)
			return -1;
		i = n;
	} else
		return -1;
	gs_num frac = gs_num_int(0);
	if (i < n && s[i] == '.') {
		size_t k = i + 1;
		while (k < n && s[k] >= '0' && s[k] <= '9')
			k++;
		if (k == i + 1 || k - i > 19 || gs_num_parse(s + i, k - i, &frac))
			return -1;
		i = k;
	}
	long off = 0;
	if (i < n && s[i] == 'Z')
		i++;
	else if (i < n && (s[i] == '+' || s[i] == '-')) {
		if (n - i != 6 || s[i + 3] != ':' || !all_digits(s + i + 1, 2) || !all_digits(s + i + 4, 2))
			return -1;
		long oh = num_of(s + i + 1, 2), om = num_of(s + i + 4, 2);
		if (oh > 14 || om > 59 || (oh == 14 && om))
			return -1;
		off = (oh * 60 + om) * 60;
		if (s[i] == '-')
			off = -off;
		i = n;
	}
	if (i != n || !gs_date_valid(y, mo, d) || mi > 59 || sec > 59)
		return -1;
	if (h == 24) {   /* 24:00:00 only, the end of the day */
		if (mi || sec || frac.num)
			return -1;
	} else if (h > 23)
		return -1;
	long long t = (long long)gs_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - off;
	return gs_num_add(gs_num_int(t), frac, v);
}

/* Parse S as a value of F's type into *V (comparable). 0, or -1. */
static int cast(const gs_sfield *f, const char *s, size_t n, gs_num *v)
{
	switch (f->type) {
	case GS_T_STRING:        /* any text; its formats are check_format's */
		return 0;
	case GS_T_INTEGER: {
		size_t i = (n && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
		if (!all_digits(s + i, n - i))
			return -1;
		return gs_num_parse(s, n, v);
	}
	case GS_T_NUMBER: {
		/* digits are required; no NaN or INF: exact arithmetic has none */
		int digits = 0;
		for (size_t i = 0; i < n; i++)
			digits += s[i] >= '0' && s[i] <= '9';
		if (!digits)
			return -1;
		return gs_num_parse(s, n, v);
	}
	case GS_T_BOOLEAN:
		for (size_t i = 0; i < f->ntrue; i++)
			if (strlen(f->truev[i]) == n && !memcmp(f->truev[i], s, n)) {
				*v = gs_num_int(1);
				return 0;
			}
		for (size_t i = 0; i < f->nfalse; i++)
			if (strlen(f->falsev[i]) == n && !memcmp(f->falsev[i], s, n)) {
				*v = gs_num_int(0);
				return 0;
			}
		return -1;
	case GS_T_DATE: {
		int y, m, d;
		if (f->fmt == GS_F_PATTERN) {
			struct tm tm;
			if (by_pattern(f->format, s, n, &tm))
				return -1;
			y = tm.tm_year + 1900, m = tm.tm_mon + 1, d = tm.tm_mday;
		} else if (f->fmt == GS_F_ANY) {
			const char *why;
			if (gs_date_parse(s, n, 0, &y, &m, &d, &why))
				return -1;
		} else {
			if (n != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 4) ||
			    !all_digits(s + 5, 2) || !all_digits(s + 8, 2))
				return -1;
			y = (int)num_of(s, 4), m = (int)num_of(s + 5, 2), d = (int)num_of(s + 8, 2);
		}
		if (!gs_date_valid(y, m, d))
			return -1;
		*v = gs_num_int(gs_days_from_civil(y, m, d));
		return 0;
	}
	case GS_T_DATETIME:
		if (f->fmt == GS_F_PATTERN) {
			struct tm tm;
			if (by_pattern(f->format, s, n, &tm))
				return -1;
			int y = tm.tm_year + 1900, mo = tm.tm_mon + 1, d = tm.tm_mday;
			if (!gs_date_valid(y, mo, d) || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 59)
				return -1;
			*v = gs_num_int((long long)gs_days_from_civil(y, mo, d) * 86400 + tm.tm_hour * 3600 +
			                tm.tm_min * 60 + tm.tm_sec);
			return 0;
		}
		return datetime_of(s, n, f->fmt == GS_F_ANY, v);
	case GS_T_YEAR:
		if (n != 4 || !all_digits(s, 4))
			return -1;
		*v = gs_num_int(num_of(s, 4));
		return 0;
	case GS_T_YEARMONTH: {
		if (n != 7 || s[4] != '-' || !all_digits(s, 4) || !all_digits(s + 5, 2))
			return -1;
		long m = num_of(s + 5, 2);
		if (m < 1 || m > 12)
			return -1;
		*v = gs_num_int(num_of(s, 4) * 12 + m - 1);
		return 0;
	}
	}
	return 0;
}

static int check_format(const gs_sfield *f, const char *s, size_t n)
{
	switch (f->fmt) {
	case GS_F_EMAIL: {   /* local@domain.tld, no spaces */
		const char *at = memchr(s, '@', n);
		if (!at || at == s || memchr(at + 1, '@', n - (size_t)(at - s) - 1))
			return -1;
		const char *dot = memchr(at + 1, '.', n - (size_t)(at + 1 - s));
		if (!dot || dot == at + 1 || dot == s + n - 1)
			return -1;
		for (size_t i = 0; i < n; i++)
			if (s[i] == ' ' || s[i] == '\t')
				return -1;
		return 0;
	}
	case GS_F_URI: {     /* scheme ":" something */
		size_t i = 0;
		if (!n || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
			return -1;
		while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		                 (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' || s[i] == '.'))
			i++;
		if (i >= n - 1 || s[i] != ':')
			return -1;
		for (; i < n; i++)
			if (s[i] == ' ')
				return -1;
		return 0;
	}
	case GS_F_UUID: {    /* 8-4-4-4-12 hex digits */
		if (n != 36)
			return -1;
		for (size_t i = 0; i < n; i++) {
			char c = s[i];
			if (i == 8 || i == 13 || i == 18 || i == 23) {
				if (c != '-')
					return -1;
			} else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
				return -1;
		}
		return 0;
	}
	case GS_F_DEFAULT:
	case GS_F_ANY:           /* dates: cast reads them */
	case GS_F_PATTERN:
		return 0;
	}
	return 0;
}

static size_t chars(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

void gs_quote_value(gs_reason *out, const char *s, size_t n)
{
	if (n <= GS_QUOTE_MAX) {
		/* TRANSLATORS: a value quoted in a message */
		gs_reason_printf(out, "'%.*s'", (int)n, s);
		return;
	}
	size_t k = GS_QUOTE_MAX;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	gs_reason_printf(out, "'%.*s...' (%zu bytes)", (int)k, s, n);
}

/* PCRE2's limits for one match: a pattern that backtracks without bound
 * ("(a+)+b" on a long run of a's) stops there instead of taking the
 * machine; the value is then reported as not checked. */
enum { MATCH_LIMIT = 1000000, DEPTH_LIMIT = 10000, HEAP_LIMIT_KIB = 65536 };

struct pattern {
	pcre2_code *re;
	pcre2_match_data *md;
	int jit;                 /* compiled to machine code too */
};

static pcre2_match_context *match_context(void)
{
	static pcre2_match_context *mc;
	if (!mc) {
		mc = pcre2_match_context_create(NULL);
		if (!mc)
			gs_die(GS_IO, NULL, 0, "out of memory");
		pcre2_set_match_limit(mc, MATCH_LIMIT);
		pcre2_set_depth_limit(mc, DEPTH_LIMIT);
		pcre2_set_heap_limit(mc, HEAP_LIMIT_KIB);
	}
	return mc;
}

enum gs_check gs_schema_check(const gs_sfield *f, const char *s, size_t n, gs_reason *why)
{
	gs_num v = gs_num_int(0);
	if (cast(f, s, n, &v) < 0 || (f->type == GS_T_STRING && check_format(f, s, n) < 0)) {
		gs_quote_value(why, s, n);
		gs_reason_printf(why, " is not of type %s", gs_ftype_name(f->type));
		if (f->format)
			gs_reason_printf(why, " (format %s)", f->format);
		else if (f->type == GS_T_DATE)
			gs_reason_add(why, " (YYYY-MM-DD)", 13);
		else if (f->type == GS_T_DATETIME)
			gs_reason_add(why, " (YYYY-MM-DDThh:mm:ss)", 22);
		return GS_CHECK_TYPE;
	}
	int bad = 0;
#define FAIL(...) do { if (bad++) gs_reason_add(why, "; ", 2); gs_quote_value(why, s, n); gs_reason_printf(why, __VA_ARGS__); } while (0)
	if (f->has_min) {
		int c = gs_num_cmp(v, f->min);
		if (f->excl_min && c <= 0)
			FAIL(" is not above the minimum %s", f->min_text);
		else if (!f->excl_min && c < 0)
			FAIL(" is below the minimum %s", f->min_text);
	}
	if (f->has_max) {
		int c = gs_num_cmp(v, f->max);
		if (f->excl_max && c >= 0)
			FAIL(" is not below the maximum %s", f->max_text);
		else if (!f->excl_max && c > 0)
			FAIL(" is above the maximum %s", f->max_text);
	}
	if (f->min_len >= 0 && chars(s, n) < (size_t)f->min_len)
		FAIL(" is shorter than %ld characters", f->min_len);
	if (f->max_len >= 0 && chars(s, n) > (size_t)f->max_len)
		FAIL(" is longer than %ld characters", f->max_len);
	if (f->pattern) {
		const struct pattern *pt = f->pattern;
		int rc = pcre2_match(pt->re, (PCRE2_SPTR)s, n, 0, 0, pt->md, match_context());
		/* The JIT counts its match limit its own way and has a stack of
		 * its own: where it gives up, the interpreter, under the limits
		 * above, decides, as it would without the JIT. */
		if (pt->jit && (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT))
			rc = pcre2_match(pt->re, (PCRE2_SPTR)s, n, 0, PCRE2_NO_JIT, pt->md, match_context());
		if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT)
			FAIL(" cannot be checked against the pattern %s (it passes PCRE2's match limit)", f->pattern_text);
		else if (rc < 0)
			FAIL(" does not match the pattern %s", f->pattern_text);
	}
	if (f->nenum) {
		int found = 0;
		for (size_t i = 0; i < f->nenum && !found; i++) {
			if (f->type == GS_T_STRING)
				found = f->enum_len[i] == n && !memcmp(f->enums[i], s, n);
			else
				found = gs_num_cmp(v, f->enum_num[i]) == 0;
		}
		if (!found) {
			FAIL(" is not one of: ");
			for (size_t i = 0; i < f->nenum; i++) {
				if (i)
					gs_reason_say(why, N_(", "));
				gs_reason_add(why, f->enums[i], strlen(f->enums[i]));
			}
		}
	}
#undef FAIL
	return bad ? GS_CHECK_CONSTRAINT : GS_CHECK_OK;
}

void gs_schema_canon(const gs_sfield *f, const char *s, size_t n, gs_buf *out)
{
	gs_num v;
	if (f->type == GS_T_STRING || cast(f, s, n, &v) < 0) {
		gs_buf_add(out, s, n);
		return;
	}
	/* the typed value, exactly: trailing fraction zeros do not matter */
	if (v.scale > 0) {
		while (v.scale > 0 && v.num % 10 == 0) {
			v.num /= 10;
			v.den /= 10;
			v.scale--;
		}
	}
	gs_num_format(out, v, 30);
}

int gs_schema_is_missing(const gs_schema *sc, const char *s, size_t n)
{
	for (size_t i = 0; i < sc->nmissing; i++)
		if (sc->missing_len[i] == n && !memcmp(sc->missing[i], s, n))
			return 1;
	return 0;
}

/* ---- loading ---- */

static int err(const gs_schema *sc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int err(const gs_schema *sc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gs_vmsg(sc->path, 0, fmt, ap);
	va_end(ap);
	return -1;
}

static char *dup(const char *s)
{
	return gs_xstrndup(s, strlen(s));
}

long gs_schema_field(const gs_schema *sc, const char *name, size_t n)
{
	void *v = sc->by_name ? gs_hash_get(sc->by_name, name, n) : NULL;
	return v ? (long)(size_t)v - 1 : -1;
}

static long field_index(const gs_schema *sc, const char *name)
{
	return gs_schema_field(sc, name, strlen(name));
}

/* A list of field names (a string or an array of strings) to indexes. */
static int name_list(gs_schema *sc, const cJSON *v, const char *what, size_t **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (cJSON_IsString(v)) {
		long k = field_index(sc, v->valuestring);
		if (k < 0)
			return err(sc, "%s names no field '%s'", what, v->valuestring);
		*out = gs_xmalloc(sizeof **out);
		(*out)[(*n)++] = (size_t)k;
		return 0;
	}
	if (!cJSON_IsArray(v) || !cJSON_GetArraySize(v))
		return err(sc, "%s must be a field name or a list of them", what);
	*out = gs_xmalloc((size_t)cJSON_GetArraySize(v) * sizeof **out);
	const cJSON *e;
	cJSON_ArrayForEach(e, v) {
		if (!cJSON_IsString(e))
			return err(sc, "%s must be a field name or a list of them", what);
		long k = field_index(sc, e->valuestring);
		if (k < 0)
			return err(sc, "%s names no field '%s'", what, e->valuestring);
		(*out)[(*n)++] = (size_t)k;
	}
	return 0;
}

/* A list of strings, the value of the key WHAT (of field F, or of the
 * schema when F is NULL). */
static int not_strings(const gs_schema *sc, const gs_sfield *f, const char *what)
{
	if (f)
		return err(sc, "field %s: %s must be a list of strings", f->name, what);
	return err(sc, "%s must be a list of strings", what);
}

static int str_list(gs_schema *sc, const gs_sfield *f, const cJSON *v, const char *what, char ***out,
                    size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!cJSON_IsArray(v))
		return not_strings(sc, f, what);
	const cJSON *e;
	*out = gs_xmalloc(((size_t)cJSON_GetArraySize(v) + 1) * sizeof **out);
	*n = 0;
	cJSON_ArrayForEach(e, v) {
		if (!cJSON_IsString(e))
			return not_strings(sc, f, what);
		(*out)[(*n)++] = dup(e->valuestring);
	}
	return 0;
}

/* 1 when D is a whole number from 0 to MAX (checked before any cast: a
 * double outside an integer type's range has no defined conversion). */
static int whole(double d, double max)
{
	return d >= 0 && d <= max && d == (double)(long long)d;
}

/* A bound (WHAT its key) or, with WHAT NULL, an enum item: a JSON number
 * or string, cast to the field's type. */
static int bound(gs_schema *sc, gs_sfield *f, const cJSON *v, const char *what,
                 gs_num *out, char **text)
{
	char buf[64];
	const char *s;
	if (cJSON_IsString(v))
		s = v->valuestring;
	else if (cJSON_IsNumber(v)) {
		double d = v->valuedouble;
		snprintf(buf, sizeof buf, "%.17g", d);
		/* integers that doubles hold exactly print as integers */
		if (whole(d < 0 ? -d : d, 9007199254740992.0))
			snprintf(buf, sizeof buf, "%lld", (long long)d);
		s = buf;
	} else if (what)
		return err(sc, "field '%s': %s must be a number or a string", f->name, what);
	else
		return err(sc, "field '%s': enum item must be a number or a string", f->name);
	if (cast(f, s, strlen(s), out) < 0) {
		if (what)
			return err(sc, "field '%s': %s '%s' is not of type %s", f->name, what, s, gs_ftype_name(f->type));
		return err(sc, "field '%s': enum item '%s' is not of type %s", f->name, s, gs_ftype_name(f->type));
	}
	*text = dup(s);
	return 0;
}

static void free_pattern(void *p)
{
	struct pattern *pt = p;
	pcre2_match_data_free(pt->md);
	pcre2_code_free(pt->re);
	free(pt);
}

static int load_constraints(gs_schema *sc, gs_sfield *f, const cJSON *c)
{
	if (!cJSON_IsObject(c))
		return err(sc, "field '%s': constraints must be an object", f->name);
	const cJSON *v;
	cJSON_ArrayForEach(v, c) {
		const char *k = v->string;
		if (!strcmp(k, "required") || !strcmp(k, "unique")) {
			if (!cJSON_IsBool(v))
				return err(sc, "field '%s': %s must be true or false", f->name, k);
			if (k[0] == 'r')
				f->required = cJSON_IsTrue(v);
			else
				f->unique = cJSON_IsTrue(v);
		} else if (!strcmp(k, "minimum") || !strcmp(k, "exclusiveMinimum") ||
		           !strcmp(k, "maximum") || !strcmp(k, "exclusiveMaximum")) {
			if (f->type == GS_T_STRING || f->type == GS_T_BOOLEAN)
				return err(sc, "field '%s': %s does not apply to this type", f->name, k);
			int is_min = strstr(k, "inimum") != NULL;
			int excl = k[0] == 'e';
			if (is_min) {
				if (bound(sc, f, v, k, &f->min, &f->min_text))
					return -1;
				f->has_min = 1;
				f->excl_min = excl;
			} else {
				if (bound(sc, f, v, k, &f->max, &f->max_text))
					return -1;
				f->has_max = 1;
				f->excl_max = excl;
			}
		} else if (!strcmp(k, "minLength") || !strcmp(k, "maxLength")) {
			if (!cJSON_IsNumber(v) || !whole(v->valuedouble, 1e15))
				return err(sc, "field '%s': %s must be a whole number", f->name, k);
			if (!strcmp(k, "minLength"))
				f->min_len = (long)v->valuedouble;
			else
				f->max_len = (long)v->valuedouble;
		} else if (!strcmp(k, "pattern")) {
			if (!cJSON_IsString(v))
				return err(sc, "field '%s': pattern must be a string", f->name);
			/* anchored at both ends: the pattern matches the whole value */
			int ec;
			PCRE2_SIZE at;
			pcre2_code *re = pcre2_compile((PCRE2_SPTR)v->valuestring, PCRE2_ZERO_TERMINATED,
			                               PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
			                               &ec, &at, NULL);
			if (!re) {
				PCRE2_UCHAR msg[256];
				pcre2_get_error_message(ec, msg, sizeof msg);
				return err(sc, "field '%s': pattern '%.60s' is not a valid regular expression: %s at byte %zu",
				           f->name, v->valuestring, (const char *)msg, (size_t)at + 1);
			}
			struct pattern *pt = gs_xmalloc(sizeof *pt);
			pt->re = re;
			/* most of validate's time on a pattern was the interpreter;
			 * where there is no JIT (a build or an architecture without
			 * it, memory that may not be executable) it stays */
			pt->jit = pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
			pt->md = pcre2_match_data_create_from_pattern(re, NULL);
			if (!pt->md)
				gs_die(GS_IO, NULL, 0, "out of memory");
			if (f->pattern)
				free_pattern(f->pattern);
			f->pattern = pt;
			free(f->pattern_text);
			f->pattern_text = dup(v->valuestring);
		} else if (!strcmp(k, "enum")) {
			if (!cJSON_IsArray(v) || !cJSON_GetArraySize(v))
				return err(sc, "field '%s': enum must be a non-empty list", f->name);
			size_t cap = (size_t)cJSON_GetArraySize(v);
			f->enums = gs_xmalloc(cap * sizeof *f->enums);
			f->enum_num = gs_xmalloc(cap * sizeof *f->enum_num);
			const cJSON *e;
			cJSON_ArrayForEach(e, v) {
				if (f->type == GS_T_STRING) {
					if (!cJSON_IsString(e))
						return err(sc, "field '%s': enum items must be strings", f->name);
					f->enums[f->nenum++] = dup(e->valuestring);
				} else {
					if (bound(sc, f, e, NULL, &f->enum_num[f->nenum], &f->enums[f->nenum]))
						return -1;
					f->nenum++;
				}
			}
		} else
			return err(sc, "field '%s': unsupported constraint '%s'", f->name, k);
	}
	return 0;
}

static int load_field(gs_schema *sc, gs_sfield *f, const cJSON *o)
{
	f->min_len = f->max_len = -1;
	if (!cJSON_IsObject(o))
		return err(sc, "each field must be an object");
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(o, "name");
	if (!cJSON_IsString(name) || !*name->valuestring)
		return err(sc, "a field has no name");
	f->name = dup(name->valuestring);
	const cJSON *type = cJSON_GetObjectItemCaseSensitive(o, "type");
	f->type = GS_T_STRING;
	if (type) {
		int t = -1;
		for (int i = 0; i < 8 && cJSON_IsString(type); i++)
			if (!strcmp(type->valuestring, type_names[i]))
				t = i;
		if (t < 0)
			return err(sc, "field '%s': unsupported type '%s'", f->name,
			           cJSON_IsString(type) ? type->valuestring : "?");
		f->type = t;
	}
	const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(o, "format");
	if (fmt) {
		if (!cJSON_IsString(fmt))
			return err(sc, "field '%s': format must be a string", f->name);
		const char *s = fmt->valuestring;
		if (!strcmp(s, "default"))
			;
		else if (f->type == GS_T_STRING && !strcmp(s, "email"))
			f->fmt = GS_F_EMAIL;
		else if (f->type == GS_T_STRING && !strcmp(s, "uri"))
			f->fmt = GS_F_URI;
		else if (f->type == GS_T_STRING && !strcmp(s, "uuid"))
			f->fmt = GS_F_UUID;
		else if ((f->type == GS_T_DATE || f->type == GS_T_DATETIME) && !strcmp(s, "any"))
			f->fmt = GS_F_ANY;
		else if ((f->type == GS_T_DATE || f->type == GS_T_DATETIME) && strchr(s, '%'))
			f->fmt = GS_F_PATTERN;
		else
			return err(sc, "field '%s': unsupported format '%s'", f->name, s);
		if (f->fmt != GS_F_DEFAULT)
			f->format = dup(s);
	}
	static const char *defs_true[] = {"true", "True", "TRUE", "1"};
	static const char *defs_false[] = {"false", "False", "FALSE", "0"};
	const cJSON *v;
	cJSON_ArrayForEach(v, o) {
		const char *k = v->string;
		if (!strcmp(k, "name") || !strcmp(k, "type") || !strcmp(k, "format") ||
		    !strcmp(k, "title") || !strcmp(k, "description") || !strcmp(k, "example") ||
		    !strcmp(k, "rdfType"))
			continue;
		if (!strcmp(k, "constraints")) {
			if (load_constraints(sc, f, v))
				return -1;
		} else if (!strcmp(k, "trueValues") || !strcmp(k, "falseValues")) {
			if (f->type != GS_T_BOOLEAN)
				return err(sc, "field '%s': %s applies to booleans only", f->name, k);
			if (k[0] == 't' ? str_list(sc, f, v, k, &f->truev, &f->ntrue)
			                : str_list(sc, f, v, k, &f->falsev, &f->nfalse))
				return -1;
		} else
			return err(sc, "field '%s': unsupported property '%s'", f->name, k);
	}
	if (f->type == GS_T_BOOLEAN) {
		if (!f->truev) {
			f->truev = gs_xmalloc(4 * sizeof *f->truev);
			for (int i = 0; i < 4; i++)
				f->truev[f->ntrue++] = dup(defs_true[i]);
		}
		if (!f->falsev) {
			f->falsev = gs_xmalloc(4 * sizeof *f->falsev);
			for (int i = 0; i < 4; i++)
				f->falsev[f->nfalse++] = dup(defs_false[i]);
		}
	}
	return 0;
}

static char *resolve(const char *schema_path, const char *res)
{
	if (res[0] == '/' || !strchr(schema_path, '/'))
		return dup(res);
	const char *slash = strrchr(schema_path, '/');
	gs_buf b = {0};
	gs_buf_add(&b, schema_path, (size_t)(slash - schema_path) + 1);
	gs_buf_adds(&b, res);
	return b.p;
}

/* rowConstraints: a list of expressions, each parsed and bound to the
 * fields (in the schema's order) once, when the schema is loaded. */
static int load_rules(gs_schema *sc, const cJSON *v)
{
	if (!cJSON_IsArray(v))
		return err(sc, "rowConstraints must be a list of expressions");
	size_t cap = (size_t)cJSON_GetArraySize(v) + 1;
	sc->rules = gs_xcalloc(cap, sizeof *sc->rules);
	sc->rule_text = gs_xcalloc(cap, sizeof *sc->rule_text);
	gs_field *names = gs_xmalloc((sc->nfields + 1) * sizeof *names);
	for (size_t i = 0; i < sc->nfields; i++)
		names[i] = (gs_field){sc->fields[i].name, strlen(sc->fields[i].name)};
	gs_reason why = {0};
	int rc = 0;
	const cJSON *e;
	cJSON_ArrayForEach(e, v) {
		if (!cJSON_IsString(e)) {
			rc = err(sc, "rowConstraints must be a list of expressions");
			break;
		}
		size_t pos = 0;
		gs_reason_clear(&why);
		gs_expr *x = gs_expr_parse(e->valuestring, &pos, 1, &why);
		if (!x) {
			rc = err(sc, "rowConstraints: '%s': %s at character %zu", e->valuestring,
			         gs_reason_shown(&why), pos + 1);
			break;
		}
		sc->rules[sc->nrules] = x;
		sc->rule_text[sc->nrules++] = dup(e->valuestring);
		if (gs_expr_bind(x, names, sc->nfields, &why)) {
			rc = err(sc, "rowConstraints: '%s': %s of the schema", e->valuestring, gs_reason_shown(&why));
			break;
		}
	}
	gs_reason_free(&why);
	free(names);
	return rc;
}

size_t gs_schema_rules(const gs_schema *sc, const gs_field *values,
                       void (*broken)(const char *rule, const gs_reason *why, void *arg), void *arg)
{
	size_t nbroken = 0;
	gs_reason why = {0};
	for (size_t i = 0; i < sc->nrules; i++) {
		gs_reason_clear(&why);
		int t = gs_expr_test(sc->rules[i], values, &why);
		if (t == 1)
			continue;
		nbroken++;
		broken(sc->rule_text[i], t < 0 ? &why : NULL, arg);
	}
	gs_reason_free(&why);
	return nbroken;
}

static int load(gs_schema *sc, const cJSON *root)
{
	if (!cJSON_IsObject(root))
		return err(sc, "a schema must be a JSON object");
	const cJSON *fields = cJSON_GetObjectItemCaseSensitive(root, "fields");
	if (!cJSON_IsArray(fields) || !cJSON_GetArraySize(fields))
		return err(sc, "a schema needs a non-empty \"fields\" list");
	sc->fields = gs_xcalloc((size_t)cJSON_GetArraySize(fields), sizeof *sc->fields);
	sc->by_name = gs_hash_new();
	const cJSON *o;
	cJSON_ArrayForEach(o, fields) {
		gs_sfield *f = &sc->fields[sc->nfields++];
		if (load_field(sc, f, o))
			return -1;
		if (field_index(sc, f->name) >= 0)
			return err(sc, "two fields are named '%s'", f->name);
		gs_hash_put(sc->by_name, f->name, strlen(f->name), (void *)sc->nfields);
	}
	const cJSON *v;
	cJSON_ArrayForEach(v, root) {
		const char *k = v->string;
		if (!strcmp(k, "fields") || !strcmp(k, "$schema") || !strcmp(k, "name") ||
		    !strcmp(k, "title") || !strcmp(k, "description"))
			continue;
		if (!strcmp(k, "missingValues")) {
			for (size_t i = 0; i < sc->nmissing; i++)
				free(sc->missing[i]);
			free(sc->missing);
			sc->missing = NULL;
			sc->nmissing = 0;
			if (str_list(sc, NULL, v, "missingValues", &sc->missing, &sc->nmissing))
				return -1;
		} else if (!strcmp(k, "primaryKey")) {
			if (name_list(sc, v, "primaryKey", &sc->pk, &sc->npk))
				return -1;
		} else if (!strcmp(k, "uniqueKeys")) {
			if (!cJSON_IsArray(v))
				return err(sc, "uniqueKeys must be a list of lists of field names");
			size_t cap = (size_t)cJSON_GetArraySize(v) + 1;
			sc->uniq = gs_xmalloc(cap * sizeof *sc->uniq);
			sc->nuniq_fields = gs_xmalloc(cap * sizeof *sc->nuniq_fields);
			const cJSON *e;
			cJSON_ArrayForEach(e, v) {
				if (name_list(sc, e, "uniqueKeys", &sc->uniq[sc->nuniq], &sc->nuniq_fields[sc->nuniq]))
					return -1;
				sc->nuniq++;
			}
		} else if (!strcmp(k, "foreignKeys")) {
			if (!cJSON_IsArray(v))
				return err(sc, "foreignKeys must be a list");
			sc->fks = gs_xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *sc->fks);
			const cJSON *e;
			cJSON_ArrayForEach(e, v) {
				gs_fkey *fk = &sc->fks[sc->nfks++];
				const cJSON *ff = cJSON_GetObjectItemCaseSensitive(e, "fields");
				const cJSON *ref = cJSON_GetObjectItemCaseSensitive(e, "reference");
				const cJSON *res = cJSON_GetObjectItemCaseSensitive(ref, "resource");
				const cJSON *rf = cJSON_GetObjectItemCaseSensitive(ref, "fields");
				if (!cJSON_IsObject(e) || !ff || !cJSON_IsObject(ref) || !cJSON_IsString(res) || !rf)
					return err(sc, "a foreign key needs fields and reference {resource, fields}");
				const cJSON *x;
				cJSON_ArrayForEach(x, e)
					if (strcmp(x->string, "fields") && strcmp(x->string, "reference"))
						return err(sc, "foreignKeys: unsupported property '%s'", x->string);
				cJSON_ArrayForEach(x, ref)
					if (strcmp(x->string, "resource") && strcmp(x->string, "fields"))
						return err(sc, "foreignKeys reference: unsupported property '%s'", x->string);
				if (name_list(sc, ff, "foreignKeys fields", &fk->fields, &fk->n))
					return -1;
				fk->ref_fields = gs_xcalloc(fk->n + 1, sizeof *fk->ref_fields);
				if (cJSON_IsString(rf)) {
					if (fk->n != 1)
						return err(sc, "a foreign key's reference fields must match its fields");
					fk->ref_fields[0] = dup(rf->valuestring);
				} else {
					if (!cJSON_IsArray(rf) || (size_t)cJSON_GetArraySize(rf) != fk->n)
						return err(sc, "a foreign key's reference fields must match its fields");
					size_t i = 0;
					cJSON_ArrayForEach(x, rf) {
						if (!cJSON_IsString(x))
							return err(sc, "foreign key reference fields must be names");
						fk->ref_fields[i++] = dup(x->valuestring);
					}
				}
				fk->resource = dup(res->valuestring);
				if (!*res->valuestring)
					return err(sc, "foreignKeys: a reference to this same table (resource \"\") is not supported; name a CSV file");
				fk->path = resolve(sc->path, res->valuestring);
			}
		} else if (!strcmp(k, "rowConstraints")) {
			if (load_rules(sc, v))
				return -1;
		} else if (!strcmp(k, "fieldsMatch")) {
			static const char *m[] = {"exact", "equal", "subset", "superset", "partial"};
			int found = -1;
			for (int i = 0; i < 5 && cJSON_IsString(v); i++)
				if (!strcmp(v->valuestring, m[i]))
					found = i;
			if (found < 0)
				return err(sc, "unsupported fieldsMatch '%s'", cJSON_IsString(v) ? v->valuestring : "?");
			sc->match = found;
		} else
			return err(sc, "unsupported property '%s'", k);
	}
	return 0;
}

gs_schema *gs_schema_load(const char *path)
{
	size_t len;
	char *text = gs_read_file(path, &len, N_("schema"));
	if (!text)
		return NULL;
	gs_schema *sc = gs_schema_load_text(path, text, len);
	free(text);
	return sc;
}

gs_schema *gs_schema_load_text(const char *path, const char *t, size_t len)
{
	cJSON *root = gs_json_parse(path, t, len, N_("schema"));
	if (!root)
		return NULL;
	gs_schema *sc = gs_xcalloc(1, sizeof *sc);
	sc->path = dup(path);
	sc->missing = gs_xmalloc(sizeof *sc->missing);
	sc->missing[0] = dup("");
	sc->nmissing = 1;
	int ok = load(sc, root) == 0;
	cJSON_Delete(root);
	if (ok) {
		sc->missing_len = gs_xmalloc((sc->nmissing + 1) * sizeof *sc->missing_len);
		for (size_t i = 0; i < sc->nmissing; i++)
			sc->missing_len[i] = strlen(sc->missing[i]);
		for (size_t i = 0; i < sc->nfields; i++) {
			gs_sfield *f = &sc->fields[i];
			f->enum_len = gs_xmalloc((f->nenum + 1) * sizeof *f->enum_len);
			for (size_t k = 0; k < f->nenum; k++)
				f->enum_len[k] = strlen(f->enums[k]);
		}
	}
	if (!ok) {
		gs_schema_free(sc);
		return NULL;
	}
	return sc;
}

/* Free a list of N strings; a list never allocated (a load that failed
 * between counting and allocating) is NULL. */
static void free_strs(char **v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void gs_schema_free(gs_schema *sc)
{
	if (!sc)
		return;
	for (size_t i = 0; i < sc->nfields; i++) {
		gs_sfield *f = &sc->fields[i];
		free(f->name);
		free(f->format);
		free_strs(f->truev, f->ntrue);
		free_strs(f->falsev, f->nfalse);
		free(f->min_text);
		free(f->max_text);
		if (f->pattern)
			free_pattern(f->pattern);
		free(f->pattern_text);
		free_strs(f->enums, f->nenum);
		free(f->enum_num);
		free(f->enum_len);
	}
	free(sc->fields);
	free_strs(sc->missing, sc->nmissing);
	free(sc->missing_len);
	free(sc->pk);
	for (size_t i = 0; i < sc->nuniq; i++)
		free(sc->uniq[i]);
	free(sc->uniq);
	free(sc->nuniq_fields);
	for (size_t i = 0; i < sc->nfks; i++) {
		free(sc->fks[i].fields);
		free_strs(sc->fks[i].ref_fields, sc->fks[i].n);
		free(sc->fks[i].resource);
		free(sc->fks[i].path);
	}
	free(sc->fks);
	for (size_t i = 0; i < sc->nrules; i++) {
		gs_expr_free(sc->rules[i]);
		free(sc->rule_text[i]);
	}
	free(sc->rules);
	free(sc->rule_text);
	gs_hash_free(sc->by_name);
	free(sc->path);
	free(sc);
}
