/* records_xlsx: Office Open XML workbooks (.xlsx, .xlsm) as records.
 *
 * The zip container is read with libzip, its XML with expat. The small
 * parts (workbook, relationships, styles, shared strings) are parsed
 * whole; the sheet is parsed as a stream: expat is suspended at the end
 * of each row, so memory holds one row (and the shared strings), never
 * the sheet. A record's line is its row number in the sheet.
 *
 * Workbooks come from strangers, so the reader refuses what a workbook
 * never needs: a DTD (no entity can be declared, so none can expand), a
 * part that inflates to more than its directory entry says or to more
 * than BOMB_RATIO times its compressed size (past BOMB_FLOOR), cell
 * references past Excel's limits, rows or cells out of order. */
#define _GNU_SOURCE     /* memmem */
#include "diag.h"
#include "i18n.h"
#include "merges.h"
#include "records_impl.h"
#include "workbook.h"

#include <stdarg.h>
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define MAX_COLS 16384           /* XFD */
#define MAX_ROWS 1048576
#define MAX_CELL (1 << 20)       /* bytes of one cell (Excel: 32767 characters) */
#define MAX_HELD (1UL << 30)     /* bytes of a part held in memory */
#define BOMB_RATIO 200
#define BOMB_FLOOR (64UL << 20)
#define CHUNK (64 * 1024)
#define MAX_DEPTH 256            /* a workbook's XML nests about 6 deep */

typedef struct cell {
	unsigned col;                /* from 1 */
	size_t off, len;             /* in r->data */
} cell;


/* A part being read: the zip entry and the checks on its size. */
typedef struct part {
	zip_file_t *f;
	const char *name;
	zip_uint64_t size, got;
} part;

typedef struct xlsx {
	gs_records *rec;             /* the records the sheet handlers fill */
	zip_source_t *src;
	zip_t *z;
	int date1904;
	char *wbdir;                 /* folder of the workbook part, with '/' */
	char **names, **ids, **targets;
	int *worksheet;
	size_t nsheets;
	char *sst_part, *styles_part;

	gs_buf sst;                  /* shared strings, back to back */
	size_t *sst_off;             /* string I is sst[sst_off[I]..sst_off[I+1]) */
	size_t nsst;
	int have_sst;

	unsigned char *xfkind;       /* cell style -> enum gs_numkind */
	size_t nxf;
	int *fmt_id, *fmt_kind;      /* custom number formats */
	size_t nfmt;

	/* what the handlers are parsing */
	XML_Parser p;
	XML_StartElementHandler on_start;
	XML_EndElementHandler on_end;
	int depth;
	int what;                    /* enum below */
	int depth_rph, in_si, in_cellxfs, in_numfmts, in_is, in_data;
	int collect;                 /* character data goes to text */
	gs_buf text;
	gs_reason cause;             /* why a handler stopped the parser */

	/* the sheet */
	part sheet;
	int final_fed, suspended, finished, started_data;
	unsigned long row, prev_row;
	unsigned col, prev_col;
	int ctype, cstyle;
	int has_f, has_v;            /* the cell has a formula, a value */
	cell *cells;
	size_t ncells, capcells;
	long emitted;
	int row_bad;
	gs_reason row_why;
	gs_merges *merges;           /* with --fill-merged */
} xlsx;

enum { P_PKGRELS, P_RELS, P_WORKBOOK, P_STYLES, P_SST, P_MERGES, P_SHEET };
enum { T_NUM, T_SST, T_STR, T_INLINE, T_BOOL, T_ERR, T_DATE };

static const char *local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (!strcmp(local(atts[i]), name))
			return atts[i + 1];
	return NULL;
}

/* End the parse: the file cannot be read further (a bad cell only makes
 * its row bad: bad_cell). FMT is English, as for gs_reason_printf; the
 * first cause is kept. */
