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
 * A first-level region with no place inside it is placed by the places
 * named like it or its parts, else at its country's point
 * (admin1_standins); another region with no place inside it and no
 * published centre gets no row.
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

/* ---- string tables ----------------------------------------------------- */

/* FNV-1a.  The synthetic ids (db_write.h) are made of it: it must not change. */
static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

/*
 * H (a hash_more or hash_mem result) carried on over the LEN bytes at S:
 * hash_more(hash_mem(a, la), b, lb) is the hash_mem of a then b, so that
 * "US.VA.003" hashes on from "US.VA".
 */
static uint64_t hash_more(uint64_t h, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* hash_str of the LEN bytes at S (the same value when they hold no NUL). */
static uint64_t hash_mem(const char *s, size_t len)
{
	return hash_more(1469598103934665603ULL, s, len);
}

/*
 * A set of strings, each numbered by when it came (its entry): the region
 * codes of the aggregates and the tags of the region names inserted, tens
 * of thousands of short strings each.  The strings sit in one buffer and
 * a slot is 8 bytes (the high half of the hash and the entry), so that
 * probing and growing touch little memory: on the load's critical path a
 * fresh page costs more than the probing (an 88-byte struct per slot and
 * a strdup per string used to make this pass fault in some 16 MB).  The
 * slot's half of the hash also places it, so that growing never reads
 * the strings.  Fewer than 2^32 entries: far more than fits in memory.
 */
struct strtab_slot {
	uint32_t h; /* the high half of the string's hash; its low bits are the home slot */
	uint32_t e; /* entry + 1; 0 = empty */
};

struct strtab {
	struct strtab_slot *slots;
	size_t cap;      /* slots: 0 or a power of two, at most half full */
	size_t n;        /* entries */
	size_t *off;     /* entry -> offset of its string in text */
	size_t off_cap;
	struct buf text; /* the strings, each NUL-terminated */
};

static void strtab_init(struct strtab *t)
{
	memset(t, 0, sizeof *t);
	buf_init(&t->text, 0); /* bounded by the input, like the rows it came from */
}

static void strtab_free(struct strtab *t)
{
	free(t->slots);
	free(t->off);
	buf_free(&t->text);
}

/* Slots and offsets for N entries in all (the slots rehashed, the offsets copied). */
static void strtab_grow(struct strtab *t, size_t n)
{
	struct strtab_slot *old = t->slots;
	size_t oc = t->cap, cap = oc ? oc : 512, j;

	while ((n + 1) * 2 > cap)
		cap *= 2;
	if (cap != oc) {
		t->slots = xcalloc(cap, sizeof *t->slots);
		t->cap = cap;
		for (j = 0; j < oc; j++) {
			size_t i;
			if (!old[j].e)
				continue;
			for (i = old[j].h & (cap - 1); t->slots[i].e; i = (i + 1) & (cap - 1))
				;
			t->slots[i] = old[j];
		}
		free(old);
	}
	if (n > t->off_cap) {
		t->off_cap = n > t->off_cap * 2 ? n : t->off_cap * 2;
		t->off = xreallocarray(t->off, t->off_cap, sizeof *t->off);
	}
}

/* Room for N entries in all and TEXT more bytes of strings, in one go. */
static void strtab_reserve(struct strtab *t, size_t n, size_t text)
{
	strtab_grow(t, n);
	buf_reserve(&t->text, text); /* no ceiling to fail */
}

/* The slot that holds S (LEN bytes, hash_mem H), or the empty slot it would take. */
static struct strtab_slot *strtab_slot(const struct strtab *t, const char *s, size_t len,
				       uint64_t h)
{
	uint32_t hi = (uint32_t)(h >> 32);
	size_t i = hi & (t->cap - 1);

	for (;; i = (i + 1) & (t->cap - 1)) {
		struct strtab_slot *sl = &t->slots[i];
		const char *e;
		if (!sl->e)
			return sl;
		if (sl->h != hi)
			continue;
		/* strncmp: E may be shorter than LEN, and ends at its NUL. */
		e = t->text.data + t->off[sl->e - 1];
		if (strncmp(e, s, len) == 0 && e[len] == '\0')
			return sl;
	}
}

/* The entry of S (LEN bytes, no NUL among them) if present: 1, else 0. */
static int strtab_find(const struct strtab *t, const char *s, size_t len, size_t *entry)
{
	const struct strtab_slot *sl;

	if (!t->cap)
		return 0;
	sl = strtab_slot(t, s, len, hash_mem(s, len));
	if (!sl->e)
		return 0;
	*entry = sl->e - 1;
	return 1;
}

/*
 * The entry of S (LEN bytes, no NUL among them, hash_mem H), added when
 * new (*ADDED = 1).  S need not end at LEN.
 */
static size_t strtab_intern_h(struct strtab *t, const char *s, size_t len, uint64_t h,
			      int *added)
{
	struct strtab_slot *sl;

	if ((t->n + 1) * 2 > t->cap || t->n == t->off_cap)
		strtab_grow(t, t->n + 1);
	sl = strtab_slot(t, s, len, h);
	*added = !sl->e;
	if (sl->e)
		return sl->e - 1;
	if (t->n >= UINT32_MAX - 1)
		abort(); /* not reached: the strings would have run out of memory first */
	t->off[t->n] = t->text.len;
	buf_append(&t->text, s, len); /* no ceiling to fail */
	buf_putc(&t->text, '\0');
	sl->h = (uint32_t)(h >> 32);
	sl->e = (uint32_t)++t->n;
	return t->n - 1;
}

static size_t strtab_intern(struct strtab *t, const char *s, size_t len, int *added)
{
	return strtab_intern_h(t, s, len, hash_mem(s, len), added);
}

/* ---- aggregate of the places inside each region code ---------------- */

struct agg {
	double x, y, z;     /* sum of unit vectors */
	double lat, lon;    /* sum of coordinates (fallback) */
	int64_t n, pop;
	int64_t own_id;     /* the region's own feature row, 0 if none */
	int64_t own_pop;
	int own_rank;       /* lower is better (PCLI before PCLD...) */
};

/*
 * By region code ("US", "US.VA", "US.VA.003"), indexed by its entry in
 * CODES: the aggregate, and the id of the region row written for it.
 */
struct agg_map {
	struct strtab codes;
	struct agg *aggs;
	int64_t *row_id; /* the row written in this admin pass, 0 = none; NULL: none at all */
	size_t cap;
};

static void agg_map_init(struct agg_map *m)
{
	strtab_init(&m->codes);
	m->aggs = NULL;
	m->row_id = NULL;
	m->cap = 0;
}

/* The entry of CODE (LEN bytes, hash_mem H) in M, with a zeroed aggregate when new. */
static size_t agg_entry(struct agg_map *m, const char *code, size_t len, uint64_t h)
{
	int added;
	size_t e = strtab_intern_h(&m->codes, code, len, h, &added);

	if (e == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 1024;
		m->aggs = xreallocarray(m->aggs, m->cap, sizeof *m->aggs);
		if (m->row_id)
			m->row_id = xreallocarray(m->row_id, m->cap, sizeof *m->row_id);
	}
	if (added) {
		memset(&m->aggs[e], 0, sizeof m->aggs[e]);
		if (m->row_id)
			m->row_id[e] = 0;
	}
	return e;
}

/* Record ID as the region row of entry E. */
static void agg_row_id(struct agg_map *m, size_t e, int64_t id)
{
	if (!m->row_id)
		m->row_id = xcalloc(m->cap, sizeof *m->row_id);
	m->row_id[e] = id;
}

/* The aggregate of CODE, NULL if it has none; its entry in *E unless E is NULL. */
static struct agg *agg_find(const struct agg_map *m, const char *code, size_t *e)
{
	size_t i;

	if (!strtab_find(&m->codes, code, strlen(code), &i))
		return NULL;
	if (e)
		*e = i;
	return &m->aggs[i];
}

static void agg_free(struct agg_map *m)
{
	strtab_free(&m->codes);
	free(m->aggs);
	free(m->row_id);
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

	/* Most rows are PPL...: their first two letters turn them away. */
	if (!fcode || fcode[0] != (level == 0 ? 'P' : 'A') || fcode[1] != (level == 0 ? 'C' : 'D'))
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
 * A small cache of code -> entry in front of the map, indexed by hash: the
 * places come in id order, and GeoNames numbers the places of a region
 * mostly together, so that most rows repeat codes of the rows just before
 * (a cache of the previous row's codes caught half; this catches 90%).  A
 * hit stays in this block instead of following the map's slot, offset and
 * text around memory.
 */
#define CODE_CACHE 1024 /* a power of two */

struct code_cache {
	uint64_t h;
	uint32_t e;
	uint32_t len;  /* 0 = empty */
	char code[24]; /* longer codes are not cached */
};

/* The aggregate of CODE (LEN > 0 bytes, hash_mem H), valid until the map grows. */
static struct agg *agg_cached(struct agg_map *m, struct code_cache *cache, const char *code,
			      size_t len, uint64_t h)
{
	struct code_cache *c = &cache[h & (CODE_CACHE - 1)];
	size_t e;

	if (c->len == len && c->h == h && memcmp(c->code, code, len) == 0)
		return &m->aggs[c->e];
	e = agg_entry(m, code, len, h);
	if (len <= sizeof c->code) {
		c->h = h;
		c->e = (uint32_t)e;
		c->len = (uint32_t)len;
		memcpy(c->code, code, len);
	}
	return &m->aggs[e];
}

/* Count a place in A: its point if it counts towards the centre (PT), its rank. */
static void agg_place(struct agg *a, const struct agg_pt *pt, int rank, int64_t id, int64_t pop)
{
	if (pt)
		agg_add_pt(a, pt);
	agg_own(a, rank, id, pop);
}

static enum pc_rc aggregate(struct db_build *b, struct agg_map *m, struct diag *d)
{
	sqlite3_stmt *st = NULL;
	enum pc_rc rc;
	int src;
	/* "CC.A1.A2", of which "CC.A1" is the start: codes longer than 199 bytes are skipped. */
	char code[200];
	struct code_cache *cache = xcalloc(CODE_CACHE, sizeof *cache);

	rc = db_build_prepare(b,
		"SELECT id, country, admin1, admin2, fcode, lat, lon, population, kind"
		" FROM places WHERE country IS NOT NULL", &st, d);
	if (rc != PC_OK) {
		free(cache);
		return rc;
	}
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *cc = (const char *)sqlite3_column_text(st, 1);
		const char *a1 = (const char *)sqlite3_column_text(st, 2);
		const char *a2 = (const char *)sqlite3_column_text(st, 3);
		const char *fcode = (const char *)sqlite3_column_text(st, 4);
		double lat = sqlite3_column_double(st, 5), lon = sqlite3_column_double(st, 6);
		int64_t pop = sqlite3_column_int64(st, 7);
		int kind = sqlite3_column_int(st, 8);
		struct agg_pt pt, *ppt = NULL;
		size_t lc, l1, l2, len;
		uint64_t h;

		if (id <= 0 || !cc || !cc[0])
			continue;
		/* Rows from --csv count as places but not towards the centres. */
		if (kind == DB_KIND_PLACE && id < DB_CSV_ID_BASE + 1) {
			agg_pt_set(&pt, lat, lon, pop);
			ppt = &pt;
		}
		lc = strlen(cc);
		h = hash_mem(cc, lc);
		agg_place(agg_cached(m, cache, cc, lc, h), ppt, own_rank(fcode, 0), id, pop);
		if (!a1 || !a1[0])
			continue;
		l1 = strlen(a1);
		if (lc + l1 + 3 > sizeof code)
			continue;
		memcpy(code, cc, lc);
		code[lc] = '.';
		memcpy(code + lc + 1, a1, l1);
		len = lc + 1 + l1;
		h = hash_more(h, code + lc, 1 + l1);
		agg_place(agg_cached(m, cache, code, len, h), ppt, own_rank(fcode, 1), id, pop);
		if (!a2 || !a2[0])
			continue;
		l2 = strlen(a2);
		if (lc + l1 + l2 + 3 > sizeof code)
			continue;
		code[len] = '.';
		memcpy(code + len + 1, a2, l2);
		h = hash_more(h, code + len, 1 + l2);
		len += 1 + l2;
		agg_place(agg_cached(m, cache, code, len, h), ppt, own_rank(fcode, 2), id, pop);
	}
	if (src != SQLITE_DONE)
		rc = db_build_err(b, d, "scan places");
	sqlite3_finalize(st);
	free(cache);
	return rc;
}

/* ---- region rows ---------------------------------------------------- */

/*
 * The places ids in use in the admin synthetic ranges, so that
 * synthetic_id() probes memory instead of asking SQLite once per region.
 * Read on first use, then kept in step by region_row(), the only writer
 * of places while the regions are derived.  Open addressing on the id's
 * offset from IDSET_LO, below 2^31, which leaves the top values of a
 * 32-bit slot for empty and deleted.
 */
struct idset {
	uint32_t *slots;
	size_t cap;  /* 0 or a power of two, at most half used */
	size_t used; /* ids and deleted slots */
	int loaded;
};

#define IDSET_EMPTY UINT32_MAX
#define IDSET_DELETED (UINT32_MAX - 1)
/* The synthetic admin1 and admin2 ranges, adjacent: synthetic_id() probes in them. */
#define IDSET_LO (-(ID_ADMIN2 + ID_SPAN - 1))
#define IDSET_HI (-ID_ADMIN1)

static int idset_covers(int64_t id)
{
	return id >= IDSET_LO && id <= IDSET_HI;
}

static size_t idset_home(const struct idset *s, uint32_t v)
{
	return (size_t)(((uint64_t)v * 0x9e3779b97f4a7c15ULL) >> 32) & (s->cap - 1);
}

static int idset_has(const struct idset *s, int64_t id)
{
	uint32_t v = (uint32_t)(id - IDSET_LO);
	size_t i;

	if (!s->cap)
		return 0;
	for (i = idset_home(s, v); s->slots[i] != IDSET_EMPTY; i = (i + 1) & (s->cap - 1))
		if (s->slots[i] == v)
			return 1;
	return 0;
}

/* Room for N ids in all, deleted slots dropped. */
static void idset_grow(struct idset *s, size_t n)
{
	uint32_t *old = s->slots;
	size_t oc = s->cap, cap = 1024, i, j;

	while ((n + 1) * 2 > cap)
		cap *= 2;
	s->slots = xreallocarray(NULL, cap, sizeof *s->slots);
	memset(s->slots, 0xff, cap * sizeof *s->slots); /* all IDSET_EMPTY */
	s->cap = cap;
	s->used = 0;
	for (j = 0; j < oc; j++) {
		if (old[j] == IDSET_EMPTY || old[j] == IDSET_DELETED)
			continue;
		for (i = idset_home(s, old[j]); s->slots[i] != IDSET_EMPTY; i = (i + 1) & (cap - 1))
			;
		s->slots[i] = old[j];
		s->used++;
	}
	free(old);
}

/* Add ID (in [IDSET_LO, IDSET_HI]). */
static void idset_add(struct idset *s, int64_t id)
{
	uint32_t v = (uint32_t)(id - IDSET_LO);
	size_t i;

	if (idset_has(s, id))
		return;
	if ((s->used + 1) * 2 > s->cap)
		idset_grow(s, s->used + 1);
	for (i = idset_home(s, v); s->slots[i] != IDSET_EMPTY; i = (i + 1) & (s->cap - 1))
		;
	s->slots[i] = v;
	s->used++;
}

/* Remove ID (in [IDSET_LO, IDSET_HI]). */
static void idset_del(struct idset *s, int64_t id)
{
	uint32_t v = (uint32_t)(id - IDSET_LO);
	size_t i;

	if (!s->cap)
		return;
	for (i = idset_home(s, v); s->slots[i] != IDSET_EMPTY; i = (i + 1) & (s->cap - 1))
		if (s->slots[i] == v) {
			s->slots[i] = IDSET_DELETED; /* the probe chains through it stay whole */
			return;
		}
}

struct finish {
	struct db_build *b;
	struct agg_map map;
	struct strtab seen; /* region names inserted: "KEY|ID|m", "KEY|ID|KIND[|FORM]" */
	struct strtab country_keys; /* the keys of the countries' names */
	struct idset ids;   /* places ids in [IDSET_LO, IDSET_HI] */
	sqlite3_stmt *st_region_row, *st_set_kind;
	sqlite3_stmt *st_target[3]; /* resolve_target: countries, admin1, admin2 */
	struct buf key;
};

/* Decimal V into OUT (at least 21 bytes), not NUL-terminated; returns the length. */
static size_t fmt_int(char *out, int64_t v)
{
	char tmp[24];
	size_t n = 0, len = 0;
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		out[len++] = '-';
	while (n)
		out[len++] = tmp[--n];
	return len;
}

/*
 * Insert a region name row unless this pass inserted the same one.  Rows
 * that may repeat names already in the table (a region's own feature, or
 * --add) leave the duplicates to the dedupe pass (need_dedupe).
 */
static enum pc_rc region_name(struct finish *f, int64_t id, int kind, const char *form,
			      struct diag *d)
{
	char num[48];
	size_t klen, n;
	int added;

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
	num[0] = '|';
	n = 1 + fmt_int(num + 1, id);
	num[n++] = '|';
	buf_append(&f->key, num, n);
	if (kind == DB_NAME_MAIN || kind == DB_NAME_ASCII || kind == DB_NAME_ALT) {
		buf_putc(&f->key, 'm');
	} else {
		buf_append(&f->key, num, fmt_int(num, kind));
		if (kind == DB_NAME_ABBREV) {
			buf_putc(&f->key, '|');
			buf_puts(&f->key, form);
		}
	}
	strtab_intern(&f->seen, f->key.data, f->key.len, &added);
	if (!added)
		return PC_OK;
	f->key.data[klen] = '\0';
	f->key.len = klen;
	return db_build_name(f->b, buf_str(&f->key), id, kind, form, d);
}

/* (Non-ASCII keys are left out by db_build_prominent_add.) */
static void prominent_form(struct finish *f, int64_t id, const char *form, int is_country)
{
	if (!form)
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
		if (rc == PC_OK && f->ids.loaded && idset_covers(id))
			idset_add(&f->ids, id);
	}
	if (rc != PC_OK)
		return rc;
	if (old_id && old_id != id) {
		char sql[300];
		b->names_moved = 1;
		if ((rc = db_build_flush_names(b, d)) != PC_OK)
			return rc;
		/*
		 * A name the region's own feature already carries ("Virginia" on
		 * both the synthetic row and the ADM1 feature) cannot move: it
		 * is left behind by OR IGNORE and deleted with the old row's rest.
		 */
		snprintf(sql, sizeof sql,
			 "UPDATE OR IGNORE names SET place_id=%lld WHERE place_id=%lld;"
			 "DELETE FROM names WHERE place_id=%lld;"
			 "UPDATE cues SET place_id=%lld WHERE place_id=%lld;",
			 (long long)id, (long long)old_id, (long long)old_id, (long long)id,
			 (long long)old_id);
		if ((rc = db_build_exec(b, sql, d)) != PC_OK)
			return rc;
		if (old_id < 0) {
			snprintf(sql, sizeof sql, "DELETE FROM places WHERE id=%lld;",
				 (long long)old_id);
			if ((rc = db_build_exec(b, sql, d)) != PC_OK)
				return rc;
			if (f->ids.loaded && idset_covers(old_id))
				idset_del(&f->ids, old_id);
		}
	}
	return PC_OK;
}

/*
 * Read the places ids in the synthetic admin ranges into F->ids, with room
 * for about a synthetic row per code with places besides: sized once.
 */
static enum pc_rc idset_load(struct finish *f, struct diag *d)
{
	sqlite3_stmt *st = NULL;
	enum pc_rc rc;
	int src;

	idset_grow(&f->ids, f->map.codes.n);
	rc = db_build_prepare(f->b, "SELECT id FROM places WHERE id BETWEEN ?1 AND ?2", &st, d);
	if (rc != PC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, IDSET_LO);
	sqlite3_bind_int64(st, 2, IDSET_HI);
	while ((src = sqlite3_step(st)) == SQLITE_ROW)
		idset_add(&f->ids, sqlite3_column_int64(st, 0));
	if (src != SQLITE_DONE)
		rc = db_build_err(f->b, d, "synthetic ids");
	sqlite3_finalize(st);
	f->ids.loaded = rc == PC_OK;
	return rc;
}

/* A free synthetic id in [-(BASE+SPAN), -BASE] for CODE, probing upward. */
static enum pc_rc synthetic_id(struct finish *f, int64_t base, const char *code, int64_t *id,
			       struct diag *d)
{
	int64_t off = (int64_t)(hash_str(code) % (uint64_t)ID_SPAN);
	enum pc_rc rc;

	if (!f->ids.loaded && (rc = idset_load(f, d)) != PC_OK)
		return rc;
	do {
		*id = -(base + off);
		off = (off + 1) % ID_SPAN;
	} while (idset_has(&f->ids, *id));
	return PC_OK;
}

/*
 * The countryInfo geonameids, staged as s_rname rows of kind -1 with
 * target "country:XX" (the last one staged for a target wins), read in one
 * scan: s_rname has no index on target, and a query per country scanned it
 * once per country.
 */
struct staged_ids {
	struct strtab targets;
	int64_t *ids; /* by entry in targets */
	size_t cap;
};

static enum pc_rc staged_ids_load(struct db_build *b, struct staged_ids *s, struct diag *d)
{
	sqlite3_stmt *st = NULL;
	enum pc_rc rc;
	int src;

	rc = db_build_prepare(b, "SELECT target, form FROM s_rname WHERE kind=-1 ORDER BY seq",
			      &st, d);
	if (rc != PC_OK)
		return rc;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *target = (const char *)sqlite3_column_text(st, 0);
		size_t e;
		int added;
		if (!target)
			continue; /* "target=?1" never matches NULL */
		e = strtab_intern(&s->targets, target, strlen(target), &added);
		if (e == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 256;
			s->ids = xreallocarray(s->ids, s->cap, sizeof *s->ids);
		}
		s->ids[e] = sqlite3_column_int64(st, 1);
	}
	if (src != SQLITE_DONE)
		rc = db_build_err(b, d, "staged geonameids");
	sqlite3_finalize(st);
	return rc;
}

