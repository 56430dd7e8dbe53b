/*
 * dlg-lex.c owns the one mapping from a shopper's words to the
 * catalog's attributes, for the modules that rank or compare products
 * by a specification ("which of those lasts longest", "which one
 * covers more", "the one with more storage").
 *
 * Most of the vocabulary is the catalog's own: the words of each
 * attribute key ("refresh_hz" is "refresh" and "hz", "coverage" is
 * "coverage"), matched against the customer's words after the same
 * light stemming ("refreshes" and "refresh", "covers" and "coverage",
 * "batteries" and "battery").  Values are read as numbers in their unit
 * ("up to 6,600 sq ft", "1TB", "about 2,100 hours", "6+ days", "IP67",
 * "10ATM"; dlg-lexunit.c reads them), so any attribute whose values
 * carry a unit can be ranked, whatever it is called.  What keys cannot
 * give (a shopper says "waterproof" and "lasts", the catalog
 * "water_resistance" and "battery_hours") is the short table lex_words
 * below, shared by every module that reads such a question, so that a
 * word one knows all know.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Words a stem must be to match a key's word by prefix alone. */
#define LEX_PREFIX_MIN	4
/* Keys weighed for one question (the union over the products shown). */
#define LEX_KEYS_MAX	64

/*
 * Shoppers' words the keys do not give.  target is a key word (stemmed
 * as keys are) or "@" and a unit ("@hz"): the word names any attribute
 * whose values are in that unit.  dir: +1 the word asks for the most,
 * -1 the least ("lasts", "lighter"), 0 neither: a noun ("battery",
 * "pool") names the attribute, never which end of it is wanted.
 */
static const struct {
	const char	*stem;
	const char	*target;
	int		 dir;
} lex_words[] = {
	{ "waterproof", "water", 0 }, { "swim", "water", 0 },
	{ "rain", "water", 0 }, { "rainy", "water", 0 },
	{ "splash", "water", 0 }, { "sweaty", "water", 0 },
	{ "weather", "water", 0 }, { "beach", "water", 0 },
	{ "pool", "water", 0 }, { "sweat", "water", 0 },
	{ "wet", "water", 0 }, { "shower", "water", 0 },
	{ "dive", "water", 0 }, { "diving", "water", 0 },
	{ "ip", "@water", 0 }, { "atm", "@water", 0 },
	{ "last", "@hours", 1 }, { "long", "@hours", 1 },
	{ "die", "@hours", -1 }, { "dead", "@hours", -1 },
	{ "big", "@wh", 1 }, { "larg", "@wh", 1 }, { "battery", "@hours", 0 },
	{ "charge", "@hours", 0 }, { "unplug", "@hours", 0 },
	{ "runtime", "@hours", 0 }, { "hour", "@hours", 0 },
	{ "hr", "@hours", 0 }, { "day", "@hours", 0 },
	{ "fly", "@hours", 0 }, { "flight", "@hours", 0 },
	{ "light", "weight", -1 }, { "heavy", "weight", 1 },
	{ "weigh", "weight", 0 }, { "portable", "weight", -1 },
	{ "carry", "weight", -1 }, { "kg", "weight", 0 },
	{ "pound", "weight", 0 }, { "lb", "weight", 0 },
	{ "smooth", "@hz", 1 }, { "hz", "@hz", 0 },
	{ "fast", "@hz", 1 }, { "fast", "@mb/s", 1 },
	{ "fast", "@ppm", 1 }, { "quick", "@hz", 1 },
	{ "quick", "@mb/s", 1 }, { "quick", "@ppm", 1 },
	{ "speed", "@mb/s", 0 }, { "speed", "@ppm", 0 },
	{ "slow", "@mb/s", -1 }, { "slow", "@ppm", -1 },
	{ "print", "@ppm", 0 }, { "page", "@ppm", 0 },
	{ "reach", "coverage", 0 }, { "range", "coverage", 0 },
	{ "house", "coverage", 0 }, { "home", "coverage", 0 },
	{ "area", "coverage", 0 }, { "sq", "@sqft", 0 },
	{ "ft", "@sqft", 0 }, { "feet", "@sqft", 0 },
	{ "watt", "@w", 0 }, { "powerful", "@w", 1 },
	{ "wattage", "@w", 0 }, { "loud", "@w", 1 },
	{ "space", "@gb", 0 }, { "room", "@gb", 0 },
	{ "hold", "@gb", 0 }, { "gb", "@gb", 0 }, { "tb", "@gb", 0 },
	{ "memory", "ram", 0 },
	{ "graphic", "@gpu", 0 }, { "card", "@gpu", 0 },
	{ "gpu", "@gpu", 0 }, { "fast", "@w", 1 },
	{ "quiet", "noise", -1 }, { "noisy", "noise", 1 },
	{ "big", "@in", 1 }, { "larg", "@in", 1 }, { "small", "@in", -1 },
	{ "size", "@in", 0 }, { "inch", "@in", 0 },
	{ "big", "@mah", 1 }, { "larg", "@mah", 1 }, { "mah", "@mah", 0 },
	{ "capacity", "@mah", 0 }, { "juice", "@mah", 1 },
	{ "sharp", "@px", 1 }, { "crisp", "@px", 1 }, { "pixel", "@px", 0 },
	{ "detail", "@px", 0 }, { "resolution", "@px", 0 },
	{ "megapixel", "@mp", 0 }, { "mp", "@mp", 0 },
	{ "photo", "@mp", 0 }, { "picture", "@mp", 0 },
	{ "sensitive", "dpi", 0 }, { "precise", "dpi", 0 },
	{ "ink", "yield", 0 }, { "toner", "yield", 0 },
};
#define NLEX	(sizeof lex_words / sizeof lex_words[0])

