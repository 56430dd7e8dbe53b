/*
 * catalog-memo.c owns the catalog reads a turn makes again and again,
 * kept per connection for one version of the database: the best
 * products of a category with their attributes parsed (read for every
 * need said and every spec asked of a kind), and the policy facts (a
 * scan of every policy's facts object per question).  Both are pure
 * functions of the catalog, so a cache keyed on the catalog's version
 * (store_catalog_version: any change to the catalog tables, by this
 * connection or another, moves it; a cart or order write does not)
 * answers exactly what a new read would.  The orders a turn reads (each
 * with its items and shipment, three queries, read a dozen times by a
 * turn about orders) are kept on SQLite's data version
 * (store_data_version: any commit moves it).  Only reads inside a read
 * transaction are kept (see memo_get).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "catalog.h"
#include "store.h"

/* Categories kept at once; more are read fresh after a clear. */
#define KIND_MAX	64
/* Facts kept at once (the policies state a few dozen). */
#define FACT_MAX	256
/* Orders kept at once (a customer's, a few per turn). */
#define ORDER_MAX	32
/* Products kept at once (those a turn names, shows or cites). */
#define PRODUCT_MAX	64
/* Name lookups kept at once (a turn's phrases and lines, a few each). */
#define NAMED_MAX	64

/* One category's best products, as catalog_products lists them. */
struct kind_entry {
	char		*category;
	int		 limit;		/* the limit read with */
	struct product	*v;		/* best first, n of them */
	cJSON		**attrs;	/* v[i].attrs parsed, or NULL */
	size_t		 n;
};

/* One catalog_products_named lookup: its phrase and best products. */
struct named_entry {
	char		*phrase;
	int		 limit;		/* the limit read with */
	struct product	*v;		/* best first, n of them */
	size_t		 n;
};

/* One policy fact read: its value and policy, both NULL when absent. */
struct fact_entry {
	char		*key;
	char		*value;
	char		*doc;
};

/* The connection's memo (slot STORE_SLOT_CATALOG). */
struct catalog_memo {
	int		 valid;		/* cv is the catalog version read at */
	long long	 cv;
	struct kind_entry *kinds;
	size_t		 nkinds;
	struct fact_entry *facts;
	size_t		 nfacts;
	struct order	*orders;
	size_t		 norders;
	unsigned	 orders_dv;	/* the version they were read at */
	struct product	*products;
	size_t		 nproducts;
	long long	 products_cv;	/* the catalog version they were
					   read at */
	struct named_entry *named;
	size_t		 nnamed;
	long long	 named_cv;	/* the catalog version they were
					   read at */
};

static void
kind_entry_release(struct kind_entry *e)
{
	size_t	 i;

	for (i = 0; i < e->n; i++) {
		product_release(&e->v[i]);
		cJSON_Delete(e->attrs[i]);
	}
	free(e->v);
	free(e->attrs);
	free(e->category);
	memset(e, 0, sizeof *e);
}

static void
memo_clear_kinds(struct catalog_memo *m)
{
	size_t	 i;

	for (i = 0; i < m->nkinds; i++)
		kind_entry_release(&m->kinds[i]);
	m->nkinds = 0;
}

static void
memo_clear_facts(struct catalog_memo *m)
{
	size_t	 i;

	for (i = 0; i < m->nfacts; i++) {
		free(m->facts[i].key);
		free(m->facts[i].value);
		free(m->facts[i].doc);
	}
	m->nfacts = 0;
}

static void
memo_clear_orders(struct catalog_memo *m)
{
	size_t	 i;

	for (i = 0; i < m->norders; i++)
		order_release(&m->orders[i]);
	m->norders = 0;
}

static void
memo_clear_products(struct catalog_memo *m)
{
	size_t	 i;

	for (i = 0; i < m->nproducts; i++)
		product_release(&m->products[i]);
	m->nproducts = 0;
}

static void
named_entry_release(struct named_entry *e)
{
	size_t	 i;

	for (i = 0; i < e->n; i++)
		product_release(&e->v[i]);
	free(e->v);
	free(e->phrase);
	memset(e, 0, sizeof *e);
}

static void
memo_clear_named(struct catalog_memo *m)
{
	size_t	 i;

	for (i = 0; i < m->nnamed; i++)
		named_entry_release(&m->named[i]);
	m->nnamed = 0;
}

