# Hostile input for every tool: a clear error or a correct result.

### a directory, or a file that is not there, is status 3 for every tool
$ mkdir d; printf '{"fields": [{"name": "a"}]}' > s.json; tally -a 'n=count()' d; validate -s s.json nope.csv; rank -k a d; report d
>>>2
tally: d: read error: Is a directory
validate: nope.csv: cannot open: No such file or directory
rank: d: read error: Is a directory
report: d: read error: Is a directory
>>>= 3

### an empty input is status 3 for every tool
$ printf '{"fields": [{"name": "a"}]}' > s.json; : > e.csv; tally -a 'n=count()' e.csv; validate -s s.json e.csv; rank -k a e.csv; report e.csv
>>>2
tally: e.csv: empty input: no header
validate: e.csv: empty input: no header
rank: e.csv: empty input: no header
report: e.csv: empty input: no header
>>>= 3

### a closed pipe ends every tool quietly (SIGPIPE at its default)
$ awk 'BEGIN { print "a,b"; for (i = 0; i < 300000; i++) print i "," i % 7 }' > n.csv; printf '{"fields": [{"name": "a", "type": "integer"}, {"name": "b", "type": "integer"}]}' > s.json; validate -s s.json n.csv | head -1; rank -k a n.csv | head -1; report -f csv n.csv | head -1; tally -g a -a 'n=count()' n.csv | head -1
>>>
a,b
a,b,rank
a,b
a,n

### the rejects file on a full disk is a write error
$ printf 'a\n1\n"x\n' | ingest -r /dev/full > /dev/null
>>>2
ingest: 2 rows read, 1 written, 1 rejected
ingest: /dev/full: write error: No space left on device
>>>= 3

### a header of 100,000 repeated names is refused, naming the first repeat
$ awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "x%s", i < 100000 ? "," : "\n" }' | ingest
>>>2
ingest: -:1: header: column 2 repeats the name 'x' of column 1
>>>= 3

### JSON lines with a huge number and deep nesting stay exact or are refused
$ printf '{"a": 1234567890123456789012345678901234567890}\n' | ingest -o csv; printf '{"a": 1234567890123456789012345678901234567890, "b": [[[[[]]]]]}\n' | ingest
>>>
a
1234567890123456789012345678901234567890
>>>2
ingest: -:1: header: nested value in field 'b' (records must be flat)
>>>= 3

### invalid and truncated UTF-8 far past the 256 KiB read boundary name their lines
$ awk 'BEGIN { print "a"; for (i = 0; i < 87381; i++) print "田" }' > u.csv; cp u.csv v.csv; printf '\350\n' >> u.csv; printf '\347\224' >> v.csv; ingest u.csv > o1; echo "status $?"; tail -1 o1; ingest v.csv > o2; echo "status $?"; wc -l < o2
>>>
status 3
田
status 3
87382
>>>2
ingest: u.csv:87383: invalid UTF-8 byte 0xE8 (in another encoding? ingest -e NAME reads it, e.g. -e gb18030)
ingest: v.csv:87383: truncated UTF-8 sequence at end of input

### a rejected row keeps every byte: a misplaced quote and a long row keep their text in _raw
$ printf 'k,v\nu,x"y\nz,1,2,3\nw,2\n' | ingest -r r.csv; echo "status $?"; cat r.csv
>>>
k,v
w,2
status 1
k,v,_line,_error,_raw
u,,2,"misplaced quote (a quote inside an unquoted field, or text after a closing quote)","u,x""y"
z,1,3,"row has 4 fields, the header has 2","z,1,2,3"
>>>2
ingest: 3 rows read, 1 written, 2 rejected

### an unclosed quote says from which line it runs and how many lines it covers; its lines are in _raw
$ printf 'k,v\nu,"x\na,1\nb,2\n' | ingest -r r.csv; echo "status $?"; cat r.csv
>>>
k,v
status 1
k,v,_line,_error,_raw
u,,2,quoted field not closed: the record from line 2 runs to the end of input (3 lines),"u,""x
a,1
b,2"
>>>2
ingest: 1 rows read, 0 written, 1 rejected

