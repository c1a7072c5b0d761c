/*
 * report.h: print the result of checking documents, in one of several
 * output formats (text, json, gcc, sarif, rdjsonl, github).
 *
 * Takes: struct check_result (detect/detect.h), one per document, in the
 * order the documents are to appear.  Gives: bytes appended to a caller's
 * struct buf.  Reporters never write to stdout or stderr themselves; the
 * CLI prints the buffer.  That keeps output order stable when documents are
 * checked in parallel threads, and lets tests compare strings.
 *
 * Ownership: reporters read the check_result and the options and keep no
 * pointer into either after they return.  The caller owns the buffer.  A
 * reporter that fails (PC_ERR_LIMIT when the buffer's ceiling is hit)
 * leaves the buffer exactly as it found it: no half-written document.
 *
 * Depends on: base/ (buf, utf8) and detect/detect.h (the result structs and
 * the rule table).  Never prints, never exits, never touches the database.
 * No global mutable state: what must survive from one document to the next
 * (SARIF's "a result was already written") lives in struct report_state,
 * which the caller owns and passes in the options.
 *
 * Calling sequence, for every format:
 *
 *	struct report_state st = { 0 };
 *	struct report_opts o = { .color = ..., .tool_version = ..., .state = &st };
 *	const struct report_format *f = report_format_find("sarif");
 *	if (f->begin) rc = f->begin(&out, &o);      // once, before any document
 *	for each document, IN OUTPUT ORDER:
 *		if (f->doc) rc = f->doc(&out, &result, &o);
 *	if (f->end) rc = f->end(&out, &o);          // once, after the last
 *
 * The pipeline may run in worker threads, but doc() must be called in the
 * order the documents are printed, by one thread at a time for a given
 * report_state: SARIF puts a comma between results of different documents
 * and needs to know whether one was written before.  Every other format's
 * doc() output depends only on its document, so for those the CLI may also
 * render each document into its own buffer in the worker thread.  When
 * unsure, render in output order: it costs microseconds per document.
 *
 * Columns: line and column in struct finding / resolved_place are 1-based,
 * column in Unicode code points (docs/design.md).  Reporters derive end
 * columns, and the UTF-8 byte columns that reviewdog wants, from the byte
 * offset and length against check_result.src; when src is NULL they fall
 * back to the code-point count of the finding's text (exact only for ASCII
 * lines).
 */
#ifndef PC_REPORT_REPORT_H
#define PC_REPORT_REPORT_H

#include "base/buf.h"
#include "base/diag.h"
#include "detect/detect.h"

#include <stddef.h>

/* What carries over between calls of one report run.  Zero-initialise it. */
struct report_state {
	size_t n_results; /* SARIF results written so far: a comma before the next */
};

struct report_opts {
	int color;                /* ANSI colours (text format only) */
	int ndjson;               /* json: one compact object per line (always so
	                             today: each document is one line) */
	const char *tool_version; /* "0.1.0"; NULL: "unknown" */
	const char *info_uri;     /* SARIF tool.driver.informationUri; NULL: omitted */
	struct report_state *state; /* required by sarif; others ignore it */
};

/*
 * One output format.  To add a format: write report_<name>.c defining its
 * begin/doc/end functions (any may be NULL), declare them in report_int.h,
 * and add a row to report_formats[] in report.c.  Keep each document's
 * output self-contained unless the format forces otherwise (SARIF).
 */
struct report_format {
	const char *name;    /* "text", "json", "gcc", "sarif", "rdjsonl", "github" */
	const char *summary; /* one line for --help */
	/*
	 * Called once before the first document (SARIF opens its run), once
	 * per document, and once after the last (SARIF closes).  Each appends
	 * to OUT and returns PC_OK, or PC_ERR_LIMIT with OUT unchanged, or
	 * PC_ERR_USAGE if a required option (SARIF's state) is missing.
	 */
	enum pc_rc (*begin)(struct buf *out, const struct report_opts *o);
	enum pc_rc (*doc)(struct buf *out, const struct check_result *r,
			  const struct report_opts *o);
	enum pc_rc (*end)(struct buf *out, const struct report_opts *o);
};

extern const struct report_format report_formats[];
extern const size_t report_n_formats;

/* What a run checked, for the text format's last line. */
struct report_totals {
	size_t n_docs;                        /* documents, checked or not */
	size_t n_failed;                      /* of those, not checked (errors) */
	size_t n_sev[DETECT_SEV_ERROR + 1];   /* findings shown, by severity */
};

/*
 * The line a text report on several documents ends with, as Vale and
 * markdownlint-cli2 end theirs: "480 files, 1 error, 3 warnings", "12
 * files, no findings", and "(2 could not be checked)".  Bold with
 * o->color.  Appended to OUT; PC_ERR_LIMIT leaves OUT as it was.
 */
enum pc_rc report_text_summary(struct buf *out, const struct report_totals *t,
			       const struct report_opts *o);

/* The format named NAME (exact match), or NULL if unknown. */
const struct report_format *report_format_find(const char *name);

#endif
