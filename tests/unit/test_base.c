/* test_base.c: base library and name keys. */
#include "base/arena.h"
#include "base/bloom.h"
#include "base/buf.h"
#include "base/strdist.h"
#include "base/utf8.h"
#include "db/db.h"

#include "testhelp.h"

#include <stdlib.h>

static const char *key_of(const char *s, struct buf *b)
{
	buf_reset(b);
	if (db_key(s, strlen(s), b) != PC_OK)
		return "(error)";
	return buf_str(b);
}

static void test_fold_accents_and_case(void)
{
	struct buf b;

	buf_init(&b, 0);
	CHECK_STR(key_of("Bogotá", &b), "bogota");
	CHECK_STR(key_of("BOGOTA", &b), "bogota");
	CHECK_STR(key_of("Sant Julià de Lòria", &b), "sant julia de loria");
	CHECK_STR(key_of("Medellín", &b), "medellin");
	CHECK_STR(key_of("Zürich", &b), "zurich");
	CHECK_STR(key_of("Straße", &b), "strasse");
	buf_free(&b);
}

static void test_fold_punctuation(void)
{
	struct buf b;

	buf_init(&b, 0);
	CHECK_STR(key_of("N.C.", &b), "nc");
	CHECK_STR(key_of("Miami-Dade", &b), "miami dade");
	CHECK_STR(key_of("O'Fallon", &b), "ofallon");
	CHECK_STR(key_of("  Kansas   City ", &b), "kansas city");
	CHECK_STR(key_of("St. Louis", &b), "saint louis");
	CHECK_STR(key_of("Ft. Worth", &b), "fort worth");
	CHECK_STR(key_of("Mt. Airy", &b), "mount airy");
	/* "st" only as a whole word */
	CHECK_STR(key_of("Stanford", &b), "stanford");
	CHECK_STR(key_of("Amherst", &b), "amherst");
	buf_free(&b);
}

/* A plain ASCII word takes db_key's short cut: the same key as the fold. */
static void test_fold_plain_words(void)
{
	static const char *const words[] = { "Charlottesville", "LONDON", "Ste", "STE", "Mt", "Stes",
					     "A1B2", "x2000", "abcd", "Wellington" };
	struct buf b, f;
	size_t i;

	buf_init(&b, 0);
	buf_init(&f, 0);
	CHECK_STR(key_of("Charlottesville", &b), "charlottesville");
	CHECK_STR(key_of("Ste", &b), "sainte");
	CHECK_STR(key_of("MT", &b), "mount");
	CHECK_STR(key_of("Stes", &b), "stes");
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		const char *k = key_of(words[i], &b);
		buf_reset(&f);
		CHECK(utf8_fold(words[i], strlen(words[i]), &f) == PC_OK);
		if (strlen(words[i]) > 3)
			CHECK_STR(k, buf_str(&f));
	}
	/* Appended after what OUT holds; past the ceiling, an error and OUT
	 * as it was. */
	buf_reset(&b);
	buf_puts(&b, "x ");
	CHECK(db_key("Paris", 5, &b) == PC_OK);
	CHECK_STR(buf_str(&b), "x paris");
	buf_free(&b);
	buf_init(&b, 8);
	buf_puts(&b, "abc");
	CHECK(db_key("Abcdefgh", 8, &b) == PC_ERR_LIMIT);
	CHECK_STR(buf_str(&b), "abc");
	buf_free(&b);
	buf_free(&f);
}

static void test_fold_invalid_utf8(void)
{
	struct buf b;

	buf_init(&b, 0);
	CHECK(db_key("Bad\xff", 4, &b) == PC_ERR_PARSE);
	buf_free(&b);
}

static void test_utf8_count_and_validate(void)
{
	CHECK_INT(utf8_count("Zürich", strlen("Zürich")), 6);
	CHECK_INT(utf8_validate("ok\xc3(", 4), 2);
	CHECK_INT(utf8_validate("São Paulo", strlen("São Paulo")), strlen("São Paulo"));
}

static void test_buf_ceiling(void)
{
	struct buf b;

	buf_init(&b, 8);
	CHECK(buf_puts(&b, "12345678") == PC_OK);
	CHECK(buf_putc(&b, 'x') == PC_ERR_LIMIT);
	CHECK_STR(buf_str(&b), "12345678");
	buf_free(&b);
}

