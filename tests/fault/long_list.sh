#!/bin/sh
# Fault: a comma list of 40,001 names that each read as a state and as a
# country ("Georgia, Mexico, Georgia, Mexico, ...") is checked in bounded
# time.  Limit FAULT_LIST_SECONDS (default 30).  Slow when it fails: run by
# `make fault`, not `make test`.
# Found 2026-12-05 (issue 13) before it landed: asking whether a
# town-state-country chain ends asked again of the next name, recursively,
# once for every pair of the list: quadratic (20,000 pairs ran past 120 s
# in the ASan build; 1.3 s after the fix) and as deep as the list.
. "$(dirname "$0")/lib.sh"
db=${PLACECHECK_TEST_DB:-$top/geodata/places.db}
[ -f "$db" ] || skip "no $db"
limit=${FAULT_LIST_SECONDS:-30}
awk 'BEGIN { printf "Storms hit Paris, "; for (i = 0; i < 20000; i++) printf "Georgia, Mexico, "; print "Georgia." }' >"$tmp/list.txt"
s0=$(date +%s)
timeout "$((limit + 5))" "$bin" --db "$db" check --format json "$tmp/list.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
s1=$(date +%s)
[ $rc -ne 124 ] || fail "a list of 40,001 states and countries: still running after $((limit + 5)) s (quadratic?)"
[ $rc -le 1 ] || { tail -3 "$tmp/err"; fail "a list of 40,001 states and countries: exit $rc"; }
[ $((s1 - s0)) -le "$limit" ] || fail "a list of 40,001 states and countries: took $((s1 - s0)) s (limit $limit)"
echo "ok: a list of 40,001 states and countries in $((s1 - s0)) s, exit $rc"
