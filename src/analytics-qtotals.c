/*
 * analytics-qtotals.c owns the quality figures' running totals (tables
 * stats_quality, stats_qconv and stats_qsession of the history file):
 * it adds each turn saved and each rating to them, in the transaction
 * that stores it, moves a conversation's turns between outcomes when
 * its outcome changes, and computes the "quality" object from them.
 *
 * Reading the turns of the range took 0.10-0.12 s of CPU at 25,000
 * turns (bench/gen-history, 10,000 sessions), six times what the other
 * figures' totals cost; from these totals "stats --json" takes 0.02-0.03
 * s.  A turn's save pays for it: about 60 us more CPU (gen-history: 127
 * us a turn before, 189 after), a re-read of its session's turns and a
 * few more pages written.  The totals keep, per key, day, dimension and
 * value, the sums of the measures and the turns by their conversation's
 * outcome; per key and day the conversations by outcome, reason and
 * "assumed", on the day of their first turn.  An outcome depends on
 * the turns after it, a rating or an escalation, so each of those walks
 * the session's turns again (a few rows) and, when the outcome moved,
 * moves its turns' counts; stats_qsession remembers the outcome counted,
 * stats_qfail the turns in the failure and gap reports and why.
 * Relevance sums are kept in units of 1e-9 so that any order of
 * additions gives the same sum the walk gives.
 *
 * As in analytics-agg.c, a session whose turns span days cut by a bound
 * of the range is walked again over its turns in the range.  The
 * failure and gap reports group the turns themselves by their terms:
 * they read the turns stats_qfail keeps and those of the sessions cut
 * by a bound, which is all they can list.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "analytics.h"
#include "analytics-int.h"
#include "store.h"

#define NQ		15	/* counters of a stats_quality row */
#define Q_RATINGS	6
#define Q_OUTCOME	9	/* u, r, n: by enum quality_outcome */

#define Q_COLS "turns, replies, rel_n, rel_sum, claims, backed, ratings," \
	" rating_sum, rating_pos, u, r, n, frustrated, angry, urgent"
#define Q_SUMS "sum(turns), sum(replies), sum(rel_n), sum(rel_sum)," \
	" sum(claims), sum(backed), sum(ratings), sum(rating_sum)," \
	" sum(rating_pos), sum(u), sum(r), sum(n), sum(frustrated)," \
	" sum(angry), sum(urgent)"

static void
qagg_to_v(const struct analytics_qagg *g, long long v[NQ])
{
	v[0] = g->turns;
	v[1] = g->replies;
	v[2] = g->rel_n;
	v[3] = g->rel_sum;
	v[4] = g->claims;
	v[5] = g->backed;
	v[6] = g->ratings;
	v[7] = g->rating_sum;
	v[8] = g->rating_pos;
	v[9] = g->outcome[0];
	v[10] = g->outcome[1];
	v[11] = g->outcome[2];
	v[12] = g->frustrated;
	v[13] = g->angry;
	v[14] = g->urgent;
}

static void
qagg_add_v(struct analytics_qagg *g, const long long v[NQ])
{
	g->turns += v[0];
	g->replies += v[1];
	g->rel_n += v[2];
	g->rel_sum += v[3];
	g->claims += v[4];
	g->backed += v[5];
	g->ratings += v[6];
	g->rating_sum += v[7];
	g->rating_pos += v[8];
	g->outcome[0] += v[9];
	g->outcome[1] += v[10];
	g->outcome[2] += v[11];
	g->frustrated += v[12];
	g->angry += v[13];
	g->urgent += v[14];
}

/*
 * Add v to the row (key, day, d, its value for r) of every dimension
 * but the whole: every turn has an intent ("none" at least), so the
 * intent rows of a day sum to the day's.
 */
