/*
 * load_postal.c: a layer of postal places ("# placecheck-data: postal v1",
 * geodata/postal-us.tsv.gz): towns a postal service knows, below the size
 * GeoNames' cities500 lists (Holliday, Missouri, about 150 people).
 *
 *   COUNTRY  ADMIN1CODE  NAME  LAT  LON
 *
 * A postal place that names a populated place already loaded (this load's
 * GeoNames rows, or an --add's old database) in the same country and
 * admin1 region, within LOAD_POSTAL_MERGE_KM, is that place: it is merged
 * (counted, no row added), so a town is never listed twice.  The others
 * become places rows with feature code DB_FCODE_POSTAL, no population and
 * a stable id (db.h); their name is a main name, not prominent (no
 * look-alikes are made from a village nobody has heard of).
 *
 * Postal files load after every other place table (enum load_kind), so
 * the rows they merge with are all in.  The merge index holds the
 * populated places of the countries the postal rows name, read from the
 * database once per country (db_build_scan_places): its memory follows
 * those countries' places, not the size of the load.  An --add of a
 * GeoNames table to a database that already holds postal places does not
 * merge them (the postal rows are there first): load the postal file with
 * the tables, as `make db` does.
 */
#include "load/load_int.h"

#include "base/xmem.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * How far a postal place may lie from a populated place of the same name
 * in the same state and still be that place.  A ZIP code's point is the
 * middle of its delivery area, which for a rural ZIP lies several
 * kilometres from the village: in the bundled data, 14,186 city/state
 * pairs lie within 5 km of the cities500 place of that name, 933 more
 * within 10 km, 201 between 10 and 25 km (neighbouring places of one
 * name among them).
 */
#define LOAD_POSTAL_MERGE_KM 10.0
#define LOAD_POSTAL_EARTH_KM 6371.0088
/* A place name longer than this is not a town's (the longest US one is 40). */
#define LOAD_POSTAL_MAX_NAME 200
/* Countries whose places the merge index holds (one scan each). */
#define LOAD_POSTAL_MAX_COUNTRIES 64
/* Countries named in one file's layer label ("US, PR postal places"). */
#define LOAD_POSTAL_LABEL_COUNTRIES 8

/* One populated place in the merge index. */
struct postal_ent {
	uint64_t h;    /* hash of admin1 "\x1f" key */
	size_t text;   /* offset of admin1 "\x1f" key in the index text */
	double lat, lon;
	size_t next;   /* index + 1 of the next entry of the same slot, 0 = end */
};

struct load_postal {
	struct postal_ent *v;
	size_t n, cap;
	size_t *slot;          /* index + 1 of the first entry, 0 = empty */
	size_t n_slot;         /* a power of two */
	struct buf text;
	char scanned[LOAD_POSTAL_MAX_COUNTRIES][3];
	size_t n_scanned;
	/* the countries of the file being read, for its layer label */
	const struct load_file_stats *file;
	char file_cc[LOAD_POSTAL_LABEL_COUNTRIES][3];
	size_t n_file_cc;
	int file_more;
	struct buf scratch;    /* admin1 "\x1f" key of a lookup */
};

static uint64_t fnv1a(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static double km_between(double lat1, double lon1, double lat2, double lon2)
{
	const double rad = M_PI / 180.0;
	double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
	double a = sin(dlat / 2) * sin(dlat / 2) +
		   cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);

	return 2 * LOAD_POSTAL_EARTH_KM * asin(sqrt(a < 1 ? a : 1));
}

static void index_grow(struct load_postal *ps)
{
	size_t i, n = ps->n_slot ? ps->n_slot * 2 : 1024;

	free(ps->slot);
	ps->slot = xcalloc(n, sizeof *ps->slot);
	ps->n_slot = n;
	for (i = 0; i < ps->n; i++) {
		size_t s = (size_t)ps->v[i].h & (n - 1);
		ps->v[i].next = ps->slot[s];
		ps->slot[s] = i + 1;
	}
}

