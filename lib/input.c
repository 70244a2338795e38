#include "input.h"
#include "diag.h"
#include "gb18030.h"
#include "i18n.h"
#include "sha256.h"
#include "utf8.h"

#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define RAW_SIZE (256 * 1024)
#define OUT_SIZE (4 * RAW_SIZE)
/* how much of the input "auto" judges before it decides */
#define SNIFF_SIZE (64 * 1024)

enum mode { M_SNIFF, M_UTF8, M_ICONV, M_RAW };

struct gs_input {
	int fd;                  /* -1 when reading from memory */
	char *path;              /* as opened; NULL for standard input, memory */
	int spool;               /* a temporary copy (gs_input_whole), or -1 */
	char spool_path[32];
	const char *mem;
	size_t memlen, mempos;
	int ranged;              /* gs_input_open_range: LEFT bytes more to read */
	unsigned long long left;
	int is_stdin;
	int autodetect;          /* encoding was "auto" */
	enum mode mode;
	int seen_nonascii;       /* a byte above 0x7F has been returned */
	int gb_refused;          /* "auto" found bytes that are not UTF-8 and
	                            do not read as Chinese in GB18030 */
	int at_start;            /* nothing returned yet: strip a BOM */
	int eof;                 /* read() returned 0 */
	int failed;              /* an error was reported; stay failed */
	int read_failed;         /* the error was in read(), not decoding */
	int nul_pending;         /* decoded text held a NUL after what was returned */
	char *raw;               /* undecoded bytes raw[rpos..rend) */
	size_t rpos, rend;
	char *out;               /* iconv output */
	iconv_t cd;
	unsigned long long bytes; /* raw bytes read */
	int hashing;
	gs_sha256 sha;
	const gs_gb18030 *gb;    /* GB18030 two-byte table, or NULL */
	char enc[64];
	gs_reason err;
};

int gs_encoding_known(const char *encoding)
{
	if (!encoding || !strcasecmp(encoding, "auto"))
		return 1;
	iconv_t cd = iconv_open("UTF-8", encoding);
	if (cd == (iconv_t)-1)
		return 0;
	iconv_close(cd);
	return 1;
}

/* A new input on FD (-1 for memory) in ENCODING; NULL for an unknown
 * encoding. */
static gs_input *new_input(int fd, int is_stdin, const char *encoding, const char **why)
{
	gs_input *in = gs_xcalloc(1, sizeof *in);
	in->fd = fd;
	in->is_stdin = is_stdin;
	in->cd = (iconv_t)-1;
	in->spool = -1;
	in->at_start = 1;
	in->raw = gs_xmalloc(RAW_SIZE);
	if (!encoding || strcasecmp(encoding, "auto") == 0) {
		in->autodetect = 1;
		in->mode = M_SNIFF;
		snprintf(in->enc, sizeof in->enc, "UTF-8");
	} else if (strcasecmp(encoding, "utf-8") == 0 || strcasecmp(encoding, "utf8") == 0) {
		in->mode = M_UTF8;
		snprintf(in->enc, sizeof in->enc, "UTF-8");
	} else {
		in->cd = iconv_open("UTF-8", encoding);
		if (in->cd == (iconv_t)-1) {
			*why = _("unknown encoding");
			in->fd = -1;
			gs_input_close(in);
			return NULL;
		}
		in->mode = M_ICONV;
		snprintf(in->enc, sizeof in->enc, "%s", encoding);
		if (!strcasecmp(encoding, "GB18030"))
			in->gb = gs_gb18030_table();
	}
	return in;
}

gs_input *gs_input_open(const char *path, const char *encoding, const char **why)
{
	int fd;
	int is_stdin = !path || strcmp(path, "-") == 0;
	if (is_stdin)
		fd = 0;
	else if ((fd = open(path, O_RDONLY)) < 0) {
		*why = strerror(errno);
		return NULL;
	}
	gs_input *in = new_input(fd, is_stdin, encoding, why);
	if (!in && !is_stdin)
		close(fd);
	if (in && !is_stdin)
		in->path = gs_xstrndup(path, strlen(path));
	return in;
}

