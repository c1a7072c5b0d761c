/*
 * read_front.c: YAML ("---") and TOML ("+++") front matter at the very
 * start of a Markdown file.  Keys, comments and table headers are skipped;
 * each string value is its own block (a title or a dateline is checked).
 * Quotes around values are dropped; flow sequences and TOML arrays give one
 * block per element.  Values that look like a path or a URL
 * ("/img/charlotte.jpg") are skipped: they name files, not places.
 *
 * Not a YAML or TOML parser: a line-by-line reading that is good enough to
 * pick out the prose, and that never fails (bad front matter is just text).
 */
#include "read/read_int.h"

#include <string.h>

enum { FM_NONE, FM_YAML_BLOCK, FM_TOML_STRING, FM_TOML_ARRAY };

static int is_sp(char c)
{
	return c == ' ' || c == '\t';
}

/* No blank inside, and a '/' or a file extension: a path or URL. */
static int pathlike(const char *s, size_t a, size_t z)
{
	size_t k, dot = z;

	for (k = a; k < z; k++) {
		if (is_sp(s[k]))
			return 0;
		if (s[k] == '.')
			dot = k;
	}
	if (memchr(s + a, '/', z - a))
		return 1;
	if (dot < z && z - dot >= 3 && z - dot <= 6) {
		for (k = dot + 1; k < z; k++)
			if (!((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= '0' && s[k] <= '9')))
				return 0;
		return 1;
	}
	return 0;
}

/* Emit S[A..Z) (trimmed) as a block of its own. */
static void fm_emit(struct md *m, size_t a, size_t z)
{
	const char *s = m->s;

	while (a < z && is_sp(s[a]))
		a++;
	while (z > a && is_sp(s[z - 1]))
		z--;
	if (a == z || pathlike(s, a, z))
		return;
	/*
	 * A value the story repeats ("dateline: SPRINGFIELD, Mo." above the
	 * same dateline, a title above its heading) is checked where the
	 * story has it; read twice, it would count as its own evidence.
	 */
	if (z - a >= 4 && memmem(s + z, m->n - z, s + a, z - a))
		return;
	rb_break(m->b);
	rb_copy(m->b, a, z - a);
	rb_break(m->b);
}

/* A scalar S[A..Z): drop surrounding quotes. */
static void fm_scalar(struct md *m, size_t a, size_t z)
{
	const char *s = m->s;

	while (a < z && is_sp(s[a]))
		a++;
	while (z > a && is_sp(s[z - 1]))
		z--;
	if (z - a >= 2 && (s[a] == '"' || s[a] == '\'') && s[z - 1] == s[a]) {
		a++;
		z--;
	}
	fm_emit(m, a, z);
}

/* One past the quote closing the one at Q (backslash escapes for '"'), or E. */
static size_t close_quote(const char *s, size_t q, size_t e)
{
	size_t k;

	for (k = q + 1; k < e; k++) {
		if (s[q] == '"' && s[k] == '\\') {
			k++;
			continue;
		}
		if (s[q] == '\'' && s[k] == '\'' && k + 1 < e && s[k + 1] == '\'') {
			k++; /* YAML's '' inside single quotes */
			continue;
		}
		if (s[k] == s[q])
			return k + 1;
	}
	return e;
}

/*
 * Elements of a flow sequence or TOML array in S[P..E): each quoted string
 * or comma-separated plain item.  Returns 1 if the closing ']' was seen.
 */
static int fm_items(struct md *m, size_t p, size_t e, int plain)
{
	const char *s = m->s;
	size_t a = p, k = p;

	while (k < e) {
		char c = s[k];
		if (c == '"' || c == '\'') {
			size_t z = close_quote(s, k, e);
			fm_scalar(m, k, z);
			k = a = z;
			continue;
		}
		if (c == ',' || c == ']') {
			if (plain)
				fm_scalar(m, a, k);
			if (c == ']')
				return 1;
			a = ++k;
			continue;
		}
		if (c == '#' && (k == p || is_sp(s[k - 1])))
			return 0;
		k++;
	}
	if (plain)
		fm_scalar(m, a, k);
	return 0;
}

