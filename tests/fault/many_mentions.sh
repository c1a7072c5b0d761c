#!/bin/sh
# Fault: an article with 20,000 place mentions (a long list of results, a
# table of towns) is checked in bounded time and memory: no quadratic
# blow-up in context or resolve.  Limit FAULT_MENTION_SECONDS (default 30).
# Slow when it fails: run by `make fault`, not `make test`.
# Found 2026-11-25 (issue 6): 5,000 mentions of "Richmond" took 48-63 s.
. "$(dirname "$0")/lib.sh"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "- Item %d in Richmond, Virginia\n", i }' >"$tmp/many.md"
check_within "${FAULT_MENTION_SECONDS:-30}" "$tmp/many.md" "20,000 mentions"
