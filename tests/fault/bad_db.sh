#!/bin/sh
# Fault: a database that is missing, corrupt (garbage bytes), truncated, not
# a placecheck database, or from an older schema: `check` and `query` stop
# with exit 2 and a message naming the command to run (placecheck load).
# A read-only database still serves `check`; a load into a read-only
# directory fails with exit 2 and leaves nothing behind.  Quick.
. "$(dirname "$0")/lib.sh"
build_db "$tmp/good.db" || fail "fixture load"
article "$tmp/a.md"

expect_load_hint() { # NAME DB
	"$bin" --db "$2" check "$tmp/a.md" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ $rc -eq 2 ] || { cat "$tmp/err"; fail "$1: exit $rc, expected 2"; }
	grep -q 'placecheck load' "$tmp/err" || { cat "$tmp/err"; fail "$1: message does not say to run placecheck load"; }
	grep -qE 'AddressSanitizer|runtime error' "$tmp/err" && fail "$1: sanitizer report"
	echo "$1: $(head -1 "$tmp/err" | cut -c1-110)"
}

expect_load_hint missing "$tmp/nope.db"
head -c 65536 /dev/urandom >"$tmp/garbage.db"
expect_load_hint garbage "$tmp/garbage.db"
head -c 8192 "$tmp/good.db" >"$tmp/trunc.db"
expect_load_hint truncated "$tmp/trunc.db"
sqlite3 "$tmp/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
expect_load_hint "not placecheck" "$tmp/other.db"
cp "$tmp/good.db" "$tmp/old.db"
sqlite3 "$tmp/old.db" "UPDATE meta SET value='0' WHERE key='schema_version'" || fail "cannot age the schema"
expect_load_hint "older schema" "$tmp/old.db"
# Garbage after a valid header: SQLite reports corruption only on use.
cp "$tmp/good.db" "$tmp/mangled.db"
size=$(wc -c <"$tmp/mangled.db")
head -c $((size - 4096)) /dev/urandom | dd of="$tmp/mangled.db" bs=1 seek=4096 conv=notrunc 2>/dev/null
"$bin" --db "$tmp/mangled.db" check "$tmp/a.md" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -le 2 ] || { cat "$tmp/err"; fail "mangled pages: exit $rc (crash?)"; }
grep -qE 'AddressSanitizer|runtime error' "$tmp/err" && fail "mangled pages: sanitizer report"
echo "mangled pages: exit $rc"

# Read-only file: checking needs no write access.
cp "$tmp/good.db" "$tmp/ro.db"
chmod 444 "$tmp/ro.db"
"$bin" --db "$tmp/ro.db" check "$tmp/a.md" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -le 1 ] || { cat "$tmp/err"; fail "read-only database: check exit $rc"; }
echo "read-only file: check exit $rc"

# Load into a read-only directory (a read-only bind mount when we may mount;
# root ignores chmod).
mkdir -p "$tmp/rodir"
if [ "$(id -u)" != 0 ]; then
	chmod 555 "$tmp/rodir"
	ro=1
elif mount --bind "$tmp/rodir" "$tmp/rodir" 2>/dev/null && mount -o remount,bind,ro "$tmp/rodir" 2>/dev/null; then
	cleanup_hooks="umount '$tmp/rodir' 2>/dev/null;"
	ro=1
else
	umount "$tmp/rodir" 2>/dev/null
	ro=0
fi
if [ $ro -eq 1 ]; then
	"$bin" load --db "$tmp/rodir/p.db" "$fx/geo" >/dev/null 2>"$tmp/err"
	rc=$?
	[ $rc -eq 2 ] || { cat "$tmp/err"; fail "load into a read-only directory: exit $rc"; }
	[ -z "$(ls -A "$tmp/rodir")" ] || fail "read-only directory: something was written"
	echo "read-only directory: load exit 2: $(head -1 "$tmp/err" | cut -c1-100)"
else
	echo "read-only directory: skipped (cannot make one)"
fi
echo ok
