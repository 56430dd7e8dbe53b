/*
 * dlg-ownthread.c: a kind said in a conversation about the customer's
 * own orders ("and the webcam, does it have a privacy shutter", "the
 * ssd, does it need a heatsink") says the thing is theirs as "my" would,
 * for dlg-owned.c to pick among their items.  Whether the conversation
 * is such a thread, whether the word is a kind at all (not a
 * specification of the product discussed: "what's the storage on it"),
 * and whether a product of that kind the conversation shows, not theirs,
 * is meant instead.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"
#include "dlg-owned.h"

/*
 * How long (in messages) after one of the customer's items was picked
 * the conversation is still about what they have.
 */
#define OWNED_THREAD	6

/*
 * Is the conversation about the customer's own orders: an order in
 * focus or just answered, orders listed to choose from, or one of their
 * items picked a turn or two ago?
 */
static int
order_thread(struct tctx *t)
{
	cJSON	*ch = cJSON_GetObjectItemCaseSensitive(t->state,
	    "order_choices");

	return dlg_order_just_discussed(t) || dlg_jstr(t->trace,
	    "order_focus_dropped") != NULL || (cJSON_IsArray(ch) &&
	    cJSON_GetArraySize(ch) > 0) || (long long)dlg_jnum(t->state,
	    "owned_at", -100) >= (long long)t->si.turns - OWNED_THREAD;
}

/*
 * "What's the storage on it": the word said is a specification of a
 * product of the conversation (a word of one of its listing's keys),
 * asked of it, not a kind of thing.
 */
static int
kind_is_spec(struct tctx *t, const struct entity *ce)
{
	const char	*conv[CONV_MAX];
	struct product	 p;
	cJSON		*attrs, *it;
	char		*said = xstrndup(t->text + ce->start, ce->end - ce->start);
	char		*w, *q, *e;
	size_t		 nc, i;
	int		 spec = 0;

	nc = dlg_conversation(t, conv, CONV_MAX);
	for (i = 0; i < nc && !spec; i++) {
		memset(&p, 0, sizeof p);
		if (!dlg_peek_product(t, conv[i], &p))
			continue;
		attrs = p.attrs != NULL ? cJSON_Parse(p.attrs) : NULL;
		cJSON_ArrayForEach(it, attrs) {
			if (it->string == NULL || spec)
				continue;
			w = xstrdup(it->string);
			for (q = w; q != NULL && !spec; q = e) {
				if ((e = strchr(q, '_')) != NULL)
					*e++ = '\0';
				spec = strcasecmp(q, said) == 0;
			}
			free(w);
		}
		cJSON_Delete(attrs);
		product_release(&p);
	}
	free(said);
	return spec;
}

/*
 * "And the webcam, does it have a privacy shutter", "the ssd, does it
 * need a heatsink" in a conversation about the customer's orders: a
 * kind said as the thing meant, no product or brand named as the
 * subject, says the item is theirs as "my" would.  The kind's entity,
 * or NULL.
 */
const struct entity *
dlg_own_kind_in_thread(struct tctx *t)
{
	const struct entity *ce = NULL, *en;
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_CATEGORY && ce == NULL &&
		    dlg_said_as_thing(t, en->start, en->end) &&
		    !kind_is_spec(t, en))
			ce = en;
		if (en->type == ENTITY_BRAND || (en->type == ENTITY_PRODUCT &&
		    !dlg_said_as_context(t, en)))
			return NULL;
	}
	return ce != NULL && order_thread(t) ? ce : NULL;
}

/*
 * Does the conversation hold a product of the kind said, not the
 * customer's, that the kind fits at least as well as their best item
 * (score best)?  Then "the webcam" is that one, as before.
 */
int
dlg_own_kind_shown_other(struct tctx *t, const struct entity *ce,
    const struct owned *v, size_t n, int best)
{
	const char	*conv[CONV_MAX];
	struct product	 p;
	size_t		 nc, i, k;
	int		 other = 0;

	nc = dlg_conversation(t, conv, CONV_MAX);
	for (i = 0; i < nc && !other; i++) {
		for (k = 0; k < n; k++)
			if (strcmp(v[k].p.sku, conv[i]) == 0)
				break;
		if (k < n)
			continue;
		memset(&p, 0, sizeof p);
		if (!dlg_peek_product(t, conv[i], &p))
			continue;
		other = dlg_own_says(t, ce, &p) >= best;
		product_release(&p);
	}
	return other;
}
