/*
 * analytics-quality.c owns turn_metrics, each customer turn's quality
 * measures (quality.h) stored with the turn, and the "quality" object of
 * the analytics: the honest resolution of the conversations, relevance,
 * accuracy, helpfulness and the customers' feelings, overall and by
 * intent, template variant, generator, channel and day.
 *
 * Here the figures are computed from the turns of the range: one
 * indexed read (a row each) and a walk in memory.  That is the reference
 * (analytics_compute_full), and what a range cut inside a day or an
 * experiment's report uses; over whole days analytics-qtotals.c gives
 * the same object from running totals, through the same emitters
 * (analytics_quality_build).  The walk cost 0.12 s of CPU at 25,000
 * turns (bench/gen-history, 10,000 sessions).
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
	if ((rc = analytics_step(st, s, "store the turn's measures", err)) !=
	    SD_OK)
		return rc;
	return analytics_qfold(st, t->session_id, t->user_msg_id, 0, 0, err);
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

void
analytics_qrow_step(struct quality_conv *c, const struct analytics_qrow *r)
{
	struct quality_step qs;

	memset(&qs, 0, sizeof qs);
	qs.intent = r->intent;
	qs.action = r->action;
	qs.feeling = r->feeling;
	qs.rephrase = r->rephrase;
	qs.rating_min = r->rating_min;
	qs.rating_max = r->rating_max;
	quality_conv_step(c, &qs);
}

void
analytics_qrows_walk(struct analytics_qrow *v, size_t a, size_t b)
{
	analytics_qrows_walk_conv(v, a, b, NULL);
}

void
analytics_qrows_walk_conv(struct analytics_qrow *v, size_t a, size_t b,
    struct quality_conv *cp)
{
	struct quality_conv c;
	enum quality_outcome out;
	enum quality_reason why;
	int		 assumed;
	size_t		 i;

	quality_conv_init(&c, v[a].escalated);
	for (i = a; i < b; i++)
		analytics_qrow_step(&c, &v[i]);
	if (cp != NULL)
		*cp = c;
	out = quality_conv_outcome(&c, &why, &assumed);
	for (i = a; i < b; i++) {
		v[i].outcome = (int)out;
		v[i].why = (int)why;
		v[i].assumed = assumed;
		v[i].conv_first = i == a;
	}
}

/* One row per customer turn: the columns qrows_read reads. */
#define QROW_SELECT QROW_COLS(QROW_F) " FROM turn_metrics t" QROW_JOINS
/* The ratings of the reply: from the join f, or looked up (one turn). */
#define QROW_F " coalesce(f.n, 0), coalesce(f.total, 0), coalesce(f.pos, 0)," \
	" coalesce(f.lo, 0), coalesce(f.hi, 0),"
#define QROW_FONE(x) " (SELECT " x " FROM feedback WHERE message_id =" \
	" t.reply_id),"
#define QROW_COLS(f) "SELECT t.session_id," \
	" substr(t.created_at, 1, 10), coalesce(t.intent, 'none')," \
	" t.action, t.variant, t.generator, s.channel, t.asked," \
	" t.covered, t.claims, t.backed, t.feeling, t.urgent," \
	" t.rephrase, s.status IN ('escalated', 'agent'), t.terms," \
	" u.text, t.reply_id, t.confidence," f \
	" EXISTS (SELECT 1 FROM messages a WHERE a.session_id =" \
	"  t.session_id AND a.role = 'agent'), t.arm," \
	" coalesce(b.latency_us, -1), t.user_msg_id"
#define QROW_JOINS " JOIN sessions s ON s.id = t.session_id" \
	" JOIN messages u ON u.id = t.user_msg_id" \
	" LEFT JOIN messages b ON b.id = t.reply_id"
/* The ratings of the replies, whole, or of one session's. */
#define QROW_RATINGS(where) " LEFT JOIN (SELECT message_id, count(*) AS n," \
	"  sum(rating) AS total, sum(rating >= 4) AS pos," \
	"  min(rating) AS lo, max(rating) AS hi FROM feedback" where \
	"  GROUP BY message_id) f ON f.message_id = t.reply_id"
#define QROW_RANGE " WHERE t.created_at >= ?1 AND t.created_at <= ?2" \
	" AND (?3 = 0 OR t.session_id IN (SELECT session_id" \
	" FROM api_sessions WHERE key_id = ?3))"

