#!/bin/sh
# govstat demo: the pipeline on the bundled sample ledgers.
# Usage: demo.sh BINDIR OUTDIR   (make demo runs it)
#
# The sample is synthetic: a GB18030 dispute ledger as a township sends it,
# with a title row, a two-row header, notes at the bottom and two bad rows,
# so that the rejects path shows.
set -eu
bin=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)

echo "== ingest: $here/samples/disputes-raw.csv (GB18030, title row, two-row header, footer)"
status=0
(cd "$here/samples" && "$bin/ingest" -m ../maps/disputes.json --lineage \
	-r "$out/disputes-rejects.csv" disputes-raw.csv > "$out/disputes.csv") || status=$?
if [ "$status" -gt 1 ]; then
	echo "demo: ingest failed (status $status)" >&2
	exit "$status"
fi
echo
echo "== $out/disputes.csv: the canonical stream"
cat "$out/disputes.csv"
echo
echo "== $out/disputes-rejects.csv: rows that need fixing at the source"
cat "$out/disputes-rejects.csv"
echo
echo "== tally: dispute resolution ratio by township, with the county total"
"$bin/tally" -g township --rollup --rollup-label 全县 -a 'disputes=count()' \
	-a 'resolved=count(status=="resolved")' \
	-a 'rate=ratio(count(status=="resolved"),count())' \
	"$out/disputes.csv" | tee "$out/resolution-by-township.csv"
written=$(($(wc -l < "$out/disputes.csv") - 1))
rejected=$(($(wc -l < "$out/disputes-rejects.csv") - 1))
echo
echo "demo: $written rows written, $rejected rejected, all in $out/"
