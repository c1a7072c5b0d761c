#!/bin/sh
# Fault (issue 16, 2026-12-05): a damaged compressed input is an error and
# the database is not replaced: a gzip file whose CRC does not match (8
# zeroed bytes in the middle, or a wrong CRC in the trailer), a truncated
# one, a zip entry with a bad CRC.  Before the fix libarchive, which does
# not check a gzip member's CRC, handed over the garbage: with 8 bytes of
# cities500.txt.gz zeroed the load kept 64,903 rows, skipped 120,168 and
# replaced the database with exit 0.  Quick.
. "$(dirname "$0")/lib.sh"
build_db "$tmp/p.db" || fail "fixture load"
sum=$(cksum <"$tmp/p.db")
synth_geonames 20000 "$tmp/c.txt"
gzip -n -c "$tmp/c.txt" >"$tmp/good.gz"
size=$(wc -c <"$tmp/good.gz")

damaged() { # WHAT FILE
	"$bin" load --db "$tmp/p.db" "$2" >/dev/null 2>"$tmp/err"; rc=$?
	[ $rc -eq 2 ] || { tail -3 "$tmp/err"; fail "$1: exit $rc, expected 2"; }
	grep -qi 'damaged' "$tmp/err" || { tail -3 "$tmp/err"; fail "$1: the message does not say the file is damaged"; }
	[ "$(cksum <"$tmp/p.db")" = "$sum" ] || fail "$1: the database changed"
	no_sanitizer_report "$tmp/err" "$1"
	echo "$1: $(grep error "$tmp/err" | head -1 | cut -c1-140)"
}
cp "$tmp/good.gz" "$tmp/zeroed.gz"
printf '\0\0\0\0\0\0\0\0' | dd of="$tmp/zeroed.gz" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
damaged "8 bytes zeroed" "$tmp/zeroed.gz"
# The stored CRC-32 (the trailer's first 4 bytes) off by one bit: the data
# itself decompresses cleanly.
cp "$tmp/good.gz" "$tmp/crc.gz"
b=$(od -An -tu1 -j $((size - 8)) -N1 "$tmp/crc.gz" | tr -d ' ')
printf "$(printf '\\%03o' $((b ^ 1)))" | dd of="$tmp/crc.gz" bs=1 seek=$((size - 8)) conv=notrunc 2>/dev/null
damaged "wrong CRC" "$tmp/crc.gz"
head -c $((size - 6)) "$tmp/good.gz" >"$tmp/short.gz"
damaged "truncated trailer" "$tmp/short.gz"
head -c $((size / 2)) "$tmp/good.gz" >"$tmp/half.gz"
damaged "truncated" "$tmp/half.gz"
# In a directory too (where unreadable files are otherwise skipped).
mkdir "$tmp/dir"
cp "$fx/geo/"* "$tmp/dir/"
cp "$tmp/crc.gz" "$tmp/dir/more.txt.gz"
damaged "in a directory" "$tmp/dir"
if command -v python3 >/dev/null 2>&1; then
	python3 -c "import zipfile, sys; z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED); z.write(sys.argv[2], 'c.txt'); z.close()" \
		"$tmp/bad.zip" "$tmp/c.txt"
	zs=$(wc -c <"$tmp/bad.zip")
	printf 'XXXXXXXX' | dd of="$tmp/bad.zip" bs=1 seek=$((zs / 2)) conv=notrunc 2>/dev/null
	damaged "zip, bad CRC" "$tmp/bad.zip"
fi
# The same file undamaged loads, and so do two gzip members in one file.
cat "$tmp/good.gz" "$tmp/good.gz" >"$tmp/two.gz"
"$bin" load --db "$tmp/p.db" "$tmp/good.gz" >/dev/null 2>"$tmp/err" || { tail -3 "$tmp/err"; fail "the undamaged file"; }
"$bin" load --db "$tmp/q.db" "$tmp/two.gz" >/dev/null 2>"$tmp/err" || { tail -3 "$tmp/err"; fail "two members"; }
grep -q "two.gz:20001: id 20000000 repeats" "$tmp/err" || { head -3 "$tmp/err"; fail "the second member was not read"; }
echo "ok: damaged .gz and .zip refused, sound ones loaded"
