#!/bin/sh
# GeoNames' own dumps as a newsroom downloads them (issue 14): US.zip (US.txt
# and readme.txt), allCountries.zip, alternateNamesV2.zip (with
# iso-languagecodes.txt) and the older alternateNames.txt.  The zips are
# made here from the small text fixtures in tests/fixtures/load/dumps.
# Checks: feature classes P and A by default, --feature-classes to choose
# (and its errors), the entries that are no data left out, the alternate
# names kept (English, abbreviations, no language) and left out, a postal
# layer merging with a dump, a broken row and a cut zip reported with file
# and line.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures/load
dx=$fx/dumps
fail() { echo "FAIL: $*"; exit 1; }
q() { sqlite3 "$tmp/p.db" "$1"; }
# zipit ZIP FILE...: a zip of the files, stored under their base names
zipit() {
	python3 - "$@" <<'EOF' || fail "making $1"
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for f in sys.argv[2:]:
        z.write(f, os.path.basename(f))
EOF
}
zipit "$tmp/US.zip" "$dx/US.txt" "$dx/readme.txt"
zipit "$tmp/allCountries.zip" "$dx/allCountries.txt"
zipit "$tmp/alternateNamesV2.zip" "$dx/alternateNamesV2.txt" "$dx/iso-languagecodes.txt"
codes="$fx/geo/countryInfo.txt $fx/geo/admin1CodesASCII.txt"

# US.zip: P and A kept, the other classes and the class-less row left out;
# the readme is no data; the broken row is reported at its line in US.txt.
"$P" load --db "$tmp/p.db" $codes "$tmp/US.zip" 2>"$tmp/err" || { cat "$tmp/err"; fail "US.zip load exited $?"; }
grep -q "US.zip:6: latitude out of range: 'not-a-latitude' (row skipped)" "$tmp/err" ||
	{ cat "$tmp/err"; fail "broken row in US.zip not reported with its line"; }
grep -q 'US.zip  *geonames  *3 rows, 1 skipped, .*, 5 of other feature classes left out' "$tmp/err" ||
	{ cat "$tmp/err"; fail "US.zip summary"; }
[ "$(q "SELECT group_concat(id) FROM (SELECT id FROM places WHERE id > 0 AND kind <> 1 ORDER BY id)")" = "4396000,4752031,6254928" ] ||
	fail "US.zip places: $(q "SELECT group_concat(name) FROM places WHERE id > 0")"
[ "$(q "SELECT kind FROM places WHERE id=6254928")" = 2 ] || fail "the ADM1 row is not Virginia's region row"
[ "$(q "SELECT value FROM meta WHERE key='layers'")" = "GeoNames US (feature classes A, P)" ] ||
	fail "layers: $(q "SELECT value FROM meta WHERE key='layers'")"

# --feature-classes: letters in either case, commas or not, or all.
"$P" -q load --db "$tmp/p.db" --feature-classes p "$tmp/US.zip" 2>/dev/null || fail "--feature-classes p"
[ "$(q "SELECT count(*) FROM places WHERE id > 0 AND kind <> 1")" = 2 ] || fail "--feature-classes p kept $(q "SELECT group_concat(name) FROM places WHERE id > 0")"
[ "$(q "SELECT count(*) FROM places WHERE id=6254928")" = 0 ] || fail "--feature-classes p kept the ADM1 row"
"$P" -q load --db "$tmp/p.db" --feature-classes H,t "$tmp/US.zip" 2>/dev/null || fail "--feature-classes H,t"
[ "$(q "SELECT group_concat(name, '|') FROM (SELECT name FROM places WHERE id > 0 AND kind <> 1 ORDER BY name)")" = "Carters Mountain|Rivanna River" ] ||
	fail "--feature-classes H,t: $(q "SELECT group_concat(name) FROM places WHERE id > 0")"
"$P" -q load --db "$tmp/p.db" --force --feature-classes all "$tmp/US.zip" 2>/dev/null || fail "--feature-classes all"
[ "$(q "SELECT count(*) FROM places WHERE id > 0 AND kind <> 1")" = 8 ] || fail "--feature-classes all kept $(q "SELECT count(*) FROM places WHERE id > 0")"
for bad in X "P,Q" "" ","; do
	"$P" load --db "$tmp/x.db" --feature-classes "$bad" "$tmp/US.zip" >"$tmp/out" 2>&1
	rc=$?
	[ $rc -eq 2 ] || fail "--feature-classes '$bad' exited $rc"
	grep -q "^placecheck: error: load: --feature-classes: " "$tmp/out" || { cat "$tmp/out"; fail "--feature-classes '$bad': message"; }
	[ -e "$tmp/x.db" ] && fail "--feature-classes '$bad' made a database"
done
"$P" load --db "$tmp/x.db" --feature-classes X "$tmp/US.zip" 2>&1 | grep -q "'X' is not a GeoNames feature class (A, H, L, P, R, S, T, U, V, or all)" ||
	fail "--feature-classes X: the message does not list the classes"

