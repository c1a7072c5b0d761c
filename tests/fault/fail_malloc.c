/*
 * fail_malloc.c: an LD_PRELOAD shim for tests/fault/oom.sh.  Every
 * allocation bigger than $FAIL_MALLOC_OVER bytes fails (NULL, ENOMEM), as
 * it would with the machine's memory spent, deterministically.  glibc's
 * own allocator does the rest.  Test code: built by the test, never
 * linked into placecheck.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>

void *__libc_malloc(size_t n);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t n);

static int too_big(size_t n)
{
	const char *s = getenv("FAIL_MALLOC_OVER");

	if (!s || n <= strtoull(s, NULL, 10))
		return 0;
	errno = ENOMEM;
	return 1;
}

void *malloc(size_t n)
{
	return too_big(n) ? NULL : __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
	return size && n > (size_t)-1 / size ? NULL : too_big(n * size) ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
	return too_big(n) ? NULL : __libc_realloc(p, n);
}
