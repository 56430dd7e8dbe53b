/*
 * Unit tests for the catalog reads turns repeat: catalog_attr's scanner
 * answers as a whole parse of the attributes does, on every product of
 * the demo store and on texts that stray from what ingest writes;
 * catalog_kind, catalog_policy_fact, catalog_order and
 * catalog_product_by_sku answer as a fresh read does, and a change of
 * the database, by this connection or another, is seen after they
 * cached; catalog_walk hands out the products catalog_products lists,
 * in its order; synonyms of one term are those of the whole list;
 * catalog_cart_set_qty changes the one line meant and no other.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "catalog.h"
#include "ingest.h"
#include "sbuf.h"
#include "search.h"
#include "store.h"
#include "tap.h"
#include "seed.h"

/* catalog_attr as it was: the whole text parsed, the key looked up. */
static char *
attr_oracle(const char *attrs, const char *key)
{
	cJSON	*root = cJSON_Parse(attrs), *it, *e;
	char	*v = NULL;
	struct sbuf sb = SBUF_INIT;

	it = cJSON_GetObjectItemCaseSensitive(root, key);
	if (cJSON_IsString(it))
		v = xstrdup(it->valuestring);
	else if (cJSON_IsNumber(it))
		v = it->valuedouble == floor(it->valuedouble) &&
		    fabs(it->valuedouble) < 1e15 ?
		    xasprintf("%.0f", it->valuedouble) :
		    xasprintf("%g", it->valuedouble);
	else if (cJSON_IsBool(it))
		v = xstrdup(cJSON_IsTrue(it) ? "yes" : "no");
	else if (cJSON_IsArray(it)) {
		cJSON_ArrayForEach(e, it)
			if (cJSON_IsString(e))
				sbuf_addf(&sb, "%s%s", sb.len > 0 ? ", " : "",
				    e->valuestring);
		v = sbuf_detach(&sb, NULL);
	}
	sbuf_release(&sb);
	cJSON_Delete(root);
	return v;
}

/* Does catalog_attr(attrs, key) give what the oracle does?  Diag if not. */
static int
attr_agrees(const char *attrs, const char *key)
{
	struct product	 p;
	char		*got, *want = attr_oracle(attrs, key);
	int		 same;

	memset(&p, 0, sizeof p);
	p.attrs = (char *)attrs;
	got = catalog_attr(&p, key);
	same = (got == NULL && want == NULL) || (got != NULL && want != NULL &&
	    strcmp(got, want) == 0);
	if (!same)
		diag("attrs %s key \"%s\": got %s, want %s", attrs, key,
		    got != NULL ? got : "NULL", want != NULL ? want : "NULL");
	free(got);
	free(want);
	return same;
}

/* Texts ingest never writes, each cut at every length, as well. */
static void
attr_texts(void)
{
	static const char *const texts[] = {
		"{\"a\":1}", "{\"a\":1.5,\"b\":-0.5e3}",
		"{\"a\":\"14.2\\\" screen\",\"b\":\"x\\\\y\\/z\\n\"}",
		"{\"a\":true,\"b\":false,\"c\":null}",
		"{\"a\":[\"x\",\"y\",3,{\"z\":1}],\"b\":[]}",
		"{\"b\":{\"a\":1},\"a\":2}", "{\"a\":1,\"a\":2}",
		"{\"a\\u0062\":1,\"ab\":2}", "{\"a\":\"\\u00e9t\\u00e9\"}",
		"{\"x\":\"\\ud800\",\"a\":1}", "{\"a\":\"\\ud83d\\ude00\"}",
		" \t\n{ \"a\" : 2 , \"b\" : [ 1 , 2 ] } trailing",
		"{\"a\":01}", "{\"a\":1,}", "{\"a\":1.}", "{\"a\":.5}",
		"{\"a\":1e400}", "{\"a\":12345678901234567890}",
		"{\"a\":\"tab\there\"}", "{\"a\":\"\\x\"}", "{\"a\" 1}",
		"{\"a\":tru}", "{\"a\":truex}", "[{\"a\":1}]", "null", "",
		"{\"a\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]],\"b\":2}",
		"\xef\xbb\xbf{\"a\":1}", "{\"\":1,\"a\":\"\"}",
		"{\"a\":\"caf\xc3\xa9\",\"b\":-0}",
	};
	static const char *const keys[] = { "a", "b", "c", "ab", "", "z" };
	size_t	 i, j, len, bad = 0, n = 0;
	char	*cut;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
		for (len = 0; len <= strlen(texts[i]); len++) {
			cut = xstrndup(texts[i], len);
			for (j = 0; j < sizeof keys / sizeof keys[0]; j++) {
				n++;
				bad += !attr_agrees(cut, keys[j]);
			}
			free(cut);
		}
	ok(bad == 0, "catalog_attr agrees with a whole parse on %zu texts "
	    "and keys out of the ordinary", n);
}