/* Add the place at LAT,LON whose admin1 "\x1f" key is AK (LEN bytes). */
static void index_add(struct load_postal *ps, const char *ak, size_t len, double lat, double lon)
{
	struct postal_ent *e;
	size_t s;

	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 1024;
		ps->v = xreallocarray(ps->v, ps->cap, sizeof *ps->v);
	}
	if ((ps->n + 1) * 4 > ps->n_slot * 3)
		index_grow(ps);
	e = &ps->v[ps->n];
	e->h = fnv1a(ak, len);
	e->text = ps->text.len;
	buf_append(&ps->text, ak, len);
	buf_putc(&ps->text, '\0');
	e->lat = lat;
	e->lon = lon;
	s = (size_t)e->h & (ps->n_slot - 1);
	e->next = ps->slot[s];
	ps->slot[s] = ++ps->n;
}

/* Does a place with admin1 "\x1f" key AK lie within the merge distance? */
static int index_near(const struct load_postal *ps, const char *ak, size_t len, double lat,
		      double lon)
{
	uint64_t h = fnv1a(ak, len);
	size_t i;

	if (!ps->n_slot)
		return 0;
	for (i = ps->slot[(size_t)h & (ps->n_slot - 1)]; i; i = ps->v[i - 1].next) {
		const struct postal_ent *e = &ps->v[i - 1];
		if (e->h == h && strcmp(ps->text.data + e->text, ak) == 0 &&
		    km_between(lat, lon, e->lat, e->lon) <= LOAD_POSTAL_MERGE_KM)
			return 1;
	}
	return 0;
}

/* admin1 "\x1f" db_key(NAME) into OUT; 0 when the name has no key. */
static int admin_key(struct buf *out, const char *admin1, const char *name)
{
	size_t start;

	buf_reset(out);
	buf_puts(out, admin1 ? admin1 : "");
	buf_putc(out, '\x1f');
	start = out->len;
	if (db_key(name, strlen(name), out) != PC_OK || out->len == start)
		return 0;
	return 1;
}

/* db_build_scan_places callback: index a place's name and ASCII name. */
static enum pc_rc index_place(void *ud, const struct db_build_place *p, struct diag *d)
{
	struct load_postal *ps = ud;

	(void)d;
	if (admin_key(&ps->scratch, p->admin1, p->name))
		index_add(ps, ps->scratch.data, ps->scratch.len, p->lat, p->lon);
	if (p->asciiname && strcmp(p->asciiname, p->name) != 0 &&
	    admin_key(&ps->scratch, p->admin1, p->asciiname))
		index_add(ps, ps->scratch.data, ps->scratch.len, p->lat, p->lon);
	return PC_OK;
}

/* Index COUNTRY's populated places the first time a row names it. */
static enum pc_rc scan_country(struct loader *L, struct load_postal *ps, const char *country,
			       struct diag *d)
{
	size_t i;

	for (i = 0; i < ps->n_scanned; i++)
		if (strcmp(ps->scanned[i], country) == 0)
			return PC_OK;
	if (ps->n_scanned == LOAD_POSTAL_MAX_COUNTRIES)
		return diag_set(d, PC_ERR_LIMIT, L->cur_path, 0, 0,
				"postal places of more than %d countries in one load",
				LOAD_POSTAL_MAX_COUNTRIES);
	memcpy(ps->scanned[ps->n_scanned++], country, 3);
	return db_build_scan_places(L->build, country, index_place, ps, d);
}

/* The file's layer label: "US postal places", "US, PR postal places". */
static void note_country(struct loader *L, struct load_postal *ps, const char *country)
{
	size_t i, len = 0;
	char *out = L->cur->layer;

	if (ps->file != L->cur) {
		ps->file = L->cur;
		ps->n_file_cc = 0;
		ps->file_more = 0;
	}
	for (i = 0; i < ps->n_file_cc; i++)
		if (strcmp(ps->file_cc[i], country) == 0)
			return;
	if (ps->n_file_cc == LOAD_POSTAL_LABEL_COUNTRIES) {
		ps->file_more = 1;
	} else {
		memcpy(ps->file_cc[ps->n_file_cc++], country, 3);
	}
	for (i = 0; i < ps->n_file_cc; i++)
		len += (size_t)snprintf(out + len, sizeof L->cur->layer - len, "%s%s", i ? ", " : "",
					ps->file_cc[i]);
	snprintf(out + len, sizeof L->cur->layer - len, "%s postal places",
		 ps->file_more ? " and other" : "");
}

