/*
 * context.c: static evidence and cue phrases (see context.h).
 */
#include "context/context.h"

#include "base/buf.h"
#include "base/xmem.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void ctx_xyz(double lat, double lon, double xyz[3])
{
	double la = lat * (M_PI / 180.0), lo = lon * (M_PI / 180.0);

	xyz[0] = cos(la) * cos(lo);
	xyz[1] = cos(la) * sin(lo);
	xyz[2] = sin(la);
}

void ctx_add(struct ctx *c, struct arena *a, const struct ctx_ev *ev)
{
	struct ctx_ev *e;

	if (c->n_ev == c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 64;
		c->ev = arena_grow(a, c->ev, c->cap, ncap, sizeof *c->ev);
		c->cap = ncap;
	}
	e = &c->ev[c->n_ev++];
	*e = *ev;
	ctx_xyz(e->place->lat, e->place->lon, e->xyz);
}

static size_t hash_word(const char *s, size_t len)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static int cmp_cue(const void *x, const void *y)
{
	const struct ctx_cue_ent *a = x, *b = y;

	return strcmp(a->key, b->key);
}

static size_t first_word_len(const char *key)
{
	const char *sp = strchr(key, ' ');

	return sp ? (size_t)(sp - key) : strlen(key);
}

/* Sort the cues and (re)build the first-word index. */
static void cues_index(struct ctx_cues *out)
{
	size_t i;

	qsort(out->cues, out->n, sizeof *out->cues, cmp_cue);
	out->first_cap = 64;
	while (out->first_cap < out->n * 2 + 2)
		out->first_cap *= 2;
	out->first = arena_calloc(&out->a, out->first_cap, sizeof *out->first);
	out->n_first = 0;
	for (i = 0; i < out->n;) {
		size_t fl = first_word_len(out->cues[i].key), k = i + 1, h;
		while (k < out->n && first_word_len(out->cues[k].key) == fl &&
		       memcmp(out->cues[k].key, out->cues[i].key, fl) == 0)
			k++;
		h = hash_word(out->cues[i].key, fl) & (out->first_cap - 1);
		while (out->first[h].word)
			h = (h + 1) & (out->first_cap - 1);
		out->first[h].word = arena_strndup(&out->a, out->cues[i].key, fl);
		out->first[h].lo = i;
		out->first[h].hi = k;
		out->n_first++;
		i = k;
	}
}

enum pc_rc ctx_cues_add(struct ctx_cues *c, const char *phrase, const struct db_place *place,
			double weight, struct diag *d)
{
	struct buf k;
	struct ctx_cue_ent *e;
	const char *p;

	buf_init(&k, 1024);
	if (db_key(phrase, strlen(phrase), &k) != PC_OK || k.len == 0) {
		buf_free(&k);
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0, "cue phrase '%s' has no letters", phrase);
	}
	if (c->n == c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 16;
		c->cues = arena_grow(&c->a, c->cues, c->n, ncap, sizeof *c->cues);
		c->cap = ncap;
	}
	e = &c->cues[c->n++];
	memset(e, 0, sizeof *e);
	e->key = arena_strdup(&c->a, buf_str(&k));
	e->phrase = arena_strdup(&c->a, phrase);
	e->place = arena_alloc(&c->a, sizeof *e->place);
	*e->place = *place;
	e->place_id = place->id;
	e->loaded = 1;
	e->weight = weight;
	e->topic = -1;
	e->n_words = 1;
	for (p = e->key; *p; p++)
		if (*p == ' ')
			e->n_words++;
	buf_free(&k);
	cues_index(c);
	return PC_OK;
}

/* Index of topic NAME in C, added if new (a handful: a linear search;
 * the array grown one by one in C's arena). */
