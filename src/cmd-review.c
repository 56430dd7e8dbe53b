/*
 * cmd-review.c: "shopdesk review queue|show|mark|clear|intents", the
 * review of stored customer turns from the command line (review.h).
 * The console's /review does the same on screen.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "cmd.h"
#include "intent.h"
#include "review.h"
#include "sbuf.h"

extern const struct sd_cmd cmd_review_entry;

/* s on one line, cut to about max bytes (never inside a code point). */
static void
add_line(struct sbuf *sb, const char *s, size_t max)
{
	size_t	 start = sb->len, i, n = strlen(s);

	if (n > max) {
		while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
			max--;
		sbuf_add(sb, s, max);
		sbuf_adds(sb, "...");
	} else
		sbuf_adds(sb, s);
	for (i = start; i < sb->len; i++)
		if (sb->buf[i] == '\n' || sb->buf[i] == '\r' ||
		    sb->buf[i] == '\t')
			sb->buf[i] = ' ';
}

static void
json_opt(cJSON *o, const char *key, const char *v)
{
	if (v != NULL)
		cJSON_AddStringToObject(o, key, v);
	else
		cJSON_AddNullToObject(o, key);
}

static cJSON *
review_json(const struct review *r)
{
	cJSON	*o, *ents, *e;
	size_t	 i;

	if (r->verdict == REVIEW_NONE)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "verdict", review_verdict_name(r->verdict));
	json_opt(o, "intent", r->intent);
	ents = cJSON_AddArrayToObject(o, "entities");
	for (i = 0; i < r->nentities; i++) {
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "type", r->entities[i].type);
		cJSON_AddStringToObject(e, "value", r->entities[i].value);
		cJSON_AddItemToArray(ents, e);
	}
	json_opt(o, "product", r->product);
	json_opt(o, "order", r->order_id);
	json_opt(o, "reply", r->reply);
	json_opt(o, "reviewer", r->reviewer);
	json_opt(o, "created_at", r->created_at);
	json_opt(o, "updated_at", r->updated_at);
	cJSON_AddNumberToObject(o, "revisions", r->revisions);
	return o;
}

static cJSON *
turn_json(const struct review_turn *t)
{
	cJSON	*o = cJSON_CreateObject(), *tr;

	cJSON_AddNumberToObject(o, "turn", (double)t->id);
	cJSON_AddStringToObject(o, "session", t->session_id);
	cJSON_AddNumberToObject(o, "number", (double)t->number);
	json_opt(o, "user", t->user_id);
	cJSON_AddStringToObject(o, "at", t->created_at);
	cJSON_AddStringToObject(o, "text", t->text);
	json_opt(o, "reply", t->reply);
	json_opt(o, "intent", t->intent);
	cJSON_AddNumberToObject(o, "confidence",
	    (double)(long)(t->confidence * 1e4 + 0.5) / 1e4);
	json_opt(o, "action", t->action);
	json_opt(o, "feeling", t->feeling);
	cJSON_AddNumberToObject(o, "score", (double)(long)(t->score * 100 +
	    0.5) / 100);
	cJSON_AddStringToObject(o, "why", t->why);
	cJSON_AddItemToObject(o, "review", review_json(&t->review));
	if (t->trace != NULL && (tr = cJSON_Parse(t->trace)) != NULL)
		cJSON_AddItemToObject(o, "trace", tr);
	return o;
}

static void
put_json(cJSON *o)
{
	char	*s = cJSON_PrintUnformatted(o);

	printf("%s\n", s);
	free(s);
	cJSON_Delete(o);
}

