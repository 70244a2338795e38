/* Unit tests of lib/: tables of input and expected result, one line a
 * case. Prints "ok NAME" or "FAIL NAME: why" for each; tests/run.sh
 * counts them. */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "dates.h"
#include "diag.h"
#include "escape.h"
#include "expr.h"
#include "hash.h"
#include "input.h"
#include "jsonfile.h"
#include "records_impl.h"
#include "sha256.h"
#include "shquote.h"
#include "num.h"
#include "reason.h"
#include "ledgernum.h"
#include "lines.h"
#include "stream.h"
#include "utf8.h"
#include "workbook.h"

static int failures;

static void check(int ok, const char *name, const char *fmt, const char *a, const char *b)
{
	if (ok) {
		printf("ok %s\n", name);
		return;
	}
	failures++;
	printf("FAIL %s: ", name);
	printf(fmt, a, b);
	printf("\n");
}

static void test_dates(void)
{
	static const struct { const char *in; int excel; const char *want; } t[] = {
		{"2020-03-05", 0, "2020-03-05"},
		{"2020-3-5", 0, "2020-03-05"},
		{"2020/3/5", 0, "2020-03-05"},
		{"2020.3.5", 0, "2020-03-05"},
		{"2020年3月5日", 0, "2020-03-05"},
		{"2020年3月5", 0, "2020-03-05"},
		{"２０２０年３月５日", 0, "2020-03-05"},
		{"20200305", 0, "2020-03-05"},
		{" 2020/3/5\xe3\x80\x80", 0, "2020-03-05"},
		{"2020/3/5 0:00", 0, "2020-03-05"},
		{"2020-03-05 00:00:00", 0, "2020-03-05"},
		{"2020-03-05T00:00:00", 0, "2020-03-05"},
		{"2020/3/5 8:30", 0, NULL},
		{"2020-3/5", 0, NULL},
		{"2020年2月30日", 0, NULL},
		{"2020-02-29", 0, "2020-02-29"},
		{"2019-02-29", 0, NULL},
		{"1900-02-29", 0, NULL},
		{"2000-02-29", 0, "2000-02-29"},
		{"2020-13-01", 0, NULL},
		{"2020-00-10", 0, NULL},
		{"20201301", 0, NULL},
		{"43895", 0, NULL},
		{"43895", GS_EXCEL_1900, "2020-03-05"},
		{"43895.0", GS_EXCEL_1900, "2020-03-05"},
		{"43895.5", GS_EXCEL_1900, NULL},
		{"1", GS_EXCEL_1900, "1900-01-01"},
		{"59", GS_EXCEL_1900, "1900-02-28"},
		{"60", GS_EXCEL_1900, NULL},
		{"61", GS_EXCEL_1900, "1900-03-01"},
		{"0", GS_EXCEL_1900, NULL},
		{"0", GS_EXCEL_1904, "1904-01-01"},
		{"42433", GS_EXCEL_1904, "2020-03-05"},
		{"2958465", GS_EXCEL_1900, "9999-12-31"},
		{"2958466", GS_EXCEL_1900, NULL},
		{"20200305", GS_EXCEL_1900, "2020-03-05"},
		{"", 0, NULL},
		{"abc", 0, NULL},
		{"2020-03-05x", 0, NULL},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int y, m, d;
		const char *why = "";
		gs_buf got = {0};
		char name[96];
		snprintf(name, sizeof name, "date %zu '%s' excel=%d", i, t[i].in, t[i].excel);
		int r = gs_date_parse(t[i].in, strlen(t[i].in), t[i].excel, &y, &m, &d, &why);
		if (r == 0)
			gs_date_format(&got, y, m, d);
		if (t[i].want)
			check(r == 0 && !strcmp(got.p, t[i].want), name, "got '%s', want '%s'",
			      r == 0 ? got.p : why, t[i].want);
		else
			check(r < 0 && why && *why, name, "got '%s'%s, want an error",
			      r == 0 ? got.p : "", "");
		gs_buf_free(&got);
	}
	/* round trip of the day count over four centuries */
	int bad = 0;
	for (long z = gs_days_from_civil(1900, 1, 1); z < gs_days_from_civil(2300, 1, 1); z++) {
		int y, m, d;
		gs_civil_from_days(z, &y, &m, &d);
		if (gs_days_from_civil(y, m, d) != z || !gs_date_valid(y, m, d))
			bad++;
	}
	check(!bad, "days round trip 1900-2300", "%s%s", "mismatch", "");
}

