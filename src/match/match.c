/*
 * match.c: find place-name spans and their readings (see match.h).
 */
#include "match/match.h"

#include "base/buf.h"
#include "base/strdist.h"
#include "base/utf8.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Lower-case words allowed inside a multi-word name: "Rio de Janeiro",
 * "Dar es Salaam". */
static const char *const match_connectors[] = {
	"de", "la", "le", "les", "del", "della", "di", "da", "do", "dos", "das", "du",
	"des", "of", "on", "upon", "the", "y", "am", "an", "im", "sur", "en", "al",
	"el", "es", "au", "aux", "et", "and",
};

/* Particles of European surnames: "da Vinci", "van Gogh", "de Gaulle". */
static const char *const match_name_particles[] = {
	"da", "de", "di", "del", "della", "van", "von", "der", "du", "dos", "das",
};

/* Titles before a name that make it a person's: "Mr. Paris", "Gov. Austin". */
static const char *const match_honorifics[] = {
	"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sen", "Senator", "Gov", "Governor", "Rep",
	"President", "Pres", "Judge", "Justice", "Coach", "Sir", "Dame", "Lord", "Lady",
	"Prof", "Professor", "Rev", "Gen", "General", "Col", "Capt", "Captain", "Lt",
	"Sgt", "Officer", "Det", "Detective", "Prince", "Princess", "King", "Queen",
	"Saint", "Pope", "Father", "Sister", "Brother", "Uncle", "Aunt", "Chancellor",
	"Minister", "Secretary", "Ambassador", "Mayor", "Councilman", "Councilwoman",
	"Commissioner", "Chief", "Sheriff", "Deputy", "Agent", "Pastor", "Bishop",
};

/* Roles written in lower case before a person's full name: "World Bank
 * economist Homi Kharas", "company spokeswoman Joanna Smith".  Unlike a
 * title they stand before a whole name only (a first name, then the
 * surname), never a bare surname. */
static const char *const match_roles[] = {
	"economist", "analyst", "spokesman", "spokeswoman", "spokesperson", "researcher",
	"scientist", "professor", "lawyer", "attorney", "official", "chairman", "chairwoman",
	"adviser", "advisor", "expert", "specialist", "epidemiologist", "virologist",
	"correspondent", "reporter", "author", "novelist", "actor", "actress", "singer",
	"director", "executive", "founder", "veteran", "colleague", "teammate",
};

/* Verbs of speech that a speaker's name follows in an inverted attribution:
 * '"The aid is rationed," complained Joncret.' */
static const char *const match_speech_verbs[] = {
	"said", "says", "added", "complained", "explained", "noted", "warned", "insisted",
	"argued", "asked", "replied", "wrote", "recalled", "admitted", "conceded",
};

/*
 * Heads of organisation and facility names after a place name: "Charlotte
 * City Council", "Washington Post".  Followed by one of these, a place name
 * that is also a given name stays a place rather than becoming a first name.
 */
static const char *const match_name_heads[] = {
	"City", "County", "Council", "Parish", "Borough", "Township", "State", "Street",
	"Avenue", "Road", "Boulevard", "Parkway", "Plaza", "Square", "Bridge", "Airport",
	"Station", "Stadium", "Arena", "Park", "Lake", "Bay", "Harbor",
	"Harbour", "Port", "Beach", "Island", "Islands", "Mountain", "Mountains", "Valley",
	"University", "College", "School", "Schools", "Hospital", "Police", "Fire",
	"Post", "Times", "Tribune", "Herald", "Journal", "Chronicle", "Observer",
	"Gazette", "Daily", "News", "Star", "Sun", "Press", "Courier", "Center",
	"Centre", "Hall", "Museum", "Library", "Zoo", "Symphony", "Opera", "Theatre",
	"Theater", "Club", "Football", "FC", "United", "Metro", "Transit", "Area",
	"Region", "District", "Province", "Government", "Assembly", "Legislature",
	"Minister", "Ministry", "Secretary", "Court", "Reserve", "Bureau", "Agency",
	/* "the House Energy and Commerce Committee": no Commerce, Calif. */
	"Committee", "Commission",
};

/*
 * Heads of organisation names: a place name with one of these after it,
 * at once or after a few more capitalised words of the same name
 * ("Columbia Gas", "the Kenya Red Cross Society", "the New York Times"),
 * names the organisation, not a place: never reported as a place, never
 * judged as a slip, still evidence that the story concerns that place.
 * A government's departments, ministries and offices are not among them:
 * "the California Department of Public Health" and "the U.S. Agriculture
 * Secretary" name the jurisdiction, a place (unless the story abbreviates
 * the whole name with the place's initials: acronym_covers); and a
 * possessive ("China's Health Ministry") names the place itself.  A
 * police force is (below).  (Tried: with the bodies among them, GeoVirus
 * tagging precision rose by one or two points and recall fell by as
 * much: its labels keep "the California Department of Public Health"
 * and drop "the United States Department of Agriculture".)
 */
static const char *const match_org_heads[] = {
	"University", "College", "Institute", "Institution", "School", "Academy",
	"Seminary", "Hospital", "Clinic", "Medical", "Church", "Cathedral",
	"Bank", "Group", "Foundation", "Company", "Corporation", "Corp", "Inc", "Ltd",
	"LLC", "Airlines", "Airways", "Records", "Press", "Studios", "Stadium",
	"Arena", "Center", "Centre", "Library", "Museum", "Prize",
	"Gas", "Energy", "Power", "Electric", "Telephone", "Financial", "Insurance",
	"Mutual", "Railway", "Railroad", "Motors", "Steel", "Mills", "Foods",
	"Brewing", "Holdings", "Industries", "Pictures", "Sportswear",
	"Scientific", "Instruments", "Society", "Association", "Federation", "Union",
	"Broadcasting", "Zoo", "Times", "Post", "Tribune", "Herald", "Journal",
	"Chronicle", "Gazette", "Courier", "Telegraph", "Guardian", "Examiner",
	"Television", "TV", "Radio", "Network", "Symphony", "Orchestra", "Opera",
	"Ballet", "Theatre", "Theater", "Club", "FC", "Marathon", "Open", "Festival",
	"Games", "Cup", "Prix", "Schools", "Universities", "Hospitals", "Eggs", "Egg", "Farms",
	"News", "Security",
	/* "an analyst at Jupiter Research": a firm (Jupiter, Fla.). */
	"Research", "Consulting", "Partners", "Capital", "Securities", "Associates",
	/* A police force, a firm's laboratory, a cartel, a newspaper called
	 * the Star: named after a place, none of them one (GeoVirus dev: "the
	 * Las Vegas Police", "South Simcoe Police", "Hazleton Laboratories",
	 * "the Sinaloa Cartel", "the Indianapolis Star", all unlabelled). */
	"Police", "Laboratories", "Laboratory", "Labs", "Cartel", "Star",
};

/* Words of direction a name may open with ("Southern Indiana"). */
static const char *const match_direction_words[] = {
	"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
};

/*
 * Heads that close a firm's name: after "Boskovich Farms Inc." an "of
 * Oxnard, California" says where the firm is, while "the Peanut Corp. of
 * America" and "the Bank of Ireland" go on naming it.
 */
static const char *const match_name_closers[] = {
	"Inc", "Ltd", "LLC",
};

/*
 * Pathogens named after where they were found: "the Reston ebolavirus",
 * "Ebola Reston virus", "Salmonella Litchfield"; and the diseases: "Rift
 * Valley fever", "Lassa fever".  The place name in one names the pathogen,
 * not a place of the story.
 */
static const char *const match_pathogen_after[] = {
	"virus", "ebolavirus", "strain", "serotype", "fever",
};
static const char *const match_pathogen_before[] = {
	"Salmonella", "Ebola", "Escherichia", "Listeria", "Shigella",
};

/*
 * Heads of natural features' names: the name before one names the river
 * or the valley ("the Jordan River Parkway" in Utah, "the Niger Delta"),
 * not the country.
 */
static const char *const match_feature_heads[] = {
	"River", "Creek", "Delta", "Valley", "Basin", "Canyon",
};

/* A city this big is named for itself even where its region shares the
 * name ("Kharkiv", "Auckland"). */
#define MATCH_BIG_CITY_POP 100000

/* Capitalised words looked past for an organisation's head ("Kenya Red
 * Cross Society": two). */
#define MATCH_ORG_REACH 3

/*
 * Streets, bridges and waters named after a place: "Richmond Street" is
 * no Richmond, the "South China Sea" no China, Trent Bridge (a cricket
 * ground) no Trento.
 */
static const char *const match_street_heads[] = {
	"Street", "Avenue", "Road", "Boulevard", "Lane", "Drive", "Parkway", "Terrace",
	"Crescent", "Expressway", "Turnpike", "Freeway", "Highway", "Sea", "Ocean", "Strait",
	"Straits", "Channel", "Bridge",
};

/*
 * Rivers: the Columbia River is no Columbia, S.C., but the Connecticut
 * River does run through Connecticut: after a state's or a country's name
 * the river still speaks for the region.  (A town called "Fall River"
 * matches whole, before this.)
 */
static const char *const match_river_heads[] = {
	"River", "Creek",
};

/*
 * Generic first words of longer names: reached alone, "Moore" in "Fort
 * Moore" (an Army post the gazetteer does not hold) is part of that name.
 */
static const char *const match_name_starts[] = {
	"Fort", "Ft", "Camp", "Mount", "Mt", "Lake", "Port", "Cape", "Point", "Glen",
};

/* Verbs that open a clause after a team or a place: "beat Toronto, Minnesota won". */
static const char *const match_clause_verbs[] = {
	"won", "lost", "beat", "tied", "fell", "edged", "topped", "routed", "blanked", "swept",
	"defeated", "rallied", "held", "took", "scored", "drew", "played", "hosts", "visits",
	"wins", "loses", "beats", "leads", "led", "trails", "trailed", "blew", "stunned", "upset",
	"face", "faces", "meet", "meets", "host", "play", "plays", "travel", "travels", "visit",
	"draw", "draws",
};

/* Bodies named "X of <subject>": "Chamber of Commerce", "Department of Energy". */
static const char *const match_body_words[] = {
	"Chamber", "Chambers", "Department", "Dept", "Ministry", "Bureau", "Secretary",
	"Office", "Division", "Board", "Commission", "Committee", "Agency", "Minister",
	"Director", "Institute", "Academy", "School", "College", "Museum",
};

/* "Gulf of Mexico", "Bay of Bengal", "Strait of Hormuz": the water's name. */
static const char *const match_water_words[] = {
	"Gulf", "Sea", "Bay", "Strait", "Straits",
};

/*
 * Words that introduce people by their first names: "two sons, Jackson and
 * Tyler", "his daughter Savannah", "a dog named Austin".
 */
static const char *const match_kin_words[] = {
	"son", "sons", "daughter", "daughters", "wife", "husband", "brother",
	"brothers", "sister", "sisters", "children", "child", "grandson",
	"grandsons", "granddaughter", "granddaughters", "grandchildren", "mother",
	"father", "partner", "nephew", "niece", "cousin", "twins", "named",
	"dubbed", "baby", "girlfriend", "boyfriend", "fiancee", "fiance",
};

/*
 * Month and day names: capitalised, often after "in" or "on", and each the
 * name of some small town ("in August", "on Sunday").  Taken as places only
 * with strong support from the story.
 */
static const char *const match_calendar[] = {
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December", "Monday", "Tuesday",
	"Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	/* Seasons: "in Spring 2002" is a date, not Spring, Texas. */
	"Spring", "Summer", "Autumn", "Winter",
	/* Holidays: "Christmas trading", "a Christmas hit" were read fifteen
	 * times as Christmas, Fla. on BBC articles. */
	"Christmas", "Easter", "Thanksgiving", "Halloween", "Hogmanay",
};

/* Words after which a place usually stands. */
static const char *const match_slot_words[] = {
	"in", "from", "near", "to", "at", "into", "outside", "across", "toward",
	"towards", "around", "through", "via", "visit", "visited", "visiting", "left",
	"reached", "between", "of", "northern", "southern", "eastern", "western",
	"central", "northeastern", "northwestern", "southeastern", "southwestern",
};

/*
 * A common word that opens a sentence ("Reading the report", "Mobile
 * phones were", "Reading scores rose") is a place only when a verb of the
 * kind places take follows it directly ("Mobile is", "Reading has").
 */
static const char *const match_place_verbs[] = {
	"is", "was", "has", "had", "will", "would", "could", "can", "may", "might",
	"must", "should", "and", "or", "officials", "residents", "police", "voters",
	"city", "county", "council", "mayor", "leaders", "said", "says",
};

/*
 * Lower-case words that make a place of the name hyphened before them
 * ("a Seattle-based firm", "the Belfast-born actor").  A misspelling is
 * as common there as anywhere (one in eight of the misspelt names the
 * BBC corpus gives no reading to stood before "-based" or "-born").
 */
static const char *const match_place_compounds[] = {
	"based", "born", "bred", "raised", "headquartered", "bound", "registered", "listed",
};

static int in_list(const char *const *list, size_t n, const char *s, size_t len)
{
	size_t i;

	if (!len)
		return 0;
	/* Hot path (several lists per capitalised word): first byte first. */
	for (i = 0; i < n; i++)
		if (list[i][0] == s[0] && strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return 1;
	return 0;
}

int match_slot_word(const struct scan_doc *s, size_t t)
{
	return t < s->n_toks && (s->toks[t].flags & SCAN_WORD) &&
	       in_list(match_slot_words, sizeof match_slot_words / sizeof match_slot_words[0], s->text + s->toks[t].off,
		       s->toks[t].len);
}
#define IN_LIST(list, s, len) in_list(list, sizeof list / sizeof list[0], s, len)

/* The same, ignoring case: for datelines in capitals ("CAMP DAVID"). */
static int in_list_ci(const char *const *list, size_t n, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(list[i]) == len && strncasecmp(list[i], s, len) == 0)
			return 1;
	return 0;
}

int match_cand_is_region(const struct match_cand *c)
{
	return c->place.kind != DB_KIND_PLACE;
}

/* A set of strings (open addressing, capacity a power of two, strings in
 * the arena): asked for by every mention, so a list would cost mentions
 * times members. */
struct kset {
	const char **v;
	size_t n, cap;
};

struct mstate {
	struct db *db;
	const struct scan_doc *s;
	struct arena *a;
	struct match_result *out;
	size_t cap;
	size_t cap_unk;
	struct buf key;
	struct db_hit hits[64];
	/* Surnames of people named in full so far ("Sarah Tremblay"): a later
	 * "Tremblay said" is the same person (keys in the arena). */
	size_t dateline_tok;            /* first dateline token (n_toks: none), once known */
	int dateline_known;
	struct kset surnames;
	/* Words written in capitals, 3 to ACRONYM_MAX_LETTERS letters
	 * ("USDA", "NYPD"), anywhere in the document: the abbreviations the
	 * writer uses (see acronym_covers). */
	struct kset acronyms;
	/*
	 * The last candidate array made for each key, so that mentions of one
	 * name share one array: "Richmond." written 300,000 times held 24
	 * place rows per mention, 3.4 GB.  Open addressing, power-of-two size.
	 */
	struct mshare { const char *key; struct match_cand *cands; size_t n; } *share;
	size_t n_share, cap_share;
};

static size_t kset_hash(const char *k)
{
	size_t h = 2166136261u;

	for (; *k; k++)
		h = (h ^ (unsigned char)*k) * 16777619u;
	return h;
}

/* Add KEY (copied into A) to the set KS. */
static void kset_add(struct kset *ks, struct arena *a, const char *key)
{
	size_t h, i;

	if (ks->n * 2 + 2 > ks->cap) {
		size_t ncap = ks->cap ? ks->cap * 2 : 16;
		const char **ns = arena_calloc(a, ncap, sizeof *ns);
		for (i = 0; i < ks->cap; i++) {
			if (!ks->v[i])
				continue;
			h = kset_hash(ks->v[i]) & (ncap - 1);
			while (ns[h])
				h = (h + 1) & (ncap - 1);
			ns[h] = ks->v[i];
		}
		ks->v = ns;
		ks->cap = ncap;
	}
	h = kset_hash(key) & (ks->cap - 1);
	while (ks->v[h]) {
		if (strcmp(ks->v[h], key) == 0)
			return;
		h = (h + 1) & (ks->cap - 1);
	}
	ks->v[h] = arena_strdup(a, key);
	ks->n++;
}

static int kset_has(const struct kset *ks, const char *key)
{
	size_t h;

	if (!ks->cap)
		return 0;
	h = kset_hash(key) & (ks->cap - 1);
	while (ks->v[h]) {
		if (strcmp(ks->v[h], key) == 0)
			return 1;
		h = (h + 1) & (ks->cap - 1);
	}
	return 0;
}

static const struct scan_tok *tok(const struct mstate *m, size_t t)
{
	return &m->s->toks[t];
}

static int is_connector(const struct mstate *m, size_t t)
{
	const struct scan_tok *k = tok(m, t);

	return (k->flags & SCAN_WORD) && !(k->flags & SCAN_CAP) &&
	       IN_LIST(match_connectors, m->s->text + k->off, k->len);
}

/*
 * Words for a kind of region that the gazetteer writes as part of some
 * regions' names ("Mashonaland East Province", "Midlands Province") and
 * news copy in lower case after the name ("in Mashonaland East
 * province"): a span may run on over one when a longer name goes on
 * (GeoVirus dev: Zimbabwe's provinces missed three times).
 */
