/*
 * db_write_names.c: the names table of a build.  Rows wait in memory and
 * go in sorted by the table's primary key (key, place_id, kind, form), so
 * that SQLite appends to its B-tree and never builds an index on names
 * (db_build_name, db_build_flush_names).
 *
 * Memory stays flat whatever the input: past DB_NAME_MEM_CAP the waiting
 * rows are sorted and spilled to an unnamed temporary file (a run), and
 * the flush merges every run, so that the rows still go in in key order
 * and each (key, place) group is deduped as a whole, exactly as if they
 * had all been sorted in memory.  The bundled data fit in memory; there
 * the rows of the main table are sorted in a thread of their own while
 * the regions are derived (db_build_names_presort) and merged with the
 * few that come after.
 * What a build derives from the finished table is in db_write_prefixes.c.
 */
#include "db/db_write_int.h"

#include "base/xmem.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- rows ------------------------------------------------------------- */

/* Bytes held per waiting row (the row, its sort entry, its two strings), sealed ones too. */
static size_t names_mem(const struct db_build *b)
{
	return (b->nb_n + b->sealed_n) * (sizeof(struct db_name_row) + 16) + b->nb_text.len +
	       b->sealed_text;
}

static enum pc_rc spill_names(struct db_build *b, struct diag *d);

