/*
 * serve-chat.c: the endpoints a shop's front ends call for their
 * customers: a turn (POST /api/chat/message), a session's history and
 * new messages (GET /api/chat/history/ID, /api/chat/events/ID), the
 * proactive messages (GET /api/chat/notifications), feedback (POST
 * /api/chat/feedback) and the chat widget's files (GET /widget/...).
 * They share one rule, kept here: a session is visible only to the key,
 * site or customer that opened it, and any other looks as unknown as a
 * made-up id.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <microhttpd.h>

#include "shopdesk.h"
#include "analytics.h"
#include "apikey.h"
#include "engine.h"
#include "history.h"
#include "sbuf.h"
#include "serve-check.h"
#include "serve-events.h"
#include "serve-int.h"
#include "serve-limit.h"
#include "serve-site.h"
#include "site.h"
#include "store.h"
#include "text.h"
#include "trigger.h"

#define HISTORY_LIMIT	50	/* messages per page by default */
#define HISTORY_MAX	500	/* largest page */
#define EVENTS_MAX_S	600	/* an event stream's life; clients reconnect */

/* A turn's time, in the latency histogram. */
void
serve_count_turn(struct serve *sv, long long us)
{
	size_t	 i;

	for (i = 0; i < NLAT && us > lat_bounds[i]; i++)
		;
	atomic_fetch_add(&sv->turn_hist[i], 1);
	atomic_fetch_add(&sv->turn_sum_us, (unsigned long long)us);
	atomic_fetch_add(&sv->turns, 1);
}

/*
 * The answer to a turn, streamed or not.  It borrows the trace's parts
 * by reference: delete it before releasing the turn.
 */
cJSON *
serve_turn_json(struct store *st, const struct turn *tu, int debug)
{
	cJSON	*resp = cJSON_CreateObject(), *tr = tu->trace, *cit;

	cJSON_AddStringToObject(resp, "session_id", tu->session_id);
	if (tu->bot_msg_id > 0)
		cJSON_AddNumberToObject(resp, "message_id",
		    (double)tu->bot_msg_id);
	else
		cJSON_AddNullToObject(resp, "message_id");
	cJSON_AddNumberToObject(resp, "user_message_id",
	    (double)tu->user_msg_id);
	cJSON_AddStringToObject(resp, "reply", tu->reply);
	cJSON_AddItemToObject(resp, "tables", turn_tables_json(tu->tables,
	    tu->ntables));
	if (cJSON_GetObjectItem(tr, "intent") != NULL)
		cJSON_AddItemReferenceToObject(resp, "intent",
		    cJSON_GetObjectItem(tr, "intent"));
	if (cJSON_GetObjectItem(tr, "entities") != NULL)
		cJSON_AddItemReferenceToObject(resp, "entities",
		    cJSON_GetObjectItem(tr, "entities"));
	if ((cit = cJSON_GetObjectItem(tr, "citations")) != NULL) {
		cJSON_AddItemReferenceToObject(resp, "citations", cit);
		/* What a front end shows as product cards. */
		cJSON_AddItemToObject(resp, "products",
		    serve_product_cards(st, cit));
	}
	if (cJSON_GetObjectItem(tr, "options") != NULL)
		cJSON_AddItemReferenceToObject(resp, "options",
		    cJSON_GetObjectItem(tr, "options"));
	cJSON_AddStringToObject(resp, "action", tu->action != NULL ?
	    tu->action : "");
	cJSON_AddBoolToObject(resp, "escalated", tu->escalated);
	if (debug)
		cJSON_AddItemReferenceToObject(resp, "trace", tr);
	return resp;
}

/*
 * Whether the request may use session sid: SD_OK (*user, when not
 * NULL, gets its user), SD_ERR_NOTFOUND for a made-up id or one that
 * another key, site or customer opened (they look alike), or an error.
 */
static enum sd_rc
session_visible(struct worker *w, const struct req *r, const char *sid,
    char **user, struct sd_error *err)
{
	if (user != NULL)
		*user = NULL;
	if (!serve_session_id_ok(sid))
		return sd_fail(err, SD_ERR_NOTFOUND, "no session");
	if (r->site.site_id > 0)
		return site_session_check(w->st, sid, r->site.site_id,
		    r->site.customer, user, err);
	return apikey_session_check(w->st, sid, r->key_id, user, err);
}

