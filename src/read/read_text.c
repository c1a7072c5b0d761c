/*
 * read_text.c: the plain-text reader.  Text stays as written; a line of
 * only whitespace is a block boundary, and a line whose first non-blank
 * character is '#' and that holds "placecheck-" gives a directive (the line
 * itself stays in the text).
 */
#include "read/read_int.h"

#include <string.h>

void read_text_run(struct rb *b)
{
	const char *s = b->src;
	size_t pos = b->start, n = b->src_len;
	int in_para = 0;

	while (pos < n && b->rc == PC_OK) {
		const char *nl = memchr(s + pos, '\n', n - pos);
		size_t eol = nl ? (size_t)(nl - s) : n, e = eol, p = pos;

		if (e > pos && s[e - 1] == '\r')
			e--;
		while (p < e && (s[p] == ' ' || s[p] == '\t' || s[p] == '\f' || s[p] == '\v'))
			p++;
		if (p == e) {
			rb_break(b);
			in_para = 0;
		} else {
			if (in_para)
				rb_nl(b, pos - 1);
			rb_copy(b, pos, e - pos);
			in_para = 1;
			if (s[p] == '#') {
				const char *d = memmem(s + p, e - p, "placecheck-", 11);
				if (d)
					rb_directive(b, p, d, (size_t)(s + e - d));
			}
		}
		pos = eol + 1;
	}
}
