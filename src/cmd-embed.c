/*
 * cmd-embed.c: "shopdesk embed" computes the embeddings that semantic
 * search needs, for the products and document chunks that lack one (or
 * whose text changed), through the configured server.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "cmd.h"
#include "generate.h"
#include "llm.h"
#include "vector.h"

extern const struct sd_cmd cmd_embed_entry;

static void
progress(void *arg, long long done, long long total)
{
	(void)arg;
	fprintf(stderr, "\rshopdesk embed: %lld/%lld", done, total);
	fflush(stderr);
}

static int
cmd_embed_run(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "batch",	required_argument,	NULL, 'b' },
		{ "status",	no_argument,		NULL, 's' },
		{ NULL,		0,			NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct gen_config c;
	struct generator *g = NULL;
	const char	*model;
	long long	 n = 0, pending, done;
	long		 batch = 32;
	char		*end;
	int		 ch, status_only = 0, rc = SD_EXIT_FAIL;

	while ((ch = getopt_long(argc, argv, "b:s", longopts, NULL)) != -1) {
		switch (ch) {
		case 'b':
			batch = strtol(optarg, &end, 10);
			if (*end != '\0' || batch < 1 || batch > 2048) {
				fprintf(stderr, "shopdesk embed: --batch %s: "
				    "expected 1 to 2048\n", optarg);
				return SD_EXIT_USAGE;
			}
			break;
		case 's':
			status_only = 1;
			break;
		default:
			return cmd_usage(&cmd_embed_entry);
		}
	}
	if (optind != argc)
		return cmd_usage(&cmd_embed_entry);
	if (gen_config_load(&c, ctx, &err) != SD_OK)
		goto out;
	model = gen_config_embed_model(&c);
	if (status_only) {
		if (vec_counts(ctx->st, model, &pending, &done, &err) != SD_OK)
			goto out;
		printf("model %s: %lld embedded, %lld to embed\n", model, done,
		    pending);
		rc = SD_EXIT_OK;
		goto out;
	}
	if (c.url == NULL) {
		sd_fail(&err, SD_ERR_USAGE, "no server: --llm-url or "
		    "SHOPDESK_LLM_URL");
		goto out;
	}
	c.mode = GEN_LLM;
	if ((g = generator_open(ctx->st, &c, &err)) == NULL)
		goto out;
	if (vec_embed_pending(ctx->st, generator_llm(g), model, (size_t)batch,
	    cmd_progress_wanted(ctx) ? progress : NULL, NULL, &n, &err) !=
	    SD_OK) {
		if (cmd_progress_wanted(ctx))
			fputc('\n', stderr);
		goto out;
	}
	if (cmd_progress_wanted(ctx))
		fputc('\n', stderr);
	printf("embedded %lld rows with model %s\n", n, model);
	rc = SD_EXIT_OK;
out:
	if (rc != SD_EXIT_OK)
		rc = cmd_error(&cmd_embed_entry, &err);
	generator_free(g);
	gen_config_release(&c);
	sd_error_clear(&err);
	return rc;
}

const struct sd_cmd cmd_embed_entry = {
	.name = "embed",
	.usage = "embed [--batch N] [--status]",
	.summary = "compute embeddings for semantic search",
	.flags = SD_CMD_DB,
	.run = cmd_embed_run,
};
