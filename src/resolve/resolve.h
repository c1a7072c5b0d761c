/*
 * resolve.h: which place each mention names, what the story supports, and
 * which other places a writer may have meant.
 *
 * Three jobs, one stage, because they share the same evidence:
 *
 *  1. Reading: every reading of every mention is scored: a prior
 *     (population, capital or seat, region kind, how the name matched) plus
 *     the support the story gives it (resolve_support.c), and the best is
 *     chosen; the readings and the evidence from them are refined over a
 *     few rounds.  An explicit qualifier decides ("Charlotte, N.C.").  A
 *     mention match flagged as needing support ("Reading", "Austin said")
 *     is kept as a place only when the story gives it some: that is the
 *     not-a-place reading winning, not a second decision about names.
 *
 *  2. Support: the document is cut into segments (a story each: a file of
 *     many stories has many; see RESOLVE_SEG_*), and the evidence of a
 *     segment (places, regions, demonyms, qualifiers, cue phrases) is
 *     grouped into the distinct things it names.  resolve_sup() says how
 *     much a segment supports a place and in what way (the place itself
 *     named, its state, its country, places near it, the same or next
 *     sentence, the dateline), in time bounded per mention.
 *
 *  3. Alternatives: for each mention and each word match found no place
 *     for, the places the writer may have meant instead (look-alike names,
 *     the same name in another region, another spelling, a nearby
 *     misspelling), with how the two names relate.  All database look-ups
 *     for detection happen here (resolve_alts.c), cached across documents
 *     in struct resolve_cache; the detect stage only computes.
 *
 * Ownership: everything in struct resolve_state comes from the caller's
 * arena, except the borrowed inputs (db, cache, scan, matches, context),
 * which must outlive it.  struct resolve_cache owns its memory (free with
 * resolve_cache_free).  Reads the database; never writes; never prints.
 */
#ifndef PC_RESOLVE_RESOLVE_H
#define PC_RESOLVE_RESOLVE_H

#include "base/arena.h"
#include "base/diag.h"
#include "context/context.h"
#include "db/db.h"
#include "match/match.h"
#include "scan/scan.h"

#include <stdint.h>

/* ---- the engine-wide cache ---------------------------------------------- */

/* A look-alike pair from a newsroom's configuration (keys, db_key form). */
struct resolve_pair {
	char a[128], b[128];
};

struct resolve_cache_ent;
struct resolve_label_ent;

/*
 * Look-alike and near-miss results by key, kept across the documents one
 * engine checks (a folder of articles names the same places again and
 * again).  One per thread, like the database handle.
 */
struct resolve_cache {
	struct db *db;                    /* borrowed */
	const struct resolve_pair *pairs; /* borrowed: the newsroom's look-alikes */
	size_t n_pairs;
	struct arena a;
	struct resolve_cache_ent **slot;  /* open addressing */
	size_t n, cap;
	struct resolve_label_ent **lslot; /* region names for messages */
	size_t n_l, cap_l;
};

void resolve_cache_init(struct resolve_cache *c, struct db *db);
/* Set the newsroom's pairs (borrowed) and forget what was cached. */
void resolve_cache_set_pairs(struct resolve_cache *c, const struct resolve_pair *pairs, size_t n);
void resolve_cache_free(struct resolve_cache *c);
/* Between documents: empty the cache if it has grown past its bound. */
void resolve_cache_trim(struct resolve_cache *c);

/* ---- alternatives --------------------------------------------------------- */

/* How an alternative's name relates to the name written. */
enum resolve_rel {
	RESOLVE_REL_SUFFIX = 0,    /* a place suffix added or dropped: Charlotte/Charlottesville */
	RESOLVE_REL_WORD = 1,      /* a whole word added or dropped: Kansas City/Kansas */
	RESOLVE_REL_EDIT = 2,      /* a small edit: Austria/Australia, Colombia/Columbia */
	RESOLVE_REL_LISTED = 3,    /* a documented confusion, or the newsroom's own pair */
	RESOLVE_REL_VARIANT = 4,   /* the name read is another spelling of the place: Sidney/Sydney */
	RESOLVE_REL_ELSEWHERE = 5, /* the same name, another place (a qualified name or dateline) */
	RESOLVE_REL_REGION_OF = 6, /* the region holding a look-alike place: Kansas -> Missouri */
	RESOLVE_REL_REGION_ALIKE = 7, /* the qualifier's look-alike holds the place: Melbourne, Austria */
	RESOLVE_REL_DEMONYM = 8,   /* a look-alike demonym's country: Austrian/Australian */
	RESOLVE_REL_MISSPELL = 9,  /* a word no list knows, a small edit from a name */
	RESOLVE_REL_SCENE = 10,    /* where the story is: "here in X" said at Y */
	RESOLVE_REL_FOREIGN = 11,  /* another language's name of the place read:
				    * English copy writes the English one (Moskva) */
	RESOLVE_REL_CAPITAL = 12,  /* the text calls the place a region's capital, and
				    * the region's capital is this one: "the Australian
				    * capital, Sydney" (Canberra) */
	RESOLVE_REL__COUNT
};

