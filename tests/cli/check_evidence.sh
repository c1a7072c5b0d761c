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
# Fixtures the scored model flags well above the demonym-context threshold
# (Venezuela itself named twice, far off; "Caracas, Venezuela" near), so
# that a refit of the weights does not drop the finding under test.
printf '%s\n' "The Venezuelean minister did not attend the talks, aides said." "" \
	"Talks resume next week. Flights from Caracas to Maracaibo were cancelled on Friday." "" \
	"Venezuela's central bank said the bolivar fell. Venezuela sells oil to China." >"$tmp/far.txt"
printf '%s\n' "The Venezuelean minister flew home to Caracas, Venezuela, on Monday." >"$tmp/near.txt"
"$bin" --db "$db" check -f json "$tmp/far.txt" >"$tmp/far.json"
"$bin" --db "$db" check -f json "$tmp/near.txt" >"$tmp/near.json"
grep -q '"rule":"demonym-context"' "$tmp/far.json" ||
	{ echo "FAIL: no demonym-context finding on Venezuelean"; cat "$tmp/far.json"; n_fail=$((n_fail + 1)); }
grep -q 'Caracas named elsewhere in the story' "$tmp/far.json" ||
	{ echo "FAIL: far evidence not placed elsewhere in the story"; cat "$tmp/far.json"; n_fail=$((n_fail + 1)); }
grep -q '"rule":"demonym-context"' "$tmp/near.json" ||
	{ echo "FAIL: no demonym-context finding on Venezuelean (near)"; cat "$tmp/near.json"; n_fail=$((n_fail + 1)); }
grep -q 'Caracas named in the same sentence' "$tmp/near.json" ||
	{ echo "FAIL: near evidence not placed in the same sentence"; cat "$tmp/near.json"; n_fail=$((n_fail + 1)); }
# A dateline name is one piece of text, though it is both the dateline's own
# evidence and a mention: counted once ("named 2 times", not 4).  Uppsala,
# near Stockholm, so that Stockholm is evidence for the place meant.
printf '%s\n' "STOCKHOLM — Sweden's biggest carmaker said on Monday it would build a battery plant in Uppsala, Norway, creating 2,000 jobs." "" \
	"The Swedish government in Stockholm welcomed the plan." >"$tmp/twice.txt"
"$bin" --db "$db" check -f json "$tmp/twice.txt" >"$tmp/twice.json"
grep -q 'STOCKHOLM named 2 times' "$tmp/twice.json" ||
	{ echo "FAIL: Stockholm not counted twice"; cat "$tmp/twice.json"; n_fail=$((n_fail + 1)); }
[ $n_fail -eq 0 ] && echo "ok check_evidence" && exit 0
exit 1
