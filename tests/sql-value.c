/*
 * sql-value DB SQL: print the first column of the first row, for the
 * end-to-end tests (no sqlite3 shell is needed on the test machine).
 * DB-history, where the conversation log lives, is attached as schema
 * history when it exists, as store_open does, so SQL on messages and
 * the other conversation tables works unqualified.
 */
#include "attach-history.h"

int
main(int argc, char **argv)
{
	sqlite3		*db;
	sqlite3_stmt	*s;
	int		 r = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: sql-value DB SQL\n");
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "sql-value: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	if (attach_history(db, argv[1]) != 0) {
		fprintf(stderr, "sql-value: %s-history: %s\n", argv[1],
		    sqlite3_errmsg(db));
		sqlite3_close(db);
		return 1;
	}
	if (sqlite3_prepare_v2(db, argv[2], -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW) {
			const unsigned char *t = sqlite3_column_text(s, 0);

			printf("%s\n", t != NULL ? (const char *)t : "");
		}
		r = 0;
	} else
		fprintf(stderr, "sql-value: %s\n", sqlite3_errmsg(db));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return r;
}
