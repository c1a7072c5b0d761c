#!/bin/sh
# --add: a region's own feature (ADM1 "Virginia") arriving after the region
# got a synthetic row whose names it repeats.  The names move to the
# feature without a duplicate, and nothing is left on the old row.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures/load/geo
fail() { echo "FAIL: $*"; exit 1; }
q() { sqlite3 "$tmp/p.db" "$1"; }

mkdir "$tmp/base" "$tmp/more"
cp "$fx/admin1CodesASCII.txt" "$fx/admin2Codes.txt" "$fx/countryInfo.txt" "$tmp/base/"
grep -v '	ADM1	' "$fx/cities_small.txt" >"$tmp/base/cities.txt"
grep '	ADM1	' "$fx/cities_small.txt" >"$tmp/more/adm1.txt"
[ -s "$tmp/more/adm1.txt" ] || fail "fixture has no ADM1 row"

"$P" load --db "$tmp/p.db" "$tmp/base" 2>"$tmp/err" || { cat "$tmp/err"; fail "base load"; }
old=$(q "SELECT place_id FROM admin1 WHERE code = 'US.VA'")
[ "$old" -lt 0 ] || fail "Virginia should start on a synthetic row, got '$old'"
"$P" load --db "$tmp/p.db" --add "$tmp/more/adm1.txt" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; fail "--add of the ADM1 feature"; }
# The summary's region count (worked out from the code tables) is the table's.
n=$(q "SELECT count(*) FROM places WHERE kind <> 0")
grep -q "($n regions)" "$tmp/out" "$tmp/err" || { cat "$tmp/out" "$tmp/err"; fail "summary does not say $n regions"; }
[ "$(q "SELECT place_id FROM admin1 WHERE code = 'US.VA'")" = 6254928 ] || fail "admin1 not moved to the feature"
[ "$(q "SELECT count(*) FROM places WHERE id = $old")" = 0 ] || fail "synthetic row left behind"
[ "$(q "SELECT count(*) FROM names WHERE place_id = $old")" = 0 ] || fail "names left on the old row"
[ "$(q "SELECT count(*) FROM names WHERE place_id = 6254928 AND key = 'virginia'")" -ge 1 ] || fail "Virginia lost its name"
[ "$(q "SELECT count(*) FROM (SELECT 1 FROM names GROUP BY key, place_id, kind, form HAVING count(*) > 1)")" = 0 ] || fail "duplicate names"
[ "$("$P" query --db "$tmp/p.db" --long Virginia | grep -c 6254928)" -ge 1 ] || fail "query does not find the feature"
exit 0
