/*
 * rule_lookalike_context.c: a place name that fits the story worse than
 * a look-alike place.
 *
 *   CANBERRA -- Austria's prime minister met the state premiers in Sydney.
 *   -> Australia
 *
 * Slice: a mention without a qualifier and a
 * look-alike name: a suffix, a word, a small edit, a documented pair, or
 * the name read being another spelling of the place meant.  Where the
 * look-alike is written in the story too and the score earns only a
 * suggestion, the finding is the reminder (lookalike-pair) instead.
 */
#include "detect/detect_int.h"

int detect_lookalike_rel(int rel)
{
	return rel == RESOLVE_REL_SUFFIX || rel == RESOLVE_REL_WORD || rel == RESOLVE_REL_EDIT ||
	       rel == RESOLVE_REL_LISTED || rel == RESOLVE_REL_VARIANT;
}

int rule_lookalike_context_accepts(const struct dstate *ds, const struct detect_cand *c)
{
	const struct mention *mn = detect_mention(ds, c);

	if (!mn || !detect_lookalike_rel(c->alt->rel) || (mn->flags & MATCH_DEMONYM))
		return 0;
	/* A qualified name is never a look-alike slip: where its region
	 * holds it ("Kansas City, Mo."), name and region agree and a slip
	 * would take two; where it does not, qualifier-mismatch speaks.
	 * Except another spelling of a place the region holds, where the
	 * places that carry the name as their own lie elsewhere:
	 * "Pittsburg, Penn." is Pittsburgh misspelt, not a Pittsburg. */
	if (mn->qualifier < 0)
		return 1;
	return c->alt->rel == RESOLVE_REL_VARIANT && c->x[F_T_IN_QUAL] > 0 &&
	       !(c->lit && resolve_inside(&ds->rs->mr->m[mn->qualifier], c->lit));
}

void rule_lookalike_context_describe(const struct dstate *ds, const struct detect_cand *c, struct finding *f)
{
	const struct mention *mn = detect_mention(ds, c);
	const struct db_place *l = c->lit, *t = c->alt->place;
	const char *topic = detect_topic_only(ds, c);

	f->suggestion = arena_strdup(ds->a, t->name);
	if (c->alt->rel == RESOLVE_REL_VARIANT && mn->qualifier >= 0)
		f->message = arena_printf(ds->a, "The place in %s is spelled %s; the places called %s lie elsewhere%s",
					  detect_where(ds, t), t->name, mn->surface, detect_quoted_note(f));
	else if (c->alt->rel == RESOLVE_REL_VARIANT && l)
		f->message = arena_printf(ds->a, "%s is a different place (in %s); this story is about %s in %s%s",
					  mn->surface, detect_where(ds, l), t->name, detect_where(ds, t),
					  detect_quoted_note(f));
	else if (l && l->kind == DB_KIND_PLACE && t->kind == DB_KIND_PLACE)
		f->message = arena_printf(ds->a, "%s is in %s, but this story is about %s in %s%s", mn->surface,
					  detect_where(ds, l), t->name, detect_where(ds, t), detect_quoted_note(f));
	else if (topic && l)
		f->message = arena_printf(ds->a, "%s does not play top-level %s; %s does, and this is a %s story%s",
					  detect_in_prose(ds, l->name), topic, detect_in_prose(ds, t->name), topic,
					  detect_quoted_note(f));
	else
		f->message = arena_printf(ds->a, "%s does not fit this story, which is about %s%s", mn->surface, detect_in_prose(ds, t->name),
					  detect_quoted_note(f));
}
