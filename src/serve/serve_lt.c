/*
 * serve_lt.c: /v2/check and /v2/languages in the shape of LanguageTool's
 * public HTTP API, so that a LanguageTool client whose user can set the
 * server address (browser add-ons, editor plug-ins) shows placecheck's
 * findings.
 *
 * Request fields read: text, or data (LanguageTool's annotation JSON:
 * {"annotation":[{"text":..}, {"markup":.., "interpretAs":..}]}), language
 * (required, as LanguageTool requires it; echoed back), enabledRules,
 * disabledRules, enabledCategories, disabledCategories, enabledOnly.  Others
 * (username, apiKey, motherTongue, preferredVariants, level, dicts...) are
 * accepted and ignored.
 *
 * Answer: software, warnings, language, and matches with message,
 * shortMessage, replacements, offset, length, context {text, offset,
 * length}, sentence, type, rule {id, description, issueType, category {id,
 * name}}.  Offsets and lengths count UTF-16 code units of the text as sent
 * (markup included, for data), as LanguageTool's Java strings do and as a
 * JavaScript client indexes its string.  rule.id is placecheck's own rule id
 * ("lookalike-context"); every rule is in the category PLACES.
 */
#include "serve/serve_int.h"

#include "base/utf8.h"

#include "base/xmem.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CT_JSON "application/json; charset=utf-8"
#define LT_CATEGORY_ID "PLACES"
#define LT_CATEGORY_NAME "Place names"
/* Code points of context either side of a match (LanguageTool shows about 40). */
#define LT_CONTEXT_CP 40
/* Most annotation items in a data request. */
#define LT_MAX_ANNOTATIONS 100000

/* One piece of a data request: text is checked; markup is replaced by interpretAs. */
struct lt_seg {
	size_t plain_off, plain_len;  /* in the text checked */
	size_t orig_off, orig_len;    /* in the text as sent (markup included) */
	int is_text;
};

struct lt_doc {
	struct buf plain;             /* what is checked */
	struct buf orig;              /* what the client's offsets count in */
	struct lt_seg *segs;          /* NULL for a plain text request: the same */
	size_t n_segs;
};

/* Byte offset in orig of byte P of plain. */
static size_t to_orig(const struct lt_doc *doc, size_t p)
{
	size_t lo = 0, hi = doc->n_segs;

	if (!doc->segs)
		return p;
	while (hi - lo > 1) { /* the last segment starting at or before p */
		size_t mid = (lo + hi) / 2;
		if (doc->segs[mid].plain_off <= p)
			lo = mid;
		else
			hi = mid;
	}
	if (!doc->n_segs)
		return 0;
	if (doc->segs[lo].is_text || p == doc->segs[lo].plain_off) {
		size_t k = p - doc->segs[lo].plain_off;
		return doc->segs[lo].orig_off + (k < doc->segs[lo].orig_len ? k : doc->segs[lo].orig_len);
	}
	return doc->segs[lo].orig_off + doc->segs[lo].orig_len;
}

/* UTF-16 code units in S[0..LEN). */
static size_t u16_len(const char *s, size_t len)
{
	size_t i = 0, n = 0;

	while (i < len) {
		int32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		n += cp >= 0x10000 ? 2 : 1;
		i += k ? k : 1;
	}
	return n;
}

/* Walk back or forward N code points from byte I in S[0..LEN), not past a newline. */
static size_t step_back(const char *s, size_t i, int n)
{
	while (i > 0 && n > 0 && s[i - 1] != '\n') {
		i--;
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
		n--;
	}
	return i;
}

static size_t step_fwd(const char *s, size_t len, size_t i, int n)
{
	while (i < len && n > 0 && s[i] != '\n') {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		n--;
	}
	return i;
}

