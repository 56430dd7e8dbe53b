/*
 * dlg-pending.c: the answer to the bot's last question.  A clarifying
 * question offers two or three intents in the customer's words and
 * understands "the second", "returns" or "yes that"; an order number
 * fills the form that asked for it; "yes" or "no" settles a pending
 * offer (a person, a confirmation, the specs); "which one do you
 * mean?" answered with a pointer alone gets each (dlg-together.c).
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

/* Longer than this, an answer to "which one?" is a question itself. */
#define CHOICE_WORDS	5

static const char *const affirm_words[] = { "yes", "yeah", "yep", "sure",
	"ok", "okay", "please", "definitely", "absolutely", "go ahead",
	"do it", "go for it", NULL };

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

/*
 * Words an answer to a question uses and nothing else: "no thanks",
 * "yes please do that", "ok", "nah im good", "sure go ahead".  A word
 * outside them ("label", "shipped", "other") makes the message more
 * than an answer.
 */
static const char *const bare_words[] = { "yes", "yeah", "yep", "yup",
	"ya", "yea", "sure", "ok", "okay", "k", "kk", "alright", "right",
	"fine", "no", "nope", "nah", "not", "never", "nothing", "whatever",
	"thanks", "thank", "thx", "ty", "please", "pls", "great", "cool",
	"perfect", "good", "nice", "awesome", "sounds", "that", "thats",
	"that's", "it", "its", "it's", "this", "i", "im", "i'm", "am", "is",
	"all", "for", "now", "else", "more", "dont", "don't", "do", "does",
	"need", "want", "go", "ahead", "of", "course", "absolutely",
	"definitely", "correct", "exactly", "maybe", "later", "hmm", "um",
	"uh", "oh", "well", "so", "then", "just", "really", "actually",
	"too", "also", "and", "but", "the", "a", "me", "you", "we", "bother",
	"mind", "nvm", "forget", "let's", "lets", "guess", "think", "got",
	"any", "at", "moment", "right now", "thing", "fair", "enough",
	"understood", "see", "alright", "yet", "still", "anyway", "mean",
	"no problem", "worries", "please", "either", "neither", "thankyou",
	NULL };

int
dlg_bare_answer(struct tctx *t)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, len;
	const char *const *w;
	int		 bare = 1;

	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0; i < n && bare; i++) {
		len = tok[i].end - tok[i].start;
		for (w = bare_words; *w != NULL; w++)
			if (strlen(*w) == len && strncasecmp(*w,
			    t->text + tok[i].start, len) == 0)
				break;
		bare = *w != NULL;
	}
	free(tok);
	return bare;
}

/*
 * Each intent as the customer would say it, for a clarifying question,
 * with the words that pick it in the answer.  Intents not listed are
 * never offered.
 */
