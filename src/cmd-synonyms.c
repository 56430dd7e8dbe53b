/* cmd-synonyms.c: placeholder until its module lands. */
#include "config.h"
#include <stdio.h>
#include "shopdesk.h"
#include "cmd.h"

static int
cmd_synonyms_run(struct sd_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	fprintf(stderr, "shopdesk synonyms: not built yet\n");
	return SD_EXIT_FAIL;
}

const struct sd_cmd cmd_synonyms_entry = {
	.name = "synonyms",
	.usage = "synonyms",
	.summary = "synonyms",
	.flags = SD_CMD_DB,
	.run = cmd_synonyms_run,
};
