# The progress line on stderr (govstat(7), PROGRESS): drawn in place and
# erased at the end; only on a terminal (script(1) gives the tool one) and
# past 2 seconds, unless --progress or GOVSTAT_PROGRESS forces it; never
# on standard output. The numbers change from run to run: the cases check
# the line's shape.

### --progress with stderr to a file: lines that start with CR, say bytes, rows and the share, end in an erase; the last erases the line; stdout as without it
$ awk -v rows=3000 -f "$TOP/tests/genledger.awk" > l.csv; tally -g township -a 'n=count()' l.csv > plain.csv; tally --progress -g township -a 'n=count()' l.csv > out.csv 2> err; cmp plain.csv out.csv && echo same output; head -c 8 err | od -An -c; tr '\r' '\n' < err | sed 1d | sed '$d' | grep -Ecv '^tally: [0-9]+\.[0-9] MB, [0-9]+ rows(, [0-9]+\.[0-9] MB/s)?, [0-9]+%(, [0-9]+ (min [0-9]+ )?s left)?'"$(printf '\033')"'\[K$'; tail -c 4 err | od -An -c
>>>
same output
  \r   t   a   l   l   y   :    
0
  \r 033   [   K

### every tool draws it
$ awk -v rows=1000 -f "$TOP/tests/genledger.awk" > l.csv; cp "$TOP/tests/data/bench-ledger.schema.json" s.json; awk -f "$TOP/tests/genunits.awk" > units.csv; for t in "ingest l.csv" "validate -s s.json l.csv" "rank -k people l.csv" "tally -g township -a n=count() l.csv"; do $t --progress > /dev/null 2> err; echo "$(head -c 12 err | tr '\r' '|' | cut -d: -f1) $(tail -c 3 err | tr '\033' E)"; done; tally -g township -a 'n=count()' l.csv | report --progress -f html > /dev/null 2> err; wc -c < err
>>>
|ingest E[K
|validate E[K
|rank E[K
|tally E[K
0

### a message while the line is shown stands on a line of its own: the line is erased first (and at the end, before the summary)
$ awk -v rows=2000 -f "$TOP/tests/genledger.awk" > l.csv; printf '2001,2020-01-01,石桥乡,石桥乡1村,x,组,化解,many,\n' >> l.csv; tally --progress -g township -a 's=sum(people)' l.csv > /dev/null 2> err; echo "status $?"; tr '\r' '\n' < err | grep -v '^tally: [0-9.]* MB' | grep -v '^$' | cat -v
>>>
status 1
^[[Ktally: l.csv:2002: field 'people': 'many' is not a number
tally: 2001 rows read, 2000 tallied, 1 rejected

### not a terminal and no option: nothing, even past 2 seconds; --no-progress and GOVSTAT_PROGRESS=0 win over a terminal
$ awk -v rows=3000 -f "$TOP/tests/genledger.awk" > l.csv; slow() { head -1000 l.csv; sleep 2.3; tail -n +1001 l.csv; }; slow | tally -g township -a 'n=count()' > /dev/null 2> err; wc -c < err; script -qc "sh -c 'head -1000 l.csv; sleep 2.3; tail -n +1001 l.csv' | tally --no-progress -g township -a 'n=count()' > /dev/null" /dev/null | wc -c; GOVSTAT_PROGRESS=0 script -qc "sh -c 'head -1000 l.csv; sleep 2.3; tail -n +1001 l.csv' | tally -g township -a 'n=count()' > /dev/null" /dev/null | wc -c
>>>
0
0
0

### on a terminal: nothing on a short run; past 2 seconds the line (a pipe: no share, no time left), erased at the end
$ awk -v rows=3000 -f "$TOP/tests/genledger.awk" > l.csv; script -qc "tally -g township -a 'n=count()' l.csv > /dev/null" /dev/null | wc -c; script -qc "sh -c 'head -1000 l.csv; sleep 2.3; tail -n +1001 l.csv' | tally -g township -a 'n=count()' > /dev/null" /dev/null > tty.out; tr '\r' '\n' < tty.out | sed 1d | sed '$d' | sed -E 's/[0-9]+(\.[0-9])?/N/g' | sort -u | cat -v; tail -c 4 tty.out | od -An -c
>>>
0
tally: N MB, N rows, N MB/s^[[K
  \r 033   [   K

### GOVSTAT_PROGRESS=1 forces it like --progress; --no-progress wins over both
$ awk -v rows=1000 -f "$TOP/tests/genledger.awk" > l.csv; GOVSTAT_PROGRESS=1 tally -g township -a 'n=count()' l.csv 2>&1 > /dev/null | head -c 6 | od -An -c; GOVSTAT_PROGRESS=on tally --progress --no-progress -g township -a 'n=count()' l.csv 2>&1 > /dev/null | wc -c
>>>
  \r   t   a   l   l   y
0
