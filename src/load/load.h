/*
 * load.h: the load stage.  Reads gazetteer files (GeoNames dumps, our own
 * geodata/extra files, a newsroom's CSV) and builds the database through
 * db/db_write.h: places, names, region rows, look-alikes, cues, lexicon.
 *
 * Input kinds are recognised by CONTENT, never by file name, after
 * transparent decompression (.gz, .bz2, .xz, .zip through libarchive):
 *   GeoNames main table   19 tab-separated columns, numeric id first
 *   admin1CodesASCII      4 columns, code "XX.YY"
 *   admin2Codes           4 columns, code "XX.YY.ZZZ"
 *   countryInfo           '#' comment lines, then 19 columns, ISO code first
 *   alternateNamesV2      numeric alternateNameId, numeric geonameid, ...
 *                         (alternateNames.txt, the 8-column older layout,
 *                         too)
 *   our own files         first line "# placecheck-data: KIND v1", then
 *                         '#' comments and tab-separated rows; lists inside
 *                         a field are comma-separated (also '|' or ';'):
 *     countries-extra   ISO2  LAT  LON  DEMONYMS  SHORT_FORMS  [ABBREVIATIONS]
 *                       (abbreviations: read only where a region may
 *                       stand, as a state's are: "S.A.")
 *     country-names-foreign  ISO2  FORM  LANGUAGES (what other languages
 *                       call the country: alternate names, one a row)
 *     city-names-foreign  GEONAMEID  FORM  [LANGUAGES  ENGLISH  COUNTRY]
 *                       (what other languages call a big city: names of
 *                       kind DB_NAME_FOREIGN, one a row; a city this load
 *                       does not hold is left out)
 *     admin1-abbrev     COUNTRY  ADMIN1CODE  FORM  KIND(ap|postal|short)
 *     admin1-demonyms   COUNTRY  ADMIN1CODE  DEMONYMS
 *     regions           NAME  LAT  LON  MEMBERS  ALT_FORMS (members: ISO2
 *                       codes, a world region; or admin2 codes of one
 *                       admin1 region, "GB.ENG.Z7", a group of them read
 *                       as a first-level region: db.h DB_FCODE_ADMIN2_GROUP;
 *                       a member the load lacks in countryInfo or
 *                       admin2Codes makes the row bad, by file and line)
 *     cues              PHRASE  TARGET(geonameid|country:XX|admin1:XX.YY)  WEIGHT  NOTE
 *     lookalikes        NAME_A  NAME_B  (curated confusable names, both directions)
 *     topics            TOPIC  KIND(cue|member)  VALUE (a kind of story whose
 *                       nations are a known list: its cue phrases, and its
 *                       members as country:XX or admin1:XX.YY)
 *     lexicon           WORD  FLAGS (DB_LEX_* as a number, or letters
 *                       w=word g=given p=proper)
 *     postal            COUNTRY  ADMIN1CODE  NAME  LAT  LON: places a postal
 *                       service knows (a ZIP code's city), with no
 *                       population; loaded after every other place table
 *                       (load_postal.c says how they merge with those)
 *   Extra columns are ignored; missing optional columns are empty.
 * With --csv every input is a comma-separated file with a header row (RFC
 * 4180 quoting) and a column map (load_opts.columns).
 *
 * A zip is read entry by entry: GeoNames' US.zip holds US.txt and
 * readme.txt, alternateNamesV2.zip alternateNamesV2.txt and
 * iso-languagecodes.txt; each entry is recognised on its own and the ones
 * that are no known kind (the readme, the language codes) are left out.
 *
 * The GeoNames main table keeps the feature classes in
 * load_opts.fclasses (default LOAD_FCLASS_DEFAULT: populated places P and
 * administrative areas A); the other rows (streams, mountains, buildings)
 * are counted as left out, not as bad rows.  The alternateNames file keeps
 * the names a reader of English copy meets (load_geonames.c,
 * load_row_altnames): English (isolanguage "en"), abbreviations ("abbr"),
 * and names with no language that pass the alternate-name filter; not
 * other languages, codes, links, historic or colloquial names.
 *
 * Tab-separated files are parsed with libcsv with quoting OFF: GeoNames
 * fields may begin with '"', and a quote-aware parser merges rows.
 * Memory stays flat whatever the file size: rows are streamed one at a
 * time; only region aggregates and prominent keys are held.
 *
 * Bad rows (wrong field count, non-numeric id, coordinates out of range,
 * a population over LOAD_MAX_POPULATION, invalid UTF-8, unknown cue
 * target, an id an earlier row of the load already had: the first row
 * wins) are skipped and counted, each one reported through opts->warn;
 * with opts->strict the first one fails the load with its file:line.
 * Under --add, a row whose id is already in the database fails the load
 * (PC_ERR_USAGE, with its file:line) unless opts->replace.  Nothing is
 * half-written: the database is built in a temporary file and renamed
 * over the old one at the end (db_write.h), which refuses a result with
 * no populated place or fewer than half the old one's unless opts->force.
 * A compressed input that is damaged (a gzip CRC or length that does not
 * match, a truncated stream) is an error, never a short read.
 *
 * Ownership: the caller owns opts, the input paths and *stats (plain
 * values).  Never prints, never exits: progress, warnings and the summary
 * go through callbacks and struct load_stats; src/cli/cmd_load.c prints.
 */
