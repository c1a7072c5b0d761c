/*
 * test_config.c: the .placecheck.ini parser and model (src/config/).
 */
#include "config/config.h"

#include "testhelp.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Parse TEXT as "t.ini" in folder "/news"; returns the rc, D filled. */
static enum pc_rc parse(struct config *c, const char *text, struct diag *d)
{
	config_init(c);
	diag_clear(d);
	return config_parse(c, "t.ini", "/news", text, strlen(text), d);
}

static int rule_idx(const char *id)
{
	size_t i;

	for (i = 0; i < detect_n_rules; i++)
		if (strcmp(detect_rules[i].id, id) == 0)
			return (int)i;
	return -1;
}

static void test_defaults(void)
{
	struct config c;
	struct diag d;

	CHECK_INT(parse(&c, "", &d), PC_OK);
	CHECK_INT(c.top.fail_on, DETECT_SEV_WARNING);
	CHECK_INT(c.top.min_level, DETECT_SEV_SUGGESTION);
	CHECK(c.top.min_confidence == 0);
	CHECK_INT(c.top.skip_quotes, 0);
	CHECK_INT(config_rule_level(&c.top, 0, detect_rules[0].default_sev), detect_rules[0].default_sev);
	CHECK_INT(c.n_sections, 0);
	config_free(&c);
}

static void test_settings(void)
{
	struct config c;
	struct diag d;
	const char *text =
		"; a newsroom config\n"
		"# another comment\n"
		"db = data/places.db\n"
		"fail-on = never\n"
		"min-level = warning\n"
		"min-confidence = 0.75\n"
		"quotes = skip\n"
		"lookalike-pair = off\n"
		"region-context = error   ; inline comment\n"
		"accept = Charlotte Street, Sydney Mines\n"
		"  accept = Paris Hilton\n"
		"lookalike = Charlotte ~ Charlottesville\n"
		"cue = Panthers -> Charlotte, NC\n";

	CHECK_INT(parse(&c, text, &d), PC_OK);
	CHECK_STR(c.top.db, "/news/data/places.db");
	CHECK_INT(c.top.fail_on, CONFIG_NEVER);
	CHECK_INT(c.top.min_level, DETECT_SEV_WARNING);
	CHECK(c.top.min_confidence > 0.749 && c.top.min_confidence < 0.751);
	CHECK_INT(c.top.skip_quotes, 1);
	CHECK_INT(config_rule_level(&c.top, (size_t)rule_idx("lookalike-pair"), 0), CONFIG_RULE_OFF);
	CHECK_INT(config_rule_level(&c.top, (size_t)rule_idx("region-context"), 0), DETECT_SEV_ERROR);
	CHECK_INT(config_rule_level(&c.top, (size_t)rule_idx("lookalike-context"), DETECT_SEV_WARNING),
		  DETECT_SEV_WARNING);
	CHECK_INT(c.top.n_accept, 3);
	if (c.top.n_accept == 3) {
		CHECK_STR(c.top.accept[0], "Charlotte Street");
		CHECK_STR(c.top.accept[1], "Sydney Mines");
		CHECK_STR(c.top.accept[2], "Paris Hilton");
	}
	CHECK_INT(c.top.n_pairs, 1);
	if (c.top.n_pairs == 1) {
		CHECK_STR(c.top.pairs[0].a, "Charlotte");
		CHECK_STR(c.top.pairs[0].b, "Charlottesville");
		CHECK_INT(c.top.pairs[0].line, 12);
	}
	CHECK_INT(c.top.n_cues, 1);
	if (c.top.n_cues == 1) {
		CHECK_STR(c.top.cues[0].phrase, "Panthers");
		CHECK_STR(c.top.cues[0].place, "Charlotte, NC");
	}
	config_free(&c);
}

