# Hostile and large input: each a correct result or a clear error, never a
# crash, a hang or a silent loss. These cases are heavy; the valgrind run
# (make check VALGRIND=1) leaves them to the native run.

### a 64 MB single field passes whole through ingest, validate and tally
$ { printf 'a,b\n1,"'; head -c 67108864 /dev/zero | tr '\0' 'x'; printf '"\n'; } > big.csv; ingest big.csv | wc -c; printf '{"fields": [{"name": "a", "type": "integer"}, {"name": "b"}]}' > s.json; validate -s s.json big.csv | tally -a 'n=count()' -a 'd=distinct(b)'
>>>
67108871
n,d
1,1

### a million columns in a header, and a row of them
$ awk 'BEGIN { for (r = 0; r < 2; r++) for (i = 1; i <= 1000000; i++) printf "%s%d%s", r ? "" : "c", i, i < 1000000 ? "," : "\n" }' > wide.csv; ingest wide.csv | cmp - wide.csv && echo same; tally -a 'n=count()' -a 's=sum(c1000000)' wide.csv; ingest -o json wide.csv | wc -c
>>>
same
n,s
1,1000000
18777794

### validate with its schema is linear in the columns: 200000 of them, the schema's fields matched by exact and by equal, in seconds of CPU (it was quadratic: 58 s at 100000)
$ awk 'BEGIN { for (r = 0; r < 2; r++) for (i = 1; i <= 200000; i++) printf "%s%d%s", r ? "" : "c", i, i < 200000 ? "," : "\n" }' > wide.csv; validate --infer wide.csv > s.json; sed 's/"missingValues"/"fieldsMatch": "equal", "missingValues"/' s.json > e.json; for f in s e; do /usr/bin/time -f '%U' -o t validate -s $f.json wide.csv | cmp - wide.csv && echo same; awk '{ print ($1 < 5) ? "under 5 s of CPU" : $1 " s" }' t; done
>>>
same
under 5 s of CPU
same
under 5 s of CPU

### ten million rows stream through ingest | validate | tally in bounded memory (each under 20 MB)
$ cp "$TOP/tests/data/bench-ledger.schema.json" s.json; awk -f "$TOP/tests/genunits.awk" > units.csv; awk -v rows=10000000 -f "$TOP/tests/genledger.awk" | /usr/bin/time -f '%M' -o m1 ingest | /usr/bin/time -f '%M' -o m2 validate -s s.json | /usr/bin/time -f '%M' -o m3 tally -g township -a 'n=count()' | tally -a 'rows=sum(n)'; for m in m1 m2 m3; do [ "$(cat $m)" -lt 20480 ] && echo "$m under 20 MB" || echo "$m $(cat $m) KB"; done
>>>
rows
10000000
m1 under 20 MB
m2 under 20 MB
m3 under 20 MB

### a million-row .xlsx streams through ingest in bounded memory (under 20 MB)
$ python3 "$DATA/workbooks/make.py" rows 1000000 big.xlsx; /usr/bin/time -f '%M' -o m ingest big.xlsx | awk -F, 'NR > 1 { n[$3]++ } END { for (k in n) print k, n[k] }' | sort; [ "$(cat m)" -lt 20480 ] && echo "under 20 MB" || echo "$(cat m) KB"
>>>
已移交 333334
已调解 333333
调解中 333333
under 20 MB

### report -f csv of a 100,000-column row is linear in the columns (5 s of CPU at most; it was 53 s)
$ awk 'BEGIN { for (r = 0; r < 2; r++) for (i = 1; i <= 100000; i++) printf "%s%d%s", r ? "" : "c", i, i < 100000 ? "," : "\n" }' > wide.csv; (ulimit -t 5; report -f csv wide.csv > out.csv); echo "status $?"; head -1 out.csv | cut -d, -f99999-; sed -n 2p out.csv | cut -d, -f100000
>>>
status 0
c99999,c100000
100000