static void
memo_free(void *p)
{
	struct catalog_memo *m = p;

	if (m == NULL)
		return;
	memo_clear_kinds(m);
	memo_clear_facts(m);
	memo_clear_orders(m);
	memo_clear_products(m);
	memo_clear_named(m);
	free(m->kinds);
	free(m->facts);
	free(m->orders);
	free(m->products);
	free(m->named);
	free(m);
}

/*
 * The connection's memo, emptied when the database changed since it was
 * filled; *current is 0 when nothing read now may be kept (the
 * connection is writing, or the version cannot be read).
 */
static struct catalog_memo *
memo_slot(struct store *st)
{
	struct catalog_memo *m = store_slot_get(st, STORE_SLOT_CATALOG);

	if (m == NULL) {
		m = xcalloc(1, sizeof *m);
		m->kinds = xcalloc(KIND_MAX, sizeof *m->kinds);
		m->facts = xcalloc(FACT_MAX, sizeof *m->facts);
		m->orders = xcalloc(ORDER_MAX, sizeof *m->orders);
		m->products = xcalloc(PRODUCT_MAX, sizeof *m->products);
		m->named = xcalloc(NAMED_MAX, sizeof *m->named);
		store_slot_set(st, STORE_SLOT_CATALOG, m, memo_free);
	}
	return m;
}

static struct catalog_memo *
memo_get(struct store *st, int *current)
{
	struct catalog_memo *m = memo_slot(st);
	long long	 cv = 0;

	/*
	 * Only inside a read transaction: the version a connection reports
	 * is the one of its last read, so outside one another connection's
	 * commit would not show yet (a turn's reads share one).
	 */
	*current = sqlite3_txn_state(store_db(st), "main") ==
	    SQLITE_TXN_READ && store_catalog_version(st, &cv) == 0;
	if (!m->valid || !*current || m->cv != cv) {
		memo_clear_kinds(m);
		memo_clear_facts(m);
		memo_clear_orders(m);
		memo_clear_products(m);
	}
	m->valid = *current;
	m->cv = cv;
	return m;
}

/* Read category's best limit products into e. */
static enum sd_rc
kind_read(struct store *st, const char *category, int limit,
    struct kind_entry *e, struct sd_error *err)
{
	struct product_filter f;
	size_t		 i;
	enum sd_rc	 rc;

	memset(&f, 0, sizeof f);
	f.category = category;
	f.max_price = f.min_price = -1;
	f.limit = limit;
	if ((rc = catalog_products(st, &f, &e->v, &e->n, err)) != SD_OK)
		return rc;
	e->attrs = xcalloc(e->n + 1, sizeof *e->attrs);
	for (i = 0; i < e->n; i++)
		e->attrs[i] = cJSON_Parse(e->v[i].attrs);
	e->category = xstrdup(category);
	e->limit = limit;
	return SD_OK;
}

enum sd_rc
catalog_kind(struct store *st, const char *category, int limit,
    struct catalog_kind *k, struct sd_error *err)
{
	struct catalog_memo *m;
	struct kind_entry *e = NULL, got;
	size_t		 i;
	int		 current;
	enum sd_rc	 rc;

	memset(k, 0, sizeof *k);
	memset(&got, 0, sizeof got);
	if (limit <= 0)
		limit = 5;	/* as catalog_products */
	m = memo_get(st, &current);
	for (i = 0; i < m->nkinds && e == NULL; i++)
		if (strcmp(m->kinds[i].category, category) == 0)
			e = &m->kinds[i];
	/*
	 * Listed best first by a total order (the sku last), the best 60
	 * are the first 60 of the best 200: a longer list serves a
	 * shorter one.
	 */
	if (e == NULL || e->limit < limit) {
		if ((rc = kind_read(st, category, limit, &got, err)) !=
		    SD_OK) {
			kind_entry_release(&got);
			return rc;
		}
		if (e != NULL)
			kind_entry_release(e);
		else {
			if (m->nkinds == KIND_MAX)
				memo_clear_kinds(m);
			e = &m->kinds[m->nkinds++];
		}
		*e = got;
	}
	k->v = e->v;
	k->attrs = e->attrs;
	k->n = e->n < (size_t)limit ? e->n : (size_t)limit;
	return SD_OK;
}

