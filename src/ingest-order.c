/*
 * ingest-order.c owns the orders and carts of an ingested record: the
 * checks of an order (its customer, items, shipments and events) and of a
 * cart, and the SQL that upserts them with their child rows, leaving
 * identical rows alone as ingest-rec.c does for the other kinds.  A
 * record whose customer is not loaded yet is deferred to the end of the
 * file (final set: no more waiting).
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "store.h"
#include "ingest-int.h"

static const char *const order_status[] = { "processing", "shipped",
	"delivered", "cancelled", "return_requested", "refunded", NULL };
static const char *const shipment_status[] = { "label_created",
	"in_transit", "out_for_delivery", "delivered", "returned", "exception",
	NULL };
static const char *const cart_status[] = { "active", "abandoned",
	"converted", NULL };

/* --- orders and carts ---------------------------------------------- */

static int
customer_exists(struct ingest_ctx *c, const char *id, struct sd_error *err)
{
	static const char sql[] = "SELECT 1 FROM customers WHERE id = ?1";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(c->st, sql, err)) == NULL)
		return -1;
	ingest_bind_str(s, 1, id);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE) {
		store_fail(c->st, err, "look up customer");
		return -1;
	}
	/* Checking, nothing was written: earlier records count too. */
	if (r == SQLITE_DONE && c->check && ingest_seen_line(c, 'c', id) != 0)
		return 1;
	return r == SQLITE_ROW;
}

/* The catalog name of a SKU (caller frees), or NULL. */
static char *
product_name(struct ingest_ctx *c, const char *sku)
{
	static const char sql[] = "SELECT name FROM products WHERE sku = ?1";
	sqlite3_stmt	*s;
	char		*v = NULL;

	if ((s = store_prepare(c->st, sql, NULL)) == NULL)
		return NULL;
	ingest_bind_str(s, 1, sku);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	/* Checking: a product earlier in the file will have a name. */
	if (v == NULL && c->check && ingest_seen_line(c, 'p', sku) != 0)
		v = xstrdup(sku);
	return v;
}

static enum sd_rc
get_array(cJSON *rec, const char *f, int required, cJSON **out,
    struct sd_error *err)
{
	cJSON	*it = cJSON_GetObjectItemCaseSensitive(rec, f);

	*out = NULL;
	if (it == NULL || cJSON_IsNull(it)) {
		if (required)
			return sd_fail(err, SD_ERR_INVALID,
			    "\"%s\" is required", f);
		return SD_OK;
	}
	if (!cJSON_IsArray(it))
		return sd_fail(err, SD_ERR_INVALID, "\"%s\" must be an array",
		    f);
	*out = it;
	return SD_OK;
}

/* Same column values, in order, as the row of s (a SELECT)? */
struct col {
	int		 type;	/* 's' text, 'i' integer, 'd' real */
	const char	*s;
	long long	 i;
	double		 d;
};

static int
row_eq(sqlite3_stmt *s, const struct col *v, int n)
{
	int	 k;

	for (k = 0; k < n; k++) {
		switch (v[k].type) {
		case 's':
			if (!ingest_col_eq(s, k, v[k].s))
				return 0;
			break;
		case 'i':
			if (sqlite3_column_type(s, k) != SQLITE_INTEGER ||
			    sqlite3_column_int64(s, k) != v[k].i)
				return 0;
			break;
		default:
			if (sqlite3_column_type(s, k) == SQLITE_NULL ||
			    sqlite3_column_double(s, k) != v[k].d)
				return 0;
			break;
		}
	}
	return 1;
}

static void
bind_cols(sqlite3_stmt *s, int first, const struct col *v, int n)
{
	int	 k;

	for (k = 0; k < n; k++) {
		if (v[k].type == 's')
			ingest_bind_str(s, first + k, v[k].s);
		else if (v[k].type == 'i')
			sqlite3_bind_int64(s, first + k, v[k].i);
		else
			sqlite3_bind_double(s, first + k, v[k].d);
	}
}

/*
 * The child rows of an order or cart (items, shipments, events): nrows
 * rows of ncols columns.  Compared with what the database holds; replaced
 * only when different.  Returns 1 replaced, 0 same, -1 error.
 */
struct children {
	const char	*what;		/* for messages */
	const char	*select;	/* ?1 = parent id, rows in order */
	const char	*delete;	/* ?1 = parent id */
	const char	*insert;	/* ?1 parent id, ?2 seq, then cols */
	int		 ncols;
	int		 nrows;
	struct col	*v;		/* nrows * ncols */
};

