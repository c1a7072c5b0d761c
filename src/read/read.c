/*
 * read.c: read_doc() and the plain-text builder the readers share (see
 * read.h for the contract, read_int.h for the builder's rules).
 */
#include "read/read.h"

#include "base/arena.h"
#include "base/utf8.h"
#include "base/xmem.h"
#include "read/read_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- format names ------------------------------------------------------ */

/* The format PATH's extension names, or READ_FMT_AUTO if it names none. */
static enum read_fmt fmt_of_ext(const char *path)
{
	const char *dot, *slash;

	if (!path)
		return READ_FMT_AUTO;
	dot = strrchr(path, '.');
	slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return READ_FMT_AUTO;
	dot++;
	if (!strcasecmp(dot, "md") || !strcasecmp(dot, "markdown"))
		return READ_FMT_MARKDOWN;
	if (!strcasecmp(dot, "html") || !strcasecmp(dot, "htm"))
		return READ_FMT_HTML;
	if (!strcasecmp(dot, "txt") || !strcasecmp(dot, "text"))
		return READ_FMT_TEXT;
	return READ_FMT_AUTO;
}

enum read_fmt read_fmt_from_name(const char *path)
{
	enum read_fmt f = fmt_of_ext(path);

	return f == READ_FMT_AUTO ? READ_FMT_TEXT : f;
}

int read_fmt_parse(const char *s)
{
	if (!s)
		return -1;
	if (!strcasecmp(s, "text") || !strcasecmp(s, "txt"))
		return READ_FMT_TEXT;
	if (!strcasecmp(s, "markdown") || !strcasecmp(s, "md"))
		return READ_FMT_MARKDOWN;
	if (!strcasecmp(s, "html") || !strcasecmp(s, "htm"))
		return READ_FMT_HTML;
	return -1;
}

/* ---- the builder -------------------------------------------------------- */

unsigned long rb_line(const struct rb *b, size_t off)
{
	size_t lo = 0, hi = b->n_lines;

	/* Last line start <= off. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->line_starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (unsigned long)lo + 1;
}

static void rb_fail(struct rb *b, size_t off, const char *what)
{
	if (b->rc != PC_OK)
		return;
	b->rc = diag_set(b->d, PC_ERR_LIMIT, b->name, rb_line(b, off), 0, "%s", what);
}

/* Room for N more text bytes; 0 (and b->rc set) at the ceiling. */
static int rb_room(struct rb *b, size_t n, size_t off)
{
	if (b->rc != PC_OK)
		return 0;
	if (b->len + n > READ_MAX_TEXT) {
		rb_fail(b, off, "plain text too large (over 256 MiB)");
		return 0;
	}
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->text = xrealloc(b->text, cap);
		b->cap = cap;
	}
	return 1;
}

/* Text byte TEXT_OFF maps to SRC_OFF; add an anchor unless the map already says so. */
static void rb_anchor(struct rb *b, size_t text_off, size_t src_off)
{
	if (b->n_map) {
		struct read_anchor *l = &b->map[b->n_map - 1];
		if (l->text_off == text_off) {
			l->src_off = src_off;
			return;
		}
		if (l->src_off + (text_off - l->text_off) == src_off)
			return;
	}
	if (b->n_map == READ_MAX_ANCHORS) {
		rb_fail(b, src_off, "too many markup fragments (offset map over 16M entries)");
		return;
	}
	if (b->n_map == b->cap_map) {
		b->cap_map = b->cap_map ? b->cap_map * 2 : 256;
		b->map = xreallocarray(b->map, b->cap_map, sizeof *b->map);
	}
	b->map[b->n_map].text_off = text_off;
	b->map[b->n_map].src_off = src_off;
	b->n_map++;
}

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Drop trailing whitespace (and the anchors that pointed into it). */
static void rb_trim(struct rb *b)
{
	while (b->len && is_ws(b->text[b->len - 1]))
		b->len--;
	while (b->n_map && b->map[b->n_map - 1].text_off >= b->len)
		b->n_map--;
}

