/*
 * detect_rules.c: the table of rules.  A rule is a slice of the one score
 * (detect_int.h) with a name, a default severity and a message.  To add
 * one: a value in enum detect_rule_id (detect.h), a row here, a view in
 * its own rule_<id>.c, and its row in detect_rule_views[] below; reports,
 * config, `help rules` and the man page read this table.
 */
#include "detect/detect_int.h"

#include <string.h>

const struct detect_rule_info detect_rules[] = {
	[DETECT_RULE_QUALIFIER_MISMATCH] = { "qualifier-mismatch", DETECT_SEV_ERROR,
	  "A place is qualified with a region that holds no place of that name",
	  "The name is followed by a state or country (\"Charlottesville, N.C.\"), "
	  "a British or Irish town by a county (\"Lewes, West Sussex\"), "
	  "or a state by a country (\"California, Canada\"), but no place of that "
	  "name lies there. Check the name and the region. Where the gazetteer may "
	  "simply lack a small place of the name, the finding is a note.",
	  "CHARLOTTESVILLE, N.C. (AP) -- Students returned to campus on Monday.",
	  "CHARLOTTESVILLE, Va. (AP) -- Students returned to campus on Monday." },
	[DETECT_RULE_LOOKALIKE_CONTEXT] = { "lookalike-context", DETECT_SEV_WARNING,
	  "A place name fits the article worse than a look-alike place",
	  "The article's other places, regions and topics point to a place whose "
	  "name looks like this one (Charlotte / Charlottesville, Austria / "
	  "Australia). If the look-alike was meant, correct it; in a quotation, "
	  "consider [sic].",
	  "CANBERRA -- Austria's prime minister met the state premiers in Sydney.",
	  "CANBERRA -- Australia's prime minister met the state premiers in Sydney." },
	[DETECT_RULE_REGION_CONTEXT] = { "region-context", DETECT_SEV_WARNING,
	  "A state or country is named for a subject the article places elsewhere",
	  "The article's evidence puts its subject in another state or country "
	  "than the one named (\"SPRINGFIELD, Mass.\" over an Illinois statehouse story, the Chiefs "
	  "in \"the state of Kansas\").",
	  "SPRINGFIELD, Mass. -- Illinois lawmakers returned to the Capitol on Wednesday for a veto session on Chicago transit.",
	  "SPRINGFIELD, Ill. -- Illinois lawmakers returned to the Capitol on Wednesday for a veto session on Chicago transit." },
	[DETECT_RULE_LOOKALIKE_PAIR] = { "lookalike-pair", DETECT_SEV_SUGGESTION,
	  "The article names two look-alike places in different regions",
	  "Two names that are easy to confuse both appear; check that each one "
	  "is the place meant.",
	  "Slovakia will sign the accord, officials said. Slovenia agreed.",
	  "Slovakia will sign the accord, officials said. Slovenia agreed. (Both meant: no change.)" },
	[DETECT_RULE_MISSPELLED_PLACE] = { "misspelled-place", DETECT_SEV_WARNING,
	  "A name in a place slot is not in the gazetteer but is close to a place that fits",
	  "The word stands where a place stands, or beside a word that opens a "
	  "longer name (\"New Zeland\", \"the United Sates\"), and is a small "
	  "edit away from a place the article is about: a prominent place, one "
	  "the article names elsewhere (\"Frace\" beside France), or, where a "
	  "place stands, any town within 30 km of the article's own towns "
	  "(\"Keswik 17 miles\" in a story from Penrith). Check the spelling.",
	  "The Reds flew home to Cincinatti after the loss in Ohio.",
	  "The Reds flew home to Cincinnati after the loss in Ohio." },
	[DETECT_RULE_DEMONYM_CONTEXT] = { "demonym-context", DETECT_SEV_WARNING,
	  "A demonym fits the article worse than a look-alike country's",
	  "The adjective of place (\"Austrian\") belongs to a country the article "
	  "is not about, while a look-alike country's (\"Australian\") fits.",
	  "CANBERRA -- Austrian ministers met at Parliament House on Monday.",
	  "CANBERRA -- Australian ministers met at Parliament House on Monday." },
	[DETECT_RULE_SCENE_MISMATCH] = { "scene-mismatch", DETECT_SEV_WARNING,
	  "A speaker names a place other than where the story puts them",
	  "\"Here in X\", \"thank you, X!\", \"great to be in X\": the speaker names the "
	  "place where they stand, but the dateline puts the story somewhere else. "
	  "In a quotation, consider [sic].",
	  "SIOUX FALLS, S.D. -- \"Thank you, Sioux City!\" the senator told the crowd.",
	  "SIOUX FALLS, S.D. -- \"Thank you, Sioux Falls!\" the senator told the crowd (or \"Sioux City [sic]\")." },
	[DETECT_RULE_FOREIGN_NAME] = { "foreign-name", DETECT_SEV_WARNING,
	  "A country is written as another language writes it",
	  "English copy writes a country's English name (\"Germany\", not "
	  "\"Deutschland\"), except inside a name that keeps the other form "
	  "(a newspaper's, a team's). A newsroom that keeps local names can turn "
	  "the rule off.",
	  "Exports from Deutschland rose in March, the statistics office in Wiesbaden said.",
	  "Exports from Germany rose in March, the statistics office in Wiesbaden said." },
	[DETECT_RULE_CAPITAL_CLAIM] = { "capital-claim", DETECT_SEV_WARNING,
	  "A place is called the capital of a region whose capital is another",
	  "The text calls a city a country's or a state's capital (\"the Australian "
	  "capital, Sydney\", \"Burlington, the state capital\"), but GeoNames gives "
	  "another city as the capital or seat of government. \"The commercial "
	  "capital\" and \"the former capital\" are other claims and are not checked.",
	  "Thousands marched through the Turkish capital, Istanbul, on Sunday.",
	  "Thousands marched through the Turkish capital, Ankara, on Sunday (or: through Istanbul, Turkey's largest city)." },
	[DETECT_RULE_STALE_SUPPRESSION] = { "stale-suppression", DETECT_SEV_SUGGESTION,
	  "An inline placecheck suppression matched nothing",
	  "Remove the comment, or correct the rule or name it names.",
	  "<!-- placecheck-disable-next-line lookalike-context --> above a line with no such finding",
	  "the same line without the comment" },
};
const size_t detect_n_rules = sizeof detect_rules / sizeof detect_rules[0];

