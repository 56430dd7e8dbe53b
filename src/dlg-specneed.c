/*
 * dlg-specneed.c: needs said in specification terms while shopping,
 * kept in filters.require beside the form and feature constraints of
 * dlg-state.c, and the test of a product against them.  "65 inch",
 * "4K", "at least 165hz", "under 250 grams", "waterproof", "15 hours
 * or more", "interchangeable lens", "works with iPhone and Android".
 * A product whose specifications contradict a need (or say nothing of
 * it) is never offered.  Questions about one product's specifications
 * are dlg-specs.c's.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/*
 * Needs said in specification terms, kept in filters.require beside the
 * form and feature constraints of dlg-state.c: a screen size ("65 inch",
 * "27\""), "4K", a refresh rate ("120Hz", "at least 165hz"),
 * "interchangeable lens", platforms a product must work with ("works
 * with iPhone and Android").  A product whose specifications contradict
 * one (or say nothing of it) is never offered.
 */
static const char *const platforms[] = { "iphone", "android", "windows",
	"linux", "mac", "macos", "chromebook", NULL };

/*
 * Platforms read where they stand, not only beside "work": "for
 * android", "with my iPhone", and the smart-home ecosystems a product
 * lists in works_with ("works with Google", "compatible with Alexa"),
 * which are a compatibility need, never the brand wanted.  word is what
 * the customer says, value the word the compatibility data holds.
 */
static const struct {
	const char	*word;
	const char	*value;
	int		 os;		/* a need after "for" too */
} placed[] = {
	{ "iphone", "iphone", 1 }, { "ios", "ios", 1 },
	{ "android", "android", 1 }, { "windows", "windows", 1 },
	{ "mac", "mac", 1 }, { "macos", "macos", 1 },
	{ "chromebook", "chromebook", 1 }, { "linux", "linux", 1 },
	{ "alexa", "alexa", 1 }, { "google home", "google", 1 },
	{ "google assistant", "google", 1 }, { "google", "google", 0 },
	{ "apple home", "apple", 1 }, { "homekit", "apple", 1 },
	{ "smartthings", "smartthings", 1 },
};

/* The word before offset at in s ("for" of "for my iphone"), skipping
 * articles and possessives; its length in *len. */
static const char *
word_before(const char *s, size_t at, size_t *len)
{
	static const char *const skip[] = { "a", "an", "the", "my", "our",
	    "her", "his", "their", NULL };
	const char *const *k;
	size_t	 b, e;

	for (;;) {
		e = at;
		while (e > 0 && !isalnum((unsigned char)s[e - 1]))
			e--;
		for (b = e; b > 0 && isalnum((unsigned char)s[b - 1]); b--)
			;
		*len = e - b;
		for (k = skip; *k != NULL; k++)
			if (strlen(*k) == *len && strncmp(s + b, *k, *len) == 0)
				break;
		if (*k == NULL || b == 0)
			return s + b;
		at = b;
	}
}

/* Is the word at offset at of s a platform needed: right after "with",
 * "for" (a phone's or computer's platform only), "on" or "to", or after
 * "works with" / "compatible with"? */
static int
platform_need_at(const char *s, size_t at, int os)
{
	const char	*w;
	size_t		 n;

	w = word_before(s, at, &n);
	if ((n == 4 && strncmp(w, "with", 4) == 0) ||
	    (n == 2 && strncmp(w, "to", 2) == 0) ||
	    (n == 2 && strncmp(w, "on", 2) == 0))
		return 1;
	return os && n == 3 && strncmp(w, "for", 3) == 0;
}

/* Does a product named in the turn hold word ("case for iPhone 15"
 * names the model, not the platform)? */
static int
named_product_has(struct tctx *t, const char *word)
{
	const struct entity	*en;
	size_t			 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && en->value != NULL &&
		    dlg_value_has(en->value, word))
			return 1;
	}
	return 0;
}

