#!/bin/sh
# check_summary.sh: a text report on several files ends with a summary line
# ("3 files, 1 error, 2 warnings"), as Vale and markdownlint-cli2 do; not
# for one file, not with --quiet (or -q before the command), never in the
# machine formats (issue 17, 2026-12-05).
. "$(dirname "$0")/lib.sh"
fail() { echo "FAIL: $*"; sed 's/^/    /' "$tmp/out" | tail -5; fails=$((fails + 1)); }
c="$top/tests/cases"
mixup="$c/sample-rally.md"          # one warning
err="$c/dateline-mismatch.md"       # one error
clean="$c/amman-clean.md"
mkdir "$tmp/clean" && cp "$clean" "$tmp/clean/a.md" && cp "$clean" "$tmp/clean/b.md"
run() { "$P" --db "$DB" check --no-config --fail-on never "$@" >"$tmp/out" 2>"$tmp/err"; }

run -f text "$mixup" "$err" "$clean"
[ "$(tail -1 "$tmp/out")" = "3 files, 1 error, 1 warning" ] || fail "three files"
run -f text "$tmp/clean"
[ "$(cat "$tmp/out")" = "2 files, no findings" ] || fail "a clean folder"
run -f text "$mixup" "$tmp/missing.md"
[ "$(tail -1 "$tmp/out")" = "2 files, 1 warning (1 could not be checked)" ] || fail "an unreadable file"
run -f text "$mixup"
! grep -q "^1 file" "$tmp/out" || fail "a summary for one file"
run -f text --quiet "$mixup" "$err"
! grep -q "files," "$tmp/out" || fail "--quiet"
"$P" -q --db "$DB" check --no-config --fail-on never -f text "$mixup" "$err" >"$tmp/out" 2>&1
! grep -q "files," "$tmp/out" || fail "-q before the command"
for f in gcc json sarif rdjsonl github; do
	run -f "$f" "$mixup" "$err"
	! grep -q "files," "$tmp/out" || fail "a summary in $f"
done
[ $fails -eq 0 ] || exit 1
echo "check_summary: ok"
