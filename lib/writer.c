#include "writer.h"
#include "buf.h"
#include "diag.h"
#include "manifest.h"
#include "sha256.h"
#include "utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FLUSH_AT (64 * 1024)

struct gs_writer {
	FILE *fp;
	int format;
	char delim;
	size_t ncols;
	gs_buf *keys;            /* JSON: "\"name\":" per column */
	unsigned char *numeric;
	gs_buf out;
	int hashing;
	gs_sha256 sha;
	unsigned long long bytes;
	long rows;
	iconv_t cd;              /* to the output encoding, or (iconv_t)-1 */
	char *encoding;
	const char *name;        /* the file written, NULL: the output */
	int bom;                 /* a byte-order mark still to write */
	gs_buf conv;
};

gs_writer *gs_writer_new(FILE *fp, int format)
{
	gs_writer *w = calloc(1, sizeof *w);
	if (!w)
		gs_die(GS_IO, NULL, 0, "out of memory");
	w->fp = fp;
	w->format = format;
	w->delim = format == GS_FMT_TSV ? '\t' : ',';
	w->cd = (iconv_t)-1;
	if (gs_manifest_on())
		gs_writer_hash(w);
	return w;
}

/* ENCODING in lower case without '-' and '_' ("UTF-16LE": "utf16le"),
 * the spellings iconv takes for one name, and without iconv's suffixes
 * ("//TRANSLIT"), cut to fit OUT[16]. */
