/*
 * dlg-policy.c: the policy chooses the action of a turn from the intent,
 * the entities and the dialogue state, and carries it out through the
 * sales, support and knowledge modules.  Fallbacks and escalation live
 * here too: three fallbacks in a row hand the customer to a person.
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

static void
escalate(struct tctx *t, const char *reason)
{
	t->escalate = 1;
	free(t->escalate_reason);
	t->escalate_reason = xstrdup(reason);
	slots_set(&t->slots, "reason", reason);
	dlg_set_action(t, "escalate", "%s", reason);
	dlg_say(t, "escalate");
}

void
dlg_fallback(struct tctx *t, const char *why)
{
	int	 n = (int)dlg_jnum(t->state, "fallbacks", 0) + 1;

	t->fallback = 1;
	dlg_jset_num(t->state, "fallbacks", n);
	if (n >= FALLBACKS_MAX) {
		escalate(t, "repeated fallbacks");
		return;
	}
	dlg_set_action(t, "fallback", "%s", why);
	dlg_say(t, n == 1 ? "fallback" : "fallback_again");
}

/* Intents answered from the FAQ and policy documents. */
static const char *const faq_intents[] = {
	"check_cancellation_fee", "check_invoice", "check_payment_methods",
	"check_refund_policy", "contact_customer_service", "create_account",
	"delete_account", "delivery_options", "delivery_period",
	"edit_account", "get_invoice", "newsletter_subscription",
	"payment_issue", "place_order", "recover_password",
	"registration_problems", "review", "set_up_shipping_address",
	"switch_account", NULL
};

/* Intents that open a support form about an order. */
static const char *const form_intents[] = {
	"track_order", "cancel_order", "track_refund", "change_order",
	"change_shipping_address", "return_item", "get_refund", NULL
};

/* Intents about products, whose near-ties need no clarifying question. */
static const char *const product_intents[] = {
	"product_inquiry", "product_specs", "usage_advice", "compatibility",
	"comparison", "recommendation", "stock_availability",
	"price_promotions", "warranty", NULL
};

/*
 * Words of the message beside the entity en, not counting those that
 * only frame an answer ("order", "it's", "number"): "order 12318" says
 * nothing more than the number, whatever the classifier makes of it.
 */
static int
words_beside(struct tctx *t, const struct entity *en)
{
	static const char *const frame[] = { "order", "number", "it", "its",
	    "it's", "is", "s", "the", "my", "no", "nr", "num", "ok", "okay",
	    "sure", "here", "yes", "this", "one", "that", "ord", NULL };
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, len;
	int		 more = 0;
	const char *const *f;

	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0; i < n; i++) {
		if (tok[i].end > en->start && tok[i].start < en->end)
			continue;
		len = tok[i].end - tok[i].start;
		for (f = frame; *f != NULL; f++)
			if (strlen(*f) == len && strncasecmp(*f,
			    t->text + tok[i].start, len) == 0)
				break;
		if (*f == NULL)
			more++;
	}
	free(tok);
	return more;
}

/* How many of "first", "second"... the customer said. */
static int
ordinals_said(struct tctx *t)
{
	int	 i, n = 0;

	for (i = 0; dlg_ordinals[i] != NULL; i++)
		n += dlg_has_word(t, dlg_ordinals[i]);
	return n;
}

static int
in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* The one run of 5 to 12 digits standing alone in s (caller frees). */
static char *
bare_number(const char *s)
{
	const char	*p = s, *q, *found = NULL;
	size_t		 n = 0;

	while (*p != '\0') {
		if (!isdigit((unsigned char)*p)) {
			p++;
			continue;
		}
		for (q = p; isdigit((unsigned char)*q); q++)
			;
		if ((p > s && (isalnum((unsigned char)p[-1]) ||
		    p[-1] == '$' || p[-1] == '.' || p[-1] == ',')) ||
		    isalpha((unsigned char)*q) || *q == ',' ||
		    (*q == '.' && isdigit((unsigned char)q[1]))) {
			p = q;
			continue;
		}
		if (q - p >= 5 && q - p <= 12) {
			if (found != NULL)
				return NULL;	/* two numbers: ask again */
			found = p;
			n = (size_t)(q - p);
		}
		p = q;
	}
	return found != NULL ? xstrndup(found, n) : NULL;
}

