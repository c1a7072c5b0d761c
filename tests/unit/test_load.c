/*
 * test_load.c: the load stage's pieces: recognising files by content, the
 * OSA distance (base/strdist.h) on the look-alike pairs, the look-alike rules, prominence, and load_run on small
 * files written here (bad rows counted, a quote at the start of a field),
 * and the names a build derives (a first-level region without its type word;
 * a first-level region no place carries), on fixtures written by
 * fixture_load; the topics table, as the context stage reads it.
 */
#include "testhelp.h"

#include "base/strdist.h"
#include "context/context.h"
#include "db/db.h"
#include "load/load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int sniff(const char *s)
{
	return load_sniff(s, strlen(s));
}

static void test_sniff(void)
{
	CHECK_INT(sniff("4752031\tCharlottesville\tCharlottesville\tCHO\t38.02931\t-78.47668\tP\tPPLA2\tUS\t\tVA\t540\t\t\t46553\t\t146\tAmerica/New_York\t2020-01-01\n"),
		  LOAD_KIND_GEONAMES);
	CHECK_INT(sniff("US.VA\tVirginia\tVirginia\t6254928\n"), LOAD_KIND_ADMIN1);
	CHECK_INT(sniff("US.VA\tVirginia\tVirginia\t\n"), LOAD_KIND_ADMIN1);
	CHECK_INT(sniff("US.VA.003\tAlbemarle County\tAlbemarle County\t4744811\n"), LOAD_KIND_ADMIN2);
	CHECK_INT(sniff("# comment\n#ISO\tISO3\n\nAD\tAND\t020\t\tAndorra\tAndorra la Vella\t468\t\tEU\t.ad\tEUR\tEuro\t376\t\t\tca\t3041565\tES,FR\t\n"),
		  LOAD_KIND_COUNTRYINFO);
	CHECK_INT(sniff("1\t4752031\ten\tCharlottesville\t1\t\t\t\t\t\n"), LOAD_KIND_ALTNAMES);
	CHECK_INT(sniff("# placecheck-data: cues v1\n# phrase\n"), LOAD_KIND_CUES);
	CHECK_INT(sniff("# placecheck-data: lexicon v1\r\n"), LOAD_KIND_LEXICON);
	CHECK_INT(sniff("# placecheck-data: regions v1\n"), LOAD_KIND_REGIONS);
	CHECK_INT(sniff("# placecheck-data: country-names-foreign v1\nDE\tDeutschland\tdeu\n"),
		  LOAD_KIND_COUNTRY_NAMES_FOREIGN);
	CHECK_STR(load_kind_name(LOAD_KIND_COUNTRY_NAMES_FOREIGN), "country-names-foreign");
	CHECK_INT(sniff("# placecheck-data: city-names-foreign v1\n524901\tMoskau\tde\tMoscow\tRU\n"),
		  LOAD_KIND_CITY_NAMES_FOREIGN);
	CHECK_STR(load_kind_name(LOAD_KIND_CITY_NAMES_FOREIGN), "city-names-foreign");
	CHECK_INT(sniff("# placecheck-data: regions v2\n"), LOAD_KIND_UNKNOWN);
	CHECK_INT(sniff("# placecheck-data: nonsense v1\n"), LOAD_KIND_UNKNOWN);
	CHECK_INT(sniff("Dear editor,\nthis is a letter.\n"), LOAD_KIND_UNKNOWN);
	CHECK_INT(sniff("SQLite format 3"), LOAD_KIND_UNKNOWN);
	CHECK_INT(sniff(""), LOAD_KIND_UNKNOWN);
	CHECK_INT(sniff("# only comments\n"), LOAD_KIND_UNKNOWN);
	/* 19 fields but a word first: neither main table nor countryInfo. */
	CHECK_INT(sniff("abc\tb\tc\td\te\tf\tg\th\ti\tj\tk\tl\tm\tn\to\tp\tq\tr\ts\n"), LOAD_KIND_UNKNOWN);
	CHECK_STR(load_kind_name(LOAD_KIND_GEONAMES), "geonames");
}

static void test_osa(void)
{
	CHECK_INT(strdist_osa("colombia", "columbia", 5), 1);
	CHECK_INT(strdist_osa("austria", "australia", 5), 2);
	CHECK_INT(strdist_osa("slovakia", "slovenia", 5), 2);
	CHECK_INT(strdist_osa("niger", "nigeria", 5), 2);
	CHECK_INT(strdist_osa("iran", "iraq", 5), 1);
	/* A transposition counts 1 (Levenshtein would say 2). */
	CHECK_INT(strdist_osa("abcd", "abdc", 5), 1);
	CHECK_INT(strdist_osa("same", "same", 0), 0);
	CHECK_INT(strdist_osa("", "abc", 5), 3);
	/* Early exit: anything over MAX is MAX + 1. */
	CHECK_INT(strdist_osa("charlotte", "charlottesville", 2), 3);
	CHECK_INT(strdist_osa("kitten", "sitting", 1), 2);
	/* Code points, not bytes. */
	CHECK_INT(strdist_osa("s\xc3\xa3o", "sao", 5), 1);
}

