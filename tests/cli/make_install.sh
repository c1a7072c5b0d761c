#!/bin/sh
# make_install.sh: `make install DESTDIR=...` puts the program, the
# database, the man page and the bash and zsh completions where a system
# looks for them, and `make uninstall` takes them away (issue 17,
# 2026-12-05).  The default PREFIX, so the program built by `make test` is
# the one installed and nothing is recompiled.  The Debian package (PREFIX
# /usr) is tested by scripts/deb-test.sh from .ci/run.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
make -s --no-print-directory install DESTDIR="$tmp/root" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "make install"; }
r="$tmp/root/usr/local"
for f in bin/placecheck share/placecheck/places.db share/man/man1/placecheck.1 \
	share/bash-completion/completions/placecheck share/zsh/site-functions/_placecheck; do
	[ -f "$r/$f" ] || fail "not installed: $f"
done
[ -x "$r/bin/placecheck" ] || fail "the program is not executable"
cmp -s "$r/share/placecheck/places.db" geodata/places.db || fail "the database differs"
# The installed program looks for the installed database (outside any source tree).
(cd "$tmp" && env -u PLACECHECK_DB -u PLACECHECK_CONFIG "$r/bin/placecheck" config 2>&1) |
	grep -qx '; database: /usr/local/share/placecheck/places.db' || fail "the program does not look in /usr/local/share/placecheck"
make -s --no-print-directory uninstall DESTDIR="$tmp/root" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "make uninstall"; }
[ -z "$(find "$tmp/root" -type f)" ] || { fail "left after uninstall:"; find "$tmp/root" -type f; }
[ $fails -eq 0 ] || exit 1
echo "make_install: ok"
