#!/bin/sh
# make fault: every fault test in tests/fault/, slow ones included.  The
# quick ones also run in `make test` through tests/cli/fault_*.sh.
# Last line "N passed, N failed".
set -u
dir=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
for t in "$dir"/*.sh; do
	case $(basename "$t") in run.sh|lib.sh) continue ;; esac
	out=$(sh "$t" 2>&1)
	rc=$?
	name=$(basename "$t" .sh)
	if [ $rc -eq 0 ]; then
		passed=$((passed + 1)); echo "ok   $name: $(echo "$out" | tail -1)"
	else
		failed=$((failed + 1)); echo "FAIL $name (exit $rc)"; echo "$out" | tail -15 | sed 's/^/  /'
	fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