/* Words that ask for the most of something, and for the least. */
static const char *const most_stems[] = { "most", "more", "high", "long",
	"big", "larg", "great", "best", "better", "max", "top", "strong",
	"fast", "quick", "far", "furth", "farth", "wide", "heavy", "good",
	"lot", NULL };
static const char *const least_stems[] = { "least", "less", "low",
	"short", "small", "few", "fewer", "min", "worst", "worse", "light",
	"slow", "quiet", "tiny", "little", "lean", "lower", NULL };

/* Key words that say nothing of what the attribute is. */
static const char *const key_glue[] = { "with", "in", "s", "g", "of",
	"per", NULL };

/*
 * w (a word, folded) stemmed into out (size >= strlen(w) + 1): plural,
 * comparative, superlative and verb endings off ("refreshes" refresh,
 * "covers" cover, "biggest" big, "heavier" heavy, "charging" charg,
 * "charge" charg), never below three letters.
 */
void
lex_stem(const char *w, char *out)
{
	size_t	 n = strlen(w);

	memcpy(out, w, n + 1);
	if (n > 2 && strcmp(out + n - 2, "'s") == 0)
		out[n -= 2] = '\0';
	if (n > 4 && strcmp(out + n - 3, "ies") == 0)
		strcpy(out + (n -= 3), "y"), n++;
	else if (n > 4 && strcmp(out + n - 4, "iest") == 0)
		strcpy(out + (n -= 4), "y"), n++;
	else if (n > 4 && strcmp(out + n - 3, "ier") == 0)
		strcpy(out + (n -= 3), "y"), n++;
	else if (n > 5 && strcmp(out + n - 3, "est") == 0)
		out[n -= 3] = '\0';
	else if (n > 4 && strcmp(out + n - 2, "er") == 0 &&
	    n - 2 >= LEX_PREFIX_MIN)
		out[n -= 2] = '\0';
	else if (n > 5 && strcmp(out + n - 3, "ing") == 0)
		out[n -= 3] = '\0';
	else if (n > 4 && strcmp(out + n - 2, "ed") == 0)
		out[n -= 2] = '\0';
	else if (n > 4 && strcmp(out + n - 2, "es") == 0 &&
	    strchr("hxsz", out[n - 3]) != NULL)
		out[n -= 2] = '\0';
	else if (n > 3 && out[n - 1] == 's' && out[n - 2] != 's')
		out[--n] = '\0';
	/* "bigg" (biggest) is "big"; "larg" (larger) as "large". */
	if (n > 3 && out[n - 1] == out[n - 2] &&
	    strchr("bdgmnpt", out[n - 1]) != NULL)
		out[--n] = '\0';
	if (n > 4 && out[n - 1] == 'e')
		out[--n] = '\0';
}

/* Is the stem st the stem of word w too? */
static int
stem_is(const char *st, const char *w)
{
	char	 b[48];

	if (strlen(w) >= sizeof b)
		return 0;
	lex_stem(w, b);
	return strcmp(st, b) == 0;
}

/* Do stems a (the customer's) and k (a key's word) name one thing? */
static int
stems_match(const char *a, const char *k)
{
	size_t	 na = strlen(a), nk = strlen(k);

	if (strcmp(a, k) == 0)
		return 1;
	if (na >= LEX_PREFIX_MIN && strncmp(k, a, na) == 0)
		return 1;
	/* "batteries" is "battery"; "portable" is no "port". */
	return nk >= LEX_PREFIX_MIN && na - nk <= 2 &&
	    strncmp(a, k, nk) == 0;
}

