/*
 * query.h: answers to the questions a reporter asks the gazetteer while
 * writing, for `placecheck query` and `placecheck shell`:
 *
 *   query_name    every place called NAME, most prominent first, and the
 *                 names that look like it (and how they are alike)
 *   query_in      is there a NAME in REGION?  If not: where NAME is, and
 *                 what in REGION looks like it
 *   query_like    the look-alikes of NAME only
 *   query_near    populated places within a radius of a point
 *   query_near_place  the same around a place given by name
 *   query_prefix  names that start with some text (tab completion)
 *
 * plus the parsers the commands need: a REGION argument ("Va.", "N.C.",
 * "Nova Scotia", "AU", "Virginia", "US.VA"), "NAME, REGION", and "LAT,LON".
 * Answers come back as a struct query_answer; query_render.c turns one into
 * text or JSON in a struct buf.
 *
 * Ownership: every array and string of an answer, and the region lists
 * from query_region_parse(), are allocated from the arena the caller
 * passes; they live until that arena is reset or freed.  Input strings are
 * borrowed for the duration of the call only.
 *
 * Depends on base/ and db/ (read side).  Never prints, never exits, never
 * writes to the database.
 */
#ifndef PC_QUERY_QUERY_H
#define PC_QUERY_QUERY_H

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "db/db.h"

#include <stddef.h>
#include <stdint.h>

#define QUERY_DEFAULT_LIMIT 25
#define QUERY_DEFAULT_RADIUS_KM 25.0
/* Largest --radius accepted: a quarter of the way round the Earth. */
#define QUERY_MAX_RADIUS_KM 10000.0
/* "Did you mean": names at most this many edits from one that is no place
 * (two catches Pitsburgh and Cincinatti; three drowns them in noise). */
#define QUERY_SUGGEST_EDITS 2
/* Most "did you mean" names offered. */
#define QUERY_MAX_SUGGEST 5

/* Bit masks of place kinds for query_prefix(). */
#define QUERY_KINDS_ALL 0x1fu
#define QUERY_KINDS_REGIONS ((1u << DB_KIND_COUNTRY) | (1u << DB_KIND_ADMIN1))

/* A place with everything a person needs to tell it from its namesakes. */
struct query_place {
	struct db_place p;
	char admin1_name[128]; /* "Virginia"; "" if none */
	char country_name[128]; /* "United States"; "" if none */
	char abbrev[16];        /* AP abbreviation of its state: "Va."; "" if none */
	const char *kind_word;  /* static: "state capital", "town", "country"... */
	int seat_rank;          /* 3 national capital, 2 admin1 seat, 1 lower seat, 0 */
	double dist_km;         /* query_near: distance from the point; else 0 */
	int name_kind;          /* enum db_name_kind of the name asked, as this
	                           place bears it (DB_NAME_MAIN when not asked) */
	char form[128];         /* that name as written; "" when not asked */
};

/* A name that a writer could confuse with the one asked about. */
struct query_alike {
	char key[128];          /* its db_key() */
	char name[128];         /* as written, from its most prominent place */
	int kind;               /* enum db_alike_kind */
	int dist;               /* edit distance between the keys */
	char how[32];           /* "suffix", "prefix word", "edit distance 1" */
	int has_place;
	struct query_place place; /* its most prominent place (in the region,
	                             for query_in) when has_place */
};

/* A region as the user named it. */
struct query_region {
	char country[4];        /* ISO alpha-2 */
	char admin1[24];        /* GeoNames admin1 code; "" for a whole country */
	char name[128];         /* "North Carolina", "Australia" */
	char label[32];         /* "N.C." for a US state, else the name */
	int kind;               /* DB_KIND_COUNTRY or DB_KIND_ADMIN1 */
	int64_t place_id;       /* the region's own places row, 0 if unknown */
	/* A county group (db.h DB_FCODE_ADMIN2_GROUP: "Merseyside"): its
	 * members' admin2 codes, comma-separated, and it holds only their
	 * places; "" for any other region, which holds its whole admin1. */
	char admin2s[sizeof ((struct db_place *)0)->admin2];
};

