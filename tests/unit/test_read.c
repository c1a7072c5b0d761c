/*
 * test_read.c: unit tests for src/read/ (plain text, Markdown, HTML readers,
 * the offset map, line/column, directives, invalid UTF-8, ceilings).
 */
#include "read/read.h"

#include "base/arena.h"
#include "base/utf8.h"
#include "testhelp.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct arena A;

/* The map's invariants, checked on every document the tests convert. */
static int invariants_ok(const struct read_doc *doc)
{
	size_t k, prev = 0;

	if (doc->text[doc->len] != '\0' || memchr(doc->text, '\0', doc->len))
		return 0;
	if (utf8_validate(doc->text, doc->len) != doc->len)
		return 0;
	if (doc->len && (doc->n_map == 0 || doc->map[0].text_off != 0))
		return 0;
	for (k = 0; k < doc->n_map; k++) {
		if (doc->map[k].src_off > doc->src_len || doc->map[k].text_off >= doc->len)
			return 0;
		if (k && doc->map[k].text_off <= doc->map[k - 1].text_off)
			return 0;
	}
	for (k = 0; k <= doc->len; k++) {
		size_t o = read_src_offset(doc, k);
		if (o < prev || o > doc->src_len)
			return 0;
		prev = o;
	}
	return 1;
}

/* Convert a C string; on success also check the invariants. */
static enum pc_rc conv(const char *src, enum read_fmt fmt, struct read_doc *doc)
{
	struct diag d;
	enum pc_rc rc;

	diag_clear(&d);
	rc = read_doc(src, strlen(src), fmt, "t", &A, doc, &d);
	if (rc == PC_OK)
		CHECK(invariants_ok(doc));
	return rc;
}

/*
 * Source text of the first occurrence of WORD in the plain text, by the
 * contract's span rule, as a NUL-terminated copy (arena), or "(none)".
 */
static const char *src_of(const struct read_doc *doc, const char *word)
{
	const char *p = strstr(doc->text, word);
	size_t s, e, ts, te;

	if (!p)
		return "(none)";
	ts = (size_t)(p - doc->text);
	te = ts + strlen(word);
	s = read_src_offset(doc, ts);
	e = read_src_offset(doc, te - 1) + 1;
	return arena_strndup(&A, doc->src + s, e - s);
}

/* Line and column of WORD's first byte in the source. */
static void lc_of(const struct read_doc *doc, const char *word, unsigned long *line,
		  unsigned long *col)
{
	const char *p = strstr(doc->text, word);

	*line = *col = 0;
	if (p)
		read_linecol(doc, read_src_offset(doc, (size_t)(p - doc->text)), line, col);
}

static void test_fmt_names(void)
{
	CHECK_INT(read_fmt_from_name("a/story.md"), READ_FMT_MARKDOWN);
	CHECK_INT(read_fmt_from_name("x.MARKDOWN"), READ_FMT_MARKDOWN);
	CHECK_INT(read_fmt_from_name("x.html"), READ_FMT_HTML);
	CHECK_INT(read_fmt_from_name("x.htm"), READ_FMT_HTML);
	CHECK_INT(read_fmt_from_name("x.txt"), READ_FMT_TEXT);
	CHECK_INT(read_fmt_from_name("dir.md/file"), READ_FMT_TEXT);
	CHECK_INT(read_fmt_from_name(NULL), READ_FMT_TEXT);
	CHECK_INT(read_fmt_parse("text"), READ_FMT_TEXT);
	CHECK_INT(read_fmt_parse("markdown"), READ_FMT_MARKDOWN);
	CHECK_INT(read_fmt_parse("md"), READ_FMT_MARKDOWN);
	CHECK_INT(read_fmt_parse("html"), READ_FMT_HTML);
	CHECK_INT(read_fmt_parse("pdf"), -1);
	CHECK_INT(read_fmt_parse(""), -1);
}

