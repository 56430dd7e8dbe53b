/*
 * dlg-swapmoney.c: what an exchange of an item the customer bought for
 * another product comes to in money ("how much would I get back for
 * the swap", "would I pay extra if I swap to that"): the price paid on
 * the order line beside the other product's price now, their
 * difference, and the day the return policy takes the exchange until.
 * The item is a product of the conversation (named, else in focus) that
 * one returnable order of the customer's holds; the other is a product
 * of the same category no order of theirs holds.  Anything less clear
 * (no such pair, several orders holding the item, no policy facts) is
 * left to the steps after, never answered with a catalog price alone.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

#define SWAP_CANDS	(FOCUS_MAX + 4)

/* Does the message speak of an exchange? */
static int
swap_said(struct tctx *t)
{
	static const char *const swap[] = { "swap", "swapping", "exchange",
	    "exchanging", "switch to", "switching to", NULL };

	return dlg_has_any(t, swap);
}

/* Does it ask what one costs or brings back? */
static int
money_asked(struct tctx *t)
{
	static const char *const money[] = { "how much", "get back",
	    "money back", "pay extra", "pay more", "pay less",
	    "pay the difference", "difference", "cost more", "cost less",
	    "refund", "refunded", "owe", "charge me", "extra", NULL };

	return dlg_has_any(t, money);
}

/* Is the product p named in the turn (itself, or its brand)? */
static int
named_now(struct tctx *t, const struct product *p)
{
	const struct entity *e;
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++) {
		e = &t->e->el.v[i];
		if (e->type == ENTITY_PRODUCT && e->sku != NULL &&
		    strcmp(e->sku, p->sku) == 0)
			return 1;
		if (e->type == ENTITY_BRAND && e->value != NULL &&
		    p->brand != NULL && strcasecmp(e->value, p->brand) == 0)
			return 1;
	}
	return 0;
}

/* Are a and b the same kind of thing (subcategory, else category)? */
static int
same_kind(const struct product *a, const struct product *b)
{
	if (a->subcategory != NULL && *a->subcategory != '\0' &&
	    b->subcategory != NULL && *b->subcategory != '\0')
		return strcmp(a->subcategory, b->subcategory) == 0;
	return a->category != NULL && b->category != NULL &&
	    *a->category != '\0' && strcmp(a->category, b->category) == 0;
}

/* The customer's orders holding sku (ids, caller frees); how many. */
static size_t
orders_holding(struct tctx *t, const char *sku, char ***ids)
{
	struct order_match m;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 n = 0;

	memset(&m, 0, sizeof m);
	m.sku = sku;
	*ids = NULL;
	dlg_retrieve_begin(t);
	if (catalog_customer_orders_with(t->st, t->cust.id, &m, ids, &n,
	    &err) != SD_OK)
		n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	return n;
}

/* The products of the conversation: those the turn names, then the
 * focus, each once. */
static size_t
candidates(struct tctx *t, const char **v)
{
	const struct entity *e;
	const char	*s;
	size_t		 n = 0, i, k;

	for (i = 0; i < t->e->el.n + FOCUS_MAX && n < SWAP_CANDS; i++) {
		if (i < t->e->el.n) {
			e = &t->e->el.v[i];
			if (e->type != ENTITY_PRODUCT || e->sku == NULL)
				continue;
			s = e->sku;
		} else if ((s = dlg_focus_top(t, (int)(i - t->e->el.n))) ==
		    NULL)
			continue;
		for (k = 0; k < n && strcmp(v[k], s) != 0; k++)
			;
		if (k == n)
			v[n++] = s;
	}
	return n;
}

/*
 * Fill o with the one returnable order holding sku: 1, else 0 (none, or
 * several: which one is unclear).
 */
static int
the_order(struct tctx *t, const char *sku, struct order *o)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		**ids;
	size_t		 n;
	int		 ok = 0;

	n = orders_holding(t, sku, &ids);
	dlg_keep_orders(t, ids, &n, dlg_order_returnable, NULL);
	if (n == 1) {
		dlg_retrieve_begin(t);
		ok = catalog_order(t->st, ids[0], o, &err) == SD_OK;
		dlg_retrieve_end(t);
		sd_error_clear(&err);
	}
	dlg_ids_free(ids, n);
	return ok;
}