static enum sd_rc
q_add_one(struct store *st, long long key_id, const char *day, int d,
    const char *name, const long long v[NQ], struct sd_error *err)
{
	static const char sql[] = "INSERT INTO stats_quality(key_id, day,"
	    " dim, name, " Q_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
	    " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"
	    " ON CONFLICT (key_id, day, dim, name) DO UPDATE SET"
	    " turns = turns + ?5, replies = replies + ?6,"
	    " rel_n = rel_n + ?7, rel_sum = rel_sum + ?8,"
	    " claims = claims + ?9, backed = backed + ?10,"
	    " ratings = ratings + ?11, rating_sum = rating_sum + ?12,"
	    " rating_pos = rating_pos + ?13, u = u + ?14, r = r + ?15,"
	    " n = n + ?16, frustrated = frustrated + ?17,"
	    " angry = angry + ?18, urgent = urgent + ?19";
	sqlite3_stmt	*s;
	int		 i;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, key_id);
	sqlite3_bind_text(s, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, analytics_qdim_name((enum analytics_qdim)d),
	    -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, name, -1, SQLITE_STATIC);
	for (i = 0; i < NQ; i++)
		sqlite3_bind_int64(s, 5 + i, v[i]);
	return analytics_step(st, s, "add to the quality totals", err);
}

static enum sd_rc
q_add(struct store *st, long long key_id, const struct analytics_qrow *r,
    const long long v[NQ], struct sd_error *err)
{
	enum sd_rc	 rc = SD_OK;
	int		 d;

	for (d = QD_INTENT; d < QD_NDIM && rc == SD_OK; d++)
		rc = q_add_one(st, key_id, r->day, d, analytics_qdim_key(r,
		    (enum analytics_qdim)d), v, err);
	return rc;
}

/*
 * What one fold adds, by row of the totals: a long conversation whose
 * outcome moves moves all its turns, most of them in the same few rows.
 */
struct pend {
	const char	*day;		/* point into the session's rows */
	int		 dim;
	const char	*name;
	long long	 v[NQ];
};

static void
pend_add(struct pend **p, size_t *n, const struct analytics_qrow *r,
    const long long v[NQ])
{
	const char	*name;
	size_t		 j;
	int		 d, i;

	for (d = QD_INTENT; d < QD_NDIM; d++) {
		name = analytics_qdim_key(r, (enum analytics_qdim)d);
		for (j = 0; j < *n; j++)
			if ((*p)[j].dim == d && strcmp((*p)[j].day, r->day) ==
			    0 && strcmp((*p)[j].name, name) == 0)
				break;
		if (j == *n) {
			*p = xrealloc(*p, (*n + 1) * sizeof **p);
			memset(&(*p)[j], 0, sizeof **p);
			(*p)[j].day = r->day;
			(*p)[j].dim = d;
			(*p)[j].name = name;
			(*n)++;
		}
		for (i = 0; i < NQ; i++)
			(*p)[j].v[i] += v[i];
	}
}

/* n conversations of (outcome, why, assumed) on day. */
static enum sd_rc
qconv_add(struct store *st, long long key_id, const char *day, int outcome,
    int why, int assumed, long long n, struct sd_error *err)
{
	static const char sql[] = "INSERT INTO stats_qconv(key_id, day,"
	    " outcome, why, assumed, n) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	    " ON CONFLICT (key_id, day, outcome, why, assumed)"
	    " DO UPDATE SET n = n + ?6";
	sqlite3_stmt	*s;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, key_id);
	sqlite3_bind_text(s, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, outcome);
	sqlite3_bind_int(s, 4, why);
	sqlite3_bind_int(s, 5, assumed);
	sqlite3_bind_int64(s, 6, n);
	return analytics_step(st, s, "count a conversation's outcome", err);
}

/* Where a session's conversation stands in the totals. */
struct qsess {
	int		 found;
	char		 first_day[11];
	char		 last_day[11];
	int		 outcome, why, assumed;
};

static enum sd_rc
qsess_load(struct store *st, const char *sid, struct qsess *q,
    struct sd_error *err)
{
	static const char sql[] = "SELECT first_day, outcome, why, assumed,"
	    " last_day FROM stats_qsession WHERE session_id = ?1";
	sqlite3_stmt	*s;
	int		 r;

	memset(q, 0, sizeof q[0]);
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(s)) == SQLITE_ROW) {
		q->found = 1;
		snprintf(q->first_day, sizeof q->first_day, "%s",
		    (const char *)sqlite3_column_text(s, 0));
		q->outcome = sqlite3_column_int(s, 1);
		q->why = sqlite3_column_int(s, 2);
		q->assumed = sqlite3_column_int(s, 3);
		snprintf(q->last_day, sizeof q->last_day, "%s",
		    (const char *)sqlite3_column_text(s, 4));
	}
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return store_fail(st, err, "read the session's quality state");
	return SD_OK;
}

