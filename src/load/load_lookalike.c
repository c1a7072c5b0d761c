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
 *           "s": charlotte/charlottesville/charlottetown, niger/nigeria.
 *           The shorter key needs 4+ characters.
 *   PREFIX  one is the other with a place word before it (new, north,
 *           fort, saint...) or after it (city, heights, falls...):
 *           york/new york, kansas/kansas city.  The shorter needs 3+.
 *   EDIT    optimal string alignment distance (a transposition counts 1)
 *           of at most 1 when the longer key has 5+ characters, at most 2
 *           when it has 8+, the shorter needing 5+ (4 when both name
 *           countries: iran/iraq).  Found with a symmetric-deletion index:
 *           every key and its deletions (one, or two for keys of 8+) are
 *           hashed and sorted, keys sharing a deletion are candidates, and
 *           each candidate is checked with the real distance.  Never an
 *           all-pairs scan.
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
 * the names (load_lookalikes_start/_finish).
 */
#include "load/load_int.h"

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
	"new", "north", "south", "east", "west", "port", "fort", "saint", "mount", "lake",
	"great", "little", "upper", "lower",
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
	int is_country;
};

struct pair {
	uint32_t a, b; /* ukey indexes */
	int kind;
};

struct variant {
	uint64_t hash;
	uint32_t key;
};

struct pass {
	const struct db_prominent *prom;
	struct ukey *keys;
	size_t n_keys;
	struct pair *pairs;
	size_t n_pairs, cap_pairs;
	struct variant *vars;
	size_t n_vars, cap_vars;
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
}

static int ukey_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct ukey *)e)->key);
}

static long find_key(const struct pass *ps, const char *key)
{
	const struct ukey *u = bsearch(key, ps->keys, ps->n_keys, sizeof *ps->keys, ukey_cmp);

	return u ? (long)(u - ps->keys) : -1;
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

/* BUF = A + B + C (BUF holds 512 bytes; the caller keeps A under 490). */
static const char *join3(char *buf, const char *a, size_t la, const char *b, const char *c)
{
	size_t lb = strlen(b), lc = strlen(c);

	memcpy(buf, a, la);
	memcpy(buf + la, b, lb);
	memcpy(buf + la + lb, c, lc + 1);
	return buf;
}

static void affix_pairs(struct pass *ps)
{
	char buf[512];
	size_t i, k;

	for (i = 0; i < ps->n_keys; i++) {
		const char *key = ps->keys[i].key;
		size_t len = strlen(key);
		long j;
		if (len + 20 >= sizeof buf)
			continue;
		if (len >= 4) {
			for (k = 0; k < N_OF(place_suffixes); k++) {
				if ((j = find_key(ps, join3(buf, key, len, "", place_suffixes[k]))) >= 0)
					add_pair(ps, (uint32_t)i, (uint32_t)j, DB_ALIKE_SUFFIX);
				if (strcmp(place_suffixes[k], "ia") == 0)
					continue;
				if ((j = find_key(ps, join3(buf, key, len, "s", place_suffixes[k]))) >= 0)
					add_pair(ps, (uint32_t)i, (uint32_t)j, DB_ALIKE_SUFFIX);
			}
		}
		if (len < 3)
			continue;
		for (k = 0; k < N_OF(prefix_words); k++) {
			size_t wl = strlen(prefix_words[k]);
			if (wl + len + 2 > sizeof buf)
				continue;
			if ((j = find_key(ps, join3(buf, prefix_words[k], wl, " ", key))) >= 0)
				add_pair(ps, (uint32_t)i, (uint32_t)j, DB_ALIKE_PREFIX);
		}
		for (k = 0; k < N_OF(suffix_words); k++) {
			if ((j = find_key(ps, join3(buf, key, len, " ", suffix_words[k]))) >= 0)
				add_pair(ps, (uint32_t)i, (uint32_t)j, DB_ALIKE_PREFIX);
		}
	}
}

static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	h ^= h >> 29;
	return h;
}

static void add_variant(struct pass *ps, const char *s, size_t len, uint32_t key)
{
	if (ps->n_vars == ps->cap_vars) {
		ps->cap_vars = ps->cap_vars ? ps->cap_vars * 2 : 1 << 16;
		ps->vars = xreallocarray(ps->vars, ps->cap_vars, sizeof *ps->vars);
	}
	ps->vars[ps->n_vars].hash = hash_bytes(s, len);
	ps->vars[ps->n_vars].key = key;
	ps->n_vars++;
}

/*
 * Sort by hash, keeping key order among equal hashes (the variants were
 * generated in key order).  An LSD radix sort (stable) on the top 33 bits
 * in three passes of 11, then a stable insertion sort of each run that
 * shares those bits (almost always one entry): the same order as a full
 * 64-bit stable sort, in three passes over a million entries instead of
 * eight.
 */
