/*
 * store-schema.c holds the schema of the store as its migrations: those
 * of the catalog file (main) and those of the conversation log (the
 * history file), and the SQL that moved the log out of main.  store.c
 * runs them; nothing else reads them.
 */
#include "config.h"

#include "store-int.h"

/*
 * Migrations: entry i takes user_version i to i+1 inside one
 * BEGIN IMMEDIATE ... COMMIT.  Append only; never edit a shipped entry.
 *
 * Full-text tables are ordinary FTS5 tables (they keep their own copy of
 * the text) kept in step by triggers, because their columns are derived:
 * a product's specs column flattens its JSON attributes and a chunk carries
 * its document's title.  'rebuild' is not available on such tables;
 * store_open never needs it because the triggers run in the same
 * transaction as the change.
 */
const char *const store_migrations[] = {
	/* 0 -> 1: catalog, synonyms, meta */
	"CREATE TABLE meta ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	");"
	"CREATE TABLE products ("
	"  id INTEGER PRIMARY KEY,"
	"  sku TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  brand TEXT,"
	"  model TEXT,"
	"  category TEXT NOT NULL,"
	"  subcategory TEXT,"
	"  description TEXT NOT NULL DEFAULT '',"
	"  price REAL NOT NULL CHECK (price >= 0),"
	"  list_price REAL CHECK (list_price IS NULL OR list_price >= 0),"
	"  currency TEXT NOT NULL DEFAULT 'USD',"
	"  rating REAL CHECK (rating IS NULL OR rating BETWEEN 0 AND 5),"
	"  review_count INTEGER NOT NULL DEFAULT 0 CHECK (review_count >= 0),"
	"  review_summary TEXT,"
	"  warranty TEXT,"
	"  warranty_months INTEGER,"
	"  extended_warranty TEXT,"
	"  stock INTEGER NOT NULL DEFAULT 0,"
	"  attrs TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs)),"
	"  tags TEXT NOT NULL DEFAULT '',"
	"  source TEXT,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL"
	");"
	"CREATE INDEX products_category ON products(category, price);"
	"CREATE INDEX products_brand ON products(brand);"
	"CREATE VIRTUAL TABLE product_fts USING fts5("
	"  name, brand, model, category, tags, specs, description,"
	"  tokenize = 'porter unicode61 remove_diacritics 2'"
	");"
	"CREATE TRIGGER products_ai AFTER INSERT ON products BEGIN"
	"  INSERT INTO product_fts(rowid, name, brand, model, category, tags,"
	"    specs, description)"
	"  VALUES (new.id, new.name, coalesce(new.brand, ''),"
	"    coalesce(new.model, ''),"
	"    new.category || ' ' || coalesce(new.subcategory, ''), new.tags,"
	"    (SELECT coalesce(group_concat(key || ' ' || value, ' '), '')"
	"       FROM json_each(new.attrs)),"
	"    new.description);"
	"END;"
	"CREATE TRIGGER products_ad AFTER DELETE ON products BEGIN"
	"  DELETE FROM product_fts WHERE rowid = old.id;"
	"END;"
	"CREATE TRIGGER products_au AFTER UPDATE ON products BEGIN"
	"  DELETE FROM product_fts WHERE rowid = old.id;"
	"  INSERT INTO product_fts(rowid, name, brand, model, category, tags,"
	"    specs, description)"
	"  VALUES (new.id, new.name, coalesce(new.brand, ''),"
	"    coalesce(new.model, ''),"
	"    new.category || ' ' || coalesce(new.subcategory, ''), new.tags,"
	"    (SELECT coalesce(group_concat(key || ' ' || value, ' '), '')"
	"       FROM json_each(new.attrs)),"
	"    new.description);"
	"END;"
	"CREATE TABLE synonyms ("
	"  term TEXT NOT NULL,"
	"  synonym TEXT NOT NULL,"
	"  source TEXT NOT NULL DEFAULT 'shop',"
	"  PRIMARY KEY (term, synonym)"
	") WITHOUT ROWID;",

	/* 1 -> 2: documents (FAQ, policy, manual, ticket) and their chunks */
	"CREATE TABLE documents ("
	"  id INTEGER PRIMARY KEY,"
	"  doc_key TEXT NOT NULL UNIQUE,"
	"  kind TEXT NOT NULL"
	"    CHECK (kind IN ('faq', 'policy', 'manual', 'ticket')),"
	"  title TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  topic TEXT,"
	"  product_sku TEXT,"
	"  tags TEXT NOT NULL DEFAULT '',"
	"  source TEXT,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL"
	");"
	"CREATE TABLE chunks ("
	"  id INTEGER PRIMARY KEY,"
	"  document_id INTEGER NOT NULL"
	"    REFERENCES documents(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  heading TEXT NOT NULL DEFAULT '',"
	"  text TEXT NOT NULL,"
	"  UNIQUE (document_id, seq)"
	");"
	"CREATE VIRTUAL TABLE chunk_fts USING fts5("
	"  title, heading, text, tags,"
	"  tokenize = 'porter unicode61 remove_diacritics 2'"
	");"
	"CREATE TRIGGER chunks_ai AFTER INSERT ON chunks BEGIN"
	"  INSERT INTO chunk_fts(rowid, title, heading, text, tags)"
	"  SELECT new.id, d.title, new.heading, new.text, d.tags"
	"    FROM documents d WHERE d.id = new.document_id;"
	"END;"
	"CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN"
	"  DELETE FROM chunk_fts WHERE rowid = old.id;"
	"END;"
	"CREATE TRIGGER chunks_au AFTER UPDATE ON chunks BEGIN"
	"  DELETE FROM chunk_fts WHERE rowid = old.id;"
	"  INSERT INTO chunk_fts(rowid, title, heading, text, tags)"
	"  SELECT new.id, d.title, new.heading, new.text, d.tags"
	"    FROM documents d WHERE d.id = new.document_id;"
	"END;"
	"CREATE TRIGGER documents_au AFTER UPDATE OF title, tags ON documents "
	"BEGIN"
	"  UPDATE chunk_fts SET title = new.title, tags = new.tags"
	"   WHERE rowid IN (SELECT id FROM chunks WHERE document_id = new.id);"
	"END;",

	/* 2 -> 3: customers, orders, shipments, carts */
	"CREATE TABLE customers ("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  email TEXT UNIQUE,"
	"  phone TEXT,"
	"  tier TEXT NOT NULL DEFAULT 'standard',"
	"  city TEXT,"
	"  country TEXT,"
	"  preferences TEXT NOT NULL DEFAULT '{}'"
	"    CHECK (json_valid(preferences)),"
	"  created_at TEXT NOT NULL"
	");"
	"CREATE TABLE orders ("
	"  id TEXT PRIMARY KEY,"
	"  customer_id TEXT NOT NULL REFERENCES customers(id),"
	"  status TEXT NOT NULL CHECK (status IN ('processing', 'shipped',"
	"    'delivered', 'cancelled', 'return_requested', 'refunded')),"
	"  placed_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  total REAL NOT NULL DEFAULT 0,"
	"  currency TEXT NOT NULL DEFAULT 'USD',"
	"  payment_method TEXT,"
	"  shipping_address TEXT,"
	"  note TEXT"
	");"
	"CREATE INDEX orders_customer ON orders(customer_id, placed_at);"
	"CREATE TABLE order_items ("
	"  order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,"
	"  line INTEGER NOT NULL,"
	"  sku TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  qty INTEGER NOT NULL CHECK (qty > 0),"
	"  unit_price REAL NOT NULL CHECK (unit_price >= 0),"
	"  PRIMARY KEY (order_id, line)"
	") WITHOUT ROWID;"
	"CREATE INDEX order_items_sku ON order_items(sku);"
	"CREATE TABLE shipments ("
	"  id INTEGER PRIMARY KEY,"
	"  order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,"
	"  carrier TEXT NOT NULL,"
	"  tracking_number TEXT NOT NULL,"
	"  status TEXT NOT NULL CHECK (status IN ('label_created',"
	"    'in_transit', 'out_for_delivery', 'delivered', 'returned',"
	"    'exception')),"
	"  shipped_at TEXT,"
	"  estimated_delivery TEXT,"
	"  delivered_at TEXT,"
	"  UNIQUE (order_id, tracking_number)"
	");"
	"CREATE TABLE order_events ("
	"  order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  at TEXT NOT NULL,"
	"  status TEXT NOT NULL,"
	"  note TEXT,"
	"  PRIMARY KEY (order_id, seq)"
	") WITHOUT ROWID;"
	"CREATE TABLE carts ("
	"  id TEXT PRIMARY KEY,"
	"  customer_id TEXT NOT NULL REFERENCES customers(id),"
	"  status TEXT NOT NULL DEFAULT 'active'"
	"    CHECK (status IN ('active', 'abandoned', 'converted')),"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL"
	");"
	"CREATE INDEX carts_customer ON carts(customer_id);"
	"CREATE TABLE cart_items ("
	"  cart_id TEXT NOT NULL REFERENCES carts(id) ON DELETE CASCADE,"
	"  sku TEXT NOT NULL,"
	"  qty INTEGER NOT NULL CHECK (qty > 0),"
	"  price_at_add REAL NOT NULL,"
	"  added_at TEXT NOT NULL,"
	"  PRIMARY KEY (cart_id, sku)"
	") WITHOUT ROWID;",

	/* 3 -> 4: conversations, traces, feedback, trained models */
	"CREATE TABLE sessions ("
	"  id TEXT PRIMARY KEY,"
	"  user_id TEXT,"
	"  channel TEXT NOT NULL DEFAULT 'console',"
	"  status TEXT NOT NULL DEFAULT 'active'"
	"    CHECK (status IN ('active', 'escalated', 'agent', 'closed')),"
	"  escalation_reason TEXT,"
	"  agent TEXT,"
	"  state TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(state)),"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL"
	");"
	"CREATE INDEX sessions_user ON sessions(user_id, updated_at);"
	"CREATE INDEX sessions_updated ON sessions(updated_at);"
	"CREATE TABLE messages ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  role TEXT NOT NULL CHECK (role IN ('user', 'bot', 'agent', 'system')),"
	"  text TEXT NOT NULL,"
	"  intent TEXT,"
	"  confidence REAL,"
	"  action TEXT,"
	"  latency_us INTEGER,"
	"  created_at TEXT NOT NULL,"
	"  UNIQUE (session_id, seq)"
	");"
	"CREATE TABLE traces ("
	"  message_id INTEGER PRIMARY KEY"
	"    REFERENCES messages(id) ON DELETE CASCADE,"
	"  trace TEXT NOT NULL CHECK (json_valid(trace))"
	");"
	"CREATE TABLE feedback ("
	"  id INTEGER PRIMARY KEY,"
	"  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,"
	"  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),"
	"  comment TEXT,"
	"  created_at TEXT NOT NULL"
	");"
	"CREATE TABLE models ("
	"  name TEXT PRIMARY KEY,"
	"  data BLOB NOT NULL,"
	"  info TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(info)),"
	"  created_at TEXT NOT NULL"
	");",

	/*
	 * 4 -> 5: the search vocabulary for typo correction.  A contentless
	 * FTS5 table of the words shoppers type for products (name, brand,
	 * model, category, tags) and documents (title, tags), without
	 * stemming, so fts5vocab lists surface words with their document
	 * counts.  Contentless tables forget the text, so the delete
	 * triggers repeat the old values, as FTS5's 'delete' command needs.
	 * Rowids: 2 * products.id for products, 2 * documents.id + 1 for
	 * documents.
	 */
	"CREATE VIRTUAL TABLE term_fts USING fts5(words, content = '',"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE VIRTUAL TABLE term_vocab USING fts5vocab(term_fts, row);"
	"CREATE TRIGGER products_terms_ai AFTER INSERT ON products BEGIN"
	"  INSERT INTO term_fts(rowid, words) VALUES (2 * new.id,"
	"    new.name || ' ' || coalesce(new.brand, '') || ' ' ||"
	"    coalesce(new.model, '') || ' ' || new.category || ' ' ||"
	"    coalesce(new.subcategory, '') || ' ' || new.tags);"
	"END;"
	"CREATE TRIGGER products_terms_ad AFTER DELETE ON products BEGIN"
	"  INSERT INTO term_fts(term_fts, rowid, words) VALUES ('delete',"
	"    2 * old.id,"
	"    old.name || ' ' || coalesce(old.brand, '') || ' ' ||"
	"    coalesce(old.model, '') || ' ' || old.category || ' ' ||"
	"    coalesce(old.subcategory, '') || ' ' || old.tags);"
	"END;"
	"CREATE TRIGGER products_terms_au AFTER UPDATE OF id, name, brand,"
	"  model, category, subcategory, tags ON products BEGIN"
	"  INSERT INTO term_fts(term_fts, rowid, words) VALUES ('delete',"
	"    2 * old.id,"
	"    old.name || ' ' || coalesce(old.brand, '') || ' ' ||"
	"    coalesce(old.model, '') || ' ' || old.category || ' ' ||"
	"    coalesce(old.subcategory, '') || ' ' || old.tags);"
	"  INSERT INTO term_fts(rowid, words) VALUES (2 * new.id,"
	"    new.name || ' ' || coalesce(new.brand, '') || ' ' ||"
	"    coalesce(new.model, '') || ' ' || new.category || ' ' ||"
	"    coalesce(new.subcategory, '') || ' ' || new.tags);"
	"END;"
	"CREATE TRIGGER documents_terms_ai AFTER INSERT ON documents BEGIN"
	"  INSERT INTO term_fts(rowid, words) VALUES (2 * new.id + 1,"
	"    new.title || ' ' || new.tags);"
	"END;"
	"CREATE TRIGGER documents_terms_ad AFTER DELETE ON documents BEGIN"
	"  INSERT INTO term_fts(term_fts, rowid, words) VALUES ('delete',"
	"    2 * old.id + 1, old.title || ' ' || old.tags);"
	"END;"
	"CREATE TRIGGER documents_terms_au AFTER UPDATE OF id, title, tags"
	"  ON documents BEGIN"
	"  INSERT INTO term_fts(term_fts, rowid, words) VALUES ('delete',"
	"    2 * old.id + 1, old.title || ' ' || old.tags);"
	"  INSERT INTO term_fts(rowid, words) VALUES (2 * new.id + 1,"
	"    new.title || ' ' || new.tags);"
	"END;"
	"INSERT INTO term_fts(rowid, words) SELECT 2 * id,"
	"  name || ' ' || coalesce(brand, '') || ' ' || coalesce(model, '') ||"
	"  ' ' || category || ' ' || coalesce(subcategory, '') || ' ' || tags"
	"  FROM products;"
	"INSERT INTO term_fts(rowid, words) SELECT 2 * id + 1,"
	"  title || ' ' || tags FROM documents;",

	/*
	 * 5 -> 6: recommendations rank by a Bayesian average of ratings
	 * (catalog.c).  Indexing that expression lets SQLite walk a
	 * category's products best first and stop at the few it needs:
	 * 14 ms to 0.05 ms at 100,000 products.  The expression must stay
	 * identical to the ORDER BY of catalog_products.
	 */
	"CREATE INDEX products_score ON products(category,"
	"  ((coalesce(rating, 0) * review_count + 4.0 * 50)"
	"   / (review_count + 50)) DESC);"
	"CREATE INDEX products_score_all ON products("
	"  ((coalesce(rating, 0) * review_count + 4.0 * 50)"
	"   / (review_count + 50)) DESC);",

	/*
	 * 6 -> 7: recommendations for a use that is a subcategory ("gaming
	 * laptops") read that subcategory's products best first.
	 */
	"CREATE INDEX products_sub_score ON products(category, subcategory,"
	"  ((coalesce(rating, 0) * review_count + 4.0 * 50)"
	"   / (review_count + 50)) DESC);",

	/*
	 * 7 -> 8: API keys and which key opened which session.  Only the
	 * SHA-256 of a key is kept, so a copy of the database does not leak
	 * working keys; api_sessions is a side table rather than a column of
	 * sessions so that the conversation tables stay as history.c knows
	 * them, and a key can be shown only its own sessions.
	 */
	"CREATE TABLE api_keys ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL DEFAULT '',"
	"  prefix TEXT NOT NULL,"
	"  hash TEXT NOT NULL UNIQUE,"
	"  created_at TEXT NOT NULL,"
	"  revoked_at TEXT"
	");"
	"CREATE TABLE api_sessions ("
	"  session_id TEXT PRIMARY KEY"
	"    REFERENCES sessions(id) ON DELETE CASCADE,"
	"  key_id INTEGER REFERENCES api_keys(id)"
	");"
	"CREATE INDEX api_sessions_key ON api_sessions(key_id);",

	/*
	 * 8 -> 9: embeddings of products and chunks for semantic search.
	 * A side table keyed by (kind, row, model) rather than columns of
	 * products and chunks: vectors are large, optional and tied to the
	 * model that made them, so a shop can switch models without
	 * rewriting the catalog.  text_hash notices edited rows; the
	 * triggers drop the vectors of deleted rows.
	 */
	"CREATE TABLE embeddings ("
	"  kind TEXT NOT NULL CHECK (kind IN ('product', 'chunk')),"
	"  item_id INTEGER NOT NULL,"
	"  model TEXT NOT NULL,"
	"  dim INTEGER NOT NULL CHECK (dim > 0),"
	"  text_hash TEXT NOT NULL,"
	"  vec BLOB NOT NULL CHECK (length(vec) = 4 * dim),"
	"  created_at TEXT NOT NULL,"
	"  PRIMARY KEY (kind, item_id, model)"
	") WITHOUT ROWID;"
	"CREATE TRIGGER embeddings_products_ad AFTER DELETE ON products BEGIN"
	"  DELETE FROM embeddings WHERE kind = 'product' AND item_id = old.id;"
	"END;"
	"CREATE TRIGGER embeddings_chunks_ad AFTER DELETE ON chunks BEGIN"
	"  DELETE FROM embeddings WHERE kind = 'chunk' AND item_id = old.id;"
	"END;",

	/*
	 * 9 -> 10: the conversation tables now live in the history file
	 * (history_migrations below).  move_history has copied their rows
	 * there before this runs; children go first.  No trigger or view
	 * of main names these tables.
	 */
	"DROP TABLE main.feedback;"
	"DROP TABLE main.traces;"
	"DROP TABLE main.api_sessions;"
	"DROP TABLE main.messages;"
	"DROP TABLE main.sessions;"
	"DROP TABLE main.api_keys;",

	/*
	 * 10 -> 11: the events the shop's systems pushed (webhook.c), each
	 * applied once: platforms retry a delivery until it is answered.
	 */
	"CREATE TABLE webhook_events ("
	"  source TEXT NOT NULL,"
	"  event_id TEXT NOT NULL,"
	"  topic TEXT NOT NULL,"
	"  received_at TEXT NOT NULL,"
	"  PRIMARY KEY (source, event_id)"
	") WITHOUT ROWID;",

	/*
	 * 11 -> 12: which system an order came from (connector.c), with
	 * its id there, so that a cancellation made in chat is sent to
	 * that system before the customer is told it is done.
	 */
	"CREATE TABLE order_sources ("
	"  order_id TEXT PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,"
	"  source TEXT NOT NULL,"
	"  source_id TEXT NOT NULL"
	") WITHOUT ROWID;",

	/*
	 * 12 -> 13: conversations given as training data (corpus.c), in
	 * the spec's "Training Data Structure": shopdesk train learns from
	 * their labelled customer lines, shopdesk test replays them.  A
	 * rowid table, so they list in the order first stored.
	 */
	"CREATE TABLE training_convs ("
	"  id TEXT NOT NULL UNIQUE,"
	"  intent TEXT,"
	"  category TEXT,"
	"  outcome TEXT,"
	"  reason TEXT,"
	"  updated_at TEXT NOT NULL"
	");"
	"CREATE TABLE training_turns ("
	"  conv_id TEXT NOT NULL"
	"    REFERENCES training_convs(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  speaker TEXT NOT NULL CHECK (speaker IN ('user', 'agent')),"
	"  human INTEGER NOT NULL DEFAULT 0,"
	"  text TEXT NOT NULL,"
	"  intent TEXT,"
	"  PRIMARY KEY (conv_id, seq)"
	") WITHOUT ROWID;",
	/*
	 * A count that moves with every change to chunk_fts's rows (they
	 * change only through these tables' triggers), so search.c keeps
	 * its in-memory index of the chunks while carts and orders write
	 * the catalog file, and rebuilds it only when the documents change.
	 */
	"CREATE TABLE chunk_epoch (n INTEGER NOT NULL);"
	"INSERT INTO chunk_epoch (n) VALUES (0);"
	"CREATE TRIGGER chunks_epoch_ai AFTER INSERT ON chunks BEGIN"
	"  UPDATE chunk_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER chunks_epoch_ad AFTER DELETE ON chunks BEGIN"
	"  UPDATE chunk_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER chunks_epoch_au AFTER UPDATE ON chunks BEGIN"
	"  UPDATE chunk_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER documents_epoch_au AFTER UPDATE OF title, tags"
	"  ON documents BEGIN"
	"  UPDATE chunk_epoch SET n = n + 1;"
	"END;"

	/*
	 * A count that moves with every change to the catalog: products,
	 * documents and their chunks, synonyms and meta (the policies'
	 * facts).  Carts, orders, customers and the history file leave it
	 * as it is, so the per-connection caches of what the catalog says
	 * (store_catalog_version) survive a turn's cart and order writes.
	 */
	"CREATE TABLE catalog_epoch (n INTEGER NOT NULL);"
	"INSERT INTO catalog_epoch (n) VALUES (0);"
	"CREATE TRIGGER products_catalog_ai AFTER INSERT ON products BEGIN"
	"  UPDATE catalog_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER products_catalog_ad AFTER DELETE ON products BEGIN"
	"  UPDATE catalog_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER products_catalog_au AFTER UPDATE ON products BEGIN"
	"  UPDATE catalog_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER documents_catalog_ai AFTER INSERT ON documents BEGIN"
	"  UPDATE catalog_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER documents_catalog_ad AFTER DELETE ON documents BEGIN"
	"  UPDATE catalog_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER documents_catalog_au AFTER UPDATE ON documents BEGIN"
	"  UPDATE catalog_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER chunks_catalog_ai AFTER INSERT ON chunks BEGIN"
	"  UPDATE catalog_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER chunks_catalog_ad AFTER DELETE ON chunks BEGIN"
	"  UPDATE catalog_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER chunks_catalog_au AFTER UPDATE ON chunks BEGIN"
	"  UPDATE catalog_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER synonyms_catalog_ai AFTER INSERT ON synonyms BEGIN"
	"  UPDATE catalog_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER synonyms_catalog_ad AFTER DELETE ON synonyms BEGIN"
	"  UPDATE catalog_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER synonyms_catalog_au AFTER UPDATE ON synonyms BEGIN"
	"  UPDATE catalog_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER meta_catalog_ai AFTER INSERT ON meta BEGIN"
	"  UPDATE catalog_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER meta_catalog_ad AFTER DELETE ON meta BEGIN"
	"  UPDATE catalog_epoch SET n = n + 1;"
	"END;"
	"CREATE TRIGGER meta_catalog_au AFTER UPDATE ON meta BEGIN"
	"  UPDATE catalog_epoch SET n = n + 1;"
	"END;",
};

