/*
 * db_write_finish.c: what a build derives once every file is in.
 *
 * Region rows: every country, admin1 and admin2 code gets one places row
 * so that "Virginia" or "Austria" can be a reading with a point.  The row
 * is the region's own GeoNames feature when it was loaded (PCLI... for
 * countries, ADM1, ADM2, or the admin file's geonameid), else a synthetic
 * row (ids: db_write.h) placed at the published centre (countries, from
 * countries-extra) or at the mean of the places inside it, taken as the
 * mean of their unit vectors so that regions across the antimeridian
 * (Alaska, Fiji) do not land on the other side of the world.  Its
 * population is the sum of theirs (countryInfo's figure for countries).
 * A region with no place inside it and no published centre gets no row.
 *
 * Then the staged region names and cues are attached.  (The word prefixes
 * and the Bloom filter are derived at commit: db_write_prefixes.c.)
 */
#include "db/db_write_int.h"

#include "base/xmem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ID_ADMIN1 INT64_C(2000000000)
#define ID_ADMIN2 INT64_C(3000000000)
#define ID_REGION INT64_C(5000000000)
#define ID_SPAN INT64_C(1000000000)

/* ---- aggregate of the places inside each region code ---------------- */

struct agg {
	char *code;         /* "US", "US.VA", "US.VA.003"; NULL = empty slot */
	double x, y, z;     /* sum of unit vectors */
	double lat, lon;    /* sum of coordinates (fallback) */
	int64_t n, pop;
	int64_t own_id;     /* the region's own feature row, 0 if none */
	int own_rank;       /* lower is better (PCLI before PCLD...) */
	int64_t own_pop;
};

struct agg_map {
	struct agg *slots;
	size_t cap, n;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

static struct agg *agg_get(struct agg_map *m, const char *code)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap) {
		struct agg *old = m->slots;
		size_t oc = m->cap, j;
		m->cap = oc ? oc * 2 : 1024;
		m->slots = xcalloc(m->cap, sizeof *m->slots);
		m->n = 0;
		for (j = 0; j < oc; j++) {
			if (!old[j].code)
				continue;
			i = hash_str(old[j].code) & (m->cap - 1);
			while (m->slots[i].code)
				i = (i + 1) & (m->cap - 1);
			m->slots[i] = old[j];
			m->n++;
		}
		free(old);
	}
	i = hash_str(code) & (m->cap - 1);
	while (m->slots[i].code) {
		if (strcmp(m->slots[i].code, code) == 0)
			return &m->slots[i];
		i = (i + 1) & (m->cap - 1);
	}
	m->slots[i].code = xstrdup(code);
	m->n++;
	return &m->slots[i];
}

static struct agg *agg_find(const struct agg_map *m, const char *code)
{
	size_t i;

	if (!m->cap)
		return NULL;
	i = hash_str(code) & (m->cap - 1);
	while (m->slots[i].code) {
		if (strcmp(m->slots[i].code, code) == 0)
			return &m->slots[i];
		i = (i + 1) & (m->cap - 1);
	}
	return NULL;
}

static void agg_free(struct agg_map *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->slots[i].code);
	free(m->slots);
}

/* A point as the aggregates sum it: its unit vector and its coordinates. */
struct agg_pt {
	double x, y, z, lat, lon;
	int64_t pop;
};

static void agg_pt_set(struct agg_pt *p, double lat, double lon, int64_t pop)
{
	double la = lat * M_PI / 180, lo = lon * M_PI / 180;

	p->x = cos(la) * cos(lo);
	p->y = cos(la) * sin(lo);
	p->z = sin(la);
	p->lat = lat;
	p->lon = lon;
	p->pop = pop > 0 ? pop : 0;
}

static void agg_add_pt(struct agg *a, const struct agg_pt *p)
{
	a->x += p->x;
	a->y += p->y;
	a->z += p->z;
	a->lat += p->lat;
	a->lon += p->lon;
	a->n++;
	a->pop += p->pop;
}

