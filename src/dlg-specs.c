/*
 * dlg-specs.c: which specifications of a product a question asks about,
 * answered from the product's attributes.  "Does it do LDAC?" finds LDAC
 * among the codecs, "what wall mount size" the VESA pattern, "can I swim
 * with it" the water rating, "do both do 144hz?" the refresh rate
 * against 144.  The words of the question are matched three ways, best
 * first: a word found in an attribute's value (a distinctive word such
 * as "LDAC" or "Linux"), an amount with its unit against the attribute
 * stored in that unit, and a word naming the attribute (its key, or a
 * shopper's word for it from the table below).  Only the best kind of
 * match answers, so "what wall mount size" does not also list the screen
 * size.  Nothing is said that no attribute holds.  Whether a turn is
 * such a question is dlg-specask.c's; needs said in specification
 * terms while shopping are dlg-specneed.c's.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

#define SPEC_HITS_MAX	3	/* attributes one answer states */

/*
 * How well the question's words matched an attribute: the kind of match
 * times SPEC_KIND plus the number of words that matched, so "wall mount
 * size" (two words for the VESA pattern) beats the screen size (one).
 */
#define SPEC_KIND	10
enum spec_score {
	SPEC_NONE = 0,
	SPEC_NAMED = SPEC_KIND,		/* a word names the attribute */
	SPEC_VALUE = 2 * SPEC_KIND,	/* a distinctive word is in its
					   value, or an amount in its unit */
};

/*
 * Shoppers' words for attributes the key does not spell: the word, and
 * a part of the key of the attributes it asks about.
 */
static const struct {
	const char	*word;
	const char	*key;
} spec_words[] = {
	{ "mount", "vesa" }, { "wall", "vesa" },
	{ "swim", "water" }, { "swimming", "water" }, { "shower", "water" },
	{ "rain", "water" }, { "waterproof", "water" }, { "dive", "water" },
	{ "diving", "water" }, { "pool", "water" },
	{ "codec", "codecs" }, { "bluetooth", "connectivity" },
	{ "last", "battery" }, { "lasts", "battery" }, { "runtime", "battery" },
	{ "hours", "battery" },
	{ "swappable", "switches" }, { "swap", "switches" },
	{ "linux", "compatib" }, { "mac", "compatib" }, { "macos", "compatib" },
	{ "windows", "compatib" }, { "android", "compatib" },
	{ "iphone", "compatib" }, { "chromebook", "compatib" },
	{ "compatible", "compatib" }, { "fast", "read_mb" },
	{ "speed", "read_mb" }, { "speeds", "read_mb" },
	{ "heavy", "weight" }, { "weigh", "weight" }, { "weighs", "weight" },
	{ "hz", "refresh" }, { "fps", "refresh" },
	{ "lens", "mount" }, { "lenses", "mount" },
	{ "big", "screen_size" }, { "inch", "screen_size" },
	{ "inches", "screen_size" }, { "port", "ports" },
	{ "watts", "power" }, { "wattage", "power" }, { "watts", "output" },
	{ "watt", "output" }, { "touchscreen", "screen" },
	{ "display", "screen" }, { "chip", "cpu" }, { "processor", "cpu" },
	{ "processor", "chip" },
	{ "cpu", "chip" }, { "memory", "ram" }, { "colour", "color" },
	{ "colours", "color" }, { "colors", "color" },
	{ "panel", "panel" }, { "graphics", "gpu" },
	{ "double", "duplex" }, { "sided", "duplex" }, { "both", "duplex" },
	{ "made", "material" }, { "tall", "screen" }, { "size", "screen" },
	{ "storage", "capacity" }, { "space", "capacity" },
	{ "space", "storage" }, { "gb", "storage" }, { "gigs", "storage" },
	{ "camera", "sensor" }, { "megapixels", "camera" },
	{ "megapixels", "sensor" }, { "resolution", "video" },
};

