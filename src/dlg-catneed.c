/*
 * dlg-catneed.c: needs said in the customer's own words, read against
 * the catalog's own attributes of the kind shopped for rather than a
 * list of phrases, into filters.require.attr (an array of needs
 * {key, unit, min | max | has}), and the test of a product against them:
 *
 *	a number with its unit	"3000 sq ft", "over 60w", "5000 mah", "4tb":
 *				the attribute whose values carry that unit
 *				(a key's suffix, "battery_mah", or the value's
 *				text, "up to 7,500 sq ft") and whose range
 *				holds the number
 *	a number alone		"a mesh that does 3000+", "covers 4000": the
 *				one attribute of the kind whose values are of
 *				that size
 *	a duration		"battery for days", "lasts a week", "all
 *				day": a floor on the kind's hours attribute
 *	a head count		"we are 4 at home", "for 6 people": a floor
 *				on the kind's users or devices
 *	a feature word		"gps", "mops too", "colour", "fingerprint":
 *				a word that is one of the kind's attribute
 *				keys ("mopping" for "mops") or a word of some
 *				of its values ("colour laser", "entry:
 *				fingerprint"), but not of all of them
 *
 * Words come from the products, so a need word no table lists still
 * finds its attribute.  A product whose attributes say nothing of a need
 * is never offered for it.  The needs of other tables (dlg-needs.c,
 * dlg-specneed.c, dlg-state.c) win where both read the same words.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* How customers write a unit, the unit as the catalog's keys end
 * ("_mah") and the factor to it: "2 days" is 48 hours. */
static const struct unit {
	const char	*said;
	const char	*unit;
	double		 factor;
} units[] = {
	{ "sq ft", "sqft", 1 }, { "sq. ft", "sqft", 1 }, { "sqft", "sqft", 1 },
	{ "square feet", "sqft", 1 }, { "square foot", "sqft", 1 },
	{ "ft2", "sqft", 1 }, { "mah", "mah", 1 }, { "wh", "wh", 1 },
	{ "watts", "w", 1 }, { "watt", "w", 1 }, { "w", "w", 1 },
	{ "tb", "gb", 1024 }, { "gb", "gb", 1 },
	{ "hours", "hours", 1 }, { "hour", "hours", 1 },
	{ "hrs", "hours", 1 }, { "hr", "hours", 1 }, { "h", "hours", 1 },
	{ "days", "hours", 24 }, { "day", "hours", 24 },
	{ "weeks", "hours", 168 }, { "week", "hours", 168 },
	{ "minutes", "hours", 1.0 / 60 }, { "mins", "hours", 1.0 / 60 },
	{ "kg", "kg", 1 }, { "kilos", "kg", 1 }, { "grams", "kg", 0.001 },
	{ "gram", "kg", 0.001 }, { "g", "kg", 0.001 },
	{ "megapixels", "mp", 1 }, { "mp", "mp", 1 }, { "ppm", "ppm", 1 },
	{ "dpi", "dpi", 1 }, { "nits", "nits", 1 }, { "atm", "atm", 1 },
	{ "metres", "m", 1 }, { "meters", "m", 1 }, { "m", "m", 1 },
	{ "feet", "m", 0.3048 }, { "ft", "m", 0.3048 },
	{ "litres", "l", 1 }, { "liters", "l", 1 }, { "l", "l", 1 },
	{ "mb/s", "mb_s", 1 }, { "mbps", "mb_s", 1 }, { "ohms", "ohm", 1 },
	{ "ohm", "ohm", 1 }, { "pages", "pages", 1 }, { "lumens", "lm", 1 },
	{ "inches", "in", 1 }, { "inch", "in", 1 }, { NULL, NULL, 0 }
};

/* Key endings that name a unit ("weight_g" is grams, not a word). */
static const struct unit key_units[] = {
	{ "_mah", "mah", 1 }, { "_wh", "wh", 1 }, { "_gb", "gb", 1 },
	{ "_hours", "hours", 1 }, { "_kg", "kg", 1 }, { "_g", "kg", 0.001 },
	{ "_hz", "hz", 1 }, { "_in", "in", 1 }, { "_mb_s", "mb_s", 1 },
	{ "_ohm", "ohm", 1 }, { "_pages", "pages", 1 }, { "ppm", "ppm", 1 },
	{ "dpi", "dpi", 1 }, { NULL, NULL, 0 }
};

/* Words before a number that make it a ceiling or a floor. */
static const char *const ceiling[] = { "under", "below", "less than",
	"at most", "max", "maximum", "up to", "no more than", "lighter than",
	"smaller than", "not more than", "within", NULL };
static const char *const floor_cue[] = { "over", "above", "more than",
	"at least", "min", "minimum", "bigger than", "larger than",
	"longer than", "greater than", "does", "covers", "cover",
	"covering", NULL };

/* Words that say nothing of a feature: function words, shopping talk,
 * and words every product list carries. */
static const char *const stop[] = { "the", "and", "for", "with", "that",
	"this", "these", "those", "them", "they", "then", "than", "one",
	"ones", "some", "any", "anything", "something", "what", "whats",
	"which", "who", "how", "you", "your", "have", "has", "got", "get",
	"does", "doe", "did", "can", "could", "would", "will", "should",
	"want", "wanna", "need", "like", "looking", "look", "show", "see",
	"buy", "please", "pls", "plz", "thanks", "thank", "hey", "hello",
	"also", "too", "just", "only", "really", "very", "more", "most",
	"less", "much", "many", "best", "better", "good", "great", "nice",
	"cheap", "cheapest", "cheaper", "price", "budget", "money", "cost",
	"under", "over", "about", "around", "between", "from", "into",
	"our", "out", "all", "every", "each", "both", "other", "another",
	"else", "not", "but", "yes", "yeah", "okay", "hmm", "well", "sure",
	"use", "using", "used", "work", "works", "working", "make", "take",
	"thing", "things", "stuff", "kind", "type", "sort", "there", "here",
	"where", "when", "why", "now", "still", "even", "least", "max",
	"plus", "home", "house", "family", "people", "everyone", "day",
	"days", "week", "weeks", "hour", "hours", "long", "lasts", "last",
	"big", "small", "new", "old", "recommend", "suggest", "option",
	"options", "model", "models", "product", "products", "brand",
	"able", "way", "lot", "little", "bit", "kid", "kids", "need",
	"needs", "must", "gift", "present", "buying", "shopping", "store",
	"shop", "stock", "available", "sell", "carry", "list", "item",
	"items", "again", "instead", "rather", "though", "tho", "was",
	"were", "are", "being", "been", "its", "it's", "isn't", "don't",
	"i'm", "i'd", "let", "know", "tell", "think", "maybe", "perhaps",
	"same", "such", "own", "mine", "yours", "ours", "whom", "without",
	"with", "within", NULL };

/* Words that count people: "we are 4", "for 6 people". */
static const char *const persons[] = { "people", "persons", "person",
	"users", "of us", "family", "members", "we are", "we're", "were",
	"kids", "devices", "computers", "pcs", "everyone", NULL };