/*
 * The bits stats_qfail holds for turn id of the session (0: none), from
 * have[0..n) (pairs of id and bits, read in order).
 */
static unsigned
kept_bits(const long long (*have)[2], size_t n, long long id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (have[i][0] == id)
			return (unsigned)have[i][1];
	return 0;
}

static enum sd_rc
qfail_read(struct store *st, const char *sid, long long (**have)[2],
    size_t *n, struct sd_error *err)
{
	static const char sql[] = "SELECT user_msg_id, bits FROM stats_qfail"
	    " WHERE session_id = ?1";
	sqlite3_stmt	*s;
	int		 r;

	*have = NULL;
	*n = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		*have = xrealloc(*have, (*n + 1) * sizeof **have);
		(*have)[*n][0] = sqlite3_column_int64(s, 0);
		(*have)[(*n)++][1] = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return r == SQLITE_DONE ? SD_OK :
	    store_fail(st, err, "read a session's failing turns");
}

/*
 * The turns of the session of rows v[a..b) that are in the failure or
 * gap reports, and why: a turn's bits change with the turns after it
 * and the conversation's outcome.  Only rows that changed are written:
 * each page a turn's transaction dirties is written to the log again.
 */
static enum sd_rc
qfail_sync(struct store *st, long long key_id, const struct analytics_qrow *v,
    size_t a, size_t b, struct sd_error *err)
{
	static const char del[] = "DELETE FROM stats_qfail"
	    " WHERE user_msg_id = ?1";
	static const char add[] = "INSERT OR REPLACE INTO stats_qfail("
	    "user_msg_id, session_id, key_id, day, intent, terms, text, bits)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	long long	 (*have)[2] = NULL;
	sqlite3_stmt	*s;
	unsigned	 bits, was;
	size_t		 i, nhave = 0;
	enum sd_rc	 rc;

	if ((rc = qfail_read(st, v[a].session_id, &have, &nhave, err)) !=
	    SD_OK)
		goto out;
	for (i = a; i < b && rc == SD_OK; i++) {
		bits = analytics_qrow_bits(v + a, b - a, i - a);
		if ((was = kept_bits((const long long (*)[2])have, nhave,
		    v[i].user_msg_id)) == bits)
			continue;
		if (bits == 0) {
			if ((s = store_prepare(st, del, err)) == NULL) {
				rc = SD_ERR_DB;
				break;
			}
			sqlite3_bind_int64(s, 1, v[i].user_msg_id);
			rc = analytics_step(st, s, "forget a failing turn",
			    err);
			continue;
		}
		if ((s = store_prepare(st, add, err)) == NULL) {
			rc = SD_ERR_DB;
			break;
		}
		sqlite3_bind_int64(s, 1, v[i].user_msg_id);
		sqlite3_bind_text(s, 2, v[i].session_id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, key_id);
		sqlite3_bind_text(s, 4, v[i].day, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, v[i].intent, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 6, v[i].terms != NULL ? v[i].terms : "",
		    -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 7, v[i].text != NULL ? v[i].text : "",
		    -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 8, (int)bits);
		rc = analytics_step(st, s, "keep a failing turn", err);
	}
out:
	free(have);
	return rc;
}

/*
 * The session of rows v[a..b), walked, as it now stands; q, when not
 * NULL, is what was kept, and an unchanged row is not written again.
 */
static enum sd_rc
qsess_save(struct store *st, long long key_id, const char *first_day,
    const struct analytics_qrow *v, size_t a, size_t b,
    const struct qsess *q, struct sd_error *err)
{
	static const char sql[] = "INSERT INTO stats_qsession(session_id,"
	    " key_id, first_day, last_day, outcome, why, assumed)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	    " ON CONFLICT (session_id) DO UPDATE SET last_day = ?4,"
	    " outcome = ?5, why = ?6, assumed = ?7";
	sqlite3_stmt	*s;
	enum sd_rc	 rc;

	if ((rc = qfail_sync(st, key_id, v, a, b, err)) != SD_OK)
		return rc;
	if (q != NULL && q->found && strcmp(q->last_day, v[b - 1].day) == 0 &&
	    q->outcome == v[a].outcome && q->why == v[a].why &&
	    q->assumed == v[a].assumed)
		return SD_OK;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, v[a].session_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, key_id);
	sqlite3_bind_text(s, 3, first_day, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, v[b - 1].day, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 5, v[a].outcome);
	sqlite3_bind_int(s, 6, v[a].why);
	sqlite3_bind_int(s, 7, v[a].assumed);
	return analytics_step(st, s, "save the session's quality state",
	    err);
}

