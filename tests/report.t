# report(1): tables for people, and their provenance. Data: tests/data.

### --help and --version
$ report --help | head -1; report --version
>>>
Usage: report [OPTION]... [FILE]...
report (govstat) 0.1.0

### text: aligned by display width (田园镇 is six columns), numbers right-aligned, title and date
$ cp "$DATA/indicators.csv" .; report --title '2020年3月 矛盾纠纷化解率' --date 2020-03-31 --percent rate indicators.csv
>>>
2020年3月 矛盾纠纷化解率
2020-03-31

township      disputes    rate
------------------------------
田园镇               6  97.58%
石桥乡               5  60.00%
Longtan Town        13  95.00%
新华社区             0       -

govstat 0.1.0; input indicators.csv, sha256 fd5adad06b0b7874b7e8dd6d59e7328468355c809f1c76992422fc7d9b1de587, 4 rows; report --title '2020年3月 矛盾纠纷化解率' --date 2020-03-31 --percent rate indicators.csv

### every table line ends at the same display column (checked line by line)
$ report --percent rate "$DATA/indicators.csv" | sed -n '1,6p' | while IFS= read -r l; do printf '%s' "$l" | wc -L; done | sort -u
>>>
30

### a table too wide for --width is cut with a marker, and still lines up
$ printf 'name,n\n一个很长很长很长很长很长很长的乡镇名称,1\nab,22\n' | report --width 20 | sed -n '1,4p'; printf 'name,n\n一个很长很长很长很长很长很长的乡镇名称,1\nab,22\n' | report --width 20 | sed -n '1,4p' | while IFS= read -r l; do printf '%s' "$l" | wc -L; done | sort -u
>>>
name               n
--------------------
一个很长很长很~    1
ab                22
20

### --columns picks and orders, --label renames, --decimals rounds half away from zero
$ printf 'u,x,y\na,0.125,1\nb,-0.125,2\n' | report --columns y,x --label x=数值 --decimals 2
>>>
y   数值
--------
1   0.13
2  -0.13

govstat 0.1.0; input -, sha256 fd622325e64a83386a848b8eac6704aec54cd32c50f226add66788b78dbc267f, 2 rows; report --columns y,x --label x=数值 --decimals 2

### --target marks the rows where it is false and counts them
$ report --percent rate --target 'rate >= 0.95' "$DATA/indicators.csv" | sed -n '1,8p'
>>>
township      disputes    rate  target
--------------------------------------
田园镇               6  97.58%       ✓
石桥乡               5  60.00%       ✗
Longtan Town        13  95.00%       ✓
新华社区             0       -       ✗

2 of 4 rows miss the target rate >= 0.95

### --compare: previous value, change with an arrow, met or missed; units in one period only are shown
$ report --compare "$DATA/indicators-prev.csv" --key township --up rate --down disputes --percent rate --width 120 "$DATA/indicators.csv" | sed -n '1,7p'
>>>
township      disputes  disputes prev  disputes change  disputes down    rate  rate prev  rate change  rate up
--------------------------------------------------------------------------------------------------------------
田园镇               6              4             +2 ↑              ✗  97.58%     96.00%    +1.58pp ↑        ✓
石桥乡               5              5              0 →              ✗  60.00%     70.00%   -10.00pp ↓        ✗
Longtan Town        13              -                -              -  95.00%          -            -        -
新华社区             0              -                -              -       -          -            -        -
白沙乡               -              2                -              -       -     50.00%            -        -

### --compare in JSON: exact changes, marks as 1 and 0, NA as null
$ report -f json --compare "$DATA/indicators-prev.csv" --key township --up rate "$DATA/indicators.csv"
>>>
{"township":"田园镇","disputes":6,"disputes_prev":4,"disputes_change":2,"rate":0.9758,"rate_prev":0.96,"rate_change":0.0158,"rate_met":1}
{"township":"石桥乡","disputes":5,"disputes_prev":5,"disputes_change":0,"rate":0.6,"rate_prev":0.7,"rate_change":-0.1,"rate_met":0}
{"township":"Longtan Town","disputes":13,"disputes_prev":null,"disputes_change":null,"rate":0.95,"rate_prev":null,"rate_change":null,"rate_met":null}
{"township":"新华社区","disputes":0,"disputes_prev":null,"disputes_change":null,"rate":null,"rate_prev":null,"rate_change":null,"rate_met":null}
{"township":"白沙乡","disputes":null,"disputes_prev":2,"disputes_change":null,"rate":null,"rate_prev":0.5,"rate_change":null,"rate_met":null}

