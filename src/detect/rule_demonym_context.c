/*
 * rule_demonym_context.c: a demonym that fits the story worse than a
 * look-alike country's, or a word that is no demonym but is close to one.
 *
 *   CANBERRA -- Austrian ministers met at Parliament House on Monday.
 *   -> Australian
 *
 * Slice: a demonym mention and a look-alike demonym, or a word no list
 * knows and a demonym one or two edits away ("Columbian").
 */
#include "detect/detect_int.h"

#include <string.h>

int rule_demonym_context_accepts(const struct dstate *ds, const struct detect_cand *c)
{
	(void)ds;
	return c->alt->rel == RESOLVE_REL_DEMONYM || (c->m == (size_t)-1 && c->alt->name_kind == DB_NAME_DEMONYM);
}

/* The plural of demonym FORM: "Slovenians"; "Swiss", "Irish", "Chinese"
 * stay as they are. */
static const char *plural(const struct dstate *ds, const char *form)
{
	static const char *const same[] = { "s", "sh", "ch", "se" };
	size_t n = strlen(form), i;

	for (i = 0; i < sizeof same / sizeof same[0]; i++) {
		size_t k = strlen(same[i]);
		if (n >= k && strcmp(form + n - k, same[i]) == 0)
			return arena_strdup(ds->a, form);
	}
	return arena_printf(ds->a, "%ss", form);
}

void rule_demonym_context_describe(const struct dstate *ds, const struct detect_cand *c, struct finding *f)
{
	const struct mention *mn = detect_mention(ds, c);
	const struct db_place *t = c->alt->place;
	const char *topic = detect_topic_only(ds, c);

	f->suggestion = mn && (mn->flags & MATCH_PLURAL) ? plural(ds, c->alt->form) : arena_strdup(ds->a, c->alt->form);
	if (mn && c->lit && topic)
		f->message = arena_printf(ds->a, "%s refers to %s, which does not play top-level %s; %s does (%s), "
					  "and this is a %s story%s",
					  mn->surface, detect_in_prose(ds, c->lit->name), topic, detect_in_prose(ds, t->name),
					  f->suggestion, topic, detect_quoted_note(f));
	else if (mn)
		f->message = arena_printf(ds->a, "%s refers to %s, but this story is about %s (%s)%s", mn->surface,
					  c->lit ? c->lit->name : mn->surface, t->name, f->suggestion,
					  detect_quoted_note(f));
	else
		f->message = arena_printf(ds->a, "%s is not a demonym; did you mean %s (%s)?%s", f->text, c->alt->form,
					  t->name, detect_quoted_note(f));
}