/* A row added without its enum value (or the reverse) would rename every
 * finding after it. */
_Static_assert(sizeof detect_rules / sizeof detect_rules[0] == DETECT_RULE__COUNT,
	       "detect_rules[] and enum detect_rule_id disagree");

/* The views, in the same order; stale-suppression has none (check/ raises it). */
const struct detect_rule_view detect_rule_views[DETECT_RULE__COUNT] = {
	[DETECT_RULE_QUALIFIER_MISMATCH] = { rule_qualifier_mismatch_accepts, rule_qualifier_mismatch_describe,
					     rule_qualifier_mismatch_cap },
	[DETECT_RULE_LOOKALIKE_CONTEXT] = { rule_lookalike_context_accepts, rule_lookalike_context_describe },
	[DETECT_RULE_REGION_CONTEXT] = { rule_region_context_accepts, rule_region_context_describe },
	[DETECT_RULE_LOOKALIKE_PAIR] = { rule_lookalike_pair_accepts, rule_lookalike_pair_describe },
	[DETECT_RULE_MISSPELLED_PLACE] = { rule_misspelled_place_accepts, rule_misspelled_place_describe },
	[DETECT_RULE_DEMONYM_CONTEXT] = { rule_demonym_context_accepts, rule_demonym_context_describe },
	[DETECT_RULE_SCENE_MISMATCH] = { rule_scene_mismatch_accepts, rule_scene_mismatch_describe },
	[DETECT_RULE_FOREIGN_NAME] = { rule_foreign_name_accepts, rule_foreign_name_describe },
	[DETECT_RULE_CAPITAL_CLAIM] = { rule_capital_claim_accepts, rule_capital_claim_describe },
	[DETECT_RULE_STALE_SUPPRESSION] = { NULL, NULL, NULL },
};

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