static void test_auto_format(void)
{
	struct read_doc doc;
	struct diag d;
	const char *html = "<!DOCTYPE html><p>Charlotte</p>";

	diag_clear(&d);
	CHECK_INT(read_doc(html, strlen(html), READ_FMT_AUTO, "-", &A, &doc, &d), PC_OK);
	CHECK_INT(doc.fmt, READ_FMT_HTML);
	CHECK_STR(doc.text, "Charlotte");
	CHECK_INT(read_doc("# Hi", 4, READ_FMT_AUTO, "a.md", &A, &doc, &d), PC_OK);
	CHECK_INT(doc.fmt, READ_FMT_MARKDOWN);
	CHECK_STR(doc.text, "Hi");
	CHECK_INT(read_doc("# Hi", 4, READ_FMT_AUTO, "a.txt", &A, &doc, &d), PC_OK);
	CHECK_INT(doc.fmt, READ_FMT_TEXT);
	CHECK_STR(doc.text, "# Hi");
}

static void test_text_shape(void)
{
	struct read_doc doc;

	CHECK_INT(conv("One line\nnext line\n\n\n  \nNew para.\n", READ_FMT_TEXT, &doc), PC_OK);
	CHECK_STR(doc.text, "One line\nnext line\n\nNew para.");
	CHECK_STR(src_of(&doc, "New"), "New");
	/* CRLF: the same text, offsets into the CRLF file. */
	CHECK_INT(conv("One line\r\nnext line\r\n\r\nNew para.\r\n", READ_FMT_TEXT, &doc), PC_OK);
	CHECK_STR(doc.text, "One line\nnext line\n\nNew para.");
	CHECK_INT(read_src_offset(&doc, (size_t)(strstr(doc.text, "New") - doc.text)), 23);
	{
		unsigned long l, c;
		lc_of(&doc, "para", &l, &c);
		CHECK_INT(l, 4);
		CHECK_INT(c, 5);
	}
	/* Control characters read as spaces; the text stays NUL-free. */
	CHECK_INT(conv("a\x01" "b\x7f" "c", READ_FMT_TEXT, &doc), PC_OK);
	CHECK_STR(doc.text, "a b c");
}

static void test_text_directives(void)
{
	struct read_doc doc;

	CHECK_INT(conv("Intro.\n  # placecheck-disable   lookalike-context  \nCharlotte.\n"
		       "#placecheck-ignore Charlotte\n# just a comment\n",
		       READ_FMT_TEXT, &doc),
		  PC_OK);
	CHECK_INT(doc.n_dirs, 2);
	if (doc.n_dirs == 2) {
		CHECK_STR(doc.dirs[0].text, "placecheck-disable lookalike-context");
		CHECK_INT(doc.dirs[0].line, 2);
		CHECK_INT(doc.dirs[0].src_off, 9);
		CHECK_STR(doc.dirs[1].text, "placecheck-ignore Charlotte");
		CHECK_INT(doc.dirs[1].line, 4);
	}
	/* The directive line stays in the text. */
	CHECK(strstr(doc.text, "# placecheck-disable") != NULL);
}

static void test_md_emphasis_links(void)
{
	struct read_doc doc;

	CHECK_INT(conv("Storm in **BOGOTÁ** and [Charlotte](https://x/charlotte) *today*.\n",
		       READ_FMT_MARKDOWN, &doc),
		  PC_OK);
	CHECK_STR(doc.text, "Storm in BOGOTÁ and Charlotte today.");
	CHECK_STR(src_of(&doc, "BOGOTÁ"), "BOGOTÁ");
	CHECK_STR(src_of(&doc, "Charlotte"), "Charlotte");
	CHECK_STR(src_of(&doc, "today"), "today");
	/* Emphasis inside a word does not split it; the span covers the markup. */
	CHECK_INT(conv("In Charlottes**ville** and Charlottes<em>ville</em>, snake_case_x.",
		       READ_FMT_MARKDOWN, &doc),
		  PC_OK);
	CHECK_STR(doc.text, "In Charlottesville and Charlottesville, snake_case_x.");
	CHECK_STR(src_of(&doc, "Charlottesville"), "Charlottes**ville");
	CHECK_STR(src_of(&doc, "Charlottesville,"), "Charlottes<em>ville</em>,");
	/* Images keep alt text; reference links keep text; nested image in link. */
	CHECK_INT(conv("![Kansas City skyline](img/kc.jpg) [Topeka][ref] "
		       "[![Wichita](w.png)](https://w) _Salina_ ~~Hays~~\n",
		       READ_FMT_MARKDOWN, &doc),
		  PC_OK);
	CHECK_STR(doc.text, "Kansas City skyline Topeka Wichita Salina Hays");
	/* Link text split across emphasis keeps its span. */
	CHECK_INT(conv("See [**São Paulo**](http://sp) now", READ_FMT_MARKDOWN, &doc), PC_OK);
	CHECK_STR(doc.text, "See São Paulo now");
	CHECK_STR(src_of(&doc, "São Paulo"), "São Paulo");
}