static int64_t staged_geonameid(const struct staged_ids *s, const char *iso2)
{
	char target[40];
	size_t e;

	snprintf(target, sizeof target, "country:%s", iso2);
	return strtab_find(&s->targets, target, strlen(target), &e) ? s->ids[e] : 0;
}

static enum pc_rc finish_countries(struct finish *f, struct diag *d)
{
	struct db_build *b = f->b;
	sqlite3_stmt *st = NULL, *pt = NULL, *up = NULL;
	struct staged_ids staged = { 0 };
	enum pc_rc rc;
	int src;

	strtab_init(&staged.targets);
	if ((rc = staged_ids_load(b, &staged, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "SELECT iso2, name, population, place_id FROM countries"
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
		struct agg *a = agg_find(&f->map, iso2, NULL);
		double lat = 0, lon = 0;
		int has_point = 0, own = 0;

		if (!iso2 || strlen(iso2) != 2 || !name)
			continue;
		if (a && a->own_id) {
			id = a->own_id;
			own = 1;
		} else if ((id = staged_geonameid(&staged, iso2)) <= 0) {
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
		buf_reset(&f->key);
		if (db_key(name, strlen(name), &f->key) == PC_OK && f->key.len) {
			int added;
			strtab_intern(&f->country_keys, f->key.data, f->key.len, &added);
		}
	}
	if (src != SQLITE_DONE)
		rc = db_build_err(b, d, "countries");
done:
	sqlite3_finalize(st);
	sqlite3_finalize(pt);
	sqlite3_finalize(up);
	strtab_free(&staged.targets);
	free(staged.ids);
	return rc;
}

/*
 * What the SQL function placecheck_region_id(CODE) answers from: M's row
 * ids, and the last code asked, as the UPDATE asks for each row twice in a
 * row (its WHERE, then its SET).
 */
struct region_id_ctx {
	const struct agg_map *m;
	char last[64];
	size_t last_len; /* 0 = none */
	int64_t last_id;
};

/* placecheck_region_id(CODE): agg_map.row_id of CODE, NULL if none. */
static void region_id_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	struct region_id_ctx *c = sqlite3_user_data(cx);
	const char *code = (const char *)sqlite3_value_text(argv[0]);
	size_t len, e;
	int64_t id = 0;

	(void)argc;
	if (!code)
		return;
	len = strlen(code);
	if (len && len == c->last_len && memcmp(code, c->last, len) == 0) {
		id = c->last_id;
	} else {
		if (strtab_find(&c->m->codes, code, len, &e))
			id = c->m->row_id[e];
		c->last_len = len < sizeof c->last ? len : 0;
		memcpy(c->last, code, c->last_len);
		c->last_id = id;
	}
	if (id)
		sqlite3_result_int64(cx, id);
}

/*
 * adminLEVEL.place_id = the region row id of its code, for the codes that
 * got one in this pass (M's row ids).  One UPDATE at the end of the pass
 * instead of one per code: an UPDATE per code cost as much as inserting
 * the region row, and made the scan that drives the pass find its cursor
 * moved at every step.
 */
static enum pc_rc update_admin(struct db_build *b, int level, const struct agg_map *m,
			       struct diag *d)
{
	static const char fn[] = "placecheck_region_id";
	struct region_id_ctx ctx = { 0 };
	sqlite3_stmt *st = NULL;
	enum pc_rc rc;
	char sql[200];

	if (!m->row_id)
		return PC_OK; /* no code got a row */
	ctx.m = m;
	if (sqlite3_create_function_v2(b->db, fn, 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, &ctx,
				       region_id_fn, NULL, NULL, NULL) != SQLITE_OK)
		return db_build_err(b, d, "region id function");
	snprintf(sql, sizeof sql,
		 "UPDATE admin%d SET place_id = %s(code) WHERE %s(code) IS NOT NULL", level, fn, fn);
	if ((rc = db_build_prepare(b, sql, &st, d)) == PC_OK)
		rc = db_build_step_done(b, st, d, "update admin");
	sqlite3_finalize(st);
	/* CTX goes away with this call: so does the function. */
	sqlite3_create_function_v2(b->db, fn, 1, SQLITE_UTF8, NULL, NULL, NULL, NULL, NULL);
	return rc;
}

/*
 * GeoNames names many first-level regions with their type: "Huila
 * Department", "Riyadh Region", "Kyiv Oblast", "Nakuru County".  Copy
 * names them without it ("coffee from Huila, Colombia"), so the name
 * without the type word is one of the region's names too (a second
 * ASCII-kind spelling).  Not "Parish", "Municipality", "City" or "Island":
 * what is left of "Charlotte Parish" or "Saint John Parish" names a town
 * far more often than the region.  Not when what is left is only
 * directions and generic words ("Western Province", "North West
 * District"): "Western" is no place.
 */
static const char *const admin_type_words[] = {
	"Department", "Province", "Region", "Oblast", "Governorate", "Prefecture",
	"Krai", "Voivodeship", "County", "State", "Division", "District",
};
static const char *const admin_generic_words[] = {
	"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
	"Central", "Capital", "Upper", "Lower", "Middle", "Far", "Greater", "Coast",
	"Coastal", "Highlands", "Lakes", "Islands", "Autonomous", "Special", "Federal",
	"Northeast", "Northwest", "Southeast", "Southwest", "North-East", "North-West",
	"South-East", "South-West", "Mountain", "Plateau", "Littoral", "Savanes",
};

static int in_words(const char *w, size_t len, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(list[i]) == len && strncmp(list[i], w, len) == 0)
			return 1;
	return 0;
}

/* NAME without its trailing type word into OUT (OUTSZ bytes), or 0. */
static int admin_short_form(const char *name, char *out, size_t outsz)
{
	const char *sp = name ? strrchr(name, ' ') : NULL, *w;
	size_t len;
	int generic_only = 1;

	if (!sp || sp == name ||
	    !in_words(sp + 1, strlen(sp + 1), admin_type_words, sizeof admin_type_words / sizeof *admin_type_words))
		return 0;
	len = (size_t)(sp - name);
	if (len + 1 > outsz)
		return 0;
	for (w = name; w < sp;) {
		const char *e = memchr(w, ' ', (size_t)(sp - w));
		if (!e)
			e = sp;
		if (!in_words(w, (size_t)(e - w), admin_generic_words,
			      sizeof admin_generic_words / sizeof *admin_generic_words))
			generic_only = 0;
		w = e + 1;
	}
	if (generic_only)
		return 0;
	memcpy(out, name, len);
	out[len] = '\0';
	return 1;
}

/* NAME's part after a leading "Province of " (NULL if none). */
#define TYPE_FIRST_LEAD "Province of "
static const char *admin_type_first(const char *name)
{
	static const char lead[] = TYPE_FIRST_LEAD;

	if (!name || strncmp(name, lead, sizeof lead - 1) != 0 || !name[sizeof lead - 1])
		return NULL;
	return name + sizeof lead - 1;
}

/*
 * A town keeps a type-first region's short name when it holds at least
 * this share of the region's people: the Province of Florence's city
 * (a third of it) or of Toledo's (an eighth), not the village of 2,400
 * called Cavite in a province of two million, nor Bulacan (a twentieth).
 */
#define TYPE_FIRST_TOWN_SHARE 0.1

/*
 * Into TAKEN, "CC|FORM" for each short form of a type-first second-level
 * region ("Province of Batangas") that a populated place of its country
 * carries as its name, and into *POP (grown, *CAP entries) the most
 * populous such place's population by TAKEN's entry: one scan of the
 * places against the few forms.  Rows from --csv do not count, as for the
 * regions' centres.
 */
static enum pc_rc type_first_taken(struct finish *f, struct strtab *taken, int64_t **pop, size_t *cap,
				   struct diag *d)
{
	struct db_build *b = f->b;
	sqlite3_stmt *st = NULL;
	enum pc_rc rc;
	int src, added;

