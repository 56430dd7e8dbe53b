/*
 * cmd-experiment.c: "shopdesk experiment create|list|stop|report|replay",
 * A/B experiments on the command line (experiment.h; the report is
 * analytics-experiment.c's).  replay runs recorded conversations (story
 * files, scripts of one customer line per line, or the training
 * conversations shopdesk ingest stored) through each arm of
 * an experiment on a scratch copy of the database and prints how the
 * outcomes differ, turn by turn.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "analytics.h"
#include "cmd.h"
#include "corpus.h"
#include "engine.h"
#include "experiment.h"
#include "quality.h"
#include "sbuf.h"
#include "store.h"

extern const struct sd_cmd cmd_experiment_entry;

static void
print_json(const cJSON *o)
{
	char	*s = cJSON_PrintUnformatted(o);

	printf("%s\n", s);
	free(s);
}

static const char *
jstr(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItem(o, k);

	return cJSON_IsString(v) ? v->valuestring : "";
}

static double
jnum(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItem(o, k);

	return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

/* An arm's settings as "k=v,k=v", or "defaults". */
static void
settings_text(const cJSON *set, struct sbuf *sb)
{
	const cJSON	*v;

	if (cJSON_GetArraySize(set) == 0) {
		sbuf_adds(sb, "defaults");
		return;
	}
	cJSON_ArrayForEach(v, set) {
		if (v != set->child)
			sbuf_addc(sb, ',');
		if (cJSON_IsString(v))
			sbuf_addf(sb, "%s=%s", v->string, v->valuestring);
		else
			sbuf_addf(sb, "%s=%g", v->string, v->valuedouble);
	}
}

static int
do_create(struct sd_ctx *ctx, int argc, char **argv, struct sd_error *err)
{
	static const struct option longopts[] = {
		{ "description", required_argument, NULL, 'd' },
		{ NULL,		0,		NULL, 0 }
	};
	const char	*desc = NULL;
	cJSON		*arms = cJSON_CreateArray(), *a;
	int		 ch, i;

	while ((ch = getopt_long(argc, argv, "d:", longopts, NULL)) != -1) {
		if (ch != 'd') {
			cJSON_Delete(arms);
			return -1;
		}
		desc = optarg;
	}
	if (argc - optind < 3) {
		cJSON_Delete(arms);
		return -1;
	}
	for (i = optind + 1; i < argc; i++) {
		if (experiment_parse_arm(argv[i], &a, err) != SD_OK) {
			cJSON_Delete(arms);
			return 1;
		}
		cJSON_AddItemToArray(arms, a);
	}
	if (experiment_create(ctx->st, argv[optind], desc, arms, err) != SD_OK)
		return 1;
	printf("experiment %s running with %d arms\n", argv[optind],
	    argc - optind - 1);
	return 0;
}

static int
do_list(struct sd_ctx *ctx, int as_json, struct sd_error *err)
{
	cJSON		*l, *e, *a;
	struct sbuf	 sb = SBUF_INIT;

	if (experiment_list(ctx->st, NULL, &l, err) != SD_OK)
		return 1;
	if (as_json) {
		print_json(l);
		cJSON_Delete(l);
		return 0;
	}
	cJSON_ArrayForEach(e, l) {
		printf("%-20s %-8s %s", jstr(e, "name"), jstr(e, "status"),
		    jstr(e, "created_at"));
		if (*jstr(e, "description") != '\0')
			printf("  %s", jstr(e, "description"));
		putchar('\n');
		cJSON_ArrayForEach(a, cJSON_GetObjectItem(e, "arms")) {
			sbuf_reset(&sb);
			settings_text(cJSON_GetObjectItem(a, "settings"), &sb);
			printf("    %-16s %s\n", jstr(a, "name"), sb.buf);
		}
	}
	sbuf_release(&sb);
	cJSON_Delete(l);
	return 0;
}

/* A rate with its interval, in percent, or "-". */
static void
rate_text(const cJSON *p, struct sbuf *sb)
{
	const cJSON	*ci = cJSON_GetObjectItem(p, "ci95");

	if (!cJSON_IsNumber(cJSON_GetObjectItem(p, "rate"))) {
		sbuf_addf(sb, "  %-22s", "-");
		return;
	}
	sbuf_addf(sb, "  %5.1f%% [%4.1f, %4.1f] %3.0f", jnum(p, "rate") * 100,
	    cJSON_GetArrayItem(ci, 0)->valuedouble * 100,
	    cJSON_GetArrayItem(ci, 1)->valuedouble * 100, jnum(p, "of"));
}

