# A second county, 溪山县, in templates of its own (tests/data/county2/,
# made by make.py there): a police export with 接警时间 time stamps in two
# yearly templates, a county compilation with 小计/合计 rows, GBK exports
# whose title starts with bytes that are also valid UTF-8, a workbook with
# date-time cells, Latin-1 and mixed-encoding files.

### police calls of two templates are one stream: time stamps read, impossible times rejected, subtotals dropped and counted
$ ingest -m "$DATA/county2/police.json" --lineage -r rej.csv "$DATA/county2/police-2020.csv" "$DATA/county2/police-2021.csv" | sed "s|$DATA/county2/||"; echo; sed "s|$DATA/county2/||" rej.csv
>>>
incident_id,reported_at,township,village,category,outcome,_file,_line
JJ2003001,2020-03-05T14:30:00,龙泉镇,上湾村,public_order,handled,police-2020.csv,3
JJ2003002,2020-03-05T21:20:00,龙泉镇,下湾村,assistance,handled,police-2020.csv,4
JJ2003003,2020-03-06T08:05:30,白沙乡,沙坪村,traffic,transferred,police-2020.csv,5
JJ2003004,2020-03-07T09:15:00,白沙乡,竹林村,criminal,handled,police-2020.csv,6
JJ2003005,2020-03-08T14:30:00,青石镇,石门村,public_order,handled,police-2020.csv,7
JJ2003006,2020-03-08T14:45:00,青石镇,石门村,assistance,handled,police-2020.csv,8
JJ2003007,2020-03-09T10:20:00,望江街道,江滨社区,public_order,handled,police-2020.csv,9
JJ2003008,2020-03-09T16:30:00,望江街道,江滨社区,traffic,handled,police-2020.csv,10
JJ2003011,2020-03-11T00:00:00,白沙乡,沙坪村,assistance,handled,police-2020.csv,13
JQ2101001,2021-01-04T07:45:00,龙泉镇,下湾村,public_order,handled,police-2021.csv,3
JQ2101002,2021-01-04T23:59:59,白沙乡,竹林村,traffic,handled,police-2021.csv,4
JQ2101003,2021-01-05T09:05:00,望江街道,江滨社区,assistance,handled,police-2021.csv,6

incident_id,reported_at,township,village,category,outcome,_file,_line,_error,_raw
JJ2003009,2020-03-10 25:10,龙泉镇,上湾村,public_order,handled,police-2020.csv,11,field 'reported_at': '2020-03-10 25:10': no such time of day,
JJ2003010,2020-03-10 14:61,龙泉镇,上湾村,public_order,handled,police-2020.csv,12,field 'reported_at': '2020-03-10 14:61': no such time of day,
>>>2
ingest: 19 rows read, 12 written, 2 rejected, 5 dropped

### the 2021 template first: its column order is the stream's, the 2020 file's columns follow it
$ ingest -m "$DATA/county2/police.json" -r /dev/null "$DATA/county2/police-2021.csv" "$DATA/county2/police-2020.csv" | sed -n '1,2p;5p'
>>>
incident_id,township,village,reported_at,category,outcome
JQ2101001,龙泉镇,下湾村,2021-01-04T07:45:00,public_order,handled
JJ2003001,龙泉镇,上湾村,2020-03-05T14:30:00,public_order,handled
>>>2
ingest: 19 rows read, 12 written, 2 rejected, 5 dropped

### a file with both templates' township column, and one with neither, are left out naming the headers; a drop name no file has is a warning
$ cd "$DATA/county2"; ingest -m police.json police-both.csv police-none.csv police-2021.csv; echo "status $?"
>>>
incident_id,township,village,reported_at,category,outcome
JQ2101001,龙泉镇,下湾村,2021-01-04T07:45:00,public_order,handled
JQ2101002,白沙乡,竹林村,2021-01-04T23:59:59,traffic,handled
JQ2101003,望江街道,江滨社区,2021-01-05T09:05:00,assistance,handled
status 3
>>>2
ingest: police-both.csv:2: columns '乡镇' (column 2) and '所属乡镇' (column 3) are both renamed to 'township' by the map police.json: a file may have only one of them
ingest: police-none.csv:2: no column '所属乡镇' or '乡镇', one of which the map police.json renames to 'township'
ingest: police.json: warning: drop: no file has a column '序号'
ingest: 5 rows read, 3 written, 0 rejected, 2 dropped

### the compiled dispute table: 小计 and 合计 rows dropped, counted, and in the manifest; a "dates" field may drop a time when the map says so
$ ingest --manifest m.jsonl -m "$DATA/county2/disputes.json" "$DATA/county2/disputes-compiled.csv"; grep -o '"status":[0-9]*,"counts":{[^}]*}' m.jsonl
>>>
township,village,received_at,date_found,category,people
龙泉镇,上湾村,2020-04-01T09:00:00,2020-04-01,邻里,2
龙泉镇,下湾村,2020-04-02T16:20:00,2020-04-02,土地,3
白沙乡,竹林村,2020-04-03T10:00:00,2020-04-03,婚姻家庭,2
"status":0,"counts":{"read":6,"written":3,"rejected":0,"dropped":3}
>>>2
ingest: 6 rows read, 3 written, 0 rejected, 3 dropped

