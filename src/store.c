/*
 * store.c owns the SQLite handle, runs the schema's migrations (their
 * SQL is in store-schema.c), and keeps the per-connection cache of
 * prepared statements.  Other modules keep the SQL
 * of their own tables next to their code and run it through store_prepare,
 * so every statement is bound, never formatted from user text.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "store.h"
#include "store-int.h"


#define STMT_CACHE	64	/* slots; a power of two */

int
store_history_version(void)
{
	return store_nhistory;
}

struct stmt_slot {
	const char	*sql;		/* key: address of the SQL text */
	sqlite3_stmt	*stmt;
};

struct store {
	sqlite3		*db;		/* the one connection of this store */
	char		*path;		/* as given to store_open */
	int		 in_tx;		/* inside store_begin */
	struct stmt_slot *slots;	/* open-addressing statement cache */
	size_t		 nslots;	/* capacity, a power of two */
	size_t		 nused;		/* filled slots */
	void		*data[STORE_NSLOTS];	/* store_slot_set */
	void		(*data_free[STORE_NSLOTS])(void *);
	long long	 cv;		/* store_catalog_version: the count */
	unsigned	 cv_dv;		/* the data version it was read at */
	int		 cv_valid;	/* cv and cv_dv may be used */
	int		 ckpt_due;	/* store_checkpoint_later: a WAL is
					   past CKPT_LATER_FRAMES */
};

int
store_schema_version(void)
{
	return store_nmigrations;
}

/*
 * A lock another connection holds past the busy timeout is SD_ERR_BUSY,
 * not SD_ERR_DB: the store is fine and the same call succeeds later, so
 * a front end can say "try again" (the server answers 503) rather than
 * report a failure.
 */
enum sd_rc
store_fail(struct store *st, struct sd_error *err, const char *what)
{
	int	 code = st != NULL && st->db != NULL ?
		    sqlite3_errcode(st->db) & 0xff : SQLITE_ERROR;

	return sd_fail(err, code == SQLITE_BUSY || code == SQLITE_LOCKED ?
	    SD_ERR_BUSY : SD_ERR_DB, "%s: %s", what,
	    st != NULL && st->db != NULL ? sqlite3_errmsg(st->db) :
	    "no database");
}

enum sd_rc
store_revoke(struct store *st, const char *get, const char *set,
    const char *what, long long id, struct sd_error *err)
{
	sqlite3_stmt	*s;
	char		*msg;
	enum sd_rc	 rc;
	int		 r, revoked = 0;

	if ((s = store_prepare(st, get, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW)
		revoked = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	if (r == SQLITE_DONE)
		return sd_fail(err, SD_ERR_NOTFOUND, "no %s %lld", what, id);
	if (r != SQLITE_ROW) {
		msg = xasprintf("read %s", what);
		rc = store_fail(st, err, msg);
		free(msg);
		return rc;
	}
	if (revoked)
		return sd_fail(err, SD_ERR_INVALID, "%s %lld is revoked "
		    "already", what, id);
	if ((s = store_prepare(st, set, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, store_now(), -1, SQLITE_TRANSIENT);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r == SQLITE_DONE)
		return SD_OK;
	msg = xasprintf("revoke %s", what);
	rc = store_fail(st, err, msg);
	free(msg);
	return rc;
}

/* PRAGMA user_version of schema ("main" or "history"), -1 on error. */
static int
read_user_version(sqlite3 *db, const char *schema)
{
	sqlite3_stmt	*s = NULL;
	char		*sql = xasprintf("PRAGMA %s.user_version", schema);
	int		 v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	free(sql);
	return v;
}

/*
 * Copy the conversation rows of main into history, inside the open
 * BEGIN IMMEDIATE of main migration 9 -> 10, which then drops them from
 * main.  A transaction over two WAL files is atomic per file only, and
 * SQLite commits main first: had one transaction copied and dropped, a
 * crash between the two files' commits would leave main without its
 * tables and history without the rows.  So rows copied are committed
 * alone (history only), and the migration goes on only when a copy,
 * under the same lock as the drop, finds nothing left to copy.  A crash
 * anywhere leaves main at version 9 with its rows, or at 10 with every
 * row in history; the next open finishes the move (INSERT OR IGNORE
 * skips the rows already there).
 */
static enum sd_rc
move_history(struct store *st, struct sd_error *err)
{
	int	 before;

	for (;;) {
		before = sqlite3_total_changes(st->db);
		if (sqlite3_exec(st->db, store_move_history_sql, NULL, NULL,
		    NULL) != SQLITE_OK)
			return sd_fail(err, SD_ERR_DB, "move history: %s",
			    sqlite3_errmsg(st->db));
		if (sqlite3_total_changes(st->db) == before)
			return SD_OK;
		if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) !=
		    SQLITE_OK)
			return store_fail(st, err, "commit moved history");
		if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL,
		    NULL) != SQLITE_OK)
			return store_fail(st, err, "begin migration");
	}
}

