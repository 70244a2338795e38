#!/usr/bin/python3
"""Describe an .xlsx workbook cell by cell, for report(1)'s golden tests.

Usage: xlsx_check.py FILE.xlsx

Prints the first sheet's print set-up (paper, orientation, fit, margins,
print titles, freeze panes, merged ranges), then one line per non-empty
cell: coordinate, type (s text, n number), the value as Python repr, the
number format and "bold" for bold cells."""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
ps = ws.page_setup
print("sheets", len(wb.worksheets))
print("paper", ps.paperSize, ps.orientation)
print("fit", ws.sheet_properties.pageSetUpPr.fitToPage, ps.fitToWidth, ps.fitToHeight)
print("print titles", ws.print_title_rows)
print("print area", ",".join(ws.print_area) if ws.print_area else None)
print("freeze", ws.freeze_panes)
print("merged", " ".join(sorted(str(r) for r in ws.merged_cells.ranges)))
print("footer", ws.oddFooter.center.text)
print("created", wb.properties.created)
for row in ws.iter_rows():
    for c in row:
        if c.value is None:
            continue
        print(c.coordinate, c.data_type, repr(c.value), c.number_format,
              "bold" if c.font.b else "-")
