/*
 * rule_lookalike_pair.c: the story names two look-alike places: a
 * reminder to check that each is the one meant.
 *
 *   Slovakia's finance minister said Slovenia would sign the accord.
 *
 * Slice: the suggestion level of lookalike-context where the story writes
 * the look-alike's own name too (detect.c turns such a finding into this
 * reminder); never more than a suggestion.
 */
#include "detect/detect_int.h"

int rule_lookalike_pair_accepts(const struct dstate *ds, const struct detect_cand *c)
{
	/* Reached only through lookalike-context (detect.c, view_of). */
	(void)ds;
	(void)c;
	return 0;
}

void rule_lookalike_pair_describe(const struct dstate *ds, const struct detect_cand *c, struct finding *f)
{
	const struct mention *mn = detect_mention(ds, c);
	const struct db_place *l = c->lit, *t = c->alt->place;

	f->suggestion = NULL;
	if (!l || (l->kind == DB_KIND_COUNTRY && t->kind == DB_KIND_COUNTRY))
		f->message = arena_printf(ds->a, "%s and %s are easy to confuse; check that each is the place meant",
					  mn->surface, t->name);
	else
		f->message = arena_printf(ds->a, "%s and %s are easy to confuse: %s is in %s, %s in %s; check that each is the place meant",
					  mn->surface, t->name, l->name, detect_where(ds, l), t->name, detect_where(ds, t));
}
