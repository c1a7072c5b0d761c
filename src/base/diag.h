/*
 * diag.h: result codes and error details shared by every stage.
 *
 * Every fallible function returns an enum pc_rc and hands its results back
 * through out-parameters.  The details of a failure (file, line, column and a
 * message) go into a struct diag that the caller passes down; the first error
 * recorded wins, so the innermost, most specific cause is the one reported.
 *
 * Ownership: a struct diag owns nothing on the heap; its strings are fixed
 * buffers, so it can be copied and discarded freely.
 * Never prints, never exits: only src/cli/ talks to the user.
 */
#ifndef PC_BASE_DIAG_H
#define PC_BASE_DIAG_H

#include <stddef.h>

enum pc_rc {
	PC_OK = 0,
	PC_ERR_USAGE,   /* the caller asked for something impossible */
	PC_ERR_IO,      /* open/read/write/rename failed */
	PC_ERR_PARSE,   /* input is not in the expected format */
	PC_ERR_DB,      /* SQLite error, or the database is missing/outdated */
	PC_ERR_LIMIT,   /* a size ceiling (line, document, tokens) was hit */
	PC_ERR_CORRUPT, /* internal data is inconsistent */
};

struct diag {
	enum pc_rc rc;   /* PC_OK until the first error is recorded */
	char file[512];  /* file the error is about, "" if none */
	unsigned long line;   /* 1-based, 0 if not applicable */
	unsigned long column; /* 1-based, 0 if not applicable */
	char msg[512];
};

/* Static English name of RC, e.g. "parse error". Never NULL. */
const char *pc_rc_str(enum pc_rc rc);

/* Reset D to "no error". */
void diag_clear(struct diag *d);

/*
 * Record an error in D unless one is already recorded (first error wins).
 * FILE may be NULL.  Returns RC so callers can write
 * `return diag_set(d, PC_ERR_IO, path, 0, 0, "cannot open: %s", strerror(e));`.
 * D may be NULL, in which case only RC is returned.
 */
enum pc_rc diag_set(struct diag *d, enum pc_rc rc, const char *file,
		    unsigned long line, unsigned long column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/*
 * Format D as "file:line:col: message" (parts omitted when empty/zero) into
 * BUF of SIZE bytes, the file name and the message escaped for a terminal
 * (utf8_escape in base/utf8.h).  Returns BUF.
 */
char *diag_format(const struct diag *d, char *buf, size_t size);

#endif
