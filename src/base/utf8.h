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

/*
 * Invisible code points a terminal acts on: C1 controls, the line and
 * paragraph separators, bidi marks, embeddings, overrides and isolates
 * (U+202E turns the rest of a line around).
 */
int utf8_is_format_control(int32_t cp);

/*
 * Append S[0..LEN) to OUT as text that is safe to print on a terminal:
 * the one escaping every printer of a name from outside (a file name, a
 * path) uses, so that a name cannot send escape sequences or fake lines.
 * Control characters become \t, \n, \r or \xHH, a byte that is not
 * UTF-8 \xHH, a format control (above) \u{HHHH}; everything else,
 * backslashes included, is kept.  Escaping the result again changes
 * nothing.  Output past OUT's ceiling is dropped (buf.h).
 */
void utf8_escape(const char *s, size_t len, struct buf *out);

/* Does S[0..LEN) need utf8_escape()?  (Most names do not.) */
int utf8_needs_escape(const char *s, size_t len);

#endif