static void test_md_skips(void)
{
	struct read_doc doc;

	/* Code spans, autolinks, bare URLs, escapes, entities. */
	CHECK_INT(conv("Run `Charlotte` then <https://a.b/Paris> or www.x.com/Rome, "
		       "https://y.org/Oslo. \\*Lima\\* Medell&iacute;n AT&T",
		       READ_FMT_MARKDOWN, &doc),
		  PC_OK);
	CHECK_STR(doc.text, "Run then or , . *Lima* Medellín AT&T");
	CHECK_STR(src_of(&doc, "Medellín"), "Medell&iacute;n");
	CHECK_STR(src_of(&doc, "*Lima*"), "*Lima\\*");
	/* A skipped region between letters leaves a space, not a join. */
	CHECK_INT(conv("a`code`word and x<!-- note -->y", READ_FMT_MARKDOWN, &doc), PC_OK);
	CHECK_STR(doc.text, "a word and x y");
	/* Fenced (``` and ~~~) and indented code, reference definitions. */
	CHECK_INT(conv("Before.\n\n```js\nvar Paris = 1;\n```\n\n~~~~\nRome\n~~~~\n\n"
		       "    Berlin in code\n\nAfter.\n\n[ref]: https://x/Vienna \"Vienna\"\n",
		       READ_FMT_MARKDOWN, &doc),
		  PC_OK);
	CHECK_STR(doc.text, "Before.\n\nAfter.");
	/* Indented lines inside a list are not code; a paragraph continuation is not either. */
	CHECK_INT(conv("- Item\n\n    Dallas text\n\nPara line\n    continued Austin\n",
		       READ_FMT_MARKDOWN, &doc),
		  PC_OK);
	CHECK_STR(doc.text, "Item\n\nDallas text\n\nPara line\ncontinued Austin");
	/* Unclosed fence: the rest is code. */
	CHECK_INT(conv("Top\n```\nHidden Paris\n", READ_FMT_MARKDOWN, &doc), PC_OK);
	CHECK_STR(doc.text, "Top");
}

static void test_md_blocks(void)
{
	struct read_doc doc;

	CHECK_INT(conv("# Storm hits Charlotte #\n"
		       "Para one\nline two.\n"
		       "- first item\n- second **item**\n  continued\n"
		       "1. one\n2) two\n\n"
		       "> quoted Raleigh\n> still quoted\n\n"
		       "Setext\n======\n***\nEnd",
		       READ_FMT_MARKDOWN, &doc),
		  PC_OK);
	CHECK_STR(doc.text, "Storm hits Charlotte\n\nPara one\nline two.\n\nfirst item\n\n"
			    "second item\ncontinued\n\none\n\ntwo\n\nquoted Raleigh\nstill quoted"
			    "\n\nSetext\n\nEnd");
	/* Tables: each cell is a block; the delimiter row vanishes. */
	CHECK_INT(conv("| City | State |\n|---|:---:|\n| Charlotte | N.C. |\n\nCity | Team\n"
		       "--- | ---\nKansas City | Chiefs\n",
		       READ_FMT_MARKDOWN, &doc),
		  PC_OK);
	CHECK_STR(doc.text, "City\n\nState\n\nCharlotte\n\nN.C.\n\nCity\n\nTeam\n\nKansas City\n\nChiefs");
	/* Raw HTML in Markdown: tags dropped, text kept, block tags break. */
	CHECK_INT(conv("<div>Charlotte<br>Virginia</div>\n<script>var Paris;</script>\nend",
		       READ_FMT_MARKDOWN, &doc),
		  PC_OK);
	CHECK_STR(doc.text, "Charlotte\n\nVirginia\n\nend");
	/* Footnotes: the definition's text is kept, the reference is not. */
	CHECK_INT(conv("Claim[^1] here.\n\n[^1]: Source in Ottawa.\n", READ_FMT_MARKDOWN, &doc), PC_OK);
	CHECK_STR(doc.text, "Claim here.\n\nSource in Ottawa.");
}

