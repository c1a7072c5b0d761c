#!/bin/sh
# Run the release binary's main paths under valgrind (memcheck) and fail on
# any error or leak: load (fixtures and a bad file), check (every input
# format and output format, many files in parallel, --ndjson), query and a
# scripted shell session.  CI runs it after `make test` (.ci/run).
# usage: sh scripts/valgrind.sh   (needs ./placecheck and geodata/places.db)
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
bin=./placecheck
db=geodata/places.db
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0
failed=0

vg() { # NAME EXPECTED_STATUS ARGS...
	name=$1 want=$2
	shift 2
	valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
		--suppressions="$top/scripts/valgrind.supp" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ "$rc" -eq "$want" ]; then
		passed=$((passed + 1))
		echo "ok   valgrind $name"
	else
		failed=$((failed + 1))
		echo "FAIL valgrind $name (exit $rc, wanted $want)"
		tail -30 "$tmp/err" | sed 's/^/  /'
	fi
}

ex=tests/cases
vg check-json 1 $bin --db $db check --format json $ex/sample-rally.md $ex/canberra-country.md
vg check-text 0 $bin --db $db check --format text $ex/perth-clean.md $ex/portland-oregon-clean.html
vg check-sarif 1 $bin --db $db check --format sarif -j 2 $ex/
vg check-misspell 1 $bin --db $db check --format gcc $ex/misspelled-city.md $ex/demonym-colombia.md
printf '{"id":"a","text":"CANBERRA — Austria\\u0027s treasurer spoke in Sydney."}\n{"id":"b","text":"Nothing here."}\n' >"$tmp/in.ndjson"
vg check-ndjson 1 sh -c "$bin --db $db check --ndjson < $tmp/in.ndjson"
vg query-name 0 $bin --db $db query Springfield
vg query-in 1 $bin --db $db query "Charlottesville, N.C."
vg query-near 0 $bin --db $db query --near 38.03,-78.48 --json
printf 'Charlotte\nin N.C.\nlike Charlotte\ncheck\nCANBERRA — Austria said so in Sydney.\n\nexplain 1\nquit\n' >"$tmp/shell.in"
vg shell 0 sh -c "$bin --db $db shell < $tmp/shell.in"
vg load-fixtures 0 $bin load --db "$tmp/f.db" tests/fixtures/load/geo
printf 'not\ta\tgazetteer\n' >"$tmp/bad.txt"
vg load-bad 2 $bin load --db "$tmp/f.db" "$tmp/bad.txt"
vg missing-db 2 $bin --db "$tmp/none.db" check $ex/perth-clean.md

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