### csv: the same table for machines, nothing else
$ report -f csv --target 'rate >= 0.95' "$DATA/indicators.csv"
>>>
township,disputes,rate,target
田园镇,6,0.9758,1
石桥乡,5,0.6,0
Longtan Town,13,0.95,1
新华社区,0,,0

### markdown: a pipe table with cells escaped
$ printf 'name,note\n"a|b",x*y_z\n<b>,"two\nlines"\n' | report -f markdown --title 'T|1'
>>>
# T\|1

| name | note |
| --- | --- |
| a\|b | x\*y\_z |
| &lt;b&gt; | two<br>lines |

<small>govstat 0.1.0; input -, sha256 c4365d859b9c79a25f5ae59ccc9b4e84c9974c869c0543e9c235b891ae9eb5e9, 2 rows; report -f markdown --title 'T\|1'</small>

### html: valid HTML5 (tidy), lang zh-CN, nothing fetched from anywhere
$ report -f html --title '矛盾纠纷化解率' --percent rate --target 'rate >= 0.95' --chart rate --chart-target 0.95 "$DATA/indicators.csv" > r.html; tidy -e -q r.html; echo "tidy $?"; grep -c '<html lang="zh-CN">' r.html; grep -Eio '(src|href)=|url\(|@import|<script|<link' r.html | wc -l; grep -c 'class="missed"' r.html; grep -c '<rect ' r.html; grep -c 'stroke-dasharray' r.html
>>>
tidy 0
1
0
3
4
1

### html escapes what it shows
$ printf 'name,v\n"<script>x</script>",1\n' | report -f html --title 'a & b' > e.html; grep -c '<script>' e.html; grep -c '<td>&lt;script&gt;x&lt;/script&gt;</td>' e.html; grep -c '<h1>a &amp; b</h1>' e.html
>>>
0
1
1

### html in a real browser: Chromium renders the page and the chart
$ report -f html --title '矛盾纠纷化解率' --percent rate --target 'rate >= 0.95' --chart rate --chart-target 0.95 "$DATA/indicators.csv" > r.html; flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$PWD/prof"; chromium $flags --window-size=800,600 --screenshot="$PWD/r.png" "file://$PWD/r.html" 2>/dev/null; head -c 8 r.png | od -An -c | tr -d ' '; [ "$(wc -c < r.png)" -gt 10000 ] && echo "a picture"; chromium $flags --dump-dom "file://$PWD/r.html" 2>/dev/null | grep -o '<rect [^>]*>' | wc -l
>>>
211PNG\r\n032\n
a picture
4

### the same inputs and options give the same bytes, in every format
$ for f in text markdown html json csv; do report -f $f --title t --percent rate --target 'rate >= 0.95' --chart rate "$DATA/indicators.csv" > a; report -f $f --title t --percent rate --target 'rate >= 0.95' --chart rate "$DATA/indicators.csv" > b; cmp -s a b && echo "$f same"; done
>>>
text same
markdown same
html same
json same
csv same

### no clock: SOURCE_DATE_EPOCH sets the date shown, and nothing else does
$ report --title t "$DATA/indicators.csv" | sed -n 2p; SOURCE_DATE_EPOCH=1585612800 report --title t "$DATA/indicators.csv" | sed -n 2p
>>>

2020-03-31

