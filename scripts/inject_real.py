#!/usr/bin/env python3
"""Injected look-alike swaps on real text: copies of real articles in which
ONE place mention is replaced by a look-alike name, the way writers slip.

usage: inject_real.py --corpus FILE.ndjson [--db geodata/places.db]
                      [--cmd './placecheck --db geodata/places.db']
                      [--limit N] [--ids FILE] [--out FILE]

Reads a corpus ({"id", "text"[, "places"]} a line: BBC or GeoVirus), runs
placecheck once over it (`check --ndjson --format json`) for each article's
resolved places, and writes ndjson swaps:

  {"id": "<orig id>#swapN", "text": ..., "swap": {
      "start", "end"            code points of the replacement in "text"
      "byte_start", "byte_end"  the same in UTF-8 bytes
      "check_start", "check_end", "check_byte_start", "check_byte_end"
                                the span a finding must overlap: the swap,
                                or for a qualifier swap "Fargo, Minn." whole
      "original", "replacement" as written in the article and in the copy
      "kind"      edit | suffix | word | demonym | region | qualifier
      "dist"      OSA distance between the folded names
      "plausible" the original is a country, a first-level region of an
                  English-speaking country (GB/IE counties too) or a
                  populated place of 100,000+; a demonym of a country or
                  such a region; a qualifier that is such a region
      "orig_place", "repl_place"  {"id", "name", "country", "admin1", "kind"}
      "accept"    names a suggestion may contain to count as the original
      "source"    gold (GeoVirus labels) | placecheck (its resolution)
      "target"    name | demonym | qualifier}}

The look-alike generator is this file's own, independent of the database's
`lookalikes` table (which the detector uses): over the names of prominent
places (countries, first-level regions, GB/IE counties, populated places of
15,000+; main and ASCII names) a replacement is a real place name that is
  edit     a small OSA distance away (1 for 5-6 letters, 2 for 8+, 2 for 7
           when the first three letters agree; Iran/Iraq from a short list),
  suffix   the same stem with another place suffix (Charlotte/Charlottesville/
           Charlottetown, Niger/Nigeria, Pittsburg/Pittsburgh),
  word     a word added, dropped or a compass word changed (Kansas City/
           Kansas, New Mexico/Mexico, North/South Carolina),
  demonym  a demonym (names.kind 4) of a look-alike place, or one a small
           edit away (Australian/Austrian, Slovak/Slovenian, Nigerian/Nigerien);
and a qualified mention ("Fargo, N.D.", "Odesa, Ukraine") gets a qualifier
swap: a neighbouring or look-alike region of the same level, "region" when
that region has its own place of the name (Portland, Ore. -> Portland,
Maine), else "qualifier".  The choice is weighted toward what writers
confuse: a prominent replacement (a country, a state, a city of 100,000+) is
far likelier than a small town.  Deterministic: each article's choices are
seeded from its id.  Never changes anything but the one span.

Standard library only (json, sqlite3, subprocess); eval_real.py imports it.
"""
import argparse
import collections
import hashlib
import json
import math
import os
import random
import re
import shlex
import subprocess
import sys
import unicodedata

# Countries whose first-level regions (and, for GB and IE, counties) count
# as plausible originals: places their writers name as readily as countries.
EN_COUNTRIES = ("US", "CA", "GB", "IE", "AU", "NZ")
# A populated place this big is a plausible original (the line).
PLAUSIBLE_POP = 100000
# Names of populated places this big are in the replacement vocabulary.
VOCAB_POP = 15000
# Placecheck readings below this confidence are not used as originals on
# unlabelled text: too often a surname or a word.
MIN_CONFIDENCE = 0.5
# A name shorter than this (letters) is swapped only through SHORT_PAIRS.
MIN_LETTERS = 5
# Short look-alikes writers really confuse, both ways (folded keys).
SHORT_PAIRS = (("iran", "iraq"),)
# Swaps per article: name or demonym swaps, then at most one qualifier swap.
MAX_NAME_SWAPS = 2
MAX_QUALIFIER_SWAPS = 1

# Prominence weight of a replacement name (the best place carrying it):
# writers confuse names they know.  A country or an English-speaking
# state is about thirty times as likely as a town of 20,000.
W_COUNTRY = 30.0
W_SMALL_COUNTRY = 10.0       # under a million people (Saint Pierre and Miquelon)
W_EN_REGION = 20.0
W_CITY_1M = 20.0
W_CITY_100K = 10.0
W_REGION = 3.0
W_TOWN = 1.0
# Names this prominent (and 7+ letters) are indexed for distance-2 search.
W_PROMINENT = W_REGION

# GeoNames feature codes left out of the vocabulary: sections of a city
# (East New York, Chinatown) and places that are gone.
SKIP_FCODES = frozenset(("PPLX", "PPLH", "PPLQ", "PPLW"))
# A word relation between two towns (Las Vegas -> North Las Vegas, London ->
# East London) is a rarer slip than between regions (North/South Carolina).
F_WORD_PLACES = 0.15
# Odds against a second swap in an article: a name whose likeliest slip
# weighs W_NONE is swapped half the time, Austria/Australia (18) nearly
# always.  (The first swap is always made when there is a candidate.)
W_NONE = 3.0
# On unlabelled text a populated place is an original only when it is this
# big (smaller readings are often words: Christmas, Golden, Green) and, under
# LEX_CITY_POP, when its name is no English word or given name (August,
# Charlotte Church, Chelsea).
MIN_ORIG_POP = VOCAB_POP
LEX_CITY_POP = 1000000
LEX_WORD_OR_GIVEN = 1 | 2    # DB_LEX_WORD | DB_LEX_GIVEN
# A noun demonym (Icelander, New Zealander) for an adjective (Irish): the
# sentence would read wrong whatever the place.
F_DEMONYM_NOUN = 0.2
# A replacement below this weight (prominence x relation x class) is no slip
# anyone makes: Florida -> Florina (a Greek town), Vermont -> Ermont.
W_FLOOR = 1.0

# Relation factors: how a slip is made.
F_EDIT1 = 1.0
F_EDIT2 = 0.6
F_OTHER_FIRST_LETTER = 0.25  # slips keep the first letter (Austria/Australia)
F_SUFFIX = 1.0
F_PLACE_WORD = 1.0
F_OTHER_WORD = 0.4
F_DICT_WORD = 0.3            # a replacement that is an English word (Reading)
# Writers confuse a country with a country, a state with a state, a city
# with a city; across kinds less often (Colombia -> Columbia, S.C.; Kansas ->
# Kansas City), a country for a foreign town hardly ever (China -> Chiba).
F_CLASS = {("country", "country"): 1.0, ("region", "region"): 1.0, ("place", "place"): 1.0,
           ("country", "region"): 0.5, ("region", "place"): 0.3, ("country", "place"): 0.2}