/* Attributes that count who or what a licence covers. */
static const char *const count_keys[] = { "users", "devices", NULL };

/* Is s[b..e) one of list (case-insensitive)? */
static int
word_in_list(const char *s, size_t b, size_t e, const char *const *list)
{
	const char *const *w;

	for (w = list; *w != NULL; w++)
		if (strlen(*w) == e - b && strncasecmp(s + b, *w, e - b) == 0)
			return 1;
	return 0;
}

/* Does one of list end just before offset at in s (words apart)? */
static int
phrase_before(const char *s, size_t at, const char *const *list)
{
	const char *const *w;
	size_t	 b = at, l;

	while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '$'))
		b--;
	for (w = list; *w != NULL; w++) {
		l = strlen(*w);
		if (l <= b && strncasecmp(s + b - l, *w, l) == 0 &&
		    (b == l || !isalnum((unsigned char)s[b - l - 1])))
			return 1;
	}
	return 0;
}

/* The light stem of word s[0..n) into out: lower case, "colour" as
 * "color", a plural or verb ending cut ("mops", "covers", "mopping"). */
static void
stem(const char *s, size_t n, struct sbuf *out)
{
	size_t	 i;
	char	*p;

	sbuf_reset(out);
	for (i = 0; i < n; i++)
		sbuf_addc(out, tolower((unsigned char)s[i]));
	if ((p = strstr(out->buf, "colour")) != NULL)
		memmove(p + 4, p + 5, strlen(p + 5) + 1);
	n = strlen(out->buf);
	if (n > 5 && strcmp(out->buf + n - 3, "ing") == 0)
		n -= 3;
	else if (n > 4 && strcmp(out->buf + n - 2, "ed") == 0)
		n -= 2;
	else if (n > 4 && strcmp(out->buf + n - 2, "es") == 0 &&
	    strchr("sxz", out->buf[n - 3]) != NULL)
		n -= 2;
	else if (n > 3 && out->buf[n - 1] == 's' && out->buf[n - 2] != 's')
		n -= 1;
	/* "mopping" -> "mopp" -> "mop" */
	if (n > 3 && out->buf[n - 1] == out->buf[n - 2] &&
	    !strchr("aeiouls", out->buf[n - 1]))
		n -= 1;
	sbuf_setlen(out, n);
}

/* Endings that make a noun of a verb's stem: "cover", "coverage". */
static const char *const endings[] = { "age", "ing", "ion", "ions", "s",
	"es", "ed", NULL };

/* Do words a and b (stemmed) name the same thing? */
static int
same_stem(const char *a, size_t an, const char *b, size_t bn)
{
	struct sbuf	 x = SBUF_INIT, y = SBUF_INIT;
	int		 same;

	stem(a, an, &x);
	stem(b, bn, &y);
	same = x.len >= 3 && strcmp(x.buf, y.buf) == 0;
	/* "lens" and "lenses": a word whose end only looks plural. */
	if (!same && ((an == y.len && strncasecmp(a, y.buf, an) == 0) ||
	    (bn == x.len && strncasecmp(b, x.buf, bn) == 0)))
		same = an >= 3 && bn >= 3;
	/* "cover" and "coverage": a stem and its noun, by an ending that
	 * keeps the sense ("sens" is not "sensor", "charger" not
	 * "charging"). */
	if (!same && x.len >= 4 && y.len > x.len &&
	    strncmp(y.buf, x.buf, x.len) == 0 &&
	    word_in_list(y.buf, x.len, y.len, endings))
		same = 1;
	if (!same && y.len >= 4 && x.len > y.len &&
	    strncmp(x.buf, y.buf, y.len) == 0 &&
	    word_in_list(x.buf, y.len, x.len, endings))
		same = 1;
	sbuf_release(&x);
	sbuf_release(&y);
	return same;
}

/* Does the text v have word w[0..n), not after "no" or "not"? */
static int
text_has(const char *v, const char *w, size_t n)
{
	size_t	 b, e;

	for (b = 0; v[b] != '\0'; b = e) {
		while (v[b] != '\0' && !isalnum((unsigned char)v[b]))
			b++;
		for (e = b; isalnum((unsigned char)v[e]); e++)
			;
		if (e == b)
			break;
		if (same_stem(v + b, e - b, w, n) && !phrase_before(v, b,
		    (const char *const[]){ "no", "not", "without", "non",
		    NULL }))
			return 1;
	}
	return 0;
}

/* Is the value v a yes ("yes", "built-in"), not "no", "none" or ""? */
static int
affirmative(const cJSON *v)
{
	const char	*s;

	if (cJSON_IsBool(v))
		return cJSON_IsTrue(v);
	if (cJSON_IsNumber(v))
		return v->valuedouble != 0;
	if (!cJSON_IsString(v) || (s = v->valuestring)[0] == '\0')
		return 0;
	return strcasecmp(s, "no") != 0 && strcasecmp(s, "none") != 0 &&
	    strncasecmp(s, "no ", 3) != 0 && strncasecmp(s, "not ", 4) != 0 &&
	    strcasecmp(s, "false") != 0;
}

/*
 * The number of unit the attribute key = v gives, or -1: the value
 * itself when the key ends with the unit ("battery_mah"), else the first
 * number of its text followed by the unit ("up to 7,500 sq ft"),
 * "unlimited" as no limit.
 */
static double
value_in(const char *key, const cJSON *v, const char *unit)
{
	const struct unit *u;
	const char	*s, *q;
	size_t		 kl = strlen(key), ul, i;
	double		 d;
	char		*num, *end;

	for (u = key_units; u->said != NULL; u++) {
		ul = strlen(u->said);
		if (kl >= ul && strcmp(key + kl - ul, u->said) == 0 &&
		    strcmp(u->unit, unit) == 0) {
			if (cJSON_IsNumber(v))
				return v->valuedouble * u->factor;
			if (cJSON_IsString(v) && isdigit((unsigned char)
			    v->valuestring[0]))
				return strtod(v->valuestring, NULL) *
				    u->factor;
		}
	}
	/* "users": "up to 6", 1, "unlimited". */
	if (strcmp(unit, "count") == 0) {
		if (cJSON_IsNumber(v))
			return v->valuedouble;
		if (!cJSON_IsString(v))
			return -1;
		if (strcasestr(v->valuestring, "unlimited") != NULL)
			return 1e9;
		for (q = v->valuestring; *q != '\0' &&
		    !isdigit((unsigned char)*q); q++)
			;
		return *q != '\0' ? strtod(q, NULL) : -1;
	}
	if (!cJSON_IsString(v))
		return -1;
	for (s = v->valuestring; *s != '\0'; s++) {
		if (!isdigit((unsigned char)*s) || (s > v->valuestring &&
		    (isalnum((unsigned char)s[-1]) || s[-1] == '.')))
			continue;
		/* "7,500": the thousands' commas dropped. */
		num = xmalloc(strlen(s) + 1);
		for (i = 0, q = s; isdigit((unsigned char)*q) || *q == '.' ||
		    (*q == ',' && isdigit((unsigned char)q[1])); q++)
			if (*q != ',')
				num[i++] = *q;
		num[i] = '\0';
		d = strtod(num, &end);
		free(num);
		while (*q == ' ')
			q++;
		for (u = units; u->said != NULL; u++) {
			ul = strlen(u->said);
			if (strncasecmp(q, u->said, ul) == 0 &&
			    !isalpha((unsigned char)q[ul]) &&
			    strcmp(u->unit, unit) == 0)
				return d * u->factor;
		}
	}
	return -1;
}

