#!/bin/sh
# ci_repo.sh: placecheck as a newsroom's CI runs it (issue 4).  Builds a
# temporary git repository of articles with a .placecheck.ini, commits,
# and checks: the folder walk (.gitignore'd files skipped, untracked ones
# kept), config discovery from a subfolder, --config / PLACECHECK_CONFIG,
# bad configs, every output format's exit status, suppressions (a
# disable-next-line hides the finding, a stale one is reported) and the
# SARIF fields GitHub code scanning requires.
#
# The mix-up relied on: a Canberra story that says "Austria's prime
# minister" (rule lookalike-context, suggestion Australia).  Its dateline,
# three states, two cities and the Australian dollar make the scored model
# flag it far above the warning threshold (when written, about 10 against
# 5.1; refits have moved scores and thresholds by 1 to 2), so that a
# refit of the weights does not turn it into a suggestion.  For debugging
# against a checker that does not flag it yet, CI_TEST_MIXUP_LINE,
# CI_TEST_MIXUP_RULE and CI_TEST_MIXUP_SUGG replace the three.
. "$(dirname "$0")/lib.sh"
MIXUP_LINE=${CI_TEST_MIXUP_LINE:-"Austria's prime minister said the budget would pass the Senate next week."}
MIXUP_RULE=${CI_TEST_MIXUP_RULE:-lookalike-context}
MIXUP_SUGG=${CI_TEST_MIXUP_SUGG:-Australia}
unset PLACECHECK_CONFIG
# A sanitizer report must not pass for exit status 1 (findings).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}:exitcode=99"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}:exitcode=98"
export PLACECHECK_DB="$DB"
export NO_COLOR=1

# expect_rc WANT CMD...: run CMD, compare its exit status
expect_rc() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" -eq "$want" ] || { fail "exit $got, want $want: $*"; sed 's/^/    /' "$tmp/err" | head -5; }
	! grep -qE 'AddressSanitizer|runtime error|LeakSanitizer' "$tmp/err" || { fail "sanitizer: $*"; head -20 "$tmp/err"; }
}

[ -f "$DB" ] || { echo "no database at $DB"; exit 1; }

# ---- the repository -------------------------------------------------------
repo="$tmp/newsroom"
mkdir -p "$repo/news/world" "$repo/news/local" "$repo/drafts"
cd "$repo" || exit 1
git init -q . || exit 1
git config user.email ci@example.invalid
git config user.name "CI test"

canberra() { # the story with the mix-up; $1: a line put before the mix-up
	cat <<EOF
# Budget talks in Canberra

CANBERRA, Australia -- The prime minister met the premiers of Queensland,
Victoria and New South Wales on Tuesday. Sydney and Melbourne pressed for
more money for hospitals, and Brisbane asked for flood relief. The
Australian dollar rose.
$1
$MIXUP_LINE

Treasury officials in Canberra said the figures would be published on Friday.
EOF
}
canberra "" >news/world/canberra.md
canberra "<!-- placecheck-disable-next-line -->" >news/world/suppressed.md
{
	echo "<!DOCTYPE html><html><head><title>Budget talks</title></head><body>"
	echo "<h1>Budget talks in Canberra</h1>"
	echo "<p>CANBERRA, Australia -- The prime minister met the premiers of Queensland,"
	echo "Victoria and New South Wales on Tuesday. Sydney and Melbourne pressed for"
	echo "more money for hospitals. The Australian dollar rose.</p>"
	echo "<p>$MIXUP_LINE</p>"
	echo "</body></html>"
} >news/world/canberra.html
cat >news/local/clean.md <<'EOF'
# Council approves new library

The city council voted on Monday to fund a new library near the river.
Construction is to start in the spring, the mayor said.
EOF
cat >news/local/stale.md <<'EOF'
# Parks budget

<!-- placecheck-disable-next-line -->
The parks department asked for more money for new benches.
EOF
canberra "" >drafts/ignored.md
echo "drafts/" >.gitignore
cat >.placecheck.ini <<'EOF'
; newsroom settings
lookalike-context = error
accept = Charlotte Street

[*.html]
min-level = suggestion
EOF
git add -A && git commit -q -m "articles" || exit 1
# an untracked article that git does not ignore is checked too
cp news/local/clean.md news/local/untracked.md