static int
sync_children(struct ingest_ctx *c, const char *parent, struct children *ch,
    struct sd_error *err)
{
	sqlite3_stmt	*s;
	int		 r, row = 0, same = 1;

	if ((s = store_prepare(c->st, ch->select, err)) == NULL)
		return -1;
	ingest_bind_str(s, 1, parent);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (row >= ch->nrows || !row_eq(s, ch->v + row * ch->ncols,
		    ch->ncols)) {
			same = 0;
			break;
		}
		row++;
	}
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE) {
		ingest_db_fail(c, err, ch->what, parent);
		return -1;
	}
	if (same && row == ch->nrows)
		return 0;
	if ((s = store_prepare(c->st, ch->delete, err)) == NULL)
		return -1;
	ingest_bind_str(s, 1, parent);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		ingest_db_fail(c, err, ch->what, parent);
		return -1;
	}
	for (row = 0; row < ch->nrows; row++) {
		if ((s = store_prepare(c->st, ch->insert, err)) == NULL)
			return -1;
		ingest_bind_str(s, 1, parent);
		sqlite3_bind_int64(s, 2, row + 1);
		bind_cols(s, 3, ch->v + row * ch->ncols, ch->ncols);
		r = sqlite3_step(s);
		sqlite3_reset(s);
		if (r != SQLITE_DONE) {
			ingest_db_fail(c, err, ch->what, parent);
			return -1;
		}
	}
	return 1;
}

static const char order_upsert[] =
    "INSERT INTO orders(id, customer_id, status, placed_at, updated_at,"
    " total, currency, payment_method, shipping_address, note)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    " ON CONFLICT(id) DO UPDATE SET customer_id = excluded.customer_id,"
    " status = excluded.status, placed_at = excluded.placed_at,"
    " updated_at = excluded.updated_at, total = excluded.total,"
    " currency = excluded.currency,"
    " payment_method = excluded.payment_method,"
    " shipping_address = excluded.shipping_address, note = excluded.note"
    " WHERE orders.customer_id IS NOT excluded.customer_id"
    " OR orders.status IS NOT excluded.status"
    " OR orders.placed_at IS NOT excluded.placed_at"
    " OR orders.updated_at IS NOT excluded.updated_at"
    " OR orders.total IS NOT excluded.total"
    " OR orders.currency IS NOT excluded.currency"
    " OR orders.payment_method IS NOT excluded.payment_method"
    " OR orders.shipping_address IS NOT excluded.shipping_address"
    " OR orders.note IS NOT excluded.note";

/* Items keep their line number; ?2 is the 1-based line. */
static const char item_select[] =
    "SELECT sku, name, qty, unit_price FROM order_items"
    " WHERE order_id = ?1 ORDER BY line";
static const char item_delete[] = "DELETE FROM order_items WHERE order_id = ?1";
static const char item_insert[] =
    "INSERT INTO order_items(order_id, line, sku, name, qty, unit_price)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
/* Shipments have their own rowid; seq (?2) only orders the insert. */
static const char ship_select[] =
    "SELECT carrier, tracking_number, status, shipped_at,"
    " estimated_delivery, delivered_at FROM shipments"
    " WHERE order_id = ?1 ORDER BY id";
static const char ship_delete[] = "DELETE FROM shipments WHERE order_id = ?1";
static const char ship_insert[] =
    "INSERT INTO shipments(order_id, carrier, tracking_number, status,"
    " shipped_at, estimated_delivery, delivered_at)"
    " SELECT ?1, ?3, ?4, ?5, ?6, ?7, ?8 WHERE ?2 IS NOT NULL";
static const char event_select[] =
    "SELECT at, status, note FROM order_events"
    " WHERE order_id = ?1 ORDER BY seq";
static const char event_delete[] =
    "DELETE FROM order_events WHERE order_id = ?1";
static const char event_insert[] =
    "INSERT INTO order_events(order_id, seq, at, status, note)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";

/* Error context for an element of an array field: "items[2]: ". */
static enum sd_rc
elem_fail(struct sd_error *err, const char *f, int i, enum sd_rc rc)
{
	sd_error_prefix(err, "%s[%d]: ", f, i);
	return rc;
}

