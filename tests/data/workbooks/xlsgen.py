#!/usr/bin/python3
"""Workbooks written by a third party (xlwt), read back by another (xlrd),
for the .xls reader's tests. Needs Debian's python3-xlwt and python3-xlrd
(run it with /usr/bin/python3).

    xlsgen.py cases DIR        write the test workbooks into DIR
    xlsgen.py xlsx FILE        write formats.xls's sheet as an .xlsx
                               (xlsxwriter)
    xlsgen.py old DIR          write Excel 2.1 and 4.0 worksheets (BIFF2,
                               BIFF4) and a password-protected workbook
                               into DIR
    xlsgen.py xlrd FILE SHEET  print sheet SHEET (from 1) of FILE as xlrd
                               reads it, as CSV in ingest's conventions
                               (numbers to 15 significant digits, no
                               exponent; TRUE/FALSE; error texts; dates
                               as YYYY-MM-DD[ HH:MM:SS])
    xlsgen.py mutate FILE DIR [EVERY [TYPES]]
                               write mutations of FILE into DIR: for each
                               record of its workbook stream, its length
                               bytes set to 0, 1, len-1, len+1, 0xFF and
                               0xFFFF, and (every EVERY-th record, default
                               1; 0 for none) some body bytes set to 0x00,
                               0xFF, 0x80 (TYPES, hex numbers joined by
                               commas: only the first record of each);
                               prints how many
    xlsgen.py xfpast FILE OUT  write FILE with its first number cell (NUMBER
                               or RK) in a cell format (XF) just past the
                               workbook's XF table
    xlsgen.py sweep INGEST [--once] [--orig=DIR] FILE...
                               run ingest on each (also with --fill-merged
                               and --sheet 2 unless --once): each must end with
                               status 0, 1 or 3 and a message, in 30 s
                               (room for valgrind; the slowest is printed);
                               with DIR (the workbooks mutated), counts
                               status 0 runs with the original's output
                               and with another
    xlsgen.py compare INGEST DIR
                               for each workbook of `cases` and each
                               sheet, ingest's output against xlrd's:
                               prints "FILE[SHEET] same" or the diff

xlwt writes every formula with an empty string as its saved value (it
cannot calculate); Excel saves the formula's value with it, which is what
a reader must give. patch_formulas() sets the saved values (a number, a
string in a STRING record after the formula, a boolean, an error) as
Excel would have written them.
"""
import csv
import datetime
import decimal
import io
import os
import struct
import subprocess
import sys

import xlrd
import xlwt
from xlwt.CompoundDoc import XlsDoc

FORMULA, STRING, BOUNDSHEET, EOF, BOF = 0x0006, 0x0207, 0x0085, 0x000A, 0x0809


def records(stream):
    """The stream as a list of [type, body]; the zero padding after the
    last EOF is dropped."""
    out, pos = [], 0
    while pos + 4 <= len(stream):
        t, n = struct.unpack_from("<HH", stream, pos)
        if t == 0 and n == 0 and out and out[-1][0] == EOF:
            break
        out.append([t, bytearray(stream[pos + 4:pos + 4 + n])])
        pos += 4 + n
    return out


def join(recs):
    """Records back into a stream, each BOUNDSHEET pointing at its sheet's
    BOF (the substreams after the globals, in order)."""
    pos, offsets, depth, globals_done = 0, [], 0, False
    for t, body in recs:
        if t == BOF:
            if globals_done and depth == 0:
                offsets.append(pos)
            depth += 1
        elif t == EOF:
            depth -= 1
            if depth == 0:
                globals_done = True
        pos += 4 + len(body)
    k = 0
    for rec in recs:
        if rec[0] == BOUNDSHEET and k < len(offsets):
            rec[1][0:4] = struct.pack("<I", offsets[k])
            k += 1
    return b"".join(struct.pack("<HH", t, len(b)) + bytes(b) for t, b in recs)


