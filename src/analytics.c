/*
 * analytics.c owns the definitions of the figures the shop watches: what
 * counts as a conversation, a resolved one, a fallback, a failing
 * utterance.  It only reads the conversation tables (history.c writes
 * them) and feedback.
 *
 * A conversation is a session with at least one message in the range.
 * Its messages are walked in order through a small state machine (see
 * conv_step): a conversation is resolved when its last state is
 * "answered" (the customer left after an answer without asking again) or
 * "confirmed" (thanks, yes or goodbye after an answer), and it was never
 * escalated nor handed to an agent.  Ending in a fallback, a clarifying
 * question or an unanswered question of the bot is not resolved.
 *
 * The figures are kept as running totals per key and per day as turns
 * are stored (analytics-agg.c), so that a call reads a few rows; the
 * walk over the messages here is the reference those totals must match,
 * and answers the ranges that do not start and end on whole days.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "analytics.h"
#include "desk.h"
#include "analytics-int.h"
#include "apikey.h"
#include "store.h"

/* How many failing intents, and utterances per intent, are listed. */
#define FAILING_INTENTS		10
#define FAILING_UTTERANCES	5

/*
 * The sessions a figure counts: every session when ?3 is 0 (an admin
 * key, no auth, the command line), else those opened with key ?3.
 */
#define SCOPE(col)	" AND (?3 = 0 OR " col " IN (SELECT session_id" \
			" FROM api_sessions WHERE key_id = ?3))"

enum sd_rc
analytics_parse_bound(const char *text, int end, char **out,
    struct sd_error *err)
{
	/* Digit positions and the separators of YYYY-MM-DDTHH:MM:SSZ. */
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	size_t		 n = strlen(text), i;
	int		 mon, day, hh, mm, ss;

	*out = NULL;
	if (n != 10 && n != sizeof shape - 1)
		goto bad;
	for (i = 0; i < n; i++) {
		if (shape[i] == 'd' ? !isdigit((unsigned char)text[i]) :
		    text[i] != shape[i])
			goto bad;
	}
	mon = (text[5] - '0') * 10 + text[6] - '0';
	day = (text[8] - '0') * 10 + text[9] - '0';
	if (mon < 1 || mon > 12 || day < 1 || day > 31)
		goto bad;
	if (n == 10) {
		*out = xasprintf("%sT%s", text, end ? "23:59:59Z" :
		    "00:00:00Z");
		return SD_OK;
	}
	hh = (text[11] - '0') * 10 + text[12] - '0';
	mm = (text[14] - '0') * 10 + text[15] - '0';
	ss = (text[17] - '0') * 10 + text[18] - '0';
	if (hh > 23 || mm > 59 || ss > 60)
		goto bad;
	*out = xstrdup(text);
	return SD_OK;
bad:
	return sd_fail(err, SD_ERR_INVALID, "\"%s\" is not a date "
	    "(YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)", text);
}