static void xml_stop(xlsx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void xml_stop(xlsx *x, const char *fmt, ...)
{
	if (gs_reason_empty(&x->cause)) {
		va_list ap;
		va_start(ap, fmt);
		gs_reason_vprintf(&x->cause, fmt, ap);
		va_end(ap);
	}
	XML_StopParser(x->p, XML_FALSE);
}

/* "_xHHHH_" stands for the character U+HHHH in OOXML strings (how a
 * control character or a CR is kept); "_x005F_" is a literal "_". */
static void unescape(gs_buf *b, size_t from)
{
	if (b->len - from < 7 || !memmem(b->p + from, b->len - from, "_x", 2))
		return;
	size_t w = from;
	for (size_t i = from; i < b->len;) {
		unsigned v;
		if (i + 7 <= b->len && b->p[i] == '_' && b->p[i + 1] == 'x' && b->p[i + 6] == '_' &&
		    strspn(b->p + i + 2, "0123456789abcdefABCDEF") >= 4 &&
		    sscanf(b->p + i + 2, "%4x", &v) == 1) {
			char u[4];
			size_t n;
			if (v < 0x80) {
				u[0] = (char)v;
				n = 1;
			} else if (v < 0x800) {
				u[0] = (char)(0xC0 | v >> 6);
				u[1] = (char)(0x80 | (v & 0x3F));
				n = 2;
			} else {
				u[0] = (char)(0xE0 | v >> 12);
				u[1] = (char)(0x80 | (v >> 6 & 0x3F));
				u[2] = (char)(0x80 | (v & 0x3F));
				n = 3;
			}
			if (v == 0 || (v >= 0xD800 && v < 0xE000))
				n = 0;          /* no NUL or lone surrogate in text */
			memcpy(b->p + w, u, n);
			w += n;
			i += 7;
		} else
			b->p[w++] = b->p[i++];
	}
	b->len = w;
	b->p[w] = 0;
}

/* "BC12" -> column 55, row 12. 0, or -1 for a reference past Excel's
 * limits or malformed. ROW is 0 when the reference has no digits. */
static int cellref(const char *s, unsigned *col, unsigned long *row)
{
	unsigned c = 0;
	unsigned long r = 0;
	const char *p = s;
	for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++) {
		c = c * 26 + (unsigned)((*p | 0x20) - 'a' + 1);
		if (c > MAX_COLS)
			return -1;
	}
	for (; *p >= '0' && *p <= '9'; p++) {
		r = r * 10 + (unsigned long)(*p - '0');
		if (r > MAX_ROWS)
			return -1;
	}
	if (*p || c == 0)
		return -1;
	*col = c;
	*row = r;
	return 0;
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sys,
                               const XML_Char *pub, int internal)
{
	(void)name, (void)sys, (void)pub, (void)internal;
	xml_stop(ud, "the XML declares a DTD, which a workbook never needs (refused: its entities could expand without bound)");
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int n)
{
	xlsx *x = ud;
	if (!x->collect)
		return;
	if (x->what == P_SST ? x->sst.len + x->text.len + (size_t)n > MAX_HELD
	                     : x->text.len + (size_t)n > MAX_CELL) {
		if (x->what == P_SST)
			xml_stop(x, "the shared strings take more than 1 GiB");
		else
			xml_stop(x, "a cell holds more than 1 MiB of text");
		return;
	}
	gs_buf_add(&x->text, s, (size_t)n);
}

/* ---- relationships, workbook, styles, shared strings ---- */

static char *resolve(const char *dir, const char *target)
{
	gs_buf b = {0};
	if (target[0] == '/')
		gs_buf_adds(&b, target + 1);
	else {
		gs_buf_adds(&b, dir);
		if (!strncmp(target, "./", 2))
			target += 2;
		gs_buf_adds(&b, target);
	}
	return b.p;
}

static void XMLCALL rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	xlsx *x = ud;
	if (strcmp(local(name), "Relationship"))
		return;
	const char *id = attr(atts, "Id"), *type = attr(atts, "Type"), *target = attr(atts, "Target");
	if (!id || !type || !target)
		return;
	size_t tl = strlen(type);
#define ENDS(s) (tl >= sizeof(s) - 1 && !strcmp(type + tl - (sizeof(s) - 1), s))
	if (x->what == P_PKGRELS) {
		/* the package's relationships: where the workbook is */
		if (ENDS("/officeDocument") && !x->wbdir)
			x->wbdir = resolve("", target);
		return;
	}
	if (ENDS("/sharedStrings") && !x->sst_part)
		x->sst_part = resolve(x->wbdir, target);
	else if (ENDS("/styles") && !x->styles_part)
		x->styles_part = resolve(x->wbdir, target);
	else if (ENDS("/worksheet") || ENDS("/chartsheet") || ENDS("/dialogsheet") ||
	         ENDS("/macrosheet")) {
		for (size_t i = 0; i < x->nsheets; i++)
			if (x->ids[i] && !strcmp(x->ids[i], id) && !x->targets[i]) {
				x->targets[i] = resolve(x->wbdir, target);
				x->worksheet[i] = ENDS("/worksheet");
			}
	}