static void
report_text(const cJSON *r)
{
	const cJSON	*e = cJSON_GetObjectItem(r, "experiment"), *a, *c, *m;
	struct sbuf	 sb = SBUF_INIT;

	printf("experiment %s (%s since %s)%s%s\n\n", jstr(e, "name"),
	    jstr(e, "status"), jstr(e, "created_at"),
	    *jstr(e, "description") ? ": " : "", jstr(e, "description"));
	printf("%-12s %5s  %-24s%-24s%-24s%-24s%s\n", "arm", "convs",
	    "resolved [95% CI] n", "fallback", "satisfied (4-5)", "accuracy",
	    "latency ms");
	cJSON_ArrayForEach(a, cJSON_GetObjectItem(r, "arms")) {
		sbuf_reset(&sb);
		sbuf_addf(&sb, "%-12s %5.0f", jstr(a, "name"),
		    jnum(a, "conversations"));
		rate_text(cJSON_GetObjectItem(a, "resolution"), &sb);
		rate_text(cJSON_GetObjectItem(a, "fallback"), &sb);
		rate_text(cJSON_GetObjectItem(a, "satisfaction"), &sb);
		rate_text(cJSON_GetObjectItem(a, "accuracy"), &sb);
		sbuf_addf(&sb, "  %.2f\n", jnum(cJSON_GetObjectItem(a,
		    "latency_us"), "mean") / 1e3);
		fputs(sb.buf, stdout);
	}
	cJSON_ArrayForEach(c, cJSON_GetObjectItem(r, "comparisons")) {
		printf("\n%s against %s:\n", jstr(c, "arm"),
		    jstr(c, "control"));
		cJSON_ArrayForEach(m, cJSON_GetObjectItem(c, "metrics")) {
			if (!cJSON_IsNumber(cJSON_GetObjectItem(m, "p"))) {
				printf("  %-13s no data to compare\n",
				    jstr(m, "metric"));
				continue;
			}
			if (strcmp(jstr(m, "metric"), "latency_us") == 0)
				printf("  %-13s %+.2f ms", "latency",
				    jnum(m, "difference") / 1e3);
			else
				printf("  %-13s %+.1f points [%+.1f, %+.1f]",
				    jstr(m, "metric"),
				    jnum(m, "difference") * 100,
				    cJSON_GetArrayItem(cJSON_GetObjectItem(m,
				    "ci95"), 0)->valuedouble * 100,
				    cJSON_GetArrayItem(cJSON_GetObjectItem(m,
				    "ci95"), 1)->valuedouble * 100);
			printf("  z %.2f  p %.4f%s\n", jnum(m, "z"),
			    jnum(m, "p"), cJSON_IsTrue(cJSON_GetObjectItem(m,
			    "significant")) ? "  significant at 5%" : "");
		}
	}
	printf("\ntest: %s\n", jstr(r, "test"));
	cJSON_ArrayForEach(m, cJSON_GetObjectItem(r, "warnings"))
		printf("warning: %s\n", m->valuestring);
	sbuf_release(&sb);
}

static int
do_report(struct sd_ctx *ctx, const char *name, int as_json,
    struct sd_error *err)
{
	cJSON	*r;

	if (analytics_experiment_report(ctx->st, name, &r, err) != SD_OK)
		return 1;
	if (as_json)
		print_json(r);
	else
		report_text(r);
	cJSON_Delete(r);
	return 0;
}

/* Replay. */

/* A recorded conversation: who, and the customer's lines. */
struct rconv {
	char		*name;
	char		*user;		/* or NULL */
	char		**lines;
	size_t		 n;
};

static void
rconvs_free(struct rconv *v, size_t n)
{
	size_t	 i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < v[i].n; k++)
			free(v[i].lines[k]);
		free(v[i].lines);
		free(v[i].name);
		free(v[i].user);
	}
	free(v);
}

static struct rconv *
rconv_new(struct rconv **v, size_t *n, const char *name)
{
	struct rconv	*c;

	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	c = &(*v)[(*n)++];
	memset(c, 0, sizeof *c);
	c->name = xstrdup(name);
	return c;
}