static int
in_list(const char *s, const char *const *list)
{
	for (; s != NULL && *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/*
 * One message of a conversation.  The action names are the engine's
 * policy actions; any action not listed is an answer, so that a new kind
 * of answer counts without touching this file.
 */
static const char *const failed[] = { "fallback", "clarify", "kb_unsure",
	NULL };

void
analytics_conv_step(struct conv *c, const char *role, const char *action,
    const char *intent)
{
	static const char *const escalate[] = { "escalate", "agent_hold",
	    NULL };
	static const char *const asks[] = { "ask_needs", "ask_order_id",
	    "ask_compare", "order_needs_user", "cancel_offer", NULL };
	static const char *const closing[] = { "thanks", "goodbye", "ack",
	    NULL };
	static const char *const neutral[] = { "greet", NULL };
	static const char *const confirm[] = { "thanks", "affirm", "goodbye",
	    NULL };
	int	 answered;

	answered = c->state == CONV_ANSWERED || c->state == CONV_CONFIRMED;
	if (strcmp(role, "agent") == 0) {
		c->escalated = 1;
		return;
	}
	if (strcmp(role, "user") == 0) {
		if (answered && in_list(intent, confirm))
			c->state = CONV_CONFIRMED;
		return;
	}
	if (strcmp(role, "bot") != 0 || action == NULL)
		return;
	if (in_list(action, escalate))
		c->escalated = 1;
	else if (in_list(action, failed))
		c->state = CONV_FAILED;
	else if (in_list(action, asks))
		c->state = CONV_PENDING;
	else if (in_list(action, closing)) {
		if (answered)
			c->state = CONV_CONFIRMED;
	} else if (!in_list(action, neutral))
		c->state = CONV_ANSWERED;
}

int
analytics_conv_resolved(const struct conv *c)
{
	return !c->escalated &&
	    (c->state == CONV_ANSWERED || c->state == CONV_CONFIRMED);
}

int
analytics_status_escalated(const char *status)
{
	return status != NULL && (strcmp(status, "escalated") == 0 ||
	    strcmp(status, "agent") == 0);
}

int
analytics_action_failed(const char *action)
{
	return in_list(action, failed);
}

static int
cmp_ll(const void *a, const void *b)
{
	long long	 x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of sorted v[0..n). */
static long long
percentile(const long long *v, size_t n, double p)
{
	size_t	 k;

	if (n == 0)
		return 0;
	k = (size_t)ceil(p / 100.0 * (double)n);
	if (k < 1)
		k = 1;
	return v[k - 1];
}

static void
add_rate(cJSON *o, const char *key, long long num, long long den)
{
	if (den <= 0)
		cJSON_AddNullToObject(o, key);
	else
		cJSON_AddNumberToObject(o, key,
		    round((double)num / (double)den * 1e4) / 1e4);
}

static void
bind_range(sqlite3_stmt *s, const struct analytics_range *rg)
{
	/* Open bounds as text that sorts before and after every timestamp. */
	sqlite3_bind_text(s, 1, rg->from != NULL ? rg->from : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(s, 2, rg->to != NULL ? rg->to : "~", -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, rg->key_id);
}

static const char *
col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

void
analytics_emit_totals(cJSON *o, const struct analytics_totals *t,
    const struct analytics_latency *lt)
{
	cJSON	*l;

	cJSON_AddNumberToObject(o, "conversations", (double)t->convs);
	cJSON_AddNumberToObject(o, "turns", (double)t->turns);
	cJSON_AddNumberToObject(o, "replies", (double)t->replies);
	cJSON_AddNumberToObject(o, "resolved", (double)t->resolved);
	add_rate(o, "resolution_rate", t->resolved, t->convs);
	cJSON_AddNumberToObject(o, "escalated", (double)t->escalated);
	add_rate(o, "escalation_rate", t->escalated, t->convs);
	cJSON_AddNumberToObject(o, "fallbacks", (double)t->fallbacks);
	add_rate(o, "fallback_rate", t->fallbacks, t->replies);
	l = cJSON_AddObjectToObject(o, "latency_us");
	cJSON_AddNumberToObject(l, "n", (double)lt->n);
	cJSON_AddNumberToObject(l, "p50", (double)lt->p50);
	cJSON_AddNumberToObject(l, "p95", (double)lt->p95);
	cJSON_AddNumberToObject(l, "p99", (double)lt->p99);
	cJSON_AddNumberToObject(l, "max", (double)lt->max);
}

void
analytics_emit_satisfaction(cJSON *o, long long n, double mean,
    long long pos)
{
	cJSON	*f = cJSON_AddObjectToObject(o, "satisfaction");

	cJSON_AddNumberToObject(f, "ratings", (double)n);
	if (n > 0)
		cJSON_AddNumberToObject(f, "mean", round(mean * 100) / 100);
	else
		cJSON_AddNullToObject(f, "mean");
	add_rate(f, "positive_rate", pos, n);
}

void
analytics_emit_factcheck(cJSON *o, const long long v[4])
{
	cJSON	*f = cJSON_AddObjectToObject(o, "factcheck");

	cJSON_AddNumberToObject(f, "replies_checked", (double)v[0]);
	cJSON_AddNumberToObject(f, "claims", (double)v[1]);
	cJSON_AddNumberToObject(f, "backed", (double)v[2]);
	add_rate(f, "accuracy", v[2], v[1]);
	cJSON_AddNumberToObject(f, "template_bugs", (double)v[3]);
}

/*
 * The fact-check's verdicts (history.c stores them per reply): claims
 * replies made, claims the store backed as written, and template fills
 * the checker caught.  Replies stored before it count as unchecked.
 */
static enum sd_rc
factcheck(struct store *st, const struct analytics_range *rg, cJSON *o,
    struct sd_error *err)
{
	static const char sql[] = "SELECT count(claims),"
	    " coalesce(sum(claims), 0), coalesce(sum(claims_backed), 0),"
	    " coalesce(sum(fill_bug), 0) FROM messages"
	    " WHERE role = 'bot' AND created_at >= ?1 AND created_at <= ?2"
	    SCOPE("session_id");
	sqlite3_stmt	*s;
	long long	 v[4];
	int		 i;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_range(s, rg);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return store_fail(st, err, "read fact-check counts");
	}
	for (i = 0; i < 4; i++)
		v[i] = sqlite3_column_int64(s, i);
	sqlite3_reset(s);
	analytics_emit_factcheck(o, v);
	return SD_OK;
}

/* Conversations, turns, resolution, escalation, fallbacks, latency. */
static enum sd_rc
walk(struct store *st, const struct analytics_range *rg, cJSON *o,
    struct sd_error *err)
{
	static const char sql[] = "SELECT m.session_id, m.role, m.action,"
	    " m.intent, m.latency_us, s.status"
	    " FROM messages m JOIN sessions s ON s.id = m.session_id"
	    " WHERE m.created_at >= ?1 AND m.created_at <= ?2"
	    SCOPE("m.session_id")
	    " ORDER BY m.session_id, m.seq";
	struct analytics_totals t = { 0, 0, 0, 0, 0, 0 };
	struct analytics_latency lt = { 0, 0, 0, 0, 0 };
	sqlite3_stmt	*s;
	struct conv	 c = { CONV_NONE, 0 };
	char		*cur = NULL;
	const char	*sid, *role, *action;
	long long	*lat = NULL;
	size_t		 nlat = 0, caplat = 0;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_range(s, rg);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		sid = col_text(s, 0);
		role = col_text(s, 1);
		action = col_text(s, 2);
		if (sid == NULL || role == NULL)
			continue;
		if (cur == NULL || strcmp(cur, sid) != 0) {
			if (cur != NULL) {
				t.resolved += analytics_conv_resolved(&c);
				t.escalated += c.escalated;
			}
			free(cur);
			cur = xstrdup(sid);
			t.convs++;
			c.state = CONV_NONE;
			c.escalated = analytics_status_escalated(
			    col_text(s, 5));
		}
		analytics_conv_step(&c, role, action, col_text(s, 3));
		if (strcmp(role, "user") == 0)
			t.turns++;
		else if (strcmp(role, "bot") == 0) {
			t.replies++;
			if (action != NULL && strcmp(action, "fallback") == 0)
				t.fallbacks++;
			if (sqlite3_column_type(s, 4) != SQLITE_NULL) {
				if (nlat == caplat) {
					caplat = caplat ? 2 * caplat : 256;
					lat = xrealloc(lat,
					    caplat * sizeof *lat);
				}
				lat[nlat++] = sqlite3_column_int64(s, 4);
			}
		}
	}
	sqlite3_reset(s);
	if (cur != NULL) {
		t.resolved += analytics_conv_resolved(&c);
		t.escalated += c.escalated;
	}
	free(cur);
	if (r != SQLITE_DONE) {
		free(lat);
		return store_fail(st, err, "read messages");
	}
	if (nlat > 0) {
		qsort(lat, nlat, sizeof *lat, cmp_ll);
		lt.n = (long long)nlat;
		lt.p50 = percentile(lat, nlat, 50);
		lt.p95 = percentile(lat, nlat, 95);
		lt.p99 = percentile(lat, nlat, 99);
		lt.max = lat[nlat - 1];
	}
	free(lat);
	analytics_emit_totals(o, &t, &lt);
	return SD_OK;
}

static enum sd_rc
satisfaction(struct store *st, const struct analytics_range *rg, cJSON *o,
    struct sd_error *err)
{
	static const char sql[] = "SELECT count(*), avg(f.rating),"
	    " coalesce(sum(f.rating >= 4), 0) FROM feedback f"
	    " JOIN messages m ON m.id = f.message_id"
	    " WHERE f.created_at >= ?1 AND f.created_at <= ?2"
	    SCOPE("m.session_id");
	sqlite3_stmt	*s;
	long long	 n, pos;
	double		 mean;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_range(s, rg);
	if ((r = sqlite3_step(s)) != SQLITE_ROW) {
		sqlite3_reset(s);
		return store_fail(st, err, "read feedback");
	}
	n = sqlite3_column_int64(s, 0);
	mean = sqlite3_column_double(s, 1);
	pos = sqlite3_column_int64(s, 2);
	sqlite3_reset(s);
	analytics_emit_satisfaction(o, n, mean, pos);
	return SD_OK;
}

enum sd_rc
analytics_emit_intents(struct store *st, sqlite3_stmt *s, cJSON *o,
    struct sd_error *err)
{
	cJSON		*a, *e, *it;
	long long	 total = 0;
	int		 r;

	a = cJSON_AddArrayToObject(o, "intents");
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "intent", col_text(s, 0));
		cJSON_AddNumberToObject(e, "count",
		    (double)sqlite3_column_int64(s, 1));
		total += sqlite3_column_int64(s, 1);
		cJSON_AddItemToArray(a, e);
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "read intents");
	cJSON_ArrayForEach(it, a)
		add_rate(it, "share", (long long)cJSON_GetObjectItem(it,
		    "count")->valuedouble, total);
	return SD_OK;
}