### a misplaced quote on the second line of a quoted record keeps both lines; the CRLF that ends it is left out of _raw
$ printf 'k,v\na,"x\ny"z,q\r\nb,2\r\n' | ingest -r r.csv; echo "status $?"; cat r.csv
>>>
k,v
b,2
status 1
k,v,_line,_error,_raw
a,,2,"misplaced quote (a quote inside an unquoted field, or text after a closing quote)","a,""x
y""z,q"
>>>2
ingest: 2 rows read, 1 written, 1 rejected

### a JSON-lines reject keeps its record in _raw, for every tool
$ printf '{"a":1,"b":"x"}\n{"a":2,"c":3}\n{"a":3,"b":[1]}\n{"a":4,\n' > in.json; ingest -r r1.json in.json > /dev/null; tally -a 'n=count()' -r r2.json in.json > /dev/null; rank -k a -r r3.json in.json > /dev/null; cat r1.json; cmp r1.json r2.json && cmp r1.json r3.json && echo same
>>>
{"a":"","b":"","_line":"2","_error":"key 'c' is not a column (the first record has no such key)","_raw":"{\"a\":2,\"c\":3}"}
{"a":"","b":"","_line":"3","_error":"nested value in field 'b' (records must be flat)","_raw":"{\"a\":3,\"b\":[1]}"}
{"a":"","b":"","_line":"4","_error":"invalid JSON: expected a key","_raw":"{\"a\":4,"}
same
>>>2
ingest: 4 rows read, 1 written, 3 rejected
tally: 4 rows read, 1 tallied, 3 rejected
rank: 4 rows read, 1 written, 3 rejected

### validate over a lineage stream: the reject's own line is _reject_line, and every tool reads the rejects
$ printf 'k,v\na,1\nb,x\n' > l.csv; printf '{"fields": [{"name": "k"}, {"name": "v", "type": "integer"}, {"name": "_file"}, {"name": "_line"}]}' > s.json; ingest --lineage l.csv | validate -s s.json -r vr.csv > /dev/null; cat vr.csv; ingest vr.csv > /dev/null && validate --infer vr.csv | grep -c name; tally -g _reject_line -a 'n=count()' vr.csv; rank -k _line vr.csv -r rr.csv > /dev/null; head -1 rr.csv
>>>
k,v,_file,_line,_reject_line,_errors,_raw
b,x,l.csv,3,3,type-error:v:'x' is not of type integer,
5
_reject_line,n
3,1
k,v,_file,_line,_reject_line,_errors,_raw,_reject_reject_line,_error,_reject_raw
>>>2
validate: 2 rows read, 1 written, 1 rejected

### rejects of rejects: a rejects file read again by each tool never repeats a column name
$ printf 'k,v\na,1\nb,x\n' | tally -a 's=sum(v)' -r t.csv > /dev/null; cat t.csv; tally -a 's=sum(v)' -r t2.csv t.csv > /dev/null; cat t2.csv; validate --infer t2.csv | sed 's/"string"/"integer"/' > s.json; validate -s s.json -r v.csv t2.csv > /dev/null; head -1 v.csv; ingest v.csv > /dev/null && echo read
>>>
k,v,_line,_error,_raw
b,x,3,field 'v': 'x' is not a number,
k,v,_line,_error,_raw,_reject_line,_reject_error,_reject_raw
b,x,3,field 'v': 'x' is not a number,,2,field 'v': 'x' is not a number,
k,v,_line,_error,_raw,_reject_line,_reject_error,_reject_raw,_reject_reject_line,_errors,_reject_reject_raw
read
>>>2
tally: 2 rows read, 1 tallied, 1 rejected
tally: 1 rows read, 0 tallied, 1 rejected
validate: 1 rows read, 0 written, 1 rejected

### rows of only spaces or tabs and JSON {} are dropped by every tool alike, counted as read and dropped
$ printf 'g,n\na,1\n \t, \n,\nb,2\n' > b.csv; printf '{"g":"a","n":1}\n{}\n{"g":"b","n":2}\n' > b.json; printf '{"fields": [{"name": "g"}, {"name": "n", "type": "integer"}]}' > s.json; for f in b.csv b.json; do ingest -v $f | wc -l; validate -v -s s.json $f | wc -l; tally -v -a 'n=count()' $f; rank -v -k n $f | wc -l; done
>>>
3
3
n
2
3
2
2
{"n":2}
2
>>>2
ingest: 4 rows read, 2 written, 0 rejected, 2 dropped
ingest: 2 empty rows skipped, 0 footer rows left out
validate: 4 rows read, 2 written, 0 rejected, 2 dropped
tally: 4 rows read, 2 tallied, 0 rejected, 2 dropped
rank: 4 rows read, 2 written, 0 rejected, 2 dropped
ingest: 3 rows read, 2 written, 0 rejected, 1 dropped
ingest: 1 empty rows skipped, 0 footer rows left out
validate: 3 rows read, 2 written, 0 rejected, 1 dropped
tally: 3 rows read, 2 tallied, 0 rejected, 1 dropped
rank: 3 rows read, 2 written, 0 rejected, 1 dropped

