# report(1): tables for people, and their provenance. Data: tests/data.
# The cases at the end run under zh_CN: report's own words in Chinese, and
# the text table's headers wrapped whole where they used to be cut.

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

### text: ambiguous-width characters (↑ ✓ ×) count two in a zh locale, one otherwise; GOVSTAT_AMBIGUOUS and --ambiguous decide over the locale
$ printf 'a,b\n↑✓,1\nxy,2\n' > amb.csv; report amb.csv | sed -n 3p; LC_ALL=zh_CN.UTF-8 report amb.csv | sed -n 3,4p; LC_ALL= LANG=ja_JP.UTF-8 report amb.csv | sed -n 4p; LC_ALL=zh_CN.UTF-8 GOVSTAT_AMBIGUOUS=narrow report amb.csv | sed -n 4p; LC_ALL=zh_CN.UTF-8 report --ambiguous narrow amb.csv | sed -n 4p; report --ambiguous wide amb.csv | sed -n 4p; report --ambiguous big amb.csv
>>>
↑✓  1
↑✓  1
xy    2
xy    2
xy  2
xy  2
xy    2
>>>2
report: --ambiguous: 'big' is not wide or narrow
Try 'report --help' for more information.
>>>= 2

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

### --catalogue: indicator columns get their Chinese names, a ratio shows as a percent of its decimals (3 decimals: 95.8%), numbers by their decimals, the targets and directions become the target
$ report --catalogue "$DATA/report/catalogue.json" "$DATA/report/catalogued.csv" | sed -n 1,7p
>>>
unit      受理案件数  closed  超期件数  案件办结率  平均办理天数  target
------------------------------------------------------------------------
青山街道          48      46         1       95.8%           3.3       ✓
河口镇            31      29         3       93.5%           4.5       ✗
柳林乡            17      17         0      100.0%           2.1       ✓

1 of 3 rows miss the target 超期件数 ≤ 2 and 案件办结率 ≥ 95%

### --catalogue: English names under an English locale (Chinese where there is no English name); the chart's target from the catalogue; LC_MESSAGES decides over LANG, for the names and report's words alike (both locales installed, in build/locales)
$ LC_ALL=en_GB.UTF-8 report --catalogue "$DATA/report/catalogue.json" --columns unit,close_ratio,overdue -f html --chart close_ratio "$DATA/report/catalogued.csv" | grep -E '^<tr><th|class="target"'; LOCPATH="$TOP/build/locales" LC_ALL= LC_MESSAGES=zh_CN.UTF-8 LANG=en_US.UTF-8 report --catalogue "$DATA/report/catalogue.json" --columns close_ratio "$DATA/report/catalogued.csv" | sed -n 1p; LOCPATH="$TOP/build/locales" LC_ALL= LC_MESSAGES=en_US.UTF-8 LANG=zh_CN.UTF-8 report --catalogue "$DATA/report/catalogue.json" --columns close_ratio "$DATA/report/catalogued.csv" | sed -n 1p
>>>
<tr><th scope="col">unit</th><th scope="col">Case closure ratio</th><th scope="col">超期件数</th><th scope="col">target</th></tr>
<text class="target" x="350" y="16" text-anchor="middle" fill="#b00020">target 95.00%</text>
案件办结率  目标
Case closure ratio  target

### --catalogue: --label, --decimals and --target win over it; xlsx takes its percent format; a catalogue that cannot be read is a usage error
$ report --catalogue "$DATA/report/catalogue.json" --target 'cases > 20' --label close_ratio=办结率 --decimals 2 "$DATA/report/catalogued.csv" | sed -n 1,7p; report -f xlsx --catalogue "$DATA/report/catalogue.json" "$DATA/report/catalogued.csv" > k.xlsx; "$TOP/tests/xlsx_check.py" k.xlsx | grep -E '^[EF][12] '; report --catalogue nope.json "$DATA/report/catalogued.csv"; echo $?
>>>
unit      受理案件数  closed  超期件数   办结率  平均办理天数  target
---------------------------------------------------------------------
青山街道          48      46         1   95.83%          3.25       ✓
河口镇            31      29         3   93.55%          4.50       ✓
柳林乡            17      17         0  100.00%          2.13       ✗

1 of 3 rows miss the target 受理案件数 > 20
E1 s '案件办结率' General bold
F1 s '平均办理天数' General bold
E2 n 0.958333 0.0% -
F2 n 3.25 0.0 -
2
>>>2
report: nope.json: cannot open catalogue: No such file or directory

### --pivot: units down, weeks across (sorted), a total column and row summed exactly from the long table (a unit and week met twice are added); units keep their order; an empty value stays empty
$ printf 'township,week,disputes,rate\n田园镇,2020-W02,3,0.9\n石桥乡,2020-W01,2,0.5\n田园镇,2020-W01,4,0.75\n石桥乡,2020-W02,1,1\n田园镇,2020-W02,0.5,0.9\n河口乡,2020-W02,,\n' > long.csv; report --pivot week long.csv | sed -n 1,6p; report --pivot week --pivot-value rate --pivot-total 总计 -f csv long.csv
>>>
township  2020-W01  2020-W02  合计
----------------------------------
田园镇           4       3.5   7.5
石桥乡           2         1     3
河口乡           -         -     -
合计             6       4.5  10.5
township,2020-W01,2020-W02,总计
田园镇,0.75,1.8,2.55
石桥乡,0.5,1,1.5
河口乡,,,
总计,1.25,2.8,4.05

### --pivot on a table with no text column (the county's own: period and value): one unit, so one row, the totals, not a unit row and a total row alike
$ printf 'period,n\n2020-02,5\n2020-01,3\n2020-01,1\n' > county.csv; report --pivot period county.csv | sed -n 1,4p; report --pivot period -f csv county.csv
>>>
2020-01  2020-02  合计
----------------------
      4        5     9

2020-01,2020-02,合计
4,5,9

### --pivot in xlsx: the total row is bold, the cells numbers; exact sums, not sums of rounded cells
$ printf 'unit,month,amount\n甲,2020-01,0.004\n甲,2020-02,0.004\n乙,2020-01,0.004\n' | report --pivot month --decimals 2 | sed -n 3,5p; printf 'unit,month,amount\n甲,2020-01,0.004\n甲,2020-02,0.004\n乙,2020-01,0.004\n' | report --pivot month -f xlsx > p.xlsx; "$TOP/tests/xlsx_check.py" p.xlsx | grep -E '^[A-D]4 '
>>>
甲       0.00     0.00  0.01
乙       0.00        -  0.00
合计     0.01     0.00  0.01
A4 s '合计' @ bold
B4 n 0.008 General bold
C4 n 0.004 General bold
D4 n 0.012 General bold

### --pivot: errors
$ report --pivot nope "$DATA/indicators.csv"; printf 'u,p\na,x\n' | report --pivot p; printf 'u,p,v\na,x,1\n' | report --pivot p --pivot-value u
>>>2
report: --pivot: no field 'nope' in the input
Try 'report --help' for more information.
report: --pivot: no number column to spread across 'p'; name one with --pivot-value
Try 'report --help' for more information.
report: --pivot-value: 'u' is not a number column
Try 'report --help' for more information.
>>>= 2

