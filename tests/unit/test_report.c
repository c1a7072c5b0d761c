/*
 * test_report.c: every output format on a hand-built check_result whose
 * line has non-ASCII names before the finding ("Zürich ... São Paulo ...
 * Charlotte"), so each unit of column is exercised: code points in json,
 * gcc, sarif and github, UTF-8 bytes in rdjsonl (issue 4, "Output formats").
 */
#include "report/report.h"

#include "testhelp.h"

#include <stdlib.h>
#include <string.h>

/* "Zürich" is 7 bytes / 6 code points, "São Paulo" 10 / 9: Charlotte sits
 * at byte 29 of its line (column 30 in bytes) but code-point column 28. */
static const char SRC[] = "Lede.\nZürich and São Paulo, then Charlotte.\nEnd.\n";
#define OFF_CHARLOTTE (6 + 29)

static const char *EVIDENCE[] = { "Virginia named 2 times" };

static struct finding make_finding(void)
{
	struct finding f;

	memset(&f, 0, sizeof f);
	f.rule = "lookalike-context";
	f.sev = DETECT_SEV_WARNING;
	f.confidence = 0.912;
	f.offset = OFF_CHARLOTTE;
	f.length = 9;
	f.line = 2;
	f.column = 28;
	f.text = "Charlotte";
	f.quoted = 1;
	f.message = "Charlotte is in North Carolina, but this story is about \"Virginia\"";
	f.suggestion = "Charlottesville";
	f.reading = (struct detect_place){ 4460243, "Charlotte", "North Carolina", "NC", "US",
					   35.22709, -80.84313, 0 };
	f.alternative = (struct detect_place){ 4752031, "Charlottesville", "Virginia", "VA", "US",
					       38.02931, -78.47668, 0 };
	f.evidence = EVIDENCE;
	f.n_evidence = 1;
	return f;
}

static struct finding g_finding;
static struct resolved_place g_places[2];

static struct check_result make_result(void)
{
	struct check_result r;

	g_finding = make_finding();
	memset(g_places, 0, sizeof g_places);
	g_places[0] = (struct resolved_place){ 6, 7, 2, 1, "Zürich",
		{ 2657896, "Zurich", "Zurich", "ZH", "CH", 47.36667, 8.55, 0 }, 0.95 };
	g_places[1] = (struct resolved_place){ 17, 10, 2, 12, "São Paulo",
		{ 0, "São Paulo", "São Paulo", "27", "BR", -23.5475, -46.636108, 0 }, 0.9 };
	memset(&r, 0, sizeof r);
	r.file = "news/story.md";
	r.src = SRC;
	r.src_len = sizeof SRC - 1;
	r.findings = &g_finding;
	r.n_findings = 1;
	r.places = g_places;
	r.n_places = 2;
	return r;
}

/* Run FORMAT over the N documents DOCS with OPTS into a fresh string (caller frees). */
static char *render(const char *format, const struct check_result *docs, size_t n,
		    const struct report_opts *o, enum pc_rc *rc_out)
{
	const struct report_format *f = report_format_find(format);
	struct report_state st = { 0 };
	struct report_opts oo = { 0, 0, "1.2.3", NULL, NULL };
	enum pc_rc rc = PC_OK;
	struct buf out;
	size_t i;

	if (o)
		oo = *o;
	oo.state = &st;
	o = &oo;
	buf_init(&out, 0);
	if (!f) {
		*rc_out = PC_ERR_USAGE;
		return buf_detach(&out);
	}
	if (f->begin)
		rc = f->begin(&out, o);
	for (i = 0; rc == PC_OK && i < n; i++)
		if (f->doc)
			rc = f->doc(&out, &docs[i], o);
	if (rc == PC_OK && f->end)
		rc = f->end(&out, o);
	*rc_out = rc;
	return buf_detach(&out);
}

/* --- a tiny JSON syntax checker (enough to catch a stray comma) ------- */

static const char *js_value(const char *p);

static const char *js_ws(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
		p++;
	return p;
}

