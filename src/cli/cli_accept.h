/*
 * cli_accept.h: is a finding covered by the configuration's accept list
 * (.placecheck.ini `accept =` and `accept-file =`)?
 *
 * An entry is a name ("Jackson", "Charlotte Street") or a name in a region
 * ("Jackson, Mississippi", "Sidney, Ohio"); the part after the last comma
 * is a region when the gazetteer knows it as a country or first-level
 * region, in any of its forms ("Mississippi", "Miss.", "MS").
 *
 *   - A name accepts every finding whose text is that name, written alone
 *     or qualified ("Jackson", "Jackson, Mississippi", "JACKSON, Miss."),
 *     compared after folding case, accents and punctuation; and a finding
 *     whose text lies inside the name where the article writes it
 *     ("Charlotte" in "Charlotte Street").
 *   - A name in a region accepts the findings on that name that the article
 *     qualifies with that region ("Jackson, Miss."), or reads as a place in
 *     it ("Jackson" read as Jackson, Mississippi); not the same name
 *     elsewhere ("Jackson, Tenn.").
 *
 * Ownership: borrows everything; scratch memory from the caller's arena.
 * Reads the database (region names) through DB, which must be the calling
 * thread's own connection.  Prints nothing.
 */
#ifndef PC_CLI_CLI_ACCEPT_H
#define PC_CLI_CLI_ACCEPT_H

#include "base/arena.h"
#include "config/config.h"
#include "db/db.h"
#include "detect/detect.h"

/* Does an entry of FS's accept list cover F, a finding of R? */
int cli_accepted(struct db *db, const struct finding *f, const struct config_settings *fs,
		 const struct check_result *r, struct arena *a);

#endif
