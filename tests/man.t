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

### every tool has a Chinese man page, made from the Chinese --help: the sections in Chinese, every option of --help in it
$ cd "$TOP"; for g in src/*.ggo; do t=$(basename "$g" .ggo); f=man/zh_CN/$t.1; [ -s "$f" ] || echo "no $f"; for s in 名称 摘要 描述 选项 退出状态 示例 参见; do grep -q "^\.SH $s" "$f" || echo "$f: no $s"; done; grep -q '^\.SH [A-Z]' "$f" && echo "$f: an English section"; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 "$t" --help | grep -o -- '--[a-z][a-z-]*' | sort -u > /tmp/h.$$; sed 's/\\-/-/g' "$f" | grep -o -- '--[a-z][a-z-]*' | sort -u > /tmp/m.$$; comm -23 /tmp/h.$$ /tmp/m.$$ | sed "s|^|$f: not in the page: |"; grep -q '按这些字段\|选项' "$f" || echo "$f: no Chinese"; rm -f /tmp/h.$$ /tmp/m.$$; done; echo checked
>>>
checked

### the hand-written pages have their Chinese pages, with the same sections
$ cd "$TOP"; for f in govstat.7 govstat-indicators.7 govstat-weekly.1; do [ -s man/zh_CN/$f ] || echo "no man/zh_CN/$f"; e=$(grep -c '^\.SH' man/$f); z=$(grep -c '^\.SH' man/zh_CN/$f); echo "$f $([ "$z" -ge 5 ] && echo ok) $(grep -c '^\.SH [A-Z]' man/zh_CN/$f)"; done
>>>
govstat.7 ok 0
govstat-indicators.7 ok 0
govstat-weekly.1 ok 0

### every Chinese man page renders whole with the Chinese line breaking (-mzh): no roff or tbl warning
$ cd "$TOP"; for f in man/zh_CN/*.1 man/zh_CN/*.7; do groff -t -mzh -k -man -ww -z -Tutf8 "$f" 2>&1 | sed "s|^|$f: |"; done; echo checked
>>>
checked

### every Chinese man page renders to its last section
$ cd "$TOP"; for f in man/zh_CN/*.1 man/zh_CN/*.7; do last=$(grep '^\.SH' "$f" | tail -1 | sed 's/^\.SH *//; s/"//g'); groff -t -mzh -k -man -Tutf8 -rLL=80n "$f" 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g; s/.\x08//g' | grep -q "^$last" || echo "$f: no $last when rendered"; done; echo checked
>>>
checked

### make install puts the catalogue and the Chinese pages where gettext and man look, and the installed tools find the catalogue
$ cd "$TOP"; make -s install DESTDIR="$OLDPWD/root" PREFIX=/usr > /dev/null 2>&1; echo "status $?"; cd "$OLDPWD"; ls root/usr/share/locale/zh_CN/LC_MESSAGES root/usr/share/man/zh_CN/man1 root/usr/share/man/zh_CN/man7; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 root/usr/bin/tally --help | head -1; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 root/usr/bin/govstat-weekly --help | head -1
>>>
status 0
root/usr/share/locale/zh_CN/LC_MESSAGES:
govstat.mo

root/usr/share/man/zh_CN/man1:
govstat-weekly.1
ingest.1
rank.1
report.1
tally.1
validate.1

root/usr/share/man/zh_CN/man7:
govstat-indicators.7
govstat.7
用法: tally [选项]... [文件]...
用法：govstat-weekly DATA_DIR [AS_OF]
