#!/bin/sh
# placecheck query with an English ceremonial county (a group of admin2
# units loaded as a first-level region: geodata/extra/uk-counties.tsv).
# --in and "NAME, COUNTY" answer by the county's member units, not by
# England (Bolton is in Greater Manchester, not Merseyside), and the county
# itself reads as a ceremonial county of England, not as a nation.
. "$(dirname "$0")/lib.sh"
export COLUMNS=200
# The answer's first line.
first() { head -1 "$tmp/out"; }

"$P" --db "$DB" query Bolton --in Merseyside >"$tmp/out" 2>&1
rc=$?
[ $rc -eq 1 ] || fail "Bolton --in Merseyside exited $rc, want 1 (not there)"
first | grep -q '^No Bolton in Merseyside\. Bolton is in ' ||
	{ fail "Bolton --in Merseyside: $(first)"; cat "$tmp/out"; }

"$P" --db "$DB" query "Bolton, Merseyside" >"$tmp/out" 2>&1
rc=$?
[ $rc -eq 1 ] || fail "'Bolton, Merseyside' exited $rc, want 1"
first | grep -q '^No Bolton in Merseyside\.' || fail "'Bolton, Merseyside': $(first)"

# Yes answers, by the county's name.
"$P" --db "$DB" query Southport --in Merseyside >"$tmp/out" 2>&1 || fail "Southport --in Merseyside: no"
[ "$(first)" = "Yes: Southport is in Merseyside." ] || fail "Southport --in Merseyside: $(first)"
"$P" --db "$DB" query "Crewe, Cheshire" >"$tmp/out" 2>&1 || fail "'Crewe, Cheshire': no"
[ "$(first)" = "Yes: Crewe is in Cheshire." ] || fail "'Crewe, Cheshire': $(first)"
"$P" --db "$DB" query Reading --in Berks >"$tmp/out" 2>&1 || fail "Reading --in Berks: no"
first | grep -q ' in Berkshire\.$' || fail "Reading --in Berks: $(first)"
# England still holds them all.
"$P" --db "$DB" query Bolton --in England >"$tmp/out" 2>&1 || fail "Bolton --in England: no"
[ "$(first)" = "Yes: Bolton is in England." ] || fail "Bolton --in England: $(first)"

# The county itself: a ceremonial county of England.
"$P" --db "$DB" query Merseyside >"$tmp/out" 2>&1 || fail "query Merseyside failed"
grep -q '^  Merseyside, England, United Kingdom; ceremonial county; pop\. [0-9,]*$' "$tmp/out" ||
	{ fail "Merseyside is not described as a ceremonial county of England"; cat "$tmp/out"; }
grep -q 'nation' "$tmp/out" && fail "Merseyside described as a nation"
"$P" --db "$DB" query --json Merseyside >"$tmp/out" 2>&1 || fail "query --json Merseyside"
grep -q '"kind":"ceremonial county"' "$tmp/out" || { fail "JSON kind of Merseyside"; cat "$tmp/out"; }
grep -q '"admin1":"England"' "$tmp/out" || fail "JSON admin1 of Merseyside"

[ $fails -eq 0 ] && echo "1 passed, 0 failed" && exit 0
exit 1