### --target marks the rows where it is false and counts them; a row whose value is empty (not applicable: no disputes) is neither, and left out of the count
$ report --percent rate --target 'rate >= 0.95' "$DATA/indicators.csv" | sed -n '1,8p'
>>>
township      disputes    rate  target
--------------------------------------
田园镇               6  97.58%       ✓
石桥乡               5  60.00%       ✗
Longtan Town        13  95.00%       ✓
新华社区             0       -       -

1 of 3 rows miss the target rate ≥ 95%; 1 not applicable (a value it reads is empty), left out

### --target from the catalogue: a not-applicable ratio is neither met nor missed in any format (empty, null, the NA mark, not shaded); all_met is its own
$ printf 'township,disputes,dispute_resolution_ratio\n田园镇,6,0.9758\n石桥乡,5,0.6\n新华社区,0,\n' > r.csv; printf 'township,disputes,dispute_resolution_ratio\n田园镇,4,0.96\n石桥乡,5,0.7\n新华社区,1,0.5\n' > p.csv; report --catalogue "$TOP/share/govstat/catalogue.json" r.csv | sed -n '3,7p'; report -f csv --catalogue "$TOP/share/govstat/catalogue.json" r.csv; report -f json --catalogue "$TOP/share/govstat/catalogue.json" r.csv | tail -1; report -f html --catalogue "$TOP/share/govstat/catalogue.json" r.csv | grep -E '^<tr><td>新华社区|not applicable'; report -f csv --compare p.csv --key township --down disputes --catalogue "$TOP/share/govstat/catalogue.json" r.csv | cut -d, -f1,5-
>>>
田园镇                 6          97.58%       ✓
石桥乡                 5          60.00%       ✗
新华社区               0               -       -

1 of 2 rows miss the target 矛盾纠纷化解率 ≥ 95%; 1 not applicable (a value it reads is empty), left out
township,disputes,dispute_resolution_ratio,target
田园镇,6,0.9758,1
石桥乡,5,0.6,0
新华社区,0,,
{"township":"新华社区","disputes":0,"dispute_resolution_ratio":null,"target":null}
<tr><td>新华社区</td><td class="num">0</td><td class="num">—</td><td class="mark">—</td></tr>
<p><span class="missed">✗</span> 1 of 2 rows miss the target 矛盾纠纷化解率 ≥ 95%; 1 not applicable (a value it reads is empty), left out</p>
township,disputes_met,dispute_resolution_ratio,dispute_resolution_ratio_prev,dispute_resolution_ratio_change,all_met,target
田园镇,0,0.9758,0.96,0.0158,0,1
石桥乡,0,0.6,0.7,-0.1,0,0
新华社区,1,,0.5,,1,

### --compare: previous value, change with an arrow, met or missed; units in one period only are shown
$ report --compare "$DATA/indicators-prev.csv" --key township --up rate --down disputes --percent rate --width 120 "$DATA/indicators.csv" | sed -n '1,7p'
>>>
township      disputes  disputes prev  disputes change  disputes down    rate  rate prev  rate change  rate up  all_met
-----------------------------------------------------------------------------------------------------------------------
田园镇               6              4             +2 ↑              ✗  97.58%     96.00%    +1.58pp ↑        ✓        ✗
石桥乡               5              5              0 →              ✗  60.00%     70.00%   -10.00pp ↓        ✗        ✗
Longtan Town        13              -                -              -  95.00%          -            -        -        ✗
新华社区             0              -                -              -       -          -            -        -        ✗
白沙乡               -              2                -              -       -     50.00%            -        -        ✗

### --compare in JSON: exact changes, marks as 1 and 0, NA as null
$ report -f json --compare "$DATA/indicators-prev.csv" --key township --up rate "$DATA/indicators.csv"
>>>
{"township":"田园镇","disputes":6,"disputes_prev":4,"disputes_change":2,"rate":0.9758,"rate_prev":0.96,"rate_change":0.0158,"rate_met":1,"all_met":1}
{"township":"石桥乡","disputes":5,"disputes_prev":5,"disputes_change":0,"rate":0.6,"rate_prev":0.7,"rate_change":-0.1,"rate_met":0,"all_met":0}
{"township":"Longtan Town","disputes":13,"disputes_prev":null,"disputes_change":null,"rate":0.95,"rate_prev":null,"rate_change":null,"rate_met":null,"all_met":0}
{"township":"新华社区","disputes":0,"disputes_prev":null,"disputes_change":null,"rate":null,"rate_prev":null,"rate_change":null,"rate_met":null,"all_met":0}
{"township":"白沙乡","disputes":null,"disputes_prev":2,"disputes_change":null,"rate":null,"rate_prev":0.5,"rate_change":null,"rate_met":null,"all_met":0}

### csv: the same table for machines, nothing else
$ report -f csv --target 'rate >= 0.95' "$DATA/indicators.csv"
>>>
township,disputes,rate,target
田园镇,6,0.9758,1
石桥乡,5,0.6,0
Longtan Town,13,0.95,1
新华社区,0,,

### csv and tsv for Excel on Windows: --bom starts with a UTF-8 byte-order mark, --encoding gb18030 writes GB18030 (with no mark: --bom with it is refused), the manifest hashes the bytes written
$ report -f csv --bom "$DATA/indicators.csv" | head -c 12 | od -An -tx1; report -f tsv --encoding gb18030 "$DATA/indicators.csv" > g.tsv; sed -n 2p g.tsv | od -An -tx1; iconv -f gb18030 -t utf-8 g.tsv; head -c 4 g.tsv | od -An -tx1; report -f csv --encoding GB18030 --bom "$DATA/indicators.csv"; echo "status $?"; report -f csv --bom --manifest m.jsonl "$DATA/indicators.csv" > b.csv; grep -c "$(sha256sum b.csv | cut -c1-64)" m.jsonl
>>>
 ef bb bf 74 6f 77 6e 73 68 69 70 2c
 cc ef d4 b0 d5 f2 09 36 09 30 2e 39 37 35 38 0a
township	disputes	rate
田园镇	6	0.9758
石桥乡	5	0.6
Longtan Town	13	0.95
新华社区	0	
 74 6f 77 6e
status 2
1
>>>2
report: --bom goes with UTF-8 or UTF-16, not with --encoding GB18030: Excel on a Chinese Windows reads GB18030 as it is, without a mark
Try 'report --help' for more information.

### --encoding: an encoding iconv does not know is a usage error, a character the encoding cannot hold an output error; --bom and --encoding are for csv and tsv
$ report -f csv --encoding nope "$DATA/indicators.csv"; echo $?; printf 'a\n😀\n' | report -f csv --encoding gbk; echo $?; report --bom "$DATA/indicators.csv"; echo $?
>>>
2
3
2
>>>2
report: --encoding: iconv knows no encoding 'nope'
Try 'report --help' for more information.
report: output: '😀' cannot be written in gbk
report: --bom and --encoding go with -f csv or tsv
Try 'report --help' for more information.

### markdown: a pipe table with cells escaped
$ printf 'name,note\n"a|b",x*y_z\n<b>,"two\nlines"\n' | report -f markdown --title 'T|1'
>>>
# T\|1