static void agg_add_point(struct agg *a, double lat, double lon, int64_t pop)
{
	struct agg_pt p;

	agg_pt_set(&p, lat, lon, pop);
	agg_add_pt(a, &p);
}

/* Mean point of A (n > 0). */
static void agg_point(const struct agg *a, double *lat, double *lon)
{
	double h = sqrt(a->x * a->x + a->y * a->y);

	if (h + fabs(a->z) < 1e-9 * (double)a->n) {
		*lat = a->lat / (double)a->n;
		*lon = a->lon / (double)a->n;
		return;
	}
	*lat = atan2(a->z, h) * 180 / M_PI;
	*lon = atan2(a->y, a->x) * 180 / M_PI;
	/* Round so that the value does not depend on the last bits of the sums. */
	*lat = round(*lat * 1e5) / 1e5;
	*lon = round(*lon * 1e5) / 1e5;
}

/* Rank of a feature code as a region's own feature; 0 = not one. */
static int own_rank(const char *fcode, int level)
{
	static const char *const pcl[] = { "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL" };
	size_t i;

	if (!fcode)
		return 0;
	if (level == 0) {
		for (i = 0; i < sizeof pcl / sizeof pcl[0]; i++)
			if (strcmp(fcode, pcl[i]) == 0)
				return (int)i + 1;
		return 0;
	}
	return strcmp(fcode, level == 1 ? "ADM1" : "ADM2") == 0;
}

static void agg_own(struct agg *a, int rank, int64_t id, int64_t pop)
{
	if (!rank)
		return;
	if (!a->own_id || rank < a->own_rank || (rank == a->own_rank && pop > a->own_pop) ||
	    (rank == a->own_rank && pop == a->own_pop && id < a->own_id)) {
		a->own_id = id;
		a->own_rank = rank;
		a->own_pop = pop;
	}
}

/*
 * "CC.A1" or "CC.A1.A2" into OUT (SIZE bytes) without snprintf, which was
 * a tenth of this pass.  Returns 0 when it does not fit.
 */
static int join_code(char *out, size_t size, const char *cc, const char *a1, const char *a2)
{
	size_t lc = strlen(cc), l1 = strlen(a1), l2 = a2 ? strlen(a2) : 0;
	char *p = out;

	if (lc + l1 + l2 + 3 > size)
		return 0;
	memcpy(p, cc, lc);
	p += lc;
	*p++ = '.';
	memcpy(p, a1, l1);
	p += l1;
	if (a2) {
		*p++ = '.';
		memcpy(p, a2, l2);
		p += l2;
	}
	*p = '\0';
	return 1;
}

/*
 * The aggregate of CODE, through a one-entry cache: the places come in id
 * order, and GeoNames numbers the places of a region mostly together, so
 * that most rows repeat the previous row's codes.  The cache holds for as
 * long as the map does not grow (growing moves the slots).
 */
struct agg_cache {
	char code[200];
	struct agg *a;
	size_t cap;
};

static struct agg *agg_cached(struct agg_map *m, struct agg_cache *c, const char *code)
{
	size_t len;

	if (c->a && code[0] && c->cap == m->cap && strcmp(c->code, code) == 0)
		return c->a;
	len = strlen(code);
	c->a = agg_get(m, code);
	c->cap = m->cap;
	if (len >= sizeof c->code)
		len = 0; /* too long to cache: "" never matches a code */
	memcpy(c->code, code, len);
	c->code[len] = '\0';
	return c->a;
}

static enum pc_rc aggregate(struct db_build *b, struct agg_map *m, struct diag *d)
{
	sqlite3_stmt *st = NULL;
	enum pc_rc rc;
	int src;
	char code[200];
	struct agg_cache cache[3];