### the manifest of a three-tool pipeline: one line each, hashes that match the files, rendered as an appendix
$ cp "$DATA/disputes.csv" .; export GOVSTAT_MANIFEST=$PWD/m.jsonl; tally -g township -a 'n=count()' -a 'rate=ratio(count(status=="resolved"),count())' disputes.csv > t.csv; rank -k rate t.csv > r.csv; report --percent rate r.csv > out.txt; unset GOVSTAT_MANIFEST; wc -l < m.jsonl; grep -o '"tool":"[a-z]*"' m.jsonl | tr '\n' ' '; echo; for f in disputes.csv t.csv r.csv out.txt; do h=$(sha256sum $f | cut -c1-64); printf '%s %s\n' $f $(grep -c "$h" m.jsonl); done; report --manifest-in m.jsonl r.csv | sed -n '/How these/,/^3\./p' | sed 's/sha256 [0-9a-f]*/sha256 …/'
>>>
3
"tool":"tally" "tool":"rank" "tool":"report" 
disputes.csv 1
t.csv 2
r.csv 2
out.txt 1
How these figures were computed:
1. tally -g township -a 'n=count()' -a 'rate=ratio(count(status=="resolved"),count())' disputes.csv (status 0)
   input disputes.csv, sha256 …, 509 bytes, 9 rows
   output -, sha256 …, 54 bytes, 2 rows
2. rank -k rate t.csv (status 0)
   input t.csv, sha256 …, 54 bytes, 2 rows
   output -, sha256 …, 63 bytes, 2 rows
3. report --percent rate r.csv (status 0)

### tools side by side append whole lines (no interleaving)
$ for i in $(seq 1 40); do printf 'g\na\n' | tally --manifest m2.jsonl -g g -a 'n=count()' > /dev/null & done; wait; wc -l < m2.jsonl; grep -c '^{"tool":"tally".*\]}$' m2.jsonl
>>>
40
40

### usage errors
$ report -f pdf < /dev/null; report --up rate < /dev/null; report --compare x.csv < /dev/null; report --columns nope "$DATA/indicators.csv"; report --target 'rate >' "$DATA/indicators.csv"
>>>2
report: --format: 'pdf' is not text, markdown, html, json or csv
Try 'report --help' for more information.
report: --key, --up and --down go with --compare
Try 'report --help' for more information.
report: --compare needs --key FIELDS to match the rows
Try 'report --help' for more information.
report: --columns: no field 'nope' in the input
Try 'report --help' for more information.
report: --target 'rate >': column 7: expression ends too soon
Try 'report --help' for more information.
>>>= 2

### a full disk is a write error
$ report "$DATA/indicators.csv" > /dev/full
>>>2
report: write error: No space left on device
>>>= 3

### exact ratios from tally: the page rounds them (both 0.9758), the target decides on the exact values, --label renames the target column
$ printf '镇街,户号,households,safe_households\n东岭镇,a,60,59\n西坝街道,b,100,98\n东岭镇,c,64,62\n西坝街道,d,65,63\n' > h.csv; tally -I "$TOP/share/govstat/catalogue.json" -k safe_family_ratio -g 镇街 h.csv | rank -k safe_family_ratio > r.csv; report --target 'safe_family_ratio >= 0.9758' --label target=达标 --label safe_family_ratio=平安家庭比例 --label rank=名次 r.csv | sed -n 1,6p; report -f csv r.csv; report --percent safe_family_ratio --columns 镇街,safe_family_ratio r.csv | sed -n 3,4p
>>>
镇街      平安家庭比例  名次  达标
----------------------------------
东岭镇          0.9758     1     ✓
西坝街道        0.9758     2     ✗

1 of 2 rows miss the target safe_family_ratio >= 0.9758
镇街,safe_family_ratio,rank
东岭镇,0.97580645161290322581,1
西坝街道,0.97575757575757575758,2
东岭镇               97.58%
西坝街道             97.58%

