/*
 * analytics-quality.c owns turn_metrics, each customer turn's quality
 * measures (quality.h) stored with the turn, and the "quality" object of
 * the analytics: the honest resolution of the conversations, relevance,
 * accuracy, helpfulness and the customers' feelings, overall and by
 * intent, template variant, generator, channel and day.
 *
 * These figures are computed from the turns of the range, not kept as
 * running totals as analytics-agg.c does for the older ones: the
 * resolution of a conversation depends on ratings given later and on
 * the turns after it, and a group's relevance is a mean of ratios.  One
 * indexed read of the range's turns (a row each) and a walk in memory;
 * analytics_quality_load is shared with the failure and gap report
 * (analytics-gaps.c).  The cost grows with the range: on a generated
 * history of 25,000 turns (bench/gen-history, 10,000 sessions) "stats
 * --json" took 0.12 s of CPU where the running totals alone took 0.02 s.
 * Daily running totals of these figures would bring it back down; a
 * conversation's outcome would then have to move between days as later
 * turns and ratings change it, as stats_session does for the old one.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "analytics.h"
#include "analytics-int.h"
#include "quality.h"
#include "store.h"

static const char *
col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const char	*t = col_text(s, i);

	return t != NULL ? xstrdup(t) : NULL;
}

/* Whether the turn repeats the session's previous question. */
static enum sd_rc
rephrase_of(struct store *st, const char *sid, const char *terms, int *out,
    struct sd_error *err)
{
	static const char sql[] = "SELECT terms FROM turn_metrics"
	    " WHERE session_id = ?1 ORDER BY user_msg_id DESC LIMIT 1";
	sqlite3_stmt	*s;
	int		 r;

	*out = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(s)) == SQLITE_ROW)
		*out = quality_rephrased(col_text(s, 0), terms);
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return store_fail(st, err, "read the previous turn's terms");
	return SD_OK;
}

enum sd_rc
analytics_turn_save(struct store *st, const struct analytics_turn *t,
    struct sd_error *err)
{
	static const char sql[] = "INSERT INTO turn_metrics(user_msg_id,"
	    " reply_id, session_id, created_at, intent, confidence, action,"
	    " variant, generator, terms, asked, covered, claims, backed,"
	    " feeling, urgent, rephrase, experiment, arm) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
	    " ?18, ?19)";
	const struct quality_turn *q = t->q;
	const char	*terms = q != NULL && q->terms != NULL ? q->terms : "";
	sqlite3_stmt	*s;
	int		 rephrase = 0;
	enum sd_rc	 rc;

	if ((rc = rephrase_of(st, t->session_id, terms, &rephrase, err)) !=
	    SD_OK)
		return rc;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, t->user_msg_id);
	if (t->reply_id > 0)
		sqlite3_bind_int64(s, 2, t->reply_id);
	sqlite3_bind_text(s, 3, t->session_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, t->created_at, -1, SQLITE_STATIC);
	if (t->intent != NULL) {
		sqlite3_bind_text(s, 5, t->intent, -1, SQLITE_STATIC);
		sqlite3_bind_double(s, 6, t->confidence);
	}
	if (t->action != NULL)
		sqlite3_bind_text(s, 7, t->action, -1, SQLITE_STATIC);
	if (q != NULL && q->variant != NULL)
		sqlite3_bind_text(s, 8, q->variant, -1, SQLITE_STATIC);
	if (q != NULL && q->generator != NULL)
		sqlite3_bind_text(s, 9, q->generator, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 10, terms, -1, SQLITE_STATIC);
	if (q != NULL && t->reply_id > 0) {
		sqlite3_bind_int(s, 11, q->asked);
		sqlite3_bind_int(s, 12, q->covered);
	}
	if (t->reply_id > 0) {
		sqlite3_bind_int(s, 13, t->claims);
		sqlite3_bind_int(s, 14, t->backed);
	}
	if (q != NULL && q->feeling != NULL)
		sqlite3_bind_text(s, 15, q->feeling, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 16, q != NULL && q->urgent);
	sqlite3_bind_int(s, 17, rephrase);
	if (t->experiment != NULL && t->arm != NULL) {
		sqlite3_bind_text(s, 18, t->experiment, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 19, t->arm, -1, SQLITE_STATIC);
	}
	return analytics_step(st, s, "store the turn's measures", err);
}