#define VAR_DIGIT 11
#define VAR_LOW (64 - 3 * VAR_DIGIT)

static void sort_variants(struct variant *v, size_t n)
{
	struct variant *tmp = xreallocarray(NULL, n ? n : 1, sizeof *tmp), *src = v, *dst = tmp;
	size_t *count = xcalloc((size_t)1 << VAR_DIGIT, sizeof *count);
	size_t i, j, r;
	unsigned shift;

	for (shift = VAR_LOW; shift < 64; shift += VAR_DIGIT) {
		size_t sum = 0, mask = ((size_t)1 << VAR_DIGIT) - 1;
		memset(count, 0, sizeof *count << VAR_DIGIT);
		for (i = 0; i < n; i++)
			count[(src[i].hash >> shift) & mask]++;
		for (i = 0; i <= mask; i++) {
			size_t c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[(src[i].hash >> shift) & mask]++] = src[i];
		{
			struct variant *t = src;
			src = dst;
			dst = t;
		}
	}
	/* Three passes: the sorted data is in TMP; copy back, fixing the runs. */
	for (i = 0; i < n; i = r) {
		for (r = i + 1; r < n && src[r].hash >> VAR_LOW == src[i].hash >> VAR_LOW; r++)
			;
		for (j = i; j < r; j++) {
			struct variant x = src[j];
			size_t k = j;
			while (k > i && v[k - 1].hash > x.hash) {
				v[k] = v[k - 1];
				k--;
			}
			v[k] = x;
		}
	}
	free(count);
	free(tmp);
}

