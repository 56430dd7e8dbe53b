/*
 * cmd.h: the subcommand table (main.c owns it) and helpers that every
 * src/cmd-<name>.c uses to parse its options the same way.
 */
#ifndef CMD_H
#define CMD_H

#include <stdio.h>

#include "shopdesk.h"
#include "engine.h"

extern const struct sd_cmd *const cmd_table[];

const struct sd_cmd *cmd_find(const char *);
/* Print "usage: shopdesk <usage>" to stderr and return SD_EXIT_USAGE. */
int	 cmd_usage(const struct sd_cmd *);
/* Print "shopdesk <name>: <msg>" to stderr and return SD_EXIT_FAIL. */
int	 cmd_error(const struct sd_cmd *, const struct sd_error *);
/*
 * Open ctx->st on ctx->db_path unless already open, seeding a new database
 * from the demo store (unless ctx->empty).  -1 with err set on failure.
 * For commands without SD_CMD_DB that open the store only when needed.
 */
int	 cmd_open_store(struct sd_ctx *, struct sd_error *);
/*
 * A scratch copy of the database and its history file (cmd-test.c), for
 * commands that run conversations without keeping them: *path gets the
 * copy's path, which cmd_scratch_remove removes and frees.
 */
struct store;
struct store	*cmd_scratch_copy(struct store *, char **path,
		    struct sd_error *);
void		 cmd_scratch_remove(char *path);
/*
 * Run the script fp (named name in messages) through the engine as
 * "shopdesk replay" does; sessions it starts are stored with channel,
 * so that a piped "shopdesk chat" is a chat session.  Returns the exit
 * status.
 */
int	 replay_stream(struct sd_ctx *, FILE *fp, const char *name, int json,
	    const char *user, const char *session, enum engine_channel);
/* Progress to stderr, only when it is a terminal and not quiet. */
int	 cmd_progress_wanted(const struct sd_ctx *);

#endif
