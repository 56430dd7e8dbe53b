/*
 * dlg-orderpick.c: which order the customer means.  The number given,
 * one of the orders just listed (dlg-orderlist.c; by position, by the
 * day placed), the orders holding the product, brand, category or a word
 * of an item named (dlg-orderitem.c), narrowed by the status ("the one I cancelled"), what
 * the question asks, the price, the month or a period said ("the one I
 * got this week"), else the order in focus.  dlg-orderq.c asks what
 * about it.
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

/* Words of an order that has not come yet ("send back the one I just
 * ordered"): no reason to prefer one delivered. */
static const char *const not_yet[] = { "hasn't arrived", "hasnt arrived",
	"not arrived", "not here yet", "just ordered", "just placed",
	"hasn't shipped", "hasnt shipped", "not shipped", "before it ships",
	"before it arrives", "refuse", "new one", "newer one", NULL };

/* Words of the same thing bought more than once. */
static const char *const twice[] = { "twice", "two of", "2 of",
	"bought it again", "ordered it again", "double", "both", "one of them",
	"one of those", "two", "which one", "which of them", "which of those",
	NULL };

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
	static const char *const back[] = { "coming back", "come back",
	    "comes back", NULL };
	/* "is it delivered yet?" asks; "I got it this week" says. */
	static const char *const delivered[] = { "got it", "i received",
	    "just got", "i got", NULL };

	/* "I never got the return label": only an open return has one. */
	static const char *const label[] = { "label", "return label",
	    "rma", NULL };

	if (dlg_has_any(t, cancelled))
		return " cancelled ";
	if (dlg_has_any(t, label))
		return " return_requested ";
	if (dlg_has_any(t, returned))
		return " return_requested refunded ";
	/* "How much is coming back to me": money, no parcel. */
	if (dlg_has_any(t, on_way) && !(dlg_has_any(t, back) &&
	    !dlg_has_word(t, "on the way") && !dlg_has_word(t, "in transit")))
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

/* Free the n ids and the array. */
void
dlg_ids_free(char **ids, size_t n)
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

/*
 * An order a return question can still be about: a return open for it,
 * or delivered inside the return window (and nothing in it
 * non-returnable by category).  "I ordered it twice, can I send one
 * back": the one that can.
 */
int
dlg_order_returnable(struct tctx *t, const struct order *o,
    const void *unused)
{
	char	*window, *nonret;
	size_t	 i;
	int	 yes;

	(void)unused;
	if (strcmp(o->status, "return_requested") == 0)
		return 1;
	if (strcmp(o->status, "delivered") != 0 || o->delivered_at == NULL)
		return 0;
	window = catalog_policy_fact(t->st, "return_window_days", NULL);
	nonret = catalog_policy_fact(t->st, "non_returnable_categories",
	    NULL);
	yes = window != NULL && catalog_days_between(o->delivered_at,
	    store_now()) <= atol(window);
	for (i = 0; yes && nonret != NULL && i < o->nitems; i++)
		if (o->items[i].category != NULL && *o->items[i].category !=
		    '\0' && strstr(nonret, o->items[i].category) != NULL)
			yes = 0;
	free(window);
	free(nonret);
	return yes;
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

/*
 * The day "last night", "yesterday" or "this morning" means, as an ISO
 * day, or NULL.  Caller frees.
 */
char *
dlg_day_named(struct tctx *t)
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

/*
 * The day of the month "on the 11th" or "the 3rd" names, else 0.
 */
static int
day_of_month(struct tctx *t)
{
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "", *p;
	char		*e;
	long		 d;

	for (p = s; *p != '\0'; p++) {
		if (!isdigit((unsigned char)*p) || (p > s &&
		    isalnum((unsigned char)p[-1])))
			continue;
		d = strtol(p, &e, 10);
		if (d >= 1 && d <= 31 && (strncmp(e, "st", 2) == 0 ||
		    strncmp(e, "nd", 2) == 0 || strncmp(e, "rd", 2) == 0 ||
		    strncmp(e, "th", 2) == 0) && !isalnum((unsigned char)e[2]))
			return (int)d;
	}
	return 0;
}

/* An order placed on the day of the month *arg. */
static int
placed_dom(struct tctx *t, const struct order *o, const void *arg)
{
	(void)t;
	return strlen(o->placed_at) >= 10 && atoi(o->placed_at + 8) ==
	    *(const int *)arg;
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
	dlg_ids_free(p->ids, p->n);
	p->ids = v;
	p->n = k;
	p->rule = rule;
}


/*
 * "The watch from september" when the only watch ordered was placed in
 * October: the month said and the item disagree, so never the one
 * order silently.  The order holding the item and those placed in the
 * month are asked about; with none of the latter, nothing is picked.
 */
static void
month_disagrees(struct tctx *t, struct dlg_order_pick *p)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		*mon = dlg_month_named(t), **ids = NULL, **v;
	size_t		 n = 0, k = 1, i;

	if (mon == NULL)
		return;
	v = xcalloc(1, sizeof *v);
	v[0] = xstrdup(p->ids[0]);
	dlg_keep_orders(t, v, &k, placed_in, mon);
	if (k == 1)
		free(v[0]);
	free(v);
	if (k == 1) {
		free(mon);
		return;
	}
	dlg_retrieve_begin(t);
	catalog_customer_orders(t->st, t->cust.id, &ids, &n, &err);
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	dlg_keep_orders(t, ids, &n, placed_in, mon);
	free(mon);
	if (n == 0) {
		free(ids);
		dlg_ids_free(p->ids, p->n);
		p->ids = NULL;
		p->n = 0;
		p->named = 1;	/* ask, never guess */
		p->rule = "the item named and the month said disagree";
		return;
	}
	ids = xrealloc(ids, (n + 1) * sizeof *ids);
	for (i = n; i > 0; i--)
		ids[i] = ids[i - 1];
	ids[0] = p->ids[0];
	free(p->ids);
	p->ids = ids;
	p->n = n + 1;
	p->rule = "the item named and the month said disagree";
}

