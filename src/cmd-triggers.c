/*
 * cmd-triggers.c: "shopdesk triggers run [--dry-run] [--now TIME]
 * [--file FILE] | report [--days N] | optout CUSTOMER [--undo] | watch
 * CUSTOMER SKU", the proactive messages of trigger.c.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "cmd.h"
#include "store.h"
#include "trigger.h"

extern const struct sd_cmd cmd_triggers_entry;

static int
fail(struct sd_error *err)
{
	int	 status = cmd_error(&cmd_triggers_entry, err);

	sd_error_clear(err);
	return status;
}

/* "YYYY-MM-DDTHH:MM:SSZ", as store_now writes it. */
static int
time_ok(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	size_t	 i;

	if (strlen(s) != sizeof shape - 1)
		return 0;
	for (i = 0; shape[i] != '\0'; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' :
		    s[i] != shape[i])
			return 0;
	return 1;
}

static int
triggers_run_main(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dry-run",	no_argument,		NULL, 'n' },
		{ "now",	required_argument,	NULL, 't' },
		{ "file",	required_argument,	NULL, 'f' },
		{ NULL,		0,			NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct trigger_set ts;
	struct trigger_firing *v = NULL;
	struct trigger_counts c;
	char		*path = NULL;
	const char	*file = NULL;
	size_t		 n = 0, i;
	int		 ch, dry = 0;

	while ((ch = getopt_long(argc, argv, "nt:f:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			dry = 1;
			break;
		case 't':
			if (!time_ok(optarg)) {
				fprintf(stderr, "shopdesk triggers: --now %s: "
				    "want YYYY-MM-DDTHH:MM:SSZ\n", optarg);
				return SD_EXIT_USAGE;
			}
			setenv("SHOPDESK_NOW", optarg, 1);
			break;
		case 'f':
			file = optarg;
			break;
		default:
			return cmd_usage(&cmd_triggers_entry);
		}
	}
	if (optind != argc)
		return cmd_usage(&cmd_triggers_entry);
	if (file == NULL)
		file = path = xasprintf("%s/triggers.json", ctx->share_dir);
	if (trigger_load(file, &ts, &err) != SD_OK) {
		free(path);
		return fail(&err);
	}
	free(path);
	if (trigger_run(ctx->st, &ts, dry, &v, &n, &c, &err) != SD_OK) {
		trigger_set_release(&ts);
		return fail(&err);
	}
	for (i = 0; i < n; i++) {
		printf("%s\t%s\t%s\t%s\t%s\n", v[i].trigger, v[i].customer,
		    v[i].session_id != NULL ? v[i].session_id : "-",
		    v[i].why, v[i].text);
		trigger_firing_release(&v[i]);
	}
	free(v);
	if (!ctx->quiet) {
		if (c.quiet)
			fprintf(stderr, "shopdesk triggers: quiet hours (%d:00 "
			    "to %d:00 UTC): nothing sent\n", ts.quiet_from,
			    ts.quiet_to);
		else
			fprintf(stderr, "shopdesk triggers: %zu %s (of %zu "
			    "candidates: %zu sent before, %zu opted out, %zu "
			    "in cool-down, %zu over the daily cap)\n", n,
			    dry ? "would be sent" : "sent", c.candidates,
			    c.already, c.optout, c.cooldown, c.capped);
	}
	trigger_set_release(&ts);
	return SD_EXIT_OK;
}

static int
triggers_report_main(struct sd_ctx *ctx, int argc, char **argv)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct trigger_stat *v = NULL;
	double		 days = TRIGGER_CONVERT_DAYS;
	char		*end;
	size_t		 n = 0, i;

	if (argc == 3 && strcmp(argv[1], "--days") == 0) {
		errno = 0;
		days = strtod(argv[2], &end);
		if (errno != 0 || *end != '\0' || days <= 0 || days > 365) {
			fprintf(stderr, "shopdesk triggers: --days %s: a "
			    "number of days from 1 to 365\n", argv[2]);
			return SD_EXIT_USAGE;
		}
	} else if (argc != 1)
		return cmd_usage(&cmd_triggers_entry);
	if (trigger_report(ctx->st, days, &v, &n, &err) != SD_OK)
		return fail(&err);
	printf("%-24s %6s %6s %8s %10s\n", "TRIGGER", "SENT", "SEEN",
	    "REPLIED", "CONVERTED");
	for (i = 0; i < n; i++) {
		printf("%-24s %6lld %6lld %8lld %10lld\n", v[i].trigger,
		    v[i].sent, v[i].seen, v[i].replied, v[i].converted);
		free(v[i].trigger);
	}
	free(v);
	return SD_EXIT_OK;
}

static int
cmd_triggers_run(struct sd_ctx *ctx, int argc, char **argv)
{
	struct sd_error	 err = SD_ERROR_INIT;
	int		 undo;

	if (argc < 2)
		return cmd_usage(&cmd_triggers_entry);
	if (strcmp(argv[1], "run") == 0)
		return triggers_run_main(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "report") == 0)
		return triggers_report_main(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "optout") == 0) {
		undo = argc == 4 && strcmp(argv[3], "--undo") == 0;
		if ((argc != 3 && !undo) || *argv[2] == '\0')
			return cmd_usage(&cmd_triggers_entry);
		if (trigger_optout(ctx->st, argv[2], !undo, &err) != SD_OK)
			return fail(&err);
		if (!ctx->quiet)
			fprintf(stderr, "shopdesk triggers: %s %s proactive "
			    "messages\n", argv[2], undo ? "gets" :
			    "gets no more");
		return SD_EXIT_OK;
	}
	if (strcmp(argv[1], "watch") == 0) {
		if (argc != 4 || *argv[2] == '\0')
			return cmd_usage(&cmd_triggers_entry);
		if (trigger_watch(ctx->st, argv[2], argv[3], &err) != SD_OK)
			return fail(&err);
		return SD_EXIT_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cmd_usage(&cmd_triggers_entry);
	fprintf(stderr, "shopdesk triggers: no subcommand \"%s\" (run, "
	    "report, optout, watch)\n", argv[1]);
	return SD_EXIT_USAGE;
}

const struct sd_cmd cmd_triggers_entry = {
	.name = "triggers",
	.usage = "triggers run [--dry-run] [--now TIME] [--file FILE] | "
	    "report [--days N] | optout CUSTOMER [--undo] | "
	    "watch CUSTOMER SKU",
	.summary = "proactive messages: abandoned carts, price drops, "
	    "restocks, seasonal and accessory suggestions",
	.flags = SD_CMD_DB,
	.run = cmd_triggers_run,
};
