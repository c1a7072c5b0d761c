/*
 * report_json.c: the JSON contract of docs/design.md ("The JSON finding
 * contract"), which tools outside the project read.  One object per document, always on
 * one line ending in "\n": the score tool parses the first line as one
 * object, and line-per-document is what --ndjson and GNU parallel need.
 * Key order follows docs/design.md.  Change the shape only with it.
 */
#include "report/report_int.h"

/* {"id":...,"name":...,"admin1":...,"admin1_code":...,"country":...}; id omitted when <= 0. */
static void put_place_ref(struct rw *w, const struct detect_place *p)
{
	int first = 1;

	rw_putc(w, '{');
	if (p->id > 0) {
		rw_json_key(w, "id", 1);
		rw_json_int(w, (long long)p->id);
		first = 0;
	}
	rw_json_key(w, "name", first);
	rw_json_str0(w, p->name);
	rw_json_key(w, "admin1", 0);
	rw_json_str0(w, p->admin1);
	rw_json_key(w, "admin1_code", 0);
	rw_json_str0(w, p->admin1_code);
	rw_json_key(w, "country", 0);
	rw_json_str0(w, p->country);
	rw_putc(w, '}');
}

/*
 * Line and column of a span.  The json format needs nothing else, and the
 * span's line scan is only needed when the pipeline left no position
 * (hand-made results): it is linear in the line's length, which on a
 * one-line file of many places would add up.
 */
static void position(const struct check_result *r, size_t offset, size_t length, unsigned long line,
		     unsigned long col, const char *text, struct report_span *sp)
{
	if (line && col) {
		sp->line = line;
		sp->col = col;
	} else {
		report_span_of(r, offset, length, line, col, text, sp);
	}
}

static void put_finding(struct rw *w, const struct check_result *r, const struct finding *f)
{
	struct report_span sp;
	size_t i;

	position(r, f->offset, f->length, f->line, f->column, f->text, &sp);
	rw_json_key(w, "rule", 1);
	rw_json_str(w, f->rule);
	rw_json_key(w, "severity", 0);
	rw_json_str(w, detect_sev_str(f->sev));
	rw_json_key(w, "confidence", 0);
	rw_json_num(w, f->confidence, 2);
	rw_json_key(w, "line", 0);
	rw_json_uint(w, sp.line);
	rw_json_key(w, "column", 0);
	rw_json_uint(w, sp.col);
	rw_json_key(w, "offset", 0);
	rw_json_uint(w, f->offset);
	rw_json_key(w, "length", 0);
	rw_json_uint(w, f->length);
	rw_json_key(w, "text", 0);
	rw_json_str0(w, f->text);
	rw_json_key(w, "quoted", 0);
	rw_json_bool(w, f->quoted);
	rw_json_key(w, "message", 0);
	rw_json_str0(w, f->message);
	rw_json_key(w, "suggestion", 0);
	rw_json_str(w, f->suggestion && *f->suggestion ? f->suggestion : NULL);
	if (f->reading.name) {
		rw_json_key(w, "reading", 0);
		put_place_ref(w, &f->reading);
	}
	if (f->alternative.name) {
		rw_json_key(w, "alternative", 0);
		put_place_ref(w, &f->alternative);
	}
	rw_json_key(w, "evidence", 0);
	rw_putc(w, '[');
	for (i = 0; i < f->n_evidence; i++) {
		if (i)
			rw_putc(w, ',');
		rw_json_str0(w, f->evidence[i]);
	}
	rw_putc(w, ']');
}

static void put_place(struct rw *w, const struct check_result *r, const struct resolved_place *p)
{
	struct report_span sp;

	position(r, p->offset, p->length, p->line, p->column, p->text, &sp);
	rw_json_key(w, "text", 1);
	rw_json_str0(w, p->text);
	rw_json_key(w, "offset", 0);
	rw_json_uint(w, p->offset);
	rw_json_key(w, "length", 0);
	rw_json_uint(w, p->length);
	rw_json_key(w, "line", 0);
	rw_json_uint(w, sp.line);
	rw_json_key(w, "column", 0);
	rw_json_uint(w, sp.col);
	if (p->place.id > 0) {
		rw_json_key(w, "id", 0);
		rw_json_int(w, (long long)p->place.id);
	}
	rw_json_key(w, "name", 0);
	rw_json_str(w, p->place.name);
	rw_json_key(w, "admin1", 0);
	rw_json_str0(w, p->place.admin1);
	rw_json_key(w, "admin1_code", 0);
	rw_json_str0(w, p->place.admin1_code);
	rw_json_key(w, "country", 0);
	rw_json_str0(w, p->place.country);
	rw_json_key(w, "lat", 0);
	rw_json_num(w, p->place.lat, 5);
	rw_json_key(w, "lon", 0);
	rw_json_num(w, p->place.lon, 5);
	rw_json_key(w, "confidence", 0);
	rw_json_num(w, p->confidence, 2);
}

/*
 * Append R as one line of JSON.  O is unused: the object is the same in
 * every mode, compact and on one line (docs/design.md allows either).
 * Reads no shared state, so it may run in a worker thread.
 */
enum pc_rc report_json_doc(struct buf *out, const struct check_result *r,
			   const struct report_opts *o)
{
	struct rw w;
	size_t i;

	(void)o;
	rw_init(&w, out);
	rw_putc(&w, '{');
	rw_json_key(&w, "file", 1);
	rw_json_str0(&w, r->file);
	rw_json_key(&w, "findings", 0);
	rw_putc(&w, '[');
	for (i = 0; i < r->n_findings; i++) {
		rw_puts(&w, i ? ",{" : "{");
		put_finding(&w, r, &r->findings[i]);
		rw_putc(&w, '}');
	}
	rw_puts(&w, "],");
	rw_json_key(&w, "places", 1);
	rw_putc(&w, '[');
	for (i = 0; i < r->n_places; i++) {
		rw_puts(&w, i ? ",{" : "{");
		put_place(&w, r, &r->places[i]);
		rw_putc(&w, '}');
	}
	rw_puts(&w, "]}\n");
	return rw_finish(&w);
}
