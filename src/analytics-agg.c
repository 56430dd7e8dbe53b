/*
 * analytics-agg.c owns the analytics' running totals (the stats_*
 * tables of the history file): it adds each stored turn, status change
 * and rating to them, in the transaction that stores it, and computes
 * the analytics from them.
 *
 * Walking every message of the range took 0.28 s at 177,000 messages,
 * on a request worker, and four calls at once took other tenants' turns
 * from 1-9 ms to 0.4-0.6 s.  The totals are kept per key (the scope of
 * a call) and per day: a call over whole days reads a row per key and
 * day, one per distinct latency (percentiles must stay exact), and one
 * per intent and per failing line.  A turn pays five small writes.
 *
 * Figures that are not sums of days are kept per session:
 * stats_session holds where the session's conversation walk stands, and
 * the conversation counts of stats_day are by the day of the session's
 * first message.  A session whose messages span days cut by a bound of
 * the range (rare: a conversation across midnight) is walked again over
 * its messages in the range.  A failing line is counted on the day of
 * the first thing that made it fail (its fallback, or its reply's first
 * low rating), where the walk over the messages counts it once in any
 * range holding one of them: the two differ only for a range that holds
 * a later low rating and not the first.  Days are those of created_at,
 * which only grows.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "analytics.h"
#include "analytics-int.h"
#include "store.h"

/* The days of a range: "" and "~" sort before and after every day. */
struct days {
	char	 from[11];
	char	 to[11];
};

static void
range_days(const struct analytics_range *rg, struct days *d)
{
	snprintf(d->from, sizeof d->from, "%.10s", rg->from != NULL ?
	    rg->from : "");
	snprintf(d->to, sizeof d->to, "%.10s", rg->to != NULL ? rg->to : "~");
}

/* ?1, ?2 the days, ?3 the key (0: all). */
#define DAY_SCOPE	" (?3 = 0 OR key_id = ?3) AND day >= ?1 AND day <= ?2"

static void
bind_days(sqlite3_stmt *s, const struct days *d, long long key_id)
{
	sqlite3_bind_text(s, 1, d->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, d->to, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, key_id);
}

static const char *
col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

enum sd_rc
analytics_step(struct store *st, sqlite3_stmt *s, const char *what,
    struct sd_error *err)
{
	int	 r = sqlite3_step(s);

	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_DONE && r != SQLITE_ROW)
		return store_fail(st, err, what);
	return SD_OK;
}

int
analytics_sess_escalated(const struct analytics_sess *ss)
{
	return ss->c.escalated || ss->status_esc;
}

int
analytics_sess_resolved(const struct analytics_sess *ss)
{
	return !ss->status_esc && analytics_conv_resolved(&ss->c);
}

/* Add counts to stats_day (key, day); deltas may be negative. */
enum sd_rc
analytics_day_add(struct store *st, long long key_id, const char *day,
    const long long v[7], struct sd_error *err)
{
	static const char sql[] = "INSERT INTO stats_day(key_id, day,"
	    " sessions, turns, replies, fallbacks, convs, resolved, escalated)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
	    " ON CONFLICT (key_id, day) DO UPDATE SET"
	    " sessions = sessions + excluded.sessions,"
	    " turns = turns + excluded.turns,"
	    " replies = replies + excluded.replies,"
	    " fallbacks = fallbacks + excluded.fallbacks,"
	    " convs = convs + excluded.convs,"
	    " resolved = resolved + excluded.resolved,"
	    " escalated = escalated + excluded.escalated";
	sqlite3_stmt	*s;
	int		 i;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, key_id);
	sqlite3_bind_text(s, 2, day, -1, SQLITE_STATIC);
	for (i = 0; i < 7; i++)
		sqlite3_bind_int64(s, 3 + i, v[i]);
	return analytics_step(st, s, "add to the daily totals", err);
}

