/*
 * dlg-actions.c owns what each intent does once the policy
 * (dlg-policy.c) has come to it: the actions, one per intent, and the
 * table from intent to action with its flags (ACT_FIRST, ACT_FORM,
 * ACT_PRODUCT).  An intent the table lacks gets a fallback.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Words that make a question about the store, not a product. */
static const char *const store_topics[] = { "shipping", "delivery",
	"coupon", "coupons", "code", "codes", "promo", "price match",
	"financing", "payment", "invoice", NULL };

/* Words asking the store to match another's price. */
static const char *const match_words[] = { "price match",
	"price matching", "match the price", "match a price", "match their",
	"match it", "match that", "can you match", "can u match",
	"you guys match", "do you match", NULL };

/*
 * A promotion of the store's, asked while a product is named or in
 * focus ("is there a student discount on the asus", "can I use a coupon
 * on it"): the store's codes answer it, the product only scopes it.  A
 * code or coupon said, or a group's discount (a group word with a
 * discount word); "is it discounted" alone asks the product's price.
 */
static const char *const promo_words[] = { "coupon", "coupons", "promo",
	"promos", "promo code", "promo codes", "discount code",
	"discount codes", "voucher", "vouchers", "coupon code", NULL };
static const char *const promo_groups[] = { "student", "students",
	"teacher", "teachers", "educator",
	"educators", "education", "educational", "senior", "seniors", NULL };
static const char *const promo_deals[] = { "discount", "discounts",
	"deal", "deals", "offer", "offers", "pricing", "price", "rate", "code",
	"codes", NULL };

int
dlg_promo_question(struct tctx *t)
{
	return dlg_has_any(t, promo_words) || (dlg_has_any(t, promo_groups) &&
	    dlg_has_any(t, promo_deals));
}

/*
 * The product a promotion question names or points at ("a student
 * discount on the asus") is the one talked about next: "put it in my
 * cart" takes it.
 */
static void
promo_scope(struct tctx *t)
{
	const struct entity *en = dlg_first_entity(t, ENTITY_PRODUCT);
	static const char *const pointer[] = { "it", "this", "that",
	    "this one", "that one", NULL };
	const char	*how = NULL, *sku;
	char		*own;
	struct product	 p;

	if (en != NULL && en->sku != NULL &&
	    dlg_count_entities(t, ENTITY_PRODUCT) == 1)
		sku = en->sku;
	else if (dlg_count_entities(t, ENTITY_PRODUCT) == 0)
		sku = dlg_resolve_reference(t, &how);
	else
		sku = NULL;
	/* "On it", "for this one": the product in focus. */
	if (sku == NULL && dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
	    dlg_has_any(t, pointer))
		sku = dlg_focus_top(t, 0);
	if (sku == NULL)
		return;
	/* A copy: the push frees the state's string it may point into. */
	sku = own = xstrdup(sku);
	dlg_focus_push(t, sku);
	/* Named in the answer: which codes cover it, their conditions say. */
	if (t->action != NULL && strcmp(t->action, "policy_answer") == 0 &&
	    dlg_load_product(t, sku, &p)) {
		dlg_product_slots(t, &p, "");
		dlg_cite(t, "product", p.sku, p.name, "price");
		dlg_say(t, "promo_scope");
		product_release(&p);
	}
	free(own);
}

/* The store's promotions from its policies and FAQ, scoped to the
 * product named or pointed at; 1 when answered. */
int
dlg_promo_answer(struct tctx *t)
{
	if (!dlg_handle_kb(t, SEARCH_KIND_BIT(SEARCH_POLICY) |
	    SEARCH_KIND_BIT(SEARCH_FAQ), "policy_answer", "faq_answer"))
		return 0;
	promo_scope(t);
	dlg_coupon_note(t);
	return 1;
}

/* The actions, one per intent (the table is below). */

void
dlg_act_ask_person(struct tctx *t)
{
	dlg_escalate(t, "customer asked for a person");
}

/*
 * A complaint: asking to file one goes to a person; a customer venting
 * about a problem ("the TV arrived broken") gets the store's answer to
 * it, after the apology dlg_policy gives, or is asked what happened.
 */
