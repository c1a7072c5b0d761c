/*
 * load_csv.c: `placecheck load --csv --columns MAP FILE`: a newsroom's own
 * places (or another gazetteer) as comma-separated values with a header
 * row, RFC 4180 quoting (libcsv's normal mode).  MAP names, for each field
 * placecheck knows, the header of the column that holds it:
 *   name=NAME,lat=LAT,lon=LON[,country=ISO][,admin1=STATE][,admin2=COUNTY]
 *   [,population=POP][,id=ID][,fclass=C][,fcode=CODE][,asciiname=A]
 *   [,alt=ALTNAMES ('|' or ';' separated)][,timezone=TZ]
 * name, lat and lon are required.  Rows without an id column get ids from
 * DB_CSV_ID_BASE up (db_write.h); fclass/fcode default to P/PPL.
 */
#include "load/load_int.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

enum {
	CSV_ID, CSV_NAME, CSV_ASCII, CSV_ALT, CSV_LAT, CSV_LON, CSV_COUNTRY, CSV_ADMIN1,
	CSV_ADMIN2, CSV_POP, CSV_FCLASS, CSV_FCODE, CSV_TZ, CSV_NFIELDS
};

static const char *const csv_field_names[CSV_NFIELDS] = {
	"id", "name", "asciiname", "alt", "lat", "lon", "country", "admin1", "admin2",
	"population", "fclass", "fcode", "timezone",
};

#define CSV_UNMAPPED (-2)
#define CSV_HEADER_PENDING (-3)

/*
 * Walk MAP; for each "field=COLUMN" call FN.  Returns PC_ERR_USAGE with D
 * set on a syntax error, an unknown field, or a missing required field.
 */
static enum pc_rc parse_map(const char *map, char cols[CSV_NFIELDS][128], struct diag *d)
{
	const char *p = map;
	size_t i;

	for (i = 0; i < CSV_NFIELDS; i++)
		cols[i][0] = '\0';
	if (!map || !*map)
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0,
				"--csv needs --columns name=COL,lat=COL,lon=COL[,...]");
	while (*p) {
		const char *eq = strchr(p, '='), *end = strchr(p, ',');
		size_t fl, cl;
		if (!end)
			end = p + strlen(p);
		if (!eq || eq > end)
			return diag_set(d, PC_ERR_USAGE, NULL, 0, 0,
					"--columns: expected FIELD=COLUMN, got '%.*s'", (int)(end - p), p);
		fl = (size_t)(eq - p);
		cl = (size_t)(end - eq - 1);
		for (i = 0; i < CSV_NFIELDS; i++)
			if (strlen(csv_field_names[i]) == fl && strncmp(csv_field_names[i], p, fl) == 0)
				break;
		if (i == CSV_NFIELDS)
			return diag_set(d, PC_ERR_USAGE, NULL, 0, 0,
					"--columns: unknown field '%.*s' (known: id, name, asciiname, "
					"alt, lat, lon, country, admin1, admin2, population, fclass, "
					"fcode, timezone)", (int)fl, p);
		if (cl == 0 || cl >= 128)
			return diag_set(d, PC_ERR_USAGE, NULL, 0, 0, "--columns: bad column for '%s'",
					csv_field_names[i]);
		memcpy(cols[i], eq + 1, cl);
		cols[i][cl] = '\0';
		p = *end ? end + 1 : end;
	}
	if (!cols[CSV_NAME][0] || !cols[CSV_LAT][0] || !cols[CSV_LON][0])
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0,
				"--columns must map name, lat and lon");
	return PC_OK;
}

enum pc_rc load_csv_check_columns(const char *map, struct diag *d)
{
	char cols[CSV_NFIELDS][128];

	return parse_map(map, cols, d);
}

/* The header row: find each mapped column. */
static enum pc_rc csv_header(struct loader *L, char **f, size_t n, unsigned long line,
			     struct diag *d)
{
	char cols[CSV_NFIELDS][128];
	enum pc_rc rc;
	size_t i, j;