/* The number p's attributes give for the need (key, unit), or -1. */
static double
product_value(const cJSON *attrs, const char *key, const char *unit)
{
	return value_in(key, cJSON_GetObjectItemCaseSensitive(attrs, key),
	    unit);
}

/* The category's products this turn reads needs against. */
struct kindset {
	cJSON		**attrs;	/* each product's attributes */
	char		**names;	/* each product's name */
	char		**subs;		/* each product's subcategory */
	struct sbuf	 kinds;		/* the subcategories, " a b c " */
	size_t		 n;
};

static void
kindset_free(struct kindset *ks)
{
	size_t	 i;

	for (i = 0; i < ks->n; i++) {
		cJSON_Delete(ks->attrs[i]);
		free(ks->names[i]);
		free(ks->subs[i]);
	}
	free(ks->attrs);
	free(ks->names);
	free(ks->subs);
	sbuf_release(&ks->kinds);
	memset(ks, 0, sizeof *ks);
}

/* Load the products of category cat (at most 60, best rated first). */
static int
kindset_load(struct tctx *t, const char *cat, struct kindset *ks)
{
	struct product_filter pf;
	struct product	*v = NULL;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 n = 0, i;

	memset(ks, 0, sizeof *ks);
	sbuf_init(&ks->kinds);
	memset(&pf, 0, sizeof pf);
	pf.category = cat;
	pf.max_price = pf.min_price = -1;
	pf.limit = 60;
	dlg_retrieve_begin(t);
	if (catalog_products(t->st, &pf, &v, &n, &err) != SD_OK)
		n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	ks->attrs = xmalloc((n + 1) * sizeof *ks->attrs);
	ks->names = xmalloc((n + 1) * sizeof *ks->names);
	ks->subs = xmalloc((n + 1) * sizeof *ks->subs);
	for (i = 0; i < n; i++) {
		ks->attrs[i] = cJSON_Parse(v[i].attrs != NULL ? v[i].attrs :
		    "{}");
		if (ks->attrs[i] == NULL)
			ks->attrs[i] = cJSON_CreateObject();
		ks->names[i] = xstrdup(v[i].name);
		ks->subs[i] = xstrdup(v[i].subcategory);
		sbuf_addf(&ks->kinds, " %s %s ", v[i].category,
		    v[i].subcategory);
		product_release(&v[i]);
	}
	free(v);
	ks->n = n;
	return n > 0;
}

/* How many of the kind's products have (key, unit), and their range. */
static size_t
key_range(const struct kindset *ks, const char *key, const char *unit,
    double *lo, double *hi)
{
	size_t	 i, n = 0;
	double	 d;

	*lo = INFINITY;
	*hi = -INFINITY;
	for (i = 0; i < ks->n; i++)
		if ((d = product_value(ks->attrs[i], key, unit)) >= 0) {
			n++;
			*lo = fmin(*lo, d);
			*hi = fmax(*hi, d);
		}
	return n;
}

/* Set need {key, unit, min|max: v} in req.attr, replacing one of the
 * same key and bound. */
static void
need_set(cJSON *req, const char *key, const char *unit, const char *bound,
    double v, const char *said)
{
	cJSON	*arr = cJSON_GetObjectItemCaseSensitive(req, "attr"), *it, *o;

	if (!cJSON_IsArray(arr))
		arr = cJSON_AddArrayToObject(req, "attr");
	cJSON_ArrayForEach(it, arr)
		if (dlg_jstr(it, "key") != NULL && strcmp(dlg_jstr(it, "key"),
		    key) == 0 && cJSON_GetObjectItemCaseSensitive(it,
		    bound) != NULL) {
			dlg_jset_num(it, bound, v);
			dlg_jset_str(it, "said", said);
			return;
		}
	o = cJSON_CreateObject();
	dlg_jset_str(o, "key", key);
	dlg_jset_str(o, "unit", unit);
	dlg_jset_num(o, bound, v);
	/* The customer's own words name it in replies: a figure the
	 * product does not state ("2 days") would read as its claim. */
	dlg_jset_str(o, "said", said);
	cJSON_AddItemToArray(arr, o);
}

/* Set need {key, has: word}: a key that must be a yes, or ("*") a word
 * any attribute or the name must say. */
static void
need_has(cJSON *req, const char *key, const char *word)
{
	cJSON	*arr = cJSON_GetObjectItemCaseSensitive(req, "attr"), *it, *o;

	if (!cJSON_IsArray(arr))
		arr = cJSON_AddArrayToObject(req, "attr");
	cJSON_ArrayForEach(it, arr)
		if (dlg_jstr(it, "has") != NULL && (strcmp(dlg_jstr(it,
		    "has"), word) == 0 || (strcmp(key, "*") != 0 &&
		    strcmp(dlg_jstr(it, "key"), key) == 0)))
			return;
	o = cJSON_CreateObject();
	dlg_jset_str(o, "key", key);
	dlg_jset_str(o, "has", word);
	cJSON_AddItemToArray(arr, o);
}

/* Does a table of dlg-needs.c or dlg-specneed.c already read key?  A
 * size said with a bound ("bigger than 70 inches") is read here. */
static int
read_elsewhere(const cJSON *req, const char *key, int bound)
{
	static const struct { const char *key, *need; } owned[] = {
		{ "ram_gb", "min_ram_gb" }, { "storage", "min_storage_gb" },
		{ "capacity", "min_storage_gb" },
		{ "refresh_hz", "min_hz" }, { "battery_hours", "min_hours" },
		{ "battery_life", "min_hours" }, { "weight_kg", "max_kg" },
		{ "weight_kg", "light" }, { "screen_size_in", "screen_in" },
		{ NULL, NULL } };
	size_t	 i;

	if (bound && strcmp(key, "screen_size_in") == 0)
		return 0;
	for (i = 0; owned[i].key != NULL; i++)
		if (strcmp(owned[i].key, key) == 0 &&
		    cJSON_GetObjectItemCaseSensitive(req, owned[i].need) != NULL)
			return 1;
	return 0;
}

/* The keys of the kind's products, each once. */
static cJSON *
kind_keys(const struct kindset *ks)
{
	cJSON	*keys = cJSON_CreateObject(), *it;
	size_t	 i;

	for (i = 0; i < ks->n; i++)
		cJSON_ArrayForEach(it, ks->attrs[i])
			if (cJSON_GetObjectItemCaseSensitive(keys,
			    it->string) == NULL)
				cJSON_AddTrueToObject(keys, it->string);
	return keys;
}

