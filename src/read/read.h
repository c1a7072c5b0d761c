/*
 * read.h: the first pipeline stage.  Turns an article (plain text, Markdown
 * or HTML bytes) into plain text for the scanner, plus a map from every
 * plain-text byte back to the original file, the file's line starts, its
 * invalid UTF-8 sequences and the inline placecheck directives found in its
 * comments.
 *
 * In:  the file's bytes (any encoding; UTF-8 expected), a format, a name for
 *      messages, an arena.
 * Out: struct read_doc.  Plain text is valid UTF-8 and NUL-terminated; block
 *      boundaries (paragraphs, headings, list items, table cells, HTML block
 *      elements, front-matter values) are "\n\n", a line break inside a
 *      paragraph is "\n"; markup, code and comments vanish without gluing
 *      two words together, and inline markup inside a word does not split
 *      it ("Charlottes<em>ville</em>" -> "Charlottesville").
 *
 * Ownership: everything in struct read_doc is allocated from the caller's
 * arena, except SRC, which is borrowed: the caller's buffer must outlive the
 * doc.  Nothing is freed individually; arena_free() releases it all.
 *
 * Depends on base/ only (arena, diag, utf8).
 * Never prints, never exits, never touches the database, never reads files
 * (the caller reads the bytes), keeps no global mutable state, and never
 * recurses on input structure (nesting is handled with loops, so deeply
 * nested lists or quotes cannot overflow the stack).
 */
#ifndef PC_READ_READ_H
#define PC_READ_READ_H

#include "base/arena.h"
#include "base/diag.h"

#include <stddef.h>

enum read_fmt { READ_FMT_AUTO = 0, READ_FMT_TEXT, READ_FMT_MARKDOWN, READ_FMT_HTML };

/*
 * Offset map anchor: plain-text bytes from text_off up to the next anchor
 * map to src_off + (i - text_off).  Anchors are sorted by text_off (strictly
 * increasing, the first at 0) and their src_off never decreases, so the map
 * is monotonic.  Bytes the reader inserted (a block break, a space between
 * two words) map to the source position of what they replace.
 */
struct read_anchor {
	size_t text_off;
	size_t src_off;
};

/*
 * An inline directive found in a comment: "placecheck-disable",
 * "placecheck-enable", "placecheck-disable-next-line",
 * "placecheck-disable RULE", "placecheck-ignore NAME".  SRC_OFF is the start
 * of the comment ('<' of "<!--", or '#' in plain text) and LINE its line;
 * a comment spanning lines is reported at the line where it starts.
 */
struct read_directive {
	size_t src_off;
	unsigned long line;
	const char *text; /* e.g. "placecheck-disable lookalike-context": trimmed,
			     inner whitespace runs folded to one space, arena */
};

/* An invalid UTF-8 byte sequence; column in code points as read_linecol(). */
struct read_bad {
	size_t src_off;
	unsigned long line, column;
};

/* Bytes between column marks (below).  News copy without line breaks is
 * one line of a few kilobytes: with marks 4 KB apart every place in it
 * was counted from the line's start (2.5% of a check's instructions). */
#define READ_COL_STEP 256

struct read_doc {
	const char *src;
	size_t src_len; /* the original bytes (borrowed from the caller; must outlive doc) */
	char *text;
	size_t len; /* plain text, arena, NUL-terminated, valid UTF-8 */
	struct read_anchor *map;
	size_t n_map;
	size_t *line_starts;
	size_t n_lines; /* byte offset in src of each line start */
	/* In lines longer than READ_COL_STEP bytes, a mark every step: its
	 * byte offset and the code points from its line's start, so that a
	 * column is counted from the nearest mark, not from the start of a
	 * five-million-byte line (every place in it would cost the line). */
	struct read_col_mark { size_t off, cols; } *col_marks;
	size_t n_col_marks;
	struct read_bad *bad;
	size_t n_bad;
	struct read_directive *dirs;
	size_t n_dirs;
	enum read_fmt fmt; /* the format actually used */
	/*
	 * Line and column of a "<!--" (Markdown or HTML) that is never
	 * closed: as in a browser, the rest of the file is a comment and is
	 * not checked, which the caller should say.  0 when there is none.
	 */
	unsigned long unclosed_line, unclosed_column;
};

/* .md .markdown -> MARKDOWN, .html .htm -> HTML, else TEXT (case-insensitive; PATH may be NULL). */
enum read_fmt read_fmt_from_name(const char *path);

/* "text" "markdown" "md" "html" -> fmt (case-insensitive), -1 otherwise. */
int read_fmt_parse(const char *s);

/*
 * Convert SRC[0..LEN) to plain text in *OUT.  NAME is for messages (may be
 * NULL).  FMT READ_FMT_AUTO picks the format from NAME's extension, and, for
 * a name without a known extension, sniffs "<!DOCTYPE html"/"<html".
 * All memory comes from arena A.  A leading UTF-8 byte-order mark is skipped.
 * A CR not followed by LF ends a line like LF (old Mac line endings): then
 * OUT->src is a copy of SRC (from A) with those CRs made LFs, byte for byte,
 * so that offsets, lines and columns all count them as line breaks.
 *
 * Returns PC_OK; PC_ERR_LIMIT when a ceiling is hit (document over 64 MiB,
 * plain text over 256 MiB, too many map anchors, invalid sequences or
 * directives; D says which, with the line); PC_ERR_PARSE for UTF-16 text
 * (a byte-order mark, or NULs in every other byte: the message says how to
 * convert it) and for a binary file (NUL bytes in the first 8 KiB or a high
 * share of control characters: "binary file, not checked").  On error *OUT
 * is zeroed.
 * Invalid UTF-8 is NOT an error: each bad sequence is recorded in OUT->bad
 * and replaced by U+FFFD in text, and the rest of the file is converted.
 *
 * OUT: *out (arena; out->src borrows SRC).
 */
enum pc_rc read_doc(const char *src, size_t len, enum read_fmt fmt, const char *name,
		    struct arena *a, struct read_doc *out /* OUT */, struct diag *d);

/*
 * Original byte offset of plain-text byte TEXT_OFF (TEXT_OFF >= len maps to
 * src_len).  For a span [s,e) of text, the source span is
 * [read_src_offset(s), read_src_offset(e-1)+1).  A decoded entity maps its
 * first byte to the '&' and its last byte to the ';', so a name that starts
 * or ends with an entity still covers the whole entity.  O(log n_map).
 */
size_t read_src_offset(const struct read_doc *doc, size_t text_off);

/*
 * 1-based line and column (column counted in Unicode code points, each
 * invalid byte counting one; a leading BOM not counted) of source byte
 * SRC_OFF, by binary search on line_starts.  SRC_OFF past the end is
 * clamped to src_len.
 */
void read_linecol(const struct read_doc *doc, size_t src_off,
		  unsigned long *line /* OUT */, unsigned long *column /* OUT */);

/*
 * The source line holding SRC_OFF, without its newline (nor a CR before
 * it): *START and *LEN in src.  For reports' caret lines.
 */
void read_line_span(const struct read_doc *doc, size_t src_off,
		    size_t *start /* OUT */, size_t *len /* OUT */);

#endif
