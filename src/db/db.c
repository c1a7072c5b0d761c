/*
 * db.c: open, close, locate and check the gazetteer database (read side).
 */
#include "db/db_int.h"

#include "base/xmem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PC_DATADIR
#define PC_DATADIR "/usr/local/share/placecheck"
#endif

/* Page cache in KB before and after db_probe() warms the connection. */
#define DB_COLD_CACHE_KB "256"
#define DB_WARM_CACHE_KB "4000"
/* Maps the whole bundled database (66 MB) and a full-dump one's hot part. */
#define DB_MMAP_BYTES "268435456"

#define DB_REBUILD_HINT "run 'make db' in the source tree or 'placecheck load --db PATH geodata/' to build it"

/* SQL of each statement; the order follows enum db_stmt_id. */
static const char *const stmt_sql[DB_ST_COUNT] = {
	/*
	 * No LIMIT: with one, SQLite sorts into a temporary b-tree, which
	 * opens a pager and a page cache for every lookup (a 1,000-article
	 * run took 19,600 page faults, 8,000 without); without, it sorts in
	 * memory.  The order is total (key, place, kind and form are the
	 * primary key), so the rows come as before, and db_names_lookup()
	 * stops reading at DB_NAMES_ROWS rows, where the LIMIT stopped.
	 */
	[DB_ST_NAMES] =
		"SELECT p.id, p.name, p.asciiname, p.lat, p.lon, p.fclass, p.fcode,"
		" p.country, p.admin1, p.admin2, p.population, p.kind, n.kind, n.form"
		" FROM names n JOIN places p ON p.id = n.place_id"
		" WHERE n.key = ?1"
		" ORDER BY p.population DESC, p.id, n.kind, n.form",
	[DB_ST_PREFIX] = "SELECT 1 FROM name_prefixes WHERE prefix = ?1",
	[DB_ST_PLACE] =
		"SELECT id, name, asciiname, lat, lon, fclass, fcode, country, admin1,"
		" admin2, population, kind FROM places WHERE id = ?1",
	[DB_ST_ALIKE] =
		"SELECT key_b, kind, dist FROM lookalikes WHERE key_a = ?1 AND kind <> 5"
		" ORDER BY dist, kind, key_b LIMIT ?2",
	[DB_ST_ADMIN1] = "SELECT name FROM admin1 WHERE code = ?1",
	[DB_ST_ADMIN2] = "SELECT name FROM admin2 WHERE code = ?1",
	[DB_ST_COUNTRY] = "SELECT name FROM countries WHERE iso2 = ?1",
	[DB_ST_A1_PLACE] = "SELECT place_id FROM admin1 WHERE code = ?1",
	[DB_ST_C_PLACE] = "SELECT place_id FROM countries WHERE iso2 = ?1",
	[DB_ST_LEX] = "SELECT flags FROM lexicon WHERE key = ?1",
	[DB_ST_CUES] = "SELECT key, phrase, place_id, weight FROM cues",
	[DB_ST_TOPICS] = "SELECT topic, key, phrase, member FROM topics ORDER BY rowid",
	/* (about a thousand rows: a scan costs less than an index would) */
	[DB_ST_GROUP_OF] = "SELECT place_id FROM region_members WHERE country = ?1 ORDER BY place_id LIMIT 1",
	[DB_ST_META] = "SELECT value FROM meta WHERE key = ?1",
	[DB_ST_ABBREV] =
		"SELECT form FROM names WHERE place_id = ?1 AND kind = 3"
		" AND form LIKE '%.%' ORDER BY length(form), form LIMIT 1",
	[DB_ST_NEARMISS] = "SELECT key FROM near_keys WHERE del = ?1",
	[DB_ST_NEIGHBOURS] = "SELECT neighbours FROM countries WHERE iso2 = ?1",
	[DB_ST_HAS_DEMONYM] = "SELECT 1 FROM names WHERE place_id = ?1 AND kind = 4 LIMIT 1",
	[DB_ST_IN_REGION] =
		"SELECT p.id, n.kind, p.population, p.name FROM names n JOIN places p ON p.id = n.place_id"
		" WHERE n.key = ?1 AND n.kind NOT IN (3, 4, 6) AND p.kind = 0 AND p.country = ?2"
		" AND (?3 = '' OR p.admin1 = ?3)"
		" AND (?4 = '' OR instr(',' || ?4 || ',', ',' || p.admin2 || ',') > 0)"
		" ORDER BY n.kind = 2, p.population DESC LIMIT 1",
	[DB_ST_SAME] =
		"SELECT 1 FROM lookalikes WHERE key_a = ?1 AND kind = 5 AND key_b = ?2",
	/* Names of a region's places that start as KEY does (?1 its first
	 * letters, ?2 just past them): a misspelling keeps its first letters
	 * far more often than not, and the key index serves the range. */
	/* A region's seat: for a country its capital (PPLC); for a state or
	 * province its own seat (PPLA), else the national capital if it lies
	 * there (England's).  The fcode test is the places_capital index's
	 * own, so that the index serves it. */
	[DB_ST_CAPITAL] =
		"SELECT id, name, asciiname, lat, lon, fclass, fcode, country, admin1,"
		" admin2, population, kind FROM places"
		" WHERE fcode IN ('PPLC', 'PPLG', 'PPLA') AND kind = 0 AND country = ?1"
		" AND (?2 = '' OR admin1 = ?2) AND (fcode = 'PPLC' OR (?2 <> '' AND fcode = 'PPLA'))"
		" ORDER BY (fcode = 'PPLC') = (?2 = '') DESC, population DESC LIMIT 1",
	[DB_ST_NEAR_IN_REGION] =
		"SELECT p.id, p.name, p.asciiname, p.lat, p.lon, p.fclass, p.fcode,"
		" p.country, p.admin1, p.admin2, p.population, p.kind, n.kind, n.key"
		" FROM names n JOIN places p ON p.id = n.place_id"
		" WHERE n.key >= ?1 AND n.key < ?2 AND n.kind IN (0, 1) AND p.kind = 0 AND p.country = ?3"
		" AND (?4 = '' OR p.admin1 = ?4)"
		" AND (?5 = '' OR instr(',' || ?5 || ',', ',' || p.admin2 || ',') > 0)",
	[DB_ST_NAME_AROUND] =
		"SELECT p.id, p.name, p.asciiname, p.lat, p.lon, p.fclass, p.fcode,"
		" p.country, p.admin1, p.admin2, p.population, p.kind, n.kind, n.form"
		" FROM names n JOIN places p ON p.id = n.place_id"
		" WHERE n.key = ?1 AND n.kind IN (0, 1) AND p.kind = 0 AND p.lat BETWEEN ?2 AND ?3"
		" AND (p.lon BETWEEN ?4 AND ?5 OR p.lon BETWEEN ?6 AND ?7)",
	/* --- db_lookup.c: query-command lookups --- */
	[DB_ST_NAMES_ALL] =
		"SELECT p.id, p.name, p.asciiname, p.lat, p.lon, p.fclass, p.fcode,"
		" p.country, p.admin1, p.admin2, p.population, p.kind, MIN(n.kind), n.form"
		" FROM names n JOIN places p ON p.id = n.place_id"
		" WHERE n.key = ?1 AND n.kind <> 4 GROUP BY p.id"
		" ORDER BY p.population DESC, p.id LIMIT ?2",
	[DB_ST_NEAR] =
		"SELECT id, name, asciiname, lat, lon, fclass, fcode, country, admin1,"
		" admin2, population, kind FROM places"
		" WHERE kind = 0 AND lat BETWEEN ?1 AND ?2"
		" AND (lon BETWEEN ?3 AND ?4 OR lon BETWEEN ?5 AND ?6)",
	[DB_ST_KEY_PREFIX] =
		"SELECT n.key, n.form, n.place_id, p.population, p.kind, n.kind"
		" FROM (SELECT key, form, place_id, kind FROM names"
		"  WHERE key >= ?1 AND key < ?1 || x'ff' AND kind <> 4 AND kind <> 6 LIMIT ?3) n"
		" JOIN places p ON p.id = n.place_id"
		" WHERE (?2 >> p.kind) & 1"
		" ORDER BY n.kind = 2, p.population DESC, n.kind, n.key",
	[DB_ST_ABBREV_KEY] =
		"SELECT form FROM names WHERE key = ?1 AND place_id = ?2 AND kind = 3"
		" AND form LIKE '%.%' ORDER BY length(form), form LIMIT 1",
	/* --- end db_lookup.c --- */
};

