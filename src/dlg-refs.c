/*
 * dlg-refs.c owns what the customer's words point at: which product a
 * name, a family ("sony xm5", "the thinkpad"), a brand said alone ("the
 * hisense") or a pointer ("it", "the second", "the cheaper one") means.
 *
 * The conversation comes first: the products the bot just listed
 * (state "results") and those discussed (state "focus") are what "the
 * <brand>" or "the <family>" most likely mean, so they are tried before
 * the catalog (dlg-names.c weighs the candidates).  Every choice goes to
 * the trace's "reference": the rule, the candidates and the pick.
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

static void	remember_question(struct tctx *);

const char *const dlg_ordinals[] = { "first", "second", "third",
	"fourth", "fifth", NULL };

/* The trace's account of this turn's reference, rule set anew. */
cJSON *
dlg_ref_trace(struct tctx *t, const char *rule)
{
	cJSON	*r = dlg_jobj(t->trace, "reference");

	dlg_jset_str(r, "rule", rule);
	cJSON_DeleteItemFromObjectCaseSensitive(r, "candidates");
	cJSON_DeleteItemFromObjectCaseSensitive(r, "picked");
	cJSON_AddArrayToObject(r, "candidates");
	return r;
}

void
dlg_ref_candidate(cJSON *r, const char *sku)
{
	cJSON_AddItemToArray(dlg_jarr(r, "candidates"),
	    cJSON_CreateString(sku));
}

/* The pick, kept in the trace so the SKU lives as long as the turn. */
const char *
dlg_ref_pick(cJSON *r, const char *sku)
{
	dlg_jset_str(r, "picked", sku);
	return dlg_jstr(r, "picked");
}

/*
 * What the conversation offers: the last list, the focus, then the
 * items of the order in focus.
 */
size_t
dlg_conversation(struct tctx *t, const char **v, size_t max)
{
	const char	*lists[] = { "results", "focus", "purchased" };
	cJSON		*it;
	size_t		 n = 0, i, l;

	for (l = 0; l < 3; l++)
		cJSON_ArrayForEach(it, dlg_jarr(t->state, lists[l])) {
			if (!cJSON_IsString(it))
				continue;
			for (i = 0; i < n; i++)
				if (strcmp(v[i], it->valuestring) == 0)
					break;
			if (i == n && n < max)
				v[n++] = it->valuestring;
		}
	return n;
}

/*
 * A brand said alone ("the samsung one", "going with the sony"): the
 * product of that brand among the last list, then the products in focus.
 * Only one candidate of the brand there picks it; the candidates go to
 * the trace.  NULL when none or several match.
 */
static const char *
brand_reference(struct tctx *t, const char *brand, int *several)
{
	cJSON		*lists[2], *it, *r;
	struct product	 p;
	const char	*hit;
	int		 l, nhit;

	*several = 0;
	lists[0] = dlg_jarr(t->state, "results");
	lists[1] = dlg_jarr(t->state, "focus");
	r = dlg_ref_trace(t, "brand in conversation");
	for (l = 0; l < 2; l++) {
		hit = NULL;
		nhit = 0;
		cJSON_ArrayForEach(it, lists[l]) {
			if (!cJSON_IsString(it))
				continue;
			dlg_ref_candidate(r, it->valuestring);
			memset(&p, 0, sizeof p);
			if (!dlg_load_product(t, it->valuestring, &p))
				continue;
			if (p.brand != NULL && strcasecmp(p.brand, brand) ==
			    0 && (hit == NULL || strcmp(hit,
			    it->valuestring) != 0)) {
				hit = it->valuestring;
				nhit++;
			}
			product_release(&p);
		}
		if (nhit == 1)
			return dlg_ref_pick(r, hit);
		if (nhit > 1) {
			*several = 1;
			return NULL;
		}
	}
	return NULL;
}

/*
 * A brand said alone that the conversation does not hold: the catalog's
 * products of that brand in the category being discussed (the filters',
 * else the focused product's, else any), the best fitting what was said
 * and the product in focus ("the spigen one" for an iPhone 15 is the
 * case for it).
 */
