/*
 * query_int.h: helpers shared by the files of src/query/ only.  Never
 * included from outside the folder.
 */
#ifndef PC_QUERY_QUERY_INT_H
#define PC_QUERY_QUERY_INT_H

#include "query/query.h"

/* OUT = P plus its region names, AP abbreviation and kind in words. */
void query_place_fill(struct db *db, const struct db_place *p, struct query_place *out /* OUT */);

/*
 * As query_place_fill, but copies the region words from one of the last 64
 * of DONE[0..N_DONE) in the same region instead of asking the database.
 */
void query_place_fill_near(struct db *db, const struct db_place *p, struct query_place *out /* OUT */,
			   const struct query_place *done, size_t n_done);

/* Sort by prominence: population, then capital > admin seat > other. */
void query_places_sort(struct query_place *v, size_t n);

/* db_key(NAME) copied into A; PC_ERR_USAGE if it folds to nothing. */
enum pc_rc query_key(const char *name, struct arena *a, const char **key /* OUT */,
		     struct diag *d);

/* Copy SRC into DST of SIZE bytes, cut at a UTF-8 character boundary. */
void query_copy(char *dst, size_t size, const char *src);

/* Does region R contain place P? */
int query_region_has(const struct query_region *r, const struct db_place *p);

#endif
