/*
 * detect_model.c: the score, the severity it earns and the evidence that
 * explains it (detect_int.h).  The weights and thresholds are data
 * (detect_weights.h, written by scripts/fit_model.py).
 */
#include "detect/detect_int.h"

#include "detect/detect_weights.h"

#include "base/buf.h"

#include <math.h>
#include <string.h>

_Static_assert(sizeof detect_weights / sizeof detect_weights[0] == F__COUNT,
	       "detect_weights.h is out of date: run make fit");

/* A feature that moves the score by less than this is not worth a line. */
#define EVIDENCE_MIN_WEIGHT 0.05
/* Lines of the story named under one support feature. */
#define EVIDENCE_NAMES 2

double detect_score(const double *x)
{
	double s = 0.0;
	size_t i;

	for (i = 0; i < F__COUNT; i++)
		s += detect_weights[i] * x[i];
	return s;
}

double detect_confidence(double score)
{
	return 1.0 / (1.0 + exp(-score));
}

double detect_threshold(int rule, int sev)
{
	return detect_thresholds[rule][sev];
}

int detect_severity(int rule, const struct detect_cand *c)
{
	const double *th = detect_thresholds[rule];
	int sev = -1;

	/* The gate: where the story says nothing for T that it does not say
	 * for L, the name fits the story no worse than its look-alike, and
	 * no pair however confusable (Irish and Iceland, Thai and Taiwan)
	 * makes it a finding.  The score weighs evidence; it does not stand
	 * in for it. */
	if (c->x[F_T_UNTOLD] > 0)
		return -1;
	/* The same for a writer who pins down both places of one name, each
	 * with its region ("PARIS, Texas" and later "Paris, Tenn."): told
	 * apart on purpose.  Every such candidate in the fitting sets is in a
	 * clean article, and a weight shrunk by the fit's penalty left some
	 * of them warnings. */
	if (c->x[F_CONTRAST] > 0)
		return -1;
	/* And for a name written as the list item beside T's ("Taiwanese,
	 * Thai and Korean markets"): a slip would have the list name T
	 * twice. */
	if (c->x[F_WITH_T] > 0)
		return -1;
	/* And for "the Icelandic capital" where the story names Reykjavik:
	 * the phrase names that city. */
	if (c->x[F_CAPITAL_REF] > 0)
		return -1;

	if (c->score >= th[DETECT_SEV_SUGGESTION])
		sev = DETECT_SEV_SUGGESTION;
	if (c->score >= th[DETECT_SEV_WARNING])
		sev = DETECT_SEV_WARNING;
	if (c->score >= th[DETECT_SEV_ERROR])
		sev = DETECT_SEV_ERROR;
	/* A rule never raises more than its default severity: a reminder
	 * stays a reminder, a look-alike a warning; only what the data rules
	 * out (a qualifier holding no place of the name) is an error. */
	if (sev > (int)detect_rules[rule].default_sev)
		sev = (int)detect_rules[rule].default_sev;
	if (sev == DETECT_SEV_ERROR && !c->x[F_QUAL_NOT])
		sev = DETECT_SEV_WARNING;
	return sev;
}

/* "%T" and "%L" in FMT replaced by T's and L's names. */
static const char *fill(const struct dstate *ds, const char *fmt, const char *tname, const char *lname)
{
	struct buf b;
	const char *p, *r;

	buf_init(&b, 128);
	for (p = fmt; *p; p++) {
		if (p[0] == '%' && (p[1] == 'T' || p[1] == 'L')) {
			buf_puts(&b, p[1] == 'T' ? tname : lname);
			p++;
		} else {
			buf_putc(&b, *p);
		}
	}
	r = arena_strdup(ds->a, buf_str(&b));
	buf_free(&b);
	return r;
}

/* Is feature I one of those that say what the story supports for T? */
static int t_support(size_t i)
{
	return i == F_T_STRONG || i == F_T_STRONG_QUAL || i == F_T_STRONG_WIRE || i == F_T_SAME || i == F_T_REGION || i == F_T_NEAR || i == F_T_COUNTRY ||
	       i == F_T_LOCAL || i == F_T_DATELINE || i == F_T_CUE;
}

