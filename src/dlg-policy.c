/*
 * dlg-policy.c: the policy chooses the action of a turn from the intent,
 * the entities and the dialogue state, and carries it out through the
 * sales, support and knowledge modules.  A few steps come first, in
 * order: the answer to the bot's last question (a pending offer, an
 * order number a form asked for), a request for a person, an unclear
 * intent settled by the entities, a product referred to ("the second
 * one").  Then a table from intent to action decides (the actions
 * and the table live in dlg-actions.c).  Answers to the bot's
 * questions live in dlg-pending.c, fallbacks, feelings and the
 * hand-over in dlg-escalate.c.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

/* How many of "first", "second"... the customer said. */
static int
ordinals_said(struct tctx *t)
{
	int	 i, n = 0;

	for (i = 0; dlg_ordinals[i] != NULL; i++)
		n += dlg_has_word(t, dlg_ordinals[i]);
	return n;
}

/* The intent acted upon becomes name (a canonical intent name). */
void
dlg_set_intent(struct tctx *t, const char *name)
{
	t->intent = name;
	t->intent_id = intent_id(name);
}

/* Below this probability of no feeling, a turn is clearly upset. */
#define UPSET_CLEAR	0.25f

/*
 * "The cheaper one", "the second one" in a product question with no
 * product named: the answer is about that product.  1 when answered.
 */
static int
referred_product(struct tctx *t)
{
	const char	*how = NULL, *sku;

	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    (strcmp(t->intent, "comparison") == 0 && ordinals_said(t) >= 2))
		return 0;
	sku = dlg_resolve_reference(t, &how);
	return sku != NULL && strcmp(how, "it") != 0 &&
	    dlg_handle_product_question(t,
	    strcmp(t->intent, "comparison") == 0 ||
	    strcmp(t->intent, "recommendation") == 0 ?
	    "product_inquiry" : t->intent);
}

/*
 * "Can I pay with PayPal?" while an order is in focus asks how the store
 * works, not about that order: a clear store-information intent asked
 * as a question, with no order named or pointed at, that the FAQ or a
 * policy answers well.  1 when answered.
 */
static int
store_question(struct tctx *t, const struct intent_result *ir)
{
	static const char *const pointing[] = { "my", "it", "its", "that",
	    "this", "them", "order", "one", NULL };
	const struct dlg_action *a = dlg_action_of(t, t->intent_id);

	return t->have_cust && ir->verdict == INTENT_OK && a != NULL &&
	    a->act == dlg_act_faq && dlg_general_question(t) &&
	    dlg_first_entity(t, ENTITY_ORDER_ID) == NULL &&
	    !dlg_has_any(t, pointing) && dlg_handle_kb(t, KB_STORE_KINDS,
	    "faq_answer", "faq_answer");
}

/*
 * "Can I use two gift cards on one order", "can I pay with amex on my
 * order", "do you take paypal": what paying at checkout allows, asked
 * in general, even with "order" said.  A way of paying said with words
 * of being able or allowed; no order number, and nothing that went
 * wrong or money coming back (those are an order's).  The FAQ or a
 * policy answers; 1 when answered.
 */
static int
checkout_question(struct tctx *t)
{
	static const char *const paying[] = { "pay", "paying", "payment",
	    "payments", "gift card", "gift cards", "giftcard", "giftcards",
	    "amex", "american express", "paypal", "visa", "mastercard",
	    "discover", "apple pay", "google pay", "affirm", "klarna",
	    "afterpay", "financing", "installments", "credit card",
	    "debit card", NULL };
	static const char *const able[] = { "can i", "could i", "can we",
	    "may i", "am i able", "is it possible", "do you take",
	    "do you accept", "do you guys take", "do you guys accept",
	    "do u take", "do u accept", "accepted", "allowed", "split",
	    "combine", NULL };
	static const char *const wrong[] = { "declined", "rejected",
	    "failed", "error", "charged", "refund", "refunded", "back",
	    "didn't", "didnt", "won't", "wont", "isn't", "isnt", "not going",
	    "keeps", "twice", "paid", "still", NULL };
	const char	*was;

	if (!dlg_has_any(t, paying) || !dlg_has_any(t, able) ||
	    dlg_has_any(t, wrong) ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    dlg_first_entity(t, ENTITY_PRODUCT) != NULL)
		return 0;
	was = t->intent;
	dlg_set_intent(t, "check_payment_methods");
	if (!dlg_handle_kb(t, KB_STORE_KINDS, "faq_answer", "faq_answer")) {
		dlg_set_intent(t, was);
		return 0;
	}
	dlg_jset_str(t->trace, "checkout_question", "what paying allows, "
	    "asked in general: the store's answer, not an order's");
	return 1;
}

