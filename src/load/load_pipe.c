/*
 * load_pipe.c: inputs read in a thread of their own.
 *
 * Decompressing, splitting and checking GeoNames rows costs about as much
 * as SQLite's inserts of the result, so the two run on two cores: a reader
 * thread runs load_stream with the usual row handler, whose output
 * (load_emit_*) goes into batches instead of the build; the load's own
 * thread replays each batch into the build, in order.  Folding the rows'
 * names into keys (load_fold_row_names) is the work that moves between
 * the two: the reader does it while the load's thread has batches
 * waiting, the load's thread when it has caught up (pipe_push), so
 * neither core idles while the other has work.  Folding was a third of
 * the load's thread's share when it sat there alone, and the reader's
 * own share when it sat there.  The build gets exactly the calls of the
 * one-thread path, in the same order, so the database is the same.  At
 * most PIPE_DEPTH batches exist, so memory does not grow with the file.
 *
 * While the file streams, the reader alone runs the row handler (file
 * stats' row and skip counts, the warn and progress callbacks); the load's
 * thread alone touches the build, L->key2 and the names count.  A failed
 * replay stops the reader at its next batch.
 *
 * The other inputs go the simpler way (load_stream_forwarded): the reader
 * only decompresses, splits and checks, and sends each row over as its
 * fields (OP_FIELDS); the load's thread runs the handler on them, so the
 * handlers need no change.  The reader works on its own copy of the
 * loader whose bad rows are sent over too (OP_BAD), so that counts and
 * warnings all come from the load's thread, in line order.
 */
#include "load/load_int.h"

#include "base/xmem.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define PIPE_DEPTH 4
#define PIPE_BATCH_OPS 8192
#define PIPE_BATCH_TEXT ((size_t)1 << 20)

enum { OP_PLACE, OP_ROW_NAMES, OP_ROW_RAW, OP_FIELDS, OP_BAD };

/* One emitted call; strings are offsets + 1 into the batch text (0 = NULL). */
struct pipe_op {
	int type;
	int prominent;
	int64_t id;
	/*
	 * PLACE: a = index in places.  ROW_NAMES: a = offset of the records
	 * in text, b = their count.  ROW_RAW: a, b, c = name, ascii,
	 * alternates (offsets + 1 in text, 0 = NULL), to be folded.
	 * FIELDS: a row for the handler, a = offset in text (each field a
	 * byte 0 for NULL, or 1 and the NUL-terminated text), b = the number
	 * of fields, c = the line.  BAD: a = the message (offset + 1), c =
	 * the line.
	 */
	size_t a, b, c;
};

struct load_batch {
	struct pipe_op *ops;
	size_t n_ops;
	struct db_packed_place *places; /* strings in text */
	size_t n_places;
	struct buf text;
	int fold;  /* the reader folds this batch's names (ROW_NAMES, not ROW_RAW) */
	struct load_batch *next;
};

struct pipe {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct load_batch *full_head, *full_tail; /* reader -> writer, in order */
	size_t n_full;
	struct load_batch *free_list;
	int done;      /* the reader has handed over its last batch */
	int stop;      /* the writer failed: the reader should give up */
	/* the reader's side */
	struct loader *L;
	int forward;        /* the reader only splits rows; the handler runs here */
	struct loader lr;   /* forward: the reader's own copy of the loader */
	int csv_mode;
	struct load_input *in;
	load_row_fn fn;
	int comments;
	enum pc_rc rc;
	struct diag d;
	/* The writer's: a replayed place dropped (its names follow), and the
	 * dropped rows' lines, reported once the reader is done with the
	 * file's counts. */
	int64_t skip_id;
	unsigned long *dup_lines;
	int64_t *dup_ids;
	size_t n_dups, cap_dups;
};

static struct load_batch *batch_new(void)
{
	struct load_batch *b = xcalloc(1, sizeof *b);

	b->ops = xreallocarray(NULL, PIPE_BATCH_OPS, sizeof *b->ops);
	b->places = xreallocarray(NULL, PIPE_BATCH_OPS, sizeof *b->places);
	buf_init(&b->text, 0);
	return b;
}

static void batch_free(struct load_batch *b)
{
	free(b->ops);
	free(b->places);
	buf_free(&b->text);
	free(b);
}