/* The units value s of key states numbers in, as "@unit" words. */
static int
value_has_unit(const char *key, const char *s, const char *unit)
{
	double	 v;

	return lex_value(key, s, unit, &v);
}

/* The units lex_value reads, in the order a key's values are tried. */
static const char *const all_units[] = { "water", "hours", "gb", "w",
	"hz", "kg", "in", "sqft", "mah", "wh", "mb/s", "ppm", "dpi", "mp",
	"px", "gpu", "pages", NULL };

/* The message's words, stemmed, at most max (caller frees each). */
static size_t
message_stems(struct tctx *t, char **v, size_t max)
{
	const char	*s = t->fold.s.buf, *a;
	char		*w;
	size_t		 n = 0, len;

	while (*s != '\0' && n < max) {
		while (*s != '\0' && !isalnum((unsigned char)*s))
			s++;
		for (a = s; isalnum((unsigned char)*s) || *s == '\''; s++)
			;
		if ((len = (size_t)(s - a)) == 0)
			continue;
		w = xmalloc(len + 1);
		memcpy(w, a, len);
		w[len] = '\0';
		v[n] = xmalloc(len + 2);
		lex_stem(w, v[n++]);
		free(w);
	}
	return n;
}

static int
in_stems(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (stem_is(s, *list))
			return 1;
	return 0;
}

/* Does lex_words[k] name key, whose values are read in unit? */
static int target_names(size_t k, const char *key, const char *unit);

/*
 * Which end of a ranking the message asks for: +1 the most, -1 the
 * least, 0 when it does not say.  "Shortest", "most" say it outright;
 * else a word of lex_words that names the attribute and an end
 * ("lasts", "lighter"), which alone decides the weight ("the most
 * lightweight" is the least weight).  key NULL: any such word.
 */
static int
message_dir(char *const *st, size_t ns, const char *key, const char *unit)
{
	size_t	 i, k;
	int	 d = 0, g = 0;

	for (i = 0; i < ns; i++)
		for (k = 0; k < NLEX && d == 0; k++)
			if (lex_words[k].dir != 0 && stem_is(st[i],
			    lex_words[k].stem) && (key == NULL ||
			    target_names(k, key, unit)))
				d = lex_words[k].dir;
	for (i = 0; i < ns && g == 0; i++) {
		if (in_stems(least_stems, st[i]))
			g = -1;
		else if (in_stems(most_stems, st[i]))
			g = 1;
	}
	if (d != 0 && unit != NULL && strcmp(unit, "kg") == 0)
		return d;
	return g != 0 ? g : d;
}

static int
in_glue(const char *w)
{
	const char *const *g;

	for (g = key_glue; *g != NULL; g++)
		if (strcmp(*g, w) == 0)
			return 1;
	return 0;
}

/* The words of key ("water_resistance"), stemmed, at most max. */
static size_t
key_stems(const char *key, char (*v)[32], size_t max)
{
	const char	*a = key, *b;
	char		 w[32];
	size_t		 n = 0, len;

	while (*a != '\0' && n < max) {
		for (b = a; *b != '\0' && *b != '_'; b++)
			;
		len = (size_t)(b - a);
		if (len > 0 && len < sizeof w) {
			memcpy(w, a, len);
			w[len] = '\0';
			if (!in_glue(w))
				lex_stem(w, v[n++]);
		}
		a = *b == '_' ? b + 1 : b;
	}
	return n;
}

static int
target_names(size_t k, const char *key, const char *unit)
{
	char	 kw[8][32], tg[48];
	size_t	 nk, j;

	if (lex_words[k].target[0] == '@')
		return strcmp(lex_words[k].target + 1, unit) == 0;
	if (strlen(lex_words[k].target) >= sizeof tg)
		return 0;
	lex_stem(lex_words[k].target, tg);
	nk = key_stems(key, kw, 8);
	for (j = 0; j < nk; j++)
		if (stems_match(tg, kw[j]))
			return 1;
	return 0;
}

/*
 * How well the stems name key, whose values of the products shown are
 * in unit: 3 for each word of the key said, 2 for each lex_words entry
 * naming a word of the key or the unit.
 */
