/*
 * resolve.c: scoring readings against the article (see resolve.h).
 *
 * The numbers below were tuned on the project's own test articles
 * (tests/cases, tests/eval); change them only with `make eval` at hand.
 */
#include "resolve/resolve.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#define RESOLVE_ROUNDS 2
/* Readings per mention scored against the context (see score_mention). */
#define RESOLVE_MAX_SCORED 10
/* Weight of the evidence a mention's reading gives, times its confidence. */
#define RESOLVE_MENTION_WEIGHT 0.6

double resolve_km(double lat1, double lon1, double lat2, double lon2)
{
	const double r = 6371.0, rad = M_PI / 180.0;
	double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
	double h = sin(dlat / 2) * sin(dlat / 2) +
		   cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);

	return 2 * r * asin(sqrt(h < 1 ? h : 1));
}

double resolve_prior(const struct db_place *p, int name_kind)
{
	double pop = p->population > 0 ? (double)p->population : 0;
	double s = 0.22 * log10(pop + 100.0);

	switch (p->kind) {
	case DB_KIND_COUNTRY:
		s += 0.5;
		break;
	case DB_KIND_ADMIN1:
		s += 0.35;
		break;
	case DB_KIND_ADMIN2:
		s += 0.05;
		break;
	case DB_KIND_REGION:
		s += 0.5;
		break;
	default:
		if (strcmp(p->fcode, "PPLC") == 0)
			s += 0.25;
		else if (strcmp(p->fcode, "PPLA") == 0)
			s += 0.12;
		else if (strcmp(p->fcode, "PPLA2") == 0)
			s += 0.04;
		break;
	}
	if (name_kind == DB_NAME_ALT)
		s -= 0.25;
	return s;
}

static int same_str(const char *a, const char *b)
{
	/* Hot path (every candidate against every piece of evidence): codes
	 * are short ("US", "VA", "NC"), so compare bytes before any strcmp. */
	if (!a[0] || a[0] != b[0] || a[1] != b[1])
		return 0;
	if (!a[1])
		return 1;
	if (a[2] != b[2])
		return 0;
	return !a[2] || strcmp(a + 3, b + 3) == 0;
}

/*
 * Squared chord lengths on the unit sphere for 25, 80, 200 and 500 km:
 * comparing these against |a - b|^2 of two unit vectors needs no
 * trigonometry in the hot loop.  chord = 2 sin(d / 2R).
 */
#define CHORD2(km) (4.0 * sin((km) / 12742.0) * sin((km) / 12742.0))

static double fit_xyz(const struct db_place *c, const double *cxyz, const struct db_place *e,
		      const double *exyz, int e_level)
{
	int same_cc = same_str(c->country, e->country);
	int same_a1 = same_cc && same_str(c->admin1, e->admin1);

	if (c->id == e->id)
		return 1.0;
	switch (c->kind) {
	case DB_KIND_COUNTRY:
		return same_cc ? (e_level == CTX_COUNTRY ? 1.0 : 0.8) : 0.0;
	case DB_KIND_ADMIN1:
		if (e_level == CTX_COUNTRY)
			return same_cc ? 0.3 : 0.0;
		if (same_a1)
			return e_level == CTX_ADMIN1 ? 1.0 : 0.9;
		return same_cc ? 0.1 : 0.0;
	case DB_KIND_REGION:
		return 0.0;
	default: {
		double adm = same_a1 ? 0.5 : (same_cc ? 0.2 : 0.0), geo = 0.0, dx, dy, dz, c2;
		if (e_level == CTX_COUNTRY)
			return same_cc ? 1.0 : 0.0;
		/* A state named speaks for all its towns, the big ones first:
		 * the prior does the rest. */
		if (e_level == CTX_ADMIN1)
			return same_a1 ? 1.0 : (same_cc ? 0.25 : 0.0);
		if (c->kind == DB_KIND_ADMIN2 && same_a1 && same_str(c->admin2, e->admin2))
			return 0.9;
		if (e->kind == DB_KIND_ADMIN2 && same_a1 && same_str(c->admin2, e->admin2))
			return 0.9;
		dx = cxyz[0] - exyz[0];
		dy = cxyz[1] - exyz[1];
		dz = cxyz[2] - exyz[2];
		c2 = dx * dx + dy * dy + dz * dz;
		if (c2 < CHORD2(25))
			geo = 0.9;
		else if (c2 < CHORD2(80))
			geo = 0.7;
		else if (c2 < CHORD2(200))
			geo = 0.45;
		else if (c2 < CHORD2(500))
			geo = 0.2;
		return geo > adm ? geo : adm;
	}
	}
}

