/*
 * cmd_check.c: `placecheck check [options] PATH...` - run the checker over
 * articles (files, folders, standard input, or an ndjson stream) and print
 * findings in the chosen format.
 *
 * Flow: collect the files (cli_files.c) or read ndjson lines; hand each one
 * to the ordered pool (cli_jobs.c), whose workers each hold a read-only
 * database connection and a check engine; a worker reads, checks (one
 * arena per document), applies inline suppressions and the configuration,
 * and renders the document's output into its own buffer; the main thread
 * prints the buffers in input order.  SARIF is the exception: its doc()
 * must run in output order on one thread (report.h), so the worker keeps
 * the result and its arena and the main thread renders at emit time.
 *
 * Precedence of settings: command line > .placecheck.ini glob sections
 * (later wins) > its top section > built-in defaults.
 */
#include "cli/cli.h"

#include "base/arena.h"
#include "base/buf.h"
#include "base/strdist.h"
#include "base/utf8.h"
#include "base/xmem.h"
#include "check/check.h"
#include "check/suppress.h"
#include "cli/cli_accept.h"
#include "cli/cli_files.h"
#include "cli/cli_jobs.h"
#include "cli/cli_ndjson.h"
#include "config/config.h"
#include "read/read.h"
#include "report/report.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Largest article read (the reader has its own ceiling too). */
#define CHECK_MAX_FILE (64u * 1024 * 1024)
/* Most threads -j accepts. */
#define CHECK_MAX_JOBS 256
/* Most --glob options. */
#define CHECK_MAX_GLOBS 64
/* Edits between an unknown --format and a real one that make it a slip. */
#define CHECK_FORMAT_SLIP 2

/* Shared by every worker; read-only while the pool runs, except the totals,
 * which only emit() (main thread) touches. */
struct check_run {
	const struct report_format *fmt;
	struct report_opts ropts;
	struct report_state rstate;
	const struct config *cfg;
	enum read_fmt in_fmt;
	int fail_on;           /* -1: from the config */
	int min_level;         /* -1: from the config */
	double min_conf;       /* < 0: from the config */
	int skip_quotes;       /* -1: from the config */
	int sarif;             /* render at emit time */
	int ndjson;
	int summary;           /* end with "3 files, 1 error, 2 warnings" */
	/* totals */
	int any_failed, had_error, write_error;
	struct report_totals totals;   /* for the text summary line */
	struct buf out;        /* main-thread render buffer (SARIF) */
};

struct check_worker {
	struct check_run *run;
	struct db *db;
	struct check_engine eng;
	int eng_ok;
};

/* One document on its way through the pool. */
struct check_item {
	char *name;            /* display name: the path, or the ndjson id */
	char *path;            /* file to read; NULL for an ndjson line */
	char *line;            /* the ndjson line (heap), or NULL */
	size_t line_len;
	struct buf in;         /* the article's bytes (results point into it) */
	struct buf out;        /* rendered output */
	struct buf err;        /* messages for stderr, printed in order */
	struct arena a;
	int has_arena, has_result;
	struct check_result res;
	unsigned long lineno;  /* ndjson: line in its input */
	int failed, error;
	size_t n_sev[DETECT_SEV_ERROR + 1]; /* findings left after filter() */
};

static const struct option check_opts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "input", required_argument, NULL, 'i' },
	{ "fail-on", required_argument, NULL, 'F' },
	{ "min-level", required_argument, NULL, 'L' },
	{ "min-confidence", required_argument, NULL, 'C' },
	{ "no-quotes", no_argument, NULL, 'Q' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "glob", required_argument, NULL, 'g' },
	{ "ndjson", no_argument, NULL, 'N' },
	{ "config", required_argument, NULL, 'c' },
	{ "no-config", no_argument, NULL, 'n' },
	{ "quiet", no_argument, NULL, 'q' },
	{ NULL, 0, NULL, 0 },
};

/* ---- reading ---------------------------------------------------------- */

static enum pc_rc slurp(FILE *fp, const char *name, struct buf *b, struct diag *d)
{
	char tmp[65536];
	size_t n;

