/*
 * db_lookup.c: read-side lookups for the query commands (`placecheck query`,
 * `placecheck shell`): every reading of a name without the checker's cap,
 * places near a point, and name keys by prefix for completion.  The
 * statements live in db.c's stmt_sql[] (DB_ST_NAMES_ALL, DB_ST_NEAR,
 * DB_ST_KEY_PREFIX) so that struct db keeps owning them all.
 */
#include "db/db_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows scanned by a prefix search before it stops (see db.h). */
#define DB_PREFIX_SCAN 4000



enum pc_rc db_lookup_names(struct db *db, const char *key, size_t max, struct arena *a,
			   struct db_hit **hits, size_t *n_out, struct diag *d)
{
	sqlite3_stmt *st;
	struct db_hit *v = NULL;
	size_t n = 0, cap = 0;
	int rc;

	*hits = NULL;
	*n_out = 0;
	if (!(st = db_stmt(db, DB_ST_NAMES_ALL, d)))
		return PC_ERR_DB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
	while ((rc = db_step(db, st)) == SQLITE_ROW && n < max) {
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			v = arena_grow(a, v, n, ncap, sizeof *v);
			cap = ncap;
		}
		db_row_place(st, &v[n].place);
		/* MIN(kind): another language's name alone reads as the
		 * alternate name it stands for (db.h) */
		v[n].name_kind = sqlite3_column_int(st, 12);
		v[n].foreign = v[n].name_kind == DB_NAME_FOREIGN;
		if (v[n].foreign)
			v[n].name_kind = DB_NAME_ALT;
		db_col_text(st, 13, v[n].form, sizeof v[n].form);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_read_failed(db, d);
	*hits = v;
	*n_out = n;
	return PC_OK;
}

static int near_cmp(const void *x, const void *y)
{
	const struct db_near *a = x, *b = y;

	if (a->dist_km != b->dist_km)
		return a->dist_km < b->dist_km ? -1 : 1;
	if (a->place.population != b->place.population)
		return a->place.population > b->place.population ? -1 : 1;
	return a->place.id < b->place.id ? -1 : a->place.id > b->place.id;
}

enum pc_rc db_lookup_near(struct db *db, double lat, double lon, double radius_km,
			  size_t max, struct arena *a, struct db_near **out,
			  size_t *n_out, size_t *n_total, struct diag *d)
{
	sqlite3_stmt *st;
	struct db_near *v = NULL;
	size_t n = 0, cap = 0, k;
	double box[6];
	int rc;

	*out = NULL;
	*n_out = 0;
	if (n_total)
		*n_total = 0;
	db_near_box(lat, lon, radius_km, box);
	if (!(st = db_stmt(db, DB_ST_NEAR, d)))
		return PC_ERR_DB;
	for (k = 0; k < 6; k++)
		sqlite3_bind_double(st, (int)k + 1, box[k]);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		double km = db_distance_km(lat, lon, sqlite3_column_double(st, 3),
					sqlite3_column_double(st, 4));
		if (km > radius_km)
			continue;
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			v = arena_grow(a, v, n, ncap, sizeof *v);
			cap = ncap;
		}
		db_row_place(st, &v[n].place);
		v[n].dist_km = km;
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_read_failed(db, d);
	if (n)
		qsort(v, n, sizeof *v, near_cmp);
	if (n_total)
		*n_total = n;
	*out = v;
	*n_out = n < max ? n : max;
	return PC_OK;
}

enum pc_rc db_lookup_prefix(struct db *db, const char *prefix, unsigned kinds, size_t max,
			    struct arena *a, struct db_key_match **out, size_t *n_out,
			    struct diag *d)
{
	sqlite3_stmt *st;
	struct db_key_match *v;
	size_t n = 0, i;
	int rc;

	*out = NULL;
	*n_out = 0;
	if (!max)
		return PC_OK;
	v = arena_calloc(a, max, sizeof *v);
	if (!(st = db_stmt(db, DB_ST_KEY_PREFIX, d)))
		return PC_ERR_DB;
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)kinds);
	sqlite3_bind_int(st, 3, DB_PREFIX_SCAN);
	/* Rows come most populous first: keep the first row of each key. */
	while ((rc = db_step(db, st)) == SQLITE_ROW && n < max) {
		const unsigned char *k = sqlite3_column_text(st, 0);
		if (!k)
			continue;
		for (i = 0; i < n; i++)
			if (strcmp(v[i].key, (const char *)k) == 0)
				break;
		if (i < n)
			continue;
		db_col_text(st, 0, v[n].key, sizeof v[n].key);
		db_col_text(st, 1, v[n].form, sizeof v[n].form);
		v[n].place_id = sqlite3_column_int64(st, 2);
		v[n].population = sqlite3_column_int64(st, 3);
		v[n].place_kind = sqlite3_column_int(st, 4);
		v[n].name_kind = sqlite3_column_int(st, 5);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_read_failed(db, d);
	*out = v;
	*n_out = n;
	return PC_OK;
}

