/*
 * arena.h: bump allocator for per-document memory.
 *
 * cmd_check makes one arena per article; read through report allocate from
 * it, and one arena_free() after the report releases everything.  No stage
 * frees arena memory individually (compare SQLite's Parse object).
 *
 * Ownership: the arena owns every block it hands out; pointers stay valid
 * until arena_reset() or arena_free().  An arena is not thread-safe: use one
 * per thread.
 */
#ifndef PC_BASE_ARENA_H
#define PC_BASE_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head; /* newest chunk first */
	size_t chunk_size;        /* default size of new chunks */
	size_t total;             /* bytes handed out, for limits and stats */
};

/* Initialise A; CHUNK_SIZE 0 picks a default (64 KiB). */
void arena_init(struct arena *a, size_t chunk_size);
/* Release every chunk; A can be reused after arena_init(). */
void arena_free(struct arena *a);
/* Release all but the first chunk and rewind it: cheap reuse per document. */
void arena_reset(struct arena *a);

/* SIZE bytes aligned for any type; aborts on OOM (never NULL). */
void *arena_alloc(struct arena *a, size_t size);
/* Zeroed N*SIZE bytes (overflow-checked). */
void *arena_calloc(struct arena *a, size_t n, size_t size);
/* Copy of S[0..LEN) plus a NUL. */
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_strdup(struct arena *a, const char *s);
/* printf into the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/*
 * Grow an array held in the arena: returns a block of NEW_N elements of SIZE
 * bytes holding the first OLD_N elements of P.  The old block is not freed
 * (arenas never free), so grow geometrically.
 */
void *arena_grow(struct arena *a, void *p, size_t old_n, size_t new_n, size_t size);

#endif
