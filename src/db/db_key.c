/*
 * db_key.c: the lookup key of a name.  The loader and the checker both go
 * through db_key(), so a name written either way meets itself.
 */
#include "db/db.h"

#include "base/utf8.h"
#include "base/xmem.h"

#include <stdlib.h>
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

#define N_KEY_WORDS (sizeof key_words / sizeof key_words[0])

/* The index in key_words[] of the word W (WL bytes), N_KEY_WORDS if none. */
static size_t key_word(const char *w, size_t wl)
{
	size_t i;

	for (i = 0; i < N_KEY_WORDS; i++)
		if (strlen(key_words[i].abbr) == wl && memcmp(key_words[i].abbr, w, wl) == 0)
			break;
	return i;
}

/* Does the folded key K (LEN bytes) hold a word of key_words[]? */
static int has_key_word(const char *k, size_t len)
{
	const char *p = k, *end = k + len;

	while (p < end) {
		const char *w = p;
		size_t wl;
		while (p < end && *p != ' ')
			p++;
		wl = (size_t)(p - w);
		/* (every abbreviation has 2 or 3 letters: most words stop here) */
		if ((wl == 2 || wl == 3) && key_word(w, wl) < N_KEY_WORDS)
			return 1;
		p++; /* the space */
	}
	return 0;
}

/*
 * The longest word that may be an abbreviation of key_words[]: a word of
 * ASCII letters and digits longer than this folds to its lower case.
 */
#define KEY_WORD_MAX 3

/* Is S[0..LEN) ASCII letters and digits only? */
static int plain_word(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return 0;
	}
	return 1;
}

enum pc_rc db_key(const char *s, size_t len, struct buf *out)
{
	enum pc_rc rc;
	const char *p, *end;
	size_t start = out->len;
	char *copy;

	/*
	 * The common case, one plain word ("Charlottesville"): its key is its
	 * lower case, as utf8_fold() and the expansion below would make it
	 * (no mark, separator or dropped character; too long to expand).
	 * Every word of an article is keyed at check time, and this skips the
	 * general fold's per-character tests.  Past OUT's ceiling the general
	 * path reports it.
	 */
	if (len > KEY_WORD_MAX && plain_word(s, len) && buf_reserve(out, len) == PC_OK) {
		char *o = out->data + out->len;
		size_t i;
		for (i = 0; i < len; i++)
			o[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + ('a' - 'A') : s[i]);
		out->len += len;
		out->data[out->len] = '\0';
		return PC_OK;
	}

	/* Fold straight into OUT: the common key has no word to expand. */
	rc = utf8_fold(s, len, out);
	if (rc != PC_OK || !has_key_word(out->data + start, out->len - start)) {
		if (rc != PC_OK && out->data) {
			out->len = start; /* OUT as it was */
			out->data[start] = '\0';
		}
		return rc;
	}
	/* Rewrite the folded key word by word, expanding the abbreviations. */
	copy = xstrndup(out->data + start, out->len - start);
	out->len = start;
	out->data[start] = '\0';
	p = copy;
	end = copy + strlen(copy);
	while (p < end) {
		const char *w = p;
		size_t wl, i;
		while (p < end && *p != ' ')
			p++;
		wl = (size_t)(p - w);
		if (out->len > start && (rc = buf_putc(out, ' ')) != PC_OK)
			break;
		if ((i = key_word(w, wl)) < N_KEY_WORDS)
			rc = buf_puts(out, key_words[i].full);
		else
			rc = buf_append(out, w, wl);
		if (rc != PC_OK)
			break;
		if (p < end)
			p++; /* the space */
	}
	free(copy);
	return rc;
}
