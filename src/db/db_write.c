/*
 * db_write.c: row inserts of a database build.  Every statement is
 * prepared once (db_build_prepare_all) and reused with bind/reset: the
 * loader calls these millions of times.
 */
#include "db/db_write_int.h"

#include "base/bloom.h"
#include "base/xmem.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	size_t off;
	const char *sql;
} stmt_sql[] = {
	{ offsetof(struct db_build, st_place),
	  "INSERT INTO places(id, name, asciiname, lat, lon, fclass, fcode, country,"
	  " cc2, admin1, admin2, admin3, admin4, population, elevation, dem, timezone,"
	  " modified, kind) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,"
	  "?17,?18,0)" },
	{ offsetof(struct db_build, st_place_replace),
	  "INSERT OR REPLACE INTO places(id, name, asciiname, lat, lon, fclass, fcode, country,"
	  " cc2, admin1, admin2, admin3, admin4, population, elevation, dem, timezone,"
	  " modified, kind) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,"
	  "?17,?18,0)" },
	{ offsetof(struct db_build, st_name),
	  "INSERT OR IGNORE INTO names(key, place_id, kind, form) VALUES(?1,?2,?3,?4)" },
	{ offsetof(struct db_build, st_exists), "SELECT 1 FROM places WHERE id = ?1" },
	{ offsetof(struct db_build, st_country),
	  "INSERT OR REPLACE INTO countries(iso2, iso3, name, capital, continent, population,"
	  " neighbours, place_id) VALUES(?1,?2,?3,?4,?5,?6,?7,"
	  " (SELECT place_id FROM countries WHERE iso2 = ?1))" },
	/* place_id is kept under --add so the region row's names can follow it. */
	{ offsetof(struct db_build, st_admin1),
	  "INSERT OR REPLACE INTO admin1(code, country, a1, name, asciiname, geonameid, place_id)"
	  " VALUES(?1,?2,?3,?4,?5,?6,(SELECT place_id FROM admin1 WHERE code = ?1))" },
	{ offsetof(struct db_build, st_admin2),
	  "INSERT OR REPLACE INTO admin2(code, country, a1, a2, name, asciiname, geonameid,"
	  " place_id) VALUES(?1,?2,?3,?4,?5,?6,?7,(SELECT place_id FROM admin2 WHERE code = ?1))" },
	{ offsetof(struct db_build, st_cpoint),
	  "INSERT OR REPLACE INTO s_cpoint(iso2, lat, lon) VALUES(?1,?2,?3)" },
	{ offsetof(struct db_build, st_rname),
	  "INSERT INTO s_rname(target, kind, form) VALUES(?1,?2,?3)" },
	{ offsetof(struct db_build, st_region),
	  "INSERT OR REPLACE INTO s_region(key, name, members, lat, lon, file, line)"
	  " VALUES(?1,?2,?3,?4,?5,?6,?7)" },
	{ offsetof(struct db_build, st_cue),
	  "INSERT INTO s_cue(key, phrase, target, weight, file, line) VALUES(?1,?2,?3,?4,?5,?6)" },
	{ offsetof(struct db_build, st_topic),
	  "INSERT INTO s_topic(topic, key, phrase, target, file, line) VALUES(?1,?2,?3,?4,?5,?6)" },
	{ offsetof(struct db_build, st_lex),
	  "INSERT INTO lexicon(key, flags) VALUES(?1,?2)"
	  " ON CONFLICT(key) DO UPDATE SET flags = flags | excluded.flags" },
	{ offsetof(struct db_build, st_near), "INSERT INTO near_keys(del, key) VALUES(?1,?2)" },
	{ offsetof(struct db_build, st_alike),
	  "INSERT OR IGNORE INTO lookalikes(key_a, key_b, kind, dist) VALUES(?1,?2,?3,?4)" },
};
#define N_STMTS (sizeof stmt_sql / sizeof stmt_sql[0])

static sqlite3_stmt **stmt_slot(struct db_build *b, size_t i)
{
	return (sqlite3_stmt **)((char *)b + stmt_sql[i].off);
}

