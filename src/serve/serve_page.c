/*
 * serve_page.c: the web page of `placecheck serve`, built into the binary.
 *
 * The page is one plain HTML file, src/serve/serve_page.html, with its CSS
 * and JavaScript inside it: no CDN, no build step, nothing read from disk
 * at run time.  The assembler's .incbin puts the file's bytes into the
 * object file as it stands (GCC and Clang both pass it to GNU as), so the
 * file is edited as HTML and the Makefile only names it as a dependency.
 */
#include "serve/serve_int.h"

__asm__(".section .rodata\n"
	".global serve_page_html\n"
	".type serve_page_html, @object\n"
	".balign 16\n"
	"serve_page_html:\n"
	".incbin \"src/serve/serve_page.html\"\n"
	"serve_page_end:\n"
	".byte 0\n"
	".size serve_page_html, . - serve_page_html\n"
	".global serve_page_len_\n"
	".balign 8\n"
	"serve_page_len_:\n"
	".quad serve_page_end - serve_page_html\n"
	".previous\n");

extern const unsigned long long serve_page_len_;

size_t serve_page_size(void)
{
	return (size_t)serve_page_len_;
}
