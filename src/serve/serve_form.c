/*
 * serve_form.c: application/x-www-form-urlencoded bodies, as LanguageTool
 * clients send /v2/check.  Strict: a bad escape or invalid UTF-8 is an
 * error the client hears about (400), never a silent guess.
 */
#include "serve/serve_int.h"

#include "base/utf8.h"

#include <string.h>

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decode S[0..LEN), which starts at byte AT of the body (for messages),
 * into a NUL-terminated arena string; *OUT_LEN its length.
 */
static enum pc_rc decode(const char *s, size_t len, size_t at, struct arena *a, const char **out,
			 size_t *out_len, struct diag *d)
{
	char *p = arena_alloc(a, len + 1);
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '+') {
			p[n++] = ' ';
		} else if (s[i] == '%') {
			int hi = i + 2 < len ? hexval(s[i + 1]) : -1;
			int lo = hi >= 0 ? hexval(s[i + 2]) : -1;
			if (hi < 0 || lo < 0)
				return diag_set(d, PC_ERR_PARSE, NULL, 0, 0,
						"bad percent escape at byte %zu (want %%XX, two hex digits)", at + i);
			p[n++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			p[n++] = s[i];
		}
	}
	p[n] = '\0';
	if (utf8_validate(p, n) != n)
		return diag_set(d, PC_ERR_PARSE, NULL, 0, 0, "a field is not valid UTF-8 once decoded");
	*out = p;
	*out_len = n;
	return PC_OK;
}

enum pc_rc serve_form_parse(const char *s, size_t len, struct arena *a, struct serve_args *out,
			    struct diag *d)
{
	size_t i = 0;
	enum pc_rc rc;

	out->n = 0;
	while (i < len) {
		size_t j = i, eq;
		struct serve_arg *arg;
		size_t klen;

		while (j < len && s[j] != '&')
			j++;
		if (j == i) { /* "a=1&&b=2": an empty field is no field */
			i = j + 1;
			continue;
		}
		if (out->n == SERVE_MAX_ARGS)
			return diag_set(d, PC_ERR_PARSE, NULL, 0, 0, "more than %d fields", SERVE_MAX_ARGS);
		for (eq = i; eq < j && s[eq] != '='; eq++)
			;
		arg = &out->v[out->n];
		if ((rc = decode(s + i, eq - i, i, a, &arg->key, &klen, d)) != PC_OK)
			return rc;
		if (klen == 0 || strlen(arg->key) != klen)
			return diag_set(d, PC_ERR_PARSE, NULL, 0, 0, "a field at byte %zu has no name", i);
		if (eq < j)
			rc = decode(s + eq + 1, j - eq - 1, eq + 1, a, &arg->value, &arg->value_len, d);
		else
			rc = decode("", 0, 0, a, &arg->value, &arg->value_len, d);
		if (rc != PC_OK)
			return rc;
		out->n++;
		i = j + 1;
	}
	return PC_OK;
}
