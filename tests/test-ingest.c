/*
 * Unit tests for ingest: every format good and bad, the DummyJSON mapping,
 * --map, customers/orders/carts, idempotence (rowids kept, nothing
 * rewritten), rollback on error (the database digest is unchanged), dry
 * runs, savepoints inside a caller's transaction, the demo seed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "ingest.h"
#include "ingest-int.h"
#include "sbuf.h"
#include "store.h"
#include "tap.h"

static const char *srcdir;
static char *tmp;

static long long
scalar(struct store *st, const char *sql)
{
	sqlite3_stmt	*s = NULL;
	long long	 v = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static double
real(struct store *st, const char *sql)
{
	sqlite3_stmt	*s = NULL;
	double		 v = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_double(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* The first column of the first row as text (static buffer). */
static const char *
text(struct store *st, const char *sql)
{
	static char	*v;
	sqlite3_stmt	*s = NULL;

	free(v);
	v = NULL;
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return v;
}

/*
 * Everything ingest can write, as one string: two equal digests mean the
 * database holds the same rows (and rowids, and FTS rows).
 */
static char *
digest(struct store *st)
{
	static const char *const q[] = {
		"SELECT group_concat(id || sku || name || price || "
		"coalesce(list_price, '') || attrs || tags || updated_at, '|') "
		"FROM products",
		"SELECT count(*) FROM product_fts",
		"SELECT group_concat(id || doc_key || title || body, '|') "
		"FROM documents",
		"SELECT group_concat(id || document_id || heading || text, "
		"'|') FROM chunks",
		"SELECT count(*) FROM chunk_fts",
		"SELECT group_concat(id || name || coalesce(email, ''), '|') "
		"FROM customers",
		"SELECT group_concat(id || status || total, '|') FROM orders",
		"SELECT count(*) FROM order_items",
		"SELECT group_concat(id || tracking_number, '|') "
		"FROM shipments",
		"SELECT count(*) FROM order_events",
		"SELECT group_concat(id || status, '|') FROM carts",
		"SELECT count(*) FROM cart_items",
		"SELECT group_concat(key || value, '|') FROM meta",
	};
	struct sbuf	 sb = SBUF_INIT;
	const char	*t;
	size_t		 i;

	for (i = 0; i < sizeof q / sizeof q[0]; i++) {
		t = text(st, q[i]);
		sbuf_addf(&sb, "%s\n", t != NULL ? t : "");
	}
	return sbuf_detach(&sb, NULL);
}

static char *
fixture(const char *name)
{
	return xasprintf("%s/tests/data/%s", srcdir, name);
}

/* Write a scratch file in tmp; returns its path (caller frees). */
static char *
scratch(const char *name, const char *data, size_t len)
{
	char	*p = xasprintf("%s/%s", tmp, name);
	FILE	*fp = fopen(p, "wb");

	if (fp == NULL || fwrite(data, 1, len, fp) != len) {
		perror(p);
		exit(99);
	}
	fclose(fp);
	return p;
}

static struct store *
fresh(const char *name)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		*p = xasprintf("%s/%s.db", tmp, name);
	struct store	*st = store_open(p, NULL, &err);

	if (st == NULL) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		exit(1);
	}
	free(p);
	return st;
}

/* Ingest a fixture; on failure print the error.  Returns the rc. */
static enum sd_rc
load(struct store *st, const char *name, const struct ingest_opts *o,
    struct ingest_stats *stats)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		*p = fixture(name);
	enum sd_rc	 rc;

	memset(stats, 0, sizeof *stats);
	rc = ingest_file(st, p, o, stats, &err);
	if (rc != SD_OK)
		diag("%s: %s", name, sd_error_msg(&err));
	sd_error_clear(&err);
	free(p);
	return rc;
}

/*
 * A bad file: must fail, with a message starting "path:line: " and
 * containing want, and leave the database exactly as it was.
 */
static void
rejects(struct store *st, const char *path, unsigned long line,
    const char *want, const char *what)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct ingest_stats stats;
	char		*before = digest(st), *after, *prefix;
	enum sd_rc	 rc;
	int		 good;

	memset(&stats, 0, sizeof stats);
	rc = ingest_file(st, path, NULL, &stats, &err);
	prefix = xasprintf("%s:%lu: ", path, line);
	good = rc != SD_OK && strncmp(sd_error_msg(&err), prefix,
	    strlen(prefix)) == 0 && strstr(sd_error_msg(&err), want) != NULL;
	ok(good, "%s is rejected at line %lu", what, line);
	if (!good)
		diag("rc %d, message: %s", rc, sd_error_msg(&err));
	after = digest(st);
	is_str(after, before, "%s leaves the database as it was", what);
	ok(sqlite3_get_autocommit(store_db(st)), "%s: no transaction left "
	    "open", what);
	free(before);
	free(after);
	free(prefix);
	sd_error_clear(&err);
}

static void
test_csv(void)
{
	struct store	*st = fresh("csv");
	struct ingest_stats s;

	ok(load(st, "ingest/products.csv", NULL, &s) == SD_OK, "CSV loads");
	is_int(s.products, 3, "CSV: 3 products");
	is_int(s.inserted, 3, "CSV: 3 new");
	is_str(text(st, "SELECT name FROM products WHERE sku = 'LAP-002'"),
	    "ThinkPad E14, Gen 5", "CSV: quoted field with a comma");
	is_str(text(st, "SELECT tags FROM products WHERE sku = 'LAP-001'"),
	    "gaming, rgb", "CSV: tags split at |");
	is_str(text(st, "SELECT tags FROM products WHERE sku = 'PHN-001'"),
	    "camera, android", "CSV: tags split at ,");
	is_str(text(st, "SELECT attrs FROM products WHERE sku = 'LAP-001'"),
	    "{\"cpu\":\"Ryzen 7 6800H\",\"ram_gb\":16,\"battery_life\":"
	    "\"6 hours\"}", "CSV: unknown columns become attrs");
	is_str(text(st, "SELECT json_extract(attrs, '$.battery_life') FROM "
	    "products WHERE sku = 'PHN-001'"), "24 hours \"typical\"",
	    "CSV: doubled quotes");
	ok(scalar(st, "SELECT list_price IS NULL FROM products "
	    "WHERE sku = 'LAP-002'") == 1, "CSV: empty cell is absent");
	is_int(scalar(st, "SELECT count(*) FROM product_fts WHERE product_fts "
	    "MATCH 'ryzen'"), 1, "CSV: attrs are searchable");
	store_close(st);
}

