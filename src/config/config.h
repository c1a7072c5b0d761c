/*
 * config.h: the newsroom's .placecheck.ini - where it is, what it says, and
 * the settings that apply to one file.
 *
 * Format (INI, parsed by libinih):
 *
 *	; keys before any section apply to every file
 *	db = geodata/places.db          ; relative to the config file's folder
 *	fail-on = warning               ; error | warning | suggestion | never
 *	min-level = suggestion          ; error | warning | suggestion
 *	min-confidence = 0.5            ; 0..1
 *	quotes = check                  ; check | skip
 *	lookalike-pair = off            ; any rule id of detect_rules[]:
 *	region-context = error          ;   error | warning | suggestion | off
 *	accept = Charlotte Street, Sydney Mines   ; names never flagged
 *	accept = "Jackson, Mississippi"           ; a name in one region: quoted
 *	accept-file = styles/accept.txt           ; one name a line, # comments
 *	exclude = README.md, *.draft.md        ; files never checked
 *	lookalike = Charlotte ~ Charlottesville   ; newsroom look-alike pair
 *	cue = Panthers -> Charlotte, NC           ; newsroom cue phrase
 *
 *	[*.md]                          ; a glob: the keys below apply to files
 *	min-level = warning             ;   whose name matches it
 *
 * accept, accept-file, exclude, lookalike and cue add up (one or more per
 * line, any number of lines); every other key may appear once per section.
 * accept entries are separated by commas; one written in double quotes may
 * hold commas ("Name, Region").  An accept file (Vale's accept.txt
 * convention, plain names rather than patterns) holds one entry per line,
 * commas and all; blank lines and lines starting with '#' are skipped; its
 * path is taken against the config file's folder.  db, exclude, lookalike
 * and cue belong to the whole run and are refused inside a glob section.
 * A glob (section or exclude) without '/' matches the file's base name; one
 * with '/' matches the path relative to the config file's folder ('*' then
 * also crosses '/').  Sections apply in file order, later ones winning;
 * accept lists of every matching section add up.  The command line beats
 * the file.  Lines may be of any length (libinih's own buffer is 200
 * bytes: longer key lines are split here with the same rules).
 *
 * Ownership: struct config owns all its memory (its own arena); release it
 * with config_free().  struct config_settings returned by config_for_file()
 * points into the config and into the caller's arena for its accept array.
 *
 * Depends on base/ and detect/detect.h (rule ids, severities).  Never prints,
 * never exits: errors go into a struct diag naming the file, line and key.
 */
#ifndef PC_CONFIG_CONFIG_H
#define PC_CONFIG_CONFIG_H

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "detect/detect.h"

#include <stddef.h>

#define CONFIG_FILE_NAME ".placecheck.ini"

/* fail-on "never": above every severity. */
#define CONFIG_NEVER 3
/* Per-rule levels: a severity, or one of these. */
#define CONFIG_RULE_DEFAULT (-2) /* the rule's own severity */
#define CONFIG_RULE_OFF (-1)
/* Rules a config can name; detect_rules[] must not outgrow it. */
#define CONFIG_MAX_RULES 32

/* Which scalar settings a section sets (struct config_settings.set). */
enum {
	CONFIG_SET_DB = 1,
	CONFIG_SET_FAIL_ON = 2,
	CONFIG_SET_MIN_LEVEL = 4,
	CONFIG_SET_MIN_CONF = 8,
	CONFIG_SET_QUOTES = 16,
};

struct config_pair {    /* lookalike = A ~ B */
	const char *a, *b;
	unsigned long line;
};

struct config_cue {     /* cue = PHRASE -> PLACE */
	const char *phrase, *place;
	unsigned long line;
};

struct config_settings {
	unsigned set;                 /* CONFIG_SET_* present in this section */
	const char *db;               /* made absolute against the config's folder */
	int fail_on;                  /* DETECT_SEV_* or CONFIG_NEVER */
	int min_level;                /* DETECT_SEV_* */
	double min_confidence;        /* 0..1 */
	int skip_quotes;              /* quotes = skip */
	signed char rule_level[CONFIG_MAX_RULES]; /* by detect_rules[] index */
	unsigned long rule_line[CONFIG_MAX_RULES]; /* 0: not set here */
	const char **accept;          /* names never flagged, as written */
	size_t n_accept;
	struct config_pair *pairs;    /* top section only */
	size_t n_pairs;
	struct config_cue *cues;      /* top section only */
	size_t n_cues;
};

struct config_section {
	const char *glob;             /* "*.md" */
	unsigned long line;
	struct config_settings s;
};

struct config {
	struct arena a;               /* owns every string below */
	const char *path;             /* file it came from; NULL: built-in defaults */
	const char *dir;              /* that file's folder (absolute), "" if none */
	const char *origin;           /* how it was chosen: "--config", "PLACECHECK_CONFIG",
	                                 "found in the current directory", "found in a
	                                 folder above the current directory", "none" */
	struct config_settings top;   /* keys before the first section */
	struct config_section *sections;
	size_t n_sections, cap_sections;
	const char **exclude;         /* globs of files never checked */
	size_t n_exclude;
	const char **accept_files;    /* accept-file paths (real paths): never checked either */
	size_t n_accept_files;
};

/* Built-in defaults in C (no file).  Free with config_free(). */
void config_init(struct config *c);
void config_free(struct config *c);

/*
 * Parse TEXT[0..LEN) as the contents of the file PATH (for messages and for
 * resolving relative paths; DIR is the folder that relative paths and '/'
 * globs are taken against, may be "").  C must come from config_init().
 * Returns PC_OK or PC_ERR_PARSE / PC_ERR_LIMIT with D naming the file, the
 * line and the key ("unknown key 'fail_on'").  C is left usable either way.
 */
enum pc_rc config_parse(struct config *c, const char *path, const char *dir, const char *text,
			size_t len, struct diag *d);

/* Read and parse the file PATH; PC_ERR_IO if it cannot be read. */
enum pc_rc config_load(struct config *c, const char *path, struct diag *d);

/*
 * Find the configuration to use: EXPLICIT (--config) if not NULL, else
 * $PLACECHECK_CONFIG if set (empty: none), else CONFIG_FILE_NAME in the
 * current directory or the nearest folder above it, stopping at the root.
 * Appends the path to OUT ("" for none) and returns the origin string.
 */
const char *config_locate(const char *explicit_path, struct buf *out);

/*
 * The settings for the file NAME (as given on the command line, or an
 * ndjson id): the top section, then every matching section in order.  The
 * accept array comes from A when sections add to it.  *OUT borrows from C.
 */
void config_for_file(const struct config *c, const char *name, struct arena *a,
		     struct config_settings *out /* OUT */);

/* Does glob G match NAME, under the rules above (DIR: the config's folder)? */
int config_glob_match(const char *g, const char *dir, const char *name);

/*
 * Is the file NAME (as given on the command line or found in a folder) one
 * that an exclude glob of C matches, or one of its accept files (a word
 * list is no article)?  The caller leaves it unchecked.
 */
int config_excluded(const struct config *c, const char *name);

/*
 * Effective severity of rule RULE_IDX at default severity DEF under S:
 * a DETECT_SEV_* or CONFIG_RULE_OFF.
 */
int config_rule_level(const struct config_settings *s, size_t rule_idx, int def);

/* One section's settings in INI form; ALL: defaults too. */
void config_dump_settings(const struct config_settings *s, int all, struct buf *out);

/* The whole configuration in INI form, defaults filled in, for `placecheck config`. */
enum pc_rc config_dump(const struct config *c, struct buf *out);

#endif
