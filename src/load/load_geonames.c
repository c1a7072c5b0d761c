/*
 * load_geonames.c: rows of GeoNames' own files: the main table
 * (allCountries.txt, citiesN.txt, XX.txt), admin1CodesASCII.txt,
 * admin2Codes.txt, countryInfo.txt and alternateNamesV2.txt.
 *
 * Names of a place: its name (DB_NAME_MAIN), its ASCII name (ASCII) and
 * its alternate names (ALT), each stored once per place under its best
 * kind (a lookup keeps the best kind anyway).  Alternate names that are
 * junk for reading English copy are dropped (load_alt_ok).
 */
#include "load/load_int.h"

#include "base/utf8.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Column numbers of the GeoNames main table. */
/* Alternate names are kept for places of at least this population. */
#define LOAD_ALT_MIN_POP 1000

enum {
	GN_ID, GN_NAME, GN_ASCII, GN_ALT, GN_LAT, GN_LON, GN_FCLASS, GN_FCODE, GN_COUNTRY,
	GN_CC2, GN_ADMIN1, GN_ADMIN2, GN_ADMIN3, GN_ADMIN4, GN_POP, GN_ELEV, GN_DEM, GN_TZ,
	GN_MODIFIED, GN_NCOLS
};

/*
 * Is an alternate name worth a names row?  Not when it has digits (postal
 * and route codes), is all capitals of 4 letters or fewer (airport and
 * station codes: "CHO" would make every "Cho" a Charlottesville), is over
 * 100 bytes, has no capital letter (GeoNames' lower-case romanisations,
 * "tian mu hu"), carries a transliteration mark for the Arabic ain or
 * hamza ("`Iraq" for Arak), or is written in a script other than Latin: the checker
 * reads English copy, and the main table's alternates are dominated by
 * other scripts (they would triple the names table for no match).
 */
static int load_alt_ok(const char *s)
{
	size_t len = strlen(s), i = 0;
	int n_letters = 0, n_lower = 0;

	if (len == 0 || len > 100)
		return 0;
	while (i < len) {
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return 0;
		i += n;
		/* "`Iraq" for Arak, Iran; "ʿAmmān": a scholar's mark for the
		 * Arabic ain or hamza.  Folded away, the rest collides with
		 * a country's own name; no English copy writes it. */
		if (cp == '`' || cp == 0x2BF || cp == 0x2BE || cp == 0x2018)
			return 0;
		if (cp < 0x80) {
			if (isdigit(cp))
				return 0;
			if (isalpha(cp)) {
				n_letters++;
				n_lower += islower(cp) != 0;
			}
			continue;
		}
		if (!utf8_is_letter(cp))
			continue;
		/* Latin-1 Supplement, Latin Extended-A/B, IPA-free; Latin Extended Additional. */
		if (!(cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF)))
			return 0;
		n_letters++;
		n_lower += utf8_is_lower(cp) != 0;
	}
	if (n_letters == 0)
		return 0;
	if (n_lower == 0 && n_letters <= 4)
		return 0;
	if (n_lower == n_letters)
		return 0;
	return 1;
}

enum pc_rc load_add_name(struct loader *L, int64_t place_id, int kind, const char *form,
			 struct diag *d)
{
	enum pc_rc rc;

	buf_reset(&L->key);
	if (db_key(form, strlen(form), &L->key) != PC_OK || L->key.len == 0)
		return PC_OK;
	rc = db_build_name(L->build, buf_str(&L->key), place_id, kind, form, d);
	if (rc == PC_OK && L->cur)
		L->cur->names++;
	return rc;
}

/*
 * The names of one main-table row as records in OUT, deduplicated by key
 * within the row (the first, best kind wins).  A record is a kind byte
 * (with LOAD_NAME_PROMINENT on the keys that take part in look-alikes),
 * the key, NUL, the form, NUL.  SEEN holds the offsets of the row's keys.
 */
#define LOAD_NAME_PROMINENT 0x80

struct row_names {
	struct buf *out;
	size_t n_seen;
	size_t seen_off[512];
};

