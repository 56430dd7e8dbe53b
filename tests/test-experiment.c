/*
 * A/B experiments: the arm syntax, one running experiment at a time,
 * stable and balanced assignment, the statistics against values worked
 * by hand (Wilson 40/100 = [0.3094, 0.4980]; 40/100 against 55/100:
 * pooled p 0.475, se sqrt(0.475 * 0.525 * 2/100) = 0.070622, z 2.1240,
 * two-sided p 0.0337), and a report over turns stored with their arm.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "analytics.h"
#include "experiment.h"
#include "history.h"
#include "store.h"
#include "tap.h"

static void
near(double got, double want, double eps, const char *what)
{
	ok(fabs(got - want) < eps, "%s: %.6g (want %.6g)", what, got, want);
}

static void
test_stats(void)
{
	double	 lo, hi, z, p;

	analytics_wilson(40, 100, &lo, &hi);
	near(lo, 0.3094, 1e-4, "Wilson 40/100 low");
	near(hi, 0.4980, 1e-4, "Wilson 40/100 high");
	analytics_wilson(0, 10, &lo, &hi);
	ok(lo == 0 && hi > 0.27 && hi < 0.28, "Wilson 0/10 is [0, 0.2775] "
	    "(%g, %g)", lo, hi);
	ok(analytics_ztest(40, 100, 55, 100, &z, &p) == 0, "z-test runs");
	near(z, 2.1240, 1e-4, "z of 55/100 against 40/100");
	near(p, 0.0337, 1e-4, "its two-sided p");
	analytics_ztest(55, 100, 40, 100, &z, &p);
	near(z, -2.1240, 1e-4, "the sign follows the direction");
	ok(analytics_ztest(0, 10, 0, 10, &z, &p) == -1 && p == 1,
	    "all alike: no test");
	ok(analytics_ztest(1, 0, 1, 10, &z, &p) == -1, "an empty arm: none");
}

static void
test_assign(void)
{
	long long	 n[3] = { 0, 0, 0 }, same = 0;
	char		 id[32];
	size_t		 k;
	int		 i, stable = 1;

	for (i = 0; i < 30000; i++) {
		snprintf(id, sizeof id, "s%06d", i);
		k = experiment_assign("tone", id, 3);
		n[k]++;
		stable &= experiment_assign("tone", id, 3) == k;
		same += experiment_assign("other", id, 3) == k;
	}
	ok(stable, "the same session gets the same arm");
	/* Binomial sd sqrt(30000 * 1/3 * 2/3) = 82: four sd is 330. */
	for (k = 0; k < 3; k++)
		ok(llabs(n[k] - 10000) < 330, "arm %zu has %lld of 30000",
		    k, n[k]);
	ok(llabs(same - 10000) < 330, "another experiment splits "
	    "independently (%lld in the same arm)", same);
}

/* Retrieval weights: the blend and a weight per source kind. */
static void
test_parse_weights(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	cJSON		*a = NULL;
	char		*s;
	enum sd_rc	 rc;

	ok(experiment_parse_arm("lex:bm25=0.7,faq=2,policy=0.5", &a,
	    &err) == SD_OK, "an arm of retrieval weights");
	s = cJSON_PrintUnformatted(a);
	is_str(s, "{\"name\":\"lex\",\"settings\":{\"bm25\":0.7,"
	    "\"faq\":2,\"policy\":0.5}}", "as JSON");
	free(s);
	cJSON_Delete(a);
	ok(experiment_parse_arm("mix:bm25=0.25,vector=0.75", &a, &err) ==
	    SD_OK, "bm25 and vector adding up to 1");
	cJSON_Delete(a);
	rc = experiment_parse_arm("mix:bm25=0.5,vector=0.6", &a, &err);
	ok(rc == SD_ERR_USAGE && strstr(sd_error_msg(&err), "add up") !=
	    NULL, "bm25 and vector not adding up: %s", sd_error_msg(&err));
	sd_error_clear(&err);
	ok(experiment_parse_arm("x:vector=1.5", &a, &err) == SD_ERR_USAGE,
	    "a vector weight over 1");
	sd_error_clear(&err);
	ok(experiment_parse_arm("x:faq=-1", &a, &err) == SD_ERR_USAGE,
	    "a negative source weight");
	sd_error_clear(&err);
	ok(experiment_parse_arm("x:manual=11", &a, &err) == SD_ERR_USAGE,
	    "a source weight over 10");
	sd_error_clear(&err);
	ok(experiment_parse_arm("x:faq=", &a, &err) == SD_ERR_USAGE,
	    "an empty weight");
	sd_error_clear(&err);
	rc = experiment_parse_arm("x:blog=2", &a, &err);
	ok(rc == SD_ERR_USAGE && strstr(sd_error_msg(&err), "ticket") !=
	    NULL, "an unknown source lists the known ones: %s",
	    sd_error_msg(&err));
	sd_error_clear(&err);
}