/* One completion: a distinct name starting with the text typed. */
struct query_completion {
	char form[128];         /* to insert: "Charlottesville" */
	char key[128];
	int place_kind;         /* enum db_place_kind of its most populous place */
	int64_t population;
};

enum query_mode {
	QUERY_NAME = 0,
	QUERY_IN,
	QUERY_LIKE,
	QUERY_NEAR,
	QUERY_PREFIX,
};

struct query_answer {
	enum query_mode mode;
	const char *name;       /* the name asked about (NAME/IN/LIKE), or the
	                           prefix text (PREFIX); "" for NEAR */
	int found;              /* 1: the answer is yes / something was found */

	/* QUERY_IN: the region asked about (the candidate that answered). */
	struct query_region region;

	/*
	 * NAME: every place with the name, most prominent first.
	 * IN: those inside the region.  NEAR: the places nearby, nearest first.
	 * n_total_places counts them all, before the limit.
	 */
	struct query_place *places;
	size_t n_places, n_total_places;

	/* IN, when none is inside the region: the same name elsewhere. */
	struct query_place *elsewhere;
	size_t n_elsewhere;

	/*
	 * NAME, LIKE: the look-alikes of the name, closest first.
	 * IN: the look-alikes that have a place inside the region.
	 */
	struct query_alike *alikes;
	size_t n_alikes;

	/* PREFIX */
	struct query_completion *completions;
	size_t n_completions;

	/*
	 * NAME, IN, NEAR around a name: when no place has the name, the
	 * prominent names a small edit away ("Pitsburgh": Pittsburgh), each
	 * with its most prominent place; closest first.
	 */
	struct query_alike *suggestions;
	size_t n_suggestions;

	/* NEAR */
	double lat, lon, radius_km;
	int has_center;          /* NEAR around a place named by the user */
	struct query_place center;

	/*
	 * The place layers the database holds, one label a line ("GeoNames
	 * cities500", "US postal places": meta "layers", written by load);
	 * "" for a database built before it was recorded.  Arena-owned.
	 */
	const char *searched;
};

struct query_opts {
	size_t limit;           /* most places/completions listed; 0 = default */
};

/*
 * Every place called NAME (main, ASCII, alternate or abbreviated name,
 * folded for case and accents), ranked by prominence: population, and
 * among equals national capitals, then admin seats.  Then its look-alikes.
 * found = 1 when at least one place has the name.
 * PC_ERR_USAGE if NAME folds to nothing; PC_ERR_DB on a database error.
 */
enum pc_rc query_name(struct db *db, const char *name, const struct query_opts *o,
		      struct arena *a, struct query_answer *out /* OUT */, struct diag *d);

/*
 * Is there a place called NAME in one of REGIONS (N_REGIONS candidates
 * from query_region_parse, best first)?  The first candidate that holds
 * one answers (so "Georgia" finds Atlanta in the state and Tbilisi in the
 * country).  found = 1 if some place does; else out->region is the first
 * candidate, out->elsewhere lists the places of that name outside it and
 * out->alikes the look-alikes found inside it.
 */
enum pc_rc query_in(struct db *db, const char *name, const struct query_region *regions,
		    size_t n_regions, const struct query_opts *o, struct arena *a,
		    struct query_answer *out /* OUT */, struct diag *d);

/* The look-alikes of NAME, each with its most prominent place. */
enum pc_rc query_like(struct db *db, const char *name, const struct query_opts *o,
		      struct arena *a, struct query_answer *out /* OUT */, struct diag *d);

/*
 * Populated places within RADIUS_KM (0 < RADIUS_KM <= QUERY_MAX_RADIUS_KM)
 * of LAT,LON, nearest first.  PC_ERR_USAGE for coordinates out of range.
 */
enum pc_rc query_near(struct db *db, double lat, double lon, double radius_km,
		      const struct query_opts *o, struct arena *a,
		      struct query_answer *out /* OUT */, struct diag *d);

/*
 * Populated places within RADIUS_KM of the place TEXT names ("NAME" or
 * "NAME, REGION", its most prominent reading), nearest first; the place is
 * out->center.  When no place has the name, found = 0, out->name is TEXT
 * and out->suggestions says what was perhaps meant.
 */