/*
 * Bring schema ("main" or "history") to version target with steps[],
 * one transaction per step.
 */
static enum sd_rc
migrate(struct store *st, const char *schema, const char *const *steps,
    int nsteps, int target, struct sd_error *err)
{
	int	 v;
	char	*sql;
	enum sd_rc rc = SD_OK;

	if ((v = read_user_version(st->db, schema)) < 0)
		return store_fail(st, err, "read schema version");
	if (v > nsteps)
		return sd_fail(err, SD_ERR_INVALID,
		    "schema version %d is newer than this shopdesk (%d); "
		    "upgrade shopdesk", v, nsteps);
	for (; v < target; v++) {
		if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL,
		    NULL) != SQLITE_OK)
			return store_fail(st, err, "begin migration");
		if (steps == store_migrations && v == MOVE_HISTORY_AT &&
		    (rc = move_history(st, err)) != SD_OK) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return rc;
		}
		sql = xasprintf("%s; PRAGMA %s.user_version = %d;",
		    steps[v], schema, v + 1);
		if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
			rc = sd_fail(err, SD_ERR_DB,
			    "migrate schema %d to %d: %s", v, v + 1,
			    sqlite3_errmsg(st->db));
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			free(sql);
			return rc;
		}
		free(sql);
		if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) !=
		    SQLITE_OK) {
			rc = store_fail(st, err, "commit migration");
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return rc;
		}
	}
	return SD_OK;
}

char *
store_history_path(const char *path)
{
	if (strcmp(path, ":memory:") == 0)
		return xstrdup(":memory:");
	return xasprintf("%s-history", path);
}

/*
 * Attach <path>-history as schema history (creating it if needed) and
 * bring it to the current history version.  ATTACH cannot run inside a
 * transaction, so this comes before main's migrations, which need it.
 */
