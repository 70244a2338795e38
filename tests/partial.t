# tally --partial and --merge beyond GNU parallel on one machine: splits
# without the header (Hadoop Streaming), partials that say what they cover
# (a partial merged twice is refused), merges at any depth, the audit
# trail, and shards tallied over ssh.

### split -l at any line count, each split tallied with --partial --header-from, merged: the single pass, byte for byte
$ awk -v rows=400 -f "$TOP/tests/genledger.awk" > l.csv; set -- -g township,status -p quarter -d date_found -a 'n=count()' -a 's=sum(people)' -a 'm=mean(people)' -a 'd=distinct(village)' -a 'lo=min(people)' -a 'hi=max(people)' -a 'r=ratio(count(mediation_level=="村"),count())'; tally "$@" --rollup l.csv > single.csv; for k in 97 400 401; do mkdir s$k; (cd s$k && split -l $k ../l.csv x && for f in x*; do tally --partial --header-from ../l.csv "$@" $f > $f.part || echo "$f failed"; done; tally --merge --rollup x*.part > ../m$k.csv); cmp single.csv m$k.csv && echo "$k lines a split: $(ls s$k/*.part | wc -l) splits, identical"; done; wc -l < single.csv
>>>
97 lines a split: 5 splits, identical
400 lines a split: 2 splits, identical
401 lines a split: 1 splits, identical
186

### one line a split: the split that is only the header line is an empty tally
$ awk -v rows=6 -f "$TOP/tests/genledger.awk" > l.csv; head -1 l.csv > header.csv; set -- -g township -a 'n=count()' -a 'd=distinct(village)' -a 's=sum(people)'; tally "$@" l.csv > single.csv; split -l 1 l.csv x; for f in x*; do tally --partial --header-from header.csv "$@" $f > $f.part || echo "$f failed"; done; tally --merge x*.part > merged.csv; cmp single.csv merged.csv && echo "$(ls *.part | wc -l) splits, identical"; tail -n +2 xaa.part | wc -l
>>>
7 splits, identical
0

### a line equal to the header is left out wherever it comes; the header file may be the ledger itself
$ printf 'g,x\na,1\n' > ledger.csv; printf 'b,2\ng,x\nb,3\n g , x \n' | tally -v --header-from ledger.csv -g g -a 's=sum(x)'
>>>
g,s
b,5
>>>2
tally: 2 rows read, 2 tallied, 0 rejected

### a line split inside a quoted line break is an error in both splits, never a quiet miscount
$ printf 'g,note\na,"one\ntwo"\nb,x\n' > q.csv; split -l 2 q.csv y; for f in yaa yab; do tally --partial --header-from q.csv -g g -a 'n=count()' $f > $f.part; echo "$f: status $?"; done
>>>
yaa: status 1
yab: status 1
>>>2
tally: yaa:2: quoted field not closed: the record from line 2 runs to the end of input (1 line)
tally: 1 rows read, 0 tallied, 1 rejected
tally: yab:1: misplaced quote (a quote inside an unquoted field, or text after a closing quote)
tally: 2 rows read, 1 tallied, 1 rejected

### JSON lines name their fields in every line: split -l works without --header-from, which refuses them
$ awk -v rows=300 -f "$TOP/tests/genledger.awk" | ingest -o json > l.jsonl; set -- -g township -a 'n=count()' -a 'd=distinct(village)' -a 'm=mean(people)'; tally "$@" l.jsonl > single.json; split -l 70 l.jsonl x; for f in x*; do tally --partial "$@" $f > $f.part; done; tally --merge -o json x*.part > merged.json; cmp single.json merged.json && echo "$(ls *.part | wc -l) splits, identical"; tally --partial --header-from l.jsonl "$@" xab; echo "status $?"; printf 'g,x\n' > h.csv; tally --header-from h.csv -g g -a 'n=count()' xab; echo "status $?"
>>>
5 splits, identical
status 2
g,n
status 3
>>>2
tally: --header-from: l.jsonl is JSON lines, which name their fields in every line: a split of it needs no header
Try 'tally --help' for more information.
tally: xab: JSON lines name their fields in every line: a header from another file is for CSV and TSV

