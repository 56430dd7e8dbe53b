/*
 * analytics-experiment.c owns the report of an A/B experiment: per arm,
 * the honest resolution rate, fallback rate, satisfaction, accuracy and
 * latency of the turns exposed to it, with 95% confidence intervals, and
 * each arm against the first (the control) with a significance test.
 *
 * The test is the two-proportion z-test (pooled), for every figure that
 * is a proportion: resolution and satisfaction are shares of
 * independent units (conversations, ratings) and the samples of a shop's
 * traffic are large, where the normal approximation holds; it is the
 * test anyone can check by hand, and the same as a chi-square test of
 * the 2x2 table without continuity correction.  Intervals of a rate are
 * Wilson score intervals, which stay inside 0..1 and behave at small
 * counts where the Wald interval does not.  Latency compares means
 * with a large-sample (Welch) z.  Fallback and accuracy count replies
 * and claims, which cluster by conversation: their p-values are
 * optimistic, and the report says so.  A p-value holds for one look at
 * a sample size fixed in advance: looking every day and stopping at the
 * first p < 0.05 finds "significant" differences that are not there,
 * which the report warns about every time.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "analytics.h"
#include "analytics-int.h"
#include "experiment.h"
#include "quality.h"
#include "store.h"

#define Z95	1.959963984540054	/* the normal's 97.5% quantile */

void
analytics_wilson(long long x, long long n, double *lo, double *hi)
{
	double	 p, d, c, h;

	if (n <= 0) {
		*lo = 0;
		*hi = 1;
		return;
	}
	p = (double)x / (double)n;
	d = 1 + Z95 * Z95 / (double)n;
	c = (p + Z95 * Z95 / (2.0 * (double)n)) / d;
	h = Z95 * sqrt(p * (1 - p) / (double)n + Z95 * Z95 /
	    (4.0 * (double)n * (double)n)) / d;
	*lo = c - h < 0 ? 0 : c - h;
	*hi = c + h > 1 ? 1 : c + h;
}

int
analytics_ztest(long long x1, long long n1, long long x2, long long n2,
    double *z, double *p)
{
	double	 p1, p2, pp, se;

	*z = 0;
	*p = 1;
	if (n1 <= 0 || n2 <= 0)
		return -1;
	p1 = (double)x1 / (double)n1;
	p2 = (double)x2 / (double)n2;
	pp = (double)(x1 + x2) / (double)(n1 + n2);
	se = sqrt(pp * (1 - pp) * (1.0 / (double)n1 + 1.0 / (double)n2));
	if (se == 0)
		return -1;
	*z = (p2 - p1) / se;
	*p = erfc(fabs(*z) / sqrt(2.0));
	return 0;
}

/* One arm's counts. */
struct arm {
	const char	*name;
	const cJSON	*settings;
	long long	 convs, resolved, turns, replies, fallbacks;
	long long	 ratings, positive, rating_sum, claims, backed;
	long long	 lat_n;
	double		 lat_sum, lat_sq;	/* sum and sum of squares */
};

/* A proportion: count, of, rate and its Wilson interval. */
static cJSON *
prop(long long x, long long n)
{
	cJSON	*o = cJSON_CreateObject(), *ci;
	double	 lo, hi;

	cJSON_AddNumberToObject(o, "count", (double)x);
	cJSON_AddNumberToObject(o, "of", (double)n);
	if (n <= 0) {
		cJSON_AddNullToObject(o, "rate");
		cJSON_AddNullToObject(o, "ci95");
		return o;
	}
	analytics_wilson(x, n, &lo, &hi);
	cJSON_AddNumberToObject(o, "rate", round((double)x / n * 1e4) / 1e4);
	ci = cJSON_AddArrayToObject(o, "ci95");
	cJSON_AddItemToArray(ci, cJSON_CreateNumber(round(lo * 1e4) / 1e4));
	cJSON_AddItemToArray(ci, cJSON_CreateNumber(round(hi * 1e4) / 1e4));
	return o;
}

static double
lat_mean(const struct arm *a)
{
	return a->lat_n > 0 ? a->lat_sum / (double)a->lat_n : 0;
}

/* The sample variance of the latencies. */
static double
lat_var(const struct arm *a)
{
	double	 m = lat_mean(a);

	if (a->lat_n < 2)
		return 0;
	return (a->lat_sq - (double)a->lat_n * m * m) /
	    (double)(a->lat_n - 1);
}