/* Units as keys end in them, and as a shopper writes them after a number. */
static const struct {
	const char	*suffix;	/* of the key */
	const char	*said[4];	/* after the number */
	const char	*unit;		/* as the reply writes it */
} spec_units[] = {
	{ "_hz", { "hz", NULL }, "Hz" },
	{ "_kg", { "kg", "kilo", "kilos", NULL }, "kg" },
	{ "_gb", { "gb", NULL }, "GB" },
	{ "_tb", { "tb", NULL }, "TB" },
	{ "_mah", { "mah", NULL }, "mAh" },
	{ "_wh", { "wh", NULL }, "Wh" },
	{ "_hours", { "h", "hours", "hrs", "hour" }, "hours" },
	{ "_in", { "in", "inch", "inches", NULL }, "in" },
	{ "_w", { "w", "watt", "watts", NULL }, "W" },
	{ "_mm", { "mm", NULL }, "mm" },
};

/*
 * Words that say nothing about which attribute is meant (in a value,
 * "and" or "with" matches everything; "rate" is the refresh rate's as
 * much as the heart rate's).
 */
static const char *const spec_stop[] = { "the", "and", "or", "with", "for",
	"does", "did", "do", "is", "it", "its", "this", "that", "what", "how",
	"many", "much", "can", "could", "will", "would", "should", "have",
	"has", "had", "are", "was", "you", "your", "my", "me", "need", "get",
	"got", "any", "all", "both", "each", "either", "of", "to", "in", "on",
	"at", "be", "an", "a", "one", "ones", "them", "they", "also", "yes",
	"no", "not", "ok", "okay", "whatever", "there", "which", "than",
	"more", "less", "good", "enough", "fine", "work", "works", "use",
	"using", "stock", "price", "cost", "sell", "so", "but", "if", "just",
	"about", "like", "still", "really", "actually", "then", "please",
	"pls", "thanks", "hi", "hey", "up", "out", "off", "new", "old",
	"when", "where", "who", "why", "i", "im", "we", "our", "us", "way",
	"tell", "know", "want", "wanna", "looking", "support", "supports",
	"usb", "time", "day", "days", "home", "rate", NULL };

/* One attribute a question asks about. */
struct spec_hit {
	char		*key;		/* attribute key (owned) */
	char		*value;		/* its value as text (owned) */
	int		 score;		/* enum spec_score plus words */
	int		 below;		/* an amount asked for is above it */
	int		 amount;	/* the match was an amount and unit */
};

/* The question's words, lower case, with their kind. */
struct spec_words {
	char		**w;		/* words (owned) */
	size_t		 n;
	char		**pair;		/* two words said together, any kind
					   ("usb c"), " "-joined (owned) */
	size_t		 npair;
	int		*keyword;	/* w[i] names an attribute of the
					   product asked about */
	double		 amount;	/* a number said with a unit, or -1 */
	const char	*suffix;	/* that unit's key suffix, or NULL */
};

static int
is_stop(const char *w)
{
	const char *const *s;

	for (s = spec_stop; *s != NULL; s++)
		if (strcmp(*s, w) == 0)
			return 1;
	return 0;
}

/*
 * Are two words said together telling as a pair: "usb c", "wi fi",
 * "dolby vision"?  Not a function word with another ("the ipad"):
 * both outside the stop words, or the first "usb", which alone says
 * nothing (the store's values name USB-A, USB-C and USB 3 alike).
 */
static int
pair_telling(const char *a, size_t al, const char *b, size_t bl)
{
	char	*wa = xstrndup(a, al), *wb = xstrndup(b, bl);
	int	 yes;

	yes = (!is_stop(wa) || strcmp(wa, "usb") == 0) && !is_stop(wb) &&
	    !isdigit((unsigned char)*wa) && !isdigit((unsigned char)*wb);
	free(wa);
	free(wb);
	return yes;
}

/* Is [a, b) of the text inside a product or brand the customer named? */
static int
in_name(struct tctx *t, size_t a, size_t b)
{
	const struct entity *en;
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if ((en->type == ENTITY_PRODUCT || en->type == ENTITY_BRAND) &&
		    a < en->end && b > en->start)
			return 1;
	}
	return 0;
}

