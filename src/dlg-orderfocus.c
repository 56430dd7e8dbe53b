/*
 * dlg-orderfocus.c owns the order in focus in the dialogue state: setting
 * it with its items, the orders listed to choose from, an order picked
 * by position or by an item, and dropping the focus when the customer
 * turns to another order.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/*
 * The order in focus: the last order discussed, so that "when will it
 * arrive" or "cancel it" need no number.  Naming another order or a
 * product of another order replaces it (dlg-support.c).
 */
const char *
dlg_order_focus(struct tctx *t)
{
	return dlg_jstr(t->state, "order");
}

/*
 * The order in focus, and its items as part of what the conversation
 * holds: "the mouse i ordered with it", "the pencil i got with it" are
 * among them (dlg_conversation).
 */
void
dlg_order_focus_set(struct tctx *t, const char *id)
{
	struct order	 o;
	struct sd_error	 err = SD_ERROR_INIT;
	cJSON		*items;
	size_t		 i;

	dlg_jset_str(t->state, "order", id);
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "order_choices");
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "purchased");
	memset(&o, 0, sizeof o);
	dlg_retrieve_begin(t);
	if (catalog_order(t->st, id, &o, &err) == SD_OK) {
		items = cJSON_AddArrayToObject(t->state, "purchased");
		for (i = 0; i < o.nitems && i < FOCUS_MAX; i++)
			if (o.items[i].sku != NULL && o.items[i].sku[0] != '\0')
				cJSON_AddItemToArray(items,
				    cJSON_CreateString(o.items[i].sku));
		order_release(&o);
	}
	dlg_retrieve_end(t);
	sd_error_clear(&err);
}

/* Orders just listed for the customer to choose from, as shown. */
void
dlg_order_choices_set(struct tctx *t, const struct order *o, size_t n)
{
	cJSON	*arr;
	size_t	 i;

	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "order_choices");
	arr = cJSON_AddArrayToObject(t->state, "order_choices");
	for (i = 0; i < n; i++) {
		cJSON *c = cJSON_CreateObject();

		cJSON_AddStringToObject(c, "id", o[i].id);
		cJSON_AddStringToObject(c, "placed_at", o[i].placed_at);
		cJSON_AddItemToArray(arr, c);
	}
}

/*
 * An order picked by position among those just listed: "the second
 * one" counts as shown, "the older one" goes by the date placed.
 */
const char *
dlg_order_by_position(struct tctx *t, const char **how)
{
	static const char *const older[] = { "older", "oldest", "earlier",
		"earliest", "previous", NULL };
	static const char *const newer[] = { "newer", "newest", "latest",
		"later", "recent", "most recent", NULL };
	cJSON		*ch = cJSON_GetObjectItemCaseSensitive(t->state,
	    "order_choices");
	const char	*best = NULL, *bestd = NULL, *d;
	int		 i, n = cJSON_IsArray(ch) ? cJSON_GetArraySize(ch) : 0;
	int		 old, neu;

	if (n < 2)
		return NULL;
	for (i = 0; dlg_ordinals[i] != NULL; i++)
		if (dlg_has_word(t, dlg_ordinals[i]) && i < n) {
			*how = dlg_ordinals[i];
			return dlg_jstr(cJSON_GetArrayItem(ch, i), "id");
		}
	if (dlg_has_word(t, "last")) {
		*how = "last";
		return dlg_jstr(cJSON_GetArrayItem(ch, n - 1), "id");
	}
	old = dlg_has_any(t, older);
	neu = dlg_has_any(t, newer);
	if (old == neu)
		return NULL;
	for (i = 0; i < n; i++) {
		cJSON *c = cJSON_GetArrayItem(ch, i);

		if ((d = dlg_jstr(c, "placed_at")) == NULL)
			continue;
		if (bestd == NULL || (old ? strcmp(d, bestd) < 0 :
		    strcmp(d, bestd) > 0)) {
			bestd = d;
			best = dlg_jstr(c, "id");
		}
	}
	*how = old ? "older" : "newer";
	return best;
}

/* The item the customer names ("the laptop one", "my Samsung order"). */
int
dlg_order_named_item(struct tctx *t, struct order_match *m, char **words)
{
	const struct entity *pe;

	memset(m, 0, sizeof *m);
	*words = NULL;
	if ((pe = dlg_first_entity(t, ENTITY_PRODUCT)) != NULL) {
		if (pe->sku != NULL)
			m->sku = pe->sku;
		else
			m->name = *words = xstrdup(pe->name != NULL ?
			    pe->name : pe->value);
	} else if ((pe = dlg_first_entity(t, ENTITY_BRAND)) != NULL)
		m->brand = pe->brand != NULL ? pe->brand : pe->value;
	else if ((pe = dlg_first_entity(t, ENTITY_CATEGORY)) != NULL)
		m->category = pe->category != NULL ? pe->category : pe->value;
	return pe != NULL;
}

/* Is sku one of the items of the order in focus? */
static int
in_order_items(struct tctx *t, const char *sku)
{
	cJSON	*it;

	cJSON_ArrayForEach(it, dlg_jarr(t->state, "purchased"))
		if (cJSON_IsString(it) && strcmp(it->valuestring, sku) == 0)
			return 1;
	return 0;
}

/*
 * Before the turn is decided: another order number, or a product that
 * is not in the order in focus, ends that focus, so nothing said next
 * is taken to be about the old order.  The orders listed to choose from
 * only last until the customer answers.
 */
void
dlg_order_focus_refresh(struct tctx *t)
{
	const struct entity *oid = dlg_first_entity(t, ENTITY_ORDER_ID);
	const char	*focus = dlg_order_focus(t);
	cJSON		*pending = cJSON_GetObjectItemCaseSensitive(t->state,
	    "pending");
	const char	*asked = cJSON_IsObject(pending) ?
	    dlg_jstr(pending, "action") : NULL;
	struct order_match m;
	struct sd_error	 err = SD_ERROR_INIT;
	const struct entity *pe;
	const char	*item;
	char		**ids = NULL, *words;
	size_t		 n = 0, i;
	int		 keep = 0;

	if (asked == NULL || strcmp(asked, "order_id") != 0)
		cJSON_DeleteItemFromObjectCaseSensitive(t->state,
		    "order_choices");
	if (focus == NULL)
		return;
	if (oid != NULL) {
		keep = strcmp(oid->value, focus) == 0;
	} else if (dlg_first_entity(t, ENTITY_PRODUCT) == NULL &&
	    dlg_first_entity(t, ENTITY_BRAND) == NULL) {
		/* A kind of thing said in passing ("it's on the stand")
		 * names no order: only a product or a brand moves on. */
		keep = 1;
	} else if ((pe = dlg_first_entity(t, ENTITY_PRODUCT)) != NULL &&
	    (item = dlg_loose_name(t, pe)) != NULL && in_order_items(t,
	    item)) {
		/* "the pencil" for the Apple Pencil Pro of the order */
		keep = 1;
	} else if (dlg_order_named_item(t, &m, &words)) {
		dlg_retrieve_begin(t);
		catalog_customer_orders_with(t->st, t->cust.id, &m, &ids, &n,
		    &err);
		dlg_retrieve_end(t);
		sd_error_clear(&err);
		for (i = 0; i < n; i++) {
			keep |= strcmp(ids[i], focus) == 0;
			free(ids[i]);
		}
		free(ids);
		free(words);
	} else
		keep = 1;
	if (!keep) {
		dlg_jset_str(t->trace, "order_focus_dropped", focus);
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "order");
		cJSON_DeleteItemFromObjectCaseSensitive(t->state,
		    "purchased");
	}
}
