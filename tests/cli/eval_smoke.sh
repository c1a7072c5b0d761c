#!/bin/sh
# make eval's scripts run: the per-rule and injection evaluations on the
# first 2 articles of each corpus (no numbers checked; the full eval is
# `make eval`, never part of make test).
set -u
top=${PLACECHECK_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${PLACECHECK_REL:-$top/placecheck}
db=${PLACECHECK_TEST_DB:-$top/geodata/places.db}
out=$(cd "$top" && PLACECHECK=$bin PLACECHECK_DB=$db sh scripts/eval.sh --quick 2 2>&1)
rc=$?
echo "$out"
[ $rc -eq 0 ] || { echo "FAIL: eval.sh --quick 2 exit $rc"; exit 1; }
echo "$out" | grep -q '^articles: ' || { echo "FAIL: no per-rule summary"; exit 1; }
echo "$out" | grep -q '^injection: ' || { echo "FAIL: no injection summary"; exit 1; }
