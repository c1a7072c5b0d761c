#!/bin/sh
# Fault (issue 16, 2026-12-05): checking a folder never runs a command
# from that repository's git configuration, and every file name printed
# (errors, warnings, the text, gcc and github reports, load messages) is
# escaped, so a name cannot send terminal escape sequences or fake lines.
# Before the fix `check DIR` ran `git ls-files`, and git ran the repo's
# core.fsmonitor (`echo PWNED > pwned.txt`); a name with ESC reached
# stderr raw in the "binary file" message.  Quick.
. "$(dirname "$0")/lib.sh"
command -v git >/dev/null 2>&1 || skip "no git"
build_db "$tmp/p.db" || fail "fixture load"
esc=$(printf '\033')

# 1. Hostile repository configuration.
repo=$tmp/repo
mkdir -p "$repo/articles"
article "$repo/articles/a.md"
(
	cd "$repo" && git init -q . && git add . &&
		git -c user.email=t@example.com -c user.name=t commit -q -m init
) || skip "cannot make a git repository"
git -C "$repo" config core.fsmonitor 'echo PWNED > pwned.txt; false'
printf '[core]\n\tfsmonitor = "echo PWNED > pwned2.txt; false"\n' >"$repo/.git/extra.cfg"
git -C "$repo" config include.path extra.cfg
mkdir -p "$repo/.git/hooks"
printf '#!/bin/sh\necho PWNED > "$(git rev-parse --show-toplevel)/pwned3.txt"\n' >"$repo/.git/hooks/post-index-change"
chmod +x "$repo/.git/hooks/post-index-change"
# A file git ignores, to see that git (not a plain walk) chose the files.
echo 'ignored.md' >"$repo/.gitignore"
article "$repo/articles/ignored.md"
for d in "$repo/articles" "$repo"; do
	"$bin" --db "$tmp/p.db" check --format json "$d" >"$tmp/out" 2>"$tmp/err"; rc=$?
	[ $rc -le 1 ] || { cat "$tmp/err"; fail "check $d: exit $rc"; }
	for f in pwned.txt pwned2.txt pwned3.txt articles/pwned.txt; do
		[ ! -e "$repo/$f" ] || fail "check $d ran a command from the repository's git config ($f)"
	done
	grep -q '"file": *"[^"]*a.md"' "$tmp/out" || { cat "$tmp/out"; fail "check $d: a.md not checked"; }
	grep -q 'ignored.md' "$tmp/out" && fail "check $d: .gitignore not honoured (git not used?)"
done
no_sanitizer_report "$tmp/err" "hostile repository"

# 2. File names with escape sequences and newlines, in every message.
raw() { grep -c "$esc" "$1"; }
bad=$(printf 'x\033]0;owned\007\033[2Jy')
head -c 4096 /dev/zero >"$tmp/$bad.txt"
"$bin" --db "$tmp/p.db" check "$tmp/$bad.txt" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || { cat "$tmp/err"; fail "binary file: exit $rc"; }
[ "$(raw "$tmp/err")" = 0 ] || fail "binary file: the name reached stderr raw"
grep -q 'x\\x1B\]0;owned\\x07\\x1B\[2Jy' "$tmp/err" || { cat "$tmp/err"; fail "binary file: the name is not shown escaped"; }
"$bin" --db "$tmp/p.db" check "$tmp/$bad-missing.md" >/dev/null 2>"$tmp/err"
[ "$(raw "$tmp/err")" = 0 ] || fail "missing file: the name reached stderr raw"

nl=$(printf 'a\nb:1:1: error: forged')
# An article with a finding (the fixture database knows Charlottesville, Va.).
echo 'Officials in Charlottesville, N.C., said on Monday that the rally was over.' >"$tmp/$nl.md"
cp "$tmp/$nl.md" "$tmp/$bad.md"
printf '\377 bad byte\n' >>"$tmp/$bad.md"
for fmt in text gcc github; do
	"$bin" --db "$tmp/p.db" check --format $fmt "$tmp/$nl.md" "$tmp/$bad.md" >"$tmp/out" 2>"$tmp/err"
	[ "$(raw "$tmp/out")" = 0 ] && [ "$(raw "$tmp/err")" = 0 ] || fail "--format $fmt: a name was printed raw"
	grep -q '^b:1:1: error: forged' "$tmp/out" && fail "--format $fmt: a newline in a name forged a finding"
	grep -q 'a\\nb' "$tmp/out" || { cat "$tmp/out"; fail "--format $fmt: the name with a newline is not shown escaped"; }
done
grep -q 'x\\x1B.*invalid UTF-8' "$tmp/err" || { cat "$tmp/err"; fail "the invalid UTF-8 warning does not show the name escaped"; }

# 3. load: a bad row in a file with such a name; the summary names it too.
{ cat "$fx/geo/cities_small.txt"; printf 'not a row\n'; } >"$tmp/$bad.tsv"
"$bin" load --db "$tmp/q.db" "$tmp/$bad.tsv" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; fail "load"; }
[ "$(raw "$tmp/err")" = 0 ] || fail "load: the name reached stderr raw"
grep -q 'x\\x1B.*row skipped' "$tmp/err" || { cat "$tmp/err"; fail "load: the warning does not name the file"; }
echo "ok: no command from the repository's git config; names escaped everywhere"
