#!/bin/sh
# placecheck shell on a real terminal (issue 5): TAB completion and history
# kept across sessions, driven through a pseudo-terminal by shell_pty.py.
. "$(dirname "$0")/lib.sh"
python3 "$(dirname "$0")/shell_pty.py" "$P" "$DB" "$tmp"