enum MHD_Result
serve_api_message(struct serve *sv, struct MHD_Connection *c, struct req *r,
    struct worker *w)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct turn	 tu;
	struct session_info si;
	struct engine	*e;
	enum MHD_Result	 ret = MHD_NO;
	const char	*msg, *user, *sid;
	char		*owner = NULL, *newid = NULL, *visitor = NULL;
	cJSON		*o, *resp = NULL;
	long long	 t0;
	int		 created = 0, have_turn = 0;
	int		 widget = r->site.site_id > 0;
	enum sd_rc	 rc;

	memset(&tu, 0, sizeof tu);
	memset(&si, 0, sizeof si);
	if ((o = serve_parse_body(sv, c, r, &ret)) == NULL)
		return ret;
	if (serve_get_string(sv, c, r, o, "message", 1, 1, TEXT_MAX_MESSAGE,
	    413, &msg, &ret) != 0 ||
	    serve_get_string(sv, c, r, o, "user_id", !widget, 0,
	    SERVE_USER_MAX, 400, &user, &ret) != 0 ||
	    serve_get_string(sv, c, r, o, "session_id", 0, 0, SIZE_MAX, 400,
	    &sid, &ret) != 0)
		goto out;
	if (serve_blank(msg)) {
		ret = ERR(400, "message", "message: empty");
		goto out;
	}
	if (widget && user != NULL) {
		/* A browser cannot be trusted to say who it is. */
		ret = ERR(400, "user_id", "user_id: not accepted with a site "
		    "key; the customer comes from the signed identity (%s)",
		    SERVE_IDENTITY_HEADER);
		goto out;
	}
	if (widget)
		user = r->site.customer;
	else if (*user == '\0') {
		ret = ERR(400, "user_id", "user_id: empty");
		goto out;
	}
	if ((e = serve_worker_engine(sv, w, &err)) == NULL) {
		ret = serve_respond_fail(sv, c, r, &err, "engine: ");
		goto out;
	}
	if (sid != NULL) {
		/* Only sessions this key opened; made-up ids are unknown. */
		rc = session_visible(w, r, sid, &owner, &err);
		if (rc == SD_OK && widget)
			user = owner;
		if (rc == SD_ERR_NOTFOUND) {
			ret = serve_no_session(sv, c, r, "session_id", sid);
			goto out;
		}
		if (rc != SD_OK) {
			ret = serve_respond_fail(sv, c, r, &err, "");
			goto out;
		}
		if (owner != NULL && strcmp(owner, user) != 0) {
			ret = ERR(400, "user_id", "user_id: session \"%s\" "
			    "belongs to another user", sid);
			goto out;
		}
	} else {
		/*
		 * A new session: its id is made here, random, so that it
		 * cannot be guessed, and it is recorded with its key before
		 * the first turn runs.
		 */
		if ((sid = newid = serve_new_session_id(&err)) == NULL) {
			ret = serve_respond_fail(sv, c, r, &err, "");
			goto out;
		}
		if (widget && user == NULL)
			user = visitor = serve_site_visitor(sid);
		if ((rc = store_begin(w->st, &err)) == SD_OK &&
		    (rc = history_session_open(w->st, sid, user, "api", 0,
		    &si, &created, &err)) == SD_OK &&
		    (rc = apikey_session_claim(w->st, sid, r->key_id,
		    &err)) == SD_OK && (!widget ||
		    (rc = site_session_claim(w->st, sid, r->site.site_id,
		    r->site.customer, &err)) == SD_OK))
			rc = store_commit(w->st, &err);
		if (rc != SD_OK) {
			store_rollback(w->st);
			ret = serve_respond_fail(sv, c, r, &err, "");
			goto out;
		}
		atomic_fetch_add(&sv->sessions_created, 1);
	}

	if (serve_wants_stream(c)) {
		ret = serve_stream_start(sv, c, r, sid, user, msg);
		goto out;
	}

	t0 = serve_mono_us();
	serve_locks_lock(sv->locks, sid);
	rc = engine_turn(e, ENGINE_API, sid, user, msg, strlen(msg), &tu,
	    &err);
	serve_locks_unlock(sv->locks, sid);
	if (rc != SD_OK) {
		ret = serve_respond_fail(sv, c, r, &err, "turn: ");
		goto out;
	}
	have_turn = 1;
	serve_count_turn(sv, serve_mono_us() - t0);
	resp = serve_turn_json(w->st, &tu, serve_query_flag(c, "debug"));
	ret = serve_respond_json(sv, c, r, 200, resp);