static void test_datetimes(void)
{
	static const struct { const char *in; int excel; const char *want; } t[] = {
		{"2020-03-05 14:30", 0, "2020-03-05T14:30:00"},
		{"2020/3/5 21:20", 0, "2020-03-05T21:20:00"},
		{"2020-03-05 14:30:05", 0, "2020-03-05T14:30:05"},
		{"2020-03-05T14:30", 0, "2020-03-05T14:30:00"},
		{"2020-03-05T14:30:05", 0, "2020-03-05T14:30:05"},
		{"2020-03-05 14:30:05.000", 0, "2020-03-05T14:30:05"},
		{"2020-03-05 14:30:05.5", 0, NULL},
		{"2020年3月5日 14时30分", 0, "2020-03-05T14:30:00"},
		{"2020年3月5日14:30", 0, "2020-03-05T14:30:00"},
		{"2020年3月5日14时5分9秒", 0, "2020-03-05T14:05:09"},
		{"2020年3月5日 8点", 0, "2020-03-05T08:00:00"},
		{"２０２０－０３－０５\xe3\x80\x80１４：３０", 0, "2020-03-05T14:30:00"},
		{"２０２０年３月５日\xe3\x80\x80１４：３０：０５", 0, "2020-03-05T14:30:05"},
		{"2020-03-05   9:05", 0, "2020-03-05T09:05:00"},
		{"2020-03-05", 0, "2020-03-05T00:00:00"},
		{"2020-03-05 00:00", 0, "2020-03-05T00:00:00"},
		{"2020-03-05 25:10", 0, NULL},
		{"2020-03-05 14:61", 0, NULL},
		{"2020-03-05 14:30:60", 0, NULL},
		{"2020-03-05 24:00", 0, NULL},
		{"2020-03-0514:30", 0, NULL},
		{"2020-03-05 14", 0, NULL},
		{"2020-03-05 14:3", 0, NULL},
		{"2020-03-05 14:30x", 0, NULL},
		{"2020-02-30 10:00", 0, NULL},
		{"43895.604166667", GS_EXCEL_1900, "2020-03-05T14:30:00"},
		{"43895.604166666666667", GS_EXCEL_1900, "2020-03-05T14:30:00"},
		{"43895.5", GS_EXCEL_1900, "2020-03-05T12:00:00"},
		{"43895.99999999", GS_EXCEL_1900, "2020-03-06T00:00:00"},
		{"43895", GS_EXCEL_1900, "2020-03-05T00:00:00"},
		{"43895.5", 0, NULL},
		{"42433.25", GS_EXCEL_1904, "2020-03-05T06:00:00"},
		{"59.75", GS_EXCEL_1900, "1900-02-28T18:00:00"},
		{"60.5", GS_EXCEL_1900, NULL},
		{"2020-03-05 14:30:00", 0, "2020-03-05T14:30:00"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		gs_datetime dt;
		const char *why = "";
		gs_buf got = {0};
		char name[128];
		snprintf(name, sizeof name, "datetime %zu '%s' excel=%d", i, t[i].in, t[i].excel);
		int r = gs_datetime_parse(t[i].in, strlen(t[i].in), t[i].excel, &dt, &why);
		if (r == 0)
			gs_datetime_format(&got, &dt);
		if (t[i].want)
			check(r == 0 && !strcmp(got.p, t[i].want), name, "got '%s', want '%s'",
			      r == 0 ? got.p : why, t[i].want);
		else
			check(r < 0 && why && *why, name, "got '%s'%s, want an error",
			      r == 0 ? got.p : "", "");
		gs_buf_free(&got);
	}
	/* the date part decides a period, whatever the time */
	static const struct { const char *in; const char *want; } part[] = {
		{"2020-03-05T23:59:59", "2020-03-05"},
		{"2020-03-05", "2020-03-05"},
		{"2020/3/5 8:30", "2020-03-05"},
		{"2020-03-05T25:00:00", NULL},
		{"43895.5", NULL},
	};
	for (size_t i = 0; i < sizeof part / sizeof part[0]; i++) {
		int y, m, d;
		const char *why = "";
		gs_buf got = {0};
		char name[96];
		snprintf(name, sizeof name, "date part %zu '%s'", i, part[i].in);
		int r = gs_date_part(part[i].in, strlen(part[i].in), &y, &m, &d, &why);
		if (r == 0)
			gs_date_format(&got, y, m, d);
		if (part[i].want)
			check(r == 0 && !strcmp(got.p, part[i].want), name, "got '%s', want '%s'",
			      r == 0 ? got.p : why, part[i].want);
		else
			check(r < 0, name, "got '%s'%s, want an error", r == 0 ? got.p : "", "");
		gs_buf_free(&got);
	}
}

static void test_numbers(void)
{
	static const struct { const char *in; const char *want; } t[] = {
		{"12", "12"},
		{"+12", "12"},
		{"-12", "-12"},
		{"007", "7"},
		{"0", "0"},
		{"-0", "0"},
		{"-0.00", "0.00"},
		{"1.50", "1.50"},
		{".5", "0.5"},
		{"5.", "5"},
		{"1,234", "1234"},
		{"1,234,567.89", "1234567.89"},
		{"12,34", NULL},
		{"1234,567", NULL},
		{",123", NULL},
		{"1,23,456", NULL},
		{"１２３", "123"},
		{"－１２．５", "-12.5"},
		{"97.5%", "0.975"},
		{"100%", "1.00"},
		{"0.5%", "0.005"},
		{"５０％", "0.50"},
		{"1.23E+11", "123000000000"},
		{"1.5e-3", "0.0015"},
		{"1e3", "1000"},
		{"1e99", NULL},
		{"", ""},
		{"  ", ""},
		{" 42 ", "42"},
		{"abc", NULL},
		{"1.2.3", NULL},
		{"--1", NULL},
		{"%", NULL},
		{"1 234", NULL},
		{"0x10", NULL},
		{"12abc", NULL},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		gs_buf got = {0};
		const char *why = "";
		char name[96];
		snprintf(name, sizeof name, "number %zu '%s'", i, t[i].in);
		int r = gs_number_normalize(&got, t[i].in, strlen(t[i].in), &why);
		const char *g = got.p ? got.p : "";
		if (t[i].want)
			check(r == 0 && !strcmp(g, t[i].want), name, "got '%s', want '%s'",
			      r == 0 ? g : why, t[i].want);
		else
			check(r < 0, name, "got '%s'%s, want an error", g, "");
		gs_buf_free(&got);
	}
}

static void test_utf8(void)
{
	static const struct { const char *in; size_t n; size_t want; int incomplete; } t[] = {
		{"abc", 3, 3, 0},
		{"\xe7\x94\xb0", 3, 3, 0},
		{"a\xe7\x94", 3, 1, 1},
		{"a\xe7", 2, 1, 1},
		{"a\xff", 2, 1, 0},
		{"\xc0\xaf", 2, 0, 0},              /* overlong '/' */
		{"\xed\xa0\x80", 3, 0, 0},          /* surrogate */
		{"\xf4\x90\x80\x80", 4, 0, 0},      /* above U+10FFFF */
		{"\xf0\x9f\x98\x80x", 5, 5, 0},
		{"abcdefghijklmnop\xe7\x94\xb0", 19, 19, 0},
		{"abcdefghijklmnop\x80", 17, 16, 0},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int inc;
		size_t got = gs_utf8_valid_prefix(t[i].in, t[i].n, &inc);
		char name[64], g[32], w[32];
		snprintf(name, sizeof name, "utf8 prefix %zu", i);
		snprintf(g, sizeof g, "%zu/%d", got, inc);
		snprintf(w, sizeof w, "%zu/%d", t[i].want, t[i].incomplete);
		check(got == t[i].want && inc == t[i].incomplete, name, "got %s, want %s", g, w);
	}
	static const struct { const char *in, *want; } tr[] = {
		{"  a b  ", "a b"},
		{"\xe3\x80\x80" "乡镇" "\xe3\x80\x80", "乡镇"},
		{"\t\r\n", ""},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof tr / sizeof tr[0]; i++) {
		const char *p = tr[i].in;
		size_t n = strlen(p);
		gs_trim(&p, &n);
		char name[64];
		snprintf(name, sizeof name, "trim %zu", i);
		gs_buf g = {0};
		gs_buf_add(&g, p, n);
		check(!strcmp(g.p, tr[i].want), name, "got '%s', want '%s'", g.p, tr[i].want);
		gs_buf_free(&g);
	}
	static const struct { const char *in; size_t want; } w[] = {
		{"田园镇", 6}, {"abc", 3}, {"田园镇 Tianyuan", 15}, {"１２", 4},
		{"e\xcc\x81", 1}, {"", 0},
		/* vertical and small form variants, emoji: wide */
		{"\xef\xb8\x90\xef\xb8\x99", 4}, {"\xef\xb9\x90\xef\xb9\xab", 4}, {"✅❌⭐", 6},
		{"\xf0\x9f\x98\x80", 2},
		/* combining marks (U+1AB0, U+20DD), zero width space, a control: none */
		{"a\xe1\xaa\xb0", 1}, {"O\xe2\x83\x9d", 1}, {"a\xe2\x80\x8b" "b", 2}, {"a\x01" "b", 2},
	};
	gs_set_ambiguous_wide(0);
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
		char name[64], g[32], x[32];
		snprintf(name, sizeof name, "display width '%s'", w[i].in);
		size_t got = gs_display_width(w[i].in, strlen(w[i].in));
		snprintf(g, sizeof g, "%zu", got);
		snprintf(x, sizeof x, "%zu", w[i].want);
		check(got == w[i].want, name, "got %s, want %s", g, x);
	}
	/* ambiguous width: narrow, then wide; the others do not change */
	static const struct { const char *in; size_t narrow, wide; } amb[] = {
		{"↑↓→", 3, 6}, {"×√①℃", 4, 8}, {"✓✗", 2, 4}, {"田园镇", 6, 6}, {"abc", 3, 3}, {"✅", 2, 2},
	};
	for (size_t i = 0; i < sizeof amb / sizeof amb[0]; i++)
		for (int wide = 0; wide < 2; wide++) {
			char name[64];
			snprintf(name, sizeof name, "display width '%s' %s", amb[i].in, wide ? "wide" : "narrow");
			gs_set_ambiguous_wide(wide);
			size_t got = gs_display_width(amb[i].in, strlen(amb[i].in));
			size_t want = wide ? amb[i].wide : amb[i].narrow;
			char g[32], x[32];
			snprintf(g, sizeof g, "%zu", got);
			snprintf(x, sizeof x, "%zu", want);
			check(got == want, name, "got %s, want %s", g, x);
		}
	/* which rule: GOVSTAT_AMBIGUOUS, else the locale's language */
	static const struct { const char *all, *ctype, *lang, *env; int wide; } loc[] = {
		{"zh_CN.UTF-8", NULL, NULL, NULL, 1},  {"C.UTF-8", NULL, "zh_CN.UTF-8", NULL, 0},
		{NULL, "ja_JP.UTF-8", "C", NULL, 1},   {"", NULL, "ko_KR.UTF-8", NULL, 1},
		{NULL, NULL, "en_US.UTF-8", NULL, 0},   {NULL, NULL, "zu_ZA.UTF-8", NULL, 0},
		{NULL, NULL, "zh", NULL, 1},            {NULL, NULL, NULL, NULL, 0},
		{"zh_TW.UTF-8", NULL, NULL, "narrow", 0}, {"C", NULL, NULL, "wide", 1},
	};
	for (size_t i = 0; i < sizeof loc / sizeof loc[0]; i++) {
		const char *vals[] = {loc[i].all, loc[i].ctype, loc[i].lang, loc[i].env};
		const char *vars[] = {"LC_ALL", "LC_CTYPE", "LANG", "GOVSTAT_AMBIGUOUS"};
		for (int k = 0; k < 4; k++)
			if (vals[k])
				setenv(vars[k], vals[k], 1);
			else
				unsetenv(vars[k]);
		gs_set_ambiguous_wide(-1);
		char name[96];
		snprintf(name, sizeof name, "ambiguous width rule %zu (%s)", i,
		         loc[i].all ? loc[i].all : loc[i].ctype ? loc[i].ctype : loc[i].lang ? loc[i].lang : "none");
		int got = gs_ambiguous_wide();
		check(got == loc[i].wide, name, "got %s, want %s", got ? "wide" : "narrow", loc[i].wide ? "wide" : "narrow");
	}
	unsetenv("GOVSTAT_AMBIGUOUS");
	unsetenv("LC_CTYPE");
	unsetenv("LANG");
	setenv("LC_ALL", "C.UTF-8", 1);
	gs_set_ambiguous_wide(-1);
}

