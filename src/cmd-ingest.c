/*
 * cmd-ingest.c: "shopdesk ingest [--dry-run] [--kind KIND]
 * [--map FIELD=COLUMN]... FILE...", loading files into the knowledge base
 * and printing a summary line per file.  With a server configured (see
 * generate.h) the new and changed rows of each file are embedded right
 * after its transaction, so vector search never lags behind the catalog.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "cmd.h"
#include "generate.h"
#include "ingest.h"
#include "sbuf.h"
#include "store.h"
#include "vector.h"

extern const struct sd_cmd cmd_ingest_entry;

/* Progress state: the file being loaded and whether a line is showing. */
struct ingest_progress {
	const char	*path;
	int		 shown;
};

static void
on_progress(void *arg, long long records, long long done, long long total)
{
	struct ingest_progress *p = arg;

	/* Small files finish before anyone could read a percentage. */
	if (total < (1 << 20) && !p->shown)
		return;
	fprintf(stderr, "\r%s: %lld%% (%lld records)", p->path,
	    total > 0 ? done * 100 / total : 100, records);
	fflush(stderr);
	p->shown = 1;
}

static void
progress_clear(struct ingest_progress *p)
{
	if (p->shown)
		fprintf(stderr, "\r\033[K");
	p->shown = 0;
}

/*
 * Embed what the file added or changed.  The file itself is loaded
 * whatever happens here: a failure is a warning naming the fix.
 */
static void
embed_new(struct sd_ctx *ctx, struct generator *g, const char *model,
    const char *path)
{
	struct sd_error	 err = SD_ERROR_INIT;
	long long	 n = 0;

	if (vec_embed_pending(ctx->st, generator_llm(g), model, 64, NULL,
	    NULL, &n, &err) == SD_OK)
		printf("%s: embedded %lld rows with model %s\n", path, n,
		    model);
	else
		fprintf(stderr, "shopdesk ingest: warning: %s: embeddings "
		    "not updated (%s); run shopdesk embed later\n", path,
		    sd_error_msg(&err));
	sd_error_clear(&err);
}

/* Without a server: say so when the shop uses embeddings. */
static void
embed_hint(struct sd_ctx *ctx, const char *model)
{
	static const char any[] = "SELECT 1 FROM embeddings WHERE model = ?1"
	    " LIMIT 1";
	sqlite3_stmt	*s;
	long long	 pending = 0, done = 0;
	int		 used;

	/* Counting what is pending scans the catalog: only when it matters. */
	if ((s = store_prepare(ctx->st, any, NULL)) == NULL)
		return;
	sqlite3_bind_text(s, 1, model, -1, SQLITE_STATIC);
	used = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_reset(s);
	if (used && vec_counts(ctx->st, model, &pending, &done, NULL) == SD_OK &&
	    done > 0 && pending > 0)
		printf("(%lld rows lack embeddings for model %s: run shopdesk "
		    "embed with a server)\n", pending, model);
}

