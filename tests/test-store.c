/* Unit tests for store.c: open, pragmas, migrations, statement cache. */
#include "config.h"

#include "shopdesk.h"
#include "paths.h"
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

/* Whether the query plan of sql names index idx. */
static int
plan_uses(struct store *st, const char *sql, const char *idx)
{
	sqlite3_stmt	*s = NULL;
	char		*q = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	const char	*d;
	int		 found = 0;

	if (sqlite3_prepare_v2(store_db(st), q, -1, &s, NULL) == SQLITE_OK)
		while (!found && sqlite3_step(s) == SQLITE_ROW)
			found = (d = (const char *)sqlite3_column_text(s, 3)) !=
			    NULL && strstr(d, idx) != NULL;
	sqlite3_finalize(s);
	free(q);
	return found;
}

/* Conversation rows of every moved table, as a version 9 file holds. */
static const char conversation_rows[] =
    "INSERT INTO api_keys(id, name, prefix, hash, created_at)"
    " VALUES (1, 'bench', 'sd_abc', 'h1', 't');"
    "INSERT INTO sessions(id, user_id, channel, created_at, updated_at)"
    " VALUES ('s1', 'C001', 'api', 't', 't'), ('s2', NULL, 'console',"
    " 't', 't');"
    "INSERT INTO api_sessions(session_id, key_id) VALUES ('s1', 1);"
    "INSERT INTO messages(id, session_id, seq, role, text, created_at)"
    " VALUES (1, 's1', 1, 'user', 'hi', 't'), (2, 's1', 2, 'bot', 'Hello',"
    " 't'), (3, 's2', 1, 'user', 'where is my order', 't');"
    "INSERT INTO traces(message_id, trace) VALUES (2, '{\"intent\":1}');"
    "INSERT INTO feedback(id, message_id, rating, comment, created_at)"
    " VALUES (1, 2, 5, 'great', 't');";

/* Rows per table in history, and main's conversation tables: all zero. */
static const char history_counts[] =
    "SELECT (SELECT count(*) FROM history.api_keys) || ' ' ||"
    " (SELECT count(*) FROM history.sessions) || ' ' ||"
    " (SELECT count(*) FROM history.api_sessions) || ' ' ||"
    " (SELECT count(*) FROM history.messages) || ' ' ||"
    " (SELECT count(*) FROM history.traces) || ' ' ||"
    " (SELECT count(*) FROM history.feedback)";
static const char main_conversation_tables[] =
    "SELECT count(*) FROM main.sqlite_master WHERE tbl_name IN"
    " ('api_keys', 'sessions', 'api_sessions', 'messages', 'traces',"
    " 'feedback')";

/* Build path at schema version 9 holding conversation_rows. */
static void
make_v9(const char *path)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct store	*st;

	st = store_open_at(path, 9, &err);
	ok(st != NULL && store_exec(st, conversation_rows, &err) == SD_OK,
	    "a version 9 database with conversation rows");
	if (err.msg != NULL)
		diag("%s", sd_error_msg(&err));
	sd_error_clear(&err);
	store_close(st);
}

/* ATTACH path's history file as history on db. */
static int
attach(sqlite3 *db, const char *path)
{
	sqlite3_stmt	*s = NULL;
	char		*h = store_history_path(path);
	int		 r;

	r = sqlite3_prepare_v2(db, "ATTACH ?1 AS history", -1, &s, NULL);
	if (r == SQLITE_OK) {
		sqlite3_bind_text(s, 1, h, -1, SQLITE_STATIC);
		r = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	}
	sqlite3_finalize(s);
	free(h);
	return r;
}

/* Move the (closed, checkpointed) history file of from beside to. */
static void
path_history_move(const char *from, const char *to)
{
	char	*a = store_history_path(from), *b = store_history_path(to);

	ok(rename(a, b) == 0, "give %s the history file of %s", to, from);
	free(a);
	free(b);
}

static int
exists(const char *path)
{
	return access(path, F_OK) == 0;
}

