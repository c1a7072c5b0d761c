/*
 * db.h: the gazetteer database, read side.  The only stage that includes
 * sqlite3.h.  Built by `placecheck load` (write side: db_write.h), read by
 * match/context/resolve/detect and the query commands.
 *
 * Ownership: struct db owns the sqlite3 handle and every prepared statement;
 * db_close() finalizes them all.  Results are copied into caller-provided
 * structs (fixed-size fields) or into an arena the caller passes, never left
 * pointing into SQLite's buffers.  A struct db is used by one thread at a
 * time: open one per thread.
 * Never prints, never exits.
 *
 * Schema (DB_SCHEMA_VERSION; db_open refuses other versions with a message
 * naming the command that rebuilds the database):
 *
 *   Tables looked up by a text key are WITHOUT ROWID (one b-tree per lookup).
 *
 *   meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID
 *       schema_version, built_at, sources, max_name_words, n_places,
 *       layers (the place layers loaded, one label a line: "GeoNames
 *       cities500", "US postal places"; absent in older databases)
 *   places(id INTEGER PRIMARY KEY, name TEXT NOT NULL, asciiname TEXT,
 *          lat REAL NOT NULL, lon REAL NOT NULL, fclass TEXT, fcode TEXT,
 *          country TEXT, cc2 TEXT, admin1 TEXT, admin2 TEXT, admin3 TEXT,
 *          admin4 TEXT, population INTEGER, elevation INTEGER, dem INTEGER,
 *          timezone TEXT, modified TEXT, kind INTEGER NOT NULL)
 *       Every reading the checker can choose: populated places (kind 0) and
 *       one row per country (1), admin1 region (2), admin2 region (3) and
 *       world region/continent (4).  A region's row is its own GeoNames
 *       feature when one was loaded (PCLI/ADM1/ADM2 row, id = geonameid);
 *       otherwise a synthetic row with a negative id (stable across loads),
 *       whose point is the published centre (countries) or the mean of the
 *       places inside it, and whose population is the sum of theirs.
 *   countries(iso2 TEXT PRIMARY KEY, iso3 TEXT, name TEXT, capital TEXT,
 *          continent TEXT, population INTEGER, neighbours TEXT, place_id INTEGER)
 *          WITHOUT ROWID
 *   admin1(code TEXT PRIMARY KEY,   -- "US.VA"
 *          country TEXT, a1 TEXT, name TEXT, asciiname TEXT,
 *          geonameid INTEGER, place_id INTEGER) WITHOUT ROWID
 *   admin2(code TEXT PRIMARY KEY,   -- "US.VA.003"
 *          country TEXT, a1 TEXT, a2 TEXT, name TEXT, asciiname TEXT,
 *          geonameid INTEGER, place_id INTEGER) WITHOUT ROWID
 *   names(key TEXT NOT NULL, place_id INTEGER NOT NULL, kind INTEGER NOT NULL,
 *          form TEXT NOT NULL, PRIMARY KEY(key, place_id, kind, form))
 *          WITHOUT ROWID             -- rows stored in key order; partial
 *                                      indexes names_abbrev(place_id) WHERE kind = 3,
 *                                      names_demonym(place_id) WHERE kind = 4
 *       key = db_key() of form; kind = enum db_name_kind (6, another
 *       language's name of a city, since schema version 2).
 *   lookalikes(key_a TEXT NOT NULL, key_b TEXT NOT NULL, kind INTEGER NOT NULL,
 *          dist INTEGER NOT NULL, PRIMARY KEY(key_a, dist, kind, key_b))
 *          WITHOUT ROWID             -- both directions
 *   cues(key TEXT NOT NULL, phrase TEXT NOT NULL, place_id INTEGER NOT NULL,
 *          weight REAL NOT NULL)
 *   topics(topic TEXT NOT NULL, key TEXT NOT NULL, phrase TEXT NOT NULL,
 *          member TEXT NOT NULL)     -- since schema version 3: a cue row
 *                                      (member '') or a member row (key ''),
 *                                      member "AU" or "GB.ENG"
 *   lexicon(key TEXT PRIMARY KEY, flags INTEGER NOT NULL) WITHOUT ROWID  -- DB_LEX_*
 *   name_prefixes(prefix TEXT PRIMARY KEY) WITHOUT ROWID
 *       every proper word-prefix of a multi-word name key ("new", "new york"
 *       for "new york mills"), so the matcher knows when to extend a span.
 *   near_keys(del TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY(del, key)) WITHOUT ROWID
 *       near-miss index: every prominent name key (the look-alike set,
 *       demonyms included) and each of its one-deletion variants, so that
 *       a misspelling is matched by symmetric deletion, never by a scan.
 *   region_members(place_id INTEGER, country TEXT)  -- world region -> countries
 *   blobs(name TEXT PRIMARY KEY, data BLOB NOT NULL)
 *       "name_bloom": base/bloom.h filter over every names.key and every
 *       name_prefixes.prefix, loaded once a connection has probed enough
 *       words (db_probe in db_int.h) for the matcher's fast path.  A rowid
 *       table, so that the filter is read with incremental blob I/O.
 *       "near_bloom": the same kind of filter over every near_keys.del,
 *       loaded with name_bloom: most deletions of a word are no stored
 *       variant (three in four of a 1,000-article run's probes), and those
 *       need no query.  A database without it is searched as before.
 */
