/* biff: the cells of a .xls sheet, read from the workbook's records
 * (see biff.h). */
#include "biff.h"
#include "buf.h"
#include "diag.h"
#include "i18n.h"
#include "workbook.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ENDOFCHAIN 0xFFFFFFFEu
#define MAX_STREAM (256u << 20)

static uint16_t u16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The compound file in DATA[0..N): its sectors and allocation table. */
typedef struct cfb {
	const unsigned char *d;
	size_t n;
	size_t ss;                   /* sector size */
	uint32_t *fat;
	size_t nfat;
} cfb;

static const unsigned char *sector(const cfb *c, uint32_t s)
{
	size_t off = ((size_t)s + 1) * c->ss;
	if (s >= ENDOFCHAIN - 3 || off + c->ss > c->n || off < c->ss)
		return NULL;
	return c->d + off;
}

/* Follow the chain from START through TABLE (NT entries), copying UNIT-byte
 * pieces from PIECE(s) into OUT until SIZE bytes. 0, or -1 for a broken
 * chain. */
static int read_chain(const cfb *c, const uint32_t *table, size_t nt, uint32_t start,
                      size_t size, size_t unit, const unsigned char *mini, size_t nmini,
                      unsigned char *out)
{
	size_t got = 0, steps = 0;
	uint32_t s = start;
	while (got < size) {
		if (s >= nt || ++steps > nt)
			return -1;
		const unsigned char *p;
		if (mini) {
			if (((size_t)s + 1) * unit > nmini)
				return -1;
			p = mini + (size_t)s * unit;
		} else if (!(p = sector(c, s)))
			return -1;
		size_t k = size - got < unit ? size - got : unit;
		memcpy(out + got, p, k);
		got += k;
		s = table[s];
	}
	return 0;
}

/* The stream named Workbook (BIFF8) or Book (BIFF5) of the compound file
 * in DATA, into *OUT (malloc'd). 0, or -1 with ERR set. */