static const char *
brand_catalog(struct tctx *t, const char *brand)
{
	struct product_filter f;
	struct product	*v = NULL, top, focus;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	**skus = NULL, *pick = NULL;
	char		*cat = NULL;
	size_t		 n = 0, i;
	int		 have_focus;
	cJSON		*r, *flt;

	memset(&f, 0, sizeof f);
	memset(&focus, 0, sizeof focus);
	memset(&top, 0, sizeof top);
	f.max_price = f.min_price = -1;
	f.brand = brand;
	f.limit = REF_CANDS;
	flt = dlg_jobj(t->state, "filters");
	have_focus = dlg_focus_top(t, 0) != NULL &&
	    dlg_load_product(t, dlg_focus_top(t, 0), &focus);
	/*
	 * Not the budget: it may come from the customer's profile, and "the
	 * hp one" may be the one over it that the customer saw.
	 */
	if (dlg_jstr(flt, "category") != NULL)
		cat = xstrdup(dlg_jstr(flt, "category"));
	else if (have_focus)
		cat = xstrdup(focus.category);
	/* None of the brand in that category: all of the brand's. */
	for (f.category = cat; ; f.category = NULL) {
		dlg_retrieve_begin(t);
		if (catalog_products(t->st, &f, &v, &n, &err) != SD_OK)
			n = 0;
		dlg_retrieve_end(t);
		sd_error_clear(&err);
		if (n > 0 || f.category == NULL)
			break;
		free(v);
		v = NULL;
	}
	r = dlg_ref_trace(t, "brand in catalog");
	skus = xcalloc(n + 1, sizeof *skus);
	for (i = 0; i < n; i++)
		skus[i] = v[i].sku;
	if (dlg_best_of(t, r, skus, n, &top, 0, have_focus ? &focus : NULL)) {
		pick = dlg_jstr(r, "picked");
		product_release(&top);
	}
	if (have_focus)
		product_release(&focus);
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
	free(skus);
	free(cat);
	return pick;
}

/*
 * Is the name at [a, b) of the text said as the thing meant: "the TCL
 * one", "hisense then", "the samsung", "the acer's", "back to the
 * headphones"?  Not as a filter of a list ("samsung tvs under $500") or
 * a choice to make ("which garmin has maps", "any samsung?").
 */
static int
said_as_thing(struct tctx *t, size_t a, size_t b)
{
	static const char *const before[] = { "the", "that", "this", NULL };
	static const char *const after[] = { "one", "then", "model",
	    "version", NULL };
	const char	*s = t->text, *p;
	size_t		 n, i;

	while (a > 0 && s[a - 1] == ' ')
		a--;
	for (i = 0; before[i] != NULL; i++) {
		n = strlen(before[i]);
		if (a >= n && strncasecmp(s + a - n, before[i], n) == 0 &&
		    (a == n || !isalnum((unsigned char)s[a - n - 1])))
			return 1;
	}
	for (p = s + b; *p == ' ' || *p == '\''; p++)
		if (*p == '\'')	/* "the acer's" */
			return 1;
	for (i = 0; after[i] != NULL; i++) {
		n = strlen(after[i]);
		if (strncasecmp(p, after[i], n) == 0 &&
		    !isalnum((unsigned char)p[n]))
			return 1;
	}
	return 0;
}

/*
 * Is the brand said in full?  "Rain" of "Rain Design" is a word of the
 * weather ("in the rain") before it is a brand the conversation never
 * had; a shortened brand stands only for what the conversation holds.
 */
static int
brand_in_full(struct tctx *t, const struct entity *br)
{
	const char	*name = br->brand != NULL ? br->brand : br->value;
	size_t		 n = br->end - br->start, i, words = 1;

	if (name == NULL)
		return 0;
	for (i = 0; name[i] != '\0'; i++)
		words += name[i] == ' ';
	if (words == 1)
		return 1;
	return n >= strlen(name) || strncasecmp(t->text + br->start, name,
	    n) != 0 || memchr(t->text + br->start, ' ', n) != NULL;
}

/* A brand said alone as the thing meant, with no other name or kind. */
static int
brand_alone(struct tctx *t, const struct entity *br)
{
	return dlg_first_entity(t, ENTITY_CATEGORY) == NULL &&
	    dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
	    brand_in_full(t, br) && said_as_thing(t, br->start, br->end);
}

/*
 * "Back to the headphones", "the laptop, how heavy is it": a kind of
 * product said as the thing meant is the one product of that kind the
 * conversation holds (most recent first); none or several: NULL.
 */