/* What row i adds or moves (see analytics_qfold); 0 when nothing. */
static int
row_delta(const struct analytics_qrow *r, const struct qsess *q,
    long long new_turn, long long rated_reply, int rating, long long v[NQ])
{
	struct analytics_qagg g;
	int		 any = 0, i;

	memset(v, 0, NQ * sizeof v[0]);
	if (r->user_msg_id == new_turn) {
		memset(&g, 0, sizeof g);
		analytics_qagg_add(&g, r);
		qagg_to_v(&g, v);
		/* A rating stored before this fold counts below. */
		v[Q_RATINGS] = v[Q_RATINGS + 1] = v[Q_RATINGS + 2] = 0;
		any = 1;
	} else if (q->found && q->outcome != r->outcome) {
		v[Q_OUTCOME + q->outcome]--;
		v[Q_OUTCOME + r->outcome]++;
		any = 1;
	}
	if (rated_reply > 0 && r->reply_id == rated_reply) {
		v[Q_RATINGS]++;
		v[Q_RATINGS + 1] += rating;
		v[Q_RATINGS + 2] += rating >= 4;
		any = 1;
	}
	for (i = 0; i < NQ && any; i++)
		if (v[i] != 0)
			return 1;
	return 0;
}

enum sd_rc
analytics_qfold(struct store *st, const char *sid, long long new_turn,
    long long rated_reply, int rating, struct sd_error *err)
{
	struct analytics_qrow *v = NULL;
	struct pend	*p = NULL;
	struct qsess	 q;
	long long	 key_id, d[NQ];
	size_t		 n = 0, np = 0, i;
	int		 k, any;
	enum sd_rc	 rc;

	if ((rc = analytics_quality_load_session(st, sid, &v, &n, &key_id,
	    err)) != SD_OK || n == 0)
		goto out;
	if ((rc = qsess_load(st, sid, &q, err)) != SD_OK)
		goto out;
	/*
	 * Turns stored before the totals existed are not in them: the
	 * rebuild the analytics' first call does counts them.
	 */
	for (i = 0; i < n; i++)
		if ((q.found || v[i].user_msg_id == new_turn) &&
		    row_delta(&v[i], &q, new_turn, rated_reply, rating, d))
			pend_add(&p, &np, &v[i], d);
	for (i = 0; i < np && rc == SD_OK; i++) {
		for (k = any = 0; k < NQ; k++)
			any |= p[i].v[k] != 0;
		if (any)
			rc = q_add_one(st, key_id, p[i].day, p[i].dim,
			    p[i].name, p[i].v, err);
	}
	if (rc != SD_OK)
		goto out;
	if (!q.found)
		rc = qconv_add(st, key_id, v[0].day, v[0].outcome, v[0].why,
		    v[0].assumed, 1, err);
	else if (q.outcome != v[0].outcome || q.why != v[0].why ||
	    q.assumed != v[0].assumed) {
		if ((rc = qconv_add(st, key_id, q.first_day, q.outcome, q.why,
		    q.assumed, -1, err)) == SD_OK)
			rc = qconv_add(st, key_id, q.first_day, v[0].outcome,
			    v[0].why, v[0].assumed, 1, err);
	}
	if (rc == SD_OK)
		rc = qsess_save(st, key_id, q.found ? q.first_day : v[0].day,
		    v, 0, n, &q, err);
out:
	free(p);
	analytics_qrows_release(v, n);
	return rc;
}

/* The key of each session: one query per session of the rebuild. */
static enum sd_rc
key_of(struct store *st, const char *sid, long long *key_id,
    struct sd_error *err)
{
	static const char sql[] = "SELECT key_id FROM api_sessions"
	    " WHERE session_id = ?1";
	sqlite3_stmt	*s;
	int		 r;

	*key_id = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(s)) == SQLITE_ROW)
		*key_id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return r == SQLITE_ROW || r == SQLITE_DONE ? SD_OK :
	    store_fail(st, err, "read a session's key");
}