/* Reader: hand the current batch over and take an empty one (may wait). */
static enum pc_rc pipe_push(struct pipe *p, struct loader *L)
{
	struct load_batch *b = L->out;
	int stop, fold;

	pthread_mutex_lock(&p->mu);
	b->next = NULL;
	if (p->full_tail)
		p->full_tail->next = b;
	else
		p->full_head = b;
	p->full_tail = b;
	p->n_full++;
	/*
	 * Who folds the next batch's names: this thread while the writer has
	 * batches waiting (SQLite is the slower side), the writer when it
	 * has caught up and would otherwise wait on this thread.  Either way
	 * the build gets the same calls; only the split of the work moves.
	 */
	fold = p->n_full > 1;
	pthread_cond_broadcast(&p->cv);
	while (!p->free_list && !p->stop)
		pthread_cond_wait(&p->cv, &p->mu);
	stop = p->stop;
	L->out = p->free_list;
	if (L->out)
		p->free_list = L->out->next;
	pthread_mutex_unlock(&p->mu);
	if (!L->out)
		L->out = batch_new(); /* stopping: a scratch batch, dropped at the end */
	L->out->n_ops = 0;
	L->out->n_places = 0;
	L->out->fold = fold;
	buf_reset(&L->out->text);
	return stop ? PC_ERR_DB : PC_OK;
}

/* A slot for the next op, handing the batch over when it is full. */
static enum pc_rc next_op(struct loader *L, struct pipe_op **op)
{
	struct load_batch *b = L->out;
	enum pc_rc rc;

	if (b->n_ops == PIPE_BATCH_OPS || b->text.len > PIPE_BATCH_TEXT) {
		if ((rc = pipe_push(L->pipe, L)) != PC_OK)
			return rc;
		b = L->out;
	}
	*op = &b->ops[b->n_ops++];
	return PC_OK;
}

static size_t keep(struct load_batch *b, const char *s)
{
	size_t off;

	if (!s || !s[0])
		return 0;
	off = b->text.len;
	buf_append(&b->text, s, strlen(s) + 1);
	return off + 1;
}

static char *kept(const struct load_batch *b, size_t off)
{
	return off ? b->text.data + off - 1 : NULL;
}

/* The message for a repeated id (the row itself is reported at its line). */
static enum pc_rc dup_row(struct loader *L, unsigned long line, int64_t id, struct diag *d)
{
	return load_bad_row(L, line, d, "id %lld repeats an earlier row's (the first is kept)",
			    (long long)id);
}

enum pc_rc load_put_place(struct loader *L, const struct db_build_place *p, unsigned long line,
			  int *skipped, struct diag *d)
{
	struct pipe *pp = L->pipe && !L->pipe->forward ? L->pipe : NULL;
	int seen = db_build_place_seen(L->build, p->id);

	*skipped = 0;
	if (seen == DB_SEEN_OLD && !L->opts->replace) {
		char label[256];
		db_build_place_label(L->build, p->id, label, sizeof label);
		return diag_set(d, PC_ERR_USAGE, L->cur_path, line, 0,
				"id %lld is already in the database (%s): --replace replaces the "
				"places that are there", (long long)p->id, label[0] ? label : "?");
	}
	if (seen != DB_SEEN_LOAD)
		return db_build_place(L->build, p, d);
	*skipped = 1;
	if (!pp)
		return dup_row(L, line, p->id, d);
	/* The reader owns the file's counts while it streams: report later. */
	if (L->opts->strict)
		return diag_set(d, PC_ERR_PARSE, L->cur_path, line, 0,
				"id %lld repeats an earlier row's", (long long)p->id);
	if (pp->n_dups == pp->cap_dups) {
		pp->cap_dups = pp->cap_dups ? pp->cap_dups * 2 : 64;
		pp->dup_lines = xreallocarray(pp->dup_lines, pp->cap_dups, sizeof *pp->dup_lines);
		pp->dup_ids = xreallocarray(pp->dup_ids, pp->cap_dups, sizeof *pp->dup_ids);
	}
	pp->dup_lines[pp->n_dups] = line;
	pp->dup_ids[pp->n_dups++] = p->id;
	return PC_OK;
}

