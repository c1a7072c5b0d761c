/*
 * rule_scene_mismatch.c: a speaker names a place other than where the
 * story puts them.
 *
 *   SIOUX FALLS, S.D. -- "Thank you, Sioux City!" the senator told the crowd.
 *   -> Sioux Falls (or mark it [sic])
 *
 * Slice: a name said of where the speaker stands ("here in X", "thank
 * you, X!", "great to be in X": match/ marks these) and the place of the
 * story's dateline, of the same kind (a town for a town, a state for a
 * state); without a dateline, a state or country the story names again
 * and again, for a quoted speaker's state or country.
 */
#include "detect/detect_int.h"

int rule_scene_mismatch_accepts(const struct dstate *ds, const struct detect_cand *c)
{
	(void)ds;
	return c->alt->rel == RESOLVE_REL_SCENE;
}

void rule_scene_mismatch_describe(const struct dstate *ds, const struct detect_cand *c, struct finding *f)
{
	const struct mention *mn = detect_mention(ds, c);

	f->suggestion = arena_strdup(ds->a, c->alt->form);
	/* (Without a dateline the story says where it is only by what it
	 * names most.) */
	f->message = arena_printf(ds->a, "%s is said here of where the speaker stands, but the story is %s %s%s",
				  mn->surface, c->alt->body_scene ? "about" : "in", c->alt->form, detect_quoted_note(f));
}
