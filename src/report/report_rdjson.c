/*
 * report_rdjson.c: reviewdog's rdjsonl, one Diagnostic object per line.
 *
 * reviewdog counts columns in UTF-8 bytes (1-based) with an exclusive end,
 * unlike the code-point columns of every other format here: they are
 * computed from the finding's byte offset against the line start in
 * r->src.  A suggestion is offered as a fix ("suggestions") only when it is
 * one replacement name for the finding's span; advice such as
 * "Charlottesville, Va. or Charlotte, N.C." stays in the message.
 */
#include "report/report_int.h"

#include <string.h>

static const char *rd_severity(enum detect_sev sev)
{
	switch (sev) {
	case DETECT_SEV_ERROR:
		return "ERROR";
	case DETECT_SEV_WARNING:
		return "WARNING";
	case DETECT_SEV_SUGGESTION:
	default:
		return "INFO";
	}
}

static void put_range(struct rw *w, const struct report_span *sp)
{
	rw_printf(w, "{\"start\":{\"line\":%lu,\"column\":%lu},"
		     "\"end\":{\"line\":%lu,\"column\":%lu}}",
		  sp->line, sp->byte_col, sp->end_line, sp->end_byte_col);
}

enum pc_rc report_rdjson_doc(struct buf *out, const struct check_result *r,
			     const struct report_opts *o)
{
	struct rw w;
	size_t i;

	(void)o;
	rw_init(&w, out);
	for (i = 0; i < r->n_findings; i++) {
		const struct finding *f = &r->findings[i];
		struct report_span sp;

		report_span_of(r, f->offset, f->length, f->line, f->column, f->text, &sp);
		rw_putc(&w, '{');
		rw_json_key(&w, "message", 1);
		rw_json_str0(&w, f->message);
		rw_puts(&w, ",\"location\":{\"path\":");
		rw_json_str0(&w, r->file ? r->file : "-");
		rw_puts(&w, ",\"range\":");
		put_range(&w, &sp);
		rw_puts(&w, "},\"severity\":");
		rw_json_str(&w, rd_severity(f->sev));
		rw_puts(&w, ",\"source\":{\"name\":\"placecheck\"},\"code\":{\"value\":");
		rw_json_str0(&w, f->rule);
		rw_putc(&w, '}');
		if (report_is_plain_name(f->suggestion) &&
		    !(f->text && strcmp(f->text, f->suggestion) == 0)) {
			rw_puts(&w, ",\"suggestions\":[{\"range\":");
			put_range(&w, &sp);
			rw_json_key(&w, "text", 0);
			rw_json_str(&w, f->suggestion);
			rw_puts(&w, "}]");
		}
		rw_puts(&w, "}\n");
	}
	return rw_finish(&w);
}
