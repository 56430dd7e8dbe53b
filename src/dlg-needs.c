/*
 * dlg-needs.c: what the customer asks a product to be besides its kind
 * (dlg-kind.c), read from the words and checked against the catalog's
 * data, beside the constraints of dlg-state.c and dlg-specs.c (all in
 * filters.require):
 *
 *	cheap		"cheap", "affordable", "a budget laptop": the lower
 *			half of the kind's prices, lowest first
 *	light		"light", "lightweight": the lightest third of the
 *			kind
 *	mid		"mid-range": the middle third of the kind's prices
 *	min_ram_gb, min_storage_gb, wifi, duplex, sweat, colour
 *			needs in the products' terms
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

/* "Budget" alone is often the noun ("budget isn't an issue"). */
static const char *const cheap_words[] = { "cheap", "cheapo",
	"inexpensive", "affordable", "budget friendly", "budget-friendly",
	"budget option", "budget options", "budget pick", "low cost",
	"low-cost", "low price", "low priced", "not too pricey",
	"not too expensive", "not expensive", "nothing expensive",
	"nothing fancy", "bargain", "on a budget", "tight budget",
	"low budget", "small budget", "limited budget", "a budget",
	"won't break the bank", "wont break the bank", "economical",
	"entry level", "entry-level", "cheapish", "cheaper end",
	"low end", "low-end", NULL };

static const char *const mid_words[] = { "mid-range", "mid range",
	"midrange", "mid-priced", "mid priced", "mid price", "mid-tier",
	"mid tier", "middle of the range", "middle of the road", NULL };

static const char *const light_words[] = { "light", "lightest",
	"lightweight",
	"light weight", "featherweight", "ultralight", "ultra light",
	"ultra-light", "not heavy", "not too heavy", "easy to carry", NULL };

/* Noise cancelling said as a verb: "cancels noise", "blocks out noise". */
static const char *const quiet_words[] = { "cancel noise", "cancels noise",
	"cancel out noise", "cancels out noise", "cancelling noise",
	"canceling noise", "block noise", "blocks noise", "block out noise",
	"blocks out noise", "noise blocking", "shut out noise",
	"cancel the noise", "cancels the noise", NULL };

static const char *const duplex_words[] = { "double sided",
	"double-sided", "two sided", "two-sided", "duplex", "both sides",
	NULL };

static const char *const sweat_words[] = { "sweatproof", "sweat proof",
	"sweat-proof", "sweat resistant", "sweat-resistant", "sweat", NULL };

static const char *const colours[] = { "black", "white", "silver",
	"blue", "red", "green", "pink", "purple", "gold", "grey", "gray",
	"graphite", "midnight", "starlight", "yellow", "orange", "beige",
	"titanium", "navy", "cream", NULL };

/*
 * "A budget laptop", "budget wireless mouse": "budget" before the thing
 * wanted, not the noun ("budget is 500", "budget isn't an issue").
 */
static int
budget_before_noun(struct tctx *t)
{
	static const char *const verbs[] = { "is", "isn", "isnt", "was", "of",
	    "around", "about", "for", "s", "up", "max", "tops", "limit",
	    "range", "not", "no", "doesn", "doesnt", "does", "will", "would",
	    "could", "can", "should", "matters", "wise", "under", "between",
	    NULL };
	const char	*s = t->fold.s.buf, *p, *q, *b;
	const char *const *v;
	int		 verb;

	for (p = s; p != NULL && (p = strstr(p, "budget")) != NULL; p += 6) {
		if ((p > s && isalnum((unsigned char)p[-1])) ||
		    isalnum((unsigned char)p[6]))
			continue;
		for (q = p + 6; *q != '\0' && !isalnum((unsigned char)*q);
		    q++)
			;
		for (b = q; isalnum((unsigned char)*q); q++)
			;
		if (q == b)
			continue;
		for (verb = 0, v = verbs; *v != NULL && !verb; v++)
			verb = strlen(*v) == (size_t)(q - b) &&
			    strncmp(*v, b, (size_t)(q - b)) == 0;
		if (!verb && !isdigit((unsigned char)*b))
			return 1;
	}
	return 0;
}

