#!/bin/sh
# config_origin.sh: `placecheck config` says where it found the file: in the
# current directory, or in a folder above it (issue 17, 2026-12-05: run
# from a subfolder it said "found from the current directory").
. "$(dirname "$0")/lib.sh"
unset PLACECHECK_CONFIG
root=$(cd "$tmp" && pwd -P)  # $tmp without links, as getcwd() gives it
fail() { echo "FAIL: $*"; sed 's/^/    /' "$tmp/out"; fails=$((fails + 1)); }
mkdir -p "$root/news/world"
printf 'fail-on = error\n' >"$root/.placecheck.ini"
(cd "$root" && "$P" --db "$DB" config) >"$tmp/out" 2>&1
head -1 "$tmp/out" | grep -qx "; configuration: $root/.placecheck.ini (found in the current directory)" || fail "from the folder itself"
(cd "$root/news/world" && "$P" --db "$DB" config) >"$tmp/out" 2>&1
head -1 "$tmp/out" | grep -qx "; configuration: $root/.placecheck.ini (found in a folder above the current directory)" || fail "from a subfolder"
[ $fails -eq 0 ] || exit 1
echo "config_origin: ok"
