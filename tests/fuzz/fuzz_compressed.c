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
#define FUZZ_NAME "fuzz_compressed"
#include "fuzz.h"
#include "fuzz_load.h"

#include <zlib.h>

static struct fuzz_load files;

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
	struct load_opts opts;
	struct diag d;
	enum pc_rc rc;
	unsigned char *gz = NULL;
	size_t gz_len = 0;
	unsigned mode;
	int damaged = 0;

	fuzz_load_setup(&files, "pc-fuzz-gz", "input");
	if (size == 0)
		return 0;
	mode = data[0] % 4;
	if (mode == 0) {
		fuzz_load_write(&files, NULL, 0, data + 1, size - 1);
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
		fuzz_load_write(&files, NULL, 0, gz, gz_len);
	}

	memset(&opts, 0, sizeof opts);
	opts.force = 1;
	rc = fuzz_load_run(&files, &opts, &d);
	REQUIRE(rc == PC_OK || rc == PC_ERR_PARSE || rc == PC_ERR_LIMIT || rc == PC_ERR_IO);
	if (mode == 1)
		REQUIRE(!strstr(d.msg, "damaged"));
	/* A damaged file fails, unless its content failed first: not a known
	 * kind (the head decides, before the damage is reached) or a bad row. */
	if (damaged && rc != PC_ERR_PARSE && rc != PC_ERR_LIMIT)
		REQUIRE(rc == PC_ERR_IO && strstr(d.msg, "damaged"));
	if (rc != PC_OK)
		REQUIRE(access(files.db_path, F_OK) != 0);
	free(gz);
	fuzz_load_clean(&files);
	return 0;
}

#include "fuzz_main.h"
