/*
 * dlg-rank.c owns picking a product by how it ranks among others: "the
 * cheaper one", "the small one", "the one with more storage" among
 * those the conversation just showed (dlg_ranked_reference, for
 * dlg-refs.c; those tied at the top, dlg_ranked_tie, for dlg-ranklist.c
 * to ask which), and "which one has the longest battery?", "the
 * cheapest Garmin you have?" among the last list or a brand's or kind's
 * products (dlg_handle_best_of).  Ranking reads a specification as a
 * number in its unit ("1TB" is 1000 GB) and quotes it as the catalog
 * words it.
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
 * The specifications a customer ranks products by, and where the
 * catalog keeps each as a number: a numeric attribute, else a text one
 * whose first number is read in the unit ("1TB" is 1000 GB, '15.6"' is
 * inches).  Several keys per attribute: the first a product has counts.
 */
static const struct {
	const char	*attribute;	/* entity value */
	const char	*key;		/* catalog attribute */
	const char	*unit;		/* of the attribute's number */
	int		 more;		/* 1: more is better by default */
	double		 scale;		/* to the attribute's first row's
					   unit (grams to kg) */
} best_keys[] = {
	{ "battery", "battery_hours", "hours", 1, 1 },
	{ "weight", "weight_kg", "kg", 0, 1 },
	{ "weight", "weight_g", "g", 0, 0.001 },
	{ "ram", "ram_gb", "GB", 1, 1 },
	{ "ram", "ram", "GB", 1, 1 },
	{ "storage", "storage", "GB", 1, 1 },
	{ "storage", "capacity", "GB", 1, 1 },
	{ "screen", "screen_size_in", "in", 1, 1 },
	{ "screen", "screen", "in", 1, 1 },
	{ "size", "screen_size_in", "in", 1, 1 },
	{ "size", "screen", "in", 1, 1 },
	{ "refresh_rate", "refresh_hz", "Hz", 1, 1 },
};
#define NBEST	(sizeof best_keys / sizeof best_keys[0])

/* The attribute as best_keys names it (static), or NULL: not ranked. */
const char *
dlg_spec_rankable(const char *attribute)
{
	size_t	 k;

	for (k = 0; k < NBEST; k++)
		if (strcmp(best_keys[k].attribute, attribute) == 0)
			return best_keys[k].attribute;
	return NULL;
}

/* The number in text s in the unit ("2TB" in GB); 1 when one is there. */
static int
spec_text_number(const char *s, const char *unit, double *v)
{
	char	*end;

	while (*s != '\0' && !isdigit((unsigned char)*s))
		s++;
	if (*s == '\0')
		return 0;
	*v = strtod(s, &end);
	while (*end == ' ')
		end++;
	if (strcmp(unit, "GB") == 0) {
		if (strncasecmp(end, "TB", 2) == 0)
			*v *= 1000;
		else if (strncasecmp(end, "GB", 2) != 0)
			return 0;	/* "22 L", not a size in bytes */
	} else if (strcmp(unit, "in") == 0 && *end != '"' &&
	    strncasecmp(end, "in", 2) != 0)
		return 0;
	return 1;
}

/*
 * The number p's specifications give for attribute (best_keys' names),
 * in its unit; 1 when they give one.  Its best_keys row in *row.
 */
static int
spec_number(const struct product *p, const char *attribute, double *v,
    size_t *row)
{
	size_t	 k;
	char	*s, *end;
	int	 ok;

	for (k = 0; k < NBEST; k++) {
		if (strcmp(best_keys[k].attribute, attribute) != 0 ||
		    (s = catalog_attr(p, best_keys[k].key)) == NULL)
			continue;
		*v = strtod(s, &end);
		ok = end != s && *end == '\0';
		if (!ok)
			ok = spec_text_number(s, best_keys[k].unit, v);
		free(s);
		if (ok) {
			*v *= best_keys[k].scale;
			if (row != NULL)
				*row = k;
			return 1;
		}
	}
	return 0;
}

/*
 * p's value of best_keys row k as the catalog words it ("1TB SSD"), or
 * its number with the unit, so that the reply states what the store
 * says.  Caller frees.
 */
