#!/bin/sh
# govstat-weekly: the weekly summary a county office mails out.
#
# Usage: govstat-weekly DATA_DIR [AS_OF] | --help | --version
#
# DATA_DIR holds the validated canonical streams (disputes.csv,
# incidents.csv, petitions.csv) and the unit register units.csv. AS_OF
# (YYYY-MM-DD, default today) picks the ISO week (Monday to Sunday) that
# holds it. The summary compares the week with the week before and with
# the same week a year earlier (52 weeks before), and is written with its
# manifest into DATA_DIR/weekly/YYYY-Www/. Exit status: 0, or 1 when a
# negative-list veto item was hit in the week (so that cron mails someone),
# 2 on a usage error or a missing file or field, 3 and more when a tool
# failed (3 too when standard output cannot be written).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# the tools beside this script when it stands among them (bin/ after
# make, PREFIX/bin installed), so that it runs the govstat it came with;
# else those on PATH (sh share/govstat/weekly.sh)
if [ -x "$here/tally" ] && [ -x "$here/report" ]; then
	PATH=$here:$PATH
fi
# messages in the user's language: i18n.sh of the pack, beside this
# script in the source tree, in share/govstat when installed as
# PREFIX/bin/govstat-weekly
for govstat_pack in "$here" "$here/../share/govstat"; do
	[ -f "$govstat_pack/i18n.sh" ] && break
done
[ -f "$govstat_pack/i18n.sh" ] ||
	{ echo "govstat-weekly: no i18n.sh in $here or $here/../share/govstat: install govstat again" >&2; exit 2; }
. "$govstat_pack/i18n.sh"
# govstat's version, the Makefile's VERSION (tests/county.t checks that
# the tools say the same)
version=0.1.0
# MESSAGE: "govstat-weekly: MESSAGE" on stderr
warn() { printf 'govstat-weekly: %s\n' "$1" >&2; }
# COMMAND [ARG]...: run it to standard output; a write that fails is
# said and returns the status of a tool's write error (3), not the
# shell's 1, which would say a veto item was hit
out() { "$@" 2> /dev/null || { warn "$(gettext "write error")"; return 3; }; }
# the hint that ends a usage error, on stderr
hint() {
	# xgettext: c-format
	printf "$(gettext "Try '%s --help' for more information.")\n" govstat-weekly >&2
}
# MESSAGE: a usage error: said, with the hint, status 2
usage_error() { warn "$1"; hint; exit 2; }
usage=$(gettext "usage: govstat-weekly DATA_DIR [AS_OF]")
# the options, wherever they stand (as the tools take theirs)
for arg; do
	case $arg in
	--version)
		out printf '%s\n' "govstat-weekly (govstat) $version" || exit 3
		exit 0 ;;
	--help | -h)
		out printf '%s\n' "$usage" "$(gettext "The week's summary of a county's validated ledgers, compared with the week
before and the same week a year earlier, by township in the register's order.

DATA_DIR holds disputes.csv, incidents.csv, petitions.csv (validated; the
fields each needs are in govstat-weekly(1)) and the unit register units.csv
(code, name, level, parent, township; the township column may be empty on
township rows). AS_OF (YYYY-MM-DD, default today) picks the ISO week that
holds it. The results and their manifest go to DATA_DIR/weekly/YYYY-Www/.

Exit status: 0 no negative-list veto item was hit in the week; 1 one was
(a message on stderr says so, for cron to mail); 2 usage error, or a
missing file or field; 3 and more a tool failed (3 also: standard output
cannot be written).
The catalogue: GOVSTAT_SHARE, beside the script, or the installed share/govstat.
--version prints the version. See govstat-weekly(1).")" || exit 3
		exit 0 ;;
	-?*)
		usage_error "$(eval_gettext "unrecognized option '\$arg'")" ;;
	esac
done
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "$usage" >&2
	hint
	exit 2