/* Every key of every product of v, and one no product has. */
static void
attr_catalog(const struct product *v, size_t n)
{
	cJSON	*root, *it;
	size_t	 i, bad = 0, tried = 0;

	for (i = 0; i < n; i++) {
		root = cJSON_Parse(v[i].attrs);
		cJSON_ArrayForEach(it, root) {
			tried++;
			bad += !attr_agrees(v[i].attrs, it->string);
		}
		cJSON_Delete(root);
		tried++;
		bad += !attr_agrees(v[i].attrs, "no_such_key");
	}
	ok(bad == 0 && tried > 1000, "catalog_attr agrees with a whole parse "
	    "on every attribute of the demo catalog (%zu)", tried);
}

/* The sku of the best product of category (first of catalog_kind). */
static char *
kind_first(struct store *st, const char *category, int limit, size_t *n)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct catalog_kind k;

	*n = 0;
	if (catalog_kind(st, category, limit, &k, &err) != SD_OK) {
		diag("%s", sd_error_msg(&err));
		sd_error_clear(&err);
		return NULL;
	}
	*n = k.n;
	return k.n > 0 ? xstrdup(k.v[0].sku) : NULL;
}

/* Run sql with text ?1 on st; 0 on success. */
static int
run(struct store *st, const char *sql, const char *arg)
{
	sqlite3_stmt	*s = NULL;
	int		 r;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (arg != NULL)
		sqlite3_bind_text(s, 1, arg, -1, SQLITE_TRANSIENT);
	r = sqlite3_step(s);
	sqlite3_finalize(s);
	return r == SQLITE_DONE || r == SQLITE_ROW ? 0 : -1;
}

/* A turn's snapshot: a read transaction that has read. */
static void
read_begin(struct store *st)
{
	struct sd_error	 err = SD_ERROR_INIT;

	if (store_begin_read(st, &err) != SD_OK ||
	    run(st, "SELECT count(*) FROM products", NULL) != 0)
		diag("read transaction: %s", sd_error_msg(&err));
	sd_error_clear(&err);
}

static void
read_end(struct store *st)
{
	struct sd_error	 err = SD_ERROR_INIT;

	if (store_commit(st, &err) != SD_OK)
		diag("%s", sd_error_msg(&err));
	sd_error_clear(&err);
}

