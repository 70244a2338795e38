# The county pack: the sample county, the demo, the catalogue and the
# weekly job. The figures are recomputed by a route independent of govstat
# (awk over the canonical streams) and compared.

### the demo runs from the raw ledgers, and its reports are the same bytes twice: by hand and as make demo runs it (SOURCE_DATE_EPOCH set), every page dated the sample year's end
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d1 > log1 2>&1; echo "status $?"; SOURCE_DATE_EPOCH=1795564800 sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d2 > log2 2>&1; for f in summary.txt summary.html five-up-two-down.html audit.html manifest.jsonl disputes.csv tables/township-ranking.csv; do cmp -s d1/$f d2/$f && echo "same $f"; done; sed 's|/d[12]:|/dN:|' log1 > p1; sed 's|/d[12]:|/dN:|' log2 > p2; cmp -s p1 p2 && echo "printed the same"; for f in d1/summary.txt d1/summary.html d1/five-up-two-down.html d1/audit.html log1; do echo "$f $(grep -c -e '^2020-12-31$' -e 'class="date">2020-12-31<' $f)"; done
>>>
status 0
same summary.txt
same summary.html
same five-up-two-down.html
same audit.html
same manifest.jsonl
same disputes.csv
same tables/township-ranking.csv
printed the same
d1/summary.txt 1
d1/summary.html 1
d1/five-up-two-down.html 1
d1/audit.html 1
log1 2

### every raw row ends valid or rejected: the counts add up per ledger
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; for t in disputes incidents petitions titles households survey; do raw=$(grep -c "ingest\",\"version.*raw-$t.csv" d/manifest.jsonl); rows=$(grep "raw-$t.csv" d/manifest.jsonl | grep -o '"role":"input","name":"setup/samples/raw-[a-z]*.csv","sha256":"[0-9a-f]*","bytes":[0-9]*,"rows":[0-9]*' | grep -o '[0-9]*$'); valid=$(($(wc -l < d/$t.csv) - 1)); r1=$(($(wc -l < d/rejects/$t-ingest.csv) - 1)); r2=$(($(wc -l < d/rejects/$t-validate.csv) - 1)); echo "$t $rows = $valid + $r1 + $r2 $([ $rows -eq $((valid + r1 + r2)) ] && echo ok)"; done
>>>
disputes 1502 = 1500 + 2 + 0 ok
incidents 2857 = 2856 + 1 + 0 ok
petitions 421 = 420 + 0 + 1 ok
titles 124 = 124 + 0 + 0 ok
households 124 = 124 + 0 + 0 ok
survey 1300 = 1300 + 0 + 0 ok

### the manifest's per-file counts add up to the run's: over two ledgers, each input's rows (data) and skipped (blank and footer rows) sum to the read of "counts"
$ S="$TOP/share/govstat"; { head -n -2 "$S/samples/raw-disputes-2019.csv"; printf ',,,,,,,,,,\n,,,,,,,,,,\n'; tail -n 2 "$S/samples/raw-disputes-2019.csv"; } > more-blank.csv; ingest --manifest m.jsonl -m "$S/maps/disputes.json" "$S/samples/raw-disputes.csv" more-blank.csv > /dev/null 2>&1; echo "status $?"; python3 -c 'import json; r = json.loads(open("m.jsonl").read()); ins = [f for f in r["files"] if f["role"] == "input"]; [print(f["name"].split("/")[-1], f["rows"], f.get("skipped")) for f in ins]; c = r["counts"]; s = sum(f["rows"] + f["skipped"] for f in ins); print("read", c["read"], "rows + skipped", s, "written + rejected + dropped", c["written"] + c["rejected"] + c["dropped"])'
>>>
status 1
raw-disputes.csv 1502 3
more-blank.csv 1502 5
read 3012 rows + skipped 3012 written + rejected + dropped 3012

