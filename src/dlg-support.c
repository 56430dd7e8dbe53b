/*
 * dlg-support.c: support answers about one order: tracking, refunds,
 * changes, cancellations and returns (with the store's return window and
 * non-returnable categories), and carrying out what the customer
 * confirmed.  Every order is checked to be the customer's first.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

/* Support: orders, returns, refunds, cancellations. */

static void
order_slots(struct tctx *t, const struct order *o)
{
	char		*money;
	struct sbuf	 items = SBUF_INIT;
	size_t		 i;

	slots_set(&t->slots, "order_id", o->id);
	slots_set(&t->slots, "status", o->status);
	{
		/* "return_requested" reads "return requested". */
		char *h = xstrdup(o->status), *q;

		for (q = h; *q; q++)
			if (*q == '_')
				*q = ' ';
		slots_set(&t->slots, "status_text", h);
		free(h);
	}
	slots_set(&t->slots, "placed_at", o->placed_at);
	slots_setf(&t->slots, "placed_on", "%.10s", o->placed_at);
	money = catalog_money(o->total, o->currency);
	slots_set(&t->slots, "total", money);
	free(money);
	slots_set(&t->slots, "carrier", o->carrier ? o->carrier : "");
	slots_set(&t->slots, "tracking_number", o->tracking_number ?
	    o->tracking_number : "");
	slots_set(&t->slots, "shipment_status", o->ship_status ?
	    o->ship_status : "");
	slots_setf(&t->slots, "delivery_date", "%.10s",
	    o->estimated_delivery ? o->estimated_delivery : "");
	slots_setf(&t->slots, "delivered_on", "%.10s",
	    o->delivered_at ? o->delivered_at : "");
	slots_setf(&t->slots, "shipped_on", "%.10s",
	    o->shipped_at ? o->shipped_at : "");
	for (i = 0; i < o->nitems; i++)
		sbuf_addf(&items, "%s%s%s", i == 0 ? "" : i + 1 == o->nitems ?
		    " and " : ", ", o->items[i].qty > 1 ? "" : "",
		    o->items[i].name);
	slots_set(&t->slots, "items", items.buf);
	sbuf_release(&items);
	{
		/* What happened last, as the store logged it: the refund's
		 * card, a released authorisation, a carrier exception. */
		char *at, *note;

		dlg_retrieve_begin(t);
		note = catalog_order_last_event(t->st, o->id, &at);
		dlg_retrieve_end(t);
		slots_set(&t->slots, "last_event", note != NULL ? note : "");
		slots_setf(&t->slots, "last_event_on", "%.10s",
		    at != NULL ? at : "");
		free(note);
		free(at);
	}
	dlg_cite(t, "order", o->id, o->id, "status,placed_at,total,shipment,"
	    "events");
}

/*
 * The policy fact key as slot name (its text, a JSON list read "a, b
 * and c"), citing its policy.  1 when the store has it.
 */
static int
fact_slot(struct tctx *t, const char *key, const char *name)
{
	char		*doc = NULL, *v, *p;
	struct sbuf	 sb = SBUF_INIT;
	cJSON		*arr, *it;
	int		 i = 0, n;

	dlg_retrieve_begin(t);
	v = catalog_policy_fact(t->st, key, &doc);
	dlg_retrieve_end(t);
	if (v == NULL) {
		free(doc);
		return 0;
	}
	if (v[0] == '[' && (arr = cJSON_Parse(v)) != NULL) {
		n = cJSON_GetArraySize(arr);
		cJSON_ArrayForEach(it, arr) {
			if (!cJSON_IsString(it))
				continue;
			sbuf_addf(&sb, "%s%s", i == 0 ? "" : i + 1 == n ?
			    " and " : ", ", it->valuestring);
			i++;
		}
		cJSON_Delete(arr);
		free(v);
		v = sbuf_detach(&sb, NULL);
	}
	/* A number fact reads as a number: "1", not "1.0". */
	if ((p = strstr(v, ".0")) != NULL && p[2] == '\0')
		*p = '\0';
	slots_set(&t->slots, name, v);
	dlg_cite(t, "policy", doc, doc, key);
	sbuf_release(&sb);
	free(v);
	free(doc);
	return 1;
}