/* The unit word w names, as a key suffix, or NULL. */
static const char *
unit_suffix(const char *w)
{
	size_t	 i, k;

	for (i = 0; i < sizeof spec_units / sizeof spec_units[0]; i++)
		for (k = 0; k < 4 && spec_units[i].said[k] != NULL; k++)
			if (strcmp(spec_units[i].said[k], w) == 0)
				return spec_units[i].suffix;
	return NULL;
}

/* The question's words: folded, outside product names, stop words out. */
static void
question_words(struct tctx *t, struct spec_words *sw)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, len, a, b;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	char		*w, *end;
	double		 v;

	memset(sw, 0, sizeof *sw);
	sw->amount = -1;
	n = text_tokenize(s, strlen(s), &tok, &cap);
	sw->w = xcalloc(n + 1, sizeof *sw->w);
	sw->pair = xcalloc(n + 1, sizeof *sw->pair);
	sw->keyword = xcalloc(n + 1, sizeof *sw->keyword);
	for (i = 0; i < n; i++) {
		len = tok[i].end - tok[i].start;
		/* "usb c", "wi fi": a word too short or too common alone
		 * is telling beside the next one. */
		if (i + 1 < n && tok[i + 1].start == tok[i].end + 1 &&
		    pair_telling(s + tok[i].start, len, s + tok[i + 1].start,
		    tok[i + 1].end - tok[i + 1].start) &&
		    !in_name(t, t->fold.map != NULL ?
		    t->fold.map[tok[i].start] : tok[i].start, t->fold.map !=
		    NULL ? t->fold.map[tok[i + 1].end] : tok[i + 1].end))
			sw->pair[sw->npair++] = xstrndup(s + tok[i].start,
			    tok[i + 1].end - tok[i].start);
		w = xstrndup(s + tok[i].start, len);
		a = t->fold.map != NULL ? t->fold.map[tok[i].start] :
		    tok[i].start;
		b = t->fold.map != NULL ? t->fold.map[tok[i].end] : tok[i].end;
		/* "144hz", "144 hz": an amount in a unit (not the "2 in"
		 * of a "2-in-1" named). */
		if (tok[i].has_digit && sw->suffix == NULL &&
		    !in_name(t, a, b)) {
			v = strtod(w, &end);
			if (end != w && *end != '\0')
				sw->suffix = unit_suffix(end);
			else if (end != w && i + 1 < n) {
				char *u = xstrndup(s + tok[i + 1].start,
				    tok[i + 1].end - tok[i + 1].start);

				sw->suffix = unit_suffix(u);
				free(u);
			}
			if (sw->suffix != NULL)
				sw->amount = v;
		}
		if (len < 2 || tok[i].has_digit || is_stop(w) ||
		    in_name(t, a, b)) {
			free(w);
			continue;
		}
		sw->w[sw->n++] = w;
	}
	free(tok);
}

static void
question_words_free(struct spec_words *sw)
{
	size_t	 i;

	for (i = 0; i < sw->n; i++)
		free(sw->w[i]);
	free(sw->w);
	for (i = 0; i < sw->npair; i++)
		free(sw->pair[i]);
	free(sw->pair);
	free(sw->keyword);
}

/* Does text hold w as a word, or as the start of one ("mac", "macOS")? */
int
dlg_value_has(const char *text, const char *w)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, wl = strlen(w), len;
	int		 yes = 0;

	text_fold(text, strlen(text), &f);
	n = text_tokenize(f.s.buf, f.s.len, &tok, &cap);
	for (i = 0; i < n && !yes; i++) {
		len = tok[i].end - tok[i].start;
		if (len < wl || strncmp(f.s.buf + tok[i].start, w, wl) != 0)
			continue;
		/* "mac" is the start of "macos", not of "machine". */
		yes = len == wl || (wl >= 3 && len <= wl + 2);
	}
	free(tok);
	text_folded_release(&f);
	return yes;
}

