/*
 * strdist.h: edit distance between two UTF-8 strings.
 *
 * Optimal String Alignment distance (Levenshtein plus adjacent
 * transposition, each substring edited once), counted in code points.
 * Used by the loader for look-alike pairs and by the checker for
 * misspellings.  Pure function: no allocation, no state.
 */
#ifndef PC_BASE_STRDIST_H
#define PC_BASE_STRDIST_H

/* Longest input, in code points, that is compared exactly; longer inputs
 * are compared on their first STRDIST_MAX_CPS code points. */
#define STRDIST_MAX_CPS 128

/*
 * OSA distance of A and B (NUL-terminated UTF-8), or MAX + 1 as soon as it
 * is known to exceed MAX (cheap rejection).
 */
int strdist_osa(const char *a, const char *b, int max);

#endif
