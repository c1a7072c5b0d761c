#!/bin/sh
# placecheck lsp (issue 15), driven by a scripted JSON-RPC client:
# initialize, didOpen (Markdown, with a character outside the BMP so that
# UTF-16 positions are exercised), the diagnostics, a codeAction whose edit
# is applied and sent back as didChange, hover on a place name, an unknown
# request, didSave, didClose, shutdown and exit (status 0).
set -u
top=${PLACECHECK_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
bin=${PLACECHECK_BIN:-$top/placecheck}
db=${PLACECHECK_TEST_DB:-$top/geodata/places.db}
exec python3 "$top/tests/serve/lsp_client.py" "$bin" "$db" "$top/tests/cases/sample-rally.md"
