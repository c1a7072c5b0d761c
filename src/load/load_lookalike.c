/*
 * load_lookalike.c: the look-alike table, computed once at load time so
 * that checking never scans the gazetteer.
 *
 * Which keys take part (prominence; tune here):
 *   - every country (its name, its ASCII short forms and its demonyms, so
 *     that Austrian/Australian pair up like Austria/Australia);
 *   - every admin1 region (name and ASCII name);
 *   - places with population >= ALIKE_MIN_POP (15,000);
 *   - capitals (PPLC) whatever their size, and admin seats (PPLA, PPLA2)
 *     with population >= ALIKE_MIN_POP_SEAT (5,000);
 *   and of places only the main and ASCII names, and only ASCII keys.
 *
 * How two keys are alike (enum db_alike_kind; the first rule that fits):
 *   SUFFIX  one is the other plus a place suffix, optionally joined by
 *           "s": charlotte/charlottesville/charlottetown, niger/nigeria;
 *           and two such extensions of one key with each other:
 *           charlottesville/charlottetown.  The stem needs 4+ characters.
 *   PREFIX  one is the other with a place word before it (new, north,
 *           northern, greater, fort, saint...) or after it (city, heights, falls...):
 *           york/new york, kansas/kansas city.  The shorter needs 3+.
 *           Both found in the sorted keys: the keys that extend a key at
 *           its end follow it directly, and those that start with a place
 *           word are one range per word.
 *   EDIT    optimal string alignment distance (a transposition counts 1)
 *           of at most 1 when the longer key has 5+ characters, at most 2
 *           when it has 8+, the shorter needing 5+ (4 when both name
 *           countries: iran/iraq).  Found with a symmetric-deletion index:
 *           every key and its deletions (one, or two for keys of 8+) are
 *           hashed and sorted, one variant length at a time (only strings
 *           of one length can be equal), keys sharing a deletion are
 *           candidates, and each candidate pair is checked once with the
 *           real distance.  Never an all-pairs scan.
 *   Pairs whose keys name the same place (Sankt Peterburg/Saint
 *   Petersburg as two names of one city) are skipped.  Rows go in both
 *   directions; dist is the OSA distance of the two keys (base/strdist.h).
 *
 * The same keys feed near_keys (db.h): each key and its one-deletion
 * variants, for the checker's misspelling lookups.
 *
 * On the bundled data: about 30,000 keys, 25,000 look-alike rows (both
 * directions) and 330,000 near_keys rows.  The pass reads only the
 * prominent list, so it runs in a thread of its own while SQLite indexes
 * the names (load_lookalikes_start/_finish).  Fresh memory costs more
 * than the work done on it, so the pass keeps little: the deletion index
 * one variant length at a time (about 1 MB, of 14 MB in all), and the
 * near_keys rows as a key and the bytes deleted rather than as text.
 */
#include "load/load_int.h"

#include "base/bloom.h"
#include "base/strdist.h"
#include "base/xmem.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALIKE_MIN_POP 15000
#define ALIKE_MIN_POP_SEAT 5000
#define ALIKE_MAX_KEY 64 /* longer keys take no part in EDIT */

static const char *const place_suffixes[] = {
	"ville", "town", "burg", "burgh", "boro", "borough", "ton", "field", "ford",
	"port", "dale", "wood", "mouth", "by", "ham", "ia",
};
static const char *const prefix_words[] = {
	"new", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
	"central", "greater", "port", "fort", "saint", "mount", "lake", "great", "little", "upper",
	"lower",
};
static const char *const suffix_words[] = {
	"city", "heights", "falls", "springs", "beach",
};
#define N_OF(a) (sizeof a / sizeof a[0])

int load_is_prominent(const char *fcode, int64_t population)
{
	if (population >= ALIKE_MIN_POP)
		return 1;
	if (!fcode)
		return 0;
	if (strcmp(fcode, "PPLC") == 0)
		return 1;
	return population >= ALIKE_MIN_POP_SEAT &&
	       (strcmp(fcode, "PPLA") == 0 || strcmp(fcode, "PPLA2") == 0);
}

/* ---- rules ------------------------------------------------------------- */

/* Largest distance the EDIT rule allows between keys of these lengths. */
static int edit_allowed(size_t la, size_t lb, int both_countries)
{
	size_t s = la < lb ? la : lb, l = la < lb ? lb : la;

	if (s < 4)
		return 0;
	if (s == 4)
		return both_countries ? 1 : 0;
	return l >= 8 ? 2 : 1;
}

