#!/bin/sh
# help_rules.sh: `placecheck help rules` and the man page list every rule of
# detect_rules[] with its severity and its example pair (issue 17,
# 2026-12-05: the README said `help check` and the man page listed the
# rules; neither did).  The ids and severities are read from the table's
# source, so a rule added or renamed there must reach both.
. "$(dirname "$0")/lib.sh"
man="$top/placecheck.1"

# id, severity: rows of detect_rules[] start `[DETECT_RULE_X] = { "id", DETECT_SEV_X,`
# (designated initializers; the older `{ "id", DETECT_SEV_X,` is read too)
sed -n 's/^[[:space:]]*\(\[DETECT_RULE_[A-Z_]*\][[:space:]]*=[[:space:]]*\)\{0,1\}{ "\([a-z][a-z-]*\)", DETECT_SEV_\([A-Z]*\),.*/\2 \3/p' "$top/src/detect/detect_rules.c" |
	tr 'A-Z' 'a-z' >"$tmp/rules"
n=$(wc -l <"$tmp/rules")
[ "$n" -ge 5 ] || fail "read only $n rules from detect_rules.c"
# every value of enum detect_rule_id (detect.h) before DETECT_RULE__COUNT is
# a row: a table format this parser no longer reads fails here, not quietly
n_enum=$(sed -n '/^enum detect_rule_id {/,/DETECT_RULE__COUNT/p' "$top/src/detect/detect.h" |
	grep -c '^[[:space:]]*DETECT_RULE_[A-Z_]*[[:space:]]*[,=]')
[ "$n" -eq "$n_enum" ] || fail "read $n rules from detect_rules.c, enum detect_rule_id has $n_enum"

COLUMNS=1000 "$P" help rules >"$tmp/help" 2>&1 || fail "help rules: exit status"
while read -r id sev; do
	grep -qx "$id ($sev)" "$tmp/help" || fail "help rules: no '$id ($sev)'"
	COLUMNS=1000 "$P" help "$id" >"$tmp/one" 2>&1 || fail "help $id: exit status"
	head -1 "$tmp/one" | grep -qx "$id ($sev)" || fail "help $id: first line"
	grep -q '^    flagged:  .' "$tmp/one" || fail "help $id: no example"
	grep -q '^    fixed:    .' "$tmp/one" || fail "help $id: no corrected example"
	# the man page: the id with its severity, then its example
	esc=$(printf '%s' "$id" | sed 's/-/\\\\-/g')
	grep -q "^\.BR $esc \" ($sev)\"$" "$man" || fail "placecheck.1: no '.BR $esc \" ($sev)\"' line"
	ex=$(sed -n '/^    flagged:  /s///p' "$tmp/one" | cut -c1-20 | sed 's/-/\\\\-/g; s/[.[*^$]/\\&/g')
	sed -n "/^\.BR $esc /,/^\.TP/p" "$man" | grep -q "$ex" || fail "placecheck.1: $id's example ('$ex') is not under it"
done <"$tmp/rules"
[ "$(grep -c ' (\(error\|warning\|suggestion\))$' "$tmp/help")" -eq "$n" ] || fail "help rules lists another number of rules than the table's $n"
"$P" help formats >"$tmp/out" 2>&1 || fail "help formats"
grep -q '^  rdjsonl ' "$tmp/out" || fail "help formats: no rdjsonl"
"$P" help nosuchthing >"$tmp/out" 2>&1
[ $? -eq 2 ] || fail "help nosuchthing: exit status"
[ $fails -eq 0 ] || exit 1
echo "help_rules: ok ($n rules)"
