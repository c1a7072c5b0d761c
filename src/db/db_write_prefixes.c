/*
 * db_write_prefixes.c: what a build derives from the finished names
 * table: name_prefixes (every proper word-prefix of a multi-word key),
 * the "name_bloom" blob over every key and prefix, and max_name_words.
 *
 * The keys come from the names flush itself when that flush wrote the
 * whole table (db_build_flush_names records them, in order), else from
 * one ordered scan of the table (--add, or names written in several
 * flushes).  Splitting the multi-word keys into prefixes, sorting those
 * and filling the filter is pure computation: it runs in a thread of its
 * own while SQLite builds the indexes, and the rows go in afterwards
 * (db_build_prefixes_start / _finish).
 */
#include "db/db_write_int.h"

#include "base/bloom.h"
#include "base/xmem.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct prefix_job {
	struct buf keys;     /* distinct keys, sorted, NUL-terminated each */
	uint64_t n_keys;
	/* results */
	struct buf pre;      /* every word-prefix, NUL-terminated (repeats too) */
	const char **pv;     /* the prefixes sorted, repeats removed */
	size_t n_pv;
	struct bloom bl;     /* over the keys and the prefixes */
	int max_words;
	pthread_t th;
	int threaded;
};

static int str_ptr_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Pure computation over J->keys: no database, no shared state. */
static void *prefix_compute(void *arg)
{
	struct prefix_job *j = arg;
	size_t off, n_pre = 0, i, n;

	for (off = 0; off < j->keys.len;) {
		const char *key = j->keys.data + off;
		size_t len = strlen(key), k;
		int words = 1;
		for (k = 0; k < len; k++) {
			if (key[k] != ' ')
				continue;
			words++;
			buf_append(&j->pre, key, k);
			buf_putc(&j->pre, '\0');
			n_pre++;
		}
		if (words > j->max_words)
			j->max_words = words;
		off += len + 1;
	}
	j->pv = xreallocarray(NULL, n_pre ? n_pre : 1, sizeof *j->pv);
	for (off = 0, i = 0; i < n_pre; i++) {
		j->pv[i] = j->pre.data + off;
		off += strlen(j->pre.data + off) + 1;
	}
	qsort(j->pv, n_pre, sizeof *j->pv, str_ptr_cmp);
	for (i = 0, n = 0; i < n_pre; i++)
		if (!n || strcmp(j->pv[i], j->pv[n - 1]) != 0)
			j->pv[n++] = j->pv[i];
	j->n_pv = n;
	bloom_init(&j->bl, j->n_keys + j->n_pv);
	for (off = 0; off < j->keys.len;) {
		size_t len = strlen(j->keys.data + off);
		bloom_add(&j->bl, j->keys.data + off, len);
		off += len + 1;
	}
	for (i = 0; i < j->n_pv; i++)
		bloom_add(&j->bl, j->pv[i], strlen(j->pv[i]));
	return NULL;
}

static void job_free(struct prefix_job *j)
{
	if (!j)
		return;
	if (j->threaded)
		pthread_join(j->th, NULL);
	buf_free(&j->keys);
	buf_free(&j->pre);
	free(j->pv);
	bloom_free(&j->bl);
	free(j);
}

/* The distinct keys of the names table, in order, into KEYS (N counted). */
static enum pc_rc scan_keys(struct db_build *b, struct buf *keys, uint64_t *n, struct diag *d)
{
	sqlite3_stmt *st = NULL;
	enum pc_rc rc;
	int src;
	size_t last = 0, last_len = 0;

	if ((rc = db_build_prepare(b, "SELECT key FROM names ORDER BY key", &st, d)) != PC_OK)
		return rc;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		size_t len = (size_t)sqlite3_column_bytes(st, 0);
		if (*n && last_len == len && memcmp(keys->data + last, key, len) == 0)
			continue;
		last = keys->len;
		last_len = len;
		buf_append(keys, key, len + 1);
		(*n)++;
	}
	if (src != SQLITE_DONE)
		rc = db_build_err(b, d, "scan names");
	sqlite3_finalize(st);
	return rc;
}

enum pc_rc db_build_prefixes_start(struct db_build *b, struct diag *d)
{
	struct prefix_job *j = xcalloc(1, sizeof *j);
	enum pc_rc rc = PC_OK;