/* Rows of sql over the range to the result, through emit. */
static enum sd_rc
rows(struct store *st, const char *sql, const struct analytics_range *rg,
    cJSON *o, enum sd_rc (*emit)(struct store *, sqlite3_stmt *, cJSON *,
    struct sd_error *), struct sd_error *err)
{
	sqlite3_stmt	*s;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_range(s, rg);
	return emit(st, s, o, err);
}

static const char intents_sql[] = "SELECT coalesce(intent, 'none'),"
    " count(*) FROM messages WHERE role = 'user'"
    " AND created_at >= ?1 AND created_at <= ?2"
    SCOPE("session_id")
    " GROUP BY 1 ORDER BY 2 DESC, 1";

static int
cmp_failing(const void *a, const void *b)
{
	const cJSON	*x = *(cJSON *const *)a, *y = *(cJSON *const *)b;
	double		 cx = cJSON_GetObjectItem(x, "count")->valuedouble;
	double		 cy = cJSON_GetObjectItem(y, "count")->valuedouble;

	if (cx != cy)
		return cx > cy ? -1 : 1;
	return strcmp(cJSON_GetObjectItem(x, "intent")->valuestring,
	    cJSON_GetObjectItem(y, "intent")->valuestring);
}

enum sd_rc
analytics_emit_failing(struct store *st, sqlite3_stmt *s, cJSON *o,
    struct sd_error *err)
{
	cJSON		*groups = cJSON_CreateArray(), *g = NULL, *utt = NULL;
	cJSON		*e, **v = NULL, *a;
	const char	*intent;
	long long	 c, total = 0;
	size_t		 n = 0, i;
	int		 r;

	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		intent = col_text(s, 0);
		c = sqlite3_column_int64(s, 2);
		if (g == NULL || strcmp(cJSON_GetObjectItem(g,
		    "intent")->valuestring, intent) != 0) {
			if (g != NULL)
				cJSON_AddNumberToObject(g, "count",
				    (double)total);
			g = cJSON_CreateObject();
			cJSON_AddStringToObject(g, "intent", intent);
			utt = cJSON_AddArrayToObject(g, "utterances");
			cJSON_AddItemToArray(groups, g);
			total = 0;
		}
		total += c;
		if (cJSON_GetArraySize(utt) < FAILING_UTTERANCES) {
			e = cJSON_CreateObject();
			cJSON_AddStringToObject(e, "text", col_text(s, 1) ?
			    col_text(s, 1) : "");
			cJSON_AddNumberToObject(e, "count", (double)c);
			cJSON_AddItemToArray(utt, e);
		}
	}
	sqlite3_reset(s);
	if (g != NULL)
		cJSON_AddNumberToObject(g, "count", (double)total);
	if (r != SQLITE_DONE) {
		cJSON_Delete(groups);
		return store_fail(st, err, "read failing utterances");
	}
	/* Most failing intents first: detach, sort, keep the first few. */
	n = (size_t)cJSON_GetArraySize(groups);
	v = xcalloc(n + 1, sizeof *v);
	for (i = 0; i < n; i++)
		v[i] = cJSON_DetachItemFromArray(groups, 0);
	qsort(v, n, sizeof *v, cmp_failing);
	a = cJSON_AddArrayToObject(o, "failing");
	for (i = 0; i < n; i++) {
		if (i < FAILING_INTENTS)
			cJSON_AddItemToArray(a, v[i]);
		else
			cJSON_Delete(v[i]);
	}
	free(v);
	cJSON_Delete(groups);
	return SD_OK;
}

