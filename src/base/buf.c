/* buf.c: growable byte buffer with a ceiling (see buf.h). */
#include "base/buf.h"

#include "base/xmem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(struct buf *b, size_t max)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->max = max;
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static enum pc_rc reserve(struct buf *b, size_t extra)
{
	size_t need;

	if (extra > (size_t)-1 - b->len - 1)
		return PC_ERR_LIMIT;
	need = b->len + extra + 1;
	if (b->max && b->len + extra > b->max)
		return PC_ERR_LIMIT;
	if (need > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < need)
			cap = cap * 2 > cap ? cap * 2 : need;
		b->data = xrealloc(b->data, cap);
		b->cap = cap;
	}
	return PC_OK;
}

enum pc_rc buf_reserve(struct buf *b, size_t extra)
{
	return reserve(b, extra);
}

enum pc_rc buf_append(struct buf *b, const void *p, size_t len)
{
	enum pc_rc rc = reserve(b, len);

	if (rc != PC_OK)
		return rc;
	if (len)
		memcpy(b->data + b->len, p, len);
	b->len += len;
	b->data[b->len] = '\0';
	return PC_OK;
}

enum pc_rc buf_putc(struct buf *b, char c)
{
	return buf_append(b, &c, 1);
}

enum pc_rc buf_puts(struct buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

enum pc_rc buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	enum pc_rc rc;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return PC_ERR_USAGE;
	rc = reserve(b, (size_t)n);
	if (rc != PC_OK)
		return rc;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return PC_OK;
}

const char *buf_str(const struct buf *b)
{
	return b->data ? b->data : "";
}

char *buf_detach(struct buf *b)
{
	char *p = b->data ? b->data : xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}
