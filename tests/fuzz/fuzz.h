/*
 * fuzz.h: what every fuzz target (tests/fuzz/fuzz_*.c) shares: the
 * libFuzzer entry point's prototype and REQUIRE(), the target's invariant
 * check.  Define FUZZ_NAME, the target's name as a string, before
 * including it; include fuzz_main.h once at the end of the target as
 * before.  scripts/fuzz.sh builds each target from its one .c file with
 * -Isrc, so a helper shared by several targets lives in a header of static
 * functions beside this one (fuzz_load.h).
 */
#ifndef PC_FUZZ_H
#define PC_FUZZ_H

#ifndef FUZZ_NAME
#error "define FUZZ_NAME (the target's name, for its messages) before including fuzz.h"
#endif

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An invariant of the code under test: else "FUZZ_NAME: invariant failed:
 * X" and abort(), which libFuzzer reports as a crash and keeps the input
 * (scripts/fuzz.sh shows the line by its word "invariant"). */
#define REQUIRE(x)                                                                 \
	do {                                                                       \
		if (!(x)) {                                                        \
			fprintf(stderr, FUZZ_NAME ": invariant failed: %s\n", #x); \
			abort();                                                   \
		}                                                                  \
	} while (0)

#endif
