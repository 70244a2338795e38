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
ingest: u.csv:87383: invalid UTF-8 byte 0xE8 (give the encoding with -e, e.g. -e gb18030)
ingest: v.csv:87383: truncated UTF-8 sequence at end of input