def save(path, stream):
    XlsDoc().save(path, stream)


def ustring(s):
    """A BIFF8 XLUnicodeString (16-bit count)."""
    try:
        raw = s.encode("latin-1")
        return struct.pack("<HB", len(s), 0) + raw
    except UnicodeEncodeError:
        raw = s.encode("utf-16-le")
        return struct.pack("<HB", len(raw) // 2, 1) + raw


ERRORS = {"#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0F, "#REF!": 0x17,
          "#NAME?": 0x1D, "#NUM!": 0x24, "#N/A": 0x2A}


def patch_formulas(stream, values):
    """VALUES: {(sheet from 0, row, col): value} for formula cells: a
    float, a str, a bool or an error text from ERRORS."""
    recs, out, sheet, depth = records(stream), [], -1, 0
    for t, body in recs:
        if t == BOF:
            if depth == 0:
                sheet += 1
            depth += 1
        elif t == EOF:
            depth -= 1
        out.append([t, body])
        if t != FORMULA:
            continue
        row, col = struct.unpack_from("<HH", body, 0)
        key = (sheet - 1, row, col)
        if key not in values:
            continue
        v = values[key]
        if isinstance(v, bool):
            body[6:14] = bytes([1, 0, int(v), 0, 0, 0, 0xFF, 0xFF])
        elif isinstance(v, str) and v in ERRORS:
            body[6:14] = bytes([2, 0, ERRORS[v], 0, 0, 0, 0xFF, 0xFF])
        elif isinstance(v, str):
            body[6:14] = bytes([0, 0, 0, 0, 0, 0, 0xFF, 0xFF])
            out.append([STRING, bytearray(ustring(v))])
        else:
            body[6:14] = struct.pack("<d", v)
    return join(out)


# number formats and values, in a .xls (xlwt) and an .xlsx (xlsxwriter)
FORMATS = [("[h]:mm:ss", 1.25), ("[hh]:mm", 2.5), ("[h]:mm:ss", 59 / 86400), ("h:mm:ss", 59 / 86400),
           ("[mm]:ss", 0.5), ("yyyy-mm-dd hh:mm:ss", 43895.0), ("yyyy-mm-dd hh:mm:ss", 43895.5),
           ("yyyy-mm-dd", 43896), ('yyyy"年"m"月"d"日"', 43897), ("0.00%", 0.953), ("hh:mm", 0.75)]


def formats_xlsx(path):
    import xlsxwriter
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("格式")
    ws.write_string(0, 0, "格式")
    ws.write_string(0, 1, "值")
    for r, (fmt, v) in enumerate(FORMATS, 1):
        ws.write_string(r, 0, fmt)
        ws.write_number(r, 1, v, wb.add_format({"num_format": fmt}))
    wb.close()


def cases(d):
    os.makedirs(d, exist_ok=True)
    f = xlwt.Formula
    # formulas with the values Excel saved, next to plain cells
    wb = xlwt.Workbook()
    ws = wb.add_sheet("公式")
    for c, h in enumerate(["名称", "公式值", "常量"]):
        ws.write(0, c, h)
    rows = [("比率", f("1/5"), 0.2), ("大数", f("10^20"), 1e20), ("真", f("1=1"), True),
            ("除零", f("1/0"), "#DIV/0!"), ("七分之一", f("1/7"), 1 / 7),
            ("文本", f('"ABC"&"DEF"'), "ABCDEF"), ("中文", f('"合"&"计"'), "合计"),
            ("空", f('""'), ""), ("假", f("1=2"), False), ("缺", f("NA()"), "#N/A")]
    values = {}
    for r, (name, formula, value) in enumerate(rows, 1):
        ws.write(r, 0, name)
        ws.write(r, 1, formula)
        values[(0, r, 1)] = value
        if isinstance(value, bool):
            ws.write(r, 2, value)
        elif isinstance(value, str) and value in ERRORS:
            ws.row(r).set_cell_error(2, ERRORS[value])  # by code: xlwt lacks "#N/A"
        else:
            ws.write(r, 2, value)
    save(os.path.join(d, "formulas.xls"), patch_formulas(wb.get_biff_data(), values))

    # booleans, numbers, text; a merged boolean in A1
    wb = xlwt.Workbook()
    ws = wb.add_sheet("布尔")
    for c, h in enumerate(["村", "已化解", "件数"]):
        ws.write(0, c, h)
    for r, (v, b, n) in enumerate([("东村", True, 3), ("西村", False, 0.1), ("南村", True, -2.5),
                                   ("北村", False, 123456789012)], 1):
        ws.write(r, 0, v)
        ws.write(r, 1, b)
        ws.write(r, 2, n)
    ws = wb.add_sheet("合并")
    ws.write_merge(0, 1, 0, 0, True)
    ws.write(0, 1, "值")
    ws.write(1, 1, 1)
    ws.write(2, 0, "乙")
    ws.write(2, 1, False)
    wb.save(os.path.join(d, "booleans.xls"))

    # number formats: dates, times, elapsed times, the 1900 system
    wb = xlwt.Workbook()
    ws = wb.add_sheet("格式")
    ws.write(0, 0, "格式")
    ws.write(0, 1, "值")
    for r, (fmt, v) in enumerate(FORMATS, 1):
        ws.write(r, 0, fmt)
        ws.write(r, 1, v, xlwt.easyxf(num_format_str=fmt))
    wb.save(os.path.join(d, "formats.xls"))

    # four sheets, one hidden, names in Latin-1 and in Chinese
    wb = xlwt.Workbook()
    for i, name in enumerate(["Sheet1", "乡镇", "Données", "备注"]):
        ws = wb.add_sheet(name)
        ws.write(0, 0, "k")
        ws.write(0, 1, name)
        ws.write(1, 0, i + 1)
        ws.write(1, 1, "第%d页" % (i + 1))
        if i == 2:
            ws.sheet_visibility = 1
    wb.save(os.path.join(d, "sheets.xls"))
    # the same with a chart sheet listed between them: a BOUNDSHEET of
    # type 2 and its chart substream, which a reader skips
    recs = records(wb.get_biff_data())
    first = next(i for i, r in enumerate(recs) if r[0] == BOUNDSHEET)
    name = "图表"
    chart_bs = bytearray(struct.pack("<IBB", 0, 0, 2) + ustring(name)[0:1] + ustring(name)[2:])
    recs.insert(first + 1, [BOUNDSHEET, chart_bs])
    # its substream goes second too
    sheet_bofs = [i for i, r in enumerate(recs) if r[0] == BOF][1:]
    at = sheet_bofs[1]
    chart = [[BOF, bytearray(struct.pack("<HHHHII", 0x0600, 0x0020, 0x0DBB, 0x07CC, 0, 0x0106))],
             [EOF, bytearray()]]
    recs[at:at] = chart
    save(os.path.join(d, "chartsheet.xls"), join(recs))


def old(d):
    """Bare BIFF streams as Excel 2.1 and 4.0 saved a worksheet: a BOF,
    a cell, an EOF (no compound file)."""
    os.makedirs(d, exist_ok=True)
    rec = lambda t, body: struct.pack("<HH", t, len(body)) + body
    num = rec(0x0203, struct.pack("<HHHd", 0, 0, 0, 1.5))
    with open(os.path.join(d, "biff4.xls"), "wb") as f:
        f.write(rec(0x0409, struct.pack("<HHH", 0, 0x0010, 0)) + num + rec(EOF, b""))
    # a BIFF8 workbook with a FILEPASS record: its records are encrypted
    wb = xlwt.Workbook()
    wb.add_sheet("S").write(0, 0, "x")
    recs = records(wb.get_biff_data())
    recs.insert(1, [0x002F, bytearray(struct.pack("<HHH", 1, 1, 1) + bytes(48))])
    save(os.path.join(d, "password.xls"), join(recs))
    with open(os.path.join(d, "biff2.xls"), "wb") as f:
        f.write(rec(0x0009, struct.pack("<HH", 2, 0x0010)) +
                rec(0x0003, struct.pack("<HH3sd", 0, 0, b"\0\0\0", 1.5)) + rec(EOF, b""))


def number(v):
    s = "%.15g" % v
    d = decimal.Decimal(s)
    t = format(d, "f")
    if "." in t:
        t = t.rstrip("0").rstrip(".")
    return "0" if t in ("-0", "") else t


def xlrd_rows(path, sheet):
    book = xlrd.open_workbook(path, formatting_info=True)
    sh = book.sheet_by_index(sheet - 1)
    rows = []
    for r in range(sh.nrows):
        out = []
        for c in range(sh.ncols):
            cell = sh.cell(r, c)
            t = cell.ctype
            if t == xlrd.XL_CELL_BOOLEAN:
                out.append("TRUE" if cell.value else "FALSE")
            elif t == xlrd.XL_CELL_ERROR:
                out.append(xlrd.error_text_from_code[cell.value])
            elif t == xlrd.XL_CELL_NUMBER:
                out.append(number(cell.value))
            elif t == xlrd.XL_CELL_DATE:
                y, mo, da, h, mi, s = xlrd.xldate_as_tuple(cell.value, book.datemode)
                if (y, mo, da) == (0, 0, 0):
                    out.append("%02d:%02d:%02d" % (h, mi, s))
                elif (h, mi, s) == (0, 0, 0):
                    out.append("%04d-%02d-%02d" % (y, mo, da))
                else:
                    out.append("%04d-%02d-%02d %02d:%02d:%02d" % (y, mo, da, h, mi, s))
            else:
                out.append(str(cell.value))
        while out and out[-1] == "":
            out.pop()
        if out:
            rows.append(out)
    return rows


def as_csv(rows):
    if not rows:
        return ""
    width = len(rows[0])
    b = io.StringIO()
    w = csv.writer(b, lineterminator="\n")
    for r in rows:
        w.writerow(r + [""] * (width - len(r)))
    return b.getvalue()


def mutate(path, d, every=1, types=None):
    """Mutations of the workbook stream of PATH into D; their number.
    EVERY 0: lengths only. TYPES: only the first record of each type
    listed."""
    os.makedirs(d, exist_ok=True)
    stream = workbook_stream(path)
    base = os.path.splitext(os.path.basename(path))[0]
    count, pos, k, seen = 0, 0, 0, set()
    while pos + 4 <= len(stream):
        t, n = struct.unpack_from("<HH", stream, pos)
        if t == 0 and n == 0:
            break
        if types is not None and (t not in types or t in seen):
            pos += 4 + n
            k += 1
            continue
        seen.add(t)
        variants = [("len%04x" % v, pos + 2, struct.pack("<H", v))
                    for v in sorted({0, 1, max(n - 1, 0), n + 1, 0xFF, 0xFFFF, n ^ 0x8000})]
        if every and k % every == 0:
            for off in sorted({0, 1, 2, 3, 4, 6, n // 2, n - 1}):
                if 0 <= off < n:
                    for b in (0x00, 0xFF, 0x80):
                        variants.append(("b%d-%02x" % (off, b), pos + 4 + off, bytes([b])))
        for what, at, new in variants:
            m = bytearray(stream)
            m[at:at + len(new)] = new
            if bytes(m) == stream:
                continue
            save(os.path.join(d, "%s-%04d-%04x-%s.xls" % (base, k, t, what)), bytes(m))
            count += 1
        pos += 4 + n
        k += 1
    print(count)


def workbook_stream(path):
    from xlrd.compdoc import CompDoc
    data = open(path, "rb").read()
    doc = CompDoc(data, logfile=open(os.devnull, "w"))
    return bytes(doc.get_named_stream("Workbook") or doc.get_named_stream("Book"))


def xfpast(path, out):
    recs = records(workbook_stream(path))
    nxf = sum(1 for t, _ in recs if t == 0x00E0)
    cell = next(body for t, body in recs if t in (0x0203, 0x027E))
    cell[4:6] = struct.pack("<H", nxf)
    save(out, join(recs))


def sweep(ingest, files):
    """Run INGEST (and with --fill-merged, --sheet 2) on each file: every
    run must end with status 0, 1 or 3 (1 and 3 with a message), within
    30 s (room for valgrind). With --orig=DIR first, a mutation BASE-...
    is also compared with DIR/BASE.xls: status 0 with the same output, or
    with another. Prints the counts, and each run that failed."""
    import time
    orig, variants = None, ([], ["--fill-merged"], ["--sheet", "2"])
    if files and files[0] == "--once":
        variants, files = ([],), files[1:]
    if files and files[0].startswith("--orig="):
        orig, files = files[0][7:], files[1:]
    counts, bad, slowest, base_out = {}, 0, 0.0, {}

    def run(opts, f):
        try:
            p = subprocess.run([ingest] + opts + [f], capture_output=True, timeout=30)
            return p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired:
            return "timeout", b"", b""
    for f in files:
        for opts in variants:
            t0 = time.monotonic()
            rc, out, err = run(opts, f)
            slowest = max(slowest, time.monotonic() - t0)
            key = "status %s" % rc
            if rc == 0 and orig:
                base = os.path.join(orig, os.path.basename(f).split("-")[0] + ".xls")
                if (base, tuple(opts)) not in base_out:
                    base_out[(base, tuple(opts))] = run(opts, base)
                b = base_out[(base, tuple(opts))]
                key += ", same output" if b[0] == 0 and b[1] == out else ", other output"
            counts[key] = counts.get(key, 0) + 1
            if rc not in (0, 1, 3) or (rc != 0 and not err.startswith(b"ingest: ")):
                bad += 1
                print("BAD", f, opts, rc, err[:200])
    runs = sum(counts.values())
    print("%d files, %d runs: %s; %d failed; slowest %.2f s" % (
        len(files), runs, "; ".join("%s: %d" % kv for kv in sorted(counts.items())), bad, slowest))


def main():
    cmd = sys.argv[1]
    if cmd == "cases":
        cases(sys.argv[2])
    elif cmd == "xlsx":
        formats_xlsx(sys.argv[2])
    elif cmd == "old":
        old(sys.argv[2])
    elif cmd == "xlrd":
        sys.stdout.write(as_csv(xlrd_rows(sys.argv[2], int(sys.argv[3]))))
    elif cmd == "compare":
        ingest, d = sys.argv[2], sys.argv[3]
        for name in sorted(os.listdir(d)):
            if not name.endswith(".xls") or name == "formats.xls":   # xlrd has no elapsed times
                continue
            p = os.path.join(d, name)
            book = xlrd.open_workbook(p)
            for i in range(book.nsheets):
                want = as_csv(xlrd_rows(p, i + 1))
                got = subprocess.run([ingest, "--sheet", str(i + 1), p], capture_output=True, text=True)
                label = "%s[%s]" % (name, book.sheet_by_index(i).name)
                if got.stdout == want and got.returncode == 0:
                    print(label, "same")
                else:
                    print(label, "differs, status", got.returncode, got.stderr.strip())
                    for a, b in zip(want.splitlines(), got.stdout.splitlines()):
                        if a != b:
                            print("  xlrd:  ", a)
                            print("  ingest:", b)
    elif cmd == "mutate":
        mutate(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 1,
               {int(t, 16) for t in sys.argv[5].split(",")} if len(sys.argv) > 5 else None)
    elif cmd == "xfpast":
        xfpast(sys.argv[2], sys.argv[3])
    elif cmd == "sweep":
        sweep(sys.argv[2], sys.argv[3:])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