	if ((rc = db_build_exec(b, "DELETE FROM s_pshort;"
				   "INSERT OR IGNORE INTO s_pshort(cc, name)"
				   " SELECT substr(code, 1, 2), substr(name, length('" TYPE_FIRST_LEAD "') + 1)"
				   " FROM admin2 WHERE name GLOB '" TYPE_FIRST_LEAD "?*'", d)) != PC_OK ||
	    (rc = db_build_prepare(b, "SELECT s.cc, s.name, max(coalesce(p.population, 0))"
				      " FROM places p CROSS JOIN s_pshort s"
				      " WHERE p.kind = 0 AND p.id > 0 AND p.id <= ?1 AND s.cc = p.country"
				      " AND (s.name = p.name OR s.name = p.asciiname) GROUP BY s.cc, s.name",
				   &st, d)) != PC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, DB_CSV_ID_BASE);
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *cc = (const char *)sqlite3_column_text(st, 0), *nm = (const char *)sqlite3_column_text(st, 1);
		size_t e;
		buf_reset(&f->key);
		buf_puts(&f->key, cc ? cc : "");
		buf_putc(&f->key, '|');
		buf_puts(&f->key, nm ? nm : "");
		e = strtab_intern(taken, f->key.data, f->key.len, &added);
		if (e >= *cap) {
			size_t ncap = *cap ? *cap * 2 : 64;
			while (ncap <= e)
				ncap *= 2;
			*pop = xrealloc(*pop, ncap * sizeof **pop);
			*cap = ncap;
		}
		(*pop)[e] = sqlite3_column_int64(st, 2);
	}
	if (src != SQLITE_DONE)
		rc = db_build_err(b, d, "type-first region names");
	sqlite3_finalize(st);
	return rc;
}

