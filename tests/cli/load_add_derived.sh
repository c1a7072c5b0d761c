#!/bin/sh
# --add keeps the derived tables a full load makes: the look-alike pass
# sees the same prominent entries (no region row for its summed population,
# no key outside ASCII), and the curated pairs of lookalikes.tsv survive.
. "$(dirname "$0")/lib.sh"
# The release build: this adds to a copy of the whole bundled database.
P=${PLACECHECK_REL:-$top/placecheck}
fx=$top/tests/fixtures/load
fail() { echo "FAIL: $*"; exit 1; }
[ -f "$DB" ] || fail "no database at $DB (make db)"
dump() { sqlite3 "$1" "SELECT key_a, key_b, kind, dist FROM lookalikes ORDER BY 1, 2, 3;
	SELECT del, key FROM near_keys ORDER BY 1, 2;"; }

cp "$DB" "$tmp/p.db"
dump "$tmp/p.db" >"$tmp/before"
grep -q '|4|' "$tmp/before" || fail "the bundled database has no curated (listed) pair"
# Small venues: nothing prominent, so the derived tables must not move.
"$P" load --db "$tmp/p.db" --add --csv \
	--columns name=Venue,lat=Latitude,lon=Longitude,country=ISO,admin1=State,population=Pop \
	"$fx/newsroom.csv" 2>/dev/null || fail "csv --add"
dump "$tmp/p.db" >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" || {
	diff "$tmp/before" "$tmp/after" | head -20
	fail "--add changed lookalikes/near_keys"
}
exit 0
