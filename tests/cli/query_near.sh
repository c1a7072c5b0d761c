#!/bin/sh
# placecheck query --near LAT,LON [--radius KM] and --prefix TEXT (issue 5).
. "$(dirname "$0")/lib.sh"
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$tmp/out"; exit 1; }

# Around Charlottesville's own coordinates: Charlottesville first, at 0 km.
COLUMNS=200 "$P" --db "$DB" query --long --near 38.02931,-78.47668 >"$tmp/out" || fail "--near exited $?"
head -1 "$tmp/out" | grep -q '^Within 25 km of 38\.02931, -78\.47668: [0-9]* places, nearest first$' || fail "header"
sed -n 2p "$tmp/out" | grep -q '^ *0\.0 km  Charlottesville, Virginia (Va\.), United States;.*GeoNames 4752031$' ||
	fail "Charlottesville not first"
# Sorted by distance, all within the radius.
awk 'NR > 1 && / km  / { d = $1 + 0; if (d < last || d > 25) exit 1; last = d }' "$tmp/out" || fail "not sorted or out of radius"
# "LAT LON" works too; a small radius keeps only the town itself.
"$P" --db "$DB" query --near "38.03 -78.48" --radius 1 >"$tmp/out" || fail "--near 'LAT LON' --radius 1"
[ "$(grep -c ' km  ' "$tmp/out")" -eq 1 ] || fail "radius 1 km should hold one place"
# Across the antimeridian: Fiji's Taveuni straddles 180 degrees.
"$P" --db "$DB" query --near -16.8,-179.99 --radius 150 >"$tmp/out" || fail "--near across 180"
grep -q 'Fiji' "$tmp/out" || fail "nothing found across the antimeridian"
# --in narrows --near.
"$P" --db "$DB" query --near 38.9,-77.03 --radius 15 --in Va. >"$tmp/out" || fail "--near --in"
grep -q ' km  .*, District of Columbia' "$tmp/out" && fail "--in Va. kept a D.C. place"
grep -q ' km  .*, Virginia (Va\.)' "$tmp/out" || fail "--in Va. kept nothing in Virginia"

# --prefix: what completion uses.
"$P" --db "$DB" query --prefix Charlott >"$tmp/out" || fail "--prefix exited $?"
grep -qx 'Charlotte' "$tmp/out" || fail "--prefix Charlott: no Charlotte"
grep -qx 'Charlottesville' "$tmp/out" || fail "--prefix Charlott: no Charlottesville"
[ "$(head -1 "$tmp/out")" = "Charlotte" ] || fail "the most populous first"
"$P" --db "$DB" query --prefix "charlottesv" >"$tmp/out" || fail "--prefix is case-folded"
grep -qx 'Charlottesville' "$tmp/out" || fail "--prefix charlottesv"
"$P" --db "$DB" query --prefix "New " --limit 5 >"$tmp/out" || fail "--prefix 'New '"
grep -qx 'New York' "$tmp/out" || fail "'New ' offers no New York"
grep -q '^Newark' "$tmp/out" && fail "'New ' (with its space) offered Newark"
echo "1 passed, 0 failed"
