# tally(1): groups, exact counts, sums and ratios. Data: tests/data.

### --help and --version
$ tally --help | head -1; tally --version
>>>
Usage: tally [OPTION]... [FILE]...
tally (govstat) 0.1.0

### count and ratio by township (ratios to 4 decimals by default)
$ tally -g township -a 'n=count()' -a 'rate=ratio(count(status=="resolved"),count())' "$DATA/disputes.csv"
>>>
township,n,rate
田园镇,5,0.6000
石桥乡,4,0.5000

### a table without keys is one row over no rows (counts and sums 0, a ratio of nothing empty), in one pass, with --jobs, through --partial and --merge, and with --level county over the register; with keys no row, but a rollup's grand total is there
$ printf 'township,b\n' > e.csv; tally -a 'n=count()' -a 's=sum(b)' -a 'r=ratio(count(b=="1"),count())' e.csv; tally --jobs 2 -a 'n=count()' -o json e.csv; tally -a 'n=count()' --partial e.csv > p.jsonl && tally --merge p.jsonl; printf 'code,name,level,parent,township\n1,甲镇,township,,\n' > u.csv; tally --universe u.csv --level county -a 'n=count()' e.csv; tally -g township -a 'n=count()' e.csv; tally -g township -a 'n=count()' --rollup --rollup-label 全县 e.csv
>>>
n,s,r
0,0,
{"n":0}
n
0
n
0
township,n
township,n
全县,0

### every aggregate; sum, min and max skip an empty value, mean divides by the values seen
$ tally -g township -a 'n=count()' -a 's=sum(people)' -a 'm=mean(people)' -a 'lo=min(people)' -a 'hi=max(people)' -a 'v=distinct(village)' -a 'r=count(status=="resolved")' "$DATA/disputes.csv"
>>>
township,n,s,m,lo,hi,v,r
田园镇,5,24,4.8000,2,12,3,3
石桥乡,4,1032,344.0000,2,1024,2,2

### no key: one row for the whole stream
$ tally -a 'n=count()' -a 'p=sum(people)' "$DATA/disputes.csv"
>>>
n,p
9,1056

### two keys, sorted by byte order of each key
$ tally -g township,village -a 'n=count()' "$DATA/disputes.csv"
>>>
township,village,n
田园镇,新华社区,1
田园镇,李家村,2
田园镇,桃源村,2
石桥乡,白沙村,2
石桥乡,石桥社区,2

### each column of the header has a name of its own: a NAME given twice (by --agg or --indicator), a column named as a key (township, period) and a key given twice are usage errors naming it, before anything is read
$ C="$TOP/share/govstat/catalogue.json"; D="$DATA/disputes.csv"; tally -g township -a 'x=mean(people)' -a 'x=count()' "$D"; echo "status $?"; tally -g township -a 'township=count()' "$D"; echo "status $?"; tally -p month -d date -a 'period=count()' "$D"; echo "status $?"; tally -g township,township -a 'n=count()' "$D"; echo "status $?"; tally -I "$C" -k disputes -a 'disputes=count()' "$D"; echo "status $?"; tally -I "$C" -k disputes,disputes nosuch.csv; echo "status $?"; tally -I "$C" --universe "$DATA/keyed/units.csv" --level township -k disputes -k disputes --from disputes=nosuch.csv; echo "status $?"
>>>
status 2
status 2
status 2
status 2
status 2
status 2
status 2
>>>2
tally: the output column 'x' is given twice: give each column a name of its own
Try 'tally --help' for more information.
tally: the output column 'township' is a key column too: give it another name
Try 'tally --help' for more information.
tally: the output column 'period' is a key column too: give it another name
Try 'tally --help' for more information.
tally: --by: the field 'township' is given twice
Try 'tally --help' for more information.
tally: the output column 'disputes' is given twice: give each column a name of its own
Try 'tally --help' for more information.
tally: the output column 'disputes' is given twice: give each column a name of its own
Try 'tally --help' for more information.
tally: the output column 'disputes' is given twice: give each column a name of its own
Try 'tally --help' for more information.

### --rollup: subtotals after each township, the county total last
$ tally -g township,village --rollup -a 'n=count()' -a 'r=ratio(count(status=="resolved"),count())' "$DATA/disputes.csv"
>>>
township,village,n,r
田园镇,新华社区,1,1.0000
田园镇,李家村,2,0.0000
田园镇,桃源村,2,1.0000
田园镇,*,5,0.6000
石桥乡,白沙村,2,0.5000
石桥乡,石桥社区,2,0.5000
石桥乡,*,4,0.5000
*,*,9,0.55555555555555555556

### --rollup-label
$ tally -g township --rollup --rollup-label 全县 -a 'n=count()' "$DATA/disputes.csv"
>>>
township,n
田园镇,5
石桥乡,4
全县,9

### subtotals come from the rows, not from rounded figures
$ printf 'g,x\na,1\na,0\na,0\nb,1\nb,1\nb,0\n' | tally -g g --rollup --decimals 2 -a 'm=mean(x)'
>>>
g,m
a,0.33
b,0.67
*,0.50

### --universe: units with no rows appear with 0 and NA, in the register's order
$ tally -g township,village --universe "$DATA/units.csv" -a 'n=count()' -a 'r=ratio(count(status=="resolved"),count())' "$DATA/disputes.csv"
>>>
township,village,n,r
石桥乡,石桥社区,2,0.5000
石桥乡,白沙村,2,0.5000
石桥乡,龙井村,0,
田园镇,桃源村,2,1.0000
田园镇,李家村,2,0.0000
田园镇,新华社区,1,1.0000
田园镇,青山村,0,

### zero-incident villages: count the units whose count is 0
$ tally -g village --universe "$DATA/units.csv" -a 'n=count(status=="failed")' "$DATA/disputes.csv" | tally -a 'zero=count(n==0)' -a 'units=count()'
>>>
zero,units
6,7

