/*
 * db_write_ids.c: a set of positive places ids (struct db_ids in
 * db_write_int.h), for telling a repeated id from a new one while a load
 * streams: a bitmap in pages for the ids GeoNames hands out (dense, under
 * DB_IDS_DENSE), an open-addressing hash for the rest (a newsroom's own
 * ids, synthetic --csv ids).  Memory follows the range of ids in use, not
 * the number of rows: the whole of GeoNames (13 million ids) is about
 * 1.6 MB of pages.
 */
#include "db/db_write_int.h"

#include "base/xmem.h"

#include <stdlib.h>
#include <string.h>

#define DB_IDS_PAGE_BITS 16 /* 65,536 ids (8 KB) per page */
#define DB_IDS_PAGES ((size_t)(DB_IDS_DENSE >> DB_IDS_PAGE_BITS))
#define DB_IDS_WORDS (((size_t)1 << DB_IDS_PAGE_BITS) / 64)

static size_t big_home(const struct db_ids *s, int64_t id)
{
	return (size_t)(((uint64_t)id * 0x9e3779b97f4a7c15ULL) >> 17) & (s->cap_big - 1);
}

int db_ids_has(const struct db_ids *s, int64_t id)
{
	size_t i;

	if (id <= 0)
		return 0;
	if (id < DB_IDS_DENSE) {
		const uint64_t *pg = s->pages ? s->pages[id >> DB_IDS_PAGE_BITS] : NULL;
		size_t bit = (size_t)id & (((size_t)1 << DB_IDS_PAGE_BITS) - 1);
		return pg && (pg[bit / 64] >> (bit % 64) & 1);
	}
	if (!s->cap_big)
		return 0;
	for (i = big_home(s, id); s->big[i]; i = (i + 1) & (s->cap_big - 1))
		if (s->big[i] == id)
			return 1;
	return 0;
}

void db_ids_add(struct db_ids *s, int64_t id)
{
	size_t i;

	if (id <= 0 || db_ids_has(s, id))
		return;
	if (id < DB_IDS_DENSE) {
		uint64_t **pg;
		size_t bit = (size_t)id & (((size_t)1 << DB_IDS_PAGE_BITS) - 1);
		if (!s->pages)
			s->pages = xcalloc(DB_IDS_PAGES, sizeof *s->pages);
		pg = &s->pages[id >> DB_IDS_PAGE_BITS];
		if (!*pg)
			*pg = xcalloc(DB_IDS_WORDS, sizeof **pg);
		(*pg)[bit / 64] |= (uint64_t)1 << (bit % 64);
		return;
	}
	if ((s->n_big + 1) * 2 > s->cap_big) {
		int64_t *old = s->big;
		size_t oc = s->cap_big, j;
		s->cap_big = oc ? oc * 2 : 256;
		s->big = xcalloc(s->cap_big, sizeof *s->big);
		for (j = 0; j < oc; j++) {
			if (!old[j])
				continue;
			for (i = big_home(s, old[j]); s->big[i]; i = (i + 1) & (s->cap_big - 1))
				;
			s->big[i] = old[j];
		}
		free(old);
	}
	for (i = big_home(s, id); s->big[i]; i = (i + 1) & (s->cap_big - 1))
		;
	s->big[i] = id;
	s->n_big++;
}

void db_ids_free(struct db_ids *s)
{
	size_t i;

	if (s->pages)
		for (i = 0; i < DB_IDS_PAGES; i++)
			free(s->pages[i]);
	free(s->pages);
	free(s->big);
	memset(s, 0, sizeof *s);
}
