/*
 * cli.c: the subcommand table and dispatcher (tmux cmd-*.c style).  Finds a
 * command by exact name, alias or unique prefix, checks the argument count,
 * prints usage from the entry, opens the database for CMD_NEEDS_DB, then
 * calls exec.
 */
#include "cli/cli.h"

#include "base/utf8.h"
#include "base/xmem.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/*
 * To add a command: write src/cli/cmd_<name>.c defining cmd_<name>_entry,
 * declare it in cli.h and add a row here.  Order is the order of `help`.
 * Then its section in placecheck.1 and its words in completions/:
 * tests/cli/check_help.sh and tests/cli/completion.sh fail until both know
 * it and its options.
 */
static const struct cmd_entry *const cmd_table[] = {
	&cmd_check_entry,
	&cmd_load_entry,
	&cmd_query_entry,
	&cmd_shell_entry,
	&cmd_config_entry,
	&cmd_serve_entry,
	&cmd_lsp_entry,
	&cmd_help_entry,
};
#define N_CMDS (sizeof cmd_table / sizeof cmd_table[0])

_Static_assert(XMEM_EXIT_STATUS == CLI_EXIT_ERROR, "out of memory exits as any runtime error");

/*
 * One message line on stderr, escaped as a whole (utf8_escape): file names
 * and text from files reach it, and must not reach the terminal raw.
 */
static void say(const char *prefix, const char *fmt, va_list ap)
{
	char msg[2048];
	struct buf b;

	vsnprintf(msg, sizeof msg, fmt, ap);
	buf_init(&b, 0);
	buf_puts(&b, prefix);
	utf8_escape(msg, strlen(msg), &b);
	buf_putc(&b, '\n');
	fwrite(b.data, 1, b.len, stderr);
	buf_free(&b);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say("placecheck: error: ", fmt, ap);
	va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say("placecheck: warning: ", fmt, ap);
	va_end(ap);
}

void cli_error_diag(const struct diag *d)
{
	char msg[1200];

	cli_error("%s", diag_format(d, msg, sizeof msg));
}

void cli_usage(FILE *fp, const struct cmd_entry *e)
{
	fprintf(fp, "usage: placecheck %s %s\n", e->name, e->usage);
}

void cli_help(FILE *fp, const struct cmd_entry *e)
{
	cli_usage(fp, e);
	fprintf(fp, "\n%s\n", e->summary);
	if (e->help && e->help[0])
		fprintf(fp, "\n%s", e->help);
}

void cli_list(FILE *fp)
{
	size_t i;

	fputs("usage: placecheck [--db PATH] [--color[=WHEN]] [-q] [--version] COMMAND [ARGS]\n\ncommands:\n", fp);
	for (i = 0; i < N_CMDS; i++)
		fprintf(fp, "  %-8s %s\n", cmd_table[i]->name, cmd_table[i]->summary);
	fputs("\nRun 'placecheck help COMMAND' for the options of one command, 'placecheck help\n"
	      "rules' for the rules, 'placecheck help formats' for the output formats.\n", fp);
}

const struct cmd_entry *cli_find(const char *name, int quiet)
{
	const struct cmd_entry *found = NULL;
	size_t i, len = strlen(name);
	int n_found = 0;

	for (i = 0; i < N_CMDS; i++) {
		const struct cmd_entry *e = cmd_table[i];
		if (strcmp(e->name, name) == 0 || (e->alias && strcmp(e->alias, name) == 0))
			return e;
	}
	for (i = 0; i < N_CMDS; i++) {
		if (strncmp(cmd_table[i]->name, name, len) == 0) {
			found = cmd_table[i];
			n_found++;
		}
	}
	if (n_found == 1)
		return found;
	if (!quiet) {
		if (n_found > 1) {
			cli_error("ambiguous command: %s; it could be:", name);
			for (i = 0; i < N_CMDS; i++)
				if (strncmp(cmd_table[i]->name, name, len) == 0)
					fprintf(stderr, "  %s\n", cmd_table[i]->name);
		} else {
			cli_error("unknown command: %s (try 'placecheck help')", name);
		}
	}
	return NULL;
}

int cli_open_db(struct cmd_ctx *ctx)
{
	struct diag d;

	if (ctx->db)
		return 1;
	diag_clear(&d);
	if (db_open(ctx->db_path, DB_OPEN_READONLY, &ctx->db, &d) != PC_OK) {
		cli_error_diag(&d);
		return 0;
	}
	return 1;
}

/* Does ARGV hold --help or -h before a "--"? */
static int wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	}
	return 0;
}

/*
 * Count positional arguments the way getopt_long will see them, without
 * consuming anything: options listed in the entry's table that take an
 * argument swallow the next word.
 */