out:
	cJSON_Delete(resp);
	if (have_turn)
		turn_release(&tu);
	cJSON_Delete(o);
	session_info_release(&si);
	sd_error_clear(&err);
	free(owner);
	free(newid);
	free(visitor);
	return ret;
}

static cJSON *
message_json(const struct message_info *m, int with_trace)
{
	cJSON	*o = cJSON_CreateObject(), *t;

	cJSON_AddNumberToObject(o, "id", (double)m->id);
	cJSON_AddNumberToObject(o, "seq", (double)m->seq);
	cJSON_AddStringToObject(o, "role", m->role != NULL ? m->role : "");
	cJSON_AddStringToObject(o, "text", m->text != NULL ? m->text : "");
	if (m->intent != NULL) {
		cJSON_AddStringToObject(o, "intent", m->intent);
		cJSON_AddNumberToObject(o, "confidence", m->confidence);
	}
	if (m->action != NULL)
		cJSON_AddStringToObject(o, "action", m->action);
	if (m->latency_us > 0)
		cJSON_AddNumberToObject(o, "latency_us", (double)m->latency_us);
	cJSON_AddStringToObject(o, "created_at", m->created_at != NULL ?
	    m->created_at : "");
	if (with_trace && m->trace != NULL &&
	    (t = cJSON_Parse(m->trace)) != NULL)
		cJSON_AddItemToObject(o, "trace", t);
	return o;
}

enum MHD_Result
serve_api_history(struct serve *sv, struct MHD_Connection *c, struct req *r,
    struct worker *w, const char *sid)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct session_info si;
	struct message_info *v = NULL;
	enum MHD_Result	 ret = MHD_NO;
	long long	 offset, limit;
	size_t		 n = 0, i;
	cJSON		*o = NULL, *a;
	int		 debug = serve_query_flag(c, "debug");
	enum sd_rc	 rc;

	/* A widget never sees traces: they hold retrieved context. */
	if (r->site.site_id > 0)
		debug = 0;
	memset(&si, 0, sizeof si);
	if ((offset = serve_query_int(sv, c, r, "offset", 0, LLONG_MAX / 2,
	    &ret)) < 0 ||
	    (limit = serve_query_int(sv, c, r, "limit", HISTORY_LIMIT,
	    HISTORY_MAX, &ret)) < 0)
		return ret;
	if (limit == 0)
		return ERR(400, "limit", "limit: must be from 1 to %d",
		    HISTORY_MAX);
	rc = session_visible(w, r, sid, NULL, &err);
	if (rc == SD_OK)
		rc = history_session_get(w->st, sid, &si, &err);
	if (rc == SD_ERR_NOTFOUND) {
		ret = serve_no_session(sv, c, r, NULL, sid);
		goto out;
	}
	if (rc == SD_OK)
		rc = history_messages(w->st, sid, offset, limit, debug, &v, &n,
		    &err);
	if (rc != SD_OK) {
		ret = serve_respond_fail(sv, c, r, &err, "");
		goto out;
	}
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "session_id", si.id);
	if (si.user_id != NULL)
		cJSON_AddStringToObject(o, "user_id", si.user_id);
	else
		cJSON_AddNullToObject(o, "user_id");
	cJSON_AddStringToObject(o, "status", si.status);
	cJSON_AddStringToObject(o, "created_at", si.created_at);
	cJSON_AddStringToObject(o, "updated_at", si.updated_at);
	cJSON_AddNumberToObject(o, "total", (double)si.turns);
	cJSON_AddNumberToObject(o, "offset", (double)offset);
	cJSON_AddNumberToObject(o, "limit", (double)limit);
	a = cJSON_AddArrayToObject(o, "messages");
	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(a, message_json(&v[i], debug));
	/* The proactive messages among them reached the client: seen. */
	if (n > 0 && trigger_seen(w->st, sid, v[0].id, v[n - 1].id, &err) !=
	    SD_OK) {
		ret = serve_respond_fail(sv, c, r, &err, "");
		goto out;
	}
	ret = serve_respond_json(sv, c, r, 200, o);
out:
	for (i = 0; i < n; i++)
		message_info_release(&v[i]);
	free(v);
	cJSON_Delete(o);
	session_info_release(&si);
	sd_error_clear(&err);
	return ret;
}

/*
 * A session's new messages as they are stored (serve-events.c), from the
 * after-th on: what a chat widget listens to for an agent's lines.
 */
