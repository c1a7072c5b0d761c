/*
 * report_gcc.c: `file:line:col: severity: message [rule]`, one finding per
 * line, nothing else: the shape editors (Vim's and Emacs's default error
 * formats) and reviewdog's errorformat already parse.  Severity words are
 * GCC's: a suggestion is printed as "note", which those parsers know.
 * Messages are flattened to one line (control characters become spaces).
 */
#include "report/report_int.h"

#include <string.h>

static const char *gcc_sev(enum detect_sev sev)
{
	switch (sev) {
	case DETECT_SEV_ERROR:
		return "error";
	case DETECT_SEV_WARNING:
		return "warning";
	case DETECT_SEV_SUGGESTION:
	default:
		return "note";
	}
}

enum pc_rc report_gcc_doc(struct buf *out, const struct check_result *r,
			  const struct report_opts *o)
{
	const char *file = r->file ? r->file : "-";
	struct rw w;
	size_t i;

	(void)o;
	rw_init(&w, out);
	for (i = 0; i < r->n_findings; i++) {
		const struct finding *f = &r->findings[i];
		const char *msg = f->message ? f->message : "";
		struct report_span sp;

		report_span_of(r, f->offset, f->length, f->line, f->column, f->text, &sp);
		rw_put_name(&w, file);
		rw_printf(&w, ":%lu:%lu: %s: ", sp.line, sp.col, gcc_sev(f->sev));
		rw_put_clean(&w, msg, strlen(msg), 0);
		rw_printf(&w, " [%s]\n", f->rule ? f->rule : "placecheck");
	}
	return rw_finish(&w);
}
