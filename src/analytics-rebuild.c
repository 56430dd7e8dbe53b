/*
 * analytics-rebuild.c: the analytics' running totals (analytics-agg.c,
 * and the quality figures' of analytics-qtotals.c) computed again from
 * the messages, turns and feedback, for a history that
 * has rows they never saw: one upgraded from before the totals, or
 * written by other means.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "analytics.h"
#include "analytics-int.h"
#include "store.h"

static const char *
col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* The conversation of each session, walked in order. */
static enum sd_rc
rebuild_sessions(struct store *st, struct sd_error *err)
{
	static const char sql[] = "SELECT m.session_id, m.role, m.action,"
	    " m.intent, substr(m.created_at, 1, 10), s.status,"
	    " coalesce(a.key_id, 0)"
	    " FROM messages m JOIN sessions s ON s.id = m.session_id"
	    " LEFT JOIN api_sessions a ON a.session_id = m.session_id"
	    " ORDER BY m.session_id, m.seq";
	long long	 conv[7] = { 0, 0, 0, 0, 1, 0, 0 };
	sqlite3_stmt	*s;
	struct analytics_sess	 ss;
	char		*cur = NULL;
	const char	*sid, *day;
	enum sd_rc	 rc = SD_OK;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	memset(&ss, 0, sizeof ss);
	while (rc == SD_OK && (r = sqlite3_step(s)) == SQLITE_ROW) {
		sid = col_text(s, 0);
		day = col_text(s, 4);
		if (cur == NULL || strcmp(cur, sid) != 0) {
			if (cur != NULL) {
				conv[5] = analytics_sess_resolved(&ss);
				conv[6] = analytics_sess_escalated(&ss);
				rc = analytics_day_add(st, ss.key_id,
				    ss.first_day, conv, err);
				if (rc == SD_OK)
					rc = analytics_sess_save(st, cur, &ss,
					    err);
				if (rc != SD_OK)
					break;
			}
			free(cur);
			cur = xstrdup(sid);
			memset(&ss, 0, sizeof ss);
			ss.key_id = sqlite3_column_int64(s, 6);
			ss.status_esc = analytics_status_escalated(
			    col_text(s, 5));
			snprintf(ss.first_day, sizeof ss.first_day, "%s", day);
		}
		snprintf(ss.last_day, sizeof ss.last_day, "%s", day);
		analytics_conv_step(&ss.c, col_text(s, 1), col_text(s, 2),
		    col_text(s, 3));
	}
	sqlite3_reset(s);
	if (rc == SD_OK && r != SQLITE_DONE)
		rc = store_fail(st, err, "read messages");
	if (rc == SD_OK && cur != NULL) {
		conv[5] = analytics_sess_resolved(&ss);
		conv[6] = analytics_sess_escalated(&ss);
		if ((rc = analytics_day_add(st, ss.key_id, ss.first_day, conv,
		    err)) == SD_OK)
			rc = analytics_sess_save(st, cur, &ss, err);
	}
	free(cur);
	return rc;
}

/*
 * The sums of the days, in SQL.  A failing line counts on the day of
 * the first event that made it fail, as analytics_fold_rating does.
 */
