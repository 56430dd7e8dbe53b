/*
 * history.c owns the conversation tables: sessions (with the dialogue
 * state as JSON), messages and traces.  Callers group a turn's writes in
 * one transaction (store_begin/commit); these functions do not, except
 * that a status changed outside one gets its own.  Each write also
 * updates the analytics' running totals (analytics_fold) in the same
 * transaction.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shopdesk.h"
#include "analytics.h"
#include "history.h"
#include "store.h"

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

void
session_info_release(struct session_info *si)
{
	free(si->id);
	free(si->user_id);
	free(si->channel);
	free(si->status);
	free(si->escalation_reason);
	free(si->agent);
	free(si->state);
	free(si->created_at);
	free(si->updated_at);
	memset(si, 0, sizeof *si);
}

void
message_info_release(struct message_info *mi)
{
	free(mi->role);
	free(mi->text);
	free(mi->intent);
	free(mi->action);
	free(mi->created_at);
	free(mi->trace);
	memset(mi, 0, sizeof *mi);
}

/*
 * The number of lines is the last seq: lines are numbered from 1 without
 * gaps and never deleted one by one, and max(seq) is one seek in the
 * (session_id, seq) index where count(*) read every line of the session
 * on every turn.
 */
#define SESSION_COLS "s.id, s.user_id, s.channel, s.status," \
	" s.escalation_reason, s.agent, s.state, s.created_at, s.updated_at," \
	" (SELECT coalesce(max(m.seq), 0) FROM messages m" \
	" WHERE m.session_id = s.id)"

static void
read_session(sqlite3_stmt *s, struct session_info *si)
{
	si->id = col_dup(s, 0);
	si->user_id = col_dup(s, 1);
	si->channel = col_dup(s, 2);
	si->status = col_dup(s, 3);
	si->escalation_reason = col_dup(s, 4);
	si->agent = col_dup(s, 5);
	si->state = col_dup(s, 6);
	si->created_at = col_dup(s, 7);
	si->updated_at = col_dup(s, 8);
	si->turns = sqlite3_column_int64(s, 9);
}

enum sd_rc
history_session_get(struct store *st, const char *id, struct session_info *si,
    struct sd_error *err)
{
	static const char sql[] = "SELECT " SESSION_COLS
	    " FROM sessions s WHERE s.id = ?1";
	sqlite3_stmt	*s;
	int		 r;

	memset(si, 0, sizeof *si);
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW)
		read_session(s, si);
	sqlite3_reset(s);
	if (r == SQLITE_ROW)
		return SD_OK;
	if (r == SQLITE_DONE)
		return sd_fail(err, SD_ERR_NOTFOUND, "no session \"%s\"", id);
	return store_fail(st, err, "read session");
}

/* A new session id: sequential for reproducible replays, else random. */
static char *
new_session_id(struct store *st, int random)
{
	static const char sql[] = "SELECT count(*) FROM sessions WHERE id = ?1";
	sqlite3_stmt	*s;
	unsigned char	 rnd[9];
	long long	 n;
	char		*id;
	int		 fd, taken;
	size_t		 i;

	if (random) {
		if ((fd = open("/dev/urandom", O_RDONLY)) >= 0) {
			if (read(fd, rnd, sizeof rnd) != (ssize_t)sizeof rnd)
				memset(rnd, 0, sizeof rnd);
			close(fd);
		}
		id = xmalloc(2 * sizeof rnd + 2);
		id[0] = 'w';
		for (i = 0; i < sizeof rnd; i++)
			snprintf(id + 1 + 2 * i, 3, "%02x", rnd[i]);
		return id;
	}
	n = store_count(st, "sessions");
	for (;;) {
		id = xasprintf("s%06lld", ++n);
		taken = 0;
		if ((s = store_prepare(st, sql, NULL)) != NULL) {
			sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
			taken = sqlite3_step(s) == SQLITE_ROW &&
			    sqlite3_column_int64(s, 0) > 0;
			sqlite3_reset(s);
		}
		if (!taken)
			return id;
		free(id);
	}
}

