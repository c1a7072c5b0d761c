#!/bin/sh
# Fault: a file of one 600 KB line holding 16,000 findings is reported in
# bounded time in every format that shows or hashes the source line.
# Limit FAULT_LINE_SECONDS (default 30) per format.  Slow when it fails:
# run by `make fault`, not `make test`.
# Found 2026-12-05 (stop 21, review): each finding scanned back to the
# start of its line (all formats), the text format printed the whole
# line under each finding, and SARIF hashed the line and compared every
# fingerprint with all earlier ones: quadratic (text 86 s, SARIF 12 s;
# 1.5 s after the fix).
. "$(dirname "$0")/lib.sh"
awk 'BEGIN { for (i = 0; i < 16000; i++) printf "Officials in Mumbai, Kerala, said so. "; print "" }' >"$tmp/line.md"
for f in text gcc sarif json github rdjsonl; do
	check_within "${FAULT_LINE_SECONDS:-30}" "$tmp/line.md" "16,000 findings on one line, $f" "$f"
done
