#!/bin/sh
# format_unknown.sh: an unknown --format is refused with the list of formats
# and the nearest name when it is a slip of one (issue 17, 2026-12-05:
# `--format rdjson` was refused without saying that rdjsonl is the name).
. "$(dirname "$0")/lib.sh"
fail() { echo "FAIL: $*"; sed 's/^/    /' "$tmp/err"; fails=$((fails + 1)); }
echo "The council met on Monday." >"$tmp/a.md"
"$P" --db "$DB" check --no-config --format rdjson "$tmp/a.md" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] || fail "--format rdjson: exit status"
[ ! -s "$tmp/out" ] || fail "--format rdjson wrote to stdout"
grep -q "unknown format 'rdjson' (did you mean rdjsonl?); formats: text, json, gcc, sarif, rdjsonl, github" "$tmp/err" ||
	fail "--format rdjson message"
"$P" --db "$DB" check --no-config -f yaml "$tmp/a.md" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] || fail "-f yaml: exit status"
grep -q "unknown format 'yaml'; formats: text, json, gcc, sarif, rdjsonl, github$" "$tmp/err" || fail "-f yaml message"
# every format listed is accepted
for f in $(sed -n "s/.*formats: //p" "$tmp/err" | tr -d ,); do
	"$P" --db "$DB" check --no-config -f "$f" "$tmp/a.md" >/dev/null 2>"$tmp/err" || fail "listed format $f refused"
done
[ $fails -eq 0 ] || exit 1
echo "format_unknown: ok"
