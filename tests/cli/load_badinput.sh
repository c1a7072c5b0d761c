#!/bin/sh
# Inputs that are not gazetteer files: a letter (exit 2, clear message), a
# truncated .gz (exit 2, clean error); in both cases the old database is
# untouched and no temp file is left.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures/load
fail() { echo "FAIL: $*"; exit 1; }

"$P" load --db "$tmp/p.db" "$fx/geo" 2>/dev/null || fail "fixture load"
sum=$(cksum <"$tmp/p.db")

"$P" load --db "$tmp/p.db" "$fx/not_geonames.txt" 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] || fail "non-GeoNames file: exit $rc, expected 2"
grep -q 'not_geonames.txt: not a GeoNames or placecheck data file' "$tmp/err" || { cat "$tmp/err"; fail "message"; }
[ "$(cksum <"$tmp/p.db")" = "$sum" ] || fail "database changed"

# A .gz cut in the middle of its data.
i=0
while [ $i -lt 300 ]; do cat "$fx/geo/cities_small.txt"; i=$((i + 1)); done | gzip -c >"$tmp/full.gz"
size=$(wc -c <"$tmp/full.gz")
head -c $((size / 2)) "$tmp/full.gz" >"$tmp/cut.txt.gz"
"$P" load --db "$tmp/p.db" "$tmp/cut.txt.gz" 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] || { cat "$tmp/err"; fail "truncated .gz: exit $rc, expected 2"; }
grep -q 'cut.txt.gz' "$tmp/err" || { cat "$tmp/err"; fail "truncated .gz: message does not name the file"; }
[ "$(cksum <"$tmp/p.db")" = "$sum" ] || fail "truncated .gz changed the database"
ls "$tmp" | grep -q 'p.db.tmp-' && fail "temp file left behind"

# The whole .gz loads (content detection, not the name).
cp "$tmp/full.gz" "$tmp/noext"
"$P" load --db "$tmp/q.db" "$tmp/noext" 2>/dev/null || fail "gzip without .gz name"
[ "$(sqlite3 "$tmp/q.db" 'SELECT count(*) FROM places WHERE kind=0')" = 8 ] || fail "gzip rows"
[ "$(sqlite3 "$tmp/q.db" 'SELECT count(*) FROM names')" = 14 ] || fail "repeated ids left duplicate names"
# A zip holding a main table and a file that is not one (readme): the
# table is loaded, the readme skipped.
if command -v zip >/dev/null 2>&1; then
	mkdir "$tmp/z"
	cp "$fx/geo/cities_small.txt" "$tmp/z/cities.txt"
	echo "This is a readme." >"$tmp/z/readme.txt"
	(cd "$tmp/z" && zip -q ../dump.zip cities.txt readme.txt) || fail "zip"
	"$P" load --db "$tmp/z.db" "$tmp/dump.zip" 2>"$tmp/err" || { cat "$tmp/err"; fail "zip load"; }
	[ "$(sqlite3 "$tmp/z.db" 'SELECT count(*) FROM places')" = 8 ] || fail "zip rows"
fi
echo ok