### the dispute resolution ratio per township, recomputed with awk (to 12 decimals: the tables carry exact ratios)
$ col() { awk -F, -v want="$1" 'NR == 1 { n = split(want, w, ","); for (i = 1; i <= NF; i++) c[$i] = i } { s = ""; for (k = 1; k <= n; k++) s = s (k > 1 ? "," : "") $c[w[k]]; print s }' "$2"; }; sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { n[$c["township"]]++; if ($c["status"] == "resolved") r[$c["township"]]++ } END { for (t in n) printf "%s,%d,%.12f\n", t, n[t], r[t] / n[t] }' d/disputes.csv | sort > awk.csv; col township,disputes,dispute_resolution_ratio d/tables/township-indicators.csv | tail -n +2 | awk -F, '{ printf "%s,%d,%.12f\n", $1, $2, $3 }' | sort > govstat.csv; cmp awk.csv govstat.csv && echo "13 townships agree"; wc -l < awk.csv
>>>
13 townships agree
13

### the safe-family ratio and the security-sense rate, recomputed
$ col() { awk -F, -v want="$1" 'NR == 1 { n = split(want, w, ","); for (i = 1; i <= NF; i++) c[$i] = i } { s = ""; for (k = 1; k <= n; k++) s = s (k > 1 ? "," : "") $c[w[k]]; print s }' "$2"; }; sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; awk -F, 'NR > 1 { h[$1] += $4; s[$1] += $5 } END { for (t in h) printf "%s,%.12f\n", t, s[t] / h[t] }' d/households.csv | sort > a1; col township,safe_family_ratio d/tables/township-indicators.csv | tail -n +2 | awk -F, '{ printf "%s,%.12f\n", $1, $2 }' | sort > g1; cmp a1 g1 && echo "safe families agree"; awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["complete"] == 1 { n[$c["township"]]++; if ($c["security"] <= 2) p[$c["township"]]++ } END { for (t in n) printf "%s,%.12f\n", t, p[t] / n[t] }' d/survey.csv | sort > a2; col township,security_sense_rate d/tables/township-indicators.csv | tail -n +2 | awk -F, '{ printf "%s,%.12f\n", $1, $2 }' | sort > g2; cmp a2 g2 && echo "security sense agrees"
>>>
safe families agree
security sense agrees

### zero-incident villages: register villages with no criminal or major public-order case
$ col() { awk -F, -v want="$1" 'NR == 1 { n = split(want, w, ","); for (i = 1; i <= NF; i++) c[$i] = i } { s = ""; for (k = 1; k <= n; k++) s = s (k > 1 ? "," : "") $c[w[k]]; print s }' "$2"; }; sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["type"] == "criminal" || ($c["type"] == "public_order" && $c["severity"] == "major") { hit[$c["township"] "/" $c["village"]] = 1 } END { for (k in hit) print k }' d/incidents.csv | sort > hit; awk -F, 'NR > 1 && $3 == "village" { print $5 "/" $2 }' d/units.csv | sort > villages; echo "villages $(wc -l < villages), with a case $(comm -12 villages hit | wc -l), zero $(comm -23 villages hit | wc -l)"; col zero_incident_villages,zero_incident_village_rate d/tables/county.csv; awk -F, 'NR > 1 && $3 == "village" { print $5 }' d/units.csv | sort > vt; for t in $(sort -u vt); do echo "$t,$(comm -23 villages hit | grep -c "^$t/")"; done | sort > az; col township,zero_incident_villages d/tables/township-indicators.csv | tail -n +2 | sort > gz; cmp az gz && echo "per township agree"
>>>
villages 124, with a case 56, zero 68
zero_incident_villages,zero_incident_village_rate
68,0.54838709677419354839
per township agree

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
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; PATH="$TOP/bin:$PATH"; sh "$TOP/share/govstat/weekly.sh" d 2020-05-10 > /dev/null; echo "status $?"; sh "$TOP/share/govstat/weekly.sh" d 2020-05-20 > /dev/null; echo "status $?"; ls d/weekly/2020-W21 | tr '\n' ' '; echo; grep -c '"tool":"report".*"--compare"' d/weekly/2020-W21/manifest.jsonl
>>>
status 1
status 0
last-week.csv last-year.csv manifest.jsonl same-week-last-year.txt summary.html summary.txt this-week.csv vetoes.csv 
3
>>>2
govstat-weekly: 2020-W19: 1 negative-list veto event(s); see d/weekly/2020-W19/summary.txt