static const char *const match_region_suffixes[] = {
	"province", "state", "region", "county", "district", "governorate", "prefecture", "oblast",
};

static int is_region_suffix(const struct mstate *m, size_t t)
{
	const struct scan_tok *k = tok(m, t);

	return (k->flags & SCAN_WORD) && !(k->flags & SCAN_CAP) &&
	       IN_LIST(match_region_suffixes, m->s->text + k->off, k->len);
}

/*
 * The generic words that end the names of seas, oceans, valleys and
 * deltas (geodata/extra/waters.tsv), which copy writes in lower case as
 * often as not: "the Indian ocean", "the Caspian sea", "the Swat valley".
 * A span runs on over one, whatever its first words are: "Indian" alone
 * is a demonym, and "in the Indian ocean" in a story about Indonesia was
 * read as Indian for Indonesian.  (Only a name the gazetteer has is
 * matched: the span's shorter ends stay candidates.)
 */
static const char *const match_water_suffixes[] = { "ocean", "sea", "valley", "delta" };

static int is_water_suffix(const struct mstate *m, size_t t)
{
	const struct scan_tok *k = tok(m, t);

	return (k->flags & SCAN_WORD) && !(k->flags & SCAN_CAP) &&
	       IN_LIST(match_water_suffixes, m->s->text + k->off, k->len);
}

/* Is every word of tokens [T0, T1] a dictionary word?  After such a
 * name a region word is a description ("the Eastern province of Prince
 * Edward Island"), not the end of another place's name (Saudi Arabia's
 * Eastern Province). */
static int lex_flags_of(struct mstate *m, size_t t);
static int all_common_words(struct mstate *m, size_t t0, size_t t1)
{
	size_t w;

	for (w = t0; w <= t1; w++)
		if ((tok(m, w)->flags & SCAN_WORD) && !(lex_flags_of(m, w) & DB_LEX_WORD))
			return 0;
	return 1;
}

static int is_capword(const struct mstate *m, size_t t)
{
	return t < m->s->n_toks && (tok(m, t)->flags & SCAN_WORD) && (tok(m, t)->flags & SCAN_CAP);
}

/* Prepositions that open a sentence ("In Wellington, glass fell"): their
 * capital is the sentence's, and they name no place. */
static const char *const match_opening_preps[] = {
	"in", "at", "from", "near", "to", "into", "outside", "across", "toward", "towards",
	"around", "through", "via", "between", "of", "on", "for", "after", "before", "since",
	"during", "by", "with", "inside", "throughout", "beyond", "like", "unlike",
};

static int opening_prep(const struct mstate *m, size_t t)
{
	return t < m->s->n_toks && (tok(m, t)->flags & SCAN_SENT_START) && (tok(m, t)->flags & SCAN_WORD) &&
	       in_list_ci(match_opening_preps, sizeof match_opening_preps / sizeof match_opening_preps[0],
			  m->s->text + tok(m, t)->off, tok(m, t)->len);
}

/* Does a word after which a place stands come right before token T: "in",
 * "from", or one opening the sentence ("In Wellington, glass fell")? */
static int slot_before(const struct mstate *m, size_t t)
{
	const struct scan_tok *p;

	if (t == 0 || !((p = tok(m, t - 1))->flags & SCAN_WORD))
		return 0;
	return IN_LIST(match_slot_words, m->s->text + p->off, p->len) ||
	       ((p->flags & SCAN_SENT_START) &&
		in_list_ci(match_slot_words, sizeof match_slot_words / sizeof match_slot_words[0], m->s->text + p->off,
			   p->len));
}

/* Units of a road distance ("Hawick 11 miles", "Naas 12 km"). */
static const char *const match_distance_units[] = {
	"mile", "miles", "mi", "km", "kms", "kilometres", "kilometers",
};

/*
 * Does a road distance follow the name ending before token T: a number, a
 * decimal part maybe, then a unit ("Hawick 11 miles", "Naas 19.5 km")?  A
 * road sign, a route or a table of distances: the name is a place's.
 */
static int distance_after(const struct mstate *m, size_t t)
{
	const struct scan_doc *s = m->s;

	if (t >= s->n_toks || !(tok(m, t)->flags & SCAN_NUMBER) || tok(m, t)->sent != tok(m, t - 1)->sent)
		return 0;
	t++;
	if (t + 1 < s->n_toks && scan_is_punct(s, t, '.') && (tok(m, t + 1)->flags & SCAN_NUMBER) &&
	    !(tok(m, t + 1)->flags & SCAN_SPACE_BEFORE))
		t += 2;
	return t < s->n_toks && (tok(m, t)->flags & SCAN_WORD) &&
	       in_list_ci(match_distance_units, sizeof match_distance_units / sizeof match_distance_units[0],
			  s->text + tok(m, t)->off, tok(m, t)->len);
}

/* Is the word at token T a capitalised word behind an elided article,
 * "d'Ivoire" in "Côte d'Ivoire", "l'Aquila": it continues a name as a
 * capitalised word does. */
static int is_elided_capword(const struct mstate *m, size_t t)
{
	const struct scan_tok *k;
	const char *w;

	if (t >= m->s->n_toks || !(tok(m, t)->flags & SCAN_WORD) || (tok(m, t)->flags & SCAN_CAP))
		return 0;
	k = tok(m, t);
	w = m->s->text + k->off;
	if (k->len < 3 || (w[0] != 'd' && w[0] != 'l'))
		return 0;
	if (w[1] == '\'')
		return isupper((unsigned char)w[2]);
	/* U+2019, the typographic apostrophe: E2 80 99 */
	return k->len > 5 && (unsigned char)w[1] == 0xE2 && (unsigned char)w[2] == 0x80 &&
	       (unsigned char)w[3] == 0x99 && isupper((unsigned char)w[4]);
}

/* Is token T an en dash (U+2013: E2 80 93)? */
static int is_en_dash(const struct mstate *m, size_t t)
{
	const struct scan_tok *k = tok(m, t);
	const unsigned char *w = (const unsigned char *)m->s->text + k->off;

	return (k->flags & SCAN_PUNCT) && k->len == 3 && w[0] == 0xE2 && w[1] == 0x80 && w[2] == 0x93;
}

/*
 * The token after the span ending at token T (exclusive) that may continue
 * a name: a word after white space, a word after a tight hyphen
 * ("Miami-Dade"), or after the period of "St." / "Ft." / "Mt.".  Returns
 * the index of that word, or (size_t)-1.
 */
static size_t next_name_tok(const struct mstate *m, size_t t)
{
	const struct scan_doc *s = m->s;

	if (t >= s->n_toks)
		return (size_t)-1;
	if (tok(m, t)->flags & SCAN_WORD) {
		if (tok(m, t)->sent != tok(m, t - 1)->sent && !(tok(m, t - 1)->flags & SCAN_DOT_AFTER))
			return (size_t)-1;
		return (tok(m, t)->flags & SCAN_SPACE_BEFORE) && !(tok(m, t)->flags & SCAN_PARA_START) &&
				       !(tok(m, t - 1)->flags & SCAN_POSS)
			       ? t
			       : (size_t)-1;
	}
	/* Tight hyphen between two words. */
	if (scan_is_punct(s, t, '-') && !(tok(m, t)->flags & SCAN_SPACE_BEFORE) && t + 1 < s->n_toks &&
	    (tok(m, t + 1)->flags & SCAN_WORD) && !(tok(m, t + 1)->flags & SCAN_SPACE_BEFORE))
		return t + 1;
	/* The period of an abbreviated place word. */
	if (scan_is_punct(s, t, '.') && t + 1 < s->n_toks && (tok(m, t + 1)->flags & SCAN_WORD)) {
		const struct scan_tok *p = tok(m, t - 1);
		const char *w = s->text + p->off;
		/* "St." and, in a dateline's capitals, "ST." */
		if (p->len == 2 && (w[0] == 'S' || w[0] == 'F' || w[0] == 'M') && (w[1] == 't' || w[1] == 'T'))
			return t + 1;
		if (p->len == 3 && (memcmp(w, "Ste", 3) == 0 || memcmp(w, "STE", 3) == 0))
			return t + 1;
	}
	return (size_t)-1;
}

/*
 * Does an organisation's or a feature's head follow the span ending at
 * token T1: right after it, or after up to MATCH_ORG_REACH capitalised
 * words (and "of", "for", "&") of one name in the same sentence?
 */
static int org_after(const struct mstate *m, size_t t1)
{
	const struct scan_doc *s = m->s;
	size_t t = t1 + 1, n = 0;

	if (tok(m, t1)->flags & SCAN_POSS)
		return 0;

	while (t < s->n_toks && n <= MATCH_ORG_REACH && (tok(m, t)->flags & SCAN_WORD) &&
	       (tok(m, t)->flags & SCAN_SPACE_BEFORE) && tok(m, t)->sent == tok(m, t1)->sent) {
		const struct scan_tok *k = tok(m, t);
		const char *w = s->text + k->off;
		if (k->flags & SCAN_CAP) {
			if (IN_LIST(match_org_heads, w, k->len) || IN_LIST(match_feature_heads, w, k->len))
				return 1;
			/* A place right after the place is a list or a qualifier. */
			n++;
		} else if (!(scan_is_word(s, t, "of") || scan_is_word(s, t, "for"))) {
			return 0;
		}
		t++;
	}
	return 0;
}

/*
 * An organisation's name that a place's name opens, abbreviated with the
 * place's initials: "the United States Department of Agriculture" with
 * "USDA" in the story, "the New York Police Department" with "NYPD".  The
 * writer treats the whole as one name, the place a word of it; where the
 * abbreviation leaves the place out ("the U.S. Food and Drug
 * Administration (FDA)", "the California Department of Public Health")
 * the place stays the body's jurisdiction, a place of the story.
 * (GeoVirus dev: its six "United States Department of Agriculture"
 * written with "USDA" are unlabelled, one "Orange County Sanitation
 * District" written with "OCSD" is labelled; tagging precision 0.960 ->
 * 0.963, recall 0.929 either way.)
 */
#define ACRONYM_MIN_LETTERS 3 /* "USDA", "NYPD", "IDNR"; two letters are too often a place's own ("US") */
#define ACRONYM_MAX_LETTERS 8 /* longer runs of capitals are shouting, not abbreviations */
/* Letters of the abbreviation from the words after the place: "U.S. Army"
 * is no "USA", the country's own short name. */
#define ACRONYM_MIN_BODY_LETTERS 2

/* Append the initials of word token T to INI (of length *N, at most
 * ACRONYM_MAX_LETTERS): every letter of a dotted or all-capital word ("U.S.",
 * "UK"), else its first letter.  0 when a letter is not ASCII or INI is
 * full. */
static int add_initials(const struct mstate *m, size_t t, char *ini, size_t *n)
{
	const struct scan_tok *k = tok(m, t);
	const char *w = m->s->text + k->off;
	size_t i;

	if (k->flags & (SCAN_DOTTED | SCAN_ALLCAPS)) {
		for (i = 0; i < k->len; i++) {
			if (w[i] == '.')
				continue;
			if (!isupper((unsigned char)w[i]) || *n >= ACRONYM_MAX_LETTERS)
				return 0;
			ini[(*n)++] = w[i];
		}
		return 1;
	}
	if (!isupper((unsigned char)w[0]) || *n >= ACRONYM_MAX_LETTERS)
		return 0;
	ini[(*n)++] = w[0];
	return 1;
}

/* Does the span [T0, T1] open a longer name whose initials the document
 * writes in capitals (see above)? */
static int acronym_covers(const struct mstate *m, size_t t0, size_t t1)
{
	const struct scan_doc *s = m->s;
	char ini[ACRONYM_MAX_LETTERS + 1];
	size_t n = 0, body = 0, t;

	if (!m->acronyms.n || (tok(m, t1)->flags & SCAN_POSS))
		return 0;
	for (t = t0; t <= t1; t++)
		if ((tok(m, t)->flags & SCAN_WORD) && (tok(m, t)->flags & SCAN_CAP) && !add_initials(m, t, ini, &n))
			return 0;
	for (t = t1 + 1; t < s->n_toks && (tok(m, t)->flags & SCAN_SPACE_BEFORE) &&
			 tok(m, t)->sent == tok(m, t1)->sent;
	     t++) {
		if (scan_is_word(s, t, "of") || scan_is_word(s, t, "for") || scan_is_word(s, t, "and") ||
		    scan_is_punct(s, t, '&'))
			continue;
		if (!is_capword(m, t) || !add_initials(m, t, ini, &n))
			return 0;
		body++;
		ini[n] = '\0';
		if (body >= ACRONYM_MIN_BODY_LETTERS && n >= ACRONYM_MIN_LETTERS && kset_has(&m->acronyms, ini))
			return 1;
		if (tok(m, t)->flags & SCAN_POSS)
			return 0;
	}
	return 0;
}

/* Collect the document's words in capitals into m->acronyms. */
static void collect_acronyms(struct mstate *m)
{
	const struct scan_doc *s = m->s;
	char w[ACRONYM_MAX_LETTERS + 1];
	size_t t;

	for (t = 0; t < s->n_toks; t++) {
		const struct scan_tok *k = tok(m, t);
		if ((k->flags & (SCAN_WORD | SCAN_ALLCAPS)) != (SCAN_WORD | SCAN_ALLCAPS) ||
		    k->len < ACRONYM_MIN_LETTERS || k->len > ACRONYM_MAX_LETTERS)
			continue;
		memcpy(w, s->text + k->off, k->len);
		w[k->len] = '\0';
		kset_add(&m->acronyms, m->a, w);
	}
}

/*
 * Does the span starting at T0 end an organisation's name: one that opens
 * with a head and "of" ("the University of California", "the Bank of
 * Ireland"), or a head right before it ("the Financial Times Deutschland")?
 */
static int org_before(const struct mstate *m, size_t t0)
{
	const struct scan_doc *s = m->s;
	size_t h;

	/* "the Financial Times Deutschland", "Bank Austria": a place name
	 * right after an organisation's head ends that organisation's name. */
	if (t0 >= 1 && (tok(m, t0 - 1)->flags & SCAN_CAP) && (tok(m, t0)->flags & SCAN_SPACE_BEFORE) &&
	    tok(m, t0 - 1)->sent == tok(m, t0)->sent &&
	    IN_LIST(match_org_heads, s->text + tok(m, t0 - 1)->off, tok(m, t0 - 1)->len))
		return 1;
	h = t0;
	/* "the University of Southern Indiana": a direction word between
	 * "of" and the place belongs to the organisation's name too. */
	if (h >= 1 && (tok(m, h - 1)->flags & SCAN_CAP) && (tok(m, h)->flags & SCAN_SPACE_BEFORE) &&
	    in_list_ci(match_direction_words, sizeof match_direction_words / sizeof match_direction_words[0],
		       s->text + tok(m, h - 1)->off, tok(m, h - 1)->len))
		h--;
	if (h < 2 || !scan_is_word(s, h - 1, "of"))
		return 0;
	h -= 2;
	/* "the Peanut Corp. of America": the head abbreviated. */
	if (h >= 1 && scan_is_punct(s, h, '.') && !(tok(m, h)->flags & SCAN_SPACE_BEFORE))
		h--;
	return tok(m, h)->sent == tok(m, t0)->sent && (tok(m, h)->flags & SCAN_CAP) &&
	       IN_LIST(match_org_heads, s->text + tok(m, h)->off, tok(m, h)->len) &&
	       !IN_LIST(match_name_closers, s->text + tok(m, h)->off, tok(m, h)->len);
}

/* Is token T the contraction HEAD'TAIL ("I'm"), with a straight or a
 * curly apostrophe (the scanner keeps either inside a word)? */
static int contraction(const struct mstate *m, size_t t, const char *head, const char *tail)
{
	static const char curly[] = "\xe2\x80\x99"; /* U+2019 */
	const struct scan_tok *k = tok(m, t);
	const char *w = m->s->text + k->off;
	size_t h = strlen(head), n = strlen(tail), a;

	if (!(k->flags & SCAN_WORD) || k->len <= h + n || strncasecmp(w, head, h) != 0 ||
	    strncasecmp(w + k->len - n, tail, n) != 0)
		return 0;
	a = k->len - h - n;
	return (a == 1 && w[h] == '\'') || (a == sizeof curly - 1 && memcmp(w + h, curly, a) == 0);
}

/*
 * Inside a quotation, do the words before T0 (sentence SENT) say the
 * speaker is in the place: "I'm in X", "we are in X", "(my|our|this)
 * [first|official|state] visit to X", "long live X", "welcome to X",
 * "with you in X", "among you in X"?
 * Not "the people of X": solidarity with another country's people ("we
 * stand with the people of Ukraine", said in Warsaw) is as common as a
 * toast to the host's.
 */
