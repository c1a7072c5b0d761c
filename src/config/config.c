/*
 * config.c: .placecheck.ini - locate, parse (libinih), merge per file, dump.
 *
 * libinih does the INI syntax (sections, "key = value", ';' and '#'
 * comments, a BOM).  We feed it lines ourselves through ini_parse_stream()
 * so that we know the line number of every key (the packaged library is
 * built without INI_HANDLER_LINENO) and strip leading blanks so indentation
 * is free and never turns into libinih's continuation lines.  libinih's
 * line buffer is 200 bytes and it would split a longer line silently; a
 * longer key line is split here instead, with libinih's rules (the first
 * '=' or ':' ends the key, a ';' after a blank starts a comment), and
 * handed to the same handler, libinih getting an empty line in its place.
 */
#include "config/config.h"

#include "base/utf8.h"
#include "base/xmem.h"

#include <ini.h>

#include <errno.h>
#include <stdarg.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* libinih's MAX_SECTION: longer section names are cut. */
#define CONFIG_MAX_GLOB 50
/* Largest config file (or accept file) read: far beyond any newsroom's needs. */
#define CONFIG_MAX_FILE (4u * 1024 * 1024)

static void settings_defaults(struct config_settings *s)
{
	size_t i;

	memset(s, 0, sizeof *s);
	s->fail_on = DETECT_SEV_WARNING;
	s->min_level = DETECT_SEV_SUGGESTION;
	for (i = 0; i < CONFIG_MAX_RULES; i++)
		s->rule_level[i] = CONFIG_RULE_DEFAULT;
}

void config_init(struct config *c)
{
	memset(c, 0, sizeof *c);
	arena_init(&c->a, 0);
	c->dir = "";
	c->origin = "none";
	settings_defaults(&c->top);
}

void config_free(struct config *c)
{
	arena_free(&c->a);
	memset(c, 0, sizeof *c);
}

/* ---- parsing ----------------------------------------------------------- */

/* What the line reader and the key handler share during one parse. */
struct parse_state {
	struct config *c;
	const char *path, *dir;
	const char *text;
	size_t len, pos;
	unsigned long line;        /* line most recently handed to libinih */
	unsigned long too_long;    /* line that did not fit libinih's buffer */
	unsigned long long_glob;   /* "[...]" line whose glob libinih would cut */
	unsigned long n_headers;   /* "[...]" lines seen so far */
	unsigned long cur_header;  /* n_headers when the current section began */
	unsigned long header_line; /* line of the latest "[...]" */
	char section[CONFIG_MAX_GLOB]; /* its glob, for the lines split here */
	struct config_settings *cur; /* section the keys go to */
	/* first error raised by the handler */
	unsigned long err_line;
	char err[400];
	enum pc_rc err_rc;
};

static int handler(void *user, const char *section, const char *key, const char *value);
static int fail(struct parse_state *ps, enum pc_rc rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * A key line too long for libinih's buffer, LINE[0..N) (leading blanks
 * gone, no newline): split it with libinih's rules and hand it to the
 * handler.  Returns 0 when it is no key line (the caller reports it).
 */
