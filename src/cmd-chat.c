/*
 * cmd-chat.c: "shopdesk chat": a line-mode conversation on the terminal
 * with GNU readline (editing, history kept in the data directory).  When
 * stdin is not a terminal it reads the script like "shopdesk replay".
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "shopdesk.h"
#include "cmd.h"
#include "engine.h"
#include "paths.h"

extern const struct sd_cmd cmd_chat_entry;

static int
cmd_chat_run(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "user",	required_argument,	NULL, 'u' },
		{ "session",	required_argument,	NULL, 's' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct engine	*e;
	struct generator *gen = NULL;
	struct turn	 tu;
	char		*line, *session = NULL, *user = NULL, *dir, *hist;
	int		 ch;

	while ((ch = getopt_long(argc, argv, "u:s:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'u':
			free(user);
			user = xstrdup(optarg);
			break;
		case 's':
			free(session);
			session = xstrdup(optarg);
			break;
		default:
			return cmd_usage(&cmd_chat_entry);
		}
	}
	if (!isatty(STDIN_FILENO)) {
		ch = replay_stream(ctx, stdin, "stdin", 0, user, session,
		    ENGINE_CHAT);
		free(user);
		free(session);
		return ch;
	}
	if ((e = engine_open(ctx->st, ctx->share_dir, &err)) == NULL ||
	    (gen = generator_open_ctx(ctx, &err)) == NULL) {
		engine_close(e);
	generator_free(gen);
		free(user);
		free(session);
		return cmd_error(&cmd_chat_entry, &err);
	}
	engine_set_generator(e, gen, NULL, NULL);
	dir = paths_data_dir();
	hist = paths_join(dir, "chat_history");
	free(dir);
	read_history(hist);
	printf("shopdesk: ask about products, orders, returns. "
	    "/user ID sets who you are, /new starts over, /quit ends.\n");
	while ((line = readline("you> ")) != NULL) {
		if (*line != '\0')
			add_history(line);
		if (strcmp(line, "/quit") == 0 || strcmp(line, "/exit") == 0) {
			free(line);
			break;
		}
		if (strncmp(line, "/user ", 6) == 0) {
			free(user);
			user = xstrdup(line + 6);
			printf("-- you are now %s\n", user);
		} else if (strcmp(line, "/new") == 0) {
			free(session);
			session = NULL;
			printf("-- new session\n");
		} else if (*line != '\0' && engine_turn(e, ENGINE_CHAT,
		    session, user, line, strlen(line), &tu, &err) == SD_OK) {
			if (session == NULL)
				session = xstrdup(tu.session_id);
			printf("bot> %s\n", tu.reply[0] ? tu.reply :
			    "(an agent holds this session)");
			fflush(stdout);
			turn_release(&tu);
			engine_idle(e);
		} else if (*line != '\0') {
			fprintf(stderr, "shopdesk: %s\n", sd_error_msg(&err));
			sd_error_clear(&err);
		}
		free(line);
	}
	write_history(hist);
	free(hist);
	free(user);
	free(session);
	engine_close(e);
	return SD_EXIT_OK;
}

const struct sd_cmd cmd_chat_entry = {
	.name = "chat",
	.usage = "chat [--user ID] [--session ID]",
	.summary = "talk to the agent line by line on the terminal",
	.flags = SD_CMD_DB,
	.run = cmd_chat_run,
};
