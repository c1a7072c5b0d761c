#!/bin/sh
# placecheck query NAME (issue 5): every place with the name, most prominent
# first, one line each with region, AP abbreviation, kind and population
# (with --long also coordinates and GeoNames id: issue 17); then the
# look-alikes and how they are alike, each with its own place.
. "$(dirname "$0")/lib.sh"
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$tmp/out"; exit 1; }
# The content, not the wrapping, is tested here (query_lookalike.sh tests 80 columns).
export COLUMNS=200

COLUMNS=200 "$P" --db "$DB" query --long Springfield >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] || fail "query Springfield exited $rc, want 0"
head -1 "$tmp/out" | grep -q '^Springfield: [0-9]* places, most prominent first$' ||
	fail "header line"
grep -q '^  Springfield, Illinois (Ill\.), United States; state capital; pop\. [0-9,]*; 39\.80172,-89\.64371; GeoNames 4250542$' "$tmp/out" ||
	fail "Springfield, Illinois is not listed as a state capital"
# Ranked by prominence: Missouri's Springfield (the most populous) comes first.
sed -n 2p "$tmp/out" | grep -q '^  Springfield, Missouri (Mo\.), United States;' ||
	fail "most populous Springfield not first"
grep -q '^Look-alikes of Springfield:$' "$tmp/out" || fail "no look-alike section"
grep -q '^  West Springfield (prefix word): West Springfield, Massachusetts' "$tmp/out" ||
	fail "West Springfield not a prefix-word look-alike"

# Look-alikes say how they are alike.
"$P" --db "$DB" query Charlotte >"$tmp/out" 2>&1 || fail "query Charlotte failed"
grep -q '^  Charlottesville (suffix): Charlottesville, Virginia (Va\.), United States; county seat;' "$tmp/out" ||
	fail "Charlottesville not a suffix look-alike of Charlotte"
"$P" --db "$DB" query Colombia >"$tmp/out" 2>&1
grep -q '^  Columbia (edit distance 1)' "$tmp/out" || fail "Columbia not at edit distance 1 from Colombia"

# Countries and states in words; folding of case and accents.
"$P" --db "$DB" query virginia --limit 1 >"$tmp/out" 2>&1 || fail "query virginia failed"
sed -n 2p "$tmp/out" | grep -q '^  Virginia (Va\.), United States; state;' || fail "Virginia as a state"
"$P" --db "$DB" query "BOGOTÁ" >"$tmp/out" 2>&1 || fail "query BOGOTÁ failed"
grep -q 'Bogot.*Colombia; capital' "$tmp/out" || fail "Bogota not found as a capital through folding"

# --limit caps the list and says how many more there are.
COLUMNS=200 "$P" --db "$DB" query Springfield --limit 2 -v >"$tmp/out" 2>&1
[ "$(grep -c '^  Springfield' "$tmp/out")" -ge 2 ] || fail "--limit 2 listed too few"
grep -q '^  ([0-9]* more not shown' "$tmp/out" || fail "--limit gives no 'more' line"
[ "$(sed -n '/^Springfield:/,/^Look-alikes/p' "$tmp/out" | grep -c '; GeoNames ')" -eq 2 ] ||
	fail "--limit 2 did not list exactly 2 places"
echo "1 passed, 0 failed"
