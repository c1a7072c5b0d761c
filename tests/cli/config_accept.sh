#!/bin/sh
# config_accept.sh: the newsroom's allowlist and exclude list (issue 17,
# 2026-12-05).  `accept = Jackson` silences findings on Jackson however it
# is qualified ("Jackson, Nevada"); "Name, Region" entries are written
# in quotes or in an accept file (one a line, # comments: Vale's accept.txt)
# and accept that name in that region only; lines have no length cap; an
# exclude key names files never checked (README.md), named or walked.
. "$(dirname "$0")/lib.sh"
unset PLACECHECK_CONFIG
fail() { echo "FAIL: $*"; sed 's/^/    /' "$tmp/out" "$tmp/err" | head -10; fails=$((fails + 1)); }
mkdir -p "$tmp/news"
# A Tennessee story whose mayor flies to Jackson, Nevada, a place too small
# for the gazetteer: a qualifier-mismatch error that the newsroom knows to
# be wrong, far above the scored model's threshold (when written, 6.4
# against 2.0; the region-context note on "Jackson, Mississippi" this used
# to be tops out near 5.5, and refits moved its threshold from 2.1 to 4.2).
cat >"$tmp/news/jackson.md" <<'EOF2'
# Tennessee lawmakers tour storm damage

JACKSON, Tenn. — State lawmakers toured the storm damage in Jackson on Monday, meeting city crews who had worked through the weekend.

Madison County officials said Jackson lost power at more than 9,000 homes. The governor said Nashville would send money for repairs.

The mayor said he would return to Jackson, Nevada, next week for a conference on storm planning.
EOF2
n_findings() { # CONFIG-TEXT: findings left on the story under that config
	printf '%s\n' "$1" >"$tmp/news/.placecheck.ini"
	(cd "$tmp/news" && "$P" --db "$DB" check -f gcc --fail-on never jackson.md) >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne 0 ]; then echo "rc$rc"; else grep -c 'Jackson' "$tmp/out"; fi
}
[ "$(n_findings '; nothing accepted')" = 1 ] || fail "the story has no Jackson finding to accept (the test lost its teeth)"
grep -q ':7:35: .*\[qualifier-mismatch\]' "$tmp/out" || fail "the finding is not on 'Jackson, Nevada'"
[ "$(n_findings 'accept = Jackson')" = 0 ] || fail "accept = Jackson left 'Jackson, Nevada'"
[ "$(n_findings 'accept = jackson')" = 0 ] || fail "accept is not case-blind"
[ "$(n_findings 'accept = "Jackson, Nevada"')" = 0 ] || fail "a quoted 'Name, Region'"
[ "$(n_findings 'accept = Lyme, "Jackson, Nev.", Charlotte Street')" = 0 ] || fail "'Jackson, Nev.' among others"
[ "$(n_findings 'accept = "Jackson, NV"')" = 0 ] || fail "'Jackson, NV'"
[ "$(n_findings 'accept = "Jackson, Tennessee"')" = 1 ] || fail "Jackson in another state accepted it"
[ "$(n_findings 'accept = Nevada')" = 1 ] || fail "the region alone accepted the name"
[ "$(n_findings 'accept = "Jackson, Nevada')" = rc2 ] || fail "an unclosed quote is not an error"
grep -q "\.placecheck\.ini:1: key 'accept': a '\"' without its closing '\"'" "$tmp/err" || fail "unclosed quote message"

# No line length cap: 300 bytes of names before Jackson
long="accept = $(i=0; while [ $i -lt 40 ]; do printf 'Name%02d, ' $i; i=$((i + 1)); done)Jackson   ; a comment"
[ ${#long} -gt 300 ] || fail "the long line is not long"
[ "$(n_findings "$long")" = 0 ] || fail "a $(printf %s "$long" | wc -c)-byte accept line"

# An accept file: one entry a line, commas kept
printf '# our vocabulary\n\nCharlotte Street\nJackson, Nevada\n' >"$tmp/news/accept.txt"
[ "$(n_findings 'accept-file = accept.txt')" = 0 ] || fail "accept-file"
(cd "$tmp/news" && "$P" --db "$DB" config) >"$tmp/out" 2>&1
grep -qx 'accept = "Jackson, Nevada"' "$tmp/out" || fail "config does not show the accept file's entry"
[ "$(n_findings 'accept-file = missing.txt')" = rc2 ] || fail "a missing accept file is not an error"
grep -q "\.placecheck\.ini:1: key 'accept-file': cannot open .*missing.txt" "$tmp/err" || fail "missing accept file message"

# exclude: README.md is never checked, walked or named; other files are;
# the accept file, a .txt, is no article either
cp "$tmp/news/jackson.md" "$tmp/news/README.md"
mkdir -p "$tmp/news/drafts" && cp "$tmp/news/jackson.md" "$tmp/news/drafts/old.md"
printf 'exclude = README.md, drafts/*\naccept-file = accept.txt\n' >"$tmp/news/.placecheck.ini"
(cd "$tmp/news" && "$P" --db "$DB" check -f json --fail-on never .) >"$tmp/out" 2>"$tmp/err"
files=$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["file"] for l in open(sys.argv[1])))' "$tmp/out")
[ "$files" = "jackson.md" ] || fail "walked: $files"
(cd "$tmp/news" && "$P" --db "$DB" check -f json --fail-on never README.md drafts/old.md jackson.md) >"$tmp/out" 2>"$tmp/err"
files=$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["file"] for l in open(sys.argv[1])))' "$tmp/out")
[ "$files" = "jackson.md" ] || fail "named: $files"
printf '[*.md]\nexclude = README.md\n' >"$tmp/news/.placecheck.ini"
(cd "$tmp/news" && "$P" --db "$DB" check jackson.md) >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] || fail "exclude in a section is not an error"
[ $fails -eq 0 ] || exit 1
echo "config_accept: ok"
