/*
 * db_write.h: the gazetteer database, write side, used only by the load
 * stage.  Implemented in db_schema.c (tables, indexes, open/commit/abort),
 * db_write.c (row inserts, batched), db_write_finish.c (region rows,
 * region names, cues), db_write_names.c (the names, sorted in memory or
 * in spilled runs), db_write_prefixes.c (name prefixes, the Bloom
 * filter), db_write_ids.c (the ids seen, for repeated ones) and
 * db_write_target.c (the file replaced: links, lock, mode).  The schema
 * itself is documented in db.h; this side adds one table that db.h's
 * comment should list:
 *
 *   region_members(place_id INTEGER NOT NULL, country TEXT NOT NULL)
 *       the member countries (ISO alpha-2) of each world region row
 *       (places.kind 4: Europe, the Middle East...).  Index on place_id.
 *
 * Atomicity: db_build_begin() creates a NEW file next to the target
 * ("PATH.tmp-PID"); rows go in inside one transaction; db_build_commit()
 * derives the region rows and the derived tables, creates the indexes,
 * fsyncs, and rename()s the file over PATH.  db_build_abort() (or a
 * crash/kill at any point) leaves PATH exactly as it was.  The temporary
 * file is built with journal_mode=OFF and synchronous=OFF: crash safety
 * comes from the rename, not from SQLite's journal.
 *
 * The target: PATH must be absent or a regular file (a FIFO, a device or
 * a directory is refused); a symbolic link is followed, and its target is
 * what gets replaced.  The new file keeps the old one's mode (and owner,
 * where we may set it).
 *
 * Concurrency: the old file is locked the SQLite way (a write transaction
 * on it, so a RESERVED lock, waiting up to DB_BUILD_LOCK_WAIT_MS for
 * another writer) before the rename of a full load, and before the copy
 * of an --add, until the rename.  Two --add runs therefore take turns,
 * each working from the other's result; a process that holds a write
 * transaction on the file (BEGIN EXCLUSIVE) is waited for.  Readers are
 * never blocked: nothing is written to the old file.
 *
 * Guard: the commit refuses (PC_ERR_USAGE, stats->refused set, PATH
 * untouched) to leave a database with no populated place, or with fewer
 * than half the populated places of the one it replaces, unless
 * DB_BUILD_FORCE: a load of the wrong file (a cue list without --add, a
 * CSV with its columns swapped) would otherwise pass every article.
 *
 * near_keys (db.h) is filled by the load stage's look-alike pass through
 * db_build_near_key().
 *
 * Synthetic ids (stable across loads of the same inputs):
 *   country rows without a countryInfo geonameid  -(1e9 + index of the ISO code)
 *   admin1 rows                                   -(2e9 + hash(code) mod 1e9)
 *   admin2 rows                                   -(3e9 + hash(code) mod 1e9)
 *   world regions (kind 4)                        -(5e9 + hash(key) mod 1e9)
 *   --csv rows without an id column               9e12 + 1, 2, ... (positive:
 *                                                 they are places, not regions)
 *   postal places (load_postal.c)                 DB_POSTAL_ID_BASE +
 *                                                 hash(country, admin1, key)
 *                                                 mod 1e12 (db.h)
 * Hash collisions are resolved by probing upward, in code order.
 *
 * Ownership: struct db_build owns its sqlite3 handle, statements and temp
 * file; commit or abort releases everything.  Strings passed in are copied
 * by SQLite (SQLITE_TRANSIENT) or by the build; the caller keeps its own.
 * Never prints, never exits.
 */
#ifndef PC_DB_DB_WRITE_H
#define PC_DB_DB_WRITE_H

#include "db/db.h"

#include <stdint.h>

struct db_build;

/* db_build_begin flags */
enum {
	DB_BUILD_ADD = 1,   /* start from a copy of the existing database at PATH */
	DB_BUILD_FORCE = 2, /* commit even what the guard above refuses */
};

/*
 * How long a load waits for another writer's lock on the database it
 * replaces: an --add of a whole-world GeoNames file holds it for minutes;
 * a writer that holds it longer than this has hung.
 */
#define DB_BUILD_LOCK_WAIT_MS (10 * 60 * 1000)

#define DB_CSV_ID_BASE INT64_C(9000000000000)

