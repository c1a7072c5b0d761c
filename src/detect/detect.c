/*
 * detect.c: one score per mention and alternative, and the finding it
 * earns (detect.h, detect_int.h).  For each mention the reader kept (and
 * each word no list knows that resolve/ found names near), every
 * alternative is scored; the best that some rule's slice accepts at a
 * severity becomes the mention's one finding, explained by the features
 * that pushed its score up.
 */
#include "detect/detect_int.h"

#include "base/buf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define DETECT_MAX_EVIDENCE 6

/* ---- helpers for the views ------------------------------------------------ */

const struct mention *detect_mention(const struct dstate *ds, const struct detect_cand *c)
{
	return c->m != (size_t)-1 ? &ds->rs->mr->m[c->m] : NULL;
}

const char *detect_surface(const struct dstate *ds, const struct detect_cand *c)
{
	const struct resolve_state *rs = ds->rs;

	if (c->m != (size_t)-1)
		return rs->mr->m[c->m].surface;
	return arena_strndup(ds->a, rs->s->text + rs->rw[c->w].span_start,
			     rs->rw[c->w].span_end - rs->rw[c->w].span_start);
}

struct detect_place detect_dplace(const struct dstate *ds, const struct db_place *p)
{
	struct detect_place d;

	memset(&d, 0, sizeof d);
	d.id = p->id;
	d.name = arena_strdup(ds->a, p->name);
	d.admin1 = p->admin1[0] && p->kind != DB_KIND_COUNTRY
			   ? resolve_admin1_name(ds->rs, p->country, p->admin1)
			   : "";
	d.admin1_code = arena_strdup(ds->a, p->kind == DB_KIND_COUNTRY ? "" : p->admin1);
	d.country = arena_strdup(ds->a, p->country);
	d.lat = p->lat;
	d.lon = p->lon;
	d.kind = p->kind;
	return d;
}

/* "Virginia", "North Carolina", or the country name: where P is. */
const char *detect_where(const struct dstate *ds, const struct db_place *p)
{
	const char *w;

	if (p->kind == DB_KIND_COUNTRY || !p->admin1[0]) {
		w = resolve_country_name(ds->rs, p->country);
	} else {
		size_t nl = strlen(p->name);
		w = resolve_admin1_name(ds->rs, p->country, p->admin1);
		/* "Nairobi is in Nairobi County" says nothing: name the country. */
		if (!w[0] || (p->kind == DB_KIND_PLACE && nl && strncasecmp(w, p->name, nl) == 0))
			w = resolve_country_name(ds->rs, p->country);
	}
	return w[0] ? w : p->country;
}

/* Names that take "the" in running text: plural forms, unions, republics
 * named by their form of state (GeoNames' spellings). */
static const char *const with_article[] = {
	"United States", "United Kingdom", "United Arab Emirates", "Netherlands", "Philippines",
	"Bahamas", "Gambia", "Maldives", "Seychelles", "Comoros", "Dominican Republic",
	"Central African Republic", "Democratic Republic of the Congo", "Republic of the Congo",
	"Czech Republic", "Solomon Islands", "Marshall Islands", "Cayman Islands", "Faroe Islands",
	"Falkland Islands", "Cook Islands", "British Virgin Islands", "U.S. Virgin Islands",
	"Turks and Caicos Islands", "Northern Mariana Islands", "Palestinian Territory",
	"District of Columbia",
};

const char *detect_in_prose(const struct dstate *ds, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof with_article / sizeof *with_article; i++)
		if (strcmp(name, with_article[i]) == 0)
			return arena_printf(ds->a, "the %s", name);
	return name;
}

/* "Charlottesville, Va." (a place) or "Australia" (a region). */
const char *detect_label(const struct dstate *ds, const struct db_place *p)
{
	const char *lab;

	if (p->kind != DB_KIND_PLACE)
		return p->name;
	lab = resolve_region_label(ds->rs, p->country, p->admin1);
	/* "Montevideo, Montevideo Department": the country says more. */
	if (lab[0] && strncasecmp(lab, p->name, strlen(p->name)) == 0)
		lab = resolve_country_name(ds->rs, p->country);
	return arena_printf(ds->a, "%s, %s", p->name, lab[0] ? lab : p->country);
}