void
analytics_qrows_release(struct analytics_qrow *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].session_id);
		free(v[i].day);
		free(v[i].intent);
		free(v[i].action);
		free(v[i].variant);
		free(v[i].generator);
		free(v[i].channel);
		free(v[i].feeling);
		free(v[i].terms);
		free(v[i].text);
		free(v[i].arm);
	}
	free(v);
}

/* The conversation's outcome onto each of its rows v[a..b). */
static void
walk_conv(struct analytics_qrow *v, size_t a, size_t b, int escalated)
{
	struct quality_conv c;
	struct quality_step qs;
	enum quality_outcome out;
	enum quality_reason why;
	int		 assumed;
	size_t		 i;

	quality_conv_init(&c, escalated);
	for (i = a; i < b; i++) {
		memset(&qs, 0, sizeof qs);
		qs.intent = v[i].intent;
		qs.action = v[i].action;
		qs.feeling = v[i].feeling;
		qs.rephrase = v[i].rephrase;
		qs.rating_min = v[i].rating_min;
		qs.rating_max = v[i].rating_max;
		quality_conv_step(&c, &qs);
	}
	out = quality_conv_outcome(&c, &why, &assumed);
	for (i = a; i < b; i++) {
		v[i].outcome = (int)out;
		v[i].why = (int)why;
		v[i].assumed = assumed;
		v[i].conv_first = i == a;
	}
}

/*
 * The turns of the range in session order, each with its conversation's
 * outcome (over the turns in the range).  Ratings of a reply count
 * whenever they were given.
 */
enum sd_rc
analytics_quality_load(struct store *st, const struct analytics_range *rg,
    struct analytics_qrow **out, size_t *nout, struct sd_error *err)
{
	static const char sql[] = "SELECT t.session_id,"
	    " substr(t.created_at, 1, 10), coalesce(t.intent, 'none'),"
	    " t.action, t.variant, t.generator, s.channel, t.asked,"
	    " t.covered, t.claims, t.backed, t.feeling, t.urgent,"
	    " t.rephrase, s.status IN ('escalated', 'agent'), t.terms,"
	    " u.text, t.reply_id, t.confidence,"
	    " coalesce(f.n, 0), coalesce(f.total, 0), coalesce(f.pos, 0),"
	    " coalesce(f.lo, 0), coalesce(f.hi, 0),"
	    " EXISTS (SELECT 1 FROM messages a WHERE a.session_id ="
	    "  t.session_id AND a.role = 'agent'), t.arm,"
	    " coalesce(b.latency_us, -1)"
	    " FROM turn_metrics t JOIN sessions s ON s.id = t.session_id"
	    " JOIN messages u ON u.id = t.user_msg_id"
	    " LEFT JOIN messages b ON b.id = t.reply_id"
	    " LEFT JOIN (SELECT message_id, count(*) AS n,"
	    "  sum(rating) AS total, sum(rating >= 4) AS pos,"
	    "  min(rating) AS lo, max(rating) AS hi FROM feedback"
	    "  GROUP BY message_id) f ON f.message_id = t.reply_id"
	    " WHERE t.created_at >= ?1 AND t.created_at <= ?2"
	    " AND (?3 = 0 OR t.session_id IN (SELECT session_id"
	    " FROM api_sessions WHERE key_id = ?3))"
	    " AND (?4 IS NULL OR t.experiment = ?4)"
	    " ORDER BY t.session_id, t.user_msg_id";
	struct analytics_qrow *v = NULL, *q;
	sqlite3_stmt	*s;
	size_t		 n = 0, cap = 0, a, i;
	int		 r;