void db_note_error(struct db *db, int code)
{
	if (db->err_code)
		return;
	db->err_code = code ? code : SQLITE_ERROR;
	snprintf(db->err_msg, sizeof db->err_msg, "%s", sqlite3_errmsg(db->sq));
}

int db_step(struct db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		db_note_error(db, rc);
	return rc;
}

void db_status_clear(struct db *db)
{
	db->err_code = 0;
	db->err_msg[0] = '\0';
}

enum pc_rc db_status(struct db *db, struct diag *d)
{
	const char *path = sqlite3_db_filename(db->sq, "main");

	switch (db->err_code & 0xff) {
	case SQLITE_OK:
		return PC_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return diag_set(d, PC_ERR_DB, path, 0, 0,
				"database read failed: %s: another process holds a write lock on "
				"the database; try again when it is done", db->err_msg);
	case SQLITE_NOMEM:
		return diag_set(d, PC_ERR_DB, path, 0, 0, "database read failed: out of memory");
	default:
		return diag_set(d, PC_ERR_DB, path, 0, 0,
				"database read failed: %s: the database is damaged or unreadable; %s",
				db->err_msg, DB_REBUILD_HINT);
	}
}

sqlite3_stmt *db_stmt(struct db *db, enum db_stmt_id id, struct diag *d)
{
	sqlite3_stmt *st = db->st[id];

	if (!st) {
		int rc = sqlite3_prepare_v3(db->sq, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
					    &db->st[id], NULL);
		if (rc != SQLITE_OK) {
			db_note_error(db, rc);
			diag_set(d, PC_ERR_DB, sqlite3_db_filename(db->sq, "main"), 0, 0,
				 "database query failed: %s (%s)", sqlite3_errmsg(db->sq),
				 DB_REBUILD_HINT);
			return NULL;
		}
		return db->st[id];
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

static enum pc_rc check_schema(struct db *db, const char *path, struct diag *d)
{
	sqlite3_stmt *st = NULL;
	int rc, version = -1;

	rc = sqlite3_prepare_v2(db->sq, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return diag_set(d, PC_ERR_DB, path, 0, 0,
				"the database is locked: another process holds a write lock on it "
				"(%s); try again when it is done", sqlite3_errmsg(db->sq));
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return diag_set(d, PC_ERR_DB, path, 0, 0,
				"not a placecheck database (%s); %s", sqlite3_errmsg(db->sq),
				DB_REBUILD_HINT);
	if (version != DB_SCHEMA_VERSION)
		return diag_set(d, PC_ERR_DB, path, 0, 0,
				"database schema version %d, this placecheck needs %d; %s",
				version, DB_SCHEMA_VERSION, DB_REBUILD_HINT);
	return PC_OK;
}

/*
 * Read filter NAME (a blobs row) into F with incremental blob I/O straight
 * into its bit array: SQLite then reads the blob's overflow pages directly
 * into our buffer instead of assembling a 700 KB copy first.  On this
 * machine every freshly touched page costs a fault, and the two copies
 * were a fifth of the start-up time.  A missing or bad filter only costs
 * speed.
 */
static void load_bloom(struct db *db, const char *name, struct bloom *f)
{
	sqlite3_stmt *st = NULL;
	sqlite3_blob *bl = NULL;
	unsigned char hdr[BLOOM_HDR];
	sqlite3_int64 rowid = 0;
	int rc;

	if (sqlite3_prepare_v2(db->sq, "SELECT rowid FROM blobs WHERE name = ?1", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC) == SQLITE_OK && db_step(db, st) == SQLITE_ROW)
		rowid = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (!rowid || sqlite3_blob_open(db->sq, "main", "blobs", "data", rowid, 0, &bl) != SQLITE_OK)
		goto out;
	if ((rc = sqlite3_blob_read(bl, hdr, BLOOM_HDR, 0)) != SQLITE_OK ||
	    bloom_open(f, hdr, (size_t)sqlite3_blob_bytes(bl)) != PC_OK)
		goto bad;
	if ((rc = sqlite3_blob_read(bl, f->bits, (int)(f->n_bits / 8), BLOOM_HDR)) != SQLITE_OK) {
		bloom_free(f);
		goto bad;
	}
	goto out;
bad:
	/* No filter only costs speed; a page SQLite cannot read is damage. */
	if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_ABORT)
		db_note_error(db, rc);
out:
	sqlite3_blob_close(bl);
}

void db_probe(struct db *db)
{
	if (db->warm || ++db->n_probes < DB_WARM_PROBES)
		return;
	db_warm(db);
}

void db_warm(struct db *db)
{
	if (db->warm)
		return;
	db->warm = 1;
	load_bloom(db, "name_bloom", &db->bloom);
	load_bloom(db, "near_bloom", &db->near_bloom);
	sqlite3_exec(db->sq, "PRAGMA cache_size = -" DB_WARM_CACHE_KB, NULL, NULL, NULL);
}

enum pc_rc db_open(const char *path, int flags, struct db **out, struct diag *d)
{
	struct db *db;
	struct stat sb;
	int oflags = (flags & DB_OPEN_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	enum pc_rc rc;

	*out = NULL;
	if (stat(path, &sb) != 0)
		return diag_set(d, PC_ERR_DB, path, 0, 0, "no database here; %s", DB_REBUILD_HINT);
	db = xcalloc(1, sizeof *db);
	if (sqlite3_open_v2(path, &db->sq, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		rc = diag_set(d, PC_ERR_DB, path, 0, 0, "cannot open database: %s; %s",
			      db->sq ? sqlite3_errmsg(db->sq) : "out of memory", DB_REBUILD_HINT);
		goto fail;
	}
	sqlite3_busy_timeout(db->sq, 2000);
	/*
	 * The file memory-mapped, with a small page cache on top.  Checking
	 * asks for look-alikes and near misses of every name (resolve_alts.c),
	 * many more reads than the first detector made: on 1,000 BBC articles
	 * read() copies took a third of the CPU time (0.59 s against 0.45 s
	 * mapped, grep 0.33 s).  The mapped pages are the page cache's, shared
	 * by every process and thread that reads the database (they show in
	 * the resident set: 140 MB against 87 MB).  The cache starts small and
	 * grows in db_probe().
	 */
	sqlite3_exec(db->sq, "PRAGMA cache_size = -" DB_COLD_CACHE_KB "; PRAGMA query_only = 1;"
		     " PRAGMA mmap_size = " DB_MMAP_BYTES, NULL, NULL, NULL);
	if ((rc = check_schema(db, path, d)) != PC_OK)
		goto fail;
	db->cache_cap = DB_CACHE_MIN_SLOTS;
	db->cache = xcalloc(db->cache_cap, sizeof *db->cache);
	*out = db;
	return PC_OK;
fail:
	db_close(db);
	return rc;
}

static void cache_clear(struct db *db)
{
	size_t i;

	if (!db->cache)
		return;
	for (i = 0; i < db->cache_cap; i++) {
		free(db->cache[i].key);
		free(db->cache[i].data);
		db->cache[i].key = NULL;
		db->cache[i].data = NULL;
	}
	db->n_cached = 0;
	db->cache_bytes = 0;
}

void db_close(struct db *db)
{
	int i;

	if (!db)
		return;
	for (i = 0; i < DB_ST_COUNT; i++)
		sqlite3_finalize(db->st[i]);
	cache_clear(db);
	free(db->cache);
	bloom_free(&db->bloom);
	bloom_free(&db->near_bloom);
	sqlite3_close(db->sq);
	free(db);
}

static size_t hash_str(const char *s)
{
	size_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static size_t cache_home(const struct db *db, int type, const char *key)
{
	return (hash_str(key) + (size_t)type * 0x9e3779b9u) & (db->cache_cap - 1);
}

/* Double the table, moving every entry to its new home. */
static void cache_grow(struct db *db)
{
	struct db_cache_ent *old = db->cache;
	size_t old_cap = db->cache_cap, i;

	db->cache_cap *= 2;
	db->cache = xcalloc(db->cache_cap, sizeof *db->cache);
	for (i = 0; i < old_cap; i++) {
		size_t h;
		if (!old[i].key)
			continue;
		h = cache_home(db, old[i].type, old[i].key);
		while (db->cache[h].key)
			h = (h + 1) & (db->cache_cap - 1);
		db->cache[h] = old[i];
	}
	free(old);
}

struct db_cache_ent *db_cache_slot(struct db *db, int type, const char *key, int *found)
{
	size_t i, n;

	*found = 0;
	/* Keep the table at most half full: grow it, or at its largest clear
	 * it wholesale; clear it too past its memory budget. */
	if (db->n_cached >= db->cache_cap / 2) {
		if (db->cache_cap < DB_CACHE_SLOTS)
			cache_grow(db);
		else
			cache_clear(db);
	}
	if (db->cache_bytes > DB_CACHE_BYTES)
		cache_clear(db);
	i = cache_home(db, type, key);
	for (n = 0; n < db->cache_cap; n++) {
		struct db_cache_ent *e = &db->cache[i];
		if (!e->key)
			return e;
		if (e->type == type && strcmp(e->key, key) == 0) {
			*found = 1;
			return e;
		}
		i = (i + 1) & (db->cache_cap - 1);
	}
	return NULL;
}

void db_cache_fill(struct db *db, struct db_cache_ent *slot, int type, const char *key, void *data,
		   size_t n)
{
	size_t elem = type == DB_CACHE_NAMES ? sizeof(struct db_hit) :
		      type == DB_CACHE_ALIKES || type == DB_CACHE_NEAR || type == DB_CACHE_EDITS ? sizeof(struct db_alike) :
		      type == DB_CACHE_REGION_NEAR || type == DB_CACHE_AROUND ? sizeof(struct db_near_name) : 0;

	slot->key = xstrdup(key);
	slot->type = type;
	slot->data = data;
	slot->n = n;
	db->n_cached++;
	db->cache_bytes += strlen(key) + 1 + (data ? (n ? n : 1) * elem : 0);
}

static int file_exists(const char *p)
{
	struct stat sb;

	return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

void db_locate(const char *explicit_path, const char *argv0, struct buf *out)
{
	const char *env = getenv("PLACECHECK_DB");
	char exe[4096];
	ssize_t n;

	buf_reset(out);
	if (explicit_path && explicit_path[0]) {
		buf_puts(out, explicit_path);
		return;
	}
	if (env && env[0]) {
		buf_puts(out, env);
		return;
	}
	if (file_exists("geodata/places.db")) {
		buf_puts(out, "geodata/places.db");
		return;
	}
	/* A binary in a source tree: geodata/ beside the executable. */
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			struct buf cand;
			buf_init(&cand, 0);
			buf_append(&cand, exe, (size_t)(slash - exe));
			buf_puts(&cand, "/geodata/places.db");
			if (file_exists(buf_str(&cand))) {
				buf_puts(out, buf_str(&cand));
				buf_free(&cand);
				return;
			}
			buf_free(&cand);
		}
	}
	(void)argv0;
	buf_puts(out, PC_DATADIR "/places.db");
}
