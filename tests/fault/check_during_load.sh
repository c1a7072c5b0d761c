#!/bin/sh
# Fault: checks running while loads replace the database finish with
# consistent results: each output is exactly what the old or the new
# database gives, never a mixture, an error or a crash.
# FAULT_SECONDS (default 4) of concurrent checking.  Quick.
. "$(dirname "$0")/lib.sh"
secs=${FAULT_SECONDS:-4}
# Two different gazetteers: the fixtures, and the fixtures without Charlotte.
mkdir -p "$tmp/a" "$tmp/b"
cp "$fx/geo/"* "$tmp/a/"
cp "$fx/geo/"* "$tmp/b/"
grep -v "^4460243	" "$fx/geo/cities_small.txt" >"$tmp/b/cities_small.txt"
"$bin" load --db "$tmp/A.db" "$tmp/a" >/dev/null 2>&1 || fail "load A"
"$bin" load --db "$tmp/B.db" "$tmp/b" >/dev/null 2>&1 || fail "load B"
article "$tmp/x.md"
"$bin" --db "$tmp/A.db" check --format json "$tmp/x.md" >"$tmp/wantA" 2>&1
"$bin" --db "$tmp/B.db" check --format json "$tmp/x.md" >"$tmp/wantB" 2>&1
cp "$tmp/A.db" "$tmp/live.db"

# Loader: alternate A and B into live.db until told to stop.
(
	n=0
	while [ ! -f "$tmp/stop" ]; do
		if [ $((n % 2)) -eq 0 ]; then src=$tmp/b; else src=$tmp/a; fi
		"$bin" load --db "$tmp/live.db" "$src" >/dev/null 2>&1 || echo "load $n failed" >>"$tmp/loaderr"
		n=$((n + 1))
	done
	echo $n >"$tmp/nloads"
) &
lpid=$!
end=$(( $(date +%s) + secs ))
n=0; na=0; nb=0
while [ "$(date +%s)" -lt $end ]; do
	"$bin" --db "$tmp/live.db" check --format json "$tmp/x.md" >"$tmp/got" 2>&1
	rc=$?
	n=$((n + 1))
	if cmp -s "$tmp/got" "$tmp/wantA"; then na=$((na + 1))
	elif cmp -s "$tmp/got" "$tmp/wantB"; then nb=$((nb + 1))
	else
		touch "$tmp/stop"; wait $lpid
		echo "--- got (exit $rc):"; head -c 600 "$tmp/got"; echo
		fail "check $n: output matches neither database"
	fi
	[ $rc -le 1 ] || { touch "$tmp/stop"; wait $lpid; fail "check $n: exit $rc"; }
done
touch "$tmp/stop"
wait $lpid
[ -f "$tmp/loaderr" ] && { cat "$tmp/loaderr"; fail "a load failed"; }
[ $n -ge 5 ] || fail "only $n checks ran"
echo "ok: $n checks during $(cat "$tmp/nloads") loads: $na saw the first database, $nb the second"
