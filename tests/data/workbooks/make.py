#!/usr/bin/env python3
"""Make the workbooks ingest's tests read.

    python3 make.py            write the committed fixtures into this folder
    python3 make.py bomb FILE  write a zip bomb (too big to commit)
    python3 make.py liar FILE  write a workbook whose sheet inflates to
                               more than its zip entry declares
    python3 make.py rows N FILE  write a ledger of N data rows (for the
                               memory bound; too big to commit)
    python3 make.py ledger CSV FILE  write the GB18030 ledger CSV (a title
                               row, a two-row header, notes below) as the
                               workbook a township would send: the title and
                               header cells merged, numbers as numbers
                               (share/govstat/samples/make.sh uses it)

Only the standard library: the XML is written by hand, so each fixture
holds exactly the constructs under test (shared and inline strings,
rich text with phonetic runs, formulas with cached values, built-in and
custom date formats, the 1904 date system, merged cells), and the .xls
is a BIFF5 workbook with code page 936 in an OLE2 compound file, as
Chinese Excel 95-2003 wrote them. Run it again after changing it and
commit the results: the files are byte-for-byte reproducible.
"""
import os
import struct
import sys
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STAMP = (2020, 1, 1, 0, 0, 0)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def workbook(path, sheets, sst=None, styles=None, date1904=False, extra=()):
    """SHEETS: [(name, sheet xml)]. SST: list of <si> bodies or None (no part)."""
    ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
          '<Default Extension="xml" ContentType="application/xml"/>',
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>']
    for i, _ in enumerate(sheets, 1):
        ct.append('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % i)
    ct.append("</Types>")
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>' % REL)
    wb = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook %s>' % NS]
    if date1904:
        wb.append('<workbookPr date1904="1"/>')
    wb.append("<sheets>")
    for i, (name, _) in enumerate(sheets, 1):
        wb.append('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (esc(name), i, i))
    wb.append("</sheets></workbook>")
    wrels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    for i, _ in enumerate(sheets, 1):
        wrels.append('<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>' % (i, REL, i))
    n = len(sheets)
    if styles:
        wrels.append('<Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/>' % (n + 1, REL))
    if sst is not None:
        wrels.append('<Relationship Id="rId%d" Type="%s/sharedStrings" Target="sharedStrings.xml"/>' % (n + 2, REL))
    wrels.append("</Relationships>")
    parts = [("[Content_Types].xml", "".join(ct)), ("_rels/.rels", rels),
             ("xl/workbook.xml", "".join(wb)), ("xl/_rels/workbook.xml.rels", "".join(wrels))]
    if styles:
        parts.append(("xl/styles.xml", styles))
    if sst is not None:
        parts.append(("xl/sharedStrings.xml",
                      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst %s count="%d" uniqueCount="%d">%s</sst>'
                      % (NS, len(sst), len(sst), "".join("<si>%s</si>" % s for s in sst))))
    for i, (_, xml) in enumerate(sheets, 1):
        parts.append(("xl/worksheets/sheet%d.xml" % i, xml))
    parts.extend(extra)
    write_zip(path, parts)


def sheet(rows, merges=(), head=""):
    """ROWS: [(row number, [cell xml])]."""
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', head,
           "<worksheet %s><sheetData>" % NS]
    for r, cells in rows:
        out.append('<row r="%d">%s</row>' % (r, "".join(cells)))
    out.append("</sheetData>")
    if merges:
        out.append('<mergeCells count="%d">%s</mergeCells>'
                   % (len(merges), "".join('<mergeCell ref="%s"/>' % m for m in merges)))
    out.append("</worksheet>")
    return "".join(out)


class Strings:
    def __init__(self):
        self.items, self.index = [], {}

    def __call__(self, text, body=None):
        key = body or "<t>%s</t>" % esc(text)
        if key not in self.index:
            self.index[key] = len(self.items)
            self.items.append(key)
        return self.index[key]


def s(ref, k, style=None):
    return '<c r="%s" t="s"%s><v>%d</v></c>' % (ref, ' s="%d"' % style if style else "", k)


def n(ref, v, style=None):
    return '<c r="%s"%s><v>%s</v></c>' % (ref, ' s="%d"' % style if style else "", v)


def inline(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, esc(text))


# cellXfs: 0 General, 1 m/d/yyyy (14), 2 yyyy"年"m"月"d"日" (31, zh-CN
# built-in), 3 custom yyyy-mm-dd, 4 custom yyyy"年"m"月"d"日", 5 datetime
# (22), 6 percent (9), 7 custom h:mm, 8 custom [$-804]yyyy年m月 (month),
# 9 empty styled cell (no number format)
STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet %s>'
          '<numFmts count="4">'
          '<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>'
          '<numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
          '<numFmt numFmtId="166" formatCode="h:mm;@"/>'
          '<numFmt numFmtId="167" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;"/>'
          '</numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
          '<cellXfs count="10"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/>'
          '<xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/><xf numFmtId="9"/>'
          '<xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="0" fillId="1"/></cellXfs>'
          '</styleSheet>' % NS)


