/*
 * check.c: runs the pipeline stages in order for one document (check.h).
 */
#include "check/check.h"

#include "match/match.h"
#include "resolve/resolve.h"
#include "scan/scan.h"

#include "base/xmem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum pc_rc check_engine_init(struct check_engine *e, struct db *db, struct diag *d)
{
	int began;
	enum pc_rc rc;

	memset(e, 0, sizeof *e);
	e->db = db;
	db_status_clear(db);
	began = db_read_begin(db);
	rc = ctx_cues_load(db, &e->cues, d);
	db_read_end(db, began);
	resolve_cache_init(&e->cache, db);
	if (rc == PC_OK)
		rc = db_status(db, d);
	return rc;
}

void check_engine_free(struct check_engine *e)
{
	ctx_cues_free(&e->cues);
	resolve_cache_free(&e->cache);
	free(e->pairs);
	e->pairs = NULL;
	e->n_pairs = 0;
}

/* Key of S[0..LEN) into OUT (SIZE bytes); 0 if it has no letters. */
static int key_of(const char *s, size_t len, char *out, size_t size)
{
	struct buf b;
	int ok;

	buf_init(&b, size - 1);
	ok = db_key(s, len, &b) == PC_OK && b.len > 0;
	snprintf(out, size, "%s", ok ? buf_str(&b) : "");
	buf_free(&b);
	return ok;
}

/* Resolve a place written as in check_engine_add_cue(). */
static enum pc_rc find_place(struct db *db, const char *text, struct db_place *out, struct diag *d)
{
	struct db_hit names[64], regions[64];
	size_t n_names = 0, n_regions = 0, i, j;
	const char *comma = strrchr(text, ',');
	char key[256], rkey[256];
	enum pc_rc rc;
	char *end;
	long long id = strtoll(text, &end, 10);

	if (*text && !*end)
		return db_place_get(db, (int64_t)id, out, d);
	if (!key_of(text, comma ? (size_t)(comma - text) : strlen(text), key, sizeof key))
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0, "'%s' names no place", text);
	if ((rc = db_names_lookup(db, key, names, 64, &n_names, d)) != PC_OK)
		return rc;
	if (comma) {
		if (!key_of(comma + 1, strlen(comma + 1), rkey, sizeof rkey) ||
		    (rc = db_names_lookup(db, rkey, regions, 64, &n_regions, d)) != PC_OK)
			return rc != PC_OK ? rc : diag_set(d, PC_ERR_USAGE, NULL, 0, 0, "'%s': no region", text);
		for (i = 0; i < n_names; i++)
			for (j = 0; j < n_regions; j++)
				if (regions[j].place.kind != DB_KIND_PLACE && names[i].name_kind != DB_NAME_DEMONYM &&
				    db_place_in_region(&names[i].place, &regions[j].place)) {
					*out = names[i].place;
					return PC_OK;
				}
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0, "no place '%s' in the gazetteer", text);
	}
	for (i = 0; i < n_names; i++)
		if (names[i].name_kind != DB_NAME_DEMONYM && names[i].name_kind != DB_NAME_ABBREV) {
			*out = names[i].place;
			return PC_OK;
		}
	return diag_set(d, PC_ERR_USAGE, NULL, 0, 0, "no place '%s' in the gazetteer", text);
}

enum pc_rc check_engine_add_cue(struct check_engine *e, const char *phrase, const char *place,
				double weight, struct diag *d)
{
	struct db_place p;
	enum pc_rc rc;

	db_status_clear(e->db);
	rc = find_place(e->db, place, &p, d);
	if (db_status(e->db, d) != PC_OK)
		return PC_ERR_DB;
	if (rc != PC_OK)
		return rc;
	return ctx_cues_add(&e->cues, phrase, &p, weight, d);
}

enum pc_rc check_engine_add_lookalike(struct check_engine *e, const char *a, const char *b,
				      struct diag *d)
{
	struct resolve_pair *p;

	e->pairs = xreallocarray(e->pairs, e->n_pairs + 1, sizeof *e->pairs);
	p = &e->pairs[e->n_pairs];
	if (!key_of(a, strlen(a), p->a, sizeof p->a) || !key_of(b, strlen(b), p->b, sizeof p->b))
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0, "look-alike '%s ~ %s' has an empty name", a, b);
	e->n_pairs++;
	/* The cached look-alikes were made without it. */
	resolve_cache_set_pairs(&e->cache, e->pairs, e->n_pairs);
	return PC_OK;
}

/* Map a plain-text span to the original file and fill line/column. */
static void map_span(const struct read_doc *doc, size_t *off, size_t *len, unsigned long *line,
		     unsigned long *col)
{
	size_t s = *off, e = *off + *len;
	size_t so = read_src_offset(doc, s);
	size_t eo = e > s ? read_src_offset(doc, e - 1) + 1 : so;

	/* The last byte of a multi-byte character maps inside it: extend to
	 * the end of that character in the source. */
	while (eo < doc->src_len && ((unsigned char)doc->src[eo] & 0xC0) == 0x80)
		eo++;
	*off = so;
	*len = eo > so ? eo - so : 0;
	read_linecol(doc, so, line, col);
}

