/*
 * query.c: the questions of query.h (name, in, like, near, prefix, narrow)
 * and what makes a place recognisable: its region in words, its state's AP
 * abbreviation and its kind in words.
 */
#include "query/query.h"

#include "query/query_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Most readings of one name looked at (Springfield has about 70 in all). */
#define QUERY_MAX_READINGS 2000
/* Most look-alikes of one name listed. */
#define QUERY_MAX_ALIKES 24
/*
 * What a group of admin2 units read as a first-level region is: the only
 * ones loaded are the ceremonial counties of England (geodata/extra/
 * uk-counties.tsv), and their admin1, England, is named beside them.
 */
#define QUERY_WORD_ADMIN2_GROUP "ceremonial county"

/*
 * What a country calls its first- and second-level divisions, and a seat
 * of the first.  Rows for the countries news copy names most; others get
 * the generic words of the last row.
 */
static const struct division_words {
	const char *country; /* NULL: the default row */
	const char *admin1;  /* "state" */
	const char *capital; /* "state capital" */
	const char *admin2;  /* "county" */
	const char *seat2;   /* "county seat" */
} division_words[] = {
	{ "US", "state", "state capital", "county", "county seat" },
	{ "AU", "state", "state capital", "local government area", "seat" },
	{ "IN", "state", "state capital", "district", "district seat" },
	{ "MX", "state", "state capital", "municipality", "seat" },
	{ "BR", "state", "state capital", "municipality", "seat" },
	{ "DE", "state", "state capital", "district", "district seat" },
	{ "NG", "state", "state capital", "local government area", "seat" },
	{ "CA", "province", "provincial capital", "division", "seat" },
	{ "CN", "province", "provincial capital", "prefecture", "prefecture seat" },
	{ "ZA", "province", "provincial capital", "district", "seat" },
	{ "AR", "province", "provincial capital", "department", "seat" },
	{ "GB", "nation", "capital", "county", "county town" },
	{ "IE", "province", "provincial centre", "county", "county town" },
	{ "FR", "region", "regional capital", "department", "prefecture" },
	{ "IT", "region", "regional capital", "province", "provincial capital" },
	{ "ES", "community", "regional capital", "province", "provincial capital" },
	{ NULL, "region", "regional capital", "district", "seat" },
};

void query_copy(char *dst, size_t size, const char *src)
{
	size_t len = strlen(src);

	if (!size)
		return;
	if (len >= size) {
		len = size - 1;
		while (len && ((unsigned char)src[len] & 0xc0) == 0x80)
			len--; /* do not split a character */
	}
	memcpy(dst, src, len);
	dst[len] = '\0';
}

static const struct division_words *words_of(const char *country)
{
	const struct division_words *w = division_words;

	while (w->country && strcmp(w->country, country) != 0)
		w++;
	return w;
}

/* Kind in words and seat rank (3 national capital .. 0 none) of P. */
static const char *kind_word(const struct db_place *p, int *seat_rank)
{
	const struct division_words *w = words_of(p->country);

	*seat_rank = 0;
	switch (p->kind) {
	case DB_KIND_COUNTRY:
		return "country";
	case DB_KIND_ADMIN1:
		return db_place_is_admin2_group(p) ? QUERY_WORD_ADMIN2_GROUP : w->admin1;
	case DB_KIND_ADMIN2:
		return w->admin2;
	case DB_KIND_REGION:
		return "world region";
	default:
		break;
	}
	if (strcmp(p->fcode, "PPLC") == 0) {
		*seat_rank = 3;
		return "capital";
	}
	if (strcmp(p->fcode, "PPLG") == 0) {
		*seat_rank = 3;
		return "seat of government";
	}
	if (strcmp(p->fcode, "PPLA") == 0) {
		*seat_rank = 2;
		return w->capital;
	}
	if (strcmp(p->fcode, "PPLA2") == 0) {
		*seat_rank = 1;
		return w->seat2;
	}
	if (strncmp(p->fcode, "PPLA", 4) == 0) {
		*seat_rank = 1;
		return "seat";
	}
	if (strcmp(p->fcode, "PPLX") == 0)
		return "neighbourhood";
	if (db_place_is_postal(p))
		return "postal place";
	return p->population >= 100000 ? "city" : "town";
}