def ledger():
    st = Strings()
    T = lambda ref, text, style=None: s(ref, st(text), style)
    R = lambda ref, body: s(ref, st(None, body))
    rows = [
        (1, [T("A1", "某县矛盾纠纷排查调处台账（2020年第一季度）")]),
        (2, [T("A2", "乡镇"), T("B2", "村（社区）"), T("C2", "纠纷"), T("E2", "调处"),
             '<c r="F2" s="9"/>']),
        (3, [T("C3", "类型"), T("D3", "登记日期"), T("E3", "状态"), T("F3", "金额（元）")]),
        # formats of one date: built-in 14, zh-CN built-in 31, custom, custom Chinese
        (4, [T("A4", "城关镇"), T("B4", "东街社区"), T("C4", "邻里纠纷"), n("D4", 43895, 1),
             T("E4", "已调解"), n("F4", "0.1")]),
        (5, [T("A5", "城关镇"), inline("B5", "西街社区"), T("C5", "婚姻家庭"), n("D5", 43896, 2),
             T("E5", "调解中"), n("F5", "123456789012")]),
        (6, [T("B6", "南关村"), T("C6", "土地权属"), n("D6", 43897, 3),
             '<c r="E6" t="str"><f>IF(1,"已调解","")</f><v>已调解</v></c>',
             '<c r="F6"><f>0.1+0.2</f><v>0.30000000000000004</v></c>']),
        # row 7 is missing: an empty row the sheet does not store
        (8, [T("A8", "河口乡"), R("B8", "<r><t>河口</t></r><r><t>村</t></r><rPh sb=\"0\" eb=\"2\"><t>hekou</t></rPh>"),
             T("C8", "劳动争议"), n("D8", 43898, 4), T("E8", "已调解"), n("F8", "1234.5"),
             '<c r="G8" s="9"/>']),
        # a date that does not exist: serial 60 in the 1900 system
        (9, [T("A9", "河口乡"), T("B9", "北山村"), T("C9", "其他"), n("D9", 60, 1), T("E9", "已调解"),
             n("F9", "-2.5")]),
        (10, [T("A10", "合计"), '<c r="F10"><f>SUM(F4:F9)</f><v>123456790245.4</v></c>']),
    ]
    disputes = sheet(rows, merges=["A1:F1", "A2:A3", "B2:B3", "C2:D2", "E2:F2", "A5:A6"])
    kinds = sheet([
        (1, [inline("A1", "名称"), inline("B1", "值"), inline("C1", "说明")]),
        (2, [inline("A2", "零点一"), n("B2", "0.1"), inline("C2", "stays 0.1")]),
        (3, [inline("A3", "浮点噪声"), n("B3", "0.30000000000000004"), inline("C3", "Excel shows 0.3")]),
        (4, [inline("A4", "整数"), n("B4", "123456789012"), inline("C4", "whole")]),
        (5, [inline("A5", "十六位"), n("B5", "1.2345678901234567E+18"), inline("C5", "15 digits")]),
        (6, [inline("A6", "小数"), n("B6", "1E-7"), inline("C6", "no exponent")]),
        (7, [inline("A7", "写作3.0"), n("B7", "3.0"), inline("C7", "3")]),
        (8, [inline("A8", "百分比"), n("B8", "0.953", 6), inline("C8", "the value, not 95%")]),
        (9, [inline("A9", "布尔真"), '<c r="B9" t="b"><v>1</v></c>', inline("C9", "TRUE")]),
        (10, [inline("A10", "布尔假"), '<c r="B10" t="b"><v>0</v></c>', inline("C10", "FALSE")]),
        (11, [inline("A11", "错误"), '<c r="B11" t="e"><f>1/0</f><v>#DIV/0!</v></c>', inline("C11", "as shown")]),
        (12, [inline("A12", "日期时间"), n("B12", "43895.5", 5), inline("C12", "noon")]),
        (13, [inline("A13", "时间"), n("B13", "0.75", 7), inline("C13", "18:00")]),
        (14, [inline("A14", "年月"), n("B14", "43895", 8), inline("C14", "month format")]),
        (15, [inline("A15", "转义"), inline("B15", "甲_x000D_乙"), inline("C15", "a CR")]),
        (16, [inline("A16", "ISO日期"), '<c r="B16" t="d"><v>2020-03-05T00:00:00</v></c>', inline("C16", "t=d")]),
        (17, [inline("A17", "午夜"), n("B17", "43895", 5), inline("C17", "the date alone")]),
        (18, [inline("A18", "空字符串"), '<c r="B18" t="str"><f>""</f><v></v></c>', inline("C18", "formula giving empty text")]),
        (19, [inline("A19", "未计算"), '<c r="B19"><f>1+1</f><v></v></c>', inline("C19", "never calculated: rejected")]),
    ])
    empty = sheet([])
    data = sheet([
        (1, [inline("A1", "乡镇"), inline("B1", "村"), inline("C1", "户数")]),
        (2, [inline("A2", "城关镇"), inline("B2", "东街社区"), n("C2", "120")]),
        (3, [inline("B3", "西街社区"), n("C3", "98")]),
        (4, [inline("B4", "南关村"), n("C4", "77")]),
        (5, [inline("A5", "河口乡"), inline("B5", "河口村"), n("C5", "64")]),
    ], merges=["A2:A4"])
    workbook(os.path.join(HERE, "ledger.xlsx"),
             [("纠纷台账", disputes), ("数字", kinds), ("空表", empty), ("户数", data)],
             sst=st.items, styles=STYLES)