### --universe with --rollup keeps the register's order for subtotals
$ tally -g township,village --universe "$DATA/units.csv" --rollup -a 'n=count()' "$DATA/disputes.csv"
>>>
township,village,n
石桥乡,石桥社区,2
石桥乡,白沙村,2
石桥乡,龙井村,0
石桥乡,*,4
田园镇,桃源村,2
田园镇,李家村,2
田园镇,新华社区,1
田园镇,青山村,0
田园镇,*,5
*,*,9

### a row outside the universe is rejected, not silently counted
$ cp "$DATA/units.csv" .; printf 'township,village\n田园镇,桃源村\n田园镇,不存在村\n' | tally -g township,village --universe units.csv -a 'n=count()' | head -3
>>>
township,village,n
石桥乡,石桥社区,0
石桥乡,白沙村,0
>>>2
tally: -:3: not in the universe units.csv: township '田园镇' village '不存在村'
tally: 2 rows read, 1 tallied, 1 rejected

### --where filters rows before grouping; the summary says how many
$ tally -v -w 'people > 2' -g township -a 'n=count()' "$DATA/disputes.csv"
>>>
township,n
田园镇,3
石桥乡,2
>>>2
tally: 9 rows read, 5 tallied, 4 left out by --where, 0 rejected

### the summary names --where and --filter only when they are given, and says where every row went, so that the counts add up to the rows read; in Chinese too
$ C="$TOP/share/govstat/catalogue.json"; K="$DATA/keyed"; tally -v -a 'n=count()' "$DATA/disputes.csv" > /dev/null; tally -v -w 'township=="田园镇"' -a 'n=count()' "$DATA/disputes.csv" > /dev/null; tally -v -I "$C" -k disputes --universe "$K/units.csv" --level township --from disputes="$K/disputes.csv" --filter 'disputes=status=="resolved"' --from incidents="$K/incidents.csv" > /dev/null; tally -v -I "$C" -k disputes --universe "$K/units.csv" --level township --from disputes="$K/disputes.csv" --filter 'disputes=status=="resolved"' -w '!empty(village)' > /dev/null; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 tally -v -a 'n=count()' "$DATA/disputes.csv" > /dev/null; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 tally -v -I "$C" -k disputes --universe "$K/units.csv" --level township --from disputes="$K/disputes.csv" --filter 'disputes=status=="resolved"' --from incidents="$K/incidents.csv" > /dev/null
>>>2
tally: 9 rows read, 9 tallied, 0 rejected
tally: 9 rows read, 5 tallied, 4 left out by --where, 0 rejected
tally: disputes: 5 rows read, 4 tallied, 1 left out by --filter, 0 rejected
tally: incidents: 4 rows read, 0 tallied, 4 read by no column, 0 rejected
tally: disputes: 5 rows read, 4 tallied, 0 left out by --where, 1 left out by --filter, 0 rejected
tally: 读入 9 行，汇总 9 行，拒收 0 行
tally: disputes: 读入 5 行，汇总 4 行，--filter 略去 1 行，拒收 0 行
tally: incidents: 读入 4 行，汇总 0 行，4 行没有列读取，拒收 0 行

### numbers compare as numbers: 1024 > 12 (as text it would not be)
$ tally -w 'people > 12' -a 'n=count()' "$DATA/disputes.csv"
>>>
n
1

### an empty value is NA: a comparison with it is false, and ! of that is true
$ tally -a 'gt=count(people > 1)' -a 'not_gt=count(!(people > 1))' -a 'e=count(empty(people))' "$DATA/disputes.csv"
>>>
gt,not_gt,e
8,1,1

### in, &&, ||, !=, backtick names, arithmetic (b / 2 makes the sum a quotient)
$ printf '化解情况,a,b\n已化解,1,2\n调解中,3,4\n已移交,5,\n' | tally -a 'x=count(`化解情况` in ("已化解", "调解中"))' -a 'y=count(a != 1 && (b >= 4 || empty(b)))' -a 'z=sum(a * 2 + b / 2 - 1)' -a 'w=sum(-a)'
>>>
x,y,z,w
2,2,9.0000,-9

### division by zero is NA, and NA adds nothing to a sum (a sum of quotients is rounded like a mean)
$ printf 'a,b\n1,0\n4,2\n' | tally -a 's=sum(a / b)' -a 'n=count(a / b > 1)'
>>>
s,n
2.0000,1

### text compares byte by byte; a string literal is text, so "001" is not 1
$ printf 'code\n001\n1\n01\n' | tally -a 'text=count(code == "001")' -a 'num=count(code == 1)' -a 'lt=count(code < "1")'
>>>
text,num,lt
1,3,2

### exact decimal sums: ten rows of 0.1 sum to 1.0, carrying the largest scale seen
$ printf 'x\n0.1\n0.1\n0.1\n0.1\n0.1\n0.1\n0.1\n0.1\n0.1\n0.1\n' | tally -a 's=sum(x)'; printf 'x\n1.25\n2\n0.125\n' | tally -a 's=sum(x)' -a 'lo=min(x)' -a 'hi=max(x)'
>>>
s
1.0
s,lo,hi
3.375,0.125,2

### rounding half away from zero from the exact value
$ printf 'x\n0.125\n-0.125\n0.005\n2.5\n' | tally -g x --decimals 2 -a 'm=mean(x)'; printf 'x\n1\n2\n' | tally --decimals 0 -a 'm=mean(x)'; printf 'x\n1\n1\n1\n0\n0\n0\n0\n0\n' | tally --decimals 2 -a 'r=ratio(sum(x),count())'
>>>
x,m
-0.125,-0.13
0.005,0.01
0.125,0.13
2.5,2.50
m
2
r
0.38

