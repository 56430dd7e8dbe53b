/*
 * dlg-orderq.c: questions about an order the customer already has in
 * mind, in whatever words they come: what about it (arrival, tracking,
 * a signature, a refund, what a return costs, returning, cancelling,
 * the address), which dlg-ordertopic.c reads from the words, or a
 * short follow-up that carries the last question's topic over; which
 * order it is, dlg-orderpick.c finds.  dlg-support.c then answers with
 * the key fact from the order's rows and the policy facts.
 *
 * The classifier reads many of these follow-ups as something else ("and
 * the samsung one, when's that coming?" as a comparison, "did the money
 * come back?" as nothing at all): an order the customer has, together
 * with words about orders, settles them before the intent does.  Words
 * alone never do: "when is it coming" with no order in focus, or about a
 * product none of the customer's orders holds, is left to the intent.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

/*
 * Words in a message at most this long can only continue a question;
 * more when the bot asked which order ("the macbook one, did you get
 * it yet").
 */
#define ELLIPSIS_WORDS	6
#define ANSWER_WORDS	10

/*
 * Was the turn before an answer about one of the customer's orders?
 * Then "and the keyboard?" goes on about the order holding it, before
 * the words are read as shopping ("ok" as taking a product, "the
 * keyboard" as a product question).
 */
int
dlg_order_just_discussed(struct tctx *t)
{
	static const char *const forms[] = { "track_order", "cancel_order",
	    "track_refund", "return_item", "change_shipping_address", NULL };
	const char	*last = dlg_jstr(t->state, "last_intent");
	const char *const *f;

	/* The state stage has dropped the focus already when the item
	 * named is in another order: the intent before tells. */
	if (last == NULL)
		return 0;
	for (f = forms; *f != NULL; f++)
		if (strcmp(*f, last) == 0)
			return 1;
	/* "Is it lost??" answered from the FAQ keeps the order in view;
	 * after a product answer the pointer is at products. */
	return (dlg_order_focus(t) != NULL || dlg_jstr(t->trace,
	    "order_focus_dropped") != NULL) && !(dlg_flags_of(t,
	    intent_id(last)) & ACT_PRODUCT);
}

/*
 * Is the message only a pointer at something ordered ("ok and my
 * logitech g502 x plus", "the printer one?")?  Every word is glue or
 * part of a name: inside a product, brand or kind the message names,
 * or a word of an item of the customer's orders.  A word beside them
 * ("and the mouse, is it wireless?") makes it a question of its own.
 */
static int
only_points_at_items(struct tctx *t)
{
	static const char *const glue[] = { "ok", "okay", "and", "so",
	    "what", "about", "how", "the", "my", "one", "then", "please",
	    "pls", "hey", "oh", "also", "that", "i", "ordered", "bought",
	    "got", "too", "now", "thanks", "thx", "cool", "great", "it",
	    "this", "last", "week", "month", "yesterday", "today", "ago",
	    "recently", "just", "from", "in", "placed", "january", "february",
	    "march", "april", "may", "june", "july", "august", "september",
	    "october", "november", "december", NULL };
	struct text_token *tok = NULL;
	struct order_match m;
	struct sd_error	 err = SD_ERROR_INIT;
	const struct entity *en;
	size_t		 cap = 0, n, i, j, k, len;
	char		**ids, *w;
	const char *const *g;
	int		 named, rest = 0;

	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0; i < n && rest == 0; i++) {
		for (j = 0, named = 0; j < t->e->el.n && !named; j++) {
			en = &t->e->el.v[j];
			named = (en->type == ENTITY_PRODUCT ||
			    en->type == ENTITY_BRAND ||
			    en->type == ENTITY_CATEGORY) &&
			    tok[i].start >= en->start && tok[i].end <= en->end;
		}
		if (named)
			continue;
		/* "Colour?" asks a specification, whatever item's name
		 * ("Colour Laser") holds the word. */
		for (j = 0; j < t->e->el.n && !named; j++) {
			en = &t->e->el.v[j];
			named = en->type == ENTITY_ATTRIBUTE &&
			    tok[i].start >= en->start && tok[i].end <= en->end;
		}
		if (named) {
			rest++;
			continue;
		}
		len = tok[i].end - tok[i].start;
		w = xstrndup(t->text + tok[i].start, len);
		for (g = glue; *g != NULL && strcasecmp(*g, w) != 0; g++)
			;
		if (*g == NULL) {
			memset(&m, 0, sizeof m);
			m.name = w;
			ids = NULL;
			k = 0;
			dlg_retrieve_begin(t);
			catalog_customer_orders_with(t->st, t->cust.id, &m,
			    &ids, &k, &err);
			dlg_retrieve_end(t);
			sd_error_clear(&err);
			for (j = 0; j < k; j++)
				free(ids[j]);
			free(ids);
			rest += k == 0;
		}
		free(w);
	}
	free(tok);
	return n > 0 && rest == 0;
}

