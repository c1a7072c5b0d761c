#!/bin/sh
# check --format sarif validates against the SARIF 2.1.0 schema (vendored in
# tests/sarif/), fixes included; each fix, applied to its file, puts the
# suggestion where the finding was; rdjsonl carries the same suggestions
# (issue 15: machine-applicable fixes).
. "$(dirname "$0")/lib.sh"
fail() { echo "FAIL: $*"; exit 1; }
py=python3
/usr/bin/python3 -c 'import jsonschema' 2>/dev/null && py=/usr/bin/python3
$py -c 'import jsonschema' 2>/dev/null || fail "python3-jsonschema is not installed (scripts/install-deps.sh)"

mkdir "$tmp/news"
cp "$top/tests/cases/sample-rally.md" "$tmp/news/rally.md"
# Two-byte and three-byte characters before the flagged Austria on its line
# (SARIF columns count code points, rdjsonl bytes); a dateline, three states
# and the Australian dollar make it a warning far above the scored model's
# threshold (when written, 10.4 against 5.1).
printf 'CANBERRA, Australia \342\200\224 Caf\303\251 owners cheered as Austria\342\200\231s treasurer met the premiers of Queensland, Victoria and New South Wales in Sydney. The Australian dollar rose.\n' >"$tmp/news/canberra ä.txt"
# the dateline spells it right (when written, 7.5 against a warning
# threshold of 4.2; the rule's own example without it scored 4.1 to 4.6 over
# two refits, too close to rely on)
printf 'CINCINNATI, Ohio -- The Reds flew home to Cincinatti after the loss in Columbus.\n' >"$tmp/news/reds.md"
printf 'Nothing here.\n' >"$tmp/news/clean.md"
cd "$tmp" || exit 2
"$P" --db "$DB" check --no-config --format sarif news >"$tmp/out.sarif"
[ $? -eq 1 ] || fail "check --format sarif: want exit 1 (findings)"
"$P" --db "$DB" check --no-config --format rdjsonl news >"$tmp/out.rdjsonl"

$py - "$top/tests/sarif/sarif-2.1.0-rtm.5.json" "$tmp/out.sarif" "$tmp/out.rdjsonl" <<'PY' || exit 1
import json, sys, urllib.parse
import jsonschema

schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
for e in errors[:10]:
    print("schema:", "/".join(map(str, e.path)), e.message)
if errors:
    sys.exit("FAIL: the SARIF log does not validate")

results = log["runs"][0]["results"]
fixed = 0
for r in results:
    sug = r.get("properties", {}).get("suggestion")
    if "fixes" not in r:
        continue
    assert sug and " or " not in sug, r
    (change,) = r["fixes"][0]["artifactChanges"]
    (rep,) = change["replacements"]
    reg = rep["deletedRegion"]
    path = urllib.parse.unquote(change["artifactLocation"]["uri"])
    lines = open(path, encoding="utf-8").read().split("\n")
    # columnKind is unicodeCodePoints: Python string indices.
    line = lines[reg["startLine"] - 1]
    assert reg["startLine"] == reg["endLine"], reg
    old = line[reg["startColumn"] - 1:reg["endColumn"] - 1]
    new = line[:reg["startColumn"] - 1] + rep["insertedContent"]["text"] + line[reg["endColumn"] - 1:]
    assert rep["insertedContent"]["text"] == sug and old != sug, (old, sug)
    loc = r["locations"][0]["physicalLocation"]["region"]
    assert (loc["startLine"], loc["startColumn"]) == (reg["startLine"], reg["startColumn"]), r
    print(f"fix {path}:{reg['startLine']}: {old!r} -> {sug!r}: {new.strip()[:70]}")
    fixed += 1
want = {"Charlottesville", "Australia", "Cincinnati"}
got = {r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] for r in results if "fixes" in r}
if not want <= got:
    sys.exit(f"FAIL: fixes for {sorted(want - got)} missing (got {sorted(got)})")

# rdjsonl: every diagnostic with a plain-name suggestion offers it as a
# suggestion over the same range, in byte columns.
n = 0
for line in open(sys.argv[3]):
    d = json.loads(line)
    for s in d.get("suggestions", []):
        src = open(d["location"]["path"], "rb").read().split(b"\n")
        rg = s["range"]
        row = src[rg["start"]["line"] - 1]
        old = row[rg["start"]["column"] - 1:rg["end"]["column"] - 1].decode()
        assert old and s["text"] != old, (old, s)
        n += 1
if n < 3:
    sys.exit(f"FAIL: {n} rdjsonl suggestions, want 3 or more")
print(f"{fixed} SARIF fixes, {n} rdjsonl suggestions")
PY
echo "1 passed, 0 failed"