### 121 of 124 is 97.58% at 4 decimals and 98% at 2
$ awk 'BEGIN { print "ok"; for (i = 0; i < 124; i++) print (i < 121 ? 1 : 0) }' | tally --decimals 4 -a 'r=ratio(count(ok==1),count())' -a 'p=ratio(sum(ok),count())'; awk 'BEGIN { print "ok"; for (i = 0; i < 124; i++) print (i < 121 ? 1 : 0) }' | tally --decimals 2 -a 'r=ratio(count(ok==1),count())'
>>>
r,p
0.9758,0.9758
r
0.98

### a zero denominator is NA: empty in CSV, null in JSON
$ printf 'g,s,v\na,x,\n' | tally -g g -a 'n=count()' -a 'r=ratio(count(s=="y"),count(s=="y"))' -a 'm=mean(v)' -a 'lo=min(v)' -a 's=sum(v)' -o json 2>&1; printf 'g,s\na,x\n' | tally -g g -a 'r=ratio(count(),count(s=="y"))'
>>>
{"g":"a","n":1,"r":null,"m":null,"lo":null,"s":0}
g,r
a,
>>>= 0

### text that is not a number in sum is an error naming the line and field; the row is rejected
$ printf 'g,x\na,1\na,abc\nb,2\n' | tally -g g -a 's=sum(x)' -r rej.csv; echo "status $?"; cat rej.csv
>>>
g,s
a,1
b,2
status 1
g,x,_line,_error,_raw
a,abc,3,field 'x': 'abc' is not a number,
>>>2
tally: 3 rows read, 2 tallied, 1 rejected

### a row that is rejected changes no aggregate
$ printf 'x,y\n1,2\n5,abc\n' | tally -a 'n=count()' -a 'sx=sum(x)' -a 'sy=sum(y)' 2>/dev/null
>>>
n,sx,sy
1,1,2
>>>= 1

### --period: day, month, quarter, year as the first key
$ tally -p month -d date -g township -a 'n=count()' "$DATA/disputes.csv"; tally -p quarter -d date -a 'n=count()' "$DATA/disputes.csv"; tally -p year -d date -a 'n=count()' "$DATA/disputes.csv"; tally -p day -d date -w 'township=="石桥乡"' -a 'n=count()' "$DATA/disputes.csv"
>>>
period,township,n
2020-03,田园镇,5
2020-03,石桥乡,4
period,n
2020-Q1,9
period,n
2020,9
period,n
2020-03-02,1
2020-03-03,1
2020-03-05,1
2020-03-09,1

### ISO 8601 weeks at year boundaries
$ printf 'd\n2021-01-03\n2019-12-30\n2020-12-31\n2021-01-04\n2018-12-31\n2016-01-03\n2020-03-05\n' | tally -p week -d d -a 'n=count()'
>>>
period,n
2015-W53,1
2019-W01,1
2020-W01,1
2020-W10,1
2020-W53,2
2021-W01,1

### a row whose date is not a date is rejected
$ printf 'd\n2020-02-30\n2020-03-01\n' | tally -p month -d d -a 'n=count()'
>>>
period,n
2020-03,1
>>>2
tally: -:2: field 'd': '2020-02-30' is not a date (no such date)
tally: 2 rows read, 1 tallied, 1 rejected
>>>= 1

### --period with --universe: every unit in every period seen, filtered or not
$ tally -p month -d date -g township,village --universe "$DATA/units.csv" -w 'township=="石桥乡"' -a 'n=count()' "$DATA/disputes.csv"
>>>
period,township,village,n
2020-03,石桥乡,石桥社区,2
2020-03,石桥乡,白沙村,2
2020-03,石桥乡,龙井村,0
2020-03,田园镇,桃源村,0
2020-03,田园镇,李家村,0
2020-03,田园镇,新华社区,0
2020-03,田园镇,青山村,0

### JSON in, JSON out: keys are strings, aggregates are numbers
$ tally -g township -a 'n=count()' -a 'r=ratio(count(status=="resolved"),count())' -o json "$DATA/disputes.csv" | tally -i json -a 'towns=count()' -a 'rs=sum(r)'
>>>
{"towns":2,"rs":1.1000}
>>>= 0

### catalogue indicators, each with its own decimals and filter
$ tally -I "$DATA/catalogue.json" -k resolution_ratio,at_source -k disputes -g township "$DATA/disputes.csv"
>>>
township,resolution_ratio,at_source,disputes
田园镇,0.6000,1.00,5
石桥乡,0.5000,1.00,4

### --agg and --indicator together: --agg columns first
$ tally -I "$DATA/catalogue.json" -k disputes -a 'p=sum(people)' "$DATA/disputes.csv"
>>>
p,disputes
1056,9

### an unknown indicator, a bad catalogue
$ cp "$DATA/catalogue.json" .; tally -I catalogue.json -k nope < /dev/null; printf '{"indicators": [{"id": "x", "agg": "count()", "wehre": "1"}]}' > c.json; tally -I c.json -k x < /dev/null
>>>2
tally: --indicator: no indicator 'nope' in catalogue.json
Try 'tally --help' for more information.
tally: c.json: unknown indicator key 'wehre'
>>>= 2

### a catalogue indicator with a bad formula names it
$ printf '{"indicators": [{"id": "x", "agg": "ratio(count()"}]}' > c.json; tally -I c.json -k x < /dev/null
>>>2
tally: indicator x 'ratio(count()': column 14: expected ',' between the two aggregates of ratio
Try 'tally --help' for more information.
>>>= 2

### a bad expression is a usage error pointing at its column
$ tally -a 'r=ratio(count(status="x"),count())' < /dev/null
>>>2
tally: --agg 'r=ratio(count(status="x"),count())': column 21: '=' is not an operator (compare with '==')
Try 'tally --help' for more information.
>>>= 2