static void yaml_line(struct md *m, size_t ls, size_t le)
{
	const char *s = m->s;
	size_t p = ls, indent, v, k;

	while (p < le && s[p] == ' ')
		p++;
	indent = p - ls;
	if (m->fm_block == FM_YAML_BLOCK) {
		if (p == le) {
			rb_break(m->b);
			m->fm_cont = 0;
			return;
		}
		if (indent > m->fm_indent) {
			/* Lines of one block scalar: one block, joined by newlines. */
			size_t z = le;
			while (z > p && is_sp(s[z - 1]))
				z--;
			if (m->fm_cont)
				rb_nl(m->b, ls - 1);
			else
				rb_break(m->b);
			rb_copy(m->b, p, z - p);
			m->fm_cont = 1;
			return;
		}
		m->fm_block = FM_NONE;
		rb_break(m->b);
	}
	if (p == le || s[p] == '#')
		return;
	/* "- item" (possibly "- - item"): list entries. */
	while (p < le && s[p] == '-' && (p + 1 == le || is_sp(s[p + 1]))) {
		p++;
		while (p < le && is_sp(s[p]))
			p++;
	}
	v = p;
	if (p < le && s[p] != '"' && s[p] != '\'' && s[p] != '[' && s[p] != '{') {
		for (k = p; k < le; k++) {
			if (s[k] == ':' && (k + 1 == le || is_sp(s[k + 1]))) {
				v = k + 1;
				break;
			}
			if (s[k] == '#' && k > p && is_sp(s[k - 1]))
				break;
		}
	}
	while (v < le && is_sp(s[v]))
		v++;
	if (v == le || s[v] == '#' || s[v] == '{' || s[v] == '*')
		return;
	if (s[v] == '&' || s[v] == '!') { /* anchor or tag before the value */
		while (v < le && !is_sp(s[v]))
			v++;
		while (v < le && is_sp(s[v]))
			v++;
		if (v == le)
			return;
	}
	if (s[v] == '|' || s[v] == '>') {
		m->fm_block = FM_YAML_BLOCK;
		m->fm_indent = indent;
		m->fm_cont = 0;
		return;
	}
	if (s[v] == '"' || s[v] == '\'') {
		size_t z = close_quote(s, v, le);
		fm_scalar(m, v, z);
		return;
	}
	if (s[v] == '[') {
		fm_items(m, v + 1, le, 1);
		return;
	}
	/* Plain scalar: up to a " #" comment. */
	for (k = v; k < le; k++)
		if (s[k] == '#' && is_sp(s[k - 1]))
			break;
	fm_emit(m, v, k);
}

static void toml_line(struct md *m, size_t ls, size_t le)
{
	const char *s = m->s;
	size_t p = ls, v;
	const char *eq;

	if (m->fm_block == FM_TOML_STRING) {
		const char *q = memmem(s + ls, le - ls, m->fm_close, 3);
		size_t z = q ? (size_t)(q - s) : le;
		fm_emit(m, ls, z);
		if (q)
			m->fm_block = FM_NONE;
		return;
	}
	while (p < le && is_sp(s[p]))
		p++;
	if (m->fm_block == FM_TOML_ARRAY) {
		if (fm_items(m, p, le, 0))
			m->fm_block = FM_NONE;
		return;
	}
	if (p == le || s[p] == '#' || s[p] == '[')
		return;
	eq = memchr(s + p, '=', le - p);
	if (!eq)
		return;
	v = (size_t)(eq - s) + 1;
	while (v < le && is_sp(s[v]))
		v++;
	if (v == le)
		return;
	if (le - v >= 3 && (!memcmp(s + v, "\"\"\"", 3) || !memcmp(s + v, "'''", 3))) {
		const char *q = memmem(s + v + 3, le - v - 3, s + v, 3);
		if (q) {
			fm_emit(m, v + 3, (size_t)(q - s));
		} else {
			memcpy(m->fm_close, s + v, 3);
			m->fm_block = FM_TOML_STRING;
			fm_emit(m, v + 3, le);
		}
		return;
	}
	if (s[v] == '"' || s[v] == '\'') {
		size_t z = close_quote(s, v, le);
		fm_scalar(m, v, z);
		return;
	}
	if (s[v] == '[' && !fm_items(m, v + 1, le, 0))
		m->fm_block = FM_TOML_ARRAY;
	/* Numbers, booleans, dates and inline tables are not prose. */
}

/* Line [P, *E) trimmed of trailing blanks and CR equals the 3-byte MARK. */
static int is_mark(const char *s, size_t p, size_t e, const char *mark)
{
	while (e > p && (is_sp(s[e - 1]) || s[e - 1] == '\r'))
		e--;
	return e - p == 3 && !memcmp(s + p, mark, 3);
}

size_t md_front_matter(struct md *m, size_t pos)
{
	const char *s = m->s, *nl;
	size_t n = m->n, e, p, body, close = 0, after = n;
	int toml;

	nl = memchr(s + pos, '\n', n - pos);
	if (!nl)
		return pos;
	e = (size_t)(nl - s);
	if (is_mark(s, pos, e, "---"))
		toml = 0;
	else if (is_mark(s, pos, e, "+++"))
		toml = 1;
	else
		return pos;
	/* Find the closing line first: without one this is no front matter. */
	body = e + 1;
	for (p = body; p < n;) {
		const char *q = memchr(s + p, '\n', n - p);
		size_t le = q ? (size_t)(q - s) : n;
		if (toml ? is_mark(s, p, le, "+++")
			 : (is_mark(s, p, le, "---") || is_mark(s, p, le, "..."))) {
			close = p;
			after = q ? le + 1 : n;
			break;
		}
		p = le + 1;
	}
	if (!close)
		return pos;
	for (p = body; p < close && m->b->rc == PC_OK;) {
		const char *q = memchr(s + p, '\n', close - p);
		size_t le = q ? (size_t)(q - s) : close, ee = le;
		if (ee > p && s[ee - 1] == '\r')
			ee--;
		if (toml)
			toml_line(m, p, ee);
		else
			yaml_line(m, p, ee);
		p = le + 1;
	}
	m->fm_block = FM_NONE;
	rb_break(m->b);
	return after;
}
