/*
 * dlg-orderfacts.c: the fact an order question turns on when the
 * order's status alone does not answer it.  dlg-support.c has picked
 * the order and checks it is the customer's; here, before the plain
 * status answer, a question that needs one more fact gets it:
 *
 *   - a new address for an order already shipped: it can't be changed
 *     here, and whether the order's carrier takes a redirect;
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

int
dlg_orderfacts_answer(struct tctx *t, const struct order *o,
    const char *how)
{
	if (strcmp(how, "change_shipping_address") == 0)
		return answer_redirect(t, o);
	return 0;
}
