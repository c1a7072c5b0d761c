#!/usr/bin/env python3
"""Injection evaluation: swap one resolved place name for a look-alike.

usage: eval_inject.py --cmd 'CMD' --db DB [--per-article N] [--limit N]
                      [--markdown] [--verbose] DIR [DIR...]

For every clean article in each DIR (a `clean` row in DIR/expected.tsv):
  1. run `CMD check --format json` on it; every warning or error it raises
     is a false alarm on an untouched article;
  2. take the resolved places from its "places" list, and for up to N of
     them (different names) build a copy of the article in which that ONE
     mention is replaced by a look-alike name from the database's
     lookalikes table (the look-alike's key mapped back to a display name
     through the names table), keeping the article's case (CHARLOTTESVILLE
     becomes CHARLOTTE in a dateline);
  3. run placecheck on the copy: the swap is caught when a warning or error
     overlaps the swapped span and its suggestion contains the original
     name.  Findings elsewhere in the copy are counted as collateral.

Prints recall (overall, per look-alike kind and per rule that caught it),
precision of findings on the copies, and false alarms per 100 untouched
articles, per rule.  Standard library only (json, sqlite3, subprocess).
"""
import argparse
import collections
import json
import os
import shlex
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_rules import print_table  # noqa: E402  (one table printer for both)

# Swaps a writer really makes, tried first when the article names one of
# these places (keys are case-folded original names).
PREFERRED = {
    "charlottesville": ["Charlotte"], "charlotte": ["Charlottesville"],
    "australia": ["Austria"], "austria": ["Australia"],
    "slovakia": ["Slovenia"], "slovenia": ["Slovakia"],
    "nigeria": ["Niger"], "niger": ["Nigeria"],
    "colombia": ["Columbia"], "iraq": ["Iran"], "iran": ["Iraq"],
    "sydney": ["Sidney"], "guinea-bissau": ["Guinea"],
    "pittsburgh": ["Pittsburg"], "kansas city": ["Kansas"],
    "paraguay": ["Uruguay"], "uruguay": ["Paraguay"],
}

ALIKE_KIND = {1: "suffix", 2: "prefix-word", 3: "edit", 4: "listed"}


def load_tsv(path, ncol):
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                parts = line.split("\t")
                if len(parts) == ncol:
                    rows.append(parts)
    return rows


