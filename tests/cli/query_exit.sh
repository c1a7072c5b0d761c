#!/bin/sh
# placecheck query exit statuses (issue 5): 0 found, 1 nothing found,
# 2 usage or database error (with a message on stderr).
set -u
top=${PLACECHECK_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${PLACECHECK_BIN:-$top/placecheck}
db=${PLACECHECK_TEST_DB:-$top/geodata/places.db}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
n_fail=0
expect() { # STATUS ARGS...
	want=$1
	shift
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne "$want" ]; then
		echo "FAIL: placecheck $* exited $rc, want $want"
		cat "$tmp/out" "$tmp/err"
		n_fail=$((n_fail + 1))
	fi
	if [ "$want" -eq 2 ] && ! grep -q '^placecheck: error: ' "$tmp/err"; then
		echo "FAIL: placecheck $*: no error message"
		n_fail=$((n_fail + 1))
	fi
}
expect 0 --db "$db" query Springfield
expect 1 --db "$db" query Xqzzyvillezz
expect 1 --db "$db" query "Charlottesville, N.C."
expect 0 --db "$db" query --prefix Charlott
expect 1 --db "$db" query --prefix Xqzzyq
expect 0 --db "$db" query --near 38.03,-78.48
expect 1 --db "$db" query --near 0,-30 --radius 5
expect 2 --db "$db" query
expect 2 --db "$db" query --near 95,10
expect 1 --db "$db" query --near Xqzzyvillezz   # a place by name (issue 17): none
expect 0 --db "$db" query --near Charlottesville
expect 2 --db "$db" query --near 38.0,
expect 2 --db "$db" query --near 38,-78 --radius -3
expect 2 --db "$db" query Springfield --radius 3
expect 2 --db "$db" query Springfield --limit 0
expect 2 --db "$db" query Springfield --in Narnialand
expect 2 --db "$db" query Springfield --prefix Spr
expect 2 --db "$db" query "..."
expect 2 --db "$tmp/no-such.db" query Springfield
grep -q 'no database here' "$tmp/err" || { echo "FAIL: missing database message"; n_fail=$((n_fail + 1)); }
[ $n_fail -eq 0 ] && echo "1 passed, 0 failed"
[ $n_fail -eq 0 ]
