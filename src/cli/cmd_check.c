/*
 * cmd_check.c: `placecheck check [options] FILE...` - run the checker over
 * articles and print findings in the chosen format.
 */
#include "cli/cli.h"

#include "base/arena.h"
#include "base/buf.h"
#include "check/check.h"
#include "read/read.h"
#include "report/report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Largest article read (the reader has its own ceiling too). */
#define CHECK_MAX_FILE (64u * 1024 * 1024)

struct check_cli {
	const struct report_format *fmt;
	struct check_opts copts;
	int fail_on;   /* severity at or above which exit is 1; 3 = never */
	int min_level; /* hide findings below */
	struct report_opts ropts;
	struct report_state rstate;
};

static const struct option check_opts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "input", required_argument, NULL, 'i' },
	{ "fail-on", required_argument, NULL, 'F' },
	{ "min-level", required_argument, NULL, 'L' },
	{ "min-confidence", required_argument, NULL, 'C' },
	{ "no-quotes", no_argument, NULL, 'Q' },
	{ NULL, 0, NULL, 0 },
};

/* Read all of FP into B (ceiling CHECK_MAX_FILE). */
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

/* Keep the findings at or above min_level; return the highest severity (-1 none). */
static int filter_level(struct check_result *r, int min_level)
{
	size_t i, j = 0;
	int worst = -1;

	for (i = 0; i < r->n_findings; i++) {
		if ((int)r->findings[i].sev < min_level)
			continue;
		if ((int)r->findings[i].sev > worst)
			worst = (int)r->findings[i].sev;
		r->findings[j++] = r->findings[i];
	}
	r->n_findings = j;
	return worst;
}

static void emit(struct buf *out)
{
	if (out->len)
		fwrite(out->data, 1, out->len, stdout);
	buf_reset(out);
}

static int check_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct check_cli cc;
	struct check_engine eng;
	struct diag d;
	struct buf in, out;
	int c, i, worst = -1, had_error = 0;
	const char *fmt_name = NULL;

	memset(&cc, 0, sizeof cc);
	cc.fail_on = DETECT_SEV_WARNING;
	cc.min_level = DETECT_SEV_SUGGESTION;
	while ((c = getopt_long(argc, argv, "f:i:", check_opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			fmt_name = optarg;
			break;
		case 'i': {
			int f = read_fmt_parse(optarg);
			if (f < 0) {
				cli_error("check: unknown input format '%s' (text, markdown, html)", optarg);
				return CLI_EXIT_ERROR;
			}
			cc.copts.fmt = (enum read_fmt)f;
			break;
		}
		case 'F':
			if (strcmp(optarg, "never") == 0)
				cc.fail_on = 3;
			else if ((cc.fail_on = detect_sev_parse(optarg)) < 0) {
				cli_error("check: --fail-on takes error, warning, suggestion or never");
				return CLI_EXIT_ERROR;
			}
			break;
		case 'L':
			if ((cc.min_level = detect_sev_parse(optarg)) < 0) {
				cli_error("check: --min-level takes error, warning or suggestion");
				return CLI_EXIT_ERROR;
			}
			break;
		case 'C': {
			char *end;
			double v = strtod(optarg, &end);
			if (*end || v < 0 || v > 1) {
				cli_error("check: --min-confidence takes a number from 0 to 1");
				return CLI_EXIT_ERROR;
			}
			cc.copts.detect.min_confidence = v;
			break;
		}
		case 'Q':
			cc.copts.detect.skip_quotes = 1;
			break;
		default:
			cli_usage(stderr, &cmd_check_entry);
			return CLI_EXIT_ERROR;
		}
	}
	if (!fmt_name)
		fmt_name = isatty(STDOUT_FILENO) ? "text" : "text";
	if (!(cc.fmt = report_format_find(fmt_name))) {
		cli_error("check: unknown format '%s'", fmt_name);
		return CLI_EXIT_ERROR;
	}
	if (optind >= argc) {
		cli_usage(stderr, &cmd_check_entry);
		return CLI_EXIT_ERROR;
	}
	cc.ropts.color = ctx->color && strcmp(cc.fmt->name, "text") == 0;
	cc.ropts.tool_version = PLACECHECK_VERSION;
	cc.ropts.state = &cc.rstate;
	diag_clear(&d);
	if (check_engine_init(&eng, ctx->db, &d) != PC_OK) {
		cli_error_diag(&d);
		return CLI_EXIT_ERROR;
	}
	buf_init(&in, CHECK_MAX_FILE);
	buf_init(&out, 0);
	if (cc.fmt->begin)
		cc.fmt->begin(&out, &cc.ropts);
	emit(&out);
	for (i = optind; i < argc; i++) {
		struct arena a;
		struct check_result res;
		struct read_doc doc;
		const char *name = strcmp(argv[i], "-") == 0 ? "-" : argv[i];
		size_t k;
		int w;

		diag_clear(&d);
		buf_reset(&in);
		if (read_input(argv[i], &in, &d) != PC_OK) {
			cli_error_diag(&d);
			had_error = 1;
			continue;
		}
		arena_init(&a, 0);
		memset(&doc, 0, sizeof doc);
		if (check_doc(&eng, name, buf_str(&in), in.len, &cc.copts, &a, &res, &doc, &d) != PC_OK) {
			if (!d.file[0])
				snprintf(d.file, sizeof d.file, "%s", name);
			cli_error_diag(&d);
			had_error = 1;
			arena_free(&a);
			continue;
		}
		for (k = 0; k < doc.n_bad && k < 5; k++)
			cli_warn("%s:%lu:%lu: invalid UTF-8, replaced; the rest of the file was checked", name,
				 doc.bad[k].line, doc.bad[k].column);
		if (doc.n_bad > 5)
			cli_warn("%s: %zu more invalid UTF-8 sequences", name, doc.n_bad - 5);
		w = filter_level(&res, cc.min_level);
		if (w > worst)
			worst = w;
		if (cc.fmt->doc && cc.fmt->doc(&out, &res, &cc.ropts) != PC_OK) {
			cli_error("%s: cannot format the report", name);
			had_error = 1;
		}
		emit(&out);
		arena_free(&a);
	}
	if (cc.fmt->end)
		cc.fmt->end(&out, &cc.ropts);
	emit(&out);
	fflush(stdout);
	buf_free(&in);
	buf_free(&out);
	check_engine_free(&eng);
	if (had_error)
		return CLI_EXIT_ERROR;
	return worst >= cc.fail_on && cc.fail_on <= DETECT_SEV_ERROR ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.alias = "c",
	.usage = "[-f FORMAT] [-i INPUT] [--fail-on SEV] [--min-level SEV] [--min-confidence X] FILE...",
	.summary = "Check articles for place-name mix-ups.",
	.help = "options:\n"
		"  -f, --format FMT        text (default), json, gcc, sarif, rdjsonl, github\n"
		"  -i, --input KIND        text, markdown or html (default: from the file name)\n"
		"      --fail-on SEV       exit 1 on findings at or above SEV: error, warning\n"
		"                          (default), suggestion, never\n"
		"      --min-level SEV     hide findings below SEV\n"
		"      --min-confidence X  hide findings with confidence below X (0..1)\n"
		"      --no-quotes         do not flag names inside quotations\n"
		"      --db PATH           the gazetteer database\n"
		"FILE may be - for standard input.\n",
	.opts = check_opts,
	.min_args = 1,
	.max_args = -1,
	.flags = CMD_NEEDS_DB,
	.exec = check_exec,
};
