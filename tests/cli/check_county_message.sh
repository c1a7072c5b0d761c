#!/bin/sh
# A town qualified by the wrong English county: the message names the
# county the writer wrote, not the admin1 region it belongs to (a county
# that groups admin2 units is loaded as a region of England, and the
# message once read "No Bolton lies in England; Bolton is in England").
. "$(dirname "$0")/lib.sh"
printf '%s\n' "The fans came from Bolton, Merseyside, and from Wigan." >"$tmp/county.txt"
"$P" --db "$DB" check -f json "$tmp/county.txt" >"$tmp/county.json"
grep -q '"rule":"qualifier-mismatch"' "$tmp/county.json" ||
	{ fail "no qualifier-mismatch finding on Bolton, Merseyside"; cat "$tmp/county.json"; }
grep -q 'No Bolton lies in Merseyside' "$tmp/county.json" ||
	{ fail "the message does not name the county written"; cat "$tmp/county.json"; }
[ $fails -eq 0 ] && echo "ok check_county_message" && exit 0
exit 1