enum pc_rc db_build_name(struct db_build *b, const char *key, int64_t place_id, int kind,
			 const char *form, struct diag *d)
{
	struct db_name_row *r;
	size_t kl = strlen(key), fl = strlen(form);

	if (b->nb_n && names_mem(b) + kl + fl + 64 > DB_NAME_MEM_CAP) {
		enum pc_rc rc = spill_names(b, d);
		if (rc != PC_OK)
			return rc;
	}
	if (b->nb_n == b->nb_cap) {
		/*
		 * The first time, room for as many rows and bytes as the cap
		 * allows: the blocks are mapped, not touched, so memory is used
		 * as rows come, and they never need to be copied to grow.
		 */
		if (!b->nb_cap) {
			b->nb_cap = DB_NAME_MEM_CAP / (sizeof(struct db_name_row) + 16) + 1;
			buf_reserve(&b->nb_text, DB_NAME_MEM_CAP);
			xmem_hint_huge(b->nb_text.data, DB_NAME_MEM_CAP);
		} else {
			b->nb_cap *= 2;
		}
		b->nb_rows = xreallocarray(b->nb_rows, b->nb_cap, sizeof *b->nb_rows);
		xmem_hint_huge(b->nb_rows, b->nb_cap * sizeof *b->nb_rows);
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

/*
 * Waiting rows with their text: the build's buffer, or a segment sealed
 * by db_build_names_presort and sorted in a thread of its own.
 */
struct name_seg {
	struct db_name_row *rows;
	size_t n;
	struct buf text;
	uint64_t seq;          /* arrival order of rows[0] */
	struct name_ord *o;    /* sorted order, once sorted */
	pthread_t th;
	int threaded;
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
	const struct name_seg *g = arg;
	const struct db_name_row *r = &g->rows[x->i], *s = &g->rows[y->i];
	int c;

	if (x->pfx != y->pfx)
		return x->pfx < y->pfx ? -1 : 1;
	if ((c = strcmp(g->text.data + r->key, g->text.data + s->key)) != 0)
		return c;
	if (r->place_id != s->place_id)
		return r->place_id < s->place_id ? -1 : 1;
	if (r->kind != s->kind)
		return r->kind < s->kind ? -1 : 1;
	if ((c = strcmp(g->text.data + r->form, g->text.data + s->form)) != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * The rows of G in primary-key order (caller frees).  An LSD radix sort
 * on the key prefixes (stable: rows stay in arrival order), then a
 * comparison sort of each run of equal prefixes: the same order as
 * sorting with name_ord_cmp alone, in a fraction of the comparisons.
 */
static struct name_ord *sort_seg(const struct name_seg *g)
{
	struct name_ord *o = xreallocarray(NULL, g->n ? g->n : 1, sizeof *o);
	struct name_ord *tmp = xreallocarray(NULL, g->n ? g->n : 1, sizeof *tmp);
	struct name_ord *src = o, *dst = tmp;
	size_t count[256];
	size_t i, r;
	unsigned shift;

	xmem_hint_huge(o, g->n * sizeof *o);
	xmem_hint_huge(tmp, g->n * sizeof *tmp);

	for (i = 0; i < g->n; i++) {
		o[i].pfx = key_prefix(g->text.data + g->rows[i].key);
		o[i].i = (uint32_t)i;
		o[i].dead = 0;
	}
	for (shift = 0; shift < 64; shift += 8) {
		size_t sum = 0;
		memset(count, 0, sizeof count);
		for (i = 0; i < g->n; i++)
			count[(src[i].pfx >> shift) & 0xff]++;
		if (g->n && count[(src[0].pfx >> shift) & 0xff] == g->n)
			continue; /* one digit for all (short keys): nothing to move */
		for (i = 0; i < 256; i++) {
			size_t c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < g->n; i++)
			dst[count[(src[i].pfx >> shift) & 0xff]++] = src[i];
		{
			struct name_ord *t = src;
			src = dst;
			dst = t;
		}
	}
	if (src != o)
		memcpy(o, src, g->n * sizeof *o);
	free(tmp);
	for (i = 0; i < g->n; i = r) {
		for (r = i + 1; r < g->n && o[r].pfx == o[i].pfx; r++)
			;
		if (r - i > 1)
			qsort_r(o + i, r - i, sizeof *o, name_ord_cmp, (void *)g);
	}
	return o;
}

/* The build's waiting rows as a segment (borrowed: nothing to free). */
static struct name_seg buffer_seg(const struct db_build *b)
{
	struct name_seg g;

	memset(&g, 0, sizeof g);
	g.rows = b->nb_rows;
	g.n = b->nb_n;
	g.text = b->nb_text;
	g.seq = b->nb_seq;
	return g;
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

/*
 * One row in sorted order, for the dedupe and the insert: the in-memory
 * path points into the build's buffers, the merge path into run records.
 */
struct name_item {
	const char *key, *form;
	int64_t place_id;
	uint64_t seq; /* arrival order */
	int kind;
	int dead;
};

/* Mark the rows of one (key, place) run V[0..N) that lose to another. */
static void dedupe_group(struct name_item *v, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < i && !v[i].dead; j++) {
			if (v[j].dead || !same_group(v[i].kind, v[i].form, v[j].kind, v[j].form))
				continue;
			/* V[j] sorts first: its kind is lower, or equal with another form. */
			if (v[j].kind == v[i].kind && v[i].seq < v[j].seq)
				v[j].dead = 1;
			else
				v[i].dead = 1;
		}
	}
}

static void seg_item(const struct name_seg *g, uint32_t i, struct name_item *it)
{
	const struct db_name_row *r = &g->rows[i];

	it->key = g->text.data + r->key;
	it->form = g->text.data + r->form;
	it->place_id = r->place_id;
	it->seq = g->seq + i;
	it->kind = r->kind;
	it->dead = 0;
}

/*
 * Under dedupe, a row that arrives after the table holds a row of its
 * group: the older row wins unless the new one has a lower kind.  Sets
 * *KEEP; deletes an older row that loses.
 */
static enum pc_rc dedupe_table(struct db_build *b, sqlite3_stmt *sel, sqlite3_stmt *del,
			       const struct name_item *r, int *keep, struct diag *d)
{
	enum pc_rc rc = PC_OK;
	int src;

	*keep = 1;
	sqlite3_bind_text(sel, 1, r->key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(sel, 2, r->place_id);
	while ((src = sqlite3_step(sel)) == SQLITE_ROW) {
		int kind = sqlite3_column_int(sel, 0);
		const char *f = (const char *)sqlite3_column_text(sel, 1);
		if (!f || !same_group(kind, f, r->kind, r->form))
			continue;
		if (kind <= r->kind) {
			*keep = 0;
			break;
		}
		sqlite3_bind_text(del, 1, r->key, -1, SQLITE_STATIC);
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

/*
 * Where sorted rows go: dedupe within each (key, place) group when asked,
 * against the table when it may hold rows of the group already (PROBE),
 * then DB_NAME_BATCH rows per INSERT.  Strings are copied into TEXT, so
 * that the items may point into buffers the caller reuses.
 */
struct name_sink {
	struct db_build *b;
	int dedupe, probe;
	int copy; /* items' strings are only valid during sink_put */
	sqlite3_stmt *sel, *del;
	struct name_item *grp;        /* the current (key, place) group */
	size_t n_grp, cap_grp;
	struct buf grp_text;
	struct name_item pend[DB_NAME_BATCH];
	size_t n_pend;
	struct buf pend_text;
	size_t pend_off[DB_NAME_BATCH][2];
	struct buf *keys;  /* when not NULL: each distinct key written, in order */
	uint64_t *n_keys;
	size_t last_key;   /* offset of the last key in KEYS */
};

static enum pc_rc sink_init(struct name_sink *k, struct db_build *b, int copy, struct diag *d)
{
	enum pc_rc rc = PC_OK;

	memset(k, 0, sizeof *k);
	k->b = b;
	k->copy = copy;
	k->dedupe = b->need_dedupe;
	/* Rows already in the table (an earlier flush, or --add's copy) may repeat these. */
	k->probe = b->need_dedupe && (b->n_names_written || (b->flags & DB_BUILD_ADD));
	buf_init(&k->grp_text, 0);
	buf_init(&k->pend_text, 0);
	if (k->probe &&
	    ((rc = db_build_prepare(b, "SELECT kind, form FROM names WHERE key = ?1 AND place_id = ?2",
				    &k->sel, d)) != PC_OK ||
	     (rc = db_build_prepare(b, "DELETE FROM names WHERE key = ?1 AND place_id = ?2"
				       " AND kind = ?3 AND form = ?4", &k->del, d)) != PC_OK))
		return rc;
	return PC_OK;
}

static void sink_free(struct name_sink *k)
{
	sqlite3_finalize(k->sel);
	sqlite3_finalize(k->del);
	free(k->grp);
	buf_free(&k->grp_text);
	buf_free(&k->pend_text);
}

static void bind_item(sqlite3_stmt *st, int first, const struct name_item *r)
{
	sqlite3_bind_text(st, first + 1, r->key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, first + 2, r->place_id);
	sqlite3_bind_int(st, first + 3, r->kind);
	sqlite3_bind_text(st, first + 4, r->form, -1, SQLITE_STATIC);
}

/* Insert the pending rows: a full batch in one statement, a tail row by row. */
static enum pc_rc sink_write(struct name_sink *k, struct diag *d)
{
	struct db_build *b = k->b;
	enum pc_rc rc = PC_OK;
	size_t j;

	for (j = 0; k->copy && j < k->n_pend; j++) {
		k->pend[j].key = k->pend_text.data + k->pend_off[j][0];
		k->pend[j].form = k->pend_text.data + k->pend_off[j][1];
	}
	for (j = 0; k->keys && j < k->n_pend; j++) {
		const char *key = k->pend[j].key;
		if (*k->n_keys && strcmp(k->keys->data + k->last_key, key) == 0)
			continue;
		k->last_key = k->keys->len;
		buf_append(k->keys, key, strlen(key) + 1);
		(*k->n_keys)++;
	}
	b->n_names_out += k->n_pend;
	if (k->n_pend == DB_NAME_BATCH) {
		for (j = 0; j < k->n_pend; j++)
			bind_item(b->st_name_batch, (int)j * 4, &k->pend[j]);
		rc = db_build_step_done(b, b->st_name_batch, d, "insert names");
	} else {
		for (j = 0; j < k->n_pend && rc == PC_OK; j++) {
			bind_item(b->st_name, 0, &k->pend[j]);
			rc = db_build_step_done(b, b->st_name, d, "insert name");
		}
	}
	k->n_pend = 0;
	buf_reset(&k->pend_text);
	return rc;
}

/* The group's survivors into the batch. */
static enum pc_rc sink_group(struct name_sink *k, struct diag *d)
{
	enum pc_rc rc = PC_OK;
	size_t i;

	if (k->dedupe && k->n_grp > 1)
		dedupe_group(k->grp, k->n_grp);
	for (i = 0; i < k->n_grp && rc == PC_OK; i++) {
		const struct name_item *r = &k->grp[i];
		int keep = 1;
		if (r->dead)
			continue;
		if (k->probe && ((rc = dedupe_table(k->b, k->sel, k->del, r, &keep, d)) != PC_OK || !keep))
			continue;
		k->pend[k->n_pend] = *r;
		if (k->copy) {
			k->pend_off[k->n_pend][0] = k->pend_text.len;
			buf_append(&k->pend_text, r->key, strlen(r->key) + 1);
			k->pend_off[k->n_pend][1] = k->pend_text.len;
			buf_append(&k->pend_text, r->form, strlen(r->form) + 1);
		}
		if (++k->n_pend == DB_NAME_BATCH)
			rc = sink_write(k, d);
	}
	k->n_grp = 0;
	buf_reset(&k->grp_text);
	return rc;
}

/* Strings of the current group: offsets into grp_text until now (COPY mode). */
static void group_fix(struct name_sink *k)
{
	size_t i;

	if (!k->copy)
		return;
	for (i = 0; i < k->n_grp; i++) {
		k->grp[i].key = k->grp_text.data;
		k->grp[i].form = k->grp_text.data + (uintptr_t)k->grp[i].form;
	}
}

/*
 * The next row in sorted order.  Rows are gathered by (key, place) group
 * (dedupe needs the whole group).  In COPY mode ITEM's strings are copied
 * (the merge reuses its buffers); else they must last until sink_finish.
 */
static enum pc_rc sink_put(struct name_sink *k, const struct name_item *item, struct diag *d)
{
	struct name_item *g;
	enum pc_rc rc;

	if (k->n_grp) {
		const char *key = k->copy ? k->grp_text.data : k->grp[0].key;
		if (k->grp[0].place_id != item->place_id || strcmp(key, item->key) != 0) {
			group_fix(k);
			if ((rc = sink_group(k, d)) != PC_OK)
				return rc;
		}
	}
	if (k->n_grp == k->cap_grp) {
		k->cap_grp = k->cap_grp ? k->cap_grp * 2 : 16;
		k->grp = xreallocarray(k->grp, k->cap_grp, sizeof *k->grp);
	}
	g = &k->grp[k->n_grp++];
	*g = *item;
	g->dead = 0;
	if (k->copy) {
		if (k->n_grp == 1)
			buf_append(&k->grp_text, item->key, strlen(item->key) + 1);
		/* An offset for now: the text may move while the group grows. */
		g->key = NULL;
		g->form = (const char *)(uintptr_t)k->grp_text.len;
		buf_append(&k->grp_text, item->form, strlen(item->form) + 1);
	}
	return PC_OK;
}

static enum pc_rc sink_finish(struct name_sink *k, struct diag *d)
{
	enum pc_rc rc = PC_OK;

	group_fix(k);
	if (k->n_grp)
		rc = sink_group(k, d);
	if (rc == PC_OK && k->n_pend)
		rc = sink_write(k, d);
	return rc;
}

/* ---- spilled runs ------------------------------------------------------- */

/* A run record: this header, then the key and the form (no NULs). */
struct run_hdr {
	int64_t place_id;
	uint64_t seq;
	int32_t kind;
	uint32_t klen, flen;
};

/* An unnamed temporary file in $TMPDIR (or /tmp), gone when closed. */
static FILE *temp_file(void)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	FILE *f;
	int fd;

	snprintf(path, sizeof path, "%s/placecheck-names-XXXXXX", dir && dir[0] ? dir : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		return NULL;
	unlink(path);
	if (!(f = fdopen(fd, "w+b")))
		close(fd);
	return f;
}

/* Write segment G in its order O to a new run file. */
static enum pc_rc write_run(struct db_build *b, const struct name_seg *g,
			    const struct name_ord *o, struct diag *d)
{
	FILE *f;
	size_t i;

	if (!(f = temp_file()))
		return diag_set(d, PC_ERR_IO, b->tmp_path, 0, 0,
				"cannot create a temporary file for the names: %s", strerror(errno));
	setvbuf(f, NULL, _IOFBF, 1 << 16);
	for (i = 0; i < g->n; i++) {
		const struct db_name_row *r = &g->rows[o[i].i];
		const char *key = g->text.data + r->key, *form = g->text.data + r->form;
		struct run_hdr h;
		memset(&h, 0, sizeof h);
		h.place_id = r->place_id;
		h.seq = g->seq + o[i].i;
		h.kind = r->kind;
		h.klen = (uint32_t)strlen(key);
		h.flen = (uint32_t)strlen(form);
		if (fwrite(&h, sizeof h, 1, f) != 1 || fwrite(key, 1, h.klen, f) != h.klen ||
		    fwrite(form, 1, h.flen, f) != h.flen)
			break;
	}
	if (i < g->n || fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return diag_set(d, PC_ERR_IO, b->tmp_path, 0, 0,
				"cannot write the names' temporary file: %s", strerror(errno));
	}
	b->nb_runs = xreallocarray(b->nb_runs, b->n_runs + 1, sizeof *b->nb_runs);
	b->nb_runs[b->n_runs++] = f;
	return PC_OK;
}

/* Wait for the presort thread of B's sealed segment (if any). */
static void seal_join(struct db_build *b)
{
	struct name_seg *g = b->sealed;

	if (g && g->threaded) {
		pthread_join(g->th, NULL);
		g->threaded = 0;
	}
	if (g && !g->o)
		g->o = sort_seg(g);
}

static void seal_free(struct db_build *b)
{
	struct name_seg *g = b->sealed;

	if (!g)
		return;
	if (g->threaded)
		pthread_join(g->th, NULL);
	free(g->rows);
	buf_free(&g->text);
	free(g->o);
	free(g);
	b->sealed = NULL;
	b->sealed_n = b->sealed_text = 0;
}

static void *presort_main(void *arg)
{
	struct name_seg *g = arg;

	g->o = sort_seg(g);
	return NULL;
}

void db_build_names_presort(struct db_build *b)
{
	struct name_seg *g;

	/* Spilled runs are merged anyway; one sealed segment at a time. */
	if (b->n_runs || b->sealed || !b->nb_n)
		return;
	g = xcalloc(1, sizeof *g);
	g->rows = b->nb_rows;
	g->n = b->nb_n;
	g->text = b->nb_text;
	g->seq = b->nb_seq;
	b->nb_seq += b->nb_n;
	b->nb_rows = NULL;
	b->nb_n = b->nb_cap = 0;
	buf_init(&b->nb_text, 0);
	b->sealed = g;
	b->sealed_n = g->n;
	b->sealed_text = g->text.len;
	g->threaded = pthread_create(&g->th, NULL, presort_main, g) == 0;
}

/*
 * Sort the waiting rows and write them to a new run file (the sealed
 * segment first, if any): memory stays at DB_NAME_MEM_CAP whatever the
 * input.  The rows go into the table at the next flush, merged with the
 * other runs.
 */
static enum pc_rc spill_names(struct db_build *b, struct diag *d)
{
	struct name_seg g;
	struct name_ord *o;
	enum pc_rc rc = PC_OK;

	if (b->sealed) {
		seal_join(b);
		rc = write_run(b, b->sealed, b->sealed->o, d);
		seal_free(b);
		if (rc != PC_OK)
			return rc;
	}
	if (!b->nb_n)
		return PC_OK;
	g = buffer_seg(b);
	o = sort_seg(&g);
	rc = write_run(b, &g, o, d);
	free(o);
	b->nb_seq += b->nb_n;
	b->nb_n = 0;
	buf_reset(&b->nb_text);
	return rc;
}

struct run {
	FILE *f;
	struct name_item item;
	char *rec; /* key NUL form NUL */
	size_t cap;
};

/* Read the next record of R into R->item; *LIVE = 0 at the end. */
static enum pc_rc run_next(struct db_build *b, struct run *r, int *live, struct diag *d)
{
	struct run_hdr h;
	size_t n = fread(&h, sizeof h, 1, r->f);

	*live = 0;
	if (n != 1) {
		if (ferror(r->f))
			goto fail;
		return PC_OK;
	}
	if ((size_t)h.klen + h.flen + 2 > r->cap) {
		r->cap = (size_t)h.klen + h.flen + 256;
		r->rec = xrealloc(r->rec, r->cap);
	}
	if (fread(r->rec, 1, h.klen, r->f) != h.klen)
		goto fail;
	r->rec[h.klen] = '\0';
	if (fread(r->rec + h.klen + 1, 1, h.flen, r->f) != h.flen)
		goto fail;
	r->rec[h.klen + 1 + h.flen] = '\0';
	r->item.key = r->rec;
	r->item.form = r->rec + h.klen + 1;
	r->item.place_id = h.place_id;
	r->item.seq = h.seq;
	r->item.kind = h.kind;
	r->item.dead = 0;
	*live = 1;
	return PC_OK;
fail:
	return diag_set(d, PC_ERR_IO, b->tmp_path, 0, 0,
			"cannot read the names' temporary file back");
}

static int item_cmp(const struct name_item *x, const struct name_item *y)
{
	int c;

	if ((c = strcmp(x->key, y->key)) != 0)
		return c;
	if (x->place_id != y->place_id)
		return x->place_id < y->place_id ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if ((c = strcmp(x->form, y->form)) != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Restore the min-heap H[0..N) of runs from position I down. */
static void heap_down(struct run **h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < n && item_cmp(&h[l]->item, &h[m]->item) < 0)
			m = l;
		if (l + 1 < n && item_cmp(&h[l + 1]->item, &h[m]->item) < 0)
			m = l + 1;
		if (m == i)
			return;
		{
			struct run *t = h[i];
			h[i] = h[m];
			h[m] = t;
		}
		i = m;
	}
}

/* Every spilled run (the waiting rows spilled as the last one), merged. */
static enum pc_rc merge_runs(struct db_build *b, struct name_sink *k, struct diag *d)
{
	struct run *runs, **heap;
	size_t i, n = 0;
	enum pc_rc rc;

	if ((rc = spill_names(b, d)) != PC_OK)
		return rc;
	/* The buffer is empty now: give its memory back before the merge. */
	free(b->nb_rows);
	b->nb_rows = NULL;
	b->nb_cap = 0;
	buf_free(&b->nb_text);
	runs = xcalloc(b->n_runs, sizeof *runs);
	heap = xcalloc(b->n_runs, sizeof *heap);
	for (i = 0; i < b->n_runs && rc == PC_OK; i++) {
		int live;
		runs[i].f = b->nb_runs[i];
		if ((rc = run_next(b, &runs[i], &live, d)) == PC_OK && live)
			heap[n++] = &runs[i];
	}
	for (i = n; i-- > 0;)
		heap_down(heap, n, i);
	while (rc == PC_OK && n) {
		int live;
		if ((rc = sink_put(k, &heap[0]->item, d)) != PC_OK)
			break;
		if ((rc = run_next(b, heap[0], &live, d)) != PC_OK)
			break;
		if (!live)
			heap[0] = heap[--n];
		heap_down(heap, n, 0);
	}
	for (i = 0; i < b->n_runs; i++) {
		free(runs[i].rec);
		fclose(b->nb_runs[i]);
	}
	free(runs);
	free(heap);
	free(b->nb_runs);
	b->nb_runs = NULL;
	b->n_runs = 0;
	return rc;
}

enum pc_rc db_build_names_settle(struct db_build *b, struct diag *d)
{
	enum pc_rc rc;

	if (!b->n_runs)
		return PC_OK;
	rc = spill_names(b, d); /* the sealed segment too */
	free(b->nb_rows);
	b->nb_rows = NULL;
	b->nb_cap = 0;
	buf_free(&b->nb_text);
	return rc;
}

void db_build_names_discard(struct db_build *b)
{
	size_t i;

	seal_free(b);
	for (i = 0; i < b->n_runs; i++)
		fclose(b->nb_runs[i]);
	free(b->nb_runs);
	b->nb_runs = NULL;
	b->n_runs = 0;
	free(b->nb_rows);
	b->nb_rows = NULL;
	b->nb_n = b->nb_cap = 0;
	buf_free(&b->nb_text);
}

/*
 * Write every waiting row (in memory and spilled) in primary-key order,
 * dropping the duplicates that dedupe asks for (exactly the rows the old
 * "ORDER BY kind, rowid" pass dropped), DB_NAME_BATCH per INSERT.
 */
enum pc_rc db_build_flush_names(struct db_build *b, struct diag *d)
{
	struct name_sink k;
	enum pc_rc rc;
	size_t n = b->nb_n + (b->sealed ? b->sealed->n : 0);
	/* Into an empty table, the keys this flush writes are all there are. */
	int whole = !(b->flags & DB_BUILD_ADD) && b->n_names_written == 0;

	if (!n && !b->n_runs)
		return PC_OK;
	b->fk_whole = 0;
	b->fk_n = 0;
	buf_reset(&b->fk_text);
	if ((rc = sink_init(&k, b, b->n_runs != 0, d)) != PC_OK)
		goto done;
	if (whole) {
		k.keys = &b->fk_text;
		k.n_keys = &b->fk_n;
	}
	if (b->n_runs) {
		rc = merge_runs(b, &k, d);
	} else {
		/* Two sorted segments in memory (sealed, then the buffer): merge them. */
		struct name_seg tail = buffer_seg(b), empty;
		const struct name_seg *g0, *g1 = &tail;
		struct name_ord *o1 = sort_seg(&tail);
		const struct name_ord *o0;
		size_t i = 0, j = 0;

		memset(&empty, 0, sizeof empty);
		seal_join(b);
		g0 = b->sealed ? b->sealed : &empty;
		o0 = g0->o;
		while (rc == PC_OK && (i < g0->n || j < g1->n)) {
			struct name_item x, y;
			const struct name_item *it;
			int first;
			if (i < g0->n)
				seg_item(g0, o0[i].i, &x);
			if (j < g1->n)
				seg_item(g1, o1[j].i, &y);
			if (j == g1->n)
				first = 1;
			else if (i == g0->n)
				first = 0;
			else if (o0[i].pfx != o1[j].pfx) /* the keys' first 8 bytes decide */
				first = o0[i].pfx < o1[j].pfx;
			else
				first = item_cmp(&x, &y) < 0;
			if (first) {
				it = &x;
				i++;
			} else {
				it = &y;
				j++;
			}
			rc = sink_put(&k, it, d);
		}
		if (rc == PC_OK)
			rc = sink_finish(&k, d);
		free(o1);
		b->nb_seq += b->nb_n;
		goto done; /* the segments' strings must last until sink_finish */
	}
	if (rc == PC_OK)
		rc = sink_finish(&k, d);
done:
	sink_free(&k);
	seal_free(b);
	b->fk_whole = whole && rc == PC_OK;
	b->n_names_written += (int64_t)n + 1; /* (only its being non-zero matters) */
	if (!b->need_dedupe)
		b->names_plain = 1; /* if dedupe is asked later, these rows need the SQL pass */
	b->nb_n = 0;
	buf_reset(&b->nb_text);
	return rc;
}
