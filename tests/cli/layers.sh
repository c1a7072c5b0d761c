#!/bin/sh
# The pipeline's include order and the no-printing rule hold (STYLE.md).
exec sh "$PLACECHECK_TOP/scripts/check-layers.sh"
