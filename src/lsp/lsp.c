/*
 * lsp.c: the language server's messages (lsp.h).  Documents are kept whole
 * (full text sync); each change checks the whole document again, which at
 * milliseconds per article is below what an editor notices.
 */
#include "lsp/lsp.h"

#include "base/arena.h"
#include "base/utf8.h"
#include "base/xmem.h"
#include "query/query.h"
#include "serve/serve.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* JSON-RPC error codes (the LSP specification's). */
#define RPC_PARSE_ERROR -32700
#define RPC_INVALID_REQUEST -32600
#define RPC_METHOD_NOT_FOUND -32601
#define RPC_NOT_INITIALIZED -32002
/* Look-alikes listed in a hover. */
#define LSP_HOVER_ALIKES 5

struct lsp_doc {
	char *uri;
	char *text;
	size_t len;
	enum read_fmt fmt;
	struct arena a;            /* the last check's result */
	struct check_result res;
	int has_res;
	/* The last position asked for (pos_of): findings come in order, and
	 * counting each from the start of the text was quadratic in a long
	 * document.  Reset whenever the text changes. */
	size_t pos_off, pos_ls;
	long pos_ln, pos_n;
	int pos_valid;
};

struct lsp {
	struct check_engine *eng;
	struct db *db;
	const char *version;
	lsp_send_fn send;
	void *send_arg;
	int initialized, shut_down;
	int utf8;                  /* positions in UTF-8 bytes (else UTF-16 units) */
	struct lsp_doc *docs;
	size_t n_docs;
};

/* ---- sending ------------------------------------------------------------ */

static void send_json(struct lsp *l, cJSON *msg)
{
	char *s;

	cJSON_AddStringToObject(msg, "jsonrpc", "2.0");
	s = cJSON_PrintUnformatted(msg);
	if (s)
		l->send(l->send_arg, s, strlen(s));
	free(s);
	cJSON_Delete(msg);
}

static void reply(struct lsp *l, const cJSON *id, cJSON *result)
{
	cJSON *m = cJSON_CreateObject();

	cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
	cJSON_AddItemToObject(m, "result", result ? result : cJSON_CreateNull());
	send_json(l, m);
}

static void reply_error(struct lsp *l, const cJSON *id, int code, const char *msg)
{
	cJSON *m = cJSON_CreateObject(), *e;

	cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
	e = cJSON_AddObjectToObject(m, "error");
	cJSON_AddNumberToObject(e, "code", code);
	cJSON_AddStringToObject(e, "message", msg);
	send_json(l, m);
}

static void notify(struct lsp *l, const char *method, cJSON *params)
{
	cJSON *m = cJSON_CreateObject();

	cJSON_AddStringToObject(m, "method", method);
	cJSON_AddItemToObject(m, "params", params);
	send_json(l, m);
}

/* window/showMessage at TYPE (1 error, 2 warning, 3 info). */
static void show_message(struct lsp *l, int type, const char *text)
{
	cJSON *p = cJSON_CreateObject();

	cJSON_AddNumberToObject(p, "type", type);
	cJSON_AddStringToObject(p, "message", text);
	notify(l, "window/showMessage", p);
}

/* ---- positions ---------------------------------------------------------- */

/* Line and character (in the negotiated unit) of byte OFF of DOC. */
static void pos_of(const struct lsp *l, struct lsp_doc *doc, size_t off, long *line, long *ch)
{
	size_t i = 0, ls = 0;
	long ln = 0, n = 0;

	if (off > doc->len)
		off = doc->len;
	/* Go on from the last position when it lies at or before OFF. */
	if (doc->pos_valid && doc->pos_off <= off) {
		i = doc->pos_off;
		ls = doc->pos_ls;
		ln = doc->pos_ln;
		n = doc->pos_n;
	}
	while (i < off) {
		int32_t cp;
		size_t k;
		if (doc->text[i] == '\n') {
			ln++;
			ls = ++i;
			n = 0;
			continue;
		}
		if (l->utf8) {
			n++;
			i++;
			continue;
		}
		k = utf8_decode(doc->text + i, doc->len - i, &cp);
		n += cp >= 0x10000 ? 2 : 1;
		i += k ? k : 1;
	}
	/* (A character that straddles OFF counts whole, as before.) */
	doc->pos_off = i;
	doc->pos_ls = ls;
	doc->pos_ln = ln;
	doc->pos_n = n;
	doc->pos_valid = 1;
	*line = ln;
	*ch = n;
}

