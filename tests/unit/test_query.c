/*
 * test_query.c: the query stage without a terminal: LAT,LON parsing, the
 * text and JSON renderings of hand-made answers, and (when a database is
 * at $PLACECHECK_TEST_DB or geodata/places.db) region parsing and the
 * questions of issue 5.
 */
#include "query/query.h"

#include "testhelp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void test_latlon(void)
{
	double lat = 0, lon = 0;
	struct diag d;

	diag_clear(&d);
	CHECK_INT(query_parse_latlon("38.02931,-78.47668", &lat, &lon, &d), PC_OK);
	CHECK(fabs(lat - 38.02931) < 1e-9 && fabs(lon + 78.47668) < 1e-9);
	CHECK_INT(query_parse_latlon(" 38.0 , -78.5 ", &lat, &lon, &d), PC_OK);
	CHECK_INT(query_parse_latlon("38 -78", &lat, &lon, &d), PC_OK);
	CHECK(lat == 38 && lon == -78);
	CHECK_INT(query_parse_latlon("95,10", &lat, &lon, &d), PC_ERR_USAGE);
	diag_clear(&d);
	CHECK_INT(query_parse_latlon("10,181", &lat, &lon, &d), PC_ERR_USAGE);
	CHECK_INT(query_parse_latlon("nan,10", &lat, &lon, NULL), PC_ERR_USAGE);
	CHECK_INT(query_parse_latlon("38", &lat, &lon, NULL), PC_ERR_USAGE);
	CHECK_INT(query_parse_latlon("38,-78,5", &lat, &lon, NULL), PC_ERR_USAGE);
	CHECK_INT(query_parse_latlon("north", &lat, &lon, NULL), PC_ERR_USAGE);
	CHECK_INT(query_parse_latlon("", &lat, &lon, NULL), PC_ERR_USAGE);
}

static void fill(struct query_place *q, int64_t id, const char *name, const char *a1,
		 const char *a1name, const char *abbr, const char *kind, int64_t pop)
{
	memset(q, 0, sizeof *q);
	q->p.id = id;
	snprintf(q->p.name, sizeof q->p.name, "%s", name);
	snprintf(q->p.country, sizeof q->p.country, "US");
	snprintf(q->p.admin1, sizeof q->p.admin1, "%s", a1);
	snprintf(q->admin1_name, sizeof q->admin1_name, "%s", a1name);
	snprintf(q->country_name, sizeof q->country_name, "United States");
	snprintf(q->abbrev, sizeof q->abbrev, "%s", abbr);
	q->kind_word = kind;
	q->p.population = pop;
	q->p.lat = 38.02931;
	q->p.lon = -78.47668;
}

/* The no-answer of issue 5, word for word, from a hand-made answer. */
static void test_render_in_no(void)
{
	struct query_answer ans;
	struct query_place elsewhere[1];
	struct query_alike al[1];
	struct buf b;

	memset(&ans, 0, sizeof ans);
	memset(al, 0, sizeof al);
	ans.mode = QUERY_IN;
	ans.name = "Charlottesville";
	snprintf(ans.region.name, sizeof ans.region.name, "North Carolina");
	snprintf(ans.region.country, sizeof ans.region.country, "US");
	snprintf(ans.region.admin1, sizeof ans.region.admin1, "NC");
	fill(&elsewhere[0], 4752031, "Charlottesville", "VA", "Virginia", "Va.", "county seat", 46597);
	ans.elsewhere = elsewhere;
	ans.n_elsewhere = 1;
	snprintf(al[0].name, sizeof al[0].name, "Charlotte");
	snprintf(al[0].how, sizeof al[0].how, "suffix");
	al[0].kind = DB_ALIKE_SUFFIX;
	ans.alikes = al;
	ans.n_alikes = 1;
	buf_init(&b, 0);
	CHECK_INT(query_render_text(&b, &ans, &(struct query_render_opts){ .long_form = 1 }), PC_OK);
	CHECK(strncmp(buf_str(&b),
		      "No Charlottesville in North Carolina. Charlottesville is in Virginia."
		      " In North Carolina: Charlotte.\n",
		      strlen("No Charlottesville in North Carolina. Charlottesville is in Virginia."
			     " In North Carolina: Charlotte.\n")) == 0);
	CHECK(strstr(buf_str(&b),
		     "  Charlottesville, Virginia (Va.), United States; county seat; pop. 46,597;"
		     " 38.02931,-78.47668; GeoNames 4752031\n") != NULL);
	/* Short by default (issue 17): no coordinates, no id. */
	buf_reset(&b);
	CHECK_INT(query_render_text(&b, &ans, NULL), PC_OK);
	CHECK(strstr(buf_str(&b), "  Charlottesville, Virginia (Va.), United States; county seat; pop. 46,597\n") != NULL);
	CHECK(strstr(buf_str(&b), "GeoNames") == NULL && strstr(buf_str(&b), "38.02931") == NULL);
	buf_free(&b);
}