static int topic_index(struct ctx_cues *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->n_topics; i++)
		if (strcmp(c->topics[i].name, name) == 0)
			return (int)i;
	c->topics = arena_grow(&c->a, c->topics, c->n_topics, c->n_topics + 1, sizeof *c->topics);
	memset(&c->topics[c->n_topics], 0, sizeof *c->topics);
	c->topics[c->n_topics].name = name;
	return (int)c->n_topics++;
}

/* The topics table: its cues join the cue index (C->cues has room for
 * C->n entries only: grown here), its members their topic. */
static enum pc_rc topics_load(struct db *db, struct ctx_cues *c, struct diag *d)
{
	struct db_topic_row *rows = NULL;
	size_t n = 0, i, n_cues = 0;
	enum pc_rc rc;

	if ((rc = db_topics_all(db, &c->a, &rows, &n, d)) != PC_OK)
		return rc;
	for (i = 0; i < n; i++)
		n_cues += rows[i].key[0] != '\0';
	if (n_cues) {
		c->cues = arena_grow(&c->a, c->cues, c->n, c->n + n_cues, sizeof *c->cues);
		c->cap = c->n + n_cues;
	}
	for (i = 0; i < n; i++) {
		int t = topic_index(c, rows[i].topic);
		struct ctx_topic *tp = &c->topics[t];
		if (rows[i].key[0]) {
			struct ctx_cue_ent *e = &c->cues[c->n++];
			const char *p;
			memset(e, 0, sizeof *e);
			e->key = rows[i].key;
			e->phrase = rows[i].phrase;
			e->loaded = 1;
			e->topic = t;
			e->n_words = 1;
			for (p = e->key; *p; p++)
				if (*p == ' ')
					e->n_words++;
		} else if (rows[i].member[0]) {
			/* Few members a topic: grown one by one. */
			tp->members = arena_grow(&c->a, tp->members, tp->n_members, tp->n_members + 1,
						 sizeof *tp->members);
			tp->members[tp->n_members++] = rows[i].member;
		}
	}
	return PC_OK;
}

int ctx_topic_told(const struct ctx *c, size_t t)
{
	return t < c->n_topics && c->topic_hits[t] >= CTX_TOPIC_MIN_HITS;
}

int ctx_topic_member(const struct ctx_topic *t, const struct db_place *p)
{
	size_t i, cl = strlen(p->country);

	/* (A county group carries its admin1's code: England's, for
	 * Berkshire; it is no nation.) */
	if (p->kind != DB_KIND_COUNTRY &&
	    !(p->kind == DB_KIND_ADMIN1 && !db_place_is_admin2_group(p)))
		return 0;
	for (i = 0; i < t->n_members; i++) {
		const char *m = t->members[i];
		if (p->kind == DB_KIND_COUNTRY ? strcmp(m, p->country) == 0
					       : strncmp(m, p->country, cl) == 0 && m[cl] == '.' &&
						 strcmp(m + cl + 1, p->admin1) == 0)
			return 1;
	}
	return 0;
}

enum pc_rc ctx_cues_load(struct db *db, struct ctx_cues *out, struct diag *d)
{
	struct db_cue *raw = NULL;
	size_t n_raw = 0, i, j;
	enum pc_rc rc;

	memset(out, 0, sizeof *out);
	out->db = db;
	arena_init(&out->a, 0);
	if ((rc = db_cues_all(db, &out->a, &raw, &n_raw, d)) != PC_OK)
		return rc;
	out->cues = arena_calloc(&out->a, n_raw ? n_raw : 1, sizeof *out->cues);
	for (i = j = 0; i < n_raw; i++) {
		struct ctx_cue_ent *e = &out->cues[j];
		const char *p;
		if (!raw[i].key[0])
			continue;
		e->place_id = raw[i].place_id;
		e->loaded = 0;
		e->key = raw[i].key;
		e->phrase = raw[i].phrase;
		e->weight = raw[i].weight;
		e->topic = -1;
		e->n_words = 1;
		for (p = e->key; *p; p++)
			if (*p == ' ')
				e->n_words++;
		j++;
	}
	out->n = j;
	out->cap = n_raw ? n_raw : 1;
	if ((rc = topics_load(db, out, d)) != PC_OK)
		return rc;
	cues_index(out);
	return PC_OK;
}