static void test_alike_kind(void)
{
	CHECK_INT(load_alike_kind("charlotte", "charlottesville", 0), DB_ALIKE_SUFFIX);
	CHECK_INT(load_alike_kind("charlottetown", "charlotte", 0), DB_ALIKE_SUFFIX);
	CHECK_INT(load_alike_kind("niger", "nigeria", 1), DB_ALIKE_SUFFIX);
	CHECK_INT(load_alike_kind("york", "new york", 0), DB_ALIKE_PREFIX);
	CHECK_INT(load_alike_kind("sydney", "north sydney", 0), DB_ALIKE_PREFIX);
	CHECK_INT(load_alike_kind("kansas", "kansas city", 0), DB_ALIKE_PREFIX);
	CHECK_INT(load_alike_kind("austria", "australia", 1), DB_ALIKE_EDIT);
	CHECK_INT(load_alike_kind("colombia", "columbia", 1), DB_ALIKE_EDIT);
	CHECK_INT(load_alike_kind("slovakia", "slovenia", 1), DB_ALIKE_EDIT);
	CHECK_INT(load_alike_kind("iran", "iraq", 1), DB_ALIKE_EDIT);
	/* Four letters pair only when both are countries. */
	CHECK_INT(load_alike_kind("iran", "iraq", 0), 0);
	/* Distance 2 needs a key of 8+ characters. */
	CHECK_INT(load_alike_kind("paris", "parma", 0), 0);
	CHECK_INT(load_alike_kind("salem", "salen", 0), DB_ALIKE_EDIT);
	CHECK_INT(load_alike_kind("boston", "austin", 0), 0);
	CHECK_INT(load_alike_kind("same", "same", 1), 0);
	/* Too short a stem for a suffix. */
	CHECK_INT(load_alike_kind("ely", "elyton", 0), 0);
}

static void test_prominent(void)
{
	CHECK(load_is_prominent("PPL", 15000));
	CHECK(!load_is_prominent("PPL", 14999));
	CHECK(load_is_prominent("PPLC", 100));
	CHECK(load_is_prominent("PPLA", 5000));
	CHECK(load_is_prominent("PPLA2", 5000));
	CHECK(!load_is_prominent("PPLA2", 4999));
	CHECK(!load_is_prominent(NULL, 0));
}

#define SEEN_MAX 16

/* The warnings of a load: each one's line, message and file. */
struct seen {
	int n_warn;
	unsigned long lines[SEEN_MAX];
	char msgs[SEEN_MAX][sizeof ((struct diag *)0)->msg];
	char files[SEEN_MAX][sizeof ((struct diag *)0)->file];
};

static void on_warn(void *ud, const struct diag *d)
{
	struct seen *s = ud;

	if (s->n_warn < SEEN_MAX) {
		s->lines[s->n_warn] = d->line;
		snprintf(s->msgs[s->n_warn], sizeof s->msgs[0], "%s", d->msg);
		snprintf(s->files[s->n_warn], sizeof s->files[0], "%s", d->file);
	}
	s->n_warn++;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		return;
	fputs(text, f);
	fclose(f);
}

#define ROW(id, name) id "\t" name "\t" name "\t\t10.5\t20.5\tP\tPPL\tUS\t\tVA\t003\t\t\t1200\t\t5\tAmerica/New_York\t2020-01-01\n"