static int
ends_with(const char *s, const char *tail)
{
	size_t	 a = strlen(s), b = strlen(tail);

	return a >= b && strcmp(s + a - b, tail) == 0;
}

/*
 * The conversations of a file: a story (stories(5) in shopdesk(1):
 * "story:" starts one, "user:" names the customer, "> " lines are what
 * the customer says) or a script (each other line is a customer line).
 */
static enum sd_rc
load_file(const char *path, struct rconv **v, size_t *n, struct sd_error *err)
{
	FILE		*fp;
	struct sbuf	 line = SBUF_INIT;
	struct rconv	*c = NULL;
	int		 story = ends_with(path, ".story");
	char		*t;

	if ((fp = fopen(path, "r")) == NULL)
		return sd_fail(err, SD_ERR_IO, "%s: %s", path,
		    strerror(errno));
	if (!story)
		c = rconv_new(v, n, path);
	while (sbuf_getline(&line, fp) == 0) {
		t = line.buf;
		if (story && strncmp(t, "story:", 6) == 0) {
			t += 6;
			while (*t == ' ')
				t++;
			c = rconv_new(v, n, t);
		} else if (story && c != NULL && strncmp(t, "user:", 5) == 0) {
			for (t += 5; *t == ' '; t++)
				;
			free(c->user);
			c->user = xstrdup(t);
		} else if (c != NULL && ((story && strncmp(t, "> ", 2) == 0) ||
		    (!story && *t != '\0' && *t != '#'))) {
			c->lines = xrealloc(c->lines, (c->n + 1) *
			    sizeof *c->lines);
			c->lines[c->n++] = xstrdup(story ? t + 2 : t);
		}
	}
	sbuf_release(&line);
	fclose(fp);
	return SD_OK;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A file, or the *.story and *.txt files of a directory in name order. */
static enum sd_rc
load_path(const char *path, struct rconv **v, size_t *n, struct sd_error *err)
{
	DIR		*d;
	struct dirent	*de;
	char		**names = NULL, *p;
	size_t		 nn = 0, i;
	enum sd_rc	 rc = SD_OK;

	if ((d = opendir(path)) == NULL)
		return errno == ENOTDIR ? load_file(path, v, n, err) :
		    sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.' && (ends_with(de->d_name, ".story") ||
		    ends_with(de->d_name, ".txt"))) {
			names = xrealloc(names, (nn + 1) * sizeof *names);
			names[nn++] = xstrdup(de->d_name);
		}
	closedir(d);
	if (nn > 0)
		qsort(names, nn, sizeof *names, cmp_name);
	for (i = 0; i < nn; i++) {
		p = xasprintf("%s/%s", path, names[i]);
		if (rc == SD_OK)
			rc = load_file(p, v, n, err);
		free(p);
		free(names[i]);
	}
	free(names);
	return rc;
}

/*
 * The best document or product retrieval gave the turn, "kind:id" ("" for
 * none): what an arm's retrieval weights change first.
 */
static void
top_retrieved(cJSON *o, const cJSON *trace)
{
	const cJSON	*it = cJSON_GetArrayItem(cJSON_GetObjectItem(trace,
	    "retrieved"), 0);
	char		*s;

	s = xasprintf("%s%s%s", it != NULL ? jstr(it, "kind") : "",
	    it != NULL ? ":" : "", it != NULL ? jstr(it, "id") : "");
	cJSON_AddStringToObject(o, "top", s);
	free(s);
}

/* The conversations shopdesk ingest stored: their customer lines. */
static enum sd_rc
load_ingested(struct store *st, struct rconv **v, size_t *n,
    struct sd_error *err)
{
	struct corpus_conv *cv = NULL;
	struct rconv	*c;
	size_t		 ncv = 0, i, k;
	char		*name;
	enum sd_rc	 rc;

	if ((rc = corpus_list(st, &cv, &ncv, err)) != SD_OK)
		return rc;
	for (i = 0; i < ncv; i++) {
		name = xasprintf("ingested: %s", cv[i].id);
		c = rconv_new(v, n, name);
		free(name);
		for (k = 0; k < cv[i].nturns; k++) {
			if (cv[i].turns[k].agent)
				continue;
			c->lines = xrealloc(c->lines, (c->n + 1) *
			    sizeof *c->lines);
			c->lines[c->n++] = xstrdup(cv[i].turns[k].text);
		}
	}
	corpus_convs_free(cv, ncv);
	return SD_OK;
}