/* The fact-check's counts of the replies among v[0..n) (the row exists). */
static enum sd_rc
fc_add(struct store *st, long long key_id, const char *day,
    const struct analytics_line *v, size_t n, struct sd_error *err)
{
	static const char sql[] = "UPDATE stats_day SET"
	    " checked = checked + ?3, claims = claims + ?4,"
	    " backed = backed + ?5, fill_bugs = fill_bugs + ?6"
	    " WHERE key_id = ?1 AND day = ?2";
	sqlite3_stmt	*s;
	long long	 c[4] = { 0, 0, 0, 0 };
	size_t		 i;
	int		 k;

	for (i = 0; i < n; i++) {
		c[0] += v[i].checked;
		c[1] += v[i].claims;
		c[2] += v[i].backed;
		c[3] += v[i].fill_bug;
	}
	if (c[0] == 0)
		return SD_OK;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, key_id);
	sqlite3_bind_text(s, 2, day, -1, SQLITE_STATIC);
	for (k = 0; k < 4; k++)
		sqlite3_bind_int64(s, 3 + k, c[k]);
	return analytics_step(st, s, "add the fact-check's counts", err);
}

enum sd_rc
analytics_sess_save(struct store *st, const char *sid,
    const struct analytics_sess *ss, struct sd_error *err)
{
	static const char sql[] = "INSERT INTO stats_session(session_id,"
	    " key_id, first_day, last_day, state, escalated, status_escalated)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	    " ON CONFLICT (session_id) DO UPDATE SET"
	    " last_day = excluded.last_day, state = excluded.state,"
	    " escalated = excluded.escalated,"
	    " status_escalated = excluded.status_escalated";
	sqlite3_stmt	*s;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, ss->key_id);
	sqlite3_bind_text(s, 3, ss->first_day, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, ss->last_day, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 5, (int)ss->c.state);
	sqlite3_bind_int(s, 6, ss->c.escalated);
	sqlite3_bind_int(s, 7, ss->status_esc);
	return analytics_step(st, s, "save the session's totals", err);
}

/* *found is 0 when the session has no line in the totals yet. */
static enum sd_rc
sess_load(struct store *st, const char *sid, struct analytics_sess *ss,
    int *found, struct sd_error *err)
{
	static const char sql[] = "SELECT key_id, first_day, last_day, state,"
	    " escalated, status_escalated FROM stats_session"
	    " WHERE session_id = ?1";
	sqlite3_stmt	*s;
	int		 r;

	memset(ss, 0, sizeof *ss);
	*found = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(s)) == SQLITE_ROW) {
		*found = 1;
		ss->key_id = sqlite3_column_int64(s, 0);
		snprintf(ss->first_day, sizeof ss->first_day, "%s",
		    col_text(s, 1));
		snprintf(ss->last_day, sizeof ss->last_day, "%s",
		    col_text(s, 2));
		ss->c.state = (enum conv_state)sqlite3_column_int(s, 3);
		ss->c.escalated = sqlite3_column_int(s, 4);
		ss->status_esc = sqlite3_column_int(s, 5);
	}
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return store_fail(st, err, "read the session's totals");
	return SD_OK;
}

/* A session's first line: its key and status from the tables. */
static enum sd_rc
sess_new(struct store *st, const char *sid, const char *day,
    struct analytics_sess *ss, struct sd_error *err)
{
	static const char sql[] = "SELECT coalesce((SELECT key_id FROM"
	    " api_sessions WHERE session_id = ?1), 0),"
	    " (SELECT status FROM sessions WHERE id = ?1)";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(s)) == SQLITE_ROW) {
		ss->key_id = sqlite3_column_int64(s, 0);
		ss->status_esc = analytics_status_escalated(col_text(s, 1));
	}
	sqlite3_reset(s);
	if (r != SQLITE_ROW)
		return store_fail(st, err, "read the session's key");
	snprintf(ss->first_day, sizeof ss->first_day, "%s", day);
	snprintf(ss->last_day, sizeof ss->last_day, "%s", day);
	ss->c.state = CONV_NONE;
	ss->c.escalated = 0;
	return SD_OK;
}

