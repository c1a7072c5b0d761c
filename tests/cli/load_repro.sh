#!/bin/sh
# Loading the same files twice gives the same database (sqlite3 .dump).
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures/load
fail() { echo "FAIL: $*"; exit 1; }

SOURCE_DATE_EPOCH=1700000000 "$P" load --db "$tmp/a.db" "$fx/geo" "$fx/extra" 2>/dev/null || fail "load a"
SOURCE_DATE_EPOCH=1700000000 "$P" load --db "$tmp/b.db" "$fx/extra" "$fx/geo" 2>/dev/null || fail "load b"
sqlite3 "$tmp/a.db" .dump >"$tmp/a.sql"
sqlite3 "$tmp/b.db" .dump >"$tmp/b.sql"
cmp -s "$tmp/a.sql" "$tmp/b.sql" || { diff "$tmp/a.sql" "$tmp/b.sql" | head -20; fail "dumps differ"; }
grep -q "built_at','2023-11-14T22:13:20Z'" "$tmp/a.sql" || fail "built_at not from SOURCE_DATE_EPOCH"
# Without SOURCE_DATE_EPOCH only built_at may differ.
"$P" load --db "$tmp/c.db" "$fx/geo" "$fx/extra" 2>/dev/null || fail "load c"
sqlite3 "$tmp/c.db" .dump | grep -v "'built_at'" >"$tmp/c.sql"
grep -v "'built_at'" "$tmp/a.sql" | cmp -s - "$tmp/c.sql" || fail "dumps differ beyond built_at"
echo ok