/* Byte offset of LINE:CH in DOC (clamped to the line and the document). */
static size_t off_of(const struct lsp *l, const struct lsp_doc *doc, long line, long ch)
{
	size_t i = 0;
	long n = 0;

	while (line > 0 && i < doc->len) {
		if (doc->text[i++] == '\n')
			line--;
	}
	while (i < doc->len && doc->text[i] != '\n' && n < ch) {
		int32_t cp;
		size_t k = utf8_decode(doc->text + i, doc->len - i, &cp);
		if (!k)
			k = 1;
		n += l->utf8 ? (long)k : cp >= 0x10000 ? 2 : 1;
		i += k;
	}
	return i;
}

static cJSON *range_json(const struct lsp *l, struct lsp_doc *doc, size_t off, size_t len)
{
	cJSON *r = cJSON_CreateObject(), *s, *e;
	long a, b;

	pos_of(l, doc, off, &a, &b);
	s = cJSON_AddObjectToObject(r, "start");
	cJSON_AddNumberToObject(s, "line", (double)a);
	cJSON_AddNumberToObject(s, "character", (double)b);
	pos_of(l, doc, off + len, &a, &b);
	e = cJSON_AddObjectToObject(r, "end");
	cJSON_AddNumberToObject(e, "line", (double)a);
	cJSON_AddNumberToObject(e, "character", (double)b);
	return r;
}

/* Read a Position object; 0 if malformed. */
static int read_pos(const cJSON *p, long *line, long *ch)
{
	const cJSON *ln = cJSON_GetObjectItemCaseSensitive(p, "line");
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(p, "character");

	if (!cJSON_IsNumber(ln) || !cJSON_IsNumber(c) || ln->valuedouble < 0 || c->valuedouble < 0)
		return 0;
	*line = (long)ln->valuedouble;
	*ch = (long)c->valuedouble;
	return 1;
}

/* ---- documents ---------------------------------------------------------- */

static struct lsp_doc *find_doc(struct lsp *l, const char *uri)
{
	size_t i;

	for (i = 0; uri && i < l->n_docs; i++)
		if (strcmp(l->docs[i].uri, uri) == 0)
			return &l->docs[i];
	return NULL;
}

static void doc_clear_result(struct lsp_doc *doc)
{
	if (doc->has_res)
		arena_free(&doc->a);
	doc->has_res = 0;
}

static void doc_free(struct lsp_doc *doc)
{
	doc_clear_result(doc);
	free(doc->uri);
	free(doc->text);
}

/* The reader for a document: its languageId, else its file name. */
static enum read_fmt fmt_of(const char *lang, const char *uri)
{
	if (lang && (strcmp(lang, "markdown") == 0 || strcmp(lang, "mdx") == 0))
		return READ_FMT_MARKDOWN;
	if (lang && strcmp(lang, "html") == 0)
		return READ_FMT_HTML;
	if (lang && strcmp(lang, "plaintext") == 0)
		return READ_FMT_TEXT;
	return read_fmt_from_name(uri);
}

static int plain_fix(const struct finding *f)
{
	const char *s = f->suggestion;

	return s && *s && !strpbrk(s, ",;:/()[]{}?!\"\n") && !strstr(s, " or ") &&
	       !(f->text && strcmp(f->text, s) == 0);
}

