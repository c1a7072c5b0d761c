/*
 * rule_foreign_name.c: a country written as another language writes it.
 *
 *   Exports from Deutschland rose in March.
 *   -> Germany
 *
 * Slice: a mention read only through another language's name of a
 * country (geodata/extra/country-names-foreign.tsv), the country itself
 * its alternative (RESOLVE_REL_FOREIGN).  A rule of its own, not a
 * misspelling: its false alarms (a newspaper's or a bank's name that keeps
 * the form) and its threshold are its own, and a newsroom that keeps
 * local names turns it off alone.
 */
#include "detect/detect_int.h"

int rule_foreign_name_accepts(const struct dstate *ds, const struct detect_cand *c)
{
	(void)ds;
	return c->alt->rel == RESOLVE_REL_FOREIGN;
}

void rule_foreign_name_describe(const struct dstate *ds, const struct detect_cand *c, struct finding *f)
{
	const struct db_place *t = c->alt->place;

	f->suggestion = arena_strdup(ds->a, t->name);
	f->message = arena_printf(ds->a, "%s is another language's name for %s; English copy writes %s%s", f->text,
				  t->name, t->name, detect_quoted_note(f));
}