### a rejects file, report, manifest or output that is an input is refused before anything is written
$ printf 'k,v\na,1\nb,x\n' > in.csv; cp in.csv keep.csv; printf '{"fields": [{"name": "k"}, {"name": "v", "type": "integer"}]}' > s.json; ingest -r in.csv in.csv; echo "status $?"; validate -s s.json -r ./in.csv in.csv; echo "status $?"; validate -s s.json --report in.csv in.csv; echo "status $?"; validate -s s.json -r s.json in.csv; echo "status $?"; tally -a 'n=count()' --manifest in.csv in.csv; echo "status $?"; rank -k v -r in.csv < in.csv; echo "status $?"; ingest in.csv >> in.csv; echo "status $?"; GOVSTAT_MANIFEST=in.csv report in.csv; echo "status $?"; cmp in.csv keep.csv && echo untouched
>>>
status 2
status 2
status 2
status 2
status 2
status 2
status 2
status 2
untouched
>>>2
ingest: in.csv: the rejects file is the input in.csv: writing it would destroy what is read
validate: ./in.csv: the rejects file is the input in.csv: writing it would destroy what is read
validate: in.csv: the report is the input in.csv: writing it would destroy what is read
validate: s.json: the rejects file is the input s.json: writing it would destroy what is read
tally: in.csv: the manifest is the input in.csv: writing it would destroy what is read
rank: in.csv: the rejects file is the input -: writing it would destroy what is read
ingest: standard output is the input in.csv: writing it would destroy what is read
report: in.csv: the manifest is the input in.csv: writing it would destroy what is read

### a report or manifest that cannot be written stops the tool before standard output is written
$ printf 'k,v\na,1\n' > in.csv; printf '{"fields": [{"name": "k"}, {"name": "v", "type": "integer"}]}' > s.json; validate -s s.json --report no/such/dir/r.json in.csv; echo "status $?"; ingest --manifest no/such/m.jsonl in.csv; echo "status $?"; GOVSTAT_MANIFEST=no/m.jsonl tally -a 'n=count()' in.csv; echo "status $?"
>>>
status 3
status 3
status 3
>>>2
validate: no/such/dir/r.json: cannot write the report: No such file or directory
ingest: no/such/m.jsonl: cannot append to the manifest: No such file or directory
tally: no/m.jsonl: cannot append to the manifest: No such file or directory

### header diagnostics name the header's line, after --skip and with --header-rows
$ printf '{"fields": [{"name": "a"}]}' > s.json; printf 'b\n1\n' > h.csv; validate -s s.json h.csv; printf 'title\n\nx,,y\n' | ingest --skip 2; printf 'title\n,x\n,y\n' | ingest --skip 1 --header-rows 2; printf ',a\n' | ingest
>>>2
validate: h.csv:1: incorrect-label:a:the label 'b' at position 1 is not the field name 'a'
ingest: -:3: header: column 2 has an empty name
ingest: -:2: header: column 1 has an empty name
ingest: -:1: header: column 1 has an empty name
>>>= 3

### with SIGPIPE ignored by the parent, a write error says why
$ trap '' PIPE; awk 'BEGIN { print "a,b"; for (i = 0; i < 300000; i++) print i "," i % 7 }' > n.csv; ingest n.csv | head -1; tally -g a -a 'n=count()' n.csv | head -1; report -f csv n.csv | head -1
>>>
a,b
a,n
a,b
>>>2
ingest: write error: Broken pipe
tally: write error: Broken pipe
report: write error: Broken pipe

