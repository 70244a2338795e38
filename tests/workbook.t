# ingest(1) on Excel workbooks: .xlsx and .xls read directly.
# The fixtures in tests/data/workbooks are made by make.py beside them.
# Format: see tests/run.sh.

### the first sheet by default; title row, two-row header with merged cells, lineage, rejects
$ cp "$DATA/workbooks/ledger.xlsx" .; ingest --skip 1 --header-rows 2 --lineage -r rej.csv ledger.xlsx; echo "status $?"; cat rej.csv
>>>
乡镇,村（社区）,纠纷/类型,纠纷/登记日期,调处/状态,调处/金额（元）,_file,_line
城关镇,东街社区,邻里纠纷,2020-03-05,已调解,0.1,ledger.xlsx[纠纷台账],4
城关镇,西街社区,婚姻家庭,2020-03-06,调解中,123456789012,ledger.xlsx[纠纷台账],5
,南关村,土地权属,2020-03-07,已调解,0.3,ledger.xlsx[纠纷台账],6
河口乡,河口村,劳动争议,2020-03-08,已调解,1234.5,ledger.xlsx[纠纷台账],8
合计,,,,,123456790245.4,ledger.xlsx[纠纷台账],10
status 1
乡镇,村（社区）,纠纷/类型,纠纷/登记日期,调处/状态,调处/金额（元）,_file,_line,_error,_raw
河口乡,北山村,其他,60,已调解,-2.5,ledger.xlsx[纠纷台账],9,"cell D9: serial 60 is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug)",
>>>2
ingest: 6 rows read, 5 written, 1 rejected

### without rejects the bad date is named on stderr with its sheet and row
$ cp "$DATA/workbooks/ledger.xlsx" .; ingest --skip 1 --header-rows 2 --footer 合计 ledger.xlsx
>>>
乡镇,村（社区）,纠纷/类型,纠纷/登记日期,调处/状态,调处/金额（元）
城关镇,东街社区,邻里纠纷,2020-03-05,已调解,0.1
城关镇,西街社区,婚姻家庭,2020-03-06,调解中,123456789012
,南关村,土地权属,2020-03-07,已调解,0.3
河口乡,河口村,劳动争议,2020-03-08,已调解,1234.5
>>>2
ingest: ledger.xlsx[纠纷台账]:9: cell D9: serial 60 is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug)
ingest: 6 rows read, 4 written, 1 rejected, 1 dropped
>>>= 1

### a map works as for CSV: layout, names, codes, dates; --fill-merged repeats 城关镇 down A5:A6
$ cp "$DATA/workbooks/ledger.xlsx" .; printf '%s\n' '{"skip": 1, "header_rows": 2, "footer": ["合计"],' ' "fields": {"乡镇": "township", "村（社区）": "village", "纠纷/类型": "kind",' '            "纠纷/登记日期": "date", "调处/状态": "status", "调处/金额（元）": "amount"},' ' "values": {"status": {"已调解": "resolved", "调解中": "in_mediation"}},' ' "dates": {"date": {}}, "numbers": ["amount"]}' > map.json; ingest -m map.json --fill-merged -v ledger.xlsx
>>>
township,village,kind,date,status,amount
城关镇,东街社区,邻里纠纷,2020-03-05,resolved,0.1
城关镇,西街社区,婚姻家庭,2020-03-06,in_mediation,123456789012
城关镇,南关村,土地权属,2020-03-07,resolved,0.3
河口乡,河口村,劳动争议,2020-03-08,resolved,1234.5
>>>2
ingest: ledger.xlsx[纠纷台账]:9: cell D9: serial 60 is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug)
ingest: 6 rows read, 4 written, 1 rejected, 1 dropped
ingest: 0 empty rows skipped, 1 footer rows left out
>>>= 1