#ifndef PC_DB_DB_H
#define PC_DB_DB_H

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"

#include <stddef.h>
#include <stdint.h>

/* 2: names.kind DB_NAME_FOREIGN.  A version-1 reader would take such a
 * row for a place's own name (it excludes only the kinds it knows), so
 * the versions refuse each other's databases. */
#define DB_SCHEMA_VERSION 3

/* places.kind */
enum db_place_kind {
	DB_KIND_PLACE = 0,
	DB_KIND_COUNTRY = 1,
	DB_KIND_ADMIN1 = 2,
	DB_KIND_ADMIN2 = 3,
	DB_KIND_REGION = 4, /* continent or world region: Europe, Middle East */
};

/*
 * A postal place: a town a postal service knows (the city of a US ZIP
 * code, geodata/postal-us.tsv.gz) that no populated place of the same name
 * lies near in the same state.  Its row has feature class P, this feature
 * code (not one of GeoNames'), no population (NULL: read as 0, so its
 * prior is the lowest), and an id from DB_POSTAL_ID_BASE up (hash of
 * country, admin1 and name key, load_postal.c): below DB_CSV_ID_BASE,
 * far above any GeoNames id.
 */
#define DB_FCODE_POSTAL "PPLP"
#define DB_POSTAL_ID_BASE INT64_C(8000000000000)
#define DB_POSTAL_ID_SPAN INT64_C(1000000000000)

/*
 * A group of second-level divisions read as a first-level region: a UK
 * ceremonial county (Cheshire: Cheshire East, Cheshire West and Chester,
 * Halton, Warrington), which copy writes where a US story writes a state
 * ("Crewe, Cheshire").  Its row has kind DB_KIND_ADMIN1, the country and
 * admin1 code its members share, this feature code (not one of
 * GeoNames'), and in admin2 its members' admin2 codes, comma-separated
 * ("Z7,Z8,E9,P2"); region_members lists the full codes.  Declared in a
 * regions file whose members are admin2 codes (load_extra.c).
 */
#define DB_FCODE_ADMIN2_GROUP "ADM2G"

/*
 * Countries whose second-level regions are counties that copy names as
 * readily as a state (West Sussex, North Tyneside, County Cork): their
 * names take part in the look-alikes (load_lookalike.c) like a
 * first-level region's.  As an SQL list, for the --add path's query.
 */
#define DB_COUNTY_COUNTRIES_SQL "('GB','IE')"
/* Is CC one of DB_COUNTY_COUNTRIES_SQL? */
int db_county_country(const char *cc);

