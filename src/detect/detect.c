/*
 * detect.c: the rules that turn a poor fit into a finding (see detect.h and
 * detect_rules.c for the table).  Precision first: each rule asks for
 * positive evidence for the alternative, not just a weak literal reading.
 */
#include "detect/detect.h"

#include "base/buf.h"
#include "base/strdist.h"
#include "base/utf8.h"
#include "db/db.h"

#include <math.h>
#include <stdio.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

#define DETECT_MAX_ALIKES 16
#define DETECT_MAX_ALT_READINGS 8
#define DETECT_MAX_EVIDENCE 6

/* Thresholds, tuned on tests/cases and tests/eval (make eval). */
#define ALT_ATTEST_MIN 1.0  /* doc-wide strong support the alternative needs */
#define DETECT_GAP_MAX_POP 100000 /* a dateline name held by a bigger city abroad is no gazetteer gap */
#define DETECT_HAMLET_POP 1000
#define HAMLET_GAP_POP 10000 /* a same-country namesake smaller than this does not make a dateline a slip */ /* below this, a place known by the name only as an alternate one is weak */
#define ALT_MARGIN 1.0      /* support margin over the literal reading */
#define ALT_RATIO 2.5       /* and this many times the literal's support */
#define LIT_ATTEST_MAX 0.5  /* literal readings attested this much are left alone */

struct dstate {
	const struct resolve_state *rs;
	const struct detect_opts *o;
	struct arena *a;
	struct finding *f;
	size_t n_f, cap_f;
	unsigned char *flagged; /* per mention */
	int roundup;            /* several_datelines() of the document */
	struct db_hit hits[64];
};

/*
 * The look-alikes of KEY: the database's table plus the newsroom's own
 * pairs from its configuration.  Same contract as db_lookalikes().
 */
static enum pc_rc detect_alikes(const struct dstate *ds, const char *key, struct db_alike *out,
				size_t max, size_t *n_out, struct diag *d)
{
	enum pc_rc rc = db_lookalikes(ds->rs->db, key, out, max, n_out, d);
	size_t i;

	if (rc != PC_OK || !ds->o)
		return rc;
	for (i = 0; i < ds->o->n_pairs && *n_out < max; i++) {
		const struct detect_pair *p = &ds->o->pairs[i];
		const char *other = strcmp(p->a, key) == 0 ? p->b : strcmp(p->b, key) == 0 ? p->a : NULL;
		if (!other)
			continue;
		snprintf(out[*n_out].key, sizeof out[*n_out].key, "%s", other);
		out[*n_out].kind = DB_ALIKE_LISTED;
		out[*n_out].dist = strdist_osa(key, other, 9);
		(*n_out)++;
	}
	return PC_OK;
}

static const char *rule_id(size_t i)
{
	return detect_rules[i].id;
}

/* Rows of detect_rules[] (detect_rules.c), in that order. */
enum { R_QUAL = 0, R_LOOKALIKE = 1, R_REGION = 2, R_PAIR = 3, R_MISSPELL = 4, R_DEMONYM = 5 };

static const struct mention *men(const struct dstate *ds, size_t i)
{
	return &ds->rs->mr->m[i];
}

static struct detect_place to_dplace(struct dstate *ds, const struct db_place *p)
{
	struct detect_place d;
	char buf[256];

	memset(&d, 0, sizeof d);
	d.id = p->id;
	d.name = arena_strdup(ds->a, p->name);
	buf[0] = '\0';
	if (p->admin1[0] && p->kind != DB_KIND_COUNTRY)
		db_admin1_name(ds->rs->db, p->country, p->admin1, buf, sizeof buf);
	d.admin1 = arena_strdup(ds->a, buf);
	d.admin1_code = arena_strdup(ds->a, p->kind == DB_KIND_COUNTRY ? "" : p->admin1);
	d.country = arena_strdup(ds->a, p->country);
	d.lat = p->lat;
	d.lon = p->lon;
	d.kind = p->kind;
	return d;
}

/* "Virginia", "North Carolina", or the country name: where P is. */
static const char *where_words(struct dstate *ds, const struct db_place *p)
{
	char buf[256];

	buf[0] = '\0';
	if (p->kind == DB_KIND_COUNTRY || !p->admin1[0]) {
		db_country_name(ds->rs->db, p->country, buf, sizeof buf);
	} else {
		size_t nl = strlen(p->name);
		db_admin1_name(ds->rs->db, p->country, p->admin1, buf, sizeof buf);
		/* "Nairobi is in Nairobi County" says nothing: name the country. */
		if (!buf[0] || (p->kind == DB_KIND_PLACE && nl && strncasecmp(buf, p->name, nl) == 0))
			db_country_name(ds->rs->db, p->country, buf, sizeof buf);
	}
	return arena_strdup(ds->a, buf[0] ? buf : p->country);
}

/* "Charlottesville, Va." (place) or "Australia" (region). */
static const char *place_label(struct dstate *ds, const struct db_place *p)
{
	char lab[128];

	if (p->kind != DB_KIND_PLACE)
		return arena_strdup(ds->a, p->name);
	db_region_label(ds->rs->db, p->country, p->admin1, lab, sizeof lab);
	/* "Montevideo, Montevideo Department": the country says more. */
	if (lab[0] && strncasecmp(lab, p->name, strlen(p->name)) == 0)
		db_country_name(ds->rs->db, p->country, lab, sizeof lab);
	return arena_printf(ds->a, "%s, %s", p->name, lab[0] ? lab : p->country);
}

static struct finding *new_finding(struct dstate *ds, size_t rule, size_t m, size_t off, size_t len)
{
	struct finding *f;
	const struct mention *mn = men(ds, m);

	if (ds->n_f == ds->cap_f) {
		size_t ncap = ds->cap_f ? ds->cap_f * 2 : 8;
		ds->f = arena_grow(ds->a, ds->f, ds->cap_f, ncap, sizeof *ds->f);
		ds->cap_f = ncap;
	}
	f = &ds->f[ds->n_f++];
	memset(f, 0, sizeof *f);
	f->rule = rule_id(rule);
	f->sev = detect_rules[rule].default_sev;
	f->offset = off;
	f->length = len;
	f->text = arena_strndup(ds->a, ds->rs->s->text + off, len);
	f->quoted = (mn->flags & MATCH_QUOTED) != 0;
	ds->flagged[m] = 1;
	return f;
}

static const char *quoted_note(const struct finding *f)
{
	return f->quoted ? " (in a quotation: correct it or mark it [sic])" : "";
}

static double conf_of(double margin)
{
	double c = 1.0 - exp(-margin / 1.2);

	if (c < 0.5)
		c = 0.5;
	if (c > 0.99)
		c = 0.99;
	return c;
}

/* Is key K named (as a kept mention) in the same sentence as mention M? */
static int named_in_sentence(const struct dstate *ds, size_t m, const char *k)
{
	const struct resolve_state *rs = ds->rs;
	unsigned sent = rs->s->toks[men(ds, m)->tok_start].sent;
	size_t i;

	/* Mentions are in text order: look at the neighbours in the sentence. */
	for (i = m; i-- > 0 && rs->s->toks[rs->mr->m[i].tok_start].sent == sent;)
		if (strcmp(rs->mr->m[i].key, k) == 0)
			return 1;
	for (i = m + 1; i < rs->mr->n && rs->s->toks[rs->mr->m[i].tok_start].sent == sent; i++)
		if (strcmp(rs->mr->m[i].key, k) == 0)
			return 1;
	return 0;
}

static enum pc_rc rule_variant(struct dstate *ds, size_t m);
static int word_extends(const char *shrt, const char *lng);
static int before_institution(const struct dstate *ds, size_t t);

/*
 * Is place P named in the article, by a kept mention with another key than
 * mention M's (a reading of it with a fair share of belief) or by a cue?
 */
static int alt_named(const struct dstate *ds, size_t m, const struct db_place *p, int with_cues)
{
	const struct resolve_state *rs = ds->rs;
	size_t i, j;

	for (i = 0; i < rs->mr->n; i++) {
		const struct mention *o = &rs->mr->m[i];
		if (i == m || !rs->rm[i].keep || rs->key_id[i] == rs->key_id[m])
			continue;
		for (j = 0; j < o->n_cands; j++)
			if (o->cands[j].place.id == p->id && rs->rm[i].sc[j].p >= 0.3)
				return 1;
	}
	for (i = 0; with_cues && i < rs->ctx->n_ev; i++)
		if (rs->ctx->ev[i].source == CTX_SRC_CUE && rs->ctx->ev[i].place.id == p->id)
			return 1;
	return 0;
}

/*
 * Does the file hold several datelined stories (a briefs roundup)?  Then
 * what one brief is about says nothing about another's dateline.
 */
static int several_datelines(const struct resolve_state *rs)
{
	size_t i;
	unsigned first_para = 0;
	int seen = 0;

	for (i = 0; i < rs->mr->n; i++) {
		const struct mention *mn = &rs->mr->m[i];
		unsigned para = rs->s->toks[mn->tok_start].para;
		if (!(mn->flags & MATCH_DATELINE) || (mn->flags & MATCH_QUALIFIER))
			continue;
		if (!seen) {
			seen = 1;
			first_para = para;
		} else if (para != first_para) {
			return 1;
		}
	}
	return 0;
}

/*
 * Does another mention of mention M's name read as place P: one with a
 * qualifier of its own (QUALIFIED: "A Portland, Maine, company" under
 * "PORTLAND, Ore."), or one without, kept ("the Capitol in Springfield"
 * read as Springfield, Ill., before "returned to Springfield, Mo.")?
 */