/* catalog_kind is catalog_products' list, parsed, and follows changes. */
static void
kind_tests(struct store *st, struct store *other)
{
	static const char best[] = "UPDATE products SET rating = 5,"
	    " review_count = 1000000 WHERE sku = ?1";
	struct sd_error	 err = SD_ERROR_INIT;
	struct product_filter f = { "laptops", NULL, NULL, -1, -1, 0, 60 };
	struct product	*v = NULL;
	struct catalog_kind k;
	size_t		 n = 0, i, same = 0, n60, n200;
	char		*first, *last = NULL, *again;

	read_begin(st);
	if (catalog_products(st, &f, &v, &n, &err) != SD_OK)
		diag("%s", sd_error_msg(&err));
	if (catalog_kind(st, "laptops", 200, &k, &err) == SD_OK)
		for (i = 0; i < n && i < k.n; i++)
			same += strcmp(k.v[i].sku, v[i].sku) == 0 &&
			    strcmp(k.v[i].attrs, v[i].attrs) == 0 &&
			    cJSON_IsObject(k.attrs[i]);
	n200 = k.n;
	ok(n > 10 && same == n, "the best 60 laptops of catalog_kind are "
	    "catalog_products' (%zu of %zu)", same, n);
	first = kind_first(st, "laptops", 60, &n60);
	ok(n60 == n && n200 >= n60, "a list of 200 read first serves one "
	    "of 60 (%zu, %zu)", n60, n200);
	free(kind_first(st, "laptops", 10, &n60));
	ok(n60 == 10 && catalog_kind(st, "laptops", 10, &k, &err) == SD_OK &&
	    k.n == 10 && strcmp(k.v[9].sku, v[9].sku) == 0,
	    "and one of 10: the first 10");
	if (n > 0)
		last = xstrdup(v[n - 1].sku);
	read_end(st);

	/* This connection writes: the next turn sees it. */
	ok(run(st, best, last) == 0, "the last of the 60 made the best");
	read_begin(st);
	again = kind_first(st, "laptops", 60, &n60);
	is_str(again, last, "catalog_kind sees this connection's change");
	read_end(st);
	free(again);

	/* Another connection writes: seen at the next read transaction. */
	read_begin(st);
	free(kind_first(st, "laptops", 60, &n60));	/* cached again */
	read_end(st);
	ok(n > 2 && run(other, best, v[n - 2].sku) == 0 && run(other,
	    "UPDATE products SET review_count = 2000000 WHERE sku = ?1",
	    v[n - 2].sku) == 0, "another connection makes a third the best");
	read_begin(st);
	again = kind_first(st, "laptops", 60, &n60);
	is_str(again, v[n - 2].sku, "catalog_kind sees another connection's "
	    "change");
	read_end(st);
	free(again);

	/* Outside a read transaction nothing is kept: still current. */
	ok(run(other, best, last) == 0 && run(other, "UPDATE products SET"
	    " review_count = 3000000 WHERE sku = ?1", last) == 0,
	    "and the last again");
	again = kind_first(st, "laptops", 60, &n60);
	is_str(again, last, "catalog_kind outside a transaction is current");
	free(again);
	ok(catalog_kind(st, "no-such-kind", 60, &k, &err) == SD_OK &&
	    k.n == 0, "a category without products is an empty list");
	sd_error_clear(&err);
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
	free(first);
	free(last);
}

/* catalog_policy_fact follows a policy change after it cached. */
static void
fact_tests(struct store *st, struct store *other)
{
	static const char set[] = "UPDATE meta SET value = json_set(value,"
	    " '$.return_window_days', ?1) WHERE key = (SELECT key FROM meta"
	    " WHERE key LIKE 'facts:%' AND json_type(value,"
	    " '$.return_window_days') IS NOT NULL ORDER BY key LIMIT 1)";
	char	*v, *doc = NULL, *v2, *doc2 = NULL;

	read_begin(st);
	v = catalog_policy_fact(st, "return_window_days", &doc);
	v2 = catalog_policy_fact(st, "return_window_days", &doc2);
	ok(v != NULL && doc != NULL && v2 != NULL && doc2 != NULL &&
	    strcmp(v, v2) == 0 && strcmp(doc, doc2) == 0,
	    "a policy fact read twice reads the same (%s of %s)",
	    v != NULL ? v : "NULL", doc != NULL ? doc : "NULL");
	free(v2);
	v2 = catalog_policy_fact(st, "no_such_fact", NULL);
	ok(v2 == NULL, "a fact no policy states is NULL");
	read_end(st);
	free(v);
	free(doc);
	free(doc2);

	ok(run(st, set, "77") == 0, "this connection changes the window");
	read_begin(st);
	v = catalog_policy_fact(st, "return_window_days", NULL);
	is_str(v, "77", "catalog_policy_fact sees this connection's change");
	read_end(st);
	free(v);
	ok(run(other, set, "88") == 0, "another connection changes it");
	read_begin(st);
	v = catalog_policy_fact(st, "return_window_days", NULL);
	is_str(v, "88", "catalog_policy_fact sees another connection's "
	    "change");
	read_end(st);
	free(v);
	free(v2);
}

