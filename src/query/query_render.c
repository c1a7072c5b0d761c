/*
 * query_render.c: a struct query_answer as text for a person or as one
 * JSON document for a script, appended to a struct buf.  The caller prints.
 *
 * Both writers keep a sticky error (the first failed append) and roll the
 * buffer back to where they started if there was one, so an answer is
 * never half written.
 *
 * Text is short by default (name, region, kind, population: what tells
 * namesakes apart); coordinates and GeoNames ids come with long_form.  A
 * line wider than the width asked for is wrapped between its parts, a list
 * line's continuation indented under it.
 */
#include "query/query_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"

/* Regions named in one "X is in A, B and C." sentence. */
#define RENDER_MAX_ELSEWHERE 4

struct out {
	struct buf *b;
	size_t start;
	enum pc_rc rc;
	int color;
	int long_form;
};

static void out_init(struct out *w, struct buf *b, const struct query_render_opts *o)
{
	w->b = b;
	w->start = b->len;
	w->rc = PC_OK;
	w->color = o && o->color;
	w->long_form = o && o->long_form;
}

static enum pc_rc out_finish(struct out *w)
{
	if (w->rc != PC_OK) {
		w->b->len = w->start;
		if (w->b->data)
			w->b->data[w->start] = '\0';
	}
	return w->rc;
}

static void put(struct out *w, const char *s, size_t len)
{
	if (w->rc == PC_OK)
		w->rc = buf_append(w->b, s, len);
}

static void puts_(struct out *w, const char *s)
{
	put(w, s, strlen(s));
}

