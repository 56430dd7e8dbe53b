/* ingest.c: placeholder until the ingest module lands. */
#include "config.h"
#include "shopdesk.h"
#include "ingest.h"

enum sd_rc
ingest_seed_demo(struct store *st, const char *share_dir, struct sd_error *err)
{
	(void)st; (void)share_dir; (void)err;
	return SD_OK;
}