static void
act_complaint(struct tctx *t)
{
	static const char *const filing[] = { "complaint", "complain",
	    NULL };

	if (dlg_has_any(t, filing)) {
		dlg_escalate(t, "complaint");
		return;
	}
	/*
	 * About a product named or in focus ("it doesn't show up in File
	 * Explorer"): its manual and tickets answer before the policies.
	 */
	if ((dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_focus_top(t, 0) != NULL) && dlg_handle_kb_strong(t,
	    SEARCH_KIND_BIT(SEARCH_MANUAL) | SEARCH_KIND_BIT(SEARCH_TICKET) |
	    SEARCH_KIND_BIT(SEARCH_POLICY) | SEARCH_KIND_BIT(SEARCH_FAQ),
	    KB_STRONG))
		return;
	if (dlg_handle_kb(t, SEARCH_KIND_BIT(SEARCH_POLICY) |
	    SEARCH_KIND_BIT(SEARCH_FAQ), "policy_answer", "faq_answer"))
		return;
	dlg_set_action(t, "complaint_ask", "a complaint without a matching "
	    "policy");
	dlg_say(t, "complaint_ask");
}

/*
 * Small talk while a person is on the way: no fresh welcome, no
 * goodbye, only that they will join.  1 when that was the turn.
 */
static int
small_talk_waiting(struct tctx *t)
{
	if (!dlg_waiting(t))
		return 0;
	dlg_set_action(t, "escalation_wait", "%s while waiting for an agent",
	    t->intent);
	dlg_waiting_reply(t, strcmp(t->intent, "greeting") != 0);
	return 1;
}

static void
act_greeting(struct tctx *t)
{
	if (small_talk_waiting(t))
		return;
	dlg_set_action(t, "greet", "greeting");
	dlg_say(t, "greeting");
}

static void
act_goodbye(struct tctx *t)
{
	if (small_talk_waiting(t))
		return;
	dlg_set_action(t, "goodbye", "goodbye");
	dlg_say(t, "goodbye");
}

/* Words that thank; "I need help" read as thanks has none of them. */
static const char *const thank_words[] = { "thank", "thanks", "thx",
	"ty", "cheers", "appreciate", "appreciated", "great", "perfect",
	"awesome", "cool", "nice", "helpful", "brilliant", "wonderful",
	"excellent", "lovely", NULL };

static void
act_thanks(struct tctx *t)
{
	if (small_talk_waiting(t))
		return;
	if (!dlg_has_any(t, thank_words)) {
		/* A call for help is no thanks: offer what the bot does. */
		dlg_set_action(t, "help_offer", "read as thanks without a "
		    "word that thanks");
		dlg_say(t, "help_offer");
		return;
	}
	dlg_set_action(t, "thanks", "thanks");
	dlg_say(t, "thanks");
}

/* "Yes" or "no" when the bot asked nothing. */
static void
act_ack(struct tctx *t)
{
	if (small_talk_waiting(t))
		return;
	dlg_set_action(t, "ack", "%s with nothing pending", t->intent);
	dlg_say(t, "ack");
}

/*
 * Does the message open as a question about how things work ("can I
 * cancel an order", "what happens if my parcel is late") rather than a
 * request about one order?
 */
int
dlg_general_question(struct tctx *t)
{
	static const char *const opens[] = { "can i ", "can an ", "can a ",
	    "how do ", "how does ", "how can ", "how long ", "is it ",
	    "is there ", "what happens ", "what if ", "what do i ",
	    "what should ", "do you ", "do i ", "will i ", "will you ",
	    "when will ", "when do ", "do your ", "does your ", "are your ",
	    "is your ", NULL };
	const char	*p = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	size_t		 i;

	/* "Fine. can i pay with paypal": past the yes or no. */
	p += dlg_lead_len(p, strlen(p));
	for (i = 0; opens[i] != NULL; i++)
		if (strncmp(p, opens[i], strlen(opens[i])) == 0)
			return 1;
	return 0;
}

/*
 * Tracking, cancelling, changing an order: the form of that name.  A
 * customer not signed in, with no order number, gets the store's answer
 * first ("tracking says delivered but nothing came": what to do), and
 * then the question for the number: no order of theirs can be read
 * yet.  Unless asked as a question of how things work, the answer must
 * hold more of their words than the store's own ("where is my package"
 * asks about one order, which no FAQ knows).
 */