/*
 * "And the ssd?" right after an order question, "the printer one" when
 * the bot asked which order: the same question about the order holding
 * the item named.  The topic of the last order question is kept in the
 * state ("order_topic"); an open support form says it too.
 */
static enum dlg_order_topic
same_again(struct tctx *t)
{
	cJSON		*form = cJSON_GetObjectItemCaseSensitive(t->state,
	    "form");
	const char	*fname = cJSON_IsObject(form) ? dlg_jstr(form, "name") :
	    NULL;
	struct order_match m;
	struct text_token *tok = NULL;
	size_t		 cap = 0, n;
	char		*words = NULL;
	int		 named, topic, pointer;
	struct dlg_period pd;

	static const char *const next_one[] = { "and the", "and my",
	    "and that", "what about", "how about", NULL };
	static const char *const bought[] = { "i bought", "i ordered",
	    "i got", "i placed", NULL };

	/* Unasked, only "and the ssd?" goes on: "does it come with a
	 * case?" asks something else; "the ipad one" right after orders
	 * were listed picks one of them, as a bare pointer right after an
	 * order's answer does. */
	if (dlg_order_general(t))
		return ORDQ_NONE;
	/* "And the webcam, what's its resolution?" asks a specification
	 * of the item (dlg-owned.c read it so), not the same of its
	 * order. */
	if (dlg_first_entity(t, ENTITY_ATTRIBUTE) != NULL ||
	    dlg_owned_kind_asked(t))
		return ORDQ_NONE;
	pointer = dlg_order_just_discussed(t) && only_points_at_items(t);
	if (fname == NULL && !pointer && !dlg_has_any(t, next_one) &&
	    dlg_order_listed_item(t) == NULL)
		return ORDQ_NONE;
	topic = (int)dlg_jnum(t->state, "order_topic", 0);
	if (topic <= 0 && fname != NULL)
		topic = (int)dlg_form_topic(fname);
	if (topic <= 0)
		return ORDQ_NONE;
	n = text_tokenize(t->text, t->len, &tok, &cap);
	free(tok);
	/* "What about the first ipad air I bought in early october": the
	 * customer's own purchase makes a longer follow-up one too. */
	if (!pointer && n > (fname != NULL || dlg_has_any(t, bought) ?
	    ANSWER_WORDS + 2 : ELLIPSIS_WORDS))
		return ORDQ_NONE;
	named = dlg_order_item_named(t, &m, &words);
	free(words);
	/* "The one I got this week" when the bot asked which order. */
	if (!named && fname != NULL && dlg_period_picks(t, &pd)) {
		dlg_period_release(&pd);
		named = 1;
	}
	/* "What about the one from august": the order placed then, as
	 * dlg_order_pick reads a month with "one" or "order". */
	if (!named && (dlg_has_word(t, "one") || dlg_has_word(t, "order") ||
	    dlg_has_word(t, "ordered")) && (words = dlg_month_named(t)) !=
	    NULL) {
		free(words);
		named = 1;
	}
	if (!named)
		return ORDQ_NONE;
	dlg_jset_str(t->trace, "order_topic_kept", "a short follow-up names "
	    "another item");
	return (enum dlg_order_topic)topic;
}

/*
 * "How long?", "and how long after you get it?", "I don't see it"
 * right after a refund, a return or its cost was discussed: when the
 * money comes, about the order in focus.  Longer questions ("how long
 * does delivery take?") are their own.
 */
#define HOW_LONG_WORDS	14	/* "it's been almost 3 weeks tho and I
				   don't see it" */

