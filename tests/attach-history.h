/*
 * tests/attach-history.h: for the test programs that open a database
 * with plain sqlite3 (sql-value, test-api-db): attach DB-history, where
 * the conversation log lives, as schema history when it exists, as
 * store_open does, so that SQL on messages and the other conversation
 * tables works unqualified.  Included by one .c file each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

static int
attach_history(sqlite3 *db, const char *path)
{
	sqlite3_stmt	*s = NULL;
	size_t		 n = strlen(path) + sizeof "-history";
	char		*h = malloc(n);
	int		 r = 0;

	if (h == NULL)
		return -1;
	snprintf(h, n, "%s-history", path);
	if (access(h, F_OK) == 0) {
		r = -1;
		if (sqlite3_prepare_v2(db, "ATTACH ?1 AS history", -1, &s,
		    NULL) == SQLITE_OK) {
			sqlite3_bind_text(s, 1, h, -1, SQLITE_STATIC);
			if (sqlite3_step(s) == SQLITE_DONE)
				r = 0;
		}
		sqlite3_finalize(s);
	}
	free(h);
	return r;
}
