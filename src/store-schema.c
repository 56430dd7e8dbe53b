/*
 * store-schema.c holds the schema of the catalog file (main) as its
 * migrations; those of the conversation log (the history file) are in
 * store-history-schema.c.  store.c runs them; nothing else reads them.
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

const int store_nmigrations = (int)(sizeof store_migrations /
    sizeof store_migrations[0]);
