/*
 * cmd-replay.c: "shopdesk replay": scripted conversations from a file or
 * stdin, one customer turn per line, printed as a transcript or as one
 * JSON object per turn.  "shopdesk" with a non-terminal stdin runs this.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "cmd.h"
#include "engine.h"
#include "sbuf.h"
#include "store.h"
#include "text.h"

extern const struct sd_cmd cmd_replay_entry;

/* Print the trace of a turn as one JSON line (the replay --json shape). */
static void
print_json(const struct turn *tu)
{
	char	*s = cJSON_PrintUnformatted(tu->trace);

	fputs(s, stdout);
	fputc('\n', stdout);
	free(s);
}

static void
print_text(const char *text, const struct turn *tu)
{
	printf("you> %s\n", text);
	if (tu->reply[0] != '\0')
		printf("bot> %s\n", tu->reply);
	else
		printf("bot> (an agent holds this session)\n");
	if (tu->escalated && strcmp(tu->action, "escalate") == 0)
		printf("-- session %s escalated\n", tu->session_id);
}

/*
 * An id given by a directive or an option goes into every trace that
 * --json prints, and into the store: it must be valid UTF-8 without
 * control bytes (a NUL would also cut it short).  The message texts are
 * repaired by the engine instead; an id repaired would name another
 * customer or session.  1 when s[0..n) passes, else 0 with *at set.
 */
static int
id_ok(const char *s, size_t n, size_t *at)
{
	size_t	 i;

	if (!text_utf8_valid(s, n, at))
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) {
			*at = i;
			return 0;
		}
	return 1;
}

/*
 * Run the script fp through the engine.  Lines: "# comment", "/user ID",
 * "/session ID", "/new" (a new session), anything else is a turn.
 */
int
replay_stream(struct sd_ctx *ctx, FILE *fp, const char *name, int json,
    const char *user, const char *session, enum engine_channel channel)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct engine	*e;
	struct generator *gen = NULL;
	struct turn	 tu;
	struct sbuf	 line = SBUF_INIT;
	char		*cur_user = user ? xstrdup(user) : NULL;
	char		*cur_session = session ? xstrdup(session) : NULL;
	unsigned long	 lineno = 0;
	size_t		 at, skip;
	int		 status = SD_EXIT_OK;

	if ((e = engine_open(ctx->st, ctx->share_dir, &err)) == NULL ||
	    (gen = generator_open_ctx(ctx, &err)) == NULL) {
		fprintf(stderr, "shopdesk replay: %s\n", sd_error_msg(&err));
		sd_error_clear(&err);
		engine_close(e);
		free(cur_user);
		free(cur_session);
		return SD_EXIT_FAIL;
	}
	engine_set_generator(e, gen, NULL, NULL);
	engine_checkpoint_after_turns(e);
	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		sbuf_trim(&line);
		if (line.len == 0 || line.buf[0] == '#')
			continue;
		skip = strncmp(line.buf, "/user ", 6) == 0 ? 6 :
		    strncmp(line.buf, "/session ", 9) == 0 ? 9 : 0;
		if (skip > 0 && !id_ok(line.buf + skip, line.len - skip, &at)) {
			fprintf(stderr, "shopdesk replay: %s:%lu: %.*s: invalid "
			    "UTF-8 or a control character at byte %zu of the "
			    "id\n", name, lineno, (int)skip - 1, line.buf, at);
			status = SD_EXIT_FAIL;
			break;
		}
		if (strncmp(line.buf, "/user ", 6) == 0 ||
		    strcmp(line.buf, "/user") == 0) {
			free(cur_user);
			cur_user = line.len > 6 ? xstrdup(line.buf + 6) : NULL;
			continue;
		}
		if (strncmp(line.buf, "/session ", 9) == 0) {
			free(cur_session);
			cur_session = xstrdup(line.buf + 9);
			continue;
		}
		if (strcmp(line.buf, "/new") == 0) {
			free(cur_session);
			cur_session = NULL;
			continue;
		}
		if (line.buf[0] == '/') {
			fprintf(stderr, "shopdesk replay: %s:%lu: unknown "
			    "directive \"%s\" (/user, /session, /new)\n",
			    name, lineno, line.buf);
			status = SD_EXIT_FAIL;
			break;
		}
		if (engine_turn(e, channel, cur_session, cur_user,
		    line.buf, line.len, &tu, &err) != SD_OK) {
			fprintf(stderr, "shopdesk replay: %s:%lu: %s\n", name,
			    lineno, sd_error_msg(&err));
			sd_error_clear(&err);
			status = SD_EXIT_FAIL;
			break;
		}
		if (cur_session == NULL)
			cur_session = xstrdup(tu.session_id);
		if (json)
			print_json(&tu);
		else
			print_text(line.buf, &tu);
		fflush(stdout);
		turn_release(&tu);
		engine_idle(e);
	}
	if (ferror(fp)) {
		fprintf(stderr, "shopdesk replay: %s: %s\n", name,
		    strerror(errno));
		status = SD_EXIT_FAIL;
	}
	sbuf_release(&line);
	free(cur_user);
	free(cur_session);
	engine_close(e);
	generator_free(gen);
	return status;
}

static int
cmd_replay_run(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,		NULL, 'j' },
		{ "user",	required_argument,	NULL, 'u' },
		{ "session",	required_argument,	NULL, 's' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	const char	*user = NULL, *session = NULL;
	FILE		*fp = stdin;
	size_t		 at = 0;
	int		 ch, json = 0, status;

	while ((ch = getopt_long(argc, argv, "ju:s:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'u':
			user = optarg;
			break;
		case 's':
			session = optarg;
			break;
		default:
			return cmd_usage(&cmd_replay_entry);
		}
	}
	if (argc - optind > 1)
		return cmd_usage(&cmd_replay_entry);
	if ((user != NULL && !id_ok(user, strlen(user), &at)) ||
	    (session != NULL && !id_ok(session, strlen(session), &at))) {
		fprintf(stderr, "shopdesk replay: --%s: invalid UTF-8 or a "
		    "control character at byte %zu\n", user != NULL &&
		    !id_ok(user, strlen(user), &at) ? "user" : "session", at);
		return SD_EXIT_USAGE;
	}
	if (argc - optind == 1 && strcmp(argv[optind], "-") != 0 &&
	    (fp = fopen(argv[optind], "r")) == NULL) {
		fprintf(stderr, "shopdesk replay: %s: %s\n", argv[optind],
		    strerror(errno));
		return SD_EXIT_FAIL;
	}
	status = replay_stream(ctx, fp, fp == stdin ? "stdin" : argv[optind],
	    json, user, session, ENGINE_REPLAY);
	if (fp != stdin)
		fclose(fp);
	return status;
}

const struct sd_cmd cmd_replay_entry = {
	.name = "replay",
	.usage = "replay [--json] [--user ID] [--session ID] [FILE]",
	.summary = "run a scripted conversation (stdin by default)",
	.flags = SD_CMD_DB,
	.run = cmd_replay_run,
};
