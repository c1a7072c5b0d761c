#!/bin/sh
# placecheck load on small fixtures: places, names, regions, abbreviations,
# cues (an unknown target is a skipped bad row), other languages' names of
# countries, a name that begins with a double quote (must not swallow the
# next row), countryInfo comment lines.
. "$(dirname "$0")/lib.sh"
fx=$top/tests/fixtures/load
fail() { echo "FAIL: $*"; exit 1; }
q() { sqlite3 "$tmp/p.db" "$1"; }

"$P" load --db "$tmp/p.db" "$fx/geo" "$fx/extra" 2>"$tmp/err" || { cat "$tmp/err"; fail "load exited $?"; }
grep -q 'cues.tsv:6: cue target not in the database: 99999999' "$tmp/err" ||
	{ cat "$tmp/err"; fail "unknown cue target not reported with file:line"; }

[ "$(q 'SELECT value FROM meta WHERE key="schema_version"')" = 3 ] || fail "schema_version"
[ "$(q 'SELECT count(*) FROM places WHERE kind=0')" = 7 ] || fail "expected 7 place rows (the 8th is the ADM1 region), got $(q 'SELECT count(*) FROM places WHERE kind=0')"
# The quoted name is its own row and the row after it survived.
[ "$(q "SELECT name FROM places WHERE id=9000001")" = '"Quoted" Town' ] || fail "quoted name"
[ "$(q "SELECT name FROM places WHERE id=9000002")" = 'After Quote' ] || fail "row after the quoted name merged"
[ "$(q "SELECT asciiname FROM places WHERE id=9000001")" = '"Quoted Town' ] || fail "unclosed quote in a field"
# countryInfo: comments skipped by their '#', 5 countries (Canada and Mexico
# without places, there as North America's members: regions.tsv).
[ "$(q 'SELECT count(*) FROM countries')" = 5 ] || fail "countries: $(q 'SELECT count(*) FROM countries')"
grep -q 'region member not in the database' "$tmp/err" && { cat "$tmp/err"; fail "North America's members reported unknown"; }
[ "$(q "SELECT place_id FROM countries WHERE iso2='US'")" = 6252001 ] || fail "country row id = countryInfo geonameid"
[ "$(q "SELECT kind FROM places WHERE id=6252001")" = 1 ] || fail "country row kind"
[ "$(q "SELECT lat||','||lon FROM places WHERE id=6252001")" = "38.0,-97.0" ] || fail "country centre from countries-extra"
# The ADM1 feature in the main table is Virginia's own row; Maine gets a synthetic one.
[ "$(q "SELECT place_id FROM admin1 WHERE code='US.VA'")" = 6254928 ] || fail "own ADM1 feature not used"
[ "$(q "SELECT kind FROM places WHERE id=6254928")" = 2 ] || fail "ADM1 feature kind"
me=$(q "SELECT place_id FROM admin1 WHERE code='US.ME'")
[ "$me" -lt 0 ] 2>/dev/null || fail "synthetic admin1 id for Maine: $me"
[ "$(q "SELECT lat||','||lon||','||population FROM places WHERE id=$me")" = "43.65737,-70.2589,68408" ] ||
	fail "Maine's point is not the mean of its places: $(q "SELECT lat||','||lon||','||population FROM places WHERE id=$me")"
# Names: main, abbreviation with its exact form, demonym, short form, no junk alternates.
[ "$(q "SELECT count(*) FROM names WHERE key='charlottesville' AND place_id=4752031 AND kind=0")" = 1 ] || fail "main name"
[ "$(q "SELECT group_concat(form, ' ') FROM (SELECT form FROM names WHERE key='va' AND kind=3 AND place_id=6254928 ORDER BY form)")" = "VA Va." ] ||
	fail "abbreviations Va./VA: $(q "SELECT group_concat(form) FROM names WHERE key='va'")"
[ "$(q "SELECT count(*) FROM names WHERE key='cho'")" = 0 ] || fail "airport code CHO kept as a name"
[ "$(q "SELECT count(*) FROM names WHERE key='australian' AND kind=4")" = 1 ] || fail "demonym"
[ "$(q "SELECT count(*) FROM names WHERE key='us' AND kind=5 AND place_id=6252001")" = 1 ] || fail "short form U.S."
# Other languages' names of a country (country-names-foreign): alternate
# names of the country row, keyed like every name, the form as written.
[ "$(q "SELECT form FROM names WHERE key='osterreich' AND kind=2 AND place_id=(SELECT place_id FROM countries WHERE iso2='AT')")" = "Österreich" ] ||
	fail "foreign name Österreich: $(q "SELECT place_id||' '||kind||' '||form FROM names WHERE key='osterreich'")"
[ "$(q "SELECT count(*) FROM names WHERE key='estados unidos' AND kind=2 AND place_id=6252001")" = 1 ] || fail "foreign name Estados Unidos"
# Other languages' names of a city (city-names-foreign): kind 6 of the
# place with that geonameid, the form as written.
[ "$(q "SELECT place_id||' '||kind||' '||form FROM names WHERE key='charlotta'")" = "4460243 6 Charlotta" ] ||
	fail "city foreign name Charlotta: $(q "SELECT place_id||' '||kind||' '||form FROM names WHERE key='charlotta'")"
