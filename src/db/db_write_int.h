/*
 * db_write_int.h: internals of the write side shared by db_schema.c,
 * db_write.c and db_write_finish.c.  Never included from outside src/db/.
 */
#ifndef PC_DB_DB_WRITE_INT_H
#define PC_DB_DB_WRITE_INT_H

#include "db/db_write.h"

#include "base/arena.h"

#include <sqlite3.h>
#include <stdio.h>

#define DB_NAME_BATCH 100
/*
 * Names wait in memory until this many bytes (rows, text and sort index)
 * are held (db_write_names.c).  The bundled cities500 (470,000 names,
 * about 30 MB) fits; a larger input spills sorted runs to temporary files,
 * merged when the names go in, so memory stays flat whatever the input.
 */
#define DB_NAME_MEM_CAP ((size_t)48 << 20)
#define DB_NEAR_BATCH 200
#define DB_PREFIX_BATCH 200
#define DB_PLACE_BATCH 50

/* A names row waiting in memory; strings are offsets in nb_text. */
struct db_name_row {
	int64_t place_id;
	uint32_t key, form;
	int kind;
};

struct name_seg;

/*
 * A set of positive places ids (db_write_ids.c): a bitmap in pages of
 * 65,536 ids below DB_IDS_DENSE, a hash above.  GeoNames' ids run to about
 * 13 million today; 2^27 leaves room and caps the page table at 16 KB.
 */
#define DB_IDS_DENSE ((int64_t)1 << 27)
struct db_ids {
	uint64_t **pages;  /* NULL until the first dense id; each page NULL until used */
	int64_t *big;      /* ids from DB_IDS_DENSE up; 0 = empty slot */
	size_t cap_big, n_big;
};
int db_ids_has(const struct db_ids *s, int64_t id);
void db_ids_add(struct db_ids *s, int64_t id);
void db_ids_free(struct db_ids *s);

struct db_build {
	sqlite3 *db;
	char *path;     /* the target, renamed over at commit */
	char *tmp_path; /* PATH.tmp-PID */
	unsigned flags;
	int need_dedupe;
	int names_derived; /* db_build_derive_names() done */
	struct db_prominence prom;
	/* Prepared once, reused with bind/reset (see db_write.c). */
	sqlite3_stmt *st_place, *st_place_replace, *st_name, *st_exists, *st_country, *st_admin1,
		*st_admin2, *st_cpoint, *st_rname, *st_region, *st_cue, *st_topic, *st_lex,
		*st_alike, *st_near;
	sqlite3_stmt *st_name_batch;
	struct db_name_row *nb_rows;
	size_t nb_n, nb_cap;
	struct buf nb_text;
	int64_t n_names_written; /* rows sent to the names table so far */
	int names_moved;         /* region names re-pointed (--add) */
	int names_plain;         /* rows written before dedupe was asked */
	struct name_seg *sealed; /* names sorted in a thread meanwhile (presort) */
	size_t sealed_n, sealed_text; /* its rows and text bytes, for the cap */
	FILE **nb_runs;          /* sorted runs spilled to temporary files */
	size_t n_runs;
	uint64_t nb_seq;         /* rows spilled so far: arrival order of nb_rows[0] */
	sqlite3_stmt *st_near_batch, *st_place_batch;
	struct db_packed_place *pb_rows; /* strings in pb_text */
	size_t pb_n;
	struct buf pb_text;
	size_t nk_off[DB_NEAR_BATCH * 2];
	size_t nk_n;
	struct buf nk_text;
	/* Prominent keys for the look-alike pass; strings in ARENA. */
	struct arena arena;
	struct db_prominent *prom_list;
	size_t n_prom, cap_prom;
	int prom_sorted;
	int64_t csv_next;  /* 0 until first asked */
	char *layers;      /* db_build_set_layers (heap), NULL if never set */
	void (*tick)(void *ud, uint64_t names); /* db_build_set_tick */
	void *tick_ud;
	uint64_t n_names_out;  /* name rows inserted so far (for the tick) */
	int wb_fd;         /* the temporary file, for early writeback; -1 until opened */
	/*
	 * The distinct keys the last names flush wrote, in order and
	 * NUL-terminated, valid (FK_WHOLE) when that flush wrote the whole
	 * table: the prefix pass reads them instead of scanning the table.
	 */
	struct buf fk_text;
	uint64_t fk_n;
	int fk_whole;
	struct prefix_job *prefixes; /* started, not yet written (db_write_prefixes.c) */
	struct db_build_stats stats;
	/*
	 * The places ids given to this build (db_build_place), and under
	 * DB_BUILD_ADD those of the database it started from, so that a
	 * repeated id is told from a new one as the rows stream in.
	 */
	struct db_ids ids_new, ids_old;
	int64_t n_replaced;      /* old places replaced (listed in s_replaced) */
	/*
	 * The file being replaced (db_schema.c): its real path (a symbolic
	 * link resolved), whether it exists, its mode and owner (kept), and a
	 * second connection to it holding a write transaction (RESERVED lock)
	 * from the --add copy, or from just before the rename of a full load,
	 * until the rename: two loads never work from the same old file.
	 */
	sqlite3 *lock;
	int copy_fd;             /* the old file, open since the copy: see copy_file */
	int target_exists;
	unsigned target_mode;
	long target_uid, target_gid;
};

