/*
 * cmd_shell.c: `placecheck shell` - ask the gazetteer questions one after
 * another.  On a terminal: line editing, history across sessions and tab
 * completion (shell_edit.c).  Otherwise: commands read line by line, no
 * prompt, no colour, so sessions can be scripted and tested.
 *
 * A bare line is a name (or "NAME, REGION"); the words in shell_cmds[] are
 * commands.  The last answer is kept so that `in REGION` can narrow it, and
 * the last check so that `explain N` can show its evidence.
 */
#include "cli/cli.h"

#include "base/arena.h"
#include "base/buf.h"
#include "check/check.h"
#include "cli/shell_int.h"
#include "query/query.h"

#include <ctype.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Longest text pasted after `check`. */
#define SHELL_MAX_PASTE (4u * 1024 * 1024)
/*
 * The line that ends a pasted text: a lone full stop, as in mail(1) and
 * ed(1).  Not an empty line: an article's paragraphs are separated by
 * empty lines, and the text must be checked whole.
 */
#define SHELL_PASTE_END "."
/* Completions asked of the database per TAB. */
#define SHELL_COMPLETIONS 40

struct shell {
	struct db *db;
	int tty;                     /* stdin is a terminal: editor and prompt */
	struct query_render_opts ro;
	struct query_opts qo;
	struct shell_edit *ed;       /* NULL when not a terminal */
	/* The last answer lives in arenas[cur]; the next is built in the other. */
	struct arena arenas[2];
	int cur;
	struct query_answer last;
	int have_last;
	/* The last check: findings point into check_arena. */
	struct check_engine eng;
	int eng_ready;
	struct arena check_arena;
	struct check_result res;
	int have_check;
	struct arena scratch;        /* completion */
	struct buf out;
	int n_errors;
	int quit;
};

struct shell_cmd {
	const char *name;
	const char *args;
	const char *help;
	int needs_arg;               /* 1: argument required, 0: none, -1: optional */
	void (*run)(struct shell *, const char *arg);
};

static void shell_flush(struct shell *sh)
{
	if (sh->out.len)
		fwrite(sh->out.data, 1, sh->out.len, stdout);
	buf_reset(&sh->out);
	fflush(stdout);
}

static void shell_fail(struct shell *sh, const struct diag *d)
{
	fflush(stdout);
	cli_error_diag(d);
	sh->n_errors++;
}

/* Make the answer just built in the spare arena the last one. */
static void keep_answer(struct shell *sh, const struct query_answer *ans)
{
	sh->last = *ans;
	sh->have_last = 1;
	sh->cur ^= 1;
}

/* The spare arena, emptied, for the next answer. */
static struct arena *spare(struct shell *sh)
{
	struct arena *a = &sh->arenas[sh->cur ^ 1];

	arena_reset(a);
	return a;
}

/* A database read error (db.h) wins over the answer built on it; reported once. */
static int db_failed(struct shell *sh)
{
	struct diag dd;

	diag_clear(&dd);
	if (db_status(sh->db, &dd) == PC_OK)
		return 0;
	shell_fail(sh, &dd);
	db_status_clear(sh->db);
	return 1;
}

static void show(struct shell *sh, enum pc_rc rc, struct query_answer *ans, const struct diag *d)
{
	if (db_failed(sh))
		return;
	if (rc != PC_OK) {
		shell_fail(sh, d);
		return;
	}
	if (query_render_text(&sh->out, ans, &sh->ro) != PC_OK)
		buf_puts(&sh->out, "(answer too long to show)\n");
	shell_flush(sh);
	keep_answer(sh, ans);
}

static void run_ask(struct shell *sh, const char *arg)
{
	struct query_answer ans;
	struct diag d;

	diag_clear(&d);
	show(sh, query_ask(sh->db, arg, &sh->qo, spare(sh), &ans, &d), &ans, &d);
}

static void run_like(struct shell *sh, const char *arg)
{
	struct query_answer ans;
	struct diag d;

	diag_clear(&d);
	show(sh, query_like(sh->db, arg, &sh->qo, spare(sh), &ans, &d), &ans, &d);
}