def run_check(cmd, path):
    try:
        proc = subprocess.run(shlex.split(cmd) + ["check", "--format", "json", path],
                              capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return None
    if proc.returncode not in (0, 1):
        return None
    out = proc.stdout.decode(errors="replace").strip()
    try:
        doc = json.loads(out.splitlines()[0]) if out else None
    except (json.JSONDecodeError, IndexError):
        return None
    return doc if isinstance(doc, dict) else None


def serious(doc):
    return [f for f in doc.get("findings", []) if f.get("severity") in ("warning", "error")]


class Gazetteer:
    """Look-alike names for a mention, from the database placecheck built."""

    def __init__(self, path):
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.form_cache = {}

    def keys_for(self, text, place_id):
        """Name keys under which TEXT is stored (for PLACE_ID when known)."""
        want = text.casefold()
        cur = self.con.cursor()
        rows = []
        if place_id:
            rows = cur.execute("SELECT DISTINCT key, form FROM names WHERE place_id=?",
                               (place_id,)).fetchall()
        keys = [k for k, form in rows if form.casefold() == want]
        if not keys:
            for k in (want, want.replace("-", " ")):
                if cur.execute("SELECT 1 FROM names WHERE key=? LIMIT 1", (k,)).fetchone():
                    keys.append(k)
        return keys

    def display(self, key):
        """The most prominent place's name for KEY (not a demonym), or None."""
        if key in self.form_cache:
            return self.form_cache[key]
        row = self.con.execute(
            "SELECT n.form, coalesce(p.population, 0) FROM names n"
            " LEFT JOIN places p ON p.id = n.place_id"
            " WHERE n.key=? AND n.kind IN (0, 1, 2, 5)"
            " ORDER BY (n.kind = 0) DESC, coalesce(p.population, 0) DESC LIMIT 1",
            (key,)).fetchone()
        res = (row[0], row[1]) if row else None
        self.form_cache[key] = res
        return res

    def alikes(self, text, place_id):
        """[(display name, kind name, population)], most plausible first."""
        out, seen = [], set()
        for key in self.keys_for(text, place_id):
            for key_b, kind, dist in self.con.execute(
                    "SELECT key_b, kind, dist FROM lookalikes WHERE key_a=?", (key,)):
                d = self.display(key_b)
                if not d or d[0].casefold() in seen or d[0].casefold() == text.casefold():
                    continue
                seen.add(d[0].casefold())
                out.append((d[0], ALIKE_KIND.get(kind, str(kind)), d[1]))
        pref = [p.casefold() for p in PREFERRED.get(text.casefold(), [])]
        out.sort(key=lambda x: (x[0].casefold() not in pref, -x[2]))
        return out


def same_case(orig, new):
    if orig.isupper():
        return new.upper()
    return new


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--per-article", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()

    gaz = Gazetteer(args.db)
    tmp = tempfile.mkdtemp(prefix="pc-inject-")
    n_base = 0
    base_fa = collections.Counter()        # rule -> findings on untouched clean articles
    n_swaps = 0
    caught = collections.Counter()         # alike kind -> swaps caught
    tried = collections.Counter()          # alike kind -> swaps made
    caught_by_rule = collections.Counter() # rule of the catching finding
    flagged_wrong = 0                      # flagged at the span, other suggestion
    inj_found = collections.Counter()      # rule -> findings on copies
    inj_correct = collections.Counter()
    notes = []
    try:
        for d in args.dirs:
            rows = load_tsv(os.path.join(d, "expected.tsv"), 5)
            files = []
            for r in rows:
                if r[1] == "clean" and r[0] not in files:
                    files.append(r[0])
            if args.limit:
                files = files[:args.limit]
            for fname in files:
                path = os.path.join(d, fname)
                doc = run_check(args.cmd, path)
                if doc is None:
                    notes.append(f"error {path}: placecheck failed")
                    continue
                n_base += 1
                for f in serious(doc):
                    base_fa[f.get("rule", "?")] += 1
                    notes.append(f"false {path}:{f.get('line')}: {f.get('rule')} "
                                 f"{f.get('text')!r} -> {f.get('suggestion')!r}")
                data = open(path, "rb").read()
                done_names = set()
                n_made = 0
                for p in sorted(doc.get("places", []), key=lambda x: x.get("offset", 0)):
                    if n_made >= args.per_article:
                        break
                    try:
                        off, ln = int(p["offset"]), int(p["length"])
                    except (KeyError, TypeError, ValueError):
                        continue
                    text = data[off:off + ln].decode("utf-8", errors="replace")
                    if not text or not all(c.isalpha() or c in " -.'" for c in text):
                        continue
                    if text.casefold() in done_names:
                        continue
                    alikes = gaz.alikes(text, p.get("id"))
                    if not alikes:
                        continue
                    new_name, kind, _ = alikes[0]
                    new = same_case(text, new_name).encode()
                    copy = data[:off] + new + data[off + ln:]
                    ext = os.path.splitext(fname)[1] or ".txt"
                    cpath = os.path.join(tmp, f"{n_swaps:04d}{ext}")
                    with open(cpath, "wb") as fh:
                        fh.write(copy)
                    done_names.add(text.casefold())
                    n_made += 1
                    n_swaps += 1
                    tried[kind] += 1
                    cdoc = run_check(args.cmd, cpath)
                    if cdoc is None:
                        notes.append(f"error {path}: placecheck failed on the copy "
                                     f"{text!r}->{new_name!r}")
                        continue
                    span = (off, off + len(new))
                    hit = None
                    at_span = False
                    for f in serious(cdoc):
                        try:
                            s = int(f["offset"])
                            e = s + int(f["length"])
                        except (KeyError, TypeError, ValueError):
                            continue
                        r = f.get("rule", "?")
                        inj_found[r] += 1
                        if s < span[1] and span[0] < e:
                            at_span = True
                            if hit is None and text.casefold() in str(f.get("suggestion", "")).casefold():
                                hit = f
                                inj_correct[r] += 1
                    if hit is not None:
                        caught[kind] += 1
                        caught_by_rule[hit.get("rule", "?")] += 1
                        notes.append(f"caught {fname}: {text!r} -> {new_name!r} "
                                     f"[{hit.get('rule')}]")
                    else:
                        flagged_wrong += at_span
                        notes.append(f"missed {fname}: {text!r} -> {new_name!r} ({kind})"
                                     + (" flagged with another suggestion" if at_span else ""))
    finally:
        for f in os.listdir(tmp):
            os.unlink(os.path.join(tmp, f))
        os.rmdir(tmp)

    def pct(a, b):
        return "-" if b == 0 else f"{100.0 * a / b:.1f}%"

    total_caught = sum(caught.values())
    print(f"injection: {n_swaps} swaps in {n_base} clean articles; caught {total_caught} "
          f"({pct(total_caught, n_swaps)}); flagged with another suggestion {flagged_wrong}")
    hdr = ["rule", "swaps caught", "findings on copies", "precision", "false alarms /100 untouched"]
    rules = sorted(set(inj_found) | set(base_fa) | set(caught_by_rule))
    table = []
    for r in rules:
        table.append([r, str(caught_by_rule[r]), str(inj_found[r]), pct(inj_correct[r], inj_found[r]),
                      "-" if n_base == 0 else f"{100.0 * base_fa[r] / n_base:.1f}"])
    table.append(["all", str(total_caught), str(sum(inj_found.values())),
                  pct(sum(inj_correct.values()), sum(inj_found.values())),
                  "-" if n_base == 0 else f"{100.0 * sum(base_fa.values()) / n_base:.1f}"])
    hdr2 = ["look-alike kind", "swaps", "caught", "recall"]
    table2 = [[k, str(tried[k]), str(caught[k]), pct(caught[k], tried[k])] for k in sorted(tried)]
    table2.append(["all", str(n_swaps), str(total_caught), pct(total_caught, n_swaps)])
    for h, t in ((hdr, table), (hdr2, table2)):
        if args.markdown:
            print()
        print_table(h, t, args.markdown)
    if args.verbose:
        for n in notes:
            print(n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