/* Is LONG = SHORT + ["s"] + a place suffix? */
static int is_suffix_ext(const char *shrt, const char *lng)
{
	size_t ls = strlen(shrt), ll = strlen(lng), i;

	if (ls < 4 || ll <= ls || strncmp(shrt, lng, ls) != 0)
		return 0;
	for (i = 0; i < N_OF(place_suffixes); i++) {
		const char *rest = lng + ls;
		if (strcmp(rest, place_suffixes[i]) == 0)
			return 1;
		if (rest[0] == 's' && strcmp(rest + 1, place_suffixes[i]) == 0 &&
		    strcmp(place_suffixes[i], "ia") != 0)
			return 1;
	}
	return 0;
}

/* Is LONG = "WORD " + SHORT or SHORT + " WORD" for a place word? */
static int is_prefix_ext(const char *shrt, const char *lng)
{
	size_t ls = strlen(shrt), ll = strlen(lng), i;

	if (ls < 3 || ll <= ls + 1)
		return 0;
	for (i = 0; i < N_OF(prefix_words); i++) {
		size_t wl = strlen(prefix_words[i]);
		if (wl + 1 + ls == ll && strncmp(lng, prefix_words[i], wl) == 0 && lng[wl] == ' ' &&
		    strcmp(lng + wl + 1, shrt) == 0)
			return 1;
	}
	for (i = 0; i < N_OF(suffix_words); i++) {
		size_t wl = strlen(suffix_words[i]);
		if (ls + 1 + wl == ll && strncmp(lng, shrt, ls) == 0 && lng[ls] == ' ' &&
		    strcmp(lng + ls + 1, suffix_words[i]) == 0)
			return 1;
	}
	return 0;
}

int load_alike_kind(const char *a, const char *b, int both_countries)
{
	const char *s = strlen(a) <= strlen(b) ? a : b, *l = s == a ? b : a;
	int allowed;

	if (strcmp(a, b) == 0)
		return 0;
	if (is_suffix_ext(s, l))
		return DB_ALIKE_SUFFIX;
	if (is_prefix_ext(s, l))
		return DB_ALIKE_PREFIX;
	allowed = edit_allowed(strlen(a), strlen(b), both_countries);
	if (allowed && strdist_osa(a, b, allowed) <= allowed)
		return DB_ALIKE_EDIT;
	return 0;
}

/* ---- the pass ---------------------------------------------------------- */

struct ukey {
	const char *key;
	size_t first, count; /* range in the prominent list (same key) */
	uint32_t len;        /* strlen(key) */
	int is_country;
};

struct pair {
	uint32_t a, b; /* ukey indexes */
	int kind;
	int dist;      /* filled in for the directed rows only */
};

/* Key indexes are uint32_t throughout: the bundled data has about 30,000. */
struct pass {
	const struct db_prominent *prom;
	struct ukey *keys;
	size_t n_keys;
	struct pair *pairs;
	size_t n_pairs, cap_pairs;
};

static void add_pair(struct pass *ps, uint32_t a, uint32_t b, int kind)
{
	struct pair *p;

	if (a == b)
		return;
	if (ps->n_pairs == ps->cap_pairs) {
		ps->cap_pairs = ps->cap_pairs ? ps->cap_pairs * 2 : 4096;
		ps->pairs = xreallocarray(ps->pairs, ps->cap_pairs, sizeof *ps->pairs);
	}
	p = &ps->pairs[ps->n_pairs++];
	p->a = a < b ? a : b;
	p->b = a < b ? b : a;
	p->kind = kind;
	p->dist = 0;
}

/* Do keys A and B name a common place? (both ranges sorted by place id) */
static int same_place(const struct pass *ps, uint32_t a, uint32_t b)
{
	const struct ukey *x = &ps->keys[a], *y = &ps->keys[b];
	size_t i = x->first, j = y->first;

	while (i < x->first + x->count && j < y->first + y->count) {
		int64_t u = ps->prom[i].place_id, v = ps->prom[j].place_id;
		if (u == v)
			return 1;
		if (u < v)
			i++;
		else
			j++;
	}
	return 0;
}

/* ---- SUFFIX and PREFIX ------------------------------------------------- */

