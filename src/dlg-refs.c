/*
 * dlg-refs.c owns what the customer's words point at: which product a
 * name, a family ("sony xm5", "the thinkpad"), a brand said alone ("the
 * hisense") or a pointer ("it", "the second", "the cheaper one") means.
 *
 * The conversation comes first: the products the bot just listed
 * (state "results") and those discussed (state "focus") are what "the
 * <brand>" or "the <family>" most likely mean, so they are tried before
 * the catalog.  Among catalog candidates the words the customer said
 * decide: a capacity or size ("2tb", "65") that one name has, the
 * category asked about, the words of a name left unsaid ("Pro",
 * "Earbuds"), and last how well customers rate it.  Every choice goes to
 * the trace's "reference": the rule, the candidates and the pick.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

#define REF_CANDS	32	/* family members weighed at most */
#define CONV_MAX	(RESULTS_MAX + FOCUS_MAX)

const char *const dlg_ordinals[] = { "first", "second", "third",
	"fourth", "fifth", NULL };

/* The trace's account of this turn's reference, rule set anew. */
static cJSON *
ref_trace(struct tctx *t, const char *rule)
{
	cJSON	*r = dlg_jobj(t->trace, "reference");

	dlg_jset_str(r, "rule", rule);
	cJSON_DeleteItemFromObjectCaseSensitive(r, "candidates");
	cJSON_DeleteItemFromObjectCaseSensitive(r, "picked");
	cJSON_AddArrayToObject(r, "candidates");
	return r;
}

static void
ref_candidate(cJSON *r, const char *sku)
{
	cJSON_AddItemToArray(dlg_jarr(r, "candidates"),
	    cJSON_CreateString(sku));
}

/* The pick, kept in the trace so the SKU lives as long as the turn. */
static const char *
ref_pick(cJSON *r, const char *sku)
{
	dlg_jset_str(r, "picked", sku);
	return dlg_jstr(r, "picked");
}

/* What the conversation offers: the last list, then the focus. */
static size_t
conversation(struct tctx *t, const char **v, size_t max)
{
	const char	*lists[] = { "results", "focus" };
	cJSON		*it;
	size_t		 n = 0, i, l;

	for (l = 0; l < 2; l++)
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
 * Does name have the word w (folded)?  A number alone also matches it
 * with a unit ("256" is "256GB", "65" is '65"').
 */
static int
name_word(const char *name, const char *w, size_t n)
{
	const char *p = name, *q;
	size_t	 k, digits;

	for (digits = 0; digits < n && w[digits] >= '0' && w[digits] <= '9';
	    digits++)
		;
	while (*p != '\0') {
		while (*p != '\0' && !isalnum((unsigned char)*p))
			p++;
		for (q = p; isalnum((unsigned char)*q); q++)
			;
		if (q == p)
			break;
		for (k = 0; k < n && p + k < q &&
		    tolower((unsigned char)p[k]) == w[k]; k++)
			;
		if (k == n && (p + k == q || (digits == n &&
		    !isdigit((unsigned char)p[k]))))
			return 1;
		p = q;
	}
	return 0;
}

/*
 * Does the text range [a, b) overlap an entity that is no name (a price,
 * date, quantity or order number)?
 */
static int
in_other_entity(struct tctx *t, size_t a, size_t b)
{
	const struct entity *en;
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT || en->type == ENTITY_BRAND)
			continue;
		if (a < en->end && b > en->start)
			return 1;
	}
	return 0;
}

/*
 * The words with a digit the customer said ("2tb", "256", "65"), not
 * those of a price, date, quantity or order number: *n words of the
 * folded text at tok (caller frees).
 */
static struct text_token *
variant_words(struct tctx *t, size_t *n)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, i, k = 0;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";

	*n = text_tokenize(s, strlen(s), &tok, &cap);
	for (i = 0; i < *n; i++) {
		if (!tok[i].has_digit || tok[i].end - tok[i].start < 2 ||
		    (t->fold.map != NULL && in_other_entity(t,
		    t->fold.map[tok[i].start], t->fold.map[tok[i].end])))
			continue;
		tok[k++] = tok[i];
	}
	*n = k;
	return tok;
}

