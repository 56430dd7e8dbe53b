/*
 * eval-feelings.c: "shopdesk eval feelings [--json] [--errors] FILE.jsonl"
 * scores the feelings classifier against lines {"text", "feeling",
 * "urgent"}: accuracy of the feeling, precision, recall and F1 of each
 * feeling and of "upset" (frustrated or angry against none, the signal the
 * engine acts on), and of the urgency flag.  The model is trained from
 * the data directory as the engine does.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "shopdesk.h"
#include "cmd.h"
#include "eval.h"
#include "feeling.h"
#include "sbuf.h"

/* Counts of a binary decision. */
struct pr {
	long	 tp, fp, fn;
};

struct tally {
	long		 n;
	long		 correct;		/* feeling right */
	long		 confusion[FEELING_N][FEELING_N]; /* [gold][got] */
	struct pr	 upset;
	struct pr	 urgent;
};

static void
pr_count(struct pr *c, int gold, int got)
{
	c->tp += gold && got;
	c->fp += !gold && got;
	c->fn += gold && !got;
}

static void
pr_add(struct sbuf *out, int json, const char *name, const struct pr *c)
{
	double	 p = eval_ratio(c->tp, c->tp + c->fp);
	double	 r = eval_ratio(c->tp, c->tp + c->fn);

	if (json)
		sbuf_addf(out, "\"%s\":{\"precision\":%.4f,\"recall\":%.4f,"
		    "\"f1\":%.4f,\"support\":%ld}", name, p, r, eval_f1(p, r),
		    c->tp + c->fn);
	else
		sbuf_addf(out, "%-11s %9.4f %9.4f %9.4f %8ld\n", name, p, r,
		    eval_f1(p, r), c->tp + c->fn);
}

static void
report(const struct tally *t, int json, struct sbuf *out)
{
	struct pr	 c;
	int		 i, j;

	if (json)
		sbuf_addf(out, "{\"n\":%ld,\"accuracy\":%.4f,\"feelings\":{",
		    t->n, eval_ratio(t->correct, t->n));
	else
		sbuf_addf(out, "%-11s %9s %9s %9s %8s\n", "feeling",
		    "precision", "recall", "f1", "support");
	for (i = 0; i < FEELING_N; i++) {
		memset(&c, 0, sizeof c);
		for (j = 0; j < FEELING_N; j++) {
			if (j != i) {
				c.fn += t->confusion[i][j];
				c.fp += t->confusion[j][i];
			}
		}
		c.tp = t->confusion[i][i];
		if (json && i > 0)
			sbuf_addc(out, ',');
		pr_add(out, json, feeling_name((enum feeling)i), &c);
	}
	if (json)
		sbuf_adds(out, "},");
	pr_add(out, json, "upset", &t->upset);
	if (json)
		sbuf_addc(out, ',');
	pr_add(out, json, "urgent", &t->urgent);
	if (json)
		sbuf_adds(out, "}\n");
	else
		sbuf_addf(out, "%ld messages, feeling accuracy %.4f\n", t->n,
		    eval_ratio(t->correct, t->n));
}

/* Score one labelled line; 0, or -1 with *msg set. */
static int
score_line(const struct feeling_model *m, const char *line, size_t len,
    struct feeling_result *fr, struct tally *t, const char *where,
    int errors, const char **msg)
{
	cJSON	*o;
	const cJSON *tx, *f, *u;
	int	 gold, urgent, rc = -1;

	if ((o = cJSON_ParseWithLength(line, len)) == NULL) {
		*msg = "not JSON";
		return -1;
	}
	tx = cJSON_GetObjectItemCaseSensitive(o, "text");
	f = cJSON_GetObjectItemCaseSensitive(o, "feeling");
	u = cJSON_GetObjectItemCaseSensitive(o, "urgent");
	if (!cJSON_IsString(tx))
		*msg = "\"text\" must be a string";
	else if (!cJSON_IsString(f) || (gold = feeling_parse(
	    f->valuestring)) < 0)
		*msg = "\"feeling\" must be \"none\", \"frustrated\" or "
		    "\"angry\"";
	else if (u != NULL && !cJSON_IsBool(u))
		*msg = "\"urgent\" must be true or false";
	else {
		urgent = cJSON_IsTrue(u);
		feeling_classify(m, tx->valuestring, strlen(tx->valuestring),
		    fr);
		t->n++;
		t->correct += (int)fr->feeling == gold;
		t->confusion[gold][fr->feeling]++;
		pr_count(&t->upset, gold != FEELING_NONE,
		    fr->feeling != FEELING_NONE);
		pr_count(&t->urgent, urgent, fr->urgent);
		if (errors && ((int)fr->feeling != gold ||
		    urgent != fr->urgent))
			printf("%s: %s\n  want %s%s, got %s%s (%.2f %.2f %.2f, "
			    "urgency %.2f)\n", where, tx->valuestring,
			    feeling_name((enum feeling)gold), urgent ?
			    " urgent" : "", feeling_name(fr->feeling),
			    fr->urgent ? " urgent" : "", fr->score[0],
			    fr->score[1], fr->score[2], fr->urgency);
		rc = 0;
	}
	cJSON_Delete(o);
	return rc;
}

static int
usage(void)
{
	fprintf(stderr, "usage: shopdesk eval feelings [--json] [--errors] "
	    "FILE.jsonl\n");
	return SD_EXIT_USAGE;
}

int
eval_feelings_main(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,	NULL, 'j' },
		{ "errors",	no_argument,	NULL, 'E' },
		{ "help",	no_argument,	NULL, 'h' },
		{ NULL,		0,		NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct feeling_model *m = NULL;
	struct feeling_result fr = FEELING_RESULT_INIT;
	struct tally	 t;
	struct sbuf	 line = SBUF_INIT, out = SBUF_INIT, where = SBUF_INIT;
	unsigned long	 lineno = 0;
	const char	*path, *msg = NULL;
	FILE		*fp = NULL;
	int		 json = 0, errors = 0, ch, status = SD_EXIT_FAIL;

	while ((ch = getopt_long(argc, argv, "jEh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'E':
			errors = 1;
			break;
		default:
			return usage();
		}
	}
	if (optind + 1 != argc)
		return usage();
	path = argv[optind];
	memset(&t, 0, sizeof t);
	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "shopdesk eval feelings: %s: %s\n", path,
		    strerror(errno));
		goto out;
	}
	if ((m = feeling_model_open(ctx->share_dir, &err)) == NULL) {
		fprintf(stderr, "shopdesk eval feelings: %s\n",
		    sd_error_msg(&err));
		goto out;
	}
	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		sbuf_trim(&line);
		if (line.len == 0)
			continue;
		sbuf_reset(&where);
		sbuf_addf(&where, "%s:%lu", path, lineno);
		if (score_line(m, line.buf, line.len, &fr, &t, where.buf,
		    errors, &msg) != 0) {
			fprintf(stderr, "shopdesk eval feelings: %s: %s\n",
			    where.buf, msg);
			goto out;
		}
	}
	report(&t, json, &out);
	fwrite(out.buf, 1, out.len, stdout);
	status = SD_EXIT_OK;
out:
	if (fp != NULL)
		fclose(fp);
	feeling_model_close(m);
	feeling_result_release(&fr);
	sbuf_release(&line);
	sbuf_release(&out);
	sbuf_release(&where);
	sd_error_clear(&err);
	return status;
}