/* One place a writer may have meant instead of the reading. */
struct resolve_alt {
	const struct db_place *place; /* the alternative T */
	const struct db_place *via;   /* REGION_OF: the look-alike place; REGION_ALIKE: the region */
	const char *key;    /* T's name key */
	const char *form;   /* how T is written: its name, or its demonym */
	int rel;            /* enum resolve_rel */
	int dist;           /* edit distance between the two keys */
	int name_kind;      /* how T carries KEY (enum db_name_kind) */
	int listed;         /* the pair is a documented confusion (geodata lookalikes.tsv or config) */
	int accepted;       /* VARIANT: an accepted English spelling of T (Odessa, Odesa): no slip */
	/* ELSEWHERE under a county qualifier ("Sunderland, Berkshire"): the
	 * county that holds T (Tyne and Wear), for the message; else NULL. */
	const struct db_place *county;
	/* SCENE: the place is what a story without a dateline names most,
	 * not its dateline. */
	int body_scene;
};

/* ---- state ---------------------------------------------------------------- */

/* Floats: one per reading of every mention (24 a name), the bulk of a
 * long document's memory; a score needs no more precision. */
struct resolve_score {
	float prior, support, score;
	float p;       /* share of belief among the mention's readings */
};

/* What the qualifier of a qualified mention says ("Charlotte, N.C."). */
enum resolve_qual {
	RESOLVE_QUAL_NONE = 0,  /* no qualifier */
	RESOLVE_QUAL_HOLDS = 1, /* a place of the name lies in the region */
	RESOLVE_QUAL_HAMLET = 2, /* only a hamlet carrying the name as an alternate one */
	RESOLVE_QUAL_NOT = 3,   /* no place of the name lies there (as far as the gazetteer knows) */
};

struct resolve_mention {
	int keep;      /* 1: reported as a place mention */
	int best;      /* index into the mention's cands, -1 if none */
	double conf;   /* 0..1 confidence in best */
	int in_cue;    /* index+1 of the static cue evidence covering it, 0 if none */
	/*
	 * Not kept only for want of support: a dictionary place name outside
	 * a place slot ("Charlottetown has changed").  Not reported as a
	 * place, but the detector still asks whether a look-alike fits the
	 * story better: no support is what a slip looks like too.
	 */
	int unsupported_proper;
	struct resolve_score *sc; /* one per candidate */
	unsigned seg;  /* segment */
	unsigned n_paras; /* paragraphs of the segment that write this mention's name */
	int qual;      /* enum resolve_qual */
	struct db_in_region *qual_hamlet; /* RESOLVE_QUAL_HAMLET: that hamlet (arena) */
	/*
	 * RESOLVE_QUAL_NOT: does the qualifier's country hold a place of the
	 * name anywhere ("Ames, Wis.": Ames, Texas is in the country too)?
	 * A name the country never uses is less likely to be a village the
	 * gazetteer is too coarse to list.
	 */
	int qual_country_has;
	struct resolve_alt *alts; /* alternatives (arena or cache), n_alts of them */
	size_t n_alts;
};

/* A word no list knows (match_unknown) and the names near it. */
struct resolve_word {
	unsigned seg;
	int slot;          /* where a place stands: after in/from..., possessive,
			    * dateline, qualified, or beside a place in a list */
	int demonym_shaped; /* ends like a demonym ("-ian", "-ese", "-ish"): the
			     * ending's length in bytes, or 0 */
	unsigned n_same;    /* words of the document with the same key (a name
			     * is written again and again, a slip once) */
	const char *key;   /* the span's name key (arena) */
	size_t span_start; /* byte start of the span judged: the word, or the word before it */
	size_t span_end;   /* byte end of the span judged: the word, or it and the next word */
	size_t tok_start;  /* first token of that span */
	size_t tok_end;    /* token after that span */
	int qual;          /* the region mention qualifying the word
			    * ("Tonawonda, New York"), or -1 */
	struct resolve_alt *alts;
	size_t n_alts;
};

/* One thing a segment names: evidence items grouped (resolve_support.c). */
struct resolve_ent;