static char *
spec_shown(const struct product *p, size_t k)
{
	char	*s = catalog_attr(p, best_keys[k].key), *end, *out;
	double	 v;

	if (s == NULL)
		return xstrdup("-");
	v = strtod(s, &end);
	if (end == s || *end != '\0')
		return s;
	out = xasprintf("%g %s", v, best_keys[k].unit);
	free(s);
	return out;
}

int
dlg_spec_number(const struct product *p, const char *attribute, double *v)
{
	return spec_number(p, attribute, v, NULL);
}

static const char *const fewer_words[] = { "lightest", "lighter", "least",
	"smallest", "smaller", "lowest", "shortest", "fewest", "less", NULL };
static const char *const more_words[] = { "heaviest", "heavier", "most",
	"biggest", "bigger", "largest", "larger", "longest", "longer",
	"highest", "higher", "best", "better", "more", NULL };

/*
 * The SKUs of the brand or kind named ("which garmin", "which of your
 * tablets"), best rated first, when the last list does not hold them;
 * NULL when none is named (caller deletes).
 */
cJSON *
dlg_best_group(struct tctx *t, const char **name)
{
	const struct entity *br = dlg_first_entity(t, ENTITY_BRAND);
	const struct entity *cat = dlg_first_entity(t, ENTITY_CATEGORY);
	struct product_filter pf;
	struct product	*v = NULL;
	struct sd_error	 err = SD_ERROR_INIT;
	cJSON		*res = dlg_jarr(t->state, "results"), *it, *out;
	struct product	 p;
	size_t		 n = 0, i;
	int		 shown = 0;

	if (br == NULL && (cat == NULL || cat->category == NULL))
		return NULL;
	memset(&pf, 0, sizeof pf);
	pf.brand = br != NULL ? (br->brand != NULL ? br->brand : br->value) :
	    NULL;
	pf.category = br == NULL ? cat->category : NULL;
	*name = pf.brand != NULL ? pf.brand : pf.category;
	/* "Which of them" after a list of that brand or kind: the list. */
	cJSON_ArrayForEach(it, res) {
		memset(&p, 0, sizeof p);
		if (!cJSON_IsString(it) ||
		    !dlg_load_product(t, it->valuestring, &p))
			continue;
		shown += pf.brand != NULL ? strcasecmp(p.brand, pf.brand) ==
		    0 : strcmp(p.category, pf.category) == 0;
		product_release(&p);
	}
	if (shown >= 2 && shown == cJSON_GetArraySize(res))
		return NULL;
	pf.max_price = pf.min_price = -1;
	pf.limit = 100;
	dlg_retrieve_begin(t);
	if (catalog_products(t->st, &pf, &v, &n, &err) != SD_OK)
		n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	out = cJSON_CreateArray();
	for (i = 0; i < n; i++) {
		cJSON_AddItemToArray(out, cJSON_CreateString(v[i].sku));
		product_release(&v[i]);
	}
	free(v);
	return out;
}

/*
 * "The cheapest Garmin you have?", "most expensive tablet": the price
 * extreme of the brand or kind named, in stock.  1 when answered.
 */
