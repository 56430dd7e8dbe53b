/*
 * catalog.c owns the read side of the shop's data: products, customers,
 * orders and policy facts, as the engine needs them for one turn.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "catalog.h"
#include "sbuf.h"
#include "store.h"

static char *
col(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return xstrdup(t != NULL ? (const char *)t : "");
}

static char *
col_null(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

void
product_release(struct product *p)
{
	free(p->sku);
	free(p->name);
	free(p->brand);
	free(p->model);
	free(p->category);
	free(p->subcategory);
	free(p->description);
	free(p->currency);
	free(p->review_summary);
	free(p->warranty);
	free(p->extended_warranty);
	free(p->attrs);
	free(p->tags);
	memset(p, 0, sizeof *p);
}

void
order_release(struct order *o)
{
	size_t	 i;

	for (i = 0; i < o->nitems; i++) {
		free(o->items[i].sku);
		free(o->items[i].name);
		free(o->items[i].category);
	}
	free(o->items);
	free(o->id);
	free(o->customer_id);
	free(o->status);
	free(o->placed_at);
	free(o->updated_at);
	free(o->currency);
	free(o->payment_method);
	free(o->carrier);
	free(o->tracking_number);
	free(o->ship_status);
	free(o->shipped_at);
	free(o->estimated_delivery);
	free(o->delivered_at);
	memset(o, 0, sizeof *o);
}

void
customer_release(struct customer *c)
{
	free(c->id);
	free(c->name);
	free(c->email);
	free(c->tier);
	free(c->preferences);
	memset(c, 0, sizeof *c);
}

#define PRODUCT_COLS "id, sku, name, brand, model, category, subcategory," \
	" description, price, list_price, currency, rating, review_count," \
	" review_summary, warranty, warranty_months, extended_warranty," \
	" stock, attrs, tags"

static void
read_product(sqlite3_stmt *s, struct product *p)
{
	p->id = sqlite3_column_int64(s, 0);
	p->sku = col(s, 1);
	p->name = col(s, 2);
	p->brand = col(s, 3);
	p->model = col(s, 4);
	p->category = col(s, 5);
	p->subcategory = col(s, 6);
	p->description = col(s, 7);
	p->price = sqlite3_column_double(s, 8);
	p->list_price = sqlite3_column_double(s, 9);
	p->currency = col(s, 10);
	p->rating = sqlite3_column_double(s, 11);
	p->review_count = sqlite3_column_int64(s, 12);
	p->review_summary = col(s, 13);
	p->warranty = col(s, 14);
	p->warranty_months = sqlite3_column_int(s, 15);
	p->extended_warranty = col(s, 16);
	p->stock = sqlite3_column_int64(s, 17);
	p->attrs = col(s, 18);
	p->tags = col(s, 19);
}

static enum sd_rc
one_product(struct store *st, sqlite3_stmt *s, struct product *p,
    const char *what, struct sd_error *err)
{
	int	 r = sqlite3_step(s);

	memset(p, 0, sizeof *p);
	if (r == SQLITE_ROW)
		read_product(s, p);
	sqlite3_reset(s);
	if (r == SQLITE_ROW)
		return SD_OK;
	if (r == SQLITE_DONE)
		return sd_fail(err, SD_ERR_NOTFOUND, "no product %s", what);
	return store_fail(st, err, "read product");
}

enum sd_rc
catalog_product_read(struct store *st, const char *sku, struct product *p,
    struct sd_error *err)
{
	static const char sql[] = "SELECT " PRODUCT_COLS
	    " FROM products WHERE sku = ?1";
	sqlite3_stmt	*s;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sku, -1, SQLITE_STATIC);
	return one_product(st, s, p, sku, err);
}

enum sd_rc
catalog_product_by_id(struct store *st, long long id, struct product *p,
    struct sd_error *err)
{
	static const char sql[] = "SELECT " PRODUCT_COLS
	    " FROM products WHERE id = ?1";
	sqlite3_stmt	*s;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	return one_product(st, s, p, "with that id", err);
}

/* Run one of the listing statements of catalog_products; append rows. */
static enum sd_rc
products_run(struct store *st, const char *sql, const struct product_filter *f,
    const char *use, struct product **out, size_t *n, struct sd_error *err)
{
	sqlite3_stmt	*s;
	size_t		 cap = *n;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	if (f->category != NULL)
		sqlite3_bind_text(s, 1, f->category, -1, SQLITE_STATIC);
	if (use != NULL)
		sqlite3_bind_text(s, 2, use, -1, SQLITE_TRANSIENT);
	if (f->brand != NULL)
		sqlite3_bind_text(s, 3, f->brand, -1, SQLITE_STATIC);
	sqlite3_bind_double(s, 4, f->max_price);
	sqlite3_bind_double(s, 5, f->min_price);
	sqlite3_bind_int(s, 6, f->in_stock != 0);
	sqlite3_bind_int(s, 7, f->limit > 0 ? f->limit : 5);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n >= cap) {
			cap = cap < 8 ? 8 : cap * 2;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		read_product(s, &(*out)[(*n)++]);
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "list products");
	return SD_OK;
}