/*
 * The conversation log: sessions, their messages, traces and feedback,
 * and the API keys that open sessions, in a second file <db>-history
 * attached as schema "history", with its own user_version and this list
 * of migrations (same rules as above).  Every turn commits rows to these
 * tables; in WAL mode a commit by one connection empties the page cache
 * of every other connection for that file, so with the log beside the
 * catalog each worker of shopdesk serve re-read catalog and full-text
 * pages on every turn.  Apart, the catalog file changes only when the
 * shop edits it.  Foreign keys cannot cross files, hence api_keys here
 * too.  Unqualified names resolve main first, then history, so the SQL
 * of the other modules names these tables without a schema.
 */
const char *const store_history_migrations[] = {
	/* 0 -> 1: the tables of main versions 4 and 8, unchanged */
	"CREATE TABLE history.sessions ("
	"  id TEXT PRIMARY KEY,"
	"  user_id TEXT,"
	"  channel TEXT NOT NULL DEFAULT 'console',"
	"  status TEXT NOT NULL DEFAULT 'active'"
	"    CHECK (status IN ('active', 'escalated', 'agent', 'closed')),"
	"  escalation_reason TEXT,"
	"  agent TEXT,"
	"  state TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(state)),"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL"
	");"
	"CREATE INDEX history.sessions_user ON sessions(user_id, updated_at);"
	"CREATE INDEX history.sessions_updated ON sessions(updated_at);"
	"CREATE TABLE history.messages ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  role TEXT NOT NULL CHECK (role IN ('user', 'bot', 'agent', 'system')),"
	"  text TEXT NOT NULL,"
	"  intent TEXT,"
	"  confidence REAL,"
	"  action TEXT,"
	"  latency_us INTEGER,"
	"  created_at TEXT NOT NULL,"
	"  UNIQUE (session_id, seq)"
	");"
	"CREATE TABLE history.traces ("
	"  message_id INTEGER PRIMARY KEY"
	"    REFERENCES messages(id) ON DELETE CASCADE,"
	"  trace TEXT NOT NULL CHECK (json_valid(trace))"
	");"
	"CREATE TABLE history.feedback ("
	"  id INTEGER PRIMARY KEY,"
	"  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,"
	"  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),"
	"  comment TEXT,"
	"  created_at TEXT NOT NULL"
	");"
	"CREATE TABLE history.api_keys ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL DEFAULT '',"
	"  prefix TEXT NOT NULL,"
	"  hash TEXT NOT NULL UNIQUE,"
	"  created_at TEXT NOT NULL,"
	"  revoked_at TEXT"
	");"
	"CREATE TABLE history.api_sessions ("
	"  session_id TEXT PRIMARY KEY"
	"    REFERENCES sessions(id) ON DELETE CASCADE,"
	"  key_id INTEGER REFERENCES api_keys(id)"
	");"
	"CREATE INDEX history.api_sessions_key ON api_sessions(key_id);",

	/*
	 * 1 -> 2: admin keys.  A key sees the analytics of the sessions it
	 * opened only; an admin key (apikey create --admin) sees the
	 * whole shop's.
	 */
	"ALTER TABLE history.api_keys ADD COLUMN"
	"  admin INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1));",

	/*
	 * 2 -> 3: the analytics as running totals per key (0: a session
	 * no key opened) and per day, kept by analytics-agg.c in the
	 * transaction of each turn, so that a call reads a few rows
	 * instead of every message.  stats_session keeps where each
	 * session's conversation stands.  stats_built holds a row once
	 * the totals cover the whole history: at once for a history with
	 * no message yet, else after analytics_rebuild.
	 */
	"CREATE TABLE history.stats_day ("
	"  key_id INTEGER NOT NULL,"
	"  day TEXT NOT NULL,"
	"  sessions INTEGER NOT NULL DEFAULT 0,"
	"  turns INTEGER NOT NULL DEFAULT 0,"
	"  replies INTEGER NOT NULL DEFAULT 0,"
	"  fallbacks INTEGER NOT NULL DEFAULT 0,"
	"  convs INTEGER NOT NULL DEFAULT 0,"
	"  resolved INTEGER NOT NULL DEFAULT 0,"
	"  escalated INTEGER NOT NULL DEFAULT 0,"
	"  ratings INTEGER NOT NULL DEFAULT 0,"
	"  rating_sum INTEGER NOT NULL DEFAULT 0,"
	"  rating_pos INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (key_id, day)"
	") WITHOUT ROWID;"
	"CREATE TABLE history.stats_intent ("
	"  key_id INTEGER NOT NULL,"
	"  day TEXT NOT NULL,"
	"  intent TEXT NOT NULL,"
	"  n INTEGER NOT NULL,"
	"  PRIMARY KEY (key_id, day, intent)"
	") WITHOUT ROWID;"
	"CREATE TABLE history.stats_latency ("
	"  key_id INTEGER NOT NULL,"
	"  day TEXT NOT NULL,"
	"  latency_us INTEGER NOT NULL,"
	"  n INTEGER NOT NULL,"
	"  PRIMARY KEY (key_id, day, latency_us)"
	") WITHOUT ROWID;"
	"CREATE TABLE history.stats_failing ("
	"  key_id INTEGER NOT NULL,"
	"  day TEXT NOT NULL,"
	"  intent TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  n INTEGER NOT NULL,"
	"  PRIMARY KEY (key_id, day, intent, text)"
	") WITHOUT ROWID;"
	"CREATE TABLE history.stats_session ("
	"  session_id TEXT PRIMARY KEY,"
	"  key_id INTEGER NOT NULL,"
	"  first_day TEXT NOT NULL,"
	"  last_day TEXT NOT NULL,"
	"  state INTEGER NOT NULL,"
	"  escalated INTEGER NOT NULL,"
	"  status_escalated INTEGER NOT NULL"
	") WITHOUT ROWID;"
	"CREATE INDEX history.stats_session_span ON stats_session(last_day)"
	"  WHERE first_day < last_day;"
	"CREATE TABLE history.stats_built (at TEXT NOT NULL);"
	"INSERT INTO history.stats_built SELECT 'migration'"
	"  WHERE NOT EXISTS (SELECT 1 FROM history.messages)"
	"    AND NOT EXISTS (SELECT 1 FROM history.feedback);",

	/*
	 * 3 -> 4: the fact-check's verdict on each reply: claims made,
	 * claims the store backed as written, and whether a template was
	 * filled with facts the store does not back (NULL on the
	 * customer's lines and on replies stored before); and their daily
	 * sums beside the analytics' other running totals.
	 */
	"ALTER TABLE history.messages ADD COLUMN claims INTEGER;"
	"ALTER TABLE history.messages ADD COLUMN claims_backed INTEGER;"
	"ALTER TABLE history.messages ADD COLUMN fill_bug INTEGER;"
	"ALTER TABLE history.stats_day ADD COLUMN"
	"  checked INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE history.stats_day ADD COLUMN"
	"  claims INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE history.stats_day ADD COLUMN"
	"  backed INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE history.stats_day ADD COLUMN"
	"  fill_bugs INTEGER NOT NULL DEFAULT 0;",

	/*
	 * 4 -> 5: the web sites that embed the chat widget (site.c): a
	 * public key named in the pages, the origins they are served
	 * from, and the secret that signs customers' identities; and
	 * which site opened which session, for which verified customer
	 * (NULL: an anonymous visitor).
	 */
	"CREATE TABLE history.sites ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL DEFAULT '',"
	"  public_key TEXT NOT NULL UNIQUE,"
	"  secret TEXT NOT NULL,"
	"  origins TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  revoked_at TEXT"
	");"
	"CREATE TABLE history.site_sessions ("
	"  session_id TEXT PRIMARY KEY"
	"    REFERENCES sessions(id) ON DELETE CASCADE,"
	"  site_id INTEGER NOT NULL REFERENCES sites(id),"
	"  customer TEXT"
	");",

	/*
	 * 5 -> 6: proactive messages (trigger.c): each firing once per
	 * trigger, customer and subject, with the message it became;
	 * customers who asked for none; products customers watch for a
	 * price drop or a return to stock, with the price and stock then.
	 */
	"CREATE TABLE history.trigger_firings ("
	"  id INTEGER PRIMARY KEY,"
	"  trigger TEXT NOT NULL,"
	"  customer TEXT NOT NULL,"
	"  key TEXT NOT NULL,"
	"  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	"  message_id INTEGER,"
	"  fired_at TEXT NOT NULL,"
	"  UNIQUE (trigger, customer, key)"
	");"
	"CREATE INDEX history.trigger_firings_customer"
	"  ON trigger_firings(customer, fired_at);"
	"CREATE TABLE history.trigger_optouts ("
	"  customer TEXT PRIMARY KEY,"
	"  at TEXT NOT NULL"
	") WITHOUT ROWID;"
	"CREATE TABLE history.trigger_watches ("
	"  customer TEXT NOT NULL,"
	"  sku TEXT NOT NULL,"
	"  price REAL NOT NULL,"
	"  stock INTEGER NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  PRIMARY KEY (customer, sku)"
	") WITHOUT ROWID;",

	/*
	 * 6 -> 7: each customer turn's quality measures, kept by
	 * analytics-quality.c with the turn: the reply's template variant
	 * and generator, how many key terms the message had and the cited
	 * context covered, the fact-check's counts, the feeling, and
	 * whether it repeated the previous question.  Turns stored before
	 * get what their traces say; their relevance stays unknown (NULL).
	 */
	"CREATE TABLE history.turn_metrics ("
	"  user_msg_id INTEGER PRIMARY KEY"
	"    REFERENCES messages(id) ON DELETE CASCADE,"
	"  reply_id INTEGER,"
	"  session_id TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  intent TEXT,"
	"  confidence REAL,"
	"  action TEXT,"
	"  variant TEXT,"
	"  generator TEXT,"
	"  terms TEXT NOT NULL DEFAULT '',"
	"  asked INTEGER,"
	"  covered INTEGER,"
	"  claims INTEGER,"
	"  backed INTEGER,"
	"  feeling TEXT,"
	"  urgent INTEGER NOT NULL DEFAULT 0,"
	"  rephrase INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX history.turn_metrics_time ON turn_metrics(created_at);"
	"CREATE INDEX history.turn_metrics_session"
	"  ON turn_metrics(session_id, user_msg_id);"
	"INSERT INTO history.turn_metrics(user_msg_id, reply_id, session_id,"
	"  created_at, intent, confidence, action, variant, generator,"
	"  claims, backed, feeling, urgent)"
	"  SELECT u.id, b.id, u.session_id, u.created_at, u.intent,"
	"  u.confidence, b.action, json_extract(t.trace, '$.template'),"
	"  json_extract(t.trace, '$.generator'), b.claims, b.claims_backed,"
	"  json_extract(t.trace, '$.feeling.label'),"
	"  coalesce(json_extract(t.trace, '$.feeling.urgent'), 0)"
	"  FROM history.messages u LEFT JOIN history.messages b"
	"  ON b.session_id = u.session_id AND b.seq = u.seq + 1"
	"  AND b.role = 'bot'"
	"  LEFT JOIN history.traces t ON t.message_id = b.id"
	"  WHERE u.role = 'user';",

	/*
	 * 7 -> 8: A/B experiments (experiment.c): their arms as JSON
	 * [{"name", "settings"}], one running at a time; and the arm each
	 * turn was exposed to, beside its measures, for the report.
	 */
	"CREATE TABLE history.experiments ("
	"  name TEXT PRIMARY KEY,"
	"  description TEXT NOT NULL DEFAULT '',"
	"  arms TEXT NOT NULL CHECK (json_valid(arms)),"
	"  status TEXT NOT NULL DEFAULT 'running'"
	"    CHECK (status IN ('running', 'stopped')),"
	"  created_at TEXT NOT NULL,"
	"  stopped_at TEXT"
	");"
	"CREATE UNIQUE INDEX history.experiments_running ON experiments(status)"
	"  WHERE status = 'running';"
	"ALTER TABLE history.turn_metrics ADD COLUMN experiment TEXT;"
	"ALTER TABLE history.turn_metrics ADD COLUMN arm TEXT;"
	"CREATE INDEX history.turn_metrics_experiment"
	"  ON turn_metrics(experiment, arm) WHERE experiment IS NOT NULL;",

	/*
	 * 8 -> 9: the agent desk (desk.c).  Agents' private notes and the
	 * desk's events (a forced takeover) live apart from messages, so
	 * that nothing which shows a customer their conversation (the
	 * API's history, exports) can show them; after_seq places each
	 * after the message it followed.  Labels of a session, and who
	 * resolved it when, for the desk's queue and the analytics.
	 */
	"CREATE TABLE history.desk_notes ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	"  after_seq INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('note', 'event')),"
	"  agent TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  created_at TEXT NOT NULL"
	");"
	"CREATE INDEX history.desk_notes_session ON desk_notes(session_id, id);"
	"CREATE TABLE history.desk_labels ("
	"  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	"  label TEXT NOT NULL,"
	"  PRIMARY KEY (session_id, label)"
	") WITHOUT ROWID;"
	"CREATE INDEX history.desk_labels_label ON desk_labels(label);"
	"CREATE TABLE history.desk_resolved ("
	"  session_id TEXT PRIMARY KEY"
	"    REFERENCES sessions(id) ON DELETE CASCADE,"
	"  agent TEXT NOT NULL,"
	"  at TEXT NOT NULL"
	");"
	"CREATE INDEX history.desk_resolved_at ON desk_resolved(at);",

	/*
	 * 9 -> 10: the agent role of an API key (apikey create --agent
	 * NAME): the desk's routes act as that agent; NULL for a key that
	 * only talks as customers.
	 */
	"ALTER TABLE history.api_keys ADD COLUMN agent TEXT;",

	/*
	 * 10 -> 11: reviews of customer turns (review.c), one per turn:
	 * re-reviewing replaces it (revisions counts how often).  The
	 * verdict on the reply, and what the turn should have been: the
	 * intent, entities ([{"type", "value"}]), the product (SKU) or
	 * order it was about, the reply it should have given; NULL where
	 * the reviewer corrected nothing.  Feedback by reply, for the
	 * review queue, which reads every reply's lowest rating.
	 */
	"CREATE TABLE history.reviews ("
	"  user_msg_id INTEGER PRIMARY KEY"
	"    REFERENCES messages(id) ON DELETE CASCADE,"
	"  verdict TEXT NOT NULL CHECK (verdict IN ('good', 'bad')),"
	"  intent TEXT,"
	"  entities TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(entities)),"
	"  product TEXT,"
	"  order_id TEXT,"
	"  reply TEXT,"
	"  reviewer TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  revisions INTEGER NOT NULL DEFAULT 1"
	");"
	/* the queue reads each reply's lowest rating */
	"CREATE INDEX history.feedback_message ON feedback(message_id);",

	/*
	 * 11 -> 12: when the customer's client first fetched each
	 * proactive message (trigger.c): the notifications list, the
	 * session's event stream or its history over the API.  NULL: not
	 * seen yet.  Only unseen firings are indexed, by message, so that
	 * a fetch finds what it makes seen without a write when nothing is.
	 */
	"ALTER TABLE history.trigger_firings ADD COLUMN seen_at TEXT;"
	"CREATE INDEX history.trigger_firings_unseen"
	"  ON trigger_firings(message_id) WHERE seen_at IS NULL;",

	/*
	 * 12 -> 13: the quality figures as running totals
	 * (analytics-qtotals.c): per key, day, dimension (intent,
	 * variant, generator, channel) and its value, the sums of the
	 * turns' measures and the turns by their conversation's outcome
	 * (u, r, n: unknown, resolved, not resolved); the conversations
	 * by outcome on the day of their first turn; where each session's
	 * conversation stands; the turns in the failure or gap reports.
	 * A session's ratings are read at each of its turns: feedback's
	 * index by reply gains the rating.  Emptying stats_built (when there are turns) has
	 * the first analytics call build them from the turns stored
	 * before.
	 */
	"CREATE TABLE history.stats_quality ("
	"  key_id INTEGER NOT NULL,"
	"  day TEXT NOT NULL,"
	"  dim TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  turns INTEGER NOT NULL DEFAULT 0,"
	"  replies INTEGER NOT NULL DEFAULT 0,"
	"  rel_n INTEGER NOT NULL DEFAULT 0,"
	"  rel_sum INTEGER NOT NULL DEFAULT 0,"
	"  claims INTEGER NOT NULL DEFAULT 0,"
	"  backed INTEGER NOT NULL DEFAULT 0,"
	"  ratings INTEGER NOT NULL DEFAULT 0,"
	"  rating_sum INTEGER NOT NULL DEFAULT 0,"
	"  rating_pos INTEGER NOT NULL DEFAULT 0,"
	"  u INTEGER NOT NULL DEFAULT 0,"
	"  r INTEGER NOT NULL DEFAULT 0,"
	"  n INTEGER NOT NULL DEFAULT 0,"
	"  frustrated INTEGER NOT NULL DEFAULT 0,"
	"  angry INTEGER NOT NULL DEFAULT 0,"
	"  urgent INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (key_id, day, dim, name)"
	") WITHOUT ROWID;"
	"CREATE TABLE history.stats_qconv ("
	"  key_id INTEGER NOT NULL,"
	"  day TEXT NOT NULL,"
	"  outcome INTEGER NOT NULL,"
	"  why INTEGER NOT NULL,"
	"  assumed INTEGER NOT NULL,"
	"  n INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (key_id, day, outcome, why, assumed)"
	") WITHOUT ROWID;"
	"CREATE TABLE history.stats_qsession ("
	"  session_id TEXT PRIMARY KEY,"
	"  key_id INTEGER NOT NULL,"
	"  first_day TEXT NOT NULL,"
	"  last_day TEXT NOT NULL,"
	"  outcome INTEGER NOT NULL,"
	"  why INTEGER NOT NULL,"
	"  assumed INTEGER NOT NULL,"
	"  walk TEXT NOT NULL DEFAULT ''"
	") WITHOUT ROWID;"
	"CREATE TABLE history.stats_qfail ("
	"  user_msg_id INTEGER PRIMARY KEY,"
	"  session_id TEXT NOT NULL,"
	"  key_id INTEGER NOT NULL,"
	"  day TEXT NOT NULL,"
	"  intent TEXT NOT NULL,"
	"  terms TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  bits INTEGER NOT NULL"
	");"
	"CREATE INDEX history.stats_qfail_session"
	"  ON stats_qfail(session_id, user_msg_id);"
	"DROP INDEX IF EXISTS history.feedback_message;"
	"CREATE INDEX history.feedback_message"
	"  ON feedback(message_id, rating);"
	"DELETE FROM history.stats_built"
	"  WHERE EXISTS (SELECT 1 FROM history.turn_metrics);",
	/*
	 * 13 -> 14: a session's agent lines without reading its messages.
	 * Each saved turn reads its quality row back (analytics-quality.c),
	 * which asks whether an agent spoke in the session: by the
	 * (session_id, seq) index that read every message of the session.
	 * Only agent lines enter this index, so a customer's or the bot's
	 * line costs it nothing.
	 */
	"CREATE INDEX history.messages_agent ON messages(session_id)"
	"  WHERE role = 'agent';",
};

