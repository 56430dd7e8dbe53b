/*
 * dlg-orderq.c: questions about an order the customer already has in
 * mind, in whatever words they come: which order (the number given, one
 * of the orders just listed by position, the orders holding the product,
 * brand or category named, narrowed by the status named -- "the one I
 * cancelled" -- or the order in focus) and what about it (arrival,
 * tracking, a signature, a refund, what a return costs, returning,
 * cancelling, the address).  dlg-support.c then answers with the key
 * fact from the order's rows and the policy facts.
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
 * What an order question asks, by its words, first match first: a fee
 * question mentions returning, a refund question may say "cancelled".
 */
static const struct {
	enum dlg_order_topic	 topic;
	const char		*words[32];
} topic_words[] = {
	{ ORDQ_LIST, { "twice", "two orders", "both orders", "which ones",
	    "what orders", "which orders", "all my orders", "orders do i",
	    "orders i have", "on order again", "ordered again", NULL } },
	{ ORDQ_ADDRESS, { "address", "ship it to", "ship to",
	    "deliver it to", "deliver to", NULL } },
	{ ORDQ_SIGN, { "sign for", "signature", "need to sign", "have to sign",
	    "someone to sign", "signed for", NULL } },
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
	{ ORDQ_DEFECT, { "dead pixels", "stopped working", "stopped charging",
	    "arrived broken", "arrived damaged", "arrived with", "cracked",
	    "defective", "broken", "doesn't work", "doesnt work",
	    "not working", "won't charge", "faulty", "dead on arrival",
	    NULL } },
	{ ORDQ_CANCEL, { "cancel", NULL } },
	{ ORDQ_INVOICE, { "invoice", "receipt", NULL } },
	{ ORDQ_WARRANTY, { "warranty", "still covered", NULL } },
	{ ORDQ_REFUND, { "refund", "refunds", "refunded", "money", "paypal",
	    "reimburse", "charged", "bank", "statement", "debit card",
	    "credit card", "my card", "amex", NULL } },
	{ ORDQ_RETURN, { "return", "send back", "send it back",
	    "send them back", "exchange", "can that go back",
	    "can it go back", NULL } },
	{ ORDQ_TRACK, { "tracking", "track", "arrive", "arriving", "arrives",
	    "arrival", "coming", "come", "get here", "delivery", "deliver",
	    "eta", "ship", "ships", "shipped", "stuck", "where is", "where's",
	    "where are",
	    "wheres", "where my", "on the way", "supposed to", "late",
	    "which day",
	    "what day", "show up", NULL } },
};

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