static enum sd_rc
order_items(struct ingest_ctx *c, cJSON *arr, struct children *ch,
    char ***names, double *sum, struct sd_error *err)
{
	cJSON		*it;
	struct col	*v;
	const char	*sku, *name;
	long long	 qty = 0;
	double		 price = 0;
	int		 i = 0, h;
	enum sd_rc	 rc;

	ch->nrows = cJSON_GetArraySize(arr);
	ch->v = xcalloc((size_t)ch->nrows * ch->ncols + 1, sizeof *ch->v);
	*names = xcalloc((size_t)ch->nrows + 1, sizeof **names);
	*sum = 0;
	cJSON_ArrayForEach(it, arr) {
		if (!cJSON_IsObject(it))
			return elem_fail(err, "items", i, sd_fail(err,
			    SD_ERR_INVALID, "must be an object"));
		if ((rc = ingest_get_sku(it, "sku", 1, &sku, err)) != SD_OK ||
		    (rc = ingest_get_str(it, "name", 0, &name, err)) != SD_OK ||
		    (rc = ingest_get_int(c, it, "qty", 1, 1, &qty, &h, err)) !=
		    SD_OK ||
		    (rc = ingest_get_range(c, it, "unit_price", 1, 0, -1,
		    &price, &h,
		    err)) != SD_OK)
			return elem_fail(err, "items", i, rc);
		if (name == NULL && (name = (*names)[i] = product_name(c,
		    sku)) == NULL)
			return elem_fail(err, "items", i, sd_fail(err,
			    SD_ERR_INVALID, "\"name\" is required (SKU \"%s\" "
			    "is not in the catalog)", sku));
		v = ch->v + i * ch->ncols;
		v[0] = (struct col){ 's', sku, 0, 0 };
		v[1] = (struct col){ 's', name, 0, 0 };
		v[2] = (struct col){ 'i', NULL, qty, 0 };
		v[3] = (struct col){ 'd', NULL, 0, price };
		*sum += (double)qty * price;
		i++;
	}
	return SD_OK;
}

static enum sd_rc
order_shipments(struct ingest_ctx *c, cJSON *arr, struct children *ch,
    struct sd_error *err)
{
	cJSON		*it;
	struct col	*v;
	const char	*carrier, *num, *status, *shipped, *eta, *delivered;
	int		 i = 0, j;
	enum sd_rc	 rc;

	ch->nrows = arr != NULL ? cJSON_GetArraySize(arr) : 0;
	ch->v = xcalloc((size_t)ch->nrows * ch->ncols + 1, sizeof *ch->v);
	if (arr == NULL)
		return SD_OK;
	cJSON_ArrayForEach(it, arr) {
		if (!cJSON_IsObject(it))
			return elem_fail(err, "shipments", i, sd_fail(err,
			    SD_ERR_INVALID, "must be an object"));
		if ((rc = ingest_get_str(it, "carrier", 1, &carrier,
		    err)) != SD_OK ||
		    (rc = ingest_get_str(it, "tracking_number", 1, &num,
		    err)) !=
		    SD_OK ||
		    (rc = ingest_get_enum(it, "status", NULL, shipment_status,
		    &status, err)) != SD_OK ||
		    (rc = ingest_get_time(it, "shipped_at", 0, &shipped,
		    err)) !=
		    SD_OK ||
		    (rc = ingest_get_time(it, "estimated_delivery", 0, &eta,
		    err)) !=
		    SD_OK ||
		    (rc = ingest_get_time(it, "delivered_at", 0, &delivered,
		    err)) !=
		    SD_OK)
			return elem_fail(err, "shipments", i, rc);
		for (j = 0; j < i; j++)
			if (strcmp(ch->v[j * ch->ncols + 1].s, num) == 0)
				return elem_fail(err, "shipments", i,
				    sd_fail(err, SD_ERR_INVALID, "tracking "
				    "number \"%s\" listed twice", num));
		v = ch->v + i * ch->ncols;
		v[0] = (struct col){ 's', carrier, 0, 0 };
		v[1] = (struct col){ 's', num, 0, 0 };
		v[2] = (struct col){ 's', status, 0, 0 };
		v[3] = (struct col){ 's', shipped, 0, 0 };
		v[4] = (struct col){ 's', eta, 0, 0 };
		v[5] = (struct col){ 's', delivered, 0, 0 };
		i++;
	}
	return SD_OK;
}