struct resolve_seg {
	size_t tok_lo, tok_hi;     /* tokens [tok_lo, tok_hi) */
	struct resolve_ent *ent;   /* sorted by country */
	size_t n_ent;
	struct resolve_ccr { char cc[4]; size_t lo, hi; } *ccr; /* country -> ent range */
	size_t n_ccr;
	double w_total;            /* the entities' summed weight */
};

struct resolve_state {
	struct db *db;
	struct resolve_cache *cache;
	const struct scan_doc *s;
	const struct match_result *mr;
	const struct ctx *ctx;   /* static evidence */
	struct ctx dyn;          /* evidence from the mentions' readings */
	struct resolve_mention *rm; /* one per mention */
	struct resolve_word *rw;    /* one per unknown word */
	int *key_id;             /* per mention: mentions with the same key share it */
	int *kslot;              /* key hash table (resolve_key_find) */
	size_t kcap;
	size_t *kcount, *kstart, *kmen; /* per key id: its mentions, in text order */
	int64_t *key_place;      /* per key id: the place a qualified or dateline mention of
				  * the name reads as (0: none, RESOLVE_KEY_PLACES: two
				  * different ones) */
	unsigned char *key_speaker; /* per key id: a mention of the name, read as a small
				     * town, stands before a verb of speech ("Hartl said") */
	unsigned *seg_of_sent;   /* segment of each sentence */
	struct resolve_seg *seg;
	size_t n_seg;
	int dateline;            /* the story's one qualified dateline mention, or -1 */
	int *scene;              /* per segment: its dateline's mention, or -1 */
	/* per segment without a dateline: the states and the countries its
	 * names read as most, each a mention of the name (-1: none), most
	 * written first; where "here in X" is measured against. */
	struct resolve_body_scene *body_scene;
	/* region-near lookups (resolve_alts.c) this document may still make:
	 * each reads a region's names, so a document of thousands of
	 * qualified unknown words costs a bounded number of them */
	unsigned region_near_left;
	/* The towns the story is told from (resolve_alts.c), around which a
	 * word standing where a place stands is read against small places:
	 * found when a document first needs them (anchors_found). */
	const struct db_place **anchor;
	size_t n_anchor;
	int anchors_found;
	unsigned local_near_left;  /* around-lookups left, as region_near_left */
	struct arena *a;
};

/* What a story without a dateline is about, for "here in X". */
#define RESOLVE_BODY_SCENE_MAX 3
struct resolve_body_scene {
	int admin1[RESOLVE_BODY_SCENE_MAX];
	int country[RESOLVE_BODY_SCENE_MAX];
};

/* key_place of a name pinned down to two different places. */
#define RESOLVE_KEY_PLACES ((int64_t)-1)

/* Options for resolve_support and resolve_sup. */
enum {
	RESOLVE_NO_QUALIFIER = 1, /* leave out the mention's own qualifier */
	RESOLVE_DOCWIDE = 2,      /* no distance decay: what the whole segment says */
	RESOLVE_STRONG = 4,       /* count only strong fits (same place / inside the region / near) */
	RESOLVE_SAME_KEY = 8,     /* keep evidence from other mentions with the same name */
	RESOLVE_NO_COUNTRY = 16,  /* for a place below a country, leave out what names only
				   * its country ("the U.S." attests no town in particular) */
	RESOLVE_COUNTRY_CAPPED = 32, /* for a place below a country, count what names only
				      * its country up to a cap (choosing among readings) */
	RESOLVE_NO_REGION = 64,   /* for a place, leave out what names only its first-level
				   * region ("England" attests no village called Wales) */
};

/*
 * Resolve the mentions MR of S against the static evidence CTX.  CACHE
 * (the engine's) serves the look-alike look-ups.  Everything from A.
 * Returns PC_ERR_DB on a database failure (details in D).
 */
enum pc_rc resolve_run(struct db *db, struct resolve_cache *cache, const struct scan_doc *s,
		       const struct match_result *mr, const struct ctx *ctx, struct arena *a,
		       struct resolve_state *out /* OUT */, struct diag *d);

/* Prior of place P when named with a name of kind NAME_KIND. */
double resolve_prior(const struct db_place *p, int name_kind);

/*
 * Support the segment of mention M gives to place P as its reading
 * (evidence from M itself and from unqualified mentions with the same key
 * left out).  M may be (size_t)-1 with TOK set: a word that is not a
 * mention (a misspelling at token TOK): then nothing is left out.
 */
double resolve_support(const struct resolve_state *rs, size_t m, const struct db_place *p,
		       unsigned opts);