def book1904():
    rows = [(1, [inline("A1", "日期"), inline("B1", "说明")]),
            (2, [n("A2", "0", 1), inline("B2", "1904-01-01")]),
            (3, [n("A3", "42433", 1), inline("B3", "2020-03-05")])]
    workbook(os.path.join(HERE, "date1904.xlsx"), [("Sheet1", sheet(rows))], styles=STYLES, date1904=True)


def hostile():
    head = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
    bomb = sheet([(1, [inline("A1", "x")]), (2, ['<c r="A2" t="inlineStr"><is><t>&lol3;</t></is></c>'])]).replace(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + head)
    workbook(os.path.join(HERE, "xmlbomb.xlsx"), [("Sheet1", bomb)])
    rows = [(1, [s("A1", 0), s("A2", 1)])]
    workbook(os.path.join(HERE, "nosst.xlsx"),
             [("Sheet1", sheet([(1, [s("A1", 0)]), (2, [s("A2", 1)])]))])
    with open(os.path.join(HERE, "ledger.xlsx"), "rb") as f:
        whole = f.read()
    with open(os.path.join(HERE, "truncated.xlsx"), "wb") as f:
        f.write(whole[:len(whole) // 2])
    write_zip(os.path.join(HERE, "binary.xlsb"),
              [("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.bin"/></Relationships>' % REL),
               ("xl/workbook.bin", b"\x83\x01\x00")])
    write_zip(os.path.join(HERE, "opendoc.ods"),
              [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content/>")])
    workbook(os.path.join(HERE, "deep.xlsx"),
             [("Sheet1", sheet([(1, [inline("A1", "a")])]).replace("</sheetData>", "<x>" * 300 + "</x>" * 300 + "</sheetData>"))])
    workbook(os.path.join(HERE, "outoforder.xlsx"),
             [("Sheet1", sheet([(2, [inline("A2", "a")]), (1, [inline("A1", "b")])]))])


def zip_bomb(path):
    """A sheet of 80 MiB of spaces: deflate squeezes it about 1000 to 1."""
    rows = sheet([(1, [inline("A1", "a")])])
    pad = " " * (80 << 20)
    workbook(path, [("Sheet1", rows.replace("</sheetData>", pad + "</sheetData>"))])


def liar(path):
    """The sheet's zip entry declares 100 bytes; it inflates to 2 MiB."""
    rows = sheet([(1, [inline("A1", "a")])])
    workbook(path, [("Sheet1", rows.replace("</sheetData>", " " * (2 << 20) + "</sheetData>"))])
    data = bytearray(open(path, "rb").read())
    name = b"xl/worksheets/sheet1.xml"
    real = len(rows) + (2 << 20)
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = 0
        while True:
            i = data.find(sig, i)
            if i < 0:
                break
            nl = struct.unpack_from("<H", data, i + (26 if sig == b"PK\x03\x04" else 28))[0]
            start = i + (30 if sig == b"PK\x03\x04" else 46)
            if bytes(data[start:start + nl]) == name:
                assert struct.unpack_from("<I", data, i + size_at)[0] == real
                struct.pack_into("<I", data, i + size_at, 100)
            i += 4
    open(path, "wb").write(bytes(data))


def many_rows(count, path):
    """N rows of township, village, shared-string status, number, date:
    the sheet part is written as a stream, never held whole."""
    towns = ["城关镇", "河口乡", "石桥乡", "田园镇"]
    status = ["已调解", "调解中", "已移交"]
    st = Strings()
    for t in towns + status + ["乡镇", "村", "状态", "人数", "日期"]:
        st(t)
    workbook(path, [("Sheet1", sheet([]))], sst=st.items, styles=STYLES)
    # the real sheet goes into a fresh package (zipfile cannot replace a part)
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()
                 if i.filename != "xl/worksheets/sheet1.xml"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", STAMP)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as f:
            f.write(('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet %s><sheetData>' % NS).encode())
            f.write(('<row r="1">%s%s%s%s%s</row>' % (s("A1", st("乡镇")), inline("B1", "村"), s("C1", st("状态")),
                                                     s("D1", st("人数")), s("E1", st("日期")))).encode())
            buf = []
            for r in range(2, count + 2):
                buf.append('<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>村%d</t></is></c>'
                           '<c r="C%d" t="s"><v>%d</v></c><c r="D%d"><v>%d</v></c><c r="E%d" s="1"><v>%d</v></c></row>'
                           % (r, r, r % 4, r, r % 124, r, 4 + r % 3, r, r % 50, r, 43831 + r % 366))
                if len(buf) == 10000:
                    f.write("".join(buf).encode())
                    buf = []
            f.write(("".join(buf) + "</sheetData></worksheet>").encode())


def col_name(c):
    name = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        name = chr(65 + r) + name
    return name


def ledger_from_csv(src, path):
    import csv
    with open(src, encoding="gb18030", newline="") as f:
        rows = list(csv.reader(f))
    width = max(len(r) for r in rows)
    st = Strings()
    out, merges = [], ["A1:%s1" % col_name(width - 1)]
    upper, lower = rows[1], rows[2]
    for c in range(width):
        if upper[c] and not lower[c]:
            merges.append("%s2:%s3" % (col_name(c), col_name(c)))
        elif upper[c]:
            end = c
            while end + 1 < width and not upper[end + 1] and lower[end + 1]:
                end += 1
            if end > c:
                merges.append("%s2:%s2" % (col_name(c), col_name(end)))
    for i, row in enumerate(rows, 1):
        cells = []
        for c, v in enumerate(row):
            ref = "%s%d" % (col_name(c), i)
            if not v:
                continue
            cells.append(n(ref, v) if v.isdigit() and len(v) < 10 else s(ref, st(v)))
        out.append((i, cells))
    notes = sheet([(1, [inline("A1", "本工作簿由 tests/data/workbooks/make.py 从 raw-titles.csv 生成（合成数据）。")])])
    workbook(path, [("平安创建", sheet(out, merges=merges)), ("说明", notes)], sst=st.items)


# ---- .xls: BIFF5 in an OLE2 compound file ----

def rec(kind, body):
    return struct.pack("<HH", kind, len(body)) + body


def biff5_label(row, col, xf, text):
    b = text.encode("gbk")
    return rec(0x0204, struct.pack("<HHHH", row, col, xf, len(b)) + b)


def biff5_number(row, col, xf, v):
    return rec(0x0203, struct.pack("<HHHd", row, col, xf, v))


def biff5_workbook(sheets):
    """SHEETS: [(name, [(row, col, kind, value, xf)])] -> the Book stream."""
    fmt = 'yyyy"年"m"月"d"日"'.encode("gbk")
    head = rec(0x0809, struct.pack("<HHHH", 0x0500, 0x0005, 0x0DBB, 0x07CC))
    head += rec(0x0042, struct.pack("<H", 936))               # CODEPAGE: GBK
    head += rec(0x0022, struct.pack("<H", 0))                 # DATEMODE: 1900
    font = struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 134, 0)
    name = "宋体".encode("gbk")
    for _ in range(5):
        head += rec(0x0031, font + bytes([len(name)]) + name)
    head += rec(0x041E, struct.pack("<HB", 164, len(fmt)) + fmt)
    xfs = [struct.pack("<HHH", 0, 0, 0xFFF5) + bytes(10)] * 15   # style XFs
    xfs += [struct.pack("<HHH", 0, fid, 0x0000) + bytes(10) for fid in (0, 14, 164)]
    for x in xfs:
        head += rec(0x00E0, x)
    bodies = []
    for _, cells in sheets:
        body = rec(0x0809, struct.pack("<HHHH", 0x0500, 0x0010, 0x0DBB, 0x07CC))
        rows = [c[0] for c in cells] or [0]
        cols = [c[1] for c in cells] or [0]
        body += rec(0x0200, struct.pack("<HHHHH", 0, max(rows) + 1, 0, max(cols) + 1, 0))
        for row, col, kind, value, xf in cells:
            body += biff5_label(row, col, 15 + xf, value) if kind == "s" else biff5_number(row, col, 15 + xf, value)
        body += rec(0x000A, b"")
        bodies.append(body)
    bound_len = sum(len(rec(0x0085, bytes(7 + len(n.encode("gbk"))))) for n, _ in sheets)
    pos = len(head) + bound_len + len(rec(0x000A, b""))
    bound = b""
    for (n, _), body in zip(sheets, bodies):
        nb = n.encode("gbk")
        bound += rec(0x0085, struct.pack("<IHB", pos, 0, len(nb)) + nb)
        pos += len(body)
    return head + bound + rec(0x000A, b"") + b"".join(bodies)


def u16str(text, width):
    """A BIFF8 Unicode string: its length in WIDTH bytes, then UTF-16LE."""
    return struct.pack("<" + ("B" if width == 1 else "H"), len(text)) + b"\x01" + text.encode("utf-16-le")


def biff8_workbook(sheets):
    """SHEETS: [(name, cells, merges)]; cells (row, col, kind, value, xf):
    kind s text, n number, b boolean, e error code; xf 0 General, 1 the
    built-in date format 14, 2 the zh-CN built-in 31 (yyyy"年"m"月"d"日");
    merges (r1, r2, c1, c2) from 0. Returns the Workbook stream."""
    head = rec(0x0809, struct.pack("<HHHH", 0x0600, 0x0005, 0x0DBB, 0x07CC))
    head += rec(0x0042, struct.pack("<H", 1200))              # CODEPAGE: UTF-16
    head += rec(0x0022, struct.pack("<H", 0))
    font = struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 134, 0)
    for _ in range(5):
        head += rec(0x0031, font + u16str("宋体", 1))
    xfs = [struct.pack("<HHH", 0, 0, 0xFFF5) + bytes(14)] * 15
    xfs += [struct.pack("<HHH", 0, fid, 0x0000) + bytes(14) for fid in (0, 14, 31)]
    for x in xfs:
        head += rec(0x00E0, x)
    bodies = []
    for _, cells, merges in sheets:
        body = rec(0x0809, struct.pack("<HHHH", 0x0600, 0x0010, 0x0DBB, 0x07CC))
        rows = [c[0] for c in cells] or [0]
        cols = [c[1] for c in cells] or [0]
        body += rec(0x0200, struct.pack("<IIHHH", 0, max(rows) + 1, 0, max(cols) + 1, 0))
        for row, col, kind, value, xf in cells:
            if kind == "s":
                body += rec(0x0204, struct.pack("<HHH", row, col, 15 + xf) + u16str(value, 2))
            elif kind == "n":
                body += rec(0x0203, struct.pack("<HHHd", row, col, 15 + xf, value))
            else:
                body += rec(0x0205, struct.pack("<HHHBB", row, col, 15 + xf, value, kind == "e"))
        if merges:
            body += rec(0x00E5, struct.pack("<H", len(merges)) + b"".join(struct.pack("<HHHH", *m) for m in merges))
        body += rec(0x000A, b"")
        bodies.append(body)
    bound_len = sum(len(rec(0x0085, bytes(6) + u16str(n, 1))) for n, _, _ in sheets)
    pos = len(head) + bound_len + len(rec(0x000A, b""))
    bound = b""
    for (n, _, _), body in zip(sheets, bodies):
        bound += rec(0x0085, struct.pack("<IH", pos, 0) + u16str(n, 1))
        pos += len(body)
    return head + bound + rec(0x000A, b"") + b"".join(bodies)


END, FREE, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def cfb_header(minifat_start, minifat_count):
    """A version 3 header: 512-byte sectors, one FAT sector (sector 0), the
    directory in sector 1."""
    header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, minifat_start, minifat_count, END, 0)
    return header + struct.pack("<I", 0) + struct.pack("<I", FREE) * 108


def cfb_directory(root_start, root_size, stream_name, start, size):
    """The directory sector: the root, the one stream, two unused entries."""
    def entry(name, kind, child, first, length):
        n = (name + "\0").encode("utf-16-le") if name else b""
        return (n + bytes(64 - len(n)) + struct.pack("<HBB", len(n), kind, 1)
                + struct.pack("<III", NOSTREAM, NOSTREAM, child) + bytes(16) + bytes(4)
                + bytes(16) + struct.pack("<III", first, length, 0))
    return (entry("Root Entry", 5, 1, root_start, root_size) + entry(stream_name, 2, NOSTREAM, start, size)
            + entry("", 0, NOSTREAM, 0, 0) * 2)


def table(entries):
    return struct.pack("<128I", *(entries + [FREE] * (128 - len(entries))))


def compound_file_mini(stream_name, data):
    """A compound file whose one stream, under 4096 bytes, lives in the
    mini stream (64-byte pieces) as Excel writes a small workbook."""
    assert len(data) < 4096
    mini = data + bytes(-len(data) % 64)
    container = mini + bytes(-len(mini) % 512)
    ncont = len(container) // 512
    minifat = [i + 1 for i in range(len(mini) // 64 - 1)] + [END]
    # sectors: 0 FAT, 1 directory, 2 mini FAT, 3.. the mini stream
    fat = [FATSECT, END, END] + [4 + i for i in range(ncont - 1)] + [END]
    return (cfb_header(2, 1) + table(fat) + cfb_directory(3, len(mini), stream_name, 0, len(data))
            + table(minifat) + container)


def compound_file(stream_name, data):
    """A compound file holding one stream (padded past the 4096 bytes below
    which a stream would go to the mini stream)."""
    if len(data) < 4096:
        data += bytes(4096 - len(data))
    data += bytes(-len(data) % 512)
    nsec = len(data) // 512
    assert nsec + 2 <= 128
    fat = [FATSECT, END] + [3 + i for i in range(nsec - 1)] + [END]
    return cfb_header(END, 0) + table(fat) + cfb_directory(END, 0, stream_name, 2, len(data)) + data


def gbk_xls():
    cells = [
        (0, 0, "s", "某县2019年矛盾纠纷台账", 0),
        (1, 0, "s", "乡镇", 0), (1, 1, "s", "村（社区）", 0), (1, 2, "s", "纠纷", 0),
        (1, 4, "s", "件数", 0),
        (2, 2, "s", "类型", 0), (2, 3, "s", "登记日期", 0),
        (3, 0, "s", "城关镇", 0), (3, 1, "s", "东街社区", 0), (3, 2, "s", "邻里纠纷", 0),
        (3, 3, "n", 43466.0, 1), (3, 4, "n", 3.0, 0),
        (4, 0, "s", "河口乡", 0), (4, 1, "s", "河口村", 0), (4, 2, "s", "婚姻家庭", 0),
        (4, 3, "n", 43467.0, 2), (4, 4, "n", 0.1, 0),
        # serial 60 in a date format: 1900-02-29, which FreeXL lets through
        (5, 0, "s", "河口乡", 0), (5, 1, "s", "北山村", 0), (5, 2, "s", "其他", 0),
        (5, 3, "n", 60.0, 1), (5, 4, "n", 1.0, 0),
    ]
    book = biff5_workbook([("纠纷台账", cells), ("说明", [(0, 0, "s", "本表由乡镇综治中心填报", 0)])])
    with open(os.path.join(HERE, "gbk.xls"), "wb") as f:
        f.write(compound_file("Book", book))
    # an Excel 97-2003 (BIFF8) workbook small enough for the mini stream:
    # merged ranges, booleans, an error, the zh-CN built-in date format
    cells = [
        (0, 0, "s", "乡镇", 0), (0, 1, "s", "村", 0), (0, 2, "s", "已化解", 0), (0, 3, "s", "登记日期", 0),
        (0, 4, "s", "比率", 0),
        (1, 0, "s", "城关镇", 0), (1, 1, "s", "东街社区", 0), (1, 2, "b", 1, 0), (1, 3, "n", 43895.0, 1),
        (1, 4, "n", 0.5, 0),
        (2, 1, "s", "西街社区", 0), (2, 2, "b", 0, 0), (2, 3, "n", 43896.0, 2), (2, 4, "e", 0x07, 0),
        (3, 1, "s", "南关村", 0), (3, 2, "b", 1, 0), (3, 3, "n", 43897.0, 1), (3, 4, "n", 1.0, 0),
        (4, 0, "s", "河口乡", 0), (4, 1, "s", "河口村", 0), (4, 2, "b", 0, 0), (4, 3, "n", 43898.0, 1),
        (4, 4, "n", 0.25, 0),
    ]
    with open(os.path.join(HERE, "merged.xls"), "wb") as f:
        f.write(compound_file_mini("Workbook", biff8_workbook([
            ("户数", cells, [(1, 3, 0, 0)]),
            ("日期", [(0, 0, "s", "日期", 0), (1, 0, "n", 43896.0, 2), (2, 0, "n", 60.0, 2)], [])])))
    with open(os.path.join(HERE, "notbiff.xls"), "wb") as f:
        f.write(compound_file("Book", b"\x00" * 64))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "bomb":
        zip_bomb(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "liar":
        liar(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "ledger":
        ledger_from_csv(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "rows":
        many_rows(int(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) == 1:
        ledger()
        book1904()
        hostile()
        gbk_xls()
    else:
        sys.exit(__doc__)
