#!/bin/sh
# govstat demo: the whole pipeline on the bundled sample county.
# Usage: demo.sh BINDIR OUTDIR   (make demo runs it)
#
# The county is synthetic (samples/, made by gen-county.awk): 13 townships,
# 124 villages and communities, a year of ledgers as townships send them.
# A few rows are bad on purpose, so that the rejects show.
set -eu
bin=$(cd "$1" && pwd)
out=$2
share=$(cd "$(dirname "$0")" && pwd)
here=$share
PATH=$bin:$PATH
export PATH
# messages in the user's language (i18n.sh, beside this script)
govstat_pack=$here
. "$govstat_pack/i18n.sh"
say() { gettext "$1"; echo; }
mkdir -p "$out"
# Work inside OUTDIR with relative paths only, on a copy of the setup, so
# that the reports and the manifest are the same bytes on every machine.
cd "$out"
rm -rf rejects schemas tables setup manifest.jsonl
mkdir -p rejects schemas tables setup
cp -R "$share/maps" "$share/samples" "$share/catalogue.json" setup/
share=setup
out=.
GOVSTAT_MANIFEST=manifest.jsonl
export GOVSTAT_MANIFEST
cat=$share/catalogue.json
# the schemas find the unit register beside them
cp "$here"/schemas/*.json "$share/samples/units.csv" schemas/
t=tables

# every page is dated the end of the sample's year, not by the clock nor
# SOURCE_DATE_EPOCH: the same bytes from make demo and by hand
asof=2020-12-31

# allow status 1 (rows rejected: they are in the rejects files), stop on worse
# xgettext: c-format
ok() { [ "$1" -le 1 ] || { printf "$(gettext 'demo: step failed (status %s)')\n" "$1" >&2; exit "$1"; }; }

say "== 1. ingest and validate the raw ledgers (GB18030, title rows, two-row headers)"
for ty in disputes incidents petitions titles households survey; do
	s1=0
	ingest -m "$share/maps/$ty.json" -r "$out/rejects/$ty-ingest.csv" "$share/samples/raw-$ty.csv" \
		> "$t/$ty-ingested.csv" 2> "$t/$ty.log" || s1=$?
	ok $s1
	s2=0
	validate -s "$out/schemas/$ty.json" -r "$out/rejects/$ty-validate.csv" "$t/$ty-ingested.csv" \
		> "$out/$ty.csv" 2>> "$t/$ty.log" || s2=$?
	ok $s2
	# xgettext: c-format
	printf "$(gettext '   %-10s %5d valid rows; rejected: %d by ingest, %d by validate')\n" "$ty" \
		$(($(wc -l < "$out/$ty.csv") - 1)) $(($(wc -l < "$out/rejects/$ty-ingest.csv") - 1)) \
		$(($(wc -l < "$out/rejects/$ty-validate.csv") - 1))
done
cp "$share/samples/units.csv" "$out/units.csv"
say "== 1b. the titles ledger again, as the Excel workbook a township sends"
s1=0
ingest -m "$share/maps/titles.json" -r "$out/rejects/titles-xlsx-ingest.csv" "$share/samples/raw-titles.xlsx" \
	> "$t/titles-xlsx-ingested.csv" 2> "$t/titles-xlsx.log" || s1=$?
ok $s1
if cmp -s "$t/titles-xlsx-ingested.csv" "$t/titles-ingested.csv"; then
	# xgettext: c-format
	printf "$(gettext '   %-10s the same %d rows as from the CSV export')\n" "titles" \
		$(($(wc -l < "$t/titles-xlsx-ingested.csv") - 1))
else
	say "demo: the workbook and the CSV export of the titles ledger differ" >&2
	exit 3
fi

say "== 2. tally the catalogue's indicators by township: one keyed table from every ledger"
# the register as it is (township from the parent where the column is
# empty); each indicator reads the ledger its catalogue "record" names
from="--from disputes=$out/disputes.csv --from titles=$out/titles.csv --from households=$out/households.csv
 --from survey=$out/survey.csv --from petitions=$out/petitions.csv --from incidents=$out/incidents.csv"
# shellcheck disable=SC2086
tally -I "$cat" --universe "$out/units.csv" --level township $from \
	-k disputes,dispute_resolution_ratio,mediation_success_ratio,at_source_share \
	-k safe_village_creation_rate,safe_village_consolidation_rate,safe_family_ratio \
	-k security_sense_rate,satisfaction_rate,petitions,petition_persons \
	-k valid_incidents,street_incidents,negative_hits,negative_veto,negative_deduction,zero_incident_villages \
	> "$t/township-indicators.csv"
# the county as a whole, from the rows (never by adding rounded figures)
# shellcheck disable=SC2086
tally -I "$cat" --universe "$out/units.csv" --level county $from \
	-k disputes,dispute_resolution_ratio,at_source_share,security_sense_rate,satisfaction_rate \
	-k zero_incident_villages,zero_incident_village_rate,negative_hits,negative_deduction > "$t/county.csv"
# per week and per month, for the bulletin's trend
tally -I "$cat" -k disputes,dispute_resolution_ratio -p week -d date_found "$out/disputes.csv" > "$t/weekly-disputes.csv"
tally -I "$cat" -k street_incidents -p month -d date "$out/incidents.csv" > "$t/monthly-street-incidents.csv"

say "== 3. rank the townships: the veto first, then the resolution ratio, then security sense"
rank -k dispute_resolution_ratio -k security_sense_rate --veto 'negative_veto > 0' \
	"$t/township-indicators.csv" > "$t/township-ranking.csv"

say "== 4. report"
report --title '示例县 2020年 平安建设主要指标（合成数据）' --date "$asof" \
	--columns rank,township,disputes,dispute_resolution_ratio,safe_village_creation_rate,safe_family_ratio,security_sense_rate,zero_incident_villages,negative_veto \
	--catalogue "$cat" --label township=乡镇 --label rank=名次 \
	--target 'dispute_resolution_ratio >= 0.95 && negative_veto == 0' --width 140 \
	"$t/township-ranking.csv" > "$out/summary.txt"
report -f html --title '示例县 2020年 平安建设主要指标（合成数据）' --date "$asof" \
	--caption '矛盾纠纷化解率目标 95%；负面清单一票否决的乡镇排在最后' \
	--columns rank,township,disputes,dispute_resolution_ratio,security_sense_rate,satisfaction_rate,zero_incident_villages,negative_hits,negative_veto \
	--catalogue "$cat" --label township=乡镇 --label rank=名次 \
	--target 'dispute_resolution_ratio >= 0.95 && negative_veto == 0' \
	--chart dispute_resolution_ratio --chart-label township --chart-target 0.95 \
	"$t/township-ranking.csv" > "$out/summary.html"
say "== 5. five up, two down: 2020 against 2019, from two years of ledgers and the yearly scores"
# the year before: its ledgers, ingested and validated like this year's
mkdir -p 2019 rejects/2019
for ty in disputes incidents petitions; do
	s1=0
	ingest -m "$share/maps/$ty.json" -r "$out/rejects/2019/$ty-ingest.csv" "$share/samples/raw-$ty-2019.csv" \
		> "$t/$ty-2019-ingested.csv" 2>> "$t/$ty.log" || s1=$?
	ok $s1
	s2=0
	validate -s "$out/schemas/$ty.json" -r "$out/rejects/2019/$ty-validate.csv" "$t/$ty-2019-ingested.csv" \
		> "2019/$ty.csv" 2>> "$t/$ty.log" || s2=$?
	ok $s2
done
# each year: the seven for every township and the county (全县: its
# ledger figures from the rows, its scores from the score table's row)
year() { # DIR YEAR
	tally -I "$cat" --universe "$out/units.csv" --level township --rollup --rollup-label 全县 \
		-k livelihood_support,dispute_resolution_ratio,police_visibility,public_order_control,emergency_response,street_incidents,petitions \
		--from disputes="$1/disputes.csv" --from incidents="$1/incidents.csv" --from petitions="$1/petitions.csv" \
		--from yearly_scores="$share/samples/yearly-$2.csv"
}
year 2019 2019 > "$t/year-2019.csv"
year . 2020 > "$t/year-2020.csv"
fiveup="--compare $t/year-2019.csv --key township
 --up livelihood_support,dispute_resolution_ratio,police_visibility,public_order_control,emergency_response
 --down street_incidents,petitions"
# shellcheck disable=SC2086
report --title '五升两降：2020年比2019年' $fiveup -f csv "$t/year-2020.csv" > "$t/five-up-two-down.csv"
# shellcheck disable=SC2086
report --title '五升两降：2020年比2019年' --date "$asof" $fiveup -f html --catalogue "$cat" --label township=单位 \
	"$t/year-2020.csv" > "$out/five-up-two-down.html"
# the appendix last, when every step is in the manifest
report -f html --title '示例县 2020年 平安建设主要指标：计算过程' --date "$asof" \
	--manifest-in "$out/manifest.jsonl" "$t/county.csv" > "$out/audit.html"

cat "$out/summary.txt"
echo
say "County totals (from the rows):"
report --date "$asof" --columns disputes,dispute_resolution_ratio,at_source_share,security_sense_rate,satisfaction_rate,zero_incident_villages,zero_incident_village_rate \
	--catalogue "$cat" --width 130 "$t/county.csv"
echo
dir=$(pwd)
eval_gettext 'demo: in $dir: canonical streams <type>.csv, rejects/, tables/,'; echo
say "demo: reports summary.txt, summary.html, five-up-two-down.html, audit.html,"
say "demo: the year before in 2019/,"
say "demo: and the manifest manifest.jsonl that audit.html renders"
