/*
 * shell_int.h: pieces of `placecheck shell` shared by cmd_shell.c and
 * shell_edit.c only.
 *
 * shell_edit wraps libedit: line editing, history kept in a file across
 * sessions, and tab completion through a callback that cmd_shell.c
 * provides (it knows what the words of a line mean; the editor does not).
 *
 * Ownership: struct shell_edit owns its EditLine, History and the history
 * path; shell_edit_close() saves the history and frees them.  Lines
 * returned by shell_edit_line() belong to the editor and stay valid until
 * the next call.
 */
#ifndef PC_CLI_SHELL_INT_H
#define PC_CLI_SHELL_INT_H

#include <stddef.h>

struct shell_edit;

/*
 * Completion callback: LINE is the text left of the cursor.  Sets *START
 * to the byte offset where the word being completed begins, and fills
 * CANDS (up to MAX, each a heap string the editor frees).  Returns the
 * number of candidates.
 */
typedef size_t (*shell_complete_fn)(void *ud, const char *line, size_t *start /* OUT */,
				    char **cands /* OUT */, size_t max);

/*
 * Open an editor on the terminal.  HISTORY_PATH (may be NULL: no history)
 * is loaded now and saved after every line entered.  NULL if libedit
 * cannot start.
 */
struct shell_edit *shell_edit_open(const char *prog, const char *history_path,
				   shell_complete_fn complete, void *ud);
void shell_edit_close(struct shell_edit *ed);

/*
 * Read one line with PROMPT, without its newline.  ADD_HISTORY: enter it
 * into the history (non-empty lines only).  NULL at end of input (Ctrl-D);
 * "" when Ctrl-C cancelled the line (the shell goes on).
 */
const char *shell_edit_line(struct shell_edit *ed, const char *prompt, int add_history);

/*
 * The history file: $XDG_DATA_HOME/placecheck/history, or
 * ~/.local/share/placecheck/history; its directory is created.  Heap
 * string (free it), NULL if there is no home to keep it in.
 */
char *shell_history_path(void);

#endif