static enum sd_rc
attach_history(struct store *st, struct sd_error *err)
{
	sqlite3_stmt	*s = NULL;
	char		*hpath = store_history_path(st->path);
	int		 r;
	enum sd_rc	 rc = SD_OK;

	if (sqlite3_prepare_v2(st->db, "ATTACH ?1 AS history", -1, &s,
	    NULL) != SQLITE_OK) {
		rc = store_fail(st, err, "attach history");
		goto out;
	}
	sqlite3_bind_text(s, 1, hpath, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_finalize(s);
	if (r != SQLITE_DONE) {
		rc = sd_fail(err, SD_ERR_DB, "%s: %s", hpath,
		    sqlite3_errmsg(st->db));
		goto out;
	}
	/*
	 * Durable at checkpoints, like main; readers beside one writer.
	 * 2 KB pages (for a new file): a turn rewrites about eight pages
	 * (table tails, one session's index leaf, the session row), and
	 * each commit copies them whole into the WAL, checksummed: 4 KB
	 * pages made the WAL write the largest single cost of a turn under
	 * load.  1 KB pages write fewer bytes but push a turn's trace
	 * (about 1.7 KB) into an overflow page, so more pages and more
	 * writes; 2 KB measured best.  Nothing reads the history in large
	 * scans.
	 */
	if (sqlite3_exec(st->db, "PRAGMA history.page_size = 2048;"
	    "PRAGMA history.journal_mode = WAL;"
	    "PRAGMA history.synchronous = NORMAL;", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		rc = sd_fail(err, SD_ERR_DB, "%s: %s", hpath,
		    sqlite3_errmsg(st->db));
		goto out;
	}
	if ((rc = migrate(st, "history", store_history_migrations,
	    store_nhistory, store_nhistory, err)) != SD_OK)
		sd_error_prefix(err, "%s: ", hpath);
out:
	free(hpath);
	return rc;
}

/*
 * Open path and migrate main to version target; from the version that
 * moved the conversation log out of main on, attach the history file.
 */
static struct store *
open_common(const char *path, int target, int *created, struct sd_error *err)
{
	struct store	*st;
	int		 v;

	if (path == NULL || *path == '\0') {
		sd_fail(err, SD_ERR_USAGE, "empty database path");
		return NULL;
	}
	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->nslots = STMT_CACHE;
	st->slots = xcalloc(st->nslots, sizeof *st->slots);
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		sd_fail(err, SD_ERR_DB, "%s: %s", path,
		    st->db != NULL ? sqlite3_errmsg(st->db) : "cannot open");
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 5000);
	/* WAL lets readers (the console, the API) run beside one writer. */
	/*
	 * A 32 MB page cache and a mapped file: at 100,000 products a turn
	 * reads index pages the default 2 MB cache kept evicting, each
	 * eviction a pread.  (The cache size is main's; the mapping, set
	 * without a schema, also applies to the history file attached
	 * later.)
	 */
	if (sqlite3_exec(st->db, "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = NORMAL;"
	    "PRAGMA foreign_keys = ON;"
	    "PRAGMA cache_size = -32768;"
	    "PRAGMA mmap_size = 268435456;", NULL, NULL, NULL) != SQLITE_OK) {
		sd_fail(err, SD_ERR_DB, "%s: %s", path, sqlite3_errmsg(st->db));
		goto fail;
	}
	if ((v = read_user_version(st->db, "main")) < 0) {
		sd_fail(err, SD_ERR_DB, "%s: not a database: %s", path,
		    sqlite3_errmsg(st->db));
		goto fail;
	}
	if (created != NULL)
		*created = (v == 0);
	/* Refuse a newer main before creating a history file beside it. */
	if (v > store_nmigrations) {
		sd_fail(err, SD_ERR_INVALID, "%s: schema version %d is newer "
		    "than this shopdesk (%d); upgrade shopdesk", path, v,
		    store_nmigrations);
		goto fail;
	}
	if (target > MOVE_HISTORY_AT && attach_history(st, err) != SD_OK)
		goto fail;
	if (migrate(st, "main", store_migrations, store_nmigrations, target,
	    err) != SD_OK) {
		sd_error_prefix(err, "%s: ", path);
		goto fail;
	}
	return st;
fail:
	store_close(st);
	return NULL;
}

struct store *
store_open(const char *path, int *created, struct sd_error *err)
{
	return open_common(path, store_nmigrations, created, err);
}

struct store *
store_open_at(const char *path, int version, struct sd_error *err)
{
	if (version < 0 || version > store_nmigrations) {
		sd_fail(err, SD_ERR_USAGE, "no schema version %d", version);
		return NULL;
	}
	return open_common(path, version, NULL, err);
}

void
store_close(struct store *st)
{
	size_t	 i;

	if (st == NULL)
		return;
	for (i = 0; i < STORE_NSLOTS; i++)
		if (st->data[i] != NULL && st->data_free[i] != NULL)
			st->data_free[i](st->data[i]);
	for (i = 0; i < st->nslots; i++)
		sqlite3_finalize(st->slots[i].stmt);
	free(st->slots);
	if (st->db != NULL)
		sqlite3_close(st->db);
	free(st->path);
	free(st);
}

void *
store_slot_get(struct store *st, enum store_slot i)
{
	return st->data[i];
}

int
store_data_version(struct store *st, unsigned *dv)
{
	*dv = 0;
	if (sqlite3_txn_state(st->db, "main") == SQLITE_TXN_WRITE ||
	    sqlite3_file_control(st->db, "main", SQLITE_FCNTL_DATA_VERSION,
	    dv) != SQLITE_OK)
		return -1;
	return 0;
}

/*
 * catalog_epoch's count, read again only when the data version moved:
 * the same data version is the same count.  The count is read with the
 * version of the read transaction it comes from, so a pair kept is
 * always one snapshot's.
 */
int
store_catalog_version(struct store *st, long long *cv)
{
	static const char sql[] = "SELECT n FROM catalog_epoch";
	sqlite3_stmt	*s;
	unsigned	 dv;
	int		 got = 0;

	*cv = 0;
	if (store_data_version(st, &dv) != 0)
		return -1;
	if (st->cv_valid && st->cv_dv == dv) {
		*cv = st->cv;
		return 0;
	}
	/* An older schema (store_open_at) has no count: no cache. */
	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW && store_data_version(st, &dv) == 0) {
		*cv = sqlite3_column_int64(s, 0);
		got = 1;
	}
	sqlite3_reset(s);
	if (!got)
		return -1;
	st->cv = *cv;
	st->cv_dv = dv;
	st->cv_valid = 1;
	return 0;
}