### values as a person sees them: numbers without float noise, booleans, errors, formulas, dates and times
$ cp "$DATA/workbooks/ledger.xlsx" .; ingest --sheet 数字 ledger.xlsx | tr '\r' '^'
>>>
名称,值,说明
零点一,0.1,stays 0.1
浮点噪声,0.3,Excel shows 0.3
整数,123456789012,whole
十六位,1234567890123460000,15 digits
小数,0.0000001,no exponent
写作3.0,3,3
百分比,0.953,"the value, not 95%"
布尔真,TRUE,TRUE
布尔假,FALSE,FALSE
错误,#DIV/0!,as shown
日期时间,2020-03-05 12:00:00,noon
时间,18:00:00,18:00
年月,2020-03-05,month format
转义,"甲^乙",a CR
ISO日期,2020-03-05,t=d
午夜,2020-03-05,the date alone
空字符串,,formula giving empty text
>>>2
ingest: ledger.xlsx[数字]:19: cell B19: a formula with no value saved (the workbook was written by a program and never calculated: open and save it in Excel or WPS)
ingest: 18 rows read, 17 written, 1 rejected

### a 合计 row the map's drop_rows names is dropped, and counted so, also when its totals are formulas with no value saved (openpyxl writes none); a data row with such a cell is still rejected
$ printf '%s\n' 'import sys' 'from openpyxl import Workbook' 'wb = Workbook(); ws = wb.active; ws.title = "汇总"' 'ws.append(["2024年矛盾纠纷统计表"]); ws.merge_cells("A1:C1")' 'ws.append(["乡镇", "件数", "金额"])' 'ws.append(["田园镇", 3, 1.5]); ws.append(["石桥乡", 2, "=1/0"])' 'ws.append(["合计", "=SUM(B3:B4)", "=SUM(C3:C4)"])' 'ws.append(["制表人：张三"])' 'wb.save(sys.argv[1])' > mk.py; /usr/bin/python3 mk.py t.xlsx; printf '{"skip": 1, "drop_rows": {"乡镇": ["合计"]}, "footer": ["制表人"]}' > m.json; ingest -m m.json -v -r rej.csv --manifest m.jsonl t.xlsx; echo "status $?"; cut -d, -f1,4 rej.csv; grep -o '"counts":{[^}]*}' m.jsonl
>>>
乡镇,件数,金额
田园镇,3,1.5
status 1
乡镇,_line
石桥乡,4
"counts":{"read":4,"written":1,"rejected":1,"dropped":2}
>>>2
ingest: 4 rows read, 1 written, 1 rejected, 2 dropped
ingest: 0 empty rows skipped, 1 footer rows left out, 1 rows dropped by the map's drop_rows

### --sheet by number; merged data cells stay in their first cell unless --fill-merged
$ ingest --sheet 4 "$DATA/workbooks/ledger.xlsx"; ingest --sheet 4 --fill-merged "$DATA/workbooks/ledger.xlsx"
>>>
乡镇,村,户数
城关镇,东街社区,120
,西街社区,98
,南关村,77
河口乡,河口村,64
乡镇,村,户数
城关镇,东街社区,120
城关镇,西街社区,98
城关镇,南关村,77
河口乡,河口村,64

### --list-sheets, in workbook order; with several files each line names its file
$ cd "$DATA/workbooks"; ingest --list-sheets ledger.xlsx; ingest --list-sheets gbk.xls date1904.xlsx
>>>
纠纷台账
数字
空表
户数
gbk.xls	纠纷台账
gbk.xls	说明
date1904.xlsx	Sheet1

### --list-sheets on a text file is an error
$ ingest --list-sheets "$DATA/units.csv" 2>&1 | sed "s|$DATA/||"
>>>
ingest: units.csv: not a workbook (.xlsx or .xls): it has no sheets

### a sheet that is not there names those that are
$ cd "$DATA/workbooks"; ingest --sheet 汇总 ledger.xlsx
>>>2
ingest: ledger.xlsx: no sheet '汇总'; the workbook has '纠纷台账', '数字', '空表', '户数'
>>>= 3

### an empty sheet has no header
$ cd "$DATA/workbooks"; ingest --sheet 空表 ledger.xlsx
>>>2
ingest: ledger.xlsx[空表]: empty input: no header
>>>= 3

