/*
 * cli_files.c: walk the PATH arguments of `check` (cli_files.h).
 */
#include "cli/cli_files.h"

#include "base/buf.h"
#include "base/xmem.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define FILES_MAX_DEPTH 256
/* Ceiling on `git ls-files` output: millions of paths. */
#define FILES_MAX_LIST (512u * 1024 * 1024)

const char *const cli_files_default_globs[] = {
	"*.md", "*.markdown", "*.html", "*.htm", "*.txt", NULL,
};

static void push(struct cli_files *f, char *path)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->paths = xreallocarray(f->paths, f->cap, sizeof *f->paths);
	}
	f->paths[f->n++] = path;
}

static char *join(const char *dir, const char *rel);

void cli_files_free(struct cli_files *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->paths[i]);
	free(f->paths);
	free(f->problems);
	memset(f, 0, sizeof *f);
}

/* Record a folder skipped: PATH and why. */
static void problem(struct cli_files *f, enum pc_rc rc, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void problem(struct cli_files *f, enum pc_rc rc, const char *path, const char *fmt, ...)
{
	struct diag *d;
	va_list ap;

	f->problems = xreallocarray(f->problems, f->n_problems + 1, sizeof *f->problems);
	d = &f->problems[f->n_problems++];
	diag_clear(d);
	d->rc = rc;
	snprintf(d->file, sizeof d->file, "%s", path);
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
}

/*
 * The folders git said it could not open ("warning: could not open
 * directory 'x/': Permission denied"), from its stderr in ERR, recorded
 * as problems (paths joined to DIR).  git goes on without them and exits
 * 0, so they would be missed without a word.
 */
static void git_problems(const char *dir, FILE *err, struct cli_files *f)
{
	static const char pre[] = "warning: could not open directory '";
	char line[4096];

	rewind(err);
	while (fgets(line, sizeof line, err)) {
		char *q, *why, *path;
		size_t n;
		if (strncmp(line, pre, sizeof pre - 1) != 0)
			continue;
		q = strstr(line + sizeof pre - 1, "': ");
		if (!q)
			continue;
		*q = '\0';
		why = q + 3;
		why[strcspn(why, "\n")] = '\0';
		path = join(dir, line + sizeof pre - 1);
		n = strlen(path);
		if (n > 1 && path[n - 1] == '/')
			path[n - 1] = '\0';
		problem(f, PC_ERR_IO, path, "cannot open folder: %s; skipped", why);
		free(path);
	}
}

int cli_files_match(const char *const *globs, const char *rel)
{
	const char *base = strrchr(rel, '/');

	base = base ? base + 1 : rel;
	for (; *globs; globs++) {
		const char *subject = strchr(*globs, '/') ? rel : base;
		if (fnmatch(*globs, subject, FNM_CASEFOLD) == 0)
			return 1;
	}
	return 0;
}

/* DIR joined with REL; "." and "./" add no prefix, so paths stay short. */
static char *join(const char *dir, const char *rel)
{
	size_t n = strlen(dir);
	char *p;

	if (strcmp(dir, ".") == 0 || strcmp(dir, "./") == 0)
		return xstrdup(rel);
	p = xmalloc(n + strlen(rel) + 2);
	memcpy(p, dir, n);
	if (n && dir[n - 1] != '/')
		p[n++] = '/';
	strcpy(p + n, rel);
	return p;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/*
 * Run `git -C DIR ls-files -co --exclude-standard -z` and collect its output
 * in OUT.  Returns 1 when git ran and succeeded (DIR is in a work tree), 0
 * otherwise (no git, not a work tree: the caller walks instead).
 *
 * The folder being checked is not trusted: its .git/config could name a
 * command for git to run (core.fsmonitor runs one on every index read, so
 * `check DIR` ran it).  Command-line settings beat every config file, so
 * git gets the ones that run nothing: no fsmonitor, no hooks, no
 * untracked cache to maintain; the system config is skipped, no prompt,
 * no optional locks (git writes nothing).  git's own safe.directory check
 * stays: a repository owned by someone else is walked without git.
 */
static int git_list(const char *dir, struct buf *out, struct cli_files *files)
{
	char *argv[] = { "git", "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null",
			 "-c", "core.untrackedCache=false", "-C", (char *)dir, "ls-files", "-co",
			 "--exclude-standard", "-z", NULL };
	static const char *const set_env[] = {
		"GIT_CONFIG_NOSYSTEM=1", "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", NULL,
	};
	posix_spawn_file_actions_t fa;
	int pipefd[2], status, ok = 0, too_big = 0;
	pid_t pid;
	char tmp[65536];
	ssize_t n;
	char **env;
	size_t n_env = 0, i, j;
	FILE *errf = tmpfile(); /* git's warnings: folders it could not open */

	/* The settings above first (the first of a name wins), then ours. */
	while (environ[n_env])
		n_env++;
	env = xcalloc(n_env + sizeof set_env / sizeof set_env[0], sizeof *env);
	for (i = j = 0; set_env[i]; i++)
		env[j++] = (char *)set_env[i];
	for (i = 0; i < n_env; i++)
		env[j++] = environ[i];
	if (pipe(pipefd) != 0) {
		free(env);
		if (errf)
			fclose(errf);
		return 0;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addclose(&fa, pipefd[0]);
	posix_spawn_file_actions_adddup2(&fa, pipefd[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&fa, pipefd[1]);
	if (errf)
		posix_spawn_file_actions_adddup2(&fa, fileno(errf), STDERR_FILENO);
	else
		posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	if (posix_spawnp(&pid, "git", &fa, NULL, argv, env) != 0) {
		posix_spawn_file_actions_destroy(&fa);
		close(pipefd[0]);
		close(pipefd[1]);
		free(env);
		if (errf)
			fclose(errf);
		return 0;
	}
	posix_spawn_file_actions_destroy(&fa);
	free(env);
	close(pipefd[1]);
	for (;;) {
		n = read(pipefd[0], tmp, sizeof tmp);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (!too_big && buf_append(out, tmp, (size_t)n) != PC_OK)
			too_big = 1; /* keep draining so git can exit */
	}
	close(pipefd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			if (errf)
				fclose(errf);
			return 0;
		}
	ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && !too_big && n == 0;
	if (ok && errf)
		git_problems(dir, errf, files);
	if (errf)
		fclose(errf);
	return ok;
}

/* Collect DIR's files through git; 0 if DIR is not in a work tree. */
static int collect_git(const char *dir, const char *const *globs, struct cli_files *out)
{
	struct buf list;
	char **rel = NULL;
	size_t n_rel = 0, cap = 0, i, p;
	struct stat st;

	buf_init(&list, FILES_MAX_LIST);
	if (!git_list(dir, &list, out)) {
		buf_free(&list);
		return 0;
	}
	for (p = 0; p < list.len;) {
		const char *s = list.data + p;
		size_t n = strnlen(s, list.len - p);
		if (n && cli_files_match(globs, s)) {
			if (n_rel == cap) {
				cap = cap ? cap * 2 : 64;
				rel = xreallocarray(rel, cap, sizeof *rel);
			}
			rel[n_rel++] = xstrndup(s, n);
		}
		p += n + 1;
	}
	buf_free(&list);
	if (n_rel > 1) /* none matched: no array at all */
		qsort(rel, n_rel, sizeof *rel, cmp_str);
	for (i = 0; i < n_rel; i++) {
		char *path;
		/* -c lists deleted tracked files, and unmerged paths repeat. */
		if (i && strcmp(rel[i], rel[i - 1]) == 0)
			continue;
		path = join(dir, rel[i]);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			push(out, path);
		else
			free(path);
	}
	for (i = 0; i < n_rel; i++)
		free(rel[i]);
	free(rel);
	return 1;
}

/* Plain walk of DIR (REL: its path below the argument, "" at the top). */
static enum pc_rc walk(const char *dir, const char *rel, int depth, const char *const *globs,
		       struct cli_files *out, struct diag *d)
{
	DIR *dp;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	enum pc_rc rc = PC_OK;

	if (depth > FILES_MAX_DEPTH) {
		problem(out, PC_ERR_LIMIT, dir, "folders nested more than %d deep; skipped",
			FILES_MAX_DEPTH);
		return PC_OK;
	}
	if (!(dp = opendir(dir))) {
		/* One folder we cannot read does not stop the walk: reported, skipped. */
		problem(out, PC_ERR_IO, dir, "cannot open folder: %s; skipped", strerror(errno));
		return PC_OK;
	}
	while ((de = readdir(dp))) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0 ||
		    strcmp(de->d_name, ".git") == 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = xreallocarray(names, cap, sizeof *names);
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (n > 1) /* an empty folder has no array at all */
		qsort(names, n, sizeof *names, cmp_str);
	for (i = 0; i < n; i++) {
		char *path = join(dir, names[i]);
		char *sub = rel[0] ? join(rel, names[i]) : xstrdup(names[i]);
		struct stat st;
		if (rc == PC_OK && lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				rc = walk(path, sub, depth + 1, globs, out, d);
			} else if ((S_ISREG(st.st_mode) || (S_ISLNK(st.st_mode) && stat(path, &st) == 0 &&
							      S_ISREG(st.st_mode))) &&
				   cli_files_match(globs, sub)) {
				push(out, path);
				path = NULL;
			}
		}
		free(path);
		free(sub);
		free(names[i]);
	}
	free(names);
	return rc;
}

/* A folder named on the command line held no file to check: say so. */
static enum pc_rc no_file(const char *dir, const char *const *globs, int default_globs,
			  struct diag *d)
{
	char list[200];
	size_t n = 0;

	list[0] = '\0';
	for (; *globs && n < sizeof list; globs++)
		n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "", *globs);
	if (default_globs)
		return diag_set(d, PC_ERR_USAGE, dir, 0, 0,
				"no file to check in this folder (looked for %s; --glob picks others)", list);
	return diag_set(d, PC_ERR_USAGE, dir, 0, 0, "no file in this folder matches --glob %s", list);
}

enum pc_rc cli_files_collect(char *const *args, size_t n_args, const char *const *globs,
			     struct cli_files *out, struct diag *d)
{
	size_t i;
	enum pc_rc rc = PC_OK;
	int default_globs = !globs;

	if (!globs)
		globs = cli_files_default_globs;
	for (i = 0; i < n_args && rc == PC_OK; i++) {
		struct stat st;
		if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			size_t before = out->n, problems_before = out->n_problems;
			if (!collect_git(args[i], globs, out))
				rc = walk(args[i], "", 0, globs, out, d);
			/* (A folder skipped is reported already: no second message.) */
			if (rc == PC_OK && out->n == before && out->n_problems == problems_before)
				rc = no_file(args[i], globs, default_globs, d);
			continue;
		}
		push(out, xstrdup(args[i]));
	}
	return rc;
}
