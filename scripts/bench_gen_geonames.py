#!/usr/bin/env python3
"""A synthetic GeoNames main table shaped like allCountries.txt, for
`make bench-load-big` (scripts/bench_load_big.sh).  Never committed: it is
made at bench time.

    bench_gen_geonames.py ROWS OUT

Writes ROWS rows of the 19 tab-separated columns to OUT, deterministic
(seed 14).  What is like the real file: ids rising from 1 with gaps; the
mix of feature classes (about 37% P, 20% H, 19% S, 13% T, 4% L, 3.5% A,
1% V, 1% R, 0.1% U, a few rows with none); most populated places without
a population, a power-law tail above it (about 0.5% of P rows of 15,000
or more, as many prominent places as the real world has); names drawn
from syllables, so that most keys are distinct and some repeat (Springfield
does); alternate names on about a fifth of the populated places, some of
them in other scripts; 250 countries with 1-40 admin1 codes each and 12
admin2 codes in each admin1 (about 60,000 in all; GeoNames has 47,000).
Prints the number of rows written.
"""
import random
import sys

CLASSES = [("P", 370, ["PPL", "PPL", "PPL", "PPLX", "PPLA4", "PPLA3", "PPLA2", "PPLL"]),
           ("H", 200, ["STM", "LK", "SPNG", "RSV", "BAY"]),
           ("S", 190, ["SCH", "CH", "BLDG", "FRM", "HTL"]),
           ("T", 130, ["MT", "HLL", "VAL", "PK", "RDGE"]),
           ("L", 40, ["PRK", "AREA", "LCTY"]),
           ("A", 35, ["ADM4", "ADM3", "ADM2", "ADMD"]),
           ("V", 10, ["FRST", "GRSLD"]),
           ("R", 10, ["RD", "TRL"]),
           ("U", 1, ["SMU"]),
           ("", 4, [""])]
SYL = ["ba", "ber", "ca", "char", "dan", "del", "el", "far", "gan", "ham", "hol", "ing",
       "ka", "ker", "la", "lot", "man", "mer", "na", "nor", "o", "pol", "ra", "ril",
       "sa", "ster", "ta", "ton", "ville", "wick", "bury", "ford", "field", "port",
       "mont", "ridge", "dale", "wood", "by", "stad", "berg", "burg", "holm", "dorf"]
WORDS = ["", "", "", "", "New ", "Lake ", "Port ", "San ", "North ", "Mount ", "East "]
OTHER = ["Берег", "Άγιος", "القرية", "村庄", "Dörfli", "Øvre"]


def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(14)
    weights = [w for _, w, _ in CLASSES]
    countries = []
    for i in range(250):
        cc = chr(65 + i // 26 % 26) + chr(65 + i % 26)
        countries.append((cc, ["%02d" % a for a in range(1, rnd.randint(2, 41))]))
    gid = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        buf = []
        for _ in range(rows):
            gid += rnd.choice((1, 1, 1, 2, 3))
            fclass, _, codes = rnd.choices(CLASSES, weights)[0]
            fcode = rnd.choice(codes)
            name = (rnd.choice(WORDS) +
                    "".join(rnd.choice(SYL) for _ in range(rnd.randint(2, 4)))).title()
            cc, a1s = rnd.choice(countries)
            pop = 0
            alts = ""
            if fclass == "P":
                r = rnd.random()
                if r < 0.12:
                    pop = int(100 / (1 - rnd.random()) ** 1.6)
                    if pop > 40000000:
                        pop = 40000000
                if r < 0.2:
                    alts = ",".join([name.upper()[:3], name + "a", rnd.choice(OTHER) + name[:3]])
            buf.append("%d\t%s\t%s\t%s\t%.5f\t%.5f\t%s\t%s\t%s\t\t%s\t%03d\t\t\t%d\t\t%d\t%s\t%s\n" % (
                gid, name, name, alts, rnd.uniform(-60, 70), rnd.uniform(-180, 180), fclass, fcode,
                cc, rnd.choice(a1s), rnd.randint(1, 12), pop, rnd.randint(0, 3000),
                "Etc/UTC", "2024-01-01"))
            if len(buf) >= 100000:
                f.write("".join(buf))
                buf = []
        f.write("".join(buf))
    print(rows)


if __name__ == "__main__":
    main()