static int long_key_line(struct parse_state *ps, const char *line, size_t n)
{
	const char *eq = NULL, *v, *e, *p;
	char *key, *value;
	size_t i, kn, vn;
	int ok;

	for (i = 0; i < n && !eq; i++) {
		if (line[i] == '=' || line[i] == ':')
			eq = line + i;
		else if (line[i] == ';' && i && (line[i - 1] == ' ' || line[i - 1] == '\t'))
			break; /* a comment before any '=' */
	}
	if (!eq)
		return 0;
	kn = (size_t)(eq - line);
	while (kn && (line[kn - 1] == ' ' || line[kn - 1] == '\t'))
		kn--;
	v = eq + 1;
	e = line + n;
	for (p = v; p < e; p++)
		if (*p == ';' && (p[-1] == ' ' || p[-1] == '\t')) {
			e = p;
			break;
		}
	while (v < e && (*v == ' ' || *v == '\t'))
		v++;
	while (e > v && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	vn = (size_t)(e - v);
	key = xmalloc(kn + 1);
	value = xmalloc(vn + 1);
	memcpy(key, line, kn);
	key[kn] = '\0';
	memcpy(value, v, vn);
	value[vn] = '\0';
	ok = handler(ps, ps->section, key, value);
	(void)ok; /* an error is in ps->err_line: config_parse reports it */
	free(key);
	free(value);
	return 1;
}

/*
 * ini_reader: hand libinih the next line of the text, leading blanks
 * stripped.  A key line that does not fit NUM-1 bytes goes through
 * long_key_line() and libinih gets an empty line; any other over-long line
 * stops the parse (returns NULL, as at end of file) and is reported by
 * config_parse().
 */
static char *reader(char *str, int num, void *stream)
{
	struct parse_state *ps = stream;
	size_t start = ps->pos, end, n;
	int header;

	if (ps->pos >= ps->len || ps->too_long || ps->long_glob)
		return NULL;
	end = start;
	while (end < ps->len && ps->text[end] != '\n')
		end++;
	ps->pos = end < ps->len ? end + 1 : end;
	ps->line++;
	while (start < end && (ps->text[start] == ' ' || ps->text[start] == '\t'))
		start++;
	n = end - start;
	header = n > 0 && ps->text[start] == '[';
	if (header) {
		/* libinih keeps section names to CONFIG_MAX_GLOB-1 bytes and would
		 * cut a longer glob silently (even inside a character). */
		const char *close = memchr(ps->text + start, ']', n);
		size_t glob_len = close ? (size_t)(close - (ps->text + start)) - 1 : n - 1;
		if (glob_len >= CONFIG_MAX_GLOB) {
			ps->long_glob = ps->line;
			return NULL;
		}
		ps->n_headers++;
		ps->header_line = ps->line;
		memcpy(ps->section, ps->text + start + 1, glob_len);
		ps->section[glob_len] = '\0';
		if (close && n + 1 >= (size_t)num && num > 2 && glob_len + 3 < (size_t)num)
			n = glob_len + 2; /* "[glob]" without the long comment after it */
	}
	if (num < 2)
		return NULL;
	if (n + 1 >= (size_t)num) {
		const char *line = ps->text + start;
		if (line[0] != ';' && line[0] != '#' && !long_key_line(ps, line, n)) {
			ps->too_long = ps->line;
			return NULL;
		}
		n = 0; /* a comment, or a key line handled: libinih sees it empty */
	}
	memcpy(str, ps->text + start, n);
	str[n] = '\n';
	str[n + 1] = '\0';
	return str;
}

/* Record the first error; returns 0 (libinih's "error on this line"). */
static int fail(struct parse_state *ps, enum pc_rc rc, const char *fmt, ...)
{
	va_list ap;

	if (ps->err_line)
		return 0;
	ps->err_line = ps->line;
	ps->err_rc = rc;
	va_start(ap, fmt);
	vsnprintf(ps->err, sizeof ps->err, fmt, ap);
	va_end(ap);
	return 0;
}

/* Copy S[0..LEN) trimmed of blanks into the config's arena. */
static const char *dup_trim(struct config *c, const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
		len--;
	return arena_strndup(&c->a, s, len);
}

static int parse_sev(const char *v, int allow_never, int allow_off)
{
	int sev = detect_sev_parse(v);

	if (sev >= 0)
		return sev;
	if (allow_never && strcmp(v, "never") == 0)
		return CONFIG_NEVER;
	if (allow_off && strcmp(v, "off") == 0)
		return CONFIG_RULE_OFF;
	if (allow_off && strcmp(v, "on") == 0)
		return CONFIG_RULE_DEFAULT;
	return -100;
}

/*
 * Room for one more element in an arena array of N elements of SIZE
 * bytes.  The capacity is implicit (8, then the next power of two), so
 * that N pushes cost O(N) memory: growing by one copied the whole array
 * into the arena each time, and 10,000 accept lines took 415 MB.
 */
static void *grow_one(struct arena *a, void *p, size_t n, size_t size)
{
	if (n < 8 ? n == 0 : (n & (n - 1)) == 0)
		return arena_grow(a, p, n, n < 8 ? 8 : n * 2, size);
	return p;
}

static void push_accept(struct config *c, struct config_settings *s, const char *name)
{
	s->accept = grow_one(&c->a, s->accept, s->n_accept, sizeof *s->accept);
	s->accept[s->n_accept++] = name;
}

/*
 * Split V at commas into names, trimmed: "Charlotte Street, Sydney Mines";
 * a name in double quotes may hold commas: "\"Jackson, Mississippi\"".
 * Calls ADD for each; returns the number added, or -1 after fail().
 */
static long split_list(struct parse_state *ps, const char *key, const char *v,
		       void (*add)(struct parse_state *, const char *))
{
	const char *p = v;
	long n_added = 0;

	while (*p) {
		const char *name;
		size_t n;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '"') {
			const char *close = strchr(p + 1, '"');
			if (!close) {
				fail(ps, PC_ERR_PARSE, "key '%s': a '\"' without its closing '\"'", key);
				return -1;
			}
			name = dup_trim(ps->c, p + 1, (size_t)(close - p - 1));
			p = close + 1;
			while (*p == ' ' || *p == '\t')
				p++;
			if (*p && *p != ',') {
				fail(ps, PC_ERR_PARSE, "key '%s': expected a comma after the quoted \"%s\"", key, name);
				return -1;
			}
		} else {
			const char *comma = strchr(p, ',');
			n = comma ? (size_t)(comma - p) : strlen(p);
			name = dup_trim(ps->c, p, n);
			p += n;
		}
		if (*p == ',')
			p++;
		if (!name[0])
			continue;
		if (utf8_validate(name, strlen(name)) != strlen(name)) {
			fail(ps, PC_ERR_PARSE, "key '%s': invalid UTF-8", key);
			return -1;
		}
		add(ps, name);
		n_added++;
	}
	return n_added;
}

