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
	struct finding *findings;
	size_t n_findings;
	struct resolved_place *places;
	size_t n_places;
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

/* A look-alike pair from a newsroom's configuration (keys, db_key form). */
struct detect_pair {
	char a[128], b[128];
};

struct detect_opts {
	double min_confidence; /* drop findings below this */
	int skip_quotes;       /* 1: no findings inside quotations */
	const struct detect_pair *pairs; /* extra look-alikes, both directions; borrowed */
	size_t n_pairs;
};

/*
 * Apply the rules to a resolved document.  Findings and places come back
 * with offsets in the PLAIN TEXT (the caller maps them to the original file
 * and fills line/column).  Arrays from A.  Reads the database for
 * look-alikes and labels.
 */
enum pc_rc detect_run(const struct resolve_state *rs, const struct detect_opts *o,
		      struct arena *a, struct finding **findings /* OUT */, size_t *n_findings,
		      struct resolved_place **places /* OUT */, size_t *n_places,
		      struct diag *d);

/* Static name of SEV: "error", "warning", "suggestion". */
const char *detect_sev_str(enum detect_sev sev);
/* Parse "error"/"warning"/"suggestion"; returns -1 if unknown. */
int detect_sev_parse(const char *s);

#endif
