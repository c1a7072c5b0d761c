/*
 * fuzz_csv.c: libFuzzer target for `placecheck load --csv --columns MAP`
 * (src/load/load_csv.c): RFC 4180 quoting, the header row, the column
 * map, the per-row checks.  As in fuzz_geonames.c, each input is written
 * to a temporary file and loaded whole with load_run() into a temporary
 * database (fuzz_load.h).  The first byte picks the column map (below), the rest is the
 * file; --force is on (an empty result is the guard's business, tested in
 * tests/fault/load_guard.sh).
 *
 * Invariants (else abort()): load_run returns PC_OK, PC_ERR_PARSE (the
 * header lacks a mapped column, or a bad row is fatal), PC_ERR_LIMIT, or
 * PC_ERR_IO for bytes that look like damaged compressed data, never a
 * crash or PC_ERR_DB for a bad row; a successful load leaves a
 * database db_open() accepts; a failed one leaves no file.
 *
 * Build and run: sh scripts/fuzz.sh fuzz_csv.
 */
#define FUZZ_NAME "fuzz_csv"
#include "fuzz.h"
#include "fuzz_load.h"

static const char *const maps[] = {
	"name=Venue,lat=Latitude,lon=Longitude",
	"name=Venue,lat=Latitude,lon=Longitude,country=ISO,admin1=State,population=Pop",
	"id=id,name=name,lat=lat,lon=lon,alt=alt,fcode=fcode,fclass=fclass,asciiname=ascii",
	"name=a,lat=b,lon=c,admin2=d,timezone=e,id=f",
};

static struct fuzz_load files;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct load_opts opts;
	struct diag d;
	enum pc_rc rc;

	fuzz_load_setup(&files, "pc-fuzz-csv", "input.csv");
	if (size == 0)
		return 0;
	fuzz_load_write(&files, NULL, 0, data + 1, size - 1);

	memset(&opts, 0, sizeof opts);
	opts.csv = 1;
	opts.force = 1;
	opts.strict = data[0] & 0x80;
	opts.columns = maps[(data[0] & 0x7f) % (sizeof maps / sizeof maps[0])];
	rc = fuzz_load_run(&files, &opts, &d);
	fuzz_load_require(&files, rc, &d);
	fuzz_load_clean(&files);
	return 0;
}

#include "fuzz_main.h"
