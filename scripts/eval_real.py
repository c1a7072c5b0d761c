#!/usr/bin/env python3
"""Measure placecheck on real published text: ../shared/corpus (BBC News,
unlabelled; GeoVirus, every place labelled), injected look-alike swaps on
both (scripts/inject_real.py), and collected real incidents (tests/incidents)
when present.  Every figure is given for the development part and the
held-aside part (tests/eval/splits) separately.

usage: eval_real.py [--cmd CMD] [--db DB] [--corpus DIR] [--limit N]
                    [--quick | --markdown | --json] [--list]
                    [--write-splits]

  BBC         warnings and errors per 100 articles that are not in
              tests/eval/bbc-true.tsv (the reviewed list of findings that are
              right: the set has real typos), by rule; suggestions (notes)
              per 100, separately.
  GeoVirus    tagging precision, recall, F1 (a reported place overlapping a
              labelled mention), acc@161 (matched mentions placed within
              161 km) and end-to-end@161, exactly as ../shared/corpus/measure.
  Injection   a swap is caught when a warning or error overlaps the swapped
              span (a qualifier swap: "Fargo, Minn." whole) and its
              suggestion names the original (as written, or its place's
              name; for a qualifier, the region's name or abbreviation);
              "noted" when only a suggestion-level finding does; "other"
              when a warning or error is there with another suggestion.
              Collateral: warnings or errors elsewhere in the copy that the
              untouched article does not have.  Plausible swaps (a country,
              a first-level region of an English-speaking country, a city
              of 100,000+) are reported apart.
  Incidents   ../shared/examples/score over tests/incidents (flag rows
              caught, clean controls clean), tests/incidents/heldout.txt apart.

--quick prints the headline figures only; --markdown the tables for
tests/eval/RESULTS.md; --json every figure for scripts; --list adds every
BBC false alarm and every missed plausible swap with 80 characters of
context either side, for review (never written to the repository: the
corpus text stays out of it).  --write-splits (re)writes the split files.
One placecheck process per corpus and per set of swaps.  Standard library
only.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import inject_real as ir  # noqa: E402

TOP = os.path.dirname(HERE)
CLEAN_COPY = os.path.join(TOP, "tests", "clean-copy")  # correct copy in wire styles
PARTS = ("dev", "heldout")
PART_NAME = {"dev": "dev", "heldout": "held-aside"}
CORPORA = {"bbc": "bbc-news.ndjson", "geovirus": "geovirus.ndjson"}
CONTEXT = 80          # characters either side in --list
NEAR_KM = 161         # the geoparsing literature's "placed right" radius
SEVERE = ("warning", "error")


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def per100(n, arts):
    return 100.0 * n / arts if arts else 0.0


# ------------------------------------------------------------------ inputs

def load_true(path):
    """bbc-true.tsv: id, text, rule, suggestion, why.  A finding is true
    when its article and span text match and its suggestion contains the
    listed one (the rule id may change: it is for the reader)."""
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 5:
                raise SystemExit(f"{path}:{n}: expected 5 tab-separated fields (id, text, rule, suggestion, why)")
            rows.append(parts)
    return rows


def is_true(tru, aid, f):
    for tid, text, _rule, sugg, _why in tru:
        if tid == aid and f.get("text") == text and \
                (sugg in ("", "-") or sugg.lower() in str(f.get("suggestion") or "").lower()):
            return True
    return False


def split_ids(path, rows):
    """The held-aside ids: from the split file, else by the hash rule."""
    if os.path.exists(path):
        return ir.read_ids(path)
    return {r["id"] for r in rows if ir.heldout(r["id"])}


def write_splits(corpus_dir, split_dir):
    os.makedirs(split_dir, exist_ok=True)
    for name, fn in CORPORA.items():
        rows = ir.load_corpus(os.path.join(corpus_dir, fn))
        ids = [r["id"] for r in rows if ir.heldout(r["id"])]
        out = os.path.join(split_dir, f"{name}-heldout.txt")
        with open(out + ".tmp", "w", encoding="utf-8") as f:
            f.write(f"# held aside: the {len(ids)} of {len(rows)} ids of {fn} with "
                    "int(sha1(id).hexdigest(), 16) % 5 == 0 (scripts/inject_real.py heldout())\n")
            f.writelines(i + "\n" for i in ids)
        os.replace(out + ".tmp", out)
        print(f"{out}: {len(ids)} of {len(rows)} ids")


# ----------------------------------------------------------------- measure

def span_c(conv, f):
    s = conv.get(f["offset"])
    e = conv.get(f["offset"] + f["length"])
    return s, e


def ctx(text, s, e):
    a = text[max(0, s - CONTEXT):s].replace("\n", " ")
    b = text[e:e + CONTEXT].replace("\n", " ")
    return f"...{a}[{text[s:e]}]{b}..."


def fa_figures(rows, out, held, tru, listing):
    res = {}
    lst = []
    for part in PARTS:
        arts = [r for r in rows if (r["id"] in held) == (part == "heldout")]
        fa, notes, true_n = collections.Counter(), collections.Counter(), 0
        for r in arts:
            d = out.get(r["id"], {})
            for f in d.get("findings", []):
                sev = f.get("severity")
                if sev in SEVERE:
                    if is_true(tru, r["id"], f):
                        true_n += 1
                        continue
                    fa[f.get("rule")] += 1
                    if listing:
                        conv = ir.b2c(r["text"])
                        s, e = span_c(conv, f)
                        lst.append(f"{r['id']}\t{f.get('rule')}\t{f.get('text')!r} -> {f.get('suggestion')!r}\n"
                                   f"\t{ctx(r['text'], s or 0, e or 0)}")
                elif sev == "suggestion":
                    notes[f.get("rule")] += 1
        n = len(arts)
        res[part] = {"articles": n, "false_alarms": sum(fa.values()),
                     "false_alarms_per100": round(per100(sum(fa.values()), n), 3),
                     "by_rule": dict(sorted(fa.items())),
                     "true_findings": true_n,
                     "notes": sum(notes.values()), "notes_per100": round(per100(sum(notes.values()), n), 3),
                     "notes_by_rule": dict(sorted(notes.items()))}
    return res, lst


def geovirus_figures(rows, out, held):
    res = {}
    for part in PARTS:
        arts = [r for r in rows if (r["id"] in held) == (part == "heldout")]
        found = tp = gold = matched = near = e2e = 0
        warn = 0
        for r in arts:
            d = out.get(r["id"], {})
            warn += sum(1 for f in d.get("findings", []) if f.get("severity") in SEVERE)
            conv = ir.b2c(r["text"])
            preds = []
            for p in d.get("places", []):
                s, e = conv.get(p["offset"]), conv.get(p["offset"] + p["length"])
                if s is not None and e is not None:
                    preds.append((s, e, p.get("lat"), p.get("lon")))
            found += len(preds)
            tp += sum(1 for s, e, _, _ in preds if any(s < g["end"] and g["start"] < e for g in r["places"]))
            for g in r["places"]:
                gold += 1
                hit = [p for p in preds if p[0] < g["end"] and g["start"] < p[1]]
                if hit:
                    matched += 1
                    if hit[0][2] is not None and g["lat"] is not None and \
                            ir.km(hit[0][2], hit[0][3], g["lat"], g["lon"]) <= NEAR_KM:
                        near += 1
                        e2e += 1
        P, R = tp / max(1, found), matched / max(1, gold)
        res[part] = {"articles": len(arts), "mentions": gold, "reported": found,
                     "precision": round(P, 4), "recall": round(R, 4),
                     "f1": round(2 * P * R / max(1e-9, P + R), 4),
                     "acc161": round(near / max(1, matched), 4), "e2e161": round(e2e / max(1, gold), 4),
                     "warnings_per100_unreviewed": round(per100(warn, len(arts)), 3)}
    return res


def tokens_in(needle, hay):
    """Is the folded name NEEDLE a run of whole words of HAY?"""
    return bool(needle) and re.search(r"(?:^| )" + re.escape(needle) + r"(?: |$)", hay) is not None


def names_original(sw, sugg):
    ks = ir.key(str(sugg or ""))
    rk = ir.key(sw["replacement"])
    for a in sw["accept"]:
        ka = ir.key(a)
        if tokens_in(ka, ks):
            # "South Sudan" for "Sudan": a suggestion naming the replacement
            # itself does not name the original
            if tokens_in(ka, rk) and tokens_in(rk, ks):
                continue
            return True
    return False


def swap_outcome(sw, d, orig):
    """caught | noted | other | missed, the findings there, and collateral."""
    cs, ce = sw["check_byte_start"], sw["check_byte_end"]
    here = [f for f in d.get("findings", []) if f["offset"] < ce and cs < f["offset"] + f["length"]]
    sev = [f for f in here if f.get("severity") in SEVERE]
    if any(names_original(sw, f.get("suggestion")) for f in sev):
        res = "caught"
    elif any(names_original(sw, f.get("suggestion")) for f in here):
        res = "noted"
    elif sev:
        res = "other"
    else:
        res = "missed"
    before = collections.Counter((f.get("rule"), f.get("text")) for f in (orig or {}).get("findings", [])
                                 if f.get("severity") in SEVERE)
    coll = 0
    for f in d.get("findings", []):
        if f.get("severity") not in SEVERE or f in here:
            continue
        k = (f.get("rule"), f.get("text"))
        if before[k] > 0:
            before[k] -= 1
        else:
            coll += 1
    return res, here, coll


def new_tally():
    return {"swaps": 0, "caught": 0, "noted": 0, "other": 0, "missed": 0, "collateral": 0,
            "_pairs": set(), "_caught_pairs": set()}


def finish(t):
    # distinct (original, replacement) pairs, folded: Iraq -> Iran is one
    # pair however many articles it was made in
    t["pairs"] = len(t.pop("_pairs"))
    t["pairs_caught"] = len(t.pop("_caught_pairs"))
    t["recall"] = round(pct(t["caught"], t["swaps"]), 2)
    t["noted_pct"] = round(pct(t["noted"], t["swaps"]), 2)
    t["collateral_per100"] = round(per100(t["collateral"], t["swaps"]), 2)
    return t


def pair_of(sw):
    return (ir.key(sw["original"]), ir.key(sw["replacement"]))


def injection_figures(name, swaps, out, orig_out, held, listing, outcomes=None):
    res = {}
    lst = []
    # held-aside swaps whose pair was never made on the dev part: what
    # carries over beyond the pairs the dev part teaches
    dev_pairs = {pair_of(s["swap"]) for s in swaps if s["id"].split("#")[0] not in held}
    for part in PARTS:
        allt, plaus, unseen = new_tally(), new_tally(), new_tally()
        by_kind = collections.defaultdict(new_tally)
        by_kind_pl = collections.defaultdict(new_tally)
        by_rule = collections.Counter()
        for s in swaps:
            if (s["id"] in held or s["id"].split("#")[0] in held) != (part == "heldout"):
                continue
            sw = s["swap"]
            base = s["id"].split("#")[0]
            outcome, here, coll = swap_outcome(sw, out.get(s["id"], {}), orig_out.get(base))
            if outcomes is not None:
                outcomes.write(f"{name}\t{part}\t{s['id']}\t{sw['kind']}\t{sw['original']}\t"
                               f"{sw['replacement']}\t{outcome}\t"
                               f"{'; '.join(str(f.get('suggestion')) for f in here)}\n")
            tallies = [allt, by_kind[sw["kind"]]]
            pair = pair_of(sw)
            if sw["plausible"]:
                tallies += [plaus, by_kind_pl[sw["kind"]]]
                if part == "heldout" and pair not in dev_pairs:
                    tallies.append(unseen)
            for t in tallies:
                t["swaps"] += 1
                t[outcome] += 1
                t["collateral"] += coll
                t["_pairs"].add(pair)
                if outcome == "caught":
                    t["_caught_pairs"].add(pair)
            if outcome == "caught":
                for f in here:
                    if f.get("severity") in SEVERE and names_original(sw, f.get("suggestion")):
                        by_rule[f.get("rule")] += 1
                        break
            if listing and sw["plausible"] and outcome != "caught":
                got = "; ".join(f"{f.get('severity')} {f.get('rule')} -> {f.get('suggestion')!r}" for f in here) \
                    or "nothing there"
                lst.append(f"{s['id']}\t{sw['kind']}\t{sw['original']!r} -> {sw['replacement']!r}\t{outcome}: {got}\n"
                           f"\t{ctx(s['text'], sw['check_start'], sw['check_end'])}")
        res[part] = {"all": finish(allt), "plausible": finish(plaus),
                     "plausible_unseen_pair": finish(unseen),
                     "by_kind": {k: finish(v) for k, v in sorted(by_kind.items())},
                     "plausible_by_kind": {k: finish(v) for k, v in sorted(by_kind_pl.items())},
                     "caught_by_rule": dict(sorted(by_rule.items()))}
    return res, lst


def incidents_figures(cmd, inc_dir, score):
    exp = os.path.join(inc_dir, "expected.tsv")
    if not os.path.exists(exp):
        return None
    if not os.path.exists(score):
        return {"error": f"{score} is missing"}
    held = set()
    fresh = set()  # held-aside files collected after the rules were written ("fresh" sections)
    hp = os.path.join(inc_dir, "heldout.txt")
    if os.path.exists(hp):
        held = {os.path.basename(x) for x in ir.read_ids(hp)} | ir.read_ids(hp)
        in_fresh = False
        for line in open(hp, encoding="utf-8"):
            if line.startswith("#"):
                in_fresh = "fresh" in line
            elif line.strip() and in_fresh:
                fresh.add(line.strip())
    p = subprocess.run([sys.executable, score, "--dir", inc_dir, "--cmd", cmd, "--verbose"],
                       capture_output=True, text=True)
    parts = {"dev": collections.Counter(), "heldout": collections.Counter()}
    fc = collections.Counter()
    for line in p.stdout.splitlines():
        m = re.match(r"^(ok  |FAIL) (.+?): (flag|clean|place|noplace|\S+) ", line)
        if not m:
            continue
        ok, fname, expect = m.group(1) == "ok  ", m.group(2), m.group(3)
        part = "heldout" if (fname in held or os.path.basename(fname) in held) else "dev"
        if os.path.basename(fname) in fresh and expect in ("flag", "clean"):
            fc[expect] += 1
            fc[expect + "_ok"] += ok
        c = parts[part]
        c["rows"] += 1
        c["passed" if ok else "failed"] += 1
        c[expect] += 1
        if ok:
            c[expect + "_ok"] += 1
    res = {"has_heldout": bool(held),
           "fresh": {"flag": fc["flag"], "flag_caught": fc["flag_ok"], "clean": fc["clean"],
                     "clean_clean": fc["clean_ok"]} if fresh else None}
    for part, c in parts.items():
        res[part] = {"rows": c["rows"], "passed": c["passed"], "failed": c["failed"],
                     "flag": c["flag"], "flag_caught": c["flag_ok"],
                     "clean": c["clean"], "clean_clean": c["clean_ok"],
                     "place": c["place"], "place_ok": c["place_ok"],
                     "noplace": c["noplace"], "noplace_ok": c["noplace_ok"]}
    last = [l for l in p.stdout.splitlines() if re.match(r"^\d+ passed, \d+ failed", l)]
    res["summary"] = last[-1] if last else (p.stderr.strip()[:200] or "no summary")
    return res


# ------------------------------------------------------------------ report

def table(hdr, rows, md):
    ir_rows = [[str(c) for c in r] for r in rows]
    if md:
        print("| " + " | ".join(hdr) + " |")
        print("|" + "---|" * len(hdr))
        for r in ir_rows:
            print("| " + " | ".join(r) + " |")
    else:
        w = [max(len(h), *(len(r[i]) for r in ir_rows)) if ir_rows else len(h) for i, h in enumerate(hdr)]
        print("  ".join(h.ljust(w[i]) for i, h in enumerate(hdr)))
        for r in ir_rows:
            print("  ".join(c.ljust(w[i]) for i, c in enumerate(r)))


def frac(t):
    return f"{t['caught']}/{t['swaps']} ({t['recall']:.1f}%)"


def report(R, md):
    h = "### " if md else "== "
    inc_dir = R.get("incidents_dir", "tests/incidents")
    b, g = R["bbc"], R["geovirus"]
    print(f"{h}BBC News (unlabelled): findings that are not real errors")
    print()
    print(f"A warning or error not in tests/eval/bbc-true.tsv (reviewed true findings: {R['bbc_true_rows']}) "
          "is a false alarm.  Notes are suggestion-level findings.")
    print()
    rules = sorted(set(b["dev"]["by_rule"]) | set(b["heldout"]["by_rule"]))
    rows = [[PART_NAME[p], b[p]["articles"], b[p]["false_alarms"], f"{b[p]['false_alarms_per100']:.2f}",
             b[p]["true_findings"], f"{b[p]['notes_per100']:.2f}"] for p in PARTS]
    table(["part", "articles", "false alarms", "per 100", "true findings", "notes per 100"], rows, md)
    print()
    if rules:
        table(["rule"] + [f"{PART_NAME[p]} per 100" for p in PARTS],
              [[r] + [f"{per100(b[p]['by_rule'].get(r, 0), b[p]['articles']):.2f} ({b[p]['by_rule'].get(r, 0)})"
                      for p in PARTS] for r in rules], md)
        print()
    nrules = sorted(set(b["dev"]["notes_by_rule"]) | set(b["heldout"]["notes_by_rule"]))
    if nrules:
        table(["note rule"] + [f"{PART_NAME[p]} per 100" for p in PARTS],
              [[r] + [f"{per100(b[p]['notes_by_rule'].get(r, 0), b[p]['articles']):.2f} "
                      f"({b[p]['notes_by_rule'].get(r, 0)})" for p in PARTS] for r in nrules], md)
        print()
    gf = R["geovirus_fa"]
    print(f"{h}GeoVirus (Wikinews, unreviewed for errors): findings that are not real errors")
    print()
    print(f"The same count on the other corpus: a warning or error not in tests/eval/geovirus-true.tsv "
          f"(reviewed true findings: {R['geovirus_true_rows']}) is a false alarm.")
    print()
    table(["part", "articles", "false alarms", "per 100", "true findings", "notes per 100"],
          [[PART_NAME[p], gf[p]["articles"], gf[p]["false_alarms"], f"{gf[p]['false_alarms_per100']:.2f}",
            gf[p]["true_findings"], f"{gf[p]['notes_per100']:.2f}"] for p in PARTS], md)
    print()
    print(f"{h}GeoVirus (every place labelled): tagging and placing")
    print()
    table(["part", "articles", "mentions", "precision", "recall", "F1", "acc@161", "end-to-end@161",
           "warnings /100 (unreviewed)"],
          [[PART_NAME[p], g[p]["articles"], g[p]["mentions"], f"{g[p]['precision']:.3f}", f"{g[p]['recall']:.3f}",
            f"{g[p]['f1']:.3f}", f"{g[p]['acc161']:.3f}", f"{g[p]['e2e161']:.3f}",
            f"{g[p]['warnings_per100_unreviewed']:.2f}"] for p in PARTS], md)
    print()
    print(f"{h}Injected look-alike swaps (scripts/inject_real.py)")
    print()
    print("Caught: a warning or error on the swapped span whose suggestion names the original.  "
          "Noted: only a suggestion-level finding does.  Other: a warning or error there with "
          "another suggestion.  Collateral: new warnings or errors elsewhere in the copy, per 100 swaps.  "
          "Distinct pairs: (original, replacement) pairs caught at least once, of those made "
          "(the BBC repeats a few: Iraq -> Iran, Australia -> Austria).")
    print()
    rows = []
    for c in ("bbc", "geovirus"):
        for p in PARTS:
            inj = R["injection"][c][p]
            for which in ("plausible", "plausible_unseen_pair", "all"):
                if which == "plausible_unseen_pair" and p == "dev":
                    continue
                t = inj[which]
                rows.append([c, PART_NAME[p], which.replace("_", ", ").replace("unseen, pair", "pair unseen in dev"),
                             t["swaps"], f"{t['caught']} ({t['recall']:.1f}%)",
                             f"{t['noted']} ({t['noted_pct']:.1f}%)", t["other"], f"{t['collateral_per100']:.1f}",
                             f"{t['pairs_caught']}/{t['pairs']}"])
    table(["corpus", "part", "which", "swaps", "caught", "noted", "other", "collateral /100",
           "distinct pairs caught"], rows, md)
    print()
    kinds = sorted({k for c in R["injection"].values() for p in PARTS for k in c[p]["by_kind"]})
    rows = []
    for k in kinds:
        row = [k]
        for c in ("bbc", "geovirus"):
            for p in PARTS:
                t = R["injection"][c][p]["plausible_by_kind"].get(k)
                a = R["injection"][c][p]["by_kind"].get(k)
                row.append(f"{frac(t) if t else '-'} / {frac(a) if a else '-'}")
        rows.append(row)
    table(["kind (plausible / all)", "BBC dev", "BBC held-aside", "GeoVirus dev", "GeoVirus held-aside"], rows, md)
    print()
    rr = collections.Counter()
    for c in R["injection"].values():
        for p in PARTS:
            rr.update(c[p]["caught_by_rule"])
    if rr:
        print("Caught by rule (all corpora and parts): " + ", ".join(f"{k} {v}" for k, v in rr.most_common()))
        print()
    inc = R.get("incidents")
    cc = R.get("clean_copy")
    if cc and "error" not in cc:
        print(f"{h}Correct copy in wire styles (tests/clean-copy)")
        print()
        print("A file with any warning or error is a false alarm (notes allowed).")
        print()
        table(["part", "files", "clean", "false alarms per 100 files"],
              [[PART_NAME[p], cc[p]["clean"], cc[p]["clean_clean"],
                f"{100.0 * (cc[p]['clean'] - cc[p]['clean_clean']) / max(cc[p]['clean'], 1):.1f}"] for p in PARTS], md)
        print()
    print(f"{h}Real incidents ({inc_dir})")
    print()
    if inc is None:
        print(f"{inc_dir}/expected.tsv is not there yet.")
    elif "error" in inc:
        print(inc["error"])
    else:
        print(f"score: {inc['summary']}")
        print()
        parts = PARTS if inc["has_heldout"] else ("dev",)
        table(["part", "rows passed", "flag rows caught", "clean controls clean", "place rows", "noplace rows"],
              [[PART_NAME[p] if inc["has_heldout"] else "all",
                f"{inc[p]['passed']}/{inc[p]['rows']}", f"{inc[p]['flag_caught']}/{inc[p]['flag']}",
                f"{inc[p]['clean_clean']}/{inc[p]['clean']}", f"{inc[p]['place_ok']}/{inc[p]['place']}",
                f"{inc[p]['noplace_ok']}/{inc[p]['noplace']}"] for p in parts], md)
        if inc.get("fresh"):
            fr = inc["fresh"]
            print()
            print(f"Of the held-aside part, the batches collected after the rules were written "
                  f"(heldout.txt's 'fresh' sections, never fitted): {fr['flag_caught']}/{fr['flag']} "
                  f"slips caught, {fr['clean_clean']}/{fr['clean']} controls clean.")
    print()


def headline(R):
    b, g, inj = R["bbc"], R["geovirus"], R["injection"]
    print("BBC false alarms /100: " + ", ".join(
        f"{PART_NAME[p]} {b[p]['false_alarms_per100']:.2f} ({b[p]['false_alarms']}/{b[p]['articles']})" for p in PARTS)
        + f"; notes /100 dev {b['dev']['notes_per100']:.2f}")
    for c, label in (("bbc", "BBC"), ("geovirus", "GeoVirus")):
        print(f"{label} plausible swaps caught: " + ", ".join(
            f"{PART_NAME[p]} {frac(inj[c][p]['plausible'])}" for p in PARTS) +
            f"; all swaps dev {inj[c]['dev']['all']['recall']:.1f}%")
    gf = R["geovirus_fa"]
    print("GeoVirus false alarms /100: " + ", ".join(
        f"{PART_NAME[p]} {gf[p]['false_alarms_per100']:.2f} ({gf[p]['false_alarms']}/{gf[p]['articles']})" for p in PARTS)
        + f"; notes /100 dev {gf['dev']['notes_per100']:.2f}")
    print("GeoVirus tagging: " + ", ".join(
        f"{PART_NAME[p]} P {g[p]['precision']:.3f} R {g[p]['recall']:.3f} acc@161 {g[p]['acc161']:.3f}"
        for p in PARTS))
    inc = R.get("incidents")
    if inc is None:
        print("incidents: none yet (tests/incidents/expected.tsv)")
    elif "error" in inc:
        print(f"incidents: {inc['error']}")
    else:
        s = f"incidents: {inc['summary']}; flag rows caught {inc['dev']['flag_caught']}/{inc['dev']['flag']}, " \
            f"clean controls clean {inc['dev']['clean_clean']}/{inc['dev']['clean']}"
        if inc["has_heldout"]:
            s += f"; held-aside flag {inc['heldout']['flag_caught']}/{inc['heldout']['flag']}, " \
                 f"clean {inc['heldout']['clean_clean']}/{inc['heldout']['clean']}"
        if inc.get("fresh"):
            s += f" (fresh batches {inc['fresh']['flag_caught']}/{inc['fresh']['flag']})"
        print(s)
    cc = R.get("clean_copy")
    if cc and "error" not in cc:
        print("clean copy (wire styles): " + ", ".join(
            f"{PART_NAME[p]} {cc[p]['clean_clean']}/{cc[p]['clean']} files clean" for p in PARTS))


# -------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cmd", help="placecheck command (default: ./placecheck --db DB)")
    ap.add_argument("--db", default=os.environ.get("PLACECHECK_DB", "geodata/places.db"))
    ap.add_argument("--corpus", default=os.path.join(TOP, "..", "shared", "corpus"),
                    help="folder with bbc-news.ndjson and geovirus.ndjson")
    ap.add_argument("--splits", default=os.path.join(TOP, "tests", "eval", "splits"))
    ap.add_argument("--true", default=os.path.join(TOP, "tests", "eval", "bbc-true.tsv"))
    ap.add_argument("--geovirus-true", default=os.path.join(TOP, "tests", "eval", "geovirus-true.tsv"),
                    help="reviewed real errors of the GeoVirus text, as --true for the BBC")
    ap.add_argument("--incidents", default=os.path.join(TOP, "tests", "incidents"))
    ap.add_argument("--score", default=os.path.join(TOP, "..", "shared", "examples", "score"))
    ap.add_argument("--limit", type=int, help="only the first N articles of each corpus (a smoke run)")
    fmt = ap.add_mutually_exclusive_group()
    fmt.add_argument("--quick", action="store_true", help="headline figures only")
    fmt.add_argument("--markdown", action="store_true", help="tables for RESULTS.md")
    fmt.add_argument("--json", action="store_true", help="every figure as one JSON object")
    ap.add_argument("--list", action="store_true", help="also list BBC false alarms and missed plausible swaps")
    ap.add_argument("--no-incidents", action="store_true")
    ap.add_argument("--outcomes", metavar="FILE",
                    help="write each injected swap's outcome as a TSV row (corpus, part, id, kind, "
                         "original, replacement, outcome, suggestions): diff two runs to see what moved")
    ap.add_argument("--write-splits", action="store_true", help="write tests/eval/splits from the corpus and stop")
    a = ap.parse_args()

    if a.write_splits:
        write_splits(a.corpus, a.splits)
        return 0
    for fn in CORPORA.values():
        if not os.path.exists(os.path.join(a.corpus, fn)):
            sys.exit(f"eval_real: {os.path.join(a.corpus, fn)} is missing")
    cmd = a.cmd or f"./placecheck --db {a.db}"
    outcomes = open(a.outcomes, "w", encoding="utf-8") if a.outcomes else None
    gaz = ir.Gazetteer(a.db)
    R = {"bbc_true_rows": 0}
    lists = []
    data = {}
    for name, fn in CORPORA.items():
        rows = ir.load_corpus(os.path.join(a.corpus, fn), a.limit)
        held = split_ids(os.path.join(a.splits, f"{name}-heldout.txt"), rows)
        out = ir.run_placecheck(cmd, rows)
        swaps = ir.generate(rows, out, gaz)
        sout = ir.run_placecheck(cmd, swaps) if swaps else {}
        data[name] = (rows, held, out, swaps, sout)
    tru = load_true(a.true)
    R["bbc_true_rows"] = len(tru)
    rows, held, out, swaps, sout = data["bbc"]
    R["bbc"], l1 = fa_figures(rows, out, held, tru, a.list)
    rows, held, out, _, _ = data["geovirus"]
    R["geovirus"] = geovirus_figures(rows, out, held)
    gtru = load_true(a.geovirus_true)
    R["geovirus_true_rows"] = len(gtru)
    R["geovirus_fa"], l0 = fa_figures(rows, out, held, gtru, a.list)
    l1 = l0 + l1
    R["injection"] = {}
    gen = {}
    l2 = []
    for name in CORPORA:
        rows, held, out, swaps, sout = data[name]
        R["injection"][name], l = injection_figures(name, swaps, sout, out, held, a.list, outcomes)
        l2 += l
        gen[name] = {}
        for p in PARTS:
            c = collections.Counter()
            for s in swaps:
                if (s["id"].split("#")[0] in held) == (p == "heldout"):
                    c[s["swap"]["kind"] + (" plausible" if s["swap"]["plausible"] else "")] += 1
            gen[name][p] = dict(sorted(c.items()))
    R["generated"] = gen
    if outcomes is not None:
        outcomes.close()
    R["incidents"] = None if a.no_incidents else incidents_figures(cmd, a.incidents, a.score)
    R["incidents_dir"] = os.path.relpath(a.incidents, TOP) if a.incidents.startswith(TOP) else a.incidents
    R["clean_copy"] = None if a.no_incidents else incidents_figures(cmd, CLEAN_COPY, a.score)

    if a.json:
        print(json.dumps(R, indent=1, sort_keys=True))
    elif a.quick:
        headline(R)
    else:
        report(R, a.markdown)
    if a.list:
        lists = l1 + l2
        print(f"\n-- {len(l1)} BBC and GeoVirus false alarms, {len(l2)} missed plausible swaps --")
        for x in lists:
            print(x)
    return 0


if __name__ == "__main__":
    sys.exit(main())