static int name_reads_as(const struct resolve_state *rs, size_t m, const struct db_place *p, int qualified)
{
	size_t i;

	for (i = 0; i < rs->mr->n; i++) {
		const struct mention *o = &rs->mr->m[i];
		if (i == m || rs->key_id[i] != rs->key_id[m] || (o->qualifier >= 0) != qualified ||
		    rs->rm[i].best < 0 || (!qualified && !rs->rm[i].keep))
			continue;
		if (o->cands[rs->rm[i].best].place.id == p->id)
			return 1;
	}
	return 0;
}

/*
 * For "Melbourne, Austria": is there a look-alike of the qualifier's region
 * (Australia) that holds a reading of the name?  *PLACED gets the most
 * populous such reading (id 0 if none), *REG the region.
 */
static enum pc_rc region_alike_holding(struct dstate *ds, const struct mention *mn, const struct mention *q,
				       struct db_place *placed, struct db_place *reg, struct diag *d)
{
	const struct resolve_state *rs = ds->rs;
	struct db_alike qal[DETECT_MAX_ALIKES];
	size_t n_q = 0, k, h, j, n_h;
	enum pc_rc rc;

	placed->id = 0;
	if (q->n_cands == 0 || q->cands[0].place.kind == DB_KIND_PLACE)
		return PC_OK;
	if ((rc = detect_alikes(ds, q->key, qal, DETECT_MAX_ALIKES, &n_q, d)) != PC_OK)
		return rc;
	for (k = 0; k < n_q; k++) {
		if ((rc = db_names_lookup(rs->db, qal[k].key, ds->hits, 64, &n_h, d)) != PC_OK)
			return rc;
		for (h = 0; h < n_h; h++) {
			const struct db_place *r = &ds->hits[h].place;
			int nk = ds->hits[h].name_kind;
			if (nk == DB_NAME_ALT || nk == DB_NAME_DEMONYM || nk == DB_NAME_ABBREV ||
			    (r->kind != DB_KIND_COUNTRY && r->kind != DB_KIND_ADMIN1) ||
			    r->kind != q->cands[0].place.kind)
				continue;
			for (j = 0; j < mn->n_cands; j++) {
				const struct db_place *c = &mn->cands[j].place;
				if (c->kind != DB_KIND_PLACE || mn->cands[j].name_kind == DB_NAME_ALT ||
				    !db_place_in_region(c, r))
					continue;
				if (!placed->id || c->population > placed->population) {
					*placed = *c;
					*reg = *r;
				}
				break;
			}
		}
	}
	return PC_OK;
}

/*
 * Is the qualified dateline M more likely a town the gazetteer lacks than a
 * slip?  So when every namesake is abroad, none is a city the writer surely
 * meant by its own name ("NAIROBI, Uganda"), and the story gives none of
 * them anything: "NORTH SYDNEY, N.S." or "KINGSVILLE, Ont." on a one-line
 * brief.  A namesake in the same country ("HALIFAX, N.B.") keeps the error.
 */
static int dateline_gap(const struct resolve_state *rs, size_t m, const struct mention *q)
{
	const struct mention *mn = &rs->mr->m[m];
	size_t j;

	for (j = 0; j < mn->n_cands; j++) {
		const struct db_place *c = &mn->cands[j].place;
		if (c->kind != DB_KIND_PLACE)
			continue;
		/* A namesake of some size in the same country is the likelier
		 * meaning ("HALIFAX, N.B."); a village there (Madrid, Iowa, under
		 * "MADRID, Maine") is not. */
		if (strcmp(c->country, q->cands[0].place.country) == 0 && c->population >= HAMLET_GAP_POP)
			return 0;
		/* A big namesake near the region is the city the writer meant
		 * ("NAIROBI, Uganda"); one across an ocean is not ("DELHI,
		 * Ont.", "MADRID, Maine": towns the gazetteer lacks). */
		if (mn->cands[j].name_kind != DB_NAME_ALT && c->population >= DETECT_GAP_MAX_POP &&
		    resolve_km(c->lat, c->lon, q->cands[0].place.lat, q->cands[0].place.lon) < 3000)
			return 0;
		if (resolve_support(rs, m, c, RESOLVE_NO_QUALIFIER | RESOLVE_DOCWIDE | RESOLVE_STRONG) >= 0.3)
			return 0;
	}
	return 1;
}

/* Rule 1 and rule 3b: a mention with a qualifier. */
static enum pc_rc rule_qualifier(struct dstate *ds, size_t m, struct diag *d)
{
	const struct resolve_state *rs = ds->rs;
	const struct mention *mn = men(ds, m);
	const struct mention *q = &rs->mr->m[mn->qualifier];
	const struct resolve_mention *r = &rs->rm[m];
	size_t j, off = mn->off, len = q->off + q->len - mn->off;
	int best_out = -1, best_in = -1, weak_in = 0;
	double s_out = -1e9;
	struct db_in_region weak;

	/* "Pittsburg, Pa.": read through an old spelling of Pittsburgh. */
	if (r->best >= 0 && mn->cands[r->best].name_kind == DB_NAME_ALT && resolve_inside(q, &mn->cands[r->best].place))
		return rule_variant(ds, m);

