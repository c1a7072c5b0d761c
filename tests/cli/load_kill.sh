#!/bin/sh
# A load killed with SIGKILL midway leaves the previous database intact;
# the next load removes the dead load's temp file.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures/load
fail() { echo "FAIL: $*"; exit 1; }

"$P" load --db "$tmp/p.db" "$fx/geo" 2>/dev/null || fail "first load"
sum=$(cksum <"$tmp/p.db")
# A large main table (ids shifted), slow enough to be killed while writing.
awk 'BEGIN { OFS = "\t" }
{ n = split($0, f, "\t"); for (i = 0; i < 40000; i++) { f[1] = 10000000 + i * 10 + NR; s = f[1];
  for (j = 2; j <= n; j++) s = s "\t" f[j]; print s } }' "$fx/geo/cities_small.txt" >"$tmp/big.txt"
"$P" load --db "$tmp/p.db" "$tmp/big.txt" 2>/dev/null &
pid=$!
i=0
while [ $i -lt 200 ] && ! ls "$tmp" | grep -q "p.db.tmp-$pid"; do sleep 0.02; i=$((i + 1)); done
ls "$tmp" | grep -q "p.db.tmp-$pid" || { kill -9 $pid 2>/dev/null; fail "no temp file seen"; }
sleep 0.3
kill -9 $pid 2>/dev/null || fail "load finished before it could be killed (make the file bigger)"
wait $pid 2>/dev/null
[ "$(cksum <"$tmp/p.db")" = "$sum" ] || fail "database changed by a killed load"
[ "$(sqlite3 "$tmp/p.db" 'SELECT count(*) FROM places WHERE kind=0')" = 7 ] || fail "old database unreadable"
# The next load cleans the dead temp file up.
"$P" load --db "$tmp/p.db" "$fx/geo" 2>/dev/null || fail "load after kill"
ls "$tmp" | grep -q "p.db.tmp-" && fail "stale temp file not removed"
echo ok