#undef ENDS
}

static void XMLCALL workbook_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	xlsx *x = ud;
	const char *n = local(name);
	if (!strcmp(n, "workbookPr")) {
		const char *d = attr(atts, "date1904");
		x->date1904 = d && (!strcmp(d, "1") || !strcmp(d, "true"));
	} else if (!strcmp(n, "sheet")) {
		const char *sn = attr(atts, "name"), *id = attr(atts, "id");
		if (!sn)
			return;
		if (x->nsheets >= 65536) {
			xml_stop(x, "more than 65536 sheets");
			return;
		}
		size_t k = x->nsheets++;
		x->names = gs_xrealloc(x->names, x->nsheets * sizeof *x->names);
		x->ids = gs_xrealloc(x->ids, x->nsheets * sizeof *x->ids);
		x->targets = gs_xrealloc(x->targets, x->nsheets * sizeof *x->targets);
		x->worksheet = gs_xrealloc(x->worksheet, x->nsheets * sizeof *x->worksheet);
		x->names[k] = gs_xstrndup(sn, strlen(sn));
		x->ids[k] = id ? gs_xstrndup(id, strlen(id)) : NULL;
		x->targets[k] = NULL;
		x->worksheet[k] = 0;
	}
}

static void XMLCALL styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	xlsx *x = ud;
	const char *n = local(name);
	if (!strcmp(n, "numFmts"))
		x->in_numfmts = 1;
	else if (!strcmp(n, "cellXfs"))
		x->in_cellxfs = 1;
	else if (!strcmp(n, "numFmt") && x->in_numfmts) {
		const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
		if (!id || !code || x->nfmt >= 65536)
			return;
		x->fmt_id = gs_xrealloc(x->fmt_id, (x->nfmt + 1) * sizeof *x->fmt_id);
		x->fmt_kind = gs_xrealloc(x->fmt_kind, (x->nfmt + 1) * sizeof *x->fmt_kind);
		x->fmt_id[x->nfmt] = atoi(id);
		x->fmt_kind[x->nfmt++] = gs_numfmt_kind(atoi(id), code);
	} else if (!strcmp(n, "xf") && x->in_cellxfs) {
		if (x->nxf >= 65536)
			return;
		const char *id = attr(atts, "numFmtId");
		int fid = id ? atoi(id) : 0, kind = -1;
		for (size_t i = 0; i < x->nfmt && kind < 0; i++)
			if (x->fmt_id[i] == fid)
				kind = x->fmt_kind[i];
		if (kind < 0)
			kind = gs_numfmt_kind(fid, NULL);
		x->xfkind = gs_xrealloc(x->xfkind, x->nxf + 1);
		x->xfkind[x->nxf++] = (unsigned char)kind;
	}
}

static void XMLCALL styles_end(void *ud, const XML_Char *name)
{
	xlsx *x = ud;
	const char *n = local(name);
	if (!strcmp(n, "numFmts"))
		x->in_numfmts = 0;
	else if (!strcmp(n, "cellXfs"))
		x->in_cellxfs = 0;
}

static void XMLCALL sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	xlsx *x = ud;
	(void)atts;
	const char *n = local(name);
	if (!strcmp(n, "si")) {
		x->in_si = 1;
		x->text.len = 0;
	} else if (!strcmp(n, "rPh"))
		x->depth_rph++;
	else if (!strcmp(n, "t") && x->in_si && !x->depth_rph)
		x->collect = 1;
}

static void XMLCALL sst_end(void *ud, const XML_Char *name)
{
	xlsx *x = ud;
	const char *n = local(name);
	if (!strcmp(n, "t"))
		x->collect = 0;
	else if (!strcmp(n, "rPh"))
		x->depth_rph--;
	else if (!strcmp(n, "si") && x->in_si) {
		x->in_si = 0;
		gs_buf_add(&x->text, "", 0);
		unescape(&x->text, 0);
		if (x->sst.len + x->text.len > MAX_HELD) {
			xml_stop(x, "the shared strings take more than 1 GiB");
			return;
		}
		if ((x->nsst & (x->nsst + 1)) == 0 || x->nsst == 0)
			x->sst_off = gs_xrealloc(x->sst_off, 2 * (x->nsst + 1) * sizeof *x->sst_off);
		x->sst_off[x->nsst++] = x->sst.len;
		gs_buf_add(&x->sst, x->text.p ? x->text.p : "", x->text.len);
		x->text.len = 0;
	}
}