### the 1904 date system
$ ingest "$DATA/workbooks/date1904.xlsx"
>>>
日期,说明
1904-01-01,1904-01-01
2020-03-05,2020-03-05

### detected by content, not by name; also on standard input
$ cp "$DATA/workbooks/ledger.xlsx" ledger.csv; ingest --sheet 4 ledger.csv | head -2; ingest --sheet 4 < ledger.csv | tail -1
>>>
乡镇,村,户数
城关镇,东街社区,120
河口乡,河口村,64

### -i xlsx forces the format; -i csv reads the bytes as text
$ cd "$DATA"; ingest -i xlsx units.csv; ingest -i csv workbooks/ledger.xlsx
>>>2
ingest: units.csv: not a readable workbook: zip archive: Not a zip archive
ingest: workbooks/ledger.xlsx:1: NUL byte in input (not a text file?)
>>>= 3

### --sheet and --fill-merged apply to workbooks only
$ printf 'a\n1\n' | ingest --sheet 2; echo $?; printf 'a\n1\n' | ingest --fill-merged; echo $?
>>>
3
3
>>>2
ingest: -: not a workbook (.xlsx or .xls), so --sheet cannot apply
ingest: -: not a workbook (.xlsx or .xls), so --fill-merged cannot apply

### workbooks are read, never written
$ ingest -o xlsx
>>>2
ingest: --output-format: unknown format 'xlsx' (csv, tsv, json or jsonl; json and jsonl are JSON lines)
Try 'ingest --help' for more information.
>>>= 2

### the manifest hashes the workbook's bytes, from a file and from a pipe
$ cp "$DATA/workbooks/ledger.xlsx" l.xlsx; ingest --sheet 4 --manifest m.jsonl l.xlsx > /dev/null; ingest --sheet 4 --manifest m.jsonl < l.xlsx > /dev/null; h=$(sha256sum < l.xlsx | cut -c1-64); b=$(wc -c < l.xlsx); grep -c "\"name\":\"l.xlsx\[户数\]\",\"sha256\":\"$h\",\"bytes\":$b,\"rows\":4" m.jsonl; grep -c "\"name\":\"-\[户数\]\",\"sha256\":\"$h\",\"bytes\":$b,\"rows\":4" m.jsonl
>>>
1
1

### several workbooks make one stream when their headers agree
$ cp "$DATA/workbooks/ledger.xlsx" a.xlsx; cp a.xlsx b.xlsx; ingest --sheet 户数 --lineage a.xlsx b.xlsx
>>>
乡镇,村,户数,_file,_line
城关镇,东街社区,120,a.xlsx[户数],2
,西街社区,98,a.xlsx[户数],3
,南关村,77,a.xlsx[户数],4
河口乡,河口村,64,a.xlsx[户数],5
城关镇,东街社区,120,b.xlsx[户数],2
,西街社区,98,b.xlsx[户数],3
,南关村,77,b.xlsx[户数],4
河口乡,河口村,64,b.xlsx[户数],5

### a GBK-era .xls (BIFF5, code page 936): title row, two-row header, dates by format, the phantom 1900-02-29 rejected
$ cp "$DATA/workbooks/gbk.xls" .; ingest --skip 1 --header-rows 2 --lineage -r rej.csv gbk.xls; echo "status $?"; cat rej.csv; ingest --sheet 说明 gbk.xls; ingest --skip 1 --header-rows 2 < gbk.xls 2>/dev/null | tail -1
>>>
乡镇,村（社区）,纠纷/类型,纠纷/登记日期,件数,_file,_line
城关镇,东街社区,邻里纠纷,2019-01-01,3,gbk.xls[纠纷台账],4
河口乡,河口村,婚姻家庭,2019-01-02,0.1,gbk.xls[纠纷台账],5
status 1
乡镇,村（社区）,纠纷/类型,纠纷/登记日期,件数,_file,_line,_error,_raw
河口乡,北山村,其他,60,1,gbk.xls[纠纷台账],6,"cell D6: serial 60 is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug)",
本表由乡镇综治中心填报
河口乡,河口村,婚姻家庭,2019-01-02,0.1
>>>2
ingest: 3 rows read, 2 written, 1 rejected