enum sd_rc
analytics_qtotals_rebuild(struct store *st, struct sd_error *err)
{
	struct analytics_range rg = { NULL, NULL, 0, NULL };
	struct analytics_qrow *v = NULL;
	struct analytics_qagg g;
	long long	 key_id = 0, d[NQ];
	size_t		 n = 0, a = 0, i;
	enum sd_rc	 rc;

	if ((rc = store_exec(st, "DELETE FROM stats_quality;"
	    "DELETE FROM stats_qconv; DELETE FROM stats_qsession;"
	    "DELETE FROM stats_qfail;", err)) !=
	    SD_OK || (rc = analytics_quality_load(st, &rg, &v, &n, err)) !=
	    SD_OK)
		return rc;
	for (i = 0; i < n && rc == SD_OK; i++) {
		if (v[i].conv_first) {
			a = i;
			if ((rc = key_of(st, v[i].session_id, &key_id,
			    err)) != SD_OK ||
			    (rc = qconv_add(st, key_id, v[i].day,
			    v[i].outcome, v[i].why, v[i].assumed, 1, err)) !=
			    SD_OK)
				break;
		}
		memset(&g, 0, sizeof g);
		analytics_qagg_add(&g, &v[i]);
		qagg_to_v(&g, d);
		if ((rc = q_add(st, key_id, &v[i], d, err)) != SD_OK)
			break;
		if (i + 1 == n || v[i + 1].conv_first)
			rc = qsess_save(st, key_id, v[a].day, v, a, i + 1,
			    NULL, err);
	}
	analytics_qrows_release(v, n);
	return rc;
}

/* Compute */

/* Group names read from the totals, freed at the end of a call. */
struct names {
	char		**v;
	size_t		 n;
};

static const char *
name_keep(struct names *nm, const char *s)
{
	nm->v = xrealloc(nm->v, (nm->n + 1) * sizeof *nm->v);
	return nm->v[nm->n++] = xstrdup(s != NULL ? s : "");
}

static struct analytics_qagg *
group_find(struct analytics_qparts *p, int d, const char *k,
    struct names *nm)
{
	size_t	 j;

	for (j = 0; j < p->ng[d]; j++)
		if (strcmp(p->g[d][j].key, k) == 0)
			return &p->g[d][j];
	p->g[d] = xrealloc(p->g[d], (p->ng[d] + 1) * sizeof *p->g[d]);
	memset(&p->g[d][p->ng[d]], 0, sizeof p->g[d][0]);
	p->g[d][p->ng[d]].key = name_keep(nm, k);
	return &p->g[d][p->ng[d]++];
}

/* ?1, ?2 the days, ?3 the key (0: all). */
#define QDAY_SCOPE	" (?3 = 0 OR key_id = ?3) AND day >= ?1 AND day <= ?2"

static void
bind_days(sqlite3_stmt *s, const char *from, const char *to, long long key)
{
	sqlite3_bind_text(s, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, key);
}

/* The groups of every dimension, and the whole, from the totals. */
static enum sd_rc
read_groups(struct store *st, const char *from, const char *to,
    long long key_id, struct analytics_qparts *p, struct names *nm,
    struct sd_error *err)
{
	static const char sql[] = "SELECT dim, name, " Q_SUMS
	    " FROM stats_quality WHERE" QDAY_SCOPE " GROUP BY dim, name"
	    " UNION ALL SELECT 'all', day, " Q_SUMS " FROM stats_quality"
	    " WHERE" QDAY_SCOPE " AND dim = 'intent' GROUP BY day";
	sqlite3_stmt	*s;
	long long	 v[NQ];
	const char	*dim;
	int		 r, d, i;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_days(s, from, to, key_id);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		dim = (const char *)sqlite3_column_text(s, 0);
		for (d = 0; d < QD_NDIM; d++)
			if (strcmp(dim, analytics_qdim_name(
			    (enum analytics_qdim)d)) == 0)
				break;
		if (d == QD_NDIM)
			continue;
		for (i = 0; i < NQ; i++)
			v[i] = sqlite3_column_int64(s, 2 + i);
		qagg_add_v(group_find(p, d, (const char *)
		    sqlite3_column_text(s, 1), nm), v);
		if (d == QD_ALL)
			qagg_add_v(&p->all, v);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "read the quality totals");
	return SD_OK;
}

