/*
 * detect_features.c: the features of a candidate (detect_int.h).  Each
 * is a plain description of the mention, the two places and what the
 * story says of each; how much each counts is the fitted weights' job.
 */
#include "detect/detect_int.h"

#include <math.h>
#include <string.h>
#include <strings.h>

const struct detect_feat_info detect_feat_info[F__COUNT] = {
	[F_BIAS] = { "bias", NULL },
	[F_REL_SUFFIX] = { "rel_suffix", NULL },
	[F_REL_WORD] = { "rel_word", NULL },
	[F_REL_EDIT] = { "rel_edit", NULL },
	[F_REL_LISTED] = { "rel_listed", NULL },
	[F_REL_VARIANT] = { "rel_variant", "%L is another spelling of %T" },
	[F_REL_ELSEWHERE] = { "rel_elsewhere", NULL },
	[F_REL_REGION_OF] = { "rel_region_of", NULL },
	[F_REL_REGION_ALIKE] = { "rel_region_alike", NULL },
	[F_REL_DEMONYM] = { "rel_demonym", NULL },
	[F_REL_MISSPELL] = { "rel_misspell", NULL },
	[F_REL_SCENE] = { "rel_scene", "the story puts the speaker at %T" },
	[F_REL_FOREIGN] = { "rel_foreign", "%L is another language's name for %T" },
	[F_REL_CAPITAL] = { "rel_capital", "the text calls %L the capital; GeoNames gives %T" },
	[F_LISTED] = { "listed", "%L and %T are a documented confusion" },
	[F_DIST] = { "dist", NULL },
	[F_SHORT_FORM] = { "short_form", NULL },
	[F_T_STRONG] = { "t_strong", "the story names %T, its state or places near it" },
	[F_T_STRONG_QUAL] = { "t_strong_qual", "the story names %T, its state or places near it" },
	[F_T_STRONG_WIRE] = { "t_strong_wire", "the story names %T, its state or places near it" },
	[F_L_STRONG] = { "l_strong", "the story gives %L nothing of its own" },
	[F_T_SAME] = { "t_same", "%T itself is named in the story" },
	[F_T_REGION] = { "t_region", "%T's state or region is named" },
	[F_L_REGION] = { "l_region", "the story names nothing of %L's state" },
	[F_T_NEAR] = { "t_near", "places near %T are named" },
	[F_T_COUNTRY] = { "t_country", "%T's country is named" },
	[F_L_COUNTRY] = { "l_country", "the story does not name %L's country" },
	[F_T_LOCAL] = { "t_local", "%T is supported in the same or the next sentence" },
	[F_L_LOCAL] = { "l_local", NULL },
	[F_L_BESIDE] = { "l_beside", NULL },
	[F_T_DATELINE] = { "t_dateline", "the dateline puts the story at %T" },
	[F_L_CAPITAL] = { "l_capital", "the story names %L's capital" },
	[F_L_DATELINE] = { "l_dateline", NULL },
	[F_T_CUE] = { "t_cue", "a team, institution or landmark of %T is named" },
	[F_T_CUE_NAME] = { "t_cue_name", "%T with the words after it is a known name" },
	/* (detect_evidence names the topic and its cue.) */
	[F_T_TOPIC] = { "t_topic", "the story's topic takes in %T and not %L" },
	[F_L_TOPIC] = { "l_topic", NULL },
	[F_T_CC_SHARE] = { "t_cc_share", "the story is mostly about %T's country" },
	[F_L_CC_SHARE] = { "l_cc_share", "the story names little of %L's country" },
	[F_T_A1_SHARE] = { "t_a1_share", "the story is mostly about %T's state or region" },
	[F_L_A1_SHARE] = { "l_a1_share", NULL },
	[F_L_REPEAT] = { "l_repeat", "%L is written only once" },
	[F_T_WRITTEN] = { "t_written", "the story writes %T elsewhere" },
	[F_T_SAME_SENT] = { "t_same_sent", NULL },
	[F_T_FAMILY] = { "t_family", NULL },
	[F_T_PROM] = { "t_prom", "%T is a prominent place" },
	[F_L_PROM] = { "l_prom", "%L is a small place" },
	[F_T_IS_REGION] = { "t_is_region", NULL },
	[F_L_IS_REGION] = { "l_is_region", NULL },
	[F_SAME_COUNTRY] = { "same_country", NULL },
	[F_NEIGHBOURS] = { "neighbours", NULL },
	[F_LOG_KM] = { "log_km", NULL },
	[F_LIST] = { "list", NULL },
	[F_PARENS] = { "parens", NULL },
	[F_PARTNER] = { "partner", NULL },
	[F_BOTH_PARTIES] = { "both_parties", NULL },
	[F_QUOTED] = { "quoted", NULL },
	[F_QUOTE_SCENE] = { "quote_scene", "%T is where the story is, and the name is in a quotation" },
	[F_HEADLINE] = { "headline", NULL },
	[F_DATELINE_POS] = { "dateline_pos", NULL },
	[F_COUNTRY_SLOT] = { "country_slot", "%L stands where a state acts (\"%L's government\")" },
	[F_REGION_SLOT] = { "region_slot", "the text calls it a state or province, which %T is and %L is not" },
	[F_PLACE_SLOT] = { "place_slot", NULL },
	[F_HERE] = { "here", "%L is said of where the speaker stands" },
	[F_QUALIFIED] = { "qualified", NULL },
	[F_QUAL_NOT] = { "qual_not", "no place called %L lies in the region named" },
	[F_QUAL_HAMLET] = { "qual_hamlet", "only a hamlet under an old name lies in the region named" },
	[F_T_IN_QUAL] = { "t_in_qual", "%T lies in the region named" },
	[F_L_WEAK_NAME] = { "l_weak_name", NULL },
	[F_L_ALT] = { "l_alt", NULL },
	[F_L_UNKEPT] = { "l_unkept", "the story gives %L no support as a place" },
	[F_T_UNTOLD] = { "t_untold", NULL },
	[F_CONTRAST] = { "contrast", NULL },
	[F_WITH_T] = { "with_t", NULL },
	[F_CAPITAL_REF] = { "capital_ref", NULL },
	[F_WORD_PROPER] = { "word_proper", NULL },
	[F_WORD_T_WRITTEN] = { "word_t_written", "%T is spelled right elsewhere in the story" },
	[F_QUAL_L_PROM] = { "qual_l_prom", NULL },
	[F_QUAL_BODY] = { "qual_body", NULL },
	[F_QUAL_TOLD] = { "qual_told", NULL },
	[F_QUAL_VARIANT] = { "qual_variant", "%T is the place of the name in the region named" },
	[F_SHARE_MARGIN] = { "share_margin", "more of the story lies in %T's state or country than in %L's" },
	[F_SCENE_MARGIN] = { "scene_margin", "the story under the dateline lies in %T's state or country, not %L's" },
	[F_SCENE_RENAMED] = { "scene_renamed", NULL },
	[F_WORD_SLOT] = { "word_slot", "the word stands where a place stands" },
	[F_WORD_DEMONYM] = { "word_demonym", NULL },
	[F_WORD_TYPO] = { "word_typo", "%L looks like a typing slip for %T" },
	[F_WORD_DROP] = { "word_drop", "%L is %T with a letter left out" },
	[F_WORD_LEN] = { "word_len", NULL },
	[F_WORD_REPEAT] = { "word_repeat", NULL },
	[F_WORD_TWO] = { "word_two", "%L is %T with one of its words mistyped" },
};

