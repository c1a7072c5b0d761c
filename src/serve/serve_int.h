/*
 * serve_int.h: inside src/serve/ only.  The request handlers are plain
 * functions from a request (method, path, arguments, body) to a reply, so
 * that they can be read and tested without a socket; serve.c is the only
 * file that knows libmicrohttpd.
 *
 * Ownership: a struct serve_req borrows everything it points to; a struct
 * serve_reply owns its body buffer (serve_reply_free).  Arguments live in
 * the request's arena.
 */
#ifndef PC_SERVE_SERVE_INT_H
#define PC_SERVE_SERVE_INT_H

#include "serve/serve.h"

/* Most arguments read from a query string or a form body. */
#define SERVE_MAX_ARGS 64

struct serve_arg {
	const char *key, *value;    /* decoded, NUL-terminated (arena) */
	size_t value_len;           /* may hold NUL bytes */
};

struct serve_args {
	struct serve_arg v[SERVE_MAX_ARGS];
	size_t n;
};

struct serve_req {
	const char *method;         /* "GET", "POST", ... */
	const char *path;           /* without the query string */
	const char *content_type;   /* NULL if none */
	const struct serve_args *query; /* decoded query-string arguments */
	const char *body;           /* NUL-terminated; the terminator is not counted */
	size_t body_len;
	uint64_t deadline_ns;       /* the check's deadline (check.h) */
};

struct serve_reply {
	int status;                 /* 200, 400, ... */
	const char *content_type;   /* static string */
	const char *allow;          /* 405: the methods allowed (static), else NULL */
	struct buf body;
};

/* What a handler works with: one engine, borrowed from the pool. */
struct serve_worker {
	const char *version;        /* placecheck's version, for /v2 answers */
	struct db *db;
	struct check_engine eng;
	int eng_ok;
};

void serve_reply_init(struct serve_reply *r);
void serve_reply_free(struct serve_reply *r);
/* Set R to STATUS with {"error": MSG} (printf-style). */
void serve_reply_error(struct serve_reply *r, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Route REQ to its handler; always fills R (404, 405 included). */
void serve_route(struct serve_worker *w, const struct serve_req *req, struct arena *a,
		 struct serve_reply *r);

/* The value of KEY in ARGS, or NULL (the first one when repeated). */
const struct serve_arg *serve_args_get(const struct serve_args *args, const char *key);

/*
 * Parse application/x-www-form-urlencoded S[0..LEN) ('+' is a space, %XX
 * escapes) into OUT, strings from A.  PC_ERR_PARSE with a message in D for
 * a bad escape, invalid UTF-8 or more than SERVE_MAX_ARGS fields.
 */
enum pc_rc serve_form_parse(const char *s, size_t len, struct arena *a,
			    struct serve_args *out /* OUT */, struct diag *d);

/* POST/GET /v2/check (serve_lt.c): LanguageTool's answer for ARGS. */
void serve_lt_check(struct serve_worker *w, const struct serve_args *args, uint64_t deadline_ns,
		    struct arena *a, struct serve_reply *r);
/* GET /v2/languages. */
void serve_lt_languages(struct serve_reply *r);

/* Reply to a failed check: 413 for a size limit, 503 past the deadline,
 * 500 otherwise, with the diag's message. */
void serve_reply_check_error(struct serve_reply *r, enum pc_rc rc, const struct diag *d,
			     uint64_t deadline_ns);

/* The web page (serve_page.c), NUL-terminated; serve_page_len excludes the NUL. */
extern const char serve_page_html[];
size_t serve_page_size(void);

#endif