/* Check DOC again and publish its diagnostics. */
static void publish(struct lsp *l, struct lsp_doc *doc)
{
	cJSON *p = cJSON_CreateObject(), *arr;
	struct serve_check_opts o;
	struct diag d;
	size_t i;

	cJSON_AddStringToObject(p, "uri", doc->uri);
	arr = cJSON_AddArrayToObject(p, "diagnostics");
	doc_clear_result(doc);
	if (doc->len > LSP_MAX_DOC) {
		char msg[160];
		snprintf(msg, sizeof msg, "placecheck: %s is larger than %u MB and was not checked", doc->uri,
			 LSP_MAX_DOC >> 20);
		show_message(l, 2, msg);
		notify(l, "textDocument/publishDiagnostics", p);
		return;
	}
	arena_init(&doc->a, 0);
	doc->has_res = 1;
	serve_check_opts_init(&o);
	o.fmt = doc->fmt;
	o.deadline_ns = check_deadline(LSP_TIME_LIMIT_MS);
	diag_clear(&d);
	if (serve_check_text(l->eng, doc->uri, doc->text, doc->len, &o, &doc->a, &doc->res, &d) != PC_OK) {
		char msg[700];
		snprintf(msg, sizeof msg, "placecheck: %s: %s", doc->uri, d.msg);
		show_message(l, 1, msg);
		doc_clear_result(doc);
		notify(l, "textDocument/publishDiagnostics", p);
		return;
	}
	for (i = 0; i < doc->res.n_findings; i++) {
		const struct finding *f = &doc->res.findings[i];
		cJSON *dg = cJSON_CreateObject();
		cJSON_AddItemToObject(dg, "range", range_json(l, doc, f->offset, f->length));
		cJSON_AddNumberToObject(dg, "severity",
					f->sev == DETECT_SEV_ERROR ? 1 : f->sev == DETECT_SEV_WARNING ? 2 : 3);
		cJSON_AddStringToObject(dg, "code", f->rule);
		cJSON_AddStringToObject(dg, "source", "placecheck");
		cJSON_AddStringToObject(dg, "message", f->message ? f->message : f->rule);
		if (plain_fix(f)) {
			cJSON *data = cJSON_AddObjectToObject(dg, "data");
			cJSON_AddStringToObject(data, "suggestion", f->suggestion);
		}
		cJSON_AddItemToArray(arr, dg);
	}
	notify(l, "textDocument/publishDiagnostics", p);
}

static const char *str_at(const cJSON *o, const char *k1, const char *k2)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k1);

	if (k2)
		v = cJSON_GetObjectItemCaseSensitive(v, k2);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void did_open(struct lsp *l, const cJSON *params)
{
	const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
	const char *uri = str_at(td, "uri", NULL), *text = str_at(td, "text", NULL);
	struct lsp_doc *doc;

	if (!uri || !text)
		return;
	if (!(doc = find_doc(l, uri))) {
		if (l->n_docs == LSP_MAX_DOCS) {
			show_message(l, 2, "placecheck: too many open documents; close some to check more");
			return;
		}
		l->docs = xreallocarray(l->docs, l->n_docs + 1, sizeof *l->docs);
		doc = &l->docs[l->n_docs++];
		memset(doc, 0, sizeof *doc);
		doc->uri = xstrdup(uri);
	}
	free(doc->text);
	doc->text = xstrdup(text);
	doc->len = strlen(text);
	doc->pos_valid = 0;
	doc->fmt = fmt_of(str_at(td, "languageId", NULL), uri);
	publish(l, doc);
}

static void did_change(struct lsp *l, const cJSON *params)
{
	const char *uri = str_at(params, "textDocument", "uri");
	const cJSON *changes = cJSON_GetObjectItemCaseSensitive(params, "contentChanges"), *c;
	struct lsp_doc *doc = find_doc(l, uri);
	const char *text = NULL;

	if (!doc)
		return;
	/* Full sync: the last change holds the whole text. */
	cJSON_ArrayForEach(c, changes)
		if (str_at(c, "text", NULL))
			text = str_at(c, "text", NULL);
	if (!text)
		return;
	free(doc->text);
	doc->text = xstrdup(text);
	doc->len = strlen(text);
	doc->pos_valid = 0;
	publish(l, doc);
}

static void did_save(struct lsp *l, const cJSON *params)
{
	struct lsp_doc *doc = find_doc(l, str_at(params, "textDocument", "uri"));
	const char *text = str_at(params, "text", NULL);

	if (!doc)
		return;
	if (text) {
		free(doc->text);
		doc->text = xstrdup(text);
		doc->len = strlen(text);
		doc->pos_valid = 0;
	}
	publish(l, doc);
}