/*
 * Failing utterances: customer lines answered by a fallback or a
 * clarifying question, or whose reply was rated 1 or 2, grouped by the
 * intent they were classified as and by their text (lower case, trimmed).
 * The reply to a line is the next message of the session (the engine
 * stores both in one transaction).
 */
static const char failing_sql[] = "WITH bad(uid) AS ("
    "  SELECT u.id FROM messages b JOIN messages u"
    "    ON u.session_id = b.session_id AND u.seq = b.seq - 1"
    "   WHERE b.role = 'bot' AND b.action IN ('fallback', 'clarify')"
    "     AND u.role = 'user'"
    "     AND b.created_at >= ?1 AND b.created_at <= ?2"
    SCOPE("b.session_id")
    "  UNION"
    "  SELECT u.id FROM feedback f JOIN messages b ON b.id = f.message_id"
    "    JOIN messages u"
    "    ON u.session_id = b.session_id AND u.seq = b.seq - 1"
    "   WHERE f.rating <= 2 AND u.role = 'user'"
    "     AND f.created_at >= ?1 AND f.created_at <= ?2"
    SCOPE("b.session_id") ")"
    " SELECT coalesce(u.intent, 'none'), lower(trim(u.text)) AS t,"
    "   count(*) AS c"
    " FROM bad JOIN messages u ON u.id = bad.uid"
    " GROUP BY 1, 2 ORDER BY 1, c DESC, t";