static void
act_order_form(struct tctx *t)
{
	cJSON	*form = cJSON_GetObjectItemCaseSensitive(t->state, "form");

	if (!t->have_cust && dlg_first_entity(t, ENTITY_ORDER_ID) == NULL &&
	    !cJSON_IsObject(form) && (dlg_general_question(t) ?
	    dlg_handle_kb_strong(t, KB_STORE_KINDS, KB_STRONG) :
	    dlg_handle_kb_told(t, KB_STORE_KINDS, KB_OOS_STRONG)))
		dlg_jset_str(t->trace, "order_general", "answered from the "
		    "documents before asking for the order");
	dlg_handle_order(t, t->intent);
}

static const char *const own_purchase[] = { "i bought", "i ordered",
	"i got", "my order", NULL };

static void
act_return(struct tctx *t)
{
	const struct entity *oid = dlg_first_entity(t, ENTITY_ORDER_ID);
	const struct entity *pe = dlg_first_entity(t, ENTITY_PRODUCT);
	cJSON		*form = cJSON_GetObjectItemCaseSensitive(t->state,
	    "form");
	int		 policy_q;

	/* "What is your return policy?" asks about no order. */
	policy_q = oid == NULL && (dlg_has_word(t, "policy") ||
	    dlg_has_word(t, "window")) && (pe == NULL ||
	    pe->extractor == EXTRACTOR_FUZZY);
	/* "I want to return something I bought": an order of theirs,
	 * which a visitor who has not signed in is asked to name. */
	if (!policy_q && (oid != NULL || (cJSON_IsObject(form) &&
	    dlg_jstr(form, "order_id") != NULL) || t->have_cust ||
	    dlg_has_any(t, own_purchase))) {
		/* A visitor's own purchase ("I bought a TV on Nov 2, can I
		 * still return it?"): the window first, then which order. */
		if (!t->have_cust && oid == NULL && !cJSON_IsObject(form))
			(void)dlg_handle_kb(t, KB_STORE_KINDS,
			    "policy_answer", "faq_answer");
		dlg_handle_order(t, "return_item");
		return;
	}
	if (dlg_handle_kb(t, SEARCH_KIND_BIT(SEARCH_POLICY) |
	    SEARCH_KIND_BIT(SEARCH_FAQ), "policy_answer", "faq_answer"))
		return;
	dlg_handle_order(t, "return_item");
}

void
dlg_act_recommend(struct tctx *t)
{
	/* "S90D or C4, which would you get?": the two named, side by side. */
	if (dlg_named_pair(t)) {
		dlg_handle_compare(t);
		return;
	}
	dlg_update_filters(t);
	dlg_handle_recommend(t);
}

void
dlg_act_compare(struct tctx *t)
{
	dlg_handle_compare(t);
}

static void
act_manual(struct tctx *t)
{
	if (dlg_handle_kb(t, SEARCH_KIND_BIT(SEARCH_MANUAL) |
	    SEARCH_KIND_BIT(SEARCH_TICKET) | SEARCH_KIND_BIT(SEARCH_FAQ),
	    strcmp(t->intent, "troubleshooting") == 0 ? "troubleshoot" :
	    "usage_advice", "manual_answer") || dlg_trouble_none(t))
		return;
	dlg_fallback(t, "no manual or ticket matches");
}

/*
 * A product's trouble told in its own words ("the screen went black
 * but the keyboard lights are on") can read as a question about its
 * specifications: it is a problem to solve.
 */
static const char *const trouble_words[] = { "went black", "goes black",
	"went dark", "won't", "wont", "doesn't work", "not working",
	"stopped working", "stopped", "broken", "died", "dies", "dead",
	"no sound", "flickers", "flickering", "froze", "frozen", "crashes",
	"keeps turning off", NULL };

/* A problem with a product named or in focus that its manual or
 * tickets answer well.  1 when answered. */
