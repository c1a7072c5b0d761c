/*
 * db_key.c: the lookup key of a name.  The loader and the checker both go
 * through db_key(), so a name written either way meets itself.
 */
#include "db/db.h"

#include "base/utf8.h"

#include <string.h>

/* Abbreviated place words expanded inside keys ("St. Louis" = "Saint Louis"). */
static const struct {
	const char *abbr, *full;
} key_words[] = {
	{ "st", "saint" },
	{ "ste", "sainte" },
	{ "ft", "fort" },
	{ "mt", "mount" },
};

enum pc_rc db_key(const char *s, size_t len, struct buf *out)
{
	struct buf tmp;
	enum pc_rc rc;
	const char *p, *end;
	size_t start = out->len;

	buf_init(&tmp, out->max);
	rc = utf8_fold(s, len, &tmp);
	if (rc != PC_OK)
		goto done;
	/* Fast path: no word to expand. */
	p = buf_str(&tmp);
	if (!strstr(p, "st") && !strstr(p, "ft") && !strstr(p, "mt")) {
		rc = buf_append(out, tmp.data ? tmp.data : "", tmp.len);
		goto done;
	}
	end = p + tmp.len;
	while (p < end) {
		const char *w = p;
		size_t wl, i;
		while (p < end && *p != ' ')
			p++;
		wl = (size_t)(p - w);
		if (out->len > start && (rc = buf_putc(out, ' ')) != PC_OK)
			goto done;
		for (i = 0; i < sizeof key_words / sizeof key_words[0]; i++)
			if (strlen(key_words[i].abbr) == wl && memcmp(key_words[i].abbr, w, wl) == 0)
				break;
		if (i < sizeof key_words / sizeof key_words[0])
			rc = buf_puts(out, key_words[i].full);
		else
			rc = buf_append(out, w, wl);
		if (rc != PC_OK)
			goto done;
		if (p < end)
			p++; /* the space */
	}
done:
	buf_free(&tmp);
	return rc;
}
