#!/bin/sh
# placecheck serve (issue 15): every endpoint and every error status against
# a server on a free loopback port: /api/v1/check answers exactly what
# `check --format json` prints, /api/v1/query what `query --json` prints,
# /v2/check what a LanguageTool client reads; 400, 404, 405, 413, 415, 503;
# the access log; a clean stop on SIGTERM.
. "$(dirname "$0")/lib.sh"
serve_pid=
# lib.sh's trap, and the server stopped if one is still running
trap '[ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
. "$top/tests/serve/serve_lib.sh"
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$tmp/out" 2>/dev/null; exit 1; }
# check JSON_FILE PYTHON_EXPRESSION: the document parses and the expression holds.
check() {
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2" ||
		fail "$2"
}
# status: the HTTP status of a curl run whose -w printed it into $tmp/code.
status() { [ "$(cat "$tmp/code")" = "$1" ] || fail "want HTTP $1, got $(cat "$tmp/code")"; }
# json_body FILE FORMAT [NAME]: a /api/v1/check request for FILE's text.
json_body() {
	python3 -c 'import json,sys; d={"text": open(sys.argv[1], encoding="utf-8").read(), "format": sys.argv[2]}
if len(sys.argv) > 3: d["name"] = sys.argv[3]
print(json.dumps(d))' "$@"
}
post_json() { # URL-PATH BODY-FILE
	curl -sS -o "$tmp/out" -w '%{http_code}' -H 'Content-Type: application/json' \
		--data-binary @"$2" "http://127.0.0.1:$port$1" >"$tmp/code"
}
get() { curl -sS -o "$tmp/out" -w '%{http_code}' "$@" >"$tmp/code"; }

art="$top/tests/cases/sample-rally.md"
serve_start main -j 2 --max-body 64K --access-log "$tmp/access.log"

# --- /api/v1/check: the same bytes as check --format json -----------------
json_body "$art" markdown >"$tmp/req.json"
post_json /api/v1/check "$tmp/req.json"
status 200
"$P" --db "$DB" check --no-config --format json -i markdown - <"$art" >"$tmp/cli.json"
cmp "$tmp/out" "$tmp/cli.json" || fail "/api/v1/check differs from check --format json"
check "$tmp/out" 'd["file"] == "-" and any(f["text"] == "Charlotte" and f["suggestion"] == "Charlottesville" for f in d["findings"])'
# A name, HTML, and the options.
# (a warning far above the scored model's threshold: when written, 10.4
# against 5.1)
printf '<p>CANBERRA, Australia &mdash; <b>Austria</b>&rsquo;s treasurer met the premiers of Queensland, Victoria and New South Wales in Sydney. The Australian dollar rose.</p>\n' >"$tmp/a.html"
json_body "$tmp/a.html" html story.html >"$tmp/req.json"
post_json /api/v1/check "$tmp/req.json"
status 200
(cd "$tmp" && "$P" --db "$DB" check --no-config --format json a.html) | sed 's/"file":"a.html"/"file":"story.html"/' >"$tmp/cli.json"
cmp "$tmp/out" "$tmp/cli.json" || fail "/api/v1/check html differs from check --format json"
check "$tmp/out" 'd["file"] == "story.html" and [(f["text"], f["offset"], f["suggestion"]) for f in d["findings"]] == [("Austria", 34, "Australia")]'
# A story with one warning (a dateline, three states and the Australian
# dollar: the scored model flags Austria far above its warning threshold,
# when written 10.4 against 5.1); it is used below for /v2/check too.
lt="CANBERRA, Australia -- Austria's treasurer met the premiers of Queensland, Victoria and New South Wales in Sydney. The Australian dollar rose."
python3 -c 'import json,sys; print(json.dumps({"text": sys.argv[1], "options": {"min_level": sys.argv[2]}}))' "$lt" error >"$tmp/req.json"
post_json /api/v1/check "$tmp/req.json"
status 200
check "$tmp/out" 'd["findings"] == []'
python3 -c 'import json,sys; print(json.dumps({"text": sys.argv[1], "options": {"min_level": sys.argv[2]}}))' "$lt" warning >"$tmp/req.json"
post_json /api/v1/check "$tmp/req.json"
status 200
check "$tmp/out" '[f["severity"] for f in d["findings"]] == ["warning"]'

