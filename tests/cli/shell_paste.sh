#!/bin/sh
# shell_paste.sh: `check` in the shell takes a whole pasted article, empty
# lines and all, up to a line holding only "." or the end of input (issue
# 17, 2026-12-05: it stopped at the first empty line, and paragraphs 2 and
# 3 ran as place queries: "No place called She returns to Richmond...").
. "$(dirname "$0")/lib.sh"
fail() { echo "FAIL: $*"; sed 's/^/    /' "$tmp/out"; sed 's/^/    err: /' "$tmp/err"; fails=$((fails + 1)); }
art="$top/tests/cases/sample-rally.md"   # the mix-up is in its third paragraph

{ echo check; cat "$art"; echo "."; echo "explain 1"; echo "Springfield"; } |
	COLUMNS=300 "$P" --db "$DB" shell >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] || fail "session exit status"
! grep -q "No place called" "$tmp/out" || fail "a paragraph of the paste ran as a query"
grep -q '^1\. 9:14 Charlotte -> Charlottesville (warning' "$tmp/out" || fail "the mix-up in paragraph 3 (line 9) not found"
grep -q '^1\. Charlotte at 9:14 ' "$tmp/out" || fail "explain after the paste"
grep -q '^Springfield: ' "$tmp/out" || fail "the line after the paste's end did not run as a command"

# the end of input ends the paste too
{ echo check; cat "$art"; } | "$P" --db "$DB" shell >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] || fail "paste ended by end of input: exit status"
grep -q '^1\. 9:14 Charlotte' "$tmp/out" || fail "paste ended by end of input: no finding"
# "." with blanks around it ends it; a line that only starts with "." does not
printf 'check\n.5 percent of Charlotte\n\nThe rally in Charlottesville, Virginia.\n . \nSpringfield\n' |
	"$P" --db "$DB" shell >"$tmp/out" 2>"$tmp/err"
grep -q '^Springfield: ' "$tmp/out" || fail "' . ' did not end the paste"
! grep -q "No place called" "$tmp/out" || fail "'.5 percent' ended the paste"
# and on a real terminal, with the line editor
python3 "$(dirname "$0")/shell_paste_pty.py" "$P" "$DB" "$tmp" || fail "on a terminal"
[ $fails -eq 0 ] || exit 1
echo "shell_paste: ok"