	for (j = 0; j < mn->n_cands; j++) {
		const struct db_place *c = &mn->cands[j].place;
		if (resolve_inside(q, c)) {
			if (best_in < 0)
				best_in = (int)j;
			continue;
		}
		{
			double s = resolve_support(rs, m, c, RESOLVE_NO_QUALIFIER) +
				   0.3 * resolve_prior(c, mn->cands[j].name_kind);
			if (s > s_out) {
				s_out = s;
				best_out = (int)j;
			}
		}
	}
	/*
	 * The readings are capped at the most populous: ask the database
	 * whether a smaller place of that name lies in the region.  A hamlet
	 * that carries the name only as an alternate one ("Charlotte" for
	 * Charlotte Court House, Va., 530 people) answers only weakly: a
	 * look-alike in the region the story is plainly about still wins
	 * below.
	 */
	if (best_in < 0) {
		for (j = 0; j < q->n_cands; j++) {
			const struct db_place *reg = &q->cands[j].place;
			struct db_in_region info;
			if (!db_name_in_region(rs->db, mn->key, reg->country,
					       reg->kind == DB_KIND_ADMIN1 ? reg->admin1 : NULL, &info))
				continue;
			if (info.name_kind != DB_NAME_ALT || info.population >= DETECT_HAMLET_POP)
				return PC_OK;
			if (!weak_in) {
				weak_in = 1;
				weak = info;
			}
		}
	}
	if (best_in < 0) {
		/* Rule 1: no place of that name in the region named. */
		struct db_alike alikes[DETECT_MAX_ALIKES];
		size_t n_al = 0, k, n_h;
		struct db_place in_alike;
		int have_alike = 0;
		double s_alike = -1e9;
		struct finding *f;
		const char *region = where_words(ds, &q->cands[0].place);
		enum pc_rc rc;

		rc = detect_alikes(ds, mn->key, alikes, DETECT_MAX_ALIKES, &n_al, d);
		if (rc != PC_OK)
			return rc;
		for (k = 0; k < n_al; k++) {
			rc = db_names_lookup(rs->db, alikes[k].key, ds->hits, 64, &n_h, d);
			if (rc != PC_OK)
				return rc;
			for (j = 0; j < n_h; j++) {
				const struct db_place *c = &ds->hits[j].place;
				double s;
				if (ds->hits[j].name_kind == DB_NAME_DEMONYM || ds->hits[j].name_kind == DB_NAME_ABBREV ||
				    !resolve_inside(q, c) || c->kind != DB_KIND_PLACE)
					continue;
				s = resolve_prior(c, ds->hits[j].name_kind) + resolve_support(rs, m, c, 0);
				if (s > s_alike) {
					s_alike = s;
					in_alike = *c;
					have_alike = 1;
				}
			}
		}
		if (!weak_in) {
			/* "Melbourne, Austria": the region is the slip, and its
			 * look-alike holds the place. */
			struct db_place reg_alike, placed;
			if ((rc = region_alike_holding(ds, mn, q, &placed, &reg_alike, d)) != PC_OK)
				return rc;
			if (placed.id) {
				f = new_finding(ds, R_QUAL, m, off, len);
				f->confidence = 0.9;
				f->reading = to_dplace(ds, &q->cands[0].place);
				f->alternative = to_dplace(ds, &placed);
				f->suggestion = arena_printf(ds->a, "%s, %s", placed.name, reg_alike.name);
				f->message = arena_printf(ds->a, "No %s lies in %s; %s is in %s%s", placed.name, region,
							  placed.name, reg_alike.name, quoted_note(f));
				f->n_evidence = resolve_explain(rs, m, &placed, RESOLVE_NO_QUALIFIER, ds->a,
								&f->evidence, DETECT_MAX_EVIDENCE);
				return PC_OK;
			}
		}
		if (weak_in) {
			/* Only the look-alike the story is about outweighs the hamlet. */
			if (!have_alike ||
			    resolve_support(rs, m, &in_alike, RESOLVE_NO_QUALIFIER | RESOLVE_DOCWIDE | RESOLVE_STRONG) < 1.0)
				return PC_OK;
			f = new_finding(ds, R_QUAL, m, off, len);
			f->confidence = 0.8;
			f->reading = to_dplace(ds, &q->cands[0].place);
			f->alternative = to_dplace(ds, &in_alike);
			f->suggestion = place_label(ds, &in_alike);
			f->message = arena_printf(ds->a, "The only %s in %s is %s (%lld people); this story is about %s%s",
						  mn->surface, region, weak.name, (long long)weak.population,
						  in_alike.name, quoted_note(f));
			f->n_evidence = resolve_explain(rs, m, &in_alike, RESOLVE_NO_QUALIFIER, ds->a, &f->evidence,
							DETECT_MAX_EVIDENCE);
			return PC_OK;
		}
		f = new_finding(ds, R_QUAL, m, off, len);
		f->confidence = 0.95;
		f->reading = to_dplace(ds, &q->cands[0].place);
		/*
		 * A common name in the body ("near Paris, Va.") with no
		 * look-alike in the region to explain a slip is as likely a
		 * village below the gazetteer's 500 people: a suggestion to
		 * check, not an error.  A dateline ("HALIFAX, N.B.") names the
		 * story's own place and stays an error.
		 */
		if (!have_alike) {
			size_t n_own = 0;
			int gap;
			for (j = 0; j < mn->n_cands; j++)
				if (mn->cands[j].place.kind == DB_KIND_PLACE && mn->cands[j].name_kind != DB_NAME_ALT)
					n_own++;
			/*
			 * A dateline names the story's own place, so there a
			 * missing name stays an error ("HALIFAX, N.B."), unless
			 * every place of that name is abroad and the story gives
			 * none of them anything while it is plainly about the
			 * region named: "WHITBY, Ont." on a story of Oshawa and
			 * Ajax is a town the gazetteer lacks, not a slip for
			 * Whitby, England.
			 */
			/* A name known only as another place's alternate one
			 * ("Lynchville" for San Ramon, Calif.) is as likely a
			 * village the gazetteer lacks. */
			if (best_out >= 0 && mn->cands[best_out].name_kind == DB_NAME_ALT && n_own == 0)
				gap = 1;
			else if (!(mn->flags & MATCH_DATELINE))
				/* In the body: a name many towns share, or one whose
				 * only namesakes are small and given nothing by the
				 * story ("Lyme, Connecticut", the disease's town, when
				 * the gazetteer holds only Lyme, N.H.). */
				gap = n_own >= 3 ||
				      (best_out >= 0 && mn->cands[best_out].place.population < DETECT_GAP_MAX_POP &&
				       resolve_support(rs, m, &mn->cands[best_out].place,
						       RESOLVE_NO_QUALIFIER | RESOLVE_DOCWIDE | RESOLVE_STRONG) < 0.3);
			else
				gap = best_out >= 0 &&
				      (dateline_gap(rs, m, q) ||
				       /* or the story is plainly about the region named
				        * and gives the best namesake abroad nothing
				        * ("SIDNEY, B.C." on a ferry story that also
				        * names Washington state) */
				       (strcmp(mn->cands[best_out].place.country, q->cands[0].place.country) != 0 &&
					mn->cands[best_out].place.population < DETECT_GAP_MAX_POP &&
					resolve_support(rs, m, &mn->cands[best_out].place,
							RESOLVE_NO_QUALIFIER | RESOLVE_DOCWIDE | RESOLVE_STRONG) < 0.3 &&
					resolve_support(rs, m, &q->cands[0].place,
							RESOLVE_NO_QUALIFIER | RESOLVE_DOCWIDE | RESOLVE_STRONG) >= 1.0));
			if (gap) {
				/* Offer the namesake only where the story gives it
				 * something: else it is as likely a missing town
				 * (Russell, Man.) as a slip for Russell, Ont. */
				int offer = best_out >= 0 && !(mn->flags & MATCH_DATELINE) && n_own > 0 &&
					    resolve_support(rs, m, &mn->cands[best_out].place,
							    RESOLVE_NO_QUALIFIER | RESOLVE_DOCWIDE | RESOLVE_STRONG) >= 0.5;
				f->sev = DETECT_SEV_SUGGESTION;
				f->confidence = 0.5;
				f->message = arena_printf(ds->a, "No %s of 500 people or more lies in %s; check the place "
								 "(a smaller %s may not be in the gazetteer)%s",
							  mn->surface, region, mn->surface, quoted_note(f));
				if (offer) {
					f->alternative = to_dplace(ds, &mn->cands[best_out].place);
					f->suggestion = place_label(ds, &mn->cands[best_out].place);
				}
				return PC_OK;
			}
		}
		if (best_out >= 0) {
			const struct db_place *o = &mn->cands[best_out].place;
			/* Prefer the look-alike inside the region only when the
			 * article supports it better than the name elsewhere. */
			int use_alike = have_alike &&
					resolve_support(rs, m, &in_alike, RESOLVE_NO_QUALIFIER) >
						resolve_support(rs, m, o, RESOLVE_NO_QUALIFIER) + 0.5;
			const struct db_place *sug = use_alike ? &in_alike : o;
			f->alternative = to_dplace(ds, sug);
			f->suggestion = place_label(ds, sug);
			if (have_alike)
				f->message = arena_printf(ds->a, "No %s lies in %s; %s is in %s. In %s: %s%s",
							  o->name, region, o->name, where_words(ds, o), region,
							  in_alike.name, quoted_note(f));
			else
				f->message = arena_printf(ds->a, "No %s lies in %s; %s is in %s%s", o->name,
							  region, o->name, where_words(ds, o), quoted_note(f));
			f->n_evidence = resolve_explain(rs, m, sug, RESOLVE_NO_QUALIFIER, ds->a,
							&f->evidence, DETECT_MAX_EVIDENCE);
		} else if (have_alike) {
			f->alternative = to_dplace(ds, &in_alike);
			f->suggestion = place_label(ds, &in_alike);
			f->message = arena_printf(ds->a, "No place called %s lies in %s. In %s: %s%s",
						  mn->surface, region, region, in_alike.name, quoted_note(f));
		} else {
			f->message = arena_printf(ds->a, "No place called %s lies in %s%s", mn->surface,
						  region, quoted_note(f));
		}
		return PC_OK;
	}
	/* Rule 3b: the named region holds the place, but the article is elsewhere. */
	if (best_out >= 0 && r->best >= 0) {
		const struct db_place *lit = &mn->cands[r->best].place;
		const struct db_place *alt = &mn->cands[best_out].place;
		double s_lit = resolve_support(rs, m, lit, RESOLVE_NO_QUALIFIER | RESOLVE_DOCWIDE);
		double s_alt = resolve_support(rs, m, alt, RESOLVE_NO_QUALIFIER | RESOLVE_DOCWIDE);
		double att_alt = resolve_support(rs, m, alt, RESOLVE_NO_QUALIFIER | RESOLVE_DOCWIDE | RESOLVE_STRONG);
		double att_lit = resolve_support(rs, m, lit, RESOLVE_NO_QUALIFIER | RESOLVE_DOCWIDE | RESOLVE_STRONG);
		/*
		 * Only where the qualifier places the story itself (a lone
		 * dateline).  In the body a qualified name is spelled out on
		 * purpose: "a son, Richard, of Nashville, Tenn." in a Georgia
		 * obituary, "fans who flew in from Portland, Maine" at a Blazers
		 * game.
		 */
		int weighty = (mn->flags & MATCH_DATELINE) && !ds->roundup;
		/* Across a border only in a lone dateline, and only when the
		 * story gives the qualified reading nothing at all
		 * ("BIRMINGHAM, Ala." on a West Midlands story). */
		int same_country = strcmp(alt->country, lit->country) == 0;
		int abroad = !same_country && (mn->flags & MATCH_DATELINE) && !ds->roundup &&
			     att_alt >= 1.5 && att_lit < 0.2 && s_alt >= 5 * s_lit + 0.5;
		/*
		 * Or the whole story is about the other place's country, which
		 * it names again and again with its towns, and never once
		 * names the country of the dateline ("WELLINGTON, Australia"
		 * on a story of New Zealand's parliament, Auckland and
		 * Dunedin).  The towns are too far from the capital to attest
		 * it one by one; their country is not.
		 */
		int abroad_country = 0;
		if (!same_country && weighty && att_lit < 0.2 && s_alt > s_lit) {
			struct db_place c_alt = { 0 }, c_lit = { 0 };
			const unsigned o = RESOLVE_NO_QUALIFIER | RESOLVE_DOCWIDE | RESOLVE_STRONG;
			c_alt.kind = c_lit.kind = DB_KIND_COUNTRY;
			snprintf(c_alt.country, sizeof c_alt.country, "%s", alt->country);
			snprintf(c_lit.country, sizeof c_lit.country, "%s", lit->country);
			abroad_country = resolve_support(rs, m, &c_alt, o) >= 3.0 &&
					 resolve_support(rs, m, &c_lit, o) < 0.3;
		}
		/* The story spells the other one out too ("A Portland, Maine,
		 * company" under "PORTLAND, Ore."): the writer knows both and
		 * the dateline is deliberate. */
		int both_spelled = name_reads_as(rs, m, alt, 1);
		int near_alt = weighty && !both_spelled && att_alt >= 1.0 && att_lit < 0.3 && s_alt >= s_lit + 0.8 &&
			       s_alt >= 2 * s_lit && (same_country || abroad);
		/*
		 * In the body, only where the name is where the story's own
		 * action happens ("lawmakers returned to Springfield, Mo." in an
		 * Illinois statehouse story): after in, at or to, the other
		 * reading attested again and again, the qualified one not at
		 * all.  "Of" and "from" name where people come from.
		 */
		int body_action = !(mn->flags & MATCH_DATELINE) && same_country && !ds->roundup &&
				  mn->tok_start > 0 &&
				  (scan_is_word(rs->s, mn->tok_start - 1, "in") ||
				   scan_is_word(rs->s, mn->tok_start - 1, "at") ||
				   scan_is_word(rs->s, mn->tok_start - 1, "to")) &&
				  att_alt >= 1.5 && att_lit < 0.1 && s_alt >= 3 * s_lit + 0.8 &&
				  name_reads_as(rs, m, alt, 0);
		if (near_alt || abroad_country || body_action) {
			struct finding *f = new_finding(ds, R_REGION, m, off, len);
			const char *alt_where = where_words(ds, alt);
			if (abroad_country && !near_alt) { /* the story names the country, not the place's state */
				char cn[128];
				db_country_name(rs->db, alt->country, cn, sizeof cn);
				if (cn[0])
					alt_where = arena_strdup(ds->a, cn);
			}
			f->confidence = conf_of(s_alt - s_lit);
			/* Spelled out in the body, the other state may be meant
			 * on purpose: a note to check, not a warning. */
			if (body_action && !near_alt && !abroad_country) {
				f->sev = DETECT_SEV_SUGGESTION;
				f->confidence = 0.5;
			}
			f->reading = to_dplace(ds, lit);
			f->alternative = to_dplace(ds, alt);
			f->suggestion = place_label(ds, alt);
			f->message = arena_printf(ds->a, "%s is qualified as %s, but this story is about %s, where there is %s %s too%s%s",
						  mn->surface, q->surface, alt_where,
						  strchr("AEIOUaeiou", alt->name[0]) ? "an" : "a", alt->name,
						  f->sev == DETECT_SEV_SUGGESTION ? "; check which is meant" : "",
						  quoted_note(f));
			f->n_evidence = resolve_explain(rs, m, alt, RESOLVE_NO_QUALIFIER, ds->a, &f->evidence,
							DETECT_MAX_EVIDENCE);
		}
	}
	return PC_OK;
}

