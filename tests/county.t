# The county pack: the sample county, the demo, the catalogue and the
# weekly job. The figures are recomputed by a route independent of govstat
# (awk over the canonical streams) and compared.

### the demo runs from the raw ledgers, and its reports are the same bytes twice
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d1 > log1 2>&1; echo "status $?"; sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d2 > /dev/null 2>&1; for f in summary.txt summary.html five-up-two-down.html audit.html manifest.jsonl disputes.csv tables/township-ranking.csv; do cmp -s d1/$f d2/$f && echo "same $f"; done
>>>
status 0
same summary.txt
same summary.html
same five-up-two-down.html
same audit.html
same manifest.jsonl
same disputes.csv
same tables/township-ranking.csv

### every raw row ends valid or rejected: the counts add up per ledger
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; for t in disputes incidents petitions titles households survey; do raw=$(grep -c "ingest\",\"version.*raw-$t.csv" d/manifest.jsonl); rows=$(grep "raw-$t.csv" d/manifest.jsonl | grep -o '"role":"input","name":"setup/samples/raw-[a-z]*.csv","sha256":"[0-9a-f]*","bytes":[0-9]*,"rows":[0-9]*' | grep -o '[0-9]*$'); valid=$(($(wc -l < d/$t.csv) - 1)); r1=$(($(wc -l < d/rejects/$t-ingest.csv) - 1)); r2=$(($(wc -l < d/rejects/$t-validate.csv) - 1)); echo "$t $rows = $valid + $r1 + $r2 $([ $rows -eq $((valid + r1 + r2)) ] && echo ok)"; done
>>>
disputes 1502 = 1500 + 2 + 0 ok
incidents 2857 = 2856 + 1 + 0 ok
petitions 421 = 420 + 0 + 1 ok
titles 124 = 124 + 0 + 0 ok
households 124 = 124 + 0 + 0 ok
survey 1300 = 1300 + 0 + 0 ok

### the dispute resolution ratio per township, recomputed with awk (to 12 decimals: the tables carry exact ratios)
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { n[$c["township"]]++; if ($c["status"] == "resolved") r[$c["township"]]++ } END { for (t in n) printf "%s,%d,%.12f\n", t, n[t], r[t] / n[t] }' d/disputes.csv | sort > awk.csv; cut -d, -f1-3 d/tables/i1.csv | tail -n +2 | awk -F, '{ printf "%s,%d,%.12f\n", $1, $2, $3 }' | sort > govstat.csv; cmp awk.csv govstat.csv && echo "13 townships agree"; wc -l < awk.csv
>>>
13 townships agree
13

### the safe-family ratio and the security-sense rate, recomputed
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; awk -F, 'NR > 1 { h[$1] += $4; s[$1] += $5 } END { for (t in h) printf "%s,%.12f\n", t, s[t] / h[t] }' d/households.csv | sort > a1; tail -n +2 d/tables/i3.csv | awk -F, '{ printf "%s,%.12f\n", $1, $2 }' | sort > g1; cmp a1 g1 && echo "safe families agree"; awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["complete"] == 1 { n[$c["township"]]++; if ($c["security"] <= 2) p[$c["township"]]++ } END { for (t in n) printf "%s,%.12f\n", t, p[t] / n[t] }' d/survey.csv | sort > a2; cut -d, -f1,2 d/tables/i4.csv | tail -n +2 | awk -F, '{ printf "%s,%.12f\n", $1, $2 }' | sort > g2; cmp a2 g2 && echo "security sense agrees"
>>>
safe families agree
security sense agrees

### zero-incident villages: register villages with no criminal or major public-order case
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["type"] == "criminal" || ($c["type"] == "public_order" && $c["severity"] == "major") { hit[$c["township"] "/" $c["village"]] = 1 } END { for (k in hit) print k }' d/incidents.csv | sort > hit; awk -F, 'NR > 1 && $3 == "village" { print $5 "/" $2 }' d/units.csv | sort > villages; echo "villages $(wc -l < villages), with a case $(comm -12 villages hit | wc -l), zero $(comm -23 villages hit | wc -l)"; cat d/tables/county-zero.csv
>>>
villages 124, with a case 56, zero 68
zero_incident_villages,zero_incident_village_rate
68,0.54838709677419354839