static void XMLCALL merges_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	xlsx *x = ud;
	if (strcmp(local(name), "mergeCell"))
		return;
	const char *ref = attr(atts, "ref");
	char a[32], b[32];
	const char *colon = ref ? strchr(ref, ':') : NULL;
	if (!colon || (size_t)(colon - ref) >= sizeof a || strlen(colon + 1) >= sizeof b)
		return;
	memcpy(a, ref, (size_t)(colon - ref));
	a[colon - ref] = 0;
	strcpy(b, colon + 1);
	unsigned c1, c2;
	unsigned long r1, r2;
	if (cellref(a, &c1, &r1) < 0 || cellref(b, &c2, &r2) < 0)
		return;
	if (gs_merges_add(x->merges, r1, r2, c1, c2) < 0 && r1 && r2 >= r1 && c2 >= c1)
		xml_stop(x, "more than a million merged ranges");
}

/* ---- reading parts ---- */

/* r->err becomes FMT formatted (English, as for gs_reason_printf). */
static void set_err(gs_records *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_err(gs_records *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gs_reason_clear(&r->err);
	gs_reason_vprintf(&r->err, fmt, ap);
	va_end(ap);
}

/* Open the part NAME of the package; NULL with r->err set. */
static int part_open(gs_records *r, xlsx *x, part *pt, const char *name, int required)
{
	memset(pt, 0, sizeof *pt);
	pt->name = name;
	zip_int64_t i = zip_name_locate(x->z, name, ZIP_FL_NOCASE);
	if (i < 0) {
		if (required)
			set_err(r, "not an .xlsx workbook: the zip archive has no %s", name);
		return required ? -1 : 0;
	}
	zip_stat_t st;
	if (zip_stat_index(x->z, (zip_uint64_t)i, 0, &st) < 0 ||
	    !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
		set_err(r, "%s: cannot read its zip entry", name);
		return -1;
	}
	if (st.size > BOMB_FLOOR && st.size / (st.comp_size ? st.comp_size : 1) > BOMB_RATIO) {
		set_err(r, "%s: inflates %llu bytes to %llu (more than %d times: refused as a zip bomb)",
		        name, (unsigned long long)st.comp_size, (unsigned long long)st.size, BOMB_RATIO);
		return -1;
	}
	pt->size = st.size;
	pt->f = zip_fopen_index(x->z, (zip_uint64_t)i, 0);
	if (!pt->f) {
		set_err(r, "%s: %s", name, zip_strerror(x->z));
		return -1;
	}
	return 1;
}

/* Up to N bytes of the part into BUF: the count, or -1 with r->err set. */
static long part_read(gs_records *r, part *pt, char *buf, size_t n)
{
	zip_int64_t k = zip_fread(pt->f, buf, n);
	if (k < 0) {
		set_err(r, "%s: %s", pt->name, zip_file_strerror(pt->f));
		return -1;
	}
	pt->got += (zip_uint64_t)k;
	if (pt->got > pt->size) {
		set_err(r, "%s: inflates to more than the %llu bytes its zip entry declares (refused as a zip bomb)",
		        pt->name, (unsigned long long)pt->size);
		return -1;
	}
	return (long)k;
}

static void part_close(part *pt)
{
	if (pt->f)
		zip_fclose(pt->f);
	pt->f = NULL;
}

/* Every part's handlers run behind these, which bound the nesting: expat
 * keeps a stack of open elements, which a hostile part could grow without
 * end. */
static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	xlsx *x = ud;
	if (++x->depth > MAX_DEPTH) {
		xml_stop(x, "the XML nests elements more than 256 deep");
		return;
	}
	if (x->on_start)
		x->on_start(ud, name, atts);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	xlsx *x = ud;
	x->depth--;
	if (x->on_end)
		x->on_end(ud, name);
}

