/*
 * rule_capital_claim.c: a place called the capital of a region whose
 * capital is another.
 *
 *   Thousands marched through the Turkish capital, Istanbul.
 *   -> Ankara (or drop "capital")
 *
 * Slice: a mention the text calls a country's or a first-level region's
 * capital (resolve_alts: "the X capital, Y", "Y, the capital of X", "Y,
 * the state capital"), whose readings are none of them that capital or
 * close to it, the capital its alternative (RESOLVE_REL_CAPITAL).  A fact,
 * not a fit: its score is the claim's weight alone (detect_features), and
 * a rule of its own so that a newsroom can turn it off alone.
 */
#include "detect/detect_int.h"

#include <string.h>

int rule_capital_claim_accepts(const struct dstate *ds, const struct detect_cand *c)
{
	(void)ds;
	return c->alt->rel == RESOLVE_REL_CAPITAL;
}

void rule_capital_claim_describe(const struct dstate *ds, const struct detect_cand *c, struct finding *f)
{
	const struct db_place *t = c->alt->place;
	/* A state's seat is named with its state ("Montpelier, Vt."), a
	 * country's capital alone. */
	int state = strcmp(t->fcode, "PPLC") != 0;
	const char *region = state ? detect_where(ds, t) : resolve_country_name(ds->rs, t->country);

	f->suggestion = arena_strdup(ds->a, t->name);
	f->message = arena_printf(ds->a, "%s is not the capital of %s; %s is%s", f->text, detect_in_prose(ds, region),
				  t->name, detect_quoted_note(f));
}