static void
test_parse(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	cJSON		*a = NULL;
	char		*s;
	enum sd_rc	 rc;

	ok(experiment_parse_arm("short:variant=1,threshold=0.5,generator=off",
	    &a, &err) == SD_OK, "an arm with three settings");
	s = cJSON_PrintUnformatted(a);
	is_str(s, "{\"name\":\"short\",\"settings\":{\"variant\":1,"
	    "\"threshold\":0.5,\"generator\":\"off\"}}", "as JSON");
	free(s);
	cJSON_Delete(a);
	ok(experiment_parse_arm("control", &a, &err) == SD_OK &&
	    cJSON_GetArraySize(cJSON_GetObjectItem(a, "settings")) == 0,
	    "an arm of defaults");
	cJSON_Delete(a);
	rc = experiment_parse_arm("x:variant=-1", &a, &err);
	ok(rc == SD_ERR_USAGE && a == NULL, "a negative variant: %s",
	    sd_error_msg(&err));
	sd_error_clear(&err);
	ok(experiment_parse_arm("x:threshold=2", &a, &err) == SD_ERR_USAGE,
	    "a threshold over 1");
	sd_error_clear(&err);
	rc = experiment_parse_arm("x:colour=red", &a, &err);
	ok(rc == SD_ERR_USAGE, "an unknown setting: %s", sd_error_msg(&err));
	sd_error_clear(&err);
	ok(experiment_parse_arm("x:variant=1,variant=2", &a, &err) ==
	    SD_ERR_USAGE, "a setting twice");
	sd_error_clear(&err);
	ok(experiment_parse_arm("a b", &a, &err) == SD_ERR_USAGE,
	    "a name with a space");
	sd_error_clear(&err);
	ok(experiment_parse_arm("x:", &a, &err) == SD_ERR_USAGE,
	    "nothing after ':'");
	sd_error_clear(&err);
	test_parse_weights();
}

static cJSON *
arms2(const char *a, const char *b)
{
	struct sd_error	 err = SD_ERROR_INIT;
	cJSON		*v = cJSON_CreateArray(), *x;

	if (experiment_parse_arm(a, &x, &err) == SD_OK)
		cJSON_AddItemToArray(v, x);
	if (b != NULL && experiment_parse_arm(b, &x, &err) == SD_OK)
		cJSON_AddItemToArray(v, x);
	sd_error_clear(&err);
	return v;
}