static void test_md_front_matter(void)
{
	struct read_doc doc;

	CHECK_INT(conv("---\ntitle: \"Storm hits Charlotte\"\ndateline: 'RALEIGH, N.C.'\n"
		       "image: /img/charlotte.jpg\ntags: [Virginia, \"North Carolina\"]\n"
		       "draft: true # comment\nsummary: |\n  Flooding in Asheville\n  and Boone.\n"
		       "author:\n  name: Jane Roe\n---\nBody text.\n",
		       READ_FMT_MARKDOWN, &doc),
		  PC_OK);
	CHECK_STR(doc.text, "Storm hits Charlotte\n\nRALEIGH, N.C.\n\nVirginia\n\nNorth Carolina"
			    "\n\ntrue\n\nFlooding in Asheville\nand Boone.\n\nJane Roe\n\nBody text.");
	CHECK(strstr(doc.text, "title") == NULL);
	CHECK(strstr(doc.text, "image") == NULL);
	CHECK_STR(src_of(&doc, "Storm hits Charlotte"), "Storm hits Charlotte");
	{
		unsigned long l, c;
		lc_of(&doc, "RALEIGH", &l, &c);
		CHECK_INT(l, 3);
		CHECK_INT(c, 12);
	}
	CHECK_INT(conv("+++\ntitle = \"Quake near Anchorage\"\ncount = 3\n[extra]\n"
		       "places = [\"Juneau\", 'Nome']\nnote = \"\"\"\nFairbanks\n\"\"\"\n+++\nBody\n",
		       READ_FMT_MARKDOWN, &doc),
		  PC_OK);
	CHECK_STR(doc.text, "Quake near Anchorage\n\nJuneau\n\nNome\n\nFairbanks\n\nBody");
	/* A value the body repeats is read where the body has it, once. */
	CHECK_INT(conv("---\ntitle: Flood warning\ndateline: \"RALEIGH, N.C.\"\n---\n"
		       "RALEIGH, N.C. -- Rivers rose.\n",
		       READ_FMT_MARKDOWN, &doc),
		  PC_OK);
	CHECK_STR(doc.text, "Flood warning\n\nRALEIGH, N.C. -- Rivers rose.");
	/* No closing line: not front matter ("---" is then a thematic break). */
	CHECK_INT(conv("---\ntitle: x\n", READ_FMT_MARKDOWN, &doc), PC_OK);
	CHECK_STR(doc.text, "title: x");
}

static void test_md_directives(void)
{
	struct read_doc doc;

	CHECK_INT(conv("Intro\n\n<!-- placecheck-disable-next-line -->\nCharlotte here.\n"
		       "Text <!-- placecheck-ignore Charlotte --> more\n"
		       "<!--\n  placecheck-disable lookalike-context\n-->\nafter\n"
		       "<!-- an ordinary comment -->\n```\n<!-- placecheck-enable -->\n```\n",
		       READ_FMT_MARKDOWN, &doc),
		  PC_OK);
	CHECK_INT(doc.n_dirs, 3);
	if (doc.n_dirs == 3) {
		CHECK_STR(doc.dirs[0].text, "placecheck-disable-next-line");
		CHECK_INT(doc.dirs[0].line, 3);
		CHECK_STR(doc.dirs[1].text, "placecheck-ignore Charlotte");
		CHECK_INT(doc.dirs[1].line, 5);
		CHECK_STR(doc.dirs[2].text, "placecheck-disable lookalike-context");
		CHECK_INT(doc.dirs[2].line, 6);
	}
	CHECK_STR(doc.text, "Intro\n\nCharlotte here.\nText more\n\nafter");
}

