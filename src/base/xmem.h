/*
 * xmem.h: allocation that never returns NULL.
 *
 * Out of memory is not an error placecheck can recover from in a useful way,
 * so, as tmux, Redis and jq do, these end the process instead of threading
 * NOMEM through every caller.  They end it as any other runtime error
 * does for the user: one line on stderr, "placecheck: error: out of
 * memory ...", and exit status XMEM_EXIT_STATUS (2, the README's "usage,
 * input or database error"), not abort() (status 134 and a core dump).
 * With _exit(): other threads may be running, and atexit handlers or a
 * stdio flush from under them would do more harm than the output they
 * save.  The status is a constant and the message fixed: no hook to
 * register, no global state.  This is the one place below src/cli/
 * allowed to write to stderr or end the process, and only then.
 *
 * Ownership: the caller owns every pointer returned and frees it with free().
 */
#ifndef PC_BASE_XMEM_H
#define PC_BASE_XMEM_H

#include <stddef.h>

/* The exit status of running out of memory: cli.h's CLI_EXIT_ERROR. */
#define XMEM_EXIT_STATUS 2

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
/* Like realloc(3); the old pointer is invalid afterwards. */
void *xrealloc(void *p, size_t size);
/* Array realloc with overflow check: N elements of SIZE bytes. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/*
 * A hint that the SIZE bytes at P (a large block about to be filled) be
 * backed by transparent huge pages, where the kernel offers them only on
 * request.  Each first touch of a 4 KB page is a fault; on a virtual
 * machine that backs guest memory lazily a fault can cost 10-15 us, so a
 * 20 MB array filled page by page paid more in faults than in work.  A
 * hint only: nothing changes where the kernel says no.  Blocks under
 * 4 MB are left alone (they would rarely cover a whole huge page).
 */
void xmem_hint_huge(void *p, size_t size);

#endif
