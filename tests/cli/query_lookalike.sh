#!/bin/sh
# query_lookalike.sh: what a reporter sees from `query` and `shell` (issue
# 17, 2026-12-05):
#  - a look-alike is shown with its own place ("Sidney: Sidney, Ohio", not
#    Sydney, Australia, which has "Sidney" only as an old alternate name);
#  - a name that is no place gets "Did you mean" from the near-miss index
#    (Pitsburgh, Cincinatti);
#  - near takes a place name as well as coordinates;
#  - answer lines carry no ids or coordinates unless --long (-v) asks, and
#    are no wider than 80 columns off a terminal.
. "$(dirname "$0")/lib.sh"
unset COLUMNS
fail() { echo "FAIL: $*"; sed 's/^/    /' "$tmp/out" | head -20; fails=$((fails + 1)); }
q() { "$P" --db "$DB" query "$@" >"$tmp/out" 2>"$tmp/err"; echo $?; }
wide() { COLUMNS=300 "$P" --db "$DB" query "$@" >"$tmp/out" 2>"$tmp/err"; echo $?; }

[ "$(wide Sydney)" = 0 ] || fail "query Sydney: exit status"
grep -qx '  Sidney (edit distance 1): Sidney, Ohio, United States; county seat; pop\. [0-9,]*' "$tmp/out" ||
	fail "Sidney shown with another place than Sidney, Ohio"
[ "$(wide Pittsburgh)" = 0 ] || fail "query Pittsburgh: exit status"
grep -q '^  Pittsburg (suffix): Pittsburg, ' "$tmp/out" || fail "Pittsburg shown with another place"
! grep -q '^  Pittsburg (suffix): Pittsburgh' "$tmp/out" || fail "Pittsburg shown as Pittsburgh"

[ "$(wide Pitsburgh)" = 1 ] || fail "query Pitsburgh: exit status"
[ "$(sed -n 1,2p "$tmp/out" | tr '\n' '|')" = "No place called Pitsburgh.|Did you mean:|" ] || fail "Pitsburgh: no 'Did you mean'"
sed -n 3p "$tmp/out" | grep -q '^  Pittsburgh, Pennsylvania (Pa\.), United States; county seat; pop\. ' || fail "Pitsburgh: Pittsburgh not first"
[ "$(wide Cincinatti)" = 1 ] || fail "query Cincinatti: exit status"
sed -n 3p "$tmp/out" | grep -q '^  Cincinnati, Ohio, United States; ' || fail "Cincinatti: no Cincinnati"
[ "$(wide "Pitsburgh, Pa.")" = 1 ] || fail "Pitsburgh, Pa.: exit status"
grep -q '^  Pittsburgh, Pennsylvania' "$tmp/out" || fail "Pitsburgh, Pa.: no suggestion"
[ "$(q --json Cincinatti)" = 1 ] || fail "--json Cincinatti: exit status"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=d["did_you_mean"][0]; assert s["name"]=="Cincinnati" and s["place"]["admin1_code"]=="OH", d' "$tmp/out" ||
	fail "--json did_you_mean"
[ "$(wide Springfield)" = 0 ] && ! grep -q "Did you mean" "$tmp/out" || fail "Did you mean for a real place"

[ "$(wide --near Charlottesville --limit 3)" = 0 ] || fail "--near Charlottesville: exit status"
head -1 "$tmp/out" | grep -qx 'Within 25 km of Charlottesville, Virginia, United States: [0-9]* places, nearest first' || fail "--near NAME header"
sed -n 2p "$tmp/out" | grep -q '^ *0\.0 km  Charlottesville, Virginia' || fail "--near NAME: the place itself first"
[ "$(wide --near "Paris, Texas" --radius 10)" = 0 ] || fail "--near 'Paris, Texas'"
head -1 "$tmp/out" | grep -q '^Within 10 km of Paris, Texas, United States: ' || fail "--near 'NAME, REGION' header"
[ "$(wide --near Pitsburgh)" = 1 ] || fail "--near Pitsburgh: exit status"
grep -q '^  Pittsburgh, Pennsylvania' "$tmp/out" || fail "--near Pitsburgh: no suggestion"
printf 'near Charlottesville 5\nnear Charlottesville\n' | COLUMNS=300 "$P" --db "$DB" shell >"$tmp/out" 2>"$tmp/err" || fail "shell near NAME: exit status"
grep -qx 'Within 5 km of Charlottesville, Virginia, United States: [0-9]* places*, nearest first' "$tmp/out" || fail "shell near NAME KM"
grep -qx 'Within 25 km of Charlottesville, Virginia, United States: [0-9]* places*, nearest first' "$tmp/out" || fail "shell near NAME"

# Short lines by default; ids and coordinates with --long / -v.
wide Charlottesville >/dev/null
! grep -q 'GeoNames\|38\.02931' "$tmp/out" || fail "ids or coordinates without --long"
for opt in --long -v; do
	wide $opt Charlottesville >/dev/null
	grep -q '^  Charlottesville, Virginia (Va\.), United States; county seat; pop\. [0-9,]*; 38\.02931,-78\.47668; GeoNames 4752031$' "$tmp/out" ||
		fail "$opt: no ids and coordinates"
done
printf 'Charlottesville\n' | COLUMNS=300 "$P" --db "$DB" shell --long >"$tmp/out" 2>&1
grep -q 'GeoNames 4752031$' "$tmp/out" || fail "shell --long"

# No line wider than 80 columns off a terminal (COLUMNS unset).
: >"$tmp/all"
for a in Springfield Pittsburgh Pitsburgh "Charlottesville, N.C." "--near Charlottesville" "-v Sydney"; do
	# shellcheck disable=SC2086
	q $a >/dev/null
	cat "$tmp/out" >>"$tmp/all"
done
printf 'Springfield\nlike Charlotte\ncheck\nWe had a tough weekend in Charlotte, the mayor of the Virginia city said of the rally in Charlottesville, Virginia.\n.\nexplain 1\n' |
	"$P" --db "$DB" shell >>"$tmp/all" 2>&1
cp "$tmp/all" "$tmp/out"
awk '{ n = length($0) } n > 80 { print "too wide (" n "): " $0; bad = 1 } END { exit bad }' "$tmp/all" || fail "lines wider than 80"
grep -q '^      pop\. ' "$tmp/all" || fail "no wrapped continuation line (the test lost its teeth)"
[ $fails -eq 0 ] || exit 1
echo "query_lookalike: ok"
