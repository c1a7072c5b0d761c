/*
 * fuzz_csv.c: libFuzzer target for `placecheck load --csv --columns MAP`
 * (src/load/load_csv.c): RFC 4180 quoting, the header row, the column
 * map, the per-row checks.  As in fuzz_geonames.c, each input is written
 * to a temporary file and loaded whole with load_run() into a temporary
 * database.  The first byte picks the column map (below), the rest is the
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
#include "load/load.h"

#include "db/db.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REQUIRE(x)                                                             \
	do {                                                                   \
		if (!(x)) {                                                    \
			fprintf(stderr, "fuzz_csv: invariant failed: %s\n", #x); \
			abort();                                               \
		}                                                              \
	} while (0)

static const char *const maps[] = {
	"name=Venue,lat=Latitude,lon=Longitude",
	"name=Venue,lat=Latitude,lon=Longitude,country=ISO,admin1=State,population=Pop",
	"id=id,name=name,lat=lat,lon=lon,alt=alt,fcode=fcode,fclass=fclass,asciiname=ascii",
	"name=a,lat=b,lon=c,admin2=d,timezone=e,id=f",
};

static char dir[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char in_path[96], db_path[96];
	char *inputs[1];
	struct load_opts opts;
	struct load_stats *stats;
	struct diag d;
	enum pc_rc rc;
	FILE *fp;

	if (!dir[0]) {
		snprintf(dir, sizeof dir, "%s/pc-fuzz-csv.%ld",
			 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (long)getpid());
		REQUIRE(mkdir(dir, 0700) == 0 || errno == EEXIST);
	}
	if (size == 0)
		return 0;
	snprintf(in_path, sizeof in_path, "%s/input.csv", dir);
	snprintf(db_path, sizeof db_path, "%s/fuzz.db", dir);
	fp = fopen(in_path, "wb");
	REQUIRE(fp != NULL);
	fwrite(data + 1, 1, size - 1, fp);
	fclose(fp);
	unlink(db_path);

	memset(&opts, 0, sizeof opts);
	opts.csv = 1;
	opts.force = 1;
	opts.strict = data[0] & 0x80;
	opts.columns = maps[(data[0] & 0x7f) % (sizeof maps / sizeof maps[0])];
	stats = calloc(1, sizeof *stats);
	REQUIRE(stats != NULL);
	inputs[0] = in_path;
	diag_clear(&d);
	rc = load_run(db_path, inputs, 1, &opts, stats, &d);
	/* PC_ERR_IO only for bytes libarchive takes for damaged compressed data. */
	REQUIRE(rc == PC_OK || rc == PC_ERR_PARSE || rc == PC_ERR_LIMIT ||
		(rc == PC_ERR_IO && strstr(d.msg, "damaged")));
	if (rc == PC_OK) {
		struct db *db = NULL;
		struct diag d2;
		diag_clear(&d2);
		REQUIRE(db_open(db_path, DB_OPEN_READONLY, &db, &d2) == PC_OK);
		db_close(db);
	} else {
		REQUIRE(access(db_path, F_OK) != 0);
	}
	free(stats);
	unlink(db_path);
	unlink(in_path);
	return 0;
}

#include "fuzz_main.h"
