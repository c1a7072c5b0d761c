#!/bin/sh
# Quick fault test tests/fault/shell_ctrl_c.sh, run inside make test (see its header).
top=${PLACECHECK_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
exec sh "$top/tests/fault/shell_ctrl_c.sh"