/* Does text hold the two words of pair ("usb c") one after the other
 * ("USB-C 25 W")? */
static int
value_has_pair(const char *text, const char *pair)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	struct text_token *tok = NULL;
	const char	*sp = strchr(pair, ' ');
	size_t		 cap = 0, n, i, al, bl;
	int		 yes = 0;

	if (sp == NULL)
		return 0;
	al = (size_t)(sp - pair);
	bl = strlen(sp + 1);
	text_fold(text, strlen(text), &f);
	n = text_tokenize(f.s.buf, f.s.len, &tok, &cap);
	for (i = 0; i + 1 < n && !yes; i++)
		yes = tok[i].end - tok[i].start == al &&
		    tok[i + 1].end - tok[i + 1].start == bl &&
		    strncmp(f.s.buf + tok[i].start, pair, al) == 0 &&
		    strncmp(f.s.buf + tok[i + 1].start, sp + 1, bl) == 0;
	free(tok);
	text_folded_release(&f);
	return yes;
}

/*
 * Words that ask for an amount in a unit wherever a value states one:
 * "how much power does it give" finds "Thunderbolt 3 (96 W)" among the
 * ports.
 */
static const struct {
	const char	*word;
	const char	*unit;		/* after the number, as stored */
} unit_asks[] = {
	{ "power", "W" }, { "watts", "W" }, { "wattage", "W" },
	{ "charging", "W" },
};

/* Does value state an amount in unit ("96 W", "65W")? */
static int
value_amount(const char *value, const char *unit)
{
	const char	*p, *q;
	size_t		 ul = strlen(unit);

	for (p = value; *p != '\0'; p++) {
		if (!isdigit((unsigned char)*p) || (p > value &&
		    isalnum((unsigned char)p[-1])))
			continue;
		for (q = p; isdigit((unsigned char)*q) || *q == '.'; q++)
			;
		if (*q == ' ')
			q++;
		if (strncmp(q, unit, ul) == 0 && !isalnum((unsigned char)q[ul]))
			return 1;
		p = q - 1;
	}
	return 0;
}

/* Does value state an ingress rating ("IP65, 3 m drop", "IPX4")? */
static int
value_ip(const char *value)
{
	const char	*p;

	for (p = value; (p = strstr(p, "IP")) != NULL; p++)
		if ((p == value || !isalnum((unsigned char)p[-1])) &&
		    (isdigit((unsigned char)p[2]) || p[2] == 'X') &&
		    isdigit((unsigned char)p[3]))
			return 1;
	return 0;
}

/* Does w ask for an amount value states in its unit, or for a water
 * rating where the value is one under another name ("rugged")? */
static int
asks_amount(const char *value, const char *w)
{
	static const char *const wet[] = { "waterproof", "water",
	    "rain", "swim", "swimming", "splash", "dust", "dustproof",
	    "shower", "pool", NULL };
	size_t	 i;

	for (i = 0; wet[i] != NULL; i++)
		if (strcmp(wet[i], w) == 0 && value_ip(value))
			return 1;
	for (i = 0; i < sizeof unit_asks / sizeof unit_asks[0]; i++)
		if (strcmp(unit_asks[i].word, w) == 0 &&
		    value_amount(value, unit_asks[i].unit))
			return 1;
	return 0;
}

/* Does w name key: a part of the key, or a shopper's word for it? */
static int
names_key(const char *key, const char *w)
{
	size_t	 i, wl = strlen(w);
	const char *p;

	for (p = key; (p = strstr(p, w)) != NULL; p++)
		if ((p == key || p[-1] == '_') && (p[wl] == '\0' ||
		    p[wl] == '_' || (p[wl] == 's' && (p[wl + 1] == '\0' ||
		    p[wl + 1] == '_'))))
			return 1;
	/* "ports" said, "port" stored. */
	if (wl > 3 && w[wl - 1] == 's' && strncmp(key, w, wl - 1) == 0 &&
	    (key[wl - 1] == '\0' || key[wl - 1] == '_'))
		return 1;
	/* The first letter first: this runs for every key of a kind. */
	for (i = 0; i < sizeof spec_words / sizeof spec_words[0]; i++)
		if (spec_words[i].word[0] == w[0] &&
		    strcmp(spec_words[i].word, w) == 0 &&
		    strstr(key, spec_words[i].key) != NULL)
			return 1;
	return 0;
}

