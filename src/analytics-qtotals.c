/*
 * analytics-qtotals.c owns the quality figures' running totals (tables
 * stats_quality, stats_qconv, stats_qsession and stats_qfail of the
 * history file): it adds each turn saved and each rating to them, in
 * the transaction that stores it, and moves a conversation's turns
 * between outcomes when its outcome changes; analytics-qread.c computes
 * the "quality" object from them.
 *
 * Reading the turns of the range took 0.10-0.12 s of CPU at 25,000
 * turns (bench/gen-history, 10,000 sessions), six times what the other
 * figures' totals cost; from these totals "stats --json" takes 0.02-0.03
 * s.  A turn's save pays for it: about 60 us more CPU (gen-history: 142
 * us a turn before, 200 after) and a few more pages written.  The
 * totals keep, per key, day, dimension and value, the sums of the
 * measures and the turns by their conversation's outcome; per key and
 * day the conversations by outcome, reason and "assumed", on the day of
 * their first turn.  An outcome depends on the turns after it, a rating
 * or an escalation.  A new turn steps on from the walk stats_qsession
 * keeps (fold_turn); a rating, an agent line or an escalation walks the
 * session's turns again.  When the outcome moved, the session's turns
 * move between outcomes.  stats_qfail keeps the turns in the failure
 * and gap reports, and why.  Relevance sums are kept in units of 1e-9
 * so that any order of additions gives the same sum the walk gives.
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

#define NQ		ANALYTICS_NQ
#define Q_RATINGS	6
#define Q_OUTCOME	9	/* u, r, n: by enum quality_outcome */

#define Q_COLS "turns, replies, rel_n, rel_sum, claims, backed, ratings," \
	" rating_sum, rating_pos, u, r, n, frustrated, angry, urgent"
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

const char *
analytics_names_keep(struct analytics_names *nm, const char *s)
{
	nm->v = xrealloc(nm->v, (nm->n + 1) * sizeof *nm->v);
	return nm->v[nm->n++] = xstrdup(s != NULL ? s : "");
}

void
analytics_names_free(struct analytics_names *nm)
{
	size_t	 i;

	for (i = 0; i < nm->n; i++)
		free(nm->v[i]);
	free(nm->v);
	nm->v = NULL;
	nm->n = 0;
}

/*
 * Add v to the row (key, day, d, its value for r) of every dimension
 * but the whole: every turn has an intent ("none" at least), so the
 * intent rows of a day sum to the day's.  Most turns add to a row that
 * is there already: an update, and an insert only when it touched
 * nothing, where an upsert probed the key for its insert first and
 * sought it again to update.
 */
