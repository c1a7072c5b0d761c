/*
 * db_int.h: internals of the db stage, shared by db.c and db_query.c only.
 * Never included from outside src/db/.
 */
#ifndef PC_DB_DB_INT_H
#define PC_DB_DB_INT_H

#include "base/bloom.h"
#include "db/db.h"

#include <sqlite3.h>

enum db_stmt_id {
	DB_ST_NAMES,
	DB_ST_PREFIX,
	DB_ST_PLACE,
	DB_ST_ALIKE,
	DB_ST_ADMIN1,
	DB_ST_ADMIN2,
	DB_ST_COUNTRY,
	DB_ST_A1_PLACE,
	DB_ST_C_PLACE,
	DB_ST_LEX,
	DB_ST_CUES,
	DB_ST_META,
	DB_ST_ABBREV,
	DB_ST_NEARMISS,
	DB_ST_NEIGHBOURS,
	DB_ST_HAS_DEMONYM,
	DB_ST_IN_REGION,
	DB_ST_TOPICS,
	DB_ST_GROUP_OF,
	DB_ST_SAME,
	DB_ST_NEAR_IN_REGION,
	DB_ST_NAME_AROUND,
	DB_ST_CAPITAL,
	/* db_lookup.c: query-command lookups */
	DB_ST_NAMES_ALL,
	DB_ST_NEAR,
	DB_ST_KEY_PREFIX,
	DB_ST_ABBREV_KEY,
	DB_ST_COUNT
};

/* Cached result of one names lookup (the matcher asks the same keys often). */
enum db_cache_type {
	DB_CACHE_NAMES = 0,   /* data: struct db_hit[n] */
	DB_CACHE_LEXICON = 1, /* n: the flags */
	DB_CACHE_ALIKES = 2,  /* data: struct db_alike[n] */
	DB_CACHE_NEAR = 3,    /* data: struct db_alike[n] (near-miss keys) */
	DB_CACHE_PREFIX = 4,  /* n: 1 if some longer name starts with the key */
	DB_CACHE_REGION_NEAR = 5, /* data: struct db_near_name[n] (db_near_in_region) */
	DB_CACHE_AROUND = 6,  /* data: struct db_near_name[n] (db_near_around) */
	DB_CACHE_EDITS = 7,   /* data: struct db_alike[n] (a key's one-edit variants the
			       * names filter may hold: db_near_around) */
};

struct db_cache_ent {
	char *key;            /* heap; NULL = empty slot */
	int type;             /* enum db_cache_type */
	void *data;           /* heap, may be NULL */
	size_t n;
};

/* The table starts small and doubles up to DB_CACHE_SLOTS; a 256 KB
 * table up front was 0.35 ms of page faults for a one-article run.
 * What it holds is bounded in bytes (keys, readings and look-alikes,
 * DB_CACHE_BYTES), not in entries: 1,000 BBC articles ask about 17,500
 * distinct keys, and a table cleared at 4,096 of them sent half the
 * look-ups back to SQLite (33,000 queries instead of 17,500). */
#define DB_CACHE_MIN_SLOTS 256
#define DB_CACHE_SLOTS 65536
#define DB_CACHE_BYTES (24u << 20)

struct db {
	sqlite3 *sq;
	sqlite3_stmt *st[DB_ST_COUNT];
	struct bloom bloom;   /* over name keys and prefixes; bits NULL = none */
	struct bloom near_bloom; /* over near_keys.del; bits NULL = none */
	unsigned long n_probes; /* name probes so far, until warm */
	int warm;             /* filter loaded and page cache grown (db_probe) */
	struct db_cache_ent *cache; /* cache_cap slots, open addressing; cleared when
				     * half full at DB_CACHE_SLOTS */
	size_t cache_cap, n_cached;
	size_t cache_bytes;   /* held by the entries' keys and data */
	/*
	 * The first read error since db_status_clear() (SQLite's result code
	 * and message), kept in the handle so that lookups which answer "no"
	 * or "nothing" on failure (db_names_may_extend, db_lexicon_flags...)
	 * cannot pass a damaged database off as an empty answer: the caller
	 * asks db_status() when its work is done.
	 */
	int err_code;
	char err_msg[256];
};

/* sqlite3_step(), recording a failure (anything but ROW or DONE) in DB. */
int db_step(struct db *db, sqlite3_stmt *st);
/* Record SQLite's current error on DB (the first one since the last clear). */
void db_note_error(struct db *db, int code);

/*
 * Count one name probe; the first DB_WARM_PROBES go to SQLite alone, then
 * the connection warms up: it loads the name filter and grows the page
 * cache.  Both cost page faults that only a long run pays back: checking
 * one 5 KB article took 21 ms cold against 24 ms warm from the start
 * (a 700 KB filter and a 4 MB cache are about 1,200 fresh pages), while
 * 1,000 articles need both.
 */
#define DB_WARM_PROBES 3000
void db_probe(struct db *db);
/* Load the filters and grow the page cache now, whatever the probes so
 * far: for a look-up that probes hundreds of keys at once, which the
 * filters answer in microseconds and the index in a millisecond. */
void db_warm(struct db *db);

/* Prepare (once) and return statement ID, reset and with bindings cleared. */
sqlite3_stmt *db_stmt(struct db *db, enum db_stmt_id id, struct diag *d);

/* Copy text column COL of ST into OUT (SIZE bytes); "" for NULL. */
void db_col_text(sqlite3_stmt *st, int col, char *out, size_t size);

/* Columns 0..11 (id, name, asciiname, lat, lon, fclass, fcode, country,
 * admin1, admin2, population, kind) of ST into P. */
void db_row_place(sqlite3_stmt *st, struct db_place *p);

/* PC_ERR_DB naming the database and SQLite's message. */
enum pc_rc db_read_failed(struct db *db, struct diag *d);

/* Great-circle distance in km between two points (haversine). */
double db_distance_km(double lat1, double lon1, double lat2, double lon2);

/*
 * The latitude/longitude box that holds every point within RADIUS_KM of
 * LAT,LON, as DB_ST_NEAR's six bindings: lat_lo, lat_hi, then two
 * longitude ranges (the second empty, 1 > 0, unless the box crosses the
 * antimeridian; every longitude near a pole).
 */
void db_near_box(double lat, double lon, double radius_km, double box[6]);

/*
 * The cache slot for KEY: *FOUND = 1 if it holds KEY's hits, else the slot
 * is empty and the caller may fill it (key and hits heap-allocated; the
 * cache frees them).  When the table is half full it doubles, or at
 * DB_CACHE_SLOTS it is cleared wholesale, as it is when its entries hold
 * more than DB_CACHE_BYTES; either way a slot is valid only until the
 * next db_cache_slot() call, so fill it before asking again.
 */
struct db_cache_ent *db_cache_slot(struct db *db, int type, const char *key, int *found /* OUT */);

/* Fill an empty slot (takes a copy of KEY; takes ownership of DATA, an
 * array of max(N, 1) elements of TYPE's kind, counted against
 * DB_CACHE_BYTES). */
void db_cache_fill(struct db *db, struct db_cache_ent *slot, int type, const char *key, void *data,
		   size_t n);

#endif
