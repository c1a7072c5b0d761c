#!/usr/bin/env python3
"""Per-rule precision and recall of placecheck on a labelled corpus.

usage: eval_rules.py --cmd 'CMD' DIR [DIR...] [--limit N] [--markdown]

Each DIR holds expected.tsv (the format of ../shared/examples/expected.tsv)
and, optionally, rules.tsv (file, rule, text: the rule each mix-up should
raise).  For every article named in expected.tsv the script runs
`CMD check --format json FILE` once and counts, over findings of severity
warning or error:

  true positive   a finding that overlaps an expected `flag` span and whose
                  suggestion matches the expectation's regular expression;
  false alarm     any other finding (on a clean article, or elsewhere in a
                  mix-up article);
  miss            a `flag` expectation no finding meets.

Precision is counted per rule id of the finding; recall per rule named in
rules.tsv (or "(unlabelled)" when the article has no rules.tsv row).
Resolution (place / noplace rows) is summarised too.  Standard library only.
"""
import argparse
import collections
import json
import os
import re
import shlex
import subprocess
import sys



def print_table(hdr, rows, markdown):
    """Print ROWS under HDR as a Markdown table or aligned plain columns
    (shared with eval_inject.py)."""
    if markdown:
        print("| " + " | ".join(hdr) + " |")
        print("|" + "---|" * len(hdr))
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        w = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(hdr)]
        print("  ".join(h.ljust(w[i]) for i, h in enumerate(hdr)))
        for row in rows:
            print("  ".join(c.ljust(w[i]) for i, c in enumerate(row)))

def load_tsv(path, ncol):
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != ncol:
                raise SystemExit(f"{path}: bad line: {line!r}")
            rows.append(parts)
    return rows


def span_of(data, anchor, text):
    a = data.find(anchor.encode())
    if a < 0:
        return None
    t = data.find(text.encode(), a)
    if t < 0 or t >= a + len(anchor.encode()):
        return None
    return t, t + len(text.encode())


def item_span(item):
    try:
        s = int(item["offset"])
        return s, s + int(item["length"])
    except (KeyError, TypeError, ValueError):
        return None


def overlaps(a, b):
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def reading_matches(item, value):
    if value.isdigit():
        return str(item.get("id")) == value
    if "." in value:
        cc, a1 = value.split(".", 1)
        return item.get("country") == cc and item.get("admin1_code") == a1
    return item.get("country") == value