enum pc_rc db_build_prepare_all(struct db_build *b, struct diag *d)
{
	size_t i;
	enum pc_rc rc;
	struct buf sql;

	for (i = 0; i < N_STMTS; i++)
		if ((rc = db_build_prepare(b, stmt_sql[i].sql, stmt_slot(b, i), d)) != PC_OK)
			return rc;
	buf_init(&sql, 0);
	buf_puts(&sql, "INSERT OR IGNORE INTO names(key, place_id, kind, form) VALUES");
	for (i = 0; i < DB_NAME_BATCH; i++)
		buf_puts(&sql, i ? ",(?,?,?,?)" : "(?,?,?,?)");
	rc = db_build_prepare(b, buf_str(&sql), &b->st_name_batch, d);
	buf_reset(&sql);
	buf_puts(&sql, "INSERT OR IGNORE INTO places(id, name, asciiname, lat, lon, fclass, fcode,"
		 " country, cc2, admin1, admin2, admin3, admin4, population, elevation, dem,"
		 " timezone, modified, kind) VALUES");
	for (i = 0; i < DB_PLACE_BATCH; i++)
		buf_puts(&sql, i ? ",(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)"
				 : "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)");
	if (rc == PC_OK)
		rc = db_build_prepare(b, buf_str(&sql), &b->st_place_batch, d);
	buf_reset(&sql);
	buf_puts(&sql, "INSERT INTO near_keys(del, key) VALUES");
	for (i = 0; i < DB_NEAR_BATCH; i++)
		buf_puts(&sql, i ? ",(?,?)" : "(?,?)");
	if (rc == PC_OK)
		rc = db_build_prepare(b, buf_str(&sql), &b->st_near_batch, d);
	buf_free(&sql);
	buf_init(&b->nk_text, 0);
	buf_init(&b->pb_text, 0);
	buf_init(&b->fk_text, 0);
	if (!b->pb_rows)
		b->pb_rows = xcalloc(DB_PLACE_BATCH, sizeof *b->pb_rows);
	buf_init(&b->nb_text, 0);
	return rc;
}

void db_build_finalize_all(struct db_build *b)
{
	size_t i;

	for (i = 0; i < N_STMTS; i++) {
		sqlite3_finalize(*stmt_slot(b, i));
		*stmt_slot(b, i) = NULL;
	}
	sqlite3_finalize(b->st_name_batch);
	b->st_name_batch = NULL;
	sqlite3_finalize(b->st_near_batch);
	b->st_near_batch = NULL;
	sqlite3_finalize(b->st_place_batch);
	b->st_place_batch = NULL;
}

/* Bind one place (18 parameters from FIRST + 1). */
static void bind_place(sqlite3_stmt *st, int first, const struct db_build_place *p)
{
	int i = first;

	sqlite3_bind_int64(st, i + 1, p->id);
	sqlite3_bind_text(st, i + 2, p->name, -1, SQLITE_STATIC);
	db_build_bind_text(st, i + 3, p->asciiname);
	sqlite3_bind_double(st, i + 4, p->lat);
	sqlite3_bind_double(st, i + 5, p->lon);
	db_build_bind_text(st, i + 6, p->fclass);
	db_build_bind_text(st, i + 7, p->fcode);
	db_build_bind_text(st, i + 8, p->country);
	db_build_bind_text(st, i + 9, p->cc2);
	db_build_bind_text(st, i + 10, p->admin1);
	db_build_bind_text(st, i + 11, p->admin2);
	db_build_bind_text(st, i + 12, p->admin3);
	db_build_bind_text(st, i + 13, p->admin4);
	if (p->has_population)
		sqlite3_bind_int64(st, i + 14, p->population);
	else
		sqlite3_bind_null(st, i + 14);
	if (p->has_elevation)
		sqlite3_bind_int64(st, i + 15, p->elevation);
	else
		sqlite3_bind_null(st, i + 15);
	if (p->has_dem)
		sqlite3_bind_int64(st, i + 16, p->dem);
	else
		sqlite3_bind_null(st, i + 16);
	db_build_bind_text(st, i + 17, p->timezone);
	db_build_bind_text(st, i + 18, p->modified);
}

