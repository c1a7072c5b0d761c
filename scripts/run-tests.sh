#!/bin/sh
# Run every test: unit tests (ASan+UBSan build), then tests/cli/*.sh against
# the sanitizer build of the binary (all but tests/cli/lib.sh, the preamble
# the scripts source).  Prints one line per suite and a last line
# "N passed, N failed" that sums them all.  Exit 1 if anything failed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

add_counts() { # parse "N passed, N failed" from the log's last such line
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
	if [ -z "$line" ]; then
		failed=$((failed + 1))
		echo "  (no summary line: counted as one failure)"
		return
	fi
	p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) failed.*/\1/')
	passed=$((passed + p))
	failed=$((failed + f))
}

for t in build/asan/tests/test_*; do
	[ -x "$t" ] || continue
	"$t" >"$log" 2>&1
	rc=$?
	echo "unit $(basename "$t"): $(grep -E '^[0-9]+ passed' "$log" | tail -1)"
	grep -E '^ *FAIL|ERROR: AddressSanitizer|runtime error' "$log" | head -20
	add_counts
	if [ $rc -ne 0 ] && ! grep -qE '^[0-9]+ passed, [1-9]' "$log"; then
		failed=$((failed + 1)); echo "  exit status $rc"; tail -20 "$log"
	fi
done

export PLACECHECK_BIN="$top/build/asan/placecheck"
export PLACECHECK_REL="$top/placecheck"
export PLACECHECK_TEST_DB="$top/geodata/places.db"
export PLACECHECK_TOP="$top"
for t in tests/cli/*.sh; do
	[ -f "$t" ] || continue
	[ "$t" = tests/cli/lib.sh ] && continue # their shared preamble, not a test
	sh "$t" >"$log" 2>&1
	rc=$?
	name=$(basename "$t" .sh)
	if [ $rc -eq 0 ]; then
		passed=$((passed + 1)); echo "ok   cli $name"
	else
		failed=$((failed + 1)); echo "FAIL cli $name (exit $rc)"; tail -30 "$log" | sed 's/^/  /'
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
