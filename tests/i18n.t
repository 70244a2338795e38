# Messages, --help and the scripts in Chinese under a zh_CN locale (GNU
# gettext, domain govstat, po/zh_CN.po); English under C and English
# locales. The build makes zh_CN.UTF-8 and en_US.UTF-8 in build/locales
# (LOCPATH), so the cases do not depend on the locales of the system.

### the catalogue is complete: every message translated, none fuzzy, and the format of each checked
$ cd "$TOP"; msgfmt -c --statistics -o /dev/null po/zh_CN.po 2>&1 | sed 's/^[0-9]* translated/N translated/'; msgattrib --untranslated --no-obsolete po/zh_CN.po | grep '^msgid' | wc -l; msgattrib --only-fuzzy --no-obsolete po/zh_CN.po | grep '^msgid' | wc -l
>>>
N translated messages.
0
0

### the catalogue is up to date with the sources: the same messages as the template made from them
$ cd "$TOP"; make -s build/po/govstat.pot; msgcmp po/zh_CN.po build/po/govstat.pot && echo "every message of the sources is in po/zh_CN.po"; msgcmp --use-untranslated build/po/govstat.pot po/zh_CN.po && echo "po/zh_CN.po has no message the sources lost"
>>>
every message of the sources is in po/zh_CN.po
po/zh_CN.po has no message the sources lost

