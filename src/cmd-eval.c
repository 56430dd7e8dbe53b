/* cmd-eval.c: placeholder until its module lands. */
#include "config.h"
#include <stdio.h>
#include "shopdesk.h"
#include "cmd.h"

static int
cmd_eval_run(struct sd_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	fprintf(stderr, "shopdesk eval: not built yet\n");
	return SD_EXIT_FAIL;
}

const struct sd_cmd cmd_eval_entry = {
	.name = "eval",
	.usage = "eval",
	.summary = "eval",
	.flags = SD_CMD_DB,
	.run = cmd_eval_run,
};
