# govstat: Unix filters for county governance statistics.
#
#   make            build every tool into bin/ (and its man page into man/)
#   make check      every test; SANITIZE=1 builds with ASan+UBSan first,
#                   VALGRIND=1 runs every tool under valgrind
#   make fuzz       libFuzzer targets, FUZZ_SECONDS each (fuzz-regressions:
#                   the crashes found so far, as cases)
#   make demo       the pipeline on the bundled sample county
#   make bench      speed and memory against mlr, datamash, DuckDB, Polars (slow)
#   make install    PREFIX=/usr/local DESTDIR=
#
# `make deps` (run by all of the above) installs missing Debian packages
# when run as root, else prints the command to run.

VERSION  = 0.1.0
PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
CFLAGS  ?= -O2 -g
# Reproducible man pages: help2man dates them from this.
SOURCE_DATE_EPOCH ?= 1795564800
export SOURCE_DATE_EPOCH

ifeq ($(SANITIZE),1)
BUILD   = build/san
BIN     = $(BUILD)/bin
SAN     = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
else
BUILD   = build/release
BIN     = bin
SAN     =
endif

CPPFLAGS += -Ilib -I$(BUILD)/gen -DGS_VERSION='"$(VERSION)"' -D_DEFAULT_SOURCE \
            -DGS_LOCALEDIR='"$(PREFIX)/share/locale"'
WARN     = -std=c11 -Wall -Wextra
LDLIBS   = -lcsv -lcjson -lzip -lexpat -lpcre2-8 -lxlsxwriter -lunistring -lm

