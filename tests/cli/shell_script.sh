#!/bin/sh
# placecheck shell through a pipe (issue 5): no prompt, no colour, every
# command: a bare name, "NAME, REGION", in, like, near, check (ended by a
# line holding only "."; issue 17: empty lines are part of the text),
# explain, help, quit; errors go to stderr and the exit status of a script
# with a failed command is 2.  The story checked has a dateline and the
# University of Virginia, so that the scored model makes Charlotte a warning
# with a margin (when written, 7.9 against 5.1): below the threshold the same
# finding is a lookalike-pair reminder.
. "$(dirname "$0")/lib.sh"
fail() { echo "FAIL: $*"; echo "--- stdout:"; cat "$tmp/out"; echo "--- stderr:"; cat "$tmp/err"; exit 1; }
has() { grep -q "$1" "$tmp/out" || fail "no line matching: $1"; }

HOME=$tmp XDG_DATA_HOME=$tmp/xdg "$P" --db "$DB" shell >"$tmp/out" 2>"$tmp/err" <<'SESSION'
Springfield
in Ill.
like Charlotte
Charlottesville, N.C.
near 38.02931,-78.47668 5
in Va.
check
CHARLOTTESVILLE, Va. -- We've had a tough weekend in Charlotte, the mayor said.
The rally at the University of Virginia drew crowds from Richmond and Albemarle County.
.
explain 1
help
quit
Springfield
SESSION
rc=$?
[ $rc -eq 0 ] || fail "session exited $rc"
[ -s "$tmp/err" ] && fail "stderr not empty"
grep -q 'placecheck>' "$tmp/out" && fail "a prompt was printed"
grep -q "$(printf '\033')" "$tmp/out" && fail "colour codes were printed"
has '^Springfield: [0-9]* places, most prominent first$'
has '^Yes: Springfield is in Illinois\.$'
has '^  Springfield, Illinois (Ill\.), United States; state capital;'
has '^Look-alikes of Charlotte:$'
has '^  Charlottesville (suffix): Charlottesville, Virginia (Va\.)'
# answers are wrapped at 80 columns off a terminal (issue 17)
has '^No Charlottesville in North Carolina\.$'
has '^Charlottesville is in Virginia and Indiana\. In North Carolina: Charlotte\.$'
awk 'length($0) > 80 { bad = 1 } END { exit bad }' "$tmp/out" || fail "a line wider than 80 columns"
has '^Within 5 km of 38\.02931, -78\.47668: [0-9]* places*, nearest first$'
has '^Within 5 km of 38\.02931, -78\.47668 in Virginia: '
has '^1\. 1:[0-9]* Charlotte -> Charlottesville (warning, [0-9]*%):'
has '^Type .explain N. for the evidence behind finding N\.$'
has '^1\. Charlotte at 1:[0-9]* (rule lookalike-context, warning'
has '^  evidence:$'
has '^    - Charlottesville .* (+[0-9.]*)'
has '^        Va\. named in the dateline'
has '^  in REGION  *narrow the last answer'
# quit means quit: the Springfield after it was not answered.
[ "$(grep -c '^Springfield: ' "$tmp/out")" -eq 1 ] || fail "a line after quit was run"
# No history file in script mode.
[ -e "$tmp/xdg/placecheck/history" ] && fail "script mode wrote a history file"

# Mistakes: a message on stderr, the session goes on, the exit status is 2.
printf 'explain 1\nin Va.\nnear 38.0 -78.5 1 2\nCharlotte\nin Narnialand\nexplain 7\nhelp me\n' |
	"$P" --db "$DB" shell >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] || fail "a script with failed commands exited $rc, want 2"
grep -q "explain: run 'check' first" "$tmp/err" || fail "explain before check"
grep -q 'in: ask about a place first' "$tmp/err" || fail "in before a question"
grep -q 'near: give a place or LAT,LON' "$tmp/err" || fail "bad near"
grep -q "in: no country or region called 'Narnialand'" "$tmp/err" || fail "unknown region"
grep -q 'help takes no argument' "$tmp/err" || fail "help with an argument"
has '^Charlotte: [0-9]* places'

# Ctrl-D (end of input) inside check ends the text; a check with no findings says so.
printf 'check\nThe council met in Richmond, Virginia, on Tuesday.' |
	"$P" --db "$DB" shell >"$tmp/out" 2>"$tmp/err" || fail "check ended by end of input"
has '^No findings'
echo "1 passed, 0 failed"