static const struct choice {
	const char	*intent;
	const char	*phrase;
	const char	*words[5];
} choices[] = {
	{ "track_order", "track an order", { "track", "tracking", "where",
	    "arrive", NULL } },
	{ "cancel_order", "cancel an order", { "cancel", NULL } },
	{ "change_order", "change an order", { "change", "modify", NULL } },
	{ "change_shipping_address", "change the delivery address",
	    { "address", NULL } },
	{ "set_up_shipping_address", "save a shipping address",
	    { "address", "save", NULL } },
	{ "return_item", "start a return", { "return", "returns",
	    "send back", NULL } },
	{ "get_refund", "get a refund", { "refund", "money back", NULL } },
	{ "track_refund", "check on a refund", { "refund", "check on",
	    "returns", "return", NULL } },
	{ "check_refund_policy", "read the refund policy", { "policy",
	    NULL } },
	{ "product_inquiry", "ask about a product", { "product", "ask",
	    NULL } },
	{ "product_specs", "see a product's specs", { "specs", "spec",
	    NULL } },
	{ "stock_availability", "check stock", { "stock", "available",
	    NULL } },
	{ "price_promotions", "check prices and deals", { "price", "prices",
	    "deal", "deals", "sale" } },
	{ "recommendation", "get a recommendation", { "recommend",
	    "recommendation", "suggest", NULL } },
	{ "comparison", "compare products", { "compare", NULL } },
	{ "compatibility", "check what works together", { "compatible",
	    "works", "together", NULL } },
	{ "warranty", "ask about the warranty", { "warranty", NULL } },
	{ "troubleshooting", "fix a problem with a product", { "fix",
	    "problem", "broken", NULL } },
	{ "usage_advice", "learn how to use a product", { "use", "how to",
	    NULL } },
	{ "check_payment_methods", "see how you can pay", { "pay",
	    "methods", NULL } },
	{ "payment_issue", "sort out a payment problem", { "payment",
	    "charge", "charged", NULL } },
	{ "get_invoice", "get an invoice", { "invoice", NULL } },
	{ "check_invoice", "check an invoice", { "invoice", NULL } },
	{ "create_account", "create an account", { "create", "sign up",
	    NULL } },
	{ "delete_account", "delete your account", { "delete", "close",
	    NULL } },
	{ "edit_account", "update your account details", { "edit",
	    "update", "details", NULL } },
	{ "recover_password", "reset your password", { "password", "reset",
	    NULL } },
	{ "registration_problems", "fix a sign-up problem", { "sign-up",
	    "register", "registration", NULL } },
	{ "switch_account", "switch accounts", { "switch", NULL } },
	{ "delivery_options", "see the delivery options", { "options",
	    "shipping", NULL } },
	{ "delivery_period", "know how long delivery takes", { "long",
	    "days", "takes", NULL } },
	{ "check_cancellation_fee", "check the cancellation fee", { "fee",
	    NULL } },
	{ "contact_customer_service", "contact customer service",
	    { "contact", "phone", "email", NULL } },
	{ "contact_human_agent", "talk to a person", { "person", "human",
	    "agent", NULL } },
	{ "newsletter_subscription", "manage the newsletter",
	    { "newsletter", NULL } },
	{ "place_order", "place an order", { "place", "buy", NULL } },
	{ "review", "leave a review", { "review", NULL } },
	{ "complaint", "make a complaint", { "complaint", NULL } },
};

static const struct choice *
choice_of(const char *intent)
{
	size_t	 i;

	for (i = 0; i < sizeof choices / sizeof choices[0]; i++)
		if (strcmp(choices[i].intent, intent) == 0)
			return &choices[i];
	return NULL;
}

/* How many of intent's choice words the customer's text has. */
int
dlg_choice_hits(struct tctx *t, const char *intent)
{
	const struct choice *c = choice_of(intent);
	const char	*one[2] = { NULL, NULL };
	int		 k, hits = 0;

	for (k = 0; c != NULL && k < 5 && c->words[k] != NULL; k++) {
		one[0] = c->words[k];
		hits += dlg_has_any(t, one);
	}
	return hits;
}

/*
 * Does the message give intent id any ground: its words ("refund",
 * "invoice"), a product, brand or kind named or in focus for a question
 * about products, an order (a number, "my order", "I bought") for one
 * about orders, no product named for one about the store?  An option
 * without any ("manage the newsletter" for a question about Office) is
 * never offered.
 */