/* Append N bytes that all map to source offset OFF (an insertion). */
static void rb_insert(struct rb *b, size_t off, const char *s, size_t n)
{
	size_t k;

	if (!rb_room(b, n, off))
		return;
	for (k = 0; k < n; k++) {
		rb_anchor(b, b->len, off);
		b->text[b->len++] = s[k];
	}
}

/* Code point ending the text, or 0 if empty. */
static int32_t rb_last_cp(const struct rb *b)
{
	size_t i = b->len;
	int32_t cp = 0;

	if (!i)
		return 0;
	i--;
	while (i > 0 && b->len - i < 4 && ((unsigned char)b->text[i] & 0xC0) == 0x80)
		i--;
	utf8_decode(b->text + i, b->len - i, &cp);
	return cp;
}

static int is_wordch(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || utf8_is_letter(cp);
}

/*
 * Content starting at source OFF, first code point FIRST, is about to be
 * appended: settle a pending block break or gap first.
 */
static void rb_begin(struct rb *b, size_t off, int32_t first)
{
	if (b->pending_break) {
		b->pending_break = 0;
		b->has_gap = 0;
		rb_trim(b);
		if (b->len)
			rb_insert(b, off, "\n\n", 2);
	} else if (b->has_gap) {
		b->has_gap = 0;
		if (is_wordch(rb_last_cp(b)) && is_wordch(first))
			rb_insert(b, b->gap_off, " ", 1);
	}
}

/* Whitespace is dropped at the start of the text and of a block. */
static int rb_ws_dropped(struct rb *b)
{
	if (b->len == 0 || b->pending_break)
		return 1;
	b->has_gap = 0; /* the whitespace separates the words */
	return 0;
}

/* Append source bytes [OFF, OFF+N) verbatim (known valid UTF-8, no controls). */
static void rb_append_src(struct rb *b, size_t off, size_t n)
{
	if (!rb_room(b, n, off))
		return;
	rb_anchor(b, b->len, off);
	memcpy(b->text + b->len, b->src + off, n);
	b->len += n;
}

/* Length of the invalid sequence at S[0..LEN): a lead byte and the continuation bytes it claims. */
static size_t bad_len(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];
	size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	size_t k = 1;

	while (k < want && k < len && ((unsigned char)s[k] & 0xC0) == 0x80)
		k++;
	return k;
}

void rb_copy(struct rb *b, size_t off, size_t n)
{
	const char *s = b->src;
	size_t i = off, end = off + n;

	while (i < end && b->rc == PC_OK) {
		unsigned char c = (unsigned char)s[i];
		size_t j = i;
		int32_t first;

		if (c == ' ' || c == '\t' || c == '\n') {
			int nl = 0;
			while (j < end && is_ws(s[j]))
				nl |= s[j++] == '\n';
			/* "a `code` b" reads "a b": no double blank where markup was. */
			if (b->has_gap && !nl && b->len && (b->text[b->len - 1] == ' ' ||
							   b->text[b->len - 1] == '\t'))
				b->has_gap = 0;
			else if (!rb_ws_dropped(b))
				rb_append_src(b, i, j - i);
			i = j;
			continue;
		}
		if (c == '\r' && i + 1 < b->src_len && s[i + 1] == '\n') {
			i++; /* CRLF: the LF stands for both */
			continue;
		}
		if (c < 0x20 || c == 0x7f) {
			/* Control characters (and a lone CR) read as a space. */
			if (!rb_ws_dropped(b))
				rb_put(b, i, 1, " ", 1);
			i++;
			continue;
		}
		/* A run of printable ASCII and valid multi-byte characters. */
		first = -1;
		while (j < end) {
			unsigned char cj = (unsigned char)s[j];
			int32_t cp;
			size_t k;
			if (cj < 0x80) {
				if (cj <= 0x20 || cj == 0x7f)
					break;
				cp = cj;
				k = 1;
			} else {
				k = utf8_decode(s + j, end - j, &cp);
				if (k == 0)
					break;
			}
			if (first < 0)
				first = cp;
			j += k;
		}
		if (j > i) {
			rb_begin(b, i, first);
			rb_append_src(b, i, j - i);
			i = j;
			continue;
		}
		/* Invalid UTF-8: one U+FFFD per sequence (recorded in the pre-pass). */
		{
			size_t k = bad_len(s + i, end - i);
			rb_begin(b, i, 0xFFFD);
			rb_put(b, i, k, "\xEF\xBF\xBD", 3);
			i += k;
		}
	}
}

