/*
 * dlg-facts.c: a question about one fact of one product - its price,
 * whether it cost more before the sale, a specification asked among
 * other words - answered whatever the classifier made of the words.  A
 * polite close ("could you tell me how much the X costs, thank you")
 * reads to the classifier as thanks, "was it more expensive before" as
 * a goodbye, "noise cancelling?" as cancelling an order; the words and
 * the product decide instead.  The product is the one named or, with
 * none named and no pointer at another ("the second one" is
 * dlg-refs.c's), the one in focus.  What the listing does not back is
 * said not to be listed, never guessed: a product not on sale has no
 * earlier price the store could state.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Words asking for the price a sale took off: said alone, or a time
 * before with a money word ("was it more expensive before"; "it used to
 * be fine" is no price). */
static const char *const before_price[] = { "regular price",
	"normal price", "full price", "original price", "list price",
	"usual price", "price before", "price drop", "price dropped",
	"marked down", "before the sale", "without the sale", NULL };
static const char *const before_time[] = { "before", "used to", "use to",
	"previously", "originally", "earlier", "usually", "normally", NULL };
static const char *const before_money[] = { "expensive", "cheaper",
	"cost", "costs", "price", "pricier", "more", NULL };

/* Words asking for the price. */
static const char *const price_words[] = { "price", "cost", "costs",
	"how much is", "how much are", "how much does", "how much do",
	"how much for", "how much would", "how much was", "pricey",
	"priced", NULL };

/* The price of something else than the product itself. */
static const char *const other_money[] = { "ship", "shipping", "delivery",
	"deliver", "return", "returns", "refund", "tax", "coupon", "code",
	"warranty", "protection", "plan", "financing", "installments",
	"insurance", "repair", "fee", "fees", "total", "both", "two",
	"each", "all", "cheaper one", "cheapest", "options", "back",
	"same", "which", "either", "compare", "vs", "than", "match",
	"policy", "guarantee", "adjustment", "difference", NULL };

/*
 * The product the question is about into p: named (a family named is
 * its best model), else the one in focus when nothing points elsewhere
 * (no order, brand or kind named, no "the second one").  1 when found.
 */
static int
fact_product(struct tctx *t, struct product *p)
{
	const struct entity *en = dlg_first_entity(t, ENTITY_PRODUCT);
	const char	*sku, *how = NULL;

	memset(p, 0, sizeof *p);
	if (dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 1)
		return 0;
	/* Peeked, not retrieved: a product read only to decide is no
	 * evidence of what the reply says (the fact check reads those). */
	if (en != NULL)
		return en->sku != NULL ? dlg_peek_product(t, en->sku, p) :
		    dlg_family_best(t, en, p);
	/* "Was it cheaper then" with an order in focus asks what was
	 * paid: the order's steps answer it. */
	if (dlg_order_focus(t) != NULL ||
	    dlg_first_entity(t, ENTITY_BRAND) != NULL ||
	    dlg_first_entity(t, ENTITY_CATEGORY) != NULL ||
	    ((sku = dlg_resolve_reference(t, &how)) != NULL && how != NULL &&
	    strcmp(how, "it") != 0) || (sku = dlg_focus_top(t, 0)) == NULL)
		return 0;
	return dlg_peek_product(t, sku, p);
}

/*
 * "Was it more expensive before?": the sale price with the list price
 * and the sale's end, or, for a product not on sale, its price and that
 * the store lists no earlier one.  1 when answered.
 */
static int
price_before(struct tctx *t)
{
	struct product	 p;

	static const char *const paid[] = { "bought", "ordered", "paid",
	    "price match", "refund", "difference", NULL };

	/* "I bought it before the sale" asks for the price match. */
	if ((!dlg_has_any(t, before_price) && (!dlg_has_any(t, before_time) ||
	    !dlg_has_any(t, before_money))) || dlg_has_any(t, paid) ||
	    !fact_product(t, &p))
		return 0;
	dlg_focus_push(t, p.sku);
	if (p.list_price > p.price) {
		product_release(&p);
		dlg_set_intent(t, "price_promotions");
		return dlg_handle_product_question(t, "price_promotions");
	}
	dlg_retrieved_add(t, "product", p.sku, p.name, 1.0, NULL);
	dlg_product_slots(t, &p, "");
	dlg_cite(t, "product", p.sku, p.name, "price,list_price");
	dlg_set_action(t, "answer_price", "%s is not on sale: no earlier "
	    "price is listed", p.sku);
	dlg_say(t, "price_not_on_sale");
	if (p.stock <= 0)
		dlg_say(t, "out_of_stock_note");
	product_release(&p);
	return 1;
}

