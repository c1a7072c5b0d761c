/*
 * load_input.c: getting rows out of files.  zlib undoes gzip (checking
 * each member's CRC and length), libarchive bzip2, xz and zip, by content
 * (a plain file goes through libarchive's "raw" format untouched); libcsv
 * splits the bytes into fields; load_sniff() tells the kind of a file
 * from its first lines.
 */
#include "load/load_int.h"

#include "base/utf8.h"
#include "base/xmem.h"

#include <archive.h>
#include <dlfcn.h>
#include <archive_entry.h>
#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static const char *const kind_names[LOAD_KIND_COUNT] = {
	[LOAD_KIND_UNKNOWN] = "unknown",
	[LOAD_KIND_COUNTRYINFO] = "countryInfo",
	[LOAD_KIND_ADMIN1] = "admin1Codes",
	[LOAD_KIND_ADMIN2] = "admin2Codes",
	[LOAD_KIND_GEONAMES] = "geonames",
	[LOAD_KIND_ALTNAMES] = "alternateNames",
	[LOAD_KIND_COUNTRIES_EXTRA] = "countries-extra",
	[LOAD_KIND_COUNTRY_NAMES_FOREIGN] = "country-names-foreign",
	[LOAD_KIND_CITY_NAMES_FOREIGN] = "city-names-foreign",
	[LOAD_KIND_ADMIN1_ABBREV] = "admin1-abbrev",
	[LOAD_KIND_ADMIN1_DEMONYMS] = "admin1-demonyms",
	[LOAD_KIND_REGIONS] = "regions",
	[LOAD_KIND_CUES] = "cues",
	[LOAD_KIND_LEXICON] = "lexicon",
	[LOAD_KIND_LOOKALIKES] = "lookalikes",
	[LOAD_KIND_TOPICS] = "topics",
	[LOAD_KIND_CSV] = "csv",
	[LOAD_KIND_POSTAL] = "postal",
};

const char *load_kind_name(enum load_kind k)
{
	return (unsigned)k < LOAD_KIND_COUNT ? kind_names[k] : "unknown";
}

/* ---- files ------------------------------------------------------------ */

/*
 * libarchive is opened at run time, only by `placecheck load`: linked in,
 * it pulls in libxml2, ICU, nettle and a dozen compressors, which doubled
 * the start-up of every `placecheck check` and `query` (about 8 ms of
 * 15 here) for a library they never call.  The header still gives the
 * types, so a mismatch is a compile error, not a crash.
 */
struct load_arc {
	void *dl;
	__typeof__(archive_read_new) *read_new;
	__typeof__(archive_read_support_filter_all) *support_filter_all;
	__typeof__(archive_read_support_format_zip) *support_format_zip;
	__typeof__(archive_read_support_format_raw) *support_format_raw;
	__typeof__(archive_read_open_filename) *open_filename;
	__typeof__(archive_read_next_header) *next_header;
	__typeof__(archive_read_data_block) *data_block;
	__typeof__(archive_read_free) *read_free;
	__typeof__(archive_error_string) *error_string;
	__typeof__(archive_filter_bytes) *filter_bytes;
};

/* dlopen libarchive into a new struct load_arc; NULL (and D set) if absent. */
static struct load_arc *arc_open(const char *path, struct diag *d)
{
	static const char *const sonames[] = { "libarchive.so.13", "libarchive.so" };
	struct load_arc *a = xcalloc(1, sizeof *a);
	size_t i;

	for (i = 0; i < sizeof sonames / sizeof sonames[0] && !a->dl; i++)
		a->dl = dlopen(sonames[i], RTLD_NOW | RTLD_LOCAL);
	if (!a->dl) {
		free(a);
		diag_set(d, PC_ERR_IO, path, 0, 0,
			 "cannot load libarchive (install the Debian package libarchive13): %s", dlerror());
		return NULL;
	}
#define ARC_SYM(field, name)                                                  \
	do {                                                                  \
		*(void **)&a->field = dlsym(a->dl, name);                     \
		if (!a->field)                                                \
			goto missing;                                         \
	} while (0)
	ARC_SYM(read_new, "archive_read_new");
	ARC_SYM(support_filter_all, "archive_read_support_filter_all");
	ARC_SYM(support_format_zip, "archive_read_support_format_zip");
	ARC_SYM(support_format_raw, "archive_read_support_format_raw");
	ARC_SYM(open_filename, "archive_read_open_filename");
	ARC_SYM(next_header, "archive_read_next_header");
	ARC_SYM(data_block, "archive_read_data_block");
	ARC_SYM(read_free, "archive_read_free");
	ARC_SYM(error_string, "archive_error_string");
	ARC_SYM(filter_bytes, "archive_filter_bytes");
#undef ARC_SYM
	return a;
missing:
	diag_set(d, PC_ERR_IO, path, 0, 0, "libarchive lacks a function placecheck needs: %s", dlerror());
	dlclose(a->dl);
	free(a);
	return NULL;
}