/* Does the customer say a price level without a figure ("cheap")? */
int
dlg_needs_budget_said(struct tctx *t)
{
	return dlg_has_any(t, cheap_words) || budget_before_noun(t);
}

/* The number of gigabytes said before "gb"/"tb" at the word at. */
static double
gigabytes(const char *s, const char *unit_at, int tb)
{
	const char	*q = unit_at;

	while (q > s && q[-1] == ' ')
		q--;
	while (q > s && (isdigit((unsigned char)q[-1]) || q[-1] == '.'))
		q--;
	if (q == unit_at || (q > s && isalpha((unsigned char)q[-1])))
		return -1;
	return strtod(q, NULL) * (tb ? 1024 : 1);
}

/*
 * Memory and storage said with a size: "32gb ram", "16 gigs of
 * memory", "at least 512gb", "1tb of storage".
 */
static void
sizes(const char *s, cJSON *req)
{
	static const char *const units[] = { "gb", "tb", "gigs", NULL };
	const char	*p, *after;
	size_t		 u, ul;
	double		 v;

	for (u = 0; units[u] != NULL; u++) {
		ul = strlen(units[u]);
		for (p = s; (p = strstr(p, units[u])) != NULL; p += ul) {
			if (isalpha((unsigned char)p[ul]) ||
			    (v = gigabytes(s, p, u == 1)) <= 0)
				continue;
			after = p + ul;
			while (*after == ' ')
				after++;
			if (strncmp(after, "of ", 3) == 0)
				after += 3;
			if (strncmp(after, "ram", 3) == 0 ||
			    strncmp(after, "memory", 6) == 0 ||
			    strncmp(after, "unified memory", 14) == 0) {
				dlg_jset_num(req, "min_ram_gb", v);
				cJSON_DeleteItemFromObjectCaseSensitive(req,
				    "ram_more_than");
			} else if (strncmp(after, "storage", 7) == 0 ||
			    strncmp(after, "ssd", 3) == 0 ||
			    strncmp(after, "space", 5) == 0 ||
			    strncmp(after, "or more", 7) == 0 ||
			    strncmp(after, "minimum", 7) == 0 ||
			    (p - s >= 9 + 1 && strstr(s, "at least") != NULL &&
			    strstr(s, "at least") < p)) {
				dlg_jset_num(req, "min_storage_gb", v);
				cJSON_DeleteItemFromObjectCaseSensitive(req,
				    "storage_more_than");
			}
		}
	}
}

/* The Wi-Fi generation said ("wifi 6", "wi-fi 6e", "wifi7"), or -1. */
static double
wifi_said(const char *s)
{
	static const char *const forms[] = { "wi-fi", "wifi", "wi fi", NULL };
	const char	*p;
	size_t		 k, l;

	for (k = 0; forms[k] != NULL; k++) {
		l = strlen(forms[k]);
		for (p = s; (p = strstr(p, forms[k])) != NULL; p += l) {
			const char *q = p + l;

			while (*q == ' ' || *q == '-')
				q++;
			if (*q >= '4' && *q <= '7' && !isdigit(
			    (unsigned char)q[1]))
				return (q[1] == 'e' && !isalnum(
				    (unsigned char)q[2])) ? *q - '0' + 0.5 :
				    *q - '0';
		}
	}
	return -1;
}

/* A screen size written "32in" (no space), 10 to 120, or -1. */
static double
inches_joined(const char *s)
{
	const char	*p, *q;
	double		 v;

	for (p = s; *p != '\0'; p = q) {
		for (; *p != '\0' && (!isdigit((unsigned char)*p) || (p > s &&
		    isalnum((unsigned char)p[-1]))); p++)
			;
		for (q = p; isdigit((unsigned char)*q); q++)
			;
		if (q == p)
			break;
		if (q[0] == 'i' && q[1] == 'n' && !isalnum((unsigned char)q[2]) &&
		    (v = strtod(p, NULL)) >= 10 && v <= 120)
			return v;
	}
	return -1;
}

/*
 * Needs said in this turn's words into filters.require (see the top of
 * the file).  Called with the other constraints, so they hold until the
 * category changes.
 */
