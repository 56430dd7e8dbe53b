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

static void
pick(struct tctx *t, cJSON *form, const char *id, const char *rule)
{
	dlg_jset_str(form, "order_id", id);
	dlg_jset_str(t->trace, "order_resolution", rule);
}

/*
 * Which order the customer means when no number is given, in order:
 * one of the orders just listed by position; the orders holding the
 * product, brand or category named (the one in focus if it is among
 * them, else the only one, else ask which); the open form's order; the
 * order in focus; the customer's only order.  Returns 0 when it asked.
 */
static int
pick_order(struct tctx *t, cJSON *form, const char *form_name)
{
	static const char *const newest[] = { "new", "newest", "latest",
		"most recent", NULL };
	struct order_match m;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*how = NULL, *focus = dlg_order_focus(t), *id;
	char		**ids = NULL, *words;
	size_t		 n = 0, i;
	int		 asked = 0, found = 0;

	if ((id = dlg_order_by_position(t, &how)) != NULL) {
		pick(t, form, id, "an order just listed, by position");
		dlg_jset_str(t->trace, "order_position", how);
		return 1;
	}
	if (dlg_order_named_item(t, &m, &words)) {
		dlg_retrieve_begin(t);
		catalog_customer_orders_with(t->st, t->cust.id, &m, &ids, &n,
		    &err);
		dlg_retrieve_end(t);
		sd_error_clear(&err);
		for (i = 0; focus != NULL && i < n; i++)
			if (strcmp(ids[i], focus) == 0)
				break;
		if (n > 0 && focus != NULL && i < n) {
			pick(t, form, focus, "the order in focus holds the "
			    "item named");
			found = 1;
		} else if (n == 1) {
			pick(t, form, ids[0], "the customer's only order "
			    "holding the item named");
			found = 1;
		} else if (n > 1 && dlg_has_any(t, newest)) {
			/* "my new TV": the latest of them (oldest first). */
			pick(t, form, ids[n - 1], "the newest order holding "
			    "the item named");
			found = 1;
		} else if (n > 1) {
			dlg_jset_str(t->trace, "order_resolution", "several "
			    "orders hold the item named");
			ask_order_choice(t, form_name, ids, n < 5 ? n : 5,
			    "ask_order_choice");
			asked = 1;
		}
		for (i = 0; i < n; i++)
			free(ids[i]);
		free(ids);
		free(words);
		if (found || asked)
			return !asked;
		/* Named but in none of the orders: ask, never guess. */
		cJSON_DeleteItemFromObjectCaseSensitive(form, "order_id");
		return 1;
	}
	if (dlg_jstr(form, "order_id") != NULL)
		return 1;
	if (focus != NULL) {
		pick(t, form, focus, "the order in focus");
		return 1;
	}
	dlg_retrieve_begin(t);
	catalog_customer_orders(t->st, t->cust.id, &ids, &n, &err);
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	if (n == 1)
		pick(t, form, ids[0], "the customer's only order");
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	return 1;
}

/*
 * A support form about one order: take the number from this turn, the
 * open form or ask; check the order is the customer's; then act.
 */
void
dlg_handle_order(struct tctx *t, const char *form_name)
{
	const struct entity *en = dlg_first_entity(t, ENTITY_ORDER_ID);
	cJSON		*form = dlg_open_form(t, form_name);
	struct order	 o;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*id;
	enum sd_rc	 rc;

	memset(&o, 0, sizeof o);
	if (en != NULL)
		dlg_jset_str(form, "order_id", en->value);
	if (en != NULL)
		dlg_jset_str(t->trace, "order_resolution", "the order number "
		    "given");
	else if (t->have_cust && !pick_order(t, form, form_name))
		return;		/* asked which of several */
	if ((id = dlg_jstr(form, "order_id")) == NULL) {
		ask_order_id(t, form_name);
		return;
	}
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
	if (strcmp(form_name, "track_order") == 0 ||
	    strcmp(form_name, "track_refund") == 0) {
		order_slots(t, &o);
		dlg_set_action(t, "order_status", "order #%s is %s", id,
		    o.status);
		dlg_say(t, strcmp(form_name, "track_refund") == 0 ?
		    "refund_status" : "order_status");
		dlg_close_form(t);
	} else if (strcmp(form_name, "cancel_order") == 0)
		cancel_check(t, &o);
	else if (strcmp(form_name, "change_order") == 0 ||
	    strcmp(form_name, "change_shipping_address") == 0) {
		order_slots(t, &o);
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
		/* The order's own system first, when it has one. */
		if (cancel && dlg_push_cancel(t, order))
			return 1;
		/* The status and its event together, or neither. */
		dlg_read_end(t);
		if (store_begin(t->st, &err) != SD_OK ||
		    catalog_order_set_status(t->st, order, cancel ?
		    "cancelled" : "return_requested", cancel ?
		    "cancelled by the customer in chat" :
		    "return requested in chat", &err) != SD_OK ||
		    store_commit(t->st, &err) != SD_OK) {
			store_rollback(t->st);
			cJSON_AddStringToObject(t->trace, "error",
			    sd_error_msg(&err));
			sd_error_clear(&err);
			return 0;
		}
		dlg_cite(t, "order", order, order, "status");
		dlg_set_action(t, cancel ? "order_cancelled" : "return_started",
		    "customer confirmed; order #%s is now %s", order, cancel ?
		    "cancelled" : "return_requested");
		dlg_say(t, cancel ? "cancel_done" : "return_started");
		dlg_close_form(t);
		return 1;
	}
	return 0;
}