static const char *
category_reference(struct tctx *t, const struct entity *ce)
{
	const char	*lists[] = { "focus", "results", "purchased" };
	const char	*hit = NULL;
	struct product	 p;
	cJSON		*it, *r;
	char		*said;
	size_t		 l;
	int		 nhit = 0, in_name;

	if (ce->category == NULL || !said_as_thing(t, ce->start, ce->end) ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_first_entity(t, ENTITY_BRAND) != NULL)
		return NULL;
	r = dlg_ref_trace(t, "kind in conversation");
	for (l = 0; l < 3; l++)
		cJSON_ArrayForEach(it, dlg_jarr(t->state, lists[l])) {
			if (!cJSON_IsString(it) || (hit != NULL &&
			    strcmp(hit, it->valuestring) == 0))
				continue;
			dlg_ref_candidate(r, it->valuestring);
			memset(&p, 0, sizeof p);
			if (!dlg_load_product(t, it->valuestring, &p))
				continue;
			/* Of that kind, or the kind's word in its name
			 * ("the oled": the Switch OLED just discussed). */
			said = xstrndup(t->text + ce->start,
			    ce->end - ce->start);
			in_name = p.name != NULL && strcasestr(p.name, said) !=
			    NULL;
			free(said);
			if (in_name || (p.category != NULL && strcmp(p.category,
			    ce->category) == 0) || (p.subcategory != NULL &&
			    strcmp(p.subcategory, ce->category) == 0)) {
				if (hit == NULL || strcmp(hit,
				    it->valuestring) != 0)
					nhit++;
				if (hit == NULL)
					hit = it->valuestring;
			}
			product_release(&p);
		}
	return nhit == 1 ? dlg_ref_pick(r, hit) : NULL;
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

/* Where the word w stands in the text as a whole word: 1 and [*a, *b). */
static int
word_at(struct tctx *t, const char *w, size_t *a, size_t *b)
{
	const char	*s = t->text, *p = s;
	size_t		 n = strlen(w);

	while ((p = strcasestr(p, w)) != NULL) {
		if ((p == s || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n])) {
			*a = (size_t)(p - s);
			*b = *a + n;
			return 1;
		}
		p += n;
	}
	return 0;
}

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
 * one stands alone at the top; NULL otherwise (a tie is no pick).
 */
static const char *
rank_pick(struct tctx *t, const char *const *c, size_t n,
    const struct rank_how *h)
{
	struct product	 p;
	const char	*best = NULL;
	double		 v, bestv = 0;
	size_t		 i, have = 0;
	int		 tie = 0;

	for (i = 0; i < n; i++) {
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, c[i], &p))
			return NULL;
		if (!rank_value(&p, h, &v)) {
			product_release(&p);
			return NULL;
		}
		product_release(&p);
		if (best != NULL && fabs(v - bestv) < 1e-9)
			tie = 1;
		else if (best == NULL || (h->more ? v > bestv : v < bestv)) {
			best = c[i];
			bestv = v;
			tie = 0;
		}
		have++;
	}
	return have >= 2 && !tie ? best : NULL;
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
 * "The cheaper one", "the expensive one", "the bigger one", "the one
 * with more storage": the product that ranks first among those the
 * conversation just showed (the last list when it holds two or more,
 * else the list and the focus together).
 */
static const char *
compared_reference(struct tctx *t, const char **how)
{
	const char	*c[CONV_MAX], *pick = NULL, *attr;
	cJSON		*res = dlg_jarr(t->state, "results"), *it, *r;
	struct rank_how	 h;
	size_t		 i, n = 0, a, b;

	memset(&h, 0, sizeof h);
	if ((attr = one_with_spec(t, &h.more)) != NULL) {
		h.by = RANK_SPEC;
		h.attribute = attr;
		*how = "one with the most or least of a specification";
	} else {
		for (i = 0; i < sizeof rank_words / sizeof rank_words[0];
		    i++)
			if (dlg_has_word(t, rank_words[i].word) &&
			    (!rank_words[i].as_thing || (word_at(t,
			    rank_words[i].word, &a, &b) &&
			    said_as_thing(t, a, b))))
				break;
		if (i == sizeof rank_words / sizeof rank_words[0])
			return NULL;
		h.by = rank_words[i].by;
		h.more = rank_words[i].more;
		h.attribute = rank_words[i].attribute;
		*how = rank_words[i].word;
	}
	if (cJSON_GetArraySize(res) >= 2)
		cJSON_ArrayForEach(it, res) {
			if (cJSON_IsString(it) && n < CONV_MAX)
				c[n++] = it->valuestring;
		}
	else	/* shown: the list and the focus, not an order's items */
		n = dlg_conversation(t, c, CONV_MAX) - order_items_in(t, c,
		    dlg_conversation(t, c, CONV_MAX));
	if (n < 2)
		return NULL;
	r = dlg_ref_trace(t, h.by == RANK_PRICE ? "price among those shown" :
	    h.by == RANK_RATING ? "rating among those shown" :
	    h.by == RANK_SIZE ? "size among those shown" :
	    "specification among those shown");
	for (i = 0; i < n; i++)
		dlg_ref_candidate(r, c[i]);
	if (h.by != RANK_SIZE)
		pick = rank_pick(t, c, n, &h);
	for (h.level = 0; h.by == RANK_SIZE && pick == NULL && h.level < 3;
	    h.level++)
		pick = rank_pick(t, c, n, &h);
	/* No size in the catalog: within one line the bigger model is the
	 * dearer one (the Charge beside the Flip). */
	if (h.by == RANK_SIZE && pick == NULL && one_line(t, c, n)) {
		h.by = RANK_PRICE;
		dlg_jset_str(r, "rule", "size by price within one line");
		pick = rank_pick(t, c, n, &h);
	}
	return pick != NULL ? dlg_ref_pick(r, pick) : NULL;
}

