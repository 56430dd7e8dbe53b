/*
 * trigger-seen.c: whether a proactive message (trigger.c) reached the
 * customer's eyes, and the per-trigger figures as JSON for the
 * analytics endpoint.  A message counts as seen the first time the
 * customer's client fetches it: the notifications list, the session's
 * event stream, or the session's history (what the widget shows when
 * it opens the session).  Sent alone says only that it was stored.
 * The agent desk lists a customer's latest ones with that time, and
 * the API the ones after a given id (trigger_notes).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "store.h"
#include "trigger.h"

enum sd_rc
trigger_seen(struct store *st, const char *sid, long long first,
    long long last, struct sd_error *err)
{
	/*
	 * Every fetch of a history or a stream asks; nearly always none is
	 * new.  The read on the index of unseen firings answers that
	 * without the write lock an UPDATE would take first.
	 */
	static const char any[] = "SELECT EXISTS (SELECT 1"
	    " FROM trigger_firings WHERE message_id BETWEEN ?1 AND ?2"
	    " AND seen_at IS NULL AND session_id = ?3)";
	static const char mark[] = "UPDATE trigger_firings SET seen_at = ?4"
	    " WHERE message_id BETWEEN ?1 AND ?2 AND seen_at IS NULL"
	    " AND session_id = ?3";
	sqlite3_stmt	*s;
	int		 x, found = 0;

	if ((s = store_prepare(st, any, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, first);
	sqlite3_bind_int64(s, 2, last);
	sqlite3_bind_text(s, 3, sid, -1, SQLITE_STATIC);
	if ((x = sqlite3_step(s)) == SQLITE_ROW)
		found = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	if (x != SQLITE_ROW)
		return store_fail(st, err, "read unseen notifications");
	if (!found)
		return SD_OK;
	if ((s = store_prepare(st, mark, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, first);
	sqlite3_bind_int64(s, 2, last);
	sqlite3_bind_text(s, 3, sid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, store_now(), -1, SQLITE_TRANSIENT);
	x = sqlite3_step(s);
	sqlite3_reset(s);
	if (x != SQLITE_DONE)
		return store_fail(st, err, "mark notifications seen");
	return SD_OK;
}

enum sd_rc
trigger_report_json(struct store *st, double days, cJSON *obj,
    struct sd_error *err)
{
	struct trigger_stat *v = NULL;
	size_t		 n = 0, i;
	cJSON		*a, *it;
	enum sd_rc	 rc;

	if ((rc = trigger_report(st, days, &v, &n, err)) != SD_OK)
		return rc;
	a = cJSON_AddArrayToObject(obj, "triggers");
	for (i = 0; i < n; i++) {
		it = cJSON_CreateObject();
		cJSON_AddStringToObject(it, "trigger", v[i].trigger);
		cJSON_AddNumberToObject(it, "sent", (double)v[i].sent);
		cJSON_AddNumberToObject(it, "seen", (double)v[i].seen);
		cJSON_AddNumberToObject(it, "replied", (double)v[i].replied);
		cJSON_AddNumberToObject(it, "converted",
		    (double)v[i].converted);
		cJSON_AddNumberToObject(it, "converted_within_days", days);
		cJSON_AddItemToArray(a, it);
		free(v[i].trigger);
	}
	free(v);
	return SD_OK;
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

void
trigger_note_release(struct trigger_note *t)
{
	free(t->trigger);
	free(t->session_id);
	free(t->text);
	free(t->fired_at);
	free(t->seen_at);
	memset(t, 0, sizeof *t);
}

/*
 * The rows of s (bound by the caller): id, trigger, session, message,
 * text, fired_at, seen_at.  what names them in an error.
 */
static enum sd_rc
notes_read(struct store *st, sqlite3_stmt *s, const char *what,
    struct trigger_note **out, size_t *n, struct sd_error *err)
{
	struct trigger_note *v = NULL, *t;
	size_t		 len = 0;
	int		 x;

	while ((x = sqlite3_step(s)) == SQLITE_ROW) {
		v = xrealloc(v, (len + 1) * sizeof *v);
		t = &v[len++];
		t->id = sqlite3_column_int64(s, 0);
		t->trigger = col_dup(s, 1);
		t->session_id = col_dup(s, 2);
		t->message_id = sqlite3_column_int64(s, 3);
		t->text = col_dup(s, 4);
		t->fired_at = col_dup(s, 5);
		t->seen_at = col_dup(s, 6);
	}
	sqlite3_reset(s);
	if (x != SQLITE_DONE) {
		while (len > 0)
			trigger_note_release(&v[--len]);
		free(v);
		return store_fail(st, err, what);
	}
	*out = v;
	*n = len;
	return SD_OK;
}

enum sd_rc
trigger_notes(struct store *st, const char *customer, long long after,
    int limit, struct trigger_note **out, size_t *n, struct sd_error *err)
{
	static const char sql[] = "SELECT f.id, f.trigger, f.session_id,"
	    " f.message_id, m.text, f.fired_at, f.seen_at"
	    " FROM trigger_firings f"
	    " JOIN messages m ON m.id = f.message_id"
	    " WHERE f.customer = ?1 AND f.id > ?2 ORDER BY f.id LIMIT ?3";
	sqlite3_stmt	*s;

	*out = NULL;
	*n = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, customer, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, after);
	sqlite3_bind_int(s, 3, limit);
	return notes_read(st, s, "read notifications", out, n, err);
}

enum sd_rc
trigger_recent(struct store *st, const char *customer, int limit,
    struct trigger_note **out, size_t *n, struct sd_error *err)
{
	static const char sql[] = "SELECT f.id, f.trigger, f.session_id,"
	    " f.message_id, m.text, f.fired_at, f.seen_at"
	    " FROM trigger_firings f JOIN messages m ON m.id = f.message_id"
	    " WHERE f.customer = ?1 ORDER BY f.id DESC LIMIT ?2";
	sqlite3_stmt	*s;

	*out = NULL;
	*n = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, customer, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, limit);
	return notes_read(st, s, "read the customer's notifications", out, n,
	    err);
}
