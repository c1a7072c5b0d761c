/*
 * resolve_support.c: segments, the things a segment names, and how much
 * they support a place (resolve.h, resolve_int.h).
 *
 * Cost: building a segment's entities is linear in its evidence; a
 * support question looks at the entities of the place's own country in
 * its segment (bounded by RESOLVE_SEG_MAX_KEYS names) and at the evidence
 * items within RESOLVE_LOCAL_ITEMS of the mention, so a whole check stays
 * linear in the length of the file.
 */
#include "resolve/resolve_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- how well evidence fits a place ------------------------------------ */

/*
 * Fit of evidence E (at level E_LEVEL) to candidate C, 0..1.  The numbers
 * are degrees of "says the same place": itself 1; a state named, for its
 * towns, 1 (the prior then prefers the big ones); a town in the same state
 * 0.5; the same country 0.2 for a town (weak: see RESOLVE_WEAK_*); a town
 * within 25, 80, 200, 500 km: 0.9, 0.7, 0.45, 0.2.
 */
#define FIT_SAME 1.0
#define FIT_COUNTRY_OF_COUNTRY 1.0   /* the country named, for the country */
#define FIT_IN_COUNTRY 0.8           /* a place or state inside it, for the country */
#define FIT_COUNTRY_FOR_STATE 0.3    /* the country named, for one of its states */
#define FIT_STATE_OF_STATE 1.0       /* the state named (qualifier, abbreviation) */
#define FIT_IN_STATE 0.9             /* a place inside it, for the state */
#define FIT_SAME_COUNTRY_STATE 0.1   /* another state of its country */
#define FIT_COUNTRY_FOR_PLACE 1.0    /* the country named, for one of its towns */
#define FIT_STATE_FOR_PLACE 1.0      /* the state named, for one of its towns */
#define FIT_STATE_FOR_PLACE_OTHER 0.25 /* another state of the country */
#define FIT_SAME_COUNTY 0.9
#define FIT_SAME_ADMIN1 0.45 /* below RESOLVE_STRONG_FIT: England is one admin1 */
#define FIT_SAME_CC 0.2

/* Squared chord lengths on the unit sphere: comparing |a - b|^2 of two
 * unit vectors with these needs no trigonometry.  chord = 2 sin(d / 2R). */
#define CHORD2(km) (4.0 * sin((km) / 12742.0) * sin((km) / 12742.0))
#define NEAR1_KM 25
#define NEAR2_KM 80
#define NEAR3_KM 200
#define NEAR4_KM 500
#define FIT_NEAR1 0.9
#define FIT_NEAR2 0.7
#define FIT_NEAR3 0.45
#define FIT_NEAR4 0.2

/* A fit this strong says "that place or right beside it" (RESOLVE_STRONG). */
#define RESOLVE_STRONG_FIT 0.5
/* Within this distance a place outside the region still counts as near. */
#define RESOLVE_NEAR_FIT FIT_NEAR2

/*
 * Fits this weak say only "same country": many of them (every American
 * town in an American story) must not add up to a reason to read "Rome"
 * as Rome, Ga.; their sum is capped.
 */
#define RESOLVE_WEAK_FIT 0.25
#define RESOLVE_WEAK_CAP 0.3
/*
 * The same for the country named, for a place below it, when readings are
 * compared (RESOLVE_COUNTRY_CAPPED): "the U.S.", "American", "United
 * States" and "U.S." ten times over are one fact, which vouches for every
 * town of the country alike.  Uncapped, it came to three points in an
 * American story and outweighed a Scottish town whose own region was named
 * beside it ("in Paisley" as Paisley, Fla., 818 people: GeoVirus dev).
 * The cap is about the country named in the same sentence and once more
 * elsewhere.  Whether a name is a place at all still hears all of it: a
 * Turkish town known by another spelling in a story about Turkey.
 */
#define RESOLVE_COUNTRY_CAP 1.0

/* Nearness in the text: the same sentence, the next or previous one, the
 * same paragraph, anywhere in the segment; a dateline sets the scene
 * everywhere as if in the paragraph. */
#define PROX_SENT 1.0
#define PROX_NEXT 0.75
#define PROX_PARA 0.6
#define PROX_FAR 0.4
#define PROX_DATELINE PROX_PARA
/* Items looked at on each side of a mention for nearness in the text. */
#define RESOLVE_LOCAL_ITEMS 48

/* inline: with the fit inlined into the local scans GCC kept it a call,
 * 1.2 million calls on 200 BBC articles. */