/* How well the question's words match attribute key = value; words
 * of the product's own name (in name, folded) name no attribute. */
static int
score_attr(const struct spec_words *sw, const char *key, const char *value,
    const char *name, struct spec_hit *h)
{
	size_t	 i, kl = strlen(key), sl;
	int	 score = SPEC_NONE, values = 0, names = 0, amount = 0;
	char	*end;
	double	 v;

	h->below = 0;
	if (sw->suffix != NULL && kl > (sl = strlen(sw->suffix)) &&
	    strcmp(key + kl - sl, sw->suffix) == 0) {
		v = strtod(value, &end);
		if (end != value) {
			amount = 1;
			/* Weights are limits from above; the rest from below. */
			h->below = strcmp(sw->suffix, "_kg") == 0 ?
			    v > sw->amount : v < sw->amount;
		}
	}
	for (i = 0; i < sw->npair; i++)
		if (value_has_pair(value, sw->pair[i]))
			values += 2;
	for (i = 0; i < sw->n; i++) {
		/* A colour word is no question about the colour ("my
		 * screen went black"). */
		if (dlg_word_in(name, sw->w[i], strlen(sw->w[i])))
			continue;
		/* A word naming one attribute is not a value word for
		 * another: "screen" asks for the screen, not for the
		 * battery's "7-9 hours screen-on time". */
		if (strlen(sw->w[i]) >= 3 && strcmp(key, "color") != 0 &&
		    (!sw->keyword[i] || names_key(key, sw->w[i])) &&
		    dlg_value_has(value, sw->w[i]))
			values++;
		else if (names_key(key, sw->w[i]) ||
		    asks_amount(value, sw->w[i]) ||
		    lex_word_names(sw->w[i], key))
			names++;
	}
	h->amount = amount;
	if (values > 0 || amount)
		score = SPEC_VALUE + values + amount;
	else if (names > 0)
		score = SPEC_NAMED + names;
	return score;
}

static void
spec_hits_free(struct spec_hit *hits, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(hits[i].key);
		free(hits[i].value);
	}
}

/* The attributes of p the question asks about, best matches only. */
static size_t
spec_find(struct tctx *t, const struct product *p, struct spec_hit *hits)
{
	struct spec_words sw;
	struct spec_hit	 h;
	struct text_folded name = TEXT_FOLDED_INIT;
	cJSON		*root = cJSON_Parse(p->attrs), *it;
	size_t		 n = 0, i;
	int		 best = SPEC_NONE, s;
	char		*v;

	question_words(t, &sw);
	text_fold(p->name, strlen(p->name), &name);
	cJSON_ArrayForEach(it, root)
		for (i = 0; it->string != NULL && i < sw.n; i++)
			sw.keyword[i] |= names_key(it->string, sw.w[i]);
	cJSON_ArrayForEach(it, root) {
		if (it->string == NULL ||
		    (v = catalog_attr(p, it->string)) == NULL)
			continue;
		memset(&h, 0, sizeof h);
		if ((s = score_attr(&sw, it->string, v, name.s.buf, &h)) ==
		    SPEC_NONE ||
		    s < best) {
			free(v);
			continue;
		}
		if (s > best) {
			spec_hits_free(hits, n);
			n = 0;
			best = s;
		}
		if (n == SPEC_HITS_MAX) {
			free(v);
			continue;
		}
		h.key = xstrdup(it->string);
		h.value = v;
		h.score = s;
		hits[n++] = h;
	}
	cJSON_Delete(root);
	question_words_free(&sw);
	text_folded_release(&name);
	return n;
}