void
store_slot_set(struct store *st, enum store_slot i, void *p,
    void (*free_fn)(void *))
{
	if (st->data[i] != NULL && st->data[i] != p && st->data_free[i] != NULL)
		st->data_free[i](st->data[i]);
	st->data[i] = p;
	st->data_free[i] = free_fn;
}

sqlite3 *
store_db(struct store *st)
{
	return st->db;
}

const char *
store_path(struct store *st)
{
	return st->path;
}

int
store_user_version(struct store *st)
{
	return read_user_version(st->db, "main");
}

static size_t
slot_hash(const char *sql, size_t n)
{
	uintptr_t	 h = (uintptr_t)sql;

	h ^= h >> 17;
	h *= (uintptr_t)0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 7) & (n - 1);
}

static void
cache_grow(struct store *st)
{
	struct stmt_slot *old = st->slots;
	size_t		  oldn = st->nslots, i, j;

	st->nslots *= 2;
	st->slots = xcalloc(st->nslots, sizeof *st->slots);
	for (i = 0; i < oldn; i++) {
		if (old[i].sql == NULL)
			continue;
		j = slot_hash(old[i].sql, st->nslots);
		while (st->slots[j].sql != NULL)
			j = (j + 1) & (st->nslots - 1);
		st->slots[j] = old[i];
	}
	free(old);
}

sqlite3_stmt *
store_prepare(struct store *st, const char *sql, struct sd_error *err)
{
	size_t		 j;
	sqlite3_stmt	*s = NULL;

	j = slot_hash(sql, st->nslots);
	while (st->slots[j].sql != NULL) {
		if (st->slots[j].sql == sql) {
			s = st->slots[j].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return s;
		}
		j = (j + 1) & (st->nslots - 1);
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
	    NULL) != SQLITE_OK) {
		sd_fail(err, SD_ERR_DB, "prepare: %s", sqlite3_errmsg(st->db));
		sqlite3_finalize(s);
		return NULL;
	}
	if ((st->nused + 1) * 2 > st->nslots) {
		cache_grow(st);
		j = slot_hash(sql, st->nslots);
		while (st->slots[j].sql != NULL)
			j = (j + 1) & (st->nslots - 1);
	}
	st->slots[j].sql = sql;
	st->slots[j].stmt = s;
	st->nused++;
	return s;
}

enum sd_rc
store_exec(struct store *st, const char *sql, struct sd_error *err)
{
	char	*msg = NULL;
	enum sd_rc rc = SD_OK;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK)
		rc = sd_fail(err, SD_ERR_DB, "%s",
		    msg != NULL ? msg : sqlite3_errmsg(st->db));
	sqlite3_free(msg);
	return rc;
}

enum sd_rc
store_begin(struct store *st, struct sd_error *err)
{
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return store_fail(st, err, "begin transaction");
	st->in_tx = 1;
	return SD_OK;
}

/*
 * BEGIN IMMEDIATE takes the write lock of every attached file, the
 * history too, for as long as the transaction lasts: during a long
 * ingest every turn's save failed with "database is locked".  A deferred
 * BEGIN takes each file's lock when it is first written; the empty
 * DELETE then takes main's at once (waiting on the busy handler) before
 * anything is read, so the transaction never has to upgrade a read
 * snapshot, which fails with SQLITE_BUSY_SNAPSHOT however long one
 * waits.  (SQLite 3.40 takes the lock for a write statement even when
 * it changes no row; test-store checks that it still does.)
 */
enum sd_rc
store_begin_main(struct store *st, struct sd_error *err)
{
	enum sd_rc	 rc;

	if (sqlite3_exec(st->db, "BEGIN; DELETE FROM main.meta WHERE 0",
	    NULL, NULL, NULL) != SQLITE_OK) {
		rc = store_fail(st, err, "begin transaction");
		store_rollback(st);
		return rc;
	}
	st->in_tx = 1;
	return SD_OK;
}

enum sd_rc
store_begin_read(struct store *st, struct sd_error *err)
{
	if (sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, "begin transaction");
	st->in_tx = 1;
	return SD_OK;
}

/*
 * Checkpoints between turns.  Left to SQLite, the commit that takes a
 * WAL past its autocheckpoint size (1,000 pages) copies the WAL back,
 * two fsyncs included, while that turn's customer waits: in a replay of
 * the bench script that was 8 turns in 580 at 4-13 ms each, the whole
 * of the turn p99.  With the hook below a commit only notes that a
 * checkpoint is due, and the front end runs it once the reply is out
 * (store_checkpoint_due).  The same size and the same PASSIVE mode as
 * SQLite's own, so the WAL grows no longer than before.
 */