/* One conversation in arm: an answer, then thanks when resolved. */
static int
conversation(struct store *st, const char *sid, const char *arm,
    int resolved)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct session_info si;
	struct history_turn ht;
	int		 created, i, fails = 0;

	if (history_session_open(st, sid, NULL, "api", 0, &si, &created,
	    &err) != SD_OK)
		fails++;
	session_info_release(&si);
	for (i = 0; i < 1 + resolved; i++) {
		memset(&ht, 0, sizeof ht);
		ht.session_id = sid;
		ht.text = i == 0 ? "where is order 1234" : "thanks";
		ht.intent = i == 0 ? "track_order" : "thanks";
		ht.reply = "a reply";
		ht.action = i == 0 ? "order_status" : "thanks";
		ht.latency_us = i == 0 ? 1000 : 3000;
		ht.state = "{}";
		ht.status = "active";
		ht.claims = i == 0 ? 2 : 0;
		ht.claims_backed = i == 0 ? 2 : 0;
		ht.experiment = "tone";
		ht.arm = arm;
		if (history_turn_save(st, &ht, &err) != SD_OK)
			fails++;
	}
	if (fails)
		diag("%s: %s", sid, sd_error_msg(&err));
	sd_error_clear(&err);
	return fails;
}

static const cJSON *
metric(const cJSON *r, const char *name)
{
	const cJSON	*m;

	cJSON_ArrayForEach(m, cJSON_GetObjectItem(cJSON_GetArrayItem(
	    cJSON_GetObjectItem(r, "comparisons"), 0), "metrics"))
		if (strcmp(cJSON_GetObjectItem(m, "metric")->valuestring,
		    name) == 0)
			return m;
	return NULL;
}

