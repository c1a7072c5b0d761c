/*
 * cmd_query.c: `placecheck query` - ask the gazetteer one question: every
 * place called NAME, whether there is a NAME in a REGION, what lies near a
 * point, or which names start with some text.  Exit 0 when something was
 * found, 1 when nothing was, 2 on error.
 */
#include "cli/cli.h"

#include "base/arena.h"
#include "base/buf.h"
#include "query/query.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Largest --limit accepted. */
#define QUERY_CLI_MAX_LIMIT 10000

static const struct option query_opts[] = {
	{ "in", required_argument, NULL, 'i' },
	{ "near", required_argument, NULL, 'n' },
	{ "radius", required_argument, NULL, 'r' },
	{ "prefix", required_argument, NULL, 'p' },
	{ "like", no_argument, NULL, 'L' },
	{ "json", no_argument, NULL, 'j' },
	{ "long", no_argument, NULL, 'v' },
	{ "limit", required_argument, NULL, 'l' },
	{ NULL, 0, NULL, 0 },
};

struct query_cli {
	const char *in, *near, *prefix;
	double radius_km;
	int have_radius, like, json, long_form;
	struct query_opts o;
};

/* Strictly positive number from S, or -1. */
static double positive(const char *s)
{
	char *end;
	double v = strtod(s, &end);

	return end != s && !*end && v > 0 ? v : -1;
}

