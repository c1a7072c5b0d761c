/*
 * resolve.c: choosing each mention's reading (resolve.h).
 *
 * The numbers here were set on the project's own articles and checked on
 * real text (make eval): each has a name and a reason.
 */
#include "resolve/resolve_int.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#define RESOLVE_ROUNDS 2
/* Weight of the evidence a mention's reading gives, times its confidence. */
#define RESOLVE_MENTION_WEIGHT 0.6

#define EARTH_RADIUS_KM 6371.0

double resolve_km(double lat1, double lon1, double lat2, double lon2)
{
	const double r = EARTH_RADIUS_KM, rad = M_PI / 180.0;
	double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
	double h = sin(dlat / 2) * sin(dlat / 2) +
		   cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);

	return 2 * r * asin(sqrt(h < 1 ? h : 1));
}

/*
 * The prior of a reading, in the units of combine(): about a fifth of a
 * point per tenfold population, and a bonus for what a writer names
 * without a qualifier (a country, a state, a world region, a capital, a
 * state capital).  A name read through a place's alternate name (an old
 * or foreign one) is less likely meant.
 */
#define PRIOR_PER_DECADE 0.22
#define PRIOR_POP_FLOOR 100.0 /* a place with no population given is a hamlet */
#define PRIOR_COUNTRY 0.5
#define PRIOR_ADMIN1 0.35
#define PRIOR_ADMIN2 0.05
#define PRIOR_WORLD_REGION 0.5
#define PRIOR_CAPITAL 0.25
#define PRIOR_ADMIN1_SEAT 0.12
#define PRIOR_ADMIN2_SEAT 0.04
#define PRIOR_ALT_NAME (-0.25)

