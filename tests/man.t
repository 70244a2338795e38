# Man pages: every tool has one, and it lists every option --help lists
# (both come from src/TOOL.ggo; this catches a page left unregenerated).

### every tool with a .ggo has a man page and --help and --version
$ cd "$TOP"; for g in src/*.ggo; do t=$(basename "$g" .ggo); [ -s "man/$t.1" ] || echo "no man/$t.1"; "$t" --help | grep -q "^Usage: $t " || echo "$t: bad --help"; "$t" --version | grep -q "^$t (govstat) " || echo "$t: bad --version"; done; echo checked

>>>
checked

### the man page lists every option of --help
$ cd "$TOP"; for g in src/*.ggo; do t=$(basename "$g" .ggo); "$t" --help | grep -o -- '--[a-z][a-z-]*' | sort -u > /tmp/h.$$; sed 's/\\-/-/g' "man/$t.1" | grep -o -- '--[a-z][a-z-]*' | sort -u > /tmp/m.$$; comm -23 /tmp/h.$$ /tmp/m.$$ | sed "s/^/$t: not in the man page: /"; rm -f /tmp/h.$$ /tmp/m.$$; done; echo checked
>>>
checked

### the man page has the sections users look for
$ cd "$TOP"; for g in src/*.ggo; do t=$(basename "$g" .ggo); for s in NAME SYNOPSIS DESCRIPTION OPTIONS '"EXIT STATUS"' EXAMPLES; do grep -q "^\.SH $s" "man/$t.1" || echo "$t: no $s"; done; done; echo checked
>>>
checked

### every man page renders whole: no roff warning (a line starting with '.' that is not a request loses its text)
$ cd "$TOP"; for f in man/*.1 man/*.7; do groff -k -man -ww -z -Tutf8 "$f" 2>&1 | sed "s|^|$f: |"; done; echo checked
>>>
checked

### every man page renders to its last section (SEE ALSO, or the last .SH of its source)
$ cd "$TOP"; for f in man/*.1 man/*.7; do last=$(grep '^\.SH' "$f" | tail -1 | sed 's/^\.SH *//; s/"//g'); MANWIDTH=80 man -l "$f" 2>/dev/null | grep -q "^$last" || echo "$f: no $last when rendered"; done; echo checked
>>>
checked