static XML_Parser new_parser(xlsx *x, int what, XML_StartElementHandler s, XML_EndElementHandler e)
{
	XML_Parser p = XML_ParserCreate("UTF-8");
	if (!p)
		gs_die(GS_IO, NULL, 0, "out of memory");
	XML_SetUserData(p, x);
	x->on_start = s;
	x->on_end = e;
	x->depth = 0;
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_text);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	x->p = p;
	x->what = what;
	gs_reason_clear(&x->cause);
	x->collect = 0;
	x->text.len = 0;
	return p;
}

/* The message for a parse that stopped: a handler's cause, else expat's. */
static void xml_error(gs_records *r, xlsx *x, const char *part)
{
	if (!gs_reason_empty(&x->cause)) {
		gs_reason_copy(&r->err, &x->cause);
		gs_reason_prefix(&r->err, "%s: ", part);
	} else
		set_err(r, "%s: XML line %lu: %s", part,
		        (unsigned long)XML_GetCurrentLineNumber(x->p),
		        XML_ErrorString(XML_GetErrorCode(x->p)));
}

/* Parse the part NAME whole with handlers S and E. 1 done, 0 when it is
 * missing and not REQUIRED, -1 with r->err set. */
static int parse_part(gs_records *r, xlsx *x, const char *name, int required, int what,
                      XML_StartElementHandler s, XML_EndElementHandler e)
{
	part pt;
	int o = part_open(r, x, &pt, name, required);
	if (o <= 0)
		return o;
	XML_Parser p = new_parser(x, what, s, e);
	int ret = 1;
	for (;;) {
		void *buf = XML_GetBuffer(p, CHUNK);
		if (!buf)
			gs_die(GS_IO, NULL, 0, "out of memory");
		long n = part_read(r, &pt, buf, CHUNK);
		if (n < 0) {
			ret = -1;
			break;
		}
		if (XML_ParseBuffer(p, (int)n, n == 0) != XML_STATUS_OK) {
			xml_error(r, x, name);
			ret = -1;
			break;
		}
		if (n == 0)
			break;
	}
	XML_ParserFree(p);
	x->p = NULL;
	part_close(&pt);
	return ret;
}

/* ---- the sheet, row by row ---- */

static void XMLCALL sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	xlsx *x = ud;
	const char *n = local(name);
	if (!x->in_data) {
		if (!strcmp(n, "sheetData"))
			x->in_data = 1;
		return;
	}
	if (!strcmp(n, "c")) {
		const char *ref = attr(atts, "r"), *t = attr(atts, "t"), *s = attr(atts, "s");
		unsigned col = x->prev_col + 1;
		unsigned long row = 0;
		if (ref && cellref(ref, &col, &row) < 0) {
			xml_stop(x, "cell reference '%s' is malformed or past XFD1048576", ref);
			return;
		}
		if (col > MAX_COLS || col <= x->prev_col || (row && row != x->row)) {
			xml_stop(x, "cell '%s' is out of order", ref ? ref : "?");
			return;
		}
		x->prev_col = x->col = col;
		x->ctype = !t || !strcmp(t, "n") ? T_NUM : !strcmp(t, "s") ? T_SST :
		           !strcmp(t, "str") ? T_STR : !strcmp(t, "inlineStr") ? T_INLINE :
		           !strcmp(t, "b") ? T_BOOL : !strcmp(t, "e") ? T_ERR :
		           !strcmp(t, "d") ? T_DATE : -1;
		if (x->ctype < 0) {
			xml_stop(x, "cell type '%s' is unknown", t);
			return;
		}
		x->cstyle = s ? atoi(s) : 0;
		x->has_f = x->has_v = 0;
		x->text.len = 0;
		x->in_is = 0;
		x->depth_rph = 0;
	} else if (!strcmp(n, "v")) {
		x->collect = x->ctype != T_INLINE;
		x->has_v = 1;
	} else if (!strcmp(n, "f"))
		x->has_f = 1;
	else if (!strcmp(n, "is"))
		x->in_is = 1;
	else if (!strcmp(n, "rPh"))
		x->depth_rph++;
	else if (!strcmp(n, "t"))
		x->collect = x->in_is && !x->depth_rph;
	else if (!strcmp(n, "row")) {
		const char *rr = attr(atts, "r");
		unsigned long row = x->prev_row + 1;
		if (rr) {
			char *end;
			row = strtoul(rr, &end, 10);
			if (*end || end == rr)
				row = 0;
		}
		if (row == 0 || row > MAX_ROWS || row <= x->prev_row) {
			xml_stop(x, "row '%s' is out of order or past row 1048576", rr ? rr : "?");
			return;
		}
		x->prev_row = x->row = row;
		x->prev_col = 0;
		x->ncells = 0;
		x->row_bad = 0;
		gs_buf_clear(&x->rec->data);
	}
}