void
dlg_order_pick_release(struct dlg_order_pick *p)
{
	dlg_ids_free(p->ids, p->n);
	free(p->id);
	memset(p, 0, sizeof *p);
}

/* Is the order in focus among p's candidates? */
static int
focus_among(struct tctx *t, const struct dlg_order_pick *p)
{
	const char	*focus = dlg_order_focus(t);
	size_t		 i;

	for (i = 0; focus != NULL && i < p->n; i++)
		if (p->ids[i] != NULL && strcmp(p->ids[i], focus) == 0)
			return 1;
	return 0;
}

/*
 * Several orders hold the item named: narrowed by the status said, a
 * word of one item's name, what the question asks (a track question
 * means one on its way, a cancel one not shipped, a return one that
 * came), the price, the month or the period said.
 */
static void
narrow_named(struct tctx *t, struct dlg_order_pick *p)
{
	enum dlg_order_topic topic;
	struct dlg_period pd;
	const char	*st;
	char		*mon = NULL;
	int		 dom;

	if (dlg_order_topic(t) == ORDQ_LIST) {
		/* "the same laptop twice": both, never one. */
		if (p->n > 2)
			keep_shared(t, p->ids, &p->n);
	} else if (p->n > 1 && (st = status_named(t, 1)) != NULL)
		narrow(t, p, status_in, st, "the order holding the "
		    "item named, with the status named");
	/* "The OLED tv": a word of one item's name among those of
	 * the kind named. */
	if (p->n > 1)
		narrow(t, p, dlg_order_word_said, "brands", "the order holding "
		    "the item named, its name holding a word said");
	/* "Where is my laptop?": one on its way, not one delivered;
	 * "return my router": one that came (or is going back), not
	 * one on its way or cancelled. */
	topic = dlg_order_topic(t);
	if (topic == ORDQ_NONE && (dlg_flags_of(t, t->intent_id) &
	    ACT_FORM))
		topic = dlg_form_topic(t->intent);
	/* The order in focus among them says more than the question's
	 * usual status: "send the laptop back unopened" right after the
	 * laptop on its way was discussed is that one (one_of). */
	if (focus_among(t, p))
		topic = ORDQ_NONE;
	/* "Cancel the yoga": the one not shipped yet. */
	if (p->n > 1 && topic == ORDQ_CANCEL)
		narrow(t, p, status_in, " processing ", "the order "
		    "holding the item named, not shipped yet");
	if (p->n > 1 && topic == ORDQ_TRACK)
		narrow(t, p, status_in, " shipped processing ",
		    "the order holding the item named, on its way");
	if (p->n > 1 && (topic == ORDQ_RETURN || topic == ORDQ_FEE ||
	    topic == ORDQ_DEFECT) && !dlg_has_any(t, not_yet))
		narrow(t, p, status_in, " delivered return_requested "
		    "refunded ", "the order holding the item named, "
		    "delivered");
	if (p->n > 1 && dlg_first_entity(t, ENTITY_PRICE) != NULL)
		narrow(t, p, at_price, NULL, "the order holding the "
		    "item named, at the price said");
	/* "The router I bought on the 11th". */
	if (p->n > 1 && (dom = day_of_month(t)) > 0)
		narrow(t, p, placed_dom, &dom, "the order holding the item "
		    "named, placed on the day of the month said");
	if (p->n > 1 && dlg_order_topic(t) != ORDQ_LIST &&
	    (mon = dlg_month_named(t)) != NULL)
		narrow(t, p, placed_in, mon, "the order holding the "
		    "item named, placed in the month named");
	if (p->n > 1 && dlg_order_topic(t) != ORDQ_LIST &&
	    dlg_period_named(t, &pd)) {
		narrow(t, p, dlg_in_period, &pd, "the order holding the "
		    "item named, dated in the period said");
		dlg_period_release(&pd);
	}
	/* "I bought it twice, can I send one back", "how much would I get
	 * back for the earbuds" with one pair refunded: the one a return
	 * can still be about.  "Return my tablet" of two different ones
	 * asks which. */
	if (p->n > 1 && (topic == ORDQ_FEE || (topic == ORDQ_RETURN &&
	    dlg_has_any(t, twice))) && !dlg_has_any(t, not_yet))
		narrow(t, p, dlg_order_returnable, NULL, "the order holding "
		    "the item named that can still be returned");
	if (p->n == 1 && dlg_order_topic(t) != ORDQ_LIST)
		month_disagrees(t, p);
	free(mon);
}