/* "The hp", "and the second?", "the zenbook": the product pointed at
 * or named, shown; 1 when the pointer names one (not "it"). */
static int
pointed_product(struct tctx *t)
{
	const char	*how = NULL;

	/* A name said alone ("the zenbook") is as good a pointer. */
	if (dlg_count_entities(t, ENTITY_PRODUCT) != 1 &&
	    (dlg_count_entities(t, ENTITY_PRODUCT) > 1 ||
	    dlg_resolve_reference(t, &how) == NULL || how == NULL ||
	    strcmp(how, "it") == 0))
		return 0;
	dlg_set_intent(t, "product_inquiry");
	return dlg_handle_product_question(t, "product_inquiry");
}

/*
 * The policy's steps after the feelings, first those that read the
 * whole conversation: the question before asked of another product, a
 * product the catalog lacks, the cart (1 when one was the turn).
 */
static int
policy_first(struct tctx *t, const struct intent_result *ir)
{
	/* "How much would I get back if I swap to the G502": the price
	 * paid for the item bought beside the other's now, never the
	 * catalog price alone. */
	if (dlg_exchange_money(t))
		return 1;
	/* "15%?? on 2000 bucks": the last answer's fact, confirmed. */
	if (dlg_reaction(t))
		return 1;
	/* "Something like the buds i ordered but cheaper": that kind,
	 * under the price paid or asked. */
	if (dlg_cheaper_like(t))
		return 1;
	/* "How much storage does it have" after an order's answer: the
	 * order's item (its kind's word an attribute), or which item. */
	if (dlg_order_item_question(t))
		return 1;
	/* "And the sd cards, are they coming today?", "same thing with
	 * the case from november" after an order's answer: the order
	 * holding them, not the catalog nor the compatibility before. */
	if (dlg_order_switch(t))
		return 1;
	/* "What about a Pixel 8?": the compatibility asked before, with
	 * that device. */
	if (dlg_compat_followup(t))
		return 1;
	/* "Ok and the keyboard one" after an order's answer: its order. */
	if (dlg_order_followup(t))
		return 1;
	/* "My ipad mini order, was it the 64gb one": that order's. */
	if (dlg_owned_order(t))
		return 1;
	/* "The Anker one then?": the question before, about that one. */
	dlg_elliptic(t);
	/* "The 256 then": the variant takes the focus before anything. */
	dlg_handle_variant(t, 0);
	/* "Make it two", "actually just one": a line of the cart changed,
	 * said without the cart (dlg-cartedit.c). */
	if (dlg_cart_edit(t)) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		return 1;
	}
	/* "So ps5 plus the drive, how much total": what the products
	 * meant come to, outside the cart. */
	if (dlg_total_items(t)) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		return 1;
	}
	/* "I want two", "could i get 3?" with a product in focus: a count
	 * bought, before "two" reads as two-factor or two devices. */
	if (dlg_focus_top(t, 0) != NULL && dlg_count_taken(t) > 1 &&
	    dlg_handle_cart(t)) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		return 1;
	}
	/*
	 * "Add it to my cart": an action whatever the classifier says, and
	 * an answer to an offered "see the specs?" that takes the product.
	 */
	/* A product the catalog lacks: said so, never another in its place. */
	if (((dlg_flags_of(t, t->intent_id) & ACT_PRODUCT) ||
	    ir->verdict != INTENT_OK) && dlg_unknown_product(t))
		return 1;
	/* "What ssd can i put in it": those of that kind that fit it,
	 * not its own storage. */
	if (dlg_handle_fit_question(t))
		return 1;
	/* "Is it backlit?" after two keyboards listed for the iPad: one
	 * of those offered, asked which, never the iPad they are for. */
	if (dlg_ask_which_offered(t)) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		return 1;
	}
	/* "Is there a student discount on the asus", "can I use a coupon
	 * on this order": the store's promotions, the product only
	 * scoping the question (dlg_promo_question). */
	if (dlg_promo_question(t) && !dlg_cart_removal(t) &&
	    (strchr(t->text, '?') != NULL || (t->fold.s.buf != NULL &&
	    (dlg_clause_opens_question(t->fold.s.buf) ||
	    strncmp(t->fold.s.buf, "any ", 4) == 0))) &&
	    dlg_first_entity(t, ENTITY_ORDER_ID) == NULL &&
	    (dlg_account_question(t) || dlg_promo_answer(t)))
		return 1;
	/* "Can I take it in the pool?": a question about a feature is
	 * answered before any action is considered. */
	if (!dlg_cart_removal(t) && dlg_feature_question(t, 1))
		return 1;
	/* "Is it any good for vlogging?": what its listing says of that. */
	if (dlg_suitability(t))
		return 1;
	/* "Can I buy it later?" about a warranty plan is no cart action;
	 * "the standard dualsense" is a product, not standard shipping. */
	if (!dlg_base_named(t) && dlg_account_question(t))
		return 1;
	if (dlg_handle_cart(t)) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		return 1;
	}
	return 0;
}