### the rejects of every tool over a lineage stream are read by every tool
$ printf 'k,v\na,1\nb,x\nc,"q"z\nd,1,2\n' > m.csv; printf '{"fields": [{"name": "k"}, {"name": "v", "type": "integer"}, {"name": "_file"}, {"name": "_line"}]}' > s.json; ingest --lineage m.csv > lin.csv 2>/dev/null; ingest --lineage -r r1.csv m.csv > /dev/null; validate -s s.json -r r2.csv lin.csv > /dev/null; tally -a 's=sum(v)' -r r3.csv lin.csv > /dev/null; rank -k v -W v=1 -r r4.csv lin.csv > /dev/null; for f in r1.csv r2.csv r3.csv r4.csv; do head -1 $f; ingest $f > /dev/null && validate --infer $f > /dev/null && tally -a 'n=count()' $f | tail -1 && rank -k _line $f > /dev/null && echo "$f read by all"; done; cat r1.csv
>>>
k,v,_file,_line,_error,_raw
2
r1.csv read by all
k,v,_file,_line,_reject_line,_errors,_raw
1
r2.csv read by all
k,v,_file,_line,_reject_line,_error,_raw
1
r3.csv read by all
k,v,_file,_line,_reject_line,_error,_raw
1
r4.csv read by all
k,v,_file,_line,_error,_raw
c,,m.csv,4,"misplaced quote (a quote inside an unquoted field, or text after a closing quote)","c,""q""z"
d,1,m.csv,5,"row has 3 fields, the header has 2","d,1,2"
>>>2
ingest: 4 rows read, 2 written, 2 rejected
validate: 2 rows read, 1 written, 1 rejected
tally: 2 rows read, 1 tallied, 1 rejected
rank: 2 rows read, 1 written, 1 rejected

### rejects files for Excel: tally's and rank's with --bom are read back by every tool as they are, with --encoding gb18030 by ingest -e gb18030 and every tool's detection; the manifest hashes the bytes written
$ printf 'k,v\n田园镇,1\n石桥乡,x\n白沙村,1,2\n' > in.csv; tally -g k -a 's=sum(v)' -r tp.csv in.csv > /dev/null 2>&1; rank -k v -r rp.csv in.csv > /dev/null 2>&1; tally -g k -a 's=sum(v)' --bom -r tb.csv --manifest m.jsonl in.csv > /dev/null 2>&1; rank -k v --bom -r rb.csv --manifest m.jsonl in.csv > /dev/null 2>&1; tally -g k -a 's=sum(v)' --encoding gb18030 -r tg.csv --manifest m.jsonl in.csv > /dev/null 2>&1; rank -k v --encoding gb18030 -r rg.csv --manifest m.jsonl in.csv > /dev/null 2>&1; for f in tb rb; do p=${f%b}p; head -c 3 $f.csv | od -An -tx1; ingest $f.csv | cmp - $p.csv && validate --infer $f.csv > /dev/null && rank -k _line $f.csv > /dev/null && tally -a 'n=count()' $f.csv | tail -1; done; for f in tg rg; do p=${f%g}p; sed -n 2p $f.csv | head -c 8 | od -An -tx1; ingest -e gb18030 $f.csv | cmp - $p.csv && ingest $f.csv | cmp - $p.csv && validate --infer $f.csv > /dev/null && rank -k _line $f.csv > /dev/null && tally -a 'n=count()' $f.csv | tail -1; done; for f in tb rb tg rg; do grep -c "\"role\":\"rejects\",\"name\":\"$f.csv\",\"sha256\":\"$(sha256sum $f.csv | cut -c1-64)\",\"bytes\":$(wc -c < $f.csv)," m.jsonl; done
>>>
 ef bb bf
2
 ef bb bf
1
 ca af c7 c5 cf e7 2c 78
2
 b0 d7 c9 b3 b4 e5 2c 31
1
1
1
1
1

### a later file's header that differs names the line where it starts (after --skip's lines); its rows are left out
$ printf 'g,n\nx,1\n' > d.csv; printf 'g,status\ny,2\n' > x.csv; tally -g g -a 'n=count()' d.csv x.csv; echo "status $?"; printf '标题,\ng,n\nx,1\n' > dt.csv; printf '标题,\ng,status\ny,2\n' > t.csv; ingest --skip 1 dt.csv t.csv; echo "status $?"
>>>
g,n
x,1
status 3
g,n
x,1
status 3
>>>2
tally: x.csv:1: header differs from the first file's: column 2 is 'status', expected 'n'
ingest: t.csv:2: header differs from the first file's: column 2 is 'status', expected 'n'
