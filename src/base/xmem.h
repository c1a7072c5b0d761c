/*
 * xmem.h: allocation that never returns NULL.
 *
 * Out of memory is not an error placecheck can recover from in a useful way,
 * so, as tmux, Redis and jq do, these print one line to stderr and abort
 * instead of threading NOMEM through every caller.  This is the one place
 * below src/cli/ allowed to write to stderr, and only just before abort().
 *
 * Ownership: the caller owns every pointer returned and frees it with free().
 */
#ifndef PC_BASE_XMEM_H
#define PC_BASE_XMEM_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
/* Like realloc(3); the old pointer is invalid afterwards. */
void *xrealloc(void *p, size_t size);
/* Array realloc with overflow check: N elements of SIZE bytes. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
