#!/bin/sh
# readme.sh: the README and docs/ say what is true (issue 17, 2026-12-05:
# they pointed to files a clone does not have, named tags that do not
# exist, claimed `help check` listed the rules, and showed output the tool
# did not print).  Checks:
#  - the sample output under "$ ./placecheck check ..." is what the command
#    prints (its lines, in order; the evidence lines shown in any order,
#    others may follow; the weights in evidence lines are not compared:
#    they move with every refit);
#  - every ./placecheck line of the "Use" block runs (exit 0 or 1, never 2),
#    in a folder holding the story.md and articles/ it names;
#  - every relative link in README.md and docs/*.md, and every docs/ path
#    named in action.yml, .pre-commit-hooks.yaml and placecheck.1, exists;
#  - no version tag is named (uses: ...@vN, rev: vN) unless git has it;
#  - no link into ../shared (a clone does not have it);
#  - the rules table has every rule of detect_rules[] with its severity;
#  - the two set-up commands name things that exist.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
readme=README.md

# ---- the sample output ------------------------------------------------------
awk '/^\$ \.\/placecheck check /{on=1; next} on && /^```/{exit} on' "$readme" >"$tmp/sample"
cmd=$(sed -n 's/^\$ \.\/placecheck check \(.*\)$/\1/p' "$readme" | head -1)
[ -s "$tmp/sample" ] && [ -n "$cmd" ] || fail "no sample output in the README"
# shellcheck disable=SC2086
"$P" --db "$DB" check --no-config --format text --color=never $cmd >"$tmp/actual" 2>&1
python3 - "$tmp/sample" "$tmp/actual" <<'PY' || fail "the README's sample output is not what placecheck prints"
import re, sys
# The weights an evidence line shows ("(+2.1)") move with every refit of
# the model; the lines themselves must not.
w = re.compile(r"\([+-][0-9]+\.[0-9]+\)")
want = [w.sub("(W)", l) for l in open(sys.argv[1]).read().splitlines()]
got = [w.sub("(W)", l) for l in open(sys.argv[2]).read().splitlines()]
# Evidence lines come strongest first, and their order moves with the
# weights too: each one the README shows must be printed, in any order;
# the other lines in order.
ev = lambda l: l.lstrip().startswith("evidence:")
# ... and which line carries the story's names ("Va. named in the
# dateline") follows the strongest support feature, which moves too.
head = lambda l: l.split(" (W)")[0]
got_ev = {head(l) for l in got if ev(l)}
for l in want:
    if ev(l) and head(l) not in got_ev:
        print("  README evidence line not printed: %r" % l)
        print("  printed:\n    " + "\n    ".join(got))
        sys.exit(1)
want = [l for l in want if not ev(l)]
i = 0
for line in got:
    if i < len(want) and line == want[i]:
        i += 1
if i < len(want):
    print("  README line not printed (in this order): %r" % want[i])
    print("  printed:\n    " + "\n    ".join(got))
    sys.exit(1)
PY

# ---- the Use block runs -----------------------------------------------------
mkdir -p "$tmp/run/articles"
cp tests/cases/sample-rally.md "$tmp/run/story.md"
cp tests/cases/amman-clean.md tests/cases/canberra-country.md "$tmp/run/articles/"
awk '/^## Use/{u=1} u && /^```sh/{on=1; next} on && /^```/{exit} on' "$readme" | sed 's/  *#.*//' >"$tmp/use"
[ "$(grep -c '^\./placecheck ' "$tmp/use")" -ge 6 ] || fail "the Use block has too few ./placecheck lines"
while IFS= read -r line; do
	case $line in ./placecheck\ *) ;; *) continue ;; esac
	args=${line#./placecheck }
	(cd "$tmp/run" && eval "set -- $args" && "$P" --db "$DB" "$@" </dev/null >"$tmp/out" 2>&1)
	rc=$?
	[ $rc -le 1 ] || { fail "README: '$line' exited $rc"; sed 's/^/    /' "$tmp/out" | head -5; }
done <"$tmp/use"

# ---- links, paths, tags -------------------------------------------------------
for f in README.md docs/*.md; do
	dir=$(dirname "$f")
	for link in $(grep -oE '\]\([^)#]+' "$f" | sed 's/^](//' | grep -v '^[a-z]*:'); do
		[ -e "$dir/$link" ] || fail "$f links to $link, which does not exist"
	done
	grep -n '\](\.\./shared\|\](\.\./\.\./shared' "$f" && fail "$f links into ../shared"
	grep -n 'shared/DESIGN\|DESIGN\.md' "$f" && fail "$f sends the reader to ../shared/DESIGN.md (docs/design.md is ours)"
done
for f in action.yml .pre-commit-hooks.yaml placecheck.1 README.md; do
	for p in $(grep -oE 'docs/[a-z0-9_-]+\.md' "$f" | sort -u); do
		[ -e "$p" ] || fail "$f names $p, which does not exist"
	done
done
tags=$(git tag 2>/dev/null)
for f in README.md docs/*.md action.yml .pre-commit-hooks.yaml; do
	# this project's tags only (actions/checkout@v4 is another project's)
	for t in $(grep -oE '(placecheck@|rev: *)v[0-9][0-9.]*' "$f" | sed 's/^placecheck@//; s/^rev: *//'); do
		echo "$tags" | grep -qx "$t" || fail "$f names tag $t, which does not exist"
	done
done

# ---- the rules table --------------------------------------------------------
# rows of detect_rules[]: `[DETECT_RULE_X] = { "id", DETECT_SEV_X,` (or the
# older `{ "id", DETECT_SEV_X,`); as many as enum detect_rule_id has values,
# so that a table format this parser no longer reads fails here
sed -n 's/^[[:space:]]*\(\[DETECT_RULE_[A-Z_]*\][[:space:]]*=[[:space:]]*\)\{0,1\}{ "\([a-z][a-z-]*\)", DETECT_SEV_\([A-Z]*\),.*/\2 \3/p' \
	src/detect/detect_rules.c | tr 'A-Z' 'a-z' >"$tmp/rule_ids"
n_enum=$(sed -n '/^enum detect_rule_id {/,/DETECT_RULE__COUNT/p' src/detect/detect.h |
	grep -c '^[[:space:]]*DETECT_RULE_[A-Z_]*[[:space:]]*[,=]')
[ "$(wc -l <"$tmp/rule_ids")" -eq "$n_enum" ] ||
	fail "read $(wc -l <"$tmp/rule_ids") rules from detect_rules.c, enum detect_rule_id has $n_enum"
while read -r id sev; do
	grep -q "^| \`$id\` | $sev |" "$readme" || echo "FAIL: README's rules table lacks '$id' as $sev"
done <"$tmp/rule_ids" >"$tmp/rules"
[ -s "$tmp/rules" ] && { cat "$tmp/rules"; fails=$((fails + 1)); }
grep -qi 'help check.*rules\|rules.*placecheck help check' "$readme" && fail "the README says help check lists the rules"

# ---- the set-up commands ----------------------------------------------------
grep -qx 'sh scripts/install-deps.sh && make run' "$readme" || fail "the first set-up command changed"
grep -qx 'make test' "$readme" || fail "the second set-up command changed"
[ -f scripts/install-deps.sh ] || fail "no scripts/install-deps.sh"
grep -q '^run:' Makefile && grep -q '^test:' Makefile || fail "make run / make test missing"
[ $fails -eq 0 ] || exit 1
echo "readme: ok"