/* Count one (intent) or (latency) or (intent, text) on a day. */
static enum sd_rc
count_one(struct store *st, const char *sql, long long key_id,
    const char *day, const char *a, long long b, const char *what,
    struct sd_error *err)
{
	sqlite3_stmt	*s;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, key_id);
	sqlite3_bind_text(s, 2, day, -1, SQLITE_STATIC);
	if (a != NULL)
		sqlite3_bind_text(s, 3, a, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(s, 3, b);
	return analytics_step(st, s, what, err);
}

static const char up_intent[] = "INSERT INTO stats_intent(key_id, day,"
    " intent, n) VALUES (?1, ?2, ?3, 1)"
    " ON CONFLICT (key_id, day, intent) DO UPDATE SET n = n + 1";
static const char up_latency[] = "INSERT INTO stats_latency(key_id, day,"
    " latency_us, n) VALUES (?1, ?2, ?3, 1)"
    " ON CONFLICT (key_id, day, latency_us) DO UPDATE SET n = n + 1";

/* A failing customer line: grouped by intent and its text as walked. */
static enum sd_rc
count_failing(struct store *st, long long key_id, const char *day,
    const char *intent, const char *text, struct sd_error *err)
{
	static const char sql[] = "INSERT INTO stats_failing(key_id, day,"
	    " intent, text, n) VALUES (?1, ?2, ?3, lower(trim(?4)), 1)"
	    " ON CONFLICT (key_id, day, intent, text) DO UPDATE SET n = n + 1";
	sqlite3_stmt	*s;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, key_id);
	sqlite3_bind_text(s, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, intent != NULL ? intent : "none", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(s, 4, text != NULL ? text : "", -1, SQLITE_STATIC);
	return analytics_step(st, s, "count a failing line", err);
}

/*
 * The line before a failed reply v[i], from v or, for the first line
 * of v, from the table: a customer line counts as failing.
 */
static enum sd_rc
fold_failed(struct store *st, const char *sid, const struct analytics_sess *ss,
    const char *day, const struct analytics_line *v, size_t n, size_t i,
    struct sd_error *err)
{
	static const char sql[] = "SELECT role, intent, text FROM messages"
	    " WHERE session_id = ?1 ORDER BY seq DESC LIMIT 1 OFFSET ?2";
	sqlite3_stmt	*s;
	enum sd_rc	 rc = SD_OK;
	int		 r;

	if (i > 0) {
		if (strcmp(v[i - 1].role, "user") != 0)
			return SD_OK;
		return count_failing(st, ss->key_id, day, v[i - 1].intent,
		    v[i - 1].text, err);
	}
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (long long)n);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW && strcmp(col_text(s, 0), "user") == 0)
		rc = count_failing(st, ss->key_id, day, col_text(s, 1),
		    col_text(s, 2), err);
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return store_fail(st, err, "read the line before a reply");
	return rc;
}

/*
 * The session's conversation counts moved from (res0, esc0) to its
 * current ones: on the day of its first line.  d[] is today's row.
 */
static enum sd_rc
move_conv(struct store *st, const struct analytics_sess *ss, const char *day,
    int res0, int esc0, long long d[7], struct sd_error *err)
{
	long long	 v[7] = { 0, 0, 0, 0, 0, 0, 0 };
	long long	 dres = analytics_sess_resolved(ss) - res0;
	long long	 desc = analytics_sess_escalated(ss) - esc0;

	if (dres == 0 && desc == 0)
		return SD_OK;
	if (day != NULL && strcmp(day, ss->first_day) == 0) {
		d[5] += dres;
		d[6] += desc;
		return SD_OK;
	}
	v[5] = dres;
	v[6] = desc;
	return analytics_day_add(st, ss->key_id, ss->first_day, v, err);
}

enum sd_rc
analytics_fold(struct store *st, const char *sid, const char *created_at,
    const struct analytics_line *v, size_t n, const char *status,
    struct sd_error *err)
{
	/* sessions, turns, replies, fallbacks, convs, resolved, escalated */
	long long	 d[7] = { 0, 0, 0, 0, 0, 0, 0 };
	struct analytics_sess	 ss, was;
	char		 day[11];
	size_t		 i;
	int		 found, res0 = 0, esc0 = 0;
	enum sd_rc	 rc;

