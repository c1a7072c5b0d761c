/*
 * report.c: the table of output formats, and the helpers every reporter
 * shares (the sticky writer, positions, rule lookup, hashing).
 */
#include "report/report_int.h"

#include "base/utf8.h"
#include "base/xmem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The formats.  To add one: write report_<name>.c with its functions,
 * declare them in report_int.h, and add a row here (the order is the order
 * --help lists them).  A NULL begin/doc/end means "nothing to write then".
 */
const struct report_format report_formats[] = {
	{ "text", "compiler-style messages with the source line and a caret (default on a terminal)",
	  NULL, report_text_doc, NULL },
	{ "json", "one JSON object per document, on one line (docs/design.md)",
	  NULL, report_json_doc, NULL },
	{ "gcc", "file:line:col: severity: message [rule], one per line",
	  NULL, report_gcc_doc, NULL },
	{ "sarif", "SARIF 2.1.0 for GitHub code scanning, one run for all documents",
	  report_sarif_begin, report_sarif_doc, report_sarif_end },
	{ "rdjsonl", "reviewdog diagnostic JSON lines (byte columns)",
	  NULL, report_rdjson_doc, NULL },
	{ "github", "GitHub Actions workflow commands (::warning file=...)",
	  NULL, report_github_doc, NULL },
};
const size_t report_n_formats = sizeof report_formats / sizeof report_formats[0];

const struct report_format *report_format_find(const char *name)
{
	size_t i;

	if (!name)
		return NULL;
	for (i = 0; i < report_n_formats; i++)
		if (strcmp(report_formats[i].name, name) == 0)
			return &report_formats[i];
	return NULL;
}

/* --- The sticky writer ------------------------------------------------ */

void rw_init(struct rw *w, struct buf *out)
{
	w->out = out;
	w->start = out->len;
	w->rc = PC_OK;
}

enum pc_rc rw_finish(struct rw *w)
{
	if (w->rc != PC_OK) {
		w->out->len = w->start;
		if (w->out->data)
			w->out->data[w->start] = '\0';
	}
	return w->rc;
}

void rw_put(struct rw *w, const char *s, size_t len)
{
	if (w->rc == PC_OK)
		w->rc = buf_append(w->out, s, len);
}

void rw_puts(struct rw *w, const char *s)
{
	rw_put(w, s, strlen(s));
}

void rw_putc(struct rw *w, char c)
{
	rw_put(w, &c, 1);
}

void rw_printf(struct rw *w, const char *fmt, ...)
{
	char tmp[256], *p;
	va_list ap;
	int n;

	if (w->rc != PC_OK)
		return;
	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0) {
		w->rc = PC_ERR_USAGE;
		return;
	}
	if ((size_t)n < sizeof tmp) {
		rw_put(w, tmp, (size_t)n);
		return;
	}
	/* Longer than the scratch space: format again into a heap block. */
	p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	rw_put(w, p, (size_t)n);
	free(p);
}

void rw_repeat(struct rw *w, char c, size_t n)
{
	char tmp[64];

	memset(tmp, c, sizeof tmp);
	while (n > 0 && w->rc == PC_OK) {
		size_t k = n < sizeof tmp ? n : sizeof tmp;
		rw_put(w, tmp, k);
		n -= k;
	}
}


void rw_put_name(struct rw *w, const char *s)
{
	struct buf b;

	buf_init(&b, 0);
	utf8_escape(s, strlen(s), &b);
	rw_put(w, b.data ? b.data : "", b.len);
	buf_free(&b);
}

void rw_put_clean(struct rw *w, const char *s, size_t len, int keep_tab)
{
	size_t i = 0, run = 0; /* s[run..i) is clean and not yet written */

	while (i < len && w->rc == PC_OK) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		size_t n;

		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		if (c < 0x80) {
			rw_put(w, s + run, i - run);
			rw_putc(w, c == '\t' && keep_tab ? '\t' : ' ');
			run = ++i;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			rw_put(w, s + run, i - run);
			rw_puts(w, "\xEF\xBF\xBD");
			run = ++i;
		} else if (utf8_is_format_control(cp)) {
			rw_put(w, s + run, i - run);
			rw_putc(w, ' ');
			run = i += n;
		} else {
			i += n;
		}
	}
	rw_put(w, s + run, i - run);
}