static int workbook_stream(const unsigned char *d, size_t n, unsigned char **out, size_t *outn,
                           gs_reason *err)
{
	cfb c = {d, n, 0, NULL, 0};
	int ret = -1;
	uint32_t *minifat = NULL;
	unsigned char *ministream = NULL, *dir = NULL;
	if (n < 512 || memcmp(d, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
		gs_reason_say(err, N_("not an OLE2 compound file"));
		return -1;
	}
	unsigned shift = u16(d + 0x1E);
	if (shift != 9 && shift != 12) {
		gs_reason_say(err, N_("the compound file's sector size is invalid"));
		return -1;
	}
	c.ss = (size_t)1 << shift;
	size_t nsect = n / c.ss;
	/* the allocation table, from the header's list and the DIFAT chain */
	uint32_t nfatsect = u32(d + 0x2C);
	if (nfatsect == 0 || nfatsect > nsect) {
		gs_reason_say(err, N_("the compound file's allocation table is corrupt"));
		return -1;
	}
	size_t per = c.ss / 4;
	c.nfat = (size_t)nfatsect * per;
	c.fat = gs_xmalloc(c.nfat * sizeof *c.fat);
	uint32_t difat = u32(d + 0x44);
	size_t listed = 0, hops = 0;
	const unsigned char *list = d + 0x4C;
	size_t inlist = 109;
	while (listed < nfatsect) {
		for (size_t i = 0; i < inlist && listed < nfatsect; i++, listed++) {
			const unsigned char *fs = sector(&c, u32(list + 4 * i));
			if (!fs)
				goto corrupt;
			for (size_t k = 0; k < per; k++)
				c.fat[listed * per + k] = u32(fs + 4 * k);
		}
		if (listed < nfatsect) {
			if (++hops > nsect || !(list = sector(&c, difat)))
				goto corrupt;
			inlist = per - 1;
			difat = u32(list + 4 * (per - 1));
		}
	}
	/* the directory: every entry until its chain ends */
	size_t ndir = 0, steps = 0;
	for (uint32_t s = u32(d + 0x30); s != ENDOFCHAIN; s = c.fat[s]) {
		if (s >= c.nfat || ++steps > nsect || !sector(&c, s))
			goto corrupt;   /* a chain longer than the file loops */
		ndir++;
	}
	dir = gs_xmalloc(ndir * c.ss + 1);
	if (read_chain(&c, c.fat, c.nfat, u32(d + 0x30), ndir * c.ss, c.ss, NULL, 0, dir) < 0)
		goto corrupt;
	size_t nent = ndir * c.ss / 128;
	const unsigned char *book = NULL;
	for (size_t i = 0; i < nent && !book; i++) {
		const unsigned char *e = dir + 128 * i;
		unsigned len = u16(e + 64);
		if (e[66] != 2 || len > 64)
			continue;
		char name[33] = {0};
		for (unsigned k = 0; k + 1 < len / 2 && k < 32; k++)
			name[k] = u16(e + 2 * k) < 128 ? (char)u16(e + 2 * k) : '?';
		if (!strcasecmp(name, "Workbook") || !strcasecmp(name, "Book"))
			book = e;
	}
	if (!book || nent == 0) {
		gs_reason_say(err, N_("the compound file holds no workbook stream"));
		goto out;
	}
	size_t size = u32(book + 120);
	uint32_t start = u32(book + 116);
	if (size > MAX_STREAM || size > n) {
		gs_reason_say(err, N_("the workbook stream is larger than the file"));
		goto out;
	}
	*out = gs_xmalloc(size + 1);
	*outn = size;
	if (size >= u32(d + 0x38)) {
		if (read_chain(&c, c.fat, c.nfat, start, size, c.ss, NULL, 0, *out) < 0)
			goto corrupt_out;
	} else {
		/* small streams live in the mini stream (the root entry's chain),
		 * in 64-byte pieces listed by the mini allocation table */
		size_t rootsize = u32(dir + 120), nmini = 0;
		for (uint32_t s = u32(d + 0x3C); s != ENDOFCHAIN; s = c.fat[s]) {
			if (s >= c.nfat || ++nmini > nsect || !sector(&c, s))
				goto corrupt_out;
		}
		if (rootsize > n)
			goto corrupt_out;
		minifat = gs_xmalloc(nmini * c.ss + 4);
		ministream = gs_xmalloc(rootsize + 1);
		if (read_chain(&c, c.fat, c.nfat, u32(d + 0x3C), nmini * c.ss, c.ss, NULL, 0,
		               (unsigned char *)minifat) < 0 ||
		    read_chain(&c, c.fat, c.nfat, u32(dir + 116), rootsize, c.ss, NULL, 0, ministream) < 0)
			goto corrupt_out;
		size_t nmf = nmini * c.ss / 4;
		for (size_t i = 0; i < nmf; i++)
			minifat[i] = u32((unsigned char *)&minifat[i]);
		if (read_chain(&c, minifat, nmf, start, size, 64, ministream, rootsize, *out) < 0)
			goto corrupt_out;
	}
	ret = 0;
	goto out;
corrupt_out:
	free(*out);
	*out = NULL;
corrupt:
	gs_reason_say(err, N_("the compound file's allocation table is corrupt"));
out:
	free(c.fat);
	free(dir);
	free(minifat);
	free(ministream);
	return ret;
}

/* Record types (MS-XLS 2.3). */
enum {
	R_FORMULA = 0x0006, R_EOF = 0x000A, R_DATEMODE = 0x0022,
	R_FILEPASS = 0x002F, R_CONTINUE = 0x003C, R_CODEPAGE = 0x0042, R_BOUNDSHEET = 0x0085,
	R_MULRK = 0x00BD, R_RSTRING = 0x00D6, R_XF = 0x00E0, R_MERGEDCELLS = 0x00E5,
	R_SST = 0x00FC, R_LABELSST = 0x00FD, R_NUMBER = 0x0203, R_LABEL = 0x0204,
	R_BOOLERR = 0x0205, R_STRING = 0x0207, R_RK = 0x027E, R_FORMAT = 0x041E,
	R_BOF = 0x0809
};

struct gs_biff {
	unsigned char *s;            /* the workbook stream */
	size_t sn;
	int ver;                     /* 8 (BIFF8) or 5 (BIFF5/7) */
	int date1904;
	unsigned codepage;           /* BIFF5's, for its text */
	iconv_t cd;                  /* from it to UTF-8, once needed */
	gs_buf text;                 /* every string, UTF-8 */
	uint32_t (*sst)[2];          /* shared strings: offset, length in text */
	size_t nsst;
	uint16_t *xffmt;             /* each XF's number format id */
	size_t nxf;
	unsigned char *xfkind;       /* each XF's gs_numkind */
	char **names;                /* worksheets */
	size_t *pos;                 /* their BOF offsets */
	size_t *nth;                 /* their place among all BOUNDSHEETs */
	size_t nsheets;
	size_t *subs;                /* every substream's BOF, in order */
	size_t nsubs;
	size_t *bounds;              /* the BOFs BOUNDSHEETs give: a sheet ends */
	size_t nbounds;              /* before the next substream starts */
	uint32_t consts[9][2];       /* FALSE, TRUE and the error texts */
	gs_biff_cell *cells;
	size_t ncells, capcells;
	int badtext;                 /* set by the text decoders */
};

static const char *const const_text[9] = {
	"FALSE", "TRUE", "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"
};

/* The error cell code's text, as an index into const_text. */
static int error_index(unsigned code)
{
	switch (code) {
	case 0x00: return 2;
	case 0x07: return 3;
	case 0x0F: return 4;
	case 0x17: return 5;
	case 0x1D: return 6;
	case 0x24: return 7;
	default: return 8;   /* 0x2A #N/A, and anything else Excel never writes */
	}
}

static void put_utf8(gs_buf *o, uint32_t c)
{
	char u[4];
	if (c < 0x80) {
		gs_buf_addc(o, (char)c);
		return;
	}
	if (c < 0x800) {
		u[0] = (char)(0xC0 | c >> 6);
		u[1] = (char)(0x80 | (c & 0x3F));
		gs_buf_add(o, u, 2);
	} else if (c < 0x10000) {
		u[0] = (char)(0xE0 | c >> 12);
		u[1] = (char)(0x80 | (c >> 6 & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		gs_buf_add(o, u, 3);
	} else {
		u[0] = (char)(0xF0 | c >> 18);
		u[1] = (char)(0x80 | (c >> 12 & 0x3F));
		u[2] = (char)(0x80 | (c >> 6 & 0x3F));
		u[3] = (char)(0x80 | (c & 0x3F));
		gs_buf_add(o, u, 4);
	}
}

/* One UTF-16 unit U into b->text; *HI holds a high surrogate waiting for
 * its pair (0 when none). A lone surrogate becomes U+FFFD. */
static void put_unit(gs_biff *b, unsigned u, unsigned *hi)
{
	if (*hi) {
		unsigned h = *hi;
		*hi = 0;
		if (u >= 0xDC00 && u <= 0xDFFF) {
			put_utf8(&b->text, 0x10000 + ((h - 0xD800) << 10) + (u - 0xDC00));
			return;
		}
		put_utf8(&b->text, 0xFFFD);
		b->badtext = 1;
	}
	if (u >= 0xD800 && u <= 0xDBFF)
		*hi = u;
	else if (u >= 0xDC00 && u <= 0xDFFF) {
		put_utf8(&b->text, 0xFFFD);
		b->badtext = 1;
	} else
		put_utf8(&b->text, u);
}

/* The iconv name of a Windows code page number. */
static const char *codepage_name(unsigned cp, char *buf, size_t n)
{
	switch (cp) {
	case 367: return "ASCII";
	case 936: return "GB18030";  /* GBK as Chinese Windows has it, and more */
	case 950: return "BIG5";
	case 1200: return "UTF-16LE";
	case 10000: case 32768: return "MACINTOSH";
	case 32769: return "CP1252";
	default:
		snprintf(buf, n, "CP%u", cp);
		return buf;
	}
}

/* Convert from b->codepage from now on. 0, or -1 when iconv cannot. */
static int open_codepage(gs_biff *b)
{
	char name[16];
	if (b->cd != (iconv_t)-1)
		return 0;
	b->cd = iconv_open("UTF-8", codepage_name(b->codepage, name, sizeof name));
	return b->cd == (iconv_t)-1 ? -1 : 0;
}

/* BIFF5 text: P[0..N) in the workbook's code page into b->text. */
static void put_codepage(gs_biff *b, const unsigned char *p, size_t n)
{
	if (open_codepage(b) < 0) {
		b->codepage = 1252;      /* checked when the CODEPAGE record was read */
		if (open_codepage(b) < 0)
			gs_die(GS_IO, NULL, 0, "iconv cannot convert from CP1252");
	}
	iconv(b->cd, NULL, NULL, NULL, NULL);
	char *in = (char *)p;
	size_t inl = n;
	while (inl) {
		gs_buf_reserve(&b->text, 4 * inl + 8);
		char *out = b->text.p + b->text.len;
		size_t outl = b->text.cap - b->text.len - 1;
		size_t rc = iconv(b->cd, &in, &inl, &out, &outl);
		b->text.len = (size_t)(out - b->text.p);
		if (rc == (size_t)-1 && errno != E2BIG) {
			put_utf8(&b->text, 0xFFFD);   /* a byte the code page lacks */
			b->badtext = 1;
			in++;
			inl--;
			iconv(b->cd, NULL, NULL, NULL, NULL);
		}
	}
}

/* A cursor over a record's body and the CONTINUE records after it. */
typedef struct cur {
	const unsigned char *s;
	size_t sn, p, end;           /* the piece being read: s[p..end) */
} cur;

static cur cur_at(const gs_biff *b, size_t p, size_t end)
{
	cur c = {b->s, b->sn, p, end};
	return c;
}

static int next_piece(cur *c)
{
	size_t q = c->end;
	if (q + 4 > c->sn || u16(c->s + q) != R_CONTINUE || q + 4 + u16(c->s + q + 2) > c->sn)
		return 0;
	c->p = q + 4;
	c->end = c->p + u16(c->s + q + 2);
	return 1;
}

/* K bytes into OUT (skipped when OUT is NULL), across pieces. */
static int cur_bytes(cur *c, unsigned char *out, size_t k)
{
	while (k) {
		if (c->p == c->end && !next_piece(c))
			return -1;
		size_t t = c->end - c->p < k ? c->end - c->p : k;
		if (out) {
			memcpy(out, c->s + c->p, t);
			out += t;
		}
		c->p += t;
		k -= t;
	}
	return 0;
}

/* A BIFF8 string (XLUnicodeString; CCH16 for a 16-bit count, else 8)
 * into b->text. Characters split by a CONTINUE start again with their
 * flags byte there. 0, or -1 when the record ends first. */
static int read_ustr(gs_biff *b, cur *c, int cch16)
{
	unsigned char h[4];
	if (cur_bytes(c, h, cch16 ? 2 : 1) < 0)
		return -1;
	unsigned cch = cch16 ? u16(h) : h[0];
	if (cur_bytes(c, h, 1) < 0)
		return -1;
	unsigned fl = h[0], runs = 0;
	uint32_t ext = 0;
	if (fl & 8) {
		if (cur_bytes(c, h, 2) < 0)
			return -1;
		runs = u16(h);
	}
	if (fl & 4) {
		if (cur_bytes(c, h, 4) < 0)
			return -1;
		ext = u32(h);
	}
	int high = fl & 1;
	unsigned hi = 0;
	for (unsigned i = 0; i < cch;) {
		if (c->p == c->end) {
			if (!next_piece(c))
				return -1;
			if (c->p < c->end)
				high = c->s[c->p++] & 1;
			continue;
		}
		if (high) {
			if (c->end - c->p < 2)
				return -1;
			put_unit(b, u16(c->s + c->p), &hi);
			c->p += 2;
		} else
			put_unit(b, c->s[c->p++], &hi);
		i++;
	}
	if (hi)
		put_unit(b, 0, &hi);
	return cur_bytes(c, NULL, 4 * (size_t)runs) < 0 || cur_bytes(c, NULL, ext) < 0 ? -1 : 0;
}

/* A string of the record at P[0..LEN), its count CCH16 (16 bits) or 8
 * bits wide, into b->text: BIFF8's Unicode or BIFF5's code page; with
 * EXACT it must end where the record does. The
 * string's offset in b->text into *OFF, its length *N. */
static int read_str(gs_biff *b, size_t p, size_t len, int cch16, int exact, uint32_t *off,
                    uint32_t *n)
{
	size_t start = b->text.len;
	if (b->ver == 8) {
		cur c = cur_at(b, p, p + len);
		if (read_ustr(b, &c, cch16) < 0 || (exact && c.p != c.end))
			return -1;   /* EXACT: the string is the record's last field */
	} else {
		size_t w = cch16 ? 2 : 1;
		if (len < w)
			return -1;
		size_t k = cch16 ? u16(b->s + p) : b->s[p];
		if (exact ? w + k != len : w + k > len)
			return -1;
		put_codepage(b, b->s + p + w, k);
	}
	if (b->text.len - start > UINT32_MAX || b->text.len > UINT32_MAX)
		return -1;
	*off = (uint32_t)start;
	*n = (uint32_t)(b->text.len - start);
	return 0;
}

static int read_sst(gs_biff *b, size_t p, size_t len)
{
	cur c = cur_at(b, p, p + len);
	unsigned char h[8];
	if (cur_bytes(&c, h, 8) < 0)
		return -1;
	uint32_t unique = u32(h + 4);
	size_t cap = 0;
	for (uint32_t k = 0; k < unique; k++) {
		size_t start = b->text.len;
		if (read_ustr(b, &c, 1) < 0 || b->text.len > UINT32_MAX)
			return -1;
		if (b->nsst == cap) {
			cap = cap ? 2 * cap : 64;
			b->sst = gs_xrealloc(b->sst, cap * sizeof *b->sst);
		}
		b->sst[b->nsst][0] = (uint32_t)start;
		b->sst[b->nsst++][1] = (uint32_t)(b->text.len - start);
	}
	return c.p == c.end ? 0 : -1;    /* as many strings as it says, no more */
}

/* What is wrong with the length LEN of the record of type TYPE whose body
 * is Q (an English message), or NULL. A record whose length was changed puts every later
 * record out of step: the cell and structure records have lengths the
 * format fixes, and no record type is above 0x10FF. */
static const char *bad_length(const gs_biff *b, unsigned type, const unsigned char *q, size_t len)
{
	if (type > 0x10FF)
		return N_("a record type Excel never writes (the records are out of step)");
	switch (type) {
	case R_NUMBER:
		return len == 14 ? NULL : N_("a NUMBER record is not 14 bytes long");
	case R_RK: case R_LABELSST:
		return len == 10 ? NULL : N_("an RK or LABELSST record is not 10 bytes long");
	case R_BOOLERR:
		return len == 8 ? NULL : N_("a BOOLERR record is not 8 bytes long");
	case 0x0201:
		return len == 6 ? NULL : N_("a BLANK record is not 6 bytes long");
	case 0x0208:
		return len == 16 ? NULL : N_("a ROW record is not 16 bytes long");
	case 0x0200:
		return len == (b->ver == 8 ? 14u : 10u) ? NULL : N_("a DIMENSIONS record has the wrong length");
	case R_EOF:
		return len == 0 ? NULL : N_("an EOF record is not empty");
	case R_MULRK:
		return len >= 12 && (len - 6) % 6 == 0 && u16(q + len - 2) == u16(q + 2) + (len - 6) / 6 - 1
		       ? NULL : N_("a MULRK record's length does not match its columns");
	case 0x00BE:
		return len >= 8 && (len - 6) % 2 == 0 && u16(q + len - 2) == u16(q + 2) + (len - 6) / 2 - 1
		       ? NULL : N_("a MULBLANK record's length does not match its columns");
	case R_FORMULA:
		return len >= 22 && 22 + (size_t)u16(q + 20) <= len ? NULL : N_("a FORMULA record is shorter than its formula");
	case R_MERGEDCELLS:
		return len >= 2 && len == 2 + 8 * (size_t)u16(q) ? NULL : N_("a MERGEDCELLS record's length does not match its ranges");
	case R_XF:
		return len == (b->ver == 8 ? 20u : 16u) ? NULL : N_("an XF record has the wrong length");
	case R_BOUNDSHEET:
		return len >= (b->ver == 8 ? 8u : 7u) ? NULL : N_("a BOUNDSHEET record is too short for a name");
	case 0x0031:  /* FONT: 14 bytes, then its name ends the record */
		if (len < 15)
			return N_("a FONT record is too short for a name");
		if (b->ver == 5)
			return len == 15 + (size_t)q[14] ? NULL : N_("a FONT record's length does not match its name");
		return len >= 16 && len == 16 + (size_t)q[14] * (q[15] & 1 ? 2 : 1)
		       ? NULL : N_("a FONT record's length does not match its name");
	case R_DATEMODE: case R_CODEPAGE:
		return len == 2 ? NULL : N_("a DATEMODE or CODEPAGE record is not 2 bytes long");
	default:
		return NULL;
	}
}

/* The version of the BOF record at P (LEN bytes, of type TYPE), as 2 to 8,
 * or 0 when it is none. *NAME names it. */
static int bof_version(unsigned type, const unsigned char *p, size_t len, const char **name)
{
	switch (type) {
	case 0x0009: *name = "Excel 2.x (BIFF2)"; return 2;
	case 0x0209: *name = "Excel 3.0 (BIFF3)"; return 3;
	case 0x0409: *name = "Excel 4.0 (BIFF4)"; return 4;
	case R_BOF:
		if (len >= 2 && u16(p) == 0x0600) {
			*name = "Excel 97-2003 (BIFF8)";
			return 8;
		}
		if (len >= 2 && u16(p) == 0x0500) {
			*name = "Excel 5.0/95 (BIFF5)";
			return 5;
		}
		*name = "an unknown BIFF version";
		return 1;
	default:
		return 0;
	}
}

/* Read the globals substream: strings, formats, sheets, date system. */
/* The reason for a record at byte OFF of the stream that is WHAT (an
 * English message, bad_length's). */
static void corrupt(gs_reason *err, const char *what, size_t off)
{
	gs_reason_say(err, what);
	gs_reason_prefix(err, "the workbook's records are corrupt: ");
	gs_reason_printf(err, " (offset %zu)", off);
}

static int read_globals(gs_biff *b, gs_reason *err)
{
	/* number format codes by id: offset + 1 in b->text, 0 for none */
	uint32_t *fmt = gs_xcalloc(65536, sizeof *fmt);
	size_t capxf = 0, capsh = 0, nbound = 0, pos = 0, *bounds = NULL, nb = 0, capb = 0;
	const char *nm;
	int ret = -1, done = 0;
	while (!done && pos + 4 <= b->sn) {
		unsigned type = u16(b->s + pos), len = u16(b->s + pos + 2);
		size_t p = pos + 4;
		if (p + len > b->sn) {
			gs_reason_printf(err, "a record at offset %zu runs past the end of the workbook stream", pos);
			goto out;
		}
		const unsigned char *q = b->s + p;
		uint32_t off, n;
		const char *bad = bad_length(b, type, q, len);
		if (bad) {
			corrupt(err, bad, pos);
			goto out;
		}
		switch (type) {
		case R_EOF:
			done = 1;
			break;
		case R_FILEPASS:
			gs_reason_say(err, N_("the workbook is protected by a password"));
			goto out;
		case R_CODEPAGE:
			if (len >= 2 && b->ver == 5 && b->cd == (iconv_t)-1) {
				b->codepage = u16(q);
				if (open_codepage(b) < 0) {
					gs_reason_printf(err, "the workbook's code page %u is not one this system converts", b->codepage);
					goto out;
				}
			}
			break;
		case R_DATEMODE:
			if (len >= 2)
				b->date1904 = u16(q) == 1;
			break;
		case R_SST:
			if (b->ver == 8 && b->nsst == 0 && read_sst(b, p, len) < 0) {
				gs_reason_say(err, N_("the shared string table is corrupt"));
				goto out;
			}
			break;
		case R_FORMAT:
			/* the code is read as a C string: its NUL is kept */
			if (len < 2 || read_str(b, p + 2, len - 2, b->ver == 8, 1, &off, &n) < 0) {
				gs_reason_printf(err, "the workbook's records are corrupt: a FORMAT record's length does not match its text (offset %zu)", pos);
				goto out;
			}
			gs_buf_add(&b->text, "", 1);
			fmt[u16(q)] = off + 1;
			break;
		case R_XF:
			if (len >= 4 && b->nxf < 65536) {
				if (b->nxf == capxf) {
					capxf = capxf ? 2 * capxf : 32;
					b->xffmt = gs_xrealloc(b->xffmt, capxf * sizeof *b->xffmt);
				}
				b->xffmt[b->nxf++] = u16(q + 2);
			}
			break;
		case R_BOUNDSHEET:
			if (len >= 6 && nbound < 65536) {
				nbound++;
				if ((size_t)u32(q) + 4 <= b->sn && bof_version(u16(b->s + u32(q)), q, 0, &nm)) {
					if (nb == capb) {
						capb = capb ? 2 * capb : 8;
						bounds = gs_xrealloc(bounds, capb * sizeof *bounds);
					}
					bounds[nb++] = u32(q);
				}
				if (q[5] != 0)
					break;       /* a chart, macro or VB module sheet */
				if (read_str(b, p + 6, len - 6, 0, 1, &off, &n) < 0) {
					gs_reason_printf(err, "sheet %zu's name is corrupt", nbound);
					goto out;
				}
				if (b->nsheets == capsh) {
					capsh = capsh ? 2 * capsh : 8;
					b->names = gs_xrealloc(b->names, capsh * sizeof *b->names);
					b->pos = gs_xrealloc(b->pos, capsh * sizeof *b->pos);
					b->nth = gs_xrealloc(b->nth, capsh * sizeof *b->nth);
				}
				b->names[b->nsheets] = gs_xstrndup(b->text.p + off, n);
				b->pos[b->nsheets] = u32(q);
				b->nth[b->nsheets++] = nbound - 1;
			}
			break;
		}
		pos = p + len;
	}
	if (!done) {
		gs_reason_say(err, N_("the workbook's records are corrupt: the globals have no EOF record"));
		goto out;
	}
	/* each XF's kind, from its format's code or the built-in id */
	b->xfkind = gs_xmalloc(b->nxf + 1);
	for (size_t i = 0; i < b->nxf; i++) {
		unsigned id = b->xffmt[i];
		b->xfkind[i] = (unsigned char)gs_numfmt_kind((int)id, fmt[id] ? b->text.p + fmt[id] - 1 : NULL);
	}
	/* the substreams after the globals, for sheets whose offset is wrong */
	int depth = 0;
	size_t cap = 0;
	while (pos + 4 <= b->sn) {
		unsigned type = u16(b->s + pos), len = u16(b->s + pos + 2);
		if (pos + 4 + len > b->sn)
			break;
		if (bof_version(type, b->s + pos + 4, len, &nm) && depth++ == 0) {
			if (b->nsubs == cap) {
				cap = cap ? 2 * cap : 8;
				b->subs = gs_xrealloc(b->subs, cap * sizeof *b->subs);
			}
			b->subs[b->nsubs++] = pos;
		} else if (type == R_EOF && depth > 0)
			depth--;
		pos += 4 + len;
	}
	ret = 0;
out:
	b->bounds = bounds;
	b->nbounds = nb;
	free(fmt);
	return ret;
}

gs_biff *gs_biff_open(const unsigned char *data, size_t n, gs_reason *err)
{
	gs_biff *b = gs_xcalloc(1, sizeof *b);
	b->cd = (iconv_t)-1;
	b->codepage = 1252;
	int ole = n >= 8 && !memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
	if (ole) {
		if (workbook_stream(data, n, &b->s, &b->sn, err) < 0)
			goto fail;
	} else {
		/* a bare BIFF stream, as Excel 2.x to 4.0 wrote them */
		b->s = gs_xmalloc(n + 1);
		memcpy(b->s, data, n);
		b->sn = n;
	}
	const char *name = "";
	int v = b->sn >= 4 ? bof_version(u16(b->s), b->s + 4, b->sn - 4 < u16(b->s + 2) ? b->sn - 4 : u16(b->s + 2), &name) : 0;
	if (v == 0) {
		gs_reason_say(err, ole ? N_("the workbook stream does not start with a BOF record")
		                       : N_("neither an OLE2 compound file nor a BIFF record stream"));
		goto fail;
	}
	if (v == 1) {
		gs_reason_printf(err, "the workbook stream's BOF record names BIFF version 0x%04X, which is not read", b->sn >= 6 ? u16(b->s + 4) : 0);
		goto fail;
	}
	if (v < 5) {
		gs_reason_printf(err, "%s, older than the Excel 5.0 to 2003 files read here: open it in Excel, WPS or LibreOffice and save it as .xlsx", name);
		goto fail;
	}
	b->ver = v;
	for (int i = 0; i < 9; i++) {
		b->consts[i][0] = (uint32_t)b->text.len;
		b->consts[i][1] = (uint32_t)strlen(const_text[i]);
		gs_buf_adds(&b->text, const_text[i]);
	}
	if (read_globals(b, err) < 0)
		goto fail;
	return b;
fail:
	gs_biff_close(b);
	return NULL;
}

size_t gs_biff_sheets(const gs_biff *b, const char *const **names)
{
	*names = (const char *const *)b->names;
	return b->nsheets;
}

int gs_biff_date1904(const gs_biff *b)
{
	return b->date1904;
}

const char *gs_biff_text(const gs_biff *b, const gs_biff_cell *c, size_t *len)
{
	*len = c->v.s.len;
	return b->text.p + c->v.s.off;
}

static gs_biff_cell *add_cell(gs_biff *b, unsigned row, unsigned col, int type)
{
	if (b->ncells == b->capcells) {
		b->capcells = b->capcells ? 2 * b->capcells : 256;
		b->cells = gs_xrealloc(b->cells, b->capcells * sizeof *b->cells);
	}
	gs_biff_cell *c = &b->cells[b->ncells];
	c->row = row;
	c->col = (uint16_t)col;
	c->type = (uint8_t)type;
	c->kind = 0;
	c->seq = (uint32_t)b->ncells++;
	return c;
}

/* A number cell in format XF. -1, with ERR set, when the workbook has no
 * such XF: the cell's number format, and with it whether the number is a
 * date, a time or a percentage, is lost, and a plain number in its place
 * would pass for the value. */
static int add_number(gs_biff *b, unsigned row, unsigned col, unsigned xf, double v, gs_reason *err)
{
	if (xf >= b->nxf) {
		char ref[24];
		gs_cell_name(ref, sizeof ref, col + 1, row + 1UL);
		gs_reason_printf(err, "cell %s refers to cell format (XF) %u, but the workbook has %zu",
		         ref, xf, b->nxf);
		return -1;
	}
	gs_biff_cell *c = add_cell(b, row, col, GS_BIFF_NUM);
	c->kind = b->xfkind[xf];
	c->v.num = v;
	return 0;
}

static void add_const(gs_biff *b, unsigned row, unsigned col, int k)
{
	gs_biff_cell *c = add_cell(b, row, col, GS_BIFF_TEXT);
	c->v.s.off = b->consts[k][0];
	c->v.s.len = b->consts[k][1];
}

static double rk_value(uint32_t rk)
{
	double d;
	if (rk & 2)
		d = (double)((int32_t)rk >> 2);
	else {
		uint64_t bits = (uint64_t)(rk & 0xFFFFFFFCu) << 32;
		memcpy(&d, &bits, sizeof d);
	}
	return rk & 1 ? d / 100 : d;
}

static double le_double(const unsigned char *p)
{
	uint64_t bits = (uint64_t)u32(p) | (uint64_t)u32(p + 4) << 32;
	double d;
	memcpy(&d, &bits, sizeof d);
	return d;
}

static int by_position(const void *a, const void *b)
{
	const gs_biff_cell *p = a, *q = b;
	if (p->row != q->row)
		return p->row < q->row ? -1 : 1;
	if (p->col != q->col)
		return p->col < q->col ? -1 : 1;
	return p->seq < q->seq ? -1 : p->seq > q->seq;
}

/* A text cell from the record at P[0..LEN) (LABEL, RSTRING). */
static int add_label(gs_biff *b, unsigned row, unsigned col, size_t p, size_t len, int exact)
{
	uint32_t off, n;
	b->badtext = 0;
	if (read_str(b, p, len, 1, exact, &off, &n) < 0)
		return -1;
	gs_biff_cell *c = add_cell(b, row, col, b->badtext ? GS_BIFF_BADTEXT : GS_BIFF_TEXT);
	c->v.s.off = off;
	c->v.s.len = n;
	return 0;
}

/* Where sheet I's records start in the workbook stream, and in *LIMIT
 * where the next substream starts (no record of the sheet may run past
 * it), or (size_t)-1 with a reason in ERR. */
static size_t sheet_start(gs_biff *b, size_t i, size_t *limit, gs_reason *err)
{
	size_t pos = b->pos[i];
	const char *nm;
	if (pos + 4 > b->sn || bof_version(u16(b->s + pos), b->s + pos + 4, 0, &nm) == 0) {
		/* the offset is wrong: take the substream in the sheet's place */
		if (b->nth[i] >= b->nsubs) {
			gs_reason_say(err, N_("the workbook stream does not hold the sheet"));
			return (size_t)-1;
		}
		pos = b->subs[b->nth[i]];
	}
	*limit = b->sn;
	for (size_t k = 0; k < b->nsubs; k++)
		if (b->subs[k] > pos && b->subs[k] < *limit)
			*limit = b->subs[k];
	for (size_t k = 0; k < b->nbounds; k++)
		if (b->bounds[k] > pos && b->bounds[k] < *limit)
			*limit = b->bounds[k];
	return pos;
}

/* One record of the sheet itself (not of a chart inside it): TYPE, its
 * body at P[0..LEN). A cell record adds its cells; *PENDING is the formula
 * cell whose STRING record may follow. Returns 0, or -1 with ERR. */
static int sheet_record(gs_biff *b, unsigned type, size_t p, unsigned len, size_t *pending,
                        gs_merges *merges, gs_reason *err)
{
	const unsigned char *q = b->s + p;
	size_t at = p - 4;           /* the record's offset, for messages */
	if (type != R_STRING && type != R_CONTINUE && type != 0x04BC && type != 0x0221 &&
	    type != 0x0236)
		*pending = SIZE_MAX;   /* only SHRFMLA, ARRAY, TABLE come between */
	unsigned row = len >= 4 ? u16(q) : 0, col = len >= 4 ? u16(q + 2) : 0;
	switch (type) {
	case R_NUMBER:
		if (len >= 14 && add_number(b, row, col, u16(q + 4), le_double(q + 6), err) < 0)
			return -1;
		break;
	case R_RK:
		if (len >= 10 && add_number(b, row, col, u16(q + 4), rk_value(u32(q + 6)), err) < 0)
			return -1;
		break;
	case R_MULRK:
		/* row, first column, (format, RK) six bytes a cell, last column */
		for (size_t k = 4; k + 6 + 2 <= len && col < 65536; k += 6, col++)
			if (add_number(b, row, col, u16(q + k), rk_value(u32(q + k + 2)), err) < 0)
				return -1;
		break;
	case R_LABEL: case R_RSTRING:
		if (len < 6 || add_label(b, row, col, p + 6, len - 6, type == R_LABEL) < 0) {
			gs_reason_printf(err, "the workbook's records are corrupt: a LABEL record's length does not match its text (offset %zu)", at);
			return -1;
		}
		break;
	case R_LABELSST:
		if (len >= 10) {
			uint32_t k = u32(q + 6);
			if (k >= b->nsst) {
				char ref[24];
				gs_cell_name(ref, sizeof ref, col + 1, row + 1UL);
				gs_reason_printf(err, "cell %s refers to shared string %lu, but the workbook has %zu",
				         ref, (unsigned long)k, b->nsst);
				return -1;
			}
			gs_biff_cell *c = add_cell(b, row, col, GS_BIFF_TEXT);
			c->v.s.off = b->sst[k][0];
			c->v.s.len = b->sst[k][1];
		}
		break;
	case R_BOOLERR:
		if (len >= 8)
			add_const(b, row, col, q[7] ? error_index(q[6]) : q[6] != 0);
		break;
	case R_FORMULA:
		/* the value the formula was saved with: a number, or a
		 * type in byte 0 of the result when its bytes 6-7 are FFFF */
		if (len < 14)
			break;
		if (u16(q + 12) != 0xFFFF) {
			if (add_number(b, row, col, u16(q + 4), le_double(q + 6), err) < 0)
				return -1;
		} else if (q[6] == 0) {
			gs_biff_cell *c = add_cell(b, row, col, GS_BIFF_TEXT);
			c->v.s.off = c->v.s.len = 0;
			*pending = b->ncells - 1;
		} else if (q[6] == 1)
			add_const(b, row, col, q[8] != 0);
		else if (q[6] == 2)
			add_const(b, row, col, error_index(q[8]));
		break;
	case R_STRING:
		if (*pending != SIZE_MAX) {
			uint32_t off, n;
			b->badtext = 0;
			if (read_str(b, p, len, 1, 1, &off, &n) < 0) {
				gs_reason_printf(err, "the workbook's records are corrupt: a STRING record's length does not match its text (offset %zu)", at);
				return -1;
			}
			gs_biff_cell *c = &b->cells[*pending];
			c->type = b->badtext ? GS_BIFF_BADTEXT : GS_BIFF_TEXT;
			c->v.s.off = off;
			c->v.s.len = n;
			*pending = SIZE_MAX;
		}
		break;
	case R_MERGEDCELLS:
		if (merges && len >= 2) {
			unsigned k = u16(q);
			for (unsigned j = 0; j < k && 2 + 8 * (size_t)(j + 1) <= len; j++) {
				const unsigned char *m = q + 2 + 8 * j;
				gs_merges_add(merges, u16(m) + 1UL, u16(m + 2) + 1UL, u16(m + 4) + 1u, u16(m + 6) + 1u);
			}
		}
		break;
	}
	return 0;
}

/* The cells in reading order, one a position: a later record replaces an
 * earlier one, as Excel shows it. */
static void order_cells(gs_biff *b)
{
	if (b->ncells > 1)
		qsort(b->cells, b->ncells, sizeof *b->cells, by_position);
	size_t k = 0;
	for (size_t j = 0; j < b->ncells; j++) {
		if (k && b->cells[k - 1].row == b->cells[j].row && b->cells[k - 1].col == b->cells[j].col)
			k--;
		b->cells[k++] = b->cells[j];
	}
	b->ncells = k;
}

int gs_biff_sheet(gs_biff *b, size_t i, gs_merges *merges, const gs_biff_cell **cells,
                  size_t *ncells, gs_reason *err)
{
	b->ncells = 0;
	size_t limit;
	size_t pos = sheet_start(b, i, &limit, err);
	if (pos == (size_t)-1)
		return -1;
	const char *nm;
	int depth = 0;
	size_t pending = SIZE_MAX;   /* a formula cell whose STRING follows */
	while (pos + 4 <= b->sn) {
		unsigned type = u16(b->s + pos), len = u16(b->s + pos + 2);
		size_t p = pos + 4;
		const unsigned char *q = b->s + p;
		if (p + len > b->sn) {
			gs_reason_printf(err, "a record at offset %zu runs past the end of the workbook stream", pos);
			return -1;
		}
		if (p + len > limit) {
			gs_reason_printf(err, "the workbook's records are corrupt: the sheet's records run into the next sheet (offset %zu)", pos);
			return -1;
		}
		pos = p + len;
		if (bof_version(type, q, len, &nm)) {
			depth++;
			continue;
		}
		const char *bad = depth == 1 ? bad_length(b, type, q, len) : NULL;
		if (bad) {
			corrupt(err, bad, p - 4);
			return -1;
		}
		if (type == R_EOF) {
			if (--depth <= 0)
				break;
			continue;
		}
		if (type == 0 && depth == 1) {
			gs_reason_printf(err, "the workbook's records are corrupt: a record of type 0 (offset %zu)", p - 4);
			return -1;
		}
		if (depth == 1 && sheet_record(b, type, p, len, &pending, merges, err) < 0)
			return -1;
	}
	if (depth > 0) {
		gs_reason_say(err, N_("the workbook's records are corrupt: the sheet has no EOF record (its records are out of step)"));
		return -1;
	}
	order_cells(b);
	*cells = b->cells;
	*ncells = b->ncells;
	return 0;
}

void gs_biff_close(gs_biff *b)
{
	if (!b)
		return;
	if (b->cd != (iconv_t)-1)
		iconv_close(b->cd);
	for (size_t i = 0; i < b->nsheets; i++)
		free(b->names[i]);
	free(b->names);
	free(b->pos);
	free(b->nth);
	free(b->subs);
	free(b->bounds);
	free(b->s);
	free(b->sst);
	free(b->xffmt);
	free(b->xfkind);
	free(b->cells);
	gs_buf_free(&b->text);
	free(b);
}