/*
 * Words of a product name (folded) the message does not have, not
 * counting the brand or words with digits (sizes, capacities): each is
 * a step away from what the customer named ("Pro", "Earbuds").
 */
static int
extra_words(const char *name, const char *said, const char *brand)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, len;
	int		 extra = 0;

	n = text_tokenize(name, strlen(name), &tok, &cap);
	for (i = 0; i < n; i++) {
		len = tok[i].end - tok[i].start;
		if (tok[i].has_digit || len < 2)
			continue;
		if (brand != NULL && strncasecmp(name + tok[i].start, brand,
		    len) == 0 && brand[len] == '\0')
			continue;
		if (!dlg_word_in(said, name + tok[i].start, len))
			extra++;
	}
	free(tok);
	return extra;
}

/*
 * Words of near's name, not its brand nor sizes and numbers (another
 * variant's), that name has: "Spigen Ultra Hybrid MagFit for iPhone 15"
 * shares "iphone" with the iPhone 15 in focus.
 */
static int
shared_words(const char *name, const struct product *near)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, len;
	int		 k = 0;
	const char	*w;

	text_fold(near->name, strlen(near->name), &f);
	n = text_tokenize(f.s.buf, f.s.len, &tok, &cap);
	for (i = 0; i < n; i++) {
		w = f.s.buf + tok[i].start;
		len = tok[i].end - tok[i].start;
		if (len < 2 || tok[i].has_digit || (near->brand != NULL &&
		    strncasecmp(w, near->brand, len) == 0 &&
		    near->brand[len] == '\0'))
			continue;
		k += name_word(name, w, len);
	}
	free(tok);
	text_folded_release(&f);
	return k;
}

/*
 * How well p fits what the customer said: a capacity or size said that
 * its name has (+10 each, the screen size of the filters too), the
 * category asked about (+3), each word it shares with the product near
 * the conversation is about, if any (+2), each name
 * word left unsaid (-5), and its rating weighted by reviews (a Bayesian
 * average, as recommendations use) to break ties.
 */
static double
fit_score(struct tctx *t, const struct product *p, const struct text_token *vw,
    size_t nvw, int conv, const struct product *near)
{
	struct text_folded name = TEXT_FOLDED_INIT;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	const char	*cat = dlg_jstr(dlg_jobj(t->state, "filters"),
	    "category");
	const struct entity *ce = dlg_first_entity(t, ENTITY_CATEGORY);
	const char	*size;
	double		 score;
	size_t		 i;

	/* In the conversation the order shown breaks ties (best_of). */
	score = conv ? 0 : (p->rating * (double)p->review_count + 4.0 * 50) /
	    ((double)p->review_count + 50);
	for (i = 0; i < nvw; i++)
		if (name_word(p->name, s + vw[i].start, vw[i].end -
		    vw[i].start))
			score += 10;
	if ((size = dlg_jstr(dlg_jobj(t->state, "filters"), "size")) != NULL &&
	    name_word(p->name, size, strlen(size)))
		score += 10;
	if (ce != NULL && ce->category != NULL)
		cat = ce->category;
	if (cat != NULL && ((p->category != NULL && strcmp(p->category,
	    cat) == 0) || (p->subcategory != NULL &&
	    strcmp(p->subcategory, cat) == 0)))
		score += 3;
	if (near != NULL)
		score += 2 * shared_words(p->name, near);
	if (!conv) {
		text_fold(p->name, strlen(p->name), &name);
		score -= 5 * extra_words(name.s.buf, s, p->brand);
		text_folded_release(&name);
	}
	return score;
}

/*
 * The best fitting of skus[0..n) into *p (1), trace r told of each;
 * 0 when none loads.  With conv set they are the conversation's, in the
 * order shown: the customer shortens a name just seen ("the thinkpad"),
 * so unsaid words do not count, and of two that fit alike the one shown
 * first (the bot's own ranking) wins, not the better rated.
 */
static int
best_of(struct tctx *t, cJSON *r, const char *const *skus, size_t n,
    struct product *p, int conv, const struct product *near)
{
	struct text_token *vw;
	struct product	 c;
	double		 s, best = 0;
	size_t		 i, nvw;
	int		 found = 0;