static int host_address(const struct mstate *m, size_t t0, unsigned sent)
{
	static const char *const visit_kinds[] = { "first", "official", "state", "historic" };
	static const char *const visit_owners[] = { "my", "our", "this" };
	const struct scan_doc *s = m->s;
	size_t t = t0, o, i;

#define SAME_SENT(k) (tok(m, (k))->sent == sent)
	/* "I'm in X", "we're in X", "I am in X", "we are in X" */
	if (t >= 2 && scan_is_word(s, t - 1, "in") && SAME_SENT(t - 2) &&
	    (contraction(m, t - 2, "I", "m") || contraction(m, t - 2, "we", "re") ||
	     (t >= 3 && SAME_SENT(t - 3) &&
	      ((scan_is_word(s, t - 2, "am") && scan_is_word(s, t - 3, "I")) ||
	       (scan_is_word(s, t - 2, "are") && scan_is_word(s, t - 3, "we"))))))
		return 1;
	/* (Not "viva X": fans chant "Viva Mexico!" far from Mexico.) */
	if (t >= 2 && SAME_SENT(t - 2) && scan_is_word(s, t - 1, "live") && scan_is_word(s, t - 2, "long"))
		return 1;
	/* "(to be) with you in X", "among you in X", "with you all in X":
	 * the speaker addresses the people where they stand.  Not "we stand
	 * with you in X": solidarity, as with "the people of X". */
	if (t >= 3 && scan_is_word(s, t - 1, "in") && SAME_SENT(t - 3)) {
		o = scan_is_word(s, t - 2, "all") ? t - 3 : t - 2;
		if (o >= 1 && SAME_SENT(o - 1) && scan_is_word(s, o, "you") &&
		    (scan_is_word(s, o - 1, "with") || scan_is_word(s, o - 1, "among")) &&
		    !(o >= 2 && (scan_is_word(s, o - 2, "stand") || scan_is_word(s, o - 2, "stands") ||
				 scan_is_word(s, o - 2, "stood") || scan_is_word(s, o - 2, "standing"))))
			return 1;
	}
	/* "Welcome to X": the host speaks from X. */
	if (t >= 2 && SAME_SENT(t - 2) && scan_is_word(s, t - 1, "to") && scan_is_word(s, t - 2, "welcome"))
		return 1;
	if (t >= 3 && scan_is_word(s, t - 1, "to") && scan_is_word(s, t - 2, "visit")) {
		o = t - 3;
		for (i = 0; i < sizeof visit_kinds / sizeof visit_kinds[0]; i++)
			if (scan_is_word(s, o, visit_kinds[i]) && o > 0) {
				o--;
				break;
			}
		for (i = 0; i < sizeof visit_owners / sizeof visit_owners[0]; i++)
			if (scan_is_word(s, o, visit_owners[i]) && SAME_SENT(o))
				return 1;
	}
#undef SAME_SENT
	return 0;
}

/* Is token T a modal verb ("will", "would", "I'll")?  "I will be in X"
 * says where the speaker is going, not where they stand ("great to be in
 * X"). */
static int modal_word(const struct mstate *m, size_t t)
{
	static const char *const modals[] = { "will", "would", "shall", "should", "could", "might", "may", "must",
					      "won't", "wouldn't", "cannot", "can't" };
	const struct scan_tok *k = tok(m, t);

	return (k->flags & SCAN_WORD) &&
	       (in_list_ci(modals, sizeof modals / sizeof modals[0], m->s->text + k->off, k->len) ||
		contraction(m, t, "I", "ll") || contraction(m, t, "we", "ll") || contraction(m, t, "you", "ll") ||
		contraction(m, t, "he", "ll") || contraction(m, t, "she", "ll") || contraction(m, t, "they", "ll"));
}

/*
 * Does the span at T0 name where the speaker stands: "here in X", "here
 * in the state of X", "back in X", "great to be in X", or, inside a
 * quotation, a greeting or thanks to the crowd ("Thank you, X!", "Hello
 * X", "Are you ready, X?")?  Looks back over at most a few words of the
 * sentence.
 */
static int here_before(const struct mstate *m, size_t t0, size_t t1)
{
	static const char *const greetings[] = {
		"hello", "hi", "hey", "evening", "morning", "night", "goodnight", "thanks",
		"welcome", "love",
	};
	const struct scan_doc *s = m->s;
	size_t t = t0;
	unsigned sent = tok(m, t0)->sent;

	/* "here in the state of X", "here in the city of X" */
	if (t >= 4 && scan_is_word(s, t - 1, "of") && (scan_is_word(s, t - 2, "state") || scan_is_word(s, t - 2, "city")) &&
	    scan_is_word(s, t - 3, "the"))
		t -= 3;
	if (t >= 2 && scan_is_word(s, t - 1, "in") && tok(m, t - 2)->sent == sent &&
	    (scan_is_word(s, t - 2, "here") || scan_is_word(s, t - 2, "back") ||
	     (scan_is_word(s, t - 2, "be") && !(t >= 3 && tok(m, t - 3)->sent == sent && modal_word(m, t - 3)))))
		return 1;
	if (!(tok(m, t0)->flags & SCAN_QUOTED))
		return 0;
	/* Inside a quotation, the speaker saying where they are: "I'm in
	 * X", "my first visit to X", "welcome to X". */
	if (host_address(m, t0, sent))
		return 1;
	/* a call to the crowd: ", X!" ", X?" ", X." closing what is said
	 * ("What's up, London!", "Thank you very much, Chile!") */
	if (t0 >= 1 && scan_is_punct(s, t0 - 1, ',') && t1 + 1 < s->n_toks &&
	    (scan_is_punct(s, t1 + 1, '!') || scan_is_punct(s, t1 + 1, '?') || scan_is_punct(s, t1 + 1, '.')) &&
	    (t1 + 2 >= s->n_toks || !(tok(m, t1 + 2)->flags & SCAN_QUOTED) || tok(m, t1 + 2)->sent != sent ||
	     !(tok(m, t1 + 2)->flags & SCAN_WORD)))
		return 1;
	/* a greeting, with or without a comma: "Thank you, X", "Hello X" */
	t = t0;
	if (t >= 1 && scan_is_punct(s, t - 1, ','))
		t--;
	if (t >= 1 && tok(m, t - 1)->sent == sent && (tok(m, t - 1)->flags & SCAN_WORD)) {
		const struct scan_tok *k = tok(m, t - 1);
		size_t i;
		for (i = 0; i < sizeof greetings / sizeof greetings[0]; i++)
			if (strlen(greetings[i]) == k->len && strncasecmp(greetings[i], s->text + k->off, k->len) == 0)
				return 1;
		/* "Thank you, X", "We love you, X", "Are you ready, X" */
		if (scan_is_word(s, t - 1, "you") || scan_is_word(s, t - 1, "ready"))
			return 1;
		/* "What's up X?", with or without its comma (the scanner
		 * reads "What's" as "What" with its 's consumed) */
		if (scan_is_word(s, t - 1, "up") && t >= 2 && tok(m, t - 2)->sent == sent &&
		    ((scan_is_word(s, t - 2, "what") && (tok(m, t - 2)->flags & SCAN_POSS)) ||
		     contraction(m, t - 2, "what", "s") || scan_is_word(s, t - 2, "whats")))
			return 1;
	}
	return 0;
}

/* Does the span [T0, T1] name a pathogen ("Reston virus", "Salmonella
 * Litchfield")? */
static int pathogen_name(const struct mstate *m, size_t t0, size_t t1)
{
	const struct scan_doc *s = m->s;
	size_t t = t1 + 1;

	/* "Ebola Reston strain virus": the head may follow another word */
	if (t < s->n_toks && (tok(m, t)->flags & SCAN_WORD) && is_capword(m, t))
		t++;
	if (t < s->n_toks && (tok(m, t)->flags & SCAN_WORD) &&
	    IN_LIST(match_pathogen_after, s->text + tok(m, t)->off, tok(m, t)->len))
		return 1;
	return t0 >= 1 && is_capword(m, t0 - 1) &&
	       IN_LIST(match_pathogen_before, s->text + tok(m, t0 - 1)->off, tok(m, t0 - 1)->len);
}

/*
 * Is the span [T0, T1] something written in capitals or with dots that no
 * place is called so: an acronym ("NGO", "ALMA") or a dotted abbreviation
 * ("U.N.") matched to a town's name?  Abbreviations of regions
 * (MATCH_REGION_ABBR) are read before this.
 */
static int code_not_place(const struct mstate *m, size_t t0, size_t t1)
{
	const struct scan_tok *k = tok(m, t0);

	if (t0 != t1 || (k->flags & SCAN_DATELINE) || (k->flags & SCAN_HEADLINE))
		return 0;
	return (k->flags & SCAN_DOTTED) || ((k->flags & SCAN_ALLCAPS) && k->len <= 4);
}

/* Is the span [T0, T1] a currency's code: "US$460", "$US 1.5 billion"? */
static int currency_code(const struct mstate *m, size_t t0, size_t t1)
{
	const struct scan_doc *s = m->s;

	return (t1 + 1 < s->n_toks && scan_is_punct(s, t1 + 1, '$') && !(tok(m, t1 + 1)->flags & SCAN_SPACE_BEFORE)) ||
	       (t0 >= 1 && scan_is_punct(s, t0 - 1, '$') && !(tok(m, t0)->flags & SCAN_SPACE_BEFORE));
}

/*
 * Is the span [T0, T1] a field of a designation written with slashes and
 * no spaces: an influenza strain ("A/California/7/2009"), a path?  It
 * names where a virus was isolated years ago, not a place of the story.
 */
static int slash_field(const struct mstate *m, size_t t0, size_t t1)
{
	const struct scan_doc *s = m->s;

	return t0 >= 1 && t1 + 1 < s->n_toks && scan_is_punct(s, t0 - 1, '/') && scan_is_punct(s, t1 + 1, '/') &&
	       !(tok(m, t0)->flags & SCAN_SPACE_BEFORE) && !(tok(m, t1 + 1)->flags & SCAN_SPACE_BEFORE);
}

/* Is one of HITS another language's name of its place ("Moskau")? */
static int any_foreign(const struct db_hit *hits, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (hits[i].foreign)
			return 1;
	return 0;
}

/* Is one of HITS a short form or abbreviation ("US", "UK", "UAE")? */
static int any_short_name(const struct db_hit *hits, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (hits[i].name_kind == DB_NAME_SHORT || hits[i].name_kind == DB_NAME_ABBREV)
			return 1;
	return 0;
}

/* Key of the text from token T0 to the end of token T1 (inclusive) into m->key. */
static enum pc_rc span_key(struct mstate *m, size_t t0, size_t t1)
{
	size_t off = tok(m, t0)->off, end = tok(m, t1)->off + tok(m, t1)->len;

	buf_reset(&m->key);
	return db_key(m->s->text + off, end - off, &m->key);
}

static int lex_flags_of(struct mstate *m, size_t t)
{
	const struct scan_tok *k = tok(m, t);
	struct buf b;
	int f = 0;

	buf_init(&b, 256);
	if (db_key(m->s->text + k->off, k->len, &b) == PC_OK && b.len)
		f = db_lexicon_flags(m->db, buf_str(&b));
	buf_free(&b);
	return f;
}

/* Is the abbreviation reading acceptable where it stands? */
/* Dotted region abbreviations that are also a company's legal suffix:
 * "Banco de Sabadell, S.A. said" names a firm, not a town in South
 * Africa or South Australia.  Outside a dateline such a form qualifies
 * only where the qualifier closes there (a comma, a bracket, the end of
 * the sentence: "from Port Augusta, S.A., and ..."), as a firm's suffix
 * seldom does before its verb. */
static const char *const corp_suffix_forms[] = { "S.A.", "N.V.", "A.G.", "B.V.", "S.L." };

static int is_corp_suffix_form(const char *form)
{
	size_t i;

	for (i = 0; i < sizeof corp_suffix_forms / sizeof corp_suffix_forms[0]; i++)
		if (strcmp(form, corp_suffix_forms[i]) == 0)
			return 1;
	return 0;
}

/* Does the text close right after token T ("S.A., and", "S.A.)", the
 * sentence's end)? */
static int closes_after(const struct mstate *m, size_t t)
{
	const struct scan_doc *s = m->s;

	return t + 1 >= s->n_toks || scan_is_punct(s, t + 1, ',') || scan_is_punct(s, t + 1, ';') ||
	       scan_is_punct(s, t + 1, ')') || tok(m, t + 1)->sent != tok(m, t)->sent;
}

static int abbrev_ok(const struct mstate *m, size_t t0, size_t t1, const char *form)
{
	const struct scan_doc *s = m->s;
	const struct scan_tok *k = tok(m, t0);
	size_t flen = strlen(form);
	int dotted_form = memchr(form, '.', flen) != NULL;
	int after_comma = t0 > 0 && (scan_is_punct(s, t0 - 1, ',') || scan_is_punct(s, t0 - 1, '(') ||
				     (scan_is_punct(s, t0 - 1, '-') && !(k->flags & SCAN_SPACE_BEFORE)));
	size_t end = tok(m, t1)->off + tok(m, t1)->len;
	const char *w = s->text + k->off;
	size_t wl = end - k->off;

	if (dotted_form) {
		/* "Va." = "Va" followed by its period, or a dotted token "N.C.". */
		if (k->flags & SCAN_DOTTED) {
			if (wl != flen || memcmp(w, form, flen) != 0)
				return 0;
		} else {
			if (!(tok(m, t1)->flags & SCAN_DOT_AFTER) || wl + 1 != flen ||
			    memcmp(w, form, wl) != 0)
				return 0;
		}
		if (k->flags & SCAN_DATELINE)
			return 1;
		return after_comma && (!is_corp_suffix_form(form) || closes_after(m, t1));
	}
	/* Postal code "VA": exact case, after a comma, or before a ZIP code.
	 * A longer one ("NSW", "QLD") is written for the state anywhere. */
	if (wl != flen || memcmp(w, form, flen) != 0)
		return 0;
	if (after_comma || flen >= 3)
		return 1;
	if (t1 + 1 < s->n_toks && (tok(m, t1 + 1)->flags & SCAN_NUMBER) && tok(m, t1 + 1)->len == 5)
		return 1;
	return 0;
}

static size_t share_hash(const char *k)
{
	size_t h = 5381;

	for (; *k; k++)
		h = h * 33 + (unsigned char)*k;
	return h;
}

/* Do candidates C[0..N) hold exactly the readings HITS[0..N)? */
static int same_cands(const struct match_cand *c, const struct db_hit *hits, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (c[i].place.id != hits[i].place.id || c[i].name_kind != hits[i].name_kind ||
		    c[i].foreign != hits[i].foreign || strcmp(c[i].form, hits[i].form) != 0)
			return 0;
	return 1;
}

/*
 * The candidate array for KEY holding HITS[0..N): the one made for an
 * earlier mention of the key when it holds the same readings, else a new
 * one (which later mentions may share).  Shared arrays are read-only:
 * cands_own() copies one before a mention changes it.
 */
static struct match_cand *shared_cands(struct mstate *m, const char *key, const struct db_hit *hits, size_t n)
{
	struct match_cand *c;
	size_t h, i;

	if (m->n_share * 2 + 2 > m->cap_share) {
		size_t ncap = m->cap_share ? m->cap_share * 2 : 256;
		struct mshare *ns = arena_calloc(m->a, ncap, sizeof *ns);
		for (i = 0; i < m->cap_share; i++) {
			if (!m->share[i].key)
				continue;
			h = share_hash(m->share[i].key) & (ncap - 1);
			while (ns[h].key)
				h = (h + 1) & (ncap - 1);
			ns[h] = m->share[i];
		}
		m->share = ns;
		m->cap_share = ncap;
	}
	h = share_hash(key) & (m->cap_share - 1);
	while (m->share[h].key && strcmp(m->share[h].key, key) != 0)
		h = (h + 1) & (m->cap_share - 1);
	if (m->share[h].key && m->share[h].n == n && same_cands(m->share[h].cands, hits, n))
		return m->share[h].cands;
	c = arena_alloc(m->a, (n ? n : 1) * sizeof *c);
	for (i = 0; i < n; i++) {
		c[i].place = hits[i].place;
		c[i].name_kind = hits[i].name_kind;
		c[i].foreign = hits[i].foreign;
		c[i].form = arena_strdup(m->a, hits[i].form);
	}
	if (!m->share[h].key) {
		m->share[h].key = key;
		m->n_share++;
	}
	m->share[h].cands = c;
	m->share[h].n = n;
	return c;
}

/* Give mention MN a candidate array of its own, to change it. */
static void cands_own(struct mstate *m, struct mention *mn)
{
	struct match_cand *c = arena_alloc(m->a, (mn->n_cands ? mn->n_cands : 1) * sizeof *c);

	memcpy(c, mn->cands, mn->n_cands * sizeof *c);
	mn->cands = c;
}

static enum pc_rc push_mention(struct mstate *m, size_t t0, size_t t1, const char *key,
			       struct db_hit *hits, size_t n_hits, unsigned flags)
{
	struct match_result *o = m->out;
	struct mention *mn;
	size_t off = tok(m, t0)->off, end = tok(m, t1)->off + tok(m, t1)->len;

	if (o->n == m->cap) {
		size_t ncap = m->cap ? m->cap * 2 : 64;
		o->m = arena_grow(m->a, o->m, m->cap, ncap, sizeof *o->m);
		m->cap = ncap;
	}
	mn = &o->m[o->n++];
	memset(mn, 0, sizeof *mn);
	mn->tok_start = t0;
	mn->tok_end = t1 + 1;
	mn->off = off;
	mn->len = end - off;
	/* A dotted abbreviation's surface keeps its period: "Va." */
	if ((flags & MATCH_REGION_ABBR) && (tok(m, t1)->flags & SCAN_DOT_AFTER))
		mn->len++;
	mn->surface = arena_strndup(m->a, m->s->text + off, mn->len);
	mn->key = arena_strdup(m->a, key);
	mn->flags = flags;
	mn->qualifier = mn->qualified = -1;
	if (n_hits > MATCH_MAX_CANDS)
		n_hits = MATCH_MAX_CANDS;
	mn->cands = shared_cands(m, mn->key, hits, n_hits);
	mn->n_cands = n_hits;
	return PC_OK;
}

