#!/usr/bin/env python3
"""make bench: write the ledger CSV on stdin as an .xlsx with openpyxl
(python3-openpyxl, the library in2csv itself reads with), as a township
would send it: numbers as numbers, dates as date cells.

Usage: python3 tests/mkxlsx.py OUT.xlsx < ledger.csv
"""
import csv
import datetime
import sys

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

wb = Workbook(write_only=True)
ws = wb.create_sheet("台账")
rows = csv.reader(sys.stdin)
ws.append(next(rows))
for row in rows:
    out = []
    for v in row:
        if v.isdigit():
            out.append(int(v))
        elif len(v) == 10 and v[4] == "-" and v[7] == "-":
            c = WriteOnlyCell(ws, value=datetime.date(int(v[:4]), int(v[5:7]), int(v[8:])))
            c.number_format = "yyyy-mm-dd"
            out.append(c)
        else:
            out.append(v)
    ws.append(out)
wb.save(sys.argv[1])