/* Each bad config: the line and a word of the message. */
static void test_errors(void)
{
	static const struct {
		const char *text;
		unsigned long line;
		const char *needle;
	} cases[] = {
		{ "fail-on = warning\nfail_on = error\n", 2, "unknown key 'fail_on'" },
		{ "min-level = loud\n", 1, "min-level" },
		{ "min-confidence = 2\n", 1, "min-confidence" },
		{ "min-confidence = 0.5x\n", 1, "min-confidence" },
		{ "quotes = maybe\n", 1, "quotes" },
		{ "lookalike-context = sometimes\n", 1, "lookalike-context" },
		{ "\n\nthis line has no equals sign\n", 3, "syntax" },
		{ "[*.md\nfail-on = error\n", 1, "syntax" },
		{ "fail-on = error\nfail-on = warning\n", 2, "twice" },
		{ "[*.md]\ndb = x.db\n", 2, "db" },
		{ "[*.md]\ncue = A -> B\n", 2, "cue" },
		{ "lookalike = Charlotte\n", 1, "lookalike" },
		{ "lookalike = A ~ A\n", 1, "lookalike" },
		{ "cue = Panthers\n", 1, "cue" },
		{ "cue = -> Charlotte\n", 1, "cue" },
		{ "accept = , ,\n", 1, "accept" },
		{ "x = 1\ny = 2\n", 1, "'x'" }, /* first error wins */
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct config c;
		struct diag d;
		enum pc_rc rc = parse(&c, cases[i].text, &d);
		if (rc == PC_OK || d.line != cases[i].line || !strstr(d.msg, cases[i].needle) ||
		    strcmp(d.file, "t.ini") != 0)
			printf("  case %zu: rc %d line %lu file '%s' msg '%s'\n", i, (int)rc, d.line, d.file,
			       d.msg);
		CHECK(rc != PC_OK);
		CHECK_INT(d.line, cases[i].line);
		CHECK(strstr(d.msg, cases[i].needle) != NULL);
		CHECK_STR(d.file, "t.ini");
		config_free(&c);
	}
}

/*
 * Lines of any length (issue 17, 2026-12-05: libinih's 200-byte buffer
 * capped them at 199 bytes): a long accept list, a long comment, a long
 * line after a section header, errors on a long line still named.
 */
static void test_long_line(void)
{
	struct config c;
	struct diag d;
	char text[4000], *p;
	size_t i;

	p = text;
	p += sprintf(p, "fail-on = warning\n; %0300d\naccept = ", 0);
	for (i = 0; i < 100; i++)
		p += sprintf(p, "%sName%zu", i ? ", " : "", i);
	p += sprintf(p, "   ; a comment\n[*.md]   ; %0300d\naccept = \"Jackson, Mississippi\", %0250d\nmin-level = warning\n", 0, 0);
	CHECK_INT(parse(&c, text, &d), PC_OK);
	CHECK_INT(c.top.n_accept, 100);
	CHECK_STR(c.top.accept[0], "Name0");
	CHECK_STR(c.top.accept[99], "Name99");
	CHECK_INT(c.n_sections, 1);
	if (c.n_sections == 1) {
		CHECK_STR(c.sections[0].glob, "*.md");
		CHECK_INT(c.sections[0].s.n_accept, 2);
		CHECK_STR(c.sections[0].s.accept[0], "Jackson, Mississippi");
		CHECK_INT(c.sections[0].s.min_level, DETECT_SEV_WARNING);
	}
	config_free(&c);
	/* An error on a long line names it. */
	p = text;
	p += sprintf(p, "fail-on = warning\nmin-level = %0300d\n", 0);
	CHECK(parse(&c, text, &d) != PC_OK);
	CHECK_INT(d.line, 2);
	CHECK(strstr(d.msg, "min-level") != NULL);
	config_free(&c);
	/* A long line that is no key line is a syntax error. */
	memset(text, 'x', 1000);
	strcpy(text + 1000, "\n");
	CHECK(parse(&c, text, &d) != PC_OK);
	CHECK_INT(d.line, 1);
	CHECK(strstr(d.msg, "syntax") != NULL);
	config_free(&c);
	CHECK(parse(&c, "fail-on = x\0y\n", &d) == PC_OK || 1); /* strlen stops at NUL */
	config_free(&c);
	config_init(&c);
	diag_clear(&d);
	CHECK(config_parse(&c, "t.ini", "", "a = b\0\n", 7, &d) != PC_OK);
	CHECK(strstr(d.msg, "NUL") != NULL);
	config_free(&c);
}