def run_check(cmd, path):
    try:
        proc = subprocess.run(shlex.split(cmd) + ["check", "--format", "json", path],
                              capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    if proc.returncode not in (0, 1):
        return None, f"exit {proc.returncode}: {proc.stderr.decode(errors='replace').strip()[:200]}"
    out = proc.stdout.decode(errors="replace").strip()
    try:
        doc = json.loads(out.splitlines()[0]) if out else None
    except (json.JSONDecodeError, IndexError) as e:
        return None, f"output is not JSON: {e}"
    if not isinstance(doc, dict):
        return None, "no JSON object printed"
    return doc, None


def pct(num, den):
    return "-" if den == 0 else f"{100.0 * num / den:.1f}%"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles of each DIR")
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    ap.add_argument("--verbose", action="store_true", help="list every false alarm and miss")
    ap.add_argument("--rules", action="append", default=[],
                    help="more file/rule/text rows (for a corpus without rules.tsv)")
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()

    found = collections.Counter()      # findings per rule (warning/error)
    correct = collections.Counter()    # of which met an expectation
    fa_clean = collections.Counter()   # findings on clean articles, per rule
    expected = collections.Counter()   # flag expectations per expected rule
    met = collections.Counter()        # of which met
    rule_agree = collections.Counter() # met with the expected rule id
    n_clean = n_mix = 0
    n_place = n_place_ok = n_noplace = n_noplace_ok = 0
    errors = []
    notes = []

    extra_rules = {}
    for path in args.rules:
        for fname, rule, text in load_tsv(path, 3):
            extra_rules[(fname, text)] = rule
    for d in args.dirs:
        rows = load_tsv(os.path.join(d, "expected.tsv"), 5)
        rules = dict(extra_rules)
        for fname, rule, text in load_tsv(os.path.join(d, "rules.tsv"), 3):
            rules[(fname, text)] = rule
        by_file = collections.OrderedDict()
        for r in rows:
            by_file.setdefault(r[0], []).append(r)
        files = list(by_file)
        if args.limit:
            files = files[:args.limit]
        for fname in files:
            path = os.path.join(d, fname)
            doc, err = run_check(args.cmd, path)
            exps = by_file[fname]
            if doc is None:
                errors.append(f"{path}: {err}")
                continue
            data = open(path, "rb").read()
            findings = [f for f in doc.get("findings", [])
                        if f.get("severity") in ("warning", "error")]
            places = doc.get("places", [])
            is_clean = any(e[1] == "clean" for e in exps)
            flags = [e for e in exps if e[1] == "flag"]
            if is_clean:
                n_clean += 1
            if flags:
                n_mix += 1
            used = set()
            for _, _, anchor, text, value in flags:
                rule = rules.get((fname, text), "(unlabelled)")
                expected[rule] += 1
                span = span_of(data, anchor, text)
                hit = None
                for i, f in enumerate(findings):
                    if overlaps(item_span(f), span) and \
                            re.search(value, str(f.get("suggestion", "")), re.I):
                        hit = i
                        break
                if hit is None:
                    got = [f"{f.get('rule')}:{f.get('text')!r}->{f.get('suggestion')!r}"
                           for f in findings if overlaps(item_span(f), span)]
                    notes.append(f"miss  {path}: {text!r} want {value!r} [{rule}]"
                                 + (f" got {', '.join(got)}" if got else ""))
                    continue
                used.add(hit)
                met[rule] += 1
                if findings[hit].get("rule") == rule:
                    rule_agree[rule] += 1
            for i, f in enumerate(findings):
                r = f.get("rule", "?")
                found[r] += 1
                if i in used:
                    correct[r] += 1
                else:
                    if is_clean:
                        fa_clean[r] += 1
                    notes.append(f"false {path}:{f.get('line')}:{f.get('column')}: "
                                 f"{r} {f.get('text')!r} -> {f.get('suggestion')!r}")
            for _, kind, anchor, text, value in exps:
                if kind not in ("place", "noplace"):
                    continue
                span = span_of(data, anchor, text)
                hits = [p for p in places if overlaps(item_span(p), span)]
                if kind == "place":
                    n_place += 1
                    n_place_ok += any(reading_matches(p, value) for p in hits)
                else:
                    n_noplace += 1
                    n_noplace_ok += not hits

    all_rules = sorted(set(found) | set(expected))
    hdr = ["rule", "findings", "correct", "precision", "expected", "caught", "recall",
           "same rule id", "false alarms /100 clean"]
    table = []
    for r in all_rules:
        table.append([r, str(found[r]), str(correct[r]), pct(correct[r], found[r]),
                      str(expected[r]), str(met[r]), pct(met[r], expected[r]),
                      f"{rule_agree[r]}/{met[r]}",
                      "-" if n_clean == 0 else f"{100.0 * fa_clean[r] / n_clean:.1f}"])
    tf, tc = sum(found.values()), sum(correct.values())
    te, tm = sum(expected.values()), sum(met.values())
    table.append(["all", str(tf), str(tc), pct(tc, tf), str(te), str(tm), pct(tm, te),
                  f"{sum(rule_agree.values())}/{tm}",
                  "-" if n_clean == 0 else f"{100.0 * sum(fa_clean.values()) / n_clean:.1f}"])

    print(f"articles: {n_clean} clean, {n_mix} with a mix-up; "
          f"place rows {n_place_ok}/{n_place} read right; "
          f"person/organisation rows {n_noplace_ok}/{n_noplace} left alone")
    print_table(hdr, table, args.markdown)
    for e in errors:
        print(f"error {e}")
    if args.verbose:
        for n in notes:
            print(n)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