const size_t detect_n_features = F__COUNT;

const char *detect_feature_name(size_t i)
{
	return i < F__COUNT ? detect_feat_info[i].name : "";
}

/*
 * Prominence: log10 of the population over PROM_DECADES (a city of ten
 * million is 1); a country or a state counts as 1, whatever its people.
 */
#define PROM_DECADES 7.0
#define PROM_POP_FLOOR 100.0
/* Distance between the two places: log10(1 + km) over KM_DECADES. */
#define KM_DECADES 4.0
/* Mentions of T's name counted, at most (a count, not a scan). */
#define WRITTEN_CAP 64
/* Edit distances above this count as this. */
#define DIST_CAP 3

/* Nouns after a name that make it speak for the state itself:
 * "Niger's central bank", "Austrian ministers". */
static const char *const state_nouns[] = {
	"government", "minister", "ministers", "ministry", "officials", "official",
	"authorities", "police", "army", "troops", "soldiers", "forces", "military",
	"navy", "president", "prime", "premier", "parliament", "lawmakers",
	"legislators", "senate", "central", "economy", "farmers", "growers",
	"exporters", "voters", "capital", "embassy", "diplomats", "state", "national",
	"federal", "court", "courts", "coast", "border", "team", "squad", "league",
};

static int before_state_noun(const struct scan_doc *s, size_t t)
{
	size_t i;

	if (t >= s->n_toks || !(s->toks[t].flags & SCAN_WORD))
		return 0;
	for (i = 0; i < sizeof state_nouns / sizeof state_nouns[0]; i++)
		if (strlen(state_nouns[i]) == s->toks[t].len &&
		    strncasecmp(state_nouns[i], s->text + s->toks[t].off, s->toks[t].len) == 0)
			return 1;
	return 0;
}

/* Is LNG the key SHRT with whole words added before or after it? */
static int word_extends(const char *shrt, const char *lng)
{
	size_t ls = strlen(shrt), ll = strlen(lng);

	if (ll <= ls + 1)
		return 0;
	if (strncmp(lng, shrt, ls) == 0 && lng[ls] == ' ')
		return 1;
	return strcmp(lng + ll - ls, shrt) == 0 && lng[ll - ls - 1] == ' ';
}

/*
 * How many other names stand within LIST_REACH tokens of the span, in its
 * sentence, [TOK, TOK_END): a list or a table ("Jurgen Melzer (Austria), Lindsay
 * Davenport (US)") names places side by side for what they are.
 */
#define LIST_REACH 8
/* A list this long (log(1 + names nearby)) names its places on purpose. */
#define LIST_BOTH 1.0

static size_t list_neighbours(const struct resolve_state *rs, size_t tok, size_t tok_end)
{
	const struct match_result *mr = rs->mr;
	size_t n = 0, i, from = tok > LIST_REACH ? tok - LIST_REACH : 0;

	for (i = match_first_at(mr, from); i < mr->n && mr->m[i].tok_start < tok_end + LIST_REACH; i++)
		/* (A dateline opens the first sentence but lists nothing; a
		 * word not read as a place, "We" at a quotation's start, is
		 * no list member.) */
		if ((mr->m[i].tok_start < tok || mr->m[i].tok_start >= tok_end) &&
		    !(mr->m[i].flags & (MATCH_QUALIFIER | MATCH_REGION_ABBR | MATCH_DATELINE)) && rs->rm[i].keep &&
		    rs->s->toks[mr->m[i].tok_start].sent == rs->s->toks[tok].sent)
			n++;
	return n;
}

/* Does a mention at token T stand for place P, under any of its names
 * ("Slovak" for Slovakia), or write name KEY? */
static int names_at(const struct resolve_state *rs, size_t t, const struct db_place *p, const char *key)
{
	size_t i = match_first_at(rs->mr, t);
	const struct mention *mn;
	int b;

	if (i >= rs->mr->n || rs->mr->m[i].tok_start != t)
		return 0;
	mn = &rs->mr->m[i];
	b = rs->rm[i].best;
	return strcmp(mn->key, key) == 0 || (b >= 0 && mn->cands[b].place.id == p->id);
}

/* Words between two names that set them side by side: "Slovenian and
 * Slovak teams", "Iran or Iraq", "Niger v Nigeria". */
static const char *const partner_joins[] = { "and", "or", "nor", "v", "vs", "versus" };

