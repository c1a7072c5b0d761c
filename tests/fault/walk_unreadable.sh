#!/bin/sh
# Fault (issue 16, 2026-12-05): one folder that cannot be read does not
# stop `check DIR`: it is reported (file and reason), every other file is
# checked, and the exit status is 2 at the end.  With and without git
# (git warns and goes on; its warning is turned into the same error).
# Before the fix the first unreadable subfolder stopped the whole run
# (plain walk), or was skipped without a word (git).  Root reads every
# folder, so as root the checks run as nobody (setpriv).  Quick.
. "$(dirname "$0")/lib.sh"
as=
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null 2>&1 || skip "root without setpriv"
	id nobody >/dev/null 2>&1 || skip "no user nobody"
	as="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
	chmod 755 "$tmp"
	$as test -x "$bin" || skip "$bin cannot be run as nobody"
fi
build_db "$tmp/p.db" || fail "fixture load"
chmod 644 "$tmp/p.db"
line='Officials in Charlottesville, N.C., said on Monday that the rally was over.'
mk() { # DIR: a/1.md, locked/2.md (unreadable), z.md
	mkdir -p "$1/a" "$1/locked"
	for f in a/1.md locked/2.md z.md; do echo "$line" >"$1/$f"; done
	[ -n "$as" ] && chown -R nobody "$1"
	chmod -R a+rX "$1"
	chmod 000 "$1/locked"
}
expect() { # WHAT DIR
	$as env HOME="$tmp" "$bin" --db "$tmp/p.db" check --format gcc "$2" >"$tmp/out" 2>"$tmp/err"; rc=$?
	no_sanitizer_report "$tmp/err" "$1"
	[ $rc -eq 2 ] || { cat "$tmp/err"; fail "$1: exit $rc, expected 2"; }
	grep -q 'locked: cannot open folder: Permission denied' "$tmp/err" || { cat "$tmp/err"; fail "$1: the folder is not reported"; }
	grep -q 'a/1.md:1:14: error' "$tmp/out" && grep -q 'z.md:1:14: error' "$tmp/out" ||
		{ cat "$tmp/out" "$tmp/err"; fail "$1: the other files were not checked"; }
	echo "$1: $(head -1 "$tmp/err" | cut -c1-100)"
}
mk "$tmp/plain"
expect "plain walk" "$tmp/plain"
if command -v git >/dev/null 2>&1; then
	mk "$tmp/repo"
	chmod 755 "$tmp/repo/locked"
	$as git -C "$tmp/repo" init -q . 2>/dev/null || skip "git init"
	# A file .gitignore hides: not checked shows that git made the list.
	echo "$line" >"$tmp/repo/ignored.md"
	echo ignored.md >"$tmp/repo/.gitignore"
	chmod a+r "$tmp/repo/ignored.md" "$tmp/repo/.gitignore"
	chmod 000 "$tmp/repo/locked"
	expect "git" "$tmp/repo"
	grep -q 'ignored.md' "$tmp/out" && fail "git: the walk was not git's"
fi
echo "ok: an unreadable folder is reported, the rest checked, exit 2"
