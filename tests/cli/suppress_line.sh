#!/bin/sh
# suppress_line.sh: `<!-- placecheck-disable-line -->` hides the findings on
# the line the comment stands on (issue 17, 2026-12-05), and one on a line
# with nothing to hide is reported as a stale suppression.
. "$(dirname "$0")/lib.sh"
# A dateline, three states and the Australian dollar: the scored model flags
# the mix-up far above its warning threshold (when written, 10.1 against 5.1).
story() { # $1: what follows the mix-up on its line
	cat <<EOF2
# Budget talks in Canberra

CANBERRA, Australia -- The prime minister met the premiers of Queensland,
Victoria and New South Wales on Tuesday. Sydney and Melbourne pressed for
more money for hospitals, and Brisbane asked for flood relief. The
Australian dollar rose.

Austria's prime minister said the budget would pass the Senate next week. $1

Treasury officials in Canberra said the figures would be published on Friday.
EOF2
}
story "" >"$tmp/plain.md"
story "<!-- placecheck-disable-line -->" >"$tmp/line.md"
story "<!-- placecheck-disable-line lookalike-context -->" >"$tmp/rule.md"
story "<!-- placecheck-disable-line region-context -->" >"$tmp/other.md"
sed 's/^Treasury.*/& <!-- placecheck-disable-line -->/' "$tmp/plain.md" >"$tmp/stale.md"

rules() { "$P" --db "$DB" check --no-config -f gcc --fail-on never "$1" | sed 's/.*\[\(.*\)\]$/\1/' | tr '\n' ' '; }
[ "$(rules "$tmp/plain.md")" = "lookalike-context " ] || fail "the unsuppressed story: $(rules "$tmp/plain.md")"
[ "$(rules "$tmp/line.md")" = "" ] || fail "disable-line: $(rules "$tmp/line.md")"
[ "$(rules "$tmp/rule.md")" = "" ] || fail "disable-line RULE: $(rules "$tmp/rule.md")"
[ "$(rules "$tmp/other.md")" = "lookalike-context stale-suppression " ] || fail "disable-line of another rule: $(rules "$tmp/other.md")"
[ "$(rules "$tmp/stale.md")" = "lookalike-context stale-suppression " ] || fail "disable-line on a clean line: $(rules "$tmp/stale.md")"
[ $fails -eq 0 ] || exit 1
echo "suppress_line: ok"