# A replacement in another country that is not itself a country, nor in an
# English-speaking one (Florida -> Floriana, Malta; Kenya -> Konya, Turkey).
F_FOREIGN = 0.15

# Place suffixes (folded): stem + suffix = name.  The "s" forms link
# Charlotte to Charlottesville.
SUFFIXES = ("sville", "ville", "stown", "town", "ston", "ton", "sburgh", "sburg",
            "burgh", "burg", "field", "port", "ford", "ia")
MIN_STEM = 4
# Words a place name gains or loses (Kansas City, New Mexico, Port Moresby).
PLACE_WORDS = frozenset("""north south east west northern southern eastern western
    new old city port fort mount saint lake upper lower great greater little
    central county island islands bay beach falls springs heights park valley
    grand san santa el la le los las""".split())
# Words that only name an administrative unit of the same name (Kisumu
# County, Mecca Region, Krasnodar Krai): adding or dropping one is no slip.
ADMIN_WORDS = frozenset("""county region province district krai oblast prefecture
    governorate municipality state department parish borough territory capital
    metropolitan municipal division""".split())
# A word that is neither (Milton Keynes -> Milton) only for a replacement
# this prominent (Guinea-Bissau -> Guinea, DR Congo -> Republic of the Congo).
W_OTHER_WORD_MIN = W_COUNTRY
COMPASS = (("north", "south", "east", "west"),
           ("northern", "southern", "eastern", "western"))

# Common non-AP spellings of US state qualifiers (Pittsburg, Penn.):
# a qualifier swap into one of these states uses it one time in four.
VARIANT_ABBREV = {"PA": "Penn.", "TX": "Tex.", "WI": "Wisc.", "CA": "Cal.",
                  "MA": "Mass", "FL": "Fla", "MI": "Mich", "MN": "Minn",
                  "WA": "Wash", "AZ": "Ariz", "CO": "Col.", "OK": "Okla"}
VARIANT_SHARE = 0.25
# A qualifier swap picks among this many nearest regions of the same level.
NEAREST_REGIONS = 4

# Gold label -> GeoNames place: the farthest a reading may lie from the
# labelled point, by kind (a country's label is anywhere inside it).
GOLD_TOL_KM = {0: 60.0, 1: 3000.0, 2: 1500.0, 3: 250.0, 4: 4000.0}

KIND_NAME = {0: "place", 1: "country", 2: "admin1", 3: "admin2", 4: "region"}

# ---------------------------------------------------------------- folding

_KEY_WORDS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
_DROPS = {"'", ".", "`", "\u2019", "\u2018", "\u02bc", "\u02bb"}


def key(s):
    """The database's lookup key (db_key in src/db/db_key.c): case-folded,
    accents stripped, apostrophes and periods dropped, any other non-letter
    a single space, St./Ft./Mt. spelt out."""
    if s.isascii():  # the common case, by regular expressions
        k = _ASCII_SEP.sub(" ", _ASCII_DROP.sub("", s.lower())).strip()
    else:
        k = _fold_slow(s)
    if any(w in _KEY_WORDS for w in k.split(" ")):
        k = " ".join(_KEY_WORDS.get(w, w) for w in k.split(" "))
    return k


_ASCII_DROP = re.compile(r"['.`]")
_ASCII_SEP = re.compile(r"[^a-z0-9]+")


def _fold_slow(s):
    out = []
    space = False
    for ch in s:
        if ch in _DROPS:
            continue
        for c in unicodedata.normalize("NFKD", ch.casefold()):
            if c in _DROPS or unicodedata.combining(c):
                continue
            if c.isalnum():
                if space and out:
                    out.append(" ")
                space = False
                out.append(c)
            else:
                space = True
    return "".join(out)


def letters(k):
    return len(k) - k.count(" ")


def osa(a, b, maxd):
    """Optimal string alignment distance of A and B, or MAXD + 1 when it
    exceeds MAXD."""
    la, lb = len(a), len(b)
    if abs(la - lb) > maxd:
        return maxd + 1
    prev2 = None
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        best = i
        ai = a[i - 1]
        for j in range(1, lb + 1):
            v = prev[j - 1] + (ai != b[j - 1])
            if prev[j] + 1 < v:
                v = prev[j] + 1
            if cur[j - 1] + 1 < v:
                v = cur[j - 1] + 1
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == b[j - 1] and prev2[j - 2] + 1 < v:
                v = prev2[j - 2] + 1
            cur[j] = v
            if v < best:
                best = v
        if best > maxd:
            return maxd + 1
        prev2, prev = prev, cur
    return prev[lb] if prev[lb] <= maxd else maxd + 1


def deletions(s, n):
    """S and every string made by deleting up to N of its characters."""
    out = {s}
    frontier = {s}
    for _ in range(n):
        nxt = set()
        for t in frontier:
            for i in range(len(t)):
                nxt.add(t[:i] + t[i + 1:])
        out |= nxt
        frontier = nxt
    return out


def max_edit(a, b):
    """How far apart two folded names may be and still be an edit slip."""
    n = min(letters(a), letters(b))
    if n < MIN_LETTERS:
        return 0
    if n <= 6:
        return 1
    if n == 7:
        return 2 if a[:3] == b[:3] else 1
    return 2


def km(lat1, lon1, lat2, lon2):
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


class _Same:
    """b2c() of ASCII text: a byte offset is the code point offset."""

    def __init__(self, n):
        self.n = n

    def get(self, o, default=None):
        return o if 0 <= o <= self.n else default


def b2c(text):
    """Byte offset -> code point offset, for every character boundary
    (an object with .get(offset, default))."""
    if text.isascii():
        return _Same(len(text))
    m, pos = {}, 0
    for i, ch in enumerate(text):
        m[pos] = i
        pos += len(ch.encode("utf-8"))
    m[pos] = len(text)
    return m


def seed_of(s):
    return int(hashlib.sha1(s.encode("utf-8")).hexdigest()[:16], 16)


def heldout(aid):
    """The fixed split: an article is held aside when sha1(id) mod 5 == 0
    (the id before any '#swapN')."""
    base = aid.split("#", 1)[0]
    return int(hashlib.sha1(base.encode("utf-8")).hexdigest(), 16) % 5 == 0


# -------------------------------------------------------------- gazetteer

class Place:
    __slots__ = ("id", "name", "ascii", "lat", "lon", "country", "admin1", "admin2",
                 "pop", "kind", "fcode")

    def __init__(self, row):
        (self.id, self.name, self.ascii, self.lat, self.lon, self.country, self.admin1,
         self.admin2, self.pop, self.kind, self.fcode) = row
        self.ascii = self.ascii or self.name
        self.country = self.country or ""
        self.admin1 = self.admin1 or ""
        self.admin2 = self.admin2 or ""
        self.pop = self.pop or 0

    def as_json(self):
        return {"id": self.id, "name": self.name, "country": self.country,
                "admin1": self.admin1, "kind": KIND_NAME.get(self.kind, str(self.kind))}


