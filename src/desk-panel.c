/*
 * desk-panel.c: the customer panel of the agent desk: who the customer
 * is, their orders (items, status, tracking, whether each can come
 * back), cart, past conversations, the ratings they gave and the
 * proactive messages sent to them (trigger.c: which, when, seen or
 * not), gathered
 * as rows for each front end to lay out.  Facts come from catalog.c and
 * history.c; the two reads here are over the conversation tables, for
 * which history.c has no per-customer query.
 *
 * The return verdict applies the same policy facts as the dialogue's
 * return flow (return_window_days, non_returnable_categories), in
 * words for a person rather than as slots for a template.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "catalog.h"
#include "desk.h"
#include "history.h"
#include "sbuf.h"
#include "store.h"

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

char *
desk_return_verdict(struct store *st, const struct order *o)
{
	char		*window = NULL, *nonret = NULL, *out;
	const char	*delivered;
	long		 days, w;
	size_t		 i;

	if (strcmp(o->status, "return_requested") == 0 ||
	    strcmp(o->status, "refunded") == 0)
		return xasprintf("already %s", strcmp(o->status,
		    "refunded") == 0 ? "refunded" : "requested");
	if (strcmp(o->status, "delivered") != 0)
		return xasprintf("not yet, the order is %s", o->status);
	if ((window = catalog_policy_fact(st, "return_window_days",
	    NULL)) == NULL)
		return xstrdup("unknown, no return window in the policies");
	nonret = catalog_policy_fact(st, "non_returnable_categories", NULL);
	for (i = 0; nonret != NULL && i < o->nitems; i++)
		if (o->items[i].category[0] != '\0' &&
		    strstr(nonret, o->items[i].category) != NULL) {
			out = xasprintf("no, %s (%s) is not returnable",
			    o->items[i].name, o->items[i].category);
			goto out;
		}
	/* Digital deliveries have no shipment: the order's last update. */
	delivered = o->delivered_at != NULL ? o->delivered_at : o->updated_at;
	days = catalog_days_between(delivered, store_now());
	w = atol(window);
	if (days > w)
		out = xasprintf("no, delivered %ld days ago (window %ld days)",
		    days, w);
	else
		out = xasprintf("eligible, %ld of %ld days left", w - days, w);
out:
	free(window);
	free(nonret);
	return out;
}

static void
order_load(struct store *st, const char *id, struct desk_order *d,
    struct sd_error *err)
{
	memset(d, 0, sizeof *d);
	if (catalog_order(st, id, &d->o, err) != SD_OK) {
		sd_error_clear(err);
		d->o.id = xstrdup(id);
		d->o.status = xstrdup("?");
		d->returns = xstrdup("unknown, the order cannot be read");
		return;
	}
	d->returns = desk_return_verdict(st, &d->o);
	d->event = catalog_order_last_event(st, id, &d->event_at);
}

static enum sd_rc
past_load(struct store *st, struct desk_panel *p, struct sd_error *err)
{
	static const char sql[] = "SELECT id FROM sessions WHERE user_id = ?1"
	    " ORDER BY updated_at DESC, id DESC LIMIT ?2";
	sqlite3_stmt	*s;
	char		*ids[DESK_PANEL_PAST];
	size_t		 n = 0, i;
	int		 r;
	enum sd_rc	 rc = SD_OK;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, p->cust.id, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, DESK_PANEL_PAST);
	while ((r = sqlite3_step(s)) == SQLITE_ROW && n < DESK_PANEL_PAST)
		ids[n++] = col_dup(s, 0);
	sqlite3_reset(s);
	if (r != SQLITE_DONE && r != SQLITE_ROW)
		rc = store_fail(st, err, "list the customer's sessions");
	p->past = n > 0 ? xmalloc(n * sizeof *p->past) : NULL;
	for (i = 0; i < n; i++) {
		if (rc == SD_OK && (rc = history_session_get(st, ids[i],
		    &p->past[p->npast], err)) == SD_OK)
			p->npast++;
		free(ids[i]);
	}
	return rc;
}