### make puts govstat-weekly in bin/, as make install puts it in PREFIX/bin: from there it finds the source tree's pack, catalogue, translations and the tools beside it, with no govstat tool on PATH (README's command after make demo)
$ cd "$TOP"; make -s bin/govstat-weekly bin/tally bin/report > /dev/null 2>&1; echo "make $?"; cd "$OLDPWD"; sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; env PATH=/usr/bin:/bin "$TOP/bin/govstat-weekly" d 2020-05-20 > /dev/null; echo "status $?"; ls d/weekly/2020-W21/summary.txt; env PATH=/usr/bin:/bin LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 "$TOP/bin/govstat-weekly" d 2020-05-10 > /dev/null; echo "status $?"
>>>
make 0
status 0
d/weekly/2020-W21/summary.txt
status 1
>>>2
govstat-weekly: 2020-W19: 1 起负面清单一票否决事件；见 d/weekly/2020-W19/summary.txt

### the weekly job refuses what it cannot use
$ PATH="$TOP/bin:$PATH"; sh "$TOP/share/govstat/weekly.sh"; echo "status $?"; mkdir e; sh "$TOP/share/govstat/weekly.sh" e; echo "status $?"
>>>
status 2
status 2
>>>2
usage: govstat-weekly DATA_DIR [AS_OF]
Try 'govstat-weekly --help' for more information.
govstat-weekly: e/disputes.csv: missing

### govstat-weekly: a DATA_DIR that is not a directory, an unknown option: its own messages (not the shell's cd), status 2, and the hint to --help for a usage error; in Chinese under zh_CN
$ S="$TOP/share/govstat/weekly.sh"; sh "$S" nosuchdir 2026-03-15; echo "status $?"; touch f; sh "$S" f 2026-03-15; echo "status $?"; sh "$S" --bogus; echo "status $?"; mkdir d; sh "$S" d -x; echo "status $?"; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 sh "$S" nosuchdir 2026-03-15; echo "status $?"; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 sh "$S" --bogus; echo "status $?"
>>>
status 2
status 2
status 2
status 2
status 2
status 2
>>>2
govstat-weekly: nosuchdir: no such directory
govstat-weekly: f: not a directory
govstat-weekly: unrecognized option '--bogus'
Try 'govstat-weekly --help' for more information.
govstat-weekly: unrecognized option '-x'
Try 'govstat-weekly --help' for more information.
govstat-weekly: nosuchdir: 没有这个目录
govstat-weekly: 未识别的选项“--bogus”
请用“govstat-weekly --help”查看更多信息。

### govstat-weekly: AS_OF is YYYY-MM-DD and a day of the calendar: 2026/03/15 and 2026-02-30 are usage errors, said before anything is read or written
$ S="$TOP/share/govstat/weekly.sh"; mkdir d; sh "$S" d 2026/03/15; echo "status $?"; sh "$S" d 2026-02-30; echo "status $?"; sh "$S" d 15.3.2026; echo "status $?"; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 sh "$S" d 2026-02-30; echo "status $?"; ls d
>>>
status 2
status 2
status 2
status 2
>>>2
govstat-weekly: AS_OF '2026/03/15' is not a date of the form YYYY-MM-DD
Try 'govstat-weekly --help' for more information.
govstat-weekly: AS_OF '2026-02-30': no such day
Try 'govstat-weekly --help' for more information.
govstat-weekly: AS_OF '15.3.2026' is not a date of the form YYYY-MM-DD
Try 'govstat-weekly --help' for more information.
govstat-weekly: AS_OF“2026-02-30”：没有这一天
请用“govstat-weekly --help”查看更多信息。

