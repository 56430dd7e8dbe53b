/*
 * cmd-console.c: "shopdesk console": the terminal console (and what
 * "shopdesk" runs on a terminal).  Without a terminal on both stdin and
 * stdout it starts no curses and reads the script like "shopdesk replay".
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "shopdesk.h"
#include "cmd.h"
#include "console.h"

extern const struct sd_cmd cmd_console_entry;

static int
cmd_console_run(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "user",	required_argument,	NULL, 'u' },
		{ "session",	required_argument,	NULL, 's' },
		{ "agent",	required_argument,	NULL, 'a' },
		{ "desk",	no_argument,		NULL, 'D' },
		{ "no-mouse",	no_argument,		NULL, 'M' },
		{ "bench-draw",	required_argument,	NULL, 'B' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	struct console_opts o = { NULL, NULL, NULL, 0, 1, -1, 0, 0, 0 };
	struct sd_error	 err = SD_ERROR_INIT;
	char		*end;
	int		 ch;

	while ((ch = getopt_long(argc, argv, "u:s:a:Dh", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'u':
			o.user = optarg;
			break;
		case 's':
			o.session = optarg;
			break;
		case 'a':
			o.agent = optarg;
			break;
		case 'D':
			o.desk = 1;
			break;
		case 'M':
			o.mouse = 0;
			break;
		case 'B':
			o.bench_draws = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || o.bench_draws < 0) {
				fprintf(stderr, "shopdesk console: "
				    "--bench-draw %s: want a count\n", optarg);
				return SD_EXIT_USAGE;
			}
			break;
		default:
			return cmd_usage(&cmd_console_entry);
		}
	}
	if (optind != argc)
		return cmd_usage(&cmd_console_entry);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return replay_stream(ctx, stdin, "stdin", 0, o.user,
		    o.session, ENGINE_CONSOLE);
	if (console_run(ctx, &o, &err) != SD_OK)
		return cmd_error(&cmd_console_entry, &err);
	if (o.bench_draws >= 0)
		fprintf(stderr, "first prompt %.2f ms, full redraw %.1f us "
		    "(%d redraws), engine ready %.2f ms\n", o.first_prompt_ms,
		    o.redraw_us, o.bench_draws, o.engine_ready_ms);
	return SD_EXIT_OK;
}

const struct sd_cmd cmd_console_entry = {
	.name = "console",
	.usage = "console [--user ID] [--session ID] [--agent NAME] [--desk] "
	    "[--no-mouse]",
	.summary = "the terminal console: conversation, context, debug, "
	    "agent desk",
	.flags = SD_CMD_DB,
	.run = cmd_console_run,
};