/*
 * "The 2800", "the 55 inch one": a model number or size said that the
 * name of exactly one product of the conversation has.
 */
static const char *
number_reference(struct tctx *t)
{
	const char	*conv[CONV_MAX], *hit = NULL;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	struct text_token *vw;
	struct product	 p;
	size_t		 nc, nvw, i, k;
	int		 nhit = 0;
	cJSON		*r;

	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0)
		return NULL;
	vw = dlg_variant_words(t, &nvw);
	if (nvw == 0 || (nc = dlg_conversation(t, conv, CONV_MAX)) == 0) {
		free(vw);
		return NULL;
	}
	r = dlg_ref_trace(t, "number in conversation");
	for (i = 0; i < nc; i++) {
		dlg_ref_candidate(r, conv[i]);
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, conv[i], &p))
			continue;
		for (k = 0; k < nvw; k++)
			if (!dlg_name_word(p.name, s + vw[k].start, vw[k].end -
			    vw[k].start) && (p.model == NULL ||
			    !dlg_name_word(p.model, s + vw[k].start, vw[k].end -
			    vw[k].start)))
				break;
		if (k == nvw) {
			hit = conv[i];
			nhit++;
		}
		product_release(&p);
	}
	free(vw);
	return nhit == 1 ? dlg_ref_pick(r, hit) : NULL;
}

/*
 * "The last one", "last of them": the ordinal, not the verb ("how long
 * does the small one last") nor time ("last week").
 */
static int
ordinal_last(struct tctx *t)
{
	static const char *const after[] = { "one", "ones", "of", "option",
	    "model", NULL };
	size_t		 a, b, i, n;
	const char	*p;

	if (!word_at(t, "last", &a, &b))
		return 0;
	for (p = t->text + b; *p == ' '; p++)
		;
	for (i = 0; after[i] != NULL; i++) {
		n = strlen(after[i]);
		if (strncasecmp(p, after[i], n) == 0 &&
		    !isalnum((unsigned char)p[n]))
			return 1;
	}
	/* "and the last?": at the end, after "the". */
	while (a > 0 && t->text[a - 1] == ' ')
		a--;
	return !isalnum((unsigned char)*p) && a >= 3 &&
	    strncasecmp(t->text + a - 3, "the", 3) == 0 &&
	    (a == 3 || !isalnum((unsigned char)t->text[a - 4]));
}

/*
 * Resolve references to earlier products: "the first/second/last one",
 * a brand said alone, a model number of one shown, "the cheaper/more
 * expensive/better one", "it".  Returns a SKU (valid for the turn) or
 * NULL; *how says which rule.
 */