/*
 * Replacement text S[0..N) for source bytes [OFF, OFF+SRC_N): byte k maps to
 * OFF+k, clamped inside the source run, and the last byte to the run's last
 * byte, so a span ending in the replacement covers all of it.  SRC_N 0 is a
 * pure insertion at OFF.  Whitespace-only replacements obey the block-start
 * rule; others settle pending breaks and gaps.
 */
void rb_put(struct rb *b, size_t off, size_t src_n, const char *s, size_t n)
{
	size_t k, last = src_n ? off + src_n - 1 : off;

	if (!n || b->rc != PC_OK)
		return;
	if (n == 1 && (s[0] == ' ' || s[0] == '\n')) {
		if (rb_ws_dropped(b))
			return;
	} else {
		int32_t cp = 0;
		utf8_decode(s, n, &cp);
		rb_begin(b, off, cp);
	}
	if (!rb_room(b, n, off))
		return;
	for (k = 0; k < n; k++) {
		size_t to = k == n - 1 ? last : (off + k < last ? off + k : last);
		rb_anchor(b, b->len, to);
		b->text[b->len++] = s[k];
	}
}

void rb_break(struct rb *b)
{
	if (b->len)
		b->pending_break = 1;
}

void rb_gap(struct rb *b, size_t off)
{
	if (!b->len || b->pending_break || b->has_gap)
		return;
	b->has_gap = 1;
	b->gap_off = off;
}

void rb_nl(struct rb *b, size_t off)
{
	if (rb_ws_dropped(b))
		return;
	rb_insert(b, off, "\n", 1);
}

void rb_directive(struct rb *b, size_t off, const char *s, size_t n)
{
	static const char pfx[] = "placecheck-";
	struct read_directive *dv;
	char *t;
	size_t i, k = 0;
	int sp = 0;

	while (n && (is_ws(*s) || *s == '\r')) {
		s++;
		n--;
	}
	while (n && (is_ws(s[n - 1]) || s[n - 1] == '\r'))
		n--;
	if (n < sizeof pfx - 1 || memcmp(s, pfx, sizeof pfx - 1) != 0 || b->rc != PC_OK)
		return;
	if (b->n_dirs == READ_MAX_DIRS) {
		rb_fail(b, off, "too many placecheck directives (over 65536)");
		return;
	}
	t = arena_alloc(b->a, n + 1);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= 0x20 || c == 0x7f) {
			sp = 1;
			continue;
		}
		if (sp)
			t[k++] = ' ';
		sp = 0;
		/* Keep the text valid UTF-8 for reports: bytes >= 0x80 that do not decode become '?'. */
		if (c >= 0x80) {
			int32_t cp;
			size_t m = utf8_decode(s + i, n - i, &cp);
			if (m == 0) {
				t[k++] = '?';
				continue;
			}
			memcpy(t + k, s + i, m);
			k += m;
			i += m - 1;
			continue;
		}
		t[k++] = (char)c;
	}
	t[k] = '\0';
	if (b->n_dirs == b->cap_dirs) {
		size_t cap = b->cap_dirs ? b->cap_dirs * 2 : 8;
		b->dirs = arena_grow(b->a, b->dirs, b->n_dirs, cap, sizeof *b->dirs);
		b->cap_dirs = cap;
	}
	dv = &b->dirs[b->n_dirs++];
	dv->src_off = off;
	dv->line = rb_line(b, off);
	dv->text = t;
}

/* ---- read_doc ----------------------------------------------------------- */

/* NUL bytes or over 10% control characters in the first 8 KiB. */
static int looks_binary(const char *s, size_t len)
{
	size_t n = len < READ_BINARY_SAMPLE ? len : READ_BINARY_SAMPLE, i, n_ctrl = 0;

	if (memchr(s, '\0', n))
		return 1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) ||
		    c == 0x7f)
			n_ctrl++;
	}
	return n_ctrl >= 4 && n_ctrl * 10 > n;
}