double resolve_support_tok(const struct resolve_state *rs, size_t tok, const struct db_place *p,
			   unsigned opts);

/* The support of a place broken down by kind, for the detector's features. */
struct resolve_sup {
	double all;       /* every fit (docwide, all strengths) */
	double strong;    /* strong fits: the place, its state, places near it */
	double same;      /* the place itself, under another name, a cue or a qualified mention */
	double region;    /* its first-level region named, or places in it (not the place) */
	double country;   /* its country named (demonym, name, abbreviation) */
	double near;      /* places near it (RESOLVE_NEAR_KM) outside its first-level region */
	double local;     /* strong fits in the same or the next sentence */
	double dateline;  /* strong fits from the dateline */
	double cue;       /* strong fits from cue phrases */
	int n_same;       /* distinct names that read as the place itself */
	double cc_share;  /* share of the segment's evidence in the place's country */
	double a1_share;  /* of the segment's evidence inside the place's country (below
			   * country level), the share in its first-level region
			   * (0 for a country) */
};

/*
 * Fill OUT for place P as the reading of mention M (or the word at TOK when
 * M is (size_t)-1).  OPTS: RESOLVE_NO_QUALIFIER, RESOLVE_SAME_KEY.
 */
void resolve_sup(const struct resolve_state *rs, size_t m, size_t tok, const struct db_place *p,
		 unsigned opts, struct resolve_sup *out /* OUT */);

/* How well evidence about place E fits place C, 0..1. */
double resolve_fit(const struct db_place *c, const struct db_place *e, int e_level);

/*
 * Evidence lines for place P as the reading of mention M (or the word at
 * TOK): "Virginia named 2 times, nearest in the dateline".  Strongest
 * first, at most MAX; country-level items only for a country P.  Strings
 * and array from A.
 */
size_t resolve_explain(const struct resolve_state *rs, size_t m, size_t tok, const struct db_place *p,
		       unsigned opts, struct arena *a, const char ***out /* OUT */, size_t max);

/*
 * Does the text name mention MN as a first-level region: "Washington
 * state", "the state of Victoria", "Nyanza province", "New York Governor
 * Andrew Cuomo"?  (A city has no governor and is no state.)
 */
int resolve_region_word(const struct resolve_state *rs, const struct mention *mn);

/* Does place C lie inside a region read by qualifier Q? */
int resolve_inside(const struct mention *q, const struct db_place *c);

/* Great-circle distance in km. */
double resolve_km(double lat1, double lon1, double lat2, double lon2);

/* How many paragraphs of its segment write mention M's name. */
size_t resolve_key_count(const struct resolve_state *rs, size_t m);

/* The key id of name KEY in the document, or -1 if no mention has it. */
int resolve_key_find(const struct resolve_state *rs, const char *key);

/* How many mentions of key KEY_ID in tokens [TOK_LO, TOK_HI) read as
 * place P (at most CAP: the count is looked at, not its size). */
size_t resolve_key_reads_as(const struct resolve_state *rs, int key_id, size_t tok_lo, size_t tok_hi,
			    const struct db_place *p, size_t cap);

/* How many mentions of key KEY_ID start in tokens [TOK_LO, TOK_HI). */
size_t resolve_key_between(const struct resolve_state *rs, int key_id, size_t tok_lo, size_t tok_hi);

/* Is a mention of key KEY_ID in the sentence of token TOK (looking at
 * most RESOLVE_SENT_SPAN tokens either side; a dateline is no part of
 * the sentence it opens)? */
#define RESOLVE_SENT_SPAN 40
int resolve_key_in_sentence(const struct resolve_state *rs, int key_id, size_t tok);

/* Do countries A and B (ISO alpha-2) share a border?  (cached) */
int resolve_neighbours(const struct resolve_state *rs, const char *a, const char *b);

/*
 * Names for messages, from the database through the cache: the admin1
 * name ("Virginia"), the country name, and the short label of a region
 * for suggestions ("Va.", "N.C.", else the region's or country's name).
 * "" when unknown.  The strings live as long as the cache.
 */
const char *resolve_admin1_name(const struct resolve_state *rs, const char *cc, const char *a1);
/* The name of the admin2 region CC.A1.A2 ("East Sussex"); "" if unknown. */
const char *resolve_admin2_name(const struct resolve_state *rs, const char *cc, const char *a1, const char *a2);
const char *resolve_country_name(const struct resolve_state *rs, const char *cc);
const char *resolve_region_label(const struct resolve_state *rs, const char *cc, const char *a1);

#endif