static void add_accept(struct parse_state *ps, const char *name)
{
	push_accept(ps->c, ps->cur, name);
}

static int key_accept(struct parse_state *ps, const char *v)
{
	long n = split_list(ps, "accept", v, add_accept);

	if (n < 0)
		return 0;
	if (!n)
		return fail(ps, PC_ERR_PARSE, "key 'accept': expected one or more names, separated by commas");
	return 1;
}

static void add_exclude(struct parse_state *ps, const char *glob)
{
	struct config *c = ps->c;

	c->exclude = arena_grow(&c->a, c->exclude, c->n_exclude, c->n_exclude + 1, sizeof *c->exclude);
	c->exclude[c->n_exclude++] = glob;
}

static int key_exclude(struct parse_state *ps, const char *v)
{
	long n = split_list(ps, "exclude", v, add_exclude);

	if (n < 0)
		return 0;
	if (!n)
		return fail(ps, PC_ERR_PARSE, "key 'exclude': expected one or more globs, separated by commas");
	return 1;
}

/*
 * accept-file = PATH: every line of PATH (against the config's folder) is
 * one accepted name, commas and all; blank lines and '#' comments skipped.
 * An error names the config line, and the accept file's line when it is
 * about one.
 */
static int key_accept_file(struct parse_state *ps, const char *v)
{
	struct buf b;
	FILE *fp;
	char tmp[8192], real[PATH_MAX];
	const char *path;
	size_t n, p;
	unsigned long lineno = 0;
	int ok = 1;

	if (!v[0])
		return fail(ps, PC_ERR_PARSE, "key 'accept-file': expected a path");
	if (v[0] == '/' || !ps->dir[0])
		path = arena_strdup(&ps->c->a, v);
	else
		path = arena_printf(&ps->c->a, "%s/%s", ps->dir, v);
	if (!(fp = fopen(path, "rb")))
		return fail(ps, PC_ERR_IO, "key 'accept-file': cannot open %s: %s", path, strerror(errno));
	if (realpath(path, real)) {
		struct config *c = ps->c;
		c->accept_files = arena_grow(&c->a, c->accept_files, c->n_accept_files, c->n_accept_files + 1,
					     sizeof *c->accept_files);
		c->accept_files[c->n_accept_files++] = arena_strdup(&c->a, real);
	}
	buf_init(&b, CONFIG_MAX_FILE);
	while (ok && (n = fread(tmp, 1, sizeof tmp, fp)) > 0)
		if (buf_append(&b, tmp, n) != PC_OK)
			ok = fail(ps, PC_ERR_LIMIT, "key 'accept-file': %s is larger than %u MiB", path,
				  CONFIG_MAX_FILE >> 20);
	if (ok && ferror(fp))
		ok = fail(ps, PC_ERR_IO, "key 'accept-file': cannot read %s: %s", path, strerror(errno));
	fclose(fp);
	if (ok && (memchr(b.data ? b.data : "", '\0', b.len) || utf8_validate(buf_str(&b), b.len) != b.len))
		ok = fail(ps, PC_ERR_PARSE, "key 'accept-file': %s is not UTF-8 text", path);
	for (p = 0; ok && p < b.len;) {
		const char *s = b.data + p, *nl = memchr(s, '\n', b.len - p);
		size_t len = nl ? (size_t)(nl - s) : b.len - p;
		const char *name = dup_trim(ps->c, s, len);
		lineno++;
		p += len + 1;
		if (lineno == 1 && (unsigned char)name[0] == 0xef && (unsigned char)name[1] == 0xbb &&
		    (unsigned char)name[2] == 0xbf)
			name += 3; /* a byte-order mark */
		if (name[0] && name[0] != '#')
			push_accept(ps->c, ps->cur, name);
	}
	buf_free(&b);
	return ok;
}