static int
key_score(char *const *st, size_t ns, const char *key, const char *unit)
{
	char	 kw[8][32];
	size_t	 nk = key_stems(key, kw, 8), i, j, k;
	int	 score = 0, hit;

	for (i = 0; i < ns; i++) {
		hit = 0;
		for (j = 0; j < nk && !hit; j++)
			if (stems_match(st[i], kw[j]))
				hit = 3;
		for (k = 0; k < NLEX && !hit; k++)
			if (stem_is(st[i], lex_words[k].stem) &&
			    target_names(k, key, unit))
				hit = 2;
		score += hit;
	}
	return score;
}

/* Does a lex_words entry or a unit word name an attribute at all? */
static int
names_attribute(char *const *st, size_t ns, const char **what)
{
	size_t	 i, k;

	for (i = 0; i < ns; i++)
		for (k = 0; k < NLEX; k++)
			if (stem_is(st[i], lex_words[k].stem) &&
			    lex_words[k].dir != 0) {
				*what = lex_words[k].stem;
				return 1;
			}
	return 0;
}

/* Is unit the one of the first number s states with a unit ("11\"
 * OLED, 120 Hz" leads with inches)? */
static int
leads_with(const char *s, const char *unit)
{
	const char	*p, *u;
	double		 mul;

	for (p = s; *p != '\0'; p++) {
		if (!isdigit((unsigned char)*p) || (p > s &&
		    (isalnum((unsigned char)p[-1]) || p[-1] == '.')))
			continue;
		while (isdigit((unsigned char)*p) || *p == '.' || *p == ',')
			p++;
		if ((u = lex_unit_after(p + (*p == '+'), &mul)) != NULL)
			return strcmp(u, unit) == 0;
		p--;
	}
	return 0;
}

void
lex_pick_release(struct lex_pick *lp)
{
	free(lp->key);
	lp->key = NULL;
}

/*
 * The attribute the message ranks p[0..n) by: among the keys their
 * specifications hold, the one the message's words name best, read in
 * the unit most of their values state it in.  1 with *lp filled (caller
 * releases); 0 when no key is named, with lp->unnamed set to a word
 * that names an attribute none of them states ("loudest"), or NULL.
 */
int
lex_attribute(struct tctx *t, const struct product *p, size_t n,
    struct lex_pick *lp)
{
	char		*st[64], *keys[LEX_KEYS_MAX];
	cJSON		*root, *it;
	size_t		 ns, nkeys = 0, i, j, u;
	const char	*unit, *bu = NULL;
	char		*val;
	int		 sc, best = 0, have, besthave = 0, lead, bestlead = 0;

	memset(lp, 0, sizeof *lp);
	ns = message_stems(t, st, 64);
	for (i = 0; i < n; i++) {
		if ((root = cJSON_Parse(p[i].attrs)) == NULL)
			continue;
		cJSON_ArrayForEach(it, root) {
			for (j = 0; j < nkeys; j++)
				if (strcmp(keys[j], it->string) == 0)
					break;
			if (j == nkeys && nkeys < LEX_KEYS_MAX)
				keys[nkeys++] = xstrdup(it->string);
		}
		cJSON_Delete(root);
	}
	/* Units in all_units' order: at equal scores "battery" is the
	 * hours it lasts before the watt-hours it holds. */
	for (u = 0; (unit = all_units[u]) != NULL; u++) {
		for (j = 0; j < nkeys; j++) {
			for (i = 0, have = 0, lead = 0; i < n; i++) {
				if ((val = catalog_attr(&p[i], keys[j])) ==
				    NULL)
					continue;
				have += value_has_unit(keys[j], val, unit);
				lead += leads_with(val, unit);
				free(val);
			}
			if (have == 0)
				continue;
			sc = key_score(st, ns, keys[j], unit);
			/* The key that names its unit ("battery_hours")
			 * before the one that words it ("battery_life");
			 * then the one more of them state; then the unit
			 * the values lead with (a screen is its inches
			 * before its hertz). */
			if (sc > 0 && lex_key_unit(keys[j]) != NULL)
				sc++;
			if (sc > best || (sc == best && sc > 0 && (have >
			    besthave || (have == besthave &&
			    lead > bestlead)))) {
				best = sc;
				besthave = have;
				bestlead = lead;
				free(lp->key);
				lp->key = xstrdup(keys[j]);
				bu = unit;
			}
		}
	}
	if (best >= 2) {
		lp->unit = bu;
		lp->dir = message_dir(st, ns, lp->key, bu);
	} else {
		free(lp->key);
		lp->key = NULL;
		if (!names_attribute(st, ns, &lp->unnamed))
			lp->unnamed = NULL;
	}
	for (j = 0; j < nkeys; j++)
		free(keys[j]);
	for (i = 0; i < ns; i++)
		free(st[i]);
	return lp->key != NULL;
}