/* names.kind */
enum db_name_kind {
	DB_NAME_MAIN = 0,    /* GeoNames name */
	DB_NAME_ASCII = 1,   /* GeoNames asciiname */
	DB_NAME_ALT = 2,     /* alternate name */
	DB_NAME_ABBREV = 3,  /* AP/postal/ISO abbreviation: "Va.", "VA", "N.C." */
	DB_NAME_DEMONYM = 4, /* "Australian", "Virginian": evidence, not a mention */
	DB_NAME_SHORT = 5,   /* common short form: "U.S.", "Britain", "DRC" */
	/*
	 * Another language's name of a city ("Moskau", "Nueva York":
	 * geodata/extra/city-names-foreign.tsv), beside the DB_NAME_ALT row
	 * that cities500 usually has for the same key: its alternate names
	 * carry no language, and only this row says the form is not English.
	 * Never a hit's name_kind: the name lookups read it as DB_NAME_ALT
	 * with the hit's FOREIGN flag set; the region and prefix lookups
	 * leave it out.
	 */
	DB_NAME_FOREIGN = 6,
};

/* lookalikes.kind: how two names are alike */
enum db_alike_kind {
	DB_ALIKE_SUFFIX = 1, /* one extends the other with a place suffix: Charlotte/Charlottesville */
	DB_ALIKE_PREFIX = 2, /* a prefix or suffix word: York/New York, Kansas/Kansas City */
	DB_ALIKE_EDIT = 3,   /* small edit distance: Colombia/Columbia, Austria/Australia */
	DB_ALIKE_LISTED = 4, /* a curated pair (geodata/extra/lookalikes.tsv): Sweden/Switzerland */
	DB_ALIKE_SAME = 5,   /* curated: accepted spellings of one place (Odessa/Odesa,
			      * Kochi/Cochin); never a finding, and not returned
			      * by db_lookalikes() */
};

/* lexicon.flags */
enum {
	DB_LEX_WORD = 1,  /* an English dictionary word in lower case (mobile, reading) */
	DB_LEX_GIVEN = 2, /* a common given name (Charlotte, Austin, Sydney) */
	DB_LEX_PROPER = 4, /* a capitalised dictionary entry (surname, proper noun) */
};

/* db_open flags */
enum {
	DB_OPEN_READONLY = 1,
};

struct db;

/* One place row, copied out of SQLite. */
struct db_place {
	int64_t id;          /* GeoNames id; negative = synthetic region row */
	char name[128];
	char asciiname[64];
	double lat, lon;
	char fclass[2];
	char fcode[12];
	char country[4];     /* ISO 3166-1 alpha-2, "" if none */
	char admin1[24];     /* GeoNames admin1 code, "" if none */
	char admin2[48];
	int64_t population;
	int kind;            /* enum db_place_kind */
};

/* A candidate reading from a names lookup. */
struct db_hit {
	struct db_place place;
	int name_kind;       /* enum db_name_kind of the best matching name */
	int foreign;         /* the key is also a DB_NAME_FOREIGN name of the place */
	char form[64];       /* the name as stored, e.g. "Va." or "VA" */
};

struct db_alike {
	char key[128];       /* the other name's key */
	int kind;            /* enum db_alike_kind */
	int dist;            /* edit distance between the keys */
};

struct db_cue {
	char *key;           /* folded phrase, arena-owned */
	char *phrase;        /* as written in the cue file */
	int64_t place_id;    /* read the place with db_place_get() when needed */
	double weight;
};

/*
 * Open the database at PATH.  FLAGS: DB_OPEN_READONLY.  Checks the schema
 * version; a missing file, another schema version or a file that is not a
 * placecheck database gives PC_ERR_DB with a message that names the command
 * to run.  *OUT is owned by the caller; release with db_close().
 */
enum pc_rc db_open(const char *path, int flags, struct db **out /* OUT */,
		   struct diag *d);
void db_close(struct db *db);

/*
 * Read errors.  Every lookup that fails in SQLite (a damaged page, a
 * lock held by a writer past the busy timeout, no memory) records the
 * first such error in DB, also those that answer "no" or "nothing" and
 * take no diag (db_names_may_extend, db_lexicon_flags, db_region_label,
 * ...).  A caller asks db_status() when its work is done: PC_OK, or
 * PC_ERR_DB with a message naming the database and the way to rebuild
 * it (or, when it is locked, to try again).  db_status_clear() forgets
 * the error (before the next document or question).
 */
enum pc_rc db_status(struct db *db, struct diag *d);
void db_status_clear(struct db *db);

