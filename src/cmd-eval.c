/*
 * cmd-eval.c: "shopdesk eval retrieval|intents|entities|dialogues|
 * factcheck|feelings ...", a dispatcher to the evaluation modules.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shopdesk.h"
#include "cmd.h"
#include "eval.h"

static const struct {
	const char	*name;
	int		(*main)(struct sd_ctx *, int, char **);
} evals[] = {
	{ "retrieval",	eval_retrieval_main },
	{ "intents",	eval_intents_main },
	{ "entities",	eval_entities_main },
	{ "dialogues",	eval_dialogues_main },
	{ "factcheck",	eval_factcheck_main },
	{ "feelings",	eval_feelings_main },
};

extern const struct sd_cmd cmd_eval_entry;

static int
cmd_eval_run(struct sd_ctx *ctx, int argc, char **argv)
{
	size_t	 i;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)
		return cmd_usage(&cmd_eval_entry);
	for (i = 0; i < sizeof evals / sizeof evals[0]; i++)
		if (strcmp(argv[1], evals[i].name) == 0)
			return evals[i].main(ctx, argc - 1, argv + 1);
	fprintf(stderr, "shopdesk eval: no evaluation \"%s\" (retrieval, "
	    "intents, entities, dialogues, factcheck, feelings)\n", argv[1]);
	return SD_EXIT_USAGE;
}

const struct sd_cmd cmd_eval_entry = {
	.name = "eval",
	.usage = "eval retrieval|intents|entities|dialogues|factcheck|"
	    "feelings [--json] ...",
	.summary = "measure search, intents, entities, whole conversations, "
	    "the fact-check or feelings",
	.flags = 0,
	.run = cmd_eval_run,
};