/*
 * Keep the usable hits of a span: abbreviations only where they may stand,
 * demonyms only as demonyms.  Returns the new count and ORs flags into *FL.
 */
/* The shortest alternate name of a town read as the town (filter_hits). */
#define ALT_NAME_MIN_LETTERS 3
static size_t filter_hits(struct mstate *m, size_t t0, size_t t1, struct db_hit *h, size_t n,
			  unsigned *fl)
{
	size_t i, j = 0, n_demonym = 0, n_abbr = 0, n_other = 0;

	for (i = 0; i < n; i++) {
		/* A town's alternate name of one or two letters is a
		 * romanised one-syllable abbreviation or a code ("Lu" for
		 * Luzhou, "Pa" for Chongqing, "Ba" for Bath): in English copy
		 * the word is a surname or something else (measured on
		 * GeoVirus dev: a patient "identified by his last name of Lu"
		 * read as Luzhou three times).  Abbreviations proper (DB_NAME_ABBREV,
		 * DB_NAME_SHORT: "US", "UK") are other kinds of name. */
		if (h[i].name_kind == DB_NAME_ALT && h[i].place.kind == DB_KIND_PLACE &&
		    utf8_count(h[i].form, strlen(h[i].form)) <= ALT_NAME_MIN_LETTERS - 1)
			continue;
		if (h[i].name_kind == DB_NAME_ABBREV) {
			if (!abbrev_ok(m, t0, t1, h[i].form))
				continue;
			n_abbr++;
		} else if (h[i].name_kind == DB_NAME_DEMONYM) {
			n_demonym++;
		} else {
			n_other++;
		}
		h[j++] = h[i];
	}
	n = j;
	/* "Australian", "South Korean", "New Zealander". */
	if (n_demonym && (t0 == t1 || (!n_other && !n_abbr))) {
		/* A demonym ("Georgian") is evidence, not a place mention. */
		for (i = j = 0; i < n; i++)
			if (h[i].name_kind == DB_NAME_DEMONYM)
				h[j++] = h[i];
		*fl |= MATCH_DEMONYM;
		return j;
	}
	if (n_abbr && !n_other) {
		*fl |= MATCH_REGION_ABBR;
	} else if (n_abbr) {
		/* Mixed: the abbreviation reading wins where it was accepted. */
		for (i = j = 0; i < n; i++)
			if (h[i].name_kind == DB_NAME_ABBREV)
				h[j++] = h[i];
		*fl |= MATCH_REGION_ABBR;
		return j;
	}
	/* Drop demonym readings of multi-word spans. */
	for (i = j = 0; i < n; i++)
		if (h[i].name_kind != DB_NAME_DEMONYM)
			h[j++] = h[i];
	n = j;
	/*
	 * Alternate names are noisy (a village's old name, another language's
	 * word): where the name is some place's own name, keep an alternate-name
	 * reading only if it is more prominent than every own-name reading
	 * ("Bombay" has no own-name reading; "Charlotte" as an old name of
	 * Charlotte Court House, Va., loses to Charlotte, N.C.).
	 */
	{
		int64_t max_main = -1;
		for (i = 0; i < n; i++)
			if (h[i].name_kind != DB_NAME_ALT && h[i].place.population > max_main)
				max_main = h[i].place.population;
		if (max_main < 0) {
			*fl |= MATCH_ALT_ONLY;
			return n;
		}
		/* A big city known by an alternate name ("New York" for New
		 * York City) stays whatever else carries the name. */
		for (i = j = 0; i < n; i++)
			if (h[i].name_kind != DB_NAME_ALT || h[i].place.population > max_main ||
			    (h[i].place.kind == DB_KIND_PLACE && h[i].place.population >= 100000))
				h[j++] = h[i];
	}
	return j;
}

/* Add KEY to the document's surnames. */
static void remember_surname(struct mstate *m, const char *key)
{
	kset_add(&m->surnames, m->a, key);
}

static int is_surname(const struct mstate *m, const char *key)
{
	return kset_has(&m->surnames, key);
}

/*
 * A one-word name that a full name in the document used as a surname,
 * standing where a person would ("Tremblay said", "Prescott threw", a
 * headline's "Clinton library"): not in a dateline, not after
 * in/from/near..., not before a comma and a capitalised word (a qualifier).
 */
static int known_surname(const struct mstate *m, size_t t0, const char *key)
{
	const struct scan_doc *s = m->s;

	if (tok(m, t0)->flags & (SCAN_DATELINE | SCAN_ALLCAPS))
		return 0;
	if (t0 > 0 && (tok(m, t0 - 1)->flags & SCAN_WORD) &&
	    IN_LIST(match_slot_words, s->text + tok(m, t0 - 1)->off, tok(m, t0 - 1)->len))
		return 0;
	/* "Washington, D.C." even after "Denzel Washington"; but "thanks
	 * to Henson, Wales did" after "Gavin Henson" is the man. */
	if (t0 + 1 < s->n_toks && scan_is_punct(s, t0 + 1, ',') && is_capword(m, t0 + 2) &&
	    ((tok(m, t0 + 2)->flags & SCAN_ALLCAPS) ||
	     (t0 + 3 < s->n_toks && scan_is_punct(s, t0 + 3, '.') && !(tok(m, t0 + 3)->flags & SCAN_SPACE_BEFORE))))
		return 0;
	return is_surname(m, key);
}

/*
 * Is every one of the N_HITS readings in m->hits a small town (under
 * SURNAME_TOWN_POP people, or none given), none of them a region?  After
 * a first name no list knows, such a name is a surname: "Iliesa Tora",
 * "Stijn Goris" (a town of 20,000 in Armenia), "Yasmine Kacha".  Measured
 * on GeoVirus dev: at 1,000 people these three were read as places; no
 * labelled place stood after an unknown capitalised word.
 */
#define SURNAME_TOWN_POP 50000
#define NAME_END_TOWN_POP 100000 /* see "Knight Ridder" in try_at */
/* A one-word name that only places under this size carry as another name
 * is also read as a word (a misspelling, try_at): a city as big is known
 * by its other names ("Bombay"). */
#define KEEP_ALT_WORD_POP 100000
/* And one that only villages this small carry as their own name, or
 * small places as another name ("Harwick", a Pennsylvania village of 900
 * and an old name of Harwich, on a Borders road sign for Hawick): a
 * writer's slip lands on such names by chance. */
#define KEEP_SMALL_WORD_POP 5000
/* The same for the readings of a mention already made. */
static int only_towns_below_cands(const struct mention *mn, int64_t pop)
{
	size_t j;

	for (j = 0; j < mn->n_cands; j++)
		if (mn->cands[j].place.kind != DB_KIND_PLACE || mn->cands[j].place.population >= pop)
			return 0;
	return mn->n_cands > 0;
}

/* Are the hits all villages below KEEP_SMALL_WORD_POP, or places below
 * KEEP_ALT_WORD_POP that carry the name as another name? */
static int only_small_readings(const struct mstate *m, size_t n_hits)
{
	size_t j;

	for (j = 0; j < n_hits; j++) {
		const struct db_hit *h = &m->hits[j];
		if (h->place.kind != DB_KIND_PLACE ||
		    h->place.population >= (h->name_kind == DB_NAME_ALT ? KEEP_ALT_WORD_POP : KEEP_SMALL_WORD_POP))
			return 0;
	}
	return n_hits > 0;
}

/*
 * Are the hits all another name of their place, one of them one edit
 * from its place's own ("Birmingam", "Dehli": GeoNames keeps thousands
 * of such names for the cities of 100,000 and more, many of them the
 * misspellings people wrote)?  Then the word is read as a misspelling
 * too, where the story gives the mention no support to be kept
 * (MATCH_MISSPELT_ALT; resolve).  The word at token T.
 */
#define MISSPELT_ALT_EDITS 1
static int misspelt_alt_only(struct mstate *m, size_t t, size_t n_hits)
{
	size_t j;
	int any = 0;

	/* (Every mention passes here: the cheap test first, no key made
	 * unless each reading is another name.) */
	for (j = 0; j < n_hits; j++)
		if (m->hits[j].name_kind != DB_NAME_ALT)
			return 0;
	buf_reset(&m->key);
	if (!n_hits || db_key(m->s->text + tok(m, t)->off, tok(m, t)->len, &m->key) != PC_OK || !m->key.len)
		return 0;
	for (j = 0; j < n_hits && !any; j++) {
		const struct db_hit *h = &m->hits[j];
		struct buf k;
		int near;
		buf_init(&k, 64);
		near = db_key(h->place.name, strlen(h->place.name), &k) == PC_OK && k.len &&
		       strcmp(buf_str(&k), buf_str(&m->key)) != 0 &&
		       strdist_osa(buf_str(&k), buf_str(&m->key), MISSPELT_ALT_EDITS) <= MISSPELT_ALT_EDITS;
		buf_free(&k);
		if (near)
			any = 1;
	}
	return any;
}

static int only_towns_below(const struct mstate *m, size_t n_hits, int64_t pop)
{
	size_t j;

	for (j = 0; j < n_hits; j++)
		if (m->hits[j].place.kind != DB_KIND_PLACE || m->hits[j].place.population >= pop)
			return 0;
	return n_hits > 0;
}

/* Is the word at token T shaped like an adjective of a people, a period
 * or a creed ("Victorian", "Elizabethan", "Anglican", "Scottish",
 * "Lebanese")? */
static int adjective_shaped(const struct mstate *m, size_t t)
{
	static const char *const ends[] = { "an", "ish", "ese", "ic" };
	const struct scan_tok *k = tok(m, t);
	size_t i;

	for (i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		size_t n = strlen(ends[i]);
		if (k->len > n && strncasecmp(m->s->text + k->off + k->len - n, ends[i], n) == 0)
			return 1;
	}
	return 0;
}

/* Is the word at token T a place's name, or the first word of one? */
static int word_names_place(struct mstate *m, size_t t)
{
	const struct scan_tok *k = tok(m, t);
	struct db_hit h[1];
	struct diag d;
	size_t n = 0;

	buf_reset(&m->key);
	if (db_key(m->s->text + k->off, k->len, &m->key) != PC_OK || !m->key.len)
		return 0;
	if (db_names_may_extend(m->db, buf_str(&m->key)))
		return 1;
	diag_clear(&d);
	return db_names_lookup(m->db, buf_str(&m->key), h, 1, &n, &d) == PC_OK && n > 0;
}

/* Words of a title's run before a name: "Dr. Jose A. Cordova Villalobos"
 * has three (the initial counts); a longer run of capitals is a list or a
 * heading. */
#define TITLE_RUN_MAX 3

/* Person/organisation evidence around the span [T0, T1] (KEY: its key).
 * N_HITS: its readings, in m->hits.  1 = not a place. */
static int is_person(struct mstate *m, size_t t0, size_t t1, const char *key, int span_flags,
		     size_t n_hits)
{
	const struct scan_doc *s = m->s;
	size_t prev = t0 > 0 ? t0 - 1 : (size_t)-1;


	/* "Mr. Paris", "Gov. Austin", "President Georgia": a title before it. */
	if (prev != (size_t)-1) {
		size_t p = prev;
		if (scan_is_punct(s, p, '.') && p > 0)
			p--;
		if ((tok(m, p)->flags & SCAN_WORD) && tok(m, p)->sent == tok(m, t0)->sent &&
		    IN_LIST(match_honorifics, s->text + tok(m, p)->off, tok(m, p)->len))
			return 1;
		/* "Health Minister Recep Akdag": a title, then a first name no
		 * word list knows (a given name the lists know is caught
		 * below, a place's name is no first name). */
		if (p == prev && p >= 1 && is_capword(m, p) && (tok(m, p)->flags & SCAN_SPACE_BEFORE) &&
		    !(tok(m, p)->flags & (SCAN_ALLCAPS | SCAN_POSS | SCAN_SENT_START)) &&
		    (tok(m, p - 1)->flags & SCAN_WORD) && tok(m, p - 1)->sent == tok(m, t0)->sent &&
		    IN_LIST(match_honorifics, s->text + tok(m, p - 1)->off, tok(m, p - 1)->len) &&
		    lex_flags_of(m, p) == 0 && !word_names_place(m, p)) {
			if (t0 == t1)
				remember_surname(m, key);
			return 1;
		}
	}
	/* "Leonardo da Vinci", "The Da Vinci Code", "van Gogh": a name
	 * particle before a one-word name of towns only is a surname's
	 * (fourteen BBC "Vinci" were the Tuscan town).  A place's name with
	 * its particle ("Da Nang", "Rio de Janeiro") is matched whole first. */
	if (t0 == t1 && prev != (size_t)-1 && (tok(m, prev)->flags & SCAN_WORD) &&
	    tok(m, prev)->sent == tok(m, t0)->sent && (tok(m, t0)->flags & SCAN_SPACE_BEFORE) &&
	    in_list_ci(match_name_particles, sizeof match_name_particles / sizeof match_name_particles[0],
		       s->text + tok(m, prev)->off, tok(m, prev)->len) &&
	    only_towns_below(m, n_hits, SURNAME_TOWN_POP))
		return 1;
	/* "economist Homi Kharas": a role in lower case, then a first name no
	 * word list knows (a place's alternate name or not: "Homi" is one of
	 * Ome's), then the one-word name.  The name is a surname elsewhere in
	 * the story only where it names no more than towns: "striker Baros
	 * Liverpool", a headline run into the text, makes no Mr Liverpool of
	 * "Liverpool's leading scorer". */
	if (t0 == t1 && t0 >= 2 && is_capword(m, t0 - 1) && tok(m, t0 - 1)->sent == tok(m, t0)->sent &&
	    (tok(m, t0)->flags & SCAN_SPACE_BEFORE) && (tok(m, t0 - 1)->flags & SCAN_SPACE_BEFORE) &&
	    !(tok(m, t0 - 1)->flags & (SCAN_ALLCAPS | SCAN_POSS | SCAN_SENT_START)) &&
	    (tok(m, t0 - 2)->flags & SCAN_WORD) && tok(m, t0 - 2)->sent == tok(m, t0)->sent &&
	    IN_LIST(match_roles, s->text + tok(m, t0 - 2)->off, tok(m, t0 - 2)->len) &&
	    lex_flags_of(m, t0 - 1) == 0) {
		if (only_towns_below(m, n_hits, SURNAME_TOWN_POP))
			remember_surname(m, key);
		return 1;
	}
	/* "Dr. Jose A. Cordova Villalobos": a title, then a run of capitalised
	 * words and initials up to the name, the name the run's last word.
	 * All of it is the person's, whatever each word could also name. */
	if (t0 == t1 && !(t1 + 1 < s->n_toks && is_capword(m, t1 + 1) && tok(m, t1 + 1)->sent == tok(m, t0)->sent)) {
		size_t p = t0, words = 0;
		while (p > 0 && words <= TITLE_RUN_MAX) {
			const struct scan_tok *k;
			p--;
			k = tok(m, p);
			if (k->sent != tok(m, t0)->sent)
				break;
			if (scan_is_punct(s, p, '.') && !(k->flags & SCAN_SPACE_BEFORE) && p > 0)
				continue; /* "A." "Dr." */
			if (!is_capword(m, p) || (k->flags & (SCAN_POSS | SCAN_ALLCAPS)))
				break;
			if (IN_LIST(match_honorifics, s->text + k->off, k->len)) {
				if (words >= 2) {
					remember_surname(m, key);
					return 1;
				}
				break;
			}
			words++;
		}
	}
	/* '"The aid is rationed," complained Joncret.': the speaker of an
	 * inverted attribution, right after a quotation closes. */
	if (t0 == t1 && t0 >= 3 && (tok(m, t0 - 1)->flags & SCAN_WORD) && !(tok(m, t0 - 1)->flags & SCAN_QUOTED) &&
	    IN_LIST(match_speech_verbs, s->text + tok(m, t0 - 1)->off, tok(m, t0 - 1)->len) &&
	    (tok(m, t0 - 2)->flags & SCAN_PUNCT) && ((tok(m, t0 - 2)->flags | tok(m, t0 - 3)->flags) & SCAN_QUOTED) &&
	    t1 + 1 < s->n_toks && (scan_is_punct(s, t1 + 1, '.') || scan_is_punct(s, t1 + 1, ','))) {
		remember_surname(m, key);
		return 1;
	}
	/* "J Mayock", "A. Scott (Shaftesbury Barnet Harriers)": an initial
	 * before it (a lone capital, not "A" or "I" without a full stop; not
	 * the last letter of "U.S."). */
	if (prev != (size_t)-1) {
		size_t p = prev;
		int dot = 0;
		if (scan_is_punct(s, p, '.') && p > 0 && !(tok(m, p)->flags & SCAN_SPACE_BEFORE)) {
			p--;
			dot = 1;
		}
		/* "Albert R. T. Lim": a chain of initials, each after a
		 * space, is no dotted abbreviation. */
		if ((tok(m, p)->flags & SCAN_WORD) && tok(m, p)->len == 1 && tok(m, p)->sent == tok(m, t0)->sent &&
		    isupper((unsigned char)s->text[tok(m, p)->off]) &&
		    (dot ? !(p > 0 && scan_is_punct(s, p - 1, '.')) || (tok(m, p)->flags & SCAN_SPACE_BEFORE)
			 : s->text[tok(m, p)->off] != 'A' && s->text[tok(m, p)->off] != 'I'))
			return 1;
	}
	/* "a daughter, Savannah": any one-word name right after a word for kin. */
	if (t0 == t1 && t0 >= 1) {
		size_t p = t0 - 1;
		if (scan_is_punct(s, p, ',') && p > 0)
			p--;
		if ((tok(m, p)->flags & SCAN_WORD) && tok(m, p)->sent == tok(m, t0)->sent &&
		    IN_LIST(match_kin_words, s->text + tok(m, p)->off, tok(m, p)->len))
			return 1;
	}
	/* "two sons, Jackson and Tyler": a given name after a word for kin. */
	if (span_flags & DB_LEX_GIVEN) {
		size_t p = t0, steps = 0;
		while (p > 0 && steps < 6) {
			const struct scan_tok *k;
			p--;
			steps++;
			k = tok(m, p);
			if (k->sent != tok(m, t0)->sent)
				break;
			if (scan_is_punct(s, p, ','))
				continue;
			if (!(k->flags & SCAN_WORD))
				break;
			if (IN_LIST(match_kin_words, s->text + k->off, k->len))
				return 1;
			if (k->len == 3 && memcmp(s->text + k->off, "and", 3) == 0)
				continue;
			if ((k->flags & SCAN_CAP) && (lex_flags_of(m, p) & DB_LEX_GIVEN))
				continue;
			/* "two sons": one number word or article between */
			if (steps == 1 || !(k->flags & SCAN_CAP))
				if (k->len <= 5 && !(k->flags & SCAN_CAP) && p > 0 &&
				    IN_LIST(match_kin_words, s->text + tok(m, p - 1)->off, tok(m, p - 1)->len))
					return 1;
			break;
		}
	}
	/* "Thomas the Tank Engine", "Alexander the Great": a given name
	 * with an epithet is a person or a character, and so is the name
	 * alone elsewhere in the story (not after in/from/near...). */
	if (t0 == t1 && (span_flags & DB_LEX_GIVEN) && t1 + 2 < s->n_toks && scan_is_word(s, t1 + 1, "the") &&
	    is_capword(m, t1 + 2) && tok(m, t1 + 2)->sent == tok(m, t0)->sent &&
	    !(tok(m, t1)->flags & SCAN_POSS) &&
	    !(prev != (size_t)-1 && (tok(m, prev)->flags & SCAN_WORD) &&
	      IN_LIST(match_slot_words, s->text + tok(m, prev)->off, tok(m, prev)->len))) {
		remember_surname(m, key);
		return 1;
	}
	/* "Jack London": a given name right before it.  Not a word of
	 * direction that is a given name too: "North Philadelphia", "West
	 * Belfast" are parts of the city (both words were lost). */
	if (prev != (size_t)-1 && is_capword(m, prev) && (tok(m, t0)->flags & SCAN_SPACE_BEFORE) &&
	    tok(m, prev)->sent == tok(m, t0)->sent && !(tok(m, prev)->flags & SCAN_POSS) &&
	    !(tok(m, prev)->flags & SCAN_ALLCAPS)) {
		int pf = lex_flags_of(m, prev);
		const struct match_result *o = m->out;
		if ((pf & DB_LEX_GIVEN) && !(tok(m, t0)->flags & SCAN_ALLCAPS) &&
		    !in_list_ci(match_direction_words, sizeof match_direction_words / sizeof match_direction_words[0],
				s->text + tok(m, prev)->off, tok(m, prev)->len)) {
			if (t0 == t1)
				remember_surname(m, key);
			return 1;
		}
		/* "Bruce Edwards Ivins": a given name and a middle name before it. */
		if (t0 == t1 && prev >= 1 && is_capword(m, prev - 1) && tok(m, prev - 1)->sent == tok(m, t0)->sent &&
		    !(tok(m, prev - 1)->flags & (SCAN_POSS | SCAN_ALLCAPS)) &&
		    (tok(m, prev)->flags & SCAN_SPACE_BEFORE) && (lex_flags_of(m, prev - 1) & DB_LEX_GIVEN) &&
		    !(pf & DB_LEX_WORD) && !(tok(m, t0)->flags & SCAN_ALLCAPS)) {
			remember_surname(m, key);
			return 1;
		}
		/* "Dak Prescott", "Jayden Daniels": a capitalised word no word
		 * list knows and no place name, right before a one-word name
		 * that is also a surname (a proper-noun dictionary entry), or
		 * that names only small towns ("Priya Raman": Raman, a Thai
		 * district with no population given).  A first name the
		 * dictionaries know only capitalised ("Deon", "Franck": a
		 * proper noun, no common given name) counts before a small
		 * town; not before a bigger name that is itself a proper noun
		 * ("Victorian England", "Nazi Germany"), not when it is
		 * shaped like an adjective ("Victorian Cromer", "Anglican
		 * Ripon"), and the town's name elsewhere in the story stays a
		 * place.  Not after the first
		 * word of a place's name ("Nueva Ecija", which the gazetteer
		 * lacks: Écija is in Spain). */
		if (t0 == t1 && pf == DB_LEX_PROPER && !adjective_shaped(m, prev) &&
		    only_towns_below(m, n_hits, SURNAME_TOWN_POP) && !(tok(m, t0)->flags & SCAN_ALLCAPS) &&
		    !(o->n && o->m[o->n - 1].tok_end == t0) && !word_names_place(m, prev))
			return 1; /* (not remembered: "Victorian Cromer" is no Mr Cromer) */
		if (pf == 0 && t0 == t1 && ((span_flags & DB_LEX_PROPER) || only_towns_below(m, n_hits, SURNAME_TOWN_POP)) &&
		    !(tok(m, t0)->flags & SCAN_ALLCAPS) && !(o->n && o->m[o->n - 1].tok_end == t0) &&
		    !word_names_place(m, prev)) {
			remember_surname(m, key);
			return 1;
		}
	}
	/* "Paris Hilton", "Georgia O'Keeffe": decided in resolve, which knows
	 * the cue phrases ("Charlotte Hornets" is a team, not a woman). */
	(void)t1;
	return 0;
}

