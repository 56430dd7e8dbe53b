/*
 * dlg-trouble.c: a problem with a product for which the store holds no
 * help.  When no manual, guide or past ticket about the product or its
 * kind answers (dlg-kb.c), the customer hears that, about the product
 * they mean, and is offered a person, who can look into it; a "yes"
 * brings one in (dlg-pending.c's handoff).  "Sorry, I can't help with
 * that" would read as if the store sold no such thing, and help for
 * another product would be a wrong answer.
 */
#include "config.h"

#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

/*
 * The product the problem is about: the one named, else the one in
 * focus.  A name the catalog does not pin down (a family) is no
 * product; the focus is not taken in its place.  NULL when none.
 */
static const char *
trouble_subject(struct tctx *t)
{
	const struct entity *en = dlg_first_entity(t, ENTITY_PRODUCT);

	if (en != NULL)
		return dlg_count_entities(t, ENTITY_PRODUCT) == 1 ?
		    en->sku : NULL;
	return dlg_focus_top(t, 0);
}

int
dlg_trouble_none(struct tctx *t)
{
	struct product	 p;
	const char	*sku = trouble_subject(t);
	cJSON		*pending;

	memset(&p, 0, sizeof p);
	if (sku == NULL || !dlg_peek_product(t, sku, &p))
		return 0;
	slots_set(&t->slots, "product", p.name);
	dlg_cite(t, "product", p.sku, p.name, "name");
	dlg_set_action(t, "troubleshoot_none", "no manual, guide or ticket "
	    "about %s or its kind answers", p.sku);
	dlg_say(t, "troubleshoot_none");
	pending = cJSON_CreateObject();
	cJSON_AddStringToObject(pending, "action", "handoff");
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
	cJSON_AddItemToObject(t->state, "pending", pending);
	product_release(&p);
	return 1;
}
