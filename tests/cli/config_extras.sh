#!/bin/sh
# A newsroom's own look-alike pairs and cue phrases from .placecheck.ini
# reach the checker (issue 4), and a cue to an unknown place is an error
# naming the config line.
. "$(dirname "$0")/lib.sh"
cd "$tmp" || exit 2
printf 'lookalike = Belgium ~ Bulgaria\ncue = Levski -> Sofia, Bulgaria\n' > .placecheck.ini
# A pair that only a list documents gets little from the scored model by
# itself: the story names Bulgaria in its dateline and its currency so that
# the pair scores far above the warning threshold (when written, 8.6
# against 4.9; the old one-liner scored 3.4 to 4.1 over three refits, under
# it).  Without the config the pair is no candidate.
printf "SOFIA, Bulgaria — Belgium's government said on Monday that it would raise pensions before the winter, as Levski fans marched through Plovdiv, Varna and Burgas. The Bulgarian lev held steady, and Bulgarian bonds rose.\n" > a.md
out=$("$P" --db "$DB" check --format gcc a.md)
rc=$?
[ $rc -eq 1 ] || { echo "with the pair: exit $rc, want 1: $out"; exit 1; }
echo "$out" | grep -q 'a.md:1:19: warning: .*Bulgaria.*\[lookalike-context\]' || { echo "no finding: $out"; exit 1; }
out=$("$P" --db "$DB" check --format gcc --no-config a.md)
rc=$?
[ $rc -eq 0 ] && [ -z "$out" ] || { echo "without the config: exit $rc: $out"; exit 1; }
printf 'cue = Nowhere FC -> Atlantis, Mars\n' > bad.ini
err=$("$P" --db "$DB" check --config bad.ini a.md 2>&1 >/dev/null)
rc=$?
[ $rc -eq 2 ] || { echo "bad cue: exit $rc, want 2"; exit 1; }
echo "$err" | grep -q 'bad.ini:1: cue: ' || { echo "bad cue message: $err"; exit 1; }
exit 0
