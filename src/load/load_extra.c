/*
 * load_extra.c: rows of our own geodata/extra files (formats in load.h):
 * country centres, short forms and demonyms; other languages' names of
 * countries; admin1 abbreviations and
 * demonyms; world regions; cue phrases; the lexicon.  Names of regions are
 * staged in the build and attached once the region rows exist.
 */
#include "base/strdist.h"
#include "load/load_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Trim spaces in place. */
static char *trim(char *s)
{
	char *e;

	while (*s == ' ')
		s++;
	e = s + strlen(s);
	while (e > s && e[-1] == ' ')
		*--e = '\0';
	return s;
}

/*
 * Call FN for each item of a list field ('|' or ';' separated; also ','
 * when COMMAS).  Edits S in place.
 */
static enum pc_rc each_item(char *s, int commas,
			    enum pc_rc (*fn)(struct loader *, const char *, void *, struct diag *),
			    struct loader *L, void *ud, struct diag *d)
{
	char *p = s, *q;
	enum pc_rc rc;

	if (!s)
		return PC_OK;
	for (;;) {
		for (q = p; *q && *q != '|' && *q != ';' && !(commas && *q == ','); q++)
			;
		{
			char c = *q;
			char *item;
			*q = '\0';
			item = trim(p);
			if (*item && (rc = fn(L, item, ud, d)) != PC_OK)
				return rc;
			if (!c)
				break;
		}
		p = q + 1;
	}
	return PC_OK;
}

struct target_kind {
	const char *target;
	int kind;
};

static enum pc_rc stage_name(struct loader *L, const char *form, void *ud, struct diag *d)
{
	const struct target_kind *tk = ud;
	enum pc_rc rc = db_build_region_name(L->build, tk->target, tk->kind, form, d);

	if (rc == PC_OK)
		L->cur->names++;
	return rc;
}

static int is_iso2(const char *s)
{
	return s && strlen(s) == 2 && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]);
}

/* countries-extra: ISO2 LAT LON DEMONYMS SHORT_FORMS [ABBREVIATIONS] */
enum pc_rc load_row_countries_extra(struct loader *L, char **f, size_t n, unsigned long line,
				    struct diag *d)
{
	char target[16];
	struct target_kind tk;
	double lat, lon;
	enum pc_rc rc;

	if (n < 3)
		return load_bad_row(L, line, d, "expected at least 3 tab-separated fields, found %zu", n);
	if (!is_iso2(f[0]))
		return load_bad_row(L, line, d, "bad ISO code: '%s'", f[0] ? f[0] : "");
	snprintf(target, sizeof target, "country:%s", f[0]);
	if (f[1] || f[2]) {
		if (!load_parse_real(f[1], &lat) || lat < -90 || lat > 90 ||
		    !load_parse_real(f[2], &lon) || lon < -180 || lon > 180)
			return load_bad_row(L, line, d, "coordinates out of range");
		if ((rc = db_build_country_point(L->build, f[0], lat, lon, d)) != PC_OK)
			return rc;
	}
	tk.target = target;
	tk.kind = DB_NAME_DEMONYM;
	if (n > 3 && (rc = each_item(f[3], 1, stage_name, L, &tk, d)) != PC_OK)
		return rc;
	tk.kind = DB_NAME_SHORT;
	if (n > 4 && (rc = each_item(f[4], 1, stage_name, L, &tk, d)) != PC_OK)
		return rc;
	/* Abbreviations ("S.A."): read like a state's, only where a region
	 * may stand (after a town and a comma, in a dateline). */
	tk.kind = DB_NAME_ABBREV;
	if (n > 5 && (rc = each_item(f[5], 1, stage_name, L, &tk, d)) != PC_OK)
		return rc;
	L->cur->rows++;
	return PC_OK;
}

/*
 * country-names-foreign: ISO2 FORM [LANGUAGES].  One form a row, never a
 * list: a form may hold a comma or an apostrophe.  It becomes an alternate
 * name of the country, so "Deutschland" reads as Germany; telling the
 * writer the English name is detection's business.  LANGUAGES is for
 * people reading the file.
 */