/*
 * Run conversation ci in the arm e's store is pinned to: its turns and
 * outcome into the JSON.  Every arm runs the same session id, so the
 * template variants a session would get are the same unless the arm
 * sets them.
 */
static enum sd_rc
run_conv(struct engine *e, const struct rconv *c, size_t ci, cJSON *turns,
    const char *arm, cJSON *outcomes, struct sd_error *err)
{
	struct quality_conv qc;
	struct quality_step qs;
	struct quality_turn q, prev;
	struct turn	 tu;
	enum quality_reason why;
	int		 assumed;
	char		*sid = xasprintf("replay-%zu", ci);
	cJSON		*o, *f;
	size_t		 i;
	enum sd_rc	 rc = SD_OK;

	quality_conv_init(&qc, 0);
	memset(&prev, 0, sizeof prev);
	for (i = 0; i < c->n && rc == SD_OK; i++) {
		if ((rc = engine_turn(e, ENGINE_REPLAY, sid, c->user,
		    c->lines[i], strlen(c->lines[i]), &tu, err)) != SD_OK)
			break;
		quality_measure(tu.trace, c->lines[i], &q);
		memset(&qs, 0, sizeof qs);
		qs.intent = tu.intent;
		qs.action = tu.reply[0] != '\0' ? tu.action : NULL;
		f = cJSON_GetObjectItem(tu.trace, "feeling");
		qs.feeling = cJSON_GetStringValue(cJSON_GetObjectItem(f,
		    "label"));
		qs.rephrase = i > 0 && quality_rephrased(prev.terms, q.terms);
		quality_conv_step(&qc, &qs);
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "intent", tu.intent);
		cJSON_AddStringToObject(o, "action", tu.action != NULL ?
		    tu.action : "");
		cJSON_AddStringToObject(o, "template", q.variant != NULL ?
		    q.variant : "");
		cJSON_AddStringToObject(o, "reply", tu.reply);
		top_retrieved(o, tu.trace);
		cJSON_AddItemToObject(cJSON_GetObjectItem(cJSON_GetArrayItem(
		    turns, (int)i), "arms"), arm, o);
		quality_turn_release(&prev);
		prev = q;
		prev.variant = prev.generator = prev.feeling = NULL;
		turn_release(&tu);
	}
	quality_turn_release(&prev);
	free(sid);
	if (rc == SD_OK) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "outcome", quality_outcome_name(
		    quality_conv_outcome(&qc, &why, &assumed)));
		cJSON_AddStringToObject(o, "reason", quality_reason_name(why));
		cJSON_AddItemToObject(outcomes, arm, o);
	}
	return rc;
}

/* Whether the arms of a replayed turn did different things. */
static int
turn_differs(const cJSON *arms)
{
	const cJSON	*a, *first = arms->child;

	cJSON_ArrayForEach(a, arms)
		if (strcmp(jstr(a, "action"), jstr(first, "action")) != 0 ||
		    strcmp(jstr(a, "template"), jstr(first, "template")) !=
		    0 || strcmp(jstr(a, "reply"), jstr(first, "reply")) != 0 ||
		    strcmp(jstr(a, "top"), jstr(first, "top")) != 0)
			return 1;
	return 0;
}