| name | note |
| --- | --- |
| a\|b | x\*y\_z |
| \<b> | two<br>lines |

<small>govstat 0.1.0; input -, sha256 c4365d859b9c79a25f5ae59ccc9b4e84c9974c869c0543e9c235b891ae9eb5e9, 2 rows; report -f markdown --title 'T\|1'</small>

### markdown escapes for Markdown, never with HTML entities: the command in the footer keeps >= as typed, < and an entity's & are backslashed, a caption that would be a quote or a list is not, a command with backticks is one code span in the appendix
$ printf 'name,rate\na,0.9\nb,0.6\n' > t.csv; printf '{"tool":"report","args":["--where","`name` != \\"x\\"","t.csv"],"status":0,"files":[]}\n' > m.jsonl; report -f markdown --caption '> 1. a<b & c &amp; d' --target 'rate>=0.7' --where 'rate>0' --manifest-in m.jsonl t.csv | sed 's/sha256 [0-9a-f]*/sha256 …/'; printf 'n\n1\n' | report -f markdown --caption '2020. 年' | sed -n 1p
>>>
\> 1. a\<b & c \&amp; d

| name | rate | target |
| --- | ---: | ---: |
| a | 0.9 | ✓ |
| b | 0.6 | ✗ |

1 of 2 rows miss the target rate ≥ 0.7

## How these figures were computed

1. ``report --where '`name` != "x"' t.csv`` (status 0)

<small>govstat 0.1.0; input t.csv, sha256 …, 2 rows; report -f markdown --caption '> 1. a\<b & c \&amp; d' --target 'rate>=0.7' --where 'rate>0' --manifest-in m.jsonl t.csv</small>
2020\. 年

### html: valid HTML5 (tidy), lang en (the language of its words here), nothing fetched from anywhere
$ report -f html --title '矛盾纠纷化解率' --percent rate --target 'rate >= 0.95' --chart rate --chart-target 0.95 "$DATA/indicators.csv" > r.html; tidy -e -q r.html; echo "tidy $?"; grep -c '<html lang="en">' r.html; grep -Eio '(src|href)=|url\(|@import|<script|<link' r.html | wc -l; grep -c 'class="missed"' r.html; grep -c '<rect ' r.html; grep -c 'stroke-dasharray' r.html
>>>
tidy 0
1
0
2
4
1

### html chart: ratios clustered between 91% and 97% start the axis at a round number under them, shown under the axis and in the caption; bars differ visibly; the target line is labelled
$ printf 'unit,rate\n甲镇,0.91\n乙乡,0.935\n丙街道,0.97\n丁村,0.952\n' > c.csv; report -f html --percent rate --chart rate --chart-target 0.95 --target 'rate >= 0.95' c.csv | sed -n '/<svg/,/<.figure>/p'
>>>
<svg xmlns="http://www.w3.org/2000/svg" width="650" height="162" viewBox="0 0 650 162" role="img" aria-label="rate">
<text x="132" y="42" text-anchor="end">甲镇</text>
<rect x="140" y="26" width="140" height="22" fill="#d9534f"/>
<text x="286" y="42">91.00%</text>
<text x="132" y="70" text-anchor="end">乙乡</text>
<rect x="140" y="54" width="257" height="22" fill="#d9534f"/>
<text x="403" y="70">93.50%</text>
<text x="132" y="98" text-anchor="end">丙街道</text>
<rect x="140" y="82" width="420" height="22" fill="#4a78a8"/>
<text x="566" y="98">97.00%</text>
<text x="132" y="126" text-anchor="end">丁村</text>
<rect x="140" y="110" width="336" height="22" fill="#4a78a8"/>
<text x="482" y="126">95.20%</text>
<line class="axis" x1="140" y1="138" x2="560" y2="138" stroke="#555"/>
<line x1="140" y1="22" x2="140" y2="138" stroke="#555"/>
<text class="axis-floor" x="140" y="154" text-anchor="start" fill="#555">88.00%</text>
<text class="axis-max" x="560" y="154" text-anchor="end" fill="#555">97.00%</text>
<line x1="467" y1="20" x2="467" y2="138" stroke="#b00020" stroke-width="2" stroke-dasharray="6 4"/>
<text class="target" x="467" y="16" text-anchor="middle" fill="#b00020">target 95.00%</text>
</svg>
<figcaption>rate (the axis starts at 88.00%, not 0)</figcaption>
</figure>

### html chart: --chart-floor sets the axis (0: bars from zero); spread-out values start at 0; a floor that is not a number is a usage error
$ printf 'unit,rate\n甲镇,0.91\n乙乡,0.935\n丙街道,0.97\n丁村,0.952\n' > c.csv; report -f html --percent rate --chart rate --chart-floor 0 c.csv | grep -oE 'width="[0-9]+" height="22"|axis-floor[^<]*<'; printf 'u,n\na,3\nb,12\n' | report -f html --chart n | grep -oE 'width="[0-9]+" height="22"|axis-floor[^<]*<'; printf 'u,n\na,30\nb,32\n' | report -f html --chart n --chart-floor 25 | grep -oE 'width="[0-9]+" height="22"|axis-floor[^<]*<'; report -f html --chart rate --chart-floor x c.csv
>>>
width="394" height="22"
width="405" height="22"
width="420" height="22"
width="412" height="22"
axis-floor" x="140" y="154" text-anchor="start" fill="#555">0.00%<
width="105" height="22"
width="420" height="22"
axis-floor" x="140" y="98" text-anchor="start" fill="#555">0<
width="300" height="22"
width="420" height="22"
axis-floor" x="140" y="98" text-anchor="start" fill="#555">25<
>>>2
report: --chart-floor: 'x' is not a number
Try 'report --help' for more information.
>>>= 2

### html chart: the rollup row (全县, a --total-label) is no bar: the townships' bars are scaled among themselves, the county's ratio is a dotted reference line labelled under the axis; a total too large for the axis (a sum) is said in the caption; the table keeps the row
$ printf 'township,disputes,rate\n全县,15,0.9333\n田园镇,6,0.9758\n石桥乡,5,0.9\n龙潭镇,4,0.92\n' > roll.csv; report -f html --percent rate --chart rate --chart-target 0.95 roll.csv > a.html; tidy -e -q a.html; echo "tidy $?"; grep -c '<rect ' a.html; grep -E 'class="(rollup|axis-max)"|<figcaption' a.html; grep -c '<td>全县</td>' a.html; report -f html --chart disputes roll.csv | grep -E '<rect |class="rollup"|<figcaption'; sed 's/全县/县合计行/' roll.csv | report -f html --chart disputes --chart-floor 0 --total-label 县合计行 | grep -E '<rect |<figcaption'
>>>
tidy 0
3
<text class="axis-max" x="560" y="126" text-anchor="end" fill="#555">97.58%</text>
<line class="rollup" x1="406" y1="22" x2="406" y2="110" stroke="#333" stroke-width="1.5" stroke-dasharray="2 3"/>
<text class="rollup" x="406" y="142" text-anchor="middle" fill="#333">全县 93.33%</text>
<figcaption>rate (the axis starts at 86.00%, not 0)</figcaption>
1
<rect x="140" y="26" width="420" height="22" fill="#4a78a8"/>
<rect x="140" y="54" width="280" height="22" fill="#4a78a8"/>
<rect x="140" y="82" width="140" height="22" fill="#4a78a8"/>
<figcaption>disputes (the axis starts at 3, not 0); 全县 15, beyond the axis</figcaption>
<rect x="140" y="26" width="420" height="22" fill="#4a78a8"/>
<rect x="140" y="54" width="350" height="22" fill="#4a78a8"/>
<rect x="140" y="82" width="280" height="22" fill="#4a78a8"/>
<figcaption>disputes; 县合计行 15, beyond the axis</figcaption>