/*
 * Does the word at token T follow what starts a person's name: a common
 * given name ("Marco Rossi") or an Arabic name particle ("al-Saadi", "bin
 * Zayed")?
 */
static int after_person_start(struct mstate *m, size_t t)
{
	static const char *const particles[] = { "al", "el", "bin", "ibn", "bint" };
	const struct scan_doc *s = m->s;
	const struct scan_tok *p;
	size_t i, k;
	int hyphen = 0;
	char key[64];

	if (t == 0)
		return 0;
	/* "Mr Peston's book", "Dr. Okonjo": a title makes the word a
	 * person's name (the issue's Mr Peston read as Preston).  Not a
	 * title that opens places' names: "Saint Petersberg", "Prince
	 * Goerge" are misspelt places. */
	k = scan_is_punct(s, t - 1, '.') && t >= 2 ? t - 2 : t - 1;
	if ((tok(m, k)->flags & SCAN_WORD) && tok(m, k)->sent == tok(m, t)->sent && is_capword(m, k) &&
	    IN_LIST(match_honorifics, s->text + tok(m, k)->off, tok(m, k)->len)) {
		buf_reset(&m->key);
		if (db_key(s->text + tok(m, k)->off, tok(m, k)->len, &m->key) == PC_OK && m->key.len &&
		    !db_names_may_extend(m->db, buf_str(&m->key)))
			return 1;
	}
	if (scan_is_punct(s, t - 1, '-')) {
		if (t < 2)
			return 0;
		hyphen = 1;
		t--;
	}
	p = tok(m, t - 1);
	if (!(p->flags & SCAN_WORD) || p->sent != tok(m, t)->sent || p->len >= sizeof key)
		return 0;
	for (i = 0; i < p->len; i++)
		key[i] = (char)tolower((unsigned char)s->text[p->off + i]);
	key[p->len] = '\0';
	for (k = 0; k < sizeof particles / sizeof particles[0]; k++)
		if (strcmp(key, particles[k]) == 0)
			return hyphen == (k < 2);
	if (hyphen)
		return 0;
	/* "J Bonnaire", "J. Bonnaire": an initial. */
	if (p->len == 1 && isupper((unsigned char)s->text[p->off]) && s->text[p->off] != 'A' && s->text[p->off] != 'I')
		return 1;
	if (p->len == 1 && scan_is_punct(s, t - 1, '.') && t >= 2 && tok(m, t - 2)->len == 1 &&
	    isupper((unsigned char)s->text[tok(m, t - 2)->off]) && !(t >= 3 && scan_is_punct(s, t - 3, '.')))
		return 1;
	if (!(p->flags & SCAN_CAP))
		return 0;
	if (lex_flags_of(m, t - 1) & DB_LEX_GIVEN)
		return 1;
	/* "Julien Bonnaire (Bourgoin)": a capitalised word inside the
	 * sentence that no dictionary knows and that is no place name nor
	 * the start of one ("San" in "San Fransisco" is) opens a person's
	 * name. */
	if ((p->flags & (SCAN_SENT_START | SCAN_ALLCAPS)) || (lex_flags_of(m, t - 1) & DB_LEX_WORD) ||
	    !(tok(m, t)->flags & SCAN_SPACE_BEFORE))
		return 0;
	buf_reset(&m->key);
	return db_key(s->text + p->off, p->len, &m->key) == PC_OK && m->key.len &&
	       !db_names_may_extend(m->db, buf_str(&m->key));
}

/*
 * Is the word at token T joined by "and" or "or" to a given name standing
 * alone ("Beckham and Owen", "Owen and Beckham")?  Two people named side
 * by side, not a misspelt town (the issue's "Beckham" read as Peckham).
 * A given name that is also a region's name ("Georgia") does not count.
 */
#define BESIDE_GIVEN_HITS 8 /* a region reads among a name's first readings */
static int beside_given_name(struct mstate *m, size_t t)
{
	size_t o;
	int side;

	for (side = 0; side < 2; side++) {
		size_t j;
		if (side ? t + 2 >= m->s->n_toks : t < 2)
			continue;
		/* the joining word, then the other name: after T or before it */
		j = side ? t + 1 : t - 1;
		if (!scan_is_word(m->s, j, "and") && !scan_is_word(m->s, j, "or"))
			continue;
		o = side ? t + 2 : t - 2;
		if (!is_capword(m, o) || tok(m, o)->sent != tok(m, t)->sent ||
		    (tok(m, o)->flags & (SCAN_ALLCAPS | SCAN_SENT_START)) || !(lex_flags_of(m, o) & DB_LEX_GIVEN))
			continue;
		/* standing alone: no capitalised word after it ("Owen
		 * Sound"), no region of the name */
		if (o + 1 < m->s->n_toks && is_capword(m, o + 1) && tok(m, o + 1)->sent == tok(m, o)->sent)
			continue;
		buf_reset(&m->key);
		if (db_key(m->s->text + tok(m, o)->off, tok(m, o)->len, &m->key) != PC_OK || !m->key.len)
			continue;
		{
			struct db_hit h[BESIDE_GIVEN_HITS];
			struct diag d;
			size_t n = 0, k;
			int region = 0;
			diag_clear(&d);
			if (db_names_lookup(m->db, buf_str(&m->key), h, BESIDE_GIVEN_HITS, &n, &d) != PC_OK)
				continue;
			for (k = 0; k < n; k++)
				region |= h[k].place.kind != DB_KIND_PLACE;
			if (!region)
				return 1;
		}
	}
	return 0;
}

/* Is the word before token T, in T's sentence, a given name that opens
 * places' names of more than one word ("Newton" of Newton Abbot)? */
static int given_opens_names(struct mstate *m, size_t t)
{
	const struct scan_tok *p;

	if (t == 0 || !(tok(m, t)->flags & SCAN_SPACE_BEFORE))
		return 0;
	p = tok(m, t - 1);
	if (!is_capword(m, t - 1) || p->sent != tok(m, t)->sent || (p->flags & (SCAN_POSS | SCAN_ALLCAPS)) ||
	    !(lex_flags_of(m, t - 1) & DB_LEX_GIVEN))
		return 0;
	buf_reset(&m->key);
	return db_key(m->s->text + p->off, p->len, &m->key) == PC_OK && m->key.len &&
	       db_names_may_extend(m->db, buf_str(&m->key));
}

static int has_non_ascii(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}

/*
 * Is the word at token T the plural of a place name ("the Koreas", "both
 * Carolinas", "the two Georgias")?  A plural of a name stands after a word
 * that counts or picks out several; without one, an unknown word ending in
 * s is as likely a misspelt name that ends in s ("Brusels", a village
 * called Brusel aside).
 */
static const char *const plural_openers[] = { "the", "both", "two", "three", "four", "all" };

static int plural_of_name(struct mstate *m, size_t t)
{
	const struct scan_tok *k = tok(m, t);
	struct db_hit h[1];
	struct diag d;
	size_t n = 0, i;
	int opened = 0;

	if (k->len < 4 || m->s->text[k->off + k->len - 1] != 's')
		return 0;
	for (i = 0; t > 0 && i < sizeof plural_openers / sizeof *plural_openers; i++)
		if (scan_is_word(m->s, t - 1, plural_openers[i]))
			opened = 1;
	if (!opened)
		return 0;
	buf_reset(&m->key);
	if (db_key(m->s->text + k->off, k->len - 1, &m->key) != PC_OK || !m->key.len)
		return 0;
	diag_clear(&d);
	return db_names_lookup(m->db, buf_str(&m->key), h, 1, &n, &d) == PC_OK && n > 0;
}

/* Is the span ending at token T1 followed by "[sic]" (a quotation kept as
 * said, on purpose)? */
static int sic_after(const struct mstate *m, size_t t1)
{
	const struct scan_doc *s = m->s;

	return t1 + 3 < s->n_toks && scan_is_punct(s, t1 + 1, '[') && scan_is_word(s, t1 + 2, "sic") &&
	       scan_is_punct(s, t1 + 3, ']');
}

/*
 * Is the token before T a capitalised word of T's sentence that opens
 * longer names of the gazetteer ("United", "New", "South")?
 */
static int opener_before(struct mstate *m, size_t t)
{
	const struct scan_tok *p;

	if (t == 0)
		return 0;
	p = tok(m, t - 1);
	/* (Not a possessive: "China's State Environmental Protection
	 * Agency" is no misspelt Chin State.) */
	if (!(p->flags & SCAN_WORD) || !(p->flags & SCAN_CAP) || (p->flags & (SCAN_DOTTED | SCAN_ALLCAPS | SCAN_POSS)) ||
	    p->sent != tok(m, t)->sent)
		return 0;
	buf_reset(&m->key);
	if (db_key(m->s->text + p->off, p->len, &m->key) != PC_OK || !m->key.len)
		return 0;
	return db_names_may_extend(m->db, buf_str(&m->key));
}

/*
 * Is token T, with the capitalised word before it, one edit from a
 * prominent name the two words are not?  After a word that opens longer
 * names ("saudi arbia": Saudi Arabia), or before a capitalised word when
 * T - 1 is a common word ("untied states": the United States).
 */
#define PAIR_NEAR_EDITS 1 /* a slip in one of two words: one edit, as the two are long */
static int pair_near_name(struct mstate *m, size_t t)
{
	const struct scan_doc *s = m->s;
	struct db_alike near[1];
	size_t n = 0;
	struct diag d;

	if (t == 0 || t >= s->n_toks || !(tok(m, t)->flags & SCAN_WORD) || !(tok(m, t)->flags & SCAN_CAP) ||
	    !(tok(m, t - 1)->flags & SCAN_WORD) || !(tok(m, t - 1)->flags & SCAN_CAP) ||
	    (tok(m, t - 1)->flags & SCAN_POSS) || tok(m, t - 1)->sent != tok(m, t)->sent ||
	    !(tok(m, t)->flags & SCAN_SPACE_BEFORE))
		return 0;
	buf_reset(&m->key);
	if (db_key(s->text + tok(m, t - 1)->off, tok(m, t)->off + tok(m, t)->len - tok(m, t - 1)->off, &m->key) !=
		    PC_OK ||
	    !m->key.len)
		return 0;
	/* (A database error reads as "no": the word is then judged alone,
	 * as plural_of_name does.) */
	diag_clear(&d);
	return db_near_keys(m->db, buf_str(&m->key), PAIR_NEAR_EDITS, near, sizeof near / sizeof near[0], &n, &d) ==
		       PC_OK &&
	       n > 0;
}

/* Is token T followed, tight, by a hyphen and a word that makes it a
 * place ("Seatle-based")? */
static int place_compound_after(const struct mstate *m, size_t t)
{
	const struct scan_doc *s = m->s;

	return t + 2 < s->n_toks && scan_is_punct(s, t + 1, '-') && !(tok(m, t + 1)->flags & SCAN_SPACE_BEFORE) &&
	       !(tok(m, t + 2)->flags & SCAN_SPACE_BEFORE) && (tok(m, t + 2)->flags & SCAN_WORD) &&
	       !(tok(m, t + 2)->flags & SCAN_CAP) &&
	       IN_LIST(match_place_compounds, s->text + tok(m, t + 2)->off, tok(m, t + 2)->len);
}

/*
 * Remember token T as a possible misspelling when it is a capitalised word
 * of five letters or more that no word list knows (a proper-noun-only
 * dictionary entry still counts: "Columbian" is one).
 */