/* The region row (admin1, else country) that holds place P, or 0. */
static int region_of(struct dstate *ds, const struct db_place *p, int want_admin1, struct db_place *out)
{
	int64_t id = db_region_place_id(ds->rs->db, p->country, want_admin1 ? p->admin1 : NULL);
	struct diag d;

	diag_clear(&d);
	return id && db_place_get(ds->rs->db, id, out, &d) == PC_OK;
}

/* Are keys A and B equal once spaces and hyphens are dropped? */
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

/* Is CC a country whose places English copy names by their own names? */
static int english_speaking(const char *cc)
{
	static const char *const ccs[] = { "US", "GB", "CA", "AU", "NZ", "IE" };
	size_t i;

	for (i = 0; i < sizeof ccs / sizeof ccs[0]; i++)
		if (strcmp(cc, ccs[i]) == 0)
			return 1;
	return 0;
}

/*
 * "Sidney" for Sydney, "Pittsburg" for Pittsburgh: the name read is an old
 * or foreign spelling of the place the article is about, and also the own
 * name of other places.  The writer most likely meant the place's own name.
 */
static enum pc_rc rule_variant(struct dstate *ds, size_t m)
{
	const struct resolve_state *rs = ds->rs;
	const struct mention *mn = men(ds, m);
	const struct db_place *alt = &mn->cands[rs->rm[m].best].place;
	const struct db_place *own = NULL;
	struct buf k;
	size_t j;
	int dist;

	/* "downtown Sidney" under "SYDNEY, N.S.": the Sydney meant is the
	 * dateline's, whichever Sydney carries "Sidney" as another name. */
	if (rs->dateline >= 0 && rs->rm[rs->dateline].best >= 0) {
		const struct db_place *dl = &rs->mr->m[rs->dateline].cands[rs->rm[rs->dateline].best].place;
		if (dl->id != alt->id && dl->kind == DB_KIND_PLACE && strcmp(dl->name, alt->name) == 0)
			alt = dl;
	}
	double att;

	for (j = 0; j < mn->n_cands; j++)
		if (mn->cands[j].name_kind != DB_NAME_ALT &&
		    (mn->cands[j].place.kind == DB_KIND_PLACE || mn->cands[j].place.kind == DB_KIND_COUNTRY)) {
			own = &mn->cands[j].place;
			break;
		}
	if (!own || alt->kind != DB_KIND_PLACE)
		return PC_OK;
	/*
	 * Outside the English-speaking countries, a variant that English
	 * dictionaries carry is the English name, not a slip: "Seville" for
	 * Sevilla, "Hanover" for Hannover, though Ohio and Maryland have
	 * their own.  Another language's name ("VIENNE" for Vienna) is not.
	 */
	if (!english_speaking(alt->country) && own->kind != DB_KIND_COUNTRY &&
	    (db_lexicon_flags(rs->db, mn->key) & DB_LEX_PROPER))
		return PC_OK;
	buf_init(&k, 256);
	if (db_key(alt->name, strlen(alt->name), &k) != PC_OK) {
		buf_free(&k);
		return PC_OK;
	}
	/* "LaSalle" for La Salle, "Wilkes Barre" for Wilkes-Barre: the
	 * same spelling but for spaces and hyphens. */
	if (same_but_spaces(mn->key, buf_str(&k))) {
		buf_free(&k);
		return PC_OK;
	}
	/* A story that writes both spellings, the variant more than once,
	 * tells two places apart ("a Sidney-based maker" on Vancouver Island
	 * flying tourists out of Sydney): a slip is one odd spelling. */
	{
		size_t i, n_var = 0, n_own = 0;
		for (i = 0; i < rs->mr->n; i++) {
			if (strcmp(rs->mr->m[i].key, mn->key) == 0)
				n_var++;
			else if (strcmp(rs->mr->m[i].key, buf_str(&k)) == 0)
				n_own++;
		}
		if (n_var >= 2 && n_own >= 1) {
			buf_free(&k);
			return PC_OK;
		}
	}
	dist = strdist_osa(mn->key, buf_str(&k), 2);
	/* Odessa for Odesa, Kochi for Cochin: an accepted English spelling. */
	if (dist <= 2 && dist > 0 && db_same_spelling(rs->db, mn->key, buf_str(&k)))
		dist = 0;
	buf_free(&k);
	if (dist > 2 || dist == 0)
		return PC_OK;
	att = resolve_support(rs, m, alt, RESOLVE_DOCWIDE | RESOLVE_STRONG);
	if (att < ALT_ATTEST_MIN)
		return PC_OK;
	{
		struct finding *f = new_finding(ds, R_LOOKALIKE, m, mn->off, mn->len);
		f->confidence = dist == 1 ? 0.85 : 0.7;
		f->reading = to_dplace(ds, own);
		f->alternative = to_dplace(ds, alt);
		f->suggestion = arena_strdup(ds->a, alt->name);
		if (own->kind == DB_KIND_COUNTRY)
			f->message = arena_printf(ds->a, "%s is a country; this story is about %s in %s%s", mn->surface,
						  alt->name, where_words(ds, alt), quoted_note(f));
		else
			f->message = arena_printf(ds->a, "%s is a different place (in %s); this story is about %s in %s%s",
						  mn->surface, where_words(ds, own), alt->name, where_words(ds, alt),
						  quoted_note(f));
		f->n_evidence = resolve_explain(rs, m, alt, 0, ds->a, &f->evidence, DETECT_MAX_EVIDENCE);
	}
	return PC_OK;
}

/*
 * In how many paragraphs does mention M's name stand, within a dozen
 * paragraphs of M (farther off, a long file holds other stories)?
 */
static size_t paragraphs_with_key(const struct resolve_state *rs, size_t m)
{
	size_t i, n = 0;
	unsigned last = 0, pm = rs->s->toks[rs->mr->m[m].tok_start].para;
	int any = 0;

	for (i = 0; i < rs->mr->n; i++) {
		unsigned p;
		if (rs->key_id[i] != rs->key_id[m])
			continue;
		p = rs->s->toks[rs->mr->m[i].tok_start].para;
		if (p + 12 < pm || p > pm + 12)
			continue;
		if (!any || p != last) {
			n++;
			last = p;
			any = 1;
		}
	}
	return n;
}

/* Rule 2 (and 3a): a look-alike fits clearly better than the literal reading. */
static enum pc_rc rule_lookalike(struct dstate *ds, size_t m, struct diag *d)
{
	const struct resolve_state *rs = ds->rs;
	const struct mention *mn = men(ds, m);
	const struct resolve_mention *r = &rs->rm[m];
	const struct db_place *lit;
	struct db_alike alikes[DETECT_MAX_ALIKES];
	size_t n_al = 0, k, j, n_h;
	double s_lit, att_lit, best_s = -1e9;
	struct db_place best_alt, best_region;
	int have = 0, best_is_region_ctx = 0, best_kind = 0;
	enum pc_rc rc;

