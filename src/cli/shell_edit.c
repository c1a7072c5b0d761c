/*
 * shell_edit.c: the terminal side of `placecheck shell` on libedit's own
 * API (histedit.h): prompt, emacs key bindings, history file, and a TAB
 * binding that asks cmd_shell.c for completions.
 */
#include "cli/shell_int.h"

#include "base/buf.h"
#include "base/utf8.h"
#include "base/xmem.h"

#include <errno.h>
#include <histedit.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define SHELL_HISTORY_SIZE 1000
#define SHELL_MAX_CANDS 64
/* Candidates listed below the line when TAB cannot settle on one. */
#define SHELL_LIST_CANDS 24

struct shell_edit {
	EditLine *el;
	History *hist;
	char *history_path;
	const char *prompt;
	shell_complete_fn complete;
	void *ud;
	char *line;          /* the last line read, without its newline */
	int cancelled;       /* Ctrl-C ended the line being read (cancel_fn) */
};

static char *prompt_fn(EditLine *el)
{
	struct shell_edit *ed = NULL;

	el_get(el, EL_CLIENTDATA, &ed);
	return (char *)(ed && ed->prompt ? ed->prompt : "");
}

/* Bytes that CANDS[0..N) all start with. */
static size_t common_prefix(char **cands, size_t n)
{
	size_t len = strlen(cands[0]), i, k;

	for (i = 1; i < n; i++) {
		for (k = 0; k < len && cands[i][k] == cands[0][k]; k++)
			;
		len = k;
	}
	/* Do not end inside a UTF-8 character. */
	while (len && ((unsigned char)cands[0][len] & 0xc0) == 0x80)
		len--;
	return len;
}

/* Replace the LEN bytes TYPED left of the cursor with S[0..SLEN). */
static void replace_word(EditLine *el, const char *typed, size_t len, const char *s, size_t slen)
{
	char *ins = xstrndup(s, slen);

	/* el_deletestr counts characters, not bytes. */
	if (len)
		el_deletestr(el, (int)utf8_count(typed, len));
	el_insertstr(el, ins);
	free(ins);
}

static unsigned char complete_fn(EditLine *el, int ch)
{
	struct shell_edit *ed = NULL;
	const LineInfo *li = el_line(el);
	char *cands[SHELL_MAX_CANDS];
	char *line;
	size_t n, i, start = 0, typed_len, lcp;
	unsigned char rc = CC_REFRESH;

	(void)ch;
	el_get(el, EL_CLIENTDATA, &ed);
	if (!ed || !li)
		return CC_ERROR;
	line = xstrndup(li->buffer, (size_t)(li->cursor - li->buffer));
	n = ed->complete(ed->ud, line, &start, cands, SHELL_MAX_CANDS);
	if (start > strlen(line))
		start = strlen(line);
	typed_len = strlen(line) - start;
	if (n == 0) {
		rc = CC_ERROR; /* a beep */
		goto done;
	}
	if (n == 1) {
		replace_word(el, line + start, typed_len, cands[0], strlen(cands[0]));
		goto done;
	}
	lcp = common_prefix(cands, n);
	if (lcp > typed_len && strncasecmp(cands[0], line + start, typed_len) == 0) {
		replace_word(el, line + start, typed_len, cands[0], lcp);
		goto done;
	}
	/* Nothing more to add: show what there is to choose from. */
	fputc('\n', stdout);
	for (i = 0; i < n && i < SHELL_LIST_CANDS; i++)
		printf("%s%s", i ? "   " : "", cands[i]);
	if (n > SHELL_LIST_CANDS)
		printf("   ...");
	fputc('\n', stdout);
	fflush(stdout);
	rc = CC_REDISPLAY;
done:
	for (i = 0; i < n; i++)
		free(cands[i]);
	free(line);
	return rc;
}

/*
 * Ctrl-C while a line is typed: drop the line and give a fresh prompt, as
 * bash does, instead of ending the shell.  The terminal sends no signal
 * for its interrupt and suspend keys while the shell runs
 * (shell_edit_open turns ISIG off in libedit's edit and execute modes):
 * they come as keys, in order with the others.  So there is no signal
 * handler and no flag outside the editor, and no race with the moment
 * libedit switches the terminal between its modes (a Ctrl-C typed then
 * ended the shell).  A query runs in milliseconds, so nothing is lost by
 * not interrupting one.
 */
static unsigned char cancel_fn(EditLine *el, int ch)
{
	struct shell_edit *ed = NULL;

	(void)ch;
	el_get(el, EL_CLIENTDATA, &ed);
	if (ed)
		ed->cancelled = 1;
	fputs("^C\n", stdout);
	fflush(stdout);
	return CC_NEWLINE;
}

/* Ctrl-Z, a key too (above): suspend as the terminal would have.  libedit's
 * own handlers (EL_SIGNAL) restore the terminal and, on SIGCONT, the line. */
static unsigned char suspend_fn(EditLine *el, int ch)
{
	(void)el;
	(void)ch;
	raise(SIGTSTP);
	return CC_REDISPLAY;
}

