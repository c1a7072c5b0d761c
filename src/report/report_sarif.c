/*
 * report_sarif.c: SARIF 2.1.0, as GitHub code scanning accepts it.
 *
 * All documents go into one run: begin() writes the log header, the tool
 * with its rule metadata (from detect_rules[]), and opens "results":[;
 * doc() appends that document's results, comma-separated, using
 * o->state->n_results to know whether a result came before (so doc() must
 * be called in output order); end() closes the array, the run and the log.
 *
 * Locations: artifactLocation.uri is the path as given, with forward
 * slashes and percent-encoding (absolute paths become file:// URIs);
 * regions give line and column only, with "columnKind":
 * "unicodeCodePoints" on the run, so they agree with the json format.
 * charOffset is left out on purpose: under unicodeCodePoints it would be
 * counted in code points, not the bytes the json format gives.
 *
 * fixes: when the suggestion is one replacement name for the finding's
 * span (report_is_plain_name, as rdjsonl's suggestions), the result
 * carries a fix whose one artifactChange deletes that region and inserts
 * the name, so tools that apply SARIF fixes (and reviewers) can take it.
 *
 * partialFingerprints["placecheckFinding/v1"] hashes the rule, the file,
 * the folded name and the text of its line, never the line number, so an
 * alert survives edits elsewhere in the file; ":N" numbers repeats of the
 * same hash within a document, as GitHub's primaryLocationLineHash does.
 */
#include "report/report_int.h"

#include "base/utf8.h"
#include "base/xmem.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define SARIF_FP_KEY "placecheckFinding/v1"

static const char *sarif_level(enum detect_sev sev)
{
	switch (sev) {
	case DETECT_SEV_ERROR:
		return "error";
	case DETECT_SEV_WARNING:
		return "warning";
	case DETECT_SEV_SUGGESTION:
	default:
		return "note";
	}
}

/* "lookalike-context" -> "LookalikeContext": SARIF's rule name is an identifier. */
static void put_rule_name(struct rw *w, const char *id)
{
	int up = 1;

	rw_putc(w, '"');
	for (; *id; id++) {
		unsigned char c = (unsigned char)*id;
		if (!isalnum(c)) {
			up = 1;
			continue;
		}
		rw_putc(w, up ? (char)toupper(c) : (char)c);
		up = 0;
	}
	rw_putc(w, '"');
}

static void put_rule(struct rw *w, const struct detect_rule_info *ri)
{
	rw_putc(w, '{');
	rw_json_key(w, "id", 1);
	rw_json_str(w, ri->id);
	rw_json_key(w, "name", 0);
	put_rule_name(w, ri->id);
	rw_puts(w, ",\"shortDescription\":{\"text\":");
	rw_json_str0(w, ri->short_desc);
	rw_puts(w, "},\"fullDescription\":{\"text\":");
	rw_json_str0(w, ri->help ? ri->help : ri->short_desc);
	rw_puts(w, "},\"help\":{\"text\":");
	rw_json_str0(w, ri->help ? ri->help : ri->short_desc);
	rw_puts(w, "},\"defaultConfiguration\":{\"level\":");
	rw_json_str(w, sarif_level(ri->default_sev));
	rw_puts(w, "},\"properties\":{\"tags\":[\"placecheck\",\"prose\",\"places\"]}}");
}

enum pc_rc report_sarif_begin(struct buf *out, const struct report_opts *o)
{
	struct rw w;
	size_t i;

	if (!o || !o->state)
		return PC_ERR_USAGE;
	rw_init(&w, out);
	rw_puts(&w, "{\"$schema\":\"" SARIF_SCHEMA "\",\"version\":\"2.1.0\",\"runs\":[{");
	rw_puts(&w, "\"tool\":{\"driver\":{\"name\":\"placecheck\"");
	rw_json_key(&w, "version", 0);
	rw_json_str(&w, o->tool_version ? o->tool_version : "unknown");
	if (o->info_uri) {
		rw_json_key(&w, "informationUri", 0);
		rw_json_str(&w, o->info_uri);
	}
	rw_puts(&w, ",\"rules\":[");
	for (i = 0; i < detect_n_rules; i++) {
		if (i)
			rw_putc(&w, ',');
		put_rule(&w, &detect_rules[i]);
	}
	rw_puts(&w, "]}},\"columnKind\":\"unicodeCodePoints\",\"results\":[");
	if (w.rc == PC_OK)
		o->state->n_results = 0;
	return rw_finish(&w);
}

enum pc_rc report_sarif_end(struct buf *out, const struct report_opts *o)
{
	struct rw w;

