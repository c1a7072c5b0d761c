# placecheck: see README.md.  `make` builds ./placecheck, `make test` runs
# every test under ASan+UBSan, `make run` builds the database if missing and
# checks a bundled sample, `make bench` measures (never part of `make test`),
# `make install` installs (PREFIX, DESTDIR), `make deb` builds a Debian
# package.

CC      ?= cc
PREFIX  ?= /usr/local
# Where the installed database lives; compiled into the program (db_locate).
DATADIR ?= $(PREFIX)/share/placecheck
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
# Where bash-completion and zsh look: zsh's own fpath has
# /usr/local/share/zsh/site-functions, and Debian's packages use
# vendor-completions under /usr.
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/$(if $(filter /usr,$(PREFIX)),vendor-completions,site-functions)
PKGS    := sqlite3 libutf8proc libarchive inih libcjson libmicrohttpd zlib
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libarchive: headers only; `load` opens it with dlopen (load_input.c says
# why), so it is not linked.  libcsv ships no .pc file on Debian.
PKG_LIBS   := $(shell pkg-config --libs $(filter-out libarchive,$(PKGS)) 2>/dev/null || echo -lsqlite3 -lutf8proc -linih -lcjson -lmicrohttpd -lz)
EDIT_CFLAGS := $(shell pkg-config --cflags libedit 2>/dev/null)
EDIT_LIBS   := $(shell pkg-config --libs libedit 2>/dev/null || echo -ledit)
LIBS    := $(PKG_LIBS) -lcsv $(EDIT_LIBS) -lpthread -lm

# The release binary links the static archives that Debian's -dev packages
# ship, when all of a group are there (libedit needs libbsd, libmd and
# libtinfo): the dynamic loader spent 3.1M cycles per start on these
# shared libraries against 0.8M, and `placecheck --version` went from
# 9.0 to 5.6 ms of CPU.  STATIC=0 links everything shared.
STATIC  ?= 1
have_ar  = $(filter /%,$(shell $(CC) -print-file-name=lib$(1).a))
ar_group = $(if $(and $(filter 1,$(STATIC)),$(foreach l,$(1),$(call have_ar,$(l)))),$(if $(strip $(foreach l,$(1),$(if $(call have_ar,$(l)),,x))),$(2),$(foreach l,$(1),-l:lib$(l).a)),$(2))
REL_LIBS := $(call ar_group,sqlite3,-lsqlite3) $(call ar_group,utf8proc,-lutf8proc) \
	$(call ar_group,inih,-linih) $(call ar_group,csv,-lcsv) -lcjson -lmicrohttpd $(call ar_group,z,-lz) \
	$(call ar_group,edit bsd md tinfo,$(EDIT_LIBS)) -lpthread -lm

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
BASEFLAGS := -std=c17 -D_GNU_SOURCE -Isrc $(WARN) $(PKG_CFLAGS) $(EDIT_CFLAGS) \
	-DPC_DATADIR='"$(DATADIR)"'
CFLAGS  ?= -O2 -g
SANFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

SRC      := $(sort $(wildcard src/*/*.c))
LIB_SRC  := $(filter-out src/cli/%,$(SRC))
CLI_SRC  := $(filter src/cli/%,$(SRC)) src/main.c
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))

# The release program and its objects; `make deb` builds a second one for
# /usr elsewhere (OBJDIR=build/deb/obj BIN=build/deb/placecheck).
OBJDIR   ?= build/rel
BIN      ?= placecheck
REL_OBJ  := $(patsubst %.c,$(OBJDIR)/%.o,$(LIB_SRC) $(CLI_SRC))
ASAN_LIB := $(patsubst %.c,build/asan/%.o,$(LIB_SRC))
ASAN_CLI := $(patsubst %.c,build/asan/%.o,$(CLI_SRC))
UNIT_BIN := $(patsubst tests/unit/%.c,build/asan/tests/%,$(UNIT_SRC))

GEODATA_IN := geodata/cities500.txt.gz geodata/admin1CodesASCII.txt \
	geodata/admin2Codes.txt.gz geodata/countryInfo.txt geodata/extra

.PHONY: all db run test unit cli-tests bench bench-serve bench-load-big bench-scale fit fit-halves eval eval-real eval-real-list fuzz fuzz-slow fault install uninstall deb clean asan lint valgrind FORCE

all: placecheck

$(BIN): $(REL_OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(REL_LIBS)

$(OBJDIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

build/asan/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(SANFLAGS) -MMD -MP -c -o $@ $<

# DATADIR is compiled into db.c: rebuild it when DATADIR changes, so that
# `make install PREFIX=/opt/x` after a plain `make` installs a program that
# finds its database.
$(OBJDIR)/datadir: FORCE
	@mkdir -p $(OBJDIR)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@
$(OBJDIR)/src/db/db.o: $(OBJDIR)/datadir

build/asan/placecheck: $(ASAN_LIB) $(ASAN_CLI)
	$(CC) $(SANFLAGS) -o $@ $^ $(LIBS)

build/asan/tests/%: tests/unit/%.c tests/unit/testhelp.h $(ASAN_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(SANFLAGS) -Itests/unit -o $@ $< $(ASAN_LIB) $(LIBS)

asan: build/asan/placecheck

geodata/places.db: placecheck $(wildcard geodata/*.txt geodata/*.gz geodata/*.tsv geodata/extra/*)
	./placecheck load --db $@ --geodata geodata

db: geodata/places.db

run: placecheck geodata/places.db
	./placecheck --db geodata/places.db check --format text tests/cases/sample-rally.md || true

# Every test, under ASan+UBSan.  The last line is "N passed, N failed".
test: build/asan/placecheck $(UNIT_BIN) placecheck geodata/places.db
	@sh scripts/run-tests.sh

# The release binary's main paths under valgrind: no error, no leak.
valgrind: placecheck geodata/places.db
	sh scripts/valgrind.sh

bench: placecheck geodata/places.db
	sh scripts/bench.sh
	sh scripts/bench_serve.sh
	sh scripts/bench_scale.sh

# Check cost by input size, 1 to 32 MB (its section of BENCHMARKS.md).
bench-scale: placecheck geodata/places.db
	sh scripts/bench_scale.sh

# The load test of `placecheck serve` alone (its section of BENCHMARKS.md).
bench-serve: placecheck geodata/places.db
	sh scripts/bench_serve.sh

# Load a synthetic 12-million-row allCountries-shaped file at 1/8, 1/4,
# 1/2 and all of it (its section of BENCHMARKS.md): several minutes and
# about 4 GB of scratch disk, so not part of `make bench`.  ROWS=N for
# another size.
bench-load-big: placecheck
	sh scripts/bench_load_big.sh $(ROWS)

eval: placecheck geodata/places.db
	sh scripts/eval.sh

# While developing: the real-text headline figures only (BBC false alarms,
# plausible-swap recall, GeoVirus tagging, incidents; dev and held-aside),
# and the same with every BBC false alarm and missed plausible swap listed.
eval-real: placecheck geodata/places.db
	python3 scripts/eval_real.py --quick

eval-real-list: placecheck geodata/places.db
	python3 scripts/eval_real.py --quick --list

fuzz:
	sh scripts/fuzz.sh

# Long fuzzing with inputs up to 64 MiB, so that the size ceilings are
# reached (FUZZ_SECONDS per target, default 300).  Never part of make test.
fuzz-slow:
	sh scripts/fuzz.sh --slow

# Every fault test, the slow ones too (kill -9 at 20+ points, 1 GB input,
# 20,000 mentions); the quick ones also run in `make test`.
fault: placecheck geodata/places.db
	sh tests/fault/run.sh

# The program, the database, the man page and the bash and zsh completions.
# DESTDIR stages the files elsewhere (packaging); the program still looks
# for its database in DATADIR.
install: $(BIN) geodata/places.db
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/placecheck
	install -m 644 geodata/places.db $(DESTDIR)$(DATADIR)/places.db
	install -m 644 placecheck.1 $(DESTDIR)$(MANDIR)/man1/placecheck.1
	install -m 644 completions/placecheck.bash $(DESTDIR)$(BASHCOMPDIR)/placecheck
	install -m 644 completions/_placecheck $(DESTDIR)$(ZSHCOMPDIR)/_placecheck

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/placecheck $(DESTDIR)$(DATADIR)/places.db \
		$(DESTDIR)$(MANDIR)/man1/placecheck.1 $(DESTDIR)$(BASHCOMPDIR)/placecheck \
		$(DESTDIR)$(ZSHCOMPDIR)/_placecheck
	-rmdir $(DESTDIR)$(DATADIR)

# A Debian package of the program as installed under /usr, built with
# dpkg-deb in its own build folder (scripts/deb.sh says how); the ./placecheck
# of the source tree is left as it is.  `.ci/run` installs it with apt.
deb: geodata/places.db
	sh scripts/deb.sh

clean:
	rm -rf build placecheck placecheck_*.deb

# The web page goes into the binary by the assembler's .incbin, which the
# compiler's dependency list does not see.
$(OBJDIR)/src/serve/serve_page.o build/asan/src/serve/serve_page.o: src/serve/serve_page.html

-include $(shell find build -name '*.d' 2>/dev/null)

# Developer tool: prints the pipeline's internals for one article.
build/pcdebug: tests/tools/pcdebug.c $(filter-out $(OBJDIR)/src/cli/% $(OBJDIR)/src/main.o,$(REL_OBJ))
	$(CC) $(BASEFLAGS) $(CFLAGS) -o $@ $^ $(LIBS)

# Fit the detector's weights and thresholds on real text (../shared/corpus,
# tests/incidents, tests/eval) and rewrite src/detect/detect_weights.h.
# A development step, not part of the build: needs Debian's python3-numpy.
fit: build/pcfeatures geodata/places.db placecheck
	/usr/bin/python3 scripts/fit_model.py

# How far the fitted lines can be trusted: the fit on each half of the
# development articles, thresholds side by side (about two minutes).
fit-halves: build/pcfeatures geodata/places.db placecheck
	@for h in 0 1; do echo "== half $$h"; /usr/bin/python3 scripts/fit_model.py --no-write --half $$h | sed -n '/^thresholds/,$$p'; done

# Developer tool: the detector's candidates and features, for make fit.
build/pcfeatures: tests/tools/pcfeatures.c $(filter-out build/rel/src/cli/% build/rel/src/main.o,$(REL_OBJ))
	$(CC) $(BASEFLAGS) $(CFLAGS) -o $@ $^ $(LIBS)
