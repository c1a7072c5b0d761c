/*
 * check.h: the checking pipeline for one document, end to end:
 * read -> scan -> match -> context -> resolve -> detect, then offsets mapped
 * back to the original file with line and column.
 *
 * struct check_engine holds what lives across documents: the database
 * handle (borrowed) and the cue index.  One engine per thread.
 *
 * Ownership: check_doc allocates everything in the caller's per-document
 * arena; the result points into that arena and into SRC (borrowed; it must
 * outlive the result).  Never prints, never exits.
 */
#ifndef PC_CHECK_CHECK_H
#define PC_CHECK_CHECK_H

#include "base/arena.h"
#include "base/diag.h"
#include "context/context.h"
#include "db/db.h"
#include "detect/detect.h"
#include "read/read.h"
#include "resolve/resolve.h"

#include <stdint.h>

struct check_engine {
	struct db *db;          /* borrowed */
	struct ctx_cues cues;   /* owned */
	struct resolve_cache cache; /* owned: look-alike look-ups across documents */
	struct resolve_pair *pairs; /* owned (heap): the newsroom's look-alikes */
	size_t n_pairs;
};

struct check_opts {
	enum read_fmt fmt;      /* READ_FMT_AUTO: from the name */
	struct detect_opts detect;
	/* CLOCK_MONOTONIC time in nanoseconds after which check_doc gives up
	 * (PC_ERR_LIMIT, "time limit"), checked between stages; 0: none.  A
	 * server's per-request limit (serve/); make it with check_deadline(). */
	uint64_t deadline_ns;
};

/* The CLOCK_MONOTONIC time MS milliseconds from now, for deadline_ns. */
uint64_t check_deadline(unsigned long ms);

/* Set up E over DB (borrowed).  Free with check_engine_free. */
enum pc_rc check_engine_init(struct check_engine *e, struct db *db, struct diag *d);
void check_engine_free(struct check_engine *e);

/*
 * A newsroom's own cue phrase (from its configuration): PHRASE points to
 * PLACE, written as a GeoNames id, "NAME" (the most prominent place of that
 * name), or "NAME, REGION" ("Charlotte, NC", "Charlotte, North Carolina",
 * "Sydney, Nova Scotia").  PC_ERR_USAGE with a message when the place is
 * not found.
 */
enum pc_rc check_engine_add_cue(struct check_engine *e, const char *phrase, const char *place,
				double weight, struct diag *d);

/* A newsroom's own look-alike pair (both directions). */
enum pc_rc check_engine_add_lookalike(struct check_engine *e, const char *a, const char *b,
				      struct diag *d);

/*
 * Check SRC[0..LEN) named NAME.  The result, its findings and places (sorted
 * by offset) come from A.  Invalid UTF-8 does not fail the check: its
 * positions come back in *DOC_OUT (if not NULL) for the caller to warn about.
 * A database read error during the check (a damaged page, a lock held past
 * the busy timeout) is PC_ERR_DB with D naming the database and what to do,
 * and no findings: never an answer built on lookups that failed.
 */
enum pc_rc check_doc(struct check_engine *e, const char *name, const char *src, size_t len,
		     const struct check_opts *o, struct arena *a, struct check_result *out /* OUT */,
		     struct read_doc *doc_out /* OUT, may be NULL */, struct diag *d);

#endif