static enum dlg_order_topic
how_long_refund(struct tctx *t)
{
	static const char *const how_long[] = { "how long", "how many days",
	    "when do i get", "when will i get", "don't see it",
	    "dont see it", "do not see it", "not there yet", "still nothing",
	    "haven't got it", "havent got it", "not showing", "hasn't shown",
	    "hasnt shown", NULL };
	struct text_token *tok = NULL;
	size_t		 cap = 0, n;
	int		 last = (int)dlg_jnum(t->state, "order_topic", 0);

	if (dlg_order_focus(t) == NULL || !dlg_has_any(t, how_long) ||
	    dlg_order_general(t) || (last != ORDQ_REFUND &&
	    last != ORDQ_RETURN && last != ORDQ_FEE))
		return ORDQ_NONE;
	n = text_tokenize(t->text, t->len, &tok, &cap);
	free(tok);
	if (n > HOW_LONG_WORDS)
		return ORDQ_NONE;
	dlg_jset_str(t->trace, "order_topic_kept", "how long, after a "
	    "refund or return");
	return ORDQ_REFUND;
}

/*
 * "So what happens now?", "do I need to do anything?" right after an
 * order was discussed: the same question about it, whose answer says
 * what comes next; "what carrier is it with?" where it is.
 */
#define NEXT_WORDS	10	/* "so what happens now? do i need to do
				   anything" */

static enum dlg_order_topic
next_step(struct tctx *t)
{
	static const char *const next[] = { "what happens now",
	    "what happens next", "what now", "what next", "do i need to do",
	    "do i have to do", "what should i do", "what can i do",
	    "what do i do", "anything i need to do", "what are my options",
	    "what are the next steps", NULL };
	static const char *const shipping[] = { "carrier", "courier",
	    "tracking", NULL };
	int	 last = (int)dlg_jnum(t->state, "order_topic", 0);

	struct text_token *tok = NULL;
	size_t		 cap = 0, n;

	/* "My headphones crackle, what should I do?" is about them. */
	if (dlg_order_focus(t) == NULL || !(dlg_has_any(t, next) ||
	    dlg_has_any(t, shipping)) || dlg_order_general(t) ||
	    t->e->el.n > 0)
		return ORDQ_NONE;
	n = text_tokenize(t->text, t->len, &tok, &cap);
	free(tok);
	if (n > NEXT_WORDS)
		return ORDQ_NONE;
	dlg_jset_str(t->trace, "order_topic_kept", "what comes next, after "
	    "an order question");
	/* "What carrier is it with?" asks where it is. */
	return last > ORDQ_NONE && last <= ORDQ_TRACK && !dlg_has_any(t,
	    shipping) ? (enum dlg_order_topic)last : ORDQ_TRACK;
}

/* Does the message name a product, brand, kind or feature?  Then a
 * question none of the orders answers is about that, not an order. */
static int
names_any(struct tctx *t)
{
	return dlg_first_entity(t, ENTITY_PRODUCT) != NULL ||
	    dlg_first_entity(t, ENTITY_BRAND) != NULL ||
	    dlg_first_entity(t, ENTITY_CATEGORY) != NULL ||
	    dlg_first_entity(t, ENTITY_ATTRIBUTE) != NULL ||
	    dlg_first_entity(t, ENTITY_PRICE) != NULL;
}

/*
 * The bot has just listed orders to choose from and the answer picks
 * none: list them again rather than guess or answer something else.
 * 1 when it asked.
 */
static int
ask_listed_again(struct tctx *t, const char *form,
    enum dlg_order_topic topic)
{
	cJSON		*ch = cJSON_GetObjectItemCaseSensitive(t->state,
	    "order_choices"), *c;
	char		**ids;
	const char	*id;
	size_t		 n = 0, i;

