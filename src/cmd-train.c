/* cmd-train.c: placeholder until its module lands. */
#include "config.h"
#include <stdio.h>
#include "shopdesk.h"
#include "cmd.h"

static int
cmd_train_run(struct sd_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	fprintf(stderr, "shopdesk train: not built yet\n");
	return SD_EXIT_FAIL;
}

const struct sd_cmd cmd_train_entry = {
	.name = "train",
	.usage = "train",
	.summary = "train",
	.flags = SD_CMD_DB,
	.run = cmd_train_run,
};
