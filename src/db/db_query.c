/*
 * db_query.c: read-side queries used by the checker and the query commands.
 * Every text column is copied out before the statement is reset.
 */
#include "db/db_int.h"

#include "base/strdist.h"
#include "base/xmem.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void db_col_text(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	size_t n;

	/* What snprintf("%s") would write, without its format machinery:
	 * twelve columns a row made it 5% of a check's instructions. */
	if (size == 0)
		return;
	n = t ? strnlen(t, size - 1) : 0;
	memcpy(out, t ? t : "", n);
	out[n] = '\0';
}

void db_row_place(sqlite3_stmt *st, struct db_place *p)
{
	p->id = sqlite3_column_int64(st, 0);
	db_col_text(st, 1, p->name, sizeof p->name);
	db_col_text(st, 2, p->asciiname, sizeof p->asciiname);
	p->lat = sqlite3_column_double(st, 3);
	p->lon = sqlite3_column_double(st, 4);
	db_col_text(st, 5, p->fclass, sizeof p->fclass);
	db_col_text(st, 6, p->fcode, sizeof p->fcode);
	db_col_text(st, 7, p->country, sizeof p->country);
	db_col_text(st, 8, p->admin1, sizeof p->admin1);
	db_col_text(st, 9, p->admin2, sizeof p->admin2);
	p->population = sqlite3_column_int64(st, 10);
	p->kind = sqlite3_column_int(st, 11);
}

enum pc_rc db_read_failed(struct db *db, struct diag *d)
{
	db_note_error(db, sqlite3_errcode(db->sq));
	return db_status(db, d);
}

/* Readings kept per name: the matcher scores at most MATCH_MAX_CANDS, and
 * each cached reading costs memory in every connection. */
#define DB_LOOKUP_MAX 32
/* Rows read per name to find them (several rows can be one reading):
 * the LIMIT the statement leaves out (db.c says why). */
#define DB_NAMES_ROWS (DB_LOOKUP_MAX * 4)

enum pc_rc db_names_lookup(struct db *db, const char *key, struct db_hit *hits,
			   size_t max, size_t *n_out, struct diag *d)
{
	struct db_cache_ent *slot;
	sqlite3_stmt *st;
	struct db_hit tmp[DB_LOOKUP_MAX];
	size_t n = 0, rows = 0;
	int found, rc;

	*n_out = 0;
	db_probe(db);
	if (!bloom_test(&db->bloom, key, strlen(key)))
		return PC_OK;
	slot = db_cache_slot(db, DB_CACHE_NAMES, key, &found);
	if (slot && found) {
		n = slot->n < max ? slot->n : max;
		memcpy(hits, slot->data, n * sizeof *hits);
		*n_out = n;
		return PC_OK;
	}
	if (!(st = db_stmt(db, DB_ST_NAMES, d)))
		return PC_ERR_DB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	/*
	 * One hit per place with its best name kind, except that every
	 * spelling of an abbreviation is its own hit: "Ga." and "GA" both name
	 * Georgia, and the matcher accepts them in different places.  A
	 * DB_NAME_FOREIGN row (sorted after the place's other kinds) only
	 * marks the place's hit: the form is another language's name of it.
	 */
	while ((rc = db_step(db, st)) == SQLITE_ROW && n < DB_LOOKUP_MAX && rows++ < DB_NAMES_ROWS) {
		int64_t id = sqlite3_column_int64(st, 0);
		int kind = sqlite3_column_int(st, 12);
		const unsigned char *form = sqlite3_column_text(st, 13);
		size_t k;
		int dup = 0;
		for (k = 0; k < n && !dup; k++)
			if (tmp[k].place.id == id &&
			    (kind == DB_NAME_ABBREV) == (tmp[k].name_kind == DB_NAME_ABBREV) &&
			    (kind != DB_NAME_ABBREV || strcmp(tmp[k].form, form ? (const char *)form : "") == 0)) {
				dup = 1;
				if (kind == DB_NAME_FOREIGN)
					tmp[k].foreign = 1;
			}
		if (dup)
			continue;
		db_row_place(st, &tmp[n].place);
		/* A foreign row alone (a database built by other means) reads
		 * like the alternate name it stands for. */
		tmp[n].name_kind = kind == DB_NAME_FOREIGN ? DB_NAME_ALT : kind;
		tmp[n].foreign = kind == DB_NAME_FOREIGN;
		db_col_text(st, 13, tmp[n].form, sizeof tmp[n].form);
		n++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_read_failed(db, d);
	}
	sqlite3_reset(st);
	if (slot) {
		struct db_hit *copy = xmalloc((n ? n : 1) * sizeof *copy);
		memcpy(copy, tmp, n * sizeof *tmp);
		db_cache_fill(db, slot, DB_CACHE_NAMES, key, copy, n);
	}
	if (n > max)
		n = max;
	memcpy(hits, tmp, n * sizeof *hits);
	*n_out = n;
	return PC_OK;
}