	while ((n = fread(tmp, 1, sizeof tmp, fp)) > 0)
		if (buf_append(b, tmp, n) != PC_OK)
			return diag_set(d, PC_ERR_LIMIT, name, 0, 0, "file larger than %u MiB, not checked",
					CHECK_MAX_FILE >> 20);
	if (ferror(fp))
		return diag_set(d, PC_ERR_IO, name, 0, 0, "read error: %s", strerror(errno));
	return PC_OK;
}

static enum pc_rc read_input(const char *path, struct buf *b, struct diag *d)
{
	FILE *fp;
	enum pc_rc rc;

	if (strcmp(path, "-") == 0)
		return slurp(stdin, "<stdin>", b, d);
	if (!(fp = fopen(path, "rb")))
		return diag_set(d, PC_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
	rc = slurp(fp, path, b, d);
	fclose(fp);
	return rc;
}

/* ---- filtering by configuration and options --------------------------- */

static int rule_index(const char *id)
{
	size_t i;

	for (i = 0; i < detect_n_rules; i++)
		if (strcmp(detect_rules[i].id, id) == 0)
			return (int)i;
	return -1;
}

/*
 * Apply rule levels, the accept list, quotes, confidence and min-level to
 * R; return whether a remaining finding reaches fail-on.
 */
static int filter(const struct check_run *run, struct db *db, const struct config_settings *fs,
		  struct check_result *r, struct arena *a)
{
	size_t i, j = 0;
	int failed = 0;
	int fail_on = run->fail_on >= 0 ? run->fail_on : fs->fail_on;
	int min_level = run->min_level >= 0 ? run->min_level : fs->min_level;
	double min_conf = run->min_conf >= 0 ? run->min_conf : fs->min_confidence;
	int skip_q = run->skip_quotes >= 0 ? run->skip_quotes : fs->skip_quotes;