/* ---- gzip ------------------------------------------------------------- */

/*
 * Gzip files are read with zlib, not libarchive: libarchive's gzip filter
 * does not check the CRC-32 and length at the end of a member, so a
 * damaged file decompressed into plausible garbage and a load of
 * cities500.txt.gz with 8 bytes zeroed kept a third of its rows and
 * replaced the database without a word.  zlib checks both, member by
 * member (a file may hold several, as pigz and bgzip write them).
 */
#define LOAD_GZ_BUF (1u << 16)

struct load_gz {
	int fd;
	z_stream z;
	int z_live;        /* inflateInit2 done */
	int in_eof;        /* the file is read to its end */
	int member_done;   /* between two members */
	uint64_t in_pos;   /* compressed bytes read */
	unsigned char in[LOAD_GZ_BUF];
	unsigned char out[LOAD_GZ_BUF];
};

static enum pc_rc gz_damaged(struct load_input *in, struct diag *d, const char *why)
{
	in->damaged = 1;
	return diag_set(d, PC_ERR_IO, in->path, 0, 0,
			"damaged gzip data (%s): the file is corrupt or incomplete; nothing was loaded "
			"from it", why);
}

/* Is this file gzip (its first two bytes)? */
static int is_gzip(const char *path)
{
	unsigned char m[2];
	int fd = open(path, O_RDONLY | O_CLOEXEC), yes;

	if (fd < 0)
		return 0;
	yes = read(fd, m, 2) == 2 && m[0] == 0x1f && m[1] == 0x8b;
	close(fd);
	return yes;
}

static enum pc_rc gz_open(struct load_input *in, struct diag *d)
{
	struct load_gz *g = xcalloc(1, sizeof *g);

	in->gz = g;
	if ((g->fd = open(in->path, O_RDONLY | O_CLOEXEC)) < 0)
		return diag_set(d, PC_ERR_IO, in->path, 0, 0, "cannot open: %s", strerror(errno));
	/* 16 + 15: gzip framing only, the largest window. */
	if (inflateInit2(&g->z, 16 + MAX_WBITS) != Z_OK)
		return diag_set(d, PC_ERR_IO, in->path, 0, 0, "cannot start zlib");
	g->z_live = 1;
	return PC_OK;
}

/* Refill the input when it ran dry. */
static enum pc_rc gz_fill(struct load_input *in, struct diag *d)
{
	struct load_gz *g = in->gz;
	ssize_t n;

	if (g->z.avail_in || g->in_eof)
		return PC_OK;
	do
		n = read(g->fd, g->in, sizeof g->in);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return diag_set(d, PC_ERR_IO, in->path, 0, 0, "read error: %s", strerror(errno));
	if (n == 0)
		g->in_eof = 1;
	g->z.next_in = g->in;
	g->z.avail_in = (uInt)n;
	g->in_pos += (uint64_t)n;
	return PC_OK;
}

static enum pc_rc gz_next(struct load_input *in, const char **p, size_t *len, struct diag *d)
{
	struct load_gz *g = in->gz;
	enum pc_rc rc;

	*len = 0;
	while (!in->eof) {
		size_t got;
		int r;
		if ((rc = gz_fill(in, d)) != PC_OK)
			return rc;
		if (g->member_done) {
			/* Another member, or the end (NUL padding is allowed, as gzip(1) does). */
			while (g->z.avail_in && *g->z.next_in == 0) {
				g->z.next_in++;
				g->z.avail_in--;
			}
			if (!g->z.avail_in) {
				if (g->in_eof)
					in->eof = 1;
				continue;
			}
			if (inflateReset(&g->z) != Z_OK)
				return gz_damaged(in, d, "cannot restart");
			g->member_done = 0;
		}
		if (!g->z.avail_in && g->in_eof)
			return gz_damaged(in, d, "it ends in the middle of the compressed stream");
		g->z.next_out = g->out;
		g->z.avail_out = sizeof g->out;
		r = inflate(&g->z, Z_NO_FLUSH);
		got = sizeof g->out - g->z.avail_out;
		if (r == Z_STREAM_END)
			g->member_done = 1;
		else if (r == Z_DATA_ERROR || r == Z_NEED_DICT)
			return gz_damaged(in, d, g->z.msg ? g->z.msg : "invalid data");
		else if (r == Z_MEM_ERROR)
			return diag_set(d, PC_ERR_IO, in->path, 0, 0, "out of memory in zlib");
		else if (r != Z_OK && r != Z_BUF_ERROR)
			return gz_damaged(in, d, g->z.msg ? g->z.msg : "zlib error");
		if (got) {
			*p = (const char *)g->out;
			*len = got;
			return PC_OK;
		}
	}
	return PC_OK;
}

