#!/bin/sh
# Fault (issue 16, 2026-12-05): awkward article files get a clear answer.
# Before the fix: a UTF-16 file was called "binary"; lone-CR line endings
# (old Mac files) put every finding on line 1 at column 343; an unclosed
# "<!--" at the top of a Markdown or HTML file silently left the whole
# article unchecked; a line of --ndjson input that is not JSON was "not a
# JSON object", without saying where.  Quick.
. "$(dirname "$0")/lib.sh"
build_db "$tmp/p.db" || fail "fixture load"
run() { "$bin" --db "$tmp/p.db" check "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; no_sanitizer_report "$tmp/err" "$*"; }
line='Officials in Charlottesville, N.C., said on Monday that the rally was over.'

# UTF-16, with and without a byte-order mark.
for enc in UTF-16 UTF-16LE UTF-16BE; do
	printf '%s\n' "$line" | iconv -t $enc >"$tmp/u.txt" 2>/dev/null || skip "no iconv"
	run "$tmp/u.txt"
	[ $rc -eq 2 ] || { cat "$tmp/err"; fail "$enc: exit $rc, expected 2"; }
	grep -q 'u.txt: UTF-16 text.*iconv -f UTF-16' "$tmp/err" || { cat "$tmp/err"; fail "$enc: does not say UTF-16 and how to convert"; }
	grep -qi binary "$tmp/err" && fail "$enc: called binary"
done
echo "UTF-16: $(head -1 "$tmp/err" | cut -c1-120)"

# Lone CR line endings: the finding is on line 2, column 13 (as with LF).
printf 'RICHMOND, Va.\r%s\r\rMore text.\r' "They met in Charlottesville, N.C., on Monday." >"$tmp/cr.txt"
run --format json "$tmp/cr.txt"
grep -q '"line": *2, *"column": *13' "$tmp/out" || { cat "$tmp/out"; fail "lone CR: the finding is not at 2:13"; }
run --format gcc "$tmp/cr.txt"
grep -q 'cr.txt:2:13: error' "$tmp/out" || { cat "$tmp/out"; fail "lone CR: gcc format not at 2:13"; }
run --format text "$tmp/cr.txt"
grep -q '^    2 | They met in Charlottesville' "$tmp/out" || { cat "$tmp/out"; fail "lone CR: the snippet is not line 2 alone"; }
echo "lone CR: $(head -1 "$tmp/out")"

# An unclosed comment: a warning with file:line (Markdown and HTML); a
# closed one gives none.
printf 'Title\n\n<!-- draft\n\n%s\n' "$line" >"$tmp/c.md"
run "$tmp/c.md"
grep -q 'c.md:3:1:.*never closed' "$tmp/err" || { cat "$tmp/err"; fail "Markdown: no warning at c.md:3:1"; }
printf '<html><body><p>Intro</p>\n  <!-- draft <p>%s</p>\n</body></html>\n' "$line" >"$tmp/c.html"
run "$tmp/c.html"
grep -q 'c.html:2:3:.*never closed' "$tmp/err" || { cat "$tmp/err"; fail "HTML: no warning at c.html:2:3"; }
printf '<!-- draft -->\n\n%s\n' "$line" >"$tmp/ok.md"
run "$tmp/ok.md"
grep -q 'never closed' "$tmp/err" && fail "a closed comment was reported"
[ $rc -eq 1 ] || fail "after a closed comment the article was not checked (exit $rc)"
echo "unclosed comment: warned at file:line in Markdown and HTML"

# --ndjson: invalid JSON says so, with the line number (stderr) and the
# column (stderr and the output line, which keeps the input's place).
printf '{"id": 1, "text": "%s"}\n{"id": 2, "text": "oops\n[1, 2]\n' "$line" >"$tmp/in.ndjson"
run --ndjson "$tmp/in.ndjson"
[ $rc -eq 2 ] || fail "ndjson: exit $rc, expected 2"
grep -q 'in.ndjson:2: invalid JSON (at column' "$tmp/err" || { cat "$tmp/err"; fail "ndjson: line 2 not called invalid JSON"; }
grep -q 'in.ndjson:3: a JSON array, not an object' "$tmp/err" || { cat "$tmp/err"; fail "ndjson: line 3 not called an array"; }
sed -n 2p "$tmp/out" | grep -q '^{"file":null,"error":"invalid JSON (at column 20)' ||
	{ cat "$tmp/out"; fail "ndjson: the output line does not say invalid JSON"; }
echo "ndjson: $(grep ':2:' "$tmp/err" | cut -c1-100)"
echo "ok: UTF-16, lone CR, unclosed comments and invalid ndjson are reported"
