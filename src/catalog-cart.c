/*
 * catalog-cart.c: the customer's shopping cart in the carts and
 * cart_items tables.  Part of the catalog module (catalog.h): the
 * dialogue adds, removes, counts and lists items through these functions and
 * never writes the SQL itself.  A customer has at most one active cart;
 * adding to a customer without one opens it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "store.h"
#include "catalog.h"

/* The id of the customer's active cart (caller frees), or NULL. */
static char *
active_cart(struct store *st, const char *customer)
{
	static const char sql[] = "SELECT id FROM carts WHERE customer_id = ?1"
	    " AND status = 'active' ORDER BY updated_at DESC, id LIMIT 1";
	sqlite3_stmt	*s;
	char		*id = NULL;

	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return NULL;
	sqlite3_bind_text(s, 1, customer, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	return id;
}

/* Run a statement binding ?1..?3 as text (NULL skipped); SD_OK if done. */
static enum sd_rc
run3(struct store *st, const char *sql, const char *a, const char *b,
    const char *c, const char *what, struct sd_error *err)
{
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, a, -1, SQLITE_STATIC);
	if (b != NULL)
		sqlite3_bind_text(s, 2, b, -1, SQLITE_STATIC);
	if (c != NULL)
		sqlite3_bind_text(s, 3, c, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	return r == SQLITE_DONE ? SD_OK : store_fail(st, err, what);
}

enum sd_rc
catalog_cart_add(struct store *st, const char *customer, const char *sku,
    double price, struct sd_error *err)
{
	/* A new cart's id: the customer's, unique per customer. */
	static const char mk[] = "INSERT INTO carts(id, customer_id, status,"
	    " created_at, updated_at) VALUES ('CART-' || ?1 || '-' ||"
	    " (SELECT count(*) + 1 FROM carts WHERE customer_id = ?1),"
	    " ?1, 'active', ?2, ?2)";
	static const char add[] = "INSERT INTO cart_items(cart_id, sku, qty,"
	    " price_at_add, added_at) VALUES (?1, ?2, 1, ?4, ?3)"
	    " ON CONFLICT(cart_id, sku) DO UPDATE SET qty = qty + 1";
	static const char touch[] = "UPDATE carts SET updated_at = ?2"
	    " WHERE id = ?1";
	char		*cart = NULL, *now = xstrdup(store_now());
	sqlite3_stmt	*s;
	enum sd_rc	 rc;
	int		 r;

	if ((cart = active_cart(st, customer)) == NULL) {
		if ((rc = run3(st, mk, customer, now, NULL, "open cart",
		    err)) != SD_OK)
			goto done;
		if ((cart = active_cart(st, customer)) == NULL) {
			rc = store_fail(st, err, "open cart");
			goto done;
		}
	}
	if ((s = store_prepare(st, add, err)) == NULL) {
		rc = SD_ERR_DB;
		goto done;
	}
	sqlite3_bind_text(s, 1, cart, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, sku, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, now, -1, SQLITE_STATIC);
	sqlite3_bind_double(s, 4, price);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		rc = store_fail(st, err, "add to cart");
		goto done;
	}
	rc = run3(st, touch, cart, now, NULL, "update cart", err);
done:
	free(cart);
	free(now);
	return rc;
}

enum sd_rc
catalog_cart_remove(struct store *st, const char *customer, const char *sku,
    int *removed, struct sd_error *err)
{
	static const char del[] = "DELETE FROM cart_items WHERE cart_id = ?1"
	    " AND sku = ?2";
	char		*cart;
	enum sd_rc	 rc = SD_OK;

	*removed = 0;
	if ((cart = active_cart(st, customer)) == NULL)
		return SD_OK;
	rc = run3(st, del, cart, sku, NULL, "remove from cart", err);
	if (rc == SD_OK)
		*removed = sqlite3_changes(store_db(st)) > 0;
	free(cart);
	return rc;
}

enum sd_rc
catalog_cart_set_qty(struct store *st, const char *customer, const char *sku,
    int qty, int *changed, struct sd_error *err)
{
	static const char set[] = "UPDATE cart_items SET qty = ?3"
	    " WHERE cart_id = ?1 AND sku = ?2 AND qty <> ?3";
	static const char touch[] = "UPDATE carts SET updated_at = ?2"
	    " WHERE id = ?1";
	char		*cart, *q;
	enum sd_rc	 rc;

	*changed = 0;
	if (qty <= 0)
		return catalog_cart_remove(st, customer, sku, changed, err);
	if ((cart = active_cart(st, customer)) == NULL)
		return SD_OK;
	q = xasprintf("%d", qty);
	rc = run3(st, set, cart, sku, q, "set cart quantity", err);
	if (rc == SD_OK && (*changed = sqlite3_changes(store_db(st)) > 0))
		rc = run3(st, touch, cart, store_now(), NULL, "update cart",
		    err);
	free(q);
	free(cart);
	return rc;
}

enum sd_rc
catalog_cart_items(struct store *st, const char *customer,
    struct cart_item **v, size_t *n, struct sd_error *err)
{
	static const char sql[] = "SELECT i.sku, coalesce(p.name, i.sku),"
	    " i.qty, coalesce(p.price, i.price_at_add) FROM carts c"
	    " JOIN cart_items i ON i.cart_id = c.id"
	    " LEFT JOIN products p ON p.sku = i.sku"
	    " WHERE c.customer_id = ?1 AND c.status = 'active'"
	    " ORDER BY i.added_at, i.sku";
	sqlite3_stmt	*s;
	size_t		 cap = 0;
	int		 r;

	*v = NULL;
	*n = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, customer, -1, SQLITE_STATIC);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*v = xrealloc(*v, cap * sizeof **v);
		}
		(*v)[*n].sku = xstrdup((const char *)sqlite3_column_text(s, 0));
		(*v)[*n].name = xstrdup((const char *)sqlite3_column_text(s,
		    1));
		(*v)[*n].qty = sqlite3_column_int(s, 2);
		(*v)[*n].price = sqlite3_column_double(s, 3);
		(*n)++;
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		catalog_cart_items_free(*v, *n);
		*v = NULL;
		*n = 0;
		return store_fail(st, err, "read cart");
	}
	return SD_OK;
}

void
catalog_cart_items_free(struct cart_item *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].sku);
		free(v[i].name);
	}
	free(v);
}
