/*
 * dlg-several.c: several order numbers in one message ("where are 12170
 * and 12188?").  Each is answered when the question only asks; when the
 * answer would change an order (cancel, return, a new address), the
 * customer is asked which, so that a "yes" next turn means one order.
 * Never one of them silently.  A number said without "order" or "#" is
 * an order number when the customer has that order.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

static void
ids_free(char **ids, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

/* The token's text when it is a plain number of 4 to 12 digits, not a
 * price ("$1299", "1,299.99"); caller frees. */
static char *
bare_digits(struct tctx *t, const struct text_token *tok)
{
	size_t	 len = tok->end - tok->start;

	if (tok->has_alpha || len < 4 || len > 12 || strspn(t->text +
	    tok->start, "0123456789") != len || (tok->start > 0 &&
	    strchr("$.,", t->text[tok->start - 1]) != NULL) ||
	    (tok->end < t->len && strchr(".,", t->text[tok->end]) != NULL &&
	    tok->end + 1 < t->len && t->text[tok->end + 1] >= '0' &&
	    t->text[tok->end + 1] <= '9'))
		return NULL;
	return xstrndup(t->text + tok->start, len);
}

/*
 * The order numbers the message gives: the order-id entities, and for a
 * signed-in customer a bare number that is one of their orders ("where are 12170 and 12188?": the words "order"
 * or "#" are often left out).  Distinct, in the order said; caller
 * frees (ids_free).
 */
size_t
dlg_orders_said(struct tctx *t, char ***out)
{
	struct text_token *tok = NULL;
	char		**ids = NULL, *w;
	size_t		 n = 0, i, k, cap = 0, ntok, digits = 0;
	int		 dup;

	for (i = 0; i < t->e->el.n; i++) {
		const struct entity *en = &t->e->el.v[i];

		if (en->type != ENTITY_ORDER_ID || en->value == NULL)
			continue;
		for (dup = 0, k = 0; k < n; k++)
			dup |= strcmp(ids[k], en->value) == 0;
		/* A house number or zip code is no order number. */
		if (dup || (dlg_says_address(t) && (!t->have_cust ||
		    !dlg_owns_order(t, en->value))))
			continue;
		ids = xrealloc(ids, (n + 1) * sizeof *ids);
		ids[n++] = xstrdup(en->value);
	}
	ntok = t->have_cust && !dlg_says_address(t) ? text_tokenize(t->text,
	    t->len, &tok, &cap) : 0;
	/*
	 * Once one bare number is the customer's order, the others of its
	 * length are order numbers too: "where are 12170 and 12188?" then
	 * hears that 12188 is not theirs instead of nothing about it.
	 */
	for (i = 0; i < ntok && digits == 0; i++)
		if ((w = bare_digits(t, &tok[i])) != NULL) {
			if (dlg_owns_order(t, w))
				digits = strlen(w);
			free(w);
		}
	for (i = 0; digits > 0 && i < ntok; i++) {
		if ((w = bare_digits(t, &tok[i])) == NULL)
			continue;
		for (dup = 0, k = 0; k < n; k++)
			dup |= strcmp(ids[k], w) == 0;
		if (dup || strlen(w) != digits) {
			free(w);
			continue;
		}
		ids = xrealloc(ids, (n + 1) * sizeof *ids);
		ids[n++] = w;
	}
	free(tok);
	*out = ids;
	return n;
}

/*
 * "Where are 12170 and 12188?": each order answered in turn when the
 * question only asks (where, the refund, the invoice...); asked which
 * when it would change one (cancel, return, a new address), so that a
 * "yes" next turn means one order.  Never one of them silently.
 * 1 when that was the turn.
 */
int
dlg_several_orders(struct tctx *t, const char *form, int topic)
{
	char		**ids = NULL;
	size_t		 n, i;
	int		 acts;

	if ((n = dlg_orders_said(t, &ids)) < 2) {
		ids_free(ids, n);
		return 0;
	}
	if (topic == ORDQ_NONE)
		topic = dlg_form_topic(form);
	acts = topic == ORDQ_CANCEL || topic == ORDQ_RETURN ||
	    topic == ORDQ_ADDRESS || strcmp(form, "change_order") == 0 ||
	    strcmp(form, "change_shipping_address") == 0 ||
	    strcmp(form, "cancel_order") == 0;
	dlg_jset_str(t->trace, "order_resolution", acts ? "several order "
	    "numbers given to act on: ask which" : "several order numbers "
	    "given: each answered");
	if (acts) {
		dlg_open_form(t, form);
		dlg_ask_order_choice(t, form, ids, n < 5 ? n : 5);
	} else
		for (i = 0; i < n && i < 5; i++) {
			/* Each answer from its own order's slots only. */
			slots_reset(&t->slots);
			t->order_topic = topic;
			dlg_handle_order_id(t, form, ids[i]);
		}
	ids_free(ids, n);
	return 1;
}