static void
test_json(void)
{
	struct store	*st = fresh("json");
	struct ingest_stats s;

	ok(load(st, "ingest/catalog.json", NULL, &s) == SD_OK,
	    "JSON object of arrays loads");
	is_int(s.products, 2, "object of arrays: 2 products");
	is_int(s.documents, 1, "object of arrays: 1 FAQ");
	is_str(text(st, "SELECT kind FROM documents"), "faq",
	    "the \"faqs\" array gives the kind");
	is_int(scalar(st, "SELECT json_extract(attrs, '$.refresh_hz') FROM "
	    "products WHERE sku = 'MON-002'"), 240, "JSON: attrs kept");
	ok(load(st, "ingest/products.jsonl", NULL, &s) == SD_OK,
	    "JSON Lines loads (blank lines skipped)");
	is_int(s.products, 2, "JSONL: 2 products");
	is_str(text(st, "SELECT warranty FROM products WHERE sku = 'HDP-001'"),
	    "1-year manufacturer warranty", "JSONL: warranty");
	is_int(scalar(st, "SELECT warranty_months FROM products "
	    "WHERE sku = 'HDP-001'"), 12, "JSONL: warranty_months");
	is_str(text(st, "SELECT json_extract(attrs, '$.connectivity[1]') FROM "
	    "products WHERE sku = 'HDP-001'"), "3.5 mm",
	    "JSONL: list attributes");
	is_str(text(st, "SELECT currency FROM products WHERE sku = 'HDP-002'"),
	    "USD", "currency defaults to USD");
	store_close(st);
}

static void
test_dummyjson(void)
{
	struct store	*st = fresh("dummyjson");
	struct ingest_stats s;

	ok(load(st, "dummyjson/products.json", NULL, &s) == SD_OK,
	    "the DummyJSON catalog loads");
	is_int(s.products, 194, "DummyJSON: 194 products");
	is_int(store_count(st, "products"), 194, "DummyJSON: 194 rows");
	is_int(store_count(st, "product_fts"), 194, "DummyJSON: 194 FTS rows");
	is_str(text(st, "SELECT name FROM products "
	    "WHERE sku = 'BEA-ESS-ESS-001'"), "Essence Mascara Lash Princess",
	    "title -> name, own sku kept");
	ok(real(st, "SELECT price FROM products WHERE sku = 'BEA-ESS-ESS-001'")
	    == 9.99, "price kept");
	ok(real(st, "SELECT list_price FROM products "
	    "WHERE sku = 'BEA-ESS-ESS-001'") == 11.16,
	    "discountPercentage 10.48 -> list_price 11.16");
	is_int(scalar(st, "SELECT review_count FROM products "
	    "WHERE sku = 'BEA-ESS-ESS-001'"), 3, "reviews -> review_count");
	is_str(text(st, "SELECT warranty FROM products "
	    "WHERE sku = 'BEA-ESS-ESS-001'"), "1 week warranty",
	    "warrantyInformation -> warranty");
	is_str(text(st, "SELECT json_extract(attrs, '$.return_policy') FROM "
	    "products WHERE sku = 'BEA-ESS-ESS-001'"), "No return policy",
	    "returnPolicy -> attrs");
	is_str(text(st, "SELECT json_extract(attrs, '$.dimensions') FROM "
	    "products WHERE sku = 'BEA-ESS-ESS-001'"), "15.14 x 13.08 x 22.99",
	    "dimensions -> attrs");
	is_int(scalar(st, "SELECT count(*) FROM products WHERE brand IS NULL"),
	    92, "missing brands stay NULL");
	ok(load(st, "dummyjson/products.json", NULL, &s) == SD_OK &&
	    s.unchanged == 194 && s.inserted == 0 && s.updated == 0,
	    "DummyJSON again: 194 unchanged");
	store_close(st);
}

static void
test_documents(void)
{
	struct store	*st = fresh("docs");
	struct ingest_stats s;

	ok(load(st, "ingest/manual.md", NULL, &s) == SD_OK, "Markdown loads");
	is_str(text(st, "SELECT doc_key || '|' || kind || '|' || title || '|' "
	    "|| product_sku || '|' || tags FROM documents"),
	    "manual-strix-g15|manual|Strix G15 user guide|LAP-001|laptops, "
	    "gaming, setup", "front matter fields");
	is_int(s.chunks, 5, "manual: 5 chunks");
	is_int(scalar(st, "SELECT count(*) FROM chunks WHERE heading = "
	    "'Charging'"), 3, "a long section is split, each part keeps its "
	    "heading");
	is_int(scalar(st, "SELECT max(length(text)) <= 1000 FROM chunks"), 1,
	    "no chunk over 1,000 characters");
	is_int(scalar(st, "SELECT count(*) FROM chunks WHERE heading LIKE "
	    "'%not a heading%'"), 0, "no heading inside a code fence");
	ok(load(st, "ingest/notes.txt", NULL, &s) == SD_OK, "text loads");
	is_str(text(st, "SELECT title FROM documents WHERE doc_key = 'notes'"),
	    "Store opening hours", "text: title from the first line");
	is_int(scalar(st, "SELECT count(*) FROM chunk_fts WHERE chunk_fts "
	    "MATCH 'holidays'"), 1, "text is searchable");
	ok(load(st, "ingest/faq.jsonl", NULL, &s) == SD_OK && s.documents == 2,
	    "FAQ JSONL loads");
	ok(load(st, "ingest/policies.jsonl", NULL, &s) == SD_OK &&
	    s.chunks == 3, "policy chunked by heading");
	is_str(text(st, "SELECT value FROM meta WHERE key = "
	    "'facts:policy-returns'"), "{\"return_window_days\":30,"
	    "\"restocking_fee_percent\":15,\"non_returnable_categories\":"
	    "[\"gift-cards\",\"software\"]}", "policy facts kept in meta");
	ok(load(st, "ingest/tickets.jsonl", NULL, &s) == SD_OK, "tickets load");
	is_str(text(st, "SELECT created_at FROM documents "
	    "WHERE doc_key = 'T-1001'"), "2026-10-02T09:00:00Z",
	    "ticket keeps its date");
	is_int(scalar(st, "SELECT count(*) FROM chunk_fts WHERE chunk_fts "
	    "MATCH 'controller AND charging'"), 1,
	    "ticket problem and resolution in one chunk");
	store_close(st);
}