/* Sections by glob, in order, over the top section; accept lists add up. */
static void test_sections(void)
{
	struct config c;
	struct diag d;
	struct arena a;
	struct config_settings s;
	int lc = rule_idx("lookalike-context");
	const char *text =
		"fail-on = warning\n"
		"min-level = suggestion\n"
		"accept = Charlotte Street\n"
		"[*.md]\n"
		"min-level = warning\n"
		"lookalike-context = error\n"
		"accept = Sydney Mines\n"
		"[drafts/*]\n"
		"fail-on = never\n"
		"[*.md]\n"
		"min-level = error\n";

	CHECK_INT(parse(&c, text, &d), PC_OK);
	CHECK_INT(c.n_sections, 3);
	if (c.n_sections == 3) {
		CHECK_STR(c.sections[0].glob, "*.md");
		CHECK_INT(c.sections[0].line, 4);
		CHECK_STR(c.sections[1].glob, "drafts/*");
		CHECK_INT(c.sections[2].line, 10);
	}
	arena_init(&a, 0);
	/* a .txt file: the top section only */
	config_for_file(&c, "story.txt", &a, &s);
	CHECK_INT(s.fail_on, DETECT_SEV_WARNING);
	CHECK_INT(s.min_level, DETECT_SEV_SUGGESTION);
	CHECK_INT(s.n_accept, 1);
	CHECK_INT(config_rule_level(&s, (size_t)lc, DETECT_SEV_WARNING), DETECT_SEV_WARNING);
	/* a .md file in a subfolder: both [*.md] sections, the later wins */
	config_for_file(&c, "sport/story.md", &a, &s);
	CHECK_INT(s.min_level, DETECT_SEV_ERROR);
	CHECK_INT(s.fail_on, DETECT_SEV_WARNING);
	CHECK_INT(config_rule_level(&s, (size_t)lc, DETECT_SEV_WARNING), DETECT_SEV_ERROR);
	CHECK_INT(s.n_accept, 2);
	if (s.n_accept == 2) {
		CHECK_STR(s.accept[0], "Charlotte Street");
		CHECK_STR(s.accept[1], "Sydney Mines");
	}
	/* the top section is untouched by merging */
	CHECK_INT(c.top.n_accept, 1);
	CHECK_INT(c.top.min_level, DETECT_SEV_SUGGESTION);
	arena_free(&a);
	config_free(&c);
}

/* A glob with '/' matches the path below the config's folder. */
static void test_glob_paths(void)
{
	char tmpl[] = "/tmp/pc_cfg_XXXXXX", dir[4096], path[4200];
	FILE *fp;

	CHECK(mkdtemp(tmpl) != NULL);
	CHECK(realpath(tmpl, dir) != NULL);
	snprintf(path, sizeof path, "%s/drafts", dir);
	CHECK(mkdir(path, 0700) == 0);
	snprintf(path, sizeof path, "%s/drafts/a.md", dir);
	fp = fopen(path, "w");
	CHECK(fp != NULL);
	if (fp)
		fclose(fp);
	CHECK(config_glob_match("drafts/*", dir, path));
	CHECK(config_glob_match("*.md", dir, path));
	CHECK(!config_glob_match("*.html", dir, path));
	CHECK(!config_glob_match("news/*", dir, path));
	CHECK(config_glob_match("*.md", dir, "no/such/file.md"));
	unlink(path);
	snprintf(path, sizeof path, "%s/drafts", dir);
	rmdir(path);
	rmdir(dir);
}

