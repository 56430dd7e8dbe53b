/*
 * cmd-sync.c: "shopdesk sync [--sources FILE] SOURCE", pull what changed
 * in the shop's WooCommerce or Shopify store since the last sync
 * (connector.c).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "cmd.h"
#include "sources.h"
#include "connector.h"
#include "store.h"

extern const struct sd_cmd cmd_sync_entry;

static int
cmd_sync_run(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "sources",	required_argument,	NULL, 's' },
		{ NULL,		0,			NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct connector_config c;
	struct sync_stats ss;
	const char	*file = NULL, *tmp;
	char		*path = NULL;
	int		 ch, status = SD_EXIT_OK;

	while ((ch = getopt_long(argc, argv, "s:", longopts, NULL)) != -1) {
		switch (ch) {
		case 's':
			file = optarg;
			break;
		default:
			return cmd_usage(&cmd_sync_entry);
		}
	}
	if (argc - optind != 1)
		return cmd_usage(&cmd_sync_entry);
	if (file == NULL)
		file = path = sources_default_path();
	if (connector_config_load(file, argv[optind], &c, &err) != SD_OK) {
		free(path);
		status = cmd_error(&cmd_sync_entry, &err);
		sd_error_clear(&err);
		return status;
	}
	free(path);
	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	if (connector_sync(ctx->st, &c, tmp, &ss, &err) != SD_OK) {
		status = cmd_error(&cmd_sync_entry, &err);
		sd_error_clear(&err);
	} else
		printf("%s: %lld products, %lld customers, %lld orders "
		    "(%lld skipped) since %s; %lld requests, %lld retried\n",
		    argv[optind], ss.products, ss.customers, ss.orders,
		    ss.skipped, ss.since != NULL ? ss.since : "the start",
		    ss.requests, ss.retries);
	sync_stats_release(&ss);
	connector_config_release(&c);
	return status;
}

const struct sd_cmd cmd_sync_entry = {
	.name = "sync",
	.usage = "sync [--sources FILE] woocommerce|shopify",
	.summary = "pull products, stock, customers and orders from the "
	    "shop's WooCommerce or Shopify store",
	.flags = SD_CMD_DB,
	.run = cmd_sync_run,
};