void query_place_fill(struct db *db, const struct db_place *p, struct query_place *out)
{
	query_place_fill_near(db, p, out, NULL, 0);
}

void query_place_fill_near(struct db *db, const struct db_place *p, struct query_place *out,
			   const struct query_place *done, size_t n_done)
{
	size_t i;

	memset(out, 0, sizeof *out);
	out->p = *p;
	out->kind_word = kind_word(p, &out->seat_rank);
	/* Namesakes crowd into a few states: reuse a neighbour's region words. */
	for (i = n_done; i-- > 0 && n_done - i <= 64;) {
		const struct query_place *q = &done[i];
		if (q->p.kind != DB_KIND_COUNTRY && p->kind != DB_KIND_COUNTRY &&
		    strcmp(q->p.country, p->country) == 0 && strcmp(q->p.admin1, p->admin1) == 0) {
			memcpy(out->admin1_name, q->admin1_name, sizeof out->admin1_name);
			memcpy(out->country_name, q->country_name, sizeof out->country_name);
			memcpy(out->abbrev, q->abbrev, sizeof out->abbrev);
			return;
		}
	}
	if (p->country[0]) {
		db_country_name(db, p->country, out->country_name, sizeof out->country_name);
		if (p->admin1[0] && p->kind != DB_KIND_COUNTRY) {
			db_admin1_name(db, p->country, p->admin1, out->admin1_name,
				       sizeof out->admin1_name);
			if (out->admin1_name[0])
				db_lookup_abbrev(db, p->country, p->admin1, out->abbrev,
						 sizeof out->abbrev);
		}
	}
}

/*
 * Prominence order: the name's own bearers before places that have it as
 * an alternate name, then population, then national capital > admin seat.
 */
static int place_cmp(const void *x, const void *y)
{
	const struct query_place *a = x, *b = y;
	int a_alt = a->name_kind == DB_NAME_ALT, b_alt = b->name_kind == DB_NAME_ALT;

	/* Places that bear the name only as an alternate come last. */
	if (a_alt != b_alt)
		return a_alt - b_alt;
	if (a->p.population != b->p.population)
		return a->p.population > b->p.population ? -1 : 1;
	if (a->seat_rank != b->seat_rank)
		return a->seat_rank > b->seat_rank ? -1 : 1;
	if (a->p.kind != b->p.kind) /* a region before a town of its name */
		return a->p.kind > b->p.kind ? -1 : 1;
	return a->p.id < b->p.id ? -1 : a->p.id > b->p.id;
}

void query_places_sort(struct query_place *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof *v, place_cmp);
}

static size_t limit_of(const struct query_opts *o)
{
	return o && o->limit ? o->limit : QUERY_DEFAULT_LIMIT;
}

enum pc_rc query_key(const char *name, struct arena *a, const char **key, struct diag *d)
{
	struct buf b;
	enum pc_rc rc;

	*key = NULL;
	buf_init(&b, 4096);
	rc = db_key(name, strlen(name), &b);
	if (rc == PC_ERR_PARSE)
		diag_set(d, rc, NULL, 0, 0, "not valid UTF-8: %s", name);
	else if (rc != PC_OK)
		diag_set(d, rc, NULL, 0, 0, "name too long");
	else if (b.len == 0)
		rc = diag_set(d, PC_ERR_USAGE, NULL, 0, 0, "'%s' is no name: nothing left to look up", name);
	else
		*key = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return rc;
}

