#!/bin/sh
# Quick fault test tests/fault/check_during_load.sh, run inside make test (see its header).
top=${PLACECHECK_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
exec sh "$top/tests/fault/check_during_load.sh"