static void test_hash(void)
{
	gs_hash *h = gs_hash_new();
	char key[32];
	for (long i = 0; i < 100000; i++) {
		int n = snprintf(key, sizeof key, "k%ld", i);
		gs_hash_put(h, key, (size_t)n, (void *)(i + 1));
	}
	int bad = gs_hash_count(h) != 100000;
	for (long i = 0; i < 100000; i++) {
		int n = snprintf(key, sizeof key, "k%ld", i);
		bad += gs_hash_get(h, key, (size_t)n) != (void *)(i + 1);
	}
	bad += gs_hash_get(h, "nope", 4) != NULL;
	gs_hash_put(h, "k5", 2, (void *)7);
	bad += gs_hash_get(h, "k5", 2) != (void *)7 || gs_hash_count(h) != 100000;
	check(!bad, "hash 100000 keys", "%s%s", "lookups failed", "");
	gs_hash_free(h);
}

/* Append P[0..N) to B less its CR and LF bytes. */
static void add_no_eol(gs_buf *b, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != '\r' && p[i] != '\n')
			gs_buf_addc(b, p[i]);
}

/* Parse the text in PATH as CSV; append a transcript of every record
 * (result, line, fields, raw text) to OUT, and the records' raw texts
 * less their line ends to RAW. */
static void transcript(const char *path, gs_buf *out, gs_buf *raw)
{
	const char *why;
	gs_input *in = gs_input_open(path, "utf-8", &why);
	gs_records *r = gs_records_open(in, GS_FMT_CSV, 0);
	gs_row row;
	int k;
	while ((k = gs_records_next(r, &row)) == GS_REC_ROW || k == GS_REC_BAD) {
		gs_buf_printf(out, "%d@%ld:", k, row.line);
		for (size_t i = 0; i < row.n; i++) {
			gs_buf_add(out, "[", 1);
			gs_buf_add(out, row.f[i].p, row.f[i].n);
			gs_buf_add(out, "]", 1);
		}
		const char *rp;
		size_t rn;
		gs_records_raw(r, &rp, &rn);
		gs_buf_add(out, " raw{", 5);
		gs_buf_add(out, rp, rn);
		gs_buf_add(out, "}", 1);
		add_no_eol(raw, rp, rn);
		gs_buf_addc(out, '\n');
	}
	gs_buf_printf(out, "end %d\n", k);
	gs_records_close(r);
	gs_input_close(in);
}

/* The fast path (a line split sixteen bytes a step, quoted fields that
 * sit whole on the line included) must give what libcsv gives,
 * raw text included; and the records' raw texts hold every byte of the
 * input but the line ends (a rejected row keeps what it was). */
static void test_csv_fast_path(void)
{
	static const char *atoms[] = {"a", "田园镇", ",", ",", "\"", "\"\"", "\n", "\r\n",
	                              "\r", " ", "x,y", "\"q,\"", ""};
	char path[] = "/tmp/govstat-unit-XXXXXX";
	int fd = mkstemp(path);
	unsigned seed = 12345;
	int same = 1, whole = 1;
	for (int round = 0; round < 300 && same && whole; round++) {
		gs_buf text = {0}, a = {0}, b = {0}, ra = {0}, rb = {0}, t = {0};
		int n = 1 + round % 60;
		for (int i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			gs_buf_adds(&text, atoms[(seed >> 16) % (sizeof atoms / sizeof atoms[0])]);
		}
		FILE *fp = fopen(path, "w");
		fwrite(text.p, 1, text.len, fp);
		fclose(fp);
		gs_csv_fast_path = 1;
		transcript(path, &a, &ra);
		gs_csv_fast_path = 0;
		transcript(path, &b, &rb);
		gs_csv_fast_path = 1;
		add_no_eol(&t, text.p, text.len);
		if (ra.len != t.len || (t.len && memcmp(ra.p, t.p, t.len))) {
			whole = 0;
			printf("# input: %s\n# records:\n%s", text.p, a.p);
		}
		if (a.len != b.len || memcmp(a.p, b.p, a.len)) {
			same = 0;
			printf("# input: %s\n# fast:\n%s# libcsv:\n%s", text.p, a.p, b.p);
		}
		gs_buf_free(&text);
		gs_buf_free(&a);
		gs_buf_free(&b);
		gs_buf_free(&ra);
		gs_buf_free(&rb);
		gs_buf_free(&t);
	}
	close(fd);
	unlink(path);
	check(same, "csv fast path equals libcsv on 300 random texts", "%s%s", "they differ", "");
	check(whole, "csv records' raw texts hold every byte of 300 random texts", "%s%s",
	      "bytes lost", "");
}

/* GB18030 through the two-byte table and iconv together gives back the
 * text iconv made it from: ASCII, GBK characters, four-byte ones
 * (U+20000, U+00E9...), across the 256 KiB read boundary. */
