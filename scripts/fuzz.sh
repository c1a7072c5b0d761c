#!/bin/sh
# make fuzz: build every tests/fuzz/fuzz_*.c as a libFuzzer target (clang,
# -fsanitize=fuzzer,address,undefined) and run each for a set time.
#
#   sh scripts/fuzz.sh            FUZZ_SECONDS (default 60) per target
#   sh scripts/fuzz.sh --smoke    replay seeds and regressions, then fuzz
#                                 FUZZ_SMOKE_RUNS (default 400) inputs per
#                                 target from the seeds alone, with a fixed
#                                 random seed: the same inputs every run, so
#                                 `make test` cannot fail at random (a time
#                                 limit or the growing working corpus would
#                                 make each run explore something else)
#   sh scripts/fuzz.sh --slow     FUZZ_SECONDS (default 300) per target with
#                                 inputs up to FUZZ_MAX_LEN bytes (default
#                                 64 MiB, the size ceilings of the readers
#                                 and of a load row are then reachable),
#                                 lengths tried at once (-len_control=0),
#                                 4 GB of RSS allowed (make fuzz-slow)
#   sh scripts/fuzz.sh TARGET...  only these (e.g. fuzz_scan)
#
# Inputs per target NAME (fuzz_NAME.c):
#   tests/fuzz/corpus/NAME/    seed corpus (ours, in git, read-only here)
#   tests/fuzz/regress/NAME/   every crash ever found, replayed first
#   build/fuzz/corpus/NAME/    the working corpus the fuzzer grows
#   build/fuzz/crashes/        new crash inputs (copy one into regress/NAME/,
#                              named after its issue and date, once fixed)
# Without a usable libFuzzer the targets are built with -DFUZZ_STANDALONE
# and only the seeds and regressions are replayed.
# PLACECHECK_FUZZ_DB (default geodata/places.db when it exists) is handed to
# targets that run the whole pipeline (fuzz_scan).
# Last line: "N passed, N failed" (one per target).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2

smoke=0
slow=0
targets=
for a in "$@"; do
	case $a in
	--smoke) smoke=1 ;;
	--slow) slow=1 ;;
	-h|--help) sed -n '2,28p' "$0"; exit 0 ;;
	*) targets="$targets ${a%.c}" ;;
	esac
done
if [ $slow -eq 1 ]; then
	secs=${FUZZ_SECONDS:-300}
	size_flags="-max_len=${FUZZ_MAX_LEN:-67108864} -len_control=0 -rss_limit_mb=4096 -malloc_limit_mb=4096 -timeout=120"
else
	secs=${FUZZ_SECONDS:-60}
	size_flags="-max_len=65536 -rss_limit_mb=2048 -timeout=20"
fi
runs=${FUZZ_SMOKE_RUNS:-400}
[ -n "$targets" ] || targets=$(ls tests/fuzz/fuzz_*.c 2>/dev/null | sed 's|.*/||; s|\.c$||')
if [ -z "$targets" ]; then
	echo "fuzz: no tests/fuzz/fuzz_*.c"
	echo "0 passed, 0 failed"
	exit 0
fi
if [ -z "${PLACECHECK_FUZZ_DB+x}" ] && [ -f geodata/places.db ]; then
	PLACECHECK_FUZZ_DB=$top/geodata/places.db
	export PLACECHECK_FUZZ_DB
fi

# Flags and libraries from the Makefile, so the two never drift apart.
mkvar() { printf 'pv:\n\t@echo $(%s)\n' "$1" | make -s -f Makefile -f - pv 2>/dev/null; }
pkg_cflags="$(mkvar PKG_CFLAGS) $(mkvar EDIT_CFLAGS)"
libs=$(mkvar LIBS)
[ -n "$libs" ] || libs="-lsqlite3 -lutf8proc -larchive -lcsv -ledit -lpthread -lm"

cc=${FUZZ_CC:-clang}
out=build/fuzz
mkdir -p "$out/obj" "$out/crashes"
mode=fuzzer
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
if ! command -v "$cc" >/dev/null 2>&1 ||
	! printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n){(void)d;(void)n;return 0;}\n' |
	"$cc" -fsanitize=fuzzer -x c - -o "$out/probe" >/dev/null 2>&1; then
	mode=standalone
	cc=${FUZZ_CC:-cc}
	echo "fuzz: no libFuzzer ($cc); building standalone replay binaries"
