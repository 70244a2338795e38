# rank(1): ranks with ties, groups, scores and the veto. Data: tests/data.

### --help and --version
$ rank --help | head -1; rank --version
>>>
Usage: rank [OPTION]... [FILE]...
rank (govstat) 0.1.0

### competition (the default): 95, 95, 90 rank 1, 1, 3; 100 ranks above 95; empty last
$ rank -k rate "$DATA/townships.csv" | cut -d, -f1,2,7
>>>
township,rate,rank
白沙乡,100,1
田园镇,0.95,2
石桥乡,0.95,2
龙潭镇,0.90,4
青山乡,0.90,4
新华镇,,6

### dense, ordinal (input order among ties) and average
$ for m in dense ordinal average; do rank -k rate -m $m "$DATA/townships.csv" | cut -d, -f1,7 | tr '\n' ' '; echo; done
>>>
township,rank 白沙乡,1 田园镇,2 石桥乡,2 龙潭镇,3 青山乡,3 新华镇,4 
township,rank 白沙乡,1 田园镇,2 石桥乡,3 龙潭镇,4 青山乡,5 新华镇,6 
township,rank 白沙乡,1 田园镇,2.5 石桥乡,2.5 龙潭镇,4.5 青山乡,4.5 新华镇,6 

### ascending, and an empty value still ranks last
$ rank -k rate:asc "$DATA/townships.csv" | cut -d, -f1,2,7
>>>
township,rate,rank
龙潭镇,0.90,1
青山乡,0.90,1
田园镇,0.95,3
石桥乡,0.95,3
白沙乡,100,5
新华镇,,6

### later keys break ties; ties are decided on exact values
$ rank -k rate -k sense "$DATA/townships.csv" | cut -d, -f1,2,3,7; printf 'u,r\na,0.9758\nb,0.9760\nc,0.976\n' | rank -k r
>>>
township,rate,sense,rank
白沙乡,100,0.80,1
石桥乡,0.95,0.92,2
田园镇,0.95,0.90,3
龙潭镇,0.90,0.95,4
青山乡,0.90,0.95,4
新华镇,,0.99,6
u,r,rank
b,0.9760,1
c,0.976,1
a,0.9758,3

### text keys compare as text when a value is not a number; a number among them is said to be ranked as text
$ printf 'u,grade\na,B\nb,A\nc,10\n' | rank -k grade:asc
>>>
u,grade,rank
c,10,1
b,A,2
a,B,3
>>>2
rank: -:2: field 'grade': ranked as text, byte by byte: 2 of 3 values are not numbers, such as 'B' here (a key ranks as numbers when most of its values are)

### half numbers, half 待核实: not most numbers, so ranked as text (待核实 first, 100 after 95), and said on stderr with the column and why; no number in the column, nothing said
$ printf 'u,v\na,100\nb,95\nc,待核实\nd,待核实\n' | rank -k v; echo "status $?"; printf 'u,v\na,甲\nb,乙\n' | rank -k v
>>>
u,v,rank
c,待核实,1
d,待核实,1
b,95,3
a,100,4
status 0
u,v,rank
a,甲,1
b,乙,2
>>>2
rank: -:4: field 'v': ranked as text, byte by byte: 2 of 4 values are not numbers, such as '待核实' here (a key ranks as numbers when most of its values are)

### groups: rank within each township, groups in order of first appearance
$ printf 'township,village,n\n田园镇,桃源村,3\n石桥乡,白沙村,1\n田园镇,李家村,5\n石桥乡,龙井村,4\n田园镇,新华社区,3\n' | rank -g township -k n
>>>
township,village,n,rank
田园镇,李家村,5,1
田园镇,桃源村,3,2
田园镇,新华社区,3,2
石桥乡,龙井村,4,1
石桥乡,白沙村,1,2

### the veto: vetoed rows rank after all others, by the same keys, with vetoed = 1
$ rank -k rate -k sense --veto 'negative_veto > 0' "$DATA/townships.csv" | cut -d, -f1,2,4,7,8
>>>
township,rate,negative_veto,vetoed,rank
白沙乡,100,0,0,1
石桥乡,0.95,0,0,2
田园镇,0.95,0,0,3
青山乡,0.90,0,0,4
新华镇,,0,0,5
龙潭镇,0.90,1,1,6