static void note_unknown(struct mstate *m, size_t t)
{
	const struct scan_tok *k = tok(m, t);
	struct match_result *o = m->out;
	struct match_unknown *u;
	int lf, after_opener = 0, compound = 0;

	if (!(k->flags & SCAN_WORD) || !(k->flags & SCAN_CAP) || (k->flags & SCAN_DOTTED) ||
	    utf8_count(m->s->text + k->off, k->len) < 5)
		return;
	/* A word in capitals is an acronym more often than a misspelt name,
	 * except where everything is in capitals: a dateline, a caption or a
	 * chyron ("IS FROM TONAWONDA, NEW YORK"). */
	if ((k->flags & SCAN_ALLCAPS) && !(k->flags & (SCAN_DATELINE | SCAN_SHOUT)))
		return;
	if (t + 1 < m->s->n_toks && scan_is_punct(m->s, t + 1, '-') &&
	    !(tok(m, t + 1)->flags & SCAN_SPACE_BEFORE)) {
		if (!(compound = place_compound_after(m, t)))
			return; /* part of a hyphenated word */
	}
	lf = lex_flags_of(m, t);
	/* A given name is no misspelling, except after a given name that
	 * opens places' names, where it is read together with that name
	 * ("Newton Abbott", below).  A common word is none either, except as
	 * the second word of a name whose first word is written right ("the
	 * United Sates"), or as the first word of one whose second word is
	 * ("the Untied States", "The Untied States": read with the word after
	 * it, whatever opens the sentence). */
	if ((lf & DB_LEX_GIVEN) && !given_opens_names(m, t))
		return;
	if (lf & DB_LEX_WORD) {
		int first = pair_near_name(m, t + 1);
		if (!first && !(after_opener = opener_before(m, t)))
			return;
	}
	/* Not a misspelt place: the first word of an organisation's name
	 * ("Baylor University"; a misspelling inside one is the rarer case by
	 * far), a surname after a given name or a name particle ("Marco
	 * Rossi", "al-Saadi"), a word written with accents ("the island of
	 * Chiloé": spelled with care, a name the gazetteer lacks), or the
	 * plural of a name ("the two Georgias"). */
	/* After a given name that also opens places' names ("Newton Abbott",
	 * "Charlotte Amallie"), a word that would be a surname is read, but
	 * only together with that name: "Robert Peston" is no Preston. */
	if (!after_opener && given_opens_names(m, t))
		after_opener = 1;
	else if (after_person_start(m, t))
		return;
	if (org_after(m, t) || has_non_ascii(m->s->text + k->off, k->len) || plural_of_name(m, t) ||
	    beside_given_name(m, t))
		return;
	if (o->n_unk == m->cap_unk) {
		size_t ncap = m->cap_unk ? m->cap_unk * 2 : 16;
		o->unk = arena_grow(m->a, o->unk, m->cap_unk, ncap, sizeof *o->unk);
		m->cap_unk = ncap;
	}
	u = &o->unk[o->n_unk++];
	memset(u, 0, sizeof *u);
	u->tok_start = t;
	u->tok_end = t + 1;
	u->off = k->off;
	u->len = k->len;
	u->surface = arena_strndup(m->a, m->s->text + k->off, k->len);
	buf_reset(&m->key);
	if (db_key(u->surface, u->len, &m->key) != PC_OK) {
		o->n_unk--;
		return;
	}
	u->key = arena_strdup(m->a, buf_str(&m->key));
	if (compound || slot_before(m, t) || distance_after(m, t + 1))
		u->flags |= MATCH_PLACE_SLOT;
	if (k->flags & SCAN_POSS)
		u->flags |= MATCH_POSS;
	if (after_opener)
		u->flags |= MATCH_AFTER_OPENER;
	if (k->flags & SCAN_DATELINE)
		u->flags |= MATCH_DATELINE;
	if (k->flags & SCAN_QUOTED)
		u->flags |= MATCH_QUOTED;
	if (k->flags & SCAN_SENT_START)
		u->flags |= MATCH_SENT_START;
	if (lf & DB_LEX_PROPER)
		u->flags |= MATCH_PROPER;
	if (sic_after(m, t))
		u->flags |= MATCH_SIC;
}

/*
 * Does some name go on past the possessive word at token U, in the span
 * from token T: is the span's text with its "'s" (the key folds the
 * apostrophe away: "peoples republic of china") the start of a longer
 * name?  The possessive's bytes are those between U's word and the next
 * space (an ASCII or a typographic apostrophe, then "s" or nothing).
 */
#define POSS_MAX_BYTES 4 /* a three-byte apostrophe and an "s" */
static int poss_may_extend(struct mstate *m, size_t t, size_t u)
{
	const struct scan_doc *s = m->s;
	size_t off = tok(m, t)->off, end = tok(m, u)->off + tok(m, u)->len, lim = end + POSS_MAX_BYTES;

	while (end < s->text_len && end < lim && s->text[end] != ' ' && s->text[end] != '\n')
		end++;
	buf_reset(&m->key);
	if (db_key(s->text + off, end - off, &m->key) != PC_OK || !m->key.len)
		return 0;
	return db_names_may_extend(m->db, buf_str(&m->key));
}

/* Try the spans starting at token T; returns the token after the match or T+1. */
static int dateline_spells(struct mstate *m, size_t t, size_t t1);
static enum pc_rc try_at(struct mstate *m, size_t t, size_t *next)
{
	const struct scan_doc *s = m->s;
	size_t ends[MATCH_MAX_WORDS], n_ends = 0, u = t, i;
	char keys[MATCH_MAX_WORDS][256];
	enum pc_rc rc;
	struct diag d;

	*next = t + 1;
	diag_clear(&d);
	/* Collect candidate ends, extending while some name continues. */
	for (;;) {
		if ((rc = span_key(m, t, u)) != PC_OK)
			return PC_OK; /* invalid text: not a name */
		if (m->key.len == 0 || m->key.len >= sizeof keys[0])
			break;
		if (!is_connector(m, u)) {
			memcpy(keys[n_ends], m->key.data, m->key.len + 1);
			ends[n_ends++] = u;
		}
		if (n_ends >= MATCH_MAX_WORDS)
			break;
		/* A possessive word ends a name ("China's Hunan") unless the
		 * name goes on past it ("People's Republic of China", "Queen
		 * Anne's County"). */
		if ((tok(m, u)->flags & SCAN_POSS) ? !poss_may_extend(m, t, u)
						   : !db_names_may_extend(m->db, buf_str(&m->key)) && !is_connector(m, u))
			break;
		{
			/* Past a possessive (poss_may_extend said a name goes
			 * on), the next word of the sentence. */
			size_t nx = !(tok(m, u)->flags & SCAN_POSS) ? next_name_tok(m, u + 1)
				    : u + 1 < s->n_toks && (tok(m, u + 1)->flags & SCAN_WORD) &&
						  (tok(m, u + 1)->flags & SCAN_SPACE_BEFORE) &&
						  tok(m, u + 1)->sent == tok(m, u)->sent
					  ? u + 1
					  : (size_t)-1;
			if (nx == (size_t)-1)
				break;
			if (!is_capword(m, nx) && !is_connector(m, nx) && !is_elided_capword(m, nx) &&
			    !(tok(m, nx)->flags & SCAN_NUMBER) && !(is_region_suffix(m, nx) && !all_common_words(m, t, u)) &&
			    !is_water_suffix(m, nx))
				break;
			/* "in Budapest I missed": the pronoun, not district I. */
			if (tok(m, nx)->len == 1 && m->s->text[tok(m, nx)->off] == 'I' &&
			    !(tok(m, nx)->flags & SCAN_DOT_AFTER))
				break;
			u = nx;
		}
	}
	for (i = n_ends; i-- > 0;) {
		size_t n_hits = 0, t1 = ends[i];
		unsigned flags = 0;
		int poss_name = 0;
		/* "St. John's": a longer name ending in 's is a name, not a
		 * possessive (only for several words: "Roger's" is no Rogers). */
		if (t1 > t && (tok(m, t1)->flags & SCAN_POSS) && strlen(keys[i]) + 2 < 256 &&
		    !dateline_spells(m, t, t1)) {
			char k2[256];
			snprintf(k2, sizeof k2, "%ss", keys[i]);
			rc = db_names_lookup(m->db, k2, m->hits, sizeof m->hits / sizeof m->hits[0], &n_hits, &d);
			if (rc != PC_OK)
				return rc;
			if (n_hits) {
				poss_name = 1;
				memcpy(keys[i], k2, strlen(k2) + 1);
			}
		}
		if (!poss_name)
			rc = db_names_lookup(m->db, keys[i], m->hits, sizeof m->hits / sizeof m->hits[0], &n_hits, &d);
		if (rc != PC_OK)
			return rc;
		/* Plural demonym: "Australians", "Virginians". */
		if (n_hits == 0 && t1 == t && keys[i][0] && keys[i][strlen(keys[i]) - 1] == 's') {
			char k2[256];
			size_t j, n2 = 0;
			snprintf(k2, sizeof k2, "%.*s", (int)strlen(keys[i]) - 1, keys[i]);
			rc = db_names_lookup(m->db, k2, m->hits, sizeof m->hits / sizeof m->hits[0], &n_hits, &d);
			if (rc != PC_OK)
				return rc;
			for (j = 0; j < n_hits; j++)
				if (m->hits[j].name_kind == DB_NAME_DEMONYM)
					m->hits[n2++] = m->hits[j];
			n_hits = n2;
			/* Keyed as the demonym itself, so that its look-alikes
			 * ("Slovaks" and Slovenes) and its count are the
			 * demonym's. */
			if (n_hits) {
				memcpy(keys[i], k2, strlen(k2) + 1);
				flags |= MATCH_PLURAL;
			}
		}
		if (n_hits == 0)
			continue;
		n_hits = filter_hits(m, t, t1, m->hits, n_hits, &flags);
		if (n_hits == 0)
			continue;
		{
			size_t p = t;
			if (p >= 1 && scan_is_punct(s, p - 1, '.'))
				p--; /* "Ft. Moore" */
			if (p >= 1 && (tok(m, t)->flags & SCAN_SPACE_BEFORE) && is_capword(m, p - 1) &&
			    tok(m, p - 1)->sent == tok(m, t)->sent &&
			    in_list_ci(match_name_starts, sizeof match_name_starts / sizeof match_name_starts[0],
				       s->text + tok(m, p - 1)->off, tok(m, p - 1)->len)) {
				*next = t1 + 1;
				return PC_OK;
			}
		}
		if (t >= 2 && scan_is_word(s, t - 1, "of") && is_capword(m, t - 2) &&
		    IN_LIST(match_water_words, s->text + tok(m, t - 2)->off, tok(m, t - 2)->len)) {
			*next = t1 + 1;
			return PC_OK;
		}
		{
			int lf = t == t1 ? lex_flags_of(m, t) : 0;
			const struct scan_tok *k0 = tok(m, t);
			size_t j;
			int any_region = 0;
			/* Countries and states are named on purpose; a county or
			 * unitary authority called "Reading", or a province called
			 * "Western" or "Central", is no reason to trust the common
			 * word ("Western countries"). */
			/* The same for a country whose name is a common word at
			 * the start of a sentence: "Turkey prices have fallen".
			 * "Turkey's" is the country. */
			/* "China has reported no deaths": followed by a verb of
			 * the kind places take, it is the country. */
			int word_start = (lf & DB_LEX_WORD) && (k0->flags & (SCAN_SENT_START | SCAN_HEADLINE)) &&
					 !(tok(m, t1)->flags & SCAN_POSS) &&
					 !(t1 + 1 < s->n_toks && (tok(m, t1 + 1)->flags & SCAN_WORD) &&
					   IN_LIST(match_place_verbs, s->text + tok(m, t1 + 1)->off, tok(m, t1 + 1)->len));
			/* (A first-level region whose people have a name is
			 * named on purpose as a country is: "Wales", though
			 * "wales" is a word; not "Delta" or "Plateau".) */
			for (j = 0; j < n_hits; j++)
				if ((m->hits[j].place.kind == DB_KIND_COUNTRY && !word_start) ||
				    (m->hits[j].place.kind == DB_KIND_ADMIN1 &&
				     (!(lf & DB_LEX_WORD) || (!word_start && db_place_has_demonym(m->db, m->hits[j].place.id)))))
					any_region = 1;
			if (!(flags & (MATCH_DEMONYM | MATCH_REGION_ABBR)) &&
			    is_person(m, t, t1, keys[i], lf, n_hits)) {
				/* A person; but after a given name that opens
				 * places' names, the two words are read together
				 * too ("Newton Abbott", note_unknown). */
				if (t == t1 && given_opens_names(m, t))
					note_unknown(m, t);
				*next = t1 + 1;
				return PC_OK; /* a person: skip the whole span */
			}
			if (t == t1 && !any_region && IN_LIST(match_calendar, s->text + k0->off, k0->len)) {
				/* "on 14 March", "March 3", "May 2025": a date. */
				if ((t > 0 && (tok(m, t - 1)->flags & SCAN_NUMBER) && tok(m, t - 1)->sent == k0->sent) ||
				    (t1 + 1 < s->n_toks && (tok(m, t1 + 1)->flags & SCAN_NUMBER) &&
				     tok(m, t1 + 1)->sent == k0->sent)) {
					*next = t1 + 1;
					return PC_OK;
				}
				flags |= MATCH_CALENDAR;
			}
			/* "Jackson State University", "Western University": a
			 * common word inside a longer proper name.  After a word
			 * that opens places' names it is still read with that
			 * word as a possible misspelling ("Los Angels": see
			 * note_unknown). */
			if ((lf & DB_LEX_WORD) && !any_region && t == t1 && t > 0 && is_capword(m, t - 1) &&
			    !opening_prep(m, t - 1) &&
			    (k0->flags & SCAN_SPACE_BEFORE) && tok(m, t - 1)->sent == k0->sent &&
			    !(tok(m, t - 1)->flags & (SCAN_POSS | SCAN_ALLCAPS))) {
				note_unknown(m, t);
				*next = t1 + 1;
				return PC_OK;
			}
			/* "Knight Ridder", "Racing Victoria": a small town's name
			 * right after a capitalised dictionary word inside the
			 * sentence ends a longer proper name (a firm, a body), unless
			 * that word starts place names ("Lake", "Fort", "South").
			 * Measured on GeoVirus dev: a news agency read as Ridder,
			 * Kazakhstan (50,000 people).  A town below the size at
			 * which resolve calls a place a city (KEEP_CITY_POP). */
			if (t == t1 && t > 0 && !any_region && only_towns_below(m, n_hits, NAME_END_TOWN_POP) &&
			    is_capword(m, t - 1) &&
			    (k0->flags & SCAN_SPACE_BEFORE) && tok(m, t - 1)->sent == k0->sent &&
			    !(tok(m, t - 1)->flags & (SCAN_POSS | SCAN_ALLCAPS | SCAN_SENT_START | SCAN_HEADLINE)) &&
			    (lex_flags_of(m, t - 1) & DB_LEX_WORD) && !word_names_place(m, t - 1) &&
			    !(m->out->n && m->out->m[m->out->n - 1].tok_end == t)) {
				*next = t1 + 1;
				return PC_OK;
			}
			/* "Chamber of Commerce", "Department of Marine Resources":
			 * a body named by its subject, not the town of Commerce. */
			if ((lf & DB_LEX_WORD) && !any_region && t >= 2 && scan_is_word(s, t - 1, "of") &&
			    is_capword(m, t - 2) &&
			    IN_LIST(match_body_words, s->text + tok(m, t - 2)->off, tok(m, t - 2)->len)) {
				*next = t1 + 1;
				return PC_OK;
			}
			/* "In", "At" opening a sentence, read as some place's
			 * other name. */
			if (t == t1 && opening_prep(m, t)) {
				*next = t1 + 1;
				return PC_OK;
			}
			/* "Google's FluTrends": a common word that is no place's
			 * own name, only another name of a town or a city (Topeka
			 * called itself Google for a month), is the word; another
			 * language's name of a big city is kept ("Moskau"), and
			 * countries and states are named on purpose.  (GeoVirus
			 * dev: a search engine read as Topeka.) */
			if ((lf & DB_LEX_WORD) && (flags & MATCH_ALT_ONLY) && !any_region && !any_foreign(m->hits, n_hits)) {
				*next = t1 + 1;
				return PC_OK;
			}
			if ((lf & DB_LEX_WORD) && !any_region) {
				flags |= MATCH_WEAK;
				/* "Reading the report": a verb, not a town. */
				if ((k0->flags & (SCAN_SENT_START | SCAN_HEADLINE)) && t1 + 1 < s->n_toks &&
				    (tok(m, t1 + 1)->flags & SCAN_WORD) && !(tok(m, t1 + 1)->flags & SCAN_CAP) &&
				    !IN_LIST(match_place_verbs, s->text + tok(m, t1 + 1)->off, tok(m, t1 + 1)->len)) {
					*next = t1 + 1;
					return PC_OK;
				}
			}
			/* A name known only as another name of a place (another
			 * language's included), right after a capitalised word,
			 * ends a longer name the gazetteer lacks: in a dateline,
			 * a place's ("JACKSON HOLE, Wyo."); in running text, a
			 * firm's or a person's ("Credit Suisse", "Vanderlei
			 * Luxemburgo").  Another language's name written for the
			 * place stands on its own ("flew to Moskau"); a sentence's
			 * first word and a title-case headline say nothing. */
			if ((flags & MATCH_ALT_ONLY) && t > 0 && is_capword(m, t - 1) && (k0->flags & SCAN_SPACE_BEFORE) &&
			    ((k0->flags & SCAN_DATELINE) ? (tok(m, t - 1)->flags & SCAN_DATELINE) != 0
							 : tok(m, t - 1)->sent == k0->sent && !(k0->flags & SCAN_HEADLINE) &&
								   !(tok(m, t - 1)->flags &
								     (SCAN_SENT_START | SCAN_ALLCAPS | SCAN_POSS)))) {
				*next = t1 + 1;
				return PC_OK;
			}
			/* "two Tripolis", "the two Georgias": the plural of a
			 * name, not another language's name of it (Greek
			 * Tripolis), as for a word no list knows. */
			if ((flags & MATCH_ALT_ONLY) && t == t1 && plural_of_name(m, t)) {
				*next = t1 + 1;
				return PC_OK;
			}
			if (lf & DB_LEX_GIVEN)
				flags |= MATCH_GIVEN;
			if (lf & DB_LEX_PROPER)
				flags |= MATCH_PROPER;
			if (t1 > t) {
				/* "Old Town", "Twin Cities": a name made of common words. */
				size_t w;
				int all_common = 1;
				for (w = t; w <= t1 && all_common; w++)
					if ((tok(m, w)->flags & SCAN_WORD) &&
					    !(lex_flags_of(m, w) & DB_LEX_WORD))
						all_common = 0;
				if (all_common)
					flags |= MATCH_PHRASE;
			}
			if (k0->flags & SCAN_QUOTED)
				flags |= MATCH_QUOTED;
			if (here_before(m, t, t1))
				flags |= MATCH_HERE;
			if (sic_after(m, t1))
				flags |= MATCH_SIC;
			if (k0->flags & SCAN_DATELINE)
				flags |= MATCH_DATELINE;
			if (k0->flags & SCAN_HEADLINE)
				flags |= MATCH_HEADLINE;
			if (k0->flags & SCAN_SENT_START)
				flags |= MATCH_SENT_START;
			if ((tok(m, t1)->flags & SCAN_POSS) && !poss_name)
				flags |= MATCH_POSS;
			if (slot_before(m, t))
				flags |= MATCH_PLACE_SLOT;
			/* "to Marseille and Nice", "in New York rather than
			 * Sydney": a name joined to one in a place slot stands
			 * in that slot too. */
			if (!(flags & MATCH_PLACE_SLOT) && t >= 2 && m->out->n &&
			    (m->out->m[m->out->n - 1].flags & MATCH_PLACE_SLOT) &&
			    m->out->m[m->out->n - 1].tok_end + 1 + scan_is_word(s, t - 1, "than") == t &&
			    tok(m, t - 1)->sent == k0->sent &&
			    (scan_is_word(s, t - 1, "and") || scan_is_word(s, t - 1, "or") || scan_is_punct(s, t - 1, ',') ||
			     (scan_is_word(s, t - 1, "than") && scan_is_word(s, t - 2, "rather"))))
				flags |= MATCH_PLACE_SLOT;
			if (t1 + 1 < s->n_toks && is_capword(m, t1 + 1) &&
			    (tok(m, t1 + 1)->flags & SCAN_SPACE_BEFORE) && !(tok(m, t1)->flags & SCAN_POSS) &&
			    tok(m, t1 + 1)->sent == tok(m, t1)->sent) {
				const struct scan_tok *nx = tok(m, t1 + 1);
				int river = IN_LIST(match_river_heads, s->text + nx->off, nx->len);
				if ((IN_LIST(match_street_heads, s->text + nx->off, nx->len) || (river && !any_region)) &&
				    !(k0->flags & SCAN_DATELINE)) {
					*next = t1 + 2;
					return PC_OK;
				} else if (river || IN_LIST(match_name_heads, s->text + nx->off, nx->len)) {
					flags |= MATCH_ORG;
				} else if (!(nx->flags & SCAN_ALLCAPS) && !(k0->flags & SCAN_ALLCAPS) &&
					   !(flags & (MATCH_REGION_ABBR | MATCH_DEMONYM)) &&
					   !(tok(m, t1)->flags & SCAN_DOTTED)) {
					/* A dotted abbreviation is no first name: "four
					 * U.S. Chinook helicopters", "in the U.S. Jon
					 * Prinsell said" (GeoVirus dev: 2 missed). */
					/* A surname after it: not a common word, or a
					 * capitalised dictionary entry (Hilton, Sweeney). */
					/* A day is no surname: "fly back to the United
					 * Kingdom Sunday" (news style drops the "on");
					 * a month that is also a given name may start
					 * one ("Georgia May Jagger"). */
					int nf = lex_flags_of(m, t1 + 1);
					if ((!(nf & DB_LEX_WORD) || (lf & DB_LEX_GIVEN)) &&
					    !(IN_LIST(match_calendar, s->text + nx->off, nx->len) && !(nf & DB_LEX_GIVEN)))
						flags |= MATCH_NEXT_SURNAME;
				}
			}
			/* "University of Virginia", "Bank of America": an organisation. */
			/* "the Center for Disease Control" too.  (A lower-case
			 * "of" of the same sentence: "traveling to the U.S. Of
			 * Brazil's cases, ..." starts the next one.) */
			if ((lf & DB_LEX_WORD) && t1 + 2 < s->n_toks &&
			    (scan_is_word(s, t1 + 1, "of") || scan_is_word(s, t1 + 1, "for")) &&
			    !(tok(m, t1 + 1)->flags & SCAN_CAP) && tok(m, t1 + 1)->sent == tok(m, t1)->sent &&
			    is_capword(m, t1 + 2))
				flags |= MATCH_OF_ORG;
		}
		/* "the European Union": a union of states named as one (its
		 * last word heads an organisation's name, every reading a world
		 * region) is a body that acts, votes and gives aid, not a place
		 * to be in; it still says which countries the story concerns.
		 * (GeoVirus labels none of its seven.) */
		if (t1 > t && IN_LIST(match_org_heads, s->text + tok(m, t1)->off, tok(m, t1)->len)) {
			size_t j;
			int all_region = 1;
			for (j = 0; j < n_hits; j++)
				if (m->hits[j].place.kind != DB_KIND_REGION)
					all_region = 0;
			if (all_region)
				flags |= MATCH_NOT_PLACE;
		}
		/* "Columbia Gas", "the Kenya Red Cross Society", "the Jordan
		 * River Parkway": part of another name. */
		if (!(flags & (MATCH_DEMONYM | MATCH_REGION_ABBR)) && !(tok(m, t)->flags & SCAN_DATELINE) &&
		    (org_after(m, t1) || org_before(m, t) || pathogen_name(m, t, t1) || acronym_covers(m, t, t1)))
			flags |= MATCH_NOT_PLACE;
		if (currency_code(m, t, t1) || slash_field(m, t, t1) ||
		    (!(flags & (MATCH_DEMONYM | MATCH_REGION_ABBR)) && code_not_place(m, t, t1) &&
		     !any_short_name(m->hits, n_hits))) {
			*next = t1 + 1;
			return PC_OK;
		}
		/* "Austro-Australian", "Sino-Japanese", "pro-Russia": the second
		 * half of a compound word.  Not after a region's or a city's
		 * name: "the India-Pakistan border", "US-Mexico trade" name two
		 * places (GeoVirus dev: Pakistan missed); a small town's name
		 * before the hyphen is more often half of a double surname
		 * ("Navarro-Valls").  An en dash written tight joins two
		 * names the same way ("the Mahidol–Oxford programme"). */
		if (t >= 2 && (scan_is_punct(s, t - 1, '-') || is_en_dash(m, t - 1)) &&
		    !(tok(m, t - 1)->flags & SCAN_SPACE_BEFORE) &&
		    !(tok(m, t)->flags & SCAN_SPACE_BEFORE) && (tok(m, t - 2)->flags & SCAN_WORD) &&
		    !(m->out->n && m->out->m[m->out->n - 1].tok_end == t - 1 &&
		      !(m->out->m[m->out->n - 1].flags & (MATCH_DEMONYM | MATCH_NOT_PLACE)) &&
		      !only_towns_below_cands(&m->out->m[m->out->n - 1], NAME_END_TOWN_POP)))
			flags |= MATCH_NOT_PLACE;
		/* "Western University", "Reading Football Club": a common word
		 * heading an organisation's name. */
		if ((flags & MATCH_ORG) && t == t1 && (lex_flags_of(m, t) & DB_LEX_WORD)) {
			*next = t1 + 1;
			return PC_OK;
		}
		/* "Saudi Arbia": a village's name (Arbia, Tuscany) one
		 * edit from finishing the name its capitalised word before
		 * opens is that name misspelt, not the village. */
		if (t == t1 && !any_foreign(m->hits, n_hits) && only_small_readings(m, n_hits) &&
		    opener_before(m, t) && pair_near_name(m, t)) {
			note_unknown(m, t);
			*next = t1 + 1;
			return PC_OK;
		}
		if ((rc = push_mention(m, t, t1, keys[i], m->hits, n_hits, flags)) != PC_OK)
			return rc;
		/* "OTTOWA", "Harwick": a word only small places carry is as
		 * often a misspelling as that place.  It is a word to read
		 * against the story's names too; resolve keeps one of the two
		 * (the mention, where it is kept as a place). */
		if (t == t1 && !any_foreign(m->hits, n_hits) && misspelt_alt_only(m, t, n_hits)) {
			m->out->m[m->out->n - 1].flags |= MATCH_MISSPELT_ALT;
			note_unknown(m, t);
		} else if (t == t1 && !any_foreign(m->hits, n_hits) && only_small_readings(m, n_hits))
			note_unknown(m, t);
		*next = t1 + 1;
		return PC_OK;
	}
	note_unknown(m, t);
	return PC_OK;
}

