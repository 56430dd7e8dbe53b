/*
 * dlg-stock.c: whether and how a product can be had.  Its stock, asked
 * in any words ("any left?", "how many have you got", "do u have
 * enough of those for 4"), with the count, "only N left" at or under
 * the low-stock line, and whether there are enough for the number
 * wanted; when an item sold out comes back (the catalog keeps no
 * restock date: an alert offered instead); and how a digital item
 * arrives (its "delivery" attribute: a key or code by email).
 *
 * The classifier reads many of these as something else ("do u have
 * enough of those" as off topic, "how many of the X have you got" as a
 * specifications question), so the words settle them when a product
 * is named or in focus, before the intent does.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "trigger.h"
#include "dlg-int.h"

/* Words that ask for the stock on their own. */
static const char *const stock_said[] = { "in stock", "stock", "stocked",
	"sold out", "restock", "restocked", "availability", "out of stock",
	NULL };
/* Words that ask for it beside "left", "enough", "have" or "available". */
static const char *const any_left[] = { "any", "how many", "still",
	"only", "are there", "is there", "some", NULL };
static const char *const you_have[] = { "you have", "u have", "have you",
	"you got", "u got", "you guys have", "do you", "do u", "you carry",
	"you sell", NULL };
static const char *const those[] = { "of those", "of them", "of these",
	"of em", "of 'em", "of it", NULL };
static const char *const still_have[] = { "still have", "still got",
	"still sell", "still carry", "still available", NULL };
/* "When will you get more": a return to stock, on their own; "when
 * is it back" only beside a word of the stock (a refund comes back
 * too). */
static const char *const back_said[] = { "back in stock", "restock",
	"restocked", "get more", "getting more", "get any more",
	"get some more", "more coming", "available again", "in again",
	"restocking", NULL };
static const char *const back_loose[] = { "come back", "be back",
	"back", NULL };
static const char *const when_said[] = { "when", "how long", "how soon",
	"any idea", "eta", "date", NULL };

/*
 * Does the message ask whether, or how many of, a product can be had?
 * *back: it asks when one sold out comes back.
 */
static int
stock_asked(struct tctx *t, int *back)
{
	int	 yes;

	*back = 0;
	yes = dlg_has_any(t, stock_said) ||
	    (dlg_has_word(t, "left") && dlg_has_any(t, any_left)) ||
	    (dlg_has_word(t, "enough") && (dlg_has_any(t, you_have) ||
	    dlg_has_any(t, those))) ||
	    ((dlg_has_word(t, "how many") || dlg_has_word(t, "that many")) &&
	    dlg_has_any(t, you_have)) ||
	    dlg_has_any(t, still_have);
	/* "Is it available?" asks the stock; "available in blue" or "for
	 * mac" asks something else. */
	if (!yes && dlg_has_word(t, "available") && t->fold.s.buf != NULL) {
		const char *s = strstr(t->fold.s.buf, "available");

		for (s += strlen("available"); *s == ' '; s++)
			;
		yes = *s == '\0' || *s == '?' || *s == '.' || *s == '!';
	}
	if (dlg_has_any(t, when_said) && (dlg_has_any(t, back_said) ||
	    (yes && dlg_has_any(t, back_loose))))
		*back = yes = 1;
	return yes;
}

/* Is [a, b) inside a product the message names? */
static int
in_product(struct tctx *t, size_t a, size_t b)
{
	const struct entity *en;
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && a >= en->start &&
		    b <= en->end)
			return 1;
	}
	return 0;
}

/* Is one of words said outside the products named ("one-time
 * purchase" is a name's, not the customer's purchase)? */
static int
said_outside_names(struct tctx *t, const char *const *words)
{
	size_t	 a, b;

	for (; *words != NULL; words++)
		if (dlg_has_word(t, *words) && (!dlg_word_at(t, *words, &a,
		    &b) || !in_product(t, a, b)))
			return 1;
	return 0;
}

/*
 * How many the customer wants ("for 4 people", "if i want 3", "we need
 * 12"), else 0.  A number in a product's name ("anker 633") is none.
 */
static long
wanted(struct tctx *t)
{
	static const char *const before[] = { "for", "want", "need", "get",
	    "buy", "order", "take", NULL };
	const struct entity *en;
	struct text_token *tok = NULL;
	const char *const *w;
	size_t	 cap = 0, n, i;
	long	 v = 0;

	for (i = 0; i < t->e->el.n && v == 0; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_QUANTITY && !in_product(t, en->start,
		    en->end))
			v = atol(en->value);
	}
	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 1; i < n && v == 0; i++) {
		if (tok[i].has_alpha || !tok[i].has_digit ||
		    in_product(t, tok[i].start, tok[i].end))
			continue;
		for (w = before; *w != NULL; w++)
			if (tok[i - 1].end - tok[i - 1].start == strlen(*w) &&
			    strncasecmp(t->text + tok[i - 1].start, *w,
			    strlen(*w)) == 0)
				break;
		if (*w != NULL)
			v = atol(t->text + tok[i].start);
	}
	free(tok);
	return v > 0 && v < 10000 ? v : 0;
}