static const char *js_string(const char *p)
{
	if (*p++ != '"')
		return NULL;
	while (*p != '"') {
		if ((unsigned char)*p < 0x20)
			return NULL;
		if (*p == '\\') {
			p++;
			if (*p == 'u') {
				for (int k = 1; k <= 4; k++)
					if (!strchr("0123456789abcdefABCDEF", p[k]) || !p[k])
						return NULL;
				p += 4;
			} else if (!*p || !strchr("\"\\/bfnrt", *p)) {
				return NULL;
			}
		}
		p++;
	}
	return p + 1;
}

static const char *js_number(const char *p)
{
	const char *s = p;

	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return NULL;
	if (*p == '.') {
		p++;
		if (!(*p >= '0' && *p <= '9'))
			return NULL;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return p > s ? p : NULL;
}

static const char *js_value(const char *p)
{
	p = js_ws(p);
	if (*p == '{' || *p == '[') {
		char close = *p == '{' ? '}' : ']';
		int obj = *p == '{';
		p = js_ws(p + 1);
		if (*p == close)
			return p + 1;
		for (;;) {
			if (obj) {
				p = js_string(js_ws(p));
				if (!p)
					return NULL;
				p = js_ws(p);
				if (*p++ != ':')
					return NULL;
			}
			p = js_value(p);
			if (!p)
				return NULL;
			p = js_ws(p);
			if (*p == close)
				return p + 1;
			if (*p++ != ',')
				return NULL;
		}
	}
	if (*p == '"')
		return js_string(p);
	if (!strncmp(p, "true", 4))
		return p + 4;
	if (!strncmp(p, "false", 5))
		return p + 5;
	if (!strncmp(p, "null", 4))
		return p + 4;
	return js_number(p);
}

/* S[0..len) is exactly one JSON value (surrounding blanks allowed). */
static int json_ok(const char *s)
{
	const char *p = js_value(s);
	return p && *js_ws(p) == '\0';
}

/* Each "\n"-terminated line of S is one JSON value. */
static int json_lines_ok(const char *s)
{
	while (*s) {
		const char *nl = strchr(s, '\n');
		char *line;
		int ok;
		if (!nl)
			return 0;
		line = strndup(s, (size_t)(nl - s));
		ok = json_ok(line);
		free(line);
		if (!ok)
			return 0;
		s = nl + 1;
	}
	return 1;
}

/* --- tests ------------------------------------------------------------- */

static void test_find(void)
{
	static const char *names[] = { "text", "json", "gcc", "sarif", "rdjsonl", "github" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		const struct report_format *f = report_format_find(names[i]);
		CHECK(f != NULL);
		if (f)
			CHECK_STR(f->name, names[i]);
	}
	CHECK(report_format_find("xml") == NULL);
	CHECK(report_format_find("") == NULL);
	CHECK(report_format_find(NULL) == NULL);
	CHECK_INT(report_n_formats, 6);
}

static void test_json(void)
{
	struct check_result r = make_result();
	enum pc_rc rc;
	char *s = render("json", &r, 1, NULL, &rc);

	CHECK_INT(rc, PC_OK);
	CHECK_STR(s,
		"{\"file\":\"news/story.md\",\"findings\":[{\"rule\":\"lookalike-context\","
		"\"severity\":\"warning\",\"confidence\":0.91,\"line\":2,\"column\":28,"
		"\"offset\":35,\"length\":9,\"text\":\"Charlotte\",\"quoted\":true,"
		"\"message\":\"Charlotte is in North Carolina, but this story is about \\\"Virginia\\\"\","
		"\"suggestion\":\"Charlottesville\","
		"\"reading\":{\"id\":4460243,\"name\":\"Charlotte\",\"admin1\":\"North Carolina\","
		"\"admin1_code\":\"NC\",\"country\":\"US\"},"
		"\"alternative\":{\"id\":4752031,\"name\":\"Charlottesville\",\"admin1\":\"Virginia\","
		"\"admin1_code\":\"VA\",\"country\":\"US\"},"
		"\"evidence\":[\"Virginia named 2 times\"]}],"
		"\"places\":[{\"text\":\"Zürich\",\"offset\":6,\"length\":7,\"line\":2,\"column\":1,"
		"\"id\":2657896,\"name\":\"Zurich\",\"admin1\":\"Zurich\",\"admin1_code\":\"ZH\","
		"\"country\":\"CH\",\"lat\":47.36667,\"lon\":8.55,\"confidence\":0.95},"
		"{\"text\":\"São Paulo\",\"offset\":17,\"length\":10,\"line\":2,\"column\":12,"
		"\"name\":\"São Paulo\",\"admin1\":\"São Paulo\",\"admin1_code\":\"27\","
		"\"country\":\"BR\",\"lat\":-23.5475,\"lon\":-46.63611,\"confidence\":0.9}]}\n");
	CHECK(json_lines_ok(s));
	free(s);
}

static void test_json_absent_fields(void)
{
	struct check_result r = make_result();
	enum pc_rc rc;
	char *s;

	g_finding.suggestion = NULL;
	g_finding.alternative.name = NULL;
	g_finding.alternative.id = 0;
	g_finding.n_evidence = 0;
	g_finding.evidence = NULL;
	g_finding.quoted = 0;
	s = render("json", &r, 1, NULL, &rc);
	CHECK_INT(rc, PC_OK);
	CHECK(strstr(s, "\"suggestion\":null,\"reading\":{") != NULL);
	CHECK(strstr(s, "alternative") == NULL);
	CHECK(strstr(s, "\"evidence\":[]}") != NULL);
	CHECK(strstr(s, "\"quoted\":false") != NULL);
	CHECK(json_lines_ok(s));
	free(s);
}

static void test_json_empty(void)
{
	struct check_result r;
	enum pc_rc rc;
	char *s;

	memset(&r, 0, sizeof r);
	r.file = "clean.md";
	s = render("json", &r, 1, NULL, &rc);
	CHECK_INT(rc, PC_OK);
	CHECK_STR(s, "{\"file\":\"clean.md\",\"findings\":[],\"places\":[]}\n");
	CHECK(json_lines_ok(s));
	free(s);
}

static void test_json_escaping(void)
{
	struct check_result r;
	struct finding f = make_finding();
	enum pc_rc rc;
	char *s;

	memset(&r, 0, sizeof r);
	r.file = "dir\\a \"b\".md";
	/* quote, backslash, newline, tab, CR, BEL, ESC, DEL, U+2028, an invalid byte */
	f.message = "q\"b\\n\nt\tr\rbel\a esc\x1b del\x7f ls\xE2\x80\xA8 bad\xFF end";
	f.text = "S\xC3\xA3o";
	r.findings = &f;
	r.n_findings = 1;
	s = render("json", &r, 1, NULL, &rc);
	CHECK_INT(rc, PC_OK);
	CHECK(strstr(s, "\"file\":\"dir\\\\a \\\"b\\\".md\"") != NULL);
	CHECK(strstr(s, "\"message\":\"q\\\"b\\\\n\\nt\\tr\\rbel\\u0007 esc\\u001b del\\u007f "
			"ls\\u2028 bad\xEF\xBF\xBD end\"") != NULL);
	CHECK(strstr(s, "\"text\":\"S\xC3\xA3o\"") != NULL);
	CHECK(json_lines_ok(s));
	free(s);
}

static void test_json_numbers(void)
{
	struct check_result r;
	struct resolved_place p[4];
	enum pc_rc rc;
	char *s;

	memset(&r, 0, sizeof r);
	memset(p, 0, sizeof p);
	p[0].place.lat = 0.000004;  /* rounds to 0 */
	p[0].place.lon = -0.000004; /* no "-0" */
	p[0].confidence = 1.0;
	p[1].place.lat = 38.029314999;
	p[1].place.lon = -178.5;
	p[1].confidence = 0.005;
	p[2].place.lat = 0.0 / 0.0; /* NaN: null, never invalid JSON */
	p[3].place.lat = -0.00001;
	r.file = "n";
	r.places = p;
	r.n_places = 4;
	s = render("json", &r, 1, NULL, &rc);
	CHECK_INT(rc, PC_OK);
	CHECK(strstr(s, "\"lat\":0,\"lon\":0,\"confidence\":1}") != NULL);
	CHECK(strstr(s, "\"lat\":38.02931,\"lon\":-178.5,\"confidence\":0.01}") != NULL);
	CHECK(strstr(s, "\"lat\":null,") != NULL);
	CHECK(strstr(s, "\"lat\":-0.00001,") != NULL);
	CHECK(json_lines_ok(s));
	free(s);
}

static void test_gcc(void)
{
	struct check_result r = make_result();
	enum pc_rc rc;
	char *s;

	s = render("gcc", &r, 1, NULL, &rc);
	CHECK_INT(rc, PC_OK);
	CHECK_STR(s, "news/story.md:2:28: warning: Charlotte is in North Carolina, but this story "
		     "is about \"Virginia\" [lookalike-context]\n");
	free(s);

	g_finding.sev = DETECT_SEV_SUGGESTION;
	g_finding.message = "two\nlines";
	s = render("gcc", &r, 1, NULL, &rc);
	CHECK_STR(s, "news/story.md:2:28: note: two lines [lookalike-context]\n");
	free(s);
}

static void test_text(void)
{
	struct check_result r = make_result();
	struct report_opts o = { 0, 0, "1", NULL, NULL };
	enum pc_rc rc;
	char *s = render("text", &r, 1, &o, &rc);

	CHECK_INT(rc, PC_OK);
	CHECK_STR(s,
		"news/story.md:2:28: warning: Charlotte is in North Carolina, but this story is "
		"about \"Virginia\" [lookalike-context]\n"
		"    2 | Zürich and São Paulo, then Charlotte.\n"
		"      |                            ^~~~~~~~~\n"
		"  suggestion: Charlottesville\n"
		"  evidence: Virginia named 2 times\n");
	free(s);
}

static void test_text_tabs_crlf_color(void)
{
	static const char src[] = "\tS\xC3\xA3o Paulo and Charlotte\r\n";
	struct check_result r;
	struct finding f = make_finding();
	struct report_opts o = { 1, 0, "1", NULL, NULL };
	enum pc_rc rc;
	char *s;

	memset(&r, 0, sizeof r);
	r.file = "a.txt";
	r.src = src;
	r.src_len = sizeof src - 1;
	f.offset = 16; /* tab(1) + "São Paulo"(10) + " and "(5) */
	f.line = 1;
	f.column = 0; /* not given: computed from src (tab + 9 + 5 code points + 1) */
	f.n_evidence = 0;
	f.suggestion = NULL;
	f.sev = DETECT_SEV_ERROR;
	f.message = "m";
	r.findings = &f;
	r.n_findings = 1;
	s = render("text", &r, 1, &o, &rc);
	CHECK_INT(rc, PC_OK);
	CHECK_STR(s, "\033[1ma.txt:1:16:\033[0m \033[1;31merror:\033[0m m [lookalike-context]\n"
		     "    1 | \tS\xC3\xA3o Paulo and Charlotte\n"
		     "      | \t              \033[1;32m^~~~~~~~~\033[0m\n");
	free(s);
}

static void test_text_empty(void)
{
	struct check_result r = make_result();
	enum pc_rc rc;
	char *s;

	r.n_findings = 0;
	s = render("text", &r, 1, NULL, &rc);
	CHECK_INT(rc, PC_OK);
	CHECK_STR(s, "");
	free(s);
}

static void test_rdjsonl(void)
{
	struct check_result r = make_result();
	enum pc_rc rc;
	char *s = render("rdjsonl", &r, 1, NULL, &rc);

	CHECK_INT(rc, PC_OK);
	CHECK_STR(s,
		"{\"message\":\"Charlotte is in North Carolina, but this story is about \\\"Virginia\\\"\","
		"\"location\":{\"path\":\"news/story.md\",\"range\":{\"start\":{\"line\":2,\"column\":30},"
		"\"end\":{\"line\":2,\"column\":39}}},\"severity\":\"WARNING\","
		"\"source\":{\"name\":\"placecheck\"},\"code\":{\"value\":\"lookalike-context\"},"
		"\"suggestions\":[{\"range\":{\"start\":{\"line\":2,\"column\":30},"
		"\"end\":{\"line\":2,\"column\":39}},\"text\":\"Charlottesville\"}]}\n");
	CHECK(json_lines_ok(s));
	free(s);

	/* Advice, not a replacement name: no automatic fix. */
	g_finding.suggestion = "Charlottesville, Va. or Charlotte, N.C.";
	g_finding.sev = DETECT_SEV_ERROR;
	s = render("rdjsonl", &r, 1, NULL, &rc);
	CHECK(strstr(s, "suggestions") == NULL);
	CHECK(strstr(s, "\"severity\":\"ERROR\"") != NULL);
	CHECK(json_lines_ok(s));
	free(s);
}

static void test_github(void)
{
	struct check_result r = make_result();
	enum pc_rc rc;
	char *s = render("github", &r, 1, NULL, &rc);

	CHECK_INT(rc, PC_OK);
	CHECK_STR(s, "::warning file=news/story.md,line=2,col=28,endColumn=37,"
		     "title=placecheck lookalike-context::Charlotte is in North Carolina, but this "
		     "story is about \"Virginia\"%0Asuggestion: Charlottesville\n");
	free(s);

	r.file = "a,b:c%.md";
	g_finding.message = "50% sure\r\nreally: yes, really";
	g_finding.suggestion = NULL;
	g_finding.sev = DETECT_SEV_SUGGESTION;
	s = render("github", &r, 1, NULL, &rc);
	CHECK_STR(s, "::notice file=a%2Cb%3Ac%25.md,line=2,col=28,endColumn=37,"
		     "title=placecheck lookalike-context::50%25 sure%0D%0Areally: yes, really\n");
	free(s);
}

static void test_sarif(void)
{
	struct check_result docs[3];
	struct report_opts o = { 0, 0, "1.2.3", "https://example.org/placecheck", NULL };
	enum pc_rc rc;
	const char *head = "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
		"\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"placecheck\","
		"\"version\":\"1.2.3\",\"informationUri\":\"https://example.org/placecheck\","
		"\"rules\":[{\"id\":\"qualifier-mismatch\",\"name\":\"QualifierMismatch\","
		"\"shortDescription\":{\"text\":";
	char *s, *p;

	docs[0] = make_result();
	memset(&docs[1], 0, sizeof docs[1]); /* a clean document in between */
	docs[1].file = "clean.md";
	docs[2] = docs[0];
	docs[2].file = "./my dir/ä.md";
	s = render("sarif", docs, 3, &o, &rc);
	CHECK_INT(rc, PC_OK);
	CHECK(json_ok(s));
	CHECK(strncmp(s, head, strlen(head)) == 0);
	CHECK(strstr(s, "\"defaultConfiguration\":{\"level\":\"error\"}") != NULL);
	CHECK(strstr(s, "\"defaultConfiguration\":{\"level\":\"note\"}") != NULL);
	CHECK(strstr(s, "\"fullDescription\":{\"text\":") != NULL);
	CHECK(strstr(s, "\"help\":{\"text\":") != NULL);
	CHECK(strstr(s, "\"properties\":{\"tags\":[") != NULL);
	CHECK(strstr(s, "\"columnKind\":\"unicodeCodePoints\",\"results\":[\n{") != NULL);
	CHECK(strstr(s, "{\"ruleId\":\"lookalike-context\",\"ruleIndex\":1,\"level\":\"warning\","
			"\"message\":{\"text\":\"Charlotte is in North Carolina, but this story is about "
			"\\\"Virginia\\\"\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":"
			"{\"uri\":\"news/story.md\"},\"region\":{\"startLine\":2,\"startColumn\":28,"
			"\"endLine\":2,\"endColumn\":37}}}],\"partialFingerprints\":"
			"{\"placecheckFinding/v1\":\"") != NULL);
	CHECK(strstr(s, ":1\"},\"properties\":{\"confidence\":0.91,\"quoted\":true,"
			"\"suggestion\":\"Charlottesville\"},") != NULL);
	/* The suggestion as a machine-applicable fix over the finding's span (issue 15). */
	CHECK(strstr(s, ",\"fixes\":[{\"description\":{\"text\":\"Replace with Charlottesville\"},"
			"\"artifactChanges\":[{\"artifactLocation\":{\"uri\":\"news/story.md\"},"
			"\"replacements\":[{\"deletedRegion\":{\"startLine\":2,\"startColumn\":28,"
			"\"endLine\":2,\"endColumn\":37},\"insertedContent\":{\"text\":\"Charlottesville\"}}]}]}]}") != NULL);
	CHECK(strstr(s, "{\"uri\":\"my%20dir/%C3%A4.md\"}") != NULL);
	CHECK(strstr(s, "}]}]}]},\n{\"ruleId\"") != NULL); /* the comma between documents */
	p = s + strlen(s);
	CHECK(p - s > 6 && strcmp(p - 6, "\n]}]}\n") == 0);
	free(s);
}

/* Advice that is no single name ("X or Y") is no fix; the message keeps it (issue 15). */
static void test_sarif_fix_only_for_a_name(void)
{
	struct check_result r = make_result();
	struct finding f = r.findings[0];
	enum pc_rc rc;
	char *s;

	f.suggestion = "Charlottesville, Va. or Charlotte, N.C.";
	r.findings = &f;
	r.n_findings = 1;
	s = render("sarif", &r, 1, NULL, &rc);
	CHECK_INT(rc, PC_OK);
	CHECK(json_ok(s));
	CHECK(strstr(s, "\"fixes\"") == NULL);
	free(s);
}

static void test_sarif_empty(void)
{
	struct check_result r;
	enum pc_rc rc;
	char *s;

	memset(&r, 0, sizeof r);
	r.file = "clean.md";
	s = render("sarif", &r, 1, NULL, &rc);
	CHECK_INT(rc, PC_OK);
	CHECK(json_ok(s));
	CHECK(strstr(s, "\"results\":[\n]}]}\n") != NULL);
	free(s);

	s = render("sarif", NULL, 0, NULL, &rc); /* no document at all */
	CHECK_INT(rc, PC_OK);
	CHECK(json_ok(s));
	free(s);
}

/* The fingerprint ignores the line number but not the line's text; repeats get :2. */
static void test_sarif_fingerprint(void)
{
	static const char moved[] = "Lede.\n\nAdded line.\nZürich and São Paulo, then Charlotte.\n";
	struct check_result r = make_result(), r2;
	struct finding two[2];
	enum pc_rc rc;
	char *a, *b, *c, *fa, *fb, *fc;

	a = render("sarif", &r, 1, NULL, &rc);
	r2 = r;
	r2.src = moved;
	r2.src_len = sizeof moved - 1;
	g_finding.offset += 13;
	g_finding.line = 4;
	b = render("sarif", &r2, 1, NULL, &rc);
	two[0] = two[1] = g_finding;
	r2.findings = two;
	r2.n_findings = 2;
	c = render("sarif", &r2, 1, NULL, &rc);
	fa = strstr(a, "placecheckFinding/v1\":\"");
	fb = strstr(b, "placecheckFinding/v1\":\"");
	fc = strstr(c, "placecheckFinding/v1\":\"");
	CHECK(fa && fb && fc);
	if (fa && fb && fc) {
		CHECK(strncmp(fa, fb, 23 + 18) == 0);
		CHECK(strstr(b, "\"startLine\":4,") != NULL);
		fc = strstr(fc + 1, "placecheckFinding/v1\":\"");
		CHECK(fc && strncmp(fc, fa, 23 + 16) == 0 && strncmp(fc + 23 + 16, ":2\"", 3) == 0);
	}
	free(a);
	free(b);
	free(c);
}

static void test_sarif_needs_state(void)
{
	const struct report_format *f = report_format_find("sarif");
	struct report_opts o = { 0, 0, "1", NULL, NULL };
	struct buf out;

	buf_init(&out, 0);
	CHECK_INT(f->begin(&out, &o), PC_ERR_USAGE);
	CHECK_INT(out.len, 0);
	buf_free(&out);
}

/* A full buffer: PC_ERR_LIMIT and nothing half-written. */
static void test_limit_rolls_back(void)
{
	static const char *names[] = { "text", "json", "gcc", "rdjsonl", "github", "sarif" };
	struct check_result r = make_result();
	struct report_state st = { 0 };
	struct report_opts o = { 0, 0, "1", NULL, &st };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		const struct report_format *f = report_format_find(names[i]);
		struct buf out;
		buf_init(&out, 60);
		buf_puts(&out, "keep");
		CHECK_INT(f->doc(&out, &r, &o), PC_ERR_LIMIT);
		CHECK_STR(buf_str(&out), "keep");
		buf_free(&out);
	}
	CHECK_INT(st.n_results, 0);
}