enum sd_rc
analytics_emit_daily(struct store *st, sqlite3_stmt *s, cJSON *o,
    struct sd_error *err)
{
	cJSON		*a, *e;
	int		 r;

	a = cJSON_AddArrayToObject(o, "daily");
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "day", col_text(s, 0));
		cJSON_AddNumberToObject(e, "conversations",
		    (double)sqlite3_column_int64(s, 1));
		cJSON_AddNumberToObject(e, "turns",
		    (double)sqlite3_column_int64(s, 2));
		cJSON_AddItemToArray(a, e);
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "read daily counts");
	return SD_OK;
}

static const char daily_sql[] = "SELECT substr(created_at, 1, 10) AS d,"
    " count(DISTINCT session_id), coalesce(sum(role = 'user'), 0)"
    " FROM messages WHERE created_at >= ?1 AND created_at <= ?2"
    SCOPE("session_id")
    " GROUP BY d ORDER BY d";

/* Whether a bound is a day's first (or, when end is set, last) second. */
static int
whole_day(const char *bound, int end)
{
	return bound == NULL || (strlen(bound) == 20 &&
	    strcmp(bound + 10, end ? "T23:59:59Z" : "T00:00:00Z") == 0);
}

static enum sd_rc
compute(struct store *st, const char *from, const char *to, long long key_id,
    int full, cJSON **out, struct sd_error *err)
{
	struct analytics_range rg = { from, to, key_id, NULL };
	cJSON		*o = cJSON_CreateObject();
	long long	 desk_n;
	enum sd_rc	 rc;

	*out = NULL;
	if (from != NULL)
		cJSON_AddStringToObject(o, "from", from);
	else
		cJSON_AddNullToObject(o, "from");
	if (to != NULL)
		cJSON_AddStringToObject(o, "to", to);
	else
		cJSON_AddNullToObject(o, "to");
	if (!full) {
		rc = analytics_agg_compute(st, &rg, o, err);
		goto out;
	}
	/* One read transaction: every figure sees the same snapshot. */
	if ((rc = store_exec(st, "BEGIN", err)) == SD_OK &&
	    (rc = walk(st, &rg, o, err)) == SD_OK &&
	    (rc = satisfaction(st, &rg, o, err)) == SD_OK &&
	    (rc = rows(st, intents_sql, &rg, o, analytics_emit_intents,
	    err)) == SD_OK &&
	    (rc = rows(st, failing_sql, &rg, o, analytics_emit_failing,
	    err)) == SD_OK &&
	    (rc = rows(st, daily_sql, &rg, o, analytics_emit_daily,
	    err)) == SD_OK &&
	    (rc = factcheck(st, &rg, o, err)) == SD_OK)
		rc = analytics_quality_emit(st, &rg, o, err);
	store_rollback(st);
out:
	/* Conversations agents resolved on the desk (desk.c keeps them). */
	if (rc == SD_OK && (rc = desk_resolved_count(st, from, to, key_id,
	    &desk_n, err)) == SD_OK)
		cJSON_AddNumberToObject(o, "agent_resolved", (double)desk_n);
	if (rc != SD_OK) {
		cJSON_Delete(o);
		return rc;
	}
	*out = o;
	return SD_OK;
}

