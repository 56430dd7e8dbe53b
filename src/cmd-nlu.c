/* cmd-nlu.c: placeholder until its module lands. */
#include "config.h"
#include <stdio.h>
#include "shopdesk.h"
#include "cmd.h"

static int
cmd_nlu_run(struct sd_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	fprintf(stderr, "shopdesk nlu: not built yet\n");
	return SD_EXIT_FAIL;
}

const struct sd_cmd cmd_nlu_entry = {
	.name = "nlu",
	.usage = "nlu",
	.summary = "nlu",
	.flags = SD_CMD_DB,
	.run = cmd_nlu_run,
};
