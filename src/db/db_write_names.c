/*
 * db_write_names.c: the names table of a build.  Rows wait in memory and
 * go in sorted by the table's primary key (key, place_id, kind, form), so
 * that SQLite appends to its B-tree and never builds an index on names
 * (db_build_name, db_build_flush_names).  Then what a build derives from
 * the finished table: name_prefixes (every proper word-prefix of a
 * multi-word key), the "name_bloom" blob over every key and prefix, and
 * max_name_words.  One ordered scan of the table.
 */
#include "db/db_write_int.h"

#include "base/bloom.h"
#include "base/xmem.h"

#include <stdlib.h>
#include <string.h>

/* ---- rows ------------------------------------------------------------- */

/* Bytes held per waiting row: the row, its sort entry, its two strings. */
static size_t names_mem(const struct db_build *b)
{
	return b->nb_n * (sizeof(struct db_name_row) + 16) + b->nb_text.len;
}

enum pc_rc db_build_name(struct db_build *b, const char *key, int64_t place_id, int kind,
			 const char *form, struct diag *d)
{
	struct db_name_row *r;
	size_t kl = strlen(key), fl = strlen(form);

	if (b->nb_n && names_mem(b) + kl + fl + 64 > DB_NAME_MEM_CAP) {
		enum pc_rc rc = db_build_flush_names(b, d);
		if (rc != PC_OK)
			return rc;
	}
	if (b->nb_n == b->nb_cap) {
		b->nb_cap = b->nb_cap ? b->nb_cap * 2 : 1 << 14;
		b->nb_rows = xreallocarray(b->nb_rows, b->nb_cap, sizeof *b->nb_rows);
	}
	r = &b->nb_rows[b->nb_n++];
	r->key = (uint32_t)b->nb_text.len;
	buf_append(&b->nb_text, key, kl + 1);
	r->form = (uint32_t)b->nb_text.len;
	buf_append(&b->nb_text, form, fl + 1);
	r->place_id = place_id;
	r->kind = kind;
	return PC_OK;
}

/* Sort entry: the key's first 8 bytes, big-endian, decide most comparisons. */
struct name_ord {
	uint64_t pfx;
	uint32_t i; /* row index = arrival order */
	uint32_t dead;
};

static uint64_t key_prefix(const char *s)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8 && s[i]; i++)
		v |= (uint64_t)(unsigned char)s[i] << (56 - 8 * i);
	return v;
}

/*
 * Primary-key order (SQLite's BINARY collation is memcmp, then length:
 * strcmp on NUL-free text), then arrival order, so that the sort is
 * total and the result deterministic.
 */