### --decimals COL=N beside --decimals N: one column's decimals, a count's too, its change too
$ printf 'u,a,b,n\nx,0.125,0.33333,3\ny,1.5,2,4\n' | report --decimals 1 --decimals b=3 --decimals n=1 | sed -n 1,4p; printf 'k,r\nx,0.5\n' > p.csv; printf 'k,r\nx,0.61237\n' | report --compare p.csv --key k --up r --decimals r=2 --label r_change=变化 --label r_met=上升 | sed -n 1,3p
>>>
u    a      b    n
------------------
x  0.1  0.333  3.0
y  1.5  2.000  4.0
k     r  r prev     变化  上升
------------------------------
x  0.61    0.50  +0.11 ↑     ✓

### a label for a column not shown is ignored (one set of labels for several tables); a bad --decimals is a usage error
$ printf 'u,v\na,1\n' | report -f markdown --label vv=数值 --label v=值; printf 'u,v\na,1\n' | report --decimals 2x; printf 'u,v\na,1\n' | report --decimals =2
>>>
| u | 值 |
| --- | ---: |
| a | 1 |

<small>govstat 0.1.0; input -, sha256 bcc3502b071962ebeded570c8c21ac8b65e6a050496f0d19db2e6f71b7e1e576, 1 rows; report -f markdown --label vv=数值 --label v=值</small>
>>>2
report: --decimals '2x': give a number from 0 to 30, or COL=N
Try 'report --help' for more information.
report: --decimals '=2': give N or COL=N
Try 'report --help' for more information.
>>>= 2

### --where shows the rows where it holds, here and in the previous period; the footer counts the others
$ printf '镇街,纠纷\n全县,30\n东岭镇,12\n西坝街道,18\n' > c.csv; printf '镇街,纠纷\n全县,25\n东岭镇,10\n' > p.csv; report --where '`镇街` != "全县"' c.csv | sed 's/sha256 [0-9a-f]*/sha256 …/'; report -f csv --where '`纠纷` > 12' --compare p.csv --key 镇街 c.csv; report -v -f csv --where '`镇街` != "全县"' c.csv
>>>
镇街      纠纷
--------------
东岭镇      12
西坝街道    18

govstat 0.1.0; input c.csv, sha256 …, 3 rows, 2 shown, 1 left out by --where; report --where '`镇街` != "全县"' c.csv
镇街,纠纷,纠纷_prev,纠纷_change
全县,30,25,5
西坝街道,18,,
镇街,纠纷
东岭镇,12
西坝街道,18
>>>2
report: 3 rows read, 2 written, 1 left out by --where, 0 rejected

### 2 of 4 rows unreadable: each named, the summary on stderr, the footer says they were left out, status 1
$ printf 'u,v\na,1\nb,2,3\nc,3\nd,4,5,6\n' | report | sed 's/sha256 [0-9a-f]*/sha256 …/'; printf 'u,v\na,1\nb,2,3\n' | report -f csv
>>>
u  v
----
a  1
c  3

govstat 0.1.0; input -, sha256 …, 4 rows, 2 shown, 2 unreadable and left out (see the messages on standard error); report
u,v
a,1
>>>2
report: -:3: row has 3 fields, the header has 2
report: -:5: row has 4 fields, the header has 2
report: 4 rows read, 2 written, 2 rejected
report: -:3: row has 3 fields, the header has 2
report: 2 rows read, 1 written, 1 rejected
>>>= 1

### five up, two down on exact values: 161/165 to 121/124 is up, though both show as 0.9758; an unchanged value is missed
$ printf '镇街,r\n东岭镇,0.97575757575757575758\n西坝街道,0.5\n' > p.csv; printf '镇街,r\n东岭镇,0.97580645161290322581\n西坝街道,0.5\n' | report --compare p.csv --key 镇街 --up r | sed -n 1,4p; printf '镇街,r\n东岭镇,0.97580645161290322581\n' | report -f csv --compare p.csv --key 镇街 --up r --where '`镇街` == "东岭镇"'
>>>
镇街           r  r prev   r change  r up
-----------------------------------------
东岭镇    0.9758  0.9758  +0.0000 ↑     ✓
西坝街道     0.5     0.5      0.0 →     ✗
镇街,r,r_prev,r_change,r_met
东岭镇,0.97580645161290322581,0.97575757575757575758,0.00004887585532746823,1
