#!/bin/sh
# Fault (issue 16, 2026-12-05): `accept =` lines cost memory in proportion
# to their number.  Before the fix each name copied the whole list into
# the config's arena: 10,000 lines took 415 MB (quadratic).  Quick.
. "$(dirname "$0")/lib.sh"
[ -x /usr/bin/time ] || skip "no /usr/bin/time"
build_db "$tmp/p.db" || fail "fixture load"
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "accept = Name%d Street, Other%d Road\n", i, i }' >"$tmp/acc.ini"
article "$tmp/a.md"
/usr/bin/time -f '%M' "$bin" --db "$tmp/p.db" check --config "$tmp/acc.ini" "$tmp/a.md" >"$tmp/out" 2>"$tmp/err"
rc=$?
kb=$(tail -1 "$tmp/err")
no_sanitizer_report "$tmp/err" "accept lines"
[ $rc -le 1 ] || { cat "$tmp/err"; fail "check: exit $rc"; }
# Linear: a few MB (ASan build about 20 MB); quadratic was 400 MB and more.
[ "$kb" -lt 150000 ] || fail "check: peak RSS $kb KB for 20,000 accepted names"
# Every name is kept, in order.
"$bin" config --config "$tmp/acc.ini" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; fail "config"; }
[ "$(grep -c '^accept = ' "$tmp/out")" = 20000 ] || fail "config: not 20,000 accepted names"
[ "$(grep '^accept = ' "$tmp/out" | tail -1)" = "accept = Other9999 Road" ] || fail "config: the last name is not last"
echo "ok: 20,000 accepted names, check peak RSS $kb KB"
