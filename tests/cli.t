# The options every tool shares (src/common/options.ggo) and the parser
# they go through: values kept whole, values= checked in the tools' words.

### every tool takes the shared options, each once in its --help
$ for t in ingest validate tally rank report; do printf '%s' "$t"; for o in --input-format --verbose --manifest --help --version --output-format --rejects --bom --encoding; do printf ' %s' "$("$t" --help | grep -c -- "^ *\(-., \)*$o[= ]")"; done; echo; done
>>>
ingest 1 1 1 1 1 1 1 0 1
validate 1 1 1 1 1 1 1 0 0
tally 1 1 1 1 1 1 1 1 1
rank 1 1 1 1 1 1 1 1 1
report 1 1 1 1 1 0 0 1 1

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
validate: --output-format: unknown format 'xlsx' (csv, tsv or json)
Try 'validate --help' for more information.
tally: --input-format: unknown format 'xml' (csv, tsv or json; xlsx or xls to read a workbook)
Try 'tally --help' for more information.

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
