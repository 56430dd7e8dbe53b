/*
 * cmd-export.c: "shopdesk export conversations|nlu|chat|stories", the
 * stored conversations as training data with personal data masked
 * (export.h), or the reviewed ones as test stories (review.h).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "analytics.h"
#include "cmd.h"
#include "export.h"
#include "review.h"

extern const struct sd_cmd cmd_export_entry;

static int
cmd_export_run(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "from",		required_argument,	NULL, 'f' },
		{ "to",			required_argument,	NULL, 't' },
		{ "output",		required_argument,	NULL, 'o' },
		{ "only-resolved",	no_argument,		NULL, 'r' },
		{ "help",		no_argument,		NULL, 'h' },
		{ NULL,			0,			NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct export_opts o;
	const char	*out = NULL, *from_arg = NULL, *to_arg = NULL;
	char		*from = NULL, *to = NULL, *tmp = NULL;
	FILE		*fp = stdout;
	long long	 n = 0, skipped = 0;
	int		 ch, f, stories = 0, status = SD_EXIT_FAIL;

	memset(&o, 0, sizeof o);
	while ((ch = getopt_long(argc, argv, "f:t:o:rh", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'f':
			from_arg = optarg;
			break;
		case 't':
			to_arg = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'r':
			o.only_resolved = 1;
			break;
		default:
			return cmd_usage(&cmd_export_entry);
		}
	}
	/* Stories are another kind of file: review.h writes them. */
	if (optind + 1 == argc && strcmp(argv[optind], "stories") == 0) {
		if (from_arg != NULL || to_arg != NULL || o.only_resolved)
			return cmd_usage(&cmd_export_entry);
		stories = 1;
	} else if (optind + 1 != argc ||
	    (f = export_format_parse(argv[optind])) < 0)
		return cmd_usage(&cmd_export_entry);
	else
		o.format = (enum export_format)f;
	if (from_arg != NULL &&
	    analytics_parse_bound(from_arg, 0, &from, &err) != SD_OK) {
		sd_error_prefix(&err, "--from: ");
		err.rc = SD_ERR_USAGE;
		goto out;
	}
	if (to_arg != NULL &&
	    analytics_parse_bound(to_arg, 1, &to, &err) != SD_OK) {
		sd_error_prefix(&err, "--to: ");
		err.rc = SD_ERR_USAGE;
		goto out;
	}
	o.from = from;
	o.to = to;
	/* Write beside the file and rename: a failed export leaves none. */
	if (out != NULL) {
		tmp = xasprintf("%s.tmp", out);
		if ((fp = fopen(tmp, "w")) == NULL) {
			sd_fail(&err, SD_ERR_IO, "%s: %s", tmp,
			    strerror(errno));
			goto out;
		}
	}
	if ((stories ? review_stories(ctx->st, fp, &n, &skipped, &err) :
	    export_write(ctx->st, &o, fp, &n, &err)) != SD_OK)
		goto out;
	if (fflush(fp) != 0 || ferror(fp)) {
		sd_fail(&err, SD_ERR_IO, "%s: %s", out != NULL ? out :
		    "standard output", strerror(errno));
		goto out;
	}
	if (out != NULL) {
		if (fclose(fp) != 0 || rename(tmp, out) != 0) {
			fp = NULL;
			sd_fail(&err, SD_ERR_IO, "%s: %s", out,
			    strerror(errno));
			goto out;
		}
		fp = NULL;
		if (!ctx->quiet)
			fprintf(stderr, "%s: %lld %s\n", out, n, stories ?
			    "stories" : "records");
	}
	if (skipped > 0 && !ctx->quiet)
		fprintf(stderr, "shopdesk export: %lld turns marked bad with "
		    "nothing corrected have no story\n", skipped);
	status = SD_EXIT_OK;
out:
	if (fp != NULL && fp != stdout)
		fclose(fp);
	if (tmp != NULL && status != SD_EXIT_OK)
		remove(tmp);
	if (status != SD_EXIT_OK)
		status = cmd_error(&cmd_export_entry, &err);
	sd_error_clear(&err);
	free(tmp);
	free(from);
	free(to);
	return status;
}

const struct sd_cmd cmd_export_entry = {
	.name = "export",
	.usage = "export [--only-resolved] [--from DATE] [--to DATE] "
	    "[-o FILE] conversations|nlu|chat|stories",
	.summary = "stored conversations as training data, personal data "
	    "masked",
	.flags = SD_CMD_DB,
	.run = cmd_export_run,
};