/* The first key not below S in strcmp order (n_keys if none). */
static size_t key_lower_bound(const struct pass *ps, const char *s)
{
	size_t lo = 0, hi = ps->n_keys;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ps->keys[mid].key, s) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Longer keys take no part in SUFFIX and PREFIX (an old buffer's limit, kept
 * so that the table does not depend on how the pairs are found). */
#define ALIKE_MAX_AFFIX_KEY 491

/*
 * Every pair of keys where one is the other with a place suffix or word
 * added, found in the sorted keys rather than by looking up each key with
 * each affix: a key that extends KEY at the end follows KEY directly (the
 * keys that start with KEY are contiguous), and the keys that start with
 * a place word are one range per word.
 */
static void affix_pairs(struct pass *ps)
{
	size_t i, j, k;

	for (i = 0; i < ps->n_keys; i++) {
		const char *key = ps->keys[i].key;
		size_t len = ps->keys[i].len, n_ext = 0, a, c;
		uint32_t ext[16];
		if (len < 3 || len > ALIKE_MAX_AFFIX_KEY)
			continue;
		for (j = i + 1; j < ps->n_keys && strncmp(ps->keys[j].key, key, len) == 0; j++) {
			if (is_suffix_ext(key, ps->keys[j].key)) {
				add_pair(ps, (uint32_t)i, (uint32_t)j, DB_ALIKE_SUFFIX);
				if (n_ext < N_OF(ext))
					ext[n_ext++] = (uint32_t)j;
			}
			if (is_prefix_ext(key, ps->keys[j].key))
				add_pair(ps, (uint32_t)i, (uint32_t)j, DB_ALIKE_PREFIX);
		}
		/* Two extensions of one key are alike too: Charlottetown said
		 * for Charlottesville, with no Charlotte in the copy. */
		for (a = 0; a < n_ext; a++)
			for (c = a + 1; c < n_ext; c++)
				add_pair(ps, ext[a], ext[c], DB_ALIKE_SUFFIX);
	}
	for (k = 0; k < N_OF(prefix_words); k++) {
		const char *w = prefix_words[k];
		size_t wl = strlen(w);
		for (j = key_lower_bound(ps, w); j < ps->n_keys && strncmp(ps->keys[j].key, w, wl) == 0;
		     j++) {
			const char *rest = ps->keys[j].key + wl + 1;
			size_t rl = ps->keys[j].len - wl - 1;
			if (ps->keys[j].key[wl] != ' ' || rl < 3 || rl > ALIKE_MAX_AFFIX_KEY)
				continue;
			i = key_lower_bound(ps, rest);
			if (i < ps->n_keys && strcmp(ps->keys[i].key, rest) == 0)
				add_pair(ps, (uint32_t)i, (uint32_t)j, DB_ALIKE_PREFIX);
		}
	}
}

/*
 * Sibling suffixes on a stem that is no key of its own: Statesboro and
 * Statesville, Greensboro and Greenville.  Each key that ends in a place
 * suffix gives its stem (without the suffix, and again without an "s"
 * before it); keys that share a stem of SIBLING_MIN_STEM bytes or more
 * pair up.  (Where the stem is a key, affix_pairs has paired them.)
 */
#define SIBLING_MIN_STEM 5

struct stem_ref {
	const char *key; /* the stem is key[0..len) */
	uint32_t len, idx;
};