static const char insert_product[] =
    "INSERT INTO products(sku, name, brand, category, price, attrs,"
    " created_at, updated_at) VALUES ('SKU-1', 'Strix G15', 'ASUS',"
    " 'laptops', 1299, '{\"battery\":\"90Wh\"}', 'now', 'now')";

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct store	*st, *st2;
	sqlite3_stmt	*s1, *s2;
	char		*dir, *path, *p, *mode, *hp;
	int		 v, created = -1;
	FILE		*fp;

	dir = tap_tmpdir();
	path = xasprintf("%s/sub/dir/shop.db", dir);

	/* Directories are the caller's (paths_db_dir): a typo is an error. */
	ok(store_open(path, &created, &err) == NULL && err.msg != NULL,
	    "store_open does not create missing directories");
	sd_error_clear(&err);
	ok(paths_db_dir(path, NULL, &err) == SD_OK, "paths_db_dir creates "
	    "the directories of the default path");
	st = store_open(path, &created, &err);
	if (!ok(st != NULL, "store_open creates the file"))
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

	/*
	 * The catalog's version: a database of the version before
	 * catalog_epoch keeps its rows, and afterwards the count moves with
	 * the catalog tables only, not with carts or orders.
	 */
	p = xasprintf("%s/epoch.db", dir);
	st = store_open_at(p, store_schema_version() - 1, &err);
	ok(st != NULL && store_exec(st, insert_product, &err) == SD_OK &&
	    store_exec(st, "INSERT INTO documents(doc_key, kind, title, body,"
	    " created_at, updated_at) VALUES ('faq-1', 'faq', 'Returns', 'x',"
	    " 'now', 'now'); INSERT INTO chunks(document_id, seq, text)"
	    " VALUES (1, 0, 'Items can be returned within 30 days');"
	    " INSERT INTO customers(id, name, created_at) VALUES ('c1', 'Ann',"
	    " 'x'); INSERT INTO carts(id, customer_id, created_at,"
	    " updated_at) VALUES ('k1', 'c1', 'x', 'x')", &err) == SD_OK,
	    "a catalog, a document and a cart at version %d",
	    store_schema_version() - 1);
	if (err.msg != NULL)
		diag("%s", sd_error_msg(&err));
	sd_error_clear(&err);
	store_close(st);
	st = store_open(p, NULL, &err);
	ok(st != NULL && store_user_version(st) == store_schema_version(),
	    "it migrates to %d", store_schema_version());
	if (st != NULL) {
		long long cv0 = -1, cv1 = -1, cv2 = -1;

		mode = text(st, "SELECT (SELECT count(*) FROM products) || ' ' ||"
		    " (SELECT count(*) FROM chunk_fts WHERE chunk_fts MATCH"
		    " 'returned') || ' ' || (SELECT count(*) FROM carts) || ' '"
		    " || (SELECT count(*) FROM product_fts WHERE product_fts"
		    " MATCH 'strix')");
		is_str(mode, "1 1 1 1", "its products, chunks and carts are "
		    "kept, with their full-text rows");
		free(mode);
		ok(store_catalog_version(st, &cv0) == 0,
		    "the catalog version reads");
		ok(store_exec(st, "INSERT INTO cart_items(cart_id, sku, qty,"
		    " price_at_add, added_at) VALUES ('k1', 'SKU-1', 1, 1299,"
		    " 'x'); UPDATE carts SET updated_at = 'y'", &err) == SD_OK &&
		    store_catalog_version(st, &cv1) == 0 && cv1 == cv0,
		    "a cart write leaves the catalog version");
		store_exec(st, "UPDATE products SET price = 2", &err);
		store_catalog_version(st, &cv2);
		ok(cv2 != cv1, "a product write moves it");
		store_exec(st, "INSERT INTO synonyms(term, synonym, source)"
		    " VALUES ('laptop', 'notebook', 'x')", &err);
		store_catalog_version(st, &cv1);
		ok(cv1 != cv2, "a synonym moves it");
		store_exec(st, "UPDATE documents SET body = 'y'", &err);
		store_catalog_version(st, &cv2);
		ok(cv2 != cv1, "a document moves it");
		store_meta_set(st, "facts:x", "{}", &err);
		store_catalog_version(st, &cv1);
		ok(cv1 != cv2, "meta (the policies' facts) moves it");
		if (err.msg != NULL)
			diag("%s", sd_error_msg(&err));
		sd_error_clear(&err);
	}
	store_close(st);
	free(p);

	/* The conversation log lives in <db>-history. */
	st = store_open(path, NULL, &err);
	p = store_history_path(path);
	ok(st != NULL && exists(p), "store_open makes the history file %s",
	    p);
	free(p);
	mode = text(st, "PRAGMA history.journal_mode");
	is_str(mode, "wal", "the history file is in WAL mode too");
	free(mode);
	is_int(scalar(st, "PRAGMA history.synchronous"), 1,
	    "history synchronous = NORMAL");
	is_int(scalar(st, "PRAGMA history.page_size"), 2048,
	    "a new history file has 2 KB pages");
	is_int(scalar(st, "PRAGMA main.page_size"), 4096,
	    "the catalog keeps 4 KB pages");
	/* Its own list of migrations, which grows apart from main's. */
	is_int(scalar(st, "PRAGMA history.user_version"),
	    store_history_version(), "the history file has its own schema "
	    "version");
	is_int(scalar(st, main_conversation_tables), 0,
	    "main holds no conversation table");
	ok(store_exec(st, "INSERT INTO messages(session_id, seq, role, text,"
	    " created_at) VALUES ('nobody', 1, 'user', 'x', 't')", &err) !=
	    SD_OK, "foreign keys hold in the history file");
	sd_error_clear(&err);
	/* Each saved turn asks whether an agent spoke in its session. */
	ok(plan_uses(st, "SELECT EXISTS (SELECT 1 FROM messages a"
	    " WHERE a.session_id = 's1' AND a.role = 'agent')",
	    "messages_agent"), "a session's agent lines have their own index");
	store_close(st);

	/* A version 9 database moves its conversation rows. */
	p = xasprintf("%s/v9rows.db", dir);
	make_v9(p);
	st = store_open(p, NULL, &err);
	ok(st != NULL, "version 9 with conversation rows opens");
	if (st != NULL) {
		mode = text(st, history_counts);
		is_str(mode, "1 2 1 3 1 1", "every row is in history.*");
		free(mode);
		is_int(scalar(st, main_conversation_tables), 0,
		    "main's conversation tables and indexes are gone");
		is_int(scalar(st, "SELECT count(*) FROM"
		    " pragma_foreign_key_check('messages', 'history')") +
		    scalar(st, "SELECT count(*) FROM"
		    " pragma_foreign_key_check('api_sessions', 'history')"), 0,
		    "the moved rows keep their foreign keys");
		mode = text(st, "SELECT s.channel || ' ' || m.text || ' ' ||"
		    " f.comment FROM feedback f JOIN messages m ON m.id ="
		    " f.message_id JOIN sessions s ON s.id = m.session_id");
		is_str(mode, "api Hello great",
		    "unqualified SQL finds the moved tables");
		free(mode);
	}
	store_close(st);
	st = store_open(p, NULL, &err);
	is_int(st != NULL ? sqlite3_total_changes(store_db(st)) : -1, 0,
	    "opening the migrated database again changes nothing");
	mode = st != NULL ? text(st, history_counts) : NULL;
	is_str(mode, "1 2 1 3 1 1", "and the rows are still there once");
	free(mode);
	store_close(st);

	/* Deleting the history file leaves empty conversation tables. */
	hp = store_history_path(p);
	unlink(hp);
	st = store_open(p, NULL, &err);
	ok(st != NULL, "a migrated database without its history file opens");
	if (err.msg != NULL)
		diag("%s", sd_error_msg(&err));
	sd_error_clear(&err);
	is_int(st != NULL ? scalar(st, "SELECT count(*) FROM messages") +
	    scalar(st, "SELECT count(*) FROM api_keys") : -1, 0,
	    "with empty conversation tables");
	ok(exists(hp), "and a new history file");
	free(hp);

	/* A newer history version is refused like a newer main. */
	store_exec(st, "PRAGMA history.user_version = 999", &err);
	store_close(st);
	st = store_open(p, NULL, &err);
	ok(st == NULL && strstr(sd_error_msg(&err), "newer") != NULL &&
	    strstr(sd_error_msg(&err), "-history") != NULL,
	    "a newer history schema is refused, naming the file");
	diag("%s", sd_error_msg(&err));
	sd_error_clear(&err);
	store_close(st);
	free(p);

	/*
	 * A crash after the history file committed part of the copy and
	 * before main dropped its tables: the next open finishes the move
	 * without doubling a row.
	 */
	p = xasprintf("%s/crash.db", dir);
	make_v9(p);
	hp = xasprintf("%s/empty.db", dir);
	st = store_open(hp, NULL, &err);	/* an empty history, version 1 */
	store_close(st);
	path_history_move(hp, p);
	free(hp);
	st = store_open_at(p, 9, &err);
	ok(st != NULL && attach(store_db(st), p) == SQLITE_OK &&
	    store_exec(st, "BEGIN;"
	    "INSERT INTO history.api_keys(id, name, prefix, hash, created_at,"
	    " revoked_at) SELECT * FROM main.api_keys;"
	    "INSERT INTO history.sessions SELECT * FROM main.sessions;"
	    "INSERT INTO history.messages(id, session_id, seq, role, text,"
	    " intent, confidence, action, latency_us, created_at)"
	    " SELECT * FROM main.messages WHERE id = 1; COMMIT", &err) ==
	    SD_OK,
	    "history holds part of the rows, main all of them at version 9");
	store_close(st);
	st = store_open(p, NULL, &err);
	ok(st != NULL && store_user_version(st) == store_schema_version(),
	    "the interrupted migration completes");
	mode = st != NULL ? text(st, history_counts) : NULL;
	is_str(mode, "1 2 1 3 1 1", "every row is in history.*, once");
	free(mode);
	is_int(st != NULL ? scalar(st, main_conversation_tables) : -1, 0,
	    "main's conversation tables are gone");
	store_close(st);
	free(p);

	/* An in-memory database keeps its history in memory too. */
	st = store_open(":memory:", NULL, &err);
	ok(st != NULL && store_exec(st, conversation_rows, &err) == SD_OK,
	    "\":memory:\" holds conversations");
	mode = st != NULL ? text(st, "SELECT file FROM pragma_database_list"
	    " WHERE name = 'history'") : NULL;
	is_str(mode, "", "in a history schema in memory");
	free(mode);
	store_close(st);

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
	hp = store_history_path(p);
	ok(!exists(hp), "and no history file is made beside it");
	free(hp);
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

	/*
	 * store_begin_main write-locks main only: another connection can
	 * still save to the history file, but not write the catalog.
	 */
	p = xasprintf("%s/lock.db", dir);
	st = store_open(p, NULL, &err);
	st2 = store_open(p, NULL, &err);
	if (st != NULL && st2 != NULL) {
		sqlite3_busy_timeout(store_db(st2), 0);
		ok(store_begin_main(st, &err) == SD_OK, "store_begin_main");
		ok(store_exec(st2, "INSERT INTO sessions(id, created_at,"
		    " updated_at) VALUES ('s', 'x', 'x')", &err) == SD_OK,
		    "the history stays writable for another connection");
		ok(store_exec(st2, "INSERT INTO meta VALUES ('k', 'v')",
		    &err) != SD_OK, "main is write-locked at once");
		sd_error_clear(&err);
		ok(store_exec(st, "INSERT INTO meta VALUES ('k', 'v')",
		    &err) == SD_OK && store_commit(st, &err) == SD_OK,
		    "the transaction writes and commits");
		ok(store_exec(st2, "INSERT INTO meta VALUES ('k2', 'v')",
		    &err) == SD_OK, "main is free after the commit");
	} else
		ok(0, "open two connections: %s", sd_error_msg(&err));
	sd_error_clear(&err);
	store_close(st2);
	store_close(st);
	free(p);

	tap_rmtree(dir);
	free(path);
	free(dir);
	done_testing();
	return exit_status();
}