def prominence(p):
    if p.kind == 1:
        return W_COUNTRY if p.pop >= 1000000 else W_SMALL_COUNTRY
    if p.kind == 2:
        return W_EN_REGION if p.country in EN_COUNTRIES else W_REGION
    if p.kind == 3:
        return W_EN_REGION if p.country in ("GB", "IE") else 0.0
    if p.kind == 0 and p.fcode not in SKIP_FCODES:
        if p.pop >= 1000000:
            return W_CITY_1M
        if p.pop >= PLAUSIBLE_POP:
            return W_CITY_100K
        if p.pop >= VOCAB_POP:
            return W_TOWN
    return 0.0


def plausible_place(p):
    if p is None:
        return False
    if p.kind == 1:
        return True
    if p.kind == 2:
        return p.country in EN_COUNTRIES
    if p.kind == 3:
        return p.country in ("GB", "IE")
    return p.kind == 0 and p.pop >= PLAUSIBLE_POP


PLACE_COLS = "id, name, asciiname, lat, lon, country, admin1, admin2, population, kind, fcode"


def pclass(p):
    return "country" if p.kind == 1 else "place" if p.kind == 0 else "region"


def contains(r, p):
    """Is place P inside region R (or the same)?"""
    if r.id == p.id:
        return True
    if r.kind not in (1, 2, 3) or not r.country or r.country != p.country:
        return False
    if r.kind >= 2 and (not r.admin1 or r.admin1 != p.admin1):
        return False
    if r.kind == 3 and (not r.admin2 or r.admin2 != p.admin2):
        return False
    return p.kind == 0 or p.kind > r.kind