static int partner_after(const struct resolve_state *rs, size_t tok_end, const struct db_place *p, const char *key)
{
	const struct scan_doc *s = rs->s;
	size_t i;

	if (tok_end + 1 >= s->n_toks || s->toks[tok_end].sent != s->toks[tok_end + 1].sent)
		return 0;
	if (scan_is_punct(s, tok_end, ','))
		return names_at(rs, tok_end + 1, p, key);
	for (i = 0; i < sizeof partner_joins / sizeof partner_joins[0]; i++)
		if (scan_is_word(s, tok_end, partner_joins[i]))
			return names_at(rs, tok_end + 1, p, key);
	return 0;
}

/* ... or before it, a comma or a joining word away: "Indonesian, Indian
 * and Hong Kong stock markets", "Nigeria or Niger": does the mention that
 * ends at the comma or the word before token TOK name P? */
static int partner_before_name(const struct resolve_state *rs, size_t tok, const struct db_place *p, const char *key)
{
	const struct scan_doc *s = rs->s;
	const struct match_result *mr = rs->mr;
	size_t i, j, from;

	if (tok < 2 || s->toks[tok - 1].sent != s->toks[tok].sent)
		return 0;
	if (!scan_is_punct(s, tok - 1, ',')) {
		for (j = 0; j < sizeof partner_joins / sizeof partner_joins[0]; j++)
			if (scan_is_word(s, tok - 1, partner_joins[j]))
				break;
		if (j == sizeof partner_joins / sizeof partner_joins[0])
			return 0;
	}
	from = tok - 1 > MATCH_MAX_WORDS ? tok - 1 - MATCH_MAX_WORDS : 0;
	for (i = match_first_at(mr, from); i < mr->n && mr->m[i].tok_start < tok - 1; i++)
		if (mr->m[i].tok_end == tok - 1)
			return names_at(rs, mr->m[i].tok_start, p, key);
	return 0;
}

/* Words before a name that make it a second party to what the story is
 * about: "the war with Iran", "Nigeria and Chad", "against Austria". */
static const char *const partner_words[] = {
	"with", "against", "between", "and", "or", "v", "vs", "versus", "beat", "beating",
	"neighbouring", "neighboring", "rival", "over",
};

static int partner_before(const struct scan_doc *s, size_t t)
{
	size_t i;

	if (t == 0 || !(s->toks[t - 1].flags & SCAN_WORD) || s->toks[t - 1].sent != s->toks[t].sent)
		return 0;
	for (i = 0; i < sizeof partner_words / sizeof partner_words[0]; i++)
		if (scan_is_word(s, t - 1, partner_words[i]))
			return 1;
	return 0;
}

/*
 * Is another demonym in the sentence of token TOK (looking at most
 * RESOLVE_SENT_SPAN tokens either side, the dateline no part of it) read as
 * place P?  "Several Slovenian and Slovak teams": the writer names both
 * nationalities side by side, a contrast as plain as writing T's own name
 * there, though "Slovak" is not the demonym key the alternative carries
 * ("Slovakian").
 */
static int demonym_in_sentence(const struct resolve_state *rs, size_t m, size_t tok, const struct db_place *p)
{
	const struct match_result *mr = rs->mr;
	size_t i, lo = tok > RESOLVE_SENT_SPAN ? tok - RESOLVE_SENT_SPAN : 0;
	unsigned sent = rs->s->toks[tok].sent;

	for (i = match_first_at(mr, lo); i < mr->n && mr->m[i].tok_start <= tok + RESOLVE_SENT_SPAN; i++) {
		const struct mention *o = &mr->m[i];
		int b = rs->rm[i].best;
		if (i == m || !(o->flags & MATCH_DEMONYM) || (o->flags & MATCH_DATELINE) ||
		    rs->s->toks[o->tok_start].sent != sent)
			continue;
		if (b >= 0 && o->cands[b].place.id == p->id)
			return 1;
	}
	return 0;
}

/*
 * Places beside L: how many mentions in the sentence of token TOK or the
 * next or previous one (the same paragraph, at most BESIDE_REACH mentions
 * either side) read as a place in neither L's country nor T's that lies
 * within BESIDE_KM of L and not of T.  "Maria moved on to Puerto
 * Rico ... north of the Dominican Republic": the sentence's own geography
 * is L's.  What lies in L's country is L's support already (l_local); a
 * country's point is its published centre, so BESIDE_KM is wide enough
 * for two neighbours' centres (Puerto Rico and the Dominican Republic lie
 * 450 km apart) and no wider than FIT_NEAR4's reach in resolve.
 */
#define BESIDE_KM 500.0
#define BESIDE_REACH 16

static size_t beside_lit(const struct resolve_state *rs, size_t m, size_t tok, const struct db_place *L,
			 const struct db_place *T)
{
	const struct match_result *mr = rs->mr;
	const struct scan_tok *t = &rs->s->toks[tok];
	size_t i, n = 0, lo = m >= BESIDE_REACH ? m - BESIDE_REACH : 0, hi = m + BESIDE_REACH + 1;

	for (i = lo; i < mr->n && i < hi; i++) {
		const struct mention *o = &mr->m[i];
		const struct scan_tok *u = &rs->s->toks[o->tok_start];
		const struct db_place *p;
		long ds = (long)u->sent - (long)t->sent;
		int b = rs->rm[i].best;
		if (i == m || b < 0 || !rs->rm[i].keep || u->para != t->para || ds < -1 || ds > 1 ||
		    (o->flags & (MATCH_QUALIFIER | MATCH_REGION_ABBR | MATCH_DATELINE)) || rs->key_id[i] == rs->key_id[m])
			continue;
		p = &o->cands[b].place;
		if (p->id == L->id || p->id == T->id || strcmp(p->country, L->country) == 0 ||
		    strcmp(p->country, T->country) == 0)
			continue;
		if (resolve_km(p->lat, p->lon, L->lat, L->lon) <= BESIDE_KM &&
		    resolve_km(p->lat, p->lon, T->lat, T->lon) > BESIDE_KM)
			n++;
	}
	return n;
}