static void run_in(struct shell *sh, const char *arg)
{
	struct query_answer ans;
	struct query_region *regs;
	size_t n_regs;
	struct arena *a = spare(sh);
	struct diag d;
	enum pc_rc rc;

	diag_clear(&d);
	if (!sh->have_last) {
		diag_set(&d, PC_ERR_USAGE, NULL, 0, 0, "in: ask about a place first, then narrow it");
		shell_fail(sh, &d);
		return;
	}
	if ((rc = query_region_parse(sh->db, arg, a, &regs, &n_regs, &d)) != PC_OK) {
		shell_fail(sh, &d);
		return;
	}
	if (!n_regs) {
		diag_set(&d, PC_ERR_USAGE, NULL, 0, 0,
			 "in: no country or region called '%s' (try a name, \"N.C.\", \"AU\" or \"US.VA\")", arg);
		shell_fail(sh, &d);
		return;
	}
	show(sh, query_narrow(sh->db, &sh->last, regs, n_regs, &sh->qo, a, &ans, &d), &ans, &d);
}

/* Does S hold a letter (a place name rather than coordinates)? */
static int has_letter(const char *s)
{
	for (; *s; s++)
		if (isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

/* near NAME [KM]: around the place NAME names ("Charlottesville", "Paris, Texas 10"). */
static void run_near_place(struct shell *sh, const char *arg)
{
	struct query_answer ans;
	struct arena *a = spare(sh);
	struct diag d;
	double km = QUERY_DEFAULT_RADIUS_KM;
	const char *last = strrchr(arg, ' ');
	char *name = arena_strdup(a, arg), *end;

	diag_clear(&d);
	/* A trailing number after a name is the radius. */
	if (last) {
		double v = strtod(last + 1, &end);
		if (end != last + 1 && !*end && v > 0) {
			km = v;
			name[last - arg] = '\0';
		}
	}
	show(sh, query_near_place(sh->db, name, km, &sh->qo, a, &ans, &d), &ans, &d);
}

static void run_near(struct shell *sh, const char *arg)
{
	struct query_answer ans;
	struct diag d;
	double v[3];
	const char *p = arg;
	char *end;
	int n = 0;

	diag_clear(&d);
	if (has_letter(arg)) {
		run_near_place(sh, arg);
		return;
	}
	/* LAT,LON [KM]: two or three numbers, commas or blanks between. */
	while (*p && n < 4) {
		while (isspace((unsigned char)*p) || *p == ',')
			p++;
		if (!*p)
			break;
		if (n == 3)
			n = 4;
		else
			v[n++] = strtod(p, &end);
		if (n == 4 || end == p) {
			n = -1;
			break;
		}
		p = end;
	}
	if (n != 2 && n != 3) {
		diag_set(&d, PC_ERR_USAGE, NULL, 0, 0,
			 "near: give a place or LAT,LON, and optionally KM (near Charlottesville 10, near 38.03,-78.48)");
		shell_fail(sh, &d);
		return;
	}
	show(sh, query_near(sh->db, v[0], v[1], n == 3 ? v[2] : QUERY_DEFAULT_RADIUS_KM, &sh->qo,
			    spare(sh), &ans, &d),
	     &ans, &d);
}

/* The next line of pasted text; NULL at the end of input. */
static const char *paste_line(struct shell *sh, char **heap, size_t *cap)
{
	ssize_t n;

	if (sh->ed)
		return shell_edit_line(sh->ed, "... ", 0);
	n = getline(heap, cap, stdin);
	if (n < 0)
		return NULL;
	while (n > 0 && ((*heap)[n - 1] == '\n' || (*heap)[n - 1] == '\r'))
		(*heap)[--n] = '\0';
	return *heap;
}

/* Is LINE the end of a pasted text (SHELL_PASTE_END, blanks around it allowed)? */
static int paste_end(const char *line)
{
	size_t n = strlen(SHELL_PASTE_END);

	while (isspace((unsigned char)*line))
		line++;
	if (strncmp(line, SHELL_PASTE_END, n) != 0)
		return 0;
	for (line += n; *line; line++)
		if (!isspace((unsigned char)*line))
			return 0;
	return 1;
}

static void print_findings(struct shell *sh)
{
	const struct check_result *r = &sh->res;
	size_t i, start = sh->out.len;

	if (!r->n_findings) {
		buf_printf(&sh->out, "No findings (%zu place%s read).\n", r->n_places,
			   r->n_places == 1 ? "" : "s");
		return;
	}
	for (i = 0; i < r->n_findings; i++) {
		const struct finding *f = &r->findings[i];
		buf_printf(&sh->out, "%zu. %lu:%lu %s%s%s", i + 1, f->line, f->column,
			   sh->ro.color ? "\033[1m" : "", f->text ? f->text : "",
			   sh->ro.color ? "\033[0m" : "");
		if (f->suggestion)
			buf_printf(&sh->out, " -> %s", f->suggestion);
		buf_printf(&sh->out, " (%s, %.0f%%%s): %s\n", detect_sev_str(f->sev),
			   f->confidence * 100, f->quoted ? ", in a quotation" : "",
			   f->message ? f->message : "");
	}
	buf_printf(&sh->out, "Type 'explain N' for the evidence behind finding N.\n");
	query_wrap(&sh->out, start, sh->ro.width);
}

static void run_check(struct shell *sh, const char *arg)
{
	struct buf text;
	struct diag d;
	char *heap = NULL;
	size_t cap = 0;
	const char *line;
	char *src;

	(void)arg;
	diag_clear(&d);
	if (!sh->eng_ready) {
		if (check_engine_init(&sh->eng, sh->db, &d) != PC_OK) {
			shell_fail(sh, &d);
			return;
		}
		sh->eng_ready = 1;
	}
	if (sh->tty) {
		printf("Paste the text, then end it with a line holding only '%s' (or press Ctrl-D).\n",
		       SHELL_PASTE_END);
		fflush(stdout);
	}
	buf_init(&text, SHELL_MAX_PASTE);
	while ((line = paste_line(sh, &heap, &cap)) && !paste_end(line)) {
		if (buf_puts(&text, line) != PC_OK || buf_putc(&text, '\n') != PC_OK) {
			diag_set(&d, PC_ERR_LIMIT, NULL, 0, 0, "check: text longer than %u MiB",
				 SHELL_MAX_PASTE >> 20);
			break;
		}
	}
	free(heap);
	if (d.rc != PC_OK) {
		buf_free(&text);
		shell_fail(sh, &d);
		return;
	}
	arena_reset(&sh->check_arena);
	sh->have_check = 0;
	src = arena_strndup(&sh->check_arena, buf_str(&text), text.len);
	memset(&sh->res, 0, sizeof sh->res);
	if (check_doc(&sh->eng, "<pasted>", src, text.len, &(struct check_opts){ 0 }, &sh->check_arena,
		      &sh->res, NULL, &d) != PC_OK) {
		buf_free(&text);
		shell_fail(sh, &d);
		return;
	}
	buf_free(&text);
	sh->have_check = 1;
	print_findings(sh);
	shell_flush(sh);
}

static void put_place(struct shell *sh, const char *what, const struct detect_place *p)
{
	if (!p->name)
		return;
	buf_printf(&sh->out, "  %s: %s", what, p->name);
	if (p->admin1 && p->admin1[0])
		buf_printf(&sh->out, ", %s", p->admin1);
	if (p->country && p->country[0])
		buf_printf(&sh->out, ", %s", p->country);
	if (p->id > 0)
		buf_printf(&sh->out, " (GeoNames %lld)", (long long)p->id);
	buf_puts(&sh->out, "\n");
}

static void run_explain(struct shell *sh, const char *arg)
{
	struct diag d;
	char *end;
	long n = strtol(arg, &end, 10);
	const struct finding *f;
	size_t i, start;

	diag_clear(&d);
	if (!sh->have_check) {
		diag_set(&d, PC_ERR_USAGE, NULL, 0, 0, "explain: run 'check' first");
		shell_fail(sh, &d);
		return;
	}
	while (isspace((unsigned char)*end))
		end++;
	if (end == arg || *end || n < 1 || (size_t)n > sh->res.n_findings) {
		diag_set(&d, PC_ERR_USAGE, NULL, 0, 0, "explain: give a finding number from 1 to %zu",
			 sh->res.n_findings);
		shell_fail(sh, &d);
		return;
	}
	f = &sh->res.findings[n - 1];
	start = sh->out.len;
	buf_printf(&sh->out, "%ld. %s at %lu:%lu (rule %s, %s, confidence %.2f%s)\n", n,
		   f->text ? f->text : "", f->line, f->column, f->rule ? f->rule : "?",
		   detect_sev_str(f->sev), f->confidence, f->quoted ? ", in a quotation" : "");
	if (f->message)
		buf_printf(&sh->out, "  %s\n", f->message);
	if (f->suggestion)
		buf_printf(&sh->out, "  suggestion: %s\n", f->suggestion);
	put_place(sh, "read as", &f->reading);
	put_place(sh, "more likely", &f->alternative);
	if (f->n_evidence)
		buf_puts(&sh->out, "  evidence:\n");
	for (i = 0; i < f->n_evidence; i++)
		buf_printf(&sh->out, "    - %s\n", f->evidence[i]);
	if (!f->n_evidence)
		buf_puts(&sh->out, "  (no evidence recorded)\n");
	query_wrap(&sh->out, start, sh->ro.width);
	shell_flush(sh);
}

static void run_help(struct shell *sh, const char *arg);

static void run_quit(struct shell *sh, const char *arg)
{
	(void)arg;
	sh->quit = 1;
}

/*
 * The commands.  A line whose first word is not one of these is a place
 * name.  To add one: a run_ function and a row; help lists the rows.
 */
static const struct shell_cmd shell_cmds[] = {
	{ "in", "REGION", "narrow the last answer to a country or state", 1, run_in },
	{ "like", "NAME", "the names that look like NAME, and how", 1, run_like },
	{ "near", "PLACE|LAT,LON [KM]", "places within KM (default 25) of a place or point", 1, run_near },
	{ "query", "NAME", "look NAME up, even if it is also a command word", 1, run_ask },
	{ "check", "", "paste text, end with a line '.': numbered findings", 0, run_check },
	{ "explain", "N", "the evidence behind finding N of the last check", 1, run_explain },
	{ "help", "", "this list", 0, run_help },
	{ "quit", "", "leave (so does Ctrl-D)", 0, run_quit },
	{ "exit", "", "leave", 0, run_quit },
};
#define N_SHELL_CMDS (sizeof shell_cmds / sizeof shell_cmds[0])

static void run_help(struct shell *sh, const char *arg)
{
	size_t i;

	(void)arg;
	buf_puts(&sh->out, "Type a place name (\"Springfield\", \"Charlottesville, N.C.\") or a command:\n");
	for (i = 0; i < N_SHELL_CMDS; i++) {
		char left[40];
		snprintf(left, sizeof left, "%s %s", shell_cmds[i].name, shell_cmds[i].args);
		buf_printf(&sh->out, "  %-24s %s\n", left, shell_cmds[i].help);
	}
	if (sh->tty)
		buf_puts(&sh->out, "TAB completes place names (and region names after 'in' or a comma).\n");
	shell_flush(sh);
}

/* The command row named by the first word of LINE, and its argument. */
static const struct shell_cmd *find_cmd(const char *line, const char **arg)
{
	size_t len = 0, i;

	while (line[len] && !isspace((unsigned char)line[len]))
		len++;
	for (i = 0; i < N_SHELL_CMDS; i++) {
		if (strlen(shell_cmds[i].name) == len && strncasecmp(shell_cmds[i].name, line, len) == 0) {
			const char *a = line + len;
			while (isspace((unsigned char)*a))
				a++;
			/* "In Salah" and "Nice" are places: a word that needs an
			   argument and has none, or has one it cannot take, is a name. */
			if (shell_cmds[i].needs_arg == 1 && !*a)
				return NULL;
			*arg = a;
			return &shell_cmds[i];
		}
	}
	return NULL;
}

static void run_line(struct shell *sh, char *line)
{
	const struct shell_cmd *c;
	const char *arg = "";
	size_t len = strlen(line);
	char *p = line;

	while (isspace((unsigned char)*p))
		p++;
	while (len && isspace((unsigned char)line[len - 1]))
		line[--len] = '\0';
	if (!*p || *p == '#')
		return;
	db_status_clear(sh->db);
	if ((c = find_cmd(p, &arg))) {
		if (c->needs_arg == 0 && *arg) {
			struct diag d;
			diag_clear(&d);
			diag_set(&d, PC_ERR_USAGE, NULL, 0, 0, "%s takes no argument", c->name);
			shell_fail(sh, &d);
			return;
		}
		c->run(sh, arg);
	} else if (*p == '?' && (p[1] == '\0' || isspace((unsigned char)p[1]))) {
		run_help(sh, "");
	} else {
		run_ask(sh, p);
	}
	db_failed(sh); /* an error no answer reported */
}

/* --- completion ---------------------------------------------------------- */

static char *dup_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p)
		memcpy(p, s, n);
	return p;
}