int query_region_has(const struct query_region *r, const struct db_place *p)
{
	if (strcmp(r->country, p->country) != 0)
		return 0;
	if (!r->admin1[0])
		return 1;
	if (strcmp(r->admin1, p->admin1) != 0 || p->kind == DB_KIND_COUNTRY)
		return 0;
	/* A county group is not all of its admin1 (Bolton is in England, not
	 * Merseyside): its members' places and itself, as db_place_in_region. */
	if (r->admin2s[0])
		return (r->place_id && p->id == r->place_id) || db_admin2_list_has(r->admin2s, p->admin2);
	return 1;
}

/* Longest list of layers an answer quotes (a label is under 200 bytes). */
#define QUERY_MAX_LAYERS_TEXT 4096

static void answer_init(struct db *db, struct query_answer *out, enum query_mode mode,
			const char *name, struct arena *a)
{
	char layers[QUERY_MAX_LAYERS_TEXT];

	memset(out, 0, sizeof *out);
	out->mode = mode;
	out->name = arena_strdup(a, name ? name : "");
	db_meta_get(db, "layers", layers, sizeof layers);
	out->searched = arena_strdup(a, layers);
}

/* Every reading of KEY as query places, sorted, all of them (no limit). */
static enum pc_rc readings(struct db *db, const char *key, struct arena *a,
			   struct query_place **out, size_t *n_out, struct diag *d)
{
	struct db_hit *hits;
	struct query_place *v;
	size_t n, i;
	enum pc_rc rc;

	*out = NULL;
	*n_out = 0;
	if ((rc = db_lookup_names(db, key, QUERY_MAX_READINGS, a, &hits, &n, d)) != PC_OK)
		return rc;
	if (!n)
		return PC_OK;
	v = arena_alloc(a, n * sizeof *v);
	for (i = 0; i < n; i++) {
		query_place_fill_near(db, &hits[i].place, &v[i], v, i);
		v[i].name_kind = hits[i].name_kind;
		query_copy(v[i].form, sizeof v[i].form, hits[i].form);
	}
	query_places_sort(v, n);
	*out = v;
	*n_out = n;
	return PC_OK;
}

static void alike_how(struct query_alike *al)
{
	switch (al->kind) {
	case DB_ALIKE_SUFFIX:
		snprintf(al->how, sizeof al->how, "suffix");
		break;
	case DB_ALIKE_PREFIX:
		snprintf(al->how, sizeof al->how, "prefix word");
		break;
	case DB_ALIKE_EDIT:
		snprintf(al->how, sizeof al->how, "edit distance %d", al->dist);
		break;
	case DB_ALIKE_LISTED:
		snprintf(al->how, sizeof al->how, "often confused");
		break;
	default:
		snprintf(al->how, sizeof al->how, "alike");
		break;
	}
}

/*
 * The place AL stands for: the most prominent place that bears AL->key as
 * its own name (not merely as an alternate: "Sidney" is an old alternate
 * name of Sydney, Australia, but the place called Sidney is in Ohio), inside
 * REGION when REGION is not NULL; failing that, the most prominent place
 * that has it as an alternate.  Fills al->place and al->name.
 */
static enum pc_rc alike_place(struct db *db, const struct query_region *region, struct arena *a,
			      struct query_alike *al, struct diag *d)
{
	struct db_hit *hits;
	size_t n_hits, k;
	const struct db_hit *best = NULL;
	enum pc_rc rc;

	rc = db_lookup_names(db, al->key, QUERY_MAX_READINGS, a, &hits, &n_hits, d);
	if (rc != PC_OK)
		return rc;
	/* Hits come most populous first. */
	for (k = 0; k < n_hits; k++) {
		if (region && !query_region_has(region, &hits[k].place))
			continue;
		if (hits[k].name_kind != DB_NAME_ALT) {
			best = &hits[k];
			break;
		}
		if (!best)
			best = &hits[k];
	}
	if (best) {
		al->has_place = 1;
		query_place_fill(db, &best->place, &al->place);
		al->place.name_kind = best->name_kind;
		query_copy(al->place.form, sizeof al->place.form, best->form);
		query_copy(al->name, sizeof al->name, best->form);
	}
	return PC_OK;
}