size_t detect_evidence(const struct dstate *ds, const struct detect_cand *c, const char ***out, size_t max)
{
	const struct resolve_state *rs = ds->rs;
	struct { size_t i; double w; } v[F__COUNT];
	size_t n = 0, i, j, n_out = 0, n_lines;
	const char **lines = NULL, **res;
	/* A demonym's alternative is written as a demonym ("Colombian"); the
	 * evidence speaks of the place. */
	const char *tname = c->alt->rel == RESOLVE_REL_DEMONYM ? c->alt->place->name : c->alt->form;
	const char *lname = detect_surface(ds, c);
	const struct mention *mn = detect_mention(ds, c);
	const struct db_place *tp = c->alt->rel == RESOLVE_REL_REGION_OF && c->alt->via ? c->alt->via : c->alt->place;
	int names_shown = 0;

	for (i = 0; i < F__COUNT; i++) {
		double w = detect_weights[i] * c->x[i];
		if (w <= 0 || !detect_feat_info[i].why)
			continue;
		/* Where T and L share a country, that the story is about it
		 * tells nothing between them: no line (it still counts). */
		if (i == F_T_CC_SHARE && c->x[F_SAME_COUNTRY] > 0)
			continue;
		/* Features that say one thing (the story's support for T, also
		 * counted apart for qualified names and wire copy) make one
		 * line, their weights summed. */
		for (j = 0; j < n && strcmp(detect_feat_info[v[j].i].why, detect_feat_info[i].why) != 0; j++)
			;
		if (j < n) {
			v[j].w += w;
			continue;
		}
		v[n].i = i;
		v[n].w = w;
		n++;
	}
	for (i = j = 0; i < n; i++)
		if (v[i].w >= EVIDENCE_MIN_WEIGHT)
			v[j++] = v[i];
	n = j;
	/* Strongest first. */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && v[j].w > v[j - 1].w; j--) {
			__typeof__(v[0]) t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	n_lines = resolve_explain(rs, c->m, mn ? mn->tok_start : rs->rw[c->w].tok_start, tp,
				  mn && mn->qualifier >= 0 ? RESOLVE_NO_QUALIFIER : 0, ds->a, &lines, EVIDENCE_NAMES);
	res = arena_alloc(ds->a, (max ? max : 1) * sizeof *res);
	/* The support features name what the story says, once: on the line
	 * that speaks of "the story names T, its state or places near it"
	 * where there is one, else on the strongest support line. */
	for (j = 0; j < n && !(v[j].i == F_T_STRONG || v[j].i == F_T_STRONG_QUAL || v[j].i == F_T_STRONG_WIRE); j++)
		;
	if (j == n)
		for (j = 0; j < n && !t_support(v[j].i); j++)
			;
	for (i = 0; i < n && n_out < max; i++) {
		const char *why = fill(ds, detect_feat_info[v[i].i].why, tname, lname);
		/* Which topic, what in the story says so, and the places
		 * (not a demonym as written: "Australia plays it, Austria does
		 * not"). */
		if (v[i].i == F_T_TOPIC && c->topic >= 0 && rs->ctx && (size_t)c->topic < rs->ctx->n_topics) {
			const char *name = rs->ctx->topics[c->topic].name;
			why = arena_printf(ds->a, "a %s story ('%s' and %u more cue%s): %s plays %s, %s does not", name,
					   rs->ctx->topic_cue[c->topic], rs->ctx->topic_hits[c->topic] - 1,
					   rs->ctx->topic_hits[c->topic] == 2 ? "" : "s", detect_in_prose(ds, c->alt->place->name),
					   name, c->lit ? detect_in_prose(ds, c->lit->name) : lname);
		}
		if (i == j && n_lines && !names_shown) {
			struct buf b;
			buf_init(&b, 256);
			buf_printf(&b, "%s (+%.1f): ", why, v[i].w);
			for (j = 0; j < n_lines; j++)
				buf_printf(&b, "%s%s", j ? "; " : "", lines[j]);
			res[n_out++] = arena_strdup(ds->a, buf_str(&b));
			buf_free(&b);
			names_shown = 1;
			continue;
		}
		res[n_out++] = arena_printf(ds->a, "%s (+%.1f)", why, v[i].w);
	}
	*out = res;
	return n_out;
}