/*
 * Does the customer's word w (folded) name attribute key, whose value
 * is value, by a noun of lex_words: "house" the coverage, "pounds" the
 * weight?  Only nouns (no end asked: "light" says which end of the
 * weight, not that the weight is asked), and only those naming a word
 * of the key: a word for a unit ("pixels") is as often a problem told
 * ("dead pixels") as an amount asked.
 */
int
lex_word_names(const char *w, const char *key)
{
	char	 st[48];
	size_t	 k;

	if (strlen(w) >= sizeof st)
		return 0;
	lex_stem(w, st);
	for (k = 0; k < NLEX; k++) {
		if (lex_words[k].dir != 0 || !stem_is(st, lex_words[k].stem))
			continue;
		if (lex_words[k].target[0] != '@' &&
		    target_names(k, key, NULL))
			return 1;
	}
	return 0;
}

/*
 * Does the message ask for an end of a ranking at all ("most", "least",
 * "-est", "-er", "lasts longest")?  +1 / -1, or 0 when it does not.
 */
int
lex_direction(struct tctx *t)
{
	char	*st[64];
	size_t	 ns = message_stems(t, st, 64), i;
	int	 d = message_dir(st, ns, NULL, NULL);

	for (i = 0; i < ns; i++)
		free(st[i]);
	return d;
}

/* Words that are a superlative whatever attribute follows. */
static const char *const superlatives[] = { "most", "least", "best",
	"worst", "max", "maximum", "min", "minimum", NULL };

/* Is stem st a ranking word: one of most_stems, least_stems or a
 * lex_words word with an end? */
static int
ranking_stem(const char *st)
{
	size_t	 k;

	if (in_stems(most_stems, st) || in_stems(least_stems, st))
		return 1;
	for (k = 0; k < NLEX; k++)
		if (lex_words[k].dir != 0 && stem_is(st, lex_words[k].stem))
			return 1;
	return 0;
}

/*
 * Does the message say a superlative ("the most waterproof", "lasts
 * longest", "lightest"), or with comparative set a comparative
 * ("lighter", "more battery")?  "More" in "one more question" is no
 * superlative: a ranking over a whole kind needs one.
 */
int
lex_superlative(struct tctx *t, int comparative)
{
	const char	*s = t->fold.s.buf, *a;
	char		 w[48], st[50];
	size_t		 len;

	while (*s != '\0') {
		while (*s != '\0' && !isalnum((unsigned char)*s))
			s++;
		for (a = s; isalnum((unsigned char)*s); s++)
			;
		if ((len = (size_t)(s - a)) == 0 || len >= sizeof w)
			continue;
		memcpy(w, a, len);
		w[len] = '\0';
		if (dlg_in_list(w, len, superlatives))
			return 1;
		lex_stem(w, st);
		if (len > 4 && strcmp(w + len - 3, "est") == 0 &&
		    ranking_stem(st))
			return 1;
		if (comparative && (strcmp(w, "more") == 0 || strcmp(w,
		    "less") == 0 || strcmp(w, "fewer") == 0 || (len > 3 &&
		    strcmp(w + len - 2, "er") == 0 && ranking_stem(st))))
			return 1;
	}
	return 0;
}

/*
 * Words that say a product is the customer's own, bought from the store
 * (dlg-owned.c reads them clause by clause): a possessive, a verb of
 * buying or receiving, where it came from.
 */
const char *const dlg_owned_words[] = { "my", "mine", "i bought",
	"i got", "got my", "got the", "ive got", "i've got", "i ordered",
	"ordered", "bought", "purchased", "received", "arrived", "came",
	"delivered", "on the way", "from you", "from u", "from your store",
	"i have the", NULL };

/*
 * Words of the calendar: a day, a month, a span of days.  A reaction
 * such as "tuesday?!" or "2 weeks??" is about the date a reply gave,
 * whichever way the reply wrote it ("2026-11-21", "November 21").
 */
static const char *const lex_calendar[] = { "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "mon",
	"tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan",
	"feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "day", "days", "week", "weeks", "weekend", "month", "months",
	"today", "tomorrow", "tonight", "yesterday", NULL };

int
lex_time_word(const char *w)
{
	const char *const *p;

	for (p = lex_calendar; *p != NULL; p++)
		if (strcmp(*p, w) == 0)
			return 1;
	return 0;
}