static int is_ascii_key(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

static void edit_pairs(struct pass *ps)
{
	size_t i, r;
	char v[ALIKE_MAX_KEY + 1];

	for (i = 0; i < ps->n_keys; i++) {
		const char *key = ps->keys[i].key;
		size_t len = strlen(key), p, q;
		if (len > ALIKE_MAX_KEY || len < 4 || !is_ascii_key(key))
			continue;
		if (len == 4 && !ps->keys[i].is_country)
			continue;
		add_variant(ps, key, len, (uint32_t)i);
		for (p = 0; p < len; p++) {
			memcpy(v, key, p);
			memcpy(v + p, key + p + 1, len - p - 1);
			/* Deleting from a run of one letter gives the same string once. */
			if (p > 0 && key[p] == key[p - 1])
				continue;
			add_variant(ps, v, len - 1, (uint32_t)i);
			if (len < 8)
				continue;
			for (q = p; q < len - 1; q++) {
				char w[ALIKE_MAX_KEY + 1];
				if (q > p && v[q] == v[q - 1])
					continue;
				memcpy(w, v, q);
				memcpy(w + q, v + q + 1, len - 2 - q);
				add_variant(ps, w, len - 2, (uint32_t)i);
			}
		}
	}
	sort_variants(ps->vars, ps->n_vars);
	for (i = 0; i < ps->n_vars; i = r) {
		size_t x, y;
		for (r = i + 1; r < ps->n_vars && ps->vars[r].hash == ps->vars[i].hash; r++)
			;
		for (x = i; x < r; x++) {
			if (x > i && ps->vars[x].key == ps->vars[x - 1].key)
				continue;
			for (y = x + 1; y < r; y++) {
				const struct ukey *a = &ps->keys[ps->vars[x].key];
				const struct ukey *b = &ps->keys[ps->vars[y].key];
				int allowed;
				if (ps->vars[y].key == ps->vars[y - 1].key)
					continue;
				allowed = edit_allowed(strlen(a->key), strlen(b->key),
						       a->is_country && b->is_country);
				if (allowed && strdist_osa(a->key, b->key, allowed) <= allowed)
					add_pair(ps, ps->vars[x].key, ps->vars[y].key, DB_ALIKE_EDIT);
			}
		}
	}
}

static int pair_cmp(const void *pa, const void *pb)
{
	const struct pair *a = pa, *b = pb;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	return a->kind - b->kind;
}

/* The pass runs in a thread of its own while the database builds its indexes. */
struct near_row {
	uint64_t pfx;  /* the variant's first 8 bytes, big-endian: most comparisons */
	uint32_t del;  /* offset of the variant in near_text */
	uint32_t key;  /* ukey index */
};

struct load_alike_job {
	struct pass ps;
	struct buf near_text;     /* variants, NUL-terminated */
	struct near_row *near;
	size_t n_near;
	struct pair *dir; /* directed rows, sorted; kind and dist filled in */
	int *dist;
	size_t n_dir;
	pthread_t th;
	int threaded;
};

/*
 * The near_keys rows of every prominent key: the key itself and each of its
 * one-deletion variants by code point (db.h), sorted by (variant, key) so
 * that SQLite builds the index from ordered input.
 */
static int near_cmp_r(const void *pa, const void *pb, void *arg)
{
	const struct load_alike_job *j = arg;
	const struct near_row *a = pa, *b = pb;
	int c;

	if (a->pfx != b->pfx)
		return a->pfx < b->pfx ? -1 : 1;
	if ((c = strcmp(j->near_text.data + a->del, j->near_text.data + b->del)) != 0)
		return c;
	/* The keys are unique and sorted by strcmp: their indexes compare alike. */
	return a->key < b->key ? -1 : a->key > b->key;
}

static void near_add(struct load_alike_job *j, const char *s, size_t len, uint32_t key,
		     size_t *cap)
{
	if (j->n_near == *cap) {
		*cap = *cap ? *cap * 2 : 1 << 16;
		j->near = xreallocarray(j->near, *cap, sizeof *j->near);
	}
	{
		uint64_t v = 0;
		size_t i;
		for (i = 0; i < 8 && i < len; i++)
			v |= (uint64_t)(unsigned char)s[i] << (56 - 8 * i);
		j->near[j->n_near].pfx = v;
	}
	j->near[j->n_near].del = (uint32_t)j->near_text.len;
	j->near[j->n_near].key = key;
	j->n_near++;
	buf_append(&j->near_text, s, len);
	buf_putc(&j->near_text, '\0');
}

static void near_rows(struct load_alike_job *j)
{
	size_t i, cap = 0;
	char v[512];

	buf_init(&j->near_text, 0);
	for (i = 0; i < j->ps.n_keys; i++) {
		const char *key = j->ps.keys[i].key;
		size_t len = strlen(key), p = 0, prev = (size_t)-1, cl;
		if (len >= sizeof v)
			continue;
		near_add(j, key, len, (uint32_t)i, &cap);
		while (p < len) {
			cl = 1;
			while (p + cl < len && ((unsigned char)key[p + cl] & 0xC0) == 0x80)
				cl++;
			/* Deleting either letter of a double gives the same variant once. */
			if (prev == (size_t)-1 || p - prev != cl || memcmp(key + prev, key + p, cl) != 0) {
				memcpy(v, key, p);
				memcpy(v + p, key + p + cl, len - p - cl);
				near_add(j, v, len - cl, (uint32_t)i, &cap);
			}
			prev = p;
			p += cl;
		}
	}
	if (j->n_near)
		qsort_r(j->near, j->n_near, sizeof *j->near, near_cmp_r, j);
}

/* Pure computation over the prominent list: no database, no shared state. */
static void *alike_compute(void *arg)
{
	struct load_alike_job *j = arg;
	struct pass *ps = &j->ps;
	size_t i;

	affix_pairs(ps);
	edit_pairs(ps);
	free(ps->vars);
	ps->vars = NULL;
	if (ps->n_pairs)
		qsort(ps->pairs, ps->n_pairs, sizeof *ps->pairs, pair_cmp);
	/* Unique pairs, best (lowest) kind, both directions, sorted by key. */
	j->dir = xreallocarray(NULL, ps->n_pairs * 2 + 1, sizeof *j->dir);
	for (i = 0; i < ps->n_pairs; i++) {
		const struct pair *p = &ps->pairs[i];
		if (i && p->a == ps->pairs[i - 1].a && p->b == ps->pairs[i - 1].b)
			continue;
		if (same_place(ps, p->a, p->b))
			continue;
		j->dir[j->n_dir++] = *p;
		j->dir[j->n_dir].a = p->b;
		j->dir[j->n_dir].b = p->a;
		j->dir[j->n_dir].kind = p->kind;
		j->n_dir++;
	}
	if (j->n_dir)
		qsort(j->dir, j->n_dir, sizeof *j->dir, pair_cmp);
	j->dist = xreallocarray(NULL, j->n_dir + 1, sizeof *j->dist);
	for (i = 0; i < j->n_dir; i++)
		j->dist[i] = strdist_osa(ps->keys[j->dir[i].a].key, ps->keys[j->dir[i].b].key, 200);
	near_rows(j);
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
	size_t i;

	if (!j)
		return PC_OK;
	if (j->threaded)
		pthread_join(j->th, NULL);
	for (i = 0; L && i < j->n_dir && rc == PC_OK; i++)
		rc = db_build_lookalike(L->build, j->ps.keys[j->dir[i].a].key,
					j->ps.keys[j->dir[i].b].key, j->dir[i].kind, j->dist[i], d);
	for (i = 0; L && i < j->n_near && rc == PC_OK; i++) {
		/* Sorted: skip the repeats of one (variant, key). */
		if (i && near_cmp_r(&j->near[i - 1], &j->near[i], j) == 0)
			continue;
		rc = db_build_near_key(L->build, j->near_text.data + j->near[i].del,
				       j->ps.keys[j->near[i].key].key, d);
	}
	free(j->near);
	buf_free(&j->near_text);
	free(j->dir);
	free(j->dist);
	free(j->ps.pairs);
	free(j->ps.keys);
	free(j);
	return rc;
}
