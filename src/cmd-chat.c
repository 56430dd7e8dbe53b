/*
 * cmd-chat.c: "shopdesk chat": a line-mode conversation on the terminal
 * with GNU readline (editing, history kept in the data directory).  When
 * stdin is not a terminal it reads the script like "shopdesk replay".
 * Once a person from the store takes the session over (the console's
 * agent desk, another process), their lines appear as they write them,
 * also while the customer is typing: readline's event hook looks for
 * them about once a second.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "shopdesk.h"
#include "cmd.h"
#include "engine.h"
#include "history.h"
#include "paths.h"

extern const struct sd_cmd cmd_chat_entry;

/*
 * What the event hook needs (readline passes it nothing): the store,
 * the session, and how many of its messages were seen.
 */
static struct {
	struct store	*st;
	const char	*session;	/* NULL before the first turn */
	long long	 seen;		/* messages already looked at */
	time_t		 polled;	/* when the hook last looked */
} chat_agent;

/*
 * Print the agent's lines that arrived since the last look, as written;
 * the customer's and the bot's own lines are only counted.  redraw:
 * readline is showing the prompt, which goes below the new lines.
 */
static void
chat_agent_lines(int redraw)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct message_info *m = NULL;
	size_t		 n = 0, i;
	int		 shown = 0;

	if (chat_agent.session == NULL || history_messages(chat_agent.st,
	    chat_agent.session, chat_agent.seen, 0, 0, &m, &n, &err) !=
	    SD_OK) {
		sd_error_clear(&err);
		return;
	}
	for (i = 0; i < n; i++) {
		if (strcmp(m[i].role, "agent") == 0) {
			if (redraw && !shown)
				fputs("\r\033[K", stdout);
			printf("agent> %s\n", m[i].text);
			shown = 1;
		}
		message_info_release(&m[i]);
	}
	free(m);
	chat_agent.seen += (long long)n;
	fflush(stdout);
	if (redraw && shown) {
		rl_on_new_line();
		rl_redisplay();
	}
}

static int
chat_event_hook(void)
{
	time_t	 now = time(NULL);

	if (now != chat_agent.polled) {
		chat_agent.polled = now;
		chat_agent_lines(1);
	}
	return 0;
}

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
	chat_agent.st = ctx->st;
	chat_agent.session = session;
	rl_event_hook = chat_event_hook;
	if (session != NULL)
		chat_agent_lines(0);	/* what the agent said before */
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
			chat_agent.session = NULL;
			chat_agent.seen = 0;
			printf("-- new session\n");
		} else if (*line != '\0' && engine_turn(e, ENGINE_CHAT,
		    session, user, line, strlen(line), &tu, &err) == SD_OK) {
			if (session == NULL)
				session = xstrdup(tu.session_id);
			chat_agent.session = session;
			/* An agent's line written during the turn comes first. */
			chat_agent_lines(0);
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
	rl_event_hook = NULL;
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
