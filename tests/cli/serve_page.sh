#!/bin/sh
# The web page of placecheck serve (issue 15) in a real browser: headless
# Chromium, driven through chromedriver's WebDriver protocol, opens the
# page, checks a known article, finds the highlighted span and the
# suggestion in the DOM, applies it, filters by severity, looks a place up,
# and keeps a screenshot in build/test-artefacts/serve_page.png.
. "$(dirname "$0")/lib.sh"
serve_pid=
# lib.sh's trap, and the server stopped if one is still running
trap '[ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
. "$top/tests/serve/serve_lib.sh"
for t in chromium chromedriver; do
	command -v $t >/dev/null 2>&1 || { echo "FAIL: $t is not installed (sh scripts/install-deps.sh)"; exit 1; }
done
mkdir -p "$top/build/test-artefacts"
serve_start page -j 2
python3 "$top/tests/serve/page_browser.py" "http://127.0.0.1:$port/" "$top/tests/cases/sample-rally.md" \
	"$top/build/test-artefacts/serve_page.png" "$tmp" || exit 1
serve_stop || { cat "$tmp/page.err"; echo "FAIL: the server's exit status"; exit 1; }
serve_pid=
echo "1 passed, 0 failed"