/*
 * Then, with the focus guarded (dlg_focus_guard: a kind, brand or
 * product named that the focus is not keeps it out): a pending question
 * answered or a form slot filled; a question about the list shown; an
 * unclear intent settled; then the intent's action from the table.
 */
static void
policy_act(struct tctx *t, const struct intent_result *ir)
{
	const struct dlg_action *a;
	const char	*pend;

	static const char *const among[] = { "which of those",
	    "which of them", "which of these", "which ones",
	    "any of those", "any of them", "any of these", NULL };

	/* "Which of those lasts longest?": those shown ranked by a
	 * specification.  "Any others?", "cheaper?": more of the last
	 * list, not those shown. */
	/* "How much heavier is the razer": two values and the gap. */
	if (dlg_how_much_more(t))
		return;
	if (dlg_rank_shown(t) || dlg_handle_more(t) ||
	    dlg_handle_comparative(t))
		return;
	/* "The cheapest one with google assistant": those shown that list
	 * it, then the price. */
	if (dlg_rank_with(t))
		return;
	/* "The cheapest of those" when two cost the same: which one. */
	if (dlg_ask_rank_tie(t))
		return;
	/* "Which of them fits it?": compatibility among those shown.
	 * "Which of those is sweatproof?": a need the lists' filters read
	 * narrows those shown by the tests the lists use (dlg-recommend.c);
	 * any other question over the list is answered member by member
	 * (dlg-members.c), whatever the classifier made of it. */
	if (dlg_handle_compat_among(t) || (dlg_has_any(t, among) &&
	    dlg_need_said(t) && dlg_handle_narrow(t)))
		return;
	if (dlg_list_question(t)) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		return;
	}
	/* "Number 6" after five shown: which, never the one in focus. */
	if (dlg_ask_place_beyond(t))
		return;
	/* "#2 please" after "see the specs?" picks a member: no yes (a
	 * place among the options of a clarifying question stays one). */
	pend = dlg_jstr(cJSON_GetObjectItemCaseSensitive(t->state,
	    "pending"), "action");
	if (pend != NULL && strcmp(pend, "choose") != 0 &&
	    dlg_position_reference(t) != NULL)
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
	if (dlg_narrow_offer(t) || dlg_answer_pending(t, ir))
		return;
	/* "The middle one, is it oled?" after a list: that one's facts,
	 * whatever the classifier made of "oled". */
	if (strcmp(t->intent, "troubleshooting") == 0 && dlg_listed_pick(t)) {
		dlg_set_intent(t, "product_specs");
		if (dlg_handle_product_question(t, t->intent))
			return;
	}
	/* "The watch6 and the pixel watch 2", "the first two": each; "the
	 * watch ultra vs the apple watch ultra 2": side by side. */
	a = dlg_action_of(t, t->intent_id);
	if (a != NULL && (a->act == dlg_act_product || ((a->act ==
	    dlg_act_compare || a->act == dlg_act_recommend) &&
	    !dlg_weighing_said(t)))) {
		if (a->act == dlg_act_product && dlg_named_pair(t)) {
			dlg_handle_compare(t);
			return;
		}
		if (dlg_handle_together(t))
			return;
	}
	/* "Noise cancelling?", "how much is it, thanks": one product's
	 * fact, before the steps that read the turn as about an order. */
	if (dlg_stock_question(t) || dlg_feature_question(t, 0) ||
	    dlg_handle_fact(t))
		return;
	/* "And the samsung one, when's that coming?": about an order. */
	if (store_question(t, ir) || checkout_question(t) ||
	    dlg_payment_question(t) ||
	    dlg_order_question(t))
		return;
	/* "The evo one" when two shown are: which, before any answer. */
	if (dlg_ask_which_named(t))
		return;
	/* "The 55 inch one": one of those shown, before a narrowing;
	 * "the hp" alone, whatever its few words suggest. */
	if ((ir->verdict != INTENT_OK || (dlg_flags_of(t, t->intent_id) &
	    ACT_PRODUCT)) && dlg_said_one(t) && referred_product(t))
		return;
	if ((dlg_only_pointer(t) && pointed_product(t)) ||
	    dlg_ask_which_shown(t) || dlg_ask_which_kind(t))
		return;
	/* "Return window for headphones?": a policy's, not a list. */
	if (dlg_kind_policy(t))
		return;
	/* "Want a 65 inch TV, no more than $1500": a kind wanted, read
	 * as another intent or none clearly (a clear product question
	 * goes on to its action below; words found off topic stay so). */
	if ((ir->verdict != INTENT_OUT_OF_SCOPE ||
	    dlg_first_entity(t, ENTITY_CATEGORY) != NULL) && (ir->verdict !=
	    INTENT_OK || !(dlg_flags_of(t, t->intent_id) & ACT_PRODUCT) ||
	    (strcmp(t->intent, "comparison") == 0 &&
	    dlg_count_entities(t, ENTITY_PRODUCT) < 2) ||
	    (dlg_first_entity(t, ENTITY_PRICE) != NULL &&
	    dlg_first_entity(t, ENTITY_PRICE)->has_max)) &&
	    dlg_handle_shopping(t))
		return;
	/* "Which one has the longest battery?": among the last list.
	 * "The cheapest mesh that does 3000+": of a kind, with a need. */
	if (dlg_handle_cheapest_need(t) ||
	    dlg_handle_best_of(t) || dlg_handle_pair(t) ||
	    dlg_handle_accessory(t) ||
	    dlg_handle_narrow(t) ||
	    dlg_handle_variant(t, 1) || dlg_handle_colour(t))
		return;
	/* "Will it charge a macbook": a device after a verb of use asks
	 * whether the product works with it, not for a feature. */
	if (dlg_use_verb_device(t) && (strcmp(t->intent,
	    "compatibility") == 0 ? dlg_handle_compat(t) :
	    dlg_handle_compat_words(t)))
		return;
	/* "Can I swim with it?": a specification, whatever the classifier
	 * made of it when it found no clear intent or only small talk. */
	if ((ir->verdict != INTENT_OK || dlg_small_talk(t) ||
	    dlg_spec_fragment(t) || dlg_spec_asked(t)) &&
	    (dlg_product_trouble(t) || dlg_handle_spec_question(t)))
		return;
	if (dlg_handle_compat_words(t))
		return;
	a = dlg_action_of(t, t->intent_id);
	/* A person or a complaint acts first when sure, or when the words
	 * say so; an unsure guess at one ("would the R50 suit a novice" as
	 * a complaint) is settled like any other. */
	if (a == NULL || !(a->flags & ACT_FIRST) || (ir->verdict !=
	    INTENT_OK && !dlg_option_grounded(t, t->intent_id))) {
		if (dlg_settle_intent(t, ir))
			return;
		a = dlg_action_of(t, t->intent_id);
	}
	if (a != NULL && (a->flags & ACT_PRODUCT) && referred_product(t))
		return;
	if (a == NULL) {
		dlg_fallback(t, "no action for this intent");
		return;
	}
	a->act(t);
}