/* The string members of struct db_build_place, in db_packed_place order. */
static const size_t place_str_off[DB_PLACE_NSTR] = {
	offsetof(struct db_build_place, name),    offsetof(struct db_build_place, asciiname),
	offsetof(struct db_build_place, fclass),  offsetof(struct db_build_place, fcode),
	offsetof(struct db_build_place, country), offsetof(struct db_build_place, cc2),
	offsetof(struct db_build_place, admin1),  offsetof(struct db_build_place, admin2),
	offsetof(struct db_build_place, admin3),  offsetof(struct db_build_place, admin4),
	offsetof(struct db_build_place, timezone), offsetof(struct db_build_place, modified),
};

void db_place_pack(const struct db_build_place *p, struct buf *text, struct db_packed_place *out)
{
	size_t i;

	out->num = *p;
	for (i = 0; i < DB_PLACE_NSTR; i++) {
		const char *s = *(const char *const *)((const char *)p + place_str_off[i]);
		out->str[i] = 0;
		if (s && s[0]) {
			out->str[i] = text->len + 1;
			buf_append(text, s, strlen(s) + 1);
		}
	}
}

void db_place_unpack(const struct db_packed_place *r, const struct buf *text, struct db_build_place *out)
{
	size_t i;

	*out = r->num;
	for (i = 0; i < DB_PLACE_NSTR; i++)
		*(const char **)((char *)out + place_str_off[i]) = r->str[i] ? text->data + r->str[i] - 1 : NULL;
}

/* The batched row I as a struct db_build_place pointing into pb_text. */
static void batch_row(const struct db_build *b, size_t i, struct db_build_place *p)
{
	db_place_unpack(&b->pb_rows[i], &b->pb_text, p);
}

/*
 * Places go in DB_PLACE_BATCH rows per INSERT OR IGNORE.  When fewer rows
 * went in than were sent, some id was there already (overlapping files,
 * --add): the batch is then written again row by row with INSERT OR
 * REPLACE, the later row winning, and the names are marked for dedupe.
 */
enum pc_rc db_build_flush_places(struct db_build *b, struct diag *d)
{
	struct db_build_place p;
	enum pc_rc rc = PC_OK;
	size_t i;

	if (!b->pb_n)
		return PC_OK;
	if (b->pb_n == DB_PLACE_BATCH) {
		for (i = 0; i < b->pb_n; i++) {
			batch_row(b, i, &p);
			bind_place(b->st_place_batch, (int)i * 18, &p);
		}
		if ((rc = db_build_step_done(b, b->st_place_batch, d, "insert places")) != PC_OK)
			goto done;
		if ((size_t)sqlite3_changes(b->db) == b->pb_n)
			goto done;
	}
	for (i = 0; i < b->pb_n && rc == PC_OK; i++) {
		int src;
		batch_row(b, i, &p);
		bind_place(b->st_place, 0, &p);
		src = sqlite3_step(b->st_place);
		sqlite3_reset(b->st_place);
		if (src == SQLITE_DONE)
			continue;
		if ((src & 0xff) != SQLITE_CONSTRAINT) {
			rc = db_build_err(b, d, "insert place");
			break;
		}
		b->need_dedupe = 1;
		bind_place(b->st_place_replace, 0, &p);
		rc = db_build_step_done(b, b->st_place_replace, d, "replace place");
		if (rc == PC_OK && db_ids_has(&b->ids_old, p.id)) {
			/* Its old names go before the new ones are written. */
			char sql[96];
			snprintf(sql, sizeof sql, "INSERT OR IGNORE INTO s_replaced(id) VALUES(%lld);",
				 (long long)p.id);
			rc = db_build_exec(b, sql, d);
			b->n_replaced++;
		}
	}
done:
	b->pb_n = 0;
	buf_reset(&b->pb_text);
	return rc;
}