/*
 * The look-alikes of KEY, each with its own most prominent place, or
 * (REGION not NULL) only those with a place inside REGION, with that place.
 */
static enum pc_rc alikes_of(struct db *db, const char *key, const struct query_region *region,
			    struct arena *a, struct query_alike **out, size_t *n_out,
			    struct diag *d)
{
	struct db_alike raw[QUERY_MAX_ALIKES * 2];
	struct query_alike *v;
	size_t n_raw, i, n = 0;
	enum pc_rc rc;

	*out = NULL;
	*n_out = 0;
	rc = db_lookalikes(db, key, raw, region ? QUERY_MAX_ALIKES * 2 : QUERY_MAX_ALIKES,
			   &n_raw, d);
	if (rc != PC_OK || !n_raw)
		return rc;
	v = arena_calloc(a, n_raw, sizeof *v);
	for (i = 0; i < n_raw && n < QUERY_MAX_ALIKES; i++) {
		struct query_alike *al = &v[n];

		query_copy(al->key, sizeof al->key, raw[i].key);
		al->kind = raw[i].kind;
		al->dist = raw[i].dist;
		alike_how(al);
		if ((rc = alike_place(db, region, a, al, d)) != PC_OK)
			return rc;
		if (region && !al->has_place)
			continue;
		if (!al->name[0])
			query_copy(al->name, sizeof al->name, raw[i].key);
		n++;
	}
	*out = v;
	*n_out = n;
	return PC_OK;
}

/* Alikes by distance, then by their place's population. */
static int suggestion_cmp(const void *x, const void *y)
{
	const struct query_alike *p = x, *q = y;

	if (p->dist != q->dist)
		return p->dist < q->dist ? -1 : 1;
	if (p->place.p.population != q->place.p.population)
		return p->place.p.population > q->place.p.population ? -1 : 1;
	return strcmp(p->key, q->key);
}

/* Is place ID already among V[0..N)? (Two spellings may lead to one place.) */
static int suggested(const struct query_alike *v, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].place.p.id == id)
			return 1;
	return 0;
}

/*
 * "Did you mean": the prominent names within QUERY_SUGGEST_EDITS of KEY
 * (the near-miss index), each with its own most prominent place.
 */
static enum pc_rc suggest(struct db *db, const char *key, struct arena *a, struct query_answer *out,
			  struct diag *d)
{
	struct db_alike raw[QUERY_MAX_SUGGEST * 4];
	struct query_alike *v;
	size_t n_raw, i, n = 0;
	enum pc_rc rc;

	rc = db_near_keys(db, key, QUERY_SUGGEST_EDITS, raw, sizeof raw / sizeof raw[0], &n_raw, d);
	if (rc != PC_OK || !n_raw)
		return rc;
	v = arena_calloc(a, n_raw, sizeof *v);
	for (i = 0; i < n_raw; i++) {
		struct query_alike *al = &v[n];
		query_copy(al->key, sizeof al->key, raw[i].key);
		al->kind = DB_ALIKE_EDIT;
		al->dist = raw[i].dist;
		alike_how(al);
		if ((rc = alike_place(db, NULL, a, al, d)) != PC_OK)
			return rc;
		if (al->has_place && !suggested(v, n, al->place.p.id))
			n++;
	}
	if (n > 1)
		qsort(v, n, sizeof *v, suggestion_cmp);
	out->suggestions = v;
	out->n_suggestions = n < QUERY_MAX_SUGGEST ? n : QUERY_MAX_SUGGEST;
	return PC_OK;
}

static enum pc_rc query_name_impl(struct db *db, const char *name, const struct query_opts *o,
		      struct arena *a, struct query_answer *out, struct diag *d)
{
	const char *key;
	enum pc_rc rc;