/* Parse a data field into DOC; 0 and a 400 reply when it is malformed. */
static int read_data(const char *json, size_t len, struct lt_doc *doc, struct serve_reply *r)
{
	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, 0), *ann, *it;
	size_t n = 0, cap = 0;
	int ok = 0;

	if (!root) {
		serve_reply_error(r, 400, "data is not valid JSON (near byte %zu)",
				  end && end >= json ? (size_t)(end - json) : (size_t)0);
		return 0;
	}
	ann = cJSON_GetObjectItemCaseSensitive(root, "annotation");
	if (!cJSON_IsArray(ann)) {
		serve_reply_error(r, 400, "data must be {\"annotation\": [...]}");
		goto done;
	}
	cJSON_ArrayForEach(it, ann) {
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(it, "text");
		const cJSON *m = cJSON_GetObjectItemCaseSensitive(it, "markup");
		const cJSON *as = cJSON_GetObjectItemCaseSensitive(it, "interpretAs");
		struct lt_seg *sg;
		if (n == LT_MAX_ANNOTATIONS) {
			serve_reply_error(r, 413, "data has more than %d annotation items", LT_MAX_ANNOTATIONS);
			goto done;
		}
		if (!cJSON_IsObject(it) || cJSON_IsString(t) == cJSON_IsString(m) ||
		    (as && !cJSON_IsString(as)) || (as && t)) {
			serve_reply_error(r, 400, "data annotation item %zu must have a \"text\" string or a "
					  "\"markup\" string (with an optional \"interpretAs\")", n);
			goto done;
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			doc->segs = xreallocarray(doc->segs, cap, sizeof *doc->segs);
		}
		sg = &doc->segs[n++];
		sg->is_text = cJSON_IsString(t);
		sg->plain_off = doc->plain.len;
		sg->orig_off = doc->orig.len;
		sg->orig_len = strlen(sg->is_text ? t->valuestring : m->valuestring);
		if (buf_puts(&doc->orig, sg->is_text ? t->valuestring : m->valuestring) != PC_OK ||
		    buf_puts(&doc->plain, sg->is_text ? t->valuestring : as ? as->valuestring : "") != PC_OK) {
			serve_reply_error(r, 413, "data is too large");
			goto done;
		}
		sg->plain_len = doc->plain.len - sg->plain_off;
	}
	doc->n_segs = n;
	if (!doc->segs) /* no item: an empty text, not "the same as plain" */
		doc->segs = xcalloc(1, sizeof *doc->segs);
	ok = 1;
done:
	cJSON_Delete(root);
	return ok;
}

