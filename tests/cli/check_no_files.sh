#!/bin/sh
# check_no_files.sh: a folder that holds nothing to check, or a --glob that
# matches nothing in it, is an error naming the folder (exit 2), never a
# silent pass (issue 17, 2026-12-05: `check emptydir` exited 0 with no output).
. "$(dirname "$0")/lib.sh"
fail() { echo "FAIL: $*"; sed 's/^/    /' "$tmp/err"; fails=$((fails + 1)); }
run() { "$P" --db "$DB" check --no-config -f gcc "$@" >"$tmp/out" 2>"$tmp/err"; echo $?; }
mkdir -p "$tmp/empty" "$tmp/code" "$tmp/news"
echo 'print("Charlottesville, N.C.")' >"$tmp/code/build.py"
echo "The council met on Monday in the town hall." >"$tmp/news/a.md"

[ "$(run "$tmp/empty")" = 2 ] || fail "an empty folder: exit status"
grep -qx "placecheck: error: $tmp/empty: no file to check in this folder (looked for \*.md, \*.markdown, \*.html, \*.htm, \*.txt; --glob picks others)" "$tmp/err" ||
	fail "an empty folder: message"
[ "$(run "$tmp/code")" = 2 ] || fail "a folder of code: exit status"
[ "$(run --glob '*.rst' "$tmp/news")" = 2 ] || fail "a --glob that matches nothing: exit status"
grep -qx "placecheck: error: $tmp/news: no file in this folder matches --glob \*.rst" "$tmp/err" || fail "--glob message"
# one empty folder among good paths is still an error, and nothing is checked
[ "$(run "$tmp/news" "$tmp/empty")" = 2 ] || fail "a good folder and an empty one: exit status"
[ ! -s "$tmp/out" ] || fail "output written before the error"
# the same inside a git work tree (the walk asks git for the files)
mkdir -p "$tmp/repo/news" && cp "$tmp/code/build.py" "$tmp/repo/news/" &&
	git -C "$tmp/repo" init -q && git -C "$tmp/repo" add -A || fail "git repository"
[ "$(run "$tmp/repo/news")" = 2 ] || fail "a folder of code in a git tree: exit status"
grep -q "no file to check in this folder" "$tmp/err" || fail "a folder of code in a git tree: message"
[ "$(run --glob '*.rst' "$tmp/repo")" = 2 ] || fail "a --glob that matches nothing in a git tree"
# what works still works
[ "$(run "$tmp/news")" = 0 ] || fail "a folder with an article"
[ "$(run --glob '*.py' "$tmp/code")" = 1 ] || fail "--glob '*.py' picks build.py"
[ "$(run "$tmp/news/a.md")" = 0 ] || fail "a named file"
[ "$(run "$tmp/news/none.md")" = 2 ] || fail "a missing file"
grep -q "none.md: cannot open" "$tmp/err" || fail "a missing file: message"
[ $fails -eq 0 ] || exit 1
echo "check_no_files: ok"
