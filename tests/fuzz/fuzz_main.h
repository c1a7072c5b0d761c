/*
 * fuzz_main.h: a main() for the fuzz targets when built without libFuzzer
 * (-DFUZZ_STANDALONE): replays each file named on the command line through
 * LLVMFuzzerTestOneInput, so seeds and past crashes run as regression
 * tests with any compiler.  Include it once, after the target function.
 */
#ifndef PC_FUZZ_MAIN_H
#define PC_FUZZ_MAIN_H

#ifdef FUZZ_STANDALONE
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		unsigned char *buf;
		long n;
		if (!fp) {
			perror(argv[i]);
			return 2;
		}
		fseek(fp, 0, SEEK_END);
		n = ftell(fp);
		fseek(fp, 0, SEEK_SET);
		buf = malloc(n > 0 ? (size_t)n : 1);
		if (!buf || (n > 0 && fread(buf, 1, (size_t)n, fp) != (size_t)n)) {
			perror(argv[i]);
			fclose(fp);
			free(buf);
			return 2;
		}
		fclose(fp);
		LLVMFuzzerTestOneInput(buf, n > 0 ? (size_t)n : 0);
		free(buf);
	}
	printf("%d inputs ok\n", argc - 1);
	return 0;
}
#endif

#endif
