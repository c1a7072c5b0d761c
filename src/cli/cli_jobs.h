/*
 * cli_jobs.h: an ordered thread pool for `check -j N`.
 *
 * The main thread submits items one by one (a file name, an ndjson line);
 * N worker threads run them in any order; the main thread hands the
 * results back through emit() strictly in submission order.  At most
 * `window` items are in flight ahead of the oldest one not yet emitted, so
 * memory stays bounded however long the stream is, and output keeps flowing
 * while input is still being read (a filter in a pipe).
 *
 * With one job no thread is started: submit() runs the item and emits it at
 * once, so -j 1 is the plain sequential loop.
 *
 * Each worker has a state of its own (its database connection and check
 * engine), made by the caller before the pool starts and passed to run().
 * run() must not touch anything shared; emit() runs on the main thread
 * only, one item at a time, so it may print and update totals.
 *
 * Ownership: the pool borrows the worker states and the items; it frees
 * neither.  Prints nothing.
 */
#ifndef PC_CLI_CLI_JOBS_H
#define PC_CLI_CLI_JOBS_H

#include <stddef.h>

struct cli_jobs;

struct cli_jobs_ops {
	/* Worker WSTATE runs ITEM (any thread). */
	void (*run)(void *wstate, void *item);
	/* ITEM is done; called in submission order on the submitting thread. */
	void (*emit)(void *arg, void *item);
	void *arg;
};

/*
 * Start a pool of N_WORKERS workers (>= 1) with states WSTATES[0..n) and an
 * in-flight window of WINDOW items (0: 4 per worker).  Returns NULL if a
 * thread cannot be started (the caller falls back to fewer workers).
 */
struct cli_jobs *cli_jobs_start(const struct cli_jobs_ops *ops, void **wstates,
				size_t n_workers, size_t window);

/* Queue ITEM; may block until the window has room, emitting meanwhile. */
void cli_jobs_submit(struct cli_jobs *j, void *item);

/* Wait for every item, emit the rest, stop the threads, free J. */
void cli_jobs_finish(struct cli_jobs *j);

/* Number of online processors (at least 1). */
size_t cli_jobs_ncpu(void);

#endif