double resolve_fit(const struct db_place *c, const struct db_place *e, int e_level)
{
	double cx[3], ex[3];

	ctx_xyz(c->lat, c->lon, cx);
	ctx_xyz(e->lat, e->lon, ex);
	return fit_xyz(c, cx, e, ex, e_level);
}

/* Nearness in the text of evidence EV to mention M: 0.4..1. */
/* How near evidence EV stands to token T: 1 in its sentence, down to 0.4. */
static double prox_tok(const struct scan_tok *t, const struct ctx_ev *ev)
{
	long ds = (long)ev->sent - (long)t->sent;
	double p;

	if (ds == 0)
		p = 1.0;
	else if (ds == -1 || ds == 1)
		p = 0.75;
	else if (ev->para == t->para)
		p = 0.6;
	else
		p = 0.4;
	if (ev->dateline && p < 0.6)
		p = 0.6;
	return p;
}

static double prox(const struct resolve_state *rs, size_t m, const struct ctx_ev *ev)
{
	if (m >= rs->mr->n)
		return 1.0;
	return prox_tok(&rs->s->toks[rs->mr->m[m].tok_start], ev);
}

/* Is evidence EV to be left out when scoring mention M? */
static int skip_ev(const struct resolve_state *rs, size_t m, const struct ctx_ev *ev, unsigned opts)
{
	const struct mention *mn;

	if (m >= rs->mr->n)
		return 0; /* not a mention (a misspelling): everything counts */
	mn = &rs->mr->m[m];

	if (ev->mention == (int)m)
		return 1;
	if ((opts & RESOLVE_NO_QUALIFIER) && mn->qualifier >= 0 && ev->mention == mn->qualifier)
		return 1;
	/* Another mention of the same name must not vouch for itself, unless
	 * the writer qualified it ("SYDNEY, N.S." ... "in Sydney"). */
	if (!(opts & RESOLVE_SAME_KEY) && ev->mention >= 0 && rs->key_id[ev->mention] == rs->key_id[m]) {
		const struct mention *o = &rs->mr->m[ev->mention];
		if (o->qualifier < 0)
			return 1;
	}
	return 0;
}

/*
 * Evidence further than this many paragraphs away does not count: a long
 * file is usually many stories, and the bound keeps scoring linear in the
 * length of the document.
 */
#define RESOLVE_PARA_WINDOW 12
/* At most this many evidence items speak for one reading (see ev_window). */
#define RESOLVE_EV_WINDOW 400