/* Is FORM a country's name ("Niger State" without its type word is
 * Niger: copy writes "Niger State" to tell the two apart, so "Niger"
 * stays the country's alone)? */
static int country_name(struct finish *f, const char *form)
{
	size_t e;

	buf_reset(&f->key);
	return db_key(form, strlen(form), &f->key) == PC_OK && f->key.len &&
	       strtab_find(&f->country_keys, f->key.data, f->key.len, &e);
}

/*
 * Stand-in points for the first-level regions no place lies in.  The
 * bundled admin1 codes and cities500 come from different GeoNames
 * versions: Norway merged its counties in 2020 and split them again in
 * 2024, so the admin codes list Vestfold (NO.20) while the towns in it
 * carry the merged county's code (NO.38); Angola, Ethiopia and Vietnam
 * redrew theirs too.  Copy still names such a region ("Rogaland, Vestfold,
 * Buskerud"), so it gets a row like any other.  Its point is the mean of
 * the places of its country named like the region (its short form too:
 * "Cao Bang" of "Cao Bang Province") or like one of its second-level
 * regions (Norway names its municipalities for their towns, and the
 * admin2 list, of the admin codes' version, still puts Tonsberg in
 * Vestfold), taking the most populous place of each name.  Names repeat
 * across regions (Vietnam has a Bao Lam district in two provinces), so
 * the points come in tiers and only the best tier a region has counts:
 * a place named like the region itself before one named like a part of
 * it, a place with a population before a hamlet of none.  Its population
 * is theirs.  The stand-ins go into OUT by code (each aggregate's
 * own_rank holds the tier summed); a region none of whose names is a
 * place's gets none there (finish_admin then uses its country's point).
 */