/*
 * Where the database is: EXPLICIT (from --db) if not NULL, else
 * $PLACECHECK_DB, else geodata/places.db when it exists relative to the
 * current directory or to the executable's source tree, else
 * PC_DATADIR/places.db.  Writes the path into OUT.
 */
void db_locate(const char *explicit_path, const char *argv0, struct buf *out);

/*
 * Fold a name into its lookup key: utf8_fold() plus the place-word
 * expansions that make "St. Louis" and "Saint Louis", "Ft. Worth" and
 * "Fort Worth" meet.  Appends to OUT.  Returns PC_ERR_PARSE on invalid UTF-8.
 */
enum pc_rc db_key(const char *s, size_t len, struct buf *out);

/*
 * Every reading of the name with key KEY, best name kind per place, ordered
 * by population descending.  At most MAX hits; *N_OUT set to the count.
 * HITS is caller-owned (MAX elements).
 */
enum pc_rc db_names_lookup(struct db *db, const char *key, struct db_hit *hits,
			   size_t max, size_t *n_out /* OUT */, struct diag *d);

/*
 * Non-zero if some name key starts with PREFIX followed by a space or ends
 * there: lets the matcher stop extending a span early.  Cheap: served from
 * an in-memory filter built at open.
 */
int db_names_may_extend(struct db *db, const char *prefix);

/* Is P a postal place (DB_FCODE_POSTAL)? */
int db_place_is_postal(const struct db_place *p);
/* Is P a group of admin2 units read as a first-level region (DB_FCODE_ADMIN2_GROUP)? */
int db_place_is_admin2_group(const struct db_place *p);

/*
 * Is P inside region R (a country, admin1 or admin2 row)?  0 for other
 * kinds of R.  An admin2 row holds what carries its admin1 and admin2
 * codes.  An admin1 row that groups second-level divisions (DB_FCODE_ADMIN2_GROUP:
 * a UK ceremonial county, geodata/extra/uk-counties.tsv) holds what lies in
 * one of the admin2 codes of its admin2 field, a comma-separated list.
 */
int db_place_in_region(const struct db_place *p, const struct db_place *r);
/*
 * The id of the group of admin2 units (a UK ceremonial county,
 * DB_FCODE_ADMIN2_GROUP) whose members include the admin2 unit of place
 * P (Tyne and Wear for Sunderland); 0 if none.
 */
int64_t db_admin2_group_of(struct db *db, const struct db_place *p);
/* Does the comma-separated admin2 code LIST hold CODE as one whole item?
 * 0 for an empty CODE or one with a comma. */
int db_admin2_list_has(const char *list, const char *code);

/* One place by id.  PC_ERR_DB with "no such place" if absent. */
enum pc_rc db_place_get(struct db *db, int64_t id, struct db_place *out /* OUT */,
			struct diag *d);

/*
 * Is B an accepted spelling of the place named A (DB_ALIKE_SAME)?  Then a
 * text that writes A for B's place is right, whatever else A names.
 */
int db_same_spelling(struct db *db, const char *a, const char *b);

/* The look-alikes of KEY (at most MAX), closest first (no DB_ALIKE_SAME). */
enum pc_rc db_lookalikes(struct db *db, const char *key, struct db_alike *out,
			 size_t max, size_t *n_out /* OUT */, struct diag *d);

/* Region names: "Virginia" for ("US","VA"); "" if unknown.  OUT of SIZE bytes. */
void db_admin1_name(struct db *db, const char *country, const char *admin1,
		    char *out, size_t size);
void db_admin2_name(struct db *db, const char *country, const char *admin1,
		    const char *admin2, char *out, size_t size);
void db_country_name(struct db *db, const char *country, char *out, size_t size);
/* What db_name_in_region found, when asked. */
struct db_in_region {
	int name_kind;      /* DB_NAME_*: how the place carries the name */
	int64_t population;
	char name[128];     /* the place's own name (truncated) */
};

/*
 * Id of a place (not a region row) named KEY that lies in COUNTRY and, if
 * ADMIN1 is not NULL or "", in that admin1 region, and, if ADMIN2S is not
 * NULL or "", in one of its comma-separated admin2 codes (a group row's
 * admin2 field); 0 if there is none.
 * Exact where a names lookup is capped at the most populous readings.
 * A place carrying KEY as its own name is preferred to one carrying it as
 * an alternate name, then the more populous.  OUT, if not NULL, describes
 * the place found.
 */
