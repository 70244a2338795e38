#!/bin/sh
# make bench: govstat against its peers on the same synthetic ledger, in
# one run, as ratios. Not a test: timings vary by machine; the ratios and
# the peak memory are what the issues' bars speak of.
#
# Usage: ROWS=2000000 RUNS=3 BIN=bin sh tests/bench.sh
# Writes the table to out/bench/results.txt and prints it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
: "${ROWS:=2000000}" "${RUNS:=3}" "${BIN:=$here/../bin}"
out=$here/../out/bench
mkdir -p "$out"
# The generated files are reused while newer than what they are made
# from, so each is written as FILE.part and renamed once whole: a run
# killed half-way leaves no truncated FILE for the next run to take as
# made. The parts a run leaves are removed when it ends.
trap 'rm -f "$out"/*.part' EXIT
trap 'exit 130' INT TERM HUP
# FILE COMMAND [ARG]...: COMMAND's standard output, as FILE
gen() {
	_f=$1; shift
	"$@" > "$_f.part" && mv "$_f.part" "$_f"
}
data=$out/ledger-$ROWS.csv
small=$out/ledger-200000.csv
# made again when the generator changed
[ "$data" -nt "$here/genledger.awk" ] || gen "$data" awk -v rows="$ROWS" -f "$here/genledger.awk"
[ "$small" -nt "$here/genledger.awk" ] || gen "$small" awk -v rows=200000 -f "$here/genledger.awk"
[ "$data.gb18030" -nt "$data" ] || gen "$data.gb18030" iconv -f UTF-8 -t GB18030 "$data"
awk -f "$here/genunits.awk" > "$out/units.csv"
cp "$here/data/bench-ledger.schema.json" "$out/ledger.schema.json"
head -200001 "$data" > "$out/slice-200000.csv"
head -1000001 "$data" > "$out/slice-1000000.csv"
# the same 200,000 rows as a workbook, written by openpyxl (Debian's python3)
xlsx=$out/slice-200000.xlsx
[ "$xlsx" -nt "$out/slice-200000.csv" ] && [ "$xlsx" -nt "$here/mkxlsx.py" ] ||
	{ /usr/bin/python3 "$here/mkxlsx.py" "$xlsx.part" < "$out/slice-200000.csv" && mv "$xlsx.part" "$xlsx"; }