#define TAG_RARE	1000	/* products with a tag: read them all */
#define STRINGIFY_(x)	#x
#define STRINGIFY(x)	STRINGIFY_(x)

enum sd_rc
catalog_products(struct store *st, const struct product_filter *f,
    struct product **out, size_t *n, struct sd_error *err)
{
	/*
	 * Best first by a Bayesian average: a 4.8 from 5 reviews should not
	 * beat a 4.6 from 800.  The prior is 4.0 worth 50 reviews; the
	 * products_score indexes (store.c) hold the same expression, so a
	 * category is read best first and the walk stops at the few needed.
	 *
	 * A use ("gaming", "students") is a subcategory or a tag.  Each has
	 * its own statement: as one OR with a LIKE over the tags, a use no
	 * product had walked every product of the category, 26-41 ms at
	 * 100,000 products; the subcategory is indexed, and tags are found
	 * through the full-text index.
	 */
#define PRODUCTS_ORDER							\
	" ORDER BY (coalesce(rating, 0) * review_count + 4.0 * 50)"	\
	"   / (review_count + 50) DESC, review_count DESC, price, sku"
#define PRODUCTS_WHERE(cat, use)					\
	"SELECT " PRODUCT_COLS " FROM products WHERE id IN ("		\
	    "SELECT id FROM products"					\
	    " WHERE " cat " AND " use					\
	    "   AND (?3 IS NULL OR brand = ?3 COLLATE NOCASE)"		\
	    "   AND (?4 < 0 OR price <= ?4)"					\
	    "   AND (?5 < 0 OR price >= ?5)"					\
	    "   AND (?6 = 0 OR stock > 0)"					\
	    PRODUCTS_ORDER " LIMIT ?7)" PRODUCTS_ORDER
#define CAT	"category = ?1"
#define ANY	"?1 IS NULL"
#define NOUSE	"?2 IS NULL"
#define SUB	"subcategory = ?2"
#define TAG	"id IN (SELECT rowid FROM product_fts WHERE product_fts" \
		" MATCH ?2)"
	/*
	 * A tag few products have is read from the full-text index, each
	 * product by its rowid ("+" keeps the category index out): walking
	 * the category's price index for the nine "students" laptops of
	 * 100,000 products was 14M instructions.  A common tag keeps the
	 * category's index, which stops at the few best.
	 */
#define CATX	"+category = ?1"
	static const char *const sql[2][4] = {
		{ PRODUCTS_WHERE(ANY, NOUSE), PRODUCTS_WHERE(ANY, SUB),
		  PRODUCTS_WHERE(ANY, TAG), PRODUCTS_WHERE(ANY, TAG) },
		{ PRODUCTS_WHERE(CAT, NOUSE), PRODUCTS_WHERE(CAT, SUB),
		  PRODUCTS_WHERE(CAT, TAG), PRODUCTS_WHERE(CATX, TAG) },
	};
	static const char rare_sql[] = "SELECT count(*) FROM (SELECT 1"
	    " FROM product_fts WHERE product_fts MATCH ?1 LIMIT "
	    STRINGIFY(TAG_RARE) ")";
#undef PRODUCTS_WHERE
#undef PRODUCTS_ORDER
#undef CAT
#undef ANY
#undef NOUSE
#undef SUB
#undef TAG
#undef CATX
	int		 c = f->category != NULL, rare = 0;
	sqlite3_stmt	*s;
	struct sbuf	 match = SBUF_INIT;
	const char	*p;
	enum sd_rc	 rc;