int64_t db_name_in_region(struct db *db, const char *key, const char *country, const char *admin1,
			  const char *admin2s, struct db_in_region *out);

/* A place a misspelling may have been meant as (db_near_in_region). */
struct db_near_name {
	struct db_hit hit;   /* the place, and how it carries the name */
	char key[128];       /* the name's key */
	int dist;            /* OSA distance from the word asked */
};

/*
 * Populated places in COUNTRY (and ADMIN1, ADMIN2S, as db_name_in_region)
 * carrying, as their own name, a key within OSA distance MAXD of KEY that
 * starts with KEY's first three letters: what a misspelt name that the writer
 * placed in that region was meant to be ("Wilmont, N.H.": Wilmot).  KEY
 * itself is left out.  Closest first, then most populous; at most MAX.
 * Reads the names that share KEY's first three letters (cached per word
 * and region), so ask it only of the rare name a qualifier says is not
 * in its region.
 */
enum pc_rc db_near_in_region(struct db *db, const char *key, const char *country, const char *admin1,
			     const char *admin2s, int maxd, struct db_near_name *out, size_t max,
			     size_t *n_out /* OUT */, struct diag *d);

/*
 * Populated places within RADIUS_KM of LAT,LON that carry, as their own
 * name or its ASCII spelling, a key one edit (OSA) from KEY: what a
 * misspelt name of a small town was meant to be, read around a place the
 * story names ("Harwick" in a story from Selkirk: Hawick, 16 km away).
 * Unlike db_near_in_region, the first letters may be the slip
 * ("Fartmouth").  Every one-edit variant of KEY is asked of the names
 * filter, and the few it lets through of the names index: a word costs
 * a few hundred filter probes, never a scan of the circle.  Most
 * populous first; at most MAX; cached per word and point.  A KEY longer
 * than DB_AROUND_KEY_MAX bytes has none.
 */
#define DB_AROUND_KEY_MAX 60
enum pc_rc db_near_around(struct db *db, const char *key, double lat, double lon, double radius_km,
			  struct db_near_name *out, size_t max, size_t *n_out /* OUT */, struct diag *d);

/*
 * The capital of a country (ADMIN1 NULL or ""): its PPLC place; or the seat
 * of the first-level region ADMIN1 of COUNTRY: its PPLA place, the most
 * populous if GeoNames lists several (Toronto for Ontario, which holds
 * Ottawa), else the national capital if it lies there.  1 and *OUT
 * filled, or 0 if GeoNames names none.
 */
int db_region_capital(struct db *db, const char *country, const char *admin1, struct db_place *out);

/* Is P a national capital or seat of government (PPLC, PPLG), or, with
 * ADMIN1_TOO, a first-level region's seat (PPLA)? */
int db_place_is_capital(const struct db_place *p, int admin1_too);

/* Has place ID a demonym (a name of kind DB_NAME_DEMONYM: "Welsh" for
 * Wales)?  A region its people are named for is named on purpose. */
int db_place_has_demonym(struct db *db, int64_t id);

/* Do countries A and B (ISO alpha-2) share a border (countries.neighbours)? */
int db_country_neighbours(struct db *db, const char *a, const char *b);

/* The region's own row id (country: admin1 == NULL). 0 if unknown. */
int64_t db_region_place_id(struct db *db, const char *country, const char *admin1);

/*
 * Short label of a region for suggestions: the AP abbreviation with its
 * period for a US state ("Va.", "N.C."), else the admin1 name, else the
 * country name.  COUNTRY required; ADMIN1 may be "" or NULL.
 */
void db_region_label(struct db *db, const char *country, const char *admin1,
		     char *out, size_t size);

/* Lexicon flags (DB_LEX_*) of KEY; 0 when unknown. */
int db_lexicon_flags(struct db *db, const char *key);

/* A row of the topics table (see the schema above), arena-owned strings. */
struct db_topic_row {
	char *topic;
	char *key;     /* folded cue phrase, or "" for a member row */
	char *phrase;  /* the cue as written, or "" */
	char *member;  /* "AU", "GB.ENG", or "" for a cue row */
};

