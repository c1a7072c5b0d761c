#!/bin/sh
# Fault (issue 16, 2026-12-05): `load --add` with a row whose id is
# already in the database stops with exit 2, naming the file, the line,
# the place and --replace; with --replace the place and its names are
# replaced.  A repeated id inside the inputs is a bad row reported with
# its file and line (the first row kept).  Before the fix
# `4752031,Fakeville,...,FR` turned Charlottesville into Fakeville,
# France, silently, and repeated ids were merged without a word.  Quick.
. "$(dirname "$0")/lib.sh"
build_db "$tmp/p.db" || fail "fixture load"
sum=$(cksum <"$tmp/p.db")
q() { sqlite3 "$tmp/p.db" "$1"; }
printf '4752031\tFakeville\tFakeville\t\t10.0\t10.0\tP\tPPL\tFR\t\t\t\t\t\t100\t\t\t\t2020-01-01\n' >"$tmp/fake.txt"

"$bin" load --db "$tmp/p.db" --add "$tmp/fake.txt" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || { cat "$tmp/err"; fail "--add of an existing id: exit $rc, expected 2"; }
grep -q 'fake.txt:1:.*4752031.*Charlottesville.*--replace' "$tmp/err" ||
	{ cat "$tmp/err"; fail "--add of an existing id: unclear message"; }
[ "$(cksum <"$tmp/p.db")" = "$sum" ] || fail "the database changed"

"$bin" load --db "$tmp/p.db" --add --replace "$tmp/fake.txt" >/dev/null 2>"$tmp/err" ||
	{ cat "$tmp/err"; fail "--add --replace failed"; }
[ "$(q "SELECT name || ',' || country FROM places WHERE id = 4752031")" = "Fakeville,FR" ] || fail "not replaced"
[ "$(q "SELECT count(*) FROM names WHERE place_id = 4752031 AND key = 'charlottesville'")" = 0 ] ||
	fail "the replaced place kept its old names"
[ "$(q "SELECT count(*) FROM names WHERE key = 'fakeville'")" = 1 ] || fail "the new name is missing"
"$bin" load --db "$tmp/p.db" --replace "$tmp/fake.txt" >/dev/null 2>&1 && fail "--replace without --add accepted"

# Repeated ids inside the inputs: GeoNames (the main table, read in a
# thread of its own) ...
{ cat "$fx/geo/cities_small.txt"; sed -n 2p "$fx/geo/cities_small.txt" | sed 's/\tCharlotte\t/\tCharlotteDup\t/'; } >"$tmp/dup.txt"
n=$(wc -l <"$tmp/dup.txt")
"$bin" load --db "$tmp/d.db" "$fx/geo/countryInfo.txt" "$tmp/dup.txt" >/dev/null 2>"$tmp/err" ||
	{ cat "$tmp/err"; fail "load with a repeated id failed"; }
grep -q "dup.txt:$n: id 4460243 repeats" "$tmp/err" || { cat "$tmp/err"; fail "repeated id not reported with file:line"; }
[ "$(sqlite3 "$tmp/d.db" "SELECT name FROM places WHERE id = 4460243")" = Charlotte ] || fail "the first row was not kept"
[ "$(sqlite3 "$tmp/d.db" "SELECT count(*) FROM names WHERE key = 'charlottedup'")" = 0 ] || fail "the dropped row's names went in"
"$bin" load --db "$tmp/s.db" --strict "$tmp/dup.txt" >/dev/null 2>"$tmp/err" && fail "--strict accepted a repeated id"
grep -q "dup.txt:$n:" "$tmp/err" || { cat "$tmp/err"; fail "--strict: no file:line"; }
# ... and a CSV with an id column.
printf 'id,Venue,Latitude,Longitude\n77,Alpha,1,2\n78,Beta,3,4\n77,Gamma,5,6\n' >"$tmp/dup.csv"
"$bin" load --db "$tmp/c.db" --force --csv --columns id=id,name=Venue,lat=Latitude,lon=Longitude \
	"$tmp/dup.csv" >/dev/null 2>"$tmp/err" || { cat "$tmp/err"; fail "csv load failed"; }
grep -q 'dup.csv:4: id 77 repeats' "$tmp/err" || { cat "$tmp/err"; fail "csv: repeated id not reported"; }
[ "$(sqlite3 "$tmp/c.db" "SELECT name FROM places WHERE id = 77")" = Alpha ] || fail "csv: the first row was not kept"
no_sanitizer_report "$tmp/err" "repeated ids"
echo "ok: --add collisions need --replace; repeated ids reported with file:line"
