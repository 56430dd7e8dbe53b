/*
 * test-api-db: run one read-only SQL query on a shopdesk database and
 * print the rows, columns separated by tabs, for the end-to-end tests of
 * the HTTP API (which count turns in the database without needing the
 * sqlite3 shell).  Usage: test-api-db DB SQL
 * DB-history, where the conversation log lives, is attached as schema
 * history when it exists, as store_open does, so that SQL on messages
 * and the other conversation tables works unqualified.
 */
#include "config.h"

#include "attach-history.h"

int
main(int argc, char **argv)
{
	sqlite3		*db = NULL;
	sqlite3_stmt	*s = NULL;
	int		 i, r, status = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: test-api-db DB SQL\n");
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "test-api-db: %s: %s\n", argv[1],
		    sqlite3_errmsg(db));
		goto out;
	}
	sqlite3_busy_timeout(db, 5000);
	if (attach_history(db, argv[1]) != 0) {
		fprintf(stderr, "test-api-db: %s-history: %s\n", argv[1],
		    sqlite3_errmsg(db));
		goto out;
	}
	if (sqlite3_prepare_v2(db, argv[2], -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "test-api-db: %s\n", sqlite3_errmsg(db));
		goto out;
	}
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(s); i++)
			printf("%s%s", i > 0 ? "\t" : "",
			    sqlite3_column_text(s, i) != NULL ?
			    (const char *)sqlite3_column_text(s, i) : "NULL");
		printf("\n");
	}
	if (r != SQLITE_DONE) {
		fprintf(stderr, "test-api-db: %s\n", sqlite3_errmsg(db));
		goto out;
	}
	status = 0;
out:
	sqlite3_finalize(s);
	sqlite3_close(db);
	return status;
}