### an Excel 97-2003 .xls (BIFF8, in the mini stream): booleans and errors as shown, merged cells, the zh-CN built-in date format
$ cp "$DATA/workbooks/merged.xls" .; ingest merged.xls; ingest --fill-merged merged.xls | cut -d, -f1 | tr '\n' ' '; echo; ingest --sheet 日期 merged.xls
>>>
乡镇,村,已化解,登记日期,比率
城关镇,东街社区,TRUE,2020-03-05,0.5
,西街社区,FALSE,2020-03-06,#DIV/0!
,南关村,TRUE,2020-03-07,1
河口乡,河口村,FALSE,2020-03-08,0.25
乡镇 城关镇 城关镇 城关镇 河口乡 
日期
2020-03-06
>>>2
ingest: merged.xls[日期]:3: cell A3: serial 60 is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug)
ingest: 2 rows read, 1 written, 1 rejected
>>>= 1

### .xls written by xlwt (a third party) read as xlrd (another) reads them: formulas' saved values, booleans, a merged boolean in A1, four sheets, a chart sheet between them
$ /usr/bin/python3 "$DATA/workbooks/xlsgen.py" cases c; /usr/bin/python3 "$DATA/workbooks/xlsgen.py" compare "$(command -v ingest)" c
>>>
booleans.xls[布尔] same
booleans.xls[合并] same
chartsheet.xls[Sheet1] same
chartsheet.xls[乡镇] same
chartsheet.xls[Données] same
chartsheet.xls[备注] same
formulas.xls[公式] same
sheets.xls[Sheet1] same
sheets.xls[乡镇] same
sheets.xls[Données] same
sheets.xls[备注] same

### a .xls formula gives the value saved with it: number, string (its STRING record), boolean, error
$ /usr/bin/python3 "$DATA/workbooks/xlsgen.py" cases c; ingest c/formulas.xls
>>>
名称,公式值,常量
比率,0.2,0.2
大数,100000000000000000000,100000000000000000000
真,TRUE,TRUE
除零,#DIV/0!,#DIV/0!
七分之一,0.142857142857143,0.142857142857143
文本,ABCDEF,ABCDEF
中文,合计,合计
空,,
假,FALSE,FALSE
缺,#N/A,#N/A

### .xls booleans, and a sheet whose A1 is a merged boolean
$ /usr/bin/python3 "$DATA/workbooks/xlsgen.py" cases c; ingest c/booleans.xls; ingest --sheet 2 --fill-merged c/booleans.xls
>>>
村,已化解,件数
东村,TRUE,3
西村,FALSE,0.1
南村,TRUE,-2.5
北村,FALSE,123456789012
TRUE,值
,1
乙,FALSE

### .xls and .xlsx show number formats alike: elapsed times keep whole days, a date-time at midnight is the date
$ /usr/bin/python3 "$DATA/workbooks/xlsgen.py" cases c; /usr/bin/python3 "$DATA/workbooks/xlsgen.py" xlsx f.xlsx; ingest c/formats.xls; ingest f.xlsx > x.csv; ingest c/formats.xls | diff - x.csv && echo same
>>>
格式,值
[h]:mm:ss,30:00:00
[hh]:mm,60:00:00
[h]:mm:ss,00:00:59
h:mm:ss,00:00:59
[mm]:ss,12:00:00
yyyy-mm-dd hh:mm:ss,2020-03-05
yyyy-mm-dd hh:mm:ss,2020-03-05 12:00:00
yyyy-mm-dd,2020-03-06
"yyyy""年""m""月""d""日""",2020-03-07
0.00%,0.953
hh:mm,18:00:00
same

