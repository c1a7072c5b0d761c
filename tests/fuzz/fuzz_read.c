/*
 * fuzz_read.c: libFuzzer target for the readers (src/read/).
 *
 * Each input is read as plain text, Markdown and HTML; every successful
 * conversion must keep the contract's invariants, else we abort():
 *   - text is NUL-terminated, holds no NUL, and is valid UTF-8;
 *   - every anchor maps inside src, anchors' text offsets strictly increase
 *     from 0 and stay inside text;
 *   - read_src_offset() is monotonic and inside [0, src_len];
 *   - bad sequences, directives and line spans point inside src and agree
 *     with read_linecol().
 * A failed conversion may only be PC_ERR_PARSE (binary) or PC_ERR_LIMIT.
 *
 * Build (clang), from the project root:
 *   clang -std=c17 -D_GNU_SOURCE -Isrc -g -O1 \
 *     -fsanitize=fuzzer,address,undefined tests/fuzz/fuzz_read.c \
 *     src/read/(all .c) src/base/(all .c) -lutf8proc -o build/fuzz_read
 *   build/fuzz_read -max_len=65536 tests/fuzz/corpus/read
 * Without libFuzzer, -DFUZZ_STANDALONE adds a main() that runs the target
 * once over each file named on the command line (a regression run).
 */
#include "read/read.h"

#include "base/arena.h"
#include "base/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_read"
#include "fuzz.h"

static void check_doc(const struct read_doc *doc, size_t size)
{
	size_t k, prev = 0;
	unsigned long line, col;

	REQUIRE(doc->text != NULL);
	REQUIRE(doc->text[doc->len] == '\0');
	REQUIRE(memchr(doc->text, '\0', doc->len) == NULL);
	REQUIRE(utf8_validate(doc->text, doc->len) == doc->len);
	REQUIRE(doc->src_len == size);
	REQUIRE(doc->len == 0 || (doc->n_map > 0 && doc->map[0].text_off == 0));
	for (k = 0; k < doc->n_map; k++) {
		REQUIRE(doc->map[k].src_off <= size);
		REQUIRE(doc->map[k].text_off < doc->len);
		REQUIRE(k == 0 || doc->map[k].text_off > doc->map[k - 1].text_off);
		REQUIRE(k == 0 || doc->map[k].src_off >= doc->map[k - 1].src_off);
	}
	for (k = 0; k <= doc->len; k++) {
		size_t o = read_src_offset(doc, k);
		REQUIRE(o <= size);
		REQUIRE(o >= prev);
		prev = o;
	}
	REQUIRE(read_src_offset(doc, doc->len) == size);
	REQUIRE(doc->n_lines >= 1 && doc->line_starts[0] == 0);
	for (k = 1; k < doc->n_lines; k++) {
		REQUIRE(doc->line_starts[k] > doc->line_starts[k - 1]);
		REQUIRE(doc->line_starts[k] <= size);
	}
	for (k = 0; k < doc->n_bad; k++) {
		REQUIRE(doc->bad[k].src_off < size);
		REQUIRE(k == 0 || doc->bad[k].src_off > doc->bad[k - 1].src_off);
		read_linecol(doc, doc->bad[k].src_off, &line, &col);
		REQUIRE(line == doc->bad[k].line && col == doc->bad[k].column);
	}
	for (k = 0; k < doc->n_dirs; k++) {
		REQUIRE(doc->dirs[k].src_off < size);
		REQUIRE(strncmp(doc->dirs[k].text, "placecheck-", 11) == 0);
		REQUIRE(utf8_validate(doc->dirs[k].text, strlen(doc->dirs[k].text)) ==
			strlen(doc->dirs[k].text));
		read_linecol(doc, doc->dirs[k].src_off, &line, &col);
		REQUIRE(line == doc->dirs[k].line);
	}
	/* Line spans hold their offset and no newline. */
	for (k = 0; k <= size; k += 1 + size / 16) {
		size_t st, len;
		read_line_span(doc, k, &st, &len);
		REQUIRE(st <= k && st + len <= size);
		REQUIRE(memchr(doc->src + st, '\n', len) == NULL);
		read_linecol(doc, k, &line, &col);
		REQUIRE(line >= 1 && line <= doc->n_lines && col >= 1);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum read_fmt fmts[] = {READ_FMT_TEXT, READ_FMT_MARKDOWN, READ_FMT_HTML};
	struct arena a;
	size_t f;

	arena_init(&a, 0);
	for (f = 0; f < sizeof fmts / sizeof fmts[0]; f++) {
		struct read_doc doc;
		struct diag d;
		enum pc_rc rc;

		diag_clear(&d);
		rc = read_doc((const char *)data, size, fmts[f], "fuzz", &a, &doc, &d);
		if (rc != PC_OK) {
			REQUIRE(rc == PC_ERR_PARSE || rc == PC_ERR_LIMIT);
			continue;
		}
		REQUIRE(doc.fmt == fmts[f]);
		check_doc(&doc, size);
		arena_reset(&a);
	}
	arena_free(&a);
	return 0;
}

#include "fuzz_main.h"
