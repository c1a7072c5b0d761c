#!/bin/sh
# Quick fault test tests/fault/walk_unreadable.sh, run inside make test (see its header).
top=${PLACECHECK_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
exec sh "$top/tests/fault/walk_unreadable.sh"