/* "battery_hours" and "battery_life" say one thing: keep the words. */
static size_t
spec_dedupe(struct spec_hit *hits, size_t n)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	size_t	 i, j, k, la, lb;
	const char *ua, *ub;
	int	 wi, wj;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			ua = strchr(hits[i].key, '_');
			ub = strchr(hits[j].key, '_');
			la = ua ? (size_t)(ua - hits[i].key) :
			    strlen(hits[i].key);
			lb = ub ? (size_t)(ub - hits[j].key) :
			    strlen(hits[j].key);
			if (la != lb || strncmp(hits[i].key, hits[j].key,
			    la) != 0 || hits[i].amount ||
			    hits[j].amount)
				continue;
			/* Keep the one in words (it holds a letter); two in
			 * words say two things ("LP-E17", "about 1 hour"). */
			wi = strpbrk(hits[i].value, letters) != NULL;
			wj = strpbrk(hits[j].value, letters) != NULL;
			if (wi && wj)
				continue;
			k = wj && !wi ? i : j;
			free(hits[k].key);
			free(hits[k].value);
			memmove(&hits[k], &hits[k + 1],
			    (n - k - 1) * sizeof *hits);
			n--;
			j = i;	/* look again from i */
		}
	return n;
}

/* An attribute as a shopper reads it: "vesa" 300x300 is "VESA mount
 * 300x300", "refresh_hz" 144 is "refresh rate 144 Hz". */
void
dlg_spec_phrase(struct sbuf *sb, const char *key, const char *value)
{
	static const struct {
		const char	*key;
		const char	*label;
	} labels[] = {
		{ "vesa", "a VESA wall-mount pattern of" },
		{ "refresh_hz", "a refresh rate of" },
		{ "hdmi", "HDMI ports:" },
		{ "compatible_with", "compatibility with" },
		{ "water_resistance", "a water rating of" },
		{ "codecs", "Bluetooth codecs" },
		{ "battery_life", "a battery life of" },
		{ "battery_hours", "a battery life of" },
		{ "battery", "the battery" },
		{ "screen_size_in", "a screen size of" },
		{ "read_mb_s", "read speeds up to" },
		{ "write_mb_s", "write speeds up to" },
	};
	size_t	 i, kl = strlen(key), sl;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i].key, key) == 0)
			break;
	if (i == sizeof labels / sizeof labels[0]) {
		dlg_attr_phrase(sb, key, value);
		return;
	}
	sbuf_addf(sb, "%s %s", labels[i].label, value);
	for (i = 0; i < sizeof spec_units / sizeof spec_units[0]; i++) {
		sl = strlen(spec_units[i].suffix);
		if (kl > sl && strcmp(key + kl - sl, spec_units[i].suffix) == 0)
			sbuf_addf(sb, " %s", spec_units[i].unit);
	}
	if (strcmp(key, "read_mb_s") == 0 || strcmp(key, "write_mb_s") == 0)
		sbuf_adds(sb, " MB/s");
}

/*
 * Does p list what the question names in an attribute's value ("maps",
 * "dolby vision", "number pad")?  Its phrase is appended to facts.
 */
int
dlg_spec_has(struct tctx *t, const struct product *p, struct sbuf *facts)
{
	struct spec_hit	 hits[SPEC_HITS_MAX];
	size_t		 n = spec_find(t, p, hits), i;
	int		 yes = n > 0 && hits[0].score >= SPEC_VALUE &&
	    !hits[0].amount;

	for (i = 0; yes && i < n; i++) {
		if (i > 0)
			sbuf_adds(facts, "; ");
		dlg_spec_phrase(facts, hits[i].key, hits[i].value);
	}
	spec_hits_free(hits, n);
	return yes;
}

/* How many of p's attributes the question asks about (nothing said). */
size_t
dlg_spec_count(struct tctx *t, const struct product *p)
{
	struct spec_hit	 hits[SPEC_HITS_MAX];
	size_t		 n = spec_find(t, p, hits);

	spec_hits_free(hits, n);
	return n;
}

/* Does the question ask yes or no ("does it do LDAC", "can I swim with
 * it"), not how many or which? */