static int key_lookalike(struct parse_state *ps, const char *v)
{
	const char *t = strchr(v, '~');
	struct config_settings *s = ps->cur;
	const char *a, *b;

	if (!t || strchr(t + 1, '~'))
		return fail(ps, PC_ERR_PARSE, "key 'lookalike': expected 'NAME ~ NAME'");
	a = dup_trim(ps->c, v, (size_t)(t - v));
	b = dup_trim(ps->c, t + 1, strlen(t + 1));
	if (!a[0] || !b[0])
		return fail(ps, PC_ERR_PARSE, "key 'lookalike': expected 'NAME ~ NAME'");
	if (strcmp(a, b) == 0)
		return fail(ps, PC_ERR_PARSE, "key 'lookalike': both names are '%s'", a);
	s->pairs = grow_one(&ps->c->a, s->pairs, s->n_pairs, sizeof *s->pairs);
	s->pairs[s->n_pairs].a = a;
	s->pairs[s->n_pairs].b = b;
	s->pairs[s->n_pairs].line = ps->line;
	s->n_pairs++;
	return 1;
}

static int key_cue(struct parse_state *ps, const char *v)
{
	const char *t = strstr(v, "->");
	struct config_settings *s = ps->cur;
	const char *phrase, *place;

	if (!t)
		return fail(ps, PC_ERR_PARSE, "key 'cue': expected 'PHRASE -> PLACE'");
	phrase = dup_trim(ps->c, v, (size_t)(t - v));
	place = dup_trim(ps->c, t + 2, strlen(t + 2));
	if (!phrase[0] || !place[0] || strstr(place, "->"))
		return fail(ps, PC_ERR_PARSE, "key 'cue': expected 'PHRASE -> PLACE'");
	s->cues = grow_one(&ps->c->a, s->cues, s->n_cues, sizeof *s->cues);
	s->cues[s->n_cues].phrase = phrase;
	s->cues[s->n_cues].place = place;
	s->cues[s->n_cues].line = ps->line;
	s->n_cues++;
	return 1;
}

