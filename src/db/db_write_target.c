/*
 * db_write_target.c: the file a build replaces (db_write.h, "The target"
 * and "Concurrency"): a symbolic link followed to the file it names,
 * anything but a regular file refused, SQLite's lock taken on the old file
 * (and taken again when another load renamed over it meanwhile), and its
 * populated places counted for the guard.
 */
#include "db/db_write_int.h"

#include "base/xmem.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a file that is not a regular file is, for messages. */
static const char *file_type(mode_t m)
{
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISCHR(m))
		return "a character device";
	if (S_ISBLK(m))
		return "a block device";
	if (S_ISSOCK(m))
		return "a socket";
	if (S_ISLNK(m))
		return "a symbolic link";
	return "not a regular file";
}

/*
 * Set b->path to the file PATH names: PATH itself, or the target of a
 * symbolic link (which is what gets replaced: the link stays).  Refuses
 * anything that is there and is not a regular file.
 */
enum pc_rc db_build_resolve_target(struct db_build *b, const char *path, struct diag *d)
{
	struct stat sb;
	char *real;

	if (lstat(path, &sb) != 0) {
		if (errno != ENOENT)
			return diag_set(d, PC_ERR_IO, path, 0, 0, "cannot look at it: %s", strerror(errno));
		b->path = xstrdup(path);
		return PC_OK;
	}
	if (!S_ISLNK(sb.st_mode)) {
		if (!S_ISREG(sb.st_mode))
			return diag_set(d, PC_ERR_IO, path, 0, 0,
					"%s, not a regular file: refusing to replace it with a database",
					file_type(sb.st_mode));
		b->path = xstrdup(path);
		return PC_OK;
	}
	if ((real = realpath(path, NULL))) {
		if (stat(real, &sb) != 0 || !S_ISREG(sb.st_mode)) {
			diag_set(d, PC_ERR_IO, path, 0, 0,
				 "a symbolic link to %s, %s, not a regular file: refusing to replace it "
				 "with a database", real,
				 stat(real, &sb) != 0 ? "which cannot be read" : file_type(sb.st_mode));
			free(real);
			return PC_ERR_IO;
		}
		b->path = real; /* malloc'd by realpath: freed with free() like the rest */
		return PC_OK;
	}
	{
		/* A link to a file not there yet: create the file it names. */
		char target[4096];
		ssize_t n = readlink(path, target, sizeof target - 1);
		const char *slash = strrchr(path, '/');
		struct buf full;
		if (n <= 0)
			return diag_set(d, PC_ERR_IO, path, 0, 0, "cannot read the symbolic link: %s",
					strerror(errno));
		target[n] = '\0';
		buf_init(&full, 0);
		if (target[0] != '/' && slash)
			buf_append(&full, path, (size_t)(slash - path) + 1);
		buf_puts(&full, target);
		if (lstat(buf_str(&full), &sb) == 0 || errno != ENOENT) {
			diag_set(d, PC_ERR_IO, path, 0, 0,
				 "a symbolic link to %s, which cannot be reached: refusing to replace it",
				 buf_str(&full));
			buf_free(&full);
			return PC_ERR_IO;
		}
		b->path = buf_detach(&full);
	}
	return PC_OK;
}

/*
 * Populated places in the database on connection DB: meta n_places, or a
 * count where an older build did not write it.  0 if it cannot tell.
 */
int64_t db_build_count_populated(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'n_places'", -1, &st, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (n < 0 &&
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM places WHERE kind = 0", -1, &st, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n > 0 ? n : 0;
}

/*
 * Lock the file being replaced: a write transaction on it, so that no
 * other load (nor any SQLite writer) works from it until our rename.
 * The lock is on the file SQLite opened; if PATH names another file by
 * the time we hold it (another load renamed over it meanwhile), start
 * again on the new one.  FOR_ADD: the lock is required (we copy the file
 * under it); a full load replaces a file it cannot lock (not a database,
 * no write permission) all the same.  Records the file's mode and owner.
 */
enum pc_rc db_build_lock_target(struct db_build *b, int for_add, struct diag *d)
{
	int tries;

	for (tries = 0; tries < 100; tries++) {
		struct stat s1, s2;
		int rc;

		if (stat(b->path, &s1) != 0) {
			b->target_exists = 0;
			if (errno == ENOENT && !for_add)
				return PC_OK;
			return diag_set(d, PC_ERR_DB, b->path, 0, 0,
					"cannot open the database to add to: %s (build it first with "
					"'placecheck load' without --add)", strerror(errno));
		}
		if (!S_ISREG(s1.st_mode))
			return diag_set(d, PC_ERR_IO, b->path, 0, 0,
					"%s, not a regular file: refusing to replace it with a database",
					file_type(s1.st_mode));
		b->target_exists = 1;
		b->target_mode = (unsigned)(s1.st_mode & 07777);
		b->target_uid = (long)s1.st_uid;
		b->target_gid = (long)s1.st_gid;
		rc = sqlite3_open_v2(b->path, &b->lock, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_busy_timeout(b->lock, DB_BUILD_LOCK_WAIT_MS);
			rc = sqlite3_exec(b->lock, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		}
		if (rc != SQLITE_OK) {
			int busy = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
			char msg[256];
			snprintf(msg, sizeof msg, "%s", b->lock ? sqlite3_errmsg(b->lock) : "out of memory");
			if (busy)
				return diag_set(d, PC_ERR_DB, b->path, 0, 0,
						"the database is locked by another process (a load, or a "
						"program writing to it) and stayed locked for %d minutes; "
						"nothing was changed", DB_BUILD_LOCK_WAIT_MS / 60000);
			if (b->lock && !for_add)
				return PC_OK; /* unlocked: counted and replaced all the same */
			sqlite3_close(b->lock);
			b->lock = NULL;
			if (!for_add)
				return PC_OK;
			return diag_set(d, PC_ERR_DB, b->path, 0, 0,
					"cannot lock the database to add to: %s", msg);
		}
		if (stat(b->path, &s2) == 0 && s2.st_dev == s1.st_dev && s2.st_ino == s1.st_ino) {
			b->target_mode = (unsigned)(s2.st_mode & 07777);
			return PC_OK;
		}
		sqlite3_close(b->lock); /* replaced while we waited: lock the new one */
		b->lock = NULL;
	}
	return diag_set(d, PC_ERR_DB, b->path, 0, 0,
			"the database kept being replaced while this load waited for it");
}