/* Wrapping (issue 17): between the parts of a line, never inside one. */
static void test_wrap(void)
{
	struct buf b;

	buf_init(&b, 0);
	buf_puts(&b, "keep\n");
	buf_puts(&b, "  Pittsburg (also Pittsburgh), California (Calif.), United States; town; pop. 69,424\n");
	buf_puts(&b, "No Charlottesville in North Carolina. Charlottesville is in Virginia. In North Carolina: Charlotte.\n");
	buf_puts(&b, "short\n");
	CHECK_INT(query_wrap(&b, 5, 80), PC_OK);
	CHECK_STR(buf_str(&b), "keep\n"
		  "  Pittsburg (also Pittsburgh), California (Calif.), United States; town;\n"
		  "      pop. 69,424\n"
		  "No Charlottesville in North Carolina. Charlottesville is in Virginia.\n"
		  "In North Carolina: Charlotte.\n"
		  "short\n");
	/* A part wider than the line breaks at its blanks; a word stays whole. */
	buf_reset(&b);
	buf_puts(&b, "  aaaa bbbb cccc dddd; Supercalifragilisticexpialidocious\n");
	CHECK_INT(query_wrap(&b, 0, 16), PC_OK);
	CHECK_STR(buf_str(&b), "  aaaa bbbb cccc\n      dddd;\n      Supercalifragilisticexpialidocious\n");
	/* Colour codes take no columns. */
	buf_reset(&b);
	buf_puts(&b, "\033[1mSydney\033[0m: 4 places\n");
	CHECK_INT(query_wrap(&b, 0, 16), PC_OK);
	CHECK_STR(buf_str(&b), "\033[1mSydney\033[0m: 4 places\n");
	CHECK_INT(query_wrap(&b, 0, 0), PC_OK);
	buf_free(&b);
}

/* Synthetic ids are not GeoNames ids: omitted in text, null in JSON. */
static void test_render_synthetic_and_json(void)
{
	struct query_answer ans;
	struct query_place pl[1];
	struct buf b;

	memset(&ans, 0, sizeof ans);
	ans.mode = QUERY_NAME;
	ans.name = "Va\"x";
	ans.found = 1;
	fill(&pl[0], -2000001, "Virginia", "VA", "Virginia", "Va.", "state", 0);
	pl[0].p.kind = DB_KIND_ADMIN1;
	ans.places = pl;
	ans.n_places = ans.n_total_places = 1;
	buf_init(&b, 0);
	CHECK_INT(query_render_text(&b, &ans, &(struct query_render_opts){ .long_form = 1 }), PC_OK);
	CHECK(strstr(buf_str(&b), "  Virginia (Va.), United States; state; 38.02931,-78.47668\n") != NULL);
	CHECK(strstr(buf_str(&b), "GeoNames") == NULL);
	buf_reset(&b);
	CHECK_INT(query_render_json(&b, &ans), PC_OK);
	CHECK(strstr(buf_str(&b), "\"id\":null") != NULL);
	CHECK(strstr(buf_str(&b), "\"name\":\"Va\\\"x\"") != NULL);
	CHECK(strstr(buf_str(&b), "\"found\":true") != NULL);
	CHECK(b.len && buf_str(&b)[b.len - 1] == '\n');
	buf_free(&b);
}