/* No source text: columns fall back to the finding's own, ends from its text. */
static void test_no_source(void)
{
	struct check_result r = make_result();
	enum pc_rc rc;
	char *s;

	r.src = NULL;
	r.src_len = 0;
	s = render("github", &r, 1, NULL, &rc);
	CHECK(strstr(s, "line=2,col=28,endColumn=37,") != NULL);
	free(s);
	s = render("text", &r, 1, NULL, &rc);
	CHECK(strstr(s, "    2 |") == NULL);
	CHECK(strstr(s, "news/story.md:2:28: warning:") == s);
	free(s);
}

/* The last line of a text report on several files (issue 17). */
static void test_text_summary(void)
{
	struct report_totals t = { 0 };
	struct report_opts o = { 0 };
	struct buf b;

	buf_init(&b, 0);
	t.n_docs = 480;
	t.n_sev[DETECT_SEV_WARNING] = 3;
	t.n_sev[DETECT_SEV_ERROR] = 1;
	CHECK_INT(report_text_summary(&b, &t, &o), PC_OK);
	CHECK_STR(buf_str(&b), "480 files, 1 error, 3 warnings\n");
	buf_reset(&b);
	memset(&t, 0, sizeof t);
	t.n_docs = 1;
	t.n_sev[DETECT_SEV_SUGGESTION] = 2;
	t.n_failed = 1;
	CHECK_INT(report_text_summary(&b, &t, &o), PC_OK);
	CHECK_STR(buf_str(&b), "1 file, 2 suggestions (1 could not be checked)\n");
	buf_reset(&b);
	t.n_sev[DETECT_SEV_SUGGESTION] = 0;
	t.n_failed = 0;
	t.n_docs = 12;
	o.color = 1;
	CHECK_INT(report_text_summary(&b, &t, &o), PC_OK);
	CHECK_STR(buf_str(&b), "\033[1m12 files, no findings\033[0m\n");
	buf_free(&b);
}

int main(void)
{
	TEST(test_find);
	TEST(test_json);
	TEST(test_json_absent_fields);
	TEST(test_json_empty);
	TEST(test_json_escaping);
	TEST(test_json_numbers);
	TEST(test_gcc);
	TEST(test_text);
	TEST(test_text_tabs_crlf_color);
	TEST(test_text_empty);
	TEST(test_rdjsonl);
	TEST(test_github);
	TEST(test_sarif);
	TEST(test_sarif_empty);
	TEST(test_sarif_fix_only_for_a_name);
	TEST(test_sarif_fingerprint);
	TEST(test_sarif_needs_state);
	TEST(test_limit_rolls_back);
	TEST(test_no_source);
	TEST(test_text_summary);
	return TEST_REPORT();
}