### html trend: a line chart over the weeks (sorted), one line a township, labelled at its end, the axis from a floor under the clustered ratios, the target a labelled dashed line
$ printf 'township,period,disputes,rate\n田园镇,2020-W01,4,0.93\n石桥乡,2020-W01,2,0.95\n田园镇,2020-W02,3,0.96\n石桥乡,2020-W02,1,0.92\n田园镇,2020-W03,5,0.97\n石桥乡,2020-W03,2,0.94\n' > tr.csv; report -f html --percent rate --trend rate --chart-target 0.95 tr.csv > tr.html; tidy -e -q tr.html; echo "tidy $?"; sed -n '/<svg/,/<.figure>/p' tr.html
>>>
tidy 0
<svg xmlns="http://www.w3.org/2000/svg" width="640" height="286" viewBox="0 0 640 286" role="img" aria-label="rate">
<line class="axis" x1="70" y1="246" x2="510" y2="246" stroke="#555"/>
<line x1="70" y1="26" x2="70" y2="246" stroke="#555"/>
<text class="axis-floor" x="64" y="250" text-anchor="end" fill="#555">89.00%</text>
<text class="axis-max" x="64" y="30" text-anchor="end" fill="#555">97.00%</text>
<text class="period" x="70" y="264" text-anchor="middle" fill="#555">2020-W01</text>
<text class="period" x="290" y="264" text-anchor="middle" fill="#555">2020-W02</text>
<text class="period" x="510" y="264" text-anchor="middle" fill="#555">2020-W03</text>
<polyline points="70,136 290,54 510,26" fill="none" stroke="#4a78a8" stroke-width="2"/>
<text x="516" y="30" fill="#4a78a8">田园镇</text>
<polyline points="70,81 290,163 510,109" fill="none" stroke="#e08a2c" stroke-width="2"/>
<text x="516" y="113" fill="#e08a2c">石桥乡</text>
<line x1="70" y1="81" x2="510" y2="81" stroke="#b00020" stroke-width="2" stroke-dasharray="6 4"/>
<text class="target" x="516" y="75" fill="#b00020">target 95.00%</text>
</svg>
<figcaption>rate by period, one line for each township</figcaption>
</figure>

### html trend: the county alone is one unlabelled line (a period with no value is left out); --chart-floor 0; errors
$ printf 'period,n\n2020-02,5\n2020-01,3\n2020-03,\n' | report -f html --trend n --chart-floor 0 | grep -E '<polyline|axis-floor|<text x'; report -f html --trend rate --trend-period week "$DATA/indicators.csv"; report -f html --trend disputes --pivot township "$DATA/indicators.csv"
>>>
<text class="axis-floor" x="64" y="250" text-anchor="end" fill="#555">0</text>
<polyline points="70,114 290,26" fill="none" stroke="#4a78a8" stroke-width="2"/>
>>>2
report: --trend-period: no field 'week' in the input
Try 'report --help' for more information.
report: --trend draws the long table: give it without --pivot
Try 'report --help' for more information.
>>>= 2

### html: the page's lang is the language of report's words: zh-CN under a Chinese locale of messages (LC_MESSAGES decides over LANG), en under C or English; --lang says another
$ printf 'u,n\na,1\n' > t.csv; for l in zh_CN.UTF-8 en_US.UTF-8 C; do LOCPATH="$TOP/build/locales" LC_ALL=$l report -f html t.csv | grep '^<html'; done; LOCPATH="$TOP/build/locales" LC_ALL= LANG=en_US.UTF-8 LC_MESSAGES=zh_CN.UTF-8 report -f html t.csv | grep '^<html'; LOCPATH="$TOP/build/locales" LC_ALL= LANG=zh_CN.UTF-8 LC_MESSAGES=en_US.UTF-8 report -f html t.csv | grep '^<html'; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report -f html --lang zh-Hans-CN t.csv | grep '^<html'
>>>
<html lang="zh-CN">
<html lang="en">
<html lang="en">
<html lang="zh-CN">
<html lang="en">
<html lang="zh-Hans-CN">

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

### xlsx: a county 报表 checked cell by cell (openpyxl): title and unit line merged, header frozen and printed on every A4 page, numbers as numbers, ratios with a percent format, codes and IDs as text, the 全县 row bold, the signature line
$ report -f xlsx --title '2026年第47周 矛盾纠纷化解情况' --unit-line '单位：件、%' --percent close_ratio --filled-by 东岭县委政法委 --prepared-by 王芳 --checked-by 赵强 --date 2026-11-22 --target 'close_ratio >= 0.95' "$DATA/report/xlsx-units.csv" > u.xlsx; echo $?; "$TOP/tests/xlsx_check.py" u.xlsx
>>>
0
sheets 1
paper 9 portrait
fit True None 0
print titles $3:$3
print area $A$1:$G$12
freeze A4
merged A12:G12 A1:G1 A2:G2
footer 第 &P 页，共 &N 页
created 2026-11-22 00:00:00
A1 s '2026年第47周 矛盾纠纷化解情况' General bold
A2 s '单位：件、%' General -
A3 s 'unit_code' General bold
B3 s 'unit' General bold
C3 s 'contact_id' General bold
D3 s 'cases' General bold
E3 s 'closed' General bold
F3 s 'close_ratio' General bold
G3 s 'target' General bold
A4 s '0700101' @ -
B4 s '青山街道' @ -
C4 s '430102198803157716' @ -
D4 n 48 General -
E4 n 46 General -
F4 n 0.958333 0.00% -
G4 s '✓' @ -
A5 s '0700102' @ -
B5 s '河口镇' @ -
C5 s '43010219750621012X' @ -
D5 n 31 General -
E5 n 29 General -
F5 n 0.935484 0.00% -
G5 s '✗' @ -
A6 s '0700103' @ -
B6 s '柳林乡' @ -
C6 s '430102196512300031' @ -
D6 n 17 General -
E6 n 17 General -
F6 n 1 0.00% -
G6 s '✓' @ -
A7 s '0700104' @ -
B7 s 'Hill "North" Farm' @ -
D7 n 0 General -
E7 n 0 General -
A8 s '0700100' @ bold
B8 s '全县' @ bold
D8 n 96 General bold
E8 n 92 General bold
F8 n 0.958333 0.00% bold
G8 s '✓' @ bold
A10 s '1 of 4 rows miss the target close_ratio ≥ 95%; 1 not applicable (a value it reads is empty), left out' General -
A12 s '填报单位：东岭县委政法委\u3000\u3000制表人：王芳\u3000\u3000审核人：赵强\u3000\u3000报表日期：2026-11-22' General -