static enum sd_rc
q_add_one(struct store *st, long long key_id, const char *day, int d,
    const char *name, const long long v[NQ], struct sd_error *err)
{
	static const char upd[] = "UPDATE stats_quality SET"
	    " turns = turns + ?5, replies = replies + ?6,"
	    " rel_n = rel_n + ?7, rel_sum = rel_sum + ?8,"
	    " claims = claims + ?9, backed = backed + ?10,"
	    " ratings = ratings + ?11, rating_sum = rating_sum + ?12,"
	    " rating_pos = rating_pos + ?13, u = u + ?14, r = r + ?15,"
	    " n = n + ?16, frustrated = frustrated + ?17,"
	    " angry = angry + ?18, urgent = urgent + ?19"
	    " WHERE key_id = ?1 AND day = ?2 AND dim = ?3 AND name = ?4";
	static const char ins[] = "INSERT INTO stats_quality(key_id, day,"
	    " dim, name, " Q_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
	    " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)";
	const char	*sql[2] = { upd, ins };
	sqlite3_stmt	*s;
	enum sd_rc	 rc;
	int		 i, k;

	for (k = 0; k < 2; k++) {
		if ((s = store_prepare(st, sql[k], err)) == NULL)
			return SD_ERR_DB;
		sqlite3_bind_int64(s, 1, key_id);
		sqlite3_bind_text(s, 2, day, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, analytics_qdim_name(
		    (enum analytics_qdim)d), -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, name, -1, SQLITE_STATIC);
		for (i = 0; i < NQ; i++)
			sqlite3_bind_int64(s, 5 + i, v[i]);
		if ((rc = analytics_step(st, s, "add to the quality totals",
		    err)) != SD_OK || sqlite3_changes(store_db(st)) > 0)
			return rc;
	}
	return SD_OK;
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


/*
 * The walk as text, "esc state why soft soft_why escalated negative":
 * a new turn steps on from it instead of walking the session again.
 */
static void
walk_text(char *buf, size_t len, int esc, const struct quality_conv *c)
{
	snprintf(buf, len, "%d %d %d %d %d %d %d", esc, c->state,
	    (int)c->why, c->soft, (int)c->soft_why, c->escalated,
	    c->negative);
}

static int
walk_parse(const char *s, int *esc, struct quality_conv *c)
{
	int	 why, soft_why;

	memset(c, 0, sizeof *c);
	if (s == NULL || sscanf(s, "%d %d %d %d %d %d %d", esc, &c->state,
	    &why, &c->soft, &soft_why, &c->escalated, &c->negative) != 7 ||
	    why < 0 || why >= QR_N || soft_why < 0 || soft_why >= QR_N)
		return 0;
	c->why = (enum quality_reason)why;
	c->soft_why = (enum quality_reason)soft_why;
	return 1;
}

enum sd_rc
analytics_qsess_load(struct store *st, const char *sid,
    struct analytics_qsess *q,
    struct sd_error *err)
{
	static const char sql[] = "SELECT first_day, outcome, why, assumed,"
	    " last_day, walk FROM stats_qsession WHERE session_id = ?1";
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
		q->has_walk = walk_parse((const char *)sqlite3_column_text(s,
		    5), &q->esc, &q->c);
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

/*
 * The kept bits of the session's turns, or of turn id alone when it is
 * not 0: a turn saved syncs itself and the one before it, one row each,
 * and need not read all the session's failing turns.
 */
static enum sd_rc
qfail_read(struct store *st, const char *sid, long long id,
    long long (**have)[2], size_t *n, struct sd_error *err)
{
	static const char sql[] = "SELECT user_msg_id, bits FROM stats_qfail"
	    " WHERE session_id = ?1";
	static const char one[] = "SELECT user_msg_id, bits FROM stats_qfail"
	    " WHERE user_msg_id = ?1";
	sqlite3_stmt	*s;
	int		 r;

	*have = NULL;
	*n = 0;
	if ((s = store_prepare(st, id != 0 ? one : sql, err)) == NULL)
		return SD_ERR_DB;
	if (id != 0)
		sqlite3_bind_int64(s, 1, id);
	else
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

	if ((rc = qfail_read(st, v[a].session_id, b - a == 1 ?
	    v[a].user_msg_id : 0, &have, &nhave, err)) != SD_OK)
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
    const struct analytics_qsess *q, const struct quality_conv *c, int sync,
    struct sd_error *err)
{
	static const char sql[] = "INSERT INTO stats_qsession(session_id,"
	    " key_id, first_day, last_day, outcome, why, assumed, walk)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	    " ON CONFLICT (session_id) DO UPDATE SET last_day = ?4,"
	    " outcome = ?5, why = ?6, assumed = ?7, walk = ?8";
	sqlite3_stmt	*s;
	char		 walk[96], was[96];
	enum sd_rc	 rc;

	if (sync && (rc = qfail_sync(st, key_id, v, a, b, err)) != SD_OK)
		return rc;
	walk_text(walk, sizeof walk, v[a].escalated, c);
	if (q != NULL && q->found && q->has_walk) {
		walk_text(was, sizeof was, q->esc, &q->c);
		if (strcmp(q->last_day, v[b - 1].day) == 0 &&
		    q->outcome == v[a].outcome && q->why == v[a].why &&
		    q->assumed == v[a].assumed && strcmp(walk, was) == 0)
			return SD_OK;
	}
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, v[a].session_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, key_id);
	sqlite3_bind_text(s, 3, first_day, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, v[b - 1].day, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 5, v[a].outcome);
	sqlite3_bind_int(s, 6, v[a].why);
	sqlite3_bind_int(s, 7, v[a].assumed);
	sqlite3_bind_text(s, 8, walk, -1, SQLITE_TRANSIENT);
	return analytics_step(st, s, "save the session's quality state",
	    err);
}

/* What row i adds or moves (see analytics_qfold); 0 when nothing. */
static int
row_delta(const struct analytics_qrow *r, const struct analytics_qsess *q,
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

static enum sd_rc fold_turn(struct store *, const char *, long long,
		    const struct analytics_qsess *, int *, struct sd_error *);

enum sd_rc
analytics_qfold(struct store *st, const char *sid, long long new_turn,
    long long rated_reply, int rating, struct sd_error *err)
{
	struct analytics_qrow *v = NULL;
	struct pend	*p = NULL;
	struct analytics_qsess	 q;
	struct quality_conv c;
	long long	 key_id, d[NQ];
	size_t		 n = 0, np = 0, i;
	int		 k, any;
	enum sd_rc	 rc;

	if ((rc = analytics_qsess_load(st, sid, &q, err)) != SD_OK)
		return rc;
	/* A new turn steps on from the walk kept (fold_turn). */
	if (new_turn > 0 && rated_reply == 0 && q.found && q.has_walk) {
		if ((rc = fold_turn(st, sid, new_turn, &q, &k, err)) !=
		    SD_OK || k)
			return rc;
	}
	if ((rc = analytics_quality_load_session(st, sid, &v, &n, &key_id,
	    err)) != SD_OK || n == 0)
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
	if (rc == SD_OK) {
		analytics_qrows_walk_conv(v, 0, n, &c);
		rc = qsess_save(st, key_id, q.found ? q.first_day : v[0].day,
		    v, 0, n, &q, &c, 1, err);
	}
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
	struct quality_conv c;
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
		if (i + 1 == n || v[i + 1].conv_first) {
			analytics_qrows_walk_conv(v, a, i + 1, &c);
			rc = qsess_save(st, key_id, v[a].day, v, a, i + 1,
			    NULL, &c, 1, err);
		}
	}
	analytics_qrows_release(v, n);
	return rc;
}

/* Moves move[] for the turns of sid but new_turn, into the pending rows. */
static enum sd_rc
move_others(struct store *st, const char *sid, long long new_turn,
    const char *channel, const long long move[NQ], struct analytics_names *keep,
    struct pend **p, size_t *np, struct sd_error *err)
{
	static const char sql[] = "SELECT substr(created_at, 1, 10),"
	    " coalesce(intent, 'none'), variant, generator, count(*)"
	    " FROM turn_metrics WHERE session_id = ?1 AND user_msg_id <> ?2"
	    " GROUP BY 1, 2, 3, 4";
	struct analytics_qrow g;
	sqlite3_stmt	*s;
	long long	 v[NQ], cnt;
	int		 r, i;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, new_turn);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&g, 0, sizeof g);
		for (i = 0; i < 4; i++)
			analytics_names_keep(keep, (const char *)
			    sqlite3_column_text(s, i));
		g.day = keep->v[keep->n - 4];
		g.intent = keep->v[keep->n - 3];
		/* NULL, as analytics_qdim_key reads it: "none". */
		g.variant = sqlite3_column_type(s, 2) == SQLITE_NULL ? NULL :
		    keep->v[keep->n - 2];
		g.generator = sqlite3_column_type(s, 3) == SQLITE_NULL ? NULL :
		    keep->v[keep->n - 1];
		g.channel = (char *)channel;
		cnt = sqlite3_column_int64(s, 4);
		for (i = 0; i < NQ; i++)
			v[i] = move[i] * cnt;
		pend_add(p, np, &g, v);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return r == SQLITE_DONE ? SD_OK :
	    store_fail(st, err, "read a session's turns");
}

