/*
 * main.c owns the command line: global options, the table of subcommands,
 * help, opening (and on first use seeding) the store, and exit status.
 * Only main.c and the cmd-*.c files print to stderr.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>

#include "shopdesk.h"
#include "cmd.h"
#include "ingest.h"
#include "paths.h"
#include "search.h"
#include "store.h"

extern const struct sd_cmd cmd_help_entry;
extern const struct sd_cmd cmd_ingest_entry;
extern const struct sd_cmd cmd_search_entry;
extern const struct sd_cmd cmd_eval_entry;
extern const struct sd_cmd cmd_nlu_entry;
extern const struct sd_cmd cmd_train_entry;
extern const struct sd_cmd cmd_synonyms_entry;
extern const struct sd_cmd cmd_aliases_entry;
extern const struct sd_cmd cmd_chat_entry;
extern const struct sd_cmd cmd_replay_entry;
extern const struct sd_cmd cmd_history_entry;
extern const struct sd_cmd cmd_test_entry;
extern const struct sd_cmd cmd_console_entry;
extern const struct sd_cmd cmd_serve_entry;
extern const struct sd_cmd cmd_apikey_entry;
extern const struct sd_cmd cmd_site_entry;
extern const struct sd_cmd cmd_triggers_entry;
extern const struct sd_cmd cmd_sync_entry;
extern const struct sd_cmd cmd_payments_entry;
extern const struct sd_cmd cmd_stats_entry;
extern const struct sd_cmd cmd_experiment_entry;
extern const struct sd_cmd cmd_export_entry;
extern const struct sd_cmd cmd_review_entry;
extern const struct sd_cmd cmd_embed_entry;

const struct sd_cmd *const cmd_table[] = {
	&cmd_help_entry,
	&cmd_ingest_entry,
	&cmd_search_entry,
	&cmd_eval_entry,
	&cmd_nlu_entry,
	&cmd_train_entry,
	&cmd_synonyms_entry,
	&cmd_aliases_entry,
	&cmd_chat_entry,
	&cmd_replay_entry,
	&cmd_history_entry,
	&cmd_test_entry,
	&cmd_console_entry,
	&cmd_serve_entry,
	&cmd_apikey_entry,
	&cmd_site_entry,
	&cmd_triggers_entry,
	&cmd_sync_entry,
	&cmd_payments_entry,
	&cmd_stats_entry,
	&cmd_experiment_entry,
	&cmd_export_entry,
	&cmd_review_entry,
	&cmd_embed_entry,
	NULL
};

/* What "shopdesk" without a command runs. */
/*
 * What "shopdesk" without a command runs: the console on a terminal,
 * scripted replay when stdin or stdout is not one.
 */
static const struct sd_cmd *
default_cmd(void)
{
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		return &cmd_console_entry;
	return &cmd_replay_entry;
}

const struct sd_cmd *
cmd_find(const char *name)
{
	size_t	 i;

	for (i = 0; cmd_table[i] != NULL; i++)
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	return NULL;
}

int
cmd_usage(const struct sd_cmd *cmd)
{
	fprintf(stderr, "usage: shopdesk [--db PATH] %s\n", cmd->usage);
	return SD_EXIT_USAGE;
}

int
cmd_error(const struct sd_cmd *cmd, const struct sd_error *err)
{
	fprintf(stderr, "shopdesk %s: %s\n", cmd->name, sd_error_msg(err));
	return err != NULL && err->rc == SD_ERR_USAGE ? SD_EXIT_USAGE :
	    SD_EXIT_FAIL;
}

int
cmd_progress_wanted(const struct sd_ctx *ctx)
{
	return !ctx->quiet && isatty(STDERR_FILENO);
}

static void
usage(FILE *fp)
{
	size_t	 i;

	fprintf(fp,
	    "usage: shopdesk [--db PATH] [--empty] [-q] [COMMAND [ARGS...]]\n"
	    "\n"
	    "A conversational agent for an online store, grounded in a local\n"
	    "SQLite knowledge base.  Without a command it opens an interactive\n"
	    "session on the default database (the demo store on first use).\n"
	    "\n"
	    "options:\n"
	    "  -d, --db PATH   database file (default $SHOPDESK_DB, else\n"
	    "                  $XDG_DATA_HOME/shopdesk/shopdesk.db)\n"
	    "  -e, --empty     create a new database without the demo store\n"
	    "  -q, --quiet     no progress output\n"
	    "  -h, --help      this help; \"shopdesk help COMMAND\" for one\n"
	    "  -V, --version   print the version\n"
	    "  --generator MODE  replies from templates, an LLM or auto\n"
	    "                  (default auto: LLM for open questions when\n"
	    "                  a server is configured)\n"
	    "  --llm-url URL   OpenAI-compatible server ($SHOPDESK_LLM_URL)\n"
	    "  --config FILE   settings file (default $SHOPDESK_CONFIG or\n"
	    "                  ~/.config/shopdesk/config)\n"
	    "  --show-verdicts mark fact-checked claims in generated replies\n"
	    "\n"
	    "commands:\n");
	for (i = 0; cmd_table[i] != NULL; i++)
		fprintf(fp, "  %-10s %s\n", cmd_table[i]->name,
		    cmd_table[i]->summary);
}

