/*
 * resolve_alts.c: the places a writer may have meant instead of the
 * reading (resolve.h), and the engine-wide cache that keeps the database
 * look-ups behind them.  Every database read the detector's questions
 * need happens here; detect/ computes on what this file leaves in struct
 * resolve_state.
 */
#include "resolve/resolve_int.h"

#include "base/buf.h"
#include "base/strdist.h"
#include "base/utf8.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Look-alike names asked for per name (the database's are ordered
 * closest first). */
#define RESOLVE_MAX_ALIKES 16
/* Names a small edit away asked for per name, and the shortest name that
 * is asked (shorter names are one edit from too many others). */
#define RESOLVE_MAX_NEAR 8
#define RESOLVE_NEAR_NAME_LEN 5
/* Readings kept per look-alike name: the most populous ones, and every
 * country or first-level region whatever its rank. */
#define RESOLVE_ALT_READINGS 8
/* Readings looked up per name (db_names_lookup orders by population). */
#define RESOLVE_LOOKUP_MAX 64
/* A look-alike's region is an alternative only for a city this big:
 * "Kansas" for the state of Kansas City's Missouri, not Port Washington's
 * New York for "Washington". */
#define RESOLVE_REGION_OF_POP 100000
/* A word this many code points long may be two edits from the name
 * meant ("Massachussetts"); shorter, one ("Burkino"). */
#define RESOLVE_NEAR2_LEN 8
/* A misspelling is taken for a place this big or a region: smaller towns
 * share too many spellings with surnames. */
#define RESOLVE_MISSPELL_MIN_POP 15000
/* Without a place slot, an unknown word is looked at when it is shaped
 * like a demonym or is at least this long ("Massachussetts would"). */
#define RESOLVE_WORD_LONG 7
/* A hamlet below this carries a name only weakly (the only "Charlotte" in
 * Virginia is an old name of Charlotte Court House, 530 people). */
#define RESOLVE_HAMLET_POP 1000
/* The names the story itself writes most, this many, are a misspelling's
 * candidates at two edits whatever the word's length ("Ennglad" where
 * England is written elsewhere), and at any population above a hamlet's:
 * the story vouches for the name.  A fixed number keeps the cost per word
 * constant. */
#define RESOLVE_STORY_KEYS 32
#define RESOLVE_STORY_DIST 2
/* Two words together this many code points long ("uited states") may be
 * two edits from the name meant; shorter ("new zaland"), one. */
#define RESOLVE_TWO_NEAR2_LEN 12
/* Places of a qualifier's region a small edit from a name the region
 * lacks, taken as alternatives ("Wilmont, N.H.": Wilmot), at most; and
 * the lookups a document may make (a real story has a few such names;
 * each lookup reads a region's names, about 0.5 ms). */
#define RESOLVE_REGION_NEAR_MAX 4
#define RESOLVE_REGION_NEAR_LOOKUPS 24
/* A word standing where a place stands is read against the small places
 * around the story's towns: the towns (datelines first, then the most
 * written), at most this many; the radius around each (a county's
 * neighbours: Selkirk to Hawick is 16 km, Kilcock to Naas 20); the places
 * taken per town; and the lookups a document may make (each probes the
 * names filter with a few hundred variants of the word). */
#define RESOLVE_LOCAL_ANCHORS 3
#define RESOLVE_LOCAL_KM 30.0
#define RESOLVE_LOCAL_NEAR_MAX 4
#define RESOLVE_LOCAL_LOOKUPS 24
/* A state or country the story without a dateline names this many times
 * at least is where a speaker's "here in X" may have meant. */
#define RESOLVE_BODY_SCENE_MIN 2
/* A place this close to a region's capital is called its capital fairly
 * ("the Indian capital, Delhi": New Delhi lies inside it). */
#define RESOLVE_CAPITAL_NEAR_KM 25.0
/* The cache is emptied, between documents, past this many entries. */
#define RESOLVE_CACHE_MAX 16384

/* What a cache entry holds: a name's look-alikes, or a word's near names
 * at one edit or at two (one key may be asked both ways). */
enum { CACHE_NAME = 0, CACHE_WORD = 1, CACHE_WORD2 = 2 };

struct resolve_cache_ent {
	const char *key;
	int what;                  /* CACHE_NAME, CACHE_WORD or CACHE_WORD2 */
	struct resolve_alt *alts;  /* in the cache's arena */
	size_t n;
};

struct resolve_label_ent {
	const char *key;           /* "<kind>|CC|A1" */
	const char *text;
};

/* ---- the cache ---------------------------------------------------------------- */

void resolve_cache_init(struct resolve_cache *c, struct db *db)
{
	memset(c, 0, sizeof *c);
	c->db = db;
	arena_init(&c->a, 0);
}

static void cache_clear(struct resolve_cache *c)
{
	arena_free(&c->a);
	arena_init(&c->a, 0);
	c->slot = NULL;
	c->n = c->cap = 0;
	c->lslot = NULL;
	c->n_l = c->cap_l = 0;
}

void resolve_cache_set_pairs(struct resolve_cache *c, const struct resolve_pair *pairs, size_t n)
{
	c->pairs = pairs;
	c->n_pairs = n;
	cache_clear(c);
}

void resolve_cache_free(struct resolve_cache *c)
{
	arena_free(&c->a);
	memset(c, 0, sizeof *c);
}

static size_t str_hash(const char *k, int salt)
{
	size_t h = 5381 + (size_t)salt;

	for (; *k; k++)
		h = h * 33 + (unsigned char)*k;
	return h;
}

/* The slot for (KEY, WHAT): an entry, or an empty slot to fill. */
static struct resolve_cache_ent **cache_slot(struct resolve_cache *c, const char *key, int what)
{
	size_t h, i;

	if (c->n * 2 + 2 > c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 1024;
		struct resolve_cache_ent **ns = arena_calloc(&c->a, ncap, sizeof *ns);
		for (i = 0; i < c->cap; i++) {
			if (!c->slot[i])
				continue;
			h = str_hash(c->slot[i]->key, c->slot[i]->what) & (ncap - 1);
			while (ns[h])
				h = (h + 1) & (ncap - 1);
			ns[h] = c->slot[i];
		}
		c->slot = ns;
		c->cap = ncap;
	}
	h = str_hash(key, what) & (c->cap - 1);
	while (c->slot[h] && (c->slot[h]->what != what || strcmp(c->slot[h]->key, key) != 0))
		h = (h + 1) & (c->cap - 1);
	return &c->slot[h];
}

/* ---- building alternatives ---------------------------------------------------- */

struct alt_list {
	struct resolve_alt *v;
	size_t n, cap;
};

static struct resolve_alt *alt_push(struct alt_list *l, struct arena *a)
{
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 8;
		l->v = arena_grow(a, l->v, l->cap, ncap, sizeof *l->v);
		l->cap = ncap;
	}
	memset(&l->v[l->n], 0, sizeof l->v[0]);
	return &l->v[l->n++];
}

static int rel_of_kind(int kind)
{
	switch (kind) {
	case DB_ALIKE_SUFFIX:
		return RESOLVE_REL_SUFFIX;
	case DB_ALIKE_PREFIX:
		return RESOLVE_REL_WORD;
	case DB_ALIKE_LISTED:
		return RESOLVE_REL_LISTED;
	default:
		return RESOLVE_REL_EDIT;
	}
}

/* The region row holding place P (its admin1 when WANT_ADMIN1, else its
 * country), copied into the cache's arena; NULL if there is none. */
/* Place ID (0: none) read into the cache's arena; NULL if unread. */
static const struct db_place *place_copy(struct resolve_cache *c, int64_t id)
{
	struct db_place *r;
	struct diag d;

	if (!id)
		return NULL;
	r = arena_alloc(&c->a, sizeof *r);
	diag_clear(&d);
	return db_place_get(c->db, id, r, &d) == PC_OK ? r : NULL;
}

static const struct db_place *region_row(struct resolve_cache *c, const struct db_place *p, int want_admin1)
{
	return place_copy(c, db_region_place_id(c->db, p->country, want_admin1 ? p->admin1 : NULL));
}

/* The UK ceremonial county that holds place P (db_admin2_group_of), read
 * into C's arena; NULL if none. */
static const struct db_place *county_of(struct resolve_cache *c, const struct db_place *p)
{
	return place_copy(c, db_admin2_group_of(c->db, p));
}

/* Keep list L as the cache's entry WHAT for KEY in SLOT; the entry. */
static struct resolve_cache_ent *cache_store(struct resolve_cache *c, struct resolve_cache_ent **slot, const char *key,
					     int what, const struct alt_list *l)
{
	struct resolve_cache_ent *e = arena_alloc(&c->a, sizeof *e);

	e->key = arena_strdup(&c->a, key);
	e->what = what;
	e->alts = l->v;
	e->n = l->n;
	*slot = e;
	c->n++;
	return e;
}