/* The turn before new_turn in its session (0: none) and its bits. */
static enum sd_rc
turn_before(struct store *st, const char *sid, long long new_turn,
    long long *prev, unsigned *bits, struct sd_error *err)
{
	static const char sql[] = "SELECT t.user_msg_id, coalesce(q.bits, 0)"
	    " FROM turn_metrics t LEFT JOIN stats_qfail q"
	    " ON q.user_msg_id = t.user_msg_id WHERE t.session_id = ?1"
	    " AND t.user_msg_id < ?2 ORDER BY t.user_msg_id DESC LIMIT 1";
	sqlite3_stmt	*s;
	int		 r;

	*prev = 0;
	*bits = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, new_turn);
	if ((r = sqlite3_step(s)) == SQLITE_ROW) {
		*prev = sqlite3_column_int64(s, 0);
		*bits = (unsigned)sqlite3_column_int(s, 1);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return r == SQLITE_ROW || r == SQLITE_DONE ? SD_OK :
	    store_fail(st, err, "read the turn before");
}

/*
 * The turn before the new one is no longer the last, and the new one
 * may ask it again: its bits in stats_qfail follow.
 */
static enum sd_rc
fold_before(struct store *st, long long key_id, const char *sid,
    const struct analytics_qrow *r, struct sd_error *err)
{
	struct analytics_qrow *pv = NULL;
	long long	 prev;
	size_t		 pn = 0;
	unsigned	 was, now;
	enum sd_rc	 rc;

	if ((rc = turn_before(st, sid, r->user_msg_id, &prev, &was, err)) !=
	    SD_OK || prev == 0)
		return rc;
	if ((now = analytics_qbits_followed(was, r->rephrase)) == was)
		return SD_OK;
	if ((rc = analytics_quality_load_turn(st, prev, &pv, &pn, err)) ==
	    SD_OK && pn == 1) {
		pv[0].kept = 1;
		pv[0].bits = now;
		rc = qfail_sync(st, key_id, pv, 0, 1, err);
	}
	analytics_qrows_release(pv, pn);
	return rc;
}