static void test_run_rows(void)
{
	char dir[] = "/tmp/pc-test-load-XXXXXX";
	char in[300], db[300];
	char *inputs[1];
	struct load_opts opts;
	struct load_stats *st = calloc(1, sizeof *st);
	struct seen seen = { 0 };
	struct diag d;
	enum pc_rc rc;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(in, sizeof in, "%s/t.txt", dir);
	snprintf(db, sizeof db, "%s/p.db", dir);
	write_file(in, ROW("1", "\"Quote Start")        /* line 1: unclosed quote */
		       ROW("2", "Second")                /* line 2 */
		       "3\tshort row\n"                   /* line 3: bad */
		       ROW("x4", "Bad Id")               /* line 4: bad */
		       "\n"                               /* line 5: empty, ignored */
		       ROW("6", "Sixth"));                /* line 6, no newline at the end */
	memset(&opts, 0, sizeof opts);
	opts.warn = on_warn;
	opts.ud = &seen;
	inputs[0] = in;
	diag_clear(&d);
	rc = load_run(db, inputs, 1, &opts, st, &d);
	CHECK_INT(rc, PC_OK);
	CHECK_INT(st->n_files, 1);
	CHECK_INT(st->files[0].rows, 3);
	CHECK_INT(st->files[0].skipped, 2);
	CHECK_INT(seen.n_warn, 2);
	CHECK_INT(seen.lines[0], 3);
	CHECK_INT(seen.lines[1], 4);
	CHECK_INT(st->n_places, 3);
	CHECK(access(db, F_OK) == 0);

	/* CRLF line ends: the same rows, the same line numbers. */
	write_file(in, "1\tA\tA\t\t1\t1\tP\tPPL\tUS\t\tVA\t\t\t\t10\t\t\t\t\r\n"
		       "\r\n"
		       "3\tshort\r\n"
		       "4\tB\tB\t\t1\t1\tP\tPPL\tUS\t\tVA\t\t\t\t10\t\t\t\t\r\n");
	seen.n_warn = 0;
	diag_clear(&d);
	rc = load_run(db, inputs, 1, &opts, st, &d);
	CHECK_INT(rc, PC_OK);
	CHECK_INT(st->files[0].rows, 2);
	CHECK_INT(seen.n_warn, 1);
	CHECK_INT(seen.lines[0], 3);
	write_file(in, ROW("1", "\"Quote Start") ROW("2", "Second") "3\tshort row\n"
		       ROW("x4", "Bad Id") "\n" ROW("6", "Sixth"));

	/* --strict: the first bad row fails the load, the old file stays. */
	opts.strict = 1;
	diag_clear(&d);
	memset(st, 0, sizeof *st);
	rc = load_run(db, inputs, 1, &opts, st, &d);
	CHECK_INT(rc, PC_ERR_PARSE);
	CHECK_INT(d.line, 3);
	CHECK(strstr(d.file, "t.txt") != NULL);

	/* Not a gazetteer file. */
	write_file(in, "hello\tworld\n");
	opts.strict = 0;
	diag_clear(&d);
	rc = load_run(db, inputs, 1, &opts, st, &d);
	CHECK_INT(rc, PC_ERR_PARSE);
	CHECK(strstr(d.msg, "not a GeoNames") != NULL);

	/* A bad --columns map is a usage error. */
	opts.csv = 1;
	opts.columns = "name=Name,lat=Lat";
	diag_clear(&d);
	rc = load_run(db, inputs, 1, &opts, st, &d);
	CHECK_INT(rc, PC_ERR_USAGE);

	unlink(in);
	unlink(db);
	rmdir(dir);
	free(st);
}

/* Does KEY read as a first-level region of DB? */
static int reads_as_admin1(struct db *db, const char *key)
{
	struct db_hit hits[8];
	size_t n = 0, i;

	if (db_names_lookup(db, key, hits, 8, &n, NULL) != PC_OK)
		return 0;
	for (i = 0; i < n; i++)
		if (hits[i].place.kind == DB_KIND_ADMIN1)
			return 1;
	return 0;
}

/* A file of a fixture: its name in the fixture's folder and its text. */
struct fixture_file {
	const char *name;
	const char *text;
};

#define FIXTURE_MAX_FILES 8

/*
 * Write FILES[0..N) into a new folder from TEMPLATE (mkdtemp's), load them
 * in that order into a database there and open it read-only: the caller
 * checks *DB (NULL if any step failed, which is reported) and hands the
 * folder to fixture_remove.  The load's warnings go to SEEN (NULL: none).
 */
static void fixture_load_seen(char *tmpl, const struct fixture_file *files, size_t n,
			      struct seen *seen, struct db **db)
{
	char path[FIXTURE_MAX_FILES][300], dbp[300];
	char *inputs[FIXTURE_MAX_FILES];
	struct load_opts opts;
	struct load_stats *st = calloc(1, sizeof *st);
	struct diag d;
	size_t i;