/* Say the difference: paid on line it of o, target's price now. */
static void
say_difference(struct tctx *t, const struct order *o,
    const struct order_item *it, const struct product *to,
    const struct return_quote *q)
{
	double	 d = to->price - it->unit_price;

	dlg_order_slots(t, o);
	dlg_order_focus_set(t, o->id);
	slots_set(&t->slots, "item", it->name);
	slots_set(&t->slots, "target", to->name);
	dlg_money_slot(t, "paid", it->unit_price, o->currency);
	dlg_money_slot(t, "target_price", to->price, o->currency);
	dlg_money_slot(t, "difference", fabs(d), o->currency);
	slots_set(&t->slots, "gap", fabs(d) < 0.005 ? "same" : d < 0 ?
	    "less" : "more");
	slots_set(&t->slots, "return_by", q->deadline);
	if (to->stock <= 0)
		slots_set(&t->slots, "sold_out", "yes");
	dlg_cite(t, "product", to->sku, to->name, "price,stock");
	dlg_cite(t, "policy", q->doc, q->doc, "exchanges,return_window_days");
	dlg_set_action(t, "exchange_money", "order #%s: %s paid %.2f, %s "
	    "%.2f now", o->id, it->sku, it->unit_price, to->sku, to->price);
	dlg_say(t, "order_exchange_money");
	dlg_say(t, "order_exchange_money_how");
	dlg_close_form(t);
}

/*
 * "Swap the keyboard for the logitech": the brand named has one product
 * of the kind of from in the catalog, which the customer never ordered:
 * *to.  1 when so.
 */
static int
brand_target(struct tctx *t, const struct product *from, struct product *to)
{
	const struct entity *b = dlg_first_entity(t, ENTITY_BRAND);
	struct product_filter f;
	struct sd_error	 err = SD_ERROR_INIT;
	struct product	*v = NULL;
	size_t		 n = 0, i, k;
	char		**ids;
	int		 found = 0;

	if (b == NULL || b->value == NULL || from->subcategory == NULL ||
	    *from->subcategory == '\0')
		return 0;
	memset(&f, 0, sizeof f);
	f.category = from->category;
	f.use = from->subcategory;
	f.brand = b->value;
	f.max_price = f.min_price = -1;
	f.limit = 3;
	dlg_retrieve_begin(t);
	if (catalog_products(t->st, &f, &v, &n, &err) != SD_OK)
		n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	if (n == 1 && same_kind(from, &v[0]) && strcmp(v[0].sku,
	    from->sku) != 0) {
		k = orders_holding(t, v[0].sku, &ids);
		dlg_ids_free(ids, k);
		if (k == 0 && dlg_peek_product(t, v[0].sku, to))
			found = 1;
	}
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
	return found;
}

/*
 * The pair: of the products of the conversation, the first one the
 * customer ordered (*from) with one of its kind they never did (*to);
 * when the message asks no amount, *to must be named in it; else the
 * only one of its kind of the brand named (brand_target).  1 when
 * found.
 */
static int
swap_pair(struct tctx *t, struct product *from, struct product *to)
{
	const char	*cand[SWAP_CANDS];
	int		 owned[SWAP_CANDS], money = money_asked(t);
	size_t		 n, i, j, k;
	char		**ids;

	n = candidates(t, cand);
	for (i = 0; i < n; i++) {
		k = orders_holding(t, cand[i], &ids);
		dlg_ids_free(ids, k);
		owned[i] = k > 0;
	}
	for (i = 0; i < n; i++) {
		if (!owned[i] || !dlg_peek_product(t, cand[i], from))
			continue;
		for (j = 0; j < n; j++) {
			if (owned[j] || !dlg_peek_product(t, cand[j], to))
				continue;
			if (same_kind(from, to) && (money || named_now(t, to)))
				return 1;
			product_release(to);
		}
		if (brand_target(t, from, to))
			return 1;
		product_release(from);
	}
	return 0;
}

int
dlg_exchange_money(struct tctx *t)
{
	struct product	 from, to;
	struct order	 o;
	struct return_quote q;
	size_t		 line;
	int		 done = 0;

	if (!t->have_cust || !swap_said(t))
		return 0;
	memset(&o, 0, sizeof o);
	memset(&from, 0, sizeof from);
	memset(&to, 0, sizeof to);
	memset(&q, 0, sizeof q);
	/* The order holding the item: one that can still go back. */
	if (!swap_pair(t, &from, &to) || !the_order(t, from.sku, &o))
		goto out;
	for (line = 0; line < o.nitems && strcmp(o.items[line].sku,
	    from.sku) != 0; line++)
		;
	dlg_retrieve_begin(t);
	catalog_return_quote(t->st, &o, from.sku, &q);
	dlg_retrieve_end(t);
	if (line == o.nitems || q.doc == NULL || q.deadline == NULL ||
	    !dlg_fact_slot(t, "exchanges", "exchanges") ||
	    (strcmp(slots_get(&t->slots, "exchanges"), "true") != 0 &&
	    strcmp(slots_get(&t->slots, "exchanges"), "1") != 0) ||
	    !dlg_fact_slot(t, "how_to_start", "how_to_start"))
		goto out;
	dlg_set_intent(t, "return_item");
	say_difference(t, &o, &o.items[line], &to, &q);
	done = 1;
out:
	return_quote_release(&q);
	product_release(&from);
	product_release(&to);
	order_release(&o);
	return done;
}
