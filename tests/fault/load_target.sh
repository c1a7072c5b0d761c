#!/bin/sh
# Fault (issue 16, 2026-12-05): `load --db PATH` refuses a PATH that is
# there and is not a regular file (a FIFO, a directory, a link to a
# device), keeps the mode of the file it replaces, and replaces the target
# of a symbolic link, not the link.  Before the fix any PATH was renamed
# over, a link became a plain file, and the new file's mode came from the
# umask.  Quick.
. "$(dirname "$0")/lib.sh"

refuse() { # WHAT PATH
	"$bin" load --db "$2" "$fx/geo" >/dev/null 2>"$tmp/err"; rc=$?
	[ $rc -eq 2 ] || { cat "$tmp/err"; fail "$1: exit $rc, expected 2"; }
	grep -q 'not a regular file' "$tmp/err" || { cat "$tmp/err"; fail "$1: unclear message"; }
	no_sanitizer_report "$tmp/err" "$1"
}
mkfifo "$tmp/fifo" || skip "cannot make a FIFO"
refuse FIFO "$tmp/fifo"
[ -p "$tmp/fifo" ] || fail "the FIFO was replaced"
mkdir "$tmp/dir.db"
refuse directory "$tmp/dir.db"
[ -d "$tmp/dir.db" ] || fail "the directory was replaced"
ln -s /dev/null "$tmp/null.db"
refuse "link to /dev/null" "$tmp/null.db"
[ -L "$tmp/null.db" ] || fail "the link to /dev/null was replaced"
[ -c /dev/null ] || fail "/dev/null is no longer a device"
ls "$tmp" | grep -q '\.tmp-' && fail "temp file left behind"

# The mode of the file replaced is kept, by a full load and by --add.
build_db "$tmp/p.db" || fail "fixture load"
chmod 600 "$tmp/p.db"
build_db "$tmp/p.db" || fail "reload"
[ "$(stat -c %a "$tmp/p.db")" = 600 ] || fail "mode after a load: $(stat -c %a "$tmp/p.db"), want 600"
chmod 640 "$tmp/p.db"
"$bin" load --db "$tmp/p.db" --add "$fx/extra/cues.tsv" >/dev/null 2>&1 || fail "--add"
[ "$(stat -c %a "$tmp/p.db")" = 640 ] || fail "mode after --add: $(stat -c %a "$tmp/p.db"), want 640"

# A symbolic link: its target is replaced, the link stays (a relative
# link into another folder, and a link to a file not there yet).
mkdir "$tmp/real"
build_db "$tmp/real/t.db" || fail "fixture load"
chmod 604 "$tmp/real/t.db"
ln -s real/t.db "$tmp/link.db"
build_db "$tmp/link.db" || fail "load through the link"
[ -L "$tmp/link.db" ] || fail "the link was replaced by a file"
[ "$(stat -c %a "$tmp/real/t.db")" = 604 ] || fail "target's mode not kept"
[ "$(integrity "$tmp/real/t.db")" = ok ] || fail "target not a sound database"
ls "$tmp/real" | grep -q '\.tmp-' && fail "temp file left next to the target"
ln -s real/later.db "$tmp/later.db"
build_db "$tmp/later.db" || fail "load through a link to a file not there yet"
[ -L "$tmp/later.db" ] && [ -f "$tmp/real/later.db" ] || fail "the link's target was not created"
echo "ok: FIFO, directory and device refused; mode kept; links followed"