static void
queue_text(const struct review_turn *v, size_t n, struct sbuf *sb)
{
	size_t	 i;

	if (n == 0) {
		sbuf_adds(sb, "Nothing to review: no turn has a signal "
		    "(feedback, feeling, fallback, confidence, relevance).\n");
		return;
	}
	sbuf_addf(sb, "%6s %5s  %-12s %-22s %5s  %-6s %s\n", "TURN", "SCORE",
	    "SESSION#N", "INTENT", "CONF", "REVIEW", "WHY");
	for (i = 0; i < n; i++) {
		char *where = xasprintf("%s#%ld", v[i].session_id,
		    v[i].number);

		sbuf_addf(sb, "%6lld %5.1f  %-12s %-22s %5.2f  %-6s %s\n",
		    v[i].id, v[i].score, where, v[i].intent != NULL ?
		    v[i].intent : "-", v[i].confidence,
		    v[i].review.verdict != REVIEW_NONE ?
		    review_verdict_name(v[i].review.verdict) : "-", v[i].why);
		free(where);
		sbuf_adds(sb, "         > ");
		add_line(sb, v[i].text, 100);
		sbuf_adds(sb, "\n         < ");
		add_line(sb, v[i].reply != NULL ? v[i].reply : "(no reply)",
		    100);
		sbuf_addc(sb, '\n');
	}
}

static int
run_queue(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "limit",	required_argument,	NULL, 'n' },
		{ "all",	no_argument,		NULL, 'a' },
		{ "json",	no_argument,		NULL, 'j' },
		{ NULL,		0,			NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct review_turn *v = NULL;
	struct sbuf	 sb = SBUF_INIT;
	size_t		 n = 0, i;
	long		 limit = 20;
	char		*end;
	int		 ch, json = 0, all = 0, status;
	cJSON		*arr;

	while ((ch = getopt_long(argc, argv, "n:aj", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			limit = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || limit < 0) {
				fprintf(stderr, "shopdesk review: --limit "
				    "\"%s\": a number of turns, 0 for all\n",
				    optarg);
				return SD_EXIT_USAGE;
			}
			break;
		case 'a':
			all = 1;
			break;
		case 'j':
			json = 1;
			break;
		default:
			return cmd_usage(&cmd_review_entry);
		}
	}
	if (optind != argc)
		return cmd_usage(&cmd_review_entry);
	if (review_queue(ctx->st, (size_t)limit, all, &v, &n,
	    &err) != SD_OK) {
		status = cmd_error(&cmd_review_entry, &err);
		sd_error_clear(&err);
		return status;
	}
	if (json) {
		arr = cJSON_CreateArray();
		for (i = 0; i < n; i++)
			cJSON_AddItemToArray(arr, turn_json(&v[i]));
		put_json(arr);
	} else {
		queue_text(v, n, &sb);
		fputs(sb.buf, stdout);
	}
	for (i = 0; i < n; i++)
		review_turn_release(&v[i]);
	free(v);
	sbuf_release(&sb);
	return SD_EXIT_OK;
}

