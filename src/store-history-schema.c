/*
 * store-history-schema.c holds the schema of the conversation log (the
 * history file) as its migrations, and the SQL that moved the log out of
 * the catalog file.  store.c runs them; nothing else reads them.
 */
#include "config.h"

#include "store-int.h"

/*
 * The conversation log: sessions, their messages, traces and feedback, and
 * the API keys that open sessions, in a second file <db>-history attached
 * as schema "history", with its own user_version and this list of
 * migrations (same rules as the catalog's, in store-schema.c).  Every turn
 * commits rows to these tables; in WAL mode a commit by one connection
 * empties the page cache of every other connection for that file, so with
 * the log beside the catalog each worker of shopdesk serve re-read catalog
 * and full-text pages on every turn.  Apart, the catalog file changes only
 * when the shop edits it.  Foreign keys cannot cross files, hence api_keys
 * here too.  Unqualified names resolve main first, then history, so the
 * SQL of the other modules names these tables without a schema.
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

const int store_nhistory = (int)(sizeof store_history_migrations /
    sizeof store_history_migrations[0]);
