#!/bin/sh
# Other languages' names of cities (city-names-foreign.tsv, issue 14 item
# 4): bad rows are named with file and line; a row whose city this load
# does not hold is left out, not an error; the query command reads a form
# as its city; a database of schema version 1 is refused with the command
# that rebuilds it.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures/load
fail() { echo "FAIL: $*"; echo "--- stderr:"; cat "$tmp/err"; exit 1; }

f=$tmp/city-names-foreign.tsv
printf '# placecheck-data: city-names-foreign v1\n# columns: geonameid, form, languages, English name, country\n' >"$f"
printf '4460243\tCharlotta\tit\tCharlotte\tUS\n' >>"$f"   # line 3: good
printf 'Charlotte\tCharlotta\tit\n' >>"$f"               # line 4: a name where the id goes
printf '4460243\n' >>"$f"                                # line 5: no form
printf '4460243\t...\tit\n' >>"$f"                       # line 6: no letters
printf '99999999\tNowhereville\tit\n' >>"$f"             # line 7: a city not loaded

"$P" load --db "$tmp/p.db" "$fx/geo" "$fx/extra/countries-extra.tsv" "$f" >"$tmp/out" 2>"$tmp/err" || fail "load exited $?"
grep -q "city-names-foreign.tsv:4: bad geonameid: 'Charlotte'" "$tmp/err" || fail "line 4 not reported"
grep -q 'city-names-foreign.tsv:5: expected GEONAMEID<TAB>FORM\[<TAB>...\], found 1 field' "$tmp/err" ||
	fail "line 5 not reported"
grep -q "city-names-foreign.tsv:6: empty name or a name with no letters: '...'" "$tmp/err" || fail "line 6 not reported"
grep -q "city-names-foreign.tsv:7" "$tmp/err" && fail "a city the load does not hold reported as a bad row"
q() { sqlite3 "$tmp/p.db" "$1"; }
[ "$(q "SELECT place_id||' '||kind FROM names WHERE key='charlotta'")" = "4460243 6" ] || fail "Charlotta not a kind-6 name of Charlotte"
[ "$(q "SELECT count(*) FROM names WHERE key='nowhereville'")" = 0 ] || fail "a name of a place not loaded"

"$P" --db "$tmp/p.db" query Charlotta >"$tmp/q" 2>"$tmp/err" || fail "query exited $?"
grep -q "Charlotte" "$tmp/q" || { cat "$tmp/q"; fail "query Charlotta does not answer Charlotte"; }

sqlite3 "$tmp/p.db" "UPDATE meta SET value='1' WHERE key='schema_version'"
"$P" --db "$tmp/p.db" query Charlotte >/dev/null 2>"$tmp/err" && fail "a version-1 database was opened"
grep -q "placecheck load" "$tmp/err" || fail "no rebuild hint for an old database"
echo "1 passed, 0 failed"
