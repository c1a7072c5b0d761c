/*
 * cli_ndjson.h: the input side of `check --ndjson`.  One line is one JSON
 * object {"id": STRING|NUMBER, "text": STRING, "format": "markdown"|...};
 * the JSON itself is parsed by cJSON (Debian libcjson).
 *
 * Ownership: the caller owns every buffer passed in; *ID_OUT is a heap
 * string the caller frees.  Prints nothing.
 */
#ifndef PC_CLI_CLI_NDJSON_H
#define PC_CLI_CLI_NDJSON_H

#include "base/buf.h"

#include <stddef.h>

/*
 * Parse LINE[0..LEN).  On success returns 0, *ID_OUT is the id as text (a
 * number is written in its shortest exact form, so 7 stays "7"), TEXT holds
 * the article and *FMT the read_fmt of "format" (-1 when absent).  On
 * failure returns -1 with a message in ERR (ERRLEN bytes) and, when the id
 * could still be read, *ID_OUT set (else NULL).  A "text" holding U+0000 is
 * refused rather than cut short.
 */
int cli_ndjson_parse(const char *line, size_t len, char **id_out /* OUT */, struct buf *text,
		     int *fmt /* OUT */, char *err, size_t errlen);

/* The output line for an input that could not be checked:
 * {"file": ID or null, "error": MSG}\n, appended to OUT (in the input's
 * place in the output; the message on stderr names its line). */
void cli_ndjson_error_line(struct buf *out, const char *id, const char *msg);

#endif