	snprintf(day, sizeof day, "%.10s", created_at);
	if ((rc = sess_load(st, sid, &ss, &found, err)) != SD_OK)
		return rc;
	was = ss;
	if (!found) {
		if ((rc = sess_new(st, sid, day, &ss, err)) != SD_OK)
			return rc;
		d[0] = d[4] = 1;
	} else {
		res0 = analytics_sess_resolved(&ss);
		esc0 = analytics_sess_escalated(&ss);
		if (strcmp(ss.last_day, day) != 0) {
			d[0] = 1;
			snprintf(ss.last_day, sizeof ss.last_day, "%s", day);
		}
	}
	for (i = 0; i < n; i++) {
		analytics_conv_step(&ss.c, v[i].role, v[i].action,
		    v[i].intent);
		if (strcmp(v[i].role, "user") == 0) {
			d[1]++;
			rc = count_one(st, up_intent, ss.key_id, day,
			    v[i].intent != NULL ? v[i].intent : "none", 0,
			    "count an intent", err);
		} else if (strcmp(v[i].role, "bot") == 0) {
			d[2]++;
			if (v[i].action != NULL &&
			    strcmp(v[i].action, "fallback") == 0)
				d[3]++;
			if (v[i].latency_us >= 0)
				rc = count_one(st, up_latency, ss.key_id, day,
				    NULL, v[i].latency_us, "count a latency",
				    err);
			if (rc == SD_OK && analytics_action_failed(v[i].action))
				rc = fold_failed(st, sid, &ss, day, v, n, i,
				    err);
		}
		if (rc != SD_OK)
			return rc;
	}
	if (status != NULL)
		ss.status_esc = analytics_status_escalated(status);
	if (found)
		rc = move_conv(st, &ss, day, res0, esc0, d, err);
	else {
		d[5] = analytics_sess_resolved(&ss);
		d[6] = analytics_sess_escalated(&ss);
	}
	if (rc != SD_OK ||
	    (rc = analytics_day_add(st, ss.key_id, day, d, err)) != SD_OK ||
	    (rc = fc_add(st, ss.key_id, day, v, n, err)) != SD_OK)
		return rc;
	/* Most turns leave the walk where it was: spare that page. */
	for (i = 0; i < n && rc == SD_OK; i++)
		if (strcmp(v[i].role, "agent") == 0) {
			/* An agent line ends the quality walk's resolution. */
			rc = analytics_qfold(st, sid, 0, 0, 0, err);
			break;
		}
	if (rc != SD_OK || (found && strcmp(was.last_day, ss.last_day) == 0 &&
	    was.c.state == ss.c.state && was.c.escalated == ss.c.escalated &&
	    was.status_esc == ss.status_esc))
		return rc;
	return analytics_sess_save(st, sid, &ss, err);
}

enum sd_rc
analytics_fold_status(struct store *st, const char *sid, const char *status,
    struct sd_error *err)
{
	long long	 d[7] = { 0, 0, 0, 0, 0, 0, 0 };
	struct analytics_sess	 ss;
	int		 found, res0, esc0, was;
	enum sd_rc	 rc;

	if ((rc = sess_load(st, sid, &ss, &found, err)) != SD_OK || !found)
		return rc;	/* no line yet: the first one reads it */
	res0 = analytics_sess_resolved(&ss);
	esc0 = analytics_sess_escalated(&ss);
	was = ss.status_esc;
	if ((ss.status_esc = analytics_status_escalated(status)) == was)
		return SD_OK;
	if ((rc = move_conv(st, &ss, NULL, res0, esc0, d, err)) != SD_OK ||
	    (rc = analytics_qfold(st, sid, 0, 0, 0, err)) != SD_OK)
		return rc;
	return analytics_sess_save(st, sid, &ss, err);
}