	(void)o;
	rw_init(&w, out);
	rw_puts(&w, "\n]}]}\n");
	return rw_finish(&w);
}

static int uri_keep(unsigned char c)
{
	return isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

/*
 * PATH as a URI reference into OUT: backslashes become slashes, leading
 * "./" goes, every byte outside unreserved characters and "/" is
 * percent-encoded (spaces, colons, non-ASCII), absolute paths get file://.
 */
static enum pc_rc path_to_uri(const char *path, struct buf *out)
{
	static const char hex[] = "0123456789ABCDEF";
	char *p = xstrdup(path ? path : "-"), *s;
	enum pc_rc rc = PC_OK;

	for (s = p; *s; s++)
		if (*s == '\\')
			*s = '/';
	s = p;
	while (s[0] == '.' && s[1] == '/')
		for (s += 2; *s == '/'; s++)
			;
	if (s[0] == '/') {
		rc = buf_puts(out, "file://");
	} else if (isalpha((unsigned char)s[0]) && s[1] == ':' && s[2] == '/') {
		rc = buf_puts(out, "file:///");
		if (rc == PC_OK)
			rc = buf_append(out, s, 2); /* the drive's colon stays */
		s += 2;
	}
	for (; *s && rc == PC_OK; s++) {
		unsigned char c = (unsigned char)*s;
		if (uri_keep(c)) {
			rc = buf_putc(out, (char)c);
		} else {
			char e[3] = { '%', hex[c >> 4], hex[c & 15] };
			rc = buf_append(out, e, 3);
		}
	}
	free(p);
	return rc;
}

/* Hash of the line's text without its surrounding blanks; 0 without source. */
static uint64_t line_hash(const struct check_result *r, const struct report_span *sp)
{
	size_t a = sp->line_start, b = sp->line_end;

	if (!sp->have_src)
		return 0;
	while (a < b && (r->src[a] == ' ' || r->src[a] == '\t'))
		a++;
	while (b > a && (r->src[b - 1] == ' ' || r->src[b - 1] == '\t'))
		b--;
	return report_fnv(REPORT_FNV_INIT, r->src + a, b - a);
}

/* The last line hashed: findings come in order, and many on one huge line
 * would each hash the whole line again. */
struct line_memo {
	size_t line_start;
	uint64_t hash;
	int valid;
};

static uint64_t finding_hash(const struct check_result *r, const struct finding *f,
			     const char *uri, struct line_memo *memo)
{
	const char *text = f->text ? f->text : "";
	struct report_span sp;
	struct buf fold;
	uint64_t h = REPORT_FNV_INIT, lh;
	unsigned char lhb[8];
	int k;

	report_span_of(r, f->offset, f->length, f->line, f->column, f->text, &sp);
	if (memo->valid && memo->line_start == sp.line_start && sp.have_src) {
		lh = memo->hash;
	} else {
		lh = line_hash(r, &sp);
		memo->line_start = sp.line_start;
		memo->hash = lh;
		memo->valid = sp.have_src;
	}
	for (k = 0; k < 8; k++)
		lhb[k] = (unsigned char)(lh >> (8 * k));
	buf_init(&fold, 4096);
	if (utf8_fold(text, strlen(text), &fold) != PC_OK) {
		buf_reset(&fold);
		buf_puts(&fold, text); /* invalid UTF-8 or huge: hash as written */
	}
	h = report_fnv(h, f->rule ? f->rule : "", f->rule ? strlen(f->rule) + 1 : 1);
	h = report_fnv(h, uri, strlen(uri) + 1);
	h = report_fnv(h, buf_str(&fold), fold.len + 1);
	h = report_fnv(h, lhb, sizeof lhb);
	buf_free(&fold);
	return h;
}

/* A finding's fingerprint and its place in the file's findings. */
struct hash_at {
	uint64_t hash;
	size_t i;
};

static int cmp_hash_at(const void *a, const void *b)
{
	const struct hash_at *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

static int cmp_hash_pos(const void *a, const void *b)
{
	const struct hash_at *x = a, *y = b;

	return (x->i > y->i) - (x->i < y->i);
}

static void put_result(struct rw *w, const struct check_result *r, const struct finding *f,
		       const char *uri, uint64_t hash, size_t occurrence)
{
	long ri = report_rule_index(f->rule);
	struct report_span sp;

	report_span_of(r, f->offset, f->length, f->line, f->column, f->text, &sp);
	rw_putc(w, '{');
	rw_json_key(w, "ruleId", 1);
	rw_json_str0(w, f->rule);
	if (ri >= 0) {
		rw_json_key(w, "ruleIndex", 0);
		rw_json_int(w, ri);
	}
	rw_json_key(w, "level", 0);
	rw_json_str(w, sarif_level(f->sev));
	rw_puts(w, ",\"message\":{\"text\":");
	if (f->message && *f->message)
		rw_json_str(w, f->message);
	else
		rw_json_str0(w, ri >= 0 ? detect_rules[ri].short_desc : f->rule);
	rw_puts(w, "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
	rw_json_str(w, uri);
	rw_printf(w, "},\"region\":{\"startLine\":%lu,\"startColumn\":%lu,"
		     "\"endLine\":%lu,\"endColumn\":%lu}}}]",
		  sp.line, sp.col, sp.end_line, sp.end_col);
	rw_printf(w, ",\"partialFingerprints\":{\"" SARIF_FP_KEY "\":\"%016llx:%zu\"}",
		  (unsigned long long)hash, occurrence);
	rw_puts(w, ",\"properties\":{\"confidence\":");
	rw_json_num(w, f->confidence, 2);
	rw_json_key(w, "quoted", 0);
	rw_json_bool(w, f->quoted);
	if (f->suggestion && *f->suggestion) {
		rw_json_key(w, "suggestion", 0);
		rw_json_str(w, f->suggestion);
	}
	rw_putc(w, '}');
	if (report_is_plain_name(f->suggestion) && !(f->text && strcmp(f->text, f->suggestion) == 0)) {
		/* A machine-applicable fix: the finding's span replaced by the
		 * suggestion (advice such as "X or Y" stays in the message). */
		size_t n = strlen(f->suggestion) + sizeof "Replace with ";
		char *desc = xmalloc(n);
		snprintf(desc, n, "Replace with %s", f->suggestion);
		rw_puts(w, ",\"fixes\":[{\"description\":{\"text\":");
		rw_json_str(w, desc);
		free(desc);
		rw_puts(w, "},\"artifactChanges\":[{\"artifactLocation\":{\"uri\":");
		rw_json_str(w, uri);
		rw_printf(w, "},\"replacements\":[{\"deletedRegion\":{\"startLine\":%lu,\"startColumn\":%lu,"
			     "\"endLine\":%lu,\"endColumn\":%lu},\"insertedContent\":{\"text\":",
			  sp.line, sp.col, sp.end_line, sp.end_col);
		rw_json_str(w, f->suggestion);
		rw_puts(w, "}}]}]}]");
	}
	rw_putc(w, '}');
}

enum pc_rc report_sarif_doc(struct buf *out, const struct check_result *r,
			    const struct report_opts *o)
{
	struct buf uri;
	struct hash_at *hashes = NULL;
	size_t *occ = NULL;
	size_t i, n_written;
	struct line_memo memo = { 0 };
	struct rw w;
	enum pc_rc rc;

	if (!o || !o->state)
		return PC_ERR_USAGE;
	if (r->n_findings == 0)
		return PC_OK;
	n_written = o->state->n_results;
	buf_init(&uri, 0);
	rc = path_to_uri(r->file, &uri);
	if (rc != PC_OK)
		goto done;
	hashes = xreallocarray(NULL, r->n_findings, sizeof *hashes);
	occ = xreallocarray(NULL, r->n_findings, sizeof *occ);
	for (i = 0; i < r->n_findings; i++) {
		hashes[i].hash = finding_hash(r, &r->findings[i], buf_str(&uri), &memo);
		hashes[i].i = i;
	}
	/* The occurrence of each fingerprint in file order: sorted by
	 * fingerprint, then by position (a count over all earlier findings
	 * was quadratic in the findings of a file). */
	qsort(hashes, r->n_findings, sizeof *hashes, cmp_hash_at);
	for (i = 0; i < r->n_findings; i++)
		occ[hashes[i].i] = i > 0 && hashes[i - 1].hash == hashes[i].hash ? occ[hashes[i - 1].i] + 1 : 1;
	qsort(hashes, r->n_findings, sizeof *hashes, cmp_hash_pos);
	rw_init(&w, out);
	for (i = 0; i < r->n_findings; i++) {
		rw_puts(&w, n_written + i ? ",\n" : "\n");
		put_result(&w, r, &r->findings[i], buf_str(&uri), hashes[i].hash, occ[i]);
	}
	rc = rw_finish(&w);
	if (rc == PC_OK)
		o->state->n_results += r->n_findings;
done:
	free(hashes);
	free(occ);
	buf_free(&uri);
	return rc;
}