static void test_gb18030_round_trip(void)
{
	static const char *atoms[] = {"a", ",", "\n", "田园镇", "镕", "\xf0\xa0\x80\x80",
	                              "\xc3\xa9", "\xe2\x82\xac", "\xee\x80\x80", "１２", "村"};
	gs_buf text = {0}, got = {0};
	unsigned seed = 7;
	while (text.len < 700000) {
		seed = seed * 1103515245u + 12345u;
		gs_buf_adds(&text, atoms[(seed >> 16) % (sizeof atoms / sizeof atoms[0])]);
	}
	char path[] = "/tmp/govstat-unit-XXXXXX";
	int fd = mkstemp(path);
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	size_t cap = text.len * 2;
	char *gb = malloc(cap), *ip = text.p, *op = gb;
	size_t il = text.len, ol = cap;
	iconv(cd, &ip, &il, &op, &ol);
	iconv_close(cd);
	if (write(fd, gb, cap - ol) < 0)
		perror("write");
	close(fd);
	const char *why, *t;
	gs_input *in = gs_input_open(path, "GB18030", &why);
	ssize_t n;
	while ((n = gs_input_read(in, &t)) > 0)
		gs_buf_add(&got, t, (size_t)n);
	check(n == 0 && got.len == text.len && !memcmp(got.p, text.p, text.len),
	      "GB18030 round trip through the table and iconv", "%s%s",
	      n < 0 ? gs_reason_en(gs_input_reason(in)) : "text differs", "");
	gs_input_close(in);
	unlink(path);
	free(gb);
	gs_buf_free(&text);
	gs_buf_free(&got);
}

static void test_num(void)
{
	/* parse and print back exactly */
	static const struct { const char *in, *want; } p[] = {
		{"0", "0"}, {"-12", "-12"}, {"1.50", "1.50"}, {"+3", "3"}, {"1e3", "1000"},
		{"1.5e-3", "0.0015"}, {"2.50e1", "25.0"}, {".5", "0.5"},
		{"170141183460469231731687303715884105727", "170141183460469231731687303715884105727"},
		{"170141183460469231731687303715884105728", NULL}, {"abc", NULL}, {"1.2.3", NULL},
		{"", NULL}, {"-", NULL}, {"1e", NULL}, {"1e99", NULL}, {" 1", NULL},
	};
	for (size_t i = 0; i < sizeof p / sizeof p[0]; i++) {
		gs_num v;
		gs_buf out = {0};
		char name[80];
		snprintf(name, sizeof name, "num parse '%s'", p[i].in);
		int r = gs_num_parse(p[i].in, strlen(p[i].in), &v);
		if (r == 0)
			gs_num_format(&out, v, 4);
		if (p[i].want)
			check(r == 0 && !strcmp(out.p, p[i].want), name, "got '%s', want '%s'",
			      r == 0 ? out.p : "error", p[i].want);
		else
			check(r < 0, name, "got '%s'%s, want an error", out.p ? out.p : "", "");
		gs_buf_free(&out);
	}
	/* a / b rounded half away from zero */
	static const struct { long long a, b; int d; const char *want; } q[] = {
		{1, 8, 2, "0.13"}, {-1, 8, 2, "-0.13"}, {1, 3, 4, "0.3333"}, {2, 3, 4, "0.6667"},
		{121, 124, 4, "0.9758"}, {121, 124, 2, "0.98"}, {1, 2, 0, "1"}, {-1, 2, 0, "-1"},
		{-1, 3, 0, "0"}, {-1, 300, 2, "0.00"}, {999, 1000, 2, "1.00"}, {5, 1, 3, "5.000"},
	};
	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
		gs_num r;
		gs_buf out = {0};
		char name[80];
		snprintf(name, sizeof name, "num %lld/%lld at %d", q[i].a, q[i].b, q[i].d);
		gs_num_div(gs_num_int(q[i].a), gs_num_int(q[i].b), &r);
		gs_num_format_round(&out, r, q[i].d);
		check(!strcmp(out.p, q[i].want), name, "got '%s', want '%s'", out.p, q[i].want);
		gs_buf_free(&out);
	}
	/* exact comparison, also where cross products would overflow */
	gs_num a, b, big, r;
	gs_num_parse("0.1", 3, &a);
	gs_num_parse("0.10", 4, &b);
	check(gs_num_cmp(a, b) == 0, "num 0.1 == 0.10", "%s%s", "differ", "");
	gs_num_parse("100000000000000000000000000000000000", 36, &big);
	gs_num x, y;
	gs_num_div(big, gs_num_int(3), &x);
	gs_num_div(big, gs_num_int(7), &y);
	check(gs_num_cmp(x, y) > 0 && gs_num_cmp(y, x) < 0, "num huge quotients compare exactly", "%s%s", "wrong", "");
	/* sums carry the largest scale; overflow is reported, not wrapped */
	gs_num_parse("1.25", 4, &a);
	gs_num_parse("2", 1, &b);
	gs_buf out = {0};
	gs_num_add(a, b, &r);
	gs_num_format(&out, r, 4);
	check(!strcmp(out.p, "3.25"), "num 1.25 + 2 = 3.25", "got %s%s", out.p, "");
	gs_buf_free(&out);
	gs_num_parse("170141183460469231731687303715884105727", 39, &big);
	check(gs_num_add(big, gs_num_int(1), &r) < 0, "num overflow is an error", "%s%s", "wrapped", "");
	check(gs_num_mul(big, gs_num_int(2), &r) < 0, "num product overflow is an error", "%s%s", "wrapped", "");
	check(gs_num_div(a, gs_num_int(0), &r) < 0, "num division by zero is an error", "%s%s", "no error", "");
	/* numbers as text, any size: sign, then magnitude, then digits */
	static const struct { const char *a, *b; int want; } nt[] = {
		{"1e39", "2e38", 1}, {"1E-39", "0.25", -1}, {"0.5", "0.25", 1}, {"1", "0.5", 1},
		{"0.9760", "0.976", 0}, {"0.9758", "0.976", -1}, {"100", "1e2", 0}, {"100", "95", 1},
		{"-1e39", "-2e38", -1}, {"-0", "0.000", 0}, {"-0.001", "0", -1}, {"0.05", "0.5e-1", 0},
		{"123.45", "1.2345E2", 0}, {"1e-400", "0", 1}, {"+7", "7.", 0}, {".5", "0.50", 0},
		{"0.97580645161290322581", "0.97575757575757575758", 1},
		{"1000000000000000000000000000000000000000001", "1e42", 1},
	};
	for (size_t i = 0; i < sizeof nt / sizeof nt[0]; i++) {
		char name[120];
		snprintf(name, sizeof name, "numtext %s vs %s", nt[i].a, nt[i].b);
		int c = gs_numtext_cmp(nt[i].a, strlen(nt[i].a), nt[i].b, strlen(nt[i].b));
		int c2 = gs_numtext_cmp(nt[i].b, strlen(nt[i].b), nt[i].a, strlen(nt[i].a));
		char got[40];
		snprintf(got, sizeof got, "%d and %d", c, c2);
		check(c == nt[i].want && c2 == -nt[i].want, name, "got %s%s", got, "");
	}
	static const char *notnum[] = {"n/a", "", "-", ".", "1e", "1e+", "1.2.3", "1,000", " 1", "1e1234567890", "NaN"};
	for (size_t i = 0; i < sizeof notnum / sizeof notnum[0]; i++) {
		char name[80];
		snprintf(name, sizeof name, "numtext '%s' is not a number", notnum[i]);
		check(!gs_numtext_valid(notnum[i], strlen(notnum[i])), name, "%s%s", "accepted", "");
	}
}