static void row_name(struct row_names *r, int kind, const char *form)
{
	struct buf *out = r->out;
	size_t i, klen, start, kstart;
	const char *key;

	if (!form || !form[0])
		return;
	start = out->len;
	if (buf_putc(out, (char)kind) != PC_OK)
		return;
	kstart = out->len;
	if (db_key(form, strlen(form), out) != PC_OK || out->len == kstart ||
	    out->len - kstart > 400 || buf_putc(out, '\0') != PC_OK) {
		out->len = start;
		return;
	}
	key = out->data + kstart;
	klen = out->len - kstart - 1;
	for (i = 0; i < r->n_seen; i++) {
		const char *k = out->data + r->seen_off[i];
		if (strlen(k) == klen && memcmp(k, key, klen) == 0) {
			out->len = start; /* a better kind already has it */
			return;
		}
	}
	if (buf_append(out, form, strlen(form) + 1) != PC_OK) {
		out->len = start;
		return;
	}
	if (r->n_seen < sizeof r->seen_off / sizeof r->seen_off[0])
		r->seen_off[r->n_seen++] = kstart;
}

enum pc_rc load_parse_fclasses(const char *arg, unsigned *mask, struct diag *d)
{
	const char *p;
	unsigned m = 0;

	*mask = 0;
	if (arg && strcasecmp(arg, "all") == 0) {
		*mask = LOAD_FCLASS_ALL;
		return PC_OK;
	}
	for (p = arg ? arg : ""; *p; p++) {
		int c = toupper((unsigned char)*p);
		if (*p == ',' || *p == ' ')
			continue;
		if (c > 127 || !isupper(c) || !strchr(LOAD_FCLASS_KNOWN, c)) {
			int32_t cp;
			size_t cl = utf8_decode(p, strlen(p), &cp);
			return diag_set(d, PC_ERR_USAGE, NULL, 0, 0,
					"--feature-classes: '%.*s' is not a GeoNames feature class "
					"(A, H, L, P, R, S, T, U, V, or all)",
					(int)(cl ? cl : 1), p);
		}
		m |= LOAD_FCLASS_BIT(c);
	}
	if (!m)
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0,
				"--feature-classes: no class given (for example P,A, or all)");
	*mask = m;
	return PC_OK;
}

/* Is a row of feature class FCLASS (NULL: none) kept under MASK? */
static int fclass_kept(unsigned mask, const char *fclass)
{
	if (mask == LOAD_FCLASS_ALL)
		return 1;
	if (!fclass || fclass[1] || fclass[0] < 'A' || fclass[0] > 'Z')
		return 0;
	return (mask & LOAD_FCLASS_BIT(fclass[0])) != 0;
}

enum pc_rc load_row_geonames(struct loader *L, char **f, size_t n, unsigned long line,
			     struct diag *d)
{
	struct db_build_place p;
	enum pc_rc rc;
	int64_t pop = 0;
	int prominent, skipped;
	char *alt;

	if (n != GN_NCOLS)
		return load_bad_row(L, line, d, "expected %d tab-separated fields, found %zu",
				    GN_NCOLS, n);
	if (!fclass_kept(L->opts->fclasses ? L->opts->fclasses : LOAD_FCLASS_DEFAULT,
			 f[GN_FCLASS])) {
		L->cur->left_out++;
		return PC_OK;
	}
	memset(&p, 0, sizeof p);
	if (!load_parse_int(f[GN_ID], &p.id) || p.id <= 0)
		return load_bad_row(L, line, d, "geonameid is not a positive number: '%s'",
				    f[GN_ID] ? f[GN_ID] : "");
	if (!f[GN_NAME])
		return load_bad_row(L, line, d, "empty name");
	if (!load_parse_real(f[GN_LAT], &p.lat) || p.lat < -90 || p.lat > 90)
		return load_bad_row(L, line, d, "latitude out of range: '%s'",
				    f[GN_LAT] ? f[GN_LAT] : "");
	if (!load_parse_real(f[GN_LON], &p.lon) || p.lon < -180 || p.lon > 180)
		return load_bad_row(L, line, d, "longitude out of range: '%s'",
				    f[GN_LON] ? f[GN_LON] : "");
	if (f[GN_POP]) {
		if (!load_parse_int(f[GN_POP], &pop) || pop < 0)
			return load_bad_row(L, line, d, "population is not a number: '%s'", f[GN_POP]);
		if (pop > LOAD_MAX_POPULATION)
			return load_bad_row(L, line, d, "population over %lld: '%s'",
					    (long long)LOAD_MAX_POPULATION, f[GN_POP]);
		p.population = pop;
		p.has_population = 1;
	}
	p.has_elevation = load_parse_int(f[GN_ELEV], &p.elevation);
	p.has_dem = load_parse_int(f[GN_DEM], &p.dem);
	p.name = f[GN_NAME];
	p.asciiname = f[GN_ASCII];
	p.fclass = f[GN_FCLASS];
	p.fcode = f[GN_FCODE];
	p.country = f[GN_COUNTRY];
	p.cc2 = f[GN_CC2];
	p.admin1 = f[GN_ADMIN1];
	p.admin2 = f[GN_ADMIN2];
	p.admin3 = f[GN_ADMIN3];
	p.admin4 = f[GN_ADMIN4];
	p.timezone = f[GN_TZ];
	p.modified = f[GN_MODIFIED];
	if ((rc = load_emit_place(L, &p, line, &skipped, d)) != PC_OK || skipped)
		return rc;
	L->cur->rows++;