	answer_init(db, out, QUERY_NAME, name, a);
	if ((rc = query_key(name, a, &key, d)) != PC_OK)
		return rc;
	if ((rc = readings(db, key, a, &out->places, &out->n_total_places, d)) != PC_OK)
		return rc;
	out->n_places = out->n_total_places < limit_of(o) ? out->n_total_places : limit_of(o);
	out->found = out->n_places > 0;
	if (!out->found && (rc = suggest(db, key, a, out, d)) != PC_OK)
		return rc;
	return alikes_of(db, key, NULL, a, &out->alikes, &out->n_alikes, d);
}

enum pc_rc query_name(struct db *db, const char *name, const struct query_opts *o,
		      struct arena *a, struct query_answer *out, struct diag *d)
{
	int began = db_read_begin(db);
	enum pc_rc rc = query_name_impl(db, name, o, a, out, d);

	db_read_end(db, began);
	return rc;
}

static enum pc_rc query_like_impl(struct db *db, const char *name, const struct query_opts *o,
		      struct arena *a, struct query_answer *out, struct diag *d)
{
	const char *key;
	enum pc_rc rc;

	(void)o;
	answer_init(db, out, QUERY_LIKE, name, a);
	if ((rc = query_key(name, a, &key, d)) != PC_OK)
		return rc;
	if ((rc = alikes_of(db, key, NULL, a, &out->alikes, &out->n_alikes, d)) != PC_OK)
		return rc;
	out->found = out->n_alikes > 0;
	return PC_OK;
}

enum pc_rc query_like(struct db *db, const char *name, const struct query_opts *o,
		      struct arena *a, struct query_answer *out, struct diag *d)
{
	int began = db_read_begin(db);
	enum pc_rc rc = query_like_impl(db, name, o, a, out, d);

	db_read_end(db, began);
	return rc;
}

static enum pc_rc query_in_impl(struct db *db, const char *name, const struct query_region *regions,
		    size_t n_regions, const struct query_opts *o, struct arena *a,
		    struct query_answer *out, struct diag *d)
{
	struct query_place *all;
	size_t n_all, r, i, limit = limit_of(o);
	const char *key;
	enum pc_rc rc;

	answer_init(db, out, QUERY_IN, name, a);
	if (!n_regions)
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0, "no region given");
	out->region = regions[0];
	if ((rc = query_key(name, a, &key, d)) != PC_OK)
		return rc;
	if ((rc = readings(db, key, a, &all, &n_all, d)) != PC_OK)
		return rc;
	for (r = 0; r < n_regions; r++) {
		size_t n = 0;
		for (i = 0; i < n_all; i++)
			if (query_region_has(&regions[r], &all[i].p))
				n++;
		if (!n)
			continue;
		out->region = regions[r];
		out->found = 1;
		out->places = arena_alloc(a, n * sizeof *out->places);
		for (i = 0; i < n_all; i++)
			if (query_region_has(&regions[r], &all[i].p))
				out->places[out->n_places++] = all[i];
		out->n_total_places = out->n_places;
		if (out->n_places > limit)
			out->n_places = limit;
		return PC_OK;
	}
	/* None there: where the name is, and what in the region looks like it. */
	out->elsewhere = all;
	out->n_elsewhere = n_all < limit ? n_all : limit;
	if (!n_all && (rc = suggest(db, key, a, out, d)) != PC_OK)
		return rc;
	return alikes_of(db, key, &out->region, a, &out->alikes, &out->n_alikes, d);
}

enum pc_rc query_in(struct db *db, const char *name, const struct query_region *regions,
		    size_t n_regions, const struct query_opts *o, struct arena *a,
		    struct query_answer *out, struct diag *d)
{
	int began = db_read_begin(db);
	enum pc_rc rc = query_in_impl(db, name, regions, n_regions, o, a, out, d);

