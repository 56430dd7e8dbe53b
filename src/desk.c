/*
 * desk.c owns the agent desk's tables (desk_notes, desk_labels,
 * desk_resolved) and the rules of a claim: who holds a session, who may
 * write in it, and who may take it.  The session row itself belongs to
 * history.c; every change to it goes through history_session_update so
 * that the analytics' running totals follow.
 *
 * A claim is checked and written in one BEGIN IMMEDIATE transaction:
 * with a plain BEGIN two agents could both read "free" and both write,
 * the second silently taking the session from the first, which is the
 * very thing the claim exists to prevent.  IMMEDIATE also takes the
 * catalog file's lock for the transaction's length, which costs the
 * server's search caches one refill; agents take sessions a few times
 * an hour, customers write several times a second.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "catalog.h"
#include "desk.h"
#include "history.h"
#include "sbuf.h"
#include "store.h"
#include "text.h"

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

void
desk_note_release(struct desk_note *n)
{
	free(n->kind);
	free(n->agent);
	free(n->text);
	free(n->created_at);
	memset(n, 0, sizeof *n);
}

static int
held_by(const struct session_info *si, const char *agent)
{
	return si->status != NULL && strcmp(si->status, "agent") == 0 &&
	    si->agent != NULL && (agent == NULL ||
	    strcmp(si->agent, agent) == 0);
}

/* Inside the caller's transaction. */
static enum sd_rc
note_add(struct store *st, const char *sid, const char *kind,
    const char *agent, const char *text, struct sd_error *err)
{
	static const char sql[] = "INSERT INTO desk_notes(session_id,"
	    " after_seq, kind, agent, text, created_at) VALUES (?1,"
	    " (SELECT coalesce(max(seq), 0) FROM messages"
	    " WHERE session_id = ?1), ?2, ?3, ?4, ?5)";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, agent, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, store_now(), -1, SQLITE_TRANSIENT);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "store note");
	return SD_OK;
}

/* Commit on success, roll back otherwise; returns rc (or commit's). */
static enum sd_rc
finish(struct store *st, enum sd_rc rc, struct sd_error *err)
{
	if (rc == SD_OK)
		rc = store_commit(st, err);
	if (rc != SD_OK)
		store_rollback(st);
	return rc;
}

enum sd_rc
desk_takeover(struct store *st, const char *sid, const char *agent,
    int force, char **was, struct sd_error *err)
{
	struct session_info si;
	struct sbuf	 ev = SBUF_INIT;
	enum sd_rc	 rc;

	memset(&si, 0, sizeof si);
	if (was != NULL)
		*was = NULL;
	if ((rc = store_begin(st, err)) != SD_OK)
		return rc;
	if ((rc = history_session_get(st, sid, &si, err)) != SD_OK)
		goto out;
	if (held_by(&si, NULL) && strcmp(si.agent, agent) != 0) {
		if (!force) {
			rc = sd_fail(err, SD_ERR_CONFLICT, "%s is held by %s "
			    "(a forced takeover tells them)", sid, si.agent);
			goto out;
		}
		sbuf_addf(&ev, "%s took the session over from %s", agent,
		    si.agent);
		if ((rc = note_add(st, sid, "event", agent, ev.buf, err)) !=
		    SD_OK)
			goto out;
		if (was != NULL)
			*was = xstrdup(si.agent);
	}
	rc = history_session_update(st, sid, si.state, "agent",
	    "taken over by an agent", agent, err);
out:
	rc = finish(st, rc, err);
	if (rc != SD_OK && was != NULL) {
		free(*was);
		*was = NULL;
	}
	session_info_release(&si);
	sbuf_release(&ev);
	return rc;
}

/* sid must be held by agent: SD_ERR_CONFLICT saying who holds it. */
static enum sd_rc
check_holder(const struct session_info *si, const char *agent,
    struct sd_error *err)
{
	if (held_by(si, agent))
		return SD_OK;
	if (held_by(si, NULL))
		return sd_fail(err, SD_ERR_CONFLICT, "%s is held by %s now",
		    si->id, si->agent);
	return sd_fail(err, SD_ERR_CONFLICT, "%s is not held by %s (%s): "
	    "take it over first", si->id, agent, si->status);
}