static cJSON *
arm_json(const struct arm *a)
{
	cJSON	*o = cJSON_CreateObject(), *l, *ci;
	double	 h;

	cJSON_AddStringToObject(o, "name", a->name);
	cJSON_AddItemToObject(o, "settings", cJSON_Duplicate(a->settings, 1));
	cJSON_AddNumberToObject(o, "conversations", (double)a->convs);
	cJSON_AddNumberToObject(o, "turns", (double)a->turns);
	cJSON_AddItemToObject(o, "resolution", prop(a->resolved, a->convs));
	cJSON_AddItemToObject(o, "fallback", prop(a->fallbacks, a->replies));
	cJSON_AddItemToObject(o, "satisfaction", prop(a->positive,
	    a->ratings));
	if (a->ratings > 0)
		cJSON_AddNumberToObject(cJSON_GetObjectItem(o,
		    "satisfaction"), "mean", round((double)a->rating_sum /
		    a->ratings * 100) / 100);
	cJSON_AddItemToObject(o, "accuracy", prop(a->backed, a->claims));
	l = cJSON_AddObjectToObject(o, "latency_us");
	cJSON_AddNumberToObject(l, "n", (double)a->lat_n);
	cJSON_AddNumberToObject(l, "mean", round(lat_mean(a)));
	h = a->lat_n > 1 ? Z95 * sqrt(lat_var(a) / (double)a->lat_n) : 0;
	ci = cJSON_AddArrayToObject(l, "ci95");
	cJSON_AddItemToArray(ci, cJSON_CreateNumber(round(lat_mean(a) - h)));
	cJSON_AddItemToArray(ci, cJSON_CreateNumber(round(lat_mean(a) + h)));
	return o;
}

/* Arm b against the control a on one proportion. */
static cJSON *
compare_prop(const char *metric, long long x1, long long n1, long long x2,
    long long n2, cJSON *warnings, const char *arm)
{
	cJSON	*o = cJSON_CreateObject(), *ci;
	double	 z, p, p1, p2, se;

	cJSON_AddStringToObject(o, "metric", metric);
	if (analytics_ztest(x1, n1, x2, n2, &z, &p) != 0) {
		cJSON_AddNullToObject(o, "difference");
		cJSON_AddNullToObject(o, "z");
		cJSON_AddNullToObject(o, "p");
		cJSON_AddFalseToObject(o, "significant");
		return o;
	}
	p1 = (double)x1 / n1;
	p2 = (double)x2 / n2;
	se = sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
	cJSON_AddNumberToObject(o, "difference", round((p2 - p1) * 1e4) / 1e4);
	ci = cJSON_AddArrayToObject(o, "ci95");
	cJSON_AddItemToArray(ci, cJSON_CreateNumber(round((p2 - p1 - Z95 *
	    se) * 1e4) / 1e4));
	cJSON_AddItemToArray(ci, cJSON_CreateNumber(round((p2 - p1 + Z95 *
	    se) * 1e4) / 1e4));
	cJSON_AddNumberToObject(o, "z", round(z * 1e4) / 1e4);
	cJSON_AddNumberToObject(o, "p", round(p * 1e4) / 1e4);
	cJSON_AddBoolToObject(o, "significant", p < 0.05);
	/* The normal approximation wants five of each outcome per arm. */
	if (x1 < 5 || n1 - x1 < 5 || x2 < 5 || n2 - x2 < 5) {
		char *m = xasprintf("%s, %s: fewer than five of an outcome in "
		    "an arm, the z-test's normal approximation is rough", arm,
		    metric);

		cJSON_AddItemToArray(warnings, cJSON_CreateString(m));
		free(m);
	}
	return o;
}

static cJSON *
compare_latency(const struct arm *a, const struct arm *b)
{
	cJSON	*o = cJSON_CreateObject();
	double	 se, z;

	cJSON_AddStringToObject(o, "metric", "latency_us");
	if (a->lat_n < 2 || b->lat_n < 2 ||
	    (se = sqrt(lat_var(a) / a->lat_n + lat_var(b) / b->lat_n)) == 0) {
		cJSON_AddNullToObject(o, "difference");
		cJSON_AddNullToObject(o, "z");
		cJSON_AddNullToObject(o, "p");
		cJSON_AddFalseToObject(o, "significant");
		return o;
	}
	z = (lat_mean(b) - lat_mean(a)) / se;
	cJSON_AddNumberToObject(o, "difference", round(lat_mean(b) -
	    lat_mean(a)));
	cJSON_AddNumberToObject(o, "z", round(z * 1e4) / 1e4);
	cJSON_AddNumberToObject(o, "p", round(erfc(fabs(z) / sqrt(2.0)) *
	    1e4) / 1e4);
	cJSON_AddBoolToObject(o, "significant", erfc(fabs(z) / sqrt(2.0)) <
	    0.05);
	return o;
}

