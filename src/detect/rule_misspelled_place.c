/*
 * rule_misspelled_place.c: a word no list knows, a small edit from a
 * place the story is about.
 *
 *   The Reds flew home to Cincinatti after the loss in Ohio.
 *   -> Cincinnati
 *
 * Slice: a word match found no name for, and a place (not a demonym)
 * whose name is one or two edits away.
 */
#include <string.h>

#include "detect/detect_int.h"

int rule_misspelled_place_accepts(const struct dstate *ds, const struct detect_cand *c)
{
	(void)ds;
	return c->m == (size_t)-1 && c->alt->name_kind != DB_NAME_DEMONYM;
}

void rule_misspelled_place_describe(const struct dstate *ds, const struct detect_cand *c, struct finding *f)
{
	const struct resolve_state *rs = ds->rs;
	const struct db_place *t = c->alt->place;
	const char *form = c->alt->form;
	const char *what = "is not a place in the gazetteer";
	size_t tok = rs->rw[c->w].tok_start, q = match_first_at(rs->mr, tok);

	/* "Ottowa": a word GeoNames records only as another name of small
	 * places, read as a word because no reading of it was kept (match);
	 * "Harwick", a village's own name far from the story. */
	if (q < rs->mr->n && rs->mr->m[q].tok_start == tok && rs->mr->m[q].tok_end == rs->rw[c->w].tok_end) {
		const struct mention *mn = &rs->mr->m[q];
		what = (mn->flags & MATCH_ALT_ONLY) ? "is only another name of small places in the gazetteer"
						    : "names only small places far from the story";
		/* "Birmingam", "Dehli": a misspelling GeoNames keeps as
		 * another name of a place (match's MATCH_MISSPELT_ALT). */
		if ((mn->flags & MATCH_MISSPELT_ALT) && mn->n_cands)
			what = arena_printf(ds->a, "is only a misspelling the gazetteer keeps as another name of %s",
					    mn->cands[0].place.name);
	}
	/* The suggestion is the spelling the writer missed ("America"); the
	 * message says which place carries it where that is another name
	 * ("did you mean America (United States)?"). */
	f->suggestion = arena_strdup(ds->a, form);
	if (strcmp(form, t->name) != 0)
		f->message = arena_printf(ds->a, "%s %s; did you mean %s (%s)?%s", f->text, what, form,
					  detect_label(ds, t), detect_quoted_note(f));
	else
		f->message = arena_printf(ds->a, "%s %s; did you mean %s?%s", f->text, what, detect_label(ds, t),
					  detect_quoted_note(f));
}
