/*
 * dlg-ordertopic.c: what a question about an order asks, by its words
 * alone: arrival, tracking, a signature, a refund, what a return costs,
 * returning, cancelling, the address, a price drop, ordering again.
 * Words inside a product's name do not count ("power bank" is no bank),
 * and words about the store in general ("do you ship", "policy") ask
 * about no order.  Whether an order the customer has settles the turn,
 * and which, is dlg-orderq.c's; the answer is dlg-support.c's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "dlg-int.h"
#include "dlg-owned.h"

/*
 * What an order question asks, by its words, first match first: a fee
 * question mentions returning, a refund question may say "cancelled".
 */
static const struct {
	enum dlg_order_topic	 topic;
	const char		*words[96];
} topic_words[] = {
	{ ORDQ_LIST, { "twice", "two orders", "both orders", "which ones",
	    "what orders", "which orders", "all my orders", "orders do i",
	    "orders i have", "on order again", "ordered again", NULL } },
	{ ORDQ_ADDRESS, { "address", "ship it to", "ship to",
	    "deliver it to", "deliver to", "redirect", "redirected", "reroute", "rerouted", "re-route",
	    NULL } },
	{ ORDQ_SIGN, { "sign for", "signature", "need to sign", "have to sign",
	    "someone to sign", "signed for", "be home", "be at home",
	    "someone home", "somebody home", "anyone home", "anybody home",
	    "nobody home", "no one home", "stay home", "stay in for",
	    "wait in for", "wait at home", "home for it", "home for the",
	    NULL } },
	{ ORDQ_PRICE_DROP, { "difference", "price drop", "price dropped",
	    "dropped", "now its", "now it's", "now they're", "now theyre",
	    "cheaper now", "went down", "price match", "now it is", NULL } },
	{ ORDQ_FEE, { "fee", "fees", "restocking", "return shipping",
	    "pay for shipping", "pay for the shipping", "pay to send",
	    "pay for sending", "pay for the return", "pay to return",
	    "pay to ship", "who pays", "label cost", "cost to send",
	    "pay shipping", "pay return", "get back", "actually get",
	    "full refund", "the full", "how much would", "how much do",
	    "cost me", "how much does it cost", "refund if", "unopened",
	    "never opened", "not opened", "still sealed", NULL } },
	{ ORDQ_DEFECT, { "dead pixels", "dead pixel", "died", "stopped working", "stopped charging",
	    "arrived broken", "arrived damaged", "arrived with", "cracked",
	    "defective", "broken", "doesn't work", "doesnt work",
	    "not working", "won't charge", "faulty", "dead on arrival",
	    "replacement", "replace it", "replace them", NULL } },
	{ ORDQ_CANCEL, { "cancel", NULL } },
	/* "What's in it again" of the order in focus: its lines ("what's
	 * in the box" asks a product's contents). */
	{ ORDQ_ITEMS, { "what's in it", "whats in it", "what is in it",
	    "what was in it", "what's in the package", "whats in the package",
	    "what was in the package", NULL } },
	{ ORDQ_INVOICE, { "invoice", "receipt", NULL } },
	/* "Is it insured": neither the order nor a policy says. */
	{ ORDQ_UNLISTED, { "insured", "insurance", "insure", NULL } },
	{ ORDQ_WARRANTY, { "warranty", "still covered", NULL } },
	{ ORDQ_REFUND, { "refund", "refunds", "refunded", "money", "paypal",
	    "reimburse", "charged", "my bank", "the bank", "bank account",
	    "statement", "debit card",
	    "credit card", "my card", "amex", NULL } },
	{ ORDQ_RETURN, { "return", "send back", "send it back",
	    "send them back", "exchange", "can that go back",
	    "can it go back", "still go back", "it go back", "they go back",
	    "take it back", "take them back", "returnable", "label",
	    "return label", NULL } },
	{ ORDQ_TRACK, { "tracking", "track", "arrive", "arriving", "arrives",
	    "arrival", "coming", "come", "get here", "delivery", "deliver",
	    "eta", "ship", "ships", "shipped", "stuck", "where is", "where's",
	    /* "Who's delivering it", "which carrier": the shipment's. */
	    "delivering", "carrier", "who delivers", "shipping company",
	    "delivery company", "delivery service", "bringing it",
	    "where are",
	    "wheres", "where my", "on the way", "supposed to", "late",
	    "which day",
	    "what day", "show up", "shown up", "not here yet", "not here",
	    "isn't here", "isnt here", "doesn't arrive", "doesnt arrive",
	    "never arrives", "doesn't come", "doesnt come",
	    "not received", "haven't received", "havent received",
	    "out for delivery", "courier", "land", "be here", "any news",
	    "news on", "news about", "update on my order",
	    "update on the order", "status of my order", "delayed", "delay",
	    "get it back", "get them back", "got it back", "got them back",
	    "received it", "received them", "in that order", "here yet",
	    "arrived yet", "got lost", "get lost", "is it lost", "been lost",
	    "lost in the mail", "lost in transit", "went missing",
	    "gone missing", "exception", "did i pay", "i paid",
	    "what was the total", "order total", NULL } },
};