static void gz_close(struct load_input *in)
{
	struct load_gz *g = in->gz;

	if (!g)
		return;
	if (g->z_live)
		inflateEnd(&g->z);
	if (g->fd >= 0)
		close(g->fd);
	free(g);
	in->gz = NULL;
}

static enum pc_rc archive_fail(struct load_input *in, struct diag *d, const char *what)
{
	const char *msg = in->ar ? in->api->error_string(in->ar) : NULL;
	size_t len;

	if (!msg)
		msg = "unreadable or truncated";
	/* Some of libarchive's messages end in a newline. */
	for (len = strlen(msg); len && (msg[len - 1] == '\n' || msg[len - 1] == ' '); len--)
		;
	return diag_set(d, PC_ERR_IO, in->path, 0, 0, "%s: %.*s", what, (int)len, msg);
}

/* Next raw block from libarchive (after the head). */
static enum pc_rc next_block(struct load_input *in, const char **p, size_t *len,
			     struct diag *d)
{
	const void *buf;
	size_t size;
	la_int64_t off;
	int r;

	*len = 0;
	if (in->eof)
		return PC_OK;
	if (in->gz)
		return gz_next(in, p, len, d);
	r = in->api->data_block(in->ar, &buf, &size, &off);
	if (r == ARCHIVE_EOF) {
		in->eof = 1;
		return PC_OK;
	}
	/* A zip entry whose CRC does not match is only a warning to libarchive. */
	if (r != ARCHIVE_OK) {
		in->damaged = 1;
		return archive_fail(in, d, "damaged compressed data, nothing was loaded from it");
	}
	*p = buf;
	*len = size;
	return PC_OK;
}

void load_arc_release(struct load_arc *arc)
{
	if (!arc)
		return;
	dlclose(arc->dl);
	free(arc);
}

enum pc_rc load_input_open(struct load_input *in, struct load_arc **arc, const char *path,
			   int entry, struct diag *d)
{
	struct archive_entry *ae;
	struct stat sb;
	enum pc_rc rc;
	int i, r;

	memset(in, 0, sizeof *in);
	in->path = path;
	if (stat(path, &sb) != 0)
		return diag_set(d, PC_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
	in->total = (uint64_t)sb.st_size;
	/* libarchive's raw format refuses zero bytes as "Unrecognized archive
	 * format", which blames the wrong thing: say what is wrong instead. */
	if (S_ISREG(sb.st_mode) && sb.st_size == 0)
		return diag_set(d, PC_ERR_PARSE, path, 0, 0, "empty file: no rows to load");
	if (is_gzip(path)) {
		if (entry > 0)
			return PC_ERR_LIMIT; /* one file inside */
		if ((rc = gz_open(in, d)) != PC_OK)
			return rc;
		goto head;
	}
	if (!*arc && !(*arc = arc_open(path, d)))
		return PC_ERR_IO;
	in->api = *arc;
	in->ar = in->api->read_new();
	in->api->support_filter_all(in->ar);
	in->api->support_format_zip(in->ar);
	in->api->support_format_raw(in->ar);
	/*
	 * libarchive reads the first block at open to tell the compression:
	 * a file we could stat that it cannot open or read a header of is
	 * compressed data it cannot undo.
	 */
	if (in->api->open_filename(in->ar, path, 1 << 16) != ARCHIVE_OK) {
		in->damaged = 1;
		return archive_fail(in, d, "damaged compressed data, nothing was loaded from it");
	}
	for (i = 0; i <= entry; i++) {
		r = in->api->next_header(in->ar, &ae);
		if (r == ARCHIVE_EOF) {
			if (i == 0 && entry == 0) {
				in->eof = 1; /* an empty file: no rows */
				return PC_OK;
			}
			return PC_ERR_LIMIT;
		}
		if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
			in->damaged = 1;
			return archive_fail(in, d, "damaged compressed data, nothing was loaded from it");
		}
	}
	/* The head: enough bytes to recognise the kind. */
head:
	{
		struct buf h;
		buf_init(&h, 0);
		while (h.len < LOAD_SNIFF_BYTES) {
			const char *p;
			size_t len;
			if ((rc = next_block(in, &p, &len, d)) != PC_OK) {
				buf_free(&h);
				return rc;
			}
			if (!len)
				break;
			buf_append(&h, p, len);
		}
		in->head_len = h.len;
		in->head = buf_detach(&h);
		in->head_pending = 1;
	}
	return PC_OK;
}