static inline int same_str(const char *a, const char *b)
{
	/* Hot path: codes are short ("US", "VA"), compare bytes first. */
	if (!a[0] || a[0] != b[0] || a[1] != b[1])
		return 0;
	if (!a[1])
		return 1;
	if (a[2] != b[2])
		return 0;
	return !a[2] || strcmp(a + 3, b + 3) == 0;
}

/*
 * resolve_fit_xyz()'s body, inlined into the local scans, which ask it for
 * every candidate against every evidence item nearby: 3 million times on
 * 1,000 BBC articles, where the call itself was a tenth of the cost.
 */
static inline __attribute__((always_inline)) double
fit_xyz(const struct db_place *c, const double *cxyz, const struct db_place *e, const double *exyz,
	int e_level)
{
	int same_cc = same_str(c->country, e->country);
	int same_a1 = same_cc && same_str(c->admin1, e->admin1);

	if (c->id == e->id)
		return FIT_SAME;
	switch (c->kind) {
	case DB_KIND_COUNTRY:
		return same_cc ? (e_level == CTX_COUNTRY ? FIT_COUNTRY_OF_COUNTRY : FIT_IN_COUNTRY) : 0.0;
	case DB_KIND_ADMIN1:
		if (e_level == CTX_COUNTRY)
			return same_cc ? FIT_COUNTRY_FOR_STATE : 0.0;
		/* A group of admin2 units (a UK ceremonial county) holds its
		 * members' places, not its admin1's: Sunderland, England and
		 * Greater Manchester speak for Berkshire as England's places
		 * speak for an ordinary English county (the same admin1), not
		 * as a state's own places speak for it. */
		if (same_a1 && db_place_is_admin2_group(c) && !db_place_in_region(e, c))
			return FIT_SAME_ADMIN1;
		if (same_a1)
			return e_level == CTX_ADMIN1 ? FIT_STATE_OF_STATE : FIT_IN_STATE;
		return same_cc ? FIT_SAME_COUNTRY_STATE : 0.0;
	case DB_KIND_REGION:
		return 0.0;
	default: {
		double adm = same_a1 ? FIT_SAME_ADMIN1 : (same_cc ? FIT_SAME_CC : 0.0), geo = 0.0, dx, dy, dz, c2;
		if (e_level == CTX_COUNTRY)
			return same_cc ? FIT_COUNTRY_FOR_PLACE : 0.0;
		if (e_level == CTX_ADMIN1) {
			/* A group of admin2 units (a UK ceremonial county)
			 * speaks for the places in it, not for its whole
			 * admin1 region. */
			if (same_a1 && db_place_is_admin2_group(e) &&
			    !db_place_in_region(c, e))
				return FIT_STATE_FOR_PLACE_OTHER;
			return same_a1 ? FIT_STATE_FOR_PLACE : (same_cc ? FIT_STATE_FOR_PLACE_OTHER : 0.0);
		}
		if (same_a1 && same_str(c->admin2, e->admin2) && (c->kind == DB_KIND_ADMIN2 || e->kind == DB_KIND_ADMIN2))
			return FIT_SAME_COUNTY;
		dx = cxyz[0] - exyz[0];
		dy = cxyz[1] - exyz[1];
		dz = cxyz[2] - exyz[2];
		c2 = dx * dx + dy * dy + dz * dz;
		if (c2 < CHORD2(NEAR1_KM))
			geo = FIT_NEAR1;
		else if (c2 < CHORD2(NEAR2_KM))
			geo = FIT_NEAR2;
		else if (c2 < CHORD2(NEAR3_KM))
			geo = FIT_NEAR3;
		else if (c2 < CHORD2(NEAR4_KM))
			geo = FIT_NEAR4;
		return geo > adm ? geo : adm;
	}
	}
}

double resolve_fit_xyz(const struct db_place *c, const double *cxyz, const struct db_place *e,
		       const double *exyz, int e_level)
{
	return fit_xyz(c, cxyz, e, exyz, e_level);
}

double resolve_fit(const struct db_place *c, const struct db_place *e, int e_level)
{
	double cx[3], ex[3];

	ctx_xyz(c->lat, c->lon, cx);
	ctx_xyz(e->lat, e->lon, ex);
	return resolve_fit_xyz(c, cx, e, ex, e_level);
}

/* ---- segments ------------------------------------------------------------- */