static void
test_orders(void)
{
	struct store	*st = fresh("orders");
	struct ingest_stats s;
	char		*before, *after;

	ok(load(st, "ingest/customers.json", NULL, &s) == SD_OK &&
	    s.customers == 2, "customers load");
	is_str(text(st, "SELECT preferences FROM customers WHERE id = "
	    "'C1001'"), "{\"brands\":[\"ASUS\"],\"budget\":1500,\"interests\":"
	    "[\"gaming\"]}", "preferences kept as JSON");
	ok(load(st, "ingest/orders.json", NULL, &s) == SD_OK,
	    "orders load (their customer comes later in the file)");
	is_int(s.orders, 2, "2 orders");
	is_int(s.customers, 1, "1 customer in the orders file");
	is_int(store_count(st, "order_items"), 3, "3 order items");
	is_int(store_count(st, "shipments"), 1, "1 shipment");
	is_int(store_count(st, "order_events"), 2, "2 events");
	ok(real(st, "SELECT total FROM orders WHERE id = '12346'") == 699.5,
	    "a missing total is the sum of the items");
	is_str(text(st, "SELECT updated_at FROM orders WHERE id = '12346'"),
	    "2026-10-01T12:00:00Z", "updated_at defaults to placed_at");
	ok(load(st, "ingest/products.jsonl", NULL, &s) == SD_OK &&
	    load(st, "ingest/catalog.json", NULL, &s) == SD_OK &&
	    load(st, "ingest/carts.json", NULL, &s) == SD_OK && s.carts == 1,
	    "carts load");
	is_int(store_count(st, "cart_items"), 2, "2 cart items");
	before = digest(st);
	ok(load(st, "ingest/orders.json", NULL, &s) == SD_OK &&
	    s.unchanged == 3 && s.inserted == 0 && s.updated == 0,
	    "orders again: all unchanged");
	ok(load(st, "ingest/carts.json", NULL, &s) == SD_OK &&
	    s.unchanged == 1, "carts again: unchanged");
	ok(load(st, "ingest/customers.json", NULL, &s) == SD_OK &&
	    s.unchanged == 2, "customers again: unchanged");
	after = digest(st);
	is_str(after, before, "re-ingesting orders changes nothing");
	free(before);
	free(after);
	store_close(st);
}

static void
test_map(void)
{
	static const char csv[] = "product_title,cost,code,category\n"
	    "Widget,9.50,W-1,gadgets\n";
	static const char jl[] = "{\"product_title\":\"Gizmo\",\"cost\":3,"
	    "\"code\":\"G-1\",\"category\":\"gadgets\"}\n";
	struct ingest_map maps[] = {
		{ "name", "product_title" }, { "price", "cost" },
		{ "sku", "code" },
	};
	struct ingest_opts o;
	struct ingest_stats s;
	struct sd_error	 err = SD_ERROR_INIT;
	struct store	*st = fresh("map");
	char		*p1 = scratch("mapped.csv", csv, sizeof csv - 1);
	char		*p2 = scratch("mapped.jsonl", jl, sizeof jl - 1);
	struct ingest_map bad = { "colour", "color" };

	memset(&o, 0, sizeof o);
	o.maps = maps;
	o.nmaps = 3;
	memset(&s, 0, sizeof s);
	ok(ingest_file(st, p1, &o, &s, &err) == SD_OK, "--map on CSV");
	ok(real(st, "SELECT price FROM products WHERE sku = 'W-1'") == 9.5 &&
	    strcmp(text(st, "SELECT name FROM products WHERE sku = 'W-1'"),
	    "Widget") == 0, "CSV columns mapped to name, price, sku");
	is_str(text(st, "SELECT attrs FROM products WHERE sku = 'W-1'"), "{}",
	    "mapped columns do not become attrs");
	ok(ingest_file(st, p2, &o, &s, &err) == SD_OK &&
	    real(st, "SELECT price FROM products WHERE sku = 'G-1'") == 3,
	    "--map on JSON Lines");
	o.nmaps = 0;
	o.kind = "product";
	ok(ingest_file(st, p1, &o, &s, &err) != SD_OK &&
	    strstr(sd_error_msg(&err), "\"sku\" is required") != NULL,
	    "without --map the file lacks sku");
	o.maps = &bad;
	o.nmaps = 1;
	ok(ingest_check_opts(&o, &err) == SD_ERR_USAGE &&
	    strstr(sd_error_msg(&err), "\"colour\"") != NULL,
	    "unknown --map field is a usage error naming it");
	o.nmaps = 0;
	o.kind = "gadget";
	ok(ingest_check_opts(&o, &err) == SD_ERR_USAGE, "unknown --kind");
	sd_error_clear(&err);
	free(p1);
	free(p2);
	store_close(st);
}

static void
test_idempotence(void)
{
	static const char v1[] = "{\"sku\":\"X-1\",\"name\":\"X\","
	    "\"category\":\"c\",\"price\":10}\n{\"sku\":\"X-2\",\"name\":\"Y\","
	    "\"category\":\"c\",\"price\":20}\n";
	static const char v2[] = "{\"sku\":\"X-1\",\"name\":\"X\","
	    "\"category\":\"c\",\"price\":12}\n{\"sku\":\"X-2\",\"name\":\"Y\","
	    "\"category\":\"c\",\"price\":20}\n";
	static const char d1[] = "{\"type\":\"policy\",\"id\":\"p\",\"title\":"
	    "\"T1\",\"body\":\"## A\\n\\nalpha\\n\\n## B\\n\\nbeta\"}\n";
	static const char d2[] = "{\"type\":\"policy\",\"id\":\"p\",\"title\":"
	    "\"T2\",\"body\":\"## A\\n\\nalpha\\n\\n## B\\n\\nbeta\"}\n";
	static const char d3[] = "{\"type\":\"policy\",\"id\":\"p\",\"title\":"
	    "\"T2\",\"body\":\"## A\\n\\ngamma\"}\n";
	struct store	*st = fresh("idem");
	struct ingest_stats s;
	struct sd_error	 err = SD_ERROR_INIT;
	char		*p, *before, *after;
	long long	 rowid, changes;

	p = scratch("v.jsonl", v1, sizeof v1 - 1);
	memset(&s, 0, sizeof s);
	ok(ingest_file(st, p, NULL, &s, &err) == SD_OK && s.inserted == 2,
	    "first load: 2 new");
	rowid = scalar(st, "SELECT id FROM products WHERE sku = 'X-1'");
	before = digest(st);
	changes = sqlite3_total_changes(store_db(st));
	memset(&s, 0, sizeof s);
	ok(ingest_file(st, p, NULL, &s, &err) == SD_OK && s.unchanged == 2 &&
	    s.inserted == 0 && s.updated == 0, "same file: 2 unchanged");
	after = digest(st);
	is_str(after, before, "same file: database identical");
	is_int(sqlite3_total_changes(store_db(st)) - changes, 0,
	    "same file: no row written");
	free(before);
	free(after);
	free(p);
	p = scratch("v.jsonl", v2, sizeof v2 - 1);
	memset(&s, 0, sizeof s);
	ok(ingest_file(st, p, NULL, &s, &err) == SD_OK && s.updated == 1 &&
	    s.unchanged == 1, "one price changed: 1 changed, 1 unchanged");
	is_int(scalar(st, "SELECT id FROM products WHERE sku = 'X-1'"), rowid,
	    "an updated product keeps its rowid");
	ok(real(st, "SELECT price FROM products WHERE sku = 'X-1'") == 12,
	    "the new price is stored");
	is_int(store_count(st, "product_fts"), 2, "FTS still one row each");
	free(p);

	p = scratch("d.jsonl", d1, sizeof d1 - 1);
	ok(ingest_file(st, p, NULL, &s, &err) == SD_OK, "policy v1");
	rowid = scalar(st, "SELECT min(id) FROM chunks");
	free(p);
	p = scratch("d.jsonl", d2, sizeof d2 - 1);
	memset(&s, 0, sizeof s);
	ok(ingest_file(st, p, NULL, &s, &err) == SD_OK && s.updated == 1 &&
	    s.chunks == 0, "new title, same body: not re-chunked");
	is_int(scalar(st, "SELECT min(id) FROM chunks"), rowid,
	    "chunks kept their ids");
	is_int(scalar(st, "SELECT count(*) FROM chunk_fts WHERE title = "
	    "'T2'"), 2, "chunk_fts carries the new title");
	free(p);
	p = scratch("d.jsonl", d3, sizeof d3 - 1);
	memset(&s, 0, sizeof s);
	ok(ingest_file(st, p, NULL, &s, &err) == SD_OK && s.chunks == 1,
	    "new body: re-chunked");
	is_int(store_count(st, "chunks"), 1, "old chunks gone");
	is_int(store_count(st, "chunk_fts"), 1, "old chunk_fts rows gone");
	free(p);
	sd_error_clear(&err);
	store_close(st);
}