static enum sd_rc
read_convs(struct store *st, const char *from, const char *to,
    long long key_id, struct analytics_qparts *p, struct sd_error *err)
{
	static const char sql[] = "SELECT outcome, why, assumed, sum(n)"
	    " FROM stats_qconv WHERE" QDAY_SCOPE " GROUP BY 1, 2, 3";
	sqlite3_stmt	*s;
	long long	 n;
	int		 r, o, w;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_days(s, from, to, key_id);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		o = sqlite3_column_int(s, 0);
		w = sqlite3_column_int(s, 1);
		n = sqlite3_column_int64(s, 3);
		if (o < 0 || o > 2 || w < 0 || w >= QR_N)
			continue;
		p->convs += n;
		p->c[o] += n;
		p->why[w] += n;
		p->assumed += sqlite3_column_int(s, 2) ? n : 0;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "read the conversations' outcomes");
	return SD_OK;
}

/* Turn r's outcome count (as o) moved by delta in every group. */
static void
outcome_move(struct analytics_qparts *p, const struct analytics_qrow *r,
    int o, long long delta, struct names *nm)
{
	int	 d;

	p->all.outcome[o] += delta;
	group_find(p, QD_ALL, r->day, nm)->outcome[o] += delta;
	for (d = QD_INTENT; d < QD_NDIM; d++)
		group_find(p, d, analytics_qdim_key(r,
		    (enum analytics_qdim)d), nm)->outcome[o] += delta;
}

/*
 * A session cut by a bound: take out what the totals counted of its
 * conversation in the range, walk its turns in the range instead.
 */
static enum sd_rc
straddler(struct store *st, const char *sid, const char *from,
    const char *to, struct analytics_qparts *p, struct names *nm,
    struct sd_error *err)
{
	struct analytics_qrow *v = NULL;
	struct qsess	 q;
	long long	 key_id;
	size_t		 n = 0, i, a, b;
	enum sd_rc	 rc;

	if ((rc = qsess_load(st, sid, &q, err)) != SD_OK || !q.found ||
	    (rc = analytics_quality_load_session(st, sid, &v, &n, &key_id,
	    err)) != SD_OK)
		goto out;
	if (strcmp(q.first_day, from) >= 0) {
		p->convs--;
		p->c[q.outcome]--;
		p->why[q.why]--;
		p->assumed -= q.assumed;
	}
	for (a = 0; a < n && strcmp(v[a].day, from) < 0; a++)
		;
	for (b = a; b < n && strcmp(v[b].day, to) <= 0; b++)
		outcome_move(p, &v[b], q.outcome, -1, nm);
	if (a == b)
		goto out;
	analytics_qrows_walk(v, a, b);
	for (i = a; i < b; i++)
		outcome_move(p, &v[i], v[i].outcome, 1, nm);
	p->convs++;
	p->c[v[a].outcome]++;
	p->why[v[a].why]++;
	p->assumed += v[a].assumed;
out:
	analytics_qrows_release(v, n);
	return rc;
}