/* A money slot from an amount in the order's currency. */
static void
money_slot(struct tctx *t, const char *name, double v, const char *cur)
{
	char	*m = catalog_money(v, cur);

	slots_set(&t->slots, name, m);
	free(m);
}

/* "shipped" says less than the shipment: "out for delivery". */
static char *
status_words(const struct order *o)
{
	char	*h, *q;

	h = xstrdup(strcmp(o->status, "shipped") == 0 &&
	    o->ship_status != NULL ? o->ship_status : o->status);
	for (q = h; *q; q++)
		if (*q == '_')
			*q = ' ';
	return h;
}

/*
 * Ask which order, showing the orders ids name (their items, date and
 * status, not bare numbers) and keeping them so that "the second one"
 * or "the older one" picks one next turn.
 */
static void
ask_order_choice(struct tctx *t, const char *form, char **ids, size_t n,
    const char *tpl)
{
	struct order	*v = xcalloc(n ? n : 1, sizeof *v);
	struct sbuf	 list = SBUF_INIT;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 i, k = 0, j;

	dlg_retrieve_begin(t);
	for (i = 0; i < n; i++) {
		if (catalog_order(t->st, ids[i], &v[k], &err) != SD_OK) {
			sd_error_clear(&err);
			continue;
		}
		k++;
	}
	dlg_retrieve_end(t);
	for (i = 0; i < k; i++) {
		char *st = status_words(&v[i]);

		sbuf_addf(&list, "%s#%s (", i ? "; " : "", v[i].id);
		for (j = 0; j < v[i].nitems; j++)
			sbuf_addf(&list, "%s%s", j ? ", " : "",
			    v[i].items[j].name);
		sbuf_addf(&list, ", placed %.10s, %s)", v[i].placed_at, st);
		free(st);
		dlg_cite(t, "order", v[i].id, v[i].id, "items,placed_at,"
		    "status");
	}
	if (k > 1)
		dlg_order_choices_set(t, v, k);
	for (i = 0; i < k; i++)
		order_release(&v[i]);
	free(v);
	slots_set(&t->slots, "recent_orders", list.buf);
	slots_set(&t->slots, "order_list", list.buf);
	slots_set(&t->slots, "form", form);
	dlg_set_action(t, "ask_order_id", "%s needs an order number%s", form,
	    tpl != NULL ? "; several orders match" : "");
	dlg_say(t, tpl != NULL ? tpl : "ask_order_id");
	dlg_jset_str(dlg_jobj(t->state, "pending"), "action", "order_id");
	sbuf_release(&list);
}

void
dlg_ask_order_choice(struct tctx *t, const char *form, char **ids, size_t n)
{
	ask_order_choice(t, form, ids, n, "ask_order_choice");
}

