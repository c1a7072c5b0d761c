#!/bin/sh
# Fault: a load into a full disk fails cleanly: exit 2, a message, no temp
# file left, and the previous database (when there is one) untouched.
# A 2 MB tmpfs when we may mount one (root), else `ulimit -f`.  Quick.
. "$(dirname "$0")/lib.sh"
big="$top/geodata/cities500.txt.gz"
[ -f "$big" ] || big="$fx/geo"

mnt="$tmp/small"
mkdir -p "$mnt"
if mount -t tmpfs -o size=2m tmpfs "$mnt" 2>/dev/null; then
	cleanup_hooks="umount '$mnt' 2>/dev/null;"
	how="2 MB tmpfs"
	# A previous database that fits.
	build_db "$mnt/p.db" || fail "fixture load into the tmpfs"
	sum=$(cksum <"$mnt/p.db")
	"$bin" load --db "$mnt/p.db" "$big" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ $rc -eq 2 ] || { cat "$tmp/err"; fail "$how: exit $rc, expected 2"; }
	[ -s "$tmp/err" ] || fail "$how: no message"
	[ "$(cksum <"$mnt/p.db")" = "$sum" ] || fail "$how: previous database changed"
	[ "$(integrity "$mnt/p.db")" = ok ] || fail "$how: previous database corrupt"
	ls -a "$mnt" | grep -v -x -e . -e .. -e p.db | grep -q . &&
		{ ls -la "$mnt"; fail "$how: temp file left behind"; }
	umount "$mnt" && cleanup_hooks=
else
	how="ulimit -f 2048 (1 MB blocks of 512 bytes)"
	build_db "$tmp/p.db" || fail "fixture load"
	sum=$(cksum <"$tmp/p.db")
	( ulimit -f 2048; trap '' XFSZ; exec "$bin" load --db "$tmp/p.db" "$big" ) >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ $rc -eq 2 ] || { cat "$tmp/err"; fail "$how: exit $rc, expected 2"; }
	[ "$(cksum <"$tmp/p.db")" = "$sum" ] || fail "$how: previous database changed"
	ls "$tmp" | grep -q 'p.db.tmp' && fail "$how: temp file left behind"
fi
echo "ok ($how): exit 2, \"$(head -1 "$tmp/err" | cut -c1-100)\""