const char *detect_topic_only(const struct dstate *ds, const struct detect_cand *c)
{
	const struct ctx *cx = ds->rs->ctx;

	if (c->topic < 0 || !cx || (size_t)c->topic >= cx->n_topics || c->x[F_T_STRONG] > 0 || c->x[F_T_SAME] > 0 ||
	    c->x[F_T_WRITTEN] > 0 || c->x[F_T_CUE] > 0 || c->x[F_T_DATELINE] > 0 || c->x[F_T_REGION] > 0)
		return NULL;
	return cx->topics[c->topic].name;
}

const char *detect_quoted_note(const struct finding *f)
{
	return f->quoted ? " (in a quotation: correct it or mark it [sic])" : "";
}

/* ---- candidates --------------------------------------------------------------- */

typedef void (*cand_fn)(struct dstate *ds, struct detect_cand *c, void *arg);

/* Are keys A and B equal once spaces and hyphens are dropped?  Then they
 * are one name written two ways ("LaSalle", "Mirpurkhas"), no slip. */
static int same_but_spaces(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ' || *a == '-')
			a++;
		while (*b == ' ' || *b == '-')
			b++;
		if (*a != *b)
			return 0;
		if (!*a)
			return 1;
		a++;
		b++;
	}
}

/* Is T no real alternative to L: the same place, or one inside the other
 * ("South Australia" in an Australian story: evidence for one is
 * evidence for the other)? */
static int same_or_inside(const struct db_place *l, const struct db_place *t)
{
	/* Nor is a continent or world region a spelling slip for a country
	 * or a town: "the Americas" and America. */
	if (t->kind == DB_KIND_REGION || (l && l->kind == DB_KIND_REGION))
		return 1;
	return l && (l->id == t->id || db_place_in_region(l, t) || db_place_in_region(t, l));
}

static void score_one(struct dstate *ds, struct detect_cand *c, cand_fn fn, void *arg)
{
	detect_features(ds, c);
	c->score = detect_score(c->x);
	fn(ds, c, arg);
}

static void mention_cands(struct dstate *ds, size_t m, cand_fn fn, void *arg)
{
	const struct resolve_state *rs = ds->rs;
	const struct mention *mn = &rs->mr->m[m];
	const struct resolve_mention *r = &rs->rm[m];
	const struct db_place *lit = NULL, *own = NULL;
	struct detect_cand c;
	size_t j;

	if (r->best < 0)
		return;
	lit = &mn->cands[r->best].place;
	for (j = 0; j < mn->n_cands && !own; j++)
		if (mn->cands[j].name_kind != DB_NAME_ALT &&
		    (mn->cands[j].place.kind == DB_KIND_PLACE || mn->cands[j].place.kind == DB_KIND_COUNTRY))
			own = &mn->cands[j].place;
	/* A qualifier that holds no place of the name leaves no literal
	 * reading to weigh. */
	if (mn->qualifier >= 0 && r->qual != RESOLVE_QUAL_HOLDS)
		lit = NULL;
	for (j = 0; j < r->n_alts; j++) {
		const struct resolve_alt *al = &r->alts[j];
		const struct db_place *l = al->rel == RESOLVE_REL_VARIANT ? own : lit;
		/* a demonym's look-alikes are demonyms, a name's are names */
		if ((al->rel == RESOLVE_REL_DEMONYM) != ((mn->flags & MATCH_DEMONYM) != 0))
			continue;
		/* (Another language's name of the place read is the one
		 * alternative that is the same place.) */
		if (al->accepted || (al->rel != RESOLVE_REL_FOREIGN && same_or_inside(l, al->place)))
			continue;
		/* "the state of Kansas": the state is no slip for Kansas City
		 * the town; its region is the question (REGION_OF). */
		if (l && (l->kind == DB_KIND_ADMIN1 || l->kind == DB_KIND_COUNTRY) && al->place->kind == DB_KIND_PLACE &&
		    al->rel == RESOLVE_REL_WORD)
			continue;
		/* "LaSalle" for La Salle: one name written two ways (the same
		 * name elsewhere is another matter). */
		if (al->rel != RESOLVE_REL_ELSEWHERE && al->rel != RESOLVE_REL_REGION_ALIKE &&
		    same_but_spaces(mn->key, al->key))
			continue;
		memset(&c, 0, sizeof c);
		c.m = m;
		c.w = (size_t)-1;
		c.lit = l;
		c.alt = al;
		score_one(ds, &c, fn, arg);
	}
}

static void word_cands(struct dstate *ds, size_t w, cand_fn fn, void *arg)
{
	const struct resolve_state *rs = ds->rs;
	const struct resolve_word *rw = &rs->rw[w];
	struct detect_cand c;
	size_t j;

	for (j = 0; j < rw->n_alts; j++) {
		if (same_but_spaces(rw->key, rw->alts[j].key))
			continue;
		memset(&c, 0, sizeof c);
		c.m = (size_t)-1;
		c.w = w;
		c.alt = &rw->alts[j];
		score_one(ds, &c, fn, arg);
	}
}