/*
 * "Bolivar, Lebanon and Joplin", "Zurich, Bern": B is the next item of a
 * list, not a qualifier, when no reading of A lies in any region B names
 * but B is also a town close to one of A's readings.  "Charlottesville,
 * N.C." stays a qualifier: N.C. names no town.
 */
/*
 * Does the list go on after mention B (index IB)?  "Dublin, Oslo and
 * Bangkok", "Dublin, Oslo, Bangkok": B is followed by "and"/"or" or by a
 * comma and another mention.
 */
static int list_continues(const struct mstate *m, size_t ib, int chains);

/*
 * "Stroud, Ontario, Canada": town, state, country is one chain of
 * qualifiers, not a list.  Does the chain end at the mention after B (index
 * IB): B has a state reading, the next a country reading, and no list
 * goes on after that?
 */
static int chain_ends(const struct mstate *m, size_t ib)
{
	const struct match_result *o = m->out;
	const struct mention *b = &o->m[ib], *c;
	size_t j;
	int b_state = 0;

	if (ib + 1 >= o->n)
		return 0;
	c = &o->m[ib + 1];
	for (j = 0; j < b->n_cands; j++)
		if (b->cands[j].place.kind == DB_KIND_ADMIN1)
			b_state = 1;
	/* (Whether the list goes on after the country is asked without
	 * asking about chains again: "Georgia, Georgia, Georgia, ..." must
	 * not recurse once per name.) */
	if (!b_state || (c->flags & MATCH_DEMONYM) || list_continues(m, ib + 1, 0))
		return 0;
	for (j = 0; j < c->n_cands; j++)
		if (c->cands[j].place.kind == DB_KIND_COUNTRY)
			return 1;
	return 0;
}

/* Does the list go on after mention IB?  With CHAINS, not where a
 * comma and a country end a chain of qualifiers (chain_ends). */
static int list_continues(const struct mstate *m, size_t ib, int chains)
{
	const struct match_result *o = m->out;
	size_t t = o->m[ib].tok_end;

	/* "Bolivar, Lebanon and Joplin" goes on; "in Tucson, Colorado and
	 * colleagues from ..." does not: after "and" comes another name
	 * ("the" may stand before it: "and the Carolinas"). */
	if (scan_is_word(m->s, t, "and") || scan_is_word(m->s, t, "or")) {
		t++;
		if (scan_is_word(m->s, t, "the"))
			t++;
		return t < m->s->n_toks && is_capword(m, t);
	}
	if (!scan_is_punct(m->s, t, ','))
		return 0;
	if (scan_is_word(m->s, t + 1, "and") || scan_is_word(m->s, t + 1, "or"))
		t++;
	else if (chains && chain_ends(m, ib))
		return 0;
	return ib + 1 < o->n && o->m[ib + 1].tok_start == t + 1;
}

static int list_goes_on(const struct mstate *m, size_t ib)
{
	return list_continues(m, ib, 1);
}

/*
 * Is B a city as big as the region of its name (Oslo, Singapore, Berlin,
 * Vienna, Bangkok)?  Then "Dublin, Oslo" names the city, not the county:
 * within a factor of 1.5 of the region's population.
 */
static int city_region(const struct mention *b)
{
	size_t i, j;

	for (i = 0; i < b->n_cands; i++) {
		const struct db_place *c = &b->cands[i].place;
		if (c->kind != DB_KIND_PLACE || c->population < 100000)
			continue;
		for (j = 0; j < b->n_cands; j++) {
			const struct db_place *r = &b->cands[j].place;
			if ((r->kind == DB_KIND_COUNTRY || r->kind == DB_KIND_ADMIN1) && r->population > 0 &&
			    (double)r->population <= 1.5 * (double)c->population && db_place_in_region(c, r))
				return 1;
		}
	}
	return 0;
}

static int looks_like_list(const struct mstate *m, size_t ia)
{
	const struct mention *a = &m->out->m[ia], *b = &m->out->m[ia + 1];
	size_t i, j;

	for (i = 0; i < a->n_cands; i++)
		for (j = 0; j < b->n_cands; j++)
			if (b->cands[j].place.kind != DB_KIND_PLACE && db_place_in_region(&a->cands[i].place, &b->cands[j].place))
				return 0;
	/* No reading of A in B: a list when it goes on after B or when B is a
	 * city as big as its region, unless B is an abbreviation ("Va."),
	 * which stands only for a region. */
	if (!(b->flags & MATCH_REGION_ABBR) && (list_goes_on(m, ia + 1) || city_region(b)))
		return 1;
	/* "Florida, Georgia and the Carolinas": a state or country first is a
	 * list of regions, whatever small towns share its name; but not a
	 * big city that names its region too ("Kharkiv, Russia": the city and
	 * its oblast; "Auckland, Australia"). */
	{
		int region = 0, city = 0;
		for (i = 0; i < a->n_cands; i++) {
			const struct db_place *p = &a->cands[i].place;
			if (p->kind == DB_KIND_COUNTRY || p->kind == DB_KIND_ADMIN1)
				region = 1;
			else if (p->kind == DB_KIND_PLACE && a->cands[i].name_kind != DB_NAME_ALT &&
				 p->population >= MATCH_BIG_CITY_POP)
				city = 1;
		}
		if (region && !city)
			return 1;
	}
	/* B is a town next to A only if next to the A a reader takes: its
	 * most populous reading.  "Dresden, Poland" names the German city
	 * (wrongly placed), not two villages in Ohio that share the names. */
	{
		size_t top = 0;
		for (i = 1; i < a->n_cands; i++)
			if (a->cands[i].place.population > a->cands[top].place.population)
				top = i;
		for (j = 0; j < b->n_cands && a->n_cands; j++) {
			const struct db_place *p = &a->cands[top].place, *q = &b->cands[j].place;
			double dlat, dlon;
			if (q->kind != DB_KIND_PLACE || strcmp(p->country, q->country) != 0)
				continue;
			/* within about 150 km */
			dlat = p->lat - q->lat;
			dlon = (p->lon - q->lon) * cos(p->lat * (M_PI / 180.0));
			if (dlat * dlat + dlon * dlon < 1.35 * 1.35)
				return 1;
		}
	}
	return 0;
}

/* "Latin American music": a word right before a demonym is part of a
 * compound, not a misspelt Lalin. */
static void drop_before_demonym(struct mstate *m)
{
	struct match_result *o = m->out;
	size_t i, j, k = 0;

	for (i = j = 0; i < o->n_unk; i++) {
		while (k < o->n && o->m[k].tok_start < o->unk[i].tok_end)
			k++;
		if (k < o->n && o->m[k].tok_start == o->unk[i].tok_end && (o->m[k].flags & MATCH_DEMONYM))
			continue;
		o->unk[j++] = o->unk[i];
	}
	o->n_unk = j;
}

/* Drop one-word mentions that the document uses as a surname elsewhere
 * (known_surname); run before qualifiers are linked by index. */
/*
 * "Murphy, Horgan, D'Arcy, Hickie, O'Gara, Stringer, Corrigan, Byrne,
 * Hayes, ..., Leamy, Foley": a team sheet.  A run of PEOPLE_LIST_MIN or
 * more capitalised items joined by commas or "and", none of them a region
 * or a town of PEOPLE_LIST_PLACE_POP people, and more than half of them no
 * place the gazetteer knows, is a list of people: its small towns
 * (Murphy, Texas; Foley, Ala.) are surnames, and its unknown words no
 * misspellings ("Leamy" was a note for Lemay, Mo.).  A list of villages
 * has most of its villages in the gazetteer, and stays.
 */
#define PEOPLE_LIST_MIN 5
#define PEOPLE_LIST_ITEMS 64 /* a run is judged on its first items */
#define PEOPLE_LIST_PLACE_POP 100000 /* Murphy, Texas, has 50,000 */

/* The item (a run of capitalised words: "S Easterby", "Simpson-Daniel")
 * starting at token T: its end (exclusive), or T if none starts there. */