enum sd_rc
analytics_fold_rating(struct store *st, long long message_id, int rating,
    const char *created_at, struct sd_error *err)
{
	static const char get[] = "SELECT coalesce((SELECT key_id FROM"
	    " api_sessions WHERE session_id = b.session_id), 0),"
	    " b.role, b.action, u.role, u.intent, u.text,"
	    " (SELECT count(*) FROM feedback WHERE message_id = b.id"
	    "  AND rating <= 2)"
	    " FROM messages b LEFT JOIN messages u"
	    " ON u.session_id = b.session_id AND u.seq = b.seq - 1"
	    " WHERE b.id = ?1";
	static const char add[] = "INSERT INTO stats_day(key_id, day,"
	    " ratings, rating_sum, rating_pos) VALUES (?1, ?2, 1, ?3, ?4)"
	    " ON CONFLICT (key_id, day) DO UPDATE SET"
	    " ratings = ratings + 1,"
	    " rating_sum = rating_sum + excluded.rating_sum,"
	    " rating_pos = rating_pos + excluded.rating_pos";
	sqlite3_stmt	*s;
	char		 day[11];
	char		*intent = NULL, *text = NULL;
	long long	 key_id = 0;
	int		 r, fails = 0;
	enum sd_rc	 rc;

	snprintf(day, sizeof day, "%.10s", created_at);
	if ((s = store_prepare(st, get, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, message_id);
	if ((r = sqlite3_step(s)) == SQLITE_ROW) {
		key_id = sqlite3_column_int64(s, 0);
		/*
		 * The customer line fails now unless it did already: its
		 * reply was a fallback, or was rated low before (this
		 * rating is stored, so it counts itself).
		 */
		fails = rating <= 2 && col_text(s, 3) != NULL &&
		    strcmp(col_text(s, 3), "user") == 0 &&
		    !(strcmp(col_text(s, 1), "bot") == 0 &&
		    analytics_action_failed(col_text(s, 2))) &&
		    sqlite3_column_int64(s, 6) == 1;
		if (fails) {
			intent = xstrdup(col_text(s, 4) != NULL ?
			    col_text(s, 4) : "none");
			text = xstrdup(col_text(s, 5));
		}
	}
	sqlite3_reset(s);
	if (r != SQLITE_ROW) {
		rc = r == SQLITE_DONE ? sd_fail(err, SD_ERR_NOTFOUND,
		    "no message %lld", message_id) :
		    store_fail(st, err, "read the rated message");
		goto out;
	}
	if ((s = store_prepare(st, add, err)) == NULL) {
		rc = SD_ERR_DB;
		goto out;
	}
	sqlite3_bind_int64(s, 1, key_id);
	sqlite3_bind_text(s, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, rating);
	sqlite3_bind_int(s, 4, rating >= 4);
	if ((rc = analytics_step(st, s, "count a rating", err)) == SD_OK &&
	    fails)
		rc = count_failing(st, key_id, day, intent, text, err);
out:
	free(intent);
	free(text);
	return rc;
}

/* Compute */

/*
 * A session that has lines on both sides of a bound of the range: take
 * out what the totals counted of it (on its first day, when that is in
 * the range) and walk its lines in the range instead.
 */
static enum sd_rc
straddler(struct store *st, const struct analytics_range *rg,
    const struct days *d, sqlite3_stmt *row, struct analytics_totals *t,
    struct sd_error *err)
{
	static const char sql[] = "SELECT m.role, m.action, m.intent, s.status"
	    " FROM messages m JOIN sessions s ON s.id = m.session_id"
	    " WHERE m.session_id = ?1 AND m.created_at >= ?2"
	    " AND m.created_at <= ?3 ORDER BY m.seq";
	struct analytics_sess	 ss;
	sqlite3_stmt	*s;
	int		 r, any = 0;

	memset(&ss, 0, sizeof ss);
	ss.c.state = (enum conv_state)sqlite3_column_int(row, 2);
	ss.c.escalated = sqlite3_column_int(row, 3);
	ss.status_esc = sqlite3_column_int(row, 4);
	if (strcmp(col_text(row, 1), d->from) >= 0) {
		t->convs--;
		t->resolved -= analytics_sess_resolved(&ss);
		t->escalated -= analytics_sess_escalated(&ss);
	}
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, col_text(row, 0), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, rg->from != NULL ? rg->from : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(s, 3, rg->to != NULL ? rg->to : "~", -1,
	    SQLITE_STATIC);
	memset(&ss.c, 0, sizeof ss.c);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (!any)
			ss.c.escalated = analytics_status_escalated(
			    col_text(s, 3));
		any = 1;
		analytics_conv_step(&ss.c, col_text(s, 0), col_text(s, 1),
		    col_text(s, 2));
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "read a session's messages");
	if (any) {
		t->convs++;
		t->resolved += analytics_conv_resolved(&ss.c);
		t->escalated += ss.c.escalated;
	}
	return SD_OK;
}

/* The fact-check's sums over the days. */
static enum sd_rc
fc_totals(struct store *st, const struct analytics_range *rg,
    const struct days *d, cJSON *o, struct sd_error *err)
{
	static const char sql[] = "SELECT coalesce(sum(checked), 0),"
	    " coalesce(sum(claims), 0), coalesce(sum(backed), 0),"
	    " coalesce(sum(fill_bugs), 0) FROM stats_day WHERE" DAY_SCOPE;
	sqlite3_stmt	*s;
	long long	 v[4] = { 0, 0, 0, 0 };
	int		 i, r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_days(s, d, rg->key_id);
	if ((r = sqlite3_step(s)) == SQLITE_ROW)
		for (i = 0; i < 4; i++)
			v[i] = sqlite3_column_int64(s, i);
	sqlite3_reset(s);
	if (r != SQLITE_ROW)
		return store_fail(st, err, "read the fact-check's totals");
	analytics_emit_factcheck(o, v);
	return SD_OK;
}

static enum sd_rc
totals(struct store *st, const struct analytics_range *rg,
    const struct days *d, struct analytics_totals *t, long long rt[3],
    struct sd_error *err)
{
	static const char sql[] = "SELECT coalesce(sum(turns), 0),"
	    " coalesce(sum(replies), 0), coalesce(sum(fallbacks), 0),"
	    " coalesce(sum(convs), 0), coalesce(sum(resolved), 0),"
	    " coalesce(sum(escalated), 0), coalesce(sum(ratings), 0),"
	    " coalesce(sum(rating_sum), 0), coalesce(sum(rating_pos), 0)"
	    " FROM stats_day WHERE" DAY_SCOPE;
	/* The multi-day sessions cut by a bound: see stats_session_span. */
	static const char cut[] = "SELECT session_id, first_day, state,"
	    " escalated, status_escalated FROM stats_session"
	    " WHERE first_day < last_day AND last_day >= ?1"
	    " AND first_day <= ?2 AND (first_day < ?1 OR last_day > ?2)"
	    " AND (?3 = 0 OR key_id = ?3)";
	sqlite3_stmt	*s;
	enum sd_rc	 rc = SD_OK;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_days(s, d, rg->key_id);
	if ((r = sqlite3_step(s)) == SQLITE_ROW) {
		t->turns = sqlite3_column_int64(s, 0);
		t->replies = sqlite3_column_int64(s, 1);
		t->fallbacks = sqlite3_column_int64(s, 2);
		t->convs = sqlite3_column_int64(s, 3);
		t->resolved = sqlite3_column_int64(s, 4);
		t->escalated = sqlite3_column_int64(s, 5);
		rt[0] = sqlite3_column_int64(s, 6);
		rt[1] = sqlite3_column_int64(s, 7);
		rt[2] = sqlite3_column_int64(s, 8);
	}
	sqlite3_reset(s);
	if (r != SQLITE_ROW)
		return store_fail(st, err, "read the daily totals");
	if ((s = store_prepare(st, cut, err)) == NULL)
		return SD_ERR_DB;
	bind_days(s, d, rg->key_id);
	while (rc == SD_OK && (r = sqlite3_step(s)) == SQLITE_ROW)
		rc = straddler(st, rg, d, s, t, err);
	sqlite3_reset(s);
	if (rc == SD_OK && r != SQLITE_DONE)
		rc = store_fail(st, err, "read the sessions across days");
	return rc;
}

/* Nearest-rank percentiles over (latency, count) rows in order. */
static enum sd_rc
latency(struct store *st, const struct analytics_range *rg,
    const struct days *d, struct analytics_latency *lt, struct sd_error *err)
{
	static const char sql[] = "SELECT latency_us, sum(n) FROM stats_latency"
	    " WHERE" DAY_SCOPE " GROUP BY latency_us ORDER BY latency_us";
	static const double pct[3] = { 50, 95, 99 };
	long long	*p[3] = { &lt->p50, &lt->p95, &lt->p99 };
	long long	 (*v)[2] = NULL, k, cum = 0;
	size_t		 n = 0, cap = 0, i, j;
	sqlite3_stmt	*s;
	int		 r;

	memset(lt, 0, sizeof *lt);
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_days(s, d, rg->key_id);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[n][0] = sqlite3_column_int64(s, 0);
		v[n][1] = sqlite3_column_int64(s, 1);
		lt->n += v[n][1];
		n++;
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		free(v);
		return store_fail(st, err, "read latencies");
	}
	for (j = 0, i = 0; j < 3 && n > 0; j++) {
		k = (long long)ceil(pct[j] / 100.0 * (double)lt->n);
		if (k < 1)
			k = 1;
		while (i < n && cum + v[i][1] < k)
			cum += v[i++][1];
		*p[j] = v[i][0];
	}
	if (n > 0)
		lt->max = v[n - 1][0];
	free(v);
	return SD_OK;
}

