/*
 * factcheck-orders.c owns the claims about the customer's order: its
 * status ("has shipped", "was delivered") and its dates (placed,
 * shipped, expected, delivered), decided from a fresh read of the order
 * and only for the customer's own orders.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "catalog.h"
#include "factcheck.h"
#include "factcheck-int.h"
#include "sbuf.h"
#include "store.h"

static const struct {
	const char	*phrase;
	const char	*status;
} status_words[] = {
	{ "out for delivery", "shipped" },
	{ "in transit", "shipped" },
	{ "on its way", "shipped" },
	{ "shipped", "shipped" },
	{ "delivered", "delivered" },
	{ "being processed", "processing" },
	{ "processing", "processing" },
	{ "cancelled", "cancelled" },
	{ "canceled", "cancelled" },
	{ "refunded", "refunded" },
	{ "return requested", "return_requested" },
	{ "return has been requested", "return_requested" },
};

static const char *
status_phrase(const char *status)
{
	if (strcmp(status, "processing") == 0)
		return "not shipped yet";
	if (strcmp(status, "return_requested") == 0)
		return "marked for return";
	return status;
}

static const char *const months[] = { "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october",
	"november", "december" };

/* Does lc[p..s) join "order" to its number ("order #", "order no. ")? */
static int
order_ref(const char *lc, size_t p, size_t s)
{
	static const char *const words[] = { " number", " no.", " no",
	    " id", NULL };
	size_t	 i;

	if (p < s && lc[p] == 's')
		p++;
	for (i = 0; words[i] != NULL; i++)
		if (strncmp(lc + p, words[i], strlen(words[i])) == 0 &&
		    p + strlen(words[i]) <= s) {
			p += strlen(words[i]);
			break;
		}
	while (p < s && (lc[p] == ' ' || lc[p] == '#' || lc[p] == ':'))
		p++;
	return p == s;
}

/*
 * The order a sentence without an order number is about: the one an
 * earlier sentence named, or the only one in context, when the sentence
 * refers to it ("it", "your package").
 */
static char *
carried_order(struct sent *x)
{
	static const char *const refs[] = { "it ", "it's", "your order",
	    "the order", "package", "parcel", "shipment", "delivery", NULL };
	const char	*id = x->res->order;
	size_t		 i;

	if (id == NULL && x->ctx->norders == 1)
		id = x->ctx->orders[0];
	if (id == NULL)
		return NULL;
	for (i = 0; refs[i] != NULL; i++)
		if (strstr(x->lc, refs[i]) != NULL)
			return xstrdup(id);
	return NULL;
}

/*
 * "shipped with FedEx on August 12" of an order delivered since tells
 * what happened then, not where it is now: the date says which (and the
 * date is checked against the shipment's).
 */
static int
dated_event(struct sent *x, const struct order *o, const char *phrase,
    size_t pe)
{
	struct fq_list	 l;
	size_t		 i;
	int		 dated = 0;

	if (!((strcmp(phrase, "shipped") == 0 && o->shipped_at != NULL) ||
	    (strcmp(phrase, "delivered") == 0 && o->delivered_at != NULL)))
		return 0;
	memset(&l, 0, sizeof l);
	fq_scan(x->s + pe, x->len - pe, &l);
	for (i = 0; i < l.n && !dated; i++)
		dated = strcmp(l.v[i].unit, "date") == 0 && l.v[i].s < 40;
	fq_list_release(&l);
	return dated;
}

/*
 * Is the status phrase at i denied ("not shipped", "hasn't shipped",
 * "has not been cancelled")?
 */
static int
status_denied(struct sent *x, size_t i)
{
	static const char *const neg[] = { "not ", "n't ", "n\u2019t ",
	    "hasnt ", "isnt ", "wasnt ", NULL };
	size_t	 k, n = fc_before(x, i, 5, "been ") ? 13 : 8;

	for (k = 0; neg[k] != NULL; k++)
		if (fc_before(x, i, n, neg[k]))
			return 1;
	return 0;
}

/*
 * "Hasn't shipped" of an order: true while the order has not reached
 * the status said.  Only the plain steps are judged ("shipped",
 * "delivered", "cancelled", "refunded"); a denied "in transit" says too
 * little to check.  A false denial drops the sentence.
 */
