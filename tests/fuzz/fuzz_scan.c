/*
 * fuzz_scan.c: libFuzzer target for the tokenizer (src/scan/) and, when a
 * database is named, the whole checking pipeline behind it.
 *
 * Each input goes through:
 *   1. scan_run() on the bytes themselves when they are valid UTF-8 (the
 *      scanner's contract asks for valid UTF-8);
 *   2. read_doc() as text, Markdown and HTML, then scan_run() on each
 *      plain text: the reader and the scanner chained as `check` runs them;
 *   3. with PLACECHECK_FUZZ_DB=path/to/places.db in the environment,
 *      check_doc() as Markdown: mention finder, context, resolve, detect.
 * Invariants (else abort()): tokens lie inside the text, do not overlap and
 * come in order; sentence and paragraph indexes never decrease and stay
 * below n_sent / n_para; a word token starts on a UTF-8 boundary; findings
 * and places point inside the source.  The only errors allowed are
 * PC_ERR_LIMIT and PC_ERR_PARSE (binary input).
 *
 * Build and run: sh scripts/fuzz.sh (or see the comment in fuzz_read.c).
 * -DFUZZ_STANDALONE adds a main() that runs the target once over each file
 * named on the command line (the regression replay in the smoke run).
 */
#include "check/check.h"
#include "db/db.h"
#include "read/read.h"
#include "scan/scan.h"

#include "base/arena.h"
#include "base/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_scan"
#include "fuzz.h"

static void check_scan(const char *text, size_t len, const struct scan_doc *s)
{
	size_t k, end = 0;

	REQUIRE(s->text == text && s->text_len == len);
	REQUIRE(s->n_toks == 0 || s->toks != NULL);
	for (k = 0; k < s->n_toks; k++) {
		const struct scan_tok *t = &s->toks[k];
		REQUIRE(t->len > 0);
		REQUIRE(t->off >= end);
		REQUIRE(t->off + t->len <= len);
		end = t->off + t->len;
		REQUIRE(t->sent < s->n_sent);
		REQUIRE(t->para < s->n_para);
		if (k > 0) {
			REQUIRE(t->sent >= s->toks[k - 1].sent);
			REQUIRE(t->para >= s->toks[k - 1].para);
		}
		/* Not a UTF-8 continuation byte at either edge. */
		REQUIRE(((unsigned char)text[t->off] & 0xC0) != 0x80);
		REQUIRE(t->off + t->len == len ||
			((unsigned char)text[t->off + t->len] & 0xC0) != 0x80);
		REQUIRE(!((t->flags & SCAN_WORD) && (t->flags & SCAN_PUNCT)));
		(void)scan_is_dash(s, k);
		(void)scan_is_punct(s, k, '.');
	}
}

static void scan_text(const char *text, size_t len, struct arena *a)
{
	struct scan_doc s;
	struct diag d;
	enum pc_rc rc;

	diag_clear(&d);
	rc = scan_run(text, len, a, &s, &d);
	if (rc != PC_OK) {
		REQUIRE(rc == PC_ERR_LIMIT);
		return;
	}
	check_scan(text, len, &s);
}

/* The database and engine live for the whole run (NULL: not asked for). */
static struct db *fuzz_db;
static struct check_engine fuzz_eng;
static int fuzz_ready = -1;

static void engine_setup(void)
{
	const char *path = getenv("PLACECHECK_FUZZ_DB");
	struct diag d;

	fuzz_ready = 0;
	if (!path || !*path)
		return;
	diag_clear(&d);
	if (db_open(path, DB_OPEN_READONLY, &fuzz_db, &d) != PC_OK) {
		fprintf(stderr, "fuzz_scan: cannot open %s; pipeline part skipped\n", path);
		return;
	}
	if (check_engine_init(&fuzz_eng, fuzz_db, &d) != PC_OK) {
		db_close(fuzz_db);
		fuzz_db = NULL;
		return;
	}
	fuzz_ready = 1;
}

static void check_pipeline(const char *src, size_t size, struct arena *a)
{
	struct check_opts o;
	struct check_result res;
	struct diag d;
	enum pc_rc rc;

	memset(&o, 0, sizeof o);
	o.fmt = READ_FMT_MARKDOWN;
	diag_clear(&d);
	rc = check_doc(&fuzz_eng, "fuzz.md", src, size, &o, a, &res, NULL, &d);
	if (rc != PC_OK)
		REQUIRE(rc == PC_ERR_LIMIT || rc == PC_ERR_PARSE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum read_fmt fmts[] = {READ_FMT_TEXT, READ_FMT_MARKDOWN, READ_FMT_HTML};
	const char *src = (const char *)data;
	struct arena a;
	size_t f;

	if (fuzz_ready < 0)
		engine_setup();
	arena_init(&a, 0);
	if (utf8_validate(src, size) == size && memchr(src, '\0', size) == NULL)
		scan_text(src, size, &a);
	arena_reset(&a);
	for (f = 0; f < sizeof fmts / sizeof fmts[0]; f++) {
		struct read_doc doc;
		struct diag d;
		enum pc_rc rc;

		diag_clear(&d);
		rc = read_doc(src, size, fmts[f], "fuzz", &a, &doc, &d);
		if (rc == PC_OK)
			scan_text(doc.text, doc.len, &a);
		else
			REQUIRE(rc == PC_ERR_PARSE || rc == PC_ERR_LIMIT);
		arena_reset(&a);
	}
	if (fuzz_ready == 1)
		check_pipeline(src, size, &a);
	arena_free(&a);
	return 0;
}

#include "fuzz_main.h"