### as Hadoop Streaming runs tally(1)'s examples: splits by lines, the mappers' lines sorted and each followed by a tab, one reducer
$ awk -v rows=500 -f "$TOP/tests/genledger.awk" > l.csv; head -1 l.csv > header.csv; ingest -o json l.csv > l.jsonl; tally -g township -a 'n=count()' --rollup l.csv > single.csv; split -l 120 l.csv c; split -l 120 l.jsonl j; for f in c?? ; do tally --partial --header-from header.csv -g township -a 'n=count()' < $f; done | LC_ALL=C sort | sed 's/$/\t/' | tally --merge --rollup | cmp - single.csv && echo "CSV: identical"; for f in j?? ; do tally --partial -g township -a 'n=count()' < $f; done | LC_ALL=C sort | sed 's/$/\t/' | tally --merge --rollup | cmp - single.csv && echo "JSON lines: identical"; ls c?? j?? | wc -l
>>>
CSV: identical
JSON lines: identical
10

### --header-from is for the tally of a split, not for --merge
$ tally --merge --header-from x.csv < /dev/null
>>>2
tally: --header-from is for the tally of a split, not for --merge
Try 'tally --help' for more information.
>>>= 2

### townships -> county -> city -> province: merged partials nest at any depth, and the result is the single pass
$ awk -v rows=799 -f "$TOP/tests/genledger.awk" > l.csv; set -- -g township -a 'n=count()' -a 'd=distinct(village)' -a 'm=mean(people)' -a 'hi=max(people)'; tally "$@" --rollup l.csv > single.csv; split -l 200 -a 1 l.csv t; for f in t?; do tally --partial --header-from l.csv "$@" $f > $f.part; done; tally --merge --partial ta.part tb.part > county1.part; tally --merge --partial county1.part - < tc.part > city.part; tally --merge --partial city.part td.part > province.part; tally --merge --rollup province.part > merged.csv; cmp single.csv merged.csv && echo identical; tally --merge --rollup county1.part tc.part td.part | cmp - single.csv && echo "identical from mixed levels"; tally --merge --partial ta.part tb.part tc.part td.part | tail -n +2 > at-once; tail -n +2 province.part | cmp - at-once && echo "the province's groups are those of its townships merged at once"; ls t? | wc -l
>>>
identical
identical from mixed levels
the province's groups are those of its townships merged at once
4