# allCountries.zip with alternateNamesV2.zip: the language codes entry is
# no data; English names and abbreviations of loaded places are kept.
"$P" load --db "$tmp/p.db" $codes "$tmp/allCountries.zip" "$tmp/alternateNamesV2.zip" 2>"$tmp/err" ||
	{ cat "$tmp/err"; fail "allCountries load exited $?"; }
grep -q 'allCountries.zip  *geonames  *5 rows, .*, 6 of other feature classes left out' "$tmp/err" || { cat "$tmp/err"; fail "allCountries summary"; }
grep -q 'alternateNamesV2.zip  *alternateNames  *5 rows, 5 names, 4 left out' "$tmp/err" || { cat "$tmp/err"; fail "alternateNamesV2.zip summary"; }
grep -q 'iso-languagecodes\|unknown' "$tmp/err" && { cat "$tmp/err"; fail "the language codes entry was loaded"; }
[ "$(q "SELECT kind FROM names WHERE key='ldn' AND place_id=2643743")" = 3 ] || fail "abbreviation LDN"
[ "$(q "SELECT kind FROM names WHERE key='charlottesville city' AND place_id=4752031")" = 2 ] || fail "English name"
[ "$(q "SELECT kind FROM names WHERE key='charlotteville' AND place_id=4752031")" = 2 ] || fail "name with no language"
[ "$(q "SELECT count(*) FROM names WHERE key IN ('londres','londinium','thames') OR form LIKE 'http%'")" = 0 ] ||
	fail "other languages, historic names, names of places left out or links kept"
[ "$(q "SELECT count(*) FROM names WHERE key='london' AND place_id=2643743")" = 1 ] || fail "London's name twice"

# The older alternateNames.txt (8 columns) reads the same way.
"$P" load --db "$tmp/p.db" $codes "$tmp/allCountries.zip" "$dx/alternateNames.txt" 2>"$tmp/err" ||
	{ cat "$tmp/err"; fail "alternateNames.txt load exited $?"; }
[ "$(q "SELECT count(*) FROM names WHERE key='london town' AND place_id=2643743")" = 1 ] || fail "alternateNames.txt: English name"
[ "$(q "SELECT count(*) FROM names WHERE key='londen'")" = 0 ] || fail "alternateNames.txt: German name kept"

# A postal layer merges with a dump's own small places: Holliday, Mo. is
# in US.zip, so the postal row is that place.
"$P" load --db "$tmp/p.db" $codes "$tmp/US.zip" "$fx/postal/postal-small.tsv" 2>"$tmp/err" ||
	{ cat "$tmp/err"; fail "US.zip + postal exited $?"; }
[ "$(q "SELECT group_concat(id) FROM places WHERE name='Holliday'")" = 4396000 ] || fail "postal Holliday not merged with the dump's"

# A zip cut short: a clear error with the file and the line where the data
# broke; the database is untouched.
python3 - "$tmp/big.txt" <<'EOF' || fail "making the big file"
import random, sys
random.seed(14)
with open(sys.argv[1], "w") as f:
    for i in range(1, 20001):
        f.write("\t".join([str(i), "Town%dx%d" % (i, random.randrange(10**6)), "Town%d" % i, "",
                           "%.5f" % random.uniform(-60, 60), "%.5f" % random.uniform(-170, 170),
                           "P", "PPL", "US", "", "VA", "", "", "", str(random.randrange(10**5)), "",
                           "100", "America/New_York", "2024-01-01"]) + "\n")
EOF
zipit "$tmp/big.zip" "$tmp/big.txt"
size=$(wc -c <"$tmp/big.zip")
head -c $((size * 2 / 3)) "$tmp/big.zip" >"$tmp/cut.zip"
cp "$tmp/p.db" "$tmp/before.db"
"$P" load --db "$tmp/p.db" $codes "$tmp/cut.zip" >"$tmp/out" 2>&1 && fail "a cut zip loaded"
grep -q "^placecheck: error: .*cut.zip: damaged compressed data, nothing was loaded from it: Truncated input file" "$tmp/out" ||
	{ cat "$tmp/out"; fail "cut zip: the error does not name the file and the cut"; }
cmp -s "$tmp/p.db" "$tmp/before.db" || fail "the database changed after a failed load"
# Damage in the middle of the data is found where the reading gets to it.
python3 - "$tmp/big.zip" "$tmp/bad.zip" <<'EOF' || fail "damaging the zip"
import sys
d = bytearray(open(sys.argv[1], "rb").read())
mid = len(d) // 2
d[mid:mid + 64] = bytes(64)
open(sys.argv[2], "wb").write(d)
EOF
"$P" load --db "$tmp/p.db" $codes "$tmp/bad.zip" >"$tmp/out" 2>&1 && fail "a damaged zip loaded"
grep -q "^placecheck: error: .*bad.zip:[1-9][0-9]*: damaged compressed data" "$tmp/out" ||
	{ cat "$tmp/out"; fail "damaged zip: no file:line in the error"; }
cmp -s "$tmp/p.db" "$tmp/before.db" || fail "the database changed after a failed load"
echo ok