static const char rebuild_sums[] =
	"INSERT INTO stats_day(key_id, day, sessions, turns, replies,"
	"  fallbacks)"
	" SELECT coalesce(a.key_id, 0), substr(m.created_at, 1, 10),"
	"  count(DISTINCT m.session_id), sum(m.role = 'user'),"
	"  sum(m.role = 'bot'), sum(m.role = 'bot' AND m.action IS 'fallback')"
	" FROM messages m LEFT JOIN api_sessions a"
	"  ON a.session_id = m.session_id WHERE true GROUP BY 1, 2"
	" ON CONFLICT (key_id, day) DO UPDATE SET"
	"  sessions = excluded.sessions, turns = excluded.turns,"
	"  replies = excluded.replies, fallbacks = excluded.fallbacks;"
	"INSERT INTO stats_day(key_id, day, ratings, rating_sum, rating_pos)"
	" SELECT coalesce(a.key_id, 0), substr(f.created_at, 1, 10),"
	"  count(*), sum(f.rating), sum(f.rating >= 4)"
	" FROM feedback f JOIN messages m ON m.id = f.message_id"
	" LEFT JOIN api_sessions a ON a.session_id = m.session_id"
	" WHERE true GROUP BY 1, 2"
	" ON CONFLICT (key_id, day) DO UPDATE SET"
	"  ratings = excluded.ratings, rating_sum = excluded.rating_sum,"
	"  rating_pos = excluded.rating_pos;"
	"INSERT INTO stats_day(key_id, day, checked, claims, backed,"
	"  fill_bugs)"
	" SELECT coalesce(a.key_id, 0), substr(m.created_at, 1, 10),"
	"  count(m.claims), coalesce(sum(m.claims), 0),"
	"  coalesce(sum(m.claims_backed), 0), coalesce(sum(m.fill_bug), 0)"
	" FROM messages m LEFT JOIN api_sessions a"
	"  ON a.session_id = m.session_id"
	" WHERE m.role = 'bot' AND m.claims IS NOT NULL GROUP BY 1, 2"
	" ON CONFLICT (key_id, day) DO UPDATE SET"
	"  checked = excluded.checked, claims = excluded.claims,"
	"  backed = excluded.backed, fill_bugs = excluded.fill_bugs;"
	"INSERT INTO stats_intent(key_id, day, intent, n)"
	" SELECT coalesce(a.key_id, 0), substr(m.created_at, 1, 10),"
	"  coalesce(m.intent, 'none'), count(*)"
	" FROM messages m LEFT JOIN api_sessions a"
	"  ON a.session_id = m.session_id"
	" WHERE m.role = 'user' GROUP BY 1, 2, 3;"
	"INSERT INTO stats_latency(key_id, day, latency_us, n)"
	" SELECT coalesce(a.key_id, 0), substr(m.created_at, 1, 10),"
	"  m.latency_us, count(*)"
	" FROM messages m LEFT JOIN api_sessions a"
	"  ON a.session_id = m.session_id"
	" WHERE m.role = 'bot' AND m.latency_us IS NOT NULL GROUP BY 1, 2, 3;"
	"WITH ev(uid, day) AS ("
	"  SELECT u.id, substr(b.created_at, 1, 10) FROM messages b"
	"   JOIN messages u"
	"   ON u.session_id = b.session_id AND u.seq = b.seq - 1"
	"  WHERE b.role = 'bot' AND b.action IN ('fallback', 'clarify')"
	"   AND u.role = 'user'"
	"  UNION ALL"
	"  SELECT u.id, substr(f.created_at, 1, 10) FROM feedback f"
	"   JOIN messages b ON b.id = f.message_id"
	"   JOIN messages u"
	"   ON u.session_id = b.session_id AND u.seq = b.seq - 1"
	"  WHERE f.rating <= 2 AND u.role = 'user'),"
	" first(uid, day) AS (SELECT uid, min(day) FROM ev GROUP BY uid)"
	"INSERT INTO stats_failing(key_id, day, intent, text, n)"
	" SELECT coalesce(a.key_id, 0), first.day, coalesce(u.intent, 'none'),"
	"  lower(trim(u.text)), count(*)"
	" FROM first JOIN messages u ON u.id = first.uid"
	" LEFT JOIN api_sessions a ON a.session_id = u.session_id"
	" GROUP BY 1, 2, 3, 4;";

/* *yes: whether the totals cover the history. */
static enum sd_rc
is_built(struct store *st, int *yes, struct sd_error *err)
{
	static const char sql[] = "SELECT EXISTS (SELECT 1 FROM stats_built)";
	sqlite3_stmt	*s;
	int		 r;

	*yes = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	if ((r = sqlite3_step(s)) == SQLITE_ROW)
		*yes = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	if (r != SQLITE_ROW)
		return store_fail(st, err, "read the analytics' state");
	return SD_OK;
}

/* Inside a write transaction: every total from the tables. */
static enum sd_rc
rebuild(struct store *st, struct sd_error *err)
{
	static const char mark[] = "INSERT INTO stats_built(at) VALUES (?1)";
	sqlite3_stmt	*s;
	enum sd_rc	 rc;

	if ((rc = store_exec(st, "DELETE FROM stats_day;"
	    "DELETE FROM stats_intent; DELETE FROM stats_latency;"
	    "DELETE FROM stats_failing; DELETE FROM stats_session;"
	    "DELETE FROM stats_built;", err)) != SD_OK ||
	    (rc = rebuild_sessions(st, err)) != SD_OK ||
	    (rc = store_exec(st, rebuild_sums, err)) != SD_OK ||
	    (rc = analytics_qtotals_rebuild(st, err)) != SD_OK)
		return rc;
	if ((s = store_prepare(st, mark, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, store_now(), -1, SQLITE_TRANSIENT);
	return analytics_step(st, s, "mark the analytics built", err);
}

/*
 * Rebuild when not built (an upgraded history), checking again under
 * the write lock: another connection may have done it meanwhile.
 */
enum sd_rc
analytics_ensure_built(struct store *st, struct sd_error *err)
{
	enum sd_rc	 rc;
	int		 yes;

	if ((rc = is_built(st, &yes, err)) != SD_OK || yes)
		return rc;
	if ((rc = store_begin(st, err)) != SD_OK)
		return rc;
	if ((rc = is_built(st, &yes, err)) == SD_OK && !yes)
		rc = rebuild(st, err);
	if (rc == SD_OK)
		rc = store_commit(st, err);
	if (rc != SD_OK) {
		sd_error_prefix(err, "rebuild the analytics: ");
		store_rollback(st);
	}
	return rc;
}

enum sd_rc
analytics_rebuild(struct store *st, struct sd_error *err)
{
	enum sd_rc	 rc;

	if ((rc = store_begin(st, err)) != SD_OK)
		return rc;
	if ((rc = rebuild(st, err)) == SD_OK)
		rc = store_commit(st, err);
	if (rc != SD_OK) {
		sd_error_prefix(err, "rebuild the analytics: ");
		store_rollback(st);
	}
	return rc;
}