static enum pc_rc admin1_standins(struct finish *f, struct agg_map *out, struct diag *d)
{
	struct db_build *b = f->b;
	sqlite3_stmt *st = NULL, *ins = NULL, *sub = NULL, *q = NULL;
	enum pc_rc rc;
	int src, any = 0;

	if ((rc = db_build_prepare(b, "SELECT code, country, name FROM admin1 ORDER BY code",
				   &st, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "INSERT OR IGNORE INTO s_standin(cc, name, code, own)"
				      " VALUES(?1,?2,?3,1)", &ins, d)) != PC_OK ||
	    /*
	     * The admin2 codes under CODE: "CODE." < code < "CODE/" ('/'
	     * follows '.').  After the region's own names, which OR IGNORE
	     * keeps when a part has the region's name.
	     */
	    (rc = db_build_prepare(b, "INSERT OR IGNORE INTO s_standin(cc, name, code, own)"
				      " SELECT ?1, name, ?2, 0 FROM admin2"
				      " WHERE code > ?2 || '.' AND code < ?2 || '/'"
				      " AND name IS NOT NULL AND name != ''", &sub, d)) != PC_OK)
		goto done;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		const char *cc = (const char *)sqlite3_column_text(st, 1);
		const char *name = (const char *)sqlite3_column_text(st, 2);
		const struct agg *a;
		char shortf[256];
		const char *forms[2];
		size_t i, nf = 0;

		if (!code || !cc || !name)
			continue;
		a = agg_find(&f->map, code, NULL);
		if (a && a->n)
			continue; /* places lie in it: their mean is its point */
		forms[nf++] = name;
		if (admin_short_form(name, shortf, sizeof shortf))
			forms[nf++] = shortf;
		for (i = 0; i < nf; i++) {
			sqlite3_bind_text(ins, 1, cc, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 2, forms[i], -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 3, code, -1, SQLITE_STATIC);
			if ((rc = db_build_step_done(b, ins, d, "stand-in name")) != PC_OK)
				goto done;
		}
		sqlite3_bind_text(sub, 1, cc, -1, SQLITE_STATIC);
		sqlite3_bind_text(sub, 2, code, -1, SQLITE_STATIC);
		if ((rc = db_build_step_done(b, sub, d, "stand-in admin2 names")) != PC_OK)
			goto done;
		any = 1;
	}
	if (src != SQLITE_DONE) {
		rc = db_build_err(b, d, "admin1 stand-ins");
		goto done;
	}
	if (!any)
		goto done;
	/*
	 * One scan of the places, each looked up in s_standin by its key
	 * (CROSS JOIN keeps places outside); max() picks the bare columns of
	 * the most populous place of each (code, name).  Rows from --csv do
	 * not count, as for the centres of the other regions.
	 */
	if ((rc = db_build_prepare(b,
		"SELECT code, max(pop), lat, lon, own FROM ("
		" SELECT s.code, s.name, coalesce(p.population, 0) AS pop, p.lat, p.lon, s.own"
		"  FROM places p CROSS JOIN s_standin s"
		"  WHERE p.kind = 0 AND p.id > 0 AND p.id <= ?1"
		"  AND s.cc = p.country AND s.name = p.name"
		/* "Thai Nguyen" is cities500's Thái Nguyên */
		" UNION ALL SELECT s.code, s.name, coalesce(p.population, 0), p.lat, p.lon, s.own"
		"  FROM places p CROSS JOIN s_standin s"
		"  WHERE p.kind = 0 AND p.id > 0 AND p.id <= ?1 AND p.asciiname != p.name"
		"  AND s.cc = p.country AND s.name = p.asciiname)"
		" GROUP BY code, name", &q, d)) != PC_OK)
		goto done;
	sqlite3_bind_int64(q, 1, DB_CSV_ID_BASE);
	while ((src = sqlite3_step(q)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(q, 0);
		size_t len = code ? strlen(code) : 0, e;
		int64_t pop = sqlite3_column_int64(q, 1);
		/* 1 best: the region's own name and a population; 4 worst */
		int tier = 1 + (sqlite3_column_int(q, 4) ? 0 : 2) + (pop > 0 ? 0 : 1);
		struct agg *a;
		if (!len)
			continue;
		e = agg_entry(out, code, len, hash_mem(code, len)); /* may move out->aggs */
		a = &out->aggs[e];
		if (a->n && tier > a->own_rank)
			continue;
		if (a->n && tier < a->own_rank)
			memset(a, 0, sizeof *a); /* a better tier: start again */
		a->own_rank = tier;
		agg_add_point(a, sqlite3_column_double(q, 2), sqlite3_column_double(q, 3), pop);
	}
	if (src != SQLITE_DONE)
		rc = db_build_err(b, d, "admin1 stand-in places");
done:
	sqlite3_finalize(st);
	sqlite3_finalize(ins);
	sqlite3_finalize(sub);
	sqlite3_finalize(q);
	return rc;
}