/* mkdir -p for the directories of PATH (not PATH itself). */
static int make_parents(const char *path)
{
	char *p = xstrdup(path), *s;
	int ok = 1;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			ok = 0;
		*s = '/';
	}
	free(p);
	return ok;
}

char *shell_history_path(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	struct buf b;

	buf_init(&b, 0);
	/* The XDG spec: a relative XDG_DATA_HOME is ignored. */
	if (xdg && xdg[0] == '/')
		buf_printf(&b, "%s/placecheck/history", xdg);
	else if (home && home[0])
		buf_printf(&b, "%s/.local/share/placecheck/history", home);
	else {
		buf_free(&b);
		return NULL;
	}
	if (!make_parents(buf_str(&b))) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

struct shell_edit *shell_edit_open(const char *prog, const char *history_path,
				   shell_complete_fn complete, void *ud)
{
	struct shell_edit *ed = xcalloc(1, sizeof *ed);
	HistEvent ev;

	ed->complete = complete;
	ed->ud = ud;
	ed->el = el_init(prog, stdin, stdout, stderr);
	ed->hist = history_init();
	if (!ed->el || !ed->hist) {
		shell_edit_close(ed);
		return NULL;
	}
	history(ed->hist, &ev, H_SETSIZE, SHELL_HISTORY_SIZE);
	history(ed->hist, &ev, H_SETUNIQUE, 1);
	if (history_path) {
		ed->history_path = xstrdup(history_path);
		history(ed->hist, &ev, H_LOAD, ed->history_path); /* none yet is fine */
	}
	el_set(ed->el, EL_CLIENTDATA, ed);
	el_set(ed->el, EL_EDITOR, "emacs");
	el_set(ed->el, EL_SIGNAL, 1);
	el_set(ed->el, EL_PROMPT, prompt_fn);
	el_set(ed->el, EL_HIST, history, ed->hist);
	el_set(ed->el, EL_ADDFN, "pc-complete", "complete a place or region name", complete_fn);
	el_set(ed->el, EL_BIND, "^I", "pc-complete", NULL);
	el_set(ed->el, EL_ADDFN, "pc-cancel", "drop the line being typed", cancel_fn);
	el_set(ed->el, EL_BIND, "^C", "pc-cancel", NULL);
	el_set(ed->el, EL_ADDFN, "pc-suspend", "suspend the shell", suspend_fn);
	el_set(ed->el, EL_BIND, "^Z", "pc-suspend", NULL);
	{
		/*
		 * Interrupt and suspend come as keys (cancel_fn), in both of
		 * libedit's modes.  Between two lines (libedit's execute mode)
		 * the terminal does not gather lines either (no ICANON, no ECHO):
		 * keys typed or pasted ahead wait as they are for the editor,
		 * where the line discipline would echo them a second time and
		 * swallow a Ctrl-D as end of file (a paste ended with Ctrl-D then
		 * hung).  The shell reads nothing outside the editor; el_end()
		 * gives the terminal back as it found it.  Set now, before the
		 * first prompt is shown.
		 */
		const char *edit[] = { "setty", "-d", "-isig", NULL };
		const char *exec[] = { "setty", "-x", "-isig", "-icanon", "-echo", NULL };
		el_parse(ed->el, 3, edit);
		el_parse(ed->el, 5, exec);
		el_set(ed->el, EL_PREP_TERM, 1);
		el_set(ed->el, EL_PREP_TERM, 0);
	}
	el_source(ed->el, NULL); /* the user's ~/.editrc, if any */
	return ed;
}

void shell_edit_close(struct shell_edit *ed)
{
	HistEvent ev;

	if (!ed)
		return;
	if (ed->hist && ed->history_path)
		history(ed->hist, &ev, H_SAVE, ed->history_path);
	if (ed->el)
		el_end(ed->el);
	if (ed->hist)
		history_end(ed->hist);
	free(ed->history_path);
	free(ed->line);
	free(ed);
}

const char *shell_edit_line(struct shell_edit *ed, const char *prompt, int add_history)
{
	const char *raw;
	size_t len;
	int count = 0;
	HistEvent ev;

	ed->prompt = prompt;
	ed->cancelled = 0;
	raw = el_gets(ed->el, &count);
	if (raw && ed->cancelled) {
		free(ed->line);
		ed->line = xstrdup(""); /* Ctrl-C: the line is dropped */
		return ed->line;
	}
	if (!raw || count <= 0)
		return NULL;
	/* el_gets' buffer is libedit's: keep a copy without the newline. */
	len = strlen(raw);
	while (len && (raw[len - 1] == '\n' || raw[len - 1] == '\r'))
		len--;
	free(ed->line);
	ed->line = xstrndup(raw, len);
	if (add_history && ed->line[0]) {
		history(ed->hist, &ev, H_ENTER, ed->line);
		if (ed->history_path)
			history(ed->hist, &ev, H_SAVE, ed->history_path);
	}
	return ed->line;
}
