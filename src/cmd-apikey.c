/*
 * cmd-apikey.c: "shopdesk apikey create [--name NAME] [--admin]
 * [--agent AGENT] | list | revoke ID", the keys that clients of
 * "shopdesk serve" present.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "apikey.h"
#include "cmd.h"
#include "store.h"

extern const struct sd_cmd cmd_apikey_entry;

static int
apikey_create_main(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "name",	required_argument,	NULL, 'n' },
		{ "admin",	no_argument,		NULL, 'a' },
		{ "agent",	required_argument,	NULL, 'g' },
		{ NULL,		0,			NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*name = "", *agent = NULL;
	char		*key = NULL;
	long long	 id;
	int		 ch, status, admin = 0;

	while ((ch = getopt_long(argc, argv, "n:ag:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			name = optarg;
			break;
		case 'a':
			admin = 1;
			break;
		case 'g':
			agent = optarg;
			break;
		default:
			return cmd_usage(&cmd_apikey_entry);
		}
	}
	if (optind != argc)
		return cmd_usage(&cmd_apikey_entry);
	if (agent != NULL && (*agent == '\0' || strlen(agent) > 64 ||
	    strpbrk(agent, " \t\r\n") != NULL)) {
		fprintf(stderr, "shopdesk apikey: --agent \"%s\": a name of 1 "
		    "to 64 characters without spaces\n", agent);
		return SD_EXIT_USAGE;
	}
	/*
	 * Key and role in one transaction: no key without its role.  A
	 * deferred BEGIN, whose first statement writes the history file:
	 * BEGIN IMMEDIATE would wait for main's lock too, which a long
	 * ingest holds (tests/serve-ingest.t).
	 */
	if (store_begin_read(ctx->st, &err) != SD_OK ||
	    apikey_create(ctx->st, name, admin, &key, &id, &err) != SD_OK ||
	    (agent != NULL && apikey_set_agent(ctx->st, id, agent,
	    &err) != SD_OK) || store_commit(ctx->st, &err) != SD_OK) {
		store_rollback(ctx->st);
		free(key);
		status = cmd_error(&cmd_apikey_entry, &err);
		sd_error_clear(&err);
		return status;
	}
	/* The key on stdout alone, so that scripts can capture it. */
	printf("%s\n", key);
	if (!ctx->quiet)
		fprintf(stderr, "shopdesk apikey: created %skey %lld%s%s%s%s; "
		    "it is shown only now, keep it safe\n", admin ? "admin " :
		    "", id, *name != '\0' ? " named " : "", name,
		    agent != NULL ? " for agent " : "", agent != NULL ? agent :
		    "");
	free(key);
	return SD_EXIT_OK;
}

static int
apikey_list_main(struct sd_ctx *ctx, int argc, char **argv)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct apikey_info *v = NULL;
	size_t		 n = 0, i;
	int		 status;

	if (argc != 1)
		return cmd_usage(&cmd_apikey_entry);
	if (apikey_list(ctx->st, &v, &n, &err) != SD_OK) {
		status = cmd_error(&cmd_apikey_entry, &err);
		sd_error_clear(&err);
		return status;
	}
	printf("%-5s %-16s %-5s %-21s %-21s %s\n", "ID", "PREFIX", "ROLE",
	    "CREATED", "REVOKED", "NAME");
	for (i = 0; i < n; i++) {
		printf("%-5lld %-16s %-5s %-21s %-21s %s\n", v[i].id,
		    v[i].prefix, v[i].admin ? "admin" : v[i].agent != NULL ?
		    "agent" : "key",
		    v[i].created_at, v[i].revoked_at != NULL ?
		    v[i].revoked_at : "-", v[i].name);
		if (v[i].agent != NULL)
			printf("%-5s acts as agent %s\n", "", v[i].agent);
		apikey_info_release(&v[i]);
	}
	free(v);
	return SD_EXIT_OK;
}

static int
apikey_revoke_main(struct sd_ctx *ctx, int argc, char **argv)
{
	struct sd_error	 err = SD_ERROR_INIT;
	long long	 id;
	char		*end;
	int		 status;

	if (argc != 2)
		return cmd_usage(&cmd_apikey_entry);
	errno = 0;
	id = strtoll(argv[1], &end, 10);
	if (errno != 0 || *end != '\0' || end == argv[1] || id <= 0) {
		fprintf(stderr, "shopdesk apikey: revoke: \"%s\" is not a key "
		    "id (see \"shopdesk apikey list\")\n", argv[1]);
		return SD_EXIT_USAGE;
	}
	if (apikey_revoke(ctx->st, id, &err) != SD_OK) {
		status = cmd_error(&cmd_apikey_entry, &err);
		sd_error_clear(&err);
		return status;
	}
	if (!ctx->quiet)
		fprintf(stderr, "shopdesk apikey: revoked key %lld\n", id);
	return SD_EXIT_OK;
}

static int
cmd_apikey_run(struct sd_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cmd_usage(&cmd_apikey_entry);
	if (strcmp(argv[1], "create") == 0)
		return apikey_create_main(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return apikey_list_main(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "revoke") == 0)
		return apikey_revoke_main(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cmd_usage(&cmd_apikey_entry);
	fprintf(stderr, "shopdesk apikey: no subcommand \"%s\" (create, list, "
	    "revoke)\n", argv[1]);
	return SD_EXIT_USAGE;
}

const struct sd_cmd cmd_apikey_entry = {
	.name = "apikey",
	.usage = "apikey create [--name NAME] [--admin] [--agent AGENT] | "
	    "list | revoke ID",
	.summary = "create, list and revoke keys for the HTTP API",
	.flags = SD_CMD_DB,
	.run = cmd_apikey_run,
};