static void
order_denied(struct sent *x, const struct order *o, const char *phrase,
    const char *status, size_t at, size_t pe)
{
	int	 ok;

	if (strcmp(phrase, "shipped") == 0)
		ok = strcmp(o->status, "processing") == 0 ||
		    strcmp(o->status, "cancelled") == 0;
	else if (strcmp(phrase, "delivered") == 0)
		ok = strcmp(o->status, "processing") == 0 ||
		    strcmp(o->status, "shipped") == 0 ||
		    strcmp(o->status, "cancelled") == 0;
	else if (strcmp(status, "cancelled") == 0 ||
	    strcmp(status, "refunded") == 0)
		ok = strcmp(o->status, status) != 0;
	else
		return;
	if (ok)
		fc_claim_add(x->res, "order_status", x->s + at, pe - at,
		    FC_SUPPORTED, "order", o->id, "status", o->status, NULL);
	else
		fc_unsupported(x, "order_status", at, pe, "status");
}

/* The order's status as the sentence states it after byte e. */
static void
order_status(struct sent *x, const struct order *o, size_t e)
{
	struct fc_claim	*c;
	size_t		 k, i, best_at = 0, pe;
	int		 bi = -1;
	const char	*ph;
	char		*rep;

	/* The first status phrase after the number. */
	for (k = 0; k < sizeof status_words / sizeof status_words[0]; k++)
		if (fc_find_word(x->lc, status_words[k].phrase, e, &i) &&
		    (bi < 0 || i < best_at) && !fc_before(x, i, 16,
		    "will be") && !fc_before(x, i, 12, "expected") &&
		    !fc_before(x, i, 12, "should be")) {
			bi = (int)k;
			best_at = i;
		}
	if (bi < 0)
		return;
	pe = best_at + strlen(status_words[bi].phrase);
	if (status_denied(x, best_at)) {
		order_denied(x, o, status_words[bi].phrase,
		    status_words[bi].status, best_at, pe);
		return;
	}
	if (strcmp(status_words[bi].status, o->status) == 0 ||
	    dated_event(x, o, status_words[bi].phrase, pe)) {
		c = fc_claim_add(x->res, "order_status", x->s + best_at,
		    pe - best_at, FC_SUPPORTED, "order", o->id, "status",
		    o->status, NULL);
		fc_edit_add(x, best_at, pe, NULL, c);
		return;
	}
	ph = status_phrase(o->status);
	/* "has shipped" -> "has been delivered". */
	if (fc_before(x, best_at, 4, "has ") && strcmp(o->status,
	    "shipped") != 0 && strcmp(o->status, "processing") != 0)
		rep = xasprintf("been %s", ph);
	else
		rep = xstrdup(ph);
	c = fc_claim_add(x->res, "order_status", x->s + best_at, pe - best_at,
	    FC_CORRECTED, "order", o->id, "status", o->status, rep);
	fc_edit_add(x, best_at, pe, c->corrected, c);
	free(rep);
}

/*
 * Does cue (a stem: "deliver", "ship") say what the date at ds is, in
 * the 30 bytes before it and the same clause?  "Order #12016 has
 * shipped, and the sale ends December 1" dates the sale, not the
 * shipment: a clause break or another dated thing between the cue and
 * the date ends the link.
 */
static int
date_of(struct sent *x, size_t ds, const char *cue)
{
	static const char *const breaks[] = { ",", ";", " and ", " but ",
	    " while ", " sale", " ends", " until", " return", " warranty",
	    " promotion", " offer", " window", NULL };
	size_t	 from = ds > 30 ? ds - 30 : 0, at = 0, k;
	const char *p;
	int	 seen = 0;
	char	*win;

	for (p = x->lc + from; (p = strstr(p, cue)) != NULL &&
	    (size_t)(p - x->lc) < ds; p++) {
		at = (size_t)(p - x->lc);
		seen = 1;
	}
	if (!seen)
		return 0;
	win = xstrndup(x->lc + at, ds - at);
	for (k = 0; breaks[k] != NULL && strstr(win, breaks[k]) == NULL; k++)
		;
	free(win);
	return breaks[k] == NULL;
}

/* A date at [ds, de): the order's field it states, or NULL. */
static const char *
date_field(struct sent *x, const struct order *o, size_t ds,
    const char **truth)
{
	if (date_of(x, ds, "deliver") && o->delivered_at != NULL) {
		*truth = o->delivered_at;
		return "delivered_at";
	}
	if (date_of(x, ds, "deliver") || date_of(x, ds, "arriv") ||
	    date_of(x, ds, "expect") || date_of(x, ds, "estimat")) {
		*truth = o->estimated_delivery;
		return "estimated_delivery";
	}
	if (date_of(x, ds, "ship")) {
		*truth = o->shipped_at;
		return "shipped_at";
	}
	if (date_of(x, ds, "placed") || date_of(x, ds, "ordered")) {
		*truth = o->placed_at;
		return "placed_at";
	}
	*truth = NULL;
	return NULL;
}