enum sd_rc
desk_handback(struct store *st, const char *sid, const char *agent,
    struct sd_error *err)
{
	struct session_info si;
	enum sd_rc	 rc;

	memset(&si, 0, sizeof si);
	if ((rc = store_begin(st, err)) != SD_OK)
		return rc;
	if ((rc = history_session_get(st, sid, &si, err)) == SD_OK &&
	    (rc = check_holder(&si, agent, err)) == SD_OK)
		rc = history_session_update(st, sid, si.state, "active", NULL,
		    NULL, err);
	rc = finish(st, rc, err);
	session_info_release(&si);
	return rc;
}

enum sd_rc
desk_escalate(struct store *st, const char *sid, const char *reason,
    struct sd_error *err)
{
	struct session_info si;
	enum sd_rc	 rc;

	memset(&si, 0, sizeof si);
	if ((rc = store_begin(st, err)) != SD_OK)
		return rc;
	if ((rc = history_session_get(st, sid, &si, err)) == SD_OK)
		rc = history_session_update(st, sid, si.state, "escalated",
		    reason, NULL, err);
	rc = finish(st, rc, err);
	session_info_release(&si);
	return rc;
}

enum sd_rc
desk_say(struct store *st, const char *sid, const char *agent,
    const char *text, long long *msg_id, struct sd_error *err)
{
	struct session_info si;
	struct sbuf	 clean = SBUF_INIT;
	enum sd_rc	 rc;

	memset(&si, 0, sizeof si);
	text_sanitize(text, strlen(text), TEXT_MAX_MESSAGE, &clean, NULL);
	if (clean.len == 0)
		return sd_fail(err, SD_ERR_INVALID, "an empty line");
	if ((rc = store_begin(st, err)) != SD_OK)
		goto out;
	if ((rc = history_session_get(st, sid, &si, err)) == SD_OK &&
	    (rc = check_holder(&si, agent, err)) == SD_OK)
		rc = history_add(st, sid, "agent", clean.buf, NULL, 0, agent,
		    -1, NULL, msg_id, err);
	rc = finish(st, rc, err);
out:
	session_info_release(&si);
	sbuf_release(&clean);
	return rc;
}

enum sd_rc
desk_notes(struct store *st, const char *sid, long long after,
    struct desk_note **out, size_t *n, struct sd_error *err)
{
	static const char sql[] = "SELECT id, after_seq, kind, agent, text,"
	    " created_at FROM desk_notes WHERE session_id = ?1 AND id > ?2"
	    " ORDER BY id";
	sqlite3_stmt	*s;
	struct desk_note *v = NULL, *d;
	size_t		 cnt = 0, cap = 0;
	int		 r;

	*out = NULL;
	*n = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, after);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (cnt == cap) {
			cap = cap < 8 ? 8 : cap * 2;
			v = xrealloc(v, cap * sizeof *v);
		}
		d = &v[cnt++];
		d->id = sqlite3_column_int64(s, 0);
		d->after_seq = sqlite3_column_int64(s, 1);
		d->kind = col_dup(s, 2);
		d->agent = col_dup(s, 3);
		d->text = col_dup(s, 4);
		d->created_at = col_dup(s, 5);
	}
	sqlite3_reset(s);
	*out = v;
	*n = cnt;
	if (r != SQLITE_DONE)
		return store_fail(st, err, "read notes");
	return SD_OK;
}

enum sd_rc
desk_note_add(struct store *st, const char *sid, const char *agent,
    const char *text, struct sd_error *err)
{
	struct session_info si;
	struct sbuf	 clean = SBUF_INIT;
	enum sd_rc	 rc;

	memset(&si, 0, sizeof si);
	text_sanitize(text, strlen(text), TEXT_MAX_MESSAGE, &clean, NULL);
	if (clean.len == 0)
		return sd_fail(err, SD_ERR_INVALID, "an empty note");
	if ((rc = store_begin(st, err)) != SD_OK)
		goto out;
	if ((rc = history_session_get(st, sid, &si, err)) == SD_OK)
		rc = note_add(st, sid, "note", agent, clean.buf, err);
	rc = finish(st, rc, err);
out:
	session_info_release(&si);
	sbuf_release(&clean);
	return rc;
}

