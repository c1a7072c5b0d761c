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
# A GeoNames country dump as downloaded (a zip with a readme), an alternate
# names zip, feature classes, the postal layer merging (issue 14).
python3 - "$tmp" <<'PY' || exit 2
import sys, zipfile
d, fx = sys.argv[1], "tests/fixtures/load/dumps/"
with zipfile.ZipFile(d + "/US.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.write(fx + "US.txt", "US.txt"); z.write(fx + "readme.txt", "readme.txt")
with zipfile.ZipFile(d + "/alt.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.write(fx + "alternateNamesV2.txt", "alternateNamesV2.txt")
    z.write(fx + "iso-languagecodes.txt", "iso-languagecodes.txt")
PY
vg load-dumps 0 $bin load --db "$tmp/d.db" --feature-classes P,A,H tests/fixtures/load/geo \
	"$tmp/US.zip" "$tmp/alt.zip" tests/fixtures/load/postal/postal-small.tsv
vg query-layers 1 $bin --db $db query --long "Nowhereville, Mo."
printf 'not\ta\tgazetteer\n' >"$tmp/bad.txt"
vg load-bad 2 $bin load --db "$tmp/f.db" "$tmp/bad.txt"
vg missing-db 2 $bin --db "$tmp/none.db" check $ex/perth-clean.md

# The language server: a scripted session on standard input (no sh -c in
# between, so that valgrind watches placecheck itself).
python3 - "$tmp/lsp.in" <<'PY'
import json, sys
msgs = [
    {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
    {"jsonrpc": "2.0", "method": "initialized", "params": {}},
    {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///a.md",
     "languageId": "markdown", "version": 1, "text": open("tests/cases/sample-rally.md").read()}}},
    {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///a.md"},
     "position": {"line": 8, "character": 15}}},
    {"jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///a.md"},
     "range": {"start": {"line": 8, "character": 13}, "end": {"line": 8, "character": 22}}, "context": {"diagnostics": []}}},
    {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///a.md", "version": 2},
     "contentChanges": [{"text": "CANBERRA -- Austria's prime minister met the premiers in Sydney."}]}},
    {"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": "file:///a.md"}}},
    {"jsonrpc": "2.0", "id": 4, "method": "shutdown"},
    {"jsonrpc": "2.0", "method": "exit"},
]
with open(sys.argv[1], "wb") as f:
    for m in msgs:
        b = json.dumps(m).encode()
        f.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
PY
if valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
	--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
	--suppressions="$top/scripts/valgrind.supp" $bin --db $db lsp <"$tmp/lsp.in" >"$tmp/out" 2>"$tmp/err" &&
	grep -q '"id":4,"result":null' "$tmp/out"; then
	passed=$((passed + 1)); echo "ok   valgrind lsp"
else
	failed=$((failed + 1)); echo "FAIL valgrind lsp"; tail -30 "$tmp/err" | sed 's/^/  /'
fi

# The HTTP server: a few requests of each kind, then SIGTERM (exit 0).
valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
	--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
	--suppressions="$top/scripts/valgrind.supp" $bin --db $db serve --port 0 -j 2 2>"$tmp/serve.err" &
vpid=$!
port=
i=0
while [ -z "$port" ] && [ $i -lt 600 ] && kill -0 $vpid 2>/dev/null; do
	sleep 0.1
	port=$(sed -n 's/.*listening on http:\/\/[^ ]*:\([0-9][0-9]*\)\/ .*/\1/p' "$tmp/serve.err")
	i=$((i + 1))
done
ok=0
if [ -n "$port" ]; then
	u=http://127.0.0.1:$port
	curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"text":"CANBERRA -- Austria met Sydney.","format":"text"}' $u/api/v1/check &&
	curl -s -o /dev/null -H 'Content-Type: application/json' -d '{bad' $u/api/v1/check &&
	curl -s -o /dev/null "$u/api/v1/query?q=Springfield" &&
	curl -s -o /dev/null -d 'language=en-US&text=CANBERRA+--+Austria+met+Sydney.' $u/v2/check &&
	curl -s -o /dev/null -d 'language=en-US&data={"annotation":[{"markup":"<p>"},{"text":"Austria"}]}' $u/v2/check &&
	curl -s -o /dev/null $u/ && ok=1
fi
kill -TERM $vpid 2>/dev/null
wait $vpid
rc=$?
if [ $ok -eq 1 ] && [ $rc -eq 0 ]; then
	passed=$((passed + 1)); echo "ok   valgrind serve"
else
	failed=$((failed + 1)); echo "FAIL valgrind serve (exit $rc, requests ok: $ok)"; tail -30 "$tmp/serve.err" | sed 's/^/  /'
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
