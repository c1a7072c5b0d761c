/*
 * cmd_config.c: `placecheck config [--config PATH] [FILE]` - print the
 * effective configuration and the file it came from; with FILE, the
 * settings that apply to that file after its [glob] sections.
 */
#include "cli/cli.h"

#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "config/config.h"

#include <stdlib.h>
#include <string.h>

static const struct option config_opts[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "no-config", no_argument, NULL, 'n' },
	{ NULL, 0, NULL, 0 },
};

static int config_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *explicit_path = NULL;
	int c, no_config = 0, rc = CLI_EXIT_ERROR;
	struct config cfg;
	struct buf path, out;
	struct diag d;
	const char *db_path;

	while ((c = getopt_long(argc, argv, "", config_opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			explicit_path = optarg;
			break;
		case 'n':
			no_config = 1;
			break;
		default:
			cli_usage(stderr, &cmd_config_entry);
			return CLI_EXIT_ERROR;
		}
	}
	config_init(&cfg);
	buf_init(&path, 0);
	buf_init(&out, 0);
	if (!no_config)
		cfg.origin = config_locate(explicit_path, &path);
	else
		cfg.origin = "none (--no-config)";
	if (path.len) {
		diag_clear(&d);
		if (config_load(&cfg, buf_str(&path), &d) != PC_OK) {
			cli_error_diag(&d);
			goto done;
		}
	}
	db_path = ctx->db_path;
	if (!ctx->db_path_opt && !getenv("PLACECHECK_DB") && cfg.top.db)
		db_path = cfg.top.db;
	/* Names from outside are escaped for the terminal (utf8_escape). */
	if (path.len) {
		buf_puts(&out, "; configuration: ");
		utf8_escape(buf_str(&path), path.len, &out);
		buf_printf(&out, " (%s)\n", cfg.origin);
	} else {
		buf_printf(&out, "; configuration: built-in defaults (%s)\n", cfg.origin);
	}
	buf_puts(&out, "; database: ");
	utf8_escape(db_path ? db_path : "(none)", strlen(db_path ? db_path : "(none)"), &out);
	buf_putc(&out, '\n');
	if (optind < argc) {
		struct arena a;
		struct config_settings fs;
		arena_init(&a, 0);
		config_for_file(&cfg, argv[optind], &a, &fs);
		buf_puts(&out, "; settings for ");
		utf8_escape(argv[optind], strlen(argv[optind]), &out);
		buf_putc(&out, '\n');
		config_dump_settings(&fs, 1, &out);
		arena_free(&a);
	} else {
		config_dump(&cfg, &out);
	}
	fwrite(out.data, 1, out.len, stdout);
	rc = fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_ERROR;
done:
	buf_free(&path);
	buf_free(&out);
	config_free(&cfg);
	return rc;
}

const struct cmd_entry cmd_config_entry = {
	.name = "config",
	.usage = "[--config PATH] [--no-config] [FILE]",
	.summary = "Print the effective configuration and the file it came from.",
	/* placecheck.1 repeats this list: keep both in step. */
	.help = "options:\n"
		"      --config PATH       use this .placecheck.ini (else $PLACECHECK_CONFIG,\n"
		"                          else the nearest one from the current directory up)\n"
		"      --no-config         use no configuration file\n"
		"FILE: print the settings that apply to FILE after its [glob] sections.\n",
	.opts = config_opts,
	.min_args = 0,
	.max_args = 1,
	.flags = 0,
	.exec = config_exec,
};