	memset(cache, 0, sizeof cache);
	rc = db_build_prepare(b,
		"SELECT id, country, admin1, admin2, fcode, lat, lon, population, kind"
		" FROM places WHERE country IS NOT NULL", &st, d);
	if (rc != PC_OK)
		return rc;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *cc = (const char *)sqlite3_column_text(st, 1);
		const char *a1 = (const char *)sqlite3_column_text(st, 2);
		const char *a2 = (const char *)sqlite3_column_text(st, 3);
		const char *fcode = (const char *)sqlite3_column_text(st, 4);
		double lat = sqlite3_column_double(st, 5), lon = sqlite3_column_double(st, 6);
		int64_t pop = sqlite3_column_int64(st, 7);
		int kind = sqlite3_column_int(st, 8);
		struct agg *a;
		struct agg_pt pt;
		int place = kind == DB_KIND_PLACE && id < DB_CSV_ID_BASE + 1;

		/* Rows from --csv count as places but not towards the centres. */
		if (id <= 0 || !cc || !cc[0])
			continue;
		if (place)
			agg_pt_set(&pt, lat, lon, pop);
		a = agg_cached(m, &cache[0], cc);
		if (place)
			agg_add_pt(a, &pt);
		agg_own(a, own_rank(fcode, 0), id, pop);
		if (!a1 || !a1[0])
			continue;
		if (!join_code(code, sizeof code, cc, a1, NULL))
			continue;
		a = agg_cached(m, &cache[1], code);
		if (place)
			agg_add_pt(a, &pt);
		agg_own(a, own_rank(fcode, 1), id, pop);
		if (!a2 || !a2[0])
			continue;
		if (!join_code(code, sizeof code, cc, a1, a2))
			continue;
		a = agg_cached(m, &cache[2], code);
		if (place)
			agg_add_pt(a, &pt);
		agg_own(a, own_rank(fcode, 2), id, pop);
	}
	if (src != SQLITE_DONE)
		rc = db_build_err(b, d, "scan places");
	sqlite3_finalize(st);
	return rc;
}

/* ---- region rows ---------------------------------------------------- */

struct finish {
	struct db_build *b;
	struct agg_map map;
	struct agg_map seen; /* region names inserted: "key|id|kind[|form]" */
	sqlite3_stmt *st_region_row, *st_set_kind;
	struct buf key;
};

/*
 * Insert a region name row unless this pass inserted the same one.  Rows
 * that may repeat names already in the table (a region's own feature, or
 * --add) leave the duplicates to the dedupe pass (need_dedupe).
 */
static enum pc_rc region_name(struct finish *f, int64_t id, int kind, const char *form,
			      struct diag *d)
{
	char *tag, num[48];
	size_t klen;
	struct agg *seen;
	int n;

	if (!form || !form[0])
		return PC_OK;
	buf_reset(&f->key);
	if (db_key(form, strlen(form), &f->key) != PC_OK || f->key.len == 0)
		return PC_OK; /* invalid UTF-8 or nothing left: no name to match */
	klen = f->key.len;
	/*
	 * As for places: one of main/ASCII/alternate per key, the first (best)
	 * kind.  The tag is "KEY|ID|m", "KEY|ID|KIND" or, for abbreviations,
	 * "KEY|ID|KIND|FORM" (written by hand: printf was most of this pass).
	 */
	n = snprintf(num, sizeof num, "|%lld|", (long long)id);
	buf_append(&f->key, num, (size_t)n);
	if (kind == DB_NAME_MAIN || kind == DB_NAME_ASCII || kind == DB_NAME_ALT) {
		buf_putc(&f->key, 'm');
	} else {
		n = snprintf(num, sizeof num, "%d", kind);
		buf_append(&f->key, num, (size_t)n);
		if (kind == DB_NAME_ABBREV) {
			buf_putc(&f->key, '|');
			buf_puts(&f->key, form);
		}
	}
	tag = f->key.data;
	seen = agg_get(&f->seen, tag);
	if (seen->n)
		return PC_OK;
	seen->n = 1; /* marks the tag as seen */
	f->key.data[klen] = '\0';
	f->key.len = klen;
	return db_build_name(f->b, buf_str(&f->key), id, kind, form, d);
}

/* Only ASCII forms take part in look-alikes: the checker reads English. */
static int is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