	vw = variant_words(t, &nvw);
	for (i = 0; i < n; i++) {
		ref_candidate(r, skus[i]);
		memset(&c, 0, sizeof c);
		if (!dlg_load_product(t, skus[i], &c))
			continue;
		s = fit_score(t, &c, vw, nvw, conv, near) -
		    (conv ? 0.01 * i : 0);
		if (!found || s > best) {
			if (found)
				product_release(p);
			*p = c;
			best = s;
			found = 1;
		} else
			product_release(&c);
	}
	free(vw);
	if (found)
		ref_pick(r, p->sku);
	return found;
}

/*
 * A family's members the conversation holds, in its order: "the
 * thinkpad" after a list with one ThinkPad is that one.
 */
static size_t
members_in_conversation(struct tctx *t, const char **m, size_t nm,
    const char **out)
{
	const char	*conv[CONV_MAX];
	size_t		 nc, i, j, k = 0;

	nc = conversation(t, conv, CONV_MAX);
	for (i = 0; i < nc; i++)
		for (j = 0; j < nm; j++)
			if (strcmp(conv[i], m[j]) == 0) {
				out[k++] = conv[i];
				break;
			}
	return k;
}

/*
 * A family without its members (a brand or category passed by a
 * comparison, a shop alias): the products whose names hold the words
 * said, else a search, best fitting first.
 */
static int
family_by_words(struct tctx *t, const struct entity *en, struct product *p,
    cJSON *r)
{
	struct search_result res;
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 q = SBUF_INIT;
	struct product	*cands = NULL;
	const char	**skus;
	size_t		 i, n = 0;
	int		 found;

	sbuf_add(&q, t->text + en->start, en->end - en->start);
	dlg_retrieve_begin(t);
	if (catalog_products_named(t->st, q.buf, 20, &cands, &n, &err) !=
	    SD_OK || n == 0) {
		sd_error_clear(&err);
		dlg_kb_search(t, q.buf, SEARCH_KIND_BIT(SEARCH_PRODUCT), 10,
		    &res);
		for (i = 0; i < res.n; i++) {
			cands = xrealloc(cands, (n + 1) * sizeof *cands);
			memset(&cands[n], 0, sizeof cands[n]);
			if (catalog_product_by_sku(t->st, res.hits[i].id,
			    &cands[n], NULL) == SD_OK)
				n++;
		}
		search_result_free(&res);
	}
	dlg_retrieve_end(t);
	skus = xcalloc(n + 1, sizeof *skus);
	for (i = 0; i < n; i++)
		skus[i] = cands[i].sku;
	found = best_of(t, r, skus, n, p, 0, NULL);
	for (i = 0; i < n; i++)
		product_release(&cands[i]);
	free(cands);
	free(skus);
	sbuf_release(&q);
	return found;
}

/* A product named that the catalog lacks ("iphone 16"). */
static int
unknown(const struct entity *en)
{
	return en->type == ENTITY_PRODUCT && en->product_id == 0 &&
	    en->matches == 0;
}

