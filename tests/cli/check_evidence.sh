#!/bin/sh
# A finding's evidence says where the evidence stands relative to the flagged
# word.  A misspelling is no mention of its own; its evidence used to read
# "in the same sentence" wherever it stood.
set -u
top=${PLACECHECK_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${PLACECHECK_BIN:-$top/placecheck}
db=${PLACECHECK_TEST_DB:-$top/geodata/places.db}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
n_fail=0
printf '%s\n' "Officials in Bogota met on Monday." "" \
	"The Venezuelean minister did not attend the talks, aides said." "" \
	"Talks resume next week. Flights from Caracas to Maracaibo were cancelled on Friday." >"$tmp/far.txt"
printf '%s\n' "The Venezuelean minister flew home to Caracas on Monday." >"$tmp/near.txt"
"$bin" --db "$db" check -f json "$tmp/far.txt" >"$tmp/far.json"
"$bin" --db "$db" check -f json "$tmp/near.txt" >"$tmp/near.json"
grep -q '"rule":"demonym-context"' "$tmp/far.json" ||
	{ echo "FAIL: no demonym-context finding on Venezuelean"; cat "$tmp/far.json"; n_fail=$((n_fail + 1)); }
grep -q 'Caracas named elsewhere in the story' "$tmp/far.json" ||
	{ echo "FAIL: far evidence not placed elsewhere in the story"; cat "$tmp/far.json"; n_fail=$((n_fail + 1)); }
grep -q 'Caracas named in the same sentence' "$tmp/near.json" ||
	{ echo "FAIL: near evidence not placed in the same sentence"; cat "$tmp/near.json"; n_fail=$((n_fail + 1)); }
[ $n_fail -eq 0 ] && echo "ok check_evidence" && exit 0
exit 1
