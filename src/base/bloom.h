/*
 * bloom.h: a Bloom filter over byte strings, serialisable to a blob.
 *
 * The loader builds one over every name key and every word-prefix of a
 * multi-word key; the checker loads it once a run has probed enough words
 * (db_probe), so that most capitalised words that are no place name are
 * rejected without a database query.
 * False positives only cost a query; there are no false negatives.
 *
 * Ownership: struct bloom owns its bit array (bloom_free).  Serialised
 * form: 8-byte little-endian bit count, 4-byte hash count, then the bits.
 */
#ifndef PC_BASE_BLOOM_H
#define PC_BASE_BLOOM_H

#include "base/diag.h"

#include <stddef.h>
#include <stdint.h>

struct bloom {
	uint64_t n_bits;
	uint32_t n_hash;
	unsigned char *bits;
};

/* Size for N_ITEMS items at about 1% false positives. */
void bloom_init(struct bloom *b, uint64_t n_items);
void bloom_free(struct bloom *b);
void bloom_add(struct bloom *b, const char *s, size_t len);
int bloom_test(const struct bloom *b, const char *s, size_t len);
/* Serialised size and writer (OUT must hold bloom_size() bytes). */
size_t bloom_size(const struct bloom *b);
void bloom_write(const struct bloom *b, unsigned char *out);
/* Load from a blob; PC_ERR_CORRUPT if it is malformed.  Copies the data. */
enum pc_rc bloom_read(struct bloom *b, const void *blob, size_t len);

/*
 * Two-step load for callers that can read the blob in parts (the checker
 * reads it with sqlite3_blob_read straight into the bit array, sparing a
 * 700 KB intermediate copy): bloom_open() checks the BLOOM_HDR-byte header
 * against the blob's total length and allocates b->bits, uninitialised,
 * for the caller to fill with bloom_size(b) - BLOOM_HDR bytes.
 */
#define BLOOM_HDR 12
enum pc_rc bloom_open(struct bloom *b, const unsigned char *hdr, size_t total_len);

#endif
