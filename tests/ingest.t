# ingest(1): raw ledgers in, canonical UTF-8 records out.
# Format: see tests/run.sh.

### --help prints usage on stdout
$ ingest --help | head -1
>>>
Usage: ingest [OPTION]... [FILE]...

### --version
$ ingest --version
>>>
ingest (govstat) 0.1.0

### an unknown option is a usage error
$ ingest --bogus
>>>2
ingest: unrecognized option '--bogus'
Try 'ingest --help' for more information.
>>>= 2

### a header that does not fit the map and has none of its columns, or has U+FFFD or private-use characters, gets one line more, first when none of its columns is there: the encoding may be wrong (-e); a header that misses only some columns gets none
$ printf '乡镇,村居,件数,金额\n田园镇,桃源村,3,1.5\n' | iconv -f utf-8 -t gbk > g.csv; printf '{"fields": {"乡镇": "township", "村居": "village", "件数": "n", "金额": "amount"}}' > m.json; ingest -e big5 -m m.json g.csv; echo "status $?"; ingest -m m.json g.csv; printf '\357\277\275\357\277\275,村居,件数,金额\n' > r.csv; ingest -m m.json r.csv; printf '乡\356\200\200镇,村居,件数,金额\n' > p.csv; ingest -m m.json p.csv; printf '乡镇,村,件数,金额\n' > u.csv; ingest -m m.json u.csv; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 ingest -e big5 -m m.json g.csv 2>&1 | head -1
>>>
status 3
township,village,n,amount
田园镇,桃源村,3,1.5
ingest: g.csv:1: 表头没有映射中的任何一列：编码可能不对（-e big5）；请用 -e 给出文件的编码（GBK 和 GB2312 用 -e gb18030）
>>>2
ingest: g.csv:1: the header has none of the map's columns: the encoding may be wrong (-e big5); give the file's with -e (-e gb18030 for GBK and GB2312)
ingest: g.csv:1: no column '乡镇', which the map m.json renames
ingest: g.csv:1: no column '村居', which the map m.json renames
ingest: g.csv:1: no column '件数', which the map m.json renames
ingest: g.csv:1: no column '金额', which the map m.json renames
ingest: r.csv:1: no column '乡镇', which the map m.json renames
ingest: r.csv:1: the header has characters no ledger's has (U+FFFD, control or private use): the encoding may be wrong (-e auto); give the file's with -e (-e gb18030 for GBK and GB2312)
ingest: p.csv:1: no column '乡镇', which the map m.json renames
ingest: p.csv:1: the header has characters no ledger's has (U+FFFD, control or private use): the encoding may be wrong (-e auto); give the file's with -e (-e gb18030 for GBK and GB2312)
ingest: u.csv:1: no column '村居', which the map m.json renames

### an unknown format is a usage error, naming every format the option takes
$ ingest -i xml; ingest -o xml; echo "status $?"
>>>
status 2
>>>2
ingest: --input-format: unknown format 'xml' (csv, tsv, json, jsonl, xlsx or xls; json and jsonl are JSON lines, xlsx and xls workbooks)
Try 'ingest --help' for more information.
ingest: --output-format: unknown format 'xml' (csv, tsv, json or jsonl; json and jsonl are JSON lines)
Try 'ingest --help' for more information.

### an unknown encoding is a usage error
$ ingest -e klingon
>>>2
ingest: --encoding: unknown encoding 'klingon'
Try 'ingest --help' for more information.
>>>= 2

### --header-rows out of range
$ ingest --header-rows 0
>>>2
ingest: --header-rows: give a number from 1 to 16
Try 'ingest --help' for more information.
>>>= 2

### CSV passes through; quotes only where needed, doubled inside
<<<
name,note
"田园镇","plain"
石桥乡,"has, comma"
x,"say ""hi"""
>>>
name,note
田园镇,plain
石桥乡,"has, comma"
x,"say ""hi"""

