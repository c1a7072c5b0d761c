/*
 * detect.h: rules that turn a poor fit into a finding, and the result of
 * checking one document (findings + resolved places), which report/ prints.
 *
 * Ownership: every pointer in these structs points into the per-document
 * arena that the caller passed to the pipeline; they live until that arena
 * is freed.  Never prints, never exits, never writes to the database.
 */
#ifndef PC_DETECT_DETECT_H
#define PC_DETECT_DETECT_H

#include "base/arena.h"
#include "base/diag.h"
#include "resolve/resolve.h"

#include <stddef.h>
#include <stdint.h>

enum detect_sev {
	DETECT_SEV_SUGGESTION = 0,
	DETECT_SEV_WARNING = 1,
	DETECT_SEV_ERROR = 2,
};

/* A place as reported: the reading or alternative of a finding, or a resolved mention. */
struct detect_place {
	int64_t id;            /* GeoNames id; <= 0: none (synthetic region row) */
	const char *name;      /* "Charlotte" */
	const char *admin1;    /* admin1 name in words, "" if none */
	const char *admin1_code; /* GeoNames admin1 code ("NC"), "" if none */
	const char *country;   /* ISO alpha-2, "" if none */
	double lat, lon;
	int kind;              /* enum db_place_kind */
};

struct finding {
	const char *rule;      /* "lookalike-context", ... (static string) */
	enum detect_sev sev;
	double confidence;     /* 0..1 */
	size_t offset, length; /* bytes into the original file */
	unsigned long line, column; /* 1-based; column in code points */
	const char *text;      /* the name as written in the file */
	int quoted;            /* inside a quotation */
	const char *message;
	const char *suggestion; /* may be NULL */
	struct detect_place reading;     /* id 0 / name NULL when none */
	struct detect_place alternative; /* id 0 / name NULL when none */
	const char **evidence; /* n_evidence strings */
	size_t n_evidence;
};

/* One resolved place mention. */
struct resolved_place {
	size_t offset, length; /* bytes into the original file */
	unsigned long line, column;
	const char *text;      /* as written */
	struct detect_place place;
	double confidence;
};

/* The result of checking one document. */
struct check_result {
	const char *file;      /* display name ("-" for stdin) */
	const char *src;       /* original bytes (for source lines in reports) */
	size_t src_len;
	const size_t *line_starts; /* byte offset of each line of src, ascending (or NULL:
				    * reports scan src); one index per document keeps
				    * reporting linear on a file of one huge line */
	size_t n_lines;
	struct finding *findings;
	size_t n_findings;
	struct resolved_place *places;
	size_t n_places;
};

/*
 * The rules: user-facing names of slices of one score (detect_int.h).
 * Rows of detect_rules[] (detect_rules.c), in this order.
 */
enum detect_rule_id {
	DETECT_RULE_QUALIFIER_MISMATCH = 0,
	DETECT_RULE_LOOKALIKE_CONTEXT,
	DETECT_RULE_REGION_CONTEXT,
	DETECT_RULE_LOOKALIKE_PAIR,
	DETECT_RULE_MISSPELLED_PLACE,
	DETECT_RULE_DEMONYM_CONTEXT,
	DETECT_RULE_SCENE_MISMATCH,
	DETECT_RULE_FOREIGN_NAME,
	DETECT_RULE_CAPITAL_CLAIM,
	DETECT_RULE_STALE_SUPPRESSION, /* raised by check/, not by a score */
	DETECT_RULE__COUNT
};

/* Rule ids and their metadata, for reports (SARIF rule list) and config. */
struct detect_rule_info {
	const char *id;
	enum detect_sev default_sev;
	const char *short_desc;
	const char *help;
	/* An example pair (LanguageTool's addExamplePair): a line that raises
	 * the rule, and the same line corrected.  For `help rules`, the man
	 * page and the documentation. */
	const char *example;
	const char *example_fixed;
};
extern const struct detect_rule_info detect_rules[];
extern const size_t detect_n_rules;

struct detect_opts {
	double min_confidence; /* drop findings below this */
	int skip_quotes;       /* 1: no findings inside quotations */
};

/*
 * Score a resolved document and raise findings.  Findings and places come
 * back with offsets in the PLAIN TEXT (the caller maps them to the
 * original file and fills line/column).  Arrays from A.  O may be NULL.
 * Makes no database look-ups of its own: resolve/ has made them.
 */
enum pc_rc detect_run(const struct resolve_state *rs, const struct detect_opts *o,
		      struct arena *a, struct finding **findings /* OUT */, size_t *n_findings,
		      struct resolved_place **places /* OUT */, size_t *n_places,
		      struct diag *d);

/*
 * For the model's fitting tool (tests/tools/pcfeatures.c): every
 * candidate the detector scores in a resolved document, with its feature
 * vector, whether or not it becomes a finding.  FN is called once per
 * candidate; the pointers live until A is freed.
 */
struct detect_cand_info {
	size_t offset, length;          /* span in the plain text */
	const char *surface;            /* as written */
	int is_word;                    /* an unknown word (a misspelling candidate) */
	const struct db_place *lit;     /* the literal reading; NULL if none */
	const struct db_place *alt;     /* the alternative */
	const char *alt_form;           /* how the alternative is written */
	int rel;                        /* enum resolve_rel */
	const double *x;                /* detect_n_features values */
	double score;
	unsigned slices;                /* bit mask of the rules (enum detect_rule_id) whose
					 * slices hold the candidate */
	unsigned noted;                 /* ... of those whose view holds it to a note
					 * whatever its score (a gazetteer gap) */
};
typedef void (*detect_cand_fn)(void *arg, const struct detect_cand_info *c);
enum pc_rc detect_each_candidate(const struct resolve_state *rs, const struct detect_opts *o,
				 struct arena *a, detect_cand_fn fn, void *arg);
extern const size_t detect_n_features;
const char *detect_feature_name(size_t i);

/* Static name of SEV: "error", "warning", "suggestion". */
const char *detect_sev_str(enum detect_sev sev);
/* Parse "error"/"warning"/"suggestion"; returns -1 if unknown. */
int detect_sev_parse(const char *s);

#endif