### the demo reads the titles ledger from its .xlsx workbook too, with the same rows as from the CSV
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d 2>&1 | grep -A1 '^== 1b'; cmp d/tables/titles-xlsx-ingested.csv d/tables/titles-ingested.csv && echo same; grep -c 'raw-titles.xlsx\[平安创建\]' d/manifest.jsonl
>>>
== 1b. the titles ledger again, as the Excel workbook a township sends
   titles     the same 124 rows as from the CSV export
same
1

### the township table is one keyed tally over every ledger, and the demo has no text glue
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; grep '"tool":"tally".*"--level","township"' d/manifest.jsonl | head -1 | grep -o '"role":"[a-z]*","name":"[^"]*"' | tr '\n' ' '; echo; grep -nE '(^|[|;&(]|\$\()[[:space:]]*(cut|paste|sed|grep|head|awk)[[:space:]]' "$TOP/share/govstat/demo.sh" "$TOP/share/govstat/weekly.sh"; echo "no glue"
>>>
"role":"universe","name":"./units.csv" "role":"input","name":"./disputes.csv" "role":"input","name":"./titles.csv" "role":"input","name":"./households.csv" "role":"input","name":"./survey.csv" "role":"input","name":"./petitions.csv" "role":"input","name":"./incidents.csv" "role":"output","name":"-" "role":"catalogue","name":"setup/catalogue.json" 
no glue

