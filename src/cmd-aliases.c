/*
 * cmd-aliases.c: "shopdesk aliases list|add|remove": the shop's aliases
 * of catalog names ("xsx" for the Xbox Series X), which the entity
 * extractor finds as the product they name and search expands.  They
 * are rows of the synonyms table of source "alias" (synonyms.c); add
 * checks that the target names something in the catalog now.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shopdesk.h"
#include "cmd.h"
#include "entity.h"
#include "sbuf.h"
#include "search.h"

extern const struct sd_cmd cmd_aliases_entry;

struct list_state {
	int	 json;
	long	 n;
};

static int
print_alias(void *arg, const char *alias, const char *target,
    const char *src)
{
	struct list_state *ls = arg;
	struct sbuf	 b = SBUF_INIT;

	(void)src;
	if (ls->json) {
		sbuf_adds(&b, "{\"alias\":");
		sbuf_add_json_str(&b, alias, strlen(alias));
		sbuf_adds(&b, ",\"target\":");
		sbuf_add_json_str(&b, target, strlen(target));
		printf("%s}\n", b.buf);
		sbuf_release(&b);
	} else
		printf("%s\t%s\n", alias, target);
	ls->n++;
	return 0;
}

/*
 * The target must name one product, family, brand or category of the
 * catalog as a whole, as the extractor reads it now.
 */
static enum sd_rc
check_target(struct sd_ctx *ctx, const char *target, struct sd_error *err)
{
	struct gazetteer *gz;
	struct entity_list el = ENTITY_LIST_INIT;
	size_t		 n = strlen(target), a, z;
	enum sd_rc	 rc = SD_OK;
	int		 t;

	if ((gz = gazetteer_load(ctx->st, err)) == NULL)
		return SD_ERR_DB;
	entity_extract(gz, target, n, &el);
	for (a = 0; a < n && target[a] == ' '; a++)
		;
	for (z = n; z > a && target[z - 1] == ' '; z--)
		;
	t = el.n == 1 ? (int)el.v[0].type : -1;
	if (el.n != 1 || el.v[0].start != a || el.v[0].end != z ||
	    (t != ENTITY_PRODUCT && t != ENTITY_BRAND && t != ENTITY_CATEGORY))
		rc = sd_fail(err, SD_ERR_INVALID, "\"%s\" names no product, "
		    "brand or category of the catalog", target);
	entity_list_release(&el);
	gazetteer_free(gz);
	return rc;
}

static int
cmd_aliases_run(struct sd_ctx *ctx, int argc, char **argv)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct list_state ls = { 0, 0 };
	const char	*target;
	long long	 n = 0;
	const char	*sub;
	int		 status = SD_EXIT_OK, i;
	enum sd_rc	 rc = SD_OK;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)
		return cmd_usage(&cmd_aliases_entry);
	sub = argv[1];
	argc -= 2;
	argv += 2;
	if (strcmp(sub, "list") == 0) {
		for (i = 0; i < argc && argv[i][0] == '-'; i++) {
			if (strcmp(argv[i], "--json") == 0)
				ls.json = 1;
			else
				return cmd_usage(&cmd_aliases_entry);
		}
		if (argc - i > 1)
			return cmd_usage(&cmd_aliases_entry);
		rc = synonyms_list_source(ctx->st, i < argc ? argv[i] : NULL,
		    SYNONYMS_ALIAS, print_alias, &ls, &err);
		if (rc == SD_OK && ls.n == 0 && i < argc)
			rc = sd_fail(&err, SD_ERR_NOTFOUND, "no alias \"%s\"",
			    argv[i]);
	} else if (strcmp(sub, "add") == 0) {
		if (argc != 2)
			return cmd_usage(&cmd_aliases_entry);
		target = argv[1];
		rc = check_target(ctx, target, &err);
		if (rc == SD_OK)
			rc = synonyms_add(ctx->st, argv[0], &target, 1,
			    SYNONYMS_ALIAS, &n, &err);
		if (rc == SD_OK && !ctx->quiet)
			printf("%s \"%s\" for \"%s\"\n", n > 0 ? "added alias" :
			    "already an alias", argv[0], target);
	} else if (strcmp(sub, "remove") == 0) {
		if (argc < 1 || argc > 2)
			return cmd_usage(&cmd_aliases_entry);
		rc = synonyms_remove_source(ctx->st, argv[0], argc > 1 ?
		    argv[1] : NULL, SYNONYMS_ALIAS, &n, &err);
		if (rc == SD_OK && !ctx->quiet)
			printf("removed %lld alias%s\n", n, n == 1 ? "" : "es");
	} else {
		fprintf(stderr, "shopdesk aliases: no subcommand \"%s\" "
		    "(list, add, remove)\n", sub);
		return SD_EXIT_USAGE;
	}
	if (rc != SD_OK)
		status = cmd_error(&cmd_aliases_entry, &err);
	sd_error_clear(&err);
	return status;
}

const struct sd_cmd cmd_aliases_entry = {
	.name = "aliases",
	.usage = "aliases list [--json] [ALIAS] | add ALIAS TARGET | "
	    "remove ALIAS [TARGET]",
	.summary = "list and edit the shop's names for catalog products",
	.flags = SD_CMD_DB,
	.run = cmd_aliases_run,
};
