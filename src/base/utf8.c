/* utf8.c: UTF-8 helpers and matching fold built on utf8proc (see utf8.h). */
#include "base/utf8.h"

#include <utf8proc.h>

#include <stdlib.h>
#include <string.h>

size_t utf8_decode(const char *s, size_t len, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n;
	unsigned char b = (unsigned char)s[0];

	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)(len > 4 ? 4 : len), &c);
	if (n <= 0 || c < 0) {
		*cp = 0xFFFD;
		return 0;
	}
	*cp = c;
	return (size_t)n;
}

size_t utf8_encode(int32_t cp, char *out)
{
	utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
	return n > 0 ? (size_t)n : 0;
}

size_t utf8_validate(const char *s, size_t len)
{
	size_t i = 0;
	int32_t cp;

	while (i < len) {
		size_t n;
		if ((unsigned char)s[i] < 0x80) {
			/* Runs of ASCII, the bulk of any file, eight bytes at a time. */
			uint64_t w;
			i++;
			while (i + 8 <= len) {
				memcpy(&w, s + i, 8);
				if (w & UINT64_C(0x8080808080808080))
					break;
				i += 8;
			}
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return i;
		i += n;
	}
	return len;
}

size_t utf8_count(const char *s, size_t len)
{
	size_t i = 0, n_cp = 0;
	int32_t cp;

	while (i < len) {
		size_t n = (unsigned char)s[i] < 0x80 ? 1 : utf8_decode(s + i, len - i, &cp);
		i += n ? n : 1;
		n_cp++;
	}
	return n_cp;
}

int utf8_is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN: /* combining marks stay inside a word */
	case UTF8PROC_CATEGORY_MC:
		return 1;
	default:
		return 0;
	}
}

int utf8_is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
	       utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

int utf8_is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* Characters removed outright rather than turned into a word break. */
static int fold_drops(int32_t cp)
{
	return cp == '\'' || cp == '.' || cp == 0x2019 /* ’ */ || cp == 0x2018 ||
	       cp == 0x02BC /* ʼ */ || cp == 0x02BB || cp == '`';
}

static int fold_is_alnum(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9');
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

enum pc_rc utf8_fold(const char *s, size_t len, struct buf *out)
{
	size_t i = 0, start = out->len, room;
	int pending_space = 0;
	enum pc_rc rc;

	/*
	 * ASCII folds to at most as many bytes as it reads, so with LEN bytes
	 * reserved the ASCII path writes straight into the buffer; ROOM is
	 * where it must stop (the capacity or the ceiling) and hand over to
	 * buf_putc, which grows the buffer or reports the ceiling.  Names are
	 * folded by the hundred thousand at load time and every word of an
	 * article at check time: a call per byte was most of the cost.
	 */
	(void)buf_reserve(out, len);
	room = out->cap ? out->cap - 1 : 0;
	if (out->max && out->max < room)
		room = out->max;
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		int32_t cp;
		size_t n;

		if (b < 0x80) {
			/* ASCII fast path: the hot case for English copy. */
			char c = (char)b;
			i++;
			if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			if (c == '\'' || c == '.' || c == '`')
				continue; /* fold_drops */
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
				pending_space = 1;
				continue;
			}
			if (pending_space && out->len > start) {
				if (out->len < room) {
					out->data[out->len++] = ' ';
					out->data[out->len] = '\0';
				} else if ((rc = buf_putc(out, ' ')) != PC_OK)
					return rc;
			}
			pending_space = 0;
			if (out->len < room) {
				out->data[out->len++] = c;
				out->data[out->len] = '\0';
			} else if ((rc = buf_putc(out, c)) != PC_OK) {
				return rc;
			}
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return PC_ERR_PARSE;
		i += n;
		if (fold_drops(cp))
			continue;
		{
			/* Decompose, case-fold and strip marks for this one code point. */
			utf8proc_int32_t tmp[18];
			utf8proc_ssize_t m, k;
			int last;
			m = utf8proc_decompose_char(cp, tmp, 18, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK, &last);
			if (m < 0 || m > 18)
				return PC_ERR_PARSE;
			for (k = 0; k < m; k++) {
				char enc[4];
				size_t el;
				if (fold_drops(tmp[k]))
					continue;
				if (!fold_is_alnum(tmp[k])) {
					pending_space = 1;
					continue;
				}
				if (pending_space && out->len > start)
					if ((rc = buf_putc(out, ' ')) != PC_OK)
						return rc;
				pending_space = 0;
				el = utf8_encode(tmp[k], enc);
				if ((rc = buf_append(out, enc, el)) != PC_OK)
					return rc;
			}
		}
	}
	return PC_OK;
}

int utf8_is_format_control(int32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* Bytes at S[0..LEN) that utf8_escape() keeps as they are (0: escape). */
static size_t clean_run(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];
	int32_t cp;
	size_t n;

	if (c < 0x80)
		return c >= 0x20 && c != 0x7f;
	n = utf8_decode(s, len, &cp);
	return n && !utf8_is_format_control(cp) ? n : 0;
}

int utf8_needs_escape(const char *s, size_t len)
{
	size_t i = 0, n;

	while (i < len) {
		if (!(n = clean_run(s + i, len - i)))
			return 1;
		i += n;
	}
	return 0;
}

void utf8_escape(const char *s, size_t len, struct buf *out)
{
	size_t i = 0, run = 0, n;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		if ((n = clean_run(s + i, len - i))) {
			i += n;
			continue;
		}
		buf_append(out, s + run, i - run);
		if (c == '\t' || c == '\n' || c == '\r') {
			buf_printf(out, "\\%c", c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
			i++;
		} else if (c >= 0x80 && (n = utf8_decode(s + i, len - i, &cp)) != 0) {
			buf_printf(out, "\\u{%04X}", (unsigned)cp);
			i += n;
		} else {
			buf_printf(out, "\\x%02X", c);
			i++;
		}
		run = i;
	}
	buf_append(out, s + run, i - run);
}
