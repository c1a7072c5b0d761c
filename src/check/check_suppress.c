/*
 * check_suppress.c: inline suppressions (suppress.h).
 *
 * Each directive becomes one struct supp with the span it covers (byte
 * offsets for disable ranges, a line for disable-line and
 * disable-next-line, the whole file for ignore) and a hit count.  A
 * finding is removed when any supp covers it; every supp that covered
 * nothing is reported as stale.  The cost is n_findings x n_directives,
 * both small for real articles.
 */
#include "check/suppress.h"

#include "base/buf.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

enum supp_kind { SUPP_RANGE, SUPP_NEXT_LINE, SUPP_LINE, SUPP_IGNORE, SUPP_ENABLE, SUPP_BAD };

struct supp {
	enum supp_kind kind;
	const struct read_directive *dir;
	size_t from, to;            /* SUPP_RANGE: [from, to) source bytes */
	unsigned long line;         /* SUPP_NEXT_LINE, SUPP_LINE: the line covered */
	const char **rules;         /* NULL/0: every rule */
	size_t n_rules;
	const char **names;         /* SUPP_IGNORE: folded names */
	size_t n_names;
	int open;                   /* SUPP_RANGE not yet ended */
	size_t hits;
	const char *why;            /* SUPP_BAD / stale: the reason */
};

struct verb {
	const char *word;
	enum supp_kind kind;
};

/* Longest first so "disable-next-line" is not read as "disable". */
static const struct verb verbs[] = {
	{ "placecheck-disable-next-line", SUPP_NEXT_LINE },
	{ "placecheck-disable-line", SUPP_LINE },
	{ "placecheck-disable", SUPP_RANGE },
	{ "placecheck-enable", SUPP_ENABLE },
	{ "placecheck-ignore", SUPP_IGNORE },
};

static int known_rule(const char *id)
{
	size_t i;

	for (i = 0; i < detect_n_rules; i++)
		if (strcmp(detect_rules[i].id, id) == 0)
			return 1;
	return 0;
}

/* Split S at blanks and commas into rule ids (arena); NULL why, or the reason it is bad. */
static const char *parse_rules(struct supp *sp, const char *s, struct arena *a)
{
	size_t cap = 0;

	while (*s) {
		size_t n;
		const char *id;
		while (*s == ' ' || *s == ',')
			s++;
		if (!*s)
			break;
		n = strcspn(s, " ,");
		id = arena_strndup(a, s, n);
		s += n;
		if (!known_rule(id))
			return arena_printf(a, "unknown rule '%s'", id);
		if (sp->n_rules == cap) {
			cap = cap ? cap * 2 : 4;
			sp->rules = arena_grow(a, sp->rules, sp->n_rules, cap, sizeof *sp->rules);
		}
		sp->rules[sp->n_rules++] = id;
	}
	return NULL;
}

/* Fold S into a new arena string; NULL on invalid UTF-8. */
static const char *fold(const char *s, size_t len, struct arena *a)
{
	struct buf b;
	const char *out = NULL;

	buf_init(&b, 0);
	if (utf8_fold(s, len, &b) == PC_OK)
		out = arena_strndup(a, buf_str(&b), b.len);
	buf_free(&b);
	return out;
}

static const char *parse_names(struct supp *sp, const char *s, struct arena *a)
{
	size_t cap = 0;

	while (*s) {
		size_t n = strcspn(s, ",");
		const char *k = fold(s, n, a);
		s += n;
		if (*s == ',')
			s++;
		if (!k)
			return "invalid UTF-8 in the name";
		if (!k[0])
			continue;
		if (sp->n_names == cap) {
			cap = cap ? cap * 2 : 4;
			sp->names = arena_grow(a, sp->names, sp->n_names, cap, sizeof *sp->names);
		}
		sp->names[sp->n_names++] = k;
	}
	return sp->n_names ? NULL : "placecheck-ignore needs a name";
}

/* Where the comment starting at OFF ends (exclusive) in the source. */
static size_t comment_end(const struct read_doc *doc, size_t off)
{
	const char *s = doc->src;
	size_t n = doc->src_len, e;

	if (off + 4 <= n && memcmp(s + off, "<!--", 4) == 0) {
		const char *end = memmem(s + off + 4, n - off - 4, "-->", 3);
		if (end)
			return (size_t)(end - s) + 3;
	}
	e = off;
	while (e < n && s[e] != '\n')
		e++;
	if (e > off && s[e - 1] == '\r')
		e--;
	return e;
}

static int rule_listed(const struct supp *sp, const char *rule)
{
	size_t i;

	if (!sp->n_rules)
		return 1;
	for (i = 0; i < sp->n_rules; i++)
		if (strcmp(sp->rules[i], rule) == 0)
			return 1;
	return 0;
}

/* Does SP hide F (whose folded text is KEY)? */
static int covers(const struct supp *sp, const struct finding *f, const char *key)
{
	size_t i;

	switch (sp->kind) {
	case SUPP_RANGE:
		return f->offset >= sp->from && f->offset < sp->to && rule_listed(sp, f->rule);
	case SUPP_NEXT_LINE:
	case SUPP_LINE:
		return f->line == sp->line && rule_listed(sp, f->rule);
	case SUPP_IGNORE:
		if (!key)
			return 0;
		for (i = 0; i < sp->n_names; i++)
			if (strcmp(sp->names[i], key) == 0)
				return 1;
		return 0;
	default:
		return 0;
	}
}

