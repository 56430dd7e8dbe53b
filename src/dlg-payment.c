/*
 * dlg-payment.c: "has my refund gone through?", "where's my money?",
 * "was my card charged?" answered from the payment provider (payment.c)
 * when the shop has one configured: what it charged for the order, what
 * it refunded, what is still pending, and the state and date of the
 * latest refund.  The store's own rows only say a return was approved;
 * the provider knows whether the money moved.
 *
 * When the provider has no payment for the order, or cannot be asked
 * (down, refusing the key, too slow), the customer is told so and gets
 * what the store's records say (dlg-support.c), never a guess.  Without
 * a provider nothing here runs and the store's records answer as
 * before.  Card details are never read (payment.c asks for amounts,
 * states and dates only), so none can reach a reply, a trace or the
 * history; the provider's error text goes to the trace with any card
 * number in it masked.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"
#include "mask.h"
#include "payment.h"
#include "sources.h"

/* "Was my card charged?" asks about the charge, not a refund. */
static const char *const charge_words[] = { "charged", "charge",
	"charging", "billed", "debited", "taken from", NULL };
static const char *const refund_words[] = { "refund", "refunds",
	"refunded", "money back", "reimburse", "reimbursed", NULL };

/*
 * The provider's settings (environment, else the sources file): 1, or
 * 0 when the shop has none (the store's records answer alone), or -1
 * with err set when they cannot be used (a sources file others may
 * read): a provider that cannot be asked.
 */
static int
provider(struct payment_config *c, struct sd_error *err)
{
	char		*path = sources_default_path(), *key = NULL;
	int		 r = 0;

	memset(c, 0, sizeof *c);
	if (sources_get(path, "stripe.key", "SHOPDESK_STRIPE_KEY", &key,
	    err) == SD_OK && key == NULL)
		goto out;	/* no provider */
	sd_error_clear(err);
	r = payment_config_load(path, c, err) == SD_OK ? 1 : -1;
out:
	free(key);
	free(path);
	return r;
}

/* An order with a return or refund. */
static int
returned(struct tctx *t, const struct order *o, const void *unused)
{
	(void)t;
	(void)unused;
	return strcmp(o->status, "return_requested") == 0 ||
	    strcmp(o->status, "refunded") == 0;
}

/* The customer's orders with a return or refund, newest first. */
static void
refund_orders(struct tctx *t, char ***out, size_t *nout)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		**ids = NULL;
	size_t		 n = 0;

	dlg_retrieve_begin(t);
	catalog_customer_orders(t->st, t->cust.id, &ids, &n, &err);
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	dlg_keep_orders(t, ids, &n, returned, NULL);
	*out = ids;
	*nout = n;
}

/*
 * The policy's step before other order questions: a question about a
 * refund or a charge that names no order (nor points at one listed,
 * held, or in focus) is about the customer's order with a return or
 * refund when there is one, and the bot asks which when there are
 * several.  Only with a provider: its answer is exact, while the
 * store's records alone are better read order by order as before.
 * 1 when that was the turn.
 */
int
dlg_payment_question(struct tctx *t)
{
	struct payment_config c;
	struct dlg_order_pick p;
	struct sd_error	 err = SD_ERROR_INIT;
	char		**ids = NULL;
	size_t		 n = 0, i;
	int		 done = 0;

	if (!t->have_cust || dlg_order_topic(t) != ORDQ_REFUND)
		return 0;
	dlg_order_pick(t, &p);
	done = p.id != NULL || p.n > 1 || p.named;
	dlg_order_pick_release(&p);
	if (done)
		return 0;	/* dlg_order_question answers that order */
	if (provider(&c, &err) == 0)
		return 0;
	sd_error_clear(&err);	/* dlg_payment_answer tells */
	payment_config_release(&c);
	refund_orders(t, &ids, &n);
	if (n > 0) {
		/* Acted on as a refund question, whatever it was read as. */
		t->order_topic = ORDQ_REFUND;
		t->intent = "track_refund";
		t->intent_id = intent_id(t->intent);
		dlg_jset_str(t->trace, "order_question", "track_refund");
	}
	if (n == 1) {
		dlg_jset_str(t->trace, "order_resolution", "the customer's "
		    "only order with a return or refund");
		dlg_handle_order_id(t, "track_refund", ids[0]);
		done = 1;
	} else if (n > 1) {
		dlg_jset_str(t->trace, "order_resolution", "the customer's "
		    "orders with a return or refund");
		dlg_open_form(t, "track_refund");
		dlg_ask_order_choice(t, "track_refund", ids, n < 5 ? n : 5);
		done = 1;
	}
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	return done;
}

/* What a payment intent's status means to a customer. */
static const char *
status_words(const char *s)
{
	static const struct {
		const char	*status, *words;
	} v[] = {
		{ "succeeded", "charged" },
		{ "processing", "being processed" },
		{ "requires_capture", "authorised but not charged yet" },
		{ "canceled", "cancelled" },
		{ "requires_payment_method", "not completed" },
		{ "requires_confirmation", "not completed" },
		{ "requires_action", "waiting for your bank's confirmation" },
	};
	size_t	 i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		if (strcmp(v[i].status, s) == 0)
			return v[i].words;
	return "not completed";
}

/* Cents in the provider's currency ("usd") as money ("$12.50"). */
static void
cents_slot(struct tctx *t, const char *name, long long cents,
    const char *currency)
{
	char	 cur[8];
	size_t	 i;

	for (i = 0; currency != NULL && currency[i] != '\0' &&
	    i + 1 < sizeof cur; i++)
		cur[i] = (char)toupper((unsigned char)currency[i]);
	cur[i] = '\0';
	dlg_money_slot(t, name, (double)cents / 100, cur[0] != '\0' ? cur :
	    "USD");
}