int
dlg_option_grounded(struct tctx *t, int id)
{
	/* "Which tablets can I order" buys: "order" alone is no order. */
	static const char *const ordered[] = { "my order", "the order",
	    "an order", "that order", "this order", "orders", "ordered",
	    "bought", "i got", "my purchase", "purchased", "delivered",
	    "arrived", "package", "parcel", "shipment", NULL };
	const char *const *names = intent_names(NULL);
	unsigned	 f = dlg_flags_of(t, id);

	if (dlg_choice_hits(t, names[id]) > 0)
		return 1;
	if ((f & ACT_PRODUCT) || id == intent_id("troubleshooting") ||
	    id == intent_id("usage_advice"))
		return dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
		    dlg_first_entity(t, ENTITY_BRAND) != NULL ||
		    dlg_first_entity(t, ENTITY_CATEGORY) != NULL ||
		    dlg_first_entity(t, ENTITY_ATTRIBUTE) != NULL ||
		    dlg_focus_top(t, 0) != NULL;
	if (f & ACT_FORM)
		return dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
		    dlg_has_any(t, ordered);
	/* A question about the store itself, unless a product is what
	 * the message is about. */
	return dlg_store_intent(t, id) &&
	    dlg_count_entities(t, ENTITY_PRODUCT) == 0;
}

/*
 * Ask which of the top intents (two or three, in the customer's words)
 * the customer means, keeping them as the pending question.  Only
 * options the message gives ground for are offered; one alone is what
 * the customer meant, and none a fallback.
 */
int
dlg_clarify(struct tctx *t, const struct intent_result *ir)
{
	const char *const *names = intent_names(NULL);
	const struct choice *c[3];
	struct sbuf	 opts = SBUF_INIT;
	cJSON		*pending, *arr, *shown;
	const struct dlg_action *a;
	size_t		 i, n = 0;
	int		 one = -1;

	if (dlg_waiting(t)) {
		/* A person is on the way: no menu of options now. */
		dlg_fallback(t, ir->reason.buf);
		return 1;
	}
	for (i = 0; i < ir->ntop && i < 4 && n < 3; i++) {
		if (n == 2 && ir->top[i].score < ir->top[1].score / 2)
			break;
		if ((c[n] = choice_of(names[ir->top[i].id])) != NULL &&
		    dlg_option_grounded(t, ir->top[i].id)) {
			one = ir->top[i].id;
			n++;
		}
	}
	if (n == 1 && (a = dlg_action_of(t, one)) != NULL) {
		/* The one reading the message bears out. */
		dlg_set_intent(t, names[one]);
		dlg_jset_str(t->trace, "ambiguity", "resolved: the only "
		    "reading the message's words bear out");
		a->act(t);
		return 1;
	}
	if (n < 2) {
		dlg_fallback(t, ir->reason.buf);
		return 1;
	}
	pending = cJSON_CreateObject();
	cJSON_AddStringToObject(pending, "action", "choose");
	cJSON_AddStringToObject(pending, "text", t->text);
	arr = cJSON_AddArrayToObject(pending, "options");
	/* The phrases, for front ends that offer them as buttons. */
	shown = cJSON_AddArrayToObject(t->trace, "options");
	for (i = 0; i < n; i++) {
		if (i > 0)
			sbuf_adds(&opts, i + 1 == n ? " or " : ", ");
		sbuf_adds(&opts, c[i]->phrase);
		cJSON_AddItemToArray(arr, cJSON_CreateString(c[i]->intent));
		cJSON_AddItemToArray(shown, cJSON_CreateString(c[i]->phrase));
	}
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
	cJSON_AddItemToObject(t->state, "pending", pending);
	slots_set(&t->slots, "options", opts.buf);
	sbuf_release(&opts);
	dlg_set_action(t, "clarify", "%s", ir->reason.buf);
	dlg_say(t, "clarify");
	return 1;
}

/*
 * The answer to a clarifying question: "the second", "returns", "yes
 * that" (the first offered), or a clear intent among those offered.
 * 1 when that was the turn; 0 (the question dropped) otherwise.
 */
