#!/bin/sh
# placecheck shell on a real terminal (issue 5): TAB completion and history
# kept across sessions, driven through a pseudo-terminal by shell_pty.py.
set -u
top=${PLACECHECK_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${PLACECHECK_BIN:-$top/placecheck}
db=${PLACECHECK_TEST_DB:-$top/geodata/places.db}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
python3 "$(dirname "$0")/shell_pty.py" "$bin" "$db" "$tmp"