int
dlg_product_trouble(struct tctx *t)
{
	const struct entity *en = dlg_first_entity(t, ENTITY_PRODUCT);

	if (dlg_has_any(t, trouble_words) && !dlg_has_any(t, store_topics) &&
	    (dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_focus_top(t, 0) != NULL) && dlg_handle_kb_strong(t,
	    SEARCH_KIND_BIT(SEARCH_MANUAL) | SEARCH_KIND_BIT(SEARCH_TICKET),
	    KB_STRONG)) {
		dlg_set_action(t, "troubleshoot", "a problem told as a "
		    "product question; its manual answers");
		/* The product named is the one "it" means next. */
		if (en != NULL && en->sku != NULL)
			dlg_focus_push(t, en->sku);
		return 1;
	}
	return 0;
}

/*
 * "The sennheiser one, battery?": an attribute asked in a few words,
 * with no problem told and no how-to, read as troubleshooting: the
 * specification answers, not a guide to battery care.
 */
int
dlg_spec_fragment(struct tctx *t)
{
	static const char *const howto[] = { "how do", "how to", "how can",
	    "set", "setup", "reset", "fix", "help", "normal", "why", "not",
	    "no", "can't", "cant", "doesn't", "keeps", "slow", "hot",
	    "drops", "dropping", "drains", "draining", "error", "problem",
	    "issue", NULL };
	const char	*p = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	size_t		 words = 0;

	for (; *p != '\0'; p++)
		words += *p != ' ' && (p[1] == ' ' || p[1] == '\0');
	return (strcmp(t->intent, "troubleshooting") == 0 ||
	    strcmp(t->intent, "usage_advice") == 0) &&
	    words <= 6 && !dlg_has_any(t, trouble_words) &&
	    !dlg_has_any(t, howto);
}

/* A question about a product: its answer, else a list or the FAQ. */
void
dlg_act_product(struct tctx *t)
{
	const char	*how = NULL;

	if (dlg_product_trouble(t))
		return;
	dlg_update_filters(t);
	/*
	 * "How much is shipping?" with a laptop in focus asks about the
	 * store, not the laptop: a store topic and no product named or
	 * pointed at go to the FAQ and policies.
	 */
	if (dlg_has_any(t, store_topics) &&
	    dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
	    dlg_resolve_reference(t, &how) == NULL &&
	    dlg_handle_kb(t, SEARCH_KIND_BIT(SEARCH_POLICY) |
	    SEARCH_KIND_BIT(SEARCH_FAQ), "policy_answer", "faq_answer"))
		return;
	/* A promotion of the store's, whatever product scopes it. */
	if (dlg_promo_question(t) && dlg_promo_answer(t))
		return;
	/* "Saw it cheaper at Best Buy, can you match": the store's price
	 * match, whatever product scopes it; the product's own price does
	 * not answer whether the store matches another's. */
	if (dlg_has_any(t, match_words) && dlg_handle_kb(t,
	    SEARCH_KIND_BIT(SEARCH_POLICY) | SEARCH_KIND_BIT(SEARCH_FAQ),
	    "policy_answer", "faq_answer"))
		return;
	if (dlg_handle_product_question(t, t->intent))
		return;
	/* No product: a category or budget means a recommendation. */
	if (dlg_first_entity(t, ENTITY_CATEGORY) != NULL ||
	    dlg_first_entity(t, ENTITY_BRAND) != NULL ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0) {
		if (dlg_count_entities(t, ENTITY_PRODUCT) > 0 &&
		    dlg_handle_product_search(t))
			return;
		dlg_handle_recommend(t);
		return;
	}
	if (dlg_handle_kb(t, SEARCH_KIND_BIT(SEARCH_POLICY) |
	    SEARCH_KIND_BIT(SEARCH_FAQ), "policy_answer", "faq_answer"))
		return;
	if (dlg_handle_product_search(t))
		return;
	dlg_fallback(t, "product question without a product");
}

static void
act_compatibility(struct tctx *t)
{
	/* "Can I use a coupon on it" is no product it works with. */
	if (dlg_promo_question(t)) {
		dlg_act_product(t);
		return;
	}
	if (!dlg_handle_compat(t))
		dlg_act_product(t);
}