enum pc_rc db_build_place(struct db_build *b, const struct db_build_place *p, struct diag *d)
{
	if (b->pb_n == DB_PLACE_BATCH) {
		enum pc_rc rc = db_build_flush_places(b, d);
		if (rc != PC_OK)
			return rc;
	}
	db_ids_add(&b->ids_new, p->id);
	db_place_pack(p, &b->pb_text, &b->pb_rows[b->pb_n++]);
	return PC_OK;
}

int db_build_place_seen(struct db_build *b, int64_t id)
{
	if (db_ids_has(&b->ids_new, id))
		return DB_SEEN_LOAD;
	if (db_ids_has(&b->ids_old, id))
		return DB_SEEN_OLD;
	return DB_SEEN_NONE;
}

void db_build_place_label(struct db_build *b, int64_t id, char *out, size_t size)
{
	sqlite3_stmt *st = NULL;

	out[0] = '\0';
	if (db_build_flush_places(b, NULL) != PC_OK ||
	    sqlite3_prepare_v2(b->db, "SELECT name, country FROM places WHERE id = ?1", -1, &st,
			       NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return;
	}
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *n = sqlite3_column_text(st, 0), *c = sqlite3_column_text(st, 1);
		snprintf(out, size, "%s%s%s", n ? (const char *)n : "", c && c[0] ? ", " : "",
			 c ? (const char *)c : "");
	}
	sqlite3_finalize(st);
}

enum pc_rc db_build_drop_replaced_names(struct db_build *b, struct diag *d)
{
	enum pc_rc rc;

	if (!b->n_replaced)
		return PC_OK;
	/* One pass over the names: there is no index on place_id. */
	rc = db_build_exec(b, "DELETE FROM names WHERE place_id IN (SELECT id FROM s_replaced);"
			      "DELETE FROM s_replaced;", d);
	b->n_replaced = 0;
	return rc;
}

void db_build_need_dedupe(struct db_build *b)
{
	b->need_dedupe = 1;
}

enum pc_rc db_build_place_exists(struct db_build *b, int64_t id, int *exists, struct diag *d)
{
	int rc;

	if (b->pb_n && db_build_flush_places(b, d) != PC_OK)
		return PC_ERR_DB;
	sqlite3_bind_int64(b->st_exists, 1, id);
	rc = sqlite3_step(b->st_exists);
	sqlite3_reset(b->st_exists);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_build_err(b, d, "look up place");
	*exists = rc == SQLITE_ROW;
	return PC_OK;
}

void db_build_prominent_add(struct db_build *b, const char *key, int64_t place_id,
			    int is_country)
{
	struct db_prominent *e;
	const unsigned char *c;

	if (!key || !key[0])
		return;
	/* Only ASCII keys take part: the checker reads English. */
	for (c = (const unsigned char *)key; *c; c++)
		if (*c >= 0x80)
			return;
	if (b->n_prom == b->cap_prom) {
		b->cap_prom = b->cap_prom ? b->cap_prom * 2 : 4096;
		b->prom_list = xreallocarray(b->prom_list, b->cap_prom, sizeof *b->prom_list);
	}
	e = &b->prom_list[b->n_prom++];
	e->key = arena_strdup(&b->arena, key);
	e->place_id = place_id;
	e->is_country = is_country;
	b->prom_sorted = 0;
}

static int prom_cmp(const void *pa, const void *pb)
{
	const struct db_prominent *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	if (c)
		return c;
	if (a->place_id != b->place_id)
		return a->place_id < b->place_id ? -1 : 1;
	return b->is_country - a->is_country;
}

void db_build_prominent_list(struct db_build *b, const struct db_prominent **out, size_t *n_out)
{
	if (!b->prom_sorted && b->n_prom) {
		size_t i, j = 0;
		qsort(b->prom_list, b->n_prom, sizeof *b->prom_list, prom_cmp);
		for (i = 0; i < b->n_prom; i++) {
			if (j && strcmp(b->prom_list[j - 1].key, b->prom_list[i].key) == 0 &&
			    b->prom_list[j - 1].place_id == b->prom_list[i].place_id)
				continue; /* sorted: the is_country entry came first */
			b->prom_list[j++] = b->prom_list[i];
		}
		b->n_prom = j;
		b->prom_sorted = 1;
	}
	*out = b->prom_list;
	*n_out = b->n_prom;
}

