/*
 * dlg-kbtopic.c: a question about how the store treats a kind of
 * product ("return window for headphones?", "how long is the warranty
 * on a smartwatch", "do I need to sign for a $1200 laptop", "a $25 case,
 * do I get free postage?") names a kind or an amount, and the steps
 * that serve shopping read those as a wish for a list.  When the words
 * name a store policy's topic (returns and their fees, warranties,
 * price matching, shipping costs and signatures) and no product or
 * order is named, the policies and FAQ answer, not a list.  A product
 * named keeps its own answers (its warranty, its plans); an order named
 * keeps the order's.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

/* Words that name a policy topic whatever else the message says. */
static const char *const topic_words[] = { "restocking", "restock fee",
	"restocking fee", "return window", "return period", "return policy",
	"returns policy", "refund policy", "warranty", "warranties",
	"guarantee", "protection plan", "kestrel protect", "price match",
	"price matching", "match the price", "match a price", "price drop",
	"price dropped", "the difference", "free shipping", "free postage",
	"free delivery", "shipping cost", "shipping costs", "postage",
	"delivery charge", "delivery fee", "shipping fee", "sign for",
	"signature", NULL };

/* A return asked about as a rule: how long, for what fee. */
static const char *const return_words[] = { "return", "returns",
	"returned", "returning", "send back", "send it back", "give back",
	"bring back", "take back", NULL };
static const char *const return_rule[] = { "how long", "how many days",
	"until when", "deadline", "too late", "window", "period", "policy",
	"fee", "fees", "percent", "percentage", "deduct", "deducted",
	"charge", "charged", "keep", NULL };

/* Does the message ask a policy's question about a kind or an amount? */
static int
kind_policy_question(struct tctx *t)
{
	const struct entity *cat;
	const char	*sku;

	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_order_number(t) != NULL || dlg_has_word(t, "my order"))
		return 0;
	if (dlg_first_entity(t, ENTITY_CATEGORY) == NULL &&
	    dlg_first_entity(t, ENTITY_PRICE) == NULL)
		return 0;
	/* "If the tablet breaks" with a tablet in focus: that one. */
	if ((cat = dlg_first_entity(t, ENTITY_CATEGORY)) != NULL &&
	    cat->start >= 4 && strncasecmp(t->text + cat->start - 4, "the ",
	    4) == 0 && (sku = dlg_focus_top(t, 0)) != NULL &&
	    dlg_focus_fits(t, sku, NULL))
		return 0;
	/* "The laptop died after 5 months, who fixes it": a warranty
	 * question about a kind is the warranty policy's. */
	return dlg_has_any(t, topic_words) || (dlg_has_any(t, return_words) &&
	    dlg_has_any(t, return_rule)) || (t->intent != NULL &&
	    strcmp(t->intent, "warranty") == 0);
}

/*
 * The policy's step: 1 when a policy or FAQ answered a policy question
 * about a kind of product or an amount.
 */
int
dlg_kind_policy(struct tctx *t)
{
	if (!kind_policy_question(t))
		return 0;
	if (!dlg_handle_kb(t, KB_STORE_KINDS, "policy_answer", "faq_answer"))
		return 0;
	dlg_jset_str(t->trace, "kind_policy", "a policy question about a "
	    "kind of product or an amount: the policies answer, not a list");
	return 1;
}
