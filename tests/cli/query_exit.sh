#!/bin/sh
# placecheck query exit statuses (issue 5): 0 found, 1 nothing found,
# 2 usage or database error (with a message on stderr).
. "$(dirname "$0")/lib.sh"
expect() { # STATUS ARGS...
	want=$1
	shift
	"$P" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne "$want" ]; then
		fail "placecheck $* exited $rc, want $want"
		cat "$tmp/out" "$tmp/err"
	fi
	if [ "$want" -eq 2 ] && ! grep -q '^placecheck: error: ' "$tmp/err"; then
		fail "placecheck $*: no error message"
	fi
}
expect 0 --db "$DB" query Springfield
expect 1 --db "$DB" query Xqzzyvillezz
expect 1 --db "$DB" query "Charlottesville, N.C."
expect 0 --db "$DB" query --prefix Charlott
expect 1 --db "$DB" query --prefix Xqzzyq
expect 0 --db "$DB" query --near 38.03,-78.48
expect 1 --db "$DB" query --near 0,-30 --radius 5
expect 2 --db "$DB" query
expect 2 --db "$DB" query --near 95,10
expect 1 --db "$DB" query --near Xqzzyvillezz   # a place by name (issue 17): none
expect 0 --db "$DB" query --near Charlottesville
expect 2 --db "$DB" query --near 38.0,
expect 2 --db "$DB" query --near 38,-78 --radius -3
expect 2 --db "$DB" query Springfield --radius 3
expect 2 --db "$DB" query Springfield --limit 0
expect 2 --db "$DB" query Springfield --in Narnialand
expect 2 --db "$DB" query Springfield --prefix Spr
expect 2 --db "$DB" query "..."
expect 2 --db "$tmp/no-such.db" query Springfield
grep -q 'no database here' "$tmp/err" || fail "missing database message"
[ $fails -eq 0 ] && echo "1 passed, 0 failed"
[ $fails -eq 0 ]