/* One places row (kind 0).  NULL strings are stored as NULL. */
struct db_build_place {
	int64_t id;
	const char *name, *asciiname;
	double lat, lon;
	const char *fclass, *fcode, *country, *cc2;
	const char *admin1, *admin2, *admin3, *admin4;
	int64_t population, elevation, dem;
	int has_population, has_elevation, has_dem;
	const char *timezone, *modified;
};

/*
 * A place whose strings sit in a shared text buffer instead of behind its
 * own pointers: how the insert batch and the loader's reader thread hold
 * rows without a copy per field.  str[] are offsets + 1 into the buffer,
 * 0 for NULL; num holds the numbers (its string pointers are not used).
 */
#define DB_PLACE_NSTR 12
struct db_packed_place {
	struct db_build_place num;
	size_t str[DB_PLACE_NSTR];
};

/* Pack P, appending its strings to TEXT. */
void db_place_pack(const struct db_build_place *p, struct buf *text, struct db_packed_place *out);
/* Unpack R into OUT, whose strings point into TEXT (valid while TEXT is). */
void db_place_unpack(const struct db_packed_place *r, const struct buf *text, struct db_build_place *out);

/*
 * What makes an entry prominent enough for the look-alike table: places of
 * at least MIN_POP, capitals (PPLC), admin seats (PPLA, PPLA2) of at least
 * MIN_POP_SEAT; countries and admin1 regions always.  Chosen by the load
 * stage (load_lookalike.c); the write side uses it only to seed the list
 * from an existing database under DB_BUILD_ADD.
 */
struct db_prominence {
	int64_t min_pop;
	int64_t min_pop_seat;
};

/* A key of a prominent entry, for the look-alike pass. */
struct db_prominent {
	const char *key;  /* owned by the build */
	int64_t place_id;
	int is_country;   /* the key names a country (or its demonym/short form) */
};

/*
 * Report a bad row found while deriving (a cue whose target is unknown).
 * Returns PC_OK to carry on, anything else to stop (--strict); the callee
 * fills D.
 */
typedef enum pc_rc (*db_build_bad_fn)(void *ud, const char *file, unsigned long line,
				      const char *msg, struct diag *d);

/* Counts reported by db_build_commit(). */
struct db_build_stats {
	int64_t n_places, n_names, n_prefixes, n_lookalikes, n_regions;
	int max_name_words;
	int64_t n_populated;   /* places of kind DB_KIND_PLACE in the new database */
	int64_t old_populated; /* the same in the database replaced (0 if none) */
	int old_exists;        /* there was a database to replace */
	int refused;           /* the guard refused the commit (PC_ERR_USAGE) */
};

/*
 * Create the temporary database next to PATH and start the transaction.
 * With DB_BUILD_ADD the existing PATH is locked and copied first (it must
 * exist and be a placecheck database of this schema version).  Removes
 * stale "PATH.tmp-PID" files of processes that no longer exist.  PROM is
 * copied.  PC_ERR_IO when PATH is not a regular file (or a link to one),
 * PC_ERR_DB when it is locked past DB_BUILD_LOCK_WAIT_MS.  *OUT is owned
 * by the caller until commit or abort.
 */
enum pc_rc db_build_begin(const char *path, unsigned flags, const struct db_prominence *prom,
			  struct db_build **out /* OUT */, struct diag *d);

/*
 * Insert (or, for an id already present, replace) a places row.  The
 * caller asks db_build_place_seen() first: a row whose id is there already
 * replaces it, and under DB_BUILD_ADD an old place replaced loses its old
 * names (its new row brings its own).
 */
enum pc_rc db_build_place(struct db_build *b, const struct db_build_place *p, struct diag *d);

/* Where a places id has been seen (db_build_place_seen). */
enum {
	DB_SEEN_NONE = 0, /* a new id */
	DB_SEEN_LOAD = 1, /* an earlier row of this load */
	DB_SEEN_OLD = 2,  /* the database DB_BUILD_ADD started from (not yet replaced) */
};
int db_build_place_seen(struct db_build *b, int64_t id);

/* "Charlottesville, US" for the places row ID, into OUT ("" if none). */
void db_build_place_label(struct db_build *b, int64_t id, char *out, size_t size);

/*
 * Add a name row.  KEY must be db_key(FORM).  No de-duplication here: the
 * caller dedupes within a row; db_build_need_dedupe() asks the commit to
 * remove duplicates across rows when inputs may overlap.
 */
