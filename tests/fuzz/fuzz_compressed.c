/*
 * fuzz_compressed.c: libFuzzer target for compressed inputs to `load`
 * (src/load/load_input.c): gzip through zlib (CRC and length checked),
 * bzip2, xz and zip through libarchive, whatever the bytes are.  The first
 * byte picks what is written to the file:
 *   0 the rest as it is (a compressed file the mutations damage, or not)
 *   1 the rest gzip-compressed here: a sound file, whose content the
 *     fuzzer explores through the gzip reader
 *   2 the same cut short after a length the next two bytes give
 *   3 the same with its stored CRC-32 changed
 * The load runs with --force (the guard is not under test).
 *
 * Invariants (else abort()): load_run returns PC_OK, PC_ERR_PARSE,
 * PC_ERR_LIMIT or PC_ERR_IO (a damaged file), never a crash; a sound gzip
 * file (1) is never called damaged; a gzip file cut short (2) or with a
 * wrong CRC (3) always is, unless the load stopped earlier for its
 * content; a failed load leaves no database file.
 *
 * Build and run: sh scripts/fuzz.sh fuzz_compressed.
 */
#include "load/load.h"

#include <zlib.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REQUIRE(x)                                                                    \
	do {                                                                          \
		if (!(x)) {                                                           \
			fprintf(stderr, "fuzz_compressed: invariant failed: %s\n", #x); \
			abort();                                                      \
		}                                                                     \
	} while (0)

static char dir[64];

/* DATA[0..N) gzip-compressed into *OUT (malloc'd); its length. */
static size_t gzip_mem(const uint8_t *data, size_t n, unsigned char **out)
{
	z_stream z;
	size_t cap = compressBound((uLong)n) + 64;

	*out = malloc(cap);
	REQUIRE(*out != NULL);
	memset(&z, 0, sizeof z);
	REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)n;
	z.next_out = *out;
	z.avail_out = (uInt)cap;
	REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
	n = cap - z.avail_out;
	deflateEnd(&z);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char in_path[96], db_path[96];
	char *inputs[1];
	struct load_opts opts;
	struct load_stats *stats;
	struct diag d;
	enum pc_rc rc;
	unsigned char *gz = NULL;
	size_t gz_len = 0;
	unsigned mode;
	int damaged = 0;
	FILE *fp;

	if (!dir[0]) {
		snprintf(dir, sizeof dir, "%s/pc-fuzz-gz.%ld",
			 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (long)getpid());
		REQUIRE(mkdir(dir, 0700) == 0 || errno == EEXIST);
	}
	if (size == 0)
		return 0;
	mode = data[0] % 4;
	snprintf(in_path, sizeof in_path, "%s/input", dir);
	snprintf(db_path, sizeof db_path, "%s/fuzz.db", dir);
	fp = fopen(in_path, "wb");
	REQUIRE(fp != NULL);
	if (mode == 0) {
		fwrite(data + 1, 1, size - 1, fp);
	} else {
		size_t skip = mode == 2 && size >= 3 ? 3 : 1;
		gz_len = gzip_mem(data + skip, size - skip, &gz);
		if (mode == 2) {
			size_t cut = size >= 3 ? ((size_t)data[1] << 8 | data[2]) : 0;
			/* Keep the header (10 bytes), drop at least one byte. */
			gz_len = 10 + cut % (gz_len - 10);
			damaged = 1;
		} else if (mode == 3) {
			gz[gz_len - 8] ^= 0x5a;
			damaged = 1;
		}
		fwrite(gz, 1, gz_len, fp);
	}
	fclose(fp);
	unlink(db_path);

	memset(&opts, 0, sizeof opts);
	opts.force = 1;
	stats = calloc(1, sizeof *stats);
	REQUIRE(stats != NULL);
	inputs[0] = in_path;
	diag_clear(&d);
	rc = load_run(db_path, inputs, 1, &opts, stats, &d);
	REQUIRE(rc == PC_OK || rc == PC_ERR_PARSE || rc == PC_ERR_LIMIT || rc == PC_ERR_IO);
	if (mode == 1)
		REQUIRE(!strstr(d.msg, "damaged"));
	/* A damaged file fails, unless its content failed first: not a known
	 * kind (the head decides, before the damage is reached) or a bad row. */
	if (damaged && rc != PC_ERR_PARSE && rc != PC_ERR_LIMIT)
		REQUIRE(rc == PC_ERR_IO && strstr(d.msg, "damaged"));
	if (rc != PC_OK)
		REQUIRE(access(db_path, F_OK) != 0);
	free(gz);
	free(stats);
	unlink(db_path);
	unlink(in_path);
	return 0;
}

#include "fuzz_main.h"