static void test_sha256(void)
{
	static const struct { const char *in; const char *want; } t[] = {
		{"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		{"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		gs_sha256 c;
		char hex[65], name[64];
		gs_sha256_init(&c);
		/* in two pieces, to cross the buffering */
		size_t n = strlen(t[i].in);
		gs_sha256_update(&c, t[i].in, n / 3);
		gs_sha256_update(&c, t[i].in + n / 3, n - n / 3);
		gs_sha256_hex(&c, hex);
		snprintf(name, sizeof name, "sha256 case %zu", i);
		check(!strcmp(hex, t[i].want), name, "got %s, want %s", hex, t[i].want);
	}
	gs_sha256 c;
	char hex[65];
	gs_sha256_init(&c);
	char a[1000];
	memset(a, 'a', sizeof a);
	for (int i = 0; i < 1000; i++)
		gs_sha256_update(&c, a, sizeof a);
	gs_sha256_hex(&c, hex);
	check(!strcmp(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
	      "sha256 of a million 'a'", "got %s%s", hex, "");
}

/* GS_HEADER_ROWS_MAX header rows are read; one more is refused when the
 * stream is opened (the rows are joined in arrays of that size), ending
 * the process with GS_USAGE: seen from a child. */
static void test_header_rows(void)
{
	char path[] = "/tmp/govstat-unit-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");
	for (int i = 0; i < GS_HEADER_ROWS_MAX; i++)
		fprintf(fp, "h%d\n", i + 1);
	fputs("v\n", fp);
	fclose(fp);
	char *files[] = {path};
	gs_stream_opts o = {.header_rows = GS_HEADER_ROWS_MAX};
	gs_stream *st = gs_stream_open(files, 1, &o);
	const gs_field *names;
	size_t n = 0;
	gs_row row;
	int ok = gs_stream_header(st, &names, &n) == 0 && n == 1 && names[0].n > 0 &&
	         gs_stream_next(st, &row) == GS_REC_ROW && row.n == 1 && row.f[0].n == 1 &&
	         row.f[0].p[0] == 'v' && gs_stream_next(st, &row) == GS_REC_EOF;
	gs_stream_close(st);
	check(ok, "header rows: the most is read", "%s%s", "", "");
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		gs_quiet = 1;
		o.header_rows = GS_HEADER_ROWS_MAX + 1;
		gs_stream_open(files, 1, &o);
		_exit(0);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == GS_USAGE, "header rows: one more is refused",
	      "%s%s", "the child did not exit with GS_USAGE", "");
	unlink(path);
}

static void test_workbook(void)
{
	static const struct { int id; const char *code; int want; } f[] = {
		{0, NULL, GS_NUM_PLAIN}, {14, NULL, GS_NUM_DATE}, {22, NULL, GS_NUM_DATETIME},
		{20, NULL, GS_NUM_TIME}, {31, NULL, GS_NUM_DATE}, {32, NULL, GS_NUM_TIME},
		{57, NULL, GS_NUM_DATE}, {46, NULL, GS_NUM_ELAPSED}, {9, NULL, GS_NUM_PLAIN},
		{49, NULL, GS_NUM_PLAIN},
		{164, "yyyy\\-mm\\-dd", GS_NUM_DATE}, {164, "yyyy\"年\"m\"月\"d\"日\"", GS_NUM_DATE},
		{164, "[$-804]yyyy\"年\"m\"月\"", GS_NUM_DATE}, {164, "mmm", GS_NUM_DATE},
		{164, "h:mm;@", GS_NUM_TIME}, {164, "mm:ss", GS_NUM_TIME},
		{164, "上午/下午h\"时\"mm\"分\"", GS_NUM_TIME}, {164, "yyyy/m/d h:mm", GS_NUM_DATETIME},
		{164, "[h]:mm:ss", GS_NUM_ELAPSED}, {164, "0.00E+00", GS_NUM_PLAIN},
		{164, "General", GS_NUM_PLAIN}, {164, "#,##0.00\"元\"", GS_NUM_PLAIN},
		{164, "[Red]0.00;[Blue]-0.00", GS_NUM_PLAIN}, {164, "\"day\"0", GS_NUM_PLAIN},
		{164, "0.0_);\\(0.0\\)", GS_NUM_PLAIN}, {164, "[DBNum1][$-804]General", GS_NUM_PLAIN},
	};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		char name[96], g[8], w[8];
		snprintf(name, sizeof name, "numfmt %d '%s'", f[i].id, f[i].code ? f[i].code : "built-in");
		int k = gs_numfmt_kind(f[i].id, f[i].code);
		snprintf(g, sizeof g, "%d", k);
		snprintf(w, sizeof w, "%d", f[i].want);
		check(k == f[i].want, name, "got kind %s, want %s", g, w);
	}
	/* 1e300 written out: "1" and 300 zeros */
#define Z10 "0000000000"
#define Z100 Z10 Z10 Z10 Z10 Z10 Z10 Z10 Z10 Z10 Z10
	static const struct { const char *in; const char *want; } n[] = {
		{"0.1", "0.1"}, {"0.30000000000000004", "0.3"}, {"123456789012", "123456789012"},
		{"1.2345678901234567E+18", "1234567890123460000"}, {"1E-7", "0.0000001"},
		{"3.0", "3"}, {"-0", "0"}, {"-2.50", "-2.5"}, {"007", "7"}, {"1e300", "1" Z100 Z100 Z100},
		{"99999999999999999", "100000000000000000"}, {"0.1234567890123456", "0.123456789012346"},
		{"abc", NULL}, {"", NULL}, {" 1", NULL}, {"1.5x", NULL},
	};
	for (size_t i = 0; i < sizeof n / sizeof n[0]; i++) {
		gs_buf b = {0};
		char name[64];
		snprintf(name, sizeof name, "cell number '%s'", n[i].in);
		int r = gs_cell_number_text(&b, n[i].in, strlen(n[i].in));
		if (n[i].want)
			check(r == 0 && !strcmp(b.p, n[i].want), name, "got '%s', want '%s'", b.p ? b.p : "", n[i].want);
		else
			check(r < 0, name, "got '%s'%s, want an error", b.p ? b.p : "", "");
		gs_buf_free(&b);
	}
