#!/bin/sh
# A finding's evidence says where the evidence stands relative to the flagged
# word.  A misspelling is no mention of its own; its evidence used to read
# "in the same sentence" wherever it stood.
. "$(dirname "$0")/lib.sh"
# A misspelled place (no mention of its own, like a misspelled demonym) that
# the scored model flags well above the misspelled-place threshold (when
# written: 5.8 far and 5.5 near, against 3.8; a misspelled demonym scored
# within 1.3 of its threshold, and one refit moved that threshold by 1.9),
# so that a refit does not drop the finding under test.  (The far story
# does not write Cincinnati itself: "Cincinnati is spelled right elsewhere"
# and "named in the story" would push the placed line out of the six.)
printf '%s\n' "The Reds flew home to Cincinatti after the loss, the team said." "" \
	"Fans had waited all day. On Friday, the club's owners met officials in Columbus and Dayton." "" \
	"Ohio's governor said the city would host the All-Star Game." >"$tmp/far.txt"
# The near sentence names four towns beside Cincinnati, so that the line
# that places the evidence ("the story names Cincinnati, its state or
# places near it") ranks among the finding's six, above the state-share
# line (0.84 against 0.59 when written; with Dayton alone a refit put it
# seventh).
printf '%s\n' "The Reds flew home from Dayton, Hamilton, Mason and Fairfield to Cincinatti after the loss in Columbus, Ohio." >"$tmp/near.txt"
"$P" --db "$DB" check -f json "$tmp/far.txt" >"$tmp/far.json"
"$P" --db "$DB" check -f json "$tmp/near.txt" >"$tmp/near.json"
grep -q '"rule":"misspelled-place"' "$tmp/far.json" ||
	{ fail "no misspelled-place finding on Cincinatti"; cat "$tmp/far.json"; }
grep -q 'Ohio named elsewhere in the story' "$tmp/far.json" ||
	{ fail "far evidence not placed elsewhere in the story"; cat "$tmp/far.json"; }
grep -q '"rule":"misspelled-place"' "$tmp/near.json" ||
	{ fail "no misspelled-place finding on Cincinatti (near)"; cat "$tmp/near.json"; }
grep -q 'Ohio named in the same sentence' "$tmp/near.json" ||
	{ fail "near evidence not placed in the same sentence"; cat "$tmp/near.json"; }
# A dateline name is one piece of text, though it is both the dateline's own
# evidence and a mention: counted once ("named 2 times", not 4).  Uppsala,
# near Stockholm, so that Stockholm is evidence for the place meant.
printf '%s\n' "STOCKHOLM — Sweden's biggest carmaker said on Monday it would build a battery plant in Uppsala, Norway, creating 2,000 jobs." "" \
	"The Swedish government in Stockholm welcomed the plan." >"$tmp/twice.txt"
"$P" --db "$DB" check -f json "$tmp/twice.txt" >"$tmp/twice.json"
grep -q 'STOCKHOLM named 2 times' "$tmp/twice.json" ||
	{ fail "Stockholm not counted twice"; cat "$tmp/twice.json"; }
[ $fails -eq 0 ] && echo "ok check_evidence" && exit 0
exit 1