gs_input *gs_input_open_range(const char *path, unsigned long long off, unsigned long long len,
                              const char *encoding, const char **why)
{
	gs_input *in = gs_input_open(path, encoding, why);
	if (in && lseek(in->fd, (off_t)off, SEEK_SET) < 0) {
		*why = strerror(errno);
		gs_input_close(in);
		return NULL;
	}
	if (in) {
		in->ranged = 1;
		in->left = len;
		/* a byte-order mark is one only at the start of the file: a line
		 * that starts with those bytes after a cut keeps them */
		in->at_start = off == 0;
	}
	return in;
}

/* Stay failed, FMT (English, as for gs_reason_printf) the reason; -1. */
static ssize_t input_fail(gs_input *in, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static ssize_t input_fail(gs_input *in, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gs_reason_clear(&in->err);
	gs_reason_vprintf(&in->err, fmt, ap);
	va_end(ap);
	in->failed = 1;
	return -1;
}

/* Read more raw bytes, keeping the undecoded tail. Returns bytes read,
 * 0 at EOF, -1 on error. */
static ssize_t fill(gs_input *in)
{
	if (in->rpos > 0) {
		memmove(in->raw, in->raw + in->rpos, in->rend - in->rpos);
		in->rend -= in->rpos;
		in->rpos = 0;
	}
	if (in->mem) {
		size_t r = in->memlen - in->mempos;
		if (r > RAW_SIZE - in->rend)
			r = RAW_SIZE - in->rend;
		memcpy(in->raw + in->rend, in->mem + in->mempos, r);
		in->mempos += r;
		if (r == 0)
			in->eof = 1;
		if (in->hashing)
			gs_sha256_update(&in->sha, in->raw + in->rend, r);
		in->bytes += r;
		in->rend += r;
		return (ssize_t)r;
	}
	for (;;) {
		size_t want = RAW_SIZE - in->rend;
		if (in->ranged && want > in->left)
			want = (size_t)in->left;
		ssize_t r = want ? read(in->fd, in->raw + in->rend, want) : 0;
		if (r > 0 && in->ranged)
			in->left -= (unsigned long long)r;
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			in->read_failed = 1;
			return input_fail(in, "read error: %s", strerror(errno));
		}
		if (r == 0)
			in->eof = 1;
		if (in->hashing)
			gs_sha256_update(&in->sha, in->raw + in->rend, (size_t)r);
		in->bytes += (unsigned long long)r;
		in->rend += (size_t)r;
		return r;
	}
}

