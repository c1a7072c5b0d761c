/* diag.c: result codes and first-error-wins error details. */
#include "base/diag.h"

#include "base/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *pc_rc_str(enum pc_rc rc)
{
	static const char *const names[] = {
		[PC_OK] = "ok",
		[PC_ERR_USAGE] = "usage error",
		[PC_ERR_IO] = "I/O error",
		[PC_ERR_PARSE] = "parse error",
		[PC_ERR_DB] = "database error",
		[PC_ERR_LIMIT] = "limit exceeded",
		[PC_ERR_CORRUPT] = "internal inconsistency",
	};
	if ((unsigned)rc < sizeof names / sizeof names[0] && names[rc])
		return names[rc];
	return "unknown error";
}

void diag_clear(struct diag *d)
{
	memset(d, 0, sizeof *d);
}

enum pc_rc diag_set(struct diag *d, enum pc_rc rc, const char *file,
		    unsigned long line, unsigned long column, const char *fmt, ...)
{
	va_list ap;

	if (!d || d->rc != PC_OK)
		return rc;
	d->rc = rc;
	snprintf(d->file, sizeof d->file, "%s", file ? file : "");
	d->line = line;
	d->column = column;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
	return rc;
}

char *diag_format(const struct diag *d, char *buf, size_t size)
{
	struct buf b;
	const char *msg = d->msg[0] ? d->msg : pc_rc_str(d->rc);

	if (size == 0)
		return buf;
	/* The file name and the message may hold what a file put there:
	 * escaped for the terminal, as every printer does (utf8_escape). */
	buf_init(&b, 0);
	if (d->file[0]) {
		utf8_escape(d->file, strlen(d->file), &b);
		if (d->line && d->column)
			buf_printf(&b, ":%lu:%lu: ", d->line, d->column);
		else if (d->line)
			buf_printf(&b, ":%lu: ", d->line);
		else
			buf_puts(&b, ": ");
	}
	utf8_escape(msg, strlen(msg), &b);
	snprintf(buf, size, "%s", b.data ? b.data : "");
	buf_free(&b);
	return buf;
}