/*
 * UTF-16 text: 1 little-endian, 2 big-endian, 0 neither; *BOM set when it
 * opens with a byte-order mark.  Without one, text in a Latin script has
 * a NUL in every other byte: nearly all of one parity, nearly none of the
 * other, in the first READ_BINARY_SAMPLE bytes.
 */
static int utf16_kind(const char *s, size_t len, int *bom)
{
	size_t n = len < READ_BINARY_SAMPLE ? len : READ_BINARY_SAMPLE, i, z[2] = { 0, 0 };

	*bom = 0;
	if (len >= 2 && (unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) {
		*bom = 1;
		return 1;
	}
	if (len >= 2 && (unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF) {
		*bom = 1;
		return 2;
	}
	n &= ~(size_t)1;
	if (n < 8)
		return 0;
	for (i = 0; i < n; i++)
		z[i & 1] += s[i] == '\0';
	if (z[1] * 10 >= n / 2 * 9 && z[0] * 10 <= n / 2)
		return 1;
	if (z[0] * 10 >= n / 2 * 9 && z[1] * 10 <= n / 2)
		return 2;
	return 0;
}

/*
 * SRC with every CR that is not followed by LF made an LF, in A; SRC itself
 * when it has none (the usual case: one memchr pass).
 */
static const char *lone_cr_to_lf(const char *src, size_t len, struct arena *a)
{
	const char *p = src, *end = src + len;
	char *copy = NULL;
	size_t i;

	while (p < end && (p = memchr(p, '\r', (size_t)(end - p))) != NULL) {
		if (p + 1 == end || p[1] != '\n')
			break;
		p += 2;
	}
	if (!p || p >= end)
		return src;
	copy = arena_alloc(a, len + 1);
	memcpy(copy, src, len);
	copy[len] = '\0';
	for (i = (size_t)(p - src); i < len; i++)
		if (copy[i] == '\r' && (i + 1 == len || copy[i + 1] != '\n'))
			copy[i] = '\n';
	return copy;
}

/* Offsets of every line start: 0 and each byte after '\n'. */
static void find_lines(struct read_doc *doc, struct arena *a)
{
	const char *s = doc->src, *p = s, *end = s + doc->src_len;
	size_t n = 1, k = 1;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	doc->line_starts = arena_alloc(a, n * sizeof *doc->line_starts);
	doc->line_starts[0] = 0;
	for (p = s; p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		doc->line_starts[k++] = (size_t)(p - s) + 1;
	doc->n_lines = n;
}

/* Column marks in long lines (struct read_col_mark, read.h). */
static void find_col_marks(struct read_doc *doc, struct arena *a)
{
	size_t li, n = 0, cap = 0;

	doc->col_marks = NULL;
	doc->n_col_marks = 0;
	for (li = 0; li < doc->n_lines; li++) {
		size_t ls = doc->line_starts[li];
		size_t le = li + 1 < doc->n_lines ? doc->line_starts[li + 1] : doc->src_len;
		size_t off = ls, cols = 0;
		if (li == 0 && doc->src_len >= 3 && !memcmp(doc->src, "\xEF\xBB\xBF", 3))
			off = 3; /* the BOM is no column (read_linecol) */
		while (le - off > READ_COL_STEP) {
			size_t next = off + READ_COL_STEP;
			/* a mark on a character's first byte */
			while (next < le && ((unsigned char)doc->src[next] & 0xC0) == 0x80)
				next++;
			cols += utf8_count(doc->src + off, next - off);
			off = next;
			if (n == cap) {
				size_t ncap = cap ? cap * 2 : 64;
				doc->col_marks = arena_grow(a, doc->col_marks, cap, ncap, sizeof *doc->col_marks);
				cap = ncap;
			}
			doc->col_marks[n].off = off;
			doc->col_marks[n].cols = cols;
			n++;
		}
	}
	doc->n_col_marks = n;
}

/* Record every invalid UTF-8 sequence with its line and column, in one pass. */
static enum pc_rc find_bad(struct read_doc *doc, size_t start, struct arena *a,
			   const char *name, struct diag *d)
{
	const char *s = doc->src;
	size_t i = start, cap = 0, line = 0, col_off = 0;
	unsigned long col = 0;

	while (i < doc->src_len) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		size_t k;

		if (c < 0x80) {
			i++;
			continue;
		}
		k = utf8_decode(s + i, doc->src_len - i, &cp);
		if (k) {
			i += k;
			continue;
		}
		if (doc->n_bad == READ_MAX_BAD) {
			struct read_bad *l = &doc->bad[doc->n_bad - 1];
			return diag_set(d, PC_ERR_LIMIT, name, l->line, l->column,
					"too many invalid UTF-8 sequences (over %zu): is this UTF-8?",
					READ_MAX_BAD);
		}
		/* Advance line and column incrementally: no rescans of long lines. */
		while (line + 1 < doc->n_lines && doc->line_starts[line + 1] <= i) {
			line++;
			col_off = doc->line_starts[line];
			col = 0;
		}
		if (line == 0 && col == 0 && col_off < start)
			col_off = start; /* the BOM is no column */
		col += (unsigned long)utf8_count(s + col_off, i - col_off);
		col_off = i;
		if (doc->n_bad == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			doc->bad = arena_grow(a, doc->bad, doc->n_bad, ncap, sizeof *doc->bad);
			cap = ncap;
		}
		doc->bad[doc->n_bad].src_off = i;
		doc->bad[doc->n_bad].line = (unsigned long)line + 1;
		doc->bad[doc->n_bad].column = col + 1;
		doc->n_bad++;
		i += bad_len(s + i, doc->src_len - i);
	}
	return PC_OK;
}

/* "<!doctype html" or "<html" before any other text. */
static int sniff_html(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && (is_ws(s[i]) || s[i] == '\r'))
		i++;
	if (len - i >= 14 && !strncasecmp(s + i, "<!doctype html", 14))
		return 1;
	return len - i >= 5 && !strncasecmp(s + i, "<html", 5);
}

enum pc_rc read_doc(const char *src, size_t len, enum read_fmt fmt, const char *name,
		    struct arena *a, struct read_doc *out, struct diag *d)
{
	struct rb b;
	enum pc_rc rc;
	size_t start = 0;

	memset(out, 0, sizeof *out);
	memset(&b, 0, sizeof b);
	if (!src)
		src = "";
	if (len > READ_MAX_DOC) {
		rc = diag_set(d, PC_ERR_LIMIT, name, 0, 0,
			      "document too large (%zu bytes; the limit is 64 MiB)", len);
		goto done;
	}
	{
		int bom, k = utf16_kind(src, len, &bom);
		if (k) {
			const char *enc = k == 1 ? "UTF-16LE" : "UTF-16BE";
			rc = diag_set(d, PC_ERR_PARSE, name, 0, 0,
				      "UTF-16 text (%s, %s), not checked: placecheck reads UTF-8; "
				      "convert it first, e.g. iconv -f %s -t UTF-8 FILE > FILE.utf8",
				      k == 1 ? "little-endian" : "big-endian",
				      bom ? "with a byte-order mark" : "no byte-order mark",
				      bom ? "UTF-16" : enc);
			goto done;
		}
	}
	if (looks_binary(src, len)) {
		rc = diag_set(d, PC_ERR_PARSE, name, 0, 0, "binary file, not checked");
		goto done;
	}
	src = lone_cr_to_lf(src, len, a);
	if (len >= 3 && !memcmp(src, "\xEF\xBB\xBF", 3))
		start = 3;
	out->src = src;
	out->src_len = len;
	find_lines(out, a);
	find_col_marks(out, a);
	if ((rc = find_bad(out, start, a, name, d)) != PC_OK)
		goto done;
	if (fmt == READ_FMT_AUTO) {
		fmt = fmt_of_ext(name);
		if (fmt == READ_FMT_AUTO)
			fmt = sniff_html(src + start, len - start) ? READ_FMT_HTML : READ_FMT_TEXT;
	}
	out->fmt = fmt;

	b.src = src;
	b.src_len = len;
	b.start = start;
	b.name = name;
	b.a = a;
	b.d = d;
	b.line_starts = out->line_starts;
	b.n_lines = out->n_lines;
	switch (fmt) {
	case READ_FMT_MARKDOWN:
		read_md_run(&b);
		break;
	case READ_FMT_HTML:
		read_html_run(&b);
		break;
	default:
		read_text_run(&b);
		break;
	}
	if ((rc = b.rc) != PC_OK)
		goto done;
	b.pending_break = 0;
	rb_trim(&b);
	out->len = b.len;
	out->text = arena_alloc(a, b.len + 1);
	if (b.len)
		memcpy(out->text, b.text, b.len);
	out->text[b.len] = '\0';
	out->n_map = b.n_map;
	out->map = arena_alloc(a, (b.n_map ? b.n_map : 1) * sizeof *out->map);
	if (b.n_map)
		memcpy(out->map, b.map, b.n_map * sizeof *out->map);
	out->dirs = b.dirs;
	out->n_dirs = b.n_dirs;
	if (b.unclosed)
		read_linecol(out, b.unclosed_off, &out->unclosed_line, &out->unclosed_column);
done:
	free(b.text);
	free(b.map);
	if (rc != PC_OK)
		memset(out, 0, sizeof *out);
	return rc;
}

/* ---- lookups ------------------------------------------------------------ */

size_t read_src_offset(const struct read_doc *doc, size_t text_off)
{
	size_t lo = 0, hi = doc->n_map, off;

	if (text_off >= doc->len || doc->n_map == 0)
		return doc->src_len;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->map[mid].text_off <= text_off)
			lo = mid;
		else
			hi = mid;
	}
	off = doc->map[lo].src_off + (text_off - doc->map[lo].text_off);
	return off < doc->src_len ? off : doc->src_len;
}