static void prominent_form(struct finish *f, int64_t id, const char *form, int is_country)
{
	if (!form || !is_ascii(form))
		return;
	buf_reset(&f->key);
	if (db_key(form, strlen(form), &f->key) == PC_OK && f->key.len)
		db_build_prominent_add(f->b, buf_str(&f->key), id, is_country);
}

/*
 * Write the synthetic row ID for a region, or mark the own feature.  When
 * the region's row moved (--add: its own feature arrived), the names that
 * hung on the old synthetic row follow it.
 */
static enum pc_rc region_row(struct finish *f, int64_t id, int own, int64_t old_id,
			     int kind, const char *name, const char *asciiname,
			     const char *fcode, const char *cc, const char *a1, const char *a2,
			     double lat, double lon, int64_t pop, struct diag *d)
{
	struct db_build *b = f->b;
	sqlite3_stmt *st;
	enum pc_rc rc;

	if (own) {
		b->need_dedupe = 1; /* its names from the main table may repeat ours */
		st = f->st_set_kind;
		sqlite3_bind_int(st, 1, kind);
		sqlite3_bind_int64(st, 2, id);
		rc = db_build_step_done(b, st, d, "mark region feature");
	} else {
		st = f->st_region_row;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
		db_build_bind_text(st, 3, asciiname);
		sqlite3_bind_double(st, 4, lat);
		sqlite3_bind_double(st, 5, lon);
		sqlite3_bind_text(st, 6, kind == DB_KIND_REGION ? "L" : "A", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, fcode, -1, SQLITE_STATIC);
		db_build_bind_text(st, 8, cc);
		db_build_bind_text(st, 9, a1);
		db_build_bind_text(st, 10, a2);
		sqlite3_bind_int64(st, 11, pop);
		sqlite3_bind_int(st, 12, kind);
		rc = db_build_step_done(b, st, d, "insert region row");
	}
	if (rc != PC_OK)
		return rc;
	if (old_id && old_id != id) {
		char sql[200];
		b->names_moved = 1;
		if ((rc = db_build_flush_names(b, d)) != PC_OK)
			return rc;
		snprintf(sql, sizeof sql,
			 "UPDATE names SET place_id=%lld WHERE place_id=%lld;"
			 "UPDATE cues SET place_id=%lld WHERE place_id=%lld;",
			 (long long)id, (long long)old_id, (long long)id, (long long)old_id);
		if ((rc = db_build_exec(b, sql, d)) != PC_OK)
			return rc;
		if (old_id < 0) {
			snprintf(sql, sizeof sql, "DELETE FROM places WHERE id=%lld;",
				 (long long)old_id);
			if ((rc = db_build_exec(b, sql, d)) != PC_OK)
				return rc;
		}
	}
	return PC_OK;
}

/* A free synthetic id in [-(BASE+SPAN), -BASE] for CODE, probing upward. */
static enum pc_rc synthetic_id(struct db_build *b, int64_t base, const char *code,
			       int64_t *id, struct diag *d)
{
	int64_t off = (int64_t)(hash_str(code) % (uint64_t)ID_SPAN);
	int exists = 1;
	enum pc_rc rc;

	while (exists) {
		*id = -(base + off);
		if ((rc = db_build_place_exists(b, *id, &exists, d)) != PC_OK)
			return rc;
		off = (off + 1) % ID_SPAN;
	}
	return PC_OK;
}