static int
answer_choice(struct tctx *t, const struct intent_result *ir,
    cJSON *pending)
{
	const char *const *names = intent_names(NULL);
	cJSON		*arr = cJSON_GetObjectItemCaseSensitive(pending,
	    "options"), *it;
	const char	*pick = NULL, *name, *chosen = NULL;
	const struct choice *c;
	const struct dlg_action *a;
	int		 i = 0, n = cJSON_GetArraySize(arr), best = 0, hits, k;

	for (k = 0; dlg_ordinals[k] != NULL && k < n; k++)
		if (dlg_has_word(t, dlg_ordinals[k]))
			pick = cJSON_GetArrayItem(arr, k)->valuestring;
	/* "How long does it last" is no pick of the last. */
	if (pick == NULL && ir->words <= CHOICE_WORDS &&
	    (dlg_has_word(t, "last") || dlg_has_word(t, "latter")) && n > 0)
		pick = cJSON_GetArrayItem(arr, n - 1)->valuestring;
	cJSON_ArrayForEach(it, arr) {
		if (pick != NULL || !cJSON_IsString(it))
			break;
		name = it->valuestring;
		if (ir->verdict == INTENT_OK && strcmp(name,
		    names[ir->id]) == 0) {
			pick = name;
			break;
		}
		/* A new question of its own is no answer by its words. */
		if (ir->words > CHOICE_WORDS || (c = choice_of(name)) == NULL)
			continue;
		for (hits = 0, k = 0; k < 5 && c->words[k] != NULL; k++) {
			const char *one[2] = { c->words[k], NULL };

			hits += dlg_has_any(t, one);
		}
		if (hits > best) {
			best = hits;
			pick = NULL;
			chosen = name;
			i = 1;
		} else if (hits > 0 && hits == best)
			i++;
	}
	if (pick == NULL && best > 0 && i == 1)
		pick = chosen;
	if (pick == NULL && n > 0 && (strcmp(t->intent, "affirm") == 0 ||
	    dlg_has_any(t, affirm_words)))
		pick = cJSON_GetArrayItem(arr, 0)->valuestring;
	if (pick == NULL || (a = dlg_action_of(t, intent_id(pick))) == NULL) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		return 0;
	}
	dlg_jset_str(t->trace, "pending_answered", "choose");
	dlg_set_intent(t, a->intent);
	/* The customer said which: the intent is sure now. */
	t->confidence = 1;
	/*
	 * "The second" says which; the question asked says what, with the
	 * words of the option taken ("something about my account", "delete
	 * your account"), which find the document that answers it.  An
	 * answer naming its own order or product ("where is order
	 * 12076?") says what itself.
	 */
	if ((name = dlg_jstr(pending, "text")) != NULL &&
	    ir->words <= CHOICE_WORDS && dlg_order_number(t) == NULL &&
	    dlg_first_entity(t, ENTITY_PRODUCT) == NULL) {
		c = choice_of(pick);
		t->asked = c != NULL ? xasprintf("%s: %s", name, c->phrase) :
		    xstrdup(name);
		t->text = t->asked;
		t->len = strlen(t->asked);
		text_fold(t->text, t->len, &t->fold);
		entity_extract(t->e->gz, t->text, t->len, &t->e->el);
	}
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
	a->act(t);
	return 1;
}

/* Words an answer naming the item of an order may have. */
#define ANSWER_WORDS	10

/* Does the answer name an item one of the customer's orders holds? */
static int
named_item(struct tctx *t)
{
	struct order_match m;
	struct sd_error	 err = SD_ERROR_INIT;
	char		*words = NULL, **ids = NULL;
	size_t		 n = 0, i;

	if (!t->have_cust || !dlg_order_item_named(t, &m, &words)) {
		free(words);
		return 0;
	}
	/* "Is the iPhone 15 in stock?" names none of them. */
	dlg_retrieve_begin(t);
	catalog_customer_orders_with(t->st, t->cust.id, &m, &ids, &n, &err);
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	free(words);
	return n > 0;
}

/*
 * "It's 12345" after "which order is it?", or an order number while a
 * form waits for one: the form goes on with it.  A bare number is an
 * order number only because the bot asked for one, which the entity
 * extractor cannot know.  Not when the customer clearly moved on to
 * another support form ("can I cancel order 12191" after being asked
 * which order to return).
 */