const char *
dlg_resolve_reference(struct tctx *t, const char **how)
{
	cJSON		*res = dlg_jarr(t->state, "results");
	const char	*best;
	int		 i, n = cJSON_GetArraySize(res), several;
	const struct entity *en;

	for (i = 0; dlg_ordinals[i] != NULL; i++)
		if (dlg_has_word(t, dlg_ordinals[i]) && i < n) {
			*how = dlg_ordinals[i];
			return cJSON_GetArrayItem(res, i)->valuestring;
		}
	if ((en = dlg_first_entity(t, ENTITY_BRAND)) != NULL &&
	    dlg_count_entities(t, ENTITY_PRODUCT) == 0) {
		if ((best = brand_reference(t, en->value, &several)) != NULL) {
			*how = "brand";
			return best;
		}
		if (!several && brand_alone(t, en) &&
		    (best = brand_catalog(t, en->value)) != NULL) {
			*how = "brand in catalog";
			return best;
		}
	}
	if ((en = dlg_first_entity(t, ENTITY_CATEGORY)) != NULL &&
	    (best = category_reference(t, en)) != NULL) {
		*how = "kind";
		return best;
	}
	if ((best = number_reference(t)) != NULL) {
		*how = "number";
		return best;
	}
	if ((ordinal_last(t) || dlg_has_word(t, "latter")) && n > 0) {
		*how = "last";
		return cJSON_GetArrayItem(res, n - 1)->valuestring;
	}
	if ((best = compared_reference(t, how)) != NULL)
		return best;
	if (dlg_has_word(t, "it") || dlg_has_word(t, "this") ||
	    dlg_has_word(t, "that") || dlg_has_word(t, "its") ||
	    dlg_has_word(t, "one")) {
		*how = "it";
		return dlg_focus_top(t, 0);
	}
	return NULL;
}

/*
 * A brand or a kind of product is said, and the product in focus is of
 * another: the focus is not what the customer means ("the hisense then"
 * after a TCL, "what 65 inch tvs do you have" after headphones).
 */
static int
focus_other(struct tctx *t, const char *sku)
{
	const struct entity *br = dlg_first_entity(t, ENTITY_BRAND);
	const struct entity *ca = dlg_first_entity(t, ENTITY_CATEGORY);
	struct product	 p;
	int		 other = 0;

	if ((br == NULL || br->value == NULL) &&
	    (ca == NULL || ca->category == NULL))
		return 0;
	memset(&p, 0, sizeof p);
	if (!dlg_load_product(t, sku, &p))
		return 0;
	if (br != NULL && br->value != NULL)
		other = p.brand == NULL || strcasecmp(p.brand, br->value) != 0;
	if (ca != NULL && ca->category != NULL)
		other |= (p.category == NULL || strcmp(p.category,
		    ca->category) != 0) && (p.subcategory == NULL ||
		    strcmp(p.subcategory, ca->category) != 0);
	product_release(&p);
	return other;
}

/*
 * "Is the spigen one magsafe": a brand said as the thing meant beside a
 * product name of another brand (here a feature) is the product meant,
 * as the conversation or the catalog has it.  NULL when the names agree
 * or nothing of the brand is found.
 */
static const char *
brand_over_product(struct tctx *t)
{
	const struct entity *br = dlg_first_entity(t, ENTITY_BRAND), *en;
	const char	*sku;
	size_t		 i;
	int		 several;

	if (br == NULL || br->value == NULL ||
	    dlg_count_entities(t, ENTITY_PRODUCT) == 0 ||
	    !said_as_thing(t, br->start, br->end))
		return NULL;
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && (en->brand == NULL ||
		    strcasecmp(en->brand, br->value) == 0))
			return NULL;
	}
	if ((sku = brand_reference(t, br->value, &several)) != NULL ||
	    several)
		return sku;
	return brand_in_full(t, br) ? brand_catalog(t, br->value) : NULL;
}

/*
 * Is the product entity said as what the customer owns or uses ("i only
 * have the ps5", "for my iphone 15", "with my macbook"), the context of
 * the question rather than its subject?  Looks at the two words before.
 */
static int
said_as_context(struct tctx *t, const struct entity *en)
{
	static const char *const marks[] = { "my", "have", "own", "got",
	    "for", "with", "using", "use", "mine", NULL };
	const char	*s = t->text;
	size_t		 b = en->start, a, k, w;

	for (w = 0; w < 2 && b > 0; w++) {
		while (b > 0 && !isalnum((unsigned char)s[b - 1]))
			b--;
		for (a = b; a > 0 && isalnum((unsigned char)s[a - 1]); a--)
			;
		for (k = 0; marks[k] != NULL; k++)
			if (b - a == strlen(marks[k]) &&
			    strncasecmp(s + a, marks[k], b - a) == 0)
				return 1;
		b = a;
	}
	return 0;
}

