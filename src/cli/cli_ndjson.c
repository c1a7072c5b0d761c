/*
 * cli_ndjson.c: parse one --ndjson input line with cJSON (cli_ndjson.h).
 */
#include "cli/cli_ndjson.h"

#include "base/xmem.h"
#include "read/read.h"

#include <cjson/cJSON.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The id as text: strings as they are, integers without a fraction. */
static char *id_text(const cJSON *id)
{
	char tmp[64];

	if (cJSON_IsString(id) && id->valuestring)
		return xstrdup(id->valuestring);
	if (cJSON_IsNumber(id)) {
		double v = id->valuedouble;
		if (v == floor(v) && fabs(v) < 9007199254740992.0)
			snprintf(tmp, sizeof tmp, "%.0f", v);
		else
			snprintf(tmp, sizeof tmp, "%.17g", v);
		return xstrdup(tmp);
	}
	return NULL;
}

/* Does the raw JSON text hold an escaped NUL (\u0000) inside a string? */
static int has_escaped_nul(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i + 6 <= len; i++) {
		if (s[i] != '\\')
			continue;
		if (memcmp(s + i, "\\u0000", 6) == 0)
			return 1;
		i++; /* skip the escaped character: "\\u0000" is not a NUL */
	}
	return 0;
}

int cli_ndjson_parse(const char *line, size_t len, char **id_out, struct buf *text, int *fmt,
		     char *err, size_t errlen)
{
	cJSON *root;
	const cJSON *id, *tx, *fm;
	const char *end = NULL;
	int rc = -1;

	*id_out = NULL;
	*fmt = -1;
	root = cJSON_ParseWithLengthOpts(line, len, &end, 0);
	if (!root) {
		/* Where cJSON gave up: a column (in bytes) from the line's start. */
		size_t at = end && end >= line && end <= line + len ? (size_t)(end - line) : 0;
		snprintf(err, errlen, "invalid JSON (at column %zu); each line must be one JSON object "
			 "{\"id\": ..., \"text\": ...}", at + 1);
		goto done;
	}
	if (!cJSON_IsObject(root)) {
		snprintf(err, errlen, "a JSON %s, not an object {\"id\": ..., \"text\": ...}",
			 cJSON_IsArray(root) ? "array" : cJSON_IsString(root) ? "string" :
			 cJSON_IsNumber(root) ? "number" : cJSON_IsNull(root) ? "null" : "boolean");
		goto done;
	}
	id = cJSON_GetObjectItemCaseSensitive(root, "id");
	tx = cJSON_GetObjectItemCaseSensitive(root, "text");
	fm = cJSON_GetObjectItemCaseSensitive(root, "format");
	if (id && !(*id_out = id_text(id))) {
		snprintf(err, errlen, "\"id\" must be a string or a number");
		goto done;
	}
	if (!id) {
		snprintf(err, errlen, "no \"id\"");
		goto done;
	}
	if (!cJSON_IsString(tx) || !tx->valuestring) {
		snprintf(err, errlen, "no \"text\" string");
		goto done;
	}
	if (fm && !cJSON_IsNull(fm)) {
		if (!cJSON_IsString(fm) || (*fmt = read_fmt_parse(fm->valuestring)) < 0) {
			snprintf(err, errlen, "\"format\" must be text, markdown or html");
			goto done;
		}
	}
	if (has_escaped_nul(line, len)) {
		snprintf(err, errlen, "a string holds U+0000");
		goto done;
	}
	if (buf_puts(text, tx->valuestring) != PC_OK) {
		snprintf(err, errlen, "\"text\" is too long");
		goto done;
	}
	rc = 0;
done:
	cJSON_Delete(root);
	return rc;
}

void cli_ndjson_error_line(struct buf *out, const char *id, const char *msg)
{
	cJSON *o = cJSON_CreateObject();
	char *s;

	if (id)
		cJSON_AddStringToObject(o, "file", id);
	else
		cJSON_AddNullToObject(o, "file");
	cJSON_AddStringToObject(o, "error", msg);
	s = cJSON_PrintUnformatted(o);
	if (s) {
		buf_puts(out, s);
		buf_putc(out, '\n');
		free(s);
	}
	cJSON_Delete(o);
}
