#!/bin/sh
# A few seconds of each libFuzzer target (issue 6), with every seed and
# every past crash replayed first.  `make fuzz` runs them for longer.
exec sh "$PLACECHECK_TOP/scripts/fuzz.sh" --smoke
