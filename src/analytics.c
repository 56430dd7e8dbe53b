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
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "analytics.h"
#include "apikey.h"
#include "store.h"

/* How many failing intents, and utterances per intent, are listed. */
#define FAILING_INTENTS		10
#define FAILING_UTTERANCES	5

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

/* Conversation states of the walk. */
enum conv_state {
	CONV_NONE,		/* nothing answered yet */
	CONV_ANSWERED,		/* the last reply answered */
	CONV_CONFIRMED,		/* the customer confirmed an answer */
	CONV_PENDING,		/* the bot asked and got no answer yet */
	CONV_FAILED,		/* the last reply was a fallback */
};

struct conv {
	enum conv_state	 state;
	int		 escalated;
};

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
static void
conv_step(struct conv *c, const char *role, const char *action,
    const char *intent)
{
	static const char *const failed[] = { "fallback", "clarify", NULL };
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

static int
conv_resolved(const struct conv *c)
{
	return !c->escalated &&
	    (c->state == CONV_ANSWERED || c->state == CONV_CONFIRMED);
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
bind_range(sqlite3_stmt *s, const char *from, const char *to)
{
	/* Open bounds as text that sorts before and after every timestamp. */
	sqlite3_bind_text(s, 1, from != NULL ? from : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, to != NULL ? to : "~", -1, SQLITE_STATIC);
}

static const char *
col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* Conversations, turns, resolution, escalation, fallbacks, latency. */
static enum sd_rc
walk(struct store *st, const char *from, const char *to, cJSON *o,
    struct sd_error *err)
{
	static const char sql[] = "SELECT m.session_id, m.role, m.action,"
	    " m.intent, m.latency_us, s.status"
	    " FROM messages m JOIN sessions s ON s.id = m.session_id"
	    " WHERE m.created_at >= ?1 AND m.created_at <= ?2"
	    " ORDER BY m.session_id, m.seq";
	sqlite3_stmt	*s;
	struct conv	 c = { CONV_NONE, 0 };
	char		*cur = NULL;
	const char	*sid, *role, *action, *status;
	long long	*lat = NULL, convs = 0, resolved = 0, escalated = 0;
	long long	 turns = 0, replies = 0, fallbacks = 0;
	size_t		 nlat = 0, caplat = 0;
	cJSON		*l;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_range(s, from, to);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		sid = col_text(s, 0);
		role = col_text(s, 1);
		action = col_text(s, 2);
		status = col_text(s, 5);
		if (sid == NULL || role == NULL)
			continue;
		if (cur == NULL || strcmp(cur, sid) != 0) {
			if (cur != NULL) {
				resolved += conv_resolved(&c);
				escalated += c.escalated;
			}
			free(cur);
			cur = xstrdup(sid);
			convs++;
			c.state = CONV_NONE;
			c.escalated = status != NULL &&
			    (strcmp(status, "escalated") == 0 ||
			    strcmp(status, "agent") == 0);
		}
		conv_step(&c, role, action, col_text(s, 3));
		if (strcmp(role, "user") == 0)
			turns++;
		else if (strcmp(role, "bot") == 0) {
			replies++;
			if (action != NULL && strcmp(action, "fallback") == 0)
				fallbacks++;
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
		resolved += conv_resolved(&c);
		escalated += c.escalated;
	}
	free(cur);
	if (r != SQLITE_DONE) {
		free(lat);
		return store_fail(st, err, "read messages");
	}
	cJSON_AddNumberToObject(o, "conversations", (double)convs);
	cJSON_AddNumberToObject(o, "turns", (double)turns);
	cJSON_AddNumberToObject(o, "replies", (double)replies);
	cJSON_AddNumberToObject(o, "resolved", (double)resolved);
	add_rate(o, "resolution_rate", resolved, convs);
	cJSON_AddNumberToObject(o, "escalated", (double)escalated);
	add_rate(o, "escalation_rate", escalated, convs);
	cJSON_AddNumberToObject(o, "fallbacks", (double)fallbacks);
	add_rate(o, "fallback_rate", fallbacks, replies);
	if (nlat > 0)
		qsort(lat, nlat, sizeof *lat, cmp_ll);
	l = cJSON_AddObjectToObject(o, "latency_us");
	cJSON_AddNumberToObject(l, "n", (double)nlat);
	cJSON_AddNumberToObject(l, "p50", (double)percentile(lat, nlat, 50));
	cJSON_AddNumberToObject(l, "p95", (double)percentile(lat, nlat, 95));
	cJSON_AddNumberToObject(l, "p99", (double)percentile(lat, nlat, 99));
	cJSON_AddNumberToObject(l, "max", nlat ? (double)lat[nlat - 1] : 0);
	free(lat);
	return SD_OK;
}

static enum sd_rc
satisfaction(struct store *st, const char *from, const char *to, cJSON *o,
    struct sd_error *err)
{
	static const char sql[] = "SELECT count(*), avg(rating),"
	    " coalesce(sum(rating >= 4), 0) FROM feedback"
	    " WHERE created_at >= ?1 AND created_at <= ?2";
	sqlite3_stmt	*s;
	cJSON		*f;
	long long	 n, pos;
	double		 mean;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_range(s, from, to);
	if ((r = sqlite3_step(s)) != SQLITE_ROW) {
		sqlite3_reset(s);
		return store_fail(st, err, "read feedback");
	}
	n = sqlite3_column_int64(s, 0);
	mean = sqlite3_column_double(s, 1);
	pos = sqlite3_column_int64(s, 2);
	sqlite3_reset(s);
	f = cJSON_AddObjectToObject(o, "satisfaction");
	cJSON_AddNumberToObject(f, "ratings", (double)n);
	if (n > 0)
		cJSON_AddNumberToObject(f, "mean", round(mean * 100) / 100);
	else
		cJSON_AddNullToObject(f, "mean");
	add_rate(f, "positive_rate", pos, n);
	return SD_OK;
}

static enum sd_rc
intents(struct store *st, const char *from, const char *to, cJSON *o,
    struct sd_error *err)
{
	static const char sql[] = "SELECT coalesce(intent, 'none'), count(*)"
	    " FROM messages WHERE role = 'user'"
	    " AND created_at >= ?1 AND created_at <= ?2"
	    " GROUP BY 1 ORDER BY 2 DESC, 1";
	sqlite3_stmt	*s;
	cJSON		*a, *e, *it;
	long long	 total = 0;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_range(s, from, to);
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

/*
 * Failing utterances: customer lines answered by a fallback or a
 * clarifying question, or whose reply was rated 1 or 2, grouped by the
 * intent they were classified as and by their text (lower case, trimmed).
 * The reply to a line is the next message of the session (the engine
 * stores both in one transaction).
 */
static enum sd_rc
failing(struct store *st, const char *from, const char *to, cJSON *o,
    struct sd_error *err)
{
	static const char sql[] = "WITH bad(uid) AS ("
	    "  SELECT u.id FROM messages b JOIN messages u"
	    "    ON u.session_id = b.session_id AND u.seq = b.seq - 1"
	    "   WHERE b.role = 'bot' AND b.action IN ('fallback', 'clarify')"
	    "     AND u.role = 'user'"
	    "     AND b.created_at >= ?1 AND b.created_at <= ?2"
	    "  UNION"
	    "  SELECT u.id FROM feedback f JOIN messages b ON b.id = f.message_id"
	    "    JOIN messages u"
	    "    ON u.session_id = b.session_id AND u.seq = b.seq - 1"
	    "   WHERE f.rating <= 2 AND u.role = 'user'"
	    "     AND f.created_at >= ?1 AND f.created_at <= ?2)"
	    " SELECT coalesce(u.intent, 'none'), lower(trim(u.text)) AS t,"
	    "   count(*) AS c"
	    " FROM bad JOIN messages u ON u.id = bad.uid"
	    " GROUP BY 1, 2 ORDER BY 1, c DESC, t";
	sqlite3_stmt	*s;
	cJSON		*groups = cJSON_CreateArray(), *g = NULL, *utt = NULL;
	cJSON		*e, **v = NULL, *a;
	const char	*intent;
	long long	 c, total = 0;
	size_t		 n = 0, i;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL) {
		cJSON_Delete(groups);
		return SD_ERR_DB;
	}
	bind_range(s, from, to);
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

static enum sd_rc
daily(struct store *st, const char *from, const char *to, cJSON *o,
    struct sd_error *err)
{
	static const char sql[] = "SELECT substr(created_at, 1, 10) AS d,"
	    " count(DISTINCT session_id), coalesce(sum(role = 'user'), 0)"
	    " FROM messages WHERE created_at >= ?1 AND created_at <= ?2"
	    " GROUP BY d ORDER BY d";
	sqlite3_stmt	*s;
	cJSON		*a, *e;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_range(s, from, to);
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

/*
 * The fact-check's verdicts (history.c stores them per reply): claims
 * replies made, claims the store backed as written, and template fills
 * the checker caught.  Replies stored before it count as unchecked.
 */
static enum sd_rc
factcheck(struct store *st, const char *from, const char *to, cJSON *o,
    struct sd_error *err)
{
	static const char sql[] = "SELECT count(claims),"
	    " coalesce(sum(claims), 0), coalesce(sum(claims_backed), 0),"
	    " coalesce(sum(fill_bug), 0) FROM messages"
	    " WHERE role = 'bot' AND created_at >= ?1 AND created_at <= ?2";
	sqlite3_stmt	*s;
	cJSON		*f;
	long long	 claims, backed;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_range(s, from, to);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return store_fail(st, err, "read fact-check counts");
	}
	f = cJSON_AddObjectToObject(o, "factcheck");
	cJSON_AddNumberToObject(f, "replies_checked",
	    (double)sqlite3_column_int64(s, 0));
	claims = sqlite3_column_int64(s, 1);
	backed = sqlite3_column_int64(s, 2);
	cJSON_AddNumberToObject(f, "claims", (double)claims);
	cJSON_AddNumberToObject(f, "backed", (double)backed);
	add_rate(f, "accuracy", backed, claims);
	cJSON_AddNumberToObject(f, "template_bugs",
	    (double)sqlite3_column_int64(s, 3));
	sqlite3_reset(s);
	return SD_OK;
}

enum sd_rc
analytics_compute(struct store *st, const char *from, const char *to,
    cJSON **out, struct sd_error *err)
{
	cJSON		*o = cJSON_CreateObject();
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
	/* One read transaction: every figure sees the same snapshot. */
	if ((rc = store_exec(st, "BEGIN", err)) != SD_OK)
		goto out;
	if ((rc = walk(st, from, to, o, err)) != SD_OK ||
	    (rc = satisfaction(st, from, to, o, err)) != SD_OK ||
	    (rc = intents(st, from, to, o, err)) != SD_OK ||
	    (rc = failing(st, from, to, o, err)) != SD_OK ||
	    (rc = daily(st, from, to, o, err)) != SD_OK ||
	    (rc = factcheck(st, from, to, o, err)) != SD_OK)
		goto out;
out:
	store_rollback(st);
	if (rc != SD_OK) {
		cJSON_Delete(o);
		return rc;
	}
	*out = o;
	return SD_OK;
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
	char		*sid = NULL, *role = NULL;
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
	if ((s = store_prepare(st, add, err)) == NULL) {
		rc = SD_ERR_DB;
		goto out;
	}
	sqlite3_bind_int64(s, 1, message_id);
	sqlite3_bind_int(s, 2, rating);
	if (comment != NULL)
		sqlite3_bind_text(s, 3, comment, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, store_now(), -1, SQLITE_TRANSIENT);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		rc = store_fail(st, err, "store feedback");
		goto out;
	}
	*feedback_id = sqlite3_last_insert_rowid(store_db(st));
	rc = SD_OK;
out:
	free(sid);
	free(role);
	return rc;
}
