/*
 * shopdesk.h: types shared by every module of shopdesk, a conversational
 * agent for an online store that grounds its answers in a local SQLite
 * knowledge base.  Module headers declare only their own API.
 */
#ifndef SHOPDESK_H
#define SHOPDESK_H

#include <stddef.h>
#include <stdarg.h>

/* Result of a fallible function.  SD_OK is zero, like SQLITE_OK. */
enum sd_rc {
	SD_OK = 0,
	SD_ERR_USAGE,		/* bad command line */
	SD_ERR_IO,		/* file or socket */
	SD_ERR_DB,		/* SQLite */
	SD_ERR_PARSE,		/* malformed input file or request */
	SD_ERR_INVALID,		/* well-formed but not acceptable */
	SD_ERR_NOTFOUND,	/* unknown id */
	SD_ERR_NET,		/* HTTP client */
	SD_ERR_INTERNAL,	/* a bug */
	SD_ERR_BUSY,		/* SQLite busy or locked: try again later */
	SD_ERR_CONFLICT,	/* someone else holds it (an agent's claim) */
};

/* An error: a code and a message naming the culprit (heap, may be NULL). */
struct sd_error {
	enum sd_rc	 rc;
	char		*msg;
};
#define SD_ERROR_INIT { SD_OK, NULL }

const char	*sd_strerror(enum sd_rc);
/* Set err (may be NULL) and return rc.  Replaces an earlier message. */
enum sd_rc	 sd_fail(struct sd_error *, enum sd_rc, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
/* Prepend context such as "file:line: " to the message. */
void		 sd_error_prefix(struct sd_error *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
/* The message, or the code's text when there is none.  Never NULL. */
const char	*sd_error_msg(const struct sd_error *);
void		 sd_error_clear(struct sd_error *);

/* Allocation failure is the only fatal error: these abort with a message. */
void		*xmalloc(size_t);
void		*xcalloc(size_t, size_t);
void		*xrealloc(void *, size_t);
char		*xstrdup(const char *);
char		*xstrndup(const char *, size_t);
char		*xasprintf(const char *, ...)
		    __attribute__((format(printf, 1, 2)));

struct store;

/* What main hands to a subcommand. */
struct sd_ctx {
	const char	*db_path;	/* resolved database path */
	const char	*db_origin;	/* "--db", "SHOPDESK_DB" or NULL */
	const char	*share_dir;	/* demo store, training data, templates */
	struct store	*st;		/* open store when SD_CMD_DB, else NULL */
	int		 quiet;		/* -q: no progress output */
	int		 empty;		/* -e: do not seed a new database */
	/* Generated replies: NULL / 0 unless given on the command line. */
	const char	*generator;	/* --generator template|llm|auto */
	const char	*llm_url;	/* --llm-url */
	const char	*config_path;	/* --config FILE */
	int		 show_verdicts;	/* --show-verdicts */
};

#define SD_CMD_DB	0x1	/* main opens (and seeds) the store first */

/* A subcommand: src/cmd-<name>.c exports one of these. */
struct sd_cmd {
	const char	*name;
	const char	*usage;		/* after "shopdesk " */
	const char	*summary;	/* one line for "shopdesk help" */
	int		 flags;
	/* Returns the exit status: 0 ok, 1 failure, 2 usage. */
	int		(*run)(struct sd_ctx *, int, char **);
};

/* Exit statuses. */
#define SD_EXIT_OK	0
#define SD_EXIT_FAIL	1
#define SD_EXIT_USAGE	2

#endif
