/*
 * serve_api.c: routing and the placecheck API of `placecheck serve`
 * (/api/v1/check, /api/v1/query), and the check they share with the
 * LanguageTool endpoint and the language server.
 */
#include "serve/serve_int.h"

#include "check/suppress.h"
#include "config/config.h"
#include "query/query.h"
#include "report/report.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CT_JSON "application/json; charset=utf-8"
#define CT_HTML "text/html; charset=utf-8"
/* Most places listed by /api/v1/query (as `query --limit`). */
#define SERVE_QUERY_MAX_LIMIT 1000

/* ---- replies ----------------------------------------------------------- */

void serve_reply_init(struct serve_reply *r)
{
	memset(r, 0, sizeof *r);
	r->status = 500;
	r->content_type = CT_JSON;
	buf_init(&r->body, 0);
}

void serve_reply_free(struct serve_reply *r)
{
	buf_free(&r->body);
}

void serve_reply_error(struct serve_reply *r, int status, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	cJSON *o;
	char *s;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	r->status = status;
	r->content_type = CT_JSON;
	buf_reset(&r->body);
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "error", msg);
	s = cJSON_PrintUnformatted(o);
	buf_puts(&r->body, s ? s : "{\"error\":\"out of memory\"}");
	buf_putc(&r->body, '\n');
	free(s);
	cJSON_Delete(o);
}

void serve_reply_check_error(struct serve_reply *r, enum pc_rc rc, const struct diag *d,
			     uint64_t deadline_ns)
{
	if (rc == PC_ERR_LIMIT && deadline_ns && check_deadline(0) >= deadline_ns)
		serve_reply_error(r, 503, "the check ran past the server's time limit; send a shorter text");
	else if (rc == PC_ERR_LIMIT)
		serve_reply_error(r, 413, "%s", d->msg[0] ? d->msg : "the text is too large");
	else if (rc == PC_ERR_PARSE)
		serve_reply_error(r, 400, "%s", d->msg[0] ? d->msg : "the text cannot be read");
	else
		serve_reply_error(r, 500, "%s: %s", pc_rc_str(rc), d->msg);
}

const struct serve_arg *serve_args_get(const struct serve_args *args, const char *key)
{
	size_t i;

	for (i = 0; args && i < args->n; i++)
		if (strcmp(args->v[i].key, key) == 0)
			return &args->v[i];
	return NULL;
}

/* ---- the check --------------------------------------------------------- */

void serve_check_opts_init(struct serve_check_opts *o)
{
	memset(o, 0, sizeof *o);
	o->fmt = READ_FMT_TEXT;
	o->min_level = -1;
	o->min_confidence = -1;
	o->skip_quotes = -1;
}

/*
 * Keep the findings that `check --no-config` keeps: rule levels, quotes,
 * confidence and minimum level over the built-in defaults.  (cmd_check.c
 * filters the same way, with a configuration on top.)
 */
static void filter(const struct serve_check_opts *o, const struct config_settings *fs,
		   struct check_result *r)
{
	int min_level = o->min_level >= 0 ? o->min_level : fs->min_level;
	double min_conf = o->min_confidence >= 0 ? o->min_confidence : fs->min_confidence;
	int skip_q = o->skip_quotes >= 0 ? o->skip_quotes : fs->skip_quotes;
	size_t i, j = 0;

	for (i = 0; i < r->n_findings; i++) {
		struct finding f = r->findings[i];
		long ri = -1;
		size_t k;
		int lv;

		for (k = 0; k < detect_n_rules && ri < 0; k++)
			if (strcmp(detect_rules[k].id, f.rule) == 0)
				ri = (long)k;
		lv = ri >= 0 ? config_rule_level(fs, (size_t)ri, (int)f.sev) : (int)f.sev;
		if (lv == CONFIG_RULE_OFF)
			continue;
		f.sev = (enum detect_sev)lv;
		if (f.confidence < min_conf || (skip_q && f.quoted) || (int)f.sev < min_level)
			continue;
		r->findings[j++] = f;
	}
	r->n_findings = j;
}

enum pc_rc serve_check_text(struct check_engine *e, const char *name, const char *text,
			    size_t len, const struct serve_check_opts *o, struct arena *a,
			    struct check_result *out, struct diag *d)
{
	struct config cfg;
	struct config_settings fs;
	struct check_opts co;
	struct read_doc doc;
	enum pc_rc rc;

	config_init(&cfg);
	config_for_file(&cfg, name, a, &fs);
	memset(&co, 0, sizeof co);
	co.fmt = o->fmt;
	co.deadline_ns = o->deadline_ns;
	co.detect.skip_quotes = o->skip_quotes >= 0 ? o->skip_quotes : fs.skip_quotes;
	memset(&doc, 0, sizeof doc);
	rc = check_doc(e, name, text, len, &co, a, out, &doc, d);
	if (rc == PC_OK)
		rc = suppress_apply(&doc, out, a, NULL, d);
	if (rc == PC_OK)
		filter(o, &fs, out);
	config_free(&cfg);
	return rc;
}