enum pc_rc db_build_country(struct db_build *b, const char *iso2, const char *iso3,
			    const char *name, const char *capital, const char *continent,
			    int64_t population, const char *neighbours, int64_t geonameid,
			    struct diag *d)
{
	sqlite3_stmt *st = b->st_country;

	(void)geonameid; /* kept in the staging below */
	sqlite3_bind_text(st, 1, iso2, -1, SQLITE_STATIC);
	db_build_bind_text(st, 2, iso3);
	db_build_bind_text(st, 3, name);
	db_build_bind_text(st, 4, capital);
	db_build_bind_text(st, 5, continent);
	if (population >= 0)
		sqlite3_bind_int64(st, 6, population);
	else
		sqlite3_bind_null(st, 6);
	db_build_bind_text(st, 7, neighbours);
	if (db_build_step_done(b, st, d, "insert country") != PC_OK)
		return PC_ERR_DB;
	/*
	 * The countryInfo geonameid becomes the country row's id even when the
	 * feature itself is not loaded: readers can then cite GeoNames ids.
	 * Stored as a region name target of kind -1 (not a name).
	 */
	if (geonameid > 0) {
		char target[40];
		char idbuf[32];
		snprintf(target, sizeof target, "country:%s", iso2);
		snprintf(idbuf, sizeof idbuf, "%lld", (long long)geonameid);
		return db_build_region_name(b, target, -1, idbuf, d);
	}
	return PC_OK;
}

/* Split "US.VA.003" into parts; returns the number of parts (<= 3). */
static int split_code(const char *code, char parts[3][64])
{
	int n = 0;
	const char *p = code;

	while (n < 3) {
		const char *dot = strchr(p, '.');
		size_t len = dot ? (size_t)(dot - p) : strlen(p);
		if (len >= 64)
			len = 63;
		memcpy(parts[n], p, len);
		parts[n][len] = '\0';
		n++;
		if (!dot)
			break;
		p = dot + 1;
	}
	return n;
}

enum pc_rc db_build_admin(struct db_build *b, int level, const char *code, const char *name,
			  const char *asciiname, int64_t geonameid, struct diag *d)
{
	char parts[3][64];
	int n = split_code(code, parts), i = 1;
	sqlite3_stmt *st = level == 1 ? b->st_admin1 : b->st_admin2;

	if (n != level + 1)
		return diag_set(d, PC_ERR_PARSE, NULL, 0, 0, "bad admin code: %s", code);
	sqlite3_bind_text(st, i++, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, i++, parts[0], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, i++, parts[1], -1, SQLITE_TRANSIENT);
	if (level == 2)
		sqlite3_bind_text(st, i++, parts[2], -1, SQLITE_TRANSIENT);
	db_build_bind_text(st, i++, name);
	db_build_bind_text(st, i++, asciiname);
	if (geonameid > 0)
		sqlite3_bind_int64(st, i++, geonameid);
	else
		sqlite3_bind_null(st, i++);
	return db_build_step_done(b, st, d, "insert admin code");
}

enum pc_rc db_build_country_point(struct db_build *b, const char *iso2, double lat, double lon,
				  struct diag *d)
{
	sqlite3_bind_text(b->st_cpoint, 1, iso2, -1, SQLITE_STATIC);
	sqlite3_bind_double(b->st_cpoint, 2, lat);
	sqlite3_bind_double(b->st_cpoint, 3, lon);
	return db_build_step_done(b, b->st_cpoint, d, "stage country point");
}

enum pc_rc db_build_region_name(struct db_build *b, const char *target, int kind,
				const char *form, struct diag *d)
{
	sqlite3_bind_text(b->st_rname, 1, target, -1, SQLITE_STATIC);
	sqlite3_bind_int(b->st_rname, 2, kind);
	sqlite3_bind_text(b->st_rname, 3, form, -1, SQLITE_STATIC);
	return db_build_step_done(b, b->st_rname, d, "stage region name");
}

