/* The .xlsx reader on any bytes. The first byte's low three bits pick
 * what the rest is: 0 a whole zip package; 1 to 5 one part (the sheet,
 * the shared strings, the styles, the workbook, its relationships) of an
 * otherwise valid package that the harness stores around it, so that the
 * XML handlers see mutations that a zip's checksums would refuse. Bit 3
 * turns on --fill-merged, bits 4-5 give the header rows, bits 6-7 the
 * rows to skip. */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "buf.h"
#include "common.h"
#include "input.h"
#include "records.h"

static const char *parts[][2] = {
	{"xl/worksheets/sheet1.xml",
	 "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>43895</v></c>"
	 "</row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"B2\"><v>0.1</v></c></row>"
	 "</sheetData><mergeCells><mergeCell ref=\"A1:B2\"/></mergeCells></worksheet>"},
	{"xl/sharedStrings.xml", "<sst><si><t>a_x000D_b</t></si><si><r><t>c</t></r><rPh><t>d</t></rPh></si></sst>"},
	{"xl/styles.xml",
	 "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/></numFmts>"
	 "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"},
	{"xl/workbook.xml", "<workbook><workbookPr date1904=\"1\"/><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>"
	 "<sheet name=\"T\" sheetId=\"2\" r:id=\"rId1\"/></sheets></workbook>"},
	{"xl/_rels/workbook.xml.rels",
	 "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	 "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	 "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"/xl/styles.xml\"/></Relationships>"},
	{"_rels/.rels", "<Relationships><Relationship Id=\"rId1\" Type=\"x/officeDocument\" Target=\"xl/workbook.xml\"/>"
	 "</Relationships>"},
};

static void le(gs_buf *b, unsigned long v, int n)
{
	for (int i = 0; i < n; i++)
		gs_buf_addc(b, (char)(v >> (8 * i) & 0xFF));
}

/* A stored (uncompressed) zip of the parts, part K's text replaced by
 * DATA[0..N). */
static void package(gs_buf *z, int k, const uint8_t *data, size_t n)
{
	gs_buf cd = {0};
	size_t nparts = sizeof parts / sizeof parts[0];
	for (size_t i = 0; i < nparts; i++) {
		const char *name = parts[i][0];
		const uint8_t *p = (const uint8_t *)parts[i][1];
		size_t len = strlen(parts[i][1]);
		if ((int)i == k) {
			p = data;
			len = n;
		}
		unsigned long crc = crc32(0, p, (uInt)len);
		size_t off = z->len;
		le(z, 0x04034b50, 4); le(z, 20, 2); le(z, 0, 2); le(z, 0, 2); le(z, 0, 4);
		le(z, crc, 4); le(z, len, 4); le(z, len, 4); le(z, strlen(name), 2); le(z, 0, 2);
		gs_buf_adds(z, name);
		gs_buf_add(z, p, len);
		le(&cd, 0x02014b50, 4); le(&cd, 20, 2); le(&cd, 20, 2); le(&cd, 0, 2); le(&cd, 0, 2);
		le(&cd, 0, 4); le(&cd, crc, 4); le(&cd, len, 4); le(&cd, len, 4);
		le(&cd, strlen(name), 2); le(&cd, 0, 2); le(&cd, 0, 2); le(&cd, 0, 2); le(&cd, 0, 2);
		le(&cd, 0, 4); le(&cd, off, 4);
		gs_buf_adds(&cd, name);
	}
	size_t cdoff = z->len;
	gs_buf_add(z, cd.p, cd.len);
	le(z, 0x06054b50, 4); le(z, 0, 2); le(z, 0, 2); le(z, nparts, 2); le(z, nparts, 2);
	le(z, cd.len, 4); le(z, cdoff, 4); le(z, 0, 2);
	gs_buf_free(&cd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	int mode = data[0] & 7;
	gs_buf z = {0};
	const uint8_t *bytes = data + 1;
	size_t n = size - 1;
	if (mode >= 1 && mode <= 5) {
		package(&z, mode - 1, data + 1, size - 1);
		bytes = (const uint8_t *)z.p;
		n = z.len;
	}
	for (int sheet = 1; sheet <= 2; sheet++) {
		gs_input *in = gs_input_from_memory(bytes, n, "utf-8");
		gs_records *r = gs_records_open(in, GS_FMT_XLSX, data[0] >> 6);
		gs_records_sheet_options(r, sheet == 1 ? NULL : "2", data[0] >> 3 & 1, data[0] >> 4 & 3);
		if (gs_records_start(r) == 0) {
			const char *const *names;
			size_t k = gs_records_sheets(r, &names);
			for (size_t i = 0; i < k; i++)
				(void)strlen(names[i]);
			gs_row row;
			int s;
			while ((s = gs_records_next(r, &row)) == GS_REC_ROW || s == GS_REC_BAD) {
				size_t total = 0;
				for (size_t i = 0; i < row.n; i++)
					total += row.f[i].n + (row.f[i].n ? (unsigned char)row.f[i].p[0] : 0);
				(void)total;
			}
		}
		gs_records_close(r);
		gs_input_close(in);
	}
	gs_buf_free(&z);
	return 0;
}