/*
 * What to complete in LINE (the text left of the cursor): after "in " a
 * region; after "like "/"query " or as a bare line, a place name, or after
 * its comma a region; a first word may also be a command.
 */
static size_t shell_complete(void *ud, const char *line, size_t *start, char **cands, size_t max)
{
	struct shell *sh = ud;
	struct query_answer ans;
	struct query_opts o = { .limit = SHELL_COMPLETIONS < max ? SHELL_COMPLETIONS : max };
	const struct shell_cmd *c;
	const char *arg = "", *comma;
	unsigned kinds = QUERY_KINDS_ALL;
	size_t n = 0, i, off;
	struct diag d;

	*start = 0;
	while (line[*start] == ' ')
		(*start)++;
	c = find_cmd(line + *start, &arg);
	if (c && arg > line + *start + strlen(c->name)) {
		if (c->run == run_in)
			kinds = QUERY_KINDS_REGIONS;
		else if (c->run != run_like && c->run != run_ask)
			return 0; /* near, explain, ...: nothing to complete */
		*start = (size_t)(arg - line);
	} else if (!strchr(line + *start, ' ')) {
		/* A first word: the commands it begins, then places. */
		size_t len = strlen(line + *start);
		for (i = 0; i < N_SHELL_CMDS && n < max; i++)
			if (len && strncasecmp(shell_cmds[i].name, line + *start, len) == 0 &&
			    strlen(shell_cmds[i].name) > len)
				cands[n++] = dup_str(shell_cmds[i].name);
	}
	if ((comma = strrchr(line + *start, ','))) {
		kinds = QUERY_KINDS_REGIONS;
		off = (size_t)(comma + 1 - line);
		while (line[off] == ' ')
			off++;
		*start = off;
	}
	arena_reset(&sh->scratch);
	diag_clear(&d);
	if (!line[*start])
		return n;
	if (query_prefix(sh->db, line + *start, kinds, &o, &sh->scratch, &ans, &d) != PC_OK)
		return n;
	for (i = 0; i < ans.n_completions && n < max; i++) {
		size_t k;
		for (k = 0; k < n; k++)
			if (strcmp(cands[k], ans.completions[i].form) == 0)
				break;
		if (k == n && (cands[n] = dup_str(ans.completions[i].form)))
			n++;
	}
	return n;
}