/* A buffer ceiling leaves the buffer as it was: no half answer. */
static void test_render_limit(void)
{
	struct query_answer ans;
	struct query_place pl[1];
	struct buf b;

	memset(&ans, 0, sizeof ans);
	ans.mode = QUERY_NAME;
	ans.name = "Charlottesville";
	ans.found = 1;
	fill(&pl[0], 4752031, "Charlottesville", "VA", "Virginia", "Va.", "county seat", 46597);
	ans.places = pl;
	ans.n_places = ans.n_total_places = 1;
	buf_init(&b, 40);
	buf_puts(&b, "kept");
	CHECK_INT(query_render_text(&b, &ans, NULL), PC_ERR_LIMIT);
	CHECK_STR(buf_str(&b), "kept");
	CHECK_INT(query_render_json(&b, &ans), PC_ERR_LIMIT);
	CHECK_STR(buf_str(&b), "kept");
	buf_free(&b);
}

static const char *test_db_path(void)
{
	const char *p = getenv("PLACECHECK_TEST_DB");
	struct stat sb;

	if (!p || !p[0])
		p = "geodata/places.db";
	return stat(p, &sb) == 0 ? p : NULL;
}

/* Open the bundled database read-only into *DB: 1, or 0 (said) when there
 * is none to test against or it does not open. */
static int open_test_db(struct db **db)
{
	const char *path = test_db_path();

	*db = NULL;
	if (!path) {
		printf("  (no database: skipped)\n");
		return 0;
	}
	if (db_open(path, DB_OPEN_READONLY, db, NULL) != PC_OK) {
		CHECK(!"cannot open the test database");
		return 0;
	}
	return 1;
}