/* The facts query itself (see catalog_policy_fact). */
static char *
fact_read(struct store *st, const char *key, char **doc)
{
	/* ingest keeps each policy's "facts" object in meta "facts:<id>". */
	static const char sql[] = "SELECT json_extract(value, '$.' || ?1),"
	    " substr(key, 7) FROM meta WHERE key LIKE 'facts:%'"
	    " AND json_type(value, '$.' || ?1) IS NOT NULL"
	    " ORDER BY key LIMIT 1";
	sqlite3_stmt	*s;
	const unsigned char *t;
	char		*v = NULL;

	*doc = NULL;
	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return NULL;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		if ((t = sqlite3_column_text(s, 0)) != NULL)
			v = xstrdup((const char *)t);
		if ((t = sqlite3_column_text(s, 1)) != NULL)
			*doc = xstrdup((const char *)t);
	}
	sqlite3_reset(s);
	return v;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

char *
catalog_policy_fact(struct store *st, const char *key, char **doc)
{
	struct catalog_memo *m;
	struct fact_entry *f = NULL;
	char		*v, *d;
	size_t		 i;
	int		 current;

	m = memo_get(st, &current);

	for (i = 0; i < m->nfacts && f == NULL; i++)
		if (strcmp(m->facts[i].key, key) == 0)
			f = &m->facts[i];
	if (f == NULL) {
		v = fact_read(st, key, &d);
		if (!current) {
			if (doc != NULL)
				*doc = d;
			else
				free(d);
			return v;
		}
		if (m->nfacts == FACT_MAX)
			memo_clear_facts(m);
		f = &m->facts[m->nfacts++];
		f->key = xstrdup(key);
		f->value = v;
		f->doc = d;
	}
	if (doc != NULL)
		*doc = dup_or_null(f->doc);
	return dup_or_null(f->value);
}

/* A copy of o into c, every string its own. */
static void
order_copy(struct order *c, const struct order *o)
{
	size_t	 i;

	memset(c, 0, sizeof *c);
	c->id = dup_or_null(o->id);
	c->customer_id = dup_or_null(o->customer_id);
	c->status = dup_or_null(o->status);
	c->placed_at = dup_or_null(o->placed_at);
	c->updated_at = dup_or_null(o->updated_at);
	c->total = o->total;
	c->currency = dup_or_null(o->currency);
	c->payment_method = dup_or_null(o->payment_method);
	if (o->nitems > 0) {
		c->items = xcalloc(o->nitems, sizeof *c->items);
		for (i = 0; i < o->nitems; i++) {
			c->items[i] = o->items[i];
			c->items[i].sku = dup_or_null(o->items[i].sku);
			c->items[i].name = dup_or_null(o->items[i].name);
			c->items[i].category =
			    dup_or_null(o->items[i].category);
		}
	}
	c->nitems = o->nitems;
	c->carrier = dup_or_null(o->carrier);
	c->tracking_number = dup_or_null(o->tracking_number);
	c->ship_status = dup_or_null(o->ship_status);
	c->shipped_at = dup_or_null(o->shipped_at);
	c->estimated_delivery = dup_or_null(o->estimated_delivery);
	c->delivered_at = dup_or_null(o->delivered_at);
}

/*
 * Orders are handed out as copies, so unlike the other memos a read of
 * one outside a read transaction leaves the memo as it is: a caller's
 * catalog_kind stays valid across catalog_order.
 */
enum sd_rc
catalog_order(struct store *st, const char *id, struct order *o,
    struct sd_error *err)
{
	struct catalog_memo *m;
	unsigned	 dv = 0;
	size_t		 i;
	enum sd_rc	 rc;

	if (sqlite3_txn_state(store_db(st), "main") != SQLITE_TXN_READ ||
	    store_data_version(st, &dv) != 0)
		return catalog_order_read(st, id, o, err);
	m = memo_slot(st);
	if (m->orders_dv != dv) {
		memo_clear_orders(m);
		m->orders_dv = dv;
	}
	for (i = 0; i < m->norders; i++)
		if (strcmp(m->orders[i].id, id) == 0) {
			order_copy(o, &m->orders[i]);
			return SD_OK;
		}
	if ((rc = catalog_order_read(st, id, o, err)) != SD_OK)
		return rc;
	/* Kept under the id asked for: the row's id is the same text. */
	if (strcmp(o->id, id) != 0)
		return SD_OK;
	if (m->norders == ORDER_MAX)
		memo_clear_orders(m);
	order_copy(&m->orders[m->norders++], o);
	return SD_OK;
}

