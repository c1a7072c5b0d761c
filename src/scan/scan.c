/*
 * scan.c: tokenizer, sentence and paragraph splitter, quotation and
 * dateline marker (see scan.h).
 */
#include "scan/scan.h"

#include "base/utf8.h"

#include <string.h>
#include <strings.h>

/*
 * Abbreviations after which a period does not end a sentence: titles, the
 * place words of St. Louis and Ft. Worth, and the AP state abbreviations
 * that news copy puts mid-sentence ("Charlottesville, Va., where").
 * Orthography, not place knowledge: the matcher reads the states from the
 * database.
 */
static const char *const scan_abbrevs[] = {
	"Mr", "Mrs", "Ms", "Dr", "St", "Ste", "Ft", "Mt", "Gen", "Gov", "Sen", "Rep",
	"Lt", "Col", "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Prof", "Rev", "Jr", "Sr",
	"Inc", "Co", "Corp", "Ltd", "No", "vs", "Jan", "Feb", "Aug", "Sept", "Sep",
	"Oct", "Nov", "Dec", "Ave", "Blvd", "Rd", "Pres", "Supt", "Atty", "Msgr",
	"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill",
	"Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo",
	"Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Vt", "Va", "Wash", "Wis",
	"Wyo", "Alta", "Sask", "Man", "Ont", "Que", "Nfld", "Tas", "Vic", "Qld",
};

static int is_abbrev(const char *s, size_t len)
{
	/* The place words also in capitals: datelines write "ST. PAUL". */
	static const char *const upper[] = { "ST", "STE", "FT", "MT" };
	size_t i;

	for (i = 0; i < sizeof scan_abbrevs / sizeof scan_abbrevs[0]; i++)
		if (strlen(scan_abbrevs[i]) == len && memcmp(scan_abbrevs[i], s, len) == 0)
			return 1;
	for (i = 0; i < sizeof upper / sizeof upper[0]; i++)
		if (strlen(upper[i]) == len && memcmp(upper[i], s, len) == 0)
			return 1;
	return 0;
}

static int32_t cp_at(const char *s, size_t len, size_t i, size_t *n)
{
	int32_t cp;
	size_t k;

	if ((unsigned char)s[i] < 0x80) {
		*n = 1;
		return (unsigned char)s[i];
	}
	k = utf8_decode(s + i, len - i, &cp);
	*n = k ? k : 1;
	return cp;
}

/*
 * utf8_is_letter() and utf8_is_upper() with ASCII answered here: the
 * scanner asks for every character of the text (4.4 million calls on
 * 1,000 BBC articles), and those functions live in another file.
 */
static inline int is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	return utf8_is_letter(cp);
}

static inline int is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8_is_upper(cp);
}

static int is_word_cp(int32_t cp)
{
	return is_letter(cp) || (cp >= '0' && cp <= '9');
}