/* The arms' counts from the turns v[0..n) exposed to the experiment. */
static void
count(struct arm *arms, size_t narms, const struct analytics_qrow *v,
    size_t n)
{
	struct arm	*a;
	size_t		 i, k;

	for (i = 0; i < n; i++) {
		for (a = NULL, k = 0; k < narms; k++)
			if (v[i].arm != NULL &&
			    strcmp(arms[k].name, v[i].arm) == 0)
				a = &arms[k];
		if (a == NULL)
			continue;	/* an arm no longer listed */
		if (v[i].conv_first) {
			a->convs++;
			a->resolved += v[i].outcome == QUALITY_RESOLVED;
		}
		a->turns++;
		if (v[i].reply_id > 0) {
			a->replies++;
			a->fallbacks += v[i].action != NULL &&
			    strcmp(v[i].action, "fallback") == 0;
			a->claims += v[i].claims;
			a->backed += v[i].backed;
		}
		a->ratings += v[i].ratings;
		a->positive += v[i].rating_pos;
		a->rating_sum += v[i].rating_sum;
		if (v[i].reply_id > 0 && v[i].latency_us >= 0) {
			a->lat_n++;
			a->lat_sum += (double)v[i].latency_us;
			a->lat_sq += (double)v[i].latency_us *
			    (double)v[i].latency_us;
		}
	}
}

enum sd_rc
analytics_experiment_report(struct store *st, const char *name, cJSON **out,
    struct sd_error *err)
{
	struct analytics_range rg = { NULL, NULL, 0, name };
	struct analytics_qrow *v = NULL;
	struct arm	*arms = NULL;
	cJSON		*list = NULL, *exp, *o = NULL, *a, *cmp, *w, *it;
	size_t		 n = 0, narms, k;
	enum sd_rc	 rc;

	*out = NULL;
	if ((rc = experiment_list(st, name, &list, err)) != SD_OK)
		return rc;
	exp = cJSON_GetArrayItem(list, 0);
	narms = (size_t)cJSON_GetArraySize(cJSON_GetObjectItem(exp, "arms"));
	arms = xcalloc(narms + 1, sizeof *arms);
	k = 0;
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(exp, "arms")) {
		arms[k].name = cJSON_GetObjectItem(it, "name")->valuestring;
		arms[k++].settings = cJSON_GetObjectItem(it, "settings");
	}
	if ((rc = store_exec(st, "BEGIN", err)) != SD_OK)
		goto out;
	rc = analytics_quality_load(st, &rg, &v, &n, err);
	store_rollback(st);
	if (rc != SD_OK)
		goto out;
	count(arms, narms, v, n);
	o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "experiment", cJSON_DetachItemFromArray(list,
	    0));
	a = cJSON_AddArrayToObject(o, "arms");
	for (k = 0; k < narms; k++)
		cJSON_AddItemToArray(a, arm_json(&arms[k]));
	cJSON_AddStringToObject(o, "test", "two-proportion z-test (pooled), "
	    "two-sided, against the first arm; Wilson 95% intervals; "
	    "latency: Welch z on the means");
	cmp = cJSON_AddArrayToObject(o, "comparisons");
	w = cJSON_AddArrayToObject(o, "warnings");
	cJSON_AddItemToArray(w, cJSON_CreateString("p-values hold for one "
	    "look at a sample size fixed in advance: checking as data comes "
	    "in and stopping at the first p < 0.05 inflates false positives"));
	cJSON_AddItemToArray(w, cJSON_CreateString("fallback and accuracy "
	    "count replies and claims, which cluster by conversation: their "
	    "p-values are optimistic"));
	for (k = 1; k < narms; k++) {
		const struct arm *c = &arms[0], *b = &arms[k];

		it = cJSON_CreateObject();
		cJSON_AddStringToObject(it, "arm", b->name);
		cJSON_AddStringToObject(it, "control", c->name);
		a = cJSON_AddArrayToObject(it, "metrics");
		cJSON_AddItemToArray(a, compare_prop("resolution", c->resolved,
		    c->convs, b->resolved, b->convs, w, b->name));
		cJSON_AddItemToArray(a, compare_prop("fallback", c->fallbacks,
		    c->replies, b->fallbacks, b->replies, w, b->name));
		cJSON_AddItemToArray(a, compare_prop("satisfaction",
		    c->positive, c->ratings, b->positive, b->ratings, w,
		    b->name));
		cJSON_AddItemToArray(a, compare_prop("accuracy", c->backed,
		    c->claims, b->backed, b->claims, w, b->name));
		cJSON_AddItemToArray(a, compare_latency(c, b));
		cJSON_AddItemToArray(cmp, it);
	}
	*out = o;
out:
	analytics_qrows_release(v, n);
	cJSON_Delete(list);
	free(arms);
	return rc;
}
