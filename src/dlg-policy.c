/*
 * dlg-policy.c: the policy chooses the action of a turn from the intent,
 * the entities and the dialogue state, and carries it out through the
 * sales, support and knowledge modules.  A few steps come first, in
 * order: the answer to the bot's last question (a pending offer, an
 * order number a form asked for), a request for a person, an unclear
 * intent settled by the entities, a product referred to ("the second
 * one").  Then a table from intent to action decides.  Fallbacks and
 * escalation live here too: three fallbacks in a row hand the customer
 * to a person.
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

/* The session waits for a person (escalated, no agent yet). */
static int
waiting(const struct tctx *t)
{
	return strcmp(t->si.status, "escalated") == 0;
}

static void
escalate(struct tctx *t, const char *reason)
{
	t->escalate = 1;
	free(t->escalate_reason);
	t->escalate_reason = xstrdup(reason);
	slots_set(&t->slots, "reason", reason);
	dlg_set_action(t, "escalate", "%s", reason);
	/* The customer hears once that a person will join; the reason is
	 * for the agent (the trace and the session), never the reply. */
	dlg_say(t, waiting(t) ? "escalate_waiting" : "escalate");
}

void
dlg_fallback(struct tctx *t, const char *why)
{
	int	 n = (int)dlg_jnum(t->state, "fallbacks", 0) + 1;

	t->fallback = 1;
	if (waiting(t)) {
		/* A person is on the way: say so, not "I can't help". */
		dlg_set_action(t, "escalation_wait", "%s, while waiting for "
		    "an agent", why);
		dlg_say(t, "escalate_waiting");
		return;
	}
	dlg_jset_num(t->state, "fallbacks", n);
	if (n >= FALLBACKS_MAX) {
		escalate(t, "repeated fallbacks");
		return;
	}
	dlg_set_action(t, "fallback", "%s", why);
	dlg_say(t, n == 1 ? "fallback" : "fallback_again");
}

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

/* Asking what the bot is: "are you a bot?", "is this a real person?". */
static const char *const bot_asks[] = { "are you", "r u", "you are",
	"is this", "am i talking", "am i chatting", "am i speaking", NULL };
static const char *const bot_words[] = { "bot", "robot", "chatbot", "ai",
	"automated", "machine", "human", "real person", "computer", NULL };

/* A person named as the one to talk to: "let me talk to a supervisor". */
/* A knowledge-base score strong enough to answer an unclear question. */
#define KB_STRONG	0.6

static const char *const person_words[] = { "supervisor", "manager",
	"human", "real person", "agent", "representative", NULL };
static const char *const person_verbs[] = { "talk", "speak", "want",
	"need", "get", "transfer", "connect", NULL };

static const char *const affirm_words[] = { "yes", "yeah", "yep", "sure",
	"ok", "okay", "please", "definitely", "absolutely", "go ahead",
	"do it", "go for it", NULL };

/* The intent acted upon becomes name (a canonical intent name). */
static void
set_intent(struct tctx *t, const char *name)
{
	t->intent = name;
	t->intent_id = intent_id(name);
}

/* The actions, one per intent (the table is below). */

static void
act_ask_person(struct tctx *t)
{
	escalate(t, "customer asked for a person");
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
		escalate(t, "complaint");
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
	if (!waiting(t))
		return 0;
	dlg_set_action(t, "escalation_wait", "%s while waiting for an agent",
	    t->intent);
	dlg_say(t, "escalate_waiting");
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

/* Tracking, cancelling, changing an order: the form of that name. */
static void
act_order_form(struct tctx *t)
{
	dlg_handle_order(t, t->intent);
}

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
	if (!policy_q && (oid != NULL || (cJSON_IsObject(form) &&
	    dlg_jstr(form, "order_id") != NULL) || t->have_cust)) {
		dlg_handle_order(t, "return_item");
		return;
	}
	if (dlg_handle_kb(t, SEARCH_KIND_BIT(SEARCH_POLICY) |
	    SEARCH_KIND_BIT(SEARCH_FAQ), "policy_answer", "faq_answer"))
		return;
	dlg_handle_order(t, "return_item");
}

