#!/bin/sh
# mutual_pair.sh: two look-alike names in one story, each flagged as a
# slip for the other ("Iran's oil minister said Iraq would raise output"):
# at most one can be a slip, so at most one stays a warning and the other
# is the lookalike-pair reminder (detect.c, demote_mutual).  Checked on a
# few pairs so that the test does not hang on one pair's scores.
. "$(dirname "$0")/lib.sh"
for t in "Iran's oil minister said Iraq would raise output." \
	"Officials in Slovakia and Slovenia said they would sign the accord." \
	"Austria's chancellor met Australia's prime minister in Vienna on Monday."; do
	out=$(printf '%s\n' "$t" | "$P" --db "$DB" check --no-config --format json -)
	printf '%s\n' "$out" | python3 -c '
import json, sys
d = json.loads(sys.stdin.read().splitlines()[0])
f = d["findings"]
warn = [x for x in f if x["rule"] == "lookalike-context" and x["severity"] in ("warning", "error")]
texts = {x["text"] for x in warn}
# never both names warned as slips of each other
mutual = [x for x in warn if x.get("suggestion") in texts]
if mutual:
    print("FAIL: both names warned as each other'"'"'s slip: %r" % [(x["text"], x["suggestion"]) for x in warn])
    sys.exit(1)
' || fails=$((fails + 1))
done
# and the demotion happens: two briefs, each with the other's name once
# where its own places stand.  Alone, the second brief's "Iraq" is a
# warning; beside the first brief's "Iran", whose story says far more
# (6.8 against 4.6 in log-odds), it becomes the reminder.
p1="BAGHDAD (AP) — Officials in Baghdad, Basra, Mosul, Kirkuk and Najaf said on Monday that the new pipeline, the biggest project Iran has begun since the war, would carry oil from Kirkuk and Basra to the Gulf."
p2="TEHRAN (AP) — Officials said on Tuesday that the new refinery would open in the spring, the biggest project Iraq has begun in a decade."
printf '%s\n' "$p2" | "$P" --db "$DB" check --no-config --format gcc - | grep -q 'warning: Iraq .*\[lookalike-context\]' ||
	fail "the second brief alone: no lookalike-context warning on Iraq"
out=$(printf '%s\n\n%s\n' "$p1" "$p2" | "$P" --db "$DB" check --no-config --format gcc -)
printf '%s\n' "$out" | grep -q ':1:.*warning: Iran .*\[lookalike-context\]' || fail "both briefs: Iran not kept as the warning"
printf '%s\n' "$out" | grep -q ':3:.*note: Iraq and Iran .*\[lookalike-pair\]' || fail "both briefs: Iraq not demoted to the reminder"
# Where the story says the same of both (each warned, neither likelier by
# detect.c's MUTUAL_MARGIN), both are the reminder.
out=$(printf '%s\n' "Slovakia will sign the accord, officials said. Slovenia agreed." |
	"$P" --db "$DB" check --no-config --format gcc -)
[ "$(printf '%s\n' "$out" | grep -c 'note: .*\[lookalike-pair\]')" = 2 ] || fail "a symmetric pair: not two reminders: $out"
printf '%s\n' "$out" | grep -q 'warning' && fail "a symmetric pair: a warning left: $out"
[ $fails -eq 0 ] && echo "mutual_pair: ok"
exit $fails