static int
best_price(struct tctx *t)
{
	static const char *const cheap[] = { "cheapest", "least expensive",
	    "lowest price", NULL };
	static const char *const dear[] = { "most expensive", "priciest",
	    "highest price", NULL };
	const struct entity *br = dlg_first_entity(t, ENTITY_BRAND);
	const struct entity *cat = dlg_first_entity(t, ENTITY_CATEGORY);
	struct product_filter pf;
	struct product	*v = NULL;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 n = 0, i, b = 0;
	int		 low = dlg_has_any(t, cheap);
	char		*group;

	if ((!low && !dlg_has_any(t, dear)) ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    (br == NULL && (cat == NULL || cat->category == NULL)))
		return 0;
	memset(&pf, 0, sizeof pf);
	pf.brand = br != NULL ? (br->brand != NULL ? br->brand : br->value) :
	    NULL;
	/* "The cheapest samsung tv": the brand's products of that kind. */
	pf.category = cat != NULL ? cat->category : NULL;
	pf.max_price = pf.min_price = -1;
	pf.in_stock = 1;
	pf.limit = 200;
	dlg_retrieve_begin(t);
	if (catalog_products(t->st, &pf, &v, &n, &err) != SD_OK)
		n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	for (i = 1; i < n; i++)
		if (low ? v[i].price < v[b].price : v[i].price > v[b].price)
			b = i;
	if (n > 0) {
		group = pf.brand != NULL && pf.category != NULL ?
		    xasprintf("%s %s", pf.brand, pf.category) :
		    xstrdup(pf.brand != NULL ? pf.brand : pf.category);
		dlg_product_slots(t, &v[b], "");
		slots_set(&t->slots, "group", group);
		dlg_cite(t, "product", v[b].sku, v[b].name, "price,stock");
		dlg_focus_push(t, v[b].sku);
		dlg_set_action(t, "best_of_list", "%s price of the %zu in "
		    "stock of %s: %s", low ? "lowest" : "highest", n, group,
		    v[b].sku);
		free(group);
		dlg_say(t, low ? "cheapest_of_group" : "dearest_of_group");
	}
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
	return n > 0;
}

/*
 * Words that pick one product by how it ranks among those shown: "the
 * cheaper one", "the expensive one", "the bigger one", "the lighter
 * one".  Plain adjectives ("cheap", "big") and the size and weight words
 * pick only when said as the thing meant ("the big one", not "something
 * big"); the comparatives of price and rating pick wherever they stand.
 */
enum rank_by { RANK_PRICE, RANK_RATING, RANK_SIZE, RANK_SPEC };
static const struct {
	const char	*word;
	enum rank_by	 by;
	int		 more;		/* 1: the most of it wins */
	int		 as_thing;	/* must be said as the thing meant */
	const char	*attribute;	/* RANK_SPEC: the attribute */
} rank_words[] = {
	{ "cheaper", RANK_PRICE, 0, 0, NULL },
	{ "cheapest", RANK_PRICE, 0, 0, NULL },
	{ "less expensive", RANK_PRICE, 0, 0, NULL },
	{ "least expensive", RANK_PRICE, 0, 0, NULL },
	{ "pricier", RANK_PRICE, 1, 0, NULL },
	{ "priciest", RANK_PRICE, 1, 0, NULL },
	{ "more expensive", RANK_PRICE, 1, 0, NULL },
	{ "most expensive", RANK_PRICE, 1, 0, NULL },
	{ "better rated", RANK_RATING, 1, 0, NULL },
	{ "best rated", RANK_RATING, 1, 0, NULL },
	{ "higher rated", RANK_RATING, 1, 0, NULL },
	{ "highest rated", RANK_RATING, 1, 0, NULL },
	{ "cheap", RANK_PRICE, 0, 1, NULL },
	{ "inexpensive", RANK_PRICE, 0, 1, NULL },
	{ "expensive", RANK_PRICE, 1, 1, NULL },
	{ "pricey", RANK_PRICE, 1, 1, NULL },
	{ "dearer", RANK_PRICE, 1, 1, NULL },
	{ "bigger", RANK_SIZE, 1, 1, NULL },
	{ "biggest", RANK_SIZE, 1, 1, NULL },
	{ "larger", RANK_SIZE, 1, 1, NULL },
	{ "largest", RANK_SIZE, 1, 1, NULL },
	{ "big", RANK_SIZE, 1, 1, NULL },
	{ "large", RANK_SIZE, 1, 1, NULL },
	{ "smaller", RANK_SIZE, 0, 1, NULL },
	{ "smallest", RANK_SIZE, 0, 1, NULL },
	{ "small", RANK_SIZE, 0, 1, NULL },
	{ "compact", RANK_SIZE, 0, 1, NULL },
	{ "little", RANK_SIZE, 0, 1, NULL },
	{ "lighter", RANK_SPEC, 0, 1, "weight" },
	{ "lightest", RANK_SPEC, 0, 1, "weight" },
	{ "heavier", RANK_SPEC, 1, 1, "weight" },
	{ "heaviest", RANK_SPEC, 1, 1, "weight" },
};