static void
test_bad(void)
{
	struct store	*st = fresh("bad");
	struct ingest_stats s;
	struct sbuf	 big = SBUF_INIT;
	char		*p;
	size_t		 i;

	/* Something in the database to compare against. */
	ok(load(st, "ingest/products.csv", NULL, &s) == SD_OK &&
	    load(st, "ingest/customers.json", NULL, &s) == SD_OK,
	    "baseline loads");

#define BAD(name, data, line, want, what) do {				\
	p = scratch(name, data, sizeof data - 1);			\
	rejects(st, p, line, want, what);				\
	free(p);							\
} while (0)

	BAD("q.csv", "sku,name,category,price\nA,a,x,1\nB,\"open,x,2\n", 3,
	    "not closed", "CSV with an unbalanced quote");
	BAD("q2.csv", "sku,name,category,price\nA,a\"b,x,1\n", 2,
	    "malformed CSV", "CSV with a quote in an unquoted field");
	BAD("cols.csv", "sku,name,category,price\nA,a,x,1\nB,b,x\n", 3,
	    "3 fields, but the header has 4", "CSV row with too few columns");
	BAD("cols2.csv", "sku,name,category,price\nA,a,x,1,9\n", 2,
	    "5 fields", "CSV row with too many columns");
	BAD("dup.csv", "sku,name,sku\nA,a,b\n", 1, "twice",
	    "CSV header naming a column twice");
	BAD("num.csv", "sku,name,category,price\nA,a,x,$5\n", 2,
	    "\"price\" must be a number", "CSV price that is not a number");
	BAD("t.json", "[\n{\"sku\":\"A\",\"name\":\"a\",\"category\":\"x\","
	    "\"price\":1},\n{\"sku\":\"B\",", 3, "truncated", "truncated JSON");
	BAD("t2.json", "[\n{\"sku\":\"A\",\"name\":\"a\",\"category\":\"x\","
	    "\"price\":1}\n{\"sku\":\"B\"}]", 3, "expected ','",
	    "JSON missing a comma");
	BAD("t3.json", "{\"products\": [\n{\"sku\": \"A\", \"name\": \"a\","
	    "\n \"category\": \"x\", \"price\": tru}]}", 3, "malformed JSON",
	    "JSON with a bad literal");
	BAD("ty.json", "[\n{\"sku\":\"A\",\"name\":\"a\",\"category\":\"x\","
	    "\"price\":1},\n{\"sku\":\"B\",\"name\":\"b\",\"category\":\"x\","
	    "\"price\":\"1\"}]", 3, "\"price\" must be a number",
	    "JSON price as a string");
	BAD("neg.jsonl", "{\"sku\":\"A\",\"name\":\"a\",\"category\":\"x\","
	    "\"price\":-1}\n", 1, "non-negative", "negative price");
	BAD("sku.jsonl", "{\"sku\":\"\",\"name\":\"a\",\"category\":\"x\","
	    "\"price\":1}\n", 1, "\"sku\" is required", "empty sku");
	BAD("tags.jsonl", "{\"sku\":\"A\",\"name\":\"a\",\"category\":\"x\","
	    "\"price\":1,\"tags\":[1]}\n", 1, "\"tags\" must be",
	    "tags of the wrong type");
	BAD("rating.jsonl", "\n\n{\"sku\":\"A\",\"name\":\"a\",\"category\":"
	    "\"x\",\"price\":1,\"rating\":7}\n", 3, "between 0 and 5",
	    "rating out of range");
	BAD("notobj.jsonl", "[1,2]\n", 1, "must be a JSON object",
	    "JSON Lines record that is not an object");
	BAD("trail.jsonl", "{\"sku\":\"A\"} {\"sku\":\"B\"}\n", 1,
	    "one record per line", "two records on one line");
	BAD("kind.jsonl", "{\"foo\":1}\n", 1, "--kind",
	    "record of unknown kind");
	BAD("type.jsonl", "{\"type\":\"gadget\"}\n", 1, "unknown \"type\"",
	    "unknown type");
	BAD("empty.jsonl", "", 1, "empty file", "empty file");
	BAD("blank.json", " \n\n", 1, "empty file", "blank file");
	BAD("nul.jsonl", "{\"sku\":\"A\",\"name\":\"a\",\"category\":\"x\","
	    "\"price\":1}\n{\"sku\":\"B\0\"}\n", 2, "NUL byte", "NUL byte");
	BAD("utf8.jsonl", "{\"sku\":\"A\",\"name\":\"a\",\"category\":\"x\","
	    "\"price\":1}\n{\"sku\":\"B\",\"name\":\"\xC3(\"}\n", 2,
	    "invalid UTF-8", "invalid UTF-8");
	BAD("utf8.csv", "sku,name,category,price\nA,caf\xE9,x,1\n", 2,
	    "invalid UTF-8", "invalid UTF-8 in CSV");
	BAD("surrogate.jsonl", "{\"sku\":\"A\",\"name\":\"\\ud800\","
	    "\"category\":\"x\",\"price\":1}\n", 1, "malformed JSON",
	    "a lone UTF-16 surrogate");
	BAD("section.json", "{\"products\":[],\n\"gadgets\":[1]}", 2,
	    "unknown section \"gadgets\"", "unknown section");
	BAD("order.json", "{\"orders\":[\n{\"id\":\"1\",\"customer_id\":"
	    "\"C1001\",\"status\":\"lost\",\"placed_at\":\"2026-01-01\","
	    "\"items\":[{\"sku\":\"x\",\"name\":\"y\",\"qty\":1,"
	    "\"unit_price\":1}]}]}", 2, "\"status\" must be one of",
	    "order status outside the set");
	BAD("qty.json", "{\"orders\":[\n{\"id\":\"1\",\"customer_id\":"
	    "\"C1001\",\"status\":\"shipped\",\"placed_at\":\"2026-01-01\","
	    "\"items\":[{\"sku\":\"x\",\"name\":\"y\",\"qty\":0,"
	    "\"unit_price\":1}]}]}", 2, "items[0]: \"qty\" must be a positive",
	    "order item quantity 0");
	BAD("cust.json", "{\"orders\":[\n{\"id\":\"1\",\"customer_id\":"
	    "\"C404\",\"status\":\"shipped\",\"placed_at\":\"2026-01-01\","
	    "\"items\":[{\"sku\":\"x\",\"name\":\"y\",\"qty\":1,"
	    "\"unit_price\":1}]}]}", 2, "customer \"C404\" is neither",
	    "order of an unknown customer");
	BAD("time.json", "{\"orders\":[\n{\"id\":\"1\",\"customer_id\":"
	    "\"C1001\",\"status\":\"shipped\",\"placed_at\":\"yesterday\","
	    "\"items\":[{\"sku\":\"x\",\"name\":\"y\",\"qty\":1,"
	    "\"unit_price\":1}]}]}", 2, "ISO 8601", "order date not ISO 8601");
	BAD("cart.json", "{\"carts\":[\n{\"id\":\"K\",\"customer_id\":"
	    "\"C1001\",\"items\":[{\"sku\":\"LAP-001\",\"qty\":1},"
	    "{\"sku\":\"LAP-001\",\"qty\":2}]}]}", 2, "listed twice",
	    "cart listing a SKU twice");
	BAD("email.json", "{\"customers\":[\n{\"id\":\"C9\",\"name\":\"n\","
	    "\"email\":\"ana@example.com\"}]}", 2, "duplicate",
	    "customer reusing another's email");
	BAD("fm.md", "---\nid: x\nno colon here\n---\nbody\n", 3,
	    "front matter", "Markdown front matter without key: value");
	BAD("fm2.md", "---\nid: x\n", 1, "no closing", "unclosed front matter");
	BAD("nobody.md", "---\nid: x\ntitle: t\n---\n\n", 5, "no text",
	    "Markdown without text");
	BAD("deep.json", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
	    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
	    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
	    1, "truncated", "deeply nested truncated JSON");
	/* Good records first, then a bad one: the good ones roll back. */
	BAD("late.jsonl", "{\"sku\":\"N-1\",\"name\":\"a\",\"category\":\"x\","
	    "\"price\":1}\n{\"sku\":\"LAP-001\",\"name\":\"changed\","
	    "\"category\":\"x\",\"price\":1}\n{\"sku\":\"N-2\",\"name\":\"a\","
	    "\"category\":\"x\",\"price\":\"free\"}\n", 3, "must be a number",
	    "a bad record after good ones");

	/* A 10 MB line: loads when valid, rejected by line when not. */
	sbuf_adds(&big, "{\"sku\":\"BIG\",\"name\":\"big\",\"category\":\"x\","
	    "\"price\":1,\"description\":\"");
	for (i = 0; i < 10 * 1024 * 1024 / 8; i++)
		sbuf_adds(&big, "abcdefg ");
	sbuf_adds(&big, "\"}\n");
	p = scratch("big.jsonl", big.buf, big.len);
	memset(&s, 0, sizeof s);
	ok(ingest_file(st, p, NULL, &s, NULL) == SD_OK && s.products == 1,
	    "a 10 MB line loads");
	free(p);
	sbuf_setlen(&big, big.len - 3);
	sbuf_adds(&big, "\",\"rating\":[]}\n");
	p = scratch("big2.jsonl", big.buf, big.len);
	rejects(st, p, 1, "\"rating\" must be a number", "a bad 10 MB line");
	free(p);
	sbuf_setlen(&big, big.len - 16);
	p = scratch("big3.jsonl", big.buf, big.len);
	rejects(st, p, 1, "truncated", "a truncated 10 MB line");
	free(p);
	sbuf_release(&big);
	p = xasprintf("%s/missing.jsonl", tmp);
	ok(ingest_file(st, p, NULL, &s, NULL) == SD_ERR_IO, "missing file");
	free(p);
	p = scratch("x.xml", "<a/>", 4);
	ok(ingest_file(st, p, NULL, &s, NULL) == SD_ERR_USAGE,
	    "unknown extension");
	free(p);