enum pc_rc db_build_world_region(struct db_build *b, const char *key, const char *name,
				 int has_point, double lat, double lon,
				 const char *const *members, size_t n_members, const char *file,
				 unsigned long line, struct diag *d)
{
	struct buf m;
	size_t i;
	enum pc_rc rc;

	buf_init(&m, 0);
	for (i = 0; i < n_members; i++) {
		if (i)
			buf_putc(&m, ',');
		buf_puts(&m, members[i]);
	}
	sqlite3_bind_text(b->st_region, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(b->st_region, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(b->st_region, 3, buf_str(&m), -1, SQLITE_TRANSIENT);
	if (has_point) {
		sqlite3_bind_double(b->st_region, 4, lat);
		sqlite3_bind_double(b->st_region, 5, lon);
	} else {
		sqlite3_bind_null(b->st_region, 4);
		sqlite3_bind_null(b->st_region, 5);
	}
	sqlite3_bind_text(b->st_region, 6, file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(b->st_region, 7, (sqlite3_int64)line);
	rc = db_build_step_done(b, b->st_region, d, "stage region");
	buf_free(&m);
	return rc;
}

enum pc_rc db_build_cue(struct db_build *b, const char *key, const char *phrase,
			const char *target, double weight, const char *file,
			unsigned long line, struct diag *d)
{
	sqlite3_stmt *st = b->st_cue;

	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, phrase, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, target, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 4, weight);
	sqlite3_bind_text(st, 5, file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)line);
	return db_build_step_done(b, st, d, "stage cue");
}

enum pc_rc db_build_topic(struct db_build *b, const char *topic, const char *key, const char *phrase,
			  const char *target, const char *file, unsigned long line, struct diag *d)
{
	sqlite3_stmt *st = b->st_topic;

	sqlite3_bind_text(st, 1, topic, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key ? key : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, phrase ? phrase : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, target ? target : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)line);
	return db_build_step_done(b, st, d, "stage topic");
}

enum pc_rc db_build_lexicon(struct db_build *b, const char *key, int flags, struct diag *d)
{
	sqlite3_bind_text(b->st_lex, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int(b->st_lex, 2, flags);
	return db_build_step_done(b, b->st_lex, d, "insert lexicon");
}

enum pc_rc db_build_csv_next_id(struct db_build *b, int64_t *id, struct diag *d)
{
	if (b->csv_next == 0) {
		sqlite3_stmt *st = NULL;
		enum pc_rc rc = db_build_flush_places(b, d);
		if (rc != PC_OK)
			return rc;
		rc = db_build_prepare(b, "SELECT max(id) FROM places WHERE id > ?1", &st, d);
		if (rc != PC_OK)
			return rc;
		sqlite3_bind_int64(st, 1, DB_CSV_ID_BASE);
		b->csv_next = DB_CSV_ID_BASE + 1;
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
			b->csv_next = sqlite3_column_int64(st, 0) + 1;
		sqlite3_finalize(st);
	}
	*id = b->csv_next++;
	return PC_OK;
}

/* near_keys rows come in the hundreds of thousands: batched like names. */
enum pc_rc db_build_near_key(struct db_build *b, const char *del, const char *key,
			     struct diag *d)
{
	if (b->nk_n == DB_NEAR_BATCH) {
		enum pc_rc rc = db_build_flush_near(b, d);
		if (rc != PC_OK)
			return rc;
	}
	b->nk_off[b->nk_n * 2] = b->nk_text.len;
	buf_append(&b->nk_text, del, strlen(del) + 1);
	b->nk_off[b->nk_n * 2 + 1] = b->nk_text.len;
	buf_append(&b->nk_text, key, strlen(key) + 1);
	b->nk_n++;
	return PC_OK;
}

enum pc_rc db_build_near_bloom(struct db_build *b, const struct bloom *bl, struct diag *d)
{
	sqlite3_stmt *st = NULL;
	size_t size = bloom_size(bl);
	unsigned char *data;
	enum pc_rc rc;