/* label folded to lower case, or NULL when it is not a label. */
static char *
label_fold(const char *label)
{
	char	*l;
	size_t	 i, n = strlen(label);

	if (n == 0 || n > 32)
		return NULL;
	l = xstrdup(label);
	for (i = 0; i < n; i++) {
		if (l[i] >= 'A' && l[i] <= 'Z')
			l[i] = (char)(l[i] - 'A' + 'a');
		if (!((l[i] >= 'a' && l[i] <= 'z') || (l[i] >= '0' &&
		    l[i] <= '9') || l[i] == '-' || l[i] == '_' ||
		    l[i] == ':')) {
			free(l);
			return NULL;
		}
	}
	return l;
}

enum sd_rc
desk_label(struct store *st, const char *sid, const char *label, int on,
    int *changed, struct sd_error *err)
{
	static const char add[] = "INSERT OR IGNORE INTO desk_labels"
	    "(session_id, label) VALUES (?1, ?2)";
	static const char del[] = "DELETE FROM desk_labels"
	    " WHERE session_id = ?1 AND label = ?2";
	struct session_info si;
	sqlite3_stmt	*s;
	char		*l;
	enum sd_rc	 rc;
	int		 r;

	memset(&si, 0, sizeof si);
	if (changed != NULL)
		*changed = 0;
	if ((l = label_fold(label)) == NULL)
		return sd_fail(err, SD_ERR_INVALID, "label \"%s\": a word of "
		    "up to 32 letters, digits, '-', '_' or ':'", label);
	if ((rc = store_begin(st, err)) != SD_OK)
		goto out;
	if ((rc = history_session_get(st, sid, &si, err)) != SD_OK)
		goto done;
	if ((s = store_prepare(st, on ? add : del, err)) == NULL) {
		rc = SD_ERR_DB;
		goto done;
	}
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, l, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		rc = store_fail(st, err, on ? "add label" : "remove label");
	else if (changed != NULL)
		*changed = sqlite3_changes(store_db(st)) > 0;
done:
	rc = finish(st, rc, err);
out:
	session_info_release(&si);
	free(l);
	return rc;
}

char *
desk_labels(struct store *st, const char *sid)
{
	static const char sql[] = "SELECT group_concat(label, ', ') FROM"
	    " (SELECT label FROM desk_labels WHERE session_id = ?1"
	    " ORDER BY label)";
	sqlite3_stmt	*s;
	char		*v = NULL;

	if ((s = store_prepare(st, sql, NULL)) != NULL) {
		sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW)
			v = col_dup(s, 0);
		sqlite3_reset(s);
	}
	return v != NULL ? v : xstrdup("");
}

enum sd_rc
desk_resolve(struct store *st, const char *sid, const char *agent,
    const char *note, struct sd_error *err)
{
	static const char sql[] = "INSERT OR REPLACE INTO desk_resolved"
	    "(session_id, agent, at) VALUES (?1, ?2, ?3)";
	struct session_info si;
	struct sbuf	 ev = SBUF_INIT;
	sqlite3_stmt	*s;
	enum sd_rc	 rc;
	int		 r;

	memset(&si, 0, sizeof si);
	if ((rc = store_begin(st, err)) != SD_OK)
		return rc;
	if ((rc = history_session_get(st, sid, &si, err)) != SD_OK)
		goto out;
	if (held_by(&si, NULL) && strcmp(si.agent, agent) != 0) {
		rc = sd_fail(err, SD_ERR_CONFLICT, "%s is held by %s", sid,
		    si.agent);
		goto out;
	}
	if ((rc = history_session_update(st, sid, si.state, "closed", NULL,
	    NULL, err)) != SD_OK)
		goto out;
	if ((s = store_prepare(st, sql, err)) == NULL) {
		rc = SD_ERR_DB;
		goto out;
	}
	sqlite3_bind_text(s, 1, sid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, agent, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, store_now(), -1, SQLITE_TRANSIENT);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		rc = store_fail(st, err, "record the resolution");
		goto out;
	}
	sbuf_addf(&ev, "%s resolved the session", agent);
	if ((rc = note_add(st, sid, "event", agent, ev.buf, err)) == SD_OK &&
	    note != NULL && *note != '\0')
		rc = note_add(st, sid, "note", agent, note, err);
