/*
 * cmd_load.c: `placecheck load`: build the database from gazetteer files.
 * The work is load_run() (src/load/); this file parses the options and
 * talks to the user: progress on a terminal, the first bad rows of each
 * file as warnings, and a summary at the end, all on stderr.
 */
#include "cli/cli.h"

#include "base/buf.h"
#include "base/utf8.h"
#include "load/load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define LOAD_SHOWN_WARNINGS 5 /* per file; the summary counts the rest */

enum {
	OPT_STRICT = 256,
	OPT_ADD,
	OPT_CSV,
	OPT_COLUMNS,
	OPT_GEODATA,
	OPT_FORCE,
	OPT_REPLACE,
	OPT_FCLASSES,
};

static const struct option load_opts_table[] = {
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "add", no_argument, NULL, OPT_ADD },
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "columns", required_argument, NULL, OPT_COLUMNS },
	{ "geodata", required_argument, NULL, OPT_GEODATA },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "replace", no_argument, NULL, OPT_REPLACE },
	{ "feature-classes", required_argument, NULL, OPT_FCLASSES },
	{ NULL, 0, NULL, 0 },
};

struct load_ui {
	int tty;
	int quiet;
	const char *warn_file;    /* file of the warnings being counted */
	unsigned long n_warned;   /* warnings printed for warn_file */
	double last_progress;
	int last_phase;
	int progress_shown;
};

static void ui_warn(void *ud, const struct diag *d)
{
	struct load_ui *ui = ud;
	char msg[1200];

	if (!ui->warn_file || strcmp(ui->warn_file, d->file) != 0) {
		free((char *)ui->warn_file);
		ui->warn_file = strdup(d->file);
		ui->n_warned = 0;
	}
	if (ui->n_warned++ >= LOAD_SHOWN_WARNINGS)
		return;
	if (ui->progress_shown) {
		fputs("\r\033[K", stderr);
		ui->progress_shown = 0;
	}
	cli_warn("%s (row skipped)", diag_format(d, msg, sizeof msg));
}

static void ui_progress(void *ud, const struct load_progress *p)
{
	struct load_ui *ui = ud;
	static const char *const phases[LOAD_PHASE_COUNT] = {
		[LOAD_PHASE_READ] = "reading",
		[LOAD_PHASE_REGIONS] = "deriving regions",
		[LOAD_PHASE_NAMES] = "writing names",
		[LOAD_PHASE_INDEXES] = "indexes",
		[LOAD_PHASE_FINISH] = "look-alikes",
	};

	if (!ui->tty || ui->quiet)
		return;
	/* A new phase shows at once; within one, ten redraws a second at most. */
	if (p->phase == ui->last_phase && p->seconds - ui->last_progress < 0.1)
		return;
	ui->last_phase = p->phase;
	ui->last_progress = p->seconds;
	if (p->phase == LOAD_PHASE_READ) {
		const char *base = p->file ? strrchr(p->file, '/') : NULL;
		struct buf name;
		buf_init(&name, 0);
		base = base ? base + 1 : (p->file ? p->file : "");
		utf8_escape(base, strlen(base), &name);
		fprintf(stderr, "\r\033[Kloading %s: %llu rows, %.0f rows/s", buf_str(&name),
			(unsigned long long)p->rows,
			p->seconds > 0 ? (double)p->rows / p->seconds : 0.0);
		buf_free(&name);
		if (p->total)
			fprintf(stderr, ", %.0f%%", 100.0 * (double)p->bytes / (double)p->total);
		fprintf(stderr, " (%.1f s)", p->seconds);
	} else if (p->phase == LOAD_PHASE_NAMES && p->rows) {
		fprintf(stderr, "\r\033[K%s... %llu (%.1f s)", phases[p->phase],
			(unsigned long long)p->rows, p->seconds);
	} else {
		fprintf(stderr, "\r\033[K%s... (%.1f s)",
			p->phase > 0 && p->phase < LOAD_PHASE_COUNT ? phases[p->phase] : "working",
			p->seconds);
	}
	ui->progress_shown = 1;
}

static void summary(const struct load_stats *st, const char *db_path)
{
	struct buf name;
	size_t i;

	buf_init(&name, 0);
	for (i = 0; i < st->n_files; i++) {
		const struct load_file_stats *f = &st->files[i];
		buf_reset(&name);
		utf8_escape(f->path, strlen(f->path), &name);
		fprintf(stderr, "  %-40s %-16s %9llu rows", buf_str(&name), load_kind_name(f->kind),
			(unsigned long long)f->rows);
		if (f->skipped)
			fprintf(stderr, ", %llu skipped", (unsigned long long)f->skipped);
		if (f->names)
			fprintf(stderr, ", %llu names", (unsigned long long)f->names);
		if (f->left_out)
			fprintf(stderr, f->kind == LOAD_KIND_POSTAL ? ", %llu merged with places there"
				: f->kind == LOAD_KIND_GEONAMES ? ", %llu of other feature classes left out"
				: ", %llu left out", (unsigned long long)f->left_out);
		fputc('\n', stderr);
	}
	buf_reset(&name);
	utf8_escape(db_path, strlen(db_path), &name);
	fprintf(stderr,
		"%s: %lld places (%lld regions), %lld names, %lld name prefixes, "
		"%lld look-alike rows, %.2f s\n",
		buf_str(&name), (long long)st->n_places, (long long)st->n_regions, (long long)st->n_names,
		(long long)st->n_prefixes, (long long)st->n_lookalikes, st->seconds);
	buf_free(&name);
}