enum sd_rc
analytics_compute(struct store *st, const char *from, const char *to,
    long long key_id, cJSON **out, struct sd_error *err)
{
	return compute(st, from, to, key_id,
	    !whole_day(from, 0) || !whole_day(to, 1), out, err);
}

enum sd_rc
analytics_compute_full(struct store *st, const char *from, const char *to,
    long long key_id, cJSON **out, struct sd_error *err)
{
	return compute(st, from, to, key_id, 1, out, err);
}

enum sd_rc
analytics_feedback(struct store *st, long long message_id, int rating,
    const char *comment, long long key_id, long long *feedback_id,
    struct sd_error *err)
{
	static const char get[] = "SELECT session_id, role FROM messages"
	    " WHERE id = ?1";
	static const char add[] = "INSERT INTO feedback(message_id, rating,"
	    " comment, created_at) VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt	*s;
	char		*sid = NULL, *role = NULL, *now = NULL;
	long long	 fid;
	enum sd_rc	 rc;
	int		 r;

	*feedback_id = 0;
	if (rating < 1 || rating > 5)
		return sd_fail(err, SD_ERR_INVALID, "rating %d is not 1 to 5",
		    rating);
	if ((s = store_prepare(st, get, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, message_id);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW) {
		sid = xstrdup(col_text(s, 0));
		role = xstrdup(col_text(s, 1));
	}
	sqlite3_reset(s);
	if (r == SQLITE_DONE)
		return sd_fail(err, SD_ERR_NOTFOUND, "no message %lld",
		    message_id);
	if (r != SQLITE_ROW)
		return store_fail(st, err, "read message");
	/* Another key's message is reported as missing, like its session. */
	if ((rc = apikey_session_check(st, sid, key_id, NULL, err)) != SD_OK) {
		if (rc == SD_ERR_NOTFOUND)
			sd_fail(err, rc, "no message %lld", message_id);
		goto out;
	}
	if (strcmp(role, "bot") != 0 && strcmp(role, "agent") != 0) {
		rc = sd_fail(err, SD_ERR_INVALID, "message %lld is the %s's "
		    "line, not a reply", message_id, strcmp(role, "user") == 0 ?
		    "customer" : role);
		goto out;
	}
	/* The rating and the running totals in one transaction. */
	now = xstrdup(store_now());
	if ((rc = store_begin(st, err)) != SD_OK)
		goto out;
	if ((s = store_prepare(st, add, err)) == NULL) {
		rc = SD_ERR_DB;
		goto out;
	}
	sqlite3_bind_int64(s, 1, message_id);
	sqlite3_bind_int(s, 2, rating);
	if (comment != NULL)
		sqlite3_bind_text(s, 3, comment, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, now, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		rc = store_fail(st, err, "store feedback");
		goto out;
	}
	fid = sqlite3_last_insert_rowid(store_db(st));
	if ((rc = analytics_fold_rating(st, message_id, rating, now,
	    err)) == SD_OK && (rc = analytics_qfold(st, sid, 0, message_id,
	    rating, err)) == SD_OK && (rc = store_commit(st, err)) == SD_OK)
		*feedback_id = fid;
out:
	if (rc != SD_OK)
		store_rollback(st);
	free(now);
	free(sid);
	free(role);
	return rc;
}