/* Start a new section for glob SECTION (called when a header was read). */
static int new_section(struct parse_state *ps, const char *section)
{
	struct config *c = ps->c;
	struct config_section *sec;

	ps->cur_header = ps->n_headers;
	if (!section[0])
		return fail(ps, PC_ERR_PARSE, "empty section name: expected a glob such as [*.md]");
	if (c->n_sections == c->cap_sections) {
		size_t cap = c->cap_sections ? c->cap_sections * 2 : 8;
		c->sections = arena_grow(&c->a, c->sections, c->n_sections, cap, sizeof *c->sections);
		c->cap_sections = cap;
	}
	sec = &c->sections[c->n_sections++];
	memset(sec, 0, sizeof *sec);
	settings_defaults(&sec->s);
	sec->glob = arena_strdup(&c->a, section);
	sec->line = ps->header_line;
	ps->cur = &sec->s;
	return 1;
}

/* Refuse a second value for a scalar key in one section. */
static int once(struct parse_state *ps, unsigned bit, const char *key)
{
	if (ps->cur->set & bit)
		return fail(ps, PC_ERR_PARSE, "key '%s' given twice in this section", key);
	ps->cur->set |= bit;
	return 1;
}

/* ini_handler: one "key = value".  Returns 1, or 0 after fail(). */
static int handler(void *user, const char *section, const char *key, const char *value)
{
	struct parse_state *ps = user;
	struct config_settings *s;
	int in_glob = section[0] != '\0';
	size_t i;

	if (ps->err_line)
		return 0; /* keep the first error; libinih goes on reading */
	if (in_glob && ps->cur_header != ps->n_headers && !new_section(ps, section))
		return 0;
	if (!in_glob)
		ps->cur = &ps->c->top;
	s = ps->cur;
	if (strcmp(key, "db") == 0) {
		if (in_glob)
			return fail(ps, PC_ERR_PARSE, "key 'db' belongs before the first section, not in [%s]", section);
		if (!once(ps, CONFIG_SET_DB, key))
			return 0;
		if (!value[0])
			return fail(ps, PC_ERR_PARSE, "key 'db': expected a path");
		if (value[0] == '/' || !ps->dir[0])
			s->db = arena_strdup(&ps->c->a, value);
		else
			s->db = arena_printf(&ps->c->a, "%s/%s", ps->dir, value);
		return 1;
	}
	if (strcmp(key, "fail-on") == 0) {
		int v = parse_sev(value, 1, 0);
		if (v < 0)
			return fail(ps, PC_ERR_PARSE, "key 'fail-on': '%s' is not error, warning, suggestion or never", value);
		s->fail_on = v;
		return once(ps, CONFIG_SET_FAIL_ON, key);
	}
	if (strcmp(key, "min-level") == 0) {
		int v = parse_sev(value, 0, 0);
		if (v < 0)
			return fail(ps, PC_ERR_PARSE, "key 'min-level': '%s' is not error, warning or suggestion", value);
		s->min_level = v;
		return once(ps, CONFIG_SET_MIN_LEVEL, key);
	}
	if (strcmp(key, "min-confidence") == 0) {
		char *end;
		double v;
		errno = 0;
		v = strtod(value, &end);
		if (!value[0] || *end || errno || !(v >= 0 && v <= 1))
			return fail(ps, PC_ERR_PARSE, "key 'min-confidence': '%s' is not a number from 0 to 1", value);
		s->min_confidence = v;
		return once(ps, CONFIG_SET_MIN_CONF, key);
	}
	if (strcmp(key, "quotes") == 0) {
		if (strcmp(value, "check") == 0)
			s->skip_quotes = 0;
		else if (strcmp(value, "skip") == 0)
			s->skip_quotes = 1;
		else
			return fail(ps, PC_ERR_PARSE, "key 'quotes': '%s' is not check or skip", value);
		return once(ps, CONFIG_SET_QUOTES, key);
	}
	if (strcmp(key, "accept") == 0)
		return key_accept(ps, value);
	if (strcmp(key, "accept-file") == 0)
		return key_accept_file(ps, value);
	if (strcmp(key, "exclude") == 0) {
		if (in_glob)
			return fail(ps, PC_ERR_PARSE, "key 'exclude' belongs before the first section, not in [%s]", section);
		return key_exclude(ps, value);
	}
	if (strcmp(key, "lookalike") == 0 || strcmp(key, "cue") == 0) {
		if (in_glob)
			return fail(ps, PC_ERR_PARSE, "key '%s' belongs before the first section, not in [%s]", key, section);
		return key[0] == 'l' ? key_lookalike(ps, value) : key_cue(ps, value);
	}
	for (i = 0; i < detect_n_rules && i < CONFIG_MAX_RULES; i++) {
		if (strcmp(key, detect_rules[i].id) == 0) {
			int v = parse_sev(value, 0, 1);
			if (v == -100)
				return fail(ps, PC_ERR_PARSE, "key '%s': '%s' is not error, warning, suggestion, on or off",
					    key, value);
			if (s->rule_line[i])
				return fail(ps, PC_ERR_PARSE, "key '%s' given twice in this section", key);
			s->rule_level[i] = (signed char)v;
			s->rule_line[i] = ps->line;
			return 1;
		}
	}
	return fail(ps, PC_ERR_PARSE, "unknown key '%s'", key);
}