void
dlg_needs_read(struct tctx *t, cJSON *f)
{
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	cJSON		*req = dlg_jobj(f, "require");
	const struct entity *pr = dlg_first_entity(t, ENTITY_PRICE);
	const char	*c;
	double		 v;
	size_t		 i, cl;

	/* "Cheap" beside no figure; a figure said is the budget. */
	if (dlg_has_any(t, mid_words) && (pr == NULL || !pr->has_max)) {
		dlg_jset_str(req, "mid", "yes");
		cJSON_DeleteItemFromObjectCaseSensitive(req, "cheap");
	} else if (dlg_needs_budget_said(t) && (pr == NULL || !pr->has_max))
		dlg_jset_str(req, "cheap", "yes");
	if (pr != NULL && pr->has_max) {
		static const char *const drop[] = { "cheap", "cheap_max", "mid",
		    "mid_min", "mid_max", NULL };

		for (i = 0; drop[i] != NULL; i++)
			cJSON_DeleteItemFromObjectCaseSensitive(req, drop[i]);
	}
	if (dlg_has_any(t, light_words) && !dlg_has_word(t, "lights") &&
	    !dlg_has_word(t, "light bulb"))
		dlg_jset_str(req, "light", "yes");
	if (dlg_has_any(t, quiet_words))
		dlg_jset_str(req, "noise_cancelling", "yes");
	if (dlg_has_any(t, duplex_words))
		dlg_jset_str(req, "duplex", "yes");
	if (dlg_has_any(t, sweat_words))
		dlg_jset_str(req, "sweat", "yes");
	if ((v = wifi_said(s)) > 0)
		dlg_jset_num(req, "wifi", v);
	/* dlg-specneed.c reads "32 inch", '32"'; "32in" is one word. */
	if ((v = inches_joined(s)) > 0 && dlg_jnum(req, "screen_in", -1) < 0)
		dlg_jset_num(req, "screen_in", v);
	sizes(s, req);
	dlg_fits_said(t, req);
	dlg_brands_read(t, f, req);
	dlg_kinds_read(t, f, req);
	/* "In blue", "the white one", "colour: black". */
	for (i = 0; colours[i] != NULL; i++) {
		const char *p;

		cl = strlen(colours[i]);
		for (p = s; (p = strstr(p, colours[i])) != NULL; p += cl) {
			if ((p > s && isalnum((unsigned char)p[-1])) ||
			    isalnum((unsigned char)p[cl]))
				continue;
			c = p + cl;
			if ((p - s >= 3 && strncmp(p - 3, "in ", 3) == 0) ||
			    strncmp(c, " one", 4) == 0 ||
			    strncmp(c, " color", 6) == 0 ||
			    strncmp(c, " colour", 7) == 0 ||
			    strncmp(c, " version", 8) == 0)
				dlg_jset_str(req, "colour", colours[i]);
		}
	}
	if (cJSON_GetArraySize(req) == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(f, "require");
}

/* The first number in p's attribute key, or -1. */
static double
attr_number(const struct product *p, const char *key)
{
	char	*v = catalog_attr(p, key);
	double	 d = -1;
	char	*q;

	if (v != NULL) {
		for (q = v; *q != '\0' && !isdigit((unsigned char)*q); q++)
			;
		if (*q != '\0')
			d = strtod(q, NULL);
	}
	free(v);
	return d;
}

/* Gigabytes of p's storage ("1TB PCIe 4.0 SSD", "256GB"), or -1. */
static double
storage_gb(const struct product *p)
{
	char	*v = catalog_attr(p, "storage"), *q, *end;
	double	 d = -1, x;

	if (v == NULL)
		v = catalog_attr(p, "capacity");
	for (q = v; q != NULL && *q != '\0'; q++) {
		if (!isdigit((unsigned char)*q))
			continue;
		x = strtod(q, &end);
		while (*end == ' ')
			end++;
		if (strncasecmp(end, "tb", 2) == 0) {
			d = x * 1024;
			break;
		}
		if (strncasecmp(end, "gb", 2) == 0) {
			d = x;
			break;
		}
		q = end - 1;
	}
	free(v);
	return d;
}

/* The newest Wi-Fi generation p states (6E as 6.5), or -1. */
static double
wifi_of(const struct product *p)
{
	static const char *const keys[] = { "wifi", "connectivity", NULL };
	const char *const *k;
	struct sbuf	 w = SBUF_INIT;
	char		*v;
	double		 best = -1, g;

	for (k = keys; *k != NULL; k++) {
		if ((v = catalog_attr(p, *k)) == NULL)
			continue;
		dlg_plain_words(v, &w);
		free(v);
		if ((g = wifi_said(w.buf)) > best)
			best = g;
	}
	sbuf_release(&w);
	return best;
}

/* Does p's data say it prints on both sides? */
static int
duplex_of(const struct product *p)
{
	static const char *const said[] = { " two sided print",
	    " duplex print", " auto duplex", " automatic duplex", NULL };
	const char *const *d;
	struct sbuf	 w = SBUF_INIT;
	char		*v = catalog_attr(p, "duplex");
	int		 yes = v != NULL && strncasecmp(v, "no", 2) != 0;

	free(v);
	if (yes || p->description == NULL)
		return yes;
	dlg_plain_words(p->description, &w);
	for (d = said; *d != NULL && !yes; d++)
		yes = strstr(w.buf, *d) != NULL;
	sbuf_release(&w);
	return yes;
}

/* An IP rating of 4 or more against water, from the data or the text. */
static int
sweat_of(const struct product *p)
{
	char	*v = catalog_attr(p, "water_resistance"), *q;
	int	 yes = 0;

	if (v == NULL && p->description != NULL)
		v = xstrdup(p->description);
	for (q = v; q != NULL && (q = strstr(q, "IP")) != NULL; q += 2)
		if ((q[2] == 'X' || isdigit((unsigned char)q[2])) &&
		    isdigit((unsigned char)q[3]) && q[3] >= '4') {
			yes = 1;
			break;
		}
	if (!yes && v != NULL && (strstr(v, "ATM") != NULL ||
	    strstr(v, "WR") != NULL))
		yes = 1;
	free(v);
	return yes;
}

/* Does p's colour match the colour asked? */
static int
colour_of(const struct product *p, const char *colour)
{
	char	*v = catalog_attr(p, "color");
	int	 yes;

	if (v == NULL)
		return 1;	/* silent: its name may say it */
	yes = strcasestr(v, colour) != NULL || (strcmp(colour, "grey") == 0 &&
	    strcasestr(v, "gray") != NULL) || (strcmp(colour, "gray") == 0 &&
	    strcasestr(v, "grey") != NULL);
	free(v);
	return yes;
}

/*
 * Does p meet the needs of this file (kind, sizes, Wi-Fi, two-sided,
 * sweat, colour; "light" against the cut-off dlg_needs_order set)?
 */
int
dlg_needs_meets(struct tctx *t, const struct product *p)
{
	cJSON	*req = cJSON_GetObjectItemCaseSensitive(
	    dlg_jobj(t->state, "filters"), "require");
	double	 want, have = -1;

	if (!dlg_needs_kind_ok(t, p) || !dlg_more_unseen(t, p))
		return 0;
	if (!cJSON_IsObject(req))
		return 1;
	if (!dlg_brands_ok(req, p))
		return 0;
	if ((want = dlg_jnum(req, "min_ram_gb", -1)) > 0 &&
	    (have = attr_number(p, "ram_gb")) < 0)
		have = attr_number(p, "ram");
	if (want > 0 && (have < want || (have == want &&
	    dlg_jstr(req, "ram_more_than") != NULL)))
		return 0;
	if ((want = dlg_jnum(req, "min_storage_gb", -1)) > 0 &&
	    ((have = storage_gb(p)) < want || (have == want &&
	    dlg_jstr(req, "storage_more_than") != NULL)))
		return 0;
	if ((want = dlg_jnum(req, "wifi", -1)) > 0 && wifi_of(p) < want)
		return 0;
	if (dlg_jstr(req, "duplex") != NULL && !duplex_of(p))
		return 0;
	if (dlg_jstr(req, "sweat") != NULL && !sweat_of(p))
		return 0;
	if (dlg_jstr(req, "colour") != NULL &&
	    !colour_of(p, dlg_jstr(req, "colour")))
		return 0;
	if (cJSON_GetObjectItemCaseSensitive(req, "fits") != NULL &&
	    !dlg_fits_of(p, cJSON_GetObjectItemCaseSensitive(req, "fits")))
		return 0;
	if (dlg_jstr(req, "cheap") != NULL &&
	    (want = dlg_jnum(req, "cheap_max", -1)) > 0 && p->price > want)
		return 0;
	if (dlg_jstr(req, "mid") != NULL && dlg_jnum(req, "mid_max", -1) > 0 &&
	    (p->price < dlg_jnum(req, "mid_min", 0) ||
	    p->price > dlg_jnum(req, "mid_max", -1)))
		return 0;
	if ((want = dlg_jnum(req, "light_kg", -1)) > 0 &&
	    (attr_number(p, "weight_kg") < 0 ||
	    attr_number(p, "weight_kg") > want))
		return 0;
	return 1;
}

/*
 * "Anything with more storage?", "and a longer battery?": a floor just
 * above p, the product in focus, into req.  1 when one was set.
 */
int
dlg_needs_above(struct tctx *t, const struct product *p, cJSON *req)
{
	static const char *const storage[] = { "more storage", "more space",
	    "bigger storage", "more capacity", "bigger ssd", NULL };
	static const char *const ram[] = { "more ram", "more memory", NULL };
	static const char *const battery[] = { "longer battery",
	    "better battery", "more battery", "lasts longer",
	    "last longer", NULL };
	double	 v;
	int	 set = 0;

	/* "more_than": the floor itself does not do. */
	if (dlg_has_any(t, storage) && (v = storage_gb(p)) > 0) {
		dlg_jset_num(req, "min_storage_gb", v);
		dlg_jset_str(req, "storage_more_than", "yes");
		set = 1;
	}
	if (dlg_has_any(t, ram) && (v = attr_number(p, "ram_gb")) > 0) {
		dlg_jset_num(req, "min_ram_gb", v);
		dlg_jset_str(req, "ram_more_than", "yes");
		set = 1;
	}
	/* dlg-specs.c keeps the battery floor ("15 hours or more"). */
	if (dlg_has_any(t, battery) &&
	    (v = attr_number(p, "battery_hours")) > 0) {
		dlg_jset_num(req, "min_hours", v + 0.5);
		set = 1;
	}
	return set;
}

/* Does the message ask for more of something than the one in focus? */
int
dlg_needs_above_said(struct tctx *t)
{
	static const char *const more[] = { "more storage", "more space",
	    "bigger storage", "more capacity", "bigger ssd", "more ram",
	    "more memory", "longer battery", "better battery",
	    "more battery", "lasts longer", "last longer", NULL };

	return dlg_has_any(t, more);
}

static int
by_price(const void *a, const void *b)
{
	const struct product *x = a, *y = b;

	return (x->price > y->price) - (x->price < y->price);
}

static int
by_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * Before the list is cut: "light" becomes a weight, the lightest third
 * of v[0..n) (the kind's products); "cheap" puts the lowest price first.
 */
void
dlg_needs_order(struct tctx *t, struct product *v, size_t n)
{
	cJSON	*req = cJSON_GetObjectItemCaseSensitive(
	    dlg_jobj(t->state, "filters"), "require");
	double	*w;
	size_t	 i, k = 0;

	if (dlg_jstr(req, "light") != NULL && n > 0) {
		w = xmalloc(n * sizeof *w);
		for (i = 0; i < n; i++)
			if (dlg_needs_kind_ok(t, &v[i]) &&
			    (w[k] = attr_number(&v[i], "weight_kg")) > 0)
				k++;
		if (k > 0) {
			qsort(w, k, sizeof *w, by_double);
			dlg_jset_num(req, "light_kg", w[(k - 1) / 3]);
		}
		free(w);
	}
	/* "Mid-range": the middle third of the kind's prices. */
	if (dlg_jstr(req, "mid") != NULL && n > 0) {
		w = xmalloc(n * sizeof *w);
		for (i = k = 0; i < n; i++)
			if (dlg_needs_kind_ok(t, &v[i]))
				w[k++] = v[i].price;
		if (k > 0) {
			qsort(w, k, sizeof *w, by_double);
			dlg_jset_num(req, "mid_min", w[(k - 1) / 3]);
			dlg_jset_num(req, "mid_max", w[2 * (k - 1) / 3]);
		}
		free(w);
	}
	/* "The cheapest that does 3000+": all that fit, lowest first. */
	if (dlg_jstr(req, "lowest_first") != NULL && n > 0) {
		qsort(v, n, sizeof *v, by_price);
		/* Those that say a word asked for first, then by price. */
		dlg_catneeds_rank(req, v, n);
	}
	/* "Cheap": the lower half of the kind's prices, lowest first. */
	if (dlg_jstr(req, "cheap") != NULL && n > 0) {
		w = xmalloc(n * sizeof *w);
		for (i = k = 0; i < n; i++)
			if (dlg_needs_kind_ok(t, &v[i]))
				w[k++] = v[i].price;
		if (k > 0) {
			qsort(w, k, sizeof *w, by_double);
			dlg_jset_num(req, "cheap_max", w[(k - 1) / 2]);
		}
		free(w);
		qsort(v, n, sizeof *v, by_price);
	}
}

/* The needs of this file as the criteria read them. */
void
dlg_needs_words(cJSON *f, struct sbuf *crit)
{
	cJSON	*req = cJSON_GetObjectItemCaseSensitive(f, "require"), *it;
	double	 v;

#define SEP	(crit->len ? ", " : "")
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(req,
	    "not_kinds"))
		if (cJSON_IsString(it))
			sbuf_addf(crit, "%snot %s", SEP, it->valuestring);
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(req,
	    "not_uses"))
		if (cJSON_IsString(it))
			sbuf_addf(crit, "%snot for %s", SEP, it->valuestring);
	dlg_brands_words(req, crit);
	if ((v = dlg_jnum(req, "min_ram_gb", -1)) > 0)
		sbuf_addf(crit, dlg_jstr(req, "ram_more_than") != NULL ?
		    "%smore than %g GB of RAM" : "%s%g GB of RAM or more", SEP,
		    v);
	if ((v = dlg_jnum(req, "min_storage_gb", -1)) > 0)
		sbuf_addf(crit, "%s%s%g %s of storage%s", SEP,
		    dlg_jstr(req, "storage_more_than") != NULL ? "more than " :
		    "", v >= 1024 ? v / 1024 : v, v >= 1024 ? "TB" : "GB",
		    dlg_jstr(req, "storage_more_than") != NULL ? "" :
		    " or more");
	if ((v = dlg_jnum(req, "wifi", -1)) > 0)
		sbuf_addf(crit, "%sWi-Fi %g%s or newer", SEP, floor(v),
		    v != floor(v) ? "E" : "");
	if (dlg_jstr(req, "duplex") != NULL)
		sbuf_addf(crit, "%sprints on both sides", SEP);
	if (dlg_jstr(req, "sweat") != NULL)
		sbuf_addf(crit, "%ssweat resistant", SEP);
	if (dlg_jstr(req, "colour") != NULL)
		sbuf_addf(crit, "%sin %s", SEP, dlg_jstr(req, "colour"));
	if ((v = dlg_jnum(req, "light_kg", -1)) > 0)
		sbuf_addf(crit, "%s%g kg or lighter", SEP, v);
	if (dlg_jstr(req, "cheap") != NULL ||
	    dlg_jstr(req, "lowest_first") != NULL)
		sbuf_addf(crit, "%slowest price first", SEP);
	if (dlg_jnum(req, "mid_max", -1) > 0) {
		char *lo = catalog_money(dlg_jnum(req, "mid_min", 0), "USD");
		char *hi = catalog_money(dlg_jnum(req, "mid_max", 0), "USD");

		sbuf_addf(crit, "%smid-range (%s to %s)", SEP, lo, hi);
		free(lo);
		free(hi);
	}
	it = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(req, "fits"),
	    0);
	if (cJSON_IsString(it) && strlen(it->valuestring) > 2)
		sbuf_addf(crit, "%sfor a %.*s", SEP,
		    (int)strlen(it->valuestring) - 2, it->valuestring + 1);
#undef SEP
}