/*
 * A new turn of a session whose walk is kept: one more step, instead of
 * walking all its turns again (a long conversation would read them all
 * at each turn).  *done is 0 when the session must be walked whole: its
 * escalation changed since, or the turn is not there.
 */
static enum sd_rc
fold_turn(struct store *st, const char *sid, long long new_turn,
    const struct analytics_qsess *q, int *done, struct sd_error *err)
{
	struct analytics_qrow *v = NULL;
	struct analytics_qagg g;
	struct quality_conv c = q->c;
	struct pend	*p = NULL;
	struct analytics_names	 keep = { NULL, 0 };
	enum quality_outcome out;
	enum quality_reason why;
	long long	 key_id, d[NQ], move[NQ];
	size_t		 n = 0, np = 0, i;
	int		 assumed;
	enum sd_rc	 rc;

	*done = 0;
	if ((rc = analytics_quality_load_turn(st, new_turn, &v, &n, err)) !=
	    SD_OK || n != 1 || v[0].escalated != q->esc ||
	    (rc = key_of(st, sid, &key_id, err)) != SD_OK)
		goto out;
	*done = 1;
	analytics_qrow_step(&c, &v[0]);
	out = quality_conv_outcome(&c, &why, &assumed);
	v[0].outcome = (int)out;
	v[0].why = (int)why;
	v[0].assumed = assumed;
	memset(&g, 0, sizeof g);
	analytics_qagg_add(&g, &v[0]);
	qagg_to_v(&g, d);
	pend_add(&p, &np, &v[0], d);
	if (q->outcome != (int)out) {
		memset(move, 0, sizeof move);
		move[Q_OUTCOME + q->outcome] = -1;
		move[Q_OUTCOME + (int)out] = 1;
		rc = move_others(st, sid, new_turn, v[0].channel, move, &keep,
		    &p, &np, err);
	}
	for (i = 0; i < np && rc == SD_OK; i++)
		rc = q_add_one(st, key_id, p[i].day, p[i].dim, p[i].name,
		    p[i].v, err);
	if (rc == SD_OK && (q->outcome != (int)out || q->why != (int)why ||
	    q->assumed != assumed)) {
		if ((rc = qconv_add(st, key_id, q->first_day, q->outcome,
		    q->why, q->assumed, -1, err)) == SD_OK)
			rc = qconv_add(st, key_id, q->first_day, (int)out,
			    (int)why, assumed, 1, err);
	}
	/* Its own bits, as the last turn; then the one before it. */
	if (rc == SD_OK)
		rc = qfail_sync(st, key_id, v, 0, 1, err);
	if (rc == SD_OK)
		rc = fold_before(st, key_id, sid, &v[0], err);
	if (rc == SD_OK)
		rc = qsess_save(st, key_id, q->first_day, v, 0, 1, q, &c, 0,
		    err);
out:
	analytics_names_free(&keep);
	free(p);
	analytics_qrows_release(v, n);
	return rc;
}
