# The options every tool shares (src/common/options.ggo) and the parser
# they go through: values kept whole, values= checked in the tools' words.

### every tool takes the shared options, each once in its --help
$ for t in ingest validate tally rank report; do printf '%s' "$t"; for o in --input-format --verbose --manifest --help --version --output-format --rejects --bom --encoding --output-encoding; do printf ' %s' "$("$t" --help | grep -c -- "^ *\(-., \)*$o[= ]")"; done; echo; done
>>>
ingest 1 1 1 1 1 1 1 1 1 1
validate 1 1 1 1 1 1 1 1 0 1
tally 1 1 1 1 1 1 1 1 1 0
rank 1 1 1 1 1 1 1 1 1 0
report 1 1 1 1 1 0 0 1 1 0

### tally: an aggregate's commas stay in it, whatever option values come before (a manifest named -a)
$ printf 'g,x\na,1\nb,2\n' > t.csv; tally --manifest -a -a 'r=ratio(count(),count())' t.csv; tally --manifest m.jsonl -a 'r=ratio(count(),count())' t.csv; tally --agg='r=ratio(count(),count())' -ag=count\(\) t.csv; wc -l < -a; wc -l < m.jsonl
>>>
r
1.0000
r
1.0000
r,g
1.0000,2
1
1

### tally: a comma inside an expression of -a is never a separator
$ printf 'g,x\na,1\nb,2\nc,3\n' | tally -g g -a 'n=count(g in ("a", "b"))' -a 's=sum(x)'
>>>
g,n,s
a,1,1
b,1,2
c,0,3

### ingest: a --footer with a comma is one text (a row that starts like its first part is data)
$ printf 'g,x\nTotal visits,5\n"Total, all",\nz,9\n' | ingest --footer 'Total, all'
>>>
g,x
Total visits,5
>>>2
ingest: -:4: 1 rows after the footer line 3 are not footer text: left out with the footer

### report: a --label with a comma is one label
$ printf 'g,x\na,1\n' | report --label 'x=甲,乙' | head -1
>>>
g  甲,乙

### values=: a value the option does not know is a usage error in the tools' words
$ rank -k x -m best < /dev/null; rank -k x --normalize q < /dev/null; report -f pdf < /dev/null; validate -o xlsx < /dev/null; tally -i xml < /dev/null; echo "status $?"
>>>
status 2
>>>2
rank: --method: 'best' is not competition, dense, ordinal or average
Try 'rank --help' for more information.
rank: --normalize: 'q' is not none, minmax or zscore
Try 'rank --help' for more information.
report: --format: 'pdf' is not text, markdown, html, json, csv, tsv or xlsx
Try 'report --help' for more information.
validate: --output-format: unknown format 'xlsx' (csv, tsv, json or jsonl; json and jsonl are JSON lines)
Try 'validate --help' for more information.
tally: --input-format: unknown format 'xml' (csv, tsv, json, jsonl, xlsx or xls; json and jsonl are JSON lines, xlsx and xls workbooks)
Try 'tally --help' for more information.

### the formats an unknown -i or -o names are those the option takes, as --help lists them, in every tool that has it
$ for t in ingest validate tally rank report; do for o in input-format output-format; do "$t" --help | tr -d '\n' | grep -q -- "--$o=" || continue; want=$("$t" --help | tr -d '\n' | sed "s/.*--$o=//; s/)/)\n/g" | grep -m1 'possible' | sed 's/.*values=//; s/[)" ]//g'); got=$("$t" --$o nope 2>&1 | head -1 | sed 's/.*(\([^;]*\);.*/\1/; s/ or /,/; s/ //g'); [ "$want" = "$got" ] && echo "$t --$o: $got" || echo "$t --$o: $got, --help: $want"; done; done
>>>
ingest --input-format: csv,tsv,json,jsonl,xlsx,xls
ingest --output-format: csv,tsv,json,jsonl
validate --input-format: csv,tsv,json,jsonl,xlsx,xls
validate --output-format: csv,tsv,json,jsonl
tally --input-format: csv,tsv,json,jsonl,xlsx,xls
tally --output-format: csv,tsv,json,jsonl
rank --input-format: csv,tsv,json,jsonl,xlsx,xls
rank --output-format: csv,tsv,json,jsonl
report --input-format: csv,tsv,json,jsonl,xlsx,xls