/* --- Positions -------------------------------------------------------- */

void report_span_of(const struct check_result *r, size_t offset, size_t length,
		    unsigned long line, unsigned long col, const char *text,
		    struct report_span *sp)
{
	memset(sp, 0, sizeof *sp);
	sp->line = line;
	sp->col = col;
	if (r->src && offset <= r->src_len && length <= r->src_len - offset) {
		const char *src = r->src;
		size_t ls = offset, le = offset, i, last_nl = 0, n_nl = 0;

		sp->have_src = 1;
		if (r->line_starts && r->n_lines) {
			/* The last line start at or before OFFSET. */
			size_t lo = 0, hi = r->n_lines;
			while (hi - lo > 1) {
				size_t mid = lo + (hi - lo) / 2;
				if (r->line_starts[mid] <= offset)
					lo = mid;
				else
					hi = mid;
			}
			ls = r->line_starts[lo];
			le = lo + 1 < r->n_lines ? r->line_starts[lo + 1] - 1 : r->src_len;
			if (sp->line == 0)
				sp->line = (unsigned long)lo + 1;
		} else {
			while (ls > 0 && src[ls - 1] != '\n')
				ls--;
			while (le < r->src_len && src[le] != '\n')
				le++;
		}
		if (le > ls && src[le - 1] == '\r')
			le--;
		sp->line_start = ls;
		sp->line_end = le;
		if (sp->line == 0) {
			sp->line = 1;
			for (i = 0; i < ls; i++)
				sp->line += src[i] == '\n';
		}
		if (sp->col == 0)
			sp->col = (unsigned long)utf8_count(src + ls, offset - ls) + 1;
		sp->byte_col = (unsigned long)(offset - ls) + 1;
		for (i = offset; i < offset + length; i++) {
			if (src[i] == '\n') {
				n_nl++;
				last_nl = i;
			}
		}
		if (n_nl == 0) {
			sp->end_line = sp->line;
			sp->end_col = sp->col + (unsigned long)utf8_count(src + offset, length);
			sp->end_byte_col = sp->byte_col + (unsigned long)length;
		} else {
			size_t tail = offset + length - last_nl - 1;
			sp->end_line = sp->line + (unsigned long)n_nl;
			sp->end_col = (unsigned long)utf8_count(src + last_nl + 1, tail) + 1;
			sp->end_byte_col = (unsigned long)tail + 1;
		}
	} else {
		/* No source: assume the text is what the span holds, on one line. */
		size_t tl = text ? strlen(text) : length;

		if (sp->line == 0)
			sp->line = 1;
		if (sp->col == 0)
			sp->col = 1;
		sp->end_line = sp->line;
		sp->end_col = sp->col + (unsigned long)(text ? utf8_count(text, tl) : tl);
		sp->byte_col = sp->col;
		sp->end_byte_col = sp->byte_col + (unsigned long)tl;
	}
}

long report_rule_index(const char *id)
{
	size_t i;

	if (!id)
		return -1;
	for (i = 0; i < detect_n_rules; i++)
		if (strcmp(detect_rules[i].id, id) == 0)
			return (long)i;
	return -1;
}

uint64_t report_fnv(uint64_t h, const void *s, size_t len)
{
	const unsigned char *p = s;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

int report_is_plain_name(const char *s)
{
	size_t len;

	if (!s || !*s)
		return 0;
	len = strlen(s);
	if (len > 200 || strpbrk(s, ",;:/()[]{}?!\"\n\r\t") != NULL)
		return 0;
	if (strstr(s, " or ") || strstr(s, " and "))
		return 0;
	return s[0] != ' ' && s[len - 1] != ' ';
}