### xlsx: an all-digit 18-digit ID and a 12-digit code stay text with every digit; --decimals is the number format; --total-label names a total row; no title, no merge
$ printf 'id,code,n,r\n430102198803157716,511321100000,1,0.5\n430102196512300031,小计甲,22,0.25\n' | report -f xlsx --decimals 1 --total-label 小计甲 > v.xlsx; "$TOP/tests/xlsx_check.py" v.xlsx | sed 1,2d
>>>
fit True None 0
print titles $1:$1
print area $A$1:$D$3
freeze A2
merged 
footer 第 &P 页，共 &N 页
created 1980-01-01 00:00:00
A1 s 'id' General bold
B1 s 'code' General bold
C1 s 'n' General bold
D1 s 'r' General bold
A2 s '430102198803157716' @ -
B2 s '511321100000' @ -
C2 n 1 General -
D2 n 0.5 0.0 -
A3 s '430102196512300031' @ bold
B3 s '小计甲' @ bold
C3 n 22 General bold
D3 n 0.25 0.0 bold

### xlsx: the sheet is named after the --title, as Excel takes it: each run of []:*?/\ one space, cut to 31 characters; without a title (or nothing left of it) one word of the language, Report or 报表
$ printf 'u,n\na,1\n' > t.csv; names() { /usr/bin/python3 -c 'import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1]); print(wb.sheetnames, wb.worksheets[0].print_title_rows)' "$1"; }; report -f xlsx --title '2026年第47周 矛盾纠纷化解情况' t.csv > a.xlsx; names a.xlsx; report -f xlsx --title '县/乡: 2026[Q1]*?\ 矛盾纠纷化解情况统计表（第一季度）各乡镇汇总' t.csv > b.xlsx; names b.xlsx; report -f xlsx --title '[?]' t.csv > c.xlsx; names c.xlsx; report -f xlsx t.csv > d.xlsx; names d.xlsx; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report -f xlsx t.csv > e.xlsx; names e.xlsx
>>>
['2026年第47周 矛盾纠纷化解情况'] $2:$2
['县 乡 2026 Q1 矛盾纠纷化解情况统计表（第一季度）各乡'] $2:$2
['Report'] $2:$2
['Report'] $1:$1
['报表'] $1:$1

### xlsx: the same inputs give the same bytes (no clock in the workbook)
$ report -f xlsx --title t "$DATA/indicators.csv" > a.xlsx; sleep 1; report -f xlsx --title t "$DATA/indicators.csv" > b.xlsx; cmp a.xlsx b.xlsx && echo same; SOURCE_DATE_EPOCH=1585612800 report -f xlsx "$DATA/indicators.csv" > c.xlsx; "$TOP/tests/xlsx_check.py" c.xlsx | grep created
>>>
same
created 2020-03-31 00:00:00

### xlsx: a full disk is a write error (the workbook is larger than stdio's buffer, so the failed write is found before the close, and gs_fwrite says why)
$ report -f xlsx "$DATA/indicators.csv" > /dev/full
>>>2
report: write error: No space left on device
>>>= 3

### html printed (headless Chromium to PDF, read with poppler): A4 pages, the header row on every page, shaded headers kept, the chart whole on one page
$ awk 'BEGIN { print "unit,cases,ratio"; for (i = 1; i <= 30; i++) printf "第%02d村民小组,%d,0.%d\n", i, 10 + i * 3, 9000 + i * 31 }' > long.csv; report -f html --title '长表 打印' --percent ratio --chart ratio --chart-target 0.95 --target 'ratio >= 0.95' long.csv > long.html; chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$PWD/prof" --no-pdf-header-footer --print-to-pdf="$PWD/long.pdf" "file://$PWD/long.html" 2>/dev/null; pdfinfo long.pdf | awk '/^Pages:/ { print "pages", $2 } /^Page size:/ { printf "size %.0f x %.0f %s\n", $3, $5, $7 }'; for p in 1 2 3; do printf 'page %s: header %s, chart bars %s\n' $p "$(pdftotext -f $p -l $p long.pdf - | grep -c '^unit$')" "$(pdftotext -f $p -l $p long.pdf - | grep -c '^第[0-9]*村民小组$')"; done; pdftoppm -r 20 -f 1 -l 1 long.pdf pg; [ "$(python3 "$TOP/tests/ppm_colour.py" pg-1.ppm eef2f6 4)" -gt 100 ] && echo "header shading printed"
>>>
pages 3
size 595 x 842 (A4)
page 1: header 1, chart bars 0
page 2: header 1, chart bars 0
page 3: header 0, chart bars 30
header shading printed

### html in a real browser sees Chinese: the page printed with the CJK fonts (fonts-noto-cjk) differs from the same page with them hidden from fontconfig, where the Chinese falls back to a Latin font's empty boxes
$ report -f html --title '矛盾纠纷化解率' --percent rate "$DATA/indicators.csv" > r.html; printf '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n<selectfont><rejectfont><glob>*/Noto*CJK*</glob></rejectfont></selectfont>\n</fontconfig>\n' > nocjk.conf; flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --no-pdf-header-footer"; chromium $flags --user-data-dir="$PWD/p1" --print-to-pdf="$PWD/cjk.pdf" "file://$PWD/r.html" 2>/dev/null; FONTCONFIG_FILE=$PWD/nocjk.conf chromium $flags --user-data-dir="$PWD/p2" --print-to-pdf="$PWD/none.pdf" "file://$PWD/r.html" 2>/dev/null; fc-list ':family=Noto Sans CJK SC' family | grep -q . && echo "Noto Sans CJK SC installed"; echo "hidden: $(FONTCONFIG_FILE=$PWD/nocjk.conf fc-list :lang=zh family | grep -c CJK)"; pdftotext cjk.pdf - | head -1; echo "fallback fonts with CJK: $(pdffonts cjk.pdf | grep -c DejaVu), hidden: $(pdffonts none.pdf | grep -c DejaVu)"; pdftoppm -r 30 -f 1 -l 1 cjk.pdf a; pdftoppm -r 30 -f 1 -l 1 none.pdf b; cmp -s a-1.ppm b-1.ppm && echo "the same pixels: no CJK font drew the Chinese" || echo "the Chinese is drawn by a CJK font"
>>>
Noto Sans CJK SC installed
hidden: 0
矛盾纠纷化解率
fallback fonts with CJK: 0, hidden: 2
the Chinese is drawn by a CJK font

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

### --date is a real date written YYYY-MM-DD (a leap day when there is one); 2026-02-30, a word, another spelling are usage errors, nothing printed
$ report --date 2024-02-29 --title t "$DATA/indicators.csv" | sed -n 2p; for d in 2026-02-30 昨天 2026-2-3 ''; do report --date "$d" "$DATA/indicators.csv"; echo "status $?"; done
>>>
2024-02-29
status 2
status 2
status 2
status 2
>>>2
report: --date '2026-02-30': not a real date written YYYY-MM-DD (such as 2026-02-28)
Try 'report --help' for more information.
report: --date '昨天': not a real date written YYYY-MM-DD (such as 2026-02-28)
Try 'report --help' for more information.
report: --date '2026-2-3': not a real date written YYYY-MM-DD (such as 2026-02-28)
Try 'report --help' for more information.
report: --date '': not a real date written YYYY-MM-DD (such as 2026-02-28)
Try 'report --help' for more information.

