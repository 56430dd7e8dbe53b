/*
 * dlg-support.c: support answers about one order: which order (asking
 * among several), then tracking, refunds, signatures, invoices, changes
 * and cancellations, handing returns to dlg-returns.c, and carrying out
 * what the customer confirmed.  Every order is checked to be the
 * customer's first.  The slot helpers here fill an answer with the
 * order's rows and the policy facts it rests on.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

/* The order's rows as template slots, citing the order. */
void
dlg_order_slots(struct tctx *t, const struct order *o)
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
	/* A code sent by email has no shipment: delivered when logged. */
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
		if (o->delivered_at == NULL && at != NULL &&
		    strcmp(o->status, "delivered") == 0)
			slots_setf(&t->slots, "delivered_on", "%.10s", at);
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
int
dlg_fact_slot(struct tctx *t, const char *key, const char *name)
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
void
dlg_money_slot(struct tctx *t, const char *name, double v,
    const char *cur)
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
	if (!t->have_cust)
		slots_set(&t->slots, "anonymous", "yes");
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
cancel_check(struct tctx *t, const struct order *o)
{
	dlg_order_slots(t, o);
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

/* Does the turn ask on what day the order left ("when did it ship",
 * "ship date")? */
static int
asks_ship_day(struct tctx *t)
{
	static const char *const when[] = { "when did", "when was", "when were",
	    "what day", "which day", "what date", "which date", NULL };
	static const char *const left[] = { "ship", "shipped", "sent",
	    "dispatched", "go out", "went out", "leave", "leaves", NULL };
	static const char *const date[] = { "ship date", "shipping date",
	    "date shipped", "dispatch date", NULL };

	return dlg_has_any(t, date) || (dlg_has_any(t, when) &&
	    dlg_has_any(t, left));
}

/*
 * Where the order is, with what the customer may want next: how soon
 * a processing order ships, and that a parcel out for delivery before
 * its estimate comes early.
 */
void
dlg_answer_status(struct tctx *t, const struct order *o)
{
	/* A return on its way back: where it stands, when the money comes. */
	if (strcmp(o->status, "return_requested") == 0)
		dlg_refund_slots(t, o);
	else
		dlg_order_slots(t, o);
	if (strcmp(o->status, "processing") == 0) {
		dlg_fact_slot(t, "processing_time_business_days",
		    "processing_days");
		dlg_fact_slot(t, "same_day_processing_cutoff", "cutoff");
	}
	/* Held up: what happens next, and when to tell the store. */
	if (o->ship_status != NULL && strcmp(o->ship_status,
	    "exception") == 0 && strcmp(o->status, "shipped") == 0)
		dlg_fact_slot(t, "late_after_business_days", "late_days");
	if (o->ship_status != NULL && strcmp(o->ship_status,
	    "out_for_delivery") == 0 && o->estimated_delivery != NULL &&
	    catalog_days_between(store_now(), o->estimated_delivery) > 0)
		slots_set(&t->slots, "early", "yes");
	dlg_set_action(t, "order_status", "order #%s is %s", o->id,
	    o->status);
	dlg_say(t, "order_status");
	/* "When did it ship": the day it left, which the status omits. */
	if (o->shipped_at != NULL && o->shipped_at[0] != '\0' &&
	    asks_ship_day(t))
		dlg_say(t, "order_shipped_on");
	dlg_close_form(t);
}

/* The order's slots and the refund policy's facts about its money. */
void
dlg_refund_slots(struct tctx *t, const struct order *o)
{
	dlg_order_slots(t, o);
	slots_set(&t->slots, "payment_method", o->payment_method != NULL ?
	    o->payment_method : "");
	if (o->payment_method != NULL && strncmp(o->payment_method,
	    "PayPal", 6) != 0 && strstr(o->payment_method, "gift") == NULL)
		slots_set(&t->slots, "card_payment", "yes");
	dlg_fact_slot(t, "charge_timing", "charge_timing");
	dlg_fact_slot(t, "cancelled_order", "cancelled_auth");
	dlg_fact_slot(t, "refund_processing_days", "refund_days");
	dlg_fact_slot(t, "bank_posting_days", "bank_days");
	dlg_fact_slot(t, "refund_method", "refund_method");
}

/*
 * Where the money is: refunded (to what, when), on its way back, never
 * charged (processing or cancelled orders are only authorised), with
 * how long the bank or PayPal takes from the refund policy.
 */
static void
answer_refund(struct tctx *t, const struct order *o)
{
	dlg_refund_slots(t, o);
	dlg_set_action(t, "order_status", "order #%s is %s", o->id,
	    o->status);
	dlg_say(t, "refund_status");
	dlg_return_expected(t, o);
	dlg_orderfacts_refund_card(t, o);
	dlg_close_form(t);
}

/* Words asking what an order cost ("what did I pay on that one"). */
static const char *const paid[] = { "did i pay", "i paid",
	"what was the total", "order total", NULL };

/* What the customer paid for the order, item by item. */
static void
answer_paid(struct tctx *t, const struct order *o)
{
	struct sbuf	 sb = SBUF_INIT;
	char		*m;
	size_t		 i;

	dlg_order_slots(t, o);
	for (i = 0; i < o->nitems; i++) {
		m = catalog_money(o->items[i].unit_price, o->currency);
		sbuf_addf(&sb, "%s", i == 0 ? "" : i + 1 == o->nitems ?
		    " and " : ", ");
		if (o->items[i].qty > 1)
			sbuf_addf(&sb, "%lld x %s at %s each",
			    o->items[i].qty, o->items[i].name, m);
		else
			sbuf_addf(&sb, "the %s at %s", o->items[i].name, m);
		free(m);
	}
	slots_set(&t->slots, "items_paid", sb.buf);
	dlg_cite(t, "order", o->id, o->id, "items,total");
	dlg_set_action(t, "order_paid", "order #%s: %.2f", o->id, o->total);
	dlg_say(t, "order_paid");
	dlg_close_form(t);
	sbuf_release(&sb);
}

/* "Will someone need to sign for it?": the signature threshold. */
static void
answer_signature(struct tctx *t, const struct order *o)
{
	char	*doc = NULL, *v;

	dlg_order_slots(t, o);
	dlg_retrieve_begin(t);
	v = catalog_policy_fact(t->st, "signature_required_over", &doc);
	dlg_retrieve_end(t);
	if (v == NULL) {
		free(doc);
		dlg_answer_status(t, o);
		return;
	}
	dlg_money_slot(t, "signature_over", atof(v), o->currency);
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
 * "Is the monitor I got in August still under warranty?": the item's
 * manufacturer warranty counted from the order's delivery; an order
 * refunded (sent back) is answered by its status instead.
 */
static void
answer_warranty(struct tctx *t, const struct order *o)
{
	const struct entity *pe = dlg_first_entity(t, ENTITY_PRODUCT);
	const struct entity *ce = dlg_first_entity(t, ENTITY_CATEGORY);
	struct product	 p;
	size_t		 i, k = 0;
	char		*until;

	for (i = 0; i < o->nitems; i++)
		if ((pe != NULL && pe->sku != NULL && strcmp(pe->sku,
		    o->items[i].sku) == 0) || (pe == NULL && ce != NULL &&
		    ce->category != NULL && strcmp(ce->category,
		    o->items[i].category) == 0)) {
			k = i;
			break;
		}
	memset(&p, 0, sizeof p);
	if (o->nitems == 0 || o->delivered_at == NULL || dlg_order_void(o) ||
	    !dlg_load_product(t, o->items[k].sku, &p) ||
	    p.warranty_months <= 0 || p.warranty == NULL ||
	    (until = catalog_month_add(o->delivered_at,
	    p.warranty_months)) == NULL) {
		product_release(&p);
		dlg_answer_status(t, o);
		return;
	}
	dlg_order_slots(t, o);
	slots_set(&t->slots, "item", o->items[k].name);
	slots_set(&t->slots, "warranty", p.warranty);
	slots_set(&t->slots, "warranty_until", until);
	if (catalog_days_between(store_now(), until) >= 0)
		slots_set(&t->slots, "warranty_left", "yes");
	dlg_cite(t, "product", p.sku, p.name, "warranty");
	dlg_set_action(t, "order_warranty", "order #%s: %s covered until %s",
	    o->id, p.sku, until);
	dlg_say(t, "order_warranty");
	dlg_close_form(t);
	free(until);
	product_release(&p);
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

	/* "I need to check on an order": not the one just answered. */
	if (dlg_order_indefinite(t))
		cJSON_DeleteItemFromObjectCaseSensitive(form, "order_id");
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
	cJSON		*form;
	const char	*id;
	char		*copy;

	if (dlg_several_orders(t, form_name, t->order_topic))
		return;
	form = dlg_open_form(t, form_name);
	if (en != NULL) {
		dlg_jset_str(form, "order_id", en->value);
		dlg_jset_str(t->trace, "order_resolution", "the order number "
		    "given");
	} else if (t->have_cust && !pick_order(t, form, form_name))
		return;		/* asked which of several */
	if ((id = dlg_jstr(form, "order_id")) == NULL) {
		/* No order: a product the policy never takes back says so
		 * rather than ask which order. */
		if (strcmp(form_name, "return_item") == 0 &&
		    dlg_return_product_rule(t))
			return;
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
	if (dlg_orderfacts_answer(t, &o, how))
		;	/* the one more fact the question needs */
	else if (t->order_topic == ORDQ_SIGN)
		answer_signature(t, &o);
	else if (t->order_topic == ORDQ_PRICE_DROP)
		dlg_answer_price_drop(t, &o);
	else if (t->order_topic == ORDQ_DEFECT)
		dlg_answer_defect(t, &o);
	else if (t->order_topic == ORDQ_WARRANTY)
		answer_warranty(t, &o);
	else if (t->order_topic == ORDQ_UNLISTED) {
		/* Said so, with the shipment as it is: nothing invented. */
		dlg_order_slots(t, &o);
		dlg_set_action(t, "order_unlisted", "order #%s: insurance is "
		    "in neither the order nor the policies", id);
		dlg_say(t, "order_unlisted");
		dlg_close_form(t);
	}
	else if (t->order_topic == ORDQ_INVOICE) {
		dlg_order_slots(t, &o);
		dlg_fact_slot(t, "invoice_location", "invoice_location");
		dlg_fact_slot(t, "invoice_available", "invoice_available");
		dlg_set_action(t, "order_invoice", "order #%s is %s", id,
		    o.status);
		dlg_say(t, "order_invoice");
		dlg_close_form(t);
	}
	else if (t->order_topic == ORDQ_FEE && (strcmp(o.status,
	    "refunded") == 0 || strcmp(o.status, "cancelled") == 0))
		answer_refund(t, &o);	/* what was deducted, as logged */
	else if (t->order_topic == ORDQ_FEE)
		dlg_answer_return_cost(t, &o);
	else if (strcmp(how, "track_refund") == 0) {
		if (!dlg_payment_answer(t, &o))
			answer_refund(t, &o);
	}
	else if (strcmp(how, "track_order") == 0 &&
	    t->order_topic == ORDQ_LIST && strcmp(o.status, "processing") == 0)
		cancel_check(t, &o);	/* "ordered it again": undo it? */
	else if (strcmp(how, "track_order") == 0 && (t->order_topic ==
	    ORDQ_ITEMS || dlg_has_any(t, paid)))
		answer_paid(t, &o);
	else if (strcmp(how, "track_order") == 0)
		dlg_answer_status(t, &o);
	else if (strcmp(how, "cancel_order") == 0)
		cancel_check(t, &o);
	else if (strcmp(how, "change_order") == 0 ||
	    strcmp(how, "change_shipping_address") == 0) {
		dlg_order_slots(t, &o);
		if (strcmp(how, "change_shipping_address") == 0)
			slots_set(&t->slots, "address_change", "yes");
		else if (dlg_has_word(t, "add"))
			dlg_fact_slot(t, "add_items", "add_items");
		dlg_set_action(t, "change_check", "order #%s is %s", id,
		    o.status);
		dlg_say(t, "change_order");
		dlg_close_form(t);
	} else
		dlg_return_eligibility(t, &o);
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
	/* "Yes" to "is your question about ...?": that section. */
	if (strcmp(what, "kb_topic") == 0)
		return dlg_kb_confirm_topic(t, pending);
	/* "Yes" to an alert when a sold-out item is back. */
	if (strcmp(what, "confirm_watch") == 0)
		return dlg_confirm_watch(t, sku);
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
			dlg_fact_slot(t, "cancelled_order", "cancelled_auth");
		dlg_set_action(t, cancel ? "order_cancelled" : "return_started",
		    "customer confirmed; order #%s is now %s", order, cancel ?
		    "cancelled" : "return_requested");
		dlg_say(t, cancel ? "cancel_done" : "return_started");
		dlg_close_form(t);
		return 1;
	}
	return 0;
}