static int64_t staged_geonameid(struct db_build *b, const char *iso2)
{
	sqlite3_stmt *st = NULL;
	char target[40];
	int64_t id = 0;

	snprintf(target, sizeof target, "country:%s", iso2);
	if (sqlite3_prepare_v2(b->db,
			       "SELECT form FROM s_rname WHERE target=?1 AND kind=-1"
			       " ORDER BY seq DESC LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, target, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static enum pc_rc finish_countries(struct finish *f, struct diag *d)
{
	struct db_build *b = f->b;
	sqlite3_stmt *st = NULL, *pt = NULL, *up = NULL;
	enum pc_rc rc;
	int src;

	if ((rc = db_build_prepare(b, "SELECT iso2, name, population, place_id FROM countries"
				      " ORDER BY iso2", &st, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "SELECT lat, lon FROM s_cpoint WHERE iso2=?1", &pt, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "UPDATE countries SET place_id=?2 WHERE iso2=?1", &up, d)) != PC_OK)
		goto done;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *iso2 = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		int has_pop = sqlite3_column_type(st, 2) != SQLITE_NULL;
		int64_t pop = sqlite3_column_int64(st, 2);
		int64_t old = sqlite3_column_int64(st, 3), id;
		struct agg *a = agg_find(&f->map, iso2);
		double lat = 0, lon = 0;
		int has_point = 0, own = 0;

		if (!iso2 || strlen(iso2) != 2 || !name)
			continue;
		if (a && a->own_id) {
			id = a->own_id;
			own = 1;
		} else if ((id = staged_geonameid(b, iso2)) <= 0) {
			int c0 = iso2[0] & 0x1f, c1 = iso2[1] & 0x1f;
			id = -(INT64_C(1000000000) + c0 * 32 + c1);
		}
		sqlite3_bind_text(pt, 1, iso2, -1, SQLITE_STATIC);
		if (sqlite3_step(pt) == SQLITE_ROW) {
			lat = sqlite3_column_double(pt, 0);
			lon = sqlite3_column_double(pt, 1);
			has_point = 1;
		}
		sqlite3_reset(pt);
		if (!has_point && a && a->n) {
			agg_point(a, &lat, &lon);
			has_point = 1;
		}
		if (!own && !has_point)
			continue;
		if (!has_pop)
			pop = a ? a->pop : 0;
		rc = region_row(f, id, own, old, DB_KIND_COUNTRY, name, name, "PCLI", iso2,
				NULL, NULL, lat, lon, pop, d);
		if (rc != PC_OK)
			goto done;
		sqlite3_bind_text(up, 1, iso2, -1, SQLITE_STATIC);
		sqlite3_bind_int64(up, 2, id);
		if ((rc = db_build_step_done(b, up, d, "update country")) != PC_OK)
			goto done;
		if ((rc = region_name(f, id, DB_NAME_MAIN, name, d)) != PC_OK)
			goto done;
		prominent_form(f, id, name, 1);
	}
	if (src != SQLITE_DONE)
		rc = db_build_err(b, d, "countries");
done:
	sqlite3_finalize(st);
	sqlite3_finalize(pt);
	sqlite3_finalize(up);
	return rc;
}

static enum pc_rc finish_admin(struct finish *f, int level, struct diag *d)
{
	struct db_build *b = f->b;
	sqlite3_stmt *st = NULL, *up = NULL;
	enum pc_rc rc;
	int src;
	char sql[300];

	snprintf(sql, sizeof sql,
		 "SELECT code, country, a1, %s, name, asciiname, geonameid, place_id"
		 " FROM admin%d ORDER BY code", level == 2 ? "a2" : "NULL", level);
	if ((rc = db_build_prepare(b, sql, &st, d)) != PC_OK)
		goto done;
	snprintf(sql, sizeof sql, "UPDATE admin%d SET place_id=?2 WHERE code=?1", level);
	if ((rc = db_build_prepare(b, sql, &up, d)) != PC_OK)
		goto done;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		const char *cc = (const char *)sqlite3_column_text(st, 1);
		const char *a1 = (const char *)sqlite3_column_text(st, 2);
		const char *a2 = (const char *)sqlite3_column_text(st, 3);
		const char *name = (const char *)sqlite3_column_text(st, 4);
		const char *ascii = (const char *)sqlite3_column_text(st, 5);
		int64_t gid = sqlite3_column_int64(st, 6);
		int64_t old = sqlite3_column_int64(st, 7), id = 0;
		int64_t base = level == 1 ? ID_ADMIN1 : ID_ADMIN2;
		struct agg *a = agg_find(&f->map, code);
		double lat = 0, lon = 0;
		int own = 0, exists = 0;

		if (!name)
			continue;
		if (a && a->own_id) {
			id = a->own_id;
			own = 1;
		} else if (gid > 0) {
			if ((rc = db_build_place_exists(b, gid, &exists, d)) != PC_OK)
				goto done;
			if (exists) {
				id = gid;
				own = 1;
			}
		}
		if (!own) {
			if (!a || !a->n)
				continue; /* no place inside it: no point to give it */
			agg_point(a, &lat, &lon);
			if (old <= -base && old > -(base + ID_SPAN))
				id = old; /* --add: keep the id it had */
			else if ((rc = synthetic_id(b, base, code, &id, d)) != PC_OK)
				goto done;
		}
		rc = region_row(f, id, own, old, level == 1 ? DB_KIND_ADMIN1 : DB_KIND_ADMIN2,
				name, ascii, level == 1 ? "ADM1" : "ADM2", cc, a1, a2, lat, lon,
				a ? a->pop : 0, d);
		if (rc != PC_OK)
			goto done;
		sqlite3_bind_text(up, 1, code, -1, SQLITE_STATIC);
		sqlite3_bind_int64(up, 2, id);
		if ((rc = db_build_step_done(b, up, d, "update admin")) != PC_OK)
			goto done;
		if ((rc = region_name(f, id, DB_NAME_MAIN, name, d)) != PC_OK ||
		    (rc = region_name(f, id, DB_NAME_ASCII, ascii, d)) != PC_OK)
			goto done;
		if (level == 1) {
			prominent_form(f, id, name, 0);
			prominent_form(f, id, ascii, 0);
		}
	}
	if (src != SQLITE_DONE)
		rc = db_build_err(b, d, "admin codes");
done:
	sqlite3_finalize(st);
	sqlite3_finalize(up);
	return rc;
}

static enum pc_rc finish_world_regions(struct finish *f, struct diag *d)
{
	struct db_build *b = f->b;
	sqlite3_stmt *st = NULL, *cp = NULL, *mem = NULL, *del = NULL;
	enum pc_rc rc;
	int src;

	if ((rc = db_build_prepare(b, "SELECT key, name, members, lat, lon FROM s_region ORDER BY key",
				   &st, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "SELECT p.lat, p.lon, p.population FROM countries c"
				      " JOIN places p ON p.id = c.place_id WHERE c.iso2=?1",
				   &cp, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "INSERT INTO region_members(place_id, country) VALUES(?1,?2)",
				   &mem, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "DELETE FROM region_members WHERE place_id=?1", &del, d)) != PC_OK)
		goto done;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		char *members = xstrdup((const char *)sqlite3_column_text(st, 2));
		int64_t id = -(ID_REGION + (int64_t)(hash_str(key) % (uint64_t)ID_SPAN));
		struct agg a = { 0 };
		double lat = 0, lon = 0;
		char *tok, *save = NULL;

		/* The same key always gets the same id: replace the old row. */
		for (tok = strtok_r(members, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			sqlite3_bind_text(cp, 1, tok, -1, SQLITE_STATIC);
			if (sqlite3_step(cp) == SQLITE_ROW)
				agg_add_point(&a, sqlite3_column_double(cp, 0),
					      sqlite3_column_double(cp, 1), sqlite3_column_int64(cp, 2));
			sqlite3_reset(cp);
		}
		if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
			lat = sqlite3_column_double(st, 3);
			lon = sqlite3_column_double(st, 4);
		} else if (a.n) {
			agg_point(&a, &lat, &lon);
		}
		rc = region_row(f, id, 0, 0, DB_KIND_REGION, name, name, "RGN", NULL, NULL, NULL,
				lat, lon, a.pop, d);
		sqlite3_bind_int64(del, 1, id);
		if (rc == PC_OK)
			rc = db_build_step_done(b, del, d, "region members");
		strcpy(members, (const char *)sqlite3_column_text(st, 2));
		save = NULL;
		for (tok = strtok_r(members, ",", &save); rc == PC_OK && tok;
		     tok = strtok_r(NULL, ",", &save)) {
			sqlite3_bind_int64(mem, 1, id);
			sqlite3_bind_text(mem, 2, tok, -1, SQLITE_STATIC);
			rc = db_build_step_done(b, mem, d, "region member");
		}
		free(members);
		if (rc == PC_OK)
			rc = region_name(f, id, DB_NAME_MAIN, name, d);
		if (rc != PC_OK)
			goto done;
	}
	if (src != SQLITE_DONE)
		rc = db_build_err(b, d, "world regions");
done:
	sqlite3_finalize(st);
	sqlite3_finalize(cp);
	sqlite3_finalize(mem);
	sqlite3_finalize(del);
	return rc;
}

