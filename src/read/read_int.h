/*
 * read_int.h: helpers shared by the readers in src/read/ only.  Never
 * include this from outside the folder (SQLite btreeInt.h).
 *
 * The readers (read_text.c, read_md.c, read_html.c) walk the source and
 * feed a builder (struct rb) that owns the plain text and the offset map
 * while they grow.  The builder decides the text's shape: it turns block
 * breaks into "\n\n", drops whitespace at the start of a block, and inserts
 * a space where a skipped region would glue two words.  Readers only say
 * what they saw, in source order: rb_copy() for source bytes kept as text,
 * rb_put() for a replacement (an entity), rb_break() for a block boundary,
 * rb_gap() for a skipped region, rb_nl() for a line break in a paragraph.
 *
 * Errors are sticky: the first ceiling hit sets b->rc and b->d; later calls
 * do nothing, and readers stop their loops when b->rc != PC_OK.
 */
#ifndef PC_READ_INT_H
#define PC_READ_INT_H

#include "read/read.h"

#include <stddef.h>
#include <stdint.h>

#define READ_MAX_DOC ((size_t)64 << 20)      /* input bytes */
#define READ_MAX_TEXT ((size_t)256 << 20)    /* plain-text bytes */
#define READ_MAX_ANCHORS ((size_t)16 << 20)  /* offset-map entries */
#define READ_MAX_BAD ((size_t)65536)         /* invalid UTF-8 sequences */
#define READ_MAX_DIRS ((size_t)65536)        /* inline directives */
#define READ_TAG_MAX ((size_t)8192)          /* longest HTML tag we parse */
#define READ_BINARY_SAMPLE ((size_t)8192)

struct rb {
	const char *src;
	size_t src_len;
	size_t start; /* first byte to convert (after a BOM) */
	const char *name;
	struct arena *a;
	struct diag *d;
	enum pc_rc rc;
	const size_t *line_starts;
	size_t n_lines;

	char *text; /* heap while building; copied to the arena at the end */
	size_t len, cap;
	struct read_anchor *map;
	size_t n_map, cap_map;
	struct read_directive *dirs; /* arena-grown (few) */
	size_t n_dirs, cap_dirs;

	int pending_break; /* a block boundary before the next content */
	int has_gap;       /* a skipped region before the next content */
	size_t gap_off;
	int unclosed;      /* a "<!--" runs to the end of the file ... */
	size_t unclosed_off; /* ... from here */
};

/* read.c: the builder. */
void rb_copy(struct rb *b, size_t off, size_t n);
void rb_put(struct rb *b, size_t off, size_t src_n, const char *s, size_t n);
void rb_break(struct rb *b);
void rb_gap(struct rb *b, size_t off);
void rb_nl(struct rb *b, size_t off);
/*
 * Record S[0..N) (a comment body or the rest of a '#' line) as a directive
 * at source offset OFF if, trimmed, it starts with "placecheck-".
 */
void rb_directive(struct rb *b, size_t off, const char *s, size_t n);
/* 1-based line of source offset OFF. */
unsigned long rb_line(const struct rb *b, size_t off);

/* The readers: convert b->src from b->start. */
void read_text_run(struct rb *b);
void read_md_run(struct rb *b);
void read_html_run(struct rb *b);

/* read_md.c and read_front.c: the Markdown reader's state. */
#define MD_TICK_MEMO 33
struct md {
	struct rb *b;
	const char *s;
	size_t n;
	/* Block state carried from line to line. */
	char fence; /* '`' or '~' inside fenced code, else 0 */
	size_t fence_len;
	int in_para, in_list, in_table, prev_blank, qdepth;
	int skip; /* inside a comment or script/style opened on an earlier line */
	size_t skip_from;
	char raw_close[16]; /* "</script" */
	size_t raw_close_len;
	/* Front matter. */
	int fm_block; /* inside a YAML block scalar or a TOML multi-line string/array */
	size_t fm_indent;
	int fm_cont; /* a block scalar's next line continues it */
	char fm_close[4];
	/* Scratch for one line's inline pass. */
	uint32_t *scratch;
	size_t cap;
	size_t tick_none[MD_TICK_MEMO];
};
/* Inline content S[I..E) of one line (emphasis, code, links, tags, entities). */
void md_inline(struct md *m, size_t i, size_t e);
/* Front matter at POS (YAML "---" or TOML "+++"): read it, return where the body starts. */
size_t md_front_matter(struct md *m, size_t pos);

/* read_html.c: pieces the Markdown reader shares. */
struct read_tag {
	size_t end;      /* one past the closing '>' */
	size_t name;     /* offset of the tag name */
	size_t name_len;
	int closing;     /* "</x>" */
	int self_closing;/* "<x/>" */
};
/*
 * If S[I..E) starts with an HTML start or end tag ('<' then a letter, or
 * "</" then a letter), fill *T and return 1; else return 0.  Quoted
 * attribute values may hold '>'.  Scans at most READ_TAG_MAX bytes.
 */
int read_tag_parse(const char *s, size_t i, size_t e, struct read_tag *t);
/* Tag NAME[0..LEN) (any case) is a block element: a block break. */
int read_tag_is_block(const char *name, size_t len);
/* Tag whose content is not text: script, style, noscript, template. */
int read_tag_is_raw(const char *name, size_t len);
/*
 * S[I] is '&'.  If S[I..E) starts a character reference, write its UTF-8
 * form to OUT (0 to 4 bytes: a soft hyphen yields none, a no-break space a
 * plain space), store the count in *OUT_N and return the reference's source
 * length; else return 0.
 */
size_t read_entity(const char *s, size_t i, size_t e, char out[4], size_t *out_n);
/*
 * Offset of the first case-insensitive occurrence of NEEDLE[0..NLEN) in
 * S[I..E), or E if none.
 */
size_t read_find_ci(const char *s, size_t i, size_t e, const char *needle, size_t nlen);

#endif