TOOLS   = $(patsubst src/%.ggo,%,$(wildcard src/*.ggo))
PROGS   = $(TOOLS:%=$(BIN)/%)
MANS    = $(TOOLS:%=man/%.1)
LIBSRC  = $(wildcard lib/*.c)
LIBOBJ  = $(LIBSRC:lib/%.c=$(BUILD)/lib/%.o)
LIBA    = $(BUILD)/libgovstat.a
UNIT    = $(BUILD)/tests/unit

# Translations (po/LANG.po, domain govstat): the messages are taken from
# the sources by the keywords of diag.h and i18n.h, the --help texts from
# the parsers gengetopt generated. The catalogues go to build/locale, where
# the tools of bin/ find them; the Chinese man pages are made from the
# translated --help and man/zh_CN/TOOL.h2m.
LINGUAS   = zh_CN
MOS       = $(LINGUAS:%=build/locale/%/LC_MESSAGES/govstat.mo)
POT_KEYS  = --keyword=_ --keyword=N_ --keyword=C_:1c,2 --flag=C_:2:c-format --keyword=gs_msg:3 --keyword=gs_die:4 \
            --keyword=gs_usage_error:1 --keyword=gs_vmsg:3 --keyword=err:2 \
            --keyword=file_failed:3 --keyword=json_bad:2 --keyword=bad:2 \
            --keyword=gs_reason_printf:2 --keyword=gs_reason_nprintf:3,4 --keyword=gs_reason_prefix:2 \
            --keyword=gs_reason_say:2 --keyword=input_fail:2 --keyword=xml_stop:2 --keyword=set_err:2 --keyword=FAIL:1 \
            --flag=gs_msg:3:c-format --flag=gs_die:4:c-format --flag=gs_usage_error:1:c-format \
            --flag=err:2:c-format --flag=file_failed:3:c-format --flag=json_bad:2:c-format \
            --flag=bad:2:c-format --flag=gs_reason_printf:2:c-format --flag=gs_reason_nprintf:3:c-format \
            --flag=gs_reason_nprintf:4:c-format --flag=gs_reason_prefix:2:c-format \
            --flag=input_fail:2:c-format --flag=xml_stop:2:c-format --flag=set_err:2:c-format \
            --flag=FAIL:1:c-format
# the template names no address for reports on the English texts
POT_BUGS  = " "
GENHELP   = $(TOOLS:%=build/po/%_help.c)
ZH_MANS   = $(TOOLS:%=man/zh_CN/%.1)

# Debian packages: to build, and to run the tests.
DEB_BUILD = gcc make libc6-dev libcsv-dev libcjson-dev libzip-dev libexpat1-dev \
            libpcre2-dev libxlsxwriter-dev libunistring-dev gengetopt help2man \
            gettext gettext-base locales
DEB_CHECK = $(DEB_BUILD) diffutils gawk parallel tidy chromium time python3 groff-base man-db \
            python3-openpyxl poppler-utils fonts-noto-cjk fontconfig \
            openssh-server openssh-client python3-xlwt python3-xlrd python3-xlsxwriter strace \
            libc-l10n
DEB_BENCH = miller datamash csvkit python3-openpyxl time


.PHONY: deps-valgrind deps-fuzz
.PHONY: all deps deps-check deps-bench check demo bench install clean man fuzz fuzz-build fuzz-regressions
.SECONDARY:

all: deps $(PROGS) bin/govstat-weekly $(MOS) $(if $(SANITIZE),,$(MANS) $(ZH_MANS))

deps:
	@sh build-aux/deps.sh $(DEB_BUILD)
deps-check: deps
	@sh build-aux/deps.sh $(DEB_CHECK)
deps-bench: deps
	@sh build-aux/deps.sh $(DEB_BENCH)

# A tool's options: its own (src/TOOL.ggo), then the shared ones of
# src/common/options.ggo, the group "all" and the groups its "#common"
# line names. src/common/gengetopt.sed adjusts the generated parser (why:
# see there); the greps check that it did, so that another gengetopt
# fails the build, not the tools.
common_groups = $(shell sed -n 's/^\#common //p' src/$(1).ggo)

$(BUILD)/gen/%.ggo: src/%.ggo src/common/options.ggo | deps
	@mkdir -p $(BUILD)/gen
	awk -v want=" all $(call common_groups,$*) " \
		'FNR == 1 { f++ } f == 1 { print; next } /^#group / { on = index(want, " " $$2 " ") > 0; next } on' \
		src/$*.ggo src/common/options.ggo > $@

$(BUILD)/gen/%_cmd.c $(BUILD)/gen/%_cmd.h: $(BUILD)/gen/%.ggo src/common/gengetopt.sed
	@gengetopt --version | head -1 | grep -q ' 2\.23' || { echo 'src/common/gengetopt.sed patches the parser gengetopt 2.23 writes: check it against this gengetopt' >&2; exit 1; }
	gengetopt -i $< --output-dir=$(BUILD)/gen -F $*_cmd --set-version=$(VERSION)
	sed -i -f src/common/gengetopt.sed $(BUILD)/gen/$*_cmd.c
	grep -q 'gs_cli_bad_value' $(BUILD)/gen/$*_cmd.c
	! grep -q 'invalid numeric value: %s.n", package_name, val' $(BUILD)/gen/$*_cmd.c
	! grep -q 'multi_token = get_multiple_arg_token\|multi_next = get_multiple_arg_token' $(BUILD)/gen/$*_cmd.c

$(BUILD)/gen/%_cmd.o: $(BUILD)/gen/%_cmd.c lib/cli.h
	$(CC) $(CPPFLAGS) $(CFLAGS) $(SAN) -std=c11 -w -include cli.h -c -o $@ $<

$(BUILD)/lib/%.o: lib/%.c lib/*.h | deps
	@mkdir -p $(BUILD)/lib
	$(CC) $(CPPFLAGS) $(CFLAGS) $(SAN) $(WARN) -c -o $@ $<

$(LIBA): $(LIBOBJ)
	rm -f $@
	ar rcs $@ $^

# GS_COMMON_<GROUP>: which shared options the tool's parser has (lib/cli.h)
$(BUILD)/src/%.o: src/%.c $(BUILD)/gen/%_cmd.h lib/*.h
	@mkdir -p $(BUILD)/src
	$(CC) $(CPPFLAGS) $(CFLAGS) $(SAN) $(WARN) $(foreach g,$(call common_groups,$*),-DGS_COMMON_$(shell echo $(g) | tr a-z A-Z)) -c -o $@ $<

$(BIN)/%: $(BUILD)/src/%.o $(BUILD)/gen/%_cmd.o $(LIBA)
	@mkdir -p $(BIN)
	$(CC) $(CFLAGS) $(SAN) $(LDFLAGS) -o $@ $^ $(LDLIBS)


# The texts gs_print_help translates: purpose, usage, description and
# the help lines of each generated parser, and its messages on stderr.
build/po/%_help.c: $(BUILD)/gen/%_cmd.c
	@mkdir -p build/po
	awk '/^const char \*gengetopt_args_info_(purpose|usage|description) = /; \
	     /^const char \*gengetopt_args_info_help\[\] = \{/ { h = 1 } h; h && /^};/ { h = 0 } \
	     /fprintf *\(stderr, *"/ && match($$0, /"([^"\\]|\\.)*"/) { print "const char *m = " substr($$0, RSTART, RLENGTH) ";" }' $< > $@

# The weekly job as the command the man page and README name, laid out
# as make install lays it out (PREFIX/bin/govstat-weekly beside the tools,
# the pack in ../share/govstat): from bin/ it finds the source tree's
# pack, catalogue and translations, and the tools beside it.
bin/govstat-weekly: share/govstat/weekly.sh
	@mkdir -p bin
	install -m 755 $< $@

# the parsers' own messages, translated (lib/i18n_gen.h)
$(BUILD)/gen/%_cmd.o: CPPFLAGS += -include lib/i18n_gen.h
$(TOOLS:%=$(BUILD)/gen/%_cmd.o): lib/i18n_gen.h lib/i18n.h

# the county pack's scripts: their printf formats from gettext carry a
# "# xgettext: c-format" line (xgettext's --flag does nothing for Shell)
SH_MSGS   = share/govstat/weekly.sh share/govstat/demo.sh share/govstat/i18n.sh

build/po/govstat.pot: $(LIBSRC) $(wildcard src/*.c) $(GENHELP) $(SH_MSGS)
	xgettext --from-code=UTF-8 -c -s --no-wrap --package-name=govstat --package-version=$(VERSION) \
		--msgid-bugs-address=$(POT_BUGS) -L C $(POT_KEYS) -o $@.tmp $(LIBSRC) $(wildcard src/*.c)
	xgettext --from-code=UTF-8 -s --no-wrap --msgid-bugs-address=$(POT_BUGS) -L C -a --join-existing -o $@.tmp $(GENHELP)
	xgettext --from-code=UTF-8 -s --no-wrap --msgid-bugs-address=$(POT_BUGS) -L Shell --join-existing --keyword=eval_gettext \
		--keyword=gettext --keyword=say -o $@.tmp $(SH_MSGS)
	sed -i '/^"POT-Creation-Date:/d' $@.tmp
	mv $@.tmp $@

build/locale/%/LC_MESSAGES/govstat.mo: po/%.po | deps
	@mkdir -p $(@D)
	msgfmt -c -o $@ $<

.PHONY: po-update
# After a change of messages: bring the translations up to date (the new
# and changed ones come out untranslated or fuzzy, and i18n.t fails until
# they are done).
po-update: build/po/govstat.pot
	for l in $(LINGUAS); do msgmerge -q -s --no-wrap -U po/$$l.po build/po/govstat.pot; done

# The Chinese pages: the translated --help (a zh_CN.UTF-8 locale that the
# build makes in build/locales when the system has none) and the prose of
# man/zh_CN/TOOL.h2m. The tests run in the locales of build/locales
# (LOCPATH): zh_CN, en_US, and de_DE for its decimal comma.
ZH_LOCPATH = $(if $(shell LC_ALL=zh_CN.UTF-8 locale charmap 2>/dev/null | grep -x UTF-8),,$(abspath build/locales))
build/locales/zh_CN.UTF-8/LC_CTYPE: | deps
	@mkdir -p build/locales
	localedef -i zh_CN -f UTF-8 build/locales/zh_CN.UTF-8 || [ -f $@ ]
	localedef -i en_US -f UTF-8 build/locales/en_US.UTF-8 || [ -f build/locales/en_US.UTF-8/LC_CTYPE ]
	localedef -i de_DE -f UTF-8 build/locales/de_DE.UTF-8 || [ -f build/locales/de_DE.UTF-8/LC_CTYPE ]

man/zh_CN/%.1: bin/% man/zh_CN/%.h2m $(MOS) build/locales/zh_CN.UTF-8/LC_CTYPE
	$(if $(ZH_LOCPATH),LOCPATH=$(ZH_LOCPATH)) help2man -N -L zh_CN.UTF-8 -s 1 -S govstat \
		-i man/zh_CN/$*.h2m -o $@ bin/$*

# Man pages come from --help plus the prose in man/TOOL.h2m, so they
# cannot drift from the options.
man/%.1: bin/% man/%.h2m
	help2man -N -L C.UTF-8 -s 1 -S govstat -i man/$*.h2m -o $@ bin/$*

$(UNIT): tests/unit.c $(LIBA)
	@mkdir -p $(BUILD)/tests
	$(CC) $(CPPFLAGS) $(CFLAGS) $(SAN) $(WARN) -o $@ $< $(LIBA) $(LDLIBS)

ifeq ($(VALGRIND),1)
# Every tool run under valgrind: a memory error or a definite leak changes
# the exit status (99) and prints the report, which fails the case. What
# is only possibly lost is not shown: the stacks glibc keeps for reuse after
# tally's threads end read so when a signal (SIGPIPE) ends the tool. The
# heavy cases (hundreds of megabytes, memory bounds) are left to the native
# run.
VG_BIN   = $(BUILD)/valgrind-bin
VG       = valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite
CHECK_T  = $(filter-out tests/heavy.t,$(wildcard tests/*.t))
check: deps-check deps-valgrind all $(UNIT)
	@mkdir -p $(VG_BIN)
	@for t in $(TOOLS); do \
		printf '#!/bin/sh\nexec $(VG) "%s" "$$@"\n' "$(abspath $(BIN))/$$t" > $(VG_BIN)/$$t; \
		chmod +x $(VG_BIN)/$$t; \
	done
	@printf '#!/bin/sh\nexec $(VG) "%s" "$$@"\n' "$(abspath $(UNIT))" > $(VG_BIN)/unit; chmod +x $(VG_BIN)/unit
	BIN=$(abspath $(VG_BIN)) UNIT=$(abspath $(VG_BIN))/unit sh tests/run.sh $(CHECK_T)
else
# heavy.t measures memory and time: it runs natively, not under the
# sanitizers, whose allocator adds its own megabytes
CHECK_T  = $(if $(SANITIZE),$(filter-out tests/heavy.t,$(wildcard tests/*.t)))
check: deps-check all $(UNIT)
	BIN=$(abspath $(BIN)) UNIT=$(abspath $(UNIT)) sh tests/run.sh $(CHECK_T)
endif

check: build/locales/zh_CN.UTF-8/LC_CTYPE

deps-valgrind: deps-check
	@sh build-aux/deps.sh valgrind
deps-fuzz: deps
	@sh build-aux/deps.sh clang libclang-rt-14-dev zlib1g-dev

demo: all
	sh share/govstat/demo.sh $(abspath $(BIN)) out/demo

bench: all deps-bench
	sh tests/bench.sh

# The pack goes to share/govstat whole, i18n.sh with it: the installed
# govstat-weekly (bin/) and share/govstat/demo.sh source it from there.
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/man/man7 $(DESTDIR)$(PREFIX)/share/govstat
	install -m 755 $(PROGS) $(DESTDIR)$(PREFIX)/bin
	install -m 644 $(MANS) $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 man/*.7 $(DESTDIR)$(PREFIX)/share/man/man7
	install -m 644 man/govstat-weekly.1 $(DESTDIR)$(PREFIX)/share/man/man1
	cp -R share/govstat/. $(DESTDIR)$(PREFIX)/share/govstat/
	install -m 755 share/govstat/weekly.sh $(DESTDIR)$(PREFIX)/bin/govstat-weekly
	for l in $(LINGUAS); do \
		install -d $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES; \
		install -m 644 build/locale/$$l/LC_MESSAGES/govstat.mo $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES; \
	done
	install -d $(DESTDIR)$(PREFIX)/share/man/zh_CN/man1 $(DESTDIR)$(PREFIX)/share/man/zh_CN/man7
	install -m 644 $(ZH_MANS) man/zh_CN/govstat-weekly.1 $(DESTDIR)$(PREFIX)/share/man/zh_CN/man1
	install -m 644 man/zh_CN/*.7 $(DESTDIR)$(PREFIX)/share/man/zh_CN/man7

clean:
	rm -rf build bin/* out $(MANS) $(ZH_MANS)

# Fuzzing with libFuzzer (clang). FUZZ_SECONDS per target; the corpus
# grows in out/fuzz/, seeded from tests/fuzz/TARGET/; crashes are saved
# there as crash-* files and belong in the test suite once fixed.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = records decode csv_diff expr schema map values xlsx xls
FUZZ_CC = clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
FUZZ_LIBOBJ = $(LIBSRC:lib/%.c=build/fuzz/lib/%.o)

build/fuzz/lib/%.o: lib/%.c lib/*.h
	@mkdir -p build/fuzz/lib
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -std=c11 -w -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/common.h $(FUZZ_LIBOBJ)
	$(FUZZ_CC) $(CPPFLAGS) -Itests/fuzz $(FUZZ_FLAGS) -fsanitize=fuzzer -std=c11 -w -o $@ $< $(FUZZ_LIBOBJ) $(LDLIBS) -lz

fuzz-build: deps deps-fuzz $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p out/fuzz/$$t; \
		echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
		build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=2048 \
			-artifact_prefix=out/fuzz/$$t/ -print_final_stats=1 out/fuzz/$$t tests/fuzz/$$t \
			> out/fuzz/$$t.log 2>&1; s=$$?; \
		grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY)|ERROR' out/fuzz/$$t.log; \
		[ $$s -eq 0 ] || { echo "fuzz_$$t failed: see out/fuzz/$$t.log and out/fuzz/$$t/crash-*"; exit 1; }; \
	done

# Every crash found, once fixed, stays a regression case: run them all.
fuzz-regressions: fuzz-build
	@mkdir -p out
	@for f in tests/fuzz/regressions/*; do \
		t=$$(basename $$f | cut -d- -f1); \
		build/fuzz/fuzz_$$t $$f > out/fuzz-regression.log 2>&1 || { echo "FAIL $$f"; exit 1; }; \
		grep -q 'runtime error' out/fuzz-regression.log && { echo "FAIL $$f"; exit 1; }; \
	done; echo "fuzz regressions: all pass"
