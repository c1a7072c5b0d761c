/*
 * fuzz_query.c: libFuzzer target for what `placecheck query` and the
 * shell make of a line a reporter types (src/query/): "NAME", "NAME,
 * REGION", a region alone ("N.C.", "US.VA"), "LAT,LON", a prefix for
 * completion, the look-alikes of a name; then each answer rendered as
 * text and as JSON.  Needs PLACECHECK_FUZZ_DB (scripts/fuzz.sh sets it
 * to geodata/places.db when there is one); without it only the parsers
 * that need no database run.
 *
 * Invariants (else abort()): every call returns PC_OK or PC_ERR_USAGE /
 * PC_ERR_PARSE (what a person mistyped), never a database error on a
 * sound database; latitudes and longitudes parsed are in range; an
 * answer renders (PC_OK) and its JSON parses (cJSON).
 *
 * Build and run: sh scripts/fuzz.sh fuzz_query.
 */
#include "query/query.h"

#include "base/arena.h"
#include "db/db.h"

#include <cjson/cJSON.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_query"
#include "fuzz.h"

/* A line longer than this is no question anyone types; it only slows the run. */
#define FUZZ_QUERY_MAX 2048

static struct db *fuzz_db;
static int fuzz_ready = -1;

static void setup(void)
{
	const char *path = getenv("PLACECHECK_FUZZ_DB");
	struct diag d;

	fuzz_ready = 0;
	diag_clear(&d);
	if (path && *path && db_open(path, DB_OPEN_READONLY, &fuzz_db, &d) == PC_OK)
		fuzz_ready = 1;
}

static void ok_or_user(enum pc_rc rc)
{
	REQUIRE(rc == PC_OK || rc == PC_ERR_USAGE || rc == PC_ERR_PARSE);
}

static void render(const struct query_answer *ans)
{
	struct query_render_opts ro = { 0 };
	struct buf out;
	cJSON *j;

	buf_init(&out, 0);
	REQUIRE(query_render_text(&out, ans, &ro) == PC_OK);
	ro.color = 1;
	REQUIRE(query_render_text(&out, ans, &ro) == PC_OK);
	buf_reset(&out);
	REQUIRE(query_render_json(&out, ans) == PC_OK);
	j = cJSON_ParseWithLength(out.data ? out.data : "", out.len);
	REQUIRE(j && cJSON_IsObject(j));
	cJSON_Delete(j);
	buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct query_opts o = { 5 };
	struct query_answer ans, ans2;
	struct query_region *regs = NULL;
	struct arena a;
	struct diag d;
	char *line;
	double lat, lon;
	size_t n_regs = 0;
	enum pc_rc rc;

	if (fuzz_ready < 0)
		setup();
	if (size > FUZZ_QUERY_MAX)
		return 0;
	line = malloc(size + 1);
	REQUIRE(line != NULL);
	memcpy(line, data, size);
	line[size] = '\0';
	arena_init(&a, 0);
	diag_clear(&d);
	if (query_parse_latlon(line, &lat, &lon, &d) == PC_OK)
		REQUIRE(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180);
	if (fuzz_ready == 1) {
		diag_clear(&d);
		db_status_clear(fuzz_db);
		rc = query_ask(fuzz_db, line, &o, &a, &ans, &d);
		ok_or_user(rc);
		if (rc == PC_OK)
			render(&ans);
		diag_clear(&d);
		rc = query_region_parse(fuzz_db, line, &a, &regs, &n_regs, &d);
		ok_or_user(rc);
		if (rc == PC_OK && n_regs) {
			diag_clear(&d);
			rc = query_in(fuzz_db, "Springfield", regs, n_regs, &o, &a, &ans2, &d);
			ok_or_user(rc);
			if (rc == PC_OK)
				render(&ans2);
		}
		diag_clear(&d);
		rc = query_like(fuzz_db, line, &o, &a, &ans, &d);
		ok_or_user(rc);
		diag_clear(&d);
		rc = query_prefix(fuzz_db, line, QUERY_KINDS_ALL, &o, &a, &ans, &d);
		ok_or_user(rc);
		if (rc == PC_OK)
			render(&ans);
		diag_clear(&d);
		REQUIRE(db_status(fuzz_db, &d) == PC_OK);
	}
	arena_free(&a);
	free(line);
	return 0;
}

#include "fuzz_main.h"
