/*
 * dlg-shopping.c: a kind of product wanted with a need or a budget ("want
 * a 65 inch TV, no more than $1500") read as a request for
 * recommendations whatever intent the classifier read, unless the words
 * are about an order, a problem or a product the customer already has.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* "One with a better camera": a feature of the kind shown, no kind. */
static const char *const feature[] = { "with", "better", "bigger",
	"larger", "has", "have", "its", NULL };
/* "I want that tv", "the laptop you showed": one shown (dlg-refs.c). */
static const char *const pointers[] = { "the", "this", "that", "these",
	"those", "it", NULL };


/*
 * Is the product entity en something the customer has, not what they
 * shop for?  Another kind than the one asked for ("on a MacBook Air
 * ... a 4K monitor"), or said as theirs.
 */
static int
context_product(struct tctx *t, const struct entity *en,
    const struct entity *cat)
{
	struct product	 p;
	int		 other;

	/* "On a MacBook Air", "works with an iphone", "i have a pixel":
	 * what it is used with, even a family that names no one product. */
	static const char *const with[] = { "on", "with", "for", "from",
	    "to", "into", "have", "has", "got", "own", "use", "uses", "using",
	    NULL };
	static const char *const skip[] = { "a", "an", "the", "my", "our",
	    "his", "her", "their", "new", "old", NULL };
	size_t	 at = en->start, e;

	if (dlg_owned_at(t->text, en->start, dlg_whose))
		return 1;
	for (e = 0; e < 2 && dlg_word_before_is(t->text, at, skip); e++) {
		while (at > 0 && !isalnum((unsigned char)t->text[at - 1]))
			at--;
		while (at > 0 && isalnum((unsigned char)t->text[at - 1]))
			at--;
	}
	if (dlg_word_before_is(t->text, at, with))
		return 1;
	memset(&p, 0, sizeof p);
	if (en->sku == NULL || !dlg_load_product(t, en->sku, &p))
		return 0;
	other = strcmp(p.category, cat->category) != 0;
	product_release(&p);
	return other;
}


/* A support word said; "cancel" beside "noise" is a feature, not one. */
static int
support_said(struct tctx *t, const char *const *support)
{
	const char *const *w;

	for (w = support; *w != NULL; w++)
		if (dlg_has_word(t, *w) && (strcmp(*w, "cancel") != 0 ||
		    !dlg_has_word(t, "noise")))
			return 1;
	return 0;
}

/* Is the product in focus an accessory? */
static int
focus_accessory(struct tctx *t)
{
	struct product	 p;
	int		 yes;

	memset(&p, 0, sizeof p);
	if (dlg_focus_top(t, 0) == NULL ||
	    !dlg_peek_product(t, dlg_focus_top(t, 0), &p))
		return 0;
	yes = p.category != NULL && strcmp(p.category, "accessories") == 0;
	product_release(&p);
	return yes;
}

/*
 * "We're redoing the living room. Want a 65 inch TV, no more than
 * $1500", "need a portable ssd thats rugged", "gaming laptop, 1000 max":
 * a kind of product wanted, with a need or a budget, is a request for
 * recommendations whatever intent the classifier read in the other
 * words (a refund in "no more than", an account in "register").  Not
 * when the words are about an order, a problem, or a kind the customer
 * already has ("my laptop"), nor an accessory for a device (that is
 * dlg-accessory.c's).  1 when answered.
 */
