/*
 * detect_rules.c: the table of rules.  To add a rule: add a row here, then
 * the code that raises it in detect.c; reports, config and docs read this.
 */
#include "detect/detect.h"

#include <string.h>

const struct detect_rule_info detect_rules[] = {
	{ "qualifier-mismatch", DETECT_SEV_ERROR,
	  "A place is qualified with a region that holds no place of that name",
	  "The name is followed by a state or country (\"Charlottesville, N.C.\") "
	  "but no place of that name lies there. Check the name and the region.",
	  "CHARLOTTESVILLE, N.C. (AP) -- Students returned to campus on Monday.",
	  "CHARLOTTESVILLE, Va. (AP) -- Students returned to campus on Monday." },
	{ "lookalike-context", DETECT_SEV_WARNING,
	  "A place name fits the article worse than a look-alike place",
	  "The article's other places, regions and topics point to a place whose "
	  "name looks like this one (Charlotte / Charlottesville, Austria / "
	  "Australia). If the look-alike was meant, correct it; in a quotation, "
	  "consider [sic].",
	  "CANBERRA -- Austria's prime minister met the state premiers in Sydney.",
	  "CANBERRA -- Australia's prime minister met the state premiers in Sydney." },
	{ "region-context", DETECT_SEV_WARNING,
	  "A state or country is named for a subject the article places elsewhere",
	  "The article's evidence puts its subject in another state or country "
	  "than the one named (the Chiefs in \"the state of Kansas\").",
	  "The Kansas City Chiefs thanked the great state of Kansas at Arrowhead Stadium.",
	  "The Kansas City Chiefs thanked the great state of Missouri at Arrowhead Stadium." },
	{ "lookalike-pair", DETECT_SEV_SUGGESTION,
	  "The article names two look-alike places in different regions",
	  "Two names that are easy to confuse both appear; check that each one "
	  "is the place meant.",
	  "Slovakia's finance minister said Slovenia would sign the accord.",
	  "Slovakia's finance minister said Slovakia would sign the accord." },
	{ "misspelled-place", DETECT_SEV_WARNING,
	  "A name in a place slot is not in the gazetteer but is close to a place that fits",
	  "The word stands where a place stands and is a small edit away from a "
	  "place the article is about. Check the spelling.",
	  "The Reds flew home to Cincinatti after the loss in Ohio.",
	  "The Reds flew home to Cincinnati after the loss in Ohio." },
	{ "demonym-context", DETECT_SEV_WARNING,
	  "A demonym fits the article worse than a look-alike country's",
	  "The adjective of place (\"Austrian\") belongs to a country the article "
	  "is not about, while a look-alike country's (\"Australian\") fits.",
	  "CANBERRA -- Austrian ministers met at Parliament House on Monday.",
	  "CANBERRA -- Australian ministers met at Parliament House on Monday." },
	{ "stale-suppression", DETECT_SEV_SUGGESTION,
	  "An inline placecheck suppression matched nothing",
	  "Remove the comment, or correct the rule or name it names.",
	  "<!-- placecheck-disable-next-line lookalike-context --> above a line with no such finding",
	  "the same line without the comment" },
};
const size_t detect_n_rules = sizeof detect_rules / sizeof detect_rules[0];

const char *detect_sev_str(enum detect_sev sev)
{
	switch (sev) {
	case DETECT_SEV_ERROR:
		return "error";
	case DETECT_SEV_WARNING:
		return "warning";
	case DETECT_SEV_SUGGESTION:
	default:
		return "suggestion";
	}
}

int detect_sev_parse(const char *s)
{
	if (strcmp(s, "error") == 0)
		return DETECT_SEV_ERROR;
	if (strcmp(s, "warning") == 0)
		return DETECT_SEV_WARNING;
	if (strcmp(s, "suggestion") == 0)
		return DETECT_SEV_SUGGESTION;
	return -1;
}