### SOURCE_DATE_EPOCH that is not whole seconds from 1970 to 9999 is a usage error, as the reproducible-builds convention asks (no date silently left out, no year 3170843); --label and --decimals name a column the --pivot table lacks as such
$ for e in abc 99999999999999 -5 1.5; do SOURCE_DATE_EPOCH=$e report "$DATA/indicators.csv"; echo "status $?"; done; SOURCE_DATE_EPOCH=86400 report --title t "$DATA/indicators.csv" | sed -n 2p; printf 'unit,week,n\n甲,2020-W01,3\n' > l.csv; report --pivot week --label n=数 l.csv; echo "status $?"; report --pivot week --decimals n=1 l.csv; echo "status $?"; report --pivot week --label 2020-W01=第1周 l.csv | sed -n 1p
>>>
status 2
status 2
status 2
status 2
1970-01-02
status 2
status 2
unit  第1周  合计
>>>2
report: SOURCE_DATE_EPOCH 'abc' is not a number of seconds since 1970-01-01 (up to 9999-12-31)
Try 'report --help' for more information.
report: SOURCE_DATE_EPOCH '99999999999999' is not a number of seconds since 1970-01-01 (up to 9999-12-31)
Try 'report --help' for more information.
report: SOURCE_DATE_EPOCH '-5' is not a number of seconds since 1970-01-01 (up to 9999-12-31)
Try 'report --help' for more information.
report: SOURCE_DATE_EPOCH '1.5' is not a number of seconds since 1970-01-01 (up to 9999-12-31)
Try 'report --help' for more information.
report: --label: no column 'n' in the table --pivot makes of the input
Try 'report --help' for more information.
report: --decimals: no column 'n' in the table --pivot makes of the input
Try 'report --help' for more information.

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