static enum sd_rc
order_events(cJSON *arr, struct children *ch, struct sd_error *err)
{
	cJSON		*it;
	struct col	*v;
	const char	*at, *status, *note;
	int		 i = 0;
	enum sd_rc	 rc;

	ch->nrows = arr != NULL ? cJSON_GetArraySize(arr) : 0;
	ch->v = xcalloc((size_t)ch->nrows * ch->ncols + 1, sizeof *ch->v);
	if (arr == NULL)
		return SD_OK;
	cJSON_ArrayForEach(it, arr) {
		if (!cJSON_IsObject(it))
			return elem_fail(err, "events", i, sd_fail(err,
			    SD_ERR_INVALID, "must be an object"));
		if ((rc = ingest_get_time(it, "at", 1, &at, err)) != SD_OK ||
		    (rc = ingest_get_str(it, "status", 1, &status,
		    err)) != SD_OK ||
		    (rc = ingest_get_str(it, "note", 0, &note, err)) != SD_OK)
			return elem_fail(err, "events", i, rc);
		v = ch->v + i * ch->ncols;
		v[0] = (struct col){ 's', at, 0, 0 };
		v[1] = (struct col){ 's', status, 0, 0 };
		v[2] = (struct col){ 's', note, 0, 0 };
		i++;
	}
	return SD_OK;
}

/*
 * Returns SD_OK with *deferred set when the customer is unknown and the
 * record may wait for the end of the file.
 */
static enum sd_rc
check_customer(struct ingest_ctx *c, const char *what, const char *id,
    const char *cust, int final, int *deferred, struct sd_error *err)
{
	int	 r;

	*deferred = 0;
	if ((r = customer_exists(c, cust, err)) < 0)
		return SD_ERR_DB;
	if (r == 1)
		return SD_OK;
	if (!final) {
		*deferred = 1;
		return SD_OK;
	}
	return sd_fail(err, SD_ERR_INVALID, "%s \"%s\": customer \"%s\" is "
	    "neither in the database nor in this file", what, id, cust);
}

enum sd_rc
ingest_load_order(struct ingest_ctx *c, cJSON *rec, int final, int *deferred,
    struct sd_error *err)
{
	const char	*id, *cust, *status, *placed, *updated, *cur, *pay;
	const char	*addr, *note;
	cJSON		*items, *ships, *events;
	double		 total = 0, sum = 0;
	char		**names = NULL;
	struct children	 ci = { "order", item_select, item_delete,
			    item_insert, 4, 0, NULL };
	struct children	 cs = { "order", ship_select, ship_delete,
			    ship_insert, 6, 0, NULL };
	struct children	 ce = { "order", event_select, event_delete,
			    event_insert, 3, 0, NULL };
	sqlite3_stmt	*s;
	int		 h, what, r1, r2, r3, i;
	enum sd_rc	 rc;

	*deferred = 0;
	if ((rc = ingest_get_str(rec, "id", 1, &id, err)) != SD_OK ||
	    (rc = ingest_seen_once(c, 'o', "order id", id, err)) != SD_OK)
		return rc;
	if ((rc = ingest_get_str(rec, "customer_id", 1, &cust, err)) != SD_OK ||
	    (rc = ingest_get_enum(rec, "status", NULL, order_status, &status,
	    err)) != SD_OK ||
	    (rc = ingest_get_time(rec, "placed_at", 1, &placed,
	    err)) != SD_OK ||
	    (rc = ingest_get_time(rec, "updated_at", 0, &updated,
	    err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "currency", 0, &cur, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "payment_method", 0, &pay,
	    err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "shipping_address", 0, &addr,
	    err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "note", 0, &note, err)) != SD_OK ||
	    (rc = ingest_get_range(c, rec, "total", 0, 0, -1, &total, &h,
	    err)) !=
	    SD_OK ||
	    (rc = get_array(rec, "items", 1, &items, err)) != SD_OK ||
	    (rc = get_array(rec, "shipments", 0, &ships, err)) != SD_OK ||
	    (rc = get_array(rec, "events", 0, &events, err)) != SD_OK)
		goto fail;
	if (cJSON_GetArraySize(items) == 0) {
		rc = sd_fail(err, SD_ERR_INVALID, "\"items\" is empty");
		goto fail;
	}
	if ((rc = order_items(c, items, &ci, &names, &sum, err)) != SD_OK ||
	    (rc = order_shipments(c, ships, &cs, err)) != SD_OK ||
	    (rc = order_events(events, &ce, err)) != SD_OK)
		goto fail;
	if ((rc = check_customer(c, "order", id, cust, final, deferred,
	    err)) != SD_OK || *deferred)
		goto out;
	c->stats->orders++;
	if (c->check) {
		rc = SD_OK;
		goto out;
	}
	if (!h)
		total = round(sum * 100) / 100;
	if ((s = store_prepare(c->st, order_upsert, err)) == NULL) {
		rc = SD_ERR_DB;
		goto out;
	}
	ingest_bind_str(s, 1, id);
	ingest_bind_str(s, 2, cust);
	ingest_bind_str(s, 3, status);
	ingest_bind_str(s, 4, placed);
	ingest_bind_str(s, 5, updated != NULL ? updated : placed);
	sqlite3_bind_double(s, 6, total);
	ingest_bind_str(s, 7, cur != NULL ? cur : "USD");
	ingest_bind_str(s, 8, pay);
	ingest_bind_str(s, 9, addr);
	ingest_bind_str(s, 10, note);
	if ((what = ingest_step_upsert(c->st, s)) < 0) {
		rc = ingest_db_fail(c, err, "order", id);
		goto out;
	}
	if ((r1 = sync_children(c, id, &ci, err)) < 0 ||
	    (r2 = sync_children(c, id, &cs, err)) < 0 ||
	    (r3 = sync_children(c, id, &ce, err)) < 0) {
		rc = SD_ERR_DB;
		goto out;
	}
	if (what == 0 && (r1 || r2 || r3))
		what = 2;
	ingest_count(c, what);
	rc = SD_OK;
	goto out;
fail:
	sd_error_prefix(err, "order \"%s\": ", id);
out:
	for (i = 0; names != NULL && i < ci.nrows; i++)
		free(names[i]);
	free(names);
	free(ci.v);
	free(cs.v);
	free(ce.v);
	return rc;
}

