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
awk 'BEGIN { printf "Storms hit Paris, "; for (i = 0; i < 20000; i++) printf "Georgia, Mexico, "; print "Georgia." }' >"$tmp/list.txt"
check_within "${FAULT_LIST_SECONDS:-30}" "$tmp/list.txt" "a list of 40,001 states and countries"