#undef BAD
	store_close(st);
}

/*
 * attrs values that are neither scalars nor lists of them: the message
 * names the key, which lives in the copy of attrs that the check frees.
 */
static void
test_attrs_nested(void)
{
	static const char obj[] = "[{\"sku\":\"FZ-1\",\"name\":\"x\","
	    "\"category\":\"smartphones\",\"price\":1,"
	    "\"attrs\":{\"a\":{\"b\":1}}}]";
	static const char bools[] = "{\"sku\":\"FZ-2\",\"name\":\"x\","
	    "\"category\":\"c\",\"price\":1,\"attrs\":{\"ok\":1,"
	    "\"flags\":[true,false]}}\n";
	static const char csv[] = "sku,name,category,price,attrs\n"
	    "FZ-3,x,c,1,\"{\"\"deep\"\":{\"\"b\"\":1}}\"\n";
	struct store	*st = fresh("attrs");
	struct ingest_opts o;
	struct sd_error	 err = SD_ERROR_INIT;
	char		*p;

	p = scratch("nested.json", obj, sizeof obj - 1);
	rejects(st, p, 1, "attrs \"a\" must be a string", "an object in "
	    "attrs");
	memset(&o, 0, sizeof o);
	o.dry_run = 1;
	ok(ingest_file(st, p, &o, NULL, &err) != SD_OK &&
	    strstr(sd_error_msg(&err), "attrs \"a\" must be") != NULL,
	    "dry run: an object in attrs is named");
	sd_error_clear(&err);
	free(p);
	p = scratch("bools.jsonl", bools, sizeof bools - 1);
	rejects(st, p, 1, "attrs \"flags\" must be a string", "a list of "
	    "booleans in attrs");
	free(p);
	p = scratch("nested.csv", csv, sizeof csv - 1);
	rejects(st, p, 2, "attrs \"deep\" must be a string", "an object in "
	    "a CSV attrs cell");
	free(p);
	store_close(st);
}