static void plain_name(const char *encoding, char out[16])
{
	size_t k = 0;
	for (const char *p = encoding; *p && *p != '/' && k < 15; p++)
		if (*p != '-' && *p != '_')
			out[k++] = (char)((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
	out[k] = 0;
}

int gs_bom_encoding(const char *encoding)
{
	if (!encoding)
		return 1;
	char n[16];
	plain_name(encoding, n);
	return !strcmp(n, "utf8") || !strcmp(n, "utf16") || !strcmp(n, "utf16le") ||
	       !strcmp(n, "utf16be");
}

int gs_encoding_chinese(const char *encoding)
{
	char n[16];
	plain_name(encoding, n);
	return !strcmp(n, "gb18030") || !strcmp(n, "gbk") || !strcmp(n, "gb2312") || !strcmp(n, "cp936") ||
	       !strcmp(n, "euccn");
}

int gs_writer_encoding(gs_writer *w, const char *encoding, int bom)
{
	char n[16];
	if (encoding)
		plain_name(encoding, n);
	/* iconv's UTF-16 begins with its own mark: a second would be text */
	w->bom = bom && !(encoding && !strcmp(n, "utf16"));
	if (!encoding || !strcasecmp(encoding, "utf-8") || !strcasecmp(encoding, "utf8"))
		return 0;
	w->cd = iconv_open(encoding, "UTF-8");
	if (w->cd == (iconv_t)-1)
		return -1;
	w->encoding = gs_xstrndup(encoding, strlen(encoding));
	return 0;
}

void gs_writer_name(gs_writer *w, const char *name)
{
	w->name = name;
}

/* The bytes to write: W->out, with the byte-order mark first, converted
 * to the output encoding. */
static gs_buf *encoded(gs_writer *w)
{
	if (w->bom) {
		gs_buf b = {0};
		gs_buf_add(&b, "\xef\xbb\xbf", 3);
		gs_buf_add(&b, w->out.p, w->out.len);
		gs_buf_free(&w->out);
		w->out = b;
		w->bom = 0;
	}
	if (w->cd == (iconv_t)-1)
		return &w->out;
	gs_buf_clear(&w->conv);
	char *in = w->out.p;
	size_t left = w->out.len;
	while (left) {
		gs_buf_reserve(&w->conv, left * 2 + 16);
		char *o = w->conv.p + w->conv.len;
		size_t room = w->conv.cap - w->conv.len - 1;
		size_t k = iconv(w->cd, &in, &left, &o, &room);
		w->conv.len = (size_t)(o - w->conv.p);
		w->conv.p[w->conv.len] = 0;
		if (k == (size_t)-1 && errno != E2BIG) {
			int n = (int)gs_utf8_char_len(in, left);
			if (w->name)
				gs_die(GS_IO, w->name, 0, "'%.*s' cannot be written in %s", n, in, w->encoding);
			gs_die(GS_IO, NULL, 0, "output: '%.*s' cannot be written in %s", n, in, w->encoding);
		}
	}
	return &w->conv;
}

void gs_writer_hash(gs_writer *w)
{
	if (w->hashing)
		return;
	w->hashing = 1;
	gs_sha256_init(&w->sha);
}

void gs_writer_digest(gs_writer *w, char sha[65], unsigned long long *bytes, long *rows)
{
	gs_writer_flush(w);
	gs_sha256 copy = w->sha;
	if (w->hashing)
		gs_sha256_hex(&copy, sha);
	else
		sha[0] = 0;
	*bytes = w->bytes;
	*rows = w->rows;
}

void gs_writer_flush(gs_writer *w)
{
	if (w->out.len) {
		gs_buf *b = encoded(w);
		if (w->hashing)
			gs_sha256_update(&w->sha, b->p, b->len);
		w->bytes += b->len;
		gs_fwrite(b->p, b->len, w->fp);
		gs_buf_clear(&w->out);
	}
}

void gs_write_stdout(const char *p, size_t n, long rows)
{
	gs_fwrite(p, n, stdout);
	if (gs_manifest_on()) {
		gs_sha256 c;
		char hex[65];
		gs_sha256_init(&c);
		gs_sha256_update(&c, p, n);
		gs_sha256_hex(&c, hex);
		gs_manifest_written("-", "output", hex, n, rows);
	}
}

static void maybe_flush(gs_writer *w)
{
	if (w->out.len >= FLUSH_AT)
		gs_writer_flush(w);
}

void gs_writer_header(gs_writer *w, const gs_field *names, size_t n,
                      const unsigned char *numeric)
{
	w->ncols = n;
	w->numeric = calloc(n + 1, 1);
	w->keys = calloc(n + 1, sizeof *w->keys);
	if (!w->numeric || !w->keys)
		gs_die(GS_IO, NULL, 0, "out of memory");
	for (size_t i = 0; i < n; i++) {
		if (numeric)
			w->numeric[i] = numeric[i];
		gs_json_string(&w->keys[i], names[i].p, names[i].n);
		gs_buf_addc(&w->keys[i], ':');
	}
	if (w->format == GS_FMT_JSON)
		return;
	for (size_t i = 0; i < n; i++) {
		if (i)
			gs_buf_addc(&w->out, w->delim);
		gs_csv_field(&w->out, names[i].p, names[i].n, w->delim);
	}
	gs_buf_addc(&w->out, '\n');
	maybe_flush(w);
}

void gs_writer_encode(const gs_writer *w, size_t from, const gs_field *f, size_t n, gs_buf *out)
{
	for (size_t k = 0; k < n; k++) {
		size_t i = from + k;
		if (w->format == GS_FMT_JSON) {
			if (i)
				gs_buf_addc(out, ',');
			gs_buf_add(out, w->keys[i].p, w->keys[i].len);
			if (!f[k].p)
				gs_buf_add(out, "null", 4);
			else if (w->numeric[i])
				gs_buf_add(out, f[k].p, f[k].n);
			else
				gs_json_string(out, f[k].p, f[k].n);
		} else {
			if (i)
				gs_buf_addc(out, w->delim);
			if (f[k].p)
				gs_csv_field(out, f[k].p, f[k].n, w->delim);
		}
	}
}

/* Missing fields are written empty (CSV) or "" (JSON). */
static const gs_field empty_field = {"", 0};

void gs_writer_row(gs_writer *w, const gs_field *f, size_t n)
{
	if (w->format == GS_FMT_JSON)
		gs_buf_addc(&w->out, '{');
	gs_writer_encode(w, 0, f, n < w->ncols ? n : w->ncols, &w->out);
	for (size_t i = n; i < w->ncols; i++)
		gs_writer_encode(w, i, &empty_field, 1, &w->out);
	gs_buf_add(&w->out, w->format == GS_FMT_JSON ? "}\n" : "\n", w->format == GS_FMT_JSON ? 2 : 1);
	w->rows++;
	maybe_flush(w);
}

void gs_writer_row_encoded(gs_writer *w, const char *enc, size_t len, size_t k,
                           const gs_field *rest, size_t nrest)
{
	if (w->format == GS_FMT_JSON)
		gs_buf_addc(&w->out, '{');
	gs_buf_add(&w->out, enc, len);
	gs_writer_encode(w, k, rest, nrest, &w->out);
	gs_buf_add(&w->out, w->format == GS_FMT_JSON ? "}\n" : "\n", w->format == GS_FMT_JSON ? 2 : 1);
	w->rows++;
	maybe_flush(w);
}

void gs_writer_free(gs_writer *w)
{
	if (!w)
		return;
	gs_writer_flush(w);
	for (size_t i = 0; w->keys && i < w->ncols; i++)
		gs_buf_free(&w->keys[i]);
	free(w->keys);
	free(w->numeric);
	gs_buf_free(&w->out);
	gs_buf_free(&w->conv);
	if (w->cd != (iconv_t)-1)
		iconv_close(w->cd);
	free(w->encoding);
	free(w);
}
