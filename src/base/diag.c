/* diag.c: result codes and first-error-wins error details. */
#include "base/diag.h"

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
	size_t n = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (d->file[0]) {
		if (d->line && d->column)
			n = (size_t)snprintf(buf, size, "%s:%lu:%lu: ", d->file, d->line, d->column);
		else if (d->line)
			n = (size_t)snprintf(buf, size, "%s:%lu: ", d->file, d->line);
		else
			n = (size_t)snprintf(buf, size, "%s: ", d->file);
	}
	if (n < size)
		snprintf(buf + n, size - n, "%s", d->msg[0] ? d->msg : pc_rc_str(d->rc));
	return buf;
}