/* --- the loop ------------------------------------------------------------ */

static void shell_loop_tty(struct shell *sh)
{
	const char *line;

	printf("placecheck %s: type a place name, 'help' for commands, Ctrl-D to leave.\n",
	       PLACECHECK_VERSION);
	fflush(stdout);
	while (!sh->quit && (line = shell_edit_line(sh->ed, "placecheck> ", 1))) {
		char *copy = strdup(line);
		if (!copy)
			break;
		run_line(sh, copy);
		free(copy);
	}
	if (!sh->quit)
		fputc('\n', stdout);
}

static void shell_loop_script(struct shell *sh)
{
	char *line = NULL;
	size_t cap = 0;

	while (!sh->quit && getline(&line, &cap, stdin) >= 0)
		run_line(sh, line);
	free(line);
}

static const struct option shell_opts[] = {
	{ "limit", required_argument, NULL, 'l' },
	{ "long", no_argument, NULL, 'v' },
	{ NULL, 0, NULL, 0 },
};

static int shell_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct shell sh;
	char *hist = NULL;
	int c;

	memset(&sh, 0, sizeof sh);
	while ((c = getopt_long(argc, argv, "l:v", shell_opts, NULL)) != -1) {
		char *end;
		long v;
		switch (c) {
		case 'l':
			v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > 10000) {
				cli_error("shell: --limit takes a whole number from 1 to 10000");
				return CLI_EXIT_ERROR;
			}
			sh.qo.limit = (size_t)v;
			break;
		case 'v':
			sh.ro.long_form = 1;
			break;
		default:
			cli_usage(stderr, &cmd_shell_entry);
			return CLI_EXIT_ERROR;
		}
	}
	sh.db = ctx->db;
	sh.tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	sh.ro.color = sh.tty && ctx->color;
	sh.ro.width = cli_term_width(STDOUT_FILENO);
	arena_init(&sh.arenas[0], 0);
	arena_init(&sh.arenas[1], 0);
	arena_init(&sh.check_arena, 0);
	arena_init(&sh.scratch, 0);
	buf_init(&sh.out, 0);
	if (sh.tty) {
		setlocale(LC_CTYPE, ""); /* libedit edits UTF-8 as characters */
		hist = shell_history_path();
		if (!hist)
			cli_warn("shell: no home directory to keep the history in");
		sh.ed = shell_edit_open("placecheck", hist, shell_complete, &sh);
		if (!sh.ed)
			cli_warn("shell: cannot start line editing; reading plain lines");
	}
	if (sh.ed)
		shell_loop_tty(&sh);
	else
		shell_loop_script(&sh);
	shell_edit_close(sh.ed);
	free(hist);
	if (sh.eng_ready)
		check_engine_free(&sh.eng);
	arena_free(&sh.arenas[0]);
	arena_free(&sh.arenas[1]);
	arena_free(&sh.check_arena);
	arena_free(&sh.scratch);
	buf_free(&sh.out);
	fflush(stdout);
	/* A script learns that one of its commands failed. */
	return !sh.tty && sh.n_errors ? CLI_EXIT_ERROR : CLI_EXIT_OK;
}