/*
 * "The one with more storage", "the one that lasts longer": a
 * specification the customer ranks by, said after "one with" or "one
 * that".  Its attribute (static), or NULL; *more says which end wins.
 */
static const char *
one_with_spec(struct tctx *t, int *more)
{
	static const char *const lead[] = { "one with", "one that",
	    "one which", "whichever has", "the model with", NULL };
	static const char *const less[] = { "less", "fewer", "lower",
	    "shorter", "smaller", "lighter", "least", NULL };
	const struct entity *en;
	size_t		 i;

	if (!dlg_has_any(t, lead))
		return NULL;
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_ATTRIBUTE || en->value == NULL ||
		    !dlg_spec_rankable(en->value))
			continue;
		*more = !dlg_has_any(t, less);
		if (strcmp(en->value, "weight") == 0)
			*more = dlg_has_word(t, "heavier") ||
			    dlg_has_word(t, "heaviest");
		return dlg_spec_rankable(en->value);
	}
	return NULL;
}

/* Is w a word of p's name or specifications (folded)? */
static int
size_word(const struct product *p, const char *w)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	int		 yes = 0;
	const char	*src[2] = { p->name, p->attrs };
	size_t		 i;

	for (i = 0; i < 2 && !yes; i++) {
		if (src[i] == NULL)
			continue;
		text_fold(src[i], strlen(src[i]), &f);
		yes = f.s.buf != NULL && dlg_word_in(f.s.buf, w, strlen(w));
	}
	text_folded_release(&f);
	return yes;
}

/*
 * The size of p as the catalog says it: the screen, else the weight,
 * else the words of its name or specifications ("compact", "mini"
 * small; "full-size", "max" big) counted, by level (0, 1, 2).
 */
static int
size_of(const struct product *p, int level, double *v)
{
	static const char *const small[] = { "compact", "mini", "lite",
	    "small", "no number pad", NULL };
	static const char *const big[] = { "full-size", "full size", "max",
	    "plus", "xl", "large", NULL };
	const char *const *w;

	switch (level) {
	case 0:
		return dlg_spec_number(p, "screen", v);
	case 1:
		return dlg_spec_number(p, "weight", v);
	default:
		*v = 0;
		for (w = small; *w != NULL; w++)
			if (size_word(p, *w))
				*v -= 1;
		for (w = big; *w != NULL; w++)
			if (size_word(p, *w))
				*v += 1;
		return 1;
	}
}

/* What rank_pick orders the candidates by. */
struct rank_how {
	enum rank_by	 by;
	int		 more;
	const char	*attribute;	/* RANK_SPEC */
	int		 level;		/* RANK_SIZE: size_of's level */
};

static int
rank_value(const struct product *p, const struct rank_how *h, double *v)
{
	switch (h->by) {
	case RANK_PRICE:
		*v = p->price;
		return 1;
	case RANK_RATING:
		*v = p->rating;
		return p->rating > 0;
	case RANK_SPEC:
		return dlg_spec_number(p, h->attribute, v);
	case RANK_SIZE:
		return size_of(p, h->level, v);
	}
	return 0;
}

/*
 * The candidate that ranks first by h, when every one has the value and
 * one stands alone at the top; NULL otherwise (a tie is no pick).  With
 * tied not NULL, the candidates sharing the top value when several do
 * go there (at most CONV_MAX), their count in *ntied.
 */
static const char *
rank_pick_tied(struct tctx *t, const char *const *c, size_t n,
    const struct rank_how *h, const char **tied, size_t *ntied)
{
	struct product	 p;
	const char	*best = NULL;
	double		 v[CONV_MAX], bestv = 0;
	size_t		 i, have = 0;
	int		 tie = 0;

	if (ntied != NULL)
		*ntied = 0;
	for (i = 0; i < n && i < CONV_MAX; i++) {
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, c[i], &p))
			return NULL;
		if (!rank_value(&p, h, &v[i])) {
			product_release(&p);
			return NULL;
		}
		product_release(&p);
		if (best != NULL && fabs(v[i] - bestv) < 1e-9)
			tie = 1;
		else if (best == NULL || (h->more ? v[i] > bestv :
		    v[i] < bestv)) {
			best = c[i];
			bestv = v[i];
			tie = 0;
		}
		have++;
	}
	if (have >= 2 && tie && tied != NULL)
		for (i = 0; i < have; i++)
			if (fabs(v[i] - bestv) < 1e-9)
				tied[(*ntied)++] = c[i];
	return have >= 2 && !tie ? best : NULL;
}