/* Is mention M one the detector asks about at all? */
static int asks_about(const struct dstate *ds, size_t m)
{
	const struct resolve_state *rs = ds->rs;
	const struct mention *mn = &rs->mr->m[m];

	/* (A qualifier qualified in turn, the state of "Philippi, West
	 * Virginia, Mexico", is in question: resolve_alts says why.) */
	if ((mn->flags & (MATCH_REGION_ABBR | MATCH_NOT_PLACE)) || ((mn->flags & MATCH_QUALIFIER) && mn->qualifier < 0))
		return 0;
	if (!(mn->flags & MATCH_DEMONYM) && !rs->rm[m].keep && !rs->rm[m].unsupported_proper)
		return 0;
	/* "Kansas City Chiefs": the cue phrase names the place. */
	if (rs->rm[m].in_cue)
		return 0;
	if (ds->o && ds->o->skip_quotes && (mn->flags & MATCH_QUOTED))
		return 0;
	return 1;
}

static void each_cand(struct dstate *ds, cand_fn fn, void *arg, void (*done)(struct dstate *, void *))
{
	const struct resolve_state *rs = ds->rs;
	size_t i;

	for (i = 0; i < rs->mr->n; i++) {
		if (!asks_about(ds, i))
			continue;
		mention_cands(ds, i, fn, arg);
		if (done)
			done(ds, arg);
	}
	for (i = 0; i < rs->mr->n_unk; i++) {
		if (ds->o && ds->o->skip_quotes && (rs->mr->unk[i].flags & MATCH_QUOTED))
			continue;
		word_cands(ds, i, fn, arg);
		if (done)
			done(ds, arg);
	}
}

/* ---- findings ------------------------------------------------------------------ */

struct best {
	struct detect_cand c;
	int rule, sev;
	int have;
};

/* Bit mask of the rules whose slices hold candidate C (score aside). */
static unsigned slices_of(const struct dstate *ds, const struct detect_cand *c)
{
	unsigned mask = 0;
	int r;

	for (r = 0; r < DETECT_RULE__COUNT; r++)
		if (detect_rule_views[r].accepts && detect_rule_views[r].accepts(ds, c))
			mask |= 1u << r;
	return mask;
}

/*
 * The rule and severity candidate C earns: the highest severity among the
 * rules whose slices hold it, the earlier rule on a tie.  A look-alike
 * whose own name the story writes too, at suggestion level, is the
 * reminder (lookalike-pair).  -1 in *SEV: none.
 */
static int view_of(const struct dstate *ds, const struct detect_cand *c, int *sev)
{
	unsigned mask = slices_of(ds, c);
	int r, best = -1;
	const struct mention *mn = detect_mention(ds, c);

	*sev = -1;
	/* "Sioux City [sic]": the writer has seen it and keeps it. */
	if ((mn ? mn->flags : ds->rs->mr->unk[c->w].flags) & MATCH_SIC)
		return -1;
	for (r = 0; r < DETECT_RULE__COUNT; r++) {
		int s;
		if (!(mask & (1u << r)))
			continue;
		s = detect_severity(r, c);
		if (detect_rule_views[r].cap && s > detect_rule_views[r].cap(ds, c))
			s = detect_rule_views[r].cap(ds, c);
		if (s > *sev) {
			*sev = s;
			best = r;
		}
	}
	if (best == DETECT_RULE_LOOKALIKE_CONTEXT && *sev == DETECT_SEV_SUGGESTION && c->x[F_T_WRITTEN] > 0)
		best = DETECT_RULE_LOOKALIKE_PAIR;
	return best;
}

static void keep_best(struct dstate *ds, struct detect_cand *c, void *arg)
{
	struct best *b = arg;
	int rule, sev;

	rule = view_of(ds, c, &sev);
	if (rule < 0 || sev < 0)
		return;
	if (!b->have || sev > b->sev || (sev == b->sev && c->score > b->c.score)) {
		b->c = *c;
		b->rule = rule;
		b->sev = sev;
		b->have = 1;
	}
}