enum sd_rc
history_session_open(struct store *st, const char *id, const char *user_id,
    const char *channel, int random, struct session_info *si, int *created,
    struct sd_error *err)
{
	static const char sql[] = "INSERT INTO sessions(id, user_id, channel,"
	    " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)";
	sqlite3_stmt	*s;
	char		*newid = NULL;
	enum sd_rc	 rc;
	int		 r;

	*created = 0;
	if (id != NULL) {
		rc = history_session_get(st, id, si, err);
		if (rc != SD_ERR_NOTFOUND)
			return rc;
		sd_error_clear(err);
	} else
		id = newid = new_session_id(st, random);
	if ((s = store_prepare(st, sql, err)) == NULL) {
		free(newid);
		return SD_ERR_DB;
	}
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	if (user_id != NULL)
		sqlite3_bind_text(s, 2, user_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, channel, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, store_now(), -1, SQLITE_TRANSIENT);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		free(newid);
		return store_fail(st, err, "create session");
	}
	*created = 1;
	rc = history_session_get(st, id, si, err);
	free(newid);
	return rc;
}

static enum sd_rc
session_update(struct store *st, const char *id, const char *state,
    const char *status, const char *reason, const char *agent,
    struct sd_error *err)
{
	static const char sql[] = "UPDATE sessions SET state = ?2,"
	    " status = ?3, escalation_reason = ?4, agent = ?5,"
	    " updated_at = ?6 WHERE id = ?1";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, state, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, status, -1, SQLITE_STATIC);
	if (reason != NULL)
		sqlite3_bind_text(s, 4, reason, -1, SQLITE_STATIC);
	if (agent != NULL)
		sqlite3_bind_text(s, 5, agent, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, store_now(), -1, SQLITE_TRANSIENT);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "update session");
	if (sqlite3_changes(store_db(st)) == 0)
		return sd_fail(err, SD_ERR_NOTFOUND, "no session \"%s\"", id);
	return analytics_fold_status(st, id, status, err);
}

/*
 * The status and the analytics' running totals change together: in the
 * caller's transaction, or in one of its own when there is none (the
 * agent desk changes a status alone).
 */
enum sd_rc
history_session_update(struct store *st, const char *id, const char *state,
    const char *status, const char *reason, const char *agent,
    struct sd_error *err)
{
	enum sd_rc	 rc;

	if (!sqlite3_get_autocommit(store_db(st)))
		return session_update(st, id, state, status, reason, agent,
		    err);
	if ((rc = store_begin(st, err)) != SD_OK)
		return rc;
	if ((rc = session_update(st, id, state, status, reason, agent,
	    err)) == SD_OK)
		rc = store_commit(st, err);
	if (rc != SD_OK)
		store_rollback(st);
	return rc;
}

