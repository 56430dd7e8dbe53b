/*
 * dlg-cart.c: buying is an action.  "Add it to my cart", "going with
 * the sony", "great, that's the one" put the product meant in the
 * customer's active cart (the carts table); "remove it" takes it out;
 * "what's in my cart" lists it.  Each reply shows the cart and what
 * comes next.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

/*
 * The cart.  Buying is an action: "add it to my cart", "going with the
 * sony", "I'll take it" put the product meant (named, referred to, or in
 * focus) in the customer's active cart; "remove it from my cart" takes it
 * out; "what's in my cart" lists it.  Each reply shows the cart and what
 * comes next.
 */
static const char *const cart_words[] = { "cart", "basket", "bag", NULL };
/* Taking a product, said without naming the cart. */
static const char *const take_words[] = { "add it", "add that",
	"add this", "add one", "going with", "go with", "i'll take",
	"ill take", "i will take", "take it", "i'll get", "ill get",
	"i will get", "buy it", "buy that", "buy this", "buy one",
	"want that one", "want this one", "i want it", "i'll buy",
	"ill buy", "purchase it", NULL };
static const char *const add_words[] = { "add", "put", "buy", "get",
	"throw", "place", "stick", NULL };
static const char *const show_words[] = { "what's in", "whats in",
	"what is in", "show", "see", "view", "list", "check", "look at",
	"in there", NULL };
/* A cart named in a question about these is not a cart action. */
static const char *const not_cart_words[] = { "coupon", "code", "promo",
	"discount", "payment", "pay", "checkout", "abandoned", NULL };
static const char *const remove_words[] = { "remove", "take out",
	"take off", "delete", "drop", "get rid", NULL };

/* The cart's lines and total into slots; the number of items. */
static size_t
cart_slots(struct tctx *t)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct cart_item *v = NULL;
	struct sbuf	 sb = SBUF_INIT;
	size_t		 n = 0, i;
	double		 total = 0;
	int		 count = 0;
	char		*m;

	if (catalog_cart_items(t->st, t->cust.id, &v, &n, &err) != SD_OK) {
		cJSON_AddStringToObject(t->trace, "error", sd_error_msg(&err));
		sd_error_clear(&err);
	}
	for (i = 0; i < n; i++) {
		m = catalog_money(v[i].price, "USD");
		sbuf_addf(&sb, "\n  - %s (%s)", v[i].name, m);
		if (v[i].qty > 1)
			sbuf_addf(&sb, " x %d", v[i].qty);
		free(m);
		total += v[i].price * v[i].qty;
		count += v[i].qty;
	}
	slots_set(&t->slots, "cart_items", sb.len > 0 ? sb.buf : "");
	m = catalog_money(total, "USD");
	slots_set(&t->slots, "cart_total", m);
	free(m);
	slots_setf(&t->slots, "cart_count", "%d", count);
	/* The cart as shown, in the state, so the fact check backs the
	 * count and the total the reply states (a sum no row holds). */
	{
		cJSON *c = dlg_jobj(t->state, "cart");

		dlg_jset_num(c, "items", count);
		dlg_jset_num(c, "total", total);
	}
	sbuf_release(&sb);
	catalog_cart_items_free(v, n);
	return n;
}

/* Add or remove p in one transaction; 0 on a store error. */
static int
cart_change(struct tctx *t, const struct product *p, int add, int *changed)
{
	struct sd_error	 err = SD_ERROR_INIT;

	*changed = 1;
	dlg_read_end(t);
	if (store_begin(t->st, &err) != SD_OK || (add ?
	    catalog_cart_add(t->st, t->cust.id, p->sku, p->price, &err) :
	    catalog_cart_remove(t->st, t->cust.id, p->sku, changed,
	    &err)) != SD_OK || store_commit(t->st, &err) != SD_OK) {
		store_rollback(t->st);
		cJSON_AddStringToObject(t->trace, "error", sd_error_msg(&err));
		sd_error_clear(&err);
		return 0;
	}
	return 1;
}

int
dlg_handle_cart(struct tctx *t)
{
	struct product	 p;
	int		 cart, add, del, changed, ok;

	cart = dlg_has_any(t, cart_words) && !dlg_has_any(t, not_cart_words);
	del = cart && dlg_has_any(t, remove_words);
	add = !del && (dlg_has_any(t, take_words) ||
	    (cart && dlg_has_any(t, add_words)));
	if (!add && !del && !(cart && dlg_has_any(t, show_words)))
		return 0;
	/*
	 * "I do want that one" about an order being discussed, "add it to
	 * order 12345": the order's business, not the cart's.
	 */
	if (!cart && (dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(t->state,
	    "form")) || dlg_has_word(t, "order")))
		return 0;
	dlg_load_customer(t);
	if (!t->have_cust) {
		dlg_set_action(t, "cart_sign_in", "cart without a customer");
		dlg_say(t, "cart_sign_in");
		return 1;
	}
	if (!add && !del) {
		dlg_set_action(t, "cart_show", "cart of %s", t->cust.id);
		dlg_say(t, cart_slots(t) > 0 ? "cart_show" : "cart_empty");
		return 1;
	}
	memset(&p, 0, sizeof p);
	if (!dlg_target_product(t, &p)) {
		dlg_set_action(t, "cart_which", "no product to %s",
		    add ? "add" : "remove");
		dlg_say(t, "cart_which");
		return 1;
	}
	dlg_product_slots(t, &p, "");
	ok = cart_change(t, &p, add, &changed);
	dlg_cite(t, "product", p.sku, p.name, "price");
	if (!ok) {
		dlg_set_action(t, "cart_error", "store error on %s", p.sku);
		dlg_say(t, "cart_error");
	} else {
		cart_slots(t);
		dlg_set_action(t, add ? "cart_add" : "cart_remove",
		    "%s %s", add ? "added" : changed ? "removed" :
		    "not in cart", p.sku);
		dlg_say(t, add ? "cart_added" : changed ? "cart_removed" :
		    "cart_not_in");
	}
	product_release(&p);
	return 1;
}