/* A date at i ("2026-11-18", "November 18"): its end (0 when none),
 * the ISO text or the month (0-11) and day. */
static size_t
date_at(struct sent *x, size_t i, char got[11], int *mo, int *day)
{
	size_t	 k, de;

	*mo = -1;
	*day = 0;
	if (isdigit((unsigned char)x->s[i]) && i + 10 <= x->len &&
	    x->s[i + 4] == '-' && x->s[i + 7] == '-' &&
	    (i == 0 || !isalnum((unsigned char)x->s[i - 1]))) {
		memcpy(got, x->s + i, 10);
		got[10] = '\0';
		return i + 10;
	}
	for (k = 0; k < 12; k++)
		if (strncmp(x->lc + i, months[k], strlen(months[k])) == 0 &&
		    (i == 0 || !isalpha((unsigned char)x->lc[i - 1])))
			break;
	if (k == 12)
		return 0;
	de = i + strlen(months[k]);
	if (de + 1 >= x->len || x->s[de] != ' ' ||
	    !isdigit((unsigned char)x->s[de + 1]))
		return 0;
	*day = atoi(x->s + de + 1);
	*mo = (int)k;
	de++;
	while (de < x->len && isdigit((unsigned char)x->s[de]))
		de++;
	return de;
}

/* The order's dates the sentence states after byte e. */
static void
order_dates(struct sent *x, const struct order *o, size_t e)
{
	struct fc_claim	*c;
	size_t		 i, de;
	int		 found, mo, day, tm, td;
	const char	*field, *truth;
	char		 got[11] = "";
	char		*rep;

	for (i = e; i < x->len; i++) {
		if ((de = date_at(x, i, got, &mo, &day)) == 0)
			continue;
		field = date_field(x, o, i, &truth);
		if (field == NULL || truth == NULL || strlen(truth) < 10) {
			i = de;
			continue;
		}
		if (mo < 0) {
			rep = xstrndup(truth, 10);
			found = strncmp(got, truth, 10) == 0;
		} else {
			tm = atoi(truth + 5) - 1;
			td = atoi(truth + 8);
			found = tm == mo && td == day;
			rep = xasprintf("%c%s %d", toupper((unsigned char)
			    months[tm][0]), months[tm] + 1, td);
		}
		c = fc_claim_add(x->res, "order_date", x->s + i, de - i,
		    found ? FC_SUPPORTED : FC_CORRECTED, "order", o->id, field,
		    truth, found ? NULL : rep);
		fc_edit_add(x, i, de, c->corrected, c);
		free(rep);
		i = de;
	}
}

/* Order status and dates: "order #12345 has shipped". */
void
fc_scan_orders(struct sent *x)
{
	struct order	 o;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 at = 0, s, e;
	int		 found;
	char		*id = NULL;

	s = x->len;
	if (fc_find_word(x->lc, "order", 0, &at))
		for (s = at; s < x->len; s++)
			if (isdigit((unsigned char)x->s[s]))
				break;
	/* The number must follow closely: "order #12345", "order 12345". */
	for (e = s; e < x->len && isdigit((unsigned char)x->s[e]); e++)
		;
	if (s < x->len && order_ref(x->lc, at + 5, s) && e - s >= 3)
		id = xstrndup(x->s + s, e - s);
	else if ((id = carried_order(x)) != NULL)
		s = e = 0;	/* "It has been delivered." */
	else
		return;
	memset(&o, 0, sizeof o);
	found = catalog_order(x->fc->st, id, &o, &err) == SD_OK;
	sd_error_clear(&err);
	/* "I can't find order #12303 on your account" claims nothing. */
	if ((!found || x->ctx->user_id == NULL || strcmp(o.customer_id,
	    x->ctx->user_id) != 0) && (fc_negated(x) || strstr(x->lc,
	    "sign in") != NULL || strstr(x->lc, "who you are") != NULL))
		goto out;
	if (!found || (x->ctx->user_id != NULL &&
	    strcmp(o.customer_id, x->ctx->user_id) != 0) ||
	    x->ctx->user_id == NULL) {
		/* Never confirm or correct someone else's order. */
		fc_claim_add(x->res, "order_status", x->s + s, e - s,
		    FC_CONTRADICTED, "order", id, "customer_id",
		    !found ? "no such order" : "not this customer's order",
		    NULL);
		goto out;
	}
	free(x->order_id);
	x->order_id = xstrdup(o.id);
	free(x->res->order);
	x->res->order = xstrdup(o.id);
	order_status(x, &o, e);
	order_dates(x, &o, e);
out:
	if (o.id != NULL)
		order_release(&o);
	free(id);
}