/* Index of the line holding SRC_OFF. */
static size_t line_index(const struct read_doc *doc, size_t src_off)
{
	size_t lo = 0, hi = doc->n_lines;

	if (!doc->n_lines)
		return 0;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->line_starts[mid] <= src_off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void read_linecol(const struct read_doc *doc, size_t src_off, unsigned long *line,
		  unsigned long *column)
{
	size_t li, ls;

	if (src_off > doc->src_len)
		src_off = doc->src_len;
	if (!doc->n_lines) {
		*line = 1;
		*column = (unsigned long)src_off + 1;
		return;
	}
	li = line_index(doc, src_off);
	ls = doc->line_starts[li];
	if (li == 0 && doc->src_len >= 3 && !memcmp(doc->src, "\xEF\xBB\xBF", 3) && src_off >= 3)
		ls = 3;
	*line = (unsigned long)li + 1;
	if (src_off - ls > READ_COL_STEP && doc->n_col_marks) {
		/* the last mark at or before SRC_OFF, in this line */
		size_t lo = 0, hi = doc->n_col_marks;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (doc->col_marks[mid].off <= src_off)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo > 0 && doc->col_marks[lo - 1].off > ls) {
			const struct read_col_mark *mk = &doc->col_marks[lo - 1];
			*column = (unsigned long)(mk->cols + utf8_count(doc->src + mk->off, src_off - mk->off)) + 1;
			return;
		}
	}
	*column = (unsigned long)utf8_count(doc->src + ls, src_off - ls) + 1;
}

void read_line_span(const struct read_doc *doc, size_t src_off, size_t *start, size_t *len)
{
	size_t li, s, e;

	if (src_off > doc->src_len)
		src_off = doc->src_len;
	if (!doc->n_lines) {
		*start = 0;
		*len = doc->src_len;
		return;
	}
	li = line_index(doc, src_off);
	s = doc->line_starts[li];
	e = li + 1 < doc->n_lines ? doc->line_starts[li + 1] - 1 : doc->src_len;
	if (e > s && doc->src[e - 1] == '\r')
		e--;
	*start = s;
	*len = e - s;
}