# ---- config discovery from a subfolder ------------------------------------
(cd news/world && "$P" config) >"$tmp/cfg" 2>&1 || fail "config from a subfolder failed"
grep -q "configuration: $repo/.placecheck.ini" "$tmp/cfg" || { fail "config not found from news/world"; cat "$tmp/cfg"; }
grep -q "^lookalike-context = error$" "$tmp/cfg" || fail "config does not show lookalike-context = error"
"$P" config news/world/canberra.html >"$tmp/cfg" 2>&1
grep -q "^; settings for news/world/canberra.html" "$tmp/cfg" || fail "config FILE header"

# ---- the folder walk, in json ----------------------------------------------
expect_rc 1 "$P" check -j 2 -f json .
cp "$tmp/out" "$tmp/walk.json"
python3 - "$tmp/walk.json" "$MIXUP_RULE" "$MIXUP_SUGG" <<'EOF' || fail "json walk"
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
rule, sugg = sys.argv[2], sys.argv[3]
files = [d["file"] for d in docs]
want = ["news/local/clean.md", "news/local/stale.md", "news/local/untracked.md",
        "news/world/canberra.html", "news/world/canberra.md", "news/world/suppressed.md"]
ok = True
def bad(msg):
    global ok
    ok = False
    print("  " + msg)
if files != want:
    bad("files %r, want %r" % (files, want))
by = {d["file"]: d for d in docs}
def rules(f):
    return [x["rule"] for x in by.get(f, {"findings": []})["findings"]]
for f in ("news/world/canberra.md", "news/world/canberra.html"):
    hits = [x for x in by.get(f, {"findings": []})["findings"] if x["rule"] == rule]
    if not hits:
        bad("%s: no %s finding (%r)" % (f, rule, rules(f)))
    elif not any(sugg in (x.get("suggestion") or "") for x in hits):
        bad("%s: no suggestion %s" % (f, sugg))
    elif rule == "lookalike-context" and hits[0]["severity"] != "error":
        bad("%s: config did not raise the rule to error" % f)
if rules("news/local/clean.md"):
    bad("clean.md has findings %r" % rules("news/local/clean.md"))
if rule in rules("news/world/suppressed.md"):
    bad("disable-next-line did not hide the finding")
if "stale-suppression" in rules("news/world/suppressed.md"):
    bad("a used suppression was reported stale")
if rules("news/local/stale.md") != ["stale-suppression"]:
    bad("stale.md: %r, want one stale-suppression" % rules("news/local/stale.md"))
else:
    s = by["news/local/stale.md"]["findings"][0]
    if s["severity"] != "suggestion" or s["line"] != 3:
        bad("stale finding at line %s severity %s" % (s["line"], s["severity"]))
sys.exit(0 if ok else 1)
EOF

# -j 1 and -j 2 give the same bytes
expect_rc 1 "$P" check -j 1 -f json .
cmp -s "$tmp/out" "$tmp/walk.json" || fail "-j 1 and -j 2 differ"

