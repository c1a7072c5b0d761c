/*
 * report_github.c: GitHub Actions workflow commands, which the runner turns
 * into annotations on the pull request:
 *
 *	::warning file=story.md,line=1,col=28,endColumn=37,title=placecheck lookalike-context::message
 *
 * error / warning / notice by severity.  Columns are code points, endColumn
 * exclusive as in SARIF; endLine is given only for a span across lines.
 * Escaping follows the runner's rules: in the message % \r \n become %25
 * %0D %0A; in property values also : and , become %3A and %2C.  The
 * suggestion goes on a second line of the message (annotations show it).
 */
#include "report/report_int.h"

#include "base/utf8.h"

#include <string.h>

static const char *gh_command(enum detect_sev sev)
{
	switch (sev) {
	case DETECT_SEV_ERROR:
		return "error";
	case DETECT_SEV_WARNING:
		return "warning";
	case DETECT_SEV_SUGGESTION:
	default:
		return "notice";
	}
}

/* S escaped for a workflow command; PROPERTY also escapes ':' and ','. */
static void put_escaped(struct rw *w, const char *s, int property)
{
	size_t run = 0, i;

	if (!s)
		return;
	for (i = 0; s[i] && w->rc == PC_OK; i++) {
		const char *esc = NULL;

		switch (s[i]) {
		case '%': esc = "%25"; break;
		case '\r': esc = "%0D"; break;
		case '\n': esc = "%0A"; break;
		case ':': esc = property ? "%3A" : NULL; break;
		case ',': esc = property ? "%2C" : NULL; break;
		default:
			/* Any other control character (an ESC from the article) would
			 * reach the log that renders this: a space instead. */
			if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
				esc = " ";
			break;
		}
		if (esc) {
			rw_put(w, s + run, i - run);
			rw_puts(w, esc);
			run = i + 1;
		}
	}
	rw_put(w, s + run, i - run);
}

enum pc_rc report_github_doc(struct buf *out, const struct check_result *r,
			     const struct report_opts *o)
{
	struct rw w;
	struct buf name;
	size_t i;

	(void)o;
	rw_init(&w, out);
	buf_init(&name, 0);
	for (i = 0; i < r->n_findings; i++) {
		const struct finding *f = &r->findings[i];
		struct report_span sp;

		report_span_of(r, f->offset, f->length, f->line, f->column, f->text, &sp);
		rw_printf(&w, "::%s file=", gh_command(f->sev));
		buf_reset(&name);
		utf8_escape(r->file ? r->file : "-", strlen(r->file ? r->file : "-"), &name);
		put_escaped(&w, buf_str(&name), 1);
		rw_printf(&w, ",line=%lu", sp.line);
		if (sp.end_line != sp.line)
			rw_printf(&w, ",endLine=%lu", sp.end_line);
		rw_printf(&w, ",col=%lu,endColumn=%lu,title=placecheck ", sp.col, sp.end_col);
		put_escaped(&w, f->rule ? f->rule : "", 1);
		rw_puts(&w, "::");
		put_escaped(&w, f->message ? f->message : "", 0);
		if (f->suggestion && *f->suggestion) {
			rw_puts(&w, "%0Asuggestion: ");
			put_escaped(&w, f->suggestion, 0);
		}
		rw_putc(&w, '\n');
	}
	buf_free(&name);
	return rw_finish(&w);
}
