/*
 * dlg-state.c owns the dialogue state between turns (dlg-int.h lists its
 * keys): the products in focus and the last list shown, who the customer
 * is, and the support forms open or put aside.  The needs the customer
 * stated (filters) are dlg-filters.c's, the order in focus
 * dlg-orderfocus.c's.  What a name or a reference means is dlg-refs.c's.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Messages a focus_at stamp is kept: ten turns. */
#define FOCUS_AT_KEEP	20

/* focus_at: when each product was last put in focus (sku now), as the
 * session's count of messages, for "both" to tell the product just
 * discussed from an old one.  Stamps older than FOCUS_AT_KEEP go (not
 * by the focus array: the focus guard may hold it shortened). */
static void
focus_stamp(struct tctx *t, const char *sku)
{
	cJSON	*at = dlg_jobj(t->state, "focus_at"), *it, *next;

	for (it = at->child; it != NULL; it = next) {
		next = it->next;
		if (!cJSON_IsNumber(it) || it->valuedouble <
		    (double)(t->si.turns - FOCUS_AT_KEEP))
			cJSON_DeleteItemFromObjectCaseSensitive(at,
			    it->string);
	}
	dlg_jset_num(at, sku, (double)t->si.turns);
}

/*
 * Focus: push sku to the front of the focus stack (no duplicates).  sku
 * may be the stack's own string ("the one in focus, again"): the new
 * item is made before the old one is freed, and only it is read after.
 */
void
dlg_focus_push(struct tctx *t, const char *sku)
{
	cJSON	*f = dlg_jarr(t->state, "focus"), *it;
	cJSON	*top = cJSON_CreateString(sku);
	int	 i = 0;

	cJSON_ArrayForEach(it, f) {
		if (cJSON_IsString(it) &&
		    strcmp(it->valuestring, top->valuestring) == 0) {
			cJSON_DeleteItemFromArray(f, i);
			break;
		}
		i++;
	}
	cJSON_InsertItemInArray(f, 0, top);
	while (cJSON_GetArraySize(f) > FOCUS_MAX)
		cJSON_DeleteItemFromArray(f, cJSON_GetArraySize(f) - 1);
	focus_stamp(t, top->valuestring);
}

/* When sku was last put in focus (messages), or -1 when not known. */
long long
dlg_focus_at(struct tctx *t, const char *sku)
{
	cJSON	*at = cJSON_GetObjectItemCaseSensitive(t->state, "focus_at");

	return sku == NULL || !cJSON_IsObject(at) ? -1 :
	    (long long)dlg_jnum(at, sku, -1);
}

const char *
dlg_focus_top(struct tctx *t, int i)
{
	cJSON	*it = cJSON_GetArrayItem(dlg_jarr(t->state, "focus"), i);

	return cJSON_IsString(it) ? it->valuestring : NULL;
}

/* When the last list was set (the session's count of messages), so a
 * reference can tell the list of the last reply from an older one. */
void
dlg_results_stamp(struct tctx *t)
{
	dlg_jset_num(t->state, "results_at", (double)t->si.turns);
}

/*
 * Was sku among the items of the bot's last reply: put in focus then,
 * or in the list then set?  Not what this turn has put there so far.
 */
int
dlg_in_last_reply(struct tctx *t, const char *sku)
{
	long long	 at = dlg_focus_at(t, sku);
	double		 rat = dlg_jnum(t->state, "results_at", -10);
	cJSON		*it;

	if (sku == NULL)
		return 0;
	if (at >= 0 && at >= t->si.turns - 2 && at < t->si.turns)
		return 1;
	if (rat < (double)(t->si.turns - 2) || rat >= (double)t->si.turns)
		return 0;
	cJSON_ArrayForEach(it, dlg_jarr(t->state, "results"))
		if (cJSON_IsString(it) && strcmp(it->valuestring, sku) == 0)
			return 1;
	return 0;
}

void
dlg_results_set(struct tctx *t, const struct product *p, size_t n)
{
	cJSON	*r;
	size_t	 i;

	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "results");
	r = cJSON_AddArrayToObject(t->state, "results");
	for (i = 0; i < n && i < RESULTS_MAX; i++)
		cJSON_AddItemToArray(r, cJSON_CreateString(p[i].sku));
	dlg_results_stamp(t);
}

/*
 * Several products named in one message ("do you have the MX Keys S and
 * the K380?") are the list the next turn picks from ("which one has a
 * number pad", "the small one"), as if the bot had listed them.
 */
