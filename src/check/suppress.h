/*
 * suppress.h: inline suppressions.  Applies the directives the reader found
 * in an article's comments to the findings of that article.
 *
 *   placecheck-disable [RULE...]       from here to placecheck-enable (or the end)
 *   placecheck-enable [RULE...]        ends the disable ranges (naming RULE)
 *   placecheck-disable-line [RULE...]       the line the comment starts on
 *   placecheck-disable-next-line [RULE...]  the line after the comment
 *   placecheck-ignore NAME[, NAME...]  findings on NAME anywhere in the file
 *
 * RULE lists are rule ids (detect_rules[]) separated by blanks or commas;
 * none means every rule.  NAME compares with the flagged text after
 * folding (case, accents, punctuation: utf8_fold).  A directive that
 * suppresses nothing - or names an unknown rule, or is not one of the
 * above - becomes a "stale-suppression" finding at the comment, so that
 * suppressions do not rot.
 *
 * In: the read_doc of the article (its directives and line map) and the
 * check_result of check_doc(), before any level or confidence filtering, so
 * that whether a suppression is stale does not depend on the options of the
 * run.  Out: the same result, suppressed findings removed, stale ones added,
 * sorted by offset again.  New memory from the document's arena.
 *
 * Depends on base/, read/, detect/.  Never prints, never exits, never
 * touches the database.
 */
#ifndef PC_CHECK_SUPPRESS_H
#define PC_CHECK_SUPPRESS_H

#include "base/arena.h"
#include "base/diag.h"
#include "detect/detect.h"
#include "read/read.h"

/*
 * Apply DOC's directives to R (in place).  *N_SUPPRESSED (may be NULL) gets
 * the number of findings removed.  Returns PC_OK, or PC_ERR_PARSE only on
 * invalid UTF-8 in a finding's text while folding (never expected: the
 * reader validates).
 */
enum pc_rc suppress_apply(const struct read_doc *doc, struct check_result *r, struct arena *a,
			  size_t *n_suppressed /* OUT, may be NULL */, struct diag *d);

#endif