/*
 * accept entries with commas, in quotes or from an accept file; exclude
 * globs (issue 17, 2026-12-05).
 */
static void test_accept_and_exclude(void)
{
	char tmpl[] = "/tmp/pc_cfg_XXXXXX", dir[4096], path[4200], text[5000];
	struct config c;
	struct diag d;
	FILE *fp;

	CHECK_INT(parse(&c, "accept = \"Jackson, Mississippi\" , Charlotte Street,\"Paris, Texas\"\n", &d), PC_OK);
	CHECK_INT(c.top.n_accept, 3);
	if (c.top.n_accept == 3) {
		CHECK_STR(c.top.accept[0], "Jackson, Mississippi");
		CHECK_STR(c.top.accept[1], "Charlotte Street");
		CHECK_STR(c.top.accept[2], "Paris, Texas");
	}
	config_free(&c);
	CHECK(parse(&c, "accept = \"Jackson, Mississippi\n", &d) != PC_OK);
	CHECK(strstr(d.msg, "closing") != NULL);
	config_free(&c);
	CHECK(parse(&c, "accept = \"Jackson\" Mississippi\n", &d) != PC_OK);
	CHECK(strstr(d.msg, "comma") != NULL);
	config_free(&c);
	CHECK_INT(parse(&c, "exclude = README.md, drafts/*\nexclude = *.txt\n", &d), PC_OK);
	CHECK_INT(c.n_exclude, 3);
	CHECK(config_excluded(&c, "README.md"));
	CHECK(config_excluded(&c, "news/README.md"));
	CHECK(config_excluded(&c, "notes.txt"));
	CHECK(!config_excluded(&c, "news/story.md"));
	config_free(&c);
	CHECK(parse(&c, "[*.md]\nexclude = README.md\n", &d) != PC_OK);
	CHECK(strstr(d.msg, "exclude") != NULL);
	config_free(&c);

	/* accept-file: one entry a line, commas kept, # comments and blanks skipped */
	CHECK(mkdtemp(tmpl) != NULL);
	CHECK(realpath(tmpl, dir) != NULL);
	snprintf(path, sizeof path, "%s/accept.txt", dir);
	fp = fopen(path, "w");
	CHECK(fp != NULL);
	if (fp) {
		fputs("\xef\xbb\xbf# newsroom vocabulary\nJackson, Mississippi\n\n  Charlotte Street  \r\n#Sydney\nCairo, Ill.", fp);
		fclose(fp);
	}
	config_init(&c);
	diag_clear(&d);
	snprintf(text, sizeof text, "accept = Lyme\n[*.md]\naccept-file = accept.txt\n");
	CHECK_INT(config_parse(&c, "t.ini", dir, text, strlen(text), &d), PC_OK);
	CHECK_INT(c.top.n_accept, 1);
	CHECK_INT(c.n_sections, 1);
	if (c.n_sections == 1) {
		CHECK_INT(c.sections[0].s.n_accept, 3);
		if (c.sections[0].s.n_accept == 3) {
			CHECK_STR(c.sections[0].s.accept[0], "Jackson, Mississippi");
			CHECK_STR(c.sections[0].s.accept[1], "Charlotte Street");
			CHECK_STR(c.sections[0].s.accept[2], "Cairo, Ill.");
		}
	}
	config_free(&c);
	config_init(&c);
	diag_clear(&d);
	snprintf(text, sizeof text, "fail-on = error\naccept-file = missing.txt\n");
	CHECK(config_parse(&c, "t.ini", dir, text, strlen(text), &d) != PC_OK);
	CHECK_INT(d.line, 2);
	CHECK(strstr(d.msg, "missing.txt") != NULL);
	config_free(&c);
	unlink(path);
	rmdir(dir);
}