/* The status and ship status of order id as catalog_order reads them. */
static char *
order_says(struct store *st, const char *id)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct order	 o;
	char		*s;

	if (catalog_order(st, id, &o, &err) != SD_OK) {
		s = xasprintf("error: %s", sd_error_msg(&err));
		sd_error_clear(&err);
		return s;
	}
	s = xasprintf("%s %s %zu", o.status, o.ship_status ? o.ship_status :
	    "-", o.nitems);
	order_release(&o);
	return s;
}

/* catalog_order answers as a fresh read and follows changes. */
static void
order_tests(struct store *st, struct store *other)
{
	static const char set[] = "UPDATE orders SET status = ?1"
	    " WHERE id = '12345'";
	struct sd_error	 err = SD_ERROR_INIT;
	struct order	 a, b;
	char		*s;
	int		 same = 0;

	read_begin(st);
	if (catalog_order_read(st, "12345", &a, &err) == SD_OK &&
	    catalog_order(st, "12345", &b, &err) == SD_OK) {
		order_release(&b);
		if (catalog_order(st, "12345", &b, &err) == SD_OK) {
			same = strcmp(a.status, b.status) == 0 &&
			    a.nitems == b.nitems && a.nitems > 0 &&
			    strcmp(a.items[0].sku, b.items[0].sku) == 0 &&
			    strcmp(a.items[0].category,
			    b.items[0].category) == 0 && a.total == b.total &&
			    (a.carrier == NULL) == (b.carrier == NULL) &&
			    (a.carrier == NULL || strcmp(a.carrier,
			    b.carrier) == 0);
			order_release(&b);
		}
		order_release(&a);
	}
	ok(same, "an order kept is the order read");
	s = order_says(st, "no-such-order");
	ok(strncmp(s, "error: ", 7) == 0, "no order is an error (%s)", s);
	free(s);
	read_end(st);

	ok(run(st, set, "processing") == 0, "this connection changes it");
	read_begin(st);
	s = order_says(st, "12345");
	ok(strncmp(s, "processing ", 11) == 0, "catalog_order sees this "
	    "connection's change (%s)", s);
	free(s);
	read_end(st);
	ok(run(other, set, "delivered") == 0, "another connection changes "
	    "it");
	read_begin(st);
	s = order_says(st, "12345");
	ok(strncmp(s, "delivered ", 10) == 0, "catalog_order sees another "
	    "connection's change (%s)", s);
	free(s);
	read_end(st);
	ok(run(other, set, "shipped") == 0, "and back");
	s = order_says(st, "12345");
	ok(strncmp(s, "shipped ", 8) == 0, "catalog_order outside a "
	    "transaction is current (%s)", s);
	free(s);
}

/* The price of sku as catalog_product_by_sku reads it, or -1. */
static double
price_of(struct store *st, const char *sku)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct product	 p;
	double		 v;

	if (catalog_product_by_sku(st, sku, &p, &err) != SD_OK) {
		sd_error_clear(&err);
		return -1;
	}
	v = p.price;
	product_release(&p);
	return v;
}