/* The row is bad for the cell being read, WHY (a fixed English message);
 * the first bad cell is named. */
static void bad_cell(xlsx *x, const char *why)
{
	if (x->row_bad)
		return;
	char ref[24];
	gs_cell_name(ref, sizeof ref, x->col, x->row);
	gs_reason_clear(&x->row_why);
	gs_reason_printf(&x->row_why, "cell %s: ", ref);
	gs_reason_say(&x->row_why, why);
	x->row_bad = 1;
}

/* The text of the cell just ended, appended to r->data. */
static void end_cell(gs_records *r, xlsx *x)
{
	gs_buf *out = &r->data;
	size_t off = out->len;
	const char *v = x->text.p ? x->text.p : "";
	size_t n = x->text.len;
	const char *why;
	/* a formula's result is saved in <v>; a numeric one is never empty
	 * (Excel saves a formula giving "" as a string cell) */
	if (x->has_f && x->ctype != T_INLINE && (!x->has_v || (x->ctype == T_NUM && !x->text.len)))
		bad_cell(x, N_("a formula with no value saved (the workbook was written by a program and never calculated: open and save it in Excel or WPS)"));
	switch (x->ctype) {
	case T_SST: {
		char *end;
		unsigned long k = strtoul(v, &end, 10);
		if (!n)
			break;
		if (!x->have_sst || *end || k >= x->nsst) {
			char ref[24];
			gs_cell_name(ref, sizeof ref, x->col, x->row);
			if (!x->have_sst)
				xml_stop(x, "cell %s refers to shared string %.20s, but the workbook has no shared strings part", ref, v);
			else
				xml_stop(x, "cell %s refers to shared string %.20s, but the workbook has %zu", ref, v, x->nsst);
			return;
		}
		gs_buf_add(out, x->sst.p + x->sst_off[k],
		           (k + 1 < x->nsst ? x->sst_off[k + 1] : x->sst.len) - x->sst_off[k]);
		break;
	}
	case T_STR: case T_INLINE:
		gs_buf_add(out, v, n);
		unescape(out, off);
		break;
	case T_ERR:
		gs_buf_add(out, v, n);
		break;
	case T_BOOL:
		if (n == 1 && (v[0] == '0' || v[0] == '1'))
			gs_buf_adds(out, v[0] == '1' ? "TRUE" : "FALSE");
		else {
			gs_buf_add(out, v, n);
			bad_cell(x, N_("a boolean cell holds neither 0 nor 1"));
		}
		break;
	case T_DATE: {
		/* an ISO 8601 date-time written as text: midnight is left out */
		gs_buf_add(out, v, n);
		char *t = memchr(out->p + off, 'T', out->len - off);
		if (t) {
			size_t tail = out->len - (size_t)(t - out->p);
			if ((tail == 9 && !memcmp(t, "T00:00:00", 9)) || (tail == 10 && !memcmp(t, "T00:00:00Z", 10)))
				out->len -= tail;
			else
				*t = ' ';
		}
		break;
	}
	case T_NUM: {
		if (!n)
			break;
		int kind = x->cstyle >= 0 && (size_t)x->cstyle < x->nxf ? x->xfkind[x->cstyle] : GS_NUM_PLAIN;
		if (kind != GS_NUM_PLAIN) {
			char tmp[64], *end;
			double d = 0;
			if (n < sizeof tmp) {
				memcpy(tmp, v, n);
				tmp[n] = 0;
				d = strtod(tmp, &end);
			}
			if (n >= sizeof tmp || *end || end == tmp) {
				gs_buf_add(out, v, n);
				bad_cell(x, N_("a date cell does not hold a number"));
			} else if (gs_cell_serial(out, d, x->date1904, kind, &why) < 0) {
				gs_buf_add(out, v, n);
				bad_cell(x, why);
			}
		} else if (gs_cell_number_text(out, v, n) < 0) {
			gs_buf_add(out, v, n);
			bad_cell(x, N_("a number cell does not hold a number"));
		}
		break;
	}
	}
	gs_buf_add(out, "", 0);
	if (out->len == off)
		return;
	if (x->ncells == x->capcells) {
		x->capcells = x->capcells ? 2 * x->capcells : 64;
		x->cells = gs_xrealloc(x->cells, x->capcells * sizeof *x->cells);
	}
	x->cells[x->ncells++] = (cell){x->col, off, out->len - off};
}