static void
test_store(struct store *st)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct experiment_exposure x;
	enum sd_rc	 rc;
	cJSON		*l = NULL, *r = NULL, *a;
	char		 sid[16], *w;
	int		 i, fails = 0;

	ok(experiment_create(st, "tone", "plain words", arms2("control",
	    "warm:variant=1"), &err) == SD_OK, "create tone");
	rc = experiment_create(st, "other", NULL, arms2("a", "b"), &err);
	ok(rc == SD_ERR_INVALID, "a second one while tone runs: %s",
	    sd_error_msg(&err));
	sd_error_clear(&err);
	ok(experiment_create(st, "one", NULL, arms2("a", NULL), &err) ==
	    SD_ERR_USAGE, "one arm is no experiment");
	sd_error_clear(&err);
	ok(experiment_create(st, "dup", NULL, arms2("a", "a"), &err) ==
	    SD_ERR_USAGE, "two arms of one name");
	sd_error_clear(&err);
	rc = experiment_expose(st, "s000042", NULL, &x, &err);
	ok(rc == SD_OK && x.experiment != NULL && strcmp(x.arm,
	    experiment_assign("tone", "s000042", 2) == 0 ? "control" :
	    "warm") == 0, "a session is exposed to its hashed arm (%s)",
	    x.arm != NULL ? x.arm : "none");
	ok(strcmp(x.arm, "warm") != 0 || (x.set.has_variant &&
	    x.set.variant == 1), "with the arm's settings");
	experiment_exposure_release(&x);

	/*
	 * control: 10 conversations, 4 resolved; warm: 10, 8 resolved.
	 * Pooled 12/20 = 0.6, se sqrt(0.24 * 0.2) = 0.21909, z 1.8257,
	 * p 0.0679: not significant at 5%.
	 */
	for (i = 0; i < 20; i++) {
		snprintf(sid, sizeof sid, "t%02d", i);
		fails += conversation(st, sid, i < 10 ? "control" : "warm",
		    i < 10 ? i < 4 : i < 18);
	}
	is_int(fails, 0, "20 conversations stored with their arm");
	if (analytics_experiment_report(st, "tone", &r, &err) != SD_OK) {
		diag("%s", sd_error_msg(&err));
		ok(0, "report");
		return;
	}
	a = cJSON_GetArrayItem(cJSON_GetObjectItem(r, "arms"), 0);
	near(cJSON_GetObjectItem(a, "conversations")->valuedouble, 10, 1e-9,
	    "control: 10 conversations");
	near(cJSON_GetObjectItem(cJSON_GetObjectItem(a, "resolution"),
	    "rate")->valuedouble, 0.4, 1e-9, "control: 40% resolved");
	near(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(a,
	    "resolution"), "ci95"), 0)->valuedouble, 0.1682, 1e-4,
	    "control: Wilson low of 4/10");
	/* control latency: 10 replies of 1000 and 4 of 3000 us. */
	near(cJSON_GetObjectItem(cJSON_GetObjectItem(a, "latency_us"),
	    "mean")->valuedouble, (10 * 1000 + 4 * 3000) / 14.0, 1,
	    "control: mean latency");
	near(cJSON_GetObjectItem(metric(r, "resolution"), "z")->valuedouble,
	    1.8257, 1e-4, "resolution z");
	near(cJSON_GetObjectItem(metric(r, "resolution"), "p")->valuedouble,
	    0.0679, 1e-4, "resolution p");
	ok(cJSON_IsFalse(cJSON_GetObjectItem(metric(r, "resolution"),
	    "significant")), "not significant at 5%%");
	ok(cJSON_IsNull(cJSON_GetObjectItem(metric(r, "fallback"), "p")),
	    "no fallback anywhere: no test");
	w = cJSON_PrintUnformatted(cJSON_GetObjectItem(r, "warnings"));
	ok(strstr(w, "one look") != NULL, "the report warns about peeking");
	free(w);
	cJSON_Delete(r);

	ok(experiment_stop(st, "tone", &err) == SD_OK, "stop tone");
	ok(experiment_expose(st, "s000042", NULL, &x, &err) == SD_OK &&
	    x.experiment == NULL, "no exposure once stopped");
	experiment_exposure_release(&x);
	ok(experiment_stop(st, "nope", &err) == SD_ERR_NOTFOUND,
	    "stop an unknown one");
	sd_error_clear(&err);
	ok(experiment_list(st, NULL, &l, &err) == SD_OK &&
	    cJSON_GetArraySize(l) == 1 && strcmp(cJSON_GetObjectItem(
	    cJSON_GetArrayItem(l, 0), "status")->valuestring, "stopped") == 0,
	    "listed as stopped");
	cJSON_Delete(l);
	for (i = 0; experiment_assign("tone", sid, 2) != 0; i++)
		snprintf(sid, sizeof sid, "c%d", i);
	rc = experiment_pin(st, "tone", "warm", &err);
	if (rc == SD_OK)
		rc = experiment_expose(st, sid, NULL, &x, &err);
	ok(rc == SD_OK && x.arm != NULL && strcmp(x.arm, "warm") == 0,
	    "pinned: session %s, hashed to control, runs warm", sid);
	experiment_exposure_release(&x);
	sd_error_clear(&err);

	/* A pinned arm's retrieval weights reach the exposure. */
	experiment_stop(st, "tone", &err);
	ok(experiment_create(st, "kb", NULL, arms2("base",
	    "lex:bm25=0.7,faq=2"), &err) == SD_OK &&
	    experiment_pin(st, "kb", "lex", &err) == SD_OK &&
	    experiment_expose(st, "s1", NULL, &x, &err) == SD_OK &&
	    x.set.has_vector && fabs(x.set.vector - 0.3) < 1e-9 &&
	    x.set.has_kind_weight && x.set.kind_weight[SEARCH_FAQ] == 2 &&
	    x.set.kind_weight[SEARCH_POLICY] == 1,
	    "an arm's weights: vector 0.3, faq 2, the rest 1");
	experiment_exposure_release(&x);
	experiment_stop(st, "kb", &err);
	sd_error_clear(&err);
}

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		*dir = tap_tmpdir(), *path;
	struct store	*st;

	test_stats();
	test_assign();
	test_parse();
	setenv("SHOPDESK_NOW", "2026-11-20T12:00:00Z", 1);
	path = xasprintf("%s/x.db", dir);
	if ((st = store_open(path, NULL, &err)) == NULL) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		return 1;
	}
	test_store(st);
	store_close(st);
	free(path);
	tap_rmtree(dir);
	free(dir);
	done_testing();
	return exit_status();
}