/* A stable id for the postal place keyed AK in COUNTRY that the build does not hold. */
static int64_t postal_id(struct loader *L, const char *country, const char *ak, size_t len)
{
	uint64_t h = fnv1a(ak, len) ^ (fnv1a(country, strlen(country)) * 31);
	int64_t off = (int64_t)(h % (uint64_t)DB_POSTAL_ID_SPAN), n;

	for (n = 0; n < DB_POSTAL_ID_SPAN; n++) {
		int64_t id = DB_POSTAL_ID_BASE + (off + n) % DB_POSTAL_ID_SPAN;
		if (db_build_place_seen(L->build, id) == DB_SEEN_NONE)
			return id;
	}
	return 0; /* not reached: the span is far larger than any load */
}

static int is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

static int is_iso2(const char *s)
{
	return s && strlen(s) == 2 && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]);
}

enum pc_rc load_row_postal(struct loader *L, char **f, size_t n, unsigned long line,
			   struct diag *d)
{
	struct load_postal *ps;
	struct db_build_place p;
	enum pc_rc rc;
	int skipped;

	if (!L->postal) {
		L->postal = xcalloc(1, sizeof *L->postal);
		buf_init(&L->postal->text, 0);
		buf_init(&L->postal->scratch, LOAD_MAX_KEY);
	}
	ps = L->postal;
	if (n < 5)
		return load_bad_row(L, line, d, "expected 5 tab-separated fields (COUNTRY ADMIN1 "
				    "NAME LAT LON), found %zu", n);
	if (!is_iso2(f[0]))
		return load_bad_row(L, line, d, "bad ISO country code: '%s'", f[0] ? f[0] : "");
	if (!f[1] || strlen(f[1]) > 20 || strchr(f[1], '.') || strchr(f[1], '\x1f'))
		return load_bad_row(L, line, d, "bad admin1 code: '%s'", f[1] ? f[1] : "");
	if (!f[2])
		return load_bad_row(L, line, d, "empty name");
	if (strlen(f[2]) > LOAD_POSTAL_MAX_NAME)
		return load_bad_row(L, line, d, "name longer than %d bytes", LOAD_POSTAL_MAX_NAME);
	memset(&p, 0, sizeof p);
	if (!load_parse_real(f[3], &p.lat) || p.lat < -90 || p.lat > 90)
		return load_bad_row(L, line, d, "latitude out of range: '%s'", f[3] ? f[3] : "");
	if (!load_parse_real(f[4], &p.lon) || p.lon < -180 || p.lon > 180)
		return load_bad_row(L, line, d, "longitude out of range: '%s'", f[4] ? f[4] : "");
	if (!admin_key(&ps->scratch, f[1], f[2]))
		return load_bad_row(L, line, d, "the name has no letters: '%s'", f[2]);
	if ((rc = scan_country(L, ps, f[0], d)) != PC_OK)
		return rc;
	/* admin_key again: the scan used the scratch buffer. */
	admin_key(&ps->scratch, f[1], f[2]);
	note_country(L, ps, f[0]);
	if (index_near(ps, ps->scratch.data, ps->scratch.len, p.lat, p.lon)) {
		L->cur->left_out++;
		return PC_OK;
	}
	p.id = postal_id(L, f[0], ps->scratch.data, ps->scratch.len);
	p.name = f[2];
	p.asciiname = is_ascii(f[2]) ? f[2] : NULL;
	p.fclass = "P";
	p.fcode = DB_FCODE_POSTAL;
	p.country = f[0];
	p.admin1 = f[1];
	if ((rc = load_put_place(L, &p, line, &skipped, d)) != PC_OK || skipped)
		return rc;
	index_add(ps, ps->scratch.data, ps->scratch.len, p.lat, p.lon);
	L->cur->rows++;
	return load_add_name(L, p.id, DB_NAME_MAIN, p.name, d);
}

void load_postal_free(struct load_postal *ps)
{
	if (!ps)
		return;
	free(ps->v);
	free(ps->slot);
	buf_free(&ps->text);
	buf_free(&ps->scratch);
	free(ps);
}