/*
 * The product entity a question is about: the first one, passing over
 * those said as the customer's own ("i only have the ps5, price of the
 * B4?") when another is said; NULL when none.
 */
static const struct entity *
subject_entity(struct tctx *t)
{
	const struct entity *en, *first = NULL;
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT)
			continue;
		if (!said_as_context(t, en))
			return en;
		if (first == NULL)
			first = en;
	}
	return first;
}

/* Does the folded name have every word of three letters or more of w? */
static int
name_has_words(const char *name, const char *w)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, words = 0;
	int		 all = 1;

	text_fold(name, strlen(name), &f);
	n = text_tokenize(w, strlen(w), &tok, &cap);
	for (i = 0; i < n && all; i++) {
		if (tok[i].end - tok[i].start < 3)
			continue;
		words++;
		all = dlg_word_in(f.s.buf, w + tok[i].start,
		    tok[i].end - tok[i].start);
	}
	free(tok);
	text_folded_release(&f);
	return all && words > 0;
}

/*
 * "The pencil" after an order with the Apple Pencil Pro: a product
 * entity said by a word or two of a name (the catalog links "pencil" to
 * one pencil) means the one of the conversation whose name has those
 * words, when exactly one has.  Its SKU (valid for the turn), or NULL
 * when the name is said in full or the conversation has none or
 * several.
 */
const char *
dlg_loose_name(struct tctx *t, const struct entity *en)
{
	const char	*conv[CONV_MAX], *hit = NULL;
	struct text_folded said = TEXT_FOLDED_INIT;
	struct product	 p;
	size_t		 nc, i;
	int		 nhit = 0;

	if (en->type != ENTITY_PRODUCT || en->sku == NULL ||
	    en->end <= en->start)
		return NULL;
	text_fold(t->text + en->start, en->end - en->start, &said);
	nc = dlg_conversation(t, conv, CONV_MAX);
	for (i = 0; i < nc; i++) {
		if (strcmp(conv[i], en->sku) == 0) {
			hit = NULL;	/* the one named is there: it */
			nhit = 0;
			break;
		}
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, conv[i], &p))
			continue;
		if (strlen(said.s.buf) < strlen(p.name) &&
		    name_has_words(p.name, said.s.buf)) {
			hit = conv[i];
			nhit++;
		}
		product_release(&p);
	}
	text_folded_release(&said);
	return nhit == 1 ? hit : NULL;
}

/*
 * Is the word before offset at one of words?  When it is, *start (if
 * not NULL) is where that word begins.
 */
static int
word_before(struct tctx *t, size_t at, const char *const *words,
    size_t *start)
{
	const char	*s = t->text;
	size_t		 b = at, a, k;

	while (b > 0 && !isalnum((unsigned char)s[b - 1]))
		b--;
	for (a = b; a > 0 && isalnum((unsigned char)s[a - 1]); a--)
		;
	for (k = 0; words[k] != NULL; k++)
		if (b > a && b - a == strlen(words[k]) &&
		    strncasecmp(s + a, words[k], b - a) == 0) {
			if (start != NULL)
				*start = a;
			return 1;
		}
	return 0;
}

/*
 * Is the name said as a kind, not as the product: "an ipad for my mom",
 * "will it charge a macbook pro 14", "and a tuf gaming a15?", or as a
 * device the customer has ("I have a MacBook"), which a question about
 * another product is often for.
 */
static int
said_as_kind(struct tctx *t, const struct entity *en)
{
	static const char *const kind[] = { "a", "an", "any", "another",
	    "some", NULL };

	return word_before(t, en->start, kind, NULL);
}

/* Has the text at [a, b) a run of three letters (not "65W" alone)? */
static int
has_word_run(const char *s, size_t a, size_t b)
{
	size_t	 run = 0;

	for (; a < b; a++) {
		run = isalpha((unsigned char)s[a]) ? run + 1 : 0;
		if (run >= 3)
			return 1;
	}
	return 0;
}

/*
 * After the policy: the question answered is remembered for "the Anker
 * one then?", and a product named in a turn that left the focus as it
 * was (the bot asked what for, or answered about an order) is in focus
 * from now:
 * "is the echo dot any good" then "how many are in stock".  Only one
 * product named, and not one matched on a number alone ("needs 65W" is
 * no power adapter) nor one said as a kind ("an ipad for my mom").  The focus top before the turn is before (NULL:
 * none).
 */