	*out = NULL;
	*n = 0;
	if (f->use == NULL)
		return products_run(st, sql[c][0], f, NULL, out, n, err);
	if ((rc = products_run(st, sql[c][1], f, f->use, out, n, err)) !=
	    SD_OK || *n > 0)
		return rc;
	/* tags : "the use", letters and digits only: no FTS5 syntax. */
	sbuf_adds(&match, "tags : \"");
	for (p = f->use; *p != '\0'; p++)
		sbuf_addc(&match, isalnum((unsigned char)*p) ||
		    (unsigned char)*p >= 0x80 ? *p : ' ');
	sbuf_addc(&match, '"');
	if (c && (s = store_prepare(st, rare_sql, NULL)) != NULL) {
		sqlite3_bind_text(s, 1, match.buf, -1, SQLITE_STATIC);
		rare = sqlite3_step(s) == SQLITE_ROW &&
		    sqlite3_column_int(s, 0) < TAG_RARE;
		sqlite3_reset(s);
	}
	rc = products_run(st, sql[c][rare ? 3 : 2], f, match.buf, out, n,
	    err);
	sbuf_release(&match);
	return rc;
}

enum sd_rc
catalog_products_named_read(struct store *st, const char *phrase, int limit,
    struct product **out, size_t *n, struct sd_error *err)
{
	/* The full-text index finds the family; no scan of every name. */
	static const char sql[] = "SELECT " PRODUCT_COLS " FROM products"
	    " WHERE id IN (SELECT rowid FROM product_fts WHERE product_fts"
	    " MATCH ?1)"
	    " ORDER BY (coalesce(rating, 0) * review_count + 4.0 * 50)"
	    "   / (review_count + 50) DESC, review_count DESC, price, sku"
	    " LIMIT ?2";
	struct sbuf	 q = SBUF_INIT;
	sqlite3_stmt	*s;
	struct product	*v = NULL;
	size_t		 cnt = 0, cap = 0;
	const char	*p;
	int		 r, words = 0, inword = 0;

	*out = NULL;
	*n = 0;
	/* name : "w1 w2 ...", only letters and digits: no FTS5 syntax. */
	sbuf_adds(&q, "name : \"");
	for (p = phrase; *p != '\0'; p++) {
		if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80) {
			if (!inword && words++ > 0)
				sbuf_addc(&q, ' ');
			sbuf_addc(&q, *p);
			inword = 1;
		} else
			inword = 0;
	}
	sbuf_addc(&q, '"');
	if (words == 0) {
		sbuf_release(&q);
		return SD_OK;
	}
	if ((s = store_prepare(st, sql, err)) == NULL) {
		sbuf_release(&q);
		return SD_ERR_DB;
	}
	sqlite3_bind_text(s, 1, q.buf, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, limit > 0 ? limit : 20);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (cnt == cap) {
			cap = cap < 8 ? 8 : cap * 2;
			v = xrealloc(v, cap * sizeof *v);
		}
		read_product(s, &v[cnt++]);
	}
	sqlite3_reset(s);
	sbuf_release(&q);
	*out = v;
	*n = cnt;
	if (r != SQLITE_DONE)
		return store_fail(st, err, "find products by name");
	return SD_OK;
}

enum sd_rc
catalog_order_read(struct store *st, const char *id, struct order *o,
    struct sd_error *err)
{
	static const char sql[] = "SELECT id, customer_id, status, placed_at,"
	    " updated_at, total, currency, payment_method FROM orders"
	    " WHERE id = ?1";
	static const char items[] = "SELECT i.sku, i.name, i.qty,"
	    " i.unit_price, coalesce(p.category, '') FROM order_items i"
	    " LEFT JOIN products p ON p.sku = i.sku WHERE i.order_id = ?1"
	    " ORDER BY i.line";
	static const char ship[] = "SELECT carrier, tracking_number, status,"
	    " shipped_at, estimated_delivery, delivered_at FROM shipments"
	    " WHERE order_id = ?1 ORDER BY coalesce(shipped_at, '') DESC,"
	    " id DESC LIMIT 1";
	sqlite3_stmt	*s;
	int		 r;