static void emit_best(struct dstate *ds, void *arg)
{
	struct best *b = arg;
	const struct resolve_state *rs = ds->rs;
	struct finding *f;
	const struct mention *mn;

	if (!b->have)
		return;
	b->have = 0;
	if (ds->o && ds->o->min_confidence > 0 && detect_confidence(b->c.score) < ds->o->min_confidence)
		return;
	if (ds->n_f == ds->cap_f) {
		size_t ncap = ds->cap_f ? ds->cap_f * 2 : 8;
		ds->f = arena_grow(ds->a, ds->f, ds->cap_f, ncap, sizeof *ds->f);
		ds->fc = arena_grow(ds->a, ds->fc, ds->cap_f, ncap, sizeof *ds->fc);
		ds->frule = arena_grow(ds->a, ds->frule, ds->cap_f, ncap, sizeof *ds->frule);
		ds->cap_f = ncap;
	}
	ds->fc[ds->n_f] = b->c;
	ds->frule[ds->n_f] = b->rule;
	f = &ds->f[ds->n_f++];
	memset(f, 0, sizeof *f);
	mn = detect_mention(ds, &b->c);
	f->rule = detect_rules[b->rule].id;
	f->sev = (enum detect_sev)b->sev;
	f->confidence = detect_confidence(b->c.score);
	if (mn) {
		f->offset = mn->off;
		f->length = mn->len;
		f->quoted = (mn->flags & MATCH_QUOTED) != 0;
	} else {
		const struct resolve_word *rw = &rs->rw[b->c.w];
		f->offset = rw->span_start;
		f->length = rw->span_end - rw->span_start;
		f->quoted = (rs->mr->unk[b->c.w].flags & MATCH_QUOTED) != 0;
	}
	f->text = arena_strndup(ds->a, rs->s->text + f->offset, f->length);
	if (b->c.lit)
		f->reading = detect_dplace(ds, b->c.lit);
	f->alternative = detect_dplace(ds, b->c.alt->place);
	detect_rule_views[b->rule].describe(ds, &b->c, f);
	f->n_evidence = detect_evidence(ds, &b->c, &f->evidence, DETECT_MAX_EVIDENCE);
}

/*
 * "Iran's oil minister said Iraq would raise output": each of two
 * look-alike names the story writes flagged as a slip for the other.  At
 * most one can be; the likelier keeps its warning and the other becomes
 * the reminder (lookalike-pair).  Where neither is likelier by
 * MUTUAL_MARGIN in log-odds (0.5: 1.65 times as likely; "Slovakia will
 * sign, officials said. Slovenia agreed." says the same of both), the
 * story does not say which is the slip, if either: both become the
 * reminder.  (At 1.0 the retold "troops died in Iran and Afghanistan ...
 * wounded in Iraq and Afghanistan", 5.2 against 4.5, lost its warning.)
 * One pass to note, per
 * (name, look-alike) direction, its best score; one to compare: linear
 * in the findings.
 */
#define MUTUAL_MARGIN 0.5
struct mutual_ent {
	const char *l, *t;       /* the name written, the look-alike suggested */
	double score;
	size_t off;              /* of the best finding that way */
};

static size_t mutual_hash(const char *l, const char *t)
{
	size_t h = 5381;

	for (; *l; l++)
		h = h * 33 + (unsigned char)*l;
	h = h * 33 + 0x1f;
	for (; *t; t++)
		h = h * 33 + (unsigned char)*t;
	return h;
}

static struct mutual_ent *mutual_slot(struct mutual_ent *tab, size_t cap, const char *l, const char *t)
{
	size_t h = mutual_hash(l, t) & (cap - 1);

	while (tab[h].l && !(strcmp(tab[h].l, l) == 0 && strcmp(tab[h].t, t) == 0))
		h = (h + 1) & (cap - 1);
	return &tab[h];
}

static int mutual_kind(const struct dstate *ds, size_t i)
{
	return ds->frule[i] == DETECT_RULE_LOOKALIKE_CONTEXT && ds->f[i].sev == DETECT_SEV_WARNING &&
	       ds->fc[i].m != (size_t)-1;
}

