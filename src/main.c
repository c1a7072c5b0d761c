/*
 * main.c: global options (--db, --version, --help, --quiet), then
 * cli_dispatch().  Nothing else lives here.
 */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct cmd_ctx ctx = { 0 };
	int i = 1;
	const char *nc = getenv("NO_COLOR");

	ctx.argv0 = argv[0];
	ctx.color = isatty(STDOUT_FILENO) && !(nc && nc[0]);
	/* Global options come before the command name. */
	while (i < argc && argv[i][0] == '-') {
		const char *a = argv[i];
		if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
			printf("placecheck %s\n", PLACECHECK_VERSION);
			return CLI_EXIT_OK;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			cli_list(stdout);
			return CLI_EXIT_OK;
		} else if (strcmp(a, "--db") == 0 && i + 1 < argc) {
			ctx.db_path_opt = argv[++i];
		} else if (strncmp(a, "--db=", 5) == 0) {
			ctx.db_path_opt = a + 5;
		} else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
			ctx.quiet = 1;
		} else if (strcmp(a, "--no-color") == 0) {
			ctx.color = 0;
		} else {
			cli_error("unknown global option: %s", a);
			cli_list(stderr);
			return CLI_EXIT_ERROR;
		}
		i++;
	}
	if (i >= argc) {
		cli_list(stderr);
		return CLI_EXIT_ERROR;
	}
	return cli_dispatch(&ctx, argc - i, argv + i);
}
