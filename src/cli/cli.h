/*
 * cli.h: the command-line layer.  The only code (with main.c) that prints
 * to stdout/stderr or exits.  Every subcommand is one struct cmd_entry in
 * its own file (cmd_<name>.c) and one row in cmd_table[] (cli.c).
 *
 * Ownership: struct cmd_ctx owns the database handle opened for commands
 * with CMD_NEEDS_DB; cli_dispatch() closes it after exec returns.
 */
#ifndef PC_CLI_CLI_H
#define PC_CLI_CLI_H

#include "db/db.h"

#include <getopt.h>
#include <stdio.h>

/* Exit statuses, one table (README "Exit status"). */
enum {
	CLI_EXIT_OK = 0,       /* nothing at or above --fail-on / found */
	CLI_EXIT_FINDINGS = 1, /* findings at or above --fail-on / nothing found */
	CLI_EXIT_ERROR = 2,    /* usage, input or database error */
};

enum {
	CMD_NEEDS_DB = 1,  /* cli_dispatch opens ctx->db read-only before exec */
	CMD_WRITES_DB = 2, /* the command builds the database itself */
};

/* --color=WHEN */
enum cli_color {
	CLI_COLOR_AUTO = 0, /* on a terminal, unless NO_COLOR is set or TERM is dumb */
	CLI_COLOR_ALWAYS,
	CLI_COLOR_NEVER,
};

struct cmd_ctx {
	const char *argv0;
	const char *db_path_opt; /* --db before the command, NULL if not given */
	char *db_path;           /* resolved path (heap), set by cli_dispatch */
	struct db *db;           /* open when CMD_NEEDS_DB */
	enum cli_color color_when; /* --color, before or after the command */
	int color;               /* colour on stdout: color_when decided by cli_dispatch */
	int quiet;
};

struct cmd_entry {
	const char *name, *alias;    /* "check", "c" */
	const char *usage;           /* "[-f FMT] [--fail-on SEV] FILE..." */
	const char *summary;         /* one line for `placecheck help` */
	const char *help;            /* option descriptions for CMD --help */
	const struct option *opts;   /* getopt_long table, may be NULL */
	int min_args, max_args;      /* positional; -1 = no limit */
	unsigned flags;              /* CMD_NEEDS_DB | CMD_WRITES_DB */
	int (*exec)(struct cmd_ctx *, int argc, char **argv);
};

/* Run the command named by ARGV[0] with CTX; returns the exit status. */
int cli_dispatch(struct cmd_ctx *ctx, int argc, char **argv);

/*
 * Take one global option at ARGV[0] (ARGV[1] is its argument, may be
 * NULL): --db PATH, --db=PATH, --color[=WHEN], --no-color.  Returns how many
 * words it used (0: not a global option), or -1 after printing an error.
 */
int cli_global_option(struct cmd_ctx *ctx, char *const *argv);

/*
 * Whether to colour output on FD under WHEN: always, never, or (auto) when
 * FD is a terminal, NO_COLOR is unset or empty (no-color.org) and TERM is
 * set and not "dumb".
 */
int cli_color_decide(enum cli_color when, int fd);

/*
 * Columns to wrap answers for a person at: the terminal's width when FD is
 * one (and it says), else $COLUMNS when it is a sane number, else
 * CLI_DEFAULT_WIDTH.
 */
#define CLI_DEFAULT_WIDTH 80
#define CLI_MIN_WIDTH 20
#define CLI_MAX_WIDTH 10000
unsigned cli_term_width(int fd);

/* Open ctx->db read-only if not yet open; prints and returns 0 on failure. */
int cli_open_db(struct cmd_ctx *ctx);

/* Messages on stderr, prefixed "placecheck: " (curl's errorf/warnf). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print a struct diag as an error. */
void cli_error_diag(const struct diag *d);
/* Usage line of E on FP. */
void cli_usage(FILE *fp, const struct cmd_entry *e);
/* Full help of E (usage, summary, options) on FP. */
void cli_help(FILE *fp, const struct cmd_entry *e);
/* Print the list of commands on FP. */
void cli_list(FILE *fp);
/* Entry by exact name, alias or unique prefix; NULL (and message) otherwise. */
const struct cmd_entry *cli_find(const char *name, int quiet);

/* The commands; each defined in its own cmd_<name>.c. */
extern const struct cmd_entry cmd_load_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_query_entry;
extern const struct cmd_entry cmd_shell_entry;
extern const struct cmd_entry cmd_help_entry;
extern const struct cmd_entry cmd_config_entry;
extern const struct cmd_entry cmd_serve_entry;
extern const struct cmd_entry cmd_lsp_entry;

#define PLACECHECK_VERSION "0.1.0"

#endif
