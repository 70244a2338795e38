#!/bin/sh
# The test runner. Two kinds of tests:
#  - the lib/ unit tests, a C program ($UNIT) that prints "ok NAME" or
#    "FAIL NAME: why" a case;
#  - the command cases in tests/*.t, one block a case:
#
#      ### name of the case
#      $ shell command, run in a fresh directory with bin/ on PATH and
#        $DATA naming tests/data (no line: the tool the file is named
#        after, with no arguments)
#      <<<
#      standard input, line by line (no section: empty input)
#      >>>
#      expected standard output (no section: must be empty)
#      >>>2
#      expected standard error (no section: must be empty)
#      >>>= expected exit status (no line: 0)
#
#    Blank lines that end a section are separators, not content.
#    Adding a case is adding a block. Lines before the first case, and
#    lines starting with "#" between a case's sections, are comments.
#
# Usage: BIN=dir UNIT=path sh tests/run.sh [FILE.t ...]
# Ends with the line "N passed, N failed"; exits 1 if any failed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${BIN:=$here/../bin}"
: "${UNIT:=}"
work=$(mktemp -d "${TMPDIR:-/tmp}/govstat-tests.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
pass=0
fail=0

if [ -n "$UNIT" ]; then
	"$UNIT" > "$work/unit.out" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$work/unit.out")
	f=$(grep -c '^FAIL ' "$work/unit.out")
	grep '^FAIL ' "$work/unit.out"
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "FAIL unit: exited $rc"; tail -5 "$work/unit.out"; f=1
	fi
	pass=$((pass + p))
	fail=$((fail + f))
fi

[ $# -gt 0 ] || set -- "$here"/*.t
for t in "$@"; do
	base=$(basename "$t" .t)
	rm -rf "$work/cases"
	mkdir -p "$work/cases"
	# Split the file: case K gets cases/K/{name,cmd,in,out,err,status}.
	awk -v dir="$work/cases" '
		# Blank lines at the end of a section separate cases: they are
		# held back and written only when more of the section follows.
		function open_case() { n++; d = dir "/" n; system("mkdir -p " d);
			sect = ""; blanks = 0 }
		function put(file, line) { print line >> (d "/" file); close(d "/" file) }
		function flush_blanks() { while (blanks > 0) { put(sect, ""); blanks-- } }
		function touch(file) { printf "" >> (d "/" file); close(d "/" file) }
		/^(###|<<<|>>>)/ { blanks = 0 }
		/^### / { open_case(); put("name", substr($0, 5)); touch("in"); touch("out");
			touch("err"); put("status", 0); put("line", NR); next }
		n == 0 { next }
		/^\$ / && sect == "" { put("cmd", substr($0, 3)); next }
		/^<<<$/ { sect = "in"; next }
		/^>>>$/ { sect = "out"; next }
		/^>>>2$/ { sect = "err"; next }
		/^>>>= / { f = d "/status"; printf "%s\n", substr($0, 6) > f; close(f); sect = "x"; next }
		sect == "" && (/^#/ || /^$/) { next }
		(sect == "in" || sect == "out" || sect == "err") && /^$/ { blanks++; next }
		sect == "in" || sect == "out" || sect == "err" { flush_blanks(); put(sect, $0); next }
		sect == "x" && /^#/ { next }
		sect == "x" && /^$/ { next }
		{ printf "%s:%d: stray line outside a section\n", FILENAME, NR > "/dev/stderr"; bad = 1 }
		END { exit bad }
	' "$t" || { echo "FAIL $base: cannot parse $t"; fail=$((fail + 1)); continue; }
	for c in $(ls "$work/cases" | sort -n); do
		d="$work/cases/$c"
		name="$base: $(cat "$d/name")"
		# no "$" line: run the tool the file is named after, bare
		[ -f "$d/cmd" ] || echo "$base" > "$d/cmd"
		run="$work/run"
		rm -rf "$run"; mkdir -p "$run"
		(unset SOURCE_DATE_EPOCH GOVSTAT_MANIFEST GOVSTAT_PROGRESS; cd "$run" && PATH="$BIN:$PATH" DATA="$here/data" TOP="$here/.." LC_ALL=C.UTF-8 \
			sh -c "$(cat "$d/cmd")" < "$d/in" > "$d/got.out" 2> "$d/got.err"
		 echo $? > "$d/got.status")
		ok=1
		why=""
		if ! cmp -s "$d/out" "$d/got.out"; then ok=0; why="$why stdout"; fi
		if ! cmp -s "$d/err" "$d/got.err"; then ok=0; why="$why stderr"; fi
		if [ "$(cat "$d/status")" != "$(cat "$d/got.status")" ]; then
			ok=0; why="$why status($(cat "$d/got.status"), expected $(cat "$d/status"))"
		fi
		if [ $ok = 1 ]; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL $name (${t##*/}:$(cat "$d/line")):$why"
			echo "  \$ $(cat "$d/cmd")"
			for s in out err; do
				cmp -s "$d/$s" "$d/got.$s" ||
					diff -u "$d/$s" "$d/got.$s" | sed -n '3,40s/^/  /p'
			done
		fi
	done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