static const char cart_upsert[] =
    "INSERT INTO carts(id, customer_id, status, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, coalesce(?4, ?6), coalesce(?5, ?4, ?6))"
    " ON CONFLICT(id) DO UPDATE SET customer_id = excluded.customer_id,"
    " status = excluded.status,"
    " created_at = coalesce(?4, carts.created_at),"
    " updated_at = coalesce(?5, ?4, carts.updated_at)"
    " WHERE carts.customer_id IS NOT excluded.customer_id"
    " OR carts.status IS NOT excluded.status"
    " OR (?4 IS NOT NULL AND carts.created_at IS NOT ?4)"
    " OR (coalesce(?5, ?4) IS NOT NULL"
    "   AND carts.updated_at IS NOT coalesce(?5, ?4))";
static const char cart_item_select[] =
    "SELECT sku, qty, price_at_add, added_at FROM cart_items"
    " WHERE cart_id = ?1 ORDER BY sku";
static const char cart_item_delete[] =
    "DELETE FROM cart_items WHERE cart_id = ?1";
/* cart_items is keyed by SKU: rows are compared in SKU order. */
static const char cart_item_insert[] =
    "INSERT INTO cart_items(cart_id, sku, qty, price_at_add, added_at)"
    " SELECT ?1, ?3, ?4, ?5, ?6 WHERE ?2 IS NOT NULL";

struct cart_row {
	struct col	 c[4];		/* sku, qty, price_at_add, added_at */
};

static int
cart_row_cmp(const void *a, const void *b)
{
	return strcmp(((const struct cart_row *)a)->c[0].s,
	    ((const struct cart_row *)b)->c[0].s);
}

/* The catalog price of a SKU, for an item added without one. */
static int
product_price(struct ingest_ctx *c, const char *sku, double *out)
{
	static const char sql[] = "SELECT price FROM products WHERE sku = ?1";
	sqlite3_stmt	*s;
	int		 found = 0;

	if ((s = store_prepare(c->st, sql, NULL)) == NULL)
		return 0;
	ingest_bind_str(s, 1, sku);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*out = sqlite3_column_double(s, 0);
		found = 1;
	}
	sqlite3_reset(s);
	/* Checking: a product earlier in the file will have a price. */
	if (!found && c->check && ingest_seen_line(c, 'p', sku) != 0) {
		*out = 0;
		found = 1;
	}
	return found;
}

enum sd_rc
ingest_load_cart(struct ingest_ctx *c, cJSON *rec, int final, int *deferred,
    struct sd_error *err)
{
	const char	*id, *cust, *status, *created, *updated, *sku, *added;
	cJSON		*items, *it;
	struct children	 ci = { "cart", cart_item_select, cart_item_delete,
			    cart_item_insert, 4, 0, NULL };
	struct col	*v;
	long long	 qty = 0;
	double		 price = 0;
	sqlite3_stmt	*s;
	int		 h, i = 0, j, what, r;
	enum sd_rc	 rc;

