#!/bin/sh
# Fault: a 1 GB file of one line.  `check` must refuse it with a clear "too
# large" error, exit 2, quickly and in bounded memory (it must not read the
# whole file).  Slow to create on some file systems: run by `make fault`.
. "$(dirname "$0")/lib.sh"
db=${PLACECHECK_TEST_DB:-$top/geodata/places.db}
if [ ! -f "$db" ]; then db=$tmp/p.db; build_db "$db" || fail "fixture load"; fi
# A sparse file: 1 GB of NULs would be "binary", so start with text.
printf 'RICHMOND, Va. — ' >"$tmp/huge.txt"
truncate -s 1G "$tmp/huge.txt"
# The same size of real text (no NULs), for a reader that sniffs first.
yes 'Officials in Richmond, Virginia said on Monday' | tr -d '\n' | head -c 1073741824 >"$tmp/huge2.txt"
for f in "$tmp/huge.txt" "$tmp/huge2.txt"; do
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -v "$bin" --db "$db" check "$f" >/dev/null 2>"$tmp/err"
		rc=$?
		rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/err")
	else
		"$bin" --db "$db" check "$f" >/dev/null 2>"$tmp/err"
		rc=$?
		rss=0
	fi
	[ $rc -eq 2 ] || { head -5 "$tmp/err"; fail "$(basename "$f"): exit $rc, expected 2"; }
	grep -qiE 'too large|larger than|too big|limit|binary' "$tmp/err" || { head -5 "$tmp/err"; fail "$(basename "$f"): unclear message"; }
	[ "${rss:-0}" -le 300000 ] || fail "$(basename "$f"): peak RSS ${rss} kB (over 300 MB)"
	echo "$(basename "$f"): exit 2, peak RSS ${rss:-?} kB: $(grep -v -E '^\s|Command|Elapsed' "$tmp/err" | head -1 | cut -c1-100)"
done
echo ok