enum pc_rc db_build_name(struct db_build *b, const char *key, int64_t place_id, int kind,
			 const char *form, struct diag *d);
void db_build_need_dedupe(struct db_build *b);

/* Does a places row with ID exist?  (alternateNames rows need their place.) */
enum pc_rc db_build_place_exists(struct db_build *b, int64_t id, int *exists /* OUT */,
				 struct diag *d);

/*
 * Remember KEY of a prominent entry (copied) for the look-alike pass;
 * a key with a byte outside ASCII is left out ("Türkiye" takes part as
 * "turkiye", "Åland" not at all).  The one place that rule lives, so that
 * a full load and --add (seed_prominent) pick the same entries.
 */
void db_build_prominent_add(struct db_build *b, const char *key, int64_t place_id,
			    int is_country);
/*
 * Every prominent key so far, sorted by key then place id, duplicates
 * removed.  The array belongs to the build (valid until commit/abort).
 * Call after db_build_finish_regions() so region names are included.
 */
void db_build_prominent_list(struct db_build *b, const struct db_prominent **out /* OUT */,
			     size_t *n_out /* OUT */);

/* countryInfo row.  POPULATION < 0 = unknown; GEONAMEID 0 = none. */
enum pc_rc db_build_country(struct db_build *b, const char *iso2, const char *iso3,
			    const char *name, const char *capital, const char *continent,
			    int64_t population, const char *neighbours, int64_t geonameid,
			    struct diag *d);
/* admin1CodesASCII ("US.VA") or admin2Codes ("US.VA.003") row; LEVEL 1 or 2. */
enum pc_rc db_build_admin(struct db_build *b, int level, const char *code, const char *name,
			  const char *asciiname, int64_t geonameid, struct diag *d);
/* Published centre of a country (countries-extra). */
enum pc_rc db_build_country_point(struct db_build *b, const char *iso2, double lat, double lon,
				  struct diag *d);
/*
 * A name of a region, attached when the region rows exist (commit):
 * TARGET is "country:XX", "admin1:XX.YY", "admin2:XX.YY.ZZ" or
 * "region:KEY" (a world region declared with db_build_world_region).
 * KIND is enum db_name_kind.  Unknown targets are dropped silently: the
 * extra files cover more countries than a partial load may hold.
 */
enum pc_rc db_build_region_name(struct db_build *b, const char *target, int kind,
				const char *form, struct diag *d);
/*
 * A world region (kind 4) with key KEY, display NAME, member countries and,
 * when HAS_POINT, its published centre (else the mean of its members'); or,
 * when the members are admin2 codes, a group of them (DB_FCODE_ADMIN2_GROUP).
 * Members are checked when the regions are finished: one the database
 * lacks (an ISO code not in countries, an admin2 code not in admin2) makes
 * the region a bad row, BAD naming FILE and LINE.
 */
enum pc_rc db_build_world_region(struct db_build *b, const char *key, const char *name,
				 int has_point, double lat, double lon,
				 const char *const *members, size_t n_members, const char *file,
				 unsigned long line, struct diag *d);
/*
 * A cue phrase.  TARGET: a geonameid, "country:XX" or "admin1:XX.YY";
 * resolved at commit (unknown -> BAD callback with FILE:LINE).
 */
enum pc_rc db_build_cue(struct db_build *b, const char *key, const char *phrase,
			const char *target, double weight, const char *file,
			unsigned long line, struct diag *d);
/*
 * Topic row (geodata/extra/topics.tsv): a cue phrase (KEY folded, PHRASE
 * as written; TARGET NULL) or a member nation (TARGET country:XX or
 * admin1:XX.YY; KEY and PHRASE NULL).  Members are checked when the
 * regions are finished (BAD, naming FILE and LINE, for an unknown one).
 */
enum pc_rc db_build_topic(struct db_build *b, const char *topic, const char *key, const char *phrase,
			  const char *target, const char *file, unsigned long line, struct diag *d);
/* Lexicon entry; flags of repeated keys are OR-ed. */
enum pc_rc db_build_lexicon(struct db_build *b, const char *key, int flags, struct diag *d);
/*
 * Call FN for every populated-place row (kind 0, feature class P) of
 * COUNTRY in the database so far, this load's rows and, under
 * DB_BUILD_ADD, the old database's.  One pass over the places table (it
 * has no index on country until commit): call it once per country, not
 * once per row.  P's strings are valid during the call only.  FN returns
 * PC_OK to go on.  PC_ERR_DB on a database error.
 */