### spaces inside unquoted fields are kept
<<<
a,b
 x , y
>>>
a,b
 x , y

### CRLF, lone CR, blank lines and a missing final newline
$ printf 'a,b\r\n1,2\r\n\r\n3,4\r5,6\n\n7,8' | ingest --lineage
>>>
a,b,_file,_line
1,2,-,2
3,4,-,4
5,6,-,5
7,8,-,7

### a quoted field with line breaks does not shift later line numbers
$ printf 'a,b\n1,"one\ntwo\r\nthree"\n2\n3,x\n' | ingest --lineage > o; echo "status $?"; tr -d '\r' < o
>>>
status 1
a,b,_file,_line
1,"one
two
three",-,2
3,x,-,6
>>>2
ingest: -:5: row has 1 fields, the header has 2
ingest: 3 rows read, 2 written, 1 rejected

### a CRLF split across input chunks counts once (256 KiB boundary)
$ awk 'BEGIN { printf "a,b\r\n"; for (i = 0; i < 30000; i++) printf "%06d,xxxxx\r\n", i }' | ingest --lineage | tail -1
>>>
029999,xxxxx,-,30001

### rows whose cells are all empty are skipped, as spreadsheets leave them
<<<
a,b
1,2
,
 , 
3,4
>>>
a,b
1,2
3,4

### -v reports the counts and what was skipped
$ ingest -v
<<<
a,b
1,2
,
>>>
a,b
1,2
>>>2
ingest: 2 rows read, 1 written, 0 rejected, 1 dropped
ingest: 1 empty rows skipped, 0 footer rows left out

### -v with a map's drop_rows: the breakdown names the rows the map dropped too, so its parts add up to the dropped count; under zh_CN in Chinese
$ printf '{"drop_rows": {"g": ["合计"]}, "footer": ["制表人"]}' > m.json; printf 'g,n\nx,1\n,\n合计,1\ny,2\n小计,2\n合计,3\n制表人：张三,\n' > in.csv; ingest -v -m m.json in.csv; printf '{"drop_rows": {"g": ["合计"]}}' > d.json; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 ingest -v -m d.json in.csv > /dev/null
>>>
g,n
x,1
y,2
小计,2
>>>2
ingest: 7 rows read, 3 written, 0 rejected, 4 dropped
ingest: 1 empty rows skipped, 1 footer rows left out, 2 rows dropped by the map's drop_rows
ingest: 读入 7 行，写出 4 行，拒收 0 行，丢弃 3 行
ingest: 跳过空行 1 行，略去表尾行 0 行，按映射的 drop_rows 丢弃 2 行

### a stray quote rejects that row and reading goes on
$ printf 'a,b\n1,x"y\n2,"z"w\n3,ok\n' | ingest
>>>
a,b
3,ok
>>>2
ingest: -:2: misplaced quote (a quote inside an unquoted field, or text after a closing quote)
ingest: -:3: misplaced quote (a quote inside an unquoted field, or text after a closing quote)
ingest: 3 rows read, 1 written, 2 rejected
>>>= 1

### a quote left open at the end of input
$ printf 'a,b\n1,2\n3,"open\nmore\n' | ingest
>>>
a,b
1,2
>>>2
ingest: -:3: quoted field not closed: the record from line 3 runs to the end of input (2 lines)
ingest: 2 rows read, 1 written, 1 rejected
>>>= 1

### a field of several megabytes passes whole
$ awk 'BEGIN { printf "a,b\n1,\""; for (i = 0; i < 100000; i++) printf "田园镇,村居 \"\"x\"\" %05d\n", i; print "\"" }' > big.csv; ingest big.csv | cmp - big.csv && echo identical; wc -c < big.csv
>>>
identical
2900009

### an empty file has no header
$ : > empty.csv; ingest empty.csv
>>>2
ingest: empty.csv: empty input: no header
>>>= 3

### a header-only file gives the header and no rows
<<<
a,b
>>>
a,b

