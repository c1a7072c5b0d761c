/*
 * bloom.h: a Bloom filter over byte strings, serialisable to a blob.
 *
 * The loader builds one over every name key and every word-prefix of a
 * multi-word key; the checker loads it at start-up so that most capitalised
 * words that are no place name are rejected without a database query.
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

#endif