	if (r->best < 0)
		return PC_OK;
	lit = &mn->cands[r->best].place;
	if (mn->cands[r->best].name_kind == DB_NAME_ALT)
		return rule_variant(ds, m);
	/* A name the story writes in two paragraphs or more is the one the
	 * writer means ("Austria" three times in a story about an Australian
	 * driver before the Austrian race; "Charlotte" for the tournament a
	 * Charlottesville team travels to): a slip is written once. */
	if (paragraphs_with_key(rs, m) >= 2)
		return PC_OK;
	/* "Fits the article": the whole article's evidence, not just nearby. */
	s_lit = resolve_support(rs, m, lit, RESOLVE_DOCWIDE);
	att_lit = resolve_support(rs, m, lit, RESOLVE_DOCWIDE | RESOLVE_STRONG);
	if (att_lit >= LIT_ATTEST_MAX)
		return PC_OK;
	if ((rc = detect_alikes(ds, mn->key, alikes, DETECT_MAX_ALIKES, &n_al, d)) != PC_OK)
		return rc;
	for (k = 0; k < n_al; k++) {
		if (named_in_sentence(ds, m, alikes[k].key))
			continue; /* the writer contrasts the two on purpose */
		if ((rc = db_names_lookup(rs->db, alikes[k].key, ds->hits, 64, &n_h, d)) != PC_OK)
			return rc;
		if (n_h > DETECT_MAX_ALT_READINGS)
			n_h = DETECT_MAX_ALT_READINGS;
		for (j = 0; j < n_h; j++) {
			const struct db_place *a = &ds->hits[j].place;
			int nk = ds->hits[j].name_kind, region_ctx = 0;
			double s, att;
			struct db_place reg;
			if (nk == DB_NAME_DEMONYM || nk == DB_NAME_ABBREV || nk == DB_NAME_ALT)
				continue;
			if ((a->kind == DB_KIND_ADMIN2) != (lit->kind == DB_KIND_ADMIN2))
				continue;
			/* "South Australia" in an Australian story: the literal
			 * lies inside the look-alike, and every piece of evidence
			 * for the one speaks for the other too. */
			if (db_place_in_region(lit, a) || db_place_in_region(a, lit))
				continue;
			if (lit->kind != DB_KIND_PLACE && a->kind == DB_KIND_PLACE &&
			    alikes[k].kind == DB_ALIKE_PREFIX) {
				/* "Kansas" for a story about Kansas City, Mo.: suggest the region.
				 * Only for a big city (not Port Washington, N.Y.), never
				 * after "Washington state", and not in a briefs roundup. */
				if (a->population < 100000 || ds->roundup ||
				    scan_is_word(rs->s, mn->tok_end, "state"))
					continue;
				if (!region_of(ds, a, lit->kind == DB_KIND_ADMIN1, &reg) || reg.id == lit->id)
					continue;
				if (lit->kind == DB_KIND_ADMIN1 && strcmp(reg.country, lit->country) != 0)
					continue;
				region_ctx = 1;
			}
			if (region_ctx) {
				att = resolve_support(rs, m, &reg, RESOLVE_DOCWIDE | RESOLVE_STRONG);
				s = resolve_support(rs, m, &reg, RESOLVE_DOCWIDE);
				/* The city itself must be named or cued: a story
				 * that only has "Columbia, Mo." says nothing about
				 * Kansas City. */
				if (resolve_support(rs, m, a, RESOLVE_DOCWIDE | RESOLVE_STRONG) < ALT_ATTEST_MIN ||
				    !alt_named(ds, m, a, 1))
					continue;
			} else {
				att = resolve_support(rs, m, a, RESOLVE_DOCWIDE | RESOLVE_STRONG);
				s = resolve_support(rs, m, a, RESOLVE_DOCWIDE);
			}
			if (att < ALT_ATTEST_MIN || s < s_lit + ALT_MARGIN || s < ALT_RATIO * s_lit)
				continue;
			/* A neighbouring country ("Guinea" in a Bissau story) is
			 * usually named on purpose; flag it only where it stands for
			 * the state itself ("Niger's central bank"). */
			if (lit->kind == DB_KIND_COUNTRY && a->kind == DB_KIND_COUNTRY &&
			    db_country_neighbours(rs->db, lit->country, a->country) &&
			    !(mn->flags & MATCH_POSS) && !before_institution(ds, mn->tok_end))
				continue;
			/* Neighbouring states (North and South Carolina) are named
			 * together on purpose far more often than confused. */
			if (lit->kind == DB_KIND_ADMIN1 && a->kind == DB_KIND_ADMIN1 &&
			    resolve_km(lit->lat, lit->lon, a->lat, a->lon) < 600)
				continue;
			/* "Saratoga" in a Saratoga Springs story is its short
			 * name, as "Niagara" is Niagara Falls's; and nobody
			 * writes "South Portland" meaning Portland. */
			if (!region_ctx && lit->kind == DB_KIND_PLACE && a->kind == DB_KIND_PLACE &&
			    (word_extends(mn->key, alikes[k].key) || word_extends(alikes[k].key, mn->key)))
				continue;
			if (!region_ctx) {
				int named = alt_named(ds, m, a, a->kind == DB_KIND_PLACE);
				/* Town for town: the writer knows the other town and
				 * names it elsewhere ("Charlotte" in a Charlottesville
				 * story).  Without that, a town's look-alike is a guess. */
				if (a->kind == DB_KIND_PLACE && !named)
					continue;
				/* A country the story ties to its own places at all
				 * ("coffee from Huila, Colombia ... Medellin" in a
				 * Columbia, Tenn., story) is named on purpose. */
				if (lit->kind == DB_KIND_COUNTRY && a->kind == DB_KIND_PLACE && att_lit >= 0.15)
					continue;
				/* A country or state: the slip is writing the wrong one
				 * where the right one is never written ("Austria" in a
				 * Canberra story).  A story that writes "Ireland" and
				 * once "Iceland" means Iceland. */
				/* Unless it opens the story as the home state's own
				 * institution: "Paraguay's labour ministry said" in the
				 * first sentences of a Montevideo story. */
				/* Or where a town the story gives nothing at all speaks
				 * for a state: "Columbia's national coffee federation"
				 * in a Medellin story, anywhere in it. */
				int speaks = (mn->flags & MATCH_POSS) || before_institution(ds, mn->tok_end);
				if (a->kind != DB_KIND_PLACE && named &&
				    !(speaks && (rs->s->toks[mn->tok_start].sent <= 2 ||
						 (lit->kind == DB_KIND_PLACE && a->kind == DB_KIND_COUNTRY && att_lit < 0.1 &&
						  s_lit < 0.3))))
					continue;
			}
			if (s > best_s) {
				best_s = s;
				best_alt = *a;
				if (region_ctx)
					best_region = reg;
				best_is_region_ctx = region_ctx;
				best_kind = alikes[k].kind;
				have = 1;
			}
		}
	}
	if (!have)
		return PC_OK;
	(void)best_kind;
	{
		struct finding *f;
		const struct db_place *sug = best_is_region_ctx ? &best_region : &best_alt;
		f = new_finding(ds, best_is_region_ctx ? R_REGION : R_LOOKALIKE, m, mn->off, mn->len);
		f->confidence = conf_of(best_s - s_lit);
		f->reading = to_dplace(ds, lit);
		f->alternative = to_dplace(ds, sug);
		f->suggestion = arena_strdup(ds->a, sug->name);
		if (best_is_region_ctx)
			f->message = arena_printf(ds->a, "%s is named here, but the story puts its subject in %s (%s is in %s)%s",
						  mn->surface, sug->name, best_alt.name, where_words(ds, &best_alt),
						  quoted_note(f));
		else if (lit->kind == DB_KIND_PLACE && sug->kind == DB_KIND_PLACE)
			f->message = arena_printf(ds->a, "%s is in %s, but this story is about %s in %s%s",
						  mn->surface, where_words(ds, lit), sug->name, where_words(ds, sug),
						  quoted_note(f));
		else
			f->message = arena_printf(ds->a, "%s does not fit this story, which is about %s%s",
						  mn->surface, sug->name, quoted_note(f));
		f->n_evidence = resolve_explain(rs, m, best_is_region_ctx ? &best_alt : sug, 0, ds->a,
						&f->evidence, DETECT_MAX_EVIDENCE);
	}
	return PC_OK;
}

/* Is LONG the key SHORT with whole words added before or after it? */
static int word_extends(const char *shrt, const char *lng)
{
	size_t ls = strlen(shrt), ll = strlen(lng);

	if (ll <= ls + 1)
		return 0;
	if (strncmp(lng, shrt, ls) == 0 && lng[ls] == ' ')
		return 1;
	return strcmp(lng + ll - ls, shrt) == 0 && lng[ll - ls - 1] == ' ';
}

/* Rule 4: two look-alikes in different regions, both named. */
/*
 * Is the pair of look-alike mentions I (earlier) and J worth a reminder?
 * Not where the writer has plainly told them apart: either spelled out with
 * its region ("Portland, Ore."), both in one sentence ("Slovakia and Slovenia
 * signed", "Switzerland beat Sweden"), or each tied to its own place by
 * other evidence (Paraguay with Asuncion, Uruguay with Montevideo).  Not
 * for a reading through another place's alternate name ("Columbia City"),
 * nor where one name is the other with a word added (Kansas and Kansas
 * City, Carolina and North Carolina, Portland and South Portland, Niagara
 * and Niagara Falls): the short one is a short form, or the two are
 * neighbours named together; those are not the names writers swap.
 */
static int pair_worth_a_reminder(const struct dstate *ds, size_t i, size_t j)
{
	const struct resolve_state *rs = ds->rs;
	const struct mention *a = &rs->mr->m[i], *b = &rs->mr->m[j];
	const struct match_cand *ca = &a->cands[rs->rm[i].best], *cb = &b->cands[rs->rm[j].best];
	const unsigned opts = RESOLVE_NO_QUALIFIER | RESOLVE_DOCWIDE | RESOLVE_STRONG;
	size_t x, y;

	/* Any mention of either name, not only these two: the writer who
	 * spelled one out once has told them apart for the whole story. */
	for (x = 0; x < rs->mr->n; x++) {
		const struct mention *mx = &rs->mr->m[x];
		if (rs->key_id[x] != rs->key_id[i] && rs->key_id[x] != rs->key_id[j])
			continue;
		if (mx->qualifier >= 0)
			return 0;
		if (rs->key_id[x] != rs->key_id[i])
			continue;
		for (y = 0; y < rs->mr->n; y++)
			if (rs->key_id[y] == rs->key_id[j] &&
			    rs->s->toks[mx->tok_start].sent == rs->s->toks[rs->mr->m[y].tok_start].sent)
				return 0;
	}
	if (ca->name_kind == DB_NAME_ALT || cb->name_kind == DB_NAME_ALT)
		return 0;
	/* "South Georgia" read as the islands (population 30) beside the
	 * state: a reading that small is more likely a region the gazetteer
	 * does not hold. */
	if ((ca->place.population > 0 && ca->place.population < 1000) ||
	    (cb->place.population > 0 && cb->place.population < 1000))
		return 0;
	/* A neighbourhood reading ("London's Chinatown" read as New York's)
	 * is too weak a reading to remind of anything. */
	if (strcmp(ca->place.fcode, "PPLX") == 0 || strcmp(cb->place.fcode, "PPLX") == 0)
		return 0;
	if (word_extends(a->key, b->key) || word_extends(b->key, a->key))
		return 0;
	return !(resolve_support(rs, i, &ca->place, opts) >= 1.0 && resolve_support(rs, j, &cb->place, opts) >= 1.0);
}