### more expression errors
$ tally -a 'n=count(a ==)' < /dev/null; tally -a 'n=cnt()' < /dev/null; tally -a 'count()' < /dev/null; tally -w '(a > 1' -a 'n=count()' < /dev/null; tally -w 'a > "x' -a 'n=count()' < /dev/null; tally -w 'foo(1)' -a 'n=count()' < /dev/null; tally -a 'n=count() x' < /dev/null
>>>2
tally: --agg 'n=count(a ==)': column 13: expected a value
Try 'tally --help' for more information.
tally: --agg 'n=cnt()': column 3: expected count, sum, mean, min, max, distinct, ratio, one, events, deduction or add
Try 'tally --help' for more information.
tally: --agg 'count()': column 6: expected NAME=AGGREGATE
Try 'tally --help' for more information.
tally: --where '(a > 1': column 7: expected ')'
Try 'tally --help' for more information.
tally: --where 'a > "x': column 5: string not closed
Try 'tally --help' for more information.
tally: --where 'foo(1)': column 1: unknown function
Try 'tally --help' for more information.
tally: --agg 'n=count() x': column 11: unexpected text after the aggregate
Try 'tally --help' for more information.
>>>= 2

### a field the input lacks is a usage error
$ tally -g nope -a 'n=count()' "$DATA/disputes.csv"; tally -a 'n=sum(nope)' "$DATA/disputes.csv"
>>>2
tally: --by: no field 'nope' in the input
Try 'tally --help' for more information.
tally: n=sum(nope): no field 'nope'
Try 'tally --help' for more information.
>>>= 2

### options that need each other
$ tally -a 'n=count()' < /dev/null; tally -p month -a 'n=count()' < /dev/null; tally < /dev/null; tally -p fortnight -d d -a 'n=count()' < /dev/null
>>>2
tally: -: empty input: no header
tally: --period needs --date FIELD
Try 'tally --help' for more information.
tally: give at least one --agg or --indicator
Try 'tally --help' for more information.
tally: --period: 'fortnight' is not day, week, month, quarter or year
Try 'tally --help' for more information.
>>>= 2

### a header-only input gives the header and no groups
$ printf 'g,x\n' | tally -g g -a 'n=count()'
>>>
g,n

### --partial then --merge gives the single-pass result, byte for byte
$ awk -v rows=3000 -f "$TOP/tests/genledger.awk" > l.csv; set -- -g township,status -a 'n=count()' -a 's=sum(people)' -a 'm=mean(people)' -a 'd=distinct(village)' -a 'lo=min(people)' -a 'hi=max(people)' -a 'r=ratio(count(mediation_level=="村"),count())'; tally "$@" --rollup l.csv > single.csv; head -1001 l.csv > a.csv; (head -1 l.csv; sed -n '1002,2000p' l.csv) > b.csv; (head -1 l.csv; sed -n '2001,$p' l.csv) > c.csv; for f in a b c; do tally --partial "$@" $f.csv > $f.part; done; tally --merge --rollup a.part b.part c.part > merged.csv; cmp single.csv merged.csv && echo identical; wc -l < single.csv
>>>
identical
67

### sharded with GNU parallel --pipe, merged from one concatenated stream
$ awk -v rows=20000 -f "$TOP/tests/genledger.awk" > l.csv; tally -g township -a 'n=count()' -a 'd=distinct(village)' -a 'm=mean(people)' --decimals 6 l.csv > single.csv; parallel --will-cite -q --pipe --header : -N 2500 tally --partial -g township -a 'n=count()' -a 'd=distinct(village)' -a 'm=mean(people)' --decimals 6 < l.csv | tally --merge > merged.csv; cmp single.csv merged.csv && echo identical
>>>
identical

### --merge checks that the partial streams belong together
$ printf 'g,x\na,1\n' | tally --partial -g g -a 'n=count()' > p1; printf 'g,x\na,1\n' | tally --partial -g g -a 'n=sum(x)' > p2; tally --merge p1 p2; cp "$DATA/disputes.csv" .; tally --merge disputes.csv
>>>
g,n
a,1
>>>2
tally: p2:1: this partial stream was made with other options than the first
tally: disputes.csv:1: not a partial stream of tally --partial
>>>= 3

### --merge --universe: a partial's group outside the universe is rejected as one pass rejects its rows, named by the partial's file and line (in --rejects with its keys, _file and _line), status 1, and the result is one pass's; a group whose rows every column's where left out is no error
$ printf 'township\n东乡\n西镇\n' > u.csv; printf 'township,x\n甲,1\n东乡,1\n丁,1\n' > in1.csv; printf 'township,x\n乙,1\n西镇,1\n丙,1\n' > in2.csv; tally --partial -g township -a 'n=count()' in1.csv > p1; tally --partial -g township -a 'n=count()' in2.csv > p2; tally --merge --universe u.csv --rollup p1 p2 > merged.csv; echo "status $?"; tally --universe u.csv --rollup -g township -a 'n=count()' in1.csv in2.csv > one.csv 2> /dev/null; echo "status $?"; cmp merged.csv one.csv && cat merged.csv; tally --merge --universe u.csv -r rej.csv p2 p1 > /dev/null; echo "status $?"; cat rej.csv; printf 'event_id,township,type,street\nA,东乡,criminal,1\nB,甲,criminal,0\n' > inc.csv; tally --partial -I "$TOP/share/govstat/catalogue.json" -g township -k street_incidents inc.csv > p3; tally --merge --universe u.csv -v p3; echo "status $?"
>>>
status 1
status 1
township,n
东乡,1
西镇,1
*,2
status 1
township,_file,_line,_error,_raw
丙,p2,2,not in the universe u.csv: township '丙',
乙,p2,3,not in the universe u.csv: township '乙',
丁,p1,2,not in the universe u.csv: township '丁',
甲,p1,4,not in the universe u.csv: township '甲',
township,street_incidents
东乡,1
西镇,0
status 0
>>>2
tally: p1:2: not in the universe u.csv: township '丁'
tally: p1:4: not in the universe u.csv: township '甲'
tally: p2:2: not in the universe u.csv: township '丙'
tally: p2:3: not in the universe u.csv: township '乙'
tally: 6 groups read from the partial streams, 2 merged, 4 rejected
tally: 6 groups read from the partial streams, 2 merged, 4 rejected
tally: 2 groups read from the partial streams, 1 merged, 1 outside the universe and left out by every column's where, 0 rejected