enum pc_rc config_parse(struct config *c, const char *path, const char *dir, const char *text,
			size_t len, struct diag *d)
{
	struct parse_state ps;
	int line;

	memset(&ps, 0, sizeof ps);
	ps.c = c;
	ps.path = path;
	ps.dir = dir ? dir : "";
	ps.text = text;
	ps.len = len;
	ps.cur = &c->top;
	c->path = arena_strdup(&c->a, path ? path : "");
	c->dir = arena_strdup(&c->a, ps.dir);
	if (memchr(text, '\0', len))
		return diag_set(d, PC_ERR_PARSE, path, 0, 0, "NUL byte in a configuration file");
	if (utf8_validate(text, len) != len)
		return diag_set(d, PC_ERR_PARSE, path, 0, 0, "configuration is not valid UTF-8");
	line = ini_parse_stream(reader, &ps, handler, &ps);
	if (ps.err_line && (line <= 0 || (unsigned long)line >= ps.err_line))
		return diag_set(d, ps.err_rc, path, ps.err_line, 0, "%s", ps.err);
	if (line > 0)
		return diag_set(d, PC_ERR_PARSE, path, (unsigned long)line, 0,
				"syntax error: expected 'key = value', a comment or a [glob] section");
	if (ps.long_glob)
		return diag_set(d, PC_ERR_LIMIT, path, ps.long_glob, 0, "section glob longer than %d bytes",
				CONFIG_MAX_GLOB - 1);
	if (ps.too_long)
		return diag_set(d, PC_ERR_PARSE, path, ps.too_long, 0,
				"syntax error: expected 'key = value', a comment or a [glob] section");
	if (line < 0)
		return diag_set(d, PC_ERR_IO, path, 0, 0, "cannot parse the configuration");
	return PC_OK;
}

enum pc_rc config_load(struct config *c, const char *path, struct diag *d)
{
	FILE *fp;
	struct buf b;
	char tmp[8192], dirbuf[PATH_MAX], *slash;
	size_t n;
	enum pc_rc rc = PC_OK;

