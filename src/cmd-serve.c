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
#include <sys/resource.h>

#include "shopdesk.h"
#include "cmd.h"
#include "sources.h"
#include "generate.h"
#include "serve-check.h"
#include "serve.h"
#include "store.h"

extern const struct sd_cmd cmd_serve_entry;

/* How long in-flight requests may take to finish after a signal. */
#define DRAIN_MS	10000
/* File descriptors kept for the databases, logs and the listener. */
#define FD_RESERVE	256

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

/*
 * Raise the soft limit on open files as far as max_conns needs (the
 * hard limit allows); past it, accepting would fail for everyone.
 * Returns the connections the limit leaves room for.
 */
static unsigned
fit_fd_limit(unsigned max_conns)
{
	struct rlimit	 rl;
	rlim_t		 want = (rlim_t)max_conns + FD_RESERVE;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
		return max_conns;
	if (rl.rlim_cur < want) {
		rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ||
		    rl.rlim_max >= want ? want : rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
		getrlimit(RLIMIT_NOFILE, &rl);
	}
	if (rl.rlim_cur >= want)
		return max_conns;
	return rl.rlim_cur > 2 * FD_RESERVE ?
	    (unsigned)(rl.rlim_cur - FD_RESERVE) : FD_RESERVE;
}

/*
 * Check the options that depend on each other; -1 after saying why.
 * --no-auth on an address other clients can reach hands every session,
 * and through user_id any customer's orders, to them: it takes a second
 * flag that says so.
 */
static int
check_config(struct serve_config *cfg, int no_auth_network)
{
	const char	*bind = cfg->bind != NULL ? cfg->bind : "127.0.0.1";
	unsigned	 fit;

	if (no_auth_network && !cfg->no_auth) {
		fprintf(stderr, "shopdesk serve: --no-auth-on-network goes "
		    "with --no-auth\n");
		return -1;
	}
	if (cfg->no_auth && !no_auth_network && !serve_addr_loopback(bind)) {
		fprintf(stderr, "shopdesk serve: --no-auth on %s would let "
		    "anyone who reaches it read every session; bind a "
		    "loopback address, use API keys, or add "
		    "--no-auth-on-network\n", bind);
		return -1;
	}
	if (cfg->conns_per_addr >= cfg->max_conns) {
		fprintf(stderr, "shopdesk serve: --conns-per-addr %u must be "
		    "less than --max-conns %u, to keep connections for other "
		    "clients\n", cfg->conns_per_addr, cfg->max_conns);
		return -1;
	}
	if ((fit = fit_fd_limit(cfg->max_conns)) < cfg->max_conns) {
		fprintf(stderr, "shopdesk serve: warning: the open file limit "
		    "leaves room for %u connections, not --max-conns %u\n",
		    fit, cfg->max_conns);
		cfg->max_conns = fit;
		if (cfg->conns_per_addr >= fit)
			cfg->conns_per_addr = fit / 2;
	}
	if (cfg->no_auth)
		fprintf(stderr, "shopdesk serve: WARNING: --no-auth: /api "
		    "needs no API key on %s%s; every session and, through "
		    "user_id, every customer's orders are open to any client "
		    "that reaches it\n", bind, no_auth_network ?
		    " (--no-auth-on-network)" : "");
	return 0;
}

static int
parse_metrics(const char *arg, enum serve_metrics *out)
{
	if (strcmp(arg, "local") == 0)
		*out = SERVE_METRICS_LOCAL;
	else if (strcmp(arg, "key") == 0)
		*out = SERVE_METRICS_KEY;
	else if (strcmp(arg, "open") == 0)
		*out = SERVE_METRICS_OPEN;
	else {
		fprintf(stderr, "shopdesk serve: --metrics %s: not local, key "
		    "or open\n", arg);
		return -1;
	}
	return 0;
}