enum pc_rc db_build_scan_places(struct db_build *b, const char *country,
				enum pc_rc (*fn)(void *ud, const struct db_build_place *p,
						 struct diag *d),
				void *ud, struct diag *d);

/*
 * The place layers this load searched (meta "layers": one label a line,
 * "GeoNames cities500", "US postal places"); copied.  Under DB_BUILD_ADD
 * the commit keeps the old database's layers and adds the new ones.
 */
void db_build_set_layers(struct db_build *b, const char *layers);

/*
 * Call FN(UD, NAMES) now and then while the build's own steps run (every
 * DB_BUILD_TICK_OPS SQLite instructions: a few times a second), NAMES the
 * name rows written so far: a progress display for the minutes a
 * whole-world load spends writing names and indexes.  FN runs in the
 * thread that calls the build and must not call into it.  NULL stops it.
 */
void db_build_set_tick(struct db_build *b, void (*fn)(void *ud, uint64_t names), void *ud);

/* Next free id for a --csv row without an id column (DB_CSV_ID_BASE + n). */
enum pc_rc db_build_csv_next_id(struct db_build *b, int64_t *id /* OUT */, struct diag *d);

/*
 * Derive the region rows (countries, admin1, admin2, world regions: own
 * feature or synthetic row with its centre and population), attach the
 * staged region names, resolve the cues (BAD for unknown targets), and add
 * the region names to the prominent list.  Call once, after every file.
 */
enum pc_rc db_build_finish_regions(struct db_build *b, db_build_bad_fn bad, void *ud,
				   struct diag *d);

/*
 * Sort the names held so far in a thread of their own while the caller
 * goes on (db_build_finish_regions does not read them); names added later
 * are sorted at db_build_derive_names and merged with these.  No thread,
 * no effect on the result: only on when the sorting happens.
 */
void db_build_names_presort(struct db_build *b);

/*
 * When the names outgrew memory and went to temporary files in sorted
 * runs, spill the rest too and free the buffer, so that what runs next
 * (the look-alike pass) does not add its memory to theirs.  Otherwise
 * nothing.  The names go into the table at db_build_derive_names.
 */
enum pc_rc db_build_names_settle(struct db_build *b, struct diag *d);

/*
 * Index the names and derive name_prefixes and the Bloom blob from them
 * (commit does it when not done before).  Touches neither the prominent
 * list nor anything the look-alike pass reads, so that pass may run in
 * another thread meanwhile.
 */
enum pc_rc db_build_derive_names(struct db_build *b, struct diag *d);

/*
 * Create the indexes (commit does it when not done before).  Call after
 * the last place, name and region row: rows added later would update the
 * indexes one by one (look-alike rows may follow: they come in the order
 * of their index).  Touches nothing the look-alike pass reads, like
 * db_build_derive_names.
 */
enum pc_rc db_build_index(struct db_build *b, struct diag *d);

/* One near_keys row: DEL is KEY or one of its one-deletion variants. */
enum pc_rc db_build_near_key(struct db_build *b, const char *del, const char *key,
			     struct diag *d);

struct bloom;
/* The "near_bloom" blob (db.h): BL, the caller's, holds every DEL given to
 * db_build_near_key() in this build. */
enum pc_rc db_build_near_bloom(struct db_build *b, const struct bloom *bl, struct diag *d);

/* One look-alike row (the caller adds both directions). */
enum pc_rc db_build_lookalike(struct db_build *b, const char *key_a, const char *key_b,
			      int kind, int dist, struct diag *d);

/*
 * Finish: dedupe names if asked, name_prefixes, the Bloom blob, meta
 * (schema_version, built_at = $SOURCE_DATE_EPOCH or now, SOURCES,
 * max_name_words, n_places, layers), indexes; then lock the old file, apply the
 * guard (see the top), close, fsync and rename over PATH.  STATS may be
 * NULL.  On failure the temp file is removed and PATH is untouched; a
 * refusal of the guard is PC_ERR_USAGE with stats->refused set.  B is
 * freed in every case.
 */
enum pc_rc db_build_commit(struct db_build *b, const char *sources,
			   struct db_build_stats *stats /* OUT */, struct diag *d);

/* Drop the temp file and free B.  PATH is untouched.  B may be NULL. */
void db_build_abort(struct db_build *b);

#endif
