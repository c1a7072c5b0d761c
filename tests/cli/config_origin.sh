#!/bin/sh
# config_origin.sh: `placecheck config` says where it found the file: in the
# current directory, or in a folder above it (issue 17, 2026-12-05: run
# from a subfolder it said "found from the current directory").
set -u
P=${PLACECHECK_BIN:?}
DB=${PLACECHECK_TEST_DB:?}
unset PLACECHECK_CONFIG
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
top=$(cd "$tmp" && pwd -P)
fails=0
fail() { echo "FAIL: $*"; sed 's/^/    /' "$tmp/out"; fails=$((fails + 1)); }
mkdir -p "$top/news/world"
printf 'fail-on = error\n' >"$top/.placecheck.ini"
(cd "$top" && "$P" --db "$DB" config) >"$tmp/out" 2>&1
head -1 "$tmp/out" | grep -qx "; configuration: $top/.placecheck.ini (found in the current directory)" || fail "from the folder itself"
(cd "$top/news/world" && "$P" --db "$DB" config) >"$tmp/out" 2>&1
head -1 "$tmp/out" | grep -qx "; configuration: $top/.placecheck.ini (found in a folder above the current directory)" || fail "from a subfolder"
[ $fails -eq 0 ] || exit 1
echo "config_origin: ok"
