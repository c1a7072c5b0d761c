/*
 * rule_region_context.c: a state or country named for a subject the story
 * puts elsewhere.
 *
 *   The Kansas City Chiefs thanked the great state of Kansas at Arrowhead Stadium.
 *   -> Missouri
 *
 * Slice: the region of a look-alike city the story is about ("Kansas" for
 * the Chiefs' Missouri), or a qualified name whose region holds a place
 * of the name while the story is about the namesake elsewhere
 * ("SPRINGFIELD, Mass." on an Illinois statehouse story).
 */
#include "detect/detect_int.h"

#include <string.h>

int rule_region_context_accepts(const struct dstate *ds, const struct detect_cand *c)
{
	const struct mention *mn = detect_mention(ds, c);

	if (!mn)
		return 0;
	if (c->alt->rel == RESOLVE_REL_REGION_OF)
		return 1;
	return c->alt->rel == RESOLVE_REL_ELSEWHERE && mn->qualifier >= 0 &&
	       ds->rs->rm[c->m].qual == RESOLVE_QUAL_HOLDS;
}

void rule_region_context_describe(const struct dstate *ds, const struct detect_cand *c, struct finding *f)
{
	const struct resolve_state *rs = ds->rs;
	const struct mention *mn = detect_mention(ds, c);
	const struct db_place *t = c->alt->place;

	if (c->alt->rel == RESOLVE_REL_REGION_OF && c->alt->via) {
		f->suggestion = arena_strdup(ds->a, t->name);
		f->message = arena_printf(ds->a, "%s is named here, but the story puts its subject in %s (%s is in %s)%s",
					  mn->surface, t->name, c->alt->via->name, detect_where(ds, c->alt->via),
					  detect_quoted_note(f));
		return;
	}
	f->length = rs->mr->m[mn->qualifier].off + rs->mr->m[mn->qualifier].len - mn->off;
	f->suggestion = detect_label(ds, t);
	f->message = arena_printf(ds->a, "%s is qualified as %s, but this story is about %s, where there is %s %s too%s%s",
				  mn->surface, rs->mr->m[mn->qualifier].surface, detect_where(ds, t),
				  strchr("AEIOUaeiou", t->name[0]) ? "an" : "a", t->name,
				  f->sev == DETECT_SEV_SUGGESTION ? "; check which is meant" : "", detect_quoted_note(f));
}