static int stem_cmp(const void *pa, const void *pb)
{
	const struct stem_ref *a = pa, *b = pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->key, b->key, n);

	if (c)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static void sibling_pairs(struct pass *ps)
{
	struct stem_ref *v = NULL;
	size_t n = 0, cap = 0, i, k, g;

	for (i = 0; i < ps->n_keys; i++) {
		const char *key = ps->keys[i].key;
		size_t len = ps->keys[i].len;
		if (len > ALIKE_MAX_AFFIX_KEY)
			continue;
		for (k = 0; k < N_OF(place_suffixes); k++) {
			size_t sl = strlen(place_suffixes[k]), st;
			int s_too;
			if (len < sl + SIBLING_MIN_STEM || strcmp(key + len - sl, place_suffixes[k]) != 0 ||
			    strcmp(place_suffixes[k], "ia") == 0)
				continue;
			st = len - sl;
			s_too = key[st - 1] == 's' && st - 1 >= SIBLING_MIN_STEM;
			if (n + 2 > cap) {
				cap = cap ? cap * 2 : 1024;
				v = xreallocarray(v, cap, sizeof *v);
			}
			v[n].key = key;
			v[n].len = (uint32_t)st;
			v[n++].idx = (uint32_t)i;
			if (s_too) {
				v[n].key = key;
				v[n].len = (uint32_t)(st - 1);
				v[n++].idx = (uint32_t)i;
			}
		}
	}
	if (n)
		qsort(v, n, sizeof *v, stem_cmp);
	for (i = 0; i < n; i = g) {
		size_t a, b;
		for (g = i + 1; g < n && v[g].len == v[i].len && memcmp(v[g].key, v[i].key, v[i].len) == 0; g++)
			;
		/* A stem shared by many names ("spring", "green") pairs only the
		 * first 16: enough for the confusable ones, bounded work. */
		for (a = i; a < g && a < i + 16; a++)
			for (b = a + 1; b < g && b < i + 16; b++)
				add_pair(ps, v[a].idx, v[b].idx, DB_ALIKE_SUFFIX);
	}
	free(v);
}

/*
 * Hashing, for EDIT.  The polynomial hash of s[0..n) is the sum of
 * s[i] B^(n-1-i) mod 2^64, so that the hash of each deletion variant of a
 * key follows from the key's prefix hashes in O(1), without building the
 * string.  hash_final() spreads the bits for the radix digits; it is a
 * bijection, so only strings whose polynomials collide share a final hash.
 * A collision only gives an extra candidate, which the real distance then
 * rejects: the result never depends on the hash.
 */
#define HASH_B 0x9E3779B97F4A7C15ULL /* odd */

/* MurmurHash3's 64-bit finaliser. */
static uint64_t hash_final(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/* ---- EDIT: the symmetric-deletion index -------------------------------- */

/*
 * A variant is packed in one uint64_t: the top bits of its final hash,
 * then the key index in the low KBITS bits (as few as the key count
 * needs), so that sorting the plain numbers orders by (hash, key).  Two
 * variants with the same top bits but different strings merely make extra
 * candidates.
 */
static unsigned key_bits(size_t n_keys)
{
	unsigned b = 1;

	while (b < 32 && ((size_t)1 << b) < n_keys)
		b++;
	return b;
}

static uint64_t pack_variant(uint64_t h, uint32_t key, unsigned kbits)
{
	return (hash_final(h) >> kbits << kbits) | key;
}

/* Can key U take part in EDIT?  (The shorter key needs 5+, or 4 for two countries.) */
static int is_edit_key(const struct ukey *u)
{
	size_t i;

	if (u->len > ALIKE_MAX_KEY || u->len < 4 || (u->len == 4 && !u->is_country))
		return 0;
	for (i = 0; i < u->len; i++)
		if ((unsigned char)u->key[i] >= 0x80)
			return 0;
	return 1;
}

/*
 * Write to OUT the packed variants of key KEY (text S, LEN bytes) with
 * DELS bytes deleted (0, 1, or 2); returns how many.  PW[k] = B^k.  With
 * P[k] the hash of the first k bytes and D[k] = P[k] - P[k+1], deleting
 * byte p leaves P[len] + D[p] B^(len-1-p), and deleting bytes p < r leaves
 * P[len] + D[p] B^(len-2-p) + D[r] B^(len-1-r).  A deletion from a run of
 * one letter gives the same string as from the run's first letter, so it
 * is left out.
 */
static size_t key_variants(const char *s, size_t len, uint32_t key, int dels, const uint64_t *pw,
			   unsigned kbits, uint64_t *out)
{
	uint64_t d[ALIKE_MAX_KEY], h = 0;
	size_t n = 0, p, r;

	for (p = 0; p < len; p++) {
		uint64_t next = h * HASH_B + (unsigned char)s[p];
		d[p] = h - next;
		h = next;
	}
	if (dels == 0) {
		out[n++] = pack_variant(h, key, kbits);
		return n;
	}
	for (p = 0; p < len; p++) {
		if (p > 0 && s[p] == s[p - 1])
			continue;
		if (dels == 1) {
			out[n++] = pack_variant(h + d[p] * pw[len - 1 - p], key, kbits);
			continue;
		}
		for (r = p + 1; r < len; r++) {
			if (r > p + 1 && s[r] == s[r - 1])
				continue;
			out[n++] = pack_variant(h + d[p] * pw[len - 2 - p] + d[r] * pw[len - 1 - r],
						key, kbits);
		}
	}
	return n;
}

/*
 * Sort V[0..N), TMP holding N as well: an LSD radix sort on the top 22
 * bits in two passes of 11, then an insertion sort, which only has to
 * order the entries that share those bits.  Few do: the values sorted are
 * hashes, or spread over the top bits the same way.
 */
#define SORT_DIGIT 11
#define SORT_MASK (((uint64_t)1 << SORT_DIGIT) - 1)

static void sort_u64(uint64_t *v, size_t n, uint64_t *tmp)
{
	size_t count[(size_t)1 << SORT_DIGIT], i, k;
	uint64_t *src = v, *dst = tmp, *t;
	unsigned shift;

	for (shift = 64 - 2 * SORT_DIGIT; shift < 64; shift += SORT_DIGIT) {
		size_t sum = 0;
		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[src[i] >> shift & SORT_MASK]++;
		for (i = 0; i <= SORT_MASK; i++) {
			size_t c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[src[i] >> shift & SORT_MASK]++] = src[i];
		t = src;
		src = dst;
		dst = t;
	}
	/* After an even number of passes the entries are back in V. */
	for (i = 1; i < n; i++) {
		uint64_t x = v[i];
		for (k = i; k > 0 && v[k - 1] > x; k--)
			v[k] = v[k - 1];
		v[k] = x;
	}
}

/*
 * Candidate pairs for EDIT, a < b packed as (a << kbits | b) at the top of
 * a uint64_t: sort_u64 orders them by (a, b), so that each pair, however
 * many variants its keys share, is checked once.
 */
struct cands {
	uint64_t *v;
	size_t n, cap;
	unsigned kbits;
};

static void cand_add(struct cands *c, uint32_t a, uint32_t b)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 4096;
		c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
	}
	c->v[c->n++] = ((uint64_t)a << c->kbits | b) << (64 - 2 * c->kbits);
}

