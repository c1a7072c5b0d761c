/*
 * test_db.c: the database stage's pure helpers, without a database: the
 * admin2 lists of a county group (db_admin2_list_has) and what a region row
 * holds (db_place_in_region), a group row of a UK ceremonial county among
 * them.
 */
#include "db/db.h"

#include "testhelp.h"

#include <string.h>

/*
 * A list holds a code only as a whole item: at either end, in the middle,
 * and not as the start or end of a longer one ("Z" is not "Z7").
 */
static void test_admin2_list_has(void)
{
	/* The group row's own form: the admin2 parts. */
	CHECK(db_admin2_list_has("Z7,Z8,E9,P2", "Z7"));  /* first */
	CHECK(db_admin2_list_has("Z7,Z8,E9,P2", "E9"));  /* middle */
	CHECK(db_admin2_list_has("Z7,Z8,E9,P2", "P2"));  /* last */
	CHECK(db_admin2_list_has("GLA", "GLA"));         /* the only one */
	CHECK(!db_admin2_list_has("Z7,Z8,E9,P2", "Z"));  /* a prefix of a member */
	CHECK(!db_admin2_list_has("Z7,Z8,E9,P2", "7"));  /* a suffix of a member */
	CHECK(!db_admin2_list_has("Z7,Z8,E9,P2", "Z7,"));
	CHECK(!db_admin2_list_has("Z7,Z8,E9,P2", "Z77"));
	/* A prefix that comes before the member it is a prefix of. */
	CHECK(db_admin2_list_has("Z7,Z", "Z"));
	CHECK(!db_admin2_list_has("ZZ", "Z"));
	/* Full codes, as region_members and the regions file write them. */
	CHECK(db_admin2_list_has("GB.ENG.Z7,GB.ENG.Z8", "GB.ENG.Z8"));
	CHECK(!db_admin2_list_has("GB.ENG.Z7,GB.ENG.Z8", "GB.ENG.Z"));
	CHECK(!db_admin2_list_has("GB.ENG.Z7,GB.ENG.Z8", "ENG.Z7"));
	/* Nothing is in an empty list; an empty code is in no list. */
	CHECK(!db_admin2_list_has("", "Z7"));
	CHECK(!db_admin2_list_has("", ""));
	CHECK(!db_admin2_list_has("Z7,,Z8", ""));
	CHECK(!db_admin2_list_has("Z7,Z8", ""));
	/* A code is one item: two members written as one code are none. */
	CHECK(!db_admin2_list_has("Z7,Z8,E9,P2", "Z8,E9"));
	CHECK(!db_admin2_list_has("Z7,Z8", "Z7,Z8"));
}

/* A place row of COUNTRY, ADMIN1, ADMIN2 with id ID and kind KIND. */
static struct db_place place(int64_t id, int kind, const char *country, const char *admin1,
			     const char *admin2, const char *fcode)
{
	struct db_place p;

	memset(&p, 0, sizeof p);
	p.id = id;
	p.kind = kind;
	snprintf(p.country, sizeof p.country, "%s", country);
	snprintf(p.admin1, sizeof p.admin1, "%s", admin1);
	snprintf(p.admin2, sizeof p.admin2, "%s", admin2);
	snprintf(p.fcode, sizeof p.fcode, "%s", fcode);
	return p;
}

/*
 * A county group (Merseyside) holds the places of its admin2 members and
 * itself, and nothing else of England: not Bolton (Greater Manchester),
 * not England, not a place with no admin2 code.  England holds them all.
 */
