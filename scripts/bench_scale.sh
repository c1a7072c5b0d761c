#!/bin/sh
# make bench-scale: does checking cost grow in proportion to the input?
# Times and peak memory of `placecheck check` on one file of 1, 2, 4, 8 and
# 32 MB of real news text (the BBC set of ../shared/corpus joined end to
# end, its articles as paragraphs; or, without it, the project's own eval
# articles), the same text as a single paragraph (1, 4, 8 MB), and the
# shapes that used to blow up: one name on 300,000 lines, a 100,000-row
# Markdown table of place names, one line of 5 million characters.  Writes
# the table as the "check cost by input size" section of BENCHMARKS.md
# (replacing an earlier one).  Never part of `make test`.
#
# Needs ./placecheck, geodata/places.db, GNU time (/usr/bin/time), python3;
# BENCH_TMP (default /tmp) holds about 100 MB of inputs during the run.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
bin=$top/placecheck
db=$top/geodata/places.db
[ -x "$bin" ] && [ -f "$db" ] || { echo "bench-scale: run make and make db first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-scale: /usr/bin/time (Debian package time) is required" >&2; exit 2; }
work=$(mktemp -d "${BENCH_TMP:-/tmp}/pc-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

python3 - "$work" "$top" <<'EOF'
import json, os, sys
work, top = sys.argv[1], sys.argv[2]
bbc = os.path.join(top, "..", "shared", "corpus", "bbc-news.ndjson")
if os.path.exists(bbc):
    arts = [json.loads(l)["text"] for l in open(bbc, encoding="utf-8")]
    src = "BBC news (../shared/corpus)"
else:
    d = os.path.join(top, "tests", "eval", "articles")
    arts = [open(os.path.join(d, f), encoding="utf-8").read() for f in sorted(os.listdir(d))]
    src = "the project's eval articles"
para = "\n\n".join(arts)
one = " ".join(a.replace("\n", " ") for a in arts)
def grow(s, n):
    out = s
    while len(out.encode()) < n:
        out += "\n\n" + s if "\n\n" in s else " " + s
    return out.encode()[:n].decode("utf-8", "ignore")
MB = 1000 * 1000
for mb in (1, 2, 4, 8, 32):
    open(os.path.join(work, f"para-{mb}.txt"), "w", encoding="utf-8").write(grow(para, mb * MB))
for mb in (1, 4, 8):
    open(os.path.join(work, f"one-{mb}.txt"), "w", encoding="utf-8").write(grow(one, mb * MB))
open(os.path.join(work, "richmond.txt"), "w").write("Richmond.\n" * 300000)
names = ["Richmond", "Charlotte", "Springfield", "Portland", "Columbia", "Austin", "Paris", "Sydney"]
with open(os.path.join(work, "table.md"), "w") as f:
    f.write("| place | state |\n|---|---|\n")
    for i in range(100000):
        f.write(f"| {names[i % len(names)]} | {['Va.', 'N.C.', 'Ill.', 'Ore.'][i % 4]} |\n")
open(os.path.join(work, "longline.txt"), "w").write(("They met in Richmond and Charlotte. " * 140000)[:5000000] + "\n")
open(os.path.join(work, "source"), "w").write(src)
EOF

measure() { # NAME FILE
	/usr/bin/time -f "%e %U %S %M" "$bin" --db "$db" check --format json --fail-on never "$2" \
		>/dev/null 2>"$work/time" || { echo "| $1 | failed | | |"; return; }
	tail -1 "$work/time" | awk -v n="$1" -v b="$(wc -c <"$2")" \
		'{ printf "| %s | %.1f MB | %.2f s (%.2f s CPU) | %.0f MB |\n", n, b / 1e6, $1, $2 + $3, $4 / 1024 }'
}

res=$work/res
{
	for mb in 1 2 4 8 32; do measure "news, paragraphs, $mb MB" "$work/para-$mb.txt"; done
	for mb in 1 4 8; do measure "news, one paragraph, $mb MB" "$work/one-$mb.txt"; done
	measure "\"Richmond.\" on 300,000 lines" "$work/richmond.txt"
	measure "Markdown table, 100,000 rows of places" "$work/table.md"
	measure "one line of 5 million characters" "$work/longline.txt"
} >"$res"
cat "$res"

python3 - "$top/BENCHMARKS.md" "$res" "$(cat "$work/source")" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" <<'EOF'
import sys, datetime
path, res, src, commit = sys.argv[1:5]
title = "## Check cost by input size"
sec = [title, "",
       f"`make bench-scale` (scripts/bench_scale.sh), {datetime.date.today().isoformat()}, commit {commit}: one",
       f"`placecheck check --format json` per file; the text is {src}. Peak memory",
       "is the resident set, the mapped database (about 66 MB) included. Cost grows in",
       "proportion to the input: a file of many stories is cut into segments of at most",
       "4,000 tokens or 160 names, and every question about evidence looks at one segment",
       "and at a bounded stretch of text around a mention (docs/design.md).", "",
       "| input | size | time | peak memory |", "|---|---|---|---|"] + open(res).read().splitlines()
try:
    text = open(path, encoding="utf-8").read()
except OSError:
    text = "# placecheck benchmarks\n"
head, _, rest = text.partition("\n" + title)
tail = ""
if rest:
    nxt = rest.find("\n## ")
    tail = rest[nxt:] if nxt >= 0 else ""
open(path, "w", encoding="utf-8").write(head.rstrip("\n") + "\n\n" + "\n".join(sec) + "\n" + tail)
EOF
echo "written to BENCHMARKS.md"