### --merge takes no aggregation options
$ tally --merge -a 'n=count()' < /dev/null
>>>2
tally: --merge takes the keys and aggregates from the partial streams; give only output options with it
Try 'tally --help' for more information.
>>>= 2

### a full disk is a write error
$ tally -a 'n=count()' "$DATA/disputes.csv" > /dev/full
>>>2
tally: write error: No space left on device
>>>= 3

### a closed pipe ends tally quietly
$ awk 'BEGIN { print "g"; for (i = 0; i < 100000; i++) print i }' | tally -g g -a 'n=count()' | head -1
>>>
g,n

### a sum past the documented limit is an error, not a wrap
$ printf 'x\n100000000000000000000000000000000000000\n100000000000000000000000000000000000000\n' | tally -a 's=sum(x)'
>>>2
tally: -:3: sum out of range (the limit is about 1.7e38 in units of its last decimal)
>>>= 3

### --from: one row per unit from several ledgers, matched by key in the register's order (the inputs list the townships in another order)
$ C="$TOP/share/govstat/catalogue.json"; K="$DATA/keyed"; tally -I "$C" -k disputes,dispute_resolution_ratio,safe_family_ratio,zero_incident_villages,valid_incidents --universe "$K/units.csv" --level township --from disputes="$K/disputes.csv" --from households="$K/households.csv" --from incidents="$K/incidents.csv"
>>>
township,disputes,dispute_resolution_ratio,safe_family_ratio,zero_incident_villages,valid_incidents
东乡,2,1.0000,0.9200,2,1
西镇,3,0.66666666666666666667,0.9250,0,1

### --level village: townships come from the parent where the register leaves the column empty; communities are villages, compounds are not
$ C="$TOP/share/govstat/catalogue.json"; K="$DATA/keyed"; tally -I "$C" -k serious_cases,disputes --universe "$K/units.csv" --level village --from disputes="$K/disputes.csv" --from incidents="$K/incidents.csv" -v
>>>
township,village,serious_cases,disputes
东乡,甲村,0,1
东乡,乙村,0,1
西镇,丙村,1,3
>>>2
tally: disputes: 5 rows read, 5 tallied, 0 rejected
tally: incidents: 4 rows read, 3 tallied, 1 outside the universe and left out by every column's where, 0 rejected

### --level village --rollup: a township of the register with no village still has its subtotal row (0 counts, NA ratios), in the register's order, in every period
$ printf 'code,name,level,parent,township\n9,山县,county,,\n901,东乡,township,9,\n903,南乡,township,9,\n902,西镇,township,9,\n90101,甲村,village,901,\n90201,丙村,village,902,\n' > units.csv; printf 'township,village,date,status\n东乡,甲村,2020-01-05,resolved\n西镇,丙村,2020-02-01,failed\n西镇,丙村,2020-02-03,resolved\n' > d.csv; tally --universe units.csv --level village --rollup -a 'n=count()' -a 'r=ratio(count(status=="resolved"),count())' d.csv; tally --universe units.csv --level village --rollup --rollup-label 全县 -p month -d date -a 'n=count()' d.csv; tally --universe units.csv --level village -a 'n=count()' d.csv
>>>
township,village,n,r
东乡,甲村,1,1.0000
东乡,*,1,1.0000
南乡,*,0,
西镇,丙村,2,0.5000
西镇,*,2,0.5000
*,*,3,0.66666666666666666667
period,township,village,n
2020-01,东乡,甲村,1
2020-01,东乡,全县,1
2020-01,南乡,全县,0
2020-01,西镇,丙村,0
2020-01,西镇,全县,0
2020-01,全县,全县,1
2020-02,东乡,甲村,0
2020-02,东乡,全县,0
2020-02,南乡,全县,0
2020-02,西镇,丙村,2
2020-02,西镇,全县,2
2020-02,全县,全县,2
全县,全县,全县,3
township,village,n
东乡,甲村,1
西镇,丙村,2

### --level village --rollup with --from: the township without villages of a catalogue table has its row too
$ C="$TOP/share/govstat/catalogue.json"; K="$DATA/keyed"; { cat "$K/units.csv"; echo '903,南乡,township,9,,township'; } > units.csv; tally -I "$C" -k serious_cases,disputes,dispute_resolution_ratio --universe units.csv --level village --rollup --from disputes="$K/disputes.csv" --from incidents="$K/incidents.csv"
>>>
township,village,serious_cases,disputes,dispute_resolution_ratio
东乡,甲村,0,1,1.0000
东乡,乙村,0,1,1.0000
东乡,*,0,2,1.0000
西镇,丙村,1,3,0.66666666666666666667
西镇,*,1,3,0.66666666666666666667
南乡,*,0,0,
*,*,1,5,0.8000

### an invalid call with no village is outside the villages but left out by every column's where: not rejected; a column that takes every row rejects it
$ C="$TOP/share/govstat/catalogue.json"; cp "$DATA/keyed/"*.csv .; tally -I "$C" -k serious_cases --universe units.csv --level village --from incidents=incidents.csv; echo "status $?"; tally -I "$C" -k serious_cases,negative_hits --universe units.csv --level village --from incidents=incidents.csv > /dev/null; echo "status $?"
>>>
township,village,serious_cases
东乡,甲村,0
东乡,乙村,0
西镇,丙村,1
status 0
status 1
>>>2
tally: incidents.csv:5: not in the universe units.csv: township '西镇' village ''
tally: incidents: 4 rows read, 3 tallied, 1 rejected