### a merged partial covers the union of its inputs' SHA-256 digests, sorted, and names the partials it was made from
$ printf 'g,x\na,1\n' > a.csv; printf 'g,x\nb,2\n' > b.csv; printf 'g,x\na,3\n' > c.csv; tally --partial -g g -a 's=sum(x)' a.csv b.csv > ab.part; tally --partial -g g -a 's=sum(x)' < c.csv > c.part; tally --merge --partial ab.part - < c.part > abc.part; cat ab.part c.part abc.part; sha256sum a.csv b.csv c.csv ab.part c.part
>>>
{"govstat_partial":2,"by":["g"],"period":null,"columns":[{"name":"s","agg":"sum(x)","where":null,"decimals":-5}],"covers":["1e2a25742707c7de2dce75d314d8cccc9c688857dda153f3fb493b0bbaeabf75","fc0842fa0d4167f98d00d0bec24c33d55f0897420b15f37927d3df8263d7b12a"],"from":[{"role":"input","name":"a.csv","sha256":"fc0842fa0d4167f98d00d0bec24c33d55f0897420b15f37927d3df8263d7b12a","bytes":8,"rows":1},{"role":"input","name":"b.csv","sha256":"1e2a25742707c7de2dce75d314d8cccc9c688857dda153f3fb493b0bbaeabf75","bytes":8,"rows":1}]}
{"k":["a"],"s":[["1","1"]]}
{"k":["b"],"s":[["1","2"]]}
{"govstat_partial":2,"by":["g"],"period":null,"columns":[{"name":"s","agg":"sum(x)","where":null,"decimals":-5}],"covers":["6b2959ac636ddddee793fec56b3e362e3e0a8efc1842c537daf918398fb4f6b0"],"from":[{"role":"input","name":"-","sha256":"6b2959ac636ddddee793fec56b3e362e3e0a8efc1842c537daf918398fb4f6b0","bytes":8,"rows":1}]}
{"k":["a"],"s":[["1","3"]]}
{"govstat_partial":2,"by":["g"],"period":null,"columns":[{"name":"s","agg":"sum(x)","where":null,"decimals":-5}],"covers":["1e2a25742707c7de2dce75d314d8cccc9c688857dda153f3fb493b0bbaeabf75","6b2959ac636ddddee793fec56b3e362e3e0a8efc1842c537daf918398fb4f6b0","fc0842fa0d4167f98d00d0bec24c33d55f0897420b15f37927d3df8263d7b12a"],"from":[{"role":"partial","name":"ab.part","sha256":"b75a94700e92c0c3788f747585de3a954bea671849a6cd2d631d3ebc3d6b1538","bytes":578,"rows":2},{"role":"partial","name":"-","sha256":"d6050b06b86fd45a6605e1f9dc7c1a0667ef6de4f75eb3266a67b6874258bb46","bytes":352,"rows":1}]}
{"k":["a"],"s":[["2","4"]]}
{"k":["b"],"s":[["1","2"]]}
fc0842fa0d4167f98d00d0bec24c33d55f0897420b15f37927d3df8263d7b12a  a.csv
1e2a25742707c7de2dce75d314d8cccc9c688857dda153f3fb493b0bbaeabf75  b.csv
6b2959ac636ddddee793fec56b3e362e3e0a8efc1842c537daf918398fb4f6b0  c.csv
b75a94700e92c0c3788f747585de3a954bea671849a6cd2d631d3ebc3d6b1538  ab.part
d6050b06b86fd45a6605e1f9dc7c1a0667ef6de4f75eb3266a67b6874258bb46  c.part

### a partial merged twice, or beside a merged partial that holds it, is refused by name; the others are merged
$ printf 'g,x\na,1\n' > a.csv; printf 'g,x\nb,2\n' > b.csv; printf 'g,x\na,3\n' > c.csv; for f in a b c; do tally --partial -g g -a 's=sum(x)' $f.csv > $f.part; done; tally --merge --partial a.part b.part > county.part; tally --merge county.part c.part county.part; echo "status $?"; tally --merge county.part b.part c.part; echo "status $?"; cat a.part a.part | tally --merge; echo "status $?"; tally --partial -g g -a 's=sum(x)' b.csv c.csv > bc.part; tally --merge county.part bc.part; echo "status $?"
>>>
g,s
a,4
b,2
status 3
g,s
a,4
b,2
status 3
g,s
a,1
status 3
g,s
a,1
b,2
status 3
>>>2
tally: county.part:1: covers input 1e2a25742707c7de…, already merged from county.part:1: merged again it would be counted twice
tally: b.part:1: covers input 1e2a25742707c7de…, already merged from county.part:1: merged again it would be counted twice
tally: -:3: covers input fc0842fa0d4167f9…, already merged from -:1: merged again it would be counted twice
tally: bc.part:1: covers input 1e2a25742707c7de…, already merged from county.part:1: merged again it would be counted twice