void ctx_cues_free(struct ctx_cues *c)
{
	arena_free(&c->a);
	memset(c, 0, sizeof *c);
}

static const struct ctx_first *first_find(const struct ctx_cues *c, const char *w, size_t len)
{
	size_t h;

	if (!c->first_cap)
		return NULL;
	h = hash_word(w, len) & (c->first_cap - 1);
	while (c->first[h].word) {
		if (strlen(c->first[h].word) == len && memcmp(c->first[h].word, w, len) == 0)
			return &c->first[h];
		h = (h + 1) & (c->first_cap - 1);
	}
	return NULL;
}

/* Fold token T of S into B (reset first).  0 on failure. */
static int tok_key(const struct scan_doc *s, size_t t, struct buf *b)
{
	buf_reset(b);
	return db_key(s->text + s->toks[t].off, s->toks[t].len, b) == PC_OK && b->len > 0;
}

static double ev_weight_for(int source)
{
	switch (source) {
	case CTX_SRC_QUAL:
		return 1.0;
	case CTX_SRC_DEMONYM:
		return 0.7;
	case CTX_SRC_ABBR:
		return 0.9;
	default:
		return 0.8;
	}
}

static int place_level(const struct db_place *p)
{
	if (p->kind == DB_KIND_COUNTRY)
		return CTX_COUNTRY;
	if (p->kind == DB_KIND_ADMIN1)
		return CTX_ADMIN1;
	return CTX_PLACE;
}

/* The place of cue E, read the first time it is needed (start-up reads
 * only the phrases), or NULL if the database lacks it. */
static const struct db_place *cue_place(struct ctx_cues *cues, struct ctx_cue_ent *e)
{
	if (!e->loaded) {
		struct diag d;
		struct db_place p;
		diag_clear(&d);
		e->loaded = cues->db && db_place_get(cues->db, e->place_id, &p, &d) == PC_OK ? 1 : -1;
		if (e->loaded > 0) {
			e->place = arena_alloc(&cues->a, sizeof *e->place);
			*e->place = p;
		}
	}
	return e->loaded > 0 ? e->place : NULL;
}

/* Cue phrases: longest match at each word token. */
static void match_cues(const struct scan_doc *s, const struct match_result *mr, struct ctx_cues *cues,
		       struct arena *a, struct ctx *out)
{
	struct buf b, phrase;
	size_t t, mi = 0;