	prominent = load_is_prominent(p.fcode, pop);
	/*
	 * Alternate names of small places (under LOAD_ALT_MIN_POP and not an
	 * admin seat) are mostly transliterations; news copy names villages by
	 * their main name.  Skipping them halves the names table.
	 */
	if (pop < LOAD_ALT_MIN_POP && !(p.fcode && strncmp(p.fcode, "PPLA", 4) == 0) &&
	    !(p.fcode && strcmp(p.fcode, "PPLC") == 0))
		alt = NULL;
	else
		alt = f[GN_ALT];
	return load_emit_row_names(L, p.id, p.name, p.asciiname, alt, prominent, d);
}

size_t load_fold_row_names(const char *name, const char *ascii, char *alts, int prominent,
			   struct buf *out)
{
	struct row_names rn;
	char *alt, *comma;
	size_t i;

	rn.out = out;
	rn.n_seen = 0;
	row_name(&rn, DB_NAME_MAIN, name);
	row_name(&rn, DB_NAME_ASCII, ascii);
	/* The main and ASCII keys (the first two seen) take part in look-alikes. */
	for (i = 0; prominent && i < rn.n_seen; i++)
		out->data[rn.seen_off[i] - 1] |= (char)LOAD_NAME_PROMINENT;
	for (alt = alts; alt && *alt; alt = comma ? comma + 1 : NULL) {
		comma = strchr(alt, ',');
		if (comma)
			*comma = '\0';
		if (load_alt_ok(alt))
			row_name(&rn, DB_NAME_ALT, alt);
		if (!comma)
			break;
	}
	return rn.n_seen;
}

enum pc_rc load_add_row_names(struct loader *L, int64_t id, const char *rec, size_t n,
			      struct diag *d)
{
	enum pc_rc rc;

	for (; n > 0; n--) {
		int kind = (unsigned char)rec[0] & ~LOAD_NAME_PROMINENT;
		const char *key = rec + 1, *form = key + strlen(key) + 1;
		if ((unsigned char)rec[0] & LOAD_NAME_PROMINENT)
			db_build_prominent_add(L->build, key, id, 0);
		if ((rc = db_build_name(L->build, key, id, kind, form, d)) != PC_OK)
			return rc;
		if (L->cur)
			L->cur->names++;
		rec = form + strlen(form) + 1;
	}
	return PC_OK;
}

static enum pc_rc admin_row(struct loader *L, int level, char **f, size_t n,
			    unsigned long line, struct diag *d)
{
	int64_t gid = 0;
	enum pc_rc rc;
	const char *code = f[0];
	int dots = 0;

	if (n != 4)
		return load_bad_row(L, line, d, "expected 4 tab-separated fields, found %zu", n);
	if (code)
		for (const char *c = code; *c; c++)
			dots += *c == '.';
	if (!code || dots != level || strlen(code) < 4 || code[2] != '.')
		return load_bad_row(L, line, d, "bad admin%d code: '%s'", level, code ? code : "");
	if (!f[1])
		return load_bad_row(L, line, d, "empty name");
	if (f[3] && !load_parse_int(f[3], &gid))
		return load_bad_row(L, line, d, "geonameid is not a number: '%s'", f[3]);
	rc = db_build_admin(L->build, level, code, f[1], f[2], gid, d);
	if (rc == PC_OK)
		L->cur->rows++;
	return rc;
}

enum pc_rc load_row_admin1(struct loader *L, char **f, size_t n, unsigned long line,
			   struct diag *d)
{
	return admin_row(L, 1, f, n, line, d);
}

enum pc_rc load_row_admin2(struct loader *L, char **f, size_t n, unsigned long line,
			   struct diag *d)
{
	return admin_row(L, 2, f, n, line, d);
}

enum pc_rc load_row_countryinfo(struct loader *L, char **f, size_t n, unsigned long line,
				struct diag *d)
{
	int64_t pop = -1, gid = 0;
	enum pc_rc rc;