/*
 * V[0..N) sorted: every two keys that share a hash and that the EDIT rule
 * lets differ at all are candidates.  Within a hash, entries are in key
 * order, so the repeats of one key (a key can give a string twice) are
 * adjacent.
 */
static void edit_candidates(const struct pass *ps, const uint64_t *v, size_t n, struct cands *c)
{
	uint64_t kmask = ((uint64_t)1 << c->kbits) - 1;
	size_t i, r, x, y;

	for (i = 0; i < n; i = r) {
		for (r = i + 1; r < n && (v[r] & ~kmask) == (v[i] & ~kmask); r++)
			;
		for (x = i; x + 1 < r; x++) {
			uint32_t a = (uint32_t)(v[x] & kmask);
			if (x > i && a == (v[x - 1] & kmask))
				continue;
			for (y = x + 1; y < r; y++) {
				uint32_t b = (uint32_t)(v[y] & kmask);
				const struct ukey *ka = &ps->keys[a], *kb = &ps->keys[b];
				if (b == (v[y - 1] & kmask))
					continue;
				if (edit_allowed(ka->len, kb->len, ka->is_country && kb->is_country))
					cand_add(c, a, b);
			}
		}
	}
}

/* Sort and check the candidates (TMP holds C->n) with the real distance. */
static void edit_check(struct pass *ps, struct cands *c, uint64_t *tmp)
{
	uint64_t kmask = ((uint64_t)1 << c->kbits) - 1;
	size_t i;

	sort_u64(c->v, c->n, tmp);
	for (i = 0; i < c->n; i++) {
		uint64_t ab = c->v[i] >> (64 - 2 * c->kbits);
		uint32_t a = (uint32_t)(ab >> c->kbits), b = (uint32_t)(ab & kmask);
		const struct ukey *ka = &ps->keys[a], *kb = &ps->keys[b];
		int allowed;
		if (i && c->v[i] == c->v[i - 1])
			continue;
		allowed = edit_allowed(ka->len, kb->len, ka->is_country && kb->is_country);
		if (strdist_osa(ka->key, kb->key, allowed) <= allowed)
			add_pair(ps, a, b, DB_ALIKE_EDIT);
	}
}

/*
 * Two strings can only be equal if they have the same length, so the
 * index is built and searched one variant length L at a time: keys of
 * length L, the one-deletions of keys of L+1 and the two-deletions of keys
 * of L+2.  Each variant is made once, and only the largest of these
 * classes (a tenth of all variants) is in memory at a time.
 */