	if (!cues || cues->n == 0)
		return;
	buf_init(&b, 512);
	buf_init(&phrase, 2048);
	for (t = 0; t < s->n_toks; t++) {
		const struct ctx_first *f;
		struct ctx_cue_ent *best = NULL;
		size_t best_end = 0, i;
		if (!(s->toks[t].flags & SCAN_WORD) || !tok_key(s, t, &b))
			continue;
		if (!(f = first_find(cues, b.data, b.len)))
			continue;
		for (i = f->lo; i < f->hi; i++) {
			struct ctx_cue_ent *c = &cues->cues[i];
			size_t u = t, w = 0;
			/* A cue written capitalised is a proper name: "the bills
			 * piled up" is no Buffalo Bills.  Currencies ("naira")
			 * are written in lower case and match as they are. */
			if (c->phrase && c->phrase[0] >= 'A' && c->phrase[0] <= 'Z' &&
			    !(s->toks[t].flags & SCAN_CAP))
				continue;
			/* Build the key of c->n_words word tokens from t and compare. */
			buf_reset(&phrase);
			while (u < s->n_toks && w < c->n_words) {
				if (s->toks[u].flags & (SCAN_WORD | SCAN_NUMBER)) {
					if (!tok_key(s, u, &b))
						break;
					if (phrase.len)
						buf_putc(&phrase, ' ');
					buf_append(&phrase, b.data, b.len);
					w++;
				} else if (!(scan_is_punct(s, u, '.') || scan_is_punct(s, u, '-') ||
					     scan_is_punct(s, u, '&'))) {
					break;
				}
				u++;
			}
			if (w == c->n_words && strcmp(buf_str(&phrase), c->key) == 0 &&
			    (!best || c->n_words > best->n_words)) {
				best = c;
				best_end = u;
			}
		}
		/* A topic's cue says what the story is about, not where; one
		 * that match read as a place ("a bypass for Rugby") is the
		 * place.  (Mentions are in text order, as the tokens are.) */
		if (best && best->topic >= 0) {
			while (mi < mr->n && mr->m[mi].tok_end <= t)
				mi++;
			if (!(mi < mr->n && mr->m[mi].tok_start < best_end)) {
				if (out->topic_hits[best->topic]++ == 0)
					out->topic_cue[best->topic] = best->phrase;
			}
			t = best_end - 1;
			continue;
		}
		if (best && cue_place(cues, best)) {
			struct ctx_ev ev;
			memset(&ev, 0, sizeof ev);
			ev.level = place_level(best->place);
			ev.source = CTX_SRC_CUE;
			ev.place = best->place;
			ev.weight = best->weight;
			ev.tok = t;
			ev.tok_end = best_end;
			ev.sent = s->toks[t].sent;
			ev.para = s->toks[t].para;
			ev.mention = -1;
			ev.key_id = -1;
			ev.what = best->phrase;
			ev.dateline = (s->toks[t].flags & SCAN_DATELINE) != 0;
			ctx_add(out, a, &ev);
			t = best_end - 1;
		}
	}
	buf_free(&b);
	buf_free(&phrase);
}

/*
 * The key of the N words of S from token T (as match_cues reads them:
 * periods, hyphens and ampersands between words are skipped), into B; 0 if
 * the sentence or the text ends first.
 */
static int words_key(const struct scan_doc *s, size_t t, size_t n, struct buf *b, struct buf *w)
{
	size_t got = 0, u;

	buf_reset(b);
	for (u = t; u < s->n_toks && got < n && s->toks[u].sent == s->toks[t].sent; u++) {
		if (s->toks[u].flags & (SCAN_WORD | SCAN_NUMBER)) {
			if (!tok_key(s, u, w))
				return 0;
			if (b->len)
				buf_putc(b, ' ');
			buf_append(b, w->data, w->len);
			got++;
		} else if (!(scan_is_punct(s, u, '.') || scan_is_punct(s, u, '-') || scan_is_punct(s, u, '&'))) {
			return 0;
		}
	}
	return got == n;
}

/* Is the place of cue E place P, or inside P (a country, a first-level
 * region)? */
static int cue_of(struct ctx_cues *cues, struct ctx_cue_ent *e, const struct db_place *p)
{
	const struct db_place *c;

	if (e->place_id == p->id)
		return 1;
	if ((p->kind != DB_KIND_COUNTRY && p->kind != DB_KIND_ADMIN1) || !(c = cue_place(cues, e)))
		return 0;
	return strcmp(c->country, p->country) == 0 &&
	       (p->kind == DB_KIND_COUNTRY || strcmp(c->admin1, p->admin1) == 0);
}

