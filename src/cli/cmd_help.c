/* cmd_help.c: `placecheck help [COMMAND]`. */
#include "cli/cli.h"

static int help_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry *e;

	(void)ctx;
	if (argc < 2) {
		cli_list(stdout);
		return CLI_EXIT_OK;
	}
	if (!(e = cli_find(argv[1], 0)))
		return CLI_EXIT_ERROR;
	cli_help(stdout, e);
	return CLI_EXIT_OK;
}

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.usage = "[COMMAND]",
	.summary = "Show the commands, or the options of one command.",
	.min_args = 0,
	.max_args = 1,
	.exec = help_exec,
};