/* NUL in any text field of any format is refused, naming its line. */
static void
test_nul(void)
{
	static const char json[] = "[\n{\"sku\":\"FZ-1\",\"name\":\"ok\","
	    "\"category\":\"c\",\"price\":1},\n{\"sku\":\"FZ-2\",\"name\":"
	    "\"Fuzz\\u0000Evil\",\"category\":\"c\",\"price\":1}]";
	static const char key[] = "{\"sku\":\"FZ-3\",\"name\":\"x\","
	    "\"category\":\"c\",\"price\":1,\"attrs\":{\"k\\u0000\":1}}\n";
	static const char attr[] = "\n{\"sku\":\"FZ-4\",\"name\":\"x\","
	    "\"category\":\"c\",\"price\":1,\"attrs\":{\"k\":[\"a\\u0000\"]}}\n";
	static const char cust[] = "{\"customers\":[\n{\"id\":"
	    "\"C1036\\u0000-not-really\",\"name\":\"n\"}]}";
	static const char csv[] = "sku,name,category,price,attrs\n"
	    "FZ-5,x,c,1,\"{\"\"k\"\":\"\"a\\u0000b\"\"}\"\n";
	static const char csv_raw[] = "sku,name,category,price\n"
	    "FZ-6,x,c,1\nFZ-7,a\0b,c,1\n";
	static const char md[] = "---\ntitle: t\n---\n\nline\nNUL\0here\n";
	static const char lit[] = "{\"sku\":\"FZ-8\",\"name\":\"back\\\\u0000"
	    "slash\",\"category\":\"c\",\"price\":1}\n";
	struct store	*st = fresh("nul");
	struct ingest_stats s;
	char		*p;

	p = scratch("nul.json", json, sizeof json - 1);
	rejects(st, p, 3, "NUL", "\\u0000 in a JSON name");
	free(p);
	p = scratch("nulkey.jsonl", key, sizeof key - 1);
	rejects(st, p, 1, "NUL", "\\u0000 in a JSON key");
	free(p);
	p = scratch("nulattr.jsonl", attr, sizeof attr - 1);
	rejects(st, p, 2, "NUL", "\\u0000 in a JSON attribute list");
	free(p);
	p = scratch("nulcust.json", cust, sizeof cust - 1);
	rejects(st, p, 2, "NUL", "\\u0000 in a customer id");
	free(p);
	p = scratch("nulattr.csv", csv, sizeof csv - 1);
	rejects(st, p, 2, "NUL", "\\u0000 in a CSV attrs cell");
	free(p);
	p = scratch("nulraw.csv", csv_raw, sizeof csv_raw - 1);
	rejects(st, p, 3, "NUL", "a NUL byte in a CSV cell");
	free(p);
	p = scratch("nul.md", md, sizeof md - 1);
	rejects(st, p, 6, "NUL", "a NUL byte in Markdown");
	free(p);
	p = scratch("nul.txt", md + 18, sizeof md - 19);
	rejects(st, p, 2, "NUL", "a NUL byte in text");
	free(p);
	is_int(store_count(st, "products") + store_count(st, "customers") +
	    store_count(st, "documents"), 0, "nothing with a NUL was stored");
	p = scratch("lit.jsonl", lit, sizeof lit - 1);
	memset(&s, 0, sizeof s);
	ok(ingest_file(st, p, NULL, &s, NULL) == SD_OK, "an escaped "
	    "backslash before u0000 is text, not NUL");
	is_str(text(st, "SELECT name FROM products WHERE sku = 'FZ-8'"),
	    "back\\u0000slash", "... and is stored whole");
	free(p);
	store_close(st);
}

/*
 * Numbers are plain decimals, SKUs are text, and a key appears once per
 * file: otherwise 0x10 became 16, 123 a SKU, and the last duplicate won.
 */
static void
test_validation(void)
{
	static const char good[] = "sku,name,category,price,stock,weight,"
	    "code\nA,a,x, 12.50 ,3,1e3,0x10\nB,b,x,-0,0,-2.5,inf\n";
	static const char two[] = "{\"sku\":\"S-1\",\"name\":\"a\","
	    "\"category\":\"x\",\"price\":1}\n{\"type\":\"faq\",\"id\":"
	    "\"S-1\",\"question\":\"q\",\"answer\":\"a\"}\n";

	struct store	*st = fresh("valid");
	struct ingest_stats s;
	char		*p;

	ok(load(st, "ingest/customers.json", NULL, &s) == SD_OK,
	    "customers for the orders");
#define BAD(name, data, line, want, what) do {				\
	p = scratch(name, data, sizeof data - 1);			\
	rejects(st, p, line, want, what);				\
	free(p);							\
} while (0)
	BAD("hex.csv", "sku,name,category,price\nA,a,x,1\nB,b,x,0x10\n", 3,
	    "\"price\" must be a number", "a hexadecimal price");
	BAD("inf.csv", "sku,name,category,price\nA,a,x,inf\n", 2,
	    "\"price\" must be a number", "an infinite price");
	BAD("nan.csv", "sku,name,category,price\nA,a,x,nan\n", 2,
	    "\"price\" must be a number", "a price that is NaN");
	BAD("plus.csv", "sku,name,category,price,stock\nA,a,x,1,+5\n", 2,
	    "\"stock\" must be a number", "a stock with a plus sign");
	BAD("dot.csv", "sku,name,category,price\nA,a,x,.5\n", 2,
	    "\"price\" must be a number", "a price without a leading digit");
	BAD("dup.csv", "sku,name,category,price\nA,a,x,1\nB,b,x,2\nA,c,x,3\n",
	    4, "duplicate SKU \"A\": already on line 2", "a SKU twice in CSV");
	BAD("dup.jsonl", "{\"sku\":\"A\",\"name\":\"a\",\"category\":\"x\","
	    "\"price\":1}\n\n{\"sku\":\"A\",\"name\":\"b\",\"category\":\"x\","
	    "\"price\":2}\n", 3, "duplicate SKU \"A\": already on line 1",
	    "a SKU twice in JSON Lines");
	BAD("duporder.json", "{\"orders\":[\n{\"id\":\"9\",\"customer_id\":"
	    "\"C1001\",\"status\":\"shipped\",\"placed_at\":\"2026-01-01\","
	    "\"items\":[{\"sku\":\"x\",\"name\":\"y\",\"qty\":1,"
	    "\"unit_price\":1}]},\n{\"id\":\"9\",\"customer_id\":\"C1001\","
	    "\"status\":\"delivered\",\"placed_at\":\"2026-01-01\",\"items\":"
	    "[{\"sku\":\"x\",\"name\":\"y\",\"qty\":1,\"unit_price\":1}]}]}", 3,
	    "duplicate order id \"9\": already on line 2",
	    "an order id twice");
	BAD("dupcust.jsonl", "{\"type\":\"customer\",\"id\":\"C7\",\"name\":"
	    "\"a\"}\n{\"type\":\"customer\",\"id\":\"C7\",\"name\":\"b\"}\n",
	    2, "duplicate customer id \"C7\": already on line 1",
	    "a customer id twice");
	BAD("numsku.jsonl", "{\"sku\":123,\"name\":\"a\",\"category\":\"x\","
	    "\"price\":1}\n", 1, "\"sku\" must be a string", "a numeric SKU");
	BAD("numitem.json", "{\"orders\":[\n{\"id\":\"8\",\"customer_id\":"
	    "\"C1001\",\"status\":\"shipped\",\"placed_at\":\"2026-01-01\","
	    "\"items\":[{\"sku\":5,\"name\":\"y\",\"qty\":1,"
	    "\"unit_price\":1}]}]}", 2, "items[0]: \"sku\" must be a string",
	    "a numeric SKU in an order item");