static void
bind_range(sqlite3_stmt *s, const struct analytics_range *rg)
{
	sqlite3_bind_text(s, 1, rg->from != NULL ? rg->from : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(s, 2, rg->to != NULL ? rg->to : "~", -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, rg->key_id);
}

/* The rows of s, walked session by session. */
static enum sd_rc
qrows_read(struct store *st, sqlite3_stmt *s, struct analytics_qrow **out,
    size_t *nout, struct sd_error *err)
{
	struct analytics_qrow *v = NULL, *q;
	size_t		 n = 0, cap = 0, a, i;
	int		 r;

	*out = NULL;
	*nout = 0;
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
		q->user_msg_id = sqlite3_column_int64(s, 27);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_DONE) {
		analytics_qrows_release(v, n);
		return store_fail(st, err, "read the turns' measures");
	}
	for (a = 0, i = 1; i <= n; i++)
		if (i == n || strcmp(v[i].session_id, v[a].session_id) != 0) {
			analytics_qrows_walk(v, a, i);
			a = i;
		}
	*out = v;
	*nout = n;
	return SD_OK;
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
	static const char sql[] = QROW_SELECT QROW_RATINGS("") QROW_RANGE
	    " AND (?4 IS NULL OR t.experiment = ?4)"
	    " ORDER BY t.session_id, t.user_msg_id";
	sqlite3_stmt	*s;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_range(s, rg);
	if (rg->experiment != NULL)
		sqlite3_bind_text(s, 4, rg->experiment, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, 4);
	return qrows_read(st, s, out, nout, err);
}

enum sd_rc
analytics_quality_load_session(struct store *st, const char *sid,
    struct analytics_qrow **out, size_t *n, long long *key_id,
    struct sd_error *err)
{
	static const char sql[] = QROW_COLS(QROW_FONE("count(*)")
	    QROW_FONE("coalesce(sum(rating), 0)")
	    QROW_FONE("coalesce(sum(rating >= 4), 0)")
	    QROW_FONE("coalesce(min(rating), 0)")
	    QROW_FONE("coalesce(max(rating), 0)"))
	    " FROM turn_metrics t" QROW_JOINS " WHERE t.session_id = ?1"
	    " ORDER BY t.user_msg_id";
	static const char key[] = "SELECT key_id FROM api_sessions"
	    " WHERE session_id = ?1";
	sqlite3_stmt	*s;
	int		 r;

	*key_id = 0;
	if ((s = store_prepare(st, key, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(s)) == SQLITE_ROW)
		*key_id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return store_fail(st, err, "read the session's key");
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_TRANSIENT);
	return qrows_read(st, s, out, n, err);
}

/* The sessions of the totals that cross a bound (?4, ?5: days). */
#define CUT_SESSIONS "SELECT session_id FROM stats_qsession" \
	" WHERE first_day < last_day AND (first_day < ?4 OR last_day > ?5)"

enum sd_rc
analytics_quality_load_turn(struct store *st, long long user_msg_id,
    struct analytics_qrow **out, size_t *n, struct sd_error *err)
{
	static const char sql[] = QROW_COLS(QROW_FONE("count(*)")
	    QROW_FONE("coalesce(sum(rating), 0)")
	    QROW_FONE("coalesce(sum(rating >= 4), 0)")
	    QROW_FONE("coalesce(min(rating), 0)")
	    QROW_FONE("coalesce(max(rating), 0)"))
	    " FROM turn_metrics t" QROW_JOINS " WHERE t.user_msg_id = ?1";
	sqlite3_stmt	*s;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, user_msg_id);
	return qrows_read(st, s, out, n, err);
}

enum sd_rc
analytics_quality_load_cut(struct store *st,
    const struct analytics_range *rg, const char *from_day,
    const char *to_day, struct analytics_qrow **out, size_t *n,
    struct sd_error *err)
{
	static const char sql[] = QROW_SELECT QROW_RATINGS("") QROW_RANGE
	    " AND t.session_id IN (" CUT_SESSIONS ")"
	    " ORDER BY t.session_id, t.user_msg_id";
	sqlite3_stmt	*s;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_range(s, rg);
	sqlite3_bind_text(s, 4, from_day, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, to_day, -1, SQLITE_STATIC);
	return qrows_read(st, s, out, n, err);
}