/*
 * "Can I still return it?" with no order in focus, right after questions
 * about a product the customer bought: the customer's only order holding
 * the product in focus, meant by a pointer word ("it", "the wrong one")
 * in a message naming no product, brand or kind.
 * NULL when no product is in focus, nothing points at it, or none or
 * several of the orders hold it (then the caller asks which).  Caller
 * frees.
 */
static char *
focus_product_order(struct tctx *t)
{
	static const char *const pointer[] = { "it", "its", "it's", "them",
	    "they", "this", "that", "one", NULL };
	const char	*sku = dlg_focus_top(t, 0);
	struct order_match m;
	struct sd_error	 err = SD_ERROR_INIT;
	char		**ids = NULL, *id = NULL;
	size_t		 n = 0;
	long long	 at;

	/* A product, brand or kind named is the item meant, not "it". */
	if (sku == NULL || !dlg_has_any(t, pointer) ||
	    dlg_order_indefinite(t) ||
	    dlg_first_entity(t, ENTITY_PRODUCT) != NULL ||
	    dlg_first_entity(t, ENTITY_BRAND) != NULL ||
	    dlg_first_entity(t, ENTITY_CATEGORY) != NULL)
		return NULL;
	/* Put in focus by an earlier message: one named in this message
	 * ("does the HD 560S need an amp? I'd buy it again") is talked
	 * about, not pointed back at as the thing bought. */
	at = dlg_focus_at(t, sku);
	if (at < 0 || at >= (long long)t->si.turns)
		return NULL;
	memset(&m, 0, sizeof m);
	m.sku = sku;
	dlg_retrieve_begin(t);
	catalog_customer_orders_with(t->st, t->cust.id, &m, &ids, &n, &err);
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	if (n == 1) {
		id = ids[0];
		ids[0] = NULL;
	}
	dlg_ids_free(ids, n);
	return id;
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
	/* "The ipad one": a word of one listed order's items. */
	if ((id = dlg_order_listed_item(t)) != NULL) {
		p->id = xstrdup(id);
		p->rule = "an order just listed, by a word of its items";
		return;
	}
	/* "The one out for delivery": how one listed order stands. */
	if ((id = dlg_order_listed_status(t)) != NULL) {
		p->id = xstrdup(id);
		p->rule = "an order just listed, by its status";
		return;
	}
	if (dlg_first_entity(t, ENTITY_PRODUCT) == NULL &&
	    dlg_first_entity(t, ENTITY_BRAND) == NULL &&
	    ((id = dlg_order_choice_said(t, &how)) != NULL ||
	    (id = dlg_order_by_position(t, &how)) != NULL)) {
		p->id = xstrdup(id);
		p->rule = "an order just listed, by position";
		dlg_jset_str(t->trace, "order_position", how);
		return;
	}
	if (!t->have_cust)
		return;
	if (dlg_order_item_named(t, &m, &words)) {
		/* A kind of thing said in passing ("it's on the stand")
		 * does not take the question off the order in focus. */
		p->named = dlg_first_entity(t, ENTITY_PRODUCT) != NULL ||
		    dlg_first_entity(t, ENTITY_BRAND) != NULL;
		dlg_orders_holding(t, &m, &p->ids, &p->n);
		free(words);
		p->rule = "the customer's only order holding the item named";
		narrow_named(t, p);
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
	} else if (((mon = dlg_month_named(t)) != NULL || (mon = dlg_day_named(t)) !=
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
		if ((id = dlg_order_focus(t)) != NULL &&
		    !dlg_order_indefinite(t)) {
			p->id = xstrdup(id);
			p->rule = "the order in focus";
		} else if (id == NULL &&
		    (p->id = focus_product_order(t)) != NULL)
			p->rule = "the customer's only order holding the "
			    "product in focus";
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
		dlg_ids_free(p->ids, p->n);
		p->ids = NULL;
		p->n = 0;
	} else if (p->n > 1)
		p->rule = "several orders match";
	free(mon);
}