	*db = NULL;
	CHECK(n <= FIXTURE_MAX_FILES && st != NULL);
	CHECK(mkdtemp(tmpl) != NULL);
	if (!st || n > FIXTURE_MAX_FILES || access(tmpl, F_OK) != 0) {
		free(st);
		return;
	}
	for (i = 0; i < n; i++) {
		snprintf(path[i], sizeof path[i], "%s/%s", tmpl, files[i].name);
		write_file(path[i], files[i].text);
		inputs[i] = path[i];
	}
	snprintf(dbp, sizeof dbp, "%s/p.db", tmpl);
	memset(&opts, 0, sizeof opts);
	if (seen) {
		opts.warn = on_warn;
		opts.ud = seen;
	}
	diag_clear(&d);
	CHECK_INT(load_run(dbp, inputs, n, &opts, st, &d), PC_OK);
	CHECK_INT(db_open(dbp, DB_OPEN_READONLY, db, NULL), PC_OK);
	free(st);
}

static void fixture_load(char *tmpl, const struct fixture_file *files, size_t n, struct db **db)
{
	fixture_load_seen(tmpl, files, n, NULL, db);
}

/* Remove the folder DIR of a fixture_load with its N files and database. */
static void fixture_remove(const char *dir, const struct fixture_file *files, size_t n)
{
	char path[300];
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
		unlink(path);
	}
	snprintf(path, sizeof path, "%s/p.db", dir);
	unlink(path);
	rmdir(dir);
}

/*
 * "Huila Department" is also "Huila"; not "Western Province" (directions
 * only), "Charlotte Parish" (a parish's name is a town's more often) or
 * "Niger State" (the country's name).
 */
static void test_admin_short_names(void)
{
	char dir[] = "/tmp/pc-test-admin-XXXXXX";
	const struct fixture_file files[] = {
		{ "countryInfo.txt",
		  "CO\tCOL\t170\tCO\tColombia\tBogota\t1141748\t47790000\tSA\t.co\tCOP\tPeso\t57\t\t\tspa\t3686110\tBR,EC,PA,PE,VE\t\n"
		  "NE\tNER\t562\tNG\tNiger\tNiamey\t1267000\t22442948\tAF\t.ne\tXOF\tFranc\t227\t\t\tfra\t2440476\tBF,BJ,DZ,LY,ML,NG,TD\t\n" },
		{ "admin1CodesASCII.txt",
		  "CO.16\tHuila Department\tHuila Department\t3680176\n"
		  "CO.17\tWestern Province\tWestern Province\t3680177\n"
		  "CO.18\tCharlotte Parish\tCharlotte Parish\t3680178\n"
		  "CO.19\tNiger State\tNiger State\t3680179\n" },
		{ "cities.txt",
		  "1\tAlpha\tAlpha\t\t2.5\t-75.5\tP\tPPL\tCO\t\t16\t\t\t\t5000\t\t\t\t2020-01-01\n"
		  "2\tBeta\tBeta\t\t3.5\t-74.5\tP\tPPL\tCO\t\t17\t\t\t\t5000\t\t\t\t2020-01-01\n"
		  "3\tGamma\tGamma\t\t4.5\t-73.5\tP\tPPL\tCO\t\t18\t\t\t\t5000\t\t\t\t2020-01-01\n"
		  "4\tDelta\tDelta\t\t5.5\t-72.5\tP\tPPL\tCO\t\t19\t\t\t\t5000\t\t\t\t2020-01-01\n"
		  "5\tEpsilon\tEpsilon\t\t13.5\t2.1\tP\tPPL\tNE\t\t08\t\t\t\t5000\t\t\t\t2020-01-01\n" },
	};
	struct db *db;

	fixture_load(dir, files, sizeof files / sizeof files[0], &db);
	if (db) {
		CHECK(reads_as_admin1(db, "huila department"));
		CHECK(reads_as_admin1(db, "huila"));
		CHECK(reads_as_admin1(db, "western province"));
		CHECK(!reads_as_admin1(db, "western"));
		CHECK(!reads_as_admin1(db, "charlotte"));
		CHECK(!reads_as_admin1(db, "niger"));
		db_close(db);
	}
	fixture_remove(dir, files, sizeof files / sizeof files[0]);
}

/* The first-level region reading of KEY in DB into *OUT: 1, or 0 if none. */
static int admin1_reading(struct db *db, const char *key, struct db_place *out)
{
	struct db_hit hits[8];
	size_t n = 0, i;

	if (db_names_lookup(db, key, hits, 8, &n, NULL) != PC_OK)
		return 0;
	for (i = 0; i < n; i++)
		if (hits[i].place.kind == DB_KIND_ADMIN1) {
			*out = hits[i].place;
			return 1;
		}
	return 0;
}

/*
 * Every admin1 code is a region, also one no place carries: the admin
 * codes and the places come from different GeoNames versions (Norway's
 * towns under the merged county NO.38, which the admin list lacks, while
 * it lists Vestfold NO.20 and Telemark NO.17).  Vestfold is placed at the
 * towns named like its municipalities (Tonsberg, not the hamlet of that
 * name with no population far north), Telemark at the town named like
 * it, and a region nothing names at its country's point.
 */
