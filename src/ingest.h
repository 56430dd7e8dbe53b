/*
 * ingest.h: loading files into the knowledge base: catalogs (CSV, JSON,
 * JSON Lines), documents (Markdown, plain text), FAQs and policies, past
 * support tickets, customers, orders and carts (JSON).  Each file is
 * checked whole before any of it is written: a malformed file changes
 * nothing.
 */
#ifndef INGEST_H
#define INGEST_H

#include <stddef.h>

#include "shopdesk.h"

struct sbuf;
struct store;

/* "--map FIELD=COLUMN": read the store's FIELD from the file's COLUMN. */
struct ingest_map {
	const char	*field;		/* store field, e.g. "name" */
	const char	*column;	/* the file's field or CSV column */
};

struct ingest_opts {
	int		 dry_run;	/* validate only; roll back at the end */
	const char	*kind;		/* force a record kind, or NULL */
	const struct ingest_map *maps;	/* --map options */
	size_t		 nmaps;
	/* Progress callback (records done, bytes done, bytes total), or NULL. */
	void		(*progress)(void *, long long, long long, long long);
	void		*progress_arg;
	/*
	 * Move every date of the file by date_shift days (0: leave the
	 * text alone); a date without its year is taken in the year
	 * nearest to the day dated (days since 1970-01-01).  For the demo
	 * store, written as of one day and seeded relative to today.
	 */
	long		 date_shift;
	long		 dated;
};

/* What one or more ingest_file calls did. */
struct ingest_stats {
	long long	 products;	/* product records read */
	long long	 documents;	/* FAQ, policy, manual and ticket records */
	long long	 chunks;	/* chunks written */
	long long	 customers;
	long long	 orders;
	long long	 carts;
	long long	 conversations;	/* training conversations */
	long long	 examples;	/* ... their labelled customer lines */
	long long	 inserted;	/* rows that were new */
	long long	 updated;	/* rows that existed and changed */
	long long	 unchanged;	/* rows that existed and were identical */
};

/*
 * Load one file; the format comes from its extension (.csv, .json,
 * .jsonl/.ndjson, .md/.markdown, .txt) and the kind of each record from
 * opts->kind, a "type" field or its fields.  Upserts by SKU or id, so
 * loading the same file twice changes nothing.  On error err reads
 * "path:line: what is wrong" and the database is as it was.  The file
 * is checked under a read transaction, then written in batches of
 * transactions on main only (the history file is never locked, so turns
 * are saved meanwhile); a failure while writing (I/O, a full disk) keeps
 * the batches before it and says so.  A dry run is one transaction,
 * rolled back.  Inside a caller's transaction the file gets a savepoint
 * instead (so several files can share one, as ingest_seed_demo does).
 * opts may be NULL; stats (may be NULL) is added to on success only.
 */
enum sd_rc	 ingest_file(struct store *, const char *path,
		    const struct ingest_opts *, struct ingest_stats *,
		    struct sd_error *);

/* Check --kind and --map before any file is read (SD_ERR_USAGE). */
enum sd_rc	 ingest_check_opts(const struct ingest_opts *,
		    struct sd_error *);

/*
 * Append "312 products (312 new, 0 changed, 0 unchanged)": what the
 * stats counted, naming only the kinds seen.
 */
void		 ingest_stats_summary(const struct ingest_stats *,
		    struct sbuf *);

/*
 * Load every file listed in share_dir/demo/MANIFEST (one path or glob
 * pattern per line, relative to that directory; # starts a comment) in
 * one transaction.  A missing MANIFEST is an error.
 */
enum sd_rc	 ingest_seed_demo(struct store *, const char *share_dir,
		    struct sd_error *);

#endif