void
dlg_focus_named(struct tctx *t, const char *before)
{
	const char	*now = dlg_focus_top(t, 0);
	const struct entity *en;
	size_t		 i;

	const char	*sku = NULL;

	remember_question(t);
	if ((now == NULL) != (before == NULL) || (now != NULL &&
	    strcmp(now, before) != 0))
		return;		/* the turn set the focus itself */
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT || en->sku == NULL)
			continue;
		if (sku != NULL && strcmp(sku, en->sku) != 0)
			return;	/* several: which one is meant is unsure */
		if (!has_word_run(t->text, en->start, en->end) ||
		    said_as_kind(t, en))
			return;
		sku = en->sku;
	}
	if (sku != NULL) {
		dlg_focus_push(t, sku);
		dlg_jset_str(t->trace, "focus_named", sku);
	}
}

/*
 * The question a turn answered about one product, kept for a follow-up
 * that only names another ("the Anker one then?", "what about the
 * samsung?"): state "asked" {text, intent, sku, at}.  Only a question
 * about the product in focus or named (not "the cheaper one", which
 * would pick again) and only for the next turn.
 */
static const char *const asked_actions[] = { "answer_attribute",
	"answer_price", "answer_stock", "answer_warranty", "show_specs",
	NULL };

/*
 * The question as it would be asked of any product: each product name
 * said (and a "the" before it) becomes "it" ("how much is the sony
 * wh-1000xm5" is "how much is it").  In q; returns q's text.
 */
static const char *
asked_text(struct tctx *t, struct sbuf *q)
{
	const struct entity *en;
	size_t		 at = 0, i, a;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT || en->start < at)
			continue;
		a = en->start;
		while (a > at && t->text[a - 1] == ' ')
			a--;
		if (a >= at + 3 && strncasecmp(t->text + a - 3, "the", 3) ==
		    0 && (a == at + 3 || !isalnum((unsigned char)
		    t->text[a - 4])))
			a -= 3;
		else
			a = en->start;
		sbuf_add(q, t->text + at, a - at);
		sbuf_adds(q, "it");
		at = en->end;
	}
	sbuf_add(q, t->text + at, t->len - at);
	return q->buf;
}

static void
remember_question(struct tctx *t)
{
	const char	*how = dlg_jstr(t->trace, "product_resolution");
	const char	*sku = dlg_focus_top(t, 0);
	struct sbuf	 q = SBUF_INIT;
	cJSON		*a;
	size_t		 i;

	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "asked");
	if (t->action == NULL || sku == NULL || how == NULL ||
	    (strcmp(how, "it") != 0 && strcmp(how, "focus") != 0 &&
	    strcmp(how, "named") != 0))
		return;
	for (i = 0; asked_actions[i] != NULL; i++)
		if (strcmp(t->action, asked_actions[i]) == 0)
			break;
	if (asked_actions[i] == NULL)
		return;
	a = cJSON_AddObjectToObject(t->state, "asked");
	cJSON_AddStringToObject(a, "text", asked_text(t, &q));
	sbuf_release(&q);
	cJSON_AddStringToObject(a, "sku", sku);
	cJSON_AddNumberToObject(a, "at", (double)t->si.turns);
}

/*
 * Is the message only another product pointed at, the question left
 * unsaid: short, no specification, price, order or buying word, no
 * question of its own beyond "what about"?
 */
static int
only_a_pointer(struct tctx *t)
{
	static const char *const own[] = { "how much", "how many", "what is",
	    "what's", "whats", "does", "do", "is", "are", "can", "which",
	    "why", "when", "where", "add", "buy", "cart", "take", "get",
	    "order", "return", "compare", "vs", "versus", "difference", NULL };
	static const char *const cues[] = { "then", "what about", "how about",
	    "and", "and the", "same for", "same question", NULL };
	struct text_token *tok = NULL;
	size_t		 cap = 0, n;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";

	n = text_tokenize(s, strlen(s), &tok, &cap);
	free(tok);
	return n <= 7 && dlg_first_entity(t, ENTITY_ATTRIBUTE) == NULL &&
	    dlg_first_entity(t, ENTITY_PRICE) == NULL &&
	    dlg_first_entity(t, ENTITY_ORDER_ID) == NULL &&
	    !dlg_has_any(t, own) && (dlg_has_any(t, cues) ||
	    strchr(t->text, '?') != NULL);
}