/* Keep the readings HITS[0..N) of look-alike key AKEY as alternatives. */
static void add_readings(struct resolve_cache *c, struct alt_list *l, const char *akey, int rel, int dist,
			 int listed, const struct db_hit *hits, size_t n)
{
	size_t j, kept = 0;

	for (j = 0; j < n; j++) {
		const struct db_hit *h = &hits[j];
		struct resolve_alt *al;
		struct db_place *pl;
		int region = h->place.kind == DB_KIND_COUNTRY || h->place.kind == DB_KIND_ADMIN1;
		/* An abbreviation ("Va.") or a place's other name (an old or
		 * foreign one) is not what a writer confuses a name with. */
		if (h->name_kind == DB_NAME_ABBREV || h->name_kind == DB_NAME_ALT)
			continue;
		/* A county or a continent is not what a writer swaps a town or
		 * a country for; a British or Irish county is what one swaps
		 * another for (West and East Sussex: db_county_country). */
		if ((h->place.kind == DB_KIND_ADMIN2 && !db_county_country(h->place.country)) ||
		    h->place.kind == DB_KIND_REGION)
			continue;
		if (!region && kept >= RESOLVE_ALT_READINGS)
			continue;
		if (!region)
			kept++;
		pl = arena_alloc(&c->a, sizeof *pl);
		*pl = h->place;
		al = alt_push(l, &c->a);
		al->place = pl;
		al->key = arena_strdup(&c->a, akey);
		al->form = arena_strdup(&c->a, h->name_kind == DB_NAME_DEMONYM ? h->form : h->place.name);
		al->rel = h->name_kind == DB_NAME_DEMONYM ? RESOLVE_REL_DEMONYM : rel;
		al->dist = dist;
		al->name_kind = h->name_kind;
		al->listed = listed;
		/* "Kansas" for a story about Kansas City: the city's state and
		 * country are alternatives too (REGION_OF). */
		if (rel == RESOLVE_REL_WORD && h->place.kind == DB_KIND_PLACE && h->name_kind != DB_NAME_DEMONYM &&
		    h->place.population >= RESOLVE_REGION_OF_POP) {
			int lv;
			for (lv = 1; lv >= 0; lv--) {
				const struct db_place *r = region_row(c, pl, lv);
				if (!r)
					continue;
				al = alt_push(l, &c->a);
				al->place = r;
				al->via = pl;
				al->key = arena_strdup(&c->a, akey);
				al->form = r->name;
				al->rel = RESOLVE_REL_REGION_OF;
				al->dist = dist;
				al->name_kind = DB_NAME_MAIN;
				al->listed = listed;
			}
		}
	}
}

/* The look-alike alternatives of name KEY (database and newsroom pairs). */
static enum pc_rc name_alts(struct resolve_cache *c, const char *key, struct resolve_cache_ent **out,
			    struct diag *d)
{
	struct resolve_cache_ent **slot = cache_slot(c, key, CACHE_NAME);
	struct db_alike al[RESOLVE_MAX_ALIKES + RESOLVE_MAX_NEAR + 8];
	struct db_hit *hits = NULL;
	struct alt_list l = { 0 };
	size_t n_al = 0, i, k, n_h;
	enum pc_rc rc;

	if (*slot) {
		*out = *slot;
		return PC_OK;
	}
	if ((rc = db_lookalikes(c->db, key, al, RESOLVE_MAX_ALIKES, &n_al, d)) != PC_OK)
		return rc;
	/*
	 * Prominent names a small edit away that the look-alike table leaves
	 * out (it pairs names of 5-7 letters only one edit apart): Norfolk /
	 * Norwalk, Burnley / Burnaby.  The model weighs the distance.
	 */
	if (utf8_count(key, strlen(key)) >= RESOLVE_NEAR_NAME_LEN) {
		struct db_alike near[RESOLVE_MAX_NEAR];
		size_t n_near = 0, q, r;
		if ((rc = db_near_keys(c->db, key, 2, near, RESOLVE_MAX_NEAR, &n_near, d)) != PC_OK)
			return rc;
		for (q = 0; q < n_near && n_al < sizeof al / sizeof al[0]; q++) {
			int dup = 0;
			for (r = 0; r < n_al && !dup; r++)
				dup = strcmp(al[r].key, near[q].key) == 0;
			if (dup)
				continue;
			al[n_al] = near[q];
			al[n_al].kind = DB_ALIKE_EDIT;
			n_al++;
		}
	}
	for (i = 0; i < c->n_pairs && n_al < sizeof al / sizeof al[0]; i++) {
		const struct resolve_pair *p = &c->pairs[i];
		const char *other = strcmp(p->a, key) == 0 ? p->b : strcmp(p->b, key) == 0 ? p->a : NULL;
		if (!other)
			continue;
		snprintf(al[n_al].key, sizeof al[n_al].key, "%s", other);
		al[n_al].kind = DB_ALIKE_LISTED;
		al[n_al].dist = strdist_osa(key, other, 9);
		n_al++;
	}
	hits = arena_alloc(&c->a, RESOLVE_LOOKUP_MAX * sizeof *hits);
	for (k = 0; k < n_al; k++) {
		int listed = al[k].kind == DB_ALIKE_LISTED, rel = rel_of_kind(al[k].kind), dup = 0;
		/* One pair, one set of alternatives: a listed pair that is also
		 * an edit pair (Austria, Australia) keeps its closer relation and
		 * is marked listed. */
		for (i = 0; i < k; i++)
			if (strcmp(al[i].key, al[k].key) == 0)
				dup = 1;
		if (dup)
			continue;
		for (i = k + 1; i < n_al; i++)
			if (strcmp(al[i].key, al[k].key) == 0) {
				if (al[i].kind == DB_ALIKE_LISTED)
					listed = 1;
				else if (rel == RESOLVE_REL_LISTED)
					rel = rel_of_kind(al[i].kind);
			}
		if ((rc = db_names_lookup(c->db, al[k].key, hits, RESOLVE_LOOKUP_MAX, &n_h, d)) != PC_OK)
			return rc;
		add_readings(c, &l, al[k].key, rel, al[k].dist, listed, hits, n_h);
	}
	*out = cache_store(c, slot, key, CACHE_NAME, &l);
	return PC_OK;
}

/* Is WORD the name NAME with an adjective's ending ("victorian" from
 * "victoria", "texan" from "texas" less its s), or that adjective's
 * plural?  Then it is that name's adjective, spelt right, not a slip for
 * the name. */
