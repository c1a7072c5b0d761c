#!/bin/sh
# Fault (issue 16, 2026-12-05): a SQLite error while checking is a
# database error: exit 2, a message naming the database and how to
# rebuild it, never read as "no such name" nor blamed on the article.
# Before the fix a zeroed name_prefixes or lexicon page gave exit 0 (a
# damaged page read as "no name goes on from here", "not a word"), with
# the bundled data false "No Paul lies in Minnesota" errors; a zeroed
# names page gave "ARTICLE: name lookup failed".  Also `query` and
# `shell`; and a database locked by a writer says it is locked (it said
# "not a placecheck database").  Quick.
. "$(dirname "$0")/lib.sh"
build_db "$tmp/good.db" || fail "fixture load"
article "$tmp/a.md"
page_size=$(sqlite3 "$tmp/good.db" 'PRAGMA page_size')

damage() { # TABLE: a copy of good.db with TABLE's first page zeroed, in bad.db
	cp "$tmp/good.db" "$tmp/bad.db"
	p=$(sqlite3 "$tmp/bad.db" "SELECT pageno FROM dbstat WHERE name = '$1' ORDER BY pageno LIMIT 1")
	[ -n "$p" ] || skip "sqlite3 has no dbstat table"
	dd if=/dev/zero of="$tmp/bad.db" bs="$page_size" seek=$((p - 1)) count=1 conv=notrunc 2>/dev/null
}
db_error() { # WHAT: exit 2 and a message about bad.db, not the article
	[ "$rc" -eq 2 ] || { cat "$tmp/err"; fail "$1: exit $rc, expected 2"; }
	grep -q "bad.db: database read failed" "$tmp/err" || { cat "$tmp/err"; fail "$1: no database error"; }
	grep -q "make db" "$tmp/err" || { cat "$tmp/err"; fail "$1: no advice to rebuild"; }
	grep -q "a.md" "$tmp/err" && { cat "$tmp/err"; fail "$1: the article is blamed"; }
	no_sanitizer_report "$tmp/err" "$1"
	echo "$1: $(head -1 "$tmp/err" | cut -c1-120)"
}
for t in name_prefixes lexicon names lookalikes; do
	damage $t
	"$bin" --db "$tmp/bad.db" check --format json "$tmp/a.md" >"$tmp/out" 2>"$tmp/err"; rc=$?
	db_error "check, $t page zeroed"
	grep -q '"rule"' "$tmp/out" && fail "check, $t page zeroed: findings printed"
done
damage names
"$bin" --db "$tmp/bad.db" query Charlottesville >"$tmp/out" 2>"$tmp/err"; rc=$?
db_error "query, names page zeroed"
printf 'Charlottesville\nRichmond\n' | "$bin" --db "$tmp/bad.db" shell >"$tmp/out" 2>"$tmp/err"; rc=$?
db_error "shell, names page zeroed"
[ "$(grep -c 'database read failed' "$tmp/err")" = 2 ] || { cat "$tmp/err"; fail "shell: not one error per line"; }

# A writer's lock held past the busy timeout.
if command -v python3 >/dev/null 2>&1; then
	cp "$tmp/good.db" "$tmp/locked.db"
	cat >"$tmp/hold.py" <<'PY'
import os, sqlite3, subprocess, sys
db, out = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db, isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('x', 'y')")
with open(out, "w") as f:
    r = subprocess.run(sys.argv[3:], stdout=subprocess.DEVNULL, stderr=f)
c.execute("ROLLBACK")
sys.exit(r.returncode)
PY
	python3 "$tmp/hold.py" "$tmp/locked.db" "$tmp/err" "$bin" --db "$tmp/locked.db" check "$tmp/a.md"; rc=$?
	[ $rc -eq 2 ] || { cat "$tmp/err"; fail "locked: exit $rc"; }
	grep -q 'locked' "$tmp/err" || { cat "$tmp/err"; fail "locked: the message does not say so"; }
	grep -q 'not a placecheck database' "$tmp/err" && { cat "$tmp/err"; fail "locked: called not a placecheck database"; }
	echo "locked: $(head -1 "$tmp/err" | cut -c1-120)"
fi
echo "ok: read errors are database errors (check, query, shell), a lock is a lock"
