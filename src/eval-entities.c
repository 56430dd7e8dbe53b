/* eval-entities.c: placeholder until its module lands. */
#include "config.h"
#include <stdio.h>
#include "shopdesk.h"
#include "eval.h"

int
eval_entities_main(struct sd_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	fprintf(stderr, "shopdesk eval entities: not built yet\n");
	return SD_EXIT_FAIL;
}