	if ((rc = db_build_prepare(b, "INSERT OR REPLACE INTO blobs(name, data) VALUES('near_bloom', ?1)",
				   &st, d)) != PC_OK)
		return rc;
	data = xmalloc(size);
	bloom_write(bl, data);
	sqlite3_bind_blob(st, 1, data, (int)size, free);
	rc = db_build_step_done(b, st, d, "write near-miss filter");
	sqlite3_finalize(st);
	return rc;
}

enum pc_rc db_build_flush_near(struct db_build *b, struct diag *d)
{
	sqlite3_stmt *st = b->nk_n == DB_NEAR_BATCH ? b->st_near_batch : b->st_near;
	enum pc_rc rc = PC_OK;
	size_t i;

	for (i = 0; i < b->nk_n && rc == PC_OK; i++) {
		int k = st == b->st_near ? 0 : (int)i * 2;
		sqlite3_bind_text(st, k + 1, b->nk_text.data + b->nk_off[i * 2], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, k + 2, b->nk_text.data + b->nk_off[i * 2 + 1], -1,
				  SQLITE_STATIC);
		if (st == b->st_near)
			rc = db_build_step_done(b, st, d, "insert near key");
	}
	if (st == b->st_near_batch)
		rc = db_build_step_done(b, st, d, "insert near keys");
	b->nk_n = 0;
	buf_reset(&b->nk_text);
	return rc;
}

enum pc_rc db_build_lookalike(struct db_build *b, const char *key_a, const char *key_b,
			      int kind, int dist, struct diag *d)
{
	sqlite3_stmt *st = b->st_alike;

	sqlite3_bind_text(st, 1, key_a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key_b, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, kind);
	sqlite3_bind_int(st, 4, dist);
	return db_build_step_done(b, st, d, "insert look-alike");
}

enum pc_rc db_build_scan_places(struct db_build *b, const char *country,
				enum pc_rc (*fn)(void *ud, const struct db_build_place *p,
						 struct diag *d),
				void *ud, struct diag *d)
{
	sqlite3_stmt *st = NULL;
	enum pc_rc rc;
	int r;

	if ((rc = db_build_flush_places(b, d)) != PC_OK)
		return rc;
	rc = db_build_prepare(b,
			      "SELECT id, name, asciiname, admin1, lat, lon, fcode FROM places"
			      " WHERE country = ?1 AND kind = 0 AND fclass = 'P'",
			      &st, d);
	if (rc != PC_OK)
		return rc;
	sqlite3_bind_text(st, 1, country, -1, SQLITE_STATIC);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_build_place p;
		memset(&p, 0, sizeof p);
		p.id = sqlite3_column_int64(st, 0);
		p.name = (const char *)sqlite3_column_text(st, 1);
		p.asciiname = (const char *)sqlite3_column_text(st, 2);
		p.admin1 = (const char *)sqlite3_column_text(st, 3);
		p.lat = sqlite3_column_double(st, 4);
		p.lon = sqlite3_column_double(st, 5);
		p.fclass = "P";
		p.fcode = (const char *)sqlite3_column_text(st, 6);
		p.country = country;
		if (!p.name)
			continue;
		if ((rc = fn(ud, &p, d)) != PC_OK)
			break;
	}
	if (rc == PC_OK && r != SQLITE_DONE)
		rc = db_build_err(b, d, "scan places");
	sqlite3_finalize(st);
	return rc;
}

/*
 * SQLite instructions between two ticks: a million take a few
 * milliseconds, so the display (which redraws at most ten times a second)
 * never waits long, and the callback costs nothing measurable.
 */
#define DB_BUILD_TICK_OPS 1000000

static int tick_handler(void *ud)
{
	struct db_build *b = ud;

	if (b->tick)
		b->tick(b->tick_ud, b->n_names_out);
	return 0; /* go on */
}

void db_build_set_tick(struct db_build *b, void (*fn)(void *ud, uint64_t names), void *ud)
{
	b->tick = fn;
	b->tick_ud = ud;
	sqlite3_progress_handler(b->db, fn ? DB_BUILD_TICK_OPS : 0, fn ? tick_handler : NULL, b);
}