# --glob picks other files; a named file is checked whatever its name
expect_rc 1 "$P" check -f json --glob '*.html' .
[ "$(cut -c1-40 "$tmp/out" | sed 's/",.*//')" = '{"file":"news/world/canberra.html' ] || { fail "--glob '*.html'"; cat "$tmp/out"; }
cp news/local/clean.md "$tmp/notes.article"
expect_rc 0 "$P" check -f json "$tmp/notes.article"
grep -q '"file":"' "$tmp/out" || fail "a named file with another extension was not checked"

# the ignored draft is checked when named (it is not hidden, only skipped in walks)
expect_rc 1 "$P" check -f json drafts/ignored.md

# ---- exit status in every format --------------------------------------------
for fmt in text gcc json sarif rdjsonl github; do
	expect_rc 1 "$P" check -f "$fmt" news/world/canberra.md
	expect_rc 0 "$P" check -f "$fmt" news/local/clean.md
	expect_rc 0 "$P" check -f "$fmt" --fail-on never news/world/canberra.md
	expect_rc 2 "$P" check -f "$fmt" news/local/clean.md no-such-file.md
done
expect_rc 1 "$P" check --fail-on error news/world/canberra.md
expect_rc 1 "$P" check --fail-on suggestion news/local/stale.md
expect_rc 0 "$P" check news/local/stale.md            # a suggestion is below warning
expect_rc 0 "$P" check -f json --min-level warning news/local/stale.md
grep -q '"findings":\[\]' "$tmp/out" || fail "--min-level warning did not hide the stale suggestion"
expect_rc 2 "$P" check --fail-on sometimes news/local/clean.md
expect_rc 2 "$P" check -f nosuchformat news/local/clean.md

# gcc lines: file:line:col: severity: message [rule]
expect_rc 1 "$P" check -f gcc news/world/canberra.md
grep -Eq "^news/world/canberra.md:[0-9]+:[0-9]+: [a-z]+: .*\[$MIXUP_RULE\]$" "$tmp/out" || { fail "gcc line"; cat "$tmp/out"; }
# non-TTY default is gcc
expect_rc 1 "$P" check news/world/canberra.md
grep -Eq "^news/world/canberra.md:[0-9]+:[0-9]+: " "$tmp/out" || fail "default format off a terminal is not gcc"

# ---- configuration precedence and errors ------------------------------------
printf '%s = off\n' "$MIXUP_RULE" >"$tmp/off.ini"
expect_rc 0 "$P" check --config "$tmp/off.ini" news/world/canberra.md
PLACECHECK_CONFIG="$tmp/off.ini" expect_rc 0 "$P" check news/world/canberra.md
# the command line beats the file
expect_rc 1 "$P" check --config "$tmp/off.ini" --no-config news/world/canberra.md
printf 'fail-on = never\n' >"$tmp/never.ini"
expect_rc 1 "$P" check --config "$tmp/never.ini" --fail-on warning news/world/canberra.md
expect_rc 0 "$P" check --config "$tmp/never.ini" news/world/canberra.md
# accept list: the flagged name (as the json reported it) is accepted
flagged=$(python3 -c 'import json,sys
for l in open(sys.argv[1]):
    for f in json.loads(l)["findings"]:
        if f["rule"] == sys.argv[2]:
            print(f["text"]); sys.exit(0)' "$tmp/walk.json" "$MIXUP_RULE")
printf 'accept = Charlotte Street, %s\n' "$flagged" >"$tmp/accept.ini"
expect_rc 0 "$P" check --config "$tmp/accept.ini" news/world/canberra.md
# a bad config names file, line and key
printf 'fail-on = warning\nfail_on = error\n' >"$tmp/bad.ini"
expect_rc 2 "$P" check --config "$tmp/bad.ini" news/local/clean.md
grep -q "bad.ini:2: unknown key 'fail_on'" "$tmp/err" || { fail "bad config message"; cat "$tmp/err"; }
printf 'min-level = loud\n' >"$tmp/bad2.ini"
expect_rc 2 "$P" check --config "$tmp/bad2.ini" news/local/clean.md
grep -q "bad2.ini:1: .*min-level" "$tmp/err" || { fail "bad value message"; cat "$tmp/err"; }
expect_rc 2 "$P" check --config "$tmp/missing.ini" news/local/clean.md

# ---- SARIF as GitHub code scanning takes it --------------------------------
expect_rc 1 "$P" check -f sarif -j 2 .
cp "$tmp/out" "$tmp/out.sarif"
python3 - "$tmp/out.sarif" "$MIXUP_RULE" <<'EOF' || fail "sarif structure"
import json, sys
doc = json.load(open(sys.argv[1]))
rule = sys.argv[2]
errors = []
def req(cond, what):
    if not cond:
        errors.append(what)
# A minimal schema of what GitHub requires; validated when python3-jsonschema is there.
def obj(required, **props):
    return {"type": "object", "required": required, "properties": props}
def arr(items, min_items=0):
    return {"type": "array", "items": items, "minItems": min_items}
string = {"type": "string", "minLength": 1}
pos = {"type": "integer", "minimum": 1}
region = obj(["startLine", "startColumn"], startLine=pos, startColumn=pos)
physical = obj(["artifactLocation", "region"], artifactLocation=obj(["uri"], uri=string), region=region)
result = obj(["ruleId", "message", "locations", "partialFingerprints"],
             ruleId=string, level={"enum": ["none", "note", "warning", "error"]},
             message=obj(["text"], text=string),
             partialFingerprints={"type": "object", "minProperties": 1},
             locations=arr(obj(["physicalLocation"], physicalLocation=physical), 1))
driver = obj(["name", "rules"], name=string, rules=arr(obj(["id"], id=string)))
schema = obj(["version", "runs"], version={"const": "2.1.0"},
             runs=arr(obj(["tool", "results"], tool=obj(["driver"], driver=driver), results=arr(result)), 1))
try:
    import jsonschema
    try:
        jsonschema.validate(doc, schema)
    except jsonschema.ValidationError as e:
        errors.append("schema: %s at %s" % (e.message, list(e.absolute_path)))
except ImportError:
    print("  (python3-jsonschema not installed: field checks only)")
req(doc.get("version") == "2.1.0", "version 2.1.0")
run = doc["runs"][0]
drv = run["tool"]["driver"]
req(drv.get("name") == "placecheck", "tool.driver.name")
ids = [r["id"] for r in drv.get("rules", [])]
req(rule in ids and "stale-suppression" in ids, "rule ids in tool.driver.rules")
res = run.get("results", [])
req(res, "results")
req(run.get("columnKind") == "unicodeCodePoints", "columnKind unicodeCodePoints")
for r in res:
    req(r.get("ruleId") in ids, "ruleId %r is a listed rule" % r.get("ruleId"))
    req(r.get("level") in ("note", "warning", "error"), "level")
    req(r.get("message", {}).get("text"), "message.text")
    pl = r["locations"][0]["physicalLocation"]
    req(pl["artifactLocation"]["uri"] and not pl["artifactLocation"]["uri"].startswith("/"), "relative uri")
    req(pl["region"]["startLine"] >= 1 and pl["region"]["startColumn"] >= 1, "region")
    req(r.get("partialFingerprints"), "partialFingerprints")
uris = sorted({r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in res})
req("news/world/canberra.md" in uris, "a result in canberra.md")
req(not any(u.startswith("drafts/") for u in uris), "no result from the ignored drafts/")
fps = [json.dumps(r["partialFingerprints"], sort_keys=True) + r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in res]
req(len(set(fps)) == len(fps), "fingerprints unique")
for e in errors:
    print("  " + e)
sys.exit(1 if errors else 0)
EOF
# the same alert keeps its fingerprint when text is added above it
fp1=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([r["partialFingerprints"] for r in d["runs"][0]["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]=="news/world/canberra.md"])' "$tmp/out.sarif")
{ echo "An editor's note added at the top."; echo; cat news/world/canberra.md; } >"$tmp/c2" && mv "$tmp/c2" news/world/canberra.md
"$P" check -f sarif news/world/canberra.md >"$tmp/out2.sarif" 2>/dev/null
fp2=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([r["partialFingerprints"] for r in d["runs"][0]["results"]])' "$tmp/out2.sarif")
[ "$fp1" = "$fp2" ] || fail "fingerprints moved with the line: $fp1 vs $fp2"
git checkout -q -- news/world/canberra.md

# ---- outside a work tree: a plain walk, .git folders skipped -----------------
plain="$tmp/plain"
mkdir -p "$plain/.git" "$plain/a"
cp news/local/clean.md "$plain/a/one.md"
canberra "" >"$plain/.git/hidden.md"
cp news/local/clean.md "$plain/a/skip.json"
expect_rc 0 "$P" check -f json "$plain"
[ "$(wc -l <"$tmp/out")" -eq 1 ] && grep -q "\"file\":\"$plain/a/one.md\"" "$tmp/out" || { fail "plain walk"; cat "$tmp/out"; }

# ---- stdin --------------------------------------------------------------------
"$P" check -f json -i markdown - <news/world/canberra.md >"$tmp/out" 2>/dev/null
[ $? -eq 1 ] || fail "stdin exit status"
grep -q '"file":"-"' "$tmp/out" || fail "stdin is reported as -"

if [ "$fails" -ne 0 ]; then
	echo "$fails failure(s)"
	exit 1
fi
echo "ci_repo: ok"
exit 0