static void test_place_in_group(void)
{
	const int64_t merseyside_id = -5000000123;
	struct db_place mersey = place(merseyside_id, DB_KIND_ADMIN1, "GB", "ENG", "G9,H8,L8,N1,Q1",
				       DB_FCODE_ADMIN2_GROUP);
	struct db_place england = place(-2000000001, DB_KIND_ADMIN1, "GB", "ENG", "", "ADM1");
	struct db_place uk = place(2635167, DB_KIND_COUNTRY, "GB", "", "", "PCLI");
	struct db_place liverpool = place(2644210, DB_KIND_PLACE, "GB", "ENG", "H8", "PPLA2");
	struct db_place southport = place(2637627, DB_KIND_PLACE, "GB", "ENG", "Q1", "PPL");
	struct db_place bolton = place(2655237, DB_KIND_PLACE, "GB", "ENG", "B1", "PPLA2");
	struct db_place no_a2 = place(1, DB_KIND_PLACE, "GB", "ENG", "", "PPL");
	struct db_place h8_admin2 = place(-3000000008, DB_KIND_ADMIN2, "GB", "ENG", "H8", "ADM2");
	/* the same admin2 code under another first-level region */
	struct db_place wales_h8 = place(2, DB_KIND_PLACE, "GB", "WLS", "H8", "PPL");
	struct db_place us_h8 = place(3, DB_KIND_PLACE, "US", "ENG", "H8", "PPL");

	CHECK(db_place_in_region(&liverpool, &mersey));
	CHECK(db_place_in_region(&southport, &mersey)); /* the last member */
	CHECK(db_place_in_region(&h8_admin2, &mersey)); /* a member's own row */
	CHECK(db_place_in_region(&mersey, &mersey));    /* the group itself */
	CHECK(!db_place_in_region(&bolton, &mersey));
	CHECK(!db_place_in_region(&no_a2, &mersey));
	CHECK(!db_place_in_region(&england, &mersey));
	CHECK(!db_place_in_region(&uk, &mersey));
	CHECK(!db_place_in_region(&wales_h8, &mersey));
	CHECK(!db_place_in_region(&us_h8, &mersey));
	/* The admin1 region and the country hold the group and its places. */
	CHECK(db_place_in_region(&bolton, &england));
	CHECK(db_place_in_region(&liverpool, &england));
	CHECK(db_place_in_region(&mersey, &england));
	CHECK(db_place_in_region(&mersey, &uk));
	CHECK(db_place_in_region(&bolton, &uk));
	/* A place is no region: it holds nothing, itself included. */
	CHECK(!db_place_in_region(&liverpool, &liverpool));
}

/* Only an admin1 row with the group's feature code is a group. */
static void test_is_admin2_group(void)
{
	struct db_place g = place(-5000000123, DB_KIND_ADMIN1, "GB", "ENG", "G9,H8", DB_FCODE_ADMIN2_GROUP);
	struct db_place england = place(-2000000001, DB_KIND_ADMIN1, "GB", "ENG", "", "ADM1");
	struct db_place odd = place(4, DB_KIND_PLACE, "GB", "ENG", "H8", DB_FCODE_ADMIN2_GROUP);

	CHECK(db_place_is_admin2_group(&g));
	CHECK(!db_place_is_admin2_group(&england));
	CHECK(!db_place_is_admin2_group(&odd));
}

/* A group whose admin2 list is empty (no member loaded) holds only itself. */
static void test_place_in_empty_group(void)
{
	struct db_place g = place(-5000000007, DB_KIND_ADMIN1, "GB", "ENG", "", DB_FCODE_ADMIN2_GROUP);
	struct db_place no_a2 = place(1, DB_KIND_PLACE, "GB", "ENG", "", "PPL");
	struct db_place town = place(2, DB_KIND_PLACE, "GB", "ENG", "H8", "PPL");

	CHECK(db_place_in_region(&g, &g));
	CHECK(!db_place_in_region(&no_a2, &g));
	CHECK(!db_place_in_region(&town, &g));
}

int main(void)
{
	TEST(test_admin2_list_has);
	TEST(test_place_in_group);
	TEST(test_place_in_empty_group);
	TEST(test_is_admin2_group);
	return TEST_REPORT();
}