static int
fill_order_id(struct tctx *t, const struct intent_result *ir)
{
	cJSON		*form = cJSON_GetObjectItemCaseSensitive(t->state,
	    "form");
	const struct entity *oid = dlg_order_number(t);
	const char	*how;
	char		*num;

	/* "I'm looking for a gaming laptop" names no order, even with a
	 * laptop in one: the customer moved on. */
	if (!cJSON_IsObject(form) || (oid == NULL &&
	    ir->verdict == INTENT_OK &&
	    strcmp(t->intent, "recommendation") == 0))
		return 0;
	if (oid == NULL && (how = NULL, dlg_order_choice_said(t, &how) !=
	    NULL || dlg_order_by_position(t, &how) != NULL)) {
		/* "the second one", "2" among the orders just listed. */
		cJSON_DeleteItemFromObjectCaseSensitive(form, "order_id");
	} else if (oid == NULL && ir->words <= ANSWER_WORDS &&
	    (dlg_order_listed_item(t) != NULL || named_item(t))) {
		/* "no, the sony one": the order holding it. */
		cJSON_DeleteItemFromObjectCaseSensitive(form, "order_id");
	} else if (oid == NULL && dlg_first_entity(t, ENTITY_PRICE) == NULL &&
	    !dlg_says_address(t) && (num = bare_number(t->text)) != NULL) {
		dlg_jset_str(form, "order_id", num);
		free(num);
	} else if (oid == NULL || (ir->verdict == INTENT_OK &&
	    (dlg_flags_of(t, t->intent_id) & ACT_FORM) &&
	    strcmp(t->intent, dlg_jstr(form, "name")) != 0 &&
	    words_beside(t, oid) > 0))
		return 0;
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
	dlg_jset_str(t->trace, "slot_filled", "order_id");
	dlg_handle_order(t, dlg_jstr(form, "name"));
	return 1;
}

/*
 * "How do I start it?" after "shall I start the return?": how a return
 * is started, for the order offered, with the offer still open.  1 when
 * that was the turn.
 */
static int
how_to_return(struct tctx *t, cJSON *pending)
{
	static const char *const how[] = { "how do i", "how can i",
	    "how to", "how would i", "what do i do", "what are the steps",
	    NULL };
	static const char *const what[] = { "start", "return", "send",
	    "ship", "it", NULL };
	const char	*id = dlg_jstr(pending, "order_id");
	char		*copy;

	if (id == NULL || !dlg_has_any(t, how) || !dlg_has_any(t, what))
		return 0;
	copy = xstrdup(id);
	dlg_jset_str(t->trace, "pending_answered", "confirm_return: how");
	t->order_topic = ORDQ_RETURN;
	dlg_handle_order_id(t, "return_item", copy);
	free(copy);
	return 1;
}

/*
 * "The beam is ok under a 55 inch right" after the offer of a person:
 * an "ok" or "right" inside a question about a product, a brand, a kind
 * or a feature says nothing of a person.
 */
static int
names_a_thing(struct tctx *t)
{
	return dlg_first_entity(t, ENTITY_PRODUCT) != NULL ||
	    dlg_first_entity(t, ENTITY_BRAND) != NULL ||
	    dlg_first_entity(t, ENTITY_CATEGORY) != NULL ||
	    dlg_first_entity(t, ENTITY_ATTRIBUTE) != NULL;
}

/*
 * The answer to the bot's last question: "yes" carries out what it
 * offered, "no" declines it; anything else drops the question.  1 when
 * that was the turn; 0 to go on with the intent ("yes, and how's the
 * battery?").
 */