void resolve_segments(struct resolve_state *rs)
{
	const struct scan_doc *s = rs->s;
	const struct match_result *mr = rs->mr;
	unsigned *seen; /* per key id: the last segment that counted it */
	size_t t, i = 0, n_keys = 0, seg_tokens = 0, cap = 8;
	unsigned cur = 0, sent;

	rs->seg_of_sent = arena_calloc(rs->a, s->n_sent ? s->n_sent : 1, sizeof *rs->seg_of_sent);
	rs->seg = arena_alloc(rs->a, cap * sizeof *rs->seg);
	seen = arena_alloc(rs->a, (mr->n ? mr->n : 1) * sizeof *seen);
	for (i = 0; i < mr->n; i++)
		seen[i] = (unsigned)-1;
	memset(&rs->seg[0], 0, sizeof rs->seg[0]);
	i = 0;
	for (t = 0; t < s->n_toks; t++) {
		const struct scan_tok *k = &s->toks[t];
		int cut = 0;
		if (t > 0 && k->sent != s->toks[t - 1].sent) {
			/* A sentence starts: close the segment if it is full, or if
			 * a new story starts here. */
			if (seg_tokens >= RESOLVE_SEG_MAX_TOKENS || n_keys >= RESOLVE_SEG_MAX_KEYS)
				cut = 1;
			else if ((k->flags & SCAN_PARA_START) && (k->flags & SCAN_DATELINE) &&
				 seg_tokens >= RESOLVE_SEG_MIN_DATELINE)
				cut = 1;
			else if ((k->flags & SCAN_PARA_START) && (k->flags & SCAN_HEADLINE) &&
				 seg_tokens >= RESOLVE_SEG_MIN_HEADLINE)
				cut = 1;
		}
		if (cut) {
			rs->seg[cur].tok_hi = t;
			if (++cur == cap) {
				rs->seg = arena_grow(rs->a, rs->seg, cap, cap * 2, sizeof *rs->seg);
				cap *= 2;
			}
			memset(&rs->seg[cur], 0, sizeof rs->seg[cur]);
			rs->seg[cur].tok_lo = t;
			seg_tokens = 0;
			n_keys = 0;
		}
		rs->seg_of_sent[k->sent] = cur;
		seg_tokens++;
		/* Count the distinct names that start in this segment. */
		while (i < mr->n && mr->m[i].tok_start <= t) {
			int kid = rs->key_id[i];
			if (mr->m[i].tok_start == t && seen[kid] != cur) {
				seen[kid] = cur;
				n_keys++;
			}
			i++;
		}
	}
	rs->seg[cur].tok_hi = s->n_toks;
	rs->n_seg = cur + 1;
	/* Sentences without tokens (none, in practice) keep segment 0. */
	(void)sent;
}

/* ---- entities --------------------------------------------------------------- */