	buf_init(&b, CONFIG_MAX_FILE);
	if (!(fp = fopen(path, "rb")))
		return diag_set(d, PC_ERR_IO, path, 0, 0, "cannot open configuration: %s", strerror(errno));
	while ((n = fread(tmp, 1, sizeof tmp, fp)) > 0) {
		if (buf_append(&b, tmp, n) != PC_OK) {
			rc = diag_set(d, PC_ERR_LIMIT, path, 0, 0, "configuration larger than %u MiB",
				      CONFIG_MAX_FILE >> 20);
			goto done;
		}
	}
	if (ferror(fp)) {
		rc = diag_set(d, PC_ERR_IO, path, 0, 0, "read error: %s", strerror(errno));
		goto done;
	}
	/* Relative paths in the file are taken against its real folder. */
	if (realpath(path, dirbuf) && (slash = strrchr(dirbuf, '/'))) {
		if (slash == dirbuf)
			slash[1] = '\0';
		else
			*slash = '\0';
	} else {
		dirbuf[0] = '\0';
	}
	rc = config_parse(c, path, dirbuf, buf_str(&b), b.len, d);
done:
	fclose(fp);
	buf_free(&b);
	return rc;
}

const char *config_locate(const char *explicit_path, struct buf *out)
{
	const char *env = getenv("PLACECHECK_CONFIG");
	char dir[PATH_MAX];
	struct stat st;
	int up;

	if (explicit_path) {
		buf_puts(out, explicit_path);
		return "--config";
	}
	if (env) {
		buf_puts(out, env);
		return env[0] ? "PLACECHECK_CONFIG" : "none (PLACECHECK_CONFIG is empty)";
	}
	if (!getcwd(dir, sizeof dir))
		return "none";
	for (up = 0;; up++) {
		size_t n = strlen(dir);
		char *slash;
		size_t mark = out->len;
		buf_printf(out, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", CONFIG_FILE_NAME);
		if (stat(buf_str(out), &st) == 0 && S_ISREG(st.st_mode))
			return up ? "found in a folder above the current directory"
				  : "found in the current directory";
		/* roll back and go up one folder */
		out->len = mark;
		if (out->data)
			out->data[mark] = '\0';
		if (strcmp(dir, "/") == 0 || !(slash = strrchr(dir, '/')))
			break;
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	return "none";
}

/* ---- per-file settings ------------------------------------------------- */

/* Absolute, symlink-free form of NAME into OUT (PATH_MAX); 0 if impossible. */
static int abs_path(const char *name, char *out)
{
	return realpath(name, out) != NULL;
}

int config_glob_match(const char *g, const char *dir, const char *name)
{
	const char *base;
	char full[PATH_MAX];
	size_t dl;

	if (!strchr(g, '/')) {
		base = strrchr(name, '/');
		base = base ? base + 1 : name;
		return fnmatch(g, base, 0) == 0;
	}
	if (!dir || !dir[0] || !abs_path(name, full))
		return fnmatch(g, name, 0) == 0;
	dl = strlen(dir);
	if (strncmp(full, dir, dl) != 0 || (full[dl] != '/' && dl > 1))
		return 0;
	return fnmatch(g, full + (dl > 1 ? dl + 1 : 1), 0) == 0;
}

void config_for_file(const struct config *c, const char *name, struct arena *a,
		     struct config_settings *out)
{
	size_t i, k;

	*out = c->top;
	for (i = 0; i < c->n_sections; i++) {
		const struct config_section *sec = &c->sections[i];
		const struct config_settings *s = &sec->s;
		if (!config_glob_match(sec->glob, c->dir, name))
			continue;
		if (s->set & CONFIG_SET_FAIL_ON)
			out->fail_on = s->fail_on;
		if (s->set & CONFIG_SET_MIN_LEVEL)
			out->min_level = s->min_level;
		if (s->set & CONFIG_SET_MIN_CONF)
			out->min_confidence = s->min_confidence;
		if (s->set & CONFIG_SET_QUOTES)
			out->skip_quotes = s->skip_quotes;
		out->set |= s->set;
		for (k = 0; k < CONFIG_MAX_RULES; k++) {
			if (s->rule_line[k]) {
				out->rule_level[k] = s->rule_level[k];
				out->rule_line[k] = s->rule_line[k];
			}
		}
		if (s->n_accept) {
			const char **acc = arena_alloc(a, (out->n_accept + s->n_accept) * sizeof *acc);
			if (out->n_accept)
				memcpy(acc, out->accept, out->n_accept * sizeof *acc);
			memcpy(acc + out->n_accept, s->accept, s->n_accept * sizeof *acc);
			out->accept = acc;
			out->n_accept += s->n_accept;
		}
	}
}

int config_excluded(const struct config *c, const char *name)
{
	char real[PATH_MAX];
	size_t i;

	for (i = 0; i < c->n_exclude; i++)
		if (config_glob_match(c->exclude[i], c->dir, name))
			return 1;
	if (c->n_accept_files && realpath(name, real))
		for (i = 0; i < c->n_accept_files; i++)
			if (strcmp(c->accept_files[i], real) == 0)
				return 1;
	return 0;
}

int config_rule_level(const struct config_settings *s, size_t rule_idx, int def)
{
	if (rule_idx >= CONFIG_MAX_RULES || s->rule_level[rule_idx] == CONFIG_RULE_DEFAULT)
		return def;
	return s->rule_level[rule_idx];
}

/* ---- dump ------------------------------------------------------------- */

static const char *fail_on_str(int v)
{
	return v == CONFIG_NEVER ? "never" : detect_sev_str((enum detect_sev)v);
}

/* Settings of one section; ALL: also print what is not set (defaults). */
void config_dump_settings(const struct config_settings *s, int all, struct buf *out)
{
	size_t i;

	if (s->db)
		buf_printf(out, "db = %s\n", s->db);
	if (all || (s->set & CONFIG_SET_FAIL_ON))
		buf_printf(out, "fail-on = %s\n", fail_on_str(s->fail_on));
	if (all || (s->set & CONFIG_SET_MIN_LEVEL))
		buf_printf(out, "min-level = %s\n", detect_sev_str((enum detect_sev)s->min_level));
	if (all || (s->set & CONFIG_SET_MIN_CONF))
		buf_printf(out, "min-confidence = %g\n", s->min_confidence);
	if (all || (s->set & CONFIG_SET_QUOTES))
		buf_printf(out, "quotes = %s\n", s->skip_quotes ? "skip" : "check");
	for (i = 0; i < detect_n_rules && i < CONFIG_MAX_RULES; i++) {
		int lv = s->rule_level[i];
		if (!all && !s->rule_line[i])
			continue;
		if (lv == CONFIG_RULE_DEFAULT)
			lv = detect_rules[i].default_sev;
		buf_printf(out, "%s = %s\n", detect_rules[i].id,
			   lv == CONFIG_RULE_OFF ? "off" : detect_sev_str((enum detect_sev)lv));
	}
	for (i = 0; i < s->n_accept; i++)
		buf_printf(out, strchr(s->accept[i], ',') ? "accept = \"%s\"\n" : "accept = %s\n", s->accept[i]);
	for (i = 0; i < s->n_pairs; i++)
		buf_printf(out, "lookalike = %s ~ %s\n", s->pairs[i].a, s->pairs[i].b);
	for (i = 0; i < s->n_cues; i++)
		buf_printf(out, "cue = %s -> %s\n", s->cues[i].phrase, s->cues[i].place);
}

enum pc_rc config_dump(const struct config *c, struct buf *out)
{
	size_t i;

	config_dump_settings(&c->top, 1, out);
	for (i = 0; i < c->n_exclude; i++)
		buf_printf(out, "exclude = %s\n", c->exclude[i]);
	for (i = 0; i < c->n_sections; i++) {
		buf_printf(out, "\n[%s]\n", c->sections[i].glob);
		config_dump_settings(&c->sections[i].s, 0, out);
	}
	return PC_OK;
}
