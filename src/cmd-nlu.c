/*
 * cmd-nlu.c: "shopdesk nlu": the understanding step alone, for developers
 * debugging it: intent scores with the verdict, and entities with spans,
 * for TEXT or for each line of stdin.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "cmd.h"
#include "entity.h"
#include "feeling.h"
#include "intent.h"
#include "sbuf.h"
#include "text.h"

extern const struct sd_cmd cmd_nlu_entry;

struct nlu {
	struct intent_model	*im;
	struct gazetteer	*gz;
	struct intent_result	 ir;
	struct entity_list	 el;
	struct feeling_model	*fm;
	struct feeling_result	 fr;
	struct sbuf		 out;
	struct sbuf		 clean;	/* the text as the engine reads it */
	int			 json;
};

static void
nlu_one(struct nlu *n, const char *text, size_t len)
{
	const char *const *names = intent_names(NULL);
	struct sbuf	*o = &n->out;
	size_t		 i;
	const struct entity *en;

	/* Both steps see the repaired, cut text; spans point into it. */
	text_sanitize(text, len, TEXT_MAX_MESSAGE, &n->clean, NULL);
	intent_classify(n->im, text, len, &n->ir);
	entity_extract(n->gz, n->clean.buf, n->clean.len, &n->el);
	feeling_classify(n->fm, text, len, &n->fr);
	sbuf_reset(o);
	if (n->json) {
		sbuf_adds(o, "{\"text\":");
		/* The text as read: repaired and cut like the engine does. */
		sbuf_add_json_str(o, n->ir.text.buf, n->ir.text.len);
		sbuf_adds(o, ",\"intent\":{\"name\":");
		sbuf_add_json_str(o, names[n->ir.id], strlen(names[n->ir.id]));
		sbuf_addf(o, ",\"confidence\":%.4f},\"verdict\":{\"name\":\"%s\","
		    "\"reason\":", n->ir.confidence,
		    intent_verdict_name(n->ir.verdict));
		sbuf_add_json_str(o, n->ir.reason.buf, n->ir.reason.len);
		sbuf_addf(o, "},\"in_store\":{\"score\":%.4f,\"verdict\":%s,"
		    "\"out_of_scope\":%.4f,\"store_words\":%d,"
		    "\"strong_words\":%d,\"other_words\":%d,"
		    "\"words\":%zu,\"unknown_words\":%zu,"
		    "\"products\":%zu,\"relevance\":%.4f},\"ranking\":[",
		    n->ir.in_store, n->ir.about_store ? "true" : "false",
		    n->ir.oos_score, n->ir.store_words, n->ir.store_strong,
		    n->ir.other_words, n->ir.words, n->ir.unknown,
		    n->ir.products, n->ir.relevance);
		for (i = 0; i < n->ir.ntop; i++) {
			sbuf_addf(o, "%s{\"name\":", i ? "," : "");
			sbuf_add_json_str(o, names[n->ir.top[i].id],
			    strlen(names[n->ir.top[i].id]));
			sbuf_addf(o, ",\"confidence\":%.4f}",
			    n->ir.top[i].score);
		}
		sbuf_adds(o, "],\"entities\":[");
		for (i = 0; i < n->el.n; i++) {
			if (i > 0)
				sbuf_addc(o, ',');
			entity_to_json(&n->el.v[i], o);
		}
		sbuf_adds(o, "],\"feeling\":");
		feeling_to_json(&n->fr, o);
		sbuf_addf(o, ",\"truncated\":%s}\n", n->ir.clean.truncated ?
		    "true" : "false");
		fwrite(o->buf, 1, o->len, stdout);
		return;
	}
	printf("%s\n", n->ir.text.buf);
	printf("  intent   %s %.3f (%s: %s)\n", names[n->ir.id],
	    n->ir.confidence, intent_verdict_name(n->ir.verdict),
	    n->ir.reason.buf);
	printf("  store    %s %.3f (out_of_scope %.3f, %d store words, "
	    "%zu products, relevance %.2f)\n", n->ir.about_store ? "yes" :
	    "no", n->ir.in_store, n->ir.oos_score, n->ir.store_words,
	    n->ir.products, n->ir.relevance);
	for (i = 0; i < n->ir.ntop; i++)
		printf("           %-26s %.3f\n", names[n->ir.top[i].id],
		    n->ir.top[i].score);
	for (i = 0; i < n->el.n; i++) {
		en = &n->el.v[i];
		printf("  entity   %-9s %-24s [%zu,%zu) %s \"%.*s\"\n",
		    entity_type_name(en->type), en->value, en->start, en->end,
		    entity_extractor_name(en->extractor),
		    (int)(en->end - en->start), n->ir.text.buf + en->start);
	}
	printf("  feeling  %s (none %.3f, frustrated %.3f, angry %.3f)%s "
	    "urgency %.3f\n", feeling_name(n->fr.feeling), n->fr.score[0],
	    n->fr.score[1], n->fr.score[2], n->fr.urgent ? " urgent," : "",
	    n->fr.urgency);
	if (n->ir.clean.truncated)
		printf("  (input cut at %d bytes)\n", TEXT_MAX_MESSAGE);
}

static int
cmd_nlu_run(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,	NULL, 'j' },
		{ "help",	no_argument,	NULL, 'h' },
		{ NULL,		0,		NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct nlu	 n;
	struct sbuf	 line = SBUF_INIT, text = SBUF_INIT;
	int		 ch, i, status = SD_EXIT_OK;

	memset(&n, 0, sizeof n);
	n.ir = (struct intent_result)INTENT_RESULT_INIT;
	n.el = (struct entity_list)ENTITY_LIST_INIT;
	n.fr = (struct feeling_result)FEELING_RESULT_INIT;
	sbuf_init(&n.out);
	sbuf_init(&n.clean);
	while ((ch = getopt_long(argc, argv, "jh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			n.json = 1;
			break;
		default:
			return cmd_usage(&cmd_nlu_entry);
		}
	}
	if ((n.im = intent_model_load(ctx->st, ctx->share_dir, &err)) ==
	    NULL || (n.gz = gazetteer_load(ctx->st, &err)) == NULL ||
	    (n.fm = feeling_model_open(ctx->share_dir, &err)) == NULL) {
		status = cmd_error(&cmd_nlu_entry, &err);
		goto out;
	}
	if (optind < argc) {
		/* The words of the command line make one text. */
		for (i = optind; i < argc; i++)
			sbuf_addf(&text, "%s%s", i > optind ? " " : "", argv[i]);
		nlu_one(&n, text.buf, text.len);
	} else
		while (sbuf_getline(&line, stdin) == 0)
			nlu_one(&n, line.buf, line.len);
out:
	if (n.im != NULL)
		intent_model_free(n.im);
	gazetteer_free(n.gz);
	feeling_model_close(n.fm);
	feeling_result_release(&n.fr);
	intent_result_release(&n.ir);
	entity_list_release(&n.el);
	sbuf_release(&n.out);
	sbuf_release(&n.clean);
	sbuf_release(&line);
	sbuf_release(&text);
	sd_error_clear(&err);
	return status;
}

const struct sd_cmd cmd_nlu_entry = {
	.name = "nlu",
	.usage = "nlu [--json] [TEXT...]",
	.summary = "show intent scores and entities (TEXT or stdin lines)",
	.flags = SD_CMD_DB,
	.run = cmd_nlu_run,
};
