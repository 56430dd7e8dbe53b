/*
 * eval-factcheck.c: "shopdesk eval factcheck FILE.jsonl" runs the
 * fact-checker over a library of model replies, each with the context
 * it answered and the facts it states falsely and truly, and reports
 * how many false facts would reach a customer and how many true ones
 * were dropped.  No model server is involved: each reply goes through
 * factcheck_text as generate_reply checks it, with the same rule for
 * falling back to the template answer (a contradiction, or most of the
 * reply gone), so a shop can measure the checker on its own catalog
 * and its own model's mistakes.
 *
 * A line: {"id", "user" (the customer's words), "context": {"skus",
 * "docs", "user_id", "state"}, "reply", "false": [...], "true": [...]}.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "cmd.h"
#include "eval.h"
#include "factcheck.h"
#include "sbuf.h"

#define USAGE	"usage: shopdesk eval factcheck [--json] [--errors] " \
		"FILE.jsonl\n"

struct tally {
	long		 entries, lying, fallbacks;
	long		 false_served, false_shown;
	long		 true_served, true_dropped;
	long		 claims, backed;
};

static const char *
jstr(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int
has(const char *hay, const char *needle)
{
	size_t	 n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

/* An array of strings as a vector (pointers into the array). */
static const char **
strings(const cJSON *a, size_t *n)
{
	const char	**v = xcalloc((size_t)cJSON_GetArraySize(a) + 1,
			    sizeof *v);
	const cJSON	*it;

	*n = 0;
	cJSON_ArrayForEach(it, a)
		if (cJSON_IsString(it))
			v[(*n)++] = it->valuestring;
	return v;
}

/*
 * What the customer would see for one entry: the checked reply, or
 * nothing (the template answer) when generate_reply would fall back.
 */
static char *
shown_for(struct factcheck *fc, const cJSON *e, struct tally *t)
{
	const cJSON	*c = cJSON_GetObjectItemCaseSensitive(e, "context");
	struct fc_ctx	 ctx;
	struct fc_result r;
	const char	**skus, **docs, *reply = jstr(e, "reply");
	char		*state = NULL, *out;
	int		 made, backed;

	memset(&ctx, 0, sizeof ctx);
	skus = strings(cJSON_GetObjectItemCaseSensitive(c, "skus"),
	    &ctx.nskus);
	docs = strings(cJSON_GetObjectItemCaseSensitive(c, "docs"),
	    &ctx.ndocs);
	ctx.skus = skus;
	ctx.docs = docs;
	ctx.user_id = jstr(c, "user_id");
	ctx.user_text = jstr(e, "user");
	if (cJSON_GetObjectItemCaseSensitive(c, "state") != NULL)
		state = cJSON_PrintUnformatted(
		    cJSON_GetObjectItemCaseSensitive(c, "state"));
	ctx.state_json = state;
	fc_result_init(&r);
	factcheck_text(fc, &ctx, reply, strlen(reply), 0, NULL, &r, NULL);
	fc_result_counts(&r, &made, &backed);
	t->claims += made;
	t->backed += backed;
	sbuf_trim(&r.text);
	if (r.contradicted || r.text.len == 0 || r.removed * 2 >
	    r.sentences) {
		t->fallbacks++;
		out = xstrdup("");
	} else
		out = xstrdup(r.text.buf);
	fc_result_release(&r);
	free(skus);
	free(docs);
	free(state);
	return out;
}

/* Count the entry's facts; with errors set, print those that failed. */
static void
judge(const cJSON *e, const char *shown, struct tally *t, int errors)
{
	const cJSON	*f;

	t->entries++;
	t->lying += cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(e,
	    "false")) > 0;
	cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(e, "false")) {
		if (!cJSON_IsString(f))
			continue;
		t->false_served++;
		if (has(shown, f->valuestring)) {
			t->false_shown++;
			if (errors)
				printf("%s: false fact shown: \"%s\": %s\n",
				    jstr(e, "id"), f->valuestring, shown);
		}
	}
	cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(e, "true")) {
		if (!cJSON_IsString(f))
			continue;
		t->true_served++;
		if (!has(shown, f->valuestring)) {
			t->true_dropped++;
			if (errors)
				printf("%s: true fact dropped: \"%s\": %s\n",
				    jstr(e, "id"), f->valuestring, shown);
		}
	}
}