### a refused partial adds nothing to what the merged partial covers; --partial refuses two inputs with the same bytes
$ printf 'g,x\na,1\n' > a.csv; printf 'g,x\nb,2\n' > b.csv; cp a.csv again.csv; tally --partial -g g -a 's=sum(x)' a.csv > a.part; tally --partial -g g -a 's=sum(x)' a.csv b.csv > ab.part; tally --merge --partial a.part ab.part > m.part; echo "status $?"; head -1 m.part | grep -o '"covers":\[[^]]*\]'; tail -n +2 m.part; tally --partial -g g -a 's=sum(x)' a.csv again.csv; echo "status $?"
>>>
status 3
"covers":["fc0842fa0d4167f98d00d0bec24c33d55f0897420b15f37927d3df8263d7b12a"]
{"k":["a"],"s":[["1","1"]]}
status 3
>>>2
tally: ab.part:1: covers input fc0842fa0d4167f9…, already merged from a.part:1: merged again it would be counted twice
tally: again.csv: the same bytes as a.csv, already read: a partial stream covers each input once

### a partial of an older tally, which does not say what it covers, is refused; so is a broken "covers"
$ printf '{"govstat_partial":1,"by":["g"],"period":null,"columns":[{"name":"n","agg":"count()","where":null,"decimals":4}]}\n{"k":["a"],"s":["1"]}\n' > old.part; tally --merge old.part; printf '{"govstat_partial":2,"by":["g"],"period":null,"columns":[{"name":"n","agg":"count()","where":null,"decimals":4}],"covers":["abc"],"from":[]}\n' | tally --merge; printf '{"govstat_partial":2,"by":["g"],"period":null,"columns":[{"name":"n","agg":"count()","where":null,"decimals":4}],"from":[]}\n' | tally --merge
>>>2
tally: old.part:1: a partial stream of an older tally, which does not say what it covers: make it again
tally: -:1: a partial stream's "covers" holds something other than SHA-256 digests
tally: -:1: a partial stream's header has no "covers"
>>>= 3

### the manifest line of a merge names each partial read, standard input too, with its SHA-256
$ printf 'g,x\na,1\n' | tally --partial -g g -a 'n=count()' > p1; printf 'g,x\nb,1\n' | tally --partial -g g -a 'n=count()' > p2; tally --manifest m.jsonl --merge p1 - < p2 > out.csv; sha256sum p1 p2 out.csv | awk '{ print $1 }' > want; python3 -c 'import json, sys; r = json.loads(open("m.jsonl").read()); [print(f["role"], f["name"], f["sha256"] == w.strip(), f["bytes"], f["rows"]) for f, w in zip(r["files"], open("want"))]'
>>>
partial p1 True 347 1
partial - True 347 1
output - True 12 2

### a partial's header names what it was made from: the header file and each input, with their digests and rows
$ printf 'g,x\n' > h.csv; printf 'a,1\nb,2\n' > s1; printf 'g,x\nc,3\n' > s2; tally --manifest m.jsonl --partial --header-from h.csv -g g -a 'n=count()' s1 s2 > p; head -1 p | python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin)["from"], ensure_ascii=False))'; sha256sum s1 s2; python3 -c 'import json; [print(f["role"], f["name"], f["rows"]) for f in json.loads(open("m.jsonl").read())["files"]]'
>>>
[{"role": "header", "name": "h.csv", "names": ["g", "x"]}, {"role": "input", "name": "s1", "sha256": "e5fd38088cdea99f970183c3cfb6b06c5c20b22b52eac097729a490f5b7b5e04", "bytes": 8, "rows": 2}, {"role": "input", "name": "s2", "sha256": "a1da967b7d9f0b378c0dd02ce7590c5db0e9b7970234045f01d98a4cb243ff17", "bytes": 8, "rows": 1}]
e5fd38088cdea99f970183c3cfb6b06c5c20b22b52eac097729a490f5b7b5e04  s1
a1da967b7d9f0b378c0dd02ce7590c5db0e9b7970234045f01d98a4cb243ff17  s2
input s1 2
input s2 1
output - 3
header h.csv None

### GNU parallel --pipe --sshlogin: shards tallied over ssh (an sshd of the test's own on 127.0.0.1), merged: the single pass
# tests/ssh.sh starts and stops the sshd; it prints "skipped: why" (and so
# fails this case) where it cannot run: not root, or no openssh-server
$ sh "$TOP/tests/ssh.sh"
>>>
identical
4 shards, each tallied over ssh