/* Words of ordering an item again. */
static const char *const again_words[] = { "reorder", "re-order",
	"order it again", "order them again", "buy it again",
	"buy them again", "rebuy", NULL };

/* Words of undoing an order, which come before ordering it again
 * ("cancel it, I'll reorder after the move" asks to cancel). */
static const char *const undo_words[] = { "cancel", "return", "send back",
	"send it back", "refund", NULL };

int
dlg_order_reorder_asked(struct tctx *t)
{
	return dlg_has_any(t, again_words) && !dlg_has_any(t, undo_words);
}

/* Words of sending something back, beside a list's words. */
static const char *const return_words[] = { "return", "send back",
	"send one back", "send it back", "return one", "send them back",
	NULL };

/* Words that ask when money comes. */
static const char *const refund_when[] = { "how long", "how many days",
	"how soon", "when will i get", "when do i get", "when would i get",
	NULL };

/* Words about the store in general, not one order. */
static const char *const general_words[] = { "policy", "policies",
	"in general", "usually", "normally", "how long does delivery",
	"come with", "comes with", "do you ship", "do you deliver",
	"delivery options", "shipping options", "how much is shipping",
	"shipping cost", NULL };

int
dlg_order_general(struct tctx *t)
{
	return dlg_has_any(t, general_words);
}

/*
 * Has the text one of words outside a product's name ("power bank" is
 * no bank, "Ring Battery Doorbell" no ring to return)?
 */
static int
said_outside_names(struct tctx *t, const char *const *words)
{
	const struct entity *en;
	size_t	 a, b, i;
	int	 inside;

	for (; *words != NULL; words++) {
		if (!dlg_has_word(t, *words))
			continue;
		if (!dlg_word_at(t, *words, &a, &b))
			return 1;	/* said in another form */
		inside = 0;
		for (i = 0; i < t->e->el.n && !inside; i++) {
			en = &t->e->el.v[i];
			inside = en->type == ENTITY_PRODUCT && a >= en->start &&
			    b <= en->end;
		}
		if (!inside)
			return 1;
	}
	return 0;
}

/*
 * "What would my refund be", "refund amt?", "do I get the whole 179.99
 * back": an amount asked of the money coming back.  Either word alone
 * says less: "did I get my money back" asks where it is, "how much is
 * it" the price.
 */
static int
asks_amount_back(struct tctx *t)
{
	static const char *const amount[] = { "how much", "amount", "amt",
	    "whole", "full", "total", "all of it", "everything", "come to",
	    "what would i get", "what do i get", "what will i get",
	    "what would we get", "what do we get", "what will we get",
	    "what would i see", "refund be", "how many dollars", "what money",
	    "see back", "what comes back", "what would come back",
	    "what will come back", NULL };
	static const char *const back[] = { "back", "refund", "refunded",
	    "money", "reimbursed", "reimburse", NULL };
	static const char *const other[] = { "balance", "gift card",
	    "difference", "deposit", NULL };

	return dlg_has_any(t, back) && (dlg_has_any(t, amount) ||
	    dlg_first_entity(t, ENTITY_PRICE) != NULL) &&
	    !dlg_has_any(t, other);
}