	memset(o, 0, sizeof *o);
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(s)) == SQLITE_ROW) {
		o->id = col(s, 0);
		o->customer_id = col(s, 1);
		o->status = col(s, 2);
		o->placed_at = col(s, 3);
		o->updated_at = col(s, 4);
		o->total = sqlite3_column_double(s, 5);
		o->currency = col(s, 6);
		o->payment_method = col(s, 7);
	}
	sqlite3_reset(s);
	if (r == SQLITE_DONE)
		return sd_fail(err, SD_ERR_NOTFOUND, "no order #%s", id);
	if (r != SQLITE_ROW)
		return store_fail(st, err, "read order");
	if ((s = store_prepare(st, items, err)) == NULL)
		goto fail;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		struct order_item *it;

		o->items = xrealloc(o->items, (o->nitems + 1) *
		    sizeof *o->items);
		it = &o->items[o->nitems++];
		it->sku = col(s, 0);
		it->name = col(s, 1);
		it->qty = sqlite3_column_int64(s, 2);
		it->unit_price = sqlite3_column_double(s, 3);
		it->category = col(s, 4);
	}
	sqlite3_reset(s);
	if ((s = store_prepare(st, ship, err)) == NULL)
		goto fail;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		o->carrier = col_null(s, 0);
		o->tracking_number = col_null(s, 1);
		o->ship_status = col_null(s, 2);
		o->shipped_at = col_null(s, 3);
		o->estimated_delivery = col_null(s, 4);
		o->delivered_at = col_null(s, 5);
	}
	sqlite3_reset(s);
	return SD_OK;
fail:
	order_release(o);
	return SD_ERR_DB;
}

enum sd_rc
catalog_customer_orders(struct store *st, const char *customer, char ***ids,
    size_t *n, struct sd_error *err)
{
	static const char sql[] = "SELECT id FROM orders WHERE customer_id ="
	    " ?1 ORDER BY placed_at DESC, id DESC LIMIT 50";
	sqlite3_stmt	*s;
	char		**v = NULL;
	size_t		 cnt = 0;
	int		 r;

	*ids = NULL;
	*n = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, customer, -1, SQLITE_STATIC);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		v = xrealloc(v, (cnt + 1) * sizeof *v);
		v[cnt++] = col(s, 0);
	}
	sqlite3_reset(s);
	*ids = v;
	*n = cnt;
	if (r != SQLITE_DONE)
		return store_fail(st, err, "list orders");
	return SD_OK;
}

enum sd_rc
catalog_customer_orders_with(struct store *st, const char *customer,
    const struct order_match *m, char ***ids, size_t *n,
    struct sd_error *err)
{
	/* A laptop is any item whose category is laptops: match the SKU,
	 * the brand or the category of the catalog product, or the item's
	 * own name when it left the catalog. */
	static const char sql[] = "SELECT o.id FROM orders o JOIN order_items"
	    " i ON i.order_id = o.id LEFT JOIN products p ON p.sku = i.sku"
	    " WHERE o.customer_id = ?1 AND ((?2 IS NOT NULL AND i.sku = ?2)"
	    " OR (?3 IS NOT NULL AND p.brand = ?3 COLLATE NOCASE)"
	    " OR (?4 IS NOT NULL AND (p.category = ?4 OR p.subcategory = ?4))"
	    " OR (?5 IS NOT NULL AND i.name LIKE '%' || ?5 || '%'))"
	    " GROUP BY o.id ORDER BY o.placed_at ASC, o.id ASC LIMIT 10";
	sqlite3_stmt	*s;
	char		**v = NULL;
	size_t		 cnt = 0;
	int		 r;

	*ids = NULL;
	*n = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, customer, -1, SQLITE_STATIC);
	if (m->sku != NULL)
		sqlite3_bind_text(s, 2, m->sku, -1, SQLITE_STATIC);
	if (m->brand != NULL)
		sqlite3_bind_text(s, 3, m->brand, -1, SQLITE_STATIC);
	if (m->category != NULL)
		sqlite3_bind_text(s, 4, m->category, -1, SQLITE_STATIC);
	if (m->name != NULL && m->name[0] != '\0')
		sqlite3_bind_text(s, 5, m->name, -1, SQLITE_STATIC);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		v = xrealloc(v, (cnt + 1) * sizeof *v);
		v[cnt++] = col(s, 0);
	}
	sqlite3_reset(s);
	*ids = v;
	*n = cnt;
	if (r != SQLITE_DONE)
		return store_fail(st, err, "find orders by item");
	return SD_OK;
}

