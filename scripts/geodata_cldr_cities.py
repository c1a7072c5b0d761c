#!/usr/bin/env python3
"""city-names-foreign.tsv: what other languages call the big cities.

    python3 scripts/geodata_cldr_cities.py --cldr /usr/share/unicode/cldr/common \
        --cities500 cities500.txt --countryinfo countryInfo.txt \
        --admin1 admin1CodesASCII.txt --lexicon lexicon.tsv \
        --dict-large american-english-large --dict-large british-english-large \
        --version 41 --out city-names-foreign.tsv

Unicode CLDR names the city of every time zone in each language it covers
(<exemplarCity> in common/main/*.xml): German writes Moskau and Wien,
Italian Mosca, Spanish Nueva York.  Unlike the alternate names of
cities500, which carry no language ("Londye", "Lunnin" beside "Londres"),
these are known to be another language's name, so the checker may tell
the writer the English one.  Each zone's city is found in cities500 by
its English exemplar name among the places of that zone (CLDR's zone
aliases included: Asia/Calcutta is Asia/Kolkata), the most populous
first, and keyed by its GeoNames id, which a full GeoNames dump shares.

Standard library only.  Output is sorted, so a rebuild from the same
sources gives the same bytes.
"""
import argparse
import gzip
import os
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from geodata_convert import latin_script, name_key, write_tsv  # noqa: E402

# The brief of issue 14: English copy names big cities by their English
# name; a smaller town's other names are not worth a warning.
MIN_POPULATION = 100000
# Shorter forms are too often something else (Rom, Kiew's "Kyj"): the
# same floor as country-names-foreign.
MIN_LETTERS = 4
# Lexicon flags (db.h DB_LEX_*): 1 an English word, 2 a given name,
# 4 a capitalised dictionary entry.
LEX_WORD, LEX_GIVEN, LEX_PROPER = 1, 2, 4
# CLDR marks data nobody has vetted; such a name is not a language's
# settled form.
UNVETTED = {"unconfirmed", "provisional"}

RULES = [
    ("unvetted", "marked draft unconfirmed or provisional in CLDR"),
    ("script", "not in Latin script"),
    ("english", "the English name (an English-speaking locale's form, the"),
    ("", "English exemplar or the GeoNames name), accents and case ignored,"),
    ("", "or it with words added (Zulu i-Moscow)"),
    ("short", "fewer than %d letters" % MIN_LETTERS),
    ("word", "an English word: lexicon flag 1 or 4, or in lower case in the"),
    ("", "larger SCOWL lists"),
    ("given", "a given name (lexicon flag 2)"),
    ("place", "the name of a country, a first-level region or a city of"),
    ("", "%d people or more" % MIN_POPULATION),
    ("shared", "another language's form of two cities"),
]


class DataError(Exception):
    pass


def zone_aliases(cldr):
    """{zone id: set of its ids} from common/bcp47/timezone.xml."""
    root = ET.parse(os.path.join(cldr, "bcp47", "timezone.xml")).getroot()
    out = {}
    for t in root.iter("type"):
        ids = (t.get("alias") or "").split()
        for z in ids:
            out[z] = set(ids)
    return out


def exemplars(path):
    """[(zone, name, draft)] of one locale file."""
    root = ET.parse(path).getroot()
    out = []
    for z in root.iter("zone"):
        for e in z.findall("exemplarCity"):
            if e.get("alt") or not (e.text or "").strip():
                continue
            out.append((z.get("type"), " ".join(e.text.split()), e.get("draft") or ""))
    return out


def read_cities(path):
    """[(geonameid, name, asciiname, cc, fclass, population, timezone,
    alternate names)]."""
    opener = gzip.open if path.endswith(".gz") else open
    rows = []
    with opener(path, "rt", encoding="utf-8", newline="\n") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) != 19:
                raise DataError("%s: a row of %d columns" % (path, len(c)))
            rows.append((c[0], c[1], c[2], c[8], c[6], int(c[14] or 0), c[17], c[3]))
    return rows


