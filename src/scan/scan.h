/*
 * scan.h: tokens, sentences, paragraphs, quotations and datelines.
 *
 * Takes the plain text of a document (read stage) and gives back an array
 * of tokens: words (with their shape: capitalised, all caps, dotted
 * abbreviation like "N.C."), numbers and single punctuation characters,
 * each tagged with its sentence and paragraph and whether it lies inside a
 * quotation.  Knows nothing about places and never touches the database.
 *
 * Ownership: the token array is allocated from the caller's arena.
 * Limits: at most SCAN_MAX_TOKENS tokens per document (PC_ERR_LIMIT).
 */
#ifndef PC_SCAN_SCAN_H
#define PC_SCAN_SCAN_H

#include "base/arena.h"
#include "base/diag.h"

#include <stddef.h>

#define SCAN_MAX_TOKENS (16u * 1024 * 1024)

enum scan_flag {
	SCAN_WORD = 1 << 0,       /* letters (maybe digits, inner apostrophes) */
	SCAN_NUMBER = 1 << 1,     /* digits only */
	SCAN_PUNCT = 1 << 2,      /* one punctuation character (or dash) */
	SCAN_CAP = 1 << 3,        /* word starts with an upper-case letter */
	SCAN_ALLCAPS = 1 << 4,    /* word has 2+ letters, all upper case */
	SCAN_DOTTED = 1 << 5,     /* "N.C.", "U.S.": letters and periods, one token */
	SCAN_DOT_AFTER = 1 << 6,  /* immediately followed by '.' */
	SCAN_POSS = 1 << 7,       /* followed by 's or ' (possessive), consumed */
	SCAN_SPACE_BEFORE = 1 << 8, /* white space (or start of block) before */
	SCAN_SENT_START = 1 << 9, /* first word of a sentence */
	SCAN_QUOTED = 1 << 10,    /* inside quotation marks */
	SCAN_DATELINE = 1 << 11,  /* part of a dateline ("CHARLOTTE, N.C. —") */
	SCAN_HEADLINE = 1 << 12,  /* in a short title-case block without a final stop */
	SCAN_PARA_START = 1 << 13, /* first token of a paragraph */
	SCAN_LINE_START = 1 << 14, /* first token after a newline */
	SCAN_SHOUT = 1 << 15,     /* in a paragraph written all in capitals (a caption,
				   * a chyron, a graphic): its capitals mark no acronym */
};

struct scan_tok {
	size_t off, len;  /* byte span in the plain text */
	unsigned flags;   /* enum scan_flag */
	unsigned sent;    /* sentence index, document-wide */
	unsigned para;    /* paragraph index */
};

struct scan_doc {
	const char *text; /* borrowed: the plain text scanned */
	size_t text_len;
	struct scan_tok *toks;
	size_t n_toks;
	unsigned n_sent, n_para;
};

/*
 * Tokenise TEXT[0..LEN) (valid UTF-8).  OUT's arrays come from A.
 * Returns PC_ERR_LIMIT if the document has more than SCAN_MAX_TOKENS tokens.
 */
enum pc_rc scan_run(const char *text, size_t len, struct arena *a,
		    struct scan_doc *out /* OUT */, struct diag *d);

/* Is token T punctuation character C (ASCII)? */
int scan_is_punct(const struct scan_doc *s, size_t t, char c);

/* Is token T the word W (ASCII, any case: "state", "State", "STATE")? */
int scan_is_word(const struct scan_doc *s, size_t t, const char *w);

/* Is token T a dash (hyphen used as a dash, en dash, em dash)? */
int scan_is_dash(const struct scan_doc *s, size_t t);

#endif