### a .xls of four sheets (names in Latin-1 and Chinese, one hidden), and one with a chart sheet listed between them
$ /usr/bin/python3 "$DATA/workbooks/xlsgen.py" cases c; ingest --list-sheets c/sheets.xls c/chartsheet.xls; ingest --sheet 4 c/sheets.xls; ingest --sheet Données c/chartsheet.xls
>>>
c/sheets.xls	Sheet1
c/sheets.xls	乡镇
c/sheets.xls	Données
c/sheets.xls	备注
c/chartsheet.xls	Sheet1
c/chartsheet.xls	乡镇
c/chartsheet.xls	Données
c/chartsheet.xls	备注
k,备注
4,第4页
k,Données
3,第3页

### Excel 2.x-4.0 worksheets (bare BIFF2 and BIFF4 streams) are named and refused; so are a password-protected .xls and a text file read as one
$ /usr/bin/python3 "$DATA/workbooks/xlsgen.py" old o; ingest o/biff4.xls; echo $?; ingest -r r.csv < o/biff2.xls; echo $?; ingest o/password.xls; echo $?; cd "$DATA"; ingest -i xls units.csv; echo $?
>>>
3
3
3
3
>>>2
ingest: o/biff4.xls: not a readable .xls workbook: Excel 4.0 (BIFF4), older than the Excel 5.0 to 2003 files read here: open it in Excel, WPS or LibreOffice and save it as .xlsx
ingest: -: not a readable .xls workbook: Excel 2.x (BIFF2), older than the Excel 5.0 to 2003 files read here: open it in Excel, WPS or LibreOffice and save it as .xlsx
ingest: o/password.xls: not a readable .xls workbook: the workbook is protected by a password
ingest: units.csv: not a readable .xls workbook: neither an OLE2 compound file nor a BIFF record stream
### .xls files that crashed FreeXL (one length byte changed: FOOTER, VERTICALPAGEBREAKS, BOTTOMMARGIN, LABEL): status 3 and a message
$ cd "$DATA/workbooks"; for f in freexl-footer.xls freexl-vpagebreaks.xls freexl-margin.xls freexl-label.xls; do ingest $f > /dev/null; echo "$f $?"; done
>>>
freexl-footer.xls 3
freexl-vpagebreaks.xls 3
freexl-margin.xls 3
freexl-label.xls 3
>>>2
ingest: freexl-footer.xls: sheet '公式': the workbook's records are corrupt: a DIMENSIONS record has the wrong length (offset 1199)
ingest: freexl-vpagebreaks.xls: sheet '布尔': the workbook's records are corrupt: the sheet's records run into the next sheet (offset 1153)
ingest: freexl-margin.xls: sheet 'Sheet1': the workbook's records are corrupt: the sheet's records run into the next sheet (offset 1289)
ingest: freexl-label.xls: sheet '纠纷台账': the workbook's records are corrupt: a LABEL record's length does not match its text (offset 660)

