/*
 * resolve_int.h: what the files of src/resolve/ share.  Never included
 * from outside the folder.
 */
#ifndef PC_RESOLVE_RESOLVE_INT_H
#define PC_RESOLVE_RESOLVE_INT_H

#include "resolve/resolve.h"

/*
 * Segments.  A file may hold many stories (a wire feed, a briefs roundup,
 * a bench corpus): what one says is no evidence about another, and the
 * cost of weighing evidence must stay linear in the file's length.  A
 * segment ends at a sentence end once it holds RESOLVE_SEG_MAX_TOKENS
 * tokens or RESOLVE_SEG_MAX_KEYS distinct names; a new dateline starts a
 * new one once RESOLVE_SEG_MIN_DATELINE tokens have passed (each brief of
 * a roundup is its own story), and so does a headline block once
 * RESOLVE_SEG_MIN_HEADLINE tokens have.  A news article of up to about
 * 2,000 words is one segment.
 */
#define RESOLVE_SEG_MAX_TOKENS 4000
#define RESOLVE_SEG_MAX_KEYS 160
#define RESOLVE_SEG_MIN_DATELINE 20
#define RESOLVE_SEG_MIN_HEADLINE 2500

/*
 * One thing a segment names: the evidence items about one place that come
 * from one name (or one cue phrase, or one qualifier), grouped.  Its
 * weight is the items' summed weight, capped at RESOLVE_ENT_W_CAP (a name
 * written ten times is not ten times the evidence of one written once).
 */
#define RESOLVE_ENT_W_CAP 3.0
#define RESOLVE_ENT_POS 4 /* positions kept per entity, for "nearest in ..." */

struct resolve_ent {
	const struct db_place *place;
	double xyz[3];
	int level, source;    /* enum ctx_level, enum ctx_source */
	int key_id;           /* the name it comes from; -1 for cue phrases */
	int mention;          /* the one mention it comes from (qualifiers and
			       * qualified mentions), else -1 */
	double w;             /* summed weight, capped */
	unsigned count;       /* distinct places in the text */
	int dateline;         /* one of its items stands in the dateline */
	const char *what;     /* words for evidence lines */
	size_t pos[RESOLVE_ENT_POS]; /* token positions, first ones */
};

/* resolve_support.c */
void resolve_segments(struct resolve_state *rs);
void resolve_entities(struct resolve_state *rs);
double resolve_fit_xyz(const struct db_place *c, const double *cxyz, const struct db_place *e,
		       const double *exyz, int e_level);

/* resolve_alts.c */
enum pc_rc resolve_alts_run(struct resolve_state *rs, struct diag *d);

#endif
