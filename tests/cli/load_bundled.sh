#!/bin/sh
# Load the whole bundled geodata/ and spot-check known places, regions,
# abbreviations and look-alikes.  Uses the release binary when present (the
# sanitizer build takes ~10x longer on 200,000 rows).
. "$(dirname "$0")/lib.sh"
rel=${PLACECHECK_REL:-$top/placecheck}
[ -x "$rel" ] && P=$rel
[ -f "$top/geodata/cities500.txt.gz" ] || { echo "skip: no bundled geodata"; exit 0; }
fail() { echo "FAIL: $*"; exit 1; }
q() { sqlite3 "$tmp/p.db" "$1"; }

"$P" load --db "$tmp/p.db" "$top/geodata" 2>"$tmp/err" || { cat "$tmp/err"; fail "load"; }
[ "$(q "SELECT count(*) FROM places WHERE kind=0 AND ifnull(fcode, '') <> 'PPLP'")" = 199568 ] || fail "cities500 rows"
# The US postal layer (issue 14): towns below cities500, not the firms
# with a ZIP code of their own, each town once.
n=$(q "SELECT count(*) FROM places WHERE fcode='PPLP'")
[ "$n" -gt 14000 ] && [ "$n" -lt 16000 ] || fail "postal places: $n"
[ "$(q "SELECT count(*) FROM places WHERE fcode='PPLP' AND name='Holliday' AND admin1='MO'")" = 1 ] || fail "Holliday, Mo."
[ "$(q "SELECT count(*) FROM places WHERE name IN ('Philip Morris','Muscular Dystrophy','Contest Mail','Internal Revenue','First Union Bank')")" = 0 ] ||
	fail "an organisation's ZIP code became a place"
[ "$(q "SELECT count(*) FROM places WHERE fcode='PPLP' AND name='Charlottesville' AND admin1='VA'")" = 0 ] ||
	fail "Charlottesville's ZIP codes not merged with GeoNames' Charlottesville"
[ "$(q "SELECT value FROM meta WHERE key='layers'")" = "GeoNames cities500
US postal places" ] || fail "layers"
[ "$(q "SELECT name||','||country||','||admin1 FROM places WHERE id=4752031")" = "Charlottesville,US,VA" ] || fail Charlottesville
[ "$(q "SELECT name||','||country||','||admin1 FROM places WHERE id=4460243")" = "Charlotte,US,NC" ] || fail Charlotte
[ "$(q "SELECT name||','||admin1 FROM places WHERE id=4975802")" = "Portland,ME" ] || fail "Portland, Maine"
[ "$(q "SELECT count(*) FROM names n JOIN places p ON p.id=n.place_id WHERE n.key='portland' AND p.admin1='OR' AND p.fcode='PPLA2'")" -ge 1 ] || fail "Portland, Oregon"
va=$(q "SELECT place_id FROM admin1 WHERE code='US.VA'")
[ -n "$va" ] || fail "no Virginia region row"
[ "$(q "SELECT kind FROM places WHERE id=$va")" = 2 ] || fail "Virginia row kind"
[ "$(q "SELECT count(*) FROM names WHERE key='va' AND form='Va.' AND kind=3 AND place_id=$va")" = 1 ] || fail "Va. -> Virginia"
[ "$(q "SELECT count(*) FROM names WHERE key='virginia' AND place_id=$va")" = 1 ] || fail "Virginia name"
for pair in charlotte/charlottesville charlottesville/charlotte austria/australia colombia/columbia \
	    slovakia/slovenia niger/nigeria iran/iraq york/"new york" kansas/"kansas city"; do
	a=${pair%%/*}; b=${pair#*/}
	[ "$(q "SELECT count(*) FROM lookalikes WHERE key_a='$a' AND key_b='$b' AND kind <> 4")" = 1 ] || fail "look-alike $a/$b"
done
n=$(q 'SELECT count(*) FROM lookalikes')
[ "$n" -lt 100000 ] || fail "look-alike table too big: $n rows"
ls "$tmp" | grep -q tmp- && fail "temp file left behind"
echo ok