void load_input_close(struct load_input *in)
{
	gz_close(in);
	if (in->ar)
		in->api->read_free(in->ar);
	in->ar = NULL;
	in->api = NULL; /* the load's: load_arc_release */
	free(in->head);
	in->head = NULL;
}

enum pc_rc load_input_read(struct load_input *in, const char **p, size_t *len, struct diag *d)
{
	if (in->head_pending) {
		in->head_pending = 0;
		*p = in->head;
		*len = in->head_len;
		if (*len)
			return PC_OK;
	}
	return next_block(in, p, len, d);
}

uint64_t load_input_pos(struct load_input *in)
{
	la_int64_t n;

	if (in->gz)
		return in->gz->in_pos;
	n = in->ar ? in->api->filter_bytes(in->ar, -1) : 0;

	return n > 0 ? (uint64_t)n : 0;
}

/* ---- recognising a file ----------------------------------------------- */

static int all_digits(const char *s, size_t len)
{
	size_t i;

	if (!len)
		return 0;
	for (i = 0; i < len; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static const struct {
	const char *name;
	enum load_kind kind;
} magic_kinds[] = {
	{ "countries-extra", LOAD_KIND_COUNTRIES_EXTRA },
	{ "country-names-foreign", LOAD_KIND_COUNTRY_NAMES_FOREIGN },
	{ "city-names-foreign", LOAD_KIND_CITY_NAMES_FOREIGN },
	{ "admin1-abbrev", LOAD_KIND_ADMIN1_ABBREV },
	{ "admin1-demonyms", LOAD_KIND_ADMIN1_DEMONYMS },
	{ "regions", LOAD_KIND_REGIONS },
	{ "cues", LOAD_KIND_CUES },
	{ "lexicon", LOAD_KIND_LEXICON },
	{ "lookalikes", LOAD_KIND_LOOKALIKES },
	{ "topics", LOAD_KIND_TOPICS },
	{ "postal", LOAD_KIND_POSTAL },
};

/* "XX.YY" (LEVEL 1) or "XX.YY.ZZ" (LEVEL 2): two letters, then non-empty parts. */
static int is_admin_code(const char *s, size_t len, int level)
{
	size_t i, dots = 0, part = 0;

	if (len < 4 || !isupper((unsigned char)s[0]) || !isupper((unsigned char)s[1]) || s[2] != '.')
		return 0;
	for (i = 2; i < len; i++) {
		if (s[i] == '.') {
			if (i > 2 && part == 0)
				return 0;
			dots++;
			part = 0;
		} else if (isspace((unsigned char)s[i])) {
			return 0;
		} else {
			part++;
		}
	}
	return part > 0 && dots == (size_t)level;
}

enum load_kind load_sniff(const char *head, size_t len)
{
	const char *p = head, *end = head + len;
	const char *fld[24];
	size_t flen[24], nf = 0;
	static const char magic[] = "# placecheck-data: ";

	if (len >= sizeof magic - 1 && memcmp(head, magic, sizeof magic - 1) == 0) {
		const char *k = head + sizeof magic - 1;
		size_t i;
		for (i = 0; i < sizeof magic_kinds / sizeof magic_kinds[0]; i++) {
			size_t kl = strlen(magic_kinds[i].name);
			if ((size_t)(end - k) > kl + 3 && memcmp(k, magic_kinds[i].name, kl) == 0 &&
			    memcmp(k + kl, " v1", 3) == 0 &&
			    (k + kl + 3 == end || k[kl + 3] == '\n' || k[kl + 3] == '\r'))
				return magic_kinds[i].kind;
		}
		return LOAD_KIND_UNKNOWN;
	}
	/* Skip comment and empty lines; the first data line decides. */
	while (p < end && (*p == '#' || *p == '\n' || *p == '\r')) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return LOAD_KIND_UNKNOWN;
		p = nl + 1;
	}
	if (p >= end)
		return LOAD_KIND_UNKNOWN;
	{
		size_t rem = (size_t)(end - p);
		const char *nl = memchr(p, '\n', rem);
		const char *le = nl ? nl : end, *q = p;
		if (le > p && le[-1] == '\r')
			le--;
		if (p == le || memchr(p, '\0', (size_t)(le - p)))
			return LOAD_KIND_UNKNOWN;
		while (nf < 24) {
			const char *t = memchr(q, '\t', (size_t)(le - q));
			fld[nf] = q;
			flen[nf] = (size_t)((t ? t : le) - q);
			nf++;
			if (!t)
				break;
			q = t + 1;
		}
	}
	if (nf == 19 && all_digits(fld[0], flen[0]))
		return LOAD_KIND_GEONAMES;
	if (nf == 19 && flen[0] == 2 && isupper((unsigned char)fld[0][0]) &&
	    isupper((unsigned char)fld[0][1]))
		return LOAD_KIND_COUNTRYINFO;
	if (nf == 4 && (flen[3] == 0 || all_digits(fld[3], flen[3]))) {
		if (is_admin_code(fld[0], flen[0], 1))
			return LOAD_KIND_ADMIN1;
		if (is_admin_code(fld[0], flen[0], 2))
			return LOAD_KIND_ADMIN2;
	}
	if (nf >= 8 && nf <= 10 && all_digits(fld[0], flen[0]) && all_digits(fld[1], flen[1]))
		return LOAD_KIND_ALTNAMES;
	return LOAD_KIND_UNKNOWN;
}

/* ---- numbers ------------------------------------------------------------ */

int load_parse_int(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (!s || !*s)
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || isspace((unsigned char)*s))
		return 0;
	*out = v;
	return 1;
}

