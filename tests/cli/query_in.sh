#!/bin/sh
# placecheck query "NAME, REGION" and NAME --in REGION (issue 5): is there
# such a place there?  If not, say so plainly and name the candidates.
. "$(dirname "$0")/lib.sh"
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$tmp/out"; exit 1; }
# The answer's first sentence, its wrapped lines joined (issue 17: 80 columns).
first() { awk '/^(Elsewhere|Look-alikes|Did you mean)|^  /{exit} {printf "%s%s", sep, $0; sep=" "}' "$tmp/out"; }

want='No Charlottesville in North Carolina. Charlottesville is in Virginia and Indiana. In North Carolina: Charlotte.'
COLUMNS=200 "$P" --db "$DB" query --long "Charlottesville, N.C." >"$tmp/out" 2>&1
rc=$?
[ $rc -eq 1 ] || fail "'Charlottesville, N.C.' exited $rc, want 1 (nothing there)"
[ "$(first)" = "$want" ] || fail "first line"
grep -q '^  Charlottesville, Virginia (Va\.), United States; county seat;.*GeoNames 4752031$' "$tmp/out" ||
	fail "the Virginia Charlottesville is not listed"
grep -q '^  Charlotte (suffix): Charlotte, North Carolina (N\.C\.), United States;.*GeoNames 4460243$' "$tmp/out" ||
	fail "Charlotte, N.C. is not offered"

# The same question with --in, and regions written every way.
for r in N.C. NC "North Carolina" US.NC "north carolina"; do
	"$P" --db "$DB" query Charlottesville --in "$r" >"$tmp/out" 2>&1
	rc=$?
	[ $rc -eq 1 ] || fail "--in '$r' exited $rc"
	[ "$(first)" = "$want" ] || fail "--in '$r' first line"
done

# Yes answers.
"$P" --db "$DB" query "Charlotte, N.C." >"$tmp/out" 2>&1 || fail "'Charlotte, N.C.' not found"
[ "$(head -1 "$tmp/out")" = "Yes: Charlotte is in North Carolina." ] || fail "yes line"
"$P" --db "$DB" query Charlottesville --in Va. >"$tmp/out" 2>&1 || fail "Charlottesville --in Va."
"$P" --db "$DB" query "Sydney, AU" >"$tmp/out" 2>&1 || fail "'Sydney, AU' not found"
grep -q '^  Sydney, New South Wales (N\.S\.W\.), Australia; state capital;' "$tmp/out" || fail "Sydney, AU"
COLUMNS=200 "$P" --db "$DB" query Sydney -v --in "Nova Scotia" >"$tmp/out" 2>&1 || fail "Sydney --in Nova Scotia"
grep -q '^  Sydney, Nova Scotia (N\.S\.), Canada;.*GeoNames 6354908$' "$tmp/out" || fail "Sydney, Nova Scotia"
"$P" --db "$DB" query Sydney --in Austria >"$tmp/out" 2>&1
[ $? -eq 1 ] || fail "Sydney in Austria should be a no"
head -1 "$tmp/out" | grep -q '^No Sydney in Austria\. Sydney is in New South Wales, Australia' ||
	fail "Sydney in Austria: where it is instead"
echo "1 passed, 0 failed"