#undef BAD
	/* What stays accepted. */
	p = scratch("ok.csv", good, sizeof good - 1);
	memset(&s, 0, sizeof s);
	ok(ingest_file(st, p, NULL, &s, NULL) == SD_OK && s.products == 2,
	    "decimal numbers with spaces, exponents and signs load");
	ok(real(st, "SELECT price FROM products WHERE sku = 'A'") == 12.5,
	    "... the price is 12.5");
	is_str(text(st, "SELECT attrs FROM products WHERE sku = 'A'"),
	    "{\"weight\":1000,\"code\":\"0x10\"}",
	    "a hexadecimal attribute stays text");
	is_str(text(st, "SELECT attrs FROM products WHERE sku = 'B'"),
	    "{\"weight\":-2.5,\"code\":\"inf\"}", "so does inf");
	free(p);
	p = scratch("two.jsonl", two, sizeof two - 1);
	ok(ingest_file(st, p, NULL, &s, NULL) == SD_OK,
	    "a SKU and a document id may be equal");
	free(p);
	store_close(st);
}

/* What another connection sees and may do while a file is loading. */
struct peek {
	struct store	*other;		/* a second connection to the store */
	long long	 max_seen;	/* most products it saw mid-load */
	int		 calls;
	int		 history_ok;	/* its history writes that succeeded */
};

static void
on_progress(void *arg, long long records, long long done, long long total)
{
	struct peek	*pk = arg;
	struct sd_error	 err = SD_ERROR_INIT;
	char		*sql;
	long long	 n;

	(void)records;
	if (done >= total)
		return;
	pk->calls++;
	n = store_count(pk->other, "products");
	if (n > pk->max_seen)
		pk->max_seen = n;
	sql = xasprintf("INSERT INTO sessions(id, created_at, updated_at)"
	    " VALUES ('peek-%d', 'x', 'x')", pk->calls);
	if (store_exec(pk->other, sql, &err) == SD_OK)
		pk->history_ok++;
	else
		diag("history write during the load: %s", sd_error_msg(&err));
	sd_error_clear(&err);
	free(sql);
}

/*
 * A long load is checked whole, then written in batches on main only:
 * another connection sees rows appear and saves turns meanwhile, and a
 * bad record at the end still leaves nothing.
 */
static void
test_batches(void)
{
	struct store	*st = fresh("batch");
	struct sd_error	 err = SD_ERROR_INIT;
	struct ingest_opts o;
	struct ingest_stats s;
	struct sbuf	 sb = SBUF_INIT;
	struct peek	 pk;
	char		*p, *path;
	int		 i;

	path = xasprintf("%s/batch.db", tmp);
	memset(&pk, 0, sizeof pk);
	if ((pk.other = store_open(path, NULL, &err)) == NULL) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		exit(1);
	}
	/* Fail fast rather than wait 5 s for a lock that should be free. */
	sqlite3_busy_timeout(store_db(pk.other), 200);
	for (i = 0; i < 3000; i++)
		sbuf_addf(&sb, "{\"sku\":\"B-%d\",\"name\":\"n\",\"category\":"
		    "\"c\",\"price\":%d}\n", i, i);
	p = scratch("batch.jsonl", sb.buf, sb.len);
	memset(&o, 0, sizeof o);
	o.progress = on_progress;
	o.progress_arg = &pk;
	memset(&s, 0, sizeof s);
	ok(ingest_file(st, p, &o, &s, &err) == SD_OK && s.inserted == 3000,
	    "3,000 products load");
	ok(pk.calls >= 4, "progress was reported (%d)", pk.calls);
	ok(pk.max_seen > 0 && pk.max_seen < 3000, "batches were committed "
	    "while loading (%lld seen)", pk.max_seen);
	is_int(pk.history_ok, pk.calls, "the history stayed writable");
	free(p);

	/* The same file with a bad record at the end: nothing changes. */
	sbuf_reset(&sb);
	for (i = 0; i < 3000; i++)
		sbuf_addf(&sb, "{\"sku\":\"C-%d\",\"name\":\"n\",\"category\":"
		    "\"c\",\"price\":%d}\n", i, i);
	sbuf_adds(&sb, "{\"sku\":\"C-1\",\"name\":\"n\",\"category\":\"c\","
	    "\"price\":1}\n");
	p = scratch("batch2.jsonl", sb.buf, sb.len);
	rejects(st, p, 3001, "duplicate SKU \"C-1\": already on line 2",
	    "a duplicate after 3,000 good records");
	free(p);
	store_close(pk.other);
	sbuf_release(&sb);
	free(path);
	sd_error_clear(&err);
	store_close(st);
}