/*
 * "Will you charge anything for sending it back", "any charge to return
 * it": a charge or cost said of a return is its fee.
 */
static int
asks_return_charge(struct tctx *t)
{
	static const char *const charge[] = { "charge", "charges", "cost",
	    "costs", "deduct", "deducted", "penalty", "pay anything",
	    "take off", NULL };
	static const char *const sending[] = { "return", "returning",
	    "send back", "send it back", "sending it back", "sending back",
	    "send them back", "it back", "them back", "returned", NULL };

	return dlg_has_any(t, charge) && dlg_has_any(t, sending);
}

/* Is [a, b) of the text inside a product, brand or kind named? */
int
dlg_in_a_name(struct tctx *t, size_t a, size_t b)
{
	const struct entity *en;
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if ((en->type == ENTITY_PRODUCT || en->type == ENTITY_BRAND ||
		    en->type == ENTITY_CATEGORY) && a >= en->start &&
		    b <= en->end)
			return 1;
	}
	return 0;
}

/*
 * "Did you get my macbook back yet", "have you received the beats
 * back": getting a thing named back is where its return stands, as
 * "did you get it back" is.  Only a name and its determiner between.
 */
static int
got_item_back(struct tctx *t)
{
	static const char *const got[] = { "get", "got", "gotten", "receive",
	    "received", NULL };
	static const char *const det[] = { "my", "the", "our", "both", "those",
	    "these", NULL };
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, j, k;
	int		 named, yes = 0;
	const char *const *w;

	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0; i < n && !yes; i++) {
		for (w = got; *w != NULL; w++)
			if (dlg_own_span_is(t, tok[i].start, tok[i].end, *w))
				break;
		if (*w == NULL)
			continue;
		named = 0;
		for (j = i + 1; j < n && j <= i + 6; j++) {
			if (dlg_own_span_is(t, tok[j].start, tok[j].end,
			    "back")) {
				yes = named;
				break;
			}
			if (dlg_in_a_name(t, tok[j].start, tok[j].end)) {
				named = 1;
				continue;
			}
			for (w = det, k = 0; *w != NULL && !k; w++)
				k = dlg_own_span_is(t, tok[j].start,
				    tok[j].end, *w);
			if (!k)
				break;
		}
	}
	free(tok);
	if (!yes) {
		/* "The airpods I sent back, did you get them" */
		static const char *const sent[] = { "sent back",
		    "sent it back", "sent them back", "mailed back",
		    "mailed it back", "mailed them back", "shipped back",
		    "shipped it back", "shipped them back", NULL };
		static const char *const did_get[] = { "did you get",
		    "did u get", "did you guys get", "have you got",
		    "did you receive", "have you received", "you got them",
		    "you got it", "reach you", "reached you", NULL };

		yes = dlg_has_any(t, sent) && dlg_has_any(t, did_get);
	}
	return yes;
}

/*
 * "It stopped working but maybe it's just a setup thing? it shows
 * offline": the customer doubts the fault is the item's and wonders
 * whether the setup is to blame.  Unless they ask now for a return, a
 * replacement or the money, that asks how to fix it.
 */
int
dlg_setup_doubted(struct tctx *t)
{
	static const char *const doubt[] = { "maybe", "might be", "could be",
	    "perhaps", "or is it", "probably", NULL };
	static const char *const setup[] = { "setup", "set up", "set it up",
	    "set them up", "setting", "settings", "config", "configuration", "something i did",
	    "something wrong on my", "on my end", "my end", "user error",
	    "my fault", "doing it wrong", "doing something wrong", NULL };
	static const char *const ask[] = { "can i return", "want to return",
	    "i'd like to return", "id like to return", "want a refund",
	    "want my money", "replace it", "want a replacement",
	    "send it back", "start a return", NULL };

	return dlg_has_any(t, doubt) && dlg_has_any(t, setup) &&
	    !dlg_has_any(t, ask);
}