/* ---- POST /api/v1/check ------------------------------------------------ */

/* Read "options" (an object) into O; 0 with a 400 reply on a bad one. */
static int read_options(const cJSON *opts, struct serve_check_opts *o, struct serve_reply *r)
{
	const cJSON *it;

	if (!opts || cJSON_IsNull(opts))
		return 1;
	if (!cJSON_IsObject(opts)) {
		serve_reply_error(r, 400, "\"options\" must be an object");
		return 0;
	}
	cJSON_ArrayForEach(it, opts) {
		const char *k = it->string ? it->string : "";
		if (strcmp(k, "min_level") == 0) {
			if (!cJSON_IsString(it) || (o->min_level = detect_sev_parse(it->valuestring)) < 0) {
				serve_reply_error(r, 400, "options.min_level takes \"error\", \"warning\" or \"suggestion\"");
				return 0;
			}
		} else if (strcmp(k, "min_confidence") == 0) {
			if (!cJSON_IsNumber(it) || !(it->valuedouble >= 0 && it->valuedouble <= 1)) {
				serve_reply_error(r, 400, "options.min_confidence takes a number from 0 to 1");
				return 0;
			}
			o->min_confidence = it->valuedouble;
		} else if (strcmp(k, "quotes") == 0) {
			if (!cJSON_IsBool(it)) {
				serve_reply_error(r, 400, "options.quotes takes true or false");
				return 0;
			}
			o->skip_quotes = cJSON_IsFalse(it);
		} else {
			serve_reply_error(r, 400, "unknown option \"%.100s\" (min_level, min_confidence, quotes)", k);
			return 0;
		}
	}
	return 1;
}

static void api_check(struct serve_worker *w, const struct serve_req *req, struct arena *a,
		      struct serve_reply *r)
{
	struct serve_check_opts o;
	struct report_state st = { 0 };
	struct report_opts ro = { 0 };
	struct check_result res;
	const cJSON *text, *fmt, *name;
	const char *end = NULL;
	struct diag d;
	cJSON *root;
	enum pc_rc rc;
	int f;

	if (req->content_type && strncmp(req->content_type, "application/json", 16) != 0) {
		serve_reply_error(r, 415, "send the request as application/json");
		return;
	}
	root = cJSON_ParseWithLengthOpts(req->body, req->body_len, &end, 0);
	if (!root) {
		serve_reply_error(r, 400, "the body is not valid JSON (near byte %zu)",
				  end && end >= req->body ? (size_t)(end - req->body) : (size_t)0);
		return;
	}
	serve_check_opts_init(&o);
	o.deadline_ns = req->deadline_ns;
	text = cJSON_GetObjectItemCaseSensitive(root, "text");
	fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
	name = cJSON_GetObjectItemCaseSensitive(root, "name");
	if (!cJSON_IsObject(root) || !cJSON_IsString(text)) {
		serve_reply_error(r, 400, "the body must be an object with a \"text\" string");
		goto done;
	}
	if (fmt && !cJSON_IsNull(fmt)) {
		if (!cJSON_IsString(fmt) || (f = read_fmt_parse(fmt->valuestring)) < 0 || f == READ_FMT_AUTO) {
			serve_reply_error(r, 400, "\"format\" takes \"text\", \"markdown\" or \"html\"");
			goto done;
		}
		o.fmt = (enum read_fmt)f;
	}
	if (name && !cJSON_IsNull(name) && (!cJSON_IsString(name) || strlen(name->valuestring) > 500)) {
		serve_reply_error(r, 400, "\"name\" takes a string of at most 500 bytes");
		goto done;
	}
	if (!read_options(cJSON_GetObjectItemCaseSensitive(root, "options"), &o, r))
		goto done;
	diag_clear(&d);
	rc = serve_check_text(&w->eng, cJSON_IsString(name) ? arena_strdup(a, name->valuestring) : "-",
			      text->valuestring, strlen(text->valuestring), &o, a, &res, &d);
	if (rc != PC_OK) {
		serve_reply_check_error(r, rc, &d, req->deadline_ns);
		goto done;
	}
	ro.state = &st;
	/* The json format's own writer, as `check --format json` calls it. */
	if (report_format_find("json")->doc(&r->body, &res, &ro) != PC_OK) {
		serve_reply_error(r, 500, "cannot format the report");
		goto done;
	}
	r->status = 200;
	r->content_type = CT_JSON;
done:
	cJSON_Delete(root);
}

/* ---- GET /api/v1/query?q=NAME[&limit=N] --------------------------------- */