void
dlg_results_named(struct tctx *t)
{
	const struct entity *en;
	const char	*v[RESULTS_MAX];
	size_t		 i, k, n = 0;
	cJSON		*r;

	for (i = 0; i < t->e->el.n && n < RESULTS_MAX; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT || en->sku == NULL)
			continue;
		for (k = 0; k < n && strcmp(v[k], en->sku) != 0; k++)
			;
		if (k == n)
			v[n++] = en->sku;
	}
	if (n < 2)
		return;
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "results");
	r = cJSON_AddArrayToObject(t->state, "results");
	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(r, cJSON_CreateString(v[i]));
	dlg_results_stamp(t);
}

/* The product a turn is about: named, referred to, or in focus. */
int
dlg_load_product(struct tctx *t, const char *sku, struct product *p)
{
	if (!dlg_peek_product(t, sku, p))
		return 0;
	dlg_retrieved_add(t, "product", p->sku, p->name, 1.0, NULL);
	return 1;
}

/* Customer context: who is talking, their orders. */
void
dlg_load_customer(struct tctx *t)
{
	struct sd_error	 err = SD_ERROR_INIT;

	if (t->user_id == NULL || t->have_cust)
		return;
	if (catalog_customer(t->st, t->user_id, &t->cust, &err) == SD_OK) {
		t->have_cust = 1;
		dlg_cite(t, "customer", t->cust.id, t->cust.name, "name");
		slots_set(&t->slots, "customer_name", t->cust.name);
		{
			/* First name for a friendlier greeting. */
			char *first = xstrdup(t->cust.name), *sp;

			if ((sp = strchr(first, ' ')) != NULL)
				*sp = '\0';
			slots_set(&t->slots, "first_name", first);
			free(first);
		}
		/* What retrieve_context calls the user context. */
		catalog_customer_context(t->st, &t->cust,
		    cJSON_AddObjectToObject(t->trace, "user_context"));
		dlg_order_focus_refresh(t);
	}
	sd_error_clear(&err);
}

/* The open form (creating it for name when another or none is open). */
cJSON *
dlg_open_form(struct tctx *t, const char *name)
{
	cJSON	*form = cJSON_GetObjectItemCaseSensitive(t->state, "form");
	const char *cur = cJSON_IsObject(form) ? dlg_jstr(form, "name") : NULL;

	if (cur != NULL && strcmp(cur, name) == 0)
		return form;
	if (cur != NULL) {
		/* Topic switch: keep the old form to come back to. */
		cJSON *susp = dlg_jarr(t->state, "suspended");

		cJSON_InsertItemInArray(susp, 0, cJSON_Duplicate(form, 1));
		while (cJSON_GetArraySize(susp) > 3)
			cJSON_DeleteItemFromArray(susp, 3);
		dlg_jset_str(t->trace, "topic_switch", cur);
	}
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "form");
	form = cJSON_AddObjectToObject(t->state, "form");
	cJSON_AddStringToObject(form, "name", name);
	return form;
}

/*
 * The form is done.  If a topic switch put another aside, offer to go
 * back to it ("yes" resumes it).
 */
void
dlg_close_form(struct tctx *t)
{
	static const struct {
		const char	*form;
		const char	*text;
	} names[] = {
		{ "track_order", "order tracking" },
		{ "cancel_order", "cancellation" },
		{ "track_refund", "refund" },
		{ "change_order", "order change" },
		{ "change_shipping_address", "address change" },
		{ "return_item", "return" },
	};
	cJSON	*susp = cJSON_GetObjectItemCaseSensitive(t->state, "suspended");
	cJSON	*old;
	const char *name;
	size_t	 i;

	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "form");
	if (!cJSON_IsArray(susp) || cJSON_GetArraySize(susp) == 0)
		return;
	old = cJSON_DetachItemFromArray(susp, 0);
	if ((name = dlg_jstr(old, "name")) == NULL) {
		cJSON_Delete(old);
		return;
	}
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i].form, name) == 0)
			break;
	slots_set(&t->slots, "earlier", i < sizeof names / sizeof names[0] ?
	    names[i].text : name);
	cJSON_AddItemToObject(t->state, "form", old);
	dlg_jset_str(dlg_jobj(t->state, "pending"), "action", "resume_form");
	dlg_say(t, "resume_offer");
}