static void edit_pairs(struct pass *ps)
{
	size_t n_len[ALIKE_MAX_KEY + 3] = {0}, first[ALIKE_MAX_KEY + 4] = {0};
	uint64_t pw[ALIKE_MAX_KEY + 1], *v, *tmp;
	uint32_t *by_len;
	struct cands c = {NULL, 0, 0, key_bits(ps->n_keys)};
	size_t i, len, cap = 0;

	/* The EDIT keys grouped by length. */
	for (i = 0; i < ps->n_keys; i++)
		if (is_edit_key(&ps->keys[i]))
			n_len[ps->keys[i].len]++;
	for (len = 0; len <= ALIKE_MAX_KEY + 2; len++)
		first[len + 1] = first[len] + n_len[len];
	by_len = xreallocarray(NULL, first[ALIKE_MAX_KEY + 3] + 1, sizeof *by_len);
	{
		size_t fill[ALIKE_MAX_KEY + 1];
		memcpy(fill, first, sizeof fill);
		for (i = 0; i < ps->n_keys; i++)
			if (is_edit_key(&ps->keys[i]))
				by_len[fill[ps->keys[i].len]++] = (uint32_t)i;
	}
	/* Buffers for the largest class (pages never written cost nothing). */
	for (len = 2; len <= ALIKE_MAX_KEY; len++) {
		size_t n = n_len[len] + n_len[len + 1] * (len + 1);
		if (len + 2 >= 8)
			n += n_len[len + 2] * (len + 2) * (len + 1) / 2;
		cap = n > cap ? n : cap;
	}
	v = xreallocarray(NULL, cap + 1, sizeof *v);
	tmp = xreallocarray(NULL, cap + 1, sizeof *tmp);
	pw[0] = 1;
	for (i = 1; i <= ALIKE_MAX_KEY; i++)
		pw[i] = pw[i - 1] * HASH_B;
	for (len = 2; len <= ALIKE_MAX_KEY; len++) {
		size_t n = 0, dels;
		for (dels = 0; dels <= 2; dels++) {
			size_t kl = len + dels;
			if (dels == 2 && kl < 8)
				continue; /* one deletion only for keys under 8 */
			for (i = first[kl]; i < first[kl + 1]; i++) {
				const struct ukey *u = &ps->keys[by_len[i]];
				n += key_variants(u->key, kl, by_len[i], (int)dels, pw, c.kbits, v + n);
			}
		}
		sort_u64(v, n, tmp);
		edit_candidates(ps, v, n, &c);
	}
	free(v);
	if (c.n > cap)
		tmp = xreallocarray(tmp, c.n, sizeof *tmp);
	edit_check(ps, &c, tmp);
	free(tmp);
	free(c.v);
	free(by_len);
}

/* ---- the job ----------------------------------------------------------- */

static int pair_cmp(const void *pa, const void *pb)
{
	const struct pair *a = pa, *b = pb;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	return a->kind - b->kind;
}

/*
 * A near_keys row: the key less its bytes [at, at + cut), one code point
 * (cut 0: the key itself).  Kept as that rather than as text: the rows are
 * a third of a million.
 */
struct near_row {
	uint64_t pfx; /* the variant's first 8 bytes, big-endian: most comparisons */
	uint32_t key; /* ukey index */
	uint16_t at, cut;
};

/* Keys of this many bytes or more have no near_keys rows. */
#define NEAR_MAX_KEY 512

/* The pass runs in a thread of its own while the database builds its indexes. */
struct load_alike_job {
	struct pass ps;
	struct near_row *near;
	size_t n_near;
	struct bloom near_bl; /* over the rows' variants: the "near_bloom" blob */
	struct pair *dir; /* directed rows, sorted; kind and dist filled in */
	size_t n_dir;
	pthread_t th;
	int threaded;
};

/* The variant's text into OUT (NEAR_MAX_KEY bytes). */
static void near_text(const struct pass *ps, const struct near_row *r, char *out)
{
	const struct ukey *u = &ps->keys[r->key];

	memcpy(out, u->key, r->at);
	memcpy(out + r->at, u->key + r->at + r->cut, u->len - r->at - r->cut + 1);
}