enum pc_rc load_row_country_names_foreign(struct loader *L, char **f, size_t n,
					  unsigned long line, struct diag *d)
{
	char target[16];
	enum pc_rc rc;

	if (n < 2)
		return load_bad_row(L, line, d, "expected ISO2<TAB>FORM[<TAB>LANGUAGES], found %zu field%s",
				    n, n == 1 ? "" : "s");
	if (!is_iso2(f[0]))
		return load_bad_row(L, line, d, "bad ISO code: '%s'", f[0] ? f[0] : "");
	buf_reset(&L->key);
	if (!f[1] || db_key(f[1], strlen(f[1]), &L->key) != PC_OK || !L->key.len)
		return load_bad_row(L, line, d, "empty name or a name with no letters: '%s'",
				    f[1] ? f[1] : "");
	snprintf(target, sizeof target, "country:%s", f[0]);
	if ((rc = db_build_region_name(L->build, target, DB_NAME_ALT, trim(f[1]), d)) != PC_OK)
		return rc;
	L->cur->names++;
	L->cur->rows++;
	return PC_OK;
}

/*
 * city-names-foreign: GEONAMEID FORM [LANGUAGES ENGLISH COUNTRY].  The
 * form becomes a DB_NAME_FOREIGN name of the city, so "Moskau" reads as
 * Moscow and resolve knows that it is another language's name, which an
 * untagged alternate name of cities500 never says.  The city is found by
 * its GeoNames id, which cities500 and the full dumps share; a load that
 * holds no such place (one country's file) leaves the row out.  The
 * other columns are for people reading the file.
 */
enum pc_rc load_row_city_names_foreign(struct loader *L, char **f, size_t n,
				       unsigned long line, struct diag *d)
{
	int64_t gid;
	int exists = 0;
	enum pc_rc rc;

	if (n < 2)
		return load_bad_row(L, line, d, "expected GEONAMEID<TAB>FORM[<TAB>...], found %zu field%s",
				    n, n == 1 ? "" : "s");
	if (!f[0] || !load_parse_int(f[0], &gid) || gid <= 0)
		return load_bad_row(L, line, d, "bad geonameid: '%s'", f[0] ? f[0] : "");
	buf_reset(&L->key);
	if (!f[1] || db_key(f[1], strlen(f[1]), &L->key) != PC_OK || !L->key.len)
		return load_bad_row(L, line, d, "empty name or a name with no letters: '%s'",
				    f[1] ? f[1] : "");
	if ((rc = db_build_place_exists(L->build, gid, &exists, d)) != PC_OK)
		return rc;
	if (!exists) {
		L->cur->left_out++;
		return PC_OK;
	}
	if ((rc = load_add_name(L, gid, DB_NAME_FOREIGN, trim(f[1]), d)) != PC_OK)
		return rc;
	L->cur->rows++;
	return PC_OK;
}

/* "admin1:CC.CODE" from a country column and an admin1 code column. */
static int admin1_target(char *out, size_t size, const char *cc, const char *code)
{
	if (!is_iso2(cc) || !code || !*code || strchr(code, '.') || strlen(code) > 40)
		return 0;
	snprintf(out, size, "admin1:%s.%s", cc, code);
	return 1;
}

/* admin1-abbrev: COUNTRY ADMIN1CODE FORM KIND(ap|postal|short) */
enum pc_rc load_row_admin1_abbrev(struct loader *L, char **f, size_t n, unsigned long line,
				  struct diag *d)
{
	char target[80];
	enum pc_rc rc;

	if (n < 3)
		return load_bad_row(L, line, d, "expected at least 3 tab-separated fields, found %zu", n);
	if (!admin1_target(target, sizeof target, f[0], f[1]))
		return load_bad_row(L, line, d, "bad country or admin1 code");
	if (!f[2])
		return load_bad_row(L, line, d, "empty abbreviation");
	if ((rc = db_build_region_name(L->build, target, DB_NAME_ABBREV, f[2], d)) != PC_OK)
		return rc;
	L->cur->names++;
	L->cur->rows++;
	return PC_OK;
}

