#!/bin/sh
# Fault (issue 16, 2026-12-05): Ctrl-C in `placecheck shell` cancels the
# line being typed and gives a fresh prompt; before the fix it ended the
# shell.  Through a pseudo-terminal (shell_ctrl_c.py).  Quick.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null 2>&1 || skip "no python3"
build_db "$tmp/p.db" || fail "fixture load"
python3 "$(dirname "$0")/shell_ctrl_c.py" "$bin" "$tmp/p.db" "$tmp"
