/*
 * utf8.h: UTF-8 decoding, validation, code-point columns and folding.
 *
 * Knows nothing about places.  Folding (case and accents) is done by
 * utf8proc so that "Bogotá", "BOGOTA" and "Bogota" fold alike.
 *
 * Ownership: functions write into caller-owned buffers (struct buf) or
 * return values; nothing here allocates behind the caller's back.
 */
#ifndef PC_BASE_UTF8_H
#define PC_BASE_UTF8_H

#include "base/buf.h"
#include "base/diag.h"

#include <stddef.h>
#include <stdint.h>

/*
 * Decode one code point from S[0..LEN).  Returns the number of bytes used
 * (1..4) and stores the code point in *CP; on an invalid or truncated
 * sequence returns 0 and stores U+FFFD.  LEN must be > 0.
 */
size_t utf8_decode(const char *s, size_t len, int32_t *cp /* OUT */);

/* Encode CP into OUT (at least 4 bytes); returns bytes written (0 if invalid). */
size_t utf8_encode(int32_t cp, char *out);

/*
 * Byte offset of the first invalid sequence in S[0..LEN), or LEN if valid.
 */
size_t utf8_validate(const char *s, size_t len);

/* Number of code points in S[0..LEN) (invalid bytes count one each). */
size_t utf8_count(const char *s, size_t len);

/* Unicode letter / uppercase-letter / digit classes (via utf8proc). */
int utf8_is_letter(int32_t cp);
int utf8_is_upper(int32_t cp);
int utf8_is_lower(int32_t cp);

/*
 * Fold S[0..LEN) for matching: Unicode case fold, compatibility decompose,
 * strip combining marks, and map every run of non-alphanumeric characters
 * (spaces, hyphens, punctuation) to one space, dropping apostrophes and
 * periods entirely ("O'Fallon" -> "ofallon", "N.C." -> "nc",
 * "Miami-Dade" -> "miami dade").  Leading/trailing spaces are trimmed.
 * Appends to OUT.  Returns PC_ERR_PARSE on invalid UTF-8 (OUT then holds a
 * partial result), PC_ERR_LIMIT if OUT's ceiling is hit.
 */
enum pc_rc utf8_fold(const char *s, size_t len, struct buf *out);

#endif