/* Build the supp list from DOC's directives, pairing disable with enable. */
static struct supp *build(const struct read_doc *doc, struct arena *a)
{
	struct supp *sv = arena_calloc(a, doc->n_dirs ? doc->n_dirs : 1, sizeof *sv);
	size_t i, k, v;

	for (i = 0; i < doc->n_dirs; i++) {
		const struct read_directive *dv = &doc->dirs[i];
		struct supp *sp = &sv[i];
		const char *rest = NULL;

		sp->dir = dv;
		sp->kind = SUPP_BAD;
		for (v = 0; v < sizeof verbs / sizeof verbs[0]; v++) {
			size_t n = strlen(verbs[v].word);
			if (strncmp(dv->text, verbs[v].word, n) == 0 && (dv->text[n] == '\0' || dv->text[n] == ' ')) {
				sp->kind = verbs[v].kind;
				rest = dv->text + n;
				break;
			}
		}
		if (sp->kind == SUPP_BAD) {
			sp->why = arena_printf(a, "unknown directive '%.*s'", (int)strcspn(dv->text, " "), dv->text);
			continue;
		}
		if (sp->kind == SUPP_IGNORE)
			sp->why = parse_names(sp, rest, a);
		else
			sp->why = parse_rules(sp, rest, a);
		if (sp->why) {
			sp->kind = SUPP_BAD;
			continue;
		}
		switch (sp->kind) {
		case SUPP_RANGE:
			sp->from = comment_end(doc, dv->src_off);
			sp->to = doc->src_len;
			sp->open = 1;
			break;
		case SUPP_NEXT_LINE: {
			size_t e = comment_end(doc, dv->src_off), p;
			unsigned long line = dv->line;
			for (p = dv->src_off; p < e; p++)
				if (doc->src[p] == '\n')
					line++;
			sp->line = line + 1;
			break;
		}
		case SUPP_LINE:
			/* The line the comment starts on: "... Charlotte. <!-- placecheck-disable-line -->" */
			sp->line = dv->line;
			break;
		case SUPP_ENABLE:
			/* End every open range this enable names (all, when it names none). */
			for (k = 0; k < i; k++) {
				struct supp *o = &sv[k];
				size_t r;
				int match = !sp->n_rules;
				if (o->kind != SUPP_RANGE || !o->open)
					continue;
				for (r = 0; r < sp->n_rules && !match; r++)
					match = rule_listed(o, sp->rules[r]) && o->n_rules;
				if (!match)
					continue;
				o->to = dv->src_off;
				o->open = 0;
				sp->hits++; /* an enable that ends a range does its job */
			}
			if (!sp->hits)
				sp->why = "placecheck-enable without a placecheck-disable before it";
			break;
		default:
			break;
		}
	}
	return sv;
}

static struct finding stale_finding(const struct read_doc *doc, const struct supp *sp,
				    const struct detect_rule_info *ri, struct arena *a)
{
	struct finding f;
	size_t e = comment_end(doc, sp->dir->src_off);

	memset(&f, 0, sizeof f);
	f.rule = ri->id;
	f.sev = ri->default_sev;
	f.confidence = 1.0;
	f.offset = sp->dir->src_off;
	f.length = e - f.offset;
	read_linecol(doc, f.offset, &f.line, &f.column);
	f.text = arena_strndup(a, doc->src + f.offset, f.length);
	if (sp->why)
		f.message = arena_printf(a, "stale suppression: %s", sp->why);
	else
		f.message = arena_printf(a, "stale suppression: '%s' matches no finding", sp->dir->text);
	return f;
}

static int cmp_finding(const void *x, const void *y)
{
	const struct finding *p = x, *q = y;

	if (p->offset != q->offset)
		return p->offset < q->offset ? -1 : 1;
	return strcmp(p->rule, q->rule);
}

enum pc_rc suppress_apply(const struct read_doc *doc, struct check_result *r, struct arena *a,
			  size_t *n_suppressed, struct diag *d)
{
	const struct detect_rule_info *stale = NULL;
	struct supp *sv;
	struct finding *out;
	size_t i, k, n_out = 0, n_sup = 0;

	(void)d;
	if (n_suppressed)
		*n_suppressed = 0;
	if (!doc || !doc->n_dirs)
		return PC_OK;
	for (i = 0; i < detect_n_rules; i++)
		if (strcmp(detect_rules[i].id, "stale-suppression") == 0)
			stale = &detect_rules[i];
	sv = build(doc, a);
	/* At most one stale finding per directive. */
	out = arena_calloc(a, r->n_findings + doc->n_dirs + 1, sizeof *out);
	for (i = 0; i < r->n_findings; i++) {
		const struct finding *f = &r->findings[i];
		const char *key = f->text ? fold(f->text, strlen(f->text), a) : NULL;
		int hidden = 0;
		for (k = 0; k < doc->n_dirs; k++) {
			if (covers(&sv[k], f, key)) {
				sv[k].hits++;
				hidden = 1; /* keep going: every directive that covers it counts */
			}
		}
		if (hidden)
			n_sup++;
		else
			out[n_out++] = *f;
	}
	if (stale) {
		for (k = 0; k < doc->n_dirs; k++) {
			const struct supp *sp = &sv[k];
			if (sp->kind == SUPP_BAD || !sp->hits)
				out[n_out++] = stale_finding(doc, sp, stale, a);
		}
	}
	qsort(out, n_out, sizeof *out, cmp_finding);
	r->findings = out;
	r->n_findings = n_out;
	if (n_suppressed)
		*n_suppressed = n_sup;
	return PC_OK;
}
