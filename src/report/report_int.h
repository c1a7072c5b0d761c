/*
 * report_int.h: helpers shared by the reporters in src/report/ only.
 * Never include this from outside the folder (SQLite's btreeInt.h rule).
 *
 * struct rw wraps the caller's buffer with a sticky error, as SQLite's
 * StrAccum does: after the first failed append every later call is a no-op,
 * so a reporter writes straight-line code and checks once, in rw_finish(),
 * which also rolls the buffer back to where the document began.
 */
#ifndef PC_REPORT_REPORT_INT_H
#define PC_REPORT_REPORT_INT_H

#include "report/report.h"

#include <stddef.h>
#include <stdint.h>

struct rw {
	struct buf *out;
	size_t start; /* out->len when rw_init() was called */
	enum pc_rc rc;
};

void rw_init(struct rw *w, struct buf *out);
/* PC_OK, or the first error with OUT truncated back to its length at rw_init(). */
enum pc_rc rw_finish(struct rw *w);
void rw_put(struct rw *w, const char *s, size_t len);
void rw_puts(struct rw *w, const char *s);
void rw_putc(struct rw *w, char c);
void rw_printf(struct rw *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* N copies of C. */
void rw_repeat(struct rw *w, char c, size_t n);
/*
 * S[0..LEN) for a terminal or a one-line format: control characters
 * (C0, DEL, C1; tab too unless KEEP_TAB) become a space, invalid UTF-8
 * bytes become U+FFFD, so the output neither breaks lines nor carries
 * escape sequences, and keeps one output code point per input code point.
 */
void rw_put_clean(struct rw *w, const char *s, size_t len, int keep_tab);
/* A file name, escaped for a terminal by base/utf8.h's utf8_escape(). */
void rw_put_name(struct rw *w, const char *s);

/* --- JSON (report_jsonw.c) ------------------------------------------- */

/*
 * S[0..LEN) as a JSON string with its quotes: '"', '\\' and control
 * characters escaped (\n \r \t \b \f, else \u00XX), DEL and U+2028/U+2029
 * escaped too (safe to embed in JavaScript), invalid UTF-8 bytes replaced by
 * U+FFFD so the output is always valid UTF-8.
 */
void rw_json_strn(struct rw *w, const char *s, size_t len);
/* As rw_json_strn on a C string; NULL prints null. */
void rw_json_str(struct rw *w, const char *s);
/* As rw_json_str, but NULL prints "" (fields documented as "" if none). */
void rw_json_str0(struct rw *w, const char *s);
void rw_json_int(struct rw *w, long long v);
void rw_json_uint(struct rw *w, unsigned long long v);
/*
 * X rounded to DECIMALS (0..9) places, trailing zeros trimmed ("0.9", "38",
 * "-78.47668"), independent of the C locale.  NaN and infinities print null.
 */
void rw_json_num(struct rw *w, double x, int decimals);
void rw_json_bool(struct rw *w, int v);
/* `"KEY":` preceded by a comma unless FIRST. */
void rw_json_key(struct rw *w, const char *key, int first);

/* --- Positions (report.c) --------------------------------------------- */

/*
 * Where a span (byte OFFSET, LENGTH) lies, in every unit a format needs.
 * Start line/column come from the pipeline (recomputed from src when 0).
 * End positions are exclusive: the column just after the last character.
 */
struct report_span {
	unsigned long line, col;         /* 1-based; col in code points */
	unsigned long end_line, end_col; /* exclusive end, code points */
	unsigned long byte_col;          /* 1-based, UTF-8 bytes */
	unsigned long end_byte_col;      /* exclusive end, UTF-8 bytes */
	int have_src;                    /* the span lies inside r->src */
	size_t line_start, line_end;     /* bytes of the start line in src,
	                                    end excludes "\n" / "\r\n" */
};

void report_span_of(const struct check_result *r, size_t offset, size_t length,
		    unsigned long line, unsigned long col, const char *text,
		    struct report_span *sp /* OUT */);

/* Index of rule ID in detect_rules[], or -1. */
long report_rule_index(const char *id);

/* 64-bit FNV-1a over S[0..LEN), continuing from H (start: REPORT_FNV_INIT). */
#define REPORT_FNV_INIT 0xcbf29ce484222325ULL
uint64_t report_fnv(uint64_t h, const void *s, size_t len);

/*
 * A suggestion that is one replacement name ("Charlottesville"), as opposed
 * to advice ("Charlottesville, Va. or Charlotte, N.C."): safe to offer as
 * an automatic fix of the finding's span.
 */
int report_is_plain_name(const char *s);

/* --- The formats ------------------------------------------------------ */

enum pc_rc report_text_doc(struct buf *out, const struct check_result *r,
			   const struct report_opts *o);
enum pc_rc report_json_doc(struct buf *out, const struct check_result *r,
			   const struct report_opts *o);
enum pc_rc report_gcc_doc(struct buf *out, const struct check_result *r,
			  const struct report_opts *o);
enum pc_rc report_sarif_begin(struct buf *out, const struct report_opts *o);
enum pc_rc report_sarif_doc(struct buf *out, const struct check_result *r,
			    const struct report_opts *o);
enum pc_rc report_sarif_end(struct buf *out, const struct report_opts *o);
enum pc_rc report_rdjson_doc(struct buf *out, const struct check_result *r,
			     const struct report_opts *o);
enum pc_rc report_github_doc(struct buf *out, const struct check_result *r,
			     const struct report_opts *o);

#endif