/* admin1-demonyms: COUNTRY ADMIN1CODE DEMONYMS */
enum pc_rc load_row_admin1_demonyms(struct loader *L, char **f, size_t n, unsigned long line,
				    struct diag *d)
{
	char target[80];
	struct target_kind tk;
	enum pc_rc rc;

	if (n < 3)
		return load_bad_row(L, line, d, "expected at least 3 tab-separated fields, found %zu", n);
	if (!admin1_target(target, sizeof target, f[0], f[1]))
		return load_bad_row(L, line, d, "bad country or admin1 code");
	tk.target = target;
	tk.kind = DB_NAME_DEMONYM;
	if ((rc = each_item(f[2], 1, stage_name, L, &tk, d)) != PC_OK)
		return rc;
	L->cur->rows++;
	return PC_OK;
}

struct members {
	const char *code[300];
	size_t n;
	int bad;
	size_t n_admin2; /* members that are admin2 codes ("GB.ENG.Z7") */
};

/* The characters of GeoNames' admin codes: nothing else occurs in
 * admin1CodesASCII.txt or admin2Codes.txt. */
static const char admin_code_chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
#define ISO_ALPHA2_LEN 2
/* The longest admin1 part a place's admin1 field holds (with its NUL). */
#define ADMIN1_CODE_MAX (sizeof ((struct db_place *)0)->admin1 - 1)

/*
 * "CC.A1.A2": an ISO alpha-2 code, then two non-empty parts of capital
 * letters and digits, the first short enough for a place's admin1 field
 * (a longer one was cut there and matched no place).  Each step reads S
 * only up to where the one before stopped, so never past its NUL.
 */
static int is_admin2_code(const char *s)
{
	const char *p = s;
	size_t len;

	len = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
	if (len != ISO_ALPHA2_LEN || p[len] != '.')
		return 0;
	p += len + 1;
	len = strspn(p, admin_code_chars);
	if (!len || len > ADMIN1_CODE_MAX || p[len] != '.')
		return 0;
	p += len + 1;
	len = strspn(p, admin_code_chars);
	return len && p[len] == '\0';
}

static enum pc_rc add_member(struct loader *L, const char *item, void *ud, struct diag *d)
{
	struct members *m = ud;
	int a2 = is_admin2_code(item);

	(void)L;
	(void)d;
	if (!is_iso2(item) && !a2)
		m->bad = 1;
	else if (m->n < sizeof m->code / sizeof m->code[0]) {
		m->code[m->n++] = item;
		m->n_admin2 += (size_t)a2;
	}
	return PC_OK;
}

/*
 * A region of admin2 members (a UK ceremonial county) is read as a
 * first-level region of their country and admin1 (db.h,
 * DB_FCODE_ADMIN2_GROUP): they must share both, and the list of their
 * admin2 parts must fit a place's admin2 field.
 */
static const char *admin2_group_error(const struct members *m)
{
	size_t i, len = 0, pre;

	if (m->n_admin2 != m->n)
		return "members are all ISO alpha-2 codes or all admin2 codes (CC.A1.A2), not both";
	pre = (size_t)(strrchr(m->code[0], '.') - m->code[0]) + 1;
	for (i = 0; i < m->n; i++) {
		if (strncmp(m->code[i], m->code[0], pre) != 0 || strchr(m->code[i] + pre, '.'))
			return "admin2 members of one region share their country and admin1 code";
		len += strlen(m->code[i] + pre) + 1;
	}
	if (len > sizeof ((struct db_place *)0)->admin2)
		return "admin2 members: too many for one region";
	return NULL;
}

/*
 * regions: NAME LAT LON MEMBERS ALT_FORMS.  MEMBERS are countries (a world
 * region: "Middle East") or admin2 codes of one admin1 region (a group of
 * them read as a first-level region: a UK ceremonial county).
 */