### --top keeps every row tied at N
$ rank -k rate --top 2 "$DATA/townships.csv" | cut -d, -f1,7; rank -k rate --top 3 -v "$DATA/townships.csv" | cut -d, -f1,7
>>>
township,rank
白沙乡,1
田园镇,2
石桥乡,2
township,rank
白沙乡,1
田园镇,2
石桥乡,2
>>>2
rank: 6 rows read, 3 written, 3 below --top, 0 rejected

### weights with minmax (the default): exact, and written exactly enough for report to decide on (--decimals rounds); an empty value leaves no score
$ rank -W rate=0.6 -W sense=0.4 "$DATA/townships.csv" | cut -d, -f1,7,8; rank -W rate=0.6 -W sense=0.4 --decimals 4 "$DATA/townships.csv" | cut -d, -f1,7,8 | sed -n 3p
>>>
township,score,rank
白沙乡,0.6000,1
龙潭镇,0.31578947368421052632,2
青山乡,0.31578947368421052632,2
石桥乡,0.25293430346805459663,4
田园镇,0.21082904031015985979,5
新华镇,,6
龙潭镇,0.3158,2

### weights with none: the weighted sum of the values themselves
$ printf 'u,a,b\nx,1,2\ny,3,0\nz,2,1.5\n' | rank -W a=2 -W b=1 --normalize none --decimals 2
>>>
u,a,b,score,rank
y,3,0,6.00,1
z,2,1.5,5.50,2
x,1,2,4.00,3

### weights with zscore
$ printf 'u,a\nx,1\ny,2\nz,3\n' | rank -W a=1 --normalize zscore
>>>
u,a,score,rank
z,3,1.2247,1
y,2,0.0000,2
x,1,-1.2247,3

### a constant field adds 0 to every score
$ printf 'u,a,b\nx,5,1\ny,5,2\n' | rank -W a=1 -W b=1; printf 'u,a\nx,5\ny,5\n' | rank -W a=1 --normalize zscore
>>>
u,a,b,score,rank
y,5,2,1.0000,1
x,5,1,0.0000,2
u,a,score,rank
x,5,0.0000,1
y,5,0.0000,1

### keys given with weights rank by the keys; score is still written
$ printf 'u,a,b\nx,1,9\ny,3,0\n' | rank -W a=1 -k b
>>>
u,a,b,score,rank
x,1,9,0.0000,1
y,3,0,1.0000,2

### the score sheet: points less the deduction, capped at the item's points (减完为止)
$ printf '{"items": [{"name": "矛盾纠纷化解", "points": 20, "deduction": "ded_disputes"}, {"name": "治安防控", "points": 10, "deduction": "ded_order", "cap": 5}]}' > sheet.json; rank --score-sheet sheet.json --veto 'negative_veto > 0' "$DATA/townships.csv" | cut -d, -f1,5,6,7,8,9
>>>
township,ded_disputes,ded_order,score,vetoed,rank
新华镇,,,30,0,1
田园镇,2,1,27,0,2
石桥乡,0,7,25,0,3
青山乡,4,2,24,0,4
白沙乡,25,3,7,0,5
龙潭镇,1,0,29,1,6

### a deduction that is not a number rejects the row
$ printf '{"items": [{"name": "x", "points": 10, "deduction": "d"}]}' > sheet.json; printf 'u,d\na,1\nb,abc\nc,-2\n' | rank --score-sheet sheet.json
>>>
u,d,score,rank
a,1,9,1
>>>2
rank: -:3: field 'd': 'abc' is not a deduction (a number of 0 or more)
rank: -:4: field 'd': '-2' is not a deduction (a number of 0 or more)
rank: 3 rows read, 1 written, 2 rejected
>>>= 1

### --name, and JSON output with numbers
$ rank -k rate --name 名次 -o json --top 1 "$DATA/townships.csv"
>>>
{"township":"白沙乡","rate":"100","sense":"0.80","negative_veto":"0","ded_disputes":"25","ded_order":"3","名次":1}

### usage errors
$ rank < /dev/null; rank -k rate -m best < /dev/null; rank -k nope "$DATA/townships.csv"; rank -k rate:up < /dev/null; rank -W rate < /dev/null; rank --veto 'x >' -k a < /dev/null
>>>2
rank: give --key, --weight or --score-sheet
Try 'rank --help' for more information.
rank: --method: 'best' is not competition, dense, ordinal or average
Try 'rank --help' for more information.
rank: --key: no field 'nope' in the input
Try 'rank --help' for more information.
rank: --key 'rate:up': the direction is desc or asc
Try 'rank --help' for more information.
rank: --weight 'rate': give FIELD=W
Try 'rank --help' for more information.
rank: --veto 'x >': column 4: expression ends too soon
Try 'rank --help' for more information.
>>>= 2