	if (n != 19)
		return load_bad_row(L, line, d, "expected 19 tab-separated fields, found %zu", n);
	if (!f[0] || strlen(f[0]) != 2 || !isupper((unsigned char)f[0][0]) ||
	    !isupper((unsigned char)f[0][1]))
		return load_bad_row(L, line, d, "bad ISO code: '%s'", f[0] ? f[0] : "");
	if (!f[4])
		return load_bad_row(L, line, d, "empty country name");
	if (f[7] && (!load_parse_int(f[7], &pop) || pop < 0 || pop > LOAD_MAX_POPULATION))
		return load_bad_row(L, line, d, "population is not a number from 0 to %lld: '%s'",
				    (long long)LOAD_MAX_POPULATION, f[7]);
	if (f[16] && !load_parse_int(f[16], &gid))
		return load_bad_row(L, line, d, "geonameid is not a number: '%s'", f[16]);
	rc = db_build_country(L->build, f[0], f[1], f[4], f[5], f[8], pop, f[17], gid, d);
	if (rc == PC_OK)
		L->cur->rows++;
	return rc;
}

/*
 * Which names of the alternateNames file are kept, by their isolanguage:
 *   "en"    English names ("Munich", "Lisbon", "Queen City"): kept when
 *           they pass load_alt_ok, as DB_NAME_ALT;
 *   "abbr"  abbreviations ("C-ville", "NYC"): kept as DB_NAME_ABBREV,
 *           colloquial ones too (an abbreviation is how copy writes them);
 *   ""      no language: mostly variant spellings of the main name (the
 *           US GNIS variants, romanisations); kept when they pass
 *           load_alt_ok (Latin script, capitalised, no digits), the filter
 *           the main table's own alternate names go through;
 *   other   dropped: another language's name is not how English copy
 *           writes the place (the main table's alternatenames column
 *           still brings the Latin-script ones of places of 1,000 people
 *           or more, for reading), and the pseudo-languages (link, wkdt,
 *           post, iata, icao, faac, fr_1793, tcid, unlc, phon) are codes.
 * Historic names (isHistoric) are dropped whatever their language, and
 * colloquial names (isColloquial: "Big Apple", "Queen City") unless they
 * are abbreviations: a nickname is not the place's name, and as a name it
 * would make "the Big Apple" a place reading of the words "Big Apple".
 */
#define LOAD_ABBR_MAX 32 /* bytes: "Wash. D.C." fits, a sentence does not */

enum { ALT_ID, ALT_GID, ALT_LANG, ALT_NAME, ALT_PREFERRED, ALT_SHORT, ALT_COLLOQUIAL,
       ALT_HISTORIC };

enum pc_rc load_row_altnames(struct loader *L, char **f, size_t n, unsigned long line,
			     struct diag *d)
{
	int64_t aid, gid;
	int exists = 0, kind;
	enum pc_rc rc;
	const char *lang, *name;

	if (n < 8 || n > 10)
		return load_bad_row(L, line, d, "expected 8 to 10 tab-separated fields, found %zu", n);
	if (!load_parse_int(f[ALT_ID], &aid) || !load_parse_int(f[ALT_GID], &gid) || gid <= 0)
		return load_bad_row(L, line, d, "alternateNameId or geonameid is not a number");
	if (!(name = f[ALT_NAME]))
		return load_bad_row(L, line, d, "empty name");
	lang = f[ALT_LANG] ? f[ALT_LANG] : "";
	if (f[ALT_HISTORIC] && strcmp(f[ALT_HISTORIC], "1") == 0)
		goto left_out;
	if (f[ALT_COLLOQUIAL] && strcmp(f[ALT_COLLOQUIAL], "1") == 0 && strcmp(lang, "abbr") != 0)
		goto left_out;
	if (strcmp(lang, "abbr") == 0) {
		if (strlen(name) > LOAD_ABBR_MAX)
			goto left_out;
		kind = DB_NAME_ABBREV;
	} else if (strcmp(lang, "en") == 0 || !*lang) {
		if (!load_alt_ok(name))
			goto left_out;
		kind = DB_NAME_ALT;
	} else {
		goto left_out;
	}
	if ((rc = db_build_place_exists(L->build, gid, &exists, d)) != PC_OK)
		return rc;
	if (!exists)
		goto left_out; /* a name of a place this load does not hold */
	if ((rc = load_add_name(L, gid, kind, name, d)) == PC_OK)
		L->cur->rows++;
	return rc;
left_out:
	L->cur->left_out++;
	return PC_OK;
}