static enum sd_rc
ratings_load(struct store *st, struct desk_panel *p, struct sd_error *err)
{
	static const char sql[] = "SELECT f.rating, f.comment, m.session_id,"
	    " f.created_at FROM feedback f"
	    " JOIN messages m ON m.id = f.message_id"
	    " JOIN sessions s ON s.id = m.session_id"
	    " WHERE s.user_id = ?1 ORDER BY f.id DESC LIMIT 10";
	sqlite3_stmt	*s;
	struct desk_rating *d;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, p->cust.id, -1, SQLITE_STATIC);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		p->ratings = xrealloc(p->ratings, (p->nratings + 1) *
		    sizeof *p->ratings);
		d = &p->ratings[p->nratings++];
		d->rating = sqlite3_column_int(s, 0);
		d->comment = col_dup(s, 1);
		d->session_id = col_dup(s, 2);
		d->created_at = col_dup(s, 3);
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "read the customer's ratings");
	return SD_OK;
}

enum sd_rc
desk_panel_load(struct store *st, const char *customer, struct desk_panel *p,
    struct sd_error *err)
{
	char		**ids = NULL;
	size_t		 n = 0, i;
	enum sd_rc	 rc;

	memset(p, 0, sizeof *p);
	if ((rc = catalog_customer(st, customer, &p->cust, err)) != SD_OK ||
	    (rc = catalog_customer_orders(st, customer, &ids, &n,
	    err)) != SD_OK)
		goto out;
	p->norders = n < DESK_PANEL_ORDERS ? n : DESK_PANEL_ORDERS;
	p->orders = p->norders > 0 ? xmalloc(p->norders *
	    sizeof *p->orders) : NULL;
	for (i = 0; i < p->norders; i++)
		order_load(st, ids[i], &p->orders[i], err);
	if ((rc = catalog_cart_items(st, customer, &p->cart, &p->ncart,
	    err)) != SD_OK || (rc = past_load(st, p, err)) != SD_OK)
		goto out;
	if ((rc = ratings_load(st, p, err)) != SD_OK)
		goto out;
	rc = trigger_recent(st, customer, DESK_PANEL_NOTES, &p->notes,
	    &p->nnotes, err);
out:
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	return rc;
}

void
desk_panel_release(struct desk_panel *p)
{
	size_t	 i;

	if (p->cust.id != NULL)
		customer_release(&p->cust);
	for (i = 0; i < p->norders; i++) {
		order_release(&p->orders[i].o);
		free(p->orders[i].returns);
		free(p->orders[i].event);
		free(p->orders[i].event_at);
	}
	free(p->orders);
	catalog_cart_items_free(p->cart, p->ncart);
	for (i = 0; i < p->npast; i++)
		session_info_release(&p->past[i]);
	free(p->past);
	for (i = 0; i < p->nratings; i++) {
		free(p->ratings[i].comment);
		free(p->ratings[i].session_id);
		free(p->ratings[i].created_at);
	}
	free(p->ratings);
	for (i = 0; i < p->nnotes; i++)
		trigger_note_release(&p->notes[i]);
	free(p->notes);
	memset(p, 0, sizeof *p);
}

enum sd_rc
desk_orders_named(struct store *st, const char *customer, const char *text,
    char ***ids, size_t *n, struct sd_error *err)
{
	struct order_match m;
	char		*tmp;
	size_t		 i;
	enum sd_rc	 rc;

	memset(&m, 0, sizeof m);
	m.name = text;
	if ((rc = catalog_customer_orders_with(st, customer, &m, ids, n,
	    err)) != SD_OK)
		return rc;
	/* Oldest first from the catalog; an agent reads newest first. */
	for (i = 0; i < *n / 2; i++) {
		tmp = (*ids)[i];
		(*ids)[i] = (*ids)[*n - 1 - i];
		(*ids)[*n - 1 - i] = tmp;
	}
	return SD_OK;
}