	*out = NULL;
	*nout = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, rg->from != NULL ? rg->from : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(s, 2, rg->to != NULL ? rg->to : "~", -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, rg->key_id);
	if (rg->experiment != NULL)
		sqlite3_bind_text(s, 4, rg->experiment, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, 4);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			v = xrealloc(v, cap * sizeof *v);
		}
		q = &v[n++];
		memset(q, 0, sizeof *q);
		q->session_id = col_dup(s, 0);
		q->day = col_dup(s, 1);
		q->intent = col_dup(s, 2);
		q->action = col_dup(s, 3);
		q->variant = col_dup(s, 4);
		q->generator = col_dup(s, 5);
		q->channel = col_dup(s, 6);
		q->asked = sqlite3_column_type(s, 7) == SQLITE_NULL ? -1 :
		    sqlite3_column_int(s, 7);
		q->covered = sqlite3_column_int(s, 8);
		q->claims = sqlite3_column_int(s, 9);
		q->backed = sqlite3_column_int(s, 10);
		q->feeling = col_dup(s, 11);
		q->urgent = sqlite3_column_int(s, 12);
		q->rephrase = sqlite3_column_int(s, 13);
		q->escalated = sqlite3_column_int(s, 14) ||
		    sqlite3_column_int64(s, 24) > 0;
		q->terms = col_dup(s, 15);
		q->text = col_dup(s, 16);
		q->reply_id = sqlite3_column_int64(s, 17);
		q->confidence = sqlite3_column_double(s, 18);
		q->ratings = sqlite3_column_int(s, 19);
		q->rating_sum = sqlite3_column_int(s, 20);
		q->rating_pos = sqlite3_column_int(s, 21);
		q->rating_min = sqlite3_column_int(s, 22);
		q->rating_max = sqlite3_column_int(s, 23);
		q->arm = col_dup(s, 25);
		q->latency_us = sqlite3_column_int64(s, 26);
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		analytics_qrows_release(v, n);
		return store_fail(st, err, "read the turns' measures");
	}
	for (a = 0, i = 1; i <= n; i++)
		if (i == n || strcmp(v[i].session_id, v[a].session_id) != 0) {
			walk_conv(v, a, i, v[a].escalated);
			a = i;
		}
	*out = v;
	*nout = n;
	return SD_OK;
}

/* Sums of a group of turns. */
struct qagg {
	const char	*key;		/* points into a row */
	long long	 turns, replies;
	long long	 rel_n;		/* replies with key terms asked */
	double		 rel_sum;	/* sum of covered / asked */
	long long	 claims, backed;
	long long	 ratings, rating_sum, rating_pos;
	long long	 outcome[3];	/* turns by their conversation's */
	long long	 frustrated, angry, urgent;
};

static void
qagg_add(struct qagg *g, const struct analytics_qrow *r)
{
	g->turns++;
	if (r->reply_id > 0) {
		g->replies++;
		g->claims += r->claims;
		g->backed += r->backed;
		if (r->asked > 0) {
			g->rel_n++;
			g->rel_sum += (double)r->covered / r->asked;
		}
	}
	g->ratings += r->ratings;
	g->rating_sum += r->rating_sum;
	g->rating_pos += r->rating_pos;
	g->outcome[r->outcome]++;
	if (r->feeling != NULL && strcmp(r->feeling, "frustrated") == 0)
		g->frustrated++;
	if (r->feeling != NULL && strcmp(r->feeling, "angry") == 0)
		g->angry++;
	g->urgent += r->urgent != 0;
}

static void
ratio(cJSON *o, const char *key, double num, double den)
{
	if (den <= 0)
		cJSON_AddNullToObject(o, key);
	else
		cJSON_AddNumberToObject(o, key, round(num / den * 1e4) / 1e4);
}

/*
 * The measures of a group into o; the whole range (all) gives its
 * resolution by conversation instead, in resolution().
 */
