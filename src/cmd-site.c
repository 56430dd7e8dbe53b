/*
 * cmd-site.c: "shopdesk site create --origin ORIGINS [--name NAME] |
 * list | revoke ID | sign ID CUSTOMER [--ttl SECONDS | --expires TIME]",
 * the web sites whose pages embed the chat widget (site.c).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shopdesk.h"
#include "cmd.h"
#include "sbuf.h"
#include "site.h"
#include "store.h"

extern const struct sd_cmd cmd_site_entry;

#define TTL_DEFAULT	3600	/* a token a page is rendered with */

static int
fail(struct sd_error *err)
{
	int	 status = cmd_error(&cmd_site_entry, err);

	sd_error_clear(err);
	return status;
}

/* A positive decimal id or number; -1 after saying what is wrong. */
static long long
number(const char *s, const char *what)
{
	long long	 v;
	char		*end;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s || v <= 0) {
		fprintf(stderr, "shopdesk site: \"%s\" is not a %s\n", s,
		    what);
		return -1;
	}
	return v;
}

static int
site_create_main(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "name",	required_argument,	NULL, 'n' },
		{ "origin",	required_argument,	NULL, 'o' },
		{ NULL,		0,			NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 origins = SBUF_INIT;
	const char	*name = "";
	char		*pk = NULL, *sk = NULL;
	long long	 id;
	int		 ch;

	while ((ch = getopt_long(argc, argv, "n:o:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			name = optarg;
			break;
		case 'o':
			sbuf_addf(&origins, "%s ", optarg);
			break;
		default:
			sbuf_release(&origins);
			return cmd_usage(&cmd_site_entry);
		}
	}
	if (optind != argc || origins.len == 0) {
		if (origins.len == 0)
			fprintf(stderr, "shopdesk site: create: --origin is "
			    "required (the origin of the shop's pages, e.g. "
			    "https://shop.example)\n");
		sbuf_release(&origins);
		return cmd_usage(&cmd_site_entry);
	}
	if (site_create(ctx->st, name, origins.buf, &id, &pk, &sk, &err) !=
	    SD_OK) {
		sbuf_release(&origins);
		return fail(&err);
	}
	/* Machine-readable on stdout; the secret is shown only now. */
	printf("site %lld\npublic_key %s\nsecret %s\n", id, pk, sk);
	if (!ctx->quiet)
		fprintf(stderr, "shopdesk site: created site %lld; put the "
		    "public key in the widget's script tag and keep the "
		    "secret on the shop's server only\n", id);
	sbuf_release(&origins);
	free(pk);
	free(sk);
	return SD_EXIT_OK;
}

static int
site_list_main(struct sd_ctx *ctx, int argc, char **argv)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct site_info *v = NULL;
	size_t		 n = 0, i;

	(void)argv;
	if (argc != 1)
		return cmd_usage(&cmd_site_entry);
	if (site_list(ctx->st, &v, &n, &err) != SD_OK)
		return fail(&err);
	printf("%-5s %-44s %-21s %-21s %-12s %s\n", "ID", "PUBLIC KEY",
	    "CREATED", "REVOKED", "NAME", "ORIGINS");
	for (i = 0; i < n; i++) {
		printf("%-5lld %-44s %-21s %-21s %-12s %s\n", v[i].id,
		    v[i].public_key, v[i].created_at, v[i].revoked_at != NULL ?
		    v[i].revoked_at : "-", *v[i].name != '\0' ? v[i].name :
		    "-", v[i].origins);
		site_info_release(&v[i]);
	}
	free(v);
	return SD_EXIT_OK;
}

static int
site_revoke_main(struct sd_ctx *ctx, int argc, char **argv)
{
	struct sd_error	 err = SD_ERROR_INIT;
	long long	 id;

	if (argc != 2)
		return cmd_usage(&cmd_site_entry);
	if ((id = number(argv[1], "site id (see \"shopdesk site list\")")) < 0)
		return SD_EXIT_USAGE;
	if (site_revoke(ctx->st, id, &err) != SD_OK)
		return fail(&err);
	if (!ctx->quiet)
		fprintf(stderr, "shopdesk site: revoked site %lld\n", id);
	return SD_EXIT_OK;
}

/* What a shop's backend does for each page, for trying the widget. */
static int
site_sign_main(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "ttl",	required_argument,	NULL, 't' },
		{ "expires",	required_argument,	NULL, 'e' },
		{ NULL,		0,			NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	long long	 id, ttl = TTL_DEFAULT, expires = 0;
	char		*secret = NULL, *tok;
	int		 ch;

	(void)ctx;
	while ((ch = getopt_long(argc, argv, "t:e:", longopts, NULL)) != -1) {
		switch (ch) {
		case 't':
			if ((ttl = number(optarg, "number of seconds")) < 0)
				return SD_EXIT_USAGE;
			break;
		case 'e':
			if ((expires = number(optarg, "Unix time")) < 0)
				return SD_EXIT_USAGE;
			break;
		default:
			return cmd_usage(&cmd_site_entry);
		}
	}
	if (argc - optind != 2)
		return cmd_usage(&cmd_site_entry);
	if ((id = number(argv[optind], "site id (see \"shopdesk site "
	    "list\")")) < 0)
		return SD_EXIT_USAGE;
	if (argv[optind + 1][0] == '\0' || strchr(argv[optind + 1], '\n')) {
		fprintf(stderr, "shopdesk site: sign: the customer id must "
		    "be one non-empty line\n");
		return SD_EXIT_USAGE;
	}
	if (site_secret(ctx->st, id, &secret, &err) != SD_OK)
		return fail(&err);
	if (expires == 0)
		expires = (long long)time(NULL) + ttl;
	tok = site_sign(secret, argv[optind + 1], expires);
	printf("%s\n", tok);
	free(tok);
	free(secret);
	return SD_EXIT_OK;
}

static int
cmd_site_run(struct sd_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cmd_usage(&cmd_site_entry);
	if (strcmp(argv[1], "create") == 0)
		return site_create_main(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return site_list_main(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "revoke") == 0)
		return site_revoke_main(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "sign") == 0)
		return site_sign_main(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cmd_usage(&cmd_site_entry);
	fprintf(stderr, "shopdesk site: no subcommand \"%s\" (create, list, "
	    "revoke, sign)\n", argv[1]);
	return SD_EXIT_USAGE;
}

const struct sd_cmd cmd_site_entry = {
	.name = "site",
	.usage = "site create --origin ORIGIN [--origin ORIGIN...] "
	    "[--name NAME] | list | revoke ID | sign ID CUSTOMER "
	    "[--ttl SECONDS | --expires UNIXTIME]",
	.summary = "web sites that embed the chat widget, and signed "
	    "customer identities",
	.flags = SD_CMD_DB,
	.run = cmd_site_run,
};