/* Against the bundled database, when there is one. */
static void test_with_db(void)
{
	const char *path = test_db_path();
	struct db *db = NULL;
	struct query_region *regs;
	struct query_answer ans;
	struct query_opts o = { 0 };
	struct arena a;
	struct diag d;
	size_t n, i;
	int found;
	const char *name;

	if (!path) {
		printf("  (no database: skipped)\n");
		return;
	}
	diag_clear(&d);
	if (db_open(path, DB_OPEN_READONLY, &db, &d) != PC_OK) {
		CHECK(!"cannot open the test database");
		return;
	}
	arena_init(&a, 0);
	/* Regions written every way. */
	CHECK_INT(query_region_parse(db, "Va.", &a, &regs, &n, &d), PC_OK);
	CHECK(n >= 1 && strcmp(regs[0].admin1, "VA") == 0 && strcmp(regs[0].label, "Va.") == 0);
	CHECK_INT(query_region_parse(db, "US.NC", &a, &regs, &n, &d), PC_OK);
	CHECK(n == 1 && strcmp(regs[0].name, "North Carolina") == 0);
	CHECK_INT(query_region_parse(db, "AU", &a, &regs, &n, &d), PC_OK);
	for (found = 0, i = 0; i < n; i++)
		found |= strcmp(regs[i].country, "AU") == 0 && !regs[i].admin1[0];
	CHECK(found);
	CHECK_INT(query_region_parse(db, "Nova Scotia", &a, &regs, &n, &d), PC_OK);
	CHECK(n >= 1 && strcmp(regs[0].country, "CA") == 0 && regs[0].kind == DB_KIND_ADMIN1);
	CHECK_INT(query_region_parse(db, "Narnialand", &a, &regs, &n, &d), PC_OK);
	CHECK_INT(n, 0);
	/* "Georgia" may be the state or the country: both are candidates. */
	CHECK_INT(query_region_parse(db, "Georgia", &a, &regs, &n, &d), PC_OK);
	CHECK(n >= 2);
	/* Splitting "NAME, REGION" only at a region. */
	CHECK(query_split_qualified(db, "Charlottesville, N.C.", &a, &name, &regs, &n, &d));
	CHECK_STR(name, "Charlottesville");
	CHECK(!query_split_qualified(db, "Charlottesville, Narnialand", &a, &name, &regs, &n, &d));
	/* Is there a Charlottesville in North Carolina?  No; Charlotte is. */
	CHECK_INT(query_ask(db, "Charlottesville, N.C.", &o, &a, &ans, &d), PC_OK);
	CHECK(ans.mode == QUERY_IN && !ans.found);
	CHECK(ans.n_elsewhere >= 1 && ans.elsewhere[0].p.id == 4752031);
	CHECK(ans.n_alikes >= 1 && ans.alikes[0].place.p.id == 4460243);
	/* Springfield, Illinois is the state capital. */
	CHECK_INT(query_name(db, "Springfield", &o, &a, &ans, &d), PC_OK);
	for (found = 0, i = 0; i < ans.n_places; i++)
		found |= ans.places[i].p.id == 4250542 && strcmp(ans.places[i].kind_word, "state capital") == 0;
	CHECK(found);
	/* Ranked: never a smaller own-name place before a bigger one. */
	for (i = 1; i < ans.n_places; i++)
		if (ans.places[i].name_kind != DB_NAME_ALT)
			CHECK(ans.places[i - 1].p.population >= ans.places[i].p.population);
	/* Near Charlottesville's point: Charlottesville first. */
	CHECK_INT(query_near(db, 38.02931, -78.47668, 25, &o, &a, &ans, &d), PC_OK);
	CHECK(ans.n_places >= 1 && ans.places[0].p.id == 4752031 && ans.places[0].dist_km < 0.1);
	/* Completion. */
	CHECK_INT(query_prefix(db, "Charlottesv", QUERY_KINDS_ALL, &o, &a, &ans, &d), PC_OK);
	CHECK(ans.n_completions >= 1 && strcmp(ans.completions[0].form, "Charlottesville") == 0);
	CHECK_INT(query_prefix(db, "North Caro", QUERY_KINDS_REGIONS, &o, &a, &ans, &d), PC_OK);
	CHECK(ans.n_completions >= 1 && strcmp(ans.completions[0].form, "North Carolina") == 0);
	/* A name that folds to nothing is a usage error, not a crash. */
	diag_clear(&d);
	CHECK_INT(query_name(db, "...", &o, &a, &ans, &d), PC_ERR_USAGE);
	arena_free(&a);
	db_close(db);
}

/*
 * The connection answers cold (no name filter, small page cache) and warm
 * (after enough probes it loads the filter): the answers must not change.
 * 5,000 probes is above the warm-up threshold in db_int.h.
 */
static void test_cold_and_warm(void)
{
	static const char *const keys[] = { "charlottesville", "new york", "narnialand", "canberra" };
	struct db *db = NULL;
	struct db_hit hits[16];
	size_t cold[4], n, i;
	int64_t first[4];
	int ext_cold, ext_none_cold;
	char k[32];

	if (!open_test_db(&db))
		return;
	for (i = 0; i < 4; i++) {
		CHECK_INT(db_names_lookup(db, keys[i], hits, 16, &cold[i], NULL), PC_OK);
		first[i] = cold[i] ? hits[0].place.id : 0;
	}
	CHECK(cold[0] >= 1 && first[0] == 4752031);
	CHECK_INT(cold[2], 0);
	ext_cold = db_names_may_extend(db, "new");
	ext_none_cold = db_names_may_extend(db, "narnia");
	CHECK(ext_cold && !ext_none_cold);
	for (i = 0; i < 5000; i++) {
		snprintf(k, sizeof k, "zzq%zu", i);
		CHECK_INT(db_names_lookup(db, k, hits, 16, &n, NULL), PC_OK);
		CHECK_INT(n, 0);
	}
	for (i = 0; i < 4; i++) {
		CHECK_INT(db_names_lookup(db, keys[i], hits, 16, &n, NULL), PC_OK);
		CHECK_INT(n, cold[i]);
		CHECK(!n || hits[0].place.id == first[i]);
	}
	CHECK(db_names_may_extend(db, "new") == ext_cold);
	CHECK(db_names_may_extend(db, "narnia") == ext_none_cold);
	db_close(db);
}