### one(): a score table joins by key; the county's own row (keyed by the rollup label) gives the total's score, the ledgers' totals come from the rows
$ C="$TOP/share/govstat/catalogue.json"; cp "$DATA/keyed/"*.csv .; tally -I "$C" -k livelihood_support,police_visibility,disputes,negative_deduction --universe units.csv --level township --rollup --rollup-label 全县 --from yearly_scores=scores.csv --from disputes=disputes.csv --from incidents=incidents.csv -o json
>>>
{"township":"东乡","livelihood_support":82,"police_visibility":71,"disputes":2,"negative_deduction":0}
{"township":"西镇","livelihood_support":80.5,"police_visibility":70,"disputes":3,"negative_deduction":10}
{"township":"全县","livelihood_support":81,"police_visibility":70.5,"disputes":5,"negative_deduction":10}

### one(): the same value twice is one value; two different values fail, naming the unit
$ printf 'township,s\nA,1\nA,1.0\nB,2\n' | tally -g township -a 'v=one(s)'; printf 'township,s\nA,1\nB,2\nB,3\n' | tally -g township -a 'v=one(s)'
>>>
township,v
A,1.0
B,2
>>>2
tally: -:4: township 'B': one() has two different values, 2 and 3
>>>= 3

### the negative list counts events, not rows: one homicide on two rows is one hit and 10 points; two are 10 + 20; a sensitive period doubles, both four times
$ tally -I "$TOP/share/govstat/catalogue.json" -k neg_01,negative_hits,negative_veto,negative_deduction -g township "$DATA/keyed/homicides.csv"
>>>
township,neg_01,negative_hits,negative_veto,negative_deduction
A,1,1,1,10
B,2,2,2,30
C,1,1,1,20
D,2,2,2,50

### the repeat and sensitive-period factors are catalogue settings
$ sed 's/"repeat": 2/"repeat": 3/; s/"sensitive_period": 2/"sensitive_period": 1.5/' "$TOP/share/govstat/catalogue.json" > c.json; tally -I c.json -k negative_deduction -g township "$DATA/keyed/homicides.csv"
>>>
township,negative_deduction
A,10
B,40
C,15.0
D,55.0

### events() and deduction() by hand; add() of none is 0; their states merge across shards
$ printf 'g,id,d,s\nx,e1,2020-02-01,0\nx,e2,2020-01-01,1\nx,e1,2020-01-15,0\ny,e3,2020-01-01,0\n' > in.csv; tally -g g -a 'n=events(1, id, d, s == 1)' -a 'p=deduction(5, 2, 3, events(1, id, d, s == 1))' -a 'z=add()' in.csv; head -3 in.csv | tally --partial -g g -a 'p=deduction(5, 2, 3, events(1, id, d, s == 1))' > a.p; (head -1 in.csv; tail -2 in.csv) | tally --partial -g g -a 'p=deduction(5, 2, 3, events(1, id, d, s == 1))' > b.p; tally --merge a.p b.p
>>>
g,n,p,z
x,2,25,0
y,1,5,0
g,p
x,25
y,5

### --from usage errors: FILE arguments, a record with no --from, one rejects file for several records, a negative_list indicator with an agg
$ C="$TOP/share/govstat/catalogue.json"; tally -I "$C" -k disputes --from disputes=a.csv b.csv; tally -I "$C" -k disputes,petitions --from disputes=a.csv; tally -I "$C" -k disputes,petitions --from disputes=a.csv --from petitions=b.csv -r rej.csv; tally -I "$C" -k zero_incident_villages --from incidents=a.csv; printf '{"indicators":[{"id":"h","agg":"count()","negative_list":"hits"}]}' > n.json; tally -I n.json -k h x.csv
>>>2
tally: with --from, every input is named by its record type: give --from RECORD=FILE instead of FILE arguments
Try 'tally --help' for more information.
tally: indicator petitions reads the petitions record: give --from petitions=FILE
Try 'tally --help' for more information.
tally: --rejects with several --from records: put {record} in the file name (rejects-{record}.csv), one file a record
Try 'tally --help' for more information.
tally: indicator zero_incident_villages counts the villages of the unit register: give --universe REGISTER --level township or county
Try 'tally --help' for more information.
tally: n.json: indicator h: a "negative_list" indicator is made from the items; give no "agg"
>>>= 2

### --filter RECORD=EXPR filters one input; --rejects with {record} writes one file a record; --level county is one row
$ C="$TOP/share/govstat/catalogue.json"; cp "$DATA/keyed/"*.csv .; printf 'township,village,status\n东乡,甲村,resolved\n南村,x,resolved\n' > d.csv; tally -I "$C" -k disputes,valid_incidents --universe units.csv --level county --from disputes=disputes.csv --from incidents=incidents.csv --filter 'disputes=status == "resolved"'; tally -I "$C" -k disputes --universe units.csv --level township --from disputes=d.csv -r rej-{record}.csv; echo "status $?"; cat rej-disputes.csv
>>>
disputes,valid_incidents
4,2
township,disputes
东乡,1
西镇,0
status 1
township,village,status,_line,_error,_raw
南村,x,resolved,3,not in the universe units.csv: township '南村',
>>>2
tally: disputes: 2 rows read, 1 tallied, 1 rejected

### means and ratios are written exactly enough to decide on: 121/124 and 161/165 are both 0.9758 at 4 decimals, and rank still orders them right
$ printf '镇街,户号,households,safe_households\n东岭镇,a,60,59\n西坝街道,b,100,98\n东岭镇,c,64,62\n西坝街道,d,65,63\n' > h.csv; tally -I "$TOP/share/govstat/catalogue.json" -k safe_family_ratio -g 镇街 -a 'hh=sum(households)' h.csv | rank -k safe_family_ratio -k hh
>>>
镇街,hh,safe_family_ratio,rank
东岭镇,124,0.97580645161290322581,1
西坝街道,165,0.97575757575757575758,2