/* Add the platforms said in place to array pl (once each); how many. */
static int
placed_platforms(struct tctx *t, cJSON *pl)
{
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "", *p;
	cJSON		*it;
	size_t		 i, wl, taken[sizeof(placed) / sizeof(placed[0])];
	int		 n = 0, dup;

	for (i = 0; i < sizeof(placed) / sizeof(placed[0]); i++) {
		taken[i] = 0;
		wl = strlen(placed[i].word);
		for (p = s; (p = strstr(p, placed[i].word)) != NULL; p += wl) {
			if ((p > s && isalnum((unsigned char)p[-1])) ||
			    isalnum((unsigned char)p[wl]))
				continue;
			/* "google" of "google home" is read once. */
			if (i > 0 && strncmp(placed[i - 1].value,
			    placed[i].value, strlen(placed[i].value)) == 0 &&
			    taken[i - 1])
				continue;
			if (!platform_need_at(s, (size_t)(p - s),
			    placed[i].os) || named_product_has(t,
			    placed[i].word))
				continue;
			taken[i] = 1;
			dup = 0;
			cJSON_ArrayForEach(it, pl)
				dup |= cJSON_IsString(it) &&
				    strcmp(it->valuestring,
				    placed[i].value) == 0;
			if (!dup) {
				cJSON_AddItemToArray(pl,
				    cJSON_CreateString(placed[i].value));
				n++;
			}
			break;
		}
	}
	return n;
}

/* The number just before offset at in s ("65" of "65 inch"), or -1. */
static double
number_before(const char *s, size_t at)
{
	size_t	 b = at;

	while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '-' ||
	    s[b - 1] == '"'))
		b--;
	at = b;
	while (b > 0 && (isdigit((unsigned char)s[b - 1]) || s[b - 1] == '.'))
		b--;
	if (b == at || (b > 0 && isalpha((unsigned char)s[b - 1])))
		return -1;
	return strtod(s + b, NULL);
}

/* The amount before the first of the unit words in s, or -1. */
static double
amount_of(const char *s, const char *const *units)
{
	const char	*p;
	size_t		 ul;
	double		 v;

	for (; *units != NULL; units++) {
		ul = strlen(*units);
		for (p = s; (p = strstr(p, *units)) != NULL; p += ul) {
			if (isalnum((unsigned char)p[ul]))
				continue;
			if ((v = number_before(s, (size_t)(p - s))) > 0)
				return v;
		}
	}
	return -1;
}

/*
 * A platform need read above wins over the feature words dlg-catneed.c
 * reads from the same words: "compatible with" is not a feature
 * "compatible_with" some products have, and "alexa" is not a word to
 * rank by when it is the platform needed.
 */