static int
cmd_ingest_run(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dry-run",	no_argument,		NULL, 'n' },
		{ "kind",	required_argument,	NULL, 'k' },
		{ "map",	required_argument,	NULL, 'm' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	struct ingest_opts opts, file_opts;
	struct ingest_stats stats;
	struct ingest_progress prog = { NULL, 0 };
	struct ingest_map *maps = NULL;
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 line = SBUF_INIT;
	char		*eq;
	struct gen_config gc;
	struct generator *g = NULL;
	int		 ch, i, status = SD_EXIT_OK, outer = 0, have_gc = 0;

	memset(&opts, 0, sizeof opts);
	while ((ch = getopt_long(argc, argv, "nk:m:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			opts.dry_run = 1;
			break;
		case 'k':
			opts.kind = optarg;
			break;
		case 'm':
			if ((eq = strchr(optarg, '=')) == NULL) {
				fprintf(stderr, "shopdesk ingest: --map %s: "
				    "expected FIELD=COLUMN\n", optarg);
				status = SD_EXIT_USAGE;
				goto out;
			}
			maps = xrealloc(maps, (opts.nmaps + 1) * sizeof *maps);
			*eq = '\0';	/* argv is ours to cut */
			maps[opts.nmaps].field = optarg;
			maps[opts.nmaps].column = eq + 1;
			opts.nmaps++;
			opts.maps = maps;
			break;
		case 'h':
			printf("usage: shopdesk %s\n", cmd_ingest_entry.usage);
			goto out;
		default:
			status = cmd_usage(&cmd_ingest_entry);
			goto out;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		status = cmd_usage(&cmd_ingest_entry);
		goto out;
	}
	if (ingest_check_opts(&opts, &err) != SD_OK) {
		status = cmd_error(&cmd_ingest_entry, &err);
		goto out;
	}
	if (!opts.dry_run) {
		if (gen_config_load(&gc, ctx, &err) != SD_OK) {
			status = cmd_error(&cmd_ingest_entry, &err);
			goto out;
		}
		have_gc = 1;
		if (gc.url != NULL && gc.vector_weight > 0) {
			gc.mode = GEN_AUTO;
			if ((g = generator_open(ctx->st, &gc, &err)) == NULL) {
				status = cmd_error(&cmd_ingest_entry, &err);
				goto out;
			}
		}
	}
	if (cmd_progress_wanted(ctx)) {
		opts.progress = on_progress;
		opts.progress_arg = &prog;
	}
	/*
	 * A dry run shares one transaction across the files, so an orders
	 * file can be checked against the customers file before it.  It
	 * writes main only: turns keep saving to the history meanwhile.
	 */
	if (opts.dry_run && argc > 1) {
		if (store_begin_main(ctx->st, &err) != SD_OK) {
			status = cmd_error(&cmd_ingest_entry, &err);
			goto out;
		}
		outer = 1;
	}
	/* Inside the outer transaction each file must keep its changes. */
	file_opts = opts;
	if (outer)
		file_opts.dry_run = 0;
	for (i = 0; i < argc; i++) {
		memset(&stats, 0, sizeof stats);
		prog.path = argv[i];
		if (ingest_file(ctx->st, argv[i], &file_opts, &stats, &err) !=
		    SD_OK) {
			progress_clear(&prog);
			status = cmd_error(&cmd_ingest_entry, &err);
			if (opts.dry_run)
				fprintf(stderr, "shopdesk ingest: dry run: "
				    "nothing was loaded\n");
			else if (i > 0)
				fprintf(stderr, "shopdesk ingest: stopped at "
				    "%s; the %d file%s before it stay%s "
				    "loaded, the rest were not read\n", argv[i],
				    i, i == 1 ? "" : "s", i == 1 ? "s" : "");
			else if (argc > 1)
				fprintf(stderr, "shopdesk ingest: stopped at "
				    "%s; nothing was loaded\n", argv[i]);
			break;
		}
		progress_clear(&prog);
		sbuf_reset(&line);
		sbuf_addf(&line, "%s: ", argv[i]);
		ingest_stats_summary(&stats, &line);
		printf("%s%s\n", line.buf, opts.dry_run ? " [dry run]" : "");
		if (g != NULL)
			embed_new(ctx, g, gen_config_embed_model(&gc), argv[i]);
		fflush(stdout);
	}
	if (outer)
		store_rollback(ctx->st);
	if (have_gc && g == NULL && status == SD_EXIT_OK)
		embed_hint(ctx, gen_config_embed_model(&gc));
out:
	generator_free(g);
	if (have_gc)
		gen_config_release(&gc);
	free(maps);
	sbuf_release(&line);
	sd_error_clear(&err);
	return status;
}

const struct sd_cmd cmd_ingest_entry = {
	.name = "ingest",
	.usage = "ingest [--dry-run] [--kind KIND] [--map FIELD=COLUMN]... "
	    "FILE...",
	.summary = "load catalogs, documents, FAQs, customers and orders",
	.flags = SD_CMD_DB,
	.run = cmd_ingest_run,
};
