/*
 * report_jsonw.c: the small JSON writer the json, sarif and rdjsonl
 * reporters share.  It writes tokens, not trees: callers place the braces
 * and commas, which keeps output byte-for-byte predictable for tests and
 * for tools that diff it.
 */
#include "report/report_int.h"

#include "base/utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void rw_json_strn(struct rw *w, const char *s, size_t len)
{
	size_t i = 0, run = 0; /* s[run..i) needs no escaping, not yet written */

	rw_putc(w, '"');
	while (i < len && w->rc == PC_OK) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char ubuf[8];
		size_t n = 1;
		int32_t cp;

		if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
			i++;
			continue;
		}
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		default:
			if (c < 0x80) { /* other C0 controls and DEL */
				snprintf(ubuf, sizeof ubuf, "\\u%04x", c);
				esc = ubuf;
				break;
			}
			n = utf8_decode(s + i, len - i, &cp);
			if (n == 0) {
				esc = "\xEF\xBF\xBD"; /* U+FFFD: output stays valid UTF-8 */
				n = 1;
			} else if (cp == 0x2028 || cp == 0x2029) {
				snprintf(ubuf, sizeof ubuf, "\\u%04x", (unsigned)cp);
				esc = ubuf;
			}
			break;
		}
		if (esc) {
			rw_put(w, s + run, i - run);
			rw_puts(w, esc);
			i += n;
			run = i;
		} else {
			i += n; /* a valid multi-byte character: copied as is */
		}
	}
	rw_put(w, s + run, i - run);
	rw_putc(w, '"');
}

void rw_json_str(struct rw *w, const char *s)
{
	if (!s)
		rw_puts(w, "null");
	else
		rw_json_strn(w, s, strlen(s));
}

void rw_json_str0(struct rw *w, const char *s)
{
	rw_json_str(w, s ? s : "");
}

void rw_json_int(struct rw *w, long long v)
{
	rw_printf(w, "%lld", v);
}

void rw_json_uint(struct rw *w, unsigned long long v)
{
	rw_printf(w, "%llu", v);
}

/* V in decimal, at least WIDTH digits (zero-padded), into OUT (24
 * bytes): printf's "%0*llu" without its machinery, a number per place. */
static void dec_u64(char *out, unsigned long long v, int width)
{
	char tmp[24];
	int n = 0, k = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n < width && n < (int)sizeof tmp)
		tmp[n++] = '0';
	while (n > 0)
		out[k++] = tmp[--n];
	out[k] = '\0';
}

void rw_json_num(struct rw *w, double x, int decimals)
{
	static const long long pow10[] = { 1, 10, 100, 1000, 10000, 100000,
		1000000, 10000000, 100000000, 1000000000 };
	long long scale, v;
	unsigned long long uv, ip, fp;
	char frac[24], whole[24];
	int k;

	if (!isfinite(x)) {
		rw_puts(w, "null");
		return;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 9)
		decimals = 9;
	scale = pow10[decimals];
	if (fabs(x) * (double)scale >= 9e15) {
		/* Too large for exact fixed point; %.17g, with a '.' whatever the locale. */
		char tmp[64], *comma;
		snprintf(tmp, sizeof tmp, "%.17g", x);
		if ((comma = strchr(tmp, ',')) != NULL)
			*comma = '.';
		rw_puts(w, tmp);
		return;
	}
	v = llround(x * (double)scale);
	uv = v < 0 ? (unsigned long long)(-v) : (unsigned long long)v;
	ip = uv / (unsigned long long)scale;
	fp = uv % (unsigned long long)scale;
	if (v < 0)
		rw_putc(w, '-');
	dec_u64(whole, ip, 1);
	rw_puts(w, whole);
	if (fp == 0)
		return;
	dec_u64(frac, fp, decimals);
	for (k = decimals; k > 0 && frac[k - 1] == '0'; k--)
		frac[k - 1] = '\0';
	rw_putc(w, '.');
	rw_puts(w, frac);
}

void rw_json_bool(struct rw *w, int v)
{
	rw_puts(w, v ? "true" : "false");
}

void rw_json_key(struct rw *w, const char *key, int first)
{
	if (!first)
		rw_putc(w, ',');
	rw_json_str(w, key);
	rw_putc(w, ':');
}