static void
show_text(const struct review_turn *t, struct sbuf *sb)
{
	cJSON		*tr = t->trace != NULL ? cJSON_Parse(t->trace) : NULL;
	const cJSON	*e;
	const char	*k, *v;

	sbuf_addf(sb, "turn %lld: %s#%ld, %s, customer %s\n", t->id,
	    t->session_id, t->number, t->created_at, t->user_id != NULL ?
	    t->user_id : "anonymous");
	sbuf_adds(sb, "  message     ");
	add_line(sb, t->text, 400);
	sbuf_adds(sb, "\n  reply       ");
	add_line(sb, t->reply != NULL ? t->reply : "(none)", 400);
	sbuf_addf(sb, "\n  intent      %s %.2f\n", t->intent != NULL ?
	    t->intent : "-", t->confidence);
	sbuf_addf(sb, "  action      %s\n", t->action != NULL ? t->action :
	    "-");
	sbuf_adds(sb, "  entities   ");
	if (cJSON_GetArraySize(cJSON_GetObjectItem(tr, "entities")) == 0)
		sbuf_adds(sb, " (none)");
	cJSON_ArrayForEach(e, cJSON_GetObjectItem(tr, "entities")) {
		k = cJSON_GetStringValue(cJSON_GetObjectItem(e, "type"));
		v = cJSON_GetStringValue(cJSON_GetObjectItem(e, "sku"));
		if (v == NULL)
			v = cJSON_GetStringValue(cJSON_GetObjectItem(e,
			    "value"));
		sbuf_addf(sb, " %s=%s", k != NULL ? k : "?", v != NULL ? v :
		    "?");
	}
	sbuf_adds(sb, "\n  context    ");
	if (cJSON_GetArraySize(cJSON_GetObjectItem(tr, "retrieved")) == 0)
		sbuf_adds(sb, " (none)");
	cJSON_ArrayForEach(e, cJSON_GetObjectItem(tr, "retrieved")) {
		k = cJSON_GetStringValue(cJSON_GetObjectItem(e, "kind"));
		v = cJSON_GetStringValue(cJSON_GetObjectItem(e, "id"));
		sbuf_addf(sb, " %s:%s%s", k != NULL ? k : "?", v != NULL ? v :
		    "?", cJSON_IsTrue(cJSON_GetObjectItem(e, "cited")) ?
		    "*" : "");
	}
	sbuf_addf(sb, "\n  score       %.1f%s%s\n", t->score,
	    *t->why != '\0' ? ": " : "", t->why);
	sbuf_adds(sb, "  review      ");
	review_describe(&t->review, sb);
	if (t->review.reply != NULL) {
		sbuf_adds(sb, "\n  should say  ");
		add_line(sb, t->review.reply, 400);
	}
	sbuf_addc(sb, '\n');
	cJSON_Delete(tr);
}

/* TURN as a message id; 0 (with a message) when it is not one. */
static long long
turn_arg(const char *s)
{
	char		*end;
	long long	 id;

	id = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || id <= 0) {
		fprintf(stderr, "shopdesk review: \"%s\": a turn is the id "
		    "of the customer's line (review queue shows them)\n", s);
		return 0;
	}
	return id;
}

static int
run_show(struct sd_ctx *ctx, int argc, char **argv)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct review_turn t;
	struct sbuf	 sb = SBUF_INIT;
	long long	 id;
	int		 json = 0, i, status;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (i != argc - 1 || argv[i][0] == '-')
			return cmd_usage(&cmd_review_entry);
	if (argc < 2 || (json && argc != 3) || (!json && argc != 2))
		return cmd_usage(&cmd_review_entry);
	if ((id = turn_arg(strcmp(argv[1], "--json") == 0 ? argv[2] :
	    argv[1])) == 0)
		return SD_EXIT_USAGE;
	if (review_turn_get(ctx->st, id, &t, &err) != SD_OK) {
		status = cmd_error(&cmd_review_entry, &err);
		sd_error_clear(&err);
		return status;
	}
	if (json)
		put_json(turn_json(&t));
	else {
		show_text(&t, &sb);
		fputs(sb.buf, stdout);
	}
	review_turn_release(&t);
	sbuf_release(&sb);
	return SD_EXIT_OK;
}

/* mark's options into r; 0, or an exit status. */
static int
mark_options(int argc, char **argv, struct review *r, struct sd_error *err)
{
	static const struct option longopts[] = {
		{ "intent",	required_argument,	NULL, 'i' },
		{ "product",	required_argument,	NULL, 'p' },
		{ "order",	required_argument,	NULL, 'o' },
		{ "entity",	required_argument,	NULL, 'e' },
		{ "reply",	required_argument,	NULL, 'r' },
		{ "reviewer",	required_argument,	NULL, 'R' },
		{ NULL,		0,			NULL, 0 }
	};
	char	**slot;
	int	 ch, i;

	while ((ch = getopt_long(argc, argv, "i:p:o:e:r:R:", longopts,
	    NULL)) != -1) {
		slot = NULL;
		switch (ch) {
		case 'i':
			slot = &r->intent;
			break;
		case 'p':
			slot = &r->product;
			break;
		case 'o':
			slot = &r->order_id;
			break;
		case 'r':
			slot = &r->reply;
			break;
		case 'R':
			slot = &r->reviewer;
			break;
		case 'e':
			if (review_add_entity(r, optarg, err) != SD_OK) {
				err->rc = SD_ERR_USAGE;
				return cmd_error(&cmd_review_entry, err);
			}
			break;
		default:
			return cmd_usage(&cmd_review_entry);
		}
		if (slot != NULL) {
			if (*optarg == '\0') {
				for (i = 0; longopts[i].val != ch; i++)
					;
				fprintf(stderr, "shopdesk review: --%s: an "
				    "empty value\n", longopts[i].name);
				return SD_EXIT_USAGE;
			}
			free(*slot);
			*slot = xstrdup(optarg);
		}
	}
	if (argc - optind != 2)
		return cmd_usage(&cmd_review_entry);
	if ((r->turn = turn_arg(argv[optind])) == 0)
		return SD_EXIT_USAGE;
	if ((r->verdict = review_verdict_parse(argv[optind + 1])) ==
	    REVIEW_NONE) {
		fprintf(stderr, "shopdesk review: \"%s\": the verdict is good "
		    "or bad\n", argv[optind + 1]);
		return SD_EXIT_USAGE;
	}
	return 0;
}