int
dlg_handle_shopping(struct tctx *t)
{
	static const char *const need[] = { "need", "needs", "want", "wanna",
	    "looking for", "looking at", "look for", "after a", "after an",
	    "after some", "shopping for", "in the market", "recommend",
	    "suggest", "do you have", "do u have", "do you sell", "you got",
	    "got any", "any good", "show me", "get into", "thinking of",
	    "to buy", "buy a", "buy an", "buy some", "buying a", "get a",
	    "get an", "whats a good",
	    "what's a good", "what is a good", "i'd like", "id like",
	    "i would like", "searching for", "hunting for", "on the hunt",
	    "please", "pls", "plz", NULL };
	static const char *const support[] = { "order", "ordered", "orders",
	    "bought", "purchased", "delivered", "arrived", "return",
	    "returned", "returning", "refund", "cancel", "tracking", "track",
	    "shipped", "package", "parcel", "receipt", "invoice", "charged",
	    "paid", "broken", "broke", "won't", "wont", "doesn't", "not working",
	    "stopped", "died", "dead", "problem", "issue", "fix", "reset",
	    "repair", "warranty", "cart", "compare", "vs", "versus", "did i",
	    "have i", "i already", "code", "coupon", "promo", "voucher",
	    NULL };
	static const char *const fits[] = { "for it", "for my", "for the",
	    "fits", "fit", "compatible", "works with", "work with", NULL };
	static const char *const about_it[] = { "it", "its", "it's",
	    "this one", "that one", NULL };
	static const char *const allowed[] = { "can i", "can we",
	    "am i allowed", "is it possible", "could i", NULL };
	/* "Which of the tvs has the best picture": one of those shown. */
	static const char *const choose[] = { "which", "or", "vs",
	    "versus", NULL };
	const struct entity *cat = dlg_first_entity(t, ENTITY_CATEGORY);
	const struct entity *price = dlg_first_entity(t, ENTITY_PRICE), *br;
	size_t		 i;
	int		 other;

	if (cat == NULL || cat->category == NULL ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    dlg_owned_at(t->text, cat->start, dlg_whose) ||
	    dlg_owned_at(t->text, cat->start, pointers) ||
	    dlg_owned_at(t->text, cat->start, feature) ||
	    support_said(t, support))
		return 0;
	/* "And a mouse to go with it" beside a keyboard: a kind wanted
	 * that the accessory in focus is not, which "it" is only the
	 * context of (beside a device, an accessory must fit it: that is
	 * dlg-accessory.c's). */
	other = strcmp(cat->category, "accessories") == 0 &&
	    focus_accessory(t) && !dlg_has_any(t, fits) &&
	    dlg_other_kind_wanted(t, dlg_focus_top(t, 0)) != NULL;
	/* "Noise cancelling headphones", "cheap tablet": a kind with a
	 * need or a price level is shopping too. */
	if (!other && !dlg_has_any(t, need) && (price == NULL || !price->has_max) &&
	    !dlg_needs_budget_said(t) && !dlg_need_said(t) &&
	    !dlg_kind_alone(t, cat))
		return 0;
	/* "Is it hot-swappable?", "can I buy a gift card with a code?":
	 * a question about the one in focus or about what is allowed. */
	if ((dlg_focus_top(t, 0) != NULL && !other &&
	    (dlg_has_any(t, about_it) ||
	    dlg_has_any(t, choose))) || dlg_has_any(t, allowed))
		return 0;
	/* "Mechanical switches, Keychron": a brand with nothing of that
	 * kind says the kind was misread. */
	if ((br = dlg_first_entity(t, ENTITY_BRAND)) != NULL &&
	    !dlg_brand_has(t, br, cat->category))
		return 0;
	/* "A charger for my laptop" fits a device: "a keyboard for my
	 * desk" names none. */
	if (strcmp(cat->category, "accessories") == 0 &&
	    (dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    (dlg_focus_top(t, 0) != NULL && !other) ||
	    (dlg_has_any(t, fits) &&
	    (dlg_count_entities(t, ENTITY_CATEGORY) > 1 ||
	    dlg_first_entity(t, ENTITY_BRAND) != NULL))))
		return 0;
	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type == ENTITY_PRODUCT &&
		    !context_product(t, &t->e->el.v[i], cat))
			return 0;
	/* "Which is the cheapest 144hz monitor": lowest price first. */
	if (dlg_handle_cheapest_need(t))
		return 1;
	dlg_set_intent(t, "recommendation");
	dlg_jset_str(t->trace, "ambiguity", "resolved: a kind of product "
	    "wanted, with a need or a budget");
	dlg_update_filters(t);
	return dlg_handle_recommend(t);
}

/*
 * "Whats the cheapest mesh that does 3000+", "we are 4 at home, whats the
 * cheapest way to get office for everyone": the lowest priced of the
 * kind that meets a need said in the customer's own words
 * (dlg-catneed.c), not the cheapest of the whole category.  1 when
 * answered.
 */
int
dlg_handle_cheapest_need(struct tctx *t)
{
	static const char *const cheap[] = { "cheapest", "least expensive",
	    "lowest price", "lowest priced", "cheapest way", NULL };
	cJSON		*probe, *f;
	char		*cat;
	int		 said, spec;

	/* After a list, "the cheapest one with usb-c" is among those
	 * shown (dlg-rank.c) unless a kind is named again. */
	if (!dlg_has_any(t, cheap) || dlg_count_entities(t,
	    ENTITY_PRODUCT) > 0 || dlg_first_entity(t, ENTITY_ORDER_ID) !=
	    NULL || (dlg_first_entity(t, ENTITY_CATEGORY) == NULL &&
	    cJSON_GetArraySize(dlg_jarr(t->state, "results")) > 0))
		return 0;
	probe = cJSON_CreateObject();
	dlg_catneeds_read(t, probe);
	said = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(probe, "require"), "attr")) > 0;
	cJSON_Delete(probe);
	/* "The cheapest 4k monitor", "cheapest 65 inch samsung tv": a spec
	 * the lists filter on is a need of the kind named too, the brand
	 * with it. */
	probe = cJSON_CreateObject();
	spec = dlg_first_entity(t, ENTITY_CATEGORY) != NULL;
	if (spec)
		dlg_spec_constraints(t, probe);
	spec = spec && cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
	    probe, "require")) > 0;
	cJSON_Delete(probe);
	if ((!said && !spec) || (!spec && dlg_first_entity(t,
	    ENTITY_BRAND) != NULL) || (cat = dlg_catneeds_kind(t, NULL)) ==
	    NULL)
		return 0;
	/* Another kind than the last list's starts afresh. */
	f = dlg_jobj(t->state, "filters");
	if (dlg_jstr(f, "category") == NULL || strcmp(dlg_jstr(f,
	    "category"), cat) != 0) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "filters");
		f = dlg_jobj(t->state, "filters");
		dlg_jset_str(f, "category", cat);
	}
	free(cat);
	dlg_set_intent(t, "recommendation");
	dlg_jset_str(t->trace, "ambiguity", "resolved: the cheapest of a "
	    "kind that meets a need said");
	dlg_update_filters(t);
	f = dlg_jobj(t->state, "filters");
	dlg_jset_str(dlg_jobj(f, "require"), "lowest_first", "yes");
	return dlg_handle_recommend(t);
}