out:
	rc = finish(st, rc, err);
	session_info_release(&si);
	sbuf_release(&ev);
	return rc;
}

enum sd_rc
desk_resolved_count(struct store *st, const char *from, const char *to,
    long long key_id, long long *n, struct sd_error *err)
{
	static const char sql[] = "SELECT count(*) FROM desk_resolved r"
	    " WHERE (?1 IS NULL OR r.at >= ?1) AND (?2 IS NULL OR r.at <= ?2)"
	    " AND (?3 = 0 OR EXISTS (SELECT 1 FROM api_sessions a"
	    " WHERE a.session_id = r.session_id AND a.key_id = ?3))";
	sqlite3_stmt	*s;
	int		 r;

	*n = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	if (from != NULL)
		sqlite3_bind_text(s, 1, from, -1, SQLITE_STATIC);
	if (to != NULL)
		sqlite3_bind_text(s, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, key_id);
	if ((r = sqlite3_step(s)) == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_ROW)
		return store_fail(st, err, "count resolutions");
	return SD_OK;
}

void
desk_row_release(struct desk_row *r)
{
	session_info_release(&r->s);
	free(r->customer);
	free(r->last_role);
	free(r->last_text);
	free(r->last_at);
	free(r->waiting);
	free(r->labels);
	memset(r, 0, sizeof *r);
}

/*
 * One statement for the whole list: the subqueries each seek the
 * (session_id, seq) index of messages, a few rows per session.
 */
static const char queue_sql[] =
	"SELECT * FROM (SELECT s.id, s.user_id, s.channel, s.status,"
	" s.escalation_reason, s.agent, s.created_at, s.updated_at,"
	" (SELECT coalesce(max(m.seq), 0) FROM messages m"
	"  WHERE m.session_id = s.id) AS nlines,"
	" (SELECT m.role FROM messages m WHERE m.session_id = s.id"
	"  ORDER BY m.seq DESC LIMIT 1),"
	" (SELECT m.text FROM messages m WHERE m.session_id = s.id"
	"  ORDER BY m.seq DESC LIMIT 1),"
	" (SELECT m.created_at FROM messages m WHERE m.session_id = s.id"
	"  ORDER BY m.seq DESC LIMIT 1),"
	" CASE WHEN s.status IN ('escalated', 'agent') THEN"
	"  (SELECT min(m.created_at) FROM messages m"
	"   WHERE m.session_id = s.id AND m.role = 'user' AND m.seq >"
	"   (SELECT coalesce(max(a.seq), 0) FROM messages a"
	"    WHERE a.session_id = s.id AND a.role = 'agent')) END AS waiting,"
	" (SELECT group_concat(label, ', ') FROM (SELECT l.label FROM"
	"  desk_labels l WHERE l.session_id = s.id ORDER BY l.label))"
	" FROM sessions s"
	" WHERE (?1 = 0"
	"  OR (?1 = 1 AND s.status = 'escalated')"
	"  OR (?1 = 2 AND s.status = 'agent' AND s.agent = ?2)"
	"  OR (?1 = 4 AND EXISTS (SELECT 1 FROM desk_labels l"
	"   WHERE l.session_id = s.id AND l.label = ?3))"
	"  OR ?1 = 3)"
	" AND (?4 IS NULL OR s.id = ?4 OR s.user_id = ?4 COLLATE NOCASE"
	"  OR EXISTS (SELECT 1 FROM messages m WHERE m.session_id = s.id"
	"   AND m.role IN ('user', 'bot', 'agent')"
	"   AND m.text LIKE '%' || ?4 || '%' ESCAPE '\\')))"
	" WHERE ?1 != 3 OR waiting IS NOT NULL"
	" ORDER BY CASE WHEN status = 'escalated' AND waiting IS NOT NULL"
	"  THEN 0 WHEN status = 'agent' AND waiting IS NOT NULL THEN 1"
	"  WHEN status = 'escalated' THEN 2 WHEN status = 'agent' THEN 3"
	"  ELSE 4 END, updated_at DESC, id"
	" LIMIT ?5";

