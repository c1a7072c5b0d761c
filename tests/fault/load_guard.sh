#!/bin/sh
# Fault (issue 16, 2026-12-05): a load that keeps no populated place, or
# fewer than half those of the database it would replace, is refused
# without --force: exit 2, a message naming the input, the database
# untouched (or not created).  Before the fix `load --db x.db cues.tsv`
# (--add forgotten) or a CSV with swapped columns left "0 places" and
# every article passed `check` with exit 0.  Quick.
. "$(dirname "$0")/lib.sh"
build_db "$tmp/p.db" || fail "fixture load"
sum=$(cksum <"$tmp/p.db")

refused() { # WHAT: the last load was refused and p.db is as it was
	[ "$rc" -eq 2 ] || { cat "$tmp/err"; fail "$1: exit $rc, expected 2"; }
	grep -q 'force' "$tmp/err" || { cat "$tmp/err"; fail "$1: the message does not mention --force"; }
	[ "$(cksum <"$tmp/p.db")" = "$sum" ] || fail "$1: the database changed"
	no_sanitizer_report "$tmp/err" "$1"
	echo "$1: $(grep 'not ' "$tmp/err" | head -1 | cut -c1-140)"
}

# 1. A cue list loaded without --add.
"$bin" load --db "$tmp/p.db" "$fx/extra/cues.tsv" >/dev/null 2>"$tmp/err"; rc=$?
refused "cues without --add"
grep -q 'cues.tsv' "$tmp/err" || { cat "$tmp/err"; fail "the message does not name the input"; }

# 2. --csv with the name and latitude columns swapped: every row is bad.
"$bin" load --db "$tmp/p.db" --csv --columns name=Latitude,lat=Venue,lon=Longitude \
	"$fx/newsroom.csv" >/dev/null 2>"$tmp/err"; rc=$?
refused "csv, swapped columns"
grep -q 'newsroom.csv' "$tmp/err" || { cat "$tmp/err"; fail "the message does not name the CSV"; }

# 3. Fewer than half the places: 2 of the fixture's 7.
head -2 "$fx/geo/cities_small.txt" >"$tmp/two.txt"
"$bin" load --db "$tmp/p.db" "$tmp/two.txt" >/dev/null 2>"$tmp/err"; rc=$?
refused "2 places for 7"
# ... which --force allows.
"$bin" load --db "$tmp/p.db" --force "$tmp/two.txt" >/dev/null 2>"$tmp/err" ||
	{ cat "$tmp/err"; fail "--force: the load failed"; }
[ "$(sqlite3 "$tmp/p.db" 'SELECT count(*) FROM places WHERE kind = 0')" = 2 ] || fail "--force did not replace"
# Half or more is a normal reload: 2 -> 2.
"$bin" load --db "$tmp/p.db" "$tmp/two.txt" >/dev/null 2>"$tmp/err" ||
	{ cat "$tmp/err"; fail "a reload of the same size was refused"; }

# 4. No database yet, and no place: nothing is created.
"$bin" load --db "$tmp/new.db" "$fx/extra/cues.tsv" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || { cat "$tmp/err"; fail "new database of cues: exit $rc"; }
[ ! -e "$tmp/new.db" ] || fail "new database of cues: a file was created"
ls "$tmp" | grep -q 'new.db.tmp' && fail "temp file left behind"
echo "ok: empty and shrinking loads refused without --force"
