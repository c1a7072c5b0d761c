#!/bin/sh
# The postal layer (issue 14): a postal place of the same name in the same
# state within 10 km of a populated place is that place (merged, no row);
# the others become places of feature code PPLP with no population and an
# id that is the same in every load; bad rows are reported with file:line
# and skipped (--strict stops); an --add of the same file adds nothing; the
# database records its layers (meta "layers") and query names them.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures/load
fail() { echo "FAIL: $*"; exit 1; }
q() { sqlite3 "$tmp/p.db" "$1"; }
postal=$fx/postal/postal-small.tsv

"$P" load --db "$tmp/p.db" "$fx/geo" "$fx/extra" "$postal" 2>"$tmp/err" ||
	{ cat "$tmp/err"; fail "load exited $?"; }
grep -q "postal-small.tsv:15: latitude out of range: '91.0' (row skipped)" "$tmp/err" ||
	{ cat "$tmp/err"; fail "bad latitude not reported with file:line"; }
grep -q "postal-small.tsv:16: bad ISO country code: 'USA' (row skipped)" "$tmp/err" ||
	{ cat "$tmp/err"; fail "bad country not reported with file:line"; }
grep -q 'postal .* 3 rows, 2 skipped, 3 names, 3 merged with places there' "$tmp/err" ||
	{ cat "$tmp/err"; fail "summary of the postal file"; }

[ "$(q "SELECT count(*) FROM places WHERE fcode='PPLP'")" = 3 ] || fail "postal places: $(q "SELECT group_concat(name||'/'||admin1) FROM places WHERE fcode='PPLP'")"
[ "$(q "SELECT count(*) FROM places WHERE name='Charlottesville'")" = 1 ] || fail "Charlottesville 1.2 km away not merged"
[ "$(q "SELECT count(*) FROM places WHERE name='Charlotte' AND admin1='NC'")" = 2 ] || fail "Charlotte 8 km away merged, 11 km away added"
[ "$(q "SELECT count(*) FROM places WHERE name='Charlotte' AND admin1='ME' AND fcode='PPLP'")" = 1 ] || fail "Charlotte in another state is another place"
[ "$(q "SELECT count(*) FROM places WHERE name='Holliday'")" = 1 ] || fail "the repeated Holliday row not merged with the first"
row=$(q "SELECT fclass||','||fcode||','||country||','||admin1||','||ifnull(population,'null')||','||kind||','||lat||','||lon FROM places WHERE name='Holliday'")
[ "$row" = "P,PPLP,US,MO,null,0,39.4904,-92.1318" ] || fail "Holliday's row: $row"
id=$(q "SELECT id FROM places WHERE name='Holliday'")
[ "$id" -ge 8000000000000 ] && [ "$id" -lt 9000000000000 ] || fail "postal id out of its range: $id"
[ "$(q "SELECT count(*) FROM names WHERE key='holliday' AND place_id=$id AND kind=0")" = 1 ] || fail "Holliday's name"
[ "$(q "SELECT count(*) FROM lookalikes WHERE key_a='holliday' OR key_b='holliday'")" = 0 ] || fail "a postal place made look-alikes"
[ "$(q "SELECT value FROM meta WHERE key='layers'")" = "GeoNames cities_small
US postal places" ] || fail "layers: $(q "SELECT value FROM meta WHERE key='layers'")"

# The same inputs give the same ids.
"$P" -q load --db "$tmp/p2.db" "$fx/geo" "$fx/extra" "$postal" 2>/dev/null || fail "second load"
[ "$(sqlite3 "$tmp/p2.db" "SELECT id FROM places WHERE name='Holliday'")" = "$id" ] || fail "postal id not stable"

# --add of the same file again: every row is there already.
"$P" load --add --db "$tmp/p.db" "$postal" 2>"$tmp/err" || { cat "$tmp/err"; fail "--add exited $?"; }
grep -q 'postal .* 0 rows, 2 skipped, 6 merged with places there' "$tmp/err" || { cat "$tmp/err"; fail "--add summary"; }
[ "$(q "SELECT count(*) FROM places WHERE fcode='PPLP'")" = 3 ] || fail "--add duplicated postal places"
[ "$(q "SELECT value FROM meta WHERE key='layers'")" = "GeoNames cities_small
US postal places" ] || fail "--add changed the layers"

# --strict stops at the first bad row, with its file and line.
"$P" load --strict --db "$tmp/s.db" "$fx/geo" "$postal" 2>"$tmp/err" && fail "--strict loaded a bad row"
grep -q 'postal-small.tsv:15: latitude out of range' "$tmp/err" || { cat "$tmp/err"; fail "--strict message"; }
[ -e "$tmp/s.db" ] && fail "--strict left a database"

# query: a postal place says so, a "no" says what was searched.
"$P" --db "$tmp/p.db" query Holliday >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "query Holliday"; }
grep -q '^  Holliday, United States; postal place$' "$tmp/out" || { cat "$tmp/out"; fail "postal place not marked"; }
"$P" --db "$tmp/p.db" query Nowheresville >"$tmp/out" 2>&1 && fail "query of a missing name exited 0"
grep -q '^searched: GeoNames cities_small, US postal places$' "$tmp/out" || { cat "$tmp/out"; fail "searched line"; }
echo ok