#ifndef PC_LOAD_LOAD_H
#define PC_LOAD_LOAD_H

#include "base/diag.h"

#include <stddef.h>
#include <stdint.h>

enum load_kind {
	LOAD_KIND_UNKNOWN = 0,
	LOAD_KIND_COUNTRYINFO,
	LOAD_KIND_ADMIN1,
	LOAD_KIND_ADMIN2,
	LOAD_KIND_GEONAMES,
	LOAD_KIND_ALTNAMES,
	LOAD_KIND_COUNTRIES_EXTRA,
	LOAD_KIND_COUNTRY_NAMES_FOREIGN,
	LOAD_KIND_CITY_NAMES_FOREIGN,
	LOAD_KIND_ADMIN1_ABBREV,
	LOAD_KIND_ADMIN1_DEMONYMS,
	LOAD_KIND_REGIONS,
	LOAD_KIND_CUES,
	LOAD_KIND_LEXICON,
	LOAD_KIND_LOOKALIKES,
	LOAD_KIND_TOPICS,
	LOAD_KIND_CSV,
	LOAD_KIND_POSTAL, /* after every other place table: it merges with them */
	LOAD_KIND_COUNT
};

/* Static name of a kind ("geonames", "admin1", ...).  Never NULL. */
const char *load_kind_name(enum load_kind k);

/* The steps of a load, in order, as progress reports them. */
enum load_phase {
	LOAD_PHASE_READ = 0,    /* reading the files */
	LOAD_PHASE_REGIONS,     /* deriving the region rows */
	LOAD_PHASE_NAMES,       /* writing the names, prefixes and name filter */
	LOAD_PHASE_INDEXES,     /* creating the indexes */
	LOAD_PHASE_FINISH,      /* look-alike rows, meta, fsync, rename */
	LOAD_PHASE_COUNT
};

/*
 * Progress: of the file being read (about every 65,000 rows and at its
 * end), at the start of each later phase, and a few times a second within
 * those phases (db_build_set_tick).
 */
struct load_progress {
	const char *file;        /* display name */
	uint64_t rows;           /* rows read so far in this file (phase 0); name rows
				    written (phase 2) */
	uint64_t bytes, total;   /* bytes of the (compressed) file read, its size */
	double seconds;          /* since the load began */
	int phase;               /* enum load_phase */
};

struct load_file_stats {
	char path[512];
	enum load_kind kind;
	uint64_t rows;      /* rows loaded */
	uint64_t skipped;   /* bad rows skipped */
	uint64_t names;     /* name rows added */
	uint64_t left_out;  /* rows of other feature classes (main table), or
			       postal places merged with a place already there */
	/* What the file adds to the places searched, for meta "layers"
	 * ("GeoNames cities500", "US postal places"); "" for files that
	 * add no places (codes, names, our own tables). */
	char layer[200];
};

