#!/bin/sh
# Fault (issue 16, 2026-12-05): `load --add` takes SQLite's lock on the
# database it adds to, so that two --add runs at once both count, and a
# process holding a write transaction (BEGIN EXCLUSIVE) is waited for.
# Before the fix the --add copy took no lock: of two runs one was lost,
# both exiting 0, and a writer's commit made during an --add vanished.
# Quick (a few seconds).
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null 2>&1 || skip "no python3"
# A base big enough that two --add runs overlap (each rebuilds the derived
# tables), and two CSV files of one place each, without ids: each run
# numbers its rows from the largest id it finds.
synth_geonames 20000 "$tmp/base.txt"
"$bin" load --db "$tmp/p.db" "$fx/geo" "$tmp/base.txt" >/dev/null 2>"$tmp/err" ||
	{ cat "$tmp/err"; fail "base load"; }
printf 'Venue,Latitude,Longitude,ISO\nAlphaville Arena,38.1,-78.4,US\n' >"$tmp/a.csv"
printf 'Venue,Latitude,Longitude,ISO\nBetatown Bowl,38.2,-78.5,US\n' >"$tmp/b.csv"
cols=name=Venue,lat=Latitude,lon=Longitude,country=ISO
has() { sqlite3 "$tmp/p.db" "SELECT count(*) FROM places WHERE name = '$1'"; }

i=0
while [ $i -lt 3 ]; do
	i=$((i + 1))
	"$bin" load --db "$tmp/p.db" --add --csv --columns $cols "$tmp/a.csv" >/dev/null 2>"$tmp/ea" &
	pa=$!
	"$bin" load --db "$tmp/p.db" --add --csv --columns $cols "$tmp/b.csv" >/dev/null 2>"$tmp/eb" &
	pb=$!
	wait $pa; ra=$?
	wait $pb; rb=$?
	[ $ra -eq 0 ] && [ $rb -eq 0 ] || { cat "$tmp/ea" "$tmp/eb"; fail "round $i: exit $ra and $rb"; }
	no_sanitizer_report "$tmp/ea" "round $i"
	no_sanitizer_report "$tmp/eb" "round $i"
	[ "$(has 'Alphaville Arena')" = "$i" ] && [ "$(has 'Betatown Bowl')" = "$i" ] ||
		fail "round $i: an --add was lost ($(has 'Alphaville Arena') Alphaville, $(has 'Betatown Bowl') Betatown; want $i each)"
done
[ "$(integrity "$tmp/p.db")" = ok ] || fail "integrity_check"

# A writer holding BEGIN EXCLUSIVE: the --add waits for its commit and
# keeps what it wrote.
cat >"$tmp/hold.py" <<'PY'
import os, sqlite3, sys, time
db, ready, go = sys.argv[1:4]
c = sqlite3.connect(db, isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('holder', 'was here')")
open(ready, "w").close()
for _ in range(6000):
    if os.path.exists(go):
        break
    time.sleep(0.01)
c.execute("COMMIT")
PY
python3 "$tmp/hold.py" "$tmp/p.db" "$tmp/ready" "$tmp/go" &
ph=$!
n=0
while [ ! -f "$tmp/ready" ] && [ $n -lt 500 ]; do sleep 0.02; n=$((n + 1)); done
[ -f "$tmp/ready" ] || { kill $ph; fail "the lock holder did not start"; }
"$bin" load --db "$tmp/p.db" --add --csv --columns $cols "$tmp/a.csv" >/dev/null 2>"$tmp/ea" &
pa=$!
sleep 1 # let the load start (and, before the fix, copy the file)
touch "$tmp/go"
wait $ph || fail "the lock holder failed"
wait $pa || { cat "$tmp/ea"; fail "--add after the lock: exit $?"; }
[ "$(sqlite3 "$tmp/p.db" "SELECT value FROM meta WHERE key = 'holder'")" = "was here" ] ||
	fail "the lock holder's commit was lost: the --add worked from a copy taken under its lock"
[ "$(has 'Alphaville Arena')" = 4 ] || fail "the --add after the lock was lost"
echo "ok: 3 rounds of two concurrent --add runs, all kept; an --add waited for BEGIN EXCLUSIVE"