/*
 * A second request in the same message (dlg-two.c): its action alone,
 * through the same steps and focus guard as a message of its own; the
 * feelings were weighed with the first.
 */
void
dlg_policy_more(struct tctx *t, const struct intent_result *ir)
{
	if (policy_first(t, ir))
		return;
	dlg_focus_guard(t);
	policy_act(t, ir);
	dlg_focus_unguard(t);
}

/* Was the turn acted on as shopping: a list, a product's answer, the
 * cart? */
static int
shopping_turn(const struct tctx *t)
{
	static const char *const acts[] = { "recommend", "ask_needs",
	    "product_info", "cart_add", "show_specs", "compare", NULL };
	const char *const *a;

	if (strcmp(t->intent, "recommendation") == 0)
		return 1;
	for (a = acts; t->action != NULL && *a != NULL; a++)
		if (strcmp(t->action, *a) == 0)
			return 1;
	return 0;
}

/* A problem the customer suffers, or the feeling said in words: with
 * one, a frustrated reading that is not clear still earns the apology. */
static const char *const suffered[] = { "broken", "broke", "dead",
	"died", "cracked", "damaged", "defective", "faulty", "not working",
	"isn't working", "isnt working", "doesn't work", "doesnt work",
	"stopped working", "won't work", "wont work", "late", "delayed",
	"hasn't moved", "hasnt moved", "never got", "never came",
	"never arrived", "never received", "still no", "still not",
	"still hasn't", "still hasnt", "locked out", "locked", "wrong",
	"charged twice", "double charged", "missing", "lost",
	"ridiculous", "unacceptable", "wtf", "seriously", "annoyed",
	"annoying", "fed up", "frustrated", "frustrating", "furious",
	"angry", "upset", "disappointed", "third time", "again and again",
	"no time for this", "don't have time", "dont have time",
	"keeps rejecting", "keeps failing", NULL };

