#!/usr/bin/env python3
"""US postal places for placecheck, from the npm package zipcodes.

Called by scripts/build-geodata.sh; standard library only.

    geodata_postal.py --zipcodes DIR/lib/codes.js --version 8.0.0 --out FILE

Reads the package's ZIP code table (`exports.codes = {...}`: zip, city,
state, latitude, longitude) and writes one row per town:

    # placecheck-data: postal v1
    US  STATE  NAME  LAT  LON

What is left out, and why (the counts are printed on stderr):

- ZIP codes outside the 50 states and D.C.: the armed forces' "states"
  (AA, AE, AP) and the territories (PR, VI, GU, AS, MP, FM, MH, PW), which
  GeoNames holds as countries of their own.
- ZIP codes that name an organisation, not a place.  The package has no
  type field, so the criterion is where its coordinates came from: its
  build (scripts/process.js) takes a ZIP's point from GeoNames' postal code
  list, which lists delivery areas, and falls back on the federal list's
  two-decimal point for a ZIP GeoNames lacks.  Those are the unique ZIP
  codes of firms and agencies (Philip Morris, Muscular Dystrophy, Contest
  Mail, Internal Revenue, Citibank, the state lotteries) and some PO-box
  ZIPs: a ZIP whose latitude and longitude both have two decimals or
  fewer is left out.  A few organisation ZIPs have a GeoNames point all
  the same; a name with a word of ORG_WORDS ("Inc", "Corp", "Insurance")
  or a firm's two-word name ("First Union Bank", "Us Bank", "Gen Electric")
  is left out too.
- Nothing else: a town whose name GeoNames' cities500 also has nearby is
  kept here and merged at load time (src/load/load_postal.c), so that the
  layer also merges with a full GeoNames dump.

Names are the package's (USPS capitals put in title case by its build),
with the USPS abbreviations written out the way news copy writes them:
"Mc Lean" -> "McLean", "O Brien" -> "O'Brien", "N Little Rock" -> "North
Little Rock", "Colorado Spgs" -> "Colorado Springs", "Mt Baldy" -> "Mount
Baldy", "Luke Afb" -> "Luke AFB", "St Albans" -> "St. Albans".

A town's point is the mean of its ZIP codes' points; ZIP codes of one name
in one state more than CLUSTER_KM apart are different towns (or a name that
covers a county) and give a row each.
"""

import argparse
import json
import math
import re
import sys

STATES = set(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS "
    "MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI "
    "WY".split()
)

# Words that mark an organisation's own ZIP code, not a town.
ORG_WORDS = {
    "inc", "corp", "corporation", "co", "company", "ins", "insurance",
    "service", "services", "svc", "svcs", "lottery", "brm", "mail", "dept",
    "department", "univ", "irs",
}
# Two-word names of firms, where each word alone is also a town's (Green
# Bank, Paint Bank and Electric City are towns).
ORG_PHRASES = re.compile(
    r"\b(first|us|union|national|natl|nat|consumers|merchants|city|trust|savings) bank\b"
    r"|\bgen electric\b")

# USPS abbreviations written out (whole words, any position).
ABBREV = {
    "Spgs": "Springs", "Spg": "Spring", "Hts": "Heights", "Jct": "Junction",
    "Vly": "Valley", "Bch": "Beach", "Sta": "Station", "Pk": "Park",
    "Mtn": "Mountain", "Mt": "Mount", "Ft": "Fort", "Pt": "Point",
    "Cyn": "Canyon", "Hbr": "Harbor", "Isl": "Island", "Crk": "Creek",
    "Vlg": "Village", "Twp": "Township", "St": "St.", "Ste": "Ste.",
    "Afb": "AFB", "Natl": "National",
}
# A single letter at the start: a compass point.
COMPASS = {"N": "North", "S": "South", "E": "East", "W": "West"}