/*
 * "Hmm. the Anker one then?" right after "is it ok for running in the
 * rain?" about the Galaxy Buds: the same question about the product now
 * pointed at.  The turn goes on with the earlier question's text, read
 * again (intent, entities), and the new product in focus (names dropped
 * from the entities, so the question is about the focus).  1 when so.
 */
int
dlg_elliptic(struct tctx *t)
{
	cJSON		*a = cJSON_GetObjectItemCaseSensitive(t->state,
	    "asked"), *r;
	const char	*how = NULL, *sku = NULL, *text;
	const struct entity *en;
	char		*copy;
	size_t		 i, k;

	if (!cJSON_IsObject(a) || t->asked != NULL ||
	    t->si.turns - (long long)dlg_jnum(a, "at", -10) > 2 ||
	    (text = dlg_jstr(a, "text")) == NULL || !only_a_pointer(t))
		return 0;
	if ((en = subject_entity(t)) != NULL && en->sku != NULL)
		sku = (sku = dlg_loose_name(t, en)) != NULL ? sku : en->sku;
	else if (en == NULL && ((sku = dlg_resolve_reference(t, &how)) ==
	    NULL || how == NULL || strcmp(how, "it") == 0))
		sku = NULL;
	if (sku == NULL || strcmp(sku, dlg_jstr(a, "sku")) == 0)
		return 0;
	copy = xstrdup(sku);	/* sku may live in the trace redone here */
	r = dlg_ref_trace(t, "the question before, about another product");
	dlg_ref_candidate(r, dlg_jstr(a, "sku"));
	sku = dlg_ref_pick(r, copy);
	free(copy);
	dlg_jset_str(r, "asked", text);
	dlg_focus_push(t, sku);
	t->asked = xstrdup(text);
	t->text = t->asked;
	t->len = strlen(t->asked);
	text_fold(t->text, t->len, &t->fold);
	entity_extract(t->e->gz, t->text, t->len, &t->e->el);
	for (i = k = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type != ENTITY_PRODUCT &&
		    t->e->el.v[i].type != ENTITY_BRAND)
			t->e->el.v[k++] = t->e->el.v[i];
	t->e->el.n = k;
	/* The question's own reading, as on the turn it was asked. */
	intent_classify(t->e->im, t->text, t->len, &t->e->ir);
	dlg_set_intent(t, intent_names(NULL)[t->e->ir.id]);
	t->confidence = t->e->ir.confidence;
	return 1;
}

/*
 * The product the customer means: a product entity, else a reference,
 * else the product in focus.  Records how in the trace.
 */
int
dlg_target_product(struct tctx *t, struct product *p)
{
	const struct entity *en, *lacking = NULL, *subject;
	const char	*sku = NULL, *how = "focus";
	size_t		 i;

	if ((sku = brand_over_product(t)) != NULL)
		how = "brand";
	subject = subject_entity(t);
	for (i = 0; sku == NULL && i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT || (en != subject &&
		    dlg_count_entities(t, ENTITY_PRODUCT) > 1 &&
		    said_as_context(t, en)))
			continue;
		if (dlg_entity_unknown(en)) {
			lacking = en;
			continue;
		}
		if (en->sku != NULL) {
			sku = en->sku;
			how = "named";
			if ((sku = dlg_loose_name(t, en)) != NULL)
				how = "name in conversation";
			else {
				sku = en->sku;
				dlg_results_named(t);
			}
			break;
		}
		/* A family ("iPhone 15"): its best match in the catalog. */
		if (dlg_family_best(t, en, p)) {
			dlg_focus_push(t, p->sku);
			dlg_jset_str(t->trace, "product_resolution", "family");
			return 1;
		}
	}
	if (sku == NULL && lacking != NULL) {
		dlg_jset_str(t->trace, "product_resolution",
		    "none: the product named is not in the catalog");
		return 0;
	}
	if (sku == NULL)
		sku = dlg_resolve_reference(t, &how);
	if (sku == NULL) {
		sku = dlg_focus_top(t, 0);
		how = "focus";
		if (sku != NULL && focus_other(t, sku)) {
			dlg_jset_str(t->trace, "product_resolution",
			    "none: the brand or kind said is not the focus's");
			return 0;
		}
	}
	if (sku == NULL || !dlg_load_product(t, sku, p))
		return 0;
	if (strcmp(how, "named") != 0 && dlg_variant_of(t, p))
		how = "variant";
	dlg_focus_push(t, p->sku);
	dlg_jset_str(t->trace, "product_resolution", how);
	return 1;
}