/* Ask for the order number, listing the customer's recent orders. */
static void
ask_order_id(struct tctx *t, const char *form)
{
	char		**ids = NULL;
	size_t		 n = 0, i;
	struct sd_error	 err = SD_ERROR_INIT;

	dlg_retrieve_begin(t);
	if (t->have_cust)
		catalog_customer_orders(t->st, t->cust.id, &ids, &n, &err);
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	ask_order_choice(t, form, ids, n < 3 ? n : 3, NULL);
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

static void
return_eligibility(struct tctx *t, const struct order *o)
{
	char		*wdoc = NULL, *ndoc = NULL;
	const char	*delivered;
	char		*window, *nonret;
	long		 days, w;
	size_t		 i;

	dlg_retrieve_begin(t);
	window = catalog_policy_fact(t->st, "return_window_days", &wdoc);
	nonret = catalog_policy_fact(t->st, "non_returnable_categories",
	    &ndoc);
	dlg_retrieve_end(t);

	order_slots(t, o);
	if (window == NULL) {
		dlg_set_action(t, "return_unknown_policy", "no return window "
		    "in the store's policies");
		dlg_say(t, "return_no_policy");
		goto out;
	}
	w = atol(window);
	slots_set(&t->slots, "return_window_days", window);
	dlg_cite(t, "policy", wdoc, "Return policy", "return_window_days");
	if (strcmp(o->status, "delivered") != 0) {
		dlg_set_action(t, "return_not_delivered", "order %s is %s, not "
		    "delivered", o->id, o->status);
		dlg_say(t, "return_status");
		goto out;
	}
	/* What can never come back goes first: the window is moot then. */
	for (i = 0; nonret != NULL && i < o->nitems; i++) {
		if (o->items[i].category[0] != '\0' &&
		    strstr(nonret, o->items[i].category) != NULL) {
			slots_set(&t->slots, "item", o->items[i].name);
			slots_set(&t->slots, "item_category",
			    o->items[i].category);
			dlg_cite(t, "policy", ndoc, "Return policy",
			    "non_returnable_categories");
			dlg_set_action(t, "return_ineligible", "%s is in the "
			    "non-returnable category %s", o->items[i].sku,
			    o->items[i].category);
			dlg_say(t, "return_non_returnable");
			goto out;
		}
	}
	/* Digital deliveries have no shipment: the order's last update. */
	delivered = o->delivered_at != NULL ? o->delivered_at : o->updated_at;
	slots_setf(&t->slots, "delivered_on", "%.10s", delivered);
	days = catalog_days_between(delivered, store_now());
	slots_setf(&t->slots, "days_since_delivery", "%ld", days);
	if (days > w) {
		dlg_set_action(t, "return_ineligible",
		    "delivered %ld days ago; "
		    "window %ld days", days, w);
		dlg_say(t, "return_window_passed");
		goto out;
	}
	slots_setf(&t->slots, "days_left", "%ld", w - days);
	fact_slot(t, "how_to_start", "how_to_return");
	{
		char *by = catalog_day_add(delivered, w);

		slots_set(&t->slots, "return_by", by != NULL ? by : "");
		free(by);
	}
	dlg_set_action(t, "return_eligible", "delivered %ld days ago, within "
	    "the %ld-day window", days, w);
	dlg_say(t, "return_eligible");
	dlg_jset_str(dlg_jobj(t->state, "pending"), "action", "confirm_return");
	dlg_jset_str(dlg_jobj(t->state, "pending"), "order_id", o->id);
out:
	/* Answered unless a return is on offer: the form is done. */
	if (strcmp(t->action, "return_eligible") != 0)
		dlg_close_form(t);
	free(window);
	free(nonret);
	free(wdoc);
	free(ndoc);
}

static void
cancel_check(struct tctx *t, const struct order *o)
{
	order_slots(t, o);
	if (strcmp(o->status, "processing") == 0) {
		dlg_set_action(t, "cancel_offer",
		    "order %s is processing: it can "
		    "be cancelled", o->id);
		dlg_say(t, "cancel_offer");
		dlg_jset_str(dlg_jobj(t->state, "pending"), "action",
		    "confirm_cancel");
		dlg_jset_str(dlg_jobj(t->state, "pending"), "order_id", o->id);
	} else {
		dlg_set_action(t, "cancel_refused", "order %s is %s: only "
		    "processing orders can be cancelled", o->id, o->status);
		dlg_say(t, "cancel_refused");
		dlg_close_form(t);	/* answered: nothing more to ask */
	}
}

/*
 * Where the order is, with what the customer may want next: how soon
 * a processing order ships, and that a parcel out for delivery before
 * its estimate comes early.
 */
static void
answer_status(struct tctx *t, const struct order *o)
{
	order_slots(t, o);
	if (strcmp(o->status, "processing") == 0) {
		fact_slot(t, "processing_time_business_days",
		    "processing_days");
		fact_slot(t, "same_day_processing_cutoff", "cutoff");
	}
	if (o->ship_status != NULL && strcmp(o->ship_status,
	    "out_for_delivery") == 0 && o->estimated_delivery != NULL &&
	    catalog_days_between(store_now(), o->estimated_delivery) > 0)
		slots_set(&t->slots, "early", "yes");
	dlg_set_action(t, "order_status", "order #%s is %s", o->id,
	    o->status);
	dlg_say(t, "order_status");
	dlg_close_form(t);
}

/*
 * Where the money is: refunded (to what, when), on its way back, never
 * charged (processing or cancelled orders are only authorised), with
 * how long the bank or PayPal takes from the refund policy.
 */
static void
answer_refund(struct tctx *t, const struct order *o)
{
	order_slots(t, o);
	slots_set(&t->slots, "payment_method", o->payment_method != NULL ?
	    o->payment_method : "");
	if (o->payment_method != NULL && strncmp(o->payment_method,
	    "PayPal", 6) != 0 && strstr(o->payment_method, "gift") == NULL)
		slots_set(&t->slots, "card_payment", "yes");
	fact_slot(t, "charge_timing", "charge_timing");
	fact_slot(t, "cancelled_order", "cancelled_auth");
	fact_slot(t, "refund_processing_days", "refund_days");
	fact_slot(t, "bank_posting_days", "bank_days");
	fact_slot(t, "refund_method", "refund_method");
	dlg_set_action(t, "order_status", "order #%s is %s", o->id,
	    o->status);
	dlg_say(t, "refund_status");
	dlg_close_form(t);
}

/* "Will someone need to sign for it?": the signature threshold. */
static void
answer_signature(struct tctx *t, const struct order *o)
{
	char	*doc = NULL, *v;

	order_slots(t, o);
	dlg_retrieve_begin(t);
	v = catalog_policy_fact(t->st, "signature_required_over", &doc);
	dlg_retrieve_end(t);
	if (v == NULL) {
		free(doc);
		answer_status(t, o);
		return;
	}
	money_slot(t, "signature_over", atof(v), o->currency);
	if (o->total > atof(v))
		slots_set(&t->slots, "signature_needed", "yes");
	dlg_cite(t, "policy", doc, doc, "signature_required_over");
	dlg_set_action(t, "order_signature", "order #%s totals %.2f; "
	    "signature over %s", o->id, o->total, v);
	dlg_say(t, "order_signature");
	dlg_close_form(t);
	free(v);
	free(doc);
}

/*
 * "I paid 599.99 and now it's 449.99": the item of the order whose
 * price fell most since (or the one named), and whether the price-drop
 * refund still applies (within the days the price-match policy gives
 * from the order date).
 */
static void
answer_price_drop(struct tctx *t, const struct order *o)
{
	const struct entity *pe = dlg_first_entity(t, ENTITY_PRODUCT);
	struct product	 p, best;
	char		*doc = NULL, *w;
	double		 drop = 0;
	size_t		 i;
	long		 days;

	order_slots(t, o);
	memset(&best, 0, sizeof best);
	for (i = 0; i < o->nitems; i++) {
		memset(&p, 0, sizeof p);
		if (pe != NULL && pe->sku != NULL && strcmp(pe->sku,
		    o->items[i].sku) != 0)
			continue;
		if (!dlg_load_product(t, o->items[i].sku, &p))
			continue;
		if (best.sku == NULL || o->items[i].unit_price - p.price >
		    drop) {
			product_release(&best);
			best = p;
			drop = o->items[i].unit_price - p.price;
			slots_set(&t->slots, "item", o->items[i].name);
			money_slot(t, "paid", o->items[i].unit_price,
			    o->currency);
		} else
			product_release(&p);
	}
	dlg_retrieve_begin(t);
	w = catalog_policy_fact(t->st, "price_match_window_days", &doc);
	dlg_retrieve_end(t);
	if (best.sku == NULL || w == NULL) {
		free(w);
		free(doc);
		answer_status(t, o);
		return;
	}
	dlg_cite(t, "policy", doc, doc, "price_match_window_days");
	dlg_cite(t, "product", best.sku, best.name, "price");
	money_slot(t, "price_now", best.price, o->currency);
	money_slot(t, "difference", drop > 0 ? drop : 0, o->currency);
	slots_set(&t->slots, "price_window_days", w);
	slots_set(&t->slots, "payment_method", o->payment_method != NULL ?
	    o->payment_method : "");
	days = catalog_days_between(o->placed_at, store_now());
	slots_set(&t->slots, "price_drop", drop <= 0 ? "none" :
	    days <= atol(w) ? "within" : "past");
	dlg_set_action(t, "price_drop", "order #%s: %s paid %.2f, now %.2f, "
	    "%ld days after ordering", o->id, best.sku, drop + best.price,
	    best.price, days);
	dlg_say(t, "price_drop");
	dlg_close_form(t);
	product_release(&best);
	free(w);
	free(doc);
}

/*
 * "It arrived with a cracked screen": within the days the warranty
 * policy gives from delivery the shop replaces or refunds it (a free
 * return), after that the manufacturer's warranty applies.
 */
static void
answer_defect(struct tctx *t, const struct order *o)
{
	char	*doc = NULL, *w;
	long	 days;

	if (o->delivered_at == NULL) {
		answer_status(t, o);
		return;
	}
	order_slots(t, o);
	dlg_retrieve_begin(t);
	w = catalog_policy_fact(t->st, "doa_exchange_days", &doc);
	dlg_retrieve_end(t);
	if (w == NULL || !fact_slot(t, "doa_handling", "doa_handling") ||
	    !fact_slot(t, "after_doa", "after_doa")) {
		free(w);
		free(doc);
		answer_status(t, o);
		return;
	}
	dlg_cite(t, "policy", doc, doc, "doa_exchange_days");
	slots_set(&t->slots, "doa_days", w);
	days = catalog_days_between(o->delivered_at, store_now());
	if (days <= atol(w)) {
		slots_set(&t->slots, "doa_within", "yes");
		if (strcmp(o->status, "delivered") == 0) {
			slots_set(&t->slots, "offer_return", "yes");
			dlg_jset_str(dlg_jobj(t->state, "pending"), "action",
			    "confirm_return");
			dlg_jset_str(dlg_jobj(t->state, "pending"), "order_id",
			    o->id);
		}
	}
	dlg_set_action(t, "defect_return", "order #%s delivered %ld days "
	    "ago; replaced or refunded within %s", o->id, days, w);
	dlg_say(t, "defect_return");
	if (strcmp(o->status, "delivered") != 0)
		dlg_close_form(t);
	free(w);
	free(doc);
}

/* The item of the order the customer names, or NULL for all of it. */
static const char *
named_item(struct tctx *t, const struct order *o)
{
	const struct entity *pe = dlg_first_entity(t, ENTITY_PRODUCT);
	size_t		 i;

	for (i = 0; pe != NULL && pe->sku != NULL && i < o->nitems; i++)
		if (strcmp(o->items[i].sku, pe->sku) == 0)
			return o->items[i].sku;
	return NULL;
}

/* Does the return already logged for o give one of these reasons? */
static int
logged_faulty(struct tctx *t, const struct order *o,
    const char *const *reasons)
{
	char	*at = NULL, *note;
	int	 r = 0;

	if (strcmp(o->status, "return_requested") != 0)
		return 0;
	dlg_retrieve_begin(t);
	note = catalog_order_last_event(t->st, o->id, &at);
	dlg_retrieve_end(t);
	for (; note != NULL && *reasons != NULL && !r; reasons++)
		r = dlg_word_in(note, *reasons, strlen(*reasons));
	free(note);
	free(at);
	return r;
}

/*
 * What a return of the order (or the item named) costs and brings back,
 * by the state the customer says it is in: defective or damaged (free),
 * unopened (only the label on a change of mind), opened (the restocking
 * fee where it applies), or, unsaid, both of the last two.
 */
static void
answer_return_cost(struct tctx *t, const struct order *o)
{
	static const char *const faulty[] = { "defective", "broken",
	    "stopped working", "not working", "doesn't work", "doesnt work",
	    "dead", "cracked", "damaged", "faulty", "dead pixels",
	    "wrong item", "stopped charging", NULL };
	static const char *const sealed[] = { "unopened", "sealed",
	    "never opened", "not opened", "unused", "plastic", "in the box",
	    NULL };
	static const char *const open[] = { "opened", "open", "used it",
	    "used them", NULL };
	struct return_quote q;
	const char	*sku = named_item(t, o), *cond = "unsaid";
	size_t		 i;

	order_slots(t, o);
	dlg_retrieve_begin(t);
	catalog_return_quote(t->st, o, sku, &q);
	dlg_retrieve_end(t);
	if (q.doc == NULL) {
		return_quote_release(&q);
		return_eligibility(t, o);
		return;
	}
	for (i = 0; sku != NULL && i < o->nitems; i++)
		if (strcmp(o->items[i].sku, sku) == 0)
			slots_set(&t->slots, "items", o->items[i].name);
	if (dlg_has_any(t, faulty) || logged_faulty(t, o, faulty))
		cond = "faulty";
	else if (dlg_has_any(t, sealed))
		cond = "unopened";
	else if (dlg_has_any(t, open))
		cond = "opened";
	slots_set(&t->slots, "condition", cond);
	slots_setf(&t->slots, "fee_percent", "%g", q.fee_percent);
	money_slot(t, "fee", q.fee, o->currency);
	money_slot(t, "label_fee", q.label, o->currency);
	money_slot(t, "items_total", q.items_total, o->currency);
	money_slot(t, "refund_opened", q.refund_opened, o->currency);
	money_slot(t, "refund_unopened", q.refund_unopened, o->currency);
	if (q.fee_items != NULL && q.fee > 0)
		slots_set(&t->slots, "fee_items", q.fee_items);
	if (q.deadline != NULL)
		slots_set(&t->slots, "return_by", q.deadline);
	fact_slot(t, "restocking_fee_categories", "fee_categories");
	dlg_cite(t, "policy", q.doc, q.doc, "restocking_fee_percent,"
	    "return_shipping_fee");
	slots_setf(&t->slots, "return_window_days", "%ld", q.window_days);
	dlg_set_action(t, "return_cost", "order #%s, %s: fee %.2f, label "
	    "%.2f", o->id, cond, q.fee, q.label);
	dlg_say(t, "return_cost");
	if (strcmp(o->status, "delivered") == 0 && q.deadline != NULL &&
	    catalog_days_between(store_now(), q.deadline) >= 0) {
		/* Still in the window: offer to start it. */
		slots_set(&t->slots, "offer_return", "yes");
		dlg_jset_str(dlg_jobj(t->state, "pending"), "action",
		    "confirm_return");
		dlg_jset_str(dlg_jobj(t->state, "pending"), "order_id", o->id);
	}
	if (strcmp(o->status, "refunded") != 0 && strcmp(o->status,
	    "return_requested") != 0)
		dlg_say(t, "return_window_note");
	dlg_close_form(t);
	return_quote_release(&q);
}

/*
 * Which order the customer means when the form has none from this turn
 * (dlg_order_pick): the pick, else ask among several; an item named that
 * none of the orders holds leaves the form without an order (ask, never
 * guess); else the open form's order, then the customer's only order.
 * Returns 0 when it asked.
 */
static int
pick_order(struct tctx *t, cJSON *form, const char *form_name)
{
	struct dlg_order_pick p;
	struct sd_error	 err = SD_ERROR_INIT;
	char		**ids = NULL;
	size_t		 n = 0, i;
	int		 focus_only;

	dlg_order_pick(t, &p);
	focus_only = p.id != NULL && strcmp(p.rule, "the order in focus") == 0;
	if (p.id != NULL && !(focus_only && dlg_jstr(form, "order_id") !=
	    NULL)) {
		dlg_jset_str(form, "order_id", p.id);
		dlg_jset_str(t->trace, "order_resolution", p.rule);
	} else if (p.n > 1) {
		dlg_jset_str(t->trace, "order_resolution", p.rule);
		ask_order_choice(t, form_name, p.ids, p.n < 5 ? p.n : 5,
		    "ask_order_choice");
		dlg_order_pick_release(&p);
		return 0;
	} else if (p.named)
		cJSON_DeleteItemFromObjectCaseSensitive(form, "order_id");
	else if (p.id == NULL && dlg_jstr(form, "order_id") == NULL) {
		dlg_retrieve_begin(t);
		catalog_customer_orders(t->st, t->cust.id, &ids, &n, &err);
		dlg_retrieve_end(t);
		sd_error_clear(&err);
		if (n == 1) {
			dlg_jset_str(form, "order_id", ids[0]);
			dlg_jset_str(t->trace, "order_resolution",
			    "the customer's only order");
		}
		for (i = 0; i < n; i++)
			free(ids[i]);
		free(ids);
	}
	dlg_order_pick_release(&p);
	return 1;
}

/*
 * A support form about one order: take the number from this turn, the
 * open form or ask; check the order is the customer's; then act.
 */
void
dlg_handle_order(struct tctx *t, const char *form_name)
{
	const struct entity *en = dlg_order_number(t);
	cJSON		*form = dlg_open_form(t, form_name);
	const char	*id;
	char		*copy;

	if (en != NULL) {
		dlg_jset_str(form, "order_id", en->value);
		dlg_jset_str(t->trace, "order_resolution", "the order number "
		    "given");
	} else if (t->have_cust && !pick_order(t, form, form_name))
		return;		/* asked which of several */
	if ((id = dlg_jstr(form, "order_id")) == NULL) {
		ask_order_id(t, form_name);
		return;
	}
	copy = xstrdup(id);
	dlg_handle_order_id(t, form_name, copy);
	free(copy);
}

/* The topic a support form answers. */
enum dlg_order_topic
dlg_form_topic(const char *form)
{
	static const struct {
		const char		*form;
		enum dlg_order_topic	 topic;
	} v[] = {
		{ "cancel_order", ORDQ_CANCEL },
		{ "track_refund", ORDQ_REFUND },
		{ "return_item", ORDQ_RETURN },
		{ "change_shipping_address", ORDQ_ADDRESS },
	};
	size_t	 i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		if (strcmp(v[i].form, form) == 0)
			return v[i].topic;
	return ORDQ_TRACK;
}

/* The form that answers: the topic's, when the words say one. */
static const char *
answering_form(struct tctx *t, const char *form_name)
{
	enum dlg_order_topic topic = (enum dlg_order_topic)t->order_topic;

	if (topic == ORDQ_NONE)
		topic = dlg_order_topic(t);
	t->order_topic = topic;
	if (topic == ORDQ_NONE)
		return form_name;
	if (topic == ORDQ_LIST)
		return "track_order";
	return dlg_order_topic_form(topic);
}

/*
 * Answer the support form form_name about order id: check the order is
 * the customer's, put it in focus, then say the key fact the question
 * asks for.
 */
void
dlg_handle_order_id(struct tctx *t, const char *form_name, const char *id)
{
	cJSON		*form = dlg_open_form(t, form_name);
	struct order	 o;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*how;
	enum sd_rc	 rc;

	memset(&o, 0, sizeof o);
	dlg_jset_str(form, "order_id", id);
	slots_set(&t->slots, "order_id", id);
	dlg_retrieve_begin(t);
	rc = catalog_order(t->st, id, &o, &err);
	dlg_retrieve_end(t);
	if (rc != SD_OK) {
		sd_error_clear(&err);
		dlg_set_action(t, "order_not_found", "no order #%s", id);
		dlg_say(t, "order_not_found");
		cJSON_DeleteItemFromObjectCaseSensitive(form, "order_id");
		dlg_jset_str(dlg_jobj(t->state, "pending"), "action",
		    "order_id");
		return;
	}
	if (!t->have_cust) {
		dlg_set_action(t, "order_needs_user",
		    "order #%s: the customer is "
		    "not identified", id);
		dlg_say(t, "order_needs_user");
		goto out;
	}
	if (strcmp(o.customer_id, t->cust.id) != 0) {
		/* Say no more than for an unknown order. */
		dlg_set_action(t, "order_not_owned",
		    "order #%s belongs to another "
		    "customer", id);
		dlg_say(t, "order_not_found");
		cJSON_DeleteItemFromObjectCaseSensitive(form, "order_id");
		goto out;
	}
	dlg_order_focus_set(t, id);
	how = answering_form(t, form_name);
	/* What "and the ssd?" asks next turn. */
	dlg_jset_num(t->state, "order_topic", t->order_topic != ORDQ_NONE &&
	    t->order_topic != ORDQ_LIST ? (double)t->order_topic :
	    (double)dlg_form_topic(how));
	if (t->order_topic == ORDQ_SIGN)
		answer_signature(t, &o);
	else if (t->order_topic == ORDQ_PRICE_DROP)
		answer_price_drop(t, &o);
	else if (t->order_topic == ORDQ_DEFECT)
		answer_defect(t, &o);
	else if (t->order_topic == ORDQ_INVOICE) {
		order_slots(t, &o);
		fact_slot(t, "invoice_location", "invoice_location");
		fact_slot(t, "invoice_available", "invoice_available");
		dlg_set_action(t, "order_invoice", "order #%s is %s", id,
		    o.status);
		dlg_say(t, "order_invoice");
		dlg_close_form(t);
	}
	else if (t->order_topic == ORDQ_FEE && (strcmp(o.status,
	    "refunded") == 0 || strcmp(o.status, "cancelled") == 0))
		answer_refund(t, &o);	/* what was deducted, as logged */
	else if (t->order_topic == ORDQ_FEE)
		answer_return_cost(t, &o);
	else if (strcmp(how, "track_refund") == 0)
		answer_refund(t, &o);
	else if (strcmp(how, "track_order") == 0 &&
	    t->order_topic == ORDQ_LIST && strcmp(o.status, "processing") == 0)
		cancel_check(t, &o);	/* "ordered it again": undo it? */
	else if (strcmp(how, "track_order") == 0)
		answer_status(t, &o);
	else if (strcmp(how, "cancel_order") == 0)
		cancel_check(t, &o);
	else if (strcmp(how, "change_order") == 0 ||
	    strcmp(how, "change_shipping_address") == 0) {
		order_slots(t, &o);
		if (strcmp(how, "change_shipping_address") == 0)
			slots_set(&t->slots, "address_change", "yes");
		else if (dlg_has_word(t, "add"))
			fact_slot(t, "add_items", "add_items");
		dlg_set_action(t, "change_check", "order #%s is %s", id,
		    o.status);
		dlg_say(t, "change_order");
		dlg_close_form(t);
	} else
		return_eligibility(t, &o);
out:
	order_release(&o);
}

/* Carry out what the customer just agreed to. */
int
dlg_confirm_pending(struct tctx *t, cJSON *pending)
{
	const char	*what = dlg_jstr(pending, "action");
	const char	*order = dlg_jstr(pending, "order_id");
	const char	*sku = dlg_jstr(pending, "sku");
	struct sd_error	 err = SD_ERROR_INIT;
	struct product	 p;

	if (what == NULL)
		return 0;
	if (strcmp(what, "resume_form") == 0) {
		cJSON *form = cJSON_GetObjectItemCaseSensitive(t->state, "form");

		if (!cJSON_IsObject(form) || dlg_jstr(form, "name") == NULL)
			return 0;
		dlg_jset_str(t->trace, "resumed", dlg_jstr(form, "name"));
		dlg_handle_order(t, dlg_jstr(form, "name"));
		return 1;
	}
	if (strcmp(what, "show_specs") == 0 && sku != NULL) {
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, sku, &p))
			return 0;
		dlg_focus_push(t, sku);
		dlg_answer_product(t, &p, 1);
		product_release(&p);
		return 1;
	}
	if ((strcmp(what, "confirm_cancel") == 0 ||
	    strcmp(what, "confirm_return") == 0) && order != NULL) {
		int cancel = what[8] == 'c';

		slots_set(&t->slots, "order_id", order);
		/* The status and its event together, or neither. */
		dlg_read_end(t);
		if (store_begin(t->st, &err) != SD_OK ||
		    catalog_order_set_status(t->st, order, cancel ?
		    "cancelled" : "return_requested", cancel ?
		    "cancelled by the customer in chat; payment "
		    "authorisation released" :
		    "return requested in chat", &err) != SD_OK ||
		    store_commit(t->st, &err) != SD_OK) {
			store_rollback(t->st);
			cJSON_AddStringToObject(t->trace, "error",
			    sd_error_msg(&err));
			sd_error_clear(&err);
			return 0;
		}
		dlg_cite(t, "order", order, order, "status");
		if (cancel)
			fact_slot(t, "cancelled_order", "cancelled_auth");
		dlg_set_action(t, cancel ? "order_cancelled" : "return_started",
		    "customer confirmed; order #%s is now %s", order, cancel ?
		    "cancelled" : "return_requested");
		dlg_say(t, cancel ? "cancel_done" : "return_started");
		dlg_close_form(t);
		return 1;
	}
	return 0;
}