/* catalog_product_by_sku answers as a fresh read and follows changes. */
static void
product_tests(struct store *st, struct store *other)
{
	static const char set[] = "UPDATE products SET price = ?1"
	    " WHERE sku = 'LAP-1008'";
	struct sd_error	 err = SD_ERROR_INIT;
	struct product	 a, b;
	int		 same = 0;

	read_begin(st);
	if (catalog_product_read(st, "LAP-1008", &a, &err) == SD_OK &&
	    catalog_product_by_sku(st, "LAP-1008", &b, &err) == SD_OK) {
		product_release(&b);
		if (catalog_product_by_sku(st, "LAP-1008", &b, &err) ==
		    SD_OK) {
			same = a.id == b.id && strcmp(a.name, b.name) == 0 &&
			    strcmp(a.attrs, b.attrs) == 0 &&
			    strcmp(a.tags, b.tags) == 0 &&
			    strcmp(a.description, b.description) == 0 &&
			    a.price == b.price && a.stock == b.stock &&
			    a.warranty_months == b.warranty_months;
			product_release(&b);
		}
		product_release(&a);
	}
	sd_error_clear(&err);
	ok(same, "a product kept is the product read");
	ok(price_of(st, "NO-SUCH-SKU") == -1, "no product is an error");
	read_end(st);
	ok(run(st, set, "1111") == 0, "this connection changes a price");
	read_begin(st);
	ok(price_of(st, "LAP-1008") == 1111, "catalog_product_by_sku sees "
	    "this connection's change");
	read_end(st);
	ok(run(other, set, "1222") == 0, "another connection changes it");
	read_begin(st);
	ok(price_of(st, "LAP-1008") == 1222, "catalog_product_by_sku sees "
	    "another connection's change");
	read_end(st);
	ok(run(other, set, "1333") == 0 && price_of(st, "LAP-1008") == 1333,
	    "catalog_product_by_sku outside a transaction is current");
}

/* The skus and prices of a named lookup, "sku price ...", or NULL. */
static char *
named_says(struct store *st, const char *phrase, int limit, int fresh)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 b = SBUF_INIT;
	struct product	*v = NULL;
	char		*says;
	size_t		 i, n = 0;
	enum sd_rc	 rc;

	rc = fresh ? catalog_products_named_read(st, phrase, limit, &v, &n,
	    &err) : catalog_products_named(st, phrase, limit, &v, &n, &err);
	sd_error_clear(&err);
	for (i = 0; i < n; i++) {
		sbuf_addf(&b, "%s %.2f ", v[i].sku, v[i].price);
		product_release(&v[i]);
	}
	free(v);
	says = rc == SD_OK ? xstrdup(b.len > 0 ? b.buf : "") : NULL;
	sbuf_release(&b);
	return says;
}

/*
 * catalog_products_named answers as a fresh read (a longer list kept
 * serves a shorter one), keeps its answer across a cart write and
 * follows a change to the catalog.
 */
static void
named_tests(struct store *st, struct store *other)
{
	static const char set[] = "UPDATE products SET price = ?1"
	    " WHERE sku = 'LAP-1008'";
	static const char cart[] = "INSERT OR IGNORE INTO carts(id,"
	    " customer_id, created_at, updated_at) SELECT ?1, id, 'x', 'x'"
	    " FROM customers LIMIT 1";
	char		*a, *b, *c;

	read_begin(st);
	a = named_says(st, "ASUS", 3, 1);
	b = named_says(st, "ASUS", 20, 0);
	c = named_says(st, "ASUS", 3, 0);
	ok(a != NULL && c != NULL && *a != '\0' && strcmp(a, c) == 0 &&
	    strncmp(b, a, strlen(a)) == 0, "a named lookup kept is the "
	    "lookup read, a longer one serving a shorter (%s)", c);
	free(b);
	free(c);
	b = named_says(st, "no such line at all", 5, 0);
	ok(b != NULL && *b == '\0', "a phrase no name holds finds nothing");
	free(b);
	read_end(st);
	ok(run(other, cart, "named-cart") == 0, "another connection writes "
	    "a cart");
	read_begin(st);
	ok(store_catalog_version(st, &(long long){ 0 }) == 0, "the catalog "
	    "version reads");
	b = named_says(st, "ASUS", 3, 0);
	is_str(b, a, "the lookup after a cart write is the same");
	free(a);
	free(b);
	read_end(st);
	ok(run(other, set, "1444") == 0, "another connection changes a price");
	read_begin(st);
	a = named_says(st, "ASUS ROG Strix", 20, 0);
	ok(a != NULL && strstr(a, "LAP-1008 1444.00") != NULL,
	    "catalog_products_named sees the change (%s)", a);
	free(a);
	read_end(st);
}