#undef Z100
#undef Z10
	static const struct { double v; int d1904, kind; const char *want; } d[] = {
		{1, 0, GS_NUM_DATE, "1900-01-01"}, {59, 0, GS_NUM_DATE, "1900-02-28"},
		{60, 0, GS_NUM_DATE, NULL}, {61, 0, GS_NUM_DATE, "1900-03-01"},
		{0, 0, GS_NUM_DATE, NULL}, {43895, 0, GS_NUM_DATE, "2020-03-05"},
		{43895.999999, 0, GS_NUM_DATE, "2020-03-06"}, {0, 1, GS_NUM_DATE, "1904-01-01"},
		{42433, 1, GS_NUM_DATE, "2020-03-05"}, {2958465, 0, GS_NUM_DATE, "9999-12-31"},
		{2958466, 0, GS_NUM_DATE, NULL}, {-1, 0, GS_NUM_DATE, NULL},
		{0.5, 0, GS_NUM_TIME, "12:00:00"}, {43895.75, 0, GS_NUM_DATETIME, "2020-03-05 18:00:00"},
		{43895, 0, GS_NUM_DATETIME, "2020-03-05"},
		{1.5, 0, GS_NUM_ELAPSED, "36:00:00"}, {0.0000115, 0, GS_NUM_TIME, "00:00:01"},
		{59.0 / 86400, 0, GS_NUM_ELAPSED, "00:00:59"}, {1.25, 0, GS_NUM_ELAPSED, "30:00:00"},
		{1e300, 0, GS_NUM_DATE, NULL},
	};
	for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
		gs_buf b = {0};
		char name[64];
		const char *why = NULL;
		snprintf(name, sizeof name, "cell serial %g (%s, kind %d)", d[i].v, d[i].d1904 ? "1904" : "1900", d[i].kind);
		int r = gs_cell_serial(&b, d[i].v, d[i].d1904, d[i].kind, &why);
		if (d[i].want)
			check(r == 0 && !strcmp(b.p, d[i].want), name, "got '%s', want '%s'", b.p ? b.p : "", d[i].want);
		else
			check(r < 0 && why && !b.len, name, "got '%s'%s, want an error", b.p ? b.p : "", "");
		gs_buf_free(&b);
	}
	const char *const names[] = {"纠纷台账", "2", "汇总"};
	gs_reason err = {0};
	check(gs_sheet_pick(names, 3, NULL, &err) == 0, "sheet pick: first by default", "%s%s", gs_reason_en(&err), "");
	check(gs_sheet_pick(names, 3, "2", &err) == 1, "sheet pick: a name wins over a number", "%s%s",
	      gs_reason_en(&err), "");
	check(gs_sheet_pick(names, 3, "3", &err) == 2, "sheet pick: by number", "%s%s", gs_reason_en(&err), "");
	check(gs_sheet_pick(names, 3, "4", &err) < 0 &&
	      !strcmp(gs_reason_en(&err), "no sheet '4'; the workbook has '纠纷台账', '2', '汇总'"),
	      "sheet pick: none names the sheets", "got %s%s", gs_reason_en(&err), "");
	gs_reason_free(&err);
}

/* Each word comes back from sh as it was given. */
static void test_shell_quote(void)
{
	static const struct { const char *in, *want; } q[] = {
		{"-k", "-k"}, {"a=b,c/d:e+f.g_h", "a=b,c/d:e+f.g_h"}, {"田园镇", "田园镇"}, {"", "''"},
		{"a b", "'a b'"}, {"it's", "'it'\\''s'"}, {"$HOME", "'$HOME'"}, {"`x`", "'`x`'"},
		{"~", "'~'"}, {"#x", "'#x'"}, {"a\nb", "'a\nb'"}, {"n=count()", "'n=count()'"},
	};
	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
		gs_buf b = {0};
		char name[64];
		snprintf(name, sizeof name, "shell quote %zu", i);
		gs_shell_quote(&b, q[i].in);
		check(b.p && !strcmp(b.p, q[i].want), name, "got %s, want %s", b.p ? b.p : "", q[i].want);
		gs_buf_free(&b);
	}
}

/* Lines across reads, an invalid and an empty line, a last line without
 * its line end; the bytes passed through undecoded. */
static void test_json_lines(void)
{
	char path[] = "/tmp/govstat-unit-XXXXXX";
	int fd = mkstemp(path);
	static const char text[] = "{\"a\":[1,{\"b\":2}]}\nnot json\n\n {\"n\":\"\xD5\xC5\"}\t\r\n"
	                           "{\"d\":1} {\"e\":2}\n \t\r\n{\"c\":3}";
	if (fd < 0 || write(fd, text, sizeof text - 1) != (ssize_t)(sizeof text - 1)) {
		check(0, "json lines", "cannot write %s%s", path, "");
		return;
	}
	close(fd);
	const char *why;
	gs_input *in = gs_input_open(path, "utf-8", &why);
	gs_input_raw(in);
	gs_input_hash(in);
	gs_json_lines *r = gs_json_lines_open(in);
	cJSON *o;
	int k1 = gs_json_lines_next(r, &o);
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(o, "a");
	check(k1 == GS_JSONL_VALUE && cJSON_GetArraySize(a) == 2 && gs_json_lines_number(r) == 1,
	      "json lines: nested values", "%s%s", "", "");
	cJSON_Delete(o);
	int k2 = gs_json_lines_next(r, &o);
	check(k2 == GS_JSONL_BAD && !o && gs_json_lines_number(r) == 2, "json lines: an invalid line", "%s%s", "", "");
	int k3 = gs_json_lines_next(r, &o);
	check(k3 == GS_JSONL_EMPTY && !o && gs_json_lines_number(r) == 3, "json lines: an empty line", "%s%s", "", "");
	int k4 = gs_json_lines_next(r, &o);
	const cJSON *nm = cJSON_GetObjectItemCaseSensitive(o, "n");
	check(k4 == GS_JSONL_VALUE && cJSON_IsString(nm) && !strcmp(nm->valuestring, "\xD5\xC5") &&
	      gs_json_lines_number(r) == 4, "json lines: GBK bytes as they are, space around the value",
	      "%s%s", "", "");
	cJSON_Delete(o);
	int k5 = gs_json_lines_next(r, &o);
	check(k5 == GS_JSONL_BAD && !o && gs_json_lines_number(r) == 5, "json lines: two values on a line",
	      "%s%s", "", "");
	int k6 = gs_json_lines_next(r, &o);
	check(k6 == GS_JSONL_EMPTY && !o && gs_json_lines_number(r) == 6, "json lines: a line of white space",
	      "%s%s", "", "");
	int k7 = gs_json_lines_next(r, &o);
	check(k7 == GS_JSONL_VALUE && cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(o, "c")) &&
	      gs_json_lines_number(r) == 7, "json lines: the last line without its line end", "%s%s", "", "");
	cJSON_Delete(o);
	check(gs_json_lines_next(r, &o) == GS_JSONL_EOF && !o, "json lines: the end", "%s%s", "", "");
	check(gs_input_bytes(in) == sizeof text - 1, "json lines: every byte counted", "%s%s", "", "");
	gs_json_lines_close(r);
	gs_input_close(in);
	/* decoded, GBK bytes are not UTF-8: the read fails, after the lines
	 * before them */
	in = gs_input_open(path, "utf-8", &why);
	r = gs_json_lines_open(in);
	int d1 = gs_json_lines_next(r, &o);
	cJSON_Delete(o);
	int d2 = gs_json_lines_next(r, &o), d3 = gs_json_lines_next(r, &o);
	check(d1 == GS_JSONL_VALUE && d2 == GS_JSONL_BAD && d3 == GS_JSONL_EMPTY &&
	      gs_json_lines_next(r, &o) == GS_JSONL_FAIL && !o && gs_json_lines_number(r) == 3 &&
	      strstr(gs_reason_en(gs_input_reason(in)), "0xD5"), "json lines: a decoding error", "%s%s",
	      gs_reason_en(gs_input_reason(in)), "");
	gs_json_lines_close(r);
	gs_input_close(in);
	/* a line longer than any one read */
	FILE *fp = fopen(path, "w");
	fputs("{\"x\":\"", fp);
	for (int i = 0; i < 300000; i++)
		fputc('a', fp);
	fputs("\"}\n{\"y\":1}\n", fp);
	fclose(fp);
	in = gs_input_open(path, "utf-8", &why);
	r = gs_json_lines_open(in);
	int k8 = gs_json_lines_next(r, &o);
	const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, "x");
	check(k8 == GS_JSONL_VALUE && cJSON_IsString(x) && strlen(x->valuestring) == 300000,
	      "json lines: a long line", "%s%s", "", "");
	cJSON_Delete(o);
	int k9 = gs_json_lines_next(r, &o);
	check(k9 == GS_JSONL_VALUE && cJSON_GetObjectItemCaseSensitive(o, "y") && gs_json_lines_number(r) == 2,
	      "json lines: the line after a long one", "%s%s", "", "");
	cJSON_Delete(o);
	check(gs_json_lines_next(r, &o) == GS_JSONL_EOF, "json lines: the end after a long line", "%s%s", "", "");
	gs_json_lines_close(r);
	gs_input_close(in);
	unlink(path);
}