	if ((rc = parse_map(L->opts->columns, cols, d)) != PC_OK)
		return rc;
	for (i = 0; i < CSV_NFIELDS; i++) {
		L->csv_col[i] = CSV_UNMAPPED;
		if (!cols[i][0])
			continue;
		for (j = 0; j < n; j++)
			if (f[j] && strcasecmp(f[j], cols[i]) == 0)
				break;
		if (j == n)
			return diag_set(d, PC_ERR_PARSE, L->cur_path, line, 0,
					"--columns: no column '%s' in the header row", cols[i]);
		L->csv_col[i] = (int)j;
	}
	return PC_OK;
}

static const char *col(struct loader *L, char **f, size_t n, int field)
{
	int c = L->csv_col[field];

	return c >= 0 && (size_t)c < n ? f[c] : NULL;
}

enum pc_rc load_row_csv(struct loader *L, char **f, size_t n, unsigned long line,
			struct diag *d)
{
	struct db_build_place p;
	enum pc_rc rc;
	const char *s;
	char alt[1024];
	int skipped;

	if (L->csv_col[0] == CSV_HEADER_PENDING)
		return csv_header(L, f, n, line, d);
	memset(&p, 0, sizeof p);
	if (!(p.name = col(L, f, n, CSV_NAME)))
		return load_bad_row(L, line, d, "empty name");
	if (!load_parse_real(col(L, f, n, CSV_LAT), &p.lat) || p.lat < -90 || p.lat > 90)
		return load_bad_row(L, line, d, "latitude missing or out of range");
	if (!load_parse_real(col(L, f, n, CSV_LON), &p.lon) || p.lon < -180 || p.lon > 180)
		return load_bad_row(L, line, d, "longitude missing or out of range");
	if (L->csv_col[CSV_ID] >= 0) {
		if (!load_parse_int(col(L, f, n, CSV_ID), &p.id) || p.id <= 0)
			return load_bad_row(L, line, d, "id is not a positive number");
	} else if ((rc = db_build_csv_next_id(L->build, &p.id, d)) != PC_OK) {
		return rc;
	}
	if ((s = col(L, f, n, CSV_POP))) {
		if (!load_parse_int(s, &p.population) || p.population < 0 ||
		    p.population > LOAD_MAX_POPULATION)
			return load_bad_row(L, line, d, "population is not a number from 0 to %lld: '%s'",
					    (long long)LOAD_MAX_POPULATION, s);
		p.has_population = 1;
	}
	p.asciiname = col(L, f, n, CSV_ASCII);
	p.fclass = col(L, f, n, CSV_FCLASS);
	p.fcode = col(L, f, n, CSV_FCODE);
	if (!p.fclass)
		p.fclass = "P";
	if (!p.fcode)
		p.fcode = "PPL";
	p.country = col(L, f, n, CSV_COUNTRY);
	p.admin1 = col(L, f, n, CSV_ADMIN1);
	p.admin2 = col(L, f, n, CSV_ADMIN2);
	p.timezone = col(L, f, n, CSV_TZ);
	if ((rc = load_put_place(L, &p, line, &skipped, d)) != PC_OK || skipped)
		return rc;
	L->cur->rows++;
	if ((rc = load_add_name(L, p.id, DB_NAME_MAIN, p.name, d)) != PC_OK)
		return rc;
	if (load_is_prominent(p.fcode, p.population) && L->key.len)
		db_build_prominent_add(L->build, buf_str(&L->key), p.id, 0);
	if (p.asciiname && (rc = load_add_name(L, p.id, DB_NAME_ASCII, p.asciiname, d)) != PC_OK)
		return rc;
	if ((s = col(L, f, n, CSV_ALT))) {
		char *a, *e;
		snprintf(alt, sizeof alt, "%s", s);
		for (a = alt; a; a = e) {
			e = strpbrk(a, "|;");
			if (e)
				*e++ = '\0';
			while (*a == ' ')
				a++;
			if (*a && (rc = load_add_name(L, p.id, DB_NAME_ALT, a, d)) != PC_OK)
				return rc;
		}
	}
	return PC_OK;
}