static const char *
rank_pick(struct tctx *t, const char *const *c, size_t n,
    const struct rank_how *h)
{
	return rank_pick_tied(t, c, n, h, NULL, NULL);
}

/* Do the candidates share brand and kind (a line in several sizes)? */
static int
one_line(struct tctx *t, const char *const *c, size_t n)
{
	struct product	 p, q;
	size_t		 i;
	int		 same = 1;

	memset(&q, 0, sizeof q);
	if (n < 2 || !dlg_load_product(t, c[0], &q))
		return 0;
	for (i = 1; i < n && same; i++) {
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, c[i], &p))
			same = 0;
		else
			same = strcasecmp(p.brand, q.brand) == 0 &&
			    strcmp(p.category, q.category) == 0;
		product_release(&p);
	}
	product_release(&q);
	return same;
}

/* How many of the last of c[0..n) are the focused order's items only. */
static size_t
order_items_in(struct tctx *t, const char *const *c, size_t n)
{
	cJSON	*lists[2], *it;
	size_t	 k = 0;
	int	 shown;

	lists[0] = dlg_jarr(t->state, "results");
	lists[1] = dlg_jarr(t->state, "focus");
	while (k < n) {
		shown = 0;
		cJSON_ArrayForEach(it, lists[0])
			shown |= cJSON_IsString(it) &&
			    strcmp(it->valuestring, c[n - 1 - k]) == 0;
		cJSON_ArrayForEach(it, lists[1])
			shown |= cJSON_IsString(it) &&
			    strcmp(it->valuestring, c[n - 1 - k]) == 0;
		if (shown)
			break;
		k++;
	}
	return k;
}

/*
 * The ranking the words ask for ("the cheaper one", "the one with more
 * storage") in *h, the words in *how; 0 when none is said.
 */
static int
rank_said(struct tctx *t, struct rank_how *h, const char **how)
{
	const char	*attr;
	size_t		 i, a, b;

	memset(h, 0, sizeof *h);
	if ((attr = one_with_spec(t, &h->more)) != NULL) {
		h->by = RANK_SPEC;
		h->attribute = attr;
		*how = "one with the most or least of a specification";
		return 1;
	}
	for (i = 0; i < sizeof rank_words / sizeof rank_words[0]; i++)
		if (dlg_has_word(t, rank_words[i].word) &&
		    (!rank_words[i].as_thing || (dlg_word_at(t,
		    rank_words[i].word, &a, &b) &&
		    dlg_said_as_thing(t, a, b))))
			break;
	if (i == sizeof rank_words / sizeof rank_words[0])
		return 0;
	h->by = rank_words[i].by;
	h->more = rank_words[i].more;
	h->attribute = rank_words[i].attribute;
	*how = rank_words[i].word;
	return 1;
}

/* The products a ranking picks among: the last list, else those shown
 * (the list and the focus, not an order's items); how many in c. */
static size_t
rank_candidates(struct tctx *t, const char **c)
{
	cJSON	*res = dlg_jarr(t->state, "results"), *it;
	size_t	 n = 0;

	if (cJSON_GetArraySize(res) >= 2) {
		cJSON_ArrayForEach(it, res)
			if (cJSON_IsString(it) && n < CONV_MAX)
				c[n++] = it->valuestring;
		return n;
	}
	n = dlg_conversation(t, c, CONV_MAX);
	return n - order_items_in(t, c, n);
}

