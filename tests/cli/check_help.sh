#!/bin/sh
# check_help.sh: the man page lists every long option that each command's
# --help lists (the two are kept in step by hand: this catches drift), and
# the page renders without groff warnings.
. "$(dirname "$0")/lib.sh"
man="$top/placecheck.1"
[ -f "$man" ] || { echo "no $man"; exit 1; }
# every command of `placecheck help` (issue 17: serve and lsp were missing)
for cmd in $("$P" help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p'); do
	[ "$cmd" = help ] && continue
	grep -q "^\.SS $cmd\$" "$man" || fail "placecheck.1 has no section for $cmd"
	"$P" "$cmd" --help >"$tmp/help" 2>&1 || fail "$cmd --help exit status"
	for opt in $(grep -oE -- '--[a-z][a-z-]*' "$tmp/help" | sort -u); do
		esc=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
		grep -q -- "$esc" "$man" || fail "$cmd $opt is in --help but not in placecheck.1"
	done
done
"$P" --version | grep -q '^placecheck [0-9]' || fail "--version"
"$P" check --help | grep -q '^usage: placecheck check' || fail "check --help"
"$P" help config | grep -q '^usage: placecheck config' || fail "help config"
if command -v groff >/dev/null 2>&1; then
	w=$(groff -man -ww -z "$man" 2>&1)
	[ -z "$w" ] || { fail "groff warnings:"; echo "$w"; }
fi
[ $fails -eq 0 ] || exit 1
echo "check_help: ok"