static void putf(struct out *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(struct out *w, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	put(w, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* Text that came from the user or the data: no control characters. */
static void put_clean(struct out *w, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		char c = (*p < 0x20 || *p == 0x7f) ? ' ' : (char)*p;
		put(w, &c, 1);
	}
}

static void put_bold(struct out *w, const char *s)
{
	if (w->color)
		puts_(w, BOLD);
	put_clean(w, s);
	if (w->color)
		puts_(w, RESET);
}

/* 1234567 -> "1,234,567" */
static void put_count(struct out *w, long long v)
{
	char digits[32], outb[48];
	int n, i, j = 0;

	n = snprintf(digits, sizeof digits, "%lld", v < 0 ? -v : v);
	if (v < 0)
		outb[j++] = '-';
	for (i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			outb[j++] = ',';
		outb[j++] = digits[i];
	}
	put(w, outb, (size_t)j);
}

static void place_line(struct out *w, const struct query_place *q)
{
	const struct db_place *p = &q->p;

	put_bold(w, p->name);
	if (q->name_kind == DB_NAME_ALT && q->form[0] && strcmp(q->form, p->name) != 0) {
		puts_(w, " (also ");
		put_clean(w, q->form);
		puts_(w, ")");
	}
	/* A county group names the admin1 it lies in, as a place does:
	 * "Merseyside, England", not "Merseyside" as if it were England. */
	if (p->kind == DB_KIND_ADMIN1 && !db_place_is_admin2_group(p)) {
		if (q->abbrev[0])
			putf(w, " (%s)", q->abbrev);
	} else if (p->kind != DB_KIND_COUNTRY && p->kind != DB_KIND_REGION && q->admin1_name[0]) {
		puts_(w, ", ");
		put_clean(w, q->admin1_name);
		if (q->abbrev[0])
			putf(w, " (%s)", q->abbrev);
	}
	if (p->kind != DB_KIND_COUNTRY && p->kind != DB_KIND_REGION && q->country_name[0]) {
		puts_(w, ", ");
		put_clean(w, q->country_name);
	}
	puts_(w, "; ");
	puts_(w, q->kind_word ? q->kind_word : "place");
	if (p->population > 0) {
		puts_(w, "; pop. ");
		put_count(w, p->population);
	}
	if (!w->long_form)
		return;
	if (w->color)
		puts_(w, DIM);
	putf(w, "; %.5f,%.5f", p->lat, p->lon);
	if (p->id > 0 && !db_place_is_postal(p))
		putf(w, "; GeoNames %lld", (long long)p->id);
	if (w->color)
		puts_(w, RESET);
}

enum pc_rc query_render_place(struct buf *b, const struct query_place *p,
			      const struct query_render_opts *o)
{
	struct out w;

	out_init(&w, b, o);
	place_line(&w, p);
	return out_finish(&w);
}

static void places_block(struct out *w, const struct query_place *v, size_t n, size_t total,
			 int with_dist)
{
	size_t i;

	for (i = 0; i < n; i++) {
		puts_(w, "  ");
		if (with_dist)
			putf(w, "%6.1f km  ", v[i].dist_km);
		place_line(w, &v[i]);
		puts_(w, "\n");
	}
	if (total > n)
		putf(w, "  (%zu more not shown; raise the limit to see them)\n", total - n);
}

static void alikes_block(struct out *w, const struct query_alike *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		puts_(w, "  ");
		put_bold(w, v[i].name);
		putf(w, " (%s)", v[i].how);
		if (v[i].has_place) {
			puts_(w, ": ");
			place_line(w, &v[i].place);
		}
		puts_(w, "\n");
	}
}

/* "Did you mean:" and the names a small edit away, one place each. */
static void suggestions_block(struct out *w, const struct query_answer *ans)
{
	size_t i;

	if (!ans->n_suggestions)
		return;
	puts_(w, "Did you mean:\n");
	for (i = 0; i < ans->n_suggestions; i++) {
		puts_(w, "  ");
		place_line(w, &ans->suggestions[i].place);
		puts_(w, "\n");
	}
}

/* "No place called Pitsburgh." and what was perhaps meant. */
static void no_place(struct out *w, const struct query_answer *ans)
{
	puts_(w, "No place called ");
	put_bold(w, ans->name);
	puts_(w, ".\n");
	suggestions_block(w, ans);
}

/* "Virginia", or "New South Wales, Australia" outside the asked country. */
static void where_words(const struct query_place *q, const char *home_country, char *out,
			size_t size)
{
	if (q->p.kind == DB_KIND_COUNTRY || !q->admin1_name[0])
		snprintf(out, size, "%s", q->country_name[0] ? q->country_name : q->p.country);
	else if (strcmp(q->p.country, home_country) == 0)
		snprintf(out, size, "%s", q->admin1_name);
	else
		snprintf(out, size, "%s, %s", q->admin1_name, q->country_name);
}

/* "Charlottesville is in Virginia and Indiana." */
static void elsewhere_sentence(struct out *w, const struct query_answer *ans)
{
	char where[RENDER_MAX_ELSEWHERE][300];
	size_t n = 0, i, k;
	/* Places that only have the name as an alternate are not where it "is". */
	int own = ans->n_elsewhere && ans->elsewhere[0].name_kind != DB_NAME_ALT;

	for (i = 0; i < ans->n_elsewhere && n < RENDER_MAX_ELSEWHERE; i++) {
		char one[300];
		if (own && ans->elsewhere[i].name_kind == DB_NAME_ALT)
			break;
		where_words(&ans->elsewhere[i], ans->region.country, one, sizeof one);
		for (k = 0; k < n; k++)
			if (strcmp(where[k], one) == 0)
				break;
		if (k == n)
			snprintf(where[n++], sizeof where[0], "%s", one);
	}
	put_clean(w, ans->name);
	puts_(w, " is in ");
	for (i = 0; i < n; i++) {
		if (i)
			puts_(w, i + 1 == n ? " and " : ", ");
		put_clean(w, where[i]);
	}
	if (i < ans->n_elsewhere && n == RENDER_MAX_ELSEWHERE &&
	    ans->elsewhere[i].name_kind == ans->elsewhere[0].name_kind)
		puts_(w, ", among others");
	puts_(w, ".");
}

static void render_in(struct out *w, const struct query_answer *ans)
{
	size_t i;

	if (ans->found) {
		if (ans->n_total_places == 1) {
			puts_(w, "Yes: ");
			put_bold(w, ans->places[0].p.name);
			puts_(w, " is in ");
		} else {
			putf(w, "Yes: %zu places called ", ans->n_total_places);
			put_bold(w, ans->name);
			puts_(w, " in ");
		}
		put_clean(w, ans->region.name);
		puts_(w, ".\n");
		places_block(w, ans->places, ans->n_places, ans->n_total_places, 0);
		return;
	}
	puts_(w, "No ");
	put_bold(w, ans->name);
	puts_(w, " in ");
	put_clean(w, ans->region.name);
	puts_(w, ". ");
	if (ans->n_elsewhere)
		elsewhere_sentence(w, ans);
	else {
		puts_(w, "No place is called ");
		put_clean(w, ans->name);
		puts_(w, " anywhere.");
	}
	if (ans->n_alikes) {
		puts_(w, " In ");
		put_clean(w, ans->region.name);
		puts_(w, ": ");
		for (i = 0; i < ans->n_alikes; i++) {
			if (i)
				puts_(w, ", ");
			put_clean(w, ans->alikes[i].name);
		}
		puts_(w, ".");
	}
	puts_(w, "\n");
	if (ans->n_elsewhere) {
		puts_(w, "Elsewhere:\n");
		places_block(w, ans->elsewhere, ans->n_elsewhere, ans->n_elsewhere, 0);
	} else {
		suggestions_block(w, ans);
	}
	if (ans->n_alikes) {
		puts_(w, "Look-alikes in ");
		put_clean(w, ans->region.name);
		puts_(w, ":\n");
		alikes_block(w, ans->alikes, ans->n_alikes);
	}
}

/* "the point 38.03000, -78.48000" or "Charlottesville, Virginia, United States". */
static void near_what(struct out *w, const struct query_answer *ans)
{
	const struct query_place *c = &ans->center;

	if (!ans->has_center) {
		putf(w, "%.5f, %.5f", ans->lat, ans->lon);
		return;
	}
	put_bold(w, c->p.name);
	if (c->p.kind != DB_KIND_COUNTRY &&
	    (c->p.kind != DB_KIND_ADMIN1 || db_place_is_admin2_group(&c->p)) && c->admin1_name[0]) {
		puts_(w, ", ");
		put_clean(w, c->admin1_name);
	}
	if (c->p.kind != DB_KIND_COUNTRY && c->country_name[0]) {
		puts_(w, ", ");
		put_clean(w, c->country_name);
	}
	if (w->long_form)
		putf(w, " (%.5f, %.5f)", ans->lat, ans->lon);
}

/* Display columns of S[0..LEN): code points, ANSI escape sequences left out. */
static size_t columns(const char *s, size_t len)
{
	size_t i = 0, n = 0;

	while (i < len) {
		if (s[i] == '\033') {
			while (i < len && s[i] != 'm')
				i++;
			i++;
			continue;
		}
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
		i++;
	}
	return n;
}

/*
 * Is the blank at S[I] a good place to break: after "; ", ", " or ": ", and
 * in a sentence (PROSE: a line not indented) after ". " too?  (Not in a
 * place line, where "pop. 20,858" must stay whole.)
 */
static int soft_break(const char *s, size_t i, int prose)
{
	return i > 0 && (s[i - 1] == ';' || s[i - 1] == ',' || s[i - 1] == ':' || (prose && s[i - 1] == '.'));
}

/*
 * Wrap the lines written since W started at WIDTH columns.  A line breaks
 * at the blank after a ';', ',' or ':' (between the parts of a place:
 * never inside "pop. 20,858"); a part wider than a whole line breaks at
 * its blanks.  The blank at a break is dropped; a continuation of an
 * indented line is indented 4 more, of a sentence not at all.  A word
 * longer than the line stays whole.
 */
static void wrap(struct out *w, unsigned width)
{
	struct buf copy;
	size_t p, end;

	if (w->rc != PC_OK || !width || w->b->len == w->start)
		return;
	buf_init(&copy, 0);
	if (buf_append(&copy, w->b->data + w->start, w->b->len - w->start) != PC_OK) {
		buf_free(&copy);
		return;
	}
	w->b->len = w->start;
	w->b->data[w->start] = '\0';
	for (p = 0; p < copy.len; p = end + 1) {
		const char *line = copy.data + p;
		const char *nl = memchr(line, '\n', copy.len - p);
		size_t len = nl ? (size_t)(nl - line) : copy.len - p;
		size_t lead = 0, col, q, indent;

		end = p + len;
		if (columns(line, len) <= width) {
			put(w, line, len);
			if (nl)
				puts_(w, "\n");
			continue;
		}
		while (lead < len && line[lead] == ' ')
			lead++;
		indent = lead ? lead + 4 : 0;
		if (indent * 2 > width)
			indent = lead;
		put(w, line, lead);
		col = lead;
		for (q = lead; q < len;) {
			/* The next part: from the blanks at q to the next soft break. */
			size_t sep = q, start, r, cols;
			while (q < len && line[q] == ' ')
				q++;
			start = q;
			if (start == len)
				break; /* trailing blanks */
			for (r = start; r < len && !(line[r] == ' ' && soft_break(line, r, !lead)); r++)
				;
			cols = columns(line + start, r - start);
			if (col > indent && col + (start - sep) + cols > width) {
				puts_(w, "\n");
				putf(w, "%*s", (int)indent, "");
				col = indent;
				sep = start;
			}
			if (col + (start - sep) + cols <= width) {
				put(w, line + sep, r - sep);
				col += (start - sep) + cols;
				q = r;
				continue;
			}
			/* Wider than a whole line: word by word. */
			put(w, line + sep, start - sep);
			col += start - sep;
			for (q = start; q < r;) {
				size_t bl = q, word, wc;
				while (q < r && line[q] == ' ')
					q++;
				word = q;
				while (q < r && line[q] != ' ')
					q++;
				wc = columns(line + word, q - word);
				if (col > indent && col + (word - bl) + wc > width) {
					puts_(w, "\n");
					putf(w, "%*s", (int)indent, "");
					col = indent;
				} else {
					put(w, line + bl, word - bl);
					col += word - bl;
				}
				put(w, line + word, q - word);
				col += wc;
			}
		}
		if (nl)
			puts_(w, "\n");
	}
	buf_free(&copy);
}

enum pc_rc query_wrap(struct buf *b, size_t start, unsigned width)
{
	struct out w;

	if (start > b->len)
		return PC_ERR_USAGE;
	out_init(&w, b, NULL);
	w.start = start;
	wrap(&w, width);
	return out_finish(&w);
}

/* The next of the newline-separated layers at *P into ONE (SIZE bytes);
 * 0 when none is left. */
static int next_layer(const char **p, char *one, size_t size)
{
	const char *nl;
	size_t len;

	if (!**p)
		return 0;
	nl = strchr(*p, '\n');
	len = nl ? (size_t)(nl - *p) : strlen(*p);
	snprintf(one, size, "%.*s", (int)len, *p);
	*p = nl ? nl + 1 : *p + len;
	return 1;
}

/* "searched: GeoNames cities500, US postal places" (nothing for an old database). */
static void searched_line(struct out *w, const struct query_answer *ans)
{
	const char *p = ans->searched ? ans->searched : "";
	char one[256];
	int first = 1;

	if (!*p)
		return;
	puts_(w, "searched: ");
	while (next_layer(&p, one, sizeof one)) {
		if (!first)
			puts_(w, ", ");
		put_clean(w, one);
		first = 0;
	}
	puts_(w, "\n");
}

enum pc_rc query_render_text(struct buf *b, const struct query_answer *ans,
			     const struct query_render_opts *o)
{
	struct out w;
	size_t i;

	out_init(&w, b, o);
	switch (ans->mode) {
	case QUERY_NAME:
		if (ans->found) {
			put_bold(&w, ans->name);
			if (ans->n_total_places == 1)
				puts_(&w, ": 1 place\n");
			else
				putf(&w, ": %zu places, most prominent first\n", ans->n_total_places);
			places_block(&w, ans->places, ans->n_places, ans->n_total_places, 0);
		} else {
			no_place(&w, ans);
		}
		if (ans->n_alikes) {
			puts_(&w, "Look-alikes of ");
			put_clean(&w, ans->name);
			puts_(&w, ":\n");
			alikes_block(&w, ans->alikes, ans->n_alikes);
		}
		break;
	case QUERY_IN:
		render_in(&w, ans);
		break;
	case QUERY_LIKE:
		if (ans->n_alikes) {
			puts_(&w, "Look-alikes of ");
			put_bold(&w, ans->name);
			puts_(&w, ":\n");
			alikes_block(&w, ans->alikes, ans->n_alikes);
		} else {
			puts_(&w, "Nothing in the gazetteer looks like ");
			put_bold(&w, ans->name);
			puts_(&w, ".\n");
		}
		break;
	case QUERY_NEAR:
		if (!ans->found && ans->name[0] && !ans->has_center) {
			no_place(&w, ans);
			break;
		}
		if (!ans->found) {
			putf(&w, "No place within %g km of ", ans->radius_km);
			near_what(&w, ans);
			if (ans->region.name[0]) {
				puts_(&w, " in ");
				put_clean(&w, ans->region.name);
			}
			puts_(&w, ".\n");
			break;
		}
		putf(&w, "Within %g km of ", ans->radius_km);
		near_what(&w, ans);
		if (ans->region.name[0]) {
			puts_(&w, " in ");
			put_clean(&w, ans->region.name);
		}
		putf(&w, ": %zu place%s, nearest first\n", ans->n_total_places,
		     ans->n_total_places == 1 ? "" : "s");
		places_block(&w, ans->places, ans->n_places, ans->n_total_places, 1);
		break;
	case QUERY_PREFIX:
		for (i = 0; i < ans->n_completions; i++) {
			put_clean(&w, ans->completions[i].form);
			puts_(&w, "\n");
		}
		break;
	}
	/* What a "no" covers: the layers searched (with --long, always). */
	if (ans->mode != QUERY_PREFIX && ans->mode != QUERY_LIKE &&
	    (!ans->found || w.long_form))
		searched_line(&w, ans);
	if (o && o->width)
		wrap(&w, o->width);
	return out_finish(&w);
}

/* --- JSON ------------------------------------------------------------- */

/*
 * A comma is due before a key or an array element unless the last byte
 * written opened the object or array: no nesting state to carry.
 */
static void j_sep(struct out *w)
{
	char last = w->b->len > w->start ? w->b->data[w->b->len - 1] : '{';

	if (last != '{' && last != '[')
		puts_(w, ",");
}

static void j_str(struct out *w, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	puts_(w, "\"");
	for (; *p; p++) {
		switch (*p) {
		case '"':
			puts_(w, "\\\"");
			break;
		case '\\':
			puts_(w, "\\\\");
			break;
		case '\n':
			puts_(w, "\\n");
			break;
		case '\t':
			puts_(w, "\\t");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				putf(w, "\\u%04x", *p);
			else
				put(w, (const char *)p, 1);
		}
	}
	puts_(w, "\"");
}

static void j_key(struct out *w, const char *key)
{
	j_sep(w);
	j_str(w, key);
	puts_(w, ":");
}

static void j_kstr(struct out *w, const char *key, const char *v)
{
	j_key(w, key);
	j_str(w, v);
}

static void j_knum(struct out *w, const char *key, double v)
{
	j_key(w, key);
	if (isfinite(v))
		putf(w, "%.5f", v);
	else
		puts_(w, "null");
}

static void j_kint(struct out *w, const char *key, long long v)
{
	j_key(w, key);
	putf(w, "%lld", v);
}

static void j_kbool(struct out *w, const char *key, int v)
{
	j_key(w, key);
	puts_(w, v ? "true" : "false");
}

static void j_place(struct out *w, const struct query_place *q, int with_dist)
{
	const struct db_place *p = &q->p;

	puts_(w, "{");
	j_key(w, "id");
	if (p->id > 0)
		putf(w, "%lld", (long long)p->id);
	else
		puts_(w, "null");
	j_kstr(w, "name", p->name);
	j_kstr(w, "kind", q->kind_word);
	if (q->form[0])
		j_kstr(w, "matched", q->form);
	j_kstr(w, "feature_code", p->fcode);
	j_kstr(w, "admin1", q->admin1_name);
	j_kstr(w, "admin1_code", p->kind == DB_KIND_COUNTRY ? "" : p->admin1);
	j_kstr(w, "admin1_abbrev", q->abbrev);
	j_kstr(w, "country", p->country);
	j_kstr(w, "country_name", q->country_name);
	j_kint(w, "population", (long long)p->population);
	j_knum(w, "lat", p->lat);
	j_knum(w, "lon", p->lon);
	if (with_dist)
		j_knum(w, "distance_km", q->dist_km);
	if (db_place_is_postal(p))
		j_kbool(w, "postal", 1);
	puts_(w, "}");
}

static void j_places(struct out *w, const char *key, const struct query_place *v, size_t n,
		     int with_dist)
{
	size_t i;

	j_key(w, key);
	puts_(w, "[");
	for (i = 0; i < n; i++) {
		j_sep(w);
		j_place(w, &v[i], with_dist);
	}
	puts_(w, "]");
}

static void j_alikes(struct out *w, const struct query_alike *v, size_t n)
{
	static const char *const kinds[] = { "", "suffix", "prefix", "edit" };
	size_t i;

	j_key(w, "lookalikes");
	puts_(w, "[");
	for (i = 0; i < n; i++) {
		j_sep(w);
		puts_(w, "{");
		j_kstr(w, "name", v[i].name);
		j_kstr(w, "key", v[i].key);
		j_kstr(w, "how", v[i].how);
		j_kstr(w, "kind", v[i].kind >= 1 && v[i].kind <= 3 ? kinds[v[i].kind] : "other");
		j_kint(w, "distance", v[i].dist);
		if (v[i].has_place) {
			j_key(w, "place");
			j_place(w, &v[i].place, 0);
		}
		puts_(w, "}");
	}
	puts_(w, "]");
}

/* "did_you_mean": [{"name", "distance", "place"}...], when there are any. */
static void j_suggestions(struct out *w, const struct query_answer *ans)
{
	size_t i;

	if (!ans->n_suggestions)
		return;
	j_key(w, "did_you_mean");
	puts_(w, "[");
	for (i = 0; i < ans->n_suggestions; i++) {
		j_sep(w);
		puts_(w, "{");
		j_kstr(w, "name", ans->suggestions[i].name);
		j_kstr(w, "key", ans->suggestions[i].key);
		j_kint(w, "distance", ans->suggestions[i].dist);
		j_key(w, "place");
		j_place(w, &ans->suggestions[i].place, 0);
		puts_(w, "}");
	}
	puts_(w, "]");
}

static void j_region(struct out *w, const struct query_region *r)
{
	j_key(w, "region");
	puts_(w, "{");
	j_kstr(w, "name", r->name);
	j_kstr(w, "label", r->label);
	j_kstr(w, "country", r->country);
	j_kstr(w, "admin1_code", r->admin1);
	j_kstr(w, "kind", r->kind == DB_KIND_ADMIN1 ? "admin1" : "country");
	puts_(w, "}");
}

/* "searched": the layers, one string each ([] for an old database). */
static void j_searched(struct out *w, const struct query_answer *ans)
{
	const char *p = ans->searched ? ans->searched : "";

	char one[256];

	j_key(w, "searched");
	puts_(w, "[");
	while (next_layer(&p, one, sizeof one)) {
		j_sep(w);
		j_str(w, one);
	}
	puts_(w, "]");
}

enum pc_rc query_render_json(struct buf *b, const struct query_answer *ans)
{
	static const char *const modes[] = { "name", "in", "like", "near", "prefix" };
	struct out w;
	size_t i;

	out_init(&w, b, NULL);
	puts_(&w, "{");
	j_kstr(&w, "query", modes[ans->mode]);
	if (ans->mode != QUERY_NEAR || ans->name[0])
		j_kstr(&w, ans->mode == QUERY_PREFIX ? "prefix" : "name", ans->name);
	j_kbool(&w, "found", ans->found);
	j_searched(&w, ans);
	j_suggestions(&w, ans);
	switch (ans->mode) {
	case QUERY_NAME:
		j_kint(&w, "total", (long long)ans->n_total_places);
		j_places(&w, "places", ans->places, ans->n_places, 0);
		j_alikes(&w, ans->alikes, ans->n_alikes);
		break;
	case QUERY_IN:
		j_region(&w, &ans->region);
		j_kint(&w, "total", (long long)ans->n_total_places);
		j_places(&w, "places", ans->places, ans->n_places, 0);
		j_places(&w, "elsewhere", ans->elsewhere, ans->n_elsewhere, 0);
		j_alikes(&w, ans->alikes, ans->n_alikes);
		break;
	case QUERY_LIKE:
		j_alikes(&w, ans->alikes, ans->n_alikes);
		break;
	case QUERY_NEAR:
		if (ans->has_center) {
			j_key(&w, "center");
			j_place(&w, &ans->center, 0);
		}
		if (ans->has_center || !ans->name[0]) {
			j_knum(&w, "lat", ans->lat);
			j_knum(&w, "lon", ans->lon);
		}
		j_knum(&w, "radius_km", ans->radius_km);
		if (ans->region.name[0])
			j_region(&w, &ans->region);
		j_kint(&w, "total", (long long)ans->n_total_places);
		j_places(&w, "places", ans->places, ans->n_places, 1);
		break;
	case QUERY_PREFIX:
		j_key(&w, "completions");
		puts_(&w, "[");
		for (i = 0; i < ans->n_completions; i++) {
			j_sep(&w);
			puts_(&w, "{");
			j_kstr(&w, "name", ans->completions[i].form);
			j_kstr(&w, "key", ans->completions[i].key);
			j_kint(&w, "population", (long long)ans->completions[i].population);
			puts_(&w, "}");
		}
		puts_(&w, "]");
		break;
	}
	puts_(&w, "}\n");
	return out_finish(&w);
}