static int start_iconv(gs_input *in, const char *enc)
{
	in->cd = iconv_open("UTF-8", enc);
	if (in->cd == (iconv_t)-1)
		return -1;
	in->mode = M_ICONV;
	snprintf(in->enc, sizeof in->enc, "%s", enc);
	if (!strcasecmp(enc, "GB18030"))
		in->gb = gs_gb18030_table();
	return 0;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <tmmintrin.h>
#define HAVE_UTF8_SIMD 1

/* 1 when P[0..N) (N a multiple of 16) holds no invalid UTF-8 sequence
 * that ends inside it: the table lookups of Keiser and Lemire,
 * "Validating UTF-8 in less than one instruction per byte" (2021), on
 * SSSE3. A character cut at the end is not judged here. */
__attribute__((target("ssse3")))
static int utf8_blocks_valid(const unsigned char *p, size_t n)
{
	enum {
		TOO_SHORT = 1 << 0, TOO_LONG = 1 << 1, OVERLONG_3 = 1 << 2, TOO_LARGE = 1 << 3,
		SURROGATE = 1 << 4, OVERLONG_2 = 1 << 5, TOO_LARGE_1000 = 1 << 6,
		OVERLONG_4 = 1 << 6, TWO_CONTS = 1 << 7, CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS
	};
	const __m128i hi1 = _mm_setr_epi8(
		TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
		TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
		TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,
		TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
	const __m128i lo1 = _mm_setr_epi8(
		CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY,
		CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
		CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
		CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
		CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
		CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, CARRY | TOO_LARGE | TOO_LARGE_1000,
		CARRY | TOO_LARGE | TOO_LARGE_1000);
	const __m128i hi2 = _mm_setr_epi8(
		TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
		TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
		TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
		TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
		TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
		TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);
	const __m128i nib = _mm_set1_epi8(0x0F);
	__m128i prev = _mm_setzero_si128(), err = _mm_setzero_si128();
	for (size_t i = 0; i < n; i += 16) {
		__m128i in = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		if (!_mm_movemask_epi8(_mm_or_si128(in, prev))) {
			/* ASCII after ASCII: nothing to judge */
			prev = in;
			continue;
		}
		__m128i p1 = _mm_alignr_epi8(in, prev, 15);
		__m128i sc = _mm_and_si128(
			_mm_and_si128(_mm_shuffle_epi8(hi1, _mm_and_si128(_mm_srli_epi16(p1, 4), nib)),
			              _mm_shuffle_epi8(lo1, _mm_and_si128(p1, nib))),
			_mm_shuffle_epi8(hi2, _mm_and_si128(_mm_srli_epi16(in, 4), nib)));
		__m128i p2 = _mm_alignr_epi8(in, prev, 14), p3 = _mm_alignr_epi8(in, prev, 13);
		__m128i third = _mm_subs_epu8(p2, _mm_set1_epi8((char)(0xE0 - 0x80)));
		__m128i fourth = _mm_subs_epu8(p3, _mm_set1_epi8((char)(0xF0 - 0x80)));
		__m128i must23 = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8((char)0x80));
		err = _mm_or_si128(err, _mm_xor_si128(must23, sc));
		prev = in;
	}
	return _mm_movemask_epi8(_mm_cmpeq_epi8(err, _mm_setzero_si128())) == 0xFFFF;
}
#endif

/* gs_utf8_valid_prefix, exactly, in a fraction of its time on a large
 * P: the blocks of sixteen bytes are judged together, and only a P
 * that holds an error (or its last character or so) is read a byte at a
 * time. */
static size_t utf8_prefix(const char *p, size_t n, int *incomplete)
{
	size_t i = 0;
#ifdef HAVE_UTF8_SIMD
	/* asked each time (a load of what the C library found at start-up):
	 * a cached answer would be a static that threads write */
	int simd = __builtin_cpu_supports("ssse3");
	const unsigned char *s = (const unsigned char *)p;
	size_t m = n & ~(size_t)15;
	if (simd && m >= 64 && utf8_blocks_valid(s, m)) {
		/* the last character that starts before M may be cut (or wrong):
		 * it is read again; every one before it is whole */
		i = m - 1;
		while (i > m - 4 && (s[i] & 0xC0) == 0x80)
			i--;
	}
#endif
	return i + gs_utf8_valid_prefix(p + i, n - i, incomplete);
}

/* 1 when B[0..N) reads as Chinese text in GB18030: up to the first byte
 * that cannot be GB18030 (its error, if it is one, comes later on its
 * line), at least one multi-byte character, and of those at least 4 in 5
 * in GB2312's symbol and hanzi rows (lead 0xA1..0xA9 or 0xB0..0xF7, trail
 * 0xA1..0xFE), where nearly every character of a real ledger is. Latin-1
 * or CP1252 text fails: its accented letters are followed by ASCII
 * ("M\xFCller" would be 黮, in GBK's rarely used extension). */
static int gb_plausible(const unsigned char *b, size_t n)
{
	size_t common = 0, multi = 0, i = 0;
	while (i < n) {
		unsigned c = b[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c == 0x80 || c == 0xFF || i + 1 >= n)
			break;
		unsigned t = b[i + 1];
		if (t >= 0x30 && t <= 0x39) {       /* four bytes */
			if (i + 3 >= n || b[i + 2] < 0x81 || b[i + 2] == 0xFF || b[i + 3] < 0x30 ||
			    b[i + 3] > 0x39)
				break;
			multi++;
			i += 4;
			continue;
		}
		if (t < 0x40 || t == 0x7F || t == 0xFF)
			break;
		multi++;
		if (((c >= 0xA1 && c <= 0xA9) || (c >= 0xB0 && c <= 0xF7)) && t >= 0xA1)
			common++;
		i += 2;
	}
	return multi > 0 && common * 5 >= multi * 4;
}

/* Decide the encoding from the first bytes: a BOM; else the first
 * SNIFF_SIZE bytes, as UTF-8 when they are valid UTF-8, as GB18030 when
 * they are not and read as Chinese in it. */
static ssize_t sniff(gs_input *in)
{
	while (!in->eof && in->rend < (in->autodetect ? SNIFF_SIZE : 4))
		if (fill(in) < 0)
			return -1;
	const unsigned char *b = (const unsigned char *)in->raw;
	size_t n = in->rend;
	if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
		in->rpos = 3;
		in->mode = M_UTF8;
	} else if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
		in->rpos = 2;
		if (start_iconv(in, "UTF-16LE") < 0)
			return input_fail(in, "UTF-16LE is not supported by iconv");
	} else if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
		in->rpos = 2;
		if (start_iconv(in, "UTF-16BE") < 0)
			return input_fail(in, "UTF-16BE is not supported by iconv");
	} else if (n >= 4 && !memcmp(b, "\x84\x31\x95\x33", 4)) {
		/* GB18030's own mark (U+FEFF), as older govstat --bom wrote it:
		 * the judging below would take it for a rare character */
		in->rpos = 4;
		if (start_iconv(in, "GB18030") < 0)
			return input_fail(in, "GB18030 is not supported by iconv");
	} else {
		in->mode = M_UTF8;
		int incomplete;
		size_t ok = utf8_prefix(in->raw, n, &incomplete);
		/* not UTF-8 but Chinese in GB18030; else UTF-8 up to the bad
		 * byte, where read_utf8 decides (after ASCII only: GB18030 if
		 * the rest reads as Chinese) or names its line */
		if (in->autodetect && ok < n && !(incomplete && !in->eof && n - ok < 4) &&
		    gb_plausible(b, n) && start_iconv(in, "GB18030") < 0)
			return input_fail(in, "GB18030 is not supported by iconv");
	}
	return 0;
}