/*
 * The near_keys rows of every prominent key: the key itself and each of its
 * one-deletion variants by code point (db.h), sorted by (variant, key) so
 * that SQLite builds the index from ordered input.
 */
static int near_cmp_r(const void *pa, const void *pb, void *arg)
{
	const struct pass *ps = arg;
	const struct near_row *a = pa, *b = pb;
	const char *s = ps->keys[a->key].key, *t = ps->keys[b->key].key;
	size_t i;

	if (a->pfx != b->pfx)
		return a->pfx < b->pfx ? -1 : 1;
	/* strcmp of the two variants, read around their deleted bytes. */
	for (i = 0;; i++) {
		unsigned char x = (unsigned char)s[i < a->at ? i : i + a->cut];
		unsigned char y = (unsigned char)t[i < b->at ? i : i + b->cut];
		if (x != y)
			return x - y;
		if (!x)
			break;
	}
	/* The keys are unique and sorted by strcmp: their indexes compare alike. */
	return a->key < b->key ? -1 : a->key > b->key;
}

/*
 * Sort A[0..N) by near_cmp_r: an in-place MSD radix sort (American flag
 * sort) on the prefix bytes from SHIFT down, and near_cmp_r itself within
 * buckets of 32 or fewer and among rows whose prefixes are equal.  In
 * place, as an LSD sort would need a second copy of the rows.
 */
static void sort_near(struct near_row *a, size_t n, int shift, struct pass *ps)
{
	size_t count[256], next[256], end[256], i, b;

	if (n <= 32 || shift < 0) {
		if (n > 32) {
			qsort_r(a, n, sizeof *a, near_cmp_r, ps);
			return;
		}
		for (i = 1; i < n; i++) {
			struct near_row x = a[i];
			size_t k = i;
			for (; k > 0 && near_cmp_r(&a[k - 1], &x, ps) > 0; k--)
				a[k] = a[k - 1];
			a[k] = x;
		}
		return;
	}
	memset(count, 0, sizeof count);
	for (i = 0; i < n; i++)
		count[a[i].pfx >> shift & 255]++;
	for (b = 0, i = 0; b < 256; b++) {
		next[b] = i;
		i += count[b];
		end[b] = i;
	}
	for (b = 0; b < 256; b++) {
		while (next[b] < end[b]) {
			struct near_row x = a[next[b]];
			size_t d;
			while ((d = x.pfx >> shift & 255) != b) {
				struct near_row t = a[next[d]];
				a[next[d]++] = x;
				x = t;
			}
			a[next[b]++] = x;
		}
	}
	for (b = 0, i = 0; b < 256; i += count[b], b++)
		if (count[b] > 1)
			sort_near(a + i, count[b], shift - 8, ps);
}

static void near_add(struct load_alike_job *j, uint32_t key, size_t at, size_t cut)
{
	const char *s = j->ps.keys[key].key;
	struct near_row *r = &j->near[j->n_near++];
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < 8; i++) {
		unsigned char c = (unsigned char)s[i < at ? i : i + cut];
		if (!c)
			break;
		v |= (uint64_t)c << (56 - 8 * i);
	}
	r->pfx = v;
	r->key = key;
	r->at = (uint16_t)at;
	r->cut = (uint16_t)cut;
}

static void near_rows(struct load_alike_job *j)
{
	size_t i, cap = 1;

	/* At most the key and one variant a byte: one allocation, used as far as needed. */
	for (i = 0; i < j->ps.n_keys; i++)
		if (j->ps.keys[i].len < NEAR_MAX_KEY)
			cap += 1 + j->ps.keys[i].len;
	j->near = xreallocarray(NULL, cap, sizeof *j->near);
	for (i = 0; i < j->ps.n_keys; i++) {
		const char *key = j->ps.keys[i].key;
		size_t len = j->ps.keys[i].len, p = 0, prev = (size_t)-1, cl;
		if (len >= NEAR_MAX_KEY)
			continue;
		near_add(j, (uint32_t)i, 0, 0);
		while (p < len) {
			cl = 1;
			while (p + cl < len && ((unsigned char)key[p + cl] & 0xC0) == 0x80)
				cl++;
			/* Deleting either letter of a double gives the same variant once. */
			if (prev == (size_t)-1 || p - prev != cl || memcmp(key + prev, key + p, cl) != 0)
				near_add(j, (uint32_t)i, p, cl);
			prev = p;
			p += cl;
		}
	}
	sort_near(j->near, j->n_near, 56, &j->ps);
}