/* Is offset at of the text inside an entity of type ty? */
static int
in_entity(struct tctx *t, size_t at, enum entity_type ty)
{
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type == ty && at >= t->e->el.v[i].start &&
		    at < t->e->el.v[i].end)
			return 1;
	return 0;
}


/* Does a word of the message name a word of key ("battery" of
 * "battery_hours", "covers" of "coverage")? */
static int
key_named(const char *s, const char *key)
{
	size_t	 b, e, kb, ke;

	for (b = 0; s[b] != '\0'; b = e) {
		while (s[b] != '\0' && !isalpha((unsigned char)s[b]))
			b++;
		for (e = b; isalpha((unsigned char)s[e]); e++)
			;
		if (e - b < 3)
			continue;
		for (kb = 0; key[kb] != '\0'; kb = ke) {
			while (key[kb] == '_')
				kb++;
			for (ke = kb; key[ke] != '\0' && key[ke] != '_'; ke++)
				;
			if (ke - kb >= 3 && same_stem(s + b, e - b, key + kb,
			    ke - kb))
				return 1;
		}
	}
	return 0;
}

/* Is u the first entry of units[] with its unit (each tried once)? */
static int
first_of_unit(const struct unit *u)
{
	const struct unit *w;

	for (w = units; w != u; w++)
		if (strcmp(w->unit, u->unit) == 0)
			return 0;
	return 1;
}

/* Does key name its unit by its ending ("battery_mah")? */
static int
unit_key(const char *key)
{
	const struct unit *u;
	size_t	 kl = strlen(key), ul;

	for (u = key_units; u->said != NULL; u++)
		if (kl >= (ul = strlen(u->said)) &&
		    strcmp(key + kl - ul, u->said) == 0)
			return 1;
	return 0;
}

/* The keys of the kind whose values carry unit around v, joined by
 * commas ("output,power"); caller frees. */
static char *
any_key(const struct kindset *ks, const cJSON *keys, const cJSON *req,
    double v, const char *unit, int bound)
{
	struct sbuf	 sb = SBUF_INIT;
	const cJSON	*k;
	double		 lo, hi;

	cJSON_ArrayForEach(k, keys)
		if (!read_elsewhere(req, k->string, bound) &&
		    key_range(ks, k->string, unit, &lo, &hi) >= 2 &&
		    v >= lo / 4 && v <= hi * 1.5)
			sbuf_addf(&sb, "%s%s", sb.len ? "," : "", k->string);
	return sbuf_detach(&sb, NULL);
}

/*
 * A number v said at offset b of the text with its unit (NULL: none):
 * the need of the attribute it means.  With a unit, the attributes
 * whose values carry it; alone, those whose values carry any unit; of
 * them, those whose range holds v (a key naming its unit first:
 * "battery_hours" over the text of "battery_life").  One left, or the
 * one a word of the message names ("16gb ram"), takes the need.
 */