	if (!cJSON_IsArray(ch) || cJSON_GetArraySize(ch) < 2)
		return 0;
	ids = xcalloc((size_t)cJSON_GetArraySize(ch), sizeof *ids);
	cJSON_ArrayForEach(c, ch)
		if ((id = dlg_jstr(c, "id")) != NULL)
			ids[n++] = xstrdup(id);
	t->order_topic = topic;
	dlg_set_intent(t, form);
	dlg_jset_str(t->trace, "order_question", form);
	/* "Is there a fee?" after the same laptop's two orders were
	 * listed: the only one a return can be about. */
	if (topic == ORDQ_RETURN || topic == ORDQ_FEE) {
		char	**v = xcalloc(n ? n : 1, sizeof *v);
		size_t	 k = n;

		for (i = 0; i < n; i++)
			v[i] = xstrdup(ids[i]);
		dlg_keep_orders(t, v, &k, dlg_order_returnable, NULL);
		if (k == 1) {
			dlg_jset_str(t->trace, "order_resolution", "of the "
			    "orders listed, the only one still returnable");
			dlg_handle_order_id(t, form, v[0]);
		}
		dlg_ids_free(v, k);
		if (k == 1) {
			dlg_ids_free(ids, n);
			return 1;
		}
	}
	dlg_jset_str(t->trace, "order_resolution", "none of the orders "
	    "listed: asked again");
	dlg_open_form(t, form);
	dlg_ask_order_choice(t, form, ids, n < 5 ? n : 5);
	dlg_ids_free(ids, n);
	return 1;
}

/* Is the turn's intent about the customer's account, never an order? */
static int
account_intent(struct tctx *t)
{
	static const char *const account[] = { "recover_password",
	    "create_account", "delete_account", "edit_account",
	    "registration_problems", "switch_account", NULL };
	size_t	 i;

	for (i = 0; account[i] != NULL; i++)
		if (strcmp(t->intent, account[i]) == 0)
			return 1;
	return 0;
}

/*
 * The policy's step before the intent: a question about an order the
 * customer has (named, listed, in focus) in words about orders is
 * answered about that order, whatever the classifier made of it.
 * 1 when that was the turn.
 */
int
dlg_order_question(struct tctx *t)
{
	enum dlg_order_topic topic;
	static const char *const owned[] = { "my", "i bought", "i got",
	    "i ordered", "i have", NULL };
	int		 again = 0;

	/* "Can I return it if it doesn't run on my Mac?" before buying:
	 * whether the policy takes the product back at all. */
	if (!t->have_cust)
		return dlg_order_topic(t) == ORDQ_RETURN &&
		    dlg_order_number(t) == NULL && dlg_return_product_rule(t);
	/* "I'm looking for a gaming laptop" asks for something new, even
	 * with a laptop in an order and that order just discussed. */
	if (t->e->ir.verdict == INTENT_OK &&
	    strcmp(t->intent, "recommendation") == 0 &&
	    dlg_order_number(t) == NULL && !dlg_has_any(t, owned))
		return 0;
	/* "My password reset email never arrives": the account's, which
	 * the classifier is sure of, however the words speak of arriving. */
	if (t->e->ir.verdict == INTENT_OK && dlg_order_number(t) == NULL &&
	    account_intent(t))
		return 0;
	if ((topic = dlg_order_topic(t)) == ORDQ_NONE)
		again = (topic = same_again(t)) != ORDQ_NONE;
	if (topic == ORDQ_NONE)
		topic = how_long_refund(t);
	if (topic == ORDQ_NONE)
		topic = next_step(t);
	/* "Can you check on #11942?": an order number alone asks how
	 * that order is, unless the intent is an order form of its own. */
	/* "I have a question about one of my orders", which the
	 * classifier cannot place: which order first, never a past
	 * ticket about some other order. */
	if (topic == ORDQ_NONE && t->e->ir.verdict != INTENT_OK &&
	    dlg_order_indefinite(t) && !names_any(t) &&
	    dlg_order_number(t) == NULL)
		topic = ORDQ_TRACK;
	if (topic == ORDQ_NONE && dlg_order_number(t) != NULL &&
	    (strcmp(t->intent, "track_order") == 0 ||
	    !(dlg_flags_of(t, t->intent_id) & ACT_FORM)) &&
	    dlg_owns_order(t, dlg_order_number(t)->value))
		topic = ORDQ_TRACK;
	if (topic == ORDQ_NONE)
		return 0;
	return dlg_order_answer(t, topic, again);
}

/*
 * The question topic asked about the order the customer means (named,
 * listed, in focus); again: the topic is the last question's, carried
 * over, so the order in focus alone does not settle it.  1 when that
 * was the turn.
 */