/* The county group that holds a place's admin2 unit (db_admin2_group_of),
 * on the bundled database: Sunderland in Tyne and Wear, Crewe in
 * Cheshire; none for a US town or a place without an admin2 code. */
static void test_county_of(void)
{
	struct db *db = NULL;
	struct db_place g, p;
	int64_t id;

	if (!open_test_db(&db))
		return;
	memset(&p, 0, sizeof p);
	strcpy(p.country, "GB");
	strcpy(p.admin1, "ENG");
	strcpy(p.admin2, "N6"); /* Sunderland */
	id = db_admin2_group_of(db, &p);
	CHECK(id != 0);
	if (id && db_place_get(db, id, &g, NULL) == PC_OK) {
		CHECK_STR(g.name, "Tyne and Wear");
		CHECK(db_place_is_admin2_group(&g));
	}
	strcpy(p.admin2, "N6,Z7"); /* a list is no one unit */
	CHECK(db_admin2_group_of(db, &p) == 0);
	p.admin2[0] = '\0';
	CHECK(db_admin2_group_of(db, &p) == 0);
	strcpy(p.country, "US");
	strcpy(p.admin1, "VA");
	strcpy(p.admin2, "540"); /* Charlottesville */
	CHECK(db_admin2_group_of(db, &p) == 0);
	db_close(db);
}

/*
 * The places of a region an edit from a word (db_near_in_region), on the
 * bundled database: New Hampshire's Wilmot for "wilmont", New York's
 * Tonawanda for "tonawonda"; the word itself, other regions' places, a
 * changed first letter and a second edit where one is asked are left out;
 * closest first, and never more than asked.
 */
static void test_near_in_region(void)
{
	struct db *db = NULL;
	struct db_near_name nn[4];
	size_t n, i;

	if (!open_test_db(&db))
		return;
	CHECK_INT(db_near_in_region(db, "wilmont", "US", "NH", NULL, 1, nn, 4, &n, NULL), PC_OK);
	CHECK(n >= 1);
	if (n >= 1) {
		CHECK_STR(nn[0].key, "wilmot");
		CHECK_STR(nn[0].hit.place.admin1, "NH");
		CHECK_INT(nn[0].dist, 1);
	}
	for (i = 0; i < n; i++) {
		CHECK_STR(nn[i].hit.place.country, "US");
		CHECK_STR(nn[i].hit.place.admin1, "NH");
		CHECK(strcmp(nn[i].key, "wilmont") != 0);
	}
	CHECK_INT(db_near_in_region(db, "tonawonda", "US", "NY", NULL, 2, nn, 4, &n, NULL), PC_OK);
	CHECK(n >= 1 && strcmp(nn[0].key, "tonawanda") == 0);
	for (i = 1; i < n; i++)
		CHECK(nn[i].dist >= nn[i - 1].dist);
	/* Minnesota's own Wilmont is the word itself. */
	CHECK_INT(db_near_in_region(db, "wilmont", "US", "MN", NULL, 1, nn, 4, &n, NULL), PC_OK);
	for (i = 0; i < n; i++)
		CHECK(strcmp(nn[i].key, "wilmont") != 0);
	/* The first two letters kept: no "Wilmot" for "vilmot" or "wlimot". */
	CHECK_INT(db_near_in_region(db, "vilmot", "US", "NH", NULL, 1, nn, 4, &n, NULL), PC_OK);
	for (i = 0; i < n; i++)
		CHECK(strncmp(nn[i].key, "vi", 2) == 0);
	CHECK_INT(db_near_in_region(db, "wlimot", "US", "NH", NULL, 2, nn, 4, &n, NULL), PC_OK);
	for (i = 0; i < n; i++)
		CHECK(strncmp(nn[i].key, "wl", 2) == 0);
	/* A one-letter word is its own prefix. */
	CHECK_INT(db_near_in_region(db, "w", "US", "NH", NULL, 1, nn, 4, &n, NULL), PC_OK);
	/* "ephraata" is two edits from nothing in New Hampshire. */
	CHECK_INT(db_near_in_region(db, "ephraata", "US", "NH", NULL, 1, nn, 4, &n, NULL), PC_OK);
	CHECK_INT(n, 0);
	CHECK_INT(db_near_in_region(db, "ephrta", "US", "PA", NULL, 1, nn, 4, &n, NULL), PC_OK);
	CHECK(n >= 1 && strcmp(nn[0].key, "ephrata") == 0);
	/* At most MAX, and nothing for an empty word or a multi-byte
	 * first letter no name starts with. */
	CHECK_INT(db_near_in_region(db, "sprngfield", "US", "", NULL, 2, nn, 2, &n, NULL), PC_OK);
	CHECK(n <= 2);
	CHECK_INT(db_near_in_region(db, "", "US", "NH", NULL, 1, nn, 4, &n, NULL), PC_OK);
	CHECK_INT(n, 0);
	CHECK_INT(db_near_in_region(db, "\xe2\x82\xacwilmot", "US", "NH", NULL, 1, nn, 4, &n, NULL), PC_OK);
	CHECK_INT(n, 0);
	db_close(db);
}