static int derives_from(const char *word, const char *name)
{
	static const char *const ends[] = { "n", "an", "ian", "ese", "er", "ite", "i" };
	size_t wl = strlen(word), nl = strlen(name), i;

	/* Its plural too ("south koreans", "texans", "new yorkers"). */
	if (wl > nl + 1 && word[wl - 1] == 's') {
		char sing[256];
		if (wl - 1 < sizeof sing) {
			memcpy(sing, word, wl - 1);
			sing[wl - 1] = '\0';
			if (derives_from(sing, name))
				return 1;
		}
	}

	if (wl <= nl || strncmp(word, name, nl) != 0)
		return 0;
	/* A bare "n" makes an adjective of a name that ends in a vowel
	 * (Kenyan, Victorian); after a consonant it is a letter typed twice
	 * ("Londonn"). */
	if (strcmp(word + nl, "n") == 0 && !strchr("aeiouy", name[nl - 1]))
		return 0;
	for (i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if (strcmp(word + nl, ends[i]) == 0)
			return 1;
	return 0;
}

/* Is WORD the plural of NAME ("sri lankans", "the koreas")?  A plural
 * of a name or of a demonym is spelt right. */
static int plural_of(const char *word, const char *name)
{
	size_t nl = strlen(name);

	return strncmp(word, name, nl) == 0 && strcmp(word + nl, "s") == 0;
}

/* The names a word no list knows may be a misspelling of (near keys). */
static enum pc_rc word_alts(struct resolve_cache *c, const char *key, int maxd, struct resolve_cache_ent **out,
			    struct diag *d)
{
	int what = maxd >= 2 ? CACHE_WORD2 : CACHE_WORD;
	struct resolve_cache_ent **slot = cache_slot(c, key, what);
	struct db_alike near[16];
	struct db_hit *hits;
	struct alt_list l = { 0 };
	size_t n_near = 0, k, j, n_h;
	enum pc_rc rc;

	if (*slot) {
		*out = *slot;
		return PC_OK;
	}
	if ((rc = db_near_keys(c->db, key, maxd, near, 16, &n_near, d)) != PC_OK)
		return rc;
	hits = arena_alloc(&c->a, RESOLVE_LOOKUP_MAX * sizeof *hits);
	for (k = 0; k < n_near; k++) {
		if ((rc = db_names_lookup(c->db, near[k].key, hits, RESOLVE_LOOKUP_MAX, &n_h, d)) != PC_OK)
			return rc;
		for (j = 0; j < n_h; j++) {
			const struct db_hit *h = &hits[j];
			struct resolve_alt *al;
			struct db_place *pl;
			if (h->name_kind == DB_NAME_ABBREV || h->name_kind == DB_NAME_ALT)
				continue;
			if ((h->name_kind != DB_NAME_DEMONYM && derives_from(key, near[k].key)) ||
			    plural_of(key, near[k].key))
				continue;
			if (h->place.kind == DB_KIND_PLACE && h->place.population < RESOLVE_MISSPELL_MIN_POP)
				continue;
			pl = arena_alloc(&c->a, sizeof *pl);
			*pl = h->place;
			al = alt_push(&l, &c->a);
			al->place = pl;
			al->key = arena_strdup(&c->a, near[k].key);
			/* The name the writer was spelling where it is a name of
			 * its own: "Amercia" is a slip for "America", a short form
			 * of the United States, not for "United States".  (Not the
			 * ASCII spelling: "Koelnn" is a slip for Köln, whose ASCII
			 * name GeoNames gives as "Koeln".) */
			al->form = arena_strdup(&c->a, (h->name_kind == DB_NAME_SHORT || h->name_kind == DB_NAME_DEMONYM) && h->form[0]
							       ? h->form : h->place.name);
			al->rel = RESOLVE_REL_MISSPELL;
			al->dist = near[k].dist;
			al->name_kind = h->name_kind;
		}
	}
	*out = cache_store(c, slot, key, what, &l);
	return PC_OK;
}

/* ---- per mention ------------------------------------------------------------------ */

/* What the qualifier of mention M says of its name (enum resolve_qual). */
static int qual_state(struct resolve_state *rs, size_t m)
{
	const struct mention *mn = &rs->mr->m[m];
	const struct mention *q = &rs->mr->m[mn->qualifier];
	int weak = 0;
	size_t j;

	for (j = 0; j < mn->n_cands; j++)
		if (resolve_inside(q, &mn->cands[j].place))
			return RESOLVE_QUAL_HOLDS;
	/* The readings are capped at the most populous: ask the database
	 * whether a smaller place of the name lies in the region.  Not for
	 * a name that is itself a qualifier, read as a region only: in
	 * "Stroud, Ontario, United States" no town called Ontario counts. */
	for (j = 0; j < q->n_cands && !(mn->flags & MATCH_QUALIFIER); j++) {
		const struct db_place *reg = &q->cands[j].place;
		struct db_in_region info;
		/* (A county's own admin2 code, like a group's list of them.) */
		if (!db_name_in_region(rs->db, mn->key, reg->country,
				       reg->kind == DB_KIND_ADMIN1 || reg->kind == DB_KIND_ADMIN2 ? reg->admin1 : NULL,
				       db_place_is_admin2_group(reg) || reg->kind == DB_KIND_ADMIN2 ? reg->admin2 : NULL,
				       &info))
			continue;
		if (info.name_kind != DB_NAME_ALT || info.population >= RESOLVE_HAMLET_POP)
			return RESOLVE_QUAL_HOLDS;
		if (!weak) {
			weak = 1;
			rs->rm[m].qual_hamlet = arena_alloc(rs->a, sizeof info);
			*rs->rm[m].qual_hamlet = info;
		}
	}
	if (weak)
		return RESOLVE_QUAL_HAMLET;
	/* A state qualifier: ask once more of its whole country. */
	for (j = 0; j < q->n_cands && !(mn->flags & MATCH_QUALIFIER); j++) {
		const struct db_place *reg = &q->cands[j].place;
		struct db_in_region info;
		if ((reg->kind == DB_KIND_ADMIN1 || reg->kind == DB_KIND_ADMIN2) &&
		    db_name_in_region(rs->db, mn->key, reg->country, NULL, NULL, &info)) {
			rs->rm[m].qual_country_has = 1;
			break;
		}
	}
	return RESOLVE_QUAL_NOT;
}

/*
 * Does mention MN stand beside another capitalised word of its sentence
 * ("Rapid Wien", "Spartak Moskva", "Wien Energie")?  A city's name in
 * another language turns up in English copy mostly inside the name of a
 * club or a firm that keeps it on purpose; written alone, in running text
 * ("talks in Moskau"), it is the slip.  A sentence's first word is
 * capitalised for the sentence ("In Moskau, ...").
 */
static int in_capitalised_name(const struct resolve_state *rs, const struct mention *mn)
{
	const struct scan_doc *s = rs->s;
	const struct scan_tok *t0 = &s->toks[mn->tok_start];
	const unsigned word_cap = SCAN_WORD | SCAN_CAP;

	if (mn->tok_start > 0) {
		const struct scan_tok *p = &s->toks[mn->tok_start - 1];
		if ((p->flags & word_cap) == word_cap && !(p->flags & SCAN_SENT_START) && p->sent == t0->sent &&
		    (t0->flags & SCAN_SPACE_BEFORE))
			return 1;
	}
	if (mn->tok_end < s->n_toks) {
		const struct scan_tok *q = &s->toks[mn->tok_end];
		if ((q->flags & word_cap) == word_cap && q->sent == t0->sent && (q->flags & SCAN_SPACE_BEFORE))
			return 1;
	}
	return 0;
}

/* Is mention M a demonym ("Austrian")? Its alternatives are demonyms. */
static int is_demonym(const struct mention *mn)
{
	return (mn->flags & MATCH_DEMONYM) != 0;
}

/* Push to L the alternative T of relation REL under T's own name, for a
 * mention whose key is LKEY (arena). */
static struct resolve_alt *place_alt(struct resolve_state *rs, struct alt_list *l, const struct db_place *t, int rel,
				     const char *lkey)
{
	struct resolve_alt *al = alt_push(l, rs->a);
	struct buf k;

	buf_init(&k, 128);
	al->place = t;
	al->key = db_key(t->name, strlen(t->name), &k) == PC_OK ? arena_strdup(rs->a, buf_str(&k)) : "";
	al->form = t->name;
	al->rel = rel;
	al->dist = strdist_osa(lkey, al->key, 9);
	al->name_kind = DB_NAME_MAIN;
	buf_free(&k);
	return al;
}

/* Push to L the places NEAR[0..N) as alternatives of relation REL, each
 * under the name it was found by; not a place L holds already, nor the
 * place SKIP (0: none). */
static void push_near_names(struct resolve_state *rs, struct alt_list *l, const struct db_near_name *near, size_t n,
			    int rel, int64_t skip)
{
	size_t i, k;

	for (k = 0; k < n; k++) {
		struct resolve_alt *al;
		struct db_place *pl;
		int dup = near[k].hit.place.id == skip;
		for (i = 0; i < l->n && !dup; i++)
			dup = l->v[i].place->id == near[k].hit.place.id;
		if (dup)
			continue;
		pl = arena_alloc(rs->a, sizeof *pl);
		*pl = near[k].hit.place;
		al = alt_push(l, rs->a);
		al->place = pl;
		al->key = arena_strdup(rs->a, near[k].key);
		al->form = pl->name;
		al->rel = rel;
		al->dist = near[k].dist;
		al->name_kind = near[k].hit.name_kind;
	}
}

/*
 * Places of the region qualifier Q names whose names are a small edit
 * from KEY, pushed to L as alternatives of relation REL: "Wilmont, N.H."
 * for Wilmot, "Tonawonda, New York" for Tonawanda.  A writer who named
 * the region vouches for a place there, however small: the look-alike and
 * near-miss indexes hold prominent names only.  A state, province or
 * county only: a country holds too many towns an edit from any word.
 * MAXD edits at most.
 */
static enum pc_rc region_near_alts(struct resolve_state *rs, const char *key, size_t q, int rel, int maxd,
				   struct alt_list *l, struct diag *d)
{
	const struct mention *qm = &rs->mr->m[q];
	struct db_near_name near[RESOLVE_REGION_NEAR_MAX];
	size_t len = utf8_count(key, strlen(key)), j, n;
	enum pc_rc rc;

	if (len < RESOLVE_NEAR_NAME_LEN)
		return PC_OK;
	for (j = 0; j < qm->n_cands; j++) {
		const struct db_place *reg = &qm->cands[j].place;
		int group = db_place_is_admin2_group(reg);
		if (reg->kind != DB_KIND_ADMIN1 && !group)
			continue;
		if (!rs->region_near_left)
			return PC_OK;
		rs->region_near_left--;
		if ((rc = db_near_in_region(rs->db, key, reg->country, reg->admin1, group ? reg->admin2 : NULL, maxd,
					    near, RESOLVE_REGION_NEAR_MAX, &n, d)) != PC_OK)
			return rc;
		push_near_names(rs, l, near, n, rel, 0);
	}
	return PC_OK;
}

/* Is mention I a town the story is told from: kept, read as a populated
 * place, not a demonym or an abbreviation? */
static const struct db_place *anchor_place(const struct resolve_state *rs, size_t i)
{
	const struct mention *mn = &rs->mr->m[i];
	const struct resolve_mention *r = &rs->rm[i];

	if (!r->keep || r->best < 0 || (mn->flags & (MATCH_DEMONYM | MATCH_REGION_ABBR)))
		return NULL;
	return mn->cands[r->best].place.kind == DB_KIND_PLACE ? &mn->cands[r->best].place : NULL;
}

/*
 * The towns the story is told from (rs->anchor): the places of its
 * datelines, then those of its most written town names, one each, at most
 * RESOLVE_LOCAL_ANCHORS.  One pass over the mentions for the datelines and
 * one per anchor taken: a story of any length costs its mentions times a
 * constant.
 */
static void find_anchors(struct resolve_state *rs)
{
	size_t i, j, k;

	rs->anchors_found = 1;
	rs->anchor = arena_alloc(rs->a, RESOLVE_LOCAL_ANCHORS * sizeof *rs->anchor);
	for (i = 0; i < rs->mr->n && rs->n_anchor < RESOLVE_LOCAL_ANCHORS; i++) {
		const struct db_place *p = anchor_place(rs, i);
		int dup = 0;
		if (!p || !(rs->mr->m[i].flags & MATCH_DATELINE))
			continue;
		for (j = 0; j < rs->n_anchor && !dup; j++)
			dup = rs->anchor[j]->id == p->id;
		if (!dup)
			rs->anchor[rs->n_anchor++] = p;
	}
	while (rs->n_anchor < RESOLVE_LOCAL_ANCHORS) {
		const struct db_place *best = NULL;
		size_t best_n = 0;
		for (i = 0; i < rs->mr->n; i++) {
			const struct db_place *p = anchor_place(rs, i);
			size_t cnt = p ? rs->kcount[rs->key_id[i]] : 0;
			int dup = 0;
			if (!p || cnt <= best_n)
				continue;
			for (k = 0; k < rs->n_anchor && !dup; k++)
				dup = rs->anchor[k]->id == p->id;
			if (!dup) {
				best = p;
				best_n = cnt;
			}
		}
		if (!best)
			break;
		rs->anchor[rs->n_anchor++] = best;
	}
}

/*
 * Word W stands where a place stands: to its alternatives, add the places
 * within RESOLVE_LOCAL_KM of the story's towns one edit from it ("Harwick"
 * in a story from Selkirk: Hawick; two edits would be tens of thousands of
 * variants to ask, db_near_around).  The near-miss index holds prominent
 * names only, and the small places a writer misspells are those of the
 * story's own county.  The model weighs them as any misspelling, by what
 * the story says for each (the town named nearby is support already).
 */
static enum pc_rc local_near_alts(struct resolve_state *rs, size_t w, struct diag *d)
{
	struct resolve_word *rw = &rs->rw[w];
	struct db_near_name near[RESOLVE_LOCAL_NEAR_MAX];
	struct alt_list l = { 0 };
	size_t i, j, n;
	enum pc_rc rc;

	if (!rs->anchors_found)
		find_anchors(rs);
	if (!rs->n_anchor)
		return PC_OK;
	for (i = 0; i < rw->n_alts; i++)
		*alt_push(&l, rs->a) = rw->alts[i];
	for (j = 0; j < rs->n_anchor && rs->local_near_left; j++) {
		const struct db_place *an = rs->anchor[j];
		rs->local_near_left--;
		if ((rc = db_near_around(rs->db, rw->key, an->lat, an->lon, RESOLVE_LOCAL_KM, near,
					 RESOLVE_LOCAL_NEAR_MAX, &n, d)) != PC_OK)
			return rc;
		push_near_names(rs, &l, near, n, RESOLVE_REL_MISSPELL, an->id);
	}
	rw->alts = l.v;
	rw->n_alts = l.n;
	return PC_OK;
}

/*
 * Countries whose places are named in English to begin with: GeoNames'
 * alternate names for them are old spellings and misspellings, where
 * elsewhere a letter or two apart is as often a second transliteration
 * (Tiruvarur and Thiruvarur, Sheikhupura and Shekhupura).
 */
static int english_named(const char *cc)
{
	static const char *const ccs[] = { "GB", "IE", "US", "CA", "AU", "NZ" };
	size_t i;

	for (i = 0; i < sizeof ccs / sizeof ccs[0]; i++)
		if (strcmp(cc, ccs[i]) == 0)
			return 1;
	return 0;
}

/* Is token T the word "capital" in lower case (not the "Capital" of a
 * name: "the Australian Capital Territory")? */
static int capital_word(const struct scan_doc *s, size_t t)
{
	return t < s->n_toks && scan_is_word(s, t, "capital") && s->text[s->toks[t].off] == 'c';
}

/* The token after "capital" at T, past an optional "city". */
static size_t after_capital(const struct scan_doc *s, size_t t)
{
	return t + 1 < s->n_toks && scan_is_word(s, t + 1, "city") ? t + 2 : t + 1;
}

/* The region mention Q reads as (a country or a first-level region,
 * named or as a demonym), or NULL. */
static const struct db_place *claimed_region(const struct resolve_state *rs, size_t q)
{
	const struct db_place *p;

	if (q >= rs->mr->n || rs->rm[q].best < 0)
		return NULL;
	p = &rs->mr->m[q].cands[rs->rm[q].best].place;
	return p->kind == DB_KIND_COUNTRY || (p->kind == DB_KIND_ADMIN1 && !db_place_is_admin2_group(p)) ? p : NULL;
}

/*
 * Does the text around mention M call it the capital of a region?  "the
 * Australian capital, Sydney", "Australia's capital, Sydney", "Sydney, the
 * capital of Australia", "Sydney, the Australian capital", "Sydney,
 * Australia's capital", "Burlington, the state capital".  Returns the
 * region's country code and, for a state or province, its admin1 code in
 * *CC and *A1 ("" for a country), or 0.  Only "capital" itself: "the
 * commercial capital" and "the former capital" are other claims.
 */
static int capital_claim(const struct resolve_state *rs, size_t m, const char **cc, const char **a1)
{
	const struct scan_doc *s = rs->s;
	const struct mention *mn = &rs->mr->m[m];
	const struct db_place *r = NULL, *own;
	size_t t = mn->tok_start, e = mn->tok_end, q;

	*cc = *a1 = "";
	/* Before: "the <R> capital[ city][,] X", "<R>'s capital[,] X". */
	if (m > 0 && t >= 2) {
		size_t c = scan_is_punct(s, t - 1, ',') ? t - 2 : t - 1;
		if (c > 0 && scan_is_word(s, c, "city"))
			c--;
		if (capital_word(s, c)) {
			const struct mention *rm = &rs->mr->m[m - 1];
			if (rm->tok_end == c &&
			    ((rm->tok_start > 0 && scan_is_word(s, rm->tok_start - 1, "the")) ||
			     (s->toks[c - 1].flags & SCAN_POSS)))
				r = claimed_region(rs, m - 1);
		}
	}
	/* After: "X, the capital[ city] of [the] R", "X, the R capital",
	 * "X, R's capital", "X, the state (provincial, national) capital". */
	if (!r && e + 2 < s->n_toks && scan_is_punct(s, e, ',')) {
		size_t u = e + 1;
		if (scan_is_word(s, u, "the") && capital_word(s, u + 1)) {
			u = after_capital(s, u + 1);
			if (u < s->n_toks && scan_is_word(s, u, "of")) {
				u++;
				if (u < s->n_toks && scan_is_word(s, u, "the"))
					u++;
				q = match_first_at(rs->mr, u);
				if (q < rs->mr->n && rs->mr->m[q].tok_start == u)
					r = claimed_region(rs, q);
			}
		} else if (scan_is_word(s, u, "the") && u + 2 < s->n_toks && capital_word(s, u + 2) &&
			   rs->rm[m].best >= 0 &&
			   (scan_is_word(s, u + 1, "state") || scan_is_word(s, u + 1, "provincial") ||
			    scan_is_word(s, u + 1, "national"))) {
			own = &mn->cands[rs->rm[m].best].place;
			*cc = own->country;
			*a1 = scan_is_word(s, u + 1, "national") ? "" : own->admin1;
			return own->kind == DB_KIND_PLACE && (*a1[0] || scan_is_word(s, u + 1, "national"));
		} else {
			if (scan_is_word(s, u, "the"))
				u++;
			q = match_first_at(rs->mr, u);
			if (q < rs->mr->n && rs->mr->m[q].tok_start == u && capital_word(s, rs->mr->m[q].tok_end) &&
			    (u > e + 1 || (s->toks[rs->mr->m[q].tok_end - 1].flags & SCAN_POSS)))
				r = claimed_region(rs, q);
		}
	}
	if (!r)
		return 0;
	*cc = r->country;
	*a1 = r->kind == DB_KIND_ADMIN1 ? r->admin1 : "";
	return 1;
}

/*
 * "the Australian capital, Sydney": the region's capital, when no reading
 * of the name is that capital or lies close to it (an arena copy), else
 * NULL.  GeoNames marks capitals by feature code (db_region_capital); a
 * seat of government counts as a capital (La Paz, The Hague).
 */
static const struct db_place *capital_alt(struct resolve_state *rs, size_t m)
{
	const struct mention *mn = &rs->mr->m[m];
	const char *cc, *a1;
	struct db_place cap, *out;
	size_t j;

	if (rs->rm[m].best < 0 || !capital_claim(rs, m, &cc, &a1) || !db_region_capital(rs->db, cc, a1, &cap))
		return NULL;
	/* (GeoNames lists some regions' seats as hamlets under old names.) */
	if (strcmp(cap.fcode, "PPLC") != 0 && cap.population < RESOLVE_HAMLET_POP)
		return NULL;
	for (j = 0; j < mn->n_cands; j++) {
		const struct db_place *p = &mn->cands[j].place;
		if (p->id == cap.id || (strcmp(p->country, cc) == 0 && (!a1[0] || strcmp(p->admin1, a1) == 0) &&
					db_place_is_capital(p, a1[0] != 0)))
			return NULL;
		if (p->kind == DB_KIND_PLACE && resolve_km(p->lat, p->lon, cap.lat, cap.lon) <= RESOLVE_CAPITAL_NEAR_KM)
			return NULL;
	}
	out = arena_alloc(rs->a, sizeof *out);
	*out = cap;
	return out;
}

/*
 * Mention M's alternatives: the cached look-alikes of its name (demonyms
 * for a demonym, names otherwise), then what depends on the mention: its
 * other readings where a qualifier or the dateline pins the reading, the
 * places whose other spelling it is, the qualifier's look-alike regions
 * holding a place of the name, the region's own places an edit away, the
 * capital of a region the text calls it the capital of, and the scene of
 * a speaker's "here in X".
 */
static enum pc_rc mention_alts(struct resolve_state *rs, size_t m, struct diag *d)
{
	const struct mention *mn = &rs->mr->m[m];
	struct resolve_mention *r = &rs->rm[m];
	struct resolve_cache_ent *ce = NULL;
	struct alt_list l = { 0 };
	size_t i, j;
	enum pc_rc rc;
	int own = -1, any_alt = 0, foreign, misspelt_alt = 0;
	const struct db_place *capital;

	if (mn->qualifier >= 0)
		r->qual = qual_state(rs, m);
	if ((rc = name_alts(rs->cache, mn->key, &ce, d)) != PC_OK)
		return rc;
	for (j = 0; j < mn->n_cands; j++) {
		if (own < 0 && mn->cands[j].name_kind != DB_NAME_ALT &&
		    (mn->cands[j].place.kind == DB_KIND_PLACE || mn->cands[j].place.kind == DB_KIND_COUNTRY))
			own = (int)j;
		if (mn->cands[j].name_kind == DB_NAME_ALT && mn->cands[j].place.kind == DB_KIND_PLACE)
			any_alt = 1;
	}
	/* "Deutschland", "Marocco": a country read only through another
	 * language's name of it (geodata/extra/country-names-foreign.tsv).
	 * "Moskau", "Nueva York": a city read only through a name CLDR gives
	 * it in another language (city-names-foreign.tsv, the hit's foreign
	 * flag).  Not a city's other alternate names: cities500's carry no
	 * language ("Londye", "Lunnin" beside "Londres"), so such a form
	 * cannot be told from a spelling a story keeps. */
	foreign = own < 0 && r->best >= 0 && mn->cands[r->best].name_kind == DB_NAME_ALT &&
		  (mn->cands[r->best].place.kind == DB_KIND_COUNTRY ||
		   (mn->cands[r->best].place.kind == DB_KIND_PLACE && mn->cands[r->best].foreign &&
		    !in_capitalised_name(rs, mn)));
	/* Most mentions have only their name's look-alikes: they share the
	 * cache's array (the detector skips the demonym ones for a name and
	 * the others for a demonym), so that a name written 300,000 times
	 * costs one list, not 300,000 copies. */
	capital = is_demonym(mn) ? NULL : capital_alt(rs, m);
	/* "East Kilbridge": a name no place carries as its own, read only
	 * as an alternate name GeoNames records for a place whose own name
	 * is a letter or two away.  GeoNames keeps common misspellings among
	 * the alternate names; an accepted English spelling (Odessa for
	 * Odesa) is no slip, and another language's name is foreign's.  In
	 * English-named countries only (english_named). */
	if (own < 0 && !foreign && r->best >= 0 && mn->cands[r->best].name_kind == DB_NAME_ALT &&
	    mn->cands[r->best].place.kind == DB_KIND_PLACE && !mn->cands[r->best].foreign &&
	    english_named(mn->cands[r->best].place.country)) {
		struct buf k;
		buf_init(&k, 128);
		if (db_key(mn->cands[r->best].place.name, strlen(mn->cands[r->best].place.name), &k) == PC_OK && k.len) {
			int dist = strdist_osa(mn->key, buf_str(&k), RESOLVE_STORY_DIST);
			misspelt_alt = dist >= 1 && dist <= RESOLVE_STORY_DIST && !db_same_spelling(rs->db, mn->key, buf_str(&k));
		}
		buf_free(&k);
	}
	if (is_demonym(mn) || !(mn->qualifier >= 0 || (mn->flags & (MATCH_DATELINE | MATCH_HERE)) ||
				(own >= 0 && any_alt) || foreign || capital || misspelt_alt ||
				(r->best >= 0 && mn->cands[r->best].name_kind == DB_NAME_SHORT))) {
		r->alts = ce->alts;
		r->n_alts = ce->n;
		return PC_OK;
	}
	for (i = 0; i < ce->n; i++)
		*alt_push(&l, rs->a) = ce->alts[i];
	/* "Republic of Paraguay", "the U.S.": the look-alikes of the
	 * place's own name too. */
	if (r->best >= 0 && mn->cands[r->best].name_kind == DB_NAME_SHORT) {
		struct buf k;
		buf_init(&k, 128);
		if (db_key(mn->cands[r->best].place.name, strlen(mn->cands[r->best].place.name), &k) == PC_OK &&
		    k.len && strcmp(buf_str(&k), mn->key) != 0) {
			struct resolve_cache_ent *ce2 = NULL;
			if ((rc = name_alts(rs->cache, buf_str(&k), &ce2, d)) != PC_OK) {
				buf_free(&k);
				return rc;
			}
			for (i = 0; i < ce2->n; i++)
				if (ce2->alts[i].rel != RESOLVE_REL_DEMONYM)
					*alt_push(&l, rs->a) = ce2->alts[i];
		}
		buf_free(&k);
	}
	/* The same name elsewhere, where the writer pinned one down: every
	 * reading, the chosen one too when the qualifier rules it out. */
	if (mn->qualifier >= 0 || (mn->flags & MATCH_DATELINE)) {
		size_t kept = 0;
		/* The chosen reading is an alternative too where it lies
		 * outside the qualifier's region (the region holds no place of
		 * the name, or only one too small to be among the readings). */
		int ruled_out = mn->qualifier >= 0 && r->best >= 0 &&
				!resolve_inside(&rs->mr->m[mn->qualifier], &mn->cands[r->best].place);
		int county_qualified = 0;
		if (mn->qualifier >= 0) {
			const struct mention *q = &rs->mr->m[mn->qualifier];
			for (j = 0; j < q->n_cands; j++)
				county_qualified |= db_place_is_admin2_group(&q->cands[j].place);
		}
		for (j = 0; j < mn->n_cands && kept < RESOLVE_ALT_READINGS; j++) {
			const struct match_cand *c = &mn->cands[j];
			struct resolve_alt *al;
			if (((int)j == r->best && !ruled_out) || c->name_kind == DB_NAME_ABBREV)
				continue;
			/* "Washington, D.C.": a name the writer placed in a
			 * region is a town; the state that carries the name is
			 * no reading of it (a state qualified by its country,
			 * "Georgia, Russia", is read as a state). */
			if (mn->qualifier >= 0 && !(mn->flags & MATCH_STATE_QUAL) &&
			    (c->place.kind == DB_KIND_ADMIN1 || c->place.kind == DB_KIND_COUNTRY))
				continue;
			al = alt_push(&l, rs->a);
			al->place = &c->place;
			al->key = mn->key;
			al->form = c->place.name;
			al->rel = RESOLVE_REL_ELSEWHERE;
			al->name_kind = c->name_kind;
			/* A writer who names a county is answered with one. */
			if (county_qualified && (c->place.kind == DB_KIND_PLACE || c->place.kind == DB_KIND_ADMIN2))
				al->county = county_of(rs->cache, &c->place);
			kept++;
		}
	}
	/* "Sidney" for Sydney: readings through another spelling, beside a
	 * place that carries the name as its own; or the one reading of a
	 * misspelling GeoNames records ("East Kilbridge", above). */
	if (own >= 0 || misspelt_alt)
		for (j = 0; j < mn->n_cands; j++) {
			const struct match_cand *c = &mn->cands[j];
			struct resolve_alt *al;
			struct buf k;
			if (c->name_kind != DB_NAME_ALT || c->place.kind != DB_KIND_PLACE || (misspelt_alt && (int)j != r->best))
				continue;
			buf_init(&k, 128);
			if (db_key(c->place.name, strlen(c->place.name), &k) != PC_OK || !k.len) {
				buf_free(&k);
				continue;
			}
			al = alt_push(&l, rs->a);
			al->place = &c->place;
			al->key = arena_strdup(rs->a, buf_str(&k));
			al->form = c->place.name;
			al->rel = RESOLVE_REL_VARIANT;
			al->dist = strdist_osa(mn->key, al->key, 3);
			al->name_kind = DB_NAME_MAIN;
			al->accepted = db_same_spelling(rs->db, mn->key, al->key);
			buf_free(&k);
		}
	if (foreign) {
		const struct match_cand *c = &mn->cands[r->best];
		struct buf k;
		buf_init(&k, 128);
		if (db_key(c->place.name, strlen(c->place.name), &k) == PC_OK && k.len &&
		    strcmp(buf_str(&k), mn->key) != 0 && !db_same_spelling(rs->db, mn->key, buf_str(&k))) {
			struct resolve_alt *al = alt_push(&l, rs->a);
			al->place = &c->place;
			al->key = arena_strdup(rs->a, buf_str(&k));
			al->form = c->place.name;
			al->rel = RESOLVE_REL_FOREIGN;
			al->dist = strdist_osa(mn->key, al->key, 9);
			al->name_kind = DB_NAME_MAIN;
		}
		buf_free(&k);
	}
	/* "Melbourne, Austria": a look-alike of the region holds the place. */
	if (mn->qualifier >= 0 && r->qual != RESOLVE_QUAL_HOLDS) {
		const struct mention *q = &rs->mr->m[mn->qualifier];
		struct resolve_cache_ent *qe = NULL;
		if (q->n_cands && q->cands[0].place.kind != DB_KIND_PLACE) {
			if ((rc = name_alts(rs->cache, q->key, &qe, d)) != PC_OK)
				return rc;
			for (i = 0; i < qe->n; i++) {
				const struct resolve_alt *ra = &qe->alts[i];
				if (ra->rel == RESOLVE_REL_DEMONYM || ra->rel == RESOLVE_REL_REGION_OF ||
				    ra->place->kind != q->cands[0].place.kind)
					continue;
				for (j = 0; j < mn->n_cands; j++) {
					const struct match_cand *c = &mn->cands[j];
					struct resolve_alt *al;
					if (c->place.kind != DB_KIND_PLACE || c->name_kind == DB_NAME_ALT ||
					    !db_place_in_region(&c->place, ra->place))
						continue;
					al = alt_push(&l, rs->a);
					al->place = &c->place;
					al->via = ra->place;
					al->key = mn->key;
					al->form = c->place.name;
					al->rel = RESOLVE_REL_REGION_ALIKE;
					al->dist = ra->dist;
					al->name_kind = c->name_kind;
					al->listed = ra->listed;
					break;
				}
			}
		}
	}
	if (capital)
		place_alt(rs, &l, capital, RESOLVE_REL_CAPITAL, mn->key);
	/* "Wilmont, N.H.": no Wilmont there, but a Wilmot.  One edit only:
	 * a name that is a place elsewhere is more often the right name in
	 * the wrong region than two slips from a town of the region named
	 * ("Sukoharjo, West Java" is Central Java's, not West Java's
	 * Sukaharja). */
	if (mn->qualifier >= 0 && r->qual == RESOLVE_QUAL_NOT && !(mn->flags & MATCH_QUALIFIER) &&
	    (rc = region_near_alts(rs, mn->key, (size_t)mn->qualifier, RESOLVE_REL_EDIT, 1, &l, d)) != PC_OK)
		return rc;
	/* "Thank you, Sioux City!" under a SIOUX FALLS dateline: the scene. */
	if ((mn->flags & MATCH_HERE) && r->best >= 0) {
		int sc = rs->scene[r->seg];
		if (sc >= 0 && (size_t)sc != m && rs->rm[sc].best >= 0) {
			const struct db_place *p = &rs->mr->m[sc].cands[rs->rm[sc].best].place, *t = p;
			const struct db_place *lp = &mn->cands[r->best].place;
			/* "Thank you, Montreal!" read as the census division:
			 * the crowd is hailed as the town of the name. */
			if (lp->kind == DB_KIND_ADMIN2) {
				const struct db_place *div = lp;
				for (j = 0; j < mn->n_cands; j++) {
					const struct db_place *c = &mn->cands[j].place;
					if (c->kind == DB_KIND_PLACE && strcmp(c->country, div->country) == 0 &&
					    strcmp(c->admin1, div->admin1) == 0) {
						lp = c;
						break;
					}
				}
			}
			if (lp->kind == DB_KIND_ADMIN1 || lp->kind == DB_KIND_COUNTRY) {
				t = p->kind == lp->kind ? p : region_row(rs->cache, p, lp->kind == DB_KIND_ADMIN1);
			} else if (p->kind != lp->kind) {
				/* "MANCHESTER, England" read as the borough: the town
				 * of the dateline's name is the speaker's place. */
				const struct mention *sm = &rs->mr->m[sc];
				for (j = 0; j < sm->n_cands; j++)
					if (sm->cands[j].place.kind == lp->kind) {
						t = &sm->cands[j].place;
						break;
					}
			}
			if (t && t->id != lp->id && t->kind == lp->kind) {
				struct resolve_alt *al = place_alt(rs, &l, t, RESOLVE_REL_SCENE, mn->key);
				const char *written = rs->mr->m[sc].cands[rs->rm[sc].best].form;
				/* The place as the dateline writes it ("HULL": Hull, not
				 * GeoNames' Kingston upon Hull). */
				if (t == p && written && written[0])
					al->form = written;
			}
		}
		/* No dateline: "here in Pennsylvania", said by someone quoted in
		 * a story that names Ohio again and again.  A state for a state,
		 * a country for a country; the model weighs how much the story
		 * says of each.  (Quoted only: the narration's "back in America"
		 * is where someone came from, and without a dateline nothing
		 * says where the writer stands.) */
		if (sc < 0 && r->best >= 0 && (mn->flags & MATCH_QUOTED)) {
			const struct db_place *lp = &mn->cands[r->best].place;
			const int *top = lp->kind == DB_KIND_ADMIN1	 ? rs->body_scene[r->seg].admin1
					 : lp->kind == DB_KIND_COUNTRY ? rs->body_scene[r->seg].country
								       : NULL;
			for (j = 0; top && j < RESOLVE_BODY_SCENE_MAX && top[j] >= 0; j++) {
				const struct mention *tm = &rs->mr->m[top[j]];
				const struct db_place *t = &tm->cands[rs->rm[top[j]].best].place;
				struct resolve_alt *al;
				if (t->id == lp->id || rs->key_id[top[j]] == rs->key_id[m])
					continue;
				al = alt_push(&l, rs->a);
				al->place = t;
				al->key = tm->key;
				al->form = t->name;
				al->rel = RESOLVE_REL_SCENE;
				al->dist = strdist_osa(mn->key, al->key, 9);
				al->name_kind = DB_NAME_MAIN;
				al->body_scene = 1;
			}
		}
	}
	r->alts = l.v;
	r->n_alts = l.n;
	return PC_OK;
}

/* ---- words no list knows ---------------------------------------------------------- */

/* Does KEY end like an English demonym ("-ian", "-ese", "-ish", "-i")?
 * The ending's length in bytes, or 0. */
static int demonym_shaped(const char *key)
{
	static const char *const ends[] = { "ean", "ese", "ish", "an", "ic", "i" };
	size_t len = strlen(key), i;

	for (i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		size_t el = strlen(ends[i]);
		if (len > el + 2 && strcmp(key + len - el, ends[i]) == 0)
			return (int)el;
	}
	return 0;
}

/*
 * Is the word U where a place stands: followed by ", <kept place>" (a
 * qualifier) or beside a kept place in a list ("Lagos, Abuja and Kano")?
 */
static int word_in_place_position(const struct resolve_state *rs, const struct match_unknown *u)
{
	const struct scan_doc *s = rs->s;
	size_t i = match_first_at(rs->mr, u->tok_end + 1);

	if (i < rs->mr->n && rs->mr->m[i].tok_start == u->tok_end + 1 && scan_is_punct(s, u->tok_end, ',') &&
	    rs->rm[i].keep && rs->rm[i].best >= 0)
		return 1;
	/* the mention just after: "tabled by Fracce and Germany" */
	if ((scan_is_word(s, u->tok_end, "and") || scan_is_word(s, u->tok_end, "or")) && i < rs->mr->n &&
	    rs->mr->m[i].tok_start == u->tok_end + 1 && rs->rm[i].keep && rs->rm[i].best >= 0)
		return 1;
	/* the mention just before: "Lagos, Burkino", "Kano and Burkino",
	 * or with a serial comma "Lesotho, Sri Lanka, and Bangaldesh" */
	i = match_first_at(rs->mr, u->tok_start);
	if (i > 0) {
		const struct mention *b = &rs->mr->m[i - 1];
		size_t t = b->tok_end;
		int joined = 0;
		if (scan_is_punct(s, t, ',')) {
			t++;
			joined = 1;
		}
		if (scan_is_word(s, t, "and") || scan_is_word(s, t, "or")) {
			t++;
			joined = 1;
		}
		if (joined && t == u->tok_start && rs->rm[i - 1].keep && rs->rm[i - 1].best >= 0)
			return 1;
	}
	return 0;
}

/* Is token T inside a cue phrase of the story ("Bollywood")? */
static int in_cue(const struct resolve_state *rs, size_t t)
{
	const struct ctx *c = rs->ctx;
	size_t lo = 0, hi = c->n_ev, i;

	while (lo < hi) { /* first item with tok > t */
		size_t mid = lo + (hi - lo) / 2;
		if (c->ev[mid].tok <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i-- > 0 && t - c->ev[i].tok < MATCH_MAX_WORDS * 4;)
		if (c->ev[i].source == CTX_SRC_CUE && t < c->ev[i].tok_end)
			return 1;
	return 0;
}

/*
 * The alternatives of the two-word key of tokens A and B (the unknown word
 * and a capitalised neighbour): "Burkino Faso", "San Bernadino".  On a hit,
 * *KEY is the two words' key (arena) and *CE their alternatives.
 */
static enum pc_rc two_word_alts(struct resolve_state *rs, size_t a, size_t b, const char **key,
				struct resolve_cache_ent **ce, struct diag *d)
{
	const struct scan_doc *s = rs->s;
	struct resolve_cache_ent *e = NULL;
	struct buf k2;
	enum pc_rc rc = PC_OK;

	buf_init(&k2, 256);
	if (db_key(s->text + s->toks[a].off, s->toks[a].len, &k2) == PC_OK) {
		buf_putc(&k2, ' ');
		if (db_key(s->text + s->toks[b].off, s->toks[b].len, &k2) == PC_OK &&
		    (rc = word_alts(rs->cache, buf_str(&k2),
				    utf8_count(buf_str(&k2), k2.len) >= RESOLVE_TWO_NEAR2_LEN ? 2 : 1, &e, d)) == PC_OK &&
		    e->n) {
			*ce = e;
			*key = e->key;
		}
	}
	buf_free(&k2);
	return rc;
}

/* The fewest edits between a word and one of its alternatives CE. */
static int alts_min_dist(const struct resolve_cache_ent *ce)
{
	int best = INT_MAX;
	size_t i;

	for (i = 0; i < ce->n; i++)
		if (ce->alts[i].dist < best)
			best = ce->alts[i].dist;
	return best;
}

/* Is token T a capitalised word of the same sentence as token U? */
static int cap_word_beside(const struct scan_doc *s, size_t t, size_t u)
{
	return t < s->n_toks && (s->toks[t].flags & SCAN_WORD) && (s->toks[t].flags & SCAN_CAP) &&
	       !(s->toks[t].flags & SCAN_DOTTED) && s->toks[t].sent == s->toks[u].sent;
}

/*
 * The story's own place names, most written first, at most MAX of them,
 * into OUT as mention indices (one per name key, read as a place of
 * RESOLVE_HAMLET_POP or a region); returns how many.
 */
static size_t story_keys(const struct resolve_state *rs, size_t *out, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < rs->mr->n; i++) {
		const struct mention *mn = &rs->mr->m[i];
		const struct db_place *p;
		size_t cnt;
		if (rs->key_id[i] != (int)i || !rs->rm[i].keep || rs->rm[i].best < 0 ||
		    (mn->flags & (MATCH_DEMONYM | MATCH_REGION_ABBR)))
			continue;
		p = &mn->cands[rs->rm[i].best].place;
		if (p->kind == DB_KIND_PLACE && p->population < RESOLVE_HAMLET_POP)
			continue;
		cnt = rs->kcount[i];
		/* insertion into OUT, by count, descending */
		if (n == max && rs->kcount[out[n - 1]] >= cnt)
			continue;
		j = n < max ? n++ : n - 1;
		while (j > 0 && rs->kcount[out[j - 1]] < cnt) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = i;
	}
	return n;
}

/* The alternatives of word W: the cached near names CE, and the story's
 * own names SK (N_SK) two edits from it (arena). */
static void story_alts(struct resolve_state *rs, const char *key, const struct resolve_cache_ent *ce,
		       const size_t *sk, size_t n_sk, int maxd, struct resolve_alt **alts, size_t *n_alts)
{
	struct alt_list l = { 0 };
	size_t i, j;

	for (i = 0; i < n_sk; i++) {
		const struct mention *mn = &rs->mr->m[sk[i]];
		struct resolve_alt *al;
		int dist = strdist_osa(key, mn->key, maxd);
		if (dist > maxd || derives_from(key, mn->key) || plural_of(key, mn->key))
			continue;
		for (j = 0; j < ce->n && strcmp(ce->alts[j].key, mn->key) != 0; j++)
			;
		if (j < ce->n)
			continue;
		if (!l.n)
			for (j = 0; j < ce->n; j++)
				*alt_push(&l, rs->a) = ce->alts[j];
		al = alt_push(&l, rs->a);
		al->place = &mn->cands[rs->rm[sk[i]].best].place;
		al->key = mn->key;
		al->form = al->place->name;
		al->rel = RESOLVE_REL_MISSPELL;
		al->dist = dist;
		al->name_kind = mn->cands[rs->rm[sk[i]].best].name_kind;
	}
	if (l.n) {
		*alts = l.v;
		*n_alts = l.n;
	} else {
		*alts = ce->alts;
		*n_alts = ce->n;
	}
}

/*
 * Read tokens A and B (A + 1 == B), one of them unknown word W, as one
 * name when their near names come no farther than W's own (*CE): then
 * *CE becomes theirs and W's span grows to both.  An unknown word before
 * W that the pair takes in ("Kuala") loses its own reading.
 */
static enum pc_rc take_pair(struct resolve_state *rs, size_t w, size_t a, size_t b, struct resolve_cache_ent **ce,
			    struct diag *d)
{
	const struct scan_doc *s = rs->s;
	struct resolve_word *rw = &rs->rw[w];
	struct resolve_cache_ent *c2 = NULL;
	const char *k2 = NULL;
	enum pc_rc rc;

	if ((rc = two_word_alts(rs, a, b, &k2, &c2, d)) != PC_OK)
		return rc;
	if (!c2 || !c2->n || ((*ce)->n && alts_min_dist(c2) > alts_min_dist(*ce)))
		return PC_OK;
	*ce = c2;
	rw->key = k2;
	rw->span_start = s->toks[a].off;
	rw->span_end = s->toks[b].off + s->toks[b].len;
	rw->tok_start = a;
	rw->tok_end = b + 1;
	if (w > 0 && rs->mr->unk[w - 1].tok_start == a) {
		rs->rw[w - 1].alts = NULL;
		rs->rw[w - 1].n_alts = 0;
	}
	return PC_OK;
}

static enum pc_rc word_alts_run(struct resolve_state *rs, size_t w, const size_t *sk, size_t n_sk, struct diag *d)
{
	const struct match_unknown *u = &rs->mr->unk[w];
	const struct scan_doc *s = rs->s;
	struct resolve_word *rw = &rs->rw[w];
	struct resolve_cache_ent *ce = NULL;
	struct resolve_cache_ent none = { 0 };
	size_t ulen, pv = u->tok_start > 0 ? u->tok_start - 1 : 0; /* (used only when > 0) */
	int slot, slot_pv, pv_opens = 0, nx_cap, single;
	enum pc_rc rc;

	rw->seg = rs->seg_of_sent[s->toks[u->tok_start].sent];
	rw->qual = -1;
	rw->key = u->key;
	rw->span_start = u->off;
	rw->span_end = u->off + u->len;
	rw->tok_start = u->tok_start;
	rw->tok_end = u->tok_end;
	/* The word before read this one as the second of its two words
	 * ("Noorth Dakotaa"): no reading of its own. */
	if (w > 0 && rs->rw[w - 1].n_alts && rs->rw[w - 1].tok_end > u->tok_start)
		return PC_OK;
	if (in_cue(rs, u->tok_start))
		return PC_OK;
	/* A word match also read as a mention of a place's other name
	 * ("OTTOWA", "Birmingam"): a word only where that reading was not
	 * kept.  (Also where it was, for a misspelling GeoNames keeps, was
	 * tried: GeoNames keeps the English spelling of many places as an
	 * other name one edit from a transliteration, "Grozny" of Groznyy,
	 * "Tiruvarur" of Thiruvarur, and four correct stories were flagged.) */
	{
		size_t q = match_first_at(rs->mr, u->tok_start);
		if (q < rs->mr->n && rs->mr->m[q].tok_start == u->tok_start && rs->rm[q].keep)
			return PC_OK;
	}
	slot = (u->flags & (MATCH_PLACE_SLOT | MATCH_POSS | MATCH_DATELINE)) || word_in_place_position(rs, u);
	ulen = utf8_count(u->key, strlen(u->key));
	rw->slot = slot;
	rw->demonym_shaped = demonym_shaped(u->key);
	/* "San Bernadino", "New Dehli": the capitalised word before is the
	 * first word of names the gazetteer holds, and the place slot, if
	 * any, stands before that word. */
	if (u->tok_start > 0 && cap_word_beside(s, pv, u->tok_start)) {
		struct buf k1;
		buf_init(&k1, 64);
		pv_opens = db_key(s->text + s->toks[pv].off, s->toks[pv].len, &k1) == PC_OK &&
			   db_names_may_extend(rs->db, buf_str(&k1));
		buf_free(&k1);
	}
	slot_pv = pv_opens && pv > 0 && s->toks[pv - 1].sent == s->toks[pv].sent && match_slot_word(s, pv - 1);
	nx_cap = !(u->flags & MATCH_AFTER_OPENER) && cap_word_beside(s, u->tok_end, u->tok_start);
	/* A word alone is looked at where a place stands, or when it is
	 * shaped like a demonym or long; as part of two capitalised words
	 * ("Uited States", "New Zaland") wherever it stands: the two words
	 * together are long, and rarely two edits from a name by chance. */
	single = !(u->flags & MATCH_AFTER_OPENER) &&
		 (slot || slot_pv || rw->demonym_shaped || ulen >= RESOLVE_WORD_LONG);
	if (!single && !pv_opens && !nx_cap) {
		/* "Frace" where the story writes France: a short word out of
		 * any place slot is still read against the names the story
		 * itself writes most, one edit away; the story vouches for
		 * the name, as for a long word. */
		if (!(u->flags & MATCH_AFTER_OPENER))
			story_alts(rs, u->key, &none, sk, n_sk, 1, &rw->alts, &rw->n_alts);
		return PC_OK;
	}
	if (single) {
		if ((rc = word_alts(rs->cache, u->key, ulen >= RESOLVE_NEAR2_LEN ? 2 : 1, &ce, d)) != PC_OK)
			return rc;
	} else
		ce = &none;
	/* Two capitalised words may be one misspelt name: after a word that
	 * opens longer names ("New Zeland": New Zealand, not the Dutch
	 * province of Zeeland), or before a capitalised word ("Uited
	 * States", "Portoo Alegre": Porto Alegre, not Porto).  The two are
	 * read together when they come as near a name as the word alone. */
	if (pv_opens) {
		if ((rc = take_pair(rs, w, pv, u->tok_start, &ce, d)) != PC_OK)
			return rc;
		if (rw->tok_start == pv)
			rw->slot = slot || slot_pv;
	}
	if (nx_cap && rw->tok_start == u->tok_start && (rc = take_pair(rs, w, u->tok_start, u->tok_end, &ce, d)) != PC_OK)
		return rc;
	/* (A two-word span found above is read as found.)  A name the story
	 * writes vouches for itself, however small the place: one edit from
	 * it anywhere ("Epharta" where Ephrata is written), two only where a
	 * place stands ("Comerica chief economist" is a bank beside a
	 * story's America). */
	if (rw->tok_start == u->tok_start && rw->tok_end == u->tok_end && !(u->flags & MATCH_AFTER_OPENER))
		story_alts(rs, u->key, ce, sk, n_sk, slot ? RESOLVE_STORY_DIST : 1, &rw->alts, &rw->n_alts);
	else {
		rw->alts = ce->alts;
		rw->n_alts = ce->n;
	}
	/* "Tonawonda, New York": the places of the region the writer named,
	 * however small, an edit from the word. */
	if (rw->tok_start == u->tok_start && rw->tok_end == u->tok_end) {
		size_t q = match_first_at(rs->mr, u->tok_end + 1);
		if (q < rs->mr->n && rs->mr->m[q].tok_start == u->tok_end + 1 && scan_is_punct(s, u->tok_end, ',') &&
		    rs->rm[q].keep && rs->rm[q].best >= 0 && match_cand_is_region(&rs->mr->m[q].cands[rs->rm[q].best])) {
			struct alt_list l = { 0 };
			size_t i;
			rw->qual = (int)q;
			for (i = 0; i < rw->n_alts; i++)
				*alt_push(&l, rs->a) = rw->alts[i];
			if ((rc = region_near_alts(rs, u->key, q, RESOLVE_REL_MISSPELL,
						   utf8_count(u->key, strlen(u->key)) >= RESOLVE_NEAR2_LEN ? 2 : 1, &l,
						   d)) != PC_OK)
				return rc;
			rw->alts = l.v;
			rw->n_alts = l.n;
		}
	}
	/* (Not a word the dictionary has, capitalised: "in October", "at
	 * Microsoft" are spelt right; they were half the look-ups.) */
	if (rw->slot && rw->tok_start == u->tok_start && rw->tok_end == u->tok_end &&
	    !(u->flags & (MATCH_AFTER_OPENER | MATCH_PROPER)) && ulen >= RESOLVE_NEAR_NAME_LEN &&
	    (rc = local_near_alts(rs, w, d)) != PC_OK)
		return rc;
	return PC_OK;
}

/* How many unknown words share each one's key (resolve_word.n_same). */
static void count_words(struct resolve_state *rs)
{
	const struct match_result *mr = rs->mr;
	size_t cap = 16, i, h;
	size_t *slot;

	while (cap < mr->n_unk * 2 + 2)
		cap *= 2;
	slot = arena_alloc(rs->a, cap * sizeof *slot);
	for (i = 0; i < cap; i++)
		slot[i] = (size_t)-1;
	for (i = 0; i < mr->n_unk; i++) {
		h = str_hash(mr->unk[i].key, 0) & (cap - 1);
		while (slot[h] != (size_t)-1 && strcmp(mr->unk[slot[h]].key, mr->unk[i].key) != 0)
			h = (h + 1) & (cap - 1);
		if (slot[h] == (size_t)-1)
			slot[h] = i;
		rs->rw[slot[h]].n_same++;
	}
	for (i = 0; i < mr->n_unk; i++) {
		h = str_hash(mr->unk[i].key, 0) & (cap - 1);
		while (strcmp(mr->unk[slot[h]].key, mr->unk[i].key) != 0)
			h = (h + 1) & (cap - 1);
		rs->rw[i].n_same = rs->rw[slot[h]].n_same;
	}
}

/* Insert mention M into TOP (RESOLVE_BODY_SCENE_MAX, -1 for empty), most
 * written name first; one mention per name. */
static void top_insert(const struct resolve_state *rs, int *top, size_t m)
{
	size_t cnt = rs->kcount[rs->key_id[m]], j, k;

	for (j = 0; j < RESOLVE_BODY_SCENE_MAX && top[j] >= 0; j++)
		if (rs->key_id[top[j]] == rs->key_id[m])
			return;
	for (j = 0; j < RESOLVE_BODY_SCENE_MAX && top[j] >= 0 && rs->kcount[rs->key_id[top[j]]] >= cnt; j++)
		;
	if (j == RESOLVE_BODY_SCENE_MAX)
		return;
	for (k = RESOLVE_BODY_SCENE_MAX - 1; k > j; k--)
		top[k] = top[k - 1];
	top[j] = (int)m;
}

/*
 * Each segment's body scene: of the states and the countries its kept
 * mentions name as such ("Ohio", not a town in it), the most written,
 * named at least RESOLVE_BODY_SCENE_MIN times in the document.  One pass:
 * a story of any length costs its mentions times a constant.
 */
static void body_scenes(struct resolve_state *rs)
{
	size_t i, j;

	rs->body_scene = arena_alloc(rs->a, (rs->n_seg ? rs->n_seg : 1) * sizeof *rs->body_scene);
	for (i = 0; i < (rs->n_seg ? rs->n_seg : 1); i++)
		for (j = 0; j < RESOLVE_BODY_SCENE_MAX; j++)
			rs->body_scene[i].admin1[j] = rs->body_scene[i].country[j] = -1;
	for (i = 0; i < rs->mr->n; i++) {
		const struct mention *mn = &rs->mr->m[i];
		const struct resolve_mention *r = &rs->rm[i];
		const struct db_place *p;
		if (!r->keep || r->best < 0 || rs->scene[r->seg] >= 0 ||
		    (mn->flags & (MATCH_DEMONYM | MATCH_REGION_ABBR | MATCH_HERE)) ||
		    rs->kcount[rs->key_id[i]] < RESOLVE_BODY_SCENE_MIN)
			continue;
		p = &mn->cands[r->best].place;
		if (p->kind == DB_KIND_ADMIN1)
			top_insert(rs, rs->body_scene[r->seg].admin1, i);
		else if (p->kind == DB_KIND_COUNTRY)
			top_insert(rs, rs->body_scene[r->seg].country, i);
	}
}

enum pc_rc resolve_alts_run(struct resolve_state *rs, struct diag *d)
{
	size_t i;
	enum pc_rc rc;

	if (!rs->cache)
		return PC_OK;
	rs->region_near_left = RESOLVE_REGION_NEAR_LOOKUPS;
	rs->local_near_left = RESOLVE_LOCAL_LOOKUPS;
	/* Each segment's scene: its first dateline's mention. */
	rs->scene = arena_alloc(rs->a, (rs->n_seg ? rs->n_seg : 1) * sizeof *rs->scene);
	for (i = 0; i < rs->n_seg; i++)
		rs->scene[i] = -1;
	for (i = 0; i < rs->mr->n; i++) {
		const struct mention *mn = &rs->mr->m[i];
		if ((mn->flags & MATCH_DATELINE) && !(mn->flags & (MATCH_QUALIFIER | MATCH_REGION_ABBR)) &&
		    rs->scene[rs->rm[i].seg] < 0)
			rs->scene[rs->rm[i].seg] = (int)i;
	}
	body_scenes(rs);
	for (i = 0; i < rs->mr->n; i++) {
		const struct mention *mn = &rs->mr->m[i];
		/* A qualifier is the region of another name, not a name in
		 * question; unless it is qualified in turn ("Philippi, West
		 * Virginia, Mexico"): the chain's state is in question. */
		if ((mn->flags & MATCH_REGION_ABBR) || ((mn->flags & MATCH_QUALIFIER) && mn->qualifier < 0))
			continue;
		if (!rs->rm[i].keep && !rs->rm[i].unsupported_proper && !(mn->flags & MATCH_DEMONYM))
			continue;
		if ((rc = mention_alts(rs, i, d)) != PC_OK)
			return rc;
	}
	count_words(rs);
	{
		/* (Only a document with unknown words needs its names ranked.) */
		size_t sk[RESOLVE_STORY_KEYS], n_sk = rs->mr->n_unk ? story_keys(rs, sk, RESOLVE_STORY_KEYS) : 0;
		for (i = 0; i < rs->mr->n_unk; i++)
			if ((rc = word_alts_run(rs, i, sk, n_sk, d)) != PC_OK)
				return rc;
	}
	return PC_OK;
}

void resolve_cache_trim(struct resolve_cache *c)
{
	if (c->n + c->n_l > RESOLVE_CACHE_MAX)
		cache_clear(c);
}

/* ---- labels -------------------------------------------------------------------------- */

enum { LABEL_ADMIN1 = 'a', LABEL_ADMIN2 = 'b', LABEL_COUNTRY = 'c', LABEL_REGION = 'r', LABEL_NEIGHBOURS = 'n' };

/* S appended to OUT[0..N) as far as SIZE - 1 bytes go; the new length. */
static size_t put_cut(char *out, size_t n, size_t size, const char *s)
{
	while (*s && n + 1 < size)
		out[n++] = *s++;
	return n;
}

static const char *label(const struct resolve_state *rs, int kind, const char *cc, const char *a1)
{
	struct resolve_cache *c = rs->cache;
	char key[96], out[256];
	size_t h, i, n;
	struct resolve_label_ent *e;

	/* "<kind>|CC|A1", as snprintf would write it: asked for every
	 * candidate's region name, and the format machinery was most of a
	 * cache hit's cost. */
	key[0] = (char)kind;
	n = put_cut(key, 1, sizeof key, "|");
	n = put_cut(key, n, sizeof key, cc ? cc : "");
	n = put_cut(key, n, sizeof key, "|");
	n = put_cut(key, n, sizeof key, a1 ? a1 : "");
	key[n] = '\0';
	if (!c) {
		out[0] = '\0';
		goto compute;
	}
	if (c->n_l * 2 + 2 > c->cap_l) {
		size_t ncap = c->cap_l ? c->cap_l * 2 : 256;
		struct resolve_label_ent **ns = arena_calloc(&c->a, ncap, sizeof *ns);
		for (i = 0; i < c->cap_l; i++) {
			if (!c->lslot[i])
				continue;
			h = str_hash(c->lslot[i]->key, 0) & (ncap - 1);
			while (ns[h])
				h = (h + 1) & (ncap - 1);
			ns[h] = c->lslot[i];
		}
		c->lslot = ns;
		c->cap_l = ncap;
	}
	h = str_hash(key, 0) & (c->cap_l - 1);
	while (c->lslot[h] && strcmp(c->lslot[h]->key, key) != 0)
		h = (h + 1) & (c->cap_l - 1);
	if (c->lslot[h])
		return c->lslot[h]->text;
compute:
	out[0] = '\0';
	if (kind == LABEL_ADMIN1)
		db_admin1_name(rs->db, cc, a1, out, sizeof out);
	else if (kind == LABEL_ADMIN2) {
		/* A1 is "admin1.admin2" here (resolve_admin2_name). */
		char a1c[64];
		const char *dot = strchr(a1, '.');
		size_t n1 = dot ? (size_t)(dot - a1) : 0;
		if (dot && n1 < sizeof a1c) {
			memcpy(a1c, a1, n1);
			a1c[n1] = '\0';
			db_admin2_name(rs->db, cc, a1c, dot + 1, out, sizeof out);
		}
	} else if (kind == LABEL_COUNTRY)
		db_country_name(rs->db, cc, out, sizeof out);
	else if (kind == LABEL_NEIGHBOURS)
		snprintf(out, sizeof out, "%s", db_country_neighbours(rs->db, cc, a1) ? "y" : "");
	else
		db_region_label(rs->db, cc, a1, out, sizeof out);
	if (!c)
		return arena_strdup(rs->a, out);
	e = arena_alloc(&c->a, sizeof *e);
	e->key = arena_strdup(&c->a, key);
	e->text = arena_strdup(&c->a, out);
	c->lslot[h] = e;
	c->n_l++;
	return e->text;
}

const char *resolve_admin1_name(const struct resolve_state *rs, const char *cc, const char *a1)
{
	return label(rs, LABEL_ADMIN1, cc, a1);
}

const char *resolve_admin2_name(const struct resolve_state *rs, const char *cc, const char *a1, const char *a2)
{
	char code[96];

	if (!a2 || !a2[0] || snprintf(code, sizeof code, "%s.%s", a1 ? a1 : "", a2) >= (int)sizeof code)
		return "";
	return label(rs, LABEL_ADMIN2, cc, code);
}

const char *resolve_country_name(const struct resolve_state *rs, const char *cc)
{
	return label(rs, LABEL_COUNTRY, cc, NULL);
}

const char *resolve_region_label(const struct resolve_state *rs, const char *cc, const char *a1)
{
	return label(rs, LABEL_REGION, cc, a1);
}

int resolve_neighbours(const struct resolve_state *rs, const char *a, const char *b)
{
	if (!a[0] || !b[0] || strcmp(a, b) == 0)
		return 0;
	return label(rs, LABEL_NEIGHBOURS, a, b)[0] != '\0';
}