char *
catalog_family(const char *name)
{
	const char	*p = strstr(name, " (");
	char		*f = p != NULL ? xstrndup(name, (size_t)(p - name)) :
	    xstrdup(name), *w, *e, *d;

	/* "Samsung T7 Shield Portable SSD 1TB": the size said in the
	 * name is the variant, not the family. */
	for (w = f; *w != '\0'; w = e) {
		while (*w == ' ')
			w++;
		for (e = w; *e != '\0' && *e != ' '; e++)
			;
		for (d = w; d < e && isdigit((unsigned char)*d); d++)
			;
		if (d > w && e - d == 2 && (strncasecmp(d, "gb", 2) == 0 ||
		    strncasecmp(d, "tb", 2) == 0)) {
			if (w > f && w[-1] == ' ')
				w--;
			memmove(w, e, strlen(e) + 1);
			e = w;
		}
	}
	return f;
}

/*
 * The order's latest event note ("payment authorisation released",
 * "Refund of $129.00 issued to ...", "Carrier exception: ...") and its
 * time, or NULL; caller frees both.
 */
char *
catalog_order_last_event(struct store *st, const char *id, char **at)
{
	static const char sql[] = "SELECT note, at FROM order_events WHERE"
	    " order_id = ?1 AND note IS NOT NULL AND note != ''"
	    " ORDER BY seq DESC LIMIT 1";
	sqlite3_stmt	*s;
	char		*note = NULL;

	*at = NULL;
	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return NULL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		note = col_null(s, 0);
		*at = col_null(s, 1);
	}
	sqlite3_reset(s);
	return note;
}

void
catalog_customer_context(struct store *st, const struct customer *c,
    void *arg)
{
	static const char orders[] = "SELECT id, status, placed_at FROM orders"
	    " WHERE customer_id = ?1 ORDER BY placed_at DESC, id DESC LIMIT 5";
	static const char cart[] = "SELECT i.sku, i.qty, c.status FROM carts c"
	    " JOIN cart_items i ON i.cart_id = c.id WHERE c.customer_id = ?1"
	    " AND c.status IN ('active', 'abandoned')"
	    " ORDER BY c.updated_at DESC, i.sku LIMIT 20";
	static const char past[] = "SELECT count(*) FROM sessions"
	    " WHERE user_id = ?1";
	cJSON		*obj = arg, *arr, *o, *pref;
	sqlite3_stmt	*s;

	arr = cJSON_AddArrayToObject(obj, "orders");
	if ((s = store_prepare(st, orders, NULL)) != NULL) {
		sqlite3_bind_text(s, 1, c->id, -1, SQLITE_STATIC);
		while (sqlite3_step(s) == SQLITE_ROW) {
			o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "id",
			    (const char *)sqlite3_column_text(s, 0));
			cJSON_AddStringToObject(o, "status",
			    (const char *)sqlite3_column_text(s, 1));
			cJSON_AddStringToObject(o, "placed_at",
			    (const char *)sqlite3_column_text(s, 2));
			cJSON_AddItemToArray(arr, o);
		}
		sqlite3_reset(s);
	}
	arr = cJSON_AddArrayToObject(obj, "cart");
	if ((s = store_prepare(st, cart, NULL)) != NULL) {
		sqlite3_bind_text(s, 1, c->id, -1, SQLITE_STATIC);
		while (sqlite3_step(s) == SQLITE_ROW) {
			o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "sku",
			    (const char *)sqlite3_column_text(s, 0));
			cJSON_AddNumberToObject(o, "qty",
			    sqlite3_column_int(s, 1));
			cJSON_AddStringToObject(o, "cart",
			    (const char *)sqlite3_column_text(s, 2));
			cJSON_AddItemToArray(arr, o);
		}
		sqlite3_reset(s);
	}
	if ((pref = cJSON_Parse(c->preferences)) == NULL)
		pref = cJSON_CreateObject();
	cJSON_AddItemToObject(obj, "preferences", pref);
	if ((s = store_prepare(st, past, NULL)) != NULL) {
		sqlite3_bind_text(s, 1, c->id, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW)
			cJSON_AddNumberToObject(obj, "past_sessions",
			    sqlite3_column_int(s, 0));
		sqlite3_reset(s);
	}
}