[ "$(q "SELECT place_id FROM names WHERE key='portlandia' AND kind=6")" = 5746545 ] || fail "city foreign name Portlandia"
[ "$(q "SELECT count(*) FROM (SELECT key, place_id, kind, CASE WHEN kind=3 THEN form END FROM names GROUP BY 1,2,3,4 HAVING count(*)>1)")" = 0 ] ||
	fail "duplicate name rows"
# Counties: the full name only.
[ "$(q "SELECT count(*) FROM names WHERE key='albemarle county'")" = 1 ] || fail "county name"
[ "$(q "SELECT count(*) FROM names WHERE key='albemarle'")" = 0 ] || fail "bare county name indexed"
# Cues resolved (3 of 4), prefixes, bloom, lexicon, world region.
[ "$(q 'SELECT count(*) FROM cues')" = 3 ] || fail "cues"
[ "$(q "SELECT place_id FROM cues WHERE phrase='Old Dominion'")" = 6254928 ] || fail "admin1 cue target"
[ "$(q "SELECT count(*) FROM name_prefixes WHERE prefix IN ('charlotte','charlotte court')")" = 2 ] || fail "name prefixes"
[ "$(q "SELECT length(data) > 12 FROM blobs WHERE name='name_bloom'")" = 1 ] || fail "bloom blob"
[ "$(q "SELECT length(data) > 12 FROM blobs WHERE name='near_bloom'")" = 1 ] || fail "near-miss bloom blob"
[ "$(q "SELECT flags FROM lexicon WHERE key='charlotte'")" = 2 ] || fail "lexicon"
[ "$(q "SELECT count(*) FROM places p JOIN region_members m ON m.place_id=p.id WHERE p.kind=4 AND p.name='North America'")" = 3 ] || fail "region members"
# Look-alikes both ways.
[ "$(q "SELECT kind||','||dist FROM lookalikes WHERE key_a='charlotte' AND key_b='charlottesville'")" = "1,6" ] || fail "charlotte/charlottesville"
[ "$(q "SELECT kind FROM lookalikes WHERE key_a='charlottesville' AND key_b='charlotte'")" = 1 ] || fail "reverse direction"
[ "$(q "SELECT kind||','||dist FROM lookalikes WHERE key_a='austria' AND key_b='australia'")" = "3,2" ] || fail "austria/australia"
[ "$(q "SELECT kind FROM lookalikes WHERE key_a='austrian' AND key_b='australian'")" = 3 ] || fail "austrian/australian"
[ "$(q "SELECT count(*) FROM near_keys WHERE key='australia' AND del IN ('australia','austalia','australi')")" = 3 ] ||
	fail "near_keys deletion index"
[ "$(q "SELECT count(*) FROM near_keys WHERE del='charlote' AND key='charlotte'")" = 1 ] || fail "near_keys: a double letter deleted once"
[ "$(q "SELECT count(*) FROM near_keys WHERE key='after quote'")" = 0 ] || fail "near_keys holds a key that is not prominent"
[ "$(q "SELECT max_words FROM (SELECT value AS max_words FROM meta WHERE key='max_name_words')")" = 3 ] || fail "max_name_words"
ls "$tmp" | grep -q tmp- && fail "temp file left behind"

# alternateNamesV2 next to the main table (issue 14): English names and
# names with no language that pass the alternate-name filter, abbreviations
# as ABBREV; not other languages, codes (iata), historic or colloquial
# names, names of places not loaded; no duplicates.
"$P" load --db "$tmp/p.db" "$fx/geo" "$fx/alt/alternateNamesV2.txt" 2>"$tmp/err" || { cat "$tmp/err"; fail "alternateNames load"; }
[ "$(q "SELECT count(*) FROM names WHERE key='charlotte city' AND place_id=4460243 AND kind=2")" = 1 ] || fail "English alternate name"
[ "$(q "SELECT count(*) FROM names WHERE key='falmouth neck' AND place_id=4975802 AND kind=2")" = 1 ] || fail "alternate name with no language"
[ "$(q "SELECT count(*) FROM names WHERE key='c ville' AND place_id=4752031 AND kind=3")" = 1 ] || fail "abbr alternate"
[ "$(q "SELECT count(*) FROM names WHERE key IN ('cho','nowhere town','old charlotte town','queen city','charlottesville in virginia','portlande')")" = 0 ] ||
	fail "alternates kept that are codes, historic, colloquial, of another language or of no loaded place: $(q "SELECT group_concat(form) FROM names WHERE key IN ('cho','nowhere town','old charlotte town','queen city','charlottesville in virginia','portlande')")"
[ "$(q "SELECT count(*) FROM names WHERE form='portland' AND kind=2")" = 0 ] || fail "a lower-case alternate with no language kept"
[ "$(q "SELECT count(*) FROM names WHERE key='charlottesville' AND place_id=4752031")" = 1 ] || fail "alternate duplicates the main name"
grep -q 'alternateNames .* 4 rows, 4 names, 7 left out' "$tmp/err" || { cat "$tmp/err"; fail "alternateNames summary"; }
echo "ok"