static ssize_t read_utf8(gs_input *in, const char **text)
{
	for (;;) {
		size_t avail = in->rend - in->rpos;
		if (avail == 0 || (!in->eof && avail < 4)) {
			if (in->eof) {
				if (avail)
					break;
				return 0;
			}
			if (fill(in) < 0)
				return -1;
			continue;
		}
		const char *p = in->raw + in->rpos;
		int incomplete;
		size_t ok = utf8_prefix(p, avail, &incomplete);
		if (ok == 0 && incomplete && !in->eof) {
			if (fill(in) < 0)
				return -1;
			continue;
		}
		if (ok == 0)
			break;
		const char *nul = memchr(p, '\0', ok);
		if (nul == p)
			return input_fail(in, "NUL byte in input (not a text file?)");
		if (nul)
			ok = (size_t)(nul - p);   /* the text before it first */
		if (!in->seen_nonascii) {
			for (size_t i = 0; i < ok; i++)
				if ((unsigned char)p[i] >= 0x80) {
					in->seen_nonascii = 1;
					break;
				}
		}
		in->rpos += ok;
		*text = p;
		return (ssize_t)ok;
	}
	/* an invalid or truncated sequence starts at rpos */
	if (in->autodetect && !in->seen_nonascii &&
	    !(in->gb_refused = !gb_plausible((const unsigned char *)in->raw + in->rpos,
	                                     in->rend - in->rpos))) {
		if (start_iconv(in, "GB18030") < 0)
			return input_fail(in, "GB18030 is not supported by iconv");
		return -2; /* the caller goes on in iconv mode */
	}
	if (in->eof && in->rend - in->rpos < 4) {
		int incomplete;
		gs_utf8_valid_prefix(in->raw + in->rpos, in->rend - in->rpos, &incomplete);
		if (incomplete)
			return input_fail(in, "truncated UTF-8 sequence at end of input");
	}
	char hex[8];
	snprintf(hex, sizeof hex, "0x%02X", (unsigned char)in->raw[in->rpos]);
	if (in->gb_refused)
		return input_fail(in, "invalid UTF-8 byte %s, and the text does not read as Chinese in "
		            "GB18030 either (ingest -e NAME reads it in its encoding: -e gb18030, -e latin1, -e cp1252 ...)",
		            hex);
	return input_fail(in, "invalid UTF-8 byte %s (in another encoding? ingest -e NAME reads it, e.g. -e gb18030)", hex);
}