/*
 * Does the paragraph of mention M write, besides M's name and T, another
 * name read as a place of its own that is a documented confusion with T
 * too (at most FAMILY_REACH mentions either side)?  "Guinea is one of
 * three countries with Guinea in their names. Its neighbour, Guinea-Bissau
 * ... while Equatorial Guinea ...": a writer who names three of a
 * confusable set side by side tells them apart on purpose.  (Only the
 * documented sets: a look-alike by spelling alone, "Western Australia"
 * beside a slip for Australia, is a part of T, not a third of a set.)
 */
#define FAMILY_REACH 32

static int family_in_para(const struct resolve_state *rs, size_t m, const struct db_place *L,
			  const struct db_place *T)
{
	const struct match_result *mr = rs->mr;
	unsigned para = rs->s->toks[mr->m[m].tok_start].para;
	size_t i, j, lo = m >= FAMILY_REACH ? m - FAMILY_REACH : 0, hi = m + FAMILY_REACH + 1;

	for (i = lo; i < mr->n && i < hi; i++) {
		const struct resolve_mention *r = &rs->rm[i];
		const struct db_place *p;
		if (i == m || r->best < 0 || !r->keep || rs->s->toks[mr->m[i].tok_start].para != para ||
		    rs->key_id[i] == rs->key_id[m])
			continue;
		p = &mr->m[i].cands[r->best].place;
		if (p->id == T->id || (L && p->id == L->id))
			continue;
		for (j = 0; j < r->n_alts; j++)
			if (r->alts[j].place->id == T->id && r->alts[j].listed)
				return 1;
	}
	return 0;
}

/*
 * Is A the key B with a typist's slip: a letter doubled or undoubled
 * ("cincinatti", "phillipines"), or two neighbours swapped ("farnce"),
 * once or up to TYPING_SLIPS times?
 */
#define TYPING_SLIPS 2
static int typing_slip(const char *a, const char *b)
{
	const char *a0 = a, *b0 = b;
	int slips = 0;

	while (*a || *b) {
		if (*a == *b) {
			a++;
			b++;
			continue;
		}
		if (++slips > TYPING_SLIPS)
			return 0;
		if (*a && a > a0 && a[0] == a[-1] && a[1] == *b) /* a doubled letter in A */
			a++;
		else if (*b && b > b0 && b[0] == b[-1] && b[1] == *a) /* one undoubled */
			b++;
		else if (a[0] && a[1] && a[0] == b[1] && a[1] == b[0]) { /* swapped */
			a += 2;
			b += 2;
		} else
			return 0;
	}
	return slips > 0;
}

/*
 * Is key A key B with one letter left out inside it, not B's first or
 * last ("frace" for "france")?  A first letter that differs makes another
 * name as often as a slip, and a last one another form of the word
 * ("Canadia" is Canadian cut short as much as Canada misspelt); a letter
 * dropped inside a word is how fingers slip.
 */
static int dropped_letter(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i = 0;

	if (lb != la + 1 || la == 0 || a[0] != b[0])
		return 0;
	while (i < la && a[i] == b[i])
		i++;
	/* (the rest of A is B's after the letter left out) */
	return i + 1 < lb && strcmp(a + i, b + i + 1) == 0;
}

/*
 * Are keys A and B ("united sates", "united states") two words each, with
 * the first or the second word the same?
 */
static int one_word_same(const char *a, const char *b)
{
	const char *sa = strchr(a, ' '), *sb = strchr(b, ' ');

	if (!sa || !sb || strchr(sa + 1, ' ') || strchr(sb + 1, ' '))
		return 0;
	return (sa - a == sb - b && memcmp(a, b, (size_t)(sa - a)) == 0) || strcmp(sa + 1, sb + 1) == 0;
}

static double prom(const struct db_place *p)
{
	double v;

	if (!p)
		return 0.0;
	if (p->kind == DB_KIND_COUNTRY || p->kind == DB_KIND_ADMIN1 || p->kind == DB_KIND_REGION)
		return 1.0;
	v = log10((p->population > 0 ? (double)p->population : 0.0) + PROM_POP_FLOOR) / PROM_DECADES;
	return v > 1.0 ? 1.0 : v;
}

static int is_region(const struct db_place *p)
{
	return p && (p->kind == DB_KIND_COUNTRY || p->kind == DB_KIND_ADMIN1);
}

static int rel_feature(int rel)
{
	static const int map[RESOLVE_REL__COUNT] = {
		[RESOLVE_REL_SUFFIX] = F_REL_SUFFIX,
		[RESOLVE_REL_WORD] = F_REL_WORD,
		[RESOLVE_REL_EDIT] = F_REL_EDIT,
		[RESOLVE_REL_LISTED] = F_REL_LISTED,
		[RESOLVE_REL_VARIANT] = F_REL_VARIANT,
		[RESOLVE_REL_ELSEWHERE] = F_REL_ELSEWHERE,
		[RESOLVE_REL_REGION_OF] = F_REL_REGION_OF,
		[RESOLVE_REL_REGION_ALIKE] = F_REL_REGION_ALIKE,
		[RESOLVE_REL_DEMONYM] = F_REL_DEMONYM,
		[RESOLVE_REL_MISSPELL] = F_REL_MISSPELL,
		[RESOLVE_REL_SCENE] = F_REL_SCENE,
		[RESOLVE_REL_FOREIGN] = F_REL_FOREIGN,
		[RESOLVE_REL_CAPITAL] = F_REL_CAPITAL,
	};
	return rel >= 0 && rel < RESOLVE_REL__COUNT ? map[rel] : F_REL_EDIT;
}

/*
 * The topics of the story (a sport only some nations play) that take in
 * A and not B: log(1 + cue phrases) of the strongest; its index in *WHICH.
 * Nation-level readings only: a town is no member of a sport.
 */