static void api_query(struct serve_worker *w, const struct serve_req *req, struct arena *a,
		      struct serve_reply *r)
{
	const struct serve_arg *q = serve_args_get(req->query, "q");
	const struct serve_arg *lim = serve_args_get(req->query, "limit");
	struct query_opts qo = { 0 };
	struct query_answer ans;
	struct diag d;
	enum pc_rc rc;

	if (!q || !q->value[0]) {
		serve_reply_error(r, 400, "give the name to look up as ?q=NAME");
		return;
	}
	if (strlen(q->value) != q->value_len || q->value_len > 500) {
		serve_reply_error(r, 400, "q takes a name of at most 500 bytes");
		return;
	}
	if (lim) {
		char *end;
		long v = strtol(lim->value, &end, 10);
		if (!lim->value[0] || *end || v < 1 || v > SERVE_QUERY_MAX_LIMIT) {
			serve_reply_error(r, 400, "limit takes a whole number from 1 to %d", SERVE_QUERY_MAX_LIMIT);
			return;
		}
		qo.limit = (size_t)v;
	}
	diag_clear(&d);
	rc = query_ask(w->db, q->value, &qo, a, &ans, &d);
	if (rc == PC_ERR_USAGE) {
		serve_reply_error(r, 400, "%s", d.msg);
		return;
	}
	if (rc != PC_OK || query_render_json(&r->body, &ans) != PC_OK) {
		serve_reply_error(r, 500, "%s: %s", pc_rc_str(rc), d.msg);
		return;
	}
	r->status = 200;
	r->content_type = CT_JSON;
}

/* ---- routing ------------------------------------------------------------ */

static void page(struct serve_reply *r)
{
	buf_append(&r->body, serve_page_html, serve_page_size());
	r->status = 200;
	r->content_type = CT_HTML;
}

static void lt_languages(struct serve_worker *w, const struct serve_req *req, struct arena *a,
			 struct serve_reply *r)
{
	(void)w;
	(void)req;
	(void)a;
	serve_lt_languages(r);
}

static void lt_check(struct serve_worker *w, const struct serve_req *req, struct arena *a,
		     struct serve_reply *r)
{
	struct serve_args form;
	struct diag d;

	if (strcmp(req->method, "GET") == 0) {
		serve_lt_check(w, req->query, req->deadline_ns, a, r);
		return;
	}
	if (req->content_type && strncmp(req->content_type, "application/x-www-form-urlencoded", 33) != 0) {
		serve_reply_error(r, 415, "send the fields as application/x-www-form-urlencoded");
		return;
	}
	diag_clear(&d);
	if (serve_form_parse(req->body, req->body_len, a, &form, &d) != PC_OK) {
		serve_reply_error(r, 400, "malformed form data: %s", d.msg);
		return;
	}
	serve_lt_check(w, &form, req->deadline_ns, a, r);
}

static void get_page(struct serve_worker *w, const struct serve_req *req, struct arena *a,
		     struct serve_reply *r)
{
	(void)w;
	(void)req;
	(void)a;
	page(r);
}

/*
 * The routes.  To add one: write its handler above and add a row; METHODS
 * is what the Allow header of a 405 says.
 */
static const struct route {
	const char *path;
	const char *methods;        /* "GET", "POST" or "GET, POST" */
	void (*fn)(struct serve_worker *, const struct serve_req *, struct arena *, struct serve_reply *);
} routes[] = {
	{ "/", "GET", get_page },
	{ "/index.html", "GET", get_page },
	{ "/api/v1/check", "POST", api_check },
	{ "/api/v1/query", "GET", api_query },
	{ "/v2/check", "GET, POST", lt_check },
	{ "/v2/languages", "GET", lt_languages },
};

/* Does the list "GET, POST" hold METHOD?  HEAD goes with GET. */
static int method_ok(const char *methods, const char *method)
{
	size_t n = strlen(method);
	const char *p;

	if (strcmp(method, "HEAD") == 0)
		method = "GET", n = 3;
	for (p = methods; (p = strstr(p, method)) != NULL; p += n)
		if ((p == methods || p[-1] == ' ') && (p[n] == '\0' || p[n] == ','))
			return 1;
	return 0;
}

void serve_route(struct serve_worker *w, const struct serve_req *req, struct arena *a,
		 struct serve_reply *r)
{
	size_t i;

	for (i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		if (strcmp(routes[i].path, req->path) != 0)
			continue;
		if (!method_ok(routes[i].methods, req->method)) {
			serve_reply_error(r, 405, "%s takes %s, not %s", routes[i].path, routes[i].methods,
					  req->method);
			r->allow = routes[i].methods;
			return;
		}
		if (!w->eng_ok && routes[i].fn != get_page) {
			serve_reply_error(r, 500, "no check engine");
			return;
		}
		routes[i].fn(w, req, a, r);
		return;
	}
	serve_reply_error(r, 404, "no such page: %.200s (the API is under /api/v1/ and /v2/)", req->path);
}