static void
replay_text(const cJSON *r)
{
	const cJSON	*c, *t, *a, *o;
	int		 same;

	printf("experiment %s: %d conversations replayed in each arm\n",
	    jstr(r, "experiment"), cJSON_GetArraySize(cJSON_GetObjectItem(r,
	    "conversations")));
	cJSON_ArrayForEach(c, cJSON_GetObjectItem(r, "conversations")) {
		printf("\n%s\n", jstr(c, "name"));
		cJSON_ArrayForEach(o, cJSON_GetObjectItem(c, "outcomes"))
			printf("  %-14s %s%s%s\n", o->string,
			    jstr(o, "outcome"), strcmp(jstr(o, "reason"),
			    "none") != 0 ? ": " : "", strcmp(jstr(o, "reason"),
			    "none") != 0 ? jstr(o, "reason") : "");
		same = 0;
		cJSON_ArrayForEach(t, cJSON_GetObjectItem(c, "turns")) {
			if (!cJSON_IsTrue(cJSON_GetObjectItem(t, "differs"))) {
				same++;
				continue;
			}
			printf("  > %s\n", jstr(t, "text"));
			cJSON_ArrayForEach(a, cJSON_GetObjectItem(t, "arms"))
				printf("    %-12s %s (%s)%s%s\n", a->string,
				    jstr(a, "action"), jstr(a, "template"),
				    *jstr(a, "top") != '\0' ? " top " : "",
				    jstr(a, "top"));
		}
		if (same > 0)
			printf("  (%d turn%s alike in every arm)\n", same,
			    same == 1 ? "" : "s");
	}
	o = cJSON_GetObjectItem(r, "summary");
	printf("\n");
	cJSON_ArrayForEach(a, o)
		printf("%-14s resolved %.0f, not resolved %.0f, unknown %.0f\n",
		    a->string, jnum(a, "resolved"), jnum(a, "not_resolved"),
		    jnum(a, "unknown"));
	printf("turns that differ between arms: %.0f of %.0f\n",
	    jnum(r, "turns_differing"), jnum(r, "turns"));
}

/* The conversations' skeleton: names, lines, empty arms. */
static cJSON *
skeleton(const struct rconv *v, size_t n)
{
	cJSON	*convs = cJSON_CreateArray(), *c, *turns, *t;
	size_t	 i, j;

	for (i = 0; i < n; i++) {
		c = cJSON_CreateObject();
		cJSON_AddItemToArray(convs, c);
		cJSON_AddStringToObject(c, "name", v[i].name);
		turns = cJSON_AddArrayToObject(c, "turns");
		for (j = 0; j < v[i].n; j++) {
			t = cJSON_CreateObject();
			cJSON_AddStringToObject(t, "text", v[i].lines[j]);
			cJSON_AddObjectToObject(t, "arms");
			cJSON_AddItemToArray(turns, t);
		}
		cJSON_AddObjectToObject(c, "outcomes");
	}
	return convs;
}

/*
 * Every conversation in arm "arm": on a scratch copy of the database
 * pinned to it, so no arm sees what another did (a return started, a
 * cart filled) and the database keeps nothing.
 */
static enum sd_rc
replay_arm(struct sd_ctx *ctx, const char *exp, const char *arm,
    const struct rconv *v, size_t n, cJSON *convs, struct sd_error *err)
{
	struct store	*st = NULL;
	struct engine	*e = NULL;
	char		*spath = NULL;
	cJSON		*c;
	size_t		 i;
	enum sd_rc	 rc = SD_ERR_DB;

	if ((st = cmd_scratch_copy(ctx->st, &spath, err)) == NULL ||
	    (rc = experiment_pin(st, exp, arm, err)) != SD_OK)
		goto out;
	if ((e = engine_open(st, ctx->share_dir, err)) == NULL) {
		rc = SD_ERR_DB;
		goto out;
	}
	engine_set_fixed_timings(e, 1);
	for (i = 0; i < n && rc == SD_OK; i++) {
		c = cJSON_GetArrayItem(convs, (int)i);
		rc = run_conv(e, &v[i], i, cJSON_GetObjectItem(c, "turns"),
		    arm, cJSON_GetObjectItem(c, "outcomes"), err);
	}
out:
	engine_close(e);
	store_close(st);
	cmd_scratch_remove(spath);
	return rc;
}

/* Which turns differ, and the outcomes per arm, into r. */
static void
summarize(cJSON *r, const cJSON *arms)
{
	cJSON		*sum = cJSON_AddObjectToObject(r, "summary");
	cJSON		*a, *o, *c, *t, *s;
	long long	 differ = 0, total = 0;
	int		 d;

	cJSON_ArrayForEach(a, arms) {
		o = cJSON_AddObjectToObject(sum, jstr(a, "name"));
		cJSON_AddNumberToObject(o, "resolved", 0);
		cJSON_AddNumberToObject(o, "not_resolved", 0);
		cJSON_AddNumberToObject(o, "unknown", 0);
	}
	cJSON_ArrayForEach(c, cJSON_GetObjectItem(r, "conversations")) {
		cJSON_ArrayForEach(t, cJSON_GetObjectItem(c, "turns")) {
			d = turn_differs(cJSON_GetObjectItem(t, "arms"));
			cJSON_AddBoolToObject(t, "differs", d);
			differ += d;
			total++;
		}
		cJSON_ArrayForEach(o, cJSON_GetObjectItem(c, "outcomes")) {
			s = cJSON_GetObjectItem(cJSON_GetObjectItem(sum,
			    o->string), jstr(o, "outcome"));
			if (s != NULL)
				cJSON_SetNumberValue(s, s->valuedouble + 1);
		}
	}
	cJSON_AddNumberToObject(r, "turns", (double)total);
	cJSON_AddNumberToObject(r, "turns_differing", (double)differ);
}

