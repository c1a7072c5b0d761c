/*
 * lsp.h: placecheck as a Language Server (`placecheck lsp`): JSON-RPC 2.0
 * messages in, messages out, for Markdown, HTML and plain-text documents.
 *
 *   initialize / initialized / shutdown / exit
 *   textDocument/didOpen, didChange (full text), didSave, didClose
 *        -> textDocument/publishDiagnostics, one diagnostic per finding,
 *           with the finding's rule as code and its suggestion in data
 *   textDocument/codeAction -> "Replace with X" quick fixes (a WorkspaceEdit)
 *   textDocument/hover      -> the reading of the place name under the
 *                              cursor (name, region, country, population)
 *                              and its look-alikes
 *
 * Takes: one message body at a time (the caller does the Content-Length
 * framing on its streams).  Gives: the messages to send back, through the
 * caller's send callback, in order.  Positions are UTF-16 code units unless
 * the client offers "utf-8" in general.positionEncodings.
 *
 * Ownership: struct lsp owns its open documents and their last check
 * results; the engine and database are borrowed and must outlive it.
 * Never prints, never exits: the caller reads lsp_handle()'s answer.
 *
 * Depends on base/, db/, check/ and serve/ (serve_check_text: checked as
 * `check --no-config` checks), query/ (look-alikes for hover), and cJSON.
 */
#ifndef PC_LSP_LSP_H
#define PC_LSP_LSP_H

#include "check/check.h"

#include <stddef.h>

/* Most documents open at once; a didOpen past it is refused with a message. */
#define LSP_MAX_DOCS 1000
/* Largest document checked (bytes); larger ones get one diagnostic saying so. */
#define LSP_MAX_DOC (8u * 1024 * 1024)
/* Per-check time limit, so one huge paste cannot stall the editor (ms). */
#define LSP_TIME_LIMIT_MS 5000ul

struct lsp;

/* Called for each outgoing message body (JSON, no framing), in order. */
typedef void (*lsp_send_fn)(void *arg, const char *json, size_t len);

/* What the caller does after a message. */
enum lsp_next {
	LSP_CONTINUE = 0,
	LSP_EXIT_OK,       /* "exit" after "shutdown": exit status 0 */
	LSP_EXIT_ERROR,    /* "exit" without "shutdown": exit status 1 (the spec's rule) */
};

/* A server over engine E and database DB (both borrowed), sending through SEND. */
struct lsp *lsp_new(struct check_engine *e, struct db *db, const char *version, lsp_send_fn send,
		    void *send_arg);
void lsp_free(struct lsp *l);

/*
 * Handle one message body MSG[0..LEN).  Malformed JSON is answered with a
 * JSON-RPC parse error (-32700); unknown requests with -32601; unknown
 * notifications are ignored, as the protocol asks.
 */
enum lsp_next lsp_handle(struct lsp *l, const char *msg, size_t len);

#endif