/* Intents answered from the FAQ and policy documents. */
void
dlg_act_faq(struct tctx *t)
{
	if (dlg_handle_kb(t, SEARCH_KIND_BIT(SEARCH_FAQ) |
	    SEARCH_KIND_BIT(SEARCH_POLICY), "faq_answer", "faq_answer"))
		return;
	dlg_fallback(t, "no FAQ or policy matches");
}

/* Is intent id one the FAQ and policies answer (dlg_act_faq)? */
int
dlg_store_intent(const struct tctx *t, int id)
{
	const struct dlg_action *a = dlg_action_of(t, id);

	return a != NULL && a->act == dlg_act_faq;
}

/* The policy table: what each intent does.  Unlisted: a fallback. */
static const struct dlg_action actions[] = {
	{ "contact_human_agent", dlg_act_ask_person, ACT_FIRST },
	{ "complaint", act_complaint, ACT_FIRST },
	{ "greeting", act_greeting, 0 },
	{ "goodbye", act_goodbye, 0 },
	{ "thanks", act_thanks, 0 },
	{ "affirm", act_ack, 0 },
	{ "deny", act_ack, 0 },
	{ "track_order", act_order_form, ACT_FORM },
	{ "cancel_order", act_order_form, ACT_FORM },
	{ "track_refund", act_order_form, ACT_FORM },
	{ "change_order", act_order_form, ACT_FORM },
	{ "change_shipping_address", act_order_form, ACT_FORM },
	{ "return_item", act_return, ACT_FORM },
	{ "get_refund", act_return, ACT_FORM },
	{ "recommendation", dlg_act_recommend, ACT_PRODUCT },
	{ "comparison", dlg_act_compare, ACT_PRODUCT },
	{ "compatibility", act_compatibility, ACT_PRODUCT },
	{ "troubleshooting", act_manual, 0 },
	{ "usage_advice", act_manual, ACT_PRODUCT },
	{ "product_inquiry", dlg_act_product, ACT_PRODUCT },
	{ "product_specs", dlg_act_product, ACT_PRODUCT },
	{ "stock_availability", dlg_act_product, ACT_PRODUCT },
	{ "price_promotions", dlg_act_product, ACT_PRODUCT },
	{ "warranty", dlg_act_product, ACT_PRODUCT },
	{ "check_cancellation_fee", dlg_act_faq, 0 },
	{ "check_invoice", dlg_act_faq, 0 },
	{ "check_payment_methods", dlg_act_faq, 0 },
	{ "check_refund_policy", dlg_act_faq, 0 },
	{ "contact_customer_service", dlg_act_faq, 0 },
	{ "create_account", dlg_act_faq, 0 },
	{ "delete_account", dlg_act_faq, 0 },
	{ "delivery_options", dlg_act_faq, 0 },
	{ "delivery_period", dlg_act_faq, 0 },
	{ "edit_account", dlg_act_faq, 0 },
	{ "get_invoice", dlg_act_faq, 0 },
	{ "newsletter_subscription", dlg_act_faq, 0 },
	{ "payment_issue", dlg_act_faq, 0 },
	{ "place_order", dlg_act_faq, 0 },
	{ "recover_password", dlg_act_faq, 0 },
	{ "registration_problems", dlg_act_faq, 0 },
	{ "review", dlg_act_faq, 0 },
	{ "set_up_shipping_address", dlg_act_faq, 0 },
	{ "switch_account", dlg_act_faq, 0 },
};

const struct dlg_action **
dlg_policy_table(void)
{
	const struct dlg_action **by_id;
	size_t		 n, i;
	int		 id;

	intent_names(&n);
	by_id = xcalloc(n, sizeof *by_id);
	for (i = 0; i < sizeof actions / sizeof actions[0]; i++)
		if ((id = intent_id(actions[i].intent)) >= 0)
			by_id[id] = &actions[i];
	return by_id;
}

/* The action of intent id, or NULL. */
const struct dlg_action *
dlg_action_of(const struct tctx *t, int id)
{
	return id >= 0 ? t->e->actions[id] : NULL;
}

unsigned
dlg_flags_of(const struct tctx *t, int id)
{
	const struct dlg_action *a = dlg_action_of(t, id);

	return a != NULL ? a->flags : 0;
}