static int load_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct load_opts opts;
	struct load_ui ui;
	struct load_stats *st;
	struct diag d;
	char **inputs;
	size_t n = 0;
	int c, rc;

	memset(&opts, 0, sizeof opts);
	memset(&ui, 0, sizeof ui);
	inputs = calloc((size_t)argc + 1, sizeof *inputs);
	if (!inputs)
		return CLI_EXIT_ERROR;
	while ((c = getopt_long(argc, argv, "", load_opts_table, NULL)) != -1) {
		switch (c) {
		case OPT_STRICT: opts.strict = 1; break;
		case OPT_ADD: opts.add = 1; break;
		case OPT_CSV: opts.csv = 1; break;
		case OPT_COLUMNS: opts.columns = optarg; break;
		case OPT_GEODATA: inputs[n++] = optarg; break;
		case OPT_FORCE: opts.force = 1; break;
		case OPT_REPLACE: opts.replace = 1; break;
		case OPT_FCLASSES:
			diag_clear(&d);
			if (load_parse_fclasses(optarg, &opts.fclasses, &d) != PC_OK) {
				cli_error("load: %s", d.msg);
				free(inputs);
				return CLI_EXIT_ERROR;
			}
			break;
		default:
			cli_usage(stderr, &cmd_load_entry);
			free(inputs);
			return CLI_EXIT_ERROR;
		}
	}
	while (optind < argc)
		inputs[n++] = argv[optind++];
	if (n == 0) {
		cli_error("load: no file or directory to load");
		cli_usage(stderr, &cmd_load_entry);
		free(inputs);
		return CLI_EXIT_ERROR;
	}
	if (opts.columns && !opts.csv) {
		cli_error("load: --columns needs --csv");
		free(inputs);
		return CLI_EXIT_ERROR;
	}
	if (opts.replace && !opts.add) {
		cli_error("load: --replace goes with --add (a load without --add replaces everything)");
		free(inputs);
		return CLI_EXIT_ERROR;
	}
	ui.tty = isatty(STDERR_FILENO);
	ui.quiet = ctx->quiet;
	opts.warn = ui_warn;
	opts.progress = ui_progress;
	opts.ud = &ui;
	st = calloc(1, sizeof *st);
	if (!st) {
		free(inputs);
		return CLI_EXIT_ERROR;
	}
	diag_clear(&d);
	rc = load_run(ctx->db_path, inputs, n, &opts, st, &d);
	if (ui.progress_shown)
		fputs("\r\033[K", stderr);
	if (rc != PC_OK) {
		cli_error_diag(&d);
		if (d.rc == PC_ERR_PARSE && opts.strict && d.line)
			cli_error("load: stopped at the first bad row (--strict); %s is unchanged",
				  ctx->db_path);
		else
			cli_error("load failed; %s is unchanged", ctx->db_path);
		rc = CLI_EXIT_ERROR;
	} else {
		if (!ctx->quiet)
			summary(st, ctx->db_path);
		rc = CLI_EXIT_OK;
	}
	free((char *)ui.warn_file);
	free(st);
	free(inputs);
	return rc;
}

const struct cmd_entry cmd_load_entry = {
	.name = "load",
	.usage = "[--db PATH] [--strict] [--add [--replace]] [--force] [--feature-classes LIST] [--csv --columns MAP] FILE|DIR...",
	.summary = "Build the place database from GeoNames files (plain, .gz or .zip).",
	.help = "  --db PATH       the database to build (default: see 'placecheck help')\n"
		"  --strict        fail on the first bad row instead of skipping it\n"
		"  --add           add the files to a copy of the existing database\n"
		"  --replace       with --add: a row whose id is in the database replaces\n"
		"                  that place (without it, such a row stops the load)\n"
		"  --force         replace the database even when the new one has no\n"
		"                  populated place, or fewer than half the old one's\n"
		"  --csv           inputs are comma-separated with a header row\n"
		"  --columns MAP   with --csv: name=COL,lat=COL,lon=COL[,country=COL,\n"
		"                  admin1=COL,admin2=COL,population=COL,id=COL,fcode=COL,\n"
		"                  fclass=COL,asciiname=COL,alt=COL,timezone=COL]\n"
		"  --geodata DIR   load every recognised file in DIR (same as giving DIR)\n"
		"  --feature-classes LIST\n"
		"                  GeoNames feature classes kept from a GeoNames table\n"
		"                  (allCountries, US.zip...): letters of A H L P R S T U V,\n"
		"                  or all (default: P,A, populated places and\n"
		"                  administrative areas)\n"
		"\nA DIR loads every recognised file in it and one level below.  Files are\n"
		"recognised by content.  The database is built in PATH.tmp-PID and renamed\n"
		"over PATH at the end: a failed or interrupted load leaves PATH as it was.\n"
		"PATH must be a regular file or absent (a symbolic link: its target is\n"
		"replaced); the new file keeps the old one's mode.  Loads take turns on\n"
		"the old file with SQLite's lock, so two --add runs both count.  Within\n"
		"the inputs, a row repeating an earlier row's id is skipped and reported.\n",
	.opts = load_opts_table,
	.min_args = 0,
	.max_args = -1,
	.flags = CMD_WRITES_DB,
	.exec = load_exec,
};