### the appendix quotes each argument for sh(1) as the footer does: pasted back into the shell, every word comes out as it was
$ printf 'a,b\nx,1\n' > t.csv; report --manifest m.jsonl --title "it's \$HOME a=b" --caption '' t.csv | tail -1; line=$(report --manifest-in m.jsonl t.csv | sed -n 's/^1\. \(.*\) (status 0)$/\1/p'); echo "$line"; eval "set -- $line"; printf '[%s]\n' "$@"
>>>
govstat 0.1.0; input t.csv, sha256 2661769fdda7208208355a48b395369341709e88b067792ba8fff73cae47ad86, 1 rows; report --manifest m.jsonl --title 'it'\''s $HOME a=b' --caption '' t.csv
report --manifest m.jsonl --title 'it'\''s $HOME a=b' --caption '' t.csv
[report]
[--manifest]
[m.jsonl]
[--title]
[it's $HOME a=b]
[--caption]
[]
[t.csv]

### --manifest-in keeps the bytes of a name in another encoding (a GBK file name) as they are, skips an empty line, names a line that is not one manifest line, and a manifest it cannot read
$ printf 'a,b\nx,1\n' > t.csv; n=$(printf '\325\305.csv'); cp t.csv "$n"; report --manifest m.jsonl "$n" > /dev/null; echo >> m.jsonl; report --manifest-in m.jsonl t.csv | sed -n 's/^1\. //p' | iconv -f gbk -t utf-8; printf '{"tool":"x","args":[],"files":[]} {}\n' >> m.jsonl; report --manifest-in m.jsonl t.csv; echo "status $?"; mkdir d; report --manifest-in d t.csv; echo "status $?"
>>>
report --manifest m.jsonl 张.csv (status 0)
status 3
status 3
>>>2
report: m.jsonl:3: not a govstat manifest line
report: d: read error: Is a directory

### tools side by side append whole lines (no interleaving)
$ for i in $(seq 1 40); do printf 'g\na\n' | tally --manifest m2.jsonl -g g -a 'n=count()' > /dev/null & done; wait; wc -l < m2.jsonl; grep -c '^{"tool":"tally".*\]}$' m2.jsonl
>>>
40
40

### usage errors
$ report -f pdf < /dev/null; report --up rate < /dev/null; report --compare x.csv < /dev/null; report --columns nope "$DATA/indicators.csv"; report --target 'rate >' "$DATA/indicators.csv"
>>>2
report: --format: 'pdf' is not text, markdown, html, json, csv, tsv or xlsx
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

1 of 2 rows miss the target 平安家庭比例 ≥ 0.9758
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
k     r  r prev     变化  上升  all_met
---------------------------------------
x  0.61    0.50  +0.11 ↑     ✓        ✓

### a label for a column of the input not shown is ignored (one set of labels for several tables), and so is one for a column report would make (target, all_met, NAME_prev); a label or --decimals COL=N for a field there is not is a usage error, as --percent's; a bad --decimals is a usage error
$ printf 'u,v,w\na,1,2\n' | report -f markdown --columns u,v --label w=宽 --label v=值 --label target=达标 --label all_met=全部 --label v_prev=上期; printf 'u,v\na,1\n' | report --label vv=数值; echo "status $?"; printf 'u,v\na,1\n' | report --label w_prev=上期; printf 'u,v\na,1\n' | report --label v; printf 'u,v\na,1\n' | report --decimals vv=2; printf 'u,v\na,1\n' | report --percent vv; printf 'u,v\na,1\n' | report --decimals 2x; printf 'u,v\na,1\n' | report --decimals =2
>>>
| u | 值 |
| --- | ---: |
| a | 1 |

<small>govstat 0.1.0; input -, sha256 793f4952575cfdaa6c29c81db1afe4ffd39d9c50112f7552928812eccdc9a0d7, 1 rows; report -f markdown --columns u,v --label w=宽 --label v=值 --label target=达标 --label all\_met=全部 --label v\_prev=上期</small>
status 2
>>>2
report: --label: no field 'vv' in the input
Try 'report --help' for more information.
report: --label: no field 'w_prev' in the input
Try 'report --help' for more information.
report: --label 'v': give FIELD=LABEL
Try 'report --help' for more information.
report: --decimals: no field 'vv' in the input
Try 'report --help' for more information.
report: --percent: no field 'vv' in the input
Try 'report --help' for more information.
report: --decimals '2x': give a number from 0 to 30, or COL=N
Try 'report --help' for more information.
report: --decimals '=2': give N or COL=N
Try 'report --help' for more information.
>>>= 2

### --label all_met names the last column of a comparison too
$ printf 'k,r\nx,0.5\n' > p.csv; printf 'k,r\nx,0.6\n' | report --compare p.csv --key k --up r --label all_met=五升两降 | sed -n 1p
>>>
k    r  r prev  r change  r up  五升两降

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
镇街           r  r prev   r change  r up  all_met
--------------------------------------------------
东岭镇    0.9758  0.9758  +0.0000 ↑     ✓        ✓
西坝街道     0.5     0.5      0.0 →     ✗        ✗
镇街,r,r_prev,r_change,r_met,all_met
东岭镇,0.97580645161290322581,0.97575757575757575758,0.00004887585532746823,1,1

### --compare with --catalogue: the previous value, change and direction columns carry the indicator's name, in Chinese and in English
$ printf 'township,livelihood_support\n甲镇,10\n乙乡,5\n' > c.csv; printf 'township,livelihood_support\n甲镇,8\n乙乡,6\n' > p.csv; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report --catalogue "$TOP/share/govstat/catalogue.json" --compare p.csv --key township --up livelihood_support c.csv | sed -n 1p; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report -f html --catalogue "$TOP/share/govstat/catalogue.json" --compare p.csv --key township --up livelihood_support c.csv | grep '^<tr><th'; LC_ALL=en_US.UTF-8 report --catalogue "$TOP/share/govstat/catalogue.json" --compare p.csv --key township -f markdown --up livelihood_support c.csv | sed -n 1p
>>>
乡镇  民生保障  民生保障 上期  民生保障 变化  民生保障 应升  全部达标
<tr><th scope="col">乡镇</th><th scope="col">民生保障</th><th scope="col">民生保障 上期</th><th scope="col">民生保障 变化</th><th scope="col">民生保障 应升</th><th scope="col">全部达标</th></tr>
| township | Livelihood support score | Livelihood support score prev | Livelihood support score change | Livelihood support score up | all\_met |

### zh_CN: the appendix of --manifest-in is Chinese in text, Markdown and HTML (heading, exit status, the files' roles, bytes, rows); the commands, the names and a role it does not know stay as written; the page is lang zh-CN
$ printf 'u,n\n甲,1\n' > t.csv; printf '{"tool":"tally","args":["-g","u","t.csv"],"status":0,"files":[{"role":"input","name":"t.csv","sha256":"ab12","bytes":9,"rows":1},{"role":"output","name":"-","sha256":"cd34","bytes":9,"rows":1}]}\n{"tool":"x","args":["a b"],"status":1,"files":[{"role":"odd","name":"o","sha256":"ef56","bytes":1}]}\n' > m.jsonl; for f in text markdown html; do LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report -f $f --manifest-in m.jsonl t.csv > a.$f; done; sed -n '/计算过程/,$p' a.text | grep -v '^govstat'; sed -n '/计算过程/,$p' a.markdown | grep -v '^<small>'; grep '<html' a.html; sed -n '/<section>/,/<.section>/p' a.html
>>>
这些数字的计算过程：
1. tally -g u t.csv（退出状态 0）
   输入 t.csv，sha256 ab12，9 字节，1 行
   输出 -，sha256 cd34，9 字节，1 行
2. x 'a b'（退出状态 1）
   odd o，sha256 ef56，1 字节
## 这些数字的计算过程

1. `tally -g u t.csv`（退出状态 0）
   - 输入 t.csv，sha256 ab12，9 字节，1 行
   - 输出 -，sha256 cd34，9 字节，1 行
2. `x 'a b'`（退出状态 1）
   - odd o，sha256 ef56，1 字节

<html lang="zh-CN">
<section>
<h2>这些数字的计算过程</h2>
<ol>
<li><code>tally -g u t.csv</code>（退出状态 0）
<ul>
<li>输入 t.csv，sha256 ab12，9 字节，1 行</li>
<li>输出 -，sha256 cd34，9 字节，1 行</li>
</ul>
</li>
<li><code>x &#39;a b&#39;</code>（退出状态 1）
<ul>
<li>odd o，sha256 ef56，1 字节</li>
</ul>
</li>
</ol>
</section>

### zh_CN: the charts' words are Chinese: the target line's label, the caption that says where the axis starts, the trend's caption; charts are named by the column's label
$ printf 'unit,period,rate\n甲镇,2020-W01,0.91\n乙乡,2020-W01,0.97\n甲镇,2020-W02,0.93\n乙乡,2020-W02,0.96\n' > c.csv; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report -f html --percent rate --label rate=化解率 --label period=周次 --chart rate --trend rate --chart-target 0.95 c.csv | grep -E 'aria-label|class="target"|figcaption' | sed 's/<svg.*aria-label/<svg … aria-label/'
>>>
<svg … aria-label="化解率">
<text class="target" x="467" y="16" text-anchor="middle" fill="#b00020">目标 95.00%</text>
<figcaption>化解率（坐标轴从 88.00% 起，不从 0 起）</figcaption>
<svg … aria-label="化解率">
<text class="target" x="516" y="69" fill="#b00020">目标 95.00%</text>
<figcaption>化解率（按 周次，每个 unit 一条线）</figcaption>

### zh_CN text: a table that fits with its headers on one line keeps them so; one that does not has every header wider than its numbers wrapped at its spaces, whole (纠纷数 上期 over two lines, as govstat-weekly's table)
$ printf 'township,disputes,rate\n田园镇,6,0.9758\n石桥乡,5,0.6\n' > c.csv; printf 'township,disputes,rate\n田园镇,4,0.96\n石桥乡,5,0.7\n' > p.csv; for w in 120 100; do LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report --label township=乡镇 --label disputes=纠纷数 --label rate=化解率 --percent rate --compare p.csv --key township --up rate --down disputes --width $w c.csv | sed '/^$/,$d'; done
>>>
乡镇    纠纷数  纠纷数 上期  纠纷数 变化  纠纷数 应降  化解率  化解率 上期        化解率 变化  化解率 应升  全部达标
--------------------------------------------------------------------------------------------------------------------
田园镇       6            4        +2 ↑           ✗  97.58%       96.00%   +1.58个百分点 ↑           ✓        ✗
石桥乡       5            5         0 →           ✗  60.00%       70.00%  -10.00个百分点 ↓           ✗        ✗
                纠纷数  纠纷数  纠纷数          化解率                     化解率
乡镇    纠纷数    上期    变化    应降  化解率    上期        化解率 变化    应升  全部达标
-------------------------------------------------------------------------------------------
田园镇       6       4   +2 ↑      ✗  97.58%  96.00%   +1.58个百分点 ↑      ✓        ✗
石桥乡       5       5    0 →      ✗  60.00%  70.00%  -10.00个百分点 ↓      ✗        ✗

### zh_CN text, narrower: headers are broken between Han characters too (the one that then takes the fewest lines first) before anything is cut; a table that cannot fit however its headers are broken keeps them whole and its lines long; a period header breaks after its hyphen; a text column is cut only when that makes the table fit
$ printf 'township,disputes,rate\n田园镇,6,0.9758\n石桥乡,5,0.6\n' > c.csv; printf 'township,disputes,rate\n田园镇,4,0.96\n石桥乡,5,0.7\n' > p.csv; for w in 80 40; do LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report --label township=乡镇 --label disputes=纠纷数 --label rate=化解率 --percent rate --compare p.csv --key township --up rate --down disputes --width $w c.csv | sed '/^$/,$d'; done; printf 'unit,week,n\n青山街道办事处,2020-W01,3\n青山街道办事处,2020-W02,4\n河口镇,2020-W01,5\n' > l.csv; for w in 34 28 20; do LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report --pivot week --width $w l.csv | sed '/^$/,$d'; done
>>>
              纠纷          纠纷                                     化解
        纠纷    数  纠纷数    数          化解率                       率  全部
乡镇      数  上期    变化  应降  化解率    上期        化解率 变化  应升  达标
-------------------------------------------------------------------------------
田园镇     6     4   +2 ↑    ✗  97.58%  96.00%   +1.58个百分点 ↑    ✓    ✗
石桥乡     5     5    0 →    ✗  60.00%  70.00%  -10.00个百分点 ↓    ✗    ✗
                纠纷数  纠纷数  纠纷数          化解率                     化解率
乡镇    纠纷数    上期    变化    应降  化解率    上期        化解率 变化    应升  全部达标
-------------------------------------------------------------------------------------------
田园镇       6       4   +2 ↑      ✗  97.58%  96.00%   +1.58个百分点 ↑      ✓        ✗
石桥乡       5       5    0 →      ✗  60.00%  70.00%  -10.00个百分点 ↓      ✗        ✗
                2020-  2020-
unit              W01    W02  合计
----------------------------------
青山街道办事处      3      4     7
河口镇              5      -     5
合计                8      4    12
            2020-  2020-  合
unit          W01    W02  计
----------------------------
青山街道~       3      4   7
河口镇          5      -   5
合计            8      4  12
unit            2020-W01  2020-W02  合计
----------------------------------------
青山街道办事处         3         4     7
河口镇                 5         -     5
合计                   8         4    12

### govstat's own columns are named in the words' language without a label (乡镇, 村（社区）, 期别, 名次), a --label still wins, English keeps the names, CSV keeps them in any language
$ printf 'rank,period,township,village,n\n1,2020-W01,甲镇,东村,3\n' > own.csv; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report own.csv | sed -n 1p; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report --label township=镇 own.csv | sed -n 1p; LC_ALL=C report own.csv | sed -n 1p; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report -f csv own.csv | sed -n 1p
>>>
名次  期别      乡镇  村（社区）  n
名次  期别      镇    村（社区）  n
rank  period    township  village  n
rank,period,township,village,n

### --trend-by none draws one line (the county alone), as --help says; a field of another name is still checked
$ printf 'period,township,rate\n2020-W01,全县,0.9\n2020-W02,全县,0.8\n' > tn.csv; report -f html --trend rate --trend-by none tn.csv | grep -c '<polyline'; report -f html --trend rate --trend-by nosuch tn.csv; echo "status $?"
>>>
1
status 2
>>>2
report: --trend-by: no field 'nosuch' in the input
Try 'report --help' for more information.

### zh_CN text: a word broken between Han characters ends its line, in even parts (有效 / 警情 / 变化, not 有效警 / 情 变化)
$ printf 'township,valid,street\n田园镇,5,1\n石桥乡,1,0\n' > c.csv; printf 'township,valid,street\n田园镇,2,1\n石桥乡,3,1\n' > p.csv; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report --compare p.csv --key township --label township=乡镇 --label valid=有效警情 --label street=街面警情 --down street --width 60 c.csv | sed '/^$/,$d'
>>>
              有效   有效        街面            街面
        有效  警情   警情  街面  警情  街面警情  警情  全部
乡镇    警情  上期   变化  警情  上期      变化  应降  达标
-----------------------------------------------------------
田园镇     5     2  +3 ↑     1     1      0 →    ✗    ✗
石桥乡     1     3  -2 ↓     0     1     -1 ↓    ✓    ✓

### zh_CN: the target's line names the columns as the page does (the catalogue's 矛盾纠纷化解率, a --label), a ratio's target as a percent, ≥ and 且 for >= and &&, in text, Markdown, HTML and xlsx alike; the footer keeps the catalogue's exact expression for the auditor, and the command line keeps a --target as typed
$ printf 'township,disputes,dispute_resolution_ratio,negative_veto\n田园镇,6,0.9758,0\n石桥乡,5,0.6,0\n龙潭镇,4,1,1\n' > r.csv; cp "$TOP/share/govstat/catalogue.json" c.json; C=c.json; export LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8; for f in text markdown html; do report -f $f --catalogue "$C" r.csv | grep -E '未达|目标：' | sed 's/sha256 [0-9a-f]*/sha256 …/; s/^.*3 行；//'; done; report -f xlsx --catalogue "$C" --label negative_veto=否决事件 --target 'dispute_resolution_ratio>=0.95&&`negative_veto`==0' r.csv > t.xlsx; "$TOP/tests/xlsx_check.py" t.xlsx | grep 未达; report --catalogue "$C" --label negative_veto=否决事件 --target 'dispute_resolution_ratio>=0.95&&`negative_veto`==0' r.csv | tail -2 | sed 's/sha256 [0-9a-f]*/sha256 …/'
>>>
3 行中有 1 行未达目标 矛盾纠纷化解率 ≥ 95%
指标目录的目标：dispute_resolution_ratio >= 0.95；report -f text --catalogue c.json r.csv
3 行中有 1 行未达目标 矛盾纠纷化解率 ≥ 95%
指标目录的目标：dispute\_resolution\_ratio >= 0.95；report -f markdown --catalogue c.json r.csv</small>
<p><span class="missed">✗</span> 3 行中有 1 行未达目标 矛盾纠纷化解率 ≥ 95%</p>
指标目录的目标：dispute_resolution_ratio &gt;= 0.95；report -f html --catalogue c.json r.csv</footer>
A6 s '3 行中有 2 行未达目标 矛盾纠纷化解率 ≥ 95% 且 否决事件 = 0' General -
3 行中有 2 行未达目标 矛盾纠纷化解率 ≥ 95% 且 否决事件 = 0
govstat 0.1.0；输入 r.csv，sha256 …，3 行；report --catalogue c.json --label negative_veto=否决事件 --target 'dispute_resolution_ratio>=0.95&&`negative_veto`==0' r.csv

### zh_CN trend: the chart names every column it draws by its label, shown in the table or not (--label, the catalogue's name), the lines' field too; a page without --title is titled 报表, English Report
$ printf 'township,period,dispute_resolution_ratio\n田园镇,2020-W01,0.93\n石桥乡,2020-W01,0.95\n田园镇,2020-W02,0.96\n石桥乡,2020-W02,0.92\n' > tr.csv; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 report -f html --catalogue "$TOP/share/govstat/catalogue.json" --label township=乡镇 --label period=周次 --columns township,dispute_resolution_ratio --trend dispute_resolution_ratio tr.csv | grep -E '<title>|<h1>|<th |aria-label|<figcaption>' | sed 's/<svg.*aria-label/<svg … aria-label/'; report -f html tr.csv | grep -E '<title>|<h1>'
>>>
<title>报表</title>
<h1>报表</h1>
<tr><th scope="col">乡镇</th><th scope="col">矛盾纠纷化解率</th><th scope="col">目标</th></tr>
<svg … aria-label="矛盾纠纷化解率">
<figcaption>矛盾纠纷化解率（按 周次，每个 乡镇 一条线）</figcaption>
<title>Report</title>
<h1>Report</h1>