/*
 * The policy: choose and carry out the action for this turn.  Feelings
 * come first: a question about the bot gets an honest answer; a second
 * upset turn or a request for a person escalates; a first upset turn
 * gets its answer after an apology and the offer of a person.  Small
 * talk never counts as upset.
 */
void
dlg_policy(struct tctx *t, const struct intent_result *ir)
{
	const struct feeling_result *fr = &t->e->fr;
	int	 upset, clear, n, again;
	cJSON	*pending;

	if (dlg_about_bot(t) || dlg_wait_question(t) || dlg_handle_notify(t))
		return;
	/* The kind and brand asked for, settled against the catalog before
	 * any action reads them (dlg-kindread.c). */
	if (dlg_kind_read(t))
		return;
	/* A guess at small talk or at a complaint is no reading of the
	 * feeling: "you are useless" taken for thanks at 0.34 is still
	 * angry, "the dog chewed my cable, any braided ones" taken for a
	 * complaint at 0.29 says no feeling. */
	upset = (fr->feeling != FEELING_NONE ||
	    (strcmp(t->intent, "complaint") == 0 &&
	    ir->verdict == INTENT_OK)) &&
	    !(dlg_small_talk(t) && ir->verdict == INTENT_OK);
	/* "Noise cancelling?", "refresh rate": every word names an
	 * attribute, none says a feeling. */
	if (upset && (dlg_spec_only(t) || dlg_feature_plain(t)))
		upset = 0;
	/*
	 * An apology costs little when the model is wrong, a hand-over
	 * much: only a clearly upset turn counts toward one.
	 */
	clear = upset && fr->score[FEELING_NONE] < UPSET_CLEAR;
	n = (int)dlg_jnum(t->state, "upset", 0) + clear;
	again = dlg_jnum(t->state, "upset_last", 0) > 0;
	if (clear) {
		dlg_jset_num(t->state, "upset", n);
		dlg_jset_num(t->state, "upset_last", 1);
	} else
		cJSON_DeleteItemFromObjectCaseSensitive(t->state,
		    "upset_last");
	/* "HUMAN. now" is the answer to any question the bot asked;
	 * "the one with google assistant" names a feature, no person. */
	if (!dlg_feature_not_person(t) && dlg_asks_person(t, fr->feeling != FEELING_NONE) &&
	    !dlg_kind_not_person(t)) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		dlg_act_ask_person(t);
		/* "I want a manager, this has taken too long": the person,
		 * and a word for the feeling. */
		if (fr->feeling != FEELING_NONE && t->escalate)
			dlg_apologise(t, "apology_short");
		return;
	}
	if (!policy_first(t, ir)) {
		dlg_focus_guard(t);
		policy_act(t, ir);
		dlg_focus_unguard(t);
	}
	/* "Which one do you mean?" asked: its choices for the next turn. */
	dlg_pend_choices(t);
	/* Read as a complaint but acted on as shopping ("need a rugged
	 * ssd"): no feeling was said, so no apology.  Nor for shopping
	 * with some life in it ("a laptop for my son starting high
	 * school") that the feelings model is not clearly upset by. */
	if (upset && (fr->feeling == FEELING_NONE || !clear) &&
	    shopping_turn(t))
		upset = 0;
	/* Nor for a question the model is not clearly upset by
	 * ("restocking fee?", "is an APO address ok" read as frustrated
	 * at 0.4) unless it tells a problem the customer suffers or
	 * says the feeling in words: the label alone is a guess. */
	if (upset && fr->feeling != FEELING_NONE && !clear &&
	    !dlg_has_any(t, suffered))
		upset = 0;
	/*
	 * Once a person is on the way, answer on; no second hand-over.
	 * Upset again right after the apology, or upset again and not
	 * answered, brings the person in; a customer calmed in between
	 * who asks for something the bot does ("whatever, add both") gets
	 * it, with the apology and the offer again.
	 */
	if (clear && n >= 2 && !dlg_waiting(t) && (again ||
	    !dlg_turn_answered(t))) {
		dlg_upset_again(t);
		return;
	}
	if (!upset || t->escalate)
		return;
	if (dlg_waiting(t)) {
		dlg_apologise(t, "apology_short");
		return;
	}
	if (t->fallback) {
		/* Upset and not understood: the apology and the offer of a
		 * person, not "sorry, I can't help with that" after it. */
		sbuf_reset(&t->reply);
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
	}
	dlg_apologise(t, "apology");
	pending = cJSON_GetObjectItemCaseSensitive(t->state, "pending");
	if (!cJSON_IsObject(pending)) {
		pending = cJSON_CreateObject();
		cJSON_AddStringToObject(pending, "action", "handoff");
		cJSON_ReplaceItemInObject(t->state, "pending", pending);
		if (cJSON_GetObjectItemCaseSensitive(t->state, "pending") !=
		    pending)
			cJSON_AddItemToObject(t->state, "pending", pending);
	}
}