class Gazetteer:
    """What the generator reads from places.db: the prominent names, their
    deletion index, stems and word forms, demonyms and region tables."""

    def __init__(self, path):
        import sqlite3
        if not os.path.exists(path):
            raise SystemExit(f"inject_real: {path}: no such database (run make db)")
        self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.cache = {}
        self.places = {}
        c = self.conn
        try:
            rows = c.execute(f"SELECT {PLACE_COLS} FROM places WHERE kind IN (1, 2, 3, 4) "
                             f"OR (kind = 0 AND population >= ?) ORDER BY id", (VOCAB_POP,)).fetchall()
        except Exception as e:  # sqlite3.DatabaseError: not a placecheck database
            raise SystemExit(f"inject_real: {path}: cannot read places: {e}")
        for r in rows:
            p = Place(r)
            self.places[p.id] = p
        self.countries = {}     # iso2 -> (name, place_id, [neighbours])
        for iso2, name, pid, nb in c.execute("SELECT iso2, name, place_id, neighbours FROM countries"):
            self.countries[iso2] = (name, pid, [x for x in (nb or "").split(",") if x])
        self.admin1 = {}        # (country, a1) -> place_id
        for cc, a1, pid in c.execute("SELECT country, a1, place_id FROM admin1"):
            self.admin1[(cc, a1)] = pid
        self.admin2 = {}        # (country, a1, key(name)) -> place_id
        for cc, a1, name, pid in c.execute("SELECT country, a1, name, place_id FROM admin2"):
            self.admin2[(cc, a1, key(name))] = pid
        self.same = set()       # accepted spellings of one place (never a slip)
        for a, b in c.execute("SELECT key_a, key_b FROM lookalikes WHERE kind = 5"):
            self.same.add((a, b))
        self.short = collections.defaultdict(list)  # place_id -> abbreviations, short forms
        for k, pid, form, kd in c.execute("SELECT key, place_id, form, kind FROM names "
                                          "WHERE kind IN (3, 5) ORDER BY place_id, kind, form"):
            self.short[pid].append((k, form, kd))
        self.lexword = set()
        self.lexflags = {}
        for k, fl in c.execute("SELECT key, flags FROM lexicon"):
            self.lexflags[k] = fl
            if fl & 1:
                self.lexword.add(k)
        self._vocab()
        self._demonyms()

    # --- vocabulary
    def _vocab(self):
        vocab = {}   # key -> [weight, best place, display name]
        for p in self.places.values():
            w = prominence(p)
            if w <= 0:
                continue
            names = [p.name, p.ascii]
            if p.kind == 3:  # "County Cork" is written "Cork"
                for n in (p.name, p.ascii):
                    for pre in ("County ", "Co. "):
                        if n.startswith(pre):
                            names.append(n[len(pre):])
                    if n.endswith(" County"):
                        names.append(n[:-len(" County")])
            for n in names:  # main name first: it is the display form
                k = key(n)
                if not k or k.isdigit():
                    continue
                cur = vocab.get(k)
                if cur is None or (w, p.pop, -p.id) > (cur[0], cur[1].pop, -cur[1].id):
                    vocab[k] = [w, p, n]
        self.vocab = vocab
        idx1 = collections.defaultdict(list)
        idx2 = collections.defaultdict(list)
        stems = collections.defaultdict(set)
        wadd = collections.defaultdict(list)
        for k, (w, p, _) in vocab.items():
            n = letters(k)
            if n >= MIN_LETTERS:
                for d in deletions(k, 1):
                    idx1[d].append(k)
                if n >= 7 and w >= W_PROMINENT:
                    for d in deletions(k, 2):
                        idx2[d].append(k)
            for st, suf in self.stems_of(k):
                stems[st].add(k)
            toks = k.split(" ")
            if len(toks) >= 2:
                for red, word in ((" ".join(toks[1:]), toks[0]), (" ".join(toks[:-1]), toks[-1])):
                    if letters(red) >= 4:
                        wadd[red].append((k, word))
        self.idx1, self.idx2, self.stems, self.wadd = idx1, idx2, stems, wadd

    @staticmethod
    def stems_of(k):
        out = [(k, "")]
        for suf in SUFFIXES:
            if k.endswith(suf):
                st = k[:-len(suf)].rstrip(" ")
                if letters(st) >= MIN_STEM and not st.endswith(" "):
                    out.append((st, suf))
        return out

    def weight(self, k):
        v = self.vocab.get(k)
        if v is None:
            return 0.0
        w = v[0]
        if k in self.lexword:
            w *= F_DICT_WORD
        return w

    def relatives(self, okey):
        """Look-alike names of the folded name OKEY: {rkey: (kind, dist, factor)}."""
        if okey in self.cache:
            return self.cache[okey]
        rel = {}

        def add(rk, kind, dist, f):
            if rk == okey or (okey, rk) in self.same or rk not in self.vocab:
                return
            if rk not in rel or rel[rk][2] < f:
                rel[rk] = (kind, dist, f)

        n = letters(okey)
        for a, b in SHORT_PAIRS:
            if okey == a:
                add(b, "edit", osa(a, b, 2), F_EDIT1)
            elif okey == b:
                add(a, "edit", osa(a, b, 2), F_EDIT1)
        if n >= MIN_LETTERS:
            cand = set()
            for d in deletions(okey, 1):
                cand.update(self.idx1.get(d, ()))
            if n >= 7:
                for d in deletions(okey, 2):
                    cand.update(self.idx2.get(d, ()))
            for rk in sorted(cand):
                m = max_edit(okey, rk)
                if m == 0 or rk.replace(" ", "") == okey.replace(" ", ""):
                    continue  # Newcastle / New Castle: a spelling, no slip
                d = osa(okey, rk, m)
                if d <= m:
                    f = F_EDIT1 if d == 1 else F_EDIT2
                    if okey[0] != rk[0]:
                        f *= F_OTHER_FIRST_LETTER
                    add(rk, "edit", d, f)
        for st, _ in self.stems_of(okey):
            for rk in sorted(self.stems.get(st, ())):
                add(rk, "suffix", osa(okey, rk, 20), F_SUFFIX)
        toks = okey.split(" ")

        def add_word(rk, word):
            if word in ADMIN_WORDS:
                return
            if word in PLACE_WORDS:
                add(rk, "word", osa(okey, rk, 20), F_PLACE_WORD)
            elif self.weight(rk) >= W_OTHER_WORD_MIN:
                add(rk, "word", osa(okey, rk, 20), F_OTHER_WORD)

        for rk, word in sorted(self.wadd.get(okey, ())):
            add_word(rk, word)
        if len(toks) >= 2:
            for red, word in ((" ".join(toks[1:]), toks[0]), (" ".join(toks[:-1]), toks[-1])):
                if letters(red) >= 4:
                    add_word(red, word)
            for fam in COMPASS:
                if toks[0] in fam:
                    for w in fam:
                        if w != toks[0]:
                            rk = " ".join([w] + toks[1:])
                            add(rk, "word", osa(okey, rk, 20), F_PLACE_WORD)
        self.cache[okey] = rel
        return rel

    # --- demonyms
    def _demonyms(self):
        self.dem = collections.defaultdict(list)      # key -> [(place_id, form)]
        self.dem_of = collections.defaultdict(list)   # place_id -> [(key, form)]
        for k, pid, form in self.conn.execute("SELECT key, place_id, form FROM names WHERE kind = 4"):
            self.dem[k].append((pid, form))
            self.dem_of[pid].append((k, form))
        self.dem_maxwords = max((len(k.split(" ")) for k in self.dem), default=1)
        self.dem_first = {k.split(" ")[0] for k in self.dem}

    def demonym_place(self, dkey):
        best = None
        for pid, _ in self.dem.get(dkey, ()):
            p = self.places.get(pid) or self.place(pid)
            if p is not None and (best is None or prominence(p) > prominence(best)):
                best = p
        return best

    def demonym_relatives(self, dkey):
        """{rkey: (form, place, dist, factor)}: demonyms of look-alike places,
        and demonyms a small edit away."""
        out = {}
        noun = dkey.endswith("er")

        def form_factor(qk):
            return F_DEMONYM_NOUN if qk.endswith("er") and not noun else 1.0

        own = {pid for pid, _ in self.dem.get(dkey, ())}
        for pid in sorted(own):
            p = self.places.get(pid) or self.place(pid)
            if p is None:
                continue
            for rk, (kind, dist, f) in sorted(self.relatives(key(p.name)).items()):
                q = self.vocab[rk][1]
                for qk, form in self.dem_of.get(q.id, ()):
                    if q.id not in own and qk != dkey and pclass(q) == pclass(p):
                        d = osa(dkey, qk, 20)
                        out.setdefault(qk, (form, q, d, f * self.weight(rk) * form_factor(qk)))
        for qk, lst in self.dem.items():
            if qk == dkey:
                continue
            m = max_edit(dkey, qk)
            if m and dkey[0] == qk[0] and osa(dkey, qk, m) <= m:
                for pid, form in lst:
                    q = self.places.get(pid) or self.place(pid)
                    if q is None or pid in own:
                        continue
                    d = osa(dkey, qk, m)
                    f = F_EDIT1 if d == 1 else F_EDIT2
                    out.setdefault(qk, (form, q, d, f * prominence(q) * form_factor(qk)))
        return out

    # --- lookups
    def place(self, pid):
        if pid is None:
            return None
        p = self.places.get(pid)
        if p is None:
            r = self.conn.execute(f"SELECT {PLACE_COLS} FROM places WHERE id = ?", (pid,)).fetchone()
            if r is None:
                return None
            p = Place(r)
            self.places[pid] = p
        return p

    def names_of(self, pid):
        """A place's main and ASCII names, abbreviations and short forms:
        [(key, form, kind)]."""
        p = self.place(pid)
        if p is None:
            return []
        out = [(key(p.name), p.name, 0)]
        if p.ascii != p.name:
            out.append((key(p.ascii), p.ascii, 1))
        return out + self.short.get(pid, [])

    def carries_name(self, pid, k):
        return self.conn.execute("SELECT 1 FROM names WHERE key = ? AND place_id = ? LIMIT 1",
                                 (k, pid)).fetchone() is not None

    def lookup(self, k):
        """Places named K (not by demonym)."""
        ids = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT place_id FROM names WHERE key = ? AND kind != 4 ORDER BY place_id", (k,))]
        return [p for p in (self.place(i) for i in ids) if p is not None]

    def region_pid(self, country, admin1=None, admin2name=None):
        if not admin1:
            c = self.countries.get(country)
            return c[1] if c else None
        if admin2name is None:
            return self.admin1.get((country, admin1))
        return self.admin2.get((country, admin1, key(admin2name)))

    def from_placecheck(self, pc):
        """The database place of one placecheck "places" entry."""
        if pc.get("id") is not None:
            return self.place(pc["id"])
        cc, a1, name = pc.get("country") or "", pc.get("admin1_code") or "", pc.get("name") or ""
        if not cc:
            hits = [p for p in self.lookup(key(name)) if p.kind == 4]
            return hits[0] if hits else None
        if not a1:
            return self.place(self.region_pid(cc))
        pid = self.region_pid(cc, a1)
        p = self.place(pid)
        if p is not None and key(p.name) == key(name):
            return p
        pid2 = self.region_pid(cc, a1, name)
        return self.place(pid2) if pid2 is not None else p

    def from_gold(self, text, lat, lon):
        """The GeoNames place a gold label names: a place carrying the
        label's name, nearest its point relative to the place's size."""
        best, bscore = None, None
        k = key(text)
        cands = self.lookup(k)
        if not cands and k.startswith("the "):
            cands = self.lookup(k[4:])
        for p in cands:
            tol = GOLD_TOL_KM.get(p.kind, 60.0)
            d = km(lat, lon, p.lat, p.lon)
            if d > tol:
                continue
            s = d / tol - 0.01 * math.log10(1 + p.pop)
            if bscore is None or s < bscore:
                best, bscore = p, s
        return best

    def has_namesake_in(self, nkey, region):
        """Is there a place named NKEY inside REGION (a country/admin1/admin2 row)?"""
        for q in self.lookup(nkey):
            if q.kind == 0 or q.kind > region.kind:
                if q.country != region.country:
                    continue
                if region.kind >= 2 and q.admin1 != region.admin1:
                    continue
                if region.kind == 3 and q.admin2 != region.admin2:
                    continue
                return True
        return False

    def sibling_regions(self, r):
        """Regions of R's level that a writer may put in R's place: the
        nearest ones (with neighbours, for countries) and look-alike names."""
        out = {}
        if r.kind == 1:
            sibs = [self.place(self.countries[c][1]) for c in self.countries.get(r.country, ("", None, []))[2]
                    if c in self.countries]
            pool = [self.place(v[1]) for v in self.countries.values()]
        elif r.kind == 2:
            sibs = []
            pool = [self.place(pid) for (cc, _), pid in self.admin1.items() if cc == r.country]
        elif r.kind == 3:
            sibs = []
            pool = [self.place(pid) for (cc, a1, _), pid in self.admin2.items()
                    if cc == r.country and a1 == r.admin1]
        else:
            return out
        pool = [q for q in pool if q is not None and q.id != r.id]
        pool.sort(key=lambda q: (km(r.lat, r.lon, q.lat, q.lon), q.id))
        near = [s for s in sibs if s is not None] or pool[:NEAREST_REGIONS]
        for q in near:
            out.setdefault(q.id, (q, "neighbour"))
        rel = self.relatives(key(r.name))
        for q in pool:
            if key(q.name) in rel:
                out.setdefault(q.id, (q, "lookalike"))
        return out

    def qualifier_form(self, q, written, old):
        """How to write region Q as a qualifier in the style of WRITTEN (the
        old region's qualifier as the article writes it)."""
        forms = self.names_of(q.id)
        abbrevs = [f for _, f, kd in forms if kd == 3]
        olds = [f for _, f, kd in self.names_of(old.id) if kd == 3]
        if written in olds:
            if "." in written:
                dotted = [f for f in abbrevs if "." in f]
                if dotted:
                    return dotted[0]
            else:
                plain = [f for f in abbrevs if "." not in f and len(f) == len(written)]
                if plain:
                    return plain[0]
        if q.kind == 1:
            name = self.countries.get(q.country, (q.name,))[0] or q.name
        elif q.kind == 3:
            name = admin2_display(q.name)
        else:
            name = q.name
        return name if not is_ascii(written) or is_ascii(name) else q.ascii