/* The reference for gs_csv_field: quoted when any byte is DELIM, a
 * quote, CR or LF, quotes doubled. */
static void csv_field_ref(gs_buf *b, const char *p, size_t n, char delim)
{
	int q = 0;
	for (size_t i = 0; i < n; i++)
		q |= p[i] == delim || p[i] == '"' || p[i] == '\n' || p[i] == '\r';
	if (q)
		gs_buf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		gs_buf_addc(b, p[i]);
		if (p[i] == '"')
			gs_buf_addc(b, '"');
	}
	if (q)
		gs_buf_addc(b, '"');
}

/* Every field length up to three 16-byte blocks, a byte needing quotes
 * (or one that does not, under the other delimiter) at every position;
 * each field in a buffer of its own size, so that a sanitized build sees
 * any read past its end. */
static void test_csv_field(void)
{
	static const char delims[] = {',', '\t'};
	static const char specials[] = {',', '\t', '"', '\n', '\r', 'a', '\x80'};
	for (size_t d = 0; d < sizeof delims; d++)
		for (size_t s = 0; s < sizeof specials; s++) {
			char name[64], why[160] = "";
			int ok = 1;
			for (size_t n = 0; n <= 48 && ok; n++)
				for (size_t at = 0; at <= n && ok; at++) {
					char *p = gs_xmalloc(n ? n : 1);
					for (size_t i = 0; i < n; i++)
						p[i] = (char)('0' + i % 10);
					if (at < n)
						p[at] = specials[s];
					gs_buf got = {0}, want = {0};
					gs_buf_add(&got, "", 0);
					gs_buf_add(&want, "", 0);
					gs_csv_field(&got, p, n, delims[d]);
					csv_field_ref(&want, p, n, delims[d]);
					if (got.len != want.len || memcmp(got.p, want.p, got.len)) {
						ok = 0;
						snprintf(why, sizeof why, "length %zu, byte %zu: got [%s], want [%s]",
						         n, at, got.p, want.p);
					}
					gs_buf_free(&got);
					gs_buf_free(&want);
					free(p);
				}
			snprintf(name, sizeof name, "csv field: delimiter 0x%02x, byte 0x%02x at every position",
			         (unsigned)delims[d], (unsigned char)specials[s]);
			check(ok, name, "%s%s", why, "");
		}
}

/* A reason is built in both texts at once; without a catalogue (the
 * tests run in C) the shown text is the English one. */
static void test_reason(void)
{
	gs_reason r = {0}, inner = {0};
	check(gs_reason_empty(&r) && !strcmp(gs_reason_en(&r), "") && !strcmp(gs_reason_shown(&r), ""),
	      "reason: a zeroed one is empty", "%s%s", gs_reason_en(&r), "");
	gs_reason_printf(&inner, "'%.*s' is not %s of %d", 3, "abcdef", "one", 7);
	check(!strcmp(gs_reason_en(&inner), "'abc' is not one of 7") &&
	      !strcmp(gs_reason_shown(&inner), gs_reason_en(&inner)),
	      "reason: one list of arguments formats both texts", "%s | %s", gs_reason_en(&inner),
	      gs_reason_shown(&inner));
	gs_reason_cat(&r, &inner);
	gs_reason_prefix(&r, "cell %s: ", "B7");
	gs_reason_add(&r, " [", 2);
	gs_reason_say(&r, "x");
	gs_reason_add(&r, "]", 1);
	check(!strcmp(gs_reason_en(&r), "cell B7: 'abc' is not one of 7 [x]") &&
	      !strcmp(gs_reason_shown(&r), gs_reason_en(&r)),
	      "reason: prefix in front, cat, add and say after", "%s | %s", gs_reason_en(&r), gs_reason_shown(&r));
	for (unsigned long n = 1; n <= 2; n++) {
		gs_reason_clear(&r);
		gs_reason_nprintf(&r, n, "%lu line", "%lu lines", n);
		check(!strcmp(gs_reason_en(&r), n == 1 ? "1 line" : "2 lines") &&
		      !strcmp(gs_reason_shown(&r), gs_reason_en(&r)),
		      n == 1 ? "reason: plural, one" : "reason: plural, many", "%s%s", gs_reason_en(&r), "");
	}
	gs_reason_copy(&r, &inner);
	check(!strcmp(gs_reason_en(&r), gs_reason_en(&inner)), "reason: copy", "%s%s", gs_reason_en(&r), "");
	gs_reason_free(&r);
	gs_reason_free(&inner);
}

/* gs_fold_trim: what the value readers see of a typed-in cell. */
static void test_fold_trim(void)
{
	static const struct { const char *in, *want; } t[] = {
		{"\xe3\x80\x80１，２３４．５ ", "1,234.5"}, {"  ", ""}, {"", ""}, {" ａ b\t", "a b"},
	};
	gs_buf b = {0};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *p;
		size_t n;
		gs_fold_trim(&b, t[i].in, strlen(t[i].in), &p, &n);
		char name[64];
		snprintf(name, sizeof name, "fold and trim: case %zu", i + 1);
		gs_buf got = {0};
		gs_buf_add(&got, p, n);
		check(n == strlen(t[i].want) && !memcmp(p, t[i].want, n), name, "got '%s', want '%s'", got.p,
		      t[i].want);
		gs_buf_free(&got);
	}
	gs_buf_free(&b);
}

/* gs_utf8_char_len: a character's bytes by its lead byte, never past the
 * text's end. */
static void test_utf8_char_len(void)
{
	static const struct { const char *s; size_t n, want; } t[] = {
		{"a", 1, 1}, {"\xc3\xa9", 2, 2}, {"田园", 6, 3}, {"\xf0\x9f\x98\x80", 4, 4},
		{"\xe7\x94", 2, 2}, {"\xf0\x9f", 2, 2}, {"\x80", 1, 1},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char name[64];
		snprintf(name, sizeof name, "utf8 char length: case %zu", i + 1);
		char got[24], want[24];
		snprintf(got, sizeof got, "%zu", gs_utf8_char_len(t[i].s, t[i].n));
		snprintf(want, sizeof want, "%zu", t[i].want);
		check(!strcmp(got, want), name, "got %s, want %s", got, want);
	}
}

/* The same value: of one type, and equal as it is. */
static int same_value(const gs_value *x, const gs_value *y)
{
	if (x->type != y->type)
		return 0;
	switch (x->type) {
	case GS_V_NUM: return !gs_num_cmp(x->num, y->num);
	case GS_V_BOOL: return x->b == y->b;
	case GS_V_STR: return x->n == y->n && !memcmp(x->s, y->s, x->n);
	default: return 1;
	}
}

