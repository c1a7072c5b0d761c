/*
 * resolve.h: score every reading of every mention against the article's
 * context and choose one.
 *
 * A reading's score is its prior (population, capital or seat, region kind,
 * how the name matched) plus its support: the evidence items of the context
 * stage and of the other mentions' current readings, each weighted by how
 * well it fits the reading (same place, same state, same country, distance)
 * and by how near it stands in the text (same sentence > previous sentence >
 * same paragraph > anywhere; a dateline sets the scene everywhere).  The
 * readings and the evidence from them are refined over a few rounds.  An
 * explicit qualifier decides between readings ("Charlotte, N.C.").
 *
 * The same scoring is offered to the detect stage for look-alike places
 * that are not readings of the text (resolve_support).
 *
 * Ownership: everything in struct resolve_state comes from the caller's
 * arena, except the borrowed inputs (db, scan, matches, context), which
 * must outlive it.  Reads the database; never writes; never prints.
 */
#ifndef PC_RESOLVE_RESOLVE_H
#define PC_RESOLVE_RESOLVE_H

#include "base/arena.h"
#include "base/diag.h"
#include "context/context.h"
#include "db/db.h"
#include "match/match.h"
#include "scan/scan.h"

struct resolve_score {
	double prior, support, score;
	double p;      /* share of belief among the mention's readings */
};

struct resolve_mention {
	int keep;      /* 1: reported as a place mention */
	int best;      /* index into the mention's cands, -1 if none */
	double conf;   /* 0..1 confidence in best */
	int in_cue;    /* index+1 of the static cue evidence covering it, 0 if none */
	/*
	 * Not kept only for want of support: a dictionary place name outside
	 * a place slot ("Charlottetown has changed").  Not reported as a
	 * place, but the detector still asks whether a look-alike fits the
	 * story better: no support is what a slip looks like too.
	 */
	int unsupported_proper;
	struct resolve_score *sc; /* one per candidate */
};

struct resolve_state {
	struct db *db;
	const struct scan_doc *s;
	const struct match_result *mr;
	const struct ctx *ctx;   /* static evidence */
	struct ctx dyn;          /* evidence from the mentions' readings */
	struct resolve_mention *rm; /* one per mention */
	int *key_id;             /* per mention: mentions with the same key share it */
	int dateline;            /* the story's one qualified dateline mention, or -1 */
	struct arena *a;
};

/* Options for resolve_support. */
enum {
	RESOLVE_NO_QUALIFIER = 1, /* leave out the mention's own qualifier */
	RESOLVE_DOCWIDE = 2,      /* no distance decay: what the whole article says */
	RESOLVE_STRONG = 4,       /* count only strong fits (same place / inside the region) */
	RESOLVE_SAME_KEY = 8,     /* keep evidence from other mentions with the same name */
};

enum pc_rc resolve_run(struct db *db, const struct scan_doc *s, const struct match_result *mr,
		       const struct ctx *ctx, struct arena *a, struct resolve_state *out /* OUT */,
		       struct diag *d);

/* Prior of place P when named with a name of kind NAME_KIND. */
double resolve_prior(const struct db_place *p, int name_kind);

/*
 * Support the article gives to place P as the reading of mention M
 * (evidence from M itself and from mentions with the same key left out).
 * M may be (size_t)-1 for a word that is not a mention (a misspelling):
 * then nothing is left out and distance in the text does not count.
 * OPTS: RESOLVE_*.
 */
double resolve_support(const struct resolve_state *rs, size_t m, const struct db_place *p,
		       unsigned opts);

/* How well evidence about place E fits place C, 0..1. */
double resolve_fit(const struct db_place *c, const struct db_place *e, int e_level);

/*
 * Evidence lines for place P as the reading of mention M: "Virginia named 2
 * times", "University of Virginia (cue) in the same paragraph".  Strings
 * and array from A; at most MAX lines, strongest first.
 */
size_t resolve_explain(const struct resolve_state *rs, size_t m, const struct db_place *p,
		       unsigned opts, struct arena *a, const char ***out /* OUT */, size_t max);

/*
 * The same for a word that is no mention (a misspelling at token TOK):
 * every piece of evidence counts, its distance measured from TOK.
 */
size_t resolve_explain_word(const struct resolve_state *rs, size_t tok, const struct db_place *p,
			    struct arena *a, const char ***out, size_t max);

/* Does place C lie inside a region read by qualifier mention Q? */
int resolve_inside(const struct mention *q, const struct db_place *c);

/* Great-circle distance in km. */
double resolve_km(double lat1, double lon1, double lat2, double lon2);

#endif