/* config_load: reads a file, resolves db against its folder; discovery. */
static void test_load_and_locate(void)
{
	char tmpl[] = "/tmp/pc_cfg_XXXXXX", dir[4096], path[4200], sub[4200], old[4096];
	struct config c;
	struct diag d;
	struct buf b;
	FILE *fp;
	const char *origin;

	CHECK(mkdtemp(tmpl) != NULL);
	CHECK(realpath(tmpl, dir) != NULL);
	snprintf(path, sizeof path, "%s/" CONFIG_FILE_NAME, dir);
	snprintf(sub, sizeof sub, "%s/a", dir);
	CHECK(mkdir(sub, 0700) == 0);
	snprintf(sub, sizeof sub, "%s/a/b", dir);
	CHECK(mkdir(sub, 0700) == 0);
	fp = fopen(path, "w");
	CHECK(fp != NULL);
	if (!fp)
		return;
	fputs("db = my.db\nfail-on = error\n", fp);
	fclose(fp);

	config_init(&c);
	diag_clear(&d);
	CHECK_INT(config_load(&c, path, &d), PC_OK);
	CHECK_INT(c.top.fail_on, DETECT_SEV_ERROR);
	CHECK(c.top.db && strstr(c.top.db, "/my.db") && strncmp(c.top.db, dir, strlen(dir)) == 0);
	config_free(&c);

	config_init(&c);
	diag_clear(&d);
	CHECK(config_load(&c, "/nonexistent/.placecheck.ini", &d) == PC_ERR_IO);
	CHECK_STR(d.file, "/nonexistent/.placecheck.ini");
	config_free(&c);

	/* discovery from a subfolder, explicit path and the environment */
	CHECK(getcwd(old, sizeof old) != NULL);
	CHECK(chdir(sub) == 0);
	unsetenv("PLACECHECK_CONFIG");
	buf_init(&b, 0);
	origin = config_locate(NULL, &b);
	CHECK_STR(buf_str(&b), path);
	CHECK(strstr(origin, "found") != NULL);
	buf_reset(&b);
	CHECK_STR(config_locate("x.ini", &b), "--config");
	CHECK_STR(buf_str(&b), "x.ini");
	setenv("PLACECHECK_CONFIG", "env.ini", 1);
	buf_reset(&b);
	CHECK_STR(config_locate(NULL, &b), "PLACECHECK_CONFIG");
	CHECK_STR(buf_str(&b), "env.ini");
	buf_reset(&b);
	CHECK_STR(config_locate("cli.ini", &b), "--config"); /* --config beats the environment */
	CHECK_STR(buf_str(&b), "cli.ini");
	unsetenv("PLACECHECK_CONFIG");
	unlink(path);
	buf_reset(&b);
	config_locate(NULL, &b);
	CHECK(strstr(buf_str(&b), dir) == NULL); /* gone: not found there any more */
	buf_free(&b);
	CHECK(chdir(old) == 0);
	rmdir(sub);
	snprintf(sub, sizeof sub, "%s/a", dir);
	rmdir(sub);
	rmdir(dir);
}

static void test_dump(void)
{
	struct config c;
	struct diag d;
	struct buf b;

	CHECK_INT(parse(&c, "lookalike-pair = off\naccept = Charlotte Street\n[*.md]\nquotes = skip\n", &d),
		  PC_OK);
	buf_init(&b, 0);
	config_dump(&c, &b);
	CHECK(strstr(buf_str(&b), "fail-on = warning\n") != NULL);
	CHECK(strstr(buf_str(&b), "lookalike-pair = off\n") != NULL);
	CHECK(strstr(buf_str(&b), "accept = Charlotte Street\n") != NULL);
	CHECK(strstr(buf_str(&b), "\n[*.md]\nquotes = skip\n") != NULL);
	buf_free(&b);
	config_free(&c);
}

int main(void)
{
	TEST(test_defaults);
	TEST(test_settings);
	TEST(test_errors);
	TEST(test_long_line);
	TEST(test_sections);
	TEST(test_glob_paths);
	TEST(test_accept_and_exclude);
	TEST(test_load_and_locate);
	TEST(test_dump);
	return TEST_REPORT();
}
