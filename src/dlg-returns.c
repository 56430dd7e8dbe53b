/*
 * dlg-returns.c: support answers about money coming back from an order:
 * whether it can be returned (the window from delivery, non-returnable
 * categories), what a return costs and brings back (the restocking fee
 * and label the policy deducts, computed by catalog_return_quote), what
 * happens to a defective item, and a price drop since the order.
 * dlg-support.c finds the order and calls these.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

/*
 * Can the order be returned: delivered, within the window from delivery,
 * nothing in a non-returnable category (of the item named, when one
 * is).  Offers to start the return.
 */
static const char *item_named(struct tctx *, const struct order *);

void
dlg_return_eligibility(struct tctx *t, const struct order *o)
{
	char		*wdoc = NULL, *ndoc = NULL;
	const char	*delivered, *only;
	char		*window, *nonret;
	long		 days, w;
	size_t		 i;

	dlg_retrieve_begin(t);
	window = catalog_policy_fact(t->st, "return_window_days", &wdoc);
	nonret = catalog_policy_fact(t->st, "non_returnable_categories",
	    &ndoc);
	dlg_retrieve_end(t);

	dlg_order_slots(t, o);
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
		/* A return already open: where it stands, what comes next. */
		if (strcmp(o->status, "return_requested") == 0)
			dlg_refund_slots(t, o);
		dlg_set_action(t, "return_not_delivered", "order %s is %s, not "
		    "delivered", o->id, o->status);
		/* "I never got the label": how it was sent, where to look. */
		if (strcmp(o->status, "return_requested") == 0 &&
		    dlg_has_word(t, "label") && t->have_cust &&
		    t->cust.email != NULL) {
			slots_set(&t->slots, "email", t->cust.email);
			dlg_cite(t, "customer", t->cust.id, t->cust.name,
			    "email");
			slots_set(&t->slots, "label_asked", "yes");
		}
		dlg_say(t, "return_status");
		dlg_return_expected(t, o);
		goto out;
	}
	/* "Just the charger from it": that item's verdict, not the
	 * order's (a gift card beside it stays out of the answer). */
	if ((only = item_named(t, o)) != NULL)
		for (i = 0; i < o->nitems; i++)
			if (strcmp(o->items[i].sku, only) == 0)
				slots_set(&t->slots, "item_only",
				    o->items[i].name);
	/* What can never come back goes first: the window is moot then. */
	for (i = 0; nonret != NULL && i < o->nitems; i++) {
		if (only != NULL && strcmp(o->items[i].sku, only) != 0)
			continue;
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
	dlg_fact_slot(t, "how_to_start", "how_to_return");
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

/* An order whose money went back (cancelled, refunded): nothing on it
 * is adjusted, replaced or covered any more. */
int
dlg_order_void(const struct order *o)
{
	return strcmp(o->status, "cancelled") == 0 ||
	    strcmp(o->status, "refunded") == 0;
}

/*
 * "I paid 599.99 and now it's 449.99": the item of the order whose
 * price fell most since (or the one named), and whether the price-drop
 * refund still applies (within the days the price-match policy gives
 * from the order date); never on an order cancelled or refunded, whose
 * payment already went back: the price now is only what ordering it
 * again costs.
 */
void
dlg_answer_price_drop(struct tctx *t, const struct order *o)
{
	const struct entity *pe = dlg_first_entity(t, ENTITY_PRODUCT);
	struct product	 p, best;
	char		*doc = NULL, *w;
	double		 drop = 0;
	size_t		 i;
	long		 days;

	dlg_order_slots(t, o);
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
			dlg_money_slot(t, "paid", o->items[i].unit_price,
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
		dlg_answer_status(t, o);
		return;
	}
	dlg_cite(t, "policy", doc, doc, "price_match_window_days");
	dlg_cite(t, "product", best.sku, best.name, "price");
	dlg_money_slot(t, "price_now", best.price, o->currency);
	dlg_money_slot(t, "difference", drop > 0 ? drop : 0, o->currency);
	slots_set(&t->slots, "price_window_days", w);
	slots_set(&t->slots, "payment_method", o->payment_method != NULL ?
	    o->payment_method : "");
	days = catalog_days_between(o->placed_at, store_now());
	slots_set(&t->slots, "price_drop", dlg_order_void(o) ? "void" :
	    drop <= 0 ? "none" : days <= atol(w) ? "within" : "past");
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
 * return), after that the manufacturer's warranty applies.  An order
 * already refunded or cancelled is offered neither: its status says
 * where the money stands.
 */
void
dlg_answer_defect(struct tctx *t, const struct order *o)
{
	char	*doc = NULL, *w;
	long	 days;

	if (o->delivered_at == NULL || dlg_order_void(o)) {
		dlg_answer_status(t, o);
		return;
	}
	dlg_order_slots(t, o);
	dlg_retrieve_begin(t);
	w = catalog_policy_fact(t->st, "doa_exchange_days", &doc);
	dlg_retrieve_end(t);
	if (w == NULL || !dlg_fact_slot(t, "doa_handling", "doa_handling") ||
	    !dlg_fact_slot(t, "after_doa", "after_doa")) {
		free(w);
		free(doc);
		dlg_answer_status(t, o);
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
	/* What it costs to send back, asked next, is a defect's. */
	dlg_jset_str(t->state, "defect_order", o->id);
	dlg_set_action(t, "defect_return", "order #%s delivered %ld days "
	    "ago; replaced or refunded within %s", o->id, days, w);
	dlg_say(t, "defect_return");
	if (strcmp(o->status, "delivered") != 0)
		dlg_close_form(t);
	free(w);
	free(doc);
}

/* Does the name of the item hold a word of the message (3 letters or
 * more, not one that only frames the question)? */
static int
item_word_said(struct tctx *t, const char *name)
{
	static const char *const frame[] = { "the", "and", "for", "with",
	    "from", "one", "just", "only", "return", "send", "back", "can",
	    "fee", "right", "its", "it's", "order", "that", "this", "what",
	    "how", "much", "get", "not", "all", "too", NULL };
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, len;
	const char *const *f;
	char		*w, *q;
	int		 yes = 0;

	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0; i < n && !yes; i++) {
		if ((len = tok[i].end - tok[i].start) < 3 ||
		    !tok[i].has_alpha)
			continue;
		w = xstrndup(t->text + tok[i].start, len);
		for (q = w; *q != '\0'; q++)
			*q = (char)tolower((unsigned char)*q);
		for (f = frame; *f != NULL && strcmp(*f, w) != 0; f++)
			;
		yes = *f == NULL && dlg_name_word(name, w, len);
		free(w);
	}
	free(tok);
	return yes;
}

/*
 * The item of the order the customer names ("just the keyboard case
 * from it"): the product named, else the only item of the kind named,
 * else the only item whose name holds a word said; NULL for all of it.
 */
static const char *
item_named(struct tctx *t, const struct order *o)
{
	const struct entity *pe = dlg_first_entity(t, ENTITY_PRODUCT);
	const struct entity *ce = dlg_first_entity(t, ENTITY_CATEGORY);
	const char	*hit = NULL;
	size_t		 i, hits = 0;

	if (o->nitems < 2)
		return NULL;
	for (i = 0; pe != NULL && pe->sku != NULL && i < o->nitems; i++)
		if (strcmp(o->items[i].sku, pe->sku) == 0)
			return o->items[i].sku;
	for (i = 0; ce != NULL && ce->category != NULL && i < o->nitems; i++)
		if (o->items[i].category != NULL &&
		    strcmp(o->items[i].category, ce->category) == 0) {
			hit = o->items[i].sku;
			hits++;
		}
	if (hits == 1)
		return hit;
	for (i = 0, hits = 0; i < o->nitems; i++)
		if (item_word_said(t, o->items[i].name)) {
			hit = o->items[i].sku;
			hits++;
		}
	return hits == 1 ? hit : NULL;
}

/* Does the return already logged for o give one of these reasons? */
static int
logged_faulty(struct tctx *t, const struct order *o,
    const char *const *reasons)
{
	char	*at = NULL, *note, *p;
	int	 r = 0;

	if (strcmp(o->status, "return_requested") != 0)
		return 0;
	dlg_retrieve_begin(t);
	note = catalog_order_last_event(t->st, o->id, &at);
	dlg_retrieve_end(t);
	/* "Does not power on": the log is written, the words folded. */
	for (p = note; p != NULL && *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	for (; note != NULL && *reasons != NULL && !r; reasons++)
		r = dlg_word_in(note, *reasons, strlen(*reasons));
	free(note);
	free(at);
	return r;
}

/* Words of a defect or damage, said by the customer or logged as the
 * reason of a return: such a return costs nothing. */
static const char *const faulty[] = { "defective", "broken",
	"stopped working", "not working", "doesn't work", "doesnt work",
	"dead", "cracked", "damaged", "faulty", "dead pixels", "wrong item",
	"stopped charging", "does not power on", "doesn't power on",
	"won't power on", "won't turn on", "wont turn on",
	"does not turn on", "doesn't turn on", "wrong colour",
	"wrong color", "wrong size", "wrong model", "wrong one",
	"wrong ones", "not what i ordered", NULL };

/*
 * After the policy: a defect, damage or wrong delivery told is a fact
 * of the thread ("the bose I got are the wrong colour" while the bot
 * asks which order, then "do I have to pay to send them back"): state
 * "mishap_at", the message it was told in.
 */
void
dlg_mishap_note(struct tctx *t)
{
	if (dlg_has_any(t, faulty))
		dlg_jset_num(t->state, "mishap_at", (double)t->si.turns);
}

/* Was a mishap told on this message or the customer's one before? */
static int
mishap_told(struct tctx *t)
{
	return t->si.turns - (long long)dlg_jnum(t->state, "mishap_at",
	    -10) <= 2;
}

/*
 * An open return logged as a defect or damage brings back all that was
 * paid for the items: say how much, after its status.
 */
void
dlg_return_expected(struct tctx *t, const struct order *o)
{
	struct return_quote q;

	if (!logged_faulty(t, o, faulty))
		return;
	dlg_retrieve_begin(t);
	catalog_return_quote(t->st, o, NULL, &q);
	dlg_retrieve_end(t);
	if (q.doc != NULL) {
		dlg_money_slot(t, "items_total", q.items_total, o->currency);
		dlg_cite(t, "policy", q.doc, q.doc, "restocking_fee_waived_for,"
		    "return_shipping_free_for");
		dlg_say(t, "return_expected");
	}
	return_quote_release(&q);
}

/*
 * What a return of the order (or the item named) costs and brings back,
 * by the state the customer says it is in: defective or damaged (free),
 * unopened (only the label on a change of mind), opened (the restocking
 * fee where it applies), or, unsaid, both of the last two.
 */
void
dlg_answer_return_cost(struct tctx *t, const struct order *o)
{
	static const char *const sealed[] = { "unopened", "sealed",
	    "never opened", "not opened", "unused", "plastic", "in the box",
	    NULL };
	static const char *const open[] = { "opened", "open", "used it",
	    "used them", NULL };
	struct return_quote q;
	const char	*sku = item_named(t, o), *cond = "unsaid", *said;
	char		*item = NULL;
	size_t		 i;

	/* "If I return the thinkpad, what's the fee" one turn, "how much
	 * would I get back" the next: the same item of the same order,
	 * never the whole order with that item's fee. */
	said = dlg_jstr(t->state, "return_item_order");
	if (sku == NULL && said != NULL && strcmp(said, o->id) == 0 &&
	    dlg_jstr(t->state, "return_item") != NULL)
		item = xstrdup(dlg_jstr(t->state, "return_item"));
	else if (sku != NULL)
		item = xstrdup(sku);
	sku = item;
	if (sku != NULL) {
		dlg_jset_str(t->state, "return_item", sku);
		dlg_jset_str(t->state, "return_item_order", o->id);
	}
	dlg_order_slots(t, o);
	dlg_retrieve_begin(t);
	catalog_return_quote(t->st, o, sku, &q);
	dlg_retrieve_end(t);
	/* Past the window there is no return to cost: say so. */
	if (q.doc == NULL || (strcmp(o->status, "delivered") == 0 &&
	    q.deadline != NULL && catalog_days_between(store_now(),
	    q.deadline) < 0)) {
		return_quote_release(&q);
		free(item);
		dlg_return_eligibility(t, o);
		return;
	}
	slots_setf(&t->slots, "whose", "order #%s", o->id);
	for (i = 0; sku != NULL && i < o->nitems; i++)
		if (strcmp(o->items[i].sku, sku) == 0) {
			slots_set(&t->slots, "items", o->items[i].name);
			slots_setf(&t->slots, "whose", "the %s from order #%s",
			    o->items[i].name, o->id);
		}
	said = dlg_jstr(t->state, "defect_order");
	if (dlg_has_any(t, faulty) || logged_faulty(t, o, faulty) ||
	    (said != NULL && strcmp(said, o->id) == 0) || mishap_told(t))
		cond = "faulty";
	else if (dlg_has_any(t, sealed))
		cond = "unopened";
	else if (dlg_has_any(t, open))
		cond = "opened";
	/* "It's been opened" one turn, "so how much would I get back" the
	 * next: the state said holds for the same order. */
	said = dlg_jstr(t->state, "return_condition_order");
	if (strcmp(cond, "unsaid") == 0 && said != NULL && strcmp(said,
	    o->id) == 0 && dlg_jstr(t->state, "return_condition") != NULL)
		cond = strcmp(dlg_jstr(t->state, "return_condition"),
		    "opened") == 0 ? "opened" : "unopened";
	else if (strcmp(cond, "opened") == 0 || strcmp(cond,
	    "unopened") == 0) {
		dlg_jset_str(t->state, "return_condition", cond);
		dlg_jset_str(t->state, "return_condition_order", o->id);
	}
	slots_set(&t->slots, "condition", cond);
	slots_setf(&t->slots, "fee_percent", "%g", q.fee_percent);
	dlg_money_slot(t, "fee", q.fee, o->currency);
	dlg_money_slot(t, "label_fee", q.label, o->currency);
	dlg_money_slot(t, "items_total", q.items_total, o->currency);
	dlg_money_slot(t, "refund_opened", q.refund_opened, o->currency);
	dlg_money_slot(t, "refund_unopened", q.refund_unopened, o->currency);
	if (q.fee_items != NULL && q.fee > 0)
		slots_set(&t->slots, "fee_items", q.fee_items);
	if (q.deadline != NULL)
		slots_set(&t->slots, "return_by", q.deadline);
	dlg_fact_slot(t, "restocking_fee_categories", "fee_categories");
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
	free(item);
}

/*
 * "If it doesn't run on my old Mac, can I return it?" about a product
 * not (yet) ordered, or asked before any order is picked: a product in
 * a category the return policy excludes cannot come back, whatever
 * the order.  1 when that was the answer.
 */
int
dlg_return_product_rule(struct tctx *t)
{
	struct product	 p;
	char		*doc = NULL, *nonret;
	int		 done = 0;

	memset(&p, 0, sizeof p);
	if (!dlg_target_product(t, &p))
		return 0;
	dlg_retrieve_begin(t);
	nonret = catalog_policy_fact(t->st, "non_returnable_categories",
	    &doc);
	dlg_retrieve_end(t);
	if (nonret != NULL && dlg_word_in(nonret, p.category,
	    strlen(p.category))) {
		dlg_product_slots(t, &p, "");
		dlg_fact_slot(t, "non_returnable_items", "nonreturnable_items");
		dlg_cite(t, "product", p.sku, p.name, "category");
		dlg_cite(t, "policy", doc, "Return policy",
		    "non_returnable_categories");
		dlg_set_action(t, "return_ineligible", "%s is in %s, which the "
		    "policy does not take back", p.sku, p.category);
		dlg_say(t, "return_product_excluded");
		dlg_close_form(t);
		done = 1;
	}
	free(nonret);
	free(doc);
	product_release(&p);
	return done;
}

/*
 * "Which of my orders can I still return?": the customer's delivered
 * orders still inside the return window, each with its last day, kept
 * as the orders to choose from ("the ipad one"); the only one is put in
 * focus.  1 when that was the turn.
 */
int
dlg_returnable_orders(struct tctx *t)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct order	*v = NULL, o;
	struct sbuf	 list = SBUF_INIT;
	char		**ids = NULL, *doc = NULL, *window, *by;
	size_t		 n = 0, i, j, k = 0;
	long		 w;

	dlg_retrieve_begin(t);
	window = catalog_policy_fact(t->st, "return_window_days", &doc);
	if (window != NULL)
		catalog_customer_orders(t->st, t->cust.id, &ids, &n, &err);
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	if (window == NULL) {
		free(doc);
		return 0;
	}
	w = atol(window);
	v = xcalloc(n ? n : 1, sizeof *v);
	dlg_retrieve_begin(t);
	for (i = 0; i < n; i++) {
		if (catalog_order(t->st, ids[i], &o, &err) != SD_OK) {
			sd_error_clear(&err);
			continue;
		}
		if (strcmp(o.status, "delivered") == 0 && o.delivered_at !=
		    NULL && catalog_days_between(o.delivered_at,
		    store_now()) <= w)
			v[k++] = o;
		else
			order_release(&o);
	}
	dlg_retrieve_end(t);
	for (i = 0; i < k; i++) {
		by = catalog_day_add(v[i].delivered_at, w);
		sbuf_addf(&list, "%s#%s (", i == 0 ? "" : i + 1 == k ?
		    " and " : "; ", v[i].id);
		for (j = 0; j < v[i].nitems; j++)
			sbuf_addf(&list, "%s%s", j ? ", " : "",
			    v[i].items[j].name);
		sbuf_addf(&list, ", delivered %.10s, until %s)",
		    v[i].delivered_at, by != NULL ? by : "?");
		free(by);
		dlg_cite(t, "order", v[i].id, v[i].id, "status,shipment");
	}
	dlg_cite(t, "policy", doc, "Return policy", "return_window_days");
	slots_set(&t->slots, "return_window_days", window);
	if (k > 0)
		slots_set(&t->slots, "returnable", list.buf);
	if (k == 1)
		dlg_order_focus_set(t, v[0].id);
	else if (k > 1) {
		/* "The ipad one" next picks among them, for a return. */
		dlg_open_form(t, "return_item");
		dlg_order_choices_set(t, v, k);
		dlg_jset_str(dlg_jobj(t->state, "pending"), "action",
		    "order_id");
	}
	dlg_jset_num(t->state, "order_topic", ORDQ_RETURN);
	dlg_set_action(t, "returnable_orders", "%zu of %zu orders inside the "
	    "%ld-day window", k, n, w);
	dlg_say(t, "returnable_orders");
	for (i = 0; i < k; i++)
		order_release(&v[i]);
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	free(v);
	free(window);
	free(doc);
	sbuf_release(&list);
	return 1;
}