static void
number_need(struct tctx *t, const struct kindset *ks, const cJSON *keys,
    cJSON *req, double v, const char *unit, size_t b, size_t e, int plus,
    int frame)
{
	const char	*s = t->text;
	const cJSON	*k;
	const struct unit *u;
	const char	*pick = NULL, *pick_unit = NULL, *cand;
	char		*said, *joined = NULL;
	double		 lo, hi;
	size_t		 nk = 0, named = 0;
	int		 ceil_said = phrase_before(s, b, ceiling);
	int		 floor_said = plus || phrase_before(s, b, floor_cue);
	int		 pass;

	/* A number is a need only said as a bound ("3000+", "covers
	 * 4000") or, with its unit, as a need ("one with 5000 mah"): "we
	 * are 4", "the 2 of them" and "2tb?" (the variant) are not. */
	if (!floor_said && !ceil_said && (unit == NULL || !frame))
		return;
	for (pass = 0; pass < 2 && pick == NULL; pass++)
		cJSON_ArrayForEach(k, keys) {
			if (unit_key(k->string) != (pass == 0))
				continue;
			for (u = units; u->said != NULL; u++) {
				cand = unit != NULL ? unit : u->unit;
				if ((unit == NULL && !first_of_unit(u)) ||
				    key_range(ks, k->string, cand, &lo,
				    &hi) < 2 || v < lo / 4 || v > hi * 1.5) {
					if (unit != NULL)
						break;
					continue;
				}
				/* "32gb ram" is dlg-needs.c's: the number
				 * is taken, not another key's. */
				if (read_elsewhere(req, k->string,
				    floor_said || ceil_said))
					return;
				nk++;
				if (key_named(s, k->string)) {
					named++;
					pick = k->string;
					pick_unit = cand;
				} else if (named == 0) {
					pick = k->string;
					pick_unit = cand;
				}
				break;
			}
		}
	if (pick == NULL)
		return;
	/* "45 w" where a charger states its output, a cable its power and
	 * a hub what it feeds: any of them that says so. */
	if (nk > 1 && named != 1) {
		if (unit == NULL)
			return;
		joined = any_key(ks, keys, req, v, unit, floor_said ||
		    ceil_said);
		pick = joined;
	}
	/* "Under 1 kg", and a weight said alone ("a 1 kg laptop"). */
	said = xmalloc(e - b + 1);
	memcpy(said, s + b, e - b);
	said[e - b] = '\0';
	need_set(req, pick, pick_unit, ceil_said || (!floor_said &&
	    strcmp(pick_unit, "kg") == 0) ? "max" : "min", v, said);
	free(said);
	free(joined);
	/* "Bigger than 70 inches" is a floor, not a size. */
	if (strcmp(pick, "screen_size_in") == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(req, "screen_in");
}

/* The unit said at s (after the number and spaces), or NULL; *len its
 * length. */
static const struct unit *
unit_at(const char *s, size_t *len)
{
	const struct unit *u;
	size_t	 ul;

	for (u = units; u->said != NULL; u++) {
		ul = strlen(u->said);
		if (strncasecmp(s, u->said, ul) == 0 &&
		    !isalnum((unsigned char)s[ul])) {
			*len = ul;
			return u;
		}
	}
	return NULL;
}

/* The numbers of the message with their units, each to number_need;
 * not a price, a model number ("ps5") or a product's name. */
static void
numbers_read(struct tctx *t, const struct kindset *ks, const cJSON *keys,
    cJSON *req, int frame)
{
	const char	*s = t->text;
	const struct unit *u;
	size_t		 b, e, ul = 0, i;
	double		 v;
	char		*num;
	int		 plus, sp;

	for (b = 0; s[b] != '\0'; b = e) {
		for (e = b + 1; isdigit((unsigned char)s[b]) &&
		    (isdigit((unsigned char)s[e]) || (s[e] == ',' &&
		    isdigit((unsigned char)s[e + 1])) || (s[e] == '.' &&
		    isdigit((unsigned char)s[e + 1]))); e++)
			;
		if (!isdigit((unsigned char)s[b]) || (b > 0 &&
		    (isalpha((unsigned char)s[b - 1]) || s[b - 1] == '$' ||
		    s[b - 1] == '#' || s[b - 1] == '.')) ||
		    in_entity(t, b, ENTITY_PRICE) ||
		    in_entity(t, b, ENTITY_PRODUCT) ||
		    in_entity(t, b, ENTITY_ORDER_ID))
			continue;
		num = xmalloc(e - b + 1);
		for (i = 0; b + i < e; i++)
			num[i] = s[b + i] == ',' ? ' ' : s[b + i];
		num[i] = '\0';
		for (i = 0; num[i] != '\0'; i++)	/* "7,500" */
			if (num[i] == ' ')
				memmove(num + i, num + i + 1, strlen(num + i));
		v = strtod(num, NULL);
		free(num);
		/* "3k sq ft", "3k+": thousands; "4k" alone is a resolution. */
		if ((s[e] == 'k' || s[e] == 'K') && (s[e + 1] == '+' ||
		    unit_at(s + e + 1 + (s[e + 1] == ' '), &ul) != NULL)) {
			v *= 1000;
			e++;
		}
		if (isalpha((unsigned char)s[e]) && unit_at(s + e, &ul) ==
		    NULL)
			continue;	/* "5g", "4k", "m2": not a unit said */
		plus = s[e] == '+';
		sp = s[e + plus] == ' ';
		u = unit_at(s + e + plus + sp, &ul);
		if (u == NULL && plus == 0 && s[e] == ' ' &&
		    strncasecmp(s + e + 1, "or more", 7) == 0)
			plus = 1;
		number_need(t, ks, keys, req, v * (u != NULL ? u->factor : 1),
		    u != NULL ? u->unit : NULL, b, u != NULL ? e + plus + sp +
		    ul : e + (s[e] == '+'), plus, frame);
	}
}

/* "Battery for days", "lasts a week", "all day": hours the kind's
 * battery must reach, when the kind states its hours. */
static void
duration_read(struct tctx *t, const cJSON *keys, cJSON *req)
{
	static const char *const battery[] = { "battery", "charge",
	    "charging", "last", "lasts", "lasting", "runtime", "juice",
	    "runs", NULL };
	static const char *const week[] = { "a week", "all week", "weeks",
	    "whole week", "full week", NULL };
	static const char *const days[] = { "for days", "multi-day",
	    "multiday", "multi day", "several days", "few days",
	    "couple of days", "days on end", "days and days", NULL };
	static const char *const day[] = { "all day", "full day",
	    "whole day", "a day", "all-day", "workday", "work day", NULL };
	const cJSON	*k;
	const char	*said = NULL;
	double		 hours = -1;

	if (!dlg_has_any(t, battery))
		return;
	if (dlg_has_any(t, week)) {
		hours = 168;
		said = "a week";
	} else if (dlg_has_any(t, days)) {
		hours = 48;
		said = "for days";
	} else if (dlg_has_any(t, day)) {
		hours = 10;
		said = "all day";
	}
	if (hours < 0 || cJSON_GetObjectItemCaseSensitive(req,
	    "min_hours") != NULL)
		return;
	cJSON_ArrayForEach(k, keys)
		if (strcmp(k->string, "battery_hours") == 0) {
			need_set(req, k->string, "hours", "min", hours,
			    said);
			return;
		}
}

/* "We are 4 at home", "for 6 people", "3 devices": a floor on the
 * users or devices a licence covers, when the kind states them. */
static void
count_read(struct tctx *t, const struct kindset *ks, const cJSON *keys,
    cJSON *req)
{
	static const char *const numerals[] = { "zero", "one", "two",
	    "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	    NULL };
	const char	*s = t->text;
	struct sbuf	 which = SBUF_INIT;
	const char *const *c, *const *p;
	size_t		 b, e, i, pl;
	double		 lo, hi, v = -1;

	for (b = 0; s[b] != '\0' && v < 0; b = e) {
		while (s[b] != '\0' && !isalnum((unsigned char)s[b]))
			b++;
		for (e = b; isalnum((unsigned char)s[e]); e++)
			;
		if (e == b)
			break;
		double n = -1;

		if (isdigit((unsigned char)s[b]) && e - b <= 2 &&
		    !in_entity(t, b, ENTITY_PRICE))
			n = strtod(s + b, NULL);
		for (i = 0; numerals[i] != NULL && n < 0; i++)
			if (strlen(numerals[i]) == e - b &&
			    strncasecmp(s + b, numerals[i], e - b) == 0)
				n = (double)i;
		if (n < 2)
			continue;
		/* "4 people", "4 of us"; "we are 4", "family of 4". */
		for (p = persons; *p != NULL && v < 0; p++) {
			pl = strlen(*p);
			if (strncasecmp(s + e + (s[e] == ' '), *p, pl) == 0 ||
			    phrase_before(s, b, (const char *const[]){ *p,
			    NULL }) || (phrase_before(s, b,
			    (const char *const[]){ "of", NULL }) &&
			    strcmp(*p, "family") == 0 && b >= 10 &&
			    strncasecmp(s + b - 10, "family of", 9) == 0))
				v = n;
		}
	}
	if (v < 0)
		return;
	for (c = count_keys; *c != NULL; c++)
		if (cJSON_GetObjectItemCaseSensitive(keys, *c) != NULL &&
		    key_range(ks, *c, "count", &lo, &hi) >= 2)
			sbuf_addf(&which, "%s%s", which.len ? "," : "", *c);
	if (which.len > 0)
		need_set(req, which.buf, "count", "min", v, NULL);
	sbuf_release(&which);
}

/* Words a value states a feature by without naming it: a display is in
 * colour when it is an AMOLED or a Retina one, unless monochrome. */
static const struct implied {
	const char	*word;		/* stemmed */
	const char	*by[8];
	const char	*unless;
} implied[] = {
	{ "color", { "amoled", "oled", "lcd", "retina", "ips", "qled",
	    "led", NULL }, "monochrome" },
	{ NULL, { NULL }, NULL }
};

/* Does the text v imply feature word w ("amoled": "color")? */
static int
text_implies(const char *v, const char *w)
{
	const struct implied *im;
	size_t	 i;

	for (im = implied; im->word != NULL; im++) {
		if (strcmp(im->word, w) != 0 || strcasestr(v, im->unless) !=
		    NULL)
			continue;
		for (i = 0; im->by[i] != NULL; i++)
			if (text_has(v, im->by[i], strlen(im->by[i])))
				return 1;
	}
	return 0;
}

/* Does value v (a string, or strings of an array) say word w[0..n)? */
static int
value_says(const cJSON *v, const char *w, size_t n)
{
	const cJSON	*it;

	if (cJSON_IsString(v))
		return text_has(v->valuestring, w, n) ||
		    text_implies(v->valuestring, w);
	cJSON_ArrayForEach(it, v)
		if (cJSON_IsString(it) && text_has(it->valuestring, w, n))
			return 1;
	return 0;
}

/* Does a product (attrs, name) have the feature need (key, word)? */
static int
has_feature(const cJSON *attrs, const char *name, const char *key,
    const char *word)
{
	const cJSON	*it;
	size_t		 n = strlen(word);

	/* "GPS" in "Apple Watch Series 9 GPS" says it as well as a "gps"
	 * attribute does. */
	if (strcmp(key, "*") != 0 && affirmative(
	    cJSON_GetObjectItemCaseSensitive(attrs, key)))
		return 1;
	if (text_has(name, word, n))
		return 1;
	cJSON_ArrayForEach(it, attrs)
		if (value_says(it, word, n))
			return 1;
	return 0;
}

/* Is s[0..n) a unit word ("inch", "hours")? */
static int
unit_word(const char *s, size_t n)
{
	const struct unit *u;

	for (u = units; u->said != NULL; u++)
		if (strlen(u->said) == n && strncasecmp(s, u->said, n) == 0)
			return 1;
	return 0;
}

/* Does the stemmed word w name the key of a number need of req? */
static int
numeric_key(const cJSON *req, const char *w)
{
	const cJSON	*o;

	cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(req, "attr"))
		if (dlg_jstr(o, "has") == NULL && dlg_jstr(o, "key") != NULL &&
		    key_named(w, dlg_jstr(o, "key")))
			return 1;
	return 0;
}

/* Is one of the three words before offset b a refusal ("without a c
 * wire", "no usb")? */
static int
refused_near(const char *s, size_t b, const char *const *list)
{
	size_t	 i;

	for (i = 0; i < 3 && b > 0; i++) {
		if (phrase_before(s, b, list))
			return 1;
		while (b > 0 && !isalnum((unsigned char)s[b - 1]))
			b--;
		while (b > 0 && isalnum((unsigned char)s[b - 1]))
			b--;
	}
	return 0;
}

/* Does a word of the kinds begin with w ("print" of "printers")?  What
 * the kind does is not a feature some of it has. */
static int
kind_starts(const char *kinds, const char *w)
{
	size_t	 b, e, n = strlen(w);

	for (b = 0; n >= 4 && kinds[b] != '\0'; b = e) {
		while (kinds[b] != '\0' && !isalpha((unsigned char)kinds[b]))
			b++;
		for (e = b; isalpha((unsigned char)kinds[e]); e++)
			;
		if (e - b > n && strncasecmp(kinds + b, w, n) == 0)
			return 1;
	}
	return 0;
}

/* Do products of several kinds have key as a yes? */
static int
several_kinds(const struct kindset *ks, const char *key)
{
	const char	*first = NULL;
	size_t		 i;

	for (i = 0; i < ks->n; i++)
		if (affirmative(cJSON_GetObjectItemCaseSensitive(ks->attrs[i],
		    key))) {
			if (first == NULL)
				first = ks->subs[i];
			else if (strcmp(first, ks->subs[i]) != 0)
				return 1;
		}
	return 0;
}

/*
 * A feature word of the message: a key of the kind's products it names
 * ("mops": "mopping"), else a word of their values or names ("gps",
 * "colour"), which some have and some not.  Not a word of a brand, a
 * product, a price or the kind, nor one refused ("no hub").
 */
static void
features_read(struct tctx *t, const struct kindset *ks, const cJSON *keys,
    cJSON *req)
{
	static const char *const refused[] = { "no", "not", "without",
	    "non", "dont", "don't", "doesn't", "doesnt", NULL };
	const char	*s = t->text;
	struct sbuf	 w = SBUF_INIT, raw = SBUF_INIT;
	const cJSON	*k;
	size_t		 b, e, i, yes, kb, ke;
	const char	*key;

	for (b = 0; s[b] != '\0'; b = e) {
		while (s[b] != '\0' && !isalnum((unsigned char)s[b]))
			b++;
		for (e = b; isalnum((unsigned char)s[e]) || (s[e] == '-' &&
		    isalpha((unsigned char)s[e + 1])); e++)
			;
		if (e - b < 3 || word_in_list(s, b, e, stop) ||
		    refused_near(s, b, refused) ||
		    in_entity(t, b, ENTITY_BRAND) ||
		    in_entity(t, b, ENTITY_PRODUCT) ||
		    in_entity(t, b, ENTITY_PRICE) ||
		    in_entity(t, b, ENTITY_CATEGORY) ||
		    in_entity(t, b, ENTITY_ORDER_ID))
			continue;
		for (i = b; i < e && !isdigit((unsigned char)s[i]); i++)
			;
		if (i < e)
			continue;	/* "ps5", "4k": not a word */
		sbuf_reset(&raw);
		sbuf_add(&raw, s + b, e - b);
		stem(s + b, e - b, &w);
		/* A unit ("16 inch") or a key a number was read for ("40
		 * hours of battery") is not a feature. */
		if (w.len < 3 || unit_word(s + b, e - b) ||
		    numeric_key(req, w.buf))
			continue;
		key = NULL;
		cJSON_ArrayForEach(k, keys) {
			for (kb = 0; key == NULL && k->string[kb] != '\0';
			    kb = ke) {
				while (k->string[kb] == '_')
					kb++;
				for (ke = kb; k->string[ke] != '\0' &&
				    k->string[ke] != '_'; ke++)
					;
				if (ke - kb >= 3 && same_stem(s + b, e - b,
				    k->string + kb, ke - kb))
					key = k->string;
			}
			if (key != NULL)
				break;
		}
		/* The kind itself ("tablet", "mesh") is dlg-kind.c's, unless
		 * products of several kinds have it as a key ("gps"). */
		if ((key_named(ks->kinds.buf, raw.buf) ||
		    kind_starts(ks->kinds.buf, w.buf)) && (key == NULL ||
		    !several_kinds(ks, key)))
			continue;
		for (i = yes = 0; i < ks->n; i++)
			yes += has_feature(ks->attrs[i], ks->names[i],
			    key != NULL ? key : "*", w.buf);
		/* A key (nearly) all have ("screen", "wifi") says nothing. */
		if (key != NULL && yes * 4 > ks->n * 3)
			continue;
		/* "Noise cancelling": a need another table reads. */
		if (yes > 0 && yes < ks->n && (key == NULL ||
		    cJSON_GetObjectItemCaseSensitive(req, key) == NULL))
			need_has(req, key != NULL ? key : "*", w.buf);
	}
	sbuf_release(&w);
	sbuf_release(&raw);
}

/*
 * Is the message said as a need ("one with gps", "i want ... + gps",
 * "one that mops too"), not a question about the list or the product in
 * focus ("which has the longest battery", "battery?", "do i need a
 * hub")?  Those are dlg-rank.c's, dlg-members.c's and dlg-specs.c's.
 */
static int
need_frame(struct tctx *t)
{
	static const char *const frame[] = { "with", "one that",
	    "ones that", "something that", "anything that", "that has",
	    "that have", "that does", "that do", "that can", "that works",
	    "that lasts", "that covers", "need", "needs", "want", "wanna",
	    "must", "has to", "have to", "too", "looking for", "prefer",
	    "i'd like", "id like", "would like", NULL };
	static const char *const asks[] = { "which", "what", "whats",
	    "what's", "how", "when", "why", "where", "does it", "do i",
	    "is it", "is there", "are they", "do they", "will it", "can it",
	    "can i", "does the", "do the", "is the", "is that", "does that",
	    "do those", "did", "the one with", "the ones with",
	    "the one that", "the ones that", "that one", "do both",
	    "do either", "does either", "do any", "does any", "any of",
	    NULL };
	/* "Do both of those cover that?": a question begins so. */
	static const char *const aux[] = { "do", "does", "is", "are", "can",
	    "will", "would", "could", "has", "have", "did", NULL };
	size_t	 b = 0, e;

	while (t->text[b] != '\0' && !isalpha((unsigned char)t->text[b]))
		b++;
	for (e = b; isalpha((unsigned char)t->text[e]); e++)
		;
	if (strchr(t->text, '?') != NULL && word_in_list(t->text, b, e, aux))
		return 0;
	return (dlg_has_any(t, frame) || strchr(t->text, '+') != NULL) &&
	    !dlg_has_any(t, asks);
}

char *
dlg_catneeds_kind(struct tctx *t, cJSON *f)
{
	const struct entity *cat = dlg_first_entity(t, ENTITY_CATEGORY);
	struct product	 p;
	char		*k = NULL;

	if (cat != NULL && cat->category != NULL)
		return xstrdup(cat->category);
	if (f != NULL && dlg_jstr(f, "category") != NULL)
		return xstrdup(dlg_jstr(f, "category"));
	if (dlg_jstr(dlg_jobj(t->state, "filters"), "category") != NULL)
		return xstrdup(dlg_jstr(dlg_jobj(t->state, "filters"),
		    "category"));
	/* "We are 4 at home" about the product in focus: its kind. */
	memset(&p, 0, sizeof p);
	if (dlg_focus_top(t, 0) != NULL && dlg_load_product(t,
	    dlg_focus_top(t, 0), &p)) {
		k = xstrdup(p.category);
		product_release(&p);
	}
	return k;
}

void
dlg_catneeds_read(struct tctx *t, cJSON *f)
{
	struct kindset	 ks;
	cJSON		*req, *keys;
	char		*cat;
	int		 frame;

	cat = dlg_catneeds_kind(t, f);

	if (cat == NULL || !kindset_load(t, cat, &ks)) {
		if (cat != NULL)
			kindset_free(&ks);
		free(cat);
		return;
	}
	free(cat);
	req = dlg_jobj(f, "require");
	keys = kind_keys(&ks);
	frame = need_frame(t);
	numbers_read(t, &ks, keys, req, frame);
	if (frame) {
		duration_read(t, keys, req);
		features_read(t, &ks, keys, req);
	}
	count_read(t, &ks, keys, req);
	cJSON_Delete(keys);
	kindset_free(&ks);
	if (cJSON_GetArraySize(req) == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(f, "require");
}

/* The number p gives for need o (key "users,devices": any of them). */
static double
need_value(const cJSON *attrs, const cJSON *o)
{
	const char	*key = dlg_jstr(o, "key"), *unit = dlg_jstr(o, "unit");
	char		*keys, *k, *save = NULL;
	double		 d, best = -1;

	if (key == NULL || unit == NULL)
		return -1;
	keys = xstrdup(key);
	for (k = strtok_r(keys, ",", &save); k != NULL;
	    k = strtok_r(NULL, ",", &save))
		if ((d = product_value(attrs, k, unit)) > best)
			best = d;
	free(keys);
	return best;
}

int
dlg_catneeds_meets(const cJSON *req, const struct product *p)
{
	const cJSON	*arr = cJSON_GetObjectItemCaseSensitive(req, "attr");
	const cJSON	*o;
	cJSON		*attrs;
	double		 d;
	int		 ok = 1;

	if (cJSON_GetArraySize(arr) == 0)
		return 1;
	if ((attrs = cJSON_Parse(p->attrs != NULL ? p->attrs : "{}")) ==
	    NULL)
		attrs = cJSON_CreateObject();
	cJSON_ArrayForEach(o, arr) {
		if (!ok)
			break;
		/* A word only some values say ("wireless", "colour") may be
		 * said by the others in their own terms ("Bluetooth"): it
		 * orders the list (dlg_catneeds_rank), it does not cut it. */
		if (dlg_jstr(o, "has") != NULL) {
			ok = dlg_jstr(o, "key") != NULL && (strcmp(dlg_jstr(o,
			    "key"), "*") == 0 || has_feature(attrs, p->name,
			    dlg_jstr(o, "key"), dlg_jstr(o, "has")));
			continue;
		}
		d = need_value(attrs, o);
		if (cJSON_GetObjectItemCaseSensitive(o, "min") != NULL)
			ok = d >= 0 && d >= dlg_jnum(o, "min", 0);
		if (ok && cJSON_GetObjectItemCaseSensitive(o, "max") != NULL)
			ok = d >= 0 && d <= dlg_jnum(o, "max", 0);
	}
	cJSON_Delete(attrs);
	return ok;
}

/* A need's key as words: "battery_hours" -> "battery". */
static void
key_words(const char *key, struct sbuf *out)
{
	const struct unit *u;
	size_t	 kl = strlen(key), ul, i;

	for (u = key_units; u->said != NULL; u++)
		if (kl > (ul = strlen(u->said)) && u->said[0] == '_' &&
		    strcmp(key + kl - ul, u->said) == 0) {
			kl -= ul;
			break;
		}
	for (i = 0; i < kl; i++)
		sbuf_addc(out, key[i] == '_' ? ' ' : key[i] == ',' ? '/' :
		    key[i]);
}

/* A need's number in its unit's words: "3,000 sq ft", "2 days". */
static void
amount_words(double v, const char *unit, struct sbuf *out)
{
	if (strcmp(unit, "hours") == 0 && v >= 48 && fmod(v, 24) == 0)
		sbuf_addf(out, "%g days", v / 24);
	else if (strcmp(unit, "gb") == 0 && v >= 1024)
		sbuf_addf(out, "%g TB", v / 1024);
	else if (strcmp(unit, "count") == 0)
		sbuf_addf(out, "%g", v);
	else if (strcmp(unit, "sqft") == 0)
		sbuf_addf(out, "%g sq ft", v);
	else if (strcmp(unit, "w") == 0 || strcmp(unit, "mah") == 0 ||
	    strcmp(unit, "gb") == 0 || strcmp(unit, "mp") == 0 ||
	    strcmp(unit, "wh") == 0)
		sbuf_addf(out, "%g %s", v, strcmp(unit, "mah") == 0 ? "mAh" :
		    strcmp(unit, "w") == 0 ? "W" : strcmp(unit, "gb") == 0 ?
		    "GB" : strcmp(unit, "mp") == 0 ? "MP" : "Wh");
	else
		sbuf_addf(out, "%g %s", v, unit);
}

void
dlg_catneeds_words(cJSON *f, struct sbuf *crit)
{
	cJSON	*req = cJSON_GetObjectItemCaseSensitive(f, "require"), *o;
	const char *said, *unit;
	int	 max;

	cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(req, "attr")) {
		if (dlg_jstr(o, "key") == NULL)
			continue;
		sbuf_adds(crit, crit->len ? ", " : "");
		if (dlg_jstr(o, "has") != NULL) {
			if (strcmp(dlg_jstr(o, "key"), "*") == 0)
				sbuf_addf(crit, "%s ones first",
				    dlg_jstr(o, "has"));
			else {
				sbuf_adds(crit, "with ");
				key_words(dlg_jstr(o, "key"), crit);
			}
			continue;
		}
		max = cJSON_GetObjectItemCaseSensitive(o, "max") != NULL;
		said = dlg_jstr(o, "said");
		unit = dlg_jstr(o, "unit") != NULL ? dlg_jstr(o, "unit") : "";
		if (strcmp(unit, "count") == 0) {
			sbuf_addf(crit, "for %g or more people",
			    dlg_jnum(o, "min", 0));
			continue;
		}
		/* "45 w or more": several keys carry it, none named. */
		if (strchr(dlg_jstr(o, "key"), ',') == NULL)
			key_words(dlg_jstr(o, "key"), crit);
		if (said != NULL && !isdigit((unsigned char)said[0])) {
			sbuf_addf(crit, " that lasts %s", said);
			continue;
		}
		sbuf_adds(crit, max ? " up to " : strchr(dlg_jstr(o, "key"),
		    ',') == NULL ? " " : "");
		if (said != NULL)
			sbuf_adds(crit, said);
		else
			amount_words(dlg_jnum(o, max ? "max" : "min", 0),
			    unit, crit);
		if (!max && (said == NULL || strchr(said, '+') == NULL))
			sbuf_adds(crit, " or more");
	}
}

/* What p says of a figure another table read ("15 hours or more":
 * its battery life), or NULL. */
static char *
other_value(const cJSON *req, const struct product *p)
{
	static const struct { const char *need, *key, *words; } other[] = {
		{ "min_hours", "battery_life", "battery life" },
		{ "min_hz", "refresh_hz", "a refresh rate of" },
		{ NULL, NULL, NULL } };
	struct sbuf	 sb = SBUF_INIT;
	char		*v;
	size_t		 i;

	for (i = 0; other[i].need != NULL; i++)
		if (cJSON_GetObjectItemCaseSensitive(req, other[i].need) !=
		    NULL && (v = catalog_attr(p, other[i].key)) != NULL) {
			sbuf_addf(&sb, "%s %s%s", other[i].words, v,
			    strcmp(other[i].key, "refresh_hz") == 0 ? " Hz" :
			    "");
			free(v);
			return sbuf_detach(&sb, NULL);
		}
	return NULL;
}

/* What p's attributes say of the first need of filters f, as words for
 * a reply ("coverage up to 6,500 sq ft"); NULL when none.  Caller
 * frees. */
char *
dlg_catneeds_value(cJSON *f, const struct product *p)
{
	cJSON	*o;
	struct sbuf sb = SBUF_INIT;
	char	*keys, *k, *save = NULL, *v;

	/* The first need of a named attribute ("gps", not any word). */
	for (o = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(f, "require"), "attr"), 0);
	    o != NULL && dlg_jstr(o, "key") != NULL &&
	    strcmp(dlg_jstr(o, "key"), "*") == 0; o = o->next)
		;
	if (o == NULL || dlg_jstr(o, "key") == NULL)
		return other_value(cJSON_GetObjectItemCaseSensitive(f,
		    "require"), p);
	keys = xstrdup(dlg_jstr(o, "key"));
	for (k = strtok_r(keys, ",", &save); k != NULL && sb.len == 0;
	    k = strtok_r(NULL, ",", &save))
		if ((v = catalog_attr(p, k)) != NULL) {
			key_words(k, &sb);
			sbuf_addf(&sb, " %s", v);
			if (unit_key(k) && strcmp(dlg_jstr(o, "unit"), "count"))
				sbuf_addf(&sb, " %s", dlg_jstr(o, "unit"));
			free(v);
		}
	free(keys);
	if (sb.len == 0) {
		sbuf_release(&sb);
		return NULL;
	}
	return sbuf_detach(&sb, NULL);
}

