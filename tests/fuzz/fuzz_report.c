/*
 * fuzz_report.c: libFuzzer target for the report writers (src/report/):
 * json, sarif, text, gcc, rdjsonl and github on arbitrary findings.
 *
 * The input is read as a little script: a file name, the source text,
 * then up to 16 findings and 16 places, each field taken from the next
 * bytes (a string is a length byte and that many bytes, NULs and escape
 * sequences included).  Offsets and lengths stay inside the source, as
 * check_doc() makes them; lines, columns, confidences, rules, names,
 * messages and evidence are anything.  Every format renders two documents
 * (SARIF's comma between results), with and without colour.
 *
 * Invariants (else abort()): every call returns PC_OK; json and rdjsonl
 * lines and the whole SARIF log parse as JSON (cJSON); without colour,
 * text, gcc and github output holds no control character but newline and
 * tab, so a file name or a message cannot reach a terminal raw.
 *
 * Build and run: sh scripts/fuzz.sh fuzz_report.
 */
#include "report/report.h"

#include "base/arena.h"

#include <cjson/cJSON.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_report"
#include "fuzz.h"

#define MAX_ITEMS 16

struct cur {
	const uint8_t *p;
	size_t n;
};

static unsigned u8(struct cur *c)
{
	if (!c->n)
		return 0;
	c->n--;
	return *c->p++;
}

static unsigned long u16(struct cur *c)
{
	unsigned long hi = u8(c);
	return hi << 8 | u8(c);
}

/* A string of up to 255 bytes (cut at a NUL), in A; NULL for length 0xFF. */
static const char *str(struct cur *c, struct arena *a)
{
	size_t len = u8(c);

	if (len == 0xFF)
		return NULL;
	if (len > c->n)
		len = c->n;
	c->p += len;
	c->n -= len;
	return arena_strndup(a, (const char *)c->p - len, len);
}

static const char *nonnull(const char *s)
{
	return s ? s : "";
}

static void place(struct cur *c, struct arena *a, struct detect_place *p)
{
	p->id = (int64_t)u16(c) - 100;
	p->name = str(c, a);
	p->admin1 = nonnull(str(c, a));
	p->admin1_code = nonnull(str(c, a));
	p->country = nonnull(str(c, a));
	p->lat = (double)u16(c) / 100.0 - 90;
	p->lon = (double)u16(c) / 100.0 - 180;
	p->kind = (int)(u8(c) % 5);
}

/* Offset and length inside SRC_LEN bytes. */
static void span(struct cur *c, size_t src_len, size_t *off, size_t *len)
{
	*off = src_len ? u16(c) % (src_len + 1) : 0;
	*len = u8(c) % 40;
	if (*off + *len > src_len)
		*len = src_len - *off;
}

static void build(struct cur *c, struct arena *a, struct check_result *r)
{
	size_t i, n;

	memset(r, 0, sizeof *r);
	r->file = str(c, a);
	if (!r->file)
		r->file = "-";
	r->src = nonnull(str(c, a));
	r->src_len = strlen(r->src);
	n = u8(c) % (MAX_ITEMS + 1);
	r->findings = arena_calloc(a, n ? n : 1, sizeof *r->findings);
	for (i = 0; i < n; i++) {
		struct finding *f = &r->findings[i];
		size_t k, ne;
		unsigned rule = u8(c);
		f->rule = rule < detect_n_rules ? detect_rules[rule].id : rule == 0xFF ? NULL : "no-such-rule";
		f->sev = (enum detect_sev)(u8(c) % 3);
		f->confidence = u8(c) / 255.0;
		span(c, r->src_len, &f->offset, &f->length);
		f->line = u16(c);
		f->column = u16(c);
		f->text = str(c, a);
		f->quoted = u8(c) & 1;
		f->message = str(c, a);
		f->suggestion = str(c, a);
		place(c, a, &f->reading);
		place(c, a, &f->alternative);
		ne = u8(c) % 5;
		f->evidence = arena_calloc(a, ne ? ne : 1, sizeof *f->evidence);
		for (k = 0; k < ne; k++)
			f->evidence[k] = nonnull(str(c, a));
		f->n_evidence = ne;
	}
	r->n_findings = n;
	n = u8(c) % (MAX_ITEMS + 1);
	r->places = arena_calloc(a, n ? n : 1, sizeof *r->places);
	for (i = 0; i < n; i++) {
		struct resolved_place *p = &r->places[i];
		span(c, r->src_len, &p->offset, &p->length);
		p->line = u16(c);
		p->column = u16(c);
		p->text = str(c, a);
		place(c, a, &p->place);
		p->confidence = u8(c) / 255.0;
	}
	r->n_places = n;
}

/* Each line of OUT (non-empty) is one JSON object. */
static void json_lines(const struct buf *out)
{
	const char *p = out->data, *end;

	if (!p)
		return;
	end = p + out->len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		cJSON *o;
		REQUIRE(nl != NULL);
		o = cJSON_ParseWithLength(p, (size_t)(nl - p));
		REQUIRE(o && cJSON_IsObject(o));
		cJSON_Delete(o);
		p = nl + 1;
	}
}

static void no_controls(const char *name, const struct buf *out)
{
	size_t i;

	for (i = 0; i < out->len; i++) {
		unsigned char ch = (unsigned char)out->data[i];
		if ((ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7f) {
			fprintf(stderr, "fuzz_report: %s: byte 0x%02x at %zu of:\n%.*s\n", name, ch, i,
				(int)out->len, out->data);
			REQUIRE(!"a control character in the output");
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cur c = { data, size };
	struct check_result r[2];
	struct arena a;
	size_t f;
	int color;

	arena_init(&a, 0);
	build(&c, &a, &r[0]);
	build(&c, &a, &r[1]);
	for (f = 0; f < report_n_formats; f++) {
		const struct report_format *fmt = &report_formats[f];
		for (color = 0; color < 2; color++) {
			struct report_state st = { 0 };
			struct report_opts o = { .color = color, .tool_version = "fuzz", .state = &st };
			struct buf out;
			int k;
			buf_init(&out, 0);
			if (fmt->begin)
				REQUIRE(fmt->begin(&out, &o) == PC_OK);
			for (k = 0; k < 2; k++)
				if (fmt->doc)
					REQUIRE(fmt->doc(&out, &r[k], &o) == PC_OK);
			if (fmt->end)
				REQUIRE(fmt->end(&out, &o) == PC_OK);
			if (!strcmp(fmt->name, "json") || !strcmp(fmt->name, "rdjsonl")) {
				json_lines(&out);
			} else if (!strcmp(fmt->name, "sarif")) {
				cJSON *j = cJSON_ParseWithLength(out.data ? out.data : "", out.len);
				REQUIRE(j && cJSON_IsObject(j));
				cJSON_Delete(j);
			} else if (!color) {
				no_controls(fmt->name, &out);
			}
			buf_free(&out);
		}
	}
	arena_free(&a);
	return 0;
}

#include "fuzz_main.h"