static void
act_recommend(struct tctx *t)
{
	/* "S90D or C4, which would you get?": the two named, side by side. */
	if (dlg_named_pair(t)) {
		dlg_handle_compare(t);
		return;
	}
	dlg_update_filters(t);
	dlg_handle_recommend(t);
}

static void
act_compare(struct tctx *t)
{
	dlg_handle_compare(t);
}

static void
act_manual(struct tctx *t)
{
	if (dlg_handle_kb(t, SEARCH_KIND_BIT(SEARCH_MANUAL) |
	    SEARCH_KIND_BIT(SEARCH_TICKET) | SEARCH_KIND_BIT(SEARCH_FAQ),
	    strcmp(t->intent, "troubleshooting") == 0 ? "troubleshoot" :
	    "usage_advice", "manual_answer"))
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

/* A question about a product: its answer, else a list or the FAQ. */
static void
act_product(struct tctx *t)
{
	const char	*how = NULL;

	if (dlg_has_any(t, trouble_words) && !dlg_has_any(t, store_topics) &&
	    (dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_focus_top(t, 0) != NULL) && dlg_handle_kb_strong(t,
	    SEARCH_KIND_BIT(SEARCH_MANUAL) | SEARCH_KIND_BIT(SEARCH_TICKET),
	    KB_STRONG)) {
		dlg_set_action(t, "troubleshoot", "a problem told as a "
		    "product question; its manual answers");
		return;
	}
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
	if (!dlg_handle_compat(t))
		act_product(t);
}

/* Intents answered from the FAQ and policy documents. */
static void
act_faq(struct tctx *t)
{
	if (dlg_handle_kb(t, SEARCH_KIND_BIT(SEARCH_FAQ) |
	    SEARCH_KIND_BIT(SEARCH_POLICY), "faq_answer", "faq_answer"))
		return;
	dlg_fallback(t, "no FAQ or policy matches");
}

/* Below this probability of no feeling, a turn is clearly upset. */
#define UPSET_CLEAR	0.25f

/* Longer than this, an answer to "which one?" is a question itself. */
#define CHOICE_WORDS	5

/* A knowledge-base hit this good answers an unclear question. */

/* Which steps before the table apply to an intent. */
#define ACT_FIRST	0x1	/* acts before an ambiguity is settled */
#define ACT_PRODUCT	0x2	/* about products: near-ties need no
				   question, "the second one" is one */
#define ACT_FORM	0x4	/* opens a support form about an order */

/* The policy table: what each intent does.  Unlisted: a fallback. */
static const struct dlg_action {
	const char	*intent;
	void		(*act)(struct tctx *);
	unsigned	 flags;
} actions[] = {
	{ "contact_human_agent", act_ask_person, ACT_FIRST },
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
	{ "recommendation", act_recommend, ACT_PRODUCT },
	{ "comparison", act_compare, ACT_PRODUCT },
	{ "compatibility", act_compatibility, ACT_PRODUCT },
	{ "troubleshooting", act_manual, 0 },
	{ "usage_advice", act_manual, ACT_PRODUCT },
	{ "product_inquiry", act_product, ACT_PRODUCT },
	{ "product_specs", act_product, ACT_PRODUCT },
	{ "stock_availability", act_product, ACT_PRODUCT },
	{ "price_promotions", act_product, ACT_PRODUCT },
	{ "warranty", act_product, ACT_PRODUCT },
	{ "check_cancellation_fee", act_faq, 0 },
	{ "check_invoice", act_faq, 0 },
	{ "check_payment_methods", act_faq, 0 },
	{ "check_refund_policy", act_faq, 0 },
	{ "contact_customer_service", act_faq, 0 },
	{ "create_account", act_faq, 0 },
	{ "delete_account", act_faq, 0 },
	{ "delivery_options", act_faq, 0 },
	{ "delivery_period", act_faq, 0 },
	{ "edit_account", act_faq, 0 },
	{ "get_invoice", act_faq, 0 },
	{ "newsletter_subscription", act_faq, 0 },
	{ "payment_issue", act_faq, 0 },
	{ "place_order", act_faq, 0 },
	{ "recover_password", act_faq, 0 },
	{ "registration_problems", act_faq, 0 },
	{ "review", act_faq, 0 },
	{ "set_up_shipping_address", act_faq, 0 },
	{ "switch_account", act_faq, 0 },
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
static const struct dlg_action *
action_of(const struct tctx *t, int id)
{
	return id >= 0 ? t->e->actions[id] : NULL;
}

static unsigned
flags_of(const struct tctx *t, int id)
{
	const struct dlg_action *a = action_of(t, id);

	return a != NULL ? a->flags : 0;
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
static int
choice_hits(struct tctx *t, const char *intent)
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
 * Ask which of the top intents (two or three, in the customer's words)
 * the customer means, keeping them as the pending question.  A fallback
 * when fewer than two can be put in words.
 */
static int
clarify(struct tctx *t, const struct intent_result *ir)
{
	const char *const *names = intent_names(NULL);
	const struct choice *c[3];
	struct sbuf	 opts = SBUF_INIT;
	cJSON		*pending, *arr, *shown;
	size_t		 i, n = 0;

	if (waiting(t)) {
		/* A person is on the way: no menu of options now. */
		dlg_fallback(t, ir->reason.buf);
		return 1;
	}
	for (i = 0; i < ir->ntop && n < 3; i++) {
		if (n == 2 && ir->top[i].score < ir->top[1].score / 2)
			break;
		if ((c[n] = choice_of(names[ir->top[i].id])) != NULL)
			n++;
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
	if (pick == NULL && (dlg_has_word(t, "last") ||
	    dlg_has_word(t, "latter")) && n > 0)
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
	if (pick == NULL || (a = action_of(t, intent_id(pick))) == NULL) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		return 0;
	}
	dlg_jset_str(t->trace, "pending_answered", "choose");
	set_intent(t, a->intent);
	/* "The second" says which; the question asked says what. */
	if ((name = dlg_jstr(pending, "text")) != NULL &&
	    ir->words <= CHOICE_WORDS) {
		t->asked = xstrdup(name);
		t->text = t->asked;
		t->len = strlen(t->asked);
		text_fold(t->text, t->len, &t->fold);
		entity_extract(t->e->gz, t->text, t->len, &t->e->el);
	}
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
	a->act(t);
	return 1;
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

	if (!cJSON_IsObject(form))
		return 0;
	if (oid == NULL && (how = NULL, dlg_order_by_position(t, &how)) !=
	    NULL) {
		/* "the second one" among the orders just listed. */
		cJSON_DeleteItemFromObjectCaseSensitive(form, "order_id");
	} else if (oid == NULL && dlg_first_entity(t, ENTITY_PRICE) == NULL &&
	    !dlg_says_address(t) && (num = bare_number(t->text)) != NULL) {
		dlg_jset_str(form, "order_id", num);
		free(num);
	} else if (oid == NULL || (ir->verdict == INTENT_OK &&
	    (flags_of(t, t->intent_id) & ACT_FORM) &&
	    strcmp(t->intent, dlg_jstr(form, "name")) != 0 &&
	    words_beside(t, oid) > 0))
		return 0;
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
	dlg_jset_str(t->trace, "slot_filled", "order_id");
	dlg_handle_order(t, dlg_jstr(form, "name"));
	return 1;
}

/*
 * The answer to the bot's last question: "yes" carries out what it
 * offered, "no" declines it; anything else drops the question.  1 when
 * that was the turn; 0 to go on with the intent ("yes, and how's the
 * battery?").
 */
static int
answer_pending(struct tctx *t, const struct intent_result *ir)
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
	if (strcmp(pend, "order_id") == 0 && fill_order_id(t, ir))
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
	if (strcmp(pend, "handoff") == 0 && !deny && !questions &&
	    dlg_order_topic(t) == ORDQ_NONE) {
		/* "Yes" to the offer of a person. */
		dlg_jset_str(t->trace, "pending_answered", pend);
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		escalate(t, "customer accepted a person");
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
		set_intent(t, "product_specs");
		if (dlg_handle_product_question(t, t->intent))
			return 1;
	}
	return 0;
}

/*
 * Out of scope or torn between two intents: settle on one where the
 * entities say which, else fall back or ask.  1 when that was the turn.
 */
static int
settle_intent(struct tctx *t, const struct intent_result *ir)
{
	const char *const *names = intent_names(NULL);
	const char	*how = NULL, *sku;
	int		 other;

	/*
	 * Two catalog products named as a pair ("switch oled or switch
	 * lite") are weighed against each other, whatever other intent a
	 * word of their names suggests ("switch" an account).
	 */
	if (ir->verdict == INTENT_OK && dlg_named_pair(t) &&
	    !(flags_of(t, t->intent_id) & ACT_PRODUCT)) {
		set_intent(t, "comparison");
		dlg_jset_str(t->trace, "ambiguity", "resolved: two products "
		    "named as a pair");
		return 0;
	}
	if (ir->verdict == INTENT_OUT_OF_SCOPE) {
		sku = dlg_resolve_reference(t, &how);
		/*
		 * "How much is the HP Victus 15?", "what about the second
		 * one?": the classifier found no intent, but a product named
		 * or picked from the last list is a product question, not
		 * something the bot cannot do.
		 */
		if (dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
		    (sku == NULL || strcmp(how, "it") == 0)) {
			/*
			 * Out of scope is the last resort: a strong answer
			 * in the documents, or a follow-up on the manual
			 * just quoted, comes first.
			 */
			if ((ir->about_store || dlg_jstr(t->state,
			    "kb_doc") != NULL) && dlg_handle_kb_strong(t,
			    SEARCH_DOC_KINDS, KB_STRONG)) {
				dlg_jset_str(t->trace, "ambiguity", "resolved: "
				    "out of scope, but the documents answer");
				return 1;
			}
			dlg_fallback(t, ir->reason.buf);
			return 1;
		}
		dlg_jset_str(t->trace, "ambiguity", "resolved: out of scope, "
		    "but about a product named or referred to");
		set_intent(t, dlg_named_pair(t) ? "comparison" :
		    dlg_has_any(t, price_words) ? "price_promotions" :
		    "product_inquiry");
	}
	if (ir->verdict != INTENT_AMBIGUOUS || ir->ntop < 2)
		return 0;
	if (dlg_named_pair(t)) {
		set_intent(t, "comparison");
		dlg_jset_str(t->trace, "ambiguity", "resolved: two products "
		    "named as a pair");
		return 0;
	}
	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0 &&
	    (ir->top[0].id == intent_oos_id() ||
	    ir->top[1].id == intent_oos_id())) {
		/*
		 * Torn between a product question and "out of scope" while a
		 * catalog product is named: the product settles it.
		 */
		other = ir->top[0].id == intent_oos_id() ? ir->top[1].id :
		    ir->top[0].id;
		if (flags_of(t, other) & ACT_PRODUCT) {
			set_intent(t, names[other]);
			dlg_jset_str(t->trace, "ambiguity", "resolved: a "
			    "catalog product is named");
		}
	}
	if (dlg_jstr(t->trace, "ambiguity") != NULL)
		return 0;	/* settled above */
	if ((flags_of(t, ir->top[0].id) & ACT_PRODUCT) &&
	    (flags_of(t, ir->top[1].id) & ACT_PRODUCT) &&
	    (t->e->el.n > 0 || dlg_focus_top(t, 0) != NULL)) {
		/* Both readings ask about products: the top one will do. */
		dlg_jset_str(t->trace, "ambiguity", "resolved: both readings "
		    "are product questions");
		return 0;
	}
	if ((flags_of(t, ir->top[0].id) & ACT_FORM) &&
	    (flags_of(t, ir->top[1].id) & ACT_FORM) && t->have_cust) {
		/*
		 * "What's the status of my returns": tracking or a refund,
		 * either way the answer starts from the order; the one whose
		 * words were said, else the top one.
		 */
		if (choice_hits(t, names[ir->top[1].id]) >
		    choice_hits(t, names[ir->top[0].id]))
			set_intent(t, names[ir->top[1].id]);
		dlg_jset_str(t->trace, "ambiguity", "resolved: both readings "
		    "are about an order");
		return 0;
	}
	/*
	 * About the store but unsure which intent: a knowledge-base answer
	 * that matches well, else a question in the customer's words.
	 */
	if (ir->about_store && dlg_handle_kb_strong(t,
	    SEARCH_KIND_BIT(SEARCH_FAQ) | SEARCH_KIND_BIT(SEARCH_POLICY) |
	    SEARCH_KIND_BIT(SEARCH_MANUAL) | SEARCH_KIND_BIT(SEARCH_TICKET),
	    KB_STRONG)) {
		dlg_jset_str(t->trace, "ambiguity", "resolved: a strong "
		    "knowledge-base match");
		return 1;
	}
	return clarify(t, ir);
}

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

static int	small_talk(const struct tctx *);

/*
 * The policy's steps after the feelings: a pending question answered or
 * a form slot filled; a request for a person or a complaint; an unclear
 * intent settled; then the intent's action from the table.
 */
static void
policy_act(struct tctx *t, const struct intent_result *ir)
{
	const struct dlg_action *a;

	/* "The 256 then": the variant takes the focus before anything. */
	dlg_handle_variant(t, 0);
	/*
	 * "Add it to my cart": an action whatever the classifier says, and
	 * an answer to an offered "see the specs?" that takes the product.
	 */
	/* A product the catalog lacks: said so, never another in its place. */
	if (((flags_of(t, t->intent_id) & ACT_PRODUCT) ||
	    ir->verdict != INTENT_OK) && dlg_unknown_product(t))
		return;
	if (dlg_handle_cart(t)) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		return;
	}
	if (answer_pending(t, ir))
		return;
	/* "And the samsung one, when's that coming?": about an order. */
	if (dlg_payment_question(t) || dlg_order_question(t) ||
	    dlg_account_question(t))
		return;
	/* "Which one has the longest battery?": among the last list. */
	if (dlg_handle_best_of(t) || dlg_handle_pair(t) ||
	    dlg_handle_accessory(t) || dlg_handle_narrow(t) ||
	    dlg_handle_variant(t, 1))
		return;
	/* "Can I swim with it?": a specification, whatever the classifier
	 * made of it when it found no clear intent or only small talk. */
	if ((ir->verdict != INTENT_OK || small_talk(t)) &&
	    dlg_handle_spec_question(t))
		return;
	a = action_of(t, t->intent_id);
	if (a == NULL || !(a->flags & ACT_FIRST)) {
		if (settle_intent(t, ir))
			return;
		a = action_of(t, t->intent_id);
	}
	if (a != NULL && (a->flags & ACT_PRODUCT) && referred_product(t))
		return;
	if (a == NULL) {
		dlg_fallback(t, "no action for this intent");
		return;
	}
	a->act(t);
}

/* Small talk: greetings, thanks, "yes"/"no"; never a reason to escalate. */
static int
small_talk(const struct tctx *t)
{
	static const char *const names[] = { "greeting", "goodbye",
	    "thanks", "affirm", "deny", NULL };
	const char *const *n;

	for (n = names; *n != NULL; n++)
		if (strcmp(t->intent, *n) == 0)
			return 1;
	return 0;
}

/*
 * "Are you a bot?": an honest answer (an automated assistant), which is
 * neither a fallback nor an escalation.  1 when that was the turn.
 */
static int
about_bot(struct tctx *t)
{
	if (!dlg_has_any(t, bot_asks) || !dlg_has_any(t, bot_words) ||
	    dlg_has_any(t, person_verbs))
		return 0;
	dlg_set_action(t, "about_bot", "a question about the assistant");
	dlg_say(t, "about_bot");
	return 1;
}

/*
 * The customer asks for a person, whatever the classifier made of it:
 * a person named with a verb ("get me a manager"), or by an upset
 * customer ("HUMAN. now", whatever intent it was read as).
 */
static int
asks_person(struct tctx *t, int upset)
{
	/* A guess at the intent is no request: "does someone have to
	 * sign for it?" read as one at 0.30. */
	return (strcmp(t->intent, "contact_human_agent") == 0 &&
	    t->e->ir.verdict == INTENT_OK) ||
	    (dlg_has_any(t, person_words) && (upset ||
	    dlg_has_any(t, person_verbs)));
}

/*
 * The reply so far after an apology (template tpl: "apology" offers a
 * person, "apology_short" does not); the tables in it move along.
 */
static void
apologise(struct tctx *t, const char *tpl)
{
	struct sbuf	 rest = SBUF_INIT;
	const char	*used = t->template_used;
	size_t		 i, shift;

	sbuf_add(&rest, t->reply.buf, t->reply.len);
	sbuf_reset(&t->reply);
	if (!dlg_say(t, tpl)) {
		sbuf_add(&t->reply, rest.buf, rest.len);
		sbuf_release(&rest);
		return;
	}
	dlg_jset_str(t->trace, "apology", t->template_used);
	if (used != NULL)
		t->template_used = used;
	if (rest.len > 0)
		sbuf_adds(&t->reply, " ");
	shift = t->reply.len;
	sbuf_add(&t->reply, rest.buf, rest.len);
	for (i = 0; i < t->ntables; i++)
		if (t->tables[i].len > 0)
			t->tables[i].at += shift;
	sbuf_release(&rest);
}

/*
 * A second clearly upset turn: a person is brought in, and a question
 * the turn asked still gets its answer ("wtf, the screen went black"):
 * an apology, the answer, then the hand-over.  Without an answer (a
 * fallback, a clarifying question), the apology and the hand-over.
 */
static void
upset_again(struct tctx *t)
{
	int	 answered = !t->fallback && !t->escalate && t->action != NULL &&
	    strcmp(t->action, "clarify") != 0;

	if (!answered) {
		sbuf_reset(&t->reply);
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		dlg_say(t, "apology_short");
	} else
		apologise(t, "apology_short");
	escalate(t, "the customer is upset again");
}

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
	int	 upset, clear, n;
	cJSON	*pending;

	if (about_bot(t) || dlg_handle_notify(t))
		return;
	upset = (fr->feeling != FEELING_NONE ||
	    strcmp(t->intent, "complaint") == 0) && !small_talk(t);
	/*
	 * An apology costs little when the model is wrong, a hand-over
	 * much: only a clearly upset turn counts toward one.
	 */
	clear = upset && fr->score[FEELING_NONE] < UPSET_CLEAR;
	n = (int)dlg_jnum(t->state, "upset", 0) + clear;
	if (clear)
		dlg_jset_num(t->state, "upset", n);
	/* "HUMAN. now" is the answer to any question the bot asked. */
	if (asks_person(t, fr->feeling != FEELING_NONE)) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		act_ask_person(t);
		return;
	}
	policy_act(t, ir);
	/* Once a person is on the way, answer on; no second hand-over. */
	if (clear && n >= 2 && !waiting(t)) {
		upset_again(t);
		return;
	}
	if (!upset || t->escalate)
		return;
	if (waiting(t)) {
		apologise(t, "apology_short");
		return;
	}
	apologise(t, "apology");
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