static void test_admin1_without_places(void)
{
	char dir[] = "/tmp/pc-test-admin1-XXXXXX";
	const struct fixture_file files[] = {
		{ "countryInfo.txt",
		  "NO\tNOR\t578\tNO\tNorway\tOslo\t324220\t5314336\tEU\t.no\tNOK\tKrone\t47\t\t\tnob\t3144096\tFI,RU,SE\t\n" },
		{ "admin1CodesASCII.txt",
		  "NO.12\tOslo\tOslo\t\n"
		  "NO.17\tTelemark\tTelemark\t\n"
		  "NO.20\tVestfold\tVestfold\t\n"
		  "NO.99\tNowhereland\tNowhereland\t\n" },
		{ "admin2Codes.txt",
		  "NO.20.3905\tT\xc3\xb8nsberg\tTnsberg\t\n"
		  "NO.20.3909\tLarvik\tLarvik\t\n" },
		{ "cities.txt",
		  "1\tT\xc3\xb8nsberg\tTonsberg\t\t59.27\t10.41\tP\tPPLA2\tNO\t\t38\t3803\t\t\t39367\t\t\t\t2020-01-01\n"
		  "2\tLarvik\tLarvik\t\t59.05\t10.03\tP\tPPLA2\tNO\t\t38\t3805\t\t\t24208\t\t\t\t2020-01-01\n"
		  "3\tT\xc3\xb8nsberg\tTonsberg\t\t69.0\t18.0\tP\tPPL\tNO\t\t54\t\t\t\t0\t\t\t\t2020-01-01\n"
		  "4\tTelemark\tTelemark\t\t59.2\t9.6\tP\tPPL\tNO\t\t38\t\t\t\t800\t\t\t\t2020-01-01\n"
		  "5\tOslo\tOslo\t\t59.91\t10.75\tP\tPPLC\tNO\t\t12\t0301\t\t\t580000\t\t\t\t2020-01-01\n" },
	};
	struct db *db;
	struct db_place p;

	fixture_load(dir, files, sizeof files / sizeof files[0], &db);
	if (db) {
		/* between Tonsberg and Larvik; the northern hamlet left out */
		CHECK(admin1_reading(db, "vestfold", &p));
		CHECK(p.lat > 59.0 && p.lat < 59.3 && p.lon > 10.0 && p.lon < 10.5);
		CHECK(p.population == 39367 + 24208);
		CHECK(admin1_reading(db, "telemark", &p));
		CHECK(p.lat > 59.1 && p.lat < 59.3 && p.lon > 9.5 && p.lon < 9.7);
		/* Oslo has its places: as before */
		CHECK(admin1_reading(db, "oslo", &p));
		CHECK(p.lat > 59.9 && p.lat < 59.92);
		/* nothing names it: Norway's point (the mean of its places) */
		CHECK(admin1_reading(db, "nowhereland", &p));
		CHECK(p.lat > 60.0 && p.lat < 62.0 && p.population == 0);
		db_close(db);
	}
	fixture_remove(dir, files, sizeof files / sizeof files[0]);
}

/* The topics file's rows as the context stage reads them: cue phrases
 * in the cue index, members by country or first-level region; a member
 * the database lacks is a bad row, named by its line. */
