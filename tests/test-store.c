/* Unit tests for store.c: open, pragmas, migrations, statement cache. */
#include "config.h"

#include "shopdesk.h"
#include "store.h"
#include "tap.h"

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

static char *
text(struct store *st, const char *sql)
{
	sqlite3_stmt	*s = NULL;
	char		*v = NULL;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return v;
}

static const char insert_product[] =
    "INSERT INTO products(sku, name, brand, category, price, attrs,"
    " created_at, updated_at) VALUES ('SKU-1', 'Strix G15', 'ASUS',"
    " 'laptops', 1299, '{\"battery\":\"90Wh\"}', 'now', 'now')";

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct store	*st;
	sqlite3_stmt	*s1, *s2;
	char		*dir, *path, *p, *mode;
	int		 v, created = -1;
	FILE		*fp;

	dir = tap_tmpdir();
	path = xasprintf("%s/sub/dir/shop.db", dir);

	st = store_open(path, &created, &err);
	if (!ok(st != NULL, "store_open creates parent directories and the file"))
	{
		printf("Bail out! %s\n", sd_error_msg(&err));
		return 1;
	}
	ok(created == 1, "a new file is reported as created");
	is_int(store_user_version(st), store_schema_version(),
	    "new database is at the current schema version");
	mode = text(st, "PRAGMA journal_mode");
	is_str(mode, "wal", "journal mode is WAL");
	free(mode);
	is_int(scalar(st, "PRAGMA foreign_keys"), 1, "foreign keys are on");

	ok(store_exec(st, insert_product, &err) == SD_OK, "insert a product");
	is_int(scalar(st, "SELECT count(*) FROM product_fts WHERE product_fts"
	    " MATCH 'strix'"), 1, "FTS5 index follows an insert");
	is_int(scalar(st, "SELECT count(*) FROM product_fts WHERE product_fts"
	    " MATCH 'battery'"), 1, "JSON attributes are indexed as specs");
	ok(store_exec(st, "UPDATE products SET name = 'Zephyrus G14'"
	    " WHERE sku = 'SKU-1'", &err) == SD_OK, "update the product");
	is_int(scalar(st, "SELECT count(*) FROM product_fts WHERE product_fts"
	    " MATCH 'strix'"), 0, "FTS5 drops the old name on update");
	is_int(scalar(st, "SELECT count(*) FROM product_fts WHERE product_fts"
	    " MATCH 'zephyrus'"), 1, "FTS5 has the new name");
	ok(store_exec(st, "DELETE FROM products", &err) == SD_OK,
	    "delete the product");
	is_int(scalar(st, "SELECT count(*) FROM product_fts"), 0,
	    "FTS5 follows a delete");

	ok(store_exec(st, "INSERT INTO documents(doc_key, kind, title, body,"
	    " created_at, updated_at) VALUES ('faq-1', 'faq', 'Return window',"
	    " 'x', 'now', 'now'); INSERT INTO chunks(document_id, seq, text)"
	    " VALUES (1, 0, 'Items can be returned within 30 days')", &err) ==
	    SD_OK, "insert a document and a chunk");
	is_int(scalar(st, "SELECT count(*) FROM chunk_fts WHERE chunk_fts"
	    " MATCH 'window'"), 1, "chunk FTS carries the document title");
	ok(store_exec(st, "UPDATE documents SET title = 'Returns' WHERE id = 1",
	    &err) == SD_OK, "retitle the document");
	is_int(scalar(st, "SELECT count(*) FROM chunk_fts WHERE chunk_fts"
	    " MATCH 'title:returns'"), 1, "chunk FTS follows the new title");
	ok(store_exec(st, "DELETE FROM documents WHERE id = 1", &err) == SD_OK,
	    "delete the document");
	is_int(scalar(st, "SELECT count(*) FROM chunk_fts"), 0,
	    "chunks and their index go with the document (cascade)");

	ok(store_exec(st, "INSERT INTO orders(id, customer_id, status,"
	    " placed_at, updated_at) VALUES ('1', 'nobody', 'shipped', 'x',"
	    " 'x')", &err) != SD_OK, "foreign keys are enforced");
	sd_error_clear(&err);
	ok(store_exec(st, "INSERT INTO customers(id, name, created_at) VALUES"
	    " ('c1', 'Ann', 'x'); INSERT INTO orders(id, customer_id, status,"
	    " placed_at, updated_at) VALUES ('1', 'c1', 'lost', 'x', 'x')",
	    &err) != SD_OK, "order status is checked");
	sd_error_clear(&err);

	s1 = store_prepare(st, insert_product, &err);
	s2 = store_prepare(st, insert_product, &err);
	ok(s1 != NULL && s1 == s2, "statements are cached by SQL address");
	ok(store_prepare(st, "SELEC nonsense", &err) == NULL &&
	    strstr(sd_error_msg(&err), "syntax") != NULL,
	    "a bad statement reports SQLite's message");
	sd_error_clear(&err);

	ok(store_begin(st, &err) == SD_OK, "begin");
	store_exec(st, insert_product, &err);
	store_rollback(st);
	is_int(store_count(st, "products"), 0, "rollback undoes the insert");
	store_rollback(st);
	ok(1, "rollback outside a transaction is harmless");

	ok(store_meta_set(st, "k", "v1", &err) == SD_OK &&
	    store_meta_set(st, "k", "v2", &err) == SD_OK, "meta set twice");
	p = store_meta_get(st, "k");
	is_str(p, "v2", "meta keeps the last value");
	free(p);
	ok(store_meta_get(st, "absent") == NULL, "absent meta is NULL");
	store_close(st);

	st = store_open(path, &created, &err);
	ok(st != NULL && created == 0, "reopening is not a creation");
	store_close(st);

	/* A database of every older version migrates forward. */
	for (v = 0; v < store_schema_version(); v++) {
		char *old = xasprintf("%s/v%d.db", dir, v);

		st = store_open_at(old, v, &err);
		is_int(st != NULL ? store_user_version(st) : -1, v,
		    "database built at schema version %d", v);
		if (v >= 1)
			store_exec(st, "INSERT INTO products(sku, name, category,"
			    " price, created_at, updated_at) VALUES ('OLD', 'Kept"
			    " across migration', 'misc', 1, 'x', 'x')", &err);
		store_close(st);
		st = store_open(old, &created, &err);
		ok(st != NULL && store_user_version(st) ==
		    store_schema_version(), "version %d migrates to %d", v,
		    store_schema_version());
		if (st != NULL && v >= 1)
			is_int(scalar(st, "SELECT count(*) FROM product_fts WHERE"
			    " product_fts MATCH 'migration'"), 1,
			    "rows of version %d survive the migration", v);
		store_close(st);
		free(old);
	}

	/* Garbage is refused, not overwritten. */
	p = xasprintf("%s/garbage.db", dir);
	fp = fopen(p, "w");
	fputs("this is not a database, and it must survive being opened\n"
	    "padding padding padding padding padding padding padding\n", fp);
	fclose(fp);
	st = store_open(p, NULL, &err);
	ok(st == NULL && err.rc == SD_ERR_DB, "a non-database file is refused");
	diag("%s", sd_error_msg(&err));
	sd_error_clear(&err);
	free(p);

	/* A newer schema than this build is refused. */
	p = xasprintf("%s/future.db", dir);
	st = store_open(p, NULL, &err);
	store_exec(st, "PRAGMA user_version = 999", &err);
	store_close(st);
	st = store_open(p, NULL, &err);
	ok(st == NULL && strstr(sd_error_msg(&err), "newer") != NULL,
	    "a newer schema is refused");
	sd_error_clear(&err);
	free(p);

	tap_rmtree(dir);
	free(path);
	free(dir);
	done_testing();
	return exit_status();
}
