/*
 * cmd_lsp.c: `placecheck lsp` - the language server (src/lsp/) on standard
 * input and output.  This file does the protocol's framing: headers
 * ("Content-Length: N", then an empty line), then N bytes of JSON, both
 * ways.  Messages for a person go to standard error.
 */
#include "cli/cli.h"

#include "base/buf.h"
#include "base/xmem.h"
#include "check/check.h"
#include "lsp/lsp.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Largest message read: a document at LSP_MAX_DOC, escaped as JSON, with room. */
#define LSP_CLI_MAX_MSG (4u * LSP_MAX_DOC)
/* Longest header line. */
#define LSP_CLI_MAX_HEADER 1024

static const struct option lsp_opts[] = {
	{ "stdio", no_argument, NULL, 's' },
	{ NULL, 0, NULL, 0 },
};

static void send_framed(void *arg, const char *json, size_t len)
{
	FILE *out = arg;

	fprintf(out, "Content-Length: %zu\r\n\r\n", len);
	fwrite(json, 1, len, out);
	fflush(out);
}

/*
 * Read one message's headers from FP; returns its Content-Length, 0 at a
 * clean end of input, -1 (after a message) on a malformed header.
 */
static long read_headers(FILE *fp)
{
	char line[LSP_CLI_MAX_HEADER];
	long n = -2;
	int any = 0;

	while (fgets(line, sizeof line, fp)) {
		size_t k = strlen(line);
		any = 1;
		if (k == 0 || line[k - 1] != '\n') {
			cli_error("lsp: a header line is longer than %d bytes", LSP_CLI_MAX_HEADER);
			return -1;
		}
		while (k && (line[k - 1] == '\n' || line[k - 1] == '\r'))
			line[--k] = '\0';
		if (k == 0)
			break; /* end of the headers */
		if (strncasecmp(line, "Content-Length:", 15) == 0) {
			char *end;
			n = strtol(line + 15, &end, 10);
			if (end == line + 15 || *end || n < 0) {
				cli_error("lsp: bad Content-Length header: %s", line);
				return -1;
			}
		}
	}
	if (!any)
		return 0;
	if (n == -2) {
		cli_error("lsp: a message without a Content-Length header");
		return -1;
	}
	return n;
}

static int lsp_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct check_engine eng;
	struct lsp *l = NULL;
	struct diag d;
	char *body = NULL;
	int c, rc = CLI_EXIT_ERROR;

	while ((c = getopt_long(argc, argv, "", lsp_opts, NULL)) != -1) {
		if (c != 's') {
			cli_usage(stderr, &cmd_lsp_entry);
			return CLI_EXIT_ERROR;
		}
	}
	diag_clear(&d);
	if (check_engine_init(&eng, ctx->db, &d) != PC_OK) {
		cli_error_diag(&d);
		return CLI_EXIT_ERROR;
	}
	l = lsp_new(&eng, ctx->db, PLACECHECK_VERSION, send_framed, stdout);
	for (;;) {
		long n = read_headers(stdin);
		enum lsp_next next;
		if (n == 0) {
			rc = 1; /* input closed without "exit": the spec's status 1 */
			break;
		}
		if (n < 0)
			break;
		if ((unsigned long)n > LSP_CLI_MAX_MSG) {
			cli_error("lsp: a message of %ld bytes is over the limit of %u MB", n, LSP_CLI_MAX_MSG >> 20);
			break;
		}
		body = xrealloc(body, (size_t)n + 1);
		if (fread(body, 1, (size_t)n, stdin) != (size_t)n) {
			cli_error("lsp: the input ended inside a message");
			break;
		}
		body[n] = '\0';
		next = lsp_handle(l, body, (size_t)n);
		if (next != LSP_CONTINUE) {
			rc = next == LSP_EXIT_OK ? CLI_EXIT_OK : 1;
			break;
		}
	}
	free(body);
	lsp_free(l);
	check_engine_free(&eng);
	return rc;
}

const struct cmd_entry cmd_lsp_entry = {
	.name = "lsp",
	.alias = NULL,
	.usage = "[--stdio]",
	.summary = "Run as a language server for editors (JSON-RPC on standard input and output).",
	.help = "options:\n"
		"      --stdio      talk on standard input and output (the only way; accepted\n"
		"                   because editors pass it)\n"
		"      --db PATH    the gazetteer database\n"
		"Checks Markdown, HTML and text documents as they are opened, changed and\n"
		"saved; offers the suggestion as a quick fix; hover shows a place's reading\n"
		"and its look-alikes.\n",
	.opts = lsp_opts,
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_NEEDS_DB,
	.exec = lsp_exec,
};