static size_t list_item_end(const struct mstate *m, size_t t)
{
	const struct scan_doc *s = m->s;
	size_t u = t;

	if (!is_capword(m, t) || (tok(m, t)->flags & SCAN_POSS))
		return t;
	for (u = t + 1; u < s->n_toks && tok(m, u)->sent == tok(m, t)->sent; u++) {
		if (tok(m, u - 1)->flags & SCAN_POSS)
			break;
		if (is_capword(m, u) && (tok(m, u)->flags & SCAN_SPACE_BEFORE))
			continue;
		if (scan_is_punct(s, u, '-') && !(tok(m, u)->flags & SCAN_SPACE_BEFORE) && u + 1 < s->n_toks &&
		    is_capword(m, u + 1) && !(tok(m, u + 1)->flags & SCAN_SPACE_BEFORE)) {
			u++;
			continue;
		}
		break;
	}
	return u;
}

static void drop_people_lists(struct mstate *m)
{
	const struct scan_doc *s = m->s;
	struct match_result *o = m->out;
	unsigned char *gone = NULL;
	size_t t = 0, i, j;

	while (t < s->n_toks) {
		size_t a[PEOPLE_LIST_ITEMS], b[PEOPLE_LIST_ITEMS], n = 0, u = t, e;
		size_t unknown = 0, k;
		int placey = 0;
		while (n < PEOPLE_LIST_ITEMS && (e = list_item_end(m, u)) > u) {
			a[n] = u;
			b[n++] = e;
			if (e + 1 >= s->n_toks || tok(m, e)->sent != tok(m, u)->sent ||
			    !(scan_is_punct(s, e, ',') || scan_is_word(s, e, "and")))
				break;
			u = e + 1;
		}
		if (n < PEOPLE_LIST_MIN) {
			t = n ? b[n - 1] : t + 1;
			continue;
		}
		for (k = 0; k < n && !placey; k++) {
			size_t q = match_first_at(o, a[k]), c;
			if (q >= o->n || o->m[q].tok_start != a[k] || o->m[q].tok_end != b[k]) {
				unknown++;
				continue;
			}
			/* (A county counts where counties qualify towns: "Kent,
			 * Essex and Surrey"; not a Jamaican district called
			 * Hayes.) */
			for (c = 0; c < o->m[q].n_cands; c++) {
				const struct db_place *p = &o->m[q].cands[c].place;
				if (p->kind == DB_KIND_COUNTRY || p->kind == DB_KIND_ADMIN1 || p->kind == DB_KIND_REGION ||
				    (p->kind == DB_KIND_ADMIN2 && db_county_country(p->country)) ||
				    (p->kind == DB_KIND_PLACE && p->population >= PEOPLE_LIST_PLACE_POP))
					placey = 1;
			}
		}
		if (!placey && unknown * 2 > n) {
			if (!gone)
				gone = arena_calloc(m->a, s->n_toks, 1);
			for (k = 0; k < n; k++)
				gone[a[k]] = 1;
		}
		t = b[n - 1];
	}
	if (!gone)
		return;
	for (i = j = 0; i < o->n; i++)
		if (!gone[o->m[i].tok_start] || o->m[i].tok_end != o->m[i].tok_start + 1 ||
		    (o->m[i].flags & (MATCH_DEMONYM | MATCH_REGION_ABBR)))
			o->m[j++] = o->m[i];
	o->n = j;
	for (i = j = 0; i < o->n_unk; i++)
		if (!gone[o->unk[i].tok_start])
			o->unk[j++] = o->unk[i];
	o->n_unk = j;
}

static void drop_surnames(struct mstate *m)
{
	struct match_result *o = m->out;
	size_t i, j;

	if (!m->surnames.n)
		return;
	for (i = j = 0; i < o->n; i++) {
		const struct mention *mn = &o->m[i];
		size_t c;
		int region = 0;
		/* Countries and states are named on purpose ("Michael Jordan"
		 * in a story that also says "Jordan's king"). */
		for (c = 0; c < mn->n_cands; c++)
			if (mn->cands[c].place.kind == DB_KIND_COUNTRY || mn->cands[c].place.kind == DB_KIND_ADMIN1)
				region = 1;
		if (!region && mn->tok_end == mn->tok_start + 1 &&
		    !(mn->flags & (MATCH_DEMONYM | MATCH_REGION_ABBR)) && known_surname(m, mn->tok_start, mn->key))
			continue;
		o->m[j++] = *mn;
	}
	o->n = j;
}

/*
 * Is tokens [T, T1] the story's dateline name, word for word ("Saint
 * John's economy" under "SAINT JOHN, N.B.", wherever the dateline stands)?
 * Then the 's is a possessive of that city, not St. John's, N.L.; "St.
 * John's" spelled otherwise still is.
 */
static int dateline_spells(struct mstate *m, size_t t, size_t t1)
{
	const struct scan_doc *s = m->s;
	size_t d, k;

	/* The dateline's first token, found once per document. */
	if (!m->dateline_known) {
		for (d = 0; d < s->n_toks && !(s->toks[d].flags & SCAN_DATELINE); d++)
			;
		m->dateline_tok = d;
		m->dateline_known = 1;
	}
	d = m->dateline_tok;
	if (d == s->n_toks || d == t)
		return 0;
	for (k = 0; k <= t1 - t; k++) {
		const struct scan_tok *a = &s->toks[d + k], *b = &s->toks[t + k];
		if (d + k >= s->n_toks || !(a->flags & SCAN_DATELINE) || a->len != b->len ||
		    strncasecmp(s->text + a->off, s->text + b->off, a->len) != 0)
			return 0;
	}
	/* and the dateline's name ends there */
	return d + k >= s->n_toks || !(s->toks[d + k].flags & SCAN_WORD);
}

/* Has mention A a state reading in the country of state R ("Florida" for
 * Georgia, US: two states of one country, a list)? */
static int same_country_state(const struct mention *a, const struct db_place *r)
{
	size_t j;

	for (j = 0; j < a->n_cands; j++)
		if (a->cands[j].place.kind == DB_KIND_ADMIN1 && strcmp(a->cands[j].place.country, r->country) == 0)
			return 1;
	return 0;
}

/* Link "Charlotte, N.C." / "Portland, Maine": a region right after a comma. */
static void link_qualifiers(struct mstate *m)
{
	struct match_result *o = m->out;
	size_t i, j;

	for (i = 0; i + 1 < o->n; i++) {
		struct mention *a = &o->m[i], *b = &o->m[i + 1];
		int b_region = 0, state_of = 0;
		if (b->tok_start != a->tok_end + 1 || !scan_is_punct(m->s, a->tok_end, ','))
			continue;
		/* "on Thursday, NSW Police said": a day is no place to qualify. */
		if (a->flags & (MATCH_DEMONYM | MATCH_REGION_ABBR | MATCH_CALENDAR))
			continue;
		/* "Niger, Nigeria's neighbour": a possessive is no qualifier, and
		 * a country or state is not qualified by another. */
		if (b->flags & MATCH_POSS)
			continue;
		/* A town is qualified by a state or country; a state or
		 * province only by a country ("Ontario, Canada"; "California,
		 * Canada" is a slip), and not when B is a state as well:
		 * "Florida, Georgia" is two states. */
		{
			int a_place = 0, a_state = 0, b_country = 0, b_state = 0, b_sibling = 0;
			int a_city = 0, a_country = 0, a_town_in_county = 0, b_county = 0;
			for (j = 0; j < a->n_cands; j++) {
				int k = a->cands[j].place.kind;
				if (k == DB_KIND_COUNTRY)
					a_country = 1;
				if (k == DB_KIND_PLACE && db_county_country(a->cands[j].place.country))
					a_town_in_county = 1;
				if (k == DB_KIND_PLACE || k == DB_KIND_ADMIN2) {
					a_place = 1;
					if (a->cands[j].name_kind != DB_NAME_ALT && a->cands[j].place.population >= MATCH_BIG_CITY_POP)
						a_city = 1;
				} else if (k == DB_KIND_ADMIN1)
					a_state = 1;
			}
			/* A state that is also a big city ("Auckland, Australia")
			 * is the city: the slip is the city's country. */
			a_state = a_state && !a_city;
			for (j = 0; j < b->n_cands; j++) {
				int k = b->cands[j].place.kind;
				if (k == DB_KIND_COUNTRY)
					b_country = 1;
				else if (k == DB_KIND_ADMIN1) {
					b_state = 1;
					b_sibling = b_sibling || same_country_state(a, &b->cands[j].place);
				} else if (k == DB_KIND_ADMIN2 && db_county_country(b->cands[j].place.country) &&
					   b->cands[j].name_kind != DB_NAME_ALT)
					b_county = 1;
			}
			/* "Lewes, East Sussex", "Killarney, Kerry": a British or
			 * Irish county qualifies a town as a state does (db.h
			 * DB_COUNTY_COUNTRIES_SQL); not a county ("Kent, Sussex"
			 * is two). */
			if (b_county && a_town_in_county && !b_country && !b_state)
				b_state = 1;
			if (a_state && b_country && !b_sibling && !(a->flags & MATCH_DATELINE)) {
				if (!list_goes_on(m, i + 1))
					b_region = state_of = 1;
			} else if (a_place && !(a_country && !b_state))
				/* (Two countries are two items: "China, Japan" is
				 * no village called China in Japan; "Mexico, Mo."
				 * is the town.) */
				b_region = b_country || b_state;
		}
		if (!b_region || (b->flags & MATCH_DEMONYM))
			continue;
		/* A dateline is "CITY, REGION —", never a list
		 * ("LAS CRUCES, Texas — New Mexico State University..."). */
		if (!((a->flags & MATCH_DATELINE) && (b->flags & MATCH_DATELINE)) && !state_of && looks_like_list(m, i))
			continue;
		/* "the Yankees beat Toronto, Minnesota won at Cleveland": a
		 * region followed by a verb starts the next clause (not the
		 * country that ends a chain: "Philippi, West Virginia, Mexico
		 * was"); "Boston,
		 * Texas, Denver, Utah": one followed by another name is a list. */
		if (b->tok_end < m->s->n_toks &&
		    ((IN_LIST(match_clause_verbs, m->s->text + tok(m, b->tok_end)->off, tok(m, b->tok_end)->len) &&
		      !(state_of && (a->flags & MATCH_QUALIFIER))) ||
		     (scan_is_punct(m->s, b->tok_end, ',') && i + 2 < o->n &&
		      o->m[i + 2].tok_start == b->tok_end + 1 && !(o->m[i + 2].flags & MATCH_REGION_ABBR) &&
		      !chain_ends(m, i + 1))))
			continue;
		/* "Kashmir, India-Pakistan border": a region joined to another
		 * word by a hyphen is part of a compound, not a qualifier. */
		if (b->tok_end < m->s->n_toks && scan_is_punct(m->s, b->tok_end, '-') &&
		    !(tok(m, b->tok_end)->flags & SCAN_SPACE_BEFORE))
			continue;
		/* "in Edinburgh, Wales Secretary Peter Hain said": a region run
		 * straight into a capitalised word opens a name of its own, not a
		 * qualifier (a qualifier ends at punctuation or runs on in lower
		 * case: "Odesa, Ukraine on Tuesday"). */
		if (!(a->flags & MATCH_DATELINE) && !(a->flags & MATCH_HEADLINE) && b->tok_end < m->s->n_toks &&
		    is_capword(m, b->tok_end) && (tok(m, b->tok_end)->flags & SCAN_SPACE_BEFORE) &&
		    tok(m, b->tok_end)->sent == tok(m, b->tok_start)->sent)
			continue;
		/* "Bournemouth East, Wells, Canterbury": a name that is itself
		 * the next item of a list (a comma and a place before it, not a
		 * qualifier) starts no qualified pair; a name after a comma and
		 * some other word ("the Golden-Domed Monastery, Kyiv, Russia")
		 * may. */
		if (a->tok_start >= 2 && scan_is_punct(m->s, a->tok_start - 1, ',') && i > 0 &&
		    o->m[i - 1].tok_end + 1 == a->tok_start && tok(m, a->tok_start - 2)->sent == tok(m, a->tok_start)->sent &&
		    !(o->m[i - 1].flags & MATCH_QUALIFIER) && !(a->flags & MATCH_QUALIFIER))
			continue;
		/* "..., Bournemouth East, Wells, Canterbury, Cities of London
		 * and Westminster": a pair with comma items on both sides is
		 * two items of a longer list, whatever the items around it are
		 * (constituencies, teams) and whether or not they are places.
		 * An abbreviation ("Va.") still qualifies. */
		if (!(b->flags & MATCH_REGION_ABBR) && a->tok_start >= 2 && scan_is_punct(m->s, a->tok_start - 1, ',') &&
		    is_capword(m, a->tok_start - 2) && tok(m, a->tok_start - 2)->sent == tok(m, a->tok_start)->sent &&
		    b->tok_end + 1 < m->s->n_toks && scan_is_punct(m->s, b->tok_end, ',') && is_capword(m, b->tok_end + 1) &&
		    tok(m, b->tok_end + 1)->sent == tok(m, b->tok_start)->sent)
			continue;
		/* "Savannah Guthrie, Georgia May Jagger": a region that is also
		 * a given name, with a capitalised word after it, starts the
		 * next person's name. */
		if ((b->flags & MATCH_GIVEN) && b->tok_end < m->s->n_toks && is_capword(m, b->tok_end) &&
		    (tok(m, b->tok_end)->flags & SCAN_SPACE_BEFORE) && tok(m, b->tok_end)->sent == tok(m, b->tok_start)->sent)
			continue;
		/* Keep only region readings for the qualifier. */
		cands_own(m, b);
		for (j = 0; j < b->n_cands;) {
			int k = b->cands[j].place.kind;
			if (k == DB_KIND_COUNTRY || k == DB_KIND_ADMIN1 ||
			    (k == DB_KIND_ADMIN2 && db_county_country(b->cands[j].place.country) &&
			     b->cands[j].name_kind != DB_NAME_ALT)) {
				j++;
				continue;
			}
			b->cands[j] = b->cands[--b->n_cands];
		}
		if (state_of)
			a->flags |= MATCH_STATE_QUAL;
		a->qualifier = (int)(i + 1);
		b->qualified = (int)i;
		b->flags |= MATCH_QUALIFIER;
		b->flags &= ~(unsigned)MATCH_WEAK;
	}
}

/*
 * "the Indian state of Punjab", "the U.S. state of Georgia", "the Australian
 * city of Perth": a country (or its demonym), a kind of place and "of"
 * say which country the name is in.  Keep only the readings there, when
 * there are any.
 */
static void link_country_of(struct mstate *m)
{
	static const char *const kinds[] = {
		"state", "province", "region", "territory", "city", "town", "village",
		"capital", "county", "district", "port", "island", "municipality",
	};
	struct match_result *o = m->out;
	size_t i, j, k, n;

	for (i = 0; i + 1 < o->n; i++) {
		struct mention *b = &o->m[i], *c = &o->m[i + 1];
		size_t t = b->tok_end;
		int kind_word = 0;
		if (c->tok_start != t + 2 || !scan_is_word(m->s, t + 1, "of") || c->qualifier >= 0)
			continue;
		for (k = 0; k < sizeof kinds / sizeof kinds[0] && !kind_word; k++)
			kind_word = scan_is_word(m->s, t, kinds[k]);
		if (!kind_word)
			continue;
		for (j = n = 0; j < c->n_cands; j++)
			for (k = 0; k < b->n_cands; k++)
				if (b->cands[k].place.kind == DB_KIND_COUNTRY &&
				    strcmp(b->cands[k].place.country, c->cands[j].place.country) == 0) {
					n++;
					break;
				}
		if (n == 0 || n == c->n_cands)
			continue;
		cands_own(m, c);
		for (j = 0; j < c->n_cands;) {
			int in = 0;
			for (k = 0; k < b->n_cands && !in; k++)
				in = b->cands[k].place.kind == DB_KIND_COUNTRY &&
				     strcmp(b->cands[k].place.country, c->cands[j].place.country) == 0;
			if (in) {
				j++;
				continue;
			}
			/* keep the order: the readings are sorted */
			memmove(&c->cands[j], &c->cands[j + 1], (c->n_cands - j - 1) * sizeof *c->cands);
			c->n_cands--;
		}
	}
}

enum pc_rc match_run(struct db *db, const struct scan_doc *s, struct arena *a,
		     struct match_result *out, struct diag *d)
{
	struct mstate m;
	size_t t = 0;
	enum pc_rc rc = PC_OK;

	memset(out, 0, sizeof *out);
	memset(&m, 0, sizeof m);
	m.db = db;
	m.s = s;
	m.a = a;
	m.out = out;
	buf_init(&m.key, 1024);
	collect_acronyms(&m);
	while (t < s->n_toks) {
		const struct scan_tok *k = &s->toks[t];
		size_t next = t + 1;
		if ((k->flags & SCAN_WORD) && (k->flags & SCAN_CAP)) {
			if ((rc = try_at(&m, t, &next)) != PC_OK) {
				diag_set(d, rc, NULL, 0, 0, "name lookup failed");
				break;
			}
		}
		t = next;
	}
	buf_free(&m.key);
	if (rc == PC_OK) {
		drop_before_demonym(&m);
		drop_people_lists(&m);
		drop_surnames(&m);
		link_qualifiers(&m);
		link_country_of(&m);
	}
	return rc;
}

size_t match_first_at(const struct match_result *mr, size_t tok)
{
	size_t lo = 0, hi = mr->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (mr->m[mid].tok_start < tok)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