/*
 * What the provider said about the order, kept in the dialogue state:
 * the reply's amounts and dates are checked against the turn's sources
 * before anyone sees them (engine.c), and the provider's figures are in
 * no table of the store.  Amounts, states and a date only.
 */
static void
remember(struct tctx *t, const struct order *o,
    const struct payment_status *p)
{
	cJSON	*m;

	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "payment");
	m = dlg_jobj(t->state, "payment");
	dlg_jset_str(m, "order_id", o->id);
	dlg_jset_str(m, "status", p->status);
	dlg_jset_num(m, "paid_amount", (double)p->amount / 100);
	dlg_jset_num(m, "refunded_amount", (double)p->refunded / 100);
	dlg_jset_num(m, "pending_amount", (double)p->pending / 100);
	if (p->refund_status != NULL) {
		dlg_jset_str(m, "refund_status", p->refund_status);
		dlg_jset_str(m, "refund_at", p->refund_at);
	}
}

/* The provider's answer about o in words; its states in the trace. */
static void
say_status(struct tctx *t, const struct order *o,
    const struct payment_status *p)
{
	cJSON	*tr = dlg_jobj(t->trace, "payment");

	remember(t, o, p);

	dlg_order_slots(t, o);
	slots_set(&t->slots, "asked", dlg_has_any(t, charge_words) &&
	    !dlg_has_any(t, refund_words) ? "charge" : "refund");
	slots_set(&t->slots, "pay_status", p->status);
	slots_set(&t->slots, "pay_status_text", status_words(p->status));
	cents_slot(t, "paid", p->amount, p->currency);
	if (p->refunded > 0)
		cents_slot(t, "refunded", p->refunded, p->currency);
	if (p->pending > 0)
		cents_slot(t, "pending_amount", p->pending, p->currency);
	if (p->refund_status != NULL) {
		slots_set(&t->slots, "refund_status", p->refund_status);
		slots_setf(&t->slots, "refund_on", "%.10s", p->refund_at);
		dlg_jset_str(tr, "refund_status", p->refund_status);
	}
	dlg_jset_str(tr, "result", "answered");
	dlg_jset_str(tr, "payment_status", p->status);
	if (o->payment_method != NULL && strncmp(o->payment_method,
	    "PayPal", 6) != 0 && strstr(o->payment_method, "gift") == NULL)
		slots_set(&t->slots, "card_payment", "yes");
	dlg_fact_slot(t, "bank_posting_days", "bank_days");
	dlg_set_action(t, "payment_status", "order #%s at the payment "
	    "provider: %s, latest refund %s", o->id, p->status,
	    p->refund_status != NULL ? p->refund_status : "none");
	/* "Was my card charged?" and a refund since: the charge first. */
	if (strcmp(slots_get(&t->slots, "asked"), "charge") == 0 &&
	    p->refund_status != NULL && strcmp(p->status, "succeeded") == 0)
		dlg_say(t, "payment_charged");
	dlg_say(t, "payment_status");
	if ((p->refunded > 0 || p->pending > 0) && slots_get(&t->slots,
	    "card_payment") != NULL && slots_get(&t->slots, "bank_days") !=
	    NULL)
		dlg_say(t, "payment_bank_note");
	/* A refund that failed, or one the provider lacks while the store
	 * marks it refunded: a person sorts it out. */
	if ((p->refund_status != NULL && (strcmp(p->refund_status,
	    "failed") == 0 || strcmp(p->refund_status, "canceled") == 0)) ||
	    (p->refund_status == NULL && strcmp(o->status, "refunded") == 0))
		dlg_jset_str(dlg_jobj(t->state, "pending"), "action",
		    "handoff");
	dlg_close_form(t);
}

/*
 * The refund or payment of order o (the customer's) from the provider.
 * 1 when the provider answered; 0 without a provider, or after saying
 * it could not tell (then the store's records answer, dlg-support.c).
 */
int
dlg_payment_answer(struct tctx *t, const struct order *o)
{
	struct payment_config c;
	struct payment_status p;
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 why = SBUF_INIT;
	enum sd_rc	 rc;
	int		 ok;

	/* Figures from an earlier turn back nothing said now. */
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "payment");
	if ((ok = provider(&c, &err)) == 0)
		return 0;
	if (ok < 0)
		rc = err.rc;
	else {
		/* No snapshot of the store is held while it is asked. */
		dlg_read_end(t);
		dlg_retrieve_begin(t);
		rc = payment_lookup(&c, o->id, &p, &err);
		dlg_retrieve_end(t);
		payment_config_release(&c);
	}
	if (rc == SD_OK) {
		say_status(t, o, &p);
		payment_status_release(&p);
		return 1;
	}
	mask_cards(sd_error_msg(&err), &why);
	dlg_jset_str(dlg_jobj(t->trace, "payment"), "result",
	    rc == SD_ERR_NOTFOUND ? "no payment" : "unavailable");
	dlg_jset_str(dlg_jobj(t->trace, "payment"), "error", why.buf);
	slots_set(&t->slots, "order_id", o->id);
	slots_set(&t->slots, "provider", rc == SD_ERR_NOTFOUND ? "none" :
	    "unavailable");
	dlg_say(t, "payment_unavailable");
	sbuf_release(&why);
	sd_error_clear(&err);
	return 0;
}