static void test_html(void)
{
	struct read_doc doc;

	CHECK_INT(conv("<html><head><title>Quake</title><style>p{color:red}</style>"
		       "<script>var Paris='x';</script></head>\n<body class=\"a>b\">"
		       "<h1>Flood in Medell&iacute;n</h1>\n<p>From Bogot&aacute; to "
		       "Charlottes<em>ville</em>,\n Va.&nbsp;&mdash; &#x201C;hi&#8221;"
		       "</p><p>Charlotte<br>Virginia</p></body></html>",
		       READ_FMT_HTML, &doc),
		  PC_OK);
	CHECK_STR(doc.text, "Quake\n\nFlood in Medellín\n\nFrom Bogotá to Charlottesville,\n"
			    " Va. — “hi”\n\nCharlotte\n\nVirginia");
	CHECK_STR(src_of(&doc, "Medellín"), "Medell&iacute;n");
	CHECK_STR(src_of(&doc, "Bogotá"), "Bogot&aacute;");
	CHECK_STR(src_of(&doc, "Charlottesville"), "Charlottes<em>ville");
	CHECK_STR(src_of(&doc, "“hi”"), "&#x201C;hi&#8221;");
	/* Malformed: unclosed tag, stray '<', unknown entity, unclosed comment. */
	CHECK_INT(conv("<p>Tulsa < Dallas & a<b Austin &bogus; 3<4 <p>El Paso <div",
		       READ_FMT_HTML, &doc),
		  PC_OK);
	CHECK_STR(doc.text, "Tulsa < Dallas & a<b Austin &bogus; 3<4\n\nEl Paso <div");
	CHECK_INT(conv("Reno<!-- placecheck-disable --> Elko <!-- open", READ_FMT_HTML, &doc), PC_OK);
	CHECK_STR(doc.text, "Reno Elko");
	CHECK_INT(doc.n_dirs, 1);
	CHECK_INT(conv("<script>never closed Paris", READ_FMT_HTML, &doc), PC_OK);
	CHECK_STR(doc.text, "");
	/* Page furniture (nav, aside, footer) is skipped, nesting counted;
	 * an unclosed one is read as text rather than swallow the story. */
	CHECK_INT(conv("<nav><a>New York</a><nav>Rome</nav> Oslo</nav><p>Boise</p>"
		       "<ASIDE>Related: Paris</ASIDE><navbar>Lima</navbar>"
		       "<footer>Portland, Maine</footer>", READ_FMT_HTML, &doc),
		  PC_OK);
	CHECK_STR(doc.text, "Boise\n\nLima");
	CHECK_STR(src_of(&doc, "Boise"), "Boise");
	CHECK_INT(conv("<p>Boise</p><aside>Elko", READ_FMT_HTML, &doc), PC_OK);
	CHECK_STR(doc.text, "Boise\n\nElko");
	/* Layout whitespace does not fake a paragraph break. */
	CHECK_INT(conv("<p>\n  Boise\n\n\n  Idaho\n</p>", READ_FMT_HTML, &doc), PC_OK);
	CHECK_STR(doc.text, "Boise\nIdaho");
	/* Numeric edge cases: cp1252 range, out of range, no digits. */
	CHECK_INT(conv("a&#146;b &#1114112; &#; &#x;", READ_FMT_HTML, &doc), PC_OK);
	CHECK_STR(doc.text, "a’b \xEF\xBF\xBD &#; &#x;");
}

static void test_html_directives(void)
{
	struct read_doc doc;

	CHECK_INT(conv("<p>One</p>\n<!-- placecheck-disable -->\n<p>Two</p>\n"
		       "<!-- placecheck-enable -->",
		       READ_FMT_HTML, &doc),
		  PC_OK);
	CHECK_INT(doc.n_dirs, 2);
	if (doc.n_dirs == 2) {
		CHECK_STR(doc.dirs[0].text, "placecheck-disable");
		CHECK_INT(doc.dirs[0].line, 2);
		CHECK_INT(doc.dirs[0].src_off, 11);
		CHECK_STR(doc.dirs[1].text, "placecheck-enable");
		CHECK_INT(doc.dirs[1].line, 4);
	}
	CHECK_STR(doc.text, "One\n\nTwo");
}