### the negative list: vetoed townships found by awk are the ones ranked last
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["event"] ~ /^(homicide|mass_incident|major_accident|organised_crime|cult|major_criminal)$/ { print $c["township"] }' d/incidents.csv | sort -u; echo --; awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["vetoed"] == 1 { print $c["rank"], $c["township"] }' d/tables/township-ranking.csv
>>>
白沙乡
石桥乡
金竹镇
--
11 白沙乡
12 金竹镇
13 石桥乡

### the catalogue: every DOMAIN indicator is there, 18 negative-list items (6 provincial or city, 12 county)
$ c="$TOP/share/govstat/catalogue.json"; for id in dispute_resolution_ratio mediation_success_ratio mediation_success_ratio_found at_source_share safe_village_creation_rate safe_village_consolidation_rate safe_family_ratio zero_incident_villages security_sense_rate satisfaction_rate street_incidents petitions negative_hits negative_veto; do grep -q "\"id\": \"$id\"" "$c" || echo "missing $id"; done; grep -c '"negative": {' "$c"; grep -c '"source": "county"' "$c"; grep -c '"veto": true' "$c"
>>>
18
12
6

### every catalogue indicator is documented in govstat-indicators(7)
$ grep -o '"id": "[a-z0-9_]*"' "$TOP/share/govstat/catalogue.json" | cut -d'"' -f4 | while read -r id; do grep -q "^\.B $(echo "$id" | sed 's/-/\\\\-/g')$" "$TOP/man/govstat-indicators.7" || echo "undocumented $id"; done; echo checked
>>>
checked

### every catalogue indicator computes on its record type
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; c="$TOP/share/govstat/catalogue.json"; for r in disputes incidents petitions titles households survey; do ids=$(awk -F'"' -v r=$r '$2 == "id" { id = $4 } $2 == "record" && $4 == r { print id }' "$c" | paste -sd,); tally -I "$c" -k "$ids" d/$r.csv > /dev/null && echo "$r ok"; done
>>>
disputes ok
incidents ok
petitions ok
titles ok
households ok
survey ok

### the weekly job: a week with a veto exits 1 and says so; a quiet week exits 0
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; PATH="$TOP/bin:$PATH"; sh "$TOP/share/govstat/weekly.sh" d 2020-05-10 > /dev/null; echo "status $?"; sh "$TOP/share/govstat/weekly.sh" d 2020-05-20 > /dev/null; echo "status $?"; ls d/weekly/2020-W21 | tr '\n' ' '; echo; grep -c '"tool":"report"' d/weekly/2020-W21/manifest.jsonl
>>>
status 1
status 0
last-week.csv last-year.csv manifest.jsonl same-week-last-year.txt summary.html summary.txt this-week.csv townships.csv 
3
>>>2
govstat-weekly: 2020-W19: 1 negative-list veto event(s); see d/weekly/2020-W19/summary.txt

### the weekly job refuses what it cannot use
$ PATH="$TOP/bin:$PATH"; sh "$TOP/share/govstat/weekly.sh"; echo "status $?"; mkdir e; sh "$TOP/share/govstat/weekly.sh" e; echo "status $?"
>>>
status 2
status 2
>>>2
usage: govstat-weekly DATA_DIR [AS_OF]
govstat-weekly: e/disputes.csv: missing

### the demo reads the titles ledger from its .xlsx workbook too, with the same rows as from the CSV
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d 2>&1 | grep -A1 '^== 1b'; cmp d/tables/titles-xlsx-ingested.csv d/tables/titles-ingested.csv && echo same; grep -c 'raw-titles.xlsx\[平安创建\]' d/manifest.jsonl
>>>
== 1b. the titles ledger again, as the Excel workbook a township sends
   titles     the same 124 rows as from the CSV export
same
1