static int
cmd_help_run(struct sd_ctx *ctx, int argc, char **argv)
{
	const struct sd_cmd *cmd;

	(void)ctx;
	if (argc < 2) {
		usage(stdout);
		return SD_EXIT_OK;
	}
	if ((cmd = cmd_find(argv[1])) == NULL) {
		fprintf(stderr, "shopdesk: no command \"%s\"; "
		    "\"shopdesk help\" lists them\n", argv[1]);
		return SD_EXIT_USAGE;
	}
	printf("usage: shopdesk %s\n%s\n", cmd->usage, cmd->summary);
	printf("See shopdesk(1) for details.\n");
	return SD_EXIT_OK;
}

const struct sd_cmd cmd_help_entry = {
	.name = "help",
	.usage = "help [COMMAND]",
	.summary = "list the commands, or show one command's usage",
	.flags = 0,
	.run = cmd_help_run,
};

/*
 * Open the store and, when the file is new, seed it from the demo store in
 * share/demo, so the first run of shopdesk has something to talk about.
 */
int
cmd_open_store(struct sd_ctx *ctx, struct sd_error *err)
{
	int	 created = 0;

	if (ctx->st != NULL)
		return 0;
	if (paths_db_dir(ctx->db_path, ctx->db_origin, err) != SD_OK ||
	    (ctx->st = store_open(ctx->db_path, &created, err)) == NULL)
		return -1;
	if (!created)
		return 0;
	/* Said even when not a terminal: a new store may be a typo. */
	if (!ctx->quiet && ctx->empty)
		fprintf(stderr, "shopdesk: created a new, empty database %s\n",
		    ctx->db_path);
	if (ctx->empty)
		return 0;
	if (!ctx->quiet)
		fprintf(stderr, "shopdesk: created a new database %s: loading "
		    "the demo store from %s/demo\n", ctx->db_path,
		    ctx->share_dir);
	if (ingest_seed_demo(ctx->st, ctx->share_dir, err) != SD_OK ||
	    synonyms_seed(ctx->st, ctx->share_dir, err) != SD_OK) {
		sd_error_prefix(err, "seeding %s: ", ctx->db_path);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db",		required_argument,	NULL, 'd' },
		{ "empty",	no_argument,		NULL, 'e' },
		{ "quiet",	no_argument,		NULL, 'q' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		/* Generated replies (generate.h). */
		{ "generator",	required_argument,	NULL, 'G' },
		{ "llm-url",	required_argument,	NULL, 'U' },
		{ "config",	required_argument,	NULL, 'C' },
		{ "show-verdicts", no_argument,		NULL, 'S' },
		{ NULL,		0,			NULL, 0 }
	};
	struct sd_ctx	 ctx;
	struct sd_error	 err = SD_ERROR_INIT;
	const struct sd_cmd *cmd;
	char		*db = NULL, *share = NULL;
	char		*dflt[] = { NULL, NULL };
	int		 ch, status;

	setlocale(LC_ALL, "");
	memset(&ctx, 0, sizeof ctx);
	/* "+": stop at the first non-option, the command's name. */
	while ((ch = getopt_long(argc, argv, "+d:eqhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			free(db);
			db = xstrdup(optarg);
			break;
		case 'e':
			ctx.empty = 1;
			break;
		case 'q':
			ctx.quiet = 1;
			break;
		case 'h':
			usage(stdout);
			return SD_EXIT_OK;
		case 'V':
			printf("shopdesk %s\n", PACKAGE_VERSION);
			return SD_EXIT_OK;
		case 'G':
			ctx.generator = optarg;
			break;
		case 'U':
			ctx.llm_url = optarg;
			break;
		case 'C':
			ctx.config_path = optarg;
			break;
		case 'S':
			ctx.show_verdicts = 1;
			break;
		default:
			usage(stderr);
			return SD_EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		cmd = default_cmd();
		dflt[0] = (char *)cmd->name;
		argc = 1;
		argv = dflt;
	} else if ((cmd = cmd_find(argv[0])) == NULL) {
		fprintf(stderr, "shopdesk: no command \"%s\"; "
		    "\"shopdesk help\" lists them\n", argv[0]);
		free(db);
		return SD_EXIT_USAGE;
	}
	optind = 0;	/* let the command run getopt afresh (GNU reset) */

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fprintf(stderr, "shopdesk: cannot initialise libcurl\n");
		free(db);
		return SD_EXIT_FAIL;
	}
	ctx.db_origin = "--db";
	ctx.db_path = db != NULL ? db : (db = paths_default_db(&ctx.db_origin));
	ctx.share_dir = share = paths_share_dir(argv[0]);
	status = SD_EXIT_FAIL;
	if ((cmd->flags & SD_CMD_DB) && cmd_open_store(&ctx, &err) != 0) {
		fprintf(stderr, "shopdesk: %s\n", sd_error_msg(&err));
		goto out;
	}
	status = cmd->run(&ctx, argc, argv);
out:
	store_close(ctx.st);
	free(db);
	free(share);
	sd_error_clear(&err);
	curl_global_cleanup();
	return status;
}