### many rows: the fast path (one numeric key) and the general path agree
$ awk -v rows=20000 -f "$TOP/tests/genledger.awk" > l.csv; rank -m ordinal -k people -o tsv l.csv | cut -f1,8,10 > a; rank -m ordinal -k people -k id:asc -o tsv l.csv | cut -f1,8,10 > c; cmp a c && echo same; tail -1 a | cut -f1,3; awk -F, 'NR > 1 && $8 == 1 { id = $1 } END { print id }' l.csv; rank -k people -o tsv l.csv | awk -F'\t' '$8 == 1 { print $10 }' | uniq -c | sed 's/^ *//'; awk -F, 'NR > 1 && $8 > 1' l.csv | wc -l
>>>
same
19998	20000
19998
3331 16670
16669

### a full disk is a write error
$ rank -k rate "$DATA/townships.csv" > /dev/full
>>>2
rank: write error: No space left on device
>>>= 3

### numbers of any size compare exactly: 1e39 above 2e38, 1E-39 below 0.25 (both directions)
$ printf 'u,v\na,1e39\nb,2e38\nc,-1e39\n' | rank -k v; printf 'u,v\na,0.5\nb,0.25\nc,1E-39\nd,1\ne,1e-40\n' | rank -k v | tr '\n' ' '; echo; printf 'u,v\na,0.5\nb,0.25\nc,1E-39\nd,1\n' | rank -k v:asc | tr '\n' ' '; echo
>>>
u,v,rank
a,1e39,1
b,2e38,2
c,-1e39,3
u,v,rank d,1,1 a,0.5,2 b,0.25,3 c,1E-39,4 e,1e-40,5 
u,v,rank c,1E-39,1 b,0.25,2 a,0.5,3 d,1,4 

### one n/a among numbers: the numbers rank (100 above 95), the n/a after them with a warning naming the cell, the empty last
$ printf 'u,v\na,95\nb,n/a\nc,100\nd,\ne,97\n' | rank -k v; printf 'u,v\na,95\nb,n/a\nc,100\n' | rank -k v:asc
>>>
u,v,rank
c,100,1
e,97,2
a,95,3
b,n/a,4
d,,5
u,v,rank
a,95,1
c,100,2
b,n/a,3
>>>2
rank: -:3: field 'v': 'n/a' is not a number; ranked after the numbers
rank: -:3: field 'v': 'n/a' is not a number; ranked after the numbers

### -W on values beyond exact arithmetic: scored in long double, said on stderr, never "out of range"
$ printf 'u,v,w\na,1e39,1\nb,2e38,2\nc,3e38,3\n' | rank -W v=1 -W w=1; printf 'u,v\na,1e38\nb,-1e38\nc,0\n' | rank -W v=1
>>>
u,v,w,score,rank
c,3e38,3,1.1250,1
a,1e39,1,1.0000,2
b,2e38,2,0.5000,3
u,v,score,rank
a,1e38,1.0000,1
c,0,0.5000,2
b,-1e38,0.0000,3
>>>2
rank: --weight: values or scores beyond exact arithmetic (about 1.7e38 in units of the last decimal); the score is computed in long double
rank: --weight: values or scores beyond exact arithmetic (about 1.7e38 in units of the last decimal); the score is computed in long double

### --where ranks the townships; the county row follows with an empty rank and score (null in JSON)
$ printf '镇街,纠纷\n全县,30\n东岭镇,12\n西坝街道,18\n南台乡,\n' | rank -k 纠纷 --where '`镇街` != "全县"'; printf '镇街,纠纷\n全县,30\n东岭镇,12\n西坝街道,18\n' | rank -W 纠纷=1 --where '`镇街` != "全县"' --top 1 -o json
>>>
镇街,纠纷,rank
西坝街道,18,1
东岭镇,12,2
南台乡,,3
全县,30,
{"镇街":"西坝街道","纠纷":"18","score":1.0000,"rank":1}
{"镇街":"全县","纠纷":"30","score":null,"rank":null}
