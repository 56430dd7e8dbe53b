/*
 * catalog-sync.c: changes to the catalog that the shop's own systems
 * push (webhook.c): a product's price and stock by SKU, a customer's
 * name and phone by email.  Order status changes go through
 * catalog_order_set_status, which logs them as order events.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "store.h"

enum sd_rc
catalog_sync_product(struct store *st, const char *sku, double price,
    double list_price, long long stock, long long *old_stock,
    struct sd_error *err)
{
	static const char get[] = "SELECT stock FROM products WHERE sku = ?1";
	static const char upd[] = "UPDATE products SET"
	    " price = CASE WHEN ?2 >= 0 THEN ?2 ELSE price END,"
	    " list_price = CASE WHEN ?2 < 0 THEN list_price"
	    "   WHEN ?3 > ?2 THEN ?3 ELSE NULL END,"
	    " stock = CASE WHEN ?4 >= 0 THEN ?4 ELSE stock END"
	    " WHERE sku = ?1";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, get, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sku, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW)
		*old_stock = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (r == SQLITE_DONE)
		return sd_fail(err, SD_ERR_NOTFOUND, "no product %s", sku);
	if (r != SQLITE_ROW)
		return store_fail(st, err, "read product");
	if ((s = store_prepare(st, upd, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sku, -1, SQLITE_STATIC);
	sqlite3_bind_double(s, 2, price);
	sqlite3_bind_double(s, 3, list_price);
	sqlite3_bind_int64(s, 4, stock);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "update product");
	return SD_OK;
}

enum sd_rc
catalog_sync_customer(struct store *st, const char *email, const char *name,
    const char *phone, struct sd_error *err)
{
	static const char upd[] = "UPDATE customers SET"
	    " name = coalesce(nullif(?2, ''), name),"
	    " phone = coalesce(nullif(?3, ''), phone)"
	    " WHERE email = ?1 COLLATE NOCASE";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, upd, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, email, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, name != NULL ? name : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, phone != NULL ? phone : "", -1,
	    SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "update customer");
	if (sqlite3_changes(store_db(st)) == 0)
		return sd_fail(err, SD_ERR_NOTFOUND, "no customer with email "
		    "%s", email);
	return SD_OK;
}