### values=: a unique start of a value is the value; the start of several is a usage error that names them
$ printf 'k\n2\n1\n2\n' | rank -k k -m d; printf 'a\n1\n' | report -f t
>>>
k,rank
2,1
2,1
1,2
>>>2
report: --format: 't' could be text or tsv
Try 'report --help' for more information.
>>>= 2

### the format options take jsonl for json
$ printf '{"a":1}\n' | tally -i jsonl -o jsonl -a 'n=count()'
>>>
{"n":1}

### --bom: tally's and rank's CSV and TSV begin with the UTF-8 byte-order mark, then the same bytes as without it
$ printf 'g,x\n田园镇,1\n石桥乡,2\n' > c.csv; tally -g g -a 's=sum(x)' --bom c.csv | head -c 5 | od -An -tx1; tally -g g -a 's=sum(x)' --bom c.csv | tail -c +4 | cmp - "$(tally -g g -a 's=sum(x)' c.csv > plain; echo plain)" && echo same; rank -k x -o tsv --bom c.csv | od -An -c | head -1
>>>
 ef bb bf 67 2c
same
 357 273 277   g  \t   x  \t   r   a   n   k  \n 347 237 263 346

### --encoding gb18030: the bytes are GB18030 (石 is ca af), with no mark, and iconv turns them back into the UTF-8 output
$ printf 'g,x\n田园镇,1\n石桥乡,2\n' > c.csv; rank -k x --encoding gb18030 c.csv > g.csv; rank -k x c.csv > u.csv; sed -n 2p g.csv | od -An -tx1 | head -1; iconv -f gb18030 -t utf-8 g.csv | cmp - u.csv && echo "round trip"; tally -g g -a 's=sum(x)' --encoding gb18030 c.csv | head -c 4 | od -An -tx1; tally -g g -a 's=sum(x)' --encoding gb18030 c.csv | iconv -f gb18030 -t utf-8
>>>
 ca af c7 c5 cf e7 2c 32 2c 31 0a
round trip
 67 2c 73 0a
g,s
田园镇,1
石桥乡,2

### --bom with an encoding that is neither UTF-8 nor UTF-16 is a usage error in every tool, before anything is written: Excel takes GB18030's mark for text and needs none
$ printf 'g,x\n田园镇,1\n' > c.csv; tally -g g -a 's=sum(x)' --encoding gb18030 --bom c.csv; echo "status $?"; rank -k x --bom --encoding gbk -r r.csv c.csv; echo "status $?"; report -f csv --bom --encoding GB18030 c.csv; echo "status $?"; ingest --bom --output-encoding gb18030 -r i.csv c.csv; echo "status $?"; printf '{"fields": [{"name": "g"}, {"name": "x"}]}' > s.json; validate -s s.json --bom --output-encoding latin1 c.csv; echo "status $?"; ls
>>>
status 2
status 2
status 2
status 2
status 2
c.csv
s.json
>>>2
tally: --bom goes with UTF-8 or UTF-16, not with --encoding gb18030: Excel on a Chinese Windows reads GB18030 as it is, without a mark
Try 'tally --help' for more information.
rank: --bom goes with UTF-8 or UTF-16, not with --encoding gbk: Excel on a Chinese Windows reads GB18030 as it is, without a mark
Try 'rank --help' for more information.
report: --bom goes with UTF-8 or UTF-16, not with --encoding GB18030: Excel on a Chinese Windows reads GB18030 as it is, without a mark
Try 'report --help' for more information.
ingest: --bom goes with UTF-8 or UTF-16, not with --output-encoding gb18030: Excel on a Chinese Windows reads GB18030 as it is, without a mark
Try 'ingest --help' for more information.
validate: --bom goes with UTF-8 or UTF-16, not with --output-encoding latin1
Try 'validate --help' for more information.