### a second county (other townships, codes, headers; township rows with an empty township): its assessment with the shipped catalogue, no text glue
$ B="$DATA/county-b"; S="$TOP/share/govstat"; cp "$S"/schemas/*.json "$B/units.csv" .; for r in disputes:纠纷登记 incidents:警情记录 petitions:信访登记; do ty=${r%%:*}; ingest -m "$B/maps/$ty.json" "$B/${r#*:}.csv" | validate -s $ty.json > $ty.csv || echo "$ty failed"; done; tally -I "$S/catalogue.json" --universe units.csv --level township --rollup --rollup-label 全县 -k disputes,dispute_resolution_ratio,valid_incidents,negative_hits,negative_veto,negative_deduction,zero_incident_villages,petitions --from disputes=disputes.csv --from incidents=incidents.csv --from petitions=petitions.csv > table.csv; cat table.csv; tally -I "$S/catalogue.json" --universe units.csv --level township -k disputes,dispute_resolution_ratio,negative_veto --from disputes=disputes.csv --from incidents=incidents.csv | rank -k dispute_resolution_ratio --veto 'negative_veto > 0' | report -f csv --columns rank,township,dispute_resolution_ratio,negative_veto
>>>
township,disputes,dispute_resolution_ratio,valid_incidents,negative_hits,negative_veto,negative_deduction,zero_incident_villages,petitions
三江镇,3,1.0000,1,0,0,0,2,1
白马乡,5,0.8000,1,1,1,10,1,0
梨花镇,4,0.7500,3,2,0,12,2,2
全县,12,0.83333333333333333333,5,3,1,22,5,3
rank,township,dispute_resolution_ratio,negative_veto
1,三江镇,1.0000,0
2,梨花镇,0.7500,0
3,白马乡,0.8000,1

### govstat-weekly on the second county: its register leaves the township column empty on township rows; the week of its homicide exits 1
$ B="$DATA/county-b"; S="$TOP/share/govstat"; mkdir data; cp "$S"/schemas/*.json "$B/units.csv" .; cp "$B/units.csv" data/; for r in disputes:纠纷登记 incidents:警情记录 petitions:信访登记; do ty=${r%%:*}; ingest -m "$B/maps/$ty.json" "$B/${r#*:}.csv" | validate -s $ty.json > data/$ty.csv; done; sh "$S/weekly.sh" data 2021-02-03 > /dev/null; echo "status $?"; cat data/weekly/2021-W05/this-week.csv; sh "$S/weekly.sh" data 2021-03-03 > /dev/null; echo "status $?"; cat data/weekly/2021-W09/this-week.csv
>>>
status 1
township,disputes,dispute_resolution_ratio,valid_incidents,street_incidents,negative_hits,negative_veto,petitions
三江镇,0,,0,0,0,0,0
白马乡,2,0.5000,1,0,1,1,0
梨花镇,1,1.0000,0,0,0,0,0
全县,3,0.66666666666666666667,1,0,1,1,0
status 0
township,disputes,dispute_resolution_ratio,valid_incidents,street_incidents,negative_hits,negative_veto,petitions
三江镇,1,1.0000,0,0,0,0,0
白马乡,1,1.0000,0,0,0,0,0
梨花镇,2,0.5000,1,1,0,0,1
全县,4,0.7500,1,1,0,0,1
>>>2
govstat-weekly: 2021-W05: 1 negative-list veto event(s); see data/weekly/2021-W05/summary.txt

### govstat-weekly's summary shows what its man page says: valid incidents (有效警情) and negative-list events (负面清单事件) beside the other figures, in summary.txt and summary.html
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; sh "$TOP/share/govstat/weekly.sh" d 2020-05-20 > printed; echo "status $?"; cmp -s printed d/weekly/2020-W21/summary.txt && echo "printed: summary.txt"; sed -n '4,/^---/p' printed | grep -o '乡镇\|有效\|负面\|否决' | sort -u | tr '\n' ' '; echo; grep -o '<th scope="col">[^< ]*</th>' d/weekly/2020-W21/summary.html | tr '\n' ' '; echo
>>>
status 0
printed: summary.txt
乡镇 否决 有效 负面 
<th scope="col">乡镇</th> <th scope="col">纠纷数</th> <th scope="col">化解率</th> <th scope="col">有效警情</th> <th scope="col">街面警情</th> <th scope="col">负面清单事件</th> <th scope="col">否决事件</th> <th scope="col">信访</th> <th scope="col">all_met</th> 

### govstat-weekly: every page it writes has its date line under the title, the same-week-last-year page too
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; sh "$TOP/share/govstat/weekly.sh" d 2020-05-20 > /dev/null; for f in summary.txt same-week-last-year.txt; do echo "$f: $(sed -n 2p d/weekly/2020-W21/$f)"; done; grep -o '<p class="date">[^<]*</p>' d/weekly/2020-W21/summary.html
>>>
summary.txt: 2020-05-20
same-week-last-year.txt: 2020-05-20
<p class="date">2020-05-20</p>

### govstat-weekly: a week the ledgers do not reach (they begin in 2020: the same week of 2019, the week before 2020-W01) is no comparison with 0: its table is the header alone, each change NA ('-'), and the page says so; a week they reach compares as before
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; sh "$TOP/share/govstat/weekly.sh" d 2020-05-20 > /dev/null; echo "status $?"; W=d/weekly/2020-W21; cat $W/last-year.csv; sed -n 3p $W/same-week-last-year.txt; grep '^全县' $W/same-week-last-year.txt | tr -s ' '; sed -n 3p $W/summary.txt; grep '^全县' $W/summary.txt | tr -s ' '; sh "$TOP/share/govstat/weekly.sh" d 2020-01-01 > /dev/null; W=d/weekly/2020-W01; sed -n 3p $W/summary.txt; grep '^全县' $W/summary.txt | tr -s ' '; grep -o '<p class="caption">[^<]*' $W/summary.html; report -f csv --compare $W/last-week.csv --key township --columns township,disputes,petitions $W/this-week.csv | grep '^全县' | cut -d, -f1-7; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 sh "$TOP/share/govstat/weekly.sh" d 2020-05-20 > /dev/null; sed -n 3p d/weekly/2020-W21/same-week-last-year.txt
>>>
status 0
township,disputes,dispute_resolution_ratio,valid_incidents,street_incidents,negative_hits,negative_veto,petitions
No data for the same week last year (no ledger row is dated in it): no comparison.
全县 24 - - 95.83% - - - 43 - - 14 - - - 0 - - 0 - - 9 - - - ✗

全县 24 34 -10 ↓ 95.83% 94.12% +1.72pp ↑ ✓ 43 55 -12 ↓ 14 20 -6 ↓ ✓ 0 0 0 → 0 0 0 → 9 6 +3 ↑ ✗ ✗
No data for the week before (no ledger row is dated in it): no comparison.
全县 21 - - 90.48% - - - 30 - - 8 - - - 0 - - 0 - - 3 - - - ✗
<p class="caption">No data for the week before (no ledger row is dated in it): no comparison.
全县,21,,,3,,
无上年同期数据（台账中没有该周的记录），不作同比。

### govstat-weekly: vetoes.csv lists the week's veto events (event id, township, event, date) as the ledger has them, one row an event (two units' rows of one event are one), the negative-list events that veto nothing left out; the same list as awk finds, and the count on stderr
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; printf '%s\n' 'JQX1,SJX1,2020-05-06,红岩镇,红岩村,criminal,cult,major,0,0,红岩镇派出所' 'JQX2,SJX1,2020-05-06,红岩镇,红岩村,criminal,cult,major,0,0,刑侦大队' 'JQX3,SJX2,2020-05-07,红岩镇,红岩村,criminal,drug,ordinary,0,0,红岩镇派出所' 'JQX4,SJX3,2020-05-11,红岩镇,红岩村,criminal,homicide,major,0,0,红岩镇派出所' >> d/incidents.csv; sh "$TOP/share/govstat/weekly.sh" d 2020-05-10 > /dev/null; echo "status $?"; cat d/weekly/2020-W19/vetoes.csv; awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["date"] >= "2020-05-04" && $c["date"] <= "2020-05-10" && $c["event"] ~ /^(homicide|mass_incident|major_accident|organised_crime|cult|major_criminal)$/ { print $c["event_id"] "," $c["township"] "," $c["event"] "," $c["date"] }' d/incidents.csv | sort -u > awk.csv; tail -n +2 d/weekly/2020-W19/vetoes.csv | sort | cmp - awk.csv && echo "awk agrees"
>>>
status 1
event_id,township,event,date
SJ02602,白沙乡,homicide,2020-05-10
SJX1,红岩镇,cult,2020-05-06
awk agrees
>>>2
govstat-weekly: 2020-W19: 2 negative-list veto event(s); see d/weekly/2020-W19/summary.txt

### govstat-weekly: the fields each file must have (govstat-weekly(1)) are checked first, and one message names the file and the missing field: a disputes ledger with received_at for date_found, an incidents ledger without severity and sensitive, status 2, nothing written; ledgers of those fields alone make the week
$ col() { awk -F, -v want="$1" 'NR == 1 { n = split(want, w, ","); for (i = 1; i <= NF; i++) c[$i] = i } { s = ""; for (k = 1; k <= n; k++) s = s (k > 1 ? "," : "") $c[w[k]]; print s }' "$2"; }; sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; mkdir m; col township,date_found,status d/disputes.csv > m/disputes.csv; col event_id,date,township,type,event,severity,street,sensitive d/incidents.csv > m/incidents.csv; col township,date d/petitions.csv > m/petitions.csv; col code,name,level,parent d/units.csv > m/units.csv; sh "$TOP/share/govstat/weekly.sh" m 2020-05-10 > /dev/null; echo "status $?"; cmp m/weekly/2020-W19/this-week.csv d/weekly/2020-W19/this-week.csv 2> /dev/null; rm -r m/weekly; cp m/disputes.csv full.csv; { echo township,received_at,status; tail -n +2 full.csv; } > m/disputes.csv; sh "$TOP/share/govstat/weekly.sh" m 2020-05-10; echo "status $?"; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 sh "$TOP/share/govstat/weekly.sh" m 2020-05-10; echo "status $?"; cp full.csv m/disputes.csv; col event_id,date,township,type,event,street d/incidents.csv > m/incidents.csv; sh "$TOP/share/govstat/weekly.sh" m 2020-05-10; echo "status $?"; ls m
>>>
status 1
status 2
status 2
status 2
disputes.csv
incidents.csv
petitions.csv
units.csv
>>>2
govstat-weekly: 2020-W19: 1 negative-list veto event(s); see m/weekly/2020-W19/summary.txt
govstat-weekly: m/disputes.csv: missing field(s) date_found: the weekly summary reads township, date_found, status (see govstat-weekly(1))
govstat-weekly: m/disputes.csv: 缺少字段 date_found：周报读取 township, date_found, status（见 govstat-weekly(1)）
govstat-weekly: m/incidents.csv: missing field(s) severity, sensitive: the weekly summary reads event_id, date, township, type, event, severity, street, sensitive (see govstat-weekly(1))

### govstat-weekly --help says how to use it and what its exit statuses mean
$ sh "$TOP/share/govstat/weekly.sh" --help | head -2; sh "$TOP/share/govstat/weekly.sh" --help | grep -c '^Exit status'
>>>
usage: govstat-weekly DATA_DIR [AS_OF]
The week's summary of a county's validated ledgers, compared with the week
1

### govstat-weekly --version says the tools' version as they do; a --help, --version or summary that cannot be written is said so and exits 3, never the veto's 1
$ S="$TOP/share/govstat/weekly.sh"; sh "$S" --version; v=$(sh "$S" --version); t=$(tally --version); [ "${v#govstat-weekly }" = "${t#tally }" ] && echo "the tools' version"; sh "$S" --help > /dev/full; echo "status $?"; sh "$S" --version > /dev/full; echo "status $?"; sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; PATH="$TOP/bin:$PATH"; sh "$S" d 2020-05-20 > /dev/full; echo "status $?"; ls d/weekly/2020-W21/summary.txt
>>>
govstat-weekly (govstat) 0.1.0
the tools' version
status 3
status 3
status 3
d/weekly/2020-W21/summary.txt
>>>2
govstat-weekly: write error
govstat-weekly: write error
govstat-weekly: write error

### the scripts' printf formats from gettext are c-format in the template and the catalogue, so msgfmt -c checks their translations
$ cd "$TOP"; make -s build/po/govstat.pot; for f in build/po/govstat.pot po/zh_CN.po; do awk 'BEGIN { RS = "" } /#: [^\n]*share\/govstat\// && match($0, /\nmsgid "[^\n]*%[-0-9]*[sd][^\n]*"/) { print (/#,[^\n]*c-format/ ? "c-format " : "not c-format ") substr($0, RSTART + 7, RLENGTH - 7) }' "$f"; done; sed 's/validate %d 行/validate 行/' po/zh_CN.po > "$OLDPWD/bad.po"; msgfmt -c -o /dev/null "$OLDPWD/bad.po" 2>&1 | sed 's/^.*bad.po:[0-9]*: //'
>>>
c-format "   %-10s %5d valid rows; rejected: %d by ingest, %d by validate"
c-format "   %-10s the same %d rows as from the CSV export"
c-format "Try '%s --help' for more information."
c-format "demo: step failed (status %s)"
c-format "   %-10s %5d valid rows; rejected: %d by ingest, %d by validate"
c-format "   %-10s the same %d rows as from the CSV export"
c-format "Try '%s --help' for more information."
c-format "demo: step failed (status %s)"
number of format specifications in 'msgid' and 'msgstr' does not match
msgfmt: found 1 fatal error

### installed, govstat-weekly and the demo find the pack's i18n.sh and speak Chinese under zh_CN
$ cd "$TOP"; make -s install DESTDIR="$OLDPWD/root" PREFIX=/usr > /dev/null 2>&1; echo "status $?"; cd "$OLDPWD"; ls root/usr/share/govstat/i18n.sh; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 sh root/usr/share/govstat/demo.sh root/usr/bin d > log 2>&1; echo "status $?"; head -2 log; PATH="$PWD/root/usr/bin:$PATH" LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 root/usr/bin/govstat-weekly d 2020-05-10 > /dev/null; echo "status $?"
>>>
status 0
root/usr/share/govstat/i18n.sh
status 0
== 1. 导入并校验原始台账（GB18030 编码、标题行、两行表头）
   disputes    1500 行合格；拒收：ingest 2 行，validate 0 行
status 1
>>>2
govstat-weekly: 2020-W19: 1 起负面清单一票否决事件；见 d/weekly/2020-W19/summary.txt

### govstat-weekly: a veto week whose summary cannot be written exits 3 and still tells the veto on stderr
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; PATH="$TOP/bin:$PATH"; sh "$TOP/share/govstat/weekly.sh" d 2020-05-10 > /dev/full; echo "status $?"; ls d/weekly/2020-W19/summary.txt
>>>
status 3
d/weekly/2020-W19/summary.txt
>>>2
govstat-weekly: write error
govstat-weekly: 2020-W19: 1 negative-list veto event(s); see d/weekly/2020-W19/summary.txt

### the issue's example on the demo's output: one keyed table, the same figures as the demo's township table
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; cd d; tally -I "$TOP/share/govstat/catalogue.json" -k disputes,dispute_resolution_ratio,safe_family_ratio,zero_incident_villages,petitions --universe units.csv --level township --from disputes=disputes.csv --from households=households.csv --from incidents=incidents.csv --from petitions=petitions.csv > ../issue.csv; echo "status $?"; cd ..; tally -a 'n=count()' -a 'd=sum(disputes)' -a 'z=sum(zero_incident_villages)' -a 'p=sum(petitions)' issue.csv
>>>
status 0
n,d,z,p
13,1500,68,420

### five up, two down from two years of ledgers and the score table: the ledger figures recounted with awk, every township and the county, all_met
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; for y in 2019 2020; do f=d/disputes.csv; g=d/incidents.csv; h=d/petitions.csv; [ $y = 2019 ] && f=d/2019/disputes.csv g=d/2019/incidents.csv h=d/2019/petitions.csv; { awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { n[$c["township"]]++; if ($c["status"] == "resolved") r[$c["township"]]++ } END { for (t in n) printf "%s,d,%.12f\n", t, r[t] / n[t] }' $f; awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["street"] == 1 && $c["type"] != "invalid" && !seen[$c["event_id"]]++ { s[$c["township"]]++ } END { for (t in s) printf "%s,s,%d\n", t, s[t] }' $g; awk -F, 'NR > 1 { p[$3]++ } END { for (t in p) printf "%s,p,%d\n", t, p[t] }' $h; } | sort > a$y; awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $1 != "全县" { printf "%s,d,%.12f\n%s,s,%s\n%s,p,%s\n", $1, $c["dispute_resolution_ratio"], $1, $c["street_incidents"], $1, $c["petitions"] }' d/tables/year-$y.csv | sort > g$y; cmp a$y g$y && echo "$y: 13 townships agree"; done; awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { print $1, $c["dispute_resolution_ratio_met"], $c["street_incidents_met"], $c["petitions_met"], $c["emergency_response_met"], $c["all_met"] }' d/tables/five-up-two-down.csv | tail -4
>>>
2019: 13 townships agree
2020: 13 townships agree
云台镇 1 1 1 1 1
柳溪乡 1 0 1 1 0
红岩镇 0 1 0 1 0
全县 1 1 1 1 1