static void test_columns(void)
{
	struct read_doc doc;
	unsigned long l, c;
	size_t start, len;
	const char *md = "# Notes\n\nFrom **Zürich** to São Paulo, then Charlotte.\r\nNext line\n";

	CHECK_INT(conv(md, READ_FMT_MARKDOWN, &doc), PC_OK);
	lc_of(&doc, "Charlotte", &l, &c);
	CHECK_INT(l, 3);
	CHECK_INT(c, 36); /* code points, markup included */
	lc_of(&doc, "Zürich", &l, &c);
	CHECK_INT(c, 8);
	read_line_span(&doc, read_src_offset(&doc, (size_t)(strstr(doc.text, "Charlotte") - doc.text)),
		       &start, &len);
	CHECK_INT(len, strlen("From **Zürich** to São Paulo, then Charlotte."));
	CHECK(!memcmp(md + start, "From **", 7));
	lc_of(&doc, "Next", &l, &c);
	CHECK_INT(l, 4);
	CHECK_INT(c, 1);
	/* Plain text: "Zürich ... São Paulo ... Charlotte". */
	CHECK_INT(conv("Zürich ... São Paulo ... Charlotte", READ_FMT_TEXT, &doc), PC_OK);
	lc_of(&doc, "Charlotte", &l, &c);
	CHECK_INT(l, 1);
	CHECK_INT(c, 26);
	/* A BOM is skipped and not counted. */
	CHECK_INT(conv("\xEF\xBB\xBFOslo", READ_FMT_TEXT, &doc), PC_OK);
	CHECK_STR(doc.text, "Oslo");
	lc_of(&doc, "Oslo", &l, &c);
	CHECK_INT(c, 1);
	/* Past-the-end offsets clamp; the last empty line exists. */
	read_linecol(&doc, 999, &l, &c);
	CHECK_INT(l, 1);
	CHECK_INT(read_src_offset(&doc, doc.len), doc.src_len);
}

static void test_invalid_utf8(void)
{
	struct read_doc doc;
	const char *src = "Line one\nZ\xfcrich and \xe2\x82 Charlotte\n\xff\xfe end\n";

	CHECK_INT(conv(src, READ_FMT_TEXT, &doc), PC_OK);
	CHECK_INT(doc.n_bad, 4);
	if (doc.n_bad == 4) {
		CHECK_INT(doc.bad[0].src_off, 10);
		CHECK_INT(doc.bad[0].line, 2);
		CHECK_INT(doc.bad[0].column, 2);
		CHECK_INT(doc.bad[1].src_off, 20);
		CHECK_INT(doc.bad[1].line, 2);
		CHECK_INT(doc.bad[1].column, 12);
		CHECK_INT(doc.bad[2].line, 3);
		CHECK_INT(doc.bad[2].column, 1);
		CHECK_INT(doc.bad[3].column, 2);
	}
	CHECK_STR(doc.text, "Line one\nZ\xEF\xBF\xBDrich and \xEF\xBF\xBD Charlotte\n"
			    "\xEF\xBF\xBD\xEF\xBF\xBD end");
	CHECK_STR(src_of(&doc, "Charlotte"), "Charlotte");
	/* The replacement maps back onto the bad bytes. */
	CHECK_STR(src_of(&doc, "\xEF\xBF\xBDrich"), "\xfcrich");
	/* In Markdown and HTML as well. */
	CHECK_INT(conv("**Bad \xc3** Lima", READ_FMT_MARKDOWN, &doc), PC_OK);
	CHECK_INT(doc.n_bad, 1);
	CHECK_STR(doc.text, "Bad \xEF\xBF\xBD Lima");
	CHECK_INT(conv("<p>\xc0\xaf Quito</p>", READ_FMT_HTML, &doc), PC_OK);
	CHECK_INT(doc.n_bad, 1);
	CHECK_STR(doc.text, "\xEF\xBF\xBD Quito");
}

static void test_binary_and_limits(void)
{
	struct read_doc doc;
	struct diag d;
	char bin[64];
	char *big;
	size_t k;

	memset(bin, 'a', sizeof bin);
	bin[10] = '\0';
	diag_clear(&d);
	CHECK_INT(read_doc(bin, sizeof bin, READ_FMT_TEXT, "x.bin", &A, &doc, &d), PC_ERR_PARSE);
	CHECK(strstr(d.msg, "binary file, not checked") != NULL);
	CHECK(doc.text == NULL);
	for (k = 0; k < sizeof bin; k++)
		bin[k] = (char)(k % 3 ? 'a' : 0x02);
	diag_clear(&d);
	CHECK_INT(read_doc(bin, sizeof bin, READ_FMT_TEXT, "x.bin", &A, &doc, &d), PC_ERR_PARSE);
	/* Just over 64 MiB: refused before anything is read. */
	big = malloc(((size_t)64 << 20) + 1);
	diag_clear(&d);
	CHECK_INT(read_doc(big, ((size_t)64 << 20) + 1, READ_FMT_TEXT, "big.txt", &A, &doc, &d),
		  PC_ERR_LIMIT);
	CHECK(strstr(d.msg, "document too large") != NULL);
	free(big);
	/* Empty input is fine. */
	CHECK_INT(conv("", READ_FMT_MARKDOWN, &doc), PC_OK);
	CHECK_INT(doc.len, 0);
	CHECK_STR(doc.text, "");
}