static void test_topics(void)
{
	char dir[] = "/tmp/pc-test-topics-XXXXXX";
	const struct fixture_file files[] = {
		{ "countryInfo.txt",
		  "AU\tAUS\t036\tAS\tAustralia\tCanberra\t7686850\t25000000\tOC\t.au\tAUD\tDollar\t61\t\t\ten-AU\t2077456\t\t\n"
		  "AT\tAUT\t040\tAU\tAustria\tVienna\t83858\t8900000\tEU\t.at\tEUR\tEuro\t43\t\t\tde-AT\t2782113\tDE\t\n"
		  "GB\tGBR\t826\tUK\tUnited Kingdom\tLondon\t244820\t66000000\tEU\t.uk\tGBP\tPound\t44\t\t\ten-GB\t2635167\tIE\t\n" },
		{ "admin1CodesASCII.txt",
		  "GB.ENG\tEngland\tEngland\t6269131\n"
		  "GB.SCT\tScotland\tScotland\t2638360\n" },
		{ "cities.txt",
		  "1\tSydney\tSydney\t\t-33.87\t151.21\tP\tPPLA\tAU\t\t02\t\t\t\t4600000\t\t\t\t2020-01-01\n"
		  "2\tVienna\tVienna\t\t48.21\t16.37\tP\tPPLC\tAT\t\t09\t\t\t\t1900000\t\t\t\t2020-01-01\n"
		  "3\tLeeds\tLeeds\t\t53.8\t-1.55\tP\tPPL\tGB\t\tENG\t\t\t\t450000\t\t\t\t2020-01-01\n"
		  "4\tPerth\tPerth\t\t56.4\t-3.44\tP\tPPL\tGB\t\tSCT\t\t\t\t47000\t\t\t\t2020-01-01\n" },
		{ "topics.tsv",
		  "# placecheck-data: topics v1\n"
		  "rugby union\tcue\trugby\n"
		  "rugby union\tcue\tSix Nations\n"
		  "rugby union\tmember\tcountry:AU\n"
		  "rugby union\tmember\tadmin1:GB.ENG\n" },
	};
	struct db *db;
	struct ctx_cues cues;
	size_t i, n_cues = 0;

	fixture_load(dir, files, sizeof files / sizeof files[0], &db);
	if (db) {
		CHECK_INT(ctx_cues_load(db, &cues, NULL), PC_OK);
		CHECK_INT(cues.n_topics, 1);
		for (i = 0; i < cues.n; i++)
			if (cues.cues[i].topic == 0)
				n_cues++;
		CHECK_INT(n_cues, 2);
		if (cues.n_topics == 1) {
			struct db_place au = { .kind = DB_KIND_COUNTRY, .country = "AU" };
			struct db_place at = { .kind = DB_KIND_COUNTRY, .country = "AT" };
			struct db_place eng = { .kind = DB_KIND_ADMIN1, .country = "GB", .admin1 = "ENG" };
			struct db_place sct = { .kind = DB_KIND_ADMIN1, .country = "GB", .admin1 = "SCT" };
			struct db_place sydney = { .kind = DB_KIND_PLACE, .country = "AU", .admin1 = "02" };
			struct db_place nsw = { .kind = DB_KIND_ADMIN1, .country = "AU", .admin1 = "02" };
			struct db_place berks = { .kind = DB_KIND_ADMIN1, .country = "GB", .admin1 = "ENG",
						  .fcode = DB_FCODE_ADMIN2_GROUP };
			CHECK_STR(cues.topics[0].name, "rugby union");
			CHECK(ctx_topic_member(&cues.topics[0], &au));
			CHECK(!ctx_topic_member(&cues.topics[0], &at));
			CHECK(ctx_topic_member(&cues.topics[0], &eng));
			CHECK(!ctx_topic_member(&cues.topics[0], &sct));
			/* a town is no member of a sport, whatever its country; a
			 * state only when listed itself; a county group never */
			CHECK(!ctx_topic_member(&cues.topics[0], &sydney));
			CHECK(!ctx_topic_member(&cues.topics[0], &nsw));
			CHECK(!ctx_topic_member(&cues.topics[0], &berks));
		}
		ctx_cues_free(&cues);
		db_close(db);
	}
	fixture_remove(dir, files, sizeof files / sizeof files[0]);

	/* A member the database does not hold: the row is bad, by its line. */
	{
		char dir2[] = "/tmp/pc-test-topics2-XXXXXX", p1[300], p2[300], p3[300], dbp[300];
		char *inputs[3];
		struct load_opts opts;
		struct load_stats *st = calloc(1, sizeof *st);
		struct seen seen = { 0 };
		struct diag d;

		CHECK(st != NULL && mkdtemp(dir2) != NULL);
		snprintf(p1, sizeof p1, "%s/countryInfo.txt", dir2);
		snprintf(p2, sizeof p2, "%s/topics.tsv", dir2);
		snprintf(p3, sizeof p3, "%s/cities.txt", dir2);
		snprintf(dbp, sizeof dbp, "%s/p.db", dir2);
		write_file(p1, files[0].text);
		write_file(p3, files[2].text);
		write_file(p2, "# placecheck-data: topics v1\n"
			       "cricket\tcue\tcricket\n"
			       "cricket\tmember\tcountry:ZZ\n"
			       "cricket\twhatever\tx\n");
		inputs[0] = p1;
		inputs[1] = p3;
		inputs[2] = p2;
		memset(&opts, 0, sizeof opts);
		opts.warn = on_warn;
		opts.ud = &seen;
		diag_clear(&d);
		CHECK_INT(load_run(dbp, inputs, 3, &opts, st, &d), PC_OK);
		CHECK_INT(seen.n_warn, 2);
		CHECK_INT(seen.lines[0], 4); /* the bad kind, seen as the file is read */
		CHECK_INT(seen.lines[1], 3); /* the unknown member, once every file is in */
		unlink(p1);
		unlink(p2);
		unlink(p3);
		unlink(dbp);
		rmdir(dir2);
		free(st);
	}
}