static void
platform_needs_win(cJSON *req)
{
	static const char *const keys[] = { "compatible_with", "works_with",
	    "os", "compatibility", "assistant", NULL };
	cJSON	*attr = cJSON_GetObjectItemCaseSensitive(req, "attr"), *o, *it;
	cJSON	*pl[2];
	const char *key, *has;
	int	 i, k, drop;

	pl[0] = cJSON_GetObjectItemCaseSensitive(req, "platforms");
	pl[1] = cJSON_GetObjectItemCaseSensitive(req, "platforms_soft");
	if (!cJSON_IsArray(attr) || (pl[0] == NULL && pl[1] == NULL))
		return;
	for (i = cJSON_GetArraySize(attr) - 1; i >= 0; i--) {
		o = cJSON_GetArrayItem(attr, i);
		key = dlg_jstr(o, "key");
		has = dlg_jstr(o, "has");
		drop = 0;
		for (k = 0; key != NULL && keys[k] != NULL; k++)
			drop |= strcmp(key, keys[k]) == 0;
		for (k = 0; k < 2 && has != NULL && !drop; k++)
			cJSON_ArrayForEach(it, pl[k])
				drop |= cJSON_IsString(it) &&
				    strncasecmp(has, it->valuestring,
				    strlen(it->valuestring)) == 0;
		if (drop)
			cJSON_DeleteItemFromArray(attr, i);
	}
	if (cJSON_GetArraySize(attr) == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(req, "attr");
}

void
dlg_spec_constraints(struct tctx *t, cJSON *f)
{
	static const char *const inch[] = { "inches", "inch", "in tv",
	    "\"", NULL };
	static const char *const hz[] = { "hz", "fps", NULL };
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	cJSON		*req = dlg_jobj(f, "require"), *pl, *it;
	double		 v;
	int		 i, n = 0, hard;

	static const char *const grams[] = { "grams", "gram", "g", NULL };
	static const char *const wet[] = { "waterproof", "water proof",
	    "water resistant", "water-resistant", "rainproof", "dustproof",
	    "splashproof", NULL };
	/* Said beside a kind wanted only ("a speaker that survives the
	 * rain"): "what about rain?" asks about the one in focus. */
	static const char *const weather[] = { "rain", "dust", "splash",
	    "pool", "beach", "shower", NULL };
	static const char *const tough[] = { "rugged", "shockproof",
	    "drop proof", "drop-proof", NULL };
	static const char *const tough_kind[] = { "tough", "durable", NULL };
	int		 kind = dlg_first_entity(t, ENTITY_CATEGORY) != NULL;
	static const char *const hours[] = { "hours", "hour", "hrs", "h",
	    NULL };
	static const char *const floor_words[] = { "or more", "at least",
	    "minimum", "min", "or longer", "plus", "still does", NULL };
	static const char *const long_battery[] = { "lasts forever",
	    "last forever", "long battery", "longest battery", "best battery",
	    "battery that lasts", "long lasting", "long-lasting",
	    "all day battery", "lasts long", "lasts ages", NULL };
	static const char *const limit[] = { "under", "below", "less",
	    "lighter", "max", "at most", "no more", "not more", NULL };

	if ((v = amount_of(s, inch)) >= 10 && v <= 120)
		dlg_jset_num(req, "screen_in", v);
	/* "A drone under 250 grams": a weight limit, as dlg-state.c keeps
	 * one said in kilograms. */
	if ((v = amount_of(s, grams)) >= 10 && v < 20000 &&
	    dlg_has_any(t, limit))
		dlg_jset_num(req, "max_kg", v / 1000);
	/* "Survives dust and rain": a water rating; "rugged": built to
	 * take drops or weather.  "15 hours or more": a battery floor;
	 * "lasts forever on battery": the longest first. */
	if (dlg_has_any(t, wet) || (kind && dlg_has_any(t, weather)))
		dlg_jset_str(req, "water_resistance", "yes");
	if (dlg_has_any(t, tough) || (kind && dlg_has_any(t, tough_kind)))
		dlg_jset_str(req, "rugged", "yes");
	if ((v = amount_of(s, hours)) > 0 && v <= 200 &&
	    dlg_has_any(t, floor_words))
		dlg_jset_num(req, "min_hours", v);
	else if (kind && dlg_has_any(t, long_battery))
		dlg_jset_str(req, "long_battery", "yes");
	if (dlg_has_word(t, "4k") || dlg_has_word(t, "uhd"))
		dlg_jset_str(req, "resolution", "4K");
	if ((v = amount_of(s, hz)) >= 30 && v <= 540)
		dlg_jset_num(req, "min_hz", v);
	if (dlg_has_word(t, "interchangeable lens") ||
	    dlg_has_word(t, "interchangeable lenses") ||
	    dlg_has_word(t, "swap lenses") || dlg_has_word(t, "change lenses"))
		dlg_jset_str(req, "lens_mount", "yes");
	/* Platforms said with "work": the product must list each. */
	for (i = 0; platforms[i] != NULL; i++)
		n += dlg_has_word(t, platforms[i]);
	/* Said with "works" or "compatible", a platform the product must
	 * list; said with "for" or "with" alone ("earbuds for my iPhone"),
	 * one its compatibility data must not leave out ("soft"). */
	pl = cJSON_CreateArray();
	hard = dlg_has_word(t, "work") || dlg_has_word(t, "works") ||
	    dlg_has_word(t, "compatible");
	if (n >= 1 && hard)
		for (i = 0; platforms[i] != NULL; i++)
			if (dlg_has_word(t, platforms[i]))
				cJSON_AddItemToArray(pl,
				    cJSON_CreateString(platforms[i]));
	if (placed_platforms(t, pl) + cJSON_GetArraySize(pl) > 0) {
		cJSON_DeleteItemFromObjectCaseSensitive(req, "platforms");
		cJSON_DeleteItemFromObjectCaseSensitive(req,
		    "platforms_soft");
		cJSON_AddItemToObject(req, hard ? "platforms" :
		    "platforms_soft", pl);
		/* "A lock that works with Google": an ecosystem, not the
		 * brand of the lock. */
		cJSON_ArrayForEach(it, pl)
			if (dlg_jstr(f, "brand") != NULL &&
			    strncasecmp(dlg_jstr(f, "brand"),
			    it->valuestring, strlen(it->valuestring)) == 0)
				cJSON_DeleteItemFromObjectCaseSensitive(f,
				    "brand");
	} else
		cJSON_Delete(pl);
	/* The needs the tables above lack, read against the kind's own
	 * attributes (dlg-catneed.c). */
	dlg_catneeds_read(t, f);
	req = dlg_jobj(f, "require");
	platform_needs_win(req);
	if (cJSON_GetArraySize(req) == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(f, "require");
}

/* The number of attribute key of p, or -1. */
static double
attr_num(const struct product *p, const char *key)
{
	char	*v = catalog_attr(p, key);
	double	 d = v != NULL ? strtod(v, NULL) : -1;

	free(v);
	return d;
}

/*
 * Does any of p's compatibility attributes name the platform?  With
 * platform NULL: does p state what it works with at all?
 */
static int
works_with(const struct product *p, const char *platform)
{
	static const char *const keys[] = { "compatible_with", "works_with",
	    "os", "compatibility", "assistant", NULL };
	const char *const *k;
	char	*v;
	int	 yes = 0;

	for (k = keys; *k != NULL && !yes; k++)
		if ((v = catalog_attr(p, *k)) != NULL) {
			yes = platform == NULL || dlg_value_has(v, platform);
			free(v);
		}
	return yes;
}

/* Built to take drops or weather: a "rugged" attribute, or an IP6x
 * rating. */
static int
rugged(const struct product *p)
{
	char	*v = catalog_attr(p, "rugged");
	int	 yes = v != NULL && strncasecmp(v, "no", 2) != 0;

	free(v);
	if (!yes && (v = catalog_attr(p, "water_resistance")) != NULL) {
		yes = strstr(v, "IP6") != NULL;
		free(v);
	}
	return yes;
}

/*
 * "A speaker that lasts forever on battery": v[0..n) by battery hours,
 * longest first, those that state none last (the order among equals
 * kept: best rated first).
 */
void
dlg_spec_rank(struct tctx *t, struct product *v, size_t n)
{
	cJSON		*req = cJSON_GetObjectItemCaseSensitive(
	    dlg_jobj(t->state, "filters"), "require");
	struct product	 tmp;
	size_t		 i, j;

	dlg_catneeds_rank(req, v, n);
	if (dlg_jstr(req, "long_battery") == NULL)
		return;
	for (i = 1; i < n; i++)		/* insertion sort: stable */
		for (j = i; j > 0 && attr_num(&v[j], "battery_hours") >
		    attr_num(&v[j - 1], "battery_hours"); j--) {
			tmp = v[j];
			v[j] = v[j - 1];
			v[j - 1] = tmp;
		}
}

int
dlg_spec_meets(struct tctx *t, const struct product *p)
{
	cJSON	*req = cJSON_GetObjectItemCaseSensitive(
	    dlg_jobj(t->state, "filters"), "require"), *it;
	char	*v;
	double	 want;
	int	 ok = 1;

	if (!cJSON_IsObject(req))
		return 1;
	if ((want = dlg_jnum(req, "screen_in", -1)) > 0)
		ok = fabs(attr_num(p, "screen_size_in") - want) < 0.6;
	if (ok && dlg_jstr(req, "resolution") != NULL) {
		v = catalog_attr(p, "resolution");
		ok = v != NULL && (strcasestr(v, "4k") != NULL ||
		    strstr(v, "3840") != NULL);
		free(v);
	}
	if (ok && (want = dlg_jnum(req, "min_hz", -1)) > 0)
		ok = attr_num(p, "refresh_hz") >= want;
	if (ok && dlg_jstr(req, "lens_mount") != NULL) {
		/* A camera body with a mount, not a lens for one. */
		v = catalog_attr(p, "mount");
		ok = v != NULL && strcmp(p->subcategory, "lenses") != 0;
		free(v);
	}
	if (ok && (want = dlg_jnum(req, "min_hours", -1)) > 0)
		ok = attr_num(p, "battery_hours") >= want;
	if (ok && dlg_jstr(req, "rugged") != NULL)
		ok = rugged(p);
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(req,
	    "platforms"))
		if (ok && cJSON_IsString(it))
			ok = works_with(p, it->valuestring);
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(req,
	    "platforms_soft"))
		if (ok && cJSON_IsString(it) && works_with(p, NULL))
			ok = works_with(p, it->valuestring);
	return ok && dlg_catneeds_meets(req, p);
}

