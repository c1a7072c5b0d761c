/*
 * pcfeatures.c: the detector's candidates and their features, for fitting
 * the model (scripts/fit_model.py).  Developer tool, not installed.
 *
 *   build/pcfeatures DB < docs.ndjson > cands.ndjson
 *
 * Input: one JSON object a line, {"id": ..., "text": ...} (plain text).
 * Output: a first line {"features": [names...]}, then one line per
 * candidate: {"id", "off", "len" (bytes into text), "surface", "word",
 * "rel", "lit": place or null, "alt": place, "form", "score", "x": [...]}
 * where a place is {"id", "name", "cc", "a1", "kind", "pop"}.
 */
#include "check/check.h"
#include "detect/detect.h"
#include "match/match.h"
#include "resolve/resolve.h"
#include "scan/scan.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct out {
	const char *id;
	const struct read_doc *doc;
	const struct resolve_state *rs;
};

static void put_str(const char *s)
{
	cJSON *j = cJSON_CreateString(s ? s : "");
	char *t = cJSON_PrintUnformatted(j);

	fputs(t, stdout);
	free(t);
	cJSON_Delete(j);
}

static void put_place(const struct db_place *p)
{
	if (!p) {
		fputs("null", stdout);
		return;
	}
	printf("{\"id\":%lld,\"name\":", (long long)p->id);
	put_str(p->name);
	printf(",\"cc\":\"%s\",\"a1\":", p->country);
	put_str(p->admin1);
	printf(",\"kind\":%d,\"pop\":%lld}", p->kind, (long long)p->population);
}

static void one(void *arg, const struct detect_cand_info *c)
{
	const struct out *o = arg;
	size_t i, so = read_src_offset(o->doc, c->offset);
	size_t eo = c->length ? read_src_offset(o->doc, c->offset + c->length - 1) + 1 : so;

	fputs("{\"id\":", stdout);
	put_str(o->id);
	printf(",\"off\":%zu,\"len\":%zu,\"surface\":", so, eo - so);
	put_str(c->surface);
	printf(",\"word\":%d,\"rel\":%d,\"lit\":", c->is_word, c->rel);
	put_place(c->lit);
	fputs(",\"alt\":", stdout);
	put_place(c->alt);
	fputs(",\"form\":", stdout);
	put_str(c->alt_form);
	/* "Charlottesville, Va.": as a suggestion names a town */
	fputs(",\"label\":", stdout);
	if (c->alt->kind == DB_KIND_PLACE) {
		char lab[512];
		snprintf(lab, sizeof lab, "%s, %s", c->alt->name,
			 resolve_region_label(o->rs, c->alt->country, c->alt->admin1));
		put_str(lab);
	} else {
		put_str(c->alt->name);
	}
	/* "Kharkiv, Ukraine": as a suggestion names a town for a country qualifier */
	fputs(",\"label_cc\":", stdout);
	{
		char lab[512];
		snprintf(lab, sizeof lab, "%s, %s", c->alt->name, resolve_country_name(o->rs, c->alt->country));
		put_str(lab);
	}
	printf(",\"score\":%.4f,\"slices\":%u,\"noted\":%u,\"x\":[", c->score, c->slices, c->noted);
	for (i = 0; i < detect_n_features; i++)
		printf("%s%.4g", i ? "," : "", c->x[i]);
	fputs("]}\n", stdout);
}

int main(int argc, char **argv)
{
	struct db *db;
	struct diag d;
	struct check_engine eng;
	char *line = NULL;
	size_t cap = 0, i;
	ssize_t n;

	if (argc != 2) {
		fprintf(stderr, "usage: pcfeatures DB < docs.ndjson\n");
		return 2;
	}
	diag_clear(&d);
	if (db_open(argv[1], DB_OPEN_READONLY, &db, &d) != PC_OK || check_engine_init(&eng, db, &d) != PC_OK) {
		fprintf(stderr, "pcfeatures: %s\n", d.msg);
		return 2;
	}
	fputs("{\"features\":[", stdout);
	for (i = 0; i < detect_n_features; i++) {
		fputs(i ? "," : "", stdout);
		put_str(detect_feature_name(i));
	}
	fputs("]}\n", stdout);
	while ((n = getline(&line, &cap, stdin)) > 0) {
		cJSON *j = cJSON_Parse(line), *id, *text, *fmt;
		enum read_fmt rf = READ_FMT_TEXT;
		struct arena a;
		struct read_doc doc;
		struct scan_doc sd;
		struct match_result mr;
		struct ctx cx;
		struct resolve_state rs;
		struct out o;
		int began;

		if (!j || !cJSON_IsString(id = cJSON_GetObjectItem(j, "id")) ||
		    !cJSON_IsString(text = cJSON_GetObjectItem(j, "text"))) {
			fprintf(stderr, "pcfeatures: bad input line\n");
			cJSON_Delete(j);
			continue;
		}
		/* "format": "markdown", "html" or "text" (default) */
		if (cJSON_IsString(fmt = cJSON_GetObjectItem(j, "format")))
			rf = strcmp(fmt->valuestring, "markdown") == 0 ? READ_FMT_MARKDOWN
			     : strcmp(fmt->valuestring, "html") == 0   ? READ_FMT_HTML
								      : READ_FMT_TEXT;
		arena_init(&a, 0);
		diag_clear(&d);
		began = db_read_begin(db);
		if (read_doc(text->valuestring, strlen(text->valuestring), rf, id->valuestring, &a, &doc,
			     &d) != PC_OK ||
		    scan_run(doc.text, doc.len, &a, &sd, &d) != PC_OK || match_run(db, &sd, &a, &mr, &d) != PC_OK ||
		    ctx_build(&sd, &mr, &eng.cues, &a, &cx, &d) != PC_OK ||
		    resolve_run(db, &eng.cache, &sd, &mr, &cx, &a, &rs, &d) != PC_OK) {
			fprintf(stderr, "pcfeatures: %s: %s\n", id->valuestring, d.msg);
		} else {
			o.id = id->valuestring;
			o.doc = &doc;
			o.rs = &rs;
			detect_each_candidate(&rs, NULL, &a, one, &o);
		}
		db_read_end(db, began);
		resolve_cache_trim(&eng.cache);
		arena_free(&a);
		cJSON_Delete(j);
	}
	free(line);
	check_engine_free(&eng);
	db_close(db);
	return 0;
}