# --- /api/v1/check: what is refused -----------------------------------------
printf '{"text": "x", ' >"$tmp/req.json"
post_json /api/v1/check "$tmp/req.json"; status 400
check "$tmp/out" '"not valid JSON" in d["error"]'
printf '["text"]' >"$tmp/req.json"
post_json /api/v1/check "$tmp/req.json"; status 400
check "$tmp/out" '"\"text\" string" in d["error"]'
printf '{"text": "x", "format": "pdf"}' >"$tmp/req.json"
post_json /api/v1/check "$tmp/req.json"; status 400
check "$tmp/out" '"format" in d["error"]'
printf '{"text": "x", "options": {"fail_on": "error"}}' >"$tmp/req.json"
post_json /api/v1/check "$tmp/req.json"; status 400
check "$tmp/out" 'd["error"].startswith("unknown option \"fail_on\"")'
get -H 'Content-Type: text/plain' --data-binary 'RICHMOND' "http://127.0.0.1:$port/api/v1/check"; status 415
# Over the body limit (64K here): announced, then chunked (no length).
python3 -c 'import json; print(json.dumps({"text": "Charlotte. " * 7000}))' >"$tmp/big.json"
post_json /api/v1/check "$tmp/big.json"; status 413
check "$tmp/out" '"limit of 65536 bytes" in d["error"]'
get -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' -H 'Expect:' \
	--data-binary @"$tmp/big.json" "http://127.0.0.1:$port/api/v1/check"; status 413
# The server goes on answering after refusals.
json_body "$art" markdown >"$tmp/req.json"
post_json /api/v1/check "$tmp/req.json"; status 200

# --- /api/v1/query: the same bytes as query --json ---------------------------
get "http://127.0.0.1:$port/api/v1/query?q=Springfield"; status 200
"$P" --db "$DB" query --json Springfield >"$tmp/cli.json"
cmp "$tmp/out" "$tmp/cli.json" || fail "/api/v1/query differs from query --json"
get "http://127.0.0.1:$port/api/v1/query?q=Charlottesville%2C+N.C.&limit=3"; status 200
"$P" --db "$DB" query --json --limit 3 "Charlottesville, N.C." >"$tmp/cli.json"
cmp "$tmp/out" "$tmp/cli.json" || fail "/api/v1/query 'Charlottesville, N.C.' differs from query --json"
get "http://127.0.0.1:$port/api/v1/query"; status 400
check "$tmp/out" '"?q=NAME" in d["error"]'
get "http://127.0.0.1:$port/api/v1/query?q=Paris&limit=0"; status 400

# --- /v2/check: a LanguageTool client's request ------------------------------
# Offsets count UTF-16 units: the emoji before the slip is two (in a
# headline: at the very start of the text it would hide the dateline).
lt_emoji="Budget talks 😀

$lt"
lt_off=$(python3 -c 'import sys; t = sys.argv[1]; print(len(t[:t.index("Austria")].encode("utf-16-le")) // 2)' "$lt_emoji")
[ "$lt_off" -eq 40 ] || fail "the test's own offset: $lt_off"
get --data-urlencode "text=$lt_emoji" \
	--data-urlencode 'language=en-US' --data-urlencode 'motherTongue=de' "http://127.0.0.1:$port/v2/check"
status 200
check "$tmp/out" 'd["software"]["name"] == "placecheck" and d["language"]["code"] == "en-US" and len(d["matches"]) == 1'
check "$tmp/out" 'd["matches"][0]["offset"] == 40 and d["matches"][0]["length"] == 7 and d["matches"][0]["replacements"] == [{"value": "Australia"}]'
check "$tmp/out" 'd["matches"][0]["rule"]["id"] == "lookalike-context" and d["matches"][0]["rule"]["category"]["id"] == "PLACES" and d["matches"][0]["rule"]["issueType"]'
check "$tmp/out" '(lambda m, o, n: m["context"]["text"].encode("utf-16-le")[2 * o:2 * (o + n)].decode("utf-16-le") == "Austria")(d["matches"][0], d["matches"][0]["context"]["offset"], d["matches"][0]["context"]["length"])'
# "sentence" is the match's whole line (serve_lt.c: add_match)
check "$tmp/out" 'd["matches"][0]["message"] and d["matches"][0]["shortMessage"] and d["matches"][0]["sentence"] == "'"$lt"'"'
# data: offsets count the markup too.
get --data-urlencode 'data={"annotation":[{"markup":"<p>"},{"text":"CANBERRA, Australia -- "},{"markup":"<b>"},{"text":"Austria"},{"markup":"</b>"},{"text":"'"'"'s treasurer met the premiers of Queensland, Victoria and New South Wales in Sydney. The Australian dollar rose."},{"markup":"</p>","interpretAs":"\n\n"}]}' \
	--data-urlencode 'language=auto' "http://127.0.0.1:$port/v2/check"
status 200
check "$tmp/out" 'len(d["matches"]) == 1 and d["matches"][0]["offset"] == 29 and d["matches"][0]["length"] == 7'
# Rules and categories switched off (the same text has its match above).
get --data-urlencode "text=$lt" \
	--data-urlencode 'language=en-US' --data-urlencode 'disabledRules=LOOKALIKE-CONTEXT' "http://127.0.0.1:$port/v2/check"
status 200; check "$tmp/out" 'd["matches"] == []'
get --data-urlencode "text=$lt" \
	--data-urlencode 'language=en-US' -d 'enabledOnly=true&enabledRules=misspelled-place' "http://127.0.0.1:$port/v2/check"