### --round (or --decimals N) rounds for reading: each catalogue indicator to its "decimals"; a ratio that ends keeps the places asked for
$ printf '镇街,户号,households,safe_households\n东岭镇,a,60,59\n西坝街道,b,100,98\n东岭镇,c,64,62\n西坝街道,d,65,63\n南台乡,e,8,6\n' > h.csv; tally --round -I "$TOP/share/govstat/catalogue.json" -k safe_family_ratio -g 镇街 h.csv; tally -I "$TOP/share/govstat/catalogue.json" -k safe_family_ratio -g 镇街 h.csv | sed -n 3p; printf 'x\n1\n2\n2\n' | tally -a 'm=mean(x)' --decimals 2; printf 'x\n1\n2\n2\n' | tally -a 'm=mean(x)' --partial | tally --merge
>>>
镇街,safe_family_ratio
东岭镇,0.9758
南台乡,0.7500
西坝街道,0.9758
南台乡,0.7500
m
1.67
m
1.66666666666666666667

### --jobs: the same bytes for any number of threads, on a ledger with quoted line ends and doubled quotes, CRLF and a BOM
$ awk 'BEGIN { printf "\357\273\277id,town,v,x,d,note\r\n"; s = 7; for (i = 1; i <= 4000; i++) { s = (s * 16807) % 2147483647; n = s % 5 == 0 ? "\"line one\r\nline \"\"two\"\",\nthree\"" : "plain"; printf "%d,t%d,%d,%d.%d,2020-%02d-01,%s\r\n", i, s % 7, s % 11, s % 100, s % 3, s % 12 + 1, n } }' > l.csv; set -- -g town -a 'n=count()' -a 'dv=distinct(v)' -a 'lo=min(x)' -a 'hi=max(x)' -a 's=sum(x)' -a 'm=mean(x)' -a 'nl=count(note!="plain")' -a 'e=events(v>5,v,d,x>50)' -p month -d d --rollup; tally --jobs 1 -v "$@" l.csv > j1.csv 2> j1.err; for j in 2 3 7; do tally --jobs $j -v "$@" l.csv > j$j.csv 2> j$j.err; cmp j1.csv j$j.csv && cmp j1.err j$j.err && echo $j identical; done; wc -l < j1.csv; sed -n 2p j1.csv; cat j1.err
>>>
2 identical
3 identical
7 identical
98
2020-01,t0,54,11,0.0,96.0,2184.0,40.44444444444444444444,18,5
tally: 4000 rows read, 4000 tallied, 0 rejected

### --jobs: rejects, their line numbers and the counts are those of one pass
$ awk 'BEGIN { print "id,town,x,d,note"; for (i = 1; i <= 3000; i++) { if (i == 700) print "700,t1,1"; else if (i == 1500) print "1500,t2,a\"b,2020-01-01,plain"; else if (i == 2200) print "2200,t3,zz,2020-01-01,plain"; else if (i == 2900) print "2900,t4,5,notadate,plain"; else printf "%d,t%d,%d,2020-%02d-03,\"a\nb\"\n", i, i % 5, i % 13, i % 12 + 1 } }' > r.csv; set -- -g town -a 'n=count()' -a 's=sum(x)' -p quarter -d d; for j in 1 2 3 7; do tally --jobs $j "$@" -r rj$j.csv r.csv > o$j.csv 2> e$j.err; echo "status $?" >> e$j.err; done; for j in 2 3 7; do cmp o1.csv o$j.csv && cmp rj1.csv rj$j.csv && cmp e1.err e$j.err && echo $j identical; done; cat rj1.csv e1.err; wc -l < o1.csv
>>>
2 identical
3 identical
7 identical
id,town,x,d,note,_line,_error,_raw
700,t1,1,,,1400,"row has 3 fields, the header has 5","700,t1,1"
1500,t2,,,,2999,"misplaced quote (a quote inside an unquoted field, or text after a closing quote)","1500,t2,a""b,2020-01-01,plain"
2200,t3,zz,2020-01-01,plain,4398,field 'x': 'zz' is not a number,
2900,t4,5,notadate,plain,5797,field 'd': 'notadate' is not a date (not a date),
tally: 3000 rows read, 2996 tallied, 4 rejected
status 1
21

### --jobs: a header only, fewer rows than threads, no last line end, an empty file, CR line ends, TSV, JSON lines and standard input read as with one thread
$ printf 'g,x\r\n' > h.csv; printf 'g,x\na,1\nb,2\n' > s.csv; printf 'g,x\na,1\nb,2' > nonl.csv; : > empty.csv; printf 'g,x\ra,1\rb,2\ra,3\r' > cr.csv; printf 'g\tx\na\t1\nb\t"2\n"\n' > t.tsv; printf '{"g":"a","x":"1"}\n{"g":"b","x":"2"}\n' > j.json; for f in h.csv s.csv nonl.csv empty.csv cr.csv t.tsv j.json; do for j in 1 2 7; do tally --jobs $j -v -g g -a 'n=count()' -a 's=sum(x)' $f > $f.$j 2>&1; echo "status $?" >> $f.$j; done; cmp $f.1 $f.2 && cmp $f.1 $f.7 && cat $f.1; done; for j in 1 7; do tally --jobs $j -g g -a 'n=count()' < s.csv > in.$j; done; cmp in.1 in.7 && echo stdin identical
>>>
g,n,s
tally: 0 rows read, 0 tallied, 0 rejected
status 0
g,n,s
a,1,1
b,1,2
tally: 2 rows read, 2 tallied, 0 rejected
status 0
g,n,s
a,1,1
b,1,2
tally: 2 rows read, 2 tallied, 0 rejected
status 0
tally: empty.csv: empty input: no header
status 3
g,n,s
a,2,4
b,1,2
tally: 3 rows read, 3 tallied, 0 rejected
status 0
tally: --by: no field 'g' in the input
Try 'tally --help' for more information.
status 2
{"g":"a","n":1,"s":1}
{"g":"b","n":1,"s":2}
tally: 2 rows read, 2 tallied, 0 rejected
status 0
stdin identical

