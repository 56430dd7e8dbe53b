/* cmd-ingest.c: placeholder until its module lands. */
#include "config.h"
#include <stdio.h>
#include "shopdesk.h"
#include "cmd.h"

static int
cmd_ingest_run(struct sd_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	fprintf(stderr, "shopdesk ingest: not built yet\n");
	return SD_EXIT_FAIL;
}

const struct sd_cmd cmd_ingest_entry = {
	.name = "ingest",
	.usage = "ingest",
	.summary = "ingest",
	.flags = SD_CMD_DB,
	.run = cmd_ingest_run,
};