/* Does S hold a letter (a place name, not coordinates)? */
static int has_letter(const char *s)
{
	for (; *s; s++)
		if (((unsigned char)*s >= 'A' && (unsigned char)*s <= 'Z') ||
		    ((unsigned char)*s >= 'a' && (unsigned char)*s <= 'z') || (unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

/* The positional words joined with spaces ("New York" unquoted), in A. */
static char *join_words(struct arena *a, int argc, char **argv, int first)
{
	struct buf b;
	char *s;
	int i;

	buf_init(&b, 0);
	for (i = first; i < argc; i++) {
		if (i > first)
			buf_putc(&b, ' ');
		buf_puts(&b, argv[i]);
	}
	s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

static int parse_args(struct query_cli *qc, int argc, char **argv)
{
	int c;

	memset(qc, 0, sizeof *qc);
	qc->radius_km = QUERY_DEFAULT_RADIUS_KM;
	while ((c = getopt_long(argc, argv, "i:n:r:p:jl:v", query_opts, NULL)) != -1) {
		switch (c) {
		case 'i':
			qc->in = optarg;
			break;
		case 'n':
			qc->near = optarg;
			break;
		case 'r':
			if ((qc->radius_km = positive(optarg)) < 0 || qc->radius_km > QUERY_MAX_RADIUS_KM) {
				cli_error("query: --radius takes kilometres, more than 0 and at most %.0f",
					  QUERY_MAX_RADIUS_KM);
				return 0;
			}
			qc->have_radius = 1;
			break;
		case 'p':
			qc->prefix = optarg;
			break;
		case 'L':
			qc->like = 1;
			break;
		case 'j':
			qc->json = 1;
			break;
		case 'v':
			qc->long_form = 1;
			break;
		case 'l': {
			double v = positive(optarg);
			if (v < 1 || v > QUERY_CLI_MAX_LIMIT || v != (double)(long)v) {
				cli_error("query: --limit takes a whole number from 1 to %d", QUERY_CLI_MAX_LIMIT);
				return 0;
			}
			qc->o.limit = (size_t)v;
			break;
		}
		default:
			cli_usage(stderr, &cmd_query_entry);
			return 0;
		}
	}
	return 1;
}

/* Check the combination of options and NAME; message and 0 if it makes no sense. */
static int check_combination(const struct query_cli *qc, const char *name)
{
	int n_modes = !!qc->near + !!qc->prefix + (name[0] != 0);

	if (n_modes != 1) {
		cli_error(n_modes ? "query: give one of NAME, --near or --prefix"
				  : "query: give a NAME, --near LAT,LON or --prefix TEXT");
		cli_usage(stderr, &cmd_query_entry);
		return 0;
	}
	if (qc->have_radius && !qc->near) {
		cli_error("query: --radius goes with --near");
		return 0;
	}
	if (qc->in && qc->prefix) {
		cli_error("query: --in goes with a NAME or --near");
		return 0;
	}
	if (qc->like && (!name[0] || qc->in)) {
		cli_error("query: --like goes with a NAME alone");
		return 0;
	}
	return 1;
}

/*
 * A database read error (db.h) wins over whatever answer was built on the
 * failed lookups: D takes its message.  Non-zero when there was one.
 */
static int db_failed(struct db *db, struct diag *d)
{
	struct diag dd;

	diag_clear(&dd);
	if (db_status(db, &dd) == PC_OK)
		return 0;
	*d = dd;
	return 1;
}

static int query_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct query_cli qc;
	struct query_answer ans;
	struct query_render_opts ro = { .color = ctx->color };
	struct query_region *regs = NULL;
	size_t n_regs = 0;
	struct arena a;
	struct diag d;
	struct buf out;
	enum pc_rc rc;
	const char *name;
	int status = CLI_EXIT_ERROR;

	if (!parse_args(&qc, argc, argv))
		return CLI_EXIT_ERROR;
	ro.long_form = qc.long_form;
	ro.width = cli_term_width(STDOUT_FILENO);
	arena_init(&a, 0);
	buf_init(&out, 0);
	diag_clear(&d);
	name = join_words(&a, argc, argv, optind);
	if (!check_combination(&qc, name))
		goto done;
	if (qc.in) {
		rc = query_region_parse(ctx->db, qc.in, &a, &regs, &n_regs, &d);
		if (rc != PC_OK || db_failed(ctx->db, &d)) {
			cli_error_diag(&d);
			goto done;
		}
		if (!n_regs) {
			cli_error("query: no country or region called '%s' (try a name, \"N.C.\", \"AU\" or \"US.VA\")",
				  qc.in);
			goto done;
		}
	}
	if (qc.near) {
		double lat, lon;
		struct query_answer all;
		struct query_opts every = { .limit = (size_t)-1 / 2 };
		size_t limit = qc.o.limit ? qc.o.limit : QUERY_DEFAULT_LIMIT;

		/* --near takes a point, or a place by name ("Charlottesville",
		 * "Paris, Texas"). */
		int by_name = query_parse_latlon(qc.near, &lat, &lon, &d) != PC_OK && has_letter(qc.near);
		const struct query_opts *qo = n_regs ? &every : &qc.o;
		struct query_answer *first = n_regs ? &all : &ans;

		if (by_name) {
			diag_clear(&d);
			rc = query_near_place(ctx->db, qc.near, qc.radius_km, qo, &a, first, &d);
		} else {
			rc = d.rc == PC_OK ? query_near(ctx->db, lat, lon, qc.radius_km, qo, &a, first, &d) : d.rc;
		}
		/* --in over --near: every place within the radius, then narrowed. */
		if (rc == PC_OK && n_regs) {
			if (all.found)
				rc = query_narrow(ctx->db, &all, regs, n_regs, &qc.o, &a, &ans, &d);
			else
				ans = all;
			if (rc == PC_OK && ans.n_places > limit)
				ans.n_places = limit;
		}
	} else if (qc.prefix) {
		rc = query_prefix(ctx->db, qc.prefix, QUERY_KINDS_ALL, &qc.o, &a, &ans, &d);
	} else if (qc.like) {
		rc = query_like(ctx->db, name, &qc.o, &a, &ans, &d);
	} else if (n_regs) {
		rc = query_in(ctx->db, name, regs, n_regs, &qc.o, &a, &ans, &d);
	} else {
		rc = query_ask(ctx->db, name, &qc.o, &a, &ans, &d);
	}
	if (db_failed(ctx->db, &d) || rc != PC_OK) {
		cli_error_diag(&d);
		goto done;
	}
	rc = qc.json ? query_render_json(&out, &ans) : query_render_text(&out, &ans, &ro);
	if (rc != PC_OK) {
		cli_error("query: cannot format the answer: %s", pc_rc_str(rc));
		goto done;
	}
	fwrite(buf_str(&out), 1, out.len, stdout);
	if (fflush(stdout) != 0) {
		cli_error("query: cannot write the answer");
		goto done;
	}
	status = ans.found ? CLI_EXIT_OK : CLI_EXIT_FINDINGS;
done:
	buf_free(&out);
	arena_free(&a);
	return status;
}

const struct cmd_entry cmd_query_entry = {
	.name = "query",
	.alias = "q",
	.usage = "[--json] [--long] [--limit N] NAME | \"NAME, REGION\" | NAME --in REGION |"
		 " --like NAME | --near LAT,LON|PLACE [--radius KM] [--in REGION] | --prefix TEXT",
	.summary = "Look places up: namesakes, look-alikes, is there an X in Y, what is near.",
	.help = "options:\n"
		"      --in REGION      is there such a place in REGION?  A country or state by\n"
		"                       name, code or abbreviation: Va., N.C., Nova Scotia, AU, US.VA;\n"
		"                       or an English county: Merseyside (its towns, not England's)\n"
		"      --like           list only the look-alikes of NAME\n"
		"      --near LAT,LON   populated places near a point (decimal degrees)\n"
		"      --near PLACE     ... or near a place: Charlottesville, \"Paris, Texas\"\n"
		"      --radius KM      with --near: how far to look (default 25)\n"
		"      --prefix TEXT    names that start with TEXT (completion)\n"
		"      --json           one JSON document instead of text\n"
		"  -v, --long           also coordinates and GeoNames ids\n"
		"      --limit N        list at most N places (default 25)\n"
		"      --db PATH        the gazetteer database\n"
		"A name that is no place gets \"Did you mean\" and the names a typo or two away.\n"
		"Text is wrapped to the terminal's width (80 columns off a terminal).\n"
		"Exit status: 0 something was found, 1 nothing was, 2 error.\n",
	.opts = query_opts,
	.min_args = 0,
	.max_args = -1,
	.flags = CMD_NEEDS_DB,
	.exec = query_exec,
};