#define CKPT_LATER_FRAMES	1000

static int
later_hook(void *arg, sqlite3 *db, const char *schema, int frames)
{
	struct store	*st = arg;

	(void)db;
	(void)schema;
	if (frames >= CKPT_LATER_FRAMES)
		st->ckpt_due = 1;
	return SQLITE_OK;
}


/*
 * A WAL starts over at the first write after it was all copied back, and
 * that write syncs the new WAL header: 0.2-3 ms in the turn after each
 * checkpoint.  Write it here instead, the file's user_version put back
 * as it is (in one transaction, so no migration is undone), so that the
 * next turn finds the WAL started.  Busy: left to that turn, as before.
 */
static void
wal_start_over(struct store *st, const char *schema)
{
	sqlite3_stmt	*s = NULL;
	char		*get = xasprintf("PRAGMA \"%s\".user_version", schema);
	char		*set = NULL;
	int		 ok = 0;

	if (sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		goto out;
	if (sqlite3_prepare_v2(st->db, get, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		set = xasprintf("PRAGMA \"%s\".user_version = %d", schema,
		    sqlite3_column_int(s, 0));
	sqlite3_finalize(s);
	ok = set != NULL && sqlite3_exec(st->db, set, NULL, NULL, NULL) ==
	    SQLITE_OK && sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) ==
	    SQLITE_OK;
	if (!ok)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
out:
	free(get);
	free(set);
}

/* The file turns are written to: history, or main without one. */
static const char *
turns_schema(struct store *st)
{
	return sqlite3_db_filename(st->db, "history") != NULL ? "history" :
	    "main";
}

/*
 * The first write of a process creates the WAL (closing the last
 * connection removed it), syncing its header and the directory: the
 * first turn paid 4 ms for it.  Start it now, before any turn.
 */
void
store_checkpoint_later(struct store *st)
{
	int	 log = -1, done = -1;

	sqlite3_wal_hook(st->db, later_hook, st);
	if (sqlite3_get_autocommit(st->db) &&
	    sqlite3_wal_checkpoint_v2(st->db, turns_schema(st),
	    SQLITE_CHECKPOINT_PASSIVE, &log, &done) == SQLITE_OK &&
	    log == done)
		wal_start_over(st, turns_schema(st));
}

void
store_checkpoint_due(struct store *st)
{
	const char	*turns = turns_schema(st);
	int		 log = 0, done = 0;

	if (!st->ckpt_due || !sqlite3_get_autocommit(st->db))
		return;
	st->ckpt_due = 0;
	/* Each file; a busy one is simply left for next time. */
	if (strcmp(turns, "main") != 0)
		sqlite3_wal_checkpoint_v2(st->db, "main",
		    SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	if (sqlite3_wal_checkpoint_v2(st->db, turns,
	    SQLITE_CHECKPOINT_PASSIVE, &log, &done) == SQLITE_OK && log > 0 &&
	    done == log)
		wal_start_over(st, turns);
}

enum sd_rc
store_commit(struct store *st, struct sd_error *err)
{
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, "commit");
	st->in_tx = 0;
	return SD_OK;
}

void
store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->in_tx = 0;
}

char *
store_meta_get(struct store *st, const char *key)
{
	static const char sql[] = "SELECT value FROM meta WHERE key = ?1";
	sqlite3_stmt	*s;
	char		*v = NULL;

	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return NULL;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	return v;
}

enum sd_rc
store_meta_set(struct store *st, const char *key, const char *value,
    struct sd_error *err)
{
	static const char sql[] = "INSERT INTO meta(key, value) VALUES (?1, ?2)"
	    " ON CONFLICT(key) DO UPDATE SET value = excluded.value";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "set meta");
	return SD_OK;
}

long long
store_count(struct store *st, const char *table)
{
	sqlite3_stmt	*s = NULL;
	char		*sql = xasprintf("SELECT count(*) FROM \"%s\"", table);
	long long	 n = -1;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	free(sql);
	return n;
}

const char *
store_now(void)
{
	static _Thread_local char buf[32];
	const char	*fixed;
	time_t		 t;
	struct tm	 tm;

	if ((fixed = getenv("SHOPDESK_NOW")) != NULL && *fixed != '\0')
		return fixed;
	t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}