/* How far p is from the figures of req.attr: for each need it misses,
 * the share of the figure it lacks (1 when it states none). */
double
dlg_catneeds_gap(const cJSON *req, const struct product *p)
{
	const cJSON	*o;
	cJSON		*attrs;
	double		 d, want, gap = 0;

	if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(req,
	    "attr")) == 0)
		return 0;
	if ((attrs = cJSON_Parse(p->attrs != NULL ? p->attrs : "{}")) ==
	    NULL)
		return 0;
	cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(req, "attr")) {
		if (dlg_jstr(o, "has") != NULL)
			continue;
		d = need_value(attrs, o);
		if ((want = dlg_jnum(o, "min", -1)) > 0 && d < want)
			gap += d < 0 ? 1 : (want - d) / want;
		if ((want = dlg_jnum(o, "max", -1)) > 0 && (d < 0 || d > want))
			gap += d < 0 ? 1 : fmin(1, (d - want) / want);
	}
	cJSON_Delete(attrs);
	return gap;
}

/* How many of the word needs of req p's attributes or name say. */
static int
words_said(const cJSON *req, const struct product *p)
{
	const cJSON	*o;
	cJSON		*attrs;
	int		 n = 0;

	if ((attrs = cJSON_Parse(p->attrs != NULL ? p->attrs : "{}")) ==
	    NULL)
		return 0;
	cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(req, "attr"))
		if (dlg_jstr(o, "has") != NULL && dlg_jstr(o, "key") != NULL &&
		    strcmp(dlg_jstr(o, "key"), "*") == 0)
			n += has_feature(attrs, p->name, "*",
			    dlg_jstr(o, "has"));
	cJSON_Delete(attrs);
	return n;
}

void
dlg_catneeds_rank(const cJSON *req, struct product *v, size_t n)
{
	struct product	 tmp;
	int		*said;
	size_t		 i, j;
	int		 ts;

	if (n < 2 || cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(req,
	    "attr")) == 0)
		return;
	said = xmalloc(n * sizeof *said);
	for (i = 0; i < n; i++)
		said[i] = words_said(req, &v[i]);
	for (i = 1; i < n; i++)		/* insertion sort: stable */
		for (j = i; j > 0 && said[j] > said[j - 1]; j--) {
			tmp = v[j];
			v[j] = v[j - 1];
			v[j - 1] = tmp;
			ts = said[j];
			said[j] = said[j - 1];
			said[j - 1] = ts;
		}
	free(said);
}