void
analytics_qagg_add(struct analytics_qagg *g, const struct analytics_qrow *r)
{
	g->turns++;
	if (r->reply_id > 0) {
		g->replies++;
		g->claims += r->claims;
		g->backed += r->backed;
		if (r->asked > 0) {
			g->rel_n++;
			g->rel_sum += llround((double)ANALYTICS_REL_UNIT *
			    r->covered / r->asked);
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
qagg_emit(cJSON *o, const struct analytics_qagg *g, int all)
{
	cJSON	*h;

	cJSON_AddNumberToObject(o, "turns", (double)g->turns);
	cJSON_AddNumberToObject(o, "replies", (double)g->replies);
	ratio(o, "relevance", (double)g->rel_sum / ANALYTICS_REL_UNIT,
	    (double)g->rel_n);
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
	const struct analytics_qagg *x = a, *y = b;

	if (x->turns != y->turns)
		return x->turns > y->turns ? -1 : 1;
	return strcmp(x->key, y->key);
}

static int
cmp_qagg_key(const void *a, const void *b)
{
	return strcmp(((const struct analytics_qagg *)a)->key,
	    ((const struct analytics_qagg *)b)->key);
}

const char *
analytics_qdim_name(enum analytics_qdim d)
{
	static const char *const names[QD_NDIM] = { "all", "intent",
	    "variant", "generator", "channel" };

	return names[d];
}

const char *
analytics_qdim_key(const struct analytics_qrow *r, enum analytics_qdim d)
{
	const char	*k = NULL;

	switch (d) {
	case QD_ALL:
		return "";
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
	case QD_NDIM:
		break;
	}
	return k != NULL ? k : "none";
}

/* The groups of d as an array of {name, measures...}, sorted. */
static cJSON *
groups_json(struct analytics_qagg *g, size_t ng, int by_key)
{
	cJSON	*a = cJSON_CreateArray(), *o;
	size_t	 j;

	if (ng > 0)
		qsort(g, ng, sizeof *g, by_key ? cmp_qagg_key : cmp_qagg);
	for (j = 0; j < ng; j++) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "name", g[j].key);
		qagg_emit(o, &g[j], 0);
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

/* Conversations by outcome, with the reasons of the failed ones. */
static void
resolution(cJSON *o, const struct analytics_qparts *p)
{
	cJSON		*r, *w;
	int		 k;

	r = cJSON_AddObjectToObject(o, "resolution");
	cJSON_AddNumberToObject(r, "conversations", (double)p->convs);
	cJSON_AddNumberToObject(r, "resolved",
	    (double)p->c[QUALITY_RESOLVED]);
	cJSON_AddNumberToObject(r, "not_resolved",
	    (double)p->c[QUALITY_NOT_RESOLVED]);
	cJSON_AddNumberToObject(r, "unknown", (double)p->c[QUALITY_UNKNOWN]);
	cJSON_AddNumberToObject(r, "assumed", (double)p->assumed);
	ratio(r, "resolution_rate", (double)p->c[QUALITY_RESOLVED],
	    (double)p->convs);
	ratio(r, "not_resolved_rate", (double)p->c[QUALITY_NOT_RESOLVED],
	    (double)p->convs);
	ratio(r, "unknown_rate", (double)p->c[QUALITY_UNKNOWN],
	    (double)p->convs);
	ratio(r, "fin_rate", (double)(p->c[QUALITY_RESOLVED] + p->assumed),
	    (double)p->convs);
	w = cJSON_AddObjectToObject(r, "reasons");
	for (k = 1; k < QR_N; k++)
		cJSON_AddNumberToObject(w,
		    quality_reason_name((enum quality_reason)k),
		    (double)p->why[k]);
}

void
analytics_quality_build(cJSON *o, struct analytics_qparts *p,
    const struct analytics_qrow *fv, size_t fn)
{
	static const char *const keys[QD_NDIM] = { "by_day", "by_intent",
	    "by_variant", "by_generator", "by_channel" };
	cJSON		*q = cJSON_AddObjectToObject(o, "quality");
	int		 d;

	resolution(q, p);
	qagg_emit(q, &p->all, 1);
	for (d = QD_INTENT; d < QD_NDIM; d++)
		cJSON_AddItemToObject(q, keys[d], groups_json(p->g[d],
		    p->ng[d], 0));
	cJSON_AddItemToObject(q, keys[QD_ALL], groups_json(p->g[QD_ALL],
	    p->ng[QD_ALL], 1));
	analytics_gaps_emit(q, fv, fn);
}

/* The group of key k among *g (added when new). */
static struct analytics_qagg *
group_of(struct analytics_qagg **g, size_t *ng, const char *k)
{
	size_t	 j;

	for (j = 0; j < *ng; j++)
		if (strcmp((*g)[j].key, k) == 0)
			return &(*g)[j];
	*g = xrealloc(*g, (*ng + 1) * sizeof **g);
	memset(&(*g)[*ng], 0, sizeof **g);
	(*g)[*ng].key = k;
	return &(*g)[(*ng)++];
}

enum sd_rc
analytics_quality_emit(struct store *st, const struct analytics_range *rg,
    cJSON *o, struct sd_error *err)
{
	struct analytics_qrow *v = NULL;
	struct analytics_qparts p;
	size_t		 n = 0, i;
	int		 d;
	enum sd_rc	 rc;

	if ((rc = analytics_quality_load(st, rg, &v, &n, err)) != SD_OK)
		return rc;
	memset(&p, 0, sizeof p);
	for (i = 0; i < n; i++) {
		if (v[i].conv_first) {
			p.convs++;
			p.c[v[i].outcome]++;
			p.why[v[i].why]++;
			p.assumed += v[i].assumed;
		}
		analytics_qagg_add(&p.all, &v[i]);
		analytics_qagg_add(group_of(&p.g[QD_ALL], &p.ng[QD_ALL],
		    v[i].day), &v[i]);
		for (d = QD_INTENT; d < QD_NDIM; d++)
			analytics_qagg_add(group_of(&p.g[d], &p.ng[d],
			    analytics_qdim_key(&v[i], (enum analytics_qdim)d)),
			    &v[i]);
	}
	analytics_quality_build(o, &p, v, n);
	for (d = 0; d < QD_NDIM; d++)
		free(p.g[d]);
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
