#!/bin/sh
# Make the sample county again from gen-county.awk: the unit register
# (canonical UTF-8), the yearly indicator tables, and the raw ledgers as a
# county sends them (GB18030, title row, two-row header, notes). The files
# are committed; run this only after changing the generator.
set -eu
cd "$(dirname "$0")"
gen=../gen-county.awk
awk -v what=units -f $gen > units.csv
for y in 2019 2020; do awk -v what=yearly -v year=$y -f $gen > yearly-$y.csv; done
for t in disputes incidents petitions titles households survey; do
	awk -v what=$t -f $gen | iconv -f UTF-8 -t GB18030 > raw-$t.csv
done
# the year before, for the year-on-year check
for t in disputes incidents petitions; do
	awk -v what=$t -v year=2019 -f $gen | iconv -f UTF-8 -t GB18030 > raw-$t-2019.csv
done
# the safe-village titles again as the Excel workbook a township sends
# (merged title and header cells): the demo reads both and compares
python3 ../../../tests/data/workbooks/make.py ledger raw-titles.csv raw-titles.xlsx
