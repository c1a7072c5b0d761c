#!/bin/sh
# Bad rows: skipped and counted by default, each named by file:line; with
# --strict the first one fails the load (exit 2) and the old database stays.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures/load
fail() { echo "FAIL: $*"; exit 1; }

cp "$fx/broken.txt" "$tmp/broken.txt"
"$P" load --db "$tmp/p.db" "$tmp/broken.txt" 2>"$tmp/err" || { cat "$tmp/err"; fail "default load should skip bad rows"; }
for want in 'broken.txt:2: expected 19 tab-separated fields, found 3' \
	    'broken.txt:3: geonameid is not a positive number' \
	    'broken.txt:4: latitude out of range' \
	    'broken.txt:6: invalid UTF-8'; do
	grep -qF "$want" "$tmp/err" || { cat "$tmp/err"; fail "missing warning: $want"; }
done
grep -qE 'geonames +3 rows, 4 skipped' "$tmp/err" || { cat "$tmp/err"; fail "summary does not count 3 loaded, 4 skipped"; }
[ "$(sqlite3 "$tmp/p.db" 'SELECT group_concat(id) FROM (SELECT id FROM places WHERE kind=0 ORDER BY id)')" = "4460243,4752031,9000012" ] ||
	fail "wrong rows kept"

sum=$(cksum <"$tmp/p.db")
"$P" load --strict --db "$tmp/p.db" "$tmp/broken.txt" 2>"$tmp/err2"
rc=$?
[ $rc -eq 2 ] || fail "--strict exit $rc, expected 2"
grep -qF 'broken.txt:2: expected 19 tab-separated fields' "$tmp/err2" || { cat "$tmp/err2"; fail "--strict error without file:line"; }
[ "$(cksum <"$tmp/p.db")" = "$sum" ] || fail "--strict failure changed the database"
ls "$tmp" | grep -q 'tmp-' && fail "temp file left behind"
echo ok
