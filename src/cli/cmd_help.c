/*
 * cmd_help.c: `placecheck help [COMMAND | rules | RULE | formats]`.
 *
 * The rule list is read from detect_rules[] (detect/detect.h) and the
 * format list from report_formats[] (report/report.h), so that it names
 * whatever rules and formats this build has.
 */
#include "cli/cli.h"

#include "report/report.h"

#include <string.h>
#include <unistd.h>

/* Indent of a rule's text under its id. */
#define HELP_INDENT 4

/*
 * TEXT on FP, words wrapped at WIDTH columns, every line starting with
 * INDENT blanks, the first with FIRST (which takes the indent's place when
 * not NULL: "flagged:  ").  Bytes of UTF-8 continuation count no column.
 */
static void put_wrapped(FILE *fp, unsigned width, int indent, const char *first, const char *text)
{
	const char *p = text;
	unsigned col;

	if (first) {
		fputs(first, fp);
		col = (unsigned)strlen(first);
	} else {
		fprintf(fp, "%*s", indent, "");
		col = (unsigned)indent;
	}
	while (*p) {
		const char *w = p, *q;
		unsigned cols = 0;
		while (*w == ' ')
			w++;
		if (!*w)
			break;
		for (q = w; *q && *q != ' '; q++)
			if (((unsigned char)*q & 0xc0) != 0x80)
				cols++;
		if (col > (unsigned)indent && col + 1 + cols > width) {
			fprintf(fp, "\n%*s", indent, "");
			col = (unsigned)indent;
		} else if (w != text && col > (unsigned)indent) {
			fputc(' ', fp);
			col++;
		}
		fwrite(w, 1, (size_t)(q - w), fp);
		col += cols;
		p = q;
	}
	fputc('\n', fp);
}

static void put_rule(FILE *fp, unsigned width, const struct detect_rule_info *r)
{
	char desc[400];
	size_t n = strlen(r->short_desc);

	/* The table's one-liners have no full stop (SARIF shows them as titles). */
	snprintf(desc, sizeof desc, "%s%s", r->short_desc, n && r->short_desc[n - 1] != '.' ? "." : "");
	fprintf(fp, "%s (%s)\n", r->id, detect_sev_str(r->default_sev));
	put_wrapped(fp, width, HELP_INDENT, NULL, desc);
	put_wrapped(fp, width, HELP_INDENT, NULL, r->help);
	if (r->example && r->example[0])
		put_wrapped(fp, width, HELP_INDENT + 10, "    flagged:  ", r->example);
	if (r->example_fixed && r->example_fixed[0])
		put_wrapped(fp, width, HELP_INDENT + 10, "    fixed:    ", r->example_fixed);
}

static void list_rules(FILE *fp, unsigned width)
{
	size_t i;

	fputs("Rules, with the severity each has unless .placecheck.ini says otherwise\n"
	      "(RULE = error | warning | suggestion | off):\n", fp);
	for (i = 0; i < detect_n_rules; i++) {
		fputc('\n', fp);
		put_rule(fp, width, &detect_rules[i]);
	}
}

static void list_formats(FILE *fp)
{
	size_t i;

	fputs("Output formats (placecheck check --format FMT):\n", fp);
	for (i = 0; i < report_n_formats; i++)
		fprintf(fp, "  %-8s %s\n", report_formats[i].name, report_formats[i].summary);
}

static int help_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry *e;
	unsigned width = cli_term_width(STDOUT_FILENO);
	size_t i;

	(void)ctx;
	if (argc < 2) {
		cli_list(stdout);
		return CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "rules") == 0) {
		list_rules(stdout, width);
		return CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "formats") == 0) {
		list_formats(stdout);
		return CLI_EXIT_OK;
	}
	for (i = 0; i < detect_n_rules; i++) {
		if (strcmp(argv[1], detect_rules[i].id) == 0) {
			put_rule(stdout, width, &detect_rules[i]);
			return CLI_EXIT_OK;
		}
	}
	if (!(e = cli_find(argv[1], 1))) {
		cli_error("help: no command, rule or topic '%s' (try 'placecheck help', 'help rules', 'help formats')",
			  argv[1]);
		return CLI_EXIT_ERROR;
	}
	cli_help(stdout, e);
	return CLI_EXIT_OK;
}

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.usage = "[COMMAND | rules | RULE | formats]",
	.summary = "Show the commands, the options of one, the rules or the output formats.",
	.help = "  help COMMAND     the options of COMMAND (same as COMMAND --help)\n"
		"  help rules       every rule: severity, what it catches, an example and its fix\n"
		"  help RULE        one rule (help lookalike-context)\n"
		"  help formats     the output formats of check --format\n",
	.min_args = 0,
	.max_args = 1,
	.exec = help_exec,
};
