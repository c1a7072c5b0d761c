/*
 * fuzz_config.c: libFuzzer target for the .placecheck.ini parser
 * (src/config/config.c over libinih).
 *
 * Each input is parsed as a configuration file.  Whatever the input:
 *   - config_parse() returns PC_OK, PC_ERR_PARSE or PC_ERR_LIMIT, or
 *     PC_ERR_IO where an accept-file names a file that cannot be read
 *     (the fuzzer wrote "accept-file=*", 2026-12-05: the config folder
 *     "/news" holds no such file);
 *   - an error names the file and a line inside the input (or line 0 for
 *     whole-file errors: NUL byte, invalid UTF-8);
 *   - on success every string is valid UTF-8, levels are in range, and
 *     config_for_file() and config_dump() run over the result.
 * Sanitizers catch the memory errors.  Build: see scripts/fuzz.sh; without
 * libFuzzer, -DFUZZ_STANDALONE adds a main() that replays files.
 */
#include "config/config.h"

#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_config"
#include "fuzz.h"

static int valid(const char *s)
{
	return s && utf8_validate(s, strlen(s)) == strlen(s);
}

static void check_settings(const struct config_settings *s)
{
	size_t i;

	REQUIRE(s->fail_on >= DETECT_SEV_SUGGESTION && s->fail_on <= CONFIG_NEVER);
	REQUIRE(s->min_level >= DETECT_SEV_SUGGESTION && s->min_level <= DETECT_SEV_ERROR);
	REQUIRE(s->min_confidence >= 0 && s->min_confidence <= 1);
	for (i = 0; i < CONFIG_MAX_RULES; i++)
		REQUIRE(s->rule_level[i] >= CONFIG_RULE_DEFAULT && s->rule_level[i] <= DETECT_SEV_ERROR);
	for (i = 0; i < s->n_accept; i++)
		REQUIRE(valid(s->accept[i]) && s->accept[i][0]);
	for (i = 0; i < s->n_pairs; i++)
		REQUIRE(valid(s->pairs[i].a) && valid(s->pairs[i].b) && s->pairs[i].a[0] && s->pairs[i].b[0]);
	for (i = 0; i < s->n_cues; i++)
		REQUIRE(valid(s->cues[i].phrase) && valid(s->cues[i].place));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	struct diag d;
	enum pc_rc rc;
	unsigned long n_lines = 1;
	size_t i;

	for (i = 0; i < size; i++)
		if (data[i] == '\n')
			n_lines++;
	config_init(&c);
	diag_clear(&d);
	rc = config_parse(&c, "fuzz.ini", "/news", (const char *)data, size, &d);
	if (rc != PC_OK) {
		REQUIRE(rc == PC_ERR_PARSE || rc == PC_ERR_LIMIT || rc == PC_ERR_IO);
		REQUIRE(strcmp(d.file, "fuzz.ini") == 0);
		REQUIRE(d.line <= n_lines);
		REQUIRE(d.msg[0]);
	} else {
		struct arena a;
		struct config_settings s;
		struct buf out;
		static const char *const names[] = { "a.md", "x/y.html", "-", "notes.txt" };
		check_settings(&c.top);
		for (i = 0; i < c.n_sections; i++) {
			REQUIRE(valid(c.sections[i].glob));
			check_settings(&c.sections[i].s);
		}
		arena_init(&a, 0);
		for (i = 0; i < sizeof names / sizeof names[0]; i++) {
			config_for_file(&c, names[i], &a, &s);
			check_settings(&s);
		}
		arena_free(&a);
		buf_init(&out, 0);
		REQUIRE(config_dump(&c, &out) == PC_OK);
		REQUIRE(valid(buf_str(&out)));
		buf_free(&out);
	}
	config_free(&c);
	return 0;
}

#include "fuzz_main.h"
