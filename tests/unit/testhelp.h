/*
 * testhelp.h: a tiny unit-test runner in the spirit of Redis's testhelp.h.
 *
 * A test file defines functions `static void test_x(void)` and a main that
 * calls TEST(test_x) for each, then returns TEST_REPORT().  CHECK records a
 * failure (with file:line and the expression) and carries on; the last line
 * printed is "N passed, N failed", which CI reads.
 */
#ifndef PC_TESTHELP_H
#define PC_TESTHELP_H

#include <stdio.h>
#include <string.h>

struct test_state {
	int passed, failed;
	int cur_failed;
};

static struct test_state test_state_;

#define CHECK(expr)                                                          \
	do {                                                                 \
		if (!(expr)) {                                               \
			printf("  FAIL %s:%d: %s\n", __FILE__, __LINE__, #expr); \
			test_state_.cur_failed = 1;                          \
		}                                                            \
	} while (0)

#define CHECK_STR(a, b)                                                      \
	do {                                                                 \
		const char *a_ = (a), *b_ = (b);                             \
		if (!a_ || !b_ || strcmp(a_, b_) != 0) {                      \
			printf("  FAIL %s:%d: %s == %s (\"%s\" vs \"%s\")\n",  \
			       __FILE__, __LINE__, #a, #b, a_ ? a_ : "(null)", \
			       b_ ? b_ : "(null)");                          \
			test_state_.cur_failed = 1;                          \
		}                                                            \
	} while (0)

#define CHECK_INT(a, b)                                                      \
	do {                                                                 \
		long long a_ = (long long)(a), b_ = (long long)(b);          \
		if (a_ != b_) {                                              \
			printf("  FAIL %s:%d: %s == %s (%lld vs %lld)\n",      \
			       __FILE__, __LINE__, #a, #b, a_, b_);          \
			test_state_.cur_failed = 1;                          \
		}                                                            \
	} while (0)

#define TEST(fn)                                                             \
	do {                                                                 \
		test_state_.cur_failed = 0;                                  \
		fn();                                                        \
		if (test_state_.cur_failed) {                                \
			test_state_.failed++;                                \
			printf("FAIL %s\n", #fn);                            \
		} else {                                                     \
			test_state_.passed++;                                \
			printf("ok   %s\n", #fn);                            \
		}                                                            \
	} while (0)

#define TEST_REPORT()                                                        \
	(printf("%d passed, %d failed\n", test_state_.passed, test_state_.failed), \
	 test_state_.failed ? 1 : 0)

#endif
