#!/bin/sh
# --csv --columns: a newsroom's own places with RFC 4180 quoting, added to
# an existing database with --add (ids from 9e12 up).
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures/load
fail() { echo "FAIL: $*"; exit 1; }
q() { sqlite3 "$tmp/p.db" "$1"; }

"$P" load --db "$tmp/p.db" "$fx/geo" "$fx/extra" 2>/dev/null || fail "base load"
n_names=$(q 'SELECT count(*) FROM names')
"$P" load --db "$tmp/p.db" --add --csv \
	--columns name=Venue,lat=Latitude,lon=Longitude,country=ISO,admin1=State,population=Pop \
	"$fx/newsroom.csv" 2>"$tmp/err" || { cat "$tmp/err"; fail "csv --add"; }
grep -qF 'newsroom.csv:4: latitude missing or out of range' "$tmp/err" || { cat "$tmp/err"; fail "bad csv row not reported"; }
[ "$(q "SELECT id FROM places WHERE name='John Paul Jones Arena, UVA'")" = 9000000000001 ] || fail "quoted comma field / synthetic id"
[ "$(q "SELECT population FROM places WHERE name='The \"Corner\" District'")" = 250 ] || fail "doubled quotes"
[ "$(q "SELECT count(*) FROM places WHERE kind=0")" = 9 ] || fail "old places kept under --add"
[ "$(q "SELECT count(*) FROM names")" -gt "$n_names" ] || fail "names added"
[ "$(q "SELECT count(*) FROM (SELECT key, place_id, kind, CASE WHEN kind=3 THEN form END FROM names GROUP BY 1,2,3,4 HAVING count(*)>1)")" = 0 ] ||
	fail "--add left duplicate names"
[ "$(q "SELECT count(*) FROM lookalikes WHERE key_a='charlotte' AND key_b='charlottesville'")" = 1 ] || fail "look-alikes rebuilt once"
"$P" load --db "$tmp/p.db" --csv --columns name=Nope,lat=Latitude,lon=Longitude "$fx/newsroom.csv" 2>"$tmp/err"
[ $? -eq 2 ] || fail "missing column should fail"
grep -q "no column 'Nope'" "$tmp/err" || fail "missing column message"
echo ok