enum pc_rc query_near_place(struct db *db, const char *text, double radius_km,
			    const struct query_opts *o, struct arena *a,
			    struct query_answer *out /* OUT */, struct diag *d);

/*
 * Distinct names starting with TEXT whose place kind is in KINDS
 * (QUERY_KINDS_ALL, QUERY_KINDS_REGIONS), most populous first.  TEXT is
 * folded like a name; a trailing space is kept, so "New " offers
 * "New York" but not "Newark".  An empty TEXT gives no completions.
 */
enum pc_rc query_prefix(struct db *db, const char *text, unsigned kinds,
			const struct query_opts *o, struct arena *a,
			struct query_answer *out /* OUT */, struct diag *d);

/*
 * Narrow a previous answer PREV to REGIONS: a name question is asked again
 * with query_in; a NEAR answer keeps its places inside the region.
 * PC_ERR_USAGE (with a message) for a PREFIX answer or an empty PREV.
 */
enum pc_rc query_narrow(struct db *db, const struct query_answer *prev,
			const struct query_region *regions, size_t n_regions,
			const struct query_opts *o, struct arena *a,
			struct query_answer *out /* OUT */, struct diag *d);

/*
 * The regions TEXT may mean, best first: an admin1 code ("US.VA"), an ISO
 * country code ("AU"), or any name, abbreviation or short form of a
 * country or first-level region ("Va.", "N.C.", "Nova Scotia", "Virginia",
 * "U.K.").  *N_OUT = 0 when TEXT names no region (not an error).
 */
enum pc_rc query_region_parse(struct db *db, const char *text, struct arena *a,
			      struct query_region **out /* OUT */, size_t *n_out /* OUT */,
			      struct diag *d);

/*
 * Split "NAME, REGION" at its last comma when what follows names a region.
 * Returns 1 and sets *NAME (arena copy, trimmed), *REGIONS and *N_REGIONS;
 * returns 0 when TEXT has no comma or the part after it is no region
 * ("Washington, D.C." splits; "Bonaire, Sint Eustatius and Saba" need not).
 */
int query_split_qualified(struct db *db, const char *text, struct arena *a,
			  const char **name /* OUT */, struct query_region **regions /* OUT */,
			  size_t *n_regions /* OUT */, struct diag *d);

/*
 * One question as a person types it: "NAME, REGION" runs query_in when the
 * region is known, anything else query_name.
 */
enum pc_rc query_ask(struct db *db, const char *text, const struct query_opts *o,
		     struct arena *a, struct query_answer *out /* OUT */, struct diag *d);

/*
 * Parse "LAT,LON" (also "LAT LON", "LAT, LON"; decimal degrees, south and
 * west negative).  PC_ERR_USAGE with a message if malformed or out of range.
 */
enum pc_rc query_parse_latlon(const char *s, double *lat /* OUT */, double *lon /* OUT */,
			      struct diag *d);

/* --- query_render.c ---------------------------------------------------- */

struct query_render_opts {
	int color;              /* ANSI bold/dim for a terminal */
	int long_form;          /* also coordinates and GeoNames ids */
	unsigned width;         /* wrap lines at this many columns; 0: never */
};

/*
 * ANSWER as text for a person, one place per line, appended to OUT.
 * PC_ERR_LIMIT (OUT's ceiling) leaves OUT as it was.
 */
enum pc_rc query_render_text(struct buf *out, const struct query_answer *ans,
			     const struct query_render_opts *o);

/*
 * Wrap the text appended to B since byte START at WIDTH columns, as
 * query_render_text wraps its answers (for other text a person reads, such
 * as the shell's list of findings).  PC_ERR_LIMIT leaves B as it was.
 */
enum pc_rc query_wrap(struct buf *b, size_t start, unsigned width);

/* ANSWER as one JSON document (one line, then "\n"), appended to OUT. */
enum pc_rc query_render_json(struct buf *out, const struct query_answer *ans);

/* One place on one line, without a newline ("Charlotte, North Carolina..."). */
enum pc_rc query_render_place(struct buf *out, const struct query_place *p,
			      const struct query_render_opts *o);

#endif