### --help of every tool is Chinese under zh_CN.UTF-8: the usage line, and every option described in Chinese
$ for g in "$TOP"/src/*.ggo; do t=$(basename "$g" .ggo); LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 "$t" --help > h; s=$?; head -1 h | grep -q "^用法: $t " || echo "$t: no Chinese usage line"; grep -qx '选项:' h || echo "$t: no 选项:"; grep -E '^  +-' h | grep -Pv '[\x{4e00}-\x{9fff}]' | sed "s/^/$t: English: /"; echo "$t $s"; done
>>>
ingest 0
rank 0
report 0
tally 0
validate 0

### the Chinese --help keeps the layout: no line wider than 80 columns, continuation lines indented
$ for g in "$TOP"/src/*.ggo; do t=$(basename "$g" .ggo); LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 "$t" --help | python3 -c 'import sys, unicodedata as u; [print(sys.argv[1], w) for w in (sum(2 if u.east_asian_width(c) in "WF" else 1 for c in l.rstrip("\n")) for l in sys.stdin) if w > 80]' "$t"; done; echo checked
>>>
checked

### C, C.UTF-8 and en_US.UTF-8 stay English byte for byte: --help and messages
$ for g in "$TOP"/src/*.ggo; do t=$(basename "$g" .ggo); LC_ALL=C "$t" --help > c; LOCPATH="$TOP/build/locales" LC_ALL=en_US.UTF-8 "$t" --help > e; "$t" --help > u; cmp c e && cmp c u && head -1 c; done; for l in C en_US.UTF-8; do LOCPATH="$TOP/build/locales" LC_ALL=$l tally -a 'n=count()' /no/such.csv; LOCPATH="$TOP/build/locales" LC_ALL=$l tally --period decade -d date -a 'n=count()' < /dev/null; done
>>>
Usage: ingest [OPTION]... [FILE]...
Usage: rank [OPTION]... [FILE]...
Usage: report [OPTION]... [FILE]...
Usage: tally [OPTION]... [FILE]...
Usage: validate -s SCHEMA [OPTION]... [FILE]...
>>>2
tally: /no/such.csv: cannot open: No such file or directory
tally: --period: 'decade' is not day, week, month, quarter or year
Try 'tally --help' for more information.
tally: /no/such.csv: cannot open: No such file or directory
tally: --period: 'decade' is not day, week, month, quarter or year
Try 'tally --help' for more information.
>>>= 2

### a missing file in Chinese, the prefix TOOL: FILE: kept, the status unchanged
$ LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 tally -a 'n=count()' /no/such.csv
>>>2
tally: /no/such.csv: 无法打开：没有那个文件或目录
>>>= 3

### LC_MESSAGES alone picks the language too, and a bad option value is Chinese with the hint
$ LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 rank -k rate -m fastest "$DATA/townships.csv"; echo "status $?"; LOCPATH="$TOP/build/locales" LC_ALL= LC_MESSAGES=zh_CN.UTF-8 report -f pdf "$DATA/indicators.csv"
>>>
status 2
>>>2
rank: --method：“fastest”不是 competition、dense、ordinal 或 average
请用“rank --help”查看更多信息。
report: --format：“pdf”不是 text、markdown、html、json、csv、tsv 或 xlsx
请用“report --help”查看更多信息。
>>>= 2

### rejected rows: each at TOOL: FILE:LINE: in Chinese, the summary line too; the rejects file keeps its English reasons
$ printf 'township,n\n田园镇,1\n石桥乡\n' > in.csv; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 ingest -v in.csv; echo "status $?"; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 ingest -r rj.csv in.csv > /dev/null; cat rj.csv
>>>
township,n
田园镇,1
status 1
township,n,_line,_error,_raw
石桥乡,,3,"row has 1 fields, the header has 2",石桥乡
>>>2
ingest: in.csv:3: 该行有 1 个字段，表头有 2 个
ingest: 读入 2 行，写出 1 行，拒收 1 行
ingest: 读入 2 行，写出 1 行，拒收 1 行

### a bad JSON line is rejected in Chinese
$ printf '{"a": "1"}\n[1]\n{"a": "2"} x\n' | LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 ingest -i json
>>>
{"a":"1"}
>>>2
ingest: -:2: 不是 JSON 对象
ingest: -:3: JSON 对象后面还有文字
ingest: 读入 3 行，写出 1 行，拒收 2 行
>>>= 1

### a schema error in Chinese, at the schema's name
$ printf '{"fields": [{"name": "a", "type": "whole"}]}' > s.json; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 validate -s s.json < /dev/null
>>>2
validate: s.json: 字段“a”：不支持的类型“whole”
>>>= 2

### the streams for machines are the same bytes under zh_CN.UTF-8 and C (tally, rank, report's CSV and JSON); every output, the reports for people too, is the same with a decimal comma (de_DE) for numbers and sorting: numbers, sorting and rounding do not follow the language
$ for l in C zh_CN.UTF-8 de_DE.UTF-8; do export LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8; [ $l = C ] && LC_ALL=C; [ $l = de_DE.UTF-8 ] && export LC_ALL= LANG=zh_CN.UTF-8 LC_NUMERIC=$l LC_COLLATE=$l; { tally -g township -a 'n=count()' -a 'p=sum(people)' -a 'm=mean(people)' -a 'r=ratio(count(status=="resolved"),count())' --rollup --round "$DATA/disputes.csv"; rank -k rate -k sense -m average "$DATA/townships.csv"; report -f csv --compare "$DATA/indicators-prev.csv" --key township --up rate --target 'rate >= 0.95' "$DATA/indicators.csv"; report -f json --percent rate "$DATA/indicators.csv"; } > machine-$l 2>&1; { report --title 化解率 --date 2020-03-31 --percent rate --compare "$DATA/indicators-prev.csv" --key township --up rate --target 'rate >= 0.95' "$DATA/indicators.csv"; report -f html --date 2020-03-31 --chart rate --percent rate "$DATA/indicators.csv"; report -f markdown --decimals 3 "$DATA/indicators.csv"; } > people-$l 2>&1; done; cmp machine-C machine-zh_CN.UTF-8 && cmp machine-C machine-de_DE.UTF-8 && cmp people-zh_CN.UTF-8 people-de_DE.UTF-8 && echo same; grep -c . machine-C; grep -c 97.58% people-de_DE.UTF-8; LOCPATH="$TOP/build/locales" LC_ALL=de_DE.UTF-8 /usr/bin/printf '%.2f\n' 0.5
>>>
same
21
4
0,50

### govstat-weekly speaks Chinese too: --help and its messages
$ LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 sh "$TOP/share/govstat/weekly.sh" --help | head -2; mkdir d; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 sh "$TOP/share/govstat/weekly.sh" d; echo "status $?"; sh "$TOP/share/govstat/weekly.sh" d
>>>
用法：govstat-weekly DATA_DIR [AS_OF]
一个县已校验台账的本周汇总，与上周和去年同期比较，各乡镇按名册顺序排列。
status 2
>>>2
govstat-weekly: d/disputes.csv: 缺少
govstat-weekly: d/disputes.csv: missing
>>>= 2

### govstat-weekly's write error in Chinese, the --help in Chinese saying what --version does and that a failed write is 3
$ LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 sh "$TOP/share/govstat/weekly.sh" --help > /dev/full; echo "status $?"; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 sh "$TOP/share/govstat/weekly.sh" --help | tail -3
>>>
status 3
（标准输出无法写入时也是 3）。
指标目录：GOVSTAT_SHARE、脚本所在目录，或安装的 share/govstat。
--version 显示版本。见 govstat-weekly(1)。
>>>2
govstat-weekly: 写入错误

### the parser's own messages are Chinese too (a number option given a word names the option, an option given twice), the TOOL: prefix kept
$ LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 rank -k rate --top many "$DATA/townships.csv"; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 rank -k rate --top 1 --top 2 "$DATA/townships.csv"; rank -k rate --top many "$DATA/townships.csv"
>>>2
rank: --top：无效的数值：many
请用“rank --help”查看更多信息。
rank: 选项“--top”给了不止一次
请用“rank --help”查看更多信息。
rank: --top: invalid numeric value: many
Try 'rank --help' for more information.
>>>= 2

### the progress line speaks Chinese too: bytes, rows and the share, the numbers as in C
$ awk -v rows=3000 -f "$TOP/tests/genledger.awk" > l.csv; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 tally --progress -g township -a 'n=count()' l.csv 2> err > /dev/null; tr '\r' '\n' < err | sed 1d | sed '$d' > lines; echo "lines: $(grep -c . lines | sed "s/^[1-9][0-9]*$/some/")"; grep -Ecv '^tally: [0-9]+\.[0-9] MB，[0-9]+ 行(，[0-9]+\.[0-9] MB/秒)?，[0-9]+%(，还需 [0-9]+ (分 [0-9]+ )?秒)?'"$(printf '\033')"'\[K$' lines
>>>
lines: some
0
>>>= 1

### report's own words in Chinese: the target column and line, the previous period's headers, the provenance footer; the CSV keeps its column names
$ cp "$DATA/indicators.csv" "$DATA/indicators-prev.csv" .; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report --ambiguous narrow --width 120 --date 2020-03-31 --percent rate --compare indicators-prev.csv --key township --up rate --target 'rate >= 0.95' indicators.csv; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report -f csv --compare indicators-prev.csv --key township --up rate --target 'rate >= 0.95' indicators.csv | head -1
>>>
2020-03-31

乡镇          disputes  disputes 上期  disputes 变化    rate  rate 上期         rate 变化  rate 应升  全部达标  目标
--------------------------------------------------------------------------------------------------------------------
田园镇               6              4           +2 ↑  97.58%     96.00%   +1.58个百分点 ↑          ✓         ✓     ✓
石桥乡               5              5            0 →  60.00%     70.00%  -10.00个百分点 ↓          ✗         ✗     ✗
Longtan Town        13              -              -  95.00%          -                 -          -         ✗     ✓
新华社区             0              -              -       -          -                 -          -         ✗     -
白沙乡               -              2              -       -     50.00%                 -          -         ✗     -

3 行中有 1 行未达目标 rate ≥ 95%；另有 1 行不适用（目标所读的值为空），未计入
govstat 0.1.0；输入 indicators.csv，sha256 fd5adad06b0b7874b7e8dd6d59e7328468355c809f1c76992422fc7d9b1de587，4 行；report --ambiguous narrow --width 120 --date 2020-03-31 --percent rate --compare indicators-prev.csv --key township --up rate --target 'rate >= 0.95' indicators.csv
township,disputes,disputes_prev,disputes_change,rate,rate_prev,rate_change,rate_met,all_met,target

### a reason lib/ builds is Chinese on stderr, English in the rejects file of the same input: a quoted field not closed, a misplaced quote
$ export LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8; printf 'township,n\n田园镇,1\n石桥乡,"2\n龙潭镇,3\n' > q.csv; ingest q.csv; echo "status $?"; ingest -r rj.csv q.csv > /dev/null; cat rj.csv; printf 'township,n\n田园镇,1\n石桥"乡,2\n' > m.csv; ingest m.csv > /dev/null; ingest -r rj.csv m.csv > /dev/null; cat rj.csv
>>>
township,n
田园镇,1
status 1
township,n,_line,_error,_raw
石桥乡,,3,quoted field not closed: the record from line 3 runs to the end of input (2 lines),"石桥乡,""2
龙潭镇,3"
township,n,_line,_error,_raw
,,3,"misplaced quote (a quote inside an unquoted field, or text after a closing quote)","石桥""乡,2"
>>>2
ingest: q.csv:3: 引号字段没有闭合：从第 3 行开始的记录一直延续到输入末尾（共 2 行）
ingest: 读入 2 行，写出 1 行，拒收 1 行
ingest: 读入 2 行，写出 1 行，拒收 1 行
ingest: m.csv:3: 引号位置不对（未加引号的字段中有引号，或右引号后还有文字）
ingest: 读入 2 行，写出 1 行，拒收 1 行
ingest: 读入 2 行，写出 1 行，拒收 1 行

### a GBK ledger read as UTF-8, and bytes that are neither UTF-8 nor Chinese: the decoding error in Chinese, the byte and the -e advice kept
$ export LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8; printf 'township,n\n龙潭镇,1\n' | iconv -f UTF-8 -t GBK > gbk.csv; ingest -e utf-8 gbk.csv; echo "status $?"; ingest gbk.csv; printf 'township,n\nab\377c,1\n' | ingest -r rj.csv; echo "status $?"
>>>
township,n
status 3
township,n
龙潭镇,1
township,n
status 3
>>>2
ingest: gbk.csv:2: 无效的 UTF-8 字节 0xC1（若是别的编码，可用 ingest -e 指定编码读入，例如 -e gb18030）
ingest: -:2: 无效的 UTF-8 字节 0xFF，按 GB18030 读也不像中文（可用 ingest -e 指定其编码读入：-e gb18030、-e latin1、-e cp1252 ……）

### damaged workbooks in Chinese, the context of each reason too (part, sheet, cell): a .xlsx cell naming a shared string it lacks, a .xls record of the wrong length, a zip that is no .xlsx
$ export LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8; cd "$DATA/workbooks"; ingest nosst.xlsx; echo "status $?"; ingest freexl-footer.xls; echo "status $?"; ingest opendoc.ods; echo "status $?"
>>>
status 3
status 3
status 3
>>>2
ingest: nosst.xlsx[Sheet1]:1: xl/worksheets/sheet1.xml：单元格 A1 引用共享字符串 0，但工作簿没有共享字符串部分
ingest: freexl-footer.xls: 工作表“公式”：工作簿的记录已损坏：DIMENSIONS 记录的长度不对（偏移 1199）
ingest: opendoc.ods: 不是 .xlsx 工作簿：zip 压缩包中没有 xl/workbook.xml

### a workbook's bad cell (.xlsx and .xls) is rejected in Chinese on stderr, in English in the rejects file
$ export LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8; cp "$DATA/workbooks/ledger.xlsx" "$DATA/workbooks/gbk.xls" .; for f in ledger.xlsx gbk.xls; do ingest --skip 1 --header-rows 2 $f > /dev/null; ingest --skip 1 --header-rows 2 -r rj.csv $f > /dev/null; grep -o '"cell.*"' rj.csv; done
>>>
"cell D9: serial 60 is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug)"
"cell D6: serial 60 is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug)"
>>>2
ingest: ledger.xlsx[纠纷台账]:9: 单元格 D9：序列号 60 是 1900-02-29，这一天不存在（Excel 的 1900 年闰年错误）
ingest: 读入 6 行，写出 5 行，拒收 1 行
ingest: 读入 6 行，写出 5 行，拒收 1 行
ingest: gbk.xls[纠纷台账]:6: 单元格 D6：序列号 60 是 1900-02-29，这一天不存在（Excel 的 1900 年闰年错误）
ingest: 读入 3 行，写出 2 行，拒收 1 行
ingest: 读入 3 行，写出 2 行，拒收 1 行

### tally's bad -a and --where expressions in Chinese, the column where each goes wrong kept; a value that is no number rejected in Chinese, in English in the rejects file
$ export LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8; tally -a 'x=bogus(' "$DATA/disputes.csv"; tally -a 'p=sum(people' "$DATA/disputes.csv"; tally -a 'n=count()' --where 'people >' "$DATA/disputes.csv"; tally -a 'p=sum(nosuch)' "$DATA/disputes.csv"; echo "status $?"; printf 'township,people\n田园镇,2\n石桥乡,两人\n' > t.csv; tally -g township -a 'p=sum(people)' t.csv > /dev/null; tally -g township -a 'p=sum(people)' -r rj.csv t.csv > /dev/null; cat rj.csv
>>>
status 2
township,people,_line,_error,_raw
石桥乡,两人,3,field 'people': '两人' is not a number,
>>>2
tally: --agg“x=bogus(”：第 3 列：此处应为 count、sum、mean、min、max、distinct、ratio、one、events、deduction 或 add
请用“tally --help”查看更多信息。
tally: --agg“p=sum(people”：第 13 列：此处应为“)”
请用“tally --help”查看更多信息。
tally: --where “people >”：第 9 列：表达式结束得太早
请用“tally --help”查看更多信息。
tally: p=sum(nosuch)：没有字段“nosuch”
请用“tally --help”查看更多信息。
tally: t.csv:3: 字段“people”：“两人”不是数字
tally: 读入 2 行，汇总 1 行，拒收 1 行
tally: 读入 2 行，汇总 1 行，拒收 1 行

### validate's errors of a row in Chinese on stderr (enum, minimum, type), in English in the rejects file and the --report JSON; a header that misses a field in Chinese
$ export LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8; printf '{"fields": [{"name": "township", "constraints": {"enum": ["田园镇", "石桥乡"]}}, {"name": "n", "type": "integer", "constraints": {"minimum": 0}}, {"name": "date", "type": "date"}]}' > s.json; printf 'township,n,date\n田园镇,1,2020-03-05\n龙潭镇,-1,2020-02-30\n' > v.csv; validate -s s.json v.csv > /dev/null; echo "status $?"; validate -s s.json -r rj.csv --report rep.json v.csv > /dev/null; cut -d, -f5- rj.csv; grep -o '"message":"[^"]*"' rep.json | awk '!seen[$0]++'; printf 'township,n\n田园镇,1\n' | validate -s s.json; echo "status $?"
>>>
status 1
_errors,_raw
"constraint-error:township:'龙潭镇' is not one of: 田园镇, 石桥乡; constraint-error:n:'-1' is below the minimum 0; type-error:date:'2020-02-30' is not of type date (YYYY-MM-DD)",
"message":"'龙潭镇' is not one of: 田园镇, 石桥乡"
"message":"'-1' is below the minimum 0"
"message":"'2020-02-30' is not of type date (YYYY-MM-DD)"
status 3
>>>2
validate: v.csv:3: constraint-error:township:“龙潭镇”不是以下之一：田园镇、石桥乡; constraint-error:n:“-1”小于最小值 0; type-error:date:“2020-02-30”不是 date 类型 (YYYY-MM-DD)
validate: 读入 2 行，写出 1 行，拒收 1 行
validate: 读入 2 行，写出 1 行，拒收 1 行
validate: -:1: missing-label:date:表头中没有字段“date”的列

### ingest's map turns dates: one that does not exist and one with a time of day rejected in Chinese, in English in the rejects file
$ export LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8; printf '{"fields": {"乡镇": "township", "登记日期": "date"}, "dates": ["date"]}' > map.json; printf '乡镇,登记日期\n田园镇,2020年3月5日\n石桥乡,2020年2月30日\n龙潭镇,2020/3/5 14:30\n' > l.csv; ingest -m map.json l.csv; echo "status $?"; ingest -m map.json -r rj.csv l.csv > /dev/null; cat rj.csv
>>>
township,date
田园镇,2020-03-05
status 1
township,date,_line,_error,_raw
石桥乡,2020年2月30日,3,field 'date': '2020年2月30日': no such date,
龙潭镇,2020/3/5 14:30,4,"field 'date': '2020/3/5 14:30': has a time of day (a ""dates"" field keeps dates only: list it under ""datetimes"", or give it {""time"": ""drop""})",
>>>2
ingest: l.csv:3: 字段“date”：“2020年2月30日”：没有这个日期
ingest: l.csv:4: 字段“date”：“2020/3/5 14:30”：带有时刻（"dates" 字段只保留日期：请把它列在 "datetimes" 下，或给它 {"time": "drop"}）
ingest: 读入 3 行，写出 1 行，拒收 2 行
ingest: 读入 3 行，写出 1 行，拒收 2 行

### the setting files in Chinese: a map's, a schema's and a row rule's errors name the file's kind in Chinese
$ export LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8; printf 'a,b\n1,2\n' > x.csv; printf '{"dates": {"a": {"excel": 1901}}}' > m.json; ingest -m m.json x.csv; ingest -m no-such.json x.csv; printf '{' > bad.json; ingest -m bad.json x.csv; printf '{"fields": [{"name": "a", "type": "integer"}], "rowConstraints": ["a >"]}' > s.json; validate -s s.json x.csv; printf '{"fields": [{"name": "a", "type": "integer", "constraints": {"maximum": "x"}}]}' > s2.json; validate -s s2.json x.csv
>>>2
ingest: m.json: dates：“a”的 "excel" 必须是 1900 或 1904
ingest: no-such.json: 无法打开映射文件：没有那个文件或目录
ingest: bad.json:1: 映射文件不是有效的 JSON
validate: s.json: rowConstraints：“a >”：表达式结束得太早，在第 4 个字符
validate: s2.json: 字段“a”：maximum “x”不是 integer 类型
>>>= 2

### tally --merge counts groups, not rows, in Chinese too (拒收 2 组)
$ printf 'township\n东乡\n' > u.csv; printf 'township,x\n甲,1\n东乡,1\n丁,1\n' > in1.csv; tally --partial -g township -a 'n=count()' in1.csv > p1; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 tally --merge --universe u.csv -r rej.csv p1; echo "status $?"
>>>
township,n
东乡,1
status 1
>>>2
tally: 从中间流读入 3 组，合并 1 组，拒收 2 组

