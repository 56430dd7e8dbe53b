/* cmd-search.c: placeholder until its module lands. */
#include "config.h"
#include <stdio.h>
#include "shopdesk.h"
#include "cmd.h"

static int
cmd_search_run(struct sd_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	fprintf(stderr, "shopdesk search: not built yet\n");
	return SD_EXIT_FAIL;
}

const struct sd_cmd cmd_search_entry = {
	.name = "search",
	.usage = "search",
	.summary = "search",
	.flags = SD_CMD_DB,
	.run = cmd_search_run,
};