/* The options, over the defaults; 0, or the exit status of a usage error. */
static int
serve_options(int argc, char **argv, struct serve_config *cfg,
    const char **log_path, int *no_auth_network)
{
	static const struct option longopts[] = {
		{ "bind",	required_argument,	NULL, 'b' },
		{ "port",	required_argument,	NULL, 'p' },
		{ "threads",	required_argument,	NULL, 't' },
		{ "no-auth",	no_argument,		NULL, 'A' },
		{ "rate",	required_argument,	NULL, 'r' },
		{ "burst",	required_argument,	NULL, 'B' },
		{ "log",	required_argument,	NULL, 'l' },
		{ "no-auth-on-network", no_argument,	NULL, 'N' },
		{ "max-conns",	required_argument,	NULL, 'C' },
		{ "conns-per-addr", required_argument,	NULL, 'P' },
		{ "header-timeout", required_argument,	NULL, 'H' },
		{ "idle-timeout", required_argument,	NULL, 'I' },
		{ "body-timeout", required_argument,	NULL, 'T' },
		{ "metrics",	required_argument,	NULL, 'M' },
		{ "frame-ancestors", required_argument,	NULL, 'F' },
		{ "triggers",	required_argument,	NULL, 'R' },
		{ "sources",	required_argument,	NULL, 'S' },
		{ NULL,		0,			NULL, 0 }
	};
	double		 v;
	int		 ch;

	memset(cfg, 0, sizeof *cfg);
	cfg->port = 8080;
	cfg->rate = 20;
	cfg->burst = 40;
	cfg->max_conns = 2048;
	cfg->conns_per_addr = 128;
	cfg->header_timeout = 5;
	cfg->body_timeout = 30;
	cfg->idle_timeout = 30;
	cfg->metrics = SERVE_METRICS_LOCAL;
	while ((ch = getopt_long(argc, argv, "b:p:t:Ar:B:l:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'b':
			cfg->bind = optarg;
			break;
		case 'p':
			if (parse_num("--port", optarg, 0, 65535, &v) != 0)
				return SD_EXIT_USAGE;
			cfg->port = (int)v;
			break;
		case 't':
			if (parse_num("--threads", optarg, 1, 256, &v) != 0)
				return SD_EXIT_USAGE;
			cfg->threads = (int)v;
			break;
		case 'A':
			cfg->no_auth = 1;
			break;
		case 'r':
			if (parse_num("--rate", optarg, 0, 1e9, &v) != 0)
				return SD_EXIT_USAGE;
			cfg->rate = v;
			break;
		case 'B':
			if (parse_num("--burst", optarg, 1, 1e9, &v) != 0)
				return SD_EXIT_USAGE;
			cfg->burst = v;
			break;
		case 'l':
			*log_path = optarg;
			break;
		case 'N':
			*no_auth_network = 1;
			break;
		case 'C':
			if (parse_num("--max-conns", optarg, 2, 1000000,
			    &v) != 0)
				return SD_EXIT_USAGE;
			cfg->max_conns = (unsigned)v;
			break;
		case 'P':
			if (parse_num("--conns-per-addr", optarg, 0, 1000000,
			    &v) != 0)
				return SD_EXIT_USAGE;
			cfg->conns_per_addr = (unsigned)v;
			break;
		case 'H':
			if (parse_num("--header-timeout", optarg, 0, 3600,
			    &cfg->header_timeout) != 0)
				return SD_EXIT_USAGE;
			break;
		case 'T':
			if (parse_num("--body-timeout", optarg, 0, 86400,
			    &cfg->body_timeout) != 0)
				return SD_EXIT_USAGE;
			break;
		case 'I':
			if (parse_num("--idle-timeout", optarg, 0, 86400,
			    &v) != 0)
				return SD_EXIT_USAGE;
			cfg->idle_timeout = (unsigned)v;
			break;
		case 'S':
			cfg->sources_file = optarg;
			break;
		case 'R':
			if (parse_num("--triggers", optarg, 0, 86400 * 7,
			    &v) != 0)
				return SD_EXIT_USAGE;
			cfg->triggers_every = v;
			break;
		case 'F':
			/* Quotes and semicolons would end the directive. */
			if (strpbrk(optarg, ";,\"\r\n") != NULL) {
				fprintf(stderr, "shopdesk serve: "
				    "--frame-ancestors: a space-separated list "
				    "of origins or 'self'/'none'\n");
				return SD_EXIT_USAGE;
			}
			cfg->frame_ancestors = optarg;
			break;
		case 'M':
			if (parse_metrics(optarg, &cfg->metrics) != 0)
				return SD_EXIT_USAGE;
			break;
		default:
			return cmd_usage(&cmd_serve_entry);
		}
	}
	if (optind != argc)
		return cmd_usage(&cmd_serve_entry);
	return 0;
}

static int
cmd_serve_run(struct sd_ctx *ctx, int argc, char **argv)
{
	struct serve_config cfg;
	struct gen_config gc;
	struct sd_error	 err = SD_ERROR_INIT;
	struct serve	*sv;
	sigset_t	 set;
	const char	*log_path = NULL;
	char		*triggers_path = NULL, *sources_path = NULL;
	int		 sig = 0, status = SD_EXIT_FAIL, rc;
	int		 no_auth_network = 0;

	gen_config_init(&gc);
	if ((rc = serve_options(argc, argv, &cfg, &log_path,
	    &no_auth_network)) != 0)
		return rc;
	if (check_config(&cfg, no_auth_network) != 0)
		return SD_EXIT_USAGE;
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
	if (cfg.triggers_every > 0)
		cfg.triggers_file = triggers_path = xasprintf("%s/triggers.json",
		    ctx->share_dir);
	if (cfg.sources_file == NULL)
		cfg.sources_file = sources_path = sources_default_path();
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
	free(triggers_path);
	free(sources_path);
	return status;
}

const struct sd_cmd cmd_serve_entry = {
	.name = "serve",
	.usage = "serve [--bind ADDR] [--port N] [--threads N] [--no-auth "
	    "[--no-auth-on-network]] [--rate N] [--burst N] [--log FILE] "
	    "[--max-conns N] [--conns-per-addr N] [--header-timeout S] "
	    "[--body-timeout S] [--idle-timeout S] "
	    "[--metrics local|key|open] [--frame-ancestors SOURCES] "
	    "[--triggers SECONDS] [--sources FILE]",
	.summary = "serve the agent over HTTP (JSON API, chat widget, "
	    "metrics)",
	.flags = 0,
	.run = cmd_serve_run,
};
