#!/bin/sh
# Fault: an article with 20,000 place mentions (a long list of results, a
# table of towns) is checked in bounded time and memory: no quadratic
# blow-up in context or resolve.  Limit FAULT_MENTION_SECONDS (default 30).
# Slow when it fails: run by `make fault`, not `make test`.
# Found 2026-11-25 (issue 6): 5,000 mentions of "Richmond" took 48-63 s.
. "$(dirname "$0")/lib.sh"
db=${PLACECHECK_TEST_DB:-$top/geodata/places.db}
[ -f "$db" ] || skip "no $db"
limit=${FAULT_MENTION_SECONDS:-30}
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "- Item %d in Richmond, Virginia\n", i }' >"$tmp/many.md"
s0=$(date +%s)
timeout "$((limit + 5))" "$bin" --db "$db" check --format json "$tmp/many.md" >"$tmp/out" 2>"$tmp/err"
rc=$?
s1=$(date +%s)
[ $rc -ne 124 ] || fail "20,000 mentions: still running after $((limit + 5)) s (quadratic?)"
[ $rc -le 2 ] || { tail -3 "$tmp/err"; fail "20,000 mentions: exit $rc"; }
[ $((s1 - s0)) -le "$limit" ] || fail "20,000 mentions: took $((s1 - s0)) s (limit $limit)"
echo "ok: 20,000 mentions in $((s1 - s0)) s, exit $rc"
