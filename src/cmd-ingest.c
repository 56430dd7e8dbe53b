/*
 * cmd-ingest.c: "shopdesk ingest [--dry-run] [--kind KIND]
 * [--map FIELD=COLUMN]... FILE...", loading files into the knowledge base
 * and printing a summary line per file.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "cmd.h"
#include "ingest.h"
#include "sbuf.h"
#include "store.h"

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
	int		 ch, i, status = SD_EXIT_OK, outer = 0;

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
	if (cmd_progress_wanted(ctx)) {
		opts.progress = on_progress;
		opts.progress_arg = &prog;
	}
	/*
	 * A dry run shares one transaction across the files, so an orders
	 * file can be checked against the customers file before it.
	 */
	if (opts.dry_run && argc > 1) {
		if (store_begin(ctx->st, &err) != SD_OK) {
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
		fflush(stdout);
	}
	if (outer)
		store_rollback(ctx->st);
out:
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
