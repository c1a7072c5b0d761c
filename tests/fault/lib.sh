# tests/fault/lib.sh: sourced by the fault tests.  Sets top, bin, fx, tmp
# (removed on exit) and defines fail, skip, build_db, query_sum.
set -u
top=${PLACECHECK_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${PLACECHECK_BIN:-$top/placecheck}
fx=$top/tests/fixtures/load
tmp=$(mktemp -d)
cleanup_hooks=
trap 'eval "$cleanup_hooks"; rm -rf "$tmp"' EXIT INT TERM
fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "skip: $*"; exit 0; }
[ -x "$bin" ] || fail "no binary $bin (run make)"

# build_db PATH: the fixture gazetteer (7 places), quick to load.
build_db() { "$bin" load --db "$1" "$fx/geo" "$fx/extra" >/dev/null 2>&1; }

# query_sum DB: a checksum of what a reader sees.
query_sum() {
	sqlite3 "$1" "SELECT count(*), sum(id), group_concat(name) FROM (SELECT id, name FROM places ORDER BY id);
		      SELECT count(*) FROM names; SELECT count(*) FROM lookalikes;" 2>&1 | cksum
}

# integrity DB: "ok" when SQLite finds the file sound.
integrity() { sqlite3 "$1" 'PRAGMA integrity_check' 2>&1 | head -1; }

# A 5-row article every fixture database can check.
article() {
	cat >"$1" <<'ART'
CHARLOTTESVILLE, Va. — The University of Virginia said on Monday that a
tough weekend in Charlotte had ended. Officials in Richmond, Virginia, agreed.
ART
}

# synth_geonames N FILE: N GeoNames rows made from the fixture's, each with
# a fresh id (20000000 up), name ("Charlottesville 12") and a population of
# 100 (too small for the look-alike pass), for loads that
# take long enough to overlap.  Deterministic.
synth_geonames() {
	awk -v n="$1" 'BEGIN { OFS = "\t" } { row[NR] = $0 } END {
	  for (i = 0; i < n; i++) { split(row[i % NR + 1], f, "\t");
	    f[1] = 20000000 + i; f[2] = f[2] " " i; f[3] = f[3] " " i; f[4] = ""; f[15] = 100;
	    s = f[1]; for (j = 2; j <= 19; j++) s = s "\t" f[j]; print s } }' \
		"$fx/geo/cities_small.txt" >"$2"
}

# no_sanitizer_report FILE WHAT: fail if FILE holds an ASan/UBSan report.
no_sanitizer_report() {
	if grep -qE 'AddressSanitizer|runtime error|LeakSanitizer' "$1"; then
		cat "$1"; fail "$2: sanitizer report"
	fi
}

# check_within LIMIT FILE WHAT [FORMAT]: check FILE against the bundled
# database, reporting in FORMAT (default json), within LIMIT seconds (a
# hang or a quadratic blow-up fails; exit 0 or 1 only), and say so.
# Skips without the database.
check_within() {
	cw_db=${PLACECHECK_TEST_DB:-$top/geodata/places.db}
	[ -f "$cw_db" ] || skip "no $cw_db"
	cw_s0=$(date +%s)
	timeout "$(($1 + 5))" "$bin" --db "$cw_db" check --format "${4:-json}" "$2" >"$tmp/cw.out" 2>"$tmp/cw.err"
	cw_rc=$?
	cw_s1=$(date +%s)
	[ $cw_rc -ne 124 ] || fail "$3: still running after $(($1 + 5)) s (quadratic?)"
	[ $cw_rc -le 1 ] || { tail -3 "$tmp/cw.err"; fail "$3: exit $cw_rc"; }
	[ $((cw_s1 - cw_s0)) -le "$1" ] || fail "$3: took $((cw_s1 - cw_s0)) s (limit $1)"
	echo "ok: $3 in $((cw_s1 - cw_s0)) s, exit $cw_rc"
}