/* First evidence item of C (sorted by paragraph) with para >= P. */
static size_t ev_lower(const struct ctx *c, unsigned p)
{
	size_t lo = 0, hi = c->n_ev;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->ev[mid].para < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Evidence index range [*LO, *HI) that may speak for mention M: the
 * whole window for article-wide questions (RESOLVE_DOCWIDE), a narrower
 * one for reading a name, where nearby evidence dominates anyway. */
static void ev_window(const struct resolve_state *rs, const struct ctx *c, size_t m, unsigned opts,
		      size_t *lo, size_t *hi)
{
	unsigned para, first, w = (opts & RESOLVE_DOCWIDE) ? RESOLVE_PARA_WINDOW : RESOLVE_PARA_WINDOW / 2;

	if (m >= rs->mr->n) {
		*lo = 0;
		*hi = c->n_ev;
		return;
	}
	para = rs->s->toks[rs->mr->m[m].tok_start].para;
	first = para > w ? para - w : 0;
	*lo = ev_lower(c, first);
	*hi = ev_lower(c, para + w + 1);
	/*
	 * A single huge paragraph (a list of 5,000 towns) would make every
	 * mention weigh every other: keep the RESOLVE_EV_WINDOW items nearest
	 * in the text, so the cost stays linear in the document's length.
	 */
	if (*hi - *lo > RESOLVE_EV_WINDOW) {
		size_t tok = rs->mr->m[m].tok_start, a = *lo, b = *hi, mid;
		while (a < b) {
			mid = a + (b - a) / 2;
			if (c->ev[mid].tok < tok)
				a = mid + 1;
			else
				b = mid;
		}
		mid = a;
		*lo = mid > *lo + RESOLVE_EV_WINDOW / 2 ? mid - RESOLVE_EV_WINDOW / 2 : *lo;
		*hi = *lo + RESOLVE_EV_WINDOW < *hi ? *lo + RESOLVE_EV_WINDOW : *hi;
	}
}

/*
 * Fits this weak say only "same country": many of them (every American
 * town in an American story) must not add up to a reason to read "Rome" as
 * Rome, Ga.; their sum is capped.
 */
#define RESOLVE_WEAK_FIT 0.25
#define RESOLVE_WEAK_CAP 0.3

static double support_from(const struct resolve_state *rs, const struct ctx *c, size_t m,
			   const struct db_place *p, const double *pxyz, unsigned opts)
{
	double s = 0.0, weak = 0.0;
	size_t i, lo, hi;

	ev_window(rs, c, m, opts, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const struct ctx_ev *ev = &c->ev[i];
		double f;
		if (skip_ev(rs, m, ev, opts))
			continue;
		f = fit_xyz(p, pxyz, &ev->place, ev->xyz, ev->level);
		if (f <= 0.0)
			continue;
		if ((opts & RESOLVE_STRONG) && f < 0.5)
			continue;
		/* "American" or "the U.S." attests no town or state in particular:
		 * it cannot tell Columbia, S.C., from Columbia, Mo. */
		if ((opts & RESOLVE_STRONG) && ev->level == CTX_COUNTRY && p->kind != DB_KIND_COUNTRY)
			continue;
		if (f <= RESOLVE_WEAK_FIT)
			weak += ev->weight * f * ((opts & RESOLVE_DOCWIDE) ? 1.0 : prox(rs, m, ev));
		else
			s += ev->weight * f * ((opts & RESOLVE_DOCWIDE) ? 1.0 : prox(rs, m, ev));
	}
	return s + (weak < RESOLVE_WEAK_CAP ? weak : RESOLVE_WEAK_CAP);
}

double resolve_support(const struct resolve_state *rs, size_t m, const struct db_place *p,
		       unsigned opts)
{
	double xyz[3];

	ctx_xyz(p->lat, p->lon, xyz);
	return support_from(rs, rs->ctx, m, p, xyz, opts) + support_from(rs, &rs->dyn, m, p, xyz, opts);
}

/* Does candidate C lie inside the region read by qualifier Q? */
int resolve_inside(const struct mention *q, const struct db_place *c)
{
	size_t j;

	for (j = 0; j < q->n_cands; j++)
		if (db_place_in_region(c, &q->cands[j].place))
			return 1;
	return 0;
}

static double combine(double prior, double support)
{
	return prior + 1.2 * log1p(1.5 * support);
}

/* Rebuild the evidence that the mentions' current readings give. */
static void rebuild_dyn(struct resolve_state *rs)
{
	size_t i, j;

	rs->dyn.n_ev = 0;
	for (i = 0; i < rs->mr->n; i++) {
		const struct mention *mn = &rs->mr->m[i];
		const struct resolve_mention *r = &rs->rm[i];
		if (r->best < 0 || !r->keep)
			continue;
		if (mn->flags & (MATCH_DEMONYM | MATCH_QUALIFIER | MATCH_REGION_ABBR))
			continue; /* already static evidence */
		/*
		 * Soft evidence: every reading with a fair share of belief speaks,
		 * in proportion to that share, so that "Medellín" (which could be
		 * one of several Colombian places) still speaks for Colombia.
		 */
		for (j = 0; j < mn->n_cands; j++) {
			struct ctx_ev ev;
			double p = r->sc[j].p;
			if (p < 0.1)
				continue;
			memset(&ev, 0, sizeof ev);
			ev.place = mn->cands[j].place;
			ev.level = ev.place.kind == DB_KIND_COUNTRY ? CTX_COUNTRY
				   : ev.place.kind == DB_KIND_ADMIN1 ? CTX_ADMIN1
								      : CTX_PLACE;
			ev.source = CTX_SRC_NAME;
			ev.weight = RESOLVE_MENTION_WEIGHT * p;
			/* A qualified mention is what the writer pinned down. */
			if (mn->qualifier >= 0 && (int)j == r->best)
				ev.weight = RESOLVE_MENTION_WEIGHT;
			/* A national capital speaks loudly for its country. */
			if (strcmp(ev.place.fcode, "PPLC") == 0)
				ev.weight *= 1.5;
			if (mn->flags & (MATCH_WEAK | MATCH_ORG | MATCH_ALT_ONLY))
				ev.weight *= 0.5;
			ev.tok = mn->tok_start;
			ev.tok_end = mn->tok_end;
			ev.sent = rs->s->toks[mn->tok_start].sent;
			ev.para = rs->s->toks[mn->tok_start].para;
			ev.mention = (int)i;
			ev.key = mn->key;
			ev.what = mn->surface;
			ev.dateline = (mn->flags & MATCH_DATELINE) != 0;
			ctx_add(&rs->dyn, rs->a, &ev);
		}
	}
}

/*
 * "Washington" and "New York" written alone mean the city in news copy;
 * the state is "Washington state", "New York State" or "the state of
 * Washington".  A state reading loses STATE_NAMESAKE_PENALTY of prior when
 * a big city of its country shares the name (the capital, or a city with a
 * quarter of the state's population, away from the state's own point:
 * not a city-state like Taipei) and the text does not say "state".
 * Measured: "a pollster based in Washington" in a swing-state story read
 * as Washington state (prior 1.85 against the capital's 1.53).
 */
#define STATE_NAMESAKE_PENALTY 0.4
/*
 * "Kansas" alone is the state, not Kansas, Okla. (783 people), however
 * Oklahoma the story is; "Italy sent a statue" is no Italy, Texas; and
 * "Minneapolis" alone is the city, not Minneapolis, Kan. (2,000), though
 * Kansas is named in the next sentence: news copy names a small town with
 * its state.  A village that shares a state's, a country's or a big city's
 * own name loses this much prior unless a qualifier names it.
 */
#define BIG_CITY_POP 300000
#define HAMLET_NAMESAKE_POP 10000
#define HAMLET_NAMESAKE_PENALTY 0.6
#define DATELINE_CITY_POP 50000
#define DATELINE_REGION_PENALTY 1.0
#define DATELINE_NAME_BONUS 2.0 /* the dateline's reading, for later mentions of its name */
static int city_namesake(const struct resolve_state *rs, const struct mention *mn, const struct db_place *st)
{
	const struct scan_doc *s = rs->s;
	size_t j;
	int city = 0;

	for (j = 0; j < mn->n_cands && !city; j++) {
		const struct db_place *c = &mn->cands[j].place;
		city = c->kind == DB_KIND_PLACE && strcmp(c->country, st->country) == 0 && c->population >= 500000 &&
		       (strcmp(c->fcode, "PPLC") == 0 || (double)c->population * 4 >= (double)st->population) &&
		       resolve_km(c->lat, c->lon, st->lat, st->lon) > 50; /* not a city-state (Taipei) */
	}
	if (!city)
		return 0;
	if (scan_is_word(s, mn->tok_end, "state")) /* tok_end is exclusive */
		return 0;
	if (mn->tok_start >= 2 && scan_is_word(s, mn->tok_start - 1, "of") && scan_is_word(s, mn->tok_start - 2, "state"))
		return 0;
	return 1;
}

/* Is the mention followed by a verb of speech ("Georgia said")? */
static int speech_after(const struct resolve_state *rs, const struct mention *mn)
{
	static const char *const verbs[] = { "said", "says", "told", "added", "asked", "wrote", "replied" };
	size_t i;

	for (i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
		if (scan_is_word(rs->s, mn->tok_end, verbs[i]))
			return 1;
	return 0;
}

/*
 * The mention of the story's own dateline, when it has a qualifier
 * ("HOLLAND, Mich.") and the file holds no other datelined story (a
 * briefs roundup); -1 otherwise.
 */
static int sole_dateline(const struct resolve_state *rs)
{
	size_t i;
	int found = -1;
	unsigned para = 0;

	for (i = 0; i < rs->mr->n; i++) {
		const struct mention *mn = &rs->mr->m[i];
		unsigned p = rs->s->toks[mn->tok_start].para;
		if (!(mn->flags & MATCH_DATELINE) || (mn->flags & MATCH_QUALIFIER))
			continue;
		if (found >= 0 && p != para)
			return -1;
		if (found < 0 && mn->qualifier >= 0) {
			found = (int)i;
			para = p;
		}
	}
	return found;
}

/* Score every candidate of mention I and choose the best. */
static void score_mention(struct resolve_state *rs, size_t i, int use_support)
{
	const struct mention *mn = &rs->mr->m[i];
	struct resolve_mention *r = &rs->rm[i];
	const struct mention *q = mn->qualifier >= 0 ? &rs->mr->m[mn->qualifier] : NULL;
	int any_inside = 0, best = -1, dl_j = -1, region_named = 0, city_to_read = 0;
	double best_sc = -1e9, sum = 0.0;
	size_t j;
	const struct db_place *dl_place = NULL;

	if (rs->dateline >= 0 && (size_t)rs->dateline != i && rs->key_id[rs->dateline] == rs->key_id[i] &&
	    rs->rm[rs->dateline].best >= 0)
		dl_place = &rs->mr->m[rs->dateline].cands[rs->rm[rs->dateline].best].place;

	if (q)
		for (j = 0; j < mn->n_cands; j++)
			if (resolve_inside(q, &mn->cands[j].place))
				any_inside = 1;
	for (j = 0; j < mn->n_cands; j++)
		if (mn->cands[j].place.kind == DB_KIND_PLACE && mn->cands[j].name_kind != DB_NAME_ALT &&
		    mn->cands[j].place.population >= DATELINE_CITY_POP)
			city_to_read = 1;
	for (j = 0; j < mn->n_cands; j++)
		if ((mn->cands[j].place.kind == DB_KIND_ADMIN1 || mn->cands[j].place.kind == DB_KIND_COUNTRY ||
		     (mn->cands[j].place.kind == DB_KIND_PLACE && mn->cands[j].place.population >= BIG_CITY_POP)) &&
		    mn->cands[j].name_kind != DB_NAME_ALT)
			region_named = 1;
	for (j = 0; j < mn->n_cands; j++) {
		struct resolve_score *sc = &r->sc[j];
		/*
		 * Readings come most populous first; past the first few only
		 * regions and places inside the qualifier are worth scoring
		 * against the context (a name with 64 villages would
		 * otherwise dominate the cost).
		 */
		int score_it = use_support && (j < RESOLVE_MAX_SCORED || mn->cands[j].place.kind != DB_KIND_PLACE ||
					       (q && resolve_inside(q, &mn->cands[j].place)));
		sc->prior = resolve_prior(&mn->cands[j].place, mn->cands[j].name_kind);
		if (mn->cands[j].place.kind == DB_KIND_ADMIN1 && mn->qualifier < 0 &&
		    city_namesake(rs, mn, &mn->cands[j].place))
			sc->prior -= STATE_NAMESAKE_PENALTY;
		if (region_named && !q && mn->cands[j].place.kind == DB_KIND_PLACE &&
		    mn->cands[j].place.population < HAMLET_NAMESAKE_POP)
			sc->prior -= HAMLET_NAMESAKE_PENALTY;
		/* A dateline names a town: "VICTORIA —" is a city, not the
		 * Australian state, where a city of the name is there to read. */
		if (city_to_read && (mn->flags & MATCH_DATELINE) && mn->cands[j].place.kind == DB_KIND_ADMIN1)
			sc->prior -= DATELINE_REGION_PENALTY;
		sc->support = score_it ? resolve_support(rs, i, &mn->cands[j].place, 0) : 0.0;
		sc->score = combine(sc->prior, sc->support);
		/* An explicit qualifier decides. */
		if (any_inside && !resolve_inside(q, &mn->cands[j].place))
			sc->score -= 10.0;
		if (!q && use_support && dl_place && dl_place->id == mn->cands[j].place.id)
			dl_j = (int)j;
		/* Inside a cue phrase ("Kansas City Chiefs"), the cue's place decides. */
		if (r->in_cue) {
			const struct ctx_ev *cue = &rs->ctx->ev[r->in_cue - 1];
			if (resolve_fit(&mn->cands[j].place, &cue->place, cue->level) >= 0.9)
				sc->score += 5.0;
		}
		if (sc->score > best_sc) {
			best_sc = sc->score;
			best = (int)j;
		}
	}
	/*
	 * "Holland was founded in 1847" under "HOLLAND, Mich.": the
	 * dateline's name means the dateline's place throughout, unless the
	 * story plainly attests the other reading and gives the dateline's
	 * nothing beyond its qualifier (the Perth of a Scottish story under
	 * a wrong "PERTH, Australia", which the detector needs to see).  A
	 * "SIDNEY, Ohio" story with Shelby County in it keeps its Sidney
	 * though it also names Sydney, Australia once.
	 */
	if (dl_j >= 0 && best >= 0 && dl_j != best &&
	    (resolve_support(rs, i, &mn->cands[best].place, RESOLVE_DOCWIDE | RESOLVE_STRONG) < 1.0 ||
	     resolve_support(rs, (size_t)rs->dateline, dl_place,
			     RESOLVE_NO_QUALIFIER | RESOLVE_DOCWIDE | RESOLVE_STRONG) >= 0.5)) {
		r->sc[dl_j].score += DATELINE_NAME_BONUS;
		if (r->sc[dl_j].score > best_sc) {
			best_sc = r->sc[dl_j].score;
			best = dl_j;
		}
	}
	r->best = best;
	if (best < 0) {
		r->conf = 0.0;
		return;
	}
	/* Confidence: softmax share of the best reading. */
	for (j = 0; j < mn->n_cands; j++)
		sum += exp((r->sc[j].score - best_sc) / 0.35);
	for (j = 0; j < mn->n_cands; j++)
		r->sc[j].p = exp((r->sc[j].score - best_sc) / 0.35) / sum;
	r->conf = 1.0 / sum;
	if (r->conf > 0.99)
		r->conf = 0.99;
}

/* Decide whether mention I is reported as a place. */
static int keep_mention(const struct resolve_state *rs, size_t i, int *unsupported_proper)
{
	const struct mention *mn = &rs->mr->m[i];
	const struct resolve_mention *r = &rs->rm[i];
	double s;
	int slot;

	if (r->best < 0 || (mn->flags & MATCH_DEMONYM))
		return 0;
	/* Part of a cue phrase: a place only if it is the cue's own place
	 * ("Kansas City" in "Kansas City Chiefs", not "America" in "Bank of
	 * America Stadium" nor "Carolina" in "Carolina Panthers"). */
	if (r->in_cue) {
		const struct ctx_ev *cue = &rs->ctx->ev[r->in_cue - 1];
		const struct db_place *p = &mn->cands[r->best].place;
		return p->kind == cue->place.kind && resolve_fit(p, &cue->place, cue->level) >= 0.9;
	}
	if (mn->flags & (MATCH_QUALIFIER | MATCH_REGION_ABBR | MATCH_DATELINE))
		return 1;
	if (mn->qualifier >= 0)
		return 1;
	/* "Paris Hilton", "Sydney Sweeney": a surname follows. */
	if (mn->flags & MATCH_NEXT_SURNAME)
		return 0;
	/* "University of ...", "Bank of ...": an organisation's name. */
	if (mn->flags & MATCH_OF_ORG)
		return 0;
	s = r->sc[r->best].support;
	slot = (mn->flags & MATCH_PLACE_SLOT) != 0;
	/* "in August", "on Sunday": a month or a day unless the story insists. */
	if (mn->flags & MATCH_CALENDAR)
		return s >= 1.5;
	/* A common word ("Mobile", "Reading", "March") needs the article's support. */
	if (mn->flags & MATCH_WEAK)
		return (slot && s >= 0.4) || s >= 1.2 ||
		       (mn->cands[r->best].place.population >= 100000 && s >= 0.5);
	/* A phrase of common words read through another name of a place
	 * ("the Old Town waterfront" as Baltimore): it needs the story's
	 * strong support or a place slot. */
	if ((mn->flags & MATCH_PHRASE) && mn->cands[r->best].name_kind == DB_NAME_ALT &&
	    !(slot && s >= 0.3) && s < 1.6)
		return 0;
	/* Only an alternate name matched ("Thursday" -> Thursday Island). */
	/* The same when the best reading is such an other name. */
	if (mn->cands[r->best].name_kind == DB_NAME_ALT && mn->cands[r->best].place.kind == DB_KIND_PLACE &&
	    mn->cands[r->best].place.population < 100000 && !(slot && s >= 0.3) && s < 1.6)
		return 0;
	if (mn->flags & MATCH_ALT_ONLY) {
		/* A small place's other name ("Coco" for San Juan de Urabá)
		 * is far more often something else: it needs a place slot. */
		if (mn->cands[r->best].place.population < 100000)
			return (slot && s >= 0.3) || s >= 1.6;
		return (slot && s >= 0.3) || s >= 0.8;
	}
	/* A given name standing alone ("Austin said") needs a place slot or support. */
	/* (a capital or a big city needs less: "Sofia was cold") */
	/* (a country or state is named on purpose, "Georgia lawmakers", unless
	 * a verb of speech follows: "Georgia said") */
	if ((mn->flags & MATCH_GIVEN) && !(mn->flags & (MATCH_PLACE_SLOT | MATCH_POSS | MATCH_ORG))) {
		int kind = mn->cands[r->best].place.kind;
		if ((kind == DB_KIND_COUNTRY || kind == DB_KIND_ADMIN1) && !speech_after(rs, mn))
			return 1;
		return s >= (mn->cands[r->best].place.population >= 500000 ? 0.15 : 0.3);
	}
	/* A capitalised dictionary entry ("Christmas", "Easter") that is only a
	 * small place needs a place slot or support. */
	if ((mn->flags & MATCH_PROPER) && !slot && mn->cands[r->best].place.kind == DB_KIND_PLACE &&
	    mn->cands[r->best].place.population < 100000) {
		*unsupported_proper = s < 0.3;
		return s >= 0.3;
	}
	/* A title-case headline word needs some support too. */
	if ((mn->flags & MATCH_HEADLINE) && mn->cands[r->best].place.kind == DB_KIND_PLACE)
		return s >= 0.2;
	return 1;
}

/* Give mentions with equal keys one small integer id (hash table in A). */
static int *assign_key_ids(const struct match_result *mr, struct arena *a)
{
	size_t cap = 16, i;
	int *ids = arena_alloc(a, (mr->n ? mr->n : 1) * sizeof *ids);
	int *slot;

	while (cap < mr->n * 2 + 2)
		cap *= 2;
	slot = arena_alloc(a, cap * sizeof *slot);
	for (i = 0; i < cap; i++)
		slot[i] = -1;
	for (i = 0; i < mr->n; i++) {
		const char *k = mr->m[i].key;
		size_t h = 5381;
		const char *p;
		for (p = k; *p; p++)
			h = h * 33 + (unsigned char)*p;
		h &= cap - 1;
		while (slot[h] >= 0 && strcmp(mr->m[slot[h]].key, k) != 0)
			h = (h + 1) & (cap - 1);
		if (slot[h] < 0)
			slot[h] = (int)i;
		ids[i] = slot[h];
	}
	return ids;
}

/*
 * The static cue evidence whose phrase covers mention M, as index+1, or 0.
 * Evidence is in text order and cue phrases do not overlap, so only the
 * items starting at or just before M's first token can cover it.
 */
static int covering_cue(const struct ctx *c, const struct mention *m)
{
	size_t lo = 0, hi = c->n_ev, i;

	while (lo < hi) { /* first item with tok > m->tok_start */
		size_t mid = lo + (hi - lo) / 2;
		if (c->ev[mid].tok <= m->tok_start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i-- > 0 && m->tok_start - c->ev[i].tok < MATCH_MAX_WORDS * 4;)
		if (c->ev[i].source == CTX_SRC_CUE && m->tok_start < c->ev[i].tok_end)
			return (int)i + 1;
	return 0;
}

enum pc_rc resolve_run(struct db *db, const struct scan_doc *s, const struct match_result *mr,
		       const struct ctx *ctx, struct arena *a, struct resolve_state *out,
		       struct diag *d)
{
	size_t i;
	int round;

	(void)d;
	memset(out, 0, sizeof *out);
	out->db = db;
	out->s = s;
	out->mr = mr;
	out->ctx = ctx;
	out->a = a;
	out->rm = arena_calloc(a, mr->n ? mr->n : 1, sizeof *out->rm);
	out->key_id = assign_key_ids(mr, a);
	out->dateline = sole_dateline(out);
	for (i = 0; i < mr->n; i++) {
		out->rm[i].sc = arena_calloc(a, mr->m[i].n_cands ? mr->m[i].n_cands : 1,
					     sizeof *out->rm[i].sc);
		out->rm[i].keep = 1;
		out->rm[i].in_cue = covering_cue(ctx, &mr->m[i]);
		score_mention(out, i, 0);
	}
	for (round = 0; round < RESOLVE_ROUNDS; round++) {
		rebuild_dyn(out);
		for (i = 0; i < mr->n; i++)
			score_mention(out, i, 1);
		for (i = 0; i < mr->n; i++) {
			out->rm[i].unsupported_proper = 0;
			out->rm[i].keep = keep_mention(out, i, &out->rm[i].unsupported_proper);
		}
	}
	rebuild_dyn(out);
	return PC_OK;
}

/* --- explanations ------------------------------------------------------ */

struct expl {
	const char *what;
	int source;
	int count;         /* distinct places in the text (toks) */
	size_t toks[16];   /* where it was seen, so one name is not counted twice */
	int dateline;
	double best_w;
	double best_prox;
};

static const char *prox_words(double p)
{
	if (p >= 1.0)
		return "in the same sentence";
	if (p >= 0.75)
		return "in the next or previous sentence";
	if (p >= 0.6)
		return "in the same paragraph";
	return "elsewhere in the story";
}

/* M is a mention, or not one and then TOK (a word's token) places the lines. */
static void explain_from(const struct resolve_state *rs, const struct ctx *c, size_t m, size_t tok,
			 const struct db_place *p, unsigned opts, struct expl *ex, size_t *n_ex,
			 size_t cap)
{
	size_t i, k, lo, hi;
	double pxyz[3];

	ctx_xyz(p->lat, p->lon, pxyz);
	ev_window(rs, c, m, opts | RESOLVE_DOCWIDE, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const struct ctx_ev *ev = &c->ev[i];
		double f, w, pr;
		if (skip_ev(rs, m, ev, opts) || !ev->what)
			continue;
		f = fit_xyz(p, pxyz, &ev->place, ev->xyz, ev->level);
		if (f < 0.2)
			continue;
		pr = m < rs->mr->n || tok >= rs->s->n_toks ? prox(rs, m, ev) : prox_tok(&rs->s->toks[tok], ev);
		w = ev->weight * f * pr;
		for (k = 0; k < *n_ex; k++)
			if (ex[k].source == ev->source && strcasecmp(ex[k].what, ev->what) == 0)
				break;
		if (k == *n_ex) {
			if (*n_ex == cap)
				continue;
			ex[k].what = ev->what;
			ex[k].source = ev->source;
			ex[k].count = 0;
			ex[k].best_w = 0;
			ex[k].best_prox = 0;
			ex[k].dateline = 0;
			(*n_ex)++;
		}
		if (ev->dateline)
			ex[k].dateline = 1;
		{
			/* The same words can stand behind two pieces of evidence
			 * (a dateline's own entry and its mention's): count them once. */
			int seen = 0, q;
			for (q = 0; q < ex[k].count && q < 16; q++)
				if (ex[k].toks[q] == ev->tok)
					seen = 1;
			if (!seen) {
				if (ex[k].count < 16)
					ex[k].toks[ex[k].count] = ev->tok;
				ex[k].count++;
			}
		}
		if (w > ex[k].best_w)
			ex[k].best_w = w;
		if (pr > ex[k].best_prox)
			ex[k].best_prox = pr;
	}
}

static size_t explain(const struct resolve_state *rs, size_t m, size_t tok, const struct db_place *p,
		      unsigned opts, struct arena *a, const char ***out, size_t max)
{
	struct expl ex[32];
	size_t n_ex = 0, i, j, n = 0;
	const char **v;

	explain_from(rs, rs->ctx, m, tok, p, opts, ex, &n_ex, 32);
	explain_from(rs, &rs->dyn, m, tok, p, opts, ex, &n_ex, 32);
	/* Strongest first (insertion sort: a handful of items). */
	for (i = 1; i < n_ex; i++)
		for (j = i; j > 0 && ex[j].best_w * ex[j].count > ex[j - 1].best_w * ex[j - 1].count; j--) {
			struct expl t = ex[j];
			ex[j] = ex[j - 1];
			ex[j - 1] = t;
		}
	v = arena_alloc(a, (max ? max : 1) * sizeof *v);
	for (i = 0; i < n_ex && n < max; i++) {
		const char *kind = ex[i].source == CTX_SRC_CUE       ? " (cue)"
				   : ex[i].source == CTX_SRC_DEMONYM ? " (demonym)"
								     : "";
		const char *where = ex[i].dateline && ex[i].count == 1 ? "in the dateline"
									: prox_words(ex[i].best_prox);
		if (ex[i].count > 1)
			v[n++] = arena_printf(a, "%s%s named %d times, nearest %s", ex[i].what, kind,
					      ex[i].count, where);
		else
			v[n++] = arena_printf(a, "%s%s named %s", ex[i].what, kind, where);
	}
	*out = v;
	return n;
}

size_t resolve_explain(const struct resolve_state *rs, size_t m, const struct db_place *p,
		       unsigned opts, struct arena *a, const char ***out, size_t max)
{
	return explain(rs, m, (size_t)-1, p, opts, a, out, max);
}

size_t resolve_explain_word(const struct resolve_state *rs, size_t tok, const struct db_place *p,
			    struct arena *a, const char ***out, size_t max)
{
	return explain(rs, (size_t)-1, tok, p, 0, a, out, max);
}