static int is_apos(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

static int is_dquote(int32_t cp)
{
	return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x00AB || cp == 0x00BB;
}

struct scan_state {
	struct arena *a;
	struct scan_doc *out;
	size_t cap;
};

static enum pc_rc push(struct scan_state *st, size_t off, size_t len, unsigned flags, struct diag *d)
{
	struct scan_doc *o = st->out;

	if (o->n_toks >= SCAN_MAX_TOKENS)
		return diag_set(d, PC_ERR_LIMIT, NULL, 0, 0, "too many tokens in one document (limit %u)",
				SCAN_MAX_TOKENS);
	if (o->n_toks == st->cap) {
		size_t ncap = st->cap ? st->cap * 2 : 1024;
		o->toks = arena_grow(st->a, o->toks, st->cap, ncap, sizeof *o->toks);
		st->cap = ncap;
	}
	o->toks[o->n_toks].off = off;
	o->toks[o->n_toks].len = len;
	o->toks[o->n_toks].flags = flags;
	o->toks[o->n_toks].sent = 0;
	o->toks[o->n_toks].para = 0;
	o->n_toks++;
	return PC_OK;
}

/* Length of a dotted abbreviation ("N.C.", "U.S.", "W.Va.") at I, or 0. */
static size_t dotted_len(const char *s, size_t len, size_t i)
{
	size_t j = i, pieces = 0;

	while (j < len) {
		size_t k = j;
		while (k < len && k - j < 3 && ((s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= 'a' && s[k] <= 'z')))
			k++;
		if (k == j || k >= len || s[k] != '.' || !(s[j] >= 'A' && s[j] <= 'Z'))
			break;
		pieces++;
		j = k + 1;
	}
	/* Two pieces at least, and not the start of an ordinary word. */
	if (pieces >= 2 && !(j < len && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z'))))
		return j - i;
	return 0;
}

static unsigned word_shape(const char *s, size_t len)
{
	size_t i = 0, n;
	unsigned flags = SCAN_WORD;
	int n_letters = 0, n_upper = 0, n_digits = 0, first = 1;

	while (i < len) {
		int32_t cp = cp_at(s, len, i, &n);
		if (cp >= '0' && cp <= '9')
			n_digits++;
		else if (is_letter(cp)) {
			n_letters++;
			if (is_upper(cp)) {
				n_upper++;
				if (first)
					flags |= SCAN_CAP;
			}
			first = 0;
		}
		i += n;
	}
	if (n_letters == 0 && n_digits > 0)
		return SCAN_NUMBER;
	if (n_letters >= 2 && n_upper == n_letters)
		flags |= SCAN_ALLCAPS;
	return flags;
}

/* Pass 1: split TEXT into tokens. */
static enum pc_rc tokenize(struct scan_state *st, const char *s, size_t len, struct diag *d)
{
	size_t i = 0, n;
	unsigned pending = SCAN_SPACE_BEFORE | SCAN_PARA_START | SCAN_LINE_START;
	enum pc_rc rc;

	while (i < len) {
		int32_t cp = cp_at(s, len, i, &n);
		if (cp == '\n') {
			size_t j = i + 1;
			pending |= SCAN_SPACE_BEFORE | SCAN_LINE_START;
			/* A blank line (only white space on it) ends the paragraph. */
			while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
				j++;
			if (j < len && s[j] == '\n')
				pending |= SCAN_PARA_START;
			i++;
			continue;
		}
		if (cp == ' ' || cp == '\t' || cp == '\r' || cp == 0xA0 || cp == 0x2009 || cp == 0x202F) {
			pending |= SCAN_SPACE_BEFORE;
			i += n;
			continue;
		}
		if (is_word_cp(cp)) {
			size_t j, dl = 0;
			unsigned flags;
			if (s[i] >= 'A' && s[i] <= 'Z')
				dl = dotted_len(s, len, i);
			if (dl) {
				if ((rc = push(st, i, dl, SCAN_WORD | SCAN_CAP | SCAN_DOTTED | pending, d)) != PC_OK)
					return rc;
				pending = 0;
				i += dl;
				continue;
			}
			j = i;
			while (j < len) {
				size_t m;
				int32_t c2 = cp_at(s, len, j, &m);
				if (is_word_cp(c2)) {
					j += m;
					continue;
				}
				/* An apostrophe inside a word (O'Keeffe), not a possessive 's. */
				if (is_apos(c2) && j + m < len) {
					size_t m2;
					int32_t c3 = cp_at(s, len, j + m, &m2);
					int poss_s = (c3 == 's' || c3 == 'S') &&
						     (j + m + m2 >= len || !is_word_cp(cp_at(s, len, j + m + m2, &m2)));
					if (is_word_cp(c3) && !poss_s) {
						j += m;
						continue;
					}
				}
				break;
			}
			flags = word_shape(s + i, j - i) | pending;
			pending = 0;
			/* Possessive: 's, or a bare ' after a final s. */
			if (j < len) {
				size_t m, m2;
				int32_t c2 = cp_at(s, len, j, &m);
				if (is_apos(c2)) {
					if (j + m < len) {
						int32_t c3 = cp_at(s, len, j + m, &m2);
						if ((c3 == 's' || c3 == 'S') &&
						    (j + m + m2 >= len || !is_word_cp(cp_at(s, len, j + m + m2, &m2)))) {
							flags |= SCAN_POSS;
							if ((rc = push(st, i, j - i, flags, d)) != PC_OK)
								return rc;
							i = j + m + 1;
							continue;
						}
					}
					if (j - i > 1 && (s[j - 1] == 's' || s[j - 1] == 'S') && (flags & SCAN_CAP)) {
						flags |= SCAN_POSS;
						if ((rc = push(st, i, j - i, flags, d)) != PC_OK)
							return rc;
						i = j + m;
						continue;
					}
				} else if (c2 == '.') {
					flags |= SCAN_DOT_AFTER;
				}
			}
			if ((rc = push(st, i, j - i, flags, d)) != PC_OK)
				return rc;
			i = j;
			continue;
		}
		/* Anything else is one punctuation token. */
		if ((rc = push(st, i, n, SCAN_PUNCT | pending, d)) != PC_OK)
			return rc;
		pending = 0;
		i += n;
	}
	return PC_OK;
}

int scan_is_punct(const struct scan_doc *s, size_t t, char c)
{
	return t < s->n_toks && (s->toks[t].flags & SCAN_PUNCT) && s->toks[t].len == 1 &&
	       s->text[s->toks[t].off] == c;
}

int scan_is_word(const struct scan_doc *s, size_t t, const char *w)
{
	size_t n = strlen(w);

	return t < s->n_toks && (s->toks[t].flags & SCAN_WORD) && s->toks[t].len == n &&
	       strncasecmp(s->text + s->toks[t].off, w, n) == 0;
}

int scan_is_dash(const struct scan_doc *s, size_t t)
{
	const struct scan_tok *k;
	int32_t cp;

	if (t >= s->n_toks || !(s->toks[t].flags & SCAN_PUNCT))
		return 0;
	k = &s->toks[t];
	if (k->len == 1)
		return s->text[k->off] == '-' && (k->flags & SCAN_SPACE_BEFORE);
	utf8_decode(s->text + k->off, k->len, &cp);
	return cp == 0x2014 || cp == 0x2013 || cp == 0x2012 || cp == 0x2015;
}

/* Pass 2: sentences, paragraphs, quotations. */
static void structure(struct scan_doc *o)
{
	unsigned sent = 0, para = 0;
	int in_quote = 0, sent_open = 0;
	size_t t;

	for (t = 0; t < o->n_toks; t++) {
		struct scan_tok *k = &o->toks[t];
		int32_t cp = 0;

		if ((k->flags & SCAN_PARA_START) && t > 0) {
			para++;
			sent++;
			sent_open = 0;
			in_quote = 0; /* quotes do not run across paragraphs here */
		}
		k->para = para;
		k->sent = sent;
		if (k->flags & SCAN_PUNCT)
			utf8_decode(o->text + k->off, k->len, &cp);
		if ((k->flags & SCAN_PUNCT) && is_dquote(cp)) {
			if (cp == 0x201C || cp == 0x00AB)
				in_quote = 1;
			else if (cp == 0x201D || cp == 0x00BB)
				in_quote = 0;
			else
				in_quote = !in_quote;
			continue;
		}
		if (in_quote)
			k->flags |= SCAN_QUOTED;
		if ((k->flags & (SCAN_WORD | SCAN_NUMBER)) && !sent_open) {
			k->flags |= SCAN_SENT_START;
			sent_open = 1;
		}
		if ((k->flags & SCAN_PUNCT) && (cp == '.' || cp == '!' || cp == '?')) {
			/* A period after an abbreviation or an initial does not end it. */
			if (cp == '.' && t > 0 && (o->toks[t - 1].flags & SCAN_WORD) &&
			    !(k->flags & SCAN_SPACE_BEFORE)) {
				const struct scan_tok *p = &o->toks[t - 1];
				if (is_abbrev(o->text + p->off, p->len) ||
				    (p->len == 1 && (p->flags & SCAN_CAP)))
					continue;
			}
			/* Closing quote right after the stop stays in this sentence. */
			if (t + 1 < o->n_toks && (o->toks[t + 1].flags & SCAN_PUNCT) &&
			    !(o->toks[t + 1].flags & (SCAN_SPACE_BEFORE | SCAN_PARA_START))) {
				int32_t c2;
				utf8_decode(o->text + o->toks[t + 1].off, o->toks[t + 1].len, &c2);
				if (is_dquote(c2)) {
					t++;
					o->toks[t].para = para;
					o->toks[t].sent = sent;
					if (c2 == '"' || c2 == 0x201D || c2 == 0x00BB)
						in_quote = 0;
				}
			}
			sent++;
			sent_open = 0;
		}
		/* A dotted abbreviation at the very end of a sentence carries its stop. */
	}
	o->n_sent = sent + 1;
	o->n_para = o->n_toks ? para + 1 : 0;
}

/* A paragraph of at least this many words, every one in capitals, is
 * shouted (SCAN_SHOUT); fewer may be a run of abbreviations ("NATO, EU"). */
#define SCAN_SHOUT_MIN_WORDS 3

/*
 * Pass 3: datelines and headlines.  A dateline opens a paragraph with a run
 * of all-caps words, optionally ", Abbrev." or ", STATE", then a dash
 * ("CHARLOTTESVILLE, N.C. —", "SYDNEY, N.S. —", "BOGOTÁ —").  A headline is
 * a short paragraph with no final stop whose words are mostly capitalised.
 * A paragraph all in capitals is shouted.
 */
static void mark_datelines(struct scan_doc *o)
{
	size_t t = 0;

	while (t < o->n_toks) {
		size_t start = t, end, u, limit;
		unsigned para = o->toks[t].para;
		int n_words = 0, n_cap = 0, n_lower = 0, last_is_stop = 0;

		end = t;
		while (end < o->n_toks && o->toks[end].para == para)
			end++;
		/* Dateline: ALLCAPS words then optional qualifier then a dash, within 12 tokens. */
		limit = start + 12 < end ? start + 12 : end;
		for (u = start; u < limit; u++) {
			if (scan_is_dash(o, u)) {
				size_t v;
				int ok = u > start && (o->toks[start].flags & SCAN_ALLCAPS);
				for (v = start; ok && v < u; v++) {
					unsigned f = o->toks[v].flags;
					/* words, commas, periods, parentheses ("(AP)") only */
					if (!(f & (SCAN_WORD | SCAN_NUMBER)) && !scan_is_punct(o, v, ',') &&
					    !scan_is_punct(o, v, '.') && !scan_is_punct(o, v, '(') &&
					    !scan_is_punct(o, v, ')') && !scan_is_punct(o, v, '*'))
						ok = 0;
				}
				if (ok)
					for (v = start; v < u; v++)
						o->toks[v].flags |= SCAN_DATELINE;
				break;
			}
		}
		/* Headline: no final stop, at most 16 words, most capitalised. */
		for (u = start; u < end; u++) {
			if (o->toks[u].flags & SCAN_WORD) {
				unsigned f = o->toks[u].flags;
				n_words++;
				if (f & SCAN_CAP)
					n_cap++;
				/* ("A" and "N.H." are capitals too.) */
				if (!(f & (SCAN_ALLCAPS | SCAN_DOTTED)) && !((f & SCAN_CAP) && o->toks[u].len == 1))
					n_lower++;
			}
		}
		if (n_words >= SCAN_SHOUT_MIN_WORDS && n_lower == 0)
			for (u = start; u < end; u++)
				o->toks[u].flags |= SCAN_SHOUT;
		if (end > start) {
			size_t l = end - 1;
			last_is_stop = scan_is_punct(o, l, '.') || scan_is_punct(o, l, '!') ||
				       scan_is_punct(o, l, '?') || scan_is_punct(o, l, '"') ||
				       scan_is_punct(o, l, ':');
		}
		if (!last_is_stop && n_words > 0 && n_words <= 16 && n_cap * 2 > n_words &&
		    !(o->toks[start].flags & SCAN_DATELINE))
			for (u = start; u < end; u++)
				o->toks[u].flags |= SCAN_HEADLINE;
		t = end;
	}
}

enum pc_rc scan_run(const char *text, size_t len, struct arena *a, struct scan_doc *out,
		    struct diag *d)
{
	struct scan_state st = { a, out, 0 };
	enum pc_rc rc;

	memset(out, 0, sizeof *out);
	out->text = text;
	out->text_len = len;
	if ((rc = tokenize(&st, text, len, d)) != PC_OK)
		return rc;
	structure(out);
	mark_datelines(out);
	return PC_OK;
}
