#!/bin/sh
# check_help.sh: the man page lists every long option that each command's
# --help lists (the two are kept in step by hand: this catches drift), and
# the page renders without groff warnings.
set -u
P=${PLACECHECK_BIN:?}
top=${PLACECHECK_TOP:?}
man="$top/placecheck.1"
fails=0
[ -f "$man" ] || { echo "no $man"; exit 1; }
# every command of `placecheck help` (issue 17: serve and lsp were missing)
for cmd in $("$P" help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p'); do
	[ "$cmd" = help ] && continue
	grep -q "^\.SS $cmd\$" "$man" || { echo "FAIL: placecheck.1 has no section for $cmd"; fails=$((fails + 1)); }
	"$P" "$cmd" --help >/tmp/pc_help.$$ 2>&1 || { echo "FAIL: $cmd --help exit status"; fails=$((fails + 1)); }
	for opt in $(grep -oE -- '--[a-z][a-z-]*' /tmp/pc_help.$$ | sort -u); do
		esc=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
		if ! grep -q -- "$esc" "$man"; then
			echo "FAIL: $cmd $opt is in --help but not in placecheck.1"
			fails=$((fails + 1))
		fi
	done
done
rm -f /tmp/pc_help.$$
"$P" --version | grep -q '^placecheck [0-9]' || { echo "FAIL: --version"; fails=$((fails + 1)); }
"$P" check --help | grep -q '^usage: placecheck check' || { echo "FAIL: check --help"; fails=$((fails + 1)); }
"$P" help config | grep -q '^usage: placecheck config' || { echo "FAIL: help config"; fails=$((fails + 1)); }
if command -v groff >/dev/null 2>&1; then
	w=$(groff -man -ww -z "$man" 2>&1)
	[ -z "$w" ] || { echo "FAIL: groff warnings:"; echo "$w"; fails=$((fails + 1)); }
fi
[ $fails -eq 0 ] || exit 1
echo "check_help: ok"