static void test_arena(void)
{
	struct arena a;
	char *big, *s;
	int *v;

	arena_init(&a, 128);
	s = arena_strdup(&a, "hello");
	big = arena_alloc(&a, 10000); /* bigger than a chunk */
	memset(big, 'x', 10000);
	v = arena_grow(&a, NULL, 0, 4, sizeof *v);
	v[3] = 7;
	v = arena_grow(&a, v, 4, 8, sizeof *v);
	CHECK_INT(v[3], 7);
	CHECK_STR(s, "hello");
	CHECK_STR(arena_printf(&a, "%d-%s", 42, "x"), "42-x");
	arena_free(&a);
}

static void test_bloom_roundtrip(void)
{
	struct bloom b, c;
	unsigned char *blob;
	int fp = 0, i;
	char w[32];

	bloom_init(&b, 1000);
	for (i = 0; i < 1000; i++) {
		snprintf(w, sizeof w, "name%d", i);
		bloom_add(&b, w, strlen(w));
	}
	blob = malloc(bloom_size(&b));
	bloom_write(&b, blob);
	CHECK(bloom_read(&c, blob, bloom_size(&b)) == PC_OK);
	for (i = 0; i < 1000; i++) {
		snprintf(w, sizeof w, "name%d", i);
		CHECK(bloom_test(&c, w, strlen(w)));
	}
	for (i = 0; i < 10000; i++) {
		snprintf(w, sizeof w, "other%d", i);
		fp += bloom_test(&c, w, strlen(w));
	}
	CHECK(fp < 300); /* about 1% expected */
	CHECK(bloom_read(&c, blob, 5) == PC_ERR_CORRUPT);
	/* The header must agree with the blob's length. */
	CHECK(bloom_open(&c, blob, bloom_size(&b) - 1) == PC_ERR_CORRUPT);
	CHECK(bloom_open(&c, blob, bloom_size(&b) + 8) == PC_ERR_CORRUPT);
	free(blob);
	bloom_free(&b);
	bloom_free(&c);
}

static void test_osa(void)
{
	CHECK_INT(strdist_osa("colombia", "columbia", 2), 1);
	CHECK_INT(strdist_osa("austria", "australia", 2), 2);
	CHECK_INT(strdist_osa("slovakia", "slovenia", 2), 2);
	CHECK_INT(strdist_osa("cincinatti", "cincinnati", 2), 2);
	CHECK_INT(strdist_osa("sydney", "sydeny", 2), 1); /* transposition */
	CHECK_INT(strdist_osa("bogota", "bogotá", 2), 1); /* code points, not bytes */
	CHECK_INT(strdist_osa("charlotte", "charlottesville", 2), 3); /* early exit: max + 1 */
	CHECK_INT(strdist_osa("", "", 0), 0);
}

/* Names from outside, as every printer shows them (issue 16, 2026-12-05). */
static void test_escape(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "story.md", "story.md" },
		{ "Bogot\xc3\xa1 caf\xc3\xa9.md", "Bogot\xc3\xa1 caf\xc3\xa9.md" },
		{ "a\\b.md", "a\\b.md" },                       /* a backslash stays */
		{ "x\033[2Jy", "x\\x1B[2Jy" },                  /* ESC */
		{ "a\nb\tc\rd", "a\\nb\\tc\\rd" },
		{ "del\x7f", "del\\x7F" },
		{ "bad\xff\xc3", "bad\\xFF\\xC3" },            /* not UTF-8 */
		{ "evil\xe2\x80\xaetxt.md", "evil\\u{202E}txt.md" }, /* right-to-left override */
		{ "c1\xc2\x9b", "c1\\u{009B}" },                 /* C1 CSI */
		{ "x\\x1B[2Jy", "x\\x1B[2Jy" },                 /* escaping twice changes nothing */
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b;
		buf_init(&b, 0);
		utf8_escape(cases[i].in, strlen(cases[i].in), &b);
		CHECK_STR(buf_str(&b), cases[i].want);
		CHECK_INT(utf8_needs_escape(cases[i].in, strlen(cases[i].in)),
			  strcmp(cases[i].in, cases[i].want) != 0);
		buf_free(&b);
	}
}

int main(void)
{
	TEST(test_escape);
	TEST(test_osa);
	TEST(test_fold_accents_and_case);
	TEST(test_fold_punctuation);
	TEST(test_fold_plain_words);
	TEST(test_fold_invalid_utf8);
	TEST(test_utf8_count_and_validate);
	TEST(test_buf_ceiling);
	TEST(test_arena);
	TEST(test_bloom_roundtrip);
	return TEST_REPORT();
}