/* What a walk compares against: the products catalog_products listed. */
struct walk_check {
	const struct product *v;
	size_t		 n, seen, same;
};

static int
streq(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static void
walk_one(void *arg, const struct product *p)
{
	struct walk_check *w = arg;
	const struct product *q = w->seen < w->n ? &w->v[w->seen] : NULL;

	w->seen++;
	if (q != NULL && streq(p->sku, q->sku) && streq(p->name, q->name) &&
	    streq(p->brand, q->brand) && streq(p->category, q->category) &&
	    streq(p->subcategory, q->subcategory) &&
	    streq(p->description, q->description) &&
	    streq(p->attrs, q->attrs) && streq(p->tags, q->tags) &&
	    p->model == NULL && p->review_summary == NULL)
		w->same++;
}

/* catalog_walk hands out what catalog_products lists, in its order. */
static void
walk_tests(struct store *st, const struct product *v, size_t n)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct walk_check w = { v, n, 0, 0 };
	enum sd_rc	 rc;

	rc = catalog_walk(st, 100000, walk_one, &w, &err);
	ok(rc == SD_OK && n > 100 && w.seen == n && w.same == n, "catalog_walk hands out "
	    "every product as catalog_products lists it (%zu of %zu)",
	    w.same, n);
	memset(&w, 0, sizeof w);
	w.v = v;
	w.n = n;
	ok(catalog_walk(st, 7, walk_one, &w, &err) == SD_OK &&
	    w.seen == 7 && w.same == 7, "a walk stops at its limit, the best "
	    "first");
	sd_error_clear(&err);
}

static int
syn_collect(void *arg, const char *term, const char *syn, const char *src)
{
	sbuf_addf(arg, "%s=%s(%s) ", term, syn, src);
	return 0;
}

/* Synonyms of one term, read by the term's own statement. */
static void
synonym_tests(struct store *st)
{
	static const char *const two[] = { "tele", "telly" };
	static const char *const cell[] = { "cell" };
	static const char *const syns[] = { "test word" };
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 all = SBUF_INIT, one = SBUF_INIT, want = SBUF_INIT;
	const char	*p, *e;

	/* Terms on both sides of the one looked up. */
	if (synonyms_add(st, "aaa phone", cell, 1, NULL, NULL, &err) !=
	    SD_OK || synonyms_add(st, "television", two, 2, NULL, NULL,
	    &err) != SD_OK || synonyms_add(st, "zzz tv", cell, 1, NULL,
	    NULL, &err) != SD_OK)
		diag("%s", sd_error_msg(&err));
	sd_error_clear(&err);
	synonyms_list(st, NULL, syn_collect, &all, &err);
	for (p = all.buf; (e = strchr(p, ' ')) != NULL; p = e + 1)
		if (strncmp(p, "television=", 11) == 0)
			sbuf_add(&want, p, (size_t)(e - p + 1));
	ok(synonyms_list(st, "Television", syn_collect, &one, &err) ==
	    SD_OK && want.len > 0 && strcmp(one.buf, want.buf) == 0,
	    "synonyms of one term are its lines of the whole list (%s)",
	    one.buf);
	sbuf_reset(&one);
	ok(synonyms_add(st, "zzyzx", syns, 1, NULL, NULL, &err) == SD_OK &&
	    synonyms_list(st, "zzyzx", syn_collect, &one, &err) == SD_OK &&
	    strstr(one.buf, "zzyzx=test word") != NULL,
	    "a synonym added is listed");
	sd_error_clear(&err);
	sbuf_release(&all);
	sbuf_release(&one);
	sbuf_release(&want);
}