enum sd_rc
history_add(struct store *st, const char *session_id, const char *role,
    const char *text, const char *intent, double confidence,
    const char *action, long long latency_us, const char *trace,
    long long *msg_id, struct sd_error *err)
{
	static const char sql[] = "INSERT INTO messages(session_id, seq, role,"
	    " text, intent, confidence, action, latency_us, created_at)"
	    " VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM messages"
	    " WHERE session_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	static const char tsql[] = "INSERT INTO traces(message_id, trace)"
	    " VALUES (?1, ?2)";
	static const char touch[] = "UPDATE sessions SET updated_at = ?2"
	    " WHERE id = ?1";
	struct analytics_line line = { role, text, intent, action,
	    latency_us, 0, 0, 0, 0 };
	const char	*now = store_now();
	sqlite3_stmt	*s;
	long long	 id;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, session_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, role, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, text, -1, SQLITE_STATIC);
	if (intent != NULL) {
		sqlite3_bind_text(s, 4, intent, -1, SQLITE_STATIC);
		sqlite3_bind_double(s, 5, confidence);
	}
	if (action != NULL)
		sqlite3_bind_text(s, 6, action, -1, SQLITE_STATIC);
	if (latency_us >= 0)
		sqlite3_bind_int64(s, 7, latency_us);
	sqlite3_bind_text(s, 8, now, -1, SQLITE_TRANSIENT);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "store message");
	id = sqlite3_last_insert_rowid(store_db(st));
	if (analytics_fold(st, session_id, now, &line, 1, NULL, err) != SD_OK)
		return SD_ERR_DB;
	if (trace != NULL) {
		if ((s = store_prepare(st, tsql, err)) == NULL)
			return SD_ERR_DB;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, trace, -1, SQLITE_STATIC);
		r = sqlite3_step(s);
		sqlite3_reset(s);
		if (r != SQLITE_DONE)
			return store_fail(st, err, "store trace");
	}
	if ((s = store_prepare(st, touch, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, session_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, store_now(), -1, SQLITE_TRANSIENT);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "touch session");
	if (msg_id != NULL)
		*msg_id = id;
	return SD_OK;
}

/*
 * The whole turn in one transaction with the fewest statements: both
 * lines come from one prepared insert, and the session row is written
 * once (state, status and updated_at together) rather than touched after
 * each line as history_add does.  BEGIN and COMMIT are prepared once per
 * connection too, not parsed again on every turn.
 *
 * A plain BEGIN, not BEGIN IMMEDIATE: IMMEDIATE opens a write
 * transaction on every attached file, and committing it moves the
 * catalog's data version although nothing was written there, which
 * emptied the connection's search caches on every turn.  The first
 * statement writes the history, so its write lock is taken (waiting on
 * the busy handler) before anything is read: no read snapshot has to
 * be upgraded, which is what makes a deferred transaction fail busy.
 *
 * The analytics' running totals are updated in the same transaction
 * (analytics_fold), so that an analytics call reads a few rows instead
 * of every message: five small statements, 19 us more CPU per save
 * (75 to 94 us, bench/gen-history, 20,000 turns), 3% more server CPU
 * per request under bench/bench-api.sh.
 */
enum sd_rc
history_turn_save(struct store *st, struct history_turn *ht,
    struct sd_error *err)
{
	static const char begin[] = "BEGIN";
	static const char commit[] = "COMMIT";
	static const char msql[] = "INSERT INTO messages(session_id, seq,"
	    " role, text, intent, confidence, action, latency_us, created_at,"
	    " claims, claims_backed, fill_bug)"
	    " VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM messages"
	    " WHERE session_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
	    " ?11)";
	static const char tsql[] = "INSERT INTO traces(message_id, trace)"
	    " VALUES (?1, ?2)";
	static const char ssql[] = "UPDATE sessions SET state = ?2,"
	    " status = ?3, escalation_reason = ?4, agent = ?5,"
	    " updated_at = ?6 WHERE id = ?1";
	sqlite3		*db = store_db(st);
	sqlite3_stmt	*s;
	const char	*now = store_now();
	const char	*what = "begin transaction";
	int		 r, bot = ht->reply != NULL && ht->reply[0] != '\0';
	struct analytics_line lines[2] = {
		{ "user", ht->text, ht->intent, NULL, -1, 0, 0, 0, 0 },
		{ "bot", ht->reply, NULL, ht->action, ht->latency_us, 1,
		    ht->claims, ht->claims_backed, ht->fill_bug },
	};
	struct analytics_turn at;

	ht->user_msg_id = ht->bot_msg_id = 0;
	if ((s = store_prepare(st, begin, err)) == NULL)
		return SD_ERR_DB;
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		goto fail;