int load_parse_real(const char *s, double *out)
{
	char *end;
	double v;

	if (!s || !*s)
		return 0;
	errno = 0;
	v = strtod(s, &end);
	if (errno || *end || isspace((unsigned char)*s) || v != v)
		return 0;
	*out = v;
	return 1;
}

/* ---- bad rows and progress --------------------------------------------- */

enum pc_rc load_bad_row(struct loader *L, unsigned long line, struct diag *d,
			const char *fmt, ...)
{
	struct diag w;
	va_list ap;

	diag_clear(&w);
	w.rc = PC_ERR_PARSE;
	snprintf(w.file, sizeof w.file, "%s", L->cur_path ? L->cur_path : "");
	w.line = line;
	va_start(ap, fmt);
	vsnprintf(w.msg, sizeof w.msg, fmt, ap);
	va_end(ap);
	if (L->forward)
		return load_forward_bad(L, line, w.msg);
	if (L->cur)
		L->cur->skipped++;
	if (L->opts->strict) {
		if (d && d->rc == PC_OK)
			*d = w;
		return PC_ERR_PARSE;
	}
	if (L->opts->warn)
		L->opts->warn(L->opts->ud, &w);
	return PC_OK;
}

void load_report_progress(struct loader *L, uint64_t rows, int phase)
{
	struct load_progress p;
	struct timespec now;

	if (!L->opts->progress)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	memset(&p, 0, sizeof p);
	p.file = L->cur_path;
	p.rows = rows;
	p.bytes = L->cur_in ? load_input_pos(L->cur_in) : 0;
	p.total = L->cur_in ? L->cur_in->total : 0;
	p.seconds = (double)(now.tv_sec - L->t0.tv_sec) + (double)(now.tv_nsec - L->t0.tv_nsec) / 1e9;
	p.phase = phase;
	L->opts->progress(L->opts->ud, &p);
}

/* ---- the libcsv driver ---------------------------------------------------- */

struct stream {
	struct loader *L;
	load_row_fn fn;
	struct diag *d;
	enum pc_rc rc;
	int comments;
	unsigned long line;
	int last_term;                /* terminator of the previous row */
	uint64_t rows;
	struct buf row;               /* field bytes, each NUL-terminated */
	long off[LOAD_MAX_FIELDS];   /* offset of each field in row, -1 = NULL */
	size_t nf;
	int overflow;                /* too many fields or bytes in this row */
	int has_nul;                 /* a NUL byte inside a field */
};