fi
rm -f "$out/probe"
cflags="-std=c17 -D_GNU_SOURCE -Isrc -g -O1 -fno-omit-frame-pointer $san $pkg_cflags"
if [ $mode = fuzzer ]; then objflags="-fsanitize=fuzzer-no-link"; linkflags="-fsanitize=fuzzer"
else objflags=""; linkflags="-DFUZZ_STANDALONE"; fi

# The library (every src/*/*.c but the command line), rebuilt when any
# source is newer than the stamp.
stamp="$out/obj/.stamp-$mode"
if [ ! -f "$stamp" ] || [ -n "$(find src Makefile -newer "$stamp" -type f 2>/dev/null | head -1)" ]; then
	rm -f "$out"/obj/*.o
	echo "fuzz: building the library ($mode, $cc)"
	ls src/*/*.c | grep -v '^src/cli/' | while read -r f; do
		echo "$f $out/obj/$(echo "$f" | sed 's|^src/||; s|/|_|g; s|\.c$|.o|')"
	done >"$out/obj/list"
	if ! xargs -P "$(nproc 2>/dev/null || echo 2)" -L 1 sh -c \
		"$cc $cflags $objflags -c -o \"\$1\" \"\$0\" || exit 255" <"$out/obj/list"; then
		echo "fuzz: library build failed"
		echo "0 passed, 1 failed"
		exit 1
	fi
	touch "$stamp"
fi

passed=0
failed=0
for t in $targets; do
	name=${t#fuzz_}
	src=tests/fuzz/$t.c
	bin=$out/$t-$mode
	if [ ! -f "$src" ]; then
		echo "FAIL $t: no $src"; failed=$((failed + 1)); continue
	fi
	if ! $cc $cflags $linkflags -o "$bin" "$src" "$out"/obj/*.o $libs 2>"$out/$t.build.log"; then
		echo "FAIL $t: build failed"; sed 's/^/  /' "$out/$t.build.log" | head -20
		failed=$((failed + 1)); continue
	fi
	seeds=tests/fuzz/corpus/$name
	regress=tests/fuzz/regress/$name
	work=$out/corpus/$name
	mkdir -p "$work"
	log=$out/$t.log
	# 1. Replay every seed and regression input once.
	files=$(find "$seeds" "$regress" -type f 2>/dev/null | sort)
	if [ -n "$files" ]; then
		# shellcheck disable=SC2086
		if ! "$bin" $files >"$log" 2>&1; then
			echo "FAIL $t: a seed or regression input fails (see $log)"
			grep -E 'ERROR|invariant|SUMMARY|Running:' "$log" | tail -5 | sed 's/^/  /'
			failed=$((failed + 1)); continue
		fi
	fi
	n_replayed=$(echo "$files" | grep -c .)
	if [ $mode = standalone ]; then
		echo "ok   $t: replayed $n_replayed inputs (standalone, no fuzzing)"
		passed=$((passed + 1)); continue
	fi
	# 2. Fuzz for the set time from the seeds plus the working corpus.
	if [ $smoke -eq 1 ]; then
		# Deterministic: seeds only (copied, so the fuzzer may add to its
		# first directory), seed 1, a fixed number of runs.
		dirs=$out/smoke/$name
		rm -rf "$dirs"
		mkdir -p "$dirs"
		[ -d "$seeds" ] && cp "$seeds"/* "$dirs"/ 2>/dev/null
		limit="-runs=$runs -seed=1"
		what="seed 1"
	else
		dirs=$work
		[ -d "$seeds" ] && dirs="$dirs $seeds"
		limit="-max_total_time=$secs"
		what="${secs}s"
	fi
	# shellcheck disable=SC2086
	"$bin" $limit $size_flags \
		-print_final_stats=1 -artifact_prefix="$out/crashes/$t-" $dirs >"$log" 2>&1
	rc=$?
	execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
	cov=$(grep -E '#[0-9]+.*(DONE|INITED).*cov:' "$log" | tail -1 | sed -E 's/.*cov: ([0-9]+).*/\1/')
	if [ $rc -eq 0 ]; then
		echo "ok   $t: $what, ${execs:-?} runs, cov ${cov:-?}, replayed $n_replayed"
		passed=$((passed + 1))
	else
		echo "FAIL $t: exit $rc after ${execs:-?} runs (see $log)"
		grep -E 'ERROR|invariant|SUMMARY|Test unit written' "$log" | tail -6 | sed 's/^/  /'
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