/* Record the SQLite error of B in D with a short context; returns PC_ERR_DB. */
enum pc_rc db_build_err(struct db_build *b, struct diag *d, const char *what);
/* Start the kernel writing the file so far (db_schema.c); best effort. */
void db_build_writeback(struct db_build *b);
/* Run SQL (no results); PC_ERR_DB with D set on failure. */
enum pc_rc db_build_exec(struct db_build *b, const char *sql, struct diag *d);
/* Prepare SQL into *ST. */
enum pc_rc db_build_prepare(struct db_build *b, const char *sql, sqlite3_stmt **st,
			    struct diag *d);
/* Step an insert/update statement to completion and reset it. */
enum pc_rc db_build_step_done(struct db_build *b, sqlite3_stmt *st, struct diag *d,
			      const char *what);
/* Bind TEXT or NULL (S == NULL or empty); S must stay valid until the step. */
void db_build_bind_text(sqlite3_stmt *st, int i, const char *s);
/*
 * The file being replaced (db_write_target.c).  _resolve_target sets
 * b->path to the file PATH names (a symbolic link's target), refusing
 * anything there that is not a regular file.  _lock_target takes the
 * write lock on it in b->lock (FOR_ADD: required; else a file that
 * cannot be locked is replaced all the same) and records its mode and
 * owner.  _count_populated: its kind-0 places, 0 when it cannot tell.
 */
enum pc_rc db_build_resolve_target(struct db_build *b, const char *path, struct diag *d);
enum pc_rc db_build_lock_target(struct db_build *b, int for_add, struct diag *d);
int64_t db_build_count_populated(sqlite3 *db);
/*
 * Delete the old names of the places --replace replaced (before the first
 * names flush: until then the names table holds only old rows).
 */
enum pc_rc db_build_drop_replaced_names(struct db_build *b, struct diag *d);
/* Prepare the insert statements (db_write.c); finalize them all. */
enum pc_rc db_build_prepare_all(struct db_build *b, struct diag *d);
void db_build_finalize_all(struct db_build *b);
/* Write the places waiting in their batch (before anything reads places). */
enum pc_rc db_build_flush_places(struct db_build *b, struct diag *d);
/* Write the near_keys rows waiting in their batch. */
enum pc_rc db_build_flush_near(struct db_build *b, struct diag *d);
/* Write the names waiting in the batch (before anything reads names). */
enum pc_rc db_build_flush_names(struct db_build *b, struct diag *d);
/* Drop the names still waiting (spilled runs included): abort, free. */
void db_build_names_discard(struct db_build *b);
/*
 * name_prefixes, the name filter and max_name_words (db_write_prefixes.c),
 * once the names are in: _start gathers the keys and computes the rest in
 * a thread, _finish (after the indexes) waits for it and writes the rows;
 * _discard drops a started job (abort).  _finish without _start does nothing.
 */
struct prefix_job;
enum pc_rc db_build_prefixes_start(struct db_build *b, struct diag *d);
enum pc_rc db_build_prefixes_finish(struct db_build *b, struct diag *d);
void db_build_prefixes_discard(struct db_build *b);

#endif
