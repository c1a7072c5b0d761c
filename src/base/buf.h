/*
 * buf.h: growable byte buffer with a ceiling (curl's dynbuf).
 *
 * Every growable buffer in placecheck has a maximum size; going past it
 * returns PC_ERR_LIMIT instead of eating memory on hostile input.
 *
 * Ownership: the buffer owns its heap block; buf_free() releases it.
 * buf_detach() hands the block to the caller (free() it).
 * The content is always NUL-terminated (the NUL is not counted in len).
 */
#ifndef PC_BASE_BUF_H
#define PC_BASE_BUF_H

#include "base/diag.h"

#include <stddef.h>

struct buf {
	char *data;   /* NULL until the first append */
	size_t len;
	size_t cap;
	size_t max;   /* ceiling on len; 0 = no ceiling */
};

/* Initialise B with ceiling MAX bytes (0 = unlimited). */
void buf_init(struct buf *b, size_t max);
void buf_free(struct buf *b);
/* Empty B, keeping its storage. */
void buf_reset(struct buf *b);
/*
 * Make room for EXTRA more bytes in one allocation (a large buffer whose
 * final size is known then grows without copying); PC_ERR_LIMIT past the
 * ceiling.
 */
enum pc_rc buf_reserve(struct buf *b, size_t extra);
/* Append; PC_ERR_LIMIT (B unchanged) if the ceiling would be passed. */
enum pc_rc buf_append(struct buf *b, const void *p, size_t len);
enum pc_rc buf_putc(struct buf *b, char c);
enum pc_rc buf_puts(struct buf *b, const char *s);
enum pc_rc buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Content as a C string ("" if empty; never NULL). */
const char *buf_str(const struct buf *b);
/* Take the block; B is left empty.  Caller frees.  Never NULL. */
char *buf_detach(struct buf *b);

#endif