/* The point of country CC's row into LAT, LON: 1, or 0 when it has none. */
static int country_point(sqlite3_stmt *cp, const char *cc, double *lat, double *lon)
{
	int found = 0;

	sqlite3_bind_text(cp, 1, cc, -1, SQLITE_STATIC);
	if (sqlite3_step(cp) == SQLITE_ROW) {
		*lat = sqlite3_column_double(cp, 0);
		*lon = sqlite3_column_double(cp, 1);
		found = 1;
	}
	sqlite3_reset(cp);
	return found;
}

static enum pc_rc finish_admin(struct finish *f, int level, struct diag *d)
{
	struct db_build *b = f->b;
	sqlite3_stmt *st = NULL, *cp = NULL;
	struct agg_map standins; /* level 1: the points of regions no place lies in */
	struct strtab taken;     /* level 2: short forms a town bears (type_first_taken) */
	int64_t *taken_pop = NULL; /* ... and that town's population, by TAKEN's entry */
	size_t taken_cap = 0;
	enum pc_rc rc;
	int src;
	char sql[300];

	agg_map_init(&standins);
	strtab_init(&taken);
	snprintf(sql, sizeof sql,
		 "SELECT code, country, a1, %s, name, asciiname, geonameid, place_id"
		 " FROM admin%d ORDER BY code", level == 2 ? "a2" : "NULL", level);
	if ((rc = db_build_prepare(b, sql, &st, d)) != PC_OK)
		goto done;
	if (level == 2 && (rc = type_first_taken(f, &taken, &taken_pop, &taken_cap, d)) != PC_OK)
		goto done;
	if (level == 1 &&
	    ((rc = admin1_standins(f, &standins, d)) != PC_OK ||
	     (rc = db_build_prepare(b, "SELECT p.lat, p.lon FROM countries c"
				       " JOIN places p ON p.id = c.place_id WHERE c.iso2=?1",
				    &cp, d)) != PC_OK))
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
		size_t e = 0;
		struct agg *a = agg_find(&f->map, code, &e);
		const struct agg *sa;
		double lat = 0, lon = 0;
		int64_t pop = 0;
		int own = 0, exists = 0, same;

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
			if (a && a->n) {
				agg_point(a, &lat, &lon);
				pop = a->pop;
			} else if (level != 1) {
				continue; /* no place inside it: no point to give it */
			} else if ((sa = agg_find(&standins, code, NULL)) && sa->n) {
				agg_point(sa, &lat, &lon);
				pop = sa->pop;
			} else if (!cc || !country_point(cp, cc, &lat, &lon)) {
				continue; /* nothing to place it by */
			}
			if (old <= -base && old > -(base + ID_SPAN))
				id = old; /* --add: keep the id it had */
			else if ((rc = synthetic_id(f, base, code, &id, d)) != PC_OK)
				goto done;
		}
		if (own)
			pop = a ? a->pop : 0;
		rc = region_row(f, id, own, old, level == 1 ? DB_KIND_ADMIN1 : DB_KIND_ADMIN2,
				name, ascii, level == 1 ? "ADM1" : "ADM2", cc, a1, a2, lat, lon,
				pop, d);
		if (rc != PC_OK)
			goto done;
		/*
		 * A code with no place inside it (its own feature by geonameid)
		 * gets an entry with an empty aggregate, which reads as none.
		 */
		if (!a)
			e = agg_entry(&f->map, code, strlen(code), hash_mem(code, strlen(code)));
		agg_row_id(&f->map, e, id);
		/*
		 * An ASCII name equal to the name would repeat its tag (and its
		 * prominent entry, which the list drops): skip the work.
		 */
		same = ascii && strcmp(ascii, name) == 0;
		if ((rc = region_name(f, id, DB_NAME_MAIN, name, d)) != PC_OK ||
		    (!same && (rc = region_name(f, id, DB_NAME_ASCII, ascii, d)) != PC_OK))
			goto done;
		/* GB and IE counties too (db.h DB_COUNTY_COUNTRIES_SQL). */
		if (level == 2 && db_county_country(cc)) {
			prominent_form(f, id, name, 0);
			if (!same)
				prominent_form(f, id, ascii, 0);
		}
		/* "Province of Ilocos Sur": GeoNames writes some second-level
		 * regions (the Philippines' provinces, a few of Italy's and
		 * Spain's) with their type first.  Copy writes "Ilocos Sur";
		 * not where the region's city has that name ("Province of
		 * Florence": the city is meant; TYPE_FIRST_TOWN_SHARE). */
		if (level == 2) {
			const char *sf = admin_type_first(name);
			size_t te;
			int city = 0;
			if (sf) {
				buf_reset(&f->key);
				buf_puts(&f->key, cc ? cc : "");
				buf_putc(&f->key, '|');
				buf_puts(&f->key, sf);
				city = strtab_find(&taken, f->key.data, f->key.len, &te) && te < taken_cap &&
				       (double)taken_pop[te] >= TYPE_FIRST_TOWN_SHARE * (double)pop;
			}
			if (sf && !city && !country_name(f, sf) && (rc = region_name(f, id, DB_NAME_ALT, sf, d)) != PC_OK)
				goto done;
		}
		if (level == 1) {
			char shortf[256];
			prominent_form(f, id, name, 0);
			if (!same)
				prominent_form(f, id, ascii, 0);
			if (admin_short_form(name, shortf, sizeof shortf) && !country_name(f, shortf)) {
				if ((rc = region_name(f, id, DB_NAME_ALT, shortf, d)) != PC_OK)
					goto done;
				prominent_form(f, id, shortf, 0);
			}
		}
	}
	if (src != SQLITE_DONE)
		rc = db_build_err(b, d, "admin codes");
	sqlite3_finalize(st);
	st = NULL;
	if (rc == PC_OK)
		rc = update_admin(b, level, &f->map, d);
done:
	sqlite3_finalize(st);
	sqlite3_finalize(cp);
	agg_free(&standins);
	strtab_free(&taken);
	free(taken_pop);
	/* The row ids are this pass's: the next pass's UPDATE must not see them. */
	free(f->map.row_id);
	f->map.row_id = NULL;
	return rc;
}

/*
 * MEMBERS ("GB.ENG.Z7,GB.ENG.Z8") -> CC ("GB"), A1 ("ENG") and the admin2
 * parts ("Z7,Z8"); the loader checked that they share CC and A1.
 */
static void group_codes(const char *members, char *cc, size_t ccz, char *a1, size_t a1z,
			struct buf *a2s)
{
	const char *p = members, *e, *dot1, *dot2;