/* Each conversation runs once per arm (replay_arm). */
static int
experiment_replay(struct sd_ctx *ctx, const char *exp, const char *path,
    int as_json, struct sd_error *err)
{
	struct rconv	*v = NULL;
	cJSON		*list = NULL, *r = NULL, *arms, *a;
	size_t		 n = 0;
	int		 status = 1;

	if (experiment_list(ctx->st, exp, &list, err) != SD_OK ||
	    (strcmp(path, "--ingested") == 0 ? load_ingested(ctx->st, &v,
	    &n, err) : load_path(path, &v, &n, err)) != SD_OK)
		goto out;
	if (n == 0) {
		sd_fail(err, SD_ERR_INVALID, "%s: no conversation to replay",
		    path);
		goto out;
	}
	arms = cJSON_GetObjectItem(cJSON_GetArrayItem(list, 0), "arms");
	r = cJSON_CreateObject();
	cJSON_AddStringToObject(r, "experiment", exp);
	cJSON_AddItemToObject(r, "conversations", skeleton(v, n));
	cJSON_ArrayForEach(a, arms)
		if (replay_arm(ctx, exp, jstr(a, "name"), v, n,
		    cJSON_GetObjectItem(r, "conversations"), err) != SD_OK)
			goto out;
	summarize(r, arms);
	if (as_json)
		print_json(r);
	else
		replay_text(r);
	status = 0;
out:
	cJSON_Delete(list);
	cJSON_Delete(r);
	rconvs_free(v, n);
	return status;
}

static int
cmd_experiment_run(struct sd_ctx *ctx, int argc, char **argv)
{
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*sub;
	int		 as_json = 0, r = -1, i, j;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)
		return cmd_usage(&cmd_experiment_entry);
	sub = argv[1];
	/* --json anywhere after the subcommand, for list/report/replay. */
	for (i = j = 2; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0 &&
		    strcmp(sub, "create") != 0)
			as_json = 1;
		else
			argv[j++] = argv[i];
	}
	argc = j;
	if (strcmp(sub, "create") == 0)
		r = do_create(ctx, argc - 1, argv + 1, &err);
	else if (strcmp(sub, "list") == 0 && argc == 2)
		r = do_list(ctx, as_json, &err);
	else if (strcmp(sub, "stop") == 0 && argc == 3) {
		r = experiment_stop(ctx->st, argv[2], &err) != SD_OK;
		if (r == 0)
			printf("experiment %s stopped\n", argv[2]);
	} else if (strcmp(sub, "report") == 0 && argc == 3)
		r = do_report(ctx, argv[2], as_json, &err);
	else if (strcmp(sub, "replay") == 0 && argc == 4)
		r = experiment_replay(ctx, argv[2], argv[3], as_json, &err);
	if (r < 0 || err.rc == SD_ERR_USAGE) {
		if (err.rc != SD_OK)
			cmd_error(&cmd_experiment_entry, &err);
		sd_error_clear(&err);
		return cmd_usage(&cmd_experiment_entry);
	}
	r = r == 0 ? SD_EXIT_OK : cmd_error(&cmd_experiment_entry, &err);
	sd_error_clear(&err);
	return r;
}

const struct sd_cmd cmd_experiment_entry = {
	.name = "experiment",
	.usage = "experiment create [--description TEXT] NAME ARM ARM... | "
	    "list [--json] | stop NAME | report [--json] NAME | "
	    "replay [--json] NAME FILE|DIR|--ingested  (ARM: NAME[:variant=N,"
	    "threshold=X,generator=on|off,vector=W,bm25=W,KIND=W])",
	.summary = "A/B experiments: split sessions between variants, report",
	.flags = SD_CMD_DB,
	.run = cmd_experiment_run,
};