/* The reference's rule for a ranking by h, candidates c[0..n). */
static cJSON *
rank_trace(struct tctx *t, const struct rank_how *h, const char *const *c,
    size_t n)
{
	cJSON	*r;
	size_t	 i;

	r = dlg_ref_trace(t, h->by == RANK_PRICE ? "price-among-shown" :
	    h->by == RANK_RATING ? "rating-among-shown" :
	    h->by == RANK_SIZE ? "size-among-shown" : "spec-among-shown",
	    h->by == RANK_PRICE ? "price among those shown" :
	    h->by == RANK_RATING ? "rating among those shown" :
	    h->by == RANK_SIZE ? "size among those shown" :
	    "specification among those shown");
	for (i = 0; i < n; i++)
		dlg_ref_candidate(r, c[i]);
	return r;
}

/*
 * "The cheaper one", "the expensive one", "the bigger one", "the one
 * with more storage": the product that ranks first among those the
 * conversation just showed (the last list when it holds two or more,
 * else the list and the focus together).
 */
const char *
dlg_ranked_reference(struct tctx *t, const char **how)
{
	const char	*c[CONV_MAX], *pick = NULL;
	struct rank_how	 h;
	size_t		 n;
	cJSON		*r;

	if (!rank_said(t, &h, how))
		return NULL;
	if ((n = rank_candidates(t, c)) < 2)
		return NULL;
	r = rank_trace(t, &h, c, n);
	if (h.by != RANK_SIZE)
		pick = rank_pick(t, c, n, &h);
	for (h.level = 0; h.by == RANK_SIZE && pick == NULL && h.level < 3;
	    h.level++)
		pick = rank_pick(t, c, n, &h);
	/* No size in the catalog: within one line the bigger model is the
	 * dearer one (the Charge beside the Flip). */
	if (h.by == RANK_SIZE && pick == NULL && one_line(t, c, n)) {
		h.by = RANK_PRICE;
		dlg_ref_rule(r, "size-by-price-in-line",
		    "size by price within one line");
		pick = rank_pick(t, c, n, &h);
	}
	return pick != NULL ? dlg_ref_pick(r, pick) : NULL;
}

/*
 * "The cheapest of those" when two of those shown cost the same: the
 * products tied at the top of the ranking the words ask for (price,
 * rating or a specification; not size, which ranks by levels), in tied
 * (at most CONV_MAX), with the reference's rule in the trace.  How
 * many, 0 when nothing ranks or one wins.  *by: "price", "rating" or
 * the attribute.
 */
size_t
dlg_ranked_tie(struct tctx *t, const char **tied, const char **by)
{
	const char	*c[CONV_MAX], *how;
	struct rank_how	 h;
	size_t		 n, nt = 0, i;
	cJSON		*r;

	if (!rank_said(t, &h, &how) || h.by == RANK_SIZE ||
	    (n = rank_candidates(t, c)) < 2 ||
	    rank_pick_tied(t, c, n, &h, tied, &nt) != NULL || nt < 2)
		return 0;
	r = rank_trace(t, &h, c, n);
	dlg_ref_rule(r, "rank-tie-ask", "tied at the top of a ranking "
	    "among those shown: asked which");
	for (i = 0; i < nt; i++)
		cJSON_AddItemToArray(dlg_jarr(r, "tied"),
		    cJSON_CreateString(tied[i]));
	*by = h.by == RANK_PRICE ? "price" : h.by == RANK_RATING ? "rating" :
	    h.attribute;
	return nt;
}

/*
 * The attribute a "which one" question ranks by: the first one said
 * that is ranked by a number ("same price huh, which lasts longer on
 * battery" ranks by battery), else the first said, else NULL.
 */
static const char *
ranked_attribute(struct tctx *t)
{
	const struct entity *en, *first = NULL;
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_ATTRIBUTE || en->value == NULL)
			continue;
		if (dlg_spec_rankable(en->value) != NULL)
			return en->value;
		if (first == NULL)
			first = en;
	}
	return first != NULL ? first->value : NULL;
}

