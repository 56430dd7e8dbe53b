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
#include <strings.h>

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

static const char *const month_words[] = { "january", "february",
	"march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", NULL };

/* Words that make the month after them a date ("from august"). */
static const char *const month_before[] = { "from", "in", "since",
	"during", "early", "late", "mid", "around", "back", "of", "on",
	"placed", "ordered", "bought", "got", NULL };

/* Words that make the month before them a date ("the august order"). */
static const char *const month_after[] = { "order", "orders", "one",
	"purchase", NULL };

/* Is token k of tok[0..n) one of words? */
static int
token_is(struct tctx *t, const struct text_token *tok, size_t n, size_t k,
    const char *const *words)
{
	size_t	 len;

	if (k >= n)
		return 0;
	len = tok[k].end - tok[k].start;
	for (; *words != NULL; words++)
		if (strlen(*words) == len && strncasecmp(*words, t->text +
		    tok[k].start, len) == 0)
			return 1;
	return 0;
}

/*
 * The month token k names (1..12) when the words beside it make it a
 * date, else 0.  "May" needs them always ("may I return it").
 */
static int
dated_month(struct tctx *t, const struct text_token *tok, size_t n,
    size_t k, int need_words)
{
	size_t	 len = tok[k].end - tok[k].start;
	int	 m;

	for (m = 0; month_words[m] != NULL; m++)
		if (strlen(month_words[m]) == len && strncasecmp(
		    month_words[m], t->text + tok[k].start, len) == 0)
			break;
	if (month_words[m] == NULL)
		return 0;
	if (!need_words && m != 4)
		return m + 1;
	return (k > 0 && token_is(t, tok, n, k - 1, month_before)) ||
	    token_is(t, tok, n, k + 1, month_after) ? m + 1 : 0;
}

char *
dlg_month_named(struct tctx *t)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, k;
	int		 m = 0;

	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (k = 0; k < n && m == 0; k++)
		m = dated_month(t, tok, n, k, 0);
	free(tok);
	return m > 0 ? xasprintf("-%02d-", m) : NULL;
}

/* Is talk of the customer's orders under way, or begun by the words? */
static int
order_talk(struct tctx *t)
{
	static const char *const words[] = { "order", "orders", "ordered",
	    "bought", "purchased", "placed", "i got", "my", NULL };

	if (dlg_order_just_discussed(t) || dlg_has_any(t, words))
		return 1;
	return cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(t->state,
	    "order_choices")) || cJSON_IsObject(
	    cJSON_GetObjectItemCaseSensitive(t->state, "form"));
}

void
dlg_month_not_brand(struct tctx *t)
{
	struct text_token *tok = NULL;
	const struct entity *en;
	size_t		 cap = 0, n, i, k;

	if (t->user_id == NULL)
		return;
	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_BRAND)
			continue;
		for (k = 0; k < n && (tok[k].start != en->start ||
		    tok[k].end != en->end); k++)
			;
		if (k == n || !dated_month(t, tok, n, k, 1))
			continue;
		dlg_load_customer(t);
		if (!t->have_cust || !order_talk(t))
			break;
		dlg_jset_str(t->trace, "month_not_brand", en->value);
		entity_remove(&t->e->el, i);
		break;
	}
	free(tok);
}