/* Pure computation over the prominent list: no database, no shared state. */
static void *alike_compute(void *arg)
{
	struct load_alike_job *j = arg;
	struct pass *ps = &j->ps;
	size_t i;

	affix_pairs(ps);
	sibling_pairs(ps);
	edit_pairs(ps);
	if (ps->n_pairs)
		qsort(ps->pairs, ps->n_pairs, sizeof *ps->pairs, pair_cmp);
	/* Unique pairs, best (lowest) kind, both directions, sorted by key. */
	j->dir = xreallocarray(NULL, ps->n_pairs * 2 + 1, sizeof *j->dir);
	for (i = 0; i < ps->n_pairs; i++) {
		const struct pair *p = &ps->pairs[i];
		struct pair *d = &j->dir[j->n_dir];
		if (i && p->a == ps->pairs[i - 1].a && p->b == ps->pairs[i - 1].b)
			continue;
		if (same_place(ps, p->a, p->b))
			continue;
		/* The OSA distance is symmetric: one computation serves both rows. */
		d[0] = *p;
		d[0].dist = strdist_osa(ps->keys[p->a].key, ps->keys[p->b].key, 200);
		d[1] = d[0];
		d[1].a = p->b;
		d[1].b = p->a;
		j->n_dir += 2;
	}
	if (j->n_dir)
		qsort(j->dir, j->n_dir, sizeof *j->dir, pair_cmp);
	near_rows(j);
	/* The checker's filter over the variants: filled here, off the
	 * critical path, from the rows load_lookalikes_finish writes. */
	bloom_init(&j->near_bl, j->n_near);
	for (i = 0; i < j->n_near; i++) {
		char text[NEAR_MAX_KEY];
		near_text(ps, &j->near[i], text);
		bloom_add(&j->near_bl, text, strlen(text));
	}
	return NULL;
}

struct load_alike_job *load_lookalikes_start(struct loader *L)
{
	struct load_alike_job *j = xcalloc(1, sizeof *j);
	struct pass *ps = &j->ps;
	size_t n_prom, i;

	db_build_prominent_list(L->build, &ps->prom, &n_prom);
	ps->keys = xcalloc(n_prom ? n_prom : 1, sizeof *ps->keys);
	for (i = 0; i < n_prom; i++) {
		struct ukey *u;
		if (ps->n_keys && strcmp(ps->keys[ps->n_keys - 1].key, ps->prom[i].key) == 0) {
			u = &ps->keys[ps->n_keys - 1];
			u->count++;
		} else {
			u = &ps->keys[ps->n_keys++];
			u->key = ps->prom[i].key;
			u->len = (uint32_t)strlen(u->key);
			u->first = i;
			u->count = 1;
		}
		u->is_country |= ps->prom[i].is_country;
	}
	j->threaded = pthread_create(&j->th, NULL, alike_compute, j) == 0;
	if (!j->threaded)
		alike_compute(j);
	return j;
}

enum pc_rc load_lookalikes_finish(struct loader *L, struct load_alike_job *j, struct diag *d)
{
	enum pc_rc rc = PC_OK;
	char text[NEAR_MAX_KEY];
	size_t i;

	if (!j)
		return PC_OK;
	if (j->threaded)
		pthread_join(j->th, NULL);
	for (i = 0; L && i < j->n_dir && rc == PC_OK; i++)
		rc = db_build_lookalike(L->build, j->ps.keys[j->dir[i].a].key,
					j->ps.keys[j->dir[i].b].key, j->dir[i].kind, j->dir[i].dist, d);
	for (i = 0; L && i < j->n_near && rc == PC_OK; i++) {
		/* Sorted: skip the repeats of one (variant, key). */
		if (i && near_cmp_r(&j->near[i - 1], &j->near[i], &j->ps) == 0)
			continue;
		near_text(&j->ps, &j->near[i], text);
		rc = db_build_near_key(L->build, text, j->ps.keys[j->near[i].key].key, d);
	}
	if (L && rc == PC_OK)
		rc = db_build_near_bloom(L->build, &j->near_bl, d);
	bloom_free(&j->near_bl);
	free(j->near);
	free(j->dir);
	free(j->ps.pairs);
	free(j->ps.keys);
	free(j);
	return rc;
}