int
dlg_answer_pending(struct tctx *t, const struct intent_result *ir)
{
	cJSON		*pending = cJSON_GetObjectItemCaseSensitive(t->state,
	    "pending"), *p;
	const char	*pend = cJSON_IsObject(pending) ?
	    dlg_jstr(pending, "action") : NULL;
	int		 affirm, deny, questions, done;
	enum dlg_order_topic topic;

	if (pend == NULL)
		return 0;
	if (strcmp(pend, "choose") == 0)
		return answer_choice(t, ir, pending);
	if (strcmp(pend, "which_product") == 0) {
		if (dlg_answer_choices(t, pending))
			return 1;
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		return 0;
	}
	if (strcmp(pend, "order_id") == 0 && fill_order_id(t, ir))
		return 1;
	if (strcmp(pend, "confirm_return") == 0 && how_to_return(t, pending))
		return 1;
	affirm = strcmp(t->intent, "affirm") == 0 ||
	    dlg_has_any(t, affirm_words);
	/* "Restocking fee on that?" read as a "no" is a question. */
	deny = strcmp(t->intent, "deny") == 0 &&
	    dlg_order_topic(t) == ORDQ_NONE;
	if (!(affirm || deny) || (deny && affirm)) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		return 0;
	}
	/* Something beyond "yes": an attribute or a real question. */
	questions = dlg_first_entity(t, ENTITY_ATTRIBUTE) != NULL ||
	    (strcmp(t->intent, "affirm") != 0 &&
	    strcmp(t->intent, "deny") != 0 && ir->verdict == INTENT_OK);
	/*
	 * "Yes, cancel that", "stop the newsletter please": a request of
	 * its own, not a yes to the offer of a person.
	 */
	if (strcmp(pend, "handoff") == 0 && names_a_thing(t)) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		return 0;
	}
	if (strcmp(pend, "handoff") == 0 && !deny && !questions &&
	    dlg_order_topic(t) == ORDQ_NONE) {
		/* "Yes" to the offer of a person. */
		dlg_jset_str(t->trace, "pending_answered", pend);
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		dlg_escalate(t, "customer accepted a person");
		return 1;
	}
	/*
	 * "Yes it's opened, so how much would I get back?" after "shall I
	 * start the return?": a question about the order, not a yes.
	 */
	topic = dlg_order_topic(t);
	if (strncmp(pend, "confirm_", 8) == 0 && topic != ORDQ_NONE &&
	    !(topic == ORDQ_CANCEL && strcmp(pend, "confirm_cancel") == 0) &&
	    !(topic == ORDQ_RETURN && strcmp(pend, "confirm_return") == 0)) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		return 0;
	}
	/*
	 * "Ok, do your gift cards expire?" after "see the specs?": a
	 * request of its own is no yes to the offer; only the request is
	 * answered (a confirmation asked is still answered by it).
	 */
	if (questions && !deny && strncmp(pend, "confirm_", 8) != 0 &&
	    !dlg_bare_answer(t) && dlg_first_entity(t, ENTITY_ATTRIBUTE) ==
	    NULL) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		return 0;
	}
	p = cJSON_Duplicate(pending, 1);
	/* pend points into pending: record it before deleting. */
	dlg_jset_str(t->trace, "pending_answered", pend);
	if ((pend = dlg_jstr(p, "action")) == NULL)
		pend = "";
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
	if (deny) {
		dlg_set_action(t, "declined", "customer declined %s", pend);
		dlg_say(t, "declined");
		if (strncmp(pend, "confirm_", 8) == 0)
			dlg_close_form(t);
		cJSON_Delete(p);
		return 1;
	}
	done = dlg_confirm_pending(t, p) && !questions;
	cJSON_Delete(p);
	if (done)
		return 1;
	if (!questions && t->reply.len == 0) {
		dlg_set_action(t, "ack", "affirm without a pending action");
		dlg_say(t, "ack");
		return 1;
	}
	/* "Yes, and how's the battery?": go on with the question. */
	if (strcmp(t->intent, "affirm") == 0 ||
	    (dlg_first_entity(t, ENTITY_ATTRIBUTE) != NULL &&
	    ir->verdict != INTENT_OK)) {
		dlg_set_intent(t, "product_specs");
		if (dlg_handle_product_question(t, t->intent))
			return 1;
	}
	return 0;
}