enum pc_rc load_emit_place(struct loader *L, const struct db_build_place *p, unsigned long line,
			   int *skipped, struct diag *d)
{
	struct pipe_op *op;
	struct load_batch *b;
	enum pc_rc rc;

	*skipped = 0;
	if (!L->out)
		return load_put_place(L, p, line, skipped, d);
	if ((rc = next_op(L, &op)) != PC_OK)
		return rc;
	b = L->out;
	op->type = OP_PLACE;
	op->a = b->n_places;
	op->c = line;
	db_place_pack(p, &b->text, &b->places[b->n_places++]);
	return PC_OK;
}

enum pc_rc load_emit_row_names(struct loader *L, int64_t id, const char *name,
			       const char *ascii, char *alts, int prominent,
			       struct diag *d)
{
	struct pipe_op *op;
	enum pc_rc rc;
	size_t start;

	if (!L->out) {
		size_t n;
		buf_reset(&L->key2);
		n = load_fold_row_names(name, ascii, alts, prominent, &L->key2);
		return load_add_row_names(L, id, L->key2.data, n, d);
	}
	if ((rc = next_op(L, &op)) != PC_OK)
		return rc;
	op->id = id;
	if (!L->out->fold) {
		op->type = OP_ROW_RAW;
		op->prominent = prominent;
		op->a = keep(L->out, name);
		op->b = keep(L->out, ascii);
		op->c = keep(L->out, alts);
		return PC_OK;
	}
	op->type = OP_ROW_NAMES;
	start = L->out->text.len;
	op->b = load_fold_row_names(name, ascii, alts, prominent, &L->out->text);
	op->a = start;
	return PC_OK;
}

/* Forward mode, reader: the row as it is, for the handler in the writer. */
static enum pc_rc forward_row(struct loader *L, char **f, size_t n, unsigned long line,
			      struct diag *d)
{
	struct pipe_op *op;
	struct buf *t;
	enum pc_rc rc;
	size_t i;

	(void)d;
	if ((rc = next_op(L, &op)) != PC_OK)
		return rc;
	t = &L->out->text;
	op->type = OP_FIELDS;
	op->a = t->len;
	op->b = n;
	op->c = line;
	for (i = 0; i < n; i++) {
		buf_putc(t, f[i] ? 1 : 0);
		if (f[i])
			buf_append(t, f[i], strlen(f[i]) + 1);
	}
	return PC_OK;
}

enum pc_rc load_forward_bad(struct loader *L, unsigned long line, const char *msg)
{
	struct pipe_op *op;
	enum pc_rc rc;

	if ((rc = next_op(L, &op)) != PC_OK)
		return rc;
	op->type = OP_BAD;
	op->c = line;
	op->a = keep(L->out, msg && msg[0] ? msg : "bad row");
	return PC_OK;
}

/* Writer: the calls batch B recorded, in order. */
static enum pc_rc replay(struct loader *L, const struct load_batch *b, struct diag *d)
{
	enum pc_rc rc = PC_OK;
	size_t i;

	for (i = 0; i < b->n_ops && rc == PC_OK; i++) {
		const struct pipe_op *op = &b->ops[i];
		switch (op->type) {
		case OP_PLACE: {
			struct db_build_place p;
			int skipped;
			db_place_unpack(&b->places[op->a], &b->text, &p);
			rc = load_put_place(L, &p, (unsigned long)op->c, &skipped, d);
			L->pipe->skip_id = skipped ? p.id : 0;
			break;
		}
		case OP_ROW_NAMES:
			if (L->pipe->skip_id && op->id == L->pipe->skip_id)
				break; /* the names of a dropped row */
			rc = load_add_row_names(L, op->id, b->text.data + op->a, op->b, d);
			break;
		case OP_ROW_RAW: {
			if (L->pipe->skip_id && op->id == L->pipe->skip_id)
				break;
			/* The reader is done with the batch: its text may be cut up. */
			size_t n;
			buf_reset(&L->key2);
			n = load_fold_row_names(kept(b, op->a), kept(b, op->b), kept(b, op->c),
						op->prominent, &L->key2);
			rc = load_add_row_names(L, op->id, L->key2.data, n, d);
			break;
		}
		case OP_FIELDS: {
			char *f[LOAD_MAX_FIELDS], *t = b->text.data + op->a;
			size_t k;
			for (k = 0; k < op->b; k++) {
				f[k] = *t++ ? t : NULL;
				if (f[k])
					t += strlen(t) + 1;
			}
			rc = L->pipe->fn(L, f, op->b, (unsigned long)op->c, d);
			break;
		}
		case OP_BAD:
			rc = load_bad_row(L, (unsigned long)op->c, d, "%s", kept(b, op->a));
			break;
		}
	}
	return rc;
}