/* Probe one candidate KEY for a dotted abbreviation of region row ID. */
static int abbrev_probe(struct db *db, const char *key, int64_t id, char *out, size_t size)
{
	sqlite3_stmt *st = db_stmt(db, DB_ST_ABBREV_KEY, NULL);
	int found = 0;

	if (!st || !key[0])
		return 0;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	if (db_step(db, st) == SQLITE_ROW) {
		db_col_text(st, 0, out, size);
		found = 1;
	}
	sqlite3_reset(st);
	return found;
}

/*
 * Abbreviations are found by their own key, so guess the keys a region's
 * abbreviation can have and probe the names index with each (at most a
 * hundred or so index lookups, instead of a scan of every name): the admin1
 * code ("va" for Va.), the initials of a several-word name ("nc" for
 * N.C.), the first initial and two letters of the second word ("wva"),
 * the first 2 to 5 letters ("ill", "calif"), and the first letter with one
 * or two later ones ("fla", "ky", "md").
 */
void db_lookup_abbrev(struct db *db, const char *country, const char *admin1,
		      char *out, size_t size)
{
	char name[128], cand[160];
	struct buf key;
	const char *k, *sp;
	int64_t id;
	size_t len, n;

	out[0] = '\0';
	if (!country || !country[0] || !admin1 || !admin1[0])
		return;
	if (!(id = db_region_place_id(db, country, admin1)))
		return;
	buf_init(&key, 256);
	if (db_key(admin1, strlen(admin1), &key) == PC_OK && abbrev_probe(db, buf_str(&key), id, out, size))
		goto done;
	db_admin1_name(db, country, admin1, name, sizeof name);
	buf_reset(&key);
	if (!name[0] || db_key(name, strlen(name), &key) != PC_OK || !key.len)
		goto done;
	k = buf_str(&key);
	len = strlen(k);
	if ((sp = strchr(k, ' '))) {
		/* Initials: "north carolina" -> "nc". */
		const char *p = k;
		n = 0;
		while (*p && n < sizeof cand - 1) {
			cand[n++] = *p;
			p = strchr(p, ' ');
			if (!p)
				break;
			p++;
		}
		cand[n] = '\0';
		if (abbrev_probe(db, cand, id, out, size))
			goto done;
		/* "west virginia" -> "wva": initial, then two letters of the next word. */
		for (n = 2; sp[n] && sp[n] != ' '; n++) {
			snprintf(cand, sizeof cand, "%c%c%c", k[0], sp[1], sp[n]);
			if (abbrev_probe(db, cand, id, out, size))
				goto done;
		}
		len = (size_t)(sp - k);
	}
	/* "ill", "calif": the start of the name. */
	for (n = 2; n <= 5 && n <= len; n++) {
		snprintf(cand, sizeof cand, "%.*s", (int)n, k);
		if (abbrev_probe(db, cand, id, out, size))
			goto done;
	}
	/* "fla", "ky", "md": the first letter and one or two later ones
	   (within the first ten letters: at most 45 probes). */
	for (n = 1; n < len && n < 10; n++) {
		size_t m;
		snprintf(cand, sizeof cand, "%c%c", k[0], k[n]);
		if (abbrev_probe(db, cand, id, out, size))
			goto done;
		for (m = n + 1; m < len && m < 10; m++) {
			snprintf(cand, sizeof cand, "%c%c%c", k[0], k[n], k[m]);
			if (abbrev_probe(db, cand, id, out, size))
				goto done;
		}
	}
done:
	buf_free(&key);
}

int db_read_begin(struct db *db)
{
	if (!sqlite3_get_autocommit(db->sq))
		return 0;
	return sqlite3_exec(db->sq, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

void db_read_end(struct db *db, int began)
{
	if (began)
		sqlite3_exec(db->sq, "COMMIT", NULL, NULL, NULL);
}
