/* cmd-shell.c: placeholder until its module lands. */
#include "config.h"
#include <stdio.h>
#include "shopdesk.h"
#include "cmd.h"

static int
cmd_shell_run(struct sd_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	fprintf(stderr, "shopdesk shell: not built yet\n");
	return SD_EXIT_FAIL;
}

const struct sd_cmd cmd_shell_entry = {
	.name = "shell",
	.usage = "shell",
	.summary = "shell",
	.flags = SD_CMD_DB,
	.run = cmd_shell_run,
};
