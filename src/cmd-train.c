/*
 * cmd-train.c: "shopdesk train [--json] [FILE.jsonl...]", which trains the
 * intent classifier (on the shipped share/nlu files by default, and the
 * labelled lines of the conversations shopdesk ingest stored) and stores
 * it in the database, replacing the model in one transaction.  Reviewed
 * turns (review.h) are examples too: their corrected intents.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "shopdesk.h"
#include "cmd.h"
#include "intent.h"
#include "sbuf.h"

extern const struct sd_cmd cmd_train_entry;

static int
cmd_train_run(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,	NULL, 'j' },
		{ "help",	no_argument,	NULL, 'h' },
		{ NULL,		0,		NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct intent_train_stats st;
	struct sbuf	 out = SBUF_INIT;
	int		 ch, json = 0, status;

	while ((ch = getopt_long(argc, argv, "jh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		default:
			return cmd_usage(&cmd_train_entry);
		}
	}
	argc -= optind;
	argv += optind;
	if (cmd_progress_wanted(ctx))
		fprintf(stderr, "shopdesk train: training the intent "
		    "classifier...\n");
	if (intent_train(ctx->st, ctx->share_dir,
	    argc > 0 ? (const char *const *)argv : NULL, (size_t)argc, &st,
	    &err) != SD_OK) {
		status = cmd_error(&cmd_train_entry, &err);
		sd_error_clear(&err);
		return status;
	}
	if (json)
		sbuf_addf(&out, "{\"examples\":%zu,\"intents\":%zu,"
		    "\"stored\":%zu,\"features\":%zu,\"seconds\":%.3f,"
		    "\"train_accuracy\":%.6f,\"holdout_accuracy\":%.6f,"
		    "\"temperature\":%.4f,\"threshold\":%.4f,\"margin\":%.4f,"
		    "\"model_bytes\":%zu,\"data_hash\":\"%s\","
		    "\"corrections\":%zu}\n",
		    st.examples, st.intents, st.stored, st.features,
		    st.seconds, st.train_accuracy, st.holdout_accuracy,
		    st.temperature, st.threshold, st.margin, st.model_bytes,
		    st.data_hash, st.corrections);
	else {
		if (st.stored > 0)
			sbuf_addf(&out, "from ingested     %zu labelled "
			    "customer lines\n", st.stored);
		sbuf_addf(&out, "examples          %zu (%zu from reviews)\n"
		    "intents           %zu\n"
		    "features          %zu\n"
		    "time              %.2f s\n"
		    "train accuracy    %.4f\n"
		    "holdout accuracy  %.4f\n"
		    "temperature       %.3f\n"
		    "threshold         %.2f\n"
		    "margin            %.2f\n"
		    "model             %zu bytes, data %s\n",
		    st.examples, st.corrections, st.intents, st.features,
		    st.seconds, st.train_accuracy, st.holdout_accuracy,
		    st.temperature, st.threshold, st.margin, st.model_bytes,
		    st.data_hash);
	}
	fputs(out.buf, stdout);
	sbuf_release(&out);
	return SD_EXIT_OK;
}

const struct sd_cmd cmd_train_entry = {
	.name = "train",
	.usage = "train [--json] [FILE.jsonl ...]",
	.summary = "train the intent classifier and store it",
	.flags = SD_CMD_DB,
	.run = cmd_train_run,
};