CLUSTER_KM = 30.0


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (math.sin((la2 - la1) / 2) ** 2 +
         math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def decimals(x):
    s = repr(float(x))
    if "e" in s:
        return 9
    return len(s.split(".")[1].rstrip("0")) if "." in s else 0


def is_org(name):
    words = [w.lower() for w in re.split(r"[^A-Za-z]+", name) if w]
    return any(w in ORG_WORDS for w in words) or bool(ORG_PHRASES.search(" ".join(words)))


def clean_name(name):
    """The package's name as news copy writes it."""
    words = name.split()
    # "A F B", "U S A F": a run of single capitals is one abbreviation.
    out = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and len(words[j]) == 1 and words[j].isalpha():
            j += 1
        if j - i >= 2:
            out.append("".join(words[i:j]).upper())
            i = j
        else:
            out.append(words[i])
            i += 1
    words = out
    if len(words) > 1 and words[0] in COMPASS:
        words[0] = COMPASS[words[0]]
    words = [ABBREV.get(w, w) for w in words]
    if words and words[-1] == "AFB" and len(words) > 1 and words[-2] == "AF":
        words = words[:-2] + ["AFB"]
    # "Mc Lean" -> "McLean"; "O Brien" -> "O'Brien"; "D Lo" -> "D'Lo".
    out = []
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w == "Mc" and nxt and nxt[0].isalpha():
            out.append("Mc" + nxt[0].upper() + nxt[1:])
            i += 2
            continue
        if w in ("O", "D") and nxt and len(nxt) > 1 and nxt[0].isalpha():
            out.append(w + "'" + nxt[0].upper() + nxt[1:])
            i += 2
            continue
        out.append(w)
        i += 1
    name = " ".join(out)
    # "Mcchord" -> "McChord"; "O'fallon" -> "O'Fallon"
    name = re.sub(r"\bMc([a-z])", lambda m: "Mc" + m.group(1).upper(), name)
    name = re.sub(r"\b([OD])'([a-z])", lambda m: m.group(1) + "'" + m.group(2).upper(), name)
    return name


def load_codes(path):
    text = open(path, encoding="utf-8").read()
    m = re.match(r"\s*exports\.codes\s*=\s*", text)
    if not m:
        raise SystemExit("geodata_postal: %s: no 'exports.codes =' at the start" % path)
    obj, _ = json.JSONDecoder().raw_decode(text, m.end())
    return obj


def clusters(points):
    """Single-link groups: points joined by steps of at most CLUSTER_KM."""
    parent = list(range(len(points)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(points)):
        for j in range(i):
            if km(points[i], points[j]) <= CLUSTER_KM:
                parent[root(i)] = root(j)
    groups = {}
    for i, p in enumerate(points):
        groups.setdefault(root(i), []).append(p)
    return sorted(groups.values())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--zipcodes", required=True, help="zipcodes/lib/codes.js")
    ap.add_argument("--version", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--expect-zips", type=int, default=0)
    a = ap.parse_args()

    codes = load_codes(a.zipcodes)
    if a.expect_zips and len(codes) != a.expect_zips:
        raise SystemExit("geodata_postal: expected %d ZIP codes, found %d"
                         % (a.expect_zips, len(codes)))
    n = {"zips": len(codes), "not a state": 0, "no GeoNames point": 0,
         "organisation": 0}
    towns = {}
    for z in sorted(codes):
        r = codes[z]
        st, city = r.get("state", ""), r.get("city", "")
        lat, lon = r.get("latitude"), r.get("longitude")
        if st not in STATES:
            n["not a state"] += 1
            continue
        if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)) \
                or not -90 <= lat <= 90 or not -180 <= lon <= 180 or (lat == 0 and lon == 0):
            raise SystemExit("geodata_postal: ZIP %s: bad coordinates %r, %r" % (z, lat, lon))
        if decimals(lat) <= 2 and decimals(lon) <= 2:
            n["no GeoNames point"] += 1
            continue
        if not city.strip() or is_org(city):
            n["organisation"] += 1
            continue
        name = clean_name(" ".join(city.split()))
        towns.setdefault((st, name), []).append((lat, lon))
    rows = []
    for (st, name), pts in towns.items():
        for g in clusters(pts):
            lat = sum(p[0] for p in g) / len(g)
            lon = sum(p[1] for p in g) / len(g)
            rows.append(("US", st, name, "%.4f" % lat, "%.4f" % lon))
    rows.sort()
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# placecheck-data: postal v1\n")
        f.write("# US postal places: the towns of the npm package zipcodes %s\n" % a.version)
        f.write("# (BSD licence, Dav Glass; its data from federalgovernmentzipcodes.us and\n")
        f.write("# GeoNames' US postal codes, CC BY 4.0), one row per town and state;\n")
        f.write("# built by scripts/geodata_postal.py, which says what is left out and why.\n")
        f.write("# COUNTRY\tADMIN1\tNAME\tLAT\tLON (the mean of the town's ZIP code points)\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    n["towns"] = len(rows)
    print("geodata_postal: " + ", ".join("%s %d" % kv for kv in n.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