static void on_field(void *s, size_t len, void *data)
{
	struct stream *st = data;

	if (st->rc != PC_OK || st->overflow)
		return;
	if (st->nf >= LOAD_MAX_FIELDS) {
		st->overflow = 1;
		return;
	}
	if (!s || !len) {
		st->off[st->nf++] = -1;
		return;
	}
	/* A field is a C string from here on: a NUL would cut it short (a
	 * name cut to nothing broke the NOT NULL of places.name). */
	if (memchr(s, '\0', len))
		st->has_nul = 1;
	st->off[st->nf] = (long)st->row.len;
	if (buf_append(&st->row, s, len) != PC_OK || buf_putc(&st->row, '\0') != PC_OK) {
		st->overflow = 1;
		return;
	}
	st->nf++;
}

static void on_row(int c, void *data)
{
	struct stream *st = data;
	char *f[LOAD_MAX_FIELDS];
	size_t i;

	/*
	 * libcsv ends a row at CR or LF and reports every one (CSV_REPALL_NL):
	 * the LF of a CRLF pair arrives as an empty row of its own.
	 */
	if (c == '\n' && st->last_term == '\r' && st->nf == 0) {
		st->last_term = c;
		return;
	}
	st->last_term = c;
	st->line++;
	if (st->rc != PC_OK)
		goto reset;
	if (st->overflow) {
		st->rc = load_bad_row(st->L, st->line, st->d, "row too long (over %u fields or %u bytes)",
				      LOAD_MAX_FIELDS, LOAD_MAX_ROW);
		goto reset;
	}
	for (i = 0; i < st->nf; i++)
		f[i] = st->off[i] < 0 ? NULL : st->row.data + st->off[i];
	if (st->nf == 0 || (st->nf == 1 && !f[0]))
		goto reset; /* empty line */
	if (st->comments && f[0] && f[0][0] == '#')
		goto reset;
	if (utf8_validate(st->row.data ? st->row.data : "", st->row.len) != st->row.len) {
		st->rc = load_bad_row(st->L, st->line, st->d, "invalid UTF-8");
		goto reset;
	}
	if (st->has_nul) {
		st->rc = load_bad_row(st->L, st->line, st->d, "a NUL byte inside a field");
		goto reset;
	}
	st->rows++;
	st->rc = st->fn(st->L, f, st->nf, st->line, st->d);
	if ((st->rows & 0xffff) == 0)
		load_report_progress(st->L, st->rows, 0);
reset:
	buf_reset(&st->row);
	st->nf = 0;
	st->overflow = 0;
	st->has_nul = 0;
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

enum pc_rc load_stream(struct loader *L, struct load_input *in, int csv_mode, int comments,
		       load_row_fn fn, struct diag *d)
{
	struct csv_parser p;
	struct stream st;
	enum pc_rc rc = PC_OK;

	memset(&st, 0, sizeof st);
	st.L = L;
	st.fn = fn;
	st.d = d;
	st.comments = comments;
	buf_init(&st.row, LOAD_MAX_ROW);
	if (csv_init(&p, CSV_EMPTY_IS_NULL | CSV_REPALL_NL) != 0)
		return diag_set(d, PC_ERR_IO, in->path, 0, 0, "cannot start the CSV parser");
	if (!csv_mode) {
		/*
		 * Quoting off: GeoNames fields may begin with '"'.  0xFF never
		 * occurs in UTF-8, so no valid row can start a quoted field;
		 * spaces are data, not padding.
		 */
		csv_set_delim(&p, CSV_TAB);
		csv_set_quote(&p, 0xff);
		csv_set_space_func(&p, no_space);
	}
	for (;;) {
		const char *buf;
		size_t len;
		if ((rc = load_input_read(in, &buf, &len, d)) != PC_OK) {
			/* Damaged or cut short: say after which line (the rows
			 * before it are not loaded either: the load fails). */
			if (d && d->rc == rc && d->line == 0 && st.line > 0)
				d->line = st.line + 1;
			goto done;
		}
		if (!len)
			break;
		if (csv_parse(&p, buf, len, on_field, on_row, &st) != len) {
			rc = diag_set(d, PC_ERR_PARSE, in->path, st.line + 1, 0, "%s",
				      csv_strerror(csv_error(&p)));
			goto done;
		}
		if (st.rc != PC_OK) {
			rc = st.rc;
			goto done;
		}
	}
	csv_fini(&p, on_field, on_row, &st);
	rc = st.rc;
	if (rc == PC_OK && L->cur)
		load_report_progress(L, st.rows, 0);
done:
	csv_free(&p);
	buf_free(&st.row);
	return rc;
}
