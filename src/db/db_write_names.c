/*
 * db_write_names.c: what a build derives from the finished names table:
 * name_prefixes (every proper word-prefix of a multi-word key), the
 * "name_bloom" blob over every key and prefix, and max_name_words.  One
 * ordered scan of the names index.
 */
#include "db/db_write_int.h"

#include "base/bloom.h"
#include "base/xmem.h"

#include <stdlib.h>
#include <string.h>

enum pc_rc db_build_prefixes_bloom(struct db_build *b, struct diag *d)
{
	sqlite3_stmt *st = NULL, *ins = NULL, *blob = NULL;
	struct buf all, last;
	struct bloom bl = { 0 };
	uint64_t n_items = 0;
	enum pc_rc rc;
	int src, max_words = 0;
	size_t off;

	buf_init(&all, 0);
	buf_init(&last, 0);
	if ((rc = db_build_prepare(b, "SELECT key FROM names ORDER BY key", &st, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "INSERT OR IGNORE INTO name_prefixes(prefix) VALUES(?1)",
				   &ins, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "INSERT OR REPLACE INTO blobs(name, data)"
				      " VALUES('name_bloom', ?1)", &blob, d)) != PC_OK)
		goto done;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		int len = sqlite3_column_bytes(st, 0), i, words = 1;
		if (last.len == (size_t)len && memcmp(last.data, key, (size_t)len) == 0)
			continue;
		buf_reset(&last);
		buf_append(&last, key, (size_t)len);
		buf_append(&all, key, (size_t)len + 1);
		n_items++;
		for (i = 0; i < len; i++) {
			if (key[i] != ' ')
				continue;
			words++;
			sqlite3_bind_text(ins, 1, key, i, SQLITE_STATIC);
			if ((rc = db_build_step_done(b, ins, d, "insert prefix")) != PC_OK)
				goto done;
			if (sqlite3_changes(b->db) > 0) {
				buf_append(&all, key, (size_t)i);
				buf_putc(&all, '\0');
				n_items++;
				b->stats.n_prefixes++;
			}
		}
		if (words > max_words)
			max_words = words;
	}
	if (src != SQLITE_DONE) {
		rc = db_build_err(b, d, "scan names");
		goto done;
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
	sqlite3_finalize(st);
	sqlite3_finalize(ins);
	sqlite3_finalize(blob);
	return rc;
}
