/*
 * detect_int.h: what the files of src/detect/ share: the features of the
 * one score, the candidates they describe, and the rule views.  Never
 * included from outside the folder.
 *
 * The model (docs/design.md, "Scoring"): for a mention whose literal
 * reading is L and an alternative T (resolve.h: a look-alike name, the
 * same name elsewhere, another spelling, a near misspelling), the score is
 * the log-odds that the writer meant T, a sum of named features times
 * weights:
 *
 *     score = sum over i of detect_weights[i] * x[i]
 *
 * Features are computed here from what resolve/ found; the weights are
 * data, fit by scripts/fit_model.py on real published text and written to
 * detect_weights.h with the thresholds per severity, which come from a
 * budget of false alarms per 100 real articles.  A rule is a slice of
 * this score (rule_*.c): which mentions and alternatives it speaks for,
 * and its message.
 */
#ifndef PC_DETECT_DETECT_INT_H
#define PC_DETECT_DETECT_INT_H

#include "detect/detect.h"

/*
 * The features.  To add one: a row here and in detect_feat_info[]
 * (detect_features.c), its computation in detect_features(), then refit
 * (make fit) so that detect_weights.h gives it a weight.
 */
enum detect_feat {
	F_BIAS = 0,
	/* how the two names relate (one of these is 1) */
	F_REL_SUFFIX,      /* a place suffix added or dropped: Charlotte / Charlottesville */
	F_REL_WORD,        /* a whole word added or dropped: Kansas City / Kansas */
	F_REL_EDIT,        /* a small edit: Austria / Australia */
	F_REL_LISTED,      /* only a documented confusion (Sweden / Switzerland) */
	F_REL_VARIANT,     /* another spelling of T: Sidney / Sydney */
	F_REL_ELSEWHERE,   /* the same name, another region */
	F_REL_REGION_OF,   /* the region of a look-alike city: Kansas / Missouri */
	F_REL_REGION_ALIKE, /* the qualifier's look-alike holds the place: Melbourne, Austria */
	F_REL_DEMONYM,     /* a look-alike demonym: Austrian / Australian */
	F_REL_MISSPELL,    /* a word no list knows, near T's name */
	F_REL_SCENE,       /* T is where the story is (its dateline) */
	F_REL_FOREIGN,     /* the name is another language's name of T, the place read */
	F_REL_CAPITAL,     /* the text calls the place a region's capital; T is that capital */
	F_LISTED,          /* the pair is a documented confusion */
	F_DIST,            /* edit distance between the names, in edits */
	F_SHORT_FORM,      /* T's name is L's with whole words added (Saratoga Springs) */
	/* what the story says for T, and for L (log(1 + support)) */
	F_T_STRONG,        /* T itself, its state, places near it */
	F_T_STRONG_QUAL,   /* the same, for a name with a qualifier (the region named is in question) */
	F_T_STRONG_WIRE,   /* the same, in a story under a dateline (wire copy) */
	F_L_STRONG,
	F_T_SAME,          /* T itself named (another name, a cue, a qualified mention) */
	F_T_REGION,        /* T's state named, or places in it */
	F_L_REGION,
	F_T_NEAR,          /* places near T, across a state line */
	F_T_COUNTRY,       /* T's country named */
	F_L_COUNTRY,
	F_T_LOCAL,         /* strong support for T in the same or the next sentence */
	F_L_LOCAL,
	F_L_BESIDE,        /* places beside L across a border (and not beside T) in the same or
			    * the next sentence: "Puerto Rico ... the Dominican Republic" */
	F_T_DATELINE,      /* the dateline speaks for T */
	F_L_DATELINE,
	F_L_CAPITAL,       /* L is a country whose capital the story names ("Ljubljana") */
	F_T_CUE,           /* a cue phrase (a team, a university) speaks for T */
	F_T_CUE_NAME,      /* T's name with the words after it is a cue phrase ("Austrian
			    * Open": the Australian Open) */
	F_T_TOPIC,         /* the story's topic (a sport) takes in T's nation and not L's:
			    * "Austria" in a rugby report (log(1 + the topic's cues)) */
	F_L_TOPIC,         /* ... takes in L's nation and not T's */
	F_T_CC_SHARE,      /* share of the story's evidence in T's country */
	F_L_CC_SHARE,
	F_T_A1_SHARE,      /* ... in T's state or region */
	F_L_A1_SHARE,
	F_L_REPEAT,        /* log of how many times the story writes the name */
	F_T_WRITTEN,       /* T's name is written in the story too */
	F_T_SAME_SENT,     /* ... in the same sentence (a contrast) */
	F_T_FAMILY,        /* a third of a documented confusion with T in the same paragraph: "Guinea,
			    * Guinea-Bissau and Equatorial Guinea" told apart on purpose */
	/* the two places */
	F_T_PROM,          /* T's prominence: log10 population, scaled */
	F_L_PROM,
	F_T_IS_REGION,     /* T is a country or a state */
	F_L_IS_REGION,
	F_SAME_COUNTRY,    /* L and T lie in one country */
	F_NEIGHBOURS,      /* L's and T's countries share a border */
	F_LOG_KM,          /* log10 of the distance between L and T, scaled */
	/* where the name stands */
	F_LIST,            /* other names close by: a list or a table */
	F_PARENS,          /* in parentheses: "Jurgen Melzer (Austria)" */
	F_PARTNER,         /* named as a second party: "the war with X", "X and Y", "against X" */
	F_BOTH_PARTIES,    /* T written too, and the name a second party or in parentheses:
			    * two places named side by side on purpose */
	F_QUOTED,          /* inside a quotation */
	F_QUOTE_SCENE,     /* ... and T is the dateline's own place: the speaker names where they stand */
	F_HEADLINE,        /* in a headline */
	F_DATELINE_POS,    /* in the dateline */
	F_COUNTRY_SLOT,    /* "X's ...", "X officials": the state itself acts */
	F_REGION_SLOT,     /* the text names the mention as a state ("X state", "the state
			    * of X", "X governor"), and T is one and L is not: "a Warrington
			    * state farm" */
	F_PLACE_SLOT,      /* after in, at, from, to ... */
	F_HERE,            /* where the speaker stands: "here in X", "thank you, X" */
	F_QUALIFIED,       /* a qualifier follows ("Portland, Ore.") */
	F_QUAL_NOT,        /* ... and no place of the name lies in that region */
	F_QUAL_HAMLET,     /* ... only a hamlet under an old name does */
	F_T_IN_QUAL,       /* T lies in the region the qualifier names */
	F_L_WEAK_NAME,     /* the name is also a common word or a given name */
	F_L_ALT,           /* L is read through another of its names */
	F_L_UNKEPT,        /* the name was not kept as a place (no support) */
	F_T_UNTOLD,        /* the story says nothing for T it does not say for L */
	F_CONTRAST,        /* the same name, another place, and the story names that one too */
	F_WITH_T,          /* T is the list item right beside the name ("Thai, Taiwanese") */
	F_CAPITAL_REF,     /* "the Swedish capital" where the story names Stockholm */
	F_QUAL_L_PROM,     /* L's prominence where the writer qualified it and it lies there */
	F_QUAL_VARIANT,    /* the qualifier holds the name only as another spelling of T, and the
			    * places that carry it as their own lie elsewhere: "Pittsburg, Penn." */
	F_QUAL_TOLD,       /* a qualifier that rules the name out names a first-level region the story tells of
			    * on its own (places in it): "Mumbai, Kerala" over floods in both */
	F_QUAL_BODY,       /* ... qualified so in running text, not a dateline: "Jackson, Miss." in
			    * a Tennessee story names a place away from the story's on purpose */
	F_SHARE_MARGIN,    /* T's share of the story's places less L's (state, else country) */
	F_SCENE_MARGIN,    /* ... for a dateline: the story is not where it says it is */
	F_SCENE_RENAMED,   /* a qualified dateline's name written again below it, read as L */
	F_WORD_SLOT,       /* a misspelling where a place stands */
	F_WORD_DEMONYM,    /* a misspelling shaped like a demonym */
	F_WORD_TYPO,       /* the edit is a typist's: a letter doubled or undoubled, two swapped */
	F_WORD_DROP,       /* the word is T's name with one letter left out inside it: "Frace" */
	F_WORD_LEN,        /* log of the word's length: long near misses say more */
	F_WORD_REPEAT,     /* log of how often the word is written (a name recurs) */
	F_WORD_PROPER,     /* the word is a proper noun of the dictionary (a surname, a brand) */
	F_WORD_T_WRITTEN,  /* T's name is written right elsewhere in the story (log(1 + times)) */
	F_WORD_TWO,        /* two words, one of them T's written right: "United Sates", "New Zaland" */
	F__COUNT
};