static double since(clock_t t0)
{
	return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

/* Repeat UNIT N times, then TAIL: an arena copy. */
static char *repeat(const char *unit, size_t n, const char *tail)
{
	size_t ul = strlen(unit), tl = strlen(tail), k;
	char *p = arena_alloc(&A, ul * n + tl + 1);

	for (k = 0; k < n; k++)
		memcpy(p + k * ul, unit, ul);
	memcpy(p + n * ul, tail, tl + 1);
	return p;
}

static void test_deep_nesting(void)
{
	struct read_doc doc;
	clock_t t0 = clock();

	/* 100,000 nested list items on one line, and 100,000 nested quotes. */
	CHECK_INT(conv(repeat("- ", 100000, "Charlotte\n"), READ_FMT_MARKDOWN, &doc), PC_OK);
	CHECK_STR(doc.text, "Charlotte");
	CHECK_INT(conv(repeat("> ", 100000, "Raleigh\n"), READ_FMT_MARKDOWN, &doc), PC_OK);
	CHECK_STR(doc.text, "Raleigh");
	/* 100,000 list items on their own lines, alternating two levels deep. */
	CHECK_INT(conv(repeat("- a\n  - b\n", 50000, ""), READ_FMT_MARKDOWN, &doc), PC_OK);
	CHECK_INT(doc.len, 100000 * 3 - 2);
	CHECK_INT(conv(repeat("<div>", 100000, "Reno"), READ_FMT_HTML, &doc), PC_OK);
	CHECK_STR(doc.text, "Reno");
	CHECK(since(t0) < 2.0);
}

static void test_long_lines(void)
{
	struct read_doc doc;
	clock_t t0 = clock();

	/* Patterns that are quadratic in naive readers, on 1-2 MB lines. */
	CHECK_INT(conv(repeat("[", 1000000, "x"), READ_FMT_MARKDOWN, &doc), PC_OK);
	CHECK_INT(conv(repeat("[a](", 300000, "x"), READ_FMT_MARKDOWN, &doc), PC_OK);
	CHECK_INT(conv(repeat("`", 1, repeat("a``", 300000, "")), READ_FMT_MARKDOWN, &doc), PC_OK);
	CHECK_INT(conv(repeat("<a ", 300000, "x"), READ_FMT_MARKDOWN, &doc), PC_OK);
	CHECK_INT(conv(repeat("<a '", 300000, "x"), READ_FMT_HTML, &doc), PC_OK);
	CHECK_INT(conv(repeat("<!--", 300000, "x"), READ_FMT_MARKDOWN, &doc), PC_OK);
	CHECK_INT(conv(repeat("&#x", 300000, "x"), READ_FMT_HTML, &doc), PC_OK);
	CHECK_INT(conv(repeat("a ", 1000000, "Charlotte"), READ_FMT_TEXT, &doc), PC_OK);
	CHECK_STR(src_of(&doc, "Charlotte"), "Charlotte");
	CHECK(since(t0) < 5.0);
}

int main(void)
{
	arena_init(&A, 0);
	TEST(test_fmt_names);
	TEST(test_auto_format);
	TEST(test_text_shape);
	TEST(test_text_directives);
	TEST(test_md_emphasis_links);
	TEST(test_md_skips);
	TEST(test_md_blocks);
	TEST(test_md_front_matter);
	TEST(test_md_directives);
	TEST(test_html);
	TEST(test_html_directives);
	TEST(test_columns);
	TEST(test_invalid_utf8);
	TEST(test_binary_and_limits);
	TEST(test_deep_nesting);
	TEST(test_long_lines);
	arena_free(&A);
	return TEST_REPORT();
}
