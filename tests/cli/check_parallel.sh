#!/bin/sh
# check_parallel.sh: -j N, --ndjson and GNU parallel give the bytes of the
# sequential run (issue 4).  65 articles, half with the Canberra /
# "Austria's prime minister" mix-up, half clean, each a little different.
# The mix-up stories carry a dateline, three states and the Australian dollar
# so that the scored model flags Austria as a warning far above its
# threshold (when written, 9.8 against 5.1), not only as a suggestion.
. "$(dirname "$0")/lib.sh"
MIXUP_LINE=${CI_TEST_MIXUP_LINE:-"Austria's prime minister said the budget would pass the Senate next week."}
MIXUP_RULE=${CI_TEST_MIXUP_RULE:-lookalike-context}
unset PLACECHECK_CONFIG
# A sanitizer report must not pass for exit status 1 (findings).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}:exitcode=99"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}:exitcode=98"
export PLACECHECK_DB="$DB"
[ -f "$DB" ] || { echo "no database at $DB"; exit 1; }

cd "$tmp" || exit 1
mkdir arts
i=1
while [ $i -le 64 ]; do
	if [ $((i % 2)) -eq 0 ]; then
		printf '# Budget talks, day %d\n\nCANBERRA, Australia -- The prime minister met the premiers of Queensland,\nVictoria and New South Wales on Tuesday. Sydney and Melbourne pressed for\nmore money for hospitals (item %d). The Australian dollar rose.\n\n%s\n' \
			$i $i "$MIXUP_LINE" >"arts/story$i.md"
	else
		printf '# Council meeting %d\n\nThe council voted on Monday to fund a new library near the river, the\nmayor said. Construction is to start in spring, item %d.\n' \
			$i $i >"arts/story$i.md"
	fi
	i=$((i + 1))
done
# a file name with a space and non-ASCII, for uris and json strings
cp arts/story2.md "arts/Zürich story.md"

"$P" check -j 1 -f json arts >seq.json 2>seq.err; rc1=$?
"$P" check -j 2 -f json arts >par.json 2>par.err; rc2=$?
[ "$rc1" -eq 1 ] && [ "$rc2" -eq 1 ] || fail "exit -j 1 $rc1, -j 2 $rc2, want 1"
[ "$(wc -l <seq.json)" -eq 65 ] || fail "json: $(wc -l <seq.json) lines for 65 files"
cmp -s seq.json par.json || fail "-j 1 and -j 2 json differ"
grep -q "\"rule\":\"$MIXUP_RULE\"" seq.json || fail "no $MIXUP_RULE finding in the batch"
for fmt in sarif gcc text rdjsonl github; do
	"$P" check -j 1 -f $fmt arts >seq.$fmt 2>/dev/null
	"$P" check -j 4 -f $fmt arts >par.$fmt 2>/dev/null
	cmp -s seq.$fmt par.$fmt || fail "-j 1 and -j 4 $fmt differ"
	[ -s seq.$fmt ] || fail "no $fmt output"
done
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' seq.sarif || fail "sarif of 65 files is not JSON"

# --ndjson: the same articles as lines, ids = the paths -> the json of the files
python3 - <<'PYEOF' || fail "making the ndjson input"
import json, os
names = sorted(os.listdir("arts"), key=lambda s: s.encode())
with open("in.ndjson", "w") as f:
    for n in names:
        p = "arts/" + n
        f.write(json.dumps({"id": p, "text": open(p, encoding="utf-8").read(), "format": "markdown"}) + "\n")
PYEOF
"$P" check --ndjson <in.ndjson >nd1.json 2>/dev/null
cmp -s nd1.json seq.json || fail "--ndjson differs from the json of the files"
"$P" check --ndjson -j 3 in.ndjson >nd3.json 2>/dev/null
cmp -s nd3.json seq.json || fail "--ndjson -j 3 differs"

# GNU parallel splits a larger archive into chunks, in order (the README recipe)
python3 - <<'PYEOF' || fail "making the archive"
import json
lines = [json.loads(l) for l in open("in.ndjson")]
with open("archive.ndjson", "w") as f:
    for k in range(5):
        for d in lines:
            f.write(json.dumps({"id": "%d/%s" % (k, d["id"]), "text": d["text"], "format": "markdown"}) + "\n")
PYEOF
"$P" check --ndjson <archive.ndjson >archive.seq 2>/dev/null
if command -v parallel >/dev/null 2>&1; then
	parallel --will-cite --pipe -N 40 -k "$P" check --ndjson <archive.ndjson >archive.par 2>/dev/null
	cmp -s archive.seq archive.par || fail "GNU parallel result differs from the sequential run"
	[ "$(wc -l <archive.par)" -eq 325 ] || fail "GNU parallel: $(wc -l <archive.par) lines for 325 inputs"
else
	fail "GNU parallel (Debian package parallel) is not installed"
fi

# a bad line keeps its place in the output and makes the exit status 2
{ head -2 in.ndjson; echo '{"id": 7, "text": 3}'; sed -n 3p in.ndjson; } >bad.ndjson
"$P" check --ndjson <bad.ndjson >bad.out 2>bad.err; rc=$?
[ $rc -eq 2 ] || fail "bad ndjson line: exit $rc, want 2"
[ "$(sed -n 3p bad.out)" = '{"file":"7","error":"no \"text\" string"}' ] || { fail "bad line output"; cat bad.out; }
[ "$(wc -l <bad.out)" -eq 4 ] || fail "bad ndjson: one output line per input"
grep -q '<stdin>:3:' bad.err || fail "bad ndjson: the message names the line"

[ $fails -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "check_parallel: ok"
exit 0
