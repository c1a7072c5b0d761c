/*
 * rule_qualifier_mismatch.c: a place qualified with a region that holds
 * no place of that name.
 *
 *   CHARLOTTESVILLE, N.C. (AP) -- Students returned to campus on Monday.
 *   -> Charlottesville, Va.   (or Charlotte, N.C.)
 *
 * Slice: a qualified mention whose qualifier holds no place of the name
 * (or only a hamlet under an old name), with the alternative the score
 * prefers: the same name elsewhere, a look-alike inside the region, or
 * the name inside the qualifier's look-alike ("Melbourne, Austria").  An
 * error only where the data rules the literal out (detect_severity).
 */
#include "detect/detect_int.h"

#include <string.h>

/* A place of this size, in the region's country or next door, is one the
 * writer meant by name: no same-named village there explains it away. */
#define QUAL_RULED_OUT_POP 100000
#define QUAL_STATE_RULED_OUT_POP 500000
#define QUAL_KNOWN_TOWN_POP 50000
/* A town this near the centre of the English county written lies in it
 * or next door, where the county may be its historic or postal one
 * ("Stockport, Cheshire", "Birkenhead, Cheshire"): a note, not an error.
 * (Sunderland lies 390 km from Berkshire's.) */
#define QUAL_COUNTY_NEAR_KM 60.0

/* Is T near enough the English county REG written for it to be T's
 * historic or postal county? */
static int county_nearby(const struct db_place *t, const struct db_place *reg)
{
	return db_place_is_admin2_group(reg) && resolve_km(t->lat, t->lon, reg->lat, reg->lon) < QUAL_COUNTY_NEAR_KM;
}

/* Is MN's name one a village elsewhere is unlikely to share: carried as
 * their own by readings all in T's country, at most QUAL_DISTINCT_PLACES
 * of them towns?
 * ("Sidney" names seven American towns: a settler's name, likely to have
 * a namesake the gazetteer does not list in Canada too.) */
#define QUAL_DISTINCT_PLACES 2
static int one_country_name(const struct mention *mn, const struct db_place *t)
{
	size_t j, n = 0;

	for (j = 0; j < mn->n_cands; j++) {
		if (mn->cands[j].name_kind == DB_NAME_ALT)
			continue;
		if (strcmp(mn->cands[j].place.country, t->country) != 0)
			return 0;
		/* (Towns only: Auckland the city, region and district is one name.) */
		if (mn->cands[j].place.kind == DB_KIND_PLACE && ++n > QUAL_DISTINCT_PLACES)
			return 0;
	}
	return 1;
}

int rule_qualifier_mismatch_accepts(const struct dstate *ds, const struct detect_cand *c)
{
	const struct mention *mn = detect_mention(ds, c);

	if (!mn || mn->qualifier < 0 || ds->rs->rm[c->m].qual == RESOLVE_QUAL_HOLDS || c->alt->rel == RESOLVE_REL_DEMONYM)
		return 0;
	/* What a qualifier qualifies is a town or a county ("Odesa, Russia"
	 * is the city, not its oblast), or a state the writer read as one
	 * and put in a country ("California, Canada"). */
	if (c->alt->place->kind != DB_KIND_PLACE && c->alt->place->kind != DB_KIND_ADMIN2 &&
	    !(c->alt->place->kind == DB_KIND_ADMIN1 && (mn->flags & MATCH_STATE_QUAL)))
		return 0;
	/* A state put in a country is the state, not a town that carries
	 * its name only as an alternate one ("Aichi" for Okazaki). */
	if ((mn->flags & MATCH_STATE_QUAL) && c->alt->place->kind == DB_KIND_PLACE && c->alt->name_kind == DB_NAME_ALT)
		return 0;
	/* The name is right and the region wrong (the same name elsewhere,
	 * or the region's look-alike holds it), or the region is right and
	 * the name a look-alike of a place in it: one slip, not two. */
	return c->alt->rel == RESOLVE_REL_ELSEWHERE || c->alt->rel == RESOLVE_REL_REGION_ALIKE ||
	       c->x[F_T_IN_QUAL] > 0;
}

