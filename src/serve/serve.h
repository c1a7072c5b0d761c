/*
 * serve.h: placecheck over HTTP (`placecheck serve`), on libmicrohttpd.
 *
 *   GET  /                 the web page (serve_page.html, built into the binary)
 *   POST /api/v1/check     {"text", "format", "name", "options"} -> exactly the
 *                          JSON that `placecheck check --format json` prints
 *                          (report_json_doc: one contract, one writer)
 *   GET  /api/v1/query?q=  the JSON of `placecheck query --json`
 *   POST /v2/check         LanguageTool's public HTTP API (serve_lt.c)
 *   GET  /v2/languages     the languages a LanguageTool client may pick
 *
 * Takes: a database path and the options below.  Gives: a running server
 * on its own threads until serve_stop().  Each worker thread checks with
 * an engine of its own (a struct db and a struct check_engine), taken from
 * a pool for the length of one request, so requests never share a
 * connection.  A request never touches the file system: the page is in the
 * binary, the database was opened at start.
 *
 * Limits: a body over max_body is answered 413 (before it is read when the
 * client announces its length); a check that runs past time_limit_ms is
 * stopped between pipeline stages and answered 503; an idle connection is
 * closed after SERVE_IDLE_TIMEOUT_S.  Malformed JSON or form data: 400 with
 * a message saying what is wrong.
 *
 * Ownership: struct serve owns the daemon, the engines and their database
 * handles; serve_stop() releases all of it.  The options' strings are
 * copied at start.  Never prints, never exits: access-log lines and the
 * daemon's own warnings go to the callbacks the caller (src/cli/) gives.
 *
 * Depends on base/, db/, check/, report/, config/ (built-in defaults for
 * filtering, as `check --no-config`), query/, and libmicrohttpd and cJSON.
 */
#ifndef PC_SERVE_SERVE_H
#define PC_SERVE_SERVE_H

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "check/check.h"

#include <stddef.h>

/* Largest request body by default: an article is 5-50 KB; 2 MB leaves
 * room for a long feature with markup and refuses a runaway upload. */
#define SERVE_DEFAULT_MAX_BODY (2u * 1024 * 1024)
/* Ceiling on --max-body: the reader's own document ceiling is 64 MiB. */
#define SERVE_MAX_MAX_BODY (64u * 1024 * 1024)
/* Per-request time limit by default: checks take milliseconds per KB today,
 * so 10 s is a runaway, not a long article. */
#define SERVE_DEFAULT_TIME_LIMIT_MS 10000ul
/* A connection that sends nothing for this long is closed (slow clients). */
#define SERVE_IDLE_TIMEOUT_S 30u
/* Most connections at once: beyond it the daemon refuses new ones. */
#define SERVE_MAX_CONNECTIONS 256u
/* Most worker threads (-j). */
#define SERVE_MAX_THREADS 64u
/* How long serve_stop() waits for requests in flight before closing. */
#define SERVE_GRACE_MS 10000u

struct serve_opts {
	const char *db_path;        /* the gazetteer (opened read-only, once per worker) */
	const char *version;        /* placecheck's version (static), for /v2 answers */
	const char *bind;           /* address to listen on; NULL: 127.0.0.1 */
	unsigned port;              /* 0: any free port (serve_port() tells which) */
	unsigned n_threads;         /* workers, 1..SERVE_MAX_THREADS */
	size_t max_body;            /* bytes; 0: SERVE_DEFAULT_MAX_BODY */
	unsigned long time_limit_ms; /* per request; 0: SERVE_DEFAULT_TIME_LIMIT_MS */
	/* One access-log line (no newline), from any worker thread; NULL: none. */
	void (*access_log)(void *arg, const char *line);
	/* A warning from the HTTP daemon (no newline), any thread; NULL: dropped. */
	void (*warn)(void *arg, const char *msg);
	void *cb_arg;
};

struct serve;

/*
 * Open the engines and start listening.  PC_ERR_USAGE for a bad address or
 * option, PC_ERR_DB when the database cannot be opened, PC_ERR_IO when the
 * address cannot be bound (in use, not local); D says which.
 * *OUT is set only on PC_OK; free with serve_stop().
 */
enum pc_rc serve_start(const struct serve_opts *o, struct serve **out /* OUT */, struct diag *d);

/* The port the server listens on (the one chosen when opts.port was 0). */
unsigned serve_port(const struct serve *s);

/*
 * Stop accepting connections, let requests in flight finish (at most
 * SERVE_GRACE_MS), then stop the threads and free S.  S may be NULL.
 */
void serve_stop(struct serve *s);

/* --- the check shared with `placecheck lsp` ---------------------------- */

struct serve_check_opts {
	enum read_fmt fmt;          /* READ_FMT_TEXT, _MARKDOWN, _HTML */
	int min_level;              /* DETECT_SEV_*; -1: the default */
	double min_confidence;      /* < 0: the default */
	int skip_quotes;            /* -1: the default */
	uint64_t deadline_ns;       /* 0: none (check.h) */
};

/* Every field "the default", as `placecheck check --no-config` has it. */
void serve_check_opts_init(struct serve_check_opts *o);

/*
 * Check TEXT[0..LEN) named NAME the way `placecheck check --no-config`
 * checks a file: check_doc(), then inline suppressions, then rule levels,
 * quotes, confidence and level from O over the built-in defaults.  The
 * result comes from A and borrows TEXT and NAME.  Errors as check_doc().
 */
enum pc_rc serve_check_text(struct check_engine *e, const char *name, const char *text,
			    size_t len, const struct serve_check_opts *o, struct arena *a,
			    struct check_result *out /* OUT */, struct diag *d);

#endif