status 200; check "$tmp/out" 'd["matches"] == []'
get --data-urlencode "text=$lt" \
	--data-urlencode 'language=en-US' -d 'enabledOnly=true&enabledRules=misspelled-place,lookalike-context' "http://127.0.0.1:$port/v2/check"
status 200; check "$tmp/out" 'len(d["matches"]) == 1'
# GET works as well as POST.
get "http://127.0.0.1:$port/v2/check?language=en-US&text=CANBERRA%2C+Australia+--+Austria%27s+treasurer+met+the+premiers+of+Queensland%2C+Victoria+and+New+South+Wales+in+Sydney.+The+Australian+dollar+rose."
status 200; check "$tmp/out" 'len(d["matches"]) == 1'
get -d 'language=en-US' "http://127.0.0.1:$port/v2/check"; status 400
check "$tmp/out" '"missing" in d["error"]'
get -d 'text=Paris' "http://127.0.0.1:$port/v2/check"; status 400
check "$tmp/out" '"language" in d["error"]'
get -d 'language=en-US&text=50%zz' "http://127.0.0.1:$port/v2/check"; status 400
check "$tmp/out" '"malformed form data: bad percent escape" in d["error"]'
get -d 'language=en-US&text=%C3' "http://127.0.0.1:$port/v2/check"; status 400
get -d 'language=en-US&data={"annotation":[{"text":1}]}' "http://127.0.0.1:$port/v2/check"; status 400
check "$tmp/out" '"annotation item 0" in d["error"]'
get -d 'language=en-US&data={' "http://127.0.0.1:$port/v2/check"; status 400
get "http://127.0.0.1:$port/v2/languages"; status 200
check "$tmp/out" 'any(l["longCode"] == "en-US" for l in d)'

# --- the page, unknown paths, wrong methods -----------------------------------
get -D "$tmp/headers" "http://127.0.0.1:$port/"; status 200
grep -q '<title>placecheck' "$tmp/out" || fail "GET / is not the page"
grep -qi '^content-type: text/html; charset=utf-8' "$tmp/headers" || fail "the page's content type"
grep -qi "^content-security-policy: default-src 'none'" "$tmp/headers" || fail "no CSP on the page"
get -I "http://127.0.0.1:$port/"; status 200
get "http://127.0.0.1:$port/nothing-here"; status 404
get --path-as-is "http://127.0.0.1:$port/../../etc/passwd"; status 404
grep -q root: "$tmp/out" && fail "a request read a file"
get -X DELETE -D "$tmp/headers" "http://127.0.0.1:$port/api/v1/check"; status 405
grep -qi '^allow: POST' "$tmp/headers" || fail "405 without Allow"
get "http://127.0.0.1:$port/api/v1/check"; status 405

# --- stop on SIGTERM; the access log -------------------------------------------
serve_stop
rc=$?
[ $rc -eq 0 ] || { cat "$tmp/main.err"; fail "SIGTERM: exit $rc, not 0"; }
grep -q 'terminated: finishing the requests in flight' "$tmp/main.err" || fail "no stop message"
grep -q '"POST /api/v1/check" 200 ' "$tmp/access.log" || fail "access log: no check line"
grep -q '"POST /api/v1/check" 413 ' "$tmp/access.log" || fail "access log: no 413 line"
grep -q '"GET /v2/languages" 200 ' "$tmp/access.log" || fail "access log: no languages line"
n=$(wc -l <"$tmp/access.log")
[ "$n" -ge 30 ] || fail "access log: $n lines"
serve_pid=

# --- the time limit: a long text, a tiny limit: 503, and the server goes on -------
serve_start slow -j 1 --time-limit 0.001
python3 -c 'import json; print(json.dumps({"text": open("'"$art"'").read() * 1500}))' >"$tmp/long.json"
post_json /api/v1/check "$tmp/long.json"; status 503
check "$tmp/out" '"time limit" in d["error"]'
get "http://127.0.0.1:$port/v2/languages"; status 200
serve_stop || fail "second server: exit $?"
serve_pid=

# --- bad options ----------------------------------------------------------------
"$P" --db "$DB" serve --bind not-an-address --port 0 2>"$tmp/out"
[ $? -eq 2 ] || fail "--bind not-an-address should exit 2"
grep -q "'not-an-address' is not an IP address" "$tmp/out" || fail "--bind message"
"$P" --db "$DB" serve --port 70000 2>"$tmp/out"
[ $? -eq 2 ] || fail "--port 70000 should exit 2"
"$P" --db "$DB" serve --max-body 1G 2>"$tmp/out"
[ $? -eq 2 ] || fail "--max-body 1G should exit 2"
"$P" --db "$tmp/none.db" serve --port 0 2>"$tmp/out"
[ $? -eq 2 ] || fail "a missing database should exit 2"
echo "1 passed, 0 failed"