	what = "store message";
	if ((s = store_prepare(st, msql, err)) == NULL)
		goto fail_err;
	sqlite3_bind_text(s, 1, ht->session_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, "user", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, ht->text, -1, SQLITE_STATIC);
	if (ht->intent != NULL) {
		sqlite3_bind_text(s, 4, ht->intent, -1, SQLITE_STATIC);
		sqlite3_bind_double(s, 5, ht->confidence);
	}
	sqlite3_bind_text(s, 8, now, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		goto fail;
	ht->user_msg_id = sqlite3_last_insert_rowid(db);
	if (bot) {
		sqlite3_clear_bindings(s);
		sqlite3_bind_text(s, 1, ht->session_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, "bot", -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, ht->reply, -1, SQLITE_STATIC);
		if (ht->action != NULL)
			sqlite3_bind_text(s, 6, ht->action, -1, SQLITE_STATIC);
		if (ht->latency_us >= 0)
			sqlite3_bind_int64(s, 7, ht->latency_us);
		sqlite3_bind_text(s, 8, now, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 9, ht->claims);
		sqlite3_bind_int(s, 10, ht->claims_backed);
		sqlite3_bind_int(s, 11, ht->fill_bug);
		r = sqlite3_step(s);
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		if (r != SQLITE_DONE)
			goto fail;
		ht->bot_msg_id = sqlite3_last_insert_rowid(db);
		if (ht->trace != NULL) {
			what = "store trace";
			if ((s = store_prepare(st, tsql, err)) == NULL)
				goto fail_err;
			sqlite3_bind_int64(s, 1, ht->bot_msg_id);
			sqlite3_bind_text(s, 2, ht->trace, -1, SQLITE_STATIC);
			r = sqlite3_step(s);
			sqlite3_reset(s);
			if (r != SQLITE_DONE)
				goto fail;
		}
	}

	what = "update session";
	if ((s = store_prepare(st, ssql, err)) == NULL)
		goto fail_err;
	sqlite3_bind_text(s, 1, ht->session_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, ht->state, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, ht->status, -1, SQLITE_STATIC);
	if (ht->reason != NULL)
		sqlite3_bind_text(s, 4, ht->reason, -1, SQLITE_STATIC);
	if (ht->agent != NULL)
		sqlite3_bind_text(s, 5, ht->agent, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, now, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		goto fail;
	if (sqlite3_changes(db) == 0) {
		store_rollback(st);
		return sd_fail(err, SD_ERR_NOTFOUND, "no session \"%s\"",
		    ht->session_id);
	}
	if (analytics_fold(st, ht->session_id, now, lines, bot ? 2 : 1,
	    ht->status, err) != SD_OK)
		goto fail_err;
	at.session_id = ht->session_id;
	at.user_msg_id = ht->user_msg_id;
	at.reply_id = ht->bot_msg_id;
	at.created_at = now;
	at.intent = ht->intent;
	at.confidence = ht->confidence;
	at.action = bot ? ht->action : NULL;
	at.claims = ht->claims;
	at.backed = ht->claims_backed;
	at.q = ht->quality;
	at.experiment = ht->experiment;
	at.arm = ht->arm;
	if (analytics_turn_save(st, &at, err) != SD_OK)
		goto fail_err;

	what = "commit";
	if ((s = store_prepare(st, commit, err)) == NULL)
		goto fail_err;
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r == SQLITE_DONE)
		return SD_OK;
fail:
	store_fail(st, err, what);
fail_err:
	store_rollback(st);
	ht->user_msg_id = ht->bot_msg_id = 0;
	return SD_ERR_DB;
}

enum sd_rc
history_messages(struct store *st, const char *session_id, long long offset,
    long long limit, int with_trace, struct message_info **out, size_t *n,
    struct sd_error *err)
{
	static const char sql[] = "SELECT m.id, m.seq, m.role, m.text,"
	    " m.intent, m.confidence, m.action, m.latency_us, m.created_at,"
	    " CASE WHEN ?4 THEN t.trace END"
	    " FROM messages m LEFT JOIN traces t ON t.message_id = m.id"
	    " WHERE m.session_id = ?1 ORDER BY m.seq LIMIT ?3 OFFSET ?2";
	sqlite3_stmt	*s;
	struct message_info *v = NULL, *mi;
	size_t		 cnt = 0, cap = 0;
	int		 r;

