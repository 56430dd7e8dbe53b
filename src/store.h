/*
 * store.h: the SQLite knowledge base and history (WAL mode, foreign keys
 * on, schema versioned by PRAGMA user_version).  The conversation log
 * (sessions, messages, traces, feedback, api_keys, api_sessions) lives
 * in a second file, <db>-history, attached as schema "history" with its
 * own version; unqualified table names find it.
 */
#ifndef STORE_H
#define STORE_H

#include <sqlite3.h>

#include "shopdesk.h"

/* The schema version this build writes; store_open migrates up to it. */
#define STORE_VERSION	store_schema_version()
int		 store_schema_version(void);
/* The history file's own schema version (its list of migrations). */
int		 store_history_version(void);

/*
 * Open (creating the file if needed, in a directory that must exist: see
 * paths_db_dir) and migrate forward.  Returns NULL with err set on failure.  *created, if not NULL,
 * is set to 1 when the file held no schema before.
 */
struct store	*store_open(const char *path, int *created, struct sd_error *);
/*
 * Open without migrating past version (tests build databases of each
 * older version with it).  version 0 is an empty file.  Below version
 * 10 the history file is not attached.
 */
struct store	*store_open_at(const char *path, int version, struct sd_error *);
void		 store_close(struct store *);
/* The history file beside database path (":memory:" for ":memory:"). */
char		*store_history_path(const char *);

sqlite3		*store_db(struct store *);
const char	*store_path(struct store *);
int		 store_user_version(struct store *);

/*
 * Data another module keeps per connection (a cache of what it read),
 * freed with the store.  Each module owns one slot.
 */
enum store_slot {
	STORE_SLOT_VOCAB,	/* search-typo.c: the typo-correction vocabulary */
	STORE_SLOT_CHUNKS,	/* search-chunk.c: each chunk's kind and document */
	STORE_SLOT_DF,		/* search-rank.c: sd_rank's document counts */
	STORE_SLOT_ATTR_KEYS,	/* dlg-specask.c: attributes many products state */
	STORE_SLOT_CATALOG,	/* catalog-memo.c: categories, policy facts */
	STORE_SLOT_KINDS,	/* dlg-kindidx.c: the catalog's kinds as documents */
	STORE_SLOT_DOC_SCOPE,	/* dlg-kbsubj.c: each document's product, kind */
	STORE_NSLOTS
};
void		*store_slot_get(struct store *, enum store_slot);
/*
 * The database's data version, for the caches in the slots: 0 with *dv
 * set, or -1 when no cache may be used (this connection is writing the
 * catalog, or the version cannot be read).
 */
int		 store_data_version(struct store *, unsigned *dv);
/*
 * The catalog's version, for the caches of what the catalog says
 * (products, documents and chunks, synonyms, meta): 0 with *cv set, or
 * -1 as store_data_version.  Unlike the data version it stays as it is
 * when carts, orders, customers or the history file change.
 */
int		 store_catalog_version(struct store *, long long *cv);
void		 store_slot_set(struct store *, enum store_slot, void *,
		    void (*)(void *));

/*
 * A prepared statement for sql, cached per connection by the address of
 * the string (pass string literals or other static text), reset and with
 * bindings cleared.  Do not finalize it.  NULL with err set on failure.
 */
sqlite3_stmt	*store_prepare(struct store *, const char *, struct sd_error *);
/* Run SQL without results.  err names the operation "what". */
enum sd_rc	 store_exec(struct store *, const char *, struct sd_error *);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK.  Rollback is a no-op outside one. */
enum sd_rc	 store_begin(struct store *, struct sd_error *);
/*
 * A write transaction holding main's write lock only: the history file
 * stays free for other connections' turns.  For writers of the catalog
 * (ingest); end it with store_commit or store_rollback.
 */
enum sd_rc	 store_begin_main(struct store *, struct sd_error *);
/* A read transaction (deferred BEGIN): one snapshot, no lock taken. */
enum sd_rc	 store_begin_read(struct store *, struct sd_error *);
enum sd_rc	 store_commit(struct store *, struct sd_error *);
void		 store_rollback(struct store *);

/*
 * WAL checkpoints off the commit path: after store_checkpoint_later a
 * commit no longer checkpoints (SQLite's autocheckpoint), it marks one
 * due, and store_checkpoint_due runs it (outside a transaction; a no-op
 * when none is due).  For front ends that can run it once a reply is
 * delivered.
 */
void		 store_checkpoint_later(struct store *);
void		 store_checkpoint_due(struct store *);

/*
 * SD_ERR_DB with "what: sqlite message"; SD_ERR_BUSY instead when the
 * last error was SQLITE_BUSY or SQLITE_LOCKED.
 */
enum sd_rc	 store_fail(struct store *, struct sd_error *, const char *);

/*
 * Mark row id revoked: get reads "revoked_at IS NOT NULL" of row ?1, set
 * writes revoked_at = ?2 (now) for row ?1; both static strings (the
 * statement cache keys on them).  what names the row in errors ("site"):
 * SD_ERR_NOTFOUND for no such row, SD_ERR_INVALID when revoked already.
 */
enum sd_rc	 store_revoke(struct store *, const char *get, const char *set,
		    const char *what, long long id, struct sd_error *);

/* meta table: small key/value facts (NULL when absent; caller frees). */
char		*store_meta_get(struct store *, const char *);
enum sd_rc	 store_meta_set(struct store *, const char *, const char *,
		    struct sd_error *);

/* Count rows of a table named by the caller (a literal, never user text). */
long long	 store_count(struct store *, const char *);

/* Current time as "YYYY-MM-DDTHH:MM:SSZ" (SHOPDESK_NOW overrides, for tests). */
const char	*store_now(void);

#endif
