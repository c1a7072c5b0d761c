/* strdist.c: OSA edit distance with early exit (see strdist.h). */
#include "base/strdist.h"

#include "base/utf8.h"

#include <stdint.h>
#include <string.h>

/* Decode S into at most CAP code points; returns the count. */
static size_t to_cps(const char *s, int32_t *out, size_t cap)
{
	size_t len = strlen(s), i = 0, n = 0;

	while (i < len && n < cap) {
		int32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		out[n++] = cp;
		i += k ? k : 1;
	}
	return n;
}

static int min3(int a, int b, int c)
{
	int m = a < b ? a : b;

	return m < c ? m : c;
}

int strdist_osa(const char *a, const char *b, int max)
{
	int32_t x[STRDIST_MAX_CPS], y[STRDIST_MAX_CPS];
	int rows[3][STRDIST_MAX_CPS + 1];
	size_t n = to_cps(a, x, STRDIST_MAX_CPS), m = to_cps(b, y, STRDIST_MAX_CPS), i, j;
	int *pp = rows[0], *p = rows[1], *c = rows[2];

	if ((n > m ? n - m : m - n) > (size_t)max)
		return max + 1;
	for (j = 0; j <= m; j++)
		p[j] = (int)j;
	for (i = 1; i <= n; i++) {
		int best, *t;
		c[0] = (int)i;
		best = c[0];
		for (j = 1; j <= m; j++) {
			int cost = x[i - 1] != y[j - 1];
			c[j] = min3(p[j] + 1, c[j - 1] + 1, p[j - 1] + cost);
			/* adjacent transposition */
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] && pp[j - 2] + 1 < c[j])
				c[j] = pp[j - 2] + 1;
			if (c[j] < best)
				best = c[j];
		}
		if (best > max)
			return max + 1;
		t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[m] > max ? max + 1 : p[m];
}
