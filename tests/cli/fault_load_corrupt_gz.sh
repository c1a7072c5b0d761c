#!/bin/sh
# Quick fault test tests/fault/load_corrupt_gz.sh, run inside make test (see its header).
top=${PLACECHECK_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
exec sh "$top/tests/fault/load_corrupt_gz.sh"