/* The count of sku in customer's cart as listed, -1 when not there. */
static int
cart_qty(struct store *st, const char *customer, const char *sku)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct cart_item *v = NULL;
	size_t		 n = 0, i;
	int		 q = -1;

	if (catalog_cart_items(st, customer, &v, &n, &err) != SD_OK)
		diag("%s", sd_error_msg(&err));
	sd_error_clear(&err);
	for (i = 0; i < n; i++)
		if (strcmp(v[i].sku, sku) == 0)
			q = v[i].qty;
	catalog_cart_items_free(v, n);
	return q;
}

/* A line's count set: that line alone changes, a line not in the cart
 * is never made, a count of 0 takes the line out. */
static void
cart_tests(struct store *st)
{
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*c = "C1001", *o = "C1002";
	int		 ch = -1, before = cart_qty(st, c, "AUD-1008");

	ok(catalog_cart_add(st, c, "ACC-1197", 14.99, &err) == SD_OK &&
	    catalog_cart_add(st, o, "ACC-1197", 14.99, &err) == SD_OK &&
	    cart_qty(st, c, "ACC-1197") == 1, "a line is added");
	ok(catalog_cart_set_qty(st, c, "ACC-1197", 3, &ch, &err) == SD_OK &&
	    ch == 1 && cart_qty(st, c, "ACC-1197") == 3,
	    "set_qty makes the line hold 3");
	ok(cart_qty(st, c, "AUD-1008") == before && before >= 1 &&
	    cart_qty(st, o, "ACC-1197") == 1, "no other line nor cart "
	    "changes (%d)", before);
	ok(catalog_cart_set_qty(st, c, "ACC-1197", 3, &ch, &err) == SD_OK &&
	    ch == 0 && cart_qty(st, c, "ACC-1197") == 3,
	    "the same count again changes nothing");
	ok(catalog_cart_set_qty(st, c, "LAP-1008", 2, &ch, &err) == SD_OK &&
	    ch == 0 && cart_qty(st, c, "LAP-1008") == -1,
	    "a count for a line not in the cart makes no line");
	ok(catalog_cart_set_qty(st, c, "ACC-1197", 0, &ch, &err) == SD_OK &&
	    ch == 1 && cart_qty(st, c, "ACC-1197") == -1 &&
	    cart_qty(st, c, "AUD-1008") == before, "a count of 0 takes the "
	    "line out, and it alone");
	ok(catalog_cart_set_qty(st, "C-none", "ACC-1197", 2, &ch, &err) ==
	    SD_OK && ch == 0, "a customer with no cart: nothing changes");
	if (sd_error_msg(&err)[0] != '\0')
		diag("%s", sd_error_msg(&err));
	sd_error_clear(&err);
}

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct product_filter f = { NULL, NULL, NULL, -1, -1, 0, 100000 };
	struct store	*st, *other = NULL;
	struct product	*v = NULL;
	char		*dir, *path;
	size_t		 n = 0, i;

	if ((st = seed_demo("catalog.db", &dir, &path, &err)) == NULL ||
	    (other = store_open(path, NULL, &err)) == NULL ||
	    catalog_products(st, &f, &v, &n, &err) != SD_OK) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		return 1;
	}
	attr_texts();
	attr_catalog(v, n);
	walk_tests(st, v, n);
	kind_tests(st, other);
	fact_tests(st, other);
	order_tests(st, other);
	product_tests(st, other);
	named_tests(st, other);
	synonym_tests(st);
	cart_tests(st);
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
	store_close(other);
	store_close(st);
	tap_rmtree(dir);
	free(path);
	free(dir);
	done_testing();
	return exit_status();
}
