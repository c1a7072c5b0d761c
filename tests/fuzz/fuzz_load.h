/*
 * fuzz_load.h: what the load targets (fuzz_geonames.c, fuzz_csv.c,
 * fuzz_compressed.c) do alike.  The loader has no entry point that parses
 * one buffer: rows are streamed from files into a database under
 * construction.  So each input is written to a file in a scratch folder
 * of the process and loaded whole with load_run() into a database beside
 * it, the way `placecheck load FILE` does it; the target picks the load
 * options and what goes into the file.
 *
 * Use, for each input: fuzz_load_setup(), fuzz_load_write(),
 * fuzz_load_run(), the checks (fuzz_load_require() for the common
 * contract), fuzz_load_clean().  Include after fuzz.h (REQUIRE).  Static
 * functions, as each target is built from its own .c file.
 */
#ifndef PC_FUZZ_LOAD_H
#define PC_FUZZ_LOAD_H

#include "load/load.h"

#include "db/db.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The files of one target, for the life of the process. */
struct fuzz_load {
	char dir[64];     /* the scratch folder; empty until fuzz_load_setup() */
	char in_path[96]; /* the input file written for each run */
	char db_path[96]; /* the database load_run() builds */
};

/* On the first call, makes F's scratch folder DIR_NAME.PID in /dev/shm
 * (else /tmp) and names the input file IN_NAME and the database fuzz.db
 * inside it (the loader reads some kinds by their file name); later calls
 * do nothing. */
static inline void fuzz_load_setup(struct fuzz_load *f, const char *dir_name, const char *in_name)
{
	if (f->dir[0])
		return;
	snprintf(f->dir, sizeof f->dir, "%s/%s.%ld",
		 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", dir_name, (long)getpid());
	REQUIRE(mkdir(f->dir, 0700) == 0 || errno == EEXIST);
	snprintf(f->in_path, sizeof f->in_path, "%s/%s", f->dir, in_name);
	snprintf(f->db_path, sizeof f->db_path, "%s/fuzz.db", f->dir);
}

/* Writes HEAD (HEAD_LEN bytes, none when 0) and then BODY as the input file,
 * and removes a database an earlier run left. */
static inline void fuzz_load_write(const struct fuzz_load *f, const void *head, size_t head_len,
				   const void *body, size_t body_len)
{
	FILE *fp = fopen(f->in_path, "wb");

	REQUIRE(fp != NULL);
	if (head_len)
		fwrite(head, 1, head_len, fp);
	fwrite(body, 1, body_len, fp);
	fclose(fp);
	unlink(f->db_path);
}

/* load_run() on the input file into the database with OPTS (one input, as
 * `placecheck load FILE`); its result, with the details in D. */
static inline enum pc_rc fuzz_load_run(struct fuzz_load *f, const struct load_opts *opts, struct diag *d)
{
	char *inputs[1];
	struct load_stats *stats = calloc(1, sizeof *stats);
	enum pc_rc rc;

	REQUIRE(stats != NULL);
	inputs[0] = f->in_path;
	diag_clear(d);
	rc = load_run(f->db_path, inputs, 1, opts, stats, d);
	free(stats);
	return rc;
}

/* The outcome contract of a load on any bytes: PC_OK, PC_ERR_PARSE (a bad
 * header or a fatal row), PC_ERR_LIMIT, or PC_ERR_IO for bytes libarchive
 * takes for damaged compressed data; never a crash and never PC_ERR_DB for
 * a bad row.  A load that succeeded leaves a database db_open() accepts; a
 * failed one leaves no file. */
static inline void fuzz_load_require(const struct fuzz_load *f, enum pc_rc rc, const struct diag *d)
{
	REQUIRE(rc == PC_OK || rc == PC_ERR_PARSE || rc == PC_ERR_LIMIT ||
		(rc == PC_ERR_IO && strstr(d->msg, "damaged")));
	if (rc == PC_OK) {
		struct db *db = NULL;
		struct diag d2;

		diag_clear(&d2);
		REQUIRE(db_open(f->db_path, DB_OPEN_READONLY, &db, &d2) == PC_OK);
		db_close(db);
	} else {
		REQUIRE(access(f->db_path, F_OK) != 0);
	}
}

/* Removes the database and the input file, so the next input starts clean. */
static inline void fuzz_load_clean(const struct fuzz_load *f)
{
	unlink(f->db_path);
	unlink(f->in_path);
}

#endif