static enum pc_rc rule_pairs(struct dstate *ds, struct diag *d)
{
	const struct resolve_state *rs = ds->rs;
	size_t i, j, k, n_al;
	struct db_alike alikes[DETECT_MAX_ALIKES];
	enum pc_rc rc;

	for (i = 0; i < rs->mr->n; i++) {
		const struct mention *a = &rs->mr->m[i];
		int done = 0;
		unsigned para_a = rs->s->toks[a->tok_start].para;
		if (!rs->rm[i].keep || rs->rm[i].best < 0 || ds->flagged[i] ||
		    (a->flags & (MATCH_QUALIFIER | MATCH_REGION_ABBR)))
			continue;
		/* One look-up per name: later mentions of the same key are skipped. */
		if (rs->key_id[i] != (int)i)
			continue;
		if ((rc = detect_alikes(ds, a->key, alikes, DETECT_MAX_ALIKES, &n_al, d)) != PC_OK)
			return rc;
		for (j = i + 1; j < rs->mr->n && !done; j++) {
			const struct mention *b = &rs->mr->m[j];
			const struct db_place *pa, *pb;
			struct finding *f;
			/* Names far apart in a long file belong to different stories. */
			if (rs->s->toks[b->tok_start].para > para_a + 12)
				break;
			if (!rs->rm[j].keep || rs->rm[j].best < 0 || ds->flagged[j] ||
			    (b->flags & (MATCH_QUALIFIER | MATCH_REGION_ABBR)) || strcmp(a->key, b->key) == 0)
				continue;
			for (k = 0; k < n_al; k++)
				if (strcmp(alikes[k].key, b->key) == 0)
					break;
			if (k == n_al)
				continue;
			pa = &a->cands[rs->rm[i].best].place;
			pb = &b->cands[rs->rm[j].best].place;
			if (strcmp(pa->country, pb->country) == 0 && strcmp(pa->admin1, pb->admin1) == 0)
				continue;
			if (!pair_worth_a_reminder(ds, i, j))
				continue;
			/* Mexico and Mexico City, Kuwait and Kuwait City: a
			 * region and a place inside it. */
			if (db_place_in_region(pb, pa) || db_place_in_region(pa, pb))
				continue;
			/* Two regions of one country ("North Carolina and South
			 * Carolina") or two neighbouring countries (Niger and
			 * Nigeria) are named side by side on purpose. */
			if (pa->kind != DB_KIND_PLACE && pb->kind != DB_KIND_PLACE &&
			    (strcmp(pa->country, pb->country) == 0 ||
			     (pa->kind == DB_KIND_COUNTRY && pb->kind == DB_KIND_COUNTRY &&
			      db_country_neighbours(rs->db, pa->country, pb->country))))
				continue;
			/* Report once per pair of names, at the later mention. */
			{
				size_t p;
				int seen = 0;
				for (p = 0; p < ds->n_f; p++)
					if (ds->f[p].rule == rule_id(R_PAIR) &&
					    ((strcmp(ds->f[p].reading.name, pa->name) == 0 &&
					      strcmp(ds->f[p].alternative.name, pb->name) == 0) ||
					     (strcmp(ds->f[p].reading.name, pb->name) == 0 &&
					      strcmp(ds->f[p].alternative.name, pa->name) == 0)))
						seen = 1;
				if (seen)
					continue;
			}
			f = new_finding(ds, R_PAIR, j, b->off, b->len);
			ds->flagged[j] = 0; /* a reminder does not hide other rules */
			f->confidence = 0.5;
			f->reading = to_dplace(ds, pb);
			f->alternative = to_dplace(ds, pa);
			f->suggestion = NULL;
			if (pa->kind == DB_KIND_COUNTRY && pb->kind == DB_KIND_COUNTRY)
				f->message = arena_printf(ds->a, "%s and %s are easy to confuse; check that each is the country meant",
							  a->surface, b->surface);
			else
				f->message = arena_printf(ds->a, "%s and %s are easy to confuse: %s is in %s, %s in %s; check that each is the place meant",
							  a->surface, b->surface, pa->name, where_words(ds, pa), pb->name,
							  where_words(ds, pb));
			done = 1;
		}
	}
	return PC_OK;
}

/* Best-attested reading among HITS (demonym names only if WANT_DEMONYM). */
static int best_attested(struct dstate *ds, size_t m_for_support, const struct db_hit *hits, size_t n,
			 int want_demonym, double *att_out)
{
	size_t j;
	int best = -1;
	double best_att = -1;

	for (j = 0; j < n; j++) {
		double att;
		if ((hits[j].name_kind == DB_NAME_DEMONYM) != want_demonym)
			continue;
		if (hits[j].name_kind == DB_NAME_ABBREV)
			continue;
		att = resolve_support(ds->rs, m_for_support, &hits[j].place, RESOLVE_DOCWIDE | RESOLVE_STRONG);
		if (att > best_att) {
			best_att = att;
			best = (int)j;
		}
	}
	*att_out = best_att;
	return best;
}

/* Nouns after a demonym that make it speak for the state itself. */
static const char *const detect_institutions[] = {
	"government", "minister", "ministers", "ministry", "officials", "official",
	"authorities", "police", "army", "troops", "soldiers", "forces", "military",
	"navy", "president", "prime", "premier", "parliament", "lawmakers",
	"legislators", "senate", "central", "economy", "farmers", "growers",
	"exporters", "voters", "capital", "embassy", "diplomats", "state", "national",
	"federal", "court", "courts", "coast", "border", "team", "squad", "league",
};

/* Is token T (right after a demonym) one of detect_institutions? */
static int before_institution(const struct dstate *ds, size_t t)
{
	const struct scan_doc *s = ds->rs->s;
	size_t i;

	if (t >= s->n_toks || !(s->toks[t].flags & SCAN_WORD))
		return 0;
	for (i = 0; i < sizeof detect_institutions / sizeof detect_institutions[0]; i++)
		if (strlen(detect_institutions[i]) == s->toks[t].len &&
		    strncasecmp(detect_institutions[i], s->text + s->toks[t].off, s->toks[t].len) == 0)
			return 1;
	return 0;
}

/* Rule 6: a demonym whose country fits worse than a look-alike's ("Austrian" in Canberra). */
static enum pc_rc rule_demonym(struct dstate *ds, size_t m, struct diag *d)
{
	const struct resolve_state *rs = ds->rs;
	const struct mention *mn = men(ds, m);
	struct db_alike alikes[DETECT_MAX_ALIKES];
	size_t n_al = 0, k, j, n_h;
	double att_lit = 0, best_att = 0;
	struct db_hit best_hit;
	int have = 0;
	enum pc_rc rc;

	for (j = 0; j < mn->n_cands; j++) {
		double a = resolve_support(rs, m, &mn->cands[j].place, RESOLVE_DOCWIDE | RESOLVE_STRONG);
		if (a > att_lit)
			att_lit = a;
	}
	if (att_lit >= LIT_ATTEST_MAX)
		return PC_OK;
	/* "an Australian tourist" in Vienna is news; "Austrian ministers" in
	 * Canberra is a slip: only a demonym that names the state's own
	 * institutions or people at large is checked. */
	if (!before_institution(ds, mn->tok_end))
		return PC_OK;
	/* "the Mexican border" is the border with Mexico, written from
	 * either side of it: an Arizona story names it rightly.  "The
	 * Mexican state of Chihuahua" describes the place that follows. */
	if (scan_is_word(rs->s, mn->tok_end, "border") || scan_is_word(rs->s, mn->tok_end, "frontier") ||
	    scan_is_word(rs->s, mn->tok_end + 1, "of"))
		return PC_OK;
	if ((rc = detect_alikes(ds, mn->key, alikes, DETECT_MAX_ALIKES, &n_al, d)) != PC_OK)
		return rc;
	for (k = 0; k < n_al; k++) {
		double att;
		int b;
		if (named_in_sentence(ds, m, alikes[k].key))
			continue;
		if ((rc = db_names_lookup(rs->db, alikes[k].key, ds->hits, 64, &n_h, d)) != PC_OK)
			return rc;
		b = best_attested(ds, m, ds->hits, n_h, 1, &att);
		if (b < 0 || att < 1.5 || att < att_lit + 1.2)
			continue;
		if (att > best_att) {
			best_att = att;
			best_hit = ds->hits[b];
			have = 1;
		}
	}
	if (have) {
		struct finding *f = new_finding(ds, R_DEMONYM, m, mn->off, mn->len);
		f->confidence = conf_of(best_att - att_lit);
		f->reading = to_dplace(ds, &mn->cands[0].place);
		f->alternative = to_dplace(ds, &best_hit.place);
		f->suggestion = arena_strdup(ds->a, best_hit.form);
		f->message = arena_printf(ds->a, "%s refers to %s, but this story is about %s (%s)%s", mn->surface,
					  mn->cands[0].place.name, best_hit.place.name, best_hit.form, quoted_note(f));
		f->n_evidence = resolve_explain(rs, m, &best_hit.place, 0, ds->a, &f->evidence, DETECT_MAX_EVIDENCE);
	}
	return PC_OK;
}