/* SRC parsed, or NULL with a FAIL. */
static gs_expr *parse_case(const char *src, const char *name)
{
	gs_reason err = {0};
	size_t pos = 0;
	gs_expr *e = gs_expr_parse(src, &pos, 1, &err);
	if (!e)
		check(0, name, "'%s' does not parse: %s", src, gs_reason_en(&err));
	gs_reason_free(&err);
	return e;
}

/* Whether E and F evaluate alike (value or error) on every row. */
static int same_on_rows(gs_expr *e, gs_expr *f, const gs_field *names, size_t n, const char *const (*rows)[7],
                        size_t nrows)
{
	gs_reason err = {0};
	int ok = !gs_expr_bind(e, names, n, &err) && !gs_expr_bind(f, names, n, &err);
	for (size_t r = 0; r < nrows && ok; r++) {
		gs_field row[7];
		for (size_t i = 0; i < n; i++)
			row[i] = (gs_field){rows[r][i], strlen(rows[r][i])};
		gs_value x, y;
		int ex = gs_expr_eval(e, row, &x, &err), ey = gs_expr_eval(f, row, &y, &err);
		ok = ex == ey && (ex || same_value(&x, &y));
	}
	gs_reason_free(&err);
	return ok;
}

static void style_field(void *arg, const char *name, gs_buf *out)
{
	(void)arg;
	for (const char *p = name; *p; p++)
		gs_buf_addc(out, *p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
}

static void style_number(void *arg, const char *text, const char *field, gs_buf *out)
{
	gs_buf_printf(out, field ? "<%s:%s>" : "%s", text, field ? field : "");
	(void)arg;
}

/* gs_expr_show: the language's own style gives text that parses back to
 * what evaluates the same, and shows the same again; a style spells the
 * fields, numbers and operators its way. */
static void test_expr_show(void)
{
	static const struct { const char *src, *want; } t[] = {
		{"a+b*c", "a + b * c"},                           /* precedence */
		{"(a+b)*c", "(a + b) * c"},
		{"((a))", "a"},
		{"a-(b-c)", "a - (b - c)"},                       /* grouping to the left */
		{"(a-b)-c", "a - b - c"},
		{"a/(b*c)", "a / (b * c)"},
		{"-a*b", "-a * b"},                               /* unary minus */
		{"-(a*b)", "-(a * b)"},
		{"- -a", "--a"},
		{"a - -b", "a - -b"},
		{"-(-(1))", "--1"},
		{"!(a>1)", "!(a > 1)"},
		{"!a>1", "!a > 1"},
		{"!!a", "!!a"},
		{"a||b&&c", "a || (b && c)"},                     /* && under || for people */
		{"(a||b)&&c", "(a || b) && c"},
		{"a&&(b&&c)", "a && (b && c)"},
		{"a||b||c", "a || b || c"},
		{"(a>1)==(b>1)", "(a > 1) == (b > 1)"},          /* comparisons do not chain */
		{"(a in (1)) != (b<=0)", "(a in (1)) != (b <= 0)"},
		{"a+1 in (b*2,3,-c)", "a + 1 in (b * 2, 3, -c)"},
		{"empty(a)||!empty(b+c)", "empty(a) || !empty(b + c)"}, /* the function */
		{"s==\"x\\\"y\"", "s == \"x\\\"y\""},            /* strings */
		{"s==\"a\\\\b\"", "s == \"a\\b\""},
		{"s==\"tail\\\\\"", "s == \"tail\\\\\""},
		{"s>=\"田园镇\"&&s!=\"\"", "s >= \"田园镇\" && s != \"\""},
		{"`s`==`a`", "s == a"},                           /* backticked names */
		{"`化解 率`>=0.95", "`化解 率` >= 0.95"},
		{"`in`+`empty`>1", "`in` + `empty` > 1"},
		{"`x\\`y`<1e3", "`x\\`y` < 1e3"},
		{"a>.5", "a > .5"},
	};
	static const char *const cols[] = {"a", "b", "c", "s", "化解 率", "in", "empty"};
	static const char *const rows[][7] = {
		{"1", "2", "3", "x\"y", "0.96", "0", "1"},
		{"0", "0", "-1", "a\\b", "0.5", "2", "-4"},
		{"", "5", "", "田园镇", "", "1", ""},
		{"2.5", "", "0", "", "1", "", "0.5"},
		{"7", "1e3", "x", "tail\\", "0", "3", "9"},
	};
	gs_field names[7];
	for (size_t i = 0; i < 7; i++)
		names[i] = (gs_field){cols[i], strlen(cols[i])};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char name[96];
		snprintf(name, sizeof name, "expr show: %s", t[i].src);
		gs_expr *e = parse_case(t[i].src, name);
		if (!e)
			continue;
		gs_buf got = {0}, again = {0};
		gs_expr_show(e, NULL, &got);
		gs_expr *f = parse_case(got.p, name);
		if (f)
			gs_expr_show(f, NULL, &again);
		/* `x\`y` is no column: only what binds is evaluated */
		int evaluated = !strstr(t[i].src, "x\\`");
		check(!strcmp(got.p, t[i].want) && f && !strcmp(again.p, got.p) &&
		      (!evaluated || same_on_rows(e, f, names, 7, rows, sizeof rows / sizeof rows[0])),
		      name, "got '%s', want '%s', shown again, parsed, alike on the rows", got.p, t[i].want);
		gs_buf_free(&got);
		gs_buf_free(&again);
		gs_expr_free(e);
		gs_expr_free(f);
	}

	gs_expr_style st = {
		.field = style_field, .number = style_number,
		.ge = "≥", .le = "≤", .ne = "≠", .eq = "=", .and_op = "且", .or_op = "或",
	};
	static const struct { const char *src, *want; } u[] = {
		{"rate>=0.95&&0==v||rate in (0.5,-0.25)||rate*2>1",
		 "(RATE ≥ <0.95:rate> 且 <0:v> = V) 或 RATE in (<0.5:rate>, -<0.25:rate>) 或 RATE * 2 > 1"},
		{"a+b<=-(1)&&a!=c", "A + B ≤ -1 且 A ≠ C"},
		{"`化解率`<0.9", "化解率 < <0.9:化解率>"},
		{"empty(a)||s==\"x\"", "empty(A) 或 S = \"x\""},
	};
	for (size_t i = 0; i < sizeof u / sizeof u[0]; i++) {
		char name[96];
		snprintf(name, sizeof name, "expr show in a style: %s", u[i].src);
		gs_expr *e = parse_case(u[i].src, name);
		if (!e)
			continue;
		gs_buf got = {0};
		gs_expr_show(e, &st, &got);
		check(!strcmp(got.p, u[i].want), name, "got '%s', want '%s'", got.p, u[i].want);
		gs_buf_free(&got);
		gs_expr_free(e);
	}
}

int main(void)
{
	test_reason();
	test_fold_trim();
	test_utf8_char_len();
	test_dates();
	test_datetimes();
	test_numbers();
	test_utf8();
	test_hash();
	test_sha256();
	test_num();
	test_csv_fast_path();
	test_header_rows();
	test_gb18030_round_trip();
	test_workbook();
	test_shell_quote();
	test_json_lines();
	test_csv_field();
	test_expr_show();
	return failures ? 1 : 0;
}