# ------------------------------------------------------------ the writer

def admin2_display(name):
    """A county or borough as writers name it: "Borough of Bolton" -> Bolton,
    "Dundee City" -> Dundee, "City of Leicester" -> Leicester."""
    for pre in ("City and Borough of ", "Royal Borough of ", "Borough of ", "City of ", "County of "):
        if name.startswith(pre):
            return name[len(pre):]
    for suf in (" City", " District"):
        if name.endswith(suf) and len(name) > len(suf) + 3:
            return name[:-len(suf)]
    return name


def recase(src, repl):
    """REPL in the case SRC is written in (CHARLOTTESVILLE -> CHARLOTTE)."""
    lets = [c for c in src if c.isalpha()]
    if lets and all(c.isupper() for c in lets) and len(lets) > 1:
        return repl.upper()
    if lets and all(c.islower() for c in lets):
        return repl.lower()
    return repl


def trim_possessive(text, s, e):
    """Leave a possessive 's outside the span."""
    for suf in ("'s", "\u2019s", "'S", "\u2019S"):
        if text[s:e].endswith(suf) and e - s > len(suf):
            return e - len(suf)
    return e


class Mention:
    __slots__ = ("start", "end", "text", "place", "source")

    def __init__(self, start, end, text, place, source):
        self.start, self.end, self.text, self.place, self.source = start, end, text, place, source


def mentions_of(art, result, gaz):
    """The article's place mentions: gold labels mapped to GeoNames where
    the corpus has them, else placecheck's confident readings."""
    text = art["text"]
    out = []
    if art.get("places") is not None:
        conv = b2c(text)
        pcs = []
        for pc in (result or {}).get("places", []):
            s, e = conv.get(pc["offset"]), conv.get(pc["offset"] + pc["length"])
            if s is not None and e is not None:
                pcs.append((s, e, pc))
        for g in art["places"]:
            s, e = g["start"], trim_possessive(text, g["start"], g["end"])
            p = gaz.from_gold(text[s:e], g["lat"], g["lon"]) if g.get("lat") is not None else None
            if p is None:  # placecheck's reading, when it is where the label says
                for ps, pe, pc in pcs:
                    if ps < e and s < pe and pc.get("lat") is not None and \
                            km(pc["lat"], pc["lon"], g["lat"], g["lon"]) <= 161:
                        p = gaz.from_placecheck(pc)
                        break
            out.append(Mention(s, e, text[s:e], p, "gold"))
    else:
        conv = b2c(text)
        for pc in (result or {}).get("places", []):
            s, e = conv.get(pc["offset"]), conv.get(pc["offset"] + pc["length"])
            if s is None or e is None:
                continue
            p = gaz.from_placecheck(pc) if pc.get("confidence", 0) >= MIN_CONFIDENCE else None
            e = trim_possessive(text, s, e)
            if p is not None and p.kind == 0 and (p.pop < MIN_ORIG_POP or (
                    p.pop < LEX_CITY_POP and gaz.lexflags.get(key(text[s:e]), 0) & LEX_WORD_OR_GIVEN)):
                p = None
            out.append(Mention(s, e, text[s:e], p, "placecheck"))
    out.sort(key=lambda m: (m.start, m.end))
    return out


WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