const char *ctx_cue_completes(const struct ctx *c, const struct scan_doc *s, const char *key, size_t t,
			      const struct db_place *place)
{
	struct ctx_cues *cues = c->cues;
	const struct ctx_first *f;
	const char *found = NULL;
	size_t kl = strlen(key), kw = 1, i;
	struct buf b, w;
	const char *p;

	if (!cues || !cues->n || t >= s->n_toks || t == 0 || s->toks[t].sent != s->toks[t - 1].sent ||
	    !(s->toks[t].flags & (SCAN_WORD | SCAN_NUMBER)) || !(f = first_find(cues, key, first_word_len(key))))
		return NULL;
	for (p = key; *p; p++)
		kw += *p == ' ';
	buf_init(&b, 256);
	buf_init(&w, 64);
	for (i = f->lo; i < f->hi && !found; i++) {
		struct ctx_cue_ent *e = &cues->cues[i];
		const char *rest = e->phrase;
		size_t k;
		if (e->topic >= 0 || e->n_words <= kw || strncmp(e->key, key, kl) != 0 || e->key[kl] != ' ')
			continue;
		/* The words after the name go on as the cue writes them: "the
		 * Australian Open", not "an Austrian open market". */
		for (k = 0; k < kw && (rest = strchr(rest, ' ')); k++)
			rest++;
		if (!rest || (isupper((unsigned char)*rest) && !(s->toks[t].flags & SCAN_CAP)))
			continue;
		/* (The words first: a cue's place is read only for a cue the
		 * text spells.) */
		if (words_key(s, t, e->n_words - kw, &b, &w) && strcmp(buf_str(&b), e->key + kl + 1) == 0 &&
		    cue_of(cues, e, place))
			found = e->phrase;
	}
	buf_free(&b);
	buf_free(&w);
	return found;
}

static int cmp_ev(const void *x, const void *y)
{
	const struct ctx_ev *a = x, *b = y;

	if (a->para != b->para)
		return a->para < b->para ? -1 : 1;
	return a->tok < b->tok ? -1 : a->tok > b->tok;
}

enum pc_rc ctx_build(const struct scan_doc *s, const struct match_result *mr,
		     struct ctx_cues *cues, struct arena *a, struct ctx *out,
		     struct diag *d)
{
	size_t i, j;

	(void)d;
	memset(out, 0, sizeof *out);
	out->cues = cues;
	for (i = 0; i < mr->n; i++) {
		const struct mention *m = &mr->m[i];
		int source;
		if (m->flags & MATCH_DEMONYM)
			source = CTX_SRC_DEMONYM;
		else if (m->flags & MATCH_QUALIFIER)
			source = CTX_SRC_QUAL;
		else if (m->flags & MATCH_REGION_ABBR)
			source = CTX_SRC_ABBR;
		else
			continue;
		/* Each reading of a demonym or abbreviation is evidence; the
		 * ambiguous ones ("Georgian") split their weight. */
		for (j = 0; j < m->n_cands; j++) {
			struct ctx_ev ev;
			memset(&ev, 0, sizeof ev);
			ev.level = place_level(&m->cands[j].place);
			ev.source = source;
			ev.place = &m->cands[j].place;
			ev.weight = ev_weight_for(source) / (double)m->n_cands;
			ev.tok = m->tok_start;
			ev.tok_end = m->tok_end;
			ev.sent = s->toks[m->tok_start].sent;
			ev.para = s->toks[m->tok_start].para;
			ev.mention = (int)i;
			ev.key = m->key;
			ev.key_id = -1; /* set by resolve */
			ev.what = m->surface;
			ev.dateline = (m->flags & MATCH_DATELINE) != 0;
			ctx_add(out, a, &ev);
		}
	}
	if (cues && cues->n_topics) {
		out->topics = cues->topics;
		out->n_topics = cues->n_topics;
		out->topic_hits = arena_calloc(a, cues->n_topics, sizeof *out->topic_hits);
		out->topic_cue = arena_calloc(a, cues->n_topics, sizeof *out->topic_cue);
	}
	match_cues(s, mr, cues, a, out);
	/* resolve/ looks evidence up by paragraph: keep it in text order. */
	if (out->n_ev > 1)
		qsort(out->ev, out->n_ev, sizeof *out->ev, cmp_ev);
	return PC_OK;
}