double resolve_prior(const struct db_place *p, int name_kind)
{
	/* A county that groups second-level units ("Berkshire") is loaded
	 * as a region of England so that it can qualify its towns, but as a
	 * name on its own it is a county, weighed as the counties of
	 * GeoNames' admin2 codes are: by its kind, without a population
	 * (theirs have none, and Berkshire, Mass. would lose to the sum of
	 * the English county's towns whatever the story says). */
	int group = db_place_is_admin2_group(p);
	double pop = p->population > 0 && !group ? (double)p->population : 0;
	double s = PRIOR_PER_DECADE * log10(pop + PRIOR_POP_FLOOR);

	switch (p->kind) {
	case DB_KIND_COUNTRY:
		s += PRIOR_COUNTRY;
		break;
	case DB_KIND_ADMIN1:
		s += group ? PRIOR_ADMIN2 : PRIOR_ADMIN1;
		break;
	case DB_KIND_ADMIN2:
		s += PRIOR_ADMIN2;
		break;
	case DB_KIND_REGION:
		s += PRIOR_WORLD_REGION;
		break;
	default:
		if (strcmp(p->fcode, "PPLC") == 0)
			s += PRIOR_CAPITAL;
		else if (strcmp(p->fcode, "PPLA") == 0)
			s += PRIOR_ADMIN1_SEAT;
		else if (strcmp(p->fcode, "PPLA2") == 0)
			s += PRIOR_ADMIN2_SEAT;
		break;
	}
	if (name_kind == DB_NAME_ALT)
		s += PRIOR_ALT_NAME;
	return s;
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

/* A reading's score: prior plus support with diminishing returns (the
 * fifth piece of evidence adds less than the first). */
#define COMBINE_GAIN 1.2
#define COMBINE_SCALE 1.5
/* Belief among a mention's readings: a softmax of their scores. */
#define SOFTMAX_TEMP 0.35
#define CONF_MAX 0.99
/* A reading with less belief than this gives no evidence. */
#define DYN_MIN_P 0.1
/* Evidence weight factors: a national capital speaks loudly for its
 * country; a common word, an organisation's first word or a name known
 * only as an alternate one speaks softly. */
#define DYN_CAPITAL_GAIN 1.5
#define DYN_WEAK_GAIN 0.5
/* An explicit qualifier decides; inside a cue phrase the cue's place does. */
#define QUALIFIER_OUT_PENALTY 10.0
#define CUE_FIT_MIN 0.9
#define CUE_BONUS 5.0

static double combine(double prior, double support)
{
	return prior + COMBINE_GAIN * log1p(COMBINE_SCALE * support);
}

/* Rebuild the evidence that the mentions' current readings give. */
static void rebuild_dyn(struct resolve_state *rs)
{
	size_t i, j;

	rs->dyn.n_ev = 0;
	for (i = 0; i < rs->mr->n; i++) {
		const struct mention *mn = &rs->mr->m[i];
		const struct resolve_mention *r = &rs->rm[i];
		/* A place name inside an organisation's name ("the Kenya Red
		 * Cross Society") is no place mention but still says what the
		 * story is about. */
		if (r->best < 0 || (!r->keep && !(mn->flags & MATCH_NOT_PLACE)))
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
			if (p < DYN_MIN_P)
				continue;
			memset(&ev, 0, sizeof ev);
			ev.place = &mn->cands[j].place;
			ev.level = ev.place->kind == DB_KIND_COUNTRY ? CTX_COUNTRY
				   : ev.place->kind == DB_KIND_ADMIN1 ? CTX_ADMIN1
								       : CTX_PLACE;
			ev.source = CTX_SRC_NAME;
			ev.weight = RESOLVE_MENTION_WEIGHT * p;
			/* A qualified mention is what the writer pinned down. */
			if (mn->qualifier >= 0 && (int)j == r->best)
				ev.weight = RESOLVE_MENTION_WEIGHT;
			/* A national capital speaks loudly for its country. */
			if (strcmp(ev.place->fcode, "PPLC") == 0)
				ev.weight *= DYN_CAPITAL_GAIN;
			if (mn->flags & (MATCH_WEAK | MATCH_ORG | MATCH_ALT_ONLY | MATCH_NOT_PLACE))
				ev.weight *= DYN_WEAK_GAIN;
			ev.tok = mn->tok_start;
			ev.tok_end = mn->tok_end;
			ev.sent = rs->s->toks[mn->tok_start].sent;
			ev.para = rs->s->toks[mn->tok_start].para;
			ev.mention = (int)i;
			ev.key = mn->key;
			ev.key_id = rs->key_id[i];
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
/* ... unless the story attests the other reading this much and the
 * dateline's own reading less than DATELINE_OWN_ATTESTED beyond its
 * qualifier (strong docwide support: about one name of the place or its
 * state, and half of one). */
#define DATELINE_OTHER_ATTESTED 1.0
#define DATELINE_OWN_ATTESTED 0.5
/* A state named for its big city ("New York", "Mexico"): the city has
 * this many people, is the capital or a quarter of the state's size, and
 * lies this far from the state's centre (not a city-state: Taipei). */
#define NAMESAKE_CITY_POP 500000
#define NAMESAKE_CITY_SHARE 4
#define NAMESAKE_CITY_KM 50
/* ... or, in any country, a city of at least this many people and more
 * than the region itself: "Manchester" alone is the English city of
 * 400,000, not the Jamaican parish of 60,000 that the region bonus made
 * it ("born in Manchester" was read in Jamaica).  A region is named
 * alone for being a state people know, which a region smaller than its
 * namesake city is not. */
#define NAMESAKE_BIGGER_CITY_POP 100000
static int city_namesake(const struct resolve_state *rs, const struct mention *mn, const struct db_place *st)
{
	const struct scan_doc *s = rs->s;
	size_t j;
	int city = 0;

	for (j = 0; j < mn->n_cands && !city; j++) {
		const struct db_place *c = &mn->cands[j].place;
		/* (Under its own name or its English one: "St James" is an
		 * old name of Vung Tau, which speaks for no reading.) */
		int own = mn->cands[j].name_kind != DB_NAME_ALT || mn->cands[j].foreign;
		city = c->kind == DB_KIND_PLACE &&
		       ((strcmp(c->country, st->country) == 0 && c->population >= NAMESAKE_CITY_POP &&
			 (strcmp(c->fcode, "PPLC") == 0 ||
			  (double)c->population * NAMESAKE_CITY_SHARE >= (double)st->population)) ||
			(own && c->population >= NAMESAKE_BIGGER_CITY_POP && c->population > st->population)) &&
		       resolve_km(c->lat, c->lon, st->lat, st->lon) > NAMESAKE_CITY_KM;
	}
	if (!city)
		return 0;
	if (scan_is_word(s, mn->tok_end, "state")) /* tok_end is exclusive */
		return 0;
	if (mn->tok_start >= 2 && scan_is_word(s, mn->tok_start - 1, "of") && scan_is_word(s, mn->tok_start - 2, "state"))
		return 0;
	return 1;
}

/*
 * Is reading J of MN a town that shares its name with a country, a
 * first-level region or a big city of another country ("Lebanon, Pa.",
 * "Moscow, Idaho", "Cañada" in Mexico for Canada)?  Such a town is
 * scored without what names only its country: "the U.S." named ten times
 * cannot tell Moscow, Idaho, from the six other American Moscows, so it is
 * no reason either to leave Moscow, Russia, or Lebanon the country, for
 * one of them.  Its state, its neighbours, a cue or a qualifier still
 * speak for it.  Measured on GeoVirus dev: country names in a list of
 * countries ("the United States, Canada, the United Kingdom") and capitals
 * read as American or Mexican towns on the strength of the story's own
 * country, named many times.
 */
static int namesake_abroad(const struct mention *mn, size_t j)
{
	const struct db_place *c = &mn->cands[j].place;
	size_t k;

	if (c->kind != DB_KIND_PLACE)
		return 0;
	for (k = 0; k < mn->n_cands; k++) {
		const struct db_place *o = &mn->cands[k].place;
		if (k == j || mn->cands[k].name_kind == DB_NAME_ALT || strcmp(o->country, c->country) == 0)
			continue;
		if (o->kind == DB_KIND_COUNTRY || o->kind == DB_KIND_ADMIN1 ||
		    (o->kind == DB_KIND_PLACE && o->population >= BIG_CITY_POP))
			return 1;
	}
	return 0;
}

/*
 * Is reading J of MN a town that shares its name with another first-level
 * region of its own country ("Wales", a South Yorkshire village; "Nevada,
 * Mo.")?  Such a town is scored without what names only
 * its country or its own region: "England" named ten times in a Six
 * Nations report is no reason to read "against Wales" as the village
 * (seventeen BBC readings were).  Its neighbours, a cue or a qualifier
 * still speak for it.
 */
static int namesake_home(const struct mention *mn, size_t j)
{
	const struct db_place *c = &mn->cands[j].place;
	size_t k;

	/* (Not a big city or a capital, which its region is often named
	 * for, and not the region that holds the town: New York City in
	 * New York, Madrid in Madrid.) */
	if (c->kind != DB_KIND_PLACE || c->population >= BIG_CITY_POP || db_place_is_capital(c, 1))
		return 0;
	for (k = 0; k < mn->n_cands; k++) {
		const struct db_place *o = &mn->cands[k].place;
		if (k != j && mn->cands[k].name_kind != DB_NAME_ALT && strcmp(o->country, c->country) == 0 &&
		    o->kind == DB_KIND_ADMIN1 && strcmp(o->admin1, c->admin1) != 0)
			return 1;
	}
	return 0;
}

/* The support options a reading of MN is weighed with (namesake_abroad,
 * namesake_home). */
static unsigned reading_opts(const struct mention *mn, size_t j)
{
	if (mn->qualifier >= 0)
		return 0;
	if (namesake_home(mn, j))
		return RESOLVE_NO_COUNTRY | RESOLVE_NO_REGION;
	return namesake_abroad(mn, j) ? RESOLVE_NO_COUNTRY : 0;
}

/*
 * Does the text name MN as a first-level region: "Washington state", "the
 * state of Victoria", "Nyanza province", "New York Governor Andrew
 * Cuomo", "the governor of Texas"?  A city has no governor and is no
 * state.  Then a region reading of the name gains REGION_WORD_BONUS, as
 * good as a qualifier.  Measured on GeoVirus dev: "a Washington state
 * farm" read as the capital, three times.
 */
#define REGION_WORD_BONUS 1.5
int resolve_region_word(const struct resolve_state *rs, const struct mention *mn)
{
	static const char *const words[] = { "state", "province", "governor", "governorate", "prefecture" };
	/* "Georgia state television", "Mexico state oil company", "San Jose
	 * State University": the state that owns or runs, not a state. */
	static const char *const owned[] = {
		"television", "tv", "media", "broadcaster", "radio", "news", "newspaper", "agency",
		"oil", "gas", "energy", "company", "firm", "run", "owned", "controlled", "university", "college",
	};
	size_t k, j;

	for (k = 0; k < sizeof words / sizeof words[0]; k++) {
		if (scan_is_word(rs->s, mn->tok_end, words[k]) && !(rs->s->toks[mn->tok_end].flags & SCAN_SENT_START)) {
			size_t nx = mn->tok_end + 1;
			if (nx < rs->s->n_toks && scan_is_punct(rs->s, nx, '-'))
				nx++; /* "state-run" */
			for (j = 0; j < sizeof owned / sizeof owned[0] && !(k == 0 && scan_is_word(rs->s, nx, owned[j])); j++)
				;
			if (j == sizeof owned / sizeof owned[0])
				return 1;
			continue;
		}
		if (mn->tok_start >= 2 && scan_is_word(rs->s, mn->tok_start - 1, "of") &&
		    scan_is_word(rs->s, mn->tok_start - 2, words[k]))
			return 1;
	}
	return 0;
}

/*
 * Are mentions A and B (A before B) next items of one list: in the same
 * sentence, with only commas, "and" or "or" between them, and not a name
 * and its qualifier ("Kansas City, Mo.")?
 */
#define LIST_GAP_TOKENS 2 /* ", and" */
static int list_neighbours(const struct resolve_state *rs, size_t a, size_t b)
{
	const struct mention *ma = &rs->mr->m[a], *mb = &rs->mr->m[b];
	size_t t;

	if (mb->tok_start <= ma->tok_end || mb->tok_start - ma->tok_end > LIST_GAP_TOKENS ||
	    rs->s->toks[ma->tok_start].sent != rs->s->toks[mb->tok_start].sent || ma->qualifier == (int)b ||
	    mb->qualifier == (int)a || ((ma->flags | mb->flags) & (MATCH_QUALIFIER | MATCH_REGION_ABBR | MATCH_DEMONYM)))
		return 0;
	for (t = ma->tok_end; t < mb->tok_start; t++)
		if (!scan_is_punct(rs->s, t, ',') && !scan_is_word(rs->s, t, "and") && !scan_is_word(rs->s, t, "or"))
			return 0;
	return 1;
}

/*
 * Does a list neighbour of mention I read as a country or a first-level
 * region like reading C ("Virginia, Washington, West Virginia and
 * Wyoming"; "Australia, Brazil, France, Italy, New Zealand, Norway")?
 * The items of a list are things of one kind: such a reading gains
 * LIST_SIBLING_BONUS.  Measured on GeoVirus dev: Wyoming in a list of
 * states read as Wyoming, Mich., on the strength of Michigan in the list.
 */
#define LIST_SIBLING_BONUS 1.0
static int list_sibling(const struct resolve_state *rs, size_t i, const struct db_place *c)
{
	size_t k, nb[2];
	int n = 0;

	if (c->kind != DB_KIND_COUNTRY && c->kind != DB_KIND_ADMIN1)
		return 0;
	if (i > 0 && list_neighbours(rs, i - 1, i))
		nb[n++] = i - 1;
	if (i + 1 < rs->mr->n && list_neighbours(rs, i, i + 1))
		nb[n++] = i + 1;
	for (k = 0; k < (size_t)n; k++) {
		const struct resolve_mention *r = &rs->rm[nb[k]];
		const struct db_place *o;
		if (r->best < 0)
			continue;
		o = &rs->mr->m[nb[k]].cands[r->best].place;
		if (o->kind == c->kind && (c->kind == DB_KIND_COUNTRY || strcmp(o->country, c->country) == 0))
			return 1;
	}
	return 0;
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
	int region_word = !q && resolve_region_word(rs, mn);
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
		 * Every reading is weighed against the context (match keeps at
		 * most MATCH_MAX_CANDS).  Weighing only the ten most populous
		 * missed a small town whose state the story names behind ten
		 * bigger namesakes (Fairfield, Texas, in a story that names
		 * Texas three times, read as Fairfield, Calif.: GeoVirus dev);
		 * all of them cost about 3% more CPU on the BBC articles.
		 */
		int score_it = use_support;
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
		sc->support = score_it ? resolve_support(rs, i, &mn->cands[j].place,
							 reading_opts(mn, j) | RESOLVE_COUNTRY_CAPPED)
				       : 0.0;
		sc->score = combine(sc->prior, sc->support);
		if (region_word && mn->cands[j].place.kind == DB_KIND_ADMIN1)
			sc->score += REGION_WORD_BONUS;
		if (use_support && !q && list_sibling(rs, i, &mn->cands[j].place))
			sc->score += LIST_SIBLING_BONUS;
		/* An explicit qualifier decides. */
		if (any_inside && !resolve_inside(q, &mn->cands[j].place))
			sc->score -= QUALIFIER_OUT_PENALTY;
		if (!q && use_support && dl_place && dl_place->id == mn->cands[j].place.id)
			dl_j = (int)j;
		/* Inside a cue phrase ("Kansas City Chiefs"), the cue's place decides. */
		if (r->in_cue) {
			const struct ctx_ev *cue = &rs->ctx->ev[r->in_cue - 1];
			if (resolve_fit(&mn->cands[j].place, cue->place, cue->level) >= CUE_FIT_MIN)
				sc->score += CUE_BONUS;
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
	    (resolve_support(rs, i, &mn->cands[best].place, RESOLVE_DOCWIDE | RESOLVE_STRONG) < DATELINE_OTHER_ATTESTED ||
	     resolve_support(rs, (size_t)rs->dateline, dl_place,
			     RESOLVE_NO_QUALIFIER | RESOLVE_DOCWIDE | RESOLVE_STRONG) >= DATELINE_OWN_ATTESTED)) {
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
		sum += exp((r->sc[j].score - best_sc) / SOFTMAX_TEMP);
	for (j = 0; j < mn->n_cands; j++)
		r->sc[j].p = exp((r->sc[j].score - best_sc) / SOFTMAX_TEMP) / sum;
	r->conf = 1.0 / sum;
	if (r->conf > CONF_MAX)
		r->conf = CONF_MAX;
}

/*
 * Whether a mention is reported as a place: the not-a-place reading
 * against the best place reading, for the names match marked as needing
 * support (a common word, a given name, a dictionary proper noun, a month,
 * a phrase of common words, a name known only as an alternate one).  The
 * numbers are the support each needs: a place slot ("in", "from") halves
 * what the story must give.  Support units: about 0.6 per name of the
 * place or its state nearby, 0.25 farther off.
 */
#define KEEP_CALENDAR 1.5        /* "in August", "on Sunday": only if the story insists */
#define KEEP_WEAK_SLOT 0.4       /* "Mobile", "Reading" after "in" */
#define KEEP_WEAK 1.2            /* ... elsewhere */
#define KEEP_WEAK_CITY 0.5       /* ... a city of KEEP_CITY_POP or more */
#define KEEP_WEAK_REGION_SLOT 0.1 /* ... a first-level region after "in": any word of its
				   * country ("in Wales" with England named; GeoVirus dev) */
#define KEEP_CITY_POP 100000
#define KEEP_SLOT 0.3            /* in a place slot, for the others */
#define KEEP_ALT_STRONG 1.6      /* a phrase or alternate name, outside a slot */
#define KEEP_ALT_ONLY_CITY 0.8   /* a big city known only by an alternate name */
#define KEEP_GIVEN_BIG 0.15      /* "Sofia was cold": a capital or a big city */
#define KEEP_GIVEN_BIG_POP 500000
#define KEEP_GIVEN 0.35          /* "Austin said": more than the weak, capped same-country evidence */
#define KEEP_GIVEN_SLOT 0.05     /* ... in a place slot, for a small town: any support at all */
#define KEEP_PROPER 0.3          /* "Christmas", a surname that is a small place */
#define KEEP_HEADLINE 0.2        /* a title-case headline word */
#define KEEP_SPEAKER 1.2         /* a town before "said", "told" */

/* key_place: per name, the place its qualified or dateline mentions read
 * as, where they agree. */
static void pin_keys(struct resolve_state *rs)
{
	const struct match_result *mr = rs->mr;
	size_t i;

	memset(rs->key_place, 0, (mr->n ? mr->n : 1) * sizeof *rs->key_place);
	for (i = 0; i < mr->n; i++) {
		const struct mention *mn = &mr->m[i];
		int64_t *kp = &rs->key_place[rs->key_id[i]];
		int64_t id;
		if (rs->rm[i].best < 0 || (mn->qualifier < 0 && !(mn->flags & MATCH_DATELINE)) ||
		    (mn->flags & (MATCH_QUALIFIER | MATCH_REGION_ABBR)))
			continue;
		id = mn->cands[rs->rm[i].best].place.id;
		*kp = *kp == 0 || *kp == id ? id : RESOLVE_KEY_PLACES;
	}
}

/* key_speaker: per name, whether one of its mentions is a person by
 * keep_mention's measure ("Hartl said": a small town, no place slot, a
 * verb of speech after it), or a person's first name. */
static void speaker_keys(struct resolve_state *rs)
{
	const struct match_result *mr = rs->mr;
	size_t i;

	memset(rs->key_speaker, 0, mr->n ? mr->n : 1);
	for (i = 0; i < mr->n; i++) {
		const struct mention *mn = &mr->m[i];
		const struct db_place *b;
		/* A first name before a surname ("Socorro Molina") is a person
		 * as well: "Thank you, Socorro." later is she. */
		if (rs->rm[i].best < 0 || (mn->flags & MATCH_PLACE_SLOT) ||
		    !(speech_after(rs, mn) || (mn->flags & MATCH_NEXT_SURNAME)))
			continue;
		b = &mn->cands[rs->rm[i].best].place;
		if (b->kind == DB_KIND_PLACE && b->population < KEEP_CITY_POP)
			rs->key_speaker[rs->key_id[i]] = 1;
	}
}

static int keep_mention(const struct resolve_state *rs, size_t i, int *unsupported_proper)
{
	const struct mention *mn = &rs->mr->m[i];
	const struct resolve_mention *r = &rs->rm[i];
	const struct match_cand *b;
	double s;
	int slot;

	if (r->best < 0 || (mn->flags & MATCH_DEMONYM))
		return 0;
	b = &mn->cands[r->best];
	/* Part of a cue phrase: a place only if it is the cue's own place
	 * ("Kansas City" in "Kansas City Chiefs", not "America" in "Bank of
	 * America Stadium" nor "Carolina" in "Carolina Panthers"). */
	if (r->in_cue) {
		const struct ctx_ev *cue = &rs->ctx->ev[r->in_cue - 1];
		return b->place.kind == cue->place->kind && resolve_fit(&b->place, cue->place, cue->level) >= CUE_FIT_MIN;
	}
	if (mn->flags & (MATCH_QUALIFIER | MATCH_REGION_ABBR | MATCH_DATELINE))
		return 1;
	if (mn->qualifier >= 0)
		return 1;
	/* Match has said what is no place: a surname follows ("Paris
	 * Hilton"), an organisation's name ("University of ..."). */
	if (mn->flags & (MATCH_NEXT_SURNAME | MATCH_OF_ORG | MATCH_NOT_PLACE))
		return 0;
	/* "SAINT JOHN, N.B." and later "Saint John's economy": a name the
	 * story has pinned down once reads the same way again. */
	if (rs->key_place[rs->key_id[i]] == b->place.id)
		return 1;
	/* Uncapped (RESOLVE_COUNTRY_CAPPED is for choosing among readings):
	 * a story about Turkey vouches for a Turkish town's other spelling. */
	s = resolve_support(rs, i, &b->place, reading_opts(mn, (size_t)r->best));
	/* A common word or a month read as a town needs what the story gives
	 * that town in particular: a country named ("the U.S.") vouches for
	 * every town in it, and is no reason to read "in August" as August,
	 * Calif., or the "United Nations" as United, Pa.  (Measured on
	 * GeoVirus: months, "Marine Corps", "Congress" read as small American
	 * towns on the strength of the U.S. named alone.)  A big city or a
	 * region is another matter: "Beijing and Shanghai" in a story that
	 * names China. */
	if ((mn->flags & (MATCH_WEAK | MATCH_CALENDAR)) && b->place.kind == DB_KIND_PLACE &&
	    b->place.population < KEEP_CITY_POP)
		s = resolve_support(rs, i, &b->place, RESOLVE_NO_COUNTRY);
	slot = (mn->flags & MATCH_PLACE_SLOT) != 0;
	if (mn->flags & MATCH_CALENDAR)
		return s >= KEEP_CALENDAR;
	if (mn->flags & MATCH_WEAK)
		return (slot && s >= KEEP_WEAK_SLOT) || s >= KEEP_WEAK ||
		       (b->place.population >= KEEP_CITY_POP && s >= KEEP_WEAK_CITY) ||
		       (slot && b->place.kind == DB_KIND_ADMIN1 && s >= KEEP_WEAK_REGION_SLOT);
	/* A phrase of common words read through another name of a place
	 * ("the Old Town waterfront" as Baltimore), or a small place's own
	 * name ("the Kenya Red Cross" as Red Cross, N.C.). */
	if ((mn->flags & MATCH_PHRASE) && (b->name_kind == DB_NAME_ALT || b->place.population < KEEP_CITY_POP) &&
	    !(slot && s >= KEEP_SLOT) && s < KEEP_ALT_STRONG)
		return 0;
	/* The best reading is through an alternate name ("Thursday" ->
	 * Thursday Island) of a small place. */
	if (b->name_kind == DB_NAME_ALT && b->place.kind == DB_KIND_PLACE && b->place.population < KEEP_CITY_POP &&
	    !(slot && s >= KEEP_SLOT) && s < KEEP_ALT_STRONG)
		return 0;
	if (mn->flags & MATCH_ALT_ONLY) {
		/* Another language's name of a country ("Deutschland") or of
		 * a big city ("Moskau": CLDR's, the hit's foreign flag) is
		 * written for that place. */
		if (b->place.kind == DB_KIND_COUNTRY || (b->place.kind == DB_KIND_PLACE && b->foreign))
			return 1;
		/* A small place's other name ("Coco" for San Juan de Urabá)
		 * is far more often something else. */
		if (b->place.population < KEEP_CITY_POP)
			return (slot && s >= KEEP_SLOT) || s >= KEEP_ALT_STRONG;
		return (slot && s >= KEEP_SLOT) || s >= KEEP_ALT_ONLY_CITY;
	}
	/* A given name standing alone ("Austin said") needs a place slot or
	 * support, a capital or a big city less ("Sofia was cold"); a country
	 * or state is named on purpose ("Georgia lawmakers"), unless a verb
	 * of speech follows ("Georgia said"). */
	/* "Hartl said", "Ivins told reporters": a town the story gives nothing
	 * followed by a verb of speech is a person speaking (a capital or a
	 * big city may speak for its government: "Moscow said"). */
	/* The same person elsewhere in the story ("said the WHO spokesman,
	 * Hartl" after "Hartl said"; measured on GeoVirus dev: surnames of
	 * spokesmen read as Austrian and American hamlets). */
	if ((speech_after(rs, mn) || rs->key_speaker[rs->key_id[i]]) && b->place.kind == DB_KIND_PLACE &&
	    b->place.population < KEEP_CITY_POP && !(mn->flags & MATCH_PLACE_SLOT) && s < KEEP_SPEAKER)
		return 0;
	if ((mn->flags & MATCH_GIVEN) && !(mn->flags & (MATCH_PLACE_SLOT | MATCH_POSS | MATCH_ORG))) {
		/* A continent or a world region too ("throughout Asia"): no
		 * evidence ever fits one, so it cannot wait for support. */
		if ((b->place.kind == DB_KIND_COUNTRY || b->place.kind == DB_KIND_ADMIN1 ||
		     b->place.kind == DB_KIND_REGION) &&
		    !speech_after(rs, mn))
			return 1;
		/* A small town needs what the story gives it beyond its
		 * country, as a common word does: "Laura and I will travel"
		 * in a story that names the U.S. is no Laura, Ohio. */
		if (b->place.kind == DB_KIND_PLACE && b->place.population < KEEP_CITY_POP)
			s = resolve_support(rs, i, &b->place, RESOLVE_NO_COUNTRY);
		return s >= (b->place.population >= KEEP_GIVEN_BIG_POP ? KEEP_GIVEN_BIG : KEEP_GIVEN);
	}
	/* In a place slot a given name needs some support all the same when
	 * it reads as a small town of a country the story never comes near
	 * ("samples from Lu" in a story about China: Lu, Piedmont, 900
	 * people). */
	if ((mn->flags & MATCH_GIVEN) && b->place.kind == DB_KIND_PLACE && b->place.population < KEEP_CITY_POP &&
	    s < KEEP_GIVEN_SLOT)
		return 0;
	/* A capitalised dictionary entry ("Christmas", "Easter") that is only
	 * a small place. */
	if ((mn->flags & MATCH_PROPER) && !slot && b->place.kind == DB_KIND_PLACE &&
	    b->place.population < KEEP_CITY_POP) {
		/* As for a common word: the country named is no reason to
		 * read "U.S. Chinook helicopters" as Chinook, Mont. (measured
		 * on GeoVirus dev: a breed, a helicopter, a film character).
		 * A capital or a state's seat is named for itself (Mbabane,
		 * which the dictionaries list). */
		if (strcmp(b->place.fcode, "PPLC") != 0 && strcmp(b->place.fcode, "PPLA") != 0)
			s = resolve_support(rs, i, &b->place, RESOLVE_NO_COUNTRY);
		*unsupported_proper = s < KEEP_PROPER;
		return s >= KEEP_PROPER;
	}
	if ((mn->flags & MATCH_HEADLINE) && b->place.kind == DB_KIND_PLACE)
		return s >= KEEP_HEADLINE;
	return 1;
}

static size_t key_hash(const char *k)
{
	size_t h = 5381;

	for (; *k; k++)
		h = h * 33 + (unsigned char)*k;
	return h;
}

/*
 * Give mentions with equal keys one id (the index of the first of them),
 * keep the hash table for resolve_key_find(), and list each key's
 * mentions in text order (kmen[kstart[id] ..], kcount[id] of them).
 */
static void assign_key_ids(struct resolve_state *rs)
{
	const struct match_result *mr = rs->mr;
	size_t cap = 16, i, sum = 0;
	int *ids = arena_alloc(rs->a, (mr->n ? mr->n : 1) * sizeof *ids);
	int *slot;

	while (cap < mr->n * 2 + 2)
		cap *= 2;
	slot = arena_alloc(rs->a, cap * sizeof *slot);
	for (i = 0; i < cap; i++)
		slot[i] = -1;
	for (i = 0; i < mr->n; i++) {
		const char *k = mr->m[i].key;
		size_t h = key_hash(k) & (cap - 1);
		while (slot[h] >= 0 && strcmp(mr->m[slot[h]].key, k) != 0)
			h = (h + 1) & (cap - 1);
		if (slot[h] < 0)
			slot[h] = (int)i;
		ids[i] = slot[h];
	}
	rs->key_id = ids;
	rs->kslot = slot;
	rs->kcap = cap;
	rs->kcount = arena_calloc(rs->a, mr->n ? mr->n : 1, sizeof *rs->kcount);
	rs->kstart = arena_alloc(rs->a, (mr->n ? mr->n : 1) * sizeof *rs->kstart);
	rs->kmen = arena_alloc(rs->a, (mr->n ? mr->n : 1) * sizeof *rs->kmen);
	for (i = 0; i < mr->n; i++)
		rs->kcount[ids[i]]++;
	for (i = 0; i < mr->n; i++) {
		rs->kstart[i] = sum;
		sum += rs->kcount[i];
	}
	for (i = 0; i < mr->n; i++)
		rs->kcount[i] = 0;
	for (i = 0; i < mr->n; i++) {
		int k = ids[i];
		rs->kmen[rs->kstart[k] + rs->kcount[k]++] = i;
	}
}

int resolve_key_find(const struct resolve_state *rs, const char *key)
{
	size_t h;

	if (!rs->kcap)
		return -1;
	h = key_hash(key) & (rs->kcap - 1);
	while (rs->kslot[h] >= 0) {
		if (strcmp(rs->mr->m[rs->kslot[h]].key, key) == 0)
			return rs->kslot[h];
		h = (h + 1) & (rs->kcap - 1);
	}
	return -1;
}

/* In name KEY_ID's mentions (text order), the first starting at or after
 * token TOK (the count if none). */
static size_t key_first_at(const struct resolve_state *rs, int key_id, size_t tok)
{
	const size_t *v = rs->kmen + rs->kstart[key_id];
	size_t a = 0, b = rs->kcount[key_id];

	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (rs->mr->m[v[mid]].tok_start < tok)
			a = mid + 1;
		else
			b = mid;
	}
	return a;
}

int resolve_key_in_sentence(const struct resolve_state *rs, int key_id, size_t tok)
{
	const size_t *v;
	size_t n, a, lo = tok > RESOLVE_SENT_SPAN ? tok - RESOLVE_SENT_SPAN : 0;
	unsigned sent = rs->s->toks[tok].sent;

	if (key_id < 0)
		return 0;
	v = rs->kmen + rs->kstart[key_id];
	n = rs->kcount[key_id];
	for (a = key_first_at(rs, key_id, lo); a < n && rs->mr->m[v[a]].tok_start <= tok + RESOLVE_SENT_SPAN; a++)
		/* A dateline opens the first sentence but is no part of what
		 * it says: "CHARLOTTESVILLE, Va. -- ... in Charlotte" names
		 * the two places side by side no more than a byline would. */
		if (rs->s->toks[rs->mr->m[v[a]].tok_start].sent == sent && !(rs->mr->m[v[a]].flags & MATCH_DATELINE))
			return 1;
	return 0;
}

size_t resolve_key_reads_as(const struct resolve_state *rs, int key_id, size_t tok_lo, size_t tok_hi,
			    const struct db_place *p, size_t cap)
{
	const size_t *v;
	size_t n, a, hits = 0;

	if (key_id < 0)
		return 0;
	v = rs->kmen + rs->kstart[key_id];
	n = rs->kcount[key_id];
	for (a = key_first_at(rs, key_id, tok_lo); a < n && rs->mr->m[v[a]].tok_start < tok_hi && hits < cap; a++) {
		const struct mention *o = &rs->mr->m[v[a]];
		const struct resolve_mention *r = &rs->rm[v[a]];
		if (r->best >= 0 && (r->keep || (o->flags & MATCH_NOT_PLACE)) && o->cands[r->best].place.id == p->id)
			hits++;
	}
	return hits;
}

size_t resolve_key_between(const struct resolve_state *rs, int key_id, size_t tok_lo, size_t tok_hi)
{
	if (key_id < 0)
		return 0;
	return key_first_at(rs, key_id, tok_hi) - key_first_at(rs, key_id, tok_lo);
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

/* Paragraphs of its segment that write each mention's name. */
static void count_paras(struct resolve_state *rs)
{
	const struct match_result *mr = rs->mr;
	size_t *last = arena_alloc(rs->a, (mr->n ? mr->n : 1) * sizeof *last); /* per key id: last mention */
	size_t i;

	for (i = 0; i < mr->n; i++)
		last[i] = (size_t)-1;
	/* Forward: count within the segment; then backward: give every
	 * mention of the name the segment's total. */
	for (i = 0; i < mr->n; i++) {
		int k = rs->key_id[i];
		size_t p = last[k];
		const struct scan_tok *t = &rs->s->toks[mr->m[i].tok_start];
		rs->rm[i].n_paras = 1;
		if (p != (size_t)-1 && rs->rm[p].seg == rs->rm[i].seg)
			rs->rm[i].n_paras = rs->rm[p].n_paras + (rs->s->toks[mr->m[p].tok_start].para != t->para);
		last[k] = i;
	}
	for (i = 0; i < mr->n; i++)
		last[i] = (size_t)-1;
	for (i = mr->n; i-- > 0;) {
		int k = rs->key_id[i];
		size_t nx = last[k];
		if (nx != (size_t)-1 && rs->rm[nx].seg == rs->rm[i].seg)
			rs->rm[i].n_paras = rs->rm[nx].n_paras;
		last[k] = i;
	}
}

size_t resolve_key_count(const struct resolve_state *rs, size_t m)
{
	return rs->rm[m].n_paras;
}

enum pc_rc resolve_run(struct db *db, struct resolve_cache *cache, const struct scan_doc *s,
		       const struct match_result *mr, const struct ctx *ctx, struct arena *a,
		       struct resolve_state *out, struct diag *d)
{
	size_t i;
	int round;

	memset(out, 0, sizeof *out);
	out->db = db;
	out->cache = cache;
	out->s = s;
	out->mr = mr;
	out->ctx = ctx;
	out->a = a;
	out->rm = arena_calloc(a, mr->n ? mr->n : 1, sizeof *out->rm);
	out->rw = arena_calloc(a, mr->n_unk ? mr->n_unk : 1, sizeof *out->rw);
	for (i = 0; i < mr->n_unk; i++)
		out->rw[i].qual = -1;
	assign_key_ids(out);
	resolve_segments(out);
	out->dateline = sole_dateline(out);
	for (i = 0; i < mr->n; i++) {
		out->rm[i].sc = arena_calloc(a, mr->m[i].n_cands ? mr->m[i].n_cands : 1, sizeof *out->rm[i].sc);
		out->rm[i].keep = 1;
		out->rm[i].in_cue = covering_cue(ctx, &mr->m[i]);
		out->rm[i].seg = out->seg_of_sent[s->toks[mr->m[i].tok_start].sent];
		score_mention(out, i, 0);
	}
	count_paras(out);
	out->key_place = arena_calloc(a, mr->n ? mr->n : 1, sizeof *out->key_place);
	out->key_speaker = arena_calloc(a, mr->n ? mr->n : 1, sizeof *out->key_speaker);
	for (round = 0; round < RESOLVE_ROUNDS; round++) {
		rebuild_dyn(out);
		resolve_entities(out);
		for (i = 0; i < mr->n; i++)
			score_mention(out, i, 1);
		pin_keys(out);
		speaker_keys(out);
		for (i = 0; i < mr->n; i++) {
			out->rm[i].unsupported_proper = 0;
			out->rm[i].keep = keep_mention(out, i, &out->rm[i].unsupported_proper);
		}
	}
	rebuild_dyn(out);
	resolve_entities(out);
	return resolve_alts_run(out, d);
}