static ssize_t read_iconv(gs_input *in, const char **text)
{
	if (!in->out)
		in->out = gs_xmalloc(OUT_SIZE);
	if (in->nul_pending)
		return input_fail(in, "NUL character in input (not a text file?)");
	for (;;) {
		size_t avail = in->rend - in->rpos;
		if (avail == 0) {
			if (in->eof)
				return 0;
			if (fill(in) < 0)
				return -1;
			continue;
		}
		size_t made = 0;
		if (in->gb) {
			const char *p = in->raw + in->rpos;
			made = gs_gb18030_decode(in->gb, &p, in->raw + in->rend, in->out, OUT_SIZE);
			in->rpos = (size_t)(p - in->raw);
		}
		size_t r = 0;
		int e = 0;
		if (!made) {
			/* with the table, iconv takes one sequence (at most 4 bytes)
			 * and the table goes on after it */
			char *src = in->raw + in->rpos, *dst = in->out;
			size_t left = in->gb && avail > 4 ? 4 : avail, room = OUT_SIZE;
			r = iconv(in->cd, &src, &left, &dst, &room);
			e = errno;
			if (r == (size_t)-1 && e == EINVAL && in->gb && avail > 4)
				e = EILSEQ;      /* four bytes are not a sequence */
			in->rpos = (size_t)(src - in->raw);
			made = OUT_SIZE - room;
		}
		if (made) {
			const char *nul = memchr(in->out, '\0', made);
			if (nul == in->out)
				return input_fail(in, "NUL character in input (not a text file?)");
			if (nul) {
				/* the text before it first; fail on the next call */
				made = (size_t)(nul - in->out);
				in->nul_pending = 1;
			}
			*text = in->out;
			return (ssize_t)made;
		}
		if (r != (size_t)-1)
			continue;
		if (e == EINVAL) {      /* incomplete sequence at the end of the bytes */
			if (in->eof)
				return input_fail(in, "truncated %s sequence at end of input", in->enc);
			if (fill(in) < 0)
				return -1;
			continue;
		}
		if (e == EILSEQ)
			return input_fail(in, "bytes not valid in %s (ingest -e NAME reads it in its encoding)", in->enc);
		return input_fail(in, "cannot decode input: %s", strerror(e));
	}
}

/* gs_input_raw: what is there, as it is. */
static ssize_t read_raw(gs_input *in, const char **text)
{
	if (in->rpos == in->rend) {
		if (in->eof)
			return 0;
		ssize_t r = fill(in);
		if (r <= 0)
			return r;
	}
	*text = in->raw + in->rpos;
	size_t n = in->rend - in->rpos;
	in->rpos = in->rend;
	return (ssize_t)n;
}

gs_input *gs_input_from_memory(const void *data, size_t n, const char *encoding)
{
	const char *why;
	gs_input *in = new_input(-1, 0, encoding, &why);
	if (in) {
		in->mem = data ? data : "";
		in->memlen = n;
	}
	return in;
}

ssize_t gs_input_read(gs_input *in, const char **text)
{
	if (in->failed)
		return -1;
	if (in->mode == M_SNIFF && sniff(in) < 0)
		return -1;
	if (in->mode == M_RAW)
		return read_raw(in, text);
	ssize_t n;
	for (;;) {
		n = in->mode == M_UTF8 ? read_utf8(in, text) : read_iconv(in, text);
		if (n != -2)
			break;
	}
	if (n > 0 && in->at_start) {
		in->at_start = 0;
		/* a BOM that iconv passed through as U+FEFF */
		if (n >= 3 && memcmp(*text, "\xEF\xBB\xBF", 3) == 0) {
			*text += 3;
			n -= 3;
			if (n == 0)
				return gs_input_read(in, text);
		}
	}
	return n;
}

