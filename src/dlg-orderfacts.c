/*
 * dlg-orderfacts.c: the fact an order question turns on when the
 * order's status alone does not answer it.  dlg-support.c has picked
 * the order and checks it is the customer's; here, before the plain
 * status answer, a question that needs one more fact gets it:
 *
 *   - a new address for an order already shipped: it can't be changed
 *     here, and whether the order's carrier takes a redirect;
 *   - "what if it's late", "not here by monday, what then": the order's
 *     carrier, tracking and expected date, and when and how the
 *     delivery policy takes it up (a trace with the carrier);
 *
 * Every fact comes from the order's rows and the policy facts, each
 * cited; a fact the store lacks leaves the question to the plain answer.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

/* Is name one of the strings of the policy fact key, a JSON list? */
static int
fact_lists(struct tctx *t, const char *key, const char *name)
{
	char	*doc = NULL, *v;
	cJSON	*arr, *it;
	int	 found = 0;

	dlg_retrieve_begin(t);
	v = catalog_policy_fact(t->st, key, &doc);
	dlg_retrieve_end(t);
	if (v != NULL && (arr = cJSON_Parse(v)) != NULL) {
		cJSON_ArrayForEach(it, arr)
			if (cJSON_IsString(it) && strcasecmp(it->valuestring,
			    name) == 0)
				found = 1;
		cJSON_Delete(arr);
	}
	free(v);
	free(doc);
	return found;
}

/*
 * "Can I change the address, I won't be home": a shipped order's
 * address is the carrier's now.  Whether its carrier takes a redirect,
 * from the order-change policy; 0 when the store has no such facts.
 */
static int
answer_redirect(struct tctx *t, const struct order *o)
{
	if (strcmp(o->status, "shipped") != 0 || o->carrier == NULL ||
	    !dlg_fact_slot(t, "redirect_carriers", "redirect_carriers") ||
	    !dlg_fact_slot(t, "redirect_after_shipping", "redirect_how"))
		return 0;
	dlg_order_slots(t, o);
	if (fact_lists(t, "redirect_carriers", o->carrier))
		slots_set(&t->slots, "redirect_ok", "yes");
	dlg_set_action(t, "order_redirect", "order #%s shipped with %s: "
	    "address fixed, redirect %s", o->id, o->carrier,
	    slots_get(&t->slots, "redirect_ok") != NULL ? "offered by the "
	    "carrier" : "not listed for the carrier");
	dlg_say(t, "order_redirect");
	dlg_close_form(t);
	return 1;
}

/*
 * "What happens if it's late", "if it still isn't here by monday what
 * do I do": a delivery that may not come, asked what then.  Either
 * half alone says less: "is it late?" asks where it is.
 */
static int
asks_if_late(struct tctx *t)
{
	static const char *const late[] = { "late", "later", "not here",
	    "isn't here", "isnt here", "not arrived", "hasn't arrived",
	    "hasnt arrived", "doesn't arrive", "doesnt arrive",
	    "does not arrive", "doesn't come", "doesnt come", "never arrives",
	    "never comes", "never shows", "doesn't show", "doesnt show",
	    "don't get it", "dont get it", "not delivered", "delayed",
	    "not come", "not show up", NULL };
	static const char *const then[] = { "what do i do", "what should i do",
	    "what can i do", "what do we do", "what happens", "what now",
	    "what then", "then what", "what if", "what are my options",
	    "if it", "if its", "if it's", "if they", "if theyre",
	    "if they're", "in case", "if the", "what would happen", NULL };

	return dlg_has_any(t, late) && dlg_has_any(t, then);
}

/*
 * A shipped order asked what happens if it comes late: where it is
 * (carrier, tracking, expected date, a logged hold-up) and the delivery
 * policy's late rule.  0 when the order has not shipped or the store
 * lacks the facts.
 */
static int
answer_late(struct tctx *t, const struct order *o)
{
	if (strcmp(o->status, "shipped") != 0 || o->carrier == NULL ||
	    o->estimated_delivery == NULL || !asks_if_late(t))
		return 0;
	if (!dlg_fact_slot(t, "late_after_business_days", "late_days") ||
	    !dlg_fact_slot(t, "late_action", "late_action"))
		return 0;
	dlg_order_slots(t, o);
	dlg_set_action(t, "order_late", "order #%s with %s, expected %.10s: "
	    "late rule from the delivery policy", o->id, o->carrier,
	    o->estimated_delivery);
	dlg_say(t, "order_late");
	dlg_close_form(t);
	return 1;
}

int
dlg_orderfacts_answer(struct tctx *t, const struct order *o,
    const char *how)
{
	if (strcmp(how, "change_shipping_address") == 0)
		return answer_redirect(t, o);
	if (strcmp(how, "track_order") == 0)
		return answer_late(t, o);
	return 0;
}