### a "dates" field that meets a time of day still refuses it, saying how to read it
$ printf '{"skip": 1, "fields": {"镇街": "township", "村居": "village", "受理时间": "received_at", "登记日期": "date_found", "纠纷种类": "category", "当事人数": "people"}, "dates": ["date_found"], "drop_rows": {"village": ["小计"], "township": ["合计"]}}' > m.json; ingest -m m.json "$DATA/county2/disputes-compiled.csv" 2>&1 >/dev/null | sed "s|$DATA/county2/||"
>>>
ingest: disputes-compiled.csv:4: field 'date_found': '2020-04-02 16:20': has a time of day (a "dates" field keeps dates only: list it under "datetimes", or give it {"time": "drop"})
ingest: 6 rows read, 2 written, 1 rejected, 3 dropped

### a workbook's date-time cells in a datetimes field; a date-time at midnight is T00:00:00
$ ingest -m "$DATA/county2/petitions.json" "$DATA/county2/petitions.xlsx"
>>>
township,village,received_at,matter
龙泉镇,上湾村,2020-05-11T09:30:00,土地
青石镇,石门村,2020-05-12T15:45:10,劳资
望江街道,江滨社区,2020-05-13T00:00:00,物业

### the map's datetimes options: excel serials, and unknown options refused
$ printf '{"datetimes": {"t": {"excel": 1904}}}' > a.json; printf 't\n42433.75\n42433\n' | ingest -m a.json; printf '{"datetimes": {"t": {"time": "drop"}}}' > b.json; ingest -m b.json < /dev/null; echo "status $?"
>>>
t
2020-03-05T18:00:00
2020-03-05T00:00:00
status 2
>>>2
ingest: b.json: datetimes: unknown option 'time'

### a GB18030 ledger whose title starts with bytes that are valid UTF-8 (溪山县 is CF AA C9 BD) is detected as GB18030
$ od -An -tx1 -N4 "$DATA/county2/police-2021.csv"; ingest --skip 1 "$DATA/county2/police-2021.csv" | head -2
>>>
 cf aa c9 bd
警情编号,乡镇,村(居),报警时间,警情类型,处理结果
JQ2101001,龙泉镇,下湾村,2021-01-04 07:45,治安,已处置

### Latin-1 is not taken for GB18030: the error names the line and the encoding options
$ cd "$DATA/county2"; ingest latin1.csv; echo "status $?"; ingest -e latin1 latin1.csv
>>>
name,n
status 3
name,n
Müller,1
José,2
>>>2
ingest: latin1.csv:2: invalid UTF-8 byte 0xFC, and the text does not read as Chinese in GB18030 either (ingest -e NAME reads it in its encoding: -e gb18030, -e latin1, -e cp1252 ...)

### Latin-1 on standard input, after the first 64 KiB of ASCII too
$ printf 'name,n\nM\374ller,1\n' | ingest; echo "status $?"; awk 'BEGIN { print "name,n"; for (i = 0; i < 7000; i++) printf "%08d,1\n", i; printf "M\374ller,1\n" }' | ingest 2>&1 >/dev/null
>>>
name,n
status 3
ingest: -:7002: invalid UTF-8 byte 0xFC, and the text does not read as Chinese in GB18030 either (ingest -e NAME reads it in its encoding: -e gb18030, -e latin1, -e cp1252 ...)
>>>2
ingest: -:2: invalid UTF-8 byte 0xFC, and the text does not read as Chinese in GB18030 either (ingest -e NAME reads it in its encoding: -e gb18030, -e latin1, -e cp1252 ...)
>>>= 3

### a file that mixes GB18030 and UTF-8 still stops, naming the line
$ cd "$DATA/county2"; ingest mixed.csv; echo "status $?"
>>>
镇街,件数
龙泉镇,1
status 3
>>>2
ingest: mixed.csv:3: bytes not valid in GB18030 (ingest -e NAME reads it in its encoding)

### tally by week and by date comparison on a date-time field: its date decides
$ tally -p week -d received_at -g township -a 'n=count()' "$DATA/county2/disputes-week.csv"; tally -w 'received_at >= "2020-04-06" && received_at <= "2020-04-12"' -a 'n=count()' -a 'p=sum(people)' "$DATA/county2/disputes-week.csv"; tally -w 'received_at == "2020-04-12"' -a 'n=count()' "$DATA/county2/disputes-week.csv"; tally -w 'received_at < "2020-04-12T12:00:00"' -a 'n=count()' "$DATA/county2/disputes-week.csv"
>>>
period,township,n
2020-W15,白沙乡,1
2020-W15,龙泉镇,2
2020-W16,白沙乡,1
n,p
3,7
n
2
n
2