static void XMLCALL sheet_end(void *ud, const XML_Char *name)
{
	xlsx *x = ud;
	gs_records *r = x->rec;
	const char *n = local(name);
	if (!x->in_data)
		return;
	if (!strcmp(n, "v") || !strcmp(n, "t"))
		x->collect = 0;
	else if (!strcmp(n, "rPh"))
		x->depth_rph--;
	else if (!strcmp(n, "is"))
		x->in_is = 0;
	else if (!strcmp(n, "c"))
		end_cell(r, x);
	else if (!strcmp(n, "row"))
		XML_StopParser(x->p, XML_TRUE);    /* hand the row out */
	else if (!strcmp(n, "sheetData")) {
		x->finished = 1;
		XML_StopParser(x->p, XML_FALSE);   /* the rest is not data */
	}
}

/* The row's fields: cells placed by column, merged values filled. */
static void build_row(gs_records *r, xlsx *x, gs_row *row)
{
	unsigned width = 0;
	for (size_t i = 0; i < x->ncells; i++)
		if (x->cells[i].col > width)
			width = x->cells[i].col;
	gs_rec_fields(r, width);
	for (unsigned c = 0; c < width; c++)
		r->fields[c] = (gs_field){"", 0};
	for (size_t i = 0; i < x->ncells; i++)
		r->fields[x->cells[i].col - 1] = (gs_field){r->data.p + x->cells[i].off, x->cells[i].len};
	size_t n = width;
	if (x->merges)      /* title and header rows do not fill */
		n = gs_merges_row(x->merges, r, x->row, n, x->emitted < r->header_rows ? 0 : 1);
	/* trailing empty cells (formatted, never filled) are not columns */
	while (n && r->fields[n - 1].n == 0)
		n--;
	row->f = r->fields;
	row->n = n;
	row->line = (long)x->row;
}

int gs_xlsx_next(gs_records *r, gs_row *row)
{
	xlsx *x = r->state;
	for (;;) {
		if (x->finished)
			return GS_REC_EOF;
		enum XML_Status st;
		if (x->suspended)
			st = XML_ResumeParser(x->p);
		else {
			if (x->final_fed) {
				x->finished = 1;
				continue;
			}
			void *buf = XML_GetBuffer(x->p, CHUNK);
			if (!buf)
				gs_die(GS_IO, NULL, 0, "out of memory");
			long n = part_read(r, &x->sheet, buf, CHUNK);
			if (n < 0) {
				r->line = (long)x->row;
				return GS_REC_FAIL;
			}
			x->final_fed = n == 0;
			st = XML_ParseBuffer(x->p, (int)n, n == 0);
		}
		x->suspended = st == XML_STATUS_SUSPENDED;
		if (st == XML_STATUS_ERROR && !(x->finished && gs_reason_empty(&x->cause))) {
			xml_error(r, x, x->sheet.name);
			r->line = (long)x->row;
			x->finished = 1;
			return GS_REC_FAIL;
		}
		if (!x->suspended)
			continue;
		/* a row ended */
		if ((long)x->row <= r->skip)
			continue;
		if (x->ncells == 0 && !x->merges)
			continue;
		build_row(r, x, row);     /* with merges, an empty row may fill */
		if (row->n == 0)
			continue;
		x->emitted++;
		if (x->row_bad) {
			gs_reason_copy(&r->err, &x->row_why);
			return GS_REC_BAD;
		}
		return GS_REC_ROW;
	}
}

/* ---- opening ---- */

