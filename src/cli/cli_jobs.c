/*
 * cli_jobs.c: ordered thread pool (cli_jobs.h).
 *
 * A ring of WINDOW slots indexed by sequence number modulo WINDOW, and three
 * counters that only grow: n_submitted, n_taken (next for a worker) and
 * n_emitted.  n_emitted <= n_taken <= n_submitted <= n_emitted + window.
 * One mutex guards them and the slots' done flags; workers wait on
 * `work`, the main thread on `done`.
 */
#include "cli/cli_jobs.h"

#include "base/xmem.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct slot {
	void *item;
	int done;
};

struct worker {
	struct cli_jobs *j;
	void *wstate;
	pthread_t tid;
};

struct cli_jobs {
	struct cli_jobs_ops ops;
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	struct slot *ring;
	size_t window;
	size_t n_submitted, n_taken, n_emitted;
	int closing;
	struct worker *workers;
	size_t n_workers;
	void *solo; /* one worker: its state, and no threads */
};

static void *worker_main(void *p)
{
	struct worker *w = p;
	struct cli_jobs *j = w->j;

	pthread_mutex_lock(&j->mu);
	for (;;) {
		struct slot *s;
		while (j->n_taken == j->n_submitted && !j->closing)
			pthread_cond_wait(&j->work, &j->mu);
		if (j->n_taken == j->n_submitted)
			break; /* closing and nothing left */
		s = &j->ring[j->n_taken++ % j->window];
		pthread_mutex_unlock(&j->mu);
		j->ops.run(w->wstate, s->item);
		pthread_mutex_lock(&j->mu);
		s->done = 1;
		pthread_cond_broadcast(&j->done);
	}
	pthread_mutex_unlock(&j->mu);
	return NULL;
}

struct cli_jobs *cli_jobs_start(const struct cli_jobs_ops *ops, void **wstates,
				size_t n_workers, size_t window)
{
	struct cli_jobs *j = xcalloc(1, sizeof *j);
	size_t i;

	j->ops = *ops;
	if (n_workers <= 1) {
		j->solo = wstates[0];
		return j;
	}
	j->window = window ? window : 4 * n_workers;
	j->ring = xcalloc(j->window, sizeof *j->ring);
	pthread_mutex_init(&j->mu, NULL);
	pthread_cond_init(&j->work, NULL);
	pthread_cond_init(&j->done, NULL);
	j->workers = xcalloc(n_workers, sizeof *j->workers);
	for (i = 0; i < n_workers; i++) {
		j->workers[i].j = j;
		j->workers[i].wstate = wstates[i];
		if (pthread_create(&j->workers[i].tid, NULL, worker_main, &j->workers[i]) != 0)
			break;
	}
	j->n_workers = i;
	if (i < n_workers) {
		/* Stop what started and let the caller decide. */
		cli_jobs_finish(j);
		return NULL;
	}
	return j;
}

/* Emit every finished item at the head of the ring.  Called with mu held;
 * BLOCK_UNTIL: keep waiting until n_emitted reaches it. */
static void drain(struct cli_jobs *j, size_t block_until)
{
	while (j->n_emitted < j->n_submitted) {
		struct slot *s = &j->ring[j->n_emitted % j->window];
		void *item;
		if (!s->done) {
			if (j->n_emitted >= block_until)
				return;
			pthread_cond_wait(&j->done, &j->mu);
			continue;
		}
		item = s->item;
		s->done = 0;
		s->item = NULL;
		/* The slot is ours until n_emitted moves: emit without the lock. */
		pthread_mutex_unlock(&j->mu);
		j->ops.emit(j->ops.arg, item);
		pthread_mutex_lock(&j->mu);
		j->n_emitted++;
	}
}

void cli_jobs_submit(struct cli_jobs *j, void *item)
{
	struct slot *s;

	if (j->solo) {
		j->ops.run(j->solo, item);
		j->ops.emit(j->ops.arg, item);
		return;
	}
	pthread_mutex_lock(&j->mu);
	/* Room for one more: emit (waiting if need be) the oldest. */
	if (j->n_submitted - j->n_emitted == j->window)
		drain(j, j->n_emitted + 1);
	s = &j->ring[j->n_submitted % j->window];
	s->item = item;
	s->done = 0;
	j->n_submitted++;
	pthread_cond_signal(&j->work);
	/* Let finished output out now: a downstream reader may be waiting. */
	drain(j, 0);
	pthread_mutex_unlock(&j->mu);
}

void cli_jobs_finish(struct cli_jobs *j)
{
	size_t i;

	if (!j)
		return;
	if (j->solo) {
		free(j);
		return;
	}
	pthread_mutex_lock(&j->mu);
	drain(j, j->n_submitted);
	j->closing = 1;
	pthread_cond_broadcast(&j->work);
	pthread_mutex_unlock(&j->mu);
	for (i = 0; i < j->n_workers; i++)
		pthread_join(j->workers[i].tid, NULL);
	pthread_cond_destroy(&j->work);
	pthread_cond_destroy(&j->done);
	pthread_mutex_destroy(&j->mu);
	free(j->workers);
	free(j->ring);
	free(j);
}

size_t cli_jobs_ncpu(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (size_t)n : 1;
}