enum pc_rc load_row_regions(struct loader *L, char **f, size_t n, unsigned long line,
			    struct diag *d)
{
	struct members m = { .n = 0 };
	struct target_kind tk;
	char target[600];
	double lat = 0, lon = 0;
	int has_point = 0;
	enum pc_rc rc;

	if (n < 4)
		return load_bad_row(L, line, d, "expected at least 4 tab-separated fields, found %zu", n);
	if (!f[0])
		return load_bad_row(L, line, d, "empty region name");
	if (f[1] || f[2]) {
		if (!load_parse_real(f[1], &lat) || lat < -90 || lat > 90 ||
		    !load_parse_real(f[2], &lon) || lon < -180 || lon > 180)
			return load_bad_row(L, line, d, "coordinates out of range");
		has_point = 1;
	}
	buf_reset(&L->key);
	if (db_key(f[0], strlen(f[0]), &L->key) != PC_OK || !L->key.len || L->key.len > 500)
		return load_bad_row(L, line, d, "bad region name: '%s'", f[0]);
	each_item(f[3], 1, add_member, L, &m, d);
	if (m.bad || !m.n)
		return load_bad_row(L, line, d,
				    "bad member list: ISO alpha-2 codes or admin2 codes (CC.A1.A2) expected");
	if (m.n_admin2) {
		const char *why = admin2_group_error(&m);
		if (why)
			return load_bad_row(L, line, d, "%s", why);
	}
	snprintf(target, sizeof target, "region:%s", buf_str(&L->key));
	rc = db_build_world_region(L->build, buf_str(&L->key), f[0], has_point, lat, lon, m.code,
				   m.n, L->cur_path, line, d);
	if (rc != PC_OK)
		return rc;
	tk.target = target;
	tk.kind = DB_NAME_ALT;
	if (n > 4 && (rc = each_item(f[4], 1, stage_name, L, &tk, d)) != PC_OK)
		return rc;
	L->cur->rows++;
	return PC_OK;
}

/* cues: PHRASE TARGET WEIGHT NOTE */
enum pc_rc load_row_cues(struct loader *L, char **f, size_t n, unsigned long line,
			 struct diag *d)
{
	double w = 1.0;
	enum pc_rc rc;
	const char *t;

	if (n < 2)
		return load_bad_row(L, line, d, "expected at least 2 tab-separated fields, found %zu", n);
	if (!f[0] || !f[1])
		return load_bad_row(L, line, d, "empty phrase or target");
	t = f[1];
	if (!(strncmp(t, "country:", 8) == 0 || strncmp(t, "admin1:", 7) == 0 ||
	      strncmp(t, "admin2:", 7) == 0 || strncmp(t, "region:", 7) == 0 ||
	      strspn(t, "0123456789") == strlen(t)))
		return load_bad_row(L, line, d, "bad cue target: '%s'", t);
	if (n > 2 && f[2] && (!load_parse_real(f[2], &w) || w < 0 || w > 100))
		return load_bad_row(L, line, d, "weight is not a number: '%s'", f[2]);
	buf_reset(&L->key);
	if (db_key(f[0], strlen(f[0]), &L->key) != PC_OK || !L->key.len)
		return load_bad_row(L, line, d, "phrase has no letters: '%s'", f[0]);
	rc = db_build_cue(L->build, buf_str(&L->key), f[0], t, w, L->cur_path, line, d);
	if (rc == PC_OK)
		L->cur->rows++;
	return rc;
}

/* topics: TOPIC KIND(cue|member) VALUE */
enum pc_rc load_row_topics(struct loader *L, char **f, size_t n, unsigned long line,
			   struct diag *d)
{
	enum pc_rc rc;