int
dlg_handle_best_of(struct tctx *t)
{
	static const char *const light_words[] = { "lightest", "lighter",
	    "heaviest", "heavier", NULL };
	const char	*attr;
	cJSON		*res = dlg_jarr(t->state, "results"), *it,
			*group = NULL;
	const char	*gname = NULL;
	struct product	 p, best;
	struct sbuf	 others = SBUF_INIT;
	size_t		 k, row, bestk = 0;
	double		 v, bestv = 0;
	char		*s;
	int		 more, have = 0, n = 0;

	/* "Which is the lightest?" names the weight by its adjective. */
	attr = ranked_attribute(t);
	if (attr == NULL && dlg_has_any(t, light_words))
		attr = "weight";
	if (attr == NULL)
		return best_price(t) || dlg_which_has(t);
	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    !(dlg_has_word(t, "which") || dlg_has_word(t, "who")))
		return 0;
	/* "Which garmin has the longest battery": among the brand's or
	 * the kind's products, not the list shown. */
	if ((group = dlg_best_group(t, &gname)) != NULL)
		res = group;
	if (cJSON_GetArraySize(res) < 2) {
		cJSON_Delete(group);
		return 0;
	}
	for (k = 0; k < NBEST; k++)
		if (strcmp(best_keys[k].attribute, attr) == 0)
			break;
	if (k == NBEST) {
		/* "Which one has noise cancelling": a feature, not a
		 * number to rank by. */
		cJSON_Delete(group);
		return dlg_which_has(t);
	}
	more = dlg_has_any(t, more_words) ? 1 : best_keys[k].more;
	if (dlg_has_any(t, fewer_words))
		more = 0;
	if (strcmp(attr, "weight") == 0)
		more = dlg_has_word(t, "heaviest") || dlg_has_word(t,
		    "heavier");
	memset(&best, 0, sizeof best);
	cJSON_ArrayForEach(it, res) {
		memset(&p, 0, sizeof p);
		if (!cJSON_IsString(it) ||
		    !dlg_load_product(t, it->valuestring, &p))
			continue;
		if (!spec_number(&p, attr, &v, &row)) {
			product_release(&p);
			continue;
		}
		n++;
		if (group == NULL) {
			s = spec_shown(&p, row);
			sbuf_addf(&others, "\n  - %s: %s", p.name, s);
			free(s);
		}
		if (!have || (more ? v > bestv : v < bestv)) {
			if (have)
				product_release(&best);
			best = p;
			bestv = v;
			bestk = row;
			have = 1;
		} else
			product_release(&p);
	}
	if (!have || n < 2) {
		if (have)
			product_release(&best);
		sbuf_release(&others);
		cJSON_Delete(group);
		return 0;
	}
	dlg_ref_rule(dlg_jobj(t->trace, "reference"),
	    group != NULL ? (more ? "most-of-named" : "least-of-named") :
	    more ? "most-of-last-list" : "least-of-last-list",
	    group != NULL ? (more ? "most of the brand or kind named" :
	    "least of the brand or kind named") :
	    more ? "most of the last list" : "least of the last list");
	dlg_jset_str(dlg_jobj(t->trace, "reference"), "picked", best.sku);
	dlg_product_slots(t, &best, "");
	slots_set(&t->slots, "attribute", attr);
	k = bestk;
	s = spec_shown(&best, k);
	slots_set(&t->slots, "best_value", s);
	free(s);
	slots_set(&t->slots, "others", others.buf);
	slots_setf(&t->slots, "shown_count", "%d", n);
	dlg_cite(t, "product", best.sku, best.name, best_keys[k].key);
	dlg_focus_push(t, best.sku);
	/* The hours in words too ("28 days, unlimited with solar"). */
	s = strcmp(best_keys[k].key, "battery_hours") == 0 ?
	    catalog_attr(&best, "battery_life") : NULL;
	slots_set(&t->slots, "group", gname != NULL ? gname : "");
	if (s != NULL)
		slots_setf(&t->slots, "best_words", " (%s)", s);
	else
		slots_set(&t->slots, "best_words", "");
	free(s);
	dlg_set_action(t, "best_of_list", "%s %s among the %d %s: %s",
	    more ? "most" : "least", best_keys[k].key, n, group != NULL ?
	    "of the brand or kind" : "shown", best.sku);
	dlg_say(t, group != NULL ? (more ? "best_of_group_most" :
	    "best_of_group_least") : more ? "best_of_most" : "best_of_least");
	product_release(&best);
	sbuf_release(&others);
	cJSON_Delete(group);
	return 1;
}
