/*
 * fuzz_geonames.c: libFuzzer target for the gazetteer loader (src/load/).
 *
 * The loader has no entry point that parses one buffer: rows are streamed
 * from files through libarchive and libcsv into a database under
 * construction.  So each input is written to a temporary file and loaded
 * whole with load_run() into a temporary database, the way
 * `placecheck load FILE` does it (fuzz_load.h).  The first input byte picks a header line
 * to put before the rest, so that every row handler is reached (GeoNames
 * rows and countryInfo are recognised without one):
 *   0 none (sniffed: GeoNames, admin1/admin2, countryInfo, ...)
 *   1 cues  2 countries-extra  3 admin1-abbrev  4 admin1-demonyms
 *   5 regions  6 lexicon  7 a valid GeoNames row, then the input
 *   8 postal (a postal place, then the input: it merges with it)
 *   9 country-names-foreign
 * Besides, the pure helpers are run on the input: load_sniff() on the
 * bytes, strdist_osa() and load_alike_kind() on its first two
 * tab-separated fields.
 *
 * Invariants (else abort()): load_run returns PC_OK, PC_ERR_PARSE or
 * PC_ERR_LIMIT (never a crash, never PC_ERR_DB for a bad row: bad rows are
 * skipped), or PC_ERR_IO for a compressed file the mutations damaged; a
 * successful load leaves a database db_open() accepts; a failed load
 * leaves no database file behind (fuzz_load_require()); the OSA distance
 * is symmetric and within [0, max + 1].
 *
 * Build and run: sh scripts/fuzz.sh.  -DFUZZ_STANDALONE adds a main() that
 * runs the target once over each file named on the command line.
 */
#define FUZZ_NAME "fuzz_geonames"
#include "fuzz.h"
#include "fuzz_load.h"

#include "base/strdist.h"

static const char *const headers[] = {
	"",
	"# placecheck-data: cues v1\n",
	"# placecheck-data: countries-extra v1\n",
	"# placecheck-data: admin1-abbrev v1\n",
	"# placecheck-data: admin1-demonyms v1\n",
	"# placecheck-data: regions v1\n",
	"# placecheck-data: lexicon v1\n",
	"4752031\tCharlottesville\tCharlottesville\tCharlottesvil\t38.02931\t-78.47668"
	"\tP\tPPLA2\tUS\t\tVA\t540\t\t\t46597\t\t139\tAmerica/New_York\t2023-01-01\n",
	"# placecheck-data: postal v1\nUS\tMO\tHolliday\t39.4904\t-92.1318\n",
	"# placecheck-data: country-names-foreign v1\n",
};

static struct fuzz_load files;

static void pure_helpers(const uint8_t *data, size_t size)
{
	char a[128], b[128];
	const char *p = (const char *)data, *end = p + size, *tab;
	size_t la, lb;
	int d1, d2;

	(void)load_sniff(p, size);
	tab = memchr(p, '\t', size);
	if (!tab)
		return;
	la = (size_t)(tab - p);
	lb = (size_t)(end - tab - 1);
	if (la >= sizeof a || lb >= sizeof b || memchr(p, 0, size))
		return;
	memcpy(a, p, la);
	a[la] = 0;
	memcpy(b, tab + 1, lb);
	b[lb] = 0;
	d1 = strdist_osa(a, b, 2);
	d2 = strdist_osa(b, a, 2);
	REQUIRE(d1 >= 0 && d1 <= 3);
	REQUIRE(d1 == d2);
	(void)load_alike_kind(a, b, 0);
	(void)load_alike_kind(a, b, 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct load_opts opts;
	struct diag d;
	enum pc_rc rc;
	const char *hdr;

	fuzz_load_setup(&files, "pc-fuzz-load", "input.txt");
	pure_helpers(data, size);
	if (size == 0)
		return 0;
	hdr = headers[data[0] % (sizeof headers / sizeof headers[0])];
	fuzz_load_write(&files, hdr, strlen(hdr), data + 1, size - 1);

	memset(&opts, 0, sizeof opts);
	opts.force = 1; /* the parsers are under test, not the guard against empty loads */
	rc = fuzz_load_run(&files, &opts, &d);
	fuzz_load_require(&files, rc, &d);
	fuzz_load_clean(&files);
	return 0;
}

#include "fuzz_main.h"
