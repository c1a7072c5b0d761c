/*
 * cli_accept.c: the accept list (cli_accept.h).
 */
#include "cli/cli_accept.h"

#include "base/buf.h"
#include "base/utf8.h"
#include "query/query.h"

#include <string.h>
#include <strings.h>

/* S[0..LEN) folded (case, accents, punctuation) into A; "" if it cannot be. */
static const char *fold(const char *s, size_t len, struct arena *a)
{
	struct buf b;
	const char *out = "";

	buf_init(&b, 0);
	if (utf8_fold(s, len, &b) == PC_OK)
		out = arena_strndup(a, buf_str(&b), b.len);
	buf_free(&b);
	return out;
}

/* S[0..LEN) without blanks at either end, into A. */
static const char *trim(const char *s, size_t len, struct arena *a)
{
	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return arena_strndup(a, s, len);
}

/*
 * Does region OUTER hold the place or region with codes COUNTRY and ADMIN1
 * ("" for a whole country)?  A state holds itself; a country holds its
 * states; a state does not hold its whole country.
 */
static int region_within(const struct query_region *outer, const char *country, const char *admin1)
{
	if (strcmp(outer->country, country) != 0)
		return 0;
	return !outer->admin1[0] || strcmp(outer->admin1, admin1 ? admin1 : "") == 0;
}

/* The regions TEXT names (none when it names none or the lookup fails). */
static size_t regions_of(struct db *db, const char *text, struct arena *a, struct query_region **out)
{
	size_t n = 0;
	struct diag d;

	diag_clear(&d);
	if (!text || !text[0] || query_region_parse(db, text, a, out, &n, &d) != PC_OK)
		return 0;
	return n;
}

/* Is the entry's name written in the source around F ("Charlotte Street")? */
static int around(const char *name, const struct finding *f, const struct check_result *r)
{
	size_t m = strlen(name), p, lo, hi;

	if (!r->src || m < f->length || f->offset + f->length > r->src_len)
		return 0;
	lo = f->offset + f->length >= m ? f->offset + f->length - m : 0;
	hi = f->offset;
	for (p = lo; p <= hi && p + m <= r->src_len; p++)
		if (strncasecmp(r->src + p, name, m) == 0)
			return 1;
	return 0;
}

/* Does the entry ENTRY accept F? */
static int entry_accepts(struct db *db, const char *entry, const struct finding *f,
			 const struct check_result *r, const char *f_text, const char *f_name,
			 const char *f_qual, struct arena *a)
{
	const char *comma = strrchr(entry, ','), *name = entry;
	struct query_region *want = NULL, *written = NULL;
	size_t n_want = 0, n_written, i, k;

	if (strcmp(fold(entry, strlen(entry), a), f_text) == 0)
		return 1; /* the finding's text as written, qualifier and all */
	if (comma && (n_want = regions_of(db, trim(comma + 1, strlen(comma + 1), a), a, &want)))
		name = trim(entry, (size_t)(comma - entry), a);
	if (strcmp(fold(name, strlen(name), a), f_name) != 0)
		return !n_want && around(entry, f, r);
	if (!n_want)
		return 1; /* the name, anywhere, qualified or not */
	/* The name in a region: the article's qualifier, or its reading, is there. */
	n_written = regions_of(db, f_qual, a, &written);
	for (i = 0; i < n_want; i++) {
		for (k = 0; k < n_written; k++)
			if (region_within(&want[i], written[k].country, written[k].admin1))
				return 1;
		if (f->reading.name && f->reading.country &&
		    region_within(&want[i], f->reading.country, f->reading.admin1_code))
			return 1;
	}
	return 0;
}

int cli_accepted(struct db *db, const struct finding *f, const struct config_settings *fs,
		 const struct check_result *r, struct arena *a)
{
	const char *comma, *f_text, *f_name, *f_qual = NULL;
	size_t i;

	if (!fs->n_accept || !f->text)
		return 0;
	/* "Jackson, Mississippi": the name, and what qualifies it. */
	f_text = fold(f->text, strlen(f->text), a);
	comma = strchr(f->text, ',');
	f_name = comma ? fold(f->text, (size_t)(comma - f->text), a) : f_text;
	if (comma)
		f_qual = trim(comma + 1, strlen(comma + 1), a);
	if (!f_text[0])
		return 0;
	for (i = 0; i < fs->n_accept; i++)
		if (entry_accepts(db, fs->accept[i], f, r, f_text, f_name, f_qual, a))
			return 1;
	return 0;
}