	for (i = 0; i < r->n_findings; i++) {
		struct finding f = r->findings[i];
		int ri = rule_index(f.rule);
		int lv = ri >= 0 ? config_rule_level(fs, (size_t)ri, (int)f.sev) : (int)f.sev;
		if (lv == CONFIG_RULE_OFF)
			continue;
		f.sev = (enum detect_sev)lv;
		if (f.confidence < min_conf || (skip_q && f.quoted) || (int)f.sev < min_level)
			continue;
		if (cli_accepted(db, &f, fs, r, a))
			continue;
		if ((int)f.sev >= fail_on && fail_on <= DETECT_SEV_ERROR)
			failed = 1;
		r->findings[j++] = f;
	}
	r->n_findings = j;
	return failed;
}

/* ---- the work of one document (any thread) ---------------------------- */

static void item_error(struct check_item *it, const struct check_run *run, const struct diag *d)
{
	char msg[1200];

	diag_format(d, msg, sizeof msg);
	buf_printf(&it->err, "placecheck: error: %s\n", msg);
	it->error = 1;
	if (run->ndjson)
		cli_ndjson_error_line(&it->out, it->name, d->msg);
}

/* A message about the document, at LINE:COL when not 0 (escaped: diag_format). */
static void item_note(struct check_item *it, const char *level, unsigned long line,
		      unsigned long col, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void item_note(struct check_item *it, const char *level, unsigned long line,
		      unsigned long col, const char *fmt, ...)
{
	struct diag w;
	char msg[1200];
	va_list ap;

	diag_clear(&w);
	snprintf(w.file, sizeof w.file, "%s", it->name);
	w.line = line;
	w.column = col;
	va_start(ap, fmt);
	vsnprintf(w.msg, sizeof w.msg, fmt, ap);
	va_end(ap);
	buf_printf(&it->err, "placecheck: %s: %s\n", level, diag_format(&w, msg, sizeof msg));
}

static void check_run_item(void *wstate, void *item)
{
	struct check_worker *w = wstate;
	struct check_run *run = w->run;
	struct check_item *it = item;
	struct config_settings fs;
	struct check_opts co = { 0 };
	struct read_doc doc;
	struct diag d;
	size_t k;

	diag_clear(&d);
	if (it->error)
		return; /* refused before it was queued (over-long ndjson line) */
	if (it->line) {
		char err[200];
		int f;
		if (cli_ndjson_parse(it->line, it->line_len, &it->name, &it->in, &f, err, sizeof err) != 0) {
			diag_set(&d, PC_ERR_PARSE, it->path, it->lineno, 0, "%s", err);
			item_error(it, run, &d);
			return;
		}
		free(it->line);
		it->line = NULL;
		co.fmt = f >= 0 ? (enum read_fmt)f : run->in_fmt;
	} else {
		if (read_input(it->path, &it->in, &d) != PC_OK) {
			item_error(it, run, &d);
			return;
		}
		co.fmt = run->in_fmt;
	}
	if (!w->eng_ok) {
		diag_set(&d, PC_ERR_DB, NULL, 0, 0, "no check engine");
		item_error(it, run, &d);
		return;
	}
	arena_init(&it->a, 0);
	it->has_arena = 1;
	config_for_file(run->cfg, it->name, &it->a, &fs);
	memset(&co.detect, 0, sizeof co.detect);
	/* Confidence is filtered after suppression, so that whether a
	 * suppression is stale does not depend on --min-confidence. */
	co.detect.min_confidence = 0;
	co.detect.skip_quotes = run->skip_quotes >= 0 ? run->skip_quotes : fs.skip_quotes;
	memset(&doc, 0, sizeof doc);
	if (check_doc(&w->eng, it->name, buf_str(&it->in), it->in.len, &co, &it->a, &it->res, &doc, &d) !=
	    PC_OK) {
		if (!d.file[0])
			snprintf(d.file, sizeof d.file, "%s", it->name);
		item_error(it, run, &d);
		return;
	}
	for (k = 0; k < doc.n_bad && k < 5; k++)
		item_note(it, "warning", doc.bad[k].line, doc.bad[k].column,
			  "invalid UTF-8, replaced; the rest of the file was checked");
	if (doc.n_bad > 5)
		item_note(it, "warning", 0, 0, "%zu more invalid UTF-8 sequences", doc.n_bad - 5);
	if (doc.unclosed_line)
		item_note(it, "warning", doc.unclosed_line, doc.unclosed_column,
			  "'<!--' is never closed: the rest of the file is a comment, not checked");
	if (suppress_apply(&doc, &it->res, &it->a, NULL, &d) != PC_OK) {
		item_error(it, run, &d);
		return;
	}
	it->failed = filter(run, w->db, &fs, &it->res, &it->a);
	for (k = 0; k < it->res.n_findings; k++)
		if ((unsigned)it->res.findings[k].sev <= DETECT_SEV_ERROR)
			it->n_sev[it->res.findings[k].sev]++;
	it->has_result = 1;
	if (run->sarif)
		return; /* rendered in order by emit() */
	if (run->fmt->doc && run->fmt->doc(&it->out, &it->res, &run->ropts) != PC_OK) {
		item_note(it, "error", 0, 0, "cannot format the report");
		it->error = 1;
	}
	arena_free(&it->a);
	it->has_arena = 0;
	it->has_result = 0;
}

/* ---- output, in order (main thread) ------------------------------------ */

static void item_free(struct check_item *it)
{
	if (it->has_arena)
		arena_free(&it->a);
	buf_free(&it->in);
	buf_free(&it->out);
	buf_free(&it->err);
	free(it->line);
	free(it->name);
	free(it->path);
	free(it);
}

static void put(struct check_run *run, const struct buf *b)
{
	if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len)
		run->write_error = 1;
}

static void check_emit(void *arg, void *item)
{
	struct check_run *run = arg;
	struct check_item *it = item;
	size_t k;

	if (it->err.len) {
		fflush(stdout); /* keep messages next to the output they belong to */
		fwrite(it->err.data, 1, it->err.len, stderr);
	}
	if (run->sarif && it->has_result) {
		buf_reset(&run->out);
		if (run->fmt->doc(&run->out, &it->res, &run->ropts) != PC_OK) {
			cli_error("%s: cannot format the report", it->name);
			it->error = 1;
		}
		put(run, &run->out);
	}
	put(run, &it->out);
	if (run->ndjson)
		fflush(stdout); /* a filter: each answer as soon as it is ready */
	if (it->error)
		run->had_error = 1;
	if (it->failed)
		run->any_failed = 1;
	run->totals.n_docs++;
	if (it->error)
		run->totals.n_failed++;
	for (k = 0; k <= DETECT_SEV_ERROR; k++)
		run->totals.n_sev[k] += it->n_sev[k];
	item_free(it);
}

/* ---- ndjson input ------------------------------------------------------ */

/*
 * Read one line of FP into B (without its newline).  Returns 1 for a line,
 * 0 at end of input; a line over the ceiling sets *TOO_LONG, and the rest of
 * it is skipped.
 */
static int read_line(FILE *fp, struct buf *b, int *too_long)
{
	char tmp[65536];
	int any = 0;

	buf_reset(b);
	*too_long = 0;
	while (fgets(tmp, sizeof tmp, fp)) {
		size_t n = strlen(tmp);
		int end = n && tmp[n - 1] == '\n';
		any = 1;
		if (end)
			n--;
		if (!*too_long && buf_append(b, tmp, n) != PC_OK)
			*too_long = 1;
		if (end)
			break;
	}
	return any;
}

static void submit_ndjson(struct cli_jobs *jobs, FILE *fp, const char *src, struct check_run *run)
{
	struct buf line;
	int too_long;
	unsigned long n = 0;

	buf_init(&line, CHECK_MAX_FILE);
	while (read_line(fp, &line, &too_long)) {
		struct check_item *it;
		const char *s = buf_str(&line);
		size_t len = line.len;
		n++;
		while (len && (s[len - 1] == '\r' || s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		while (len && (*s == ' ' || *s == '\t'))
			s++, len--;
		if (!len && !too_long)
			continue; /* blank lines are not inputs */
		it = xcalloc(1, sizeof *it);
		buf_init(&it->in, CHECK_MAX_FILE);
		buf_init(&it->out, 0);
		buf_init(&it->err, 0);
		it->path = xstrdup(src); /* for messages: where the line came from */
		it->lineno = n;
		if (too_long) {
			/* Goes through the pool all the same, to keep its place. */
			struct diag d;
			diag_clear(&d);
			diag_set(&d, PC_ERR_LIMIT, src, n, 0, "line longer than %u MiB, not checked",
				 CHECK_MAX_FILE >> 20);
			item_error(it, run, &d);
			cli_jobs_submit(jobs, it);
			continue;
		}
		it->line = xstrndup(s, len);
		it->line_len = len;
		cli_jobs_submit(jobs, it);
	}
	if (ferror(fp)) {
		cli_error("%s: read error: %s", src, strerror(errno));
		run->had_error = 1;
	}
	buf_free(&line);
}

/* ---- options ---------------------------------------------------------- */

struct check_args {
	const char *fmt_name;
	const char *config_path;
	int no_config;
	int quiet;
	long jobs;
	const char *globs[CHECK_MAX_GLOBS + 1];
	size_t n_globs;
};

/* Parse the options into RUN and A; returns 0 on a usage error (printed). */
static int parse_opts(int argc, char **argv, struct check_run *run, struct check_args *ca)
{
	int c;

	while ((c = getopt_long(argc, argv, "f:i:j:q", check_opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			ca->fmt_name = optarg;
			break;
		case 'i': {
			int f = read_fmt_parse(optarg);
			if (f < 0) {
				cli_error("check: unknown input format '%s' (text, markdown, html)", optarg);
				return 0;
			}
			run->in_fmt = (enum read_fmt)f;
			break;
		}
		case 'F':
			if (strcmp(optarg, "never") == 0)
				run->fail_on = CONFIG_NEVER;
			else if ((run->fail_on = detect_sev_parse(optarg)) < 0) {
				cli_error("check: --fail-on takes error, warning, suggestion or never");
				return 0;
			}
			break;
		case 'L':
			if ((run->min_level = detect_sev_parse(optarg)) < 0) {
				cli_error("check: --min-level takes error, warning or suggestion");
				return 0;
			}
			break;
		case 'C': {
			char *end;
			double v = strtod(optarg, &end);
			if (!optarg[0] || *end || !(v >= 0 && v <= 1)) {
				cli_error("check: --min-confidence takes a number from 0 to 1");
				return 0;
			}
			run->min_conf = v;
			break;
		}
		case 'Q':
			run->skip_quotes = 1;
			break;
		case 'j': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (!optarg[0] || *end || v < 1 || v > CHECK_MAX_JOBS) {
				cli_error("check: -j takes a number from 1 to %d", CHECK_MAX_JOBS);
				return 0;
			}
			ca->jobs = v;
			break;
		}
		case 'g': {
			/* --glob may repeat, and takes comma-separated lists. */
			char *p = optarg, *tok, *save = NULL;
			for (tok = strtok_r(p, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
				if (ca->n_globs == CHECK_MAX_GLOBS) {
					cli_error("check: more than %d globs", CHECK_MAX_GLOBS);
					return 0;
				}
				ca->globs[ca->n_globs++] = tok;
			}
			break;
		}
		case 'N':
			run->ndjson = 1;
			break;
		case 'c':
			ca->config_path = optarg;
			break;
		case 'n':
			ca->no_config = 1;
			break;
		case 'q':
			ca->quiet = 1;
			break;
		default:
			cli_usage(stderr, &cmd_check_entry);
			return 0;
		}
	}
	return 1;
}

/*
 * Load the configuration chosen by --config / PLACECHECK_CONFIG / discovery
 * into CFG (config_init'ed here).  Returns 0 after printing an error.
 * cmd_config.c has its own copy of these few lines, so that each command
 * file stays self-contained (tmux cmd-*.c).
 */
/*
 * The newsroom's own cue phrases and look-alike pairs from the config's top
 * section, added to engine E.  Errors name the config line; REPORT: print
 * them (once, for the first worker).  Returns 0 on error.
 */
static int add_config_extras(struct check_engine *e, const struct config *cfg, int report)
{
	size_t i;
	struct diag d;

	for (i = 0; i < cfg->top.n_pairs; i++) {
		diag_clear(&d);
		if (check_engine_add_lookalike(e, cfg->top.pairs[i].a, cfg->top.pairs[i].b, &d) != PC_OK) {
			if (report)
				cli_error("%s:%lu: lookalike: %s", cfg->path ? cfg->path : "config",
					  cfg->top.pairs[i].line, d.msg);
			return 0;
		}
	}
	for (i = 0; i < cfg->top.n_cues; i++) {
		diag_clear(&d);
		if (check_engine_add_cue(e, cfg->top.cues[i].phrase, cfg->top.cues[i].place, 1.0, &d) != PC_OK) {
			if (report)
				cli_error("%s:%lu: cue: %s", cfg->path ? cfg->path : "config",
					  cfg->top.cues[i].line, d.msg);
			return 0;
		}
	}
	return 1;
}

static int load_config(const struct check_args *ca, struct config *cfg)
{
	struct buf path;
	struct diag d;
	int ok = 1;

	config_init(cfg);
	if (ca->no_config)
		return 1;
	buf_init(&path, 0);
	cfg->origin = config_locate(ca->config_path, &path);
	if (path.len) {
		diag_clear(&d);
		if (config_load(cfg, buf_str(&path), &d) != PC_OK) {
			cli_error_diag(&d);
			ok = 0;
		}
	}
	buf_free(&path);
	return ok;
}

/* ---- the command ------------------------------------------------------ */

/*
 * "unknown format 'rdjson'", the formats there are, and the nearest one when
 * the name is a slip of one ("rdjson" for rdjsonl, "jsn" for json).
 */
static void unknown_format(const char *name)
{
	const char *near = NULL;
	char list[200];
	size_t i, n = 0;
	int best = CHECK_FORMAT_SLIP + 1;

	list[0] = '\0';
	for (i = 0; i < report_n_formats; i++) {
		const char *f = report_formats[i].name;
		int dist = strdist_osa(name, f, CHECK_FORMAT_SLIP);
		n += (size_t)snprintf(list + n, n < sizeof list ? sizeof list - n : 0, "%s%s", i ? ", " : "", f);
		if (dist < best) {
			best = dist;
			near = f;
		}
	}
	if (near)
		cli_error("check: unknown format '%s' (did you mean %s?); formats: %s", name, near, list);
	else
		cli_error("check: unknown format '%s'; formats: %s", name, list);
}

static int check_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct check_run run;
	struct check_args ca;
	struct config cfg;
	struct check_worker *workers = NULL;
	void **wstates = NULL;
	struct cli_files files;
	struct cli_jobs *jobs = NULL;
	struct diag d;
	const char *db_path;
	size_t n_workers = 1, i, k;
	int rc = CLI_EXIT_ERROR;

	memset(&run, 0, sizeof run);
	memset(&ca, 0, sizeof ca);
	memset(&files, 0, sizeof files);
	run.fail_on = run.min_level = run.skip_quotes = -1;
	run.min_conf = -1;
	buf_init(&run.out, 0);
	config_init(&cfg);
	if (!parse_opts(argc, argv, &run, &ca))
		goto done;
	if (!ca.fmt_name)
		ca.fmt_name = run.ndjson ? "json" : isatty(STDOUT_FILENO) ? "text" : "gcc";
	if (!(run.fmt = report_format_find(ca.fmt_name))) {
		unknown_format(ca.fmt_name);
		goto done;
	}
	if (run.ndjson && strcmp(run.fmt->name, "json") != 0) {
		cli_error("check: --ndjson writes json; --format %s does not go with it", run.fmt->name);
		goto done;
	}
	if (!run.ndjson && optind >= argc) {
		cli_usage(stderr, &cmd_check_entry);
		goto done;
	}
	config_free(&cfg);
	if (!load_config(&ca, &cfg))
		goto done;
	run.cfg = &cfg;
	run.sarif = strcmp(run.fmt->name, "sarif") == 0;
	run.ropts.color = ctx->color && strcmp(run.fmt->name, "text") == 0;
	/* A person reads text: tell them how much was checked.  Machine
	 * formats carry the count in their own structure. */
	run.summary = strcmp(run.fmt->name, "text") == 0 && !ca.quiet && !ctx->quiet;
	run.ropts.tool_version = PLACECHECK_VERSION;
	run.ropts.ndjson = run.ndjson;
	run.ropts.state = &run.rstate;
	ca.globs[ca.n_globs] = NULL;

	diag_clear(&d);
	if (!run.ndjson &&
	    cli_files_collect(argv + optind, (size_t)(argc - optind), ca.n_globs ? ca.globs : NULL, &files,
			      &d) != PC_OK) {
		cli_error_diag(&d);
		goto done;
	}
	/* Folders skipped: said now, the rest checked, exit 2 at the end. */
	for (i = 0; i < files.n_problems; i++) {
		cli_error_diag(&files.problems[i]);
		run.had_error = 1;
	}
	/* The config's exclude globs drop files, named or found (pre-commit
	 * names every file it passes). */
	for (i = 0, k = 0; i < files.n; i++) {
		if (strcmp(files.paths[i], "-") != 0 && config_excluded(&cfg, files.paths[i])) {
			free(files.paths[i]);
			continue;
		}
		files.paths[k++] = files.paths[i];
	}
	files.n = k;
	/* --db and PLACECHECK_DB beat the config's db, which beats the search. */
	db_path = ctx->db_path;
	if (!ctx->db_path_opt && !getenv("PLACECHECK_DB") && cfg.top.db)
		db_path = cfg.top.db;

	n_workers = ca.jobs ? (size_t)ca.jobs : cli_jobs_ncpu();
	if (n_workers > CHECK_MAX_JOBS)
		n_workers = CHECK_MAX_JOBS;
	if (!run.ndjson && n_workers > files.n)
		n_workers = files.n ? files.n : 1;
	workers = xcalloc(n_workers, sizeof *workers);
	wstates = xcalloc(n_workers, sizeof *wstates);
	for (i = 0; i < n_workers; i++) {
		workers[i].run = &run;
		wstates[i] = &workers[i];
		diag_clear(&d);
		if (db_open(db_path, DB_OPEN_READONLY, &workers[i].db, &d) != PC_OK ||
		    check_engine_init(&workers[i].eng, workers[i].db, &d) != PC_OK) {
			cli_error_diag(&d);
			goto done;
		}
		workers[i].eng_ok = 1;
		if (!add_config_extras(&workers[i].eng, &cfg, i == 0))
			goto done;
	}
	{
		struct cli_jobs_ops ops = { check_run_item, check_emit, &run };
		jobs = cli_jobs_start(&ops, wstates, n_workers, 0);
		if (!jobs) {
			cli_warn("check: cannot start %zu threads; checking one file at a time", n_workers);
			jobs = cli_jobs_start(&ops, wstates, 1, 0);
		}
	}
	if (run.fmt->begin) {
		buf_reset(&run.out);
		if (run.fmt->begin(&run.out, &run.ropts) != PC_OK)
			run.had_error = 1;
		put(&run, &run.out);
	}
	if (run.ndjson) {
		if (optind >= argc) {
			submit_ndjson(jobs, stdin, "<stdin>", &run);
		}
		for (i = (size_t)optind; i < (size_t)argc; i++) {
			FILE *fp = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "rb");
			if (!fp) {
				cli_error("%s: cannot open: %s", argv[i], strerror(errno));
				run.had_error = 1;
				continue;
			}
			submit_ndjson(jobs, fp, fp == stdin ? "<stdin>" : argv[i], &run);
			if (fp != stdin)
				fclose(fp);
		}
	} else {
		for (i = 0; i < files.n; i++) {
			struct check_item *it = xcalloc(1, sizeof *it);
			it->path = files.paths[i];
			it->name = xstrdup(it->path);
			files.paths[i] = NULL;
			buf_init(&it->in, CHECK_MAX_FILE);
			buf_init(&it->out, 0);
			buf_init(&it->err, 0);
			cli_jobs_submit(jobs, it);
		}
	}
	cli_jobs_finish(jobs);
	jobs = NULL;
	if (run.summary && run.totals.n_docs > 1) {
		buf_reset(&run.out);
		if (report_text_summary(&run.out, &run.totals, &run.ropts) != PC_OK)
			run.had_error = 1;
		put(&run, &run.out);
	}
	if (run.fmt->end) {
		buf_reset(&run.out);
		if (run.fmt->end(&run.out, &run.ropts) != PC_OK)
			run.had_error = 1;
		put(&run, &run.out);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		run.write_error = 1;
	if (run.write_error)
		cli_error("check: cannot write the output: %s", strerror(errno));
	if (run.had_error || run.write_error)
		rc = CLI_EXIT_ERROR;
	else
		rc = run.any_failed ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
done:
	if (jobs)
		cli_jobs_finish(jobs);
	for (i = 0; workers && i < n_workers; i++) {
		if (workers[i].eng_ok)
			check_engine_free(&workers[i].eng);
		if (workers[i].db)
			db_close(workers[i].db);
	}
	free(workers);
	free(wstates);
	cli_files_free(&files);
	config_free(&cfg);
	buf_free(&run.out);
	return rc;
}

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.alias = "c",
	.usage = "[options] PATH...  |  --ndjson [FILE...]",
	.summary = "Check articles for place-name mix-ups.",
	/* placecheck.1 repeats this list: keep both in step
	 * (tests/cli/check_help.sh compares them). */
	.help = "options:\n"
		"  -f, --format FMT        text (default on a terminal), gcc (default\n"
		"                          otherwise), json, sarif, rdjsonl, github\n"
		"  -i, --input KIND        text, markdown or html (default: from the file name)\n"
		"      --fail-on SEV       exit 1 on findings at or above SEV: error, warning\n"
		"                          (default), suggestion, never\n"
		"      --min-level SEV     hide findings below SEV\n"
		"      --min-confidence X  hide findings with confidence below X (0..1)\n"
		"      --no-quotes         do not flag names inside quotations\n"
		"  -j, --jobs N            check N files at a time (default: the number of CPUs)\n"
		"      --glob GLOB         files to pick inside folders (repeatable, or\n"
		"                          comma-separated; default *.md,*.markdown,*.html,\n"
		"                          *.htm,*.txt)\n"
		"      --ndjson            read {\"id\",\"text\",\"format\"} lines from FILEs or\n"
		"                          standard input, write one json line for each\n"
		"      --config PATH       use this .placecheck.ini (else $PLACECHECK_CONFIG,\n"
		"                          else the nearest one from the current directory up)\n"
		"      --no-config         use no configuration file\n"
		"  -q, --quiet             text: no summary line after several files\n"
		"      --color[=WHEN]      colour the text: auto (default: on a terminal,\n"
		"                          unless NO_COLOR is set or TERM=dumb), always, never\n"
		"      --db PATH           the gazetteer database\n"
		"PATH is a file, a folder (walked; inside a git work tree, files that git\n"
		"ignores are skipped) or - for standard input.\n"
		"Exit status: 0 nothing at or above --fail-on, 1 findings, 2 error.\n",
	.opts = check_opts,
	.min_args = 0,
	.max_args = -1,
	.flags = 0,
	.exec = check_exec,
};