/* Words that make a question about the store, not a product. */
static const char *const store_topics[] = { "shipping", "delivery",
	"coupon", "coupons", "code", "codes", "promo", "price match",
	"financing", "payment", "invoice", NULL };

/* A question about a product with these words asks its price. */
static const char *const price_words[] = { "how much", "price", "cost",
	"costs", NULL };

static const char *const affirm_words[] = { "yes", "yeah", "yep", "sure",
	"ok", "okay", "please", "definitely", "absolutely", "go ahead", NULL };

/*
 * The policy: choose and carry out the action for this turn.  Order of
 * precedence: a pending question answered, a form slot filled, then the
 * intent with the entities and the state.
 */
void
dlg_policy(struct tctx *t, const struct intent_result *ir)
{
	const char	*intent = t->intent;
	cJSON		*pending = cJSON_GetObjectItemCaseSensitive(t->state,
	    "pending");
	cJSON		*form = cJSON_GetObjectItemCaseSensitive(t->state,
	    "form");
	const char	*pend = cJSON_IsObject(pending) ?
	    dlg_jstr(pending, "action") : NULL;
	const struct entity *oid = dlg_first_entity(t, ENTITY_ORDER_ID);
	int		 affirm, deny, questions;

	affirm = strcmp(intent, "affirm") == 0 || dlg_has_any(t, affirm_words);
	deny = strcmp(intent, "deny") == 0;
	/* Something beyond "yes": an attribute or a real question. */
	questions = dlg_first_entity(t, ENTITY_ATTRIBUTE) != NULL ||
	    (strcmp(intent, "affirm") != 0 && strcmp(intent, "deny") != 0 &&
	    ir->verdict == INTENT_OK);

	/*
	 * "It's 12345" after "which order is it?": a bare number is an
	 * order number only because the bot asked for one, which the
	 * entity extractor cannot know.
	 */
	if (pend != NULL && strcmp(pend, "order_id") == 0 && oid == NULL &&
	    cJSON_IsObject(form) && dlg_first_entity(t, ENTITY_PRICE) == NULL) {
		char	*num = bare_number(t->text);

		if (num != NULL) {
			dlg_jset_str(form, "order_id", num);
			free(num);
			cJSON_DeleteItemFromObjectCaseSensitive(t->state,
			    "pending");
			dlg_jset_str(t->trace, "slot_filled", "order_id");
			dlg_handle_order(t, dlg_jstr(form, "name"));
			return;
		}
	}

	/*
	 * 1. The answer to the bot's last question, unless the customer
	 * clearly moved on to another support form ("can I cancel order
	 * 12191" after being asked which order to return).
	 */
	if (pend != NULL && strcmp(pend, "order_id") == 0 && oid != NULL &&
	    cJSON_IsObject(form) && !(ir->verdict == INTENT_OK &&
	    in_list(intent, form_intents) &&
	    strcmp(intent, dlg_jstr(form, "name")) != 0 &&
	    words_beside(t, oid) > 0)) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		dlg_jset_str(t->trace, "slot_filled", "order_id");
		dlg_handle_order(t, dlg_jstr(form, "name"));
		return;
	}
	if (pend != NULL && (affirm || deny) && !(deny && affirm)) {
		cJSON *p = cJSON_Duplicate(pending, 1);

		/* pend points into pending: record it before deleting. */
		dlg_jset_str(t->trace, "pending_answered", pend);
		if ((pend = dlg_jstr(p, "action")) == NULL)
			pend = "";
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		if (deny && !affirm) {
			dlg_set_action(t, "declined", "customer declined %s",
			    pend);
			dlg_say(t, "declined");
			if (strncmp(pend, "confirm_", 8) == 0)
				dlg_close_form(t);
			cJSON_Delete(p);
			return;
		}
		if (dlg_confirm_pending(t, p) && !questions) {
			cJSON_Delete(p);
			return;
		}
		cJSON_Delete(p);
		if (!questions && t->reply.len == 0) {
			dlg_set_action(t, "ack",
			    "affirm without a pending action");
			dlg_say(t, "ack");
			return;
		}
		/* "Yes, and how's the battery?": go on with the question. */
		if (strcmp(intent, "affirm") == 0 ||
		    (dlg_first_entity(t, ENTITY_ATTRIBUTE) != NULL &&
		    ir->verdict != INTENT_OK)) {
			intent = t->intent = "product_specs";
			if (dlg_handle_product_question(t, intent))
				return;
		}
	} else if (pend != NULL)
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");

	/* 2. Escalation, dialogue acts. */
	if (strcmp(intent, "contact_human_agent") == 0) {
		escalate(t, "customer asked for a person");
		return;
	}
	if (strcmp(intent, "complaint") == 0) {
		escalate(t, "complaint");
		return;
	}
	if (ir->verdict == INTENT_OUT_OF_SCOPE) {
		const char *how = NULL, *sku = dlg_resolve_reference(t, &how);

		/*
		 * "How much is the HP Victus 15?", "what about the second
		 * one?": the classifier found no intent, but a product named
		 * or picked from the last list is a product question, not
		 * something the bot cannot do.
		 */
		if (dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
		    (sku == NULL || strcmp(how, "it") == 0)) {
			dlg_fallback(t, ir->reason.buf);
			return;
		}
		dlg_jset_str(t->trace, "ambiguity", "resolved: out of scope, "
		    "but about a product named or referred to");
		intent = t->intent = dlg_has_any(t, price_words) ?
		    "price_promotions" : "product_inquiry";
	}
	if (ir->verdict == INTENT_AMBIGUOUS && ir->ntop >= 2 &&
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0 &&
	    (ir->top[0].id == intent_oos_id() ||
	    ir->top[1].id == intent_oos_id())) {
		/*
		 * Torn between a product question and "out of scope" while a
		 * catalog product is named: the product settles it.
		 */
		int other = ir->top[0].id == intent_oos_id() ?
		    ir->top[1].id : ir->top[0].id;

		if (in_list(intent_names(NULL)[other], product_intents)) {
			intent = t->intent = intent_names(NULL)[other];
			dlg_jset_str(t->trace, "ambiguity",
			    "resolved: a catalog "
			    "product is named");
		}
	}
	if (ir->verdict == INTENT_AMBIGUOUS && ir->ntop >= 2 &&
	    t->trace != NULL && dlg_jstr(t->trace, "ambiguity") != NULL) {
		/* Settled above. */
	} else if (ir->verdict == INTENT_AMBIGUOUS && ir->ntop >= 2 &&
	    in_list(intent_names(NULL)[ir->top[0].id], product_intents) &&
	    in_list(intent_names(NULL)[ir->top[1].id], product_intents) &&
	    (t->e->el.n > 0 || dlg_focus_top(t, 0) != NULL)) {
		/* Both readings ask about products: the top one will do. */
		dlg_jset_str(t->trace, "ambiguity",
		    "resolved: both readings are "
		    "product questions");
	} else if (ir->verdict == INTENT_AMBIGUOUS && ir->ntop >= 2) {
		const char *const *names = intent_names(NULL);

		slots_set(&t->slots, "option_a", names[ir->top[0].id]);
		slots_set(&t->slots, "option_b", names[ir->top[1].id]);
		t->fallback = 1;
		dlg_set_action(t, "clarify", "%s", ir->reason.buf);
		dlg_say(t, "clarify");
		return;
	}
	if (strcmp(intent, "greeting") == 0) {
		dlg_set_action(t, "greet", "greeting");
		dlg_say(t, "greeting");
		return;
	}
	if (strcmp(intent, "goodbye") == 0) {
		dlg_set_action(t, "goodbye", "goodbye");
		dlg_say(t, "goodbye");
		return;
	}
	if (strcmp(intent, "thanks") == 0) {
		dlg_set_action(t, "thanks", "thanks");
		dlg_say(t, "thanks");
		return;
	}
	if (strcmp(intent, "affirm") == 0 || strcmp(intent, "deny") == 0) {
		dlg_set_action(t, "ack", "%s with nothing pending", intent);
		dlg_say(t, "ack");
		return;
	}

	/* 3. Support forms. */
	if (strcmp(intent, "track_order") == 0 ||
	    strcmp(intent, "cancel_order") == 0 ||
	    strcmp(intent, "track_refund") == 0 ||
	    strcmp(intent, "change_order") == 0 ||
	    strcmp(intent, "change_shipping_address") == 0) {
		dlg_handle_order(t, intent);
		return;
	}
	if (strcmp(intent, "return_item") == 0 ||
	    strcmp(intent, "get_refund") == 0) {
		/* "What is your return policy?" asks about no order. */
		const struct entity *pe = dlg_first_entity(t, ENTITY_PRODUCT);
		int policy_q = oid == NULL && (dlg_has_word(t, "policy") ||
		    dlg_has_word(t, "window")) && (pe == NULL ||
		    pe->extractor == EXTRACTOR_FUZZY);

		if (!policy_q && (oid != NULL || (cJSON_IsObject(form) &&
		    dlg_jstr(form, "order_id") != NULL) || t->have_cust)) {
			dlg_handle_order(t, "return_item");
			return;
		}
		if (dlg_handle_kb(t, SEARCH_KIND_BIT(SEARCH_POLICY) |
		    SEARCH_KIND_BIT(SEARCH_FAQ), "policy_answer", "faq_answer"))
			return;
		dlg_handle_order(t, "return_item");
		return;
	}

	/* 4. Sales and product expertise. */
	if (in_list(intent, product_intents) &&
	    dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
	    !(strcmp(intent, "comparison") == 0 && ordinals_said(t) >= 2)) {
		const char *how = NULL, *sku = dlg_resolve_reference(t, &how);

		/* "The cheaper one", "the second one": that product. */
		if (sku != NULL && strcmp(how, "it") != 0 &&
		    dlg_handle_product_question(t,
		    strcmp(intent, "comparison") == 0 ||
		    strcmp(intent, "recommendation") == 0 ?
		    "product_inquiry" : intent))
			return;
	}
	if (strcmp(intent, "recommendation") == 0) {
		dlg_update_filters(t);
		dlg_handle_recommend(t);
		return;
	}
	if (strcmp(intent, "comparison") == 0) {
		dlg_handle_compare(t);
		return;
	}
	if (strcmp(intent, "compatibility") == 0 && dlg_handle_compatibility(t))
		return;
	if (strcmp(intent, "troubleshooting") == 0 ||
	    strcmp(intent, "usage_advice") == 0) {
		if (dlg_handle_kb(t, SEARCH_KIND_BIT(SEARCH_MANUAL) |
		    SEARCH_KIND_BIT(SEARCH_TICKET) | SEARCH_KIND_BIT(SEARCH_FAQ),
		    strcmp(intent, "troubleshooting") == 0 ? "troubleshoot" :
		    "usage_advice", "manual_answer"))
			return;
		dlg_fallback(t, "no manual or ticket matches");
		return;
	}
	if (strcmp(intent, "product_inquiry") == 0 ||
	    strcmp(intent, "product_specs") == 0 ||
	    strcmp(intent, "stock_availability") == 0 ||
	    strcmp(intent, "price_promotions") == 0 ||
	    strcmp(intent, "warranty") == 0 ||
	    strcmp(intent, "compatibility") == 0) {
		dlg_update_filters(t);
		/*
		 * "How much is shipping?" with a laptop in focus asks about
		 * the store, not the laptop: a store topic and no product
		 * named or pointed at go to the FAQ and policies.
		 */
		const char *how = NULL;

		if (dlg_has_any(t, store_topics) &&
		    dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
		    dlg_resolve_reference(t, &how) == NULL &&
		    dlg_handle_kb(t, SEARCH_KIND_BIT(SEARCH_POLICY) |
		    SEARCH_KIND_BIT(SEARCH_FAQ), "policy_answer", "faq_answer"))
			return;
		if (dlg_handle_product_question(t, intent))
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
		return;
	}
	if (in_list(intent, faq_intents)) {
		if (dlg_handle_kb(t, SEARCH_KIND_BIT(SEARCH_FAQ) |
		    SEARCH_KIND_BIT(SEARCH_POLICY), "faq_answer", "faq_answer"))
			return;
		dlg_fallback(t, "no FAQ or policy matches");
		return;
	}
	dlg_fallback(t, "no action for this intent");
}