	db_read_end(db, began);
	return rc;
}

static enum pc_rc query_near_impl(struct db *db, double lat, double lon, double radius_km,
		      const struct query_opts *o, struct arena *a,
		      struct query_answer *out, struct diag *d)
{
	struct db_near *near;
	size_t n, total, i;
	enum pc_rc rc;

	answer_init(db, out, QUERY_NEAR, "", a);
	out->lat = lat;
	out->lon = lon;
	out->radius_km = radius_km;
	if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180))
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0,
				"coordinates out of range: latitude -90..90, longitude -180..180");
	if (!(radius_km > 0) || radius_km > QUERY_MAX_RADIUS_KM)
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0, "radius must be more than 0 and at most %.0f km",
				QUERY_MAX_RADIUS_KM);
	rc = db_lookup_near(db, lat, lon, radius_km, limit_of(o), a, &near, &n, &total, d);
	if (rc != PC_OK)
		return rc;
	out->places = arena_alloc(a, (n ? n : 1) * sizeof *out->places);
	for (i = 0; i < n; i++) {
		query_place_fill_near(db, &near[i].place, &out->places[i], out->places, i);
		out->places[i].dist_km = near[i].dist_km;
	}
	out->n_places = n;
	out->n_total_places = total;
	out->found = n > 0;
	return PC_OK;
}

enum pc_rc query_near(struct db *db, double lat, double lon, double radius_km,
		      const struct query_opts *o, struct arena *a,
		      struct query_answer *out, struct diag *d)
{
	int began = db_read_begin(db);
	enum pc_rc rc = query_near_impl(db, lat, lon, radius_km, o, a, out, d);

	db_read_end(db, began);
	return rc;
}

static enum pc_rc query_near_place_impl(struct db *db, const char *text, double radius_km,
					const struct query_opts *o, struct arena *a,
					struct query_answer *out, struct diag *d)
{
	struct query_answer where;
	const struct query_place *c;
	enum pc_rc rc;

	/* The place first: a name question, which also gives "did you mean". */
	if ((rc = query_ask(db, text, &(struct query_opts){ .limit = 1 }, a, &where, d)) != PC_OK)
		return rc;
	if (!where.found || !where.n_places) {
		answer_init(db, out, QUERY_NEAR, text, a);
		out->radius_km = radius_km;
		out->suggestions = where.suggestions;
		out->n_suggestions = where.n_suggestions;
		return PC_OK;
	}
	c = &where.places[0];
	if ((rc = query_near(db, c->p.lat, c->p.lon, radius_km, o, a, out, d)) != PC_OK)
		return rc;
	out->name = arena_strdup(a, text);
	out->has_center = 1;
	out->center = *c;
	return PC_OK;
}

enum pc_rc query_near_place(struct db *db, const char *text, double radius_km,
			    const struct query_opts *o, struct arena *a,
			    struct query_answer *out, struct diag *d)
{
	int began = db_read_begin(db);
	enum pc_rc rc = query_near_place_impl(db, text, radius_km, o, a, out, d);

	db_read_end(db, began);
	return rc;
}

static enum pc_rc query_prefix_impl(struct db *db, const char *text, unsigned kinds,
			const struct query_opts *o, struct arena *a,
			struct query_answer *out, struct diag *d)
{
	struct buf b;
	struct db_key_match *m;
	size_t n, i, len;
	enum pc_rc rc;