enum MHD_Result
serve_api_events(struct serve *sv, struct MHD_Connection *c, struct req *r,
    struct worker *w, const char *sid)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct MHD_Response *resp;
	enum MHD_Result	 ret;
	long long	 after;
	enum sd_rc	 rc;

	if ((after = serve_query_int(sv, c, r, "after", 0, LLONG_MAX / 2,
	    &ret)) < 0)
		return ret;
	rc = session_visible(w, r, sid, NULL, &err);
	if (rc == SD_ERR_NOTFOUND) {
		sd_error_clear(&err);
		return serve_no_session(sv, c, r, NULL, sid);
	}
	if (rc != SD_OK) {
		ret = serve_respond_fail(sv, c, r, &err, "");
		sd_error_clear(&err);
		return ret;
	}
	if ((resp = serve_events_open(sv->events, c, sid, after, EVENTS_MAX_S,
	    &r->bytes)) == NULL)
		return MHD_NO;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
	    "text/event-stream; charset=utf-8");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
	    "no-cache");
	MHD_add_response_header(resp, "X-Accel-Buffering", "no");
	serve_common_headers(resp, r);
	r->status = 200;
	ret = MHD_queue_response(c, 200, resp);
	MHD_destroy_response(resp);
	return ret;
}

/*
 * The proactive messages sent to a customer (trigger.c): a widget's
 * signed-in customer, or ?user_id= for an API key.  Each names its
 * session, which the caller may then use: one no one opened yet becomes
 * the caller's; one another key or site opened is left out.
 */
enum MHD_Result
serve_api_notifications(struct serve *sv, struct MHD_Connection *c,
    struct req *r, struct worker *w)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct trigger_note *v = NULL;
	enum MHD_Result	 ret;
	const char	*who;
	long long	 after;
	size_t		 n = 0, i;
	cJSON		*o, *a, *it;
	enum sd_rc	 rc = SD_OK;
	int		 ok;

	if ((after = serve_query_int(sv, c, r, "after", 0, LLONG_MAX / 2,
	    &ret)) < 0)
		return ret;
	if (r->site.site_id > 0)
		who = r->site.customer;
	else if ((who = MHD_lookup_connection_value(c,
	    MHD_GET_ARGUMENT_KIND, "user_id")) == NULL || *who == '\0')
		return ERR(400, "user_id", "user_id: required");
	if (who != NULL)
		rc = trigger_notes(w->st, who, after, 50, &v, &n, &err);
	o = cJSON_CreateObject();
	a = cJSON_AddArrayToObject(o, "notifications");
	for (i = 0; i < n && rc == SD_OK; i++) {
		if (r->site.site_id > 0)
			rc = site_session_adopt(w->st, v[i].session_id,
			    r->site.site_id, who, &ok, &err);
		else if (r->key_id > 0)
			rc = apikey_session_adopt(w->st, v[i].session_id,
			    r->key_id, &ok, &err);
		else
			ok = 1;
		if (rc != SD_OK || !ok)
			continue;
		it = cJSON_CreateObject();
		cJSON_AddNumberToObject(it, "id", (double)v[i].id);
		cJSON_AddStringToObject(it, "trigger", v[i].trigger);
		cJSON_AddStringToObject(it, "session_id", v[i].session_id);
		cJSON_AddNumberToObject(it, "message_id",
		    (double)v[i].message_id);
		cJSON_AddStringToObject(it, "text", v[i].text);
		cJSON_AddStringToObject(it, "fired_at", v[i].fired_at);
		cJSON_AddItemToArray(a, it);
		/* Listed to the customer's client: seen. */
		rc = trigger_seen(w->st, v[i].session_id, v[i].message_id,
		    v[i].message_id, &err);
	}
	if (rc != SD_OK)
		ret = serve_respond_fail(sv, c, r, &err, "");
	else
		ret = serve_respond_json(sv, c, r, 200, o);
	cJSON_Delete(o);
	for (i = 0; i < n; i++)
		trigger_note_release(&v[i]);
	free(v);
	sd_error_clear(&err);
	return ret;
}

enum MHD_Result
serve_api_feedback(struct serve *sv, struct MHD_Connection *c, struct req *r,
    struct worker *w)
{
	struct sd_error	 err = SD_ERROR_INIT;
	enum MHD_Result	 ret = MHD_NO;
	const char	*comment;
	cJSON		*o, *v, *resp = NULL;
	long long	 mid, fid;
	int		 rating = 0;
	enum sd_rc	 rc;