static void did_close(struct lsp *l, const cJSON *params)
{
	struct lsp_doc *doc = find_doc(l, str_at(params, "textDocument", "uri"));
	cJSON *p;

	if (!doc)
		return;
	p = cJSON_CreateObject();
	cJSON_AddStringToObject(p, "uri", doc->uri);
	cJSON_AddArrayToObject(p, "diagnostics");
	notify(l, "textDocument/publishDiagnostics", p);
	doc_free(doc);
	*doc = l->docs[--l->n_docs];
}

/* ---- requests ----------------------------------------------------------- */

static cJSON *initialize(struct lsp *l, const cJSON *params)
{
	const cJSON *encs = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(params, "capabilities"), "general"),
		"positionEncodings");
	const cJSON *e;
	cJSON *res = cJSON_CreateObject(), *caps, *sync, *save, *info, *cap;

	cJSON_ArrayForEach(e, encs)
		if (cJSON_IsString(e) && strcmp(e->valuestring, "utf-8") == 0)
			l->utf8 = 1;
	caps = cJSON_AddObjectToObject(res, "capabilities");
	cJSON_AddStringToObject(caps, "positionEncoding", l->utf8 ? "utf-8" : "utf-16");
	sync = cJSON_AddObjectToObject(caps, "textDocumentSync");
	cJSON_AddBoolToObject(sync, "openClose", 1);
	cJSON_AddNumberToObject(sync, "change", 1); /* full */
	save = cJSON_AddObjectToObject(sync, "save");
	cJSON_AddBoolToObject(save, "includeText", 1);
	cJSON_AddBoolToObject(caps, "hoverProvider", 1);
	cap = cJSON_AddObjectToObject(caps, "codeActionProvider");
	cJSON_AddItemToObject(cap, "codeActionKinds", cJSON_CreateStringArray((const char *[]){ "quickfix" }, 1));
	info = cJSON_AddObjectToObject(res, "serverInfo");
	cJSON_AddStringToObject(info, "name", "placecheck");
	cJSON_AddStringToObject(info, "version", l->version ? l->version : "unknown");
	l->initialized = 1;
	return res;
}

static int overlaps(size_t a0, size_t a1, size_t b0, size_t b1)
{
	return a0 <= b1 && b0 <= a1;
}

static cJSON *code_action(struct lsp *l, const cJSON *params)
{
	struct lsp_doc *doc = find_doc(l, str_at(params, "textDocument", "uri"));
	const cJSON *range = cJSON_GetObjectItemCaseSensitive(params, "range");
	cJSON *out = cJSON_CreateArray();
	long sl, sc, el, ec;
	size_t s, e, i;

	if (!doc || !doc->has_res || !read_pos(cJSON_GetObjectItemCaseSensitive(range, "start"), &sl, &sc) ||
	    !read_pos(cJSON_GetObjectItemCaseSensitive(range, "end"), &el, &ec))
		return out;
	s = off_of(l, doc, sl, sc);
	e = off_of(l, doc, el, ec);
	for (i = 0; i < doc->res.n_findings; i++) {
		const struct finding *f = &doc->res.findings[i];
		cJSON *act, *edit, *changes, *edits, *te, *dg, *dgs;
		char title[300];
		if (!plain_fix(f) || !overlaps(s, e, f->offset, f->offset + f->length))
			continue;
		act = cJSON_CreateObject();
		snprintf(title, sizeof title, "Replace with %s", f->suggestion);
		cJSON_AddStringToObject(act, "title", title);
		cJSON_AddStringToObject(act, "kind", "quickfix");
		cJSON_AddBoolToObject(act, "isPreferred", 1);
		dgs = cJSON_AddArrayToObject(act, "diagnostics");
		dg = cJSON_CreateObject();
		cJSON_AddItemToObject(dg, "range", range_json(l, doc, f->offset, f->length));
		cJSON_AddStringToObject(dg, "code", f->rule);
		cJSON_AddStringToObject(dg, "source", "placecheck");
		cJSON_AddStringToObject(dg, "message", f->message ? f->message : f->rule);
		cJSON_AddItemToArray(dgs, dg);
		edit = cJSON_AddObjectToObject(act, "edit");
		changes = cJSON_AddObjectToObject(edit, "changes");
		edits = cJSON_AddArrayToObject(changes, doc->uri);
		te = cJSON_CreateObject();
		cJSON_AddItemToObject(te, "range", range_json(l, doc, f->offset, f->length));
		cJSON_AddStringToObject(te, "newText", f->suggestion);
		cJSON_AddItemToArray(edits, te);
		cJSON_AddItemToArray(out, act);
	}
	return out;
}