/* Is ID (placecheck's rule id) in the comma-separated LIST?  Case-insensitive. */
static int in_list(const struct serve_arg *list, const char *id)
{
	const char *p;
	size_t n = strlen(id);

	if (!list)
		return 0;
	for (p = list->value; *p;) {
		const char *e = strchr(p, ',');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		while (k && *p == ' ')
			p++, k--;
		while (k && p[k - 1] == ' ')
			k--;
		if (k == n && strncasecmp(p, id, n) == 0)
			return 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

/* Would the request's rule and category fields show rule ID? */
static int rule_wanted(const struct serve_args *args, const char *id)
{
	const struct serve_arg *only = serve_args_get(args, "enabledOnly");

	if (in_list(serve_args_get(args, "disabledRules"), id) ||
	    in_list(serve_args_get(args, "disabledCategories"), LT_CATEGORY_ID))
		return 0;
	if (only && strcasecmp(only->value, "true") == 0)
		return in_list(serve_args_get(args, "enabledRules"), id) ||
		       in_list(serve_args_get(args, "enabledCategories"), LT_CATEGORY_ID);
	return 1;
}

static const struct detect_rule_info *rule_info(const char *id)
{
	size_t i;

	for (i = 0; i < detect_n_rules; i++)
		if (strcmp(detect_rules[i].id, id) == 0)
			return &detect_rules[i];
	return NULL;
}

/* A short name for the kind of slip, for shortMessage. */
static const char *short_message(const char *rule)
{
	if (strcmp(rule, "misspelled-place") == 0)
		return "Place name misspelt?";
	if (strcmp(rule, "qualifier-mismatch") == 0)
		return "No such place in that region";
	if (strcmp(rule, "stale-suppression") == 0)
		return "Unused suppression";
	return "Wrong place?";
}

static cJSON *add_match(cJSON *arr, const struct lt_doc *doc, const struct finding *f)
{
	const char *o = buf_str(&doc->orig);
	size_t olen = doc->orig.len;
	size_t start = to_orig(doc, f->offset);
	/* The end from the match's last byte: the byte after it may begin markup. */
	size_t end = f->length ? to_orig(doc, f->offset + f->length - 1) + 1 : start;
	size_t cs, ce, ls, le;
	const struct detect_rule_info *ri = rule_info(f->rule);
	cJSON *m = cJSON_CreateObject(), *ctx, *rule, *cat, *reps, *typ;
	char *tmp;

	if (end < start)
		end = start;
	cs = step_back(o, start, LT_CONTEXT_CP);
	ce = step_fwd(o, olen, end, LT_CONTEXT_CP);
	ls = step_back(o, start, INT_MAX); /* the sentence: the whole line */
	le = step_fwd(o, olen, end, INT_MAX);
	cJSON_AddStringToObject(m, "message", f->message ? f->message : "");
	cJSON_AddStringToObject(m, "shortMessage", short_message(f->rule));
	reps = cJSON_AddArrayToObject(m, "replacements");
	if (f->suggestion && *f->suggestion && !(f->text && strcmp(f->text, f->suggestion) == 0)) {
		cJSON *v = cJSON_CreateObject();
		cJSON_AddStringToObject(v, "value", f->suggestion);
		cJSON_AddItemToArray(reps, v);
	}
	cJSON_AddNumberToObject(m, "offset", (double)u16_len(o, start));
	cJSON_AddNumberToObject(m, "length", (double)u16_len(o + start, end - start));
	ctx = cJSON_AddObjectToObject(m, "context");
	tmp = malloc(ce - cs + 1);
	if (tmp) {
		memcpy(tmp, o + cs, ce - cs);
		tmp[ce - cs] = '\0';
		cJSON_AddStringToObject(ctx, "text", tmp);
		free(tmp);
	}
	cJSON_AddNumberToObject(ctx, "offset", (double)u16_len(o + cs, start - cs));
	cJSON_AddNumberToObject(ctx, "length", (double)u16_len(o + start, end - start));
	tmp = malloc(le - ls + 1);
	if (tmp) {
		memcpy(tmp, o + ls, le - ls);
		tmp[le - ls] = '\0';
		cJSON_AddStringToObject(m, "sentence", tmp);
		free(tmp);
	}
	typ = cJSON_AddObjectToObject(m, "type");
	cJSON_AddStringToObject(typ, "typeName", "Other");
	rule = cJSON_AddObjectToObject(m, "rule");
	cJSON_AddStringToObject(rule, "id", f->rule);
	cJSON_AddStringToObject(rule, "description", ri ? ri->short_desc : f->rule);
	cJSON_AddStringToObject(rule, "issueType",
				strcmp(f->rule, "misspelled-place") == 0 ? "misspelling" : "inconsistency");
	cat = cJSON_AddObjectToObject(rule, "category");
	cJSON_AddStringToObject(cat, "id", LT_CATEGORY_ID);
	cJSON_AddStringToObject(cat, "name", LT_CATEGORY_NAME);
	cJSON_AddBoolToObject(m, "ignoreForIncompleteSentence", 0);
	cJSON_AddNumberToObject(m, "contextForSureMatch", 0);
	cJSON_AddItemToArray(arr, m);
	return m;
}

void serve_lt_check(struct serve_worker *w, const struct serve_args *args, uint64_t deadline_ns,
		    struct arena *a, struct serve_reply *r)
{
	const struct serve_arg *text = serve_args_get(args, "text");
	const struct serve_arg *data = serve_args_get(args, "data");
	const struct serve_arg *lang = serve_args_get(args, "language");
	struct serve_check_opts o;
	struct check_result res;
	struct lt_doc doc;
	struct diag d;
	cJSON *root = NULL, *sw, *lg, *det, *warn, *matches;
	char *s;
	size_t i;
	enum pc_rc rc;

	memset(&doc, 0, sizeof doc);
	buf_init(&doc.plain, SERVE_MAX_MAX_BODY);
	buf_init(&doc.orig, SERVE_MAX_MAX_BODY);
	if (!text == !data) {
		serve_reply_error(r, 400, text ? "give 'text' or 'data', not both"
					       : "missing 'text' or 'data' parameter");
		goto done;
	}
	if (!lang || !lang->value[0]) {
		serve_reply_error(r, 400, "missing 'language' parameter (en-US, en-GB, auto...)");
		goto done;
	}
	if (text) {
		if (buf_append(&doc.plain, text->value, text->value_len) != PC_OK ||
		    buf_append(&doc.orig, text->value, text->value_len) != PC_OK) {
			serve_reply_error(r, 413, "text is too large");
			goto done;
		}
	} else if (!read_data(data->value, data->value_len, &doc, r)) {
		goto done;
	}
	serve_check_opts_init(&o);
	o.fmt = READ_FMT_TEXT;
	o.deadline_ns = deadline_ns;
	diag_clear(&d);
	rc = serve_check_text(&w->eng, "-", buf_str(&doc.plain), doc.plain.len, &o, a, &res, &d);
	if (rc != PC_OK) {
		serve_reply_check_error(r, rc, &d, deadline_ns);
		goto done;
	}
	root = cJSON_CreateObject();
	sw = cJSON_AddObjectToObject(root, "software");
	cJSON_AddStringToObject(sw, "name", "placecheck");
	cJSON_AddStringToObject(sw, "version", w->version ? w->version : "unknown");
	cJSON_AddStringToObject(sw, "buildDate", "");
	cJSON_AddNumberToObject(sw, "apiVersion", 1);
	cJSON_AddBoolToObject(sw, "premium", 0);
	cJSON_AddStringToObject(sw, "status", "");
	warn = cJSON_AddObjectToObject(root, "warnings");
	cJSON_AddBoolToObject(warn, "incompleteResults", 0);
	lg = cJSON_AddObjectToObject(root, "language");
	cJSON_AddStringToObject(lg, "name", "English");
	cJSON_AddStringToObject(lg, "code", strcmp(lang->value, "auto") == 0 ? "en-US" : lang->value);
	det = cJSON_AddObjectToObject(lg, "detectedLanguage");
	cJSON_AddStringToObject(det, "name", "English");
	cJSON_AddStringToObject(det, "code", "en-US");
	cJSON_AddNumberToObject(det, "confidence", 1);
	matches = cJSON_AddArrayToObject(root, "matches");
	for (i = 0; i < res.n_findings; i++)
		if (rule_wanted(args, res.findings[i].rule))
			add_match(matches, &doc, &res.findings[i]);
	s = cJSON_PrintUnformatted(root);
	if (!s) {
		serve_reply_error(r, 500, "out of memory");
		goto done;
	}
	buf_puts(&r->body, s);
	buf_putc(&r->body, '\n');
	free(s);
	r->status = 200;
	r->content_type = CT_JSON;
done:
	cJSON_Delete(root);
	free(doc.segs);
	buf_free(&doc.plain);
	buf_free(&doc.orig);
}

void serve_lt_languages(struct serve_reply *r)
{
	/* English only: the gazetteer's names and the rules' messages are English. */
	static const char langs[] =
		"[{\"name\":\"English\",\"code\":\"en\",\"longCode\":\"en\"},"
		"{\"name\":\"English (US)\",\"code\":\"en\",\"longCode\":\"en-US\"},"
		"{\"name\":\"English (GB)\",\"code\":\"en\",\"longCode\":\"en-GB\"},"
		"{\"name\":\"English (Canada)\",\"code\":\"en\",\"longCode\":\"en-CA\"},"
		"{\"name\":\"English (Australia)\",\"code\":\"en\",\"longCode\":\"en-AU\"},"
		"{\"name\":\"English (New Zealand)\",\"code\":\"en\",\"longCode\":\"en-NZ\"},"
		"{\"name\":\"English (South Africa)\",\"code\":\"en\",\"longCode\":\"en-ZA\"}]\n";

	buf_append(&r->body, langs, sizeof langs - 1);
	r->status = 200;
	r->content_type = CT_JSON;
}