def read_lexicon(path):
    opener = gzip.open if path.endswith(".gz") else open
    flags = {}
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            w, fl = line.rstrip("\n").split("\t")[:2]
            flags[w] = int(fl)
    return flags


def place_keys(countryinfo, admin1, cities):
    """Keys of names a foreign form must not be: countries, admin1
    regions, cities of MIN_POPULATION or more."""
    keys = set()
    with open(countryinfo, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.strip():
                keys.add(name_key(line.split("\t")[4]))
    with open(admin1, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) >= 3:
                keys.update((name_key(c[1]), name_key(c[2])))
    for r in cities:
        if r[4] == "P" and r[5] >= MIN_POPULATION:
            keys.update((name_key(r[1]), name_key(r[2])))
    return keys


def convert(a):
    main = os.path.join(a.cldr, "main")
    aliases = zone_aliases(a.cldr)
    cities = read_cities(a.cities500)
    lex = read_lexicon(a.lexicon)
    big_words = set()
    for path in a.dict_large:
        with open(path, encoding="utf-8") as f:
            big_words.update(name_key(w) for w in f if w.strip() == w.strip().lower())
    places = place_keys(a.countryinfo, a.admin1, cities)

    by_zone = {}
    for r in cities:
        if r[4] == "P":
            by_zone.setdefault(r[6], []).append(r)

    # English: en.xml where it names the city, else root.xml, else the id.
    english = {}
    for z, n, _ in exemplars(os.path.join(main, "root.xml")):
        english[z] = n
    for z, n, _ in exemplars(os.path.join(main, "en.xml")):
        english[z] = n

    locales = sorted(f[:-4] for f in os.listdir(main) if f.endswith(".xml") and f != "root.xml")
    forms = {}        # zone -> {form: set(languages)}
    english_forms = {}  # zone -> keys of English-speaking locales' forms
    unvetted = 0
    for loc in locales:
        lang = loc.split("_")[0]
        for z, n, draft in exemplars(os.path.join(main, loc + ".xml")):
            if z.startswith("Etc/"):
                continue
            if lang == "en":
                english_forms.setdefault(z, set()).add(name_key(n))
            elif draft in UNVETTED:
                unvetted += 1
            else:
                forms.setdefault(z, {}).setdefault(n, set()).add(lang)

    dropped = {r: 0 for r, _ in RULES if r}
    dropped["unvetted"] = unvetted
    small = unmatched = 0
    kept = {}          # (geonameid, key) -> {form: langs}
    city_of = {}       # geonameid -> (English name, cc, population)
    for z in sorted(forms):
        eng = english.get(z) or z.split("/")[-1].replace("_", " ")
        ids = aliases.get(z, {z})
        ek = name_key(eng)
        zone = [r for tz in sorted(ids) for r in by_zone.get(tz, [])]
        match = [r for r in zone if ek in (name_key(r[1]), name_key(r[2]))]
        # "New York" is New York City's alternate name, not its own.
        if not match:
            match = [r for r in zone if ek in {name_key(x) for x in r[7].split(",")}]
        if not match:
            if os.environ.get("CLDR_CITIES_DEBUG"):
                print("unmatched: %s %s" % (z, eng), file=sys.stderr)
            unmatched += 1
            continue
        city = max(match, key=lambda r: (r[5], -int(r[0])))
        if city[5] < MIN_POPULATION:
            small += 1
            continue
        city_of[city[0]] = (city[1], city[3], city[5])
        eng_keys = {ek, name_key(city[1]), name_key(city[2])} | english_forms.get(z, set())
        for form, langs in sorted(forms[z].items()):
            key = name_key(form)
            flags = lex.get(key, 0)
            if not latin_script(form):
                rule = "script"
            elif key in eng_keys or any((" %s " % e) in (" %s " % key) for e in eng_keys if e):
                rule = "english"
            elif sum(ch.isalpha() for ch in form) < MIN_LETTERS:
                rule = "short"
            elif flags & (LEX_WORD | LEX_PROPER) or key in big_words:
                rule = "word"
            elif flags & LEX_GIVEN:
                rule = "given"
            elif key in places:
                rule = "place"
            else:
                kept.setdefault((city[0], key), {}).setdefault(form, set()).update(langs)
                continue
            dropped[rule] += len(langs)

    by_key = {}
    for gid, key in kept:
        by_key.setdefault(key, set()).add(gid)
    rows = []
    dropped["kept"] = 0
    for (gid, key), fs in sorted(kept.items()):
        if len(by_key[key]) > 1:
            dropped["shared"] += sum(len(v) for v in fs.values())
            continue
        # One row per key (the loader keeps one such name per key and
        # place): the spelling most locales use, then the first in order.
        langs = set().union(*fs.values())
        form = sorted(fs, key=lambda f: (-len(fs[f]), f))[0]
        dropped["kept"] += len(langs)
        eng, cc, _ = city_of[gid]
        rows.append((gid, form, ",".join(sorted(langs)), eng, cc))
    rows.sort(key=lambda r: (int(r[0]), name_key(r[1])))
    return rows, dropped, len(forms), unmatched, small, len({r[0] for r in rows})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cldr", required=True, help="CLDR's common/ directory")
    ap.add_argument("--cities500", required=True)
    ap.add_argument("--countryinfo", required=True)
    ap.add_argument("--admin1", required=True, help="admin1CodesASCII.txt")
    ap.add_argument("--lexicon", required=True, help="lexicon.tsv or lexicon.tsv.gz")
    ap.add_argument("--dict-large", action="append", default=[])
    ap.add_argument("--version", required=True, help="CLDR version, for the header")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    rows, dropped, n_zones, unmatched, small, n_cities = convert(a)
    if not 100 <= len(rows) <= 5000:
        raise DataError("%d rows, expected 100..5000" % len(rows))
    for gid, form in [("524901", "Moskau"), ("2761369", "Wien"), ("5128581", "Nueva York")]:
        if not any(r[0] == gid and r[1] == form for r in rows):
            raise DataError("no %s for %s" % (form, gid))
    total = sum(v for k, v in dropped.items())
    write_tsv(a.out, "city-names-foreign", [
        "columns: geonameid, form, languages (CLDR language codes), English name, country",
        "What other languages call the big cities, loaded as names of the city marked",
        "as another language's (names.kind 6): Moskau, Wien,",
        "Nueva York.  From Unicode CLDR %s <exemplarCity> (the city of each time zone"
        % a.version,
        "in each locale), Debian unicode-cldr-core.  Of %d zones named in other"
        % n_zones,
        "languages, %d were not found in cities500 by their English name among the"
        % unmatched,
        "places of the zone and %d are cities of fewer than %d people.  %d cities keep"
        % (small, MIN_POPULATION, n_cities),
        "a form.  One row per city and folded key (case and accents ignored): the",
        "spelling most locales use.  Of %d (locale, form) pairs, %d were kept (%d rows);"
        % (total, dropped["kept"], len(rows)),
        "left out, counted by the first rule that applies:",
    ] + [("  %-9s %5d  %s" % (r, dropped[r], why)) if r else ("%19s%s" % ("", why))
         for r, why in RULES] + [
        "The lexicon is extra/lexicon.tsv.gz; the larger lists are Debian wamerican-large",
        "and wbritish-large; regions are admin1CodesASCII.txt names; cities are",
        "cities500.txt populated places.  English name and country are for people",
        "reading the file; the loader finds the city by its geonameid.",
        "Source: Unicode CLDR %s, Copyright 1991-2022 Unicode, Inc.; licence in" % a.version,
        "geodata/COPYING.cldr.",
    ], rows)
    print("city-names-foreign: %d rows, %d cities" % (len(rows), n_cities), file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (DataError, OSError, ValueError, ET.ParseError) as e:
        print("geodata_cldr_cities: error: %s" % e, file=sys.stderr)
        sys.exit(1)
