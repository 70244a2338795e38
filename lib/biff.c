/* biff: what FreeXL does not report of a .xls sheet, read from the
 * workbook stream itself (see biff.h). */
#include "biff.h"
#include "diag.h"
#include "workbook.h"

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
                           char *err, size_t errn)
{
	cfb c = {d, n, 0, NULL, 0};
	int ret = -1;
	uint32_t *minifat = NULL;
	unsigned char *ministream = NULL, *dir = NULL;
	if (n < 512 || memcmp(d, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
		snprintf(err, errn, "not an OLE2 compound file");
		return -1;
	}
	unsigned shift = u16(d + 0x1E);
	if (shift != 9 && shift != 12) {
		snprintf(err, errn, "the compound file's sector size is invalid");
		return -1;
	}
	c.ss = (size_t)1 << shift;
	size_t nsect = n / c.ss;
	/* the allocation table, from the header's list and the DIFAT chain */
	uint32_t nfatsect = u32(d + 0x2C);
	if (nfatsect == 0 || nfatsect > nsect) {
		snprintf(err, errn, "the compound file's allocation table is corrupt");
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
		snprintf(err, errn, "the compound file holds no workbook stream");
		goto out;
	}
	size_t size = u32(book + 120);
	uint32_t start = u32(book + 116);
	if (size > MAX_STREAM || size > n) {
		snprintf(err, errn, "the workbook stream is larger than the file");
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
	snprintf(err, errn, "the compound file's allocation table is corrupt");
out:
	free(c.fat);
	free(dir);
	free(minifat);
	free(ministream);
	return ret;
}

static const char *error_text(unsigned code)
{
	switch (code) {
	case 0x00: return "#NULL!";
	case 0x07: return "#DIV/0!";
	case 0x0F: return "#VALUE!";
	case 0x17: return "#REF!";
	case 0x1D: return "#NAME?";
	case 0x24: return "#NUM!";
	case 0x2A: return "#N/A";
	default: return "#ERROR";
	}
}

static gs_biff_cell *add_cell(gs_biff_cell **cells, size_t *n, size_t *cap, unsigned row,
                              unsigned col, int kind)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		*cells = gs_xrealloc(*cells, *cap * sizeof **cells);
	}
	gs_biff_cell *c = &(*cells)[(*n)++];
	c->row = row;
	c->col = col;
	c->kind = kind;
	c->text[0] = 0;
	return c;
}

int gs_biff_scan(const unsigned char *data, size_t n, int sheet, int nsheets, gs_merges *merges,
                 gs_biff_cell **cells, size_t *ncells, char *err, size_t errn)
{
	unsigned char *s;
	size_t sn;
	*cells = NULL;
	*ncells = 0;
	if (workbook_stream(data, n, &s, &sn, err, errn) < 0)
		return -1;
	/* the globals list each sheet's BOF offset, and the cell formats */
	unsigned char *xfkind = NULL;
	size_t nxf = 0;
	size_t want = 0;
	int seen = 0, found = 0;
	size_t pos = 0;
	while (pos + 4 <= sn) {
		unsigned type = u16(s + pos), len = u16(s + pos + 2);
		if (pos + 4 + len > sn)
			break;
		if (type == 0x0085 && len >= 4 && seen++ == sheet) {
			want = u32(s + pos + 4);
			found = 1;
		}
		if (type == 0x00E0 && len >= 4 && nxf < 65536) {
			/* only the Chinese built-ins: FreeXL tells the others */
			unsigned id = u16(s + pos + 6);
			int k = (id >= 27 && id <= 36) || (id >= 50 && id <= 58) ? gs_numfmt_kind((int)id, NULL) : 0;
			xfkind = gs_xrealloc(xfkind, nxf + 1);
			xfkind[nxf++] = (unsigned char)k;
		}
		if (type == 0x000A)  /* the globals' EOF */
			break;
		pos += 4 + len;
	}
	if (!found || want + 4 > sn || seen != nsheets) {
		free(s);
		free(xfkind);
		snprintf(err, errn, "the workbook stream does not list the sheet");
		return -1;
	}
	size_t cap = 0;
	for (pos = want; pos + 4 <= sn;) {
		unsigned type = u16(s + pos), len = u16(s + pos + 2);
		const unsigned char *p = s + pos + 4;
		if (pos + 4 + len > sn)
			break;
		if (type == 0x000A && pos != want)
			break;       /* the sheet's EOF */
		if (type == 0x00E5 && len >= 2 && merges) {
			unsigned k = u16(p);
			for (unsigned i = 0; i < k && 2 + 8 * (size_t)(i + 1) <= len; i++) {
				const unsigned char *m = p + 2 + 8 * i;
				gs_merges_add(merges, u16(m) + 1UL, u16(m + 2) + 1UL, u16(m + 4) + 1u, u16(m + 6) + 1u);
			}
		} else if (type == 0x0205 && len >= 8) {
			gs_biff_cell *c = add_cell(cells, ncells, &cap, u16(p), u16(p + 2), 0);
			snprintf(c->text, sizeof c->text, "%s",
			         p[7] ? error_text(p[6]) : p[6] ? "TRUE" : "FALSE");
		} else if ((type == 0x0203 || type == 0x027E || type == 0x0006) && len >= 6) {
			/* NUMBER, RK, FORMULA: one cell and its format */
			unsigned xf = u16(p + 4);
			if (xf < nxf && xfkind[xf])
				add_cell(cells, ncells, &cap, u16(p), u16(p + 2), xfkind[xf]);
		} else if (type == 0x00BD && len >= 6) {
			/* MULRK: a run of cells, six bytes each (format, number) */
			unsigned col = u16(p + 2);
			for (size_t k = 4; k + 6 + 2 <= len; k += 6, col++) {
				unsigned xf = u16(p + k);
				if (xf < nxf && xfkind[xf])
					add_cell(cells, ncells, &cap, u16(p), col, xfkind[xf]);
			}
		}
		pos += 4 + len;
	}
	free(s);
	free(xfkind);
	return 0;
}