static void
queue_row(struct store *st, sqlite3_stmt *s, struct desk_row *r)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct customer	 cu;

	memset(r, 0, sizeof *r);
	r->s.id = col_dup(s, 0);
	r->s.user_id = col_dup(s, 1);
	r->s.channel = col_dup(s, 2);
	r->s.status = col_dup(s, 3);
	r->s.escalation_reason = col_dup(s, 4);
	r->s.agent = col_dup(s, 5);
	r->s.created_at = col_dup(s, 6);
	r->s.updated_at = col_dup(s, 7);
	r->s.turns = sqlite3_column_int64(s, 8);
	r->last_role = col_dup(s, 9);
	r->last_text = col_dup(s, 10);
	r->last_at = col_dup(s, 11);
	r->waiting = col_dup(s, 12);
	r->labels = col_dup(s, 13);
	if (r->labels == NULL)
		r->labels = xstrdup("");
	if (r->s.user_id != NULL &&
	    catalog_customer(st, r->s.user_id, &cu, &err) == SD_OK) {
		r->customer = cu.name;
		cu.name = NULL;
		customer_release(&cu);
	}
	sd_error_clear(&err);
}

/* text as a LIKE pattern's body, its wildcards escaped with '\'. */
static char *
like_escape(const char *text)
{
	struct sbuf	 sb = SBUF_INIT;

	for (; *text != '\0'; text++) {
		if (*text == '%' || *text == '_' || *text == '\\')
			sbuf_addc(&sb, '\\');
		sbuf_addc(&sb, *text);
	}
	return sbuf_detach(&sb, NULL);
}

enum sd_rc
desk_queue(struct store *st, const struct desk_filter *f,
    struct desk_row **out, size_t *n, struct sd_error *err)
{
	sqlite3_stmt	*s;
	struct desk_row	*v = NULL;
	size_t		 cnt = 0, cap = 0;
	char		*pat = NULL;
	int		 r;

