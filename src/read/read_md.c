/*
 * read_md.c: the Markdown reader (CommonMark and GitHub's tables, read for
 * the words a reader sees, not rendered).
 *
 * Line by line, with the block state carried in struct md and never on the
 * call stack: block quotes and list markers are stripped in a loop, so a
 * line of 100,000 nested markers costs one pass.  Skipped: fenced and
 * indented code, inline code spans, link and image targets, autolinks and
 * bare URLs, HTML comments (directives collected), raw HTML tags (their text
 * kept), heading/emphasis/list/quote markers, table pipes, reference-link
 * definitions, backslashes of escapes.  Front matter: read_front.c.
 *
 * Linear on long lines: brackets are matched once per line with an explicit
 * stack; backtick runs that have no closer are remembered per length.
 */
#include "read/read_int.h"

#include "base/xmem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MD_NONE UINT32_MAX
#define MD_LINK_LINE_MAX ((size_t)1 << 20) /* longer lines: brackets are literal */

enum { MD_SKIP_NONE, MD_SKIP_COMMENT, MD_SKIP_RAW };

static int is_sp(char c)
{
	return c == ' ' || c == '\t';
}

/* Part of a word: ASCII letter or digit, or any non-ASCII byte. */
static int wordish(char c)
{
	unsigned char u = (unsigned char)c;
	return u >= 0x80 || (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
}

static int is_ascii_punct(char c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
	       (c >= '{' && c <= '~');
}

/* ---- line-level tests ---------------------------------------------------- */

/* "***", "- - -", "___": three or more of one of -*_ and nothing but blanks. */
static int is_thematic(const char *s, size_t p, size_t e)
{
	char c = p < e ? s[p] : 0;
	size_t n = 0;

	if (c != '-' && c != '*' && c != '_')
		return 0;
	for (; p < e; p++) {
		if (s[p] == c)
			n++;
		else if (!is_sp(s[p]))
			return 0;
	}
	return n >= 3;
}

/* "===" or "---" under a paragraph line. */
static int is_setext(const char *s, size_t p, size_t e)
{
	char c = p < e ? s[p] : 0;

	if (c != '=' && c != '-')
		return 0;
	while (p < e && s[p] == c)
		p++;
	while (p < e && is_sp(s[p]))
		p++;
	return p == e;
}

/* After a list marker at P ("- ", "* ", "+ ", "1. ", "2) "), or 0. */
static size_t list_marker(const char *s, size_t p, size_t e)
{
	size_t q = p;

	if (p >= e)
		return 0;
	if (s[p] == '-' || s[p] == '+' || s[p] == '*') {
		q = p + 1;
	} else {
		while (q < e && q - p < 9 && s[q] >= '0' && s[q] <= '9')
			q++;
		if (q == p || q >= e || (s[q] != '.' && s[q] != ')'))
			return 0;
		q++;
	}
	if (q < e && !is_sp(s[q]))
		return 0;
	return q < e ? q + 1 : q;
}

/* A table delimiter row: only | : - and blanks, with at least one '|' and '-'. */
static int is_delim_row(const char *s, size_t p, size_t e)
{
	int pipe = 0, dash = 0;

	for (; p < e; p++) {
		if (s[p] == '|')
			pipe = 1;
		else if (s[p] == '-')
			dash = 1;
		else if (s[p] != ':' && !is_sp(s[p]))
			return 0;
	}
	return pipe && dash;
}

/* ---- inline ------------------------------------------------------------- */

/*
 * Match brackets and parentheses of S[I..E) once, with explicit stacks:
 * m->mt[k-i] is the offset (from I) of the closer of an opener at K, or
 * MD_NONE.  Closers start as MD_NONE too; a ']' that closes a link later
 * holds the offset to resume at, past the link's target.
 */
static int md_match(struct md *m, size_t i, size_t e)
{
	const char *s = m->s;
	size_t L = e - i, k, nb = 0, np = 0;
	uint32_t *mt, *sb, *sp;

	if (L > MD_LINK_LINE_MAX || !memchr(s + i, '[', L))
		return 0;
	if (L > m->cap) {
		m->cap = L;
		m->scratch = xreallocarray(m->scratch, 3 * L, sizeof *m->scratch);
	}
	mt = m->scratch;
	sb = mt + L;
	sp = sb + L;
	for (k = 0; k < L; k++) {
		char c = s[i + k];
		switch (c) {
		case '\\':
			if (k + 1 < L)
				k++;
			break;
		case '[':
			mt[k] = MD_NONE;
			sb[nb++] = (uint32_t)k;
			break;
		case ']':
			mt[k] = MD_NONE;
			if (nb)
				mt[sb[--nb]] = (uint32_t)k;
			break;
		case '(':
			mt[k] = MD_NONE;
			sp[np++] = (uint32_t)k;
			break;
		case ')':
			if (np)
				mt[sp[--np]] = (uint32_t)k;
			break;
		default:
			break;
		}
	}
	return 1;
}

/* Offset of the next run of exactly N backticks in S[K..E), or E. */
static size_t find_ticks(struct md *m, size_t k, size_t e, size_t n)
{
	const char *s = m->s;
	size_t from = k;

	if (n < MD_TICK_MEMO && m->tick_none[n] != SIZE_MAX && k >= m->tick_none[n])
		return e;
	while (k < e) {
		const char *q = memchr(s + k, '`', e - k);
		size_t j, r;
		if (!q)
			break;
		j = (size_t)(q - s);
		r = j;
		while (r < e && s[r] == '`')
			r++;
		if (r - j == n)
			return j;
		k = r;
	}
	if (n < MD_TICK_MEMO)
		m->tick_none[n] = from; /* no run of N from here to the end */
	return e;
}

/* "http://", "https://" or "www." at K. */
static int url_start(const char *s, size_t k, size_t e)
{
	return (e - k >= 7 && !strncasecmp(s + k, "http://", 7)) ||
	       (e - k >= 8 && !strncasecmp(s + k, "https://", 8)) ||
	       (e - k >= 4 && !strncasecmp(s + k, "www.", 4));
}

/* One past a bare URL at K: to the next blank or '<', minus trailing punctuation. */
static size_t url_end(const char *s, size_t k, size_t e)
{
	size_t j = k;

	while (j < e && !is_sp(s[j]) && s[j] != '<')
		j++;
	while (j > k && strchr(".,:;!?\"')*_", s[j - 1]))
		j--;
	return j;
}

/* '<' at *K: comment, autolink, tag or text. */
static void md_angle(struct md *m, size_t *kp, size_t e)
{
	const char *s = m->s;
	struct rb *b = m->b;
	size_t k = *kp, j;
	struct read_tag t;

	if (e - k >= 4 && !memcmp(s + k, "<!--", 4)) {
		const char *q = memmem(s + k + 4, e - k - 4, "-->", 3);
		rb_gap(b, k);
		if (q) {
			rb_directive(b, k, s + k + 4, (size_t)(q - s) - k - 4);
			*kp = (size_t)(q - s) + 3;
		} else {
			m->skip = MD_SKIP_COMMENT; /* closed on a later line */
			m->skip_from = k;
			*kp = e;
		}
		return;
	}
	/* Autolink: <scheme:...> or <user@host>. */
	j = k + 1;
	if (j < e && wordish(s[j])) {
		int colon = 0, at = 0;
		while (j < e && !is_sp(s[j]) && s[j] != '<' && s[j] != '>') {
			colon |= s[j] == ':';
			at |= s[j] == '@';
			j++;
		}
		if (j < e && s[j] == '>' && (colon || at)) {
			rb_gap(b, k);
			*kp = j + 1;
			return;
		}
	}
	if (read_tag_parse(s, k, e, &t)) {
		const char *name = s + t.name;
		*kp = t.end;
		if (!t.closing && !t.self_closing && read_tag_is_raw(name, t.name_len)) {
			size_t c;
			m->raw_close[0] = '<';
			m->raw_close[1] = '/';
			memcpy(m->raw_close + 2, name, t.name_len);
			m->raw_close_len = t.name_len + 2;
			rb_gap(b, k);
			c = read_find_ci(s, t.end, e, m->raw_close, m->raw_close_len);
			if (c < e) {
				const char *q = memchr(s + c, '>', e - c);
				*kp = q ? (size_t)(q - s) + 1 : e;
			} else {
				m->skip = MD_SKIP_RAW;
				*kp = e;
			}
		} else if (read_tag_is_block(name, t.name_len)) {
			rb_break(b);
		} else if (t.name_len == 3 && !strncasecmp(name, "img", 3)) {
			rb_gap(b, k);
		}
		return;
	}
	rb_copy(b, k, 1);
	*kp = k + 1;
}

/* Bytes that may start inline markup; everything else is copied in runs. */
static int md_special(char c)
{
	switch (c) {
	case '\\': case '`': case '*': case '_': case '~': case '!': case '[':
	case ']': case '<': case '&': case 'h': case 'H': case 'w': case 'W':
		return 1;
	default:
		return 0;
	}
}

void md_inline(struct md *m, size_t i, size_t e)
{
	const char *s = m->s;
	struct rb *b = m->b;
	size_t k = i, n;
	int have_mt = md_match(m, i, e);
	uint32_t *mt = m->scratch;

	for (n = 0; n < MD_TICK_MEMO; n++)
		m->tick_none[n] = SIZE_MAX;
	while (k < e && b->rc == PC_OK && m->skip == MD_SKIP_NONE) {
		char c = s[k];
		size_t j = k + 1;

		switch (c) {
		case '\\':
			if (k + 1 < e && is_ascii_punct(s[k + 1])) {
				rb_copy(b, k + 1, 1);
				k += 2;
			} else if (k + 1 == e) {
				k++; /* hard line break */
			} else {
				rb_copy(b, k, 1);
				k++;
			}
			continue;
		case '`': {
			size_t close;
			while (j < e && s[j] == '`')
				j++;
			close = find_ticks(m, j, e, j - k);
			if (close < e) {
				rb_gap(b, k);
				k = close + (j - k);
			} else {
				rb_copy(b, k, j - k);
				k = j;
			}
			continue;
		}
		case '*':
			while (j < e && s[j] == '*')
				j++;
			k = j; /* emphasis markers vanish without a gap */
			continue;
		case '~':
			while (j < e && s[j] == '~')
				j++;
			if (j - k < 2)
				rb_copy(b, k, 1);
			k = j;
			continue;
		case '_':
			while (j < e && s[j] == '_')
				j++;
			/* snake_case_word keeps its underscores; _emphasis_ loses them. */
			if (k > i && wordish(s[k - 1]) && j < e && wordish(s[j]))
				rb_copy(b, k, j - k);
			k = j;
			continue;
		case '!':
			if (have_mt && j < e && s[j] == '[' && mt[j - i] != MD_NONE) {
				size_t cl = i + mt[j - i];
				if (cl + 1 < e && (s[cl + 1] == '(' || s[cl + 1] == '[') &&
				    mt[cl + 1 - i] != MD_NONE) {
					k = j; /* image: the alt text is read */
					continue;
				}
			}
			rb_copy(b, k, 1);
			k = j;
			continue;
		case '[':
			if (have_mt && mt[k - i] != MD_NONE) {
				size_t cl = i + mt[k - i];
				if (j < e && s[j] == '^') {
					rb_gap(b, k); /* footnote reference */
					k = cl + 1;
					continue;
				}
				if (cl + 1 < e && (s[cl + 1] == '(' || s[cl + 1] == '[') &&
				    mt[cl + 1 - i] != MD_NONE) {
					/* Link: keep the text, skip "](target)" at the closer. */
					mt[cl - i] = mt[cl + 1 - i] + 1;
					k = j;
					continue;
				}
			}
			rb_copy(b, k, 1);
			k = j;
			continue;
		case ']':
			if (have_mt && mt[k - i] != MD_NONE) {
				k = i + mt[k - i];
				continue;
			}
			rb_copy(b, k, 1);
			k = j;
			continue;
		case '<':
			md_angle(m, &k, e);
			continue;
		case '&': {
			char out[4];
			size_t on, len = read_entity(s, k, e, out, &on);
			if (len) {
				rb_put(b, k, len, out, on);
				k += len;
			} else {
				rb_copy(b, k, 1);
				k = j;
			}
			continue;
		}
		default:
			break;
		}
		if ((k == i || !wordish(s[k - 1])) && url_start(s, k, e)) {
			size_t ue = url_end(s, k, e);
			rb_gap(b, k);
			k = ue;
			continue;
		}
		/* An 'h' or 'w' inside a word starts no URL: keep the run going. */
		while (j < e && (!md_special(s[j]) ||
				 (((s[j] | 0x20) == 'h' || (s[j] | 0x20) == 'w') && wordish(s[j - 1]))))
			j++;
		rb_copy(b, k, j - k);
		k = j;
	}
}

/* ---- blocks ------------------------------------------------------------- */

/* A table row: each unescaped '|' ends a cell, and each cell is a block. */
static void md_cells(struct md *m, size_t p, size_t e)
{
	const char *s = m->s;
	size_t c = p, k;

	rb_break(m->b);
	for (k = p; k <= e && m->skip == MD_SKIP_NONE; k++) {
		size_t a = c, z = k;
		if (k < e && s[k] == '\\') {
			k++;
			continue;
		}
		if (k < e && s[k] != '|')
			continue;
		while (a < z && is_sp(s[a]))
			a++;
		while (z > a && is_sp(s[z - 1]))
			z--;
		if (z > a) {
			md_inline(m, a, z);
			rb_break(m->b);
		}
		c = k + 1;
	}
}

/*
 * Inside a comment or raw element opened on an earlier line: 1 and *LS
 * moved past its end if it ends on this line, else 0 (line consumed).
 */
static int md_skip_line(struct md *m, size_t *ls, size_t le)
{
	const char *s = m->s;
	size_t c;

	if (m->skip == MD_SKIP_COMMENT) {
		const char *q = memmem(s + *ls, le - *ls, "-->", 3);
		if (!q)
			return 0;
		c = (size_t)(q - s);
		rb_directive(m->b, m->skip_from, s + m->skip_from + 4, c - m->skip_from - 4);
		*ls = c + 3;
	} else {
		const char *q;
		c = read_find_ci(s, *ls, le, m->raw_close, m->raw_close_len);
		if (c >= le)
			return 0;
		q = memchr(s + c, '>', le - c);
		*ls = q ? (size_t)(q - s) + 1 : le;
	}
	m->skip = MD_SKIP_NONE;
	return 1;
}

/* Does the line after EOL (quote markers stripped) look like a delimiter row? */
static int next_is_delim(const struct md *m, size_t eol)
{
	const char *s = m->s, *nl;
	size_t p = eol + 1, e;

	if (p >= m->n)
		return 0;
	nl = memchr(s + p, '\n', m->n - p);
	e = nl ? (size_t)(nl - s) : m->n;
	if (e > p && s[e - 1] == '\r')
		e--;
	while (p < e && (is_sp(s[p]) || s[p] == '>'))
		p++;
	return is_delim_row(s, p, e);
}

/* One source line [LS, LE); EOL is its '\n' (or n). */
static void md_line(struct md *m, size_t ls, size_t le, size_t eol)
{
	const char *s = m->s;
	struct rb *b = m->b;
	size_t p = ls, indent = 0, e, k, tstart;
	int qdepth = 0, new_item = 0, lazy, block_start;

	if (m->skip != MD_SKIP_NONE) {
		if (!md_skip_line(m, &ls, le))
			return;
		md_inline(m, ls, le);
		return;
	}
	if (m->fence) {
		size_t run = 0;
		while (p < le && (is_sp(s[p]) || s[p] == '>'))
			p++;
		while (p < le && s[p] == m->fence) {
			p++;
			run++;
		}
		while (p < le && is_sp(s[p]))
			p++;
		if (run >= m->fence_len && p == le)
			m->fence = 0;
		return;
	}
	while (p < le && is_sp(s[p])) {
		indent += s[p] == '\t' ? 4 - indent % 4 : 1;
		p++;
	}
	if (p == le) {
		rb_break(b);
		m->in_para = m->in_table = 0;
		m->prev_blank = 1;
		return;
	}
	if (indent >= 4 && !m->in_para && !m->in_list) {
		rb_break(b); /* indented code */
		return;
	}
	if (m->prev_blank && indent == 0 && !list_marker(s, p, le))
		m->in_list = 0;
	m->prev_blank = 0;

	/*
	 * A thematic break can only start inside the line's tail of one of
	 * -*_ and blanks: find that tail once, so the marker loop stays linear.
	 */
	e = le;
	while (e > p && is_sp(s[e - 1]))
		e--;
	tstart = le + 1;
	if (e > p && (s[e - 1] == '-' || s[e - 1] == '*' || s[e - 1] == '_')) {
		char tc = s[e - 1];
		tstart = e;
		while (tstart > p && (s[tstart - 1] == tc || is_sp(s[tstart - 1])))
			tstart--;
	}
	/* Containers: block quote markers and list markers, in a loop. */
	for (;;) {
		size_t q = p;
		while (q < le && is_sp(s[q]))
			q++;
		if (q < le && s[q] == '>') {
			qdepth++;
			p = q + 1;
			if (p < le && s[p] == ' ')
				p++;
			continue;
		}
		if (!(q >= tstart && is_thematic(s, q, le)) && (k = list_marker(s, q, le)) != 0) {
			new_item = 1;
			m->in_list = 1;
			p = k;
			continue;
		}
		p = q;
		break;
	}
	lazy = m->in_para && qdepth < m->qdepth && !new_item;
	block_start = new_item || !m->in_para || (qdepth != m->qdepth && !lazy);
	if (!lazy)
		m->qdepth = qdepth;
	if (p == le) {
		rb_break(b);
		m->in_para = 0;
		return;
	}
	if (is_thematic(s, p, le) || (m->in_para && !new_item && is_setext(s, p, le))) {
		rb_break(b);
		m->in_para = 0;
		return;
	}
	/* Fence. */
	if (s[p] == '`' || s[p] == '~') {
		size_t r = p;
		while (r < le && s[r] == s[p])
			r++;
		if (r - p >= 3 && !(s[p] == '`' && memchr(s + r, '`', le - r))) {
			m->fence = s[p];
			m->fence_len = r - p;
			rb_break(b);
			m->in_para = 0;
			return;
		}
	}
	/* ATX heading. */
	if (s[p] == '#') {
		size_t r = p;
		while (r < le && s[r] == '#')
			r++;
		if (r - p <= 6 && (r == le || is_sp(s[r]))) {
			e = le;
			while (e > r && is_sp(s[e - 1]))
				e--;
			k = e;
			while (k > r && s[k - 1] == '#')
				k--;
			if (k == r || is_sp(s[k - 1]))
				e = k; /* closing #s */
			rb_break(b);
			md_inline(m, r, e);
			rb_break(b);
			m->in_para = 0;
			return;
		}
	}
	/* Reference definition "[id]: url", or footnote "[^1]: text". */
	if (s[p] == '[' && block_start) {
		const char *q = memchr(s + p, ']', le - p);
		k = q ? (size_t)(q - s) : le;
		if (k + 1 < le && s[k + 1] == ':' && !memchr(s + p + 1, '[', k - p - 1)) {
			rb_break(b);
			if (p + 1 < k && s[p + 1] == '^') {
				md_inline(m, k + 2, le);
				m->in_para = 1;
			} else {
				m->in_para = 0;
			}
			return;
		}
	}
	/* A line that opens with a comment or a block-level tag is a block. */
	if (s[p] == '<') {
		struct read_tag t;
		if ((le - p >= 4 && !memcmp(s + p, "<!--", 4)) ||
		    (read_tag_parse(s, p, le, &t) && read_tag_is_block(s + t.name, t.name_len))) {
			rb_break(b);
			md_inline(m, p, le);
			rb_break(b);
			m->in_para = 0;
			return;
		}
	}
	/* Tables. */
	if (m->in_table && is_delim_row(s, p, le))
		return;
	if (!m->in_table && memchr(s + p, '|', le - p) && next_is_delim(m, eol))
		m->in_table = 1;
	if (m->in_table || (s[p] == '|' && memchr(s + p + 1, '|', le - p - 1))) {
		md_cells(m, p, le);
		m->in_para = 0;
		return;
	}
	/* Paragraph text. */
	if (block_start)
		rb_break(b);
	else
		rb_nl(b, ls - 1);
	e = le;
	while (e > p && is_sp(s[e - 1]))
		e--;
	md_inline(m, p, e);
	m->in_para = 1;
}

void read_md_run(struct rb *b)
{
	struct md m;
	size_t pos, n = b->src_len;

	memset(&m, 0, sizeof m);
	m.b = b;
	m.s = b->src;
	m.n = n;
	pos = md_front_matter(&m, b->start);
	while (pos < n && b->rc == PC_OK) {
		const char *nl = memchr(m.s + pos, '\n', n - pos);
		size_t eol = nl ? (size_t)(nl - m.s) : n, e = eol;
		if (e > pos && m.s[e - 1] == '\r')
			e--;
		md_line(&m, pos, e, eol);
		pos = eol + 1;
	}
	if (m.skip == MD_SKIP_COMMENT) {
		b->unclosed = 1; /* read.h: the caller warns */
		b->unclosed_off = m.skip_from;
	}
	free(m.scratch);
}