static void
qagg_emit(cJSON *o, const struct qagg *g, int all)
{
	cJSON	*h;

	cJSON_AddNumberToObject(o, "turns", (double)g->turns);
	cJSON_AddNumberToObject(o, "replies", (double)g->replies);
	ratio(o, "relevance", g->rel_sum, (double)g->rel_n);
	cJSON_AddNumberToObject(o, "claims", (double)g->claims);
	cJSON_AddNumberToObject(o, "backed", (double)g->backed);
	ratio(o, "accuracy", (double)g->backed, (double)g->claims);
	h = cJSON_AddObjectToObject(o, "helpfulness");
	cJSON_AddNumberToObject(h, "ratings", (double)g->ratings);
	ratio(h, "mean", (double)g->rating_sum, (double)g->ratings);
	ratio(h, "positive_rate", (double)g->rating_pos, (double)g->ratings);
	if (!all) {
		h = cJSON_AddObjectToObject(o, "resolution");
		cJSON_AddNumberToObject(h, "resolved",
		    (double)g->outcome[QUALITY_RESOLVED]);
		cJSON_AddNumberToObject(h, "not_resolved",
		    (double)g->outcome[QUALITY_NOT_RESOLVED]);
		cJSON_AddNumberToObject(h, "unknown",
		    (double)g->outcome[QUALITY_UNKNOWN]);
	}
	h = cJSON_AddObjectToObject(o, "feelings");
	cJSON_AddNumberToObject(h, "frustrated", (double)g->frustrated);
	cJSON_AddNumberToObject(h, "angry", (double)g->angry);
	cJSON_AddNumberToObject(h, "urgent", (double)g->urgent);
	ratio(h, "upset_rate", (double)(g->frustrated + g->angry),
	    (double)g->turns);
}

static int
cmp_qagg(const void *a, const void *b)
{
	const struct qagg *x = a, *y = b;

	if (x->turns != y->turns)
		return x->turns > y->turns ? -1 : 1;
	return strcmp(x->key, y->key);
}

static int
cmp_qagg_key(const void *a, const void *b)
{
	return strcmp(((const struct qagg *)a)->key,
	    ((const struct qagg *)b)->key);
}

/* Which key of a row a dimension groups by. */
enum qdim { QD_INTENT, QD_VARIANT, QD_GENERATOR, QD_CHANNEL, QD_DAY };

static const char *
dim_key(const struct analytics_qrow *r, enum qdim d)
{
	const char	*k = NULL;

	switch (d) {
	case QD_INTENT:
		k = r->intent;
		break;
	case QD_VARIANT:
		k = r->variant;
		break;
	case QD_GENERATOR:
		k = r->generator;
		break;
	case QD_CHANNEL:
		k = r->channel;
		break;
	case QD_DAY:
		k = r->day;
		break;
	}
	return k != NULL ? k : "none";
}

/*
 * The rows grouped by d, as an array of {name, measures...}: most turns
 * first, by day in order of days.
 */
static cJSON *
by_dim(const struct analytics_qrow *v, size_t n, enum qdim d)
{
	struct qagg	*g = NULL;
	size_t		 ng = 0, i, j;
	cJSON		*a = cJSON_CreateArray(), *o;
	const char	*k;

	for (i = 0; i < n; i++) {
		k = dim_key(&v[i], d);
		for (j = 0; j < ng; j++)
			if (strcmp(g[j].key, k) == 0)
				break;
		if (j == ng) {
			g = xrealloc(g, (ng + 1) * sizeof *g);
			memset(&g[ng], 0, sizeof *g);
			g[ng++].key = k;
		}
		qagg_add(&g[j], &v[i]);
	}
	if (ng > 0)
		qsort(g, ng, sizeof *g, d == QD_DAY ? cmp_qagg_key : cmp_qagg);
	for (j = 0; j < ng; j++) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "name", g[j].key);
		qagg_emit(o, &g[j], 0);
		cJSON_AddItemToArray(a, o);
	}
	free(g);
	return a;
}

