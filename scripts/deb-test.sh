#!/bin/sh
# The Debian package as a user gets it (issue 17): build it with `make
# deb`, install it with apt, run placecheck from PATH outside the source
# tree (so only the installed database can be found), check that its man
# page and bash and zsh completion are in place, and remove it again.
# Called by .ci/run on a fresh machine; needs root (or sudo).  Refuses to
# run where a placecheck package is already installed, rather than
# replace and remove it.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
fails=0
fail() { echo "deb-test: FAIL: $*"; fails=$((fails + 1)); }

if dpkg-query -W -f='${Status}' placecheck 2>/dev/null | grep -q 'install ok installed'; then
	echo "deb-test: a placecheck package is already installed here; not touching it" >&2
	exit 2
fi
rm -f placecheck_*.deb
make --no-print-directory deb
deb=$(ls placecheck_*.deb)
$SUDO apt-get install -y -qq "./$deb" >/dev/null
tmp=$(mktemp -d)
cleanup() {
	$SUDO apt-get remove -y -qq --purge placecheck >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# From PATH, in a folder with no geodata/ and no config: the installed database.
[ "$(command -v placecheck)" = /usr/bin/placecheck ] || fail "placecheck on PATH is $(command -v placecheck)"
cp tests/cases/sample-rally.md "$tmp/story.md"
rc=0
(cd "$tmp" && env -u PLACECHECK_DB -u PLACECHECK_CONFIG placecheck check --format gcc story.md) >"$tmp/out" 2>&1 || rc=$?
[ $rc -eq 1 ] || fail "placecheck check story.md exited $rc, want 1"
grep -q '^story.md:9:14: warning: .*\[lookalike-context\]$' "$tmp/out" || { fail "no lookalike-context finding"; cat "$tmp/out"; }
(cd "$tmp" && env -u PLACECHECK_DB placecheck config) | grep -q '^; database: /usr/share/placecheck/places.db$' ||
	fail "the installed program does not use /usr/share/placecheck/places.db"
(cd "$tmp" && placecheck query Charlottesville) >"$tmp/out" 2>&1 || fail "placecheck query Charlottesville"
(cd "$tmp" && placecheck help rules) | grep -q '^lookalike-context (warning)$' || fail "placecheck help rules"

# The man page (unless this system's dpkg is told to leave manuals out).
man=/usr/share/man/man1/placecheck.1.gz
dpkg -L placecheck | grep -qx "$man" || fail "the package has no $man"
if [ -f "$man" ]; then
	gzip -t "$man" || fail "$man is not gzip"
	if command -v man >/dev/null 2>&1; then
		[ "$(man -w placecheck 2>/dev/null)" = "$man" ] || fail "man -w placecheck: $(man -w placecheck 2>&1)"
	fi
elif ! grep -qs 'path-exclude=/usr/share/man' /etc/dpkg/dpkg.cfg.d/*; then
	fail "$man listed but not installed"
fi

# Completion: bash defines it and completes; zsh's file is where zsh looks.
bc=/usr/share/bash-completion/completions/placecheck
[ -f "$bc" ] || fail "no $bc"
got=$(bash -c '. "$1"; complete -p placecheck >/dev/null || exit 1; COMP_WORDS=(placecheck help ru); COMP_CWORD=2; _placecheck; echo "${COMPREPLY[*]}"' sh "$bc") ||
	fail "bash: no completion for placecheck"
[ "$got" = rules ] || fail "bash: 'placecheck help ru' completes to '$got'"
zc=/usr/share/zsh/vendor-completions/_placecheck
[ -f "$zc" ] || fail "no $zc"
if command -v zsh >/dev/null 2>&1; then
	zsh -n "$zc" || fail "zsh: $zc does not parse"
	zsh -fc 'autoload -Uz compinit && compinit -u -D && [[ $_comps[placecheck] == _placecheck ]]' ||
		fail "zsh: compinit does not bind _placecheck to placecheck"
fi

# Removal leaves nothing behind.
$SUDO apt-get remove -y -qq --purge placecheck >/dev/null
for f in /usr/bin/placecheck /usr/share/placecheck/places.db "$bc" "$zc"; do
	[ ! -e "$f" ] || fail "$f left after removal"
done
[ $fails -eq 0 ] || exit 1
echo "deb-test: $deb installs with apt, runs from PATH with its man page and completion, and removes cleanly"