static void
test_transactions(void)
{
	struct store	*st = fresh("tx");
	struct ingest_opts o;
	struct ingest_stats s;
	struct sd_error	 err = SD_ERROR_INIT;
	char		*good = fixture("ingest/products.csv");
	char		*bad = fixture("ingest/bad/wrong-type.jsonl");

	memset(&o, 0, sizeof o);
	o.dry_run = 1;
	memset(&s, 0, sizeof s);
	ok(ingest_file(st, good, &o, &s, &err) == SD_OK && s.inserted == 3,
	    "dry run validates and counts");
	is_int(store_count(st, "products"), 0, "dry run leaves nothing");
	ok(sqlite3_get_autocommit(store_db(st)), "dry run: no transaction");
	ok(ingest_file(st, bad, &o, &s, &err) != SD_OK,
	    "dry run still rejects a bad file");

	/* In a caller's transaction each file is a savepoint. */
	ok(store_begin(st, &err) == SD_OK, "outer transaction");
	ok(ingest_file(st, good, NULL, &s, &err) == SD_OK, "good file inside");
	ok(ingest_file(st, bad, NULL, &s, &err) != SD_OK, "bad file inside");
	ok(!sqlite3_get_autocommit(store_db(st)),
	    "the outer transaction survives a bad file");
	is_int(store_count(st, "products"), 3, "the good file stays");
	ok(store_commit(st, &err) == SD_OK, "outer commit");
	is_int(store_count(st, "products"), 3, "committed");
	sd_error_clear(&err);
	free(good);
	free(bad);
	store_close(st);
}

static void
test_seed(void)
{
	struct store	*st = fresh("seed");
	struct sd_error	 err = SD_ERROR_INIT;
	char		*share = fixture("ingest/seed");
	char		*p, *q;

	ok(ingest_seed_demo(st, share, &err) == SD_OK, "demo seed loads");
	if (err.msg != NULL)
		diag("%s", sd_error_msg(&err));
	is_int(store_count(st, "customers"), 3, "seed: customers");
	is_int(store_count(st, "orders"), 2, "seed: orders after customers");
	is_int(store_count(st, "products"), 2, "seed: products");
	is_int(store_count(st, "documents"), 2, "seed: manuals by glob and "
	    "by name");
	ok(ingest_seed_demo(st, share, &err) == SD_OK, "seeding again is fine");
	is_int(store_count(st, "orders"), 2, "seeding again adds nothing");
	store_close(st);

	/* A bad file in the MANIFEST: nothing of the seed stays. */
	st = fresh("seed2");
	p = xasprintf("%s/bs/demo", tmp);
	q = xasprintf("mkdir -p '%s' && cp '%s/demo/customers.json' '%s/' && "
	    "printf 'customers.json\\nbroken.jsonl\\n' > '%s/MANIFEST' && "
	    "printf '{oops\\n' > '%s/broken.jsonl'", p, share, p, p, p);
	ok(system(q) == 0, "broken demo directory");
	free(q);
	q = xasprintf("%s/bs", tmp);
	ok(ingest_seed_demo(st, q, &err) != SD_OK &&
	    strstr(sd_error_msg(&err), "MANIFEST:2: ") != NULL &&
	    strstr(sd_error_msg(&err), "broken.jsonl:1: ") != NULL,
	    "seed error names the MANIFEST line and the file line");
	is_int(store_count(st, "customers"), 0, "a failed seed leaves nothing");
	free(q);
	q = xasprintf("%s/nowhere", tmp);
	ok(ingest_seed_demo(st, q, &err) == SD_ERR_IO, "missing MANIFEST");
	free(q);
	free(p);
	free(share);
	sd_error_clear(&err);
	store_close(st);
}

static void
test_summary(void)
{
	struct ingest_stats s;
	struct sbuf	 sb = SBUF_INIT;

	memset(&s, 0, sizeof s);
	s.products = 312;
	s.inserted = 312;
	ingest_stats_summary(&s, &sb);
	is_str(sb.buf, "312 products (312 new, 0 changed, 0 unchanged)",
	    "summary for a catalog");
	sbuf_reset(&sb);
	memset(&s, 0, sizeof s);
	s.documents = 1;
	s.chunks = 3;
	s.updated = 1;
	ingest_stats_summary(&s, &sb);
	is_str(sb.buf, "1 document, 3 chunks (0 new, 1 changed, 0 unchanged)",
	    "summary for a document");
	sbuf_release(&sb);
}

/* Dates moved by whole days, wherever the text has them. */
static void
test_shift_dates(void)
{
	struct sbuf	 sb = SBUF_INIT;
	long		 anchor;

	ok(ingest_day_parse("2026-11-20T12:00:00Z", &anchor) == 0 &&
	    ingest_day_parse("2026-11-2", &anchor) != 0 &&
	    ingest_day_parse("2026-11-20", &anchor) == 0, "a day parses");
	sbuf_adds(&sb, "{\"at\": \"2026-11-17T14:32:00Z\", \"note\": "
	    "\"estimated delivery November 21, 2026\", \"sku\": "
	    "\"X2026-11-20\", \"body\": \"From November 14 to December 1, "
	    "2026; May 2026; ends 2026-12-31.\"}");
	ingest_shift_dates(&sb, 0, anchor);
	ok(strstr(sb.buf, "2026-11-17T14:32:00Z") != NULL,
	    "no shift: the text is left alone");
	ingest_shift_dates(&sb, 45, anchor);
	is_str(sb.buf, "{\"at\": \"2027-01-01T14:32:00Z\", \"note\": "
	    "\"estimated delivery January 5, 2027\", \"sku\": "
	    "\"X2026-11-20\", \"body\": \"From December 29 to January 15, "
	    "2027; May 2026; ends 2027-02-14.\"}",
	    "45 days on: across the year, with and without the year; not "
	    "inside a word, not a month alone");
	sbuf_reset(&sb);
	sbuf_adds(&sb, "May 5G phones");
	ingest_shift_dates(&sb, 45, anchor);
	is_str(sb.buf, "May 5G phones", "a day needs to end its word");
	sbuf_reset(&sb);
	sbuf_adds(&sb, "2028-02-28 and February 28, 2028");
	ingest_shift_dates(&sb, 1, anchor);
	is_str(sb.buf, "2028-02-29 and February 29, 2028", "a leap day");
	ingest_shift_dates(&sb, -366, anchor);
	is_str(sb.buf, "2027-02-28 and February 28, 2027", "a year back");
	sbuf_release(&sb);
}

int
main(void)
{
	if ((srcdir = getenv("top_srcdir")) == NULL)
		srcdir = ".";
	setenv("SHOPDESK_NOW", "2026-11-20T12:00:00Z", 1);
	tmp = tap_tmpdir();
	test_csv();
	test_json();
	test_dummyjson();
	test_documents();
	test_orders();
	test_map();
	test_idempotence();
	test_bad();
	test_attrs_nested();
	test_nul();
	test_validation();
	test_batches();
	test_transactions();
	test_seed();
	test_summary();
	test_shift_dates();
	tap_rmtree(tmp);
	free(tmp);
	done_testing();
	return exit_status();
}