### header names are trimmed of ASCII and ideographic spaces
<<<
 乡镇　,　村居 
x,y
>>>
乡镇,村居
x,y

### an empty header name is an error naming the column
<<<
a,,c
1,2,3
>>>2
ingest: -:1: header: column 2 has an empty name
>>>= 3

### a repeated header name is an error naming both columns
<<<
a,b,a
1,2,3
>>>2
ingest: -:1: header: column 3 repeats the name 'a' of column 1
>>>= 3

### --skip drops title lines
$ ingest --skip 2
<<<
2020年3月 田园镇矛盾纠纷排查情况表,,
填报单位：田园镇,,
a,b,c
1,2,3
>>>
a,b,c
1,2,3

### --header-rows 2 joins merged header cells (the issue's example)
$ ingest --header-rows 2
<<<
类别,层级,
,村居,乡镇
婚姻家庭,3,1
>>>
类别,层级/村居,层级/乡镇
婚姻家庭,3,1

### --header-rows 3 with a merged cell spanning two levels
$ ingest --header-rows 3 -o json
<<<
单位,排查,,,
,纠纷,,人数,
,总数,已化解,,男
田园镇,10,9,25,14
>>>
{"单位":"田园镇","排查/纠纷/总数":"10","排查/纠纷/已化解":"9","排查/人数":"25","排查/人数/男":"14"}

### --footer ends the data at the notes
$ ingest --skip 1 --footer 备注 --footer 制表人 -v
<<<
2020年3月 矛盾纠纷排查表,,
乡镇,村居,件数
田园镇,桃源村,3
石桥乡,石桥社区,0
,,
备注：本表由各乡镇填报,,
制表人：张三,审核人：李四,
>>>
乡镇,村居,件数
田园镇,桃源村,3
石桥乡,石桥社区,0
>>>2
ingest: 5 rows read, 2 written, 0 rejected, 3 dropped
ingest: 1 empty rows skipped, 2 footer rows left out

### a data row after a misplaced footer line: named, and the footer rows and it count as read and dropped, in the summary and the manifest
$ printf '乡镇,件数\n甲,1\n乙,2\n制表人：张三,\n审核人：李四,\n,\n丙,3\n' > late.csv; printf '{"footer": ["制表人", "审核人"], "fields": {"乡镇": "town", "件数": "n"}}' > map.json; ingest -m map.json --manifest m.jsonl -v late.csv; grep -o '"counts":{[^}]*}' m.jsonl
>>>
town,n
甲,1
乙,2
"counts":{"read":6,"written":2,"rejected":0,"dropped":4}
>>>2
ingest: late.csv:7: 1 rows after the footer line 4 are not footer text: left out with the footer
ingest: 6 rows read, 2 written, 0 rejected, 4 dropped
ingest: 0 empty rows skipped, 4 footer rows left out

### footer text after the footer line is no warning; the counts add up without -v too
$ printf 'g,n\nx,1\n备注：演示,\n制表人：王某,\n' | ingest --footer 备注 --footer 制表人 --manifest m.jsonl; grep -o '"counts":{[^}]*}' m.jsonl
>>>
g,n
x,1
"counts":{"read":3,"written":1,"rejected":0,"dropped":2}

### UTF-8 with a byte-order mark: the BOM never reaches the header
$ printf '\357\273\277名称,数\n田园镇,1\n' | ingest
>>>
名称,数
田园镇,1

### GB18030 is detected when the bytes are not UTF-8
$ printf '名称,数\n田园镇,1\n石桥乡,2\n' | iconv -f UTF-8 -t GB18030 | ingest
>>>
名称,数
田园镇,1
石桥乡,2

### GB18030 detected after an ASCII-only start
$ printf 'code,name\n1,x\n2,田园镇\n' | iconv -f UTF-8 -t GB18030 | ingest -o json
>>>
{"code":"1","name":"x"}
{"code":"2","name":"田园镇"}

