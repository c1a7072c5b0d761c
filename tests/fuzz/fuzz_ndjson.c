/*
 * fuzz_ndjson.c: libFuzzer target for the --ndjson input side of `check`
 * (src/cli/cli_ndjson.c): one input is one line as read from the stream.
 *
 * The parser lives with the command line, which the fuzz library leaves
 * out (src/cli/ prints); it has no dependency on the rest of src/cli/, so
 * its one file is compiled in here.
 *
 * Invariants (else abort()): cli_ndjson_parse() returns 0 or -1; on 0 the
 * id is set, the format is -1 or a read_fmt, and the text holds no NUL
 * (a "\u0000" is refused, never cut short); on -1 there is a message; the
 * error line written for any input is one JSON object with "error".
 *
 * Build and run: sh scripts/fuzz.sh fuzz_ndjson.
 */
#include "cli/cli_ndjson.c"

#include <stdint.h>

#define FUZZ_NAME "fuzz_ndjson"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf text, out;
	char err[200], *id = NULL;
	int fmt = -2, rc;
	cJSON *o;
	const cJSON *e;

	buf_init(&text, 1u << 20);
	buf_init(&out, 0);
	err[0] = '\0';
	rc = cli_ndjson_parse((const char *)data, size, &id, &text, &fmt, err, sizeof err);
	REQUIRE(rc == 0 || rc == -1);
	if (rc == 0) {
		REQUIRE(id != NULL);
		REQUIRE(fmt >= -1 && fmt <= READ_FMT_HTML);
		REQUIRE(strlen(buf_str(&text)) == text.len);
	} else {
		REQUIRE(err[0] != '\0');
	}
	cli_ndjson_error_line(&out, id, rc ? err : "checked");
	REQUIRE(out.len > 0 && out.data[out.len - 1] == '\n');
	o = cJSON_ParseWithLength(out.data, out.len);
	REQUIRE(o && cJSON_IsObject(o));
	e = cJSON_GetObjectItemCaseSensitive(o, "error");
	REQUIRE(cJSON_IsString(e));
	cJSON_Delete(o);
	free(id);
	buf_free(&text);
	buf_free(&out);
	return 0;
}

#include "fuzz_main.h"