	if (n < 3 || !f[0] || !f[1] || !f[2])
		return load_bad_row(L, line, d, "expected 3 tab-separated fields (topic, cue or member, value)");
	if (strcmp(f[1], "cue") == 0) {
		buf_reset(&L->key);
		if (db_key(f[2], strlen(f[2]), &L->key) != PC_OK || !L->key.len)
			return load_bad_row(L, line, d, "cue phrase has no letters: '%s'", f[2]);
		rc = db_build_topic(L->build, f[0], buf_str(&L->key), f[2], NULL, L->cur_path, line, d);
	} else if (strcmp(f[1], "member") == 0) {
		/* Checked against the database once every file is in. */
		if (strncmp(f[2], "country:", 8) != 0 && strncmp(f[2], "admin1:", 7) != 0)
			return load_bad_row(L, line, d, "bad topic member '%s' (country:XX or admin1:XX.YY)", f[2]);
		rc = db_build_topic(L->build, f[0], NULL, NULL, f[2], L->cur_path, line, d);
	} else {
		return load_bad_row(L, line, d, "bad topic row kind '%s' (cue or member)", f[1]);
	}
	if (rc == PC_OK)
		L->cur->rows++;
	return rc;
}

/* lexicon: WORD FLAGS */
enum pc_rc load_row_lexicon(struct loader *L, char **f, size_t n, unsigned long line,
			    struct diag *d)
{
	int64_t v;
	int flags = 0;
	enum pc_rc rc;

	if (n < 2 || !f[0] || !f[1])
		return load_bad_row(L, line, d, "expected WORD<TAB>FLAGS");
	if (load_parse_int(f[1], &v) && v > 0 && v < 256) {
		flags = (int)v;
	} else {
		const char *p;
		for (p = f[1]; *p; p++) {
			switch (tolower((unsigned char)*p)) {
			case 'w': flags |= DB_LEX_WORD; break;
			case 'g': flags |= DB_LEX_GIVEN; break;
			case 'p': flags |= DB_LEX_PROPER; break;
			case ',': case '|': case ' ': break;
			default:
				return load_bad_row(L, line, d, "bad lexicon flags: '%s'", f[1]);
			}
		}
	}
	buf_reset(&L->key);
	if (db_key(f[0], strlen(f[0]), &L->key) != PC_OK || !L->key.len)
		return PC_OK; /* punctuation only: nothing to look up */
	rc = db_build_lexicon(L->build, buf_str(&L->key), flags, d);
	if (rc == PC_OK)
		L->cur->rows++;
	return rc;
}

enum pc_rc load_row_lookalikes(struct loader *L, char **f, size_t n, unsigned long line,
			       struct diag *d)
{
	char a[256];
	int dist, kind = DB_ALIKE_LISTED;
	enum pc_rc rc;

	if (n < 2 || !f[0] || !f[1])
		return load_bad_row(L, line, d, "expected NAME_A<TAB>NAME_B[<TAB>same]");
	if (n >= 3 && f[2] && f[2][0]) {
		if (strcmp(f[2], "same") == 0)
			kind = DB_ALIKE_SAME;
		else if (strcmp(f[2], "listed") != 0)
			return load_bad_row(L, line, d, "third column is 'listed' or 'same', not '%s'", f[2]);
	}
	buf_reset(&L->key);
	if (db_key(f[0], strlen(f[0]), &L->key) != PC_OK || !L->key.len || L->key.len >= sizeof a)
		return load_bad_row(L, line, d, "bad name '%s'", f[0]);
	memcpy(a, L->key.data, L->key.len + 1);
	buf_reset(&L->key);
	if (db_key(f[1], strlen(f[1]), &L->key) != PC_OK || !L->key.len)
		return load_bad_row(L, line, d, "bad name '%s'", f[1]);
	if (strcmp(a, buf_str(&L->key)) == 0)
		return load_bad_row(L, line, d, "a name is not its own look-alike");
	/* Curated pairs are often far apart in spelling (Sweden, Switzerland). */
	dist = strdist_osa(a, buf_str(&L->key), 9);
	rc = db_build_lookalike(L->build, a, buf_str(&L->key), kind, dist, d);
	if (rc == PC_OK)
		rc = db_build_lookalike(L->build, buf_str(&L->key), a, kind, dist, d);
	if (rc == PC_OK)
		L->cur->rows++;
	return rc;
}
