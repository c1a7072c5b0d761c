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
# and the demotion happened at least once (the reminder exists)
n=$(printf '%s\n' "Iran's oil minister said Iraq would raise output." |
	"$P" --db "$DB" check --no-config --format json - | grep -c '"rule":"lookalike-pair"')
[ "$n" -ge 1 ] || fail "no lookalike-pair reminder for Iran/Iraq"
[ $fails -eq 0 ] && echo "mutual_pair: ok"
exit $fails