	*out = NULL;
	*n = 0;
	if ((s = store_prepare(st, queue_sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int(s, 1, (int)f->show);
	if (f->agent != NULL)
		sqlite3_bind_text(s, 2, f->agent, -1, SQLITE_STATIC);
	if (f->label != NULL)
		sqlite3_bind_text(s, 3, f->label, -1, SQLITE_STATIC);
	if (f->text != NULL && *f->text != '\0') {
		pat = like_escape(f->text);
		sqlite3_bind_text(s, 4, pat, -1, SQLITE_STATIC);
	}
	sqlite3_bind_int64(s, 5, f->limit > 0 ? f->limit : -1);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (cnt == cap) {
			cap = cap < 16 ? 16 : cap * 2;
			v = xrealloc(v, cap * sizeof *v);
		}
		queue_row(st, s, &v[cnt++]);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	free(pat);
	*out = v;
	*n = cnt;
	if (r != SQLITE_DONE)
		return store_fail(st, err, "list the queue");
	return SD_OK;
}

/* Seconds since 1970 of "YYYY-MM-DDTHH:MM:SS", -1 when unreadable. */
static long long
iso_seconds(const char *t)
{
	int		 y, m, d, hh, mm, ss;
	long long	 era, yoe, doy, doe;

	if (t == NULL || sscanf(t, "%d-%d-%dT%d:%d:%d", &y, &m, &d, &hh, &mm,
	    &ss) != 6 || m < 1 || m > 12)
		return -1;
	/* Days from the civil date (proleptic Gregorian), no libc zone. */
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468) * 86400 + hh * 3600 + mm * 60 +
	    ss;
}

long long
desk_seconds_since(const char *since)
{
	long long	 a = iso_seconds(since), b = iso_seconds(store_now());

	return a < 0 || b < 0 || b < a ? 0 : b - a;
}

/*
 * The expected wait comes from the desk's own recent past, nothing
 * else: how long customers who were escalated in the last week waited
 * for an agent's first line (escalations seek the sessions_updated
 * index, then each session's messages by (session_id, seq)), how many
 * agents held a session in the last hour, and how many customers wait
 * now.  Escalations are a few an hour, so the reads cost nothing that
 * matters; a turn that does not escalate never makes them.
 */
static const char wait_samples_sql[] =
	"SELECT w FROM (SELECT"
	" (SELECT min(m.created_at) FROM messages m WHERE m.session_id = s.id"
	"  AND m.role = 'bot' AND m.action = 'escalate') AS esc,"
	" (julianday((SELECT min(a.created_at) FROM messages a"
	"  WHERE a.session_id = s.id AND a.role = 'agent')) - julianday("
	"  (SELECT min(m.created_at) FROM messages m WHERE m.session_id = s.id"
	"  AND m.role = 'bot' AND m.action = 'escalate'))) * 86400 AS w"
	" FROM sessions s WHERE s.updated_at >= strftime('%Y-%m-%dT%H:%M:%SZ',"
	" ?1, '-7 days') AND s.escalation_reason IS NOT NULL AND s.id != ?2)"
	" WHERE w IS NOT NULL AND w >= 0 ORDER BY esc DESC LIMIT ?3";
static const char wait_agents_sql[] =
	"SELECT count(DISTINCT s.agent) FROM sessions s WHERE s.agent IS NOT"
	" NULL AND s.updated_at >= strftime('%Y-%m-%dT%H:%M:%SZ', ?1,"
	" '-1 hour')";
static const char wait_queue_sql[] =
	"SELECT count(*) FROM sessions WHERE status = 'escalated' AND id != ?1";

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

enum sd_rc
desk_wait_estimate(struct store *st, const char *sid, long *minutes,
    struct sd_error *err)
{
	double		 w[DESK_WAIT_SAMPLES], median, secs;
	sqlite3_stmt	*s;
	long long	 agents = 0, ahead = 0, rounds;
	size_t		 n = 0;
	int		 r;

	*minutes = 0;
	if ((s = store_prepare(st, wait_samples_sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, store_now(), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, sid != NULL ? sid : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, DESK_WAIT_SAMPLES);
	while ((r = sqlite3_step(s)) == SQLITE_ROW && n < DESK_WAIT_SAMPLES)
		w[n++] = sqlite3_column_double(s, 0);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_DONE && r != SQLITE_ROW)
		return store_fail(st, err, "read recent waits");
	if ((s = store_prepare(st, wait_agents_sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, store_now(), -1, SQLITE_STATIC);
	if ((r = sqlite3_step(s)) == SQLITE_ROW)
		agents = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_ROW)
		return store_fail(st, err, "count agents on duty");
	if ((s = store_prepare(st, wait_queue_sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, sid != NULL ? sid : "", -1, SQLITE_STATIC);
	if ((r = sqlite3_step(s)) == SQLITE_ROW)
		ahead = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_ROW)
		return store_fail(st, err, "count the queue");
	/* Too few waits to go by, or nobody on duty: no number. */
	if (n < DESK_WAIT_MIN_SAMPLES || agents == 0)
		return SD_OK;
	qsort(w, n, sizeof w[0], cmp_double);
	median = n % 2 ? w[n / 2] : (w[n / 2 - 1] + w[n / 2]) / 2;
	/* Each agent takes one waiting customer per median wait. */
	rounds = (ahead + 1 + agents - 1) / agents;
	secs = median * (double)rounds;
	*minutes = (long)((secs + 59) / 60);
	if (*minutes < 1)
		*minutes = 1;
	return SD_OK;
}