	answer_init(db, out, QUERY_PREFIX, text, a);
	buf_init(&b, 4096);
	len = strlen(text);
	rc = db_key(text, len, &b);
	if (rc != PC_OK) {
		buf_free(&b);
		return diag_set(d, rc, NULL, 0, 0, "cannot fold '%s'", text);
	}
	if (b.len == 0) {
		buf_free(&b);
		return PC_OK;
	}
	/* "New " means a word boundary: keep it. */
	if (len && (text[len - 1] == ' ' || text[len - 1] == '-'))
		buf_putc(&b, ' ');
	rc = db_lookup_prefix(db, buf_str(&b), kinds, limit_of(o), a, &m, &n, d);
	buf_free(&b);
	if (rc != PC_OK)
		return rc;
	out->completions = arena_calloc(a, n ? n : 1, sizeof *out->completions);
	for (i = 0; i < n; i++) {
		struct query_completion *c = &out->completions[i];
		query_copy(c->form, sizeof c->form, m[i].form);
		query_copy(c->key, sizeof c->key, m[i].key);
		c->place_kind = m[i].place_kind;
		c->population = m[i].population;
	}
	out->n_completions = n;
	out->found = n > 0;
	return PC_OK;
}

enum pc_rc query_prefix(struct db *db, const char *text, unsigned kinds,
			const struct query_opts *o, struct arena *a,
			struct query_answer *out, struct diag *d)
{
	int began = db_read_begin(db);
	enum pc_rc rc = query_prefix_impl(db, text, kinds, o, a, out, d);

	db_read_end(db, began);
	return rc;
}

static enum pc_rc query_narrow_impl(struct db *db, const struct query_answer *prev,
			const struct query_region *regions, size_t n_regions,
			const struct query_opts *o, struct arena *a,
			struct query_answer *out, struct diag *d)
{
	size_t i, r;

	if (!prev)
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0, "nothing to narrow: ask about a place first");
	switch (prev->mode) {
	case QUERY_NAME:
	case QUERY_IN:
	case QUERY_LIKE:
		return query_in(db, prev->name, regions, n_regions, o, a, out, d);
	case QUERY_NEAR:
		answer_init(db, out, QUERY_NEAR, prev->name, a);
		out->lat = prev->lat;
		out->lon = prev->lon;
		out->radius_km = prev->radius_km;
		out->has_center = prev->has_center;
		out->center = prev->center;
		if (!n_regions)
			return diag_set(d, PC_ERR_USAGE, NULL, 0, 0, "no region given");
		out->places = arena_alloc(a, (prev->n_places ? prev->n_places : 1) * sizeof *out->places);
		for (r = 0; r < n_regions && !out->n_places; r++)
			for (i = 0; i < prev->n_places; i++)
				if (query_region_has(&regions[r], &prev->places[i].p))
					out->places[out->n_places++] = prev->places[i];
		out->n_total_places = out->n_places;
		out->found = out->n_places > 0;
		out->region = regions[r ? r - 1 : 0];
		return PC_OK;
	case QUERY_PREFIX:
	default:
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0,
				"'in' narrows a place question; ask about a name first");
	}
}

enum pc_rc query_narrow(struct db *db, const struct query_answer *prev,
			const struct query_region *regions, size_t n_regions,
			const struct query_opts *o, struct arena *a,
			struct query_answer *out, struct diag *d)
{
	int began = db_read_begin(db);
	enum pc_rc rc = query_narrow_impl(db, prev, regions, n_regions, o, a, out, d);

	db_read_end(db, began);
	return rc;
}

static enum pc_rc query_ask_impl(struct db *db, const char *text, const struct query_opts *o,
		     struct arena *a, struct query_answer *out, struct diag *d)
{
	const char *name;
	struct query_region *regs;
	size_t n_regs;

	if (query_split_qualified(db, text, a, &name, &regs, &n_regs, d))
		return query_in(db, name, regs, n_regs, o, a, out, d);
	if (d && d->rc != PC_OK)
		return d->rc;
	return query_name(db, text, o, a, out, d);
}

enum pc_rc query_ask(struct db *db, const char *text, const struct query_opts *o,
		     struct arena *a, struct query_answer *out, struct diag *d)
{
	int began = db_read_begin(db);
	enum pc_rc rc = query_ask_impl(db, text, o, a, out, d);

	db_read_end(db, began);
	return rc;
}