/* A copy of p into c, every string its own. */
static void
product_copy(struct product *c, const struct product *p)
{
	*c = *p;
	c->sku = dup_or_null(p->sku);
	c->name = dup_or_null(p->name);
	c->brand = dup_or_null(p->brand);
	c->model = dup_or_null(p->model);
	c->category = dup_or_null(p->category);
	c->subcategory = dup_or_null(p->subcategory);
	c->description = dup_or_null(p->description);
	c->currency = dup_or_null(p->currency);
	c->review_summary = dup_or_null(p->review_summary);
	c->warranty = dup_or_null(p->warranty);
	c->extended_warranty = dup_or_null(p->extended_warranty);
	c->attrs = dup_or_null(p->attrs);
	c->tags = dup_or_null(p->tags);
}

/* Kept and handed out as catalog_order's orders (see there). */
enum sd_rc
catalog_product_by_sku(struct store *st, const char *sku, struct product *p,
    struct sd_error *err)
{
	struct catalog_memo *m;
	long long	 cv = 0;
	size_t		 i;
	enum sd_rc	 rc;

	if (sqlite3_txn_state(store_db(st), "main") != SQLITE_TXN_READ ||
	    store_catalog_version(st, &cv) != 0)
		return catalog_product_read(st, sku, p, err);
	m = memo_slot(st);
	if (m->products_cv != cv) {
		memo_clear_products(m);
		m->products_cv = cv;
	}
	for (i = 0; i < m->nproducts; i++)
		if (strcmp(m->products[i].sku, sku) == 0) {
			product_copy(p, &m->products[i]);
			return SD_OK;
		}
	if ((rc = catalog_product_read(st, sku, p, err)) != SD_OK)
		return rc;
	if (strcmp(p->sku, sku) != 0)
		return SD_OK;
	if (m->nproducts == PRODUCT_MAX)
		memo_clear_products(m);
	product_copy(&m->products[m->nproducts++], p);
	return SD_OK;
}

/*
 * Kept and handed out as copies, as catalog_product_by_sku's products.
 * Listed best first by a total order (the sku last), so a lookup read
 * with a larger limit serves a smaller one with its first products.
 */
enum sd_rc
catalog_products_named(struct store *st, const char *phrase, int limit,
    struct product **out, size_t *n, struct sd_error *err)
{
	struct catalog_memo *m;
	struct named_entry *e = NULL;
	struct product	*v;
	long long	 cv = 0;
	size_t		 i, k;
	enum sd_rc	 rc;

	if (sqlite3_txn_state(store_db(st), "main") != SQLITE_TXN_READ ||
	    store_catalog_version(st, &cv) != 0)
		return catalog_products_named_read(st, phrase, limit, out, n,
		    err);
	if (limit <= 0)
		limit = 20;	/* as catalog_products_named_read */
	m = memo_slot(st);
	if (m->named_cv != cv) {
		memo_clear_named(m);
		m->named_cv = cv;
	}
	for (i = 0; i < m->nnamed && e == NULL; i++)
		if (m->named[i].limit >= limit &&
		    strcmp(m->named[i].phrase, phrase) == 0)
			e = &m->named[i];
	if (e == NULL) {
		if ((rc = catalog_products_named_read(st, phrase, limit, &v,
		    &k, err)) != SD_OK) {
			*out = v;
			*n = k;
			return rc;
		}
		if (m->nnamed == NAMED_MAX)
			memo_clear_named(m);
		e = &m->named[m->nnamed++];
		e->phrase = xstrdup(phrase);
		e->limit = limit;
		e->v = v;
		e->n = k;
	}
	*n = e->n < (size_t)limit ? e->n : (size_t)limit;
	*out = NULL;
	if (*n > 0) {
		*out = xcalloc(*n, sizeof **out);
		for (i = 0; i < *n; i++)
			product_copy(&(*out)[i], &e->v[i]);
	}
	return SD_OK;
}