static double
ratio(long a, long b)
{
	return b > 0 ? (double)a / (double)b : 0;
}

static void
report(const struct tally *t, int json)
{
	cJSON	*o;
	char	*s;

	if (!json) {
		printf("replies           %ld (%ld lying, %ld fall back to "
		    "the template)\n", t->entries, t->lying, t->fallbacks);
		printf("false facts shown %ld of %ld (%.1f%%)\n",
		    t->false_shown, t->false_served, 100 *
		    ratio(t->false_shown, t->false_served));
		printf("true facts dropped %ld of %ld (%.1f%%)\n",
		    t->true_dropped, t->true_served, 100 *
		    ratio(t->true_dropped, t->true_served));
		printf("claims backed     %ld of %ld (%.1f%%)\n", t->backed,
		    t->claims, 100 * ratio(t->backed, t->claims));
		return;
	}
	o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "replies", (double)t->entries);
	cJSON_AddNumberToObject(o, "lying", (double)t->lying);
	cJSON_AddNumberToObject(o, "fallbacks", (double)t->fallbacks);
	cJSON_AddNumberToObject(o, "false_facts", (double)t->false_served);
	cJSON_AddNumberToObject(o, "false_shown", (double)t->false_shown);
	cJSON_AddNumberToObject(o, "false_pass_rate",
	    ratio(t->false_shown, t->false_served));
	cJSON_AddNumberToObject(o, "true_facts", (double)t->true_served);
	cJSON_AddNumberToObject(o, "true_dropped", (double)t->true_dropped);
	cJSON_AddNumberToObject(o, "true_drop_rate",
	    ratio(t->true_dropped, t->true_served));
	cJSON_AddNumberToObject(o, "claims", (double)t->claims);
	cJSON_AddNumberToObject(o, "backed", (double)t->backed);
	s = cJSON_PrintUnformatted(o);
	printf("%s\n", s);
	free(s);
	cJSON_Delete(o);
}

int
eval_factcheck_main(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,	NULL, 'j' },
		{ "errors",	no_argument,	NULL, 'E' },
		{ "help",	no_argument,	NULL, 'h' },
		{ NULL,		0,		NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct factcheck *fc = NULL;
	struct sbuf	 line = SBUF_INIT;
	struct tally	 t;
	unsigned long	 lineno = 0;
	const char	*path;
	char		*shown;
	cJSON		*e;
	FILE		*fp;
	int		 json = 0, errors = 0, ch, status = SD_EXIT_FAIL;

	while ((ch = getopt_long(argc, argv, "jEh", longopts, NULL)) != -1) {
		if (ch == 'j')
			json = 1;
		else if (ch == 'E')
			errors = 1;
		else {
			fputs(USAGE, stderr);
			return SD_EXIT_USAGE;
		}
	}
	if (optind + 1 != argc) {
		fputs(USAGE, stderr);
		return SD_EXIT_USAGE;
	}
	path = argv[optind];
	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "shopdesk eval factcheck: %s: %s\n", path,
		    strerror(errno));
		return SD_EXIT_FAIL;
	}
	memset(&t, 0, sizeof t);
	if (cmd_open_store(ctx, &err) != 0 ||
	    (fc = factcheck_open(ctx->st, &err)) == NULL) {
		fprintf(stderr, "shopdesk eval factcheck: %s\n",
		    sd_error_msg(&err));
		goto out;
	}
	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		sbuf_trim(&line);
		if (line.len == 0)
			continue;
		if ((e = cJSON_Parse(line.buf)) == NULL || jstr(e, "reply") ==
		    NULL) {
			fprintf(stderr, "shopdesk eval factcheck: %s:%lu: "
			    "expected an object with a \"reply\" string\n",
			    path, lineno);
			cJSON_Delete(e);
			goto out;
		}
		shown = shown_for(fc, e, &t);
		judge(e, shown, &t, errors);
		free(shown);
		cJSON_Delete(e);
	}
	report(&t, json);
	status = SD_EXIT_OK;
out:
	factcheck_free(fc);
	sbuf_release(&line);
	sd_error_clear(&err);
	fclose(fp);
	return status;
}
