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