enum sd_rc
catalog_customer(struct store *st, const char *id, struct customer *c,
    struct sd_error *err)
{
	static const char sql[] = "SELECT id, name, coalesce(email, ''), tier,"
	    " preferences FROM customers WHERE id = ?1";
	sqlite3_stmt	*s;
	int		 r;

	memset(c, 0, sizeof *c);
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(s)) == SQLITE_ROW) {
		c->id = col(s, 0);
		c->name = col(s, 1);
		c->email = col(s, 2);
		c->tier = col(s, 3);
		c->preferences = col(s, 4);
	}
	sqlite3_reset(s);
	if (r == SQLITE_ROW)
		return SD_OK;
	if (r == SQLITE_DONE)
		return sd_fail(err, SD_ERR_NOTFOUND, "no customer \"%s\"", id);
	return store_fail(st, err, "read customer");
}

enum sd_rc
catalog_order_set_status(struct store *st, const char *id, const char *status,
    const char *note, struct sd_error *err)
{
	static const char upd[] = "UPDATE orders SET status = ?2,"
	    " updated_at = ?3 WHERE id = ?1";
	static const char ev[] = "INSERT INTO order_events(order_id, seq, at,"
	    " status, note) VALUES (?1, (SELECT coalesce(max(seq), 0) + 1"
	    " FROM order_events WHERE order_id = ?1), ?3, ?2, ?4)";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, upd, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, store_now(), -1, SQLITE_TRANSIENT);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "update order");
	if ((s = store_prepare(st, ev, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, store_now(), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, note, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "log order event");
	return SD_OK;
}

/* Days since the epoch of "YYYY-MM-DD...", or LONG_MIN-ish on error. */
static int
parse_day(const char *s, long *day)
{
	int	 y, m, d;
	long	 era, yoe, doy, doe;

	if (s == NULL || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	/* Howard Hinnant's days_from_civil. */
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*day = era * 146097 + doe - 719468;
	return 0;
}

long
catalog_days_between(const char *a, const char *b)
{
	long	 da, db;

	if (parse_day(a, &da) != 0 || parse_day(b, &db) != 0)
		return 100000;
	return db - da;
}

/*
 * "YYYY-MM-DD" of the day n months after ISO date iso (the last day of
 * a shorter month: January 31 + 1 month is February 28), or NULL.
 */
char *
catalog_month_add(const char *iso, int n)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	 y, m, d, last;
	long	 z;

	if (parse_day(iso, &z) != 0 || sscanf(iso, "%4d-%2d-%2d", &y, &m,
	    &d) != 3 || n < 0)
		return NULL;
	m += n;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	last = mdays[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0));
	return xasprintf("%04d-%02d-%02d", y, m, d < last ? d : last);
}

/* "YYYY-MM-DD" of the day n days after ISO date iso, or NULL if bad. */
char *
catalog_day_add(const char *iso, long n)
{
	long	 z, era, doe, yoe, doy, mp, d, m, y;

	if (parse_day(iso, &z) != 0)
		return NULL;
	/* Howard Hinnant's civil_from_days, the inverse of parse_day. */
	z += n + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	return xasprintf("%04ld-%02ld-%02ld", y + (m <= 2), m, d);
}

char *
catalog_money(double amount, const char *currency)
{
	const char	*sym = "$";
	struct sbuf	 sb = SBUF_INIT;
	long long	 whole;
	int		 cents;
	char		 digits[32];
	size_t		 i, len;

	if (currency != NULL && strcmp(currency, "EUR") == 0)
		sym = "€";
	else if (currency != NULL && strcmp(currency, "GBP") == 0)
		sym = "£";
	else if (currency != NULL && *currency != '\0' &&
	    strcmp(currency, "USD") != 0)
		sym = NULL;
	whole = (long long)floor(amount + 0.005);
	cents = (int)llround((amount - (double)whole) * 100);
	if (cents >= 100) {
		whole++;
		cents -= 100;
	}
	if (cents < 0)
		cents = 0;
	snprintf(digits, sizeof digits, "%lld", whole);
	if (sym != NULL)
		sbuf_adds(&sb, sym);
	len = strlen(digits);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			sbuf_addc(&sb, ',');
		sbuf_addc(&sb, digits[i]);
	}
	if (cents != 0)
		sbuf_addf(&sb, ".%02d", cents);
	if (sym == NULL)
		sbuf_addf(&sb, " %s", currency);
	return sbuf_detach(&sb, NULL);
}