	if ((o = serve_parse_body(sv, c, r, &ret)) == NULL)
		return ret;
	v = cJSON_GetObjectItemCaseSensitive(o, "message_id");
	if (v == NULL) {
		ret = ERR(400, "message_id", "message_id: missing");
		goto out;
	}
	if (!cJSON_IsNumber(v) || v->valuedouble < 1 ||
	    v->valuedouble > 9e15 || v->valuedouble != (double)(long long)
	    v->valuedouble) {
		ret = ERR(400, "message_id", "message_id: must be a positive "
		    "integer");
		goto out;
	}
	mid = (long long)v->valuedouble;
	v = cJSON_GetObjectItemCaseSensitive(o, "rating");
	if (v == NULL) {
		ret = ERR(400, "rating", "rating: missing");
		goto out;
	}
	/* Thumbs map to the ends of the 1-5 scale. */
	if (cJSON_IsString(v) && strcmp(v->valuestring, "up") == 0)
		rating = 5;
	else if (cJSON_IsString(v) && strcmp(v->valuestring, "down") == 0)
		rating = 1;
	else if (cJSON_IsNumber(v) && v->valuedouble >= 1 &&
	    v->valuedouble <= 5 && v->valuedouble == (double)(int)v->valuedouble)
		rating = (int)v->valuedouble;
	else {
		ret = ERR(400, "rating", "rating: must be \"up\", \"down\" or "
		    "an integer from 1 to 5");
		goto out;
	}
	if (serve_get_string(sv, c, r, o, "comment", 0, 1, SERVE_COMMENT_MAX,
	    413, &comment, &ret) != 0)
		goto out;
	/* A widget rates the messages of its own sessions only. */
	rc = r->site.site_id > 0 ? site_message_check(w->st, mid,
	    r->site.site_id, r->site.customer, &err) : SD_OK;
	if (rc == SD_OK)
		rc = analytics_feedback(w->st, mid, rating, comment,
		    r->key_id, &fid, &err);
	if (rc == SD_ERR_NOTFOUND) {
		ret = ERR(404, "message_id", "%s", sd_error_msg(&err));
		goto out;
	}
	if (rc == SD_ERR_INVALID) {
		ret = ERR(400, "message_id", "message_id: %s",
		    sd_error_msg(&err));
		goto out;
	}
	if (rc != SD_OK) {
		ret = serve_respond_fail(sv, c, r, &err, "");
		goto out;
	}
	resp = cJSON_CreateObject();
	cJSON_AddNumberToObject(resp, "feedback_id", (double)fid);
	cJSON_AddNumberToObject(resp, "message_id", (double)mid);
	cJSON_AddNumberToObject(resp, "rating", rating);
	ret = serve_respond_json(sv, c, r, 201, resp);
out:
	cJSON_Delete(resp);
	cJSON_Delete(o);
	sd_error_clear(&err);
	return ret;
}

/* A file of the widget (share/widget), with the pages' policy. */
enum MHD_Result
serve_api_widget(struct serve *sv, struct MHD_Connection *c, struct req *r,
    const char *name)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct MHD_Response *resp;
	enum MHD_Result	 ret;
	const char	*ctype;
	char		*body;
	size_t		 len;
	enum sd_rc	 rc;

	rc = serve_widget_file(sv->share_dir, name, &body, &len, &ctype,
	    &err);
	if (rc == SD_ERR_NOTFOUND) {
		sd_error_clear(&err);
		return ERR(404, NULL, "no widget file \"%.*s\"",
		    SERVE_ECHO_MAX, name);
	}
	if (rc != SD_OK) {
		ret = serve_respond_fail(sv, c, r, &err, "");
		sd_error_clear(&err);
		return ret;
	}
	resp = MHD_create_response_from_buffer(len, body,
	    MHD_RESPMEM_MUST_FREE);
	if (resp == NULL) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
	    "no-cache");
	MHD_add_response_header(resp, "Content-Security-Policy",
	    sv->widget_csp);
	/* The script and styles load into the shop's pages. */
	MHD_add_response_header(resp, "Cross-Origin-Resource-Policy",
	    "cross-origin");
	serve_common_headers(resp, r);
	r->status = 200;
	r->bytes = len;
	ret = MHD_queue_response(c, 200, resp);
	MHD_destroy_response(resp);
	return ret;
}