/*
 * Parents first, so that the foreign keys hold row by row.  api_keys
 * and messages name their columns: the history file's tables have grown
 * since (admin; the fact-check's counts).
 * The copied messages are not in the analytics' running totals yet.
 */
const char store_move_history_sql[] =
	"INSERT OR IGNORE INTO history.api_keys(id, name, prefix, hash,"
	"  created_at, revoked_at) SELECT id, name, prefix, hash, created_at,"
	"  revoked_at FROM main.api_keys;"
	"INSERT OR IGNORE INTO history.sessions SELECT * FROM main.sessions;"
	"INSERT OR IGNORE INTO history.api_sessions"
	"  SELECT * FROM main.api_sessions;"
	"INSERT OR IGNORE INTO history.messages(id, session_id, seq, role,"
	"  text, intent, confidence, action, latency_us, created_at)"
	"  SELECT id, session_id, seq, role, text, intent, confidence, action,"
	"  latency_us, created_at FROM main.messages;"
	"INSERT OR IGNORE INTO history.traces SELECT * FROM main.traces;"
	"INSERT OR IGNORE INTO history.feedback SELECT * FROM main.feedback;"
	"DELETE FROM history.stats_built WHERE EXISTS (SELECT 1 FROM"
	"  main.messages) OR EXISTS (SELECT 1 FROM main.feedback);";

const int store_nmigrations = (int)(sizeof store_migrations /
    sizeof store_migrations[0]);
const int store_nhistory = (int)(sizeof store_history_migrations /
    sizeof store_history_migrations[0]);
