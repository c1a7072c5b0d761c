#!/bin/sh
# Fault (issue 16, 2026-12-05): running out of memory is an error like
# any other: "placecheck: error: out of memory ...", exit status 2, never
# an abort (status 134, a core dump).  Allocations over a size are made to
# fail by an LD_PRELOAD shim (fail_malloc.c, built here), on the release
# binary (ASan's allocator cannot be preloaded over).  Before the fix
# xmalloc aborted.  Quick.
. "$(dirname "$0")/lib.sh"
rel=${PLACECHECK_REL:-$top/placecheck}
[ -x "$rel" ] || skip "no release binary $rel"
cc=${CC:-cc}
command -v "$cc" >/dev/null 2>&1 || skip "no C compiler"
"$cc" -shared -fPIC -O1 -o "$tmp/fail_malloc.so" "$(dirname "$0")/fail_malloc.c" 2>"$tmp/err" ||
	{ cat "$tmp/err"; skip "cannot build the shim"; }
"$rel" load --db "$tmp/p.db" "$fx/geo" "$fx/extra" >/dev/null 2>&1 || fail "fixture load"

oom() { # WHAT LIMIT ARGS...: the command runs out of memory cleanly
	what=$1 lim=$2
	shift 2
	FAIL_MALLOC_OVER=$lim LD_PRELOAD="$tmp/fail_malloc.so" "$rel" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ $rc -eq 2 ] || { tail -3 "$tmp/err"; fail "$what: exit $rc, expected 2"; }
	grep -q '^placecheck: error: out of memory' "$tmp/err" || { tail -3 "$tmp/err"; fail "$what: no 'out of memory' message"; }
	echo "$what: $(grep 'out of memory' "$tmp/err" | cut -c1-90)"
}
# An article of 20 MB: reading it grows a buffer past 16 MB.
yes 'Officials in Richmond, Virginia, said on Monday that the rally was over.' |
	head -c 20000000 >"$tmp/big.txt"
oom "check, 20 MB article" 16000000 --db "$tmp/p.db" check "$tmp/big.txt"
# The same through --ndjson (a 20 MB line).
{ printf '{"id": 1, "text": "'; head -c 20000000 "$tmp/big.txt" | tr -d '\n'; printf '"}\n'; } >"$tmp/big.ndjson"
oom "check --ndjson, 20 MB line" 16000000 --db "$tmp/p.db" check --ndjson "$tmp/big.ndjson"
# A load whose name buffers outgrow 1 MB: the old database stays.
sum=$(cksum <"$tmp/p.db")
synth_geonames 30000 "$tmp/rows.txt"
FAIL_MALLOC_OVER=1000000 LD_PRELOAD="$tmp/fail_malloc.so" "$rel" load --db "$tmp/p.db" "$tmp/rows.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] || { tail -3 "$tmp/err"; fail "load: exit $rc, expected 2"; }
grep -q 'out of memory' "$tmp/err" || { tail -3 "$tmp/err"; fail "load: no 'out of memory' message"; }
[ "$(cksum <"$tmp/p.db")" = "$sum" ] || fail "load: the old database changed"
echo "load: $(grep 'out of memory' "$tmp/err" | head -1 | cut -c1-90)"
echo "ok: out of memory is exit 2 with a message"