### GB18030 named explicitly, with characters outside GBK
$ printf 'a\n𠀀镕\n' | iconv -f UTF-8 -t GB18030 | ingest -e gb18030
>>>
a
𠀀镕

### UTF-16LE with BOM (Excel "Unicode text"), tab-separated, to CSV
$ printf '乡镇\t件数\n田园镇\t"3\t4"\n' | iconv -f UTF-8 -t UTF-16LE | { printf '\377\376'; cat; } | ingest -i tsv -o csv
>>>
乡镇,件数
田园镇,3	4

### UTF-16BE with BOM
$ printf '乡镇,件数\n田园镇,3\n' | iconv -f UTF-8 -t UTF-16BE | { printf '\376\377'; cat; } | ingest
>>>
乡镇,件数
田园镇,3

### UTF-16LE named explicitly, without a BOM
$ printf 'a,b\n田,2\n' | iconv -f UTF-8 -t UTF-16LE | ingest -e UTF-16LE
>>>
a,b
田,2

### invalid UTF-8 after UTF-8 text names the line (status 3)
$ printf '名称,数\n田园镇,1\n\377,2\n' | ingest
>>>
名称,数
田园镇,1
>>>2
ingest: -:3: invalid UTF-8 byte 0xFF (in another encoding? ingest -e NAME reads it, e.g. -e gb18030)
>>>= 3

### bytes invalid in GB18030 name the line
$ { printf 'a,b\n'; printf '田,1\n' | iconv -t GB18030; printf '\377,x\n4,5\n'; } | ingest
>>>
a,b
田,1
>>>2
ingest: -:3: bytes not valid in GB18030 (ingest -e NAME reads it in its encoding)
>>>= 3

### a UTF-8 sequence truncated at the end of input
$ printf 'a\n田\n\347\224' | ingest
>>>
a
田
>>>2
ingest: -:3: truncated UTF-8 sequence at end of input
>>>= 3

### invalid UTF-8 at the 256 KiB read boundary is still found on its line
$ awk 'BEGIN { print "a"; print "田"; for (i = 0; i < 30000; i++) printf "%08d\n", i; printf "\377\n" }' | ingest | tail -1
>>>
00029999
>>>2
ingest: -:30003: invalid UTF-8 byte 0xFF (in another encoding? ingest -e NAME reads it, e.g. -e gb18030)

### a multi-byte character split by the 256 KiB read boundary
$ awk 'BEGIN { print "a"; for (i = 0; i < 100000; i++) print "田园镇" }' | ingest | sort | uniq -c | sed 's/^ *//'
>>>
1 a
100000 田园镇

### a NUL byte is an error on its line
$ printf 'a\nx\n\0\n' | ingest
>>>
a
x
>>>2
ingest: -:3: NUL byte in input (not a text file?)
>>>= 3

### a file that does not exist, and a directory, are status 3; others are read
$ mkdir d; printf 'a\n1\n' > ok.csv; ingest nope.csv d ok.csv
>>>
a
1
>>>2
ingest: nope.csv: cannot open: No such file or directory
ingest: d: read error: Is a directory
>>>= 3

### several files are one stream; --lineage names each row's file and line
$ printf 'a,b\n1,2\n' > one.csv; printf 'a,b\n\n3,4\n' > two.csv; ingest --lineage one.csv two.csv
>>>
a,b,_file,_line
1,2,one.csv,2
3,4,two.csv,3

### a file whose header differs is reported and left out
$ printf 'a,b\n1,2\n' > one.csv; printf 'a,c\n3,4\n' > two.csv; printf 'a,b\n5,6\n' > three.csv; ingest one.csv two.csv three.csv
>>>
a,b
1,2
5,6
>>>2
ingest: two.csv:1: header differs from the first file's: column 2 is 'c', expected 'b'
>>>= 3

### standard input named as -
$ printf 'a\n1\n' > f.csv; printf 'a\n2\n' | ingest f.csv -
>>>
a
1
2