/*
 * The near-miss filter (db.h, "near_bloom") only spares queries: a warm
 * connection, which has loaded it, finds the same near keys as a cold one
 * (a second connection: each caches what it found).
 */
static void test_near_cold_and_warm(void)
{
	static const char *const keys[] = { "cincinatti", "charlotesville", "austrlia", "pitsburgh",
					     "narnialand", "massachussetts" };
	const char *path = test_db_path();
	struct db *cold = NULL, *warm = NULL;
	struct db_hit hits[4];
	struct db_alike a[16], b[16];
	size_t na, nb, n, i, j;
	char k[32];

	if (!path) {
		printf("  (no database: skipped)\n");
		return;
	}
	if (db_open(path, DB_OPEN_READONLY, &cold, NULL) != PC_OK ||
	    db_open(path, DB_OPEN_READONLY, &warm, NULL) != PC_OK) {
		CHECK(!"cannot open the test database");
		db_close(cold);
		return;
	}
	for (i = 0; i < 5000; i++) {
		snprintf(k, sizeof k, "zzq%zu", i);
		CHECK_INT(db_names_lookup(warm, k, hits, 4, &n, NULL), PC_OK);
	}
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		CHECK_INT(db_near_keys(cold, keys[i], 2, a, 16, &na, NULL), PC_OK);
		CHECK_INT(db_near_keys(warm, keys[i], 2, b, 16, &nb, NULL), PC_OK);
		CHECK_INT(nb, na);
		for (j = 0; j < na && j < nb; j++) {
			CHECK_STR(b[j].key, a[j].key);
			CHECK_INT(b[j].dist, a[j].dist);
		}
		if (i == 0)
			CHECK(na >= 1 && strcmp(a[0].key, "cincinnati") == 0);
	}
	db_close(cold);
	db_close(warm);
}

int main(void)
{
	TEST(test_latlon);
	TEST(test_render_in_no);
	TEST(test_wrap);
	TEST(test_render_synthetic_and_json);
	TEST(test_render_limit);
	TEST(test_with_db);
	TEST(test_cold_and_warm);
	TEST(test_county_of);
	TEST(test_near_cold_and_warm);
	TEST(test_near_in_region);
	return TEST_REPORT();
}
