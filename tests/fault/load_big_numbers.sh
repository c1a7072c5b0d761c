#!/bin/sh
# Fault (issue 16, 2026-12-05): out-of-range numbers in a GeoNames row (a
# population of 9223372036854775807, past int64, or over the world's) are
# bad rows with file:line, never undefined behaviour.  Before the fix the
# first overflowed the region sums (db_write_finish.c, UBSan) and stored a
# negative population.  Quick.
. "$(dirname "$0")/lib.sh"
row() { # ID POP
	printf '%s\tBigtown\tBigtown\t\t38.0\t-78.0\tP\tPPL\tUS\t\tVA\t540\t\t\t%s\t\t100\tAmerica/New_York\t2020-01-01\n' "$1" "$2"
}
{
	cat "$fx/geo/cities_small.txt"
	row 90000001 9223372036854775807
	row 90000002 9223372036854775806
	row 90000003 99999999999999999999
	row 90000004 -5
	row 90000005 12000000000
} >"$tmp/big.txt"
n0=$(wc -l <"$fx/geo/cities_small.txt")
"$bin" load --db "$tmp/p.db" "$fx/geo/admin1CodesASCII.txt" "$fx/geo/countryInfo.txt" "$tmp/big.txt" >"$tmp/out" 2>"$tmp/err" ||
	{ cat "$tmp/err"; fail "load: exit $?"; }
no_sanitizer_report "$tmp/err" "big population"
for k in 1 2 3 4 5; do
	grep -q "big.txt:$((n0 + k)):.*population" "$tmp/err" || { cat "$tmp/err"; fail "row $((n0 + k)) not reported"; }
done
[ "$(sqlite3 "$tmp/p.db" "SELECT count(*) FROM places WHERE name = 'Bigtown'")" = 0 ] || fail "a bad row went in"
[ "$(sqlite3 "$tmp/p.db" "SELECT count(*) FROM places WHERE population < 0")" = 0 ] || fail "a negative population"
# The same through --csv.
printf 'Venue,Latitude,Longitude,Pop\nA,1,2,9223372036854775807\nB,3,4,77\n' >"$tmp/big.csv"
"$bin" load --db "$tmp/c.db" --csv --columns name=Venue,lat=Latitude,lon=Longitude,population=Pop \
	"$tmp/big.csv" >/dev/null 2>"$tmp/err" || { cat "$tmp/err"; fail "csv load"; }
grep -q 'big.csv:2:.*population' "$tmp/err" || { cat "$tmp/err"; fail "csv: big population not reported"; }
no_sanitizer_report "$tmp/err" "csv big population"
# A NUL byte inside a field (found by fuzz_csv, 2026-12-05): it cut the
# name short as a C string, and an empty name broke places.name's NOT NULL
# (exit 2, "replace place: NOT NULL constraint failed").  A bad row now.
{ cat "$fx/geo/cities_small.txt"; row 90000009 100 | sed 's/Bigtown/\x00Bigtown/'; } >"$tmp/nul.txt"
"$bin" load --db "$tmp/n.db" "$tmp/nul.txt" >/dev/null 2>"$tmp/err" || { cat "$tmp/err"; fail "NUL in a name: exit $?"; }
grep -q "nul.txt:$((n0 + 1)): a NUL byte" "$tmp/err" || { cat "$tmp/err"; fail "NUL in a name: not a bad row"; }
no_sanitizer_report "$tmp/err" "NUL in a name"
echo "ok: out-of-range populations and NUL bytes are bad rows"