def demonym_mentions(text, taken, gaz):
    """Capitalised demonyms in TEXT outside the place spans TAKEN."""
    words = [(m.start(), m.end()) for m in WORD_RE.finditer(text)]
    out = []
    i = 0
    first = gaz.dem_first
    while i < len(words):
        hit = None
        ws, we = words[i]
        if not text[ws].isupper() or key(text[ws:we]) not in first:
            i += 1
            continue
        for n in range(min(gaz.dem_maxwords, len(words) - i), 0, -1):
            s, e = words[i][0], words[i + n - 1][1]
            if not text[s].isupper():
                break
            if n > 1 and any(text[words[j][1]:words[j + 1][0]] != " " for j in range(i, i + n - 1)):
                continue
            k = key(text[s:e])
            if k in gaz.dem and not any(ts < e and s < te for ts, te in taken):
                hit = (s, e, n)
                break
        if hit:
            s, e, n = hit
            p = gaz.demonym_place(key(text[s:e]))
            if p is not None:
                out.append(Mention(s, e, text[s:e], p, "demonym"))
            i += n
        else:
            i += 1
    return out


def qualified_pairs(text, ments):
    """(place mention, qualifier mention) where the qualifier follows after
    ", " and is the region of that level that holds the place."""
    out = []
    for a, b in zip(ments, ments[1:]):
        if a.place is None or b.place is None or b.place.kind not in (1, 2, 3):
            continue
        if not re.fullmatch(r",\s?", text[a.end:b.start]):
            continue
        r, p = b.place, a.place
        if p.country != r.country or p.id == r.id:
            continue
        if r.kind >= 2 and p.admin1 != r.admin1:
            continue
        if r.kind == 3 and p.admin2 != r.admin2:
            continue
        if p.kind in (1, 4) or (p.kind and p.kind <= r.kind):
            continue
        out.append((a, b))
    return out


def pick(rng, items):
    """Weighted choice from [(weight, item)], in a stable order."""
    tot = sum(w for w, _ in items)
    if tot <= 0:
        return None
    x = rng.random() * tot
    for w, it in items:
        x -= w
        if x < 0:
            return it
    return items[-1][1]


def place_json(p):
    return p.as_json() if p is not None else None


def make_copy(aid, n, text, s, e, repl, swap, cs=None, ce=None):
    new = text[:s] + repl + text[e:]
    ne = s + len(repl)
    cs = s if cs is None else cs
    ce = ne if ce is None else ce + (ne - e)
    bs = len(new[:s].encode("utf-8"))
    be = bs + len(repl.encode("utf-8"))
    cbs = len(new[:cs].encode("utf-8"))
    cbe = len(new[:ce].encode("utf-8"))
    swap.update({"start": s, "end": ne, "byte_start": bs, "byte_end": be,
                 "check_start": cs, "check_end": ce, "check_byte_start": cbs, "check_byte_end": cbe})
    return {"id": f"{aid}#swap{n}", "text": new, "swap": swap}


def accept_names(gaz, written, p):
    names = {written}
    if p is not None:
        names.add(p.name)
        if p.kind == 1 and p.country in gaz.countries:
            names.add(gaz.countries[p.country][0])
    return sorted(n for n in names if n)


def name_options(gaz, m):
    """[(weight, (rkey, kind, dist, repl place, display))] for a name mention."""
    okey = key(m.text)
    if not okey:
        return []
    opts = []
    p = m.place
    for rk, (kind, dist, f) in sorted(gaz.relatives(okey).items()):
        w, q, disp = gaz.vocab[rk]
        if q.id == p.id or gaz.carries_name(p.id, rk):
            continue  # another spelling of the same place: no slip
        if kind in ("word", "suffix") and (contains(p, q) or contains(q, p)):
            continue  # Texas City in Texas, Glasgow City for Glasgow: no slip
        a, b = sorted((pclass(p), pclass(q)))
        cf = F_CLASS[(a, b)] if (a, b) in F_CLASS else F_CLASS[(b, a)]
        if kind == "suffix" and cf < 1.0:
            continue  # France -> Franceville, China -> Chinatown
        w = gaz.weight(rk) * f * cf
        if kind == "word":
            if pclass(p) == "place" and pclass(q) == "place":
                w *= F_WORD_PLACES
            # a writer drifts to the better-known name (New Mexico -> Mexico)
            w *= min(1.0, gaz.weight(rk) / max(prominence(p), W_TOWN))
        if q.country != p.country and q.kind != 1 and q.country not in EN_COUNTRIES:
            w *= F_FOREIGN
        if w >= W_FLOOR:
            opts.append((w, (rk, kind, dist, q, disp)))
    return opts


def demonym_options(gaz, m):
    opts = []
    for qk, (form, q, d, w) in sorted(gaz.demonym_relatives(key(m.text)).items()):
        if w >= W_FLOOR:
            opts.append((w, (qk, "demonym", d, q, form)))
    return opts


