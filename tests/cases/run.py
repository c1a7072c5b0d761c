#!/usr/bin/env python3
"""Golden cases: every tests/cases/NAME.{md,html,txt} with NAME.expect.

Expect lines (tab-separated, '#' comments):
  clean                          no finding at warning or error
  quiet                          no finding at all, notes included
  flag   TEXT[@ANCHOR] REGEX [RULE]  a warning/error on TEXT whose suggestion matches REGEX
  note   TEXT[@ANCHOR] REGEX [RULE]  a note (severity suggestion) likewise
  place  TEXT[@ANCHOR] VALUE     TEXT is read as VALUE: a GeoNames id, CC or CC.ADMIN1,
                                 or "region:NAME" (a world region, sea or lake: no country)
  noplace TEXT[@ANCHOR]          TEXT is not read as a place
TEXT is looked up inside the first occurrence of ANCHOR (default: TEXT).
A kind with "known-" before it (known-flag, known-clean, ...) is what the
case should give and the tool does not yet: a known miss or false alarm,
kept in sight with its reason on the line before (a '# known:' comment).
It never fails the run; it is counted, and one that starts to hold is
reported as fixed so that the "known-" can go.
Prints one line per failed expectation and 'N passed, N failed' (with the
known ones counted apart).
usage: run.py PLACECHECK DB
"""
import glob, json, os, re, subprocess, sys

def span(data, text, anchor):
    a = data.find(anchor.encode())
    if a < 0:
        return None
    t = data.find(text.encode(), a)
    if t < 0 or t >= a + len(anchor.encode()):
        return None
    return t, t + len(text.encode())

def overlaps(item, sp):
    s, e = item["offset"], item["offset"] + item["length"]
    return s < sp[1] and sp[0] < e

def reads_as(p, value):
    if value.startswith("region:"):
        return p.get("name") == value[len("region:"):] and not p.get("country")
    if value.isdigit():
        return str(p.get("id")) == value
    if "." in value:
        cc, a1 = value.split(".", 1)
        return p.get("country") == cc and p.get("admin1_code") == a1
    return p.get("country") == value

def main():
    exe, db = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    passed = failed = known = fixed = 0
    for exp in sorted(glob.glob(os.path.join(here, "*.expect"))):
        base = exp[:-len(".expect")]
        art = [p for p in glob.glob(base + ".*") if not p.endswith(".expect")]
        if len(art) != 1:
            print(f"FAIL {exp}: no single article beside it"); failed += 1; continue
        art = art[0]
        proc = subprocess.run([exe, "--db", db, "check", "--format", "json", art], capture_output=True)
        if proc.returncode not in (0, 1):
            print(f"FAIL {art}: exit {proc.returncode}: {proc.stderr.decode()[:300]}"); failed += 1; continue
        doc = json.loads(proc.stdout.decode().splitlines()[0])
        data = open(art, "rb").read()
        finds = [f for f in doc["findings"] if f["severity"] in ("warning", "error")]
        for line in open(exp, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            kind = parts[0]
            is_known = kind.startswith("known-")
            if is_known:
                kind = kind[len("known-"):]
            ok, why = False, ""
            if kind in ("clean", "quiet"):
                got = finds if kind == "clean" else doc["findings"]
                ok = not got
                why = "; ".join(f"{f['text']!r} -> {f.get('suggestion')!r} [{f['rule']}]" for f in got)
            else:
                text, _, anchor = parts[1].partition("@")
                sp = span(data, text, anchor or text)
                if sp is None:
                    why = "expectation does not locate its text"
                elif kind in ("flag", "note"):
                    pool = finds if kind == "flag" else [f for f in doc["findings"] if f["severity"] == "suggestion"]
                    hits = [f for f in pool if overlaps(f, sp)]
                    ok = any(re.search(parts[2], str(f.get("suggestion") or ""), re.I) and
                             (len(parts) < 4 or f["rule"] == parts[3]) for f in hits)
                    why = "no finding there" if not hits else "got " + ", ".join(
                        f"{f.get('suggestion')!r} [{f['rule']}]" for f in hits)
                elif kind == "place":
                    hits = [p for p in doc["places"] if overlaps(p, sp)]
                    ok = any(reads_as(p, parts[2]) for p in hits)
                    why = "not read as a place" if not hits else "read as " + ", ".join(
                        f"{p.get('id')} {p.get('country')}.{p.get('admin1_code')}" for p in hits)
                elif kind == "noplace":
                    hits = [p for p in doc["places"] if overlaps(p, sp)]
                    ok = not hits
                    why = "read as " + ", ".join(f"{p.get('name')} {p.get('country')}" for p in hits)
                else:
                    why = f"unknown expectation {kind!r}"
            if is_known:
                if ok:
                    fixed += 1
                    print(f"FIXED {os.path.basename(art)}: {line!r} holds now: drop its 'known-'")
                else:
                    known += 1
            elif ok:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {os.path.basename(art)}: {line!r}: {why}")
    print(f"{passed} passed, {failed} failed ({known} known misses and false alarms, {fixed} fixed)")
    return 1 if failed else 0

if __name__ == "__main__":
    sys.exit(main())