/* Is unknown word U followed by ", <region>" (a qualifier) or part of a list of places? */
static int unknown_in_place_position(const struct dstate *ds, const struct match_unknown *u, int *listed,
				     int *country_list)
{
	const struct resolve_state *rs = ds->rs;
	const struct scan_doc *s = rs->s;
	size_t i;
	int qualified = 0, n_list = 0, n_country = 0;

	for (i = 0; i < rs->mr->n; i++) {
		const struct mention *mn = &rs->mr->m[i];
		int adjacent_after = mn->tok_start == u->tok_end + 1 && scan_is_punct(s, u->tok_end, ',');
		int adjacent_before = mn->tok_end + 1 == u->tok_start &&
				      (scan_is_punct(s, mn->tok_end, ',') ||
				       (s->toks[mn->tok_end].flags & SCAN_WORD));
		int adjacent_and = mn->tok_end + 1 == u->tok_start && (s->toks[mn->tok_end].flags & SCAN_WORD) &&
				   s->toks[mn->tok_end].len == 3 && memcmp(s->text + s->toks[mn->tok_end].off, "and", 3) == 0;
		if (!rs->rm[i].keep || rs->rm[i].best < 0)
			continue;
		if (adjacent_after) {
			const struct db_place *p = &mn->cands[rs->rm[i].best].place;
			if (p->kind == DB_KIND_ADMIN1 || p->kind == DB_KIND_COUNTRY)
				qualified = 1;
			n_list++;
			if (p->kind == DB_KIND_COUNTRY)
				n_country++;
		}
		if ((adjacent_before && scan_is_punct(s, mn->tok_end, ',')) || adjacent_and) {
			n_list++;
			if (mn->cands[rs->rm[i].best].place.kind == DB_KIND_COUNTRY)
				n_country++;
		}
	}
	*listed = n_list > 0;
	*country_list = n_country > 0;
	return qualified;
}

/* Does KEY end like an English demonym ("-ian", "-ese", "-ish", "-i")? */
static int demonym_shaped(const char *key)
{
	static const char *const ends[] = { "an", "ese", "ish", "i", "ic", "ean" };
	size_t len = strlen(key), i;

	for (i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		size_t el = strlen(ends[i]);
		if (len > el + 2 && strcmp(key + len - el, ends[i]) == 0)
			return 1;
	}
	return 0;
}

/*
 * Capitalised heads of organisation names.  An unknown word right before
 * one is the organisation's own first word ("Baylor University", "Mayo
 * Clinic"), not a misspelt place: a misspelling inside such a name
 * ("Massachussetts Institute") is the rarer case by far.  Likewise a place
 * name before one names the company, not the place: "Columbia Gas" serves
 * Ohio, and no look-alike rule speaks about it.
 */
static const char *const detect_org_heads[] = {
	"University", "College", "Institute", "Institution", "School", "Academy",
	"Seminary", "Hospital", "Clinic", "Health", "Medical", "Church", "Cathedral",
	"Bank", "Group", "Foundation", "Company", "Corporation", "Corp", "Inc", "Ltd",
	"LLC", "Airlines", "Airways", "Records", "Press", "Studios", "Stadium",
	"Arena", "Center", "Centre", "Hall", "Library", "Museum", "Law", "Prize",
	"Gas", "Energy", "Power", "Electric", "Telephone", "Financial", "Insurance",
	"Mutual", "Railway", "Railroad", "Motors", "Steel", "Mills", "Foods",
	"Brewing", "Capital", "Holdings", "Industries", "Pictures", "Sportswear",
	"Scientific", "Instruments",
};

/*
 * Is token T a capitalised head of a natural feature's name?  The name
 * before it names the river or the valley ("the Jordan River Parkway" in
 * Utah, "the Niger Delta"), not the country, so no rule speaks about it.
 */
static int is_feature_head(const struct scan_doc *s, size_t t)
{
	static const char *const heads[] = { "River", "Creek", "Delta", "Valley", "Basin", "Canyon" };
	size_t i;

	if (t >= s->n_toks || !(s->toks[t].flags & SCAN_WORD) || !(s->toks[t].flags & SCAN_CAP))
		return 0;
	for (i = 0; i < sizeof heads / sizeof heads[0]; i++)
		if (strlen(heads[i]) == s->toks[t].len && memcmp(heads[i], s->text + s->toks[t].off, s->toks[t].len) == 0)
			return 1;
	return 0;
}

/* Is token T a capitalised detect_org_heads word? */
static int is_org_head(const struct scan_doc *s, size_t t)
{
	size_t i;

	if (t >= s->n_toks || !(s->toks[t].flags & SCAN_WORD) || !(s->toks[t].flags & SCAN_CAP))
		return 0;
	for (i = 0; i < sizeof detect_org_heads / sizeof detect_org_heads[0]; i++)
		if (strlen(detect_org_heads[i]) == s->toks[t].len &&
		    memcmp(detect_org_heads[i], s->text + s->toks[t].off, s->toks[t].len) == 0)
			return 1;
	return 0;
}

/*
 * Does the word at token T follow what starts a person's name: a common
 * given name ("Marco Rossi") or an Arabic name particle ("al-Saadi", "bin
 * Zayed")?  Then it is a surname, not a misspelt place or demonym.
 */
static int after_person_start(const struct dstate *ds, size_t t)
{
	static const char *const particles[] = { "al", "el", "bin", "ibn", "bint" };
	const struct scan_doc *s = ds->rs->s;
	const struct scan_tok *p;
	size_t i, k;
	int hyphen = 0;
	char key[64];

	if (t == 0)
		return 0;
	if (scan_is_punct(s, t - 1, '-')) {
		if (t < 2)
			return 0;
		hyphen = 1;
		t--;
	}
	p = &s->toks[t - 1];
	if (!(p->flags & SCAN_WORD) || p->sent != s->toks[t].sent || p->len >= sizeof key)
		return 0;
	for (i = 0; i < p->len; i++)
		key[i] = (char)tolower((unsigned char)s->text[p->off + i]);
	key[p->len] = '\0';
	for (k = 0; k < sizeof particles / sizeof particles[0]; k++)
		if (strcmp(key, particles[k]) == 0)
			return hyphen == (k < 2);
	return !hyphen && (p->flags & SCAN_CAP) && (db_lexicon_flags(ds->rs->db, key) & DB_LEX_GIVEN);
}

/*
 * A word written with accents ("the island of Chiloé") is spelled with
 * care: a name the gazetteer lacks, not a slip for Chile.
 */
static int has_non_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

/* Is token T inside a cue phrase the story uses ("Bollywood")? */
static int in_cue_phrase(const struct resolve_state *rs, size_t t)
{
	size_t i;

	for (i = 0; i < rs->ctx->n_ev; i++) {
		const struct ctx_ev *ev = &rs->ctx->ev[i];
		if (ev->source == CTX_SRC_CUE && ev->tok <= t && t < ev->tok_end)
			return 1;
	}
	return 0;
}

/* Does a demonym start at token T?  "Latin American music": the word
 * before it is part of a compound, not a misspelt Lalin. */
static int before_demonym(const struct resolve_state *rs, size_t t)
{
	size_t i;

	for (i = 0; i < rs->mr->n; i++)
		if (rs->mr->m[i].tok_start == t && (rs->mr->m[i].flags & MATCH_DEMONYM))
			return 1;
	return 0;
}

/* Is KEY the plural of a name ("the two Georgias", "the Koreas")? */
static int plural_of_name(struct db *db, const char *key)
{
	size_t len = strlen(key), n = 0;
	char k[128];
	struct db_hit h[1];
	struct diag d;

	if (len < 4 || len >= sizeof k || key[len - 1] != 's')
		return 0;
	memcpy(k, key, len - 1);
	k[len - 1] = '\0';
	diag_clear(&d);
	if (db_names_lookup(db, k, h, 1, &n, &d) != PC_OK)
		return 0;
	return n > 0;
}

/*
 * Is mention MN a team's short name: the story has a cue phrase that is the
 * name plus one word ("Carolina Panthers", "Tampa Bay Buccaneers"), and
 * sports copy then calls the team "Carolina"?  ("Kansas" is not the short
 * name of the Kansas City Chiefs.)
 */
static int team_short_name(const struct resolve_state *rs, const struct mention *mn)
{
	size_t i, n = strlen(mn->surface);

	for (i = 0; i < rs->ctx->n_ev; i++) {
		const struct ctx_ev *ev = &rs->ctx->ev[i];
		const char *w = ev->what;
		if (ev->source != CTX_SRC_CUE || !w || strncasecmp(w, mn->surface, n) != 0 || w[n] != ' ')
			continue;
		if (w[n + 1] && !strchr(w + n + 1, ' '))
			return 1;
	}
	return 0;
}

/* Rule 5 (and 6 for unknown demonyms): a misspelled place name in a place slot. */
static enum pc_rc rule_misspelled(struct dstate *ds, struct diag *d)
{
	const struct resolve_state *rs = ds->rs;
	const struct scan_doc *s = rs->s;
	size_t i, k, n_near, n_h;
	struct db_alike near[16];
	enum pc_rc rc;

