/*
 * test_serve.c: src/serve/ without a socket (issue 15): the form parser
 * (a table of inputs and what they decode to, or the error), the routes'
 * 404 and 405, and the check's deadline; against the bundled database,
 * the API and LanguageTool handlers on known text.
 */
#include "testhelp.h"

#include "serve/serve_int.h"

#include <stdlib.h>
#include <sys/stat.h>

static const struct form_case {
	const char *in;
	int ok;
	size_t n;
	const char *k0, *v0, *k1, *v1;
	const char *err; /* part of the message when !ok */
} form_cases[] = {
	{ "text=Hello+world&language=en-US", 1, 2, "text", "Hello world", "language", "en-US", NULL },
	{ "text=Caf%C3%A9%2C%20ok", 1, 1, "text", "Café, ok", NULL, NULL, NULL },
	{ "a=1&&b=", 1, 2, "a", "1", "b", "", NULL },
	{ "flag", 1, 1, "flag", "", NULL, NULL, NULL },
	{ "", 1, 0, NULL, NULL, NULL, NULL, NULL },
	{ "text=50%zz", 0, 0, NULL, NULL, NULL, NULL, "bad percent escape at byte 7" },
	{ "text=%4", 0, 0, NULL, NULL, NULL, NULL, "bad percent escape" },
	{ "text=%C3", 0, 0, NULL, NULL, NULL, NULL, "not valid UTF-8" },
	{ "=x", 0, 0, NULL, NULL, NULL, NULL, "has no name" },
	{ "%00=x", 0, 0, NULL, NULL, NULL, NULL, "has no name" },
};

static void test_form(void)
{
	size_t i;

	for (i = 0; i < sizeof form_cases / sizeof form_cases[0]; i++) {
		const struct form_case *c = &form_cases[i];
		struct serve_args args;
		struct arena a;
		struct diag d;
		enum pc_rc rc;

		arena_init(&a, 0);
		diag_clear(&d);
		rc = serve_form_parse(c->in, strlen(c->in), &a, &args, &d);
		if (c->ok) {
			CHECK_INT(rc, PC_OK);
			CHECK_INT(args.n, c->n);
			if (c->n >= 1 && args.n >= 1) {
				CHECK_STR(args.v[0].key, c->k0);
				CHECK_STR(args.v[0].value, c->v0);
			}
			if (c->n >= 2 && args.n >= 2) {
				CHECK_STR(args.v[1].key, c->k1);
				CHECK_STR(args.v[1].value, c->v1);
			}
		} else {
			CHECK_INT(rc, PC_ERR_PARSE);
			CHECK(strstr(d.msg, c->err) != NULL);
			if (!strstr(d.msg, c->err))
				printf("  case %zu: %s\n", i, d.msg);
		}
		arena_free(&a);
	}
}

static void test_form_too_many(void)
{
	struct serve_args args;
	struct arena a;
	struct diag d;
	char in[SERVE_MAX_ARGS * 4 + 8];
	size_t i, n = 0;

	for (i = 0; i <= SERVE_MAX_ARGS; i++)
		n += (size_t)snprintf(in + n, sizeof in - n, "a=%zu&", i % 10);
	arena_init(&a, 0);
	diag_clear(&d);
	CHECK_INT(serve_form_parse(in, n, &a, &args, &d), PC_ERR_PARSE);
	CHECK(strstr(d.msg, "more than") != NULL);
	arena_free(&a);
}

static void route(struct serve_worker *w, const char *method, const char *path, const char *body,
		  struct serve_reply *r)
{
	struct serve_args none = { .n = 0 };
	struct serve_req req = { method, path, body ? "application/json" : NULL, &none, body ? body : "",
				 body ? strlen(body) : 0, 0 };
	struct arena a;

	arena_init(&a, 0);
	serve_reply_init(r);
	serve_route(w, &req, &a, r);
	arena_free(&a);
}

static void test_routes(void)
{
	struct serve_worker w;
	struct serve_reply r;

	memset(&w, 0, sizeof w); /* no engine: only what needs none answers */
	route(&w, "GET", "/", NULL, &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(buf_str(&r.body), "<title>placecheck") != NULL);
	CHECK_INT(r.body.len, serve_page_size());
	serve_reply_free(&r);
	route(&w, "GET", "/etc/passwd", NULL, &r);
	CHECK_INT(r.status, 404);
	serve_reply_free(&r);
	route(&w, "PUT", "/v2/check", NULL, &r);
	CHECK_INT(r.status, 405);
	CHECK_STR(r.allow, "GET, POST");
	serve_reply_free(&r);
	route(&w, "HEAD", "/api/v1/query", NULL, &r);
	CHECK_INT(r.status, 500); /* allowed (HEAD goes with GET), but no engine */
	serve_reply_free(&r);
}

static const char *test_db_path(void)
{
	const char *p = getenv("PLACECHECK_TEST_DB");
	struct stat sb;

	if (!p || !p[0])
		p = "geodata/places.db";
	return stat(p, &sb) == 0 ? p : NULL;
}

/* A deadline already past stops the check before its first stage. */
static void test_deadline(void)
{
	const char *path = test_db_path();
	/* A dateline, three states and the Australian dollar: one finding, a
	 * warning far above the scored model's threshold (when written, 10.4
	 * against 5.1). */
	const char *text = "CANBERRA, Australia -- Austria's treasurer met the premiers of Queensland, "
			   "Victoria and New South Wales in Sydney. The Australian dollar rose.";
	char body[512];
	struct serve_check_opts o;
	struct check_result res;
	struct serve_worker w;
	struct serve_reply r;
	struct arena a;
	struct diag d;

	if (!path) {
		printf("  (no database: skipped)\n");
		return;
	}
	memset(&w, 0, sizeof w);
	diag_clear(&d);
	CHECK_INT(db_open(path, DB_OPEN_READONLY, &w.db, &d), PC_OK);
	CHECK_INT(check_engine_init(&w.eng, w.db, &d), PC_OK);
	w.eng_ok = 1;
	arena_init(&a, 0);
	serve_check_opts_init(&o);
	o.deadline_ns = check_deadline(0) - 1;
	CHECK_INT(serve_check_text(&w.eng, "-", text, strlen(text), &o, &a, &res, &d), PC_ERR_LIMIT);
	CHECK(strstr(d.msg, "time limit") != NULL);
	serve_reply_init(&r);
	serve_reply_check_error(&r, PC_ERR_LIMIT, &d, o.deadline_ns);
	CHECK_INT(r.status, 503);
	serve_reply_free(&r);
	/* Without one, the same text is checked. */
	diag_clear(&d);
	o.deadline_ns = check_deadline(60000);
	CHECK_INT(serve_check_text(&w.eng, "-", text, strlen(text), &o, &a, &res, &d), PC_OK);
	CHECK(res.n_findings == 1 && strcmp(res.findings[0].suggestion, "Australia") == 0);
	/* The API handler over the same engine. */
	snprintf(body, sizeof body, "{\"text\": \"%s\", \"name\": \"x.txt\"}", text);
	route(&w, "POST", "/api/v1/check", body, &r);
	CHECK_INT(r.status, 200);
	CHECK(strncmp(buf_str(&r.body), "{\"file\":\"x.txt\",\"findings\":[{\"rule\":\"lookalike-context\"", 55) == 0);
	serve_reply_free(&r);
	arena_free(&a);
	check_engine_free(&w.eng);
	db_close(w.db);
}

int main(void)
{
	TEST(test_form);
	TEST(test_form_too_many);
	TEST(test_routes);
	TEST(test_deadline);
	return TEST_REPORT();
}