	*out = NULL;
	*n = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, session_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, offset < 0 ? 0 : offset);
	sqlite3_bind_int64(s, 3, limit <= 0 ? -1 : limit);
	sqlite3_bind_int(s, 4, with_trace != 0);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (cnt == cap) {
			cap = cap < 16 ? 16 : cap * 2;
			v = xrealloc(v, cap * sizeof *v);
		}
		mi = &v[cnt++];
		memset(mi, 0, sizeof *mi);
		mi->id = sqlite3_column_int64(s, 0);
		mi->seq = sqlite3_column_int64(s, 1);
		mi->role = col_dup(s, 2);
		mi->text = col_dup(s, 3);
		mi->intent = col_dup(s, 4);
		mi->confidence = sqlite3_column_double(s, 5);
		mi->action = col_dup(s, 6);
		mi->latency_us = sqlite3_column_int64(s, 7);
		mi->created_at = col_dup(s, 8);
		mi->trace = col_dup(s, 9);
	}
	sqlite3_reset(s);
	*out = v;
	*n = cnt;
	if (r != SQLITE_DONE)
		return store_fail(st, err, "read messages");
	return SD_OK;
}

enum sd_rc
history_sessions(struct store *st, long long limit, struct session_info **out,
    size_t *n, struct sd_error *err)
{
	static const char sql[] = "SELECT " SESSION_COLS " FROM sessions s"
	    " ORDER BY CASE s.status WHEN 'escalated' THEN 0"
	    " WHEN 'agent' THEN 1 ELSE 2 END, s.updated_at DESC, s.id"
	    " LIMIT ?1";
	sqlite3_stmt	*s;
	struct session_info *v = NULL;
	size_t		 cnt = 0, cap = 0;
	int		 r;

	*out = NULL;
	*n = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, limit <= 0 ? -1 : limit);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (cnt == cap) {
			cap = cap < 16 ? 16 : cap * 2;
			v = xrealloc(v, cap * sizeof *v);
		}
		memset(&v[cnt], 0, sizeof v[cnt]);
		read_session(s, &v[cnt++]);
	}
	sqlite3_reset(s);
	*out = v;
	*n = cnt;
	if (r != SQLITE_DONE)
		return store_fail(st, err, "list sessions");
	return SD_OK;
}

long long
history_last_reply(struct store *st, const char *session_id)
{
	static const char sql[] = "SELECT id FROM messages WHERE session_id ="
	    " ?1 AND role IN ('bot', 'agent') ORDER BY seq DESC LIMIT 1";
	sqlite3_stmt	*s;
	long long	 id = 0;

	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return 0;
	sqlite3_bind_text(s, 1, session_id, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return id;
}

enum sd_rc
history_last_message_id(struct store *st, long long *id,
    struct sd_error *err)
{
	static const char sql[] = "SELECT coalesce(max(id), 0) FROM messages";
	sqlite3_stmt	*s;
	int		 r;

	*id = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	if ((r = sqlite3_step(s)) == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (r != SQLITE_ROW)
		return store_fail(st, err, "read the newest message");
	return SD_OK;
}

enum sd_rc
history_user_open_session(struct store *st, const char *user, char **id,
    struct sd_error *err)
{
	static const char sql[] = "SELECT id FROM sessions"
	    " WHERE user_id = ?1 AND status <> 'closed'"
	    " ORDER BY updated_at DESC, id DESC LIMIT 1";
	sqlite3_stmt	*s;
	int		 r;

	*id = NULL;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, user, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(s)) == SQLITE_ROW)
		*id = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return store_fail(st, err, "read sessions");
	return SD_OK;
}
