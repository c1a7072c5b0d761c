/*
 * load.c: the load stage's driver.  Expands directories, recognises every
 * input by content, orders them (code tables, then the main table, then
 * names that refer to it, then our own files), streams each through its
 * row handler into a db_build, derives the regions and the look-alikes,
 * and commits.  See load.h for the contract.
 *
 * Two cores: the main table is parsed in a reader thread (load_pipe.c);
 * the names are sorted in a thread while the regions are derived; the
 * look-alikes are computed in a thread while SQLite writes the names and
 * builds the indexes.  SQLite itself is only ever called from this thread.
 */
#include "load/load_int.h"

#include "base/xmem.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One input to load: a file, or one entry of a zip. */
struct job {
	char *path;
	int entry;
	enum load_kind kind;
	size_t order; /* position among the inputs, for a stable sort */
};

struct jobs {
	struct job *v;
	size_t n, cap;
};

static void jobs_add(struct jobs *js, const char *path, int entry, enum load_kind kind)
{
	if (js->n == js->cap) {
		js->cap = js->cap ? js->cap * 2 : 16;
		js->v = xreallocarray(js->v, js->cap, sizeof *js->v);
	}
	js->v[js->n].path = xstrdup(path);
	js->v[js->n].entry = entry;
	js->v[js->n].kind = kind;
	js->v[js->n].order = js->n;
	js->n++;
}

static void jobs_free(struct jobs *js)
{
	size_t i;

	for (i = 0; i < js->n; i++)
		free(js->v[i].path);
	free(js->v);
}