struct detect_feat_info {
	const char *name;  /* as in detect_weights.h and the fitting script */
	/* Evidence wording when the feature pushes toward T; NULL: never
	 * shown (a description of the pair, not evidence).  %T is T's name,
	 * %L the name written. */
	const char *why;
};
extern const struct detect_feat_info detect_feat_info[F__COUNT];

/* One candidate: mention (or word) M, its literal reading L, alternative T. */
struct detect_cand {
	size_t m;                        /* mention index, or (size_t)-1 for a word */
	size_t w;                        /* word index (match_unknown) when m is -1 */
	const struct db_place *lit;      /* L; NULL: none (an unknown word; a name
					  * its qualifier rules out) */
	const struct resolve_alt *alt;   /* T */
	double x[F__COUNT];
	double score;                    /* log-odds that T was meant */
	int topic;                       /* the topic behind F_T_TOPIC (ctx.topics), or -1 */
};

struct dstate {
	const struct resolve_state *rs;
	const struct detect_opts *o;
	struct arena *a;
	struct finding *f;
	struct detect_cand *fc;  /* per finding: the candidate it came from */
	int *frule;              /* per finding: its rule (enum detect_rule_id) */
	size_t n_f, cap_f;
	/* The countries whose national capital each story names, with the
	 * story's segment (resolve_state.seg; detect_capitals_named), read
	 * once per document. */
	struct detect_cap { char cc[3]; size_t seg; } *cap;
	size_t n_cap;
	size_t *cap_lo;          /* per segment, its first entry in CAP (n_seg + 1) */
};