/* "Charlottesville, Virginia (US), population 46,553" into B. */
static void place_line(struct lsp *l, const struct detect_place *p, struct buf *b)
{
	struct db_place dp;
	struct diag d;

	buf_printf(b, "**%s**", p->name ? p->name : "?");
	if (p->admin1 && *p->admin1)
		buf_printf(b, ", %s", p->admin1);
	if (p->country && *p->country)
		buf_printf(b, " (%s)", p->country);
	diag_clear(&d);
	if (p->id > 0 && db_place_get(l->db, p->id, &dp, &d) == PC_OK && dp.population > 0) {
		long long n = (long long)dp.population;
		char num[32], grp[48];
		size_t len, i, j = 0;
		snprintf(num, sizeof num, "%lld", n);
		len = strlen(num);
		for (i = 0; i < len; i++) {
			if (i && (len - i) % 3 == 0)
				grp[j++] = ',';
			grp[j++] = num[i];
		}
		grp[j] = '\0';
		buf_printf(b, ", population %s", grp);
	}
}

static void alikes_line(struct lsp *l, const char *name, struct buf *b)
{
	struct query_opts qo = { .limit = LSP_HOVER_ALIKES };
	struct query_answer ans;
	struct arena a;
	struct diag d;
	size_t i;

	arena_init(&a, 0);
	diag_clear(&d);
	if (query_like(l->db, name, &qo, &a, &ans, &d) == PC_OK && ans.n_alikes) {
		buf_puts(b, "\n\nLook-alikes: ");
		for (i = 0; i < ans.n_alikes && i < LSP_HOVER_ALIKES; i++) {
			const struct query_alike *al = &ans.alikes[i];
			buf_printf(b, "%s%s (%s", i ? "; " : "", al->name, al->how);
			if (al->has_place && al->place.admin1_name[0])
				buf_printf(b, ", %s", al->place.admin1_name);
			else if (al->has_place && al->place.country_name[0])
				buf_printf(b, ", %s", al->place.country_name);
			buf_putc(b, ')');
		}
	}
	arena_free(&a);
}

static cJSON *hover(struct lsp *l, const cJSON *params)
{
	struct lsp_doc *doc = find_doc(l, str_at(params, "textDocument", "uri"));
	const struct finding *f = NULL;
	const struct resolved_place *p = NULL;
	long line, ch;
	size_t off, i, start, len;
	struct buf b;
	cJSON *res, *contents;

	if (!doc || !doc->has_res || !read_pos(cJSON_GetObjectItemCaseSensitive(params, "position"), &line, &ch))
		return NULL;
	off = off_of(l, doc, line, ch);
	for (i = 0; i < doc->res.n_findings && !f; i++)
		if (off >= doc->res.findings[i].offset && off < doc->res.findings[i].offset + doc->res.findings[i].length)
			f = &doc->res.findings[i];
	for (i = 0; i < doc->res.n_places && !p; i++)
		if (off >= doc->res.places[i].offset && off < doc->res.places[i].offset + doc->res.places[i].length)
			p = &doc->res.places[i];
	if (!f && !p)
		return NULL;
	buf_init(&b, 0);
	if (f) {
		start = f->offset;
		len = f->length;
		buf_printf(&b, "placecheck %s: %s", f->rule, f->message ? f->message : "");
		if (f->reading.name) {
			buf_puts(&b, "\n\nRead as: ");
			place_line(l, &f->reading, &b);
		}
		if (f->alternative.name) {
			buf_puts(&b, "\n\nMore likely: ");
			place_line(l, &f->alternative, &b);
		}
		if (f->text)
			alikes_line(l, f->text, &b);
	} else {
		start = p->offset;
		len = p->length;
		buf_puts(&b, "Read as: ");
		place_line(l, &p->place, &b);
		buf_printf(&b, " (confidence %.2f)", p->confidence);
		alikes_line(l, p->text, &b);
	}
	res = cJSON_CreateObject();
	contents = cJSON_AddObjectToObject(res, "contents");
	cJSON_AddStringToObject(contents, "kind", "markdown");
	cJSON_AddStringToObject(contents, "value", buf_str(&b));
	cJSON_AddItemToObject(res, "range", range_json(l, doc, start, len));
	buf_free(&b);
	return res;
}

