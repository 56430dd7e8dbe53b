/*
 * paths.h: where shopdesk finds its data directory (share/) and its
 * database.
 */
#ifndef PATHS_H
#define PATHS_H

/*
 * The share directory: $SHOPDESK_SHARE, else the source tree's share/
 * when the program runs from its build tree, else the installed
 * pkgdatadir.  Caller frees.
 */
char	*paths_share_dir(const char *argv0);
/*
 * The database: $SHOPDESK_DB, else $XDG_DATA_HOME/shopdesk/shopdesk.db,
 * else ~/.local/share/shopdesk/shopdesk.db.  Caller frees.
 */
char	*paths_default_db(void);
/* The data directory holding the default database (history files too). */
char	*paths_data_dir(void);
/* Join a directory and a relative name.  Caller frees. */
char	*paths_join(const char *, const char *);

#endif