#define LOAD_MAX_FILES 256

struct load_stats {
	struct load_file_stats files[LOAD_MAX_FILES];
	size_t n_files;
	int64_t n_places, n_names, n_prefixes, n_lookalikes, n_regions;
	double seconds;
};

/*
 * Feature classes of the GeoNames main table, as a bit mask: bit
 * (C - 'A') for class letter C.  GeoNames' classes are A (countries,
 * states, regions), H (water), L (areas, parks), P (populated places),
 * R (roads), S (spots, buildings), T (mountains), U (undersea) and
 * V (forests).  A row with no class is kept only under "all".
 */
#define LOAD_FCLASS_BIT(c) (1u << ((c) - 'A'))
#define LOAD_FCLASS_ALL 0xffffffffu
/* A newsroom checks populated places and the regions they lie in. */
#define LOAD_FCLASS_DEFAULT (LOAD_FCLASS_BIT('P') | LOAD_FCLASS_BIT('A'))
#define LOAD_FCLASS_KNOWN "AHLPRSTUV"

/*
 * Parse a --feature-classes argument: class letters (either case),
 * separated by commas or not ("P,A", "pa"), or "all".  *MASK gets the
 * bits.  PC_ERR_USAGE with D set for an empty list or a letter that is no
 * GeoNames class.
 */
enum pc_rc load_parse_fclasses(const char *arg, unsigned *mask /* OUT */, struct diag *d);

struct load_opts {
	int strict;              /* fail on the first bad row */
	unsigned fclasses;       /* feature classes kept (LOAD_FCLASS_*); 0 = default */
	int add;                 /* add to a copy of the existing database */
	int replace;             /* with add: a row whose id is there replaces that place */
	int force;               /* replace the database even when the load would lose
				    most of its places (db_write.h, "Guard") */
	int csv;                 /* inputs are CSV with a header row */
	const char *columns;     /* --columns map for csv: "name=NAME,lat=LAT,..." */
	/* Called for each bad row (FILE:LINE and message in D); may be NULL. */
	void (*warn)(void *ud, const struct diag *d);
	/* Called with progress; may be NULL. */
	void (*progress)(void *ud, const struct load_progress *p);
	void *ud;
};

/*
 * Build the database at DB_PATH from the N_INPUTS files or directories in
 * INPUTS (a directory loads every recognised file in it and in its
 * subdirectories one level down; unrecognised files there are skipped).
 * Returns PC_OK, PC_ERR_USAGE (bad column map, an --add id collision
 * without --replace, or the guard refused: the message names the inputs),
 * PC_ERR_PARSE (an input is no known kind, or a bad row under --strict),
 * PC_ERR_IO (a file, a damaged compressed input, a target that is not a
 * regular file) or PC_ERR_DB, with details in D; on failure DB_PATH is
 * untouched.  STATS is filled as far as the load got.
 */
enum pc_rc load_run(const char *db_path, char *const *inputs, size_t n_inputs,
		    const struct load_opts *opts, struct load_stats *stats /* OUT */,
		    struct diag *d);

/* ---- pieces exposed for the unit tests -------------------------------- */

/*
 * Recognise the kind of a file from its first bytes (HEAD[0..LEN), after
 * decompression).  Returns LOAD_KIND_UNKNOWN when nothing fits.
 */
enum load_kind load_sniff(const char *head, size_t len);

/*
 * How two keys are alike: DB_ALIKE_SUFFIX, DB_ALIKE_PREFIX, DB_ALIKE_EDIT,
 * or 0.  BOTH_COUNTRIES relaxes the edit rule for 4-letter keys (Iran/Iraq).
 * The same rules as the look-alike pass, for one pair.
 */
int load_alike_kind(const char *a, const char *b, int both_countries);

/* Is a place prominent enough for the look-alike table? */
int load_is_prominent(const char *fcode, int64_t population);

#endif