static int name_ord_cmp(const void *pa, const void *pb, void *arg)
{
	const struct name_ord *x = pa, *y = pb;
	const struct db_build *b = arg;
	const struct db_name_row *r = &b->nb_rows[x->i], *s = &b->nb_rows[y->i];
	int c;

	if (x->pfx != y->pfx)
		return x->pfx < y->pfx ? -1 : 1;
	if ((c = strcmp(b->nb_text.data + r->key, b->nb_text.data + s->key)) != 0)
		return c;
	if (r->place_id != s->place_id)
		return r->place_id < s->place_id ? -1 : 1;
	if (r->kind != s->kind)
		return r->kind < s->kind ? -1 : 1;
	if ((c = strcmp(b->nb_text.data + r->form, b->nb_text.data + s->form)) != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * The dedupe group of a name (finish_regions' rule): main, ASCII and
 * alternate names share one per (key, place); abbreviations one per form;
 * other kinds one per kind.  Within a group the lowest kind wins, then
 * the earliest row.
 */
static int same_group(int k1, const char *f1, int k2, const char *f2)
{
	if (k1 <= DB_NAME_ALT && k2 <= DB_NAME_ALT)
		return 1;
	if (k1 != k2)
		return 0;
	return k1 != DB_NAME_ABBREV || strcmp(f1, f2) == 0;
}

/* Mark the rows of one (key, place) run [lo, hi) that lose to another. */
static void dedupe_run(const struct db_build *b, struct name_ord *o, size_t lo, size_t hi)
{
	size_t i, j;

	for (i = lo; i < hi; i++) {
		const struct db_name_row *r = &b->nb_rows[o[i].i];
		for (j = lo; j < i && !o[i].dead; j++) {
			const struct db_name_row *s = &b->nb_rows[o[j].i];
			if (o[j].dead || !same_group(r->kind, b->nb_text.data + r->form, s->kind,
						     b->nb_text.data + s->form))
				continue;
			/* S sorts first: its kind is lower, or equal with another form. */
			if (s->kind == r->kind && o[i].i < o[j].i)
				o[j].dead = 1;
			else
				o[i].dead = 1;
		}
	}
}

/*
 * Under dedupe, a row that arrives after the table holds a row of its
 * group: the older row wins unless the new one has a lower kind.  Sets
 * *KEEP; deletes an older row that loses.
 */
static enum pc_rc dedupe_table(struct db_build *b, sqlite3_stmt *sel, sqlite3_stmt *del,
			       const struct db_name_row *r, int *keep, struct diag *d)
{
	const char *key = b->nb_text.data + r->key, *form = b->nb_text.data + r->form;
	enum pc_rc rc = PC_OK;
	int src;

	*keep = 1;
	sqlite3_bind_text(sel, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(sel, 2, r->place_id);
	while ((src = sqlite3_step(sel)) == SQLITE_ROW) {
		int kind = sqlite3_column_int(sel, 0);
		const char *f = (const char *)sqlite3_column_text(sel, 1);
		if (!f || !same_group(kind, f, r->kind, form))
			continue;
		if (kind <= r->kind) {
			*keep = 0;
			break;
		}
		sqlite3_bind_text(del, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(del, 2, r->place_id);
		sqlite3_bind_int(del, 3, kind);
		sqlite3_bind_text(del, 4, f, -1, SQLITE_TRANSIENT);
		if ((rc = db_build_step_done(b, del, d, "dedupe names")) != PC_OK)
			break;
	}
	if (rc == PC_OK && src != SQLITE_ROW && src != SQLITE_DONE)
		rc = db_build_err(b, d, "dedupe names");
	sqlite3_reset(sel);
	return rc;
}

/* Bind row R at parameter FIRST + 1.. of ST. */
static void bind_name(const struct db_build *b, sqlite3_stmt *st, int first,
		      const struct db_name_row *r)
{
	sqlite3_bind_text(st, first + 1, b->nb_text.data + r->key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, first + 2, r->place_id);
	sqlite3_bind_int(st, first + 3, r->kind);
	sqlite3_bind_text(st, first + 4, b->nb_text.data + r->form, -1, SQLITE_STATIC);
}

/*
 * Sort the waiting rows by primary key, drop the duplicates that dedupe
 * asks for (exactly the rows the old "ORDER BY kind, rowid" pass dropped),
 * and write them DB_NAME_BATCH per INSERT.
 */
enum pc_rc db_build_flush_names(struct db_build *b, struct diag *d)
{
	struct name_ord *o;
	sqlite3_stmt *sel = NULL, *del = NULL;
	enum pc_rc rc = PC_OK;
	const struct db_name_row *pend[DB_NAME_BATCH];
	size_t i, j, lo, n_batch = 0;
	/* Rows already in the table (an earlier run, or --add's copy) may repeat these. */
	int probe = b->need_dedupe && (b->n_names_written || (b->flags & DB_BUILD_ADD));

	if (!b->nb_n)
		return PC_OK;
	b->n_names_written += (int64_t)b->nb_n; /* (only its being non-zero matters) */
	if (!b->need_dedupe)
		b->names_plain = 1; /* if dedupe is asked later, these rows need the SQL pass */
	o = xreallocarray(NULL, b->nb_n, sizeof *o);
	for (i = 0; i < b->nb_n; i++) {
		o[i].pfx = key_prefix(b->nb_text.data + b->nb_rows[i].key);
		o[i].i = (uint32_t)i;
		o[i].dead = 0;
	}
	qsort_r(o, b->nb_n, sizeof *o, name_ord_cmp, b);
	for (lo = 0; b->need_dedupe && lo < b->nb_n; lo = i) {
		const struct db_name_row *r = &b->nb_rows[o[lo].i];
		for (i = lo + 1; i < b->nb_n; i++) {
			const struct db_name_row *s = &b->nb_rows[o[i].i];
			if (s->place_id != r->place_id ||
			    strcmp(b->nb_text.data + s->key, b->nb_text.data + r->key) != 0)
				break;
		}
		if (i - lo > 1)
			dedupe_run(b, o, lo, i);
	}
	if (probe &&
	    ((rc = db_build_prepare(b, "SELECT kind, form FROM names WHERE key = ?1 AND place_id = ?2",
				    &sel, d)) != PC_OK ||
	     (rc = db_build_prepare(b, "DELETE FROM names WHERE key = ?1 AND place_id = ?2"
				       " AND kind = ?3 AND form = ?4", &del, d)) != PC_OK))
		goto done;
	for (i = 0; i < b->nb_n && rc == PC_OK; i++) {
		const struct db_name_row *r = &b->nb_rows[o[i].i];
		int keep = 1;
		if (o[i].dead)
			continue;
		if (probe && ((rc = dedupe_table(b, sel, del, r, &keep, d)) != PC_OK || !keep))
			continue;
		pend[n_batch++] = r;
		if (n_batch == DB_NAME_BATCH) {
			for (j = 0; j < n_batch; j++)
				bind_name(b, b->st_name_batch, (int)j * 4, pend[j]);
			rc = db_build_step_done(b, b->st_name_batch, d, "insert names");
			n_batch = 0;
		}
	}
	for (j = 0; j < n_batch && rc == PC_OK; j++) {
		bind_name(b, b->st_name, 0, pend[j]);
		rc = db_build_step_done(b, b->st_name, d, "insert name");
	}
done:
	sqlite3_finalize(sel);
	sqlite3_finalize(del);
	free(o);
	b->nb_n = 0;
	buf_reset(&b->nb_text);
	return rc;
}

/* ---- derived tables --------------------------------------------------- */

static int str_ptr_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

enum pc_rc db_build_prefixes_bloom(struct db_build *b, struct diag *d)
{
	sqlite3_stmt *st = NULL, *ins = NULL, *blob = NULL;
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
	for (i = 0; i < n_pre; i++) {
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
	return rc;
}
