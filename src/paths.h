/*
 * paths.h: where shopdesk finds its data directory (share/) and its
 * database.
 */
#ifndef PATHS_H
#define PATHS_H

#include "shopdesk.h"

/*
 * The share directory: $SHOPDESK_SHARE, else the source tree's share/
 * when the program runs from its build tree, else the installed
 * pkgdatadir.  Caller frees.
 */
char	*paths_share_dir(const char *argv0);
/*
 * The database: $SHOPDESK_DB, else $XDG_DATA_HOME/shopdesk/shopdesk.db,
 * else ~/.local/share/shopdesk/shopdesk.db.  Caller frees.  *origin, if
 * not NULL, is set to "SHOPDESK_DB" when the variable named it, else
 * NULL.
 */
char	*paths_default_db(const char **origin);
/*
 * Make sure the directory of database path exists.  For the default
 * location (origin NULL) missing directories are created; a path the
 * user named (origin "--db" or "SHOPDESK_DB", used in the message) must
 * be in an existing directory, so that a typo is an error rather than a
 * new, empty store somewhere unexpected.
 */
enum sd_rc paths_db_dir(const char *path, const char *origin,
	    struct sd_error *);
/* The data directory holding the default database (history files too). */
char	*paths_data_dir(void);
/* Join a directory and a relative name.  Caller frees. */
char	*paths_join(const char *, const char *);

#endif
