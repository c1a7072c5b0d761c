#!/bin/sh
# A bad row in country-names-foreign.tsv (issue 14, item 4) is named with its
# file and line: skipped with a warning, or under --strict the load stops
# there and the old database is left as it was.  The good rows still load.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures/load
fail() { echo "FAIL: $*"; echo "--- stderr:"; cat "$tmp/err"; exit 1; }

f=$tmp/country-names-foreign.tsv
printf '# placecheck-data: country-names-foreign v1\n# columns: iso2, form, languages\n' >"$f"
printf 'AT\tÖsterreich\tdeu\n' >>"$f"       # line 3: good
printf 'Austria\tÖsterreich\tdeu\n' >>"$f"  # line 4: a name where the code goes
printf 'US\n' >>"$f"                        # line 5: no form
printf 'US\t...\tspa\n' >>"$f"              # line 6: no letters
printf 'US\tEstados Unidos\tspa\n' >>"$f"   # line 7: good

"$P" load --db "$tmp/p.db" "$fx/geo" "$fx/extra/countries-extra.tsv" "$f" >/dev/null 2>"$tmp/err" || fail "load exited $?"
grep -q "country-names-foreign.tsv:4: bad ISO code: 'Austria'" "$tmp/err" || fail "line 4 not reported"
grep -q 'country-names-foreign.tsv:5: expected ISO2<TAB>FORM\[<TAB>LANGUAGES\], found 1 field' "$tmp/err" ||
	fail "line 5 not reported"
grep -q "country-names-foreign.tsv:6: empty name or a name with no letters: '...'" "$tmp/err" || fail "line 6 not reported"
[ "$(sqlite3 "$tmp/p.db" "SELECT count(*) FROM names WHERE kind=2 AND key IN ('osterreich','estados unidos')")" = 2 ] ||
	fail "the good rows did not load"

sum=$(cksum <"$tmp/p.db")
"$P" load --strict --db "$tmp/p.db" "$fx/geo" "$fx/extra/countries-extra.tsv" "$f" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] || fail "--strict: exit $rc, want 2"
grep -q "error: .*country-names-foreign.tsv:4: bad ISO code: 'Austria'" "$tmp/err" || fail "--strict: no file:line error"
[ "$(cksum <"$tmp/p.db")" = "$sum" ] || fail "--strict: the database changed"
echo "1 passed, 0 failed"