/* detect_features.c: fill DS->cap_cc from the story's kept mentions. */
void detect_capitals_named(struct dstate *ds);

/* detect_features.c: fill C->x for candidate C. */
void detect_features(const struct dstate *ds, struct detect_cand *c);

/* detect_model.c: the score of C->x; the severity it earns in RULE (or
 * -1: none); evidence lines (strongest first) for a finding. */
double detect_score(const double *x);
int detect_severity(int rule, const struct detect_cand *c);
size_t detect_evidence(const struct dstate *ds, const struct detect_cand *c, const char ***out, size_t max);
double detect_confidence(double score);
/* The score rule RULE needs for severity SEV (detect_weights.h). */
double detect_threshold(int rule, int sev);
/* Is REL a look-alike relation between two names (rule_lookalike_context.c)? */
int detect_lookalike_rel(int rel);

/* The rule views (rule_*.c): does rule R speak for candidate C, and its
 * message and suggestion for a finding F made from C. */
struct detect_rule_view {
	int (*accepts)(const struct dstate *ds, const struct detect_cand *c);
	void (*describe)(const struct dstate *ds, const struct detect_cand *c, struct finding *f);
	/* The highest severity the rule gives C whatever its score (NULL: its
	 * default severity): what the data cannot rule out stays a note. */
	int (*cap)(const struct dstate *ds, const struct detect_cand *c);
};
extern const struct detect_rule_view detect_rule_views[DETECT_RULE__COUNT];

/* Helpers for the views (detect.c). */
const struct mention *detect_mention(const struct dstate *ds, const struct detect_cand *c);
const char *detect_where(const struct dstate *ds, const struct db_place *p);
/* NAME as it stands in a sentence: "the United States", "the Netherlands",
 * "France" (a country name that takes the article gets it; arena). */
const char *detect_in_prose(const struct dstate *ds, const char *name);
const char *detect_label(const struct dstate *ds, const struct db_place *p);
struct detect_place detect_dplace(const struct dstate *ds, const struct db_place *p);
const char *detect_quoted_note(const struct finding *f);
/* The topic's name ("rugby") where the story's topic is all that
 * speaks for C's alternative (the story names nothing of it), else NULL:
 * the message then says so rather than "this story is about T". */
const char *detect_topic_only(const struct dstate *ds, const struct detect_cand *c);
const char *detect_surface(const struct dstate *ds, const struct detect_cand *c);

/* One view per file (rule_<id>.c). */
#define DETECT_VIEW(id)                                                              \
	int rule_##id##_accepts(const struct dstate *ds, const struct detect_cand *c); \
	void rule_##id##_describe(const struct dstate *ds, const struct detect_cand *c, struct finding *f)
DETECT_VIEW(qualifier_mismatch);
int rule_qualifier_mismatch_cap(const struct dstate *ds, const struct detect_cand *c);
DETECT_VIEW(lookalike_context);
DETECT_VIEW(region_context);
DETECT_VIEW(lookalike_pair);
DETECT_VIEW(misspelled_place);
DETECT_VIEW(demonym_context);
DETECT_VIEW(scene_mismatch);
DETECT_VIEW(foreign_name);
DETECT_VIEW(capital_claim);
#undef DETECT_VIEW

#endif