static int
yes_no(struct tctx *t)
{
	static const char *const how[] = { "how", "what", "which", "whats",
	    "what's", NULL };
	static const char *const verbs[] = { "does", "do", "is", "are",
	    "can", "will", "has", "have", "would", "could", NULL };

	return dlg_has_any(t, verbs) && !dlg_has_any(t, how);
}

/*
 * What p's specifications say to the question, appended to the reply as
 * a sentence; the number of attributes stated (0: none asked about, and
 * nothing said).
 */
size_t
dlg_spec_answer(struct tctx *t, const struct product *p)
{
	struct spec_hit	 hits[SPEC_HITS_MAX];
	struct sbuf	 facts = SBUF_INIT, keys = SBUF_INIT;
	size_t		 n, i;
	int		 below = 0;

	n = spec_dedupe(hits, spec_find(t, p, hits));
	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (i > 0)
			sbuf_adds(&facts, i + 1 == n ? " and " : ", ");
		dlg_spec_phrase(&facts, hits[i].key, hits[i].value);
		sbuf_addf(&keys, "%s%s", i ? "," : "", hits[i].key);
		below |= hits[i].amount && hits[i].below;
	}
	dlg_product_slots(t, p, "");
	slots_set(&t->slots, "spec_facts", facts.buf);
	dlg_cite(t, "product", p->sku, p->name, keys.buf);
	dlg_say(t, below ? "spec_below" : hits[0].score < SPEC_VALUE ||
	    !yes_no(t) ? "spec_facts" : "spec_yes");
	cJSON_AddItemToArray(dlg_jarr(t->trace, "spec_keys"),
	    cJSON_CreateString(keys.buf));
	spec_hits_free(hits, n);
	sbuf_release(&facts);
	sbuf_release(&keys);
	return n;
}

/*
 * The question's words for dlg-specask.c: folded, outside product
 * names, stop words out; *n of them (free with dlg_spec_words_free).
 */
char **
dlg_spec_words(struct tctx *t, size_t *n)
{
	struct spec_words sw;
	size_t		 i;

	question_words(t, &sw);
	for (i = 0; i < sw.npair; i++)
		free(sw.pair[i]);
	free(sw.pair);
	free(sw.keyword);
	*n = sw.n;
	return sw.w;
}

void
dlg_spec_words_free(char **w, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

/* Does the question state an amount in a unit ("120hz", "2 kg")? */
int
dlg_spec_amount_said(struct tctx *t)
{
	struct spec_words sw;
	int		 yes;

	question_words(t, &sw);
	yes = sw.suffix != NULL;
	question_words_free(&sw);
	return yes;
}

/* Does w name the attribute key (a part of it, or a shopper's word)? */
int
dlg_spec_names_key(const char *key, const char *w)
{
	return names_key(key, w);
}

/* Is w a word of value, or an amount or rating it states? */
int
dlg_spec_value_says(const char *value, const char *w)
{
	return strlen(w) >= 3 && (dlg_value_has(value, w) ||
	    asks_amount(value, w));
}

/* The key as a shopper says it: "water_resistance" is "water
 * resistance", "weight_kg" is "weight". */
void
dlg_spec_key_said(const char *key, struct sbuf *out)
{
	/* Units no question states an amount in. */
	static const char *const more[] = { "_g", "_ohm", "_mb_s", NULL };
	size_t	 i, kl = strlen(key), sl;

	for (i = 0; i < sizeof spec_units / sizeof spec_units[0]; i++) {
		sl = strlen(spec_units[i].suffix);
		if (kl > sl && strcmp(key + kl - sl, spec_units[i].suffix) == 0) {
			kl -= sl;
			break;
		}
	}
	for (i = 0; more[i] != NULL; i++) {
		sl = strlen(more[i]);
		if (kl > sl && strncmp(key + kl - sl, more[i], sl) == 0)
			kl -= sl;
	}
	for (i = 0; i < kl; i++)
		sbuf_addf(out, "%c", key[i] == '_' ? ' ' : key[i]);
}
