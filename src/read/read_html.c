/*
 * read_html.c: the HTML reader, plus the tag and entity helpers the
 * Markdown reader shares.
 *
 * Text nodes only: tags and their attributes vanish (block elements become a
 * block boundary), entities are decoded, script/style/noscript/template
 * contents and comments are skipped (placecheck directives are collected
 * from comments).  A saved web page's nav, aside and footer elements are
 * skipped too: a menu's "New York", a related link's "Paris prepares for
 * Olympics" and the publisher's address are not the story, and they bent
 * its readings.  Malformed input never stops the reader: an unclosed tag
 * or a '<' that starts no tag is text, an unclosed comment or script runs to
 * the end of the file, as in a browser.
 */
#include "read/read_int.h"

#include "base/utf8.h"

#include <string.h>
#include <strings.h>

/* ---- entities ----------------------------------------------------------- */

/* HTML names of U+00A0..U+00FF, in code-point order. */
static const char *const latin1_names[96] = {
	"nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
	"uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
	"deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
	"cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
	"Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
	"Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
	"ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times",
	"Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
	"agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
	"egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
	"eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
	"oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
};

/* Other named references news copy uses (punctuation, Latin Extended-A). */
static const struct {
	const char *name;
	int32_t cp;
} other_names[] = {
	{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
	{"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026},
	{"rsquo", 0x2019}, {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C},
	{"sbquo", 0x201A}, {"bdquo", 0x201E}, {"lsaquo", 0x2039}, {"rsaquo", 0x203A},
	{"bull", 0x2022}, {"euro", 0x20AC}, {"trade", 0x2122}, {"dagger", 0x2020},
	{"Dagger", 0x2021}, {"permil", 0x2030}, {"prime", 0x2032}, {"Prime", 0x2033},
	{"minus", 0x2212}, {"ensp", ' '}, {"emsp", ' '}, {"thinsp", ' '},
	{"zwnj", 0x200C}, {"zwj", 0x200D}, {"lrm", 0x200E}, {"rlm", 0x200F},
	{"OElig", 0x152}, {"oelig", 0x153}, {"Scaron", 0x160}, {"scaron", 0x161},
	{"Yuml", 0x178}, {"fnof", 0x192}, {"circ", 0x2C6}, {"tilde", 0x2DC},
	{"Zcaron", 0x17D}, {"zcaron", 0x17E}, {"Ccaron", 0x10C}, {"ccaron", 0x10D},
	{"Cacute", 0x106}, {"cacute", 0x107}, {"Ecaron", 0x11A}, {"ecaron", 0x11B},
	{"Rcaron", 0x158}, {"rcaron", 0x159}, {"Lstrok", 0x141}, {"lstrok", 0x142},
	{"Nacute", 0x143}, {"nacute", 0x144}, {"Sacute", 0x15A}, {"sacute", 0x15B},
	{"Zacute", 0x179}, {"zacute", 0x17A}, {"Zdot", 0x17B}, {"zdot", 0x17C},
	{"Gbreve", 0x11E}, {"gbreve", 0x11F}, {"Idot", 0x130}, {"imath", 0x131},
	{"Scedil", 0x15E}, {"scedil", 0x15F}, {"Aogon", 0x104}, {"aogon", 0x105},
	{"Eogon", 0x118}, {"eogon", 0x119}, {"Dstrok", 0x110}, {"dstrok", 0x111},
	{"Amacr", 0x100}, {"amacr", 0x101}, {"Emacr", 0x112}, {"emacr", 0x113},
	{"Imacr", 0x12A}, {"imacr", 0x12B}, {"Omacr", 0x14C}, {"omacr", 0x14D},
	{"Umacr", 0x16A}, {"umacr", 0x16B}, {"Odblac", 0x150}, {"odblac", 0x151},
	{"Udblac", 0x170}, {"udblac", 0x171}, {"Uring", 0x16E}, {"uring", 0x16F},
	{"Tcaron", 0x164}, {"tcaron", 0x165}, {"Ncaron", 0x147}, {"ncaron", 0x148},
	{"Dcaron", 0x10E}, {"dcaron", 0x10F},
};

/* Windows-1252 meanings of &#128;..&#159;, as browsers read them (0: none). */
static const uint16_t cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static int32_t entity_named(const char *name, size_t len)
{
	size_t k;

	for (k = 0; k < 96; k++)
		if (latin1_names[k][0] == name[0] && strlen(latin1_names[k]) == len &&
		    !memcmp(latin1_names[k], name, len))
			return 0xA0 + (int32_t)k;
	for (k = 0; k < sizeof other_names / sizeof other_names[0]; k++)
		if (other_names[k].name[0] == name[0] && strlen(other_names[k].name) == len &&
		    !memcmp(other_names[k].name, name, len))
			return other_names[k].cp;
	return -1;
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int hex_val(char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

size_t read_entity(const char *s, size_t i, size_t e, char out[4], size_t *out_n)
{
	size_t j = i + 1;
	int32_t cp;

	*out_n = 0;
	if (j < e && s[j] == '#') {
		int hex = 0, big = 0;
		uint32_t v = 0;
		size_t d0;

		j++;
		if (j < e && (s[j] == 'x' || s[j] == 'X')) {
			hex = 1;
			j++;
		}
		d0 = j;
		while (j < e && (hex ? hex_val(s[j]) >= 0 : is_digit(s[j]))) {
			v = v * (hex ? 16 : 10) + (uint32_t)(hex ? hex_val(s[j]) : s[j] - '0');
			if (v > 0x10FFFF) {
				big = 1;
				v = 0x10FFFF; /* keep consuming digits without overflow */
			}
			j++;
		}
		if (j == d0)
			return 0;
		if (j < e && s[j] == ';')
			j++;
		cp = (int32_t)v;
		if (big || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		else if (cp >= 0x80 && cp <= 0x9F)
			cp = cp1252[cp - 0x80] ? cp1252[cp - 0x80] : 0xFFFD;
	} else {
		size_t n0 = j;
		while (j < e && j - n0 < 32 && (is_alpha(s[j]) || is_digit(s[j])))
			j++;
		if (j == n0 || j >= e || s[j] != ';')
			return 0;
		cp = entity_named(s + n0, j - n0);
		if (cp < 0)
			return 0;
		j++;
	}
	if (cp == 0xAD || cp == 0x200B)
		return j - i; /* soft hyphen, zero-width space: nothing */
	if (cp < 0x20 || cp == 0x7F || cp == 0xA0)
		cp = ' ';
	*out_n = utf8_encode(cp, out);
	return j - i;
}

/* ---- tags --------------------------------------------------------------- */

static int name_in(const char *name, size_t len, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == len && !strncasecmp(*list, name, len))
			return 1;
	return 0;
}

int read_tag_is_block(const char *name, size_t len)
{
	static const char *const block[] = {
		"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "td",
		"th", "section", "article", "header", "footer", "blockquote", "title",
		"ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
		"caption", "pre", "hr", "nav", "aside", "main", "figure", "figcaption",
		"address", "form", "fieldset", "legend", "details", "summary", "body",
		"head", "html", "option", "select", "iframe", "video", "audio", "canvas",
		"button", "label", "textarea", "center", NULL,
	};
	return name_in(name, len, block);
}

int read_tag_is_raw(const char *name, size_t len)
{
	static const char *const raw[] = {"script", "style", "noscript", "template", NULL};
	return name_in(name, len, raw);
}

int read_tag_parse(const char *s, size_t i, size_t e, struct read_tag *t)
{
	size_t j = i + 1, lim = e - i > READ_TAG_MAX ? i + READ_TAG_MAX : e;

	memset(t, 0, sizeof *t);
	if (j < lim && s[j] == '/') {
		t->closing = 1;
		j++;
	}
	if (j >= lim || !is_alpha(s[j]))
		return 0;
	t->name = j;
	while (j < lim && (is_alpha(s[j]) || is_digit(s[j]) || s[j] == '-' || s[j] == ':'))
		j++;
	t->name_len = j - t->name;
	/* A name must end at whitespace, '/' or '>': "<a<b" and "<3" are text. */
	while (j < lim) {
		char c = s[j];
		if (c == '>') {
			t->self_closing = s[j - 1] == '/';
			t->end = j + 1;
			return 1;
		}
		if (c == '<')
			return 0;
		if ((c == '"' || c == '\'') && j > t->name + t->name_len) {
			const char *q = memchr(s + j + 1, c, lim - j - 1);
			if (!q)
				return 0;
			j = (size_t)(q - s) + 1;
			continue;
		}
		if (j == t->name + t->name_len && c != ' ' && c != '\t' && c != '\n' &&
		    c != '\r' && c != '/')
			return 0;
		j++;
	}
	return 0;
}

size_t read_find_ci(const char *s, size_t i, size_t e, const char *needle, size_t nlen)
{
	char c0 = needle[0];

	while (i + nlen <= e) {
		const char *p = memchr(s + i, c0, e - i);
		const char *q;
		size_t k;
		/* Also look for the other case of the first letter. */
		if (is_alpha(c0)) {
			q = memchr(s + i, c0 ^ 0x20, p ? (size_t)(p - s) - i : e - i);
			if (q)
				p = q;
		}
		if (!p)
			return e;
		k = (size_t)(p - s);
		if (k + nlen > e)
			return e;
		if (!strncasecmp(s + k, needle, nlen))
			return k;
		i = k + 1;
	}
	return e;
}

/*
 * Page furniture that is not the story.  Returns the offset just past the
 * element opened by tag T (name NAME) when it is one of them and its end
 * tag is found (nested ones counted); 0 otherwise, so that an unclosed
 * <nav> never swallows the article.
 */
static size_t skip_furniture(const char *s, size_t n, const struct read_tag *t, const char *name)
{
	static const char *const furniture[] = {"nav", "aside", "footer", NULL};
	size_t i = t->end, len = t->name_len;
	int depth = 1;

	if (t->closing || t->self_closing || !name_in(name, len, furniture))
		return 0;
	while (i < n) {
		const char *p = memchr(s + i, '<', n - i);
		size_t k;
		int closing;
		if (!p)
			return 0;
		k = (size_t)(p - s);
		closing = k + 1 < n && s[k + 1] == '/';
		if (k + 1 + (size_t)closing + len < n && !strncasecmp(s + k + 1 + closing, name, len) &&
		    !is_alpha(s[k + 1 + closing + len]) && !is_digit(s[k + 1 + closing + len])) {
			depth += closing ? -1 : 1;
			if (depth == 0) {
				const char *q = memchr(s + k, '>', n - k);
				return q ? (size_t)(q - s) + 1 : n;
			}
		}
		i = k + 1;
	}
	return 0;
}

/* ---- the reader --------------------------------------------------------- */

/*
 * Text S[I..E) of a text node: whitespace runs holding two or more line
 * breaks shrink to one, so source layout never fakes a paragraph break;
 * entities are decoded.
 */
static void html_text(struct rb *b, size_t i, size_t e)
{
	const char *s = b->src;

	while (i < e && b->rc == PC_OK) {
		size_t j = i;
		char c = s[i];

		if (c == '&') {
			char out[4];
			size_t on, k = read_entity(s, i, e, out, &on);
			if (k) {
				rb_put(b, i, k, out, on);
				i += k;
			} else {
				rb_copy(b, i, 1);
				i++;
			}
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			size_t first_nl = e;
			int n_nl = 0;
			while (j < e && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) {
				if (s[j] == '\n' && n_nl++ == 0)
					first_nl = j;
				j++;
			}
			if (n_nl >= 2)
				rb_nl(b, first_nl);
			else
				rb_copy(b, i, j - i);
			i = j;
			continue;
		}
		while (j < e && s[j] != '&' && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' &&
		       s[j] != '\r')
			j++;
		rb_copy(b, i, j - i);
		i = j;
	}
}

void read_html_run(struct rb *b)
{
	const char *s = b->src;
	size_t i = b->start, n = b->src_len;

	while (i < n && b->rc == PC_OK) {
		const char *lt = memchr(s + i, '<', n - i);
		size_t j = lt ? (size_t)(lt - s) : n;
		struct read_tag t;

		if (j > i)
			html_text(b, i, j);
		if (j >= n)
			break;
		i = j;
		if (n - i >= 4 && !memcmp(s + i, "<!--", 4)) {
			/* Comment: "<!-->" and "<!--->" are empty ones. */
			size_t body = i + 4, end;
			if (n - body >= 1 && s[body] == '>')
				end = body;
			else if (n - body >= 2 && !memcmp(s + body, "->", 2))
				end = body + 1;
			else {
				const char *q = memmem(s + body, n - body, "-->", 3);
				end = q ? (size_t)(q - s) : n;
				rb_directive(b, i, s + body, end - body);
				if (!q && !b->unclosed) {
					b->unclosed = 1; /* read.h: the caller warns */
					b->unclosed_off = i;
				}
			}
			rb_gap(b, i);
			i = end + (end < n ? (s[end] == '>' ? 1 : 3) : 0);
			if (i > n)
				i = n;
			continue;
		}
		if (n - i >= 2 && (s[i + 1] == '!' || s[i + 1] == '?')) {
			/* Doctype, CDATA, processing instruction: skipped whole. */
			const char *q = memchr(s + i, '>', n - i);
			rb_gap(b, i);
			i = q ? (size_t)(q - s) + 1 : n;
			continue;
		}
		if (read_tag_parse(s, i, n, &t)) {
			const char *name = s + t.name;
			if (!t.closing && !t.self_closing && read_tag_is_raw(name, t.name_len)) {
				/* Skip to the matching end tag (or the end of the file). */
				char close[16];
				size_t k;
				close[0] = '<';
				close[1] = '/';
				memcpy(close + 2, name, t.name_len);
				k = read_find_ci(s, t.end, n, close, t.name_len + 2);
				rb_gap(b, i);
				rb_break(b);
				if (k < n) {
					const char *q = memchr(s + k, '>', n - k);
					i = q ? (size_t)(q - s) + 1 : n;
				} else {
					i = n;
				}
				continue;
			}
			{
				size_t past = skip_furniture(s, n, &t, name);
				if (past) {
					rb_gap(b, i);
					rb_break(b);
					i = past;
					continue;
				}
			}
			if (read_tag_is_block(name, t.name_len))
				rb_break(b);
			else if (t.name_len == 3 && !strncasecmp(name, "img", 3))
				rb_gap(b, i);
			i = t.end;
			continue;
		}
		/* A '<' that starts no tag is text. */
		rb_copy(b, i, 1);
		i++;
	}
}