static enum sd_rc
straddlers(struct store *st, const char *from, const char *to,
    long long key_id, struct analytics_qparts *p, struct names *nm,
    struct sd_error *err)
{
	static const char sql[] = "SELECT session_id FROM stats_qsession"
	    " WHERE first_day < last_day AND last_day >= ?1"
	    " AND first_day <= ?2 AND (first_day < ?1 OR last_day > ?2)"
	    " AND (?3 = 0 OR key_id = ?3)";
	sqlite3_stmt	*s;
	struct names	 ids = { NULL, 0 };
	size_t		 i;
	enum sd_rc	 rc = SD_OK;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_days(s, from, to, key_id);
	while ((r = sqlite3_step(s)) == SQLITE_ROW)
		name_keep(&ids, (const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_DONE)
		rc = store_fail(st, err, "read the sessions across days");
	for (i = 0; i < ids.n && rc == SD_OK; i++)
		rc = straddler(st, ids.v[i], from, to, p, nm, err);
	for (i = 0; i < ids.n; i++)
		free(ids.v[i]);
	free(ids.v);
	return rc;
}

/*
 * The turns stats_qfail keeps in the range, but for the sessions a
 * bound cuts (walked again from their turns), as the reports need them.
 */
static enum sd_rc
kept_failing(struct store *st, const char *from, const char *to,
    long long key_id, struct analytics_qrow **out, size_t *nout,
    struct sd_error *err)
{
	static const char sql[] = "SELECT session_id, user_msg_id, day,"
	    " intent, terms, text, bits FROM stats_qfail"
	    " WHERE day >= ?1 AND day <= ?2 AND (?3 = 0 OR key_id = ?3)"
	    " AND session_id NOT IN (SELECT session_id FROM stats_qsession"
	    " WHERE first_day < last_day AND (first_day < ?1"
	    " OR last_day > ?2)) ORDER BY session_id, user_msg_id";
	struct analytics_qrow *v = NULL, *q;
	sqlite3_stmt	*s;
	size_t		 n = 0, cap = 0;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_days(s, from, to, key_id);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			v = xrealloc(v, cap * sizeof *v);
		}
		q = &v[n++];
		memset(q, 0, sizeof *q);
		q->session_id = xstrdup((const char *)sqlite3_column_text(s,
		    0));
		q->user_msg_id = sqlite3_column_int64(s, 1);
		q->day = xstrdup((const char *)sqlite3_column_text(s, 2));
		q->intent = xstrdup((const char *)sqlite3_column_text(s, 3));
		q->terms = xstrdup((const char *)sqlite3_column_text(s, 4));
		q->text = xstrdup((const char *)sqlite3_column_text(s, 5));
		q->bits = (unsigned)sqlite3_column_int(s, 6);
		q->kept = 1;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	*out = v;
	*nout = n;
	if (r != SQLITE_DONE)
		return store_fail(st, err, "read the failing turns");
	return SD_OK;
}

static int
row_before(const struct analytics_qrow *a, const struct analytics_qrow *b)
{
	int	 c = strcmp(a->session_id, b->session_id);

	return c < 0 || (c == 0 && a->user_msg_id < b->user_msg_id);
}

/* Both lists, in the order the walk over the turns gives. */
static enum sd_rc
failing_turns(struct store *st, const struct analytics_range *rg,
    const char *from, const char *to, struct analytics_qrow **out,
    size_t *n, struct sd_error *err)
{
	struct analytics_qrow *a = NULL, *b = NULL, *v;
	size_t		 na = 0, nb = 0, i = 0, j = 0, k = 0;
	enum sd_rc	 rc;

	*out = NULL;
	*n = 0;
	if ((rc = kept_failing(st, from, to, rg->key_id, &a, &na, err)) !=
	    SD_OK || (rc = analytics_quality_load_cut(st, rg, from, to, &b,
	    &nb, err)) != SD_OK) {
		analytics_qrows_release(a, na);
		analytics_qrows_release(b, nb);
		return rc;
	}
	v = xcalloc(na + nb + 1, sizeof *v);
	while (i < na || j < nb)
		v[k++] = j == nb || (i < na && row_before(&a[i], &b[j])) ?
		    a[i++] : b[j++];
	free(a);
	free(b);
	*out = v;
	*n = k;
	return SD_OK;
}

enum sd_rc
analytics_qtotals_emit(struct store *st, const struct analytics_range *rg,
    cJSON *o, struct sd_error *err)
{
	struct analytics_qparts p;
	struct analytics_qrow *fv = NULL;
	struct names	 nm = { NULL, 0 };
	char		 from[11], to[11];
	size_t		 fn = 0, i;
	int		 d;
	enum sd_rc	 rc;

	memset(&p, 0, sizeof p);
	snprintf(from, sizeof from, "%.10s", rg->from != NULL ? rg->from : "");
	snprintf(to, sizeof to, "%.10s", rg->to != NULL ? rg->to : "~");
	if ((rc = read_convs(st, from, to, rg->key_id, &p, err)) == SD_OK &&
	    (rc = read_groups(st, from, to, rg->key_id, &p, &nm, err)) ==
	    SD_OK &&
	    (rc = straddlers(st, from, to, rg->key_id, &p, &nm, err)) ==
	    SD_OK &&
	    (rc = failing_turns(st, rg, from, to, &fv, &fn, err)) == SD_OK)
		analytics_quality_build(o, &p, fv, fn);
	analytics_qrows_release(fv, fn);
	for (d = 0; d < QD_NDIM; d++)
		free(p.g[d]);
	for (i = 0; i < nm.n; i++)
		free(nm.v[i]);
	free(nm.v);
	return rc;
}