static double topic_for(const struct ctx *cx, const struct db_place *a, const struct db_place *b, int *which)
{
	double best = 0.0;
	size_t i;

	*which = -1;
	if (!cx || !a || !b)
		return 0.0;
	for (i = 0; i < cx->n_topics; i++) {
		double v;
		if (!ctx_topic_told(cx, i) || !ctx_topic_member(&cx->topics[i], a) ||
		    ctx_topic_member(&cx->topics[i], b))
			continue;
		/* B must be a nation too, or no member for want of a kind. */
		if (b->kind != DB_KIND_COUNTRY && b->kind != DB_KIND_ADMIN1)
			continue;
		v = log1p((double)cx->topic_hits[i]);
		if (v > best) {
			best = v;
			*which = (int)i;
		}
	}
	return best;
}

void detect_capitals_named(struct dstate *ds)
{
	const struct resolve_state *rs = ds->rs;
	size_t i, j, from = 0;

	ds->n_cap = 0;
	ds->cap = arena_alloc(ds->a, (rs->mr->n ? rs->mr->n : 1) * sizeof *ds->cap);
	for (i = 0; i < rs->mr->n; i++) {
		const struct db_place *p;
		size_t seg = rs->rm[i].seg;
		if (!rs->rm[i].keep || rs->rm[i].best < 0)
			continue;
		p = &rs->mr->m[i].cands[rs->rm[i].best].place;
		if (p->kind != DB_KIND_PLACE || !db_place_is_capital(p, 0) || strlen(p->country) != 2)
			continue;
		/* Mentions come in text order, so the entries are in the order
		 * of their segments: only the current segment's are looked
		 * through (one entry a country at most). */
		if (ds->n_cap && ds->cap[ds->n_cap - 1].seg != seg)
			from = ds->n_cap;
		for (j = from; j < ds->n_cap && strcmp(ds->cap[j].cc, p->country) != 0; j++)
			;
		if (j == ds->n_cap) {
			memcpy(ds->cap[ds->n_cap].cc, p->country, 3);
			ds->cap[ds->n_cap++].seg = seg;
		}
	}
	/* Where each segment's entries begin (and end: the next one's). */
	ds->cap_lo = arena_alloc(ds->a, (rs->n_seg + 1) * sizeof *ds->cap_lo);
	for (i = 0, j = 0; i <= rs->n_seg; i++) {
		while (j < ds->n_cap && ds->cap[j].seg < i)
			j++;
		ds->cap_lo[i] = j;
	}
}

/* Does story SEG name the national capital of country CC?  (Each brief
 * under its own dateline is a story of its own.) */
static int capital_named(const struct dstate *ds, const char *cc, size_t seg)
{
	size_t j;

	if (seg >= ds->rs->n_seg)
		return 0;
	for (j = ds->cap_lo[seg]; j < ds->cap_lo[seg + 1]; j++)
		if (strcmp(ds->cap[j].cc, cc) == 0)
			return 1;
	return 0;
}