int
dlg_family_best(struct tctx *t, const struct entity *en, struct product *p)
{
	const char	*m[REF_CANDS], *conv[REF_CANDS];
	size_t		 nm, nc;
	cJSON		*r;

	if (unknown(en))
		return 0;	/* never a neighbour in its place */
	nm = gazetteer_members(t->e->gz, en, m, REF_CANDS);
	if (nm == 0) {
		r = ref_trace(t, "family words");
		return family_by_words(t, en, p, r);
	}
	/* Said before in the conversation: that one, or the best of them. */
	if ((nc = members_in_conversation(t, m, nm, conv)) > 0) {
		r = ref_trace(t, "family in conversation");
		return best_of(t, r, conv, nc, p, 1, NULL);
	}
	r = ref_trace(t, "family in catalog");
	return best_of(t, r, m, nm, p, 0, NULL);
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
	r = ref_trace(t, "brand in conversation");
	for (l = 0; l < 2; l++) {
		hit = NULL;
		nhit = 0;
		cJSON_ArrayForEach(it, lists[l]) {
			if (!cJSON_IsString(it))
				continue;
			ref_candidate(r, it->valuestring);
			memset(&p, 0, sizeof p);
			if (!dlg_load_product(t, it->valuestring, &p))
				continue;
			if (p.brand != NULL && strcasecmp(p.brand, brand) == 0 &&
			    (hit == NULL || strcmp(hit, it->valuestring) != 0)) {
				hit = it->valuestring;
				nhit++;
			}
			product_release(&p);
		}
		if (nhit == 1)
			return ref_pick(r, hit);
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
	r = ref_trace(t, "brand in catalog");
	skus = xcalloc(n + 1, sizeof *skus);
	for (i = 0; i < n; i++)
		skus[i] = v[i].sku;
	if (best_of(t, r, skus, n, &top, 0, have_focus ? &focus : NULL)) {
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

/* A brand said alone as the thing meant, with no other name or kind. */
static int
brand_alone(struct tctx *t, const struct entity *br)
{
	return dlg_first_entity(t, ENTITY_CATEGORY) == NULL &&
	    dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
	    said_as_thing(t, br->start, br->end);
}

/*
 * "Back to the headphones", "the laptop, how heavy is it": a kind of
 * product said as the thing meant is the one product of that kind the
 * conversation holds (most recent first); none or several: NULL.
 */
static const char *
category_reference(struct tctx *t, const struct entity *ce)
{
	const char	*lists[] = { "focus", "results" };
	const char	*hit = NULL;
	struct product	 p;
	cJSON		*it, *r;
	size_t		 l;
	int		 nhit = 0;

	if (ce->category == NULL || !said_as_thing(t, ce->start, ce->end) ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_first_entity(t, ENTITY_BRAND) != NULL)
		return NULL;
	r = ref_trace(t, "kind in conversation");
	for (l = 0; l < 2; l++)
		cJSON_ArrayForEach(it, dlg_jarr(t->state, lists[l])) {
			if (!cJSON_IsString(it) || (hit != NULL &&
			    strcmp(hit, it->valuestring) == 0))
				continue;
			ref_candidate(r, it->valuestring);
			memset(&p, 0, sizeof p);
			if (!dlg_load_product(t, it->valuestring, &p))
				continue;
			if ((p.category != NULL && strcmp(p.category,
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
	return nhit == 1 ? ref_pick(r, hit) : NULL;
}

/* "The cheaper one", "the more expensive", "the better rated". */
static const char *
compared_reference(struct tctx *t, const char **how)
{
	cJSON		*res = dlg_jarr(t->state, "results"), *it;
	struct product	 p;
	const char	*best = NULL;
	double		 bestv = 0;
	int		 cheap, dear, better, want;

	cheap = dlg_has_word(t, "cheaper") || dlg_has_word(t, "cheapest") ||
	    dlg_has_word(t, "less expensive");
	dear = dlg_has_word(t, "pricier") ||
	    dlg_has_word(t, "more expensive") ||
	    dlg_has_word(t, "priciest") || dlg_has_word(t, "most expensive");
	better = dlg_has_word(t, "better rated") ||
	    dlg_has_word(t, "best rated") ||
	    dlg_has_word(t, "higher rated");
	if (!(cheap || dear || better) || cJSON_GetArraySize(res) == 0)
		return NULL;
	want = cheap ? 0 : dear ? 1 : 2;
	cJSON_ArrayForEach(it, res) {
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, it->valuestring, &p))
			continue;
		if (best == NULL || (want == 0 && p.price < bestv) ||
		    (want == 1 && p.price > bestv) ||
		    (want == 2 && p.rating > bestv)) {
			best = it->valuestring;
			bestv = want == 2 ? p.rating : p.price;
		}
		product_release(&p);
	}
	*how = cheap ? "cheaper" : dear ? "more expensive" : "better rated";
	return best;
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
	vw = variant_words(t, &nvw);
	if (nvw == 0 || (nc = conversation(t, conv, CONV_MAX)) == 0) {
		free(vw);
		return NULL;
	}
	r = ref_trace(t, "number in conversation");
	for (i = 0; i < nc; i++) {
		ref_candidate(r, conv[i]);
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, conv[i], &p))
			continue;
		for (k = 0; k < nvw; k++)
			if (!name_word(p.name, s + vw[k].start, vw[k].end -
			    vw[k].start) && (p.model == NULL ||
			    !name_word(p.model, s + vw[k].start, vw[k].end -
			    vw[k].start)))
				break;
		if (k == nvw) {
			hit = conv[i];
			nhit++;
		}
		product_release(&p);
	}
	free(vw);
	return nhit == 1 ? ref_pick(r, hit) : NULL;
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
	if ((dlg_has_word(t, "last") || dlg_has_word(t, "latter")) && n > 0) {
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
 * The line of a product name, kind 0: before its bracketed variant, or
 * before its last word when that has a digit ("Samsung Galaxy S24
 * (128GB)", "Samsung 990 PRO NVMe SSD 1TB"); kind 1: before its first
 * word with a digit ("Epson EcoTank ET-4850 All-in-One").  Caller frees.
 */
static char *
line_of(const char *name, int kind)
{
	char	*line = xstrdup(name), *sp, *w;
	size_t	 cut = strcspn(line, "(");

	while (cut > 0 && line[cut - 1] == ' ')
		cut--;
	line[cut] = '\0';
	if (kind == 0) {
		if (strchr(name, '(') == NULL &&
		    (sp = strrchr(line, ' ')) != NULL &&
		    strpbrk(sp, "0123456789") != NULL)
			*sp = '\0';
		return line;
	}
	for (w = strchr(line, ' '); w != NULL; w = strchr(w + 1, ' '))
		if (strcspn(w + 1, "0123456789") < strcspn(w + 1, " ")) {
			*w = '\0';
			break;
		}
	return line;
}

/*
 * Of the products of line, the one other than p whose name has every
 * word of vw and shares the most words with p's: its index, or -1.
 */
static int
sibling(struct tctx *t, const struct product *p, const struct product *v,
    size_t n, const struct text_token *vw, size_t nvw, cJSON *r)
{
	struct text_token *tok = NULL;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	size_t		 cap = 0, nt, i, k;
	int		 pick = -1, best = 0, shared;

	nt = text_tokenize(p->name, strlen(p->name), &tok, &cap);
	for (i = 0; i < n; i++) {
		ref_candidate(r, v[i].sku);
		for (k = 0; k < nvw; k++)
			if (!name_word(v[i].name, s + vw[k].start,
			    vw[k].end - vw[k].start))
				break;
		if (k < nvw || strcmp(v[i].sku, p->sku) == 0)
			continue;
		for (k = 0, shared = 0; k < nt; k++)
			shared += name_word(v[i].name, p->name + tok[k].start,
			    tok[k].end - tok[k].start);
		/* A tie goes to the name nearest in length. */
		shared = shared * 1000 - abs((int)strlen(v[i].name) -
		    (int)strlen(p->name));
		if (pick < 0 || shared > best) {
			pick = (int)i;
			best = shared;
		}
	}
	free(tok);
	return pick;
}

/*
 * "The 256 then", "the 65 inch one", "the 2800": a capacity, size or
 * model number said that the product meant does not have, but another
 * model of its line does (line_of, the narrower line first).  Replaces
 * *p and returns 1, or leaves it.
 */
static int
variant_of(struct tctx *t, struct product *p)
{
	struct text_token *vw;
	struct sd_error	 err = SD_ERROR_INIT;
	struct product	*v = NULL;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	char		*line;
	size_t		 nvw, n = 0, i, k;
	int		 pick = -1, kind;
	cJSON		*r;

	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0)
		return 0;	/* the digits may be another product's */
	vw = variant_words(t, &nvw);
	for (k = 0; k < nvw; k++)
		if (!name_word(p->name, s + vw[k].start, vw[k].end -
		    vw[k].start))
			break;
	if (k == nvw) {		/* nothing said that it lacks */
		free(vw);
		return 0;
	}
	r = ref_trace(t, "variant of the product meant");
	for (kind = 0; kind < 2 && pick < 0; kind++) {
		for (i = 0; i < n; i++)
			product_release(&v[i]);
		free(v);
		v = NULL;
		line = line_of(p->name, kind);
		dlg_retrieve_begin(t);
		if (catalog_products_named(t->st, line, 20, &v, &n, &err) !=
		    SD_OK)
			n = 0;
		dlg_retrieve_end(t);
		sd_error_clear(&err);
		free(line);
		pick = sibling(t, p, v, n, vw, nvw, r);
	}
	if (pick >= 0) {
		product_release(p);
		*p = v[pick];
		memset(&v[pick], 0, sizeof v[pick]);
		ref_pick(r, p->sku);
		dlg_retrieved_add(t, "product", p->sku, p->name, 1.0, NULL);
	}
	for (i = 0; i < n; i++)
		if ((int)i != pick)
			product_release(&v[i]);
	free(v);
	free(vw);
	return pick >= 0;
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
	return brand_catalog(t, br->value);
}

/*
 * The product the customer means: a product entity, else a reference,
 * else the product in focus.  Records how in the trace.
 */
int
dlg_target_product(struct tctx *t, struct product *p)
{
	const struct entity *en, *lacking = NULL;
	const char	*sku = NULL, *how = "focus";
	size_t		 i;

	if ((sku = brand_over_product(t)) != NULL)
		how = "brand";
	for (i = 0; sku == NULL && i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT)
			continue;
		if (unknown(en)) {
			lacking = en;
			continue;
		}
		if (en->sku != NULL) {
			sku = en->sku;
			how = "named";
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
	if (strcmp(how, "named") != 0 && variant_of(t, p))
		how = "variant";
	dlg_focus_push(t, p->sku);
	dlg_jset_str(t->trace, "product_resolution", how);
	return 1;
}

/*
 * How near a catalog name is to a name said that the catalog lacks:
 * each model word said whose letters the name has before a digit
 * ("xm6" and "WH-1000XM5", "s25" and "S24") counts 10, each other word
 * said that it has 3; the rating breaks ties.
 */
static double
nearness(const struct product *p, const char *said)
{
	struct text_token *tok = NULL;
	const char	*w, *at;
	char		 pre[16];
	size_t		 cap = 0, n, i, k, len;
	double		 score;

	score = p->rating / 10;
	n = text_tokenize(said, strlen(said), &tok, &cap);
	for (i = 0; i < n; i++) {
		w = said + tok[i].start;
		len = tok[i].end - tok[i].start;
		for (k = 0; k < len && k < sizeof pre - 1 &&
		    !isdigit((unsigned char)w[k]); k++)
			pre[k] = w[k];
		pre[k] = '\0';
		if (tok[i].has_digit && k > 0 && k < len) {
			for (at = p->name; (at = strcasestr(at, pre)) != NULL;
			    at++)
				if (isdigit((unsigned char)at[k])) {
					score += 10;
					break;
				}
		} else if (!tok[i].has_digit && name_word(p->name, w, len))
			score += 3;
	}
	free(tok);
	return score;
}

/*
 * The nearest catalog names to the unknown name en (said): among the
 * products of the part of it known (a family's members, a brand's
 * products), else those a search of its words finds.  Up to max into
 * near (caller releases each); returns how many.
 */
static size_t
nearest(struct tctx *t, const struct entity *en, const char *said,
    struct product *near, size_t max)
{
	struct product_filter f;
	struct search_result res;
	struct sd_error	 err = SD_ERROR_INIT;
	struct product	*v = NULL, tmp;
	const char	*m[REF_CANDS];
	double		 sc[REF_CANDS], x;
	size_t		 n = 0, i, j, k = 0;

	if ((n = gazetteer_members(t->e->gz, en, m, REF_CANDS)) > 0) {
		v = xcalloc(n, sizeof *v);
		for (i = 0; i < n; i++)
			k += dlg_load_product(t, m[i], &v[k]);
		n = k;
	} else if (en->brand != NULL) {
		memset(&f, 0, sizeof f);
		f.brand = en->brand;
		f.max_price = f.min_price = -1;
		f.limit = REF_CANDS;
		dlg_retrieve_begin(t);
		if (catalog_products(t->st, &f, &v, &n, &err) != SD_OK)
			n = 0;
		dlg_retrieve_end(t);
		sd_error_clear(&err);
	}
	if (n == 0) {
		dlg_kb_search(t, said, SEARCH_KIND_BIT(SEARCH_PRODUCT),
		    (int)max, &res);
		v = xrealloc(v, (res.n + 1) * sizeof *v);
		for (i = 0; i < res.n; i++)
			n += dlg_load_product(t, res.hits[i].id, &v[n]);
		search_result_free(&res);
	}
	for (i = 0; i < n && i < REF_CANDS; i++)
		sc[i] = nearness(&v[i], said);
	/* The best max first (selection: max is small). */
	for (i = 0; i < max && i < n && i < REF_CANDS; i++) {
		for (k = i, j = i + 1; j < n && j < REF_CANDS; j++)
			if (sc[j] > sc[k])
				k = j;
		tmp = v[i], v[i] = v[k], v[k] = tmp;
		x = sc[i], sc[i] = sc[k], sc[k] = x;
		near[i] = v[i];
		memset(&v[i], 0, sizeof v[i]);
	}
	k = i;
	for (i = k; i < n; i++)
		product_release(&v[i]);
	free(v);
	return k;
}

/*
 * "My pixel 3 is dying": a device the customer has, told as background
 * to a question (what to buy, whether something fits it), not asked for.
 */
static int
owned(struct tctx *t, const struct entity *en)
{
	static const char *const owners[] = { "my", "our", "mine", NULL };
	const char	*s = t->text;
	size_t		 a = en->start, n, i;

	while (a > 0 && s[a - 1] == ' ')
		a--;
	for (i = 0; owners[i] != NULL; i++) {
		n = strlen(owners[i]);
		if (a >= n && strncasecmp(s + a - n, owners[i], n) == 0 &&
		    (a == n || !isalnum((unsigned char)s[a - n - 1])))
			return 1;
	}
	return 0;
}

/*
 * A product named that the catalog lacks, and none it has: "I couldn't
 * find X" with the nearest names, which become the last list so "the
 * first one" picks one.  Never an answer about another product in its
 * place.  1 when that was the reply.
 */
int
dlg_unknown_product(struct tctx *t)
{
	const struct entity *en, *lacking = NULL;
	struct product	 near[3];
	struct sbuf	 said = SBUF_INIT, list = SBUF_INIT;
	size_t		 i, n;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT)
			continue;
		if (!unknown(en))
			return 0;
		if (lacking == NULL)
			lacking = en;
	}
	if (lacking == NULL || owned(t, lacking))
		return 0;
	sbuf_add(&said, t->text + lacking->start, lacking->end -
	    lacking->start);
	memset(near, 0, sizeof near);
	n = nearest(t, lacking, said.buf, near, 3);
	for (i = 0; i < n; i++)
		sbuf_addf(&list, "%s%s", i == 0 ? "" : i + 1 == n ? " or " :
		    ", ", near[i].name);
	slots_set(&t->slots, "said", said.buf);
	slots_set(&t->slots, "nearest", list.buf);
	if (n > 0)
		dlg_results_set(t, near, n);
	dlg_jset_str(dlg_jobj(t->trace, "reference"), "rule",
	    "not in the catalog");
	dlg_set_action(t, "product_not_found", "\"%s\" is not in the "
	    "catalog; %zu nearest", said.buf, n);
	dlg_say(t, n > 0 ? "product_not_found" : "product_not_found_none");
	for (i = 0; i < n; i++)
		product_release(&near[i]);
	sbuf_release(&said);
	sbuf_release(&list);
	return 1;
}

/*
 * Two catalog products named as a pair ("S90D or C4", "xm5 vs qc
 * ultra"): whatever the classifier reads, the customer weighs them.
 */
int
dlg_named_pair(struct tctx *t)
{
	const struct entity *a, *b;
	size_t	 i, j;

	for (i = 0; i < t->e->el.n; i++) {
		a = &t->e->el.v[i];
		if (a->type != ENTITY_PRODUCT || a->pair == 0 || unknown(a))
			continue;
		for (j = i + 1; j < t->e->el.n; j++) {
			b = &t->e->el.v[j];
			if (b->type == ENTITY_PRODUCT && b->pair == a->pair &&
			    !unknown(b))
				return 1;
		}
	}
	return 0;
}