/*
 * Does p meet a platform need said loosely ("any of these with
 * windows?") only because its compatibility data says nothing of
 * platforms?  Such a product may be kept, never said to be for it.
 */
int
dlg_spec_soft_silent(struct tctx *t, const struct product *p)
{
	cJSON	*req = cJSON_GetObjectItemCaseSensitive(
	    dlg_jobj(t->state, "filters"), "require");

	return cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(req,
	    "platforms_soft")) > 0 && !works_with(p, NULL);
}

/* A platform need as the customer reads it ("google": "Google Home"). */
static const char *
platform_shown(const char *v)
{
	static const char *const shown[][2] = { { "google", "Google Home" },
	    { "apple", "Apple Home" }, { "alexa", "Alexa" },
	    { "iphone", "iPhone" }, { "ios", "iOS" }, { "android",
	    "Android" }, { "windows", "Windows" }, { "mac", "Mac" },
	    { "macos", "macOS" }, { "linux", "Linux" }, { "chromebook",
	    "Chromebook" }, { "smartthings", "SmartThings" } };
	size_t	 i;

	for (i = 0; i < sizeof(shown) / sizeof(shown[0]); i++)
		if (strcmp(v, shown[i][0]) == 0)
			return shown[i][1];
	return v;
}

/* The spec needs as the criteria read them: ", 65-inch, 4K, 120 Hz+". */
void
dlg_spec_constraint_words(cJSON *f, struct sbuf *crit)
{
	cJSON	*req = cJSON_GetObjectItemCaseSensitive(f, "require"), *it;

	if (!cJSON_IsObject(req))
		return;
	if (dlg_jnum(req, "screen_in", -1) > 0)
		sbuf_addf(crit, "%s%g-inch", crit->len ? ", " : "",
		    dlg_jnum(req, "screen_in", -1));
	if (dlg_jstr(req, "resolution") != NULL)
		sbuf_addf(crit, "%s%s", crit->len ? ", " : "",
		    dlg_jstr(req, "resolution"));
	if (dlg_jnum(req, "min_hz", -1) > 0)
		sbuf_addf(crit, "%s%g Hz or more", crit->len ? ", " : "",
		    dlg_jnum(req, "min_hz", -1));
	if (dlg_jstr(req, "lens_mount") != NULL)
		sbuf_addf(crit, "%sinterchangeable lens", crit->len ? ", " :
		    "");
	if (dlg_jnum(req, "min_hours", -1) > 0)
		sbuf_addf(crit, "%s%g hours of battery or more",
		    crit->len ? ", " : "", dlg_jnum(req, "min_hours", -1));
	if (dlg_jstr(req, "rugged") != NULL)
		sbuf_addf(crit, "%srugged", crit->len ? ", " : "");
	if (dlg_jstr(req, "long_battery") != NULL)
		sbuf_addf(crit, "%slongest battery first", crit->len ? ", " :
		    "");
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(req,
	    "platforms"))
		if (cJSON_IsString(it))
			sbuf_addf(crit, "%sworks with %s", crit->len ? ", " :
			    "", platform_shown(it->valuestring));
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(req,
	    "platforms_soft"))
		if (cJSON_IsString(it))
			sbuf_addf(crit, "%sfor %s", crit->len ? ", " :
			    "", platform_shown(it->valuestring));
	dlg_catneeds_words(f, crit);
}