	cc[0] = a1[0] = '\0';
	buf_reset(a2s);
	while (*p) {
		e = strchr(p, ',');
		if (!e)
			e = p + strlen(p);
		dot1 = memchr(p, '.', (size_t)(e - p));
		dot2 = dot1 ? memchr(dot1 + 1, '.', (size_t)(e - dot1 - 1)) : NULL;
		if (dot2) {
			if (!cc[0]) {
				snprintf(cc, ccz, "%.*s", (int)(dot1 - p), p);
				snprintf(a1, a1z, "%.*s", (int)(dot2 - dot1 - 1), dot1 + 1);
			}
			if (a2s->len)
				buf_putc(a2s, ',');
			buf_append(a2s, dot2 + 1, (size_t)(e - dot2 - 1));
		}
		p = *e ? e + 1 : e;
	}
}

/*
 * The members of MEMBERS ("GB.ENG.Z7,GB.ENG.Z8" or "FR,DE") that the
 * database does not know, comma-separated into MISSING (empty if none),
 * so that a typing slip in a regions file is not a county that silently
 * holds a unit less, or a region with a country no text can name.  A
 * member is known when its code table lists it (admin2 from admin2Codes,
 * countries from countryInfo) or a place of CODES (the aggregates: every
 * code a place carries) carries it: GB.ENG.J1, the old Northamptonshire
 * code, is no longer in admin2Codes but its towns in cities500 still
 * carry it.  PC_ERR_DB on a database error.
 */
static enum pc_rc unknown_members(struct db_build *b, const struct agg_map *codes,
				  sqlite3_stmt *known_a2, sqlite3_stmt *known_cc,
				  const char *members, struct buf *missing, struct diag *d)
{
	const char *p = members, *e;

	buf_reset(missing);
	for (; *p; p = *e ? e + 1 : e) {
		sqlite3_stmt *st;
		size_t len, entry;
		int sr;
		e = strchr(p, ',');
		if (!e)
			e = p + strlen(p);
		len = (size_t)(e - p);
		if (strtab_find(&codes->codes, p, len, &entry))
			continue;
		st = memchr(p, '.', len) ? known_a2 : known_cc;
		sqlite3_bind_text(st, 1, p, (int)len, SQLITE_STATIC);
		sr = sqlite3_step(st);
		sqlite3_reset(st);
		if (sr == SQLITE_ROW)
			continue;
		if (sr != SQLITE_DONE)
			return db_build_err(b, d, "region members known");
		if (missing->len)
			buf_puts(missing, ", ");
		buf_append(missing, p, len);
	}
	return PC_OK;
}

/*
 * A staged region with a member the database lacks (unknown_members) is a
 * bad row (BAD, by its file and line, in the order they were read) and
 * leaves the staging table, so that no region row is made of the members
 * that are there.
 */
static enum pc_rc check_region_members(struct finish *f, db_build_bad_fn bad, void *ud,
				       struct diag *d)
{
	struct db_build *b = f->b;
	sqlite3_stmt *st = NULL, *known_a2 = NULL, *known_cc = NULL, *drop = NULL;
	struct buf missing;
	/* The rows to drop, dropped once the scan is over (SQLite leaves a
	 * change to the table a statement is reading undefined for it). */
	int64_t *bad_rows = NULL;
	size_t n_bad = 0, i;
	enum pc_rc rc;
	int src = SQLITE_DONE;

	buf_init(&missing, 64);
	/* rowid: the order of staging (a repeated key took a new one). */
	if ((rc = db_build_prepare(b, "SELECT rowid, members, file, line FROM s_region ORDER BY rowid",
				   &st, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "SELECT 1 FROM admin2 WHERE code=?1", &known_a2, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "SELECT 1 FROM countries WHERE iso2=?1", &known_cc, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "DELETE FROM s_region WHERE rowid=?1", &drop, d)) != PC_OK)
		goto done;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		char msg[300];
		rc = unknown_members(b, &f->map, known_a2, known_cc,
				     (const char *)sqlite3_column_text(st, 1), &missing, d);
		if (rc != PC_OK)
			goto done;
		if (!missing.len)
			continue;
		snprintf(msg, sizeof msg, "region member not in the database: %s", buf_str(&missing));
		if ((rc = bad(ud, (const char *)sqlite3_column_text(st, 2),
			      (unsigned long)sqlite3_column_int64(st, 3), msg, d)) != PC_OK)
			goto done;
		bad_rows = xreallocarray(bad_rows, n_bad + 1, sizeof *bad_rows);
		bad_rows[n_bad++] = sqlite3_column_int64(st, 0);
	}
	if (src != SQLITE_DONE) {
		rc = db_build_err(b, d, "region members");
		goto done;
	}
	for (i = 0; i < n_bad && rc == PC_OK; i++) {
		sqlite3_bind_int64(drop, 1, bad_rows[i]);
		rc = db_build_step_done(b, drop, d, "drop region");
	}
done:
	sqlite3_finalize(st);
	sqlite3_finalize(known_a2);
	sqlite3_finalize(known_cc);
	sqlite3_finalize(drop);
	free(bad_rows);
	buf_free(&missing);
	return rc;
}

/* The populated places of one state, for its county groups (below). */
struct group_state {
	char cc[4], a1[24];
	struct group_place {
		double lat, lon;
		int64_t pop;
		char a2[24];
	} *v;
	size_t n, cap;
};

/* Read the places of CC.A1 into GS with statement GP (country, admin1). */
static enum pc_rc group_state_load(struct db_build *b, sqlite3_stmt *gp, const char *cc, const char *a1,
				   struct group_state *gs, struct diag *d)
{
	int sr;

	gs->n = 0;
	snprintf(gs->cc, sizeof gs->cc, "%s", cc);
	snprintf(gs->a1, sizeof gs->a1, "%s", a1);
	sqlite3_bind_text(gp, 1, cc, -1, SQLITE_STATIC);
	sqlite3_bind_text(gp, 2, a1, -1, SQLITE_STATIC);
	while ((sr = sqlite3_step(gp)) == SQLITE_ROW) {
		const char *a2 = (const char *)sqlite3_column_text(gp, 3);
		struct group_place *g;
		if (!a2 || !a2[0] || strlen(a2) >= sizeof gs->v[0].a2)
			continue;
		if (gs->n == gs->cap) {
			gs->cap = gs->cap ? gs->cap * 2 : 1024;
			gs->v = xreallocarray(gs->v, gs->cap, sizeof *gs->v);
		}
		g = &gs->v[gs->n++];
		g->lat = sqlite3_column_double(gp, 0);
		g->lon = sqlite3_column_double(gp, 1);
		g->pop = sqlite3_column_int64(gp, 2);
		strcpy(g->a2, a2);
	}
	sqlite3_reset(gp);
	if (sr != SQLITE_DONE) {
		gs->cc[0] = '\0'; /* (nothing cached) */
		return db_build_err(b, d, "region group members");
	}
	return PC_OK;
}

static enum pc_rc finish_world_regions(struct finish *f, struct diag *d)
{
	struct db_build *b = f->b;
	sqlite3_stmt *st = NULL, *cp = NULL, *mem = NULL, *del = NULL, *gp = NULL;
	struct group_state gs = { .cc = "" };
	struct buf a2s;
	enum pc_rc rc;
	int src;

	buf_init(&a2s, 64);

