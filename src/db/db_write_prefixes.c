/*
 * db_write_prefixes.c: what a build derives from the finished names
 * table: name_prefixes (every proper word-prefix of a multi-word key),
 * the "name_bloom" blob over every key and prefix, and max_name_words.
 * One ordered scan of the table.
 */
#include "db/db_write_int.h"

#include "base/bloom.h"
#include "base/xmem.h"

#include <stdlib.h>
#include <string.h>

static int str_ptr_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

enum pc_rc db_build_prefixes_bloom(struct db_build *b, struct diag *d)
{
	sqlite3_stmt *st = NULL, *ins = NULL, *blob = NULL, *probe = NULL, *batch = NULL;
	struct buf all, last, pre;
	struct bloom bl = { 0 };
	uint64_t n_items = 0;
	enum pc_rc rc;
	int src, max_words = 0;
	size_t off, n_pre = 0, i;
	const char **pv = NULL;

	buf_init(&all, 0);
	buf_init(&last, 0);
	buf_init(&pre, 0);
	if ((rc = db_build_prepare(b, "SELECT key FROM names ORDER BY key", &st, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "INSERT OR IGNORE INTO name_prefixes(prefix) VALUES(?1)",
				   &ins, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "INSERT OR REPLACE INTO blobs(name, data)"
				      " VALUES('name_bloom', ?1)", &blob, d)) != PC_OK)
		goto done;
	/* Distinct keys into ALL; every word-prefix into PRE (repeats too). */
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		int len = sqlite3_column_bytes(st, 0), k, words = 1;
		if (last.len == (size_t)len && memcmp(last.data, key, (size_t)len) == 0)
			continue;
		buf_reset(&last);
		buf_append(&last, key, (size_t)len);
		buf_append(&all, key, (size_t)len + 1);
		n_items++;
		for (k = 0; k < len; k++) {
			if (key[k] != ' ')
				continue;
			words++;
			buf_append(&pre, key, (size_t)k);
			buf_putc(&pre, '\0');
			n_pre++;
		}
		if (words > max_words)
			max_words = words;
	}
	if (src != SQLITE_DONE) {
		rc = db_build_err(b, d, "scan names");
		goto done;
	}
	/* Sorted and unique, the prefixes go in in primary-key order. */
	pv = xreallocarray(NULL, n_pre ? n_pre : 1, sizeof *pv);
	for (off = 0, i = 0; i < n_pre; i++) {
		pv[i] = pre.data + off;
		off += strlen(pre.data + off) + 1;
	}
	qsort(pv, n_pre, sizeof *pv, str_ptr_cmp);
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
	for (i = 0; batch && i < n_pre;) {
		const char *one[DB_PREFIX_BATCH];
		size_t k = 0, j;
		for (; i < n_pre && k < DB_PREFIX_BATCH; i++)
			if (!i || strcmp(pv[i], pv[i - 1]) != 0)
				one[k++] = pv[i];
		if (k < DB_PREFIX_BATCH) { /* the tail: back to the row-by-row loop */
			for (j = 0; j < k && rc == PC_OK; j++) {
				sqlite3_bind_text(ins, 1, one[j], -1, SQLITE_STATIC);
				rc = db_build_step_done(b, ins, d, "insert prefix");
			}
		} else {
			for (j = 0; j < k; j++)
				sqlite3_bind_text(batch, (int)j + 1, one[j], -1, SQLITE_STATIC);
			rc = db_build_step_done(b, batch, d, "insert prefixes");
		}
		if (rc != PC_OK)
			goto done;
		for (j = 0; j < k; j++) {
			buf_append(&all, one[j], strlen(one[j]) + 1);
			n_items++;
			b->stats.n_prefixes++;
		}
	}
	for (i = 0; !batch && i < n_pre; i++) {
		if (i && strcmp(pv[i], pv[i - 1]) == 0)
			continue;
		sqlite3_bind_text(ins, 1, pv[i], -1, SQLITE_STATIC);
		if ((rc = db_build_step_done(b, ins, d, "insert prefix")) != PC_OK)
			goto done;
		if (sqlite3_changes(b->db) > 0) {
			buf_append(&all, pv[i], strlen(pv[i]) + 1);
			n_items++;
			b->stats.n_prefixes++;
		}
	}
	b->stats.max_name_words = max_words;
	bloom_init(&bl, n_items);
	for (off = 0; off < all.len;) {
		size_t len = strlen(all.data + off);
		bloom_add(&bl, all.data + off, len);
		off += len + 1;
	}
	{
		size_t size = bloom_size(&bl);
		unsigned char *data = xmalloc(size);
		bloom_write(&bl, data);
		sqlite3_bind_blob(blob, 1, data, (int)size, free);
		rc = db_build_step_done(b, blob, d, "write bloom filter");
	}
done:
	bloom_free(&bl);
	buf_free(&all);
	buf_free(&last);
	buf_free(&pre);
	free(pv);
	sqlite3_finalize(st);
	sqlite3_finalize(ins);
	sqlite3_finalize(blob);
	sqlite3_finalize(probe);
	sqlite3_finalize(batch);
	return rc;
}