/*
 * "When is my webcam shipping", "is it shipping yet": "shipping" said
 * with when or yet asks when one thing leaves, not what the store's
 * shipping is ("is shipping free" keeps to the policy).
 */
static int
ships_when(struct tctx *t)
{
	static const char *const shipping[] = { "shipping", "shipped out",
	    "ship out", "go out", "going out", "sent out", "leave", "leaves",
	    NULL };
	static const char *const when[] = { "when", "yet", "how soon",
	    "what day", NULL };

	return said_outside_names(t, shipping) && dlg_has_any(t, when);
}

enum dlg_order_topic
dlg_order_topic(struct tctx *t)
{
	size_t	 i;

	if (dlg_has_any(t, general_words) || dlg_setup_doubted(t))
		return ORDQ_NONE;
	/* "Do you deliver to Manaus?" asks where the store ships, of no
	 * order's address. */
	if (dlg_ship_destination(t))
		return ORDQ_NONE;
	/* "I paid 149.99 for it, is it cheaper now?" */
	if (dlg_has_word(t, "paid") && (dlg_has_word(t, "now") ||
	    dlg_has_word(t, "cheaper")) && (dlg_first_entity(t,
	    ENTITY_PRICE) != NULL || strpbrk(t->text, "0123456789") != NULL))
		return ORDQ_PRICE_DROP;
	/* "How long until I get the refund if I return it?" asks when. */
	if (dlg_has_any(t, refund_when) && (dlg_has_word(t, "refund") ||
	    dlg_has_word(t, "money")))
		return ORDQ_REFUND;
	if (got_item_back(t))
		return ORDQ_TRACK;
	if (ships_when(t))
		return ORDQ_TRACK;
	/* "Is it still the price I paid if I reorder": what it costs
	 * now, before "I paid" reads as a question of the order's state. */
	if (dlg_order_reorder_asked(t))
		return ORDQ_PRICE_DROP;
	for (i = 0; i < sizeof topic_words / sizeof topic_words[0]; i++) {
		if (topic_words[i].topic == ORDQ_FEE && (asks_amount_back(t) ||
		    asks_return_charge(t)))
			return ORDQ_FEE;
		if (!said_outside_names(t, topic_words[i].words))
			continue;
		/* "I ordered it twice, can I send one back?" asks to
		 * return one of them. */
		if (topic_words[i].topic == ORDQ_LIST &&
		    said_outside_names(t, return_words))
			return ORDQ_RETURN;
		return topic_words[i].topic;
	}
	return ORDQ_NONE;
}

/* The support form that answers a topic. */
const char *
dlg_order_topic_form(enum dlg_order_topic topic)
{
	switch (topic) {
	case ORDQ_ADDRESS:
		return "change_shipping_address";
	case ORDQ_CANCEL:
		return "cancel_order";
	case ORDQ_REFUND:
		return "track_refund";
	case ORDQ_FEE:
	case ORDQ_RETURN:
		return "return_item";
	case ORDQ_NONE:
	case ORDQ_LIST:
	case ORDQ_SIGN:
	case ORDQ_PRICE_DROP:
	case ORDQ_DEFECT:
	case ORDQ_INVOICE:
	case ORDQ_UNLISTED:
	case ORDQ_WARRANTY:
	case ORDQ_TRACK:
	case ORDQ_ITEMS:
		break;
	}
	return "track_order";
}

/*
 * "412 Forbes Ave Apt 3, Pittsburgh PA 15213": a street address, whose
 * house number and zip code are no order numbers.
 */
int
dlg_says_address(struct tctx *t)
{
	static const char *const street[] = { "st", "street", "ave", "avenue",
	    "apt", "suite", "rd", "road", "blvd", "boulevard", "lane", "ln",
	    "drive", "dr", "ct", "court", "pl", "place", "hwy", "way", NULL };

	return dlg_has_word(t, "address") || dlg_has_any(t, street);
}