/* ---- dispatch ----------------------------------------------------------- */

struct lsp *lsp_new(struct check_engine *e, struct db *db, const char *version, lsp_send_fn send,
		    void *send_arg)
{
	struct lsp *l = xcalloc(1, sizeof *l);

	l->eng = e;
	l->db = db;
	l->version = version;
	l->send = send;
	l->send_arg = send_arg;
	return l;
}

void lsp_free(struct lsp *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->n_docs; i++)
		doc_free(&l->docs[i]);
	free(l->docs);
	free(l);
}

static cJSON *shutdown_req(struct lsp *l, const cJSON *params)
{
	(void)params;
	l->shut_down = 1;
	return NULL;
}

/*
 * The methods.  To add one: write its function above and add a row; a
 * request's function returns the result (NULL for null), a notification's
 * sends what it has to.
 */
static const struct handler {
	const char *method;
	cJSON *(*request)(struct lsp *, const cJSON *params);
	void (*notification)(struct lsp *, const cJSON *params);
} handlers[] = {
	{ "initialize", initialize, NULL },
	{ "shutdown", shutdown_req, NULL },
	{ "textDocument/didOpen", NULL, did_open },
	{ "textDocument/didChange", NULL, did_change },
	{ "textDocument/didSave", NULL, did_save },
	{ "textDocument/didClose", NULL, did_close },
	{ "textDocument/codeAction", code_action, NULL },
	{ "textDocument/hover", hover, NULL },
};

enum lsp_next lsp_handle(struct lsp *l, const char *msg, size_t len)
{
	const struct handler *h;
	cJSON *m = cJSON_ParseWithLength(msg, len);
	const cJSON *id, *params;
	const char *method;
	enum lsp_next next = LSP_CONTINUE;

	if (!m) {
		reply_error(l, NULL, RPC_PARSE_ERROR, "the message is not valid JSON");
		return LSP_CONTINUE;
	}
	id = cJSON_GetObjectItemCaseSensitive(m, "id");
	params = cJSON_GetObjectItemCaseSensitive(m, "params");
	method = str_at(m, "method", NULL);
	if (!cJSON_IsObject(m) || !method) {
		if (id && !cJSON_GetObjectItemCaseSensitive(m, "result") && !cJSON_GetObjectItemCaseSensitive(m, "error"))
			reply_error(l, id, RPC_INVALID_REQUEST, "a request needs a method");
		goto done; /* a response to something we sent: nothing to do */
	}
	if (strcmp(method, "exit") == 0) {
		next = l->shut_down ? LSP_EXIT_OK : LSP_EXIT_ERROR;
		goto done;
	}
	if (!l->initialized && strcmp(method, "initialize") != 0) {
		if (id)
			reply_error(l, id, RPC_NOT_INITIALIZED, "initialize first");
		goto done;
	}
	for (h = handlers; h < handlers + sizeof handlers / sizeof handlers[0]; h++) {
		if (strcmp(h->method, method) != 0)
			continue;
		if (h->request)
			reply(l, id, h->request(l, params));
		else
			h->notification(l, params);
		goto done;
	}
	if (id) {
		char text[200];
		snprintf(text, sizeof text, "placecheck does not handle %.150s", method);
		reply_error(l, id, RPC_METHOD_NOT_FOUND, text);
	} /* else: a notification we do not need ("initialized", "$/...") */
done:
	cJSON_Delete(m);
	return next;
}
