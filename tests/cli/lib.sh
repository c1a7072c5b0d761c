# tests/cli/lib.sh: the preamble the tests/cli scripts share.  It is
# sourced, not run (scripts/run-tests.sh passes over it).  A script sources
# it first, before anything else:
#
#	. "$(dirname "$0")/lib.sh"
#
# It turns on `set -u` (an unset variable is an error) and defines:
#   top    the source tree: $PLACECHECK_TOP, else two folders above the
#          script, so that a script also runs by hand (sh tests/cli/x.sh)
#   P      the program under test: $PLACECHECK_BIN (make test: the
#          ASan+UBSan build), else $top/placecheck
#   DB     the database: $PLACECHECK_TEST_DB, else $top/geodata/places.db
#   tmp    a new empty folder, removed when the script exits or is
#          interrupted (trap on EXIT, INT and TERM).  A script that needs
#          more in its trap (a server to stop) sets its own trap after this,
#          and removes "$tmp" in it as well.
#   fails  0, the number of checks that failed so far
#   fail MSG  prints "FAIL: MSG" and counts it in fails; the script goes on
#          and ends with `[ $fails -eq 0 ] || exit 1`.  A script that shows
#          a file with each failure, or stops at the first one, defines its
#          own fail() after this.
# The last line a script prints when it passes is its own business
# (scripts/run-tests.sh reads only the exit status).

set -u
top=${PLACECHECK_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
# shellcheck disable=SC2034 # for the scripts that source this
P=${PLACECHECK_BIN:-$top/placecheck}
# shellcheck disable=SC2034
DB=${PLACECHECK_TEST_DB:-$top/geodata/places.db}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