### govstat-weekly gives the same figures when the ledgers' date columns are date-times
$ sh "$TOP/share/govstat/demo.sh" "$TOP/bin" d > /dev/null 2>&1; mkdir t; cp d/units.csv t/; awk -F, -v OFS=, 'NR > 1 { $3 = $3 "T23:30:00" } 1' d/disputes.csv > t/disputes.csv; awk -F, -v OFS=, 'NR > 1 { $3 = $3 "T08:15:00" } 1' d/incidents.csv > t/incidents.csv; awk -F, -v OFS=, 'NR > 1 { $2 = $2 "T00:00:00" } 1' d/petitions.csv > t/petitions.csv; PATH="$TOP/bin:$PATH"; sh "$TOP/share/govstat/weekly.sh" d 2020-05-10 > /dev/null 2>&1; echo "status $?"; sh "$TOP/share/govstat/weekly.sh" t 2020-05-10 > /dev/null 2>&1; echo "status $?"; sed -n 2p t/incidents.csv | cut -d, -f3; for f in this-week.csv last-week.csv last-year.csv summary.txt; do cmp d/weekly/2020-W19/$f t/weekly/2020-W19/$f && echo "same $f"; done
>>>
status 1
status 1
2020-02-22T08:15:00
same this-week.csv
same last-week.csv
same last-year.csv
same summary.txt

### a run that stops with status 2 or 3 still appends its manifest line, with what it had read
$ cd "$DATA/county2"; m=$OLDPWD/m.jsonl; ingest --manifest $m -m nosuch.json 2> /dev/null; echo "status $?"; ingest --manifest $m -m police.json police-none.csv police-2021.csv > /dev/null 2>&1; echo "status $?"; tally --manifest $m -a 'n=count(' disputes-week.csv 2> /dev/null; echo "status $?"; GOVSTAT_MANIFEST=$m validate -s nosuch.json disputes-week.csv 2> /dev/null; echo "status $?"; sed 's/"sha256":"[0-9a-f]*"/"sha256":…/g; s|"--manifest","[^"]*",||' $m
>>>
status 2
status 3
status 2
status 2
{"tool":"ingest","version":"0.1.0","args":["-m","nosuch.json"],"status":2,"files":[]}
{"tool":"ingest","version":"0.1.0","args":["-m","police.json","police-none.csv","police-2021.csv"],"status":3,"counts":{"read":5,"written":3,"rejected":0,"dropped":2},"files":[{"role":"map","name":"police.json","sha256":…,"bytes":857,"rows":null},{"role":"input","name":"police-none.csv","sha256":…,"bytes":115,"rows":null},{"role":"input","name":"police-2021.csv","sha256":…,"bytes":266,"rows":5},{"role":"output","name":"-","sha256":…,"bytes":270,"rows":3}]}
{"tool":"tally","version":"0.1.0","args":["-a","n=count(","disputes-week.csv"],"status":2,"files":[]}
{"tool":"validate","version":"0.1.0","args":["-s","nosuch.json","disputes-week.csv"],"status":2,"files":[]}

### a tool that stops on an unusable header lists the file it had read in its manifest line
$ printf '村居,村居\n上湾村,1\n' > dup.csv; rank --manifest m.jsonl -k 村居 dup.csv; echo "status $?"; sed 's/"sha256":"[0-9a-f]*"/"sha256":…/g' m.jsonl
>>>
status 3
{"tool":"rank","version":"0.1.0","args":["--manifest","m.jsonl","-k","村居","dup.csv"],"status":3,"files":[{"role":"input","name":"dup.csv","sha256":…,"bytes":26,"rows":0}]}
>>>2
rank: dup.csv:1: header: column 2 repeats the name '村居' of column 1

### output that cannot be written (a full disk) is a failed run in the manifest too
$ printf 'a,b\n1,2\n' > t.csv; for t in ingest "tally -a n=count()" "rank -k b" report; do $t --manifest m.jsonl t.csv > /dev/full; echo "status $?"; done 2> /dev/null; grep -o '"tool":"[a-z]*","version":"[^"]*","args":\[[^]]*\],"status":[0-9]' m.jsonl
>>>
status 3
status 3
status 3
status 3
"tool":"ingest","version":"0.1.0","args":["--manifest","m.jsonl","t.csv"],"status":3
"tool":"tally","version":"0.1.0","args":["-a","n=count()","--manifest","m.jsonl","t.csv"],"status":3
"tool":"rank","version":"0.1.0","args":["-k","b","--manifest","m.jsonl","t.csv"],"status":3
"tool":"report","version":"0.1.0","args":["--manifest","m.jsonl","t.csv"],"status":3

### ingest's date-times pass validate's datetime type
$ printf '{"fields": [{"name": "incident_id", "type": "string"}, {"name": "reported_at", "type": "datetime"}]}' > s.json; ingest -m "$DATA/county2/police.json" "$DATA/county2/police-2021.csv" 2> /dev/null | cut -d, -f1,4 | validate -s s.json
>>>
incident_id,reported_at
JQ2101001,2021-01-04T07:45:00
JQ2101002,2021-01-04T23:59:59
JQ2101003,2021-01-05T09:05:00
