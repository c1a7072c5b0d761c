/*
 * context.h: what the article is about, as evidence items.
 *
 * Collects the evidence that does not depend on how ambiguous names are
 * read: demonyms ("Australian" -> AU), region abbreviations and qualifiers
 * ("N.C." -> US.NC), cue phrases from the cues table ("Arrowhead Stadium"
 * -> Kansas City, Mo.; "the naira" -> Nigeria), and the dateline.  The
 * resolve stage adds evidence from the places it reads, iteratively.
 *
 * Topic cues (the topics table: "rugby", "wickets") say what kind of
 * story it is, not where: they are counted per topic (struct ctx
 * topic_hits), for the detector to weigh the topic's member nations.
 * A topic cue that is also a place mention ("Rugby, Warwickshire") is
 * the place, not the sport.
 *
 * A cue index (struct ctx_cues) is built once per database handle and
 * reused for every document (it is read-only afterwards, so one per thread
 * is simplest).
 *
 * Ownership: struct ctx_cues owns an arena of its own (ctx_cues_free);
 * evidence arrays come from the per-document arena.  Reads the database;
 * never writes it; never prints.
 */
#ifndef PC_CONTEXT_CONTEXT_H
#define PC_CONTEXT_CONTEXT_H

#include "base/arena.h"
#include "base/diag.h"
#include "db/db.h"
#include "match/match.h"
#include "scan/scan.h"

#include <stddef.h>
#include <stdint.h>

enum ctx_level {
	CTX_COUNTRY = 0, /* evidence for a whole country */
	CTX_ADMIN1 = 1,  /* for a state or province */
	CTX_PLACE = 2,   /* for a place (and, less, its surroundings) */
};

enum ctx_source {
	CTX_SRC_NAME = 0,    /* a place or region named in the text */
	CTX_SRC_DEMONYM = 1, /* "Australian", "Virginian" */
	CTX_SRC_CUE = 2,     /* a cue phrase */
	CTX_SRC_QUAL = 3,    /* a qualifier ("Charlotte, N.C.") */
	CTX_SRC_ABBR = 4,    /* a region abbreviation elsewhere ("D-Va.") */
};

struct ctx_ev {
	int level;           /* enum ctx_level */
	int source;          /* enum ctx_source */
	const struct db_place *place; /* the place or region row: borrowed (a mention's
	                         * candidate or a cue's place), outlives the document */
	double weight;       /* 0..1 how much it says */
	size_t tok;          /* token where it stands */
	size_t tok_end;      /* token after its end (cue phrases); = tok + 1 otherwise */
	unsigned sent, para;
	int mention;         /* index of the mention it came from, or -1 */
	const char *key;     /* key of the name that produced it, or NULL */
	int key_id;          /* resolve's id for KEY (same key, same id); -1 if none */
	const char *what;    /* text for evidence lines ("University of Virginia") */
	int dateline;        /* stands in the dateline: sets the scene everywhere */
	double xyz[3];       /* unit vector of place.lat/lon (set by ctx_add): cheap distances */
};

/* Unit vector of LAT/LON in degrees into XYZ. */
void ctx_xyz(double lat, double lon, double xyz[3]);

struct ctx_cue_ent {
	const char *key;     /* folded phrase */
	const char *phrase;
	size_t n_words;
	int64_t place_id;
	int loaded;          /* place read (0: not yet; -1: missing from the db) */
	/* In the cue arena once loaded: held inline, 805 entries were 300 KB
	 * of fresh pages at start-up, 0.9 ms before the first word. */
	struct db_place *place;
	double weight;
	int topic;           /* a topic cue: index into ctx_cues.topics; -1: a place cue */
};

/* A kind of story whose nations are a known list (geodata/extra/topics.tsv). */
struct ctx_topic {
	const char *name;        /* "rugby" */
	const char **members;    /* "AU", "GB.ENG" */
	size_t n_members;
};

/* The cue phrases a document must write before it counts as a story of
 * a topic: one may be a figure of speech ("a scrum of reporters"). */
#define CTX_TOPIC_MIN_HITS 2

struct ctx_cues {
	struct db *db;       /* borrowed: cue places are read when first matched */
	struct arena a;
	struct ctx_cue_ent *cues; /* sorted by key */
	size_t n, cap;
	/* Hash of first words -> index range in cues[]. */
	struct ctx_first { const char *word; size_t lo, hi; } *first;
	size_t n_first, first_cap; /* first_cap is a power of two */
	struct ctx_topic *topics; /* in the arena */
	size_t n_topics;
};

struct ctx {
	struct ctx_ev *ev;   /* evidence (arena), in text order (by paragraph, token) */
	size_t n_ev;
	size_t cap;
	/* Per topic of the cue index (arrays of n_topics, from the document's
	 * arena): its cue phrases in the document, and the first one written
	 * (for evidence lines). */
	const struct ctx_topic *topics; /* borrowed from the cue index */
	size_t n_topics;
	unsigned *topic_hits;
	const char **topic_cue;
	struct ctx_cues *cues; /* borrowed: the cue index (ctx_cue_completes) */
};

/*
 * Is there a cue phrase of place P that starts with the words of KEY (a
 * name's key for P) and goes on with the words of S from token T, in T's
 * sentence?  With the name of a mention that ends before T put in:
 * "Austrian Open", with "australian", is the Australian Open, a cue of
 * Melbourne, which lies in Australia.  The cue as written, or NULL.  A
 * fixed name the writer's other words spell is a place's own; a cue only
 * of KEY itself is no such name, and a cue of another place of the name
 * ("Sydney Harbour" for Sydney, Nova Scotia) none of P's.  The cue's place
 * counts as P's where it is P, or lies in P when P is a country or a
 * first-level region.  A cue's place is read from the database the first
 * time it is needed, here as in ctx_build, and kept in the cue index: a
 * read per cue for the index's life, and only for a cue whose words the
 * text spells with P's name.
 */
const char *ctx_cue_completes(const struct ctx *c, const struct scan_doc *s, const char *key, size_t t,
			      const struct db_place *p);

/* Does the document tell a story of topic T (CTX_TOPIC_MIN_HITS cues)? */
int ctx_topic_told(const struct ctx *c, size_t t);

/*
 * Is place P a member of topic T: a country listed by its code, or a
 * first-level region listed as "CC.A1" itself (England, "GB.ENG"; not
 * New Jersey for the United States, nor a county group)?  0 for other
 * kinds of place.
 */
int ctx_topic_member(const struct ctx_topic *t, const struct db_place *p);

/* Build the cue index from DB.  OUT is caller-owned; free with ctx_cues_free. */
enum pc_rc ctx_cues_load(struct db *db, struct ctx_cues *out /* OUT */, struct diag *d);
void ctx_cues_free(struct ctx_cues *c);

/*
 * Add a cue (a newsroom's own, from its configuration): PHRASE points to
 * PLACE with WEIGHT.  Rebuilds the index.  PC_ERR_USAGE if the phrase has
 * no letters.
 */
enum pc_rc ctx_cues_add(struct ctx_cues *c, const char *phrase, const struct db_place *place,
			double weight, struct diag *d);

/*
 * Collect the static evidence of a document: demonyms, qualifiers and
 * abbreviations among the mentions MR, and cue phrases in S.  Arrays from A.
 */
enum pc_rc ctx_build(const struct scan_doc *s, const struct match_result *mr,
		     struct ctx_cues *cues, struct arena *a, struct ctx *out /* OUT */,
		     struct diag *d);

/* Append one evidence item (copied) to C, growing from A. */
void ctx_add(struct ctx *c, struct arena *a, const struct ctx_ev *ev);

#endif