/*
 * The place id a target names: "country:XX", "admin1:XX.YY",
 * "admin2:XX.YY.ZZ", "region:KEY" or a decimal geonameid.  0 if unknown.
 */
static int64_t resolve_target(struct db_build *b, const char *target)
{
	sqlite3_stmt *st = NULL;
	const char *sql = NULL, *arg = NULL;
	int64_t id = 0;
	char *end;

	if (strncmp(target, "country:", 8) == 0) {
		sql = "SELECT place_id FROM countries WHERE iso2=?1";
		arg = target + 8;
	} else if (strncmp(target, "admin1:", 7) == 0) {
		sql = "SELECT place_id FROM admin1 WHERE code=?1";
		arg = target + 7;
	} else if (strncmp(target, "admin2:", 7) == 0) {
		sql = "SELECT place_id FROM admin2 WHERE code=?1";
		arg = target + 7;
	} else if (strncmp(target, "region:", 7) == 0) {
		int exists = 0;
		id = -(ID_REGION + (int64_t)(hash_str(target + 7) % (uint64_t)ID_SPAN));
		db_build_place_exists(b, id, &exists, NULL);
		return exists ? id : 0;
	} else {
		long long v = strtoll(target, &end, 10);
		int exists = 0;
		if (end == target || *end || v == 0)
			return 0;
		db_build_place_exists(b, v, &exists, NULL);
		return exists ? v : 0;
	}
	if (sqlite3_prepare_v2(b->db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static enum pc_rc finish_region_names(struct finish *f, struct diag *d)
{
	struct db_build *b = f->b;
	sqlite3_stmt *st = NULL;
	enum pc_rc rc;
	int src;

	rc = db_build_prepare(b, "SELECT target, kind, form FROM s_rname WHERE kind >= 0"
				 " ORDER BY target, seq", &st, d);
	if (rc != PC_OK)
		return rc;
	{
		char last[200] = "";
		int64_t id = 0;
		while ((src = sqlite3_step(st)) == SQLITE_ROW) {
			const char *target = (const char *)sqlite3_column_text(st, 0);
			int kind = sqlite3_column_int(st, 1);
			const char *form = (const char *)sqlite3_column_text(st, 2);
			if (strcmp(target, last) != 0) {
				snprintf(last, sizeof last, "%s", target);
				id = resolve_target(b, target);
			}
			if (!id)
				continue;
			if ((rc = region_name(f, id, kind, form, d)) != PC_OK)
				break;
			if (strncmp(target, "country:", 8) == 0 &&
			    (kind == DB_NAME_SHORT || kind == DB_NAME_DEMONYM))
				prominent_form(f, id, form, 1);
		}
		if (rc == PC_OK && src != SQLITE_DONE)
			rc = db_build_err(b, d, "region names");
	}
	sqlite3_finalize(st);
	return rc;
}

static enum pc_rc finish_cues(struct finish *f, db_build_bad_fn bad, void *ud, struct diag *d)
{
	struct db_build *b = f->b;
	sqlite3_stmt *st = NULL, *ins = NULL;
	enum pc_rc rc;
	int src;

	if ((rc = db_build_prepare(b, "SELECT key, phrase, target, weight, file, line FROM s_cue"
				      " ORDER BY seq", &st, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "INSERT INTO cues(key, phrase, place_id, weight)"
				      " VALUES(?1,?2,?3,?4)", &ins, d)) != PC_OK)
		goto done;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *target = (const char *)sqlite3_column_text(st, 2);
		int64_t id = resolve_target(b, target);
		if (!id) {
			char msg[300];
			snprintf(msg, sizeof msg, "cue target not in the database: %s", target);
			rc = bad(ud, (const char *)sqlite3_column_text(st, 4),
				 (unsigned long)sqlite3_column_int64(st, 5), msg, d);
			if (rc != PC_OK)
				goto done;
			continue;
		}
		sqlite3_bind_text(ins, 1, (const char *)sqlite3_column_text(st, 0), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 2, (const char *)sqlite3_column_text(st, 1), -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(ins, 3, id);
		sqlite3_bind_double(ins, 4, sqlite3_column_double(st, 3));
		if ((rc = db_build_step_done(b, ins, d, "insert cue")) != PC_OK)
			goto done;
	}
	if (src != SQLITE_DONE)
		rc = db_build_err(b, d, "cues");
done:
	sqlite3_finalize(st);
	sqlite3_finalize(ins);
	return rc;
}

enum pc_rc db_build_finish_regions(struct db_build *b, db_build_bad_fn bad, void *ud,
				   struct diag *d)
{
	struct finish f = { 0 };
	enum pc_rc rc;

	f.b = b;
	buf_init(&f.key, 4096);
	/*
	 * Names stay in memory: nothing here reads them (a moved region row
	 * flushes them first), and db_build_derive_names writes them while the
	 * look-alike pass runs on the other core.
	 */
	if ((rc = db_build_flush_places(b, d)) != PC_OK)
		goto done;
	if ((rc = db_build_prepare(b,
		"INSERT OR REPLACE INTO places(id, name, asciiname, lat, lon, fclass, fcode, country,"
		" admin1, admin2, population, kind) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
		&f.st_region_row, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "UPDATE places SET kind=?1 WHERE id=?2", &f.st_set_kind, d)) != PC_OK)
		goto done;
	if ((rc = aggregate(b, &f.map, d)) != PC_OK ||
	    (rc = finish_countries(&f, d)) != PC_OK ||
	    (rc = finish_admin(&f, 1, d)) != PC_OK ||
	    (rc = finish_admin(&f, 2, d)) != PC_OK ||
	    (rc = finish_world_regions(&f, d)) != PC_OK ||
	    (rc = finish_region_names(&f, d)) != PC_OK ||
	    (rc = finish_cues(&f, bad, ud, d)) != PC_OK)
		goto done;
	if (b->need_dedupe && (b->names_plain || b->names_moved)) {
		if ((rc = db_build_flush_names(b, d)) != PC_OK)
			goto done;
		/*
		 * Overlapping inputs whose rows went in before dedupe was asked
		 * (db_build_flush_names dedupes the rest as they go in), or names
		 * that followed a moved region row: one main/ASCII/alternate name
		 * per (key, place), the best kind; one row per other kind (and per
		 * form for abbreviations).  Ties of kind keep the smallest form.
		 */
		rc = db_build_exec(b,
			"DELETE FROM names WHERE (key, place_id, kind, form) IN (SELECT key, place_id,"
			" kind, form FROM (SELECT key, place_id, kind, form,"
			" row_number() OVER (PARTITION BY key, place_id,"
			"  CASE WHEN kind IN (0,1,2) THEN -1 ELSE kind END,"
			"  CASE WHEN kind = 3 THEN form END ORDER BY kind, form) AS rn FROM names)"
			" WHERE rn > 1);",
			d);
	}
done:
	sqlite3_finalize(f.st_region_row);
	sqlite3_finalize(f.st_set_kind);
	agg_free(&f.map);
	agg_free(&f.seen);
	buf_free(&f.key);
	return rc;
}