fi
given=$1
asof=${2:-$(date +%F)}
# AS_OF as the man page gives it, and a day of the calendar: date(1)
# alone takes 2026/03/15 and other forms
case $asof in
[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]) ;;
*) usage_error "$(eval_gettext "AS_OF '\$asof' is not a date of the form YYYY-MM-DD")" ;;
esac
[ "$(date -d "$asof" +%F 2> /dev/null)" = "$asof" ] ||
	usage_error "$(eval_gettext "AS_OF '\$asof': no such day")"
if [ ! -d "$given" ]; then
	if [ -e "$given" ]; then
		warn "$given: $(gettext "not a directory")"
	else
		warn "$given: $(gettext "no such directory")"
	fi
	exit 2
fi
data=$(CDPATH='' cd "$given" 2> /dev/null && pwd) ||
	{ warn "$given: $(gettext "cannot open the directory")"; exit 2; }
# the catalogue: GOVSTAT_SHARE, beside this script (source tree), or the
# installed share/govstat
for d in "${GOVSTAT_SHARE:-}" "$here" "$here/../share/govstat"; do
	if [ -n "$d" ] && [ -f "$d/catalogue.json" ]; then
		share=$(cd "$d" && pwd)
		break
	fi
done
[ -n "${share:-}" ] || { warn "$(gettext "no catalogue.json found (set GOVSTAT_SHARE)")"; exit 2; }
for f in disputes.csv incidents.csv petitions.csv units.csv; do
	[ -f "$data/$f" ] || { warn "$given/$f: $(gettext "missing")"; exit 2; }
done
# FILE FIELD...: the fields the tallies below read in FILE with the shipped
# catalogue (its indicators, the negative list, the week's dates; the
# register's columns), as govstat-weekly(1) lists them. Each file's header
# is checked first, so that a missing one is named with its file, not by
# the --filter or indicator of a tally halfway through
cr=$(printf '\r')
bom=$(printf '\357\273\277')
for need in "disputes.csv township date_found status" \
	"incidents.csv event_id date township type event severity street sensitive" \
	"petitions.csv township date" "units.csv code name level parent"; do
	# shellcheck disable=SC2086
	set -- $need
	f=$1
	shift
	head=
	IFS= read -r head < "$data/$f" || :
	head=${head#"$bom"}
	head=${head%"$cr"}
	missing=
	fields=
	for field; do
		fields=${fields:+$fields, }$field
		case ",$head," in
		*",$field,"*) ;;
		*) missing=${missing:+$missing, }$field ;;
		esac
	done
	[ -z "$missing" ] || {
		warn "$given/$f: $(eval_gettext "missing field(s) \$missing: the weekly summary reads \$fields (see govstat-weekly(1))")"
		exit 2
	}
done
dow=$(date -d "$asof" +%u)
mon=$(date -d "$asof -$((dow - 1)) days" +%F)
sun=$(date -d "$mon +6 days" +%F)
week=$(date -d "$mon" +%G-W%V)
out=$data/weekly/$week
mkdir -p "$out"
cd "$out"
rm -f manifest.jsonl
GOVSTAT_MANIFEST=manifest.jsonl
export GOVSTAT_MANIFEST
cat=$share/catalogue.json