static int
run_mark(struct sd_ctx *ctx, int argc, char **argv)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct review	 r;
	struct sbuf	 sb = SBUF_INIT;
	const char	*who = getenv("USER");
	int		 status;

	memset(&r, 0, sizeof r);
	if ((status = mark_options(argc, argv, &r, &err)) != 0)
		goto out;
	if (r.reviewer == NULL)
		r.reviewer = xstrdup(who != NULL && *who != '\0' ? who :
		    "reviewer");
	if (review_save(ctx->st, &r, &err) != SD_OK) {
		status = cmd_error(&cmd_review_entry, &err);
		goto out;
	}
	sbuf_addf(&sb, "turn %lld: ", r.turn);
	review_describe(&r, &sb);
	if (r.revisions > 1)
		sbuf_addf(&sb, " (review %d, the earlier one replaced)",
		    r.revisions);
	printf("%s\n", sb.buf);
out:
	sd_error_clear(&err);
	review_release(&r);
	sbuf_release(&sb);
	return status;
}

static int
cmd_review_run(struct sd_ctx *ctx, int argc, char **argv)
{
	const char *const *names;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 n, i;
	long long	 id;
	int		 status;

	if (argc < 2)
		return cmd_usage(&cmd_review_entry);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		printf("usage: shopdesk %s\n%s\n", cmd_review_entry.usage,
		    cmd_review_entry.summary);
		return SD_EXIT_OK;
	}
	optind = 0;
	if (strcmp(argv[1], "queue") == 0)
		return run_queue(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "show") == 0)
		return run_show(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "mark") == 0)
		return run_mark(ctx, argc - 1, argv + 1);
	if (strcmp(argv[1], "intents") == 0 && argc == 2) {
		names = intent_names(&n);
		for (i = 0; i < n; i++)
			printf("%s\n", names[i]);
		return SD_EXIT_OK;
	}
	if (strcmp(argv[1], "clear") == 0 && argc == 3) {
		if ((id = turn_arg(argv[2])) == 0)
			return SD_EXIT_USAGE;
		if (review_clear(ctx->st, id, &err) != SD_OK) {
			status = cmd_error(&cmd_review_entry, &err);
			sd_error_clear(&err);
			return status;
		}
		printf("turn %lld: review cleared\n", id);
		return SD_EXIT_OK;
	}
	return cmd_usage(&cmd_review_entry);
}

const struct sd_cmd cmd_review_entry = {
	.name = "review",
	.usage = "review queue [--limit N] [--all] [--json] | show [--json] "
	    "TURN | mark TURN good|bad [--intent I] [--product SKU|NAME] "
	    "[--order ID] [--entity TYPE=VALUE]... [--reply TEXT] "
	    "[--reviewer NAME] | clear TURN | intents",
	.summary = "review stored turns: the queue, verdicts, corrections",
	.flags = SD_CMD_DB,
	.run = cmd_review_run,
};