static enum sd_rc
emit_rows(struct store *st, const char *sql, const struct days *d,
    long long key_id, cJSON *o,
    enum sd_rc (*emit)(struct store *, sqlite3_stmt *, cJSON *,
    struct sd_error *), struct sd_error *err)
{
	sqlite3_stmt	*s;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_days(s, d, key_id);
	return emit(st, s, o, err);
}

static const char intents_sql[] = "SELECT intent, sum(n) FROM stats_intent"
    " WHERE" DAY_SCOPE " GROUP BY intent ORDER BY 2 DESC, 1";
static const char failing_sql[] = "SELECT intent, text, sum(n) AS c"
    " FROM stats_failing WHERE" DAY_SCOPE
    " GROUP BY intent, text ORDER BY 1, c DESC, 2";
/* A day with lines has sessions; one with ratings only does not. */
static const char daily_sql[] = "SELECT day, sum(sessions), sum(turns)"
    " FROM stats_day WHERE" DAY_SCOPE " AND sessions > 0"
    " GROUP BY day ORDER BY day";

enum sd_rc
analytics_agg_compute(struct store *st, const struct analytics_range *rg,
    cJSON *o, struct sd_error *err)
{
	struct analytics_totals t;
	struct analytics_latency lt;
	struct days	 d;
	long long	 rt[3] = { 0, 0, 0 };
	enum sd_rc	 rc;

	memset(&t, 0, sizeof t);
	range_days(rg, &d);
	if ((rc = analytics_ensure_built(st, err)) != SD_OK)
		return rc;
	/* One read transaction: every figure sees the same snapshot. */
	if ((rc = store_exec(st, "BEGIN", err)) != SD_OK)
		return rc;
	if ((rc = totals(st, rg, &d, &t, rt, err)) != SD_OK ||
	    (rc = latency(st, rg, &d, &lt, err)) != SD_OK)
		goto out;
	analytics_emit_totals(o, &t, &lt);
	analytics_emit_satisfaction(o, rt[0], rt[0] > 0 ? (double)rt[1] /
	    (double)rt[0] : 0, rt[2]);
	if ((rc = emit_rows(st, intents_sql, &d, rg->key_id, o,
	    analytics_emit_intents, err)) == SD_OK &&
	    (rc = emit_rows(st, failing_sql, &d, rg->key_id, o,
	    analytics_emit_failing, err)) == SD_OK)
		rc = emit_rows(st, daily_sql, &d, rg->key_id, o,
		    analytics_emit_daily, err);
	if (rc == SD_OK)
		rc = fc_totals(st, rg, &d, o, err);
	if (rc == SD_OK)
		rc = analytics_qtotals_emit(st, rg, o, err);
out:
	store_rollback(st);
	return rc;
}