static int job_cmp(const void *pa, const void *pb)
{
	const struct job *a = pa, *b = pb;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/*
 * Recognise PATH (each entry of a zip) and queue what it holds.  QUIET:
 * found in a directory, where unrecognised files are skipped; otherwise
 * an unrecognised file is an error.
 */
static enum pc_rc add_file(struct jobs *js, struct load_arc **arc, const char *path, int csv,
			   int quiet, struct diag *d)
{
	struct load_input in;
	enum pc_rc rc;
	int entry, n_found = 0;

	if (csv) {
		jobs_add(js, path, 0, LOAD_KIND_CSV);
		return PC_OK;
	}
	for (entry = 0;; entry++) {
		enum load_kind k;
		rc = load_input_open(&in, arc, path, entry, d);
		if (rc == PC_ERR_LIMIT) { /* no more entries */
			load_input_close(&in);
			break;
		}
		if (rc != PC_OK) {
			/* In a directory, what cannot be read is not ours to load,
			 * unless it is a damaged compressed file. */
			int damaged = in.damaged;
			load_input_close(&in);
			if (quiet && !damaged) {
				diag_clear(d);
				return PC_OK;
			}
			return rc;
		}
		k = load_sniff(in.head ? in.head : "", in.head_len);
		if (k != LOAD_KIND_UNKNOWN) {
			jobs_add(js, path, entry, k);
			n_found++;
		}
		load_input_close(&in);
		if (entry > 1000)
			break;
	}
	if (!n_found && !quiet)
		return diag_set(d, PC_ERR_PARSE, path, 0, 0,
				"not a GeoNames or placecheck data file (expected a GeoNames "
				"table, admin1/admin2 codes, countryInfo, alternateNames, a "
				"'# placecheck-data:' file, or --csv)");
	return PC_OK;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file in DIR (sorted), and DEPTH more levels of subdirectories. */
static enum pc_rc add_dir(struct jobs *js, struct load_arc **arc, const char *dir, int depth,
			  int csv, struct diag *d)
{
	DIR *dh = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	enum pc_rc rc = PC_OK;

	if (!dh)
		return diag_set(d, PC_ERR_IO, dir, 0, 0, "cannot open directory: %s", strerror(errno));
	while ((de = readdir(dh))) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = xreallocarray(names, cap, sizeof *names);
		}
		names[n] = xmalloc(strlen(dir) + strlen(de->d_name) + 2);
		sprintf(names[n], "%s/%s", dir, de->d_name);
		n++;
	}
	closedir(dh);
	if (n)
		qsort(names, n, sizeof *names, str_cmp);
	for (i = 0; i < n && rc == PC_OK; i++) {
		struct stat sb;
		const char *base = strrchr(names[i], '/') + 1;
		if (stat(names[i], &sb) != 0)
			continue;
		if (S_ISDIR(sb.st_mode)) {
			if (depth > 0)
				rc = add_dir(js, arc, names[i], depth - 1, csv, d);
		} else if (S_ISREG(sb.st_mode) && !strstr(base, ".tmp-")) {
			rc = add_file(js, arc, names[i], csv, 1, d);
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static enum pc_rc bad_cb(void *ud, const char *file, unsigned long line, const char *msg,
			 struct diag *d)
{
	struct loader *L = ud;
	const char *saved = L->cur_path;
	struct load_file_stats *cur = L->cur;
	enum pc_rc rc;
	size_t i;

	/* Count it against the file it came from. */
	L->cur = NULL;
	for (i = 0; i < L->stats->n_files; i++)
		if (strcmp(L->stats->files[i].path, file) == 0)
			L->cur = &L->stats->files[i];
	if (L->cur && L->cur->rows)
		L->cur->rows--;
	L->cur_path = file;
	rc = load_bad_row(L, line, d, "%s", msg);
	L->cur_path = saved;
	L->cur = cur;
	return rc;
}

static load_row_fn handler(enum load_kind k)
{
	switch (k) {
	case LOAD_KIND_COUNTRYINFO: return load_row_countryinfo;
	case LOAD_KIND_ADMIN1: return load_row_admin1;
	case LOAD_KIND_ADMIN2: return load_row_admin2;
	case LOAD_KIND_GEONAMES: return load_row_geonames;
	case LOAD_KIND_ALTNAMES: return load_row_altnames;
	case LOAD_KIND_COUNTRIES_EXTRA: return load_row_countries_extra;
	case LOAD_KIND_COUNTRY_NAMES_FOREIGN: return load_row_country_names_foreign;
	case LOAD_KIND_CITY_NAMES_FOREIGN: return load_row_city_names_foreign;
	case LOAD_KIND_ADMIN1_ABBREV: return load_row_admin1_abbrev;
	case LOAD_KIND_ADMIN1_DEMONYMS: return load_row_admin1_demonyms;
	case LOAD_KIND_REGIONS: return load_row_regions;
	case LOAD_KIND_CUES: return load_row_cues;
	case LOAD_KIND_LEXICON: return load_row_lexicon;
	case LOAD_KIND_LOOKALIKES: return load_row_lookalikes;
	case LOAD_KIND_TOPICS: return load_row_topics;
	case LOAD_KIND_CSV: return load_row_csv;
	case LOAD_KIND_POSTAL: return load_row_postal;
	default: return NULL;
	}
}

/* "cities500" of "dir/cities500.txt.gz", "US" of "US.zip". */
static void file_stem(const char *path, char *out, size_t size)
{
	static const char *const exts[] = { ".gz", ".bz2", ".xz", ".zip", ".txt", ".csv", ".tsv" };
	size_t len, i;
	int again = 1;

	snprintf(out, size, "%s", base_name(path));
	while (again) {
		again = 0;
		len = strlen(out);
		for (i = 0; i < sizeof exts / sizeof exts[0]; i++) {
			size_t el = strlen(exts[i]);
			if (len > el && strcmp(out + len - el, exts[i]) == 0) {
				out[len - el] = '\0';
				again = 1;
				break;
			}
		}
	}
	/* One label a line in meta: no control character in it. */
	for (i = 0; out[i]; i++)
		if ((unsigned char)out[i] < 0x20 || out[i] == 0x7f)
			out[i] = '?';
}

/*
 * What a file of places adds to the places searched (meta "layers"):
 * "GeoNames cities500", "GeoNames allCountries (feature classes A, P)"
 * when rows of other classes were left out, "newsroom (CSV)".  Postal
 * files label themselves (load_postal.c).
 */
static void layer_label(struct loader *L, const struct job *j, struct load_file_stats *fs)
{
	char stem[96], classes[64];
	size_t n = 0;
	unsigned mask = L->opts->fclasses ? L->opts->fclasses : LOAD_FCLASS_DEFAULT;
	int c;

	file_stem(j->path, stem, sizeof stem);
	if (j->kind == LOAD_KIND_CSV) {
		snprintf(fs->layer, sizeof fs->layer, "%s (CSV)", stem);
	} else if (j->kind == LOAD_KIND_GEONAMES) {
		if (!fs->left_out) {
			snprintf(fs->layer, sizeof fs->layer, "GeoNames %s", stem);
			return;
		}
		classes[0] = '\0';
		for (c = 'A'; c <= 'Z'; c++)
			if (mask & LOAD_FCLASS_BIT(c))
				n += (size_t)snprintf(classes + n, sizeof classes - n, "%s%c",
						      n ? ", " : "", c);
		snprintf(fs->layer, sizeof fs->layer, "GeoNames %s (feature classes %s)", stem,
			 classes);
	}
}

static enum pc_rc load_job(struct loader *L, const struct job *j, struct diag *d)
{
	struct load_input in;
	struct load_file_stats *fs;
	enum pc_rc rc;
	int comments = j->kind != LOAD_KIND_GEONAMES && j->kind != LOAD_KIND_ALTNAMES &&
		       j->kind != LOAD_KIND_CSV && j->kind != LOAD_KIND_ADMIN1 &&
		       j->kind != LOAD_KIND_ADMIN2;

	if (L->stats->n_files >= LOAD_MAX_FILES)
		return diag_set(d, PC_ERR_LIMIT, j->path, 0, 0, "more than %d input files",
				LOAD_MAX_FILES);
	fs = &L->stats->files[L->stats->n_files++];
	memset(fs, 0, sizeof *fs);
	snprintf(fs->path, sizeof fs->path, "%s", j->path);
	fs->kind = j->kind;
	L->cur = fs;
	L->cur_path = fs->path;
	if (j->kind == LOAD_KIND_GEONAMES && ++L->n_main_files > 1)
		db_build_need_dedupe(L->build); /* overlapping tables: same ids twice */
	if (j->kind == LOAD_KIND_ALTNAMES || j->kind == LOAD_KIND_CSV)
		db_build_need_dedupe(L->build);
	if (j->kind == LOAD_KIND_CSV)
		L->csv_col[0] = -3; /* header pending (load_csv.c) */
	if ((rc = load_input_open(&in, &L->arc, j->path, j->entry, d)) != PC_OK) {
		load_input_close(&in);
		return rc == PC_ERR_LIMIT ? diag_set(d, PC_ERR_IO, j->path, 0, 0, "entry vanished") : rc;
	}
	L->cur_in = &in;
	/*
	 * The main table is most of the work: parse it on the other core.
	 * The other files are read on the other core too, their rows handled
	 * here as they come (admin2 codes and the lexicon are big enough for
	 * that to matter).
	 */
	if (j->kind == LOAD_KIND_GEONAMES)
		rc = load_stream_piped(L, &in, comments, handler(j->kind), d);
	else
		rc = load_stream_forwarded(L, &in, j->kind == LOAD_KIND_CSV, comments,
					   handler(j->kind), d);
	L->cur_in = NULL;
	load_input_close(&in);
	if (rc == PC_OK)
		layer_label(L, j, fs);
	return rc;
}

/* "cities500.txt.gz:199568 rows; admin1CodesASCII.txt:3862 rows" */
static char *sources_text(const struct load_stats *st)
{
	struct buf b;
	size_t i;

	buf_init(&b, 0);
	for (i = 0; i < st->n_files; i++)
		buf_printf(&b, "%s%s (%s): %llu rows", i ? "; " : "",
			   base_name(st->files[i].path), load_kind_name(st->files[i].kind),
			   (unsigned long long)st->files[i].rows);
	return buf_detach(&b);
}

/* Progress within the phases after reading (db_build_set_tick). */
static void tick(void *ud, uint64_t names)
{
	struct loader *L = ud;

	load_report_progress(L, L->phase == LOAD_PHASE_NAMES ? names : 0, L->phase);
}

static void set_phase(struct loader *L, int phase)
{
	L->phase = phase;
	load_report_progress(L, 0, phase);
}

/* This load's place layers, one a line, each once. */
static void set_layers(struct db_build *b, const struct load_stats *st)
{
	struct buf all;
	size_t i, j;

	buf_init(&all, 0);
	for (i = 0; i < st->n_files; i++) {
		const char *l = st->files[i].layer;
		int dup = 0;
		if (!l[0])
			continue;
		for (j = 0; j < i && !dup; j++)
			dup = strcmp(st->files[j].layer, l) == 0;
		if (!dup)
			buf_printf(&all, "%s%s", all.len ? "\n" : "", l);
	}
	db_build_set_layers(b, buf_str(&all));
	buf_free(&all);
}

/*
 * The guard refused the commit (db_write.h): say which inputs gave what,
 * and what to do, in D (replacing the write side's shorter message).
 */
static enum pc_rc refused(const char *db_path, const struct load_stats *st,
			  const struct db_build_stats *bst, struct diag *d)
{
	struct buf what;
	size_t i;
	enum pc_rc rc;

	buf_init(&what, 0);
	for (i = 0; i < st->n_files && i < 3; i++)
		buf_printf(&what, "%s%s (%s, %llu rows)", i ? ", " : "", st->files[i].path,
			   load_kind_name(st->files[i].kind), (unsigned long long)st->files[i].rows);
	if (st->n_files > 3)
		buf_printf(&what, " and %zu more files", st->n_files - 3);
	diag_clear(d);
	if (bst->n_populated == 0 && !bst->old_exists)
		rc = diag_set(d, PC_ERR_USAGE, db_path, 0, 0,
			      "not created: loading %s gives no populated place (that takes a "
			      "GeoNames table, or places with --csv); --force creates it anyway",
			      buf_str(&what));
	else if (bst->n_populated == 0)
		rc = diag_set(d, PC_ERR_USAGE, db_path, 0, 0,
			      "not replaced: loading %s gives no populated place, and the database "
			      "has %lld; --add adds files to it, --force replaces it anyway",
			      buf_str(&what), (long long)bst->old_populated);
	else
		rc = diag_set(d, PC_ERR_USAGE, db_path, 0, 0,
			      "not replaced: loading %s gives %lld populated places, fewer than half "
			      "the %lld in the database; --add adds files to it, --force replaces "
			      "it anyway",
			      buf_str(&what), (long long)bst->n_populated,
			      (long long)bst->old_populated);
	buf_free(&what);
	return rc;
}

enum pc_rc load_run(const char *db_path, char *const *inputs, size_t n_inputs,
		    const struct load_opts *opts, struct load_stats *stats, struct diag *d)
{
	struct loader L;
	struct jobs js = { 0 };
	struct db_prominence prom = { 15000, 5000 };
	struct db_build_stats bst;
	struct timespec t1;
	enum pc_rc rc = PC_OK;
	char *sources = NULL;
	struct load_alike_job *job = NULL;
	size_t i;

	memset(stats, 0, sizeof *stats);
	memset(&L, 0, sizeof L);
	L.opts = opts;
	L.stats = stats;
	buf_init(&L.key, LOAD_MAX_KEY);
	buf_init(&L.key2, 1 << 20);
	clock_gettime(CLOCK_MONOTONIC, &L.t0);
	if (opts->csv && (rc = load_csv_check_columns(opts->columns, d)) != PC_OK)
		goto done;
	for (i = 0; i < n_inputs && rc == PC_OK; i++) {
		struct stat sb;
		if (stat(inputs[i], &sb) != 0) {
			rc = diag_set(d, PC_ERR_IO, inputs[i], 0, 0, "cannot open: %s", strerror(errno));
		} else if (S_ISDIR(sb.st_mode)) {
			size_t before = js.n;
			rc = add_dir(&js, &L.arc, inputs[i], 1, opts->csv, d);
			if (rc == PC_OK && js.n == before)
				rc = diag_set(d, PC_ERR_PARSE, inputs[i], 0, 0,
					      "no GeoNames or placecheck data file in this directory");
		} else {
			rc = add_file(&js, &L.arc, inputs[i], opts->csv, 0, d);
		}
	}
	if (rc != PC_OK)
		goto done;
	if (js.n)
		qsort(js.v, js.n, sizeof *js.v, job_cmp);
	if ((rc = db_build_begin(db_path, (opts->add ? DB_BUILD_ADD : 0) |
					 (opts->force ? DB_BUILD_FORCE : 0),
				 &prom, &L.build, d)) != PC_OK)
		goto done;
	for (i = 0; i < js.n && rc == PC_OK; i++)
		rc = load_job(&L, &js.v[i], d);
	L.cur = NULL;
	L.cur_path = NULL;
	if (rc != PC_OK)
		goto done;
	set_phase(&L, LOAD_PHASE_REGIONS);
	db_build_set_tick(L.build, tick, &L);
	/* The other core sorts the names while this one derives the regions. */
	db_build_names_presort(L.build);
	if ((rc = db_build_finish_regions(L.build, bad_cb, &L, d)) != PC_OK)
		goto done;
	set_phase(&L, LOAD_PHASE_NAMES);
	if ((rc = db_build_names_settle(L.build, d)) != PC_OK)
		goto done;
	/* Look-alikes on the other core while SQLite indexes the names. */
	job = load_lookalikes_start(&L);
	rc = db_build_derive_names(L.build, d);
	if (rc == PC_OK) {
		set_phase(&L, LOAD_PHASE_INDEXES);
		rc = db_build_index(L.build, d);
	}
	set_phase(&L, LOAD_PHASE_FINISH);
	if (rc != PC_OK) {
		load_lookalikes_finish(NULL, job, d);
		goto done;
	}
	if ((rc = load_lookalikes_finish(&L, job, d)) != PC_OK)
		goto done;
	sources = sources_text(stats);
	set_layers(L.build, stats);
	memset(&bst, 0, sizeof bst);
	db_build_set_tick(L.build, NULL, NULL);
	rc = db_build_commit(L.build, sources, &bst, d);
	L.build = NULL;
	if (rc == PC_ERR_USAGE && bst.refused)
		rc = refused(db_path, stats, &bst, d);
	if (rc == PC_OK) {
		stats->n_places = bst.n_places;
		stats->n_names = bst.n_names;
		stats->n_prefixes = bst.n_prefixes;
		stats->n_lookalikes = bst.n_lookalikes;
		stats->n_regions = bst.n_regions;
	}
done:
	db_build_abort(L.build);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	stats->seconds = (double)(t1.tv_sec - L.t0.tv_sec) + (double)(t1.tv_nsec - L.t0.tv_nsec) / 1e9;
	free(sources);
	buf_free(&L.key);
	buf_free(&L.key2);
	load_postal_free(L.postal);
	load_arc_release(L.arc);
	jobs_free(&js);
	return rc;
}