const unsigned char *gs_input_peek(gs_input *in, size_t want, size_t *got)
{
	if (want > RAW_SIZE)
		want = RAW_SIZE;
	while (!in->failed && !in->eof && in->rend - in->rpos < want)
		if (fill(in) < 0)
			break;
	*got = in->rend - in->rpos;
	return (const unsigned char *)in->raw + in->rpos;
}

/* Read the rest of the raw bytes (counted and hashed by fill), writing
 * them to FD unless it is -1. 0, or -1 with in->err set. */
static int drain(gs_input *in, int fd)
{
	for (;;) {
		if (fd >= 0) {
			size_t off = in->rpos;
			while (off < in->rend) {
				ssize_t w = write(fd, in->raw + off, in->rend - off);
				if (w < 0 && errno == EINTR)
					continue;
				if (w < 0) {
					input_fail(in, "cannot copy the input to a temporary file: %s", strerror(errno));
					return -1;
				}
				off += (size_t)w;
			}
		}
		in->rpos = in->rend;
		if (in->eof)
			return 0;
		if (fill(in) < 0)
			return -1;
	}
}

int gs_input_whole(gs_input *in, const char **path)
{
	if (in->failed)
		return -1;
	if (in->spool >= 0) {
		*path = in->spool_path;
		return 0;
	}
	struct stat st;
	if (in->path && in->fd >= 0 && fstat(in->fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    in->bytes == in->rend) {
		/* a file read from its start: open it again by name. Its bytes
		 * are read here only to be hashed; else its size says it all. */
		if (in->hashing) {
			if (drain(in, -1) < 0)
				return -1;
		} else {
			in->bytes = (unsigned long long)st.st_size;
			in->rpos = in->rend;
			in->eof = 1;
		}
		*path = in->path;
		return 0;
	}
	const char *dir = getenv("TMPDIR");
	char tmpl[4096];
	snprintf(tmpl, sizeof tmpl, "%s/govstat-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(tmpl);
	if (fd < 0) {
		input_fail(in, "cannot make a temporary copy of the input: %s", strerror(errno));
		return -1;
	}
	unlink(tmpl);      /* gone when closed, even if the tool is killed */
	in->spool = fd;
	snprintf(in->spool_path, sizeof in->spool_path, "/proc/self/fd/%d", fd);
	if (drain(in, fd) < 0)
		return -1;
	*path = in->spool_path;
	return 0;
}

int gs_input_memory(const gs_input *in, const void **data, size_t *n)
{
	if (!in->mem)
		return -1;
	*data = in->mem;
	*n = in->memlen;
	return 0;
}

const gs_reason *gs_input_reason(const gs_input *in)
{
	return &in->err;
}

void gs_input_raw(gs_input *in)
{
	in->mode = M_RAW;
}

void gs_input_hash(gs_input *in)
{
	in->hashing = 1;
	gs_sha256_init(&in->sha);
}

unsigned long long gs_input_bytes(const gs_input *in)
{
	return in->bytes;
}

void gs_input_sha256(gs_input *in, char out[65])
{
	gs_sha256 copy = in->sha;
	gs_sha256_hex(&copy, out);
}

int gs_input_read_failed(const gs_input *in)
{
	return in->read_failed;
}

void gs_input_close(gs_input *in)
{
	if (!in)
		return;
	if (!in->is_stdin && in->fd >= 0)
		close(in->fd);
	if (in->spool >= 0)
		close(in->spool);
	free(in->path);
	if (in->cd != (iconv_t)-1)
		iconv_close(in->cd);
	free(in->raw);
	free(in->out);
	gs_reason_free(&in->err);
	free(in);
}
