#!/bin/sh
# The golden cases in tests/cases (data-driven: add NAME.md + NAME.expect).
exec python3 "$PLACECHECK_TOP/tests/cases/run.py" "$PLACECHECK_BIN" "$PLACECHECK_TEST_DB"