/*
 * "Could you tell me how much the X costs, thank you": the price of the
 * product named or in focus, when the classifier took the turn for
 * something that is not about a product (thanks, a goodbye, an order)
 * or was unsure.  1 when answered.
 */
static int
price_asked(struct tctx *t)
{
	static const char *const asks[] = { "how", "what", "whats",
	    "what's", "could", "can", "tell", "is", "does", "do", "know",
	    NULL };
	struct product	 p;
	int		 done;

	/* "Great price, thanks!" is no question. */
	if (strchr(t->text, '?') == NULL && !dlg_has_any(t, asks))
		return 0;
	/* The classifier's reading stands when it is a product action,
	 * or a clear other topic with no product named ("how much would
	 * I get back" of a refund). */
	if ((t->e->ir.verdict == INTENT_OK &&
	    (dlg_flags_of(t, t->intent_id) & ACT_PRODUCT)) ||
	    (t->e->ir.verdict == INTENT_OK && !dlg_small_talk(t) &&
	    dlg_first_entity(t, ENTITY_PRODUCT) == NULL) ||
	    !dlg_has_any(t, price_words) || dlg_has_any(t, other_money) ||
	    (dlg_first_entity(t, ENTITY_PRICE) != NULL &&
	    dlg_first_entity(t, ENTITY_PRODUCT) == NULL) ||
	    !fact_product(t, &p))
		return 0;
	product_release(&p);
	dlg_set_intent(t, "price_promotions");
	done = dlg_handle_product_question(t, "price_promotions");
	if (done)
		dlg_jset_str(t->trace, "fact", "a price asked of one product, "
		    "whatever the classifier made of the words");
	return done;
}

/*
 * Is the turn nothing but the names of attributes of the product named
 * or in focus ("noise cancelling?", "refresh rate"), no stray word that
 * could say a feeling?  A feeling read into it is the model's mistake.
 */
int
dlg_spec_only(struct tctx *t)
{
	char	**w;
	size_t	 nw;

	w = dlg_spec_words(t, &nw);
	dlg_spec_words_free(w, nw);
	return nw > 0 && nw <= 2 && strchr(t->text, '!') == NULL &&
	    (dlg_spec_asked(t) || dlg_spec_kind_asked(t));
}

/*
 * The fact asked of one product, before the steps that read a turn as
 * about an order or the store: the price before a sale, the price, a
 * specification asked in a shopper's few words or among other words.
 * 1 when answered.
 */
int
dlg_handle_fact(struct tctx *t)
{
	/* "Which has more storage": a question over those shown, the
	 * list's steps' (dlg-rank.c). */
	static const char *const among[] = { "which", "each", "both", "all",
	    "them", "those", "these", "either", "more", "most", "better",
	    "best", "longer", "longest", "bigger", "biggest", "than", NULL };

	char		**w;
	size_t		 nw;

	if (price_before(t) || price_asked(t))
		return 1;
	/* "The black one", "the 55 inch one", "ok the black" after a
	 * list: a pointer at one shown, whose words are also attributes;
	 * the reference steps' first. */
	if (dlg_said_one(t) || (cJSON_GetArraySize(dlg_jarr(t->state,
	    "results")) > 0 && dlg_only_pointer(t)))
		return 0;
	/* No word beside the product's name ("and the pixel watch?"):
	 * nothing asked of it here. */
	w = dlg_spec_words(t, &nw);
	dlg_spec_words_free(w, nw);
	/* A specification in few words read as a product intent goes on
	 * to the steps for those shown and pointed at ("the 55 inch
	 * one"); read as another topic ("noise cancelling?" as cancelling
	 * an order), it is answered here. */
	return nw > 0 && !dlg_has_any(t, among) && (((t->e->ir.verdict !=
	    INTENT_OK || !(dlg_flags_of(t, t->intent_id) & ACT_PRODUCT)) &&
	    dlg_spec_asked(t)) || dlg_spec_kind_asked(t) ||
	    dlg_spec_wrapped(t)) && dlg_handle_spec_question(t);
}
