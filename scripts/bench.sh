#!/bin/sh
# make bench: measure placecheck's speed and memory, print a table and write
# BENCHMARKS.md.  Never part of `make test`.
#
#   sh scripts/bench.sh [--quick]
#
# Needs: ./placecheck, geodata/places.db, sqlite3 (CLI), hyperfine, GNU grep,
# GNU time (/usr/bin/time, Debian package `time`), python3.  --quick uses
# fewer runs and skips the 10x load (for trying the script out).
#
# Environment: PLACECHECK (default ./placecheck), PLACECHECK_DB (default
# geodata/places.db), BENCH_TMP (scratch directory parent, default /tmp; the
# 10x load needs about 1 GB there), BENCH_REAL (real articles as ndjson
# lines {"id","text"}, default ../shared/corpus/bbc-news.ndjson: the first
# 1,000 are checked one file each for the CPU-against-grep row).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2

quick=0
[ "${1:-}" = "--quick" ] && quick=1
bin=${PLACECHECK:-./placecheck}
db=${PLACECHECK_DB:-geodata/places.db}
case $bin in /*) ;; *) bin="$top/${bin#./}" ;; esac
case $db in /*) ;; *) db="$top/$db" ;; esac
helper="python3 $top/scripts/bench_corpus.py"

for tool in sqlite3 hyperfine python3 grep; do
	command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is required" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time (Debian package time) is required" >&2; exit 2; }
[ -x "$bin" ] || { echo "bench: $bin missing (run make)" >&2; exit 2; }
[ -f "$db" ] || { echo "bench: $db missing (run make db)" >&2; exit 2; }

if [ $quick -eq 1 ]; then load_runs=1; check_runs=3; cpu_runs=3; start_runs=10; nq=100
else load_runs=5; check_runs=5; cpu_runs=7; start_runs=30; nq=1000; fi

work=$(mktemp -d "${BENCH_TMP:-/tmp}/pc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
res="$work/results.md"
: >"$res"

row() { # name | value | note
	printf '| %s | %s | %s |\n' "$1" "$2" "$3" >>"$res"
	printf '%-46s %-34s %s\n' "$1" "$2" "$3"
}
hf() { # NAME RUNS CMD...: hyperfine, prints "median min max n" (seconds)
	n=$1; runs=$2; shift 2
	hyperfine -N -i --style none --runs "$runs" --export-json "$work/$n.json" "$@" \
		>/dev/null 2>&1 || hyperfine -i --style none --runs "$runs" \
		--export-json "$work/$n.json" "$@" >/dev/null 2>&1
	$helper hyperfine "$work/$n.json"
}
fmt3() { # "median min max n" -> "median s (min..max, n runs)"
	echo "$1" | awk '{printf "%.3f s (min %.3f, max %.3f; %d runs)", $1, $2, $3, $4}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
has_opt() { "$bin" help "$1" 2>&1 | grep -q -- "$2"; }

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //')
[ -n "$cpu" ] || cpu=$(uname -m)
echo "placecheck benchmarks: $(nproc) cores, $cpu, $(date -u '+%Y-%m-%d')"
echo

# ---- load --------------------------------------------------------------
echo "== load"
gd="$top/geodata"
zcat "$gd/cities500.txt.gz" >"$work/cities500.txt"
rows=$(wc -l <"$work/cities500.txt")
cat >"$work/import.sql" <<EOF
CREATE TABLE t(id INTEGER, name TEXT, asciiname TEXT, alternatenames TEXT, lat REAL, lon REAL,
 fclass TEXT, fcode TEXT, country TEXT, cc2 TEXT, admin1 TEXT, admin2 TEXT, admin3 TEXT,
 admin4 TEXT, population INTEGER, elevation INTEGER, dem INTEGER, timezone TEXT, modified TEXT);
.mode ascii
.separator "\t" "\n"
.import $work/cities500.txt t
CREATE INDEX t_name ON t(name);
EOF
t_load=$(hf load "$load_runs" --prepare "rm -f $work/x.db" \
	"$bin load --db $work/x.db $gd")
t_sql=$(hf sqlite "$load_runs" --prepare "rm -f $work/s.db" \
	"sh -c 'sqlite3 $work/s.db <$work/import.sql'")
/usr/bin/time -v "$bin" load --db "$work/x.db" "$gd" >/dev/null 2>"$work/load.time"
rss_load=$($helper rss "$work/load.time")
sq_rows=$(sqlite3 "$work/s.db" 'SELECT count(*) FROM t' 2>/dev/null)
m_load=${t_load%% *}; m_sql=${t_sql%% *}
row "load geodata/ (placecheck load)" "$(fmt3 "$t_load")" "cities500 (+admin, countries, extra), $rows rows, $(awk -v r="$rows" -v t="$m_load" 'BEGIN{printf "%.0f rows/s", r/t}')"
row "sqlite3 .import cities500 + index on name" "$(fmt3 "$t_sql")" "$sq_rows rows, file decompressed beforehand"
# The two vCPUs of the VM this was written on differ (one ran single-
# threaded work about 1.5 times slower than the other), so a run's time
# depends on where its busiest thread lands: the ratio of the fastest runs
# is given next to the ratio of the medians.
n_load=${t_load#* }; n_load=${n_load%% *}; n_sql=${t_sql#* }; n_sql=${n_sql%% *}
row "load / sqlite3 import" "$(ratio "$m_load" "$m_sql")x (fastest runs: $(ratio "$n_load" "$n_sql")x)" "placecheck also builds names, look-alikes, regions"
row "load peak RSS" "$rss_load MB" "/usr/bin/time -v"
rm -f "$work/s.db"

if [ $quick -eq 0 ]; then
	mkdir -p "$work/g10"
	rows10=$($helper geonames10x "$gd/cities500.txt.gz" "$work/g10/cities10x.txt" --times 10)
	for f in "$gd"/admin1CodesASCII.txt "$gd"/admin2Codes.txt.gz "$gd"/countryInfo.txt "$gd"/extra; do
		ln -s "$f" "$work/g10/"
	done
	s0=$(date +%s.%N)
	/usr/bin/time -v "$bin" load --db "$work/x10.db" "$work/g10" >/dev/null 2>"$work/load10.time"
	rc10=$?
	s1=$(date +%s.%N)
	t10=$(awk -v a="$s0" -v b="$s1" 'BEGIN{printf "%.2f", b-a}')
	rss10=$($helper rss "$work/load10.time")
	if [ $rc10 -eq 0 ]; then
		row "load 10x synthetic cities500 (ids shifted)" "$t10 s (1 run)" "$rows10 rows, $(awk -v r="$rows10" -v t="$t10" 'BEGIN{printf "%.0f rows/s", r/t}'), peak RSS $rss10 MB"
	else
		row "load 10x synthetic cities500" "failed (exit $rc10)" "$(tail -1 "$work/load10.time")"
	fi
	rm -rf "$work/g10" "$work/x10.db"
fi
rm -f "$work/x.db" "$work/cities500.txt"

# ---- check -------------------------------------------------------------
# The loads leave up to a gigabyte of dirty pages; let them reach the disk
# first, or their write-back lands in whichever timing runs next.
sync
sleep 2
echo "== check"
srcs="$top/tests/eval/articles"
[ -d "$top/../shared/examples" ] && srcs="$srcs $top/../shared/examples"
bytes=$($helper articles $srcs --out "$work/arts" --n 1000 --size 5000)
mb=$(awk -v b="$bytes" 'BEGIN{printf "%.2f", b/1048576}')
sqlite3 "$db" 'SELECT DISTINCT name FROM places' >"$work/names.txt"
nnames=$(wc -l <"$work/names.txt")
cd "$work/arts" || exit 2
t_chk=$(hf check "$check_runs" --warmup 1 "$bin --db $db check --format json $(ls | tr '\n' ' ')")
cd "$top" || exit 2
t_grep=$(hf grep "$check_runs" --warmup 1 "grep -F -w -f $work/names.txt $work/corpus.txt")
m_chk=${t_chk%% *}; m_grep=${t_grep%% *}
thr_chk=$(awk -v m="$mb" -v t="$m_chk" 'BEGIN{printf "%.2f", m/t}')
thr_grep=$(awk -v m="$mb" -v t="$m_grep" 'BEGIN{printf "%.2f", m/t}')
row "check 1,000 articles, $mb MB (json)" "$(fmt3 "$t_chk")" "$thr_chk MB/s, $(awk -v t="$m_chk" 'BEGIN{printf "%.0f", 1000/t}') articles/s"
row "grep -F -w -f names ($nnames names), same text" "$(fmt3 "$t_grep")" "$thr_grep MB/s"
row "check / grep throughput" "$(ratio "$thr_chk" "$thr_grep")x" "above 1 means placecheck is faster"
(cd "$work/arts" && /usr/bin/time -v "$bin" --db "$db" check --format json a*.md >/dev/null 2>"$work/chk.time")
row "check 1,000 articles peak RSS" "$($helper rss "$work/chk.time") MB" ""
t_one=$(hf one "$start_runs" --warmup 3 "$bin --db $db check $work/one.md")
/usr/bin/time -v "$bin" --db "$db" check "$work/one.md" >/dev/null 2>"$work/one.time"
row "start-up: check one $(wc -c <"$work/one.md")-byte article" "$(echo "$t_one" | awk '{printf "%.1f ms (min %.1f, max %.1f; %d runs)", $1*1000, $2*1000, $3*1000, $4}')" "peak RSS $($helper rss "$work/one.time") MB"
if has_opt check -j || has_opt check jobs; then
	for j in 1 2; do
		cd "$work/arts" || exit 2
		t_j=$(hf "j$j" "$check_runs" "$bin --db $db check -j $j --format json $(ls | tr '\n' ' ')")
		cd "$top" || exit 2
		row "check 1,000 articles -j $j" "$(fmt3 "$t_j")" "$(awk -v t="${t_j%% *}" 'BEGIN{printf "%.0f articles/s", 1000/t}')"
	done
else
	row "check -j 1 / -j 2" "skipped" "this build has no -j option"
fi

# ---- CPU on real articles (issue 13) -----------------------------------------
# CPU time (user+sys), not wall time: the target is at most 1.5 times
# grep's CPU on the same folder of real articles, one file each, -j 1.  The
# articles are written to the scratch directory, never into the tree.
real=${BENCH_REAL:-$top/../shared/corpus/bbc-news.ndjson}
if [ -f "$real" ]; then
	n_real=$($helper ndjson-files "$real" --out "$work/real" --n 1000)
	cpu_out=$($helper cpu --runs "$cpu_runs" "$bin" --db "$db" check -j 1 --format json "$work/real" -- \
		grep -F -w -o -f "$work/names.txt" -r "$work/real")
	c_chk=$(echo "$cpu_out" | sed -n 1p); c_grep=$(echo "$cpu_out" | sed -n 2p)
	m_cchk=${c_chk%% *}; m_cgrep=${c_grep%% *}
	r_cpu=$(ratio "$m_cchk" "$m_cgrep")
	row "CPU, $n_real real articles one file each: check -j 1 (json)" "$(fmt3 "$c_chk")" "user+sys, runs alternated with grep's"
	row "CPU, same files: grep -F -w -o -f names -r" "$(fmt3 "$c_grep")" "user+sys"
	row "CPU check / grep, real articles" "${r_cpu}x" "issue 13: at most 1.5x"
	printf 'CPU time, %s real articles one file each: placecheck %.2f s, grep %.2f s, ratio %s\n' \
		"$n_real" "$m_cchk" "$m_cgrep" "$r_cpu"
	rm -rf "$work/real"
else
	row "CPU on real articles" "skipped" "no $real (set BENCH_REAL to an ndjson of {id, text})"
fi

# ---- query -------------------------------------------------------------
echo "== query"
sqlite3 "$db" 'SELECT name FROM places ORDER BY population DESC LIMIT 5000' >"$work/qnames.txt"
if "$bin" help 2>&1 | grep -qw query; then
	q=$($helper query --cmd "$bin --db $db" --names "$work/qnames.txt" --n "$nq")
	row "query NAME, $nq processes" "$(echo "$q" | awk '{printf "median %.2f ms, p99 %.2f ms", $1, $2}')" "$(echo "$q" | awk '{printf "min %.2f, max %.2f ms (includes process start)", $3, $4}')"
else
	row "query NAME" "skipped" "no query command in this build"
fi
if "$bin" help 2>&1 | grep -qw shell; then
	s=$($helper shell --cmd "$bin --db $db" --names "$work/qnames.txt" --n "$nq")
	row "shell: $nq queries on stdin, one process" "$(echo "$s" | awk '{printf "%.1f ms total", $1}')" "$(echo "$s" | awk '{printf "%.3f ms per query (mean; exit %d)", $2, $3}')"
else
	row "shell" "skipped" "no shell command in this build"
fi

# BENCHMARKS.md: this run's table, then everything from the marker line on,
# which a run never touches: the history (what was measured and tried
# before) and, last, the section `make bench-serve` writes and replaces.
marker='<!-- history: kept by make bench -->'
history="$work/history.md"
: >"$history"
[ -f "$top/BENCHMARKS.md" ] && sed -n "/^$marker\$/,\$p" "$top/BENCHMARKS.md" >"$history"
{
	echo "# placecheck benchmarks"
	echo
	echo "The table is generated by \`make bench\` (scripts/bench.sh); do not edit it by"
	echo "hand.  The history after it is kept from run to run."
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
	echo "- machine: $(nproc) cores, $cpu, $(awk '/MemTotal/{printf "%.1f GB RAM", $2/1048576}' /proc/meminfo)"
	echo "- tools: $(hyperfine --version), $(sqlite3 --version | cut -d' ' -f1), $(grep --version | head -1)"
	echo "- mode: $([ $quick -eq 1 ] && echo quick || echo full); times are hyperfine medians with min and max"
	echo
	echo "| measurement | result | note |"
	echo "|---|---|---|"
	cat "$res"
	echo
	echo "The check corpus is 1,000 articles of about 5 KB, stitched from the paragraphs of"
	echo "tests/eval/articles (and ../shared/examples) with numbers varied"
	echo "(scripts/bench_corpus.py); grep reads the same text as one file.  The sqlite3"
	echo "import reads cities500 as tab-separated text with quoting off (\`.mode ascii\`,"
	echo "tab and newline separators: GeoNames fields may start with a quote)."
	echo "The CPU rows (issue 13's measure) check real articles, the first 1,000 of"
	echo "\`\$BENCH_REAL\` (default ../shared/corpus/bbc-news.ndjson) written one file each, against"
	echo "\`grep -F -w -o -f names -r\` on the same folder: user+sys time, the two run in turn."
	if [ -s "$history" ]; then
		echo
		cat "$history"
	fi
} >"$top/BENCHMARKS.md"
echo
echo "written to BENCHMARKS.md"