/*
 * A name the gazetteer lacks is never an error: "HOLLIDAY, Mo." names a
 * village below its 500 people as likely as a slip for Holliday, Texas.
 * Where the story gives the place elsewhere nothing at all (not the place,
 * not its state, not places near it), the finding is a note that says
 * what the gazetteer covers, unless the place elsewhere is a city of
 * QUAL_RULED_OUT_POP in the same country or next door.
 */
int rule_qualifier_mismatch_cap(const struct dstate *ds, const struct detect_cand *c)
{
	const struct resolve_state *rs = ds->rs;
	const struct mention *mn = detect_mention(ds, c);
	const struct db_place *t = c->alt->place, *reg = &rs->mr->m[mn->qualifier].cands[0].place;
	int near_region = strcmp(t->country, reg->country) == 0 || resolve_neighbours(rs, t->country, reg->country);

	if (county_nearby(t, reg))
		return DETECT_SEV_SUGGESTION;
	/* Where T lies in the region written (the name would be the slip,
	 * the region right), what the story says of that region is what the
	 * writer's own qualifier says: support for T is only what names T
	 * itself or places near it.  (GeoVirus: "Bradford, Ontario", a town
	 * cities500 lacks, in a story that names Ontario thrice, was an
	 * error for Brantford.) */
	if (c->x[F_T_IN_QUAL] > 0 ? c->x[F_T_SAME] > 0 || c->x[F_T_WRITTEN] > 0 || c->x[F_T_NEAR] > 0
				  : c->x[F_T_STRONG] > 0 || c->x[F_T_SAME] > 0 || c->x[F_T_WRITTEN] > 0)
		return DETECT_SEV_ERROR;
	/* A city this big next door would be in the gazetteer if the region
	 * had one of its name ("Odesa, Russia", "Mombasa, Tanzania"). */
	if (t->kind == DB_KIND_COUNTRY || (t->population >= QUAL_RULED_OUT_POP && near_region))
		return DETECT_SEV_ERROR;
	/* A state or province as populous as this is one the writer knew
	 * by name ("California, Canada", "Fujian, Hong Kong"); a small
	 * region may be one the gazetteer names otherwise ("St Thomas,
	 * Jamaica" is the parish GeoNames calls "Saint Thomas Parish"). */
	if (t->kind == DB_KIND_ADMIN1 && t->population >= QUAL_STATE_RULED_OUT_POP)
		return DETECT_SEV_ERROR;
	/* A known town whose name only its own country uses, and the
	 * qualifier's whole country never
	 * uses at any size the gazetteer lists ("Cannes, Belgium",
	 * "Sapporo, North Korea"): an unlisted village of that name is far
	 * less likely than the slip.  "Ames, Wis." stays a note: Ames,
	 * Texas shows the name in use in the country; so does "DELHI,
	 * Ont.": a name settlers carried to other countries (Delhi, New
	 * York) may have a village in one more. */
	if (rs->rm[c->m].qual == RESOLVE_QUAL_NOT && !rs->rm[c->m].qual_country_has &&
	    t->population >= QUAL_KNOWN_TOWN_POP && c->alt->name_kind != DB_NAME_ALT && one_country_name(mn, t))
		return DETECT_SEV_ERROR;
	return DETECT_SEV_SUGGESTION;
}