int db_place_is_postal(const struct db_place *p)
{
	return p->kind == DB_KIND_PLACE && strcmp(p->fcode, DB_FCODE_POSTAL) == 0;
}

int64_t db_admin2_group_of(struct db *db, const struct db_place *p)
{
	sqlite3_stmt *st;
	char code[96];
	int64_t id = 0;

	if (!p->admin2[0] || strchr(p->admin2, ',') || !(st = db_stmt(db, DB_ST_GROUP_OF, NULL)))
		return 0;
	snprintf(code, sizeof code, "%s.%s.%s", p->country, p->admin1, p->admin2);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	if (db_step(db, st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return id;
}

int db_region_capital(struct db *db, const char *country, const char *admin1, struct db_place *out)
{
	sqlite3_stmt *st = db_stmt(db, DB_ST_CAPITAL, NULL);
	int found = 0;

	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, country, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, admin1 ? admin1 : "", -1, SQLITE_TRANSIENT);
	if (db_step(db, st) == SQLITE_ROW) {
		db_row_place(st, out);
		found = 1;
	}
	sqlite3_reset(st);
	return found;
}

int db_place_is_capital(const struct db_place *p, int admin1_too)
{
	return p->kind == DB_KIND_PLACE && (strcmp(p->fcode, "PPLC") == 0 || strcmp(p->fcode, "PPLG") == 0 ||
					    (admin1_too && strcmp(p->fcode, "PPLA") == 0));
}

int db_place_is_admin2_group(const struct db_place *p)
{
	return p->kind == DB_KIND_ADMIN1 && strcmp(p->fcode, DB_FCODE_ADMIN2_GROUP) == 0;
}

int db_admin2_list_has(const char *list, const char *code)
{
	size_t n = strlen(code);
	const char *p = list;

	/* A code with a comma is a list, not a code: "Z8,E9" would match
	 * two members of "Z7,Z8,E9" as though it were one. */
	if (!n || strchr(code, ','))
		return 0;
	while ((p = strstr(p, code)) != NULL) {
		if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

int db_place_in_region(const struct db_place *p, const struct db_place *r)
{
	if (strcmp(p->country, r->country) != 0)
		return 0;
	if (r->kind == DB_KIND_COUNTRY)
		return 1;
	/* A county ("Lewes, East Sussex"): P's own admin2 code, or P itself. */
	if (r->kind == DB_KIND_ADMIN2)
		return p->id == r->id ||
		       (r->admin2[0] && strcmp(p->admin1, r->admin1) == 0 && strcmp(p->admin2, r->admin2) == 0);
	if (r->kind != DB_KIND_ADMIN1 || strcmp(p->admin1, r->admin1) != 0)
		return 0;
	/* A group of admin2 units (a UK ceremonial county): P's own admin2
	 * is one of them, or P is the group itself. */
	if (db_place_is_admin2_group(r))
		return p->id == r->id || db_admin2_list_has(r->admin2, p->admin2);
	return 1;
}

int db_county_country(const char *cc)
{
	return cc && (strcmp(cc, "GB") == 0 || strcmp(cc, "IE") == 0);
}

int db_same_spelling(struct db *db, const char *a, const char *b)
{
	sqlite3_stmt *st;
	int yes;

	if (!(st = db_stmt(db, DB_ST_SAME, NULL)))
		return 0;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	yes = db_step(db, st) == SQLITE_ROW;
	sqlite3_reset(st);
	return yes;
}

int db_names_may_extend(struct db *db, const char *prefix)
{
	struct db_cache_ent *slot;
	sqlite3_stmt *st;
	int yes, found;

	db_probe(db);
	if (!bloom_test(&db->bloom, prefix, strlen(prefix)))
		return 0;
	/* Cached: common first words ("New", "San", "Port") come back in
	 * every article, and this was a tenth of a 1,000-article run. */
	slot = db_cache_slot(db, DB_CACHE_PREFIX, prefix, &found);
	if (slot && found)
		return (int)slot->n;
	if (!(st = db_stmt(db, DB_ST_PREFIX, NULL)))
		return 1; /* cannot tell: let the caller try */
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	yes = db_step(db, st) == SQLITE_ROW;
	sqlite3_reset(st);
	if (slot)
		db_cache_fill(db, slot, DB_CACHE_PREFIX, prefix, NULL, (size_t)yes);
	return yes;
}

enum pc_rc db_place_get(struct db *db, int64_t id, struct db_place *out, struct diag *d)
{
	sqlite3_stmt *st;
	int rc;

	if (!(st = db_stmt(db, DB_ST_PLACE, d)))
		return PC_ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		db_row_place(st, out);
		sqlite3_reset(st);
		return PC_OK;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return diag_set(d, PC_ERR_DB, NULL, 0, 0, "no such place: %lld", (long long)id);
	return db_read_failed(db, d);
}

enum pc_rc db_lookalikes(struct db *db, const char *key, struct db_alike *out,
			 size_t max, size_t *n_out, struct diag *d)
{
	sqlite3_stmt *st;
	size_t n = 0;
	int rc;

	struct db_cache_ent *slot;
	int found;

	*n_out = 0;
	slot = db_cache_slot(db, DB_CACHE_ALIKES, key, &found);
	if (slot && found && slot->n <= max) {
		memcpy(out, slot->data, slot->n * sizeof *out);
		*n_out = slot->n;
		return PC_OK;
	}
	if (!(st = db_stmt(db, DB_ST_ALIKE, d)))
		return PC_ERR_DB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
	while ((rc = db_step(db, st)) == SQLITE_ROW && n < max) {
		db_col_text(st, 0, out[n].key, sizeof out[n].key);
		out[n].kind = sqlite3_column_int(st, 1);
		out[n].dist = sqlite3_column_int(st, 2);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_read_failed(db, d);
	if (slot && !found) {
		struct db_alike *copy = xmalloc((n ? n : 1) * sizeof *copy);
		memcpy(copy, out, n * sizeof *out);
		db_cache_fill(db, slot, DB_CACHE_ALIKES, key, copy, n);
	}
	*n_out = n;
	return PC_OK;
}

/* Run a one-text-column statement ID with one bound text and copy the result. */
static void text_lookup(struct db *db, enum db_stmt_id id, const char *arg, char *out, size_t size)
{
	sqlite3_stmt *st = db_stmt(db, id, NULL);

	out[0] = '\0';
	if (!st)
		return;
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	if (db_step(db, st) == SQLITE_ROW)
		db_col_text(st, 0, out, size);
	sqlite3_reset(st);
}

void db_admin1_name(struct db *db, const char *country, const char *admin1, char *out, size_t size)
{
	char code[64];

	snprintf(code, sizeof code, "%s.%s", country, admin1);
	text_lookup(db, DB_ST_ADMIN1, code, out, size);
}

void db_admin2_name(struct db *db, const char *country, const char *admin1,
		    const char *admin2, char *out, size_t size)
{
	char code[128];

	snprintf(code, sizeof code, "%s.%s.%s", country, admin1, admin2);
	text_lookup(db, DB_ST_ADMIN2, code, out, size);
}

void db_country_name(struct db *db, const char *country, char *out, size_t size)
{
	text_lookup(db, DB_ST_COUNTRY, country, out, size);
}

int db_place_has_demonym(struct db *db, int64_t id)
{
	sqlite3_stmt *st = db_stmt(db, DB_ST_HAS_DEMONYM, NULL);
	int has = 0;

	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	has = db_step(db, st) == SQLITE_ROW;
	sqlite3_reset(st);
	return has;
}

int64_t db_region_place_id(struct db *db, const char *country, const char *admin1)
{
	char code[64];
	sqlite3_stmt *st;
	int64_t id = 0;

	if (admin1 && admin1[0]) {
		snprintf(code, sizeof code, "%s.%s", country, admin1);
		st = db_stmt(db, DB_ST_A1_PLACE, NULL);
	} else {
		snprintf(code, sizeof code, "%s", country);
		st = db_stmt(db, DB_ST_C_PLACE, NULL);
	}
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	if (db_step(db, st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return id;
}

int db_lexicon_flags(struct db *db, const char *key)
{
	struct db_cache_ent *slot;
	sqlite3_stmt *st;
	int flags = 0, found;

	slot = db_cache_slot(db, DB_CACHE_LEXICON, key, &found);
	if (slot && found)
		return (int)slot->n;
	if (!(st = db_stmt(db, DB_ST_LEX, NULL)))
		return 0;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (db_step(db, st) == SQLITE_ROW)
		flags = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (slot)
		db_cache_fill(db, slot, DB_CACHE_LEXICON, key, NULL, (size_t)flags);
	return flags;
}

/* A column's text copied into A ("" for NULL). */
static char *col_dup(sqlite3_stmt *st, int col, struct arena *a)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	return arena_strdup(a, s ? (const char *)s : "");
}

/*
 * Every row of statement WHICH into an arena array of elements of SIZE
 * bytes, each filled by ROW from the statement: the shared body of the
 * tables read whole at start-up (cues, topics).
 */
static enum pc_rc rows_all(struct db *db, int which, struct arena *a, size_t size,
			   void (*row)(sqlite3_stmt *st, void *elem, struct arena *a), void **out, size_t *n_out,
			   struct diag *d)
{
	sqlite3_stmt *st;
	size_t n = 0, cap = 64;
	char *v;
	int rc;

	*out = NULL;
	*n_out = 0;
	if (!(st = db_stmt(db, which, d)))
		return PC_ERR_DB;
	v = arena_alloc(a, cap * size);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		if (n == cap) {
			v = arena_grow(a, v, n, cap * 2, size);
			cap *= 2;
		}
		row(st, v + n * size, a);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_read_failed(db, d);
	*out = v;
	*n_out = n;
	return PC_OK;
}

static void topic_row(sqlite3_stmt *st, void *elem, struct arena *a)
{
	struct db_topic_row *r = elem;

	r->topic = col_dup(st, 0, a);
	r->key = col_dup(st, 1, a);
	r->phrase = col_dup(st, 2, a);
	r->member = col_dup(st, 3, a);
}

enum pc_rc db_topics_all(struct db *db, struct arena *a, struct db_topic_row **rows,
			 size_t *n_out, struct diag *d)
{
	void *v;
	enum pc_rc rc = rows_all(db, DB_ST_TOPICS, a, sizeof **rows, topic_row, &v, n_out, d);

	*rows = v;
	return rc;
}

static void cue_row(sqlite3_stmt *st, void *elem, struct arena *a)
{
	struct db_cue *c = elem;

	c->key = col_dup(st, 0, a);
	c->phrase = col_dup(st, 1, a);
	c->place_id = sqlite3_column_int64(st, 2);
	c->weight = sqlite3_column_double(st, 3);
}

enum pc_rc db_cues_all(struct db *db, struct arena *a, struct db_cue **cues,
		       size_t *n_out, struct diag *d)
{
	void *v;
	enum pc_rc rc = rows_all(db, DB_ST_CUES, a, sizeof **cues, cue_row, &v, n_out, d);

	*cues = v;
	return rc;
}

void db_meta_get(struct db *db, const char *key, char *out, size_t size)
{
	text_lookup(db, DB_ST_META, key, out, size);
}

void db_region_label(struct db *db, const char *country, const char *admin1,
		     char *out, size_t size)
{
	int64_t id;
	sqlite3_stmt *st;

	out[0] = '\0';
	if (!country || !country[0])
		return;
	if (admin1 && admin1[0]) {
		/* Fast path through the names index first (db_lookup.c). */
		db_lookup_abbrev(db, country, admin1, out, size);
		if (out[0])
			return;
		id = db_region_place_id(db, country, admin1);
		if (id && (st = db_stmt(db, DB_ST_ABBREV, NULL))) {
			sqlite3_bind_int64(st, 1, id);
			if (db_step(db, st) == SQLITE_ROW)
				db_col_text(st, 0, out, size);
			sqlite3_reset(st);
		}
		if (!out[0])
			db_admin1_name(db, country, admin1, out, size);
		if (out[0])
			return;
	}
	db_country_name(db, country, out, size);
}

/* Add the keys stored under deletion DEL to OUT (deduplicated, verified). */
static enum pc_rc near_probe(struct db *db, const char *del, const char *key, int maxd,
			     struct db_alike *out, size_t max, size_t *n, struct diag *d)
{
	sqlite3_stmt *st;
	int rc;

	/* No stored variant is DEL: nothing to ask (db.h, "near_bloom"). */
	if (!bloom_test(&db->near_bloom, del, strlen(del)))
		return PC_OK;
	if (!(st = db_stmt(db, DB_ST_NEARMISS, d)))
		return PC_ERR_DB;
	sqlite3_bind_text(st, 1, del, -1, SQLITE_TRANSIENT);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		size_t i;
		int dist;
		if (!k || strcmp(k, key) == 0)
			continue;
		for (i = 0; i < *n; i++)
			if (strcmp(out[i].key, k) == 0)
				break;
		if (i < *n)
			continue;
		dist = strdist_osa(key, k, maxd);
		if (dist > maxd)
			continue;
		/* Full: keep the closest.  A long name has many keys two edits
		 * away; found first, they must not crowd out the one a single
		 * letter off ("londonn": "london"). */
		if (*n >= max) {
			size_t w = 0;
			for (i = 1; i < *n; i++)
				if (out[i].dist > out[w].dist)
					w = i;
			if (!max || out[w].dist <= dist)
				continue;
			i = w;
		} else {
			i = (*n)++;
		}
		snprintf(out[i].key, sizeof out[i].key, "%s", k);
		out[i].kind = 0;
		out[i].dist = dist;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_read_failed(db, d);
	return PC_OK;
}

/* Is one of OUT[0..N) within DIST edits?  (A word with a name one edit
 * away needs no search at two: the closest is read first anyway.) */
static int near_within(const struct db_alike *out, size_t n, int dist)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (out[i].dist <= dist)
			return 1;
	return 0;
}

/* Probe every variant of KEY with two code points deleted (near_probe). */
static enum pc_rc near_probe_two(struct db *db, const char *key, int maxd, struct db_alike *out, size_t max,
				 size_t *n, struct diag *d)
{
	size_t start[256], len = strlen(key), n_cp = 0, a, b, i;
	char del[256];
	enum pc_rc rc;

	for (i = 0; i < len && n_cp < sizeof start / sizeof start[0] - 1; i++)
		if (((unsigned char)key[i] & 0xC0) != 0x80)
			start[n_cp++] = i;
	start[n_cp] = len;
	for (a = 1; a < n_cp; a++)
		for (b = a + 1; b < n_cp; b++) {
			size_t o = 0;
			/* (A variant made twice, by deleting either letter of
			 * a pair, is asked twice: near_probe keeps a key once.) */
			memcpy(del + o, key, start[a]);
			o += start[a];
			memcpy(del + o, key + start[a + 1], start[b] - start[a + 1]);
			o += start[b] - start[a + 1];
			memcpy(del + o, key + start[b + 1], len - start[b + 1] + 1);
			if ((rc = near_probe(db, del, key, maxd, out, max, n, d)) != PC_OK)
				return rc;
		}
	return PC_OK;
}

enum pc_rc db_near_keys(struct db *db, const char *key, int maxd, struct db_alike *out,
			size_t max, size_t *n_out, struct diag *d)
{
	size_t len = strlen(key), i, n = 0;
	char del[256], ckey[300];
	enum pc_rc rc;
	struct db_cache_ent *slot;
	int found;

	*n_out = 0;
	if (len == 0 || len >= sizeof del)
		return PC_OK;
	snprintf(ckey, sizeof ckey, "%d:%s", maxd, key);
	slot = db_cache_slot(db, DB_CACHE_NEAR, ckey, &found);
	if (slot && found) {
		n = slot->n < max ? slot->n : max;
		memcpy(out, slot->data, n * sizeof *out);
		*n_out = n;
		return PC_OK;
	}
	/* The key itself (the index holds the names' deletions) ... */
	if ((rc = near_probe(db, key, key, maxd, out, max, &n, d)) != PC_OK)
		return rc;
	/* ... and each of its one-deletion variants (by code point). */
	for (i = 0; i < len;) {
		size_t cl = 1;
		while (i + cl < len && ((unsigned char)key[i + cl] & 0xC0) == 0x80)
			cl++;
		memcpy(del, key, i);
		memcpy(del + i, key + i + cl, len - i - cl + 1);
		if ((rc = near_probe(db, del, key, maxd, out, max, &n, d)) != PC_OK)
			return rc;
		i += cl;
	}
	/* At two edits, each of its two-deletion variants too: a name with
	 * two letters added ("Brrittain", "Mannchesster") or one added and
	 * one changed shares no one-deletion variant with the word, but one
	 * of the word's two-deletion variants is the name or one of its
	 * deletions.  A few dozen probes of the filter a word, and only for
	 * a word with no name one edit away.  The first letter stays: a
	 * writer who got two letters wrong still began the name right, and
	 * "Comerica" (a bank) is no America. */
	if (maxd >= 2 && !near_within(out, n, 1) && (rc = near_probe_two(db, key, maxd, out, max, &n, d)) != PC_OK)
		return rc;
	/* Closest first. */
	for (i = 1; i < n; i++) {
		size_t j;
		for (j = i; j > 0 && out[j].dist < out[j - 1].dist; j--) {
			struct db_alike t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	}
	if (slot) {
		struct db_alike *copy = xmalloc((n ? n : 1) * sizeof *copy);
		memcpy(copy, out, n * sizeof *out);
		db_cache_fill(db, slot, DB_CACHE_NEAR, ckey, copy, n);
	}
	*n_out = n;
	return PC_OK;
}

/*
 * Insert CAND into OUT[0..N) (at most MAX), ordered by edit distance, then
 * population descending; one entry per place, the last falling off when
 * full.  The new count.
 */
static size_t near_insert(struct db_near_name *out, size_t n, size_t max, const struct db_near_name *cand)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (out[i].hit.place.id == cand->hit.place.id)
			return n;
	for (i = n; i > 0 && (out[i - 1].dist > cand->dist ||
			      (out[i - 1].dist == cand->dist &&
			       out[i - 1].hit.place.population < cand->hit.place.population));
	     i--)
		;
	if (i >= max)
		return n;
	memmove(&out[i + 1], &out[i], ((n < max ? n : max - 1) - i) * sizeof *out);
	out[i] = *cand;
	return n < max ? n + 1 : n;
}

/* Letters a misspelt name keeps at its start, for db_near_in_region: the
 * names read are those that share them ("Tonawonda": "ton"). */
#define DB_NEAR_PREFIX 3

enum pc_rc db_near_in_region(struct db *db, const char *key, const char *country, const char *admin1,
			     const char *admin2s, int maxd, struct db_near_name *out, size_t max,
			     size_t *n_out, struct diag *d)
{
	sqlite3_stmt *st;
	char lo[16], hi[16], ckey[400];
	size_t cl = 0, n = 0, k;
	int rc, found;
	struct db_cache_ent *slot;

	*n_out = 0;
	if (!key[0] || max == 0)
		return PC_OK;
	/* Asked again for the same word and region (a story's name, an
	 * engine's next story): the cache. */
	snprintf(ckey, sizeof ckey, "%d|%s|%s|%s|%s", maxd, country, admin1 ? admin1 : "", admin2s ? admin2s : "", key);
	slot = db_cache_slot(db, DB_CACHE_REGION_NEAR, ckey, &found);
	if (slot && found) {
		n = slot->n < max ? slot->n : max;
		memcpy(out, slot->data, n * sizeof *out);
		*n_out = n;
		return PC_OK;
	}
	/* The first DB_NEAR_PREFIX code points, and the string just past
	 * every key that starts with them (a UTF-8 sequence's last byte is
	 * at most 0xBF, so one more never carries). */
	for (k = 0; k < DB_NEAR_PREFIX && key[cl]; k++) {
		cl++;
		while (cl < sizeof lo - 1 && key[cl] && ((unsigned char)key[cl] & 0xC0) == 0x80)
			cl++;
	}
	memcpy(lo, key, cl);
	lo[cl] = '\0';
	memcpy(hi, lo, cl + 1);
	hi[cl - 1]++;
	if (!(st = db_stmt(db, DB_ST_NEAR_IN_REGION, d)))
		return PC_ERR_DB;
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, country, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, admin1 ? admin1 : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, admin2s ? admin2s : "", -1, SQLITE_TRANSIENT);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		const unsigned char *nk = sqlite3_column_text(st, 13);
		struct db_near_name cand;
		int dist;
		if (!nk || strcmp((const char *)nk, key) == 0 ||
		    (dist = strdist_osa(key, (const char *)nk, maxd)) > maxd)
			continue;
		memset(&cand, 0, sizeof cand);
		db_row_place(st, &cand.hit.place);
		cand.hit.name_kind = sqlite3_column_int(st, 12);
		db_col_text(st, 1, cand.hit.form, sizeof cand.hit.form);
		db_col_text(st, 13, cand.key, sizeof cand.key);
		cand.dist = dist;
		n = near_insert(out, n, max, &cand);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_read_failed(db, d);
	if (slot) {
		struct db_near_name *copy = xmalloc((n ? n : 1) * sizeof *copy);
		memcpy(copy, out, n * sizeof *out);
		db_cache_fill(db, slot, DB_CACHE_REGION_NEAR, ckey, copy, n);
	}
	*n_out = n;
	return PC_OK;
}

#define EARTH_RADIUS_KM 6371.0088
#define DEG2RAD(x) ((x) * 3.14159265358979323846 / 180.0)
/* Past this latitude (with the radius) every longitude is close. */
#define DB_POLAR_LAT 89.0

double db_distance_km(double lat1, double lon1, double lat2, double lon2)
{
	double dlat = DEG2RAD(lat2 - lat1), dlon = DEG2RAD(lon2 - lon1);
	double h = sin(dlat / 2) * sin(dlat / 2) +
		   cos(DEG2RAD(lat1)) * cos(DEG2RAD(lat2)) * sin(dlon / 2) * sin(dlon / 2);

	if (h > 1)
		h = 1;
	return 2 * EARTH_RADIUS_KM * asin(sqrt(h));
}

void db_near_box(double lat, double lon, double radius_km, double box[6])
{
	double dlat = radius_km / 111.0, dlon, coslat;

	box[0] = lat - dlat;
	box[1] = lat + dlat;
	coslat = cos(DEG2RAD(fabs(lat) + dlat > DB_POLAR_LAT ? DB_POLAR_LAT : fabs(lat) + dlat));
	dlon = radius_km / (111.0 * coslat);
	box[4] = 1.0, box[5] = 0.0; /* empty */
	if (dlon >= 180.0 || box[1] > DB_POLAR_LAT || box[0] < -DB_POLAR_LAT) {
		box[2] = -180.0, box[3] = 180.0;
	} else if (lon - dlon < -180.0) {
		box[2] = -180.0, box[3] = lon + dlon;
		box[4] = lon - dlon + 360.0, box[5] = 180.0;
	} else if (lon + dlon > 180.0) {
		box[2] = lon - dlon, box[3] = 180.0;
		box[4] = -180.0, box[5] = lon + dlon - 360.0;
	} else {
		box[2] = lon - dlon, box[3] = lon + dlon;
	}
}

/* The letters a key's one-edit variants are made of (db_key() folds
 * names to lower-case ASCII and spaces). */
static const char db_key_letters[] = "abcdefghijklmnopqrstuvwxyz ";

/* Add VARIANT to OUT (N of MAX) if the names filter may hold it. */
static void known_variant(struct db *db, const char *variant, struct db_alike *out, size_t max, size_t *n)
{
	size_t i;

	if (*n >= max || !bloom_test(&db->bloom, variant, strlen(variant)))
		return;
	for (i = 0; i < *n; i++)
		if (strcmp(out[i].key, variant) == 0)
			return;
	snprintf(out[*n].key, sizeof out[*n].key, "%s", variant);
	out[*n].kind = 0;
	out[*n].dist = 1;
	(*n)++;
}

/*
 * The keys one edit from KEY (OSA: a letter dropped, two swapped, one
 * changed, one added) that the names filter may hold: a few hundred
 * probes, nearly all answered no there.  At most DB_AROUND_VARIANTS;
 * cached per key, so a word asked around several towns costs its probes
 * once.  *OUT points into the cache or into BUF.
 */
#define DB_AROUND_VARIANTS 48
static size_t known_variants(struct db *db, const char *key, struct db_alike *buf, const struct db_alike **out)
{
	char v[DB_AROUND_KEY_MAX + 2];
	size_t kl = strlen(key), n = 0, i, j;
	int found;
	struct db_cache_ent *slot = db_cache_slot(db, DB_CACHE_EDITS, key, &found);

	if (slot && found) {
		*out = slot->data;
		return slot->n;
	}
	db_warm(db);
	for (i = 0; i < kl; i++) {
		memcpy(v, key, i);
		memcpy(v + i, key + i + 1, kl - i);
		known_variant(db, v, buf, DB_AROUND_VARIANTS, &n);
	}
	for (i = 0; i + 1 < kl; i++) {
		if (key[i] == key[i + 1])
			continue;
		memcpy(v, key, kl + 1);
		v[i] = key[i + 1];
		v[i + 1] = key[i];
		known_variant(db, v, buf, DB_AROUND_VARIANTS, &n);
	}
	for (i = 0; i < kl; i++)
		for (j = 0; db_key_letters[j]; j++) {
			if (db_key_letters[j] == key[i])
				continue;
			memcpy(v, key, kl + 1);
			v[i] = db_key_letters[j];
			known_variant(db, v, buf, DB_AROUND_VARIANTS, &n);
		}
	for (i = 0; i <= kl; i++)
		for (j = 0; db_key_letters[j]; j++) {
			memcpy(v, key, i);
			v[i] = db_key_letters[j];
			memcpy(v + i + 1, key + i, kl - i + 1);
			known_variant(db, v, buf, DB_AROUND_VARIANTS, &n);
		}
	if (slot) {
		struct db_alike *copy = xmalloc((n ? n : 1) * sizeof *copy);
		memcpy(copy, buf, n * sizeof *buf);
		db_cache_fill(db, slot, DB_CACHE_EDITS, key, copy, n);
		/* (The slot holds the copy now; BUF holds the same.) */
	}
	*out = buf;
	return n;
}

enum pc_rc db_near_around(struct db *db, const char *key, double lat, double lon, double radius_km,
			  struct db_near_name *out, size_t max, size_t *n_out, struct diag *d)
{
	char ckey[400];
	double box[6];
	size_t n = 0, kl = strlen(key), n_var, i, k;
	int found, rc;
	struct db_cache_ent *slot;
	struct db_alike buf[DB_AROUND_VARIANTS];
	const struct db_alike *var;
	sqlite3_stmt *st;

	*n_out = 0;
	if (!kl || kl > DB_AROUND_KEY_MAX || max == 0)
		return PC_OK;
	snprintf(ckey, sizeof ckey, "%.4f|%.4f|%.1f|%s", lat, lon, radius_km, key);
	slot = db_cache_slot(db, DB_CACHE_AROUND, ckey, &found);
	if (slot && found) {
		n = slot->n < max ? slot->n : max;
		memcpy(out, slot->data, n * sizeof *out);
		*n_out = n;
		return PC_OK;
	}
	n_var = known_variants(db, key, buf, &var);
	db_near_box(lat, lon, radius_km, box);
	for (i = 0; i < n_var; i++) {
		if (!(st = db_stmt(db, DB_ST_NAME_AROUND, d)))
			return PC_ERR_DB;
		sqlite3_bind_text(st, 1, var[i].key, -1, SQLITE_TRANSIENT);
		for (k = 0; k < 6; k++)
			sqlite3_bind_double(st, (int)k + 2, box[k]);
		while ((rc = db_step(db, st)) == SQLITE_ROW) {
			struct db_near_name cand;
			if (db_distance_km(lat, lon, sqlite3_column_double(st, 3), sqlite3_column_double(st, 4)) >
			    radius_km)
				continue;
			memset(&cand, 0, sizeof cand);
			db_row_place(st, &cand.hit.place);
			cand.hit.name_kind = sqlite3_column_int(st, 12);
			db_col_text(st, 13, cand.hit.form, sizeof cand.hit.form);
			memcpy(cand.key, var[i].key, sizeof cand.key);
			cand.dist = 1;
			n = near_insert(out, n, max, &cand);
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_read_failed(db, d);
	}
	/* (known_variants asked the cache for a slot of its own, which may
	 * have moved this one: ask again before filling it.) */
	slot = db_cache_slot(db, DB_CACHE_AROUND, ckey, &found);
	if (slot && !found) {
		struct db_near_name *copy = xmalloc((n ? n : 1) * sizeof *copy);
		memcpy(copy, out, n * sizeof *out);
		db_cache_fill(db, slot, DB_CACHE_AROUND, ckey, copy, n);
	}
	*n_out = n;
	return PC_OK;
}

int db_country_neighbours(struct db *db, const char *a, const char *b)
{
	char list[512];
	const char *p;
	size_t bl = strlen(b);

	text_lookup(db, DB_ST_NEIGHBOURS, a, list, sizeof list);
	/* A comma-separated list of ISO codes: "GN,SN". */
	for (p = list; *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == bl && memcmp(p, b, bl) == 0)
			return 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

int64_t db_name_in_region(struct db *db, const char *key, const char *country, const char *admin1,
			  const char *admin2s, struct db_in_region *out)
{
	sqlite3_stmt *st = db_stmt(db, DB_ST_IN_REGION, NULL);
	int64_t id = 0;

	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, country, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, admin1 ? admin1 : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, admin2s ? admin2s : "", -1, SQLITE_TRANSIENT);
	if (db_step(db, st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (out) {
			const unsigned char *nm = sqlite3_column_text(st, 3);
			out->name_kind = sqlite3_column_int(st, 1);
			out->population = sqlite3_column_int64(st, 2);
			snprintf(out->name, sizeof out->name, "%s", nm ? (const char *)nm : "");
		}
	}
	sqlite3_reset(st);
	return id;
}
