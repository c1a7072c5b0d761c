/*
 * query_region.c: what the user typed, made into regions and points:
 * a REGION argument (a country, a first-level region, or an English
 * ceremonial county, a group of admin2 units), "NAME, REGION", and
 * "LAT,LON".
 */
#include "query/query_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Most regions one text may mean ("Georgia": a state and a country). */
#define QUERY_MAX_REGIONS 8

/* Fill R from a country code and optional admin1 code; 0 if unknown. */
static int region_from_codes(struct db *db, const char *country, const char *admin1,
			     struct query_region *r)
{
	memset(r, 0, sizeof *r);
	query_copy(r->country, sizeof r->country, country);
	if (admin1 && admin1[0]) {
		query_copy(r->admin1, sizeof r->admin1, admin1);
		db_admin1_name(db, country, admin1, r->name, sizeof r->name);
		r->kind = DB_KIND_ADMIN1;
	} else {
		db_country_name(db, country, r->name, sizeof r->name);
		r->kind = DB_KIND_COUNTRY;
	}
	if (!r->name[0])
		return 0;
	if (r->admin1[0])
		db_lookup_abbrev(db, country, r->admin1, r->label, sizeof r->label);
	if (!r->label[0])
		query_copy(r->label, sizeof r->label, r->name);
	r->place_id = db_region_place_id(db, country, r->admin1);
	return 1;
}

/*
 * Fill R from G, a county group row (db.h DB_FCODE_ADMIN2_GROUP): a region
 * of its admin1 named for itself, holding its members' places only.
 */
static void region_from_group(const struct db_place *g, struct query_region *r)
{
	memset(r, 0, sizeof *r);
	query_copy(r->country, sizeof r->country, g->country);
	query_copy(r->admin1, sizeof r->admin1, g->admin1);
	query_copy(r->name, sizeof r->name, g->name);
	query_copy(r->label, sizeof r->label, g->name);
	query_copy(r->admin2s, sizeof r->admin2s, g->admin2);
	r->kind = DB_KIND_ADMIN1;
	r->place_id = g->id;
}

static int region_listed(const struct query_region *v, size_t n, const struct query_region *r)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].country, r->country) == 0 && strcmp(v[i].admin1, r->admin1) == 0 &&
		    strcmp(v[i].admin2s, r->admin2s) == 0)
			return 1;
	return 0;
}

/* Copy S without surrounding white space into the arena. */
static char *trimmed(struct arena *a, const char *s, size_t len)
{
	while (len && isspace((unsigned char)*s))
		s++, len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	return arena_strndup(a, s, len);
}

enum pc_rc query_region_parse(struct db *db, const char *text, struct arena *a,
			      struct query_region **out, size_t *n_out, struct diag *d)
{
	struct query_region *v = arena_calloc(a, QUERY_MAX_REGIONS, sizeof *v);
	struct query_region r;
	struct db_hit *hits;
	size_t n = 0, n_hits, i, len;
	const char *t = trimmed(a, text, strlen(text)), *dot, *key;
	enum pc_rc rc;
	int pass;

	*out = v;
	*n_out = 0;
	len = strlen(t);
	if (!len)
		return PC_OK;
	/* A GeoNames admin1 code: "US.VA", "CA.07". */
	dot = strchr(t, '.');
	if (dot == t + 2 && isalpha((unsigned char)t[0]) && isalpha((unsigned char)t[1]) &&
	    dot[1] && !strchr(dot + 1, '.') && len < 20) {
		char cc[3] = { (char)toupper((unsigned char)t[0]), (char)toupper((unsigned char)t[1]), 0 };
		char a1[20];
		size_t k;
		query_copy(a1, sizeof a1, dot + 1);
		for (k = 0; a1[k]; k++)
			a1[k] = (char)toupper((unsigned char)a1[k]);
		if (region_from_codes(db, cc, a1, &r)) {
			v[n++] = r;
			*n_out = n;
			return PC_OK;
		}
	}
	/* Any name of a country or admin1 region; common names before alternates. */
	rc = query_key(t, a, &key, NULL);
	if (rc == PC_OK) {
		if ((rc = db_lookup_names(db, key, 500, a, &hits, &n_hits, d)) != PC_OK)
			return rc;
		for (pass = 0; pass < 2; pass++) {
			for (i = 0; i < n_hits && n < QUERY_MAX_REGIONS; i++) {
				const struct db_place *p = &hits[i].place;
				int alt = hits[i].name_kind == DB_NAME_ALT;
				if ((p->kind != DB_KIND_COUNTRY && p->kind != DB_KIND_ADMIN1) ||
				    alt != pass || !p->country[0])
					continue;
				if (db_place_is_admin2_group(p) && p->admin2[0])
					region_from_group(p, &r);
				else if (!region_from_codes(db, p->country,
							    p->kind == DB_KIND_ADMIN1 ? p->admin1 : NULL, &r))
					continue;
				if (!region_listed(v, n, &r))
					v[n++] = r;
			}
		}
	}
	/* An ISO country code: "AU", "gb". */
	if (len == 2 && isalpha((unsigned char)t[0]) && isalpha((unsigned char)t[1]) &&
	    n < QUERY_MAX_REGIONS) {
		char cc[3] = { (char)toupper((unsigned char)t[0]), (char)toupper((unsigned char)t[1]), 0 };
		if (region_from_codes(db, cc, NULL, &r) && !region_listed(v, n, &r))
			v[n++] = r;
	}
	*n_out = n;
	return PC_OK;
}

int query_split_qualified(struct db *db, const char *text, struct arena *a,
			  const char **name, struct query_region **regions,
			  size_t *n_regions, struct diag *d)
{
	const char *comma = strrchr(text, ',');
	const char *nm, *rg;

	*name = NULL;
	*regions = NULL;
	*n_regions = 0;
	if (!comma)
		return 0;
	nm = trimmed(a, text, (size_t)(comma - text));
	rg = trimmed(a, comma + 1, strlen(comma + 1));
	if (!nm[0] || !rg[0])
		return 0;
	if (query_region_parse(db, rg, a, regions, n_regions, d) != PC_OK || !*n_regions)
		return 0;
	*name = nm;
	return 1;
}

/* One decimal number at *P, skipping blanks first; advances *P. */
static int take_number(const char **p, double *out)
{
	char *end;

	while (isspace((unsigned char)**p))
		(*p)++;
	errno = 0;
	*out = strtod(*p, &end);
	if (end == *p || errno)
		return 0;
	*p = end;
	return 1;
}

enum pc_rc query_parse_latlon(const char *s, double *lat, double *lon, struct diag *d)
{
	const char *p = s;

	if (!take_number(&p, lat))
		goto bad;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == ',')
		p++;
	if (!take_number(&p, lon))
		goto bad;
	while (isspace((unsigned char)*p))
		p++;
	if (*p)
		goto bad;
	if (!(*lat >= -90 && *lat <= 90 && *lon >= -180 && *lon <= 180))
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0,
				"'%s': latitude must be -90..90 and longitude -180..180", s);
	return PC_OK;
bad:
	return diag_set(d, PC_ERR_USAGE, NULL, 0, 0,
			"'%s' is not LAT,LON in decimal degrees (e.g. 38.03,-78.48)", s);
}