/* The fixture of a county group: England, three of its admin2 units and a
 * town in each (Crewe and Widnes in Cheshire, Bolton outside it), and a town
 * of a unit admin2Codes no longer lists (Corby, J1: old Northamptonshire). */
#define GB_COUNTRY "GB\tGBR\t826\tUK\tUnited Kingdom\tLondon\t244820\t66000000\tEU\t.uk\tGBP\tPound\t44\t\t\ten-GB\t2635167\tIE\t\n"
#define GB_ADMIN1 "GB.ENG\tEngland\tEngland\t6269131\n"
#define GB_ADMIN2 "GB.ENG.Z7\tCheshire East\tCheshire East\t7290536\n" \
		  "GB.ENG.E9\tHalton\tHalton\t3333156\n"                  \
		  "GB.ENG.B1\tBolton\tBolton\t3333130\n"
#define GB_CITIES "1\tCrewe\tCrewe\t\t53.1\t-2.44\tP\tPPL\tGB\t\tENG\tZ7\t\t\t75556\t\t\t\t2020-01-01\n"   \
		  "2\tWidnes\tWidnes\t\t53.36\t-2.73\tP\tPPL\tGB\t\tENG\tE9\t\t\t61464\t\t\t\t2020-01-01\n" \
		  "3\tBolton\tBolton\t\t53.58\t-2.43\tP\tPPLA2\tGB\t\tENG\tB1\t\t\t141331\t\t\t\t2020-01-01\n" \
		  "4\tCorby\tCorby\t\t52.49\t-0.68\tP\tPPL\tGB\t\tENG\tJ1\t\t\t56810\t\t\t\t2020-01-01\n"
/* Its four files, before the regions file of each test. */
#define GB_FILES                                     \
	{ "countryInfo.txt", GB_COUNTRY },            \
	{ "admin1CodesASCII.txt", GB_ADMIN1 },        \
	{ "admin2Codes.txt", GB_ADMIN2 },             \
	{ "cities.txt", GB_CITIES }

/* The county group row KEY names in DB into *OUT: 1, or 0 if none. */
static int group_reading(struct db *db, const char *key, struct db_place *out)
{
	struct db_hit hits[8];
	size_t n = 0, i;

	if (db_names_lookup(db, key, hits, 8, &n, NULL) != PC_OK)
		return 0;
	for (i = 0; i < n; i++)
		if (hits[i].place.kind == DB_KIND_ADMIN1 &&
		    strcmp(hits[i].place.fcode, DB_FCODE_ADMIN2_GROUP) == 0) {
			*out = hits[i].place;
			return 1;
		}
	return 0;
}

/*
 * A member of a regions row is an ISO code or a whole admin2 code of
 * capital letters and digits, "CC.A1.A2", each part there: "GB..",
 * "GB.ENG.", a lower-case or a control character, a bare letter and an
 * admin1 part longer than a place's admin1 field are bad rows, by line;
 * spaces around a member are trimmed, not part of it.
 */
static void test_region_member_codes(void)
{
	char dir[] = "/tmp/pc-test-regcodes-XXXXXX";
	const struct fixture_file files[] = {
		GB_FILES,
		{ "regions.tsv",
		  "# placecheck-data: regions v1\n"
		  "Cheshire\t\t\tGB.ENG.Z7,GB.ENG.E9\t\n"        /* 2 */
		  "Dots\t\t\tGB..\t\n"                            /* 3 */
		  "Open\t\t\tGB.ENG.\t\n"                         /* 4 */
		  "Lower\t\t\tGB.eng.z7\t\n"                      /* 5 */
		  "Control\t\t\tGB.ENG.Z7\v\t\n"                 /* 6 */
		  "Letter\t\t\tG\t\n"                             /* 7 */
		  "Long\t\t\tGB.ABCDEFGHIJKLMNOPQRSTUVWXYZ.Z7\t\n" /* 8 */
		  "Three Dots\t\t\tGB.ENG.Z7.X\t\n"               /* 9 */
		  "Halton Group\t\t\t GB.ENG.E9 \t\n" },          /* 10 */
	};
	struct seen seen = { 0 };
	struct db *db;
	struct db_place p;
	int i;

	fixture_load_seen(dir, files, sizeof files / sizeof files[0], &seen, &db);
	CHECK_INT(seen.n_warn, 7);
	for (i = 0; i < seen.n_warn && i < 7; i++) {
		CHECK_INT(seen.lines[i], 3 + i);
		CHECK(strstr(seen.msgs[i], "bad member list") != NULL);
		CHECK(strstr(seen.files[i], "regions.tsv") != NULL);
	}
	if (db) {
		CHECK(group_reading(db, "cheshire", &p));
		CHECK_STR(p.admin2, "Z7,E9");
		CHECK(group_reading(db, "halton group", &p));
		CHECK_STR(p.admin2, "E9");
		CHECK(!group_reading(db, "lower", &p));
		CHECK(!group_reading(db, "control", &p));
		CHECK(!group_reading(db, "long", &p));
		db_close(db);
	}
	fixture_remove(dir, files, sizeof files / sizeof files[0]);
}

