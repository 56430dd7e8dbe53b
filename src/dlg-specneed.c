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

void
dlg_spec_constraints(struct tctx *t, cJSON *f)
{
	static const char *const inch[] = { "inches", "inch", "in tv",
	    "\"", NULL };
	static const char *const hz[] = { "hz", "fps", NULL };
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	cJSON		*req = dlg_jobj(f, "require"), *pl;
	double		 v;
	int		 i, n = 0;

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
	if (n >= 1 && (dlg_has_word(t, "work") || dlg_has_word(t, "works") ||
	    dlg_has_word(t, "compatible"))) {
		pl = cJSON_CreateArray();
		for (i = 0; platforms[i] != NULL; i++)
			if (dlg_has_word(t, platforms[i]))
				cJSON_AddItemToArray(pl,
				    cJSON_CreateString(platforms[i]));
		cJSON_DeleteItemFromObjectCaseSensitive(req, "platforms");
		cJSON_AddItemToObject(req, "platforms", pl);
	}
	/* The needs the tables above lack, read against the kind's own
	 * attributes (dlg-catneed.c). */
	dlg_catneeds_read(t, f);
	req = dlg_jobj(f, "require");
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

/* Does any of p's compatibility attributes name the platform? */
static int
works_with(const struct product *p, const char *platform)
{
	static const char *const keys[] = { "compatible_with", "works_with",
	    "os", "compatibility", NULL };
	const char *const *k;
	char	*v;
	int	 yes = 0;

	for (k = keys; *k != NULL && !yes; k++)
		if ((v = catalog_attr(p, *k)) != NULL) {
			yes = dlg_value_has(v, platform);
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
	return ok && dlg_catneeds_meets(req, p);
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
			    "", it->valuestring);
	dlg_catneeds_words(f, crit);
}