/* First item of C with tok >= T (items are in text order). */
static size_t ev_lower_tok(const struct ctx *c, size_t t)
{
	size_t lo = 0, hi = c->n_ev;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->ev[mid].tok < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Which mention an item is grouped by: its own for qualifiers and the
 * readings of qualified mentions (each is the writer's explicit word),
 * else -1 (grouped by name). */
static int ev_group_mention(const struct resolve_state *rs, const struct ctx_ev *ev)
{
	if (ev->mention < 0)
		return -1;
	if (ev->source == CTX_SRC_QUAL || rs->mr->m[ev->mention].qualifier >= 0)
		return ev->mention;
	return -1;
}

static int ev_key_id(const struct resolve_state *rs, const struct ctx_ev *ev)
{
	return ev->mention >= 0 ? rs->key_id[ev->mention] : -1;
}

struct ent_map {
	struct resolve_ent *ent;
	size_t n, cap;
	int *slot;            /* index into ent, -1 empty */
	size_t n_slot;        /* power of two */
};

static size_t ent_hash(int64_t id, int src, int key_id, int mention, const char *what)
{
	size_t h = (size_t)(id * 1000003) ^ ((size_t)src << 7) ^ ((size_t)(key_id + 1) * 2654435761u) ^
		   ((size_t)(mention + 1) * 40503u);

	if (key_id < 0 && what)
		for (; *what; what++)
			h = h * 31 + (unsigned char)*what;
	return h;
}

static void ent_add(struct resolve_state *rs, struct ent_map *em, const struct ctx_ev *ev)
{
	int kid = ev_key_id(rs, ev), men = ev_group_mention(rs, ev);
	int src = ev->source == CTX_SRC_CUE ? CTX_SRC_CUE : ev->source;
	size_t h = ent_hash(ev->place->id, src, kid, men, ev->what) & (em->n_slot - 1);
	struct resolve_ent *e;

	while (em->slot[h] >= 0) {
		e = &em->ent[em->slot[h]];
		if (e->place->id == ev->place->id && e->source == src && e->key_id == kid && e->mention == men &&
		    (kid >= 0 || !e->what || !ev->what || strcmp(e->what, ev->what) == 0))
			break;
		h = (h + 1) & (em->n_slot - 1);
	}
	if (em->slot[h] < 0) {
		if (em->n == em->cap) {
			size_t ncap = em->cap ? em->cap * 2 : 32;
			em->ent = arena_grow(rs->a, em->ent, em->cap, ncap, sizeof *em->ent);
			em->cap = ncap;
		}
		e = &em->ent[em->n];
		memset(e, 0, sizeof *e);
		e->place = ev->place;
		memcpy(e->xyz, ev->xyz, sizeof e->xyz);
		e->level = ev->level;
		e->source = src;
		e->key_id = kid;
		e->mention = men;
		e->what = ev->what;
		em->slot[h] = (int)em->n++;
	} else {
		e = &em->ent[em->slot[h]];
		/* One name counts once where two pieces of evidence stand on the
		 * same words (a dateline's qualifier and its mention). */
		if (e->count && e->pos[(e->count < RESOLVE_ENT_POS ? e->count : RESOLVE_ENT_POS) - 1] == ev->tok)
			return;
	}
	e->w += ev->weight;
	if (e->w > RESOLVE_ENT_W_CAP)
		e->w = RESOLVE_ENT_W_CAP;
	if (e->count < RESOLVE_ENT_POS)
		e->pos[e->count] = ev->tok;
	e->count++;
	if (ev->dateline)
		e->dateline = 1;
}

static int cmp_ent_cc(const void *x, const void *y)
{
	const struct resolve_ent *a = x, *b = y;
	int c = strcmp(a->place->country, b->place->country);

	if (c)
		return c;
	return a->place->id < b->place->id ? -1 : a->place->id > b->place->id;
}

void resolve_entities(struct resolve_state *rs)
{
	const struct ctx *cs[2] = { rs->ctx, &rs->dyn };
	struct ent_map em;
	size_t g, k, i;

	for (g = 0; g < rs->n_seg; g++) {
		struct resolve_seg *sg = &rs->seg[g];
		size_t lo[2], hi[2], n_items = 0;
		for (k = 0; k < 2; k++) {
			lo[k] = ev_lower_tok(cs[k], sg->tok_lo);
			hi[k] = ev_lower_tok(cs[k], sg->tok_hi);
			n_items += hi[k] - lo[k];
		}
		memset(&em, 0, sizeof em);
		em.n_slot = 16;
		while (em.n_slot < n_items * 2 + 2)
			em.n_slot *= 2;
		em.slot = arena_alloc(rs->a, em.n_slot * sizeof *em.slot);
		for (i = 0; i < em.n_slot; i++)
			em.slot[i] = -1;
		for (k = 0; k < 2; k++)
			for (i = lo[k]; i < hi[k]; i++)
				ent_add(rs, &em, &cs[k]->ev[i]);
		if (em.n > 1)
			qsort(em.ent, em.n, sizeof *em.ent, cmp_ent_cc);
		sg->ent = em.ent;
		sg->n_ent = em.n;
		sg->w_total = 0.0;
		for (i = 0; i < em.n; i++)
			sg->w_total += em.ent[i].w;
		sg->ccr = arena_alloc(rs->a, (em.n ? em.n : 1) * sizeof *sg->ccr);
		sg->n_ccr = 0;
		for (i = 0; i < em.n;) {
			size_t j = i + 1;
			while (j < em.n && strcmp(em.ent[j].place->country, em.ent[i].place->country) == 0)
				j++;
			snprintf(sg->ccr[sg->n_ccr].cc, sizeof sg->ccr[0].cc, "%s", em.ent[i].place->country);
			sg->ccr[sg->n_ccr].lo = i;
			sg->ccr[sg->n_ccr].hi = j;
			sg->n_ccr++;
			i = j;
		}
	}
}

/* The entity range of country CC in segment SG. */
static void cc_range(const struct resolve_seg *sg, const char *cc, size_t *lo, size_t *hi)
{
	size_t a = 0, b = sg->n_ccr;

	while (a < b) {
		size_t mid = a + (b - a) / 2;
		int c = strcmp(sg->ccr[mid].cc, cc);
		if (c == 0) {
			*lo = sg->ccr[mid].lo;
			*hi = sg->ccr[mid].hi;
			return;
		}
		if (c < 0)
			a = mid + 1;
		else
			b = mid;
	}
	*lo = *hi = 0;
}

/* ---- what is left out ----------------------------------------------------- */

/* Is entity E left out when weighing evidence for mention M? */
static int skip_ent(const struct resolve_state *rs, size_t m, const struct resolve_ent *e, unsigned opts)
{
	const struct mention *mn;

	if (m >= rs->mr->n)
		return 0; /* a word that is no mention: everything counts */
	mn = &rs->mr->m[m];
	if (e->mention == (int)m)
		return 1;
	if ((opts & RESOLVE_NO_QUALIFIER) && mn->qualifier >= 0 && e->mention == mn->qualifier)
		return 1;
	/* Another mention of the same name must not vouch for itself, unless
	 * the writer qualified it ("SYDNEY, N.S." ... "in Sydney"). */
	if (!(opts & RESOLVE_SAME_KEY) && e->mention < 0 && e->key_id >= 0 && e->key_id == rs->key_id[m])
		return 1;
	/* A qualifier's own entity is the mention it qualifies: "Va." in
	 * "Charlottesville, Va." speaks for the story, not for itself. */
	return 0;
}

/* How near evidence EV stands to token T beyond the segment-wide
 * PROX_FAR: 0 elsewhere in the segment, up to PROX_SENT - PROX_FAR. */
static double prox_extra(const struct scan_tok *t, const struct ctx_ev *ev)
{
	long ds = (long)ev->sent - (long)t->sent;
	double base = ev->dateline ? PROX_DATELINE : PROX_FAR, p;

	if (ds == 0)
		p = PROX_SENT;
	else if (ds == -1 || ds == 1)
		p = PROX_NEXT;
	else if (ev->para == t->para)
		p = PROX_PARA;
	else
		p = base;
	return p > base ? p - base : 0.0;
}

/* ---- support ---------------------------------------------------------------- */

static size_t tok_of(const struct resolve_state *rs, size_t m, size_t tok)
{
	return m < rs->mr->n ? rs->mr->m[m].tok_start : tok;
}

static const struct resolve_seg *seg_at(const struct resolve_state *rs, size_t tok)
{
	if (tok >= rs->s->n_toks || !rs->n_seg)
		return rs->n_seg ? &rs->seg[0] : NULL;
	return &rs->seg[rs->seg_of_sent[rs->s->toks[tok].sent]];
}

/*
 * Evidence items near token TOK (the same paragraph, RESOLVE_LOCAL_ITEMS
 * on each side at most) in C: calls FN for each.
 */
struct local_acc {
	const struct resolve_state *rs;
	const struct db_place *p;
	const double *pxyz;
	/* what local_skip() needs of M and the options, worked out once per
	 * scan (local_init) */
	int is_mention;   /* M is a mention: its own evidence may be left out */
	int self;         /* M */
	int qualifier;    /* left out too, or NO_MENTION */
	int same_key;     /* leave out M's other unqualified mentions of its name */
	int key_id;       /* M's name */
	int no_country;   /* RESOLVE_NO_COUNTRY for a place below a country */
	int no_region;    /* RESOLVE_NO_REGION for a place */
	double sum;       /* prox_extra-weighted fits */
	double weak;      /* ... of them, the weak ones (capped with the rest: RESOLVE_WEAK_CAP) */
	double country;   /* ... the country named, for a place below it (RESOLVE_COUNTRY_CAP) */
	double strong_near; /* strong fits in the same or the next sentence */
};

/* No mention: an evidence item's mention is -1 or an index. */
#define NO_MENTION (-2)

static void local_init(struct local_acc *la, const struct resolve_state *rs, size_t m,
		       const struct db_place *p, const double *pxyz, unsigned opts)
{
	const struct mention *mn = m < rs->mr->n ? &rs->mr->m[m] : NULL;

	memset(la, 0, sizeof *la);
	la->rs = rs;
	la->p = p;
	la->pxyz = pxyz;
	la->is_mention = mn != NULL;
	la->self = mn ? (int)m : NO_MENTION;
	la->qualifier = mn && (opts & RESOLVE_NO_QUALIFIER) && mn->qualifier >= 0 ? mn->qualifier : NO_MENTION;
	la->same_key = mn && !(opts & RESOLVE_SAME_KEY);
	la->key_id = mn ? rs->key_id[m] : 0;
	la->no_country = (opts & RESOLVE_NO_COUNTRY) && p->kind != DB_KIND_COUNTRY;
	la->no_region = (opts & RESOLVE_NO_REGION) && p->kind == DB_KIND_PLACE;
}

/*
 * Is evidence item EV left out of the scan (skip_ent()'s rule for one
 * item)?  M's own evidence, its qualifier's under RESOLVE_NO_QUALIFIER, and
 * unless RESOLVE_SAME_KEY the other unqualified mentions of its name.
 */
static inline int local_skip(const struct local_acc *la, const struct ctx_ev *ev)
{
	int em = ev->mention;

	if (!la->is_mention)
		return 0;
	if (em == la->self || em == la->qualifier)
		return 1;
	return la->same_key && em >= 0 && la->rs->key_id[em] == la->key_id &&
	       la->rs->mr->m[em].qualifier < 0 && ev->source != CTX_SRC_QUAL;
}

static void local_one(struct local_acc *la, const struct scan_tok *t, const struct ctx_ev *ev)
{
	double f, x;

	if (local_skip(la, ev))
		return;
	if (la->no_country && ev->level == CTX_COUNTRY)
		return;
	if (la->no_region && ev->level == CTX_ADMIN1)
		return;
	f = fit_xyz(la->p, la->pxyz, ev->place, ev->xyz, ev->level);
	if (f <= 0)
		return;
	x = prox_extra(t, ev);
	if (f <= RESOLVE_WEAK_FIT)
		la->weak += ev->weight * f * x;
	else if (ev->level == CTX_COUNTRY && la->p->kind != DB_KIND_COUNTRY)
		la->country += ev->weight * f * x;
	else
		la->sum += ev->weight * f * x;
	if (f >= RESOLVE_STRONG_FIT && x >= PROX_NEXT - PROX_FAR &&
	    !(ev->level == CTX_COUNTRY && la->p->kind != DB_KIND_COUNTRY))
		la->strong_near += ev->weight * f;
}

static void local_scan(const struct ctx *c, size_t tok, struct local_acc *la)
{
	const struct scan_tok *t = &la->rs->s->toks[tok];
	size_t mid = ev_lower_tok(c, tok), i, n;

	for (i = mid, n = 0; i-- > 0 && n < RESOLVE_LOCAL_ITEMS; n++) {
		if (c->ev[i].para != t->para)
			break;
		local_one(la, t, &c->ev[i]);
	}
	for (i = mid, n = 0; i < c->n_ev && n < RESOLVE_LOCAL_ITEMS && c->ev[i].para == t->para; i++, n++)
		local_one(la, t, &c->ev[i]);
}

static double support_core(const struct resolve_state *rs, size_t m, size_t tok, const struct db_place *p,
			   unsigned opts)
{
	const struct resolve_seg *sg;
	double pxyz[3], s = 0.0, weak = 0.0, country = 0.0;
	size_t lo, hi, i;

	tok = tok_of(rs, m, tok);
	if (!(sg = seg_at(rs, tok)))
		return 0.0;
	ctx_xyz(p->lat, p->lon, pxyz);
	cc_range(sg, p->country, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const struct resolve_ent *e = &sg->ent[i];
		double f, w;
		if (skip_ent(rs, m, e, opts))
			continue;
		f = resolve_fit_xyz(p, pxyz, e->place, e->xyz, e->level);
		if (f <= 0.0)
			continue;
		if ((opts & RESOLVE_STRONG) && f < RESOLVE_STRONG_FIT)
			continue;
		/* "American" or "the U.S." attests no town or state in
		 * particular: it cannot tell Columbia, S.C., from Columbia, Mo. */
		if ((opts & (RESOLVE_STRONG | RESOLVE_NO_COUNTRY)) && e->level == CTX_COUNTRY &&
		    p->kind != DB_KIND_COUNTRY)
			continue;
		if ((opts & RESOLVE_NO_REGION) && e->level == CTX_ADMIN1 && p->kind == DB_KIND_PLACE)
			continue;
		w = e->w * f;
		if (!(opts & RESOLVE_DOCWIDE))
			w *= e->dateline ? PROX_DATELINE : PROX_FAR;
		if (f <= RESOLVE_WEAK_FIT)
			weak += w;
		else if (e->level == CTX_COUNTRY && p->kind != DB_KIND_COUNTRY)
			country += w;
		else
			s += w;
	}
	/* Nearby weak fits ("the University of Nebraska and later in Rome")
	 * are still only "same country": capped with the others. */
	if (!(opts & RESOLVE_DOCWIDE) && tok < rs->s->n_toks) {
		struct local_acc la;
		local_init(&la, rs, m, p, pxyz, opts);
		local_scan(rs->ctx, tok, &la);
		local_scan(&rs->dyn, tok, &la);
		s += la.sum;
		weak += la.weak;
		country += la.country;
	}
	s += weak < RESOLVE_WEAK_CAP ? weak : RESOLVE_WEAK_CAP;
	s += (opts & RESOLVE_COUNTRY_CAPPED) && country > RESOLVE_COUNTRY_CAP ? RESOLVE_COUNTRY_CAP : country;
	return s;
}

double resolve_support(const struct resolve_state *rs, size_t m, const struct db_place *p, unsigned opts)
{
	return support_core(rs, m, (size_t)-1, p, opts);
}

double resolve_support_tok(const struct resolve_state *rs, size_t tok, const struct db_place *p,
			   unsigned opts)
{
	return support_core(rs, (size_t)-1, tok, p, opts);
}

void resolve_sup(const struct resolve_state *rs, size_t m, size_t tok, const struct db_place *p,
		 unsigned opts, struct resolve_sup *out)
{
	const struct resolve_seg *sg;
	double pxyz[3], weak = 0.0, in_cc = 0.0;
	size_t lo, hi, i;
	int last_key = -2;

	memset(out, 0, sizeof *out);
	tok = tok_of(rs, m, tok);
	if (!(sg = seg_at(rs, tok)))
		return;
	ctx_xyz(p->lat, p->lon, pxyz);
	cc_range(sg, p->country, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const struct resolve_ent *e = &sg->ent[i];
		double f, w;
		int strong;
		if (skip_ent(rs, m, e, opts))
			continue;
		/* How much of what the story names lies in the place's country
		 * and region ("the story is about Australia"). */
		if (sg->w_total > 0)
			out->cc_share += e->w / sg->w_total;
		/* Of what the story names inside the country (not the
		 * country itself: "the U.S." tells no state from another),
		 * how much lies in the place's state. */
		if (e->place->kind != DB_KIND_COUNTRY && e->level != CTX_COUNTRY) {
			in_cc += e->w;
			if (p->kind != DB_KIND_COUNTRY && p->admin1[0] && same_str(p->admin1, e->place->admin1))
				out->a1_share += e->w;
		}
		f = resolve_fit_xyz(p, pxyz, e->place, e->xyz, e->level);
		if (f <= 0.0)
			continue;
		w = e->w * f;
		if (f <= RESOLVE_WEAK_FIT)
			weak += w;
		else
			out->all += w;
		strong = f >= RESOLVE_STRONG_FIT && !(e->level == CTX_COUNTRY && p->kind != DB_KIND_COUNTRY);
		if (e->place->id == p->id) {
			out->same += e->w;
			/* Entities are sorted by place within a country: one
			 * name counted once however it was grouped. */
			if (e->key_id != last_key || e->key_id < 0)
				out->n_same++;
			last_key = e->key_id;
		} else if (e->level == CTX_COUNTRY || e->place->kind == DB_KIND_COUNTRY) {
			out->country += w;
		} else if (p->kind != DB_KIND_COUNTRY && same_str(p->admin1, e->place->admin1) &&
			   /* (a county group's admin1 code is England's: only
			    * what lies in the group is its region; so for a
			    * British or Irish county, only what lies in it) */
			   (p->kind == DB_KIND_ADMIN1   ? !db_place_is_admin2_group(p) || db_place_in_region(e->place, p)
			    : p->kind == DB_KIND_ADMIN2 && db_county_country(p->country) ? db_place_in_region(e->place, p)
											  : f >= FIT_SAME_ADMIN1)) {
			out->region += w;
		} else if (f >= RESOLVE_NEAR_FIT) {
			out->near += w;
		}
		if (!strong)
			continue;
		out->strong += w;
		if (e->dateline)
			out->dateline += w;
		if (e->source == CTX_SRC_CUE)
			out->cue += w;
	}
	out->all += weak < RESOLVE_WEAK_CAP ? weak : RESOLVE_WEAK_CAP;
	out->a1_share = in_cc > 0 ? out->a1_share / in_cc : 0.0;
	if (tok < rs->s->n_toks) {
		struct local_acc la;
		local_init(&la, rs, m, p, pxyz, opts);
		local_scan(rs->ctx, tok, &la);
		local_scan(&rs->dyn, tok, &la);
		out->local = la.strong_near;
	}
}

/* ---- explanations ------------------------------------------------------------ */

static const char *near_words(const struct resolve_state *rs, size_t tok, const struct resolve_ent *e)
{
	const struct scan_tok *t = &rs->s->toks[tok];
	size_t i, n = e->count < RESOLVE_ENT_POS ? e->count : RESOLVE_ENT_POS;
	long best = 1L << 30;
	int same_para = 0;

	if (e->dateline && e->count == 1)
		return "in the dateline";
	for (i = 0; i < n; i++) {
		const struct scan_tok *u = &rs->s->toks[e->pos[i]];
		long ds = labs((long)u->sent - (long)t->sent);
		if (ds < best)
			best = ds;
		if (u->para == t->para)
			same_para = 1;
	}
	if (best == 0)
		return "in the same sentence";
	if (best == 1)
		return "in the next or previous sentence";
	if (same_para)
		return "in the same paragraph";
	return "elsewhere in the story";
}

/* Sentences between token TOK and the nearest position of E (0 for a
 * dateline's, which sets the scene everywhere). */
static long sent_gap(const struct resolve_state *rs, size_t tok, const struct resolve_ent *e)
{
	size_t i, n = e->count < RESOLVE_ENT_POS ? e->count : RESOLVE_ENT_POS;
	long best = 1L << 30;

	if (e->dateline)
		return 0;
	for (i = 0; i < n; i++) {
		long d = labs((long)rs->s->toks[e->pos[i]].sent - (long)rs->s->toks[tok].sent);
		if (d < best)
			best = d;
	}
	return best;
}

size_t resolve_explain(const struct resolve_state *rs, size_t m, size_t tok, const struct db_place *p,
		       unsigned opts, struct arena *a, const char ***out, size_t max)
{
	const struct resolve_seg *sg;
	struct { const struct resolve_ent *e; double w; unsigned count; } top[32];
	size_t n_top = 0, lo, hi, i, j, n = 0;
	double pxyz[3];
	const char **v;

	*out = NULL;
	tok = tok_of(rs, m, tok);
	if (!(sg = seg_at(rs, tok)) || !max)
		return 0;
	ctx_xyz(p->lat, p->lon, pxyz);
	cc_range(sg, p->country, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const struct resolve_ent *e = &sg->ent[i];
		double f;
		if (skip_ent(rs, m, e, opts) || !e->what)
			continue;
		f = resolve_fit_xyz(p, pxyz, e->place, e->xyz, e->level);
		/* Never a place merely in the same country, for a town. */
		if (f < RESOLVE_STRONG_FIT || (e->level == CTX_COUNTRY && p->kind != DB_KIND_COUNTRY))
			continue;
		/* The same words under two groupings (a name, and its
		 * qualified mention): one line, counted once. */
		for (j = 0; j < n_top; j++)
			if (strcasecmp(top[j].e->what, e->what) == 0 && top[j].e->source == e->source)
				break;
		if (j < n_top) {
			/* Two groupings of the same mentions ("Stockholm" the
			 * city and the county) count them once; the line says
			 * where the nearer one is. */
			size_t x, y, nx = top[j].e->count < RESOLVE_ENT_POS ? top[j].e->count : RESOLVE_ENT_POS;
			size_t ny = e->count < RESOLVE_ENT_POS ? e->count : RESOLVE_ENT_POS;
			int shared = 0;
			for (x = 0; x < nx && !shared; x++)
				for (y = 0; y < ny && !shared; y++)
					shared = top[j].e->pos[x] == e->pos[y];
			if (!shared)
				top[j].count += e->count;
			else if (e->count > top[j].count)
				top[j].count = e->count;
			if (tok < rs->s->n_toks && sent_gap(rs, tok, e) < sent_gap(rs, tok, top[j].e))
				top[j].e = e;
			if (e->w * f > top[j].w)
				top[j].w = e->w * f;
			continue;
		}
		if (n_top == sizeof top / sizeof top[0])
			continue;
		top[n_top].e = e;
		top[n_top].w = e->w * f;
		top[n_top].count = e->count;
		n_top++;
	}
	/* Strongest first (insertion sort: a handful of items). */
	for (i = 1; i < n_top; i++)
		for (j = i; j > 0 && top[j].w > top[j - 1].w; j--) {
			__typeof__(top[0]) t = top[j];
			top[j] = top[j - 1];
			top[j - 1] = t;
		}
	v = arena_alloc(a, max * sizeof *v);
	for (i = 0; i < n_top && n < max; i++) {
		const struct resolve_ent *e = top[i].e;
		const char *kind = e->source == CTX_SRC_CUE       ? " (cue)"
				   : e->source == CTX_SRC_DEMONYM ? " (demonym)"
								  : "";
		const char *where = tok < rs->s->n_toks ? near_words(rs, tok, e) : "in the story";
		if (top[i].count > 1)
			v[n++] = arena_printf(a, "%s%s named %u times, nearest %s", e->what, kind, top[i].count,
					      where);
		else
			v[n++] = arena_printf(a, "%s%s named %s", e->what, kind, where);
	}
	*out = v;
	return n;
}