/*
 * A member the database does not know (an admin2 code not in
 * admin2Codes, an ISO code not in countryInfo) makes its regions row a
 * bad row, reported by file and line once every file is in, as an unknown
 * cue target is; --strict fails the load on it.  A code that only places
 * carry (J1) is known.
 */
static void test_region_unknown_members(void)
{
	char dir[] = "/tmp/pc-test-regunknown-XXXXXX";
	const struct fixture_file files[] = {
		GB_FILES,
		{ "regions.tsv",
		  "# placecheck-data: regions v1\n"
		  "Cheshire\t\t\tGB.ENG.Z7,GB.ENG.E9\t\n" /* 2 */
		  "Nowhereshire\t\t\tGB.ENG.Z7,GB.ENG.Q9\t\n" /* 3: no Q9 */
		  "Isles\t\t\tGB\t\n"                      /* 4 */
		  "Far Isles\t\t\tGB,ZZ\t\n"                /* 5: no ZZ */
		  "Northants\t\t\tGB.ENG.J1\t\n" },         /* 6 */
	};
	const size_t n_files = sizeof files / sizeof files[0];
	struct seen seen = { 0 };
	struct db *db;
	struct db_place p;

	fixture_load_seen(dir, files, n_files, &seen, &db);
	CHECK_INT(seen.n_warn, 2);
	CHECK_INT(seen.lines[0], 3);
	CHECK(strstr(seen.msgs[0], "region member not in the database: GB.ENG.Q9") != NULL);
	CHECK(strstr(seen.files[0], "regions.tsv") != NULL);
	CHECK_INT(seen.lines[1], 5);
	CHECK(strstr(seen.msgs[1], "region member not in the database: ZZ") != NULL);
	CHECK(strstr(seen.files[1], "regions.tsv") != NULL);
	if (db) {
		struct db_hit hits[8];
		size_t n = 0;
		CHECK(group_reading(db, "cheshire", &p));
		CHECK(!group_reading(db, "nowhereshire", &p));
		CHECK(group_reading(db, "northants", &p));
		CHECK_STR(p.admin2, "J1");
		CHECK_INT(db_names_lookup(db, "isles", hits, 8, &n, NULL), PC_OK);
		CHECK_INT(n, 1);
		CHECK_INT(db_names_lookup(db, "far isles", hits, 8, &n, NULL), PC_OK);
		CHECK_INT(n, 0);
		db_close(db);
	}

	/* --strict: the first of them fails the load, by file and line. */
	{
		char path[8][300], dbp[300];
		char *inputs[8];
		struct load_opts opts;
		struct load_stats *st = calloc(1, sizeof *st);
		struct diag d;
		size_t i;

		CHECK(st != NULL && n_files <= 8);
		for (i = 0; i < n_files && i < 8; i++) {
			snprintf(path[i], sizeof path[i], "%s/%s", dir, files[i].name);
			inputs[i] = path[i];
		}
		snprintf(dbp, sizeof dbp, "%s/strict.db", dir);
		memset(&opts, 0, sizeof opts);
		opts.strict = 1;
		diag_clear(&d);
		if (st)
			CHECK_INT(load_run(dbp, inputs, n_files, &opts, st, &d), PC_ERR_PARSE);
		CHECK_INT(d.line, 3);
		CHECK(strstr(d.file, "regions.tsv") != NULL);
		CHECK(access(dbp, F_OK) != 0);
		unlink(dbp);
		free(st);
	}
	fixture_remove(dir, files, n_files);
}

int main(void)
{
	TEST(test_sniff);
	TEST(test_osa);
	TEST(test_alike_kind);
	TEST(test_prominent);
	TEST(test_run_rows);
	TEST(test_admin_short_names);
	TEST(test_admin1_without_places);
	TEST(test_topics);
	TEST(test_region_member_codes);
	TEST(test_region_unknown_members);
	return TEST_REPORT();
}
