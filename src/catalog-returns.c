/*
 * catalog-returns.c owns the arithmetic of the return policy for one
 * order: the last day a return can be started, the restocking fee on
 * the items it applies to, the return label deducted for a change of
 * mind, and what the customer gets back in each case.  The numbers come
 * from the order's rows and the policy facts ("return_window_days",
 * "restocking_fee_percent", "restocking_fee_categories",
 * "return_shipping_fee"), never from text, so the dialogue that states
 * them and the fact check that backs them compute the same amounts.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "catalog.h"
#include "sbuf.h"
#include "store.h"

/* Cents, as a price is shown. */
static double
cents(double v)
{
	return round(v * 100.0) / 100.0;
}

/* Is category c one of the JSON array text list ("[\"tvs\", ...]")? */
static int
listed(const char *list, const char *c)
{
	const char	*p = list;
	size_t		 n = strlen(c);

	if (list == NULL || n == 0)
		return 0;
	while ((p = strstr(p, c)) != NULL) {
		if (p > list && p[-1] == '"' && p[n] == '"')
			return 1;
		p += n;
	}
	return 0;
}

void
return_quote_release(struct return_quote *q)
{
	free(q->deadline);
	free(q->doc);
	free(q->fee_items);
	memset(q, 0, sizeof *q);
}

void
catalog_return_quote(struct store *st, const struct order *o,
    const char *sku, struct return_quote *q)
{
	char		*window, *pct, *cats, *label;
	struct sbuf	 names = SBUF_INIT;
	double		 base = 0, feebase = 0;
	size_t		 i;

	memset(q, 0, sizeof *q);
	window = catalog_policy_fact(st, "return_window_days", &q->doc);
	pct = catalog_policy_fact(st, "restocking_fee_percent", NULL);
	cats = catalog_policy_fact(st, "restocking_fee_categories", NULL);
	label = catalog_policy_fact(st, "return_shipping_fee", NULL);
	if (window != NULL && o->delivered_at != NULL)
		q->deadline = catalog_day_add(o->delivered_at, atol(window));
	q->window_days = window != NULL ? atol(window) : 0;
	q->fee_percent = pct != NULL ? atof(pct) : 0;
	q->label = label != NULL ? atof(label) : 0;
	for (i = 0; i < o->nitems; i++) {
		const struct order_item *it = &o->items[i];
		double v = it->unit_price * (double)it->qty;

		if (sku != NULL && strcmp(it->sku, sku) != 0)
			continue;
		base += v;
		if (!listed(cats, it->category))
			continue;
		feebase += v;
		sbuf_addf(&names, "%s%s", names.len > 0 ? ", " : "",
		    it->name);
	}
	q->items_total = cents(base);
	q->fee = cents(feebase * q->fee_percent / 100.0);
	q->fee_items = names.len > 0 ? sbuf_detach(&names, NULL) : NULL;
	q->refund_defective = q->items_total;
	q->refund_unopened = cents(q->items_total - q->label);
	q->refund_opened = cents(q->items_total - q->fee - q->label);
	sbuf_release(&names);
	free(window);
	free(pct);
	free(cats);
	free(label);
}