### --bom with --encoding utf-8 or UTF-16: one mark each (iconv's UTF-16 writes its own, and --bom adds none), and the tools read the output back
$ printf 'g,x\n田园镇,1\n' > c.csv; tally -g g -a 's=sum(x)' --bom --encoding UTF-8 c.csv | head -c 4 | od -An -tx1; ingest --bom --output-encoding 'UTF-8//TRANSLIT' c.csv | head -c 4 | od -An -tx1; for e in utf-16le UTF-16BE utf-16; do rank -k x --bom --encoding $e c.csv > $e.csv; head -c 4 $e.csv | od -An -tx1; done; rank -k x --encoding utf-16 c.csv | cmp - utf-16.csv && echo "utf-16 has its mark without --bom"; for e in utf-16le UTF-16BE; do tally -g g -a 'n=count()' $e.csv | tail -1; done
>>>
 ef bb bf 67
 ef bb bf 67
 ff fe 67 00
 fe ff 00 67
 ff fe 67 00
utf-16 has its mark without --bom
田园镇,1
田园镇,1

### a file that begins with GB18030's own mark (84 31 95 33, as older --bom wrote it) is read as GB18030 by every tool's detection and by ingest -e gb18030, the mark left out
$ printf '\204\061\225\063g,x\n' > m.csv; printf '石桥乡,1\n' | iconv -f utf-8 -t gb18030 >> m.csv; tally -g g -a 's=sum(x)' m.csv; rank -k x m.csv; ingest m.csv; ingest -e gb18030 m.csv; printf '{"fields": [{"name": "g"}, {"name": "x", "type": "integer"}]}' > s.json; validate -s s.json m.csv
>>>
g,s
石桥乡,1
g,x,rank
石桥乡,1,1
g,x
石桥乡,1
g,x
石桥乡,1
g,x
石桥乡,1

### --bom and --encoding refuse JSON output, as report's do, and --partial's; an encoding iconv does not know, and a character the encoding cannot hold, stop the tool
$ printf 'g,x\na,1\n' > c.csv; rank -k x -o json --bom c.csv; tally -a 'n=count()' -o json --encoding gb18030 c.csv; printf '{"a":"x"}\n' | tally -a 'n=count()' --bom; tally --partial --bom -a 'n=count()' c.csv; echo "status $?"; tally --encoding nope -a 'n=count()' c.csv; echo "status $?"; printf 'g,x\n😀,1\n' | rank -k x --encoding gbk; echo "status $?"
>>>
status 2
status 2
status 3
>>>2
rank: --bom and --encoding go with -o csv or tsv
Try 'rank --help' for more information.
tally: --bom and --encoding go with -o csv or tsv
Try 'tally --help' for more information.
tally: --bom and --encoding go with -o csv or tsv
Try 'tally --help' for more information.
tally: --bom and --encoding are for the result people open, not for --partial
Try 'tally --help' for more information.
tally: --encoding: iconv knows no encoding 'nope'
Try 'tally --help' for more information.
rank: output: '😀' cannot be written in gbk

### --manifest: the output's SHA-256 is that of the bytes written, mark and encoding included
$ printf 'g,x\n田园镇,1\n' > c.csv; tally --manifest m.jsonl -g g -a 's=sum(x)' --bom --encoding utf-16le c.csv > out.csv; sha256sum out.csv | cut -c1-64 > want; grep -o '"role":"output","name":"-","sha256":"[0-9a-f]*"' m.jsonl | grep -o '[0-9a-f]\{64\}' | cmp - want && echo same
>>>
same

### --bom or --encoding with -o json is refused at the start, before any input is read (an endless one here)
$ for t in tally rank ingest validate; do timeout 10 $t -o json --bom < /dev/zero; echo "status $?"; done 2>&1 | grep -v '^Try'
>>>
tally: --bom and --encoding go with -o csv or tsv
status 2
rank: --bom and --encoding go with -o csv or tsv
status 2
ingest: --bom and --output-encoding go with -o csv or tsv
status 2
validate: --bom and --output-encoding go with -o csv or tsv
status 2
