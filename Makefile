# govstat: Unix filters for county governance statistics.
#
#   make            build every tool into bin/ (and its man page into man/)
#   make check      every test; SANITIZE=1 builds with ASan+UBSan first
#   make demo       the pipeline on the bundled sample county
#   make bench      speed and memory against mlr and datamash (slow)
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

CPPFLAGS += -Ilib -I$(BUILD)/gen -DGS_VERSION='"$(VERSION)"' -D_DEFAULT_SOURCE
WARN     = -std=c11 -Wall -Wextra
LDLIBS   = -lcsv -lcjson -lm

TOOLS   = $(patsubst src/%.ggo,%,$(wildcard src/*.ggo))
PROGS   = $(TOOLS:%=$(BIN)/%)
MANS    = $(TOOLS:%=man/%.1)
LIBSRC  = $(wildcard lib/*.c)
LIBOBJ  = $(LIBSRC:lib/%.c=$(BUILD)/lib/%.o)
LIBA    = $(BUILD)/libgovstat.a
UNIT    = $(BUILD)/tests/unit

# Debian packages: to build, and to run the tests.
DEB_BUILD = gcc make libc6-dev libcsv-dev libcjson-dev gengetopt help2man
DEB_CHECK = $(DEB_BUILD) diffutils gawk parallel tidy chromium
DEB_BENCH = miller datamash csvkit time

.PHONY: all deps deps-check deps-bench check demo bench install clean man
.SECONDARY:

all: deps $(PROGS) $(if $(SANITIZE),,$(MANS))

deps:
	@sh tests/deps.sh $(DEB_BUILD)
deps-check:
	@sh tests/deps.sh $(DEB_CHECK)
deps-bench:
	@sh tests/deps.sh $(DEB_BENCH)

$(BUILD)/gen/%_cmd.c $(BUILD)/gen/%_cmd.h: src/%.ggo
	@mkdir -p $(BUILD)/gen
	gengetopt -i $< --output-dir=$(BUILD)/gen -F $*_cmd --set-version=$(VERSION)

$(BUILD)/gen/%_cmd.o: $(BUILD)/gen/%_cmd.c
	$(CC) $(CPPFLAGS) $(CFLAGS) $(SAN) -std=c11 -w -c -o $@ $<

$(BUILD)/lib/%.o: lib/%.c lib/*.h
	@mkdir -p $(BUILD)/lib
	$(CC) $(CPPFLAGS) $(CFLAGS) $(SAN) $(WARN) -c -o $@ $<

$(LIBA): $(LIBOBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/src/%.o: src/%.c $(BUILD)/gen/%_cmd.h lib/*.h
	@mkdir -p $(BUILD)/src
	$(CC) $(CPPFLAGS) $(CFLAGS) $(SAN) $(WARN) -c -o $@ $<

$(BIN)/%: $(BUILD)/src/%.o $(BUILD)/gen/%_cmd.o $(LIBA)
	@mkdir -p $(BIN)
	$(CC) $(CFLAGS) $(SAN) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Man pages come from --help plus the prose in man/TOOL.h2m, so they
# cannot drift from the options.
man/%.1: bin/% man/%.h2m
	help2man -N -L C.UTF-8 -s 1 -S govstat -i man/$*.h2m -o $@ bin/$*

$(UNIT): tests/unit.c $(LIBA)
	@mkdir -p $(BUILD)/tests
	$(CC) $(CPPFLAGS) $(CFLAGS) $(SAN) $(WARN) -o $@ $< $(LIBA) $(LDLIBS)

check: deps-check all $(UNIT)
	BIN=$(abspath $(BIN)) UNIT=$(abspath $(UNIT)) sh tests/run.sh

demo: all
	sh share/govstat/demo.sh $(abspath $(BIN)) out/demo

bench: all deps-bench
	sh tests/bench.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/man/man7 $(DESTDIR)$(PREFIX)/share/govstat
	install -m 755 $(PROGS) $(DESTDIR)$(PREFIX)/bin
	install -m 644 $(MANS) $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 man/*.7 $(DESTDIR)$(PREFIX)/share/man/man7
	install -m 644 man/govstat-weekly.1 $(DESTDIR)$(PREFIX)/share/man/man1
	cp -R share/govstat/. $(DESTDIR)$(PREFIX)/share/govstat/
	install -m 755 share/govstat/weekly.sh $(DESTDIR)$(PREFIX)/bin/govstat-weekly

clean:
	rm -rf build bin/* out $(MANS)