static int open_zip(gs_records *r, xlsx *x)
{
	const void *mem;
	size_t n;
	zip_error_t ze;
	zip_error_init(&ze);
	if (gs_input_memory(r->in, &mem, &n) == 0) {
		x->src = zip_source_buffer_create(mem, n, 0, &ze);
		if (x->src && !(x->z = zip_open_from_source(x->src, ZIP_RDONLY | ZIP_CHECKCONS, &ze))) {
			zip_source_free(x->src);
			x->src = NULL;
		}
	} else {
		const char *path;
		if (gs_input_whole(r->in, &path) < 0) {
			gs_reason_copy(&r->err, gs_input_reason(r->in));
			return -1;
		}
		int code = 0;
		x->z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
		zip_error_init_with_code(&ze, code);
	}
	if (!x->z) {
		set_err(r, "not a readable workbook: zip archive: %s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return -1;
	}
	zip_error_fini(&ze);
	return 0;
}

int gs_xlsx_open(gs_records *r)
{
	xlsx *x = gs_xcalloc(1, sizeof *x);
	r->state = x;
	x->rec = r;
	if (open_zip(r, x) < 0)
		return -1;
	if (parse_part(r, x, "_rels/.rels", 0, P_PKGRELS, rels_start, NULL) < 0)
		return -1;
	if (!x->wbdir)
		x->wbdir = gs_xstrndup("xl/workbook.xml", 15);
	size_t wl = strlen(x->wbdir);
	if (wl > 4 && !strcmp(x->wbdir + wl - 4, ".bin")) {
		set_err(r, "a binary .xlsb workbook, which is not read: save it as .xlsx");
		return -1;
	}
	char *wbpart = x->wbdir;
	const char *slash = strrchr(wbpart, '/');
	size_t dirlen = slash ? (size_t)(slash - wbpart) + 1 : 0;
	x->wbdir = gs_xstrndup(wbpart, dirlen);
	gs_buf relname = {0};
	gs_buf_printf(&relname, "%.*s_rels/%s.rels", (int)dirlen, wbpart, wbpart + dirlen);
	int ok = parse_part(r, x, wbpart, 1, P_WORKBOOK, workbook_start, NULL) > 0 &&
	         parse_part(r, x, relname.p, 1, P_RELS, rels_start, NULL) > 0;
	free(wbpart);
	gs_buf_free(&relname);
	if (!ok)
		return -1;
	if (x->styles_part && parse_part(r, x, x->styles_part, 0, P_STYLES, styles_start, styles_end) < 0)
		return -1;
	if (x->sst_part) {
		int k = parse_part(r, x, x->sst_part, 0, P_SST, sst_start, sst_end);
		if (k < 0)
			return -1;
		x->have_sst = k > 0;
	}
	int i = gs_sheet_pick((const char *const *)x->names, x->nsheets, r->sheet_spec, &r->err);
	if (i < 0)
		return -1;
	r->sheet = x->names[i];
	if (!x->targets[i]) {
		set_err(r, "sheet '%s' has no part in the package", x->names[i]);
		return -1;
	}
	if (!x->worksheet[i]) {
		set_err(r, "sheet '%s' is a chart or dialog sheet, not a worksheet", x->names[i]);
		return -1;
	}
	if (r->fill_merged) {
		x->merges = gs_merges_new();
		if (parse_part(r, x, x->targets[i], 1, P_MERGES, merges_start, NULL) < 0)
			return -1;
	}
	if (part_open(r, x, &x->sheet, x->targets[i], 1) < 0)
		return -1;
	new_parser(x, P_SHEET, sheet_start, sheet_end);
	return 0;
}

size_t gs_xlsx_sheets(gs_records *r, const char *const **names)
{
	xlsx *x = r->state;
	*names = (const char *const *)x->names;
	return x->nsheets;
}

void gs_xlsx_free(gs_records *r)
{
	xlsx *x = r->state;
	if (x->p)
		XML_ParserFree(x->p);
	part_close(&x->sheet);
	if (x->z)
		zip_discard(x->z);
	for (size_t i = 0; i < x->nsheets; i++) {
		free(x->names[i]);
		free(x->ids[i]);
		free(x->targets[i]);
	}
	free(x->names);
	free(x->ids);
	free(x->targets);
	free(x->worksheet);
	free(x->wbdir);
	free(x->sst_part);
	free(x->styles_part);
	gs_buf_free(&x->sst);
	free(x->sst_off);
	free(x->xfkind);
	free(x->fmt_id);
	free(x->fmt_kind);
	gs_buf_free(&x->text);
	gs_reason_free(&x->cause);
	gs_reason_free(&x->row_why);
	free(x->cells);
	gs_merges_free(x->merges);
	free(x);
	r->state = NULL;
}