### JSON lines: the first object's keys are the columns; exact numbers
<<<
{"乡镇": "田园镇", "件数": 3, "比率": 0.10, "大数": 123456789012345678901234, "ok": true, "note": null}
{"件数": 1e3, "乡镇": "石桥乡"}
>>>
{"乡镇":"田园镇","件数":"3","比率":"0.10","大数":"123456789012345678901234","ok":"true","note":""}
{"乡镇":"石桥乡","件数":"1e3","比率":"","大数":"","ok":"","note":""}

### JSON lines: extra key, nested value and invalid JSON are rejected with the line
$ ingest -o csv
<<<
{"a": "1", "b": "x"}

{"a": "2", "c": "y"}
{"a": {"x": 1}, "b": "z"}
{"a": "3", "b": [1, 2]}
{"a": "4", "b": }
{"a": "5", "a": "6"}
{"a": "7", "b": "\u7530\n\"q\""}
>>>
a,b
1,x
7,"田
""q"""
>>>2
ingest: -:3: key 'c' is not a column (the first record has no such key)
ingest: -:4: nested value in field 'a' (records must be flat)
ingest: -:5: nested value in field 'b' (records must be flat)
ingest: -:6: invalid JSON value
ingest: -:7: key 'a' appears twice
ingest: 7 rows read, 2 written, 5 rejected
>>>= 1

### a line of deeply nested brackets is rejected, not recursed into
$ awk 'BEGIN { print "{\"a\":1}"; printf "{\"a\":"; for (i = 0; i < 100000; i++) printf "["; print "" }' | ingest
>>>
{"a":"1"}
>>>2
ingest: -:2: nested value in field 'a' (records must be flat)
ingest: 2 rows read, 1 written, 1 rejected
>>>= 1

### JSON output escapes what JSON needs and keeps UTF-8
$ printf 'k,v\n"tab\there","a\\b ""q"" 田"\n' | ingest -o json
>>>
{"k":"tab\there","v":"a\\b \"q\" 田"}

### TSV output quotes like Excel does
$ printf 'a,b\n"x\ty",z\n' | ingest -o tsv
>>>
a	b
"x	y"	z

### --trim trims every value
$ ingest --trim
<<<
a,b
 x ,　田　
>>>
a,b
x,田

### the map renames, drops, recodes and normalises
$ cp "$DATA"/ledger.csv "$DATA"/disputes-map.json .; ingest -m disputes-map.json ledger.csv
>>>
township,village,date_found,status,people,date_closed
田园镇,桃源村,2020-03-05,resolved,2,2020-03-05
田园镇,桃源村,2020-03-06,in_mediation,12,
田园镇,李家村,2020-03-07,resolved,1234,2020-03-09
石桥乡,石桥社区,2020-03-08,resolved,3,2020-03-10
>>>2
ingest: ledger.csv:6: field 'status': '不知道': not in the map's values
ingest: ledger.csv:7: field 'date_found': '2020年2月30日': no such date; field 'people': 'abc': not a number
ingest: 6 rows read, 4 written, 2 rejected
>>>= 1

### rejects go to -r with _line and _error; read = written + rejected
$ cp "$DATA"/ledger.csv "$DATA"/disputes-map.json .; ingest -m disputes-map.json -r rej.csv ledger.csv > out.csv; echo "status $?"; cat rej.csv; echo "written $(($(wc -l < out.csv) - 1)) rejected $(($(wc -l < rej.csv) - 1))"
>>>
status 1
township,village,date_found,status,people,date_closed,_line,_error,_raw
石桥乡,石桥社区,2020-03-09,不知道,3,,6,field 'status': '不知道': not in the map's values,
石桥乡,石桥社区,2020年2月30日,resolved,abc,,7,field 'date_found': '2020年2月30日': no such date; field 'people': 'abc': not a number,
written 4 rejected 2
>>>2
ingest: 6 rows read, 4 written, 2 rejected

### rejects in JSON when the output is JSON; with --lineage no second _line
$ printf 'a,b\n1,2\n3\n' | ingest --lineage -o json -r rej.json; cat rej.json
>>>
{"a":"1","b":"2","_file":"-","_line":"2"}
{"a":"3","b":"","_file":"-","_line":"3","_error":"row has 1 fields, the header has 2","_raw":"3"}
>>>2
ingest: 2 rows read, 1 written, 1 rejected

### --bom: the output and the rejects file begin with the UTF-8 byte-order mark, then the bytes they have without it; plain ingest reads the rejects back
$ printf 'code,name\n1,田园镇\n2,石桥乡,x\n' > in.csv; ingest -r plain.csv in.csv > plain.out 2>/dev/null; ingest --bom -r rej.csv in.csv > out.csv; head -c 7 out.csv | od -An -tx1; head -c 7 rej.csv | od -An -tx1; tail -c +4 out.csv | cmp - plain.out && tail -c +4 rej.csv | cmp - plain.csv && echo "the same bytes after the mark"; ingest rej.csv | cmp - plain.csv && echo "read back"; ingest -o tsv --bom in.csv 2>/dev/null | od -An -c | head -1
>>>
 ef bb bf 63 6f 64 65
 ef bb bf 63 6f 64 65
the same bytes after the mark
read back
 357 273 277   c   o   d   e  \t   n   a   m   e  \n   1  \t 347
>>>2
ingest: 2 rows read, 1 written, 1 rejected

### --output-encoding gb18030: the output and the rejects file in GB18030 (田园镇 is cc ef d4 b0 d5 f2, 石桥乡 ca af c7 c5 cf e7); ingest -e gb18030 reads the rejects back, and so does ingest's detection; neither begins with a mark
$ printf 'code,name\n1,田园镇\n2,石桥乡,x\n' > in.csv; ingest -r plain.csv in.csv > plain.out 2>/dev/null; ingest --output-encoding gb18030 -r rej.csv in.csv > out.csv; sed -n 2p out.csv | od -An -tx1; sed -n 2p rej.csv | head -c 8 | od -An -tx1; iconv -f gb18030 -t utf-8 out.csv | cmp - plain.out && echo "the output round trip"; ingest -e gb18030 rej.csv | cmp - plain.csv && echo "ingest -e gb18030 reads the rejects"; ingest rej.csv | cmp - plain.csv && echo "so does plain ingest"; head -c 4 out.csv | od -An -tx1; head -c 4 rej.csv | od -An -tx1
>>>
 31 2c cc ef d4 b0 d5 f2 0a
 32 2c ca af c7 c5 cf e7
the output round trip
ingest -e gb18030 reads the rejects
so does plain ingest
 63 6f 64 65
 63 6f 64 65
>>>2
ingest: 2 rows read, 1 written, 1 rejected

### -e names the input's encoding, --output-encoding the output's: a GB18030 ledger comes out as its own bytes
$ printf 'code,name\n1,田园镇\n' | iconv -f utf-8 -t gb18030 > g.csv; ingest -e gb18030 --output-encoding gb18030 g.csv | cmp - g.csv && echo same; ingest -e gb18030 g.csv | sed -n 2p
>>>
same
1,田园镇

### --bom and --output-encoding go with CSV and TSV: JSON output is refused, before anything is written also when it is the input's; an encoding iconv does not know; a character the encoding cannot hold stops the tool, naming the rejects file when it is there
$ printf 'a\n1\n' > in.csv; ingest -o json --bom in.csv; echo "status $?"; printf '{"a":1}\n' | ingest --output-encoding gb18030 -r rej.json; echo "status $?"; test -e rej.json || echo "no rejects file"; ingest --output-encoding nope in.csv; echo "status $?"; printf 'a\n😀\n' | ingest --output-encoding gbk; echo "status $?"; printf 'a\n1\n😀,2\n' | ingest --output-encoding gbk -r rej.csv; echo "status $?"
>>>
status 2
status 2
no rejects file
status 2
status 3
a
1
status 3
>>>2
ingest: --bom and --output-encoding go with -o csv or tsv
Try 'ingest --help' for more information.
ingest: --bom and --output-encoding go with -o csv or tsv
Try 'ingest --help' for more information.
ingest: --output-encoding: iconv knows no encoding 'nope'
Try 'ingest --help' for more information.
ingest: output: '😀' cannot be written in gbk
ingest: 2 rows read, 1 written, 1 rejected
ingest: rej.csv: '😀' cannot be written in gbk

### under zh_CN the refusal is Chinese, and the GB18030 output and rejects file are the same bytes as under C
$ printf 'code,name\n1,田园镇\n2,石桥乡,x\n' > in.csv; ingest --output-encoding gb18030 -r c.csv in.csv > c.out 2>/dev/null; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 ingest --output-encoding gb18030 -r z.csv in.csv > z.out 2>/dev/null; cmp c.out z.out && cmp c.csv z.csv && echo same; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 ingest -o json --output-encoding gb18030 in.csv
>>>
same
>>>2
ingest: --bom 和 --output-encoding 只与 -o csv 或 tsv 一起用
请用“ingest --help”查看更多信息。
>>>= 2

### --manifest: the output's and the rejects file's SHA-256 are those of the bytes written, mark and encoding included
$ printf 'code,name\n1,田园镇\n2,石桥乡,x\n' > in.csv; ingest --manifest m.jsonl --bom --output-encoding utf-16le -r rej.csv in.csv > out.csv 2>/dev/null; for f in out.csv rej.csv; do grep -c "\"sha256\":\"$(sha256sum $f | cut -c1-64)\",\"bytes\":$(wc -c < $f)," m.jsonl; done; grep -o '"role":"[a-z]*","name":"[^"]*"' m.jsonl
>>>
1
1
"role":"input","name":"in.csv"
"role":"output","name":"-"
"role":"rejects","name":"rej.csv"

### a default code with "*"; an empty value stays empty
$ printf '{"values": {"s": {"已化解": "resolved", "*": "other"}}}' > m.json; ingest -m m.json
<<<
s
已化解
　已化解　
调解中

>>>
s
resolved
resolved
other

### the map's layout: skip, header_rows, footer, encoding
$ printf '{"skip": 1, "header_rows": 2, "footer": ["备注"], "encoding": "gb18030", "fields": {"层级/村居": "village_level"}}' > m.json; printf '标题,,\n类别,层级,\n,村居,乡镇\n婚姻,1,2\n备注,,\n' | iconv -t GB18030 | ingest -m m.json
>>>
类别,village_level,层级/乡镇
婚姻,1,2

### Excel serial dates in the 1904 system, and the 1900 system's phantom day
$ printf '{"dates": {"d": {"excel": 1904}}, "_note": "Mac Excel"}' > m4.json; printf '{"dates": {"d": {"excel": 1900}}}' > m0.json; printf 'd\n42433\n' | ingest -m m4.json; printf 'd\n60\n61\n' | ingest -m m0.json
>>>
d
2020-03-05
d
1900-03-01
>>>2
ingest: -:2: field 'd': '60': Excel serial 60 is 1900-02-29, a day that did not exist
ingest: 2 rows read, 1 written, 1 rejected
>>>= 1

### without "excel" a bare number is not a date
$ printf '{"dates": ["d"]}' > m.json; printf 'd\n43895\n' | ingest -m m.json
>>>
d
>>>2
ingest: -:2: field 'd': '43895': a bare number is not a date (the map can allow Excel serial numbers)
ingest: 1 rows read, 0 written, 1 rejected
>>>= 1

### numbers: full-width digits, grouping commas, percent, exponent
$ printf '{"numbers": ["n"]}' > m.json; ingest -m m.json
<<<
n
１２３
"1,234,567"
97.5%
１００％
1.23E+11
-0.50
"12,34"
>>>
n
123
1234567
0.975
1.00
123000000000
-0.50
>>>2
ingest: -:8: field 'n': '12,34': grouping commas must separate groups of three digits
ingest: 7 rows read, 6 written, 1 rejected
>>>= 1

### a map that is not JSON names its line (status 2)
$ printf '{\n  "fields": {\n    "a": "b",\n  }\n}\n' > bad.json; ingest -m bad.json < /dev/null
>>>2
ingest: bad.json:4: the map is not valid JSON
>>>= 2

### a map with an unknown key is refused, not half-applied
$ printf '{"feilds": {"a": "b"}}' > bad.json; ingest -m bad.json < /dev/null
>>>2
ingest: bad.json: unknown key 'feilds'
>>>= 2

### a map whose rule has the wrong kind of value
$ printf '{"values": {"s": ["a"]}}' > bad.json; ingest -m bad.json < /dev/null
>>>2
ingest: bad.json: values: must be an object of raw value -> code: 's'
>>>= 2

### two kinds of rule for one field
$ printf '{"dates": ["x"], "numbers": ["x"]}' > bad.json; ingest -m bad.json < /dev/null
>>>2
ingest: bad.json: more than one of values, dates, datetimes and numbers for 'x'
>>>= 2

### a map file that does not exist
$ ingest -m nope.json < /dev/null
>>>2
ingest: nope.json: cannot open map: No such file or directory
>>>= 2

### a map naming a column the ledger lacks is an unusable header
$ printf '{"fields": {"乡镇": "township"}, "numbers": ["people"]}' > m.json; printf 'a\n1\n' | ingest -m m.json
>>>2
ingest: -:1: no column '乡镇', which the map m.json renames
ingest: -:1: no column 'people', which the map m.json has rules for
>>>= 3

### a map that would give two columns one name
$ printf '{"fields": {"a": "x", "b": "x"}}' > m.json; printf 'a,b\n1,2\n' | ingest -m m.json
>>>2
ingest: -:1: columns 'a' (column 1) and 'b' (column 2) are both renamed to 'x' by the map m.json: a file may have only one of them
>>>= 3

### a column renamed onto another column's own name
$ printf '{"fields": {"a": "b"}}' > m.json; printf 'a,b\n1,2\n' | ingest -m m.json
>>>2
ingest: -:1: two columns would be named 'b' (columns 1 and 2)
>>>= 3

### a full disk is a write error, status 3
$ printf 'a\n1\n' | ingest > /dev/full
>>>2
ingest: write error: No space left on device
>>>= 3

### a full disk with a map that drops rows: the reason, and no summary claiming rows written
$ printf '{"drop_rows": {"g": ["合计"]}}' > m.json; printf 'g,n\nx,1\n合计,1\n' | ingest -m m.json > /dev/full
>>>2
ingest: write error: No space left on device
>>>= 3

### a full disk with -v: the reason, and no summary
$ printf 'g,n\nx,1\n' | ingest -v > /dev/full
>>>2
ingest: write error: No space left on device
>>>= 3

### --help to a full disk fails too
$ ingest --help > /dev/full
>>>2
ingest: write error: No space left on device
>>>= 3

### a closed pipe ends ingest quietly (SIGPIPE at its default)
$ awk 'BEGIN { print "a,b"; for (i = 0; i < 200000; i++) print i ",x" }' | ingest | head -1
>>>
a,b

### an unwritable rejects file is status 3
$ printf 'a\n1\n' | ingest -r /nonexistent/dir/rej.csv
>>>2
ingest: /nonexistent/dir/rej.csv: cannot write rejects: No such file or directory
>>>= 3

### a repeated key in the first JSON object is an unusable header (found by fuzzing)
$ printf '{"a": 1, "a": 2, "b": "x"}\n{"a": 3}\n' | ingest
>>>2
ingest: -:1: header: key 'a' appears twice
>>>= 3