/*
 * The stock of p: the count, enough or not for the number wanted, and
 * for one sold out asked when it comes back, that no date is known and
 * an alert (here, for a signed-in customer; else on its product page).
 */
void
dlg_answer_stock(struct tctx *t, const struct product *p, int back)
{
	long	 want = wanted(t);
	cJSON	*pending;

	dlg_product_slots(t, p, "");
	dlg_cite(t, "product", p->sku, p->name, "stock");
	if (want > 1) {
		slots_setf(&t->slots, "want", "%ld", want);
		if (p->stock >= want)
			slots_set(&t->slots, "enough", "yes");
	}
	if (back && p->stock <= 0) {
		slots_set(&t->slots, "back_asked", "yes");
		dlg_fact_slot(t, "restock_alerts", "restock_alerts");
		if (t->have_cust) {
			slots_set(&t->slots, "offer_watch", "yes");
			pending = dlg_jobj(t->state, "pending");
			dlg_jset_str(pending, "action", "confirm_watch");
			dlg_jset_str(pending, "sku", p->sku);
		}
	}
	dlg_set_action(t, "answer_stock", "stock asked for %s: %lld%s",
	    p->sku, p->stock, back ? ", when back" : "");
	dlg_say(t, "stock");
}

/* The "delivery" attribute of p ("digital key by email"), or NULL.
 * Caller frees. */
static char *
delivery_of(const struct product *p)
{
	cJSON	*a = p->attrs != NULL ? cJSON_Parse(p->attrs) : NULL;
	cJSON	*d = cJSON_GetObjectItemCaseSensitive(a, "delivery");
	char	*v = cJSON_IsString(d) ? xstrdup(d->valuestring) : NULL;

	cJSON_Delete(a);
	return v;
}

/* "How do I receive it", "how does she get the card": how it comes. */
static int
delivery_asked(struct tctx *t)
{
	static const char *const how[] = { "how do i", "how does", "how will",
	    "how would", "how is it", "how are they", "how do we",
	    "how do you", "how long", "how fast", "how soon", "when do i",
	    "when would", "when will", NULL };
	static const char *const get[] = { "receive", "get it", "get the",
	    "get my", "get them", "delivered", "delivery", "sent", "send",
	    "arrive", "get one", "gets it", "get a", "get her", "get his",
	    NULL };

	return dlg_has_any(t, how) && dlg_has_any(t, get);
}

/*
 * The step before the intent: a stock question about the product named
 * or in focus, or how a digital one arrives.  1 when that was the turn.
 */
int
dlg_stock_question(struct tctx *t)
{
	struct product	 p;
	char		*how = NULL;
	int		 back, done = 0;

	static const char *const ordered[] = { "order", "my order", "orders",
	    "ordered", "bought", "purchase", "purchased", "my package",
	    "affected", "delayed", "delay", "ship", "shipped", "shipping",
	    "arrive", "arriving", "mine", "my one", "refund", "return", NULL };

	/* "When is the roborock back": when and back with no stock word
	 * ask the stock of a product that is sold out (a refund or an
	 * order comes back too: those are the order question's, below). */
	int		 loose = !stock_asked(t, &back) &&
	    dlg_has_any(t, when_said) && dlg_has_any(t, back_loose);

	memset(&p, 0, sizeof p);
	if (!stock_asked(t, &back) && !loose && !delivery_asked(t))
		return 0;
	/* "It shows out of stock now, is my order affected?" asks about
	 * the order: the order question's. */
	if (said_outside_names(t, ordered) || dlg_order_number(t) != NULL)
		return 0;
	if (!dlg_target_product(t, &p))
		return 0;
	if (loose && p.stock > 0 && !delivery_asked(t)) {
		product_release(&p);
		return 0;
	}
	if (loose && p.stock <= 0) {
		dlg_answer_stock(t, &p, 1);
		done = 1;
	} else if (stock_asked(t, &back)) {
		dlg_answer_stock(t, &p, back);
		dlg_spec_answer(t, &p);
		done = 1;
	} else if ((how = delivery_of(&p)) != NULL) {
		dlg_product_slots(t, &p, "");
		slots_set(&t->slots, "delivery", how);
		dlg_cite(t, "product", p.sku, p.name, "attrs");
		dlg_set_action(t, "answer_delivery", "%s arrives by %s", p.sku,
		    how);
		dlg_say(t, "digital_delivery");
		done = 1;
	}
	if (done)
		dlg_jset_str(t->trace, "stock_question", p.sku);
	free(how);
	product_release(&p);
	return done;
}

/*
 * "Yes" to the alert offered when a sold-out item comes back: watch it
 * for the customer (trigger.c sends the message).  1 when done.
 */
int
dlg_confirm_watch(struct tctx *t, const char *sku)
{
	struct product	 p;

	memset(&p, 0, sizeof p);
	if (!t->have_cust || sku == NULL || !dlg_load_product(t, sku, &p))
		return 0;
	dlg_watch_product(t, &p);
	product_release(&p);
	return 1;
}
