#!/bin/sh
# The bundled database's two layers (issue 14): a town of the GeoNames
# layer and one of the US postal layer, each found by query and told apart;
# an answer that finds nothing (and any --long answer) says which layers
# were searched; --json carries them and marks a postal place.
. "$(dirname "$0")/lib.sh"
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$tmp/out"; exit 1; }
export COLUMNS=200
searched='^searched: GeoNames cities500, US postal places$'

# The postal layer: Holliday, Mo. (about 150 people; not in cities500).
"$P" --db "$DB" query "Holliday, Mo." >"$tmp/out" 2>&1 || fail "query 'Holliday, Mo.' exited $?"
[ "$(head -1 "$tmp/out")" = "Yes: Holliday is in Missouri." ] || fail "Holliday, Mo. not found"
grep -q '^  Holliday, Missouri (Mo\.), United States; postal place$' "$tmp/out" || fail "Holliday, Mo. not marked as a postal place"
grep -q '^searched:' "$tmp/out" && fail "a yes says what was searched"
"$P" --db "$DB" query --long "Holliday, Mo." >"$tmp/out" 2>&1 || fail "query --long exited $?"
grep -q '^  Holliday, Missouri (Mo\.), United States; postal place; 39\.49040,-92\.13180$' "$tmp/out" ||
	fail "--long: a postal place has coordinates and no GeoNames id"
grep -q "$searched" "$tmp/out" || fail "--long does not say what was searched"

# The GeoNames layer: Holliday, Texas, with its population and id.
"$P" --db "$DB" query --long "Holliday, Texas" >"$tmp/out" 2>&1 || fail "query 'Holliday, Texas' exited $?"
grep -q '^  Holliday, Texas\( (Tex\.)\)*, United States; town; pop\. 1,706; 33\.81621,-98\.69506; GeoNames 4698296$' "$tmp/out" ||
	fail "Holliday, Texas (GeoNames)"

# A "no" names the layers it looked in.
"$P" --db "$DB" query "Bradford, Ontario" >"$tmp/out" 2>&1 && fail "Bradford, Ontario found (no Canadian layer is bundled)"
grep -q "$searched" "$tmp/out" || fail "a no does not say what was searched"
"$P" --db "$DB" query Qxzzyville >"$tmp/out" 2>&1 && fail "Qxzzyville found"
grep -q "$searched" "$tmp/out" || fail "no place called: what was searched"

# JSON: the layers, and the postal place marked.
"$P" --db "$DB" query --json "Holliday, Mo." >"$tmp/out" 2>&1 || fail "query --json exited $?"
python3 - "$tmp/out" <<'PY' || fail "JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["searched"] == ["GeoNames cities500", "US postal places"], d["searched"]
p = d["places"][0]
assert p["postal"] is True and p["kind"] == "postal place" and p["feature_code"] == "PPLP", p
assert p["population"] == 0 and p["admin1_code"] == "MO", p
PY
"$P" --db "$DB" query --json "Holliday, Texas" >"$tmp/out" 2>&1 || fail "query --json Texas exited $?"
python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))["places"][0]; assert "postal" not in p and p["id"] == 4698296, p' "$tmp/out" ||
	fail "a GeoNames place marked postal"
echo ok