# measure NAME COMMAND...: median wall seconds and peak RSS (KB) of RUNS runs
measure() {
	name=$1; shift
	: > "$out/times"
	i=0
	while [ $i -lt "$RUNS" ]; do
		/usr/bin/time -f '%e %M' -o "$out/t1" "$@" > /dev/null 2> "$out/stderr" ||
			{ echo "bench: $name failed:" >&2; tail -3 "$out/stderr" >&2; exit 1; }
		cat "$out/t1" >> "$out/times"
		i=$((i + 1))
	done
	med=$(sort -n "$out/times" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
	rss=$(awk '$2 > m { m = $2 } END { print m }' "$out/times")
	echo "$name $med $rss" >> "$out/raw"
}

: > "$out/raw"
measure "wc-l(floor)" wc -l "$data"
measure "ingest-csv" "$BIN/ingest" "$data"
measure "ingest-gb18030" "$BIN/ingest" "$data.gb18030"
measure "ingest-200k-rows" "$BIN/ingest" "$small"
measure "mlr-cat" mlr --icsv --ocsv cat "$data"
measure "tally" "$BIN/tally" -g township -a 'n=count()' -a 'r=ratio(count(status=="化解"),count())' "$data"
measure "tally-200k-rows" "$BIN/tally" -g township -a 'n=count()' -a 'r=ratio(count(status=="化解"),count())' "$small"
measure "datamash" sh -c 'datamash -s -t, -H -g 3 count 3 sum 8 < "$1"' sh "$data"
measure "mlr-stats1" mlr --icsv --ocsv stats1 -a count,sum -f people -g township "$data"
measure "validate" "$BIN/validate" -s "$out/ledger.schema.json" "$data"
measure "validate-200k" "$BIN/validate" -s "$out/ledger.schema.json" "$out/slice-200000.csv"
measure "csvclean-200k" csvclean -n "$out/slice-200000.csv"
"$BIN/ingest" "$xlsx" | cmp -s - "$out/slice-200000.csv" ||
	{ echo "bench: ingest of the .xlsx differs from the CSV it was made from" >&2; exit 1; }
measure "ingest-xlsx-200k" "$BIN/ingest" "$xlsx"
measure "in2csv-xlsx-200k" in2csv "$xlsx"
measure "rank-1M" "$BIN/rank" -k people "$out/slice-1000000.csv"
measure "sort-1M" sh -c 'tail -n +2 "$1" | sort -t, -k8,8nr' sh "$out/slice-1000000.csv"

# DuckDB and Polars, pinned, from the npm registry, run in-process by node
# on 1M and 4M rows of the same ledger (PEER_ROWS): their in-engine time
# against tally's whole process, and the peak RSS of each.
: "${PEER_ROWS:=1000000 4000000}"
peers=$out/node
: > "$out/peers"
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
	echo "bench: no node/npm here: DuckDB and Polars are left out" >> "$out/peers"
elif ! { [ -d "$peers/node_modules/@duckdb/node-api" ] ||
	npm i -E --silent --no-audit --no-fund --prefix "$peers" \
		@duckdb/node-api@1.5.6-r.1 nodejs-polars@0.25.2 nodejs-polars-linux-x64-gnu@0.25.2 \
		> "$out/npm.log" 2>&1; }; then
	echo "bench: npm could not install DuckDB and Polars (see $out/npm.log): left out" >> "$out/peers"
else
	cp "$here/bench-peers.mjs" "$peers/"
	for n in $PEER_ROWS; do
		f=$out/ledger-$n.csv
		[ "$f" -nt "$here/genledger.awk" ] || gen "$f" awk -v rows="$n" -f "$here/genledger.awk"
		bytes=$(wc -c < "$f")
		# median seconds and the largest peak RSS of RUNS runs of one engine
		for e in tally duckdb polars; do
			: > "$out/ptimes"
			i=0
			while [ $i -lt "$RUNS" ]; do
				if [ $e = tally ]; then
					/usr/bin/time -f '%e %M' -o "$out/t1" "$BIN/tally" -g township -a 'n=count()' \
						-a 'resolved=count(status=="化解")' -a 'people=sum(people)' "$f" > /dev/null
					cat "$out/t1" >> "$out/ptimes"
				else
					node "$peers/bench-peers.mjs" $e "$f" "$(nproc)" | cut -d' ' -f1,2 >> "$out/ptimes"
				fi
				i=$((i + 1))
			done
			sort -n "$out/ptimes" | awk -v e=$e -v n="$n" -v b="$bytes" \
				'{ t[NR] = $1; if ($2 > m) m = $2 } END { print e, n, b, t[int((NR + 1) / 2)], m }' >> "$out/peers"
		done
	done
fi

{
	echo "govstat bench: $ROWS rows, $(wc -c < "$data") bytes, median of $RUNS runs"
	echo "$(uname -m), $(nproc) cores, $(date -u +%Y-%m-%d)"
	echo
	awk '{ t[$1] = $2; m[$1] = $3; n[NR] = $1 }
	END {
		printf "%-20s %9s %12s\n", "command", "seconds", "peak RSS KB"
		for (i = 1; i <= NR; i++) printf "%-20s %9.2f %12d\n", n[i], t[n[i]], m[n[i]]
		print ""
		r = t["mlr-cat"] / t["ingest-csv"]
		printf "ingest vs mlr cat:        %.2fx faster (bar: 10x)  %s\n", r, r >= 10 ? "ok" : "MISSED"
		g = t["ingest-gb18030"] / t["ingest-csv"]
		printf "GB18030 vs UTF-8 input:   %.2fx the time (bar: 1.5x)  %s\n", g, g <= 1.5 ? "ok" : "MISSED"
		printf "ingest peak RSS:          %d KB at %s rows, %d KB at 200000 (bar: 20 MB)  %s\n",
			m["ingest-csv"], "'"$ROWS"'", m["ingest-200k-rows"], m["ingest-csv"] < 20480 ? "ok" : "MISSED"
		printf "ingest vs wc -l (floor):  %.1fx the time\n", t["ingest-csv"] / t["wc-l(floor)"]
		d = t["datamash"] / t["tally"]
		printf "tally vs datamash -s:     %.2fx faster (bar: 1.5x)  %s\n", d, d >= 1.5 ? "ok" : "MISSED"
		q = t["mlr-stats1"] / t["tally"]
		printf "tally vs mlr stats1:      %.2fx faster (bar: 5x)  %s\n", q, q >= 5 ? "ok" : "MISSED"
		c = t["mlr-cat"] / t["validate"]
		printf "validate vs mlr cat:      %.2fx faster, 9-field schema (bar: 5x)  %s\n", c, c >= 5 ? "ok" : "MISSED"
		v = '"$ROWS"' / t["validate"]
		printf "validate, 9-field schema: %.0f rows/s (bar: 1000000)  %s\n", v, v >= 1000000 ? "ok" : "MISSED"
		printf "validate vs csvclean -n:  %.2fx faster on 200000 rows (csvclean checks row lengths only)\n",
			t["csvclean-200k"] / t["validate-200k"]
		k = t["rank-1M"] / t["sort-1M"]
		printf "rank vs sort, 1M rows:    %.2fx the time of sort (bar: well under 1.5x)  %s\n", k, k < 1.5 ? "ok" : "MISSED"
		printf "tally peak RSS:           %d KB at %s rows, %d KB at 200000 (grows with groups only)\n",
			m["tally"], "'"$ROWS"'", m["tally-200k-rows"]
		x = t["in2csv-xlsx-200k"] / t["ingest-xlsx-200k"]
		printf "ingest vs in2csv, .xlsx:  %.2fx faster on 200000 rows (bar: 5x)  %s\n", x, x >= 5 ? "ok" : "MISSED"
		printf "ingest .xlsx peak RSS:    %d KB on 200000 rows\n", m["ingest-xlsx-200k"]
	}' "$out/raw"
	echo
	echo "tally against DuckDB and Polars (their in-engine time, node start excluded; $(nproc) threads):"
	awk '/^bench:/ { print; next }
	{ e[NR] = $1; n[NR] = $2; b[NR] = $3; t[NR] = $4; m[NR] = $5; if ($1 == "tally") { gt[$2] = $4; gm[$2] = $5 } }
	END {
		if (!NR) exit
		printf "%-8s %9s %9s %9s %12s %18s\n", "tool", "rows", "seconds", "MB/s", "peak RSS KB", "govstat is x faster"
		for (i = 1; i <= NR; i++) if (e[i] != "") {
			printf "%-8s %9d %9.2f %9.0f %12d %18.2f\n", e[i], n[i], t[i], b[i] / 1e6 / t[i], m[i], t[i] / gt[n[i]]
			if (e[i] != "tally" && (!(n[i] in best) || t[i] < best[n[i]])) { best[n[i]] = t[i]; bm[n[i]] = m[i] }
		}
		for (r in best) {
			x = best[r] / gt[r]; y = bm[r] / gm[r]
			printf "%d rows: %.2fx the faster peer (bar: 1.5x) %s; its RSS %.0fx tally'"'"'s (bar: 20x) %s\n",
				r, x, x >= 1.5 ? "ok" : "MISSED", y, y >= 20 ? "ok" : "MISSED"
		}
	}' "$out/peers"
} | tee "$out/results.txt"