	*deferred = 0;
	if ((rc = ingest_get_str(rec, "id", 1, &id, err)) != SD_OK ||
	    (rc = ingest_seen_once(c, 'k', "cart id", id, err)) != SD_OK)
		return rc;
	if ((rc = ingest_get_str(rec, "customer_id", 1, &cust, err)) != SD_OK ||
	    (rc = ingest_get_enum(rec, "status", "active", cart_status, &status,
	    err)) != SD_OK ||
	    (rc = ingest_get_time(rec, "created_at", 0, &created,
	    err)) != SD_OK ||
	    (rc = ingest_get_time(rec, "updated_at", 0, &updated,
	    err)) != SD_OK ||
	    (rc = get_array(rec, "items", 0, &items, err)) != SD_OK)
		goto fail;
	ci.nrows = items != NULL ? cJSON_GetArraySize(items) : 0;
	ci.v = xcalloc((size_t)ci.nrows * ci.ncols + 1, sizeof *ci.v);
	if (items != NULL)
		cJSON_ArrayForEach(it, items) {
			if (!cJSON_IsObject(it)) {
				rc = elem_fail(err, "items", i, sd_fail(err,
				    SD_ERR_INVALID, "must be an object"));
				goto fail;
			}
			if ((rc = ingest_get_sku(it, "sku", 1, &sku,
			    err)) != SD_OK ||
			    (rc = ingest_get_int(c, it, "qty", 1, 1, &qty, &h,
			    err)) != SD_OK ||
			    (rc = ingest_get_range(c, it, "price_at_add", 0, 0,
			    -1,
			    &price, &h, err)) != SD_OK ||
			    (rc = ingest_get_time(it, "added_at", 0, &added,
			    err)) !=
			    SD_OK) {
				rc = elem_fail(err, "items", i, rc);
				goto fail;
			}
			if (!h && !product_price(c, sku, &price)) {
				rc = elem_fail(err, "items", i, sd_fail(err,
				    SD_ERR_INVALID, "\"price_at_add\" is "
				    "required (SKU \"%s\" is not in the "
				    "catalog)", sku));
				goto fail;
			}
			for (j = 0; j < i; j++)
				if (strcmp(ci.v[j * ci.ncols].s, sku) == 0) {
					rc = elem_fail(err, "items", i,
					    sd_fail(err, SD_ERR_INVALID, "SKU "
					    "\"%s\" listed twice", sku));
					goto fail;
				}
			if (added == NULL)
				added = created != NULL ? created : c->now;
			v = ci.v + i * ci.ncols;
			v[0] = (struct col){ 's', sku, 0, 0 };
			v[1] = (struct col){ 'i', NULL, qty, 0 };
			v[2] = (struct col){ 'd', NULL, 0, price };
			v[3] = (struct col){ 's', added, 0, 0 };
			i++;
		}
	if (ci.nrows > 1)
		qsort(ci.v, (size_t)ci.nrows, sizeof(struct cart_row),
		    cart_row_cmp);
	if ((rc = check_customer(c, "cart", id, cust, final, deferred,
	    err)) != SD_OK || *deferred)
		goto out;
	c->stats->carts++;
	if (c->check) {
		rc = SD_OK;
		goto out;
	}
	if ((s = store_prepare(c->st, cart_upsert, err)) == NULL) {
		rc = SD_ERR_DB;
		goto out;
	}
	ingest_bind_str(s, 1, id);
	ingest_bind_str(s, 2, cust);
	ingest_bind_str(s, 3, status);
	ingest_bind_str(s, 4, created);
	ingest_bind_str(s, 5, updated);
	ingest_bind_str(s, 6, c->now);
	if ((what = ingest_step_upsert(c->st, s)) < 0) {
		rc = ingest_db_fail(c, err, "cart", id);
		goto out;
	}
	if ((r = sync_children(c, id, &ci, err)) < 0) {
		rc = SD_ERR_DB;
		goto out;
	}
	if (what == 0 && r)
		what = 2;
	ingest_count(c, what);
	rc = SD_OK;
	goto out;
fail:
	sd_error_prefix(err, "cart \"%s\": ", id);
out:
	free(ci.v);
	return rc;
}
