#include "cli/cli.h"
static int lsp_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	return 2;
}
const struct cmd_entry cmd_lsp_entry = {
	.name = "lsp", .usage = "", .summary = "Language server over standard input and output.",
	.help = "", .min_args = 0, .max_args = 0, .flags = 0, .exec = lsp_exec,
};
