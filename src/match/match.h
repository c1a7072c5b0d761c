/*
 * match.h: spans of tokens -> candidate readings.
 *
 * Looks up capitalised words and runs of them (up to the longest name in the
 * gazetteer) in the names table, greedily longest first, and returns one
 * mention per matched span with every reading the database has for it.  It
 * also recognises what is not a place although a place carries the name:
 * people ("Paris Hilton", "Jack London", "Mr. Paris"), sentence-initial
 * common words ("Mobile", "Reading") that need support from the article,
 * and region abbreviations outside a qualifier position.
 *
 * Ownership: mentions and their candidate arrays come from the caller's
 * arena.  Reads the database (names, lexicon); never writes it; never prints.
 */
#ifndef PC_MATCH_MATCH_H
#define PC_MATCH_MATCH_H

#include "base/arena.h"
#include "base/diag.h"
#include "db/db.h"
#include "scan/scan.h"

#include <stddef.h>

#define MATCH_MAX_CANDS 24
#define MATCH_MAX_WORDS 8

enum match_mflag {
	MATCH_QUOTED = 1 << 0,    /* inside a quotation */
	MATCH_DATELINE = 1 << 1,  /* part of a dateline */
	MATCH_POSS = 1 << 2,      /* possessive: "Georgia's" */
	MATCH_WEAK = 1 << 3,      /* a common word: a place only with support */
	MATCH_DEMONYM = 1 << 4,   /* demonym: evidence for its place, not a mention */
	MATCH_REGION_ABBR = 1 << 5, /* "Va.", "N.C.", "VA": only as qualifier/evidence */
	MATCH_QUALIFIER = 1 << 6, /* qualifies the mention before it ("Charlotte, N.C.") */
	MATCH_HEADLINE = 1 << 7,
	MATCH_SENT_START = 1 << 8,
	MATCH_GIVEN = 1 << 9,     /* the name is also a common given name */
	MATCH_ORG = 1 << 10,      /* first word of a longer proper name ("Washington Post") */
	MATCH_PLACE_SLOT = 1 << 11, /* after in/from/near/to/at...: where a place stands */
	MATCH_ALT_ONLY = 1 << 12, /* only alternate names matched ("Thursday" -> Thursday Island) */
	MATCH_NEXT_SURNAME = 1 << 13, /* followed by a capitalised surname-like word ("Paris Hilton") */
	MATCH_OF_ORG = 1 << 14,   /* a common word before "of" ("University of ...", "Bank of ...") */
	MATCH_PROPER = 1 << 15,   /* a capitalised dictionary entry ("Christmas", "London") */
	MATCH_CALENDAR = 1 << 16, /* a month or day name ("in August") */
	MATCH_PHRASE = 1 << 17,   /* several words, each a common word ("Old Town") */
	MATCH_NOT_PLACE = 1 << 18, /* part of a name that is no place: an organisation
				    * ("Columbia Gas"), a feature ("the Jordan River
				    * Parkway"); evidence for its place, never reported */
	MATCH_HERE = 1 << 19,     /* where the speaker stands: "here in X", "thank you,
				   * X!", "great to be in X" */
	MATCH_SIC = 1 << 20,      /* followed by "[sic]": the writer knows, and keeps it */
	MATCH_PLURAL = 1 << 21,   /* a demonym's plural ("Slovaks"): its key is the demonym's */
	MATCH_STATE_QUAL = 1 << 22, /* a state, province or region qualified by a country
				     * ("Ontario, Canada"; "California, Canada") */
	MATCH_AFTER_OPENER = 1 << 23, /* an unknown word that is a common word, kept
				       * only because the capitalised word before it
				       * opens longer names ("United Sates"): read
				       * only together with that word (a common word
				       * kept as the first of a misspelt pair, "the
				       * Untied States", has no flag: it is read with
				       * the word after it) */
	MATCH_MISSPELT_ALT = 1 << 24, /* read only as another name of its places, one
				       * edit from a place's own name ("Birmingam":
				       * a misspelling GeoNames keeps): read as a
				       * misspelt word too where it is not kept */
};

struct match_cand {
	struct db_place place;
	int name_kind;      /* enum db_name_kind */
	int foreign;        /* db_hit.foreign: another language's name of the place */
	const char *form;   /* arena */
};

struct mention {
	size_t tok_start, tok_end; /* tokens [tok_start, tok_end) */
	size_t off, len;    /* byte span in the plain text */
	const char *surface; /* as written, arena */
	const char *key;     /* db_key of the surface, arena */
	unsigned flags;      /* enum match_mflag */
	struct match_cand *cands;
	size_t n_cands;
	int qualifier;       /* index of the mention qualifying this one, or -1 */
	int qualified;       /* index of the mention this one qualifies, or -1 */
};

/*
 * A capitalised word that is in neither the gazetteer nor the word lists
 * ("Cincinatti", "Phillipines", "Columbian"): a candidate misspelling,
 * judged by the detect stage against the near-miss index.
 */
struct match_unknown {
	size_t tok_start, tok_end; /* tokens [tok_start, tok_end) */
	size_t off, len;           /* byte span in the plain text */
	const char *surface, *key; /* arena */
	unsigned flags;            /* MATCH_PLACE_SLOT, MATCH_POSS, MATCH_DATELINE,
	                              MATCH_QUOTED, MATCH_SENT_START,
	                              MATCH_AFTER_OPENER */
};

struct match_result {
	struct mention *m;
	size_t n;
	struct match_unknown *unk;
	size_t n_unk;
};

/*
 * Find the mentions in S.  DB is read for names and lexicon flags.
 * Returns PC_ERR_DB on a database failure (details in D).
 */
enum pc_rc match_run(struct db *db, const struct scan_doc *s, struct arena *a,
		     struct match_result *out /* OUT */, struct diag *d);

/* Is candidate C a region (country, admin1, admin2, world region)? */
int match_cand_is_region(const struct match_cand *c);

/* Is token T of S a word after which a place usually stands ("in",
 * "from", "near")? */
int match_slot_word(const struct scan_doc *s, size_t t);

/* The first mention of MR starting at or after token TOK (MR->n if none):
 * mentions are in text order, so a binary search. */
size_t match_first_at(const struct match_result *mr, size_t tok);

#endif