static int cmp_finding(const void *x, const void *y)
{
	const struct finding *a = x, *b = y;

	if (a->offset != b->offset)
		return a->offset < b->offset ? -1 : 1;
	return strcmp(a->rule, b->rule);
}

static int cmp_place(const void *x, const void *y)
{
	const struct resolved_place *a = x, *b = y;

	return a->offset < b->offset ? -1 : a->offset > b->offset;
}

uint64_t check_deadline(unsigned long ms)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec + (uint64_t)ms * 1000000u;
}

/* PC_ERR_LIMIT once O's deadline has passed (between stages only). */
static enum pc_rc past_deadline(const struct check_opts *o, const char *name, struct diag *d)
{
	if (o->deadline_ns && check_deadline(0) >= o->deadline_ns)
		return diag_set(d, PC_ERR_LIMIT, name, 0, 0, "time limit passed, not checked");
	return PC_OK;
}

/* The start of every line of R's source, for the reports (check_result). */
static void index_lines(struct check_result *r, struct arena *a)
{
	size_t i, n = 1;
	size_t *v;

	for (i = 0; i < r->src_len; i++)
		n += r->src[i] == '\n';
	v = arena_alloc(a, n * sizeof *v);
	v[0] = 0;
	for (i = 0, n = 1; i < r->src_len; i++)
		if (r->src[i] == '\n')
			v[n++] = i + 1;
	r->line_starts = v;
	r->n_lines = n;
}

enum pc_rc check_doc(struct check_engine *e, const char *name, const char *src, size_t len,
		     const struct check_opts *o, struct arena *a, struct check_result *out,
		     struct read_doc *doc_out, struct diag *d)
{
	struct read_doc doc;
	struct scan_doc sd;
	struct match_result mr;
	struct ctx cx;
	struct resolve_state rs;
	enum read_fmt fmt = o->fmt;
	enum pc_rc rc;
	size_t i;
	int began;
	struct diag pd;

	memset(out, 0, sizeof *out);
	out->file = name;
	out->src = src;
	out->src_len = len;
	if (fmt == READ_FMT_AUTO)
		fmt = read_fmt_from_name(name);
	if ((rc = past_deadline(o, name, d)) != PC_OK ||
	    (rc = read_doc(src, len, fmt, name, a, &doc, d)) != PC_OK)
		return rc;
	out->src = doc.src; /* lone CRs made LFs (read.h): reports count the same lines */
	if (doc_out)
		*doc_out = doc;
	if ((rc = past_deadline(o, name, d)) != PC_OK ||
	    (rc = scan_run(doc.text, doc.len, a, &sd, d)) != PC_OK)
		return rc;
	/* One read transaction per document: a consistent snapshot even if a
	 * load swaps the file, and no lock round trip per lookup.  A read
	 * error anywhere in the stages (some lookups answer "no" on failure)
	 * is the database's, not the article's: it wins over what the stages
	 * made of it (db.h, "Read errors"). */
	diag_clear(&pd);
	db_status_clear(e->db);
	began = db_read_begin(e->db);
	if ((rc = past_deadline(o, name, &pd)) == PC_OK)
		rc = match_run(e->db, &sd, a, &mr, &pd);
	if (rc == PC_OK)
		rc = ctx_build(&sd, &mr, &e->cues, a, &cx, &pd);
	if (rc == PC_OK && (rc = past_deadline(o, name, &pd)) == PC_OK) {
		resolve_cache_trim(&e->cache);
		rc = resolve_run(e->db, &e->cache, &sd, &mr, &cx, a, &rs, &pd);
	}
	if (rc == PC_OK && (rc = past_deadline(o, name, &pd)) == PC_OK)
		rc = detect_run(&rs, &o->detect, a, &out->findings, &out->n_findings, &out->places, &out->n_places, &pd);
	db_read_end(e->db, began);
	if (db_status(e->db, d) != PC_OK) {
		out->n_findings = out->n_places = 0;
		return PC_ERR_DB;
	}
	if (rc != PC_OK) {
		if (d && d->rc == PC_OK)
			*d = pd;
		return rc;
	}
	for (i = 0; i < out->n_findings; i++) {
		struct finding *f = &out->findings[i];
		map_span(&doc, &f->offset, &f->length, &f->line, &f->column);
		f->text = arena_strndup(a, doc.src + f->offset, f->length);
	}
	for (i = 0; i < out->n_places; i++) {
		struct resolved_place *p = &out->places[i];
		map_span(&doc, &p->offset, &p->length, &p->line, &p->column);
		p->text = arena_strndup(a, doc.src + p->offset, p->length);
	}
	if (out->n_findings || out->n_places)
		index_lines(out, a);
	/* qsort with a NULL base is undefined even for zero elements. */
	if (out->n_findings)
		qsort(out->findings, out->n_findings, sizeof *out->findings, cmp_finding);
	if (out->n_places)
		qsort(out->places, out->n_places, sizeof *out->places, cmp_place);
	return PC_OK;
}