	for (i = 0; i < rs->mr->n_unk; i++) {
		const struct match_unknown *u = &rs->mr->unk[i];
		int listed = 0, country_list = 0, qualified, slot, maxd;
		double best_score = -1e9, best_att = 0;
		struct db_hit best;
		int have = 0, best_dist = 0;
		size_t anchor, ulen, span_end;
		int region_ok;

		if (ds->o && ds->o->skip_quotes && (u->flags & MATCH_QUOTED))
			continue;
		qualified = unknown_in_place_position(ds, u, &listed, &country_list);
		slot = (u->flags & (MATCH_PLACE_SLOT | MATCH_POSS | MATCH_DATELINE)) || qualified || listed;
		ulen = utf8_count(u->key, strlen(u->key));
		/* A demonym stands before a noun, anywhere: "Columbian coffee";
		 * so does a long misspelt country or state ("Massachussetts
		 * would expand"), judged below. */
		region_ok = !slot && ulen >= 7 && !demonym_shaped(u->key) &&
			    db_lexicon_flags(rs->db, u->key) == 0; /* not "Victorian" */
		if (!slot && !demonym_shaped(u->key) && !region_ok)
			continue;
		maxd = ulen >= 8 ? 2 : 1;
		rc = db_near_keys(rs->db, u->key, maxd, near, 16, &n_near, d);
		if (rc != PC_OK) {
			/* An older database without the near-miss index: no rule. */
			diag_clear(d);
			return PC_OK;
		}
		/* "Burkino Faso": the word with the capitalised word after it
		 * may be a misspelt two-word name. */
		span_end = u->off + u->len;
		if (!n_near && u->tok_end < s->n_toks && (s->toks[u->tok_end].flags & SCAN_WORD) &&
		    (s->toks[u->tok_end].flags & SCAN_CAP) && s->toks[u->tok_end].sent == s->toks[u->tok_start].sent) {
			const struct scan_tok *nx = &s->toks[u->tok_end];
			struct buf k2;
			buf_init(&k2, 256);
			buf_puts(&k2, u->key);
			buf_putc(&k2, ' ');
			if (db_key(s->text + nx->off, nx->len, &k2) == PC_OK &&
			    db_near_keys(rs->db, buf_str(&k2), 2, near, 16, &n_near, d) == PC_OK && n_near)
				span_end = nx->off + nx->len;
			else
				n_near = 0;
			diag_clear(d);
			buf_free(&k2);
		}
		if ((span_end == u->off + u->len && is_org_head(s, u->tok_end)) ||
		    after_person_start(ds, u->tok_start) || plural_of_name(rs->db, u->key) ||
		    has_non_ascii(u->surface) || before_demonym(rs, u->tok_end) || in_cue_phrase(rs, u->tok_start))
			continue;
		/* Support is measured as if the word were a mention next to the
		 * nearest real mention: use mention 0's slot for exclusion rules. */
		anchor = rs->mr->n ? 0 : (size_t)-1;
		for (k = 0; k < n_near && anchor != (size_t)-1; k++) {
			size_t j;
			if ((rc = db_names_lookup(rs->db, near[k].key, ds->hits, 64, &n_h, d)) != PC_OK)
				return rc;
			for (j = 0; j < n_h; j++) {
				const struct db_place *p = &ds->hits[j].place;
				int nk = ds->hits[j].name_kind;
				double att, sc;
				if (nk == DB_NAME_ABBREV || nk == DB_NAME_ALT)
					continue;
				if (!slot && nk != DB_NAME_DEMONYM &&
				    !(region_ok && (p->kind == DB_KIND_COUNTRY || p->kind == DB_KIND_ADMIN1) &&
				      (near[k].dist == 1 || ulen >= 10)))
					continue;
				if (p->kind == DB_KIND_PLACE && p->population < 15000)
					continue;
				att = resolve_support(rs, (size_t)-1, p, RESOLVE_DOCWIDE | RESOLVE_STRONG);
				sc = att + resolve_prior(p, nk) - 0.5 * near[k].dist;
				if (sc > best_score) {
					best_score = sc;
					best_att = att;
					best = ds->hits[j];
					best_dist = near[k].dist;
					have = 1;
				}
			}
		}
		if (!have)
			continue;
		/* "Mirpurkhas" for Mirpur Khas: the name written solid, as the
		 * local press does, is no misspelling. */
		{
			struct buf bk;
			int solid;
			buf_init(&bk, 128);
			solid = db_key(best.place.name, strlen(best.place.name), &bk) == PC_OK &&
				same_but_spaces(u->key, buf_str(&bk));
			buf_free(&bk);
			if (solid)
				continue;
		}
		/* The context must agree, unless it sits in a list of countries. */
		if (best_att < 0.5 && !(country_list && best.place.kind == DB_KIND_COUNTRY))
			continue;
		{
			struct finding *f;
			int demonym = best.name_kind == DB_NAME_DEMONYM;
			if (ds->n_f == ds->cap_f) {
				size_t ncap = ds->cap_f ? ds->cap_f * 2 : 8;
				ds->f = arena_grow(ds->a, ds->f, ds->cap_f, ncap, sizeof *ds->f);
				ds->cap_f = ncap;
			}
			f = &ds->f[ds->n_f++];
			memset(f, 0, sizeof *f);
			f->rule = rule_id(demonym ? R_DEMONYM : R_MISSPELL);
			f->sev = detect_rules[demonym ? R_DEMONYM : R_MISSPELL].default_sev;
			f->offset = u->off;
			f->length = span_end - u->off;
			f->text = span_end == u->off + u->len ? u->surface
							      : arena_strndup(ds->a, s->text + u->off, span_end - u->off);
			f->quoted = (u->flags & MATCH_QUOTED) != 0;
			f->confidence = best_dist == 1 ? 0.85 : 0.7;
			if (best_att < 0.5)
				f->confidence -= 0.1;
			f->alternative = to_dplace(ds, &best.place);
			f->suggestion = arena_strdup(ds->a, demonym ? best.form : best.place.name);
			if (demonym)
				f->message = arena_printf(ds->a, "%s is not a demonym; did you mean %s (%s)?%s", u->surface,
							  best.form, best.place.name, quoted_note(f));
			else
				f->message = arena_printf(ds->a, "%s is not a place in the gazetteer; did you mean %s?%s",
							  f->text, place_label(ds, &best.place), quoted_note(f));
			f->n_evidence = resolve_explain_word(rs, u->tok_start, &best.place, ds->a, &f->evidence,
							DETECT_MAX_EVIDENCE);
		}
	}
	return PC_OK;
}

enum pc_rc detect_run(const struct resolve_state *rs, const struct detect_opts *o,
		      struct arena *a, struct finding **findings, size_t *n_findings,
		      struct resolved_place **places, size_t *n_places, struct diag *d)
{
	struct dstate ds;
	size_t i, n_p = 0;
	struct resolved_place *pl;
	enum pc_rc rc = PC_OK;

	memset(&ds, 0, sizeof ds);
	ds.rs = rs;
	ds.o = o;
	ds.a = a;
	ds.flagged = arena_calloc(a, rs->mr->n ? rs->mr->n : 1, 1);
	ds.roundup = several_datelines(rs);
	for (i = 0; i < rs->mr->n && rc == PC_OK; i++) {
		const struct mention *mn = &rs->mr->m[i];
		if ((!rs->rm[i].keep && !rs->rm[i].unsupported_proper) ||
		    (mn->flags & (MATCH_QUALIFIER | MATCH_REGION_ABBR | MATCH_DEMONYM)))
			continue;
		if (rs->rm[i].in_cue)
			continue; /* "Kansas City Chiefs": the cue names the place */
		if (mn->qualifier < 0 && (is_org_head(rs->s, mn->tok_end) || is_feature_head(rs->s, mn->tok_end)))
			continue; /* "Columbia Gas of Ohio", "the Jordan River Parkway" */
		if (mn->qualifier < 0 && team_short_name(rs, mn))
			continue; /* "Carolina improved to 4-6" after "Carolina Panthers" */
		if (o && o->skip_quotes && (mn->flags & MATCH_QUOTED))
			continue;
		if (!rs->rm[i].keep)
			rc = rule_lookalike(&ds, i, d); /* unsupported_proper (resolve.h) */
		else if (mn->qualifier >= 0)
			rc = rule_qualifier(&ds, i, d);
		else
			rc = rule_lookalike(&ds, i, d);
	}
	for (i = 0; i < rs->mr->n && rc == PC_OK; i++) {
		const struct mention *mn = &rs->mr->m[i];
		if ((mn->flags & MATCH_DEMONYM) && !(o && o->skip_quotes && (mn->flags & MATCH_QUOTED)))
			rc = rule_demonym(&ds, i, d);
	}
	if (rc == PC_OK)
		rc = rule_misspelled(&ds, d);
	if (rc == PC_OK)
		rc = rule_pairs(&ds, d);
	if (rc != PC_OK)
		return rc;
	/* Filter by confidence. */
	if (o && o->min_confidence > 0) {
		size_t j = 0;
		for (i = 0; i < ds.n_f; i++)
			if (ds.f[i].confidence >= o->min_confidence)
				ds.f[j++] = ds.f[i];
		ds.n_f = j;
	}
	/* Places: every kept mention with its reading. */
	pl = arena_calloc(a, rs->mr->n ? rs->mr->n : 1, sizeof *pl);
	for (i = 0; i < rs->mr->n; i++) {
		const struct mention *mn = &rs->mr->m[i];
		if (!rs->rm[i].keep || rs->rm[i].best < 0)
			continue;
		pl[n_p].offset = mn->off;
		pl[n_p].length = mn->len;
		pl[n_p].text = mn->surface;
		pl[n_p].place = to_dplace(&ds, &mn->cands[rs->rm[i].best].place);
		pl[n_p].confidence = rs->rm[i].conf;
		n_p++;
	}
	*findings = ds.f;
	*n_findings = ds.n_f;
	*places = pl;
	*n_places = n_p;
	return PC_OK;
}