def swaps_for(art, result, gaz):
    """The swapped copies of one article (a list of ndjson objects)."""
    aid, text = art["id"], art["text"]
    rng = random.Random(seed_of(aid))
    ments = mentions_of(art, result, gaz)
    taken = [(m.start, m.end) for m in ments]
    dems = demonym_mentions(text, taken, gaz)
    # Candidate names: written key -> (plausible, [mentions], options)
    groups = {}
    for m in ments:
        if m.place is None or m.place.kind == 4:
            continue
        k = key(m.text)
        if letters(k) < MIN_LETTERS and not any(k in pair for pair in SHORT_PAIRS):
            continue
        g = groups.setdefault(("name", k), [plausible_place(m.place), [], None])
        g[1].append(m)
    for m in dems:
        g = groups.setdefault(("demonym", key(m.text)), [plausible_place(m.place), [], None])
        g[1].append(m)
    for gk in sorted(groups):
        g = groups[gk]
        g[2] = (demonym_options if gk[0] == "demonym" else name_options)(gaz, g[1][0])
    cands = [gk for gk in sorted(groups) if groups[gk][2]]
    out = []
    chosen = []
    # A name is swapped in proportion to its likeliest slip: Austria for
    # Australia far more often than some town for a town.
    strength = {gk: max(w for w, _ in groups[gk][2]) for gk in cands}
    plaus = [(strength[gk], gk) for gk in cands if groups[gk][0]]
    if plaus:
        chosen.append(pick(rng, plaus))
    rest = [(strength[gk], gk) for gk in cands if gk not in chosen]
    while rest and len(chosen) < MAX_NAME_SWAPS:
        gk = pick(rng, rest + ([(W_NONE, None)] if chosen else []))
        if gk is None:
            break
        chosen.append(gk)
        rest = [r for r in rest if r[1] != gk]
    for gk in chosen:
        plausible, ms, opts = groups[gk]
        m = rng.choice(ms)
        rk, kind, dist, q, disp = pick(rng, opts)
        if is_ascii(m.text) and not is_ascii(disp):
            disp = q.ascii if key(q.ascii) == rk else unicodedata.normalize(
                "NFKD", disp).encode("ascii", "ignore").decode()
        repl = recase(m.text, disp)
        if repl == m.text:
            continue
        acc = accept_names(gaz, m.text, m.place)
        if gk[0] == "demonym":
            acc = sorted(set(acc) | {f for pid, f in gaz.dem.get(gk[1], ())})
        swap = {"original": m.text, "replacement": repl, "kind": kind, "dist": dist,
                "plausible": bool(plausible), "orig_place": place_json(m.place),
                "repl_place": place_json(q), "accept": acc,
                "source": m.source, "target": gk[0]}
        out.append(make_copy(aid, len(out) + 1, text, m.start, m.end, repl, swap))
    # One qualifier swap.
    pairs = qualified_pairs(text, ments)
    qopts = []
    for a, b in pairs:
        r = b.place
        sibs = gaz.sibling_regions(r)
        for qid in sorted(sibs):
            q, how = sibs[qid]
            form = gaz.qualifier_form(q, b.text, r)
            variant = False
            if q.kind == 2 and q.country == "US" and q.admin1 in VARIANT_ABBREV and "." in b.text \
                    and rng.random() < VARIANT_SHARE:
                form, variant = VARIANT_ABBREV[q.admin1], True
            if letters(key(b.text)) > 3 and key(b.text) not in [k for k, _, _ in gaz.short.get(r.id, [])]:
                form = recase(b.text, form)  # MAINE in a dateline, not IRELAND for UK
            if form == b.text or key(form) == key(b.text):
                continue
            ns = gaz.has_namesake_in(key(a.text), q)
            w = prominence(q) or W_TOWN
            qopts.append((w, (a, b, q, form, "region" if ns else "qualifier", how, variant)))
    if qopts and MAX_QUALIFIER_SWAPS:
        a, b, q, form, kind, how, variant = pick(rng, qopts)
        r = b.place
        acc = {b.text, r.name} | {f for _, f, kd in gaz.names_of(r.id)}
        if r.kind == 1 and a.place.admin1:
            # "Munich, Bavaria" for "Munich, Belgium" names the right region too
            sub = gaz.place(gaz.region_pid(r.country, a.place.admin1))
            if sub is not None:
                acc |= {f for _, f, kd in gaz.names_of(sub.id)}
        acc = sorted(acc)
        swap = {"original": b.text, "replacement": form, "kind": kind,
                "dist": osa(key(b.text), key(form), 30), "plausible": plausible_place(r),
                "orig_place": place_json(r), "repl_place": place_json(q),
                "qualified": {"text": a.text, "place": place_json(a.place)},
                "how": how, "variant": variant, "accept": acc, "source": b.source,
                "target": "qualifier"}
        out.append(make_copy(aid, len(out) + 1, text, b.start, b.end, form, swap, cs=a.start, ce=b.end))
    return out


# ---------------------------------------------------------------- typos

# Misspellings as writers make them (the model's misspelling slice is fitted
# on these; they are reported apart from the look-alike swaps): a doubled
# or undoubled letter (Cincinatti, Phillipines, Massachussetts), a vowel
# for another (Burkino), two letters swapped, one dropped.
VOWELS = "aeiou"


TYPO_KINDS = [("double", 4), ("swap", 2), ("drop", 2), ("vowel", 1)]
TYPO_TWO_SHARE = 0.35


def typos_of(word, rng):
    """Candidate misspellings of WORD, a kind drawn by TYPO_KINDS' weights
    first, then the rest."""
    by = {k: [] for k, _ in TYPO_KINDS}
    n = len(word)
    for i in range(1, n - 1):
        c = word[i]
        if c.isalpha() and c.lower() not in VOWELS:
            if word[i - 1].lower() == c.lower():
                by["double"].append(word[:i] + word[i + 1:])          # undouble
            elif i + 1 < n and word[i + 1].lower() != c.lower():
                by["double"].append(word[:i] + c + word[i:])          # double
    for i in range(1, n - 1):
        if word[i].isalpha() and word[i + 1].isalpha() and word[i] != word[i + 1]:
            by["swap"].append(word[:i] + word[i + 1] + word[i] + word[i + 2:])
    for i in range(1, n):
        if word[i].isalpha():
            by["drop"].append(word[:i] + word[i + 1:])
    for i in range(1, n):
        c = word[i].lower()
        if c in VOWELS:
            for v in VOWELS:
                if v != c:
                    by["vowel"].append(word[:i] + (v.upper() if word[i].isupper() else v) + word[i + 1:])
    kinds = [k for k, _ in TYPO_KINDS if by[k]]
    out = []
    while kinds:
        k = pick(rng, [(w, kk) for kk, w in TYPO_KINDS if kk in kinds])
        rng.shuffle(by[k])
        out.extend(by[k])
        kinds.remove(k)
    return out


TYPO_MIN_LEN = 6           # a word this long or longer is misspelt


def typo_word(name):
    """The index of the word of NAME a misspelling goes into (its longest,
    of TYPO_MIN_LEN letters or more, the first of equals), or None."""
    words = name.split(" ")
    best = max(range(len(words)), key=lambda i: (len(words[i]), -i))
    return best if len(words[best]) >= TYPO_MIN_LEN else None


# A town below PLAUSIBLE_POP but this big is misspelt too, in a copy of
# its own (a "small" misspelling, reported apart): road signs, local
# reports and notices misspell the small places of their own county
# (Harwick for Hawick), which nobody outside it would know.
SMALL_TYPO_MIN_POP = 1000


def small_place(p):
    return p is not None and p.kind == 0 and SMALL_TYPO_MIN_POP <= p.pop < PLAUSIBLE_POP


def typo_swaps(art, result, gaz, names):
    """At most one misspelt place name per article: a plausible place of six
    letters or more, misspelt into a word that is no name and no word; and,
    in a second copy, at most one small town's name."""
    ments = mentions_of(art, result, gaz)
    return (typo_swap(art, ments, gaz, names, plausible_place, "#typo", 1, {}) +
            typo_swap(art, ments, gaz, names, small_place, "#smalltypo", 3, {"small": True}))


def typo_swap(art, ments, gaz, names, which, seed, n, extra):
    """At most one of MENTS whose place WHICH accepts, misspelt (copy N)."""
    aid, text = art["id"], art["text"]
    rng = random.Random(seed_of(aid + seed))
    ments = [m for m in ments
             if which(m.place) and typo_word(m.text) is not None and
             is_ascii(m.text) and m.text[:1].isupper() and not m.text.isupper()]
    if not ments:
        return []
    m = rng.choice(ments)
    # A third of real misspellings take two slips (Cincinatti, Phillipines).
    two = rng.random() < TYPO_TWO_SHARE
    # In a name of several words one word is misspelt (San Bernadino,
    # Kuala Lumpar): the longest.
    wi = typo_word(m.text)
    words = m.text.split(" ")
    for tw in typos_of(words[wi], rng):
        if two:
            tw = typos_of(tw, rng)[0] if typos_of(tw, rng) else tw
        t = " ".join(words[:wi] + [tw] + words[wi + 1:])
        k = key(t)
        dist = osa(k, key(m.text), 2)
        if not k or k in names or k in gaz.lexflags or dist not in (1, 2):
            continue
        swap = {"original": m.text, "replacement": t, "kind": "misspelling", "dist": dist,
                "plausible": which is plausible_place, "orig_place": place_json(m.place), "repl_place": None,
                "accept": accept_names(gaz, m.text, m.place), "source": m.source, "target": "name", **extra}
        return [make_copy(aid, n, text, m.start, m.end, t, swap)]
    return []