/* All topic rows, copied into arena A; *ROWS an arena array of *N_OUT. */
enum pc_rc db_topics_all(struct db *db, struct arena *a, struct db_topic_row **rows /* OUT */,
			 size_t *n_out /* OUT */, struct diag *d);

/*
 * All cue phrases, copied into arena A (which must outlive their use).
 * *CUES is an arena array of *N_OUT entries.
 */
enum pc_rc db_cues_all(struct db *db, struct arena *a, struct db_cue **cues /* OUT */,
		       size_t *n_out /* OUT */, struct diag *d);

/*
 * Prominent name keys within OSA distance MAXD (1 or 2) of KEY, found
 * through the near_keys deletion index (KEY itself is left out).  OUT holds
 * MAX entries: key, dist (kind is 0).  Closest first.
 */
enum pc_rc db_near_keys(struct db *db, const char *key, int maxd, struct db_alike *out,
			size_t max, size_t *n_out /* OUT */, struct diag *d);

/* Metadata value for KEY copied into OUT ("" if absent). */
void db_meta_get(struct db *db, const char *key, char *out, size_t size);

/* --- db_lookup.c: query-command lookups --- */

/*
 * Every place with a name whose key is KEY (demonyms left out: they are
 * evidence, not names), best name kind per place, most populous first.
 * At most MAX.  *HITS is an array of *N_OUT entries allocated from A.
 */
enum pc_rc db_lookup_names(struct db *db, const char *key, size_t max, struct arena *a,
			   struct db_hit **hits /* OUT */, size_t *n_out /* OUT */,
			   struct diag *d);

/* A populated place and its great-circle distance from a point. */
struct db_near {
	struct db_place place;
	double dist_km;
};

/*
 * Populated places (kind 0) within RADIUS_KM of LAT,LON, nearest first.
 * At most MAX; *N_TOTAL (may be NULL) is how many lie within the radius.
 * Scans a latitude/longitude box (crossing the antimeridian when it must),
 * then measures exact distances.  *OUT allocated from A.
 */
enum pc_rc db_lookup_near(struct db *db, double lat, double lon, double radius_km,
			  size_t max, struct arena *a, struct db_near **out /* OUT */,
			  size_t *n_out /* OUT */, size_t *n_total /* OUT, may be NULL */,
			  struct diag *d);

/*
 * The dotted abbreviation of a first-level region ("Va.", "Ill.", "N.C.",
 * "W.Va."), found by probing the names index with the keys such an
 * abbreviation can have: fast, where db_region_label() scans every name
 * (there is no index on names.place_id).  Finds every US state's AP form;
 * may miss irregular ones elsewhere ("Nfld.", "Qld.").  OUT gets "" when
 * none is found.
 */
void db_lookup_abbrev(struct db *db, const char *country, const char *admin1,
		      char *out, size_t size);

/*
 * Hold one read transaction across the many small lookups of one answer:
 * outside a transaction SQLite takes and drops its file lock (and checks
 * the file) around every statement.  Returns 1 if it began a transaction,
 * 0 if one was already open (or BEGIN failed: the lookups then run as
 * before).  Pass the result to db_read_end(), which ends only what its
 * db_read_begin() began.
 */
int db_read_begin(struct db *db);
void db_read_end(struct db *db, int began);

/* One distinct name key that starts with a prefix. */
struct db_key_match {
	char key[128];
	char form[128];      /* the name as written, of its most populous place */
	int64_t place_id;    /* that place */
	int64_t population;
	int place_kind;      /* enum db_place_kind */
	int name_kind;       /* enum db_name_kind */
};

/*
 * Distinct name keys starting with PREFIX (a db_key() or its start), whose
 * place kind is in the bit mask KINDS (1 << DB_KIND_...), most populous
 * first, alternate names (often in other languages) after all the others.
 * At most MAX.  Looks at no more than a few thousand name rows, so
 * a one-letter prefix answers as fast as a long one (and less completely).
 * *OUT allocated from A.
 */
enum pc_rc db_lookup_prefix(struct db *db, const char *prefix, unsigned kinds, size_t max,
			    struct arena *a, struct db_key_match **out /* OUT */,
			    size_t *n_out /* OUT */, struct diag *d);

#endif
