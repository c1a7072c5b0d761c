#!/bin/sh
# Fault: hostile inputs to `check` give clear errors or correct results,
# bounded memory, no crash: an empty file, NUL bytes, invalid UTF-8, a
# Markdown file of 100,000 nested list items, HTML with unclosed tags.
# Quick (a few seconds).  Uses PLACECHECK_TEST_DB or geodata/places.db,
# else the fixture database.
. "$(dirname "$0")/lib.sh"
db=${PLACECHECK_TEST_DB:-$top/geodata/places.db}
if [ ! -f "$db" ]; then db=$tmp/p.db; build_db "$db" || fail "fixture load"; fi
# 1 GB of address space is plenty for these; an unbounded reader would die.
limit_kb=${FAULT_VMEM_KB:-}
run() { # FILE: check it, leave exit status in rc, stdout in out, stderr in err
	if [ -n "$limit_kb" ]; then
		( ulimit -v "$limit_kb"; exec "$bin" --db "$db" check --format json "$1" ) >"$tmp/out" 2>"$tmp/err"
	else
		"$bin" --db "$db" check --format json "$1" >"$tmp/out" 2>"$tmp/err"
	fi
	rc=$?
	if grep -qE 'AddressSanitizer|runtime error|LeakSanitizer' "$tmp/err"; then
		cat "$tmp/err"; fail "$1: sanitizer report"
	fi
}

# Empty file: nothing to find, exit 0, still one JSON object.
: >"$tmp/empty.md"
run "$tmp/empty.md"
[ $rc -eq 0 ] || { cat "$tmp/err"; fail "empty file: exit $rc"; }
grep -q '"findings"' "$tmp/out" || fail "empty file: no JSON object"

# NUL bytes: a binary file, not checked: exit 2 and a message saying so.
head -c 4096 /dev/zero >"$tmp/nul.txt"
run "$tmp/nul.txt"
[ $rc -eq 2 ] || fail "NUL file: exit $rc, expected 2"
grep -qi 'binary' "$tmp/err" || { cat "$tmp/err"; fail "NUL file: no 'binary' in the message"; }

# Invalid UTF-8 on line 2 column 9: a warning with line:col, rest checked.
printf 'RICHMOND, Va. — A quiet day.\nBad byte \377 here.\nOfficials in Richmond met.\n' >"$tmp/bad.txt"
run "$tmp/bad.txt"
[ $rc -le 1 ] || { cat "$tmp/err"; fail "invalid UTF-8: exit $rc"; }
grep -qE ':2:10|:2:9|line 2, column (9|10)' "$tmp/err" "$tmp/out" ||
	{ cat "$tmp/err"; fail "invalid UTF-8: no warning naming line 2 column 10"; }
grep -q '"places"' "$tmp/out" || fail "invalid UTF-8: no result"

# 100,000 nested list items (nesting up to 400 deep), one place at the end:
# the reader must not recurse or go quadratic on nesting, and the place
# after them is still found.  (Many place mentions are many_mentions.sh.)
awk 'BEGIN { for (i = 0; i < 100000; i++) { printf "%*s- item %d\n", (i % 400) * 2, "", i }
	     print ""; print "Officials in Richmond, Virginia, met on Monday." }' >"$tmp/nested.md"
s0=$(date +%s)
run "$tmp/nested.md"
s1=$(date +%s)
[ $rc -le 2 ] || { tail -5 "$tmp/err"; fail "nested list: exit $rc (crash?)"; }
if [ $rc -eq 2 ]; then
	grep -qiE 'limit|too|deep' "$tmp/err" || { tail -3 "$tmp/err"; fail "nested list: exit 2 without a clear reason"; }
else
	grep -q '"Richmond"' "$tmp/out" || fail "nested list: the place after the list was lost"
fi
[ $((s1 - s0)) -le 20 ] || fail "nested list: took $((s1 - s0)) s"

# HTML with unclosed tags: checked, places found.
printf '<html><body><p>RICHMOND, Va. <b>Officials in <i>Richmond said\n<div><span>the <a href="x">Virginia governor <p>agreed <ul><li>on Monday\n' >"$tmp/unclosed.html"
run "$tmp/unclosed.html"
[ $rc -le 1 ] || { cat "$tmp/err"; fail "unclosed HTML: exit $rc"; }
grep -q '"places"' "$tmp/out" || fail "unclosed HTML: no result"

echo "ok: empty, NUL, invalid UTF-8, 100,000 nested items ($((s1 - s0)) s), unclosed HTML"