int
dlg_order_answer(struct tctx *t, enum dlg_order_topic topic, int again)
{
	struct dlg_order_pick p;
	static const char *const owned[] = { "my", "i bought", "i got",
	    "i ordered", "i have", NULL };
	const char	*form;
	int		 focus_only;

	t->order_topic = topic;
	if (dlg_several_orders(t, dlg_order_topic_form(topic), topic))
		return 1;
	/* "Which of my orders can I still return?", "which orders can I
	 * send back": those in the window. */
	if ((topic == ORDQ_RETURN || (topic == ORDQ_LIST &&
	    (dlg_has_word(t, "return") || dlg_has_word(t, "send back")))) &&
	    dlg_has_word(t, "which") &&
	    dlg_order_number(t) == NULL && dlg_first_entity(t,
	    ENTITY_PRODUCT) == NULL && dlg_returnable_orders(t))
		return 1;
	t->order_topic = ORDQ_NONE;
	dlg_order_pick(t, &p);
	/*
	 * "And the ssd?" is about the order holding it, or nothing; "what's
	 * the warranty on it?" is about the product in view unless the
	 * customer speaks of one they have.
	 */
	focus_only = p.id != NULL && strcmp(p.rule, "the order in focus") == 0;
	/* "Which orders do I have?": the recent ones, to pick from. */
	if (topic == ORDQ_LIST && p.id == NULL && p.n < 2 && !p.named &&
	    !names_any(t)) {
		dlg_order_pick_release(&p);
		t->order_topic = ORDQ_TRACK;
		dlg_set_intent(t, "track_order");
		dlg_jset_str(t->trace, "order_question", "track_order");
		dlg_handle_order(t, "track_order");
		return 1;
	}
	/* "Is my sd card arriving today?" with nothing to tell which
	 * order: ask, listing the recent ones. */
	if (p.id == NULL && p.n < 2 && !again && !p.named && dlg_has_any(t,
	    owned) && (topic == ORDQ_TRACK || topic == ORDQ_RETURN ||
	    topic == ORDQ_CANCEL) && !names_any(t)) {
		dlg_order_pick_release(&p);
		form = dlg_order_topic_form(topic);
		t->order_topic = topic;
		dlg_set_intent(t, form);
		dlg_jset_str(t->trace, "order_question", form);
		dlg_handle_order(t, form);
		return 1;
	}
	/* "When will that one show up?" right after the bot listed
	 * orders, pointing at none of them: ask again among those. */
	if (p.id == NULL && p.n < 2 && !p.named && ask_listed_again(t,
	    dlg_order_topic_form(topic), topic)) {
		dlg_order_pick_release(&p);
		return 1;
	}
	if ((p.id == NULL && p.n < 2) || (again && focus_only) ||
	    (topic == ORDQ_WARRANTY && focus_only && !dlg_has_any(t, owned))) {
		dlg_order_pick_release(&p);
		return 0;
	}
	form = dlg_order_topic_form(topic);
	t->order_topic = topic;
	t->intent = form;
	t->intent_id = intent_id(form);
	dlg_jset_str(t->trace, "order_question", form);
	dlg_jset_str(t->trace, "order_resolution", p.rule);
	if (p.id == NULL) {
		dlg_open_form(t, form);
		dlg_ask_order_choice(t, form, p.ids, p.n < 5 ? p.n : 5);
	} else
		dlg_handle_order_id(t, form, p.id);
	dlg_order_pick_release(&p);
	return 1;
}

/*
 * The policy's first step after an order's answer: a bare pointer at
 * an item ordered ("ok and the keyboard one") is the same question
 * about the order holding it, before the cart or the catalog read it.
 * 1 when that was the turn.
 */
int
dlg_order_followup(struct tctx *t)
{
	cJSON		*form = cJSON_GetObjectItemCaseSensitive(t->state,
	    "form");
	const char	*fname = cJSON_IsObject(form) ? dlg_jstr(form, "name") :
	    NULL;

	/* "The delayed one" when the bot asked which of those listed.
	 * The form's own name lives in the state, which the answer
	 * rewrites: the intent takes the topic's static name. */
	if (t->have_cust && dlg_order_listed_status(t) != NULL) {
		t->order_topic = fname != NULL ? dlg_form_topic(fname) :
		    ORDQ_TRACK;
		fname = dlg_order_topic_form(t->order_topic);
		dlg_set_intent(t, fname);
		dlg_jset_str(t->trace, "order_question", fname);
		dlg_handle_order(t, fname);
		return 1;
	}
	if (!t->have_cust || !dlg_order_just_discussed(t) ||
	    dlg_order_number(t) != NULL || !only_points_at_items(t))
		return 0;
	return dlg_order_question(t);
}
