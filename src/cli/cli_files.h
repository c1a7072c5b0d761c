/*
 * cli_files.h: turn the PATH arguments of `check` into the list of files to
 * check, in the order they are given and walked.
 *
 * A file named on the command line is always checked, whatever its name; "-"
 * is standard input.  A directory is walked: files whose name matches one
 * of the globs (default *.md *.markdown *.html *.htm *.txt, matched without
 * regard to case; a glob without '/' matches the base name, one with '/'
 * the path below the directory, where '*' also crosses '/').  Inside a git
 * work tree the walk is `git ls-files -co --exclude-standard`, so .git and
 * whatever .gitignore ignores are skipped; elsewhere (or when git is
 * missing) a plain walk skips .git folders and symbolic links to folders.
 * Entries of each directory come in byte order, so the order is stable.
 *
 * Ownership: struct cli_files owns its strings; cli_files_free() releases
 * them.  Prints nothing: errors go into the diag.
 */
#ifndef PC_CLI_CLI_FILES_H
#define PC_CLI_CLI_FILES_H

#include "base/diag.h"

#include <stddef.h>

struct cli_files {
	char **paths;   /* heap strings, "-" for stdin */
	size_t n, cap;
	/* Folders that could not be read (or nested too deep), skipped: the
	 * walk goes on without them, and the caller reports each one. */
	struct diag *problems; /* heap */
	size_t n_problems;
};

/* The default globs, NULL-terminated. */
extern const char *const cli_files_default_globs[];

/*
 * Append the files named by ARGS[0..N_ARGS) to OUT (zero it first).  GLOBS
 * (NULL-terminated; NULL for the defaults) pick the files inside folders.
 * A path that does not exist is kept as is, so that reading it reports the
 * error in its place in the output.  A folder below one named in ARGS
 * that cannot be read (also one git could not open) or lies over 256
 * deep is skipped and recorded in OUT->problems; the rest is walked.
 * Returns PC_OK, or PC_ERR_IO (a folder named in ARGS cannot be read) /
 * PC_ERR_USAGE (a folder named in ARGS holds no file the globs pick) with
 * D saying where.
 */
enum pc_rc cli_files_collect(char *const *args, size_t n_args, const char *const *globs,
			     struct cli_files *out, struct diag *d);
void cli_files_free(struct cli_files *f);

/* Does the path REL (below a walked folder) match one of GLOBS? */
int cli_files_match(const char *const *globs, const char *rel);

#endif
