/*
 * dlg-orderswitch.c: right after an answer about one of the customer's
 * orders, a message that names an item one of their orders holds ("and
 * the sd cards, are they coming today?", "what about the case from this
 * week", "the samsung one then? came this week") is about the order
 * holding that item: the question its words ask (dlg_order_topic), else,
 * when it only carries the question on ("what about", "same thing with",
 * a period of the purchase), the question before.  This runs before the
 * steps that read the turn as about a catalog product, so an item the
 * customer has is not answered as a product to buy.  A message that asks
 * nothing of orders ("the brio, does it work with a mac?") or names a
 * specification ("how long is the battery supposed to last") is left to
 * the product steps; so is an item none of the orders holds.  Naming
 * nothing, a question of the money, a return or cancelling stays with
 * the order in focus.  An item named as the customer's order ("my ipad
 * mini order, was it the 64gb one") is answered from that order too.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

/* Words that carry the question before on to the item named. */
static const char *const carry[] = { "and the", "and my", "what about",
	"how about", "same thing", "same for", "same with", "same question",
	"same goes", "the same", NULL };

/* Words that turn to something else: the product steps read those. */
static const char *const turn_away[] = { "different topic",
	"different thing", "different question", "diff question",
	"another question", "unrelated", "other question", "new question",
	"separate question", "changing the subject", NULL };

/* Longest message that only carries the question before on. */
#define CARRY_WORDS	12

/* Does one of the customer's orders hold the item the message names? */
static int
item_ordered(struct tctx *t)
{
	struct order_match m;
	char		**ids = NULL, *words = NULL;
	size_t		 n = 0;
	int		 named;

	if ((named = dlg_order_item_named(t, &m, &words)) != 0)
		dlg_orders_holding(t, &m, &ids, &n);
	dlg_ids_free(ids, n);
	free(words);
	return named && n > 0;
}

/* The question before, carried on: said so, or the purchase dated. */
static enum dlg_order_topic
carried_topic(struct tctx *t)
{
	struct text_token *tok = NULL;
	struct dlg_period pd;
	size_t		 cap = 0, n, i, k;
	int		 dated, topic;

	topic = (int)dlg_jnum(t->state, "order_topic", 0);
	/* "And the webcam, what's its layout": the item's, not its
	 * order's (dlg-owned.c). */
	if (topic <= ORDQ_NONE || dlg_first_entity(t, ENTITY_ATTRIBUTE) !=
	    NULL || dlg_owned_kind_asked(t))
		return ORDQ_NONE;
	/* The words beside the names: a long name is one thing said. */
	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0, k = 0; i < n; i++)
		k += !dlg_in_a_name(t, tok[i].start, tok[i].end);
	free(tok);
	if (k > CARRY_WORDS)
		return ORDQ_NONE;
	if ((dated = dlg_period_named(t, &pd)) != 0)
		dlg_period_release(&pd);
	if (!dated && !dlg_has_any(t, carry))
		return ORDQ_NONE;
	return (enum dlg_order_topic)topic;
}

/*
 * "What would I get back?", "can I still cancel?" right after an order's
 * answer, naming nothing: the money, return or cancelling of the order
 * in focus, before the product steps read "get" or "how much" as
 * shopping.  A specification named ("is the battery refundable") is
 * left to them; so is a way to pay said without money coming back ("do
 * you take amex", "can I pay with paypal"), which the store answers.
 */
static int
money_kept(struct tctx *t)
{
	static const char *const back[] = { "refund", "refunds", "refunded",
	    "money", "reimburse", "reimbursed", "back", NULL };
	enum dlg_order_topic topic;

	if (dlg_order_focus(t) == NULL || dlg_first_entity(t,
	    ENTITY_ATTRIBUTE) != NULL)
		return 0;
	topic = dlg_order_topic(t);
	if (topic != ORDQ_FEE && topic != ORDQ_REFUND &&
	    topic != ORDQ_RETURN && topic != ORDQ_CANCEL)
		return 0;
	if (topic == ORDQ_REFUND && !dlg_has_any(t, back))
		return 0;
	if (!dlg_order_answer(t, topic, 0))
		return 0;
	dlg_jset_str(t->trace, "order_switch", "the order in focus, its "
	    "money asked");
	return 1;
}

int
dlg_order_switch(struct tctx *t)
{
	enum dlg_order_topic topic;
	const char	*how;

	if (!t->have_cust || dlg_order_number(t) != NULL ||
	    !dlg_order_just_discussed(t) || dlg_has_any(t, turn_away))
		return 0;
	if (dlg_first_entity(t, ENTITY_PRODUCT) == NULL &&
	    dlg_first_entity(t, ENTITY_BRAND) == NULL &&
	    dlg_first_entity(t, ENTITY_CATEGORY) == NULL)
		return money_kept(t);
	topic = dlg_order_topic(t);
	how = "the question its words ask";
	/* "How long is the battery supposed to last": a specification
	 * asked, whatever word of a delivery came with it. */
	if (topic == ORDQ_TRACK && dlg_first_entity(t, ENTITY_ATTRIBUTE) !=
	    NULL)
		topic = ORDQ_NONE;
	if (topic == ORDQ_LIST)
		return 0;
	if (topic == ORDQ_NONE) {
		topic = carried_topic(t);
		how = "the question before, carried on";
	}
	if (topic == ORDQ_NONE || !item_ordered(t))
		return 0;
	if (!dlg_order_answer(t, topic, 1))
		return 0;
	dlg_jset_str(t->trace, "order_switch", how);
	return 1;
}

/*
 * "My ipad mini order, was it the 64gb one?": the owned items' resolver
 * (dlg-owned.c) found a question about the order holding the item
 * named.  Its words' question is answered about that order before the
 * variant and product steps read the size or colour as one to buy;
 * asking only which variant or model it was, the order's lines tell
 * (each item as bought, its quantity and price paid).
 */
int
dlg_owned_order(struct tctx *t)
{
	static const char *const which[] = { "which one", "which model",
	    "which version", "what model", "what size", "what colour",
	    "what color", "was it", "is it the", "did i get", "did i order",
	    "which did i", NULL };
	struct text_token *tok;
	enum dlg_order_topic topic;
	const char	*rule = dlg_jstr(cJSON_GetObjectItemCaseSensitive(
	    t->trace, "owned"), "rule_id");
	size_t		 n = 0, i, k;

	if (!t->have_cust || rule == NULL || strcmp(rule,
	    "owned-order-question") != 0 || dlg_order_number(t) != NULL)
		return 0;
	if ((topic = dlg_order_topic(t)) == ORDQ_NONE) {
		/* "Do those have noise cancelling": a feature, the
		 * product's; "the ath-m50x": a name, no variant said. */
		if (dlg_first_entity(t, ENTITY_ATTRIBUTE) != NULL)
			return 0;
		tok = dlg_variant_words(t, &n);
		for (i = 0, k = 0; i < n && t->fold.map != NULL; i++)
			k += !dlg_in_a_name(t, t->fold.map[tok[i].start],
			    t->fold.map[tok[i].end]);
		free(tok);
		if (k == 0 && !dlg_has_any(t, which))
			return 0;
		topic = ORDQ_ITEMS;
	}
	if (topic == ORDQ_LIST || !dlg_order_answer(t, topic, 0))
		return 0;
	dlg_jset_str(t->trace, "order_switch", "the customer's item named "
	    "as their order");
	return 1;
}
