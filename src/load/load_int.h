/*
 * load_int.h: internals shared by the files of src/load/.  Never included
 * from outside the folder.
 */
#ifndef PC_LOAD_LOAD_INT_H
#define PC_LOAD_LOAD_INT_H

#include "load/load.h"

#include "base/buf.h"
#include "db/db_write.h"

#include <time.h>

/* Ceilings: one row, one field list, one key. */
#define LOAD_MAX_ROW (4u << 20)
#define LOAD_MAX_FIELDS 64
#define LOAD_MAX_KEY 4096
#define LOAD_SNIFF_BYTES 16384

struct archive;

/* One input stream: a plain or compressed file, or one entry of a zip. */
/* libarchive's entry points, opened with dlopen once per load (see
 * load_input.c for why) and shared by every input of that load. */
struct load_arc;

/* A gzip file, read with zlib (load_input.c says why). */
struct load_gz;

/* The merge index of postal places (load_postal.c). */
struct load_postal;

struct load_input {
	const char *path;
	struct load_arc *api;    /* borrowed from the load (load_input_open) */
	struct archive *ar;
	struct load_gz *gz;      /* a gzip file: zlib instead of libarchive */
	int damaged;             /* the compressed data is corrupt or cut short */
	uint64_t total;          /* size of the file on disk */
	char *head;              /* the first bytes, already read (heap) */
	size_t head_len;
	int head_pending;        /* head not yet handed to the parser */
	int eof;
};

/* The state of one load (load.c). */
struct loader {
	const struct load_opts *opts;
	struct load_stats *stats;
	struct db_build *build;
	struct load_file_stats *cur;  /* stats of the file being read */
	const char *cur_path;
	struct load_input *cur_in;
	struct timespec t0;
	struct buf key;               /* scratch for db_key() */
	struct buf key2;              /* a row's name records (load_emit_row_names) */
	/* Column map of --csv (indexes into the header, -1 = absent). */
	int csv_col[16];
	int n_main_files;
	struct load_arc *arc;         /* libarchive, shared by every input */
	/* While the main table streams in its reader thread (load_pipe.c):
	 * the batch the row handler fills, and the pipe it goes through. */
	struct load_batch *out;
	struct pipe *pipe;
	int forward;  /* the reader of load_stream_forwarded: bad rows go over too */
	struct load_postal *postal;   /* postal places' merge index (load_postal.c) */
	int phase;                    /* enum load_phase, after the files are read */
};

/* Row handler: fields F[0..N) (NULL = empty), 1-based LINE. */
typedef enum pc_rc (*load_row_fn)(struct loader *L, char **f, size_t n, unsigned long line,
				  struct diag *d);

/*
 * Open PATH (plain or compressed; for a zip, entry number ENTRY) and read
 * its first bytes into in->head.  *ARC is the load's libarchive handle:
 * opened on first use, kept for the next inputs (dlopen and dlclose of
 * libarchive and its dozen dependencies cost about 8 ms a file), and
 * released by load_arc_release once the load is over.  PC_ERR_IO with D
 * set on failure; PC_ERR_LIMIT when a zip has no entry ENTRY.
 */
enum pc_rc load_input_open(struct load_input *in, struct load_arc **arc, const char *path,
			   int entry, struct diag *d);
void load_input_close(struct load_input *in);
/* Unload libarchive (ARC may be NULL). */
void load_arc_release(struct load_arc *arc);
/* Next block of decompressed bytes; *LEN = 0 at the end. */
enum pc_rc load_input_read(struct load_input *in, const char **p, size_t *len,
			   struct diag *d);
/* Bytes of the file consumed so far (for progress). */
uint64_t load_input_pos(struct load_input *in);

/*
 * Parse IN with libcsv and call FN for each row.  CSV_MODE: commas with
 * RFC 4180 quotes; else tabs with quoting off.  COMMENTS: skip rows whose
 * first field begins with '#'.  Rows with invalid UTF-8 or over the row
 * ceiling are bad rows (load_bad_row).  Stops at the first error FN returns.
 */
enum pc_rc load_stream(struct loader *L, struct load_input *in, int csv_mode, int comments,
		       load_row_fn fn, struct diag *d);

/*
 * load_stream in a reader thread of its own (load_pipe.c): FN runs there
 * and its load_emit_* calls are replayed in this thread, in order, into
 * L->build.  Same result and errors as load_stream with tab mode.
 */
enum pc_rc load_stream_piped(struct loader *L, struct load_input *in, int comments,
			     load_row_fn fn, struct diag *d);

/*
 * load_stream with the decompressing and splitting in a reader thread and
 * FN run in this thread on each row as it comes over, so that reading a
 * file overlaps its SQLite work.  Bad rows the reader finds (invalid
 * UTF-8, too long) are reported from this thread too, in line order.
 * Same result and errors as load_stream.
 */
enum pc_rc load_stream_forwarded(struct loader *L, struct load_input *in, int csv_mode,
				 int comments, load_row_fn fn, struct diag *d);
/* The reader of load_stream_forwarded: send a bad row over. */
enum pc_rc load_forward_bad(struct loader *L, unsigned long line, const char *msg);
/*
 * What the main table's row handler writes: the build calls for the row's
 * place (from LINE of the file), made now (L->out NULL) or recorded for
 * the load's thread.  Strings are copied.  *SKIPPED is set when the row
 * was dropped now (a repeated id, load_put_place): the handler adds
 * nothing more for it.  A recorded row is checked when it is replayed,
 * and its names are dropped there with it.
 */
enum pc_rc load_emit_place(struct loader *L, const struct db_build_place *p, unsigned long line,
			   int *skipped /* OUT */, struct diag *d);