void rule_qualifier_mismatch_describe(const struct dstate *ds, const struct detect_cand *c, struct finding *f)
{
	const struct resolve_state *rs = ds->rs;
	const struct mention *mn = detect_mention(ds, c);
	const struct mention *q = &rs->mr->m[mn->qualifier];
	const struct db_place *reg = &q->cands[0].place, *t = c->alt->place;
	/* A country qualifier gets a country answer ("No Lyon lies in
	 * Italy; Lyon is in France"), a state one the state. */
	int by_country = reg->kind == DB_KIND_COUNTRY;
	/* (A region named as a qualifier by its own name: a county that
	 * groups units of a state, "Merseyside", is no state of its own in
	 * the admin codes, and its admin1 names England.) */
	int group = db_place_is_admin2_group(reg);
	/* (So is a British or Irish county: "Lewes, West Sussex".) */
	const char *region = by_country ? resolve_country_name(rs, reg->country)
			     : group || reg->kind == DB_KIND_ADMIN2 ? reg->name : detect_where(ds, reg);
	const char *t_where = by_country ? resolve_country_name(rs, t->country) : detect_where(ds, t);
	/* A county written, a county answered ("No Truro lies in Devon;
	 * Truro is in Cornwall"); and the name as written, where the
	 * reading is the same name's other place (GeoNames calls Killarney
	 * "Cill Airne"), unless it is a dateline's capitals ("PORTLAND"). */
	const char *t_name = (c->alt->rel == RESOLVE_REL_ELSEWHERE || c->alt->rel == RESOLVE_REL_REGION_ALIKE) &&
				     !(rs->s->toks[mn->tok_start].flags & SCAN_ALLCAPS)
			     ? mn->surface
			     : t->name;
	const char *check = f->sev != DETECT_SEV_SUGGESTION ? ""
			    : county_nearby(t, reg)
				    ? arena_printf(ds->a, "; check the county: %s may be the town's historic or postal one", reg->name)
				    : "; check the place: the gazetteer may lack a small one (`placecheck query` says which lists it searched)";

	if (reg->kind == DB_KIND_ADMIN2 && t->kind == DB_KIND_PLACE && strcmp(t->country, reg->country) == 0) {
		const char *cty = resolve_admin2_name(rs, t->country, t->admin1, t->admin2);
		if (cty[0])
			t_where = cty;
	}

	/* The finding spans the name and its qualifier. */
	f->length = q->off + q->len - mn->off;
	f->reading = detect_dplace(ds, reg);
	if (c->alt->rel == RESOLVE_REL_REGION_ALIKE && c->alt->via) {
		f->suggestion = arena_printf(ds->a, "%s, %s", t_name, c->alt->via->name);
		f->message = arena_printf(ds->a, "No %s lies in %s; %s is in %s%s%s", t_name, detect_in_prose(ds, region),
					  t_name, detect_in_prose(ds, c->alt->via->name), check, detect_quoted_note(f));
	} else if (c->x[F_T_IN_QUAL]) {
		f->suggestion = detect_label(ds, t);
		f->message = arena_printf(ds->a, "No place called %s lies in %s. In %s: %s%s%s", mn->surface,
					  detect_in_prose(ds, region), detect_in_prose(ds, region), t_name, check,
					  detect_quoted_note(f));
	} else if (rs->rm[c->m].qual == RESOLVE_QUAL_HAMLET && rs->rm[c->m].qual_hamlet) {
		const struct db_in_region *h = rs->rm[c->m].qual_hamlet;
		f->suggestion = detect_label(ds, t);
		f->message = arena_printf(ds->a, "The only %s in %s is %s (%lld people); this story is about %s%s%s",
					  mn->surface, region, h->name, (long long)h->population, t->name, check,
					  detect_quoted_note(f));
	} else if (group && c->alt->county) {
		/* A county written, a county answered: "Sunderland, Tyne and
		 * Wear", not "Sunderland, England". */
		f->suggestion = arena_printf(ds->a, "%s, %s", t_name, c->alt->county->name);
		f->message = arena_printf(ds->a, "No %s lies in %s; %s is in %s%s%s", t_name, detect_in_prose(ds, region),
					  t_name, detect_in_prose(ds, c->alt->county->name), check, detect_quoted_note(f));
	} else {
		/* The name with its country, whether the reading is the town
		 * or the county of the same name ("Auckland, New Zealand"); a
		 * county with its state or nation ("Cardiff, Wales"): the
		 * qualifier's slot, filled right. */
		f->suggestion = (by_country && (t->kind == DB_KIND_PLACE || t->kind == DB_KIND_ADMIN2 || t->kind == DB_KIND_ADMIN1)) ||
						(t->kind == DB_KIND_ADMIN2 && t_where[0])
					? arena_printf(ds->a, "%s, %s", t_name, t_where)
					: detect_label(ds, t);
		f->message = arena_printf(ds->a, "No %s lies in %s; %s is in %s%s%s", t_name, detect_in_prose(ds, region),
					  t_name, detect_in_prose(ds, t_where), check, detect_quoted_note(f));
	}
}