# ---------------------------------------------------------------- foreign names

# A country's or a big city's name written as another language writes it
# ("Deutschland" for Germany, "Marocco" for Morocco, "Moskau" for
# Moscow): the gazetteer's alternate names of the country, and a city's
# names of kind 6 (DB_NAME_FOREIGN: CLDR's, geodata/extra/city-names-
# foreign.tsv), where they are not its English name (as the checker,
# src/resolve/resolve_alts.c: not a city's other alternate names, which
# carry no language in the bundled data).
FOREIGN_SHARE = 0.5        # of the articles that have such a place, how many get one


def foreign_forms(gaz):
    """{place id: [alternate names]} for countries, {place id: [names of
    kind 6]} for cities: Latin letters only, capitalised, no English
    word, not an accepted spelling of the place's own name."""
    out = collections.defaultdict(list)
    same = set()
    for a, b in gaz.conn.execute("SELECT key_a, key_b FROM lookalikes WHERE kind = 5"):
        same.add((a, b))
    rows = gaz.conn.execute(
        "SELECT n.place_id, n.form, n.key, p.name FROM names n JOIN places p ON p.id = n.place_id "
        "WHERE (n.kind = 2 AND p.kind = 1) OR (n.kind = 6 AND p.kind = 0)")
    for pid, form, k, name in rows:
        nk = key(name)
        if not form or not form[:1].isupper() or not all(ch.isalpha() or ch in " -'" for ch in form):
            continue
        if not is_ascii(form) or k == nk or (k, nk) in same or (nk, k) in same or k in gaz.lexflags:
            continue
        out[pid].append(form)
    return out


def foreign_swaps(art, result, gaz, forms):
    """At most one place per article written in another language's form."""
    aid, text = art["id"], art["text"]
    rng = random.Random(seed_of(aid + "#foreign"))
    if rng.random() >= FOREIGN_SHARE:
        return []
    ments = [m for m in mentions_of(art, result, gaz)
             if m.place is not None and forms.get(m.place.id) and m.text[:1].isupper() and
             not m.text.isupper() and key(m.text) == key(m.place.name)]
    if not ments:
        return []
    m = rng.choice(ments)
    t = rng.choice(sorted(forms[m.place.id]))
    swap = {"original": m.text, "replacement": t, "kind": "foreign", "dist": osa(key(t), key(m.text), 9),
            "plausible": True, "orig_place": place_json(m.place), "repl_place": place_json(m.place),
            "accept": accept_names(gaz, m.text, m.place), "source": m.source, "target": "name"}
    return [make_copy(aid, 2, text, m.start, m.end, t, swap)]


# ---------------------------------------------------------------- driver

def run_placecheck(cmd, rows):
    """One placecheck process over ROWS: {id: result}."""
    feed = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in rows)
    try:
        p = subprocess.run(shlex.split(cmd) + ["check", "--ndjson", "--format", "json", "--fail-on", "never"],
                           input=feed.encode("utf-8"), capture_output=True)
    except OSError as e:
        raise SystemExit(f"cannot run {cmd!r}: {e}")
    if p.returncode not in (0, 1):
        raise SystemExit(f"placecheck exited {p.returncode}: {p.stderr.decode(errors='replace')[:300]}")
    out = {}
    for n, line in enumerate(p.stdout.decode("utf-8").splitlines(), 1):
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            raise SystemExit(f"placecheck output line {n} is not JSON: {e}")
        out[d.get("id") or d.get("file")] = d
    return out


def load_corpus(path, limit=None, keep=None):
    rows = []
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        raise SystemExit(f"{path}: {e.strerror}")
    with f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                raise SystemExit(f"{path}:{n}: not JSON: {e}")
            if not isinstance(r, dict) or not isinstance(r.get("id"), str) or not isinstance(r.get("text"), str):
                raise SystemExit(f"{path}:{n}: expected an object with string \"id\" and \"text\"")
            if keep is not None and r["id"] not in keep:
                continue
            rows.append(r)
            if limit and len(rows) >= limit:
                break
    return rows


def generate(rows, results, gaz):
    out = []
    for art in rows:
        out.extend(swaps_for(art, results.get(art["id"]), gaz))
    return out


def read_ids(path):
    with open(path, encoding="utf-8") as f:
        return {l.strip() for l in f if l.strip() and not l.startswith("#")}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True, help="corpus ndjson (BBC or GeoVirus)")
    ap.add_argument("--db", default="geodata/places.db")
    ap.add_argument("--cmd", help="placecheck command (default: ./placecheck --db DB)")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--ids", help="only the article ids listed in this file")
    ap.add_argument("--out", help="write the swaps here (default: standard output)")
    ap.add_argument("--typos", action="store_true",
                    help="misspell one place name per article instead (kind misspelling), and in "
                         "half of those with a country or a big city write it as another language "
                         "does (kind foreign)")
    a = ap.parse_args()
    cmd = a.cmd or f"./placecheck --db {a.db}"
    rows = load_corpus(a.corpus, a.limit, read_ids(a.ids) if a.ids else None)
    gaz = Gazetteer(a.db)
    if a.typos:
        names = {k for (k,) in gaz.conn.execute("SELECT DISTINCT key FROM names")}
        results = run_placecheck(cmd, rows)
        forms = foreign_forms(gaz)
        swaps = [s for r in rows for s in typo_swaps(r, results.get(r["id"]), gaz, names) +
                 foreign_swaps(r, results.get(r["id"]), gaz, forms)]
    else:
        swaps = generate(rows, run_placecheck(cmd, rows), gaz)
    data = "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in swaps)
    if a.out:
        tmp = a.out + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(data)
        os.replace(tmp, a.out)
    else:
        sys.stdout.write(data)
    kinds = collections.Counter((s["swap"]["kind"], s["swap"]["plausible"]) for s in swaps)
    print(f"inject_real: {len(swaps)} swaps from {len(rows)} articles; " +
          ", ".join(f"{k}{'' if p else ' (not plausible)'} {n}" for (k, p), n in sorted(kinds.items())),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
