/*
 * dlg-period.c: stretches of time a customer says relative to today
 * ("this week", "a week ago", "last month"), and which orders they
 * date.  The clock is store_now, so the same words pick the same
 * orders on any day the demo store was seeded for (SHOPDESK_NOW pins
 * it in tests).  dlg-orderq.c narrows its candidates with them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

void
dlg_period_release(struct dlg_period *pd)
{
	free(pd->from);
	free(pd->to);
	memset(pd, 0, sizeof *pd);
}

/* Days back from today for each phrase; a "week ago" is loose. */
static const struct {
	const char	*words;
	int		 from, to;	/* days before today; -1: month */
} periods[] = {
	{ "this week", 7, 0 },
	{ "past week", 7, 0 },
	{ "few days ago", 6, 1 },
	{ "couple of days ago", 4, 1 },
	{ "couple days ago", 4, 1 },
	{ "a week ago", 10, 4 },
	{ "last week", 14, 4 },
	{ "two weeks ago", 18, 10 },
	{ "couple of weeks ago", 21, 8 },
	{ "couple weeks ago", 21, 8 },
	{ "this month", -1, 0 },
	{ "last month", -2, -1 },
};

/* 1 and *pd set when the message says a period, else 0. */
int
dlg_period_named(struct tctx *t, struct dlg_period *pd)
{
	static const char *const placed[] = { "bought", "ordered", "order",
	    "placed", "purchased", "buy", NULL };
	static const char *const got[] = { "got", "received", "arrived",
	    "delivered", "came", NULL };
	static const char *const updated[] = { "returned", "sent back",
	    "sent it back", "sent them back", "shipped back", NULL };
	const char	*now = store_now();
	size_t		 i;
	int		 y, m;

	memset(pd, 0, sizeof *pd);
	for (i = 0; i < sizeof periods / sizeof periods[0]; i++) {
		const char *one[2] = { periods[i].words, NULL };

		if (dlg_has_any(t, one))
			break;
	}
	if (i == sizeof periods / sizeof periods[0] || strlen(now) < 10)
		return 0;
	if (periods[i].from >= 0) {
		pd->from = catalog_day_add(now, -periods[i].from);
		pd->to = catalog_day_add(now, -periods[i].to);
	} else {
		/* Calendar months: the first day of this or last month. */
		y = atoi(now);
		m = atoi(now + 5);
		if (periods[i].from == -2 && --m == 0) {
			m = 12;
			y--;
		}
		/* "-31" sorts after every day of any month. */
		pd->from = xasprintf("%04d-%02d-01", y, m % 100);
		pd->to = periods[i].to == 0 ? catalog_day_add(now, 0) :
		    xasprintf("%04d-%02d-31", y, m % 100);
	}
	if (pd->from == NULL || pd->to == NULL) {
		dlg_period_release(pd);
		return 0;
	}
	pd->which = dlg_has_any(t, updated) ? PERIOD_UPDATED :
	    dlg_has_any(t, got) ? PERIOD_GOT : dlg_has_any(t, placed) ?
	    PERIOD_PLACED : PERIOD_ANY;
	return 1;
}

/* Is the day of ISO time at within the period? */
static int
in_period(const struct dlg_period *pd, const char *at)
{
	return at != NULL && strlen(at) >= 10 && strncmp(at, pd->from,
	    10) >= 0 && strncmp(at, pd->to, 10) <= 0;
}

/* An order with the date the period dates within it. */
int
dlg_in_period(struct tctx *t, const struct order *o, const void *arg)
{
	const struct dlg_period *pd = arg;

	(void)t;
	return ((pd->which == PERIOD_ANY || pd->which == PERIOD_PLACED) &&
	    in_period(pd, o->placed_at)) ||
	    ((pd->which == PERIOD_ANY || pd->which == PERIOD_GOT) &&
	    in_period(pd, o->delivered_at)) ||
	    ((pd->which == PERIOD_ANY || pd->which == PERIOD_UPDATED) &&
	    in_period(pd, o->updated_at));
}

/*
 * A period that picks among all the customer's orders: said with what
 * was done then ("I got it this week") or "the one from last week";
 * "will it come this week?" dates no order.
 */
int
dlg_period_picks(struct tctx *t, struct dlg_period *pd)
{
	if (!dlg_period_named(t, pd))
		return 0;
	if (pd->which != PERIOD_ANY || dlg_has_word(t, "one"))
		return 1;
	dlg_period_release(pd);
	return 0;
}