const struct cmd_entry cmd_shell_entry = {
	.name = "shell",
	.alias = "sh",
	.usage = "[--limit N] [--long]",
	.summary = "Ask the gazetteer questions interactively (names, in REGION, like, near, check).",
	.help = "Type a place name to list its namesakes and look-alikes, or:\n"
		"  in REGION        narrow the last answer (Va., N.C., AU, Nova Scotia, US.VA)\n"
		"  like NAME        the look-alikes of NAME\n"
		"  near PLACE|LAT,LON [KM]  places near a place or a point\n"
		"  check            paste text, then a line holding only '.' (or Ctrl-D):\n"
		"                   the findings, numbered; empty lines are part of the text\n"
		"  explain N        the evidence behind finding N\n"
		"  help, quit\n"
		"On a terminal: line editing, TAB completion, history in\n"
		"$XDG_DATA_HOME/placecheck/history (~/.local/share/placecheck/history).\n"
		"Otherwise commands are read line by line, without prompt or colour; the\n"
		"exit status is 2 if any command failed.\n"
		"options:\n"
		"      --limit N   list at most N places per answer (default 25)\n"
		"  -v, --long      also coordinates and GeoNames ids\n",
	.opts = shell_opts,
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_NEEDS_DB,
	.exec = shell_exec,
};