enum dlg_order_topic
dlg_order_topic(struct tctx *t)
{
	size_t	 i;

	if (dlg_has_any(t, general_words))
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
	for (i = 0; i < sizeof topic_words / sizeof topic_words[0]; i++)
		if (dlg_has_any(t, topic_words[i].words))
			return topic_words[i].topic;
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
	case ORDQ_WARRANTY:
	case ORDQ_TRACK:
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

/* The statuses a word of the message picks orders by, or NULL. */
static const char *
status_named(struct tctx *t, int narrowing)
{
	static const char *const cancelled[] = { "cancelled", "canceled",
	    NULL };
	static const char *const returned[] = { "returned", "refunded",
	    "sent back", NULL };
	static const char *const on_way[] = { "on the way", "in transit",
	    "coming", NULL };
	/* "is it delivered yet?" asks; "I got it this week" says. */
	static const char *const delivered[] = { "got it", "i received",
	    "just got", "i got", NULL };

	if (dlg_has_any(t, cancelled))
		return " cancelled ";
	if (dlg_has_any(t, returned))
		return " return_requested refunded ";
	if (dlg_has_any(t, on_way))
		return " shipped processing ";
	/* "the dell, I got it this week" narrows; alone it asks. */
	if (narrowing && dlg_has_any(t, delivered))
		return " delivered ";
	return NULL;
}

/*
 * Keep the ids (*n updated) whose order keep(t, order, arg) accepts; the
 * others are freed.  Orders that cannot be read are dropped.
 */
void
dlg_keep_orders(struct tctx *t, char **ids, size_t *n, dlg_order_test keep,
    const void *arg)
{
	struct order	 o;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 i, k = 0;
	int		 yes;

	dlg_retrieve_begin(t);
	for (i = 0; i < *n; i++) {
		yes = 0;
		if (catalog_order(t->st, ids[i], &o, &err) == SD_OK) {
			yes = keep(t, &o, arg);
			order_release(&o);
		}
		sd_error_clear(&err);
		if (yes)
			ids[k++] = ids[i];
		else
			free(ids[i]);
	}
	dlg_retrieve_end(t);
	*n = k;
}

/* An order whose status is among statuses (" shipped processing "). */
static int
status_in(struct tctx *t, const struct order *o, const void *arg)
{
	const char	*statuses = arg;
	char		*key = xasprintf(" %s ", o->status);
	int		 yes = strstr(statuses, key) != NULL;

	(void)t;
	free(key);
	return yes;
}

static void
ids_free(char **ids, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

/*
 * "I ordered the same laptop twice": of the orders ids, those holding a
 * product another of them holds too (all of them when none does).
 */
static void
keep_shared(struct tctx *t, char **ids, size_t *n)
{
	struct order	*v = xcalloc(*n, sizeof *v);
	struct sd_error	 err = SD_ERROR_INIT;
	int		*ok = xcalloc(*n, sizeof *ok);
	size_t		 i, j, a, b, k = 0, shared = 0;

	dlg_retrieve_begin(t);
	for (i = 0; i < *n; i++)
		if (catalog_order(t->st, ids[i], &v[i], &err) != SD_OK)
			sd_error_clear(&err);
	dlg_retrieve_end(t);
	for (i = 0; i < *n; i++)
		for (j = 0; j < *n; j++)
			for (a = 0; j != i && a < v[i].nitems; a++)
				for (b = 0; b < v[j].nitems; b++)
					if (strcmp(v[i].items[a].sku,
					    v[j].items[b].sku) == 0)
						ok[i] = 1;
	for (i = 0; i < *n; i++)
		shared += ok[i];
	for (i = 0; i < *n; i++) {
		if (shared == 0 || ok[i])
			ids[k++] = ids[i];
		else
			free(ids[i]);
		order_release(&v[i]);
	}
	*n = k;
	free(v);
	free(ok);
}

/* Does the customer have order id? */
int
dlg_owns_order(struct tctx *t, const char *id)
{
	struct order	 o;
	struct sd_error	 err = SD_ERROR_INIT;
	int		 r = 0;

	dlg_retrieve_begin(t);
	if (catalog_order(t->st, id, &o, &err) == SD_OK) {
		r = strcmp(o.customer_id, t->cust.id) == 0;
		order_release(&o);
	}
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	return r;
}

/* The order number given, unless it is part of a street address. */
const struct entity *
dlg_order_number(struct tctx *t)
{
	const struct entity *en = dlg_first_entity(t, ENTITY_ORDER_ID);

	if (en != NULL && dlg_says_address(t) && (!t->have_cust ||
	    !dlg_owns_order(t, en->value)))
		return NULL;
	return en;
}

/* "-10-" for "the october one", or NULL. */
static char *
month_named(struct tctx *t)
{
	static const char *const months[] = { "january", "february",
	    "march", "april", "may", "june", "july", "august", "september",
	    "october", "november", "december", NULL };
	int	 i;

	for (i = 0; months[i] != NULL; i++)
		if (dlg_has_word(t, months[i]) && i != 4)	/* "may I" */
			return xasprintf("-%02d-", i + 1);
	return NULL;
}

/*
 * The day "last night", "yesterday" or "this morning" means, as an ISO
 * day, or NULL.  Caller frees.
 */
static char *
day_named(struct tctx *t)
{
	static const char *const yesterday[] = { "last night", "yesterday",
	    NULL };
	static const char *const today[] = { "this morning", "earlier today",
	    NULL };

	if (dlg_has_any(t, yesterday))
		return catalog_day_add(store_now(), -1);
	if (dlg_has_any(t, today))
		return catalog_day_add(store_now(), 0);
	return NULL;
}

/* An order placed in the month mon ("-10-") or on the day mon
 * ("2026-11-19"). */
static int
placed_in(struct tctx *t, const struct order *o, const void *arg)
{
	const char	*mon = arg;

	(void)t;
	return mon[0] == '-' ? strncmp(o->placed_at + 4, mon, 4) == 0 :
	    strncmp(o->placed_at, mon, 10) == 0;
}

/* An order with an item at the price the customer says. */
static int
at_price(struct tctx *t, const struct order *o, const void *unused)
{
	const struct entity *pe = dlg_first_entity(t, ENTITY_PRICE);
	double		 v = pe->has_max ? pe->max : pe->min;
	size_t		 j;
	int		 yes = 0;

	(void)unused;
	for (j = 0; j < o->nitems; j++)
		yes |= o->items[j].unit_price > v - 1 &&
		    o->items[j].unit_price < v + 1;
	return yes;
}

/* The one of ids placed on the day the customer gives, or NULL. */
static const char *
placed_on(struct tctx *t, char **ids, size_t n)
{
	const struct entity *d = dlg_first_entity(t, ENTITY_DATE);
	struct order	 o;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*hit = NULL;
	size_t		 i, hits = 0;

	if (d == NULL || strlen(d->value) < 10)
		return NULL;
	dlg_retrieve_begin(t);
	for (i = 0; i < n; i++) {
		if (catalog_order(t->st, ids[i], &o, &err) != SD_OK) {
			sd_error_clear(&err);
			continue;
		}
		if (strncmp(o.placed_at, d->value, 10) == 0) {
			hit = ids[i];
			hits++;
		}
		order_release(&o);
	}
	dlg_retrieve_end(t);
	return hits == 1 ? hit : NULL;
}

/*
 * Among several orders ids (oldest first): the one placed on the day
 * given, the oldest or newest when the customer says so, the one in
 * focus, else none.
 */
static const char *
one_of(struct tctx *t, char **ids, size_t n, const char **rule)
{
	static const char *const newest[] = { "new", "newest", "newer",
	    "latest", "most recent", "last night", "again", NULL };
	static const char *const oldest[] = { "first", "older", "oldest",
	    "original", NULL };
	const char	*focus = dlg_order_focus(t), *id;
	size_t		 i;

	if ((id = placed_on(t, ids, n)) != NULL) {
		*rule = "the order named placed on the day given";
		return id;
	}
	/* "I ordered it twice, I got the first one": list them both. */
	if (dlg_has_any(t, oldest) && dlg_order_topic(t) != ORDQ_LIST) {
		*rule = "the oldest of the orders named";
		return ids[0];
	}
	/* "I bought them again": the new order, whatever is in focus. */
	if (dlg_has_any(t, newest)) {
		*rule = "the newest of the orders named";
		return ids[n - 1];
	}
	for (i = 0; focus != NULL && i < n; i++)
		if (strcmp(ids[i], focus) == 0) {
			*rule = "the order in focus is among those named";
			return ids[i];
		}
	return NULL;
}

/* Narrow p's candidates with keep, unless none would be left. */
static void
narrow(struct tctx *t, struct dlg_order_pick *p, dlg_order_test keep,
    const void *arg, const char *rule)
{
	char	**v = xcalloc(p->n, sizeof *v);
	size_t	 k = p->n, i;

	for (i = 0; i < p->n; i++)
		v[i] = xstrdup(p->ids[i]);
	dlg_keep_orders(t, v, &k, keep, arg);
	if (k == 0) {
		free(v);
		return;
	}
	ids_free(p->ids, p->n);
	p->ids = v;
	p->n = k;
	p->rule = rule;
}

/* Is the entity's text the name of a month ("august")? */
static int
is_month(struct tctx *t, const struct entity *en)
{
	static const char *const months[] = { "january", "february", "march",
	    "april", "june", "july", "august", "september", "october",
	    "november", "december", NULL };
	const char *const *m;
	size_t	 n = en->end - en->start;

	for (m = months; *m != NULL && en->end <= t->len; m++)
		if (strlen(*m) == n && strncasecmp(*m, t->text + en->start,
		    n) == 0)
			return 1;
	return 0;
}

/* Words too common to name an item of an order. */
static const char *const common_words[] = { "about", "again", "after",
	"already", "another", "arrive", "arrived", "before", "cancel",
	"change", "charged", "could", "delivery", "first", "hello", "money",
	"night", "number", "order", "ordered", "orders", "other", "please",
	"price", "refund", "return", "returns", "second", "should", "still",
	"thanks", "their", "there", "these", "thing", "things", "those",
	"today", "tomorrow", "tracking", "where", "which", "would",
	"yesterday", "invoice", "receipt", "month", "week", "great", NULL };

/* Shortest word that may name an item ("watch", not "home" or "pro"). */
#define ITEM_WORD_MIN	5

/*
 * "An invoice for my windows key": a word of the message that the name
 * of one of the customer's ordered items holds, when no entity names
 * anything.  Caller frees.
 */
static char *
word_of_items(struct tctx *t)
{
	struct text_token *tok = NULL;
	struct order_match m;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 cap = 0, n, i, k, len;
	char		**ids, *w = NULL;
	const char *const *c;

	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0; i < n && w == NULL; i++) {
		len = tok[i].end - tok[i].start;
		if (len < ITEM_WORD_MIN || tok[i].has_digit)
			continue;
		w = xstrndup(t->text + tok[i].start, len);
		for (c = common_words; *c != NULL; c++)
			if (strcasecmp(*c, w) == 0)
				break;
		memset(&m, 0, sizeof m);
		m.name = w;
		ids = NULL;
		k = 0;
		if (*c == NULL) {
			dlg_retrieve_begin(t);
			catalog_customer_orders_with(t->st, t->cust.id, &m,
			    &ids, &k, &err);
			dlg_retrieve_end(t);
			sd_error_clear(&err);
		}
		ids_free(ids, k);
		if (k == 0) {
			free(w);
			w = NULL;
		}
	}
	free(tok);
	return w;
}

/*
 * The item the customer names: a product, brand or category
 * (dlg_order_named_item), else a feature word the item's name holds
 * ("the ssd", "my wifi order"), matched against the names of the items
 * ordered.  *words: caller frees.
 */
static int
named_item(struct tctx *t, struct order_match *m, char **words)
{
	const struct entity *a = dlg_first_entity(t, ENTITY_ATTRIBUTE);
	const struct entity *b = dlg_first_entity(t, ENTITY_BRAND);
	const struct entity *c = dlg_first_entity(t, ENTITY_CATEGORY);

	/* "my headphone from august": a month is no brand here. */
	if (dlg_first_entity(t, ENTITY_PRODUCT) == NULL && b != NULL &&
	    c != NULL && is_month(t, b)) {
		memset(m, 0, sizeof *m);
		*words = NULL;
		m->category = c->category != NULL ? c->category : c->value;
		return 1;
	}
	if (dlg_order_named_item(t, m, words))
		return 1;
	memset(m, 0, sizeof *m);
	if (a != NULL && a->end > a->start && a->end <= t->len) {
		m->name = *words = xstrndup(t->text + a->start,
		    a->end - a->start);
		return 1;
	}
	if ((*words = word_of_items(t)) == NULL)
		return 0;
	m->name = *words;
	return 1;
}

/*
 * The customer's orders holding the item m.  A category is wide
 * ("keyboard" is an accessory, as a phone case is): the items whose
 * name holds the word said come first.
 */
static void
orders_holding(struct tctx *t, const struct order_match *m, char ***ids,
    size_t *n)
{
	const struct entity *c = dlg_first_entity(t, ENTITY_CATEGORY);
	struct order_match byname;
	struct sd_error	 err = SD_ERROR_INIT;
	char		*word = NULL;

	*ids = NULL;
	*n = 0;
	dlg_retrieve_begin(t);
	/* "laptop" names the category itself: a laptop sleeve is none. */
	if (m->category != NULL && c != NULL && c->end > c->start &&
	    c->end <= t->len && strncasecmp(m->category, t->text + c->start,
	    c->end - c->start) != 0) {
		memset(&byname, 0, sizeof byname);
		byname.name = word = xstrndup(t->text + c->start,
		    c->end - c->start);
		catalog_customer_orders_with(t->st, t->cust.id, &byname, ids,
		    n, &err);
		sd_error_clear(&err);
	}
	if (*n == 0) {
		free(*ids);
		catalog_customer_orders_with(t->st, t->cust.id, m, ids, n,
		    &err);
		sd_error_clear(&err);
	}
	dlg_retrieve_end(t);
	free(word);
}

void
dlg_order_pick_release(struct dlg_order_pick *p)
{
	ids_free(p->ids, p->n);
	free(p->id);
	memset(p, 0, sizeof *p);
}

/*
 * Which order the customer means, in order: the number given; one of
 * the orders just listed, by position; the orders holding the item
 * named, narrowed by a status named, the order in focus, "the new one";
 * the orders with the status named ("the one I cancelled"); the order
 * in focus.  p->id is the pick, else p->ids the candidates to ask
 * about (several), else nothing is meant (p->named: an item none of the
 * orders holds).
 */
void
dlg_order_pick(struct tctx *t, struct dlg_order_pick *p)
{
	const struct entity *en = dlg_order_number(t);
	struct order_match m;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*how = NULL, *st, *id;
	char		*words = NULL, *mon = NULL;
	struct dlg_period pd;

	memset(p, 0, sizeof *p);
	if (en != NULL) {
		p->id = xstrdup(en->value);
		p->rule = "the order number given";
		return;
	}
	/* "where is 12281?": a number of the customer's own orders. */
	if ((p->n = dlg_orders_said(t, &p->ids)) > 0) {
		p->rule = p->n > 1 ? "several order numbers given" :
		    "a number of one of the customer's orders";
		if (p->n == 1) {
			p->id = p->ids[0];
			free(p->ids);
			p->ids = NULL;
			p->n = 0;
		}
		return;
	}
	/* "The first iPad Air I bought": the item says which. */
	if (dlg_first_entity(t, ENTITY_PRODUCT) == NULL &&
	    dlg_first_entity(t, ENTITY_BRAND) == NULL &&
	    (id = dlg_order_by_position(t, &how)) != NULL) {
		p->id = xstrdup(id);
		p->rule = "an order just listed, by position";
		dlg_jset_str(t->trace, "order_position", how);
		return;
	}
	if (!t->have_cust)
		return;
	if (named_item(t, &m, &words)) {
		/* A kind of thing said in passing ("it's on the stand")
		 * does not take the question off the order in focus. */
		p->named = dlg_first_entity(t, ENTITY_PRODUCT) != NULL ||
		    dlg_first_entity(t, ENTITY_BRAND) != NULL;
		orders_holding(t, &m, &p->ids, &p->n);
		free(words);
		p->rule = "the customer's only order holding the item named";
		if (dlg_order_topic(t) == ORDQ_LIST) {
			/* "the same laptop twice": both, never one. */
			if (p->n > 2)
				keep_shared(t, p->ids, &p->n);
		} else if (p->n > 1 && (st = status_named(t, 1)) != NULL)
			narrow(t, p, status_in, st, "the order holding the "
			    "item named, with the status named");
		/* "Where is my laptop?": one on its way, not one delivered. */
		if (p->n > 1 && dlg_order_topic(t) == ORDQ_TRACK)
			narrow(t, p, status_in, " shipped processing ",
			    "the order holding the item named, on its way");
		if (p->n > 1 && dlg_first_entity(t, ENTITY_PRICE) != NULL)
			narrow(t, p, at_price, NULL, "the order holding the "
			    "item named, at the price said");
		if (p->n > 1 && dlg_order_topic(t) != ORDQ_LIST &&
		    (mon = month_named(t)) != NULL)
			narrow(t, p, placed_in, mon, "the order holding the "
			    "item named, placed in the month named");
		if (p->n > 1 && dlg_order_topic(t) != ORDQ_LIST &&
		    dlg_period_named(t, &pd)) {
			narrow(t, p, dlg_in_period, &pd, "the order holding the "
			    "item named, dated in the period said");
			dlg_period_release(&pd);
		}
	} else if ((st = status_named(t, 0)) != NULL) {
		dlg_retrieve_begin(t);
		catalog_customer_orders(t->st, t->cust.id, &p->ids, &p->n,
		    &err);
		dlg_retrieve_end(t);
		sd_error_clear(&err);
		dlg_keep_orders(t, p->ids, &p->n, status_in, st);
		p->rule = "the customer's only order with the status named";
		p->named = p->n == 0;	/* none has it: ask, never guess */
		if (p->n > 1 && dlg_period_named(t, &pd)) {
			narrow(t, p, dlg_in_period, &pd, "the order with the "
			    "status named, dated in the period said");
			dlg_period_release(&pd);
		}
	} else if (dlg_period_picks(t, &pd)) {
		/* "the one I got this week", "returned it a week ago" */
		dlg_retrieve_begin(t);
		catalog_customer_orders(t->st, t->cust.id, &p->ids, &p->n,
		    &err);
		dlg_retrieve_end(t);
		sd_error_clear(&err);
		dlg_keep_orders(t, p->ids, &p->n, dlg_in_period, &pd);
		dlg_period_release(&pd);
		p->rule = "the customer's only order dated in the period said";
	} else if (((mon = month_named(t)) != NULL || (mon = day_named(t)) !=
	    NULL) && (dlg_has_word(t, "one") || dlg_has_word(t, "order") ||
	    dlg_has_word(t, "ordered"))) {
		/* "return the october one", "I ordered one last night" */
		dlg_retrieve_begin(t);
		catalog_customer_orders(t->st, t->cust.id, &p->ids, &p->n,
		    &err);
		dlg_retrieve_end(t);
		sd_error_clear(&err);
		dlg_keep_orders(t, p->ids, &p->n, placed_in, mon);
		p->rule = "the customer's only order placed in the month named";
		p->named = p->n == 0;
	} else {
		free(mon);	/* a month said, but of no order */
		if ((id = dlg_order_focus(t)) != NULL) {
			p->id = xstrdup(id);
			p->rule = "the order in focus";
		}
		return;
	}
	if (p->n == 0 && !p->named && (id = dlg_order_focus(t)) != NULL) {
		p->id = xstrdup(id);
		p->rule = "the order in focus";
	}
	if (p->id == NULL && p->n == 1) {
		p->id = p->ids[0];
		p->ids[0] = NULL;
	} else if (p->id == NULL && p->n > 1 &&
	    (id = one_of(t, p->ids, p->n, &p->rule)) != NULL)
		p->id = xstrdup(id);
	if (p->id != NULL) {
		ids_free(p->ids, p->n);
		p->ids = NULL;
		p->n = 0;
	} else if (p->n > 1)
		p->rule = "several orders match";
	free(mon);
}

/*
 * Words in a message at most this long can only continue a question;
 * more when the bot asked which order ("the macbook one, did you get
 * it yet").
 */
#define ELLIPSIS_WORDS	6
#define ANSWER_WORDS	10

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
	int		 named, topic;
	struct dlg_period pd;

	static const char *const next_one[] = { "and the", "and my",
	    "and that", "what about", "how about", NULL };

	/* Unasked, only "and the ssd?" goes on: "does it come with a
	 * case?" asks something else. */
	if (dlg_has_any(t, general_words) || (fname == NULL &&
	    !dlg_has_any(t, next_one)))
		return ORDQ_NONE;
	topic = (int)dlg_jnum(t->state, "order_topic", 0);
	if (topic <= 0 && fname != NULL)
		topic = (int)dlg_form_topic(fname);
	if (topic <= 0)
		return ORDQ_NONE;
	n = text_tokenize(t->text, t->len, &tok, &cap);
	free(tok);
	if (n > (fname != NULL ? ANSWER_WORDS : ELLIPSIS_WORDS))
		return ORDQ_NONE;
	named = named_item(t, &m, &words);
	free(words);
	/* "The one I got this week" when the bot asked which order. */
	if (!named && fname != NULL && dlg_period_picks(t, &pd)) {
		dlg_period_release(&pd);
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
	    dlg_has_any(t, general_words) || (last != ORDQ_REFUND &&
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
 * The policy's step before the intent: a question about an order the
 * customer has (named, listed, in focus) in words about orders is
 * answered about that order, whatever the classifier made of it.
 * 1 when that was the turn.
 */
int
dlg_order_question(struct tctx *t)
{
	struct dlg_order_pick p;
	enum dlg_order_topic topic;
	static const char *const owned[] = { "my", "i bought", "i got",
	    "i ordered", "i have", NULL };
	const char	*form;
	int		 again = 0, focus_only;

	if (!t->have_cust)
		return 0;
	if ((topic = dlg_order_topic(t)) == ORDQ_NONE)
		again = (topic = same_again(t)) != ORDQ_NONE;
	if (topic == ORDQ_NONE)
		topic = how_long_refund(t);
	if (topic == ORDQ_NONE)
		return 0;
	t->order_topic = topic;
	if (dlg_several_orders(t, dlg_order_topic_form(topic), topic))
		return 1;
	/* "Which of my orders can I still return?": those in the window. */
	if (topic == ORDQ_RETURN && dlg_has_word(t, "which") &&
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