static void *reader_main(void *arg)
{
	struct pipe *p = arg;
	struct loader *L = p->forward ? &p->lr : p->L;

	L->out = batch_new();
	L->out->fold = 0; /* the writer is idle at first */
	p->rc = load_stream(L, p->in, p->csv_mode, p->comments, p->forward ? forward_row : p->fn,
			    &p->d);
	pthread_mutex_lock(&p->mu);
	/* The last batch goes over even after an error: rows before it count. */
	L->out->next = NULL;
	if (p->full_tail)
		p->full_tail->next = L->out;
	else
		p->full_head = L->out;
	p->full_tail = L->out;
	L->out = NULL;
	p->done = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static enum pc_rc stream_piped(struct loader *L, struct load_input *in, int csv_mode,
			       int comments, load_row_fn fn, int forward, struct diag *d)
{
	struct pipe p;
	pthread_t th;
	enum pc_rc rc = PC_OK;
	int i;

	memset(&p, 0, sizeof p);
	p.L = L;
	p.in = in;
	p.fn = fn;
	p.comments = comments;
	p.csv_mode = csv_mode;
	p.forward = forward;
	if (forward) {
		/* The reader's loader: its own batch and pipe, and bad rows
		 * sent over (load_bad_row) instead of counted there. */
		p.lr = *L;
		p.lr.forward = 1;
		p.lr.pipe = &p;
	}
	diag_clear(&p.d);
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	for (i = 0; i < PIPE_DEPTH - 1; i++) {
		struct load_batch *b = batch_new();
		b->next = p.free_list;
		p.free_list = b;
	}
	L->pipe = &p;
	if (pthread_create(&th, NULL, reader_main, &p) != 0) {
		/* No thread: read in this one, straight into the build. */
		L->pipe = NULL;
		rc = load_stream(L, in, csv_mode, comments, fn, d);
		goto done;
	}
	for (;;) {
		struct load_batch *b;
		pthread_mutex_lock(&p.mu);
		while (!p.full_head && !p.done)
			pthread_cond_wait(&p.cv, &p.mu);
		b = p.full_head;
		if (b) {
			p.n_full--;
			p.full_head = b->next;
			if (!p.full_head)
				p.full_tail = NULL;
		}
		pthread_mutex_unlock(&p.mu);
		if (!b)
			break; /* done and drained */
		if (rc == PC_OK)
			rc = replay(L, b, d);
		pthread_mutex_lock(&p.mu);
		if (rc != PC_OK)
			p.stop = 1;
		b->next = p.free_list;
		p.free_list = b;
		pthread_cond_broadcast(&p.cv);
		pthread_mutex_unlock(&p.mu);
	}
	pthread_join(th, NULL);
	L->pipe = NULL;
	if (rc == PC_OK && p.rc != PC_OK) {
		*d = p.d;
		rc = p.rc;
	}
	/* Rows the replay dropped were counted as loaded by the reader. */
	for (i = 0; rc == PC_OK && (size_t)i < p.n_dups; i++) {
		if (L->cur && L->cur->rows)
			L->cur->rows--;
		rc = dup_row(L, p.dup_lines[i], p.dup_ids[i], d);
	}
done:
	free(p.dup_lines);
	free(p.dup_ids);
	while (p.free_list) {
		struct load_batch *b = p.free_list;
		p.free_list = b->next;
		batch_free(b);
	}
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv);
	return rc;
}

enum pc_rc load_stream_piped(struct loader *L, struct load_input *in, int comments,
			     load_row_fn fn, struct diag *d)
{
	return stream_piped(L, in, 0, comments, fn, 0, d);
}

enum pc_rc load_stream_forwarded(struct loader *L, struct load_input *in, int csv_mode,
				 int comments, load_row_fn fn, struct diag *d)
{
	return stream_piped(L, in, csv_mode, comments, fn, 1, d);
}
