#!/bin/sh
# placecheck query --json (issue 5): one JSON document per question, for
# scripts; the fields a script needs are there.
. "$(dirname "$0")/lib.sh"
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$tmp/out"; exit 1; }
# check JSON_FILE PYTHON_EXPRESSION: the document parses and the expression holds.
check() {
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2" ||
		fail "$2"
}

"$P" --db "$DB" query --json Springfield >"$tmp/out" || fail "query --json Springfield"
check "$tmp/out" 'd["query"] == "name" and d["found"] is True and d["total"] >= len(d["places"]) > 2'
check "$tmp/out" 'any(p["id"] == 4250542 and p["kind"] == "state capital" and p["admin1"] == "Illinois" and p["admin1_code"] == "IL" and p["admin1_abbrev"] == "Ill." and p["country"] == "US" for p in d["places"])'
check "$tmp/out" 'any(a["name"] == "West Springfield" and a["kind"] == "prefix" and a["how"] == "prefix word" for a in d["lookalikes"])'

"$P" --db "$DB" query --json "Charlottesville, N.C." >"$tmp/out"
[ $? -eq 1 ] || fail "--json 'Charlottesville, N.C.' should exit 1"
check "$tmp/out" 'd["query"] == "in" and d["found"] is False and d["places"] == [] and d["region"]["admin1_code"] == "NC" and d["region"]["label"] == "N.C."'
check "$tmp/out" 'd["elsewhere"][0]["id"] == 4752031 and d["lookalikes"][0]["place"]["id"] == 4460243 and d["lookalikes"][0]["how"] == "suffix"'

"$P" --db "$DB" query --json --near 38.02931,-78.47668 --radius 10 >"$tmp/out" || fail "--json --near"
check "$tmp/out" 'd["query"] == "near" and d["radius_km"] == 10 and d["places"][0]["id"] == 4752031 and d["places"][0]["distance_km"] < 0.1'
check "$tmp/out" 'all(p["distance_km"] <= 10 for p in d["places"])'

"$P" --db "$DB" query --json --prefix Charlott >"$tmp/out" || fail "--json --prefix"
check "$tmp/out" '{"Charlotte", "Charlottesville"} <= {c["name"] for c in d["completions"]}'

# Names with quotes and backslashes are escaped, and nothing found is still JSON.
"$P" --db "$DB" query --json 'Xq"uo\te\\d' >"$tmp/out"
[ $? -eq 1 ] || fail "a name found nowhere should exit 1"
check "$tmp/out" 'd["found"] is False and d["name"] == "Xq\"uo\\te\\\\d"'
echo "1 passed, 0 failed"
