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

### every English page has its Chinese page, section for section: this mapping of the headings (.SH, .SS) changes with any section added to one page and not the other
$ cd "$TOP"; for p in $(ls src/*.ggo | sed "s|src/||; s|ggo$|1|") govstat-weekly.1 govstat.7 govstat-indicators.7; do grep "^\.S[HS]" "man/$p" | sed "s/\"//g; s/\\\\-/-/g" > /tmp/e.$$; grep "^\.S[HS]" "man/zh_CN/$p" | sed "s/\"//g" > /tmp/z.$$; paste /tmp/e.$$ /tmp/z.$$ | sed "s/\t/ = /; s|^|$p: |"; done; rm -f /tmp/e.$$ /tmp/z.$$
>>>
ingest.1: .SH NAME = .SH 名称
ingest.1: .SH SYNOPSIS = .SH 摘要
ingest.1: .SH DESCRIPTION = .SH 描述
ingest.1: .SS Encodings = .SS 编码
ingest.1: .SS Excel workbooks = .SS Excel 工作簿
ingest.1: .SS Lines and rows = .SS 行尾与各行
ingest.1: .SS Headers = .SS 表头
ingest.1: .SS The map = .SS 映射文件
ingest.1: .SS Rejects and counts = .SS 拒收行与计数
ingest.1: .SS For Excel = .SS 供 Excel 打开
ingest.1: .SS Lineage = .SS 来源
ingest.1: .SH OPTIONS = .SH 选项
ingest.1: .SH EXIT STATUS = .SH 退出状态
ingest.1: .SH ENVIRONMENT = .SH 环境
ingest.1: .SH EXAMPLES = .SH 示例
ingest.1: .SH SEE ALSO = .SH 参见
rank.1: .SH NAME = .SH 名称
rank.1: .SH SYNOPSIS = .SH 摘要
rank.1: .SH DESCRIPTION = .SH 描述
rank.1: .SS Keys = .SS 排名键
rank.1: .SS Ties = .SS 并列
rank.1: .SS Groups = .SS 分组
rank.1: .SS Weighted scores = .SS 加权分数
rank.1: .SS Scoring by points and deductions = .SS 按分值和扣分计分
rank.1: .SS The veto = .SS 一票否决
rank.1: .SS Rows not ranked = .SS 不参加排名的行
rank.1: .SS Top N = .SS 前 N 名
rank.1: .SS For Excel = .SS 供 Excel 打开
rank.1: .SH OPTIONS = .SH 选项
rank.1: .SH EXIT STATUS = .SH 退出状态
rank.1: .SH ENVIRONMENT = .SH 环境
rank.1: .SH EXAMPLES = .SH 示例
rank.1: .SH SEE ALSO = .SH 参见
report.1: .SH NAME = .SH 名称
report.1: .SH SYNOPSIS = .SH 摘要
report.1: .SH DESCRIPTION = .SH 描述
report.1: .SS Formats = .SS 格式
report.1: .SS Columns and numbers = .SS 列与数字
report.1: .SS Rows = .SS 显示哪些行
report.1: .SS Units down, periods across = .SS 单位竖排，期别横排
report.1: .SS The catalogue = .SS 指标目录
report.1: .SS Targets = .SS 目标
report.1: .SS Comparing periods = .SS 与上期比较
report.1: .SS Provenance = .SS 数据来源
report.1: .SS The audit trail = .SS 审计记录
report.1: .SH OPTIONS = .SH 选项
report.1: .SH EXIT STATUS = .SH 退出状态
report.1: .SH ENVIRONMENT = .SH 环境
report.1: .SH EXAMPLES = .SH 示例
report.1: .SH SEE ALSO = .SH 参见
tally.1: .SH NAME = .SH 名称
tally.1: .SH SYNOPSIS = .SH 摘要
tally.1: .SH DESCRIPTION = .SH 描述
tally.1: .SS Aggregates = .SS 汇总项
tally.1: .SS Exact arithmetic and rounding = .SS 精确运算与四舍五入
tally.1: .SS Expressions = .SS 表达式
tally.1: .SS Periods = .SS 期别
tally.1: .SS Rollups = .SS 小计
tally.1: .SS The universe = .SS 总体
tally.1: .SS Output order = .SS 输出顺序
tally.1: .SS For Excel = .SS 供 Excel 打开
tally.1: .SS Threads = .SS 多线程
tally.1: .SS Scale beyond one machine = .SS 超出一台机器的规模
tally.1: .SS Splits without the header = .SS 没有表头的分片
tally.1: .SS Several ledgers, one table = .SS 多种台账，一张表
tally.1: .SS The unit register as universe = .SS 以单位名册为总体
tally.1: .SS The indicator catalogue = .SS 指标目录
tally.1: .SS Counts = .SS 计数
tally.1: .SH OPTIONS = .SH 选项
tally.1: .SH EXIT STATUS = .SH 退出状态
tally.1: .SH ENVIRONMENT = .SH 环境
tally.1: .SH EXAMPLES = .SH 示例
tally.1: .SH SEE ALSO = .SH 参见
validate.1: .SH NAME = .SH 名称
validate.1: .SH SYNOPSIS = .SH 摘要
validate.1: .SH DESCRIPTION = .SH 描述
validate.1: .SS The schema = .SS 所支持的 schema
validate.1: .SS Errors = .SS 错误
validate.1: .SS For Excel = .SS 供 Excel 打开
validate.1: .SS Lineage columns = .SS 来源列
validate.1: .SS Foreign keys and the unit register = .SS 外键与单位名册
validate.1: .SS The report = .SS 报告
validate.1: .SS Inferring a schema = .SS 推断 schema
validate.1: .SS The shipped schemas = .SS 随附的 schema
validate.1: .SH OPTIONS = .SH 选项
validate.1: .SH EXIT STATUS = .SH 退出状态
validate.1: .SH ENVIRONMENT = .SH 环境
validate.1: .SH EXAMPLES = .SH 示例
validate.1: .SH SEE ALSO = .SH 参见
govstat-weekly.1: .SH NAME = .SH 名称
govstat-weekly.1: .SH SYNOPSIS = .SH 摘要
govstat-weekly.1: .SH DESCRIPTION = .SH 描述
govstat-weekly.1: .SS The fields each file needs = .SS 各文件需要的字段
govstat-weekly.1: .SS Where it finds things = .SS 在哪里查找
govstat-weekly.1: .SH OPTIONS = .SH 选项
govstat-weekly.1: .SH EXIT STATUS = .SH 退出状态
govstat-weekly.1: .SH EXAMPLES = .SH 示例
govstat-weekly.1: .SH SEE ALSO = .SH 参见
govstat.7: .SH NAME = .SH 名称
govstat.7: .SH DESCRIPTION = .SH 描述
govstat.7: .SH RECORDS = .SH 记录
govstat.7: .SH OUTPUT = .SH 输出
govstat.7: .SH NUMBERS = .SH 数字
govstat.7: .SH TEXT = .SH 文本
govstat.7: .SH DIAGNOSTICS = .SH 诊断信息
govstat.7: .SH PROGRESS = .SH 进度
govstat.7: .SH REJECTS = .SH 拒收行
govstat.7: .SH AUDIT TRAIL = .SH 审计记录
govstat.7: .SH EXIT STATUS = .SH 退出状态
govstat.7: .SH SEE ALSO = .SH 参见
govstat-indicators.7: .SH NAME = .SH 名称
govstat-indicators.7: .SH DESCRIPTION = .SH 描述
govstat-indicators.7: .SH FORMAT = .SH 格式
govstat-indicators.7: .SH INDICATORS = .SH 指标
govstat-indicators.7: .SH THE NEGATIVE LIST = .SH 负面清单
govstat-indicators.7: .SH FIVE UP, TWO DOWN = .SH 五升两降
govstat-indicators.7: .SH ZERO-INCIDENT VILLAGES = .SH 无发案村（社区）
govstat-indicators.7: .SH SEE ALSO = .SH 参见

### every section of a Chinese page says what its English section says, not a summary: it keeps each option, number and name_with_underscores of it, every line of its examples, and as many items (.TP); the options come from the translated --help and are checked above
$ cd "$TOP"; for p in $(ls src/*.ggo | sed "s|src/||; s|ggo$|1|") govstat-weekly.1 govstat.7 govstat-indicators.7; do awk 'function put(t) { if (f == 1) e[s, t] = 1; else z[s, t] = 1 } FNR == 1 { f++; s = 0; gen = 0; nf = 0 } /generated by help2man/ { gen = 1 } /^\.S[HS]/ { s++; tp = 0; if (f == 1) h[s] = $0; skip = gen && /^\.SH (OPTIONS|选项)/; next } skip { next } /^\.nf/ { nf = 1; next } /^\.fi/ { nf = 0; next } nf { if (!/^\.R[SE]/) put("example line: " $0); next } /^\.TP/ { put("item " ++tp); next } /^\.\\"/ { next } { l = $0; gsub(/\\-/, "-", l); gsub(/\\f[BIRP]|\\:|\\&/, "", l); gsub(/\\\(dq/, "\"", l); while (match(l, /--?[a-zA-Z][a-zA-Z0-9-]*|[0-9]+([.][0-9]+)?|[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*/)) { t = substr(l, RSTART, RLENGTH); l = substr(l, RSTART + RLENGTH); if (t !~ /^--/ && t ~ /^-[a-zA-Z]./) continue; put(t) } } END { for (k in e) if (!(k in z)) { split(k, q, SUBSEP); print h[q[1]] ": " q[2] } }' "man/$p" "man/zh_CN/$p" | sort | sed "s|^|man/zh_CN/$p: not in its section: |"; done; echo checked
>>>
checked

### every Chinese man page renders whole as man(1) shows it, breaking lines between Chinese characters (the page loads zh.tmac itself): no roff or tbl warning
$ cd "$TOP"; for f in man/zh_CN/*.1 man/zh_CN/*.7; do groff -t -k -man -ww -z -Tutf8 "$f" 2>&1 | sed "s|^|$f: |"; MANWIDTH=80 man -l "$f" 2>&1 > /dev/null | sed "s|^|$f: man: |"; done; echo checked
>>>
checked

### every Chinese man page renders to its last section
$ cd "$TOP"; for f in man/zh_CN/*.1 man/zh_CN/*.7; do last=$(grep '^\.SH' "$f" | tail -1 | sed 's/^\.SH *//; s/"//g'); MANWIDTH=80 man -l "$f" 2>/dev/null | grep -q "^$last" || echo "$f: no $last when rendered"; done; echo checked
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
