/*
 * db_schema.c: the life of a database build.  Creates "PATH.tmp-PID" with
 * the schema of db.h, tunes it for one bulk transaction, and at the end
 * creates the late indexes, writes meta, fsyncs and renames it over PATH.
 * Any failure before the rename removes the temporary file and leaves PATH
 * as it was (see db_write.h).
 */
#include "db/db_write_int.h"

#include "base/xmem.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Tables first; the big indexes come at the end (db_build_commit). */
static const char schema_sql[] =
	/*
	 * Tables looked up by a text key are WITHOUT ROWID: a lookup then
	 * reads one b-tree instead of an index and then the table, which was
	 * a third of the pages one checked article read (lexicon, admin
	 * names).  `blobs` keeps its rowid for incremental blob I/O.
	 */
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS places(id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
	" asciiname TEXT, lat REAL NOT NULL, lon REAL NOT NULL, fclass TEXT, fcode TEXT,"
	" country TEXT, cc2 TEXT, admin1 TEXT, admin2 TEXT, admin3 TEXT, admin4 TEXT,"
	" population INTEGER, elevation INTEGER, dem INTEGER, timezone TEXT,"
	" modified TEXT, kind INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS countries(iso2 TEXT PRIMARY KEY, iso3 TEXT, name TEXT,"
	" capital TEXT, continent TEXT, population INTEGER, neighbours TEXT,"
	" place_id INTEGER) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS admin1(code TEXT PRIMARY KEY, country TEXT, a1 TEXT,"
	" name TEXT, asciiname TEXT, geonameid INTEGER, place_id INTEGER) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS admin2(code TEXT PRIMARY KEY, country TEXT, a1 TEXT,"
	" a2 TEXT, name TEXT, asciiname TEXT, geonameid INTEGER, place_id INTEGER) WITHOUT ROWID;"
	/*
	 * names and near_keys are keyed by what the checker looks up, so the
	 * rows themselves are the index: they go in sorted and no index is
	 * built at the end (db_write_names.c, load_lookalike.c).
	 */
	"CREATE TABLE IF NOT EXISTS names(key TEXT NOT NULL, place_id INTEGER NOT NULL,"
	" kind INTEGER NOT NULL, form TEXT NOT NULL,"
	" PRIMARY KEY(key, place_id, kind, form)) WITHOUT ROWID;"
	/* Keyed in the order the checker reads a key's look-alikes. */
	"CREATE TABLE IF NOT EXISTS lookalikes(key_a TEXT NOT NULL, key_b TEXT NOT NULL,"
	" kind INTEGER NOT NULL, dist INTEGER NOT NULL,"
	" PRIMARY KEY(key_a, dist, kind, key_b)) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS cues(key TEXT NOT NULL, phrase TEXT NOT NULL,"
	" place_id INTEGER NOT NULL, weight REAL NOT NULL);"
	/* A topic's cue phrases (member '') and member nations (key ''):
	 * a country code or a CC.ADMIN1 code. */
	"CREATE TABLE IF NOT EXISTS topics(topic TEXT NOT NULL, key TEXT NOT NULL,"
	" phrase TEXT NOT NULL, member TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS lexicon(key TEXT PRIMARY KEY, flags INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS name_prefixes(prefix TEXT PRIMARY KEY) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS blobs(name TEXT PRIMARY KEY, data BLOB NOT NULL);"
	"CREATE TABLE IF NOT EXISTS region_members(place_id INTEGER NOT NULL,"
	" country TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS near_keys(del TEXT NOT NULL, key TEXT NOT NULL,"
	" PRIMARY KEY(del, key)) WITHOUT ROWID;"
	/* Staging for what can only be attached once every file is in. */
	"CREATE TEMP TABLE s_cpoint(iso2 TEXT PRIMARY KEY, lat REAL, lon REAL);"
	"CREATE TEMP TABLE s_rname(seq INTEGER PRIMARY KEY, target TEXT, kind INTEGER,"
	" form TEXT);"
	"CREATE TEMP TABLE s_region(key TEXT PRIMARY KEY, name TEXT, members TEXT,"
	" lat REAL, lon REAL, file TEXT, line INTEGER);"
	"CREATE TEMP TABLE s_cue(seq INTEGER PRIMARY KEY, key TEXT, phrase TEXT,"
	" target TEXT, weight REAL, file TEXT, line INTEGER);"
	"CREATE TEMP TABLE s_topic(seq INTEGER PRIMARY KEY, topic TEXT, key TEXT, phrase TEXT,"
	" target TEXT, file TEXT, line INTEGER);"
	/*
	 * The names that may stand for a first-level region no place lies in
	 * (its own, its second-level regions'), by country and name; filled
	 * and read by the region pass (db_write_finish.c admin1_standins).
	 */
	"CREATE TEMP TABLE s_standin(cc TEXT NOT NULL, name TEXT NOT NULL, code TEXT NOT NULL,"
	" own INTEGER NOT NULL, PRIMARY KEY(cc, name, code)) WITHOUT ROWID;"
	/*
	 * The short forms of second-level regions named type first ("Ilocos
	 * Sur" of "Province of Ilocos Sur"), by country; a town of the
	 * country with that name and a tenth of the region's people keeps
	 * it (db_write_finish.c type_first_taken).
	 */
	"CREATE TEMP TABLE s_pshort(cc TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY(cc, name)) WITHOUT ROWID;"
	/* old places replaced under --add --replace: their old names go */
	"CREATE TEMP TABLE s_replaced(id INTEGER PRIMARY KEY);";

/* Derived tables are rebuilt by every load, --add included. */
static const char clear_derived_sql[] =
	/* (not the curated pairs, kinds 4 and 5: they come from their file, not the pass) */
	"DELETE FROM lookalikes WHERE kind NOT IN (4, 5); DELETE FROM name_prefixes;"
	"DELETE FROM blobs; DELETE FROM near_keys;";

enum pc_rc db_build_err(struct db_build *b, struct diag *d, const char *what)
{
	return diag_set(d, PC_ERR_DB, b->tmp_path, 0, 0, "%s: %s", what,
			b->db ? sqlite3_errmsg(b->db) : "no database");
}

enum pc_rc db_build_exec(struct db_build *b, const char *sql, struct diag *d)
{
	char *err = NULL;

	if (sqlite3_exec(b->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		diag_set(d, PC_ERR_DB, b->tmp_path, 0, 0, "%s", err ? err : "SQL error");
		sqlite3_free(err);
		return PC_ERR_DB;
	}
	return PC_OK;
}

enum pc_rc db_build_prepare(struct db_build *b, const char *sql, sqlite3_stmt **st,
			    struct diag *d)
{
	if (sqlite3_prepare_v2(b->db, sql, -1, st, NULL) != SQLITE_OK)
		return db_build_err(b, d, "prepare");
	return PC_OK;
}

enum pc_rc db_build_step_done(struct db_build *b, sqlite3_stmt *st, struct diag *d,
			      const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_build_err(b, d, what);
	return PC_OK;
}

void db_build_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	/* STATIC: every caller steps the statement before S can change. */
	if (s && s[0])
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/*
 * Remove "BASE.tmp-PID" files left by loads that were killed: their PID no
 * longer exists.  Best effort; errors are ignored (the file is only litter).
 */
static void remove_stale_temps(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	const char *base = slash ? slash + 1 : path;
	size_t blen;
	DIR *dh;
	struct dirent *de;

	if (slash)
		*slash = '\0';
	blen = strlen(base);
	if (!(dh = opendir(slash ? (dir[0] ? dir : "/") : "."))) {
		free(dir);
		return;
	}
	while ((de = readdir(dh))) {
		const char *p = de->d_name;
		char *end;
		long pid;
		if (strncmp(p, base, blen) != 0 || strncmp(p + blen, ".tmp-", 5) != 0)
			continue;
		pid = strtol(p + blen + 5, &end, 10);
		if (*end || pid <= 0 || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		{
			char *full = xmalloc(strlen(dir) + strlen(p) + 2);
			sprintf(full, "%s/%s", slash ? (dir[0] ? dir : "") : ".", p);
			unlink(full);
			free(full);
		}
	}
	closedir(dh);
	free(dir);
}

/*
 * Copy SRC to DST byte for byte (for --add).  DST must not exist.  The
 * descriptor of SRC is handed back in *KEEP, to be closed only after the
 * lock on SRC is released: closing any descriptor of a file drops every
 * POSIX lock this process holds on it, SQLite's included.
 */
static enum pc_rc copy_file(const char *src, const char *dst, int *keep, struct diag *d)
{
	char buf[1 << 16];
	int in = -1, out = -1;
	enum pc_rc rc = PC_OK;
	ssize_t n;

	if ((in = open(src, O_RDONLY | O_CLOEXEC)) < 0) {
		rc = diag_set(d, PC_ERR_DB, src, 0, 0,
			      "cannot open the database to add to: %s (build it first with "
			      "'placecheck load')", strerror(errno));
		goto done;
	}
	/* Read-write for us while we build; the old mode is set at commit. */
	if ((out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)) < 0) {
		rc = diag_set(d, PC_ERR_IO, dst, 0, 0, "cannot create: %s", strerror(errno));
		goto done;
	}
	while ((n = read(in, buf, sizeof buf)) != 0) {
		char *p = buf;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = diag_set(d, PC_ERR_IO, src, 0, 0, "read: %s", strerror(errno));
			goto done;
		}
		while (n > 0) {
			ssize_t w = write(out, p, (size_t)n);
			if (w < 0) {
				if (errno == EINTR)
					continue;
				rc = diag_set(d, PC_ERR_IO, dst, 0, 0, "write: %s", strerror(errno));
				goto done;
			}
			p += w;
			n -= w;
		}
	}
done:
	*keep = in;
	if (out >= 0)
		close(out);
	return rc;
}

/* Check that an --add base is a placecheck database of our schema version. */
static enum pc_rc check_version(struct db_build *b, struct diag *d)
{
	sqlite3_stmt *st = NULL;
	enum pc_rc rc = PC_OK;

	if (sqlite3_prepare_v2(b->db, "SELECT value FROM meta WHERE key='schema_version'", -1,
			       &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW ||
	    sqlite3_column_int(st, 0) != DB_SCHEMA_VERSION)
		rc = diag_set(d, PC_ERR_DB, b->path, 0, 0,
			      "not a placecheck database of schema version %d; rebuild it "
			      "with 'placecheck load' (without --add)", DB_SCHEMA_VERSION);
	sqlite3_finalize(st);
	return rc;
}

/*
 * Under --add the prominent list starts with what the old database holds,
 * so that new names are compared with old ones in the look-alike pass.
 */
static enum pc_rc seed_prominent(struct db_build *b, struct diag *d)
{
	sqlite3_stmt *st = NULL;
	enum pc_rc rc = PC_OK;
	int src;

	/*
	 * The entries a full load makes prominent (load_lookalike.c): the
	 * main and ASCII names of countries, admin1 regions, GB and IE
	 * counties (db.h DB_COUNTY_COUNTRIES_SQL) and prominent
	 * places (a region row's population is the sum of its places, which
	 * is no reason to take part), and the countries' short forms and
	 * demonyms (db_build_prominent_add keeps the ASCII keys).  Not a
	 * group of admin2 units read as an admin1 region (db.h
	 * DB_FCODE_ADMIN2_GROUP): a full load makes it after the admin
	 * regions, and no look-alikes of it.  Anything
	 * wider gives an --add database look-alikes a full load of the same
	 * files would not have.
	 */
	rc = db_build_prepare(b,
		"SELECT n.key, p.id, p.kind FROM places p JOIN names n ON n.place_id = p.id"
		" WHERE (n.kind IN (0,1) AND ((p.kind IN (1,2) AND p.fcode IS NOT '" DB_FCODE_ADMIN2_GROUP "')"
		"   OR (p.kind = 0 AND"
		"   (p.population >= ?1 OR p.fcode = 'PPLC'"
		"    OR (p.fcode IN ('PPLA','PPLA2') AND p.population >= ?2)))))"
		"  OR (p.kind = 1 AND n.kind IN (4,5))"
		"  OR (p.kind = 3 AND n.kind IN (0,1) AND p.country IN " DB_COUNTY_COUNTRIES_SQL ")",
		&st, d);
	if (rc != PC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, b->prom.min_pop);
	sqlite3_bind_int64(st, 2, b->prom.min_pop_seat);
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		db_build_prominent_add(b, (const char *)sqlite3_column_text(st, 0),
				       sqlite3_column_int64(st, 1),
				       sqlite3_column_int(st, 2) == DB_KIND_COUNTRY);
	}
	if (src != SQLITE_DONE)
		rc = db_build_err(b, d, "reading the old names");
	sqlite3_finalize(st);
	if (rc != PC_OK)
		return rc;
	/* The old places' ids: a row with one of them needs --replace (load.h). */
	st = NULL;
	if ((rc = db_build_prepare(b, "SELECT id FROM places WHERE id > 0", &st, d)) != PC_OK)
		return rc;
	while ((src = sqlite3_step(st)) == SQLITE_ROW)
		db_ids_add(&b->ids_old, sqlite3_column_int64(st, 0));
	if (src != SQLITE_DONE)
		rc = db_build_err(b, d, "reading the old places");
	sqlite3_finalize(st);
	return rc;
}

enum pc_rc db_build_begin(const char *path, unsigned flags, const struct db_prominence *prom,
			  struct db_build **out, struct diag *d)
{
	struct db_build *b = xcalloc(1, sizeof *b);
	enum pc_rc rc = PC_OK;
	size_t len;

	b->wb_fd = -1;
	b->copy_fd = -1;
	*out = NULL;
	b->flags = flags;
	b->prom = *prom;
	arena_init(&b->arena, 0);
	if ((rc = db_build_resolve_target(b, path, d)) != PC_OK) {
		b->tmp_path = xstrdup("");
		goto done;
	}
	len = strlen(b->path);
	b->tmp_path = xmalloc(len + 32);
	snprintf(b->tmp_path, len + 32, "%s.tmp-%ld", b->path, (long)getpid());
	remove_stale_temps(b->path);
	unlink(b->tmp_path); /* a leftover of an earlier process with our pid */
	if (flags & DB_BUILD_ADD) {
		/* Locked before the copy, until the rename: see db_write.h. */
		if ((rc = db_build_lock_target(b, 1, d)) != PC_OK ||
		    (rc = copy_file(b->path, b->tmp_path, &b->copy_fd, d)) != PC_OK)
			goto done;
		chmod(b->tmp_path, 0600);
	} else {
		/* Create it exclusively so that we never write through a symlink. */
		int fd = open(b->tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
		if (fd < 0) {
			rc = diag_set(d, PC_ERR_IO, b->tmp_path, 0, 0, "cannot create: %s",
				      strerror(errno));
			goto done;
		}
		close(fd);
	}
	if (sqlite3_open_v2(b->tmp_path, &b->db,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		rc = db_build_err(b, d, "cannot open the new database");
		goto done;
	}
	if (flags & DB_BUILD_ADD) {
		if ((rc = check_version(b, d)) != PC_OK)
			goto done;
	} else if ((rc = db_build_exec(b, "PRAGMA page_size=8192;", d)) != PC_OK) {
		goto done;
	}
	/*
	 * The file is private until the rename, so SQLite's own crash safety
	 * buys nothing here and costs most of the time.  Temporary storage
	 * stays on disk (the default): index sorts of a large input spill
	 * there instead of growing memory.  The rows go in in key order,
	 * so a 4 MB page cache (it caps the index sorts' memory too) loads
	 * faster than a 16 MB one: every fresh page of a bigger cache is a
	 * page fault, and those cost more than the re-reads they save.
	 */
	rc = db_build_exec(b,
			   "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
			   "PRAGMA locking_mode=EXCLUSIVE; PRAGMA cache_size=-4096;"
			   "PRAGMA secure_delete=OFF;"
			   "BEGIN;",
			   d);
	if (rc != PC_OK)
		goto done;
	if ((rc = db_build_exec(b, schema_sql, d)) != PC_OK)
		goto done;
	if ((rc = db_build_prepare_all(b, d)) != PC_OK)
		goto done;
	if (flags & DB_BUILD_ADD) {
		b->need_dedupe = 1;
		if ((rc = db_build_exec(b, clear_derived_sql, d)) != PC_OK)
			goto done;
		if ((rc = seed_prominent(b, d)) != PC_OK)
			goto done;
	}
done:
	if (rc != PC_OK) {
		db_build_abort(b);
		return rc;
	}
	*out = b;
	return PC_OK;
}

static void build_free(struct db_build *b)
{
	db_build_finalize_all(b);
	if (b->db)
		sqlite3_close(b->db);
	b->db = NULL;
	if (b->lock)
		sqlite3_close(b->lock); /* rolls back the empty write transaction */
	b->lock = NULL;
	if (b->copy_fd >= 0)
		close(b->copy_fd); /* only now: see copy_file */
	db_ids_free(&b->ids_new);
	db_ids_free(&b->ids_old);
	arena_free(&b->arena);
	free(b->prom_list);
	db_build_names_discard(b);
	db_build_prefixes_discard(b);
	if (b->wb_fd >= 0)
		close(b->wb_fd);
	buf_free(&b->fk_text);
	buf_free(&b->nk_text);
	buf_free(&b->pb_text);
	free(b->pb_rows);
	free(b->layers);
	free(b->path);
	free(b->tmp_path);
	free(b);
}

void db_build_abort(struct db_build *b)
{
	if (!b)
		return;
	db_build_finalize_all(b);
	if (b->db)
		sqlite3_close(b->db);
	b->db = NULL;
	if (b->tmp_path[0])
		unlink(b->tmp_path);
	build_free(b);
}

/*
 * Start writing the pages SQLite has handed to the kernel so far, without
 * waiting for them.  The fsync at commit then finds most of the file
 * already on its way to disk instead of writing all of it while the load
 * waits; the kernel's flusher does the work on whichever core is idle.
 * Best effort: any error here is left for that fsync to report.
 */
void db_build_writeback(struct db_build *b)
{
	if (b->wb_fd < 0)
		b->wb_fd = open(b->tmp_path, O_RDONLY | O_CLOEXEC);
	if (b->wb_fd >= 0)
		sync_file_range(b->wb_fd, 0, 0, SYNC_FILE_RANGE_WRITE);
}

/* fsync a file or directory by path. */
static enum pc_rc sync_path(const char *path, int is_dir, struct diag *d)
{
	int fd = open(path, (is_dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);

	if (fd < 0)
		return diag_set(d, PC_ERR_IO, path, 0, 0, "open: %s", strerror(errno));
	if (fsync(fd) != 0 && !is_dir) {
		int e = errno;
		close(fd);
		return diag_set(d, PC_ERR_IO, path, 0, 0, "fsync: %s", strerror(e));
	}
	close(fd);
	return PC_OK;
}

/* built_at: $SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
static void built_at(char *out, size_t size)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL);
	struct tm tm;

	if (sde && sde[0]) {
		char *end;
		long long v = strtoll(sde, &end, 10);
		if (!*end && v >= 0)
			t = (time_t)v;
	}
	gmtime_r(&t, &tm);
	strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static enum pc_rc put_meta(struct db_build *b, const char *key, const char *value,
			   struct diag *d)
{
	sqlite3_stmt *st = NULL;
	enum pc_rc rc;

	rc = db_build_prepare(b, "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)", &st, d);
	if (rc != PC_OK)
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = db_build_step_done(b, st, d, "meta");
	sqlite3_finalize(st);
	return rc;
}

void db_build_set_layers(struct db_build *b, const char *layers)
{
	free(b->layers);
	b->layers = xstrdup(layers ? layers : "");
}

/* Is LINE (LEN bytes) one of the lines of LIST? */
static int has_line(const char *list, const char *line, size_t len)
{
	const char *p = list;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t l = nl ? (size_t)(nl - p) : strlen(p);
		if (l == len && memcmp(p, line, len) == 0)
			return 1;
		if (!nl)
			break;
		p = nl + 1;
	}
	return 0;
}

/*
 * meta "layers": the old database's (an --add's copy holds them), then
 * this load's that are not there yet, one a line.
 */
static enum pc_rc put_layers(struct db_build *b, struct diag *d)
{
	sqlite3_stmt *st = NULL;
	struct buf all;
	const char *p;
	enum pc_rc rc;

	buf_init(&all, 0);
	if (sqlite3_prepare_v2(b->db, "SELECT value FROM meta WHERE key = 'layers'", -1, &st,
			       NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		buf_puts(&all, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	for (p = b->layers; *p;) {
		const char *nl = strchr(p, '\n');
		size_t l = nl ? (size_t)(nl - p) : strlen(p);
		if (l && !has_line(buf_str(&all), p, l)) {
			if (all.len)
				buf_putc(&all, '\n');
			buf_append(&all, p, l);
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	rc = put_meta(b, "layers", buf_str(&all), d);
	buf_free(&all);
	return rc;
}

static int64_t count_rows(struct db_build *b, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int64_t n = 0;

	if (sqlite3_prepare_v2(b->db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

enum pc_rc db_build_derive_names(struct db_build *b, struct diag *d)
{
	enum pc_rc rc;

	db_build_writeback(b);
	if ((rc = db_build_flush_places(b, d)) != PC_OK ||
	    (rc = db_build_flush_names(b, d)) != PC_OK ||
	    (rc = db_build_prefixes_start(b, d)) != PC_OK)
		return rc;
	/* The names buffer is not needed again: give its memory back. */
	free(b->nb_rows);
	b->nb_rows = NULL;
	b->nb_cap = 0;
	buf_free(&b->nb_text);
	buf_init(&b->nb_text, 0);
	b->names_derived = 1;
	return PC_OK;
}

enum pc_rc db_build_index(struct db_build *b, struct diag *d)
{
	enum pc_rc rc;

	if ((rc = db_build_flush_places(b, d)) != PC_OK)
		return rc;
	db_build_writeback(b);
	/* The prefix pass computes in its thread meanwhile (db_build_prefixes_start). */
	rc = db_build_exec(b,
			     "CREATE INDEX IF NOT EXISTS region_members_place ON region_members(place_id);"
			     /* a region's abbreviations ("Va.") for suggestions: a
			      * partial index of a few hundred rows */
			     "CREATE INDEX IF NOT EXISTS names_abbrev ON names(place_id) WHERE kind = 3;"
			     /* and whether its people have a name (db_place_has_demonym):
			      * without it the question scans every name, 19 s more
			      * for 1,000 articles */
			     "CREATE INDEX IF NOT EXISTS names_demonym ON names(place_id) WHERE kind = 4;"
			     /* query --near: a latitude band, then exact distances (places only, as the query asks) */
			     "CREATE INDEX IF NOT EXISTS places_lat ON places(lat) WHERE kind = 0;"
			     /* a region's capital (db_region_capital): a few thousand rows */
			     "CREATE INDEX IF NOT EXISTS places_capital ON places(country, admin1)"
			     " WHERE fcode IN ('PPLC', 'PPLG', 'PPLA') AND kind = 0;",
			     d);
	if (rc != PC_OK)
		return rc;
	return db_build_prefixes_finish(b, d);
}

enum pc_rc db_build_commit(struct db_build *b, const char *sources,
			   struct db_build_stats *stats, struct diag *d)
{
	enum pc_rc rc;
	char when[40], num[32];
	char *dir = NULL, *slash;

	if (!b->names_derived && (rc = db_build_derive_names(b, d)) != PC_OK)
		goto fail;
	if ((rc = db_build_flush_near(b, d)) != PC_OK)
		goto fail;
	if ((rc = db_build_index(b, d)) != PC_OK)
		goto fail;
	built_at(when, sizeof when);
	snprintf(num, sizeof num, "%d", DB_SCHEMA_VERSION);
	if ((rc = put_meta(b, "schema_version", num, d)) != PC_OK ||
	    (rc = put_meta(b, "built_at", when, d)) != PC_OK ||
	    (rc = put_meta(b, "sources", sources ? sources : "", d)) != PC_OK)
		goto fail;
	snprintf(num, sizeof num, "%d", b->stats.max_name_words);
	if ((rc = put_meta(b, "max_name_words", num, d)) != PC_OK)
		goto fail;
	if (b->layers && (rc = put_layers(b, d)) != PC_OK)
		goto fail;
	b->stats.n_populated = count_rows(b, "SELECT count(*) FROM places WHERE kind = 0");
	snprintf(num, sizeof num, "%lld", (long long)b->stats.n_populated);
	if ((rc = put_meta(b, "n_places", num, d)) != PC_OK)
		goto fail;
	b->stats.n_places = count_rows(b, "SELECT count(*) FROM places");
	b->stats.n_names = count_rows(b, "SELECT count(*) FROM names");
	b->stats.n_lookalikes = count_rows(b, "SELECT count(*) FROM lookalikes");
	/*
	 * Region rows are the synthetic ones (negative ids, the front of the
	 * table) and the own features the code tables point at: two short
	 * range reads instead of a scan of every place.
	 */
	b->stats.n_regions = count_rows(b,
		"SELECT (SELECT count(*) FROM places WHERE id < 0 AND kind <> 0)"
		" + (SELECT count(*) FROM places WHERE kind <> 0 AND id IN"
		"  (SELECT place_id FROM countries WHERE place_id > 0"
		"   UNION SELECT place_id FROM admin1 WHERE place_id > 0"
		"   UNION SELECT place_id FROM admin2 WHERE place_id > 0))");
	if ((rc = db_build_exec(b, "COMMIT;", d)) != PC_OK)
		goto fail;
	db_build_finalize_all(b);
	if (sqlite3_close(b->db) != SQLITE_OK) {
		rc = db_build_err(b, d, "close");
		goto fail;
	}
	b->db = NULL;
	/* The old file, locked (an --add holds it since its copy), and the guard. */
	if (!b->lock && (rc = db_build_lock_target(b, 0, d)) != PC_OK)
		goto fail;
	b->stats.old_exists = b->target_exists;
	b->stats.old_populated = b->lock ? db_build_count_populated(b->lock) : 0;
	if (!(b->flags & DB_BUILD_FORCE) &&
	    (b->stats.n_populated == 0 || b->stats.n_populated * 2 < b->stats.old_populated)) {
		b->stats.refused = 1;
		if (stats)
			*stats = b->stats;
		rc = diag_set(d, PC_ERR_USAGE, b->path, 0, 0,
			      "not replaced: the new database would have %lld populated places, the "
			      "old one has %lld (--force replaces it anyway)",
			      (long long)b->stats.n_populated, (long long)b->stats.old_populated);
		goto fail;
	}
	/* The old file's mode (else 0644 less the umask) and, where we may, its owner. */
	if (b->target_exists) {
		if (chmod(b->tmp_path, (mode_t)b->target_mode) != 0) {
			rc = diag_set(d, PC_ERR_IO, b->tmp_path, 0, 0, "cannot set its mode: %s",
				      strerror(errno));
			goto fail;
		}
		if (chown(b->tmp_path, (uid_t)b->target_uid, (gid_t)b->target_gid) != 0)
			(void)0; /* not ours to give away: the file stays ours */
	}
	if ((rc = sync_path(b->tmp_path, 0, d)) != PC_OK)
		goto fail;
	if (rename(b->tmp_path, b->path) != 0) {
		rc = diag_set(d, PC_ERR_IO, b->path, 0, 0, "cannot rename %s over it: %s",
			      b->tmp_path, strerror(errno));
		goto fail;
	}
	/* Make the rename itself durable. */
	dir = xstrdup(b->path);
	slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	sync_path(slash ? dir : ".", 1, NULL);
	free(dir);
	if (stats)
		*stats = b->stats;
	build_free(b);
	return PC_OK;
fail:
	db_build_abort(b);
	return rc;
}
