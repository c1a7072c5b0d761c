/* test_scan.c: tokens, sentences, quotations, datelines. */
#include "scan/scan.h"

#include "testhelp.h"

static struct arena A;

static const struct scan_doc *scan(const char *text)
{
	static struct scan_doc s;
	struct diag d;

	diag_clear(&d);
	if (scan_run(text, strlen(text), &A, &s, &d) != PC_OK)
		return NULL;
	return &s;
}

/* Index of the first token whose text is W, or -1. */
static long find(const struct scan_doc *s, const char *w)
{
	size_t i;

	for (i = 0; i < s->n_toks; i++)
		if (s->toks[i].len == strlen(w) && memcmp(s->text + s->toks[i].off, w, s->toks[i].len) == 0)
			return (long)i;
	return -1;
}

static void test_possessive_and_apostrophe(void)
{
	const struct scan_doc *s = scan("Georgia's parliament met Georgia O'Keeffe.");
	long g = find(s, "Georgia"), o = find(s, "O'Keeffe");

	CHECK(g >= 0 && (s->toks[g].flags & SCAN_POSS));
	CHECK(o >= 0 && (s->toks[o].flags & SCAN_CAP));
	CHECK(find(s, "s") < 0); /* the 's was consumed */
}

static void test_dotted_abbreviations(void)
{
	const struct scan_doc *s = scan("CHARLOTTESVILLE, N.C. — The U.S. team won. It was late.");
	long nc = find(s, "N.C."), us = find(s, "U.S."), c = find(s, "CHARLOTTESVILLE");

	CHECK(nc >= 0 && (s->toks[nc].flags & SCAN_DOTTED));
	CHECK(us >= 0 && (s->toks[us].flags & SCAN_DOTTED));
	CHECK(c >= 0 && (s->toks[c].flags & SCAN_ALLCAPS) && (s->toks[c].flags & SCAN_DATELINE));
	CHECK(nc >= 0 && (s->toks[nc].flags & SCAN_DATELINE));
	/* "The" after the dash is not part of the dateline */
	CHECK(!(s->toks[find(s, "The")].flags & SCAN_DATELINE));
	/* Two sentences after the dateline sentence start */
	CHECK(s->toks[find(s, "It")].sent > s->toks[find(s, "team")].sent);
}

static void test_abbreviation_does_not_end_sentence(void)
{
	const struct scan_doc *s = scan("He lives in Charlottesville, Va. and works in St. Louis today.");

	CHECK(s->toks[find(s, "works")].sent == s->toks[find(s, "He")].sent);
	CHECK(s->toks[find(s, "Louis")].sent == s->toks[find(s, "He")].sent);
	CHECK(s->toks[find(s, "Va")].flags & SCAN_DOT_AFTER);
}

static void test_quotes_and_paragraphs(void)
{
	const struct scan_doc *s = scan("He said, \u201cWe had a weekend in Charlotte.\u201d Then left.\n\nNew para \"quoted\" here.");
	long ch = find(s, "Charlotte"), th = find(s, "Then"), np = find(s, "New"), q = find(s, "quoted");

	CHECK(s->toks[ch].flags & SCAN_QUOTED);
	CHECK(!(s->toks[th].flags & SCAN_QUOTED));
	CHECK(s->toks[np].para == s->toks[th].para + 1);
	CHECK(s->toks[np].flags & SCAN_PARA_START);
	CHECK(s->toks[q].flags & SCAN_QUOTED);
	CHECK(!(s->toks[find(s, "here")].flags & SCAN_QUOTED));
}

/* A paragraph that opens with a quote after one that ends with a stop. */
static void test_quote_opening_paragraph(void)
{
	const struct scan_doc *s = scan("Intro line.\n\n\"We had a week in Charlotte,\" he said.");

	CHECK(s->toks[find(s, "Charlotte")].flags & SCAN_QUOTED);
	CHECK(!(s->toks[find(s, "said")].flags & SCAN_QUOTED));
}

static void test_hyphen_and_sentence_start(void)
{
	const struct scan_doc *s = scan("Mobile is a city. Miami-Dade County grew.");
	long m = find(s, "Mobile"), mi = find(s, "Miami"), da = find(s, "Dade");

	CHECK(s->toks[m].flags & SCAN_SENT_START);
	CHECK(s->toks[mi].flags & SCAN_SENT_START);
	CHECK(!(s->toks[da].flags & SCAN_SPACE_BEFORE));
	CHECK(scan_is_punct(s, (size_t)mi + 1, '-'));
}

static void test_headline(void)
{
	const struct scan_doc *s = scan("Storm Hits Reading And Bath\n\nThe storm hit Reading on Monday.");
	CHECK(s->toks[find(s, "Storm")].flags & SCAN_HEADLINE);
	CHECK(!(s->toks[find(s, "Monday")].flags & SCAN_HEADLINE));
}

/* A paragraph all in capitals is shouted, whatever its punctuation ("A"
 * and "N.H." are capitals too); one lower-case word, or fewer than three
 * words ("NATO, EU"), and it is not. */
static void test_shout(void)
{
	const struct scan_doc *s = scan("LIVE: A BARN FIRE IN WILMOT, N.H.\n\nFire crews said NATO, EU.\n\n"
					"NATO, EU\n\nFIRE CREWS in Wilmot");
	CHECK(s->toks[find(s, "LIVE")].flags & SCAN_SHOUT);
	CHECK(s->toks[find(s, "WILMOT")].flags & SCAN_SHOUT);
	CHECK(!(s->toks[find(s, "crews")].flags & SCAN_SHOUT));
	CHECK(!(s->toks[find(s, "EU")].flags & SCAN_SHOUT));
	CHECK(!(s->toks[find(s, "CREWS")].flags & SCAN_SHOUT));
}

static void test_empty(void)
{
	const struct scan_doc *s = scan("");
	CHECK(s && s->n_toks == 0);
}

int main(void)
{
	arena_init(&A, 0);
	TEST(test_possessive_and_apostrophe);
	TEST(test_dotted_abbreviations);
	TEST(test_abbreviation_does_not_end_sentence);
	TEST(test_quotes_and_paragraphs);
	TEST(test_quote_opening_paragraph);
	TEST(test_hyphen_and_sentence_start);
	TEST(test_headline);
	TEST(test_shout);
	TEST(test_empty);
	arena_free(&A);
	return TEST_REPORT();
}
