/*
 * store-int.h: what store.c shares with store-schema.c and
 * store-history-schema.c.  Not part of the API.
 *
 * Migrations: entry i takes user_version i to i+1 inside one
 * BEGIN IMMEDIATE ... COMMIT.  Append only; never edit a shipped entry.
 */
#ifndef STORE_INT_H
#define STORE_INT_H

/* The catalog file's (schema main). */
extern const char *const	store_migrations[];
extern const int		store_nmigrations;

/* The conversation log's (schema history, the file <db>-history). */
extern const char *const	store_history_migrations[];
extern const int		store_nhistory;

/* Copies the log from main into history, before main drops it. */
extern const char		store_move_history_sql[];

/* The main migration that drops what store_move_history_sql copied. */
#define MOVE_HISTORY_AT	9

#endif
