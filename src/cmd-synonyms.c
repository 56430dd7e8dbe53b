/*
 * cmd-synonyms.c: "shopdesk synonyms list|add|remove|import": the shop's
 * editing of the synonym table that search uses for query expansion.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "shopdesk.h"
#include "cmd.h"
#include "sbuf.h"
#include "search.h"

extern const struct sd_cmd cmd_synonyms_entry;

struct list_state {
	int	 json;
	long	 n;
};

static int
print_pair(void *arg, const char *term, const char *syn, const char *src)
{
	struct list_state *ls = arg;
	struct sbuf	 b = SBUF_INIT;

	if (ls->json) {
		sbuf_adds(&b, "{\"term\":");
		sbuf_add_json_str(&b, term, strlen(term));
		sbuf_adds(&b, ",\"synonym\":");
		sbuf_add_json_str(&b, syn, strlen(syn));
		sbuf_adds(&b, ",\"source\":");
		sbuf_add_json_str(&b, src, strlen(src));
		printf("%s}\n", b.buf);
		sbuf_release(&b);
	} else
		printf("%s\t%s\t%s\n", term, syn, src);
	ls->n++;
	return 0;
}

static int
cmd_synonyms_run(struct sd_ctx *ctx, int argc, char **argv)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct list_state ls = { 0, 0 };
	long long	 n = 0;
	const char	*sub;
	int		 status = SD_EXIT_OK, i;
	enum sd_rc	 rc = SD_OK;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)
		return cmd_usage(&cmd_synonyms_entry);
	sub = argv[1];
	argc -= 2;
	argv += 2;
	if (strcmp(sub, "list") == 0) {
		/* Text output is TSV, which import reads back. */
		for (i = 0; i < argc && argv[i][0] == '-'; i++) {
			if (strcmp(argv[i], "--json") == 0)
				ls.json = 1;
			else
				return cmd_usage(&cmd_synonyms_entry);
		}
		if (argc - i > 1)
			return cmd_usage(&cmd_synonyms_entry);
		rc = synonyms_list(ctx->st, i < argc ? argv[i] : NULL,
		    print_pair, &ls, &err);
		if (rc == SD_OK && ls.n == 0 && i < argc)
			rc = sd_fail(&err, SD_ERR_NOTFOUND,
			    "no synonyms for \"%s\"", argv[i]);
	} else if (strcmp(sub, "add") == 0) {
		if (argc < 2)
			return cmd_usage(&cmd_synonyms_entry);
		rc = synonyms_add(ctx->st, argv[0],
		    (const char *const *)argv + 1, (size_t)argc - 1, "shop",
		    &n, &err);
		if (rc == SD_OK && !ctx->quiet)
			printf("added %lld synonym%s for \"%s\"\n", n,
			    n == 1 ? "" : "s", argv[0]);
	} else if (strcmp(sub, "remove") == 0) {
		if (argc < 1 || argc > 2)
			return cmd_usage(&cmd_synonyms_entry);
		rc = synonyms_remove(ctx->st, argv[0], argc > 1 ? argv[1] :
		    NULL, &n, &err);
		if (rc == SD_OK && !ctx->quiet)
			printf("removed %lld synonym%s\n", n,
			    n == 1 ? "" : "s");
	} else if (strcmp(sub, "import") == 0) {
		if (argc != 1)
			return cmd_usage(&cmd_synonyms_entry);
		rc = synonyms_import(ctx->st, argv[0], "shop", &n, &err);
		if (rc == SD_OK && !ctx->quiet)
			printf("imported %lld new synonym%s from %s\n", n,
			    n == 1 ? "" : "s", argv[0]);
	} else {
		fprintf(stderr, "shopdesk synonyms: no subcommand \"%s\" "
		    "(list, add, remove, import)\n", sub);
		return SD_EXIT_USAGE;
	}
	if (rc != SD_OK)
		status = cmd_error(&cmd_synonyms_entry, &err);
	sd_error_clear(&err);
	return status;
}

const struct sd_cmd cmd_synonyms_entry = {
	.name = "synonyms",
	.usage = "synonyms list [--json] [TERM] | add TERM SYNONYM... | "
	    "remove TERM [SYNONYM] | import FILE.tsv",
	.summary = "list and edit the synonyms search uses",
	.flags = SD_CMD_DB,
	.run = cmd_synonyms_run,
};