/*
 * Give a places row to the build, in the thread that owns the build.  An
 * id an earlier row of this load had is a bad row (reported with
 * FILE:LINE, the first row kept; *SKIPPED set); an id of the database
 * --add started from is an error (PC_ERR_USAGE) unless --replace.
 */
enum pc_rc load_put_place(struct loader *L, const struct db_build_place *p, unsigned long line,
			  int *skipped /* OUT */, struct diag *d);
/*
 * Population ceiling: ten billion, above the world's population.  A
 * bigger figure is a data error, and region rows add up the populations
 * of their places, which stays far from int64 overflow under it.
 */
#define LOAD_MAX_POPULATION INT64_C(10000000000)
/*
 * The names of a main-table row, likewise: folded into keys now
 * (load_fold_row_names, in the reader thread when there is one, which
 * would otherwise wait on SQLite) and added by load_add_row_names.  ALTS
 * is cut up in place.
 */
enum pc_rc load_emit_row_names(struct loader *L, int64_t id, const char *name,
			       const char *ascii, char *alts, int prominent,
			       struct diag *d);
/*
 * Name records of one main-table row appended to OUT: NAME, ASCII and
 * (ALTS not NULL) the acceptable comma-separated alternates, each key
 * once (the first, best kind), and with PROMINENT its main and ASCII keys
 * marked for the look-alike pass.  ALTS is cut up in place.  Returns the
 * number of records.  Pure: no loader state, safe in any thread.
 */
size_t load_fold_row_names(const char *name, const char *ascii, char *alts, int prominent,
			   struct buf *out);
/* Add N records REC (load_fold_row_names) of place ID to L->build. */
enum pc_rc load_add_row_names(struct loader *L, int64_t id, const char *rec, size_t n,
			      struct diag *d);
/*
 * A bad row at FILE:LINE: count it, report it through opts->warn, and
 * return PC_OK to go on or (under --strict) PC_ERR_PARSE with D set.
 */
enum pc_rc load_bad_row(struct loader *L, unsigned long line, struct diag *d,
			const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Progress callback, rate-limited by the caller. */
void load_report_progress(struct loader *L, uint64_t rows, int phase);

/* Parsers: decimal integer / real in a whole field.  0 = not a number. */
int load_parse_int(const char *s, int64_t *out);
int load_parse_real(const char *s, double *out);

/* Append a name row for PLACE_ID: key = db_key(FORM).  Empty keys are skipped. */
enum pc_rc load_add_name(struct loader *L, int64_t place_id, int kind, const char *form,
			 struct diag *d);

/* Row handlers by kind (load_geonames.c, load_extra.c, load_csv.c). */
enum pc_rc load_row_geonames(struct loader *L, char **f, size_t n, unsigned long line,
			     struct diag *d);
enum pc_rc load_row_admin1(struct loader *L, char **f, size_t n, unsigned long line,
			   struct diag *d);
enum pc_rc load_row_admin2(struct loader *L, char **f, size_t n, unsigned long line,
			   struct diag *d);
enum pc_rc load_row_countryinfo(struct loader *L, char **f, size_t n, unsigned long line,
				struct diag *d);
enum pc_rc load_row_altnames(struct loader *L, char **f, size_t n, unsigned long line,
			     struct diag *d);
enum pc_rc load_row_countries_extra(struct loader *L, char **f, size_t n, unsigned long line,
				    struct diag *d);
enum pc_rc load_row_country_names_foreign(struct loader *L, char **f, size_t n,
					  unsigned long line, struct diag *d);
enum pc_rc load_row_city_names_foreign(struct loader *L, char **f, size_t n,
				       unsigned long line, struct diag *d);
enum pc_rc load_row_admin1_abbrev(struct loader *L, char **f, size_t n, unsigned long line,
				  struct diag *d);
enum pc_rc load_row_admin1_demonyms(struct loader *L, char **f, size_t n, unsigned long line,
				    struct diag *d);
enum pc_rc load_row_regions(struct loader *L, char **f, size_t n, unsigned long line,
			    struct diag *d);
/* geodata/extra/lookalikes.tsv: NAME_A TAB NAME_B, a curated confusable pair. */
enum pc_rc load_row_lookalikes(struct loader *L, char **f, size_t n, unsigned long line,
			       struct diag *d);
enum pc_rc load_row_cues(struct loader *L, char **f, size_t n, unsigned long line,
			 struct diag *d);
enum pc_rc load_row_topics(struct loader *L, char **f, size_t n, unsigned long line,
			   struct diag *d);
enum pc_rc load_row_lexicon(struct loader *L, char **f, size_t n, unsigned long line,
			    struct diag *d);
enum pc_rc load_row_csv(struct loader *L, char **f, size_t n, unsigned long line,
			struct diag *d);
/* A postal place (load_postal.c): merged with a place there, or added. */
enum pc_rc load_row_postal(struct loader *L, char **f, size_t n, unsigned long line,
			   struct diag *d);
/* Free the postal merge index (NULL: nothing). */
void load_postal_free(struct load_postal *ps);
/* Parse the --columns map against nothing yet (syntax check): PC_ERR_USAGE. */
enum pc_rc load_csv_check_columns(const char *map, struct diag *d);

/*
 * The look-alike pass over the build's prominent keys (load_lookalike.c):
 * _start computes in a thread of its own (it reads only the prominent
 * list, which must not change until _finish); _finish waits for it, writes
 * the rows, and frees the job (L NULL: only free, on an error path).
 */
struct load_alike_job;
struct load_alike_job *load_lookalikes_start(struct loader *L);
enum pc_rc load_lookalikes_finish(struct loader *L, struct load_alike_job *j, struct diag *d);

#endif