	buf_init(&j->keys, 0);
	buf_init(&j->pre, 0);
	if (b->fk_whole) {
		j->keys = b->fk_text; /* taken over */
		j->n_keys = b->fk_n;
		buf_init(&b->fk_text, 0);
		b->fk_n = 0;
		b->fk_whole = 0;
	} else if ((rc = scan_keys(b, &j->keys, &j->n_keys, d)) != PC_OK) {
		job_free(j);
		return rc;
	}
	j->threaded = pthread_create(&j->th, NULL, prefix_compute, j) == 0;
	if (!j->threaded)
		prefix_compute(j);
	job_free(b->prefixes); /* a job of an earlier call, unused */
	b->prefixes = j;
	return PC_OK;
}

void db_build_prefixes_discard(struct db_build *b)
{
	job_free(b->prefixes);
	b->prefixes = NULL;
}

enum pc_rc db_build_prefixes_finish(struct db_build *b, struct diag *d)
{
	struct prefix_job *j = b->prefixes;
	sqlite3_stmt *ins = NULL, *blob = NULL, *probe = NULL, *batch = NULL;
	enum pc_rc rc;
	int src;
	size_t i;

	if (!j)
		return PC_OK;
	if (j->threaded) {
		pthread_join(j->th, NULL);
		j->threaded = 0;
	}
	if ((rc = db_build_prepare(b, "INSERT OR IGNORE INTO name_prefixes(prefix) VALUES(?1)",
				   &ins, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "INSERT OR REPLACE INTO blobs(name, data)"
				      " VALUES('name_bloom', ?1)", &blob, d)) != PC_OK)
		goto done;
	/* Into an empty table (every build starts it empty) a batch at a time. */
	if ((rc = db_build_prepare(b, "SELECT 1 FROM name_prefixes LIMIT 1", &probe, d)) != PC_OK)
		goto done;
	src = sqlite3_step(probe);
	sqlite3_reset(probe);
	if (src == SQLITE_DONE) {
		struct buf sql;
		size_t k;
		buf_init(&sql, 0);
		buf_puts(&sql, "INSERT INTO name_prefixes(prefix) VALUES(?)");
		for (k = 1; k < DB_PREFIX_BATCH; k++)
			buf_puts(&sql, ",(?)");
		rc = db_build_prepare(b, buf_str(&sql), &batch, d);
		buf_free(&sql);
		if (rc != PC_OK)
			goto done;
	} else if (src != SQLITE_ROW) {
		rc = db_build_err(b, d, "name prefixes");
		goto done;
	}
	/* Sorted and unique, the prefixes go in in primary-key order. */
	for (i = 0; batch && i < j->n_pv && rc == PC_OK;) {
		size_t k;
		if (j->n_pv - i < DB_PREFIX_BATCH) { /* the tail: row by row */
			for (; i < j->n_pv && rc == PC_OK; i++) {
				sqlite3_bind_text(ins, 1, j->pv[i], -1, SQLITE_STATIC);
				rc = db_build_step_done(b, ins, d, "insert prefix");
				b->stats.n_prefixes++;
			}
			break;
		}
		for (k = 0; k < DB_PREFIX_BATCH; k++)
			sqlite3_bind_text(batch, (int)k + 1, j->pv[i + k], -1, SQLITE_STATIC);
		rc = db_build_step_done(b, batch, d, "insert prefixes");
		i += DB_PREFIX_BATCH;
		b->stats.n_prefixes += DB_PREFIX_BATCH;
	}
	/* --add: the table holds the old prefixes; count the new ones only. */
	for (i = 0; !batch && i < j->n_pv && rc == PC_OK; i++) {
		sqlite3_bind_text(ins, 1, j->pv[i], -1, SQLITE_STATIC);
		if ((rc = db_build_step_done(b, ins, d, "insert prefix")) == PC_OK &&
		    sqlite3_changes(b->db) > 0)
			b->stats.n_prefixes++;
	}
	if (rc != PC_OK)
		goto done;
	b->stats.max_name_words = j->max_words;
	{
		size_t size = bloom_size(&j->bl);
		unsigned char *data = xmalloc(size);
		bloom_write(&j->bl, data);
		sqlite3_bind_blob(blob, 1, data, (int)size, free);
		rc = db_build_step_done(b, blob, d, "write bloom filter");
	}
done:
	sqlite3_finalize(ins);
	sqlite3_finalize(blob);
	sqlite3_finalize(probe);
	sqlite3_finalize(batch);
	db_build_prefixes_discard(b);
	return rc;
}