static void demote_mutual(struct dstate *ds)
{
	const struct resolve_state *rs = ds->rs;
	struct mutual_ent *tab;
	size_t cap = 16, i;

	while (cap < ds->n_f * 2 + 2)
		cap *= 2;
	tab = arena_calloc(ds->a, cap, sizeof *tab);
	for (i = 0; i < ds->n_f; i++) {
		const struct detect_cand *c = &ds->fc[i];
		struct mutual_ent *e;
		if (!mutual_kind(ds, i))
			continue;
		e = mutual_slot(tab, cap, rs->mr->m[c->m].key, c->alt->key);
		if (!e->l || c->score > e->score) {
			e->l = rs->mr->m[c->m].key;
			e->t = c->alt->key;
			e->score = c->score;
			e->off = ds->f[i].offset;
		}
	}
	for (i = 0; i < ds->n_f; i++) {
		const struct detect_cand *c = &ds->fc[i];
		const struct mutual_ent *o;
		if (!mutual_kind(ds, i))
			continue;
		o = mutual_slot(tab, cap, c->alt->key, rs->mr->m[c->m].key);
		if (!o->l || o->score <= c->score - MUTUAL_MARGIN)
			continue;
		ds->frule[i] = DETECT_RULE_LOOKALIKE_PAIR;
		ds->f[i].rule = detect_rules[DETECT_RULE_LOOKALIKE_PAIR].id;
		ds->f[i].sev = DETECT_SEV_SUGGESTION;
		detect_rule_views[DETECT_RULE_LOOKALIKE_PAIR].describe(ds, c, &ds->f[i]);
	}
}

enum pc_rc detect_run(const struct resolve_state *rs, const struct detect_opts *o, struct arena *a,
		      struct finding **findings, size_t *n_findings, struct resolved_place **places,
		      size_t *n_places, struct diag *d)
{
	struct dstate ds;
	struct best b;
	struct resolved_place *pl;
	size_t i, n_p = 0;

	(void)d;
	memset(&ds, 0, sizeof ds);
	ds.rs = rs;
	ds.o = o;
	ds.a = a;
	detect_capitals_named(&ds);
	memset(&b, 0, sizeof b);
	each_cand(&ds, keep_best, &b, emit_best);
	demote_mutual(&ds);
	/* Places: every kept mention with its reading. */
	pl = arena_calloc(a, rs->mr->n ? rs->mr->n : 1, sizeof *pl);
	for (i = 0; i < rs->mr->n; i++) {
		const struct mention *mn = &rs->mr->m[i];
		if (!rs->rm[i].keep || rs->rm[i].best < 0 || (mn->flags & MATCH_NOT_PLACE))
			continue;
		pl[n_p].offset = mn->off;
		pl[n_p].length = mn->len;
		pl[n_p].text = mn->surface;
		pl[n_p].place = detect_dplace(&ds, &mn->cands[rs->rm[i].best].place);
		pl[n_p].confidence = rs->rm[i].conf;
		n_p++;
	}
	*findings = ds.f;
	*n_findings = ds.n_f;
	*places = pl;
	*n_places = n_p;
	return PC_OK;
}

/* ---- for the fitting tool ---------------------------------------------------------- */

struct each_arg {
	detect_cand_fn fn;
	void *arg;
};

static void each_one(struct dstate *ds, struct detect_cand *c, void *arg)
{
	struct each_arg *ea = arg;
	const struct resolve_state *rs = ds->rs;
	struct detect_cand_info ci;
	const struct mention *mn = detect_mention(ds, c);
	int r;

	memset(&ci, 0, sizeof ci);
	if (mn) {
		ci.offset = mn->off;
		ci.length = mn->len;
		ci.surface = mn->surface;
	} else {
		ci.offset = rs->rw[c->w].span_start;
		ci.length = rs->rw[c->w].span_end - ci.offset;
		ci.surface = detect_surface(ds, c);
		ci.is_word = 1;
	}
	ci.lit = c->lit;
	ci.alt = c->alt->place;
	ci.alt_form = c->alt->form;
	ci.rel = c->alt->rel;
	ci.x = arena_alloc(ds->a, sizeof c->x);
	memcpy((double *)ci.x, c->x, sizeof c->x);
	ci.score = c->score;
	ci.slices = slices_of(ds, c);
	for (r = 0; r < DETECT_RULE__COUNT; r++)
		if ((ci.slices & (1u << r)) && detect_rule_views[r].cap &&
		    detect_rule_views[r].cap(ds, c) <= DETECT_SEV_SUGGESTION)
			ci.noted |= 1u << r;
	ea->fn(ea->arg, &ci);
}

enum pc_rc detect_each_candidate(const struct resolve_state *rs, const struct detect_opts *o,
				 struct arena *a, detect_cand_fn fn, void *arg)
{
	struct dstate ds;
	struct each_arg ea = { fn, arg };

	memset(&ds, 0, sizeof ds);
	ds.rs = rs;
	ds.o = o;
	ds.a = a;
	detect_capitals_named(&ds);
	each_cand(&ds, each_one, &ea, NULL);
	return PC_OK;
}