static int count_positional(const struct cmd_entry *e, int argc, char **argv)
{
	int i, n = 0;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0)
			return n + (argc - i - 1);
		if (a[0] == '-' && a[1] != '\0') {
			const struct option *o;
			if (!e->opts)
				continue;
			if (a[1] == '-') {
				const char *eq = strchr(a, '=');
				size_t nl = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
				for (o = e->opts; o->name; o++)
					if (strncmp(o->name, a + 2, nl) == 0 && o->name[nl] == '\0')
						break;
				if (o->name && o->has_arg == required_argument && !eq)
					i++;
			} else {
				/* Short option cluster: an argument-taking letter ends it. */
				const char *p;
				for (p = a + 1; *p; p++) {
					for (o = e->opts; o->name; o++)
						if (o->flag == NULL && o->val == *p)
							break;
					if (o->name && o->has_arg == required_argument) {
						if (p[1] == '\0')
							i++;
						break;
					}
				}
			}
			continue;
		}
		n++;
	}
	return n;
}

int cli_global_option(struct cmd_ctx *ctx, char *const *argv)
{
	const char *a = argv[0];

	if (strcmp(a, "--db") == 0 && argv[1]) {
		ctx->db_path_opt = argv[1];
		return 2;
	}
	if (strncmp(a, "--db=", 5) == 0) {
		ctx->db_path_opt = a + 5;
		return 1;
	}
	if (strcmp(a, "--no-color") == 0 || strcmp(a, "--color=never") == 0) {
		ctx->color_when = CLI_COLOR_NEVER;
		return 1;
	}
	if (strcmp(a, "--color") == 0 || strcmp(a, "--color=always") == 0) {
		ctx->color_when = CLI_COLOR_ALWAYS;
		return 1;
	}
	if (strcmp(a, "--color=auto") == 0) {
		ctx->color_when = CLI_COLOR_AUTO;
		return 1;
	}
	if (strncmp(a, "--color=", 8) == 0) {
		cli_error("--color takes auto, always or never, not '%s'", a + 8);
		return -1;
	}
	return 0;
}

int cli_color_decide(enum cli_color when, int fd)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (when != CLI_COLOR_AUTO)
		return when == CLI_COLOR_ALWAYS;
	return isatty(fd) && !(nc && nc[0]) && term && term[0] && strcmp(term, "dumb") != 0;
}

unsigned cli_term_width(int fd)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");
	char *end;
	long v;

	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (env && env[0]) {
		v = strtol(env, &end, 10);
		if (!*end && v >= CLI_MIN_WIDTH && v <= CLI_MAX_WIDTH)
			return (unsigned)v;
	}
	return CLI_DEFAULT_WIDTH;
}

/*
 * Take the global options (--db, --color) out of a command's own
 * arguments, so that `placecheck check --db x.db a.md` works like
 * `placecheck --db x.db check a.md` without every command repeating them.
 * Edits ARGV in place; returns the new argc, or -1 after an error.
 */
static int take_global_options(struct cmd_ctx *ctx, int argc, char **argv)
{
	int i, j = 1, n;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < argc)
				argv[j++] = argv[i++];
			break;
		}
		if ((n = cli_global_option(ctx, argv + i)) < 0)
			return -1;
		if (n > 0) {
			i += n - 1;
			continue;
		}
		argv[j++] = argv[i];
	}
	argv[j] = NULL;
	return j;
}

int cli_dispatch(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry *e;
	struct buf path;
	int n_pos, rc;

	if (argc < 1) {
		cli_list(stderr);
		return CLI_EXIT_ERROR;
	}
	if (!(e = cli_find(argv[0], 0)))
		return CLI_EXIT_ERROR;
	if ((argc = take_global_options(ctx, argc, argv)) < 0)
		return CLI_EXIT_ERROR;
	ctx->color = cli_color_decide(ctx->color_when, STDOUT_FILENO);
	if (wants_help(argc, argv)) {
		cli_help(stdout, e);
		return CLI_EXIT_OK;
	}
	n_pos = count_positional(e, argc, argv);
	if (n_pos < e->min_args || (e->max_args >= 0 && n_pos > e->max_args)) {
		cli_error("%s: wrong number of arguments", e->name);
		cli_usage(stderr, e);
		return CLI_EXIT_ERROR;
	}
	buf_init(&path, 0);
	db_locate(ctx->db_path_opt, ctx->argv0, &path);
	ctx->db_path = buf_detach(&path);
	if ((e->flags & CMD_NEEDS_DB) && !cli_open_db(ctx)) {
		free(ctx->db_path);
		ctx->db_path = NULL;
		return CLI_EXIT_ERROR;
	}
	optind = 0; /* reset getopt for the command's own parsing (GNU) */
	rc = e->exec(ctx, argc, argv);
	if (ctx->db)
		db_close(ctx->db);
	ctx->db = NULL;
	free(ctx->db_path);
	ctx->db_path = NULL;
	return rc;
}