/* Conversations by outcome, with the reasons of the failed ones. */
static void
resolution(cJSON *o, const struct analytics_qrow *v, size_t n)
{
	long long	 c[3] = { 0, 0, 0 }, why[QR_N], assumed = 0, convs = 0;
	cJSON		*r, *w;
	size_t		 i;
	int		 k;

	memset(why, 0, sizeof why);
	for (i = 0; i < n; i++) {
		if (!v[i].conv_first)
			continue;
		convs++;
		c[v[i].outcome]++;
		why[v[i].why]++;
		assumed += v[i].assumed;
	}
	r = cJSON_AddObjectToObject(o, "resolution");
	cJSON_AddNumberToObject(r, "conversations", (double)convs);
	cJSON_AddNumberToObject(r, "resolved", (double)c[QUALITY_RESOLVED]);
	cJSON_AddNumberToObject(r, "not_resolved",
	    (double)c[QUALITY_NOT_RESOLVED]);
	cJSON_AddNumberToObject(r, "unknown", (double)c[QUALITY_UNKNOWN]);
	cJSON_AddNumberToObject(r, "assumed", (double)assumed);
	ratio(r, "resolution_rate", (double)c[QUALITY_RESOLVED],
	    (double)convs);
	ratio(r, "not_resolved_rate", (double)c[QUALITY_NOT_RESOLVED],
	    (double)convs);
	ratio(r, "unknown_rate", (double)c[QUALITY_UNKNOWN], (double)convs);
	ratio(r, "fin_rate", (double)(c[QUALITY_RESOLVED] + assumed),
	    (double)convs);
	w = cJSON_AddObjectToObject(r, "reasons");
	for (k = 1; k < QR_N; k++)
		cJSON_AddNumberToObject(w,
		    quality_reason_name((enum quality_reason)k),
		    (double)why[k]);
}

enum sd_rc
analytics_quality_emit(struct store *st, const struct analytics_range *rg,
    cJSON *o, struct sd_error *err)
{
	struct analytics_qrow *v = NULL;
	struct qagg	 all;
	size_t		 n = 0, i;
	cJSON		*q;
	enum sd_rc	 rc;

	if ((rc = analytics_quality_load(st, rg, &v, &n, err)) != SD_OK)
		return rc;
	q = cJSON_AddObjectToObject(o, "quality");
	resolution(q, v, n);
	memset(&all, 0, sizeof all);
	for (i = 0; i < n; i++)
		qagg_add(&all, &v[i]);
	qagg_emit(q, &all, 1);
	cJSON_AddItemToObject(q, "by_intent", by_dim(v, n, QD_INTENT));
	cJSON_AddItemToObject(q, "by_variant", by_dim(v, n, QD_VARIANT));
	cJSON_AddItemToObject(q, "by_generator", by_dim(v, n, QD_GENERATOR));
	cJSON_AddItemToObject(q, "by_channel", by_dim(v, n, QD_CHANNEL));
	cJSON_AddItemToObject(q, "by_day", by_dim(v, n, QD_DAY));
	analytics_gaps_emit(q, v, n);
	analytics_qrows_release(v, n);
	return SD_OK;
}

enum sd_rc
analytics_outcomes(struct store *st, const char *from, const char *to,
    cJSON **out, struct sd_error *err)
{
	struct analytics_range rg = { from, to, 0, NULL };
	struct analytics_qrow *v = NULL;
	size_t		 n = 0, i;
	cJSON		*o, *e;
	enum sd_rc	 rc;

	*out = NULL;
	if ((rc = analytics_quality_load(st, &rg, &v, &n, err)) != SD_OK)
		return rc;
	o = cJSON_CreateObject();
	for (i = 0; i < n; i++) {
		if (!v[i].conv_first)
			continue;
		e = cJSON_AddObjectToObject(o, v[i].session_id);
		cJSON_AddStringToObject(e, "outcome", quality_outcome_name(
		    (enum quality_outcome)v[i].outcome));
		cJSON_AddStringToObject(e, "reason", quality_reason_name(
		    (enum quality_reason)v[i].why));
	}
	analytics_qrows_release(v, n);
	*out = o;
	return SD_OK;
}
