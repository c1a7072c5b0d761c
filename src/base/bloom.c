/* bloom.c: Bloom filter with double hashing over FNV-1a (see bloom.h). */
#include "base/bloom.h"

#include "base/xmem.h"

#include <stdlib.h>
#include <string.h>

static uint64_t fnv1a(const char *s, size_t len, uint64_t seed)
{
	uint64_t h = 1469598103934665603ULL ^ seed;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	/* Final mix so that nearby strings spread over the whole range. */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

void bloom_init(struct bloom *b, uint64_t n_items)
{
	/* ~9.6 bits per item and 7 hashes give about 1% false positives. */
	uint64_t n_bits = n_items * 10 + 64;

	n_bits = (n_bits + 7) & ~(uint64_t)7;
	b->n_bits = n_bits;
	b->n_hash = 7;
	b->bits = xcalloc(1, (size_t)(n_bits / 8));
}

void bloom_free(struct bloom *b)
{
	free(b->bits);
	b->bits = NULL;
	b->n_bits = 0;
}

void bloom_add(struct bloom *b, const char *s, size_t len)
{
	uint64_t h1 = fnv1a(s, len, 0), h2 = fnv1a(s, len, 0x9e3779b97f4a7c15ULL) | 1;
	uint32_t i;

	for (i = 0; i < b->n_hash; i++) {
		uint64_t bit = (h1 + i * h2) % b->n_bits;
		b->bits[bit >> 3] |= (unsigned char)(1u << (bit & 7));
	}
}

int bloom_test(const struct bloom *b, const char *s, size_t len)
{
	uint64_t h1, h2;
	uint32_t i;

	if (!b->bits)
		return 1; /* no filter: everything may be present */
	h1 = fnv1a(s, len, 0);
	h2 = fnv1a(s, len, 0x9e3779b97f4a7c15ULL) | 1;
	for (i = 0; i < b->n_hash; i++) {
		uint64_t bit = (h1 + i * h2) % b->n_bits;
		if (!(b->bits[bit >> 3] & (1u << (bit & 7))))
			return 0;
	}
	return 1;
}

size_t bloom_size(const struct bloom *b)
{
	return BLOOM_HDR + (size_t)(b->n_bits / 8);
}

void bloom_write(const struct bloom *b, unsigned char *out)
{
	int i;

	for (i = 0; i < 8; i++)
		out[i] = (unsigned char)(b->n_bits >> (8 * i));
	for (i = 0; i < 4; i++)
		out[8 + i] = (unsigned char)(b->n_hash >> (8 * i));
	memcpy(out + BLOOM_HDR, b->bits, (size_t)(b->n_bits / 8));
}

enum pc_rc bloom_open(struct bloom *b, const unsigned char *hdr, size_t total_len)
{
	uint64_t n_bits = 0;
	uint32_t n_hash = 0;
	int i;

	if (total_len < BLOOM_HDR)
		return PC_ERR_CORRUPT;
	for (i = 0; i < 8; i++)
		n_bits |= (uint64_t)hdr[i] << (8 * i);
	for (i = 0; i < 4; i++)
		n_hash |= (uint32_t)hdr[8 + i] << (8 * i);
	if (n_bits == 0 || n_bits % 8 || n_hash == 0 || n_hash > 32 ||
	    total_len - BLOOM_HDR != n_bits / 8)
		return PC_ERR_CORRUPT;
	b->n_bits = n_bits;
	b->n_hash = n_hash;
	b->bits = xmalloc((size_t)(n_bits / 8));
	return PC_OK;
}

enum pc_rc bloom_read(struct bloom *b, const void *blob, size_t len)
{
	enum pc_rc rc = bloom_open(b, blob, len);

	if (rc == PC_OK)
		memcpy(b->bits, (const unsigned char *)blob + BLOOM_HDR, (size_t)(b->n_bits / 8));
	return rc;
}