### --jobs: one() in conflict within a piece and across pieces is reported at the line one pass reports
$ awk 'BEGIN { print "g,x"; for (i = 1; i <= 2000; i++) print "a," (i == 1800 ? 2 : 1) }' > in.csv; awk 'BEGIN { print "g,x"; for (i = 1; i <= 2000; i++) print "a," (i > 1000 ? 2 : 1) }' > across.csv; for j in 1 2 7; do tally --jobs $j -g g -a 'o=one(x)' in.csv; echo "status $?"; tally --jobs $j -g g -a 'o=one(x)' across.csv; echo "status $?"; done 2>&1 | sort | uniq -c
>>>
      6 status 3
      3 tally: across.csv:1002: g 'a': one() has two different values, 1 and 2
      3 tally: in.csv:1801: g 'a': one() has two different values, 1 and 2

### --jobs: a line after a cut that starts with the bytes of a byte-order mark keeps them, as in one pass (only the file's first bytes can be a BOM)
$ awk 'BEGIN { print "k,x"; for (i = 1; i <= 3000; i++) print "a,1"; printf "\357\273\277a,1\n"; for (i = 1; i <= 2998; i++) print "a,1" }' > bom.csv; for j in 1 2 3; do tally --jobs $j -g k -a 'n=count()' bom.csv > bom$j.csv; done; cmp bom1.csv bom2.csv && cmp bom1.csv bom3.csv && tail -n 1 bom1.csv | od -An -c | tr -s ' '
>>>
 357 273 277 a , 1 \n

### --jobs (LeakSanitizer cannot run under strace, so a sanitized build leaves leaks to the other cases here): threads do run on a regular file, and once more after guessed cuts fell inside a quoted field; a rejected row far from the cuts sends the file to one pass without a second cutting
$ awk 'BEGIN { print "g,x"; for (i = 1; i <= 20000; i++) print "a" i % 3 "," i }' > plain.csv; awk 'BEGIN { print "g,x,note"; for (i = 1; i <= 400; i++) print "a" i % 3 "," i ",plain"; printf "b,1,\""; for (i = 1; i <= 2000; i++) printf "line %d\n", i; print "\""; for (i = 1; i <= 400; i++) print "c" i % 3 "," i ",plain" }' > q.csv; awk 'BEGIN { print "g,x"; for (i = 1; i <= 20000; i++) print (i == 5000 ? "bad" : "a" i % 3 "," i) }' > rej.csv; for f in plain q rej; do for j in 1 2; do ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -e trace=clone,clone3 -o tr.$f.$j tally --jobs $j -g g -a 'n=count()' -r /dev/null $f.csv > $f.$j.csv 2> $f.$j.err; done; cmp $f.1.csv $f.2.csv && cmp $f.1.err $f.2.err || echo "$f differs"; echo "$f: threads started by --jobs 2: $(( $(grep -c 'clone' tr.$f.2) - $(grep -c 'clone' tr.$f.1) ))"; done
>>>
plain: threads started by --jobs 2: 1
q: threads started by --jobs 2: 2
rej: threads started by --jobs 2: 1

### --jobs: threads asked for by name run with stderr a terminal too, where the default leaves them for the progress line
$ awk 'BEGIN { print "g,x"; for (i = 1; i <= 20000; i++) print "a" i % 3 "," i }' > p.csv; for o in "--jobs 1" "--jobs 2" ""; do script -qec "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0\" strace -f -qq -e trace=clone,clone3 -o tr.tty tally $o -g g -a 'n=count()' p.csv > p.out" /dev/null > /dev/null; c=$(grep -c clone tr.tty); echo "[$o] threads started: $(( c - ${c1:=$c} ))"; done; tally --jobs 1 -g g -a 'n=count()' p.csv | cmp - p.out && echo same
>>>
[--jobs 1] threads started: 0
[--jobs 2] threads started: 1
[] threads started: 0
same

### --jobs: a number of threads from 1
$ tally --jobs 0 -a 'n=count()'
>>>2
tally: --jobs: give a number of threads from 1 to 1024
Try 'tally --help' for more information.
>>>= 2

### --jobs: blank lines and rows of empty cells are dropped and counted as in one pass
$ awk 'BEGIN { print "g,x"; for (i = 1; i <= 3000; i++) { if (i % 97 == 0) print ",,"; else if (i % 89 == 0) print ""; else print "a" i % 3 "," i } }' > b.csv; for j in 1 2 7; do tally --jobs $j -v -g g -a 'n=count()' -a 's=sum(x)' b.csv > b$j.csv 2>&1; done; cmp b1.csv b2.csv && cmp b1.csv b7.csv && cat b1.csv
>>>
g,n,s
a0,979,1467873
a1,979,1468792
a2,979,1469801
tally: 2967 rows read, 2937 tallied, 0 rejected, 30 dropped

### --jobs: a quoted field of 2000 lines over the middle of the file is never cut
$ awk 'BEGIN { print "g,x,note"; for (i = 1; i <= 400; i++) print "a" i % 3 "," i ",plain"; printf "b,1,\""; for (i = 1; i <= 2000; i++) printf "line %d, \"\"quoted\"\"\n", i; print "\""; for (i = 1; i <= 400; i++) print "c" i % 3 "," i ",plain" }' > big.csv; for j in 1 2 3 7; do tally --jobs $j -v -g g -a 'n=count()' -a 's=sum(x)' -a 'd=distinct(note)' big.csv > big$j.csv 2>&1; done; cmp big1.csv big2.csv && cmp big1.csv big3.csv && cmp big1.csv big7.csv && cat big1.csv
>>>
g,n,s,d
a0,133,26733,1
a1,134,26867,1
a2,133,26600,1
b,1,1,1
c0,133,26733,1
c1,134,26867,1
c2,133,26600,1
tally: 801 rows read, 801 tallied, 0 rejected
