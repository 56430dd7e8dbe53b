/*
 * cmd-serve.c: "shopdesk serve", the HTTP API.  It parses the options,
 * starts the server, says where it listens, and waits for SIGINT or
 * SIGTERM to shut it down gracefully.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "cmd.h"
#include "generate.h"
#include "serve.h"
#include "store.h"

extern const struct sd_cmd cmd_serve_entry;

/* How long in-flight requests may take to finish after a signal. */
#define DRAIN_MS	10000

static int
parse_num(const char *opt, const char *arg, double min, double max,
    double *out)
{
	char	*end;
	double	 v;

	errno = 0;
	v = strtod(arg, &end);
	if (errno != 0 || end == arg || *end != '\0' || v < min || v > max) {
		fprintf(stderr, "shopdesk serve: %s %s: not a number from %g "
		    "to %g\n", opt, arg, min, max);
		return -1;
	}
	*out = v;
	return 0;
}

static int
cmd_serve_run(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "bind",	required_argument,	NULL, 'b' },
		{ "port",	required_argument,	NULL, 'p' },
		{ "threads",	required_argument,	NULL, 't' },
		{ "no-auth",	no_argument,		NULL, 'A' },
		{ "rate",	required_argument,	NULL, 'r' },
		{ "burst",	required_argument,	NULL, 'B' },
		{ "log",	required_argument,	NULL, 'l' },
		{ NULL,		0,			NULL, 0 }
	};
	struct serve_config cfg;
	struct gen_config gc;
	struct sd_error	 err = SD_ERROR_INIT;
	struct serve	*sv;
	sigset_t	 set;
	const char	*log_path = NULL;
	double		 v;
	int		 ch, sig = 0, status = SD_EXIT_FAIL;

	memset(&cfg, 0, sizeof cfg);
	gen_config_init(&gc);
	cfg.port = 8080;
	cfg.rate = 20;
	cfg.burst = 40;
	while ((ch = getopt_long(argc, argv, "b:p:t:Ar:B:l:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'b':
			cfg.bind = optarg;
			break;
		case 'p':
			if (parse_num("--port", optarg, 0, 65535, &v) != 0)
				return SD_EXIT_USAGE;
			cfg.port = (int)v;
			break;
		case 't':
			if (parse_num("--threads", optarg, 1, 256, &v) != 0)
				return SD_EXIT_USAGE;
			cfg.threads = (int)v;
			break;
		case 'A':
			cfg.no_auth = 1;
			break;
		case 'r':
			if (parse_num("--rate", optarg, 0, 1e9, &v) != 0)
				return SD_EXIT_USAGE;
			cfg.rate = v;
			break;
		case 'B':
			if (parse_num("--burst", optarg, 1, 1e9, &v) != 0)
				return SD_EXIT_USAGE;
			cfg.burst = v;
			break;
		case 'l':
			log_path = optarg;
			break;
		default:
			return cmd_usage(&cmd_serve_entry);
		}
	}
	if (optind != argc)
		return cmd_usage(&cmd_serve_entry);
	cfg.log = stderr;
	if (log_path != NULL && (cfg.log = fopen(log_path, "a")) == NULL) {
		fprintf(stderr, "shopdesk serve: --log %s: %s\n", log_path,
		    strerror(errno));
		return SD_EXIT_FAIL;
	}
	/* The store is opened (and seeded) here so the workers find it. */
	if (cmd_open_store(ctx, &err) != 0)
		goto out;
	store_close(ctx->st);
	ctx->st = NULL;
	cfg.db_path = ctx->db_path;
	cfg.share_dir = ctx->share_dir;
	/*
	 * The generator settings (--generator, --llm-url, --config, the
	 * environment) are read once; every worker opens its own generator
	 * from them.
	 */
	gen_config_release(&gc);
	if (gen_config_load(&gc, ctx, &err) != SD_OK)
		goto out;
	cfg.gen = &gc;

	/*
	 * Block the signals before the workers start so that they inherit
	 * the mask and only sigwait below sees them.
	 */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	if ((sv = serve_start(&cfg, &err)) == NULL)
		goto out;
	fprintf(stderr, "shopdesk serve: listening on http://%s%s%s:%d/ "
	    "(%d threads, %s, generator %s%s%s, database %s)\n",
	    strchr(serve_address(sv), ':') != NULL ? "[" : "",
	    serve_address(sv), strchr(serve_address(sv), ':') != NULL ?
	    "]" : "", serve_port(sv), serve_threads(sv),
	    cfg.no_auth ? "no auth" : "API keys required",
	    gen_mode_name(gc.mode), gc.url != NULL ? " at " : "",
	    gc.url != NULL ? gc.url : "", ctx->db_path);
	if (log_path != NULL) {
		fprintf(cfg.log, "shopdesk serve: listening on %s port %d\n",
		    serve_address(sv), serve_port(sv));
		fflush(cfg.log);
	}
	fflush(stderr);
	while (sigwait(&set, &sig) != 0)
		;
	fprintf(stderr, "shopdesk serve: %s: finishing requests in flight\n",
	    strsignal(sig));
	serve_stop(sv, DRAIN_MS);
	fprintf(stderr, "shopdesk serve: stopped\n");
	status = SD_EXIT_OK;
out:
	if (status != SD_EXIT_OK)
		status = cmd_error(&cmd_serve_entry, &err);
	if (cfg.log != NULL && cfg.log != stderr)
		fclose(cfg.log);
	gen_config_release(&gc);
	sd_error_clear(&err);
	return status;
}

const struct sd_cmd cmd_serve_entry = {
	.name = "serve",
	.usage = "serve [--bind ADDR] [--port N] [--threads N] [--no-auth] "
	    "[--rate N] [--burst N] [--log FILE]",
	.summary = "serve the agent over HTTP (JSON API, metrics)",
	.flags = 0,
	.run = cmd_serve_run,
};