void detect_features(const struct dstate *ds, struct detect_cand *c)
{
	const struct resolve_state *rs = ds->rs;
	const struct resolve_alt *t = c->alt;
	/* Another language's name of T has no literal of its own to weigh:
	 * what the story says of L it says of T. */
	const struct db_place *T = t->place, *L = t->rel == RESOLVE_REL_FOREIGN ? NULL : c->lit;
	const struct mention *mn = c->m != (size_t)-1 ? &rs->mr->m[c->m] : NULL;
	const struct match_unknown *u = mn ? NULL : &rs->mr->unk[c->w];
	size_t tok = mn ? mn->tok_start : rs->rw[c->w].tok_start, tok_end = mn ? mn->tok_end : rs->rw[c->w].tok_end;
	const char *key = mn ? mn->key : rs->rw[c->w].key;
	unsigned flags = mn ? mn->flags : u->flags;
	unsigned opts = mn && mn->qualifier >= 0 ? RESOLVE_NO_QUALIFIER : 0;
	const struct resolve_seg *sg = &rs->seg[mn ? rs->rm[c->m].seg : rs->rw[c->w].seg];
	struct resolve_sup st, sl = { 0 };
	double *x = c->x;
	int kid, t_after;

	memset(x, 0, F__COUNT * sizeof *x);
	c->topic = -1;
	x[F_BIAS] = 1.0;
	x[rel_feature(t->rel)] = 1.0;
	/* A capital claim is a fact to check, not a fit to weigh: what else
	 * the story names says nothing of which city is Australia's capital.
	 * Only the claim, and whether it is a quotation, count. */
	if (t->rel == RESOLVE_REL_CAPITAL) {
		x[F_QUOTED] = (flags & MATCH_QUOTED) != 0;
		return;
	}
	x[F_LISTED] = t->listed;
	/* The distance says how close a spelling slip is; a suffix, a word
	 * or the place of the story is a slip of another kind. */
	/* The distance says how likely a slip between two spellings is; for
	 * a documented confusion the list has said that already (Austria and
	 * Australia are two edits apart and confused all the same). */
	if (!t->listed && (t->rel == RESOLVE_REL_EDIT || t->rel == RESOLVE_REL_MISSPELL ||
			   t->rel == RESOLVE_REL_LISTED || t->rel == RESOLVE_REL_VARIANT ||
			   t->rel == RESOLVE_REL_DEMONYM))
		x[F_DIST] = t->dist < DIST_CAP ? t->dist : DIST_CAP;
	x[F_SHORT_FORM] = L && L->kind == DB_KIND_PLACE && T->kind == DB_KIND_PLACE &&
			  (word_extends(key, t->key) || word_extends(t->key, key));

	resolve_sup(rs, c->m, tok, T, opts, &st);
	x[F_T_STRONG] = log1p(st.strong);
	/* The same support weighs differently where a qualifier says which
	 * region, and in wire copy under a dateline: its own weights. */
	if (mn && mn->qualifier >= 0)
		x[F_T_STRONG_QUAL] = x[F_T_STRONG];
	if (rs->scene && rs->scene[mn ? rs->rm[c->m].seg : rs->rw[c->w].seg] >= 0)
		x[F_T_STRONG_WIRE] = x[F_T_STRONG];
	x[F_T_SAME] = log1p(st.same);
	/* "PORTLAND, Ore." and later "Portland, Maine": a writer who pins
	 * down both places of one name, each with its region, tells them
	 * apart on purpose ("Springfield" once and "Springfield, Mo." later
	 * is no such care). */
	x[F_CONTRAST] = t->rel == RESOLVE_REL_ELSEWHERE && mn && rs->key_place[rs->key_id[c->m]] == RESOLVE_KEY_PLACES;
	x[F_T_REGION] = log1p(st.region);
	x[F_T_NEAR] = log1p(st.near);
	x[F_T_COUNTRY] = log1p(st.country);
	x[F_T_LOCAL] = log1p(st.local);
	x[F_T_DATELINE] = log1p(st.dateline);
	x[F_T_CUE] = log1p(st.cue);
	/* "the Austrian Open": the words after the name spell a fixed name
	 * with T's (a tournament, a currency, a team), as a reader who knows
	 * the name sees at once.  (A name the cue itself covers has no
	 * alternatives: resolve.) */
	/* A spelling look-alike only ("Sidney Harbor" for Sydney's): "York
	 * University" (Toronto) and "York City" (the club) are no slips for
	 * the New York names they end. */
	x[F_T_CUE_NAME] = mn &&
			  (t->rel == RESOLVE_REL_EDIT || t->rel == RESOLVE_REL_LISTED || t->rel == RESOLVE_REL_DEMONYM ||
			   t->rel == RESOLVE_REL_VARIANT) &&
			  ctx_cue_completes(rs->ctx, rs->s, t->key, mn->tok_end, T) != NULL;
	x[F_T_CC_SHARE] = st.cc_share;
	x[F_T_A1_SHARE] = st.a1_share;
	/* The region of a look-alike city: the city itself must be named. */
	if (t->rel == RESOLVE_REL_REGION_OF && t->via) {
		struct resolve_sup sv;
		resolve_sup(rs, c->m, tok, t->via, opts, &sv);
		x[F_T_SAME] = log1p(sv.same + sv.cue);
	}
	/* Who stands where is the dateline's to say: what else the story
	 * names of the place said does not make it where the speaker is. */
	if (L && t->rel != RESOLVE_REL_SCENE) {
		resolve_sup(rs, c->m, tok, L, opts, &sl);
		x[F_L_STRONG] = log1p(sl.strong);
		x[F_L_REGION] = log1p(sl.region);
		x[F_L_COUNTRY] = log1p(sl.country);
		x[F_L_LOCAL] = log1p(sl.local);
		if (mn)
			x[F_L_BESIDE] = log1p((double)beside_lit(rs, c->m, tok, L, T));
		x[F_L_DATELINE] = log1p(sl.dateline);
		/* "when Slovenia declared independence", and later "historians
		 * from Ljubljana": a writer who names L's capital knows which
		 * country is which (a story about Slovakia, Bratislava in its
		 * dateline, or a stopover in Reykjavik on the way to Dublin).
		 * A country only, and not the mention itself read as L. */
		x[F_L_CAPITAL] = L->kind == DB_KIND_COUNTRY && t->rel != RESOLVE_REL_ELSEWHERE &&
				 capital_named(ds, L->country, mn ? rs->rm[c->m].seg : rs->rw[c->w].seg);
		x[F_L_CC_SHARE] = sl.cc_share;
		x[F_L_A1_SHARE] = sl.a1_share;
	}
	/* How often the story writes the name: a slip is written once.  Not
	 * where the name is not in question, only its region (the same name
	 * elsewhere, the qualifier's look-alike). */
	if (mn && t->rel != RESOLVE_REL_ELSEWHERE && t->rel != RESOLVE_REL_REGION_ALIKE)
		x[F_L_REPEAT] = log((double)resolve_key_between(rs, rs->key_id[c->m], sg->tok_lo, sg->tok_hi));
	/* What a topic knows fills in for a story silent on L: a rugby tour
	 * that stops over in Reykjavik, or an ash cloud from Iceland written
	 * twice, tells of Iceland itself. */
	if (L && t->rel != RESOLVE_REL_SCENE) {
		int other;
		if (sl.strong <= 0.0 && sl.same <= 0.0 && x[F_L_REPEAT] <= 0.0)
			x[F_T_TOPIC] = topic_for(rs->ctx, T, L, &c->topic);
		x[F_L_TOPIC] = topic_for(rs->ctx, L, T, &other);
	}
	/* T's own name written in the story, and in the same sentence. */
	kid = t->rel == RESOLVE_REL_ELSEWHERE ? -1 : resolve_key_find(rs, t->key);
	if (kid >= 0) {
		/* Written and read as T: "Mexico" read as the country says
		 * nothing of the state of México. */
		x[F_T_WRITTEN] = log1p((double)resolve_key_reads_as(rs, kid, sg->tok_lo, sg->tok_hi, T, WRITTEN_CAP));
		/* Two names written in one sentence are told apart on
		 * purpose; a word no list knows is told apart from nothing,
		 * and T spelled right beside it ("Sandgate ... Sangate")
		 * speaks for T (word_t_written). */
		x[F_T_SAME_SENT] = mn ? resolve_key_in_sentence(rs, kid, tok) : 0;
	}
	if (mn && t->rel == RESOLVE_REL_DEMONYM && !x[F_T_SAME_SENT])
		x[F_T_SAME_SENT] = demonym_in_sentence(rs, c->m, tok, T);
	if (mn && t->listed)
		x[F_T_FAMILY] = family_in_para(rs, c->m, L, T);
	/* Where the rest of the story lies: in the same country, by state
	 * (Illinois, not Massachusetts); else by country. */
	if (L && t->rel != RESOLVE_REL_SCENE) {
		int same_cc = strcmp(L->country, T->country) == 0;
		double m = same_cc ? st.a1_share - sl.a1_share : st.cc_share - sl.cc_share;
		x[F_SHARE_MARGIN] = m;
		/* The scene is the same name's other place, not a look-alike
		 * of the dateline's city. */
		if ((flags & MATCH_DATELINE) && t->rel == RESOLVE_REL_ELSEWHERE)
			x[F_SCENE_MARGIN] = m;
	}
	/* "NORFOLK, Va." and then "Naval Station Norfolk", "Norfolk is home
	 * to ...", each read as Norfolk, Va. on its own evidence: the story
	 * below a qualified dateline writes about the city the dateline
	 * names, and another state it names (a sailor "of Norwalk, Conn.",
	 * family "from Connecticut") is where its people come from.  Only
	 * the mentions read as L count: "PORTLAND, Maine" over an Oregon
	 * story has its "Portland area" read as Portland, Ore.  (The count
	 * leaves out the dateline itself, which reads as L.) */
	if (mn && L && (flags & MATCH_DATELINE) && mn->qualifier >= 0 && t->rel == RESOLVE_REL_ELSEWHERE) {
		size_t n = resolve_key_reads_as(rs, rs->key_id[c->m], sg->tok_lo, sg->tok_hi, L, WRITTEN_CAP);
		x[F_SCENE_RENAMED] = n > 1 ? log((double)n) : 0.0;
	}
	x[F_T_PROM] = prom(T);
	x[F_L_PROM] = prom(L);
	x[F_T_IS_REGION] = is_region(T);
	x[F_L_IS_REGION] = is_region(L);
	if (L) {
		x[F_SAME_COUNTRY] = strcmp(L->country, T->country) == 0;
		x[F_NEIGHBOURS] = resolve_neighbours(rs, L->country, T->country);
		x[F_LOG_KM] = log10(1.0 + resolve_km(L->lat, L->lon, T->lat, T->lon)) / KM_DECADES;
	}
	/* (A dateline lists nothing: "SPOKANE, Ore. -- Schools in Spokane"
	 * names the body's Spokane beside it, not in a list with it.) */
	x[F_LIST] = (flags & MATCH_DATELINE) ? 0.0 : log1p((double)list_neighbours(rs, tok, tok_end));
	x[F_PARENS] = tok > 0 && scan_is_punct(rs->s, tok - 1, '(') && scan_is_punct(rs->s, tok_end, ')');
	/* ... or T itself, under any of its names, right after it: "Niger,
	 * Nigeria's neighbour", "Slovenian and Slovak teams". */
	t_after = partner_after(rs, tok_end, T, t->key);
	x[F_PARTNER] = partner_before(rs->s, tok) || t_after;
	/* "Taiwanese, Thai and South Korean markets", "Niger and Nigeria":
	 * T itself is the list item beside the name.  Were the name a slip
	 * for T, the list would name T twice; the writer tells the two apart.
	 * (A gate, as contrast is: detect_severity.) */
	x[F_WITH_T] = mn && (t_after || partner_before_name(rs, tok, T, t->key));
	/* "a stopover in Reykjavik ... at a ground in the Icelandic capital":
	 * the demonym and "capital" name a city, and the story names L's
	 * capital; the phrase refers to it, whatever else the story is
	 * about.  (A gate too.) */
	x[F_CAPITAL_REF] = mn && t->rel == RESOLVE_REL_DEMONYM && x[F_L_CAPITAL] > 0 && tok_end < rs->s->n_toks &&
			   scan_is_word(rs->s, tok_end, "capital") && rs->s->text[rs->s->toks[tok_end].off] == 'c';
	x[F_BOTH_PARTIES] = (x[F_PARTNER] > 0 || x[F_PARENS] > 0 || x[F_LIST] >= LIST_BOTH) ? x[F_T_WRITTEN] + x[F_T_SAME] : 0.0;
	x[F_QUOTED] = (flags & MATCH_QUOTED) != 0;
	/* "CHARLOTTESVILLE, Va. -- 'a tough weekend in Charlotte,' the
	 * governor said": someone quoted under a dateline speaks of the
	 * place they stand in; a look-alike of it in their mouth is the
	 * classic slip (wire copy only: the BBC's has no datelines). */
	if (x[F_QUOTED] && rs->scene) {
		int sc = rs->scene[mn ? rs->rm[c->m].seg : rs->rw[c->w].seg];
		if (sc >= 0 && (!mn || (size_t)sc != c->m) && rs->rm[sc].best >= 0 &&
		    rs->mr->m[sc].cands[rs->rm[sc].best].place.id == T->id)
			x[F_QUOTE_SCENE] = 1.0;
	}
	x[F_HEADLINE] = (flags & MATCH_HEADLINE) != 0;
	x[F_DATELINE_POS] = (flags & MATCH_DATELINE) != 0;
	x[F_COUNTRY_SLOT] = (flags & MATCH_POSS) || before_state_noun(rs->s, tok_end);
	x[F_REGION_SLOT] = mn && T->kind == DB_KIND_ADMIN1 && !(L && L->kind == DB_KIND_ADMIN1) &&
			   resolve_region_word(rs, mn);
	x[F_PLACE_SLOT] = (flags & MATCH_PLACE_SLOT) != 0;
	x[F_HERE] = (flags & MATCH_HERE) != 0;
	if (mn && mn->qualifier >= 0) {
		const struct resolve_mention *r = &rs->rm[c->m];
		x[F_QUALIFIED] = 1.0;
		x[F_QUAL_NOT] = r->qual == RESOLVE_QUAL_NOT;
		x[F_QUAL_HAMLET] = r->qual == RESOLVE_QUAL_HAMLET;
		/* A headline's "Mumbai, Kerala" is two places when the story
		 * tells of the second on its own (Idukki, Wayanad); a writer
		 * who put a town in the wrong region seldom writes of that
		 * region's other places.  (The region's own name, written
		 * elsewhere, is left out.  A first-level region only: the
		 * support of a country counts no places as its region's, and
		 * a country's places are too often the story's subject anyway:
		 * "Kharkiv, Russia" stories name Belgorod.  Not a dateline:
		 * the story under it is about the region it names, right or
		 * wrong about the city: "CHARLOTTE, S.C." over a South
		 * Carolina primary.) */
		if (r->qual == RESOLVE_QUAL_NOT && !(flags & MATCH_DATELINE)) {
			const struct mention *q = &rs->mr->m[mn->qualifier];
			const struct resolve_mention *rq = &rs->rm[mn->qualifier];
			if (rq->best >= 0) {
				struct resolve_sup sq;
				resolve_sup(rs, (size_t)mn->qualifier, q->tok_start, &q->cands[rq->best].place, 0, &sq);
				x[F_QUAL_TOLD] = log1p(sq.region);
			}
		}
		x[F_T_IN_QUAL] = resolve_inside(&rs->mr->m[mn->qualifier], T) ||
				 (t->rel == RESOLVE_REL_REGION_ALIKE);
		/* The writer placed the name right and spelled it as the
		 * towns elsewhere do: the region says which one was meant. */
		x[F_QUAL_VARIANT] = t->rel == RESOLVE_REL_VARIANT && resolve_inside(&rs->mr->m[mn->qualifier], T) && L &&
				    !resolve_inside(&rs->mr->m[mn->qualifier], L);
		/* "Nashville, Tenn." written out for the city everyone knows:
		 * the writer chose the region, and the gazetteer agrees.  Not
		 * where the region holds the name only as another spelling of
		 * T ("Pittsburg, Penn.": the Pittsburgs lie elsewhere). */
		if (r->qual == RESOLVE_QUAL_HOLDS && L && resolve_inside(&rs->mr->m[mn->qualifier], L)) {
			x[F_QUAL_L_PROM] = x[F_L_PROM];
			/* A dateline's qualifier says where the story is, and a
			 * story elsewhere makes it doubtful; in running text a
			 * qualifier mostly marks a place away from the story. */
			x[F_QUAL_BODY] = !(flags & MATCH_DATELINE);
		}
	}
	if (mn) {
		const struct resolve_mention *r = &rs->rm[c->m];
		/* A word or a given name read as a place, where no place slot
		 * ("in", "from") says it is one. */
		x[F_L_WEAK_NAME] = (flags & (MATCH_WEAK | MATCH_GIVEN | MATCH_CALENDAR)) != 0 && !(flags & MATCH_PLACE_SLOT) &&
				   t->rel != RESOLVE_REL_ELSEWHERE && t->rel != RESOLVE_REL_REGION_ALIKE;
		x[F_L_ALT] = r->best >= 0 && mn->cands[r->best].name_kind == DB_NAME_ALT && t->rel != RESOLVE_REL_VARIANT;
		x[F_L_UNKEPT] = !r->keep;
		/* Nothing in the story speaks for T more than for L: a pair
		 * alone (Sudan and South Sudan, Granada and Grenada) is no
		 * sign that the writer meant the other one. */
		/* (Not for another language's name: T is the place read.) */
		/* (A qualifier that holds T and not L speaks for T; so does a
		 * topic that takes in T's nation and not L's, and the text
		 * calling the name a state where T is one and L is not.) */
		x[F_T_UNTOLD] = t->rel != RESOLVE_REL_FOREIGN && st.same == 0 && st.cue == 0 && !x[F_T_CUE_NAME] &&
				x[F_T_WRITTEN] == 0 && !x[F_QUAL_NOT] &&
				!x[F_T_TOPIC] && !x[F_REGION_SLOT] &&
				!(x[F_T_IN_QUAL] && !(L && resolve_inside(&rs->mr->m[mn->qualifier], L))) &&
				!x[F_HERE] && st.strong <= sl.strong && st.dateline <= sl.dateline &&
				(x[F_SAME_COUNTRY] || st.country <= sl.country);
	} else {
		x[F_WORD_SLOT] = rs->rw[c->w].slot;
		/* Shaped like a demonym, unless the place's own name ends the
		 * same way ("Cinicinnati", "Whanagarei": Cincinnati's "-i" is
		 * no people's). */
		{
			size_t e = (size_t)rs->rw[c->w].demonym_shaped, tl = strlen(t->key), kl = strlen(key);
			x[F_WORD_DEMONYM] = e && !(tl >= e && kl >= e && strcmp(t->key + tl - e, key + kl - e) == 0);
		}
		x[F_WORD_TYPO] = typing_slip(key, t->key);
		x[F_WORD_DROP] = !x[F_WORD_TYPO] && dropped_letter(key, t->key);
		/* (The misspelt word's own length: in "United Sates" the
		 * right word says its piece through word_two.) */
		x[F_WORD_LEN] = log((double)strlen(rs->mr->unk[c->w].key));
		x[F_WORD_REPEAT] = log((double)(rs->rw[c->w].n_same ? rs->rw[c->w].n_same : 1));
		x[F_WORD_PROPER] = (flags & MATCH_PROPER) != 0;
		/* "Glasgow" in one paragraph and "Glsgow" in the next: a word
		 * near a name the writer spells right elsewhere is that name
		 * mistyped, far more than a look-alike place named beside
		 * another is a slip (t_written's weight is for those). */
		x[F_WORD_T_WRITTEN] = x[F_T_WRITTEN];
		/* The word beside the slip is the name's own: a writer who got
		 * "United" right meant a name that starts with it. */
		x[F_WORD_TWO] = rs->rw[c->w].tok_end - rs->rw[c->w].tok_start > 1 && one_word_same(key, t->key);
		/* "Tonawonda, New York": the region named holds T. */
		if (rs->rw[c->w].qual >= 0)
			x[F_T_IN_QUAL] = resolve_inside(&rs->mr->m[rs->rw[c->w].qual], T);
	}
}