# TABLE FIRST-DAY [IDS LEVEL]: the week's indicators by township (in the
# register's order) and for the county (全县), or IDS at LEVEL; one keyed
# tally over the ledgers
table() {
	from=$1
	ids=${2:-disputes,dispute_resolution_ratio,valid_incidents,street_incidents,negative_hits,negative_veto,petitions}
	lvl=${3:-township}
	to=$(date -d "$from +6 days" +%F)
	set --
	[ "$lvl" = county ] || set -- --rollup --rollup-label 全县
	s=0
	tally -I "$cat" --universe "$data/units.csv" --level "$lvl" "$@" -k "$ids" \
		--from disputes="$data/disputes.csv" --from incidents="$data/incidents.csv" \
		--from petitions="$data/petitions.csv" \
		--filter "disputes=date_found >= \"$from\" && date_found <= \"$to\"" \
		--filter "incidents=date >= \"$from\" && date <= \"$to\"" \
		--filter "petitions=date >= \"$from\" && date <= \"$to\"" || s=$?
	[ "$s" -le 1 ] || exit "$s"
}
# FIRST-DAY: sets rows to how many rows of the three ledgers are dated in
# the week from FIRST-DAY (any row, an invalid call too)
rows_in() {
	to=$(date -d "$1 +6 days" +%F)
	rows=0
	for l in disputes:date_found incidents:date petitions:date; do
		f=${l#*:}
		s=0
		n=$(tally -a 'rows=count()' --where "$f >= \"$1\" && $f <= \"$to\"" "$data/${l%%:*}.csv") || s=$?
		[ "$s" -le 1 ] || exit "$s"
		n=${n##*[!0-9]}
		rows=$((rows + ${n:-0}))
	done
}
# FIRST-DAY: the table of an earlier week, to compare with; when no
# ledger has a row dated in it (they begin later), its header alone, so
# that every comparison with it is not available (NA), never one with 0
earlier() {
	rows_in "$1"
	if [ "$rows" -gt 0 ]; then
		table "$1"
	else
		report -f csv --where 0 this-week.csv
	fi
}
table "$mon" > this-week.csv
earlier "$(date -d "$mon -7 days" +%F)" > last-week.csv
[ "$rows" -gt 0 ] || last_week_none=$(gettext "No data for the week before (no ledger row is dated in it): no comparison.")
earlier "$(date -d "$mon -364 days" +%F)" > last-year.csv
[ "$rows" -gt 0 ] || last_year_none=$(gettext "No data for the same week last year (no ledger row is dated in it): no comparison.")
# the week's veto events for an auditor, one row each (one recorded on two
# days, on each): keyed from the incidents ledger as negative_veto counts
# them, those it counts kept
s=0
events=$(tally -I "$cat" -g event_id,township,event,date -k negative_veto \
	--where "date >= \"$mon\" && date <= \"$sun\"" "$data/incidents.csv") || s=$?
[ "$s" -le 1 ] || exit "$s"
printf '%s\n' "$events" |
	report -f csv --where 'negative_veto > 0' --columns event_id,township,event,date > vetoes.csv
# the county's count of them, for the message below: the 全县 row of the
# summary's own table, so that the message and the page say one number
vetoes=$(report -f csv --where 'township == "全县"' --columns negative_veto this-week.csv)
vetoes=${vetoes##*[!0-9]}

common="--columns township,disputes,dispute_resolution_ratio,valid_incidents,street_incidents,negative_hits,negative_veto,petitions
 --percent dispute_resolution_ratio --label township=乡镇 --label disputes=纠纷数
 --label dispute_resolution_ratio=化解率 --label valid_incidents=有效警情
 --label street_incidents=街面警情 --label negative_hits=负面清单事件
 --label negative_veto=否决事件 --label petitions=信访 --key township
 --up dispute_resolution_ratio --down street_incidents,petitions --width 260"
# shellcheck disable=SC2086
report --title "$week 周报：与上周比（环比）" --date "$asof" ${last_week_none:+--caption "$last_week_none"} \
	--compare last-week.csv $common this-week.csv > summary.txt
# shellcheck disable=SC2086
report --title "$week 周报：与去年同期比（同比）" --date "$asof" ${last_year_none:+--caption "$last_year_none"} \
	--compare last-year.csv $common this-week.csv > same-week-last-year.txt
# shellcheck disable=SC2086
report -f html --title "$week 周报" --date "$asof" ${last_week_none:+--caption "$last_week_none"} \
	--compare last-week.csv $common --chart dispute_resolution_ratio --chart-target 0.95 this-week.csv > summary.html
# the summary, then the county's vetoes in the week: a summary that
# cannot be written exits 3, but the veto is still told on stderr, for
# cron to mail
s=0
out cat summary.txt || s=$?
if [ "${vetoes:-0}" != "0" ]; then
	warn "$week: $(eval_gettext "\$vetoes negative-list veto event(s); see \$given/weekly/\$week/summary.txt")"
	[ "$s" -ne 0 ] || s=1
fi
exit "$s"