### a damaged .xls sheet of booleans is an error with or without --fill-merged: never its cells as 1 and 0 with no message
$ /usr/bin/python3 "$DATA/workbooks/xlsgen.py" cases c; /usr/bin/python3 "$DATA/workbooks/xlsgen.py" mutate c/booleans.xls m 0 0205 >/dev/null; for f in m/*-len0007.xls m/*-lenffff.xls; do ingest $f; echo "status $?"; ingest --fill-merged $f; echo "status $?"; done
>>>
status 3
status 3
status 3
status 3
>>>2
ingest: m/booleans-0090-0205-len0007.xls: sheet '布尔': the workbook's records are corrupt: a BOOLERR record is not 8 bytes long (offset 1394)
ingest: m/booleans-0090-0205-len0007.xls: sheet '布尔': the workbook's records are corrupt: a BOOLERR record is not 8 bytes long (offset 1394)
ingest: m/booleans-0090-0205-lenffff.xls: sheet '布尔': a record at offset 1394 runs past the end of the workbook stream
ingest: m/booleans-0090-0205-lenffff.xls: sheet '布尔': a record at offset 1394 runs past the end of the workbook stream

### a .xls number cell in a cell format (XF) the workbook does not have is an error: without its format a duration or a date would pass as a plain number
$ /usr/bin/python3 "$DATA/workbooks/xlsgen.py" cases c; /usr/bin/python3 "$DATA/workbooks/xlsgen.py" xfpast c/formats.xls x.xls; ingest x.xls; echo "status $?"; ingest --fill-merged x.xls; echo "status $?"
>>>
status 3
status 3
>>>2
ingest: x.xls: sheet '格式': cell B2 refers to cell format (XF) 29, but the workbook has 29
ingest: x.xls: sheet '格式': cell B2 refers to cell format (XF) 29, but the workbook has 29

### mutated xlwt workbooks: each length of the first HEADER, FOOTER, VERTICALPAGEBREAKS, SST, BOUNDSHEET, LABELSST, FORMULA, STRING, BOF, XF, FORMAT set to 0, 1, n-1, n+1, 255, 65535, n^0x8000: status 0 or 3, a message, in bounded time
$ /usr/bin/python3 "$DATA/workbooks/xlsgen.py" cases c; /usr/bin/python3 "$DATA/workbooks/xlsgen.py" mutate c/formulas.xls m 0 0014,0015,001a,00fc,0085,00fd,0006,0207,0809,00e0,041e; /usr/bin/python3 "$DATA/workbooks/xlsgen.py" sweep "$(command -v ingest)" --once --orig=c m/*.xls | sed 's/; slowest.*//'
>>>
76
76 files, 76 runs: status 0, other output: 1; status 3: 75; 0 failed

### broken and hostile workbooks: a clear error and status 3
$ cd "$DATA/workbooks"; for f in truncated.xlsx nosst.xlsx xmlbomb.xlsx outoforder.xlsx notbiff.xls binary.xlsb opendoc.ods deep.xlsx; do ingest $f > /dev/null; echo "$f $?"; done
>>>
truncated.xlsx 3
nosst.xlsx 3
xmlbomb.xlsx 3
outoforder.xlsx 3
notbiff.xls 3
binary.xlsb 3
opendoc.ods 3
deep.xlsx 3
>>>2
ingest: truncated.xlsx: not a readable workbook: zip archive: Not a zip archive
ingest: nosst.xlsx[Sheet1]:1: xl/worksheets/sheet1.xml: cell A1 refers to shared string 0, but the workbook has no shared strings part
ingest: xmlbomb.xlsx[Sheet1]: xl/worksheets/sheet1.xml: the XML declares a DTD, which a workbook never needs (refused: its entities could expand without bound)
ingest: outoforder.xlsx[Sheet1]:2: xl/worksheets/sheet1.xml: row '1' is out of order or past row 1048576
ingest: notbiff.xls: not a readable .xls workbook: the workbook stream does not start with a BOF record
ingest: binary.xlsb: a binary .xlsb workbook, which is not read: save it as .xlsx
ingest: opendoc.ods: not an .xlsx workbook: the zip archive has no xl/workbook.xml
ingest: deep.xlsx[Sheet1]:1: xl/worksheets/sheet1.xml: the XML nests elements more than 256 deep

### zip bombs: by ratio, and by a part that inflates past its declared size
$ python3 "$DATA/workbooks/make.py" bomb bomb.xlsx; python3 "$DATA/workbooks/make.py" liar liar.xlsx; ingest bomb.xlsx; echo $?; ingest liar.xlsx; echo $?
>>>
3
3
>>>2
ingest: bomb.xlsx: xl/worksheets/sheet1.xml: inflates 81774 bytes to 83886387 (more than 200 times: refused as a zip bomb)
ingest: liar.xlsx[Sheet1]: xl/worksheets/sheet1.xml: inflates to more than the 100 bytes its zip entry declares (refused as a zip bomb)

### the other tools read a workbook's first sheet through the same reader
$ cp "$DATA/workbooks/date1904.xlsx" d.xlsx; tally -g 日期 -a 'n=count()' d.xlsx; rank -k 日期 d.xlsx
>>>
日期,n
1904-01-01,1
2020-03-05,1
日期,说明,rank
2020-03-05,2020-03-05,1
1904-01-01,1904-01-01,2