	if ((rc = db_build_prepare(b, "SELECT key, name, members, lat, lon FROM s_region ORDER BY key",
				   &st, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "SELECT p.lat, p.lon, p.population FROM countries c"
				      " JOIN places p ON p.id = c.place_id WHERE c.iso2=?1",
				   &cp, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "INSERT INTO region_members(place_id, country) VALUES(?1,?2)",
				   &mem, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "DELETE FROM region_members WHERE place_id=?1", &del, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "SELECT lat, lon, population, admin2 FROM places WHERE kind=0"
				      " AND country=?1 AND admin1=?2",
				   &gp, d)) != PC_OK)
		goto done;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		char *members = xstrdup((const char *)sqlite3_column_text(st, 2));
		int64_t id = -(ID_REGION + (int64_t)(hash_str(key) % (uint64_t)ID_SPAN));
		struct agg a = { 0 };
		double lat = 0, lon = 0;
		char *tok, *save = NULL;
		char cc[4], a1[24];
		/* Admin2 members: a group read as a first-level region (db.h). */
		int group = strchr(members, '.') != NULL;

		if (group) {
			/* Its point and population: the populated places of its
			 * members.  One pass over the state's places, not one a
			 * member: places has no index by admin code, and a scan
			 * for each of 53 members doubled the time of a load.  And
			 * one pass for all the groups of one state, kept in
			 * memory: a scan for each of England's 33 counties was a
			 * third of a load. */
			size_t k;
			group_codes(members, cc, sizeof cc, a1, sizeof a1, &a2s);
			if (strcmp(cc, gs.cc) != 0 || strcmp(a1, gs.a1) != 0) {
				if ((rc = group_state_load(b, gp, cc, a1, &gs, d)) != PC_OK) {
					free(members);
					goto done;
				}
			}
			for (k = 0; k < gs.n; k++)
				if (db_admin2_list_has(buf_str(&a2s), gs.v[k].a2))
					agg_add_point(&a, gs.v[k].lat, gs.v[k].lon, gs.v[k].pop);
		}
		/* The same key always gets the same id: replace the old row. */
		for (tok = strtok_r(members, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			if (group)
				continue;
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
		if (group && !a.n) {
			/* None of its members in this load (another country's
			 * file): no row, as for a name whose target is absent. */
			free(members);
			continue;
		}
		if (group)
			rc = region_row(f, id, 0, 0, DB_KIND_ADMIN1, name, name, DB_FCODE_ADMIN2_GROUP, cc, a1,
					buf_str(&a2s), lat, lon, a.pop, d);
		else
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
	sqlite3_finalize(gp);
	free(gs.v);
	buf_free(&a2s);
	return rc;
}

/*
 * The place id a target names: "country:XX", "admin1:XX.YY",
 * "admin2:XX.YY.ZZ", "region:KEY" or a decimal geonameid.  0 if unknown.
 */
static int64_t resolve_target(struct finish *f, const char *target)
{
	static const char *const sqls[] = {
		"SELECT place_id FROM countries WHERE iso2=?1",
		"SELECT place_id FROM admin1 WHERE code=?1",
		"SELECT place_id FROM admin2 WHERE code=?1",
	};
	struct db_build *b = f->b;
	sqlite3_stmt *st;
	const char *arg = NULL;
	int64_t id = 0;
	int which;
	char *end;

	if (strncmp(target, "country:", 8) == 0) {
		which = 0;
		arg = target + 8;
	} else if (strncmp(target, "admin1:", 7) == 0) {
		which = 1;
		arg = target + 7;
	} else if (strncmp(target, "admin2:", 7) == 0) {
		which = 2;
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
	/* Prepared on first use, kept for the other targets (a cue each). */
	if (!f->st_target[which] &&
	    sqlite3_prepare_v2(b->db, sqls[which], -1, &f->st_target[which], NULL) != SQLITE_OK)
		return 0;
	st = f->st_target[which];
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
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
				id = resolve_target(f, target);
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
		int64_t id = resolve_target(f, target);
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

/* Topics: cue rows as they are; a member row when its nation is in the
 * database (stored as its code, "AU" or "GB.ENG"), else BAD. */
static enum pc_rc finish_topics(struct finish *f, db_build_bad_fn bad, void *ud, struct diag *d)
{
	struct db_build *b = f->b;
	sqlite3_stmt *st = NULL, *ins = NULL;
	enum pc_rc rc;
	int src;

	if ((rc = db_build_prepare(b, "SELECT topic, key, phrase, target, file, line FROM s_topic"
				      " ORDER BY seq", &st, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "INSERT INTO topics(topic, key, phrase, member)"
				      " VALUES(?1,?2,?3,?4)", &ins, d)) != PC_OK)
		goto done;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *target = (const char *)sqlite3_column_text(st, 3);
		const char *member = "";
		if (target && target[0]) {
			if (!resolve_target(f, target)) {
				char msg[300];
				snprintf(msg, sizeof msg, "topic member not in the database: %s", target);
				rc = bad(ud, (const char *)sqlite3_column_text(st, 4),
					 (unsigned long)sqlite3_column_int64(st, 5), msg, d);
				if (rc != PC_OK)
					goto done;
				continue;
			}
			member = strchr(target, ':') + 1;
		}
		sqlite3_bind_text(ins, 1, (const char *)sqlite3_column_text(st, 0), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 2, (const char *)sqlite3_column_text(st, 1), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 3, (const char *)sqlite3_column_text(st, 2), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 4, member, -1, SQLITE_TRANSIENT);
		if ((rc = db_build_step_done(b, ins, d, "insert topic")) != PC_OK)
			goto done;
	}
	if (src != SQLITE_DONE)
		rc = db_build_err(b, d, "topics");
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
	size_t i;

	f.b = b;
	db_build_writeback(b); /* the places are in */
	agg_map_init(&f.map);
	strtab_init(&f.seen);
	strtab_init(&f.country_keys);
	buf_init(&f.key, 4096);
	/*
	 * Names stay in memory: nothing here reads them (a moved region row
	 * flushes them first), and db_build_derive_names writes them while the
	 * look-alike pass runs on the other core.
	 */
	if ((rc = db_build_flush_places(b, d)) != PC_OK ||
	    (rc = db_build_drop_replaced_names(b, d)) != PC_OK)
		goto done;
	if ((rc = db_build_prepare(b,
		"INSERT OR REPLACE INTO places(id, name, asciiname, lat, lon, fclass, fcode, country,"
		" admin1, admin2, population, kind) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
		&f.st_region_row, d)) != PC_OK ||
	    (rc = db_build_prepare(b, "UPDATE places SET kind=?1 WHERE id=?2", &f.st_set_kind, d)) != PC_OK)
		goto done;
	if ((rc = aggregate(b, &f.map, d)) != PC_OK)
		goto done;
	/*
	 * A region row, so a name or two, per code with places: the set of
	 * names sized once rather than grown (each growth touches it anew).
	 */
	strtab_reserve(&f.seen, f.map.codes.n + 1024, (f.map.codes.n + 1024) * 32);
	if ((rc = finish_countries(&f, d)) != PC_OK ||
	    (rc = finish_admin(&f, 1, d)) != PC_OK ||
	    (rc = finish_admin(&f, 2, d)) != PC_OK ||
	    (rc = check_region_members(&f, bad, ud, d)) != PC_OK ||
	    (rc = finish_world_regions(&f, d)) != PC_OK ||
	    (rc = finish_region_names(&f, d)) != PC_OK ||
	    (rc = finish_cues(&f, bad, ud, d)) != PC_OK ||
	    (rc = finish_topics(&f, bad, ud, d)) != PC_OK)
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
	for (i = 0; i < sizeof f.st_target / sizeof f.st_target[0]; i++)
		sqlite3_finalize(f.st_target[i]);
	agg_free(&f.map);
	strtab_free(&f.seen);
	strtab_free(&f.country_keys);
	free(f.ids.slots);
	buf_free(&f.key);
	return rc;
}
