/*
 * report_text.c: compiler-style text for a person at a terminal.
 *
 *	story.md:12:45: warning: Charlotte is in North Carolina, ... [lookalike-context]
 *	   12 | We've had a tough weekend in Charlotte.
 *	      |                              ^~~~~~~~~
 *	  suggestion: Charlottesville
 *	  evidence: Virginia named 2 times
 *
 * The caret line is aligned by code points, with the tabs of the source
 * line kept as tabs, so it sits under the name whatever the tab width.
 * (Double-width characters before the name would still shift it: aligning
 * those needs a display-width function that base/utf8.h does not offer.)
 * Article text and messages are printed with control characters replaced,
 * so a file cannot send escape sequences to the terminal.  With o->color,
 * ANSI colours as GCC uses them: bold location, red error, magenta
 * warning, cyan suggestion, green caret.  report_text_summary() writes
 * the line a report on several documents ends with.
 */
#include "report/report_int.h"

#include "base/utf8.h"

#include <string.h>

#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_MAGENTA "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[1;32m"
#define C_RESET "\033[0m"

static const char *sev_color(enum detect_sev sev)
{
	switch (sev) {
	case DETECT_SEV_ERROR:
		return C_RED;
	case DETECT_SEV_WARNING:
		return C_MAGENTA;
	case DETECT_SEV_SUGGESTION:
	default:
		return C_CYAN;
	}
}

/* One space per code point of S[0..LEN), a tab for a tab. */
static void put_pad(struct rw *w, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && w->rc == PC_OK) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		size_t n = 1;

		if (c >= 0x80) {
			n = utf8_decode(s + i, len - i, &cp);
			if (n == 0)
				n = 1; /* an invalid byte prints as one U+FFFD */
		}
		rw_putc(w, c == '\t' ? '\t' : ' ');
		i += n;
	}
}

/*
 * A source line longer than this many bytes is shown as a window of
 * SNIPPET_CONTEXT bytes either side of the span, with "..." for what is
 * cut: a file of one huge line with many findings would otherwise print
 * the whole line once per finding (output quadratic in the input).
 */
#define SNIPPET_MAX_LINE 240
#define SNIPPET_CONTEXT 80
#define SNIPPET_CUT "..."

/* Move I back (DIR -1) or forward (DIR 1) to the start of a UTF-8 character. */
static size_t char_boundary(const char *s, size_t i, size_t lo, size_t hi, int dir)
{
	while (i > lo && i < hi && ((unsigned char)s[i] & 0xC0) == 0x80)
		i = dir < 0 ? i - 1 : i + 1;
	return i;
}

/* The source line holding the span, then the caret line under the span. */
static void put_snippet(struct rw *w, const struct check_result *r, const struct finding *f,
			const struct report_span *sp, int color)
{
	const char *src = r->src;
	size_t end = f->offset + f->length, n_cp, ws = sp->line_start, we = sp->line_end;

	if (end > sp->line_end)
		end = sp->line_end; /* a span across lines: underline to the line's end */
	n_cp = end > f->offset ? utf8_count(src + f->offset, end - f->offset) : 0;
	if (we - ws > SNIPPET_MAX_LINE) {
		if (f->offset - ws > SNIPPET_CONTEXT)
			ws = char_boundary(src, f->offset - SNIPPET_CONTEXT, sp->line_start, f->offset, 1);
		if (we > end && we - end > SNIPPET_CONTEXT)
			we = char_boundary(src, end + SNIPPET_CONTEXT, end, sp->line_end, -1);
	}

	rw_printf(w, "%5lu | ", sp->line);
	if (ws > sp->line_start)
		rw_puts(w, SNIPPET_CUT);
	rw_put_clean(w, src + ws, we - ws, 1);
	if (we < sp->line_end)
		rw_puts(w, SNIPPET_CUT);
	rw_puts(w, "\n      | ");
	if (ws > sp->line_start)
		rw_repeat(w, ' ', sizeof SNIPPET_CUT - 1);
	put_pad(w, src + ws, f->offset - ws);
	if (color)
		rw_puts(w, C_GREEN);
	rw_putc(w, '^');
	if (n_cp > 1)
		rw_repeat(w, '~', n_cp - 1);
	if (color)
		rw_puts(w, C_RESET);
	rw_putc(w, '\n');
}

static void put_finding(struct rw *w, const struct check_result *r, const struct finding *f,
			int color)
{
	const char *file = r->file ? r->file : "-";
	const char *msg = f->message ? f->message : "";
	struct report_span sp;
	size_t i;

	report_span_of(r, f->offset, f->length, f->line, f->column, f->text, &sp);
	if (color)
		rw_puts(w, C_BOLD);
	rw_put_name(w, file);
	rw_printf(w, ":%lu:%lu:", sp.line, sp.col);
	if (color)
		rw_puts(w, C_RESET);
	rw_putc(w, ' ');
	if (color)
		rw_puts(w, sev_color(f->sev));
	rw_puts(w, detect_sev_str(f->sev));
	rw_putc(w, ':');
	if (color)
		rw_puts(w, C_RESET);
	rw_putc(w, ' ');
	rw_put_clean(w, msg, strlen(msg), 0);
	rw_printf(w, " [%s]\n", f->rule ? f->rule : "placecheck");
	if (sp.have_src)
		put_snippet(w, r, f, &sp, color);
	if (f->suggestion && *f->suggestion) {
		rw_puts(w, "  suggestion: ");
		if (color)
			rw_puts(w, C_BOLD);
		rw_put_clean(w, f->suggestion, strlen(f->suggestion), 0);
		if (color)
			rw_puts(w, C_RESET);
		rw_putc(w, '\n');
	}
	for (i = 0; i < f->n_evidence; i++) {
		const char *e = f->evidence[i] ? f->evidence[i] : "";
		rw_puts(w, "  evidence: ");
		rw_put_clean(w, e, strlen(e), 0);
		rw_putc(w, '\n');
	}
}

enum pc_rc report_text_summary(struct buf *out, const struct report_totals *t,
			       const struct report_opts *o)
{
	static const char *const one[] = { "suggestion", "warning", "error" };
	static const char *const many[] = { "suggestions", "warnings", "errors" };
	int color = o && o->color, sev, any = 0;
	struct rw w;

	rw_init(&w, out);
	if (color)
		rw_puts(&w, C_BOLD);
	rw_printf(&w, "%zu %s", t->n_docs, t->n_docs == 1 ? "file" : "files");
	for (sev = DETECT_SEV_ERROR; sev >= DETECT_SEV_SUGGESTION; sev--) {
		if (!t->n_sev[sev])
			continue;
		rw_printf(&w, ", %zu %s", t->n_sev[sev], t->n_sev[sev] == 1 ? one[sev] : many[sev]);
		any = 1;
	}
	if (!any)
		rw_puts(&w, ", no findings");
	if (t->n_failed)
		rw_printf(&w, " (%zu could not be checked)", t->n_failed);
	if (color)
		rw_puts(&w, C_RESET);
	rw_putc(&w, '\n');
	return rw_finish(&w);
}

enum pc_rc report_text_doc(struct buf *out, const struct check_result *r,
			   const struct report_opts *o)
{
	int color = o && o->color;
	struct rw w;
	size_t i;

	rw_init(&w, out);
	for (i = 0; i < r->n_findings; i++)
		put_finding(&w, r, &r->findings[i], color);
	return rw_finish(&w);
}
